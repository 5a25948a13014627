// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IParameterized} from "./IParameterized.sol";

/// @title IVolumeContracts
/// @notice Committed-volume contracts and session storage fees, paid through the market's fee split.
///
/// Committed volume ("contract pricing: fixed rates for committed volume"): a consumer proposes terms to one provider
/// (model, rate per 1,000 tokens, tokens committed, term end, shortfall penalty) and escrows the whole commitment,
/// `cost(committedTokens)`, where `cost(t) = ceil(t x rate / 1,000)`. The provider accepts while an active provider.
/// Usage is settled by consumer-signed EIP-712 vouchers of cumulative tokens (`Usage`), at most the commitment (more
/// volume needs a new contract): each pays `cost(new) - cost(settled)`, the protocol's part (its share of the split,
/// rounded up) accrued for `routeFees`, the rest to the provider. From the term end the provider may close (anyone a
/// grace period later): the penalty, `ceil(unused escrow x penaltyBps / 10,000)`, is paid to the provider through the
/// split (it reserved capacity), the rest returns to the consumer. A consumer whose provider is no longer active may
/// exit at any time without penalty (a close with an inactive provider charges none either).
///
/// Session storage ("storage fee: for persistent context/sessions"): a consumer prepays whole periods of storage of a
/// session with one provider at the governed fee per period; the fee is split like a settlement. `isStored` answers
/// while paid; expiry needs no transaction.
/// @dev Every action is O(1). The token balance is the open escrow plus the protocol's accrued fees (`totals`).
interface IVolumeContracts is IParameterized {
    /// @notice Where a committed-volume contract stands.
    enum Status {
        None,
        Proposed,
        Active,
        Ended,
        Cancelled
    }

    /// @notice Initial governed numbers (keys in `MarketKeys`).
    /// @param storageFeePerPeriod Storage fee of one session for one period, token wei (not zero).
    struct Parameters {
        uint256 storageFeePerPeriod;
    }

    /// @notice A committed-volume contract (three slots plus the model id).
    /// @param consumer Who committed and escrowed.
    /// @param status Where it stands.
    /// @param termEnd End of the term, unix seconds: usage before it; the provider may close from it.
    /// @param penaltyBps Share of the unused escrow paid to the provider at the close, bps.
    /// @param provider The provider.
    /// @param ratePer1k Fixed price of 1,000 tokens, token wei.
    /// @param committedTokens Tokens committed (the escrow is their cost).
    /// @param settledTokens Cumulative tokens settled so far.
    /// @param proposedAt When the consumer proposed, unix seconds.
    /// @param acceptedAt When the provider accepted, unix seconds (0 before).
    /// @param modelId The model served (a label of the terms; the provider accepted it).
    struct Commitment {
        address consumer;
        Status status;
        uint40 termEnd;
        uint16 penaltyBps;
        address provider;
        uint96 ratePer1k;
        uint64 committedTokens;
        uint64 settledTokens;
        uint40 proposedAt;
        uint40 acceptedAt;
        bytes32 modelId;
    }

    /// @notice A voucher the consumer signs (EIP-712, domain "VolumeContracts", version "1"): usage of a contract up to
    /// now, cumulative.
    /// @param commitmentId The contract.
    /// @param cumulativeTokens Tokens served in all under it.
    struct Usage {
        uint256 commitmentId;
        uint256 cumulativeTokens;
    }

    /// @notice A session's storage record (one slot).
    /// @param provider The provider storing it.
    /// @param paidUntil Stored until then, unix seconds.
    struct Session {
        address provider;
        uint40 paidUntil;
    }

