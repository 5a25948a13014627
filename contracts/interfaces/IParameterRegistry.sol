// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IParameterRegistry
/// @notice Holds every number governance may change, with hard bounds and a rate limit, and pushes each
/// change into the module that uses it (see `IParameterized`).
/// @dev Rate limit (QUIVer's governance rules: at most a 20% change per quarter), rolling: time is cut in quarters of
/// 365 days / 4 (counted from timestamp 0), and the registry keeps the lowest and highest values in effect in the
/// current quarter and in the previous one. A normal change may set a value at most `MAX_CHANGE_BPS` (20%) above
/// the lowest of them and at most 20% below the highest (or within `minStep` of them, for values near zero).
/// These two quarters always cover the last full quarter, so over any span of one quarter a value moves at most
/// 20%, however its changes are timed (two changes one second apart across a quarter edge are checked against
/// the same history). The emergency path skips the rate limit, never the bounds, and restarts the history at the
/// value it set.
interface IParameterRegistry {
    /// @notice How a parameter is governed.
    /// @param min Lowest value allowed, ever.
    /// @param max Highest value allowed, ever.
    /// @param minStep Absolute change always allowed, whatever the values in effect (for values near zero).
    /// @param anchor The value set by the registration or the last `set` or emergency change (a controller's change
    /// is not recorded); the value a new quarter's history starts from.
    /// @param lowest The lowest value set (not by a controller) or anchored during `quarter` (as of the last change).
    /// @param highest The highest value set (not by a controller) or anchored during `quarter` (as of the last change).
    /// @param previousLowest The lowest value set (not by a controller) or anchored in the quarter before `quarter`.
    /// @param previousHighest The highest value set (not by a controller) or anchored in the quarter before
    /// `quarter`.
    /// @param quarter The quarter (`timestamp / QUARTER`) of the last registration or change.
    /// @param registered Whether the parameter exists.
    struct Parameter {
        uint256 min;
        uint256 max;
        uint256 minStep;
        uint256 anchor;
        uint256 lowest;
        uint256 highest;
        uint256 previousLowest;
        uint256 previousHighest;
        uint64 quarter;
        bool registered;
    }

    /// @notice A parameter of a module: the target holding it and its key.
    /// @param target The module holding the value.
    /// @param key The parameter's key.
    struct ParameterRef {
        address target;
        bytes32 key;
    }

    /// @notice A parameter was put under governance.
    /// @param target The module holding the value.
    /// @param key The parameter's key.
    /// @param value Its value at registration.
    /// @param min Lowest value allowed.
    /// @param max Highest value allowed.
    /// @param minStep Absolute change always allowed, whatever the values in effect.
    event ParameterRegistered(
        address indexed target,
        bytes32 indexed key,
        uint256 value,
        uint256 min,
        uint256 max,
        uint256 minStep
    );

    /// @notice A parameter changed.
    /// @param target The module holding the value.
    /// @param key The parameter's key.
    /// @param oldValue The value before.
    /// @param newValue The value after.
    /// @param emergency Whether the change came through the emergency path.
    event ParameterChanged(
        address indexed target,
        bytes32 indexed key,
        uint256 oldValue,
        uint256 newValue,
        bool emergency
    );

    /// @notice The parameter is already registered.
    error ParameterAlreadyRegistered(address target, bytes32 key);
    /// @notice No parameter is registered under this target and key.
    error ParameterNotRegistered(address target, bytes32 key);
    /// @notice `min` is above `max`, or the target is the zero address.
    error InvalidBounds(uint256 min, uint256 max);
    /// @notice The value lies outside the parameter's hard bounds.
    error ValueOutOfBounds(uint256 value, uint256 min, uint256 max);
    /// @notice The value moves more than the rate limit allows from the values in effect over the last quarters.
    error ChangeTooLarge(uint256 value, uint256 lowest, uint256 highest);
    /// @notice The new value equals the current one.
    error ValueUnchanged(uint256 value);
    /// @notice The change would make a sum rule's parts add up to its bound or more.
    error SumRuleBroken(uint256 ruleId, uint256 sum, uint256 bound);
    /// @notice A parameter may take part in one sum rule only (as a part or as the bound).
    error ParameterInARule(address target, bytes32 key, uint256 ruleId);
    /// @notice A sum rule needs one to `MAX_RULE_PARTS` parts, each on a module (not the zero address), and one weight
    /// of 1 to `MAX_RULE_WEIGHT` per part.
    error InvalidRule();

    /// @notice A sum rule was added: from now on no change may bring the parts' weighted sum to the bound's value.
    /// @param ruleId The rule's id (its index, from 0).
    /// @param parts The parameters summed.
    /// @param weights Each part's weight.
    /// @param bound The parameter the sum stays strictly below.
    event SumRuleAdded(uint256 indexed ruleId, ParameterRef[] parts, uint256[] weights, ParameterRef bound);

