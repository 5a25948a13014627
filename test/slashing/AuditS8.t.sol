// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IChallengeCourt} from "../../contracts/interfaces/IChallengeCourt.sol";
import {IMetricsRegistry} from "../../contracts/interfaces/IMetricsRegistry.sol";
import {ISlasher} from "../../contracts/interfaces/ISlasher.sol";
import {SlashingBase} from "./SlashingBase.sol";

/// @notice Audit s8 (branch s8-a17): supersession in the court and majority-side epoch figures in the metrics.
/// Honest set: the base's five validators (10,000 bonded each); p1, p2 Platinum providers of 1,000,000 self-stake.
contract AuditS8Test is SlashingBase {
    address[] internal sybils;

    function setUp() public override {
        super.setUp();
        _register(p1, 1_000_000 ether);
        _register(p2, 1_000_000 ether);
        _registerValidators(5);
    }

    function _sybils(uint256 n) internal {
        for (uint256 i; i < n; ++i) {
            address s = makeAddr(string.concat("sybil", vm.toString(sybils.length)));
            sybils.push(s);
            _registerValidator(s);
        }
    }

    function _fundFor(address who, uint256 amount) internal {
        _mint(who, amount);
        vm.prank(who);
        token.approve(address(court), amount);
    }

    /// The mirror of the fixed attack: p2's alt opens the TOP class first (severe, 15%, over-claimed). While it is
    /// open the victim cannot open its honest major (10%) case (`AlreadyChallenged`: a lower class cannot be filed
    /// under an open higher one), and once the honest validators reject the over-claim the subject is closed for
    /// good. p2 keeps 1,000,000 (100,000 escaped) and even receives 500 of its alt's 1,000 stake: net cost 500.
    /// @dev KNOWN ISSUE: a failed (rejected or expired) case closes its subject for good: 100,000 escaped for a net
    /// 500. Fix needed: after a higher case fails, the subject may be challenged again at any class until its
    /// deadline (the failed case's own fallback chain must then not be re-pointed).
    function test_Exploit_knownIssue_topClassFiledFirstBuriesTheSubject() public {
        address victim = makeAddr("victim");
        address alt = makeAddr("alt");
        vm.warp(T0 + DAY);
        vm.prank(validators[0]);
        metrics.attest(p2, 0, 80, 10_000, 9_000);
        vm.prank(alt);
        bytes32 subject = metrics.fileDispute(p2, 0);
        _fundFor(alt, MIN_STAKE);
        vm.prank(alt);
        uint256 severe = court.openChallenge(address(metrics), subject, ISlasher.Infraction.Severe, 1_500);

        bytes32 evidenceId = keccak256(abi.encode(address(metrics), subject));
        vm.prank(victim);
        metrics.fileDispute(p2, 0);
        _fundFor(victim, MIN_STAKE);
        vm.prank(victim);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.AlreadyChallenged.selector, evidenceId, severe));
        court.openChallenge(address(metrics), subject, ISlasher.Infraction.Major, 1_000);

        for (uint256 i; i < 5; ++i) _vote(validators[i], severe, false);
        uint256 p2Tokens = token.balanceOf(p2);
        vm.warp(court.challenge(severe).votingEnds);
        assertEq(uint256(court.decide(severe)), uint256(IChallengeCourt.Status.Rejected), "over-claim rejected");
        assertEq(token.balanceOf(p2) - p2Tokens, 500 ether, "p2 gets half of its alt's stake");

        // Still inside the 7-day dispute window (deadline T0 + 8 days; now T0 + 4 days): the subject is buried.
        assertLt(block.timestamp, T0 + 8 days, "dispute window still open");
        vm.prank(victim);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.AlreadyChallenged.selector, evidenceId, severe));
        court.openChallenge(address(metrics), subject, ISlasher.Infraction.Major, 1_000);
        assertEq(_stakeWith(p2), 1_000_000 ether, "nothing slashed: 10% = 100,000 escaped for a net 500");
    }

    /// Same-class front-running, fixed: p2's alt files the dispute first and opens the victim's class (major) at its
    /// MINIMUM, 5%. The victim's honest 15% major case now supersedes it (a strictly higher percent in the same class).
    /// The honest validators uphold it: p2 loses 15% = 150,000 (1,000,000 -> 850,000), not 5% = 50,000; the alt's
    /// case ends `Superseded` (its 1,000 stake back, no reward) and the victim's stake comes back.
    function test_attack_sameClassMinimumFiledFirstIsSupersededByAHigherPercent() public {
        address victim = makeAddr("victim");
        address alt = makeAddr("alt");
        vm.warp(T0 + DAY);
        vm.prank(validators[0]);
        metrics.attest(p2, 0, 80, 10_000, 9_000);
        vm.prank(alt);
        bytes32 subject = metrics.fileDispute(p2, 0);
        _fundFor(alt, MIN_STAKE);
        vm.prank(alt);
        uint256 low = court.openChallenge(address(metrics), subject, ISlasher.Infraction.Major, 500);

        vm.prank(victim);
        metrics.fileDispute(p2, 0);
        _fundFor(victim, MIN_STAKE);
        vm.prank(victim);
        vm.expectEmit(true, true, false, true, address(court));
        emit IChallengeCourt.ChallengeSuperseded(low, low + 1);
        uint256 high = court.openChallenge(address(metrics), subject, ISlasher.Infraction.Major, 1_500);
        assertEq(court.challenge(low).supersededBy, high, "the 5% case waits for the 15% one");

        for (uint256 i; i < 5; ++i) {
            _vote(validators[i], low, true);
            _vote(validators[i], high, true);
        }
        vm.warp(court.challenge(high).votingEnds);
        assertEq(uint256(court.decide(high)), uint256(IChallengeCourt.Status.Upheld), "the 15% case upheld");
        assertEq(uint256(court.decide(low)), uint256(IChallengeCourt.Status.Superseded), "the 5% case superseded");
        assertEq(_stakeWith(p2), 850_000 ether, "15% of 1,000,000 slashed");
        assertEq(token.balanceOf(alt), MIN_STAKE, "the alt: stake back, no reward");
        assertEq(token.balanceOf(victim), MIN_STAKE, "the victim: stake back (empty pool)");
    }

    /// The same class at the same or a lower percent cannot supersede (a strictly higher percent is needed), and
    /// nothing changes: the open case stays the subject's case.
    function test_RevertWhen_sameClassWithoutAHigherPercentSupersedes() public {
        address victim = makeAddr("victim");
        address alt = makeAddr("alt");
        vm.warp(T0 + DAY);
        vm.prank(validators[0]);
        metrics.attest(p2, 0, 80, 10_000, 9_000);
        vm.prank(victim);
        bytes32 subject = metrics.fileDispute(p2, 0);
        _fundFor(victim, MIN_STAKE);
        vm.prank(victim);
        uint256 first = court.openChallenge(address(metrics), subject, ISlasher.Infraction.Major, 1_000);
        vm.prank(alt);
        metrics.fileDispute(p2, 0);
        _fundFor(alt, 2 * MIN_STAKE);
        bytes32 evidenceId = keccak256(abi.encode(address(metrics), subject));
        vm.prank(alt);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.AlreadyChallenged.selector, evidenceId, first));
        court.openChallenge(address(metrics), subject, ISlasher.Infraction.Major, 1_000);
        vm.prank(alt);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.AlreadyChallenged.selector, evidenceId, first));
        court.openChallenge(address(metrics), subject, ISlasher.Infraction.Major, 900);
        assertEq(court.challengeCount(), first, "no case opened");
        assertEq(court.challenge(first).supersededBy, 0, "the first case stands");
        assertEq(token.balanceOf(alt), 2 * MIN_STAKE, "nothing pulled");
    }

    /// Reward capture by escalation at the same percent, fixed: the victim opens a 5% minor case (the class maximum);
    /// p2's alt tries to supersede it with a 5% MAJOR case (the class minimum, the same slash): a higher class must
    /// also claim more, so it reverts `AlreadyChallenged`. The honest validators uphold the victim's case: p2 pays
    /// 5% = 50,000 (1,000,000 -> 950,000) and the victim gets its 1,000 stake + the 200 reward (20% of 1,000); the
    /// alt's funds are untouched.
    function test_attack_sameSlashEscalationCannotCaptureTheVictimsReward() public {
        _fundPool(10_000 ether);
        address victim = makeAddr("victim");
        address alt = makeAddr("alt");
        vm.warp(T0 + DAY);
        vm.prank(validators[0]);
        metrics.attest(p2, 0, 80, 10_000, 9_000);
        vm.prank(victim);
        bytes32 subject = metrics.fileDispute(p2, 0);
        _fundFor(victim, MIN_STAKE);
        vm.prank(victim);
        uint256 minor = court.openChallenge(address(metrics), subject, ISlasher.Infraction.Minor, 500);
        vm.prank(alt);
        metrics.fileDispute(p2, 0);
        _fundFor(alt, MIN_STAKE);
        vm.prank(alt);
        vm.expectRevert(
            abi.encodeWithSelector(
                IChallengeCourt.AlreadyChallenged.selector,
                keccak256(abi.encode(address(metrics), subject)),
                minor
            )
        );
        court.openChallenge(address(metrics), subject, ISlasher.Infraction.Major, 500);
        for (uint256 i; i < 5; ++i) _vote(validators[i], minor, true);
        vm.warp(court.challenge(minor).votingEnds);
        assertEq(uint256(court.decide(minor)), uint256(IChallengeCourt.Status.Upheld), "the victim's case");
        assertEq(_stakeWith(p2), 950_000 ether, "5% of 1,000,000");
        assertEq(token.balanceOf(victim), MIN_STAKE + 200 ether, "the victim: stake + 200 reward");
        assertEq(token.balanceOf(alt), MIN_STAKE, "the alt: untouched");
    }

    /// A bonded MINORITY still steers the quality multiplier by attesting inside the majority side: the accuracy side
    /// is split at 50%, but the reward is linear in the figure. Four Sybils (40,000 of 90,000 bonds) attest the rival
    /// p1 at 50.00% (not "low", so counted) while the five honest validators attest 90%: the epoch figure is
    /// (5 x 9,000 + 4 x 5,000) / 9 = 7,222 -> quality 13,611 instead of 14,500. For their own p2 (honest 60%) they
    /// attest 100%: (5 x 6,000 + 4 x 10,000) / 9 = 7,777 -> quality 13,888 instead of 13,000. A single Sybil already
    /// moves the rival to (45,000 + 5,000) / 6 = 8,333 (14,166).
    /// @dev KNOWN ISSUE: inside the majority side the epoch figure is a mean, so a 44% bonded minority moves p1 from
    /// 14,500 to 13,611 and p2 from 13,000 to 13,888. Fix needed: a stake-weighted median per epoch (O(1) per
    /// attestation needs a bounded structure, e.g. bonds per figure bucket).
    function test_Exploit_knownIssue_minorityPullsAccuracyInsideTheMajoritySide() public {
        _sybils(4);
        vm.warp(T0 + DAY);
        for (uint256 i; i < 5; ++i) {
            vm.prank(validators[i]);
            metrics.attest(p1, 0, 80, 10_000, 9_000);
            vm.prank(validators[i]);
            metrics.attest(p2, 0, 80, 10_000, 6_000);
        }
        (, uint256 q1Honest) = metrics.syncPerformance(p1);
        (, uint256 q2Honest) = metrics.syncPerformance(p2);
        assertEq(q1Honest, 14_500, "p1 honest: 10,000 + 5,000 x 90%");
        assertEq(q2Honest, 13_000, "p2 honest: 10,000 + 5,000 x 60%");
        for (uint256 i; i < 4; ++i) {
            vm.prank(sybils[i]);
            metrics.attest(p1, 0, 80, 10_000, 5_000);
            vm.prank(sybils[i]);
            metrics.attest(p2, 0, 80, 10_000, 10_000);
        }
        assertEq(metrics.rollingMetrics(p1).avgAccuracyBps, 7_222, "65,000 / 9");
        assertEq(metrics.rollingMetrics(p2).avgAccuracyBps, 7_777, "70,000 / 9");
        (, uint256 q1) = metrics.syncPerformance(p1);
        (, uint256 q2) = metrics.syncPerformance(p2);
        assertEq(q1, 13_611, "rival pushed down by a 44% minority");
        assertEq(q2, 13_888, "own provider pushed up by a 44% minority");
    }

    /// The tie rule and the epoch-local majority, fixed: a tie goes against the provider, and an epoch counts only
    /// when its attested bonds are more than half of the set. Set: 5 honest + 3 Sybils = 80,000. Three honest
    /// validators attest p2's epoch 0 as it was (500 ms, 20%): 30,000 x 2 = 60,000 <= 80,000, so the epoch does not
    /// count yet (speed and quality stay 10,000). p2's three Sybils attest 0 ms and 100%: 60,000 x 2 > 80,000, the
    /// epoch counts, and the 30,000-30,000 tie goes against p2: 500 ms (speed 10,000, not 12,000) and 20% (quality
    /// 10,000 + 5,000 x 20% = 11,000, not 15,000). The Sybils alone on p1 (30,000 of 80,000) count for nothing.
    function test_attack_tieAndEpochMinorityCannotSetTheProvidersFigures() public {
        _sybils(3);
        vm.warp(T0 + DAY);
        for (uint256 i; i < 3; ++i) {
            vm.prank(validators[i]);
            metrics.attest(p2, 0, 500, 10_000, 2_000);
        }
        assertEq(court.activeBond(), 80_000 ether, "the Sybils hold 37.5% of the set");
        assertEq(metrics.rollingMetrics(p2).attestations, 0, "30,000 of 80,000: not counted");
        (uint256 sBefore, uint256 qBefore) = metrics.syncPerformance(p2);
        assertEq(sBefore, 10_000, "no figures: 1x speed");
        assertEq(qBefore, 10_000, "no figures: 1x quality");
        for (uint256 i; i < 3; ++i) {
            vm.prank(sybils[i]);
            metrics.attest(p2, 0, 0, 10_000, 10_000);
            vm.prank(sybils[i]);
            metrics.attest(p1, 0, 0, 10_000, 10_000);
        }
        (uint256 s, uint256 q) = metrics.syncPerformance(p2);
        assertEq(s, 10_000, "tie: the slow side (500 ms)");
        assertEq(q, 11_000, "tie: the low side (20%)");
        assertEq(metrics.rollingMetrics(p2).avgResponseMs, 500, "500 ms");
        assertEq(metrics.rollingMetrics(p2).avgAccuracyBps, 2_000, "20%");
        assertEq(metrics.rollingMetrics(p2).attestations, 6, "six attestations counted");
        assertEq(metrics.rollingMetrics(p1).attestations, 0, "the Sybils alone: not counted");
        (uint256 s1, uint256 q1) = metrics.syncPerformance(p1);
        assertEq(s1, 10_000, "p1: no speed bonus from the Sybils");
        assertEq(q1, 10_000, "p1: no quality from the Sybils");
    }

    /// An epoch that counted stops counting when the set grows past twice its attested bonds: three honest
    /// validators (30,000) attest p1's epoch 0 with the set at 50,000 (counts: 60,000 > 50,000); three new
    /// validators join (set 80,000) and one of them attests too: 40,000 x 2 = 80,000 is not more than 80,000, so the
    /// epoch leaves the rolling figures (nothing counted, no underflow later).
    function test_attack_epochLeavesTheFiguresWhenTheSetOutgrowsItsAttesters() public {
        vm.warp(T0 + DAY);
        for (uint256 i; i < 3; ++i) {
            vm.prank(validators[i]);
            metrics.attest(p1, 0, 80, 10_000, 9_000);
        }
        assertEq(metrics.rollingMetrics(p1).attestations, 3, "30,000 of 50,000: counted");
        _sybils(3);
        vm.prank(sybils[0]);
        metrics.attest(p1, 0, 80, 10_000, 9_000);
        assertEq(metrics.rollingMetrics(p1).attestations, 0, "40,000 of 80,000: no longer counted");
        vm.prank(validators[3]);
        metrics.attest(p1, 0, 80, 10_000, 9_000);
        assertEq(metrics.rollingMetrics(p1).attestations, 5, "50,000 of 80,000: counted again");
        assertEq(metrics.rollingMetrics(p1).avgAccuracyBps, 9_000, "90%");
    }

    /// Checked safe: running sums neither drift nor underflow. 100 messy epochs (eight attesters, sides flipping
    /// with each attestation, some epochs under the minimum, some skipped) then 90 clean epochs at 80 ms / 100% /
    /// 90%: the rolling figures are exactly the clean ones (every messy figure replaced and then removed).
    function test_safe_runningSumsDoNotDriftAcrossReplacementsAndRemovals() public {
        _sybils(3);
        address[] memory all = new address[](8);
        for (uint256 i; i < 5; ++i) all[i] = validators[i];
        for (uint256 i; i < 3; ++i) all[5 + i] = sybils[i];
        for (uint256 e; e < 190; ++e) {
            if (e < 100 && e % 7 == 3) continue;
            vm.warp(T0 + (e + 1) * DAY);
            uint256 n = e < 100 && e % 5 == 1 ? 2 : 8;
            for (uint256 k; k < n; ++k) _attestMessy(all[(k + e) % 8], e, k);
        }
        IMetricsRegistry.RollingMetrics memory m = metrics.rollingMetrics(p1);
        assertEq(m.attestations, 90 * 8, "90 epochs of 8");
        assertEq(m.avgResponseMs, 80, "no drift");
        assertEq(m.avgUptimeBps, 10_000, "no drift");
        assertEq(m.avgAccuracyBps, 9_000, "no drift");
    }

    function _attestMessy(address v, uint256 e, uint256 i) internal {
        vm.prank(v);
        if (e >= 100) {
            metrics.attest(p1, e, 80, 10_000, 9_000);
        } else {
            uint256 h = uint256(keccak256(abi.encode(e, i)));
            metrics.attest(p1, e, h % 5_000, (h >> 32) % 10_001, (h >> 64) % 10_001);
        }
    }
}
