// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IParameterized} from "../interfaces/IParameterized.sol";
import {IProviderStaking} from "../interfaces/IProviderStaking.sol";
import {IReputationStake} from "../interfaces/IReputationStake.sol";
import {StakingKeys} from "../libraries/StakingKeys.sol";
import {StakingMath} from "../libraries/StakingMath.sol";
import {BPS} from "../common/Constants.sol";

/// @title ReputationStake
/// @notice Providers' reputation stake: a bounded score with diminishing returns, a cooldown to leave, slashed
/// with the provider. Deployed by the staking contract.
contract ReputationStake is IReputationStake {
    using SafeERC20 for IERC20;

    IERC20 private immutable _TOKEN;
    address private immutable _STAKING;

    mapping(address provider => ReputationAccount) private _accounts;
    uint256 private _totalOwed;

    /// @notice Deploys the reputation stake; the deployer is the staking contract.
    /// @param token_ The staked token.
    constructor(IERC20 token_) {
        _TOKEN = token_;
        _STAKING = msg.sender;
    }

    /// @inheritdoc IReputationStake
    function addStake(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        if (!IProviderStaking(_STAKING).isRegistered(msg.sender)) revert NotAProvider(msg.sender);
        ReputationAccount storage a = _accounts[msg.sender];
        uint256 stake = a.stake + amount;
        a.stake = SafeCast.toUint128(stake);
        _totalOwed += amount;
        emit ReputationAdded(msg.sender, amount, stake);
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IReputationStake
    function requestWithdrawal(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        ReputationAccount storage a = _accounts[msg.sender];
        uint256 stake = a.stake;
        if (amount > stake) revert InsufficientReputation(stake, amount);
        uint256 pending = a.pending + amount;
        uint256 unlockAt = block.timestamp + IParameterized(_STAKING).parameter(StakingKeys.UNBONDING_PERIOD);
        a.stake = uint128(stake - amount);
        a.pending = uint128(pending);
        a.unlockAt = SafeCast.toUint48(unlockAt);
        emit WithdrawalRequested(msg.sender, amount, pending, unlockAt);
    }

    /// @inheritdoc IReputationStake
    function cancelWithdrawal() external {
        ReputationAccount storage a = _accounts[msg.sender];
        uint256 pending = a.pending;
        if (pending == 0) revert NoPendingWithdrawal(msg.sender);
        a.stake += uint128(pending);
        a.pending = 0;
        a.unlockAt = 0;
        emit WithdrawalCancelled(msg.sender, pending);
    }

    /// @inheritdoc IReputationStake
    function withdraw() external returns (uint256 amount) {
        ReputationAccount storage a = _accounts[msg.sender];
        amount = a.pending;
        if (amount == 0) revert NoPendingWithdrawal(msg.sender);
        if (block.timestamp < a.unlockAt) revert CooldownNotFinished(msg.sender, a.unlockAt);
        a.pending = 0;
        a.unlockAt = 0;
        _totalOwed -= amount;
        emit ReputationWithdrawn(msg.sender, amount);
        _TOKEN.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc IReputationStake
    function slash(address provider, uint256 bps) external returns (uint256 amount) {
        if (msg.sender != _STAKING) revert OnlyStaking(msg.sender);
        ReputationAccount storage a = _accounts[provider];
        uint256 fromStake = (uint256(a.stake) * bps) / BPS;
        uint256 fromPending = (uint256(a.pending) * bps) / BPS;
        amount = fromStake + fromPending;
        if (amount == 0) return 0;
        a.stake -= uint128(fromStake);
        a.pending -= uint128(fromPending);
        _totalOwed -= amount;
        emit ReputationSlashed(provider, bps, amount);
        ERC20Burnable(address(_TOKEN)).burn(amount);
    }

    /// @inheritdoc IReputationStake
    function scoreOf(address provider) external view returns (uint256) {
        uint256 halfStake = IParameterized(_STAKING).parameter(StakingKeys.REPUTATION_HALF_STAKE);
        return StakingMath.reputationScore(_accounts[provider].stake, halfStake);
    }

    /// @inheritdoc IReputationStake
    function accountOf(address provider) external view returns (ReputationAccount memory) {
        return _accounts[provider];
    }

    /// @inheritdoc IReputationStake
    function totalOwed() external view returns (uint256) {
        return _totalOwed;
    }

    /// @inheritdoc IReputationStake
    function staking() external view returns (address) {
        return _STAKING;
    }
}
