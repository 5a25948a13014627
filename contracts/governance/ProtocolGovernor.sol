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
import {Bytes} from "@openzeppelin/contracts/utils/Bytes.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

import {IProposalClassifier} from "../interfaces/IProposalClassifier.sol";
import {IProtocolTimelock} from "../interfaces/IProtocolTimelock.sol";
import {IProtocolGovernor} from "../interfaces/IProtocolGovernor.sol";
import {IVotingPower} from "../interfaces/IVotingPower.sol";
import {IVotingWeight} from "../interfaces/IVotingWeight.sol";
import {Parameterized} from "./Parameterized.sol";
import {BPS} from "../libraries/Constants.sol";

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

    uint256 private _proposalDeposit;
    mapping(uint256 proposalId => ProposalTerms) private _terms;

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
        ProposalTerms storage terms = _terms[proposalId];
        uint256 deposit = terms.deposit;
        if (deposit == 0) revert NoDeposit(proposalId);
        ProposalState current = state(proposalId);
        if (current == ProposalState.Pending || current == ProposalState.Active) {
            revert DepositLocked(proposalId, current);
        }

        terms.deposit = 0;
        address proposer = proposalProposer(proposalId);
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
        return _terms[proposalId];
    }

    /// @inheritdoc IProtocolGovernor
    function proposalDeposit() external view returns (uint256) {
        return _proposalDeposit;
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
        if (key == PROPOSAL_DEPOSIT) return _proposalDeposit;
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
    /// @dev Executed and Canceled come from the governor's own record: only the governor executes and cancels on
    /// its timelocks.
    /// @param proposalId The proposal.
    /// @return The state.
    function state(uint256 proposalId) public view override(Governor, IGovernor) returns (ProposalState) {
        ProposalState current = super.state(proposalId);
        if (
            (current == ProposalState.Queued && block.timestamp >= proposalEta(proposalId) + GRACE_PERIOD) ||
            (current == ProposalState.Succeeded && block.timestamp >= proposalDeadline(proposalId) + GRACE_PERIOD)
        ) {
            return ProposalState.Expired;
        }
        return current;
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

    /// @dev Classifies the proposal by its calls, checks the proposer's stake where a call's class asks for
    /// one, records the terms and takes the deposit (last: an external call to the token).
    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal override returns (uint256 proposalId) {
        proposalId = super._propose(targets, values, calldatas, description, proposer);
        (uint8 classId, IProposalClassifier.ProposalClass memory class_, uint256 minWeight) = _CLASSIFIER.classify(
            targets,
            calldatas
        );
        if (minWeight != 0) _requireProposerStake(proposer, minWeight);

        uint256 deposit = _proposalDeposit;
        _terms[proposalId] = ProposalTerms({
            deposit: SafeCast.toUint96(deposit),
            thresholdBps: class_.thresholdBps,
            emergency: class_.emergency,
            classId: classId
        });
        emit ProposalClassified(proposalId, classId, class_.thresholdBps, class_.emergency, deposit);
        if (deposit != 0) IERC20(_TOKEN).safeTransferFrom(proposer, address(this), deposit);
    }

    /// @dev Schedules on the route's timelock with the route's delay (GovernorTimelockControl, two timelocks).
    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override returns (uint48) {
        bool emergency = _terms[proposalId].emergency;
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
        TimelockController timelock = _timelock(_terms[proposalId].emergency);
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
        bytes memory text = bytes(description);
        uint256 length = text.length;
        if (length < 52) return false;
        // The last 52 bytes: "#proposer=" (10) and "0x" with 40 hex digits.
        return
            keccak256(Bytes.slice(text, length - 52)) ==
            keccak256(abi.encodePacked("#proposer=", Strings.toHexString(proposer)));
    }

    /// @dev Votes at a past timepoint from the vote source (token votes + weighted stake).
    function _getVotes(address account, uint256 timepoint, bytes memory) internal view override returns (uint256) {
        return _VOTING_POWER.getPastVotes(account, timepoint);
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
        return forVotes != 0 && forVotes * BPS >= uint256(_terms[proposalId].thresholdBps) * (forVotes + againstVotes);
    }

    /// @dev Governance calls to the governor itself come from the normal timelock.
    function _executor() internal view override returns (address) {
        return address(_NORMAL_TIMELOCK);
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        if (key != PROPOSAL_DEPOSIT) revert UnknownParameter(key);
        _storeDeposit(value);
    }

    function _storeDeposit(uint256 value) private {
        if (value > type(uint96).max) revert InvalidParameterValue(PROPOSAL_DEPOSIT, value);
        _proposalDeposit = value;
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
