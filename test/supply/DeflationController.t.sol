// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";
import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {EmissionController} from "../../contracts/emission/EmissionController.sol";
import {ParameterRegistry} from "../../contracts/governance/ParameterRegistry.sol";
import {IDeflationController} from "../../contracts/interfaces/IDeflationController.sol";
import {IEmissionController} from "../../contracts/interfaces/IEmissionController.sol";
import {IFeeRouter} from "../../contracts/interfaces/IFeeRouter.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {IParameterRegistry} from "../../contracts/interfaces/IParameterRegistry.sol";
import {IProviderStaking} from "../../contracts/interfaces/IProviderStaking.sol";
import {DeflationKeys} from "../../contracts/libraries/DeflationKeys.sol";
import {MarketKeys} from "../../contracts/libraries/MarketKeys.sol";
import {Roles} from "../../contracts/libraries/Roles.sol";
import {FeeRouter} from "../../contracts/market/FeeRouter.sol";
import {DeflationController} from "../../contracts/supply/DeflationController.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";
import {ManagedTest} from "../utils/ManagedTest.sol";

/// @notice The deflation controller over a real token, emission controller (hold mode), parameter registry and fee
/// router, with numbers chosen for hand arithmetic:
/// - token cap 1,050M, all minted at the start: 100M into the emission controller, 950M to a holder;
/// - emission 10M a year for 10 years (cap 100M), so a quarter of years 1-10 emits exactly 2.5M;
/// - at the start of quarter 20 (year 6) 50M is emitted: outstanding supply 1,050M - (100M - 50M) = 1,000M when
///   nothing was burned before;
/// - burn share 100 bps (QUIVer), registered in the registry with QUIVer's bounds 0-1,000 and min step 50;
/// - controller: first step in quarter 20, step 25 bps, burn bounds 50-500, band 2-3% (200-300 bps).
/// Net inflation of quarter 20 with burns B: (2.5M - B) x 4 / 1,000M. Exactly 2% deflation: B = 2.5M + 5M = 7.5M;
/// exactly 3%: B = 2.5M + 7.5M = 10M.
contract DeflationControllerTest is ManagedTest {
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
        _restrict(address(registry), ParameterRegistry.set.selector, Roles.GOVERNOR);
        _restrict(address(registry), ParameterRegistry.setByController.selector, Roles.PARAMETER_CONTROLLER);
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
        _restrict(address(router), IParameterized.setParameter.selector, Roles.PARAMETER_REGISTRY);
        registry.register(address(router), MarketKeys.BURN_FEE_BPS, 0, 1_000, 50);

        controller = _deploy(_parameters());
    }

    // ------------------------------------------------------------------ fixture

    function _parameters() internal pure returns (IDeflationController.Parameters memory p) {
        p.stepBps = 25;
        p.minBurnBps = 50;
        p.maxBurnBps = 500;
        p.minDeflationBps = 200;
        p.maxDeflationBps = 300;
    }

    function _routerParameters() internal pure returns (IFeeRouter.Parameters memory p) {
        p.split = IFeeRouter.FeeSplit({
            providerBps: 8_000,
            validatorBps: 50,
            burnBps: 100,
            infrastructureBps: 1_350,
            treasuryBps: 500
        });
        p.minPriorityBps = 500;
        p.maxPriorityBps = 2_000;
        p.batchDiscountBps = 1_000;
        p.subscriptionDiscountBps = 2_000;
        p.maxTotalDiscountBps = 5_000;
        p.volumeBandUsd = [uint256(1_000), 10_000, 100_000, 1_000_000];
        p.volumeDiscountBps = [uint256(500), 1_000, 1_500, 2_000];
        p.tokenPriceUsd = 0.1 ether;
    }

    /// @dev A controller (first step in quarter 20) holding the controller role, its setter mapped to the registry.
    function _deploy(IDeflationController.Parameters memory p) internal returns (DeflationController c) {
        c = new DeflationController(
            IVotes(address(token)),
            IEmissionController(address(emission)),
            IParameterRegistry(address(registry)),
            address(router),
            address(manager),
            20,
            p
        );
        _restrict(address(c), IParameterized.setParameter.selector, Roles.PARAMETER_REGISTRY);
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

    // ------------------------------------------------------------------ before year 5

    function test_RevertWhen_stepBeforeYearFive() public {
        vm.warp(_q(20) - 1);
        vm.expectRevert(abi.encodeWithSelector(IDeflationController.StepsNotStarted.selector, _q(20)));
        controller.step();
        assertEq(_burnShare(), 100, "burn share untouched before year 5");
        assertEq(controller.nextStepAt(), _q(20), "first step still at the end of year 5");
    }

    function test_step_firstAtEndOfYearFiveMeasuresItsLastQuarter() public {
        vm.warp(_q(20));
        // Quarter 19: the curve is at 47.5M at its start (40M + 3/4 of 10M), 50M at its end: 2.5M. Nothing burned.
        // Outstanding at its start: 1,050M - (100M - 47.5M) = 997.5M. Net inflation 2.5M x 4 / 997.5M = 1.0025%
        // -> 100 bps (toward zero). Below the band: up one step, 100 -> 125.
        vm.expectEmit(true, false, false, true, address(controller));
        emit IDeflationController.Stepped(19, 2_500_000 ether, 0, 997_500_000 ether, 100, 100, 125);
        assertEq(controller.step(), 125, "returned share");
        assertEq(_burnShare(), 125, "router's burn share");
        assertEq(controller.nextStepAt(), _q(21), "next step in quarter 21");
    }

    // ------------------------------------------------------------------ band edges

    function test_step_exactlyTwoPercentDeflationHolds() public {
        // Quarter 20: (2.5M - 7.5M) x 4 / 1,000M = -2.00%: on the band's lower edge, no move.
        _burnAt(_q(20) + 1 days, 7_500_000 ether);
        vm.warp(_q(21));
        vm.expectEmit(true, false, false, true, address(controller));
        emit IDeflationController.Stepped(20, 2_500_000 ether, 7_500_000 ether, 1_000 * M, -200, 100, 100);
        controller.step();
        assertEq(_burnShare(), 100, "inside the band: unchanged");
    }

    function test_step_exactlyThreePercentDeflationHolds() public {
        // (2.5M - 10M) x 4 / 1,000M = -3.00%: on the upper edge, no move.
        assertEq(_stepAfterQuarter20Burning(10_000_000 ether), 100, "inside the band: unchanged");
        assertEq(controller.quarterFlows(20).netInflationBps, -300, "net inflation -3%");
    }

    function test_step_oneWeiShortOfTwoPercentRaises() public {
        // Burned 7.5M - 1 wei: deflation a hair below 2% (shown as -199 bps, rounded toward zero): up 100 -> 125.
        assertEq(_stepAfterQuarter20Burning(7_500_000 ether - 1), 125, "one step up");
        assertEq(controller.quarterFlows(20).netInflationBps, -199, "shown rounded toward zero");
    }

    function test_step_oneWeiOverThreePercentLowers() public {
        // Burned 10M + 1 wei: deflation a hair above 3%: down 100 -> 75.
        assertEq(_stepAfterQuarter20Burning(10_000_000 ether + 1), 75, "one step down");
    }

    function test_step_inflationRaises() public {
        // Nothing burned: +1% (2.5M x 4 / 1,000M): up 100 -> 125.
        assertEq(_stepAfterQuarter20Burning(0), 125, "one step up");
        IDeflationController.QuarterFlows memory f = controller.quarterFlows(20);
        assertEq(f.emitted, 2_500_000 ether, "emitted 2.5M");
        assertEq(f.burned, 0, "burned nothing");
        assertEq(f.supplyAtStart, 1_000 * M, "outstanding 1,000M");
        assertEq(f.netInflationBps, 100, "+1%");
    }

    // ------------------------------------------------------------------ bounds and step

    function test_step_clampedToMaxBurn() public {
        IDeflationController.Parameters memory p = _parameters();
        p.maxBurnBps = 110;
        controller = _deploy(p);
        // Below the band: 100 + 25 = 125, clamped to the 110 bound.
        assertEq(_stepAfterQuarter20Burning(0), 110, "clamped to the upper bound");
    }

    function test_step_clampedToMinBurn() public {
        IDeflationController.Parameters memory p = _parameters();
        p.minBurnBps = 90;
        controller = _deploy(p);
        // Above the band: 100 - 25 = 75, clamped to the 90 bound.
        assertEq(_stepAfterQuarter20Burning(20_000_000 ether), 90, "clamped to the lower bound");
    }

    function test_step_shareBelowBoundsMovesOneStepTowardThem() public {
        IDeflationController.Parameters memory p = _parameters();
        p.minBurnBps = 200;
        controller = _deploy(p);
        // Inside the band (exactly 2%), but 100 is below the 200 bound: bounds win, one step at most: 125.
        assertEq(_stepAfterQuarter20Burning(7_500_000 ether), 125, "one step toward the bounds");
    }

    function test_step_zeroStepFreezesTheShare() public {
        IDeflationController.Parameters memory p = _parameters();
        p.stepBps = 0;
        controller = _deploy(p);
        assertEq(_stepAfterQuarter20Burning(0), 100, "a zero step moves nothing");
        assertEq(controller.nextStepAt(), _q(22), "the quarter is still stepped");
    }

    function test_step_movesOneStepFromGovernanceValue() public {
        // Governance raised the share 100 -> 150 this quarter (the registry allows max(20%, 50) = 50 from 100).
        vm.warp(_q(21));
        vm.prank(governor);
        registry.set(address(router), MarketKeys.BURN_FEE_BPS, 150);
        // The controller's range is one registry step from the value in effect: 150 +- max(30, 50) = [100, 200].
        (uint256 lowest, uint256 highest) = registry.controllerRange(address(router), MarketKeys.BURN_FEE_BPS);
        assertEq(lowest, 100, "controller's floor");
        assertEq(highest, 200, "controller's ceiling");
        // Quarter 20 inflates (no burns): one step up, 150 -> 175. Together 100 -> 175 this quarter: governance's
        // 50 plus one step of 25.
        vm.expectEmit(true, false, false, true, address(controller));
        emit IDeflationController.Stepped(20, 2_500_000 ether, 0, 1_000 * M, 100, 150, 175);
        controller.step();
        assertEq(_burnShare(), 175, "one step from governance's value");
        // Governance's own range still counts only its values 100 and 150: [150 - 50, 100 + 50].
        (lowest, highest) = registry.allowedRange(address(router), MarketKeys.BURN_FEE_BPS);
        assertEq(lowest, 100, "governance's floor");
        assertEq(highest, 150, "governance's ceiling");
    }

    function test_step_governanceOverrideIsTheNextStartingPoint() public {
        vm.warp(_q(21));
        controller.step(); // 100 -> 125
        vm.warp(_q(22) + 1 days);
        vm.prank(governor);
        // 125 -> 80: within 50 of governance's own 100 (the controller's 125 is not in the registry's history).
        registry.set(address(router), MarketKeys.BURN_FEE_BPS, 80);
        vm.warp(_q(23));
        controller.step(); // quarter 22: no burns, inflation: 80 -> 105
        assertEq(_burnShare(), 105, "one step up from governance's 80");
    }

    // ------------------------------------------------------------------ once per quarter

    function test_RevertWhen_stepTwiceInAQuarter() public {
        vm.warp(_q(21));
        controller.step();
        vm.warp(_q(22) - 1);
        vm.expectRevert(abi.encodeWithSelector(IDeflationController.AlreadySteppedThisQuarter.selector, 21, _q(22)));
        controller.step();
        assertEq(_burnShare(), 125, "one step only");
        vm.warp(_q(22));
        controller.step();
        assertEq(_burnShare(), 150, "the next quarter steps again");
    }

    function test_step_missedQuartersAreNotCaughtUp() public {
        vm.warp(_q(21));
        controller.step(); // quarter 20: 100 -> 125
        // Nobody steps in quarters 22 and 23. In quarter 24 one step measures quarter 23 only.
        vm.warp(_q(24) + 5 days);
        vm.expectEmit(true, false, false, true, address(controller));
        // Quarter 23: outstanding 1,050M - (100M - 57.5M) = 1,007.5M; 2.5M x 4 / 1,007.5M = 99.25 bps -> 99.
        emit IDeflationController.Stepped(23, 2_500_000 ether, 0, 1_007_500_000 ether, 99, 125, 150);
        controller.step();
        assertEq(_burnShare(), 150, "one step for three quarters");
    }

    // ------------------------------------------------------------------ timing attacks

    function test_attack_burnInTheStepsBlockCountsInTheNextQuarter() public {
        // Someone burns 100M at the first second of quarter 21, then steps in the same second: quarter 20 is
        // measured at its last second, so the burn is not in it and cannot lower the share now.
        _burnAt(_q(21), 100 * M);
        controller.step();
        assertEq(_burnShare(), 125, "quarter 20 had no burns: up");
        assertEq(controller.quarterFlows(20).burned, 0, "quarter 20's burns");
    }

    function test_attack_burnAtTheLastSecondCounts() public {
        // A burn at the quarter's last second is in it, whoever steps and whenever.
        _burnAt(_q(21) - 1, 7_500_000 ether);
        vm.warp(_q(21) + 60 days);
        controller.step();
        assertEq(_burnShare(), 100, "exactly 2%: unchanged");
    }

    function test_attack_stepTimingInTheQuarterDoesNotChangeTheMeasure() public {
        // Burns in quarter 21 before a late step do not count for quarter 20: the same result at its first second
        // and at its last.
        _burnAt(_q(20) + 1 days, 7_500_000 ether);
        _burnAt(_q(22) - 2, 50 * M);
        vm.warp(_q(22) - 1);
        controller.step();
        assertEq(_burnShare(), 100, "quarter 20 measured alone");
    }

    // ------------------------------------------------------------------ access and parameters

    function test_RevertWhen_setByControllerByStranger() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        registry.setByController(address(router), MarketKeys.BURN_FEE_BPS, 125);
        assertEq(_burnShare(), 100, "unchanged");
    }

    function test_RevertWhen_setByControllerBreaksTheRateLimit() public {
        // The controller role is limited to one registry step from the value in effect: 100 -> 151 is above
        // max(20%, 50).
        vm.prank(address(controller));
        vm.expectRevert(abi.encodeWithSelector(IParameterRegistry.ChangeTooLarge.selector, 151, 50, 150));
        registry.setByController(address(router), MarketKeys.BURN_FEE_BPS, 151);
        assertEq(_burnShare(), 100, "unchanged");
    }

    function test_RevertWhen_parameterBreaksLimits() public {
        vm.startPrank(address(registry));
        vm.expectRevert(
            abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, DeflationKeys.MIN_BURN_BPS, 501)
        );
        controller.setParameter(DeflationKeys.MIN_BURN_BPS, 501);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, DeflationKeys.MAX_BURN_BPS, 5_001)
        );
        controller.setParameter(DeflationKeys.MAX_BURN_BPS, 5_001);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, DeflationKeys.MAX_DEFLATION_BPS, 199)
        );
        controller.setParameter(DeflationKeys.MAX_DEFLATION_BPS, 199);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, bytes32("x")));
        controller.setParameter(bytes32("x"), 1);
        controller.setParameter(DeflationKeys.STEP_BPS, 40);
        vm.stopPrank();
        assertEq(controller.parameter(DeflationKeys.MIN_BURN_BPS), 50, "min burn unchanged");
        assertEq(controller.parameter(DeflationKeys.MAX_BURN_BPS), 500, "max burn unchanged");
        assertEq(controller.parameter(DeflationKeys.MAX_DEFLATION_BPS), 300, "band unchanged");
        assertEq(controller.parameter(DeflationKeys.STEP_BPS), 40, "a valid step is set");
    }

    function test_RevertWhen_setParameterByStranger() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        controller.setParameter(DeflationKeys.STEP_BPS, 40);
    }

    function test_RevertWhen_quarterNotComplete() public {
        vm.warp(_q(21) + 1 days);
        vm.expectRevert(abi.encodeWithSelector(IDeflationController.QuarterNotComplete.selector, 21, _q(22)));
        controller.quarterFlows(21);
    }

    function test_RevertWhen_constructedBadly() public {
        IDeflationController.Parameters memory p = _parameters();
        vm.expectRevert(IDeflationController.InvalidFirstQuarter.selector);
        _construct(IEmissionController(address(emission)), 0, p);
        p.maxBurnBps = 5_001;
        vm.expectRevert(IDeflationController.InvalidConfiguration.selector);
        _construct(IEmissionController(address(emission)), 20, p);
        p = _parameters();
        p.minDeflationBps = 301;
        vm.expectRevert(IDeflationController.InvalidConfiguration.selector);
        _construct(IEmissionController(address(emission)), 20, p);
        vm.expectRevert(IDeflationController.ZeroAddress.selector);
        new DeflationController(
            IVotes(address(0)),
            IEmissionController(address(emission)),
            IParameterRegistry(address(registry)),
            address(router),
            address(manager),
            20,
            _parameters()
        );
    }

    function test_RevertWhen_emissionMints() public {
        uint256[] memory table = new uint256[](1);
        table[0] = M;
        IEmissionController.Recipient[] memory recipients = new IEmissionController.Recipient[](1);
        recipients[0] = IEmissionController.Recipient({
            account: rewards,
            startBps: 10_000,
            endBps: 10_000,
            notify: false
        });
        ProtocolToken other = new ProtocolToken("Other", "O", 10 * M, address(manager));
        EmissionController minting = new EmissionController(
            address(other),
            address(manager),
            IEmissionController.FundingMode.Mint,
            START,
            table,
            4,
            M,
            recipients,
            0,
            0
        );
        vm.expectRevert(IDeflationController.UnsupportedFundingMode.selector);
        new DeflationController(
            IVotes(address(other)),
            IEmissionController(address(minting)),
            IParameterRegistry(address(registry)),
            address(router),
            address(manager),
            20,
            _parameters()
        );
    }

    function _construct(
        IEmissionController e,
        uint256 firstQuarter,
        IDeflationController.Parameters memory p
    ) internal {
        new DeflationController(
            IVotes(address(token)),
            e,
            IParameterRegistry(address(registry)),
            address(router),
            address(manager),
            firstQuarter,
            p
        );
    }

    // ------------------------------------------------------------------ invariant over quarters

    /// @dev Whatever burns happen each quarter and whenever steps come, the share stays within 50-500 and moves at
    /// most 25 bps between two steps, which are never in the same quarter.
    function testFuzz_step_staysInBoundsOneStepPerQuarter(uint256[8] memory burns, uint256[8] memory offsets) public {
        uint256 previous = _burnShare();
        _burnAt(_q(20) + 1, bound(burns[0], 0, 20 * M));
        for (uint256 i; i < 8; ++i) {
            // Step somewhere in the first half of quarter 21 + i, then burn right after (counted next quarter).
            vm.warp(_q(21 + i) + bound(offsets[i], 0, QUARTER / 2));
            controller.step();
            uint256 share = _burnShare();
            assertGe(share, 50, "at least the lower bound");
            assertLe(share, 500, "at most the upper bound");
            assertLe(share > previous ? share - previous : previous - share, 25, "at most one step");
            previous = share;
            vm.expectRevert();
            controller.step();
            if (i + 1 < 8) _burnAt(block.timestamp + 1, bound(burns[i + 1], 0, 20 * M));
        }
    }
}
