// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IVestingVault} from "../../contracts/interfaces/IVestingVault.sol";
import {VestingVault} from "../../contracts/supply/VestingVault.sol";
import {VestingVaultBase} from "./VestingVaultBase.sol";

/// @notice The standard schedule: 1,200 tokens from S = T0 + 10 days, 120 (10%) at S, cliff at S + 100 days where
/// the linear part since S vests at once (1,080 x 100 / 400 = 270, so 390), all 1,200 at S + 400 days.
contract VestingVaultTest is VestingVaultBase {
    uint256 internal constant S = T0 + 10 days;
    uint256 internal constant CLIFF = S + 100 days;
    uint256 internal constant END = S + 400 days;

    // ------------------------------------------------------------------ createSchedule

    function test_createSchedule_storesAndPullsTokens() public {
        uint256 creatorBefore = token.balanceOf(creator);
        vm.expectEmit(true, true, false, true, address(vault));
        emit IVestingVault.ScheduleCreated(0, alice, 1_200 ether, uint48(S), 100 days, 400 days, 1_000, true);
        uint256 id = _standard();
        assertEq(id, 0, "first id");
        IVestingVault.Schedule memory s = vault.schedule(id);
        assertEq(s.beneficiary, alice, "beneficiary");
        assertEq(uint256(s.amount), 1_200 ether, "amount");
        assertEq(uint256(s.start), S, "start");
        assertEq(uint256(s.cliffDuration), 100 days, "cliff");
        assertEq(uint256(s.duration), 400 days, "duration");
        assertEq(uint256(s.startUnlockBps), 1_000, "start unlock");
        assertTrue(s.revocable, "revocable");
        assertFalse(s.revoked, "not revoked");
        assertEq(uint256(s.released), 0, "nothing released");
        assertEq(token.balanceOf(address(vault)), 1_200 ether, "vault funded");
        assertEq(creatorBefore - token.balanceOf(creator), 1_200 ether, "pulled from the creator");
        assertEq(_standard(), 1, "ids count up");
        assertEq(vault.scheduleCount(), 2, "count");
    }

    function _expectCreateRevert(
        address beneficiary,
        uint256 amount,
        uint256 cliff,
        uint256 duration,
        uint256 bps,
        bytes memory err
    ) internal {
        uint256 vaultBefore = token.balanceOf(address(vault));
        vm.prank(creator);
        vm.expectRevert(err);
        vault.createSchedule(beneficiary, amount, uint48(S), uint32(cliff), uint32(duration), uint16(bps), true);
        assertEq(vault.scheduleCount(), 0, "no schedule created");
        assertEq(token.balanceOf(address(vault)), vaultBefore, "vault balance unchanged");
    }

    function test_RevertWhen_createScheduleZeroBeneficiary() public {
        _expectCreateRevert(
            address(0),
            1 ether,
            0,
            1 days,
            0,
            abi.encodeWithSelector(IVestingVault.InvalidBeneficiary.selector, address(0))
        );
    }

    function test_RevertWhen_createScheduleForTheVault() public {
        _expectCreateRevert(
            address(vault),
            1 ether,
            0,
            1 days,
            0,
            abi.encodeWithSelector(IVestingVault.InvalidBeneficiary.selector, address(vault))
        );
    }

    function test_RevertWhen_createScheduleZeroAmount() public {
        _expectCreateRevert(alice, 0, 0, 1 days, 0, abi.encodeWithSelector(IVestingVault.ZeroAmount.selector));
    }

    function test_RevertWhen_createScheduleCliffLongerThanDuration() public {
        _expectCreateRevert(
            alice,
            1 ether,
            366 days,
            365 days,
            0,
            abi.encodeWithSelector(IVestingVault.CliffLongerThanDuration.selector, 366 days, 365 days)
        );
    }

    function test_RevertWhen_createScheduleStartUnlockAbove10000Bps() public {
        _expectCreateRevert(
            alice,
            1 ether,
            0,
            1 days,
            10_001,
            abi.encodeWithSelector(IVestingVault.StartUnlockAboveMax.selector, 10_001, 10_000)
        );
    }

    function test_RevertWhen_createScheduleAmountAboveUint104() public {
        uint256 tooMuch = uint256(type(uint104).max) + 1;
        _expectCreateRevert(
            alice,
            tooMuch,
            0,
            1 days,
            0,
            abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 104, tooMuch)
        );
    }

    function test_RevertWhen_createScheduleByStranger() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vault.createSchedule(alice, 1 ether, uint48(S), 0, 1 days, 0, true);
        assertEq(vault.scheduleCount(), 0, "no schedule created");
    }

    function test_RevertWhen_constructorTreasuryIsZero() public {
        vm.expectRevert(IVestingVault.InvalidAddress.selector);
        new VestingVault(address(token), address(0), address(manager));
    }

    // ------------------------------------------------------------------ the vesting curve

    function test_vestedAmount_followsTheSchedule() public {
        uint256 id = _standard();
        assertEq(vault.vestedAmount(id, S - 1), 0, "nothing before the start");
        assertEq(vault.vestedAmount(id, S), 120 ether, "10% at the start");
        assertEq(vault.vestedAmount(id, CLIFF - 1), 120 ether, "only the start unlock one second before the cliff");
        assertEq(vault.vestedAmount(id, CLIFF), 390 ether, "120 + 1,080 x 100/400 at the cliff");
        assertEq(vault.vestedAmount(id, S + 200 days), 660 ether, "120 + 1,080 x 200/400");
        // 120 + 1,080 x (400 days - 1 s) / 400 days = 1,200 - 1,080 / 34,560,000 = 1,199.99996875 tokens.
        assertEq(vault.vestedAmount(id, END - 1), 1_199_999_968_750_000_000_000, "one second before the end");
        assertEq(vault.vestedAmount(id, END), 1_200 ether, "everything at the end");
        assertEq(vault.vestedAmount(id, END + 1_000 days), 1_200 ether, "and no more");
    }

    function test_vestedAmount_zeroDurationUnlocksAllAtStart() public {
        uint256 id = _create(alice, 5 ether, S, 0, 0, 0, false);
        assertEq(vault.vestedAmount(id, S - 1), 0, "nothing before");
        assertEq(vault.vestedAmount(id, S), 5 ether, "all at the start");
    }

    function test_vestedAmount_unknownIdIsZero() public view {
        assertEq(vault.vestedAmount(42, T0 + 1_000 days), 0, "no schedule, nothing vested");
    }

    // ------------------------------------------------------------------ release

    function test_release_byAnyonePaysTheBeneficiary() public {
        uint256 id = _standard();
        vm.warp(CLIFF);
        vm.expectEmit(true, true, false, true, address(vault));
        emit IVestingVault.Released(id, alice, 390 ether);
        vm.prank(stranger);
        assertEq(vault.release(id), 390 ether, "released at the cliff");
        assertEq(token.balanceOf(alice), 390 ether, "alice paid");
        assertEq(token.balanceOf(stranger), 0, "caller paid nothing");
        assertEq(uint256(vault.schedule(id).released), 390 ether, "released recorded");
        assertEq(token.balanceOf(address(vault)), 810 ether, "vault keeps the rest");
    }

    function test_release_startUnlockBeforeTheCliff() public {
        uint256 id = _standard();
        vm.warp(S);
        vault.release(id);
        assertEq(token.balanceOf(alice), 120 ether, "start unlock released");
        vm.warp(CLIFF - 1);
        vm.expectRevert(abi.encodeWithSelector(IVestingVault.NothingToRelease.selector, id));
        vault.release(id);
    }

    function test_release_fullAtTheEnd() public {
        uint256 id = _standard();
        vm.warp(S + 200 days);
        vault.release(id);
        vm.warp(END);
        vault.release(id);
        assertEq(token.balanceOf(alice), 1_200 ether, "everything released");
        assertEq(token.balanceOf(address(vault)), 0, "vault empty");
        assertEq(vault.releasable(id), 0, "nothing left");
    }

    function test_releaseTo_byBeneficiaryToAnotherAddress() public {
        uint256 id = _standard();
        vm.warp(CLIFF);
        vm.expectEmit(true, true, false, true, address(vault));
        emit IVestingVault.Released(id, bob, 390 ether);
        vm.prank(alice);
        vault.releaseTo(id, bob);
        assertEq(token.balanceOf(bob), 390 ether, "bob received alice's release");
        assertEq(token.balanceOf(alice), 0, "alice chose bob");
    }

    function test_RevertWhen_releaseToByStranger() public {
        uint256 id = _standard();
        vm.warp(CLIFF);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IVestingVault.NotBeneficiary.selector, id, stranger, alice));
        vault.releaseTo(id, stranger);
        assertEq(uint256(vault.schedule(id).released), 0, "released unchanged");
        assertEq(token.balanceOf(stranger), 0, "stranger got nothing");
        assertEq(token.balanceOf(address(vault)), 1_200 ether, "vault unchanged");
    }

    function test_RevertWhen_releaseToZeroAddress() public {
        uint256 id = _standard();
        vm.warp(CLIFF);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IVestingVault.InvalidReleaseTarget.selector, address(0)));
        vault.releaseTo(id, address(0));
        assertEq(uint256(vault.schedule(id).released), 0, "released unchanged");
    }

    function test_RevertWhen_releaseBeforeStart() public {
        uint256 id = _standard();
        vm.expectRevert(abi.encodeWithSelector(IVestingVault.NothingToRelease.selector, id));
        vault.release(id);
        assertEq(token.balanceOf(alice), 0, "nothing paid");
    }

    function test_RevertWhen_releaseTwice() public {
        uint256 id = _standard();
        vm.warp(CLIFF);
        vault.release(id);
        vm.expectRevert(abi.encodeWithSelector(IVestingVault.NothingToRelease.selector, id));
        vault.release(id);
        assertEq(token.balanceOf(alice), 390 ether, "paid once");
    }

    function test_RevertWhen_releaseUnknownSchedule() public {
        vm.expectRevert(abi.encodeWithSelector(IVestingVault.UnknownSchedule.selector, 7));
        vault.release(7);
        vm.expectRevert(abi.encodeWithSelector(IVestingVault.UnknownSchedule.selector, 7));
        vault.releaseTo(7, alice);
    }

    // ------------------------------------------------------------------ revoke

    function test_revoke_returnsUnvestedToTreasury() public {
        uint256 id = _standard();
        vm.warp(S + 200 days);
        vault.release(id);
        vm.warp(S + 300 days);
        vm.expectEmit(true, false, false, true, address(vault));
        // vested at 300 days: 120 + 1,080 x 300/400 = 930; unvested 270.
        emit IVestingVault.Revoked(id, 930 ether, 270 ether);
        vm.prank(governor);
        assertEq(vault.revoke(id), 270 ether, "returned");
        assertEq(token.balanceOf(treasury), 270 ether, "treasury got the unvested part");
        IVestingVault.Schedule memory s = vault.schedule(id);
        assertTrue(s.revoked, "revoked");
        assertEq(uint256(s.amount), 930 ether, "amount cut to what had vested");
        assertEq(vault.releasable(id), 270 ether, "930 vested - 660 released stays releasable");
        vm.warp(END + 100 days);
        assertEq(vault.vestedAmount(id, END), 930 ether, "nothing vests after revocation");
        vault.release(id);
        assertEq(token.balanceOf(alice), 930 ether, "alice keeps what had vested");
        assertEq(token.balanceOf(address(vault)), 0, "vault empty");
    }

    function test_revoke_beforeStartReturnsEverything() public {
        uint256 id = _standard();
        vm.prank(governor);
        vault.revoke(id);
        assertEq(token.balanceOf(treasury), 1_200 ether, "all back");
        assertEq(vault.vestedAmount(id, END), 0, "nothing for alice");
        vm.warp(END);
        vm.expectRevert(abi.encodeWithSelector(IVestingVault.NothingToRelease.selector, id));
        vault.release(id);
    }

    function test_RevertWhen_revokeByStranger() public {
        uint256 id = _standard();
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vault.revoke(id);
        assertFalse(vault.schedule(id).revoked, "not revoked");
        assertEq(token.balanceOf(address(vault)), 1_200 ether, "vault unchanged");
    }

    function test_RevertWhen_revokeByBeneficiary() public {
        uint256 id = _standard();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, alice));
        vault.revoke(id);
    }

    function test_RevertWhen_revokeNonRevocable() public {
        uint256 id = _create(alice, 100 ether, S, 0, 100 days, 0, false);
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IVestingVault.NotRevocable.selector, id));
        vault.revoke(id);
        assertEq(token.balanceOf(treasury), 0, "treasury unchanged");
        assertEq(uint256(vault.schedule(id).amount), 100 ether, "amount unchanged");
    }

    function test_RevertWhen_revokeTwice() public {
        uint256 id = _standard();
        vm.warp(CLIFF);
        vm.prank(governor);
        vault.revoke(id);
        uint256 treasuryBefore = token.balanceOf(treasury);
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IVestingVault.AlreadyRevoked.selector, id));
        vault.revoke(id);
        assertEq(token.balanceOf(treasury), treasuryBefore, "treasury unchanged");
    }

    function test_RevertWhen_revokeFullyVested() public {
        uint256 id = _standard();
        vm.warp(END);
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IVestingVault.NothingToRevoke.selector, id));
        vault.revoke(id);
        assertFalse(vault.schedule(id).revoked, "not revoked");
    }

    function test_RevertWhen_revokeUnknownSchedule() public {
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IVestingVault.UnknownSchedule.selector, 3));
        vault.revoke(3);
    }

    // ------------------------------------------------------------------ votes

    /// @dev The vault never delegates: unvested and unreleased tokens carry no votes. Released tokens vote once
    /// their holder delegates.
    function test_votes_unvestedTokensDoNotVote() public {
        uint256 id = _standard();
        vm.prank(alice);
        token.delegate(alice);
        assertEq(token.delegates(address(vault)), address(0), "vault never delegates");
        assertEq(token.getVotes(address(vault)), 0, "vault has no votes");
        assertEq(token.getVotes(alice), 0, "beneficiary has no votes for locked tokens");
        vm.warp(CLIFF);
        vault.release(id);
        assertEq(token.getVotes(alice), 390 ether, "released tokens vote");
        assertEq(token.getVotes(address(vault)), 0, "the 810 still locked do not");
    }

    // ------------------------------------------------------------------ fuzz

    /// @dev Any valid schedule: vesting never decreases, never exceeds the amount, is 0 before the start and
    /// complete at the end.
    function testFuzz_vestedAmount_monotonicAndBounded(
        uint256 amount,
        uint256 cliff,
        uint256 duration,
        uint256 bps,
        uint256 a,
        uint256 b
    ) public {
        amount = bound(amount, 1, 1_000_000_000 ether);
        duration = bound(duration, 0, 10 * 365 days);
        cliff = bound(cliff, 0, duration);
        bps = bound(bps, 0, 10_000);
        uint256 id = _create(alice, amount, S, cliff, duration, bps, false);
        a = bound(a, S - 1, S + duration + 1);
        b = bound(b, a, S + duration + 1);
        assertLe(vault.vestedAmount(id, a), vault.vestedAmount(id, b), "decreased");
        assertLe(vault.vestedAmount(id, b), amount, "above amount");
        assertEq(vault.vestedAmount(id, S - 1), 0, "before start");
        assertEq(vault.vestedAmount(id, S + duration), amount, "complete at the end");
    }

    /// @dev Releases of several schedules at arbitrary times in arbitrary order: each beneficiary ends up with
    /// exactly the schedule's vested amount at the last release, and the vault holds the rest.
    function testFuzz_release_arbitraryTimesAndOrderAddUpToTheCurve(uint256[12] memory steps) public {
        address[3] memory who = [alice, bob, makeAddr("carol")];
        uint256[3] memory ids;
        ids[0] = _create(who[0], 150_000_000 ether, S, 365 days, 4 * 365 days, 0, true);
        ids[1] = _create(who[1], 100_000_000 ether, S, 182 days, 3 * 365 days, 0, false);
        ids[2] = _create(who[2], 100_000_000 ether, S, 0, 365 days, 2_500, false);
        uint256 t = T0;
        for (uint256 i; i < steps.length; ++i) {
            t += bound(steps[i], 0, 200 days);
            vm.warp(t);
            uint256 k = (steps[i] >> 128) % 3;
            try vault.release(ids[k]) {} catch (bytes memory reason) {
                assertEq(
                    keccak256(reason),
                    keccak256(abi.encodeWithSelector(IVestingVault.NothingToRelease.selector, ids[k])),
                    "unexpected error"
                );
            }
        }
        uint256 unreleased;
        for (uint256 k; k < 3; ++k) {
            uint256 released = vault.schedule(ids[k]).released;
            assertEq(token.balanceOf(who[k]), released, "beneficiary holds what was released");
            assertLe(released, vault.vestedAmount(ids[k], t), "released above the curve");
            if (vault.releasable(ids[k]) > 0) vault.release(ids[k]);
            assertEq(token.balanceOf(who[k]), vault.vestedAmount(ids[k], t), "releases add up to the curve");
            unreleased += vault.schedule(ids[k]).amount - vault.schedule(ids[k]).released;
        }
        assertEq(token.balanceOf(address(vault)), unreleased, "vault holds exactly the unreleased");
    }
}
