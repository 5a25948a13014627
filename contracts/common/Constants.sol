// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

// The suite's scales, defined once: every contract imports them from here.

/// @dev Basis points: 10,000 = 100%.
uint256 constant BPS = 10_000;
/// @dev 18-decimal fixed point: 1e18 = 1.
uint256 constant WAD = 1e18;
/// @dev 27-decimal fixed point: 1e27 = 1.
uint256 constant RAY = 1e27;
