// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IProtocolTimelock
/// @notice A governance route's timelock: OpenZeppelin's TimelockController whose delay can never rise above the
/// delay the governor schedules with, so no proposal can make the route unusable by raising its delay.
/// @dev The governor schedules every operation of a route with the delay fixed in the governor at deployment;
/// a timelock delay above it would make every later `queue` revert, and no proposal could repair it.
interface IProtocolTimelock {
    /// @notice The initial delay is above the maximum delay.
    /// @param minDelay The initial delay given.
    /// @param maxDelay The maximum delay given.
    error InvalidMaxDelay(uint256 minDelay, uint256 maxDelay);

    /// @notice `updateDelay` asked for a delay above the maximum.
    /// @param newDelay The refused delay.
    /// @param maxDelay The maximum.
    error DelayAboveMaximum(uint256 newDelay, uint256 maxDelay);

    // solhint-disable func-name-mixedcase
    /// @notice The highest delay `updateDelay` accepts, fixed at deployment (the governor's delay of this route).
    /// @return The maximum delay, in seconds.
    function MAX_DELAY() external view returns (uint256);
    // solhint-enable func-name-mixedcase
}
