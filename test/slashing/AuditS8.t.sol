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
    function test_Exploit_topClassFiledFirstBuriesTheSubject() public {
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

    /// Same-class front-running: supersession needs a strictly higher class, so p2's alt files the dispute first and
    /// opens the victim's class (major) at its MINIMUM, 5%. The victim's honest 15% major case reverts
    /// `AlreadyChallenged`; the honest validators can only uphold the 5% (or reject and let p2 go free). p2 loses
    /// 50,000 instead of 150,000 (100,000 escaped); the alt gets its 1,000 stake back (plus the reward when funded).
    function test_Exploit_sameClassMinimumFiledFirstDowngradesTheCase() public {
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
        vm.expectRevert(
            abi.encodeWithSelector(
                IChallengeCourt.AlreadyChallenged.selector,
                keccak256(abi.encode(address(metrics), subject)),
                low
            )
        );
        court.openChallenge(address(metrics), subject, ISlasher.Infraction.Major, 1_500);

        for (uint256 i; i < 5; ++i) _vote(validators[i], low, true);
        vm.warp(court.challenge(low).votingEnds);
        assertEq(uint256(court.decide(low)), uint256(IChallengeCourt.Status.Upheld), "the 5% case upheld");
        assertEq(_stakeWith(p2), 950_000 ether, "5% instead of 15%: 100,000 escaped");
        assertEq(token.balanceOf(alt), MIN_STAKE, "the alt's stake back");
    }

    /// Reward capture by escalation at the same percent: the victim opens a 5% minor case (the class maximum); p2's
    /// alt supersedes it with a 5% MAJOR case (the class minimum), the same slash. The honest validators uphold both;
    /// the major case takes the 200 reward (20% of 1,000) and the victim's upheld case ends `Superseded` (stake back,
    /// no reward). p2 pays the same 50,000 it owed anyway and its alt pockets the victim's reward.
    function test_Exploit_sameSlashEscalationCapturesTheVictimsReward() public {
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
        uint256 major = court.openChallenge(address(metrics), subject, ISlasher.Infraction.Major, 500);
        for (uint256 i; i < 5; ++i) {
            _vote(validators[i], minor, true);
            _vote(validators[i], major, true);
        }
        vm.warp(court.challenge(major).votingEnds);
        assertEq(uint256(court.decide(major)), uint256(IChallengeCourt.Status.Upheld), "the alt's case");
        assertEq(uint256(court.decide(minor)), uint256(IChallengeCourt.Status.Superseded), "the victim's case");
        assertEq(_stakeWith(p2), 950_000 ether, "the same 5% either way");
        assertEq(token.balanceOf(alt), MIN_STAKE + 200 ether, "the alt: stake + 200 reward");
        assertEq(token.balanceOf(victim), MIN_STAKE, "the victim: stake back, no reward");
    }

    /// A bonded MINORITY still steers the quality multiplier by attesting inside the majority side: the accuracy side
    /// is split at 50%, but the reward is linear in the figure. Four Sybils (40,000 of 90,000 bonds) attest the rival
    /// p1 at 50.00% (not "low", so counted) while the five honest validators attest 90%: the epoch figure is
    /// (5 x 9,000 + 4 x 5,000) / 9 = 7,222 -> quality 13,611 instead of 14,500. For their own p2 (honest 60%) they
    /// attest 100%: (5 x 6,000 + 4 x 10,000) / 9 = 7,777 -> quality 13,888 instead of 13,000. A single Sybil already
    /// moves the rival to (45,000 + 5,000) / 6 = 8,333 (14,166).
    function test_Exploit_minorityPullsAccuracyInsideTheMajoritySide() public {
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

    /// The tie rule and the epoch-local majority: sides are decided against the bonds that attested the epoch, not
    /// the set, and a tie goes to the provider. Three honest validators attest p2's epoch 0 as it was (500 ms, 20%
    /// accuracy); the other two honest validators do not attest it (they may attest later in the day). p2's three
    /// Sybils (30,000 of an 80,000 set, 37.5%) attest 0 ms and 100%: 30,000 against 30,000 is a tie, so the epoch
    /// counts the provider's side: 0 ms (speed 12,000 instead of 10,000) and 100% (quality 15,000 instead of 11,000).
    function test_Exploit_tieAndEpochLocalMajorityLetAMinorityOfTheSetSetItsOwnFigures() public {
        _sybils(3);
        vm.warp(T0 + DAY);
        for (uint256 i; i < 3; ++i) {
            vm.prank(validators[i]);
            metrics.attest(p2, 0, 500, 10_000, 2_000);
        }
        (uint256 sHonest, uint256 qHonest) = metrics.syncPerformance(p2);
        assertEq(sHonest, 10_000, "honest: slow, no speed bonus");
        assertEq(qHonest, 11_000, "honest: 10,000 + 5,000 x 20%");
        for (uint256 i; i < 3; ++i) {
            vm.prank(sybils[i]);
            metrics.attest(p2, 0, 0, 10_000, 10_000);
        }
        assertEq(court.activeBond(), 80_000 ether, "the Sybils hold 37.5% of the set");
        (uint256 s, uint256 q) = metrics.syncPerformance(p2);
        assertEq(s, 12_000, "tie: the fast side (0 ms)");
        assertEq(q, 15_000, "tie: the high side (100%)");
        assertEq(metrics.rollingMetrics(p2).avgResponseMs, 0, "0 ms");
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
