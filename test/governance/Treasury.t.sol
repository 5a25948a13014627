// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

import {Treasury} from "../../contracts/governance/Treasury.sol";
import {IGuardianPausable} from "../../contracts/interfaces/IGuardianPausable.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {ITreasury} from "../../contracts/interfaces/ITreasury.sol";
import {GovernanceBase} from "./GovernanceBase.sol";

/// @notice The treasury, and through it the GuardianPausable base every pausable module inherits.
contract TreasuryTest is GovernanceBase {
    IERC20 internal quiv;

    function setUp() public override {
        super.setUp();
        quiv = IERC20(address(token));
    }

    function _spend(address to, uint256 amount) internal {
        vm.prank(address(normalTimelock));
        treasury.transfer(quiv, to, amount);
    }

    function _guardianPause() internal {
        vm.prank(guardian);
        treasury.pause();
    }

    // ------------------------------------------------------------------ transfer

    function test_transfer_byTheNormalTimelock() public {
        vm.expectEmit(true, true, false, true, address(treasury));
        emit ITreasury.Transferred(quiv, carol, 250_000 ether);
        _spend(carol, 250_000 ether);
        assertEq(token.balanceOf(carol), 250_000 ether, "paid");
        assertEq(token.balanceOf(address(treasury)), 4_750_000 ether, "treasury balance");
    }

    function test_RevertWhen_transferBadInput() public {
        vm.startPrank(address(normalTimelock));
        vm.expectRevert(abi.encodeWithSelector(ITreasury.InvalidRecipient.selector, address(0)));
        treasury.transfer(quiv, address(0), 1);
        vm.expectRevert(abi.encodeWithSelector(ITreasury.InvalidRecipient.selector, address(treasury)));
        treasury.transfer(quiv, address(treasury), 1);
        vm.expectRevert(ITreasury.ZeroAmount.selector);
        treasury.transfer(quiv, carol, 0);
        vm.expectRevert(
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientBalance.selector,
                address(treasury),
                5_000_000 ether,
                5_000_000 ether + 1
            )
        );
        treasury.transfer(quiv, carol, 5_000_000 ether + 1);
        vm.stopPrank();
        assertEq(token.balanceOf(address(treasury)), 5_000_000 ether, "unchanged");
    }

    function test_RevertWhen_transferByAnyoneElse() public {
        address[3] memory callers = [address(emergencyTimelock), guardian, attacker];
        for (uint256 i; i < callers.length; ++i) {
            vm.prank(callers[i]);
            vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, callers[i]));
            treasury.transfer(quiv, callers[i], 1);
        }
        assertEq(token.balanceOf(address(treasury)), 5_000_000 ether, "unchanged");
    }

    // ------------------------------------------------------------------ the guardian's pause

    function test_pause_byTheGuardianForThirtyDays() public {
        vm.expectEmit(true, false, false, true, address(treasury));
        emit IGuardianPausable.Paused(guardian, block.timestamp + 30 days);
        _guardianPause();
        assertTrue(treasury.paused(), "paused");
        assertEq(treasury.pausedUntil(), block.timestamp + 30 days, "until");
        vm.prank(address(normalTimelock));
        vm.expectRevert(abi.encodeWithSelector(IGuardianPausable.EnforcedPause.selector, block.timestamp + 30 days));
        treasury.transfer(quiv, carol, 1);
        assertEq(token.balanceOf(carol), 0, "nothing paid while paused");
    }

    function test_pause_expiresAfterItsDuration() public {
        uint256 until = block.timestamp + 30 days;
        _guardianPause();
        vm.warp(until - 1);
        assertTrue(treasury.paused(), "one second before expiry");
        vm.warp(until);
        assertFalse(treasury.paused(), "expired");
        _spend(carol, 1 ether);
        assertEq(token.balanceOf(carol), 1 ether, "spending resumes");
    }

    function test_RevertWhen_guardianPausesAgainTooSoon() public {
        uint256 until = block.timestamp + 30 days;
        _guardianPause();
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IGuardianPausable.EnforcedPause.selector, until));
        treasury.pause();

        vm.warp(until + 30 days - 1);
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IGuardianPausable.PauseCooldown.selector, until + 30 days));
        treasury.pause();
        assertFalse(treasury.paused(), "still unpaused");

        vm.warp(until + 30 days);
        _guardianPause();
        assertEq(treasury.pausedUntil(), until + 60 days, "paused again after the cooldown");
    }

    function test_confirmPause_byTheEmergencyTimelockOutlastsTheExpiry() public {
        _guardianPause();
        vm.expectEmit(true, false, false, true, address(treasury));
        emit IGuardianPausable.PauseConfirmed(address(emergencyTimelock));
        vm.prank(address(emergencyTimelock));
        treasury.confirmPause();
        vm.warp(block.timestamp + 365 days);
        assertTrue(treasury.paused(), "confirmed: no expiry");
        assertEq(treasury.pausedUntil(), type(uint48).max, "until forever");

        vm.prank(address(emergencyTimelock));
        vm.expectRevert(IGuardianPausable.PauseAlreadyConfirmed.selector);
        treasury.confirmPause();
    }

    function test_unpause_byTheNormalTimelockStartsTheCooldown() public {
        _guardianPause();
        vm.prank(address(emergencyTimelock));
        treasury.confirmPause();
        vm.warp(block.timestamp + 40 days);
        vm.expectEmit(true, false, false, true, address(treasury));
        emit IGuardianPausable.Unpaused(address(normalTimelock));
        vm.prank(address(normalTimelock));
        treasury.unpause();
        assertFalse(treasury.paused(), "unpaused");
        assertEq(treasury.pausedUntil(), block.timestamp, "ended now");
        // A confirmed pause was governance's: the guardian waits one pause duration, 30 days.
        assertEq(treasury.pauseAvailableAt(), block.timestamp + 30 days, "cooldown of the pause duration");
        vm.warp(block.timestamp + 30 days - 1);
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IGuardianPausable.PauseCooldown.selector, block.timestamp + 1));
        treasury.pause();
        vm.warp(block.timestamp + 1);
        _guardianPause();
        assertTrue(treasury.paused(), "the guardian can pause again after the cooldown");
    }

    function test_RevertWhen_confirmPauseWithoutAGuardianPause() public {
        vm.prank(address(emergencyTimelock));
        vm.expectRevert(IGuardianPausable.ExpectedPause.selector);
        treasury.confirmPause();
        assertFalse(treasury.paused(), "never paused");
        assertEq(treasury.pausedUntil(), 0, "nothing recorded");

        _guardianPause();
        vm.warp(block.timestamp + 30 days);
        vm.prank(address(emergencyTimelock));
        vm.expectRevert(IGuardianPausable.ExpectedPause.selector);
        treasury.confirmPause();
        assertFalse(treasury.paused(), "an expired pause cannot be confirmed");
    }

    function test_RevertWhen_unpauseWhileNotPaused() public {
        vm.prank(address(normalTimelock));
        vm.expectRevert(IGuardianPausable.ExpectedPause.selector);
        treasury.unpause();
        _guardianPause();
        vm.warp(block.timestamp + 30 days);
        vm.prank(address(normalTimelock));
        vm.expectRevert(IGuardianPausable.ExpectedPause.selector);
        treasury.unpause();
    }

    function test_RevertWhen_pauseFunctionsCalledByTheWrongRole() public {
        vm.prank(attacker);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, attacker));
        treasury.pause();
        vm.prank(address(normalTimelock));
        vm.expectRevert(
            abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, address(normalTimelock))
        );
        treasury.confirmPause();
        _guardianPause();
        vm.prank(address(emergencyTimelock));
        vm.expectRevert(
            abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, address(emergencyTimelock))
        );
        treasury.unpause();
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, guardian));
        treasury.unpause();
        assertTrue(treasury.paused(), "still paused");
    }

    // ------------------------------------------------------------------ the pause duration parameter

    function test_pauseDuration_governedThroughTheRegistry() public {
        assertEq(treasury.parameter(PAUSE_KEY), 30 days, "preset");
        vm.prank(address(normalTimelock));
        registry.set(address(treasury), PAUSE_KEY, 36 days); // +20%
        assertEq(treasury.parameter(PAUSE_KEY), 36 days, "changed");
        _guardianPause();
        assertEq(treasury.pausedUntil(), block.timestamp + 36 days, "next pause uses it");
    }

    function test_RevertWhen_pauseDurationOutsideTheModuleLimits() public {
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, PAUSE_KEY, 0));
        new Treasury(address(manager), 0);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, PAUSE_KEY, 365 days + 1));
        new Treasury(address(manager), 365 days + 1);
        bytes32 bogus = keccak256("bogus");
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, bogus));
        treasury.parameter(bogus);
    }
}
