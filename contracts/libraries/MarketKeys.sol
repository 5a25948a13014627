// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title MarketKeys
/// @notice Keys of the market module's governed parameters in the ParameterRegistry
/// (`registry.set(catalog, MarketKeys.BASE_RATE, value)`). TypeScript computes the same keys with
/// `ethers.id("market.baseRate")`. Each key belongs to one contract: the model catalog (quotes), the inference
/// market (fees, discounts, escrow) or the incentive pools.
library MarketKeys {
    // ---------------------------------------------------------------- ModelCatalog (quotes)

    /// @dev Base rate, token wei per generated token (QUIVer: 0.001 QUIV).
    bytes32 internal constant BASE_RATE = keccak256("market.baseRate");
    /// @dev Complexity multipliers of the three classes, bps (10,000 = 1x), `0 < small <= medium <= large`.
    bytes32 internal constant SMALL_COMPLEXITY_BPS = keccak256("market.smallComplexityBps");
    bytes32 internal constant MEDIUM_COMPLEXITY_BPS = keccak256("market.mediumComplexityBps");
    bytes32 internal constant LARGE_COMPLEXITY_BPS = keccak256("market.largeComplexityBps");
    /// @dev The demand multiplier's clamp, bps, `0 < min <= 10,000 <= max`.
    bytes32 internal constant MIN_DEMAND_BPS = keccak256("market.minDemandBps");
    bytes32 internal constant MAX_DEMAND_BPS = keccak256("market.maxDemandBps");
    /// @dev Length of a demand epoch, seconds.
    bytes32 internal constant DEMAND_EPOCH = keccak256("market.demandEpoch");
    /// @dev Generated tokens per epoch per active provider at which demand is neutral (1x).
    bytes32 internal constant DEMAND_TARGET_PER_PROVIDER = keccak256("market.demandTargetPerProvider");
    /// @dev Weight of the last epoch in the demand moving average, bps, `0 < x <= 10,000`.
    bytes32 internal constant DEMAND_SMOOTHING_BPS = keccak256("market.demandSmoothingBps");
    /// @dev Supply factor added per active provider beyond the first, bps.
    bytes32 internal constant SUPPLY_STEP_BPS = keccak256("market.supplyStepBps");
    /// @dev Largest supply factor, bps, at least 10,000.
    bytes32 internal constant MAX_SUPPLY_FACTOR_BPS = keccak256("market.maxSupplyFactorBps");

    // ---------------------------------------------------------------- InferenceMarket (fees, discounts, escrow)

    /// @dev Shares of a base fee, bps; the provider takes the rest (at least `MIN_PROVIDER_BPS`).
    bytes32 internal constant VALIDATOR_FEE_BPS = keccak256("market.validatorFeeBps");
    bytes32 internal constant BURN_FEE_BPS = keccak256("market.burnFeeBps");
    bytes32 internal constant INFRASTRUCTURE_FEE_BPS = keccak256("market.infrastructureFeeBps");
    bytes32 internal constant TREASURY_FEE_BPS = keccak256("market.treasuryFeeBps");
    /// @dev Range of an optional priority fee, bps of the base fee, `min <= max <= 10,000`.
    bytes32 internal constant MIN_PRIORITY_BPS = keccak256("market.minPriorityBps");
    bytes32 internal constant MAX_PRIORITY_BPS = keccak256("market.maxPriorityBps");
    /// @dev Discount of batch channels, bps.
    bytes32 internal constant BATCH_DISCOUNT_BPS = keccak256("market.batchDiscountBps");
    /// @dev Discount while subscribed, bps.
    bytes32 internal constant SUBSCRIPTION_DISCOUNT_BPS = keccak256("market.subscriptionDiscountBps");
    /// @dev Cap on the composed discount, bps, at most `MAX_TOTAL_DISCOUNT_BPS`.
    bytes32 internal constant MAX_TOTAL_DISCOUNT_BPS = keccak256("market.maxTotalDiscountBps");
    /// @dev Monthly-volume bands: lower edges in whole USD (strictly increasing) and their discounts in bps
    /// (non-decreasing).
    bytes32 internal constant VOLUME_BAND_1_USD = keccak256("market.volumeBand1Usd");
    bytes32 internal constant VOLUME_BAND_2_USD = keccak256("market.volumeBand2Usd");
    bytes32 internal constant VOLUME_BAND_3_USD = keccak256("market.volumeBand3Usd");
    bytes32 internal constant VOLUME_BAND_4_USD = keccak256("market.volumeBand4Usd");
    bytes32 internal constant VOLUME_BAND_1_DISCOUNT_BPS = keccak256("market.volumeBand1DiscountBps");
    bytes32 internal constant VOLUME_BAND_2_DISCOUNT_BPS = keccak256("market.volumeBand2DiscountBps");
    bytes32 internal constant VOLUME_BAND_3_DISCOUNT_BPS = keccak256("market.volumeBand3DiscountBps");
    bytes32 internal constant VOLUME_BAND_4_DISCOUNT_BPS = keccak256("market.volumeBand4DiscountBps");
    /// @dev USD per whole token, WAD: values monthly volumes until an oracle feed replaces it.
    bytes32 internal constant TOKEN_PRICE_USD = keccak256("market.tokenPriceUsd");
    /// @dev Notice before a consumer's withdrawal of unspent escrow completes, seconds.
    bytes32 internal constant WITHDRAWAL_NOTICE = keccak256("market.withdrawalNotice");
    /// @dev How long after a settlement the consumer may challenge it, seconds.
    bytes32 internal constant CHALLENGE_WINDOW = keccak256("market.challengeWindow");
    /// @dev Length of one subscription period, seconds.
    bytes32 internal constant SUBSCRIPTION_PERIOD = keccak256("market.subscriptionPeriod");
    /// @dev Escrow a consumer must hold to subscribe, token wei.
    bytes32 internal constant MIN_SUBSCRIPTION = keccak256("market.minSubscription");

    // ---------------------------------------------------------------- IncentivePools

    /// @dev Consumer cashback, bps of what the consumer paid.
    bytes32 internal constant CASHBACK_BPS = keccak256("market.cashbackBps");
    /// @dev Referral reward, bps of the referred provider's earnings.
    bytes32 internal constant REFERRAL_BPS = keccak256("market.referralBps");
    /// @dev How long a referral earns, seconds.
    bytes32 internal constant REFERRAL_DURATION = keccak256("market.referralDuration");
    /// @dev API revenue share returned to approved developers, bps of what they paid.
    bytes32 internal constant API_SHARE_BPS = keccak256("market.apiShareBps");
    /// @dev Bonus on prepaid credits, bps of the credits bought.
    bytes32 internal constant CREDIT_BONUS_BPS = keccak256("market.creditBonusBps");
    /// @dev Early adopters' bonus credits, bps of what they pay from deposits.
    bytes32 internal constant EARLY_ADOPTER_BPS = keccak256("market.earlyAdopterBps");
    /// @dev Most bonus credits one early adopter earns in all, token wei.
    bytes32 internal constant EARLY_ADOPTER_CAP = keccak256("market.earlyAdopterCap");
    /// @dev What a consumer must have paid from deposits to join the early adopters, token wei.
    bytes32 internal constant EARLY_ADOPTER_MIN_PAYMENT = keccak256("market.earlyAdopterMinPayment");

    // ---------------------------------------------------------------- DeveloperPrograms

    /// @dev A paid application's price share paid to its developer, bps; the protocol's fee split takes the rest.
    bytes32 internal constant APP_DEVELOPER_BPS = keccak256("market.appDeveloperBps");
    /// @dev Most an account may be granted in all for an integration, token wei (twice as much when open source).
    bytes32 internal constant INTEGRATION_GRANT_CAP = keccak256("market.integrationGrantCap");
    /// @dev Most one approver may accept in bounties per approval period, token wei.
    bytes32 internal constant APPROVER_CAP_PER_PERIOD = keccak256("market.approverCapPerPeriod");

    // ---------------------------------------------------------------- RequestAuction

    /// @dev Bond each sealed bid locks, token wei (not zero).
    bytes32 internal constant AUCTION_BID_BOND = keccak256("market.auctionBidBond");
    /// @dev Smallest escrow a request may hold, token wei (not zero).
    bytes32 internal constant AUCTION_MIN_ESCROW = keccak256("market.auctionMinEscrow");
    /// @dev Shortest time between a request's bidding and reveal deadlines, seconds (not zero).
    bytes32 internal constant AUCTION_MIN_REVEAL_WINDOW = keccak256("market.auctionMinRevealWindow");
    /// @dev Longest time from posting a request to its reveal deadline, seconds.
    bytes32 internal constant AUCTION_MAX_DURATION = keccak256("market.auctionMaxDuration");
    /// @dev Time after the reveal deadline the winner has to deliver, seconds (not zero).
    bytes32 internal constant AUCTION_DELIVERY_WINDOW = keccak256("market.auctionDeliveryWindow");
    /// @dev Time after the delivery deadline the consumer has to dispute a delivery, seconds (not zero).
    bytes32 internal constant AUCTION_DISPUTE_WINDOW = keccak256("market.auctionDisputeWindow");

    // ---------------------------------------------------------------- VolumeContracts

    /// @dev Storage fee of one persistent session for one period (a day), token wei (not zero).
    bytes32 internal constant STORAGE_FEE_PER_PERIOD = keccak256("market.storageFeePerPeriod");
}
