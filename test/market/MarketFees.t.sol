// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IFeeRouter} from "../../contracts/interfaces/IFeeRouter.sol";
import {IInferenceMarket} from "../../contracts/interfaces/IInferenceMarket.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {MarketKeys} from "../../contracts/libraries/MarketKeys.sol";
import {FeeRouter} from "../../contracts/market/FeeRouter.sol";
import {MarketBase} from "./MarketBase.sol";

/// @notice The fee policy: the split table (checked to sum to 10,000, the provider taking what the governed shares
/// leave), tier, volume, subscription and batch discounts and their cap, the priority fee, routed fees, and in the
/// market: discounts applied at settlement, distribution of the protocol's parts, burns and earnings claims.
contract MarketFeesTest is MarketBase {
    // ------------------------------------------------------------------ the table

    function _split(
        uint256 p,
        uint256 v,
        uint256 b,
        uint256 i,
        uint256 t
    ) internal pure returns (IFeeRouter.FeeSplit memory) {
        return IFeeRouter.FeeSplit({providerBps: p, validatorBps: v, burnBps: b, infrastructureBps: i, treasuryBps: t});
    }

    function _newRouter(IFeeRouter.FeeSplit memory split) internal returns (FeeRouter) {
        IFeeRouter.Parameters memory p = _routerParameters();
        p.split = split;
        return
            new FeeRouter(
                IERC20(address(token)),
                staking,
                address(manager),
                p,
                IFeeRouter.FeeRecipients(validators, infrastructure, treasury)
            );
    }

    function test_feeSplit_isTheFeeTable() public view {
        IFeeRouter.FeeSplit memory s = router.feeSplit();
        assertEq(s.providerBps, 8_000, "provider 80%");
        assertEq(s.validatorBps, 50, "validators 0.5%");
        assertEq(s.burnBps, 100, "burn 1%");
        assertEq(s.infrastructureBps, 1_350, "infrastructure 13.5%");
        assertEq(s.treasuryBps, 500, "treasury 5%");
    }

    function test_RevertWhen_splitDoesNotSumTo10000() public {
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.InvalidSplit.selector, 9_999, 8_000));
        _newRouter(_split(8_000, 50, 100, 1_349, 500));
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.InvalidSplit.selector, 10_001, 8_001));
        _newRouter(_split(8_001, 50, 100, 1_350, 500));
        // Sums to 10,000 but leaves the provider less than half.
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.InvalidSplit.selector, 10_000, 4_999));
        _newRouter(_split(4_999, 50, 100, 4_351, 500));
    }

    function test_setParameter_aShareChangeComesOutOfTheProvidersShare() public {
        vm.expectEmit(true, false, false, true, address(router));
        emit IParameterized.ParameterSet(MarketKeys.BURN_FEE_BPS, 150);
        _setRouterParameter(MarketKeys.BURN_FEE_BPS, 150);
        IFeeRouter.FeeSplit memory s = router.feeSplit();
        assertEq(s.burnBps, 150, "burn 1.5%");
        assertEq(s.providerBps, 7_950, "provider 79.5%");
        assertEq(s.providerBps + s.validatorBps + s.burnBps + s.infrastructureBps + s.treasuryBps, 10_000, "sum");
    }

    function test_RevertWhen_splitChangeLeavesTheProviderBelowHalf() public {
        // 50 + 100 + 1,350 + 3,501 = 5,001 bps for the protocol: the provider would keep 49.99%.
        vm.prank(registry);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, MarketKeys.TREASURY_FEE_BPS, 3_501)
        );
        router.setParameter(MarketKeys.TREASURY_FEE_BPS, 3_501);
        assertEq(router.feeSplit().treasuryBps, 500, "unchanged");
        assertEq(router.feeSplit().providerBps, 8_000, "unchanged");
        // Exactly half is allowed.
        _setRouterParameter(MarketKeys.TREASURY_FEE_BPS, 3_500);
        assertEq(router.feeSplit().providerBps, 5_000, "half");
    }

    function test_RevertWhen_routerParameterBreaksARule() public {
        _expectInvalid(MarketKeys.MIN_PRIORITY_BPS, 2_001); // above the maximum
        _expectInvalid(MarketKeys.MAX_PRIORITY_BPS, 10_001);
        _expectInvalid(MarketKeys.MAX_TOTAL_DISCOUNT_BPS, 9_001);
        _expectInvalid(MarketKeys.BATCH_DISCOUNT_BPS, 10_001);
        _expectInvalid(MarketKeys.TOKEN_PRICE_USD, 0);
        _expectInvalid(MarketKeys.VOLUME_BAND_2_USD, 1_000); // not above band 1
        _expectInvalid(MarketKeys.VOLUME_BAND_1_DISCOUNT_BPS, 1_001); // above band 2's discount
        _expectInvalid(MarketKeys.VOLUME_BAND_4_DISCOUNT_BPS, 10_001);
        assertEq(router.parameter(MarketKeys.VOLUME_BAND_2_USD), 10_000, "unchanged");
        bytes32 unknown = keccak256("market.nothing");
        vm.prank(registry);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, unknown));
        router.setParameter(unknown, 1);
    }

    function _expectInvalid(bytes32 key, uint256 value) internal {
        vm.prank(registry);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, key, value));
        router.setParameter(key, value);
    }

    function test_parameter_readsThePreset() public view {
        assertEq(router.parameter(MarketKeys.VALIDATOR_FEE_BPS), 50, "validators");
        assertEq(router.parameter(MarketKeys.BURN_FEE_BPS), 100, "burn");
        assertEq(router.parameter(MarketKeys.INFRASTRUCTURE_FEE_BPS), 1_350, "infrastructure");
        assertEq(router.parameter(MarketKeys.TREASURY_FEE_BPS), 500, "treasury");
        assertEq(router.parameter(MarketKeys.MIN_PRIORITY_BPS), 500, "priority 5%");
        assertEq(router.parameter(MarketKeys.MAX_PRIORITY_BPS), 2_000, "priority 20%");
        assertEq(router.parameter(MarketKeys.BATCH_DISCOUNT_BPS), 1_000, "batch");
        assertEq(router.parameter(MarketKeys.SUBSCRIPTION_DISCOUNT_BPS), 2_000, "subscription 20%");
        assertEq(router.parameter(MarketKeys.MAX_TOTAL_DISCOUNT_BPS), 5_000, "cap");
        assertEq(router.parameter(MarketKeys.TOKEN_PRICE_USD), 0.1 ether, "$0.10");
        assertEq(router.parameter(MarketKeys.VOLUME_BAND_1_USD), 1_000, "band 1");
        assertEq(router.parameter(MarketKeys.VOLUME_BAND_4_USD), 1_000_000, "band 4");
        assertEq(router.parameter(MarketKeys.VOLUME_BAND_1_DISCOUNT_BPS), 500, "5%");
        assertEq(router.parameter(MarketKeys.VOLUME_BAND_4_DISCOUNT_BPS), 2_000, "20%");
    }

    // ------------------------------------------------------------------ charge

    function test_charge_tierDiscounts() public view {
        assertEq(router.charge(bronze, 1_000 ether, 0, false, 0, false).total, 1_000 ether, "Bronze: 0%");
        assertEq(router.charge(silver, 1_000 ether, 0, false, 0, false).total, 900 ether, "Silver: 10%");
        assertEq(router.charge(gold, 1_000 ether, 0, false, 0, false).total, 800 ether, "Gold: 20%");
        IFeeRouter.Charge memory c = router.charge(platinum, 1_000 ether, 0, false, 0, false);
        assertEq(c.discountBps, 3_000, "Platinum: 30%");
        assertEq(c.total, 700 ether, "pays 700");
        assertEq(c.provider, 560 ether, "80% of 700");
        assertEq(c.validators, 3.5 ether, "0.5% of 700");
        assertEq(c.burn, 7 ether, "1% of 700");
        assertEq(c.infrastructure, 94.5 ether, "13.5% of 700");
        assertEq(c.treasury, 35 ether, "5% of 700");
    }

    function test_volumeDiscountBps_bandsInUsdAtTheGovernedPrice() public view {
        // $0.10 a token: $1,000 is 10,000 tokens.
        assertEq(router.volumeDiscountBps(10_000 ether - 1), 0, "$999.99: none");
        assertEq(router.volumeDiscountBps(10_000 ether), 500, "$1,000: 5%");
        assertEq(router.volumeDiscountBps(100_000 ether), 1_000, "$10,000: 10%");
        assertEq(router.volumeDiscountBps(1_000_000 ether), 1_500, "$100,000: 15%");
        assertEq(router.volumeDiscountBps(10_000_000 ether - 1), 1_500, "just under $1M: 15%");
        assertEq(router.volumeDiscountBps(10_000_000 ether), 2_000, "$1M: 20%");
    }

    function test_volumeDiscountBps_followsTheGovernedPrice() public {
        _setRouterParameter(MarketKeys.TOKEN_PRICE_USD, 0.12 ether);
        // 10,000 tokens at $0.12 = $1,200 (band 1); 8,334 tokens = $1,000.08.
        assertEq(router.volumeDiscountBps(8_334 ether), 500, "band 1 at the new price");
        assertEq(router.volumeDiscountBps(8_333 ether), 0, "$999.96: none");
    }

    function test_charge_subscriptionBatchAndTheirComposition() public view {
        assertEq(router.charge(bronze, 1_000 ether, 0, true, 0, false).total, 800 ether, "subscribed: 20%");
        assertEq(router.charge(bronze, 1_000 ether, 0, false, 0, true).total, 900 ether, "batch: 10%");
        // Platinum, subscribed, batch: 0.7 x 0.8 x 0.9 = 0.504.
        assertEq(router.charge(platinum, 1_000 ether, 0, true, 0, true).total, 504 ether, "49.6% off");
        // And the first volume band: 0.504 x 0.95 = 0.4788, a 52.12% discount, capped at 50%.
        IFeeRouter.Charge memory c = router.charge(platinum, 1_000 ether, 10_000 ether, true, 0, true);
        assertEq(c.discountBps, 5_000, "capped");
        assertEq(c.total, 500 ether, "pays half");
    }

    function test_charge_priorityFeeGoesToTheProvider() public view {
        IFeeRouter.Charge memory c = router.charge(bronze, 1_000 ether, 0, false, 1_000, false);
        assertEq(c.baseFee, 1_000 ether, "base");
        assertEq(c.priorityFee, 100 ether, "10% priority");
        assertEq(c.total, 1_100 ether, "consumer pays both");
        assertEq(c.provider, 900 ether, "800 + 100");
        assertEq(c.treasury, 50 ether, "the table applies to the base fee only");
        // On a discounted base: Silver, 20%: base 900, priority 180.
        c = router.charge(silver, 1_000 ether, 0, false, 2_000, false);
        assertEq(c.priorityFee, 180 ether, "20% of the discounted base");
        assertEq(c.provider, 900 ether, "720 + 180");
    }

    function test_charge_priorityAboveTheTopIsChargedAtTheTop() public view {
        // 2,001 and 5,000 bps above a 2,000 top: 20% of the 1,000 base, 200, as 2,000 would.
        assertEq(router.charge(bronze, 1_000 ether, 0, false, 2_001, false).priorityFee, 200 ether, "2,001 -> 20%");
        assertEq(router.charge(bronze, 1_000 ether, 0, false, 5_000, false).priorityFee, 200 ether, "5,000 -> 20%");
        assertEq(router.charge(bronze, 1_000 ether, 0, false, 1_999, false).priorityFee, 199.9 ether, "in range");
    }

    function test_RevertWhen_chargeHasBadTerms() public {
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.InvalidPriority.selector, 100, 500, 2_000));
        router.charge(bronze, 1 ether, 0, false, 100, false);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.PriorityOnBatch.selector, 500));
        router.charge(bronze, 1 ether, 0, false, 500, true);
    }

    function testFuzz_charge_partsSumToTheTotalToTheWei(
        uint256 amount,
        uint256 providerSeed,
        uint256 volume,
        bool subscribed,
        uint256 priorityBps,
        bool batch
    ) public view {
        amount = bound(amount, 0, type(uint96).max);
        volume = bound(volume, 0, 100_000_000 ether);
        address[4] memory providers = [bronze, silver, gold, platinum];
        address provider = providers[providerSeed % 4];
        priorityBps = batch ? 0 : bound(priorityBps, 499, 2_000);
        if (priorityBps == 499) priorityBps = 0;
        IFeeRouter.Charge memory c = router.charge(provider, amount, volume, subscribed, priorityBps, batch);
        assertEq(c.provider + c.validators + c.burn + c.infrastructure + c.treasury, c.total, "parts == total");
        assertEq(c.baseFee + c.priorityFee, c.total, "base + priority == total");
        assertLe(c.discountBps, 5_000, "never above the cap");
        assertLe(c.baseFee, amount, "never above the list value");
        assertGe(c.baseFee * 2, amount, "at least half the list value under a 50% cap");
        assertLe(c.priorityFee * 10_000, c.baseFee * 2_000 + 10_000, "priority at most 20% (rounded up)");
    }

    // ------------------------------------------------------------------ routed fees

    function test_routeFee_splitsAndBurnsAtOnce() public {
        _mint(alice, 1_000 ether);
        uint256 supply = token.totalSupply();
        vm.startPrank(alice);
        token.approve(address(router), 1_000 ether);
        vm.expectEmit(true, false, false, true, address(router));
        emit IFeeRouter.FeeRouted(alice, 1_000 ether, 5 ether, 135 ether, 850 ether, 10 ether);
        router.routeFee(1_000 ether);
        vm.stopPrank();
        assertEq(token.balanceOf(validators), 5 ether, "validators");
        assertEq(token.balanceOf(infrastructure), 135 ether, "infrastructure");
        assertEq(token.balanceOf(treasury), 850 ether, "treasury takes its 50 and the provider's 800");
        assertEq(supply - token.totalSupply(), 10 ether, "1% burned");
        assertEq(token.balanceOf(address(router)), 0, "the router keeps nothing");
    }

    function test_RevertWhen_routeZero() public {
        vm.expectRevert(IFeeRouter.ZeroAmount.selector);
        router.routeFee(0);
        vm.expectRevert(IFeeRouter.ZeroAmount.selector);
        router.routeBalance();
        vm.expectRevert(IFeeRouter.ZeroAmount.selector);
        router.routeProtocolShare(0);
    }

    function test_routeProtocolShare_splitsOverTheProtocolSharesOnly() public {
        // 200 is the protocol's 20% of a 1,000 fee whose 800 the caller paid the provider: the shares 50 / 100 /
        // 1,350 / 500 of 2,000 give validators 5, burn 10, infrastructure 135 and treasury 50, the table's parts of
        // the whole 1,000.
        _mint(alice, 200 ether);
        uint256 supply = token.totalSupply();
        vm.startPrank(alice);
        token.approve(address(router), 200 ether);
        vm.expectEmit(true, false, false, true, address(router));
        emit IFeeRouter.FeeRouted(alice, 200 ether, 5 ether, 135 ether, 50 ether, 10 ether);
        router.routeProtocolShare(200 ether);
        vm.stopPrank();
        assertEq(token.balanceOf(validators), 5 ether, "0.5% of the whole fee");
        assertEq(token.balanceOf(infrastructure), 135 ether, "13.5%");
        assertEq(token.balanceOf(treasury), 50 ether, "5%, no provider part");
        assertEq(supply - token.totalSupply(), 10 ether, "1% burned");
        assertEq(token.balanceOf(alice), 0, "pulled from the caller");
        assertEq(token.balanceOf(address(router)), 0, "the router keeps nothing");
    }

    function test_routeProtocolShare_roundsTheSharesDownAndTheTreasuryTakesTheRest() public {
        // 7 wei: validators 7 x 50 / 2,000 = 0.175 -> 0, burn 7 x 100 / 2,000 = 0.35 -> 0, infrastructure
        // 7 x 1,350 / 2,000 = 4.725 -> 4, treasury 7 - 4 = 3.
        _mint(alice, 7);
        uint256 supply = token.totalSupply();
        vm.startPrank(alice);
        token.approve(address(router), 7);
        vm.expectEmit(true, false, false, true, address(router));
        emit IFeeRouter.FeeRouted(alice, 7, 0, 4, 3, 0);
        router.routeProtocolShare(7);
        vm.stopPrank();
        assertEq(token.balanceOf(infrastructure), 4, "infrastructure rounded down");
        assertEq(token.balanceOf(treasury), 3, "treasury: the remainder");
        assertEq(token.balanceOf(validators), 0, "validators rounded down");
        assertEq(supply, token.totalSupply(), "nothing burned");
    }

    function test_routeBalance_splitsFeesPaidInByTransfer() public {
        // A module whose fee recipient is the router pays by plain transfer (as the issuer registry does).
        _mint(alice, 200 ether);
        vm.prank(alice);
        token.transfer(address(router), 200 ether);
        uint256 supply = token.totalSupply();
        vm.expectEmit(true, false, false, true, address(router));
        emit IFeeRouter.FeeRouted(bob, 200 ether, 1 ether, 27 ether, 170 ether, 2 ether);
        vm.prank(bob);
        assertEq(router.routeBalance(), 200 ether, "routed");
        assertEq(token.balanceOf(validators), 1 ether, "0.5%");
        assertEq(token.balanceOf(infrastructure), 27 ether, "13.5%");
        assertEq(token.balanceOf(treasury), 170 ether, "5% + the provider's 80%");
        assertEq(supply - token.totalSupply(), 2 ether, "1% burned");
        assertEq(token.balanceOf(address(router)), 0, "nothing left");
    }

    function test_setFeeRecipients_governorOnlyAndNoneZero() public {
        address newValidators = makeAddr("court");
        vm.expectEmit(false, false, false, true, address(router));
        emit IFeeRouter.FeeRecipientsSet(newValidators, infrastructure, treasury);
        vm.prank(governor);
        router.setFeeRecipients(IFeeRouter.FeeRecipients(newValidators, infrastructure, treasury));
        assertEq(router.feeRecipients().validators, newValidators, "set");

        vm.prank(governor);
        vm.expectRevert(IFeeRouter.ZeroAddress.selector);
        router.setFeeRecipients(IFeeRouter.FeeRecipients(validators, address(0), treasury));
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, alice));
        router.setFeeRecipients(IFeeRouter.FeeRecipients(alice, alice, alice));
        assertEq(router.feeRecipients().validators, newValidators, "unchanged");
        assertEq(router.feeRecipients().infrastructure, infrastructure, "unchanged");
    }

    // ------------------------------------------------------------------ in the market

    /// @dev Settles `amount` more of list value on alice's standard channel with `provider` for the small model, up to
    /// `cumulativeTokens`; returns what alice paid.
    function _settleFor(address provider, uint256 amount, uint256 cumulativeTokens) internal returns (uint256 paid) {
        uint256 before = _balance(alice);
        uint256 settled = market.channel(_channelKey(alice, provider, SMALL, 0, false, 0)).settledAmount;
        _settle(aliceKey, _voucher(alice, provider, SMALL, settled + amount, cumulativeTokens));
        paid = before - _balance(alice);
    }

    function test_settle_platinumProviderIsThirtyPercentCheaper() public {
        _deposit(alice, 10_000 ether);
        vm.prank(platinum);
        catalog.serveModel(SMALL);
        assertEq(_settleFor(platinum, 1_000 ether, 1_000_000), 700 ether, "pays 700 for 1,000 of list value");
        assertEq(_unclaimed(platinum), 560 ether, "80% of 700");
    }

    function test_settle_volumeBandsFromThisAndTheLastMonth() public {
        _deposit(alice, 30_000 ether);
        // 10,000 QUIV of list value at $0.10: $1,000, band 1, which applies from the next settlement.
        assertEq(_settleFor(bronze, 10_000 ether, 10_000_000), 10_000 ether, "no band before any volume");
        assertEq(_settleFor(bronze, 1_000 ether, 11_000_000), 950 ether, "band 1: 5%");
        // The next month keeps the last month's band.
        _skip(30 days);
        assertEq(_settleFor(bronze, 1_000 ether, 12_000_000), 950 ether, "last month's $1,100 still counts");
        IInferenceMarket.AccountView memory a = market.accountOf(alice);
        assertEq(a.previousVolume, 11_000 ether, "last month");
        assertEq(a.currentVolume, 1_000 ether, "this month");
        // Two months later only this month's $100 counts.
        _skip(30 days);
        assertEq(_settleFor(bronze, 1_000 ether, 13_000_000), 1_000 ether, "band lost");
    }

    function test_settle_subscriptionDiscount() public {
        _deposit(alice, 10_000 ether);
        vm.prank(alice);
        market.subscribe();
        assertEq(_settleFor(bronze, 1_000 ether, 1_000_000), 800 ether, "20% off while subscribed");
        _skip(30 days);
        assertEq(_settleFor(bronze, 100 ether, 1_100_000), 100 ether, "full price after the period");
    }

    function test_settle_batchChannelDiscount() public {
        _deposit(alice, 10_000 ether);
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000);
        v.batch = true;
        _settle(aliceKey, v);
        assertEq(_balance(alice), 9_100 ether, "10% off");
        IInferenceMarket.Voucher memory standard = _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000);
        _settle(aliceKey, standard);
        assertEq(_balance(alice), 8_100 ether, "the standard channel of the same pair is separate and full price");
    }

    function test_settle_priorityFeeToTheProvider() public {
        _deposit(alice, 10_000 ether);
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000);
        v.priorityBps = 1_500;
        _settle(aliceKey, v);
        assertEq(_balance(alice), 8_850 ether, "1,000 + 15% priority");
        assertEq(_unclaimed(bronze), 950 ether, "800 + 150");
        assertEq(market.accruedFees().treasury, 50 ether, "the table on the base fee only");
    }

    function test_previewCharge_matchesTheSettlement() public {
        _deposit(alice, 10_000 ether);
        vm.prank(alice);
        market.subscribe();
        IFeeRouter.Charge memory c = _preview(alice, bronze, 1_000 ether, 500, false);
        assertEq(c.total, 840 ether, "800 + 5%");
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000);
        v.priorityBps = 500;
        _settle(aliceKey, v);
        assertEq(10_000 ether - _balance(alice), c.total, "as previewed");
    }

    // ------------------------------------------------------------------ distribution, burns, claims

    function test_distributeFees_paysTheRecipientsAndBurnsExactlyTheBurnShare() public {
        _deposit(alice, 10_000 ether);
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000));
        uint256 supply = token.totalSupply();
        uint256 burned = token.totalBurned();

        vm.expectEmit(false, false, false, true, address(market));
        emit IInferenceMarket.FeesDistributed(5 ether, 135 ether, 50 ether, 10 ether);
        vm.prank(bob);
        market.distributeFees();

        assertEq(supply - token.totalSupply(), 10 ether, "total supply fell by exactly the burn share");
        assertEq(token.totalBurned() - burned, 10 ether, "counted as burned");
        assertEq(token.balanceOf(validators), 5 ether, "validators");
        assertEq(token.balanceOf(infrastructure), 135 ether, "infrastructure");
        assertEq(token.balanceOf(treasury), 50 ether, "treasury");
        (uint256 escrow, uint256 earnings, uint256 fees) = market.totals();
        assertEq(fees, 0, "nothing accrued");
        assertEq(token.balanceOf(address(market)), escrow + earnings, "the balance covers what is owed");

        vm.expectRevert(IInferenceMarket.NothingToDistribute.selector);
        market.distributeFees();
    }

    function test_distributeFees_toTheRecipientsInForce() public {
        _deposit(alice, 10_000 ether);
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000));
        address court = makeAddr("court");
        vm.prank(governor);
        router.setFeeRecipients(IFeeRouter.FeeRecipients(court, infrastructure, treasury));
        market.distributeFees();
        assertEq(token.balanceOf(court), 5 ether, "the new validator destination");
        assertEq(token.balanceOf(validators), 0, "not the old one");
    }

    function test_claimEarnings_paysTheProviderOnce() public {
        _deposit(alice, 10_000 ether);
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000));
        vm.expectEmit(true, false, false, true, address(market));
        emit IInferenceMarket.EarningsClaimed(bronze, 800 ether);
        vm.prank(bronze);
        assertEq(market.claimEarnings(), 800 ether, "claimed");
        assertEq(token.balanceOf(bronze), 800 ether, "paid");
        (uint256 unclaimed, uint256 lifetime) = market.earningsOf(bronze);
        assertEq(unclaimed, 0, "nothing left");
        assertEq(lifetime, 800 ether, "lifetime kept");

        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.NothingToClaim.selector, bronze));
        market.claimEarnings();
        assertEq(token.balanceOf(bronze), 800 ether, "not paid twice");
    }

    function test_claimEarnings_openWhilePaused() public {
        _deposit(alice, 10_000 ether);
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000));
        vm.prank(guardian);
        market.pause();
        vm.prank(bronze);
        assertEq(market.claimEarnings(), 800 ether, "claims stay open");
        market.distributeFees();
        assertEq(token.balanceOf(treasury), 50 ether, "distribution stays open");
    }
}
