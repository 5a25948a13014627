// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title DeflationKeys
/// @notice Keys of the deflation controller's governed parameters in the ParameterRegistry. TypeScript computes the
/// same keys with `ethers.id("deflation.stepBps")`.
library DeflationKeys {
    /// @dev Most the burn share moves in one quarterly step, bps of a fee (0 stops the controller).
    bytes32 internal constant STEP_BPS = keccak256("deflation.stepBps");
    /// @dev Lowest burn share the controller sets, bps of a fee.
    bytes32 internal constant MIN_BURN_BPS = keccak256("deflation.minBurnBps");
    /// @dev Highest burn share the controller sets, bps of a fee, at most 5,000 (the router's protocol share).
    bytes32 internal constant MAX_BURN_BPS = keccak256("deflation.maxBurnBps");
    /// @dev Lower edge of the target band: yearly net deflation, bps of the outstanding supply (QUIVer: 2%).
    bytes32 internal constant MIN_DEFLATION_BPS = keccak256("deflation.minDeflationBps");
    /// @dev Upper edge of the target band: yearly net deflation, bps of the outstanding supply (QUIVer: 3%).
    bytes32 internal constant MAX_DEFLATION_BPS = keccak256("deflation.maxDeflationBps");
}
