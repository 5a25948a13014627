// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IGuardianPausable
/// @notice A module the guardian (a Safe multisig holding the GUARDIAN role) can pause, briefly: its pause
/// expires after the governed `pause.duration` unless governance confirms it.
/// @dev Roles (AccessManager): `pause` GUARDIAN; `confirmPause` EMERGENCY (the emergency timelock: a 75%
/// proposal with the 48-hour delay, fast enough to confirm before the pause expires); `unpause` GOVERNOR (the
/// normal timelock, so a fix and its unpause can ship in one proposal). After a guardian pause expires the
/// guardian must wait one more `pause.duration` (as it was when pausing) before pausing again; after governance
/// lifts a pause (`unpause`) the guardian waits `pause.duration`, and at least as long as it held the pause. So
/// the guardian keeps a module paused at most half the time without governance confirming; governance can also
/// revoke its role. Governance confirms only an active guardian pause (`confirmPause` reverts `ExpectedPause`
/// otherwise): it cannot freeze a module on its own through the emergency route. Functions marked
/// `whenNotPaused` revert with `EnforcedPause` while paused.
interface IGuardianPausable {
    /// @notice The guardian paused the module until `until`.
    /// @param guardian The caller.
    /// @param until When the pause expires unless governance confirms it.
    event Paused(address indexed guardian, uint256 until);

    /// @notice Governance confirmed the pause: the module stays paused until governance unpauses it.
    /// @param account The caller.
    event PauseConfirmed(address indexed account);

    /// @notice Governance lifted the pause.
    /// @param account The caller.
    event Unpaused(address indexed account);

    /// @notice The module is paused.
    /// @param pausedUntil When the pause expires (`type(uint48).max` once confirmed).
    error EnforcedPause(uint256 pausedUntil);

    /// @notice The module is not paused.
    error ExpectedPause();

    /// @notice The pause is already confirmed.
    error PauseAlreadyConfirmed();

    /// @notice The guardian's last pause expired too recently to pause again.
    /// @param availableAt When the guardian may pause again.
    error PauseCooldown(uint256 availableAt);

    /// @notice Pauses the module for `pause.duration` seconds.
    /// @dev Restricted to the guardian. Reverts while paused and during the cooldown after a pause (expired or
    /// lifted), see `pauseAvailableAt`.
    function pause() external;

    /// @notice Keeps the module paused until governance unpauses it.
    /// @dev Restricted to the emergency timelock. Reverts `ExpectedPause` unless a guardian pause is active, and
    /// `PauseAlreadyConfirmed` when it is confirmed already.
    function confirmPause() external;

    /// @notice Lifts a pause, confirmed or not, and starts the guardian's cooldown.
    /// @dev Restricted to the normal timelock. The guardian may pause again after `pause.duration`, or after as
    /// long as it held this pause if that is longer (an unconfirmed pause).
    function unpause() external;

    /// @notice Whether the module is paused now.
    /// @return True while a guardian pause lasts or a confirmed pause stands.
    function paused() external view returns (bool);

    /// @notice When the current or last pause ends.
    /// @return The expiry timestamp; `type(uint48).max` when confirmed; the unpause time once governance lifted
    /// it; zero when never paused.
    function pausedUntil() external view returns (uint256);

    /// @notice When the guardian may pause again.
    /// @return The end of the guardian's cooldown (zero when never paused).
    function pauseAvailableAt() external view returns (uint256);

    // solhint-disable func-name-mixedcase
    /// @notice Key of the governed pause duration, `keccak256("pause.duration")`, in seconds.
    /// @return The parameter key.
    function PAUSE_DURATION() external view returns (bytes32);

    /// @notice The longest pause duration the module accepts, whatever the registry's bounds.
    /// @return 365 days, in seconds.
    function MAX_PAUSE_DURATION() external view returns (uint256);
    // solhint-enable func-name-mixedcase
}
