// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IChallengeSource} from "./IChallengeSource.sol";

/// @title IInferenceMarket
/// @notice The inference market: consumers escrow tokens, providers are paid through consumer-signed EIP-712
/// vouchers carrying cumulative amounts, each settlement is charged and split by the fee router's policy, and it can
/// be challenged before the challenge court within its window (`IChallengeSource`).
/// @dev Model (see docs/market.md):
/// - Escrow: `balance` (deposits) and `credits` (prepaid, never withdrawn, topped up by a bonus from the incentive
///   pools). Unreserved escrow backs no voucher: a consumer reserves part of it for one provider (`reserve`), and
///   only that provider's vouchers draw on that reserve. A reserve returns to the consumer's escrow only after a
///   release notice (`requestRelease`, then `release`) during which the provider can still settle; releasing it
///   starts the pair's next epoch, which closes the pair's channels.
/// - Channels: one per (consumer, provider, model, priority, batch, pair epoch). A voucher states the channel's
///   cumulative list value and cumulative generated tokens; settling it pays what exceeds the channel's last settled
///   amount, so the last voucher of a stream of any length settles the whole stream in one transaction, and older
///   or replayed vouchers are refused. The EIP-712 domain binds the chain and this contract; the voucher binds the
///   provider (the only one who may settle it), the model and the pair's epoch.
/// - Signatures: ECDSA by the consumer or by the signer it registered (`setSigner`; the only way for a contract
///   wallet to sign). The signer cannot change while the consumer has an open reserve, so a voucher's validity
///   never depends on state its consumer can change after signing.
/// - Price: the consumer's signature on the cumulative list value is the price agreement; repricing the catalogue
///   never makes a signed voucher unsettleable. The catalogue counts toward demand only the tokens the amount pays
///   for at the model's lowest possible price.
/// - Charge (`IFeeRouter.chargeAt`): the list value, less the composed discount (provider tier as last synced,
///   consumer's monthly volume band, subscription, batch; capped), is the base fee, split by the table; a priority
///   fee (a share of the base fee, within the governed range) goes entirely to the provider. Credits pay base fees
///   only; priority fees come from deposits.
/// - Ledgers: a settlement moves the charge from the reserve to the provider's earnings and the protocol's accrued
///   parts without any token transfer; providers claim (`claimEarnings`), anyone pushes the protocol's parts to the
///   fee router's recipients and burns the burn part (`distributeFees`). The token balance covers
///   escrow + earnings + accrued parts (`totals`).
/// - Pause: deposits, credit purchases, subscriptions and new reserves stop while the guardian's pause lasts;
///   settlements, releases, withdrawals, earnings claims and fee distribution stay open, so no pause makes a
///   signed voucher unsettleable and nobody's money is locked by a pause.
/// - Catalogue and incentive pools are separate contracts bound to this market once at deployment; the market alone
///   records usage in the catalogue and accrues incentives in the pools.
interface IInferenceMarket is IChallengeSource {
    /// @notice Initial values of the market's governed parameters (keys in `MarketKeys`).
    /// @param withdrawalNotice Notice before a reserve's release completes (its provider settles meanwhile), seconds.
    /// @param challengeWindow How long a settlement can be challenged, seconds.
    /// @param subscriptionPeriod Length of a subscription, seconds.
    /// @param minSubscription Escrow needed to subscribe, token wei.
    /// @param pauseDuration The guardian's pause duration, seconds.
    struct Parameters {
        uint256 withdrawalNotice;
        uint256 challengeWindow;
        uint256 subscriptionPeriod;
        uint256 minSubscription;
        uint256 pauseDuration;
    }

