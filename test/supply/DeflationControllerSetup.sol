// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {EmissionController} from "../../contracts/supply/EmissionController.sol";
import {ParameterRegistry} from "../../contracts/governance/ParameterRegistry.sol";
import {IDeflationController} from "../../contracts/interfaces/IDeflationController.sol";
import {IEmissionController} from "../../contracts/interfaces/IEmissionController.sol";
import {IFeeRouter} from "../../contracts/interfaces/IFeeRouter.sol";
import {IParameterRegistry} from "../../contracts/interfaces/IParameterRegistry.sol";
import {IProviderStaking} from "../../contracts/interfaces/IProviderStaking.sol";
import {MarketKeys} from "../../contracts/libraries/MarketKeys.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {Wiring} from "../utils/Wiring.sol";
import {FeeRouter} from "../../contracts/market/FeeRouter.sol";
import {DeflationController} from "../../contracts/supply/DeflationController.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";
import {ManagedTest} from "../utils/ManagedTest.sol";
import {QuiverNumbers} from "../utils/QuiverNumbers.sol";

/// @notice The deflation controller over a real token, emission controller (hold mode), parameter registry and fee
/// router, with numbers chosen for hand arithmetic:
/// - token cap 1,050M, all minted at the start: 100M into the emission controller, 950M to a holder;
/// - emission 10M a year for 10 years (cap 100M), so a quarter of years 1-10 emits exactly 2.5M;
/// - at the start of quarter 20 (year 6) 50M is emitted: outstanding supply 1,050M - (100M - 50M) = 1,000M when
///   nothing was burned before;
/// - burn share 100 bps (QUIVer), registered in the registry with QUIVer's bounds 0-1,000 and min step 50;
/// - controller (QUIVer's, test/utils/QuiverNumbers.sol): first step in quarter 20, step 25 bps, burn bounds 50-500,
///   band 2-3% (200-300 bps).
/// Net inflation of quarter 20 with burns B: (2.5M - B) x 4 / 1,000M. Exactly 2% deflation: B = 2.5M + 5M = 7.5M;
/// exactly 3%: B = 2.5M + 7.5M = 10M.
/// Shared by the unit tests (DeflationController.t.sol) and the invariant campaign
/// (DeflationController.invariant.t.sol).
abstract contract DeflationControllerSetup is ManagedTest {
    uint256 internal constant START = 1_800_000_000;
    uint256 internal constant YEAR = 31_536_000;
    uint256 internal constant QUARTER = 7_884_000;
    uint256 internal constant M = 1_000_000 ether;

    ProtocolToken internal token;
    EmissionController internal emission;
    ParameterRegistry internal registry;
    FeeRouter internal router;
    DeflationController internal controller;

    address internal governor;
    address internal holder;
    address internal stranger;
    address internal rewards;

    function setUp() public virtual {
        vm.warp(START);
        governor = makeAddr("governor");
        holder = makeAddr("holder");
        stranger = makeAddr("stranger");
        rewards = makeAddr("rewards");

        manager = new AccessManager(address(this));
        token = new ProtocolToken("QUIVer", "QUIV", 1_050 * M, address(manager));
        uint256[] memory table = new uint256[](10);
        for (uint256 i; i < 10; ++i) table[i] = 10 * M;
        IEmissionController.Recipient[] memory recipients = new IEmissionController.Recipient[](1);
        recipients[0] = IEmissionController.Recipient({
            account: rewards,
            startBps: 10_000,
            endBps: 10_000,
            notify: false
        });
        emission = new EmissionController(
            address(token),
            address(manager),
            IEmissionController.FundingMode.Hold,
            START,
            table,
            4,
            100 * M,
            recipients,
            0,
            0
        );
        token.mint(address(emission), 100 * M);
        token.mint(holder, 950 * M);

        registry = new ParameterRegistry(address(manager));
        // Function roles as the presets deploy them (test/utils/Wiring.sol, generated from the deployed presets).
        Wiring.parameterRegistry(manager, address(registry));
        manager.grantRole(Roles.PARAMETER_REGISTRY, address(registry), 0);
        manager.grantRole(Roles.GOVERNOR, governor, 0);

        router = new FeeRouter(
            IERC20(address(token)),
            IProviderStaking(makeAddr("staking")),
            address(manager),
            _routerParameters(),
            IFeeRouter.FeeRecipients({
                validators: makeAddr("validators"),
                infrastructure: makeAddr("infrastructure"),
                treasury: makeAddr("treasury")
            })
        );
        Wiring.feeRouter(manager, address(router));
        registry.register(
            address(router),
            MarketKeys.BURN_FEE_BPS,
            QuiverNumbers.BURN_FEE_BPS_MIN,
            QuiverNumbers.BURN_FEE_BPS_MAX,
            QuiverNumbers.BURN_FEE_BPS_STEP
        );

        controller = _deploy(_parameters());
    }

    // ------------------------------------------------------------------ fixture

    function _parameters() internal pure returns (IDeflationController.Parameters memory) {
        return QuiverNumbers.deflationParameters();
    }

    function _routerParameters() internal pure returns (IFeeRouter.Parameters memory) {
        return QuiverNumbers.routerParameters();
    }

    /// @dev A controller (first step in quarter 20) holding the controller role, its setter mapped to the registry.
    function _deploy(IDeflationController.Parameters memory p) internal returns (DeflationController c) {
        c = new DeflationController(
            IVotes(address(token)),
            IEmissionController(address(emission)),
            IParameterRegistry(address(registry)),
            address(router),
            address(manager),
            QuiverNumbers.DEFLATION_FIRST_QUARTER,
            p
        );
        Wiring.deflationController(manager, address(c));
        manager.grantRole(Roles.PARAMETER_CONTROLLER, address(c), 0);
    }

    function _q(uint256 quarter) internal pure returns (uint256) {
        return START + quarter * QUARTER;
    }

    function _burnAt(uint256 timestamp, uint256 amount) internal {
        vm.warp(timestamp);
        vm.prank(holder);
        token.burn(amount);
    }

    function _burnShare() internal view returns (uint256) {
        return router.feeSplit().burnBps;
    }

    /// @dev Burns `amount` in quarter 20, steps at the start of quarter 21 and returns the burn share after it.
    function _stepAfterQuarter20Burning(uint256 amount) internal returns (uint256) {
        if (amount != 0) _burnAt(_q(20) + 1 days, amount);
        vm.warp(_q(21));
        controller.step();
        return _burnShare();
    }
}
