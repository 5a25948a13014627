// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";

/// @title IProtocolGovernor
/// @notice The preset's governor: OpenZeppelin's Governor with votes from `IVotingPower`, proposal classes
/// with their own approval thresholds (`IProposalClassifier`), a proposal deposit, and two timelocks.
/// @dev Lifecycle: `propose` takes only descriptions ending with `#proposer=0x<the proposer's address in
/// lower-case hex>` (else `GovernorRestrictedProposer`), so a proposal's id belongs to its proposer; it
/// classifies the proposal by what it calls and takes the deposit (`transferFrom`, approve first); after the
/// voting delay (discussion) votes are read at the snapshot for the voting period; a proposal succeeds when
/// its votes cast (for + against + abstain) reach the quorum and its for votes reach its class's threshold of
/// for + against (abstain counts toward the quorum, not the threshold); `queue` schedules it on the normal
/// timelock (normal classes) or the emergency timelock (emergency classes), with that route's delay fixed at
/// deployment, within `GRACE_PERIOD` of the vote's end; `execute` runs it after the delay and within
/// `GRACE_PERIOD` of its eta (after either window the proposal is Expired). Both timelocks are
/// `IProtocolTimelock`s whose delay cannot rise above the governor's delay for their route.
/// The deposit is returned to the proposer once the proposal is decided, unless it was defeated without
/// reaching quorum: then it goes to the treasury (`settleDeposit`, callable by anyone).
interface IProtocolGovernor is IGovernor {
    /// @notice How a proposal is governed, fixed when it is proposed.
    /// @param deposit The deposit held for it, in token wei; zero once settled.
    /// @param thresholdBps Share of for + against votes that must be for, in bps.
    /// @param emergency Whether it goes through the emergency timelock.
    /// @param classId Its class in the classifier.
    struct ProposalTerms {
        uint96 deposit;
        uint16 thresholdBps;
        bool emergency;
        uint8 classId;
    }

    /// @notice Deployment settings (from the preset).
    /// @param name The governor's name (also its EIP-712 domain name).
    /// @param authority The preset's AccessManager (only the parameter registry may set the deposit).
    /// @param votingPower The vote source; its token is also the deposit token and the quorum's denominator.
    /// @param classifier The proposal classifier.
    /// @param normalTimelock The timelock that executes normal proposals.
    /// @param emergencyTimelock The timelock that executes emergency proposals.
    /// @param treasury Where forfeited deposits go.
    /// @param votingDelay Seconds between proposal and snapshot (the discussion period).
    /// @param votingPeriod Seconds of voting.
    /// @param normalDelay Timelock delay of normal proposals, in seconds.
    /// @param emergencyDelay Timelock delay of emergency proposals, in seconds (shorter than `normalDelay`).
    /// @param quorumBps Quorum, in bps of the token's total supply at the snapshot.
    /// @param proposalDeposit The initial deposit, in token wei (a governed parameter).
    struct Config {
        string name;
        address authority;
        address votingPower;
        address classifier;
        address normalTimelock;
        address emergencyTimelock;
        address treasury;
        uint48 votingDelay;
        uint32 votingPeriod;
        uint48 normalDelay;
        uint48 emergencyDelay;
        uint16 quorumBps;
        uint256 proposalDeposit;
    }

    /// @notice A new proposal was classified and its deposit taken.
    /// @param proposalId The proposal.
    /// @param classId Its class.
    /// @param thresholdBps Its approval threshold, in bps of for + against.
    /// @param emergency Whether it goes through the emergency timelock.
    /// @param deposit The deposit taken, in token wei.
    event ProposalClassified(
        uint256 indexed proposalId,
        uint8 indexed classId,
        uint16 thresholdBps,
        bool emergency,
        uint256 deposit
    );

    /// @notice The governor's first proposal ever took the permanent deposit reserve on top of its deposit.
    /// @param proposer Who paid it.
    /// @param amount The reserve, in token wei (`DEPOSIT_RESERVE`).
    event DepositReserveTaken(address indexed proposer, uint256 amount);

    /// @notice A proposal's deposit went back to its proposer.
    /// @param proposalId The proposal.
    /// @param proposer Who got it back.
    /// @param amount The deposit, in token wei.
    event DepositRefunded(uint256 indexed proposalId, address indexed proposer, uint256 amount);

    /// @notice A proposal defeated without reaching quorum lost its deposit to the treasury.
    /// @param proposalId The proposal.
    /// @param proposer Who lost it.
    /// @param amount The deposit, in token wei.
    event DepositForfeited(uint256 indexed proposalId, address indexed proposer, uint256 amount);

