// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IDeflationController} from "../../contracts/interfaces/IDeflationController.sol";
import {IFeeRouter} from "../../contracts/interfaces/IFeeRouter.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {IParameterRegistry} from "../../contracts/interfaces/IParameterRegistry.sol";
import {MarketKeys} from "../../contracts/libraries/MarketKeys.sol";
import {DeflationControllerTest} from "./DeflationController.t.sol";

/// @notice Audit s8 (deflation controller). Reuses the fixture of DeflationControllerTest: outstanding 1,000M at the
/// start of quarter 20, 2.5M emitted a quarter, band 2-3% (burns 7.5M-10M in quarter 20), step 25, bounds 50-500,
/// registry bounds of the burn share 0-1,000 with min step 50.
contract AuditS8Test is DeflationControllerTest {
    /// Registry quarters are epoch-aligned (block.timestamp / QUARTER), the controller's START-aligned:
    /// registry quarter 249 starts at 249 x 7,884,000 = 1,963,116,000, inside controller quarter 20
    /// [1,957,680,000, 1,965,564,000).
    uint256 internal constant REGISTRY_Q249 = 1_963_116_000;


    /// Low. Anyone can call step() just before a queued governance change executes; the step shares the registry's
    /// two-quarter history, so a cut that was within the rule when proposed now reverts (proposal must be re-voted)
    /// and governance's downward reach stays reduced for this and the next registry quarter.
    function test_Exploit_stepFrontRunsGovernanceCut() public {
        vm.warp(_q(20) + 1 days);
        // Before the step: share 100, governance may go anywhere in [50, 150] (min step 50).
        (uint256 lo, uint256 hi) = registry.allowedRange(address(router), MarketKeys.BURN_FEE_BPS);
        assertEq(lo, 50, "audit");
        assertEq(hi, 150, "audit");
        // Governance's proposal "burn share 100 -> 50" is queued. A stranger steps first (quarter 19 below band).
        vm.prank(stranger);
        controller.step(); // 100 -> 125
        assertEq(_burnShare(), 125, "audit");
        // Now the range is [125 - 50, 100 + 50] = [75, 150]: the proposal's execution reverts.
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IParameterRegistry.ChangeTooLarge.selector, 50, 75, 150));
        registry.set(address(router), MarketKeys.BURN_FEE_BPS, 50);
        // Next registry quarter still carries the step: governance can at most reach 75 (not 50), and upward only
        // 150 (not 125 + 50 = 175): the controller's 25 bps consumed 25 bps of governance's allowance each way.
        vm.warp(REGISTRY_Q249 + 1);
        (lo, hi) = registry.allowedRange(address(router), MarketKeys.BURN_FEE_BPS);
        assertEq(lo, 75, "audit");
        assertEq(hi, 150, "audit");
    }

    /// Info. Threshold controller: whoever sits near a band edge flips the step for the cost of the gap. Organic
    /// burns of exactly 10M in quarter 20 = 3.00% deflation (hold). A provider burns 1 wei at the quarter's last
    /// second: 3% + epsilon -> the share drops 100 -> 75. Cost 1 wei; gain 25 bps of every fee to providers
    /// (e.g. 2,500 QUIV per 1M QUIV of fees) until the controller climbs back one step per quarter.
    function test_Exploit_oneWeiBurnAtBandEdgeLowersShare() public {
        address provider = makeAddr("provider");
        vm.prank(holder);
        token.transfer(provider, 1);
        _burnAt(_q(20) + 1 days, 10_000_000 ether);
        vm.warp(_q(21) - 1);
        vm.prank(provider);
        token.burn(1);
        vm.warp(_q(21));
        controller.step();
        assertEq(_burnShare(), 75, "1 wei moved the share one step down");
    }

    /// Info. Two steps one second apart across a controller-quarter edge: 100 -> 125 -> 150 in 1 s (both inside one
    /// registry quarter, 50 <= min step 50, so the registry does not stop it). Matches "one step per quarter" only
    /// per calendar quarter.
    function test_Exploit_twoStepsOneSecondApart() public {
        vm.warp(_q(21) - 1);
        controller.step(); // measures quarter 19: 100 -> 125
        vm.warp(_q(21));
        controller.step(); // measures quarter 20: 125 -> 150
        assertEq(_burnShare(), 150, "audit");
    }

    /// Low. Fee router refusal makes step() revert for the whole quarter (no clamp to the router's headroom): with the
    /// protocol shares at the router's 5,000 ceiling (50 + 100 + 4,350 + 500), a raise 100 -> 125 is refused by
    /// FeeRouter (protocol 5,025 > 5,000) and every step reverts while the quarter measures below the band.
    function test_Exploit_routerRefusalRevertsStep() public {
        registry.register(address(router), MarketKeys.INFRASTRUCTURE_FEE_BPS, 0, 5_000, 50);
        registry.setEmergency(address(router), MarketKeys.INFRASTRUCTURE_FEE_BPS, 4_350);
        vm.warp(_q(20));
        vm.expectRevert(
            abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, MarketKeys.BURN_FEE_BPS, 125)
        );
        controller.step();
        vm.warp(_q(21));
        vm.expectRevert(
            abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, MarketKeys.BURN_FEE_BPS, 125)
        );
        controller.step();
        assertEq(_burnShare(), 100, "audit");
    }
}
