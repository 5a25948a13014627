import type { LockingPreset } from "../../modules/locking.js";
import { TOKEN, YEAR } from "../../lib/units.js";

const WEEK = 7n * 24n * 3_600n;
const DAY = 24n * 3_600n;

/**
 * Qerun lock staking (docs/economics/qerun.md): locking QER raises governance power and may unlock ecosystem
 * benefits and perks, staking is a credibility signal, liquidity providers and users who lock QER are rewarded,
 * and the supply has deflationary mechanics. Qerun's rules give no numbers; readings:
 *
 * - Locks last up to 4 years (208 weeks, ends on week boundaries), veCRV's maximum. A locked QER votes 1x plus up
 *   to +1x for the time left (2x at 4 years, falling linearly to 1x at the end): the same 2x ceiling QUIVer's
 *   staking gives, so "enhances" means at most doubling, never more than the time still committed.
 * - Early exit is allowed (users of veCRV asked for it) at a penalty of 50% of the amount at 4 years left, linear
 *   in the time left; the penalty is paid to the remaining lockers at once.
 * - Long-term rewards: whatever governance or the treasury funds, streamed over 7 days, by reward weight (amount x
 *   full weeks left).
 * - Reputation reaches the locked amount after one year of (amount-weighted) lock age.
 * - Perks: thresholds up to 1,000,000 QER (1% of the supply). Two features at launch: `qerun.priorityAccess` at
 *   10,000 QER in a running lock, read by the front end and partner services, and `qerun.lending.reservedCeiling`
 *   at 10,000 QER, read by the credit manager: the top 20% of the debt ceiling (above 80%) is reserved for its
 *   holders, so long-term lockers can still borrow when the ceiling is nearly used. A draw into it also needs the
 *   lock to run 52 more weeks: a lock taken for the draw and left at once costs 10,000 x 50% x 52 / 208 = 1,250 QER
 *   of penalty (at the shortest lock it was 36 QER, so one 10,000 QER lock could serve any number of borrowers).
 *   The perk opens capacity, never the limit: every draw stays within the 50% LTV rule.
 * - Liquidity incentives: stake the QER/WETH Uniswap V2 LP token; the liquidity-incentives stream (10% of supply,
 *   over 2 years) is forwarded by its distributor account, 30 days at a time.
 * - Buyback-and-burn: ETH sent by governance (the reserve's unowned ETH, lending interest) buys QER at no less than
 *   97% of the oracle price, at most 100 ETH per quarter (a quarter of a 365-day year), prices at most 1 hour old.
 */
export const QERUN_LOCKING: LockingPreset = {
  lock: {
    maxLockDuration: 208n * WEEK,
    maxBoostBps: 10_000n,
    maxPenaltyBps: 5_000n,
    rewardDuration: 7n * DAY,
    reputationAgeCap: YEAR,
    minLockAmount: TOKEN,
  },
  perks: {
    maxThreshold: 1_000_000n * TOKEN,
    features: [
      { name: "qerun.priorityAccess", threshold: 10_000n * TOKEN },
      { name: "qerun.lending.reservedCeiling", threshold: 10_000n * TOKEN },
    ],
  },
  lendingPerk: { feature: "qerun.lending.reservedCeiling", openCeilingBps: 8_000n, minLockLeft: 52n * WEEK },
  liquidity: { rewardDuration: 30n * DAY },
  buyback: { maxSlippageBps: 300n, maxEthPerQuarter: 100n * TOKEN, quarterSeconds: YEAR / 4n, maxPriceAge: 3_600n },
};
