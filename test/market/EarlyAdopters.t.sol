// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGuardianPausable} from "../../contracts/interfaces/IGuardianPausable.sol";
import {IIncentivePools} from "../../contracts/interfaces/IIncentivePools.sol";
import {IInferenceMarket} from "../../contracts/interfaces/IInferenceMarket.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {MarketKeys} from "../../contracts/libraries/MarketKeys.sol";
import {MarketBase} from "./MarketBase.sol";

/// @notice Early adopters: the first 10,000 consumers whose payments from deposits reach 100 QUIV earn 10% of what they
/// pay as market credits, instead of cashback and API share, up to 1,000 QUIV each, from the funded early-adopter pool.
contract EarlyAdoptersTest is MarketBase {
    function _rates() internal pure override returns (IIncentivePools.Rates memory r) {
        r = super._rates();
        r.earlyAdopterBps = 1_000;
        r.earlyAdopterCap = 1_000 ether;
        r.earlyAdopterMinPayment = 100 ether;
    }

    function setUp() public override {
        super.setUp();
        _deposit(alice, 100_000 ether);
    }

    /// @dev A settlement report as the market makes it (consumer paid `paid` from deposits).
    function _report(address consumer, uint256 paid) internal {
        vm.prank(address(market));
        pools.onSettlement(consumer, bronze, paid, 0, false);
    }

    function test_settle_firstPaymentJoinsAndEarnsTenPercentAsCredits() public {
        _fundPool(IIncentivePools.Pool.EarlyAdopter, 5_000 ether);
        _reserveAll(alice, bronze);
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 1_000 ether, 0);
        bytes memory signature = _sign(aliceKey, v);
        vm.expectEmit(true, false, false, true, address(pools));
        emit IIncentivePools.EarlyAdopterJoined(alice, 1);
        vm.prank(bronze);
        market.settle(v, signature); // Bronze: alice pays 1,000
        (bool member, uint256 earned, uint256 pending) = pools.earlyAdopterOf(alice);
        assertTrue(member, "first paying consumer");
        assertEq(earned, 100 ether, "10% of 1,000");
        assertEq(pending, 100 ether, "pending");
        assertEq(pools.totalOwed(), 100 ether, "owed counts the pending bonus");

        uint256 creditsBefore = market.accountOf(alice).credits;
        vm.expectEmit(true, false, false, true, address(market));
        emit IInferenceMarket.CreditsBought(alice, 0, 100 ether);
        vm.prank(alice);
        assertEq(pools.redeemEarlyCredits(), 100 ether, "redeemed");
        assertEq(market.accountOf(alice).credits, creditsBefore + 100 ether, "credited in the market");
        assertEq(token.balanceOf(alice), 0, "nothing paid out as tokens");
        assertEq(pools.totalOwed(), 0, "nothing owed");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIncentivePools.NoEarlyCredits.selector, alice));
        pools.redeemEarlyCredits();
    }

    function test_onSettlement_capPerAccountToTheWei() public {
        _fundPool(IIncentivePools.Pool.EarlyAdopter, 5_000 ether);
        _report(alice, 9_999 ether + 9); // 10%: 999.9 ether + 0.9 wei -> 999.9 ether
        (, uint256 earned, ) = pools.earlyAdopterOf(alice);
        assertEq(earned, 999.9 ether, "rounded down");
        _report(alice, 10_000 ether); // 1,000 more would pass the cap: only 0.1 ether is left
        (, earned, ) = pools.earlyAdopterOf(alice);
        assertEq(earned, 1_000 ether, "exactly the cap");
        _report(alice, 10_000 ether);
        (, earned, ) = pools.earlyAdopterOf(alice);
        assertEq(earned, 1_000 ether, "nothing past the cap");
        assertEq(pools.poolInfo(IIncentivePools.Pool.EarlyAdopter).spent, 1_000 ether, "pool spent the cap");
    }

    function test_onSettlement_theTenThousandthJoinsTheNextDoesNot() public {
        // 9,999 x 10 for the first, 10 for the 10,000th, 10 that the 10,001st would take.
        _fundPool(IIncentivePools.Pool.EarlyAdopter, 100_010 ether);
        for (uint256 i = 1; i < 10_000; ++i) {
            _report(address(uint160(0x100000 + i)), 100 ether);
        }
        assertEq(pools.earlyAdopterCount(), 9_999, "9,999 joined");
        address tenThousandth = makeAddr("tenThousandth");
        address next = makeAddr("next");
        vm.expectEmit(true, false, false, true, address(pools));
        emit IIncentivePools.EarlyAdopterJoined(tenThousandth, 10_000);
        _report(tenThousandth, 100 ether);
        _report(next, 100 ether);
        (bool member, uint256 earned, ) = pools.earlyAdopterOf(tenThousandth);
        assertTrue(member, "the 10,000th is in");
        assertEq(earned, 10 ether, "10% of 100");
        (member, earned, ) = pools.earlyAdopterOf(next);
        assertFalse(member, "the 10,001st is not");
        assertEq(earned, 0, "earns nothing");
        assertEq(pools.earlyAdopterCount(), 10_000, "count stops at the limit");
    }

    function test_onSettlement_aPaymentFromCreditsOnlyDoesNotJoin() public {
        _fundPool(IIncentivePools.Pool.EarlyAdopter, 5_000 ether);
        _report(bob, 0);
        (bool member, , ) = pools.earlyAdopterOf(bob);
        assertFalse(member, "paid nothing from deposits");
        assertEq(pools.earlyAdopterCount(), 0, "no one joined");
    }

    function test_onSettlement_dryPoolPaysNothingAndNeverOverdraws() public {
        _fundPool(IIncentivePools.Pool.EarlyAdopter, 50 ether);
        _report(alice, 1_000 ether);
        (, uint256 earned, ) = pools.earlyAdopterOf(alice);
        assertEq(earned, 50 ether, "capped by the pool");
        _report(bob, 1_000 ether);
        (bool member, uint256 bobEarned, ) = pools.earlyAdopterOf(bob);
        assertTrue(member, "joined");
        assertEq(bobEarned, 0, "dry pool");
    }

    /// @dev Audit: while the guardian paused the market (new escrow refused: `buyCredits`, `deposit`), the pools still
    /// moved bonus credits into it (100 QUIV of the pool's tokens). The market now refuses them; the bonus stays
    /// pending and is redeemed after the pause.
    function test_RevertWhen_redeemEarlyCreditsWhileTheMarketIsPaused() public {
        _fundPool(IIncentivePools.Pool.EarlyAdopter, 5_000 ether);
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_000 ether, 0));
        vm.prank(guardian);
        market.pause();
        _mint(alice, 1 ether);
        vm.startPrank(alice);
        token.approve(address(market), 1 ether);
        vm.expectRevert(abi.encodeWithSelector(IGuardianPausable.EnforcedPause.selector, block.timestamp + 30 days));
        market.buyCredits(1 ether);
        uint256 marketBefore = token.balanceOf(address(market));
        uint256 creditsBefore = market.accountOf(alice).credits;
        vm.expectRevert(abi.encodeWithSelector(IGuardianPausable.EnforcedPause.selector, block.timestamp + 30 days));
        pools.redeemEarlyCredits();
        vm.stopPrank();
        assertEq(token.balanceOf(address(market)), marketBefore, "no pool tokens moved into the paused market");
        assertEq(market.accountOf(alice).credits, creditsBefore, "nothing credited during the pause");
        (, , uint256 pending) = pools.earlyAdopterOf(alice);
        assertEq(pending, 100 ether, "still pending");
        vm.prank(governor);
        market.unpause();
        vm.prank(alice);
        assertEq(pools.redeemEarlyCredits(), 100 ether, "redeemed after the pause");
        assertEq(market.accountOf(alice).credits, creditsBefore + 100 ether, "credited after the pause");
    }

    function test_RevertWhen_grantCreditsNotFromThePools() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.OnlyIncentives.selector, alice));
        market.grantCredits(alice, 1 ether);
    }

    function test_setParameter_earlyAdopterTerms() public {
        vm.startPrank(registry);
        pools.setParameter(MarketKeys.EARLY_ADOPTER_BPS, 500);
        pools.setParameter(MarketKeys.EARLY_ADOPTER_CAP, 2_000 ether);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, MarketKeys.EARLY_ADOPTER_BPS, 10_001)
        );
        pools.setParameter(MarketKeys.EARLY_ADOPTER_BPS, 10_001);
        vm.stopPrank();
        assertEq(pools.parameter(MarketKeys.EARLY_ADOPTER_BPS), 500, "bps");
        assertEq(pools.parameter(MarketKeys.EARLY_ADOPTER_CAP), 2_000 ether, "cap");
    }

    /// @dev Audit regression: one party took all 10,000 places with 1-wei settlements (10,000 wei plus gas), leaving
    /// nothing to the first real consumer. A place now costs 100 QUIV paid from deposits, counted over the consumer's
    /// payments until it joins: 10,000 dust payments take none, and the first real consumer joins as number 1.
    function test_onSettlement_oneWeiPaymentsTakeNoPlace() public {
        _fundPool(IIncentivePools.Pool.EarlyAdopter, 10_000_000 ether);
        (address sybil, uint256 sybilKey) = makeAddrAndKey("sybil0");
        _deposit(sybil, 1);
        _settle(sybilKey, _voucher(sybil, bronze, SMALL, 1, 0)); // a real settlement of 1 wei
        (bool member, uint256 earned, ) = pools.earlyAdopterOf(sybil);
        assertFalse(member, "1 wei of deposits does not join");
        assertEq(earned, 0, "and earns nothing");
        for (uint256 i = 1; i < 10_000; ++i) {
            _report(address(uint160(0x900000 + i)), 1);
        }
        assertEq(pools.earlyAdopterCount(), 0, "no place taken by dust");
        vm.expectEmit(true, false, false, true, address(pools));
        emit IIncentivePools.EarlyAdopterJoined(alice, 1);
        _report(alice, 10_000 ether);
        (member, earned, ) = pools.earlyAdopterOf(alice);
        assertTrue(member, "the first real consumer is number 1");
        assertEq(earned, 1_000 ether, "10% of 10,000");
    }

    /// @dev The minimum is counted over payments until the consumer joins: 99.999... QUIV in two payments does not
    /// join (cashback on both instead), one more wei joins at that settlement, whose whole amount earns the bonus.
    function test_onSettlement_joinsAtThePaymentThatReachesTheMinimum() public {
        _fundPool(IIncentivePools.Pool.EarlyAdopter, 5_000 ether);
        _fundPool(IIncentivePools.Pool.Cashback, 5_000 ether);
        _report(alice, 60 ether);
        _report(alice, 40 ether - 1); // 100 QUIV less one wei in all
        (bool member, uint256 earned, ) = pools.earlyAdopterOf(alice);
        assertFalse(member, "one wei short of the minimum");
        assertEq(pools.earlyAdopterCount(), 0, "no one joined");
        // Cashback 2%: 1.2 + 0.8 - 1 wei rounded down (0.79999...98 wei).
        assertEq(pools.owed(alice), 1.2 ether + 0.8 ether - 1, "cashback while not a member");
        _report(alice, 1);
        (member, earned, ) = pools.earlyAdopterOf(alice);
        assertTrue(member, "joined at the wei that reached 100 QUIV");
        assertEq(earned, 0, "10% of 1 wei rounds down to nothing");
        _report(alice, 50 ether);
        (, earned, ) = pools.earlyAdopterOf(alice);
        assertEq(earned, 5 ether, "10% of 50");
        assertEq(pools.owed(alice), 1.2 ether + 0.8 ether - 1, "no cashback once the bonus pays");
    }

    /// @dev The bonus replaces cashback (and the API share) while it pays; at the cap, or with the pool dry, those
    /// apply again.
    function test_onSettlement_bonusReplacesCashbackUntilTheCap() public {
        _fundPool(IIncentivePools.Pool.EarlyAdopter, 5_000 ether);
        _fundPool(IIncentivePools.Pool.Cashback, 5_000 ether);
        _fundPool(IIncentivePools.Pool.ApiShare, 5_000 ether);
        vm.prank(curator);
        pools.setDeveloper(alice, true);
        _report(alice, 10_000 ether);
        (, uint256 earned, ) = pools.earlyAdopterOf(alice);
        assertEq(earned, 1_000 ether, "10% of 10,000: the cap");
        assertEq(pools.owed(alice), 0, "no cashback, no API share beside the bonus");
        _report(alice, 1_000 ether);
        (, earned, ) = pools.earlyAdopterOf(alice);
        assertEq(earned, 1_000 ether, "nothing past the cap");
        assertEq(pools.owed(alice), 20 ether + 50 ether, "cashback 2% and API share 5% of 1,000 again");
    }

    function test_RevertWhen_earlyAdopterBpsWouldReachTheProtocolShare() public {
        // MarketBase: max(2% + 2 x 5%, 10%, 7%) + 5% = 17%; an early rate of 15% makes it 20%, the protocol's share.
        vm.startPrank(registry);
        pools.setParameter(MarketKeys.EARLY_ADOPTER_BPS, 1_499);
        assertEq(pools.incentiveBps(), 1_999, "14.99% + 5% stays below 20%");
        vm.expectRevert(abi.encodeWithSelector(IIncentivePools.IncentivesAboveProtocolShare.selector, 2_000, 2_000));
        pools.setParameter(MarketKeys.EARLY_ADOPTER_BPS, 1_500);
        vm.stopPrank();
        assertEq(pools.parameter(MarketKeys.EARLY_ADOPTER_BPS), 1_499, "unchanged");
    }

    function test_setParameter_earlyAdopterMinimumPayment() public {
        vm.startPrank(registry);
        pools.setParameter(MarketKeys.EARLY_ADOPTER_MIN_PAYMENT, type(uint80).max);
        assertEq(pools.parameter(MarketKeys.EARLY_ADOPTER_MIN_PAYMENT), type(uint80).max, "at its bound");
        uint256 above = uint256(type(uint80).max) + 1;
        vm.expectRevert(
            abi.encodeWithSelector(
                IParameterized.InvalidParameterValue.selector,
                MarketKeys.EARLY_ADOPTER_MIN_PAYMENT,
                above
            )
        );
        pools.setParameter(MarketKeys.EARLY_ADOPTER_MIN_PAYMENT, above);
        vm.stopPrank();
        assertEq(pools.parameter(MarketKeys.EARLY_ADOPTER_MIN_PAYMENT), type(uint80).max, "unchanged");
    }

    /// @dev Audit regression: an early adopter one wei below its cap paid 10,000 QUIV; the bonus paid 1 wei and
    /// replaced the cashback on the whole payment (200 QUIV lost to the consumer). The bonus now replaces it only on
    /// the part it covers (1 wei / 10% = 10 wei): the other 10,000 QUIV - 10 wei earn 2% cashback.
    function test_onSettlement_partialBonusLeavesCashbackOnTheUncoveredPart() public {
        _fundPool(IIncentivePools.Pool.EarlyAdopter, 5_000 ether);
        _fundPool(IIncentivePools.Pool.Cashback, 5_000 ether);
        _report(alice, 10_000 ether - 10); // 10%: 1,000 QUIV less one wei
        (, uint256 earned, ) = pools.earlyAdopterOf(alice);
        assertEq(earned, 1_000 ether - 1, "one wei below the cap");
        _report(alice, 10_000 ether);
        (, earned, ) = pools.earlyAdopterOf(alice);
        assertEq(earned, 1_000 ether, "the last wei of the cap");
        // 2% of (10,000 QUIV - 10 wei) = 200 QUIV - 0.2 wei, rounded down.
        assertEq(pools.owed(alice), 200 ether - 1, "cashback on the part the bonus did not cover");
        _report(alice, 1_000 ether);
        assertEq(pools.owed(alice), 200 ether - 1 + 20 ether, "at the cap: cashback on the whole payment");
    }

    /// @dev The same with the pool, not the cap, cutting the bonus, for an open-source developer (cashback and a
    /// doubled API share on the rest): the pool holds 10 QUIV, covering 100 of the 1,000 QUIV paid.
    function test_onSettlement_poolCutBonusLeavesCashbackAndApiShareOnTheRest() public {
        _fundPool(IIncentivePools.Pool.EarlyAdopter, 10 ether);
        _fundPool(IIncentivePools.Pool.Cashback, 5_000 ether);
        _fundPool(IIncentivePools.Pool.ApiShare, 5_000 ether);
        vm.startPrank(curator);
        pools.setDeveloper(alice, true);
        developers.setOpenSource(alice);
        vm.stopPrank();
        _report(alice, 1_000 ether);
        (, uint256 earned, ) = pools.earlyAdopterOf(alice);
        assertEq(earned, 10 ether, "what the pool held");
        // 900 QUIV uncovered: 2% + 2 x 5% = 108 QUIV.
        assertEq(pools.owed(alice), 18 ether + 90 ether, "cashback and the doubled API share on 900");
    }

    /// @dev Audit regression (the docs priced a place at 14 QUIV, counting no bonus on the joining payment): a Sybil
    /// paying its own referred provider takes a place for 100 QUIV and gets 92.4 back (the joining payment earns the
    /// 10% bonus, spent on itself), so a place costs 7.6 QUIV, the figure docs/incentives.md now gives.
    function test_settle_aSelfDealtPlaceCostsSevenPointSixQuiv() public {
        _fundPool(IIncentivePools.Pool.EarlyAdopter, 5_000 ether);
        _fundPool(IIncentivePools.Pool.Referral, 5_000 ether);
        vm.prank(bronze);
        pools.registerReferral(silver); // the sybil, bronze and silver are one party
        (address sybil, uint256 sybilKey) = makeAddrAndKey("placeTaker");
        _deposit(sybil, 100 ether);
        _settle(sybilKey, _voucher(sybil, bronze, SMALL, 100 ether, 0));
        (bool member, uint256 earned, ) = pools.earlyAdopterOf(sybil);
        assertTrue(member, "a place for 100 QUIV");
        assertEq(earned, 10 ether, "10% of the joining payment");
        vm.prank(sybil);
        pools.redeemEarlyCredits();
        _settle(sybilKey, _voucher(sybil, bronze, SMALL, 110 ether, 0)); // the 10 of credits, to itself
        vm.prank(bronze);
        assertEq(market.claimEarnings(), 88 ether, "80% of 100 + 80% of 10");
        vm.prank(silver);
        assertEq(pools.claim(), 4.4 ether, "referral: 5% of 88");
        // 100 paid, 92.4 back: 7.6 QUIV a place, 76,000 QUIV for all 10,000.
        assertEq(_deposits(sybil) + _credits(sybil), 0, "nothing left in the market");
    }

    /// @dev Whatever cuts the bonus (the cap's room, the pool), no wei of a payment earns both paths: an open-source
    /// developer early adopter earns at most max(10%, 2% + 2 x 5%) = 12% of what it pays, and at least the 10% bonus
    /// or the 12% of the regular path on every wei (less rounding).
    function testFuzz_onSettlement_partialBonusNeverStacks(uint256 room, uint256 pool, uint256 paid) public {
        paid = bound(paid, 100 ether, 100_000 ether);
        room = bound(room, 1, 990 ether); // the joining payment reaches the 100 QUIV minimum
        pool = bound(pool, 1, 2_000 ether);
        _fundPool(IIncentivePools.Pool.EarlyAdopter, 1_000 ether - room + pool);
        _fundPool(IIncentivePools.Pool.Cashback, 100_000 ether);
        _fundPool(IIncentivePools.Pool.ApiShare, 100_000 ether);
        vm.startPrank(curator);
        pools.setDeveloper(alice, true);
        developers.setOpenSource(alice);
        vm.stopPrank();
        _report(alice, (1_000 ether - room) * 10); // joins and earns the cap less `room`
        uint256 owedBefore = pools.owed(alice);
        (, uint256 earnedBefore, ) = pools.earlyAdopterOf(alice);
        assertEq(earnedBefore, 1_000 ether - room, "cap less room");
        _report(alice, paid);
        (, uint256 earned, ) = pools.earlyAdopterOf(alice);
        uint256 bonus = earned - earnedBefore;
        uint256 regular = pools.owed(alice) - owedBefore;
        assertLe(bonus + regular, (paid * 1_200) / 10_000, "never more than the larger path");
        assertGe((bonus + regular) + 2, (paid * 1_000) / 10_000, "at least the smaller path on every wei");
    }

    /// @dev Sybil identities: each earns at most 10% of what it paid itself, whatever the split.
    function testFuzz_sybilsEarnAtMostTenPercentOfTheirOwnSpending(uint256 identities, uint256 seed) public {
        identities = bound(identities, 1, 20);
        _fundPool(IIncentivePools.Pool.EarlyAdopter, 1_000_000 ether);
        uint256 totalPaid;
        uint256 totalEarned;
        for (uint256 i = 0; i < identities; ++i) {
            address sybil = address(uint160(0x5000 + i));
            uint256 paid = bound(uint256(keccak256(abi.encode(seed, i))), 0, 20_000 ether);
            _report(sybil, paid);
            (, uint256 earned, ) = pools.earlyAdopterOf(sybil);
            assertLe(earned * 10, paid, "each identity: at most 10% of its own payments");
            assertLe(earned, 1_000 ether, "each identity: at most the cap");
            totalPaid += paid;
            totalEarned += earned;
        }
        assertLe(totalEarned * 10, totalPaid, "the Sybil in all: at most 10% of its spending");
    }
}

