import type { StakingPreset } from "../../modules/staking.js";

const QUIV = 10n ** 18n;
const DAY = 86_400n;
const YEAR = 365n * DAY;

/** A governed number: initial value and hard bounds in the ParameterRegistry. */
const g = (value: bigint, min: bigint, max: bigint, minStep = 0n) => ({ value, min, max, minStep });

/**
 * QUIVer staking (rules in docs/economics/quiver.md; readings in docs/staking.md).
 *
 * - Tiers (4.1): Bronze 10,000 / Silver 50,000 / Gold 250,000 / Platinum 1,000,000 QUIV of self-stake; fee
 *   discounts 0 / 10 / 20 / 30%; maximum slash 5 / 10 / 15 / 20%. The Bronze threshold is the minimum provider
 *   stake of 1.1 ("initially 10,000 QUIV"). "Staking requirements", "fee percentages" and "slashing percentages"
 *   are adjustable (6.3), so all twelve are governed; bounds keep thresholds in a sane range (the contract keeps
 *   them strictly increasing) and slashes at most 50%.
 * - Rewards (3.1, 7.1): 8-12% APY band on the stake of active providers; split 70% direct stakers (providers'
 *   self-stake), 25% delegators, 5% validator commission (paid to providers on the delegations they attract).
 *   The split is not listed as adjustable in 6.3, so it is fixed.
 * - Unbonding (our choice): 21 days, the Cosmos default QUIVer's validator/delegator vocabulary echoes;
 *   governed between 1 and 60 days.
 * - Reward duration (our choice): a notified budget is spread over 30 days (the emission controller funds
 *   monthly); governed between 1 and 365 days.
 * - Performance multipliers (3.1): speed 1.2x (under 100 ms), quality up to 1.5x; "reward multipliers" are
 *   adjustable, bounded at 2x each.
 * - Votes (6.1): 1.5 per staked token, rising linearly to 2 for locks of one year or more; locks up to 4 years
 *   (governed, at least one year so the full 2x stays reachable).
 * - Locks carry no reward weight in QUIVer (no maturity buckets): QUIVer ties the lock only to voting power.
 * - Reputation (1.1, 4.2): reputation stake raises a 0-1,000 trust score; 100,000 QUIV earns 500 (reading).
 */
export const quiverStaking: StakingPreset = {
  governed: {
    minSelfStake: g(10_000n * QUIV, 1_000n * QUIV, 100_000n * QUIV),
    silverMinStake: g(50_000n * QUIV, 10_000n * QUIV, 500_000n * QUIV),
    goldMinStake: g(250_000n * QUIV, 50_000n * QUIV, 2_500_000n * QUIV),
    platinumMinStake: g(1_000_000n * QUIV, 250_000n * QUIV, 10_000_000n * QUIV),
    feeDiscountBps: [
      g(0n, 0n, 5_000n, 100n),
      g(1_000n, 0n, 5_000n, 100n),
      g(2_000n, 0n, 5_000n, 100n),
      g(3_000n, 0n, 5_000n, 100n),
    ],
    maxSlashBps: [
      g(500n, 100n, 5_000n, 100n),
      g(1_000n, 100n, 5_000n, 100n),
      g(1_500n, 100n, 5_000n, 100n),
      g(2_000n, 100n, 5_000n, 100n),
    ],
    unbondingPeriod: g(21n * DAY, DAY, 60n * DAY, DAY),
    maxLockDuration: g(4n * YEAR, YEAR, 4n * YEAR),
    rewardDuration: g(30n * DAY, DAY, YEAR, DAY),
    minApyBps: g(800n, 0n, 2_000n, 100n),
    maxApyBps: g(1_200n, 100n, 5_000n, 100n),
    maxSpeedMultiplierBps: g(12_000n, 10_000n, 20_000n, 500n),
    maxQualityMultiplierBps: g(15_000n, 10_000n, 20_000n, 500n),
    reputationHalfStake: g(100_000n * QUIV, 1_000n * QUIV, 10_000_000n * QUIV),
  },
  fixed: {
    selfRewardBps: 7_000n,
    delegatorRewardBps: 2_500n,
    commissionBps: 500n,
    stakedVoteBps: 15_000n,
    maxLockVoteBps: 20_000n,
    fullBonusLockDuration: YEAR,
  },
  buckets: [],
};
