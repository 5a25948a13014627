// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {IModelCatalog} from "../../contracts/interfaces/IModelCatalog.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {MarketKeys} from "../../contracts/libraries/MarketKeys.sol";
import {ModelCatalog} from "../../contracts/market/ModelCatalog.sol";
import {MarketBase} from "./MarketBase.sol";

/// @notice The model catalogue: listings, serving providers and their count, pruning, reclassification, the demand
/// multiplier's epochs, and quotes against hand-computed values at the formula's bounds.
contract ModelCatalogTest is MarketBase {
    bytes32 internal constant NEW_MODEL = keccak256("model.new");

    // ------------------------------------------------------------------ listings

    function test_listModel_servesItAndStartsNeutral() public {
        vm.expectEmit(true, true, false, true, address(catalog));
        emit IModelCatalog.ModelListed(NEW_MODEL, IModelCatalog.ComplexityClass.Medium, silver);
        vm.expectEmit(true, true, false, true, address(catalog));
        emit IModelCatalog.ProviderJoined(NEW_MODEL, silver, 1);
        vm.prank(silver);
        catalog.listModel(NEW_MODEL, IModelCatalog.ComplexityClass.Medium);

        IModelCatalog.ModelView memory m = catalog.modelInfo(NEW_MODEL);
        assertTrue(m.listed, "listed");
        assertEq(uint256(m.complexity), uint256(IModelCatalog.ComplexityClass.Medium), "medium");
        assertEq(m.providers, 1, "the lister serves it");
        assertEq(m.demandMultiplierBps, 10_000, "demand starts at 1x");
        assertEq(m.supplyFactorBps, 10_000, "one provider: 1x");
        assertEq(m.epochStart, T0, "epoch starts now");
        assertTrue(catalog.isServing(NEW_MODEL, silver), "serving");
        // Medium (3x) at 1x demand and supply: 0.003 QUIV per token.
        assertEq(catalog.pricePerToken(NEW_MODEL), 0.003 ether, "0.003 QUIV per token");
        assertEq(catalog.quote(NEW_MODEL, 1_000), 3 ether, "1,000 tokens: 3 QUIV");
    }

    /// @dev The smoothed count: silver lists NEW_MODEL at T0 (1); gold joins at T0 + 10 days (the count 2, the smoothed
    /// count still 1); at T0 + 25 days it has moved 15 / 30 of the way: 1.5. Silver leaves then (count 1, smoothed
    /// 1.5); at T0 + 40 days it has come down 15 / 30 of 0.5: 1.25; at T0 + 55 days and later, 1. Identities joining
    /// and leaving in one block move nothing. Leaving ends the stint; serving again starts a new one.
    function test_servingInfo_smoothsTheCountOverThirtyDays() public {
        vm.prank(silver);
        catalog.listModel(NEW_MODEL, IModelCatalog.ComplexityClass.Small);
        vm.warp(T0 + 10 days);
        vm.prank(gold);
        catalog.serveModel(NEW_MODEL);
        assertEq(catalog.servingInfo(NEW_MODEL, silver).smoothedProviders, 1e18, "not moved yet");
        vm.warp(T0 + 25 days);
        assertEq(catalog.servingInfo(NEW_MODEL, silver).smoothedProviders, 1.5e18, "half way to 2");
        vm.prank(platinum);
        catalog.serveModel(NEW_MODEL);
        vm.prank(platinum);
        catalog.stopServing(NEW_MODEL);
        assertEq(catalog.servingInfo(NEW_MODEL, gold).smoothedProviders, 1.5e18, "a join and leave in one block");
        vm.prank(silver);
        catalog.stopServing(NEW_MODEL);
        vm.warp(T0 + 40 days);
        IModelCatalog.ServingView memory g = catalog.servingInfo(NEW_MODEL, gold);
        assertEq(g.since, T0 + 10 days, "gold since day 10");
        assertEq(g.providers, 1, "gold alone now");
        assertEq(g.smoothedProviders, 1.25e18, "half way down to 1");
        vm.warp(T0 + 55 days);
        assertEq(catalog.servingInfo(NEW_MODEL, gold).smoothedProviders, 1e18, "there after 30 days");
        assertEq(catalog.servingInfo(NEW_MODEL, silver).since, 0, "silver: not serving");

        vm.prank(silver);
        catalog.serveModel(NEW_MODEL);
        IModelCatalog.ServingView memory s = catalog.servingInfo(NEW_MODEL, silver);
        assertEq(s.since, T0 + 55 days, "a new stint");
        assertEq(s.certifiedAt, 0, "uncertified");
        assertEq(s.providers, 2, "two again");
    }

    /// @dev The diversity weight: zero without the curator's certificate, and for 30 days after it; then 10,000 over
    /// the smoothed count. Bronze listed LARGE at T0 alone; gold joins at T0 + 20 days; the curator certifies both at
    /// T0 + 40 days: 0 for both until T0 + 70 days, when the smoothed count has reached 2: 5,000 each. Gold leaves;
    /// 15 days later the smoothed count is 1.5: 6,666; 30 days after, 10,000.
    function test_diversityWeight_certifiedProvidersThirtyDaysAfterTheCertificate() public {
        vm.warp(T0 + 20 days);
        vm.prank(gold);
        catalog.serveModel(LARGE);
        vm.warp(T0 + 40 days);
        assertEq(catalog.diversityWeightBps(LARGE, bronze), 0, "not certified");

        vm.expectEmit(true, true, false, true, address(catalog));
        emit IModelCatalog.ProviderCertified(LARGE, bronze, true);
        vm.prank(curator);
        catalog.certify(LARGE, bronze, true);
        vm.prank(curator);
        catalog.certify(LARGE, gold, true);
        assertEq(catalog.servingInfo(LARGE, bronze).certifiedAt, T0 + 40 days, "certified now");
        assertEq(
            catalog.diversityWeightBps(LARGE, bronze),
            0,
            "40 days alone before the certificate count for nothing"
        );
        vm.warp(T0 + 70 days - 1);
        assertEq(catalog.diversityWeightBps(LARGE, bronze), 0, "30 days less one second");
        vm.warp(T0 + 70 days);
        assertEq(catalog.diversityWeightBps(LARGE, bronze), 5_000, "two providers");
        assertEq(catalog.diversityWeightBps(LARGE, gold), 5_000, "the same weight for every certified server");
        assertEq(catalog.diversityWeightBps(LARGE, silver), 0, "not serving");
        vm.prank(address(market));
        (, uint256 weight) = catalog.recordUsage(LARGE, bronze, 1_000, 1 ether);
        assertEq(weight, 5_000, "returned to the market at settlement");

        vm.prank(gold);
        catalog.stopServing(LARGE);
        assertEq(catalog.diversityWeightBps(LARGE, bronze), 5_000, "a departure shows over 30 days, not at once");
        vm.warp(T0 + 85 days);
        assertEq(catalog.diversityWeightBps(LARGE, bronze), 6_666, "smoothed 1.5");
        vm.warp(T0 + 100 days);
        assertEq(catalog.diversityWeightBps(LARGE, bronze), 10_000, "alone");
        vm.prank(gold);
        catalog.serveModel(LARGE);
        assertEq(catalog.servingInfo(LARGE, gold).certifiedAt, 0, "a new stint starts uncertified");
        vm.prank(curator);
        catalog.certify(LARGE, bronze, false);
        assertEq(catalog.diversityWeightBps(LARGE, bronze), 0, "certificate withdrawn");
    }

    function test_RevertWhen_strangerCertifiesOrTheProviderDoesNotServe() public {
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, bronze));
        catalog.certify(LARGE, bronze, true);
        assertEq(catalog.servingInfo(LARGE, bronze).certifiedAt, 0, "unchanged");
        vm.startPrank(curator);
        vm.expectRevert(abi.encodeWithSelector(IModelCatalog.NotServing.selector, LARGE, silver));
        catalog.certify(LARGE, silver, true);
        vm.expectRevert(abi.encodeWithSelector(IModelCatalog.CertificateUnchanged.selector, LARGE, bronze, false));
        catalog.certify(LARGE, bronze, false);
        catalog.certify(LARGE, bronze, true);
        vm.warp(T0 + 10 days);
        vm.expectRevert(abi.encodeWithSelector(IModelCatalog.CertificateUnchanged.selector, LARGE, bronze, true));
        catalog.certify(LARGE, bronze, true);
        vm.stopPrank();
        assertEq(catalog.servingInfo(LARGE, bronze).certifiedAt, T0, "a second certificate does not restart it");
    }

    /// @dev An inactive provider (below the minimum self-stake) cannot be certified.
    function test_RevertWhen_certifyingAnInactiveProvider() public {
        vm.prank(bronze);
        staking.unbond(1 ether);
        vm.prank(curator);
        vm.expectRevert(abi.encodeWithSelector(IModelCatalog.ProviderInactive.selector, bronze));
        catalog.certify(LARGE, bronze, true);
    }

    function test_RevertWhen_listModelTwice() public {
        vm.prank(silver);
        vm.expectRevert(abi.encodeWithSelector(IModelCatalog.ModelAlreadyListed.selector, SMALL));
        catalog.listModel(SMALL, IModelCatalog.ComplexityClass.Large);
        IModelCatalog.ModelView memory m = catalog.modelInfo(SMALL);
        assertEq(uint256(m.complexity), uint256(IModelCatalog.ComplexityClass.Small), "class unchanged");
        assertEq(m.providers, 1, "count unchanged");
        assertFalse(catalog.isServing(SMALL, silver), "not serving");
    }

    function test_RevertWhen_listZeroModelId() public {
        vm.prank(silver);
        vm.expectRevert(IModelCatalog.ZeroModelId.selector);
        catalog.listModel(bytes32(0), IModelCatalog.ComplexityClass.Small);
        assertFalse(catalog.modelInfo(bytes32(0)).listed, "nothing listed");
    }

    function test_RevertWhen_unregisteredAccountLists() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IModelCatalog.ProviderInactive.selector, alice));
        catalog.listModel(NEW_MODEL, IModelCatalog.ComplexityClass.Small);
        assertFalse(catalog.modelInfo(NEW_MODEL).listed, "nothing listed");
    }

    function test_RevertWhen_providerBelowMinimumServes() public {
        vm.prank(silver);
        staking.unbond(40_000 ether + 1);
        vm.prank(silver);
        vm.expectRevert(abi.encodeWithSelector(IModelCatalog.ProviderInactive.selector, silver));
        catalog.serveModel(SMALL);
        assertEq(catalog.modelInfo(SMALL).providers, 1, "count unchanged");
    }

    // ------------------------------------------------------------------ serving and supply

    function test_serveModel_countsProvidersAndLowersThePrice() public {
        vm.expectEmit(true, true, false, true, address(catalog));
        emit IModelCatalog.ProviderJoined(SMALL, silver, 2);
        vm.prank(silver);
        catalog.serveModel(SMALL);

        IModelCatalog.ModelView memory m = catalog.modelInfo(SMALL);
        assertEq(m.providers, 2, "two providers");
        assertEq(m.supplyFactorBps, 10_500, "1.05x");
        // 0.001 / 1.05 = 0.000952380952380952 QUIV, rounded down to the wei.
        assertEq(catalog.pricePerToken(SMALL), 952_380_952_380_952, "0.001 / 1.05");
    }

    function test_RevertWhen_serveTwice() public {
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IModelCatalog.AlreadyServing.selector, SMALL, bronze));
        catalog.serveModel(SMALL);
        assertEq(catalog.modelInfo(SMALL).providers, 1, "count unchanged");
    }

    function test_RevertWhen_serveUnknownModel() public {
        vm.prank(silver);
        vm.expectRevert(abi.encodeWithSelector(IModelCatalog.UnknownModel.selector, NEW_MODEL));
        catalog.serveModel(NEW_MODEL);
        assertFalse(catalog.isServing(NEW_MODEL, silver), "not serving");
    }

    function test_stopServing_uncounts() public {
        vm.prank(silver);
        catalog.serveModel(SMALL);
        vm.expectEmit(true, true, false, true, address(catalog));
        emit IModelCatalog.ProviderLeft(SMALL, bronze, 1, false);
        vm.prank(bronze);
        catalog.stopServing(SMALL);
        assertEq(catalog.modelInfo(SMALL).providers, 1, "one left");
        assertFalse(catalog.isServing(SMALL, bronze), "bronze left");
        assertTrue(catalog.isServing(SMALL, silver), "silver stays");
    }

    function test_RevertWhen_stopServingWhatIsNotServed() public {
        vm.prank(silver);
        vm.expectRevert(abi.encodeWithSelector(IModelCatalog.NotServing.selector, SMALL, silver));
        catalog.stopServing(SMALL);
        assertEq(catalog.modelInfo(SMALL).providers, 1, "count unchanged");
    }

    function test_pruneProvider_anyoneRemovesAnInactiveProvider() public {
        vm.prank(silver);
        catalog.serveModel(SMALL);
        vm.prank(silver);
        staking.unbond(40_000 ether + 1); // below the 10,000 minimum: inactive

        vm.expectEmit(true, true, false, true, address(catalog));
        emit IModelCatalog.ProviderLeft(SMALL, silver, 1, true);
        vm.prank(alice);
        catalog.pruneProvider(SMALL, silver);
        assertEq(catalog.modelInfo(SMALL).providers, 1, "pruned");
        assertFalse(catalog.isServing(SMALL, silver), "no longer serving");
    }

    function test_RevertWhen_pruneActiveProvider() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IModelCatalog.ProviderStillActive.selector, SMALL, bronze));
        catalog.pruneProvider(SMALL, bronze);
        assertTrue(catalog.isServing(SMALL, bronze), "still serving");
    }

    function test_setModelComplexity_curatorReclassifies() public {
        vm.expectEmit(true, false, false, true, address(catalog));
        emit IModelCatalog.ModelReclassified(SMALL, IModelCatalog.ComplexityClass.Large);
        vm.prank(curator);
        catalog.setModelComplexity(SMALL, IModelCatalog.ComplexityClass.Large);
        assertEq(catalog.pricePerToken(SMALL), 0.01 ether, "now priced as large: 10x");
    }

    function test_RevertWhen_nonCuratorReclassifies() public {
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, bronze));
        catalog.setModelComplexity(SMALL, IModelCatalog.ComplexityClass.Large);
        assertEq(catalog.pricePerToken(SMALL), 0.001 ether, "price unchanged");
    }

    function test_RevertWhen_reclassifyUnknownModel() public {
        vm.prank(curator);
        vm.expectRevert(abi.encodeWithSelector(IModelCatalog.UnknownModel.selector, NEW_MODEL));
        catalog.setModelComplexity(NEW_MODEL, IModelCatalog.ComplexityClass.Large);
    }

    // ------------------------------------------------------------------ market binding

    function test_RevertWhen_anyoneButTheMarketRecordsUsage() public {
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IModelCatalog.OnlyMarket.selector, bronze));
        catalog.recordUsage(SMALL, bronze, 1_000, 1 ether);
        assertEq(catalog.modelInfo(SMALL).epochTokens, 0, "nothing recorded");
    }

    function test_RevertWhen_bindMarketTwice() public {
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IModelCatalog.MarketAlreadyBound.selector, address(market)));
        catalog.bindMarket(alice);
        assertEq(catalog.market(), address(market), "still the market");
    }

    function test_RevertWhen_nonAdminBindsMarket() public {
        ModelCatalog fresh = new ModelCatalog(staking, address(manager), _catalogParameters());
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, alice));
        fresh.bindMarket(alice);
        assertEq(fresh.market(), address(0), "unbound");
    }

    function test_RevertWhen_recordUsageForUnknownModel() public {
        vm.prank(address(market));
        vm.expectRevert(abi.encodeWithSelector(IModelCatalog.UnknownModel.selector, NEW_MODEL));
        catalog.recordUsage(NEW_MODEL, bronze, 1_000, 1 ether);
    }

    // ------------------------------------------------------------------ demand

    function _record(bytes32 modelId, uint256 tokens) internal {
        vm.prank(address(market));
        catalog.recordUsage(modelId, bronze, tokens, type(uint256).max);
    }

    function test_recordUsage_countsWhatThePaymentCoversAndAccumulatesTheEpoch() public {
        // Large: 0.001 x 10 x 0.8 / 2 = 0.004 QUIV, the lowest quote the formula can reach.
        assertEq(catalog.minPricePerToken(LARGE), 0.004 ether, "floor");
        vm.prank(address(market));
        // 4,000,000 tokens paid at the floor or above (16,000 QUIV covers exactly 4,000,000 x 0.004): all count.
        (uint256 all, ) = catalog.recordUsage(LARGE, bronze, 4_000_000, 16_000 ether);
        assertEq(all, 4_000_000, "all counted");
        _record(LARGE, 1_000_000);
        assertEq(catalog.modelInfo(LARGE).epochTokens, 5_000_000, "tokens accumulate within the epoch");
        assertEq(catalog.modelInfo(LARGE).demandMultiplierBps, 10_000, "the multiplier waits for the epoch's end");
    }

    function _counted(bytes32 modelId, uint256 tokens, uint256 amount) internal returns (uint256 counted) {
        vm.prank(address(market));
        (counted, ) = catalog.recordUsage(modelId, bronze, tokens, amount);
    }

    function test_recordUsage_belowTheFloorCountsOnlyWhatIsPaidFor() public {
        // 1,000,000 tokens for 400 QUIV: 400 / 0.004 = 100,000 tokens at the floor; one wei less covers 99,999.
        assertEq(_counted(LARGE, 1_000_000, 400 ether), 100_000, "paid-for tokens");
        assertEq(_counted(LARGE, 1_000_000, 400 ether - 1), 99_999, "rounded down");
        assertEq(_counted(LARGE, 1_000_000, 0), 0, "a free voucher moves no demand");
        assertEq(catalog.modelInfo(LARGE).epochTokens, 199_999, "only those recorded");
    }

    function test_demandMultiplier_followsSettledTokensEachEpoch() public {
        // Epoch 1: 30M tokens against a 10M target (one provider): ratio 3x, clamped to 2x; (1 + 2) / 2 = 1.5x.
        _record(LARGE, 30_000_000);
        _skip(DAY);
        assertEq(catalog.modelInfo(LARGE).demandMultiplierBps, 15_000, "1.5x after one busy epoch");
        // Large (10x) at 1.5x demand: 0.015 QUIV per token.
        assertEq(catalog.pricePerToken(LARGE), 0.015 ether, "0.015 QUIV");

        vm.expectEmit(true, false, false, true, address(catalog));
        emit IModelCatalog.DemandUpdated(LARGE, 30_000_000, 15_000);
        _record(LARGE, 5_000_000);
        IModelCatalog.ModelView memory m = catalog.modelInfo(LARGE);
        assertEq(m.epochStart, T0 + DAY, "the new epoch starts on the grid");
        assertEq(m.epochTokens, 5_000_000, "the new epoch counts from zero");

        // Epoch 2: 5M tokens: ratio 0.5x, clamped to 0.8x; (1.5 + 0.8) / 2 = 1.15x.
        _skip(DAY);
        assertEq(catalog.modelInfo(LARGE).demandMultiplierBps, 11_500, "1.15x");
    }

    function test_demandMultiplier_aGapCountsAsOneEmptyEpoch() public {
        _record(LARGE, 15_000_000);
        // Two days and one second later, the busy epoch is not the one that just ended: observed zero.
        _skip(2 * DAY + 1);
        IModelCatalog.ModelView memory m = catalog.modelInfo(LARGE);
        assertEq(m.demandMultiplierBps, 9_000, "(1 + 0.8) / 2 = 0.9x");
        assertEq(m.epochStart, T0 + 2 * DAY, "aligned to the grid");
    }

    function test_pricePerToken_reachesTheFormulaCeiling() public {
        _setCatalogParameter(MarketKeys.DEMAND_SMOOTHING_BPS, 10_000);
        _record(LARGE, 25_000_000);
        _skip(DAY);
        assertEq(catalog.modelInfo(LARGE).demandMultiplierBps, 20_000, "2.5x clamped to 2x");
        // Large, 2x demand, one provider: 0.001 x 10 x 2 = 0.02 QUIV per token, the formula's highest quote.
        assertEq(catalog.pricePerToken(LARGE), 0.02 ether, "0.02 QUIV");
    }

    function test_pricePerToken_reachesTheFormulaFloor() public {
        _setCatalogParameter(MarketKeys.DEMAND_SMOOTHING_BPS, 10_000);
        // Twenty more providers serve the small model: 21 in all, the 2x supply cap.
        for (uint256 i; i < 20; ++i) {
            address p = makeAddr(string.concat("extra", vm.toString(i)));
            _register(p, 10_000 ether);
            vm.prank(p);
            catalog.serveModel(SMALL);
        }
        _skip(DAY); // an empty epoch: 0.8x
        IModelCatalog.ModelView memory m = catalog.modelInfo(SMALL);
        assertEq(m.providers, 21, "21 providers");
        assertEq(m.supplyFactorBps, 20_000, "2x");
        assertEq(m.demandMultiplierBps, 8_000, "0.8x");
        // Small, 0.8x demand, 2x supply: 0.001 x 0.8 / 2 = 0.0004 QUIV per token, the lowest quote.
        assertEq(catalog.pricePerToken(SMALL), 0.0004 ether, "0.0004 QUIV");
        assertEq(catalog.pricePerToken(SMALL), catalog.minPricePerToken(SMALL), "the floor is reached");
    }

    function testFuzz_pricePerToken_staysBetweenFloorAndCeiling(uint256[4] memory epochs, uint256 providers) public {
        providers = bound(providers, 0, 3);
        address[3] memory extra = [silver, gold, platinum];
        for (uint256 i; i < providers; ++i) {
            vm.prank(extra[i]);
            catalog.serveModel(MEDIUM);
        }
        for (uint256 i; i < 4; ++i) {
            _record(MEDIUM, bound(epochs[i], 0, 200_000_000));
            _skip(bound(epochs[i], DAY, 3 * DAY));
        }
        uint256 price = catalog.pricePerToken(MEDIUM);
        // Medium: between 0.001 x 3 x 0.8 / 2 = 0.0012 and 0.001 x 3 x 2 = 0.006 QUIV.
        assertGe(price, 0.0012 ether, "at least the floor");
        assertLe(price, 0.006 ether, "at most the ceiling");
        assertGe(price, catalog.minPricePerToken(MEDIUM), "at least the reported floor");
    }

    // ------------------------------------------------------------------ zero price

    function test_RevertWhen_priceRoundsToZero() public {
        IModelCatalog.Parameters memory p = _catalogParameters();
        p.baseRate = 1; // one wei per token
        ModelCatalog cheap = new ModelCatalog(staking, address(manager), p);
        vm.prank(bronze);
        cheap.listModel(SMALL, IModelCatalog.ComplexityClass.Small);
        assertEq(cheap.pricePerToken(SMALL), 1, "one provider, 1x: one wei");
        // The lowest quote: 1 x 0.8 / 2 = 0.4 wei.
        vm.expectRevert(abi.encodeWithSelector(IModelCatalog.ZeroPrice.selector, SMALL));
        cheap.minPricePerToken(SMALL);
        // A second provider: 1 / 1.05 = 0.95 wei.
        vm.prank(silver);
        cheap.serveModel(SMALL);
        vm.expectRevert(abi.encodeWithSelector(IModelCatalog.ZeroPrice.selector, SMALL));
        cheap.pricePerToken(SMALL);
    }

    function test_RevertWhen_quoteUnknownModel() public {
        vm.expectRevert(abi.encodeWithSelector(IModelCatalog.UnknownModel.selector, NEW_MODEL));
        catalog.pricePerToken(NEW_MODEL);
        vm.expectRevert(abi.encodeWithSelector(IModelCatalog.UnknownModel.selector, NEW_MODEL));
        catalog.minPricePerToken(NEW_MODEL);
        assertFalse(catalog.modelInfo(NEW_MODEL).listed, "unknown models read as unlisted");
    }

    // ------------------------------------------------------------------ parameters

    function test_parameter_readsThePreset() public view {
        assertEq(catalog.parameter(MarketKeys.BASE_RATE), 0.001 ether, "base rate");
        assertEq(catalog.parameter(MarketKeys.SMALL_COMPLEXITY_BPS), 10_000, "small 1x");
        assertEq(catalog.parameter(MarketKeys.MEDIUM_COMPLEXITY_BPS), 30_000, "medium 3x");
        assertEq(catalog.parameter(MarketKeys.LARGE_COMPLEXITY_BPS), 100_000, "large 10x");
        assertEq(catalog.parameter(MarketKeys.MIN_DEMAND_BPS), 8_000, "0.8x");
        assertEq(catalog.parameter(MarketKeys.MAX_DEMAND_BPS), 20_000, "2x");
        assertEq(catalog.parameter(MarketKeys.DEMAND_SMOOTHING_BPS), 5_000, "smoothing");
        assertEq(catalog.parameter(MarketKeys.SUPPLY_STEP_BPS), 500, "step");
        assertEq(catalog.parameter(MarketKeys.MAX_SUPPLY_FACTOR_BPS), 20_000, "max supply");
        assertEq(catalog.parameter(MarketKeys.DEMAND_EPOCH), 1 days, "epoch");
        assertEq(catalog.parameter(MarketKeys.DEMAND_TARGET_PER_PROVIDER), 10_000_000, "target");
    }

    function test_setParameter_baseRateMovesEveryQuote() public {
        vm.expectEmit(true, false, false, true, address(catalog));
        emit IParameterized.ParameterSet(MarketKeys.BASE_RATE, 0.0012 ether);
        _setCatalogParameter(MarketKeys.BASE_RATE, 0.0012 ether);
        assertEq(catalog.pricePerToken(MEDIUM), 0.0036 ether, "0.0012 x 3");
    }

    function test_RevertWhen_setParameterBreaksARule() public {
        _expectInvalid(MarketKeys.BASE_RATE, 0);
        _expectInvalid(MarketKeys.SMALL_COMPLEXITY_BPS, 0);
        _expectInvalid(MarketKeys.SMALL_COMPLEXITY_BPS, 30_001); // above medium
        _expectInvalid(MarketKeys.LARGE_COMPLEXITY_BPS, 29_999); // below medium
        _expectInvalid(MarketKeys.MIN_DEMAND_BPS, 0);
        _expectInvalid(MarketKeys.MIN_DEMAND_BPS, 10_001); // the clamp must contain 1x
        _expectInvalid(MarketKeys.MAX_DEMAND_BPS, 9_999);
        _expectInvalid(MarketKeys.DEMAND_SMOOTHING_BPS, 0);
        _expectInvalid(MarketKeys.DEMAND_SMOOTHING_BPS, 10_001);
        _expectInvalid(MarketKeys.MAX_SUPPLY_FACTOR_BPS, 9_999);
        _expectInvalid(MarketKeys.DEMAND_EPOCH, 0);
        _expectInvalid(MarketKeys.DEMAND_TARGET_PER_PROVIDER, 0);
        _expectInvalid(MarketKeys.BASE_RATE, uint256(type(uint96).max) + 1); // does not fit
        assertEq(catalog.parameter(MarketKeys.BASE_RATE), 0.001 ether, "base rate unchanged");
        assertEq(catalog.parameter(MarketKeys.SMALL_COMPLEXITY_BPS), 10_000, "small unchanged");
        assertEq(catalog.parameter(MarketKeys.MIN_DEMAND_BPS), 8_000, "clamp unchanged");
    }

    function _expectInvalid(bytes32 key, uint256 value) internal {
        vm.prank(registry);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, key, value));
        catalog.setParameter(key, value);
    }

    function test_RevertWhen_setUnknownParameter() public {
        bytes32 key = keccak256("market.nothing");
        vm.prank(registry);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, key));
        catalog.setParameter(key, 1);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, key));
        catalog.parameter(key);
    }

    function test_RevertWhen_setParameterNotFromRegistry() public {
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, governor));
        catalog.setParameter(MarketKeys.BASE_RATE, 0.002 ether);
        assertEq(catalog.parameter(MarketKeys.BASE_RATE), 0.001 ether, "unchanged");
    }

    function test_RevertWhen_constructedWithInvalidPreset() public {
        IModelCatalog.Parameters memory p = _catalogParameters();
        p.complexityBps = [uint256(30_000), 10_000, 100_000]; // small above medium
        vm.expectRevert(IModelCatalog.InvalidConfiguration.selector);
        new ModelCatalog(staking, address(manager), p);
    }
}
