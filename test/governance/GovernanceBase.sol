// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";
import {IAccessManager} from "@openzeppelin/contracts/access/manager/IAccessManager.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

import {GuardianPausable} from "../../contracts/common/GuardianPausable.sol";
import {ParameterRegistry} from "../../contracts/governance/ParameterRegistry.sol";
import {ProposalClassifier} from "../../contracts/governance/ProposalClassifier.sol";
import {ProtocolGovernor} from "../../contracts/governance/ProtocolGovernor.sol";
import {ProtocolTimelock} from "../../contracts/governance/ProtocolTimelock.sol";
import {Treasury} from "../../contracts/governance/Treasury.sol";
import {VotingPower} from "../../contracts/governance/VotingPower.sol";
import {WorkerPool} from "../../contracts/governance/WorkerPool.sol";
import {IProposalClassifier} from "../../contracts/interfaces/IProposalClassifier.sol";
import {IProtocolGovernor} from "../../contracts/interfaces/IProtocolGovernor.sol";
import {IVotingWeight} from "../../contracts/interfaces/IVotingWeight.sol";
import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";
import {QryNumbers} from "../utils/QryNumbers.sol";
import {QuiverNumbers} from "../utils/QuiverNumbers.sol";
import {Test} from "../utils/Test.sol";
import {Wiring} from "../utils/Wiring.sol";
import {MockTarget} from "./mocks/MockTarget.sol";
import {MockVotingWeight} from "./mocks/MockVotingWeight.sol";

