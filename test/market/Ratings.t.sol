// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {IRatings} from "../../contracts/interfaces/IRatings.sol";
import {ProgramKeys} from "../../contracts/libraries/ProgramKeys.sol";
import {Ratings} from "../../contracts/market/Ratings.sol";
import {ProgramsBase} from "./ProgramsBase.sol";

/// @notice Ratings by paying consumers only, weighted by the settled list value, with capped feedback rewards.
contract RatingsTest is ProgramsBase {
    function setUp() public override {
        super.setUp();
        _deposit(alice, 100_000 ether);
        _deposit(bob, 100_000 ether);
    }

    function _channelOf(address consumer, address provider) internal view returns (IRatings.Channel memory c) {
        c.provider = provider;
        c.modelId = SMALL;
        c.epoch = market.reserveOf(consumer, provider).epoch;
    }

    // ------------------------------------------------------------------ the settled-payment gate

    function test_RevertWhen_rateWithoutSettledPayment() public {
        IRatings.Channel memory c = _channelOf(alice, bronze);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IRatings.NoSettledPayment.selector, alice, bronze, 0, 0));
        ratings.rate(c, 5, keccak256("great"));
        assertEq(ratings.ratingOf(bronze).count, 0, "no rating");
    }

    function test_RevertWhen_rateTwiceOnTheSamePayment() public {
        _pay(alice, aliceKey, bronze, 1_000 ether);
        _rate(alice, bronze, 5);
        IRatings.Channel memory c = _channelOf(alice, bronze);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IRatings.NoSettledPayment.selector, alice, bronze, 1_000 ether, 1_000 ether)
        );
        ratings.rate(c, 1, keccak256("again"));
        assertEq(ratings.ratingOf(bronze).weight, 1_000 ether, "weight unchanged");
    }

    function test_RevertWhen_rateAnotherConsumersChannel() public {
        _pay(alice, aliceKey, bronze, 1_000 ether);
        // Bob names alice's channel fields, but the key is computed with bob as the consumer.
        IRatings.Channel memory c = _channelOf(alice, bronze);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IRatings.NoSettledPayment.selector, bob, bronze, 0, 0));
        ratings.rate(c, 1, keccak256("smear"));
    }

    function test_rate_newSettlementBacksANewRating() public {
        _pay(alice, aliceKey, bronze, 1_000 ether);
        _rate(alice, bronze, 5);
        _pay(alice, aliceKey, bronze, 1_400 ether);
        (uint256 weight, ) = _rate(alice, bronze, 3);
        assertEq(weight, 400 ether, "only the new 400 weighs");
        IRatings.RatingView memory v = ratings.ratingOf(bronze);
        assertEq(v.weight, 1_400 ether, "total weight");
        assertEq(v.weightedStars, 6_200 ether, "5 x 1,000 + 3 x 400");
        assertEq(v.count, 2, "two ratings");
    }

    // ------------------------------------------------------------------ weighting

    function test_ratingOf_averageIsWeightedByWhatWasPaid() public {
        _pay(alice, aliceKey, bronze, 1_000 ether);
        _pay(bob, bobKey, bronze, 3_000 ether);
        vm.expectEmit(true, true, true, true, address(ratings));
        emit IRatings.Rated(
            alice,
            bronze,
            ratings.channelKey(alice, _channelOf(alice, bronze)),
            5,
            1_000 ether,
            keccak256(abi.encode("review", alice, bronze, uint256(5))),
            0
        );
        _rate(alice, bronze, 5);
        _rate(bob, bronze, 1);
        // (5 x 1,000 + 1 x 3,000) / 4,000 = 2 stars.
        assertEq(ratings.ratingOf(bronze).averageStarsBps, 20_000, "2.0 stars");
    }

    function test_RevertWhen_starsOutOfRange() public {
        _pay(alice, aliceKey, bronze, 1_000 ether);
        IRatings.Channel memory c = _channelOf(alice, bronze);
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IRatings.InvalidStars.selector, 0));
        ratings.rate(c, 0, keccak256("r"));
        vm.expectRevert(abi.encodeWithSelector(IRatings.InvalidStars.selector, 6));
        ratings.rate(c, 6, keccak256("r"));
        vm.expectRevert(IRatings.EmptyReview.selector);
        ratings.rate(c, 4, bytes32(0));
        vm.stopPrank();
        assertEq(ratings.ratedOf(ratings.channelKey(alice, c)), 0, "nothing weighed");
    }

    function test_RevertWhen_providerRatesItself() public {
        IRatings.Channel memory c = _channelOf(bronze, bronze);
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IRatings.SelfRating.selector, bronze));
        ratings.rate(c, 5, keccak256("me"));
    }

    // ------------------------------------------------------------------ feedback rewards

    function test_rate_rewardIsTheFlatRewardWhenTheShareIsLarger() public {
        _fundRatings(10 ether);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        (, uint256 reward) = _rate(alice, bronze, 4);
        // min(0.3, 0.1% of the least paid 500) = 0.3.
        assertEq(reward, 0.3 ether, "flat reward");
        assertEq(token.balanceOf(alice), 0.3 ether, "paid to the reviewer");
    }

    function test_rate_rewardNeverExceedsTheShareOfWhatWasPaid() public {
        _fundRatings(10 ether);
        _pay(alice, aliceKey, bronze, 100 ether);
        (, uint256 reward) = _rate(alice, bronze, 4);
        // 100 list, at most 50% discount: least paid 50; 0.1% of it = 0.05.
        assertEq(reward, 0.05 ether, "share of the least paid");
    }

    function test_rate_accountCapToTheWei() public {
        _fundRatings(10 ether);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        _rate(alice, bronze, 4);
        _pay(alice, aliceKey, bronze, 2_000 ether);
        _rate(alice, bronze, 4);
        _pay(alice, aliceKey, bronze, 3_000 ether);
        _rate(alice, bronze, 4);
        _pay(alice, aliceKey, bronze, 4_000 ether);
        (, uint256 fourth) = _rate(alice, bronze, 4);
        assertEq(fourth, 0.1 ether, "1 ether cap less 0.9 already earned");
        _pay(alice, aliceKey, bronze, 5_000 ether);
        (, uint256 fifth) = _rate(alice, bronze, 4);
        assertEq(fifth, 0, "capped");
        assertEq(ratings.accountCapUsed(alice), 1 ether, "exactly the cap");
        _skip(30 days);
        _pay(alice, aliceKey, bronze, 6_000 ether);
        (, uint256 nextPeriod) = _rate(alice, bronze, 4);
        assertEq(nextPeriod, 0.3 ether, "a full refill 30 days later");
    }

    function test_rate_poolNeverPaysMoreThanFunded() public {
        _fundRatings(0.4 ether);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        _pay(bob, bobKey, bronze, 1_000 ether);
        (, uint256 first) = _rate(alice, bronze, 4);
        (, uint256 second) = _rate(bob, bronze, 4);
        assertEq(first, 0.3 ether, "first");
        assertEq(second, 0.1 ether, "what remains");
        assertEq(ratings.poolInfo().spent, 0.4 ether, "spent == funded");
        assertEq(token.balanceOf(address(ratings)), 0, "empty");
    }

    function test_rate_periodCapToTheWei() public {
        vm.prank(registry);
        ratings.setParameter(ProgramKeys.FEEDBACK_PERIOD_CAP, 0.5 ether);
        _fundRatings(10 ether);
        _pay(alice, aliceKey, bronze, 1_000 ether);
        _pay(bob, bobKey, bronze, 1_000 ether);
        _rate(alice, bronze, 4);
        (, uint256 second) = _rate(bob, bronze, 4);
        assertEq(second, 0.2 ether, "0.5 period cap less 0.3");
    }

    // ------------------------------------------------------------------ self-dealing

    /// @dev A provider pays itself through a Sybil consumer and rates itself: the feedback reward is 0.3 on a
    /// 1,000 payment that cost it 200 in protocol fees (it gets the 800 provider share back).
    function test_rate_selfDealingRatingCostsMoreThanItPays() public {
        _fundRatings(10 ether);
        uint256 before = token.balanceOf(bronze) + _balance(alice);
        _pay(alice, aliceKey, bronze, 1_000 ether); // alice stands in for bronze's Sybil consumer
        (, uint256 reward) = _rate(alice, bronze, 5);
        vm.prank(bronze);
        market.claimEarnings();
        uint256 afterAll = token.balanceOf(bronze) + _balance(alice) + token.balanceOf(alice);
        assertEq(reward, 0.3 ether, "reward");
        assertEq(before - afterAll, 199.7 ether, "net cost: 200 protocol share less the 0.3 reward");
    }

    // ------------------------------------------------------------------ parameters

    function test_RevertWhen_feedbackRateAboveHeadroom() public {
        // Protocol share 2,000 less the pools' 1,700 (max(200 + 2 x 500, 700) + 500) less one: 299 bps at most.
        vm.prank(registry);
        vm.expectRevert(abi.encodeWithSelector(IRatings.FeedbackAboveHeadroom.selector, 300, 299));
        ratings.setParameter(ProgramKeys.FEEDBACK_BPS, 300);
        vm.prank(registry);
        ratings.setParameter(ProgramKeys.FEEDBACK_BPS, 299);
        assertEq(ratings.parameter(ProgramKeys.FEEDBACK_BPS), 299, "299 accepted");
    }

    function test_RevertWhen_setParameterByStranger() public {
        vm.prank(alice);
        vm.expectRevert();
        ratings.setParameter(ProgramKeys.FEEDBACK_BPS, 5);
        assertEq(ratings.parameter(ProgramKeys.FEEDBACK_BPS), 10, "unchanged");
    }

    function test_RevertWhen_unknownParameter() public {
        vm.prank(registry);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, bytes32("x")));
        ratings.setParameter(bytes32("x"), 1);
    }

    function test_RevertWhen_fundZero() public {
        vm.expectRevert(IRatings.ZeroAmount.selector);
        ratings.fund(0);
    }

    function test_constructor_refusesAFeedbackRateAboveHeadroom() public {
        IRatings.Parameters memory p = _ratingParameters();
        p.feedbackBps = 300;
        vm.expectRevert(abi.encodeWithSelector(IRatings.FeedbackAboveHeadroom.selector, 300, 299));
        new Ratings(market, address(manager), p);
    }
}
