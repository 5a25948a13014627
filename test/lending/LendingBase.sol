// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {ParameterRegistry} from "../../contracts/governance/ParameterRegistry.sol";
import {ICreditManager} from "../../contracts/interfaces/ICreditManager.sol";
import {IInsuranceFund} from "../../contracts/interfaces/IInsuranceFund.sol";
import {IOracleRouter} from "../../contracts/interfaces/IOracleRouter.sol";
import {IUniswapV2Router} from "../../contracts/interfaces/external/IUniswapV2Router.sol";
import {CreditManager} from "../../contracts/lending/CreditManager.sol";
import {EthReserve} from "../../contracts/lending/EthReserve.sol";
import {InsuranceFund} from "../../contracts/lending/InsuranceFund.sol";
import {OracleRouter} from "../../contracts/lending/OracleRouter.sol";
import {StableVault} from "../../contracts/lending/StableVault.sol";
import {LendingKeys} from "../../contracts/libraries/LendingKeys.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {QerunNumbers} from "../utils/QerunNumbers.sol";
import {Wiring} from "../utils/Wiring.sol";
import {MockAggregatorV3} from "../../contracts/devnet/MockAggregatorV3.sol";
import {MockStablecoin} from "../../contracts/devnet/MockStablecoin.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";
import {UniswapV2Fixture} from "./utils/UniswapV2Fixture.sol";

