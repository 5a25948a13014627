// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {EmissionController} from "../../../contracts/supply/EmissionController.sol";
import {ParameterRegistry} from "../../../contracts/governance/ParameterRegistry.sol";
import {IDeflationController} from "../../../contracts/interfaces/IDeflationController.sol";
import {IEmissionController} from "../../../contracts/interfaces/IEmissionController.sol";
import {MarketKeys} from "../../../contracts/libraries/MarketKeys.sol";
import {FeeRouter} from "../../../contracts/market/FeeRouter.sol";
import {DeflationController} from "../../../contracts/supply/DeflationController.sol";
import {ProtocolToken} from "../../../contracts/token/ProtocolToken.sol";
import {Test} from "../../utils/Test.sol";

/// @notice Drives the deflation controller through quarters: holder burns of random sizes (some at the last or
/// first second of a quarter), emission releases, permissionless steps at random times, governance overrides of the
/// burn share within the registry's rate limit, and warps of a day to a quarter. Calls that may legitimately fail
/// are tried and their error checked against the documented ones. Ghost state records each successful step: its
/// quarter, the share before and after it, and anything the invariants forbid.
contract DeflationHandler is Test {
    /// @notice Who wrote the burn share last.
    enum Writer {
        Setup,
        Controller,
        Governance
    }

    DeflationController public immutable controller;
    ProtocolToken public immutable token;
    EmissionController public immutable emission;
    ParameterRegistry public immutable registry;
    FeeRouter public immutable router;
    address public immutable governor;
    address public immutable holder;
    uint256 public immutable start;
    uint256 public immutable quarterLength;

    uint256 public ghostSteps;
    uint256 public ghostLastStepQuarter;
    uint256 public ghostShareBeforeStep;
    uint256 public ghostShareAfterStep;
    /// @dev Successful steps in a quarter already stepped (the invariant wants none).
    uint256 public ghostSameQuarterSteps;
    /// @dev Largest move of the share in one controller step.
    uint256 public ghostMaxStepMove;
    uint256 public ghostRejectedSteps;
    uint256 public ghostGovernanceSets;
    uint256 public ghostGovernedValue;
    Writer public lastWriter;
    uint256 public calls;

    constructor(
        DeflationController controller_,
        ProtocolToken token_,
        EmissionController emission_,
        ParameterRegistry registry_,
        FeeRouter router_,
        address governor_,
        address holder_,
        uint256 start_,
        uint256 quarterLength_
    ) {
        controller = controller_;
        token = token_;
        emission = emission_;
        registry = registry_;
        router = router_;
        governor = governor_;
        holder = holder_;
        start = start_;
        quarterLength = quarterLength_;
    }

    function burnShare() public view returns (uint256) {
        return router.feeSplit().burnBps;
    }

    function _quarterOf(uint256 timestamp) private view returns (uint256) {
        return (timestamp - start) / quarterLength;
    }

    function _quarterStart(uint256 quarter) private view returns (uint256) {
        return start + quarter * quarterLength;
    }

    // ------------------------------------------------------------------ time

    /// @dev A day to a quarter.
    function warp(uint256 secondsAhead) external {
        vm.warp(block.timestamp + bound(secondsAhead, 1 days, quarterLength));
        calls++;
    }

    // ------------------------------------------------------------------ supply

    /// @dev A holder burn of 1 wei to 20M (at most 32 x 20M = 640M of the holder's 950M in a run, so the outstanding
    /// supply stays positive): now, at the last second of the current quarter, or at the first second of the next.
    function burn(uint256 amount, uint256 edge) external {
        uint256 next = _quarterStart(_quarterOf(block.timestamp) + 1);
        edge %= 3;
        if (edge == 1) vm.warp(next - 1);
        else if (edge == 2) vm.warp(next);
        vm.prank(holder);
        token.burn(bound(amount, 1, 20_000_000 ether));
        calls++;
    }

    /// @dev Permissionless emission release (hold mode: moves tokens, never changes the total supply).
    function release() external {
        try emission.release() {} catch (bytes memory reason) {
            assertEq(
                keccak256(reason),
                keccak256(abi.encodeWithSelector(IEmissionController.NothingToRelease.selector)),
                "release: only NothingToRelease"
            );
        }
        calls++;
    }

    // ------------------------------------------------------------------ steps and governance

    /// @dev A permissionless step, after waiting up to a third of a quarter. Only the documented timing errors may
    /// refuse it (not started; already stepped this quarter).
    function step(uint256 wait) external {
        vm.warp(block.timestamp + bound(wait, 0, quarterLength / 3));
        uint256 before = burnShare();
        uint256 quarter = _quarterOf(block.timestamp);
        uint256 nextStepAt = controller.nextStepAt();
        try controller.step() returns (uint256 share) {
            assertEq(share, burnShare(), "step returns the share it set");
            if (ghostSteps != 0 && quarter <= ghostLastStepQuarter) ghostSameQuarterSteps++;
            uint256 move = share > before ? share - before : before - share;
            if (move > ghostMaxStepMove) ghostMaxStepMove = move;
            ghostSteps++;
            ghostLastStepQuarter = quarter;
            ghostShareBeforeStep = before;
            ghostShareAfterStep = share;
            lastWriter = Writer.Controller;
        } catch (bytes memory reason) {
            bytes memory expected =
                block.timestamp < controller.nextStepAt() && ghostSteps == 0
                    ? abi.encodeWithSelector(IDeflationController.StepsNotStarted.selector, nextStepAt)
                    : abi.encodeWithSelector(
                        IDeflationController.AlreadySteppedThisQuarter.selector,
                        quarter,
                        nextStepAt
                    );
            assertEq(keccak256(reason), keccak256(expected), "step: only the documented timing errors");
            ghostRejectedSteps++;
        }
        calls++;
    }

    /// @dev A governance change of the burn share anywhere in the registry's allowed range (bounds and rate limit).
    function govern(uint256 value) external {
        (uint256 lowest, uint256 highest) = registry.allowedRange(address(router), MarketKeys.BURN_FEE_BPS);
        if (lowest > highest) return;
        value = bound(value, lowest, highest);
        if (value == burnShare()) return;
        vm.prank(governor);
        registry.set(address(router), MarketKeys.BURN_FEE_BPS, value);
        ghostGovernanceSets++;
        ghostGovernedValue = value;
        lastWriter = Writer.Governance;
        calls++;
    }
}
