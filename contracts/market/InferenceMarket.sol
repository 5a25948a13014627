// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {GuardianPausable} from "../governance/GuardianPausable.sol";
import {IChallengeSource} from "../interfaces/IChallengeSource.sol";
import {IFeeRouter} from "../interfaces/IFeeRouter.sol";
import {IIncentivePools} from "../interfaces/IIncentivePools.sol";
import {IInferenceMarket} from "../interfaces/IInferenceMarket.sol";
import {IModelCatalog} from "../interfaces/IModelCatalog.sol";
import {IProviderStaking} from "../interfaces/IProviderStaking.sol";
import {MarketKeys} from "../libraries/MarketKeys.sol";

/// @title InferenceMarket
/// @notice Consumer escrow, EIP-712 cumulative vouchers per channel, settlement charged and split by the fee router's
/// policy into internal ledgers, and settled vouchers as challenge subjects. Immutable, AccessManaged, pausable by
/// the guardian; every action is O(1).
/// @dev The token is the preset's ProtocolToken (no transfer hooks, no fees). External calls at a settlement: the
/// staking module and the fee router (views), then the catalogue and the incentive pools (bound to this market).
contract InferenceMarket is IInferenceMarket, GuardianPausable, ReentrancyGuardTransient, EIP712 {
    using SafeERC20 for IERC20;

    /// @dev A consumer's escrow in one slot.
    struct Account {
        uint96 balance;
        uint96 credits;
        uint24 epoch;
        uint40 subscribedUntil;
    }

    /// @dev A consumer's monthly volume in one slot (list value; periods of `VOLUME_PERIOD`).
    struct Usage {
        uint96 currentVolume;
        uint96 previousVolume;
        uint32 period;
    }

    /// @dev A consumer's pending withdrawal in one slot.
    struct Withdrawal {
        uint96 amount;
        uint40 availableAt;
    }

    /// @dev A channel's settled state and number in one slot.
    struct Channel {
        uint96 settledAmount;
        uint96 settledTokens;
        uint64 number;
    }

    /// @dev Who a channel is between (written once, at its first settlement).
    struct Parties {
        address consumer;
        address provider;
    }

    /// @dev A settlement as the challenge court reads it, in one slot.
    struct Settlement {
        uint64 channel;
        uint96 value;
        uint40 deadline;
    }

    /// @dev The protocol's accrued parts, and the settlement and channel counters written with them, in two slots.
    struct Ledger {
        uint96 validators;
        uint96 infrastructure;
        uint64 settlements;
        uint96 treasury;
        uint96 burn;
        uint64 channels;
    }

    /// @dev A provider's earnings in one slot.
    struct Earnings {
        uint128 unclaimed;
        uint128 lifetime;
    }

    /// @dev What the market holds for consumers and providers, in one slot (a settlement moves value between them).
    struct Totals {
        uint128 escrow;
        uint128 earnings;
    }

    /// @dev The escrow's governed numbers in one slot.
    struct EscrowConfig {
        uint32 withdrawalNotice;
        uint32 challengeWindow;
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

    IERC20 private immutable _TOKEN;
    IProviderStaking private immutable _STAKING;
    IModelCatalog private immutable _CATALOG;
    IFeeRouter private immutable _ROUTER;
    IIncentivePools private immutable _INCENTIVES;

    EscrowConfig private _escrow;
    Ledger private _ledger;
    Totals private _totals;

    mapping(address consumer => Account) private _accounts;
    mapping(address consumer => Usage) private _usage;
    mapping(address consumer => Withdrawal) private _withdrawals;
    mapping(bytes32 key => Channel) private _channels;
    mapping(uint256 channel => Parties) private _parties;
    mapping(uint256 id => Settlement) private _settlements;
    mapping(address provider => Earnings) private _earnings;

    /// @notice Deploys the market over its catalogue, fee router and incentive pools (each then binds this market).
    /// @param token_ The token escrowed and paid (the preset's ProtocolToken: burnable, no hooks).
    /// @param staking_ The provider staking module.
    /// @param catalog_ The model catalogue.
    /// @param router_ The fee router (same token).
    /// @param incentives_ The incentive pools (same token).
    /// @param authority The preset's AccessManager.
    /// @param p Initial values of the market's governed parameters.
    constructor(
        IERC20 token_,
        IProviderStaking staking_,
        IModelCatalog catalog_,
        IFeeRouter router_,
        IIncentivePools incentives_,
        address authority,
        Parameters memory p
    ) AccessManaged(authority) GuardianPausable(p.pauseDuration) EIP712("InferenceMarket", "1") {
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
        _escrow = EscrowConfig({
            withdrawalNotice: SafeCast.toUint32(p.withdrawalNotice),
            challengeWindow: SafeCast.toUint32(p.challengeWindow),
            subscriptionPeriod: SafeCast.toUint32(p.subscriptionPeriod),
            minSubscription: SafeCast.toUint128(p.minSubscription)
        });
        if (!_escrowValid(_escrow)) revert InvalidConfiguration();
    }

    // ------------------------------------------------------------------ escrow

    /// @inheritdoc IInferenceMarket
    function deposit(uint256 amount) external whenNotPaused nonReentrant {
        if (amount == 0) revert ZeroAmount();
        Account storage a = _accounts[msg.sender];
        a.balance = SafeCast.toUint96(a.balance + amount);
        _totals.escrow = SafeCast.toUint128(_totals.escrow + amount);
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
        _totals.escrow = SafeCast.toUint128(_totals.escrow + amount + bonus);
        emit CreditsBought(msg.sender, amount, bonus);
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IInferenceMarket
    function subscribe() external whenNotPaused returns (uint256 until) {
        Withdrawal memory w = _withdrawals[msg.sender];
        if (w.amount != 0) revert WithdrawalPending(msg.sender, w.amount, w.availableAt);
        Account storage a = _accounts[msg.sender];
        EscrowConfig memory e = _escrow;
        uint256 escrow = uint256(a.balance) + a.credits;
        if (escrow < e.minSubscription) revert SubscriptionBelowMinimum(escrow, e.minSubscription);
        until = Math.max(block.timestamp, a.subscribedUntil) + e.subscriptionPeriod;
        a.subscribedUntil = SafeCast.toUint40(until);
        emit Subscribed(msg.sender, until);
    }

    /// @inheritdoc IInferenceMarket
    function requestWithdrawal(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        Account memory a = _accounts[msg.sender];
        if (block.timestamp < a.subscribedUntil) revert SubscriptionActive(msg.sender, a.subscribedUntil);
        if (amount > a.balance) revert AmountExceedsBalance(amount, a.balance);
        uint256 availableAt = block.timestamp + _escrow.withdrawalNotice;
        // amount <= balance (a uint96).
        _withdrawals[msg.sender] = Withdrawal({amount: uint96(amount), availableAt: SafeCast.toUint40(availableAt)});
        emit WithdrawalRequested(msg.sender, amount, availableAt);
    }

    /// @inheritdoc IInferenceMarket
    function cancelWithdrawal() external {
        if (_withdrawals[msg.sender].amount == 0) revert NoWithdrawalPending(msg.sender);
        delete _withdrawals[msg.sender];
        emit WithdrawalCancelled(msg.sender);
    }

    /// @inheritdoc IInferenceMarket
    function withdraw() external nonReentrant returns (uint256 amount) {
        Withdrawal memory w = _withdrawals[msg.sender];
        if (w.amount == 0) revert NoWithdrawalPending(msg.sender);
        if (block.timestamp < w.availableAt) revert WithdrawalNotReady(w.availableAt, block.timestamp);
        delete _withdrawals[msg.sender];

        Account storage a = _accounts[msg.sender];
        // Settlements during the notice may have spent part of it.
        amount = Math.min(w.amount, a.balance);
        uint256 epoch = uint256(a.epoch) + 1;
        // amount <= balance, and the escrow total includes this balance.
        a.balance -= uint96(amount);
        a.epoch = SafeCast.toUint24(epoch);
        _totals.escrow -= uint128(amount);
        emit Withdrawn(msg.sender, amount, epoch);
        if (amount != 0) _TOKEN.safeTransfer(msg.sender, amount);
    }

    // ------------------------------------------------------------------ settlement

    /// @inheritdoc IInferenceMarket
    function settle(
        Voucher calldata voucher,
        bytes calldata signature
    ) external whenNotPaused nonReentrant returns (bytes32 subjectId) {
        if (msg.sender != voucher.provider) revert NotVoucherProvider(msg.sender, voucher.provider);
        if (block.timestamp > voucher.deadline) revert VoucherExpired(voucher.deadline, block.timestamp);
        bytes32 key = _key(voucher);
        Channel memory ch = _channels[key];
        _checkVoucher(voucher, ch, signature);
        uint256 amount = voucher.cumulativeAmount - ch.settledAmount;
        uint256 tokens = voucher.cumulativeTokens - ch.settledTokens;

        (IFeeRouter.Charge memory c, uint256 fromDeposits) = _chargeConsumer(voucher, amount);
        Ledger memory ledger = _ledger;
        if (ch.number == 0) ch.number = _openChannel(ledger, voucher);
        ch.settledAmount = SafeCast.toUint96(voucher.cumulativeAmount);
        ch.settledTokens = SafeCast.toUint96(voucher.cumulativeTokens);
        _channels[key] = ch;
        _credit(ledger, voucher.provider, c);
        subjectId = _record(ledger, ch.number, c.total);
        emit Settled(subjectId, ch.number, amount, tokens, c.discountBps, c.baseFee, c.priorityFee);

        // The catalogue and the pools (bound to this market): the demand record (and the price floor), then incentives.
        uint256 floor = tokens * _CATALOG.recordUsage(voucher.modelId, tokens);
        if (amount < floor) revert PriceBelowFloor(amount, floor);
        _INCENTIVES.onSettlement(voucher.consumer, voucher.provider, fromDeposits, c.provider);
    }

    // ------------------------------------------------------------------ ledgers

    /// @inheritdoc IInferenceMarket
    function claimEarnings() external nonReentrant returns (uint256 amount) {
        Earnings storage e = _earnings[msg.sender];
        amount = e.unclaimed;
        if (amount == 0) revert NothingToClaim(msg.sender);
        e.unclaimed = 0;
        // The total of unclaimed earnings includes this provider's.
        _totals.earnings -= uint128(amount);
        emit EarningsClaimed(msg.sender, amount);
        _TOKEN.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc IInferenceMarket
    function distributeFees() external nonReentrant {
        Ledger memory ledger = _ledger;
        (uint256 validators, uint256 infrastructure, uint256 treasury, uint256 burned) = (
            ledger.validators,
            ledger.infrastructure,
            ledger.treasury,
            ledger.burn
        );
        if (validators + infrastructure + treasury + burned == 0) revert NothingToDistribute();
        (ledger.validators, ledger.infrastructure, ledger.treasury, ledger.burn) = (0, 0, 0, 0);
        _ledger = ledger;
        emit FeesDistributed(validators, infrastructure, treasury, burned);

        IFeeRouter.FeeRecipients memory r = _ROUTER.feeRecipients();
        if (validators != 0) _TOKEN.safeTransfer(r.validators, validators);
        if (infrastructure != 0) _TOKEN.safeTransfer(r.infrastructure, infrastructure);
        if (treasury != 0) _TOKEN.safeTransfer(r.treasury, treasury);
        if (burned != 0) ERC20Burnable(address(_TOKEN)).burn(burned);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IInferenceMarket
    function previewCharge(
        address consumer,
        address provider,
        uint256 amount,
        uint256 priorityBps,
        bool batch
    ) external view returns (IFeeRouter.Charge memory) {
        Usage memory u = _rolledUsage(_usage[consumer]);
        return
            _ROUTER.charge(
                provider,
                amount,
                Math.max(u.currentVolume, u.previousVolume),
                block.timestamp < _accounts[consumer].subscribedUntil,
                priorityBps,
                batch
            );
    }

    /// @inheritdoc IInferenceMarket
    function hashVoucher(Voucher calldata voucher) public view returns (bytes32) {
        // Every field of a Voucher is a static type, so abi.encode(struct) is the EIP-712 encoding of its fields.
        return _hashTypedDataV4(keccak256(abi.encode(VOUCHER_TYPEHASH, voucher)));
    }

    /// @inheritdoc IInferenceMarket
    function channelKey(
        address consumer,
        address provider,
        bytes32 modelId,
        uint256 priorityBps,
        bool batch,
        uint256 epoch
    ) external pure returns (bytes32) {
        return keccak256(abi.encode(consumer, provider, modelId, priorityBps, batch, epoch));
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
        Withdrawal memory w = _withdrawals[consumer];
        return
            AccountView({
                balance: a.balance,
                credits: a.credits,
                epoch: a.epoch,
                subscribedUntil: a.subscribedUntil,
                pendingWithdrawal: w.amount,
                withdrawableAt: w.availableAt,
                volumePeriod: u.period,
                currentVolume: u.currentVolume,
                previousVolume: u.previousVolume
            });
    }

    /// @inheritdoc IInferenceMarket
    function totals() external view returns (uint256 escrow, uint256 earnings, uint256 fees) {
        Totals memory t = _totals;
        Ledger memory ledger = _ledger;
        return (
            t.escrow,
            t.earnings,
            uint256(ledger.validators) + ledger.infrastructure + ledger.treasury + ledger.burn
        );
    }

    /// @inheritdoc IInferenceMarket
    function accruedFees() external view returns (AccruedFees memory) {
        Ledger memory ledger = _ledger;
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

    /// @inheritdoc IChallengeSource
    function challengeSubject(
        bytes32 subjectId
    ) external view returns (address provider, address consumer, uint256 value, uint256 deadline) {
        Settlement memory s = _settlements[uint256(subjectId)];
        if (s.channel == 0) return (address(0), address(0), 0, 0);
        Parties memory p = _parties[s.channel];
        return (p.provider, p.consumer, s.value, s.deadline);
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
        if (key == MarketKeys.CHALLENGE_WINDOW) return e.challengeWindow;
        if (key == MarketKeys.SUBSCRIPTION_PERIOD) return e.subscriptionPeriod;
        if (key == MarketKeys.MIN_SUBSCRIPTION) return e.minSubscription;
        return super.parameter(key);
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        EscrowConfig memory e = _escrow;
        if (key == MarketKeys.MIN_SUBSCRIPTION) {
            if (value > type(uint128).max) revert InvalidParameterValue(key, value);
            e.minSubscription = uint128(value);
        } else if (
            key == MarketKeys.WITHDRAWAL_NOTICE ||
            key == MarketKeys.CHALLENGE_WINDOW ||
            key == MarketKeys.SUBSCRIPTION_PERIOD
        ) {
            if (value > type(uint32).max) revert InvalidParameterValue(key, value);
            if (key == MarketKeys.WITHDRAWAL_NOTICE) e.withdrawalNotice = uint32(value);
            else if (key == MarketKeys.CHALLENGE_WINDOW) e.challengeWindow = uint32(value);
            else e.subscriptionPeriod = uint32(value);
        } else {
            super._setParameter(key, value);
            return;
        }
        if (!_escrowValid(e)) revert InvalidParameterValue(key, value);
        _escrow = e;
    }

    // ------------------------------------------------------------------ internals

    /// @dev Every check of a voucher but its deadline, caller and terms (the router checks those): the consumer's
    /// epoch, that it is newer than the channel's last settlement, the consumer's signature, and that the provider
    /// is active.
    function _checkVoucher(Voucher calldata voucher, Channel memory ch, bytes calldata signature) private view {
        uint256 epoch = _accounts[voucher.consumer].epoch;
        if (voucher.epoch != epoch) revert StaleEpoch(voucher.epoch, epoch);
        if (voucher.cumulativeAmount <= ch.settledAmount) {
            revert VoucherAlreadySettled(voucher.cumulativeAmount, ch.settledAmount);
        }
        if (voucher.cumulativeTokens < ch.settledTokens) {
            revert TokensDecreased(voucher.cumulativeTokens, ch.settledTokens);
        }
        bytes32 digest = hashVoucher(voucher);
        // ECDSA first (no code lookup for the common case), else ERC-1271 for a contract consumer.
        (address recovered, ECDSA.RecoverError err, ) = ECDSA.tryRecoverCalldata(digest, signature);
        if (
            (err != ECDSA.RecoverError.NoError || recovered != voucher.consumer) &&
            !SignatureChecker.isValidERC1271SignatureNowCalldata(voucher.consumer, digest, signature)
        ) revert InvalidSignature(voucher.consumer);
        if (!_STAKING.isActive(voucher.provider)) revert ProviderInactive(voucher.provider);
    }

    /// @dev Charges the consumer for `amount` of list value under the router's policy: takes the charge from its
    /// escrow (credits first; refused beyond it) and adds the list value to its monthly volume. Returns the charge and
    /// the part of it paid from deposits (the base of cashback and API share: credits carry their own bonus).
    function _chargeConsumer(
        Voucher calldata voucher,
        uint256 amount
    ) private returns (IFeeRouter.Charge memory c, uint256 fromDeposits) {
        Account memory a = _accounts[voucher.consumer];
        Usage memory u = _rolledUsage(_usage[voucher.consumer]);
        c = _ROUTER.charge(
            voucher.provider,
            amount,
            Math.max(u.currentVolume, u.previousVolume),
            block.timestamp < a.subscribedUntil,
            voucher.priorityBps,
            voucher.batch
        );
        uint256 available = uint256(a.credits) + a.balance;
        if (c.total > available) revert InsufficientEscrow(voucher.consumer, available, c.total);
        uint256 fromCredits = Math.min(a.credits, c.total);
        fromDeposits = c.total - fromCredits;
        // fromCredits <= credits and fromDeposits <= balance, both uint96.
        a.credits -= uint96(fromCredits);
        a.balance -= uint96(fromDeposits);
        _accounts[voucher.consumer] = a;
        u.currentVolume = SafeCast.toUint96(u.currentVolume + amount);
        _usage[voucher.consumer] = u;
    }

    /// @dev Credits the split (in memory for the ledger) and moves the charge from escrow to earnings in the totals.
    function _credit(Ledger memory ledger, address provider, IFeeRouter.Charge memory c) private {
        ledger.validators = SafeCast.toUint96(ledger.validators + c.validators);
        ledger.infrastructure = SafeCast.toUint96(ledger.infrastructure + c.infrastructure);
        ledger.treasury = SafeCast.toUint96(ledger.treasury + c.treasury);
        ledger.burn = SafeCast.toUint96(ledger.burn + c.burn);
        Earnings memory e = _earnings[provider];
        e.unclaimed = SafeCast.toUint128(e.unclaimed + c.provider);
        e.lifetime = SafeCast.toUint128(e.lifetime + c.provider);
        _earnings[provider] = e;
        Totals memory t = _totals;
        // The consumer's escrow covered the charge, so the escrow total does too.
        t.escrow -= uint128(c.total);
        t.earnings = SafeCast.toUint128(t.earnings + c.provider);
        _totals = t;
    }

    /// @dev Numbers a channel at its first settlement and records its parties.
    function _openChannel(Ledger memory ledger, Voucher calldata v) private returns (uint64 number) {
        number = ledger.channels + 1;
        ledger.channels = number;
        _parties[number] = Parties({consumer: v.consumer, provider: v.provider});
        emit ChannelOpened(number, v.consumer, v.provider, v.modelId, v.priorityBps, v.batch, v.epoch);
    }

    /// @dev Numbers the settlement, writes the ledger (in memory until now) and the challenge record.
    function _record(Ledger memory ledger, uint64 channelNumber, uint256 value) private returns (bytes32) {
        uint256 id = uint256(ledger.settlements) + 1;
        ledger.settlements = SafeCast.toUint64(id);
        _ledger = ledger;
        _settlements[id] = Settlement({
            channel: channelNumber,
            value: SafeCast.toUint96(value),
            deadline: SafeCast.toUint40(block.timestamp + _escrow.challengeWindow)
        });
        return bytes32(id);
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

    /// @dev Every duration and the subscription minimum positive.
    function _escrowValid(EscrowConfig memory e) private pure returns (bool) {
        return e.withdrawalNotice > 0 && e.challengeWindow > 0 && e.subscriptionPeriod > 0 && e.minSubscription > 0;
    }
}
