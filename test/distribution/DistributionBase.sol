// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {AvailabilityPool} from "../../contracts/distribution/AvailabilityPool.sol";
import {ConsensusRewards} from "../../contracts/distribution/ConsensusRewards.sol";
import {DistributionEngine} from "../../contracts/distribution/DistributionEngine.sol";
import {SqrtPool} from "../../contracts/distribution/SqrtPool.sol";
import {StabilizationFund} from "../../contracts/distribution/StabilizationFund.sol";
import {SubscriptionManager} from "../../contracts/distribution/SubscriptionManager.sol";
import {ParameterRegistry} from "../../contracts/governance/ParameterRegistry.sol";
import {IAvailabilityPool} from "../../contracts/interfaces/IAvailabilityPool.sol";
import {IDistributionEngine} from "../../contracts/interfaces/IDistributionEngine.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {Wiring} from "../utils/Wiring.sol";
import {UsageMultiplier} from "../../contracts/libraries/UsageMultiplier.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";
import {MockRewardReceiver} from "../supply/mocks/MockRewardReceiver.sol";
import {ManagedTest} from "../utils/ManagedTest.sol";
import {QryNumbers} from "../utils/QryNumbers.sol";
import {MockStakeReader} from "./mocks/MockStakeReader.sol";

/// @notice Shared setup for distribution tests: QRY under an AccessManager with the parameter registry, and the
/// distribution module wired as the deploy module wires it (the same roles), with the QRY preset's numbers
/// (test/utils/QryNumbers.sol, generated from the preset): 30-day epochs from START, a 90-day claim window, the
/// 8-pool chain-maturity mix (early until month 6, mature from month 12), usage weights 50/30/20 clamped to
/// [0.5x, 2x], 85% thresholds and a 15% challengers' share, a 10 QRY minimum monthly pay, and 10,000 QRY per
/// query-fulfillment identity. This base overrides, each for a reason given where it is set: the usage targets
/// (test-sized), the PoA quota (100, not 1,000), the services (the preset's first two), the portal
/// measure cap and the referral pools' minimum stake and claim cap (none until a test sets one).
/// Staking is a settable mock; the staking-rewards pool a notified mock.
abstract contract DistributionBase is ManagedTest {
    uint256 internal constant START = 1_800_000_000;
    uint256 internal constant EPOCH = QryNumbers.EPOCH_SECONDS;
    uint256 internal constant CLAIM_WINDOW = QryNumbers.CLAIM_WINDOW_SECONDS;
    uint256 internal constant YEAR = 365 days;
    uint256 internal constant MIX_START = START + QryNumbers.MIX_START_OFFSET_SECONDS;
    uint256 internal constant MIX_END = START + QryNumbers.MIX_END_OFFSET_SECONDS;
    uint256 internal constant QRY_CAP = 1_000_000_000 ether;
    uint256 internal constant PROVIDER_MIN_STAKE = QryNumbers.QUERY_FULFILLMENT_MIN_STAKE;
    uint256 internal constant SERVICE0_MIN_STAKE = QryNumbers.SERVICE0_MIN_STAKE;
    uint256 internal constant SERVICE1_MIN_STAKE = QryNumbers.SERVICE1_MIN_STAKE;
    uint256 internal constant MIN_MONTHLY_PAY = QryNumbers.MIN_MONTHLY_PAY;
    /// @dev Override: each portal's measure cap per epoch, far above any test's sales unless a test lowers it (the
    /// preset's 50,000 QRY would cap most tests' sales).
    uint256 internal constant PORTAL_CAP = 1_000_000_000 ether;
    /// @dev Override: 100 challenges per challenger per epoch (the preset's 1,000), so tests record round figures.
    uint256 internal constant QUOTA = 100;

    // Pool indices in the engine, in the order of the QRY preset.
    uint256 internal constant QUERY_POOL = 0;
    uint256 internal constant POA_POOL = 1;
    uint256 internal constant INTEGRATOR_POOL = 2;
    uint256 internal constant PORTAL_POOL = 3;
    uint256 internal constant WORKER_POOL = 4;
    uint256 internal constant STAKING_POOL = 5;
    uint256 internal constant CONSENSUS_POOL = 6;
    uint256 internal constant STABILIZATION_POOL = 7;

    ProtocolToken internal qry;
    ParameterRegistry internal params;
    MockStakeReader internal stakes;
    SqrtPool internal providerPool;
    SqrtPool internal integratorPool;
    SqrtPool internal portalPool;
    AvailabilityPool internal availability;
    ConsensusRewards internal consensus;
    StabilizationFund internal stabilization;
    SubscriptionManager internal subscriptions;
    DistributionEngine internal engine;
    MockRewardReceiver internal stakingPool;

    address internal admin;
    address internal minter;
    address internal governor;
    address internal emergency;
    address internal registrar;
    address internal gateway;
    address internal portal;
    address internal reporter;
    address internal workerProposals;
    address internal client;
    address internal integrator;
    address internal stranger;

    function setUp() public virtual {
        vm.warp(START);
        admin = makeAddr("admin");
        minter = makeAddr("minter");
        governor = makeAddr("governor");
        emergency = makeAddr("emergency");
        registrar = makeAddr("registrar");
        gateway = makeAddr("gateway");
        portal = makeAddr("portal");
        reporter = makeAddr("reporter");
        workerProposals = makeAddr("workerProposals");
        client = makeAddr("client");
        integrator = makeAddr("integrator");
        stranger = makeAddr("stranger");

        manager = new AccessManager(admin);
        qry = new ProtocolToken("QRY", "QRY", QRY_CAP, address(manager));
        params = new ParameterRegistry(address(manager));
        stakes = new MockStakeReader();
        stakingPool = new MockRewardReceiver(IERC20(address(qry)));

        providerPool = new SqrtPool(
            address(qry),
            address(manager),
            START,
            EPOCH,
            CLAIM_WINDOW,
            address(stakes),
            PROVIDER_MIN_STAKE,
            0,
            true
        );
        integratorPool = _identityPool();
        portalPool = _identityPool();
        // Override: the preset's first two services (10,000 and 50,000 QRY); tests name service 2 as unknown.
        uint256[] memory minStakes = new uint256[](2);
        minStakes[0] = SERVICE0_MIN_STAKE;
        minStakes[1] = SERVICE1_MIN_STAKE;
        availability = new AvailabilityPool(
            address(qry),
            address(manager),
            START,
            EPOCH,
            CLAIM_WINDOW,
            address(stakes),
            _rules(),
            minStakes
        );
        consensus = new ConsensusRewards(address(qry), address(manager), START, EPOCH, CLAIM_WINDOW);
        stabilization = new StabilizationFund(address(qry), address(manager));
        subscriptions = new SubscriptionManager(
            address(qry),
            address(manager),
            START,
            EPOCH,
            address(providerPool),
            address(integratorPool),
            address(portalPool),
            MIN_MONTHLY_PAY,
            PORTAL_CAP
        );
        engine = new DistributionEngine(
            address(manager),
            address(subscriptions),
            address(stakes),
            _pools(),
            uint64(MIX_START),
            uint64(MIX_END),
            _usage()
        );
        _wire();
    }

    // ------------------------------------------------------------------ wiring (as deploy/modules/QryDistribution.ts)

    function _sqrtPool(uint256 minStake) internal returns (SqrtPool) {
        return
            new SqrtPool(
                address(qry),
                address(manager),
                START,
                EPOCH,
                CLAIM_WINDOW,
                address(stakes),
                minStake,
                0,
                false
            );
    }

    /// @dev An integrators' or portals' pool as the deploy module makes them: an identity pool (own stake, locked
    /// through the claim window), no minimum until a test sets one.
    function _identityPool() internal returns (SqrtPool) {
        return new SqrtPool(address(qry), address(manager), START, EPOCH, CLAIM_WINDOW, address(stakes), 0, 0, true);
    }

    function _sqrtPoolWithClock(uint256 start, uint256 epochLength) internal returns (SqrtPool) {
        return
            new SqrtPool(
                address(qry),
                address(manager),
                start,
                epochLength,
                CLAIM_WINDOW,
                address(stakes),
                0,
                0,
                false
            );
    }

    function _rules() internal pure returns (IAvailabilityPool.Rules memory r) {
        r = QryNumbers.availabilityRules();
        r.quota = uint32(QUOTA);
    }

    /// @dev The preset's usage multiplier (weights, clamp) with test-sized targets: 100,000 QRY revenue (preset 1M),
    /// 100 active subscriptions (preset 10,000), 10M QRY stake (preset 100M), so a test moves it with a few sales.
    function _usage() internal pure returns (UsageMultiplier.Config memory u) {
        u = QryNumbers.usageConfig();
        u.revenueTarget = 100_000 ether;
        u.activeTarget = 100;
        u.stakeTarget = 10_000_000 ether;
    }

    /// @dev The QRY mix: early (until month 6) -> mature (from month 12), in bps, with this base's pools.
    function _pools() internal view returns (IDistributionEngine.Pool[] memory p) {
        p = QryNumbers.poolWeights();
        _bind(p[QUERY_POOL], address(providerPool), IDistributionEngine.PoolKind.Epoch);
        _bind(p[POA_POOL], address(availability), IDistributionEngine.PoolKind.Epoch);
        _bind(p[INTEGRATOR_POOL], address(integratorPool), IDistributionEngine.PoolKind.Epoch);
        _bind(p[PORTAL_POOL], address(portalPool), IDistributionEngine.PoolKind.Epoch);
        _bind(p[WORKER_POOL], workerProposals, IDistributionEngine.PoolKind.Plain);
        _bind(p[STAKING_POOL], address(stakingPool), IDistributionEngine.PoolKind.Notify);
        _bind(p[CONSENSUS_POOL], address(consensus), IDistributionEngine.PoolKind.Epoch);
        _bind(p[STABILIZATION_POOL], address(stabilization), IDistributionEngine.PoolKind.Plain);
    }

    function _bind(IDistributionEngine.Pool memory p, address account, IDistributionEngine.PoolKind kind) private pure {
        p.account = account;
        p.kind = kind;
    }

    function _pool(
        address account,
        uint16 startBps,
        uint16 endBps,
        IDistributionEngine.PoolKind kind
    ) internal pure returns (IDistributionEngine.Pool memory) {
        return IDistributionEngine.Pool({account: account, startBps: startBps, endBps: endBps, kind: kind});
    }

    function _wire() internal {
        vm.startPrank(admin);
        // Function roles as the presets deploy them (test/utils/Wiring.sol, generated from the deployed presets).
        Wiring.protocolToken(manager, address(qry));
        manager.grantRole(Roles.MINTER, minter, 0);
        manager.grantRole(Roles.GOVERNOR, governor, 0);
        manager.grantRole(Roles.EMERGENCY, emergency, 0);
        Wiring.parameterRegistry(manager, address(params));
        manager.grantRole(Roles.PARAMETER_REGISTRY, address(params), 0);

        Wiring.subscriptionManager(manager, address(subscriptions));
        Wiring.distributionEngine(manager, address(engine));
        Wiring.stabilizationFund(manager, address(stabilization));
        Wiring.availabilityPool(manager, address(availability));
        Wiring.consensusRewards(manager, address(consensus));
        Wiring.sqrtPool(manager, address(providerPool));
        Wiring.sqrtPool(manager, address(integratorPool));
        Wiring.sqrtPool(manager, address(portalPool));
        providerPool.bindCreditor(address(subscriptions));
        integratorPool.bindCreditor(address(subscriptions));
        portalPool.bindCreditor(address(subscriptions));

        manager.grantRole(Roles.DISTRIBUTION_ENGINE, address(engine), 0);
        manager.grantRole(Roles.DISTRIBUTION_REGISTRAR, registrar, 0);
        manager.setRoleAdmin(Roles.DISTRIBUTION_GATEWAY, Roles.DISTRIBUTION_REGISTRAR);
        manager.setRoleAdmin(Roles.DISTRIBUTION_PORTAL, Roles.DISTRIBUTION_REGISTRAR);
        manager.setRoleAdmin(Roles.DISTRIBUTION_CHALLENGER, Roles.DISTRIBUTION_REGISTRAR);
        manager.setRoleAdmin(Roles.DISTRIBUTION_CONSENSUS_REPORTER, Roles.DISTRIBUTION_REGISTRAR);
        vm.stopPrank();

        vm.startPrank(registrar);
        manager.grantRole(Roles.DISTRIBUTION_GATEWAY, gateway, 0);
        manager.grantRole(Roles.DISTRIBUTION_PORTAL, portal, 0);
        manager.grantRole(Roles.DISTRIBUTION_CONSENSUS_REPORTER, reporter, 0);
        vm.stopPrank();

        // A sale names a registered integrator (the integrators' pool asks no stake here: id 1, no stake needed).
        vm.prank(integrator);
        subscriptions.registerIntegrator();
    }

    // ------------------------------------------------------------------ helpers

    function _mint(address to, uint256 amount) internal {
        vm.prank(minter);
        qry.mint(to, amount);
    }

    /// @dev The portal sells `client` a subscription serving `integrator` (the portal is funded and approves).
    function _subscribe(uint256 monthlyPay, uint256 epochs) internal returns (uint256 id) {
        _mint(portal, monthlyPay * epochs);
        vm.startPrank(portal);
        qry.approve(address(subscriptions), monthlyPay * epochs);
        id = subscriptions.subscribe(client, integrator, monthlyPay, epochs);
        vm.stopPrank();
    }

    /// @dev An active provider with `bonded` stake.
    function _stake(address provider, uint256 bonded) internal {
        stakes.setStake(provider, true, bonded);
    }

    function _report(uint256 epoch, uint256 id, address provider, uint256 calls) internal {
        vm.prank(gateway);
        subscriptions.reportCalls(epoch, id, provider, calls);
    }

    function _grantChallenger(address challenger) internal {
        vm.prank(registrar);
        manager.grantRole(Roles.DISTRIBUTION_CHALLENGER, challenger, 0);
    }

    function _record(address challenger, address provider, uint256 challenges, uint256 answered) internal {
        vm.prank(challenger);
        availability.recordChallenges((block.timestamp - START) / EPOCH, provider, challenges, answered);
    }

    /// @dev A provider registered for `service`, active and bonded at `bonded`.
    function _provider(string memory name, uint256 service, uint256 bonded) internal returns (address provider) {
        provider = makeAddr(name);
        _stake(provider, bonded);
        vm.prank(provider);
        availability.registerService(service);
    }

    /// @dev `provider` claims its A-Pay of `epoch` from the availability pool.
    function _claimA(address provider, uint256 epoch) internal returns (uint256) {
        vm.prank(provider);
        return availability.claimAvailability(epoch);
    }

    /// @dev `challenger` claims its C-Pay of `epoch` from the availability pool.
    function _claimC(address challenger, uint256 epoch) internal returns (uint256) {
        vm.prank(challenger);
        return availability.claimChallenges(epoch);
    }

    function _warpToEnd(uint256 epoch) internal {
        vm.warp(START + (epoch + 1) * EPOCH);
    }

    /// @dev Pays every pool its pending budget of a closed epoch (`fund`, anyone), in index order.
    function _fundAll(uint256 epoch) internal {
        uint256 n = engine.pools().length;
        for (uint256 i; i < n; ++i) engine.fund(i, epoch);
    }

    /// @dev Registers a governed number of `target` with wide bounds, so tests can change it through the registry.
    function _register(address target, bytes32 key, uint256 min, uint256 max) internal {
        vm.prank(admin);
        params.register(target, key, min, max, 0);
    }
}
