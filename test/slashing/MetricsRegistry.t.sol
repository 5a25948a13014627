// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IChallengeCourt} from "../../contracts/interfaces/IChallengeCourt.sol";
import {IMetricsRegistry} from "../../contracts/interfaces/IMetricsRegistry.sol";
import {IProviderStaking} from "../../contracts/interfaces/IProviderStaking.sol";
import {ISlasher} from "../../contracts/interfaces/ISlasher.sol";
import {MetricsRegistry} from "../../contracts/slashing/MetricsRegistry.sol";
import {SlashingBase} from "./SlashingBase.sol";

/// @notice The metrics registry: attestations and their checks, the advertised latency, epoch aggregates, the
/// 90-epoch rolling window, the trust score, performance multipliers, the provable minor triggers and disputes of
/// attested epochs in the court. Epoch `e` runs from T0 + e days; it can be attested during the next day.
contract MetricsRegistryTest is SlashingBase {
    IMetricsRegistry.Trigger internal constant SLOW = IMetricsRegistry.Trigger.ResponseTime;
    IMetricsRegistry.Trigger internal constant DOWN = IMetricsRegistry.Trigger.Uptime;

    function setUp() public override {
        super.setUp();
        _register(p1, 1_000_000 ether);
        _registerValidators(5);
    }

    function _attest(uint256 v, uint256 epoch, uint256 responseMs, uint256 uptimeBps, uint256 accuracyBps) internal {
        vm.prank(validators[v]);
        metrics.attest(p1, epoch, responseMs, uptimeBps, accuracyBps);
    }

    /// @dev Validators 0, 1 and 2 attest the same figures (the minimum of three an epoch needs to count).
    function _attest3(uint256 epoch, uint256 responseMs, uint256 uptimeBps, uint256 accuracyBps) internal {
        for (uint256 v; v < 3; ++v) _attest(v, epoch, responseMs, uptimeBps, accuracyBps);
    }

    /// @dev Moves to the day after `epoch`, when it can be attested.
    function _toAttestationOf(uint256 epoch) internal {
        vm.warp(T0 + (epoch + 1) * DAY);
    }

    /// Epoch 0 attested by three validators: (80 ms, 100%, 90%), (100 ms, 98%, 95%), (120 ms, 90%, 80%).
    function _threeAttestationsOfEpochZero() internal {
        _toAttestationOf(0);
        _attest(0, 0, 80, 10_000, 9_000);
        _attest(1, 0, 100, 9_800, 9_500);
        _attest(2, 0, 120, 9_000, 8_000);
    }

    function _prove(uint256 epoch, IMetricsRegistry.Trigger trigger) internal returns (ISlasher.SlashResult memory) {
        return metrics.proveMinorInfraction(p1, epoch, trigger);
    }

    // ------------------------------------------------------------------ attestations

    /// Averages 100 ms, 96% uptime, 88.33% accuracy (rounded down); one uptime below 95%. The rolling figures count
    /// each threshold's side holding a bonded majority: 9,000 is down but holds 10,000 of 30,000, so the epoch's
    /// uptime is (10,000 + 9,800) / 2 = 9,900.
    function test_attest_aggregatesTheEpoch() public {
        _toAttestationOf(0);
        vm.expectEmit(true, true, true, true, address(metrics));
        emit IMetricsRegistry.Attested(p1, 0, validators[0], 80, 10_000, 9_000);
        _attest(0, 0, 80, 10_000, 9_000);
        _attest(1, 0, 100, 9_800, 9_500);
        _attest(2, 0, 120, 9_000, 8_000);

        IMetricsRegistry.EpochMetrics memory m = metrics.epochMetrics(p1, 0);
        assertEq(m.attestations, 3, "three attestations");
        assertEq(m.avgResponseMs, 100, "(80 + 100 + 120) / 3");
        assertEq(m.avgUptimeBps, 9_600, "(10,000 + 9,800 + 9,000) / 3");
        assertEq(m.avgAccuracyBps, 8_833, "(9,000 + 9,500 + 8,000) / 3, rounded down");
        assertEq(m.downAttestations, 1, "9,000 < 9,500");
        assertEq(m.slowAttestations, 0, "no advertised latency: never slow");
        IMetricsRegistry.RollingMetrics memory r = metrics.rollingMetrics(p1);
        assertEq(r.attestations, 3, "rolling count");
        assertEq(r.avgUptimeBps, 9_900, "rolling uptime: the up side's mean");
        assertEq(r.latestEpoch, 0, "latest epoch");
    }

    function test_attest_lastSecondOfTheWindow() public {
        vm.warp(T0 + 2 * DAY - 1);
        _attest(0, 0, 80, 10_000, 9_000);
        assertEq(metrics.epochMetrics(p1, 0).attestations, 1, "accepted");
    }

    function test_RevertWhen_attestingAnEpochNotEnded() public {
        vm.prank(validators[0]);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.EpochNotEnded.selector, 0, 0));
        metrics.attest(p1, 0, 80, 10_000, 9_000);
        assertEq(metrics.epochMetrics(p1, 0).attestations, 0, "nothing recorded");
    }

    function test_RevertWhen_attestationWindowClosed() public {
        vm.warp(T0 + 2 * DAY);
        vm.prank(validators[0]);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.AttestationWindowClosed.selector, 0, T0 + 2 * DAY));
        metrics.attest(p1, 0, 80, 10_000, 9_000);
        assertEq(metrics.epochMetrics(p1, 0).attestations, 0, "nothing recorded");
    }

    function test_RevertWhen_attestingTwice() public {
        _toAttestationOf(0);
        _attest(0, 0, 80, 10_000, 9_000);
        vm.prank(validators[0]);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.AlreadyAttested.selector, p1, 0, validators[0]));
        metrics.attest(p1, 0, 500, 0, 0);
        assertEq(metrics.epochMetrics(p1, 0).attestations, 1, "counted once");
        assertEq(metrics.epochMetrics(p1, 0).avgUptimeBps, 10_000, "the first attestation stands");
    }

    function test_RevertWhen_attestedByNonValidatorOrIneligibleOne() public {
        _toAttestationOf(0);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.NotValidator.selector, d1));
        metrics.attest(p1, 0, 80, 10_000, 9_000);
        vm.prank(validators[4]);
        court.exitValidator();
        vm.prank(validators[4]);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.NotValidator.selector, validators[4]));
        metrics.attest(p1, 0, 80, 10_000, 9_000);
        assertEq(metrics.epochMetrics(p1, 0).attestations, 0, "nothing recorded");
    }

    function test_RevertWhen_attestingUnknownProviderOrOneself() public {
        _toAttestationOf(0);
        vm.prank(validators[0]);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.UnknownProvider.selector, d1));
        metrics.attest(d1, 0, 80, 10_000, 9_000);
        _register(validators[0], 10_000 ether);
        vm.prank(validators[0]);
        vm.expectRevert(
            abi.encodeWithSelector(IMetricsRegistry.ConflictOfInterest.selector, validators[0], validators[0])
        );
        metrics.attest(validators[0], 0, 80, 10_000, 9_000);
    }

    function test_RevertWhen_metricsOutOfRange() public {
        _toAttestationOf(0);
        vm.startPrank(validators[0]);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.InvalidMetrics.selector, 80, 10_001, 9_000));
        metrics.attest(p1, 0, 80, 10_001, 9_000);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.InvalidMetrics.selector, 80, 10_000, 10_001));
        metrics.attest(p1, 0, 80, 10_000, 10_001);
        uint256 tooSlow = uint256(type(uint32).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.InvalidMetrics.selector, tooSlow, 10_000, 0));
        metrics.attest(p1, 0, tooSlow, 10_000, 0);
        vm.stopPrank();
        assertEq(metrics.epochMetrics(p1, 0).attestations, 0, "nothing recorded");
    }

    // ------------------------------------------------------------------ advertised latency

    function test_advertiseLatency_appliesFromTheNextEpochOneChangeAtATime() public {
        vm.expectEmit(true, false, false, true, address(metrics));
        emit IMetricsRegistry.LatencyAdvertised(p1, 200, 1);
        vm.prank(p1);
        metrics.advertiseLatency(200);
        assertEq(metrics.advertisedLatency(p1, 0), 0, "not for the current epoch");
        assertEq(metrics.advertisedLatency(p1, 1), 200, "from the next");

        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.LatencyChangePending.selector, 1));
        metrics.advertiseLatency(100);
        vm.warp(T0 + DAY);
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.LatencyChangePending.selector, 1));
        metrics.advertiseLatency(100);

        vm.warp(T0 + 2 * DAY);
        vm.prank(p1);
        metrics.advertiseLatency(300);
        assertEq(metrics.advertisedLatency(p1, 1), 200, "epoch 1, still attestable, keeps its latency");
        assertEq(metrics.advertisedLatency(p1, 2), 200, "so does the current epoch");
        assertEq(metrics.advertisedLatency(p1, 3), 300, "the change applies from the next");
    }

    function test_RevertWhen_advertisingZeroOrByNonProvider() public {
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.InvalidLatency.selector, 0));
        metrics.advertiseLatency(0);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.UnknownProvider.selector, d1));
        metrics.advertiseLatency(100);
        assertEq(metrics.advertisedLatency(p1, 1), 0, "nothing advertised");
    }

    // ------------------------------------------------------------------ provable minor triggers

    /// p1 advertises 200 ms from epoch 1. Epoch 1 attested at 401, 450, 400 and 500 ms: all but 400 (exactly 2x) are
    /// above 2x; three bonds of 10,000 breach: 30,000 of 40,000 attested and of 50,000 in the set, a majority of both.
    /// Proven after the window: 1% slashed.
    function test_proveMinorInfraction_responseTimeAboveTwiceTheAdvertised() public {
        vm.prank(p1);
        metrics.advertiseLatency(200);
        _toAttestationOf(1);
        _attest(0, 1, 401, 10_000, 9_000);
        _attest(1, 1, 450, 10_000, 9_000);
        _attest(2, 1, 400, 10_000, 9_000);
        _attest(3, 1, 500, 10_000, 9_000);
        assertEq(metrics.epochMetrics(p1, 1).slowAttestations, 3, "401, 450 and 500 breach, 400 does not");
        assertEq(metrics.epochMetrics(p1, 1).slowStake, 30_000 ether, "three bonds");

        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.AttestationsStillOpen.selector, 1, T0 + 3 * DAY));
        _prove(1, SLOW);

        vm.warp(T0 + 3 * DAY);
        bytes32 evidence = metrics.evidenceIdOf(p1, 1, SLOW);
        assertEq(evidence, keccak256(abi.encode(address(metrics), p1, uint256(1), SLOW)), "derived evidence");
        vm.expectEmit(true, true, false, true, address(metrics));
        emit IMetricsRegistry.MinorInfractionProven(p1, 1, SLOW, evidence, address(this), 100);
        ISlasher.SlashResult memory r = _prove(1, SLOW);
        assertEq(r.appliedBps, 100, "the minor class minimum, 1%");
        assertEq(r.fromActive, 10_000 ether, "1% of 1,000,000");
        assertEq(_stakeOf(p1), 990_000 ether, "slashed");

        vm.expectRevert(abi.encodeWithSelector(ISlasher.EvidenceAlreadyUsed.selector, evidence));
        _prove(1, SLOW);
        assertEq(_stakeOf(p1), 990_000 ether, "never twice for one epoch and trigger");
    }

    /// Epoch 0 uptimes 94.99%, 90%, 95% and 50%: three below 95% (30,000 of bonds of the 50,000 set). The uptime
    /// trigger holds; the response-time trigger of the same epoch does not (80 ms is below 2x the 2,000 ms default).
    function test_proveMinorInfraction_uptimeBelowNinetyFivePercent() public {
        _toAttestationOf(0);
        _attest(0, 0, 80, 9_499, 9_000);
        _attest(1, 0, 80, 9_000, 9_000);
        _attest(2, 0, 80, 9_500, 9_000);
        _attest(3, 0, 80, 5_000, 9_000);
        vm.warp(T0 + 2 * DAY);
        assertEq(_prove(0, DOWN).fromActive, 10_000 ether, "1% slashed");
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.ConditionNotMet.selector, SLOW, 0, 40_000 ether));
        _prove(0, SLOW);
    }

    function test_RevertWhen_triggerHeldByAMinorityOnly() public {
        _toAttestationOf(0);
        _attest(0, 0, 80, 9_499, 9_000);
        _attest(1, 0, 80, 9_500, 9_000);
        _attest(2, 0, 80, 10_000, 9_000);
        _attest(3, 0, 80, 9_000, 9_000);
        vm.warp(T0 + 2 * DAY);
        vm.expectRevert(
            abi.encodeWithSelector(IMetricsRegistry.ConditionNotMet.selector, DOWN, 20_000 ether, 40_000 ether)
        );
        _prove(0, DOWN);
        assertEq(_stakeOf(p1), 1_000_000 ether, "half is not a majority: nothing slashed");
    }

    function test_RevertWhen_tooFewAttestationsOrNone() public {
        _toAttestationOf(0);
        _attest(0, 0, 80, 0, 0);
        _attest(1, 0, 80, 0, 0);
        vm.warp(T0 + 2 * DAY);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.NotEnoughAttestations.selector, 2, 3));
        _prove(0, DOWN);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.NoAttestations.selector, p1, 1));
        _prove(1, DOWN);
        assertEq(_stakeOf(p1), 1_000_000 ether, "nothing slashed");
    }

    // ------------------------------------------------------------------ rolling figures

    /// Three validators attest epochs 0 to 94 with a response time of 100 + e ms. The window after epoch 94 holds
    /// epochs 5 to 94: 270 attestations, average 3 x (9,000 + 4,455) / 270 = 149.5 -> 149 ms.
    function test_rollingMetrics_keepTheLastNinetyEpochs() public {
        for (uint256 e; e < 95; ++e) {
            _toAttestationOf(e);
            _attest3(e, 100 + e, 10_000, 9_000);
        }
        IMetricsRegistry.RollingMetrics memory r = metrics.rollingMetrics(p1);
        assertEq(r.attestations, 270, "90 epochs of three");
        assertEq(r.avgResponseMs, 149, "epochs 5-94");
        assertEq(r.latestEpoch, 94, "latest");
        assertEq(metrics.epochMetrics(p1, 4).attestations, 0, "epoch 4 left the window");
        assertEq(metrics.epochMetrics(p1, 5).attestations, 3, "epoch 5 is the oldest kept");
    }

    /// An epoch's figures are replaced in the sums at each attestation after the third and leave them whole with the
    /// window. Epoch 0: 80, 100, 120 ms (slow side 2 of 3: 110), then a fourth at 90 and a fifth at 60 (fast side
    /// 3 of 5: (80 + 90 + 60) / 3 = 76); accuracies 90%, 95%, 80%, 10%, 20% (low side 2 of 5: the high side, 88.33%).
    /// Epoch 1: 50 ms. Epoch 90 (60 ms) pushes epoch 0 out: (50 + 60) / 2 = 55 ms over 6 attestations.
    function test_rollingMetrics_epochFiguresAreReplacedAndLeaveWhole() public {
        _threeAttestationsOfEpochZero();
        assertEq(metrics.rollingMetrics(p1).avgResponseMs, 110, "(100 + 120) / 2");
        _attest(3, 0, 90, 10_000, 1_000);
        _attest(4, 0, 60, 10_000, 2_000);
        IMetricsRegistry.RollingMetrics memory r = metrics.rollingMetrics(p1);
        assertEq(r.attestations, 5, "five");
        assertEq(r.avgResponseMs, 76, "the fast side now holds 30,000 of 50,000");
        assertEq(r.avgAccuracyBps, 8_833, "26,500 / 3: the low side holds 20,000 of 50,000");
        _toAttestationOf(1);
        _attest3(1, 50, 10_000, 9_000);
        assertEq(metrics.rollingMetrics(p1).avgResponseMs, 63, "(76 + 50) / 2");
        _toAttestationOf(90);
        _attest3(90, 60, 10_000, 9_000);
        r = metrics.rollingMetrics(p1);
        assertEq(r.attestations, 6, "epochs 1 and 90");
        assertEq(r.avgResponseMs, 55, "(50 + 60) / 2");
        assertEq(r.avgAccuracyBps, 9_000, "epoch 0 left whole");
    }

    /// Epochs 0-9, then 50 (a gap inside the window), then 95: the window (5, 95] keeps 6-9, 50 and 95.
    /// Then epoch 200, a whole window later: only itself. Then nothing for 90 epochs: no figures.
    function test_rollingMetrics_acrossGaps() public {
        for (uint256 e; e < 10; ++e) {
            _toAttestationOf(e);
            _attest3(e, 100, 10_000, 9_000);
        }
        _toAttestationOf(50);
        _attest3(50, 100, 10_000, 9_000);
        assertEq(metrics.rollingMetrics(p1).attestations, 33, "a gap inside the window evicts nothing");
        _toAttestationOf(95);
        _attest3(95, 400, 10_000, 9_000);
        IMetricsRegistry.RollingMetrics memory r = metrics.rollingMetrics(p1);
        assertEq(r.attestations, 18, "6, 7, 8, 9, 50, 95, three each");
        assertEq(r.avgResponseMs, 150, "3 x (5 x 100 + 400) / 18");
        _toAttestationOf(200);
        _attest3(200, 300, 5_000, 1_000);
        r = metrics.rollingMetrics(p1);
        assertEq(r.attestations, 3, "a jump of a whole window resets");
        assertEq(r.avgUptimeBps, 5_000, "only epoch 200");
        vm.warp(T0 + 291 * DAY);
        assertEq(metrics.rollingMetrics(p1).attestations, 0, "the window has passed: no figures");
        assertEq(metrics.trustScore(p1), 0, "and no metric part in the score");
    }

    // ------------------------------------------------------------------ trust score and performance

    /// Epoch 0's rolling figures (80, 100, 120 ms: the slow side, 100 ms or more, holds 20,000 of 30,000, so 110 ms;
    /// uptime 99%: the up side; accuracy 88.33%: every figure on the high side) and 100,000 of reputation stake
    /// (score 500): latency score 1,000 x 100 / 110 = 909, so (4,000 x 990 + 3,000 x 883.3 + 2,000 x 909 + 1,000 x
    /// 500) / 10,000 = 8,927,900 / 10,000 -> 892.
    function test_trustScore_combinesRollingFiguresAndReputationStake() public {
        _mint(p1, 100_000 ether);
        vm.startPrank(p1);
        token.approve(address(reputation), 100_000 ether);
        reputation.addStake(100_000 ether);
        vm.stopPrank();
        assertEq(metrics.trustScore(p1), 50, "no attestations yet: 10% x 500");
        _threeAttestationsOfEpochZero();
        assertEq(metrics.rollingMetrics(p1).avgResponseMs, 110, "the slow side's mean");
        assertEq(metrics.trustScore(p1), 892, "by hand");
    }

    /// 200 ms on average is twice the 100 ms reference: a latency score of 500.
    /// (4,000 x 1,000 + 3,000 x 1,000 + 2,000 x 500) / 10,000 = 800.
    function test_trustScore_latencyScoreFallsWithTheResponseTime() public {
        _toAttestationOf(0);
        _attest3(0, 200, 10_000, 10_000);
        assertEq(metrics.trustScore(p1), 800, "by hand");
    }

    /// Responses 50, 60, 70 ms (average 60, below 100): the 1.2x speed bonus. Accuracy 88.33%: quality
    /// 1 + 0.5 x 0.8833 = 1.4416x. Pool multiplier 1.2 x 1.4416 = 1.7299x.
    function test_syncPerformance_setsStakingMultipliersFromRollingFigures() public {
        _toAttestationOf(0);
        _attest(0, 0, 50, 10_000, 9_000);
        _attest(1, 0, 60, 9_800, 9_500);
        _attest(2, 0, 70, 9_000, 8_000);
        vm.expectEmit(true, false, false, true, address(metrics));
        emit IMetricsRegistry.PerformanceSynced(p1, 12_000, 14_416);
        (uint256 speed, uint256 quality) = metrics.syncPerformance(p1);
        assertEq(speed, 12_000, "speed bonus");
        assertEq(quality, 14_416, "quality from accuracy");
        assertEq(staking.providerInfo(p1).performanceMultiplierBps, 17_299, "their product");
    }

    function test_syncPerformance_withoutFiguresIsNeutral() public {
        (uint256 speed, uint256 quality) = metrics.syncPerformance(p1);
        assertEq(speed, 10_000, "1x");
        assertEq(quality, 10_000, "1x");
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.UnknownProvider.selector, d1));
        metrics.syncPerformance(d1);
    }

    // ------------------------------------------------------------------ disputes in the court

    /// A consumer disputes epoch 0 (minor quality claim); the court upholds it: 3% slashed, minimum stake 1,000
    /// (an epoch carries no value) returned with a 20% reward.
    function test_fileDispute_makesAnAttestedEpochChallengeable() public {
        _threeAttestationsOfEpochZero();
        _fundPool(1_000 ether);
        vm.expectEmit(true, true, false, true, address(metrics));
        emit IMetricsRegistry.DisputeFiled(metrics.subjectIdOf(p1, 0), p1, 0, consumer);
        vm.prank(consumer);
        bytes32 subjectId = metrics.fileDispute(p1, 0);
        (address provider, address who, uint256 value, uint256 deadline) = metrics.challengeSubject(subjectId);
        assertEq(provider, p1, "provider decoded from the subject");
        assertEq(who, consumer, "the filer may challenge");
        assertEq(value, 0, "no value");
        assertEq(deadline, T0 + DAY + 7 days, "seven days after the epoch ends");

        _mint(consumer, MIN_STAKE);
        vm.startPrank(consumer);
        token.approve(address(court), MIN_STAKE);
        uint256 id = court.openChallenge(address(metrics), subjectId, ISlasher.Infraction.Minor, 300);
        vm.stopPrank();
        for (uint256 i; i < 3; ++i) _vote(validators[i], id, true);
        vm.warp(court.challenge(id).votingEnds);
        assertEq(uint256(court.decide(id)), uint256(IChallengeCourt.Status.Upheld), "upheld");
        assertEq(_stakeOf(p1), 970_000 ether, "3% slashed");
        assertEq(token.balanceOf(consumer), 1_200 ether, "stake and 20% reward");
    }

    function test_RevertWhen_disputingUnattestedLateOrOwnEpoch() public {
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.NoAttestations.selector, p1, 0));
        metrics.fileDispute(p1, 0);
        _threeAttestationsOfEpochZero();
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.ConflictOfInterest.selector, p1, p1));
        metrics.fileDispute(p1, 0);
        vm.warp(T0 + DAY + 7 days + 1);
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.DisputeWindowClosed.selector, 0, T0 + 8 days));
        metrics.fileDispute(p1, 0);
        (address provider, , , ) = metrics.challengeSubject(metrics.subjectIdOf(p1, 0));
        assertEq(provider, address(0), "no subject filed");
    }

    // ------------------------------------------------------------------ configuration

    function test_config_readsBack() public view {
        IMetricsRegistry.Config memory c = metrics.config();
        assertEq(c.start, T0, "start");
        assertEq(c.windowEpochs, 90, "window");
        assertEq(c.trustWeightsBps[0], 4_000, "uptime weight");
        assertEq(c.trustWeightsBps[3], 1_000, "stake weight");
        assertEq(c.disputeWindow, 7 days, "dispute window");
        assertEq(metrics.currentEpoch(), 0, "epoch 0 at T0");
    }

    function test_RevertWhen_constructedWithBadNumbers() public {
        IMetricsRegistry.Config memory c = _metricsConfig();
        c.trustWeightsBps[0] = 4_001;
        vm.expectRevert(IMetricsRegistry.InvalidConfiguration.selector);
        new MetricsRegistry(court, slasherContract, address(manager), c);
        c = _metricsConfig();
        c.attestationWindow = DAY + 1;
        vm.expectRevert(IMetricsRegistry.InvalidConfiguration.selector);
        new MetricsRegistry(court, slasherContract, address(manager), c);
        c = _metricsConfig();
        c.start = block.timestamp + 1;
        vm.expectRevert(IMetricsRegistry.InvalidConfiguration.selector);
        new MetricsRegistry(court, slasherContract, address(manager), c);
        assertEq(uint256(staking.tierOf(p1).tier), uint256(IProviderStaking.Tier.Platinum), "fixture intact");
    }
}
