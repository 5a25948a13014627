// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {IIncentivePools} from "../../contracts/interfaces/IIncentivePools.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {IRatings} from "../../contracts/interfaces/IRatings.sol";
import {ProgramKeys} from "../../contracts/libraries/ProgramKeys.sol";
import {Ratings} from "../../contracts/market/Ratings.sol";
import {ProgramsBase} from "./ProgramsBase.sol";

/// @notice The ratings' input to the quality multiplier (`qualityInputOf`): the score (1 star 0, 5 stars 10,000,
/// rounded down), the governed weight (QUIVer 3,000, at most 5,000) and the minimum rated weight (QUIVer 100,000 QUIV
/// of list value) below which the ratings do not count. The metrics registry's blend of these figures is tested in
/// test/slashing/MetricsRegistryRatings.t.sol (score 10,000 at weight 3,000 over 90% accuracy: 1.45x -> 1.465x).
contract RatingsQualityTest is ProgramsBase {
    uint256 internal constant MIN_WEIGHT = 100_000 ether;

    function setUp() public override {
        super.setUp();
        _deposit(alice, 200_000 ether);
        _deposit(bob, 200_000 ether);
    }

    function test_qualityInputOf_unratedCountsNothing() public view {
        (uint256 score, uint256 weight) = ratings.qualityInputOf(bronze);
        assertEq(score, 0, "no score");
        assertEq(weight, 0, "not counted");
    }

    /// Four stars: (4 - 1) / 4 = 7,500. At the minimum weight less one wei the weight is 0 (accuracy alone); one
    /// more wei rated brings the provider to the minimum and the governed 3,000.
    function test_qualityInputOf_countsFromTheMinimumWeight() public {
        _pay(bob, bobKey, bronze, MIN_WEIGHT - 1);
        _rate(bob, bronze, 4);
        (uint256 score, uint256 weight) = ratings.qualityInputOf(bronze);
        assertEq(score, 7_500, "four stars");
        assertEq(weight, 0, "one wei short: not counted");

        _pay(bob, bobKey, bronze, MIN_WEIGHT);
        _rate(bob, bronze, 4);
        (score, weight) = ratings.qualityInputOf(bronze);
        assertEq(ratings.ratingOf(bronze).weight, MIN_WEIGHT, "at the minimum");
        assertEq(score, 7_500, "four stars");
        assertEq(weight, 3_000, "counted at QUIVer's weight");
    }

    /// Five stars on 1,000 and four on 2,000: average 4.333 stars, score (13,000 - 3,000) x 10,000 / 12,000 =
    /// 8,333.33 -> 8,333 (down). One star alone scores 0, five stars alone 10,000.
    function test_qualityInputOf_scoreRoundsDown() public {
        vm.prank(registry);
        ratings.setParameter(ProgramKeys.MIN_RATED_WEIGHT, 0);
        _pay(alice, aliceKey, silver, 1_000 ether);
        _rate(alice, silver, 5);
        (uint256 score, uint256 weight) = ratings.qualityInputOf(silver);
        assertEq(score, 10_000, "five stars");
        assertEq(weight, 3_000, "counted with no minimum");
        _pay(bob, bobKey, silver, 2_000 ether);
        _rate(bob, silver, 4);
        (score, ) = ratings.qualityInputOf(silver);
        assertEq(score, 8_333, "8,333.33 rounded down");

        (address carol, uint256 carolKey) = makeAddrAndKey("carol");
        _deposit(carol, 1 ether);
        _pay(carol, carolKey, gold, 1 ether);
        _rate(carol, gold, 1);
        (score, ) = ratings.qualityInputOf(gold);
        assertEq(score, 0, "one star");
    }

    // ------------------------------------------------------------------ parameters

    function test_setParameter_ratingWeightUpToItsBound() public {
        assertEq(ratings.parameter(ProgramKeys.RATING_WEIGHT_BPS), 3_000, "preset");
        vm.prank(registry);
        ratings.setParameter(ProgramKeys.RATING_WEIGHT_BPS, 5_000);
        assertEq(ratings.parameter(ProgramKeys.RATING_WEIGHT_BPS), 5_000, "at the bound");
        assertEq(ratings.MAX_RATING_WEIGHT_BPS(), 5_000, "the bound");
    }

    function test_RevertWhen_ratingWeightAboveItsBound() public {
        vm.prank(registry);
        ratings.setParameter(ProgramKeys.RATING_WEIGHT_BPS, 5_000);
        vm.prank(registry);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, ProgramKeys.RATING_WEIGHT_BPS, 5_001)
        );
        ratings.setParameter(ProgramKeys.RATING_WEIGHT_BPS, 5_001);
        assertEq(ratings.parameter(ProgramKeys.RATING_WEIGHT_BPS), 5_000, "unchanged");
    }

    function test_RevertWhen_constructedWithRatingWeightAboveItsBound() public {
        IRatings.Parameters memory p = _ratingParameters();
        p.ratingWeightBps = 5_001;
        vm.expectRevert(IRatings.InvalidConfiguration.selector);
        new Ratings(market, address(manager), p);
        p.ratingWeightBps = 5_000;
        assertEq(new Ratings(market, address(manager), p).parameter(ProgramKeys.RATING_WEIGHT_BPS), 5_000, "bound");
    }

    function test_setParameter_minRatedWeight() public {
        assertEq(ratings.parameter(ProgramKeys.MIN_RATED_WEIGHT), MIN_WEIGHT, "preset");
        _pay(bob, bobKey, bronze, 50_000 ether);
        _rate(bob, bronze, 5);
        (, uint256 weight) = ratings.qualityInputOf(bronze);
        assertEq(weight, 0, "50,000 is below 100,000");
        vm.prank(registry);
        ratings.setParameter(ProgramKeys.MIN_RATED_WEIGHT, 50_000 ether);
        (, weight) = ratings.qualityInputOf(bronze);
        assertEq(weight, 3_000, "50,000 reaches 50,000");
    }

    function test_RevertWhen_strangerSetsTheRatingWeight() public {
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, bronze));
        ratings.setParameter(ProgramKeys.RATING_WEIGHT_BPS, 5_000);
        assertEq(ratings.parameter(ProgramKeys.RATING_WEIGHT_BPS), 3_000, "unchanged");
    }

    // ------------------------------------------------------------------ attacks

    /// The Bronze provider (10,000 QUIV staked) washes the minimum weight through its own consumer identity and a
    /// referrer identity of its own, with the cashback, referral and feedback pools funded, and rates itself five
    /// stars. What it pays: 100,000 QUIV of base fee (no discount on a first 30 days' volume). What comes back to
    /// it: 80,000 of provider earnings, 2,000 of cashback (2%), 4,000 of referral (5% of the 80,000) and a 0.3 QUIV
    /// feedback reward: the wash costs 13,999.7 QUIV. What it buys: score 10,000 at weight 3,000, which lifts its
    /// quality by at most 5,000 x 3,000 / 10,000 = 1,500 bps (at 0% accuracy; 150 bps at 90%). Staking pays at most
    /// 12% a year on a pool's value and a multiplier moves only its share of a fixed flow, so the lift earns at most
    /// 10,000 x 12% x 15% = 180 QUIV a year: the wash costs more than 77 years of its largest gain.
    function test_attack_washRatingCostsMoreThanItsGain() public {
        (address washer, uint256 washerKey) = makeAddrAndKey("bronzeConsumerIdentity");
        address referrer = makeAddr("bronzeReferrerIdentity");
        _register(referrer, 10_000 ether);
        vm.prank(bronze);
        pools.registerReferral(referrer);
        _fundPool(IIncentivePools.Pool.Cashback, 1_000_000 ether);
        _fundPool(IIncentivePools.Pool.Referral, 1_000_000 ether);
        _fundRatings(10 ether);
        _deposit(washer, MIN_WEIGHT);

        _pay(washer, washerKey, bronze, MIN_WEIGHT);
        (uint256 weight, uint256 reward) = _rate(washer, bronze, 5);

        assertEq(_deposits(washer), 0, "paid 100,000");
        assertEq(_unclaimed(bronze), 80_000 ether, "80% back as earnings");
        assertEq(pools.owed(washer), 2_000 ether, "2% cashback");
        assertEq(pools.owed(referrer), 4_000 ether, "5% of the provider's 80,000");
        assertEq(reward, 0.3 ether, "feedback reward");
        uint256 back = _unclaimed(bronze) + pools.owed(washer) + pools.owed(referrer) + reward;
        uint256 cost = MIN_WEIGHT - back;
        assertEq(cost, 13_999.7 ether, "the wash's cost");

        assertEq(weight, MIN_WEIGHT, "it weighs what it settled");
        (uint256 score, uint256 weightBps) = ratings.qualityInputOf(bronze);
        assertEq(score, 10_000, "five stars");
        assertEq(weightBps, 3_000, "counted");
        // The largest yearly gain: 10,000 staked x 12% APY ceiling x 1,500 / 10,000 of quality lift.
        uint256 yearlyGainBound = (((10_000 ether * 1_200) / 10_000) * 1_500) / 10_000;
        assertEq(yearlyGainBound, 180 ether, "180 QUIV a year at most");
        assertGt(cost, 77 * yearlyGainBound, "more than 77 years of the gain");
    }

    /// The same wash one wei short of the minimum counts nothing: the provider keeps accuracy alone.
    function test_attack_washOneWeiShortOfTheMinimumCountsNothing() public {
        (address washer, uint256 washerKey) = makeAddrAndKey("bronzeConsumerIdentity");
        _deposit(washer, MIN_WEIGHT);
        _pay(washer, washerKey, bronze, MIN_WEIGHT - 1);
        _rate(washer, bronze, 5);
        (uint256 score, uint256 weightBps) = ratings.qualityInputOf(bronze);
        assertEq(score, 10_000, "five stars");
        assertEq(weightBps, 0, "not counted");
    }

    /// An honest provider rated five stars on 100,000 QUIV; a rival pays it 10,000 QUIV to leave one star. The weight
    /// is paid value, so the smear moves the score only by its share of the weight: (5 x 100,000 + 10,000 - 110,000)
    /// x 10,000 / (4 x 110,000) = 9,090.9 -> 9,090 (quality at 90% accuracy 1.4636x instead of 1.465x), and the
    /// rival's 10,000 went to the provider it smeared (8,000 of earnings).
    function test_attack_cheapOneStarSmearMovesTheScoreByItsPaidShareOnly() public {
        _pay(bob, bobKey, bronze, MIN_WEIGHT);
        _rate(bob, bronze, 5);
        uint256 earnedBefore = _unclaimed(bronze);
        _pay(alice, aliceKey, bronze, 10_000 ether);
        _rate(alice, bronze, 1);
        (uint256 score, uint256 weightBps) = ratings.qualityInputOf(bronze);
        assertEq(score, 9_090, "9,090.9 rounded down");
        assertEq(weightBps, 3_000, "counted");
        assertEq(_unclaimed(bronze) - earnedBefore, 8_000 ether, "the smear paid the provider 8,000");
    }
}
