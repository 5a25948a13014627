// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {ILiquidityIncentives} from "../interfaces/ILiquidityIncentives.sol";
import {IRewardReceiver} from "../interfaces/IRewardReceiver.sol";

/// @title LiquidityIncentives
/// @notice Stake LP tokens, earn the reward token from a funded stream; the stream pauses while nobody is staked.
contract LiquidityIncentives is ILiquidityIncentives, AccessManaged, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    uint256 private constant PRECISION = 1e18;

    struct Staker {
        uint128 balance;
        uint128 owed;
    }

    IERC20 private immutable _STAKING_TOKEN;
    IERC20 private immutable _REWARD_TOKEN;
    uint256 private immutable _REWARD_DURATION;

    uint256 private _accPerToken;
    uint128 private _totalStaked;
    uint48 private _lastUpdate;
    uint48 private _periodFinish;
    uint128 private _rewardRate;
    uint128 private _rewardReserve;

    mapping(address account => Staker) private _stakers;
    mapping(address account => uint256) private _paidPerToken;

    /// @notice Binds the tokens and the stream duration.
    /// @param stakingToken_ The LP token (the Uniswap V2 pair).
    /// @param rewardToken_ The reward token (must differ from the LP token).
    /// @param manager The AccessManager (funding is restricted).
    /// @param rewardDuration Seconds over which a funded amount is streamed.
    constructor(
        IERC20 stakingToken_,
        IERC20 rewardToken_,
        address manager,
        uint256 rewardDuration
    ) AccessManaged(manager) {
        if (address(stakingToken_) == address(0)) revert InvalidConfig(0);
        if (address(rewardToken_) == address(0) || address(rewardToken_) == address(stakingToken_))
            revert InvalidConfig(1);
        if (rewardDuration == 0 || rewardDuration > 10 * 365 days) revert InvalidConfig(2);
        _STAKING_TOKEN = stakingToken_;
        _REWARD_TOKEN = rewardToken_;
        _REWARD_DURATION = rewardDuration;
        _lastUpdate = SafeCast.toUint48(block.timestamp);
    }

    /// @inheritdoc ILiquidityIncentives
    function stake(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        Staker storage s = _update(msg.sender);
        s.balance += SafeCast.toUint128(amount);
        _totalStaked += SafeCast.toUint128(amount);
        emit Staked(msg.sender, amount);
        _STAKING_TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc ILiquidityIncentives
    function withdraw(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        Staker storage s = _update(msg.sender);
        if (amount > s.balance) revert InsufficientStake(amount, s.balance);
        s.balance -= SafeCast.toUint128(amount);
        _totalStaked -= SafeCast.toUint128(amount);
        emit Withdrawn(msg.sender, amount);
        _STAKING_TOKEN.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc ILiquidityIncentives
    function claim() external nonReentrant returns (uint256 paid) {
        Staker storage s = _update(msg.sender);
        paid = s.owed;
        if (paid == 0) revert ZeroAmount();
        s.owed = 0;
        _rewardReserve -= SafeCast.toUint128(paid);
        emit RewardPaid(msg.sender, paid);
        _REWARD_TOKEN.safeTransfer(msg.sender, paid);
    }

    /// @inheritdoc IRewardReceiver
    /// @dev Restricted (the preset's liquidity-incentive funder). The rate becomes (amount + what is left of the
    /// running stream) / duration; the pool must already hold the tokens.
    function notifyRewardAmount(uint256 amount) external restricted {
        if (amount == 0) revert ZeroAmount();
        _accrue();
        uint256 required = uint256(_rewardReserve) + amount;
        uint256 balance = _REWARD_TOKEN.balanceOf(address(this));
        if (balance < required) revert InsufficientRewardBalance(balance, required);
        uint256 leftover = block.timestamp < _periodFinish ? (_periodFinish - block.timestamp) * _rewardRate : 0;
        uint256 rate = (amount + leftover) / _REWARD_DURATION;
        _rewardRate = SafeCast.toUint128(rate);
        _periodFinish = SafeCast.toUint48(block.timestamp + _REWARD_DURATION);
        _rewardReserve += SafeCast.toUint128(amount);
        emit RewardAdded(amount, rate, block.timestamp + _REWARD_DURATION);
    }

    /// @inheritdoc ILiquidityIncentives
    function balanceOf(address account) external view returns (uint256) {
        return _stakers[account].balance;
    }

    /// @inheritdoc ILiquidityIncentives
    function totalStaked() external view returns (uint256) {
        return _totalStaked;
    }

    /// @inheritdoc ILiquidityIncentives
    function earned(address account) external view returns (uint256) {
        uint256 acc = _accPerToken;
        uint256 total = _totalStaked;
        if (total != 0) acc += (_pending(_lastUpdate) * PRECISION) / total;
        Staker memory s = _stakers[account];
        return s.owed + Math.mulDiv(s.balance, acc - _paidPerToken[account], PRECISION);
    }

    /// @inheritdoc ILiquidityIncentives
    function rewardReserve() external view returns (uint256) {
        return _rewardReserve;
    }

    /// @inheritdoc ILiquidityIncentives
    function stakingToken() external view returns (address) {
        return address(_STAKING_TOKEN);
    }

    /// @inheritdoc ILiquidityIncentives
    function rewardToken() external view returns (address) {
        return address(_REWARD_TOKEN);
    }

    function _pending(uint256 from) private view returns (uint256) {
        uint256 finish = _periodFinish;
        if (from >= finish) return 0;
        return (Math.min(block.timestamp, finish) - from) * _rewardRate;
    }

    function _accrue() private returns (uint256 acc) {
        acc = _accPerToken;
        uint256 last = _lastUpdate;
        if (last == block.timestamp) return acc;
        uint256 total = _totalStaked;
        if (total == 0) {
            // Nobody staked: the stream pauses (its end moves later by the idle time), so nothing is lost and no
            // first staker can take a held-back backlog in one block.
            uint256 finish = _periodFinish;
            if (last < finish) _periodFinish = SafeCast.toUint48(finish + (Math.min(block.timestamp, finish) - last));
        } else {
            uint256 amount = _pending(last);
            if (amount != 0) {
                acc += Math.mulDiv(amount, PRECISION, total);
                _accPerToken = acc;
            }
        }
        _lastUpdate = SafeCast.toUint48(block.timestamp);
    }

    function _update(address account) private returns (Staker storage s) {
        uint256 acc = _accrue();
        s = _stakers[account];
        uint256 paidPer = _paidPerToken[account];
        if (paidPer != acc) {
            if (s.balance != 0) s.owed += SafeCast.toUint128(Math.mulDiv(s.balance, acc - paidPer, PRECISION));
            _paidPerToken[account] = acc;
        }
    }
}
