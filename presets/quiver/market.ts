import type { MarketPreset } from "../../modules/market.js";

const QUIV = 10n ** 18n;
const HOUR = 3_600n;
const DAY = 24n * HOUR;

/** A governed number: initial value and hard bounds in the ParameterRegistry. */
const g = (value: bigint, min: bigint, max: bigint, minStep = 0n) => ({ value, min, max, minStep });

/**
 * QUIVer inference market (rules and readings in docs/economics/quiver.md and docs/market.md).
 *
 * Quotes (5.1), `price = base rate x complexity x demand multiplier / supply factor`:
 * - Base rate 0.001 QUIV per generated token; complexity 1x / 3x / 10x (small / medium / large); demand 0.8x-2x.
 * - Demand (reading: "based on real-time demand"): generated tokens settled per day for a model against a target of
 *   10,000,000 tokens per active provider per day (about 115 tokens a second per provider), clamped to 0.8x-2x and
 *   averaged half-half with the previous day's multiplier.
 * - Supply factor (reading: QUIVer's formula divides by the number of available providers; dividing by the raw count
 *   would cut a price tenfold when a tenth provider joins): 1 + 0.05 per active provider beyond the first, at most 2x
 *   (21 providers). So quotes run from 0.0004 QUIV (small, 0.8x, 2x) to 0.02 QUIV (large, 2x, one provider).
 * - "Parameter adjustments: fees, rewards" (6.3): every input is governed; bounds keep each within a factor of about
 *   ten of QUIVer's value and the module keeps the classes ordered and 1x inside the demand clamp.
 *
 * Fees (5.2, 7.1; our reading in docs/economics/quiver.md): provider 80%, validators 0.5%, burn 1% (half of the 2% network fee),
 * infrastructure 13.5%, treasury 5%. The provider's share is the rest of 10,000 after the four governed shares, whose
 * bounds keep it at 55% or more. Priority fee 5-20% of the base fee, optional, all to the provider.
 *
 * Discounts (4.1, 7.2), composed multiplicatively and capped at 50% (reading; the router accepts at most 90%):
 * - Tier of the provider (read from staking): Bronze 0, Silver 10, Gold 20, Platinum 30%.
 * - Monthly volume of the consumer in USD: <$1,000 0%, $1,000 5%, $10,000 10%, $100,000 15%, $1M 20%; the band is
 *   the larger of this 30-day period's and the last one's volume at list value, valued at a governed QUIV price of
 *   $0.10 (reading: no QUIV/USD feed exists yet; the price moves by governance, the emergency path for big moves).
 * - Subscription plans 20% (reading: subscribing commits the consumer's escrow for 30 days, which must hold at least
 *   1,000 QUIV; every settlement in the period gets the discount).
 * - Batch processing (1.1, discounted rates for bulk inference requests; QUIVer's rules give no number): 10% on batch
 *   channels, which carry no priority fee.
 * - Prepaid credits, "10% bonus": credits bought get 10% more from a funded bonus pool; credits are never withdrawn.
 *   A base fee is paid either from deposits (cashback and API share, or an early adopter's bonus instead) or from
 *   credits (which earned their bonus), so the contracts' bound counts the larger path plus the referral:
 *   max(2% + 2 x 5%, 10%, 10%) + 5% = 17% < the protocol's 20% (at or above it a self-dealing round trip would pay
 *   back what it costs, and the contracts refuse such rates).
 *
 * Incentives (3.1-3.3), each from its funded pool, never minted: cashback 2% of the base fee a consumer pays from
 * deposits; referral 5% of a referred provider's share of base fees for one year (365 days); API revenue share 5% of
 * the base fee an approved developer pays from deposits. Priority fees earn no incentive.
 *
 * Escrow (our choice): a consumer reserves escrow per provider; a reserve returns only after 3 days of release
 * notice, during which the provider settles in-flight vouchers (settlement stays open while paused); withdrawals of
 * unreserved escrow wait the same notice; a
 * settlement can be challenged for 7 days; the guardian's pause lasts 30 days unless confirmed, as for governance
 * (it must outlast an emergency confirmation).
 */
