// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {GovernanceBase} from "./GovernanceBase.sol";
import {WorkerPoolHandler} from "./handlers/WorkerPoolHandler.sol";

contract WorkerPoolInvariantTest is GovernanceBase {
    WorkerPoolHandler internal handler;

    function setUp() public override {
        super.setUp();
        handler = new WorkerPoolHandler(workerPool, address(normalTimelock), bank);
        targetContract(address(handler));
    }

    /// @dev Claims never exceed funding: the pool always holds every token it owes.
    function invariant_balanceCoversCommitments() public view {
        assertGe(token.balanceOf(address(workerPool)), workerPool.committed(), "balance < committed");
    }

    function invariant_committedIsGrantedMinusClaimedMinusReleased() public view {
        assertEq(
            workerPool.committed(),
            handler.ghostGranted() - handler.ghostClaimed() - handler.ghostReleased(),
            "committed != granted - claimed - released"
        );
    }

    function invariant_balanceIsFundedMinusClaimed() public view {
        assertEq(
            token.balanceOf(address(workerPool)),
            handler.ghostFunded() - handler.ghostClaimed(),
            "balance != funded - claimed"
        );
    }
}
