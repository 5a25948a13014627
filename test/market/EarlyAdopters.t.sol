// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGuardianPausable} from "../../contracts/interfaces/IGuardianPausable.sol";
import {IIncentivePools} from "../../contracts/interfaces/IIncentivePools.sol";
import {IInferenceMarket} from "../../contracts/interfaces/IInferenceMarket.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {MarketKeys} from "../../contracts/libraries/MarketKeys.sol";
import {MarketBase} from "./MarketBase.sol";

/// @notice Early adopters: the first 10,000 consumers to pay from deposits earn 10% of what they pay as market credits,
/// up to 1,000 QUIV each, from the funded early-adopter pool.
contract EarlyAdoptersTest is MarketBase {
    function _rates() internal pure override returns (IIncentivePools.Rates memory r) {
        r = super._rates();
        r.earlyAdopterBps = 1_000;
        r.earlyAdopterCap = 1_000 ether;
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
        _fundPool(IIncentivePools.Pool.EarlyAdopter, 10_001 ether);
        for (uint256 i = 1; i < 10_000; ++i) {
            _report(address(uint160(0x100000 + i)), 1 ether);
        }
        assertEq(pools.earlyAdopterCount(), 9_999, "9,999 joined");
        address tenThousandth = makeAddr("tenThousandth");
        address next = makeAddr("next");
        vm.expectEmit(true, false, false, true, address(pools));
        emit IIncentivePools.EarlyAdopterJoined(tenThousandth, 10_000);
        _report(tenThousandth, 10 ether);
        _report(next, 10 ether);
        (bool member, uint256 earned, ) = pools.earlyAdopterOf(tenThousandth);
        assertTrue(member, "the 10,000th is in");
        assertEq(earned, 1 ether, "10% of 10");
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

    /// @dev One party takes all 10,000 places with dust: a first settlement of 1 wei of list value from deposits joins,
    /// so 10,000 identities paying 1 wei each (10,000 wei in all, plus gas) leave nothing to the first real consumer.
    // KNOWN ISSUE: any payment from deposits, however small, takes a place, so the "first 10,000 users" can be squatted
    // by one party for gas alone and the pool then pays no one. A governed minimum first payment to join would price
    // each place (at a self-dealing loss of about 10% of it per identity); it needs a new registered parameter in the
    // pools, the preset and the deployment, left to the module's owner. This test pins the current figures.
    function test_onSettlement_knownIssue_oneWeiPaymentsTakeEveryPlace() public {
        _fundPool(IIncentivePools.Pool.EarlyAdopter, 10_000_000 ether);
        (address sybil, uint256 sybilKey) = makeAddrAndKey("sybil0");
        _deposit(sybil, 1);
        _settle(sybilKey, _voucher(sybil, bronze, SMALL, 1, 0)); // a real settlement of 1 wei
        (bool member, uint256 earned, ) = pools.earlyAdopterOf(sybil);
        assertTrue(member, "1 wei of deposits joins");
        assertEq(earned, 0, "and earns nothing");
        assertEq(market.accountOf(sybil).balance + _deposits(sybil), 0, "the place cost 1 wei");
        for (uint256 i = 1; i < 10_000; ++i) {
            _report(address(uint160(0x900000 + i)), 1);
        }
        assertEq(pools.earlyAdopterCount(), 10_000, "every place taken for 10,000 wei");
        _report(alice, 10_000 ether);
        (member, earned, ) = pools.earlyAdopterOf(alice);
        assertFalse(member, "the first real consumer is the 10,001st");
        assertEq(earned, 0, "and earns none of the 1,000 QUIV it would have");
        assertEq(pools.poolInfo(IIncentivePools.Pool.EarlyAdopter).spent, 0, "the pool pays no one");
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

/// @notice The early-adopter bonus sits outside the rates' bound: with in-bound rates (cashback 10%, referral 9%: 19%
/// under the protocol's 20%), a consumer paying its own provider, referred by its own second provider, gets back more
/// than it paid while it earns its bonus.
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

    // KNOWN ISSUE: the early-adopter rate is left out of the rates' bound by design (docs/market.md, "Early
    // adopters sit outside the bound"), so at in-bound rates a self-dealing party nets 591.408 QUIV on 9,990 paid
    // per identity (about 5.9M QUIV over 10,000 identities, from the cashback, referral and early-adopter pools).
    // At QUIVer's preset rates the same loop returns about 99.4% (it loses). Counting the bonus in the bound would
    // refuse the seed's 10%, so the choice (or a bound on the rates while the program runs) is left to governance
    // and the module's owner.
    function test_settle_knownIssue_selfDealingRoundTripPaysAtInBoundRates() public {
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
        vm.prank(alice);
        assertEq(pools.claim(), 999 ether, "cashback: 10% of 9,990");
        vm.prank(silver);
        assertEq(pools.claim(), 791.208 ether, "referral: 9% of 8,791.2");
        uint256 afterwards = token.balanceOf(alice) + token.balanceOf(bronze) + token.balanceOf(silver);
        assertEq(afterwards, before + 9_990 ether + 591.408 ether, "paid 9,990, got back 10,581.408");
        assertEq(_deposits(alice) + _credits(alice), 0, "nothing left in the market");
    }
}