    /// @notice A consumer-signed usage voucher (EIP-712 type `Voucher`, fields in this order).
    /// @param consumer Whose escrow pays (and who signed).
    /// @param provider Who delivered the inference and alone may settle the voucher.
    /// @param batch Whether the channel is a batch channel (discounted, no priority).
    /// @param modelId The model served.
    /// @param priorityBps Priority fee, bps of the base fee: zero, or within the governed range.
    /// @param epoch The epoch of the (consumer, provider) reserve when signed.
    /// @param cumulativeAmount Everything the channel has consumed, at list prices, in token wei.
    /// @param cumulativeTokens Every token the channel has generated.
    /// @param deadline Last timestamp at which the voucher can be settled.
    struct Voucher {
        address consumer;
        address provider;
        bool batch;
        bytes32 modelId;
        uint256 priorityBps;
        uint256 epoch;
        uint256 cumulativeAmount;
        uint256 cumulativeTokens;
        uint256 deadline;
    }

    /// @notice A consumer's escrow.
    /// @param balance Unreserved deposits; withdrawable at any time but during a subscription.
    /// @param credits Unreserved prepaid credits (bonus included); never withdrawn.
    /// @param openReserves Reserves of the consumer not yet released (the signer is locked while any is open).
    /// @param subscribedUntil End of the current subscription (in the past when not subscribed).
    /// @param volumePeriod Index of the 30-day period of `currentVolume`.
    /// @param currentVolume List value settled in that period, token wei.
    /// @param previousVolume List value settled in the period before it.
    struct AccountView {
        uint256 balance;
        uint256 credits;
        uint256 openReserves;
        uint256 subscribedUntil;
        uint256 volumePeriod;
        uint256 currentVolume;
        uint256 previousVolume;
    }

    /// @notice A channel's settled state.
    /// @param settledAmount Cumulative list value settled.
    /// @param settledTokens Cumulative generated tokens settled.
    /// @param number The channel's number (zero until its first settlement).
    struct ChannelView {
        uint256 settledAmount;
        uint256 settledTokens;
        uint256 number;
    }

    /// @notice A consumer's reserve for one provider.
    /// @param deposits Deposits reserved.
    /// @param credits Credits reserved.
    /// @param epoch The epoch vouchers of this pair must carry.
    /// @param open Whether the reserve is open (funded and not yet released).
    /// @param releasableAt When a requested release can complete (zero: none requested).
    struct ReserveView {
        uint256 deposits;
        uint256 credits;
        uint256 epoch;
        bool open;
        uint256 releasableAt;
    }

    /// @notice The protocol's parts accrued and not yet distributed.
    /// @param validators For the validator destination.
    /// @param infrastructure For the infrastructure operator.
    /// @param treasury For the treasury.
    /// @param burn To be burned.
    struct AccruedFees {
        uint256 validators;
        uint256 infrastructure;
        uint256 treasury;
        uint256 burn;
    }

    /// @notice A consumer deposited tokens into its escrow.
    /// @param consumer The consumer.
    /// @param amount Tokens deposited.
    event Deposited(address indexed consumer, uint256 amount);

    /// @notice A consumer bought prepaid credits.
    /// @param consumer The consumer.
    /// @param amount Tokens paid.
    /// @param bonus Bonus credits from the incentive pools.
    event CreditsBought(address indexed consumer, uint256 amount, uint256 bonus);

    /// @notice A consumer subscribed: discount on, escrow committed.
    /// @param consumer The consumer.
    /// @param until End of the subscription.
    event Subscribed(address indexed consumer, uint256 until);

    /// @notice A consumer withdrew unreserved escrow.
    /// @param consumer The consumer.
    /// @param amount Tokens paid.
    event Withdrawn(address indexed consumer, uint256 amount);

    /// @notice A consumer reserved escrow for one provider.
    /// @param consumer The consumer.
    /// @param provider The provider whose vouchers alone draw on it.
    /// @param deposits Deposits moved into the reserve.
    /// @param credits Credits moved into the reserve.
    event Reserved(address indexed consumer, address indexed provider, uint256 deposits, uint256 credits);

