// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IAccessManager} from "@openzeppelin/contracts/access/manager/IAccessManager.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {GuardianPausable} from "../../contracts/common/GuardianPausable.sol";
import {ParameterRegistry} from "../../contracts/governance/ParameterRegistry.sol";
import {Parameterized} from "../../contracts/common/Parameterized.sol";
import {ProposalClassifier} from "../../contracts/governance/ProposalClassifier.sol";
import {Treasury} from "../../contracts/governance/Treasury.sol";
import {WorkerPool} from "../../contracts/governance/WorkerPool.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {GovernanceBase} from "./GovernanceBase.sol";
import {MixedProposalHandler} from "./handlers/MixedProposalHandler.sol";
import {MockTarget} from "./mocks/MockTarget.sol";

/// @notice Proposals mixing every mapped selector of the preset: no call ever runs under a lower threshold than
/// its own class's, nor on another route than its class's.
contract ProposalClassesInvariantTest is GovernanceBase {
    MixedProposalHandler internal handler;
    address internal dave;

    function setUp() public override {
        super.setUp();
        dave = makeAddr("dave");
        (address[] memory targets, bytes[] memory datas) = _everyMappedCall();
        address[3] memory voters = [alice, bob, carol];
        handler = new MixedProposalHandler(governor, dave, voters, targets, datas);
        // alice 600,000, bob 300,000, carol 100,000: for shares of 10% steps, 60% and 70% among them.
        _giveVotes(alice, 600_000 ether);
        _giveVotes(bob, 300_000 ether);
        _giveVotes(carol, 100_000 ether);
        // dave proposes: 10,000 staked weight for the worker class (5,000 locked a year, x2), the rest liquid.
        _stake(dave, 5_000 ether, 365 days);
        vm.prank(bank);
        token.transfer(dave, 2_000_000 ether);
        // A 10,000 deposit keeps dave funded for the whole campaign.
        vm.prank(address(registry));
        governor.setParameter(DEPOSIT_KEY, 10_000 ether);

        vm.prank(dave);
        token.approve(address(governor), type(uint256).max);
        vm.warp(block.timestamp + 1);
        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](1);
        selectors[0] = MixedProposalHandler.run.selector;
        targetSelector(address(handler), selectors);
    }

    /// @dev One harmless call per mapped (target, selector), per target class, and an unmapped call.
    function _everyMappedCall() internal returns (address[] memory targets, bytes[] memory datas) {
        address someone = makeAddr("someone");
        targets = new address[](17);
        datas = new bytes[](17);
        uint256 n;
        (targets[n], datas[n++]) = (
            address(treasury),
            abi.encodeCall(Treasury.transfer, (IERC20(address(token)), carol, 1))
        );
        (targets[n], datas[n++]) = (
            address(registry),
            abi.encodeCall(ParameterRegistry.set, (address(governor), DEPOSIT_KEY, 10_100 ether))
        );
        (targets[n], datas[n++]) = (
            address(registry),
            abi.encodeCall(ParameterRegistry.setEmergency, (address(governor), DEPOSIT_KEY, 10_200 ether))
        );
        (targets[n], datas[n++]) = (
            address(workerPool),
            abi.encodeCall(WorkerPool.createGrant, (someone, 1 ether, 30 days))
        );
        (targets[n], datas[n++]) = (address(workerPool), abi.encodeCall(WorkerPool.cancelGrant, (0)));
        (targets[n], datas[n++]) = (address(treasury), abi.encodeCall(GuardianPausable.confirmPause, ()));
        (targets[n], datas[n++]) = (address(workerPool), abi.encodeCall(GuardianPausable.confirmPause, ()));
        (targets[n], datas[n++]) = (address(treasury), abi.encodeCall(GuardianPausable.unpause, ()));
        (targets[n], datas[n++]) = (
            address(manager),
            abi.encodeCall(IAccessManager.grantRole, (Roles.GUARDIAN, someone, 0))
        );
        (targets[n], datas[n++]) = (
            address(manager),
            abi.encodeCall(IAccessManager.setGrantDelay, (Roles.GUARDIAN, 1 days))
        );
        (targets[n], datas[n++]) = (
            address(manager),
            abi.encodeCall(
                IAccessManager.execute,
                (
                    address(registry),
                    abi.encodeCall(ParameterRegistry.setEmergency, (address(governor), DEPOSIT_KEY, 10_300 ether))
                )
            )
        );
        (targets[n], datas[n++]) = (address(normalTimelock), abi.encodeCall(TimelockController.updateDelay, (6 days)));
        (targets[n], datas[n++]) = (
            address(emergencyTimelock),
            abi.encodeCall(IAccessControl.grantRole, (keccak256("PROPOSER_ROLE"), someone))
        );
        (targets[n], datas[n++]) = (
            address(classifier),
            abi.encodeCall(ProposalClassifier.setTargetClass, (address(target), TECHNICAL_CLASS))
        );
        (targets[n], datas[n++]) = (
            address(governor),
            abi.encodeCall(Parameterized.setParameter, (DEPOSIT_KEY, 10_000 ether))
        );
        (targets[n], datas[n++]) = (
            address(registry),
            abi.encodeCall(ParameterRegistry.register, (address(target), DEPOSIT_KEY, 0, 1, 0))
        );
        (targets[n], datas[n++]) = (address(target), abi.encodeCall(MockTarget.setValue, (7)));
        assertEq(n, 17, "every call listed");
    }

    /// @dev The handler's own walk, once: a mixed proposal refused, an access + technical one executed at 100%.
    function test_handler_refusesMixedAndExecutesSingleRoute() public {
        handler.run(5, 2, 0); // confirmPause + treasury transfer: mixed
        assertEq(handler.refusedMixed(), 1, "mixed refused");
        handler.run(8 + (16 << 8), 2, 1 + (1 << 2) + (1 << 4)); // grantRole + setValue, all for
        assertEq(handler.proposed(), 1, "proposed");
        assertEq(handler.executed(), 1, "executed");
        assertEq(handler.violations(), 0, "no violation");
    }

    /// @dev No call ran with a for share below its own class's threshold, nor on another route.
    function invariant_noCallExecutesBelowItsClassThreshold() public view {
        assertEq(handler.violations(), 0, "a call executed under a lower threshold or another route");
    }

    /// @dev Every recorded proposal carries at least the threshold of each of its calls (checked in the handler at
    /// propose); here, the campaign did propose, refuse and execute.
    function invariant_campaignCountsAddUp() public view {
        assertLe(handler.executed(), handler.proposed(), "executed more than proposed");
    }
}
