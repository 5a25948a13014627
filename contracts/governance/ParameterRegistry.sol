// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IParameterized} from "../interfaces/IParameterized.sol";
import {IParameterRegistry} from "../interfaces/IParameterRegistry.sol";

/// @title ParameterRegistry
/// @notice Bounds and rate-limits every governed number of a preset and pushes changes into its module.
contract ParameterRegistry is IParameterRegistry, AccessManaged {
    /// @notice Length of a rate-limit window: a quarter of a 365-day year.
    uint256 public constant QUARTER = 365 days / 4;

    /// @notice Largest move from a window's anchor a normal change may make, in bps of the anchor.
    uint256 public constant MAX_CHANGE_BPS = 2_000;

    uint256 private constant BPS = 10_000;

    mapping(address target => mapping(bytes32 key => Parameter)) private _parameters;

    /// @notice Deploys an empty registry.
    /// @param authority The preset's AccessManager.
    constructor(address authority) AccessManaged(authority) {}

    /// @inheritdoc IParameterRegistry
    function register(address target, bytes32 key, uint256 min, uint256 max, uint256 minStep) external restricted {
        if (target == address(0) || min > max) revert InvalidBounds(min, max);
        Parameter storage p = _parameters[target][key];
        if (p.registered) revert ParameterAlreadyRegistered(target, key);
        uint256 value = IParameterized(target).parameter(key);
        if (value < min || value > max) revert ValueOutOfBounds(value, min, max);

        p.min = min;
        p.max = max;
        p.minStep = minStep;
        p.anchor = value;
        p.windowStart = SafeCast.toUint64(block.timestamp);
        p.registered = true;
        emit ParameterRegistered(target, key, value, min, max, minStep);
    }

    /// @inheritdoc IParameterRegistry
    function set(address target, bytes32 key, uint256 value) external restricted {
        Parameter storage p = _registered(target, key);
        uint256 current = _checkNewValue(p, target, key, value);
        if (block.timestamp >= p.windowStart + QUARTER) {
            p.anchor = current;
            p.windowStart = SafeCast.toUint64(block.timestamp);
        }
        (uint256 lowest, uint256 highest) = _range(p);
        if (value < lowest || value > highest) revert ChangeTooLarge(value, lowest, highest);
        _apply(target, key, current, value, false);
    }

    /// @inheritdoc IParameterRegistry
    function setEmergency(address target, bytes32 key, uint256 value) external restricted {
        Parameter storage p = _registered(target, key);
        uint256 current = _checkNewValue(p, target, key, value);
        p.anchor = value;
        p.windowStart = SafeCast.toUint64(block.timestamp);
        _apply(target, key, current, value, true);
    }

    /// @inheritdoc IParameterRegistry
    function parameterInfo(address target, bytes32 key) external view returns (Parameter memory) {
        return _parameters[target][key];
    }

    /// @inheritdoc IParameterRegistry
    function allowedRange(address target, bytes32 key) external view returns (uint256 lowest, uint256 highest) {
        Parameter memory p = _registered(target, key);
        if (block.timestamp >= p.windowStart + QUARTER) p.anchor = IParameterized(target).parameter(key);
        return _range(p);
    }

    function _registered(address target, bytes32 key) private view returns (Parameter storage p) {
        p = _parameters[target][key];
        if (!p.registered) revert ParameterNotRegistered(target, key);
    }

    /// @dev Bounds and no-op checks shared by both paths; returns the current value.
    function _checkNewValue(
        Parameter storage p,
        address target,
        bytes32 key,
        uint256 value
    ) private view returns (uint256 current) {
        if (value < p.min || value > p.max) revert ValueOutOfBounds(value, p.min, p.max);
        current = IParameterized(target).parameter(key);
        if (value == current) revert ValueUnchanged(value);
    }

    /// @dev The window's allowed range, clamped to the hard bounds. The step rounds down (stricter).
    function _range(Parameter memory p) private pure returns (uint256 lowest, uint256 highest) {
        uint256 step = (p.anchor * MAX_CHANGE_BPS) / BPS;
        if (step < p.minStep) step = p.minStep;
        lowest = p.anchor > step ? p.anchor - step : 0;
        highest = p.anchor + step;
        if (lowest < p.min) lowest = p.min;
        if (highest > p.max) highest = p.max;
    }

    function _apply(address target, bytes32 key, uint256 oldValue, uint256 newValue, bool emergency) private {
        emit ParameterChanged(target, key, oldValue, newValue, emergency);
        IParameterized(target).setParameter(key, newValue);
    }
}