    /// @notice A consumer asked to release its reserve for a provider.
    /// @param consumer The consumer.
    /// @param provider The provider.
    /// @param releasableAt When the release can complete.
    event ReleaseRequested(address indexed consumer, address indexed provider, uint256 releasableAt);

    /// @notice A reserve returned to its consumer's escrow; the pair's channels of the previous epoch are closed.
    /// @param consumer The consumer.
    /// @param provider The provider.
    /// @param deposits Deposits returned to the consumer's balance.
    /// @param credits Credits returned to the consumer's credits.
    /// @param epoch The pair's new epoch.
    event Released(
        address indexed consumer,
        address indexed provider,
        uint256 deposits,
        uint256 credits,
        uint256 epoch
    );

    /// @notice A consumer registered the key that signs its vouchers.
    /// @param consumer The consumer.
    /// @param signer The signer (zero: only the consumer's own ECDSA key).
    event SignerSet(address indexed consumer, address signer);

    /// @notice A provider's tier discount was read from staking and cached.
    /// @param provider The provider.
    /// @param feeDiscountBps Its tier's fee discount.
    event TierSynced(address indexed provider, uint256 feeDiscountBps);

    /// @notice The incentive pools recorded a referral of a provider: its settlements now report it to them.
    /// @param provider The referred provider.
    event ReferralMarked(address indexed provider);

    /// @notice A channel saw its first settlement and got its number.
    /// @param channel The channel's number.
    /// @param consumer The consumer.
    /// @param provider The provider.
    /// @param modelId The model.
    /// @param priorityBps Its priority fee.
    /// @param batch Whether it is a batch channel.
    /// @param epoch The consumer epoch it belongs to.
    event ChannelOpened(
        uint256 indexed channel,
        address indexed consumer,
        address indexed provider,
        bytes32 modelId,
        uint256 priorityBps,
        bool batch,
        uint256 epoch
    );

    /// @notice A settlement on a model the provider is certified for added to its weighted diversity earnings.
    /// @param provider The provider.
    /// @param modelId The model.
    /// @param weightBps The provider's diversity weight of the model at the settlement.
    /// @param weighted The provider's earnings on the settlement times the weight, token wei.
    event DiversityEarned(address indexed provider, bytes32 indexed modelId, uint256 weightBps, uint256 weighted);

    /// @notice A voucher was settled: the challenge court's subject `subjectId`.
    /// @param subjectId The settlement's id (its `IChallengeSource` subject): the channel's number above the
    /// settlement's 24-bit ordinal in the channel (`number << 24 | ordinal`, the first settlement's ordinal is 1).
    /// @param channel The channel's number.
    /// @param amount List value settled (the voucher's cumulative amount less what was settled before).
    /// @param tokens Generated tokens settled.
    /// @param discountBps The composed discount applied.
    /// @param baseFee The base fee split by the table.
    /// @param priorityFee The priority fee paid to the provider.
    event Settled(
        bytes32 indexed subjectId,
        uint256 indexed channel,
        uint256 amount,
        uint256 tokens,
        uint256 discountBps,
        uint256 baseFee,
        uint256 priorityFee
    );

    /// @notice A provider claimed its earnings.
    /// @param provider The provider.
    /// @param amount Tokens paid.
    event EarningsClaimed(address indexed provider, uint256 amount);

    /// @notice Accrued protocol parts were paid to the fee router's recipients and the burn part burned.
    /// @param validators Paid to the validator destination.
    /// @param infrastructure Paid to the infrastructure operator.
    /// @param treasury Paid to the treasury.
    /// @param burned Burned.
    event FeesDistributed(uint256 validators, uint256 infrastructure, uint256 treasury, uint256 burned);

