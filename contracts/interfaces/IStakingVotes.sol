// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IVotingWeight} from "./IVotingWeight.sol";

/// @title IStakingVotes
/// @notice Voting weight of staked tokens, checkpointed by timestamp: 1.5x per staked token, plus a lock bonus
/// linear in the time left on the lock (2x with a year or more left), decaying to nothing by the lock's end.
/// Governance reads it through `IVotingWeight`; only the staking contract that deployed it writes to it.
/// @dev Weight at `t` = shares x share price x (staked multiplier + bonus of `min(lockEnd - t, fullBonusLock)` if
/// `t < lockEnd`), from checkpoints of
/// the account's shares, provider and lock and of the provider pool's share price (written at registration and
/// after each slash, so a slash lowers every delegator's weight from that moment without touching them).
/// Between slashes the price only rises by rounding dust, so the weight never exceeds the stake's value x
/// multiplier. `getPastVotes(account, t)` reads the state before `t` (every lookup is at `t - 1`): nothing done
/// at or after `t`, including a stake in the block of the snapshot, changes it; a lock stops counting at its end
/// without a transaction.
interface IStakingVotes is IVotingWeight {
    /// @notice A lookup at or after the current timepoint (same error as OpenZeppelin's Votes).
    error ERC5805FutureLookup(uint256 timepoint, uint48 clock);
    /// @notice A write from anyone but the staking contract.
    error UnauthorizedCheckpoint(address caller);
    /// @notice Vote multipliers that break the rules (zero, or a full-lock weight below the staked weight).
    error InvalidVoteConfiguration();

    /// @notice The staking contract, the only writer.
    /// @return The staking contract's address.
    function staking() external view returns (address);

    /// @notice Records an account's shares now.
    /// @param account The staker.
    /// @param shares Its shares of its provider's active pool.
    function checkpointShares(address account, uint256 shares) external;

    /// @notice Records the provider an account's shares belong to from now on.
    /// @param account The staker.
    /// @param provider The provider.
    function checkpointProvider(address account, address provider) external;

    /// @notice Records a lock from now on and returns its voting bonus.
    /// @param account The staker.
    /// @param lockEnd The lock's end.
    /// @param duration The lock's duration (the time left now), which sets the bonus returned.
    /// @return bonusBps The bonus over the staked multiplier now, in bps; at a later `timepoint < lockEnd` the
    /// bonus is that of `lockEnd - timepoint`.
    function checkpointLock(address account, uint256 lockEnd, uint256 duration) external returns (uint256 bonusBps);

    /// @notice Records a provider pool's share price from now on.
    /// @param provider The provider.
    /// @param assets The pool's assets.
    /// @param shares The pool's shares (a price of 1 when zero).
    function checkpointPrice(address provider, uint256 assets, uint256 shares) external;
}
