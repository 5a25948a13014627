// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

import {ProposalClassifier} from "../../../contracts/governance/ProposalClassifier.sol";
import {ProtocolGovernor} from "../../../contracts/governance/ProtocolGovernor.sol";
import {IProposalClassifier} from "../../../contracts/interfaces/IProposalClassifier.sol";
import {Test} from "../../utils/Test.sol";

/// @notice Builds proposals of one to four calls drawn from every mapped selector of the preset (and an unmapped
/// call), proposes them, has three voters split their votes, and queues and executes what passed. Ghost checks:
/// a proposal mixing routes is refused with `MixedRoutes`; an accepted proposal records the highest threshold of
/// its calls and their common route; and no call is ever executed with a for share below its own class's
/// threshold (`violations` stays zero).
contract MixedProposalHandler is Test {
    uint256 private constant BPS = 10_000;

    ProtocolGovernor public immutable governor;
    ProposalClassifier public immutable classifier;
    IERC20 public immutable token;
    address public immutable proposer;

    address[] internal _targets;
    bytes[] internal _datas;
    address[3] internal _voters;

    uint256 public proposed;
    uint256 public refusedMixed;
    uint256 public executed;
    uint256 public violations;

    constructor(
        ProtocolGovernor governor_,
        address proposer_,
        address[3] memory voters_,
        address[] memory targets_,
        bytes[] memory datas_
    ) {
        governor = governor_;
        classifier = ProposalClassifier(governor_.classifier());
        token = IERC20(IVotingPowerToken(governor_.votingPower()).token());
        proposer = proposer_;
        _voters = voters_;
        _targets = targets_;
        _datas = datas_;
    }

    /// @dev Proposes `count` calls (the i-th picked by byte i of `picks`), votes with `voteSeed` (two bits per
    /// voter: against, for, abstain), and drives the proposal to execution when it passes.
    function run(uint256 picks, uint256 count, uint256 voteSeed) external {
        count = bound(count, 1, 4);
        uint256 deposit = governor.proposalDeposit();
        if (token.balanceOf(proposer) < deposit) return;

        address[] memory targets = new address[](count);
        uint256[] memory values = new uint256[](count);
        bytes[] memory calldatas = new bytes[](count);
        uint16[] memory thresholds = new uint16[](count);
        bool[] memory routes = new bool[](count);
        uint256 highest;
        uint256 otherRoute;
        for (uint256 i; i < count; ++i) {
            uint256 k = ((picks >> (8 * i)) & 0xff) % _targets.length;
            (targets[i], calldatas[i]) = (_targets[k], _datas[k]);
            IProposalClassifier.ProposalClass memory c = classifier.proposalClass(
                classifier.classOf(targets[i], bytes4(calldatas[i]))
            );
            (thresholds[i], routes[i]) = (c.thresholdBps, c.emergency);
            if (c.thresholdBps > highest) highest = c.thresholdBps;
            if (otherRoute == 0 && routes[i] != routes[0]) otherRoute = i;
        }
        string memory description = string.concat(
            "mixed ",
            vm.toString(proposed + refusedMixed),
            "#proposer=",
            Strings.toHexString(proposer)
        );

        vm.prank(proposer);
        try governor.propose(targets, values, calldatas, description) returns (uint256 id) {
            assertEq(otherRoute, 0, "a proposal mixing routes was accepted");
            ++proposed;
            assertEq(uint256(governor.proposalTerms(id).thresholdBps), highest, "not the highest threshold");
            assertEq(governor.proposalTerms(id).emergency, routes[0], "not the calls' route");
            _decide(id, voteSeed);
            _execute(id, targets, values, calldatas, keccak256(bytes(description)), thresholds, routes);
            try governor.settleDeposit(id) {} catch {} // refunds keep the proposer funded
        } catch (bytes memory reason) {
            assertTrue(otherRoute != 0, "a single-route proposal was refused");
            assertEq(
                keccak256(reason),
                keccak256(abi.encodeWithSelector(IProposalClassifier.MixedRoutes.selector, 0, otherRoute)),
                "propose: unexpected error"
            );
            ++refusedMixed;
        }
    }

    function _decide(uint256 id, uint256 voteSeed) internal {
        vm.warp(governor.proposalSnapshot(id) + 1);
        for (uint256 i; i < 3; ++i) {
            uint8 support = uint8(((voteSeed >> (2 * i)) & 3) % 3);
            vm.prank(_voters[i]);
            governor.castVote(id, support);
        }
        vm.warp(governor.proposalDeadline(id) + 1);
    }

    function _execute(
        uint256 id,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash,
        uint16[] memory thresholds,
        bool[] memory routes
    ) internal {
        if (governor.state(id) != IGovernor.ProposalState.Succeeded) return;
        governor.queue(targets, values, calldatas, descriptionHash);
        vm.warp(governor.proposalEta(id));
        // The calls themselves may revert (a pause not active, a role missing): only success is checked.
        try governor.execute(targets, values, calldatas, descriptionHash) {
            ++executed;
            (uint256 againstVotes, uint256 forVotes, ) = governor.proposalVotes(id);
            bool emergency = governor.proposalTerms(id).emergency;
            for (uint256 i; i < targets.length; ++i) {
                if (forVotes * BPS < uint256(thresholds[i]) * (forVotes + againstVotes)) ++violations;
                if (routes[i] != emergency) ++violations;
            }
        } catch {}
    }
}

interface IVotingPowerToken {
    function token() external view returns (address);
}