    /// @notice A zero amount.
    error ZeroAmount();
    /// @notice The zero address.
    error ZeroAddress();
    /// @notice The account has nothing to claim.
    error NothingToClaim(address account);
    /// @notice No protocol part has accrued since the last distribution.
    error NothingToDistribute();
    /// @notice The voucher names another provider than the caller.
    error NotVoucherProvider(address caller, address provider);
    /// @notice The voucher's deadline has passed.
    error VoucherExpired(uint256 deadline, uint256 timestamp);
    /// @notice The voucher belongs to a closed epoch of the pair (signed before its reserve was released).
    error StaleEpoch(uint256 voucherEpoch, uint256 currentEpoch);
    /// @notice The voucher's cumulative amount does not exceed what the channel already settled (replayed or older).
    error VoucherAlreadySettled(uint256 cumulativeAmount, uint256 settledAmount);
    /// @notice The voucher's cumulative tokens are below what the channel already settled.
    error TokensDecreased(uint256 cumulativeTokens, uint256 settledTokens);
    /// @notice The signature is not the consumer's over this voucher, this chain and this contract.
    error InvalidSignature(address consumer);
    /// @notice The provider is not active in staking (below the minimum self-stake, or banned).
    error ProviderInactive(address provider);
    /// @notice The charge exceeds what the consumer holds in escrow.
    error InsufficientEscrow(address consumer, uint256 available, uint256 required);
    /// @notice The amount exceeds the consumer's withdrawable balance.
    error AmountExceedsBalance(uint256 amount, uint256 balance);
    /// @notice The consumer's escrow is committed to a subscription until `until`.
    error SubscriptionActive(address consumer, uint256 until);
    /// @notice The consumer holds less escrow than a subscription requires.
    error SubscriptionBelowMinimum(uint256 escrow, uint256 minimum);
    /// @notice The amount exceeds the consumer's unreserved escrow.
    error AmountExceedsEscrow(uint256 amount, uint256 available);
    /// @notice The consumer has no open reserve for this provider.
    error ReserveNotOpen(address consumer, address provider);
    /// @notice The consumer's reserve for this provider has no release pending.
    error NoReleasePending(address consumer, address provider);
    /// @notice The release notice has not elapsed.
    error ReleaseNotReady(uint256 releasableAt, uint256 timestamp);
    /// @notice The release window after the notice has passed: the request lapsed (request the release again).
    error ReleaseLapsed(uint256 lapsedAt, uint256 timestamp);
    /// @notice The consumer's signer cannot change while it has open reserves.
    error SignerLocked(address consumer, uint256 openReserves);
    /// @notice The preset's initial values break a rule of the market.
    error InvalidConfiguration();
    /// @notice Only the incentive pools may call this.
    error OnlyIncentives(address caller);

    /// @notice Deposits tokens into the caller's escrow (pay-as-you-go; withdrawable after notice).
    /// @dev Pulls `amount` (approve first). Reverts while paused.
    /// @param amount Tokens, in wei.
    function deposit(uint256 amount) external;

    /// @notice Buys prepaid credits: `amount` plus a bonus from the incentive pools' credit-bonus pool, while it
    /// lasts. Credits are spent before deposits and are never withdrawn.
    /// @dev Pulls `amount` (approve first). Reverts while paused.
    /// @param amount Tokens, in wei.
    /// @return bonus Bonus credits added.
    function buyCredits(uint256 amount) external returns (uint256 bonus);

    /// @notice Subscribes for one subscription period (from the end of the current one if still running): every
    /// settlement of the caller gets the subscription discount, and its deposits cannot be withdrawn until the end.
    /// @dev Needs at least `minSubscription` of unreserved escrow (deposits and credits). Reverts while paused.
    /// @return until End of the subscription.
    function subscribe() external returns (uint256 until);

    /// @notice Withdraws `amount` of the caller's unreserved deposits at once: unreserved escrow backs no voucher, so
    /// no notice is needed. Reserves are never withdrawn (release them first).
    /// @dev Reverts while subscribed. Open while paused.
    /// @param amount Tokens, at most the caller's unreserved deposits.
    function withdraw(uint256 amount) external;