    /// @notice Puts a module's parameter under governance at its current value.
    /// @dev Restricted to the admin. The current value (read from the target) must lie within the bounds.
    /// @param target The module holding the value.
    /// @param key The parameter's key.
    /// @param min Lowest value allowed, ever.
    /// @param max Highest value allowed, ever.
    /// @param minStep Absolute change always allowed, whatever the values in effect.
    function register(address target, bytes32 key, uint256 min, uint256 max, uint256 minStep) external;

    /// @notice Ties parameters of possibly different modules: the weighted sum of `parts` must stay strictly below
    /// `bound` (e.g. twice the market's challenge window plus twice the court's voting period below staking's
    /// unbonding period, so that the stake behind an offence is still there when the verdict lands). Checked now and
    /// at every later change of any of them, by `set`, `setByController` and `setEmergency` alike.
    /// @dev Restricted to the admin. Each parameter takes part in at most one rule; values are read from the targets
    /// (`parameter(key)`), so the parts need not be registered here.
    /// @param parts The parameters summed (one to `MAX_RULE_PARTS`).
    /// @param weights Each part's weight (1 to `MAX_RULE_WEIGHT`): a part counted twice is worth 2.
    /// @param bound The parameter the sum stays below.
    /// @return ruleId The rule's id.
    function addSumRule(
        ParameterRef[] calldata parts,
        uint256[] calldata weights,
        ParameterRef calldata bound
    ) external returns (uint256 ruleId);

    /// @notice A sum rule.
    /// @param ruleId The rule's id.
    /// @return parts The parameters summed.
    /// @return weights Each part's weight.
    /// @return bound The parameter the sum stays below.
    function sumRule(
        uint256 ruleId
    ) external view returns (ParameterRef[] memory parts, uint256[] memory weights, ParameterRef memory bound);

    /// @notice The sum rule a parameter takes part in.
    /// @param target The module holding the value.
    /// @param key The parameter's key.
    /// @return inRule Whether it takes part in one.
    /// @return ruleId The rule's id (0 when `inRule` is false).
    function ruleOf(address target, bytes32 key) external view returns (bool inRule, uint256 ruleId);

    /// @notice Changes a parameter within its bounds and the rate limit (normal governance).
    /// @dev Restricted to the governor role (the normal timelock).
    /// @param target The module holding the value.
    /// @param key The parameter's key.
    /// @param value The new value.
    function set(address target, bytes32 key, uint256 value) external;

    /// @notice Changes a parameter within its bounds and at most one `MAX_CHANGE_BPS` (or `minStep`) move from the
    /// value in effect (`controllerRange`), for a contract that moves a value by rule (the deflation controller's
    /// quarterly step of the burn share).
    /// @dev Restricted to the PARAMETER_CONTROLLER role (held by such contracts only; their code names the keys
    /// they move and how often they move them). The change is not recorded in the rate-limit history, so it never
    /// narrows `set`'s range: governance keeps its own 20% per quarter around the values it set, the controller
    /// moves by its own rule, and a governance change may undo the controller's steps.
    /// @param target The module holding the value.
    /// @param key The parameter's key.
    /// @param value The new value.
    function setByController(address target, bytes32 key, uint256 value) external;

    /// @notice Changes a parameter within its bounds, without the rate limit (emergency path).
    /// @dev Restricted to the emergency role (the emergency timelock).
    /// @param target The module holding the value.
    /// @param key The parameter's key.
    /// @param value The new value.
    function setEmergency(address target, bytes32 key, uint256 value) external;

    /// @notice How a parameter is governed.
    /// @param target The module holding the value.
    /// @param key The parameter's key.
    /// @return The parameter's bounds and rate-limit history (as of its last change).
    function parameterInfo(address target, bytes32 key) external view returns (Parameter memory);

    /// @notice The range a normal change may set right now.
    /// @param target The module holding the value.
    /// @param key The parameter's key.
    /// @return lowest The lowest value a normal change may set now.
    /// @return highest The highest value a normal change may set now.
    function allowedRange(address target, bytes32 key) external view returns (uint256 lowest, uint256 highest);

    /// @notice The range `setByController` may set right now: one `MAX_CHANGE_BPS` (or `minStep`) move from the
    /// value in effect, within the bounds.
    /// @param target The module holding the value.
    /// @param key The parameter's key.
    /// @return lowest The lowest value a controller may set now.
    /// @return highest The highest value a controller may set now.
    function controllerRange(address target, bytes32 key) external view returns (uint256 lowest, uint256 highest);
}