/// @notice Audit regression: with in-bound rates (cashback 10%, referral 9%) and the early-adopter bonus on top of
/// cashback, a consumer paying its own provider, referred by its own second provider, got back more than it paid. The
/// bonus now replaces cashback, and the bound counts it as one path: max(10%, 10%) + 9% = 19% < 20%.
contract EarlyAdopterRoundTripTest is MarketBase {
    function _rates() internal pure override returns (IIncentivePools.Rates memory r) {
        r = super._rates();
        r.cashbackBps = 1_000;
        r.referralBps = 900;
        r.apiShareBps = 0;
        r.creditBonusBps = 0;
        r.earlyAdopterBps = 1_000;
        r.earlyAdopterCap = 1_000 ether;
    }

    /// @dev Before: cashback 999 + bonus 999 + referral 791.208 returned 10,581.408 for 9,990 paid (591.408 gained).
    /// Now: 9,990 from deposits earns the 999 bonus instead of cashback; the 999 of credits go to itself too;
    /// bronze earns 80% of 10,989 = 8,791.2, silver's referral 9% of it = 791.208: 9,582.408 back, 407.592 lost.
    function test_settle_selfDealingEarlyAdopterLosesAtInBoundRates() public {
        _fundPool(IIncentivePools.Pool.Cashback, 10_000 ether);
        _fundPool(IIncentivePools.Pool.Referral, 10_000 ether);
        _fundPool(IIncentivePools.Pool.EarlyAdopter, 10_000 ether);
        // alice (consumer), bronze (provider) and silver (its referrer) are one party.
        vm.prank(bronze);
        pools.registerReferral(silver);
        _deposit(alice, 9_990 ether);
        uint256 before = token.balanceOf(alice) + token.balanceOf(bronze) + token.balanceOf(silver);

        // 9,990 from deposits (list value under the first volume band: no discount).
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 9_990 ether, 0));
        vm.prank(alice);
        assertEq(pools.redeemEarlyCredits(), 999 ether, "10% as credits");
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 10_989 ether, 0)); // the 999 of credits, to itself

        vm.prank(bronze);
        assertEq(market.claimEarnings(), 8_791.2 ether, "80% of 10,989");
        assertEq(pools.owed(alice), 0, "no cashback beside the bonus");
        vm.prank(silver);
        assertEq(pools.claim(), 791.208 ether, "referral: 9% of 8,791.2");
        uint256 afterwards = token.balanceOf(alice) + token.balanceOf(bronze) + token.balanceOf(silver);
        assertEq(afterwards, before + 9_582.408 ether, "paid 9,990 (before the snapshot), got back 9,582.408");
        assertEq(_deposits(alice) + _credits(alice), 0, "nothing left in the market");
    }
}
