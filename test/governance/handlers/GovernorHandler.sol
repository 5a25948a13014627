// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {ProtocolGovernor} from "../../../contracts/governance/ProtocolGovernor.sol";
import {IProtocolGovernor} from "../../../contracts/interfaces/IProtocolGovernor.sol";
import {Test} from "../../utils/Test.sol";
import {MockTarget} from "../mocks/MockTarget.sol";

/// @notice Drives the governor through proposals, votes, cancellations, deposit settlements and time, with
/// ghost totals of the deposits taken, refunded and forfeited. Every call the governor may refuse is tried
/// and its error checked against the state that explains it.
contract GovernorHandler is Test {
    ProtocolGovernor public immutable governor;
    IERC20 public immutable token;
    MockTarget public immutable target;

    address[] public proposers;
    address[] public voters;
    uint256[] public ids;
    mapping(uint256 id => string) internal descriptions;
    mapping(uint256 id => uint256) internal _values;

    uint256 public ghostTaken;
    uint256 public ghostRefunded;
    uint256 public ghostForfeited;

    constructor(ProtocolGovernor governor_, MockTarget target_, address[] memory proposers_, address[] memory voters_) {
        governor = governor_;
        token = IERC20(IVotingPowerLike(governor_.votingPower()).token());
        target = target_;
        proposers = proposers_;
        voters = voters_;
    }

    function idCount() external view returns (uint256) {
        return ids.length;
    }

    function propose(uint256 proposerSeed, uint256 value) external {
        address who = proposers[proposerSeed % proposers.length];
        uint256 deposit = governor.proposalDeposit();
        if (token.balanceOf(who) < deposit) return;
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _calls(value);
        string memory description = string.concat(
            "proposal ",
            vm.toString(ids.length),
            "#proposer=",
            Strings.toHexString(who)
        );
        vm.prank(who);
        uint256 id = governor.propose(targets, values, calldatas, description);
        ids.push(id);
        descriptions[id] = description;
        _values[id] = value;
        ghostTaken += deposit;
    }

    function vote(uint256 idSeed, uint256 voterSeed, uint8 support) external {
        if (ids.length == 0) return;
        uint256 id = ids[idSeed % ids.length];
        address voter = voters[voterSeed % voters.length];
        support = uint8(bound(support, 0, 2));
        IGovernor.ProposalState s = governor.state(id);
        bool voted = governor.hasVoted(id, voter);
        vm.prank(voter);
        try governor.castVote(id, support) {
            assertTrue(s == IGovernor.ProposalState.Active && !voted, "vote accepted outside the voting period");
        } catch (bytes memory reason) {
            bytes memory expected =
                s != IGovernor.ProposalState.Active
                    ? abi.encodeWithSelector(
                        IGovernor.GovernorUnexpectedProposalState.selector,
                        id,
                        s,
                        bytes32(uint256(1) << uint8(IGovernor.ProposalState.Active))
                    )
                    : abi.encodeWithSelector(IGovernor.GovernorAlreadyCastVote.selector, voter);
            assertEq(keccak256(reason), keccak256(expected), "vote: unexpected error");
        }
    }

    function cancel(uint256 idSeed) external {
        if (ids.length == 0) return;
        uint256 id = ids[idSeed % ids.length];
        address who = governor.proposalProposer(id);
        IGovernor.ProposalState s = governor.state(id);
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _callsOf(id);
        vm.prank(who);
        try governor.cancel(targets, values, calldatas, keccak256(bytes(descriptions[id]))) {
            assertTrue(s == IGovernor.ProposalState.Pending, "cancelled after voting started");
        } catch (bytes memory reason) {
            assertEq(
                keccak256(reason),
                keccak256(abi.encodeWithSelector(IGovernor.GovernorUnableToCancel.selector, id, who)),
                "cancel: unexpected error"
            );
        }
    }

    function settle(uint256 idSeed) external {
        if (ids.length == 0) return;
        uint256 id = ids[idSeed % ids.length];
        uint256 deposit = governor.proposalTerms(id).deposit;
        IGovernor.ProposalState s = governor.state(id);
        address who = governor.proposalProposer(id);
        bool forfeits = s == IGovernor.ProposalState.Defeated && !_quorumReached(id);
        uint256 proposerBefore = token.balanceOf(who);
        try governor.settleDeposit(id) {
            if (forfeits) {
                ghostForfeited += deposit;
                assertEq(token.balanceOf(who), proposerBefore, "forfeit paid the proposer");
            } else {
                ghostRefunded += deposit;
                assertEq(token.balanceOf(who), proposerBefore + deposit, "refund not paid");
            }
        } catch (bytes memory reason) {
            bytes memory expected =
                deposit == 0
                    ? abi.encodeWithSelector(IProtocolGovernor.NoDeposit.selector, id)
                    : abi.encodeWithSelector(IProtocolGovernor.DepositLocked.selector, id, s);
            assertEq(keccak256(reason), keccak256(expected), "settle: unexpected error");
        }
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 10 days));
    }

    function _quorumReached(uint256 id) internal view returns (bool) {
        (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes) = governor.proposalVotes(id);
        return againstVotes + forVotes + abstainVotes >= governor.quorum(governor.proposalSnapshot(id));
    }

    function _calls(
        uint256 value
    ) internal view returns (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) {
        targets = new address[](1);
        targets[0] = address(target);
        values = new uint256[](1);
        calldatas = new bytes[](1);
        calldatas[0] = abi.encodeCall(MockTarget.setValue, (value));
    }

    function _callsOf(
        uint256 id
    ) internal view returns (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) {
        return _calls(_values[id]);
    }
}

interface IVotingPowerLike {
    function token() external view returns (address);
}