/// @notice The whole lending module on a devnet: QER, a 6-decimal stablecoin, Chainlink-style feeds, the real
/// Uniswap V2 with a stablecoin/WETH pool seeded at the oracle price, and the five lending contracts wired under
/// one AccessManager (the test contract is its admin) with the parameter registry.
/// Prices: QER $2, ETH $2,000. Pool: 10,000,000 USDC / 5,000 ETH. Vault: 1,000,000 USDC supplied by `supplier`.
abstract contract LendingBase is UniswapV2Fixture {
    uint256 internal constant START = 1_750_000_000;
    int256 internal constant QER_USD = 2e8; // $2, 8 decimals
    int256 internal constant ETH_USD = 2_000e8; // $2,000, 8 decimals
    uint256 internal constant POOL_USDC = 10_000_000e6;
    uint256 internal constant POOL_ETH = 5_000 ether;
    uint256 internal constant SUPPLY = 1_000_000e6;

    // Risk numbers (the Qerun preset's).
    // The Qerun preset's numbers (test/utils/QerunNumbers.sol), by the names the tests use.
    uint16 internal immutable MAX_LTV = uint16(QerunNumbers.riskParameters().maxLtvBps);
    uint16 internal immutable THRESHOLD = uint16(QerunNumbers.riskParameters().liquidationThresholdBps);
    uint16 internal immutable BONUS = uint16(QerunNumbers.riskParameters().liquidationBonusBps);
    uint16 internal immutable CLOSE_FACTOR = uint16(QerunNumbers.riskParameters().closeFactorBps);
    uint16 internal immutable LIQ_FEE = uint16(QerunNumbers.riskParameters().liquidationFeeBps);
    uint128 internal immutable MIN_BORROW = QerunNumbers.riskParameters().minBorrow;
    uint256 internal immutable CEILING = QerunNumbers.riskParameters().debtCeiling;
    uint16 internal constant SLIPPAGE = uint16(QerunNumbers.MAX_SLIPPAGE_BPS);
    uint16 internal constant ETH_RETURN = uint16(QerunNumbers.ETH_RETURN_BPS);
    uint256 internal constant PAUSE_DURATION = QerunNumbers.PAUSE_DURATION;

    AccessManager internal manager;
    ParameterRegistry internal registry;
    ProtocolToken internal qer;
    MockStablecoin internal usdc;
    MockAggregatorV3 internal qerFeed;
    MockAggregatorV3 internal ethFeed;

    OracleRouter internal oracle;
    InsuranceFund internal fund;
    StableVault internal vault;
    EthReserve internal reserve;
    CreditManager internal cm;

    address internal governor;
    address internal emergency;
    address internal guardian;
    address internal supplier;
    address internal alice;
    address internal bob;
    address internal liquidator;
    address internal stranger;

    function setUp() public virtual {
        vm.warp(START);
        governor = makeAddr("governor");
        emergency = makeAddr("emergency");
        guardian = makeAddr("guardian");
        supplier = makeAddr("supplier");
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        liquidator = makeAddr("liquidator");
        stranger = makeAddr("stranger");

        manager = new AccessManager(address(this));
        registry = new ParameterRegistry(address(manager));
        qer = new ProtocolToken("Qerun", "QER", 1_000_000_000 ether, address(manager));
        usdc = _newStablecoin();
        qerFeed = new MockAggregatorV3(8, "QER / USD", QER_USD);
        ethFeed = new MockAggregatorV3(8, "ETH / USD", ETH_USD);
        if (weth == address(0)) _deployUniswap(address(this));
        _seedPool();

        oracle = _deployOracle(address(0));
        fund = new InsuranceFund(address(manager), IERC20(address(usdc)));
        vault = new StableVault(
            address(manager),
            IERC20(address(usdc)),
            IInsuranceFund(address(fund)),
            "Qerun USDC Vault",
            "qvUSDC",
            QerunNumbers.rateParameters()
        );
        reserve = new EthReserve(
            address(manager),
            IERC20(address(usdc)),
            IUniswapV2Router(address(router)),
            oracle,
            SLIPPAGE,
            ETH_RETURN
        );
        cm = new CreditManager(
            address(manager),
            ICreditManager.Modules({
                collateral: address(qer),
                vault: address(vault),
                reserve: address(reserve),
                oracle: address(oracle),
                insuranceFund: address(fund)
            }),
            QerunNumbers.riskParameters(),
            PAUSE_DURATION,
            _lockerPerk()
        );
        _wire();

        vm.label(address(oracle), "OracleRouter");
        vm.label(address(fund), "InsuranceFund");
        vm.label(address(vault), "StableVault");
        vm.label(address(reserve), "EthReserve");
        vm.label(address(cm), "CreditManager");

        _supply(supplier, SUPPLY);
    }

    receive() external payable {}

    // ------------------------------------------------------------------ deployment

    /// @dev The credit manager's locker perk: off unless a test overrides it.
    function _lockerPerk() internal virtual returns (ICreditManager.LockerPerk memory perk) {
        perk.openCeilingBps = 10_000;
    }

    /// @dev The stablecoin; a test may override it to choose its address (the pair's token order).
    function _newStablecoin() internal virtual returns (MockStablecoin) {
        return new MockStablecoin("USD Coin (devnet)", "USDC");
    }

    function _deployOracle(address sequencerFeed) internal returns (OracleRouter) {
        return
            new OracleRouter(
                address(manager),
                _feed(QerunNumbers.qerFeedRange(), address(qerFeed)),
                _feed(QerunNumbers.ethFeedRange(), address(ethFeed)),
                sequencerFeed,
                QerunNumbers.oracleParameters()
            );
    }

    function _feed(
        IOracleRouter.FeedConfig memory range,
        address feed
    ) internal pure returns (IOracleRouter.FeedConfig memory config) {
        config = range;
        config.feed = feed;
    }

    function _seedPool() internal {
        vm.deal(address(this), POOL_ETH);
        usdc.mint(address(this), POOL_USDC);
        usdc.approve(address(router), POOL_USDC);
        router.addLiquidityETH{value: POOL_ETH}(address(usdc), POOL_USDC, 0, 0, address(this), block.timestamp);
    }

    function _wire() internal {
        // Function roles as the presets deploy them (test/utils/Wiring.sol, generated from the deployed presets).
        Wiring.parameterRegistry(manager, address(registry));
        Wiring.oracleRouter(manager, address(oracle));
        Wiring.stableVault(manager, address(vault));
        Wiring.ethReserve(manager, address(reserve));
        Wiring.insuranceFund(manager, address(fund));
        Wiring.creditManager(manager, address(cm));

        manager.grantRole(Roles.PARAMETER_REGISTRY, address(registry), 0);
        manager.grantRole(Roles.GOVERNOR, governor, 0);
        manager.grantRole(Roles.EMERGENCY, emergency, 0);
        manager.grantRole(Roles.GUARDIAN, guardian, 0);
        // As the deploy module does: the lending modules wired to each other once (no AccessManager roles), in the
        // order the point-back checks need (the fund to the vault, the vault, then the reserve).
        fund.bindVault(address(vault));
        vault.bindCreditManager(address(cm));
        reserve.bindCreditManager(address(cm));

        // Hard bounds, as the preset registers them (test/utils/QerunNumbers.sol).
        _register(
            address(cm),
            LendingKeys.MAX_LTV_BPS,
            QerunNumbers.MAX_LTV_BPS_MIN,
            QerunNumbers.MAX_LTV_BPS_MAX,
            QerunNumbers.MAX_LTV_BPS_STEP
        );
        _register(
            address(cm),
            LendingKeys.LIQUIDATION_THRESHOLD_BPS,
            QerunNumbers.LIQUIDATION_THRESHOLD_BPS_MIN,
            QerunNumbers.LIQUIDATION_THRESHOLD_BPS_MAX,
            QerunNumbers.LIQUIDATION_THRESHOLD_BPS_STEP
        );
        _register(
            address(cm),
            LendingKeys.LIQUIDATION_BONUS_BPS,
            QerunNumbers.LIQUIDATION_BONUS_BPS_MIN,
            QerunNumbers.LIQUIDATION_BONUS_BPS_MAX,
            QerunNumbers.LIQUIDATION_BONUS_BPS_STEP
        );
        _register(
            address(cm),
            LendingKeys.CLOSE_FACTOR_BPS,
            QerunNumbers.CLOSE_FACTOR_BPS_MIN,
            QerunNumbers.CLOSE_FACTOR_BPS_MAX,
            QerunNumbers.CLOSE_FACTOR_BPS_STEP
        );
        _register(
            address(cm),
            LendingKeys.LIQUIDATION_FEE_BPS,
            QerunNumbers.LIQUIDATION_FEE_BPS_MIN,
            QerunNumbers.LIQUIDATION_FEE_BPS_MAX,
            QerunNumbers.LIQUIDATION_FEE_BPS_STEP
        );
        _register(
            address(cm),
            LendingKeys.MIN_BORROW,
            QerunNumbers.MIN_BORROW_MIN,
            QerunNumbers.MIN_BORROW_MAX,
            QerunNumbers.MIN_BORROW_STEP
        );
        _register(
            address(cm),
            LendingKeys.DEBT_CEILING,
            QerunNumbers.DEBT_CEILING_MIN,
            QerunNumbers.DEBT_CEILING_MAX,
            QerunNumbers.DEBT_CEILING_STEP
        );
        _register(
            address(cm),
            cm.PAUSE_DURATION(),
            QerunNumbers.PAUSE_DURATION_MIN,
            QerunNumbers.PAUSE_DURATION_MAX,
            QerunNumbers.PAUSE_DURATION_STEP
        );
        _register(
            address(vault),
            LendingKeys.BASE_RATE_BPS,
            QerunNumbers.BASE_RATE_BPS_MIN,
            QerunNumbers.BASE_RATE_BPS_MAX,
            QerunNumbers.BASE_RATE_BPS_STEP
        );
        _register(
            address(vault),
            LendingKeys.SLOPE1_BPS,
            QerunNumbers.SLOPE1_BPS_MIN,
            QerunNumbers.SLOPE1_BPS_MAX,
            QerunNumbers.SLOPE1_BPS_STEP
        );
        _register(
            address(vault),
            LendingKeys.SLOPE2_BPS,
            QerunNumbers.SLOPE2_BPS_MIN,
            QerunNumbers.SLOPE2_BPS_MAX,
            QerunNumbers.SLOPE2_BPS_STEP
        );
        _register(
            address(vault),
            LendingKeys.OPTIMAL_UTILIZATION_BPS,
            QerunNumbers.OPTIMAL_UTILIZATION_BPS_MIN,
            QerunNumbers.OPTIMAL_UTILIZATION_BPS_MAX,
            QerunNumbers.OPTIMAL_UTILIZATION_BPS_STEP
        );
        _register(
            address(vault),
            LendingKeys.INSURANCE_INTEREST_SHARE_BPS,
            QerunNumbers.INSURANCE_INTEREST_SHARE_BPS_MIN,
            QerunNumbers.INSURANCE_INTEREST_SHARE_BPS_MAX,
            QerunNumbers.INSURANCE_INTEREST_SHARE_BPS_STEP
        );
        _register(
            address(reserve),
            LendingKeys.MAX_SLIPPAGE_BPS,
            QerunNumbers.MAX_SLIPPAGE_BPS_MIN,
            QerunNumbers.MAX_SLIPPAGE_BPS_MAX,
            QerunNumbers.MAX_SLIPPAGE_BPS_STEP
        );
        _register(
            address(reserve),
            LendingKeys.ETH_RETURN_BPS,
            QerunNumbers.ETH_RETURN_BPS_MIN,
            QerunNumbers.ETH_RETURN_BPS_MAX,
            QerunNumbers.ETH_RETURN_BPS_STEP
        );
        _register(
            address(oracle),
            LendingKeys.COLLATERAL_MAX_AGE,
            QerunNumbers.COLLATERAL_MAX_AGE_MIN,
            QerunNumbers.COLLATERAL_MAX_AGE_MAX,
            QerunNumbers.COLLATERAL_MAX_AGE_STEP
        );
        _register(
            address(oracle),
            LendingKeys.ETH_MAX_AGE,
            QerunNumbers.ETH_MAX_AGE_MIN,
            QerunNumbers.ETH_MAX_AGE_MAX,
            QerunNumbers.ETH_MAX_AGE_STEP
        );
        _register(
            address(oracle),
            LendingKeys.SEQUENCER_GRACE_PERIOD,
            QerunNumbers.SEQUENCER_GRACE_PERIOD_MIN,
            QerunNumbers.SEQUENCER_GRACE_PERIOD_MAX,
            QerunNumbers.SEQUENCER_GRACE_PERIOD_STEP
        );
        _register(
            address(oracle),
            LendingKeys.MAX_PRICE_JUMP_BPS,
            QerunNumbers.MAX_PRICE_JUMP_BPS_MIN,
            QerunNumbers.MAX_PRICE_JUMP_BPS_MAX,
            QerunNumbers.MAX_PRICE_JUMP_BPS_STEP
        );
        _register(
            address(oracle),
            LendingKeys.PRICE_JUMP_WINDOW,
            QerunNumbers.PRICE_JUMP_WINDOW_MIN,
            QerunNumbers.PRICE_JUMP_WINDOW_MAX,
            QerunNumbers.PRICE_JUMP_WINDOW_STEP
        );
    }

    function _register(address target, bytes32 key, uint256 min, uint256 max, uint256 minStep) internal {
        registry.register(target, key, min, max, minStep);
    }

    // ------------------------------------------------------------------ actions

    function _supply(address who, uint256 amount) internal {
        usdc.mint(who, amount);
        vm.startPrank(who);
        usdc.approve(address(vault), amount);
        vault.deposit(amount, who);
        vm.stopPrank();
    }

    function _giveQer(address who, uint256 amount) internal {
        // The test contract is the manager's admin: it grants itself the minter role once.
        (bool isMinter, ) = manager.hasRole(Roles.MINTER, address(this));
        if (!isMinter) {
            Wiring.protocolToken(manager, address(qer));
            manager.grantRole(Roles.MINTER, address(this), 0);
        }
        qer.mint(who, amount);
    }

    function _addCollateral(address who, uint256 amount) internal {
        _giveQer(who, amount);
        vm.startPrank(who);
        qer.approve(address(cm), amount);
        cm.addCollateral(who, amount);
        vm.stopPrank();
    }

    function _borrow(address who, uint256 amount) internal returns (uint256 paidOut, uint256 ethToPosition) {
        vm.prank(who);
        return cm.borrow(amount, 0, block.timestamp);
    }

    /// @dev Mints the stablecoin to `payer` and approves the credit manager.
    function _fund(address payer, uint256 amount) internal {
        usdc.mint(payer, amount);
        vm.prank(payer);
        usdc.approve(address(cm), type(uint256).max);
    }

    function _setQerPrice(int256 answer) internal {
        qerFeed.setAnswer(answer);
    }

    function _setEthPrice(int256 answer) internal {
        ethFeed.setAnswer(answer);
    }

    /// @dev Moves time and republishes both prices, so they stay fresh.
    function _warp(uint256 secondsAhead) internal {
        vm.warp(block.timestamp + secondsAhead);
        (, int256 q, , , ) = qerFeed.latestRoundData();
        (, int256 e, , , ) = ethFeed.latestRoundData();
        qerFeed.setAnswer(q);
        ethFeed.setAnswer(e);
    }

    function _setParam(address target, bytes32 key, uint256 value) internal {
        vm.prank(emergency);
        registry.setEmergency(target, key, value);
    }
}
