// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IParameterized} from "../interfaces/IParameterized.sol";
import {IParameterRegistry} from "../interfaces/IParameterRegistry.sol";
import {BPS} from "../common/Constants.sol";

/// @title ParameterRegistry
/// @notice Bounds and rate-limits every governed number of a preset and pushes changes into its module.
contract ParameterRegistry is IParameterRegistry, AccessManaged {
    /// @notice Length of a rate-limit quarter: a quarter of a 365-day year.
    uint256 public constant QUARTER = 365 days / 4;

    /// @notice Largest move a normal change may make from the lowest and from the highest value in effect over
    /// the current and the previous quarter, in bps of that value.
    uint256 public constant MAX_CHANGE_BPS = 2_000;

    /// @notice Most parameters a sum rule adds up.
    uint256 public constant MAX_RULE_PARTS = 4;

    /// @notice Largest weight of a part of a sum rule.
    uint256 public constant MAX_RULE_WEIGHT = 10;

    mapping(address target => mapping(bytes32 key => Parameter)) private _parameters;

    /// @dev The sum rules: parts and bound.
    ParameterRef[][] private _ruleParts;
    uint256[][] private _ruleWeights;
    ParameterRef[] private _ruleBounds;
    /// @dev A parameter's rule id plus one (0: in no rule).
    mapping(address target => mapping(bytes32 key => uint256)) private _ruleOf;

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
        p.registered = true;
        _restart(p, value);
        emit ParameterRegistered(target, key, value, min, max, minStep);
    }

    /// @inheritdoc IParameterRegistry
    function addSumRule(
        ParameterRef[] calldata parts,
        uint256[] calldata weights,
        ParameterRef calldata bound
    ) external restricted returns (uint256 ruleId) {
        if (parts.length == 0 || parts.length > MAX_RULE_PARTS || weights.length != parts.length) revert InvalidRule();
        ruleId = _ruleBounds.length;
        ParameterRef[] storage stored = _ruleParts.push();
        uint256[] storage storedWeights = _ruleWeights.push();
        for (uint256 i; i < parts.length; ++i) {
            uint256 weight = weights[i];
            if (weight == 0 || weight > MAX_RULE_WEIGHT) revert InvalidRule();
            _join(parts[i], ruleId);
            stored.push(parts[i]);
            storedWeights.push(weight);
        }
        _join(bound, ruleId);
        _ruleBounds.push(bound);
        emit SumRuleAdded(ruleId, parts, weights, bound);
        _checkRule(ruleId, address(0), bytes32(0), 0);
    }

    /// @inheritdoc IParameterRegistry
    function set(address target, bytes32 key, uint256 value) external restricted {
        _setLimited(target, key, value);
    }

    /// @inheritdoc IParameterRegistry
    function setByController(address target, bytes32 key, uint256 value) external restricted {
        Parameter storage p = _registered(target, key);
        uint256 current = _checkNewValue(p, target, key, value);
        (uint256 lowest, uint256 highest) = _controllerRange(p, current);
        if (value < lowest || value > highest) revert ChangeTooLarge(value, lowest, highest);
        // Not recorded: governance's range is computed from the values governance set, so a step never narrows it.
        _apply(target, key, current, value, false);
    }

    /// @inheritdoc IParameterRegistry
    function setEmergency(address target, bytes32 key, uint256 value) external restricted {
        Parameter storage p = _registered(target, key);
        uint256 current = _checkNewValue(p, target, key, value);
        _restart(p, value);
        _apply(target, key, current, value, true);
    }

    /// @dev A normal change within the bounds and the rate limit, recorded in the history.
    function _setLimited(address target, bytes32 key, uint256 value) private {
        Parameter storage p = _registered(target, key);
        uint256 current = _checkNewValue(p, target, key, value);
        Parameter memory rolled = _rolled(p);
        (uint256 lowest, uint256 highest) = _range(rolled);
        if (value < lowest || value > highest) revert ChangeTooLarge(value, lowest, highest);

        if (value < rolled.lowest) rolled.lowest = value;
        if (value > rolled.highest) rolled.highest = value;
        rolled.anchor = value;
        _parameters[target][key] = rolled;
        _apply(target, key, current, value, false);
    }

    /// @inheritdoc IParameterRegistry
    function parameterInfo(address target, bytes32 key) external view returns (Parameter memory) {
        return _parameters[target][key];
    }

    /// @inheritdoc IParameterRegistry
    function sumRule(
        uint256 ruleId
    ) external view returns (ParameterRef[] memory parts, uint256[] memory weights, ParameterRef memory bound) {
        return (_ruleParts[ruleId], _ruleWeights[ruleId], _ruleBounds[ruleId]);
    }

    /// @inheritdoc IParameterRegistry
    function ruleOf(address target, bytes32 key) external view returns (bool inRule, uint256 ruleId) {
        uint256 stored = _ruleOf[target][key];
        return stored == 0 ? (false, 0) : (true, stored - 1);
    }

    /// @inheritdoc IParameterRegistry
    function allowedRange(address target, bytes32 key) external view returns (uint256 lowest, uint256 highest) {
        Parameter storage p = _registered(target, key);
        return _range(_rolled(p));
    }

    /// @inheritdoc IParameterRegistry
    function controllerRange(address target, bytes32 key) external view returns (uint256 lowest, uint256 highest) {
        Parameter storage p = _registered(target, key);
        return _controllerRange(p, IParameterized(target).parameter(key));
    }

    /// @dev Puts a parameter in a rule, once.
    function _join(ParameterRef calldata ref, uint256 ruleId) private {
        if (ref.target == address(0)) revert InvalidRule();
        uint256 stored = _ruleOf[ref.target][ref.key];
        if (stored != 0) revert ParameterInARule(ref.target, ref.key, stored - 1);
        _ruleOf[ref.target][ref.key] = ruleId + 1;
    }

    /// @dev Reverts `SumRuleBroken` unless the rule's weighted parts sum strictly below its bound, with `target`'s
    /// `key` read as `value` (the change being made). At most `MAX_RULE_PARTS` + 1 reads, on governance's paths only.
    function _checkRule(uint256 ruleId, address target, bytes32 key, uint256 value) private view {
        ParameterRef[] storage parts = _ruleParts[ruleId];
        uint256[] storage weights = _ruleWeights[ruleId];
        uint256 sum;
        for (uint256 i; i < parts.length; ++i) {
            sum += weights[i] * _valueOf(parts[i], target, key, value);
        }
        uint256 bound = _valueOf(_ruleBounds[ruleId], target, key, value);
        if (sum >= bound) revert SumRuleBroken(ruleId, sum, bound);
    }

    function _valueOf(
        ParameterRef storage ref,
        address target,
        bytes32 key,
        uint256 value
    ) private view returns (uint256) {
        address refTarget = ref.target;
        bytes32 refKey = ref.key;
        if (refTarget == target && refKey == key) return value;
        return IParameterized(refTarget).parameter(refKey);
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

    /// @dev Forgets the history: `value` alone has been in effect (registration and emergency changes).
    function _restart(Parameter storage p, uint256 value) private {
        p.anchor = value;
        p.lowest = value;
        p.highest = value;
        p.previousLowest = value;
        p.previousHighest = value;
        p.quarter = SafeCast.toUint64(block.timestamp / QUARTER);
    }

    /// @dev The record moved to the current quarter: entering a new quarter, the quarter left becomes the previous
    /// one and the anchor (the last value set through `set`, the registration or an emergency) is the only value
    /// so far in the new one; a quarter or more without changes leaves only the anchor over both. A controller's
    /// change is never recorded, so the anchor equals the value in effect unless a controller moved it since.
    function _rolled(Parameter storage p) private view returns (Parameter memory r) {
        r = p;
        uint256 current = r.anchor;
        uint64 quarter = SafeCast.toUint64(block.timestamp / QUARTER);
        if (quarter == r.quarter) return r;
        if (quarter == r.quarter + 1) {
            (r.previousLowest, r.previousHighest) = (r.lowest, r.highest);
        } else {
            (r.previousLowest, r.previousHighest) = (current, current);
        }
        (r.lowest, r.highest, r.quarter) = (current, current, quarter);
    }

    /// @dev The allowed range: at most `MAX_CHANGE_BPS` (or `minStep`) above the lowest value in effect over the
    /// two quarters and below the highest, clamped to the hard bounds. Steps round down (stricter).
    function _range(Parameter memory p) private pure returns (uint256 lowest, uint256 highest) {
        uint256 low = p.lowest < p.previousLowest ? p.lowest : p.previousLowest;
        uint256 high = p.highest > p.previousHighest ? p.highest : p.previousHighest;
        highest = low + _step(low, p.minStep);
        uint256 down = _step(high, p.minStep);
        lowest = high > down ? high - down : 0;
        if (lowest < p.min) lowest = p.min;
        if (highest > p.max) highest = p.max;
    }

    /// @dev A controller's range: at most one `MAX_CHANGE_BPS` (or `minStep`) move from the value in effect, within
    /// the hard bounds. The controller's own rule limits how often it moves (the deflation controller: once a
    /// quarter).
    function _controllerRange(
        Parameter storage p,
        uint256 current
    ) private view returns (uint256 lowest, uint256 highest) {
        uint256 step = _step(current, p.minStep);
        lowest = current > step ? current - step : 0;
        highest = current + step;
        if (lowest < p.min) lowest = p.min;
        if (highest > p.max) highest = p.max;
    }

    function _step(uint256 value, uint256 minStep) private pure returns (uint256 step) {
        step = (value * MAX_CHANGE_BPS) / BPS;
        if (step < minStep) step = minStep;
    }

    function _apply(address target, bytes32 key, uint256 oldValue, uint256 newValue, bool emergency) private {
        uint256 rule = _ruleOf[target][key];
        if (rule != 0) _checkRule(rule - 1, target, key, newValue);
        emit ParameterChanged(target, key, oldValue, newValue, emergency);
        IParameterized(target).setParameter(key, newValue);
    }
}
