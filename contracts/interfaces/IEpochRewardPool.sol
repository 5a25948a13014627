// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IRewardReceiver} from "./IRewardReceiver.sol";

/// @title IEpochRewardPool
/// @notice A pull-based reward pool whose funding expires: rewards notified during an epoch fill that epoch's
/// bucket; the distributor (the REWARD_CLAIMER role) claims from a bucket until `claimWindow` after the epoch
/// ends; from then on anyone may burn what is left of it, and late claims revert. QUIVer uses it for the
/// provider-rewards stream (QUIVer burns provider rewards left unclaimed after 180 days).
/// @dev Epoch `e` covers `[start + e * epochLength, start + (e + 1) * epochLength)`. A bucket expires at
/// `start + (e + 1) * epochLength + claimWindow`: claims need `now < expiresAt`, burns need `now >= expiresAt`.
/// Every operation is O(1). Invariant: the pool's balance covers `totalUnclaimed()`.
interface IEpochRewardPool is IRewardReceiver {
    /// @notice Rewards were added to an epoch's bucket.
    /// @param epoch The bucket's epoch.
    /// @param amount Added, in wei.
    event RewardNotified(uint256 indexed epoch, uint256 amount);

    /// @notice Rewards were claimed from a bucket.
    /// @param epoch The bucket's epoch.
    /// @param to Who received them.
    /// @param amount Claimed, in wei.
    event Claimed(uint256 indexed epoch, address indexed to, uint256 amount);

    /// @notice What was left of an expired bucket was burned.
    /// @param epoch The bucket's epoch.
    /// @param amount Burned, in wei.
    event ExpiredBurned(uint256 indexed epoch, uint256 amount);

    /// @notice A zero amount.
    error ZeroAmount();
    /// @notice Claimed tokens cannot go to the zero address.
    error InvalidClaimTarget(address to);
    /// @notice The pool's epochs have not started yet.
    error NotStarted(uint256 start);
    /// @notice The epoch has not begun yet.
    error FutureEpoch(uint256 epoch, uint256 currentEpoch);
    /// @notice The pool's balance does not cover what it owes plus the notified amount.
    error InsufficientFunding(uint256 balance, uint256 required);
    /// @notice The claim is above what is left in the bucket.
    error ExceedsBucket(uint256 epoch, uint256 amount, uint256 available);
    /// @notice The bucket's claim window is over.
    error BucketExpired(uint256 epoch, uint256 expiredAt);
    /// @notice The bucket's claim window is still open.
    error BucketNotExpired(uint256 epoch, uint256 expiresAt);
    /// @notice The expired bucket is empty.
    error NothingToBurn(uint256 epoch);
    /// @notice Invalid deployment argument: zero token, zero epoch length or zero claim window.
    error InvalidConfiguration();

    /// @notice Claims `amount` from an epoch's bucket to `to`.
    /// @dev Restricted to the REWARD_CLAIMER role (the provider-rewards distributor).
    /// @param epoch The bucket's epoch (the current one or an earlier one still within its claim window).
    /// @param to Who receives the tokens.
    /// @param amount How much, in wei.
    function claim(uint256 epoch, address to, uint256 amount) external;

    /// @notice Burns what is left of an expired bucket. Anyone may call it.
    /// @param epoch The bucket's epoch.
    /// @return amount Burned, in wei.
    function burnExpired(uint256 epoch) external returns (uint256 amount);

    /// @notice The epoch now.
    /// @dev Reverts with `NotStarted` before the start.
    /// @return The current epoch.
    function currentEpoch() external view returns (uint256);

    /// @notice A bucket's unclaimed amount and when it expires.
    /// @param epoch The bucket's epoch.
    /// @return unclaimed What is left to claim, in wei.
    /// @return expiresAt From when claims revert and anyone may burn it (unix seconds).
    function bucket(uint256 epoch) external view returns (uint256 unclaimed, uint256 expiresAt);

    /// @notice Everything notified and neither claimed nor burned.
    /// @return The total unclaimed, in wei.
    function totalUnclaimed() external view returns (uint256);

    /// @notice The pool's timing.
    /// @return start When epoch 0 begins (unix seconds).
    /// @return epochLength Seconds per epoch.
    /// @return claimWindow Seconds after an epoch's end during which its bucket can be claimed.
    function timing() external view returns (uint256 start, uint256 epochLength, uint256 claimWindow);

    /// @notice The token the pool holds.
    /// @return The token's address.
    function token() external view returns (address);
}
