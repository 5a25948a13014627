// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IAccessManager} from "@openzeppelin/contracts/access/manager/IAccessManager.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {GuardianPausable} from "../../contracts/common/GuardianPausable.sol";
import {ParameterRegistry} from "../../contracts/governance/ParameterRegistry.sol";
import {Treasury} from "../../contracts/governance/Treasury.sol";
import {IGuardianPausable} from "../../contracts/interfaces/IGuardianPausable.sol";
import {IParameterRegistry} from "../../contracts/interfaces/IParameterRegistry.sol";
import {IProposalClassifier} from "../../contracts/interfaces/IProposalClassifier.sol";
import {IProtocolTimelock} from "../../contracts/interfaces/IProtocolTimelock.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {GovernanceBase} from "./GovernanceBase.sol";

/// @notice The governance attacks of issue 20, replayed with their scenarios and numbers on the QUIVer classes:
/// each now fails. Votes: `alice` holds 760,000 and `bob` 240,000 (76% for when alice votes for, bob against).
contract GovernanceAttacksTest is GovernanceBase {
    /// @dev 222 * 7,884,000 and 223 * 7,884,000: the starts of quarters 222 and 223.
    uint256 internal constant EDGE_222 = 1_750_248_000;
    uint256 internal constant EDGE_223 = 1_758_132_000;

    address internal outsider;

    function setUp() public override {
        super.setUp();
        outsider = makeAddr("outsider");
        _giveVotes(alice, 760_000 ether);
        _giveVotes(bob, 240_000 ether);
        vm.warp(block.timestamp + 1);
    }

    // ------------------------------------------------------------------ finding 1: threshold and route

    /// @dev Finding 1, first proposal: confirmPause (emergency, 75%) + AccessManager.execute(registry,
    /// setEmergency(deposit x10)) rode the emergency route at 76%. Mixed routes are now refused at propose.
    function test_attack_emergencyCallCarriesAnAccessCall_refused() public {
        vm.prank(guardian);
        treasury.pause();
        Proposal memory p = _bind(
            _two(
                address(treasury),
                abi.encodeCall(GuardianPausable.confirmPause, ()),
                address(manager),
                abi.encodeCall(
                    IAccessManager.execute,
                    (
                        address(registry),
                        abi.encodeCall(
                            ParameterRegistry.setEmergency,
                            (address(governor), DEPOSIT_KEY, 1_000_000 ether)
                        )
                    )
                ),
                "pause and multiply the deposit by 10"
            ),
            proposer
        );
        vm.prank(proposer);
        vm.expectRevert(abi.encodeWithSelector(IProposalClassifier.MixedRoutes.selector, 0, 1));
        governor.propose(p.targets, p.values, p.calldatas, p.description);
        assertEq(token.balanceOf(proposer), 1_000_000 ether, "no deposit taken");
        assertEq(governor.proposalDeposit(), 100_000 ether, "deposit unchanged");
    }

    /// @dev Finding 1, second proposal: confirmPause + the emergency timelock granting an outsider PROPOSER and
    /// EXECUTOR and setting its delay to 0. Refused at propose; and the emergency timelock is no longer its own
    /// admin, so not even an operation it executes could grant a role on it.
    function test_attack_emergencyTimelockGrantsItselfAnOutsider_refused() public {
        vm.prank(guardian);
        treasury.pause();
        Proposal memory p = _two(
            address(treasury),
            abi.encodeCall(GuardianPausable.confirmPause, ()),
            address(emergencyTimelock),
            abi.encodeCall(IAccessControl.grantRole, (emergencyTimelock.PROPOSER_ROLE(), outsider)),
            "pause and add a proposer"
        );
        _bind(p, proposer);
        vm.prank(proposer);
        vm.expectRevert(abi.encodeWithSelector(IProposalClassifier.MixedRoutes.selector, 0, 1));
        governor.propose(p.targets, p.values, p.calldatas, p.description);

        bytes32 adminRole = emergencyTimelock.DEFAULT_ADMIN_ROLE();
        assertFalse(emergencyTimelock.hasRole(adminRole, address(emergencyTimelock)), "not its own admin");
        assertTrue(emergencyTimelock.hasRole(adminRole, address(normalTimelock)), "the normal timelock administers it");
        bytes32 proposerRole = emergencyTimelock.PROPOSER_ROLE();
        vm.prank(address(emergencyTimelock));
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector,
                address(emergencyTimelock),
                adminRole
            )
        );
        emergencyTimelock.grantRole(proposerRole, outsider);
        assertFalse(emergencyTimelock.hasRole(proposerRole, outsider), "outsider holds nothing");
        assertEq(emergencyTimelock.getMinDelay(), 48 hours, "delay unchanged");
    }

    /// @dev The same access call alone goes the normal route at the access threshold: 76% is not enough.
    function test_attack_accessCallAloneNeedsEightyPercent() public {
        Proposal memory p = _one(
            address(emergencyTimelock),
            abi.encodeCall(IAccessControl.grantRole, (emergencyTimelock.PROPOSER_ROLE(), outsider)),
            "add a proposer to the emergency timelock"
        );
        uint256 id = _decide(p, alice, bob);
        assertEq(uint256(governor.proposalTerms(id).thresholdBps), 8_000, "access threshold");
        assertFalse(governor.proposalTerms(id).emergency, "normal route");
        assertState(id, IGovernor.ProposalState.Defeated, "76% < 80%");
    }

    /// @dev A proposal's threshold is the highest of its calls': a treasury payment (50%) next to an access call
    /// (80%) makes the whole proposal 80%, whichever comes first.
    function test_attack_cheapCallFirstDoesNotLowerTheThreshold() public {
        Proposal memory p = _two(
            address(treasury),
            abi.encodeCall(Treasury.transfer, (IERC20(address(token)), carol, 1 ether)),
            address(manager),
            abi.encodeCall(IAccessManager.grantRole, (Roles.GUARDIAN, outsider, 0)),
            "pay and add a guardian"
        );
        uint256 id = _decide(p, alice, bob);
        assertEq(uint256(governor.proposalTerms(id).classId), ACCESS_CLASS, "access class reported");
        assertEq(uint256(governor.proposalTerms(id).thresholdBps), 8_000, "the highest threshold");
        assertState(id, IGovernor.ProposalState.Defeated, "76% < 80%");
    }

    /// @dev Finding 1, third proposal: raising the emergency delay above 48 hours made every later emergency
    /// queue revert. The timelock now refuses any delay above its ceiling, the governor's delay for its route.
    function test_attack_raisingATimelockDelayAboveTheGovernorsIsRefused() public {
        assertEq(IProtocolTimelock(address(emergencyTimelock)).MAX_DELAY(), 48 hours, "emergency ceiling");
        vm.prank(address(emergencyTimelock));
        vm.expectRevert(abi.encodeWithSelector(IProtocolTimelock.DelayAboveMaximum.selector, 49 hours, 48 hours));
        emergencyTimelock.updateDelay(49 hours);

        // The normal timelock: an 80% proposal passes, its execution reverts, the delay stays 7 days.
        Proposal memory p = _one(
            address(normalTimelock),
            abi.encodeCall(TimelockController.updateDelay, (8 days)),
            "brick the normal route"
        );
        _giveVotes(carol, 3_000_000 ether);
        vm.warp(block.timestamp + 1);
        uint256 id = _decide(p, carol, address(0));
        _queue(p);
        vm.warp(block.timestamp + 7 days);
        vm.expectRevert(abi.encodeWithSelector(IProtocolTimelock.DelayAboveMaximum.selector, 8 days, 7 days));
        _execute(p);
        assertEq(normalTimelock.getMinDelay(), 7 days, "normal delay unchanged");
        assertState(id, IGovernor.ProposalState.Queued, "still queued, never executed");
    }

    // ------------------------------------------------------------------ finding 2: rolling parameter limit

    /// @dev Finding 2: two economic proposals queued in one quarter, executed one second before and at the
    /// quarter edge, moved the deposit 100,000 -> 120,000 -> 144,000 within one second. The second now reverts.
    function test_attack_twoEconomicProposalsAcrossAQuarterEdge_secondRefused() public {
        vm.warp(EDGE_223 - 30 days);
        Proposal memory up = _setDeposit(120_000 ether);
        Proposal memory upAgain = _one(
            address(registry),
            abi.encodeCall(ParameterRegistry.set, (address(governor), DEPOSIT_KEY, 144_000 ether)),
            "economic: deposit again"
        );
        _propose(up);
        _propose(upAgain);
        uint256 id = governor.getProposalId(
            upAgain.targets,
            upAgain.values,
            upAgain.calldatas,
            keccak256(bytes(upAgain.description))
        );
        _toVoting(id);
        _vote(
            governor.getProposalId(up.targets, up.values, up.calldatas, keccak256(bytes(up.description))),
            alice,
            FOR
        );
        _vote(id, alice, FOR);
        _toEnd(id);
        _queue(up);
        _queue(upAgain);

        vm.warp(EDGE_223 - 1);
        _execute(up);
        assertEq(governor.proposalDeposit(), 120_000 ether, "+20% one second before the edge");
        vm.warp(EDGE_223);
        vm.expectRevert(
            abi.encodeWithSelector(
                IParameterRegistry.ChangeTooLarge.selector,
                144_000 ether,
                96_000 ether,
                120_000 ether
            )
        );
        _execute(upAgain);
        assertEq(governor.proposalDeposit(), 120_000 ether, "not 144,000");
    }

    /// @dev Queued operations expire: a proposal not executed within 14 days of its eta can never be.
    function test_RevertWhen_executedAfterTheGracePeriod() public {
        Proposal memory p = _technical(5);
        uint256 id = _decide(p, alice, address(0));
        _queue(p);
        uint256 eta = governor.proposalEta(id);
        vm.warp(eta + 14 days - 1);
        assertState(id, IGovernor.ProposalState.Queued, "last second of the grace period");
        vm.warp(eta + 14 days);
        assertState(id, IGovernor.ProposalState.Expired, "expired");
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Expired,
                bytes32(uint256(1) << uint8(IGovernor.ProposalState.Queued))
            )
        );
        _execute(p);
        assertEq(target.value(), 0, "never executed");
    }

    /// @dev A succeeded proposal used to wait unqueued for ever (nobody can cancel it: only a pending proposal can
    /// be) and could be queued and executed a year later on year-old votes. Now it must be queued within 14 days
    /// of its deadline.
    function test_RevertWhen_queuedAfterTheGracePeriod() public {
        Proposal memory p = _technical(5);
        uint256 id = _decide(p, alice, address(0));
        uint256 deadline = governor.proposalDeadline(id);
        vm.warp(deadline + 14 days - 1);
        assertState(id, IGovernor.ProposalState.Succeeded, "last second to queue");
        vm.warp(deadline + 14 days);
        assertState(id, IGovernor.ProposalState.Expired, "expired unqueued");
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Expired,
                bytes32(uint256(1) << uint8(IGovernor.ProposalState.Succeeded))
            )
        );
        _queue(p);
        vm.warp(deadline + 365 days);
        assertState(id, IGovernor.ProposalState.Expired, "still expired a year later");
        assertEq(target.value(), 0, "never executed");
    }

    function test_queue_withinTheGracePeriod() public {
        Proposal memory p = _technical(5);
        uint256 id = _decide(p, alice, address(0));
        vm.warp(governor.proposalDeadline(id) + 14 days - 1);
        _queue(p);
        assertState(id, IGovernor.ProposalState.Queued, "queued in the last second");
        vm.warp(governor.proposalEta(id));
        _execute(p);
        assertEq(target.value(), 5, "executed");
    }

    function test_execute_withinTheGracePeriod() public {
        Proposal memory p = _technical(5);
        uint256 id = _decide(p, alice, address(0));
        _queue(p);
        vm.warp(governor.proposalEta(id) + 14 days - 1);
        _execute(p);
        assertEq(target.value(), 5, "executed in the last second");
        assertState(id, IGovernor.ProposalState.Executed, "executed");
    }

    // ------------------------------------------------------------------ finding 3: the guardian's cooldown

    /// @dev Finding 3: governance overrules a guardian pause with a 60% proposal (28 days and a few seconds
    /// later); the guardian paused again at once. Now `unpause` starts the cooldown: 30 days.
    function test_attack_guardianRepausesRightAfterGovernanceUnpauses_refused() public {
        vm.prank(guardian);
        treasury.pause();
        Proposal memory lift = _one(address(treasury), abi.encodeCall(GuardianPausable.unpause, ()), "unpause");
        uint256 id = _decide(lift, alice, bob);
        assertEq(uint256(governor.proposalTerms(id).thresholdBps), 6_000, "technical, 60%");
        _queue(lift);
        vm.warp(block.timestamp + 7 days);
        _execute(lift);
        uint256 liftedAt = block.timestamp;
        assertFalse(treasury.paused(), "governance lifted the pause");

        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IGuardianPausable.PauseCooldown.selector, liftedAt + 30 days));
        treasury.pause();
        assertFalse(treasury.paused(), "still unpaused");
        vm.warp(liftedAt + 30 days);
        vm.prank(guardian);
        treasury.pause();
        assertTrue(treasury.paused(), "after the cooldown");
    }

    /// @dev Whatever governance does, the guardian alone holds the module paused at most half the time: it pauses
    /// whenever it can for 300 days, governance lifts each pause after 28 days (or lets it expire).
    function test_guardian_pausedAtMostHalfTheTime() public {
        uint256 start = block.timestamp;
        uint256 pausedSeconds;
        for (uint256 i; i < 10; ++i) {
            vm.warp(treasury.pauseAvailableAt() > block.timestamp ? treasury.pauseAvailableAt() : block.timestamp);
            uint256 pausedAt = block.timestamp;
            vm.prank(guardian);
            treasury.pause();
            if (i % 2 == 0) {
                vm.warp(pausedAt + 28 days);
                vm.prank(address(normalTimelock));
                treasury.unpause();
                pausedSeconds += 28 days;
            } else {
                vm.warp(pausedAt + 30 days);
                pausedSeconds += 30 days;
            }
        }
        vm.warp(treasury.pauseAvailableAt());
        uint256 elapsed = block.timestamp - start;
        assertEq(pausedSeconds, 290 days, "five lifted pauses of 28 days and five expired of 30");
        // Lifted: 28 days paused + 30 days of cooldown; expired: 30 + 30.
        assertEq(elapsed, 5 * 58 days + 5 * 60 days, "each pause followed by a cooldown at least as long");
        assertLe(pausedSeconds * 2, elapsed, "at most half the time");
    }

    /// @dev A pause held longer than the duration now in force (governance lowered it) costs as long a cooldown.
    function test_unpause_cooldownAtLeastTheTimeHeld() public {
        vm.prank(guardian);
        treasury.pause(); // 30 days
        vm.prank(address(registry));
        treasury.setParameter(PAUSE_KEY, 24 days);
        vm.warp(block.timestamp + 29 days);
        vm.prank(address(normalTimelock));
        treasury.unpause();
        assertEq(treasury.pauseAvailableAt(), block.timestamp + 29 days, "29 days held, 29 days of cooldown");
    }

    /// @dev Also reported: confirmPause on an unpaused module froze it indefinitely. It now needs an active
    /// guardian pause, also through a full emergency proposal.
    function test_attack_confirmPauseWithoutAGuardianPause_refused() public {
        Proposal memory p = _one(address(treasury), abi.encodeCall(GuardianPausable.confirmPause, ()), "freeze");
        _decide(p, alice, address(0));
        _queue(p);
        vm.warp(block.timestamp + 48 hours);
        vm.expectRevert(IGuardianPausable.ExpectedPause.selector);
        _execute(p);
        assertFalse(treasury.paused(), "not frozen");
    }

    // ------------------------------------------------------------------ also reported: proposals bound to proposers

    /// @dev A copy of someone else's proposal cannot be proposed: its description names its proposer.
    function test_attack_frontRunCopyAndCancel_refused() public {
        Proposal memory p = _bind(_technical(77), proposer);
        vm.prank(bank);
        token.transfer(attacker, 200_000 ether);
        vm.startPrank(attacker);
        token.approve(address(governor), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorRestrictedProposer.selector, attacker));
        governor.propose(p.targets, p.values, p.calldatas, p.description);
        vm.stopPrank();

        // The attacker's own copy has another id; cancelling it leaves the victim free to propose.
        Proposal memory copy = _technical(77);
        uint256 copyId = _proposeAs(attacker, copy);
        vm.prank(attacker);
        governor.cancel(copy.targets, copy.values, copy.calldatas, keccak256(bytes(copy.description)));
        uint256 id = _propose(p);
        assertTrue(id != copyId, "different ids");
        assertState(id, IGovernor.ProposalState.Pending, "the victim's proposal stands");
    }

    function test_RevertWhen_descriptionNamesNoProposer() public {
        Proposal memory p = _technical(1);
        vm.prank(proposer);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorRestrictedProposer.selector, proposer));
        governor.propose(p.targets, p.values, p.calldatas, p.description);
        assertEq(token.balanceOf(proposer), 1_000_000 ether, "no deposit taken");
    }
}
