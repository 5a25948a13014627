// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IRewardReceiver
/// @notice A reward pool that is told when a funder (the emission controller, the treasury) has
/// transferred reward tokens into it.
/// @dev The funder transfers first, then calls `notifyRewardAmount`; the pool must check that it really
/// holds the tokens it is told about (its balance covers everything it owes plus `amount`), so a rate can
/// only ever be set for tokens already in the pool. Restricted to the funders' role in the AccessManager.
interface IRewardReceiver {
    /// @notice Tells the pool that `amount` reward tokens were just transferred into it.
    /// @param amount The amount transferred, in wei.
    function notifyRewardAmount(uint256 amount) external;
}
