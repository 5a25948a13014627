// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IParameterized
/// @notice A module whose governed numbers are set only through the parameter registry.
/// @dev The module keeps its own copy of each value, so user-facing paths read local storage rather than
/// calling the registry. `setParameter` is `restricted` in the preset's AccessManager to the
/// PARAMETER_REGISTRY role, held by the registry alone; the registry applies bounds and rate limits.
interface IParameterized {
    /// @notice A parameter of this module took a new value.
    /// @param key The parameter's key (see the module's interface for its keys).
    /// @param value The new value.
    event ParameterSet(bytes32 indexed key, uint256 value);

    /// @notice The key names no parameter of this module.
    /// @param key The unknown key.
    error UnknownParameter(bytes32 key);

    /// @notice The value breaks a limit the module itself enforces (beyond the registry's bounds).
    /// @param key The parameter's key.
    /// @param value The refused value.
    error InvalidParameterValue(bytes32 key, uint256 value);

    /// @notice Sets a governed parameter. Only the parameter registry may call it.
    /// @param key The parameter's key.
    /// @param value The new value.
    function setParameter(bytes32 key, uint256 value) external;

    /// @notice Reads a governed parameter.
    /// @param key The parameter's key.
    /// @return The current value; reverts with `UnknownParameter` for a key the module does not have.
    function parameter(bytes32 key) external view returns (uint256);
}
