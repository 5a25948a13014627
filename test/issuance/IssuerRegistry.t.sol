// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

import {IIssuerRegistry} from "../../contracts/interfaces/IIssuerRegistry.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {IssuerRegistry} from "../../contracts/issuance/IssuerRegistry.sol";
import {IssuerToken} from "../../contracts/issuance/IssuerToken.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {IssuanceBase} from "./IssuanceBase.sol";

contract IssuerRegistryTest is IssuanceBase {
    bytes32 internal constant REASON = keccak256("terms-breach-42");

    function _assertStake(address issuer, uint256 stake_, uint256 pending, string memory err) internal view {
        IIssuerRegistry.Issuer memory info = registry.issuerInfo(issuer);
        assertEq(uint256(info.stake), stake_, string.concat(err, ": active stake"));
        assertEq(uint256(info.pendingUnstake), pending, string.concat(err, ": pending"));
    }

    // ------------------------------------------------------------------ constructor

    function test_constructor_setsTiersNoticeAndRecipient() public view {
        assertEq(registry.systemToken(), address(qut), "system token");
        assertEq(registry.feeRecipient(), treasury, "fee recipient");
        assertEq(uint256(registry.tier(0).minStake), 10_000 ether, "tier 1 stake");
        assertEq(uint256(registry.tier(1).minStake), 50_000 ether, "tier 2 stake");
        assertEq(uint256(registry.tier(2).minStake), 250_000 ether, "tier 3 stake");
        assertEq(uint256(registry.tier(0).slots), 1, "tier 1 slots");
        assertEq(uint256(registry.tier(1).slots), 5, "tier 2 slots");
        assertEq(uint256(registry.tier(2).slots), 25, "tier 3 slots");
        assertEq(registry.parameter(registry.UNSTAKE_NOTICE_PERIOD()), 3_024_000, "35 days in seconds");
    }

    function _tiers(
        uint128 s1,
        uint32 n1,
        uint128 s2,
        uint32 n2,
        uint128 s3,
        uint32 n3
    ) internal pure returns (IIssuerRegistry.Tier[3] memory) {
        return
            [
                IIssuerRegistry.Tier({minStake: s1, slots: n1}),
                IIssuerRegistry.Tier({minStake: s2, slots: n2}),
                IIssuerRegistry.Tier({minStake: s3, slots: n3})
            ];
    }

    function test_RevertWhen_constructorTierOneIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(IIssuerRegistry.InvalidTiers.selector, 0));
        new IssuerRegistry(address(manager), address(qut), _tiers(0, 1, 2, 2, 3, 3), NOTICE, treasury);
    }

    function test_RevertWhen_constructorTierStakesNotRising() public {
        vm.expectRevert(abi.encodeWithSelector(IIssuerRegistry.InvalidTiers.selector, 1));
        new IssuerRegistry(address(manager), address(qut), _tiers(5, 1, 5, 2, 9, 3), NOTICE, treasury);
    }

    function test_RevertWhen_constructorTierSlotsFalling() public {
        vm.expectRevert(abi.encodeWithSelector(IIssuerRegistry.InvalidTiers.selector, 2));
        new IssuerRegistry(address(manager), address(qut), _tiers(1, 1, 2, 5, 3, 4), NOTICE, treasury);
    }

    function test_RevertWhen_constructorZeroAddresses() public {
        IIssuerRegistry.Tier[3] memory t = _tiers(1, 1, 2, 2, 3, 3);
        vm.expectRevert(IIssuerRegistry.ZeroAddress.selector);
        new IssuerRegistry(address(manager), address(0), t, NOTICE, treasury);
        vm.expectRevert(IIssuerRegistry.ZeroAddress.selector);
        new IssuerRegistry(address(manager), address(qut), t, NOTICE, address(0));
    }

    // ------------------------------------------------------------------ stake

    function test_stake_atTierOneVerifiesWithOneSlot() public {
        _stake(alice, 10_000 ether);
        assertEq(uint256(registry.statusOf(alice)), uint256(IIssuerRegistry.IssuerStatus.Verified), "verified");
        assertTrue(registry.isVerified(alice), "isVerified");
        assertTrue(registry.isRegistered(alice), "registered");
        assertEq(registry.slotCapacity(alice), 1, "one slot");
        assertEq(registry.totalStaked(), 10_000 ether, "total staked");
        assertEq(qut.balanceOf(address(registry)), 10_000 ether, "QUT held by the registry");
        assertEq(qut.balanceOf(alice), 0, "QUT left alice");
    }

    function test_stake_belowTierOneRegistersUnverified() public {
        _stake(alice, 10_000 ether - 1);
        assertEq(uint256(registry.statusOf(alice)), uint256(IIssuerRegistry.IssuerStatus.Unverified), "unverified");
        assertTrue(registry.isRegistered(alice), "registered all the same");
        assertEq(registry.slotCapacity(alice), 0, "no slot");
    }

    function test_stake_topUpReachesHigherTier() public {
        _stake(alice, 10_000 ether);
        _stake(alice, 40_000 ether);
        _assertStake(alice, 50_000 ether, 0, "after top-up");
        assertEq(registry.slotCapacity(alice), 5, "tier 2 grants 5 slots");
    }

    function test_stake_emitsStaked() public {
        _giveQut(alice, 12_000 ether);
        vm.startPrank(alice);
        qut.approve(address(registry), 12_000 ether);
        vm.expectEmit(true, false, false, true, address(registry));
        emit IIssuerRegistry.Staked(alice, 12_000 ether, 12_000 ether);
        registry.stake(12_000 ether);
        vm.stopPrank();
    }

    function test_slotsFor_tierEdges() public view {
        assertEq(registry.slotsFor(0), 0, "nothing staked");
        assertEq(registry.slotsFor(10_000 ether - 1), 0, "one wei below tier 1");
        assertEq(registry.slotsFor(10_000 ether), 1, "tier 1 exactly");
        assertEq(registry.slotsFor(50_000 ether - 1), 1, "one wei below tier 2");
        assertEq(registry.slotsFor(50_000 ether), 5, "tier 2 exactly");
        assertEq(registry.slotsFor(250_000 ether - 1), 5, "one wei below tier 3");
        assertEq(registry.slotsFor(250_000 ether), 25, "tier 3 exactly");
        assertEq(registry.slotsFor(900_000_000 ether), 25, "no tier above 3");
    }

    function testFuzz_slotsForFollowsTheTierTable(uint256 amount) public view {
        amount = bound(amount, 0, 1_000_000 ether);
        uint256 expected =
            amount >= 250_000 ether
                ? 25
                : amount >= 50_000 ether
                    ? 5
                    : amount >= 10_000 ether
                        ? 1
                        : 0;
        assertEq(registry.slotsFor(amount), expected, "slots per the preset's table");
    }

    function testFuzz_stakeUnstakeWithdrawReturnsEveryWei(uint256 amount, uint256 out) public {
        amount = bound(amount, 1, 10_000_000 ether);
        out = bound(out, 1, amount);
        _stake(alice, amount);
        vm.prank(alice);
        registry.requestUnstake(out);
        vm.warp(START + 35 days);
        vm.prank(alice);
        registry.withdraw();
        assertEq(qut.balanceOf(alice), out, "withdrawn exactly what was asked");
        assertEq(uint256(registry.issuerInfo(alice).stake), amount - out, "the rest stays staked");
        assertEq(registry.totalStaked(), amount - out, "total staked");
        assertEq(qut.balanceOf(address(registry)), amount - out, "registry holds the rest");
    }

    function test_RevertWhen_stakeZero() public {
        vm.prank(alice);
        vm.expectRevert(IIssuerRegistry.ZeroAmount.selector);
        registry.stake(0);
        assertFalse(registry.isRegistered(alice), "not registered");
        assertEq(registry.totalStaked(), 0, "nothing staked");
    }

    function test_RevertWhen_stakeWithoutAllowance() public {
        _giveQut(alice, 10_000 ether);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(registry), 0, 10_000 ether)
        );
        registry.stake(10_000 ether);
        assertEq(registry.totalStaked(), 0, "nothing staked");
        assertFalse(registry.isRegistered(alice), "not registered");
    }

    // ------------------------------------------------------------------ unstake

    function test_requestUnstake_movesStakeToPendingAndStartsNotice() public {
        _stake(alice, 30_000 ether);
        vm.expectEmit(true, false, false, true, address(registry));
        emit IIssuerRegistry.UnstakeRequested(alice, 12_000 ether, 12_000 ether, START + 35 days);
        vm.prank(alice);
        registry.requestUnstake(12_000 ether);
        _assertStake(alice, 18_000 ether, 12_000 ether, "after request");
        assertEq(uint256(registry.issuerInfo(alice).unstakeReadyAt), START + 3_024_000, "ready in 35 days");
        assertEq(registry.totalStaked(), 30_000 ether, "pending still counted as staked");
    }

    function test_requestUnstake_pendingStakeDoesNotVerify() public {
        _stake(alice, 10_000 ether);
        vm.prank(alice);
        registry.requestUnstake(1);
        assertEq(uint256(registry.statusOf(alice)), uint256(IIssuerRegistry.IssuerStatus.Unverified), "unverified");
    }

    function test_withdraw_exactlyAtNoticeEnd() public {
        _stake(alice, 30_000 ether);
        vm.prank(alice);
        registry.requestUnstake(12_000 ether);

        vm.warp(START + 35 days - 1);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IIssuerRegistry.NoticePeriodNotOver.selector, START + 35 days, START + 35 days - 1)
        );
        registry.withdraw();
        _assertStake(alice, 18_000 ether, 12_000 ether, "unchanged one second early");

        vm.warp(START + 35 days);
        vm.prank(alice);
        uint256 paid = registry.withdraw();
        assertEq(paid, 12_000 ether, "paid");
        assertEq(qut.balanceOf(alice), 12_000 ether, "QUT back to alice");
        _assertStake(alice, 18_000 ether, 0, "after withdraw");
        assertEq(uint256(registry.issuerInfo(alice).unstakeReadyAt), 0, "timer cleared");
        assertEq(registry.totalStaked(), 18_000 ether, "total staked");
    }

    function test_requestUnstake_secondRequestAddsAndRestartsNotice() public {
        _stake(alice, 30_000 ether);
        vm.prank(alice);
        registry.requestUnstake(5_000 ether);
        vm.warp(START + 10 days);
        vm.prank(alice);
        registry.requestUnstake(3_000 ether);
        _assertStake(alice, 22_000 ether, 8_000 ether, "after two requests");
        assertEq(uint256(registry.issuerInfo(alice).unstakeReadyAt), START + 45 days, "notice restarted");
    }

    function test_cancelUnstake_restoresActiveStake() public {
        _stake(alice, 30_000 ether);
        vm.startPrank(alice);
        registry.requestUnstake(25_000 ether);
        vm.expectEmit(true, false, false, true, address(registry));
        emit IIssuerRegistry.UnstakeCancelled(alice, 25_000 ether);
        registry.cancelUnstake();
        vm.stopPrank();
        _assertStake(alice, 30_000 ether, 0, "after cancel");
        assertEq(uint256(registry.issuerInfo(alice).unstakeReadyAt), 0, "timer cleared");
    }

    function test_RevertWhen_cancelUnstakeWithNothingPending() public {
        _stake(alice, 30_000 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIssuerRegistry.NothingPending.selector, alice));
        registry.cancelUnstake();
    }

    function test_RevertWhen_withdrawWithNothingPending() public {
        _stake(alice, 30_000 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIssuerRegistry.NothingPending.selector, alice));
        registry.withdraw();
        _assertStake(alice, 30_000 ether, 0, "unchanged");
    }

    function test_RevertWhen_requestUnstakeZero() public {
        _stake(alice, 30_000 ether);
        vm.prank(alice);
        vm.expectRevert(IIssuerRegistry.ZeroAmount.selector);
        registry.requestUnstake(0);
        _assertStake(alice, 30_000 ether, 0, "unchanged");
    }

    function test_RevertWhen_requestUnstakeAboveStake() public {
        _stake(alice, 30_000 ether);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IIssuerRegistry.InsufficientStake.selector, 30_000 ether, 30_000 ether + 1)
        );
        registry.requestUnstake(30_000 ether + 1);
        _assertStake(alice, 30_000 ether, 0, "unchanged");
    }

    function test_requestUnstake_downToTheTierThatCoversSlotsInUse() public {
        _stake(alice, 15_000 ether);
        _create(alice, 1_000 ether);
        vm.prank(alice);
        registry.requestUnstake(5_000 ether); // leaves exactly tier 1: one slot, one in use
        _assertStake(alice, 10_000 ether, 5_000 ether, "down to tier 1");
    }

    function test_RevertWhen_requestUnstakeBelowSlotsInUse() public {
        _stake(alice, 15_000 ether);
        _create(alice, 1_000 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIssuerRegistry.SlotsInUse.selector, 1, 0));
        registry.requestUnstake(5_000 ether + 1);
        _assertStake(alice, 15_000 ether, 0, "unchanged");
    }

    function test_RevertWhen_requestUnstakeFromTierTwoWithTwoSlotsInUse() public {
        _stake(alice, 50_000 ether);
        _create(alice, 1_000 ether);
        _create(alice, 1_000 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIssuerRegistry.SlotsInUse.selector, 2, 1));
        registry.requestUnstake(1);
        _assertStake(alice, 50_000 ether, 0, "unchanged");
    }

    function test_requestUnstake_allowedOnceTheSlotIsFreed() public {
        _stake(alice, 10_000 ether);
        IssuerToken token = _create(alice, 1_000 ether);
        vm.prank(alice);
        factory.retireToken(address(token));
        assertEq(uint256(registry.issuerInfo(alice).slotsUsed), 0, "slot freed");
        vm.prank(alice);
        registry.requestUnstake(10_000 ether);
        _assertStake(alice, 0, 10_000 ether, "everything pending");
    }

    function test_RevertWhen_requestUnstakeWhileSuspended() public {
        _stake(alice, 30_000 ether);
        vm.prank(governor);
        registry.suspend(alice, REASON);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIssuerRegistry.IssuerIsSuspended.selector, alice));
        registry.requestUnstake(1_000 ether);
        _assertStake(alice, 30_000 ether, 0, "unchanged");
    }

    function test_RevertWhen_withdrawWhileSuspended() public {
        _stake(alice, 30_000 ether);
        vm.prank(alice);
        registry.requestUnstake(1_000 ether);
        vm.prank(governor);
        registry.suspend(alice, REASON);
        vm.warp(START + 30 days);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIssuerRegistry.IssuerIsSuspended.selector, alice));
        registry.withdraw();
        _assertStake(alice, 29_000 ether, 1_000 ether, "unchanged");
    }

    function test_noticePeriodChange_appliesToLaterRequests() public {
        _stake(alice, 30_000 ether);
        vm.prank(alice);
        registry.requestUnstake(1_000 ether);
        bytes32 key = registry.UNSTAKE_NOTICE_PERIOD();
        vm.prank(governor);
        params.set(address(registry), key, 40 days);
        assertEq(uint256(registry.issuerInfo(alice).unstakeReadyAt), START + 35 days, "earlier request unchanged");
        _stake(bob, 30_000 ether);
        vm.prank(bob);
        registry.requestUnstake(1_000 ether);
        assertEq(uint256(registry.issuerInfo(bob).unstakeReadyAt), START + 40 days, "new request uses 40 days");
    }

    // ------------------------------------------------------------------ suspension and slashing

    function test_suspend_makesIssuerSuspended() public {
        _stake(alice, 30_000 ether);
        vm.expectEmit(true, false, false, true, address(registry));
        emit IIssuerRegistry.IssuerSuspended(alice, REASON);
        vm.prank(governor);
        registry.suspend(alice, REASON);
        assertEq(uint256(registry.statusOf(alice)), uint256(IIssuerRegistry.IssuerStatus.Suspended), "suspended");
        assertFalse(registry.isVerified(alice), "not verified");
    }

    function test_reinstate_restoresVerification() public {
        _stake(alice, 30_000 ether);
        vm.startPrank(governor);
        registry.suspend(alice, REASON);
        vm.expectEmit(true, false, false, true, address(registry));
        emit IIssuerRegistry.IssuerReinstated(alice);
        registry.reinstate(alice);
        vm.stopPrank();
        assertTrue(registry.isVerified(alice), "verified again");
    }

    function test_RevertWhen_reinstateNotSuspended() public {
        _stake(alice, 30_000 ether);
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IIssuerRegistry.IssuerNotSuspended.selector, alice));
        registry.reinstate(alice);
    }

    // ------------------------------------------------------------------ withdrawal window

    function test_withdraw_oneSecondBeforeTheWindowCloses() public {
        _stake(alice, 30_000 ether);
        vm.prank(alice);
        registry.requestUnstake(12_000 ether);
        // Ready on day 35; the 7-day window closes on day 42.
        vm.warp(START + 42 days - 1);
        vm.prank(alice);
        assertEq(registry.withdraw(), 12_000 ether, "paid on the window's last second");
        _assertStake(alice, 18_000 ether, 0, "after withdraw");
    }

    function test_RevertWhen_withdrawAtTheWindowsEnd() public {
        _stake(alice, 30_000 ether);
        vm.prank(alice);
        registry.requestUnstake(12_000 ether);
        vm.warp(START + 42 days);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IIssuerRegistry.WithdrawalWindowLapsed.selector, START + 42 days, START + 42 days)
        );
        registry.withdraw();
        _assertStake(alice, 18_000 ether, 12_000 ether, "still pending and slashable");
        assertEq(qut.balanceOf(alice), 0, "nothing paid");
    }

    function test_requestUnstake_afterALapsedWindowRestartsTheNotice() public {
        _stake(alice, 30_000 ether);
        vm.prank(alice);
        registry.requestUnstake(12_000 ether);
        vm.warp(START + 60 days);
        vm.prank(alice);
        registry.requestUnstake(1_000 ether);
        assertEq(uint256(registry.issuerInfo(alice).unstakeReadyAt), START + 95 days, "a new notice for all of it");
        vm.warp(START + 95 days);
        vm.prank(alice);
        assertEq(registry.withdraw(), 13_000 ether, "the whole pending amount");
    }

    // ------------------------------------------------------------------ guardian freeze

    function test_freeze_treatsTheIssuerAsSuspendedForThirtyDays() public {
        _stake(alice, 30_000 ether);
        vm.prank(guardian);
        vm.expectEmit(true, false, false, true, address(registry));
        emit IIssuerRegistry.IssuerFrozen(alice, START + 30 days, REASON);
        registry.freeze(alice, REASON);

        assertFalse(registry.isVerified(alice), "not verified while frozen");
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIssuerRegistry.IssuerIsSuspended.selector, alice));
        registry.requestUnstake(1_000 ether);
        vm.stopPrank();

        vm.warp(START + 30 days - 1);
        assertEq(uint256(registry.statusOf(alice)), uint256(IIssuerRegistry.IssuerStatus.Suspended), "last second");
        vm.warp(START + 30 days);
        assertEq(uint256(registry.statusOf(alice)), uint256(IIssuerRegistry.IssuerStatus.Verified), "ended");
        vm.prank(alice);
        registry.requestUnstake(1_000 ether);
        _assertStake(alice, 29_000 ether, 1_000 ether, "free again");
    }

    function test_freeze_refusesNewSlotsWhileFrozen() public {
        _stake(alice, 30_000 ether);
        vm.prank(guardian);
        registry.freeze(alice, REASON);
        vm.prank(address(factory));
        vm.expectRevert(
            abi.encodeWithSelector(
                IIssuerRegistry.IssuerNotVerified.selector,
                alice,
                IIssuerRegistry.IssuerStatus.Suspended
            )
        );
        registry.useSlot(alice);
    }

    function test_RevertWhen_freezeAgainWithinTheCooldown() public {
        _stake(alice, 30_000 ether);
        vm.prank(guardian);
        registry.freeze(alice, REASON);
        // The freeze ends on day 30; the guardian may freeze again from day 60, so at most half the time.
        vm.warp(START + 60 days - 1);
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IIssuerRegistry.FreezeCoolingDown.selector, alice, START + 60 days));
        registry.freeze(alice, REASON);
        assertEq(registry.frozenUntil(alice), START + 30 days, "unchanged");

        vm.warp(START + 60 days);
        vm.prank(guardian);
        registry.freeze(alice, REASON);
        assertEq(registry.frozenUntil(alice), START + 90 days, "frozen again");
    }

    function test_reinstate_liftsAFreezeAndStartsTheCooldown() public {
        _stake(alice, 30_000 ether);
        vm.prank(guardian);
        registry.freeze(alice, REASON);
        vm.warp(START + 5 days);
        vm.prank(governor);
        registry.reinstate(alice);
        assertTrue(registry.isVerified(alice), "verified again");
        assertEq(registry.frozenUntil(alice), START + 5 days, "the freeze ended now");
        // The guardian cannot freeze back to back after governance overruled it.
        vm.warp(START + 35 days - 1);
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IIssuerRegistry.FreezeCoolingDown.selector, alice, START + 35 days));
        registry.freeze(alice, REASON);
    }

    /// @dev Regression: the guardian used to time each freeze over the issuer's withdrawal window, so the window
    /// lapsed frozen and the next one opened after its cooldown (frozen 90 of 185 days, 12,000 QUT never paid).
    /// Now the freeze moves the pending amount's readiness to its end: ready day 65, window to day 72, and the
    /// guardian's cooldown runs to day 95.
    function test_freeze_movesAnOpenWindowToTheFreezesEnd() public {
        _stake(alice, 30_000 ether);
        vm.prank(alice);
        registry.requestUnstake(12_000 ether); // ready day 35
        vm.warp(START + 35 days);
        vm.prank(guardian);
        registry.freeze(alice, REASON);
        assertEq(uint256(registry.issuerInfo(alice).unstakeReadyAt), START + 65 days, "ready when the freeze ends");

        vm.warp(START + 72 days);
        vm.expectRevert(
            abi.encodeWithSelector(IIssuerRegistry.WithdrawalWindowLapsed.selector, START + 72 days, START + 72 days)
        );
        vm.prank(alice);
        registry.withdraw();

        vm.warp(START + 72 days - 1);
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IIssuerRegistry.FreezeCoolingDown.selector, alice, START + 95 days));
        registry.freeze(alice, REASON);
        vm.prank(alice);
        assertEq(registry.withdraw(), 12_000 ether, "paid on the reopened window's last second");
        _assertStake(alice, 18_000 ether, 0, "after withdraw");
        assertEq(qut.balanceOf(alice), 12_000 ether, "alice got all 12,000");
    }

    /// @dev A freeze never revives a lapsed window: asked on day 0, lapsed on day 42, frozen on day 50 to day 80.
    function test_freeze_keepsALapsedWindowLapsed() public {
        _stake(alice, 30_000 ether);
        vm.prank(alice);
        registry.requestUnstake(12_000 ether);
        vm.warp(START + 50 days);
        vm.prank(guardian);
        registry.freeze(alice, REASON);
        assertEq(uint256(registry.issuerInfo(alice).unstakeReadyAt), START + 35 days, "unchanged");
        vm.warp(START + 80 days);
        vm.expectRevert(
            abi.encodeWithSelector(IIssuerRegistry.WithdrawalWindowLapsed.selector, START + 42 days, START + 80 days)
        );
        vm.prank(alice);
        registry.withdraw();
        _assertStake(alice, 18_000 ether, 12_000 ether, "still pending and slashable");
    }

    function test_RevertWhen_freezeByAnyoneButTheGuardian() public {
        _stake(alice, 30_000 ether);
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, governor));
        registry.freeze(alice, REASON);
        assertEq(registry.frozenUntil(alice), 0, "not frozen");
    }

    function test_RevertWhen_freezeZeroAddress() public {
        vm.prank(guardian);
        vm.expectRevert(IIssuerRegistry.ZeroAddress.selector);
        registry.freeze(address(0), REASON);
    }

    function test_RevertWhen_suspendZeroAddress() public {
        vm.prank(governor);
        vm.expectRevert(IIssuerRegistry.ZeroAddress.selector);
        registry.suspend(address(0), REASON);
    }

    function test_RevertWhen_suspendByNonGovernor() public {
        _stake(alice, 30_000 ether);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, bob));
        registry.suspend(alice, REASON);
        assertTrue(registry.isVerified(alice), "still verified");
    }

    function test_slash_takesActiveStakeThenPendingAndBurns() public {
        _stake(alice, 60_000 ether);
        vm.prank(alice);
        registry.requestUnstake(20_000 ether);
        vm.expectEmit(true, false, false, true, address(registry));
        emit IIssuerRegistry.IssuerSlashed(alice, 40_000 ether, 10_000 ether, REASON);
        vm.prank(governor);
        registry.slash(alice, 50_000 ether, REASON);
        _assertStake(alice, 0, 10_000 ether, "after slash");
        assertEq(registry.totalStaked(), 10_000 ether, "total staked");
        assertEq(qut.balanceOf(address(registry)), 10_000 ether, "registry balance");
        assertEq(qut.totalBurned(), 50_000 ether, "slashed QUT burned");
        assertEq(qut.balanceOf(treasury), 0, "nothing to the treasury");
    }

    function test_slash_wholePendingClearsTheTimer() public {
        _stake(alice, 30_000 ether);
        vm.prank(alice);
        registry.requestUnstake(10_000 ether);
        vm.prank(governor);
        registry.slash(alice, 30_000 ether, REASON);
        _assertStake(alice, 0, 0, "everything slashed");
        assertEq(uint256(registry.issuerInfo(alice).unstakeReadyAt), 0, "timer cleared");
    }

    function test_RevertWhen_slashAboveStake() public {
        _stake(alice, 30_000 ether);
        vm.prank(alice);
        registry.requestUnstake(10_000 ether);
        vm.prank(governor);
        vm.expectRevert(
            abi.encodeWithSelector(IIssuerRegistry.SlashExceedsStake.selector, 30_000 ether + 1, 30_000 ether)
        );
        registry.slash(alice, 30_000 ether + 1, REASON);
        _assertStake(alice, 20_000 ether, 10_000 ether, "unchanged");
        assertEq(qut.totalBurned(), 0, "nothing burned");
    }

    function test_RevertWhen_slashZero() public {
        _stake(alice, 30_000 ether);
        vm.prank(governor);
        vm.expectRevert(IIssuerRegistry.ZeroAmount.selector);
        registry.slash(alice, 0, REASON);
    }

    function test_RevertWhen_slashByNonGovernor() public {
        _stake(alice, 30_000 ether);
        vm.prank(treasury);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, treasury));
        registry.slash(alice, 1 ether, REASON);
        _assertStake(alice, 30_000 ether, 0, "unchanged");
    }

    function test_slash_belowSlotsInUseBlocksNewSlotsAndUnstaking() public {
        _stake(alice, 50_000 ether);
        _create(alice, 1_000 ether);
        _create(alice, 1_000 ether);
        vm.prank(governor);
        registry.slash(alice, 35_000 ether, REASON); // 15,000 left: tier 1, one slot, two in use
        assertEq(registry.slotCapacity(alice), 1, "capacity after slash");

        _giveQut(alice, FEE);
        vm.startPrank(alice);
        qut.approve(address(registry), FEE);
        vm.expectRevert(abi.encodeWithSelector(IIssuerRegistry.NoFreeSlot.selector, alice, 2, 1));
        factory.createToken(_config("Tea", "TEA", 1 ether, address(0)));
        vm.expectRevert(abi.encodeWithSelector(IIssuerRegistry.SlotsInUse.selector, 2, 1));
        registry.requestUnstake(1);
        vm.stopPrank();
    }

    // ------------------------------------------------------------------ slots

    function test_useSlot_tierOneEdge() public {
        _stake(alice, 10_000 ether);
        _create(alice, 1_000 ether);
        assertEq(uint256(registry.issuerInfo(alice).slotsUsed), 1, "one in use");

        _giveQut(alice, FEE);
        vm.startPrank(alice);
        qut.approve(address(registry), FEE);
        vm.expectRevert(abi.encodeWithSelector(IIssuerRegistry.NoFreeSlot.selector, alice, 1, 1));
        factory.createToken(_config("Tea", "TEA", 1 ether, address(0)));
        vm.stopPrank();
        assertEq(uint256(registry.issuerInfo(alice).slotsUsed), 1, "still one in use");
        assertEq(factory.tokenCount(), 1, "no second token");
    }

    function test_useSlot_tierTwoEdge() public {
        _stake(alice, 50_000 ether);
        for (uint256 i; i < 5; ++i) _create(alice, 1_000 ether);
        assertEq(uint256(registry.issuerInfo(alice).slotsUsed), 5, "five in use");

        _giveQut(alice, FEE);
        vm.startPrank(alice);
        qut.approve(address(registry), FEE);
        vm.expectRevert(abi.encodeWithSelector(IIssuerRegistry.NoFreeSlot.selector, alice, 5, 5));
        factory.createToken(_config("Tea", "TEA", 1 ether, address(0)));
        vm.stopPrank();

        _stake(alice, 200_000 ether); // tier 3
        _create(alice, 1_000 ether);
        assertEq(uint256(registry.issuerInfo(alice).slotsUsed), 6, "sixth slot at tier 3");
    }

    function test_useSlot_byConsumerEmits() public {
        address consumer = makeAddr("poolModule");
        vm.prank(admin);
        manager.grantRole(Roles.ISSUANCE_SLOT_CONSUMER, consumer, 0);
        _stake(alice, 50_000 ether);
        vm.expectEmit(true, true, false, true, address(registry));
        emit IIssuerRegistry.SlotUsed(alice, consumer, 1);
        vm.prank(consumer);
        registry.useSlot(alice);
        vm.expectEmit(true, true, false, true, address(registry));
        emit IIssuerRegistry.SlotReleased(alice, consumer, 0);
        vm.prank(consumer);
        registry.releaseSlot(alice);
    }

    function test_RevertWhen_useSlotForUnverifiedIssuer() public {
        address consumer = makeAddr("poolModule");
        vm.prank(admin);
        manager.grantRole(Roles.ISSUANCE_SLOT_CONSUMER, consumer, 0);
        vm.prank(consumer);
        vm.expectRevert(
            abi.encodeWithSelector(
                IIssuerRegistry.IssuerNotVerified.selector,
                alice,
                IIssuerRegistry.IssuerStatus.Unverified
            )
        );
        registry.useSlot(alice);
    }

    function test_RevertWhen_releaseSlotWithNoneInUse() public {
        address consumer = makeAddr("poolModule");
        vm.prank(admin);
        manager.grantRole(Roles.ISSUANCE_SLOT_CONSUMER, consumer, 0);
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IIssuerRegistry.NoSlotInUse.selector, alice));
        registry.releaseSlot(alice);
    }

    function test_RevertWhen_useSlotByNonConsumer() public {
        _stake(alice, 50_000 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, alice));
        registry.useSlot(alice);
        assertEq(uint256(registry.issuerInfo(alice).slotsUsed), 0, "unchanged");
    }

    // ------------------------------------------------------------------ fees

    function test_payServiceFee_paysRecipientAndCountsPerPayer() public {
        _giveQut(alice, 300 ether);
        vm.startPrank(alice);
        qut.approve(address(registry), 300 ether);
        vm.expectEmit(true, true, false, true, address(registry));
        emit IIssuerRegistry.FeePaid(alice, keccak256("api.basic"), 120 ether, treasury);
        registry.payServiceFee(keccak256("api.basic"), 120 ether);
        registry.payServiceFee(keccak256("api.basic"), 80 ether);
        vm.stopPrank();
        assertEq(qut.balanceOf(treasury), 200 ether, "treasury paid");
        assertEq(uint256(registry.issuerInfo(alice).feesPaid), 200 ether, "per-payer total");
        assertEq(registry.totalFees(), 200 ether, "all fees");
    }

    function test_RevertWhen_payServiceFeeZero() public {
        vm.prank(alice);
        vm.expectRevert(IIssuerRegistry.ZeroAmount.selector);
        registry.payServiceFee(keccak256("api.basic"), 0);
        assertEq(registry.totalFees(), 0, "unchanged");
    }

    function test_RevertWhen_chargeFeeByNonCollector() public {
        _giveQut(alice, 100 ether);
        vm.prank(alice);
        qut.approve(address(registry), 100 ether);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, bob));
        registry.chargeFee(alice, 100 ether, keccak256("anything"));
        assertEq(qut.balanceOf(alice), 100 ether, "alice keeps her QUT");
    }

    function test_setFeeRecipient_redirectsFees() public {
        address router = makeAddr("feeRouter");
        vm.expectEmit(false, false, false, true, address(registry));
        emit IIssuerRegistry.FeeRecipientSet(router);
        vm.prank(governor);
        registry.setFeeRecipient(router);
        _giveQut(alice, 10 ether);
        vm.startPrank(alice);
        qut.approve(address(registry), 10 ether);
        registry.payServiceFee(keccak256("api.basic"), 10 ether);
        vm.stopPrank();
        assertEq(qut.balanceOf(router), 10 ether, "router paid");
        assertEq(qut.balanceOf(treasury), 0, "treasury not paid");
    }

    function test_RevertWhen_setFeeRecipientZero() public {
        vm.prank(governor);
        vm.expectRevert(IIssuerRegistry.ZeroAddress.selector);
        registry.setFeeRecipient(address(0));
        assertEq(registry.feeRecipient(), treasury, "unchanged");
    }

    function test_RevertWhen_setFeeRecipientByNonGovernor() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, alice));
        registry.setFeeRecipient(alice);
        assertEq(registry.feeRecipient(), treasury, "unchanged");
    }

    // ------------------------------------------------------------------ parameters

    function test_setParameter_tierOneStakeThroughRegistry() public {
        _stake(alice, 11_000 ether);
        bytes32 key = registry.TIER1_MIN_STAKE();
        vm.prank(governor);
        params.set(address(registry), key, 12_000 ether);
        assertEq(uint256(registry.tier(0).minStake), 12_000 ether, "new tier 1 stake");
        assertFalse(registry.isVerified(alice), "11,000 no longer verifies");
        assertEq(registry.parameter(key), 12_000 ether, "parameter view");
    }

    function test_setParameter_tierSlotsThroughRegistry() public {
        _stake(alice, 50_000 ether);
        bytes32 key = registry.TIER2_SLOTS();
        vm.prank(governor);
        params.set(address(registry), key, 6);
        assertEq(registry.slotCapacity(alice), 6, "tier 2 now grants 6 slots");
    }

    function test_RevertWhen_setParameterBreaksTierOrder() public {
        bytes32 key = registry.TIER2_MIN_STAKE();
        vm.prank(emergency);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, key, 10_000 ether));
        params.setEmergency(address(registry), key, 10_000 ether); // equal to tier 1
        assertEq(uint256(registry.tier(1).minStake), 50_000 ether, "unchanged");
    }

    function test_RevertWhen_setParameterSlotsAboveHigherTier() public {
        bytes32 key = registry.TIER1_SLOTS();
        vm.prank(emergency);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, key, 6));
        params.setEmergency(address(registry), key, 6); // tier 2 grants 5
        assertEq(uint256(registry.tier(0).slots), 1, "unchanged");
    }

    function test_RevertWhen_setParameterDirectly() public {
        bytes32 key = registry.UNSTAKE_NOTICE_PERIOD();
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, governor));
        registry.setParameter(key, 1 days);
        assertEq(registry.parameter(key), 35 days, "unchanged");
    }

    function test_RevertWhen_parameterUnknownKey() public {
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, bytes32("nope")));
        registry.parameter(bytes32("nope"));
    }
}
