// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {IEmissionController} from "../../contracts/interfaces/IEmissionController.sol";
import {EmissionBase} from "../supply/EmissionBase.sol";
import {EmissionReleaseHandler} from "./handlers/EmissionReleaseHandler.sol";
import {ReentryHandler} from "./handlers/ReentryHandler.sol";
import {HookedProtocolToken} from "./mocks/HookedProtocolToken.sol";
import {HostileAccount} from "./mocks/HostileAccount.sol";

/// @notice The emission controller (QUIVer's provider-rewards curve, 350M held) paying four recipients, two of them
/// hostile notified pools: each notification, and each payment (the token here has ERC-777-style holder hooks, which
/// the real one lacks), re-enters the controller with a call a second handler armed: `release()` again, or
/// `setRecipients` to redirect the stream to itself. Random releases at random times in between.
/// What must hold: the controller pays out exactly what its own releases returned and never more than the curve has
/// emitted; its balance is the allocation less what it released, all of it in the recipients' hands; every re-entry
/// is refused (by the guard, or by the AccessManager for `setRecipients`).
contract EmissionReentrancyInvariantTest is EmissionBase {
    ReentryHandler internal reentry;
    EmissionReleaseHandler internal handler;
    HostileAccount internal hostileA;
    HostileAccount internal hostileB;

    function setUp() public override {
        super.setUp();
        reentry = new ReentryHandler();
        hostileA = new HostileAccount(address(reentry));
        hostileB = new HostileAccount(address(reentry));
        IEmissionController.Recipient[] memory r = new IEmissionController.Recipient[](4);
        r[0] = IEmissionController.Recipient({account: address(pool), startBps: 4_000, endBps: 4_000, notify: true});
        r[1] = IEmissionController.Recipient({
            account: address(hostileA),
            startBps: 3_000,
            endBps: 3_000,
            notify: true
        });
        r[2] = IEmissionController.Recipient({
            account: address(hostileB),
            startBps: 2_000,
            endBps: 2_000,
            notify: true
        });
        r[3] = IEmissionController.Recipient({account: bob, startBps: 1_000, endBps: 1_000, notify: false});
        vm.prank(governor);
        controller.setRecipients(r, 0, 0);

        vm.etch(address(token), address(new HookedProtocolToken("QUIVer", "QUIV", TOKEN_CAP, address(manager))).code);
        address[] memory watched = new address[](1);
        watched[0] = address(controller);
        HookedProtocolToken(address(token)).setHooked(address(hostileA), true);
        HookedProtocolToken(address(token)).setHooked(address(hostileB), true);
        reentry.addParty(address(hostileA), watched);
        reentry.addParty(address(hostileB), watched);

        bytes4[] memory none = new bytes4[](0);
        bytes4[] memory unauthorized = new bytes4[](1);
        unauthorized[0] = IAccessManaged.AccessManagedUnauthorized.selector;
        reentry.addEntry("release", address(controller), abi.encodeCall(IEmissionController.release, ()), none);
        IEmissionController.Recipient[] memory grab = new IEmissionController.Recipient[](1);
        grab[0] = IEmissionController.Recipient({
            account: address(hostileA),
            startBps: 10_000,
            endBps: 10_000,
            notify: true
        });
        reentry.addEntry(
            "setRecipients",
            address(controller),
            abi.encodeCall(IEmissionController.setRecipients, (grab, 0, 0)),
            unauthorized
        );

        handler = new EmissionReleaseHandler(controller);
        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](2);
        selectors[0] = ReentryHandler.arm.selector;
        selectors[1] = ReentryHandler.armAll.selector;
        targetSelector(address(reentry), selectors);
        targetContract(address(reentry));
    }

    // ------------------------------------------------------------------ invariants

    function invariant_paysExactlyItsOwnReleasesWithinTheCurve() public view {
        uint256 released = controller.released();
        assertEq(released, handler.ghostReleased(), "released == what the handler's releases returned");
        assertLe(released, controller.emittedAt(block.timestamp), "never ahead of the curve");
        assertEq(token.balanceOf(address(controller)), EMISSION_CAP - released, "balance == allocation - released");
        uint256 held =
            token.balanceOf(address(pool)) +
                token.balanceOf(address(hostileA)) +
                token.balanceOf(address(hostileB)) +
                token.balanceOf(bob);
        assertEq(held, released, "everything released is in the recipients' hands");
    }

    function invariant_everyReentryIsRefused() public view {
        HostileAccount.Hook[2] memory hooks = [HostileAccount.Hook.Notify, HostileAccount.Hook.TokensReceived];
        for (uint256 i; i < hooks.length; ++i) {
            (, , uint256 passed) = reentry.total(hooks[i], address(controller));
            assertEq(passed, 0, "a re-entry into the controller went through");
        }
        assertEq(reentry.unexpected(), 0, "a re-entry failed otherwise than by the guard or the AccessManager");
        assertEq(controller.recipients().length, 4, "the recipients are governance's");
    }

    // ------------------------------------------------------------------ the hooks are exercised

    /// @dev Deterministic: at the end of year 1 a release notifies hostile A, which re-enters `release()`; the guard
    /// refuses it and the 70M are paid once, 30% of them to A.
    function test_release_notifyHookReentryRefusedAndPaidOnce() public {
        reentry.arm(0, 0, uint256(HostileAccount.Hook.Notify)); // hostile A, "release", at the notification
        vm.warp(START + YEAR);
        handler.release();
        (uint256 fired, uint256 refused, uint256 passed) = reentry.total(
            HostileAccount.Hook.Notify,
            address(controller)
        );
        assertEq(fired, 1, "the notification ran one re-entry");
        assertEq(refused, 1, "refused by the guard");
        assertEq(passed, 0, "none went through");
        assertEq(controller.released(), 70_000_000 ether, "year 1 paid once");
        assertEq(token.balanceOf(address(hostileA)), 21_000_000 ether, "30% of 70M to A");
    }
}
