// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

import {IStakingVotes} from "../interfaces/IStakingVotes.sol";
import {IVotingWeight} from "../interfaces/IVotingWeight.sol";
import {StakingMath} from "../libraries/StakingMath.sol";
import {BPS, RAY} from "../common/Constants.sol";

/// @title StakingVotes
/// @notice Checkpointed voting weight of staked and locked tokens (OpenZeppelin Checkpoints, timestamp clock).
/// Deployed by the staking contract, which alone writes to it.
contract StakingVotes is IStakingVotes {
    using Checkpoints for Checkpoints.Trace208;
    using Checkpoints for Checkpoints.Trace160;

    address private immutable _STAKING;
    uint256 private immutable _STAKED_VOTE_BPS;
    uint256 private immutable _MAX_LOCK_BONUS_BPS;
    uint256 private immutable _FULL_BONUS_LOCK;

    mapping(address account => Checkpoints.Trace208) private _shareCheckpoints;
    mapping(address account => Checkpoints.Trace160) private _providerCheckpoints;
    /// @dev Value: `lockEnd << 16 | bonusBps`.
    mapping(address account => Checkpoints.Trace208) private _lockCheckpoints;
    /// @dev Value: the pool's assets per share, scaled by RAY.
    mapping(address provider => Checkpoints.Trace208) private _priceCheckpoints;

    /// @notice Deploys the checkpoints; the deployer is the staking contract.
    /// @param stakedVoteBps Weight per staked token (15,000 = 1.5x).
    /// @param maxLockVoteBps Weight per token locked for `fullBonusLock` or more (20,000 = 2x).
    /// @param fullBonusLock Lock duration that reaches `maxLockVoteBps`, in seconds.
    constructor(uint256 stakedVoteBps, uint256 maxLockVoteBps, uint256 fullBonusLock) {
        if (stakedVoteBps == 0 || maxLockVoteBps < stakedVoteBps || maxLockVoteBps > type(uint16).max) {
            revert InvalidVoteConfiguration();
        }
        if (fullBonusLock == 0) revert InvalidVoteConfiguration();
        _STAKING = msg.sender;
        _STAKED_VOTE_BPS = stakedVoteBps;
        _MAX_LOCK_BONUS_BPS = maxLockVoteBps - stakedVoteBps;
        _FULL_BONUS_LOCK = fullBonusLock;
    }

    modifier onlyStaking() {
        if (msg.sender != _STAKING) revert UnauthorizedCheckpoint(msg.sender);
        _;
    }

    /// @inheritdoc IStakingVotes
    function staking() external view returns (address) {
        return _STAKING;
    }

    /// @inheritdoc IVotingWeight
    function clock() public view returns (uint48) {
        return Time.timestamp();
    }

    // solhint-disable func-name-mixedcase
    /// @inheritdoc IVotingWeight
    function CLOCK_MODE() external pure returns (string memory) {
        return "mode=timestamp";
    }
    // solhint-enable func-name-mixedcase

    /// @inheritdoc IVotingWeight
    function getVotes(address account) external view returns (uint256) {
        address provider = address(_providerCheckpoints[account].latest());
        return
            _weight(
                _shareCheckpoints[account].latest(),
                _priceCheckpoints[provider].latest(),
                _lockCheckpoints[account].latest(),
                block.timestamp
            );
    }

    /// @inheritdoc IVotingWeight
    function getPastVotes(address account, uint256 timepoint) external view returns (uint256) {
        uint48 now_ = clock();
        if (timepoint >= now_) revert ERC5805FutureLookup(timepoint, now_);
        if (timepoint == 0) return 0;
        // The state before `timepoint`: checkpoints written at `timepoint` itself do not count.
        uint48 before = uint48(timepoint - 1);
        uint256 shares = _shareCheckpoints[account].upperLookupRecent(before);
        if (shares == 0) return 0;
        address provider = address(_providerCheckpoints[account].upperLookupRecent(before));
        return
            _weight(
                shares,
                _priceCheckpoints[provider].upperLookupRecent(before),
                _lockCheckpoints[account].upperLookupRecent(before),
                timepoint
            );
    }

    /// @inheritdoc IStakingVotes
    function checkpointShares(address account, uint256 shares) external onlyStaking {
        _shareCheckpoints[account].push(clock(), SafeCast.toUint208(shares));
    }

    /// @inheritdoc IStakingVotes
    function checkpointProvider(address account, address provider) external onlyStaking {
        _providerCheckpoints[account].push(clock(), uint160(provider));
    }

    /// @inheritdoc IStakingVotes
    function checkpointLock(
        address account,
        uint256 lockEnd,
        uint256 duration
    ) external onlyStaking returns (uint256 bonusBps) {
        bonusBps = StakingMath.voteBonus(duration, _FULL_BONUS_LOCK, _MAX_LOCK_BONUS_BPS);
        _lockCheckpoints[account].push(clock(), SafeCast.toUint208((lockEnd << 16) | bonusBps));
    }

    /// @inheritdoc IStakingVotes
    function checkpointPrice(address provider, uint256 assets, uint256 shares) external onlyStaking {
        uint256 price = shares == 0 ? RAY : Math.mulDiv(assets, RAY, shares, Math.Rounding.Floor);
        _priceCheckpoints[provider].push(clock(), SafeCast.toUint208(price));
    }

    function _weight(
        uint256 shares,
        uint256 priceRay,
        uint256 lockPacked,
        uint256 timepoint
    ) private view returns (uint256) {
        uint256 multiplierBps = _STAKED_VOTE_BPS;
        // The bonus follows the time still committed at `timepoint`: it decays linearly to nothing at the lock's
        // end, so stake added late to an old lock only ever carries the bonus of the time left.
        uint256 lockEnd = lockPacked >> 16;
        if (timepoint < lockEnd) {
            multiplierBps += StakingMath.voteBonus(lockEnd - timepoint, _FULL_BONUS_LOCK, _MAX_LOCK_BONUS_BPS);
        }
        return Math.mulDiv(shares, priceRay * multiplierBps, RAY * BPS, Math.Rounding.Floor);
    }
}
