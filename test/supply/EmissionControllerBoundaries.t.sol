// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {EmissionController} from "../../contracts/supply/EmissionController.sol";
import {IEmissionController} from "../../contracts/interfaces/IEmissionController.sol";
import {EmissionBase} from "./EmissionBase.sol";

/// @notice Rounding of the published weights, the smallest share that is still paid, and the accepted side of the
/// controller's limits (a mint-mode cap equal to the token's, an empty mix window).
contract EmissionControllerBoundariesTest is EmissionBase {
    function _maturing() internal view returns (IEmissionController.Recipient[] memory r) {
        r = new IEmissionController.Recipient[](2);
        r[0] = IEmissionController.Recipient({account: address(pool), startBps: 10_000, endBps: 0, notify: true});
        r[1] = IEmissionController.Recipient({account: bob, startBps: 0, endBps: 10_000, notify: false});
    }

    function test_weightsAt_roundDownInsideTheWindow() public {
        vm.prank(governor);
        controller.setRecipients(_maturing(), uint64(START), uint64(START + YEAR));
        uint256[] memory w = controller.weightsAt(START + 1);
        // 10,000 x (YEAR - 1) / YEAR = 9,999.9997 -> 9,999; 10,000 x 1 / YEAR = 0.0003 -> 0.
        assertEq(w[0], 9_999, "pool one second in");
        assertEq(w[1], 0, "bob one second in");
        w = controller.weightsAt(START + YEAR - 1);
        assertEq(w[0], 0, "pool one second before the end");
        assertEq(w[1], 9_999, "bob one second before the end");
    }

    function test_setRecipients_acceptsAnEmptyMixWindow() public {
        vm.prank(governor);
        controller.setRecipients(_maturing(), uint64(START + 10), uint64(START + 10));
        (uint64 s, uint64 e) = controller.mixWindow();
        assertEq(s, START + 10, "window start");
        assertEq(e, START + 10, "window end");
        assertEq(controller.weightsAt(START + 9)[0], 10_000, "start mix one second before the switch");
        assertEq(controller.weightsAt(START + 10)[1], 10_000, "end mix at the switch");
    }

    function test_RevertWhen_setRecipientsWindowEndsOneSecondBeforeItStarts() public {
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IEmissionController.InvalidMixWindow.selector, START + 10, START + 9));
        controller.setRecipients(_maturing(), uint64(START + 10), uint64(START + 9));
        (uint64 s, uint64 e) = controller.mixWindow();
        assertEq(s, 0, "window start unchanged");
        assertEq(e, 0, "window end unchanged");
    }

    function test_constructor_acceptsAMintModeCapEqualToTheTokenCap() public {
        EmissionController c = _deployController(IEmissionController.FundingMode.Mint, TOKEN_CAP, _split(7_000, 3_000));
        (, , , uint256 cap) = c.curve();
        assertEq(cap, TOKEN_CAP, "cap equal to the token's");
    }

    function test_release_paysAOneWeiShare() public {
        // 10,000 wei a second: 315,360,000,000 wei in year 1. Alice 9,999 bps, bob 1 bps: after one second bob's
        // share is 10,000 x 1 / 10,000 = 1 wei, still paid.
        uint256[] memory table = new uint256[](1);
        table[0] = YEAR * 10_000;
        IEmissionController.Recipient[] memory r = new IEmissionController.Recipient[](2);
        r[0] = IEmissionController.Recipient({account: alice, startBps: 9_999, endBps: 9_999, notify: false});
        r[1] = IEmissionController.Recipient({account: bob, startBps: 1, endBps: 1, notify: false});
        EmissionController c = new EmissionController(
            address(token),
            address(manager),
            IEmissionController.FundingMode.Hold,
            START,
            table,
            4,
            YEAR * 10_000,
            r,
            0,
            0
        );
        vm.prank(minter);
        token.mint(address(c), YEAR * 10_000);
        vm.warp(START + 1);
        assertEq(c.release(), 10_000, "released one second");
        assertEq(token.balanceOf(alice), 9_999, "alice's share");
        assertEq(token.balanceOf(bob), 1, "bob's one wei");
        assertEq(c.released(), 10_000, "released recorded");
        assertEq(token.balanceOf(address(c)), YEAR * 10_000 - 10_000, "the controller keeps the rest");
    }
}
