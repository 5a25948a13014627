// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IERC6372} from "@openzeppelin/contracts/interfaces/IERC6372.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

import {IProposalClassifier} from "../interfaces/IProposalClassifier.sol";
import {IProtocolTimelock} from "../interfaces/IProtocolTimelock.sol";
import {IProtocolGovernor} from "../interfaces/IProtocolGovernor.sol";
import {IVotingPower} from "../interfaces/IVotingPower.sol";
import {IVotingWeight} from "../interfaces/IVotingWeight.sol";
import {Parameterized} from "../common/Parameterized.sol";
import {BPS} from "../common/Constants.sol";
import {ProposerSuffix} from "../libraries/ProposerSuffix.sol";

/// @title ProtocolGovernor
/// @notice OpenZeppelin Governor with class thresholds, a proposal deposit and a normal and an emergency timelock.
/// @dev Two TimelockControllers rather than one: each holds only the powers of its route in the AccessManager
/// (the normal one GOVERNOR and ADMIN, the emergency one EMERGENCY), so an emergency proposal (48 hours) can
/// only do emergency things, and the delay is chosen by the proposal's class, fixed here at deployment, never
/// by the timelock's own settings. The queue logic follows OpenZeppelin's GovernorTimelockControl.
contract ProtocolGovernor is IProtocolGovernor, Governor, GovernorCountingSimple, Parameterized {
    using SafeERC20 for IERC20;

    /// @inheritdoc IProtocolGovernor
    bytes32 public constant PROPOSAL_DEPOSIT = keccak256("governance.proposalDeposit");

    /// @inheritdoc IProtocolGovernor
    uint256 public constant GRACE_PERIOD = 14 days;
    /// @inheritdoc IProtocolGovernor
    uint256 public constant DEPOSIT_RESERVE = 1;

    IVotingPower private immutable _VOTING_POWER;
    IVotingWeight private immutable _STAKE;
    address private immutable _TOKEN;
    IProposalClassifier private immutable _CLASSIFIER;
    TimelockController private immutable _NORMAL_TIMELOCK;
    TimelockController private immutable _EMERGENCY_TIMELOCK;
    address private immutable _TREASURY;
    uint48 private immutable _VOTING_DELAY;
    uint32 private immutable _VOTING_PERIOD;
    uint48 private immutable _NORMAL_DELAY;
    uint48 private immutable _EMERGENCY_DELAY;
    uint16 private immutable _QUORUM_BPS;

    /// @dev A proposal, in the governor's own record rather than OpenZeppelin's `_proposals` (never written): all
    /// `propose` writes fits the first slot (the terms cost no slot of their own); the eta, written by `queue`, takes
    /// the second. `depositId` names the deposit in `_depositAmounts` (zero: none, or settled).
    struct ProposalRecord {
        address proposer;
        uint40 voteStart;
        uint16 thresholdBps;
        uint8 classId;
        uint8 flags;
        uint24 depositId;
        uint48 eta;
    }

    /// @dev The deposit parameter and the id `_depositAmounts` keeps it under, read in one slot by `propose`, with
    /// whether the governor holds its permanent `DEPOSIT_RESERVE` yet.
    struct DepositParameter {
        uint96 amount;
        uint24 id;
        bool reserveHeld;
    }

    uint8 private constant _EXECUTED = 1;
    uint8 private constant _CANCELED = 2;
    uint8 private constant _EMERGENCY = 4;

    /// @dev Every state but Canceled, Expired and Executed: those `_cancel` accepts (as OpenZeppelin's).
    bytes32 private constant _CANCELLABLE_STATES = bytes32(
        (2 ** (uint256(type(ProposalState).max) + 1) - 1) ^
            (1 << uint8(ProposalState.Canceled)) ^
            (1 << uint8(ProposalState.Expired)) ^
            (1 << uint8(ProposalState.Executed))
    );

    DepositParameter private _deposit;
    /// @dev Each value the deposit parameter took, by id (from 1): a proposal names its deposit in 24 bits. Ids are
    /// never reused; 16,777,215 of them last about 29,000 proposals each packed with ~580 deposit changes (a 30M-gas
    /// execute) where 16 bits lasted ~114 (audit s10, F1: the deposit frozen for good once they ran out).
    mapping(uint24 depositId => uint96 amount) private _depositAmounts;
    mapping(uint256 proposalId => ProposalRecord) private _records;

    /// @notice Deploys the governor with the preset's settings.
    /// @param config The settings (see `IProtocolGovernor.Config`).
    constructor(Config memory config) Governor(config.name) AccessManaged(config.authority) {
        if (
            config.votingPower == address(0) ||
            config.classifier == address(0) ||
            config.normalTimelock == address(0) ||
            config.emergencyTimelock == address(0) ||
            config.treasury == address(0)
        ) revert ZeroAddress();
        if (config.emergencyDelay == 0 || config.emergencyDelay >= config.normalDelay) {
            revert InvalidTimelockDelays(config.normalDelay, config.emergencyDelay);
        }
        _requireDelayCeiling(config.normalTimelock, config.normalDelay);
        _requireDelayCeiling(config.emergencyTimelock, config.emergencyDelay);
        if (config.votingPeriod == 0) revert GovernorInvalidVotingPeriod(0);
        if (config.quorumBps == 0 || config.quorumBps > BPS) revert InvalidQuorum(config.quorumBps);

        _VOTING_POWER = IVotingPower(config.votingPower);
        _STAKE = IVotingWeight(IVotingPower(config.votingPower).votingWeight());
        _TOKEN = IVotingPower(config.votingPower).token();
        _CLASSIFIER = IProposalClassifier(config.classifier);
        _NORMAL_TIMELOCK = TimelockController(payable(config.normalTimelock));
        _EMERGENCY_TIMELOCK = TimelockController(payable(config.emergencyTimelock));
        _TREASURY = config.treasury;
        _VOTING_DELAY = config.votingDelay;
        _VOTING_PERIOD = config.votingPeriod;
        _NORMAL_DELAY = config.normalDelay;
        _EMERGENCY_DELAY = config.emergencyDelay;
        _QUORUM_BPS = config.quorumBps;
        _storeDeposit(config.proposalDeposit);
    }

    // ------------------------------------------------------------------ deposit

    /// @inheritdoc IProtocolGovernor
    function settleDeposit(uint256 proposalId) external {
        ProposalRecord storage proposal = _records[proposalId];
        uint24 depositId = proposal.depositId;
        if (depositId == 0) revert NoDeposit(proposalId);
        ProposalState current = state(proposalId);
        if (current == ProposalState.Pending || current == ProposalState.Active) {
            revert DepositLocked(proposalId, current);
        }

        proposal.depositId = 0;
        uint256 deposit = _depositAmounts[depositId];
        address proposer = proposal.proposer;
        if (current == ProposalState.Defeated && !_quorumReached(proposalId)) {
            emit DepositForfeited(proposalId, proposer, deposit);
            IERC20(_TOKEN).safeTransfer(_TREASURY, deposit);
        } else {
            emit DepositRefunded(proposalId, proposer, deposit);
            IERC20(_TOKEN).safeTransfer(proposer, deposit);
        }
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IProtocolGovernor
    function proposalTerms(uint256 proposalId) external view returns (ProposalTerms memory) {
        ProposalRecord storage proposal = _records[proposalId];
        return
            ProposalTerms({
                deposit: _depositAmounts[proposal.depositId],
                thresholdBps: proposal.thresholdBps,
                emergency: proposal.flags & _EMERGENCY != 0,
                classId: proposal.classId
            });
    }

    /// @inheritdoc IProtocolGovernor
    function proposalDeposit() external view returns (uint256) {
        return _deposit.amount;
    }

    /// @inheritdoc IProtocolGovernor
    function depositDue() external view returns (uint256) {
        DepositParameter memory deposit = _deposit;
        return deposit.amount == 0 || deposit.reserveHeld ? deposit.amount : deposit.amount + DEPOSIT_RESERVE;
    }

    /// @inheritdoc IProtocolGovernor
    function holdsDepositReserve() external view returns (bool) {
        return _deposit.reserveHeld;
    }

    /// @inheritdoc IProtocolGovernor
    function timelockDelay(bool emergency) external view returns (uint256) {
        return emergency ? _EMERGENCY_DELAY : _NORMAL_DELAY;
    }

    /// @inheritdoc IProtocolGovernor
    function timelockOf(bool emergency) external view returns (address) {
        return address(_timelock(emergency));
    }

    /// @inheritdoc IProtocolGovernor
    function quorumBps() external view returns (uint256) {
        return _QUORUM_BPS;
    }

    /// @inheritdoc IProtocolGovernor
    function votingPower() external view returns (address) {
        return address(_VOTING_POWER);
    }

    /// @inheritdoc IProtocolGovernor
    function classifier() external view returns (address) {
        return address(_CLASSIFIER);
    }

    /// @inheritdoc IProtocolGovernor
    function treasury() external view returns (address) {
        return _TREASURY;
    }

    /// @notice Reads a governed parameter: `PROPOSAL_DEPOSIT`.
    /// @param key The parameter's key.
    /// @return The value; reverts with `UnknownParameter` for other keys.
    function parameter(bytes32 key) external view returns (uint256) {
        if (key == PROPOSAL_DEPOSIT) return _deposit.amount;
        revert UnknownParameter(key);
    }

    /// @notice Seconds between a proposal and its snapshot (the discussion period).
    /// @return The voting delay.
    function votingDelay() public view override(Governor, IGovernor) returns (uint256) {
        return _VOTING_DELAY;
    }

    /// @notice Seconds of voting.
    /// @return The voting period.
    function votingPeriod() public view override(Governor, IGovernor) returns (uint256) {
        return _VOTING_PERIOD;
    }

    /// @notice Votes cast (for + against + abstain) a proposal needs: `quorumBps` of the token's total supply at
    /// `timepoint`, rounded up.
    /// @param timepoint A past timestamp (a proposal's snapshot).
    /// @return The quorum, in votes.
    function quorum(uint256 timepoint) public view override(Governor, IGovernor) returns (uint256) {
        return Math.mulDiv(IVotes(_TOKEN).getPastTotalSupply(timepoint), _QUORUM_BPS, BPS, Math.Rounding.Ceil);
    }

    /// @notice The current timepoint: the block timestamp (ERC-6372), like the vote source's.
    /// @return The block timestamp.
    function clock() public view override(Governor, IERC6372) returns (uint48) {
        return Time.timestamp();
    }

    // solhint-disable func-name-mixedcase
    /// @notice ERC-6372 clock description.
    /// @return "mode=timestamp".
    function CLOCK_MODE() public pure override(Governor, IERC6372) returns (string memory) {
        return "mode=timestamp";
    }

    /// @notice Vote types are for, against and abstain; all three count toward the quorum.
    /// @return The counting mode string (see IGovernor).
    function COUNTING_MODE() public pure override(GovernorCountingSimple, IGovernor) returns (string memory) {
        return "support=bravo&quorum=for,against,abstain";
    }
    // solhint-enable func-name-mixedcase

    /// @notice A proposal's state; a succeeded proposal not queued within `GRACE_PERIOD` after its deadline, or a
    /// queued one not executed within `GRACE_PERIOD` after its eta, is Expired.
    /// @dev OpenZeppelin's state machine, on the governor's own record (one read for the flags, the start and the
    /// threshold). Executed and Canceled come from that record: only the governor executes and cancels on its
    /// timelocks.
    /// @param proposalId The proposal.
    /// @return The state.
    function state(uint256 proposalId) public view override(Governor, IGovernor) returns (ProposalState) {
        ProposalRecord storage proposal = _records[proposalId];
        (uint256 flags, uint256 snapshot) = (proposal.flags, proposal.voteStart);
        if (flags & _EXECUTED != 0) return ProposalState.Executed;
        if (flags & _CANCELED != 0) return ProposalState.Canceled;
        if (snapshot == 0) revert GovernorNonexistentProposal(proposalId);

        uint256 now_ = clock();
        if (snapshot >= now_) return ProposalState.Pending;
        uint256 deadline = snapshot + _VOTING_PERIOD;
        if (deadline >= now_) return ProposalState.Active;
        if (!_quorumReached(proposalId) || !_voteSucceeded(proposalId)) return ProposalState.Defeated;

        uint256 eta = proposal.eta;
        if (eta == 0) return now_ >= deadline + GRACE_PERIOD ? ProposalState.Expired : ProposalState.Succeeded;
        return now_ >= eta + GRACE_PERIOD ? ProposalState.Expired : ProposalState.Queued;
    }

    /// @notice When voting starts: votes count at this timepoint; zero for an unknown proposal.
    /// @param proposalId The proposal.
    /// @return The snapshot timepoint.
    function proposalSnapshot(uint256 proposalId) public view override(Governor, IGovernor) returns (uint256) {
        return _records[proposalId].voteStart;
    }

    /// @notice When voting ends (inclusive): the snapshot plus the (immutable) voting period; zero for an unknown
    /// proposal (as OpenZeppelin's).
    /// @param proposalId The proposal.
    /// @return The deadline timepoint.
    function proposalDeadline(uint256 proposalId) public view override(Governor, IGovernor) returns (uint256) {
        uint256 voteStart = _records[proposalId].voteStart;
        return voteStart == 0 ? 0 : voteStart + uint256(_VOTING_PERIOD);
    }

    /// @notice Who proposed it; zero for an unknown proposal.
    /// @param proposalId The proposal.
    /// @return The proposer.
    function proposalProposer(uint256 proposalId) public view override(Governor, IGovernor) returns (address) {
        return _records[proposalId].proposer;
    }

    /// @notice When a queued proposal becomes executable; zero if it was never queued.
    /// @param proposalId The proposal.
    /// @return The eta, in seconds.
    function proposalEta(uint256 proposalId) public view override(Governor, IGovernor) returns (uint256) {
        return _records[proposalId].eta;
    }

    /// @notice Queues a succeeded proposal on its route's timelock (OpenZeppelin's `queue`, on the own record).
    /// @param targets The calls' targets.
    /// @param values The calls' values.
    /// @param calldatas The calls' data.
    /// @param descriptionHash The description's keccak256.
    /// @return proposalId The proposal.
    function queue(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) public override(Governor, IGovernor) returns (uint256 proposalId) {
        proposalId = getProposalId(targets, values, calldatas, descriptionHash);
        _validateStateBitmap(proposalId, _encodeStateBitmap(ProposalState.Succeeded));
        uint48 eta = _queueOperations(proposalId, targets, values, calldatas, descriptionHash);
        _records[proposalId].eta = eta;
        emit ProposalQueued(proposalId, eta);
    }

    /// @notice Executes a queued proposal through its route's timelock once its eta has passed (OpenZeppelin's
    /// `execute`, on the own record, marked executed before the calls).
    /// @dev OpenZeppelin's governance-call queue is not kept: it only serves `onlyGovernance`, which guards nothing
    /// here (`relay` is disabled); the governor's own settings are `restricted` to the normal timelock.
    /// @param targets The calls' targets.
    /// @param values The calls' values.
    /// @param calldatas The calls' data.
    /// @param descriptionHash The description's keccak256.
    /// @return proposalId The proposal.
    function execute(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) public payable override(Governor, IGovernor) returns (uint256 proposalId) {
        proposalId = getProposalId(targets, values, calldatas, descriptionHash);
        _validateStateBitmap(proposalId, _encodeStateBitmap(ProposalState.Queued));
        _records[proposalId].flags |= _EXECUTED;
        _executeOperations(proposalId, targets, values, calldatas, descriptionHash);
        emit ProposalExecuted(proposalId);
    }

    /// @notice Every proposal goes through a timelock.
    /// @return True.
    function proposalNeedsQueuing(uint256) public pure override(Governor, IGovernor) returns (bool) {
        return true;
    }

    /// @notice Disabled: the governor holds deposits, which no proposal may move.
    function relay(address, uint256, bytes calldata) public payable override {
        revert RelayDisabled();
    }

    // ------------------------------------------------------------------ internals

    /// @dev OpenZeppelin's `_propose` on the governor's own record: classifies the proposal by its calls, checks the
    /// proposer's stake where a call's class asks for one, writes the record (one slot) and takes the deposit (last:
    /// an external call to the token).
    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal override returns (uint256 proposalId) {
        proposalId = getProposalId(targets, values, calldatas, keccak256(bytes(description)));
        if (targets.length != values.length || targets.length != calldatas.length || targets.length == 0) {
            revert GovernorInvalidProposalLength(targets.length, calldatas.length, values.length);
        }
        ProposalRecord storage proposal = _records[proposalId];
        // A cancelled proposal keeps its record: the same content cannot be proposed again (as OpenZeppelin).
        if (proposal.voteStart != 0) {
            revert GovernorUnexpectedProposalState(proposalId, state(proposalId), bytes32(0));
        }
        (uint8 classId, IProposalClassifier.ProposalClass memory class_, uint256 minWeight) = _CLASSIFIER.classify(
            targets,
            calldatas
        );
        if (minWeight != 0) _requireProposerStake(proposer, minWeight);

        DepositParameter memory deposit = _deposit;
        uint256 snapshot = clock() + _VOTING_DELAY;
        _writeRecord(proposal, proposer, snapshot, classId, class_, deposit.amount == 0 ? 0 : deposit.id);

        _emitCreated(proposalId, proposer, targets, values, calldatas, snapshot, description);
        emit ProposalClassified(proposalId, classId, class_.thresholdBps, class_.emergency, deposit.amount);
        if (deposit.amount != 0) {
            uint256 taken = deposit.amount;
            if (!deposit.reserveHeld) {
                // The governor's first deposit ever also takes the 1-wei reserve, kept for good: the governor's
                // token balance never returns to zero, so no later proposal pays for a fresh balance slot.
                _deposit.reserveHeld = true;
                taken += DEPOSIT_RESERVE;
                emit DepositReserveTaken(proposer, DEPOSIT_RESERVE);
            }
            IERC20(_TOKEN).safeTransferFrom(proposer, address(this), taken);
        }
    }

    /// @dev Cancels on the own record (OpenZeppelin's `_cancel`): any state but Canceled, Expired and Executed.
    function _cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override returns (uint256 proposalId) {
        proposalId = getProposalId(targets, values, calldatas, descriptionHash);
        _validateStateBitmap(proposalId, _CANCELLABLE_STATES);
        _records[proposalId].flags |= _CANCELED;
        emit ProposalCanceled(proposalId);
    }

    /// @dev Schedules on the route's timelock with the route's delay (GovernorTimelockControl, two timelocks).
    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override returns (uint48) {
        bool emergency = _records[proposalId].flags & _EMERGENCY != 0;
        TimelockController timelock = _timelock(emergency);
        uint256 delay = emergency ? _EMERGENCY_DELAY : _NORMAL_DELAY;
        timelock.scheduleBatch(targets, values, calldatas, 0, _timelockSalt(descriptionHash), delay);
        return SafeCast.toUint48(block.timestamp + delay);
    }

    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override {
        TimelockController timelock = _timelock(_records[proposalId].flags & _EMERGENCY != 0);
        timelock.executeBatch{value: msg.value}(targets, values, calldatas, 0, _timelockSalt(descriptionHash));
    }

    /// @dev Proposals are bound to their proposer: the description must end with `#proposer=0x<proposer>`, the
    /// address in lower-case hex (OpenZeppelin's suffix, made mandatory and compared as bytes rather than parsed),
    /// so nobody can take a proposal's id by proposing a copy first and then block it by cancelling the copy.
    /// (Only pending proposals can be cancelled, by their proposer, so no queued operation is ever cancelled and
    /// the governor needs no timelock cancel.)
    function _isValidDescriptionForProposer(
        address proposer,
        string memory description
    ) internal pure override returns (bool) {
        return ProposerSuffix.isBoundTo(description, proposer);
    }

    /// @dev Votes at a past timepoint: the vote source's sum (token votes + weighted stake), read from its two parts
    /// directly (the same sum `VotingPower.getPastVotes` returns, without the hop: one cold call less per vote).
    function _getVotes(address account, uint256 timepoint, bytes memory) internal view override returns (uint256) {
        uint256 votes = IVotes(_TOKEN).getPastVotes(account, timepoint);
        if (address(_STAKE) != address(0)) votes += _STAKE.getPastVotes(account, timepoint);
        return votes;
    }

    /// @dev Participation quorum: every vote cast counts, abstain included.
    function _quorumReached(
        uint256 proposalId
    ) internal view override(Governor, GovernorCountingSimple) returns (bool) {
        (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes) = proposalVotes(proposalId);
        return quorum(proposalSnapshot(proposalId)) <= againstVotes + forVotes + abstainVotes;
    }

    /// @dev For votes must reach the class's threshold of for + against, compared exactly (no rounding).
    function _voteSucceeded(
        uint256 proposalId
    ) internal view override(Governor, GovernorCountingSimple) returns (bool) {
        (uint256 againstVotes, uint256 forVotes, ) = proposalVotes(proposalId);
        return
            forVotes != 0 && forVotes * BPS >= uint256(_records[proposalId].thresholdBps) * (forVotes + againstVotes);
    }

    /// @dev Governance calls to the governor itself come from the normal timelock.
    function _executor() internal view override returns (address) {
        return address(_NORMAL_TIMELOCK);
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        if (key != PROPOSAL_DEPOSIT) revert UnknownParameter(key);
        _storeDeposit(value);
    }

    /// @dev Each value gets the next id, under which proposals made while it holds find it at settlement.
    function _storeDeposit(uint256 value) private {
        if (value > type(uint96).max) revert InvalidParameterValue(PROPOSAL_DEPOSIT, value);
        uint256 id = uint256(_deposit.id) + 1;
        if (id > type(uint24).max) revert DepositIdsExhausted();
        _deposit = DepositParameter({amount: uint96(value), id: uint24(id), reserveHeld: _deposit.reserveHeld});
        _depositAmounts[uint24(id)] = uint96(value);
    }

    /// @dev All fields in one basic block, so the optimiser writes the slot once.
    function _writeRecord(
        ProposalRecord storage proposal,
        address proposer,
        uint256 snapshot,
        uint8 classId,
        IProposalClassifier.ProposalClass memory class_,
        uint24 depositId
    ) private {
        uint40 voteStart = SafeCast.toUint40(snapshot);
        uint8 flags = class_.emergency ? _EMERGENCY : 0;
        uint16 thresholdBps = class_.thresholdBps;
        proposal.proposer = proposer;
        proposal.voteStart = voteStart;
        proposal.thresholdBps = thresholdBps;
        proposal.classId = classId;
        proposal.flags = flags;
        proposal.depositId = depositId;
    }

    /// @dev OpenZeppelin's ProposalCreated (the whole proposal), in a function of its own for the stack.
    function _emitCreated(
        uint256 proposalId,
        address proposer,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        uint256 snapshot,
        string memory description
    ) private {
        emit ProposalCreated(
            proposalId,
            proposer,
            targets,
            values,
            new string[](targets.length),
            calldatas,
            snapshot,
            snapshot + _VOTING_PERIOD,
            description
        );
    }

    function _requireProposerStake(address proposer, uint256 minWeight) private view {
        uint256 weight = address(_STAKE) == address(0) ? 0 : _STAKE.getPastVotes(proposer, clock() - 1);
        if (weight < minWeight) revert ProposerStakeTooLow(proposer, weight, minWeight);
    }

    /// @dev A route's timelock must never accept a delay above the route's: `queue` would revert for ever.
    function _requireDelayCeiling(address timelock, uint48 routeDelay) private view {
        uint256 ceiling = IProtocolTimelock(timelock).MAX_DELAY();
        if (ceiling > routeDelay) revert TimelockDelayCeilingTooHigh(timelock, ceiling, routeDelay);
    }

    function _timelock(bool emergency) private view returns (TimelockController) {
        return emergency ? _EMERGENCY_TIMELOCK : _NORMAL_TIMELOCK;
    }

    /// @dev As GovernorTimelockControl: the governor's address mixed in avoids collisions between governors.
    function _timelockSalt(bytes32 descriptionHash) private view returns (bytes32) {
        return bytes20(address(this)) ^ descriptionHash;
    }
}
