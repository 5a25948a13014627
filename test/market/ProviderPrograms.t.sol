// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IMetricsRegistry} from "../../contracts/interfaces/IMetricsRegistry.sol";
import {IProviderPrograms} from "../../contracts/interfaces/IProviderPrograms.sol";
import {ProgramKeys} from "../../contracts/libraries/ProgramKeys.sol";
import {ProviderPrograms} from "../../contracts/market/ProviderPrograms.sol";
import {ProgramsBase} from "./ProgramsBase.sol";

/// @notice Availability (rolling uptime >= 99.50% on >= 30 attestations), diversity (20 bps / providers of the model)
/// and loyalty (182.5 days of continuous activity) bonuses on a provider's own settled earnings. Bronze earns 800 on a
/// 1,000 payment (80% of an undiscounted base fee); the diversity bonus counts a channel's 1,000 at the least the
/// provider can earn on it: 1,000 x (100% - 50% deepest discount) x 80% = 400.
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

    function _claim(address provider) internal returns (uint256) {
        vm.prank(provider);
        return programs.claim();
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
        emit IProviderPrograms.BonusClaimed(bronze, 800 ether, 3.2 ether, 0);
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

    /// @dev Sights bronze every 30 days for 180 days, then moves to `offset` seconds after its enrolment.
    function _stayUntil(uint256 offset) internal {
        uint256 start = programs.providerInfo(bronze).activeSince;
        for (uint256 i = 1; i <= 6; ++i) {
            vm.warp(start + i * 30 days);
            programs.sight(bronze);
        }
        vm.warp(start + offset);
    }

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

    /// @dev Bronze has served SMALL alone since T0 (it listed it). 30 days later a 1,000 channel pays 20 bps of the
    /// channel's least earnings: 400 x 0.20% = 0.8.
    function test_claimDiversity_paysOnTheChannelsLeastEarnings() public {
        vm.warp(T0 + 30 days);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        assertEq(programs.diversityBpsOf(SMALL, bronze), 20, "alone: 20 bps");
        bytes32 key = keccak256(
            abi.encode(alice, bronze, SMALL, uint256(0), false, market.reserveOf(alice, bronze).epoch)
        );
        vm.expectEmit(true, true, true, true, address(programs));
        emit IProviderPrograms.DiversityClaimed(bronze, key, SMALL, 400 ether, 20, 0.8 ether);
        assertEq(_claimDiversity(bronze, alice), 0.8 ether, "20 bps of 400");
        assertEq(programs.diversityCounted(key), 1_000 ether, "the channel's 1,000 counted");
        assertEq(programs.providerInfo(bronze).earningsCheckpoint, 0, "availability and loyalty basis untouched");
        assertEq(token.balanceOf(bronze), 0.8 ether, "paid");
    }

    /// @dev Each unit of a channel's settled value counts once: a second claim reverts; 2,000 more pays on 800.
    function test_claimDiversity_countsEachUnitOnce() public {
        vm.warp(T0 + 30 days);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        _claimDiversity(bronze, alice);
        IProviderPrograms.DiversityChannel memory c = _channel(alice, bronze);
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IProviderPrograms.NothingToClaim.selector, bronze));
        programs.claimDiversity(c);
        _pay(alice, aliceKey, bronze, 3_000 ether);
        assertEq(_claimDiversity(bronze, alice), 1.6 ether, "20 bps of 2,000 x 50% x 80% = 800");
    }

    /// @dev A provider serving a model for 30 days minus one second earns no diversity on it; at 30 days it does.
    function test_RevertWhen_diversityBeforeAPeriodOfServing() public {
        vm.warp(T0 + 30 days - 1);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        assertEq(programs.diversityBpsOf(SMALL, bronze), 0, "not yet");
        IProviderPrograms.DiversityChannel memory c = _channel(alice, bronze);
        vm.prank(bronze);
        vm.expectRevert(
            abi.encodeWithSelector(IProviderPrograms.ServingTooShort.selector, bronze, SMALL, T0 + 30 days)
        );
        programs.claimDiversity(c);
        vm.warp(T0 + 30 days);
        assertEq(_claimDiversity(bronze, alice), 0.8 ether, "30 days to the second: 20 bps of 400");
    }

    /// @dev Silver joins SMALL at T0 + 10 days; at T0 + 40 days bronze has served 40 days with 10 x 1 + 30 x 2 = 70
    /// provider-days: an average of 1.75 providers, 2 now, so the rate is 20 / 2 = 10 bps. If silver leaves right
    /// before the claim, 1 now but 1.75 on average: 20 x 40 / 70 = 11.43, 11 bps (where the count now alone would give
    /// 20): 400 x 0.11% = 0.44.
    function test_claimDiversity_rateFollowsTheAverageSupplyOverTheServingTime() public {
        vm.warp(T0 + 10 days);
        vm.prank(silver);
        catalog.serveModel(SMALL);
        vm.warp(T0 + 40 days);
        assertEq(programs.diversityBpsOf(SMALL, bronze), 10, "two now");
        assertEq(programs.diversityBpsOf(SMALL, silver), 10, "silver: 30 days served, two providers all along");
        vm.prank(silver);
        catalog.stopServing(SMALL);
        assertEq(programs.diversityBpsOf(SMALL, bronze), 11, "average 1.75");
        _pay(alice, aliceKey, bronze, 1_000 ether);
        assertEq(_claimDiversity(bronze, alice), 0.44 ether, "11 bps of 400");
    }

    /// @dev Silver served SMALL for 30 days with bronze, then 10 days ago it stopped: bronze's average over 60 days of
    /// serving is (20 x 1 + 30 x 2 + 10 x 1) / 60 = 1.5 (providers now 1): 20 x 60 / 90 = 13.33, 13 bps.
    function test_claimDiversity_aRealDepartureRaisesTheRateOverTime() public {
        vm.warp(T0 + 20 days);
        vm.prank(silver);
        catalog.serveModel(SMALL);
        vm.warp(T0 + 50 days);
        vm.prank(silver);
        catalog.stopServing(SMALL);
        vm.warp(T0 + 60 days);
        assertEq(programs.diversityBpsOf(SMALL, bronze), 13, "average 1.5");
        assertEq(catalog.servingInfo(SMALL, bronze).providerSeconds, 90 days, "90 provider-days");
    }

    /// @dev Splitting into two identities that serve the same model halves the rate of each: 1,000 + 1,000 settled
    /// with two identities pay 0.4 + 0.4 (10 bps of 400 each) = 0.8, where one identity settling 2,000 alone would be
    /// paid 1.6 (20 bps of 800): the split gains nothing. (Silver's 10% tier discount does not change the basis: the
    /// deepest discount is assumed.)
    function test_claimDiversity_sybilSplitGainsNothing() public {
        vm.prank(silver);
        catalog.serveModel(SMALL);
        vm.prank(silver);
        programs.enroll();
        market.syncTier(silver);
        vm.warp(T0 + 30 days);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        _pay(bob, bobKey, silver, 1_000 ether);
        assertEq(_claimDiversity(bronze, alice), 0.4 ether, "10 bps of 400");
        assertEq(_claimDiversity(silver, bob), 0.4 ether, "10 bps of 400");
    }

    function test_RevertWhen_diversityForAModelNotServed() public {
        vm.prank(silver);
        programs.enroll();
        vm.warp(T0 + 30 days);
        _pay(bob, bobKey, silver, 1_000 ether);
        IProviderPrograms.DiversityChannel memory c = _channel(bob, silver);
        vm.prank(silver);
        vm.expectRevert(abi.encodeWithSelector(IProviderPrograms.NotServing.selector, silver, SMALL));
        programs.claimDiversity(c);
        assertEq(programs.poolInfo(DIVERSITY).spent, 0, "nothing paid");
    }

    function test_RevertWhen_diversityNotEnrolledOrInactive() public {
        vm.warp(T0 + 30 days);
        _pay(bob, bobKey, silver, 1_000 ether);
        IProviderPrograms.DiversityChannel memory c = _channel(bob, silver);
        vm.prank(silver);
        vm.expectRevert(abi.encodeWithSelector(IProviderPrograms.NotEnrolled.selector, silver));
        programs.claimDiversity(c);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        vm.prank(bronze);
        staking.unbond(1 ether);
        c = _channel(alice, bronze);
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IProviderPrograms.NotActiveProvider.selector, bronze));
        programs.claimDiversity(c);
    }

    // ------------------------------------------------------------------ bound, caps, funding

    function test_headroomBps_isTheProtocolShareLeftOverTheProvidersLargestShare() public view {
        // (2,000 protocol - 1,700 pools - 10 feedback - 1) x 10,000 / (8,000 provider + 2,000 largest priority), where
        // the pools' figure is max(200 cashback + 2 x 500 API share, 700 credit bonus) + 500 referral.
        assertEq(programs.headroomBps(), 289, "289 bps");
    }

    /// @dev Top rates 533 + 20 + 25 = 578 = 2 x 289: every rate is halved, whichever programs a claim pays:
    /// availability 266.5 bps of 800 = 21.32, diversity 10 bps of 400 = 0.4 (loyalty not yet earned).
    function test_claim_ratesAreScaledDownToTheHeadroom() public {
        _setParam(ProgramKeys.AVAILABILITY_BPS, 533);
        vm.warp(T0 + 30 days);
        metrics.setRolling(bronze, 30, 10_000, 9);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        vm.expectEmit(true, false, false, true, address(programs));
        emit IProviderPrograms.BonusClaimed(bronze, 800 ether, 21.32 ether, 0);
        assertEq(_claim(bronze), 21.32 ether, "availability halved");
        assertEq(_claimDiversity(bronze, alice), 0.4 ether, "diversity halved: 10 bps of 400");
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
    /// 6 in bonuses (65 bps of 800 and 20 bps of the channel's 400 least earnings) while 200 went to the protocol. (A first claim at six months opens the loyalty
    /// and availability spans.)
    function test_claim_selfDealingEarnsLessThanItCosts() public {
        _stayUntil(TENURE);
        metrics.setCurrentEpoch(200);
        metrics.setRolling(bronze, 30, 10_000, 199);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        assertEq(_claim(bronze), 0, "the first claim opens the availability and loyalty spans");
        assertEq(_claimDiversity(bronze, alice), 0.8 ether, "diversity: 20 bps of 400");
        vm.prank(bronze);
        market.claimEarnings();
        uint256 before = _balance(alice) + token.balanceOf(bronze);
        _pay(alice, aliceKey, bronze, 2_000 ether);
        uint256 bonus = _claim(bronze) + _claimDiversity(bronze, alice);
        vm.prank(bronze);
        market.claimEarnings();
        assertEq(bonus, 6 ether, "40 + 25 bps of 800 and 20 bps of 400");
        assertEq(before - _balance(alice) - token.balanceOf(bronze), 194 ether, "net cost 200 - 6");
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