    /// @notice Reserves `amount` of the caller's unreserved escrow (credits first, then deposits) for `provider`:
    /// only that provider's vouchers can draw on it, and it returns to the caller only after a release notice.
    /// Opens the reserve if needed (locking the caller's signer).
    /// @dev Reverts while paused.
    /// @param provider The provider.
    /// @param amount Tokens, at most the caller's unreserved deposits and credits.
    function reserve(address provider, uint256 amount) external;

    /// @notice Asks to release the caller's reserve for `provider` after the withdrawal notice; the provider can
    /// settle meanwhile (settlement stays open while paused). Restarts the notice if one is pending. The release can
    /// then complete only within one day after the notice (`[releasableAt, releasableAt + 1 day)`); after that the
    /// request lapses and a new one (with a full notice) is needed.
    /// @dev Open while paused.
    /// @param provider The provider.
    function requestRelease(address provider) external;

    /// @notice Completes a release after its notice and before its request lapses (one day later): what is left of
    /// the reserve returns to the caller's escrow, the reserve closes and the pair's next epoch begins (its older
    /// vouchers can no longer be settled). Reverts `ReleaseLapsed` from `releasableAt + 1 day` on.
    /// @dev Open while paused.
    /// @param provider The provider.
    /// @return deposits Deposits returned.
    /// @return credits Credits returned.
    function release(address provider) external returns (uint256 deposits, uint256 credits);

    /// @notice Registers the key whose ECDSA signatures count as the caller's on vouchers (how a contract wallet
    /// signs; zero removes it). Refused while the caller has an open reserve.
    /// @param signer The signer.
    function setSigner(address signer) external;

    /// @notice Reads a provider's tier discount from staking into the market's cache (the discount settlements
    /// apply). Anyone may call it, at any time.
    /// @param provider The provider.
    /// @return feeDiscountBps The discount cached.
    function syncTier(address provider) external returns (uint256 feeDiscountBps);

    /// @notice Flags a provider as referred, so its settlements ask the incentive pools for the referral reward
    /// (settlements of a provider never referred skip that read). Only the incentive pools, when the provider
    /// registers its referral.
    /// @param provider The referred provider.
    function markReferred(address provider) external;

    /// @notice Credits `consumer` with `amount` the incentive pools transferred here (early-adopter bonus credits:
    /// spendable in the market, never withdrawn). Only the incentive pools; refused while paused, like `buyCredits`
    /// (the bonus stays pending in the pools). Emits `CreditsBought(consumer, 0, amount)`.
    /// @param consumer The consumer.
    /// @param amount Token wei, already transferred by the pools.
    function grantCredits(address consumer, uint256 amount) external;

    /// @notice Settles a voucher: charges the consumer for the list value above the channel's last settlement, less
    /// discounts, plus the priority fee, and splits the base fee. Only the voucher's provider may call it.
    /// @dev Open while paused. Reverts with the voucher's error if it is expired, of a closed epoch, replayed or
    /// older than the last one settled, wrongly signed (wrong signer, other chain or contract, altered field), for
    /// an unknown model, an inactive or banned provider, or above the pair's reserve. With compliance on, a charge
    /// at or above the registry's threshold needs the consumer and the provider attested (`IComplianceRegistry.check`).
    /// @param voucher The voucher.
    /// @param signature The ECDSA signature of the consumer or of its registered signer.
    /// @return subjectId The settlement's id for the challenge court (`number << 24 | ordinal`). The court reads the
    /// settlement's challenge window: the settlements of a channel that started less than a challenge window after
    /// the window's first share it (their summed value, and the latest of their deadlines).
    function settle(Voucher calldata voucher, bytes calldata signature) external returns (bytes32 subjectId);

    /// @notice Pays the caller's earnings as a provider (its shares of base fees and its priority fees).
    /// @dev Open while paused.
    /// @return amount Tokens paid.
    function claimEarnings() external returns (uint256 amount);

