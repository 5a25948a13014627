// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IAccessManager} from "@openzeppelin/contracts/access/manager/IAccessManager.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

import {GuardianPausable} from "../../contracts/common/GuardianPausable.sol";
import {ParameterRegistry} from "../../contracts/governance/ParameterRegistry.sol";
import {ProtocolGovernor} from "../../contracts/governance/ProtocolGovernor.sol";
import {Treasury} from "../../contracts/governance/Treasury.sol";
import {WorkerPool} from "../../contracts/governance/WorkerPool.sol";
import {IParameterRegistry} from "../../contracts/interfaces/IParameterRegistry.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {IProposalClassifier} from "../../contracts/interfaces/IProposalClassifier.sol";
import {IProtocolGovernor} from "../../contracts/interfaces/IProtocolGovernor.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {GovernanceBase} from "./GovernanceBase.sol";
import {FlashLender} from "./mocks/FlashLender.sol";
import {FlashVoter} from "./mocks/FlashVoter.sol";
import {MockTarget} from "./mocks/MockTarget.sol";

contract ProtocolGovernorTest is GovernanceBase {
    using {_bit} for IGovernor.ProposalState;

    // ------------------------------------------------------------------ propose and the deposit

    function test_propose_takesDepositAndRecordsTerms() public {
        Proposal memory p = _bind(_technical(42), proposer);
        uint256 expectedId = governor.getProposalId(p.targets, p.values, p.calldatas, keccak256(bytes(p.description)));
        vm.expectEmit(true, true, false, true, address(governor));
        emit IProtocolGovernor.ProposalClassified(expectedId, TECHNICAL_CLASS, 6_000, false, 100_000 ether);
        uint256 id = _propose(p);

        assertEq(id, expectedId, "proposal id");
        assertEq(
            token.balanceOf(proposer),
            900_000 ether - 1,
            "proposer paid 100,000 and the governor's 1-wei reserve"
        );
        assertEq(token.balanceOf(address(governor)), 100_000 ether + 1, "governor holds the deposit and its reserve");
        assertTrue(governor.holdsDepositReserve(), "reserve held");
        IProtocolGovernor.ProposalTerms memory t = governor.proposalTerms(id);
        assertEq(uint256(t.deposit), 100_000 ether, "deposit recorded");
        assertEq(uint256(t.thresholdBps), 6_000, "technical threshold");
        assertFalse(t.emergency, "normal route");
        assertEq(uint256(t.classId), TECHNICAL_CLASS, "class");
        assertEq(governor.proposalSnapshot(id), START + 1 + 7 days, "snapshot after the 7-day discussion");
        assertEq(governor.proposalDeadline(id), START + 1 + 21 days, "deadline after 14 days of voting");
        assertState(id, IGovernor.ProposalState.Pending, "pending");
    }

    /// @dev The first proposal ever pays 1 wei more, which the governor keeps; no later proposal does, not after a
    /// change of the deposit, and not after every deposit was settled (the governor's balance never returns to 0).
    function test_depositReserve_takenOnceAndKeptForGood() public {
        Proposal memory first = _technical(1);
        vm.expectEmit(true, false, false, true, address(governor));
        emit IProtocolGovernor.DepositReserveTaken(proposer, 1);
        _propose(first);
        assertEq(token.balanceOf(proposer), 900_000 ether - 1, "100,000 + 1 wei");
        vm.prank(proposer);
        governor.cancel(first.targets, first.values, first.calldatas, keccak256(bytes(first.description)));
        governor.settleDeposit(
            governor.getProposalId(first.targets, first.values, first.calldatas, keccak256(bytes(first.description)))
        );
        assertEq(token.balanceOf(address(governor)), 1, "all settled: the reserve stays");
        assertEq(token.balanceOf(proposer), 1_000_000 ether - 1, "refunded 100,000");

        vm.prank(address(registry));
        governor.setParameter(DEPOSIT_KEY, 120_000 ether); // a new deposit value keeps the flag
        assertTrue(governor.holdsDepositReserve(), "still held");
        _propose(_technical(2));
        assertEq(token.balanceOf(proposer), 880_000 ether - 1, "exactly the 120,000 deposit");
        assertEq(token.balanceOf(address(governor)), 120_000 ether + 1, "deposit + reserve");
        assertEq(governor.DEPOSIT_RESERVE(), 1, "1 wei");
    }

    function test_RevertWhen_proposeWithoutAllowance() public {
        _giveVotes(carol, 200_000 ether);
        Proposal memory p = _bind(_technical(1), carol);
        vm.prank(carol);
        vm.expectRevert(
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientAllowance.selector,
                address(governor),
                0,
                100_000 ether + RESERVE // the governor's first proposal also takes its reserve
            )
        );
        governor.propose(p.targets, p.values, p.calldatas, p.description);
        assertEq(token.balanceOf(carol), 200_000 ether, "nothing taken");
        assertFalse(governor.holdsDepositReserve(), "no reserve taken");
        assertEq(token.balanceOf(address(governor)), 0, "governor holds nothing");
    }

    function test_RevertWhen_proposeMismatchedArrays() public {
        Proposal memory p = _technical(1);
        p.values = new uint256[](2);
        _bind(p, proposer);
        vm.prank(proposer);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorInvalidProposalLength.selector, 1, 1, 2));
        governor.propose(p.targets, p.values, p.calldatas, p.description);
        assertEq(token.balanceOf(proposer), 1_000_000 ether, "no deposit taken");
    }

    function test_RevertWhen_proposeNoCalls() public {
        Proposal memory p;
        vm.prank(proposer);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorInvalidProposalLength.selector, 0, 0, 0));
        governor.propose(p.targets, p.values, p.calldatas, _bind(p, proposer).description);
        assertEq(token.balanceOf(proposer), 1_000_000 ether, "no deposit taken");
    }

    function test_RevertWhen_proposeTwice() public {
        Proposal memory p = _technical(1);
        uint256 id = _propose(p);
        vm.prank(proposer);
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Pending,
                bytes32(0)
            )
        );
        governor.propose(p.targets, p.values, p.calldatas, p.description);
        assertEq(token.balanceOf(proposer), 900_000 ether - RESERVE, "one deposit only");
    }

    function test_propose_depositChangeLeavesOpenProposalsAlone() public {
        uint256 early = _propose(_technical(1));
        _pass(_setDeposit(120_000 ether));
        assertEq(governor.proposalDeposit(), 120_000 ether, "new deposit");
        assertEq(uint256(governor.proposalTerms(early).deposit), 100_000 ether, "open proposal keeps its deposit");
        // Nobody voted on it: defeated without quorum, so its 100,000 (not 120,000) go to the treasury.
        governor.settleDeposit(early);
        assertEq(token.balanceOf(address(treasury)), 5_100_000 ether, "the deposit it paid, forfeited");
    }

    // ------------------------------------------------------------------ the whole lifecycle

    /// @dev alice: 100,000 liquid + 200,000 staked without lock (x1.5 = 300,000) = 400,000;
    /// bob: 50,000 liquid + 100,000 locked one year (x2 = 200,000) = 250,000;
    /// carol: 80,000 locked half a year (x1.75 = 140,000) = 140,000.
    /// For 540,000, against 250,000: 68.35% of for + against >= 60%, 790,000 cast >= 400,000 quorum.
    function test_lifecycle_liquidStakedAndLockedWeight() public {
        _giveVotes(alice, 100_000 ether);
        _stake(alice, 200_000 ether, 0);
        _giveVotes(bob, 50_000 ether);
        _stake(bob, 100_000 ether, 365 days);
        _stake(carol, 80_000 ether, 15_768_000); // 182.5 days
        vm.warp(block.timestamp + 1);

        Proposal memory p = _technical(42);
        uint256 id = _propose(p);
        assertEq(token.balanceOf(address(governor)), 100_000 ether + RESERVE, "deposit taken");
        _toVoting(id);
        assertEq(_vote(id, alice, FOR), 400_000 ether, "alice: liquid + staked");
        assertEq(_vote(id, bob, AGAINST), 250_000 ether, "bob: liquid + locked one year");
        assertEq(_vote(id, carol, FOR), 140_000 ether, "carol: locked half a year");
        (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes) = governor.proposalVotes(id);
        assertEq(forVotes, 540_000 ether, "for");
        assertEq(againstVotes, 250_000 ether, "against");
        assertEq(abstainVotes, 0, "abstain");
        assertEq(governor.quorum(governor.proposalSnapshot(id)), QUORUM, "quorum: 4% of 10,000,000");

        _toEnd(id);
        assertState(id, IGovernor.ProposalState.Succeeded, "succeeded");
        _queue(p);
        assertState(id, IGovernor.ProposalState.Queued, "queued");
        uint256 eta = governor.proposalEta(id);
        assertEq(eta, block.timestamp + 7 days, "7-day timelock");

        vm.warp(eta - 1);
        vm.expectPartialRevert(TimelockController.TimelockUnexpectedOperationState.selector);
        _execute(p);
        vm.warp(eta);
        _execute(p);
        assertEq(target.value(), 42, "executed through the normal timelock");
        assertState(id, IGovernor.ProposalState.Executed, "executed");

        vm.expectEmit(true, true, false, true, address(governor));
        emit IProtocolGovernor.DepositRefunded(id, proposer, 100_000 ether);
        governor.settleDeposit(id);
        assertEq(token.balanceOf(proposer), 1_000_000 ether - RESERVE, "deposit returned");
        assertEq(token.balanceOf(address(governor)), RESERVE, "governor holds its reserve only");
    }

    // ------------------------------------------------------------------ thresholds, at the edge

    /// @dev `yes` votes for with `forVotes`, `no` against with 1,000,000 - forVotes (quorum 400,000 is met).
    function _tally(Proposal memory p, uint256 forVotes) internal returns (uint256 id) {
        address yes = makeAddr("yes");
        address no = makeAddr("no");
        _giveVotes(yes, forVotes);
        _giveVotes(no, 1_000_000 ether - forVotes);
        vm.warp(block.timestamp + 1);
        id = _decide(p, yes, no);
    }

    function _assertPassesAtAndFailsBelow(
        Proposal memory p,
        uint256 atThreshold,
        uint8 classId,
        uint16 thresholdBps
    ) internal {
        uint256 snap = vm.snapshotState();
        uint256 id = _tally(p, atThreshold - 1);
        assertEq(uint256(governor.proposalTerms(id).classId), classId, "class");
        assertEq(uint256(governor.proposalTerms(id).thresholdBps), thresholdBps, "threshold");
        assertState(id, IGovernor.ProposalState.Defeated, "one wei of votes below the threshold");
        vm.revertToState(snap);

        id = _tally(p, atThreshold);
        assertState(id, IGovernor.ProposalState.Succeeded, "exactly at the threshold");
        _queue(p);
        vm.warp(block.timestamp + governor.timelockDelay(governor.proposalTerms(id).emergency));
        _execute(p);
        assertState(id, IGovernor.ProposalState.Executed, "executed");
    }

    function test_threshold_treasuryFiftyPercent() public {
        _assertPassesAtAndFailsBelow(_treasurySpend(carol, 1_000 ether), 500_000 ether, TREASURY_CLASS, 5_000);
        assertEq(token.balanceOf(carol), 1_000 ether, "paid from the treasury");
    }

    function test_threshold_economicFiftyFivePercent() public {
        _assertPassesAtAndFailsBelow(_setDeposit(110_000 ether), 550_000 ether, ECONOMIC_CLASS, 5_500);
        assertEq(governor.proposalDeposit(), 110_000 ether, "deposit changed");
    }

    function test_threshold_technicalSixtyPercent() public {
        _assertPassesAtAndFailsBelow(_technical(7), 600_000 ether, TECHNICAL_CLASS, 6_000);
        assertEq(target.value(), 7, "target changed");
    }

    function test_threshold_accessEightyPercent() public {
        address newGuardian = makeAddr("newGuardian");
        Proposal memory p = _one(
            address(manager),
            abi.encodeCall(IAccessManager.grantRole, (Roles.GUARDIAN, newGuardian, 0)),
            "access: second guardian"
        );
        _assertPassesAtAndFailsBelow(p, 800_000 ether, ACCESS_CLASS, 8_000);
        (bool isMember, ) = manager.hasRole(Roles.GUARDIAN, newGuardian);
        assertTrue(isMember, "role granted");
    }

    function test_threshold_emergencySeventyFivePercent() public {
        Proposal memory p = _one(
            address(treasury),
            abi.encodeCall(GuardianPausable.confirmPause, ()),
            "emergency: pause the treasury"
        );
        vm.prank(guardian);
        treasury.pause(); // governance confirms an active guardian pause only
        _assertPassesAtAndFailsBelow(p, 750_000 ether, EMERGENCY_CLASS, 7_500);
        assertTrue(treasury.paused(), "treasury paused by governance");
        assertEq(treasury.pausedUntil(), type(uint48).max, "confirmed: no expiry");
    }

    function test_threshold_emergencyParameterEightyPercent() public {
        _assertPassesAtAndFailsBelow(
            _setDepositEmergency(500_000 ether),
            800_000 ether,
            EMERGENCY_PARAMETER_CLASS,
            8_000
        );
        assertEq(governor.proposalDeposit(), 500_000 ether, "5x in one step: the emergency path skips the rate limit");
    }

    function test_threshold_workerFiftyPercent() public {
        _stake(proposer, 5_000 ether, 365 days); // weight exactly 10,000
        vm.prank(bank);
        token.transfer(address(workerPool), 50_000 ether);
        Proposal memory p = _one(
            address(workerPool),
            abi.encodeCall(WorkerPool.createGrant, (carol, 12_000 ether, 365 days)),
            "worker: docs"
        );
        _assertPassesAtAndFailsBelow(p, 500_000 ether, WORKER_CLASS, 5_000);
        assertEq(workerPool.committed(), 12_000 ether, "grant committed");
    }

    // ------------------------------------------------------------------ counting

    function test_castVote_abstainCountsTowardQuorumNotThreshold() public {
        _giveVotes(alice, 300_000 ether);
        _giveVotes(bob, 200_000 ether);
        vm.warp(block.timestamp + 1);
        uint256 id = _propose(_technical(1));
        _toVoting(id);
        _vote(id, alice, FOR);
        _vote(id, bob, ABSTAIN);
        _toEnd(id);
        // 300,000 alone misses the 400,000 quorum; with 200,000 abstaining it is met, and 100% of
        // for + against is for.
        assertState(id, IGovernor.ProposalState.Succeeded, "abstain helped reach quorum only");
    }

    function test_castVote_againstCountsTowardQuorum() public {
        _giveVotes(alice, 300_000 ether);
        _giveVotes(bob, 100_000 ether);
        vm.warp(block.timestamp + 1);
        uint256 id = _propose(_treasurySpend(carol, 1 ether));
        _toVoting(id);
        _vote(id, alice, FOR);
        _vote(id, bob, AGAINST);
        _toEnd(id);
        // 400,000 cast = quorum; 75% for >= 50%.
        assertState(id, IGovernor.ProposalState.Succeeded, "participation quorum");
    }

    function test_state_defeatedWithoutQuorum() public {
        _giveVotes(alice, 400_000 ether - 1);
        vm.warp(block.timestamp + 1);
        uint256 id = _decide(_technical(1), alice, address(0));
        assertState(id, IGovernor.ProposalState.Defeated, "one wei below quorum");
    }

    function test_RevertWhen_voteAfterPeriod() public {
        _giveVotes(alice, 500_000 ether);
        _giveVotes(bob, 500_000 ether);
        vm.warp(block.timestamp + 1);
        uint256 id = _decide(_technical(1), alice, address(0));
        vm.prank(bob);
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Succeeded,
                IGovernor.ProposalState.Active._bit()
            )
        );
        governor.castVote(id, AGAINST);
        (uint256 againstVotes, uint256 forVotes, ) = governor.proposalVotes(id);
        assertEq(againstVotes, 0, "no late vote counted");
        assertEq(forVotes, 500_000 ether, "for unchanged");
    }

    function test_RevertWhen_voteBeforeSnapshot() public {
        _giveVotes(alice, 500_000 ether);
        uint256 id = _propose(_technical(1));
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Pending,
                IGovernor.ProposalState.Active._bit()
            )
        );
        governor.castVote(id, FOR);
    }

    function test_RevertWhen_voteTwiceOrWithInvalidType() public {
        _giveVotes(alice, 500_000 ether);
        uint256 id = _propose(_technical(1));
        _toVoting(id);
        _vote(id, alice, FOR);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorAlreadyCastVote.selector, alice));
        governor.castVote(id, FOR);
        vm.prank(bob);
        vm.expectRevert(IGovernor.GovernorInvalidVoteType.selector);
        governor.castVote(id, 3);
        (, uint256 forVotes, ) = governor.proposalVotes(id);
        assertEq(forVotes, 500_000 ether, "counted once");
    }

    // ------------------------------------------------------------------ deposit settlement

    function test_settleDeposit_forfeitedToTreasuryWithoutQuorum() public {
        _giveVotes(alice, 100_000 ether);
        vm.warp(block.timestamp + 1);
        uint256 id = _decide(_technical(1), alice, address(0));
        assertState(id, IGovernor.ProposalState.Defeated, "defeated");
        vm.expectEmit(true, true, false, true, address(governor));
        emit IProtocolGovernor.DepositForfeited(id, proposer, 100_000 ether);
        governor.settleDeposit(id);
        assertEq(token.balanceOf(address(treasury)), 5_100_000 ether, "treasury kept the deposit");
        assertEq(token.balanceOf(proposer), 900_000 ether - RESERVE, "proposer lost it");
        assertEq(uint256(governor.proposalTerms(id).deposit), 0, "settled");
    }

    function test_settleDeposit_refundedWhenDefeatedWithQuorum() public {
        _giveVotes(alice, 100_000 ether);
        _giveVotes(bob, 900_000 ether);
        vm.warp(block.timestamp + 1);
        uint256 id = _decide(_technical(1), alice, bob);
        assertState(id, IGovernor.ProposalState.Defeated, "defeated");
        governor.settleDeposit(id);
        assertEq(token.balanceOf(proposer), 1_000_000 ether - RESERVE, "returned: quorum was reached");
        assertEq(token.balanceOf(address(treasury)), 5_000_000 ether, "treasury unchanged");
    }

    function test_settleDeposit_refundedOnceSucceeded() public {
        _giveVotes(alice, 500_000 ether);
        vm.warp(block.timestamp + 1);
        uint256 id = _decide(_technical(1), alice, address(0));
        governor.settleDeposit(id);
        assertEq(token.balanceOf(proposer), 1_000_000 ether - RESERVE, "returned before queueing");
    }

    function test_settleDeposit_refundedWhenCancelledWhilePending() public {
        Proposal memory p = _technical(1);
        uint256 id = _propose(p);
        vm.prank(proposer);
        governor.cancel(p.targets, p.values, p.calldatas, keccak256(bytes(p.description)));
        assertState(id, IGovernor.ProposalState.Canceled, "cancelled");
        governor.settleDeposit(id);
        assertEq(token.balanceOf(proposer), 1_000_000 ether - RESERVE, "returned");
    }

    function test_RevertWhen_settleDepositWhileVoting() public {
        _giveVotes(alice, 500_000 ether);
        uint256 id = _propose(_technical(1));
        vm.expectRevert(
            abi.encodeWithSelector(IProtocolGovernor.DepositLocked.selector, id, IGovernor.ProposalState.Pending)
        );
        governor.settleDeposit(id);
        _toVoting(id);
        vm.expectRevert(
            abi.encodeWithSelector(IProtocolGovernor.DepositLocked.selector, id, IGovernor.ProposalState.Active)
        );
        governor.settleDeposit(id);
        assertEq(token.balanceOf(address(governor)), 100_000 ether + RESERVE, "still held");
    }

    function test_RevertWhen_settleDepositTwiceOrUnknown() public {
        _giveVotes(alice, 500_000 ether);
        vm.warp(block.timestamp + 1);
        uint256 id = _decide(_technical(1), alice, address(0));
        governor.settleDeposit(id);
        vm.expectRevert(abi.encodeWithSelector(IProtocolGovernor.NoDeposit.selector, id));
        governor.settleDeposit(id);
        vm.expectRevert(abi.encodeWithSelector(IProtocolGovernor.NoDeposit.selector, 123));
        governor.settleDeposit(123);
        assertEq(token.balanceOf(proposer), 1_000_000 ether - RESERVE, "refunded once");
    }

    // ------------------------------------------------------------------ parameters through governance

    function test_economic_depositUpExactlyTwentyPercent() public {
        _pass(_setDeposit(120_000 ether));
        assertEq(governor.proposalDeposit(), 120_000 ether, "+20% in one quarter");
    }

    function test_RevertWhen_economicMovesDepositOneWeiBeyondTwentyPercent() public {
        Proposal memory p = _setDeposit(120_000 ether + 1);
        _giveVotes(alice, 1_000_000 ether);
        vm.warp(block.timestamp + 1);
        uint256 id = _decide(p, alice, address(0));
        _queue(p);
        vm.warp(block.timestamp + 7 days);
        vm.expectRevert(
            abi.encodeWithSelector(
                IParameterRegistry.ChangeTooLarge.selector,
                120_000 ether + 1,
                80_000 ether,
                120_000 ether
            )
        );
        _execute(p);
        assertEq(governor.proposalDeposit(), 100_000 ether, "unchanged");
        assertState(id, IGovernor.ProposalState.Queued, "still queued");
    }

    function test_economic_movesFromTheNewValueOnceTheOldIsAQuarterBehind() public {
        _pass(_setDeposit(120_000 ether));
        // 100,000 was in effect until this change, in quarter 222; from quarter 224 on, only 120,000 counts.
        assertLt(block.timestamp, 224 * 7_884_000 - 7_884_000, "changed in quarter 222");
        vm.warp(224 * 7_884_000 - 27 days); // executed 28 days later, early in quarter 224
        _pass(_setDeposit(144_000 ether));
        assertEq(governor.proposalDeposit(), 144_000 ether, "another +20% a full quarter later");
    }

    function test_emergencyParameter_skipsRateLimitWithinBounds() public {
        _pass(_setDepositEmergency(1_000_000 ether));
        assertEq(governor.proposalDeposit(), 1_000_000 ether, "10x through the emergency path, at the max bound");
    }

    function test_RevertWhen_parameterOutOfBoundsOrUnknown() public {
        Proposal memory low = _setDepositEmergency(10_000 ether - 1);
        _giveVotes(alice, 1_000_000 ether);
        vm.warp(block.timestamp + 1);
        _decide(low, alice, address(0));
        _queue(low);
        vm.warp(block.timestamp + 48 hours);
        vm.expectRevert(
            abi.encodeWithSelector(
                IParameterRegistry.ValueOutOfBounds.selector,
                10_000 ether - 1,
                10_000 ether,
                1_000_000 ether
            )
        );
        _execute(low);

        bytes32 bogus = keccak256("governance.bogus");
        Proposal memory unknown = _one(
            address(registry),
            abi.encodeCall(ParameterRegistry.set, (address(governor), bogus, 1)),
            "unknown"
        );
        _decide(unknown, alice, address(0));
        _queue(unknown);
        vm.warp(block.timestamp + 7 days);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterRegistry.ParameterNotRegistered.selector, address(governor), bogus)
        );
        _execute(unknown);
        assertEq(governor.proposalDeposit(), 100_000 ether, "unchanged");
    }

    function test_parameter_readsDepositAndRefusesUnknownKeys() public {
        assertEq(governor.parameter(DEPOSIT_KEY), 100_000 ether, "deposit");
        bytes32 bogus = keccak256("bogus");
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, bogus));
        governor.parameter(bogus);
        vm.prank(address(normalTimelock));
        vm.expectRevert(
            abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, address(normalTimelock))
        );
        governor.setParameter(DEPOSIT_KEY, 1);
        assertEq(governor.proposalDeposit(), 100_000 ether, "only the registry sets it");
    }

    // ------------------------------------------------------------------ routes and delays

    function test_queue_emergencyProposalGoesThroughTheShortTimelock() public {
        Proposal memory p = _one(address(treasury), abi.encodeCall(GuardianPausable.confirmPause, ()), "pause");
        _giveVotes(alice, 1_000_000 ether);
        vm.warp(block.timestamp + 1);
        vm.prank(guardian);
        treasury.pause(); // 30 days: outlasts the 7 + 14 days of vote and the 48 hours of timelock
        uint256 id = _decide(p, alice, address(0));
        _queue(p);
        assertEq(governor.proposalEta(id), block.timestamp + 48 hours, "48-hour delay");
        bytes32 salt = bytes20(address(governor)) ^ keccak256(bytes(p.description));
        bytes32 op = emergencyTimelock.hashOperationBatch(p.targets, p.values, p.calldatas, 0, salt);
        assertTrue(emergencyTimelock.isOperationPending(op), "scheduled on the emergency timelock");
        vm.warp(block.timestamp + 48 hours);
        _execute(p);
        assertTrue(emergencyTimelock.isOperationDone(op), "executed by the emergency timelock");
    }

    function test_RevertWhen_normalProposalExecutedAfterTheEmergencyDelay() public {
        Proposal memory p = _technical(9);
        _giveVotes(alice, 1_000_000 ether);
        vm.warp(block.timestamp + 1);
        _decide(p, alice, address(0));
        _queue(p);
        vm.warp(block.timestamp + 48 hours);
        bytes32 salt = bytes20(address(governor)) ^ keccak256(bytes(p.description));
        bytes32 op = normalTimelock.hashOperationBatch(p.targets, p.values, p.calldatas, 0, salt);
        vm.expectRevert(
            abi.encodeWithSelector(TimelockController.TimelockUnexpectedOperationState.selector, op, _readyBit())
        );
        _execute(p);
        assertEq(target.value(), 0, "not executed");
    }

    function test_RevertWhen_emergencyProposalSmugglesANormalAction() public {
        // confirmPause (emergency, 75%) + a treasury payment: refused at propose, neither route takes both.
        Proposal memory p = _bind(
            _two(
                address(treasury),
                abi.encodeCall(GuardianPausable.confirmPause, ()),
                address(treasury),
                abi.encodeCall(Treasury.transfer, (IERC20(address(token)), attacker, 1_000 ether)),
                "pause and pay"
            ),
            proposer
        );
        vm.prank(proposer);
        vm.expectRevert(abi.encodeWithSelector(IProposalClassifier.MixedRoutes.selector, 0, 1));
        governor.propose(p.targets, p.values, p.calldatas, p.description);
        assertEq(token.balanceOf(proposer), 1_000_000 ether, "no deposit taken");
    }

    // ------------------------------------------------------------------ attacks

    function test_attack_flashLoanVoteCountsNothing() public {
        FlashLender lender = new FlashLender(IERC20(address(token)));
        vm.prank(bank);
        token.transfer(address(lender), 3_000_000 ether);
        FlashVoter voter = new FlashVoter(lender, governor, staking);
        uint256 id = _propose(_technical(1));
        _toVoting(id);
        voter.attack(id, 3_000_000 ether, true);
        assertEq(voter.weightCast(), 0, "borrowed, delegated and staked tokens weigh nothing");
        (, uint256 forVotes, ) = governor.proposalVotes(id);
        assertEq(forVotes, 0, "no votes counted");
        assertEq(token.balanceOf(address(lender)), 3_000_000 ether, "loan repaid");
    }

    function test_attack_flashLoanAtTheSnapshotCountsNothing() public {
        FlashLender lender = new FlashLender(IERC20(address(token)));
        vm.prank(bank);
        token.transfer(address(lender), 3_000_000 ether);
        FlashVoter voter = new FlashVoter(lender, governor, staking);
        uint256 id = _propose(_technical(1));
        vm.warp(governor.proposalSnapshot(id)); // the loan lands in the snapshot's own second
        voter.attack(id, 3_000_000 ether, false);
        vm.warp(block.timestamp + 1);
        assertEq(voter.vote(id), 0, "the snapshot sees the balance after the loan is repaid");
    }

    function test_attack_buyingVotesAfterTheSnapshotCountsNothing() public {
        _giveVotes(alice, 600_000 ether);
        uint256 id = _propose(_technical(1));
        _toVoting(id);
        _vote(id, alice, FOR);
        // alice sells her tokens to bob after the snapshot; bob delegates, stakes the rest and votes.
        vm.prank(alice);
        token.transfer(bob, 600_000 ether);
        vm.prank(bob);
        token.delegate(bob);
        _stake(bob, 100_000 ether, 365 days);
        vm.warp(block.timestamp + 1);
        assertEq(_vote(id, bob, AGAINST), 0, "bought and staked after the snapshot: no weight");
        (uint256 againstVotes, uint256 forVotes, ) = governor.proposalVotes(id);
        assertEq(forVotes, 600_000 ether, "for");
        assertEq(againstVotes, 0, "against");
    }

    function test_attack_economicChangeLabelledAsTreasurySpendingNeedsFiftyFivePercent() public {
        Proposal memory p = _two(
            address(treasury),
            abi.encodeCall(Treasury.transfer, (IERC20(address(token)), carol, 1 ether)),
            address(registry),
            abi.encodeCall(ParameterRegistry.set, (address(governor), DEPOSIT_KEY, 80_000 ether)),
            "treasury spending: a small grant to carol"
        );
        uint256 id = _tally(p, 520_000 ether); // 52%: enough for treasury, not for economic
        assertEq(uint256(governor.proposalTerms(id).classId), ECONOMIC_CLASS, "classified by its calls");
        assertEq(uint256(governor.proposalTerms(id).thresholdBps), 5_500, "economic threshold");
        assertState(id, IGovernor.ProposalState.Defeated, "52% is not enough");
    }

    function test_attack_wrappingACallInAnUnknownContractMakesItStricter() public {
        // manager.execute(registry, set(...)) hides the economic call behind the AccessManager: access class.
        Proposal memory p = _one(
            address(manager),
            abi.encodeCall(
                IAccessManager.execute,
                (address(registry), abi.encodeCall(ParameterRegistry.set, (address(governor), DEPOSIT_KEY, 1)))
            ),
            "wrapped"
        );
        uint256 id = _propose(p);
        assertEq(uint256(governor.proposalTerms(id).thresholdBps), 8_000, "access class, 80%");
    }

    function test_RevertWhen_executeBeforeQueueOrTimelock() public {
        Proposal memory p = _technical(5);
        _giveVotes(alice, 1_000_000 ether);
        vm.warp(block.timestamp + 1);
        uint256 id = _decide(p, alice, address(0));
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Succeeded,
                IGovernor.ProposalState.Queued._bit()
            )
        );
        _execute(p);
        _queue(p);
        vm.warp(block.timestamp + 7 days - 1);
        vm.expectPartialRevert(TimelockController.TimelockUnexpectedOperationState.selector);
        _execute(p);
        assertEq(target.calls(), 0, "nothing ran");
    }

    function test_RevertWhen_reExecuted() public {
        Proposal memory p = _technical(5);
        uint256 id = _pass(p);
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Executed,
                IGovernor.ProposalState.Queued._bit()
            )
        );
        _execute(p);
        assertEq(target.calls(), 1, "ran once");
    }

    function test_RevertWhen_anyoneButTheGovernorUsesATimelock() public {
        Proposal memory p = _technical(5);
        _giveVotes(alice, 1_000_000 ether);
        vm.warp(block.timestamp + 1);
        _decide(p, alice, address(0));
        _queue(p);
        vm.warp(block.timestamp + 7 days);
        bytes32 salt = bytes20(address(governor)) ^ keccak256(bytes(p.description));
        vm.startPrank(attacker);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector,
                attacker,
                normalTimelock.EXECUTOR_ROLE()
            )
        );
        normalTimelock.executeBatch(p.targets, p.values, p.calldatas, 0, salt);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector,
                attacker,
                emergencyTimelock.PROPOSER_ROLE()
            )
        );
        emergencyTimelock.scheduleBatch(p.targets, p.values, p.calldatas, 0, salt, 48 hours);
        vm.stopPrank();
        assertEq(target.calls(), 0, "nothing ran");
    }

    function test_RevertWhen_relay() public {
        vm.prank(address(normalTimelock));
        vm.expectRevert(IProtocolGovernor.RelayDisabled.selector);
        governor.relay(address(token), 0, abi.encodeCall(IERC20.transfer, (attacker, 1)));
    }

    function test_RevertWhen_guardianTriesAnythingButPause() public {
        vm.startPrank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, guardian));
        treasury.transfer(IERC20(address(token)), guardian, 1);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, guardian));
        treasury.unpause();
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, guardian));
        treasury.confirmPause();
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, guardian));
        registry.setEmergency(address(governor), DEPOSIT_KEY, 1_000_000 ether);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, guardian));
        workerPool.createGrant(guardian, 1, 0);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessManager.AccessManagerUnauthorizedAccount.selector, guardian, Roles.ADMIN)
        );
        manager.grantRole(Roles.GOVERNOR, guardian, 0);
        treasury.pause();
        vm.stopPrank();
        assertTrue(treasury.paused(), "pause is the one thing it can do");
        assertEq(token.balanceOf(guardian), 0, "nothing moved");
    }

    // ------------------------------------------------------------------ worker proposals: minimum stake

    function _grantProposal() internal view returns (Proposal memory) {
        return _one(address(workerPool), abi.encodeCall(WorkerPool.createGrant, (carol, 1 ether, 0)), "worker: grant");
    }

    function test_propose_workerProposalWithTheMinimumStake() public {
        _stake(proposer, 5_000 ether, 365 days); // x2 = 10,000 exactly
        vm.warp(block.timestamp + 1);
        uint256 id = _propose(_grantProposal());
        assertEq(uint256(governor.proposalTerms(id).classId), WORKER_CLASS, "worker class");
    }

    function test_RevertWhen_workerProposalBelowTheMinimumStake() public {
        _stake(proposer, 5_000 ether - 1, 365 days); // x2 = 10,000 - 2 wei
        vm.warp(block.timestamp + 1);
        Proposal memory p = _bind(_grantProposal(), proposer);
        vm.prank(proposer);
        vm.expectRevert(
            abi.encodeWithSelector(
                IProtocolGovernor.ProposerStakeTooLow.selector,
                proposer,
                10_000 ether - 2,
                10_000 ether
            )
        );
        governor.propose(p.targets, p.values, p.calldatas, p.description);
        assertEq(token.balanceOf(address(governor)), 0, "no deposit taken");
    }

    function test_RevertWhen_workerProposalStakedInTheSameSecond() public {
        _stake(proposer, 50_000 ether, 365 days);
        Proposal memory p = _grantProposal();
        _bind(p, proposer);
        vm.prank(proposer);
        vm.expectRevert(
            abi.encodeWithSelector(IProtocolGovernor.ProposerStakeTooLow.selector, proposer, 0, 10_000 ether)
        );
        governor.propose(p.targets, p.values, p.calldatas, p.description);
    }

    function test_RevertWhen_workerCallHiddenInATechnicalProposalWithoutStake() public {
        Proposal memory p = _two(
            address(target),
            abi.encodeCall(MockTarget.setValue, (1)),
            address(workerPool),
            abi.encodeCall(WorkerPool.createGrant, (carol, 1 ether, 0)),
            "technical with a grant inside"
        );
        _bind(p, proposer);
        vm.prank(proposer);
        vm.expectRevert(
            abi.encodeWithSelector(IProtocolGovernor.ProposerStakeTooLow.selector, proposer, 0, 10_000 ether)
        );
        governor.propose(p.targets, p.values, p.calldatas, p.description);
    }

    // ------------------------------------------------------------------ deployment checks

    function test_constructor_refusesBadSettings() public {
        IProtocolGovernor.Config memory c = _config();
        c.treasury = address(0);
        vm.expectRevert(IProtocolGovernor.ZeroAddress.selector);
        new ProtocolGovernor(c);

        c = _config();
        c.emergencyDelay = 7 days;
        vm.expectRevert(abi.encodeWithSelector(IProtocolGovernor.InvalidTimelockDelays.selector, 7 days, 7 days));
        new ProtocolGovernor(c);

        c = _config();
        c.quorumBps = 10_001;
        vm.expectRevert(abi.encodeWithSelector(IProtocolGovernor.InvalidQuorum.selector, 10_001));
        new ProtocolGovernor(c);

        c = _config();
        c.votingPeriod = 0;
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorInvalidVotingPeriod.selector, 0));
        new ProtocolGovernor(c);

        c = _config();
        c.proposalDeposit = uint256(type(uint96).max) + 1;
        vm.expectRevert(
            abi.encodeWithSelector(
                IParameterized.InvalidParameterValue.selector,
                DEPOSIT_KEY,
                uint256(type(uint96).max) + 1
            )
        );
        new ProtocolGovernor(c);
    }

    function test_views_reportThePreset() public view {
        assertEq(governor.votingDelay(), 7 days, "voting delay");
        assertEq(governor.votingPeriod(), 14 days, "voting period");
        assertEq(governor.timelockDelay(false), 7 days, "normal delay");
        assertEq(governor.timelockDelay(true), 48 hours, "emergency delay");
        assertEq(governor.timelockOf(false), address(normalTimelock), "normal timelock");
        assertEq(governor.timelockOf(true), address(emergencyTimelock), "emergency timelock");
        assertEq(governor.quorumBps(), 400, "quorum bps");
        assertEq(governor.votingPower(), address(votingPower), "vote source");
        assertEq(governor.classifier(), address(classifier), "classifier");
        assertEq(governor.treasury(), address(treasury), "treasury");
        assertEq(governor.CLOCK_MODE(), "mode=timestamp", "clock mode");
        assertEq(governor.COUNTING_MODE(), "support=bravo&quorum=for,against,abstain", "counting mode");
        assertTrue(governor.proposalNeedsQueuing(0), "always queued");
    }

    // ------------------------------------------------------------------ fuzz

    /// @dev Any split of 1,000,000 votes: the technical proposal passes iff for >= 60% of for + against.
    function testFuzz_technicalPassesIffSixtyPercent(uint256 forVotes) public {
        forVotes = bound(forVotes, 1, 1_000_000 ether - 1);
        uint256 id = _tally(_technical(1), forVotes);
        bool passes = forVotes >= 600_000 ether;
        assertEq(
            uint256(governor.state(id)),
            uint256(passes ? IGovernor.ProposalState.Succeeded : IGovernor.ProposalState.Defeated),
            "60% of for + against"
        );
    }

    /// @dev The quorum rounds up: never below 4% of the supply, less than one wei above it.
    function testFuzz_quorum_roundsUp(uint256 burned) public {
        burned = bound(burned, 1, 4_000_000 ether);
        vm.prank(bank);
        token.burn(burned);
        vm.warp(block.timestamp + 1);
        uint256 supply = 10_000_000 ether - burned;
        uint256 q = governor.quorum(block.timestamp - 1);
        assertGe(q * 10_000, supply * 400, "at least 4%");
        assertLt(q * 10_000, supply * 400 + 10_000, "less than one wei above 4%");
    }

    // ------------------------------------------------------------------ helpers

    function _config() internal view returns (IProtocolGovernor.Config memory) {
        return
            IProtocolGovernor.Config({
                name: "QUIVer Governor",
                authority: address(manager),
                votingPower: address(votingPower),
                classifier: address(classifier),
                normalTimelock: address(normalTimelock),
                emergencyTimelock: address(emergencyTimelock),
                treasury: address(treasury),
                votingDelay: VOTING_DELAY,
                votingPeriod: VOTING_PERIOD,
                normalDelay: NORMAL_DELAY,
                emergencyDelay: EMERGENCY_DELAY,
                quorumBps: QUORUM_BPS,
                proposalDeposit: DEPOSIT
            });
    }

    function _readyBit() internal pure returns (bytes32) {
        return bytes32(uint256(1) << uint8(TimelockController.OperationState.Ready));
    }
}

/// @dev The state bitmap Governor uses in `GovernorUnexpectedProposalState`.
function _bit(IGovernor.ProposalState s) pure returns (bytes32) {
    return bytes32(uint256(1) << uint8(s));
}
