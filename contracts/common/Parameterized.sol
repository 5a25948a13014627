// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";

import {IParameterized} from "../interfaces/IParameterized.sol";

/// @title Parameterized
/// @notice Base for modules with governed numbers: the registry alone sets them (through the AccessManager's
/// PARAMETER_REGISTRY role); the module stores each value where its own code reads it.
/// @dev Inheritors implement `_setParameter` (store the value, or revert `UnknownParameter` /
/// `InvalidParameterValue`) and `parameter` (read it back). Initial values come from the constructor.
abstract contract Parameterized is IParameterized, AccessManaged {
    /// @inheritdoc IParameterized
    function setParameter(bytes32 key, uint256 value) external restricted {
        _setParameter(key, value);
        emit ParameterSet(key, value);
    }

    /// @dev Stores `value` under `key`; reverts `UnknownParameter(key)` for keys the module does not have.
    function _setParameter(bytes32 key, uint256 value) internal virtual;

    /// @dev `value`, or `InvalidParameterValue(key, value)` above `max` (the most a module's storage or code takes).
    function _atMost(bytes32 key, uint256 value, uint256 max) internal pure returns (uint256) {
        if (value > max) revert InvalidParameterValue(key, value);
        return value;
    }
}
