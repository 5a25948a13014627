// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IVestingVault} from "../../contracts/interfaces/IVestingVault.sol";
import {VestingVault} from "../../contracts/supply/VestingVault.sol";
import {VestingVaultBase} from "./VestingVaultBase.sol";

/// @notice Rounding direction and exact boundaries of the vesting curve, on amounts that do not divide evenly, so
/// flipping a rounding or moving a comparison by one changes a figure asserted here.
/// The odd schedule: 1,001 wei from S, 25% at the start (1,001 x 2,500 / 10,000 = 250.25, rounded down to 250), no
/// cliff, 3 seconds in all: the other 751 wei vest at 751 / 3 = 250.33 wei a second, rounded down.
contract VestingVaultRoundingTest is VestingVaultBase {
    uint256 internal constant S = T0 + 10 days;

    function _odd() internal returns (uint256) {
        return _create(alice, 1_001, S, 0, 3, 2_500, true);
    }

    function test_vestedAmount_startUnlockRoundsDown() public {
        uint256 id = _odd();
        assertEq(vault.vestedAmount(id, S - 1), 0, "nothing one second before the start");
        assertEq(vault.vestedAmount(id, S), 250, "250.25 at the start, rounded down");
    }

    function test_vestedAmount_linearPartRoundsDown() public {
        uint256 id = _odd();
        // 250 + 751 x 1 / 3 = 250 + 250.33 -> 500; 250 + 751 x 2 / 3 = 250 + 500.67 -> 750.
        assertEq(vault.vestedAmount(id, S + 1), 500, "one second in");
        assertEq(vault.vestedAmount(id, S + 2), 750, "two seconds in");
        assertEq(vault.vestedAmount(id, S + 3), 1_001, "all at the end");
    }

    function test_vestedAmount_startUnlockRoundsDownBeforeTheCliff() public {
        // 999 wei, 33.33% at the start: 999 x 3,333 / 10,000 = 332.97 -> 332 until the cliff; at the cliff (5 of 10
        // seconds) 332 + 667 x 5 / 10 = 332 + 333.5 -> 665.
        uint256 id = _create(alice, 999, S, 5, 10, 3_333, false);
        assertEq(vault.vestedAmount(id, S + 4), 332, "start unlock only, one second before the cliff");
        assertEq(vault.vestedAmount(id, S + 5), 665, "the linear part since the start at the cliff");
    }

    function test_release_paysTheRoundedDownFigures() public {
        uint256 id = _odd();
        vm.warp(S + 1);
        assertEq(vault.releasable(id), 500, "releasable one second in");
        assertEq(vault.release(id), 500, "released one second in");
        vm.warp(S + 2);
        assertEq(vault.releasable(id), 250, "750 vested - 500 released");
        assertEq(vault.release(id), 250, "released two seconds in");
        assertEq(token.balanceOf(alice), 750, "alice holds 750");
        assertEq(token.balanceOf(address(vault)), 251, "the vault keeps the rest");
    }

    function test_revoke_returnsTheRoundedUpRemainder() public {
        uint256 id = _odd();
        vm.warp(S + 1);
        vm.expectEmit(true, false, false, true, address(vault));
        emit IVestingVault.Revoked(id, 500, 501);
        vm.prank(governor);
        assertEq(vault.revoke(id), 501, "1,001 - 500 vested goes back");
        assertEq(token.balanceOf(treasury), 501, "treasury paid");
        assertEq(vault.releasable(id), 500, "alice keeps what had vested");
    }

    // ------------------------------------------------------------------ boundaries accepted on both sides

    function test_createSchedule_acceptsAFullStartUnlock() public {
        uint256 id = _create(alice, 1_001, S, 0, 3, 10_000, false);
        assertEq(vault.vestedAmount(id, S - 1), 0, "nothing before the start");
        assertEq(vault.vestedAmount(id, S), 1_001, "10,000 bps: everything at the start");
    }

    function test_RevertWhen_createScheduleStartUnlockIs10001Bps() public {
        vm.prank(creator);
        vm.expectRevert(abi.encodeWithSelector(IVestingVault.StartUnlockAboveMax.selector, 10_001, 10_000));
        vault.createSchedule(alice, 1_001, uint48(S), 0, 3, 10_001, false);
        assertEq(vault.scheduleCount(), 0, "no schedule");
    }

    function test_createSchedule_acceptsACliffEqualToTheDuration() public {
        uint256 id = _create(alice, 1_001, S, 3, 3, 2_500, false);
        assertEq(vault.vestedAmount(id, S + 2), 250, "start unlock only until the end");
        assertEq(vault.vestedAmount(id, S + 3), 1_001, "all at the end");
    }

    function test_RevertWhen_createScheduleCliffOneSecondLongerThanDuration() public {
        vm.prank(creator);
        vm.expectRevert(abi.encodeWithSelector(IVestingVault.CliffLongerThanDuration.selector, 4, 3));
        vault.createSchedule(alice, 1_001, uint48(S), 4, 3, 2_500, false);
        assertEq(vault.scheduleCount(), 0, "no schedule");
    }

    function test_createSchedule_acceptsOneWei() public {
        uint256 id = _create(alice, 1, S, 0, 0, 0, false);
        assertEq(vault.vestedAmount(id, S), 1, "one wei at the start");
    }

    function test_RevertWhen_constructorTokenIsZero() public {
        vm.expectRevert(IVestingVault.InvalidAddress.selector);
        new VestingVault(address(0), treasury, address(manager));
    }
}
