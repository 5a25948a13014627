// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {IGuardianPausable} from "../../contracts/interfaces/IGuardianPausable.sol";
import {IWorkerPool} from "../../contracts/interfaces/IWorkerPool.sol";
import {GovernanceBase} from "./GovernanceBase.sol";

contract WorkerPoolTest is GovernanceBase {
    uint256 internal constant BUDGET = 100_000 ether;

    function setUp() public override {
        super.setUp();
        vm.prank(bank);
        token.transfer(address(workerPool), BUDGET);
    }

    function _grant(address to, uint256 amount, uint256 duration) internal returns (uint256) {
        vm.prank(address(normalTimelock));
        return workerPool.createGrant(to, amount, duration);
    }

    // ------------------------------------------------------------------ createGrant

    function test_createGrant_commitsTheBudget() public {
        vm.expectEmit(true, true, false, true, address(workerPool));
        emit IWorkerPool.GrantCreated(1, carol, 12_000 ether, block.timestamp, 365 days);
        uint256 id = _grant(carol, 12_000 ether, 365 days);
        assertEq(id, 1, "first id");
        assertEq(workerPool.grantCount(), 1, "count");
        assertEq(workerPool.committed(), 12_000 ether, "committed");
        assertEq(workerPool.available(), 88_000 ether, "available");
        IWorkerPool.Grant memory g = workerPool.grant(id);
        assertEq(g.recipient, carol, "recipient");
        assertEq(uint256(g.start), block.timestamp, "start");
        assertEq(uint256(g.duration), 365 days, "duration");
        assertEq(uint256(g.amount), 12_000 ether, "amount");
        assertEq(uint256(g.claimed), 0, "claimed");
    }

    function test_RevertWhen_createGrantBadInput() public {
        vm.startPrank(address(normalTimelock));
        vm.expectRevert(abi.encodeWithSelector(IWorkerPool.InvalidRecipient.selector, address(0)));
        workerPool.createGrant(address(0), 1, 0);
        vm.expectRevert(abi.encodeWithSelector(IWorkerPool.InvalidRecipient.selector, address(workerPool)));
        workerPool.createGrant(address(workerPool), 1, 0);
        vm.expectRevert(IWorkerPool.ZeroAmount.selector);
        workerPool.createGrant(carol, 0, 0);
        vm.expectRevert(abi.encodeWithSelector(IWorkerPool.GrantDurationTooLong.selector, 1_460 days + 1, 1_460 days));
        workerPool.createGrant(carol, 1, 1_460 days + 1);
        workerPool.createGrant(carol, 60_000 ether, 0);
        vm.expectRevert(
            abi.encodeWithSelector(IWorkerPool.InsufficientBudget.selector, 40_000 ether + 1, 40_000 ether)
        );
        workerPool.createGrant(bob, 40_000 ether + 1, 0);
        vm.stopPrank();
        assertEq(workerPool.grantCount(), 1, "only the valid grant");
        assertEq(workerPool.committed(), 60_000 ether, "committed");
    }

    function test_RevertWhen_createGrantByAnyoneButTheNormalTimelock() public {
        address[3] memory callers = [address(emergencyTimelock), guardian, carol];
        for (uint256 i; i < callers.length; ++i) {
            vm.prank(callers[i]);
            vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, callers[i]));
            workerPool.createGrant(callers[i], 1, 0);
        }
        assertEq(workerPool.grantCount(), 0, "no grant");
    }

    // ------------------------------------------------------------------ claim

    function test_claim_streamsLinearly() public {
        uint256 id = _grant(carol, 12_000 ether, 365 days);
        uint256 start = block.timestamp;
        vm.warp(start + 7_884_000); // a quarter of a year
        assertEq(workerPool.claimable(id), 3_000 ether, "a quarter vested");
        vm.expectEmit(true, true, false, true, address(workerPool));
        emit IWorkerPool.Claimed(id, carol, 3_000 ether);
        vm.prank(bob); // anyone may trigger it; the recipient is paid
        assertEq(workerPool.claim(id), 3_000 ether, "claimed");
        assertEq(token.balanceOf(carol), 3_000 ether, "carol paid");
        assertEq(workerPool.committed(), 9_000 ether, "still owed");

        vm.warp(start + 365 days + 1);
        workerPool.claim(id);
        assertEq(token.balanceOf(carol), 12_000 ether, "all paid");
        assertEq(workerPool.committed(), 0, "nothing owed");
        assertEq(workerPool.available(), 88_000 ether, "budget left");
    }

    function test_claim_lumpSum() public {
        uint256 id = _grant(carol, 5_000 ether, 0);
        workerPool.claim(id);
        assertEq(token.balanceOf(carol), 5_000 ether, "paid at once");
    }

    function test_claim_roundsDownForThePool() public {
        uint256 id = _grant(carol, 1_000, 3);
        vm.warp(block.timestamp + 1);
        assertEq(workerPool.claimable(id), 333, "1,000 x 1/3, rounded down");
    }

    function test_RevertWhen_claimNothingOrUnknown() public {
        uint256 id = _grant(carol, 1_000 ether, 100);
        vm.expectRevert(abi.encodeWithSelector(IWorkerPool.NothingToClaim.selector, id));
        workerPool.claim(id);
        vm.expectRevert(abi.encodeWithSelector(IWorkerPool.UnknownGrant.selector, 2));
        workerPool.claim(2);
        assertEq(token.balanceOf(carol), 0, "nothing paid");
    }

    function test_RevertWhen_claimWhilePaused() public {
        uint256 id = _grant(carol, 1_000 ether, 0);
        vm.prank(guardian);
        workerPool.pause();
        vm.expectRevert(abi.encodeWithSelector(IGuardianPausable.EnforcedPause.selector, block.timestamp + 30 days));
        workerPool.claim(id);
        assertEq(token.balanceOf(carol), 0, "nothing paid");
        vm.warp(block.timestamp + 30 days);
        workerPool.claim(id);
        assertEq(token.balanceOf(carol), 1_000 ether, "paid once the pause expired");
    }

    // ------------------------------------------------------------------ cancelGrant

    function test_cancelGrant_releasesTheUnvestedPartEvenWhilePaused() public {
        uint256 id = _grant(carol, 12_000 ether, 365 days);
        vm.warp(block.timestamp + 182.5 days);
        vm.prank(guardian);
        workerPool.pause();
        vm.expectEmit(true, false, false, true, address(workerPool));
        emit IWorkerPool.GrantCancelled(id, 6_000 ether);
        vm.prank(address(normalTimelock));
        workerPool.cancelGrant(id);
        assertEq(workerPool.committed(), 6_000 ether, "vested half still owed");
        assertEq(workerPool.available(), 94_000 ether, "unvested half back in the budget");

        vm.warp(block.timestamp + 365 days);
        assertEq(workerPool.claimable(id), 6_000 ether, "nothing more vests");
        vm.prank(address(normalTimelock));
        vm.expectRevert(abi.encodeWithSelector(IWorkerPool.GrantNotCancellable.selector, id));
        workerPool.cancelGrant(id);
        workerPool.claim(id); // the pause expired
        assertEq(token.balanceOf(carol), 6_000 ether, "vested part paid");
        assertEq(workerPool.committed(), 0, "settled");
    }

    function test_RevertWhen_cancelUnknownOrByAnyoneElse() public {
        uint256 id = _grant(carol, 1_000 ether, 100);
        vm.prank(address(normalTimelock));
        vm.expectRevert(abi.encodeWithSelector(IWorkerPool.UnknownGrant.selector, 9));
        workerPool.cancelGrant(9);
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, guardian));
        workerPool.cancelGrant(id);
        assertEq(workerPool.committed(), 1_000 ether, "unchanged");
    }
}
