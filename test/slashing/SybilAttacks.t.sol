// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IChallengeCourt} from "../../contracts/interfaces/IChallengeCourt.sol";
import {IMetricsRegistry} from "../../contracts/interfaces/IMetricsRegistry.sol";
import {ISlasher} from "../../contracts/interfaces/ISlasher.sol";
import {SlashingKeys} from "../../contracts/libraries/SlashingKeys.sol";
import {SlashingBase} from "./SlashingBase.sol";

/// @notice Regression tests of the five attacks of an adversary who registers as many validator identities as it
/// likes, each with the scenario it was proven with, now failing or not paying. The honest set: the five validators
/// of the base (10,000 bonded each, 50,000). The victim p1 is a Platinum pool of 10,050,000: 1,050,000 self-stake and
/// 9,000,000 delegated by d1.
contract SybilAttacksTest is SlashingBase {
    IMetricsRegistry.Trigger internal constant SLOW = IMetricsRegistry.Trigger.ResponseTime;
    IMetricsRegistry.Trigger internal constant DOWN = IMetricsRegistry.Trigger.Uptime;
    uint256 internal constant POOL = 10_050_000 ether;

    address[] internal sybils;

    function setUp() public override {
        super.setUp();
        _register(p1, 1_050_000 ether);
        _delegate(d1, p1, 9_000_000 ether);
        _registerValidators(5);
    }

    /// @dev `n` more validator identities of the attacker, 10,000 bonded each.
    function _sybils(uint256 n) internal {
        for (uint256 i; i < n; ++i) {
            address s = makeAddr(string.concat("sybil", vm.toString(sybils.length)));
            sybils.push(s);
            _registerValidator(s);
        }
    }

    function _attest(address v, address provider, uint256 epoch, uint256 responseMs, uint256 uptimeBps) internal {
        vm.prank(v);
        metrics.attest(provider, epoch, responseMs, uptimeBps, 9_000);
    }

    // ------------------------------------------------------------------ attack 1

    /// Three Sybil attesters (30,000 bonded) attest 0% uptime of p1 for five epochs of one 30-day window while two
    /// honest validators attest 100%. Before: five 1% proofs burned 10,050,000 x (1 - 0.99^5) = 492,549 QUIV, 441,089
    /// of it d1's. Now each proof needs the breaching bonds to exceed half the set (80,000 with the Sybils): 30,000 x 2
    /// = 60,000 <= 80,000, refused; nothing burns.
    function test_attack1_threeSybilAttestersCannotSlashAnHonestProvider() public {
        _sybils(3);
        for (uint256 e; e < 5; ++e) {
            vm.warp(T0 + (e + 1) * DAY);
            for (uint256 i; i < 3; ++i) _attest(sybils[i], p1, e, 80, 0);
            _attest(validators[0], p1, e, 80, 10_000);
            _attest(validators[1], p1, e, 80, 10_000);
        }
        vm.warp(T0 + 6 * DAY);
        for (uint256 e; e < 5; ++e) {
            vm.expectRevert(
                abi.encodeWithSelector(IMetricsRegistry.NoSetMajority.selector, 30_000 ether, 80_000 ether)
            );
            metrics.proveMinorInfraction(p1, e, DOWN);
        }
        assertEq(_stakeWith(p1), POOL, "nothing burned");
        assertEq(staking.positionOf(d1).stake, 9_000_000 ether, "the delegator keeps everything");
    }

    /// The Sybils attest, then leave the set before proving: the set weighed is the largest seen while the epoch was
    /// attested (80,000), so leaving does not shrink the majority they need.
    function test_attack1_leavingTheSetAfterAttestingDoesNotHelp() public {
        _sybils(3);
        vm.warp(T0 + DAY);
        for (uint256 i; i < 3; ++i) _attest(sybils[i], p1, 0, 80, 0);
        for (uint256 i; i < 3; ++i) {
            vm.prank(sybils[i]);
            court.exitValidator();
        }
        assertEq(court.activeBond(), 50_000 ether, "the honest five left");
        vm.warp(T0 + 2 * DAY);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.NoSetMajority.selector, 30_000 ether, 80_000 ether));
        metrics.proveMinorInfraction(p1, 0, DOWN);
        assertEq(_stakeWith(p1), POOL, "nothing burned");
    }

    /// The cost of a false slash (docs/slashing.md): against the honest 50,000, an attacker must bond more than all
    /// of it. Five Sybils (50,000, exactly half of 100,000) still cannot; six (60,000 of 110,000) slash 1% of the
    /// pool, 100,500 QUIV: 60,000 bonded per 100,500 burned, 0.597 QUIV at risk per QUIV burned by one proof, and at
    /// most the minor class's 5% a window (492,549 burned for the same 60,000: 0.122 per QUIV).
    function test_costOfAFalseSlash_aBondedMajorityOfTheSet() public {
        _sybils(5);
        vm.warp(T0 + DAY);
        for (uint256 i; i < 5; ++i) _attest(sybils[i], p1, 0, 80, 0);
        vm.warp(T0 + 2 * DAY);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.NoSetMajority.selector, 50_000 ether, 100_000 ether));
        metrics.proveMinorInfraction(p1, 0, DOWN);

        _sybils(1);
        vm.warp(T0 + 2 * DAY);
        for (uint256 i; i < 6; ++i) _attest(sybils[i], p1, 1, 80, 0);
        vm.warp(T0 + 3 * DAY);
        ISlasher.SlashResult memory r = metrics.proveMinorInfraction(p1, 1, DOWN);
        assertEq(r.appliedBps, 100, "1%");
        assertEq(POOL - _stakeWith(p1), 100_500 ether, "1% of 10,050,000");
        assertEq(court.activeBond(), 110_000 ether, "the attacker held 60,000 of 110,000");
    }

    // ------------------------------------------------------------------ attack 2

    /// One attestation each: the attacker's p2 at 50 ms and 100% accuracy, the rival p1 at 500 ms and 50%. Before:
    /// 17,700 and 12,250 bps (1.44x the reward share for equal service). Now an epoch counts in the rolling figures
    /// only once three validators attested it: both stay at 1x.
    function test_attack2_oneAttesterCannotSteerMultipliers() public {
        _register(p2, 1_000_000 ether);
        vm.warp(T0 + DAY);
        vm.prank(validators[0]);
        metrics.attest(p2, 0, 50, 10_000, 10_000);
        vm.prank(validators[0]);
        metrics.attest(p1, 0, 500, 10_000, 5_000);
        assertEq(metrics.rollingMetrics(p2).attestations, 0, "under-attested: not counted");
        (uint256 speed2, uint256 quality2) = metrics.syncPerformance(p2);
        (uint256 speed1, uint256 quality1) = metrics.syncPerformance(p1);
        assertEq(speed2 * quality2, 10_000 * 10_000, "attacker: 1x");
        assertEq(speed1 * quality1, 10_000 * 10_000, "rival: 1x");
        assertEq(
            staking.providerInfo(p2).performanceMultiplierBps,
            staking.providerInfo(p1).performanceMultiplierBps,
            "equal service, equal share"
        );
    }

    // ------------------------------------------------------------------ attack 3

    /// p1 never advertises a latency: it is held to the 2,000 ms maximum, so five validators attesting 60 s and
    /// 600 s count five slow attestations and the trigger holds; advertising 2^32 - 1 ms is refused.
    function test_attack3_theLatencyTriggerIsNotOptIn() public {
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.InvalidLatency.selector, uint256(type(uint32).max)));
        metrics.advertiseLatency(type(uint32).max);
        vm.warp(T0 + DAY);
        for (uint256 i; i < 5; ++i) _attest(validators[i], p1, 0, i < 3 ? 60_000 : 600_000, 10_000);
        assertEq(metrics.epochMetrics(p1, 0).slowAttestations, 5, "all five slow");
        vm.warp(T0 + 2 * DAY);
        assertEq(metrics.proveMinorInfraction(p1, 0, SLOW).appliedBps, 100, "provable");
        assertEq(POOL - _stakeWith(p1), 100_500 ether, "1%");
    }

    /// The boundary: 4,000 ms is exactly 2x the 2,000 ms default and does not breach; 4,001 ms does.
    function test_attack3_defaultLatencyBoundary() public {
        vm.warp(T0 + DAY);
        _attest(validators[0], p1, 0, 4_000, 10_000);
        _attest(validators[1], p1, 0, 4_001, 10_000);
        assertEq(metrics.epochMetrics(p1, 0).slowAttestations, 1, "only 4,001");
        vm.prank(p1);
        metrics.advertiseLatency(2_000);
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.InvalidLatency.selector, 2_001));
        metrics.advertiseLatency(2_001);
    }

    // ------------------------------------------------------------------ attack 4

    /// Six silent Sybils (60,000) against five honest validators (50,000) who vote to uphold six severe challenges
    /// of p1. Before: all six expired. Now no verdict at the vote's end (50,000 x 2 <= 110,000); anyone reports
    /// silent Sybils on each challenge, their bonds leave the set weighed (two on each: 110,000 - 2 x 10,000 =
    /// 90,000, the 10,000 each added at opening, though their bonds were cut to 9,000 on the first), and all six are
    /// upheld: the first takes Platinum's 20% (2,010,000) and bans, the others find the cap used. Each reported
    /// Sybil lost 1,000 to the pool and cannot reactivate before every challenge open at its report has closed plus a
    /// voting period.
    function test_attack4_silentSybilsCannotBlockChallenges() public {
        _sybils(6);
        _fundPool(10_000 ether);
        uint256[] memory ids = new uint256[](6);
        for (uint256 k; k < 6; ++k) {
            bytes32 s = keccak256(abi.encode("severe", k));
            _subject(s, p1, 0, T0 + 30 days);
            ids[k] = _open(s, ISlasher.Infraction.Severe, 2_000);
            for (uint256 i; i < 5; ++i) _vote(validators[i], ids[k], true);
        }
        vm.warp(T0 + VOTING);
        vm.expectRevert(
            abi.encodeWithSelector(
                IChallengeCourt.DecisionPending.selector,
                ids[0],
                50_000 ether,
                110_000 ether,
                T0 + 2 * VOTING
            )
        );
        court.decide(ids[0]);

        // Report silent Sybils on each challenge until the 50,000 upholding exceed half the set weighed; once they
        // do, silence no longer matters and further reports are refused.
        for (uint256 k; k < 6; ++k) {
            for (uint256 i; court.challenge(ids[k]).setStake >= 100_000 ether; ++i) {
                court.reportSilence(sybils[i], ids[k]);
            }
        }
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.NotSilent.selector, sybils[5], ids[0]));
        court.reportSilence(sybils[5], ids[0]);
        assertEq(court.challenge(ids[0]).setStake, 90_000 ether, "110,000 - 2 x 10,000");
        assertEq(court.challenge(ids[1]).setStake, 90_000 ether, "110,000 - 2 x 10,000 (bonds penalised since)");
        assertEq(court.activeBond(), 90_000 ether, "two silent left the set");
        (uint256 pool, , , ) = court.balances();
        assertEq(pool, 12_000 ether, "10,000 + 2 x 1,000 of penalties");

        for (uint256 k; k < 6; ++k) {
            assertEq(uint256(court.decide(ids[k])), uint256(IChallengeCourt.Status.Upheld), "upheld");
        }
        assertEq(POOL - _stakeWith(p1), 2_010_000 ether, "20% of 10,050,000");
        assertTrue(staking.isBanned(p1), "banned");

        vm.prank(sybils[0]);
        vm.expectRevert(
            abi.encodeWithSelector(IChallengeCourt.ReactivationCooldown.selector, sybils[0], T0 + 2 * VOTING)
        );
        court.reactivate();
    }

    /// A validator that voted, or a challenge that already has a verdict, cannot be reported silent.
    function test_RevertWhen_reportingSilenceOfAVoterOrOnADecidableChallenge() public {
        _sybils(1);
        bytes32 s = keccak256("one");
        _subject(s, p1, 0, T0 + 30 days);
        uint256 id = _open(s, ISlasher.Infraction.Minor, 100);
        for (uint256 i; i < 4; ++i) _vote(validators[i], id, true);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.NotSilent.selector, sybils[0], id));
        court.reportSilence(sybils[0], id);
        vm.warp(T0 + VOTING);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.NotSilent.selector, validators[0], id));
        court.reportSilence(validators[0], id);
        // 40,000 of 60,000 uphold: a verdict already, so silence does not matter.
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.NotSilent.selector, sybils[0], id));
        court.reportSilence(sybils[0], id);
        assertTrue(court.isActiveValidator(sybils[0]), "unchanged");
    }

    /// A silent validator penalised on one challenge leaves every other challenge it was eligible for with the bond
    /// it added to that challenge's set at opening, not its penalised bond. Five honest validators (50,000) uphold a
    /// true charge against p1 over four rejecting Sybils (40,000): 2 x 50,000 = 100,000 > 90,000, an honest bonded
    /// majority of the votes. Ten more Sybils (100,000) stay silent on it and on an earlier challenge; both sets are
    /// 19 x 10,000 = 190,000. Reported on the earlier one first, each is cut to 9,000, yet reporting them on the
    /// charge takes its set to 190,000 - 10 x 10,000 = 90,000, of which 50,000 is a majority: upheld, 1% of
    /// 10,050,000 = 100,500. Before: 190,000 - 10 x 9,000 = 100,000 stayed, 2 x 50,000 was no majority of it, and
    /// the true charge expired.
    function test_attack_penalisedSilentBondsLeaveNoResidueInOtherSets() public {
        _sybils(14);
        uint256 idA = _openMinor("earlier");
        uint256 idB = _openMinor("true charge");
        for (uint256 i; i < 5; ++i) _vote(validators[i], idB, true);
        for (uint256 i; i < 4; ++i) _vote(sybils[i], idB, false);
        vm.warp(T0 + VOTING);
        for (uint256 i = 4; i < 14; ++i) court.reportSilence(sybils[i], idA);
        assertEq(court.validatorOf(sybils[4]).bond, 9_000 ether, "10,000 - 10%");
        assertEq(court.validatorOf(sybils[4]).leftBond, 10_000 ether, "left the set with 10,000");
        for (uint256 i = 4; i < 14; ++i) court.reportSilence(sybils[i], idB);
        assertEq(court.challenge(idA).setStake, 90_000 ether, "190,000 - 10 x 10,000");
        IChallengeCourt.Challenge memory c = court.challenge(idB);
        assertEq(c.upholdStake, 50_000 ether, "honest uphold");
        assertEq(c.rejectStake, 40_000 ether, "Sybils reject");
        assertEq(c.setStake, 90_000 ether, "190,000 - 10 x 10,000: no residue");
        (uint256 pool, , , ) = court.balances();
        assertEq(pool, 10_000 ether, "10 x 1,000 of penalties, paid once each");
        assertEq(uint256(court.decide(idB)), uint256(IChallengeCourt.Status.Upheld), "the true charge is upheld");
        assertEq(POOL - _stakeWith(p1), 100_500 ether, "1% of 10,050,000");
    }

    /// Penalised twice, with a reactivation between: each challenge loses the bond its set counted. X (10,000) is
    /// reported on A (set 60,000 -> 50,000) and cut to 9,000; it reactivates and is counted at 9,000 in B and C
    /// (50,000 + 9,000 = 59,000 each); reported on B it is cut again to 8,100, and B and C each lose 9,000: 50,000
    /// (the bond held at the report would leave 59,000 - 8,100 = 50,900 in C).
    function test_silentBond_penalisedTwiceLeavesWhatEachSetCounted() public {
        _sybils(1);
        address x = sybils[0];
        uint256 idA = _openMinor("a");
        vm.warp(T0 + VOTING);
        court.reportSilence(x, idA);
        assertEq(court.challenge(idA).setStake, 50_000 ether, "60,000 - 10,000");
        vm.warp(T0 + 2 * VOTING);
        vm.prank(x);
        court.reactivate();
        assertEq(court.validatorOf(x).leftBond, 0, "back in the set: no bond left with");
        assertEq(court.activeBond(), 59_000 ether, "50,000 + 9,000");
        uint256 idB = _openMinor("b");
        uint256 idC = _openMinor("c");
        vm.warp(T0 + 3 * VOTING);
        court.reportSilence(x, idB);
        assertEq(court.validatorOf(x).bond, 8_100 ether, "9,000 - 10%");
        assertEq(court.validatorOf(x).leftBond, 9_000 ether, "left the set with 9,000");
        court.reportSilence(x, idC);
        assertEq(court.challenge(idB).setStake, 50_000 ether, "59,000 - 9,000");
        assertEq(court.challenge(idC).setStake, 50_000 ether, "59,000 - 9,000, not 8,100");
        (uint256 pool, , , ) = court.balances();
        assertEq(pool, 1_900 ether, "1,000 + 900: penalised once per exit from the set");
    }

    /// Exited, then reported: X is penalised on A (cut to 9,000) and exits while ineligible; Y exits while active.
    /// Both were in the sets of A and B (70,000 each) at 10,000: reporting them on B leaves 70,000 - 2 x 10,000 =
    /// 50,000 (not 51,000), on A likewise; an exiting validator pays no second penalty, and a second report on the
    /// same challenge is refused and changes nothing.
    function test_silentBond_exitedThenReportedLeavesItsFullBond() public {
        _sybils(2);
        (address x, address y) = (sybils[0], sybils[1]);
        uint256 idA = _openMinor("a");
        uint256 idB = _openMinor("b");
        vm.warp(T0 + VOTING);
        court.reportSilence(x, idA);
        vm.prank(x);
        court.exitValidator();
        vm.prank(y);
        court.exitValidator();
        assertEq(court.validatorOf(x).leftBond, 10_000 ether, "exiting keeps the bond it left the set with");
        assertEq(court.validatorOf(y).leftBond, 10_000 ether, "left the set with its whole bond");
        court.reportSilence(x, idB);
        court.reportSilence(y, idB);
        court.reportSilence(y, idA);
        assertEq(court.challenge(idA).setStake, 50_000 ether, "70,000 - 2 x 10,000");
        assertEq(court.challenge(idB).setStake, 50_000 ether, "70,000 - 2 x 10,000, not 10,000 + 9,000");
        assertEq(court.validatorOf(x).bond, 9_000 ether, "no second penalty");
        assertEq(court.validatorOf(y).bond, 10_000 ether, "no penalty once out of the set");
        (uint256 pool, , , ) = court.balances();
        assertEq(pool, 1_000 ether, "X's one penalty");
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.NotSilent.selector, x, idB));
        court.reportSilence(x, idB);
        assertEq(court.challenge(idB).setStake, 50_000 ether, "removed once");
    }

    /// A bond raised after a challenge opened (the only way: exit, withdraw, register again at a raised bond) is
    /// not what that challenge counted. X is in A's set at 10,000, exits and is reported there (60,000 -> 50,000),
    /// withdraws, and registers again at 20,000: B and C count it at 20,000 (70,000 each). Reported on B it is cut
    /// to 18,000, and B and C each lose 20,000: 50,000 (not 52,000 in C). It cannot be reported on A again.
    function test_silentBond_raisedByRegisteringAgainLeavesTheBondEachSetCounted() public {
        _sybils(1);
        address x = sybils[0];
        uint256 idA = _openMinor("a");
        vm.prank(x);
        court.exitValidator();
        vm.warp(T0 + VOTING);
        court.reportSilence(x, idA);
        assertEq(court.challenge(idA).setStake, 50_000 ether, "60,000 - 10,000");
        vm.warp(T0 + 2 * VOTING);
        vm.prank(x);
        court.withdrawBond();
        vm.prank(registry);
        court.setParameter(SlashingKeys.VALIDATOR_BOND, 20_000 ether);
        _mint(x, 20_000 ether);
        vm.startPrank(x);
        token.approve(address(court), 20_000 ether);
        court.registerValidator();
        vm.stopPrank();
        uint256 idB = _openMinor("b");
        uint256 idC = _openMinor("c");
        assertEq(court.challenge(idC).setStake, 70_000 ether, "50,000 + 20,000");
        vm.warp(T0 + 3 * VOTING);
        court.reportSilence(x, idB);
        assertEq(court.validatorOf(x).bond, 18_000 ether, "20,000 - 10%");
        court.reportSilence(x, idC);
        assertEq(court.challenge(idB).setStake, 50_000 ether, "70,000 - 20,000");
        assertEq(court.challenge(idC).setStake, 50_000 ether, "70,000 - 20,000, not 18,000");
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.NotSilent.selector, x, idA));
        court.reportSilence(x, idA);
        assertEq(court.challenge(idA).setStake, 50_000 ether, "unchanged");
    }

    /// @dev The consumer opens a 1% minor challenge of p1 on a new subject.
    function _openMinor(string memory name) internal returns (uint256) {
        bytes32 s = keccak256(bytes(name));
        _subject(s, p1, 0, T0 + 30 days);
        return _open(s, ISlasher.Infraction.Minor, 100);
    }

    // ------------------------------------------------------------------ attack 5

    /// p2 (Platinum, 1,000,000) is disputed for epoch 0 by a victim; p2's alt files the dispute last and opens a 1%
    /// minor challenge. Before: the victim's severe challenge reverted `AlreadyChallenged`, p2 lost 10,000 and the
    /// alt got its stake back plus a reward. Now the victim files again and its severe challenge supersedes the minor
    /// one: the minor waits for it; the severe takes 20% (200,000) and bans, then the minor returns the alt's 1,000
    /// stake without a reward.
    function test_attack5_aHigherClassSupersedesTheProvidersOwnMinorCase() public {
        _register(p2, 1_000_000 ether);
        _fundPool(10_000 ether);
        address victim = makeAddr("victim");
        address alt = makeAddr("alt");
        vm.warp(T0 + DAY);
        _attest(validators[0], p2, 0, 80, 10_000);
        vm.prank(victim);
        metrics.fileDispute(p2, 0);
        vm.prank(alt);
        bytes32 subject = metrics.fileDispute(p2, 0);
        _fundFor(alt);
        vm.prank(alt);
        uint256 minor = court.openChallenge(address(metrics), subject, ISlasher.Infraction.Minor, 100);

        vm.prank(victim);
        metrics.fileDispute(p2, 0);
        _fundFor(victim);
        vm.expectEmit(true, true, false, false, address(court));
        emit IChallengeCourt.ChallengeSuperseded(minor, minor + 1);
        vm.prank(victim);
        uint256 severe = court.openChallenge(address(metrics), subject, ISlasher.Infraction.Severe, 2_000);
        for (uint256 i; i < 5; ++i) {
            _vote(validators[i], minor, true);
            _vote(validators[i], severe, true);
        }
        vm.warp(court.challenge(severe).votingEnds);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.SupersedingPending.selector, minor, severe));
        court.decide(minor);
        assertEq(uint256(court.decide(severe)), uint256(IChallengeCourt.Status.Upheld), "upheld");
        assertEq(_stakeWith(p2), 800_000 ether, "20% of 1,000,000");
        assertTrue(staking.isBanned(p2), "banned");
        assertEq(uint256(court.decide(minor)), uint256(IChallengeCourt.Status.Superseded), "superseded");
        assertEq(token.balanceOf(alt), MIN_STAKE, "stake back, no reward");
        assertEq(_stakeWith(p2), 800_000 ether, "the minor case took nothing more");
    }

    // ------------------------------------------------------------------ rewards follow the slash applied

    /// Two upheld 5% minor challenges of p2 in one cap window: the first applies 5% and pays the 20% reward (200 on a
    /// 1,000 stake); the second finds the minor cap used, applies 0% and pays no reward (it used to pay 200 again).
    function test_rewardFollowsTheSlashApplied() public {
        _register(p2, 1_000_000 ether);
        _fundPool(10_000 ether);
        uint256[2] memory ids;
        for (uint256 k; k < 2; ++k) {
            bytes32 s = keccak256(abi.encode("minor", k));
            source.setSubject(s, p2, consumer, 0, T0 + 30 days);
            ids[k] = _open(s, ISlasher.Infraction.Minor, 500);
            for (uint256 i; i < 3; ++i) _vote(validators[i], ids[k], true);
        }
        vm.warp(T0 + VOTING);
        court.decide(ids[0]);
        assertEq(token.balanceOf(consumer), 1_200 ether, "stake + 20%");
        court.decide(ids[1]);
        assertEq(token.balanceOf(consumer), 2_200 ether, "stake back only");
        assertEq(_stakeWith(p2), 950_000 ether, "5% once");
    }

    function _fundFor(address who) internal {
        _mint(who, MIN_STAKE);
        vm.prank(who);
        token.approve(address(court), MIN_STAKE);
    }
}
