// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IVoteLocker} from "../../contracts/interfaces/IVoteLocker.sol";
import {VoteLocker} from "../../contracts/locking/VoteLocker.sol";
import {LockingBase} from "./LockingBase.sol";

contract VoteLockerTest is LockingBase {
    // ---------------------------------------------------------------- createLock and votes

    function test_createLock_votesFollowTimeLeft() public {
        _lock(alice, 1_000 ether, 104 * WEEK);
        IVoteLocker.LockInfo memory info = locker.lockOf(alice);
        assertEq(info.amount, 1_000 ether, "amount");
        assertEq(info.end, T0 + 104 * WEEK, "end");
        // 1x base + 1x * 104/208 of the maximum boost.
        assertEq(locker.getVotes(alice), 1_500 ether, "votes at start");
        assertEq(token.balanceOf(address(locker)), 1_000 ether, "tokens pulled");
        assertEq(locker.totalLocked(), 1_000 ether, "total locked");
        vm.warp(T0 + 52 * WEEK);
        assertEq(locker.getVotes(alice), 1_250 ether, "votes half-way");
        assertEq(locker.getPastVotes(alice, T0), 1_500 ether, "past votes at the lock");
        assertEq(locker.getPastVotes(alice, T0 - 1), 0, "nothing before the lock");
        vm.warp(T0 + 104 * WEEK);
        assertEq(locker.getVotes(alice), 1_000 ether, "1x at the end, until withdrawn");
    }

    function test_createLock_endRoundsDownToWeek() public {
        vm.warp(T0 + 3 days);
        _lock(alice, 1_000 ether, 10 * WEEK);
        assertEq(locker.lockOf(alice).end, T0 + 10 * WEEK, "rounded down to the boundary");
    }

    function test_getPastVotes_sameTimestampLockNotVisibleBefore() public {
        vm.warp(T0 + 100);
        _lock(alice, 1_000 ether, 208 * WEEK);
        // A snapshot taken one second earlier cannot see it (flash lock).
        assertEq(locker.getPastVotes(alice, T0 + 99), 0, "snapshot before the lock");
        vm.warp(T0 + 101);
        // 1,000 + 1,000 x (208 weeks - 100 s) / 208 weeks, rounded down.
        assertEq(locker.getPastVotes(alice, T0 + 100), 1_999_999205077330077330, "at the lock");
    }

    function test_RevertWhen_getPastVotesFuture() public {
        vm.expectRevert(abi.encodeWithSelector(IVoteLocker.FutureLookup.selector, T0, uint48(T0)));
        locker.getPastVotes(alice, T0);
    }

    function test_RevertWhen_createLockBelowMinimum() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IVoteLocker.LockBelowMinimum.selector, 1 ether - 1, 1 ether));
        locker.createLock(1 ether - 1, 10 * WEEK);
        assertEq(locker.totalLocked(), 0, "nothing locked");
    }

    function test_RevertWhen_createLockTooLong() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IVoteLocker.LockTooLong.selector, MAX_LOCK + 1, MAX_LOCK));
        locker.createLock(1_000 ether, MAX_LOCK + 1);
        _lock(alice, 1_000 ether, MAX_LOCK);
        assertEq(locker.lockOf(alice).end, T0 + MAX_LOCK, "the maximum is accepted");
    }

    function test_RevertWhen_createLockTooShort() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IVoteLocker.LockTooShort.selector, T0 + WEEK, T0 + 2 * WEEK));
        locker.createLock(1_000 ether, 2 * WEEK - 1);
        _lock(alice, 1_000 ether, 2 * WEEK);
        assertEq(locker.lockOf(alice).end, T0 + 2 * WEEK, "two weeks is the shortest");
    }

    function test_RevertWhen_createLockTwice() public {
        _lock(alice, 1_000 ether, 10 * WEEK);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IVoteLocker.LockExists.selector, alice));
        locker.createLock(1_000 ether, 10 * WEEK);
        assertEq(locker.lockOf(alice).amount, 1_000 ether, "unchanged");
    }

    // ---------------------------------------------------------------- top-up and extend

    /// @notice A top-up gets the bonus of the time left, never of the commitment once made.
    function test_increaseAmount_getsBonusOfTimeLeft() public {
        _lock(alice, 1_000 ether, 208 * WEEK);
        vm.warp(T0 + 104 * WEEK);
        locker.checkpoint(52); // more than MAX_CATCH_UP_WEEKS idle weeks: anyone catches up first
        vm.prank(alice);
        locker.increaseAmount(1_000 ether);
        // 2,000 at 104 of 208 weeks left: 2,000 + 1,000.
        assertEq(locker.getVotes(alice), 3_000 ether, "votes after top-up");
        assertEq(locker.rewardWeightOf(alice), 2_000 ether * 103, "reward weight: full weeks left after this one");
        assertEq(
            locker.getPastVotes(alice, T0 + 104 * WEEK - 1),
            1_500_000007949226699226,
            "before the top-up: 1,000 x (1 + (104 weeks + 1 s) / 208 weeks)"
        );
    }

    function test_extendLock_newCommitmentFromNow() public {
        _lock(alice, 1_000 ether, 52 * WEEK);
        vm.warp(T0 + 26 * WEEK);
        vm.prank(alice);
        locker.extendLock(208 * WEEK);
        assertEq(locker.lockOf(alice).end, T0 + 234 * WEEK, "end");
        assertEq(locker.getVotes(alice), 2_000 ether, "full boost for a full new commitment");
    }

    function test_RevertWhen_extendLockShorter() public {
        _lock(alice, 1_000 ether, 104 * WEEK);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IVoteLocker.EndNotLater.selector, T0 + 52 * WEEK, T0 + 104 * WEEK));
        locker.extendLock(52 * WEEK);
        assertEq(locker.lockOf(alice).end, T0 + 104 * WEEK, "unchanged");
    }

    function test_RevertWhen_increaseAmountExpired() public {
        _lock(alice, 1_000 ether, 2 * WEEK);
        vm.warp(T0 + WEEK);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IVoteLocker.LockExpired.selector, T0 + 2 * WEEK));
        locker.increaseAmount(1 ether);
        assertEq(locker.lockOf(alice).amount, 1_000 ether, "unchanged");
    }

    function test_RevertWhen_noLock() public {
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IVoteLocker.NoLock.selector, alice));
        locker.increaseAmount(1 ether);
        vm.expectRevert(abi.encodeWithSelector(IVoteLocker.NoLock.selector, alice));
        locker.extendLock(10 * WEEK);
        vm.expectRevert(abi.encodeWithSelector(IVoteLocker.NoLock.selector, alice));
        locker.withdraw();
        vm.expectRevert(abi.encodeWithSelector(IVoteLocker.NoLock.selector, alice));
        locker.exitEarly();
        vm.stopPrank();
    }

    // ---------------------------------------------------------------- withdraw and early exit

    function test_withdraw_afterEnd() public {
        _lock(alice, 1_000 ether, 10 * WEEK);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IVoteLocker.LockNotExpired.selector, T0 + 10 * WEEK, T0));
        locker.withdraw();
        vm.warp(T0 + 10 * WEEK);
        uint256 before = token.balanceOf(alice);
        vm.prank(alice);
        locker.withdraw();
        assertEq(token.balanceOf(alice) - before, 1_000 ether, "returned in full");
        assertEq(locker.getVotes(alice), 0, "no votes after withdrawal");
        assertEq(locker.totalLocked(), 0, "nothing locked");
        vm.warp(T0 + 10 * WEEK + 1);
        assertEq(
            locker.getPastVotes(alice, T0 + 10 * WEEK - 1),
            1_000_000007949226699226,
            "history kept: 1 s before the end"
        );
    }

    function test_exitEarly_penaltyToRemainingLockers() public {
        _lock(alice, 1_000 ether, 208 * WEEK);
        // Bob: 1,000 x 100 full weeks left = the whole remaining weight.
        _lock(bob, 1_000 ether, 101 * WEEK);
        uint256 before = token.balanceOf(alice);
        vm.prank(alice);
        locker.exitEarly();
        // 50% x 208/208 of the time left.
        assertEq(token.balanceOf(alice) - before, 500 ether, "half returned");
        assertEq(locker.earned(bob), 500 ether, "penalty to bob");
        assertEq(locker.rewardReserve(), 500 ether, "penalty reserved");
        assertEq(locker.totalRewardWeight(), 100_000 ether, "only bob's weight left");
        vm.prank(bob);
        assertEq(locker.claim(), 500 ether, "bob claims the penalty");
    }

    /// @notice An exiter's own second lock takes its pro-rata share of the penalty: a holder of 90% of the remaining
    /// weight pays a net 10% of the penalty. Bounded by stake, not by accounts: splitting the second lock changes
    /// nothing (documented design: the penalty goes to the remaining lockers by weight).
    function test_exitEarly_selfCaptureIsProRataToStake() public {
        _lock(alice, 100_000 ether, MAX_LOCK); // the exiter
        _lock(bob, 900_000 ether, MAX_LOCK); // the exiter's second account, weight 900,000 x 207
        _lock(carol, 100_000 ether, MAX_LOCK); // an independent locker, weight 100,000 x 207
        vm.prank(alice);
        locker.exitEarly(); // penalty 100,000 x 50% x 208/208 = 50,000
        assertEq(token.balanceOf(alice), 950_000 ether, "alice gets 50,000 back");
        // Shared per unit of weight (50,000e36 / 207,000,000e18, rounded down): a little dust stays in the pool.
        assertLe(locker.earned(bob), 45_000 ether, "bob: 90% of the penalty, never more");
        assertGe(locker.earned(bob), 45_000 ether - 1e9, "bob: 90% of the penalty, less rounding dust");
        assertLe(locker.earned(carol), 5_000 ether, "carol: 10%, never more");
        assertGe(locker.earned(carol), 5_000 ether - 1e9, "carol: 10%, less rounding dust");
    }

    function test_exitEarly_penaltyScalesWithTimeLeft() public {
        _lock(alice, 1_000 ether, 208 * WEEK);
        vm.warp(T0 + 52 * WEEK);
        uint256 before = token.balanceOf(alice);
        vm.prank(alice);
        locker.exitEarly();
        // 1,000 x 50% x 156/208 = 375.
        assertEq(token.balanceOf(alice) - before, 625 ether, "returned");
    }

    function test_RevertWhen_exitEarlyAfterEnd() public {
        _lock(alice, 1_000 ether, 2 * WEEK);
        vm.warp(T0 + 2 * WEEK);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IVoteLocker.LockEnded.selector, T0 + 2 * WEEK));
        locker.exitEarly();
    }

    // ---------------------------------------------------------------- rewards

    function test_claim_splitsStreamByWeight() public {
        _lock(alice, 1_000 ether, 105 * WEEK); // 1,000 x 104
        _lock(bob, 2_000 ether, 49 * WEEK); // 2,000 x 48
        _fund(2_419_200 ether); // 1 QER per second
        vm.warp(T0 + 100_000);
        assertEq(locker.earned(alice), 52_000 ether, "alice 52%");
        assertEq(locker.earned(bob), 48_000 ether, "bob 48%");
        vm.prank(alice);
        assertEq(locker.claim(), 52_000 ether, "paid");
        assertEq(locker.rewardReserve(), 2_419_200 ether - 52_000 ether, "reserve");
    }

    /// @notice Identities are free: 100 Sybil locks of 10 QER earn what one lock of 1,000 QER with the same end does
    /// and vote as much less per-lock rounding, never more (rounding is down per account).
    function test_claim_sybilSplitEarnsNoMore() public {
        _lock(alice, 1_000 ether, 105 * WEEK); // 1,000 x 104
        for (uint256 i; i < 100; ++i) {
            address sybil = address(uint160(0x5000 + i));
            vm.prank(carol);
            token.transfer(sybil, 10 ether);
            _approve(sybil);
            _lock(sybil, 10 ether, 105 * WEEK);
        }
        _fund(2_419_200 ether); // 1 QER per second
        vm.warp(T0 + 100_000);
        uint256 sybils;
        uint256 sybilVotes;
        for (uint256 i; i < 100; ++i) {
            sybils += locker.earned(address(uint160(0x5000 + i)));
            sybilVotes += locker.getVotes(address(uint160(0x5000 + i)));
        }
        // 100,000 QER over a weight of 2,000 x 104: per unit of weight 100,000e18 x 1e18 / 208,000e18, rounded down.
        uint256 weight = 208_000 ether;
        uint256 perWeight = (100_000 ether * 1e18) / weight;
        uint256 half = (104_000 ether * perWeight) / 1e18; // 49,999.999999999999976 (dust stays in the pool)
        assertEq(locker.earned(alice), half, "one lock: half of 100,000 less dust");
        assertEq(sybils, half, "100 Sybil locks: the same half, not more");
        // Votes round down per lock: the 100 Sybils hold 69 wei less than the one lock, never more.
        assertEq(sybilVotes, locker.getVotes(alice) - 69, "the same votes less per-lock rounding");
    }

    function test_claim_weightStepsDownEachWeek() public {
        _lock(alice, 1_000 ether, 105 * WEEK);
        _lock(bob, 2_000 ether, 49 * WEEK);
        vm.warp(T0 + WEEK);
        // 1,000 x 103 + 2,000 x 47.
        assertEq(locker.totalRewardWeight(), 197_000 ether, "view after a boundary");
        locker.checkpoint(52);
        assertEq(locker.totalRewardWeight(), 197_000 ether, "stored after a boundary");
    }

    /// @notice Nothing is lost while nothing earns: the stream pauses while the reward weight is zero (its end moves
    /// later by the idle time) and reaches the lockers afterwards.
    function test_claim_nothingLostWhileNothingLocked() public {
        _fund(2_419_200 ether); // 604,800 per week, ends at T0 + 4 weeks
        vm.warp(T0 + WEEK); // week 0: nobody, paused (end now T0 + 5 weeks)
        _lock(alice, 1_000 ether, 2 * WEEK); // weight 1,000 x 1 in week 1
        vm.warp(T0 + 2 * WEEK);
        assertEq(locker.earned(alice), 604_800 ether, "week 1 only, not the paused week 0");
        vm.prank(alice);
        locker.claim();
        // Week 2: alice weighs nothing (last week), paused again (end now T0 + 6 weeks); carol arrives in week 3.
        vm.warp(T0 + 3 * WEEK);
        _lock(carol, 1_000 ether, 10 * WEEK);
        vm.warp(T0 + 6 * WEEK);
        assertEq(locker.earned(alice), 0, "alice earns nothing after her last full week");
        assertEq(locker.earned(carol), 3 * 604_800 ether, "carol: weeks 3-5, the paused weeks streamed late");
        vm.warp(T0 + 7 * WEEK);
        assertEq(locker.earned(carol), 3 * 604_800 ether, "stream over: 604,800 + 1,814,400 = funded");
    }

    /// @notice A week streams with nobody locked; an attacker locks the 1 QER minimum for two weeks one block
    /// before the real locker. The stream paused during the empty week, so he earns only the 12 s he was alone
    /// (12 QER, not the 604,812 the held-back week used to give).
    function test_claim_idleStreamNotTakenByFirstLocker() public {
        _fund(2_419_200 ether); // 604,800 QER per week
        vm.warp(T0 + WEEK); // week 0 with nobody locked: paused
        _lock(bob, 1 ether, 2 * WEEK); // attacker: weight 1 x 1 in week 1
        vm.warp(T0 + WEEK + 12);
        _lock(carol, 1_000_000 ether, MAX_LOCK); // the real locker, one block later: weight 1,000,000 x 207
        assertEq(locker.earned(bob), 12 ether, "attacker: only the 12 s alone");
        vm.warp(T0 + 2 * WEEK);
        // The rest of week 1 (604,788) by weight 1 : 207,000,000: bob 604,788 / 207,000,001 = 0.0029217 QER more.
        assertEq(locker.earned(bob) - 12 ether, 2_921_681_145_305_888, "attacker's pro-rata share");
    }

    /// @notice The last locker exits early with nobody else earning: the penalty joins the stream instead of waiting
    /// for whoever locks first.
    function test_exitEarly_penaltyWithNoLockersIsStreamed() public {
        _lock(alice, 1_000 ether, 104 * WEEK); // penalty 50% x 104/208 = 250
        vm.prank(alice);
        locker.exitEarly();
        assertEq(locker.rewardReserve(), 250 ether, "penalty reserved");
        vm.warp(T0 + 1);
        _lock(bob, 1 ether, 2 * WEEK); // attacker, one second later
        vm.warp(T0 + 13);
        // 250 ether / 2,419,200 s = 103,339,947,089,947 wei per second, 12 s alone.
        assertEq(locker.earned(bob), 12 * 103_339_947_089_947, "attacker: 12 s of the penalty stream, not 250 QER");
    }

    function test_claim_stopsAtLockEnd() public {
        _lock(alice, 1_000 ether, 2 * WEEK); // earns in week 0 only
        _lock(bob, 1_000 ether, 10 * WEEK); // 1,000 x 9
        _fund(2_419_200 ether);
        vm.warp(T0 + 4 * WEEK);
        // Week 0: 604,800 split 1:9; weeks 1-3: bob alone.
        assertEq(locker.earned(alice), 60_480 ether, "alice: 10% of week 0");
        assertEq(locker.earned(bob), 544_320 ether + 3 * 604_800 ether, "bob");
    }

    function test_RevertWhen_claimNothing() public {
        vm.prank(alice);
        vm.expectRevert(IVoteLocker.ZeroAmount.selector);
        locker.claim();
    }

    function test_RevertWhen_notifyUnfunded() public {
        vm.prank(funder);
        vm.expectRevert(abi.encodeWithSelector(IVoteLocker.InsufficientRewardBalance.selector, 0, 1 ether));
        locker.notifyRewardAmount(1 ether);
    }

    function test_RevertWhen_notifyByStranger() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, alice));
        locker.notifyRewardAmount(1 ether);
    }

    // ---------------------------------------------------------------- bounded catch-up

    function test_RevertWhen_checkpointFarBehind() public {
        vm.warp(T0 + 60 * WEEK);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IVoteLocker.CheckpointBehind.selector, 8));
        locker.createLock(1_000 ether, 10 * WEEK);
        assertEq(locker.checkpoint(52), 8, "eight left after one call");
        assertEq(locker.checkpoint(52), 0, "caught up");
        _lock(alice, 1_000 ether, 10 * WEEK);
        assertEq(locker.totalLocked(), 1_000 ether, "locked after catch-up");
    }

    // ---------------------------------------------------------------- reputation

    function test_reputationOf_growsWithAge() public {
        _lock(alice, 1_000 ether, 208 * WEEK);
        assertEq(locker.reputationOf(alice), 0, "new lock: no age");
        vm.warp(T0 + 365 days / 2);
        assertEq(locker.reputationOf(alice), 500 ether, "half the cap");
        vm.warp(T0 + 2 * 365 days);
        assertEq(locker.reputationOf(alice), 1_000 ether, "capped at the amount");
    }

    /// @notice A top-up of an old lock does not inherit its age (sybil: a tiny old lock topped up).
    function test_reputationOf_topUpDilutesAge() public {
        _lock(alice, 1 ether, 208 * WEEK);
        vm.warp(T0 + 2 * 365 days);
        locker.checkpoint(52);
        assertEq(locker.reputationOf(alice), 1 ether, "old tiny lock");
        vm.prank(alice);
        locker.increaseAmount(999 ether);
        assertEq(locker.reputationOf(alice), 1 ether, "unchanged by the top-up");
        vm.warp(T0 + 2 * 365 days + 365 days / 2);
        // Age 365 days / 1,000 + 182.5 days on 1,000 tokens.
        assertEq(locker.reputationOf(alice), 501 ether, "grows like new money");
    }

    function test_constructor_rejectsBadConfig() public {
        IVoteLocker.Config memory c = _config();
        c.maxPenaltyBps = 10_001;
        vm.expectRevert(abi.encodeWithSelector(IVoteLocker.InvalidConfig.selector, 2));
        new VoteLocker(IERC20(address(token)), address(manager), c);
    }
}
