// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IDeflationController} from "../../contracts/interfaces/IDeflationController.sol";
import {MarketKeys} from "../../contracts/libraries/MarketKeys.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {DeflationControllerTest} from "./DeflationController.t.sol";

/// @notice Audit s8 (deflation controller). Reuses the fixture of DeflationControllerTest: outstanding 1,000M at the
/// start of quarter 20, 2.5M emitted a quarter, band 2-3% (burns 7.5M-10M in quarter 20), step 25, bounds 50-500,
/// registry bounds of the burn share 0-1,000 with min step 50.
contract AuditS8Test is DeflationControllerTest {
    /// Registry quarters are epoch-aligned (block.timestamp / QUARTER), the controller's START-aligned:
    /// registry quarter 249 starts at 249 x 7,884,000 = 1,963,116,000, inside controller quarter 20
    /// [1,957,680,000, 1,965,564,000).
    uint256 internal constant REGISTRY_Q249 = 1_963_116_000;

    /// Low, fixed. Anyone could call step() just before a queued governance change executed; the step shared the
    /// registry's two-quarter history, so a cut within the rule when proposed reverted ([50, 150] became [75, 150]).
    /// Now `setByController` does not record the step: governance's range stays [100 - 50, 100 + 50] (min step 50
    /// over 20% of 100 = 20), this registry quarter and the next.
    function test_attack_stepFrontRunsGovernanceCut() public {
        vm.warp(_q(20) + 1 days);
        vm.prank(stranger);
        controller.step(); // quarter 19 below the band: 100 -> 125
        assertEq(_burnShare(), 125, "stepped");
        (uint256 lo, uint256 hi) = registry.allowedRange(address(router), MarketKeys.BURN_FEE_BPS);
        assertEq(lo, 50, "governance's floor kept");
        assertEq(hi, 150, "governance's ceiling kept");
        // Next registry quarter: the history starts from governance's 100, not the controller's 125.
        vm.warp(REGISTRY_Q249 + 1);
        (lo, hi) = registry.allowedRange(address(router), MarketKeys.BURN_FEE_BPS);
        assertEq(lo, 50, "floor kept next quarter");
        assertEq(hi, 150, "ceiling kept next quarter");
        // The queued cut 125 -> 50 executes.
        vm.prank(governor);
        registry.set(address(router), MarketKeys.BURN_FEE_BPS, 50);
        assertEq(_burnShare(), 50, "governance's cut applied");
    }

    /// @dev KNOWN ISSUE: a threshold controller: whoever sits near a band edge flips the step for the cost of the gap.
    /// Bounded by one step per quarter and the governed bounds; a dead zone or proportional step would change the
    /// module's rule (left to governance's choice of band).
    /// Info. Organic
    /// burns of exactly 10M in quarter 20 = 3.00% deflation (hold). A provider burns 1 wei at the quarter's last
    /// second: 3% + epsilon -> the share drops 100 -> 75. Cost 1 wei; gain 25 bps of every fee to providers
    /// (e.g. 2,500 QUIV per 1M QUIV of fees) until the controller climbs back one step per quarter.
    function test_knownIssue_oneWeiBurnAtBandEdgeLowersShare() public {
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

    /// Info, kept by design. Two steps one second apart across a controller-quarter edge: 100 -> 125 -> 150 in 1 s.
    /// Each step measures its own completed quarter (19, then 20), so the rule "one step per measured quarter"
    /// holds; requiring a full quarter between steps would let one late caller push every later step later (the
    /// schedule would drift), and missed quarters are not caught up. A third step in quarter 21 reverts.
    function test_attack_twoStepsOneSecondApart() public {
        vm.warp(_q(21) - 1);
        vm.expectEmit(true, false, false, false, address(controller));
        emit IDeflationController.Stepped(19, 0, 0, 0, 0, 0, 0);
        controller.step(); // measures quarter 19: 100 -> 125
        vm.warp(_q(21));
        vm.expectEmit(true, false, false, false, address(controller));
        emit IDeflationController.Stepped(20, 0, 0, 0, 0, 0, 0);
        controller.step(); // measures quarter 20: 125 -> 150
        assertEq(_burnShare(), 150, "one step per measured quarter");
        vm.warp(_q(21) + 1);
        vm.expectRevert(abi.encodeWithSelector(IDeflationController.AlreadySteppedThisQuarter.selector, 21, _q(22)));
        controller.step();
        assertEq(_burnShare(), 150, "no third step");
    }

    /// Low, fixed. With the router's protocol shares near its 5,000 ceiling, a raise used to be refused by the
    /// FeeRouter and step() reverted every quarter. Now the step is cut to the router's headroom and the quarter is
    /// consumed. Validators 50 + infrastructure 4,340 + treasury 500 = 4,890: headroom 5,000 - 4,890 = 110, so the
    /// wanted 125 becomes 110; next quarter the headroom is 110 = the share: the step holds instead of reverting.
    function test_attack_routerRefusalRevertsStep() public {
        registry.register(address(router), MarketKeys.INFRASTRUCTURE_FEE_BPS, 0, 5_000, 50);
        manager.grantRole(Roles.EMERGENCY, address(this), 0); // setEmergency is the emergency route's, as deployed
        registry.setEmergency(address(router), MarketKeys.INFRASTRUCTURE_FEE_BPS, 4_340);
        vm.warp(_q(20));
        controller.step();
        assertEq(_burnShare(), 110, "cut to the router's headroom");
        assertEq(controller.nextStepAt(), _q(21), "quarter consumed");
        vm.warp(_q(21));
        vm.expectEmit(true, false, false, true, address(controller));
        emit IDeflationController.Stepped(20, 2_500_000 ether, 0, 1_000 * M, 100, 110, 110);
        controller.step();
        assertEq(_burnShare(), 110, "held at the ceiling");
        assertEq(controller.nextStepAt(), _q(22), "quarter consumed");
    }
}
