// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title IProtocolToken
/// @notice The protocol token shared by every preset (QUIV, QER, QRY, QUT): ERC20 with EIP-2612 permit,
/// ERC-5805 votes on a timestamp clock, burnable by holders, and a hard cap on everything ever minted.
/// @dev Minting is `restricted` through the preset's OpenZeppelin AccessManager: only accounts holding the
/// role the manager assigns to `mint` (the minter role) can call it. The cap bounds the lifetime total
/// minted, not the live supply, so burned tokens are gone for good and cannot be minted again.
interface IProtocolToken is IERC20 {
    /// @notice A mint would push the lifetime total minted above the cap.
    /// @param minted The lifetime total minted the call would reach.
    /// @param cap The hard cap.
    error CapExceeded(uint256 minted, uint256 cap);

    /// @notice The cap given at deployment is zero or above what ERC20Votes can checkpoint (2^208 - 1).
    error InvalidCap(uint256 cap);

    /// @notice A mint of zero tokens.
    error ZeroAmount();

    /// @notice Mints `amount` new tokens to `to`.
    /// @dev Restricted to the minter role. Reverts with `ZeroAmount` for a zero amount,
    /// `ERC20InvalidReceiver` for the zero address and `CapExceeded` above the cap.
    /// @param to Recipient of the new tokens.
    /// @param amount Amount to mint, in wei.
    function mint(address to, uint256 amount) external;

    /// @notice The hard cap on the lifetime total minted.
    /// @return The cap, in wei.
    function cap() external view returns (uint256);

    /// @notice Everything ever minted (live supply plus everything burned).
    /// @return The lifetime total minted, in wei.
    function totalMinted() external view returns (uint256);

    /// @notice Everything ever burned: `totalMinted() - totalSupply()`.
    /// @return The lifetime total burned, in wei.
    function totalBurned() external view returns (uint256);
}