/// @notice The governance system wired as deploy/modules/Governance.ts + WorkerProposals.ts wire it, with the
/// QRY preset's classes (QUIVer's six plus the worker class) and QUIVer's numbers (test/utils/QuiverNumbers.sol and
/// QryNumbers.sol, generated from the presets). The deployer (`admin`) renounces the manager's admin role at the
/// end, like GovernanceHandover.ts.
///
/// Supply: 10,000,000 QUIV, so the 4% quorum is 400,000 votes. `bank` holds 4,000,000 undelegated tokens
/// that tests hand to voters; the treasury holds 5,000,000; `proposer` holds 1,000,000 and approved the
/// governor for deposits.
abstract contract GovernanceBase is Test {
    // ---------------------------------------------------------------- the preset's numbers
    uint48 internal constant VOTING_DELAY = uint48(QuiverNumbers.GOVERNOR_VOTING_DELAY);
    uint32 internal constant VOTING_PERIOD = uint32(QuiverNumbers.GOVERNOR_VOTING_PERIOD);
    uint48 internal constant NORMAL_DELAY = uint48(QuiverNumbers.NORMAL_DELAY);
    uint48 internal constant EMERGENCY_DELAY = uint48(QuiverNumbers.EMERGENCY_DELAY);
    uint16 internal constant QUORUM_BPS = uint16(QuiverNumbers.QUORUM_BPS);
    uint256 internal constant DEPOSIT = QuiverNumbers.PROPOSAL_DEPOSIT;
    uint256 internal constant PAUSE = QuiverNumbers.PAUSE_DURATION;
    uint256 internal constant QUORUM = 400_000 ether; // 4% of this base's 10,000,000, by hand
    uint256 internal constant WORKER_MIN_STAKE = QryNumbers.WORKER_MIN_STAKE;

    uint8 internal constant TREASURY_CLASS = uint8(QryNumbers.TREASURY_CLASS);
    uint8 internal constant ECONOMIC_CLASS = uint8(QryNumbers.ECONOMIC_CLASS);
    uint8 internal constant TECHNICAL_CLASS = uint8(QryNumbers.TECHNICAL_CLASS);
    uint8 internal constant ACCESS_CLASS = uint8(QryNumbers.ACCESS_CLASS);
    uint8 internal constant EMERGENCY_CLASS = uint8(QryNumbers.EMERGENCY_CLASS);
    uint8 internal constant EMERGENCY_PARAMETER_CLASS = uint8(QryNumbers.EMERGENCY_PARAMETER_CLASS);
    uint8 internal constant WORKER_CLASS = uint8(QryNumbers.WORKER_CLASS);

    uint8 internal constant AGAINST = 0;
    uint8 internal constant FOR = 1;
    uint8 internal constant ABSTAIN = 2;

    uint256 internal constant START = 1_750_000_000;

    // ---------------------------------------------------------------- the system
    AccessManager internal manager;
    ProtocolToken internal token;
    ParameterRegistry internal registry;
    MockVotingWeight internal staking;
    VotingPower internal votingPower;
    ProposalClassifier internal classifier;
    Treasury internal treasury;
    WorkerPool internal workerPool;
    TimelockController internal normalTimelock;
    TimelockController internal emergencyTimelock;
    ProtocolGovernor internal governor;
    MockTarget internal target;

    address internal admin;
    address internal guardian;
    address internal bank;
    address internal proposer;
    address internal alice;
    address internal bob;
    address internal carol;
    address internal attacker;

    bytes32 internal DEPOSIT_KEY;
    bytes32 internal PAUSE_KEY;

    /// @dev What the governor's first proposal ever pays on top of its deposit and keeps for good (1 wei).
    uint256 internal constant RESERVE = 1;

    function setUp() public virtual {
        vm.warp(START);
        admin = makeAddr("admin");
        guardian = makeAddr("guardian");
        bank = makeAddr("bank");
        proposer = makeAddr("proposer");
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        carol = makeAddr("carol");
        attacker = makeAddr("attacker");

        vm.startPrank(admin);
        manager = new AccessManager(admin);
        token = new ProtocolToken("QUIVer", "QUIV", 1_000_000_000 ether, address(manager));
        registry = new ParameterRegistry(address(manager));
        staking = new MockVotingWeight(IERC20(address(token)));
        votingPower = new VotingPower(IERC5805(address(token)), IVotingWeight(address(staking)));
        classifier = new ProposalClassifier(address(manager), _classes(), uint8(QryNumbers.DEFAULT_CLASS));
        treasury = new Treasury(address(manager), PAUSE);
        workerPool = new WorkerPool(address(manager), IERC20(address(token)), PAUSE);
        address[] memory none = new address[](0);
        normalTimelock = new ProtocolTimelock(NORMAL_DELAY, NORMAL_DELAY, none, none, admin);
        emergencyTimelock = new ProtocolTimelock(EMERGENCY_DELAY, EMERGENCY_DELAY, none, none, admin);
        governor = new ProtocolGovernor(
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
            })
        );
        target = new MockTarget();
        _wire();
        _genesis();
        manager.renounceRole(Roles.ADMIN, admin);
        vm.stopPrank();

        DEPOSIT_KEY = governor.PROPOSAL_DEPOSIT();
        PAUSE_KEY = treasury.PAUSE_DURATION();
        vm.prank(proposer);
        token.approve(address(governor), type(uint256).max);
        // Checkpoints written in setUp must lie in the past before anyone proposes.
        vm.warp(START + 1);
    }

    function _classes() internal pure returns (IProposalClassifier.ProposalClass[] memory) {
        return QryNumbers.proposalClasses();
    }

    /// @dev Mirrors deploy/modules/Parameters.ts, Governance.ts and WorkerProposals.ts. The normal timelock
    /// administers the emergency timelock, which is not its own admin.
    function _wire() private {
        for (uint256 i; i < 2; ++i) {
            TimelockController t = i == 0 ? normalTimelock : emergencyTimelock;
            t.grantRole(t.PROPOSER_ROLE(), address(governor));
            t.grantRole(t.EXECUTOR_ROLE(), address(governor));
            t.grantRole(t.CANCELLER_ROLE(), address(governor));
        }
        bytes32 adminRole = emergencyTimelock.DEFAULT_ADMIN_ROLE();
        emergencyTimelock.grantRole(adminRole, address(normalTimelock));
        emergencyTimelock.revokeRole(adminRole, address(emergencyTimelock));
        normalTimelock.renounceRole(adminRole, admin);
        emergencyTimelock.renounceRole(adminRole, admin);
        // Function roles as the presets deploy them (test/utils/Wiring.sol, generated from the deployed presets).
        Wiring.parameterRegistry(manager, address(registry));
        Wiring.treasury(manager, address(treasury));
        Wiring.protocolGovernor(manager, address(governor));
        Wiring.workerPool(manager, address(workerPool));
        Wiring.protocolToken(manager, address(token));
        manager.grantRole(Roles.PARAMETER_REGISTRY, address(registry), 0);
        manager.grantRole(Roles.ADMIN, address(normalTimelock), 0);
        manager.grantRole(Roles.GOVERNOR, address(normalTimelock), 0);
        manager.grantRole(Roles.EMERGENCY, address(emergencyTimelock), 0);
        manager.grantRole(Roles.GUARDIAN, guardian, 0);
        registry.register(
            address(governor),
            governor.PROPOSAL_DEPOSIT(),
            QuiverNumbers.PROPOSAL_DEPOSIT_MIN,
            QuiverNumbers.PROPOSAL_DEPOSIT_MAX,
            QuiverNumbers.PROPOSAL_DEPOSIT_STEP
        );

        _wirePausable(address(treasury));
        _wirePausable(address(workerPool));

        _classify(address(treasury), Treasury.transfer.selector, TREASURY_CLASS);
        _classify(address(registry), ParameterRegistry.set.selector, ECONOMIC_CLASS);
        _classify(address(registry), ParameterRegistry.setEmergency.selector, EMERGENCY_PARAMETER_CLASS);
        _classify(address(workerPool), WorkerPool.createGrant.selector, WORKER_CLASS);
        _classify(address(workerPool), WorkerPool.cancelGrant.selector, WORKER_CLASS);
        // Role and delay changes, by selector (Governance.ts maps every one of them; a few here).
        _classify(address(manager), IAccessManager.grantRole.selector, ACCESS_CLASS);
        _classify(address(manager), IAccessManager.revokeRole.selector, ACCESS_CLASS);
        _classify(address(manager), IAccessManager.setGrantDelay.selector, ACCESS_CLASS);
        for (uint256 i; i < 2; ++i) {
            TimelockController t = i == 0 ? normalTimelock : emergencyTimelock;
            _classify(address(t), IAccessControl.grantRole.selector, ACCESS_CLASS);
            _classify(address(t), IAccessControl.revokeRole.selector, ACCESS_CLASS);
            _classify(address(t), TimelockController.updateDelay.selector, ACCESS_CLASS);
        }
        classifier.setTargetClass(address(manager), ACCESS_CLASS);
        classifier.setTargetClass(address(normalTimelock), ACCESS_CLASS);
        classifier.setTargetClass(address(emergencyTimelock), ACCESS_CLASS);
        classifier.setTargetClass(address(classifier), ACCESS_CLASS);
        classifier.setTargetClass(address(governor), ACCESS_CLASS);
        classifier.setTargetClass(address(registry), ACCESS_CLASS);
    }

    function _wirePausable(address module) private {
        registry.register(
            module,
            keccak256("pause.duration"),
            QuiverNumbers.PAUSE_DURATION_MIN,
            QuiverNumbers.PAUSE_DURATION_MAX,
            QuiverNumbers.PAUSE_DURATION_STEP
        );
        _classify(module, GuardianPausable.confirmPause.selector, EMERGENCY_CLASS);
    }

    function _genesis() private {
        manager.grantRole(Roles.MINTER, admin, 0);
        token.mint(address(treasury), 5_000_000 ether);
        token.mint(bank, 4_000_000 ether);
        token.mint(proposer, 1_000_000 ether);
        manager.revokeRole(Roles.MINTER, admin);
    }

    function _classify(address module, bytes4 selector, uint8 classId) private {
        bytes4[] memory selectors = new bytes4[](1);
        selectors[0] = selector;
        classifier.setSelectorClass(module, selectors, classId);
    }

    // ---------------------------------------------------------------- helpers

    /// @dev Gives `voter` `amount` liquid tokens from the bank, self-delegated.
    function _giveVotes(address voter, uint256 amount) internal {
        vm.prank(bank);
        token.transfer(voter, amount);
        vm.prank(voter);
        token.delegate(voter);
    }

    /// @dev Gives `voter` `amount` tokens from the bank and stakes them for `lockDuration` in the mock.
    function _stake(address voter, uint256 amount, uint256 lockDuration) internal {
        vm.prank(bank);
        token.transfer(voter, amount);
        vm.startPrank(voter);
        token.approve(address(staking), amount);
        staking.stake(amount, lockDuration);
        vm.stopPrank();
    }

    struct Proposal {
        address[] targets;
        uint256[] values;
        bytes[] calldatas;
        string description;
    }

    function _one(address to, bytes memory data, string memory description) internal pure returns (Proposal memory p) {
        p.targets = new address[](1);
        p.targets[0] = to;
        p.values = new uint256[](1);
        p.calldatas = new bytes[](1);
        p.calldatas[0] = data;
        p.description = description;
    }

    function _two(
        address to0,
        bytes memory data0,
        address to1,
        bytes memory data1,
        string memory description
    ) internal pure returns (Proposal memory p) {
        p.targets = new address[](2);
        p.targets[0] = to0;
        p.targets[1] = to1;
        p.values = new uint256[](2);
        p.calldatas = new bytes[](2);
        p.calldatas[0] = data0;
        p.calldatas[1] = data1;
        p.description = description;
    }

    function _technical(uint256 value) internal view returns (Proposal memory) {
        return _one(address(target), abi.encodeCall(MockTarget.setValue, (value)), "technical: set the target");
    }

    function _treasurySpend(address to, uint256 amount) internal view returns (Proposal memory) {
        return
            _one(
                address(treasury),
                abi.encodeCall(Treasury.transfer, (IERC20(address(token)), to, amount)),
                "treasury: pay"
            );
    }

    function _setDeposit(uint256 value) internal view returns (Proposal memory) {
        return
            _one(
                address(registry),
                abi.encodeCall(ParameterRegistry.set, (address(governor), DEPOSIT_KEY, value)),
                "economic: deposit"
            );
    }

    function _setDepositEmergency(uint256 value) internal view returns (Proposal memory) {
        return
            _one(
                address(registry),
                abi.encodeCall(ParameterRegistry.setEmergency, (address(governor), DEPOSIT_KEY, value)),
                "emergency: deposit"
            );
    }

    function _propose(Proposal memory p) internal returns (uint256) {
        return _proposeAs(proposer, p);
    }

    /// @dev Proposes as `who`, binding the description to `who` first (`p.description` is updated in place).
    function _proposeAs(address who, Proposal memory p) internal returns (uint256 id) {
        if (!_bound(p, who)) _bind(p, who);
        vm.prank(who);
        id = governor.propose(p.targets, p.values, p.calldatas, p.description);
    }

    /// @dev Whether `p.description` already ends with `who`'s `#proposer=` suffix.
    function _bound(Proposal memory p, address who) internal pure returns (bool) {
        bytes memory text = bytes(p.description);
        bytes memory suffix = bytes(string.concat("#proposer=", Strings.toHexString(who)));
        if (text.length < suffix.length) return false;
        for (uint256 i; i < suffix.length; ++i) {
            if (text[text.length - suffix.length + i] != suffix[i]) return false;
        }
        return true;
    }

    /// @dev Appends the `#proposer=` suffix the governor requires (`p.description` is updated in place).
    function _bind(Proposal memory p, address who) internal pure returns (Proposal memory) {
        p.description = string.concat(p.description, "#proposer=", Strings.toHexString(who));
        return p;
    }

    function _vote(uint256 id, address voter, uint8 support) internal returns (uint256 weight) {
        vm.prank(voter);
        weight = governor.castVote(id, support);
    }

    function _toVoting(uint256 id) internal {
        vm.warp(governor.proposalSnapshot(id) + 1);
    }

    function _toEnd(uint256 id) internal {
        vm.warp(governor.proposalDeadline(id) + 1);
    }

    function _queue(Proposal memory p) internal returns (uint256) {
        return governor.queue(p.targets, p.values, p.calldatas, keccak256(bytes(p.description)));
    }

    function _execute(Proposal memory p) internal returns (uint256) {
        return governor.execute(p.targets, p.values, p.calldatas, keccak256(bytes(p.description)));
    }

    /// @dev Proposes, has `yes` vote for and `no` against (each already holding votes), ends the vote.
    function _decide(Proposal memory p, address yes, address no) internal returns (uint256 id) {
        id = _propose(p);
        _toVoting(id);
        if (yes != address(0)) _vote(id, yes, FOR);
        if (no != address(0)) _vote(id, no, AGAINST);
        _toEnd(id);
    }

    /// @dev Proposes, passes with `alice` alone (1,000,000 votes for), queues, waits the delay and executes.
    function _pass(Proposal memory p) internal returns (uint256 id) {
        if (votingPower.getVotes(alice) == 0) _giveVotes(alice, 1_000_000 ether);
        vm.warp(block.timestamp + 1);
        id = _decide(p, alice, address(0));
        _queue(p);
        vm.warp(block.timestamp + governor.timelockDelay(governor.proposalTerms(id).emergency));
        _execute(p);
    }

    function _state(uint256 id) internal view returns (IGovernor.ProposalState) {
        return governor.state(id);
    }

    function assertState(uint256 id, IGovernor.ProposalState expected, string memory err) internal view {
        assertEq(uint256(governor.state(id)), uint256(expected), err);
    }
}
