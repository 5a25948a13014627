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
/// `super`. The pause state is one storage slot, read once by `whenNotPaused`.
abstract contract GuardianPausable is IGuardianPausable, Parameterized {
    /// @inheritdoc IGuardianPausable
    bytes32 public constant PAUSE_DURATION = keccak256("pause.duration");

    /// @inheritdoc IGuardianPausable
    uint256 public constant MAX_PAUSE_DURATION = 365 days;

    uint48 private constant CONFIRMED = type(uint48).max;

    /// @dev End of the current or last pause; `CONFIRMED` when governance confirmed it; zero when unpaused.
    uint48 private _pausedUntil;
    /// @dev The governed pause duration, in seconds (same slot).
    uint48 private _pauseDuration;

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
        uint256 duration = _pauseDuration;
        if (until != 0 && block.timestamp < until + duration) revert PauseCooldown(until + duration);
        uint48 newUntil = SafeCast.toUint48(block.timestamp + duration);
        _pausedUntil = newUntil;
        emit Paused(msg.sender, newUntil);
    }

    /// @inheritdoc IGuardianPausable
    function confirmPause() external restricted {
        if (_pausedUntil == CONFIRMED) revert PauseAlreadyConfirmed();
        _pausedUntil = CONFIRMED;
        emit PauseConfirmed(msg.sender);
    }

    /// @inheritdoc IGuardianPausable
    function unpause() external restricted {
        if (!paused()) revert ExpectedPause();
        _pausedUntil = 0;
        emit Unpaused(msg.sender);
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
