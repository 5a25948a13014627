import type { StakingPreset } from "../../modules/staking.js";

const QRY = 10n ** 18n;
const DAY = 86_400n;
const YEAR = 365n * DAY;

/** A governed number: initial value and hard bounds in the ParameterRegistry. */
const g = (value: bigint, min: bigint, max: bigint, minStep = 0n) => ({ value, min, max, minStep });

/**
 * QRY staking (docs/economics/qry.md: staking rewards and minimum staking requirements). QRY's rules give no
 * numbers for staking; these are our readings.
 *
 * - "Accounts staking tokens toward Providers will receive a portion of the token distribution, with rewards
 *   distributed to various pools with differing maturities": the staking reward pool pays delegators only
 *   (split 0 / 100 / 0); providers are paid by the availability and query-fulfillment pools of the distribution
 *   module. Maturity pools are lock buckets of 30 / 90 / 180 / 365 days with reward weights 1.1x / 1.25x / 1.5x /
 *   2x (unlocked stake 1x); the weight lasts as long as the lock (anyone may `kick` an expired one).
 * - Providers need a minimum stake for the services they provide (2.1): 1,000 QRY to be active. QRY has no tiers,
 *   fee discounts or slashing classes; the thresholds are kept for the shared contract (10,000 / 100,000 /
 *   1,000,000) with no discounts and a flat 10% maximum slash.
 * - No APY target: the distribution module decides what the pool receives (issuance x usage multiplier), so the
 *   band is [0%, 50%] (the ceiling only guards against a mistaken budget).
 * - No performance multipliers (QRY's usage multiplier acts on issuance, not on stakers): both capped at 1x.
 * - Votes: 1 per staked token and no lock bonus (QRY governance weights are not specified; locks earn reward
 *   weight instead). Locks up to one year (the top bucket), governed up to 4 years.
 * - Unbonding 14 days; rewards spread over a 30-day epoch (docs/economics/qry.md: QRY epochs are 30 days).
 */
export const qryStaking: StakingPreset = {
  governed: {
    minSelfStake: g(1_000n * QRY, 100n * QRY, 100_000n * QRY),
    silverMinStake: g(10_000n * QRY, 1_000n * QRY, 1_000_000n * QRY),
    goldMinStake: g(100_000n * QRY, 10_000n * QRY, 10_000_000n * QRY),
    platinumMinStake: g(1_000_000n * QRY, 100_000n * QRY, 100_000_000n * QRY),
    feeDiscountBps: [
      g(0n, 0n, 5_000n, 100n),
      g(0n, 0n, 5_000n, 100n),
      g(0n, 0n, 5_000n, 100n),
      g(0n, 0n, 5_000n, 100n),
    ],
    maxSlashBps: [
      g(1_000n, 100n, 5_000n, 100n),
      g(1_000n, 100n, 5_000n, 100n),
      g(1_000n, 100n, 5_000n, 100n),
      g(1_000n, 100n, 5_000n, 100n),
    ],
    unbondingPeriod: g(14n * DAY, DAY, 60n * DAY, DAY),
    maxLockDuration: g(YEAR, YEAR, 4n * YEAR),
    rewardDuration: g(30n * DAY, DAY, YEAR, DAY),
    minApyBps: g(0n, 0n, 2_000n, 100n),
    maxApyBps: g(5_000n, 100n, 5_000n, 100n),
    maxSpeedMultiplierBps: g(10_000n, 10_000n, 20_000n, 500n),
    maxQualityMultiplierBps: g(10_000n, 10_000n, 20_000n, 500n),
    reputationHalfStake: g(100_000n * QRY, 1_000n * QRY, 10_000_000n * QRY),
  },
  fixed: {
    selfRewardBps: 0n,
    delegatorRewardBps: 10_000n,
    commissionBps: 0n,
    stakedVoteBps: 10_000n,
    maxLockVoteBps: 10_000n,
    fullBonusLockDuration: YEAR,
  },
  buckets: [
    { minDuration: 30n * DAY, weightBps: 11_000n },
    { minDuration: 90n * DAY, weightBps: 12_500n },
    { minDuration: 180n * DAY, weightBps: 15_000n },
    { minDuration: 365n * DAY, weightBps: 20_000n },
  ],
};