export const quiverMarket: MarketPreset = {
  catalog: {
    baseRate: g(QUIV / 1_000n, QUIV / 10_000n, QUIV / 100n),
    complexityBps: [g(10_000n, 5_000n, 20_000n), g(30_000n, 10_000n, 100_000n), g(100_000n, 30_000n, 300_000n)],
    minDemandBps: g(8_000n, 5_000n, 10_000n, 500n),
    maxDemandBps: g(20_000n, 10_000n, 50_000n, 1_000n),
    demandEpoch: g(DAY, HOUR, 30n * DAY, HOUR),
    demandTargetPerProvider: g(10_000_000n, 10_000n, 10_000_000_000n),
    demandSmoothingBps: g(5_000n, 1_000n, 10_000n, 500n),
    supplyStepBps: g(500n, 0n, 5_000n, 100n),
    maxSupplyFactorBps: g(20_000n, 10_000n, 100_000n, 1_000n),
  },
  router: {
    providerBps: 8_000n,
    validatorBps: g(50n, 0n, 500n, 25n),
    burnBps: g(100n, 0n, 1_000n, 50n),
    infrastructureBps: g(1_350n, 0n, 2_000n, 100n),
    treasuryBps: g(500n, 0n, 1_000n, 50n),
    minPriorityBps: g(500n, 0n, 2_000n, 100n),
    maxPriorityBps: g(2_000n, 500n, 5_000n, 100n),
    batchDiscountBps: g(1_000n, 0n, 5_000n, 100n),
    subscriptionDiscountBps: g(2_000n, 0n, 5_000n, 100n),
    maxTotalDiscountBps: g(5_000n, 0n, 9_000n, 500n),
    volumeBandUsd: [
      g(1_000n, 100n, 10_000n),
      g(10_000n, 1_000n, 100_000n),
      g(100_000n, 10_000n, 1_000_000n),
      g(1_000_000n, 100_000n, 10_000_000n),
    ],
    volumeDiscountBps: [
      g(500n, 0n, 5_000n, 100n),
      g(1_000n, 0n, 5_000n, 100n),
      g(1_500n, 0n, 5_000n, 100n),
      g(2_000n, 0n, 5_000n, 100n),
    ],
    tokenPriceUsd: g(QUIV / 10n, 10n ** 12n, 1_000n * QUIV),
  },
  incentives: {
    cashbackBps: g(200n, 0n, 1_000n, 50n),
    referralBps: g(500n, 0n, 1_000n, 50n),
    referralDuration: g(365n * DAY, 30n * DAY, 730n * DAY, DAY),
    apiShareBps: g(500n, 0n, 1_000n, 50n),
    creditBonusBps: g(1_000n, 0n, 2_000n, 100n),
    // 3.2 "Early Adopter Bonus: 10% bonus credits for first 10,000 users": 10% of what each of the first 10,000
    // paying consumers pays from deposits, as market credits (never withdrawn). Cap per account (reading; QUIVer's
    // rules give none): 1,000 QUIV, earned by 10,000 QUIV of spending; 10,000 accounts x 1,000 = the 10M the pool may
    // need. The bonus replaces the 2% cashback and the API share on the part of a payment it covers, so a self-dealt
    // payment returns at most max(2% + 2 x 5%, 10%, 10%) + 5% = 17% < 20%.
    earlyAdopterBps: g(1_000n, 0n, 1_000n, 100n),
    earlyAdopterCap: g(1_000n * QUIV, 0n, 10_000n * QUIV, 100n * QUIV),
    // A "user" (reading): a consumer whose payments from deposits reach 100 QUIV ($10 at the reference price), so a
    // place costs real spending: a self-dealt place returns 92.4 of its 100 QUIV (80 of earnings, 10 of bonus credits
    // spent with itself for 8, a referral of 4.4), so taking all 10,000 loses about 76,000 QUIV.
    // Governance may move it between 10 and 10,000 QUIV, never to zero (which would reopen 1-wei places).
    earlyAdopterMinPayment: g(100n * QUIV, 10n * QUIV, 10_000n * QUIV, 10n * QUIV),
  },
  developers: {
    // 3.3 "App Store model: 70/30 split for paid applications": 70% to the developer, 30% through the fee split.
    appDeveloperBps: g(7_000n, 5_000n, 8_000n, 500n),
    // 3.3 "Integration grants: up to 50,000 QUIV"; "Open Source bonus: 2x" doubles it for open-source projects.
    integrationGrantCap: g(50_000n * QUIV, 10_000n * QUIV, 100_000n * QUIV, 5_000n * QUIV),
    // 3.3 SDK, documentation and bug bounties (QUIVer's rules give no sizes): one approver accepts at most 100,000 QUIV
    // of bounties per 30 days (reading), so a curator colluding with a worker drains at most that before governance
    // moves the role.
    approverCapPerPeriod: g(100_000n * QUIV, 1_000n * QUIV, 1_000_000n * QUIV, 1_000n * QUIV),
  },
  // 5.1 "Auction system: providers bid on inference requests" (sizes are readings; the design gives none): a bid
  // locks a 10 QUIV bond (a selective reveal from several identities costs 10 QUIV per unused bid, and a winner that
  // fails to deliver pays it to the consumer); a request escrows at least 10 QUIV (dust requests cost capital);
  // reveals get at least an hour; an auction lasts at most 7 days to its reveal deadline; the winner has a day to
  // deliver and the consumer one more day to dispute.
  auction: {
    bidBond: g(10n * QUIV, QUIV, 10_000n * QUIV, QUIV),
    minEscrow: g(10n * QUIV, QUIV, 10_000n * QUIV, QUIV),
    minRevealWindow: g(HOUR, 10n * 60n, DAY, 10n * 60n),
    maxDuration: g(7n * DAY, DAY, 30n * DAY, HOUR),
    deliveryWindow: g(DAY, HOUR, 30n * DAY, HOUR),
    disputeWindow: g(DAY, HOUR, 7n * DAY, HOUR),
  },
  // Session storage (reading: "storage fee: for persistent context/sessions" gives no number): 0.1 QUIV a day per
  // session (about $0.30 a month at the governed $0.10), within 0.001-100 QUIV.
  volume: {
    storageFeePerPeriod: g(QUIV / 10n, QUIV / 1_000n, 100n * QUIV, QUIV / 1_000n),
  },
  market: {
    withdrawalNotice: g(3n * DAY, HOUR, 30n * DAY, HOUR),
    challengeWindow: g(7n * DAY, DAY, 30n * DAY, DAY),
    subscriptionPeriod: g(30n * DAY, 7n * DAY, 365n * DAY, DAY),
    minSubscription: g(1_000n * QUIV, QUIV, 1_000_000n * QUIV),
    pauseDuration: g(30n * DAY, 24n * DAY, 90n * DAY, DAY),
  },
};
