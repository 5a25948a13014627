// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IRewardReceiver} from "./IRewardReceiver.sol";
import {IVotingWeight} from "./IVotingWeight.sol";

/// @title IVoteLocker
/// @notice Holder-facing lock staking: a holder locks the token until a week boundary of their choice, at most
/// `maxLockDuration` ahead, and gets, while the tokens are locked:
/// - votes (read by governance's `VotingPower`): `amount * (1 + maxBoost * timeLeft / maxLockDuration)`, falling
///   linearly to 1x at the end (veCRV-style: the bonus follows the time left, never the time once promised);
/// - long-term rewards from a funded stream, shared by reward weight `amount * fullWeeksLeft` (the weeks left
///   after the current one), which also follows the time left, one step a week;
/// - a reputation score `amount * min(age, reputationAgeCap) / reputationAgeCap`, where the age of the locked
///   tokens is their amount-weighted lock age (a top-up is new money: it dilutes the age, it does not inherit it).
/// @dev One lock per account (top up with `increaseAmount`, lengthen with `extendLock`): an account's votes at
/// any timestamp are then a function of one checkpointed `(amount, end)`, so `getPastVotes` is exact and every
/// action writes O(1) storage. Several locks of one holder are several accounts (identities are free).
/// The reward total falls at week boundaries by the amounts whose locks are still earning (slope buckets by end
/// week); the catch-up over elapsed weeks is global, at most `MAX_CATCH_UP_WEEKS` per call, and any caller can
/// run it (`checkpoint`), so no user action loops over lockers or over an unbounded number of weeks.
interface IVoteLocker is IVotingWeight, IRewardReceiver {
    /// @notice Values fixed at deployment (a preset's numbers).
    /// @param maxLockDuration Longest lock, in seconds (at least two weeks).
    /// @param maxBoostBps Extra votes per locked token at a full-length lock, in bps (10,000 = 2x in total).
    /// @param maxPenaltyBps Early-exit penalty at a full-length time left, in bps; it scales with the time left.
    /// @param rewardDuration Seconds over which a funded amount is streamed.
    /// @param reputationAgeCap Lock age at which reputation reaches the locked amount, in seconds.
    /// @param minLockAmount Smallest new lock, in wei (keeps the reward accumulators in range).
    struct Config {
        uint256 maxLockDuration;
        uint256 maxBoostBps;
        uint256 maxPenaltyBps;
        uint256 rewardDuration;
        uint256 reputationAgeCap;
        uint256 minLockAmount;
    }

    /// @notice An account's lock.
    /// @param amount Tokens locked, in wei.
    /// @param end Unlock time (a week boundary); zero when there is no lock.
    /// @param ageStart Start of the amount-weighted lock age (reputation).
    struct LockInfo {
        uint256 amount;
        uint256 end;
        uint256 ageStart;
    }

    /// @notice Tokens were locked or added to a lock, or the lock was extended.
    /// @param account The holder.
    /// @param added Tokens added, in wei (zero for an extension).
    /// @param amount Tokens now locked, in wei.
    /// @param end The unlock time.
    event Locked(address indexed account, uint256 added, uint256 amount, uint256 end);

    /// @notice An expired lock was withdrawn in full.
    /// @param account The holder.
    /// @param amount Tokens returned, in wei.
    event Withdrawn(address indexed account, uint256 amount);

    /// @notice A lock was left before its end; the penalty goes to the remaining lockers.
    /// @param account The holder.
    /// @param returned Tokens returned, in wei.
    /// @param penalty Tokens kept and distributed to the remaining lockers, in wei.
    event ExitedEarly(address indexed account, uint256 returned, uint256 penalty);

    /// @notice Rewards were paid.
    /// @param account The holder.
    /// @param amount Tokens paid, in wei.
    event RewardPaid(address indexed account, uint256 amount);

    /// @notice A funded amount was added to the stream.
    /// @param amount Tokens added, in wei.
    /// @param rate The new rate, in wei per second.
    /// @param periodFinish When the stream ends.
    event RewardAdded(uint256 amount, uint256 rate, uint256 periodFinish);

