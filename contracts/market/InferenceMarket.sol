// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {MessageHashUtils} from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {GuardianPausable} from "../common/GuardianPausable.sol";
import {IChallengeSource} from "../interfaces/IChallengeSource.sol";
import {IComplianceRegistry} from "../interfaces/IComplianceRegistry.sol";
import {IFeeRouter} from "../interfaces/IFeeRouter.sol";
import {IIncentivePools} from "../interfaces/IIncentivePools.sol";
import {IInferenceMarket} from "../interfaces/IInferenceMarket.sol";
import {IModelCatalog} from "../interfaces/IModelCatalog.sol";
import {IProviderStaking} from "../interfaces/IProviderStaking.sol";
import {MarketKeys} from "../libraries/MarketKeys.sol";
import {BPS} from "../common/Constants.sol";

/// @title InferenceMarket
/// @notice Consumer escrow reserved per provider, EIP-712 cumulative vouchers per channel, settlement charged and split
/// by the fee router's policy into internal ledgers, and settled vouchers as challenge subjects (grouped in per-channel
/// challenge windows stored with the channel's parties, so a settlement rewrites two slots instead of adding one).
/// Immutable, AccessManaged, pausable by the guardian (settlement stays open); every action is O(1).
/// @dev The token is the preset's ProtocolToken (no transfer hooks, no fees). External calls at a settlement: the
/// staking module (`isActive`, the only staking read) and the fee router (views), the catalogue (records usage,
/// refuses an unknown model) before any effect, then the incentive pools (bound to this market).
contract InferenceMarket is IInferenceMarket, GuardianPausable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @dev A consumer's unreserved escrow in one slot.
    struct Account {
        uint96 balance;
        uint96 credits;
        uint24 openReserves;
    }

    /// @dev A consumer's reserve for one provider in one slot.
    struct Reserve {
        uint96 deposits;
        uint96 credits;
        uint24 epoch;
        uint32 releasableAt;
        bool open;
    }

    /// @dev What a settlement reads of a consumer, in one slot: its monthly volume (list value; periods of
    /// `VOLUME_PERIOD`) and the end of its subscription.
    struct Usage {
        uint96 currentVolume;
        uint96 previousVolume;
        uint32 period;
        uint32 subscribedUntil;
    }

    /// @dev A channel's settled state and number in one slot.
    struct Channel {
        uint96 settledAmount;
        uint96 settledTokens;
        uint64 number;
    }

    /// @dev Who a channel is between (written at its first settlement), packed with its current challenge window
    /// (rewritten by each settlement, in the two slots the parties take anyway): the value settled in the window, its
    /// deadline, when it started and the channel's last settlement ordinal (the window holds the ordinals after the
    /// archived window's last one up to this).
    struct Parties {
        address consumer;
        uint96 value;
        address provider;
        uint40 deadline;
        uint32 start;
        uint24 last;
    }

    /// @dev A channel's previous challenge window, archived when a new one starts (overwritten only once expired).
    struct Window {
        uint24 first;
        uint24 last;
        uint96 value;
        uint40 deadline;
    }

    /// @dev The protocol's accrued parts, and the settlement and channel counters written with them (held in memory
    /// during a settlement; stored as `LedgerHead` and `LedgerTail`, one slot each). The counters keep both slots
    /// non-zero after a distribution empties the parts, so the next settlement rewrites them rather than sets them.
    struct Ledger {
        uint96 validators;
        uint96 infrastructure;
        uint64 settlements;
        uint96 treasury;
        uint96 burn;
        uint64 channels;
    }

    /// @dev The ledger's first slot: the validators' and infrastructure's parts and the settlement counter.
    struct LedgerHead {
        uint96 validators;
        uint96 infrastructure;
        uint64 settlements;
    }

    /// @dev The ledger's second slot: the treasury's and the burn's parts and the channel counter.
    struct LedgerTail {
        uint96 treasury;
        uint96 burn;
        uint64 channels;
    }

    /// @dev A provider's earnings, cached tier discount and referral flag in one slot.
    struct Earnings {
        uint112 unclaimed;
        uint112 lifetime;
        uint16 tierDiscountBps;
        bool referred;
    }

    /// @dev What the market holds for consumers and providers (a settlement moves value between them), and the
    /// challenge window every settlement reads, in one slot.
    struct Totals {
        uint112 escrow;
        uint112 earnings;
        uint32 challengeWindow;
    }

    /// @dev The escrow's other governed numbers in one slot.
    struct EscrowConfig {
        uint32 withdrawalNotice;
        uint32 subscriptionPeriod;
        uint128 minSubscription;
    }

    /// @inheritdoc IInferenceMarket
    bytes32 public constant VOUCHER_TYPEHASH = keccak256(
        "Voucher(address consumer,address provider,bool batch,bytes32 modelId,uint256 priorityBps,uint256 epoch,"
        "uint256 cumulativeAmount,uint256 cumulativeTokens,uint256 deadline)"
    );

    /// @inheritdoc IInferenceMarket
    uint256 public constant VOLUME_PERIOD = 30 days;
    /// @dev How long an elapsed release request stays executable before it lapses.
    uint256 private constant RELEASE_WINDOW = 1 days;

    /// @dev The EIP-712 domain: name "InferenceMarket", version "1", this chain and this contract (cached at deployment
    /// and recomputed whenever the live chain id differs, so a fork's chain id is always the live one).
    bytes32 private constant _DOMAIN_TYPEHASH = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
    );
    bytes32 private constant _NAME_HASH = keccak256("InferenceMarket");
    bytes32 private constant _VERSION_HASH = keccak256("1");

    IERC20 private immutable _TOKEN;
    IProviderStaking private immutable _STAKING;
    IModelCatalog private immutable _CATALOG;
    IFeeRouter private immutable _ROUTER;
    IIncentivePools private immutable _INCENTIVES;
    IComplianceRegistry private immutable _COMPLIANCE;
    /// @dev The EIP-712 domain separator at deployment, and its chain (a fork's other chain id recomputes it).
    bytes32 private immutable _DOMAIN_SEPARATOR;
    uint256 private immutable _DOMAIN_CHAIN_ID;

    EscrowConfig private _escrow;
    LedgerHead private _ledgerHead;
    LedgerTail private _ledgerTail;
    Totals private _totals;

    mapping(address consumer => Account) private _accounts;
    mapping(address consumer => Usage) private _usage;
    mapping(address consumer => mapping(address provider => Reserve)) private _reserves;
    mapping(address consumer => address) private _signers;
    mapping(bytes32 key => Channel) private _channels;
    mapping(uint256 channel => Parties) private _parties;
    mapping(uint256 channel => Window) private _archived;
    mapping(address provider => Earnings) private _earnings;
    mapping(address provider => uint256) private _diversityEarnings;

    /// @notice Deploys the market over its catalogue, fee router and incentive pools (each then binds this market).
    /// @param token_ The token escrowed and paid (the preset's ProtocolToken: burnable, no hooks).
    /// @param staking_ The provider staking module.
    /// @param catalog_ The model catalogue.
    /// @param router_ The fee router (same token).
    /// @param incentives_ The incentive pools (same token).
    /// @param compliance_ The compliance registry (the zero address: compliance off).
    /// @param authority The preset's AccessManager.
    /// @param p Initial values of the market's governed parameters.
    constructor(
        IERC20 token_,
        IProviderStaking staking_,
        IModelCatalog catalog_,
        IFeeRouter router_,
        IIncentivePools incentives_,
        IComplianceRegistry compliance_,
        address authority,
        Parameters memory p
    ) AccessManaged(authority) GuardianPausable(p.pauseDuration) {
        if (
            address(token_) == address(0) ||
            address(staking_) == address(0) ||
            address(catalog_) == address(0) ||
            address(router_) == address(0) ||
            address(incentives_) == address(0)
        ) revert ZeroAddress();
        _TOKEN = token_;
        _STAKING = staking_;
        _CATALOG = catalog_;
        _ROUTER = router_;
        _INCENTIVES = incentives_;
        _COMPLIANCE = compliance_;
        _DOMAIN_CHAIN_ID = block.chainid;
        _DOMAIN_SEPARATOR = _domainSeparator();
        _escrow = EscrowConfig({
            withdrawalNotice: SafeCast.toUint32(p.withdrawalNotice),
            subscriptionPeriod: SafeCast.toUint32(p.subscriptionPeriod),
            minSubscription: SafeCast.toUint128(p.minSubscription)
        });
        _totals.challengeWindow = SafeCast.toUint32(p.challengeWindow);
        if (!_escrowValid(_escrow) || p.challengeWindow == 0) revert InvalidConfiguration();
    }

    // ------------------------------------------------------------------ escrow

    /// @inheritdoc IInferenceMarket
    function deposit(uint256 amount) external whenNotPaused nonReentrant {
        if (amount == 0) revert ZeroAmount();
        Account storage a = _accounts[msg.sender];
        a.balance = SafeCast.toUint96(a.balance + amount);
        _totals.escrow = SafeCast.toUint112(_totals.escrow + amount);
        emit Deposited(msg.sender, amount);
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IInferenceMarket
    function buyCredits(uint256 amount) external whenNotPaused nonReentrant returns (uint256 bonus) {
        if (amount == 0) revert ZeroAmount();
        // The pools (bound to this market) transfer the bonus here before it is credited.
        bonus = _INCENTIVES.drawCreditBonus(amount);
        Account storage a = _accounts[msg.sender];
        a.credits = SafeCast.toUint96(a.credits + amount + bonus);
        _totals.escrow = SafeCast.toUint112(_totals.escrow + amount + bonus);
        emit CreditsBought(msg.sender, amount, bonus);
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IInferenceMarket
    function subscribe() external whenNotPaused returns (uint256 until) {
        Account storage a = _accounts[msg.sender];
        EscrowConfig memory e = _escrow;
        uint256 escrow = uint256(a.balance) + a.credits;
        if (escrow < e.minSubscription) revert SubscriptionBelowMinimum(escrow, e.minSubscription);
        Usage storage u = _usage[msg.sender];
        until = Math.max(block.timestamp, u.subscribedUntil) + e.subscriptionPeriod;
        u.subscribedUntil = SafeCast.toUint32(until);
        emit Subscribed(msg.sender, until);
    }

    /// @inheritdoc IInferenceMarket
    function withdraw(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        uint256 subscribedUntil = _usage[msg.sender].subscribedUntil;
        if (block.timestamp < subscribedUntil) revert SubscriptionActive(msg.sender, subscribedUntil);
        Account storage a = _accounts[msg.sender];
        if (amount > a.balance) revert AmountExceedsBalance(amount, a.balance);
        // amount <= balance, and the escrow total includes this balance.
        a.balance -= uint96(amount);
        _totals.escrow -= uint112(amount);
        emit Withdrawn(msg.sender, amount);
        _TOKEN.safeTransfer(msg.sender, amount);
    }

    // ------------------------------------------------------------------ reserves and signers

    /// @inheritdoc IInferenceMarket
    function reserve(address provider, uint256 amount) external whenNotPaused {
        if (amount == 0) revert ZeroAmount();
        if (provider == address(0)) revert ZeroAddress();
        Account memory a = _accounts[msg.sender];
        uint256 available = uint256(a.balance) + a.credits;
        if (amount > available) revert AmountExceedsEscrow(amount, available);
        uint256 fromCredits = Math.min(a.credits, amount);
        uint256 fromDeposits = amount - fromCredits;
        Reserve memory r = _reserves[msg.sender][provider];
        if (!r.open) {
            r.open = true;
            a.openReserves = SafeCast.toUint24(uint256(a.openReserves) + 1);
        }
        // Both parts fit their uint96 sources, and a reserve never holds more than the consumer's whole escrow.
        a.credits -= uint96(fromCredits);
        a.balance -= uint96(fromDeposits);
        r.credits = SafeCast.toUint96(uint256(r.credits) + fromCredits);
        r.deposits = SafeCast.toUint96(uint256(r.deposits) + fromDeposits);
        _accounts[msg.sender] = a;
        _reserves[msg.sender][provider] = r;
        emit Reserved(msg.sender, provider, fromDeposits, fromCredits);
    }

    /// @inheritdoc IInferenceMarket
    function requestRelease(address provider) external {
        Reserve storage r = _reserves[msg.sender][provider];
        if (!r.open) revert ReserveNotOpen(msg.sender, provider);
        uint256 releasableAt = block.timestamp + _escrow.withdrawalNotice;
        r.releasableAt = SafeCast.toUint32(releasableAt);
        emit ReleaseRequested(msg.sender, provider, releasableAt);
    }

    /// @inheritdoc IInferenceMarket
    function release(address provider) external returns (uint256 deposits, uint256 credits) {
        Reserve memory r = _reserves[msg.sender][provider];
        if (r.releasableAt == 0) revert NoReleasePending(msg.sender, provider);
        if (block.timestamp < r.releasableAt) revert ReleaseNotReady(r.releasableAt, block.timestamp);
        // An elapsed request lapses after a short window, so a release never waits at will to front-run a settlement.
        uint256 lapsesAt = uint256(r.releasableAt) + RELEASE_WINDOW;
        if (block.timestamp >= lapsesAt) revert ReleaseLapsed(lapsesAt, block.timestamp);
        (deposits, credits) = (r.deposits, r.credits);
        uint256 epoch = uint256(r.epoch) + 1;
        _reserves[msg.sender][provider] = Reserve({
            deposits: 0,
            credits: 0,
            epoch: SafeCast.toUint24(epoch),
            releasableAt: 0,
            open: false
        });
        Account memory a = _accounts[msg.sender];
        // The reserve came out of this account, so the sums fit; an open reserve counts once.
        a.balance = SafeCast.toUint96(uint256(a.balance) + deposits);
        a.credits = SafeCast.toUint96(uint256(a.credits) + credits);
        a.openReserves -= 1;
        _accounts[msg.sender] = a;
        emit Released(msg.sender, provider, deposits, credits, epoch);
    }

    /// @inheritdoc IInferenceMarket
    function setSigner(address signer) external {
        uint256 open = _accounts[msg.sender].openReserves;
        if (open != 0) revert SignerLocked(msg.sender, open);
        _signers[msg.sender] = signer;
        emit SignerSet(msg.sender, signer);
    }

    /// @inheritdoc IInferenceMarket
    function syncTier(address provider) external returns (uint256 feeDiscountBps) {
        feeDiscountBps = _STAKING.tierOf(provider).feeDiscountBps;
        _earnings[provider].tierDiscountBps = uint16(feeDiscountBps);
        emit TierSynced(provider, feeDiscountBps);
    }

    /// @inheritdoc IInferenceMarket
    function markReferred(address provider) external {
        if (msg.sender != address(_INCENTIVES)) revert OnlyIncentives(msg.sender);
        _earnings[provider].referred = true;
        emit ReferralMarked(provider);
    }

    /// @inheritdoc IInferenceMarket
    function grantCredits(address consumer, uint256 amount) external whenNotPaused {
        if (msg.sender != address(_INCENTIVES)) revert OnlyIncentives(msg.sender);
        _accounts[consumer].credits = SafeCast.toUint96(_accounts[consumer].credits + amount);
        _totals.escrow = SafeCast.toUint112(_totals.escrow + amount);
        emit CreditsBought(consumer, 0, amount);
    }

    // ------------------------------------------------------------------ settlement

    /// @inheritdoc IInferenceMarket
    function settle(
        Voucher calldata voucher,
        bytes calldata signature
    ) external nonReentrant returns (bytes32 subjectId) {
        // Checks: the voucher, its signature, the provider, and that the pair's reserve covers the charge.
        if (msg.sender != voucher.provider) revert NotVoucherProvider(msg.sender, voucher.provider);
        if (block.timestamp > voucher.deadline) revert VoucherExpired(voucher.deadline, block.timestamp);
        bytes32 key = _key(voucher);
        Channel memory ch = _channels[key];
        Earnings memory e = _earnings[voucher.provider];
        IFeeRouter.Charge memory c;
        uint256 fromCredits;
        {
            Reserve memory r = _reserves[voucher.consumer][voucher.provider];
            if (voucher.epoch != r.epoch) revert StaleEpoch(voucher.epoch, r.epoch);
            _checkVoucher(voucher, ch, signature);
            Usage memory u = _rolledUsage(_usage[voucher.consumer]);
            (c, fromCredits) = _charge(voucher, ch, r, u, e.tierDiscountBps);
            // Compliance (opt-in): this settlement's charge is the payment checked, consumer to provider.
            if (address(_COMPLIANCE) != address(0)) _COMPLIANCE.check(voucher.consumer, voucher.provider, c.total);
            _recordUsage(voucher, ch, c.provider);

            // Effects.
            _draw(voucher, ch, r, u, c, fromCredits);
        }
        subjectId = _book(ch, voucher, e, c);
        emit Settled(
            subjectId,
            ch.number,
            voucher.cumulativeAmount - ch.settledAmount,
            voucher.cumulativeTokens - ch.settledTokens,
            c.discountBps,
            c.baseFee,
            c.priorityFee
        );
        ch.settledAmount = SafeCast.toUint96(voucher.cumulativeAmount);
        ch.settledTokens = SafeCast.toUint96(voucher.cumulativeTokens);
        _channels[key] = ch;

        // Interaction: incentives on the base fee only (never on priority fees, which the protocol does not share).
        _INCENTIVES.onSettlement(
            voucher.consumer,
            voucher.provider,
            c.baseFee - fromCredits,
            c.provider - c.priorityFee,
            e.referred
        );
    }

    // ------------------------------------------------------------------ ledgers

    /// @inheritdoc IInferenceMarket
    function claimEarnings() external nonReentrant returns (uint256 amount) {
        Earnings storage e = _earnings[msg.sender];
        amount = e.unclaimed;
        if (amount == 0) revert NothingToClaim(msg.sender);
        e.unclaimed = 0;
        // The total of unclaimed earnings includes this provider's.
        _totals.earnings -= uint112(amount);
        emit EarningsClaimed(msg.sender, amount);
        _TOKEN.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc IInferenceMarket
    function distributeFees() external nonReentrant {
        Ledger memory ledger = _loadLedger();
        (uint256 validators, uint256 infrastructure, uint256 treasury, uint256 burned) = (
            ledger.validators,
            ledger.infrastructure,
            ledger.treasury,
            ledger.burn
        );
        if (validators + infrastructure + treasury + burned == 0) revert NothingToDistribute();
        (ledger.validators, ledger.infrastructure, ledger.treasury, ledger.burn) = (0, 0, 0, 0);
        _storeLedger(ledger);
        emit FeesDistributed(validators, infrastructure, treasury, burned);

        IFeeRouter.FeeRecipients memory r = _ROUTER.feeRecipients();
        if (validators != 0) _TOKEN.safeTransfer(r.validators, validators);
        if (infrastructure != 0) _TOKEN.safeTransfer(r.infrastructure, infrastructure);
        if (treasury != 0) _TOKEN.safeTransfer(r.treasury, treasury);
        if (burned != 0) ERC20Burnable(address(_TOKEN)).burn(burned);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IInferenceMarket
    function hashVoucher(Voucher calldata voucher) public view returns (bytes32) {
        // Every field of a Voucher is a static type, so abi.encode(struct) is the EIP-712 encoding of its fields.
        bytes32 domain = block.chainid == _DOMAIN_CHAIN_ID ? _DOMAIN_SEPARATOR : _domainSeparator();
        return MessageHashUtils.toTypedDataHash(domain, keccak256(abi.encode(VOUCHER_TYPEHASH, voucher)));
    }

    /// @inheritdoc IInferenceMarket
    function channel(bytes32 key) external view returns (ChannelView memory) {
        Channel memory ch = _channels[key];
        return ChannelView({settledAmount: ch.settledAmount, settledTokens: ch.settledTokens, number: ch.number});
    }

    /// @inheritdoc IInferenceMarket
    function accountOf(address consumer) external view returns (AccountView memory) {
        Account memory a = _accounts[consumer];
        Usage memory u = _rolledUsage(_usage[consumer]);
        return
            AccountView({
                balance: a.balance,
                credits: a.credits,
                openReserves: a.openReserves,
                subscribedUntil: u.subscribedUntil,
                volumePeriod: u.period,
                currentVolume: u.currentVolume,
                previousVolume: u.previousVolume
            });
    }

    /// @inheritdoc IInferenceMarket
    function reserveOf(address consumer, address provider) external view returns (ReserveView memory) {
        Reserve memory r = _reserves[consumer][provider];
        return
            ReserveView({
                deposits: r.deposits,
                credits: r.credits,
                epoch: r.epoch,
                open: r.open,
                releasableAt: r.releasableAt
            });
    }

    /// @inheritdoc IInferenceMarket
    function signerOf(address consumer) external view returns (address) {
        return _signers[consumer];
    }

    /// @inheritdoc IInferenceMarket
    function tierDiscountOf(address provider) external view returns (uint256) {
        return _earnings[provider].tierDiscountBps;
    }

    /// @inheritdoc IInferenceMarket
    function totals() external view returns (uint256 escrow, uint256 earnings, uint256 fees) {
        Totals memory t = _totals;
        Ledger memory ledger = _loadLedger();
        return (
            t.escrow,
            t.earnings,
            uint256(ledger.validators) + ledger.infrastructure + ledger.treasury + ledger.burn
        );
    }

    /// @inheritdoc IInferenceMarket
    function accruedFees() external view returns (AccruedFees memory) {
        Ledger memory ledger = _loadLedger();
        return
            AccruedFees({
                validators: ledger.validators,
                infrastructure: ledger.infrastructure,
                treasury: ledger.treasury,
                burn: ledger.burn
            });
    }

    /// @inheritdoc IInferenceMarket
    function earningsOf(address provider) external view returns (uint256 unclaimed, uint256 lifetime) {
        Earnings memory e = _earnings[provider];
        return (e.unclaimed, e.lifetime);
    }

    /// @inheritdoc IInferenceMarket
    function diversityEarningsOf(address provider) external view returns (uint256) {
        return _diversityEarnings[provider];
    }

    /// @inheritdoc IChallengeSource
    function challengeSubject(
        bytes32 subjectId
    ) external view returns (address provider, address consumer, uint256 value, uint256 deadline) {
        uint256 number = uint256(subjectId) >> 24;
        uint256 ordinal = uint24(uint256(subjectId));
        Parties memory p = _parties[number];
        // Unknown: no such channel, ordinal 0, or an ordinal the channel has not reached.
        if (ordinal == 0 || ordinal > p.last) return (address(0), address(0), 0, 0);
        Window memory old = _archived[number];
        if (ordinal > old.last) return (p.provider, p.consumer, p.value, p.deadline);
        if (ordinal >= old.first) return (p.provider, p.consumer, old.value, old.deadline);
        // A window overwritten once expired: the same parties, nothing left to challenge.
        return (p.provider, p.consumer, 0, 0);
    }

    /// @inheritdoc IInferenceMarket
    function catalog() external view returns (address) {
        return address(_CATALOG);
    }

    /// @inheritdoc IInferenceMarket
    function feeRouter() external view returns (address) {
        return address(_ROUTER);
    }

    /// @inheritdoc IInferenceMarket
    function incentives() external view returns (address) {
        return address(_INCENTIVES);
    }

    /// @inheritdoc IInferenceMarket
    function compliance() external view returns (address) {
        return address(_COMPLIANCE);
    }

    /// @inheritdoc IInferenceMarket
    function staking() external view returns (address) {
        return address(_STAKING);
    }

    /// @inheritdoc IInferenceMarket
    function token() external view returns (address) {
        return address(_TOKEN);
    }

    // ------------------------------------------------------------------ parameters

    /// @notice Reads a governed parameter of the market (or the pause duration).
    /// @param key The parameter's key (`MarketKeys`, or `PAUSE_DURATION`).
    /// @return The value; reverts with `UnknownParameter` for other keys.
    function parameter(bytes32 key) public view override returns (uint256) {
        EscrowConfig memory e = _escrow;
        if (key == MarketKeys.WITHDRAWAL_NOTICE) return e.withdrawalNotice;
        if (key == MarketKeys.CHALLENGE_WINDOW) return _totals.challengeWindow;
        if (key == MarketKeys.SUBSCRIPTION_PERIOD) return e.subscriptionPeriod;
        if (key == MarketKeys.MIN_SUBSCRIPTION) return e.minSubscription;
        return super.parameter(key);
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        EscrowConfig memory e = _escrow;
        if (key == MarketKeys.CHALLENGE_WINDOW) {
            if (value == 0 || value > type(uint32).max) revert InvalidParameterValue(key, value);
            _totals.challengeWindow = uint32(value);
            return;
        }
        if (key == MarketKeys.MIN_SUBSCRIPTION) {
            if (value > type(uint128).max) revert InvalidParameterValue(key, value);
            e.minSubscription = uint128(value);
        } else if (key == MarketKeys.WITHDRAWAL_NOTICE || key == MarketKeys.SUBSCRIPTION_PERIOD) {
            if (value > type(uint32).max) revert InvalidParameterValue(key, value);
            if (key == MarketKeys.WITHDRAWAL_NOTICE) e.withdrawalNotice = uint32(value);
            else e.subscriptionPeriod = uint32(value);
        } else {
            super._setParameter(key, value);
            return;
        }
        if (!_escrowValid(e)) revert InvalidParameterValue(key, value);
        _escrow = e;
    }

    // ------------------------------------------------------------------ internals

    /// @dev The checks of a voucher against its channel: newer than the channel's last settlement, signed by the
    /// consumer or its registered signer (ECDSA only: nothing the consumer changes after signing can invalidate it),
    /// and an active provider (the settlement's one staking read).
    function _checkVoucher(Voucher calldata voucher, Channel memory ch, bytes calldata signature) private view {
        if (voucher.cumulativeAmount <= ch.settledAmount) {
            revert VoucherAlreadySettled(voucher.cumulativeAmount, ch.settledAmount);
        }
        if (voucher.cumulativeTokens < ch.settledTokens) {
            revert TokensDecreased(voucher.cumulativeTokens, ch.settledTokens);
        }
        (address recovered, ECDSA.RecoverError err, ) = ECDSA.tryRecoverCalldata(hashVoucher(voucher), signature);
        if (
            err != ECDSA.RecoverError.NoError ||
            (recovered != voucher.consumer && recovered != _signers[voucher.consumer])
        ) revert InvalidSignature(voucher.consumer);
        if (!_STAKING.isActive(voucher.provider)) revert ProviderInactive(voucher.provider);
    }

    /// @dev The charge of a voucher under the router's policy (the provider's cached tier discount, the consumer's
    /// volume band and subscription), and the part of it credits pay: credits pay base fees only, the priority fee and
    /// the rest come from reserved deposits. Refuses a charge the pair's reserve does not cover.
    function _charge(
        Voucher calldata voucher,
        Channel memory ch,
        Reserve memory r,
        Usage memory u,
        uint256 tierDiscountBps
    ) private view returns (IFeeRouter.Charge memory c, uint256 fromCredits) {
        c = _quote(u, tierDiscountBps, voucher.cumulativeAmount - ch.settledAmount, voucher.priorityBps, voucher.batch);
        fromCredits = Math.min(r.credits, c.baseFee);
        if (c.total - fromCredits > r.deposits) {
            revert InsufficientEscrow(voucher.consumer, uint256(r.deposits) + fromCredits, c.total);
        }
    }

    /// @dev The router's charge for `amount` of list value with the consumer's volume band and subscription (`u`, its
    /// usage moved to the current period).
    function _quote(
        Usage memory u,
        uint256 tierDiscountBps,
        uint256 amount,
        uint256 priorityBps,
        bool batch
    ) private view returns (IFeeRouter.Charge memory) {
        return
            _ROUTER.chargeAt(
                tierDiscountBps,
                amount,
                Math.max(u.currentVolume, u.previousVolume),
                block.timestamp < u.subscribedUntil,
                priorityBps,
                batch
            );
    }

    /// @dev Takes a charge from the pair's reserve and adds the list value to the consumer's monthly volume.
    function _draw(
        Voucher calldata voucher,
        Channel memory ch,
        Reserve memory r,
        Usage memory u,
        IFeeRouter.Charge memory c,
        uint256 fromCredits
    ) private {
        // fromCredits <= credits and the rest <= deposits (checked in `_charge`), both uint96.
        r.credits -= uint96(fromCredits);
        r.deposits -= uint96(c.total - fromCredits);
        _reserves[voucher.consumer][voucher.provider] = r;
        u.currentVolume = SafeCast.toUint96(u.currentVolume + voucher.cumulativeAmount - ch.settledAmount);
        _usage[voucher.consumer] = u;
    }

    /// @dev Credits the split (in memory for the ledger) and moves the charge from escrow to earnings in the totals;
    /// returns the challenge window (kept in the totals' slot).
    function _credit(
        Ledger memory ledger,
        address provider,
        Earnings memory e,
        IFeeRouter.Charge memory c
    ) private returns (uint256 challengeWindow) {
        ledger.validators = SafeCast.toUint96(ledger.validators + c.validators);
        ledger.infrastructure = SafeCast.toUint96(ledger.infrastructure + c.infrastructure);
        ledger.treasury = SafeCast.toUint96(ledger.treasury + c.treasury);
        ledger.burn = SafeCast.toUint96(ledger.burn + c.burn);
        e.unclaimed = SafeCast.toUint112(e.unclaimed + c.provider);
        e.lifetime = SafeCast.toUint112(e.lifetime + c.provider);
        _earnings[provider] = e;
        Totals memory t = _totals;
        // The consumer's reserve covered the charge, so the escrow total does too.
        t.escrow -= uint112(c.total);
        t.earnings = SafeCast.toUint112(t.earnings + c.provider);
        _totals = t;
        return t.challengeWindow;
    }

    /// @dev The catalogue (bound to this market, no callback) refuses an unknown model, records the demand and returns
    /// the provider's diversity weight of the model (zero unless the curator certified it for the model); the
    /// provider's `earned` on the settlement, times the weight (rounded down), adds to its weighted diversity earnings.
    function _recordUsage(Voucher calldata v, Channel memory ch, uint256 earned) private {
        (, uint256 weightBps) = _CATALOG.recordUsage(
            v.modelId,
            v.provider,
            v.cumulativeTokens - ch.settledTokens,
            v.cumulativeAmount - ch.settledAmount
        );
        if (weightBps == 0) return;
        uint256 weighted = (earned * weightBps) / BPS;
        _diversityEarnings[v.provider] += weighted;
        emit DiversityEarned(v.provider, v.modelId, weightBps, weighted);
    }

    /// @dev Credits the charge to the ledger (read and written once here), the provider's earnings and the totals, and
    /// records the settlement in its channel's challenge window; returns its subject id.
    function _book(
        Channel memory ch,
        Voucher calldata v,
        Earnings memory e,
        IFeeRouter.Charge memory c
    ) private returns (bytes32 subjectId) {
        Ledger memory ledger = _loadLedger();
        ++ledger.settlements;
        subjectId = _record(ledger, ch, v, c.total, _credit(ledger, v.provider, e, c));
        _storeLedger(ledger);
    }

    /// @dev Records a settlement of `value` in its channel's challenge window; returns its subject id (the channel's
    /// number above the settlement's ordinal in it). A channel's first settlement numbers it (the ledger is stored
    /// after) and writes its parties with its first window. A later one joins the current window (value added,
    /// deadline the later of its own and now + the challenge window) while that window is open and started less than
    /// a challenge window ago; otherwise the window is archived and a new one starts, unless the archived one is still
    /// open (only after the window parameter was shortened): an open window is never overwritten, the settlement
    /// joins instead. After ordinal 2^24 - 1 the channel is numbered anew (`ChannelOpened` again, same key).
    function _record(
        Ledger memory ledger,
        Channel memory ch,
        Voucher calldata v,
        uint256 value,
        uint256 challengeWindow
    ) private returns (bytes32) {
        uint256 deadline = block.timestamp + challengeWindow;
        Parties memory p;
        if (ch.number != 0) p = _parties[ch.number];
        if (p.last == 0 || p.last == type(uint24).max) {
            // A channel's first settlement, or one past its last ordinal: the channel goes on under a new number, so
            // every settlement keeps a subject of its own (the old number's subjects stay as they are).
            ch.number = ledger.channels + 1;
            ledger.channels = ch.number;
            emit ChannelOpened(ch.number, v.consumer, v.provider, v.modelId, v.priorityBps, v.batch, v.epoch);
            p = Parties({
                consumer: v.consumer,
                value: SafeCast.toUint96(value),
                provider: v.provider,
                deadline: SafeCast.toUint40(deadline),
                start: SafeCast.toUint32(block.timestamp),
                last: 1
            });
        } else {
            ++p.last;
            if (block.timestamp > p.deadline || block.timestamp >= uint256(p.start) + challengeWindow) {
                Window memory old = _archived[ch.number];
                if (block.timestamp > old.deadline) {
                    _archived[ch.number] = Window({
                        first: old.last + 1,
                        last: p.last - 1,
                        value: p.value,
                        deadline: p.deadline
                    });
                    (p.value, p.deadline, p.start) = (0, 0, SafeCast.toUint32(block.timestamp));
                }
            }
            p.value = SafeCast.toUint96(uint256(p.value) + value);
            if (deadline > p.deadline) p.deadline = SafeCast.toUint40(deadline);
        }
        _parties[ch.number] = p;
        return bytes32((uint256(ch.number) << 24) | p.last);
    }

    /// @dev The ledger's two slots, read together.
    function _loadLedger() private view returns (Ledger memory) {
        (LedgerHead memory h, LedgerTail memory t) = (_ledgerHead, _ledgerTail);
        return
            Ledger({
                validators: h.validators,
                infrastructure: h.infrastructure,
                settlements: h.settlements,
                treasury: t.treasury,
                burn: t.burn,
                channels: t.channels
            });
    }

    /// @dev Writes the ledger's two slots, one store each.
    function _storeLedger(Ledger memory ledger) private {
        _ledgerHead = LedgerHead({
            validators: ledger.validators,
            infrastructure: ledger.infrastructure,
            settlements: ledger.settlements
        });
        _ledgerTail = LedgerTail({treasury: ledger.treasury, burn: ledger.burn, channels: ledger.channels});
    }

    /// @dev The EIP-712 domain: name "InferenceMarket", version "1", the live chain and this contract.
    function _domainSeparator() private view returns (bytes32) {
        return keccak256(abi.encode(_DOMAIN_TYPEHASH, _NAME_HASH, _VERSION_HASH, block.chainid, address(this)));
    }

    function _key(Voucher calldata v) private pure returns (bytes32) {
        return keccak256(abi.encode(v.consumer, v.provider, v.modelId, v.priorityBps, v.batch, v.epoch));
    }

    /// @dev The consumer's usage moved to the current volume period: the period before is kept only if it is the one
    /// just ended.
    function _rolledUsage(Usage memory u) private view returns (Usage memory) {
        uint256 period = block.timestamp / VOLUME_PERIOD;
        if (u.period == period) return u;
        u.previousVolume = u.period + 1 == period ? u.currentVolume : 0;
        u.currentVolume = 0;
        u.period = SafeCast.toUint32(period);
        return u;
    }

    /// @dev The withdrawal notice, the subscription period and minimum positive (the challenge window is checked where
    /// it is set).
    function _escrowValid(EscrowConfig memory e) private pure returns (bool) {
        return e.withdrawalNotice > 0 && e.subscriptionPeriod > 0 && e.minSubscription > 0;
    }
}
