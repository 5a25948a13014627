// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IParameterRegistry} from "../../contracts/interfaces/IParameterRegistry.sol";
import {DeflationKeys} from "../../contracts/libraries/DeflationKeys.sol";
import {MarketKeys} from "../../contracts/libraries/MarketKeys.sol";
import {DeflationControllerSetup} from "./DeflationControllerSetup.sol";
import {DeflationHandler} from "./handlers/DeflationHandler.sol";

/// @notice The deflation controller under random burns, emission releases, steps at random times, governance
/// overrides and warps, from a month into quarter 19 (the quarter before steps start) on: the burn share never
/// leaves its bounds once the controller has stepped (or, when governance put it outside them, the step moved it one
/// step toward them), a governance value is within the registry's bounds, two steps never fall in one quarter, and
/// one step moves the share by at most the governed step.
contract DeflationControllerInvariantTest is DeflationControllerSetup {
    DeflationHandler internal handler;

    function setUp() public override {
        super.setUp();
        vm.warp(_q(19) + 30 days);
        handler = new DeflationHandler(controller, token, emission, registry, router, governor, holder, START, QUARTER);
        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](5);
        selectors[0] = DeflationHandler.warp.selector;
        selectors[1] = DeflationHandler.burn.selector;
        selectors[2] = DeflationHandler.release.selector;
        selectors[3] = DeflationHandler.step.selector;
        selectors[4] = DeflationHandler.govern.selector;
        targetSelector(address(handler), selectors);
    }

    /// @dev How far `share` is outside the controller's [min, max] burn bounds (0 inside).
    function _distance(uint256 share) internal view returns (uint256) {
        uint256 min = controller.parameter(DeflationKeys.MIN_BURN_BPS);
        uint256 max = controller.parameter(DeflationKeys.MAX_BURN_BPS);
        if (share < min) return min - share;
        if (share > max) return share - max;
        return 0;
    }

    function invariant_shareWithinBoundsOnceStepped() public view {
        uint256 share = _burnShare();
        IParameterRegistry.Parameter memory p = registry.parameterInfo(address(router), MarketKeys.BURN_FEE_BPS);
        assertGe(share, p.min, "below the registry's bound");
        assertLe(share, p.max, "above the registry's bound");
        if (handler.lastWriter() == DeflationHandler.Writer.Governance) {
            assertEq(share, handler.ghostGovernedValue(), "governance's value in effect");
        } else if (handler.lastWriter() == DeflationHandler.Writer.Controller) {
            assertEq(share, handler.ghostShareAfterStep(), "the last step's value in effect");
            // Inside [50, 500] before the step: still inside. Outside (governance put it there): one step of 25
            // closer, or inside if it was at most 25 away.
            uint256 before = _distance(handler.ghostShareBeforeStep());
            uint256 stepBps = controller.parameter(DeflationKeys.STEP_BPS);
            assertEq(_distance(share), before > stepBps ? before - stepBps : 0, "within bounds, or one step closer");
        } else {
            assertEq(share, 100, "the setup's 100 bps until someone writes");
        }
    }

    function invariant_neverTwoStepsInOneQuarter() public view {
        assertEq(handler.ghostSameQuarterSteps(), 0, "two steps in one quarter");
        if (handler.ghostSteps() != 0) {
            assertEq(controller.nextStepAt(), _q(handler.ghostLastStepQuarter() + 1), "next step in the next quarter");
        } else {
            assertEq(controller.nextStepAt(), _q(20), "first step at the end of year 5");
        }
    }

    function invariant_oneStepMovesAtMostTheGovernedStep() public view {
        assertLe(handler.ghostMaxStepMove(), controller.parameter(DeflationKeys.STEP_BPS), "moved more than a step");
    }

    /// @dev The campaign really steps: a fixed sequence through the handler steps twice, is refused twice (before
    /// quarter 20; again in quarter 21), and the ghosts record it.
    function test_handler_stepsAndRefuses() public {
        handler.step(0); // quarter 19: StepsNotStarted
        handler.warp(QUARTER); // + one quarter: quarter 20
        handler.burn(7_500_000 ether, 0);
        handler.warp(QUARTER); // quarter 21
        handler.step(0); // measures quarter 20
        handler.step(0); // same quarter: AlreadySteppedThisQuarter
        handler.burn(1, 2); // first second of quarter 22
        handler.step(0); // measures quarter 21
        assertEq(handler.ghostSteps(), 2, "two steps");
        assertEq(handler.ghostRejectedSteps(), 2, "two refusals");
        assertEq(handler.ghostLastStepQuarter(), 22, "last step in quarter 22");
        // Quarter 20 burned 7.5M: exactly 2% deflation, held at 100. Quarter 21 burned nothing (the 1-wei burn is
        // at quarter 22's first second): +1% inflation, one step up, 100 -> 125.
        assertEq(handler.ghostShareBeforeStep(), 100, "held at 100 by the first step");
        assertEq(handler.ghostShareAfterStep(), 125, "raised one step by the second");
        assertEq(handler.ghostMaxStepMove(), 25, "largest move one step");
        assertGt(handler.calls(), 0, "calls counted");
        invariant_shareWithinBoundsOnceStepped();
        invariant_neverTwoStepsInOneQuarter();
        invariant_oneStepMovesAtMostTheGovernedStep();
    }
}
