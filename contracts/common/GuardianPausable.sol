// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IGuardianPausable} from "../interfaces/IGuardianPausable.sol";
import {Parameterized} from "./Parameterized.sol";

/// @title GuardianPausable
/// @notice Base for modules the guardian may pause for a governed duration, unless governance confirms it.
/// @dev Inheritors put `whenNotPaused` on their user paths, map `pause`, `confirmPause` and `unpause` to the
/// GUARDIAN, EMERGENCY and GOVERNOR roles, and register `PAUSE_DURATION` with the registry. A module with
/// parameters of its own overrides `parameter` and `_setParameter` for its keys and hands other keys to
/// `super`. The pause state is one storage slot, read once by `whenNotPaused`. The guardian
/// holds a module paused at most half the time: every pause it makes, expired or lifted, is followed by a cooldown
/// at least as long.
abstract contract GuardianPausable is IGuardianPausable, Parameterized {
    /// @inheritdoc IGuardianPausable
    bytes32 public constant PAUSE_DURATION = keccak256("pause.duration");

    /// @inheritdoc IGuardianPausable
    uint256 public constant MAX_PAUSE_DURATION = 365 days;

    uint48 private constant CONFIRMED = type(uint48).max;

    /// @dev End of the current or last pause (the unpause time once lifted); `CONFIRMED` when governance confirmed
    /// it; zero when never paused.
    uint48 private _pausedUntil;
    /// @dev The governed pause duration, in seconds (same slot).
    uint48 private _pauseDuration;
    /// @dev Start of the last guardian pause (same slot).
    uint48 private _pausedAt;
    /// @dev When the guardian may pause again (same slot).
    uint48 private _cooldownUntil;

    /// @notice Reverts with `EnforcedPause` while the module is paused.
    modifier whenNotPaused() {
        _requireNotPaused();
        _;
    }

    /// @notice Sets the initial pause duration.
    /// @param pauseDuration_ The initial pause duration in seconds (the preset), 1 to `MAX_PAUSE_DURATION`.
    constructor(uint256 pauseDuration_) {
        _storePauseDuration(pauseDuration_);
    }

    /// @inheritdoc IGuardianPausable
    function pause() external restricted {
        uint256 until = _pausedUntil;
        if (block.timestamp < until) revert EnforcedPause(until);
        uint256 availableAt = _cooldownUntil;
        if (block.timestamp < availableAt) revert PauseCooldown(availableAt);
        uint256 duration = _pauseDuration;
        uint48 newUntil = SafeCast.toUint48(block.timestamp + duration);
        _pausedUntil = newUntil;
        _pausedAt = SafeCast.toUint48(block.timestamp);
        // Expired, the pause is followed by as long a cooldown.
        _cooldownUntil = SafeCast.toUint48(block.timestamp + 2 * duration);
        emit Paused(msg.sender, newUntil);
    }

    /// @inheritdoc IGuardianPausable
    function confirmPause() external restricted {
        uint256 until = _pausedUntil;
        if (until == CONFIRMED) revert PauseAlreadyConfirmed();
        if (block.timestamp >= until) revert ExpectedPause();
        _pausedUntil = CONFIRMED;
        emit PauseConfirmed(msg.sender);
    }

    /// @inheritdoc IGuardianPausable
    function unpause() external restricted {
        uint256 until = _pausedUntil;
        if (block.timestamp >= until) revert ExpectedPause();
        // Lifted early, the pause is followed by a cooldown of the pause duration, and never shorter than the time
        // the guardian held it (the duration may have been lowered meanwhile).
        uint256 cooldown = _pauseDuration;
        if (until != CONFIRMED) {
            uint256 held = block.timestamp - _pausedAt;
            if (held > cooldown) cooldown = held;
        }
        _pausedUntil = SafeCast.toUint48(block.timestamp);
        _cooldownUntil = SafeCast.toUint48(block.timestamp + cooldown);
        emit Unpaused(msg.sender);
    }

    /// @inheritdoc IGuardianPausable
    function pauseAvailableAt() external view returns (uint256) {
        return _cooldownUntil;
    }

    /// @inheritdoc IGuardianPausable
    function pausedUntil() external view returns (uint256) {
        return _pausedUntil;
    }

    /// @notice Reads a governed parameter; this base knows `PAUSE_DURATION`.
    /// @param key The parameter's key.
    /// @return The value; reverts with `UnknownParameter` for other keys.
    function parameter(bytes32 key) public view virtual returns (uint256) {
        if (key == PAUSE_DURATION) return _pauseDuration;
        revert UnknownParameter(key);
    }

    /// @inheritdoc IGuardianPausable
    function paused() public view returns (bool) {
        return block.timestamp < _pausedUntil;
    }

    function _setParameter(bytes32 key, uint256 value) internal virtual override {
        if (key != PAUSE_DURATION) revert UnknownParameter(key);
        _storePauseDuration(value);
    }

    function _requireNotPaused() internal view {
        uint256 until = _pausedUntil;
        if (block.timestamp < until) revert EnforcedPause(until);
    }

    function _storePauseDuration(uint256 value) private {
        if (value == 0 || value > MAX_PAUSE_DURATION) revert InvalidParameterValue(PAUSE_DURATION, value);
        _pauseDuration = SafeCast.toUint48(value);
    }
}
