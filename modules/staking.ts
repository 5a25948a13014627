/**
 * The staking module's preset type: `deploy/modules/Staking.ts` deploys it, `presets/<system>/staking.ts` holds a
 * system's numbers.
 */
import type { Governed } from "../lib/governed.js";

/** Per-tier values, Bronze to Platinum. */
export type PerTier<T> = [T, T, T, T];

/**
 * A preset's staking numbers (`IProviderStaking.Parameters`, `Constants` and maturity buckets). Governed numbers
 * carry their registry bounds; the rest are fixed for the life of the contract.
 */
export interface StakingPreset {
  governed: {
    /** Minimum self-stake of an active provider, also the Bronze threshold (token wei). */
    minSelfStake: Governed;
    silverMinStake: Governed;
    goldMinStake: Governed;
    platinumMinStake: Governed;
    feeDiscountBps: PerTier<Governed>;
    maxSlashBps: PerTier<Governed>;
    /** Seconds. */
    unbondingPeriod: Governed;
    /** Seconds. */
    maxLockDuration: Governed;
    /** Seconds over which a notified reward budget is spread. */
    rewardDuration: Governed;
    minApyBps: Governed;
    maxApyBps: Governed;
    maxSpeedMultiplierBps: Governed;
    maxQualityMultiplierBps: Governed;
    /** Reputation stake that earns half the maximum score (token wei). */
    reputationHalfStake: Governed;
  };
  fixed: {
    selfRewardBps: bigint;
    delegatorRewardBps: bigint;
    commissionBps: bigint;
    stakedVoteBps: bigint;
    maxLockVoteBps: bigint;
    /** Seconds. */
    fullBonusLockDuration: bigint;
  };
  /** Maturity buckets: locks of at least `minDuration` seconds earn `weightBps` reward weight. */
  buckets: { minDuration: bigint; weightBps: bigint }[];
}