    /// @notice The proposer's staked weight one second before proposing is below the class's minimum.
    /// @param proposer The proposer.
    /// @param weight Their staked voting weight.
    /// @param minimum The weight the proposal's calls require.
    error ProposerStakeTooLow(address proposer, uint256 weight, uint256 minimum);

    /// @notice The proposal is still pending or active: its deposit's fate is not decided yet.
    /// @param proposalId The proposal.
    /// @param state Its state.
    error DepositLocked(uint256 proposalId, ProposalState state);

    /// @notice The proposal holds no deposit (settled already, taken as zero, or unknown).
    /// @param proposalId The proposal.
    error NoDeposit(uint256 proposalId);

    /// @notice The deposit parameter took 16,777,215 values: it cannot change any more (each change takes a
    /// governance call; about 29,000 proposals each packed with as many changes as an execute holds).
    error DepositIdsExhausted();

    /// @notice `relay` is disabled: the governor holds proposers' deposits, which no proposal may move.
    error RelayDisabled();

    /// @notice An address in the configuration is zero.
    error ZeroAddress();

    /// @notice The emergency delay is zero or not shorter than the normal delay.
    /// @param normalDelay The normal delay given.
    /// @param emergencyDelay The emergency delay given.
    error InvalidTimelockDelays(uint256 normalDelay, uint256 emergencyDelay);

    /// @notice A timelock accepts delays above the delay the governor schedules its route with.
    /// @param timelock The timelock.
    /// @param maxDelay Its `MAX_DELAY`.
    /// @param routeDelay The governor's delay for its route.
    error TimelockDelayCeilingTooHigh(address timelock, uint256 maxDelay, uint256 routeDelay);

    /// @notice The quorum is zero or above 10,000 bps.
    /// @param quorumBps The refused quorum.
    error InvalidQuorum(uint256 quorumBps);

    /// @notice Returns a decided proposal's deposit to its proposer, or sends it to the treasury when the
    /// proposal was defeated without reaching quorum. Anyone may call it.
    /// @dev Refunded in states Succeeded, Queued, Executed, Canceled and Defeated-with-quorum.
    /// @param proposalId The proposal.
    function settleDeposit(uint256 proposalId) external;

    /// @notice How a proposal is governed.
    /// @param proposalId The proposal.
    /// @return Its deposit, threshold, route and class (all zero for an unknown proposal).
    function proposalTerms(uint256 proposalId) external view returns (ProposalTerms memory);

    /// @notice The deposit a new proposal takes now (the governed parameter).
    /// @return The deposit, in token wei.
    function proposalDeposit() external view returns (uint256);

    /// @notice What a new proposal takes from its proposer now (approve this much): `proposalDeposit`, plus the
    /// 1-wei `DEPOSIT_RESERVE` until the governor holds it.
    /// @return The amount, in token wei.
    function depositDue() external view returns (uint256);

    /// @notice Whether the governor holds its deposit reserve (taken by its first proposal with a deposit).
    /// @return True once taken.
    function holdsDepositReserve() external view returns (bool);

    /// @notice The timelock delay of a route, fixed at deployment.
    /// @param emergency Whether the emergency route.
    /// @return The delay in seconds.
    function timelockDelay(bool emergency) external view returns (uint256);

    /// @notice The timelock of a route.
    /// @param emergency Whether the emergency route.
    /// @return The timelock.
    function timelockOf(bool emergency) external view returns (address);

    /// @notice The quorum, in bps of the token's total supply at the snapshot.
    /// @return The quorum in bps.
    function quorumBps() external view returns (uint256);

    /// @notice The vote source.
    /// @return The `IVotingPower` contract.
    function votingPower() external view returns (address);

    /// @notice The proposal classifier.
    /// @return The `IProposalClassifier` contract.
    function classifier() external view returns (address);

    /// @notice Where forfeited deposits go.
    /// @return The treasury.
    function treasury() external view returns (address);

    // solhint-disable func-name-mixedcase
    /// @notice How long a succeeded proposal stays queueable after its vote ends, and a queued one executable after
    /// its eta; after that it is Expired for ever.
    /// @return 14 days, in seconds.
    function GRACE_PERIOD() external view returns (uint256);

    /// @notice Key of the governed proposal deposit, `keccak256("governance.proposalDeposit")`, in token wei.
    /// @return The parameter key.
    function PROPOSAL_DEPOSIT() external view returns (bytes32);

    /// @notice The token wei the governor's first proposal ever pays on top of its deposit and the governor keeps for
    /// good (as Uniswap V2 keeps its minimum liquidity): its token balance never returns to zero, so a proposal made
    /// while no deposit is held does not pay for a fresh balance slot (about 17,000 gas).
    /// @return 1 wei.
    function DEPOSIT_RESERVE() external view returns (uint256);
    // solhint-enable func-name-mixedcase
}
