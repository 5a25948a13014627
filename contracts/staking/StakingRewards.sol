// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IRewardReceiver} from "../interfaces/IRewardReceiver.sol";
import {StakingMath} from "../libraries/StakingMath.sol";
import {StakingParameters} from "./StakingParameters.sol";
import {BPS} from "../common/Constants.sol";

/// @title StakingRewards
/// @notice The global reward stream of the staking module: a budget funded by notifications, paid out at the
/// scheduled rate clamped to the APY band on the stake of active providers, split between two accumulators
/// (providers' self-stake, delegations; commission is derived from the delegation accumulator), and the totals
/// that say what the contract owes.
/// @dev Every change to the weights, the earning stake, the rate or the band must be preceded by
/// `_accrueRewards()` in the same call, so each interval is distributed under the values that held during it.
abstract contract StakingRewards is StakingParameters {
    using SafeERC20 for IERC20;

    /// @dev Scale of the accumulators (rewards per unit of weight).
    uint256 internal constant ACC_PRECISION = 1e27;

    IERC20 internal immutable _TOKEN;
    uint256 internal immutable _SELF_REWARD_BPS;
    uint256 internal immutable _DELEGATOR_REWARD_BPS;
    uint256 internal immutable _COMMISSION_BPS;

    /// @dev Rewards per unit of self-stake weight and per unit of delegation weight, scaled by ACC_PRECISION.
    uint256 internal _accSelf;
    uint256 internal _accDelegator;

    uint128 internal _budget;
    uint128 internal _ratePerSecond;

    /// @dev Sums of the pools' stored weights (stake x multipliers) of active providers.
    uint128 internal _totalSelfWeight;
    uint128 internal _totalDelegatorWeight;

    /// @dev Sum of the active pools' assets of active providers: the base of the APY band.
    uint128 internal _earningStake;
    uint48 internal _lastUpdate;
    /// @dev The APY ceiling integrated over time: the sum of `maxApyBps x seconds` since deployment. A stake of
    /// `v` may earn at most `v x (its growth) / (10,000 x 1 year)` over an interval, whatever the ceiling did.
    uint80 internal _apyTime;

    /// @dev Everything ever notified; what was distributed is `_notified - _budget`, so accrual writes no total.
    uint128 internal _notified;
    uint128 internal _claimed;

    uint128 internal _totalBonded;
    uint128 internal _totalUnbonding;

    /// @dev The bonded stake integrated over time up to `_lastUpdate` (stake-seconds). Every change of
    /// `_totalBonded` accrues first, so a reader gets any past average from two readings.
    uint256 internal _bondedSeconds;

    /// @notice Sets the token and the reward split.
    /// @param token_ The staked and reward token (the preset's ProtocolToken).
    /// @param c Values fixed for the life of the contract; the three reward shares must sum to 10,000, and a
    /// commission needs a delegator share (it is derived from it).
    constructor(IERC20 token_, Constants memory c) {
        if (
            address(token_) == address(0) ||
            uint256(c.selfRewardBps) + c.delegatorRewardBps + c.commissionBps != BPS ||
            (c.commissionBps != 0 && c.delegatorRewardBps == 0)
        ) revert InvalidConfiguration();
        _TOKEN = token_;
        _SELF_REWARD_BPS = c.selfRewardBps;
        _DELEGATOR_REWARD_BPS = c.delegatorRewardBps;
        _COMMISSION_BPS = c.commissionBps;
        _lastUpdate = SafeCast.toUint48(block.timestamp);
    }

    /// @inheritdoc IRewardReceiver
    /// @dev Restricted to the REWARD_FUNDER role. The scheduled rate becomes (budget + amount) / rewardDuration:
    /// what was not paid before (carried over, or held back by the APY ceiling) is spread again.
    function notifyRewardAmount(uint256 amount) external restricted {
        if (amount == 0) revert ZeroAmount();
        _accrueRewards();
        uint256 required = _owed() + amount;
        uint256 balance = _TOKEN.balanceOf(address(this));
        if (balance < required) revert InsufficientRewardBalance(balance, required);
        uint256 budget = _budget + amount;
        uint256 rate = budget / _rewardDuration;
        _budget = SafeCast.toUint128(budget);
        _ratePerSecond = SafeCast.toUint128(rate);
        _notified += SafeCast.toUint128(amount);
        emit RewardAdded(amount, budget, rate);
    }

    // Distributes the stream from the last update to now.
    function _accrueRewards() internal override {
        if (_lastUpdate == block.timestamp) return;
        (uint256 accSelf, uint256 accDelegator, uint256 paid) = _pendingAccrual();
        _bondedSeconds += uint256(_totalBonded) * (block.timestamp - _lastUpdate);
        _apyTime = uint80(_apyTimeNow());
        _lastUpdate = uint48(block.timestamp);
        if (paid == 0) return;
        _accSelf = accSelf;
        _accDelegator = accDelegator;
        _budget -= uint128(paid);
    }

    /// @dev The accumulators as of now and what the interval since the last update pays. A class with no
    /// weight is not paid: its share stays in the budget (carried over, never lost). `paid` counts what left the
    /// budget; per-unit rounding leaves dust in the contract, never a deficit.
    function _pendingAccrual() internal view returns (uint256 accSelf, uint256 accDelegator, uint256 paid) {
        accSelf = _accSelf;
        accDelegator = _accDelegator;
        uint256 elapsed = block.timestamp - _lastUpdate;
        if (elapsed == 0) return (accSelf, accDelegator, 0);
        uint256 flow = StakingMath.rewardFlow(elapsed, _ratePerSecond, _budget, _earningStake, _minApyBps, _maxApyBps);
        if (flow == 0) return (accSelf, accDelegator, 0);
        uint256 toSelf = (flow * _SELF_REWARD_BPS) / BPS;
        uint256 selfWeight = _totalSelfWeight;
        if (selfWeight != 0 && toSelf != 0) {
            accSelf += Math.mulDiv(toSelf, ACC_PRECISION, selfWeight, Math.Rounding.Floor);
            paid = toSelf;
        }
        uint256 delegatorWeight = _totalDelegatorWeight;
        if (delegatorWeight != 0) {
            // The delegators' share; the commission (the rest of the flow) is paid per pool from it.
            uint256 toDelegators = (flow * _DELEGATOR_REWARD_BPS) / BPS;
            accDelegator += Math.mulDiv(toDelegators, ACC_PRECISION, delegatorWeight, Math.Rounding.Floor);
            paid += flow - toSelf;
        }
    }

    /// @dev The integrated APY ceiling as of now (`_apyTime` plus the current ceiling since the last update).
    function _apyTimeNow() internal view returns (uint256) {
        return _apyTime + _maxApyBps * (block.timestamp - _lastUpdate);
    }

    /// @dev The most a stake of `value` may earn while the integrated ceiling grows by `apyTime`: the ceiling's
    /// APY over the interval, under whatever ceiling held in each second of it; rounds down.
    function _apyCap(uint256 value, uint256 apyTime) internal pure returns (uint256) {
        return Math.mulDiv(value, apyTime, BPS * StakingMath.YEAR);
    }

    /// @dev Returns to the budget what the per-staker APY ceiling held back from a distributed reward: it is
    /// spread again from the next notification, as the aggregate ceiling's excess is.
    function _holdBack(uint256 amount) internal {
        _budget += SafeCast.toUint128(amount);
    }

    /// @dev Everything the contract owes; its token balance is never below it.
    function _owed() internal view returns (uint256) {
        // budget + (notified - budget - claimed): the budget and every distributed reward not yet claimed.
        return uint256(_totalBonded) + _totalUnbonding + _notified - _claimed;
    }

    /// @dev Pays claimed rewards.
    function _payRewards(address account, uint256 amount) internal {
        _claimed += SafeCast.toUint128(amount);
        emit RewardsClaimed(account, amount);
        _TOKEN.safeTransfer(account, amount);
    }
}
