// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title ITreasury
/// @notice The community treasury: holds the community allocation; only governance (the normal timelock)
/// spends it, through treasury-class proposals (50% of votes cast in the QUIVer preset).
/// @dev `transfer` is restricted to the GOVERNOR role and stops while the guardian's pause lasts.
interface ITreasury {
    /// @notice Tokens left the treasury.
    /// @param token The token sent.
    /// @param to The recipient.
    /// @param amount The amount, in the token's wei.
    event Transferred(IERC20 indexed token, address indexed to, uint256 amount);

    /// @notice The recipient is the zero address or the treasury itself.
    /// @param to The refused recipient.
    error InvalidRecipient(address to);

    /// @notice A transfer of zero tokens.
    error ZeroAmount();

    /// @notice Sends `amount` of `token` to `to`.
    /// @dev Restricted to the normal timelock; reverts while paused.
    /// @param token The token to send.
    /// @param to The recipient.
    /// @param amount The amount, in the token's wei.
    function transfer(IERC20 token, address to, uint256 amount) external;
}
