// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IStakeReader
/// @notice What the QRY distribution reads from provider staking: whether a provider is active, its bonded stake,
/// and the total stake. View functions only; the staking module implements them (or an adapter maps its own views
/// onto them).
interface IStakeReader {
    /// @notice Whether the provider is active (registered, bonded, neither jailed nor leaving).
    /// @param provider The provider.
    /// @return True when it may serve and be rewarded.
    function isActive(address provider) external view returns (bool);

    /// @notice The provider's bonded stake (its own and delegated, not what is unbonding).
    /// @param provider The provider.
    /// @return The bonded stake, in wei.
    function bondedStake(address provider) external view returns (uint256);

    /// @notice `isActive` and `bondedStake` together: what a pool's stake check reads, in one call.
    /// @param provider The provider.
    /// @return active Whether the provider is active (as `isActive`).
    /// @return bonded Its bonded stake, in wei (as `bondedStake`).
    function stakeOf(address provider) external view returns (bool active, uint256 bonded);

    /// @notice What a distribution identity qualifies on: the provider's own stake (delegations excluded) and the end
    /// of the lock on it. Locked self-stake cannot leave before `lockEnd` (a lock is never shortened), so it cannot
    /// qualify a second identity meanwhile.
    /// @param provider The provider (the identity).
    /// @return active Whether the provider is active (as `isActive`).
    /// @return selfStake Its own bonded stake, in wei (zero if the account is not a registered provider).
    /// @return lockEnd When the lock on its stake ends, unix seconds (zero if never locked).
    function identityStakeOf(address provider) external view returns (bool active, uint256 selfStake, uint256 lockEnd);

    /// @notice The totals over all providers.
    /// @return bonded Stake bonded now, in wei.
    /// @return unbonding Stake in the unbonding queue, in wei.
    function totalStakes() external view returns (uint256 bonded, uint256 unbonding);

    /// @notice The total bonded stake integrated over time, for time-weighted averages: the stake-seconds up to
    /// `updatedAt` and the bonded stake since (constant from `updatedAt` to now).
    /// @return cumulative Sum of bonded stake x seconds up to `updatedAt`, in wei-seconds.
    /// @return updatedAt The last change of the bonded stake (or a later update), unix seconds, at most now.
    /// @return bonded Stake bonded since `updatedAt`, in wei.
    function stakeSeconds() external view returns (uint256 cumulative, uint256 updatedAt, uint256 bonded);
}
