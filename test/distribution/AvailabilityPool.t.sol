// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {AvailabilityPool} from "../../contracts/distribution/AvailabilityPool.sol";
import {IAvailabilityPool} from "../../contracts/interfaces/IAvailabilityPool.sol";
import {IDistributionPool} from "../../contracts/interfaces/IDistributionPool.sol";
import {IEpochClock} from "../../contracts/interfaces/IEpochClock.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {DistributionBase} from "./DistributionBase.sol";

/// @notice Proof of availability against hand-computed A-Pay and C-Pay, with the 85% edges and the quota cap.
/// Rules: quota 100, thresholds 85.00%, challengers' share 15%; services: 0 -> 10,000 QRY, 1 -> 50,000 QRY. A
/// funder standing in for the engine funds each epoch with 1,000,000 QRY: 850,000 for providers (A), 150,000 for
/// challengers (C).
contract AvailabilityPoolTest is DistributionBase {
    uint256 internal constant BUDGET = 1_000_000 ether;

    address internal funder;
    address internal c1;
    address internal c2;
    address internal c3;
    address internal c4;

    function setUp() public override {
        super.setUp();
        funder = makeAddr("funder");
        vm.prank(admin);
        manager.grantRole(Roles.DISTRIBUTION_ENGINE, funder, 0);
        c1 = makeAddr("c1");
        c2 = makeAddr("c2");
        c3 = makeAddr("c3");
        c4 = makeAddr("c4");
        _grantChallenger(c1);
        _grantChallenger(c2);
        _grantChallenger(c3);
        _grantChallenger(c4);
    }

    function _fund(uint256 epoch) internal returns (uint256 returned) {
        _warpToEnd(epoch);
        _mint(funder, BUDGET);
        vm.startPrank(funder);
        qry.transfer(address(availability), BUDGET);
        returned = availability.fundEpoch(epoch, BUDGET);
        vm.stopPrank();
    }

    // ------------------------------------------------------------------ A-Pay

    /// @dev P1 (10,000 QRY service) 100/100, P2 (50,000) 90/100, P3 (10,000) 8,499/10,000 = 84.99%.
    /// sum MinStake = 70,000; P1: 850,000 x 10,000 / 70,000; P2: 850,000 x (50,000 x 0.9) / 70,000; P3: 0.
    /// Paid to providers: 850,000 x 55,000 / 70,000 = 667,857.142857142857142857; c1 alone is active (10,200
    /// registered, capped at the quota): the whole 150,000. The rest, 182,142.857142857142857143, goes back.
    function test_availabilityPay_byMinStakeAndObservedAvailability() public {
        address p1 = _provider("p1", 0, SERVICE0_MIN_STAKE);
        address p2 = _provider("p2", 1, SERVICE1_MIN_STAKE);
        address p3 = _provider("p3", 0, SERVICE0_MIN_STAKE);
        _record(c1, p1, 100, 100);
        _record(c1, p2, 100, 90);
        _record(c1, p3, 10_000, 8_499);
        IAvailabilityPool.EpochTotals memory t = availability.epochTotals(0);
        assertEq(uint256(t.sumMinStake), 70_000 ether, "sum of MinStake over challenged providers");
        assertEq(uint256(t.sumWeight), 55_000 ether, "10,000 x 1 + 50,000 x 0.9 + 0");

        assertEq(_fund(0), 182_142_857_142_857_142_857_143, "unpaid parts back to the engine");
        IAvailabilityPool.Budgets memory b = availability.budgetsOf(0);
        assertEq(uint256(b.providers), 850_000 ether, "providers: 85%");
        assertEq(uint256(b.challengers), 150_000 ether, "challengers: 15%");
        assertEq(_claimA(p1, 0), 121_428_571_428_571_428_571_428, "P1: 850,000 / 7");
        assertEq(_claimA(p2, 0), 546_428_571_428_571_428_571_428, "P2: 850,000 x 9 / 14");
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.NothingToClaim.selector, 0, p3));
        _claimA(p3, 0);
        assertEq(_claimC(c1, 0), 150_000 ether, "c1: the whole challengers' part");
        IDistributionPool.Ledger memory book = availability.ledger(0);
        assertEq(uint256(book.funded), 817_857_142_857_142_857_142_857, "funded: what the formulas pay");
        assertEq(uint256(book.claimed), 817_857_142_857_142_857_142_856, "claimed: one wei of rounding left");
    }

    /// @dev 84.99% pays nothing, 85.00% pays: both 10,000 QRY providers count in the sum of MinStake (20,000);
    /// the one at 85% earns 850,000 x (10,000 x 0.85) / 20,000 = 361,250.
    function test_availabilityPay_eightyFivePercentEdge() public {
        address below = _provider("below", 0, SERVICE0_MIN_STAKE);
        address edge = _provider("edge", 0, SERVICE0_MIN_STAKE);
        _record(c1, below, 10_000, 8_499);
        _record(c1, edge, 10_000, 8_500);
        _fund(0);
        assertEq(availability.availabilityPayOf(0, below), 0, "84.99%: nothing");
        assertEq(availability.availabilityPayOf(0, edge), 361_250 ether, "85.00%: paid at 85%");
        assertEq(_claimA(edge, 0), 361_250 ether, "claimed");
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.NothingToClaim.selector, 0, below));
        _claimA(below, 0);
    }

    /// @dev Answers arriving in several records: the provider's term in the running sum is replaced each time, and
    /// a provider that climbs over 85% starts counting.
    function test_recordChallenges_providerClimbsOverTheThreshold() public {
        address p1 = _provider("p1", 0, SERVICE0_MIN_STAKE);
        _record(c1, p1, 100, 80); // 80%
        assertEq(uint256(availability.epochTotals(0).sumWeight), 0, "80%: no weight");
        _record(c2, p1, 100, 100); // 180 / 200 = 90%
        assertEq(uint256(availability.epochTotals(0).sumWeight), 9_000 ether, "90% of 10,000");
        _record(c1, p1, 100, 0); // 180 / 300 = 60%
        assertEq(uint256(availability.epochTotals(0).sumWeight), 0, "back below: weight removed");
        IAvailabilityPool.ProviderRecord memory r = availability.providerRecord(0, p1);
        assertEq(uint256(r.challenges), 300, "challenges");
        assertEq(uint256(r.answered), 180, "answered");
        assertEq(uint256(r.minStake), SERVICE0_MIN_STAKE, "MinStake of its service");
    }

    // ------------------------------------------------------------------ C-Pay

    /// @dev One provider answers everything (A-Pay 850,000). Challengers register 100 (activity 1), 85 (0.85), 84
    /// (0: below 85% of the quota) and 150 (capped at 1); N = 3 active. C-Pay: 150,000 / 3 x activity = 50,000,
    /// 42,500, 0 and 50,000; 7,500 stays unpaid.
    function test_challengerPay_byActivityWithTheQuotaCap() public {
        address p1 = _provider("p1", 0, SERVICE0_MIN_STAKE);
        _record(c1, p1, 100, 100);
        _record(c2, p1, 80, 80);
        _record(c2, p1, 5, 5); // crosses 85 in a second record
        _record(c3, p1, 84, 84);
        _record(c4, p1, 90, 90);
        _record(c4, p1, 60, 60); // past the quota: capped
        IAvailabilityPool.EpochTotals memory t = availability.epochTotals(0);
        assertEq(uint256(t.activeChallengers), 3, "N: c1, c2, c4");
        assertEq(uint256(t.sumActivity), 285, "100 + 85 + 100");

        assertEq(_fund(0), 7_500 ether, "150,000 x (1 - 285 / 300) back");
        assertEq(_claimC(c1, 0), 50_000 ether, "c1: 100% of 50,000");
        assertEq(_claimC(c2, 0), 42_500 ether, "c2: 85% of 50,000");
        assertEq(_claimC(c4, 0), 50_000 ether, "c4: capped at 100%");
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.NothingToClaim.selector, 0, c3));
        _claimC(c3, 0);
        assertEq(_claimA(p1, 0), 850_000 ether, "p1: all of A at 100%");
        assertEq(qry.balanceOf(address(availability)), 0, "everything funded was paid");
    }

    function test_challengerPay_eightyFivePercentOfTheQuotaEdge() public {
        address p1 = _provider("p1", 0, SERVICE0_MIN_STAKE);
        _record(c1, p1, 84, 84);
        _record(c2, p1, 85, 85);
        _fund(0);
        assertEq(availability.challengerPayOf(0, c1), 0, "84 of 100: nothing");
        // N = 1: 150,000 x 85 / 100.
        assertEq(availability.challengerPayOf(0, c2), 127_500 ether, "85 of 100: 85% of the whole part");
    }

    function test_fundEpoch_sendsEverythingBackWithoutRecords() public {
        assertEq(_fund(0), BUDGET, "nobody challenged: all back");
        assertEq(uint256(availability.budgetsOf(0).providers), 0, "no budgets kept");
    }

    // ------------------------------------------------------------------ rules per epoch

    function test_rules_fixedByTheEpochsFirstRecord() public {
        address p1 = _provider("p1", 0, SERVICE0_MIN_STAKE);
        _record(c1, p1, 90, 90);
        bytes32 key = availability.CHALLENGE_QUOTA();
        _register(address(availability), key, 1, 10_000);
        vm.prank(emergency);
        params.setEmergency(address(availability), key, 200);
        assertEq(uint256(availability.rules().quota), 200, "new quota in force");
        _record(c2, p1, 90, 90);
        assertEq(uint256(availability.epochTotals(0).quota), 100, "epoch 0 keeps its quota");
        assertEq(uint256(availability.epochTotals(0).activeChallengers), 2, "90 of 100 each");
        vm.warp(START + EPOCH);
        _record(c1, p1, 90, 90);
        assertEq(uint256(availability.epochTotals(1).quota), 200, "epoch 1 uses the new quota");
        assertEq(uint256(availability.epochTotals(1).activeChallengers), 0, "90 of 200: inactive");
    }

    function test_RevertWhen_quotaIsSetToZero() public {
        bytes32 key = availability.CHALLENGE_QUOTA();
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, key, 0));
        vm.prank(address(params));
        availability.setParameter(key, 0);
        assertEq(availability.parameter(key), QUOTA, "unchanged");
    }

    function test_RevertWhen_constructorQuotaIsZero() public {
        IAvailabilityPool.Rules memory r = _rules();
        r.quota = 0;
        uint256[] memory minStakes = new uint256[](1);
        minStakes[0] = 1 ether;
        vm.expectRevert(
            abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, availability.CHALLENGE_QUOTA(), 0)
        );
        new AvailabilityPool(address(qry), address(manager), START, EPOCH, CLAIM_WINDOW, address(stakes), r, minStakes);
    }

    function test_RevertWhen_constructorServicesAreInvalid() public {
        uint256[] memory none = new uint256[](0);
        vm.expectRevert(abi.encodeWithSelector(IAvailabilityPool.InvalidServiceCount.selector, 0, 8));
        new AvailabilityPool(
            address(qry),
            address(manager),
            START,
            EPOCH,
            CLAIM_WINDOW,
            address(stakes),
            _rules(),
            none
        );
        uint256[] memory zero = new uint256[](1);
        bytes32 key = availability.minStakeKey(0);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, key, 0));
        new AvailabilityPool(
            address(qry),
            address(manager),
            START,
            EPOCH,
            CLAIM_WINDOW,
            address(stakes),
            _rules(),
            zero
        );
    }

    function test_setParameter_thresholdsShareAndMinStakes() public {
        bytes32 availabilityKey = availability.AVAILABILITY_THRESHOLD();
        bytes32 activityKey = availability.ACTIVITY_THRESHOLD();
        bytes32 shareKey = availability.CHALLENGER_SHARE();
        bytes32 service1Key = availability.minStakeKey(1);
        bytes32 unknown = availability.minStakeKey(2);
        vm.startPrank(address(params));
        availability.setParameter(availabilityKey, 9_000);
        availability.setParameter(activityKey, 8_000);
        availability.setParameter(shareKey, 2_000);
        availability.setParameter(service1Key, 60_000 ether);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, availabilityKey, 10_001));
        availability.setParameter(availabilityKey, 10_001);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, unknown));
        availability.setParameter(unknown, 1 ether);
        vm.stopPrank();
        IAvailabilityPool.Rules memory r = availability.rules();
        assertEq(uint256(r.availabilityBps), 9_000, "availability threshold");
        assertEq(uint256(r.activityBps), 8_000, "activity threshold");
        assertEq(uint256(r.challengerShareBps), 2_000, "share");
        assertEq(availability.minStakeOf(1), 60_000 ether, "service 1 minimum");
        assertEq(availability.parameter(service1Key), 60_000 ether, "read back");
    }

    // ------------------------------------------------------------------ bad input

    function test_RevertWhen_recordByANonChallenger() public {
        address p1 = _provider("p1", 0, SERVICE0_MIN_STAKE);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        availability.recordChallenges(0, p1, 10, 10);
        assertEq(uint256(availability.providerRecord(0, p1).challenges), 0, "nothing recorded");
    }

    function test_RevertWhen_recordForAClosedEpoch() public {
        address p1 = _provider("p1", 0, SERVICE0_MIN_STAKE);
        vm.warp(START + EPOCH);
        vm.expectRevert(abi.encodeWithSelector(IEpochClock.EpochNotOpen.selector, 0, 1));
        vm.prank(c1);
        availability.recordChallenges(0, p1, 10, 10);
        assertEq(uint256(availability.providerRecord(0, p1).challenges), 0, "nothing recorded");
        assertEq(uint256(availability.epochTotals(0).quota), 0, "epoch untouched");
    }

    function test_RevertWhen_recordHasNoChallengesOrTooManyAnswers() public {
        address p1 = _provider("p1", 0, SERVICE0_MIN_STAKE);
        vm.startPrank(c1);
        vm.expectRevert(IAvailabilityPool.ZeroChallenges.selector);
        availability.recordChallenges(0, p1, 0, 0);
        vm.expectRevert(abi.encodeWithSelector(IAvailabilityPool.AnswersExceedChallenges.selector, 11, 10));
        availability.recordChallenges(0, p1, 10, 11);
        vm.stopPrank();
        assertEq(uint256(availability.challengerRecord(0, c1).registered), 0, "nothing registered");
    }

    function test_RevertWhen_providerIsUnregisteredInactiveOrUnderStaked() public {
        address nobody = makeAddr("nobody");
        vm.expectRevert(abi.encodeWithSelector(IAvailabilityPool.ProviderNotRegistered.selector, nobody));
        _record(c1, nobody, 10, 10);
        address p2 = _provider("p2", 1, SERVICE1_MIN_STAKE - 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IDistributionPool.StakeBelowMinimum.selector,
                p2,
                SERVICE1_MIN_STAKE - 1,
                SERVICE1_MIN_STAKE
            )
        );
        _record(c1, p2, 10, 10);
        stakes.setStake(p2, false, SERVICE1_MIN_STAKE);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.InactiveProvider.selector, p2));
        _record(c1, p2, 10, 10);
        assertEq(uint256(availability.epochTotals(0).sumMinStake), 0, "no provider counted");
    }

    /// @dev Regression (issue 19, A-Pay; was a known issue): one stake rotated through two providers in an epoch.
    /// Before, the pool asked a provider's bonded stake (delegations included, read live) at its first record only and
    /// nothing at the claim: P1 was recorded on day 0, its stake unbonded to P2 by day 14, P2 was recorded too, and
    /// the attacker took 2 x 283,333.333333333333333333 = 566,666.666666666666666666 QRY on one stake (as one
    /// identity: 425,000) while the honest provider's third fell from a half. Now a provider qualifies on its own
    /// stake, locked at its first record of epoch 0 until day 30 + 90 (the claim window) = day 120, and the claim asks
    /// the stake again. Service 0 (10,000 QRY), c1 the only challenger:
    ///   - day 0: H (locked for good) 100/100. P1 (10,000 QRY locked to day 14 only) is refused,
    ///     `StakeNotLocked(P1, day 14, day 120)`, nothing written; locked to day 120 it is recorded 100/100;
    ///   - day 14: the stake cannot leave P1 before day 120: P2 (no own stake) is refused,
    ///     `StakeBelowMinimum(P2, 0, 10,000)`;
    ///   - sum MinStake = 20,000 = sum of weights: the providers' 850,000 splits 425,000 to H and 425,000 to P1 (by
    ///     hand: 850,000 x 10,000 / 20,000); P2 has nothing to claim.
    function test_attack_availabilityStakeRotatedThroughTwoProviders_paysOneProvider() public {
        uint256 required = START + 120 days;
        assertEq(availability.lockRequiredFor(0), required, "day 30 + 90");
        address honest = _provider("honest", 0, SERVICE0_MIN_STAKE);
        _record(c1, honest, 100, 100);
        assertEq(availability.epochTotals(0).lockWindow, 90 days, "the epoch's window, fixed at its first record");

        address p1 = _provider("p1", 0, SERVICE0_MIN_STAKE);
        stakes.setLock(p1, START + 14 days);
        vm.expectRevert(
            abi.encodeWithSelector(IAvailabilityPool.StakeNotLocked.selector, p1, START + 14 days, required)
        );
        _record(c1, p1, 100, 100);
        assertEq(uint256(availability.providerRecord(0, p1).challenges), 0, "nothing recorded");
        stakes.setLock(p1, required);
        _record(c1, p1, 100, 100);

        vm.warp(START + 14 days);
        address p2 = _provider("p2", 0, 0);
        vm.expectRevert(
            abi.encodeWithSelector(IDistributionPool.StakeBelowMinimum.selector, p2, 0, SERVICE0_MIN_STAKE)
        );
        _record(c1, p2, 100, 100);
        assertEq(uint256(availability.epochTotals(0).sumMinStake), 20_000 ether, "two providers on two stakes");

        assertEq(_fund(0), 0, "everything payable");
        assertEq(_claimA(p1, 0), 425_000 ether, "P1: what one identity earns on the stake");
        assertEq(availability.availabilityPayOf(0, honest), 425_000 ether, "H keeps half");
        vm.prank(p2);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.NothingToClaim.selector, 0, p2));
        availability.claimAvailability(0);
    }

    /// @dev The claim asks the stake again, against the minimum the provider was recorded under: a provider slashed
    /// below it, or banned, after its records collects nothing (and can once it is restored); a later raise of the
    /// minimum voids nothing earned.
    function test_RevertWhen_claimingWithoutTheStakeRecordedUnder() public {
        address p1 = _provider("p1", 0, SERVICE0_MIN_STAKE);
        _record(c1, p1, 100, 100);
        _fund(0);
        stakes.setStake(p1, true, SERVICE0_MIN_STAKE - 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IDistributionPool.StakeBelowMinimum.selector,
                p1,
                SERVICE0_MIN_STAKE - 1,
                SERVICE0_MIN_STAKE
            )
        );
        _claimA(p1, 0);
        stakes.setStake(p1, false, SERVICE0_MIN_STAKE);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.InactiveProvider.selector, p1));
        _claimA(p1, 0);
        assertFalse(availability.providerRecord(0, p1).claimed, "not claimed");
        assertEq(qry.balanceOf(p1), 0, "nothing paid");

        // Restored, with the service's minimum raised since: paid what it earned under the old one.
        bytes32 key = availability.minStakeKey(0);
        _register(address(availability), key, 1, 1_000_000 ether);
        vm.prank(emergency);
        params.setEmergency(address(availability), key, 20_000 ether);
        stakes.setStake(p1, true, SERVICE0_MIN_STAKE);
        assertEq(_claimA(p1, 0), 850_000 ether, "850,000 x 10,000 / 10,000");
    }

    /// @dev Before an epoch's first record, `lockRequiredFor` follows the claim window in force; the first record
    /// fixes it for the epoch, so a later change of the window moves neither the requirement nor the records.
    function test_lockRequiredFor_fixedByTheEpochsFirstRecord() public {
        bytes32 key = availability.CLAIM_WINDOW();
        _register(address(availability), key, 1 days, 365 days);
        vm.prank(emergency);
        params.setEmergency(address(availability), key, 60 days);
        assertEq(availability.lockRequiredFor(0), START + 90 days, "day 30 + 60, before any record");
        address p1 = _provider("p1", 0, SERVICE0_MIN_STAKE);
        _record(c1, p1, 100, 100);
        vm.prank(emergency);
        params.setEmergency(address(availability), key, 120 days);
        assertEq(availability.lockRequiredFor(0), START + 90 days, "fixed at the first record");
        assertEq(availability.lockRequiredFor(1), START + 180 days, "epoch 1: day 60 + 120");
        address p2 = _provider("p2", 0, SERVICE0_MIN_STAKE);
        stakes.setLock(p2, START + 90 days);
        _record(c1, p2, 100, 100);
        assertEq(uint256(availability.providerRecord(0, p2).challenges), 100, "locked to day 90: enough for epoch 0");
    }

    function test_RevertWhen_registeringAnUnknownService() public {
        vm.expectRevert(abi.encodeWithSelector(IAvailabilityPool.UnknownService.selector, 2, 2));
        vm.prank(stranger);
        availability.registerService(2);
        (bool registered, ) = availability.serviceOf(stranger);
        assertFalse(registered, "not registered");
    }

    function test_registerService_recordsTheService() public {
        vm.expectEmit(true, false, false, true, address(availability));
        emit IAvailabilityPool.ServiceRegistered(stranger, 1);
        vm.prank(stranger);
        availability.registerService(1);
        (bool registered, uint256 service) = availability.serviceOf(stranger);
        assertTrue(registered, "registered");
        assertEq(service, 1, "service 1");
    }

    function test_RevertWhen_claimingTwiceOrBeforeFunding() public {
        address p1 = _provider("p1", 0, SERVICE0_MIN_STAKE);
        _record(c1, p1, 100, 100);
        _warpToEnd(0);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.EpochNotFunded.selector, 0));
        _claimA(p1, 0);
        _fund(0);
        _claimA(p1, 0);
        _claimC(c1, 0);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.AlreadyClaimed.selector, 0, p1));
        _claimA(p1, 0);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.AlreadyClaimed.selector, 0, c1));
        _claimC(c1, 0);
        assertEq(qry.balanceOf(p1), 850_000 ether, "paid once");
        assertEq(qry.balanceOf(c1), 150_000 ether, "paid once");
    }

    // ------------------------------------------------------------------ fuzz

    /// @dev Whatever the records, the claims of an epoch add up to at most its funding, the funding to at most
    /// the budget, and what was not funded went back at once.
    function testFuzz_claimsNeverExceedFunding(uint16[4] memory challenges, uint16[4] memory answers) public {
        address[2] memory providers = [_provider("p1", 0, SERVICE0_MIN_STAKE), _provider("p2", 1, SERVICE1_MIN_STAKE)];
        address[4] memory challengers = [c1, c2, c3, c4];
        for (uint256 i; i < 4; ++i) {
            uint256 n = bound(challenges[i], 1, 300);
            _record(challengers[i], providers[i % 2], n, bound(answers[i], 0, n));
        }
        uint256 returned = _fund(0);
        uint256 paid;
        for (uint256 i; i < 2; ++i) {
            if (availability.availabilityPayOf(0, providers[i]) > 0) paid += _claimA(providers[i], 0);
        }
        for (uint256 i; i < 4; ++i) {
            if (availability.challengerPayOf(0, challengers[i]) > 0) paid += _claimC(challengers[i], 0);
        }
        uint256 funded = availability.ledger(0).funded;
        assertEq(funded + returned, BUDGET, "funded + returned == budget");
        assertLe(paid, funded, "claims <= funding");
        assertLe(funded - paid, 6, "dust: at most one wei per claimant");
        assertEq(qry.balanceOf(address(availability)), funded - paid, "the pool holds what is owed");
    }
}
