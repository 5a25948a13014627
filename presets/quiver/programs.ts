import type { ProgramsPreset } from "../../modules/programs.js";

const QUIV = 10n ** 18n;
const DAY = 86_400n;
const YEAR = 365n * DAY;

/** A governed number: initial value and hard bounds in the ParameterRegistry. */
const g = (value: bigint, min: bigint, max: bigint, minStep = 0n) => ({ value, min, max, minStep });

/**
 * QUIVer provider programs and ratings (docs/economics/quiver.md; readings in docs/incentives.md).
 *
 * The bound every rate lives under: a self-dealing round trip (a party paying its own provider identity) costs it
 * the protocol's 20% of the base fee; the incentive pools return at most 17% of it (max(cashback 2% + API share 5%
 * doubled for open source, credit bonus 7%) + referral 5%), so the feedback rate and the provider bonuses share the
 * last 3%. The contracts refuse a feedback rate at or above it and scale the provider bonuses down to it at every
 * claim (289 bps of earnings with these numbers), so no program pays a party more than its own payments cost it.
 *
 * - "User Ratings: 5-star system with written reviews" (4.2): 1-5 stars and the hash of the written review, only from
 *   a consumer's settled channel with the provider, weighted by the list value settled (reading: the weight is the
 *   list value, the amount the consumer signed for; the discount it got does not change how much its opinion counts).
 * - "up to 1.5x based on accuracy and user ratings" (3.1, the quality multiplier). Reading: the metrics registry blends
 *   the rolling accuracy with the rating score (paid-weighted average, 1 star 0, 5 stars 100%) at a rating weight of
 *   30% (governed, 0-50%: ratings never outweigh what validators attest), counted only once the provider's ratings
 *   weigh 100,000 QUIV of settled list value (about $10,000 at the $0.10 reference price). A provider washing that
 *   minimum through its own consumer and referrer identities to rate itself five stars pays about 14% of it net
 *   (20% protocol share less 2% cashback, 4% referral and a 0.5 QUIV feedback reward: ~14,000 QUIV) for a lift of at
 *   most 0.15x of quality (0.015x at 90% accuracy), worth at most 180 QUIV a year on a 10,000 QUIV Bronze pool
 *   (docs/incentives.md).
 * - "Feedback Rewards: Small rewards for detailed provider reviews" (3.2), reading: 0.5 QUIV a review at most, never
 *   more than 0.1% of the least the reviewer paid for the rated volume, 5 QUIV per account and 5,000 QUIV for the
 *   whole pool per 30 days; funded from the treasury (the ecosystem-development side of the community allocation).
 * - "Availability Bonus: Extra rewards for maintaining >99.5% uptime" (3.1), with "Uptime Percentage: Service
 *   availability over 30 days" (4.2). Reading: 0.4% of the provider's settled earnings when the metrics registry's
 *   rolling uptime is at least 99.50% (99.49% pays nothing; the registry's figures are whole bps) and rests on at
 *   least 90 attestations (30 days at the registry's 3 per epoch), attested in one of the last two epochs.
 * - "Model Diversity: Higher rewards for offering rare or specialized models" (3.1). Reading: 0.2% of earnings for a
 *   model served by one provider, divided by the number of providers serving it (0.1% for two, 0.02% for ten).
 * - "Loyalty Program: Bonus rewards for providers active >6 months" (3.1). Reading: 0.25% of earnings once the provider
 *   has been active for half a 365-day year (182.5 days) without being seen inactive and without a gap longer than 30
 *   days between sightings (anyone may sight a provider; the provider does at each claim).
 * - Caps (reading): 2,500 QUIV per provider per program and 50,000 QUIV per program per 30 days. The three bonus pools
 *   are funded from the provider-rewards stream ("Base Rewards" of 3.1 sit beside the 80% share).
 */
export const quiverPrograms: ProgramsPreset = {
  ratings: {
    feedbackReward: g(QUIV / 2n, QUIV / 100n, 50n * QUIV, QUIV / 100n),
    feedbackBps: g(10n, 0n, 50n, 5n),
    accountCap: g(5n * QUIV, QUIV, 500n * QUIV, QUIV),
    periodCap: g(5_000n * QUIV, 100n * QUIV, 500_000n * QUIV, 100n * QUIV),
    ratingWeightBps: g(3_000n, 0n, 5_000n, 100n),
    minRatedWeight: g(100_000n * QUIV, 10_000n * QUIV, 10_000_000n * QUIV, 1_000n * QUIV),
  },
  programs: {
    availabilityBps: g(40n, 0n, 200n, 5n),
    minUptimeBps: g(9_950n, 9_500n, 9_999n, 10n),
    minAttestations: g(90n, 3n, 270n, 3n),
    diversityBps: g(20n, 0n, 200n, 5n),
    loyaltyBps: g(25n, 0n, 200n, 5n),
    loyaltyTenure: g(YEAR / 2n, 30n * DAY, 2n * YEAR, DAY),
    maxSightingGap: g(30n * DAY, DAY, 90n * DAY, DAY),
    accountCap: g(2_500n * QUIV, 100n * QUIV, 250_000n * QUIV, 100n * QUIV),
    periodCap: g(50_000n * QUIV, 1_000n * QUIV, 5_000_000n * QUIV, 1_000n * QUIV),
  },
  funding: {
    feedback: 50_000n * QUIV,
    availability: 500_000n * QUIV,
    diversity: 250_000n * QUIV,
    loyalty: 250_000n * QUIV,
  },
};
