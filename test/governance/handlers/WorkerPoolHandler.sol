// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {WorkerPool} from "../../../contracts/governance/WorkerPool.sol";
import {IWorkerPool} from "../../../contracts/interfaces/IWorkerPool.sol";
import {Test} from "../../utils/Test.sol";

/// @notice Drives the worker pool through funding, grants, claims, cancellations and time, as governance
/// (the normal timelock) and as anyone, with ghost totals of everything that went in and out.
contract WorkerPoolHandler is Test {
    WorkerPool public immutable pool;
    IERC20 public immutable token;
    address public immutable timelock;
    address public immutable funder;

    address[3] internal recipients;

    uint256 public ghostFunded;
    uint256 public ghostGranted;
    uint256 public ghostClaimed;
    uint256 public ghostReleased;

    constructor(WorkerPool pool_, address timelock_, address funder_) {
        pool = pool_;
        token = IERC20(pool_.token());
        timelock = timelock_;
        funder = funder_;
        recipients = [address(0xA11CE), address(0xB0B), address(0xCA401)];
    }

    function fund(uint256 amount) external {
        amount = bound(amount, 1, 100_000 ether);
        if (token.balanceOf(funder) < amount) return;
        ghostFunded += amount;
        vm.prank(funder);
        assertTrue(token.transfer(address(pool), amount), "fund");
    }

    function createGrant(uint256 recipientSeed, uint256 amount, uint256 duration) external {
        amount = bound(amount, 1, 200_000 ether);
        duration = bound(duration, 0, 2 * 365 days);
        uint256 free = pool.available();
        vm.prank(timelock);
        try pool.createGrant(recipients[recipientSeed % 3], amount, duration) {
            ghostGranted += amount;
        } catch (bytes memory reason) {
            assertEq(
                keccak256(reason),
                keccak256(abi.encodeWithSelector(IWorkerPool.InsufficientBudget.selector, amount, free)),
                "createGrant: unexpected error"
            );
        }
    }

    function claim(uint256 grantSeed) external {
        uint256 count = pool.grantCount();
        if (count == 0) return;
        uint256 id = (grantSeed % count) + 1;
        uint256 due = pool.claimable(id);
        try pool.claim(id) returns (uint256 paid) {
            assertEq(paid, due, "paid what was claimable");
            ghostClaimed += paid;
        } catch (bytes memory reason) {
            assertEq(due, 0, "claim refused with something due");
            assertEq(
                keccak256(reason),
                keccak256(abi.encodeWithSelector(IWorkerPool.NothingToClaim.selector, id)),
                "claim: unexpected error"
            );
        }
    }

    function cancelGrant(uint256 grantSeed) external {
        uint256 count = pool.grantCount();
        if (count == 0) return;
        uint256 id = (grantSeed % count) + 1;
        uint256 committedBefore = pool.committed();
        vm.prank(timelock);
        try pool.cancelGrant(id) {
            ghostReleased += committedBefore - pool.committed();
        } catch (bytes memory reason) {
            assertEq(
                keccak256(reason),
                keccak256(abi.encodeWithSelector(IWorkerPool.GrantNotCancellable.selector, id)),
                "cancel: unexpected error"
            );
        }
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 120 days));
    }
}
