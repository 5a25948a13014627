// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IComplianceRegistry} from "../../contracts/interfaces/IComplianceRegistry.sol";
import {IDeveloperPrograms} from "../../contracts/interfaces/IDeveloperPrograms.sol";
import {IFeeRouter} from "../../contracts/interfaces/IFeeRouter.sol";
import {IIncentivePools} from "../../contracts/interfaces/IIncentivePools.sol";
import {IInferenceMarket} from "../../contracts/interfaces/IInferenceMarket.sol";
import {IModelCatalog} from "../../contracts/interfaces/IModelCatalog.sol";
import {IProviderStaking} from "../../contracts/interfaces/IProviderStaking.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {QuiverNumbers} from "../utils/QuiverNumbers.sol";
import {Wiring} from "../utils/Wiring.sol";
import {DeveloperPrograms} from "../../contracts/market/DeveloperPrograms.sol";
import {FeeRouter} from "../../contracts/market/FeeRouter.sol";
import {IncentivePools} from "../../contracts/market/IncentivePools.sol";
import {InferenceMarket} from "../../contracts/market/InferenceMarket.sol";
import {ModelCatalog} from "../../contracts/market/ModelCatalog.sol";
import {ProviderStaking} from "../../contracts/staking/ProviderStaking.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";
import {ManagedTest} from "../utils/ManagedTest.sol";

