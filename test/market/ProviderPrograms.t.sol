// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IMetricsRegistry} from "../../contracts/interfaces/IMetricsRegistry.sol";
import {IProviderPrograms} from "../../contracts/interfaces/IProviderPrograms.sol";
import {ProgramKeys} from "../../contracts/libraries/ProgramKeys.sol";
import {ProviderPrograms} from "../../contracts/market/ProviderPrograms.sol";
import {ProgramsBase} from "./ProgramsBase.sol";

/// @notice Availability (rolling uptime >= 99.50% on >= 30 attestations), diversity (20 bps / providers of the model)
/// and loyalty (182.5 days of continuous activity) bonuses on a provider's own settled earnings. Bronze earns 800 on a
/// 1,000 payment (80% of an undiscounted base fee). Bronze has served SMALL since T0; where the curator certifies it
/// as a specialist of SMALL, bronze's settlements on it earn a diversity weight from T0 + 30 days.
contract ProviderProgramsTest is ProgramsBase {
    IProviderPrograms.Program internal constant AVAILABILITY = IProviderPrograms.Program.Availability;
    IProviderPrograms.Program internal constant DIVERSITY = IProviderPrograms.Program.Diversity;
    IProviderPrograms.Program internal constant LOYALTY = IProviderPrograms.Program.Loyalty;

    function setUp() public override {
        super.setUp();
        _deposit(alice, 1_000_000 ether);
        _deposit(bob, 1_000_000 ether);
        _fundAll(100 ether);
        metrics.setCurrentEpoch(10);
        vm.prank(bronze);
        programs.enroll();
    }

    function _setParam(bytes32 key, uint256 value) internal {
        vm.prank(registry);
        programs.setParameter(key, value);
    }

    // ------------------------------------------------------------------ availability

    function test_claim_availabilityPaysAt99Point50() public {
        metrics.setRolling(bronze, 30, 9_950, 9);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        vm.expectEmit(true, false, false, true, address(programs));
        emit IProviderPrograms.BonusClaimed(bronze, 800 ether, 0, 3.2 ether, 0, 0);
        assertEq(_claim(bronze), 3.2 ether, "40 bps of 800");
        assertEq(token.balanceOf(bronze), 3.2 ether, "paid");
    }

    function test_claim_availabilityPaysNothingAt99Point49() public {
        metrics.setRolling(bronze, 30, 9_949, 9);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        assertEq(_claim(bronze), 0, "below 99.50%");
        assertEq(programs.providerInfo(bronze).earningsCheckpoint, 800 ether, "earnings forfeited, not banked");
        metrics.setRolling(bronze, 30, 9_950, 10);
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IProviderPrograms.NothingToClaim.selector, bronze));
        programs.claim();
    }

    function test_claim_availabilityNeedsTheMinimumAttestations() public {
        metrics.setRolling(bronze, 29, 10_000, 9);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        assertFalse(programs.availabilityEligible(bronze), "29 attestations");
        assertEq(_claim(bronze), 0, "nothing on 29 attestations");
    }

    function test_claim_availabilityNeedsAFreshFigure() public {
        metrics.setRolling(bronze, 30, 10_000, 7);
        assertFalse(programs.availabilityEligible(bronze), "latest epoch 7, current 10");
        metrics.setRolling(bronze, 30, 10_000, 8);
        assertTrue(programs.availabilityEligible(bronze), "latest epoch 8, current 10");
    }

    /// @dev The programs read the registry's rolling window once (the longest span an availability claim covers): a
    /// registry reporting none is refused.
    function test_RevertWhen_registryReportsNoWindow() public {
        metrics.setWindowEpochs(0);
        vm.expectRevert(IProviderPrograms.InvalidConfiguration.selector);
        new ProviderPrograms(
            market,
            IMetricsRegistry(address(metrics)),
            ratings,
            address(manager),
            _programParameters()
        );
    }

    function test_RevertWhen_minAttestationsBelowTheRegistrys() public {
        vm.prank(registry);
        vm.expectRevert(
            abi.encodeWithSignature("InvalidParameterValue(bytes32,uint256)", ProgramKeys.MIN_ATTESTATIONS, 2)
        );
        programs.setParameter(ProgramKeys.MIN_ATTESTATIONS, 2);
        assertEq(programs.parameter(ProgramKeys.MIN_ATTESTATIONS), 30, "unchanged");
    }

    // ------------------------------------------------------------------ loyalty

    function test_claim_loyaltyPaysNothingAtSixMonthsMinusOneSecond() public {
        _stayUntil(TENURE - 1);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        assertFalse(programs.loyaltyEligible(bronze), "one second short");
        assertEq(_claim(bronze), 0, "no loyalty");
    }

    /// @dev Loyalty pays on earnings settled after a claim made with the tenure complete (the claim at six months pays
    /// none on the 800 settled while the tenure was building).
    function test_claim_loyaltyPaysAtSixMonths() public {
        _stayUntil(TENURE);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        assertTrue(programs.loyaltyEligible(bronze), "182.5 days");
        assertEq(_claim(bronze), 0, "the claim at six months opens the span");
        _pay(alice, aliceKey, bronze, 2_000 ether);
        assertEq(_claim(bronze), 2 ether, "25 bps of 800");
    }

    function test_sight_gapRestartsTheTenure() public {
        uint256 start = programs.providerInfo(bronze).activeSince;
        vm.warp(start + GAP + 1);
        vm.expectEmit(true, false, false, true, address(programs));
        emit IProviderPrograms.TenureRestarted(bronze, start);
        programs.sight(bronze);
        assertEq(programs.providerInfo(bronze).activeSince, start + GAP + 1, "restarted");
    }

    function test_sight_leavingRestartsTheTenure() public {
        uint256 start = programs.providerInfo(bronze).activeSince;
        for (uint256 i = 1; i <= 3; ++i) {
            vm.warp(start + i * 30 days);
            programs.sight(bronze);
        }
        // Bronze drops below the minimum self-stake (leaves), a rival sights it, and it comes back.
        vm.prank(bronze);
        uint256 index = staking.unbond(1 ether);
        programs.sight(bronze);
        vm.prank(bronze);
        staking.rebond(index);
        assertEq(programs.providerInfo(bronze).activeSince, start + 90 days, "restarted when seen inactive");
        assertTrue(staking.isActive(bronze), "active again");
    }

    function test_RevertWhen_claimWhileInactive() public {
        _pay(alice, aliceKey, bronze, 1_000 ether);
        vm.prank(bronze);
        staking.unbond(1 ether);
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IProviderPrograms.NotActiveProvider.selector, bronze));
        programs.claim();
        assertEq(programs.providerInfo(bronze).earningsCheckpoint, 0, "checkpoint unchanged");
    }

    function test_enroll_freshIdentityStartsAtZero() public {
        _stayUntil(TENURE);
        address fresh = makeAddr("fresh");
        _register(fresh, 10_000 ether);
        vm.prank(fresh);
        programs.enroll();
        assertEq(programs.providerInfo(fresh).activeSince, block.timestamp, "starts now");
        assertFalse(programs.loyaltyEligible(fresh), "no tenure");
        assertTrue(programs.loyaltyEligible(bronze), "bronze has its tenure");
    }

    // ------------------------------------------------------------------ diversity

    /// @dev 30 days after T0 bronze serves SMALL alone: its 800 earned count in full (weight 10,000), 20 bps = 1.6.
    function test_claim_diversityPaysOnWeightedEarnings() public {
        _specializeSmall();
        vm.warp(T0 + 30 days);
        assertEq(programs.diversityBpsOf(SMALL, bronze), 20, "alone: 20 bps");
        _pay(alice, aliceKey, bronze, 1_000 ether);
        assertEq(market.diversityEarningsOf(bronze), 800 ether, "800 weighted at 1");
        vm.expectEmit(true, false, false, true, address(programs));
        emit IProviderPrograms.BonusClaimed(bronze, 800 ether, 800 ether, 0, 1.6 ether, 0);
        assertEq(_claim(bronze), 1.6 ether, "20 bps of 800");
        assertEq(programs.providerInfo(bronze).diversityCheckpoint, 800 ether, "checkpoint moved");
    }

    /// @dev A settlement 30 days less one second after bronze began serving SMALL earns no weight; one second later
    /// it does: the next 800 pay 1.6, the first 800 nothing.
    function test_claim_noDiversityBeforeThirtyDaysOfServing() public {
        _specializeSmall();
        vm.warp(T0 + 30 days - 1);
        assertEq(programs.diversityBpsOf(SMALL, bronze), 0, "not yet");
        _pay(alice, aliceKey, bronze, 1_000 ether);
        assertEq(market.diversityEarningsOf(bronze), 0, "no weight");
        vm.warp(T0 + 30 days);
        _pay(alice, aliceKey, bronze, 2_000 ether);
        assertEq(_claim(bronze), 1.6 ether, "20 bps of the second 800 only");
    }

    /// @dev Each settlement is weighted at its moment by the model's smoothed count of providers. Silver joins SMALL
    /// at T0 + 10 days; at T0 + 40 days the smoothed count has reached 2: weight 5,000, 800 count as 400. Silver leaves
    /// then; at T0 + 55 days the smoothed count is half way back, 1.5: weight 6,666, the next 800 count as 533.28.
    /// 20 bps of 933.28 = 1.86656.
    function test_claim_diversityAtTheRarityOfEachSettlement() public {
        _specializeSmall();
        vm.warp(T0 + 10 days);
        vm.prank(silver);
        catalog.serveModel(SMALL);
        vm.warp(T0 + 40 days);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        assertEq(market.diversityEarningsOf(bronze), 400 ether, "at 5,000");
        vm.prank(silver);
        catalog.stopServing(SMALL);
        vm.warp(T0 + 55 days);
        _pay(alice, aliceKey, bronze, 2_000 ether);
        assertEq(market.diversityEarningsOf(bronze), 933.28 ether, "then at 6,666");
        assertEq(_claim(bronze), 1.86656 ether, "20 bps of 933.28");
    }

    /// @dev Splitting into two identities that serve the same model halves the weight of each: 800 + 720 earned by two
    /// identities pay 0.8 + 0.72 (10 bps each), where one identity earning them alone would be paid 3.04 (20 bps).
    function test_claim_sybilSplitGainsNothingOnDiversity() public {
        _specializeSmall();
        vm.prank(silver);
        catalog.serveModel(SMALL);
        _certify(SMALL, silver);
        vm.prank(silver);
        programs.enroll();
        market.syncTier(silver);
        vm.warp(T0 + 30 days);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        _pay(bob, bobKey, silver, 1_000 ether);
        assertEq(_claim(bronze), 0.8 ether, "10 bps of 800");
        // Silver's 10% tier discount: 900 base fee, 720 earned.
        assertEq(_claim(silver), 0.72 ether, "10 bps of 720");
    }

    /// @dev A model the curator has not certified the provider for earns no weight (MEDIUM, bronze alone for 30
    /// days, certified for SMALL only).
    function test_claim_noDiversityWithoutACertificate() public {
        _specializeSmall();
        vm.warp(T0 + 30 days);
        assertEq(programs.diversityBpsOf(MEDIUM, bronze), 0, "not certified for MEDIUM");
        _payOn(MEDIUM, alice, aliceKey, bronze, 1_000 ether);
        assertEq(market.diversityEarningsOf(bronze), 0, "no weight");
        vm.expectEmit(true, false, false, true, address(programs));
        emit IProviderPrograms.BonusClaimed(bronze, 800 ether, 0, 0, 0, 0);
        assertEq(_claim(bronze), 0, "800 earned, no bonus");
    }

    /// @dev Settling a model one does not serve earns no weight (silver never served SMALL).
    function test_claim_noDiversityOnAModelNotServed() public {
        _specializeSmall();
        vm.prank(silver);
        programs.enroll();
        vm.warp(T0 + 30 days);
        _pay(bob, bobKey, silver, 1_000 ether);
        assertEq(market.diversityEarningsOf(silver), 0, "no weight");
        assertEq(_claim(silver), 0, "no bonus");
    }

    /// @dev Weighted earnings made before enrolment are not paid (the enrolment checkpoints them): gold serves SMALL
    /// from T0, earns 800 x its weight at T0 + 30 days, enrols, and has nothing to claim.
    function test_claim_noDiversityOnEarningsBeforeEnrolment() public {
        _specializeSmall();
        vm.prank(gold);
        catalog.serveModel(SMALL);
        _certify(SMALL, gold);
        vm.warp(T0 + 30 days);
        _pay(alice, aliceKey, gold, 1_000 ether);
        uint256 weighted = market.diversityEarningsOf(gold);
        assertGt(weighted, 0, "weighted earnings before enrolment");
        vm.prank(gold);
        programs.enroll();
        assertEq(programs.providerInfo(gold).diversityCheckpoint, weighted, "checkpointed");
        vm.prank(gold);
        vm.expectRevert(abi.encodeWithSelector(IProviderPrograms.NothingToClaim.selector, gold));
        programs.claim();
    }

    // ------------------------------------------------------------------ bound, caps, funding

    function test_headroomBps_isTheProtocolShareLeftOverTheProvidersLargestShare() public view {
        // (2,000 protocol - 1,700 pools - 10 feedback - 1) x 10,000 / (8,000 provider + 2,000 largest priority), where
        // the pools' figure is max(200 cashback + 2 x 500 API share, 700 credit bonus) + 500 referral.
        assertEq(programs.headroomBps(), 289, "289 bps");
    }

    /// @dev 558 + 20 = 578 = 2 x 289 when availability and diversity apply: both halved: availability 279 bps of 800
    /// = 22.32, diversity 10 bps of 800 = 0.8.
    function test_claim_ratesAreScaledDownToTheHeadroom() public {
        _specializeSmall();
        _setParam(ProgramKeys.AVAILABILITY_BPS, 558);
        vm.warp(T0 + 30 days);
        metrics.setRolling(bronze, 30, 10_000, 9);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        vm.expectEmit(true, false, false, true, address(programs));
        emit IProviderPrograms.BonusClaimed(bronze, 800 ether, 800 ether, 22.32 ether, 0.8 ether, 0);
        assertEq(_claim(bronze), 23.12 ether, "scaled");
    }

    function test_claim_accountCapToTheWei() public {
        _setParam(ProgramKeys.BONUS_ACCOUNT_CAP, 5 ether);
        metrics.setRolling(bronze, 30, 10_000, 9);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        assertEq(_claim(bronze), 3.2 ether, "first");
        _pay(alice, aliceKey, bronze, 2_000 ether);
        assertEq(_claim(bronze), 1.8 ether, "5 cap less 3.2");
        assertEq(programs.accountCapUsed(bronze, AVAILABILITY), 5 ether, "exactly the cap");
        vm.warp(block.timestamp + 30 days);
        metrics.setCurrentEpoch(40);
        metrics.setRolling(bronze, 30, 10_000, 39);
        programs.sight(bronze);
        _pay(alice, aliceKey, bronze, 3_000 ether);
        assertEq(_claim(bronze), 3.2 ether, "a full refill 30 days later");
    }

    function test_claim_periodCapToTheWei() public {
        _setParam(ProgramKeys.BONUS_PERIOD_CAP, 4 ether);
        metrics.setRolling(bronze, 30, 10_000, 9);
        metrics.setRolling(silver, 30, 10_000, 9);
        vm.prank(silver);
        programs.enroll();
        market.syncTier(silver);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        _pay(bob, bobKey, silver, 1_000 ether);
        assertEq(_claim(bronze), 3.2 ether, "bronze");
        assertEq(_claim(silver), 0.8 ether, "4 period cap less 3.2");
    }

    function test_claim_neverPaysMoreThanFunded() public {
        ProviderPrograms fresh = new ProviderPrograms(
            market,
            IMetricsRegistry(address(metrics)),
            ratings,
            address(manager),
            _programParameters()
        );
        address funder = makeAddr("f");
        _mint(funder, 1 ether);
        vm.startPrank(funder);
        token.approve(address(fresh), 1 ether);
        fresh.fund(AVAILABILITY, 1 ether);
        vm.stopPrank();
        vm.prank(bronze);
        fresh.enroll();
        metrics.setRolling(bronze, 30, 10_000, 9);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        vm.prank(bronze);
        assertEq(fresh.claim(), 1 ether, "what the pool holds");
        assertEq(fresh.poolInfo(AVAILABILITY).spent, 1 ether, "spent == funded");
        assertEq(token.balanceOf(address(fresh)), 0, "empty");
    }

    /// @dev Bronze pays itself 1,000 through a Sybil consumer with every program on: it gets 800 back as earnings and
    /// 6.8 in bonuses (85 bps of 800) while 200 went to the protocol. (A first claim at six months opens the loyalty
    /// and availability spans.)
    function test_claim_selfDealingEarnsLessThanItCosts() public {
        _specializeSmall();
        _stayUntil(TENURE);
        metrics.setCurrentEpoch(200);
        metrics.setRolling(bronze, 30, 10_000, 199);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        assertEq(_claim(bronze), 1.6 ether, "diversity only: 20 bps of 800");
        vm.prank(bronze);
        market.claimEarnings();
        uint256 before = _balance(alice) + token.balanceOf(bronze);
        _pay(alice, aliceKey, bronze, 2_000 ether);
        uint256 bonus = _claim(bronze);
        vm.prank(bronze);
        market.claimEarnings();
        assertEq(bonus, 6.8 ether, "40 + 20 + 25 bps of 800");
        assertEq(before - _balance(alice) - token.balanceOf(bronze), 193.2 ether, "net cost 200 - 6.8");
    }

    function test_RevertWhen_enrollTwiceOrNotAProvider() public {
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IProviderPrograms.AlreadyEnrolled.selector, bronze));
        programs.enroll();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IProviderPrograms.NotActiveProvider.selector, alice));
        programs.enroll();
        vm.expectRevert(abi.encodeWithSelector(IProviderPrograms.NotEnrolled.selector, alice));
        programs.sight(alice);
    }

    function test_RevertWhen_fundZero() public {
        vm.expectRevert(IProviderPrograms.ZeroAmount.selector);
        programs.fund(LOYALTY, 0);
        assertEq(programs.poolInfo(LOYALTY).funded, 100 ether, "unchanged");
    }
}