    /// @notice An amount is zero.
    error ZeroAmount();
    /// @notice A configuration value is out of range.
    /// @param field Which value (0 maxLockDuration, 1 maxBoostBps, 2 maxPenaltyBps, 3 rewardDuration,
    /// 4 reputationAgeCap, 5 minLockAmount, 6 token).
    error InvalidConfig(uint256 field);
    /// @notice The new lock is smaller than the minimum.
    /// @param amount The amount.
    /// @param minimum The minimum.
    error LockBelowMinimum(uint256 amount, uint256 minimum);
    /// @notice The chosen duration is above the maximum.
    /// @param duration The duration, in seconds.
    /// @param maximum The maximum, in seconds.
    error LockTooLong(uint256 duration, uint256 maximum);
    /// @notice The chosen end, rounded down to a week boundary, leaves no full week to earn in.
    /// @param end The rounded end.
    /// @param minEnd The earliest accepted end.
    error LockTooShort(uint256 end, uint256 minEnd);
    /// @notice The account already has a lock (top up or extend it, or withdraw it first).
    /// @param account The holder.
    error LockExists(address account);
    /// @notice The account has no lock.
    /// @param account The holder.
    error NoLock(address account);
    /// @notice The lock no longer earns (its end is at or before the next week boundary): extend it first.
    /// @param end The lock's end.
    error LockExpired(uint256 end);
    /// @notice The lock has not ended yet (use `exitEarly`).
    /// @param end The lock's end.
    /// @param timestamp Now.
    error LockNotExpired(uint256 end, uint256 timestamp);
    /// @notice The lock has ended (use `withdraw`).
    /// @param end The lock's end.
    error LockEnded(uint256 end);
    /// @notice An extension must end later than the current lock.
    /// @param newEnd The rounded new end.
    /// @param end The current end.
    error EndNotLater(uint256 newEnd, uint256 end);
    /// @notice The global checkpoint is too far behind for one call; call `checkpoint` first.
    /// @param weeksBehind Week boundaries not yet processed.
    error CheckpointBehind(uint256 weeksBehind);
    /// @notice The pool does not hold the tokens it is told about.
    /// @param balance The pool's balance.
    /// @param required Locked tokens plus rewards owed plus the new amount.
    error InsufficientRewardBalance(uint256 balance, uint256 required);
    /// @notice A past lookup for a timepoint that is not in the past.
    /// @param timepoint The timepoint asked for.
    /// @param clock The current timestamp.
    error FutureLookup(uint256 timepoint, uint48 clock);

    /// @notice Locks `amount` until `now + duration`, rounded down to a week boundary.
    /// @dev Pulls the tokens (approve first). The end must leave at least one full week after the current one.
    /// @param amount Tokens to lock, in wei (at least `minLockAmount`).
    /// @param duration Seconds to lock for (at most `maxLockDuration`).
    function createLock(uint256 amount, uint256 duration) external;

    /// @notice Adds `amount` to the caller's lock, same end. The added tokens get the bonus of the time left.
    /// @param amount Tokens to add, in wei.
    function increaseAmount(uint256 amount) external;

    /// @notice Moves the caller's lock end to `now + duration`, rounded down to a week boundary; it must be later
    /// than the current end. Works on an expired lock too (a new commitment from now).
    /// @param duration Seconds from now (at most `maxLockDuration`).
    function extendLock(uint256 duration) external;

    /// @notice Returns an expired lock in full (rewards stay claimable).
    function withdraw() external;

    /// @notice Leaves a running lock now: returns the amount minus a penalty of
    /// `amount * maxPenaltyBps * timeLeft / (maxLockDuration * 10,000)` (rounded up), which is distributed to the
    /// remaining lockers by reward weight at once (or, when nobody else is earning, added to the reward stream).
    function exitEarly() external;

    /// @notice Pays the caller's accrued rewards.
    /// @return paid Tokens paid, in wei.
    function claim() external returns (uint256 paid);

    /// @notice Processes up to `maxWeeks` elapsed week boundaries of the global reward state (anyone may call).
    /// @param maxWeeks Bound on the boundaries processed in this call.
    /// @return weeksBehind Boundaries still left to process.
    function checkpoint(uint256 maxWeeks) external returns (uint256 weeksBehind);

    /// @notice An account's lock.
    /// @param account The holder.
    /// @return The lock (zeros when there is none).
    function lockOf(address account) external view returns (LockInfo memory);

    /// @notice Tokens of unexpired locks of `account`, in wei (zero once the end has passed).
    /// @param account The holder.
    /// @return The amount.
    function activeLockedOf(address account) external view returns (uint256);

    /// @notice The account's reward weight now: `amount * fullWeeksLeft`.
    /// @param account The holder.
    /// @return The weight, in wei-weeks.
    function rewardWeightOf(address account) external view returns (uint256);

    /// @notice The sum of all reward weights now (after any pending week boundaries).
    /// @return The weight, in wei-weeks.
    function totalRewardWeight() external view returns (uint256);

    /// @notice Rewards accrued to `account` and not yet paid.
    /// @param account The holder.
    /// @return The amount, in wei.
    function earned(address account) external view returns (uint256);

    /// @notice The account's credibility score: `amount * min(age, reputationAgeCap) / reputationAgeCap` while its
    /// lock runs, zero otherwise.
    /// @param account The holder.
    /// @return The score, in token wei.
    function reputationOf(address account) external view returns (uint256);

    /// @notice Tokens locked in total (running and expired, not yet withdrawn), in wei.
    /// @return The amount.
    function totalLocked() external view returns (uint256);

    /// @notice Rewards funded (streams and penalties) and not yet paid: what the pool owes at most, in wei.
    /// @return The amount.
    function rewardReserve() external view returns (uint256);

    /// @notice The configuration.
    /// @return The values fixed at deployment.
    function config() external view returns (Config memory);

    /// @notice The locked token.
    /// @return The token.
    function token() external view returns (address);
}
