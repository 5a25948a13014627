// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {EmissionController} from "../../contracts/supply/EmissionController.sol";
import {IDeflationController} from "../../contracts/interfaces/IDeflationController.sol";
import {IEmissionController} from "../../contracts/interfaces/IEmissionController.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {IParameterRegistry} from "../../contracts/interfaces/IParameterRegistry.sol";
import {DeflationKeys} from "../../contracts/libraries/DeflationKeys.sol";
import {MarketKeys} from "../../contracts/libraries/MarketKeys.sol";
import {DeflationController} from "../../contracts/supply/DeflationController.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";

import {DeflationControllerSetup} from "./DeflationControllerSetup.sol";

/// @notice The deflation controller's unit tests over the shared setup (see `DeflationControllerSetup`).
contract DeflationControllerTest is DeflationControllerSetup {
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