    /// @notice A consumer proposed a contract and escrowed its commitment.
    /// @param id The contract.
    /// @param consumer The consumer.
    /// @param provider The provider.
    /// @param modelId The model.
    /// @param ratePer1k Price of 1,000 tokens, token wei.
    /// @param committedTokens Tokens committed.
    /// @param termEnd End of the term.
    /// @param penaltyBps Shortfall penalty, bps of the unused escrow.
    /// @param escrow Token wei escrowed.
    event Proposed(
        uint256 indexed id,
        address indexed consumer,
        address indexed provider,
        bytes32 modelId,
        uint256 ratePer1k,
        uint256 committedTokens,
        uint256 termEnd,
        uint256 penaltyBps,
        uint256 escrow
    );
    /// @notice The consumer withdrew a proposal not accepted; its escrow was refunded.
    /// @param id The contract.
    /// @param consumer Its consumer.
    /// @param refund Token wei.
    event ProposalCancelled(uint256 indexed id, address indexed consumer, uint256 refund);
    /// @notice The provider accepted the contract.
    /// @param id The contract.
    /// @param provider The provider.
    event Accepted(uint256 indexed id, address indexed provider);
    /// @notice A usage voucher was settled.
    /// @param id The contract.
    /// @param consumer Its consumer (who paid).
    /// @param provider Its provider.
    /// @param cumulativeTokens Tokens settled in all.
    /// @param toProvider Paid to the provider, token wei.
    /// @param toProtocol Accrued for the fee split, token wei.
    event UsageSettled(
        uint256 indexed id,
        address indexed consumer,
        address indexed provider,
        uint256 cumulativeTokens,
        uint256 toProvider,
        uint256 toProtocol
    );
    /// @notice The contract ended: at its term end (`exited` false) or by the consumer's exit (inactive provider).
    /// @param id The contract.
    /// @param consumer Its consumer.
    /// @param provider Its provider.
    /// @param shortfallTokens Committed tokens not settled.
    /// @param penaltyToProvider The penalty's provider part, token wei.
    /// @param penaltyToProtocol The penalty's protocol part, accrued, token wei.
    /// @param refund Escrow returned to the consumer, token wei.
    /// @param exited Whether the consumer exited (no penalty).
    event Ended(
        uint256 indexed id,
        address indexed consumer,
        address indexed provider,
        uint256 shortfallTokens,
        uint256 penaltyToProvider,
        uint256 penaltyToProtocol,
        uint256 refund,
        bool exited
    );
    /// @notice A session's storage was paid for more periods.
    /// @param consumer The session's consumer.
    /// @param sessionId The session.
    /// @param provider The provider storing it.
    /// @param periods Periods paid.
    /// @param paidUntil Stored until then.
    /// @param toProvider Paid to the provider, token wei.
    /// @param toProtocol Accrued for the fee split, token wei.
    event SessionStored(
        address indexed consumer,
        bytes32 indexed sessionId,
        address indexed provider,
        uint256 periods,
        uint256 paidUntil,
        uint256 toProvider,
        uint256 toProtocol
    );
    /// @notice The accrued protocol fees went through the router's protocol share.
    /// @param amount Token wei.
    event FeesRouted(uint256 amount);

    /// @notice A zero address where one is required.
    error ZeroAddress();
    /// @notice A zero amount.
    error ZeroAmount();
    /// @notice The preset's initial values break a rule of the module.
    error InvalidConfiguration();
    /// @notice The terms are invalid: zero tokens or rate, a penalty above 10,000 bps, or a term end not in the future
    /// or beyond `MAX_TERM`.
    error InvalidTerms();
    /// @notice No such contract.
    /// @param id The id.
    error UnknownCommitment(uint256 id);
    /// @notice The contract is not in the status the action needs.
    /// @param id The contract.
    /// @param status Its status.
    error WrongStatus(uint256 id, Status status);
    /// @notice The caller is not the party the action needs.
    /// @param id The contract.
    /// @param caller The caller.
    error NotParty(uint256 id, address caller);
    /// @notice The provider is not an active provider.
    /// @param provider The provider.
    error ProviderInactive(address provider);
    /// @notice The provider is still active: the consumer cannot exit early.
    /// @param provider The provider.
    error ProviderActive(address provider);
    /// @notice The term has ended.
    /// @param id The contract.
    /// @param termEnd Its end.
    error TermEnded(uint256 id, uint256 termEnd);
    /// @notice Too early to close.
    /// @param id The contract.
    /// @param notBefore When the caller may close it.
    error TooEarly(uint256 id, uint256 notBefore);
    /// @notice The voucher does not raise the tokens settled.
    /// @param cumulativeTokens The voucher's.
    /// @param settledTokens Settled so far.
    error AlreadySettled(uint256 cumulativeTokens, uint256 settledTokens);
    /// @notice The voucher exceeds the tokens committed.
    /// @param cumulativeTokens The voucher's.
    /// @param committedTokens The commitment.
    error BeyondCommitment(uint256 cumulativeTokens, uint256 committedTokens);
    /// @notice The signature is not the consumer's.
    /// @param consumer The contract's consumer.
    error InvalidSignature(address consumer);
    /// @notice The session is stored by another provider and still paid.
    /// @param provider Its provider.
    error SessionProviderMismatch(address provider);
    /// @notice Zero periods, or storage paid beyond `MAX_PREPAID` from now.
    /// @param paidUntil What it would be paid until.
    error InvalidPeriods(uint256 paidUntil);

