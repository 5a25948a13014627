/** The shape of a preset's provider programs and ratings (see docs/incentives.md). */

import type { BoundedParameter } from "./governance.js";

export interface ProgramsPreset {
  /** `Ratings`: paid-weighted ratings and feedback rewards. */
  ratings: {
    /** Largest reward for one review, token wei. */
    feedbackReward: BoundedParameter;
    /** Largest reward as bps of the least the reviewer paid for the rated volume. */
    feedbackBps: BoundedParameter;
    /** Rewards one account may earn per 30-day period, token wei. */
    accountCap: BoundedParameter;
    /** Rewards the pool pays per 30-day period, token wei. */
    periodCap: BoundedParameter;
    /** Share of the quality score the ratings take from accuracy, bps (the contract refuses more than 5,000). */
    ratingWeightBps: BoundedParameter;
    /** Rated list value a provider needs before its ratings count in its quality score, token wei. */
    minRatedWeight: BoundedParameter;
  };
  /** `ProviderPrograms`: availability, diversity and loyalty bonuses on settled earnings. */
  programs: {
    /** Availability bonus, bps of settled earnings. */
    availabilityBps: BoundedParameter;
    /** Lowest rolling uptime that pays, bps. */
    minUptimeBps: BoundedParameter;
    /** Attestations the rolling uptime must rest on (at least the metrics registry's per-epoch minimum). */
    minAttestations: BoundedParameter;
    /** Diversity bonus of a model served by one provider, bps of settled earnings (divided by its providers). */
    diversityBps: BoundedParameter;
    /** Loyalty bonus, bps of settled earnings. */
    loyaltyBps: BoundedParameter;
    /** Continuous activity that earns the loyalty bonus, seconds. */
    loyaltyTenure: BoundedParameter;
    /** Longest gap between sightings before a tenure restarts, seconds. */
    maxSightingGap: BoundedParameter;
    /** Bonus one provider may earn from one program per 30-day period, token wei. */
    accountCap: BoundedParameter;
    /** Bonus one program pays per 30-day period, token wei. */
    periodCap: BoundedParameter;
  };
  /** Initial funding of each pool, token wei, and the allocation it is transferred from (never minted). */
  funding: {
    /** The feedback pool (from the treasury / ecosystem-development allocation). */
    feedback: bigint;
    /** The availability, diversity and loyalty pools (from the provider-rewards stream). */
    availability: bigint;
    diversity: bigint;
    loyalty: bigint;
  };
}