/// @notice Shared setup for market tests: the QUIVer preset's numbers (readings in presets/quiver/market.ts)
/// over the real staking module, with four providers, one per tier (Bronze 10,000, Silver 50,000, Gold 250,000,
/// Platinum 1,000,000 self-stake), three listed models (small, medium, large, each served by the Bronze provider only)
/// and two consumers with signing keys. Named actors stand in for the roles (minter, parameter registry, governor,
/// guardian, emergency, curator) and for the fee recipients.
abstract contract MarketBase is ManagedTest {
    uint256 internal constant CAP = QuiverNumbers.TOKEN_CAP;
    uint256 internal constant T0 = 1_750_000_000;
    uint256 internal constant DAY = 1 days;
    uint256 internal constant NOTICE = QuiverNumbers.WITHDRAWAL_NOTICE;
    uint256 internal constant WINDOW = QuiverNumbers.CHALLENGE_WINDOW;
    uint256 internal constant BASE_RATE = QuiverNumbers.BASE_RATE;

    bytes32 internal constant SMALL = keccak256("model.small");
    bytes32 internal constant MEDIUM = keccak256("model.medium");
    bytes32 internal constant LARGE = keccak256("model.large");

    ProtocolToken internal token;
    ProviderStaking internal staking;
    ModelCatalog internal catalog;
    FeeRouter internal router;
    IncentivePools internal pools;
    DeveloperPrograms internal developers;
    InferenceMarket internal market;

    address internal admin;
    address internal minter;
    address internal registry;
    address internal governor;
    address internal guardian;
    address internal emergency;
    address internal curator;
    address internal validators;
    address internal infrastructure;
    address internal treasury;
    address internal bronze;
    address internal silver;
    address internal gold;
    address internal platinum;
    address internal alice;
    uint256 internal aliceKey;
    address internal bob;
    uint256 internal bobKey;

    /// @dev The compliance registry the market is deployed with: none (compliance off) unless a test overrides it.
    function _compliance() internal virtual returns (IComplianceRegistry) {
        return IComplianceRegistry(address(0));
    }

    function setUp() public virtual {
        vm.warp(T0);
        admin = makeAddr("admin");
        minter = makeAddr("minter");
        registry = makeAddr("registry");
        governor = makeAddr("governor");
        guardian = makeAddr("guardian");
        emergency = makeAddr("emergency");
        curator = makeAddr("curator");
        validators = makeAddr("validators");
        infrastructure = makeAddr("infrastructure");
        treasury = makeAddr("treasury");
        bronze = makeAddr("bronze");
        silver = makeAddr("silver");
        gold = makeAddr("gold");
        platinum = makeAddr("platinum");
        (alice, aliceKey) = makeAddrAndKey("alice");
        (bob, bobKey) = makeAddrAndKey("bob");

        manager = new AccessManager(admin);
        token = new ProtocolToken("QUIVer", "QUIV", CAP, address(manager));
        staking = new ProviderStaking(
            IERC20(address(token)),
            address(manager),
            _stakingParameters(),
            _stakingConstants(),
            new IProviderStaking.LockBucket[](0)
        );
        _deployMarket(_catalogParameters(), _routerParameters(), _rates(), _marketParameters());

        _register(bronze, 10_000 ether);
        _register(silver, 50_000 ether);
        _register(gold, 250_000 ether);
        _register(platinum, 1_000_000 ether);
        market.syncTier(bronze);
        market.syncTier(silver);
        market.syncTier(gold);
        market.syncTier(platinum);
        vm.startPrank(bronze);
        catalog.listModel(SMALL, IModelCatalog.ComplexityClass.Small);
        catalog.listModel(MEDIUM, IModelCatalog.ComplexityClass.Medium);
        catalog.listModel(LARGE, IModelCatalog.ComplexityClass.Large);
        vm.stopPrank();
    }

    // ------------------------------------------------------------------ preset (test/utils/QuiverNumbers.sol)

    function _catalogParameters() internal pure virtual returns (IModelCatalog.Parameters memory p) {
        p = QuiverNumbers.catalogParameters();
    }

    function _routerParameters() internal pure virtual returns (IFeeRouter.Parameters memory p) {
        p = QuiverNumbers.routerParameters();
    }

    function _rates() internal pure virtual returns (IIncentivePools.Rates memory r) {
        r = QuiverNumbers.incentiveRates();
        // The early-adopter bonus is off here (EarlyAdopters.t.sol turns it on): the other tests' figures leave it out.
        r.earlyAdopterBps = 0;
        r.earlyAdopterCap = 0;
        r.earlyAdopterMinPayment = 0;
    }

    function _marketParameters() internal pure virtual returns (IInferenceMarket.Parameters memory p) {
        p = QuiverNumbers.marketParameters();
    }

    function _stakingParameters() internal pure returns (IProviderStaking.Parameters memory p) {
        p = QuiverNumbers.stakingParameters();
    }

    function _stakingConstants() internal pure returns (IProviderStaking.Constants memory c) {
        c = QuiverNumbers.stakingConstants();
    }

    /// @dev Deploys the catalogue, the router, the pools and the market, binds the market and maps every privileged
    /// selector to its role (as the preset's deploy module does).
    function _deployMarket(
        IModelCatalog.Parameters memory catalogParameters,
        IFeeRouter.Parameters memory routerParameters,
        IIncentivePools.Rates memory rates,
        IInferenceMarket.Parameters memory marketParameters
    ) internal {
        catalog = new ModelCatalog(staking, address(manager), catalogParameters);
        router = new FeeRouter(
            IERC20(address(token)),
            staking,
            address(manager),
            routerParameters,
            IFeeRouter.FeeRecipients(validators, infrastructure, treasury)
        );
        // The QUIVer developer programs (70% to an app's developer, 50,000 QUIV grants, 100,000 QUIV per approver
        // and period): their open-source flag doubles a developer's API share in the pools.
        developers = new DeveloperPrograms(
            IERC20(address(token)),
            router,
            address(manager),
            IDeveloperPrograms.Parameters({
                appDeveloperBps: 7_000,
                integrationGrantCap: 50_000 ether,
                approverCapPerPeriod: 100_000 ether
            })
        );
        pools = new IncentivePools(IERC20(address(token)), staking, router, developers, address(manager), rates);
        market = new InferenceMarket(
            IERC20(address(token)),
            staking,
            catalog,
            router,
            pools,
            _compliance(),
            address(manager),
            marketParameters
        );

        vm.startPrank(admin);
        catalog.bindMarket(address(market));
        pools.bindMarket(address(market));
        router.bindIncentives(address(pools));
        // Function roles as the presets deploy them (test/utils/Wiring.sol, generated from the deployed presets).
        Wiring.protocolToken(manager, address(token));
        Wiring.modelCatalog(manager, address(catalog));
        Wiring.incentivePools(manager, address(pools));
        Wiring.developerPrograms(manager, address(developers));
        Wiring.feeRouter(manager, address(router));
        Wiring.inferenceMarket(manager, address(market));
        manager.grantRole(Roles.MINTER, minter, 0);
        manager.grantRole(Roles.PARAMETER_REGISTRY, registry, 0);
        manager.grantRole(Roles.GOVERNOR, governor, 0);
        manager.grantRole(Roles.GUARDIAN, guardian, 0);
        manager.grantRole(Roles.EMERGENCY, emergency, 0);
        manager.grantRole(Roles.MARKET_CURATOR, curator, 0);
        vm.stopPrank();
    }

    // ------------------------------------------------------------------ helpers

    function _mint(address to, uint256 amount) internal {
        vm.prank(minter);
        token.mint(to, amount);
    }

    function _register(address provider, uint256 stake) internal {
        _mint(provider, stake);
        vm.startPrank(provider);
        token.approve(address(staking), stake);
        staking.registerProvider(stake);
        vm.stopPrank();
    }

    function _deposit(address consumer, uint256 amount) internal {
        _mint(consumer, amount);
        vm.startPrank(consumer);
        token.approve(address(market), amount);
        market.deposit(amount);
        vm.stopPrank();
    }

    function _buyCredits(address consumer, uint256 amount) internal returns (uint256 bonus) {
        _mint(consumer, amount);
        vm.startPrank(consumer);
        token.approve(address(market), amount);
        bonus = market.buyCredits(amount);
        vm.stopPrank();
    }

    function _fundPool(IIncentivePools.Pool pool, uint256 amount) internal {
        address funder = makeAddr("funder");
        _mint(funder, amount);
        vm.startPrank(funder);
        token.approve(address(pools), amount);
        pools.fund(pool, amount);
        vm.stopPrank();
    }

    /// @dev A standard voucher (no priority, real-time, epoch 0, deadline in a day).
    function _voucher(
        address consumer,
        address provider,
        bytes32 modelId,
        uint256 cumulativeAmount,
        uint256 cumulativeTokens
    ) internal view returns (IInferenceMarket.Voucher memory v) {
        v.consumer = consumer;
        v.provider = provider;
        v.modelId = modelId;
        v.epoch = market.reserveOf(consumer, provider).epoch;
        v.cumulativeAmount = cumulativeAmount;
        v.cumulativeTokens = cumulativeTokens;
        v.deadline = block.timestamp + 1 days;
    }

    /// @dev What settling `amount` would charge now (the router's policy with the market's state).
    function _preview(
        address consumer,
        address provider,
        uint256 amount,
        uint256 priorityBps,
        bool batch
    ) internal view returns (IFeeRouter.Charge memory) {
        IInferenceMarket.AccountView memory a = market.accountOf(consumer);
        return
            router.chargeAt(
                market.tierDiscountOf(provider),
                amount,
                a.currentVolume > a.previousVolume ? a.currentVolume : a.previousVolume,
                block.timestamp < a.subscribedUntil,
                priorityBps,
                batch
            );
    }

    /// @dev A channel's key.
    function _channelKey(
        address consumer,
        address provider,
        bytes32 modelId,
        uint256 priorityBps,
        bool batch,
        uint256 epoch
    ) internal pure returns (bytes32) {
        return keccak256(abi.encode(consumer, provider, modelId, priorityBps, batch, epoch));
    }

    function _sign(uint256 key, IInferenceMarket.Voucher memory v) internal view returns (bytes memory) {
        (uint8 vv, bytes32 r, bytes32 s) = vm.sign(key, market.hashVoucher(v));
        return abi.encodePacked(r, s, vv);
    }

    /// @dev Settles `v` after reserving for its provider whatever the consumer holds unreserved (the consumer's
    /// step before it signs vouchers of that provider).
    function _settle(uint256 key, IInferenceMarket.Voucher memory v) internal returns (bytes32 subjectId) {
        _reserveAll(v.consumer, v.provider);
        bytes memory signature = _sign(key, v);
        vm.prank(v.provider);
        subjectId = market.settle(v, signature);
    }

    /// @dev Reserves all of `consumer`'s unreserved escrow for `provider` (nothing if none).
    function _reserveAll(address consumer, address provider) internal {
        IInferenceMarket.AccountView memory a = market.accountOf(consumer);
        if (a.balance + a.credits == 0) return;
        vm.prank(consumer);
        market.reserve(provider, a.balance + a.credits);
    }

    /// @dev A consumer's deposits: unreserved, and reserved for any of the four providers.
    function _deposits(address consumer) internal view returns (uint256 total) {
        total = market.accountOf(consumer).balance;
        address[4] memory providers = [bronze, silver, gold, platinum];
        for (uint256 i; i < 4; ++i) total += market.reserveOf(consumer, providers[i]).deposits;
    }

    /// @dev A consumer's credits: unreserved, and reserved for any of the four providers.
    function _credits(address consumer) internal view returns (uint256 total) {
        total = market.accountOf(consumer).credits;
        address[4] memory providers = [bronze, silver, gold, platinum];
        for (uint256 i; i < 4; ++i) total += market.reserveOf(consumer, providers[i]).credits;
    }

    function _setCatalogParameter(bytes32 key, uint256 value) internal {
        vm.prank(registry);
        catalog.setParameter(key, value);
    }

    function _setRouterParameter(bytes32 key, uint256 value) internal {
        vm.prank(registry);
        router.setParameter(key, value);
    }

    function _skip(uint256 secondsAhead) internal {
        vm.warp(block.timestamp + secondsAhead);
    }

    function _balance(address consumer) internal view returns (uint256) {
        return _deposits(consumer);
    }

    function _unclaimed(address provider) internal view returns (uint256 unclaimed) {
        (unclaimed, ) = market.earningsOf(provider);
    }
}
