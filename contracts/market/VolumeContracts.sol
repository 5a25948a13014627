// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {IComplianceRegistry} from "../interfaces/IComplianceRegistry.sol";
import {IFeeRouter} from "../interfaces/IFeeRouter.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IProviderStaking} from "../interfaces/IProviderStaking.sol";
import {IVolumeContracts} from "../interfaces/IVolumeContracts.sol";
import {BPS} from "../common/Constants.sol";
import {MarketKeys} from "../libraries/MarketKeys.sol";

/// @title VolumeContracts
/// @notice Committed-volume contracts at fixed rates and session storage fees, paid through the market's fee split
/// (see `IVolumeContracts`). Immutable, AccessManaged: only `setParameter` is restricted (the parameter registry).
/// @dev Accounting: `_totals.escrow` is the unpaid escrow of proposed and active contracts (each holds
/// `cost(committed) - cost(settled)`), `_totals.pendingFees` the protocol's accrued parts; the token balance equals
/// their sum. `cost` telescopes: the payments of a contract's vouchers sum to `cost(settled)`, so escrow never runs
/// short and the unused escrow is exactly the cost of the shortfall.
contract VolumeContracts is IVolumeContracts, Parameterized, EIP712, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @dev What the contract holds, one slot.
    struct Totals {
        uint128 escrow;
        uint128 pendingFees;
    }

    /// @notice The EIP-712 type of a usage voucher.
    bytes32 public constant USAGE_TYPEHASH = keccak256("Usage(uint256 commitmentId,uint256 cumulativeTokens)");
    /// @notice Longest term from a proposal, seconds (two years).
    uint256 public constant MAX_TERM = 730 days;
    /// @notice Time after the term end only the provider may close (settling its last vouchers first), seconds.
    uint256 public constant SETTLEMENT_GRACE = 1 days;
    /// @notice An acceptance within this of the proposal binds the provider for the whole term (full penalty); a later
    /// one binds it from the acceptance (the penalty pro rata of the term left), seconds.
    uint256 public constant ACCEPT_GRACE = 1 hours;
    /// @notice One storage period, seconds.
    uint256 public constant STORAGE_PERIOD = 1 days;
    /// @notice Longest storage paid ahead of now, seconds (a provider that leaves keeps at most this much).
    uint256 public constant MAX_PREPAID = 365 days;

    IERC20 private immutable _TOKEN;
    IFeeRouter private immutable _ROUTER;
    IProviderStaking private immutable _STAKING;
    /// @dev The compliance registry; the zero address: compliance off (no call).
    IComplianceRegistry private immutable _COMPLIANCE;

    uint256 private _storageFeePerPeriod;
    Totals private _totals;
    uint256 private _count;
    mapping(uint256 id => Commitment) private _commitments;
    mapping(address consumer => mapping(bytes32 sessionId => Session)) private _sessions;

    /// @notice Deploys the module.
    /// @param token_ The market's token (the router's).
    /// @param router_ The fee router.
    /// @param staking_ Provider staking (`isActive`).
    /// @param compliance_ The compliance registry (the zero address: compliance off).
    /// @param authority The preset's AccessManager.
    /// @param p Initial governed numbers (the preset).
    constructor(
        IERC20 token_,
        IFeeRouter router_,
        IProviderStaking staking_,
        IComplianceRegistry compliance_,
        address authority,
        Parameters memory p
    ) AccessManaged(authority) EIP712("VolumeContracts", "1") {
        if (address(token_) == address(0) || address(router_) == address(0) || address(staking_) == address(0)) {
            revert ZeroAddress();
        }
        if (p.storageFeePerPeriod == 0 || p.storageFeePerPeriod > type(uint96).max) revert InvalidConfiguration();
        _TOKEN = token_;
        _ROUTER = router_;
        _STAKING = staking_;
        _COMPLIANCE = compliance_;
        _storageFeePerPeriod = p.storageFeePerPeriod;
    }

    // ------------------------------------------------------------------ committed volume

    /// @inheritdoc IVolumeContracts
    function propose(
        address provider,
        bytes32 modelId,
        uint256 ratePer1k,
        uint256 committedTokens,
        uint256 termEnd,
        uint256 penaltyBps
    ) external nonReentrant returns (uint256 id) {
        if (provider == address(0)) revert ZeroAddress();
        if (
            ratePer1k == 0 ||
            committedTokens == 0 ||
            penaltyBps > BPS ||
            termEnd <= block.timestamp ||
            termEnd > block.timestamp + MAX_TERM
        ) revert InvalidTerms();
        // Both fit their fields (or revert), so the escrow fits 160 bits.
        uint256 escrow = _cost(SafeCast.toUint64(committedTokens), SafeCast.toUint96(ratePer1k));
        id = ++_count;
        _commitments[id] = Commitment({
            consumer: msg.sender,
            status: Status.Proposed,
            termEnd: uint40(termEnd),
            penaltyBps: uint16(penaltyBps),
            provider: provider,
            ratePer1k: uint96(ratePer1k),
            committedTokens: uint64(committedTokens),
            settledTokens: 0,
            proposedAt: uint40(block.timestamp),
            acceptedAt: 0,
            modelId: modelId
        });
        _totals.escrow += SafeCast.toUint128(escrow);
        emit Proposed(id, msg.sender, provider, modelId, ratePer1k, committedTokens, termEnd, penaltyBps, escrow);
        _TOKEN.safeTransferFrom(msg.sender, address(this), escrow);
    }

    /// @inheritdoc IVolumeContracts
    function cancel(uint256 id) external nonReentrant {
        Commitment storage c = _inStatus(id, Status.Proposed);
        address consumer = c.consumer;
        if (msg.sender != consumer) revert NotParty(id, msg.sender);
        c.status = Status.Cancelled;
        uint256 refund = _cost(c.committedTokens, c.ratePer1k);
        _totals.escrow -= uint128(refund);
        emit ProposalCancelled(id, consumer, refund);
        _TOKEN.safeTransfer(consumer, refund);
    }

    /// @inheritdoc IVolumeContracts
    function accept(uint256 id) external nonReentrant {
        Commitment storage c = _inStatus(id, Status.Proposed);
        if (msg.sender != c.provider) revert NotParty(id, msg.sender);
        if (block.timestamp >= c.termEnd) revert TermEnded(id, c.termEnd);
        if (!_STAKING.isActive(msg.sender)) revert ProviderInactive(msg.sender);
        c.status = Status.Active;
        c.acceptedAt = uint40(block.timestamp);
        emit Accepted(id, msg.sender);
    }

    /// @inheritdoc IVolumeContracts
    function settle(Usage calldata usage, bytes calldata signature) external nonReentrant {
        uint256 id = usage.commitmentId;
        Commitment storage c = _inStatus(id, Status.Active);
        Commitment memory m = c;
        if (msg.sender != m.provider) revert NotParty(id, msg.sender);
        uint256 cumulative = usage.cumulativeTokens;
        if (cumulative <= m.settledTokens) revert AlreadySettled(cumulative, m.settledTokens);
        if (cumulative > m.committedTokens) revert BeyondCommitment(cumulative, m.committedTokens);
        (address signer, ECDSA.RecoverError err, ) = ECDSA.tryRecoverCalldata(hashUsage(usage), signature);
        if (err != ECDSA.RecoverError.NoError || signer != m.consumer) revert InvalidSignature(m.consumer);
        if (!_STAKING.isActive(msg.sender)) revert ProviderInactive(msg.sender);
        // cumulative <= committedTokens, a uint64.
        c.settledTokens = uint64(cumulative);
        // cost is non-decreasing in tokens, and the payment comes out of the contract's unpaid escrow.
        uint256 payment = _cost(cumulative, m.ratePer1k) - _cost(m.settledTokens, m.ratePer1k);
        // A settlement is a market payment: at or above the threshold both parties must be attested.
        if (address(_COMPLIANCE) != address(0)) _COMPLIANCE.check(m.consumer, msg.sender, payment);
        (uint256 toProvider, uint256 toProtocol) = _split(payment);
        Totals memory t = _totals;
        _totals = Totals({escrow: t.escrow - uint128(payment), pendingFees: t.pendingFees + uint128(toProtocol)});
        emit UsageSettled(id, m.consumer, msg.sender, cumulative, toProvider, toProtocol);
        if (toProvider != 0) _TOKEN.safeTransfer(msg.sender, toProvider);
    }

    /// @inheritdoc IVolumeContracts
    function close(uint256 id) external nonReentrant {
        Commitment storage c = _inStatus(id, Status.Active);
        uint256 termEnd = c.termEnd;
        uint256 notBefore = msg.sender == c.provider ? termEnd : termEnd + SETTLEMENT_GRACE;
        if (block.timestamp < notBefore) revert TooEarly(id, notBefore);
        // A provider that is no longer active reserved nothing: no penalty.
        _end(id, c, _STAKING.isActive(c.provider) ? c.penaltyBps : 0, false);
    }

    /// @inheritdoc IVolumeContracts
    function exit(uint256 id) external nonReentrant {
        Commitment storage c = _inStatus(id, Status.Active);
        if (msg.sender != c.consumer) revert NotParty(id, msg.sender);
        if (_STAKING.isActive(c.provider)) revert ProviderActive(c.provider);
        _end(id, c, 0, true);
    }

    // ------------------------------------------------------------------ session storage

    /// @inheritdoc IVolumeContracts
    function storeSession(bytes32 sessionId, address provider, uint256 periods) external nonReentrant {
        if (provider == address(0)) revert ZeroAddress();
        Session memory s = _sessions[msg.sender][sessionId];
        bool stored = s.paidUntil > block.timestamp;
        if (stored && s.provider != provider) revert SessionProviderMismatch(s.provider);
        uint256 from = stored ? s.paidUntil : block.timestamp;
        // Bounded by MAX_PREPAID first, so neither product below overflows.
        if (periods == 0 || periods > MAX_PREPAID / STORAGE_PERIOD) revert InvalidPeriods(from);
        uint256 paidUntil = from + periods * STORAGE_PERIOD;
        if (paidUntil > block.timestamp + MAX_PREPAID) revert InvalidPeriods(paidUntil);
        if (!_STAKING.isActive(provider)) revert ProviderInactive(provider);
        // The fee is a uint96 and periods at most 365.
        uint256 fee = periods * _storageFeePerPeriod;
        (uint256 toProvider, uint256 toProtocol) = _split(fee);
        // paidUntil <= now + 365 days: fits a uint40 for millennia.
        _sessions[msg.sender][sessionId] = Session({provider: provider, paidUntil: uint40(paidUntil)});
        _totals.pendingFees += SafeCast.toUint128(toProtocol);
        emit SessionStored(msg.sender, sessionId, provider, periods, paidUntil, toProvider, toProtocol);
        _TOKEN.safeTransferFrom(msg.sender, address(this), fee);
        if (toProvider != 0) _TOKEN.safeTransfer(provider, toProvider);
    }

    // ------------------------------------------------------------------ fees

    /// @inheritdoc IVolumeContracts
    function routeFees() external nonReentrant returns (uint256 amount) {
        amount = _totals.pendingFees;
        if (amount == 0) revert ZeroAmount();
        _totals.pendingFees = 0;
        emit FeesRouted(amount);
        _TOKEN.forceApprove(address(_ROUTER), amount);
        _ROUTER.routeProtocolShare(amount);
    }

    // ------------------------------------------------------------------ governance

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        if (key == MarketKeys.STORAGE_FEE_PER_PERIOD) return _storageFeePerPeriod;
        revert UnknownParameter(key);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IVolumeContracts
    function commitment(uint256 id) external view returns (Commitment memory) {
        return _commitments[id];
    }

    /// @inheritdoc IVolumeContracts
    function hashUsage(Usage calldata usage) public view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(USAGE_TYPEHASH, usage.commitmentId, usage.cumulativeTokens)));
    }

    /// @inheritdoc IVolumeContracts
    function cost(uint256 tokens, uint256 ratePer1k) external pure returns (uint256) {
        return _cost(tokens, ratePer1k);
    }

    /// @inheritdoc IVolumeContracts
    function session(address consumer, bytes32 sessionId) external view returns (Session memory) {
        return _sessions[consumer][sessionId];
    }

    /// @inheritdoc IVolumeContracts
    function isStored(address consumer, bytes32 sessionId) external view returns (bool) {
        return _sessions[consumer][sessionId].paidUntil > block.timestamp;
    }

    /// @inheritdoc IVolumeContracts
    function totals() external view returns (uint256 escrow, uint256 pendingFees) {
        Totals memory t = _totals;
        return (t.escrow, t.pendingFees);
    }

    /// @inheritdoc IVolumeContracts
    function commitmentCount() external view returns (uint256) {
        return _count;
    }

    /// @inheritdoc IVolumeContracts
    function token() external view returns (address) {
        return address(_TOKEN);
    }

    /// @inheritdoc IVolumeContracts
    function feeRouter() external view returns (address) {
        return address(_ROUTER);
    }

    /// @inheritdoc IVolumeContracts
    function compliance() external view returns (address) {
        return address(_COMPLIANCE);
    }

    /// @inheritdoc IVolumeContracts
    function staking() external view returns (address) {
        return address(_STAKING);
    }

    // ------------------------------------------------------------------ internals

    /// @dev Stores a governed number after checking it fits the module's rules.
    function _setParameter(bytes32 key, uint256 value) internal override {
        if (key != MarketKeys.STORAGE_FEE_PER_PERIOD) revert UnknownParameter(key);
        if (value == 0) revert InvalidParameterValue(key, value);
        _storageFeePerPeriod = _atMost(key, value, type(uint96).max);
    }

    /// @dev A contract in `status`; reverts `UnknownCommitment` or `WrongStatus` otherwise.
    function _inStatus(uint256 id, Status status) private view returns (Commitment storage c) {
        c = _commitments[id];
        Status s = c.status;
        if (s == Status.None) revert UnknownCommitment(id);
        if (s != status) revert WrongStatus(id, s);
    }

    /// @dev Ends an active contract: `penaltyBps` of the unused escrow, pro rata of the term the provider was bound,
    /// rounded up, to the provider through the split; the rest back to the consumer. The provider is bound from its
    /// acceptance, or from the proposal when it accepted within `ACCEPT_GRACE` of it (the usual case: the whole
    /// penalty). A provider accepting late in the term reserved capacity for that part only: one accepting a second
    /// before the end takes almost nothing (without the pro rata it took the whole penalty; audit s10, F1).
    function _end(uint256 id, Commitment storage c, uint256 penaltyBps, bool exited) private {
        Commitment memory m = c;
        c.status = Status.Ended;
        uint256 unused = _cost(m.committedTokens, m.ratePer1k) - _cost(m.settledTokens, m.ratePer1k);
        uint256 penalty = _penalty(m, unused, penaltyBps);
        (uint256 toProvider, uint256 toProtocol) = _split(penalty);
        uint256 refund = unused - penalty;
        Totals memory t = _totals;
        _totals = Totals({escrow: t.escrow - uint128(unused), pendingFees: t.pendingFees + uint128(toProtocol)});
        emit Ended(
            id,
            m.consumer,
            m.provider,
            m.committedTokens - m.settledTokens,
            toProvider,
            toProtocol,
            refund,
            exited
        );
        if (toProvider != 0) _TOKEN.safeTransfer(m.provider, toProvider);
        if (refund != 0) _TOKEN.safeTransfer(m.consumer, refund);
    }

    /// @dev `penaltyBps` of `unused`, pro rata of the term bound (from the proposal if accepted within
    /// `ACCEPT_GRACE` of it, else from the acceptance), rounded up.
    function _penalty(Commitment memory m, uint256 unused, uint256 penaltyBps) private pure returns (uint256) {
        // proposedAt <= acceptedAt < termEnd (accept refuses from the term end): the divisor is positive, the factor
        // at most 1 (exactly 1 within the grace).
        uint256 boundFrom = m.acceptedAt - m.proposedAt <= ACCEPT_GRACE ? m.proposedAt : m.acceptedAt;
        return
            Math.mulDiv(
                unused * penaltyBps,
                m.termEnd - boundFrom,
                BPS * (m.termEnd - m.proposedAt),
                Math.Rounding.Ceil
            );
    }

    /// @dev A fee's provider part and protocol part (the protocol's share of the split, rounded up).
    function _split(uint256 fee) private view returns (uint256 toProvider, uint256 toProtocol) {
        toProtocol = (fee * _ROUTER.protocolBps() + BPS - 1) / BPS;
        toProvider = fee - toProtocol;
    }

    /// @dev `ceil(tokens x ratePer1k / 1,000)`.
    function _cost(uint256 tokens, uint256 ratePer1k) private pure returns (uint256) {
        return (tokens * ratePer1k + 999) / 1000;
    }
}
