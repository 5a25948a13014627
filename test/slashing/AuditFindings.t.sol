// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IChallengeCourt} from "../../contracts/interfaces/IChallengeCourt.sol";
import {IMetricsRegistry} from "../../contracts/interfaces/IMetricsRegistry.sol";
import {ISlasher} from "../../contracts/interfaces/ISlasher.sol";
import {SlashingBase} from "./SlashingBase.sol";

/// @notice Attacks on the bonded validator set found by a review, now regression tests with their figures. The
/// honest set: the five validators of the base (10,000 bonded each, 50,000); p1 and p2 are Platinum providers of
/// 1,000,000 self-stake.
contract AuditFindingsTest is SlashingBase {
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

    /// One attestation no longer takes a rival's speed bonus. One colluding validator among six attests the rival p1
    /// at 2^32 - 1 ms and 0% accuracy once; five honest validators attest p1 and p2 at 80 ms and 90%. Before: p1's
    /// rolling mean was (5 x 80 + 4,294,967,295) / 6 = 715,827,949 ms and its accuracy 45,000 / 6 = 7,500 (speed
    /// 10,000 bps instead of 12,000, quality 13,750 instead of 14,500), for the whole 90-epoch window. Now each epoch
    /// counts the side of each threshold holding a bonded majority of its attesters: 50,000 of the 60,000 bonds saw a
    /// fast response (below 100 ms) and an accuracy of 50% or more, so epoch 0 counts 80 ms and 90%, as for p2. The
    /// plain mean of the epoch clamps the outlier to the response cap, 2,000 ms x 2 = 4,000: (400 + 4,000) / 6 = 733.
    function test_attack_oneAttestationCannotTakeARivalsSpeedBonus() public {
        _sybils(1);
        vm.warp(T0 + DAY);
        for (uint256 i; i < 5; ++i) {
            vm.prank(validators[i]);
            metrics.attest(p1, 0, 80, 10_000, 9_000);
            vm.prank(validators[i]);
            metrics.attest(p2, 0, 80, 10_000, 9_000);
        }
        vm.prank(sybils[0]);
        metrics.attest(p1, 0, type(uint32).max, 10_000, 0);

        IMetricsRegistry.RollingMetrics memory m = metrics.rollingMetrics(p1);
        assertEq(m.attestations, 6, "six attestations");
        assertEq(m.avgResponseMs, 80, "the fast side holds 50,000 of 60,000");
        assertEq(m.avgAccuracyBps, 9_000, "the 0% figure is on the minority side");
        assertEq(m.avgUptimeBps, 10_000, "unanimous");
        assertEq(metrics.epochMetrics(p1, 0).avgResponseMs, 733, "(400 + 4,000) / 6: the outlier clamped");
        (uint256 speed1, uint256 quality1) = metrics.syncPerformance(p1);
        (uint256 speed2, uint256 quality2) = metrics.syncPerformance(p2);
        assertEq(speed2, 12_000, "p2: the speed bonus");
        assertEq(quality2, 14_500, "p2: 10,000 + 5,000 x 90%");
        assertEq(speed1, 12_000, "p1: the same bonus for the same service");
        assertEq(quality1, 14_500, "p1: the same quality");
    }

    /// Moving an epoch's figure takes a bonded majority of the epoch's attesters, and then it moves by a bounded
    /// amount: six Sybils (60,000) against the five honest validators (50,000) attest p1's epoch 0 at 2^32 - 1 ms;
    /// the slow side holds the majority and counts at the 4,000 ms cap. After 29 epochs at 80 ms (the five honest
    /// validators and one Sybil: 60,000 of the 110,000 set, enough for an epoch to count) the rolling figure is
    /// (4,000 + 29 x 80) / 30 = 210 ms (it would be 143,165,653 ms without the cap). Short of half of the epoch's
    /// attesters (four Sybils, 40,000 of 90,000) the epoch counts 80 ms.
    function test_attack_movingAnEpochFigureTakesABondedMajorityAndIsCapped() public {
        _sybils(6);
        vm.warp(T0 + DAY);
        for (uint256 i; i < 5; ++i) {
            vm.prank(validators[i]);
            metrics.attest(p1, 0, 80, 10_000, 9_000);
            vm.prank(validators[i]);
            metrics.attest(p2, 0, 80, 10_000, 9_000);
        }
        for (uint256 i; i < 4; ++i) {
            vm.prank(sybils[i]);
            metrics.attest(p2, 0, type(uint32).max, 10_000, 9_000);
        }
        assertEq(metrics.rollingMetrics(p2).avgResponseMs, 80, "40,000 against 50,000: no majority for slow");
        for (uint256 i; i < 6; ++i) {
            vm.prank(sybils[i]);
            metrics.attest(p1, 0, type(uint32).max, 10_000, 9_000);
        }
        assertEq(metrics.rollingMetrics(p1).avgResponseMs, 4_000, "60,000 of 110,000: the slow side, capped");
        for (uint256 e = 1; e < 30; ++e) {
            vm.warp(T0 + (e + 1) * DAY);
            for (uint256 i; i < 5; ++i) {
                vm.prank(validators[i]);
                metrics.attest(p1, e, 80, 10_000, 9_000);
            }
            vm.prank(sybils[0]);
            metrics.attest(p1, e, 80, 10_000, 9_000);
        }
        IMetricsRegistry.RollingMetrics memory m = metrics.rollingMetrics(p1);
        assertEq(m.attestations, 185, "11 + 29 x 6");
        assertEq(m.avgResponseMs, 210, "(4,000 + 2,320) / 30");
    }

    /// `reportSilence` takes out only a bond the set held when the challenge opened. Before: validators[4] exited, a
    /// minor challenge of p1 opened against a set of 40,000 (20,000 uphold, 10,000 reject, validators[3] silent);
    /// reporting the exited validator (no penalty: not active) took the set to 30,000, the challenge was upheld with
    /// 20,000 (exactly half of the real set) and validators[3], really silent, could no longer be reported and kept
    /// its whole bond. Now the exited validator cannot be reported; validators[3] is, loses 1,000 of its 10,000 to
    /// the pool, and the set weighed is the 30,000 that voted: upheld, p1 loses 1% (10,000).
    function test_reportSilence_onlyBondsInTheSetAtOpening() public {
        vm.prank(validators[4]);
        court.exitValidator();
        bytes32 s = keccak256("outside");
        _subject(s, p1, 0, T0 + 30 days);
        uint256 id = _open(s, ISlasher.Infraction.Minor, 100);
        assertEq(court.challenge(id).setStake, 40_000 ether, "four active validators");
        _vote(validators[0], id, true);
        _vote(validators[1], id, true);
        _vote(validators[2], id, false);
        vm.warp(T0 + VOTING);
        vm.expectRevert(
            abi.encodeWithSelector(
                IChallengeCourt.DecisionPending.selector,
                id,
                30_000 ether,
                40_000 ether,
                T0 + 2 * VOTING
            )
        );
        court.decide(id);

        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.NotSilent.selector, validators[4], id));
        court.reportSilence(validators[4], id);
        assertEq(court.challenge(id).setStake, 40_000 ether, "unchanged");

        court.reportSilence(validators[3], id);
        assertEq(court.challenge(id).setStake, 30_000 ether, "the silent bond left the set");
        assertEq(court.validatorOf(validators[3]).bond, 9_000 ether, "10% penalty");
        assertEq(court.validatorOf(validators[3]).leftAt, id, "left the set at this challenge");
        (uint256 pool, , , ) = court.balances();
        assertEq(pool, 1_000 ether, "the penalty went to the pool");
        assertEq(uint256(court.decide(id)), uint256(IChallengeCourt.Status.Upheld), "upheld by 20,000 of 30,000");
        assertEq(_stakeWith(p1), 990_000 ether, "1% of 1,000,000");
    }

    /// A validator active when a challenge opened and exiting afterwards is still reported on it (no penalty: its bond
    /// is not in the active set any more); on a challenge opened after its exit, it is not.
    function test_reportSilence_exitingAfterOpeningStillCounts() public {
        bytes32 s = keccak256("before");
        _subject(s, p1, 0, T0 + 30 days);
        uint256 id = _open(s, ISlasher.Infraction.Minor, 100);
        vm.prank(validators[4]);
        court.exitValidator();
        bytes32 s2 = keccak256("after");
        _subject(s2, p1, 0, T0 + 30 days);
        uint256 id2 = _open(s2, ISlasher.Infraction.Minor, 100);
        for (uint256 i; i < 3; ++i) {
            _vote(validators[i], id, i < 2);
            _vote(validators[i], id2, i < 2);
        }
        vm.warp(T0 + VOTING);
        court.reportSilence(validators[4], id);
        assertEq(court.challenge(id).setStake, 40_000 ether, "50,000 - 10,000");
        assertEq(court.validatorOf(validators[4]).bond, BOND, "no penalty");
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.NotSilent.selector, validators[4], id2));
        court.reportSilence(validators[4], id2);
    }

    /// A failing higher class no longer buries the lower case. A victim disputes p2's epoch 0 and opens a 10% major
    /// challenge; p2's alt files the dispute last and opens a 20% severe one, which the five honest validators reject
    /// as over-claimed while upholding the major case. Before: the major case ended `Superseded` (stake back, nothing
    /// slashed), p2 kept its 1,000,000 (100,000 escaped) for a net 500 paid by its alt. Now the major case waits for
    /// the severe one (`SupersedingPending`), which is rejected (the alt's 1,000: 500 to p2, 500 burned); then it takes
    /// its own verdict: upheld, p2 loses 10% = 100,000, net of the 500 it got the alt's trick costs it 99,500 more.
    function test_attack_aFailingHigherClassDoesNotBuryTheLowerCase() public {
        address victim = makeAddr("victim");
        address alt = makeAddr("alt");
        vm.warp(T0 + DAY);
        vm.prank(validators[0]);
        metrics.attest(p2, 0, 80, 10_000, 9_000);
        vm.prank(victim);
        bytes32 subject = metrics.fileDispute(p2, 0);
        _fundFor(victim, 2 * MIN_STAKE);
        vm.prank(victim);
        uint256 major = court.openChallenge(address(metrics), subject, ISlasher.Infraction.Major, 1_000);
        vm.prank(alt);
        metrics.fileDispute(p2, 0);
        _fundFor(alt, MIN_STAKE);
        vm.prank(alt);
        uint256 severe = court.openChallenge(address(metrics), subject, ISlasher.Infraction.Severe, 2_000);
        assertEq(court.challenge(major).supersededBy, severe, "linked to the case that superseded it");
        for (uint256 i; i < 5; ++i) {
            _vote(validators[i], major, true);
            _vote(validators[i], severe, false);
        }
        uint256 p2Tokens = token.balanceOf(p2);
        vm.warp(court.challenge(severe).votingEnds);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.SupersedingPending.selector, major, severe));
        court.decide(major);
        assertEq(uint256(court.challenge(major).status), uint256(IChallengeCourt.Status.Open), "still open");

        assertEq(uint256(court.decide(severe)), uint256(IChallengeCourt.Status.Rejected), "the over-claim fails");
        assertEq(token.balanceOf(p2) - p2Tokens, 500 ether, "half of the alt's stake");
        assertEq(token.balanceOf(alt), 0, "the alt loses its 1,000");
        assertEq(uint256(court.decide(major)), uint256(IChallengeCourt.Status.Upheld), "its own verdict");
        assertEq(_stakeWith(p2), 900_000 ether, "10% of 1,000,000 slashed");
        assertEq(token.balanceOf(victim), 2 * MIN_STAKE, "the victim's stake back (no reward pool funded)");
    }

    /// A lower case superseded by a higher one that expires without a verdict also falls back to its own verdict
    /// (an unvoted higher class cannot bury it either): the 1% minor case upheld by three of five takes 10,000 of
    /// p2's 1,000,000.
    function test_attack_anExpiredHigherClassDoesNotBuryTheLowerCase() public {
        address victim = makeAddr("victim");
        address alt = makeAddr("alt");
        vm.warp(T0 + DAY);
        vm.prank(validators[0]);
        metrics.attest(p2, 0, 80, 10_000, 9_000);
        vm.prank(victim);
        bytes32 subject = metrics.fileDispute(p2, 0);
        _fundFor(victim, MIN_STAKE);
        vm.prank(victim);
        uint256 minor = court.openChallenge(address(metrics), subject, ISlasher.Infraction.Minor, 100);
        vm.prank(alt);
        metrics.fileDispute(p2, 0);
        _fundFor(alt, MIN_STAKE);
        vm.prank(alt);
        uint256 major = court.openChallenge(address(metrics), subject, ISlasher.Infraction.Major, 500);
        for (uint256 i; i < 3; ++i) _vote(validators[i], minor, true);
        uint256 expiresAt = uint256(court.challenge(major).votingEnds) + VOTING;
        vm.warp(expiresAt - 1);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.SupersedingPending.selector, minor, major));
        court.decide(minor);
        vm.expectRevert(
            abi.encodeWithSelector(IChallengeCourt.DecisionPending.selector, major, 0, 50_000 ether, expiresAt)
        );
        court.decide(major);
        vm.warp(expiresAt);
        assertEq(uint256(court.decide(major)), uint256(IChallengeCourt.Status.Expired), "no votes");
        assertEq(token.balanceOf(alt), MIN_STAKE, "expired: the alt's stake back");
        assertEq(uint256(court.decide(minor)), uint256(IChallengeCourt.Status.Upheld), "its own verdict");
        assertEq(_stakeWith(p2), 990_000 ether, "1% of 1,000,000");
    }

    function _fundFor(address who, uint256 amount) internal {
        _mint(who, amount);
        vm.prank(who);
        token.approve(address(court), amount);
    }
}
