// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";

import {IProtocolGovernor} from "../../contracts/interfaces/IProtocolGovernor.sol";
import {GovernanceBase} from "./GovernanceBase.sol";

/// @dev The governor keeps its proposals in its own record (OpenZeppelin's `_proposals` is never written): each
/// step writes exactly the slots it must, and every view answers from the record, through every state.
contract ProposalRecordTest is GovernanceBase {
    /// @dev How many distinct storage slots of the governor were written since `vm.record()`.
    function _slotsWritten() private returns (uint256 n) {
        (, bytes32[] memory writes) = vm.accesses(address(governor));
        for (uint256 i; i < writes.length; ++i) {
            bool seen;
            for (uint256 j; j < i; ++j) if (writes[j] == writes[i]) seen = true;
            if (!seen) ++n;
        }
    }

    function _assertViews(uint256 id, uint256 snapshot, uint256 eta, string memory step) private view {
        assertEq(governor.proposalProposer(id), proposer, string.concat(step, ": proposer"));
        assertEq(governor.proposalSnapshot(id), snapshot, string.concat(step, ": snapshot"));
        assertEq(governor.proposalDeadline(id), snapshot + 14 days, string.concat(step, ": deadline"));
        assertEq(governor.proposalEta(id), eta, string.concat(step, ": eta"));
        IProtocolGovernor.ProposalTerms memory t = governor.proposalTerms(id);
        assertEq(uint256(t.thresholdBps), 6_000, string.concat(step, ": threshold"));
        assertEq(uint256(t.classId), TECHNICAL_CLASS, string.concat(step, ": class"));
        assertFalse(t.emergency, string.concat(step, ": route"));
    }

    function test_record_oneSlotPerStepAndEveryViewThroughALifecycle() public {
        _giveVotes(alice, 1_000_000 ether);
        vm.warp(block.timestamp + 1);
        Proposal memory p = _technical(7);
        uint256 snapshot = block.timestamp + 7 days; // 7-day discussion

        vm.record();
        uint256 id = _propose(p);
        assertEq(_slotsWritten(), 2, "propose writes the record's one slot (+ the reserve flag, first proposal ever)");
        _assertViews(id, snapshot, 0, "pending");
        assertEq(uint256(governor.proposalTerms(id).deposit), 100_000 ether, "deposit");
        assertState(id, IGovernor.ProposalState.Pending, "pending");

        _toVoting(id);
        assertState(id, IGovernor.ProposalState.Active, "active");
        _vote(id, alice, FOR);
        _toEnd(id);
        assertState(id, IGovernor.ProposalState.Succeeded, "succeeded");
        _assertViews(id, snapshot, 0, "succeeded");

        vm.record();
        _queue(p);
        assertEq(_slotsWritten(), 1, "queue writes the eta's slot");
        uint256 eta = block.timestamp + 7 days; // the normal route's delay
        _assertViews(id, snapshot, eta, "queued");
        assertState(id, IGovernor.ProposalState.Queued, "queued");

        vm.warp(eta);
        vm.record();
        _execute(p);
        assertEq(_slotsWritten(), 1, "execute writes the record's flag");
        assertEq(target.value(), 7, "the call ran");
        assertState(id, IGovernor.ProposalState.Executed, "executed");
        _assertViews(id, snapshot, eta, "executed");

        // Refunded once, then the record says no deposit.
        governor.settleDeposit(id);
        assertEq(uint256(governor.proposalTerms(id).deposit), 0, "deposit settled");
        assertEq(token.balanceOf(proposer), 1_000_000 ether - RESERVE, "refunded");
    }

    function test_RevertWhen_reExecutedQueuedAgainOrCancelledOnceExecuted() public {
        Proposal memory p = _technical(8);
        uint256 id = _pass(p);
        bytes32 queuedOnly = bytes32(1 << uint8(IGovernor.ProposalState.Queued));
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Executed,
                queuedOnly
            )
        );
        _execute(p);
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Executed,
                bytes32(1 << uint8(IGovernor.ProposalState.Succeeded))
            )
        );
        _queue(p);
        vm.prank(proposer);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorUnableToCancel.selector, id, proposer));
        governor.cancel(p.targets, p.values, p.calldatas, keccak256(bytes(p.description)));
        assertState(id, IGovernor.ProposalState.Executed, "still executed");
    }

    function test_RevertWhen_cancelledContentProposedAgain() public {
        Proposal memory p = _bind(_technical(9), proposer);
        uint256 id = _propose(p);
        vm.record();
        vm.prank(proposer);
        governor.cancel(p.targets, p.values, p.calldatas, keccak256(bytes(p.description)));
        assertEq(_slotsWritten(), 1, "cancel writes the record's flag");
        assertState(id, IGovernor.ProposalState.Canceled, "canceled");
        _assertViews(id, START + 1 + 7 days, 0, "canceled");

        governor.settleDeposit(id);
        assertEq(token.balanceOf(proposer), 1_000_000 ether - RESERVE, "refunded once");
        vm.prank(proposer);
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Canceled,
                bytes32(0)
            )
        );
        governor.propose(p.targets, p.values, p.calldatas, p.description);
        vm.expectRevert(abi.encodeWithSelector(IProtocolGovernor.NoDeposit.selector, id));
        governor.settleDeposit(id);
        assertEq(token.balanceOf(address(governor)), RESERVE, "no deposit taken again");
    }

    function test_RevertWhen_queueDefeatedOrExpired() public {
        _giveVotes(alice, 1_000_000 ether);
        _giveVotes(bob, 1_000_000 ether);
        vm.warp(block.timestamp + 1);
        bytes32 succeededOnly = bytes32(1 << uint8(IGovernor.ProposalState.Succeeded));

        // Defeated: 1,000,000 for against 1,000,000 against is 50% < 60%.
        Proposal memory lost = _technical(10);
        uint256 lostId = _decide(lost, alice, bob);
        assertState(lostId, IGovernor.ProposalState.Defeated, "defeated");
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                lostId,
                IGovernor.ProposalState.Defeated,
                succeededOnly
            )
        );
        _queue(lost);

        // Expired: passed, then not queued within the 14-day grace period after its deadline.
        Proposal memory late = _technical(11);
        uint256 lateId = _decide(late, alice, address(0));
        vm.warp(governor.proposalDeadline(lateId) + 14 days);
        assertState(lateId, IGovernor.ProposalState.Expired, "expired");
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                lateId,
                IGovernor.ProposalState.Expired,
                succeededOnly
            )
        );
        _queue(late);
        assertEq(governor.proposalEta(lateId), 0, "never queued");
    }

    function test_RevertWhen_unknownProposal() public {
        uint256 id = uint256(keccak256("nothing"));
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorNonexistentProposal.selector, id));
        governor.state(id);
        assertEq(governor.proposalProposer(id), address(0), "no proposer");
        assertEq(governor.proposalSnapshot(id), 0, "no snapshot");
        assertEq(uint256(governor.proposalTerms(id).deposit), 0, "no deposit");
    }

    /// @dev The deposit parameter's slot holds the amount (low 96 bits) and its id (the next 24 bits).
    function _depositSlot() private returns (bytes32) {
        vm.record();
        governor.proposalDeposit();
        (bytes32[] memory reads, ) = vm.accesses(address(governor));
        assertEq(reads.length, 1, "one slot read");
        return reads[0];
    }

    function test_RevertWhen_depositIdsExhausted() public {
        bytes32 slot = _depositSlot();
        // As if the deposit had taken 16,777,214 values (ids are 24 bits): one more id is left.
        vm.store(address(governor), slot, bytes32((uint256(16_777_214) << 96) | 100_000 ether));
        vm.prank(address(registry));
        governor.setParameter(DEPOSIT_KEY, 120_000 ether);
        assertEq(governor.proposalDeposit(), 120_000 ether, "the last id taken");

        uint256 id = _propose(_technical(12));
        assertEq(uint256(governor.proposalTerms(id).deposit), 120_000 ether, "recorded under the last id");
        assertEq(token.balanceOf(address(governor)), 120_000 ether + RESERVE, "taken");

        vm.prank(address(registry));
        vm.expectRevert(IProtocolGovernor.DepositIdsExhausted.selector);
        governor.setParameter(DEPOSIT_KEY, 130_000 ether);
        assertEq(governor.proposalDeposit(), 120_000 ether, "unchanged");

        // The open proposal still settles its own amount: nobody voted, so it is forfeited.
        vm.warp(governor.proposalDeadline(id) + 1);
        governor.settleDeposit(id);
        assertEq(token.balanceOf(address(governor)), RESERVE, "settled in full; the reserve stays");
    }
}