    /// @notice Proposes a contract to `provider` and escrows `ceil(committedTokens x ratePer1k / 1,000)` from the
    /// caller (approve first).
    /// @param provider The provider (not zero).
    /// @param modelId The model served.
    /// @param ratePer1k Price of 1,000 tokens, token wei (not zero).
    /// @param committedTokens Tokens committed (not zero).
    /// @param termEnd End of the term: after now, at most `MAX_TERM` from now.
    /// @param penaltyBps Share of the unused escrow paid to the provider at the close, bps (at most 10,000).
    /// @return id The new contract (ids start at 1).
    function propose(
        address provider,
        bytes32 modelId,
        uint256 ratePer1k,
        uint256 committedTokens,
        uint256 termEnd,
        uint256 penaltyBps
    ) external returns (uint256 id);

    /// @notice Withdraws a proposal the provider has not accepted and refunds its escrow (its consumer).
    /// @param id The contract.
    function cancel(uint256 id) external;

    /// @notice Accepts a proposal (its provider, active, before the term end): both parties are bound.
    /// @param id The contract.
    function accept(uint256 id) external;

    /// @notice Settles a usage voucher (the contract's provider, still active, until the contract ends): pays
    /// `cost(cumulativeTokens) - cost(settledTokens)`, the protocol's part accrued.
    /// @param usage The voucher: more tokens than settled, at most the commitment.
    /// @param signature The consumer's ECDSA signature of `hashUsage(usage)`.
    function settle(Usage calldata usage, bytes calldata signature) external;

    /// @notice Ends an active contract at its term: its provider from the term end, anyone from `SETTLEMENT_GRACE`
    /// later. The penalty on the unused escrow (none if the provider is no longer active) is paid to the provider
    /// through the split; the rest returns to the consumer.
    /// @param id The contract.
    function close(uint256 id) external;

    /// @notice Ends an active contract whose provider is no longer active (its consumer, at any time): the unused
    /// escrow returns without penalty.
    /// @param id The contract.
    function exit(uint256 id) external;

    /// @notice Pays storage of the caller's session `sessionId` with `provider` (active) for `periods` more periods
    /// at the governed fee (approve first). Paid time runs from its current end, or from now once expired; a stored
    /// session keeps its provider, an expired one may change it.
    /// @param sessionId The session.
    /// @param provider The provider storing it.
    /// @param periods Periods to pay (the end at most `MAX_PREPAID` from now).
    function storeSession(bytes32 sessionId, address provider, uint256 periods) external;

    /// @notice Routes the accrued protocol fees through the router's protocol share (anyone).
    /// @return amount Token wei routed (reverts `ZeroAmount` when none).
    function routeFees() external returns (uint256 amount);

    /// @notice A contract.
    /// @param id The contract.
    /// @return The contract (status `None`: unknown).
    function commitment(uint256 id) external view returns (Commitment memory);

    /// @notice The EIP-712 digest a consumer signs for a usage voucher.
    /// @param usage The voucher.
    /// @return The digest.
    function hashUsage(Usage calldata usage) external view returns (bytes32);

    /// @notice The price of `tokens` at `ratePer1k`: `ceil(tokens x ratePer1k / 1,000)`.
    /// @param tokens Tokens.
    /// @param ratePer1k Price of 1,000 tokens, token wei.
    /// @return Token wei.
    function cost(uint256 tokens, uint256 ratePer1k) external pure returns (uint256);

    /// @notice A consumer's session record.
    /// @param consumer The consumer.
    /// @param sessionId The session.
    /// @return The record (provider zero: never stored).
    function session(address consumer, bytes32 sessionId) external view returns (Session memory);

    /// @notice Whether a consumer's session is paid for now.
    /// @param consumer The consumer.
    /// @param sessionId The session.
    /// @return True while paid.
    function isStored(address consumer, bytes32 sessionId) external view returns (bool);

    /// @notice What the contract holds: open escrow and accrued protocol fees; their sum is its token balance.
    /// @return escrow Escrow of proposed and active contracts not yet paid out, token wei.
    /// @return pendingFees Protocol fees accrued, not yet routed, token wei.
    function totals() external view returns (uint256 escrow, uint256 pendingFees);

    /// @notice The number of contracts proposed.
    /// @return The last id.
    function commitmentCount() external view returns (uint256);

    /// @notice The token escrow and fees are in.
    /// @return Its address.
    function token() external view returns (address);

    /// @notice The fee router the protocol's part goes through.
    /// @return Its address.
    function feeRouter() external view returns (address);

    /// @notice The compliance registry settlements are checked against (zero: compliance off).
    /// @return The registry's address.
    function compliance() external view returns (address);

    /// @notice Provider staking (`isActive`).
    /// @return Its address.
    function staking() external view returns (address);
}
