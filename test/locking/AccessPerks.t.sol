// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {IAccessPerks} from "../../contracts/interfaces/IAccessPerks.sol";
import {IVoteLocker} from "../../contracts/interfaces/IVoteLocker.sol";
import {AccessPerks} from "../../contracts/locking/AccessPerks.sol";
import {LockingBase} from "./LockingBase.sol";

contract AccessPerksTest is LockingBase {
    bytes32 internal constant FEATURE = keccak256("perk.test");
    AccessPerks internal perks;

    function setUp() public override {
        super.setUp();
        perks = new AccessPerks(IVoteLocker(address(locker)), address(manager), 1_000_000 ether);
        vm.prank(admin);
        perks.setFeature(FEATURE, 10_000 ether);
    }

    function test_hasAccess_grantedAtThresholdRefusedBelow() public {
        _lock(alice, 10_000 ether, 10 * WEEK);
        _lock(bob, 10_000 ether - 1, 10 * WEEK);
        assertTrue(perks.hasAccess(alice, FEATURE), "granted at the threshold");
        assertFalse(perks.hasAccess(bob, FEATURE), "refused one wei below");
        assertFalse(perks.hasAccess(carol, FEATURE), "refused without a lock");
    }

    function test_hasAccess_endsWithTheLock() public {
        _lock(alice, 10_000 ether, 10 * WEEK);
        vm.warp(T0 + 10 * WEEK - 1);
        assertTrue(perks.hasAccess(alice, FEATURE), "running lock");
        vm.warp(T0 + 10 * WEEK);
        assertFalse(perks.hasAccess(alice, FEATURE), "expired lock grants nothing");
    }

    function test_hasAccess_unknownFeature() public {
        _lock(alice, 10_000 ether, 10 * WEEK);
        assertFalse(perks.hasAccess(alice, keccak256("perk.unknown")), "unregistered feature");
        vm.prank(admin);
        perks.setFeature(FEATURE, 0);
        assertFalse(perks.hasAccess(alice, FEATURE), "removed feature");
    }

    function test_RevertWhen_thresholdAboveBound() public {
        vm.prank(admin);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessPerks.ThresholdTooHigh.selector, 1_000_000 ether + 1, 1_000_000 ether)
        );
        perks.setFeature(FEATURE, 1_000_000 ether + 1);
        assertEq(perks.thresholdOf(FEATURE), 10_000 ether, "unchanged");
    }

    function test_RevertWhen_setFeatureByStranger() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, alice));
        perks.setFeature(FEATURE, 1 ether);
        assertEq(perks.thresholdOf(FEATURE), 10_000 ether, "unchanged");
    }
}
