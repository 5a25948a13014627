// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IDeveloperPrograms} from "../../contracts/interfaces/IDeveloperPrograms.sol";
import {IIncentivePools} from "../../contracts/interfaces/IIncentivePools.sol";
import {IInferenceMarket} from "../../contracts/interfaces/IInferenceMarket.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {MarketKeys} from "../../contracts/libraries/MarketKeys.sol";
import {IncentivePools} from "../../contracts/market/IncentivePools.sol";
import {MarketBase} from "./MarketBase.sol";

/// @notice Incentives from funded pools, never minted: cashback (2%), API revenue share (5%) for approved developers,
/// referral (5% of a referred provider's earnings for a year), each capped by what its pool holds.
contract IncentivePoolsTest is MarketBase {
    address internal newcomer;

    function setUp() public override {
        super.setUp();
        newcomer = makeAddr("newcomer");
        _register(newcomer, 10_000 ether);
        vm.prank(newcomer);
        catalog.serveModel(SMALL);
        _deposit(alice, 100_000 ether);
    }

    function _settleWith(address provider, uint256 cumulativeAmount) internal {
        _settle(aliceKey, _voucher(alice, provider, SMALL, cumulativeAmount, 0));
    }

    // ------------------------------------------------------------------ funding and cashback

    function test_fund_pullsTokensIntoThePool() public {
        _mint(bob, 500 ether);
        vm.startPrank(bob);
        token.approve(address(pools), 500 ether);
        vm.expectEmit(true, true, false, true, address(pools));
        emit IIncentivePools.PoolFunded(IIncentivePools.Pool.Cashback, bob, 500 ether);
        pools.fund(IIncentivePools.Pool.Cashback, 500 ether);
        vm.stopPrank();
        assertEq(pools.poolInfo(IIncentivePools.Pool.Cashback).funded, 500 ether, "funded");
        assertEq(token.balanceOf(address(pools)), 500 ether, "held");
    }

    function test_RevertWhen_fundZero() public {
        vm.expectRevert(IIncentivePools.ZeroAmount.selector);
        pools.fund(IIncentivePools.Pool.Cashback, 0);
        assertEq(pools.poolInfo(IIncentivePools.Pool.Cashback).funded, 0, "nothing funded");
    }

    function test_onSettlement_cashbackIsTwoPercentOfWhatTheConsumerPaid() public {
        _fundPool(IIncentivePools.Pool.Cashback, 100 ether);
        vm.prank(silver);
        catalog.serveModel(SMALL);
        _reserveAll(alice, silver);
        vm.expectEmit(true, true, false, true, address(pools));
        emit IIncentivePools.RewardAccrued(IIncentivePools.Pool.Cashback, alice, 18 ether);
        _settleWith(silver, 1_000 ether); // Silver: alice pays 900
        assertEq(pools.owed(alice), 18 ether, "2% of 900");
        assertEq(pools.poolInfo(IIncentivePools.Pool.Cashback).spent, 18 ether, "spent");
        assertEq(pools.totalOwed(), 18 ether, "owed in all");

        vm.expectEmit(true, false, false, true, address(pools));
        emit IIncentivePools.RewardsClaimed(alice, 18 ether);
        vm.prank(alice);
        assertEq(pools.claim(), 18 ether, "claimed");
        assertEq(token.balanceOf(alice), 18 ether, "paid");
        assertEq(pools.totalOwed(), 0, "nothing owed");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIncentivePools.NothingToClaim.selector, alice));
        pools.claim();
    }

    function test_onSettlement_neverMoreThanThePoolHolds() public {
        _fundPool(IIncentivePools.Pool.Cashback, 10 ether);
        _settleWith(bronze, 1_000 ether); // 2% would be 20
        assertEq(pools.owed(alice), 10 ether, "capped by the pool");
        _settleWith(bronze, 2_000 ether);
        assertEq(pools.owed(alice), 10 ether, "a dry pool pays nothing");
        IIncentivePools.PoolView memory p = pools.poolInfo(IIncentivePools.Pool.Cashback);
        assertEq(p.spent, p.funded, "spent == funded");
        uint256 supply = token.totalSupply();
        _settleWith(bronze, 3_000 ether);
        assertEq(token.totalSupply(), supply, "nothing is ever minted");
    }

    function test_onSettlement_unfundedPoolsLeaveTheSettlementIntact() public {
        _settleWith(bronze, 1_000 ether);
        assertEq(pools.owed(alice), 0, "no cashback without funding");
        assertEq(_unclaimed(bronze), 800 ether, "the provider is paid all the same");
    }

    function test_onSettlement_creditsEarnNoCashback() public {
        _fundPool(IIncentivePools.Pool.Cashback, 100 ether);
        _buyCredits(alice, 500 ether); // no bonus pool funded: 500 credits
        _settleWith(bronze, 1_000 ether); // 500 from credits, 500 from deposits
        assertEq(pools.owed(alice), 10 ether, "2% of the 500 paid from deposits");
    }

    function testFuzz_payingOneselfNeverPays(uint256 deposits, uint256 credits, uint256 amount) public {
        // The worst case: every pool funded, the consumer an approved developer, its provider referred by a friend,
        // credits bought with their bonus. Consumer, provider and referrer act as one.
        for (uint256 i; i < 4; ++i) _fundPool(IIncentivePools.Pool(i), 1_000_000 ether);
        vm.prank(curator);
        pools.setDeveloper(bob, true);
        vm.prank(newcomer);
        pools.registerReferral(silver);
        deposits = bound(deposits, 0, 50_000 ether);
        credits = bound(credits, 0, 50_000 ether);
        if (deposits != 0) _deposit(bob, deposits);
        if (credits != 0) _buyCredits(bob, credits);
        _reserveAll(bob, newcomer);
        IInferenceMarket.ReserveView memory a = market.reserveOf(bob, newcomer);
        amount = bound(amount, 1, a.deposits + a.credits);
        _settle(bobKey, _voucher(bob, newcomer, SMALL, amount, 0));

        (uint256 earned, ) = market.earningsOf(newcomer);
        uint256 back = earned + pools.owed(bob) + pools.owed(silver);
        IInferenceMarket.ReserveView memory b = market.reserveOf(bob, newcomer);
        uint256 fromDeposits = a.deposits - b.deposits;
        uint256 fromCredits = a.credits - b.credits;
        // Real tokens paid: deposits spent, plus credits spent at what they cost (`credits` bought `a.credits`).
        if (a.credits == 0) {
            assertLe(back, fromDeposits, "what comes back never exceeds what was paid");
        } else {
            assertLe(
                back * a.credits,
                fromDeposits * a.credits + fromCredits * credits + a.credits,
                "what comes back never exceeds the real tokens paid (to the wei)"
            );
        }
    }

    // ------------------------------------------------------------------ API revenue share

    function test_onSettlement_apiShareForApprovedDevelopers() public {
        _fundPool(IIncentivePools.Pool.Cashback, 1_000 ether);
        _fundPool(IIncentivePools.Pool.ApiShare, 1_000 ether);
        _settleWith(bronze, 1_000 ether);
        assertEq(pools.owed(alice), 20 ether, "cashback only: not a developer");

        vm.expectEmit(true, false, false, true, address(pools));
        emit IIncentivePools.DeveloperSet(alice, true);
        vm.prank(curator);
        pools.setDeveloper(alice, true);
        assertTrue(pools.isDeveloper(alice), "approved");
        _settleWith(bronze, 2_000 ether);
        assertEq(pools.owed(alice), 20 ether + 20 ether + 50 ether, "then 2% cashback and 5% API share");
        assertEq(pools.poolInfo(IIncentivePools.Pool.ApiShare).spent, 50 ether, "from the API pool");

        vm.prank(curator);
        pools.setDeveloper(alice, false);
        _settleWith(bronze, 3_000 ether);
        assertEq(pools.owed(alice), 110 ether, "revoked: cashback only");
    }

    /// @dev Open source (the developer programs' flag, set by the curator, cleared by governance) doubles the API
    /// share: 2% + 10% of 1,000 = 120; a developer without the flag earns 2% + 5% = 70; the flag alone (not an approved
    /// developer) earns nothing more than cashback.
    function test_onSettlement_openSourceDeveloperEarnsTwiceTheApiShare() public {
        _fundPool(IIncentivePools.Pool.Cashback, 1_000 ether);
        _fundPool(IIncentivePools.Pool.ApiShare, 1_000 ether);
        assertEq(pools.developerPrograms(), address(developers), "the pools read the base's developer programs");
        vm.prank(curator);
        developers.setOpenSource(alice);
        _settleWith(bronze, 1_000 ether);
        assertEq(pools.owed(alice), 20 ether, "open source but not an approved developer: cashback only");

        vm.prank(curator);
        pools.setDeveloper(alice, true);
        _settleWith(bronze, 2_000 ether); // cumulative: 1,000 more
        assertEq(pools.owed(alice), 20 ether + 20 ether + 100 ether, "2% cashback and 10% API share");
        assertEq(pools.poolInfo(IIncentivePools.Pool.ApiShare).spent, 100 ether, "from the API pool");

        vm.prank(governor);
        developers.revokeOpenSource(alice);
        _settleWith(bronze, 3_000 ether);
        assertEq(pools.owed(alice), 140 ether + 20 ether + 50 ether, "revoked: 2% + 5%");
    }

    /// @dev Without developer programs (the zero address) nobody is open source: 5%, never 10%.
    function test_onSettlement_noDeveloperProgramsMeansTheSingleShare() public {
        IncentivePools alone = new IncentivePools(
            IERC20(address(token)),
            staking,
            router,
            IDeveloperPrograms(address(0)),
            address(manager),
            _rates()
        );
        assertEq(alone.developerPrograms(), address(0), "none");
        assertEq(alone.incentiveBps(), 1_700, "the bound still counts the double: max(200 + 1,000, 700) + 500");
    }

    function test_RevertWhen_developerSetByNonCuratorOrZero() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, alice));
        pools.setDeveloper(alice, true);
        vm.prank(curator);
        vm.expectRevert(IIncentivePools.ZeroAddress.selector);
        pools.setDeveloper(address(0), true);
        assertFalse(pools.isDeveloper(alice), "not approved");
    }

    // ------------------------------------------------------------------ referrals

    function test_registerReferral_earnsFivePercentOfTheReferredProvidersEarningsForAYear() public {
        _fundPool(IIncentivePools.Pool.Referral, 1_000 ether);
        vm.expectEmit(true, true, false, true, address(pools));
        emit IIncentivePools.ReferralRegistered(newcomer, silver, T0 + 365 days);
        vm.prank(newcomer);
        pools.registerReferral(silver);
        IIncentivePools.Referral memory r = pools.referralOf(newcomer);
        assertEq(r.referrer, silver, "referrer");
        assertEq(r.until, T0 + 365 days, "one year");

        _settleWith(newcomer, 1_000 ether); // the newcomer earns 800
        assertEq(pools.owed(silver), 40 ether, "5% of 800");
        assertEq(_unclaimed(newcomer), 800 ether, "the referred provider keeps all its earnings");

        _skip(365 days - 1);
        _settleWith(newcomer, 2_000 ether);
        assertEq(pools.owed(silver), 80 ether, "still within the year");
        _skip(1);
        _settleWith(newcomer, 3_000 ether);
        assertEq(pools.owed(silver), 80 ether, "nothing after the year");
        assertEq(pools.poolInfo(IIncentivePools.Pool.Referral).spent, 80 ether, "spent");
    }

    function test_RevertWhen_referralInvalid() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIncentivePools.NotAProvider.selector, alice));
        pools.registerReferral(silver);

        vm.prank(newcomer);
        vm.expectRevert(abi.encodeWithSelector(IIncentivePools.SelfReferral.selector, newcomer));
        pools.registerReferral(newcomer);

        vm.prank(newcomer);
        vm.expectRevert(abi.encodeWithSelector(IIncentivePools.ReferrerInactive.selector, bob));
        pools.registerReferral(bob);

        vm.prank(newcomer);
        pools.registerReferral(silver);
        vm.prank(newcomer);
        vm.expectRevert(abi.encodeWithSelector(IIncentivePools.ReferralExists.selector, newcomer, silver));
        pools.registerReferral(gold);
        assertEq(pools.referralOf(newcomer).referrer, silver, "unchanged");
    }

    function test_RevertWhen_providerReferredAfterItEarned() public {
        _settleWith(bronze, 1_000 ether);
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IIncentivePools.ProviderAlreadyEarned.selector, bronze, 800 ether));
        pools.registerReferral(silver);
        assertEq(pools.referralOf(bronze).referrer, address(0), "no referral");
    }

    // ------------------------------------------------------------------ market binding

    function test_RevertWhen_anyoneButTheMarketAccrues() public {
        _fundPool(IIncentivePools.Pool.Cashback, 100 ether);
        _fundPool(IIncentivePools.Pool.CreditBonus, 100 ether);
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIncentivePools.OnlyMarket.selector, alice));
        pools.onSettlement(alice, bronze, 1_000 ether, 800 ether, false);
        vm.expectRevert(abi.encodeWithSelector(IIncentivePools.OnlyMarket.selector, alice));
        pools.drawCreditBonus(1_000 ether);
        vm.stopPrank();
        assertEq(pools.owed(alice), 0, "nothing accrued");
        assertEq(token.balanceOf(address(pools)), 200 ether, "nothing drawn");
    }

    function test_RevertWhen_bindMarketTwice() public {
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IIncentivePools.MarketAlreadyBound.selector, address(market)));
        pools.bindMarket(alice);
        assertEq(pools.market(), address(market), "unchanged");
    }

    // ------------------------------------------------------------------ parameters

    function test_parameter_readsThePreset() public view {
        assertEq(pools.parameter(MarketKeys.CASHBACK_BPS), 200, "cashback 2%");
        assertEq(pools.parameter(MarketKeys.REFERRAL_BPS), 500, "referral 5%");
        assertEq(pools.parameter(MarketKeys.REFERRAL_DURATION), 365 days, "one year");
        assertEq(pools.parameter(MarketKeys.API_SHARE_BPS), 500, "API share 5%");
        assertEq(pools.parameter(MarketKeys.CREDIT_BONUS_BPS), 1_000, "credit bonus 10%");
    }

    function test_setParameter_cashbackRate() public {
        _fundPool(IIncentivePools.Pool.Cashback, 100 ether);
        vm.prank(registry);
        pools.setParameter(MarketKeys.CASHBACK_BPS, 250); // 250 + 500 + 500 + 700 = 1,950 < 2,000
        _settleWith(bronze, 1_000 ether);
        assertEq(pools.owed(alice), 25 ether, "2.5%");
    }

    function test_RevertWhen_poolParameterInvalid() public {
        vm.startPrank(registry);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, MarketKeys.CASHBACK_BPS, 10_001)
        );
        pools.setParameter(MarketKeys.CASHBACK_BPS, 10_001);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, MarketKeys.REFERRAL_DURATION, 0)
        );
        pools.setParameter(MarketKeys.REFERRAL_DURATION, 0);
        bytes32 unknown = keccak256("market.nothing");
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, unknown));
        pools.setParameter(unknown, 1);
        vm.stopPrank();
        assertEq(pools.parameter(MarketKeys.CASHBACK_BPS), 200, "unchanged");
    }

    function test_RevertWhen_constructedWithInvalidRates() public {
        IIncentivePools.Rates memory r = _rates();
        r.referralDuration = 0;
        vm.expectRevert(IIncentivePools.InvalidConfiguration.selector);
        new IncentivePools(IERC20(address(token)), staking, router, developers, address(manager), r);
    }

    /// @dev A referral needs the bound market (it flags the referred provider there); nothing is stored before.
    function test_RevertWhen_referralBeforeAMarketIsBound() public {
        IncentivePools unbound = new IncentivePools(
            IERC20(address(token)),
            staking,
            router,
            developers,
            address(manager),
            _rates()
        );
        vm.prank(newcomer);
        vm.expectRevert(IIncentivePools.MarketNotBound.selector);
        unbound.registerReferral(silver);
        assertEq(unbound.referralOf(newcomer).referrer, address(0), "no referral stored");
    }

    /// @dev Only the pools flag a provider as referred in the market (its settlements then read the referral).
    function test_RevertWhen_anyoneButThePoolsMarksAReferral() public {
        vm.prank(newcomer);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.OnlyIncentives.selector, newcomer));
        market.markReferred(newcomer);
        vm.expectEmit(true, false, false, false, address(market));
        emit IInferenceMarket.ReferralMarked(newcomer);
        vm.prank(newcomer);
        pools.registerReferral(silver);
    }

    // ------------------------------------------------------------------ never more than funded

    function testFuzz_rewardsNeverExceedFunding(uint256[3] memory funding, uint256[4] memory amounts) public {
        vm.prank(curator);
        pools.setDeveloper(alice, true);
        vm.prank(newcomer);
        pools.registerReferral(silver);
        for (uint256 i; i < 3; ++i) {
            funding[i] = bound(funding[i], 0, 50 ether);
            if (funding[i] != 0) _fundPool(IIncentivePools.Pool(i), funding[i]);
        }
        uint256 cumulative;
        for (uint256 i; i < 4; ++i) {
            cumulative += bound(amounts[i], 1, 5_000 ether);
            _settleWith(newcomer, cumulative);
        }
        uint256 totalFunded;
        for (uint256 i; i < 3; ++i) {
            IIncentivePools.PoolView memory p = pools.poolInfo(IIncentivePools.Pool(i));
            assertLe(p.spent, p.funded, "a pool never pays more than it was funded");
            totalFunded += p.funded;
        }
        assertEq(pools.owed(alice) + pools.owed(silver), pools.totalOwed(), "owed to the two earners");
        assertLe(pools.totalOwed(), totalFunded, "owed <= funded");
        assertEq(token.balanceOf(address(pools)), totalFunded, "every funded token is still held");
    }
}
