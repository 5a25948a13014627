// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IEpochClock
/// @notice The epochs every QRY distribution contract shares: epoch `e` covers
/// `[start + e * epochLength, start + (e + 1) * epochLength)`. Both numbers are fixed at deployment (moving an
/// epoch boundary after the fact would move reports, challenges and funding between epochs); the engine checks at
/// deployment that the subscription manager and every pool it funds run the same clock.
interface IEpochClock {
    /// @notice The epochs have not started yet.
    /// @param start When epoch 0 begins (unix seconds).
    error EpochsNotStarted(uint256 start);

    /// @notice The action needs the epoch that is open now.
    /// @param epoch The epoch given.
    /// @param currentEpoch The epoch open now.
    error EpochNotOpen(uint256 epoch, uint256 currentEpoch);

    /// @notice The epoch has not ended yet.
    /// @param epoch The epoch given.
    /// @param endsAt When it ends (unix seconds).
    error EpochNotOver(uint256 epoch, uint256 endsAt);

    /// @notice Invalid clock at deployment: a zero epoch length, or a start too far in the future.
    /// @param start The start given.
    /// @param epochLength The epoch length given.
    error InvalidEpochClock(uint256 start, uint256 epochLength);

    /// @notice The epoch open now.
    /// @dev Reverts with `EpochsNotStarted` before the start.
    /// @return The current epoch.
    function currentEpoch() external view returns (uint256);

    /// @notice When an epoch ends (the first second of the next one).
    /// @param epoch The epoch.
    /// @return The end, unix seconds.
    function epochEnd(uint256 epoch) external view returns (uint256);

    /// @notice The clock's two numbers.
    /// @return start When epoch 0 begins (unix seconds).
    /// @return epochLength Seconds per epoch.
    function epochClock() external view returns (uint256 start, uint256 epochLength);
}