    /// @notice Pays the accrued protocol parts to the fee router's recipients and burns the burn part. Anyone may
    /// call it; open while paused.
    function distributeFees() external;

    /// @notice The protocol's parts accrued and not yet distributed.
    /// @return The accrued parts.
    function accruedFees() external view returns (AccruedFees memory);

    /// @notice A provider's earnings.
    /// @param provider The provider.
    /// @return unclaimed Earned and not yet claimed, in token wei.
    /// @return lifetime Earned since deployment (claimed or not).
    function earningsOf(address provider) external view returns (uint256 unclaimed, uint256 lifetime);

    /// @notice A provider's earnings on models it is certified for, each settlement weighted by the provider's
    /// diversity weight of its model at the settlement (`IModelCatalog.diversityWeightBps`), cumulative since
    /// deployment.
    /// @param provider The provider.
    /// @return Token wei (weighted).
    function diversityEarningsOf(address provider) external view returns (uint256);

    /// @notice The EIP-712 digest a consumer signs for a voucher.
    /// @param voucher The voucher.
    /// @return The digest.
    function hashVoucher(Voucher calldata voucher) external view returns (bytes32);

    /// @notice A channel's settled state.
    /// @param key The channel's key: `keccak256(abi.encode(consumer, provider, modelId, priorityBps, batch, epoch))`.
    /// @return The channel.
    function channel(bytes32 key) external view returns (ChannelView memory);

    /// @notice A consumer's unreserved escrow.
    /// @param consumer The consumer.
    /// @return The account.
    function accountOf(address consumer) external view returns (AccountView memory);

    /// @notice A consumer's reserve for a provider.
    /// @param consumer The consumer.
    /// @param provider The provider.
    /// @return The reserve.
    function reserveOf(address consumer, address provider) external view returns (ReserveView memory);

    /// @notice The key registered to sign a consumer's vouchers besides its own.
    /// @param consumer The consumer.
    /// @return The signer (zero: none).
    function signerOf(address consumer) external view returns (address);

    /// @notice A provider's cached tier discount (`syncTier`). What a settlement would charge now is
    /// `IFeeRouter.chargeAt(tierDiscountOf(provider), amount, max(currentVolume, previousVolume), subscribed, priority,
    /// batch)` with the consumer's `accountOf`.
    /// @param provider The provider.
    /// @return The discount, in bps.
    function tierDiscountOf(address provider) external view returns (uint256);

    /// @notice What the market holds for others.
    /// @return escrow Consumers' deposits and credits, reserved or not.
    /// @return earnings Providers' unclaimed earnings.
    /// @return fees The protocol's accrued parts (validators, infrastructure, treasury, burn).
    function totals() external view returns (uint256 escrow, uint256 earnings, uint256 fees);

    /// @notice The model catalogue (quotes, demand, serving providers).
    /// @return Its address.
    function catalog() external view returns (address);

    /// @notice The fee router whose policy charges and splits every settlement.
    /// @return Its address.
    function feeRouter() external view returns (address);

    /// @notice The incentive pools (cashback, referral, API share, credit bonus).
    /// @return Their address.
    function incentives() external view returns (address);

    /// @notice The compliance registry each settlement checks (zero: compliance off).
    /// @return Its address.
    function compliance() external view returns (address);

    /// @notice The provider staking module (activity, tiers).
    /// @return Its address.
    function staking() external view returns (address);

    /// @notice The token escrowed and paid.
    /// @return Its address.
    function token() external view returns (address);

    // solhint-disable func-name-mixedcase
    /// @notice The EIP-712 type hash of `Voucher`.
    /// @return The type hash.
    function VOUCHER_TYPEHASH() external view returns (bytes32);

    /// @notice Length of a volume period (QUIVer's month).
    /// @return 30 days, in seconds.
    function VOLUME_PERIOD() external view returns (uint256);
    // solhint-enable func-name-mixedcase
}
