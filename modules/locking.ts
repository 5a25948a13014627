/**
 * The lock module's preset type: `deploy/modules/Locking.ts` deploys it, `presets/qerun/locking.ts` holds Qerun's
 * numbers.
 */

/**
 * The numbers of the holder-facing lock module and its companions (see presets/qerun/locking.ts for Qerun's and
 * their readings). Every value is fixed at deployment except the perk thresholds, which governance sets within
 * `perks.maxThreshold`.
 */
export interface LockingPreset {
  /** VoteLocker (`IVoteLocker.Config`). */
  lock: {
    /** Longest lock, in seconds. */
    maxLockDuration: bigint;
    /** Extra votes per token at a full-length lock, in bps (10,000: 2x in total). */
    maxBoostBps: bigint;
    /** Early-exit penalty at a full-length time left, in bps. */
    maxPenaltyBps: bigint;
    /** Seconds over which a funded long-term reward amount is streamed. */
    rewardDuration: bigint;
    /** Lock age at which reputation equals the locked amount, in seconds. */
    reputationAgeCap: bigint;
    /** Smallest new lock, in wei. */
    minLockAmount: bigint;
  };
  /** AccessPerks: the bound on thresholds and the features registered at deployment. */
  perks: { maxThreshold: bigint; features: { name: string; threshold: bigint }[] };
  /**
   * The lending perk (optional, a preset with lending): borrowers holding `feature` (one of `perks.features`) may
   * draw the top of the debt ceiling above `openCeilingBps`; the 50% LTV rule is unchanged.
   */
  lendingPerk?: { feature: string; openCeilingBps: bigint; minLockLeft: bigint };
  /** LiquidityIncentives on the token/WETH Uniswap V2 pool. */
  liquidity: { rewardDuration: bigint };
  /** BuybackBurner (`IBuybackBurner.Config`). */
  buyback: { maxSlippageBps: bigint; maxEthPerQuarter: bigint; quarterSeconds: bigint; maxPriceAge: bigint };
}
