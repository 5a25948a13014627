/** The shape of a preset's inference-market settings (see docs/market.md). */

import type { BoundedParameter } from "./governance.js";

/** Per complexity class: small, medium, large. */
export type PerClass<T> = [T, T, T];
/** Per monthly-volume band, lowest first. */
export type PerBand<T> = [T, T, T, T];

export interface MarketPreset {
  /** `ModelCatalog`: the quote `base rate x complexity x demand / supply`. */
  catalog: {
    /** Token wei per generated token. */
    baseRate: BoundedParameter;
    /** Complexity multipliers, bps (10,000 = 1x); the module keeps them ordered. */
    complexityBps: PerClass<BoundedParameter>;
    /** The demand multiplier's clamp, bps; the module keeps 1x inside it. */
    minDemandBps: BoundedParameter;
    maxDemandBps: BoundedParameter;
    /** Length of a demand epoch, seconds. */
    demandEpoch: BoundedParameter;
    /** Generated tokens per epoch per active provider at which demand is 1x. */
    demandTargetPerProvider: BoundedParameter;
    /** Weight of the last epoch in the moving average, bps. */
    demandSmoothingBps: BoundedParameter;
    /** Supply factor added per active provider beyond the first, bps. */
    supplyStepBps: BoundedParameter;
    /** Largest supply factor, bps. */
    maxSupplyFactorBps: BoundedParameter;
  };
  /** `FeeRouter`: the split table, priority fee and discounts. */
  router: {
    /** The provider's share of a base fee, bps: not a parameter, the rest of 10,000 after the governed shares. */
    providerBps: bigint;
    validatorBps: BoundedParameter;
    burnBps: BoundedParameter;
    infrastructureBps: BoundedParameter;
    treasuryBps: BoundedParameter;
    /** Range of an optional priority fee, bps of the base fee. */
    minPriorityBps: BoundedParameter;
    maxPriorityBps: BoundedParameter;
    batchDiscountBps: BoundedParameter;
    subscriptionDiscountBps: BoundedParameter;
    /** Cap on the composed discount, bps (the router accepts at most 9,000). */
    maxTotalDiscountBps: BoundedParameter;
    /** Lower edges of the monthly-volume bands, whole USD. */
    volumeBandUsd: PerBand<BoundedParameter>;
    /** Their discounts, bps. */
    volumeDiscountBps: PerBand<BoundedParameter>;
    /** USD per whole token, WAD: values volumes until an oracle feed replaces it. */
    tokenPriceUsd: BoundedParameter;
  };
  /** `IncentivePools`: each paid from its own funded pool. */
  incentives: {
    cashbackBps: BoundedParameter;
    referralBps: BoundedParameter;
    /** Seconds. */
    referralDuration: BoundedParameter;
    apiShareBps: BoundedParameter;
    creditBonusBps: BoundedParameter;
    /** Early adopters' bonus credits, bps of what they pay from deposits (the first 10,000 paying consumers). */
    earlyAdopterBps: BoundedParameter;
    /** Most bonus credits one early adopter earns in all, token wei. */
    earlyAdopterCap: BoundedParameter;
    /** What a consumer must have paid from deposits to join the early adopters, token wei. */
    earlyAdopterMinPayment: BoundedParameter;
  };
  /** `DeveloperPrograms`: paid applications, integration grants and bounties. */
  developers: {
    /** A paid application's share of each sale paid to its developer, bps (the fee split takes the rest). */
    appDeveloperBps: BoundedParameter;
    /** Most one account may be granted in all, token wei (doubled for open-source projects). */
    integrationGrantCap: BoundedParameter;
    /** Most one approver may accept in bounties per 30 days, token wei. */
    approverCapPerPeriod: BoundedParameter;
  };
  /** `RequestAuction`: sealed-bid auctions of inference requests. */
  auction: {
    /** Bond each sealed bid locks, token wei. */
    bidBond: BoundedParameter;
    /** Smallest escrow a request may hold, token wei. */
    minEscrow: BoundedParameter;
    /** Shortest time between a request's bidding and reveal deadlines, seconds. */
    minRevealWindow: BoundedParameter;
    /** Longest time from posting a request to its reveal deadline, seconds. */
    maxDuration: BoundedParameter;
    /** Time after the reveal deadline the winner has to deliver, seconds. */
    deliveryWindow: BoundedParameter;
    /** Time after the delivery deadline the consumer has to dispute a delivery, seconds. */
    disputeWindow: BoundedParameter;
  };
  /** `VolumeContracts`: committed-volume contracts and session storage fees. */
  volume: {
    /** Storage fee of one persistent session for one day, token wei. */
    storageFeePerPeriod: BoundedParameter;
  };
  /** `InferenceMarket`: the escrow. */
  market: {
    /** Seconds. */
    withdrawalNotice: BoundedParameter;
    /** Seconds. */
    challengeWindow: BoundedParameter;
    /** Seconds. */
    subscriptionPeriod: BoundedParameter;
    /** Token wei. */
    minSubscription: BoundedParameter;
    /** The guardian's pause duration, seconds. */
    pauseDuration: BoundedParameter;
  };
}
