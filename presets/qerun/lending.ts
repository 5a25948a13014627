import type { LendingPreset } from "../../modules/lending.js";

const USDC = 10n ** 6n; // the preset's stablecoin has 6 decimals (USDC)
const WAD = 10n ** 18n;

/**
 * Qerun (QER) lending: stablecoin loans against QER at 50% LTV, half of each loan buying ETH for the reserve
 * (docs/economics/qerun.md). Every governed number has its initial value and the hard bounds the parameter
 * registry enforces (on top of its 20%-per-quarter rate limit). Our readings are in the comments.
 */
export const QERUN_LENDING: LendingPreset = {
  stableDecimals: 6,
  vaultShares: { name: "Qerun USDC Vault", symbol: "qvUSDC" },
  // Sanity ranges, fixed at deployment like Chainlink's own min/max answers: a feed outside them is broken.
  oracleRanges: {
    qer: { minPrice: WAD / 1_000_000n, maxPrice: 1_000_000n * WAD }, // $0.000001 .. $1,000,000
    eth: { minPrice: WAD, maxPrice: 1_000_000n * WAD }, // $1 .. $1,000,000
  },
  creditManager: {
    // Qerun: borrow up to 50% of the QER's USD value, a conservative 50% LTV. The
    // limit counts the QER only: the position's ETH is bought with the loan itself and adds no capacity.
    maxLtvBps: { value: 5_000n, min: 1_000n, max: 6_000n, minStep: 100n },
    // Reading: the threshold applies to QER + the position's ETH (Qerun's reserve-backed collateral).
    // After a full 50% draw the position holds ETH worth ~22.4% of its QER (half the loan, less the pool fee, 90%
    // of it the position's): liquidation starts when QER falls ~45% (0.5 > 0.65 x (q + 0.224)), bad debt only
    // below a ~72% fall. Above the 50% limit, as docs/economics/qerun.md states.
    liquidationThresholdBps: { value: 6_500n, min: 5_500n, max: 8_500n, minStep: 100n },
    // 8% to liquidators, of which the fee below goes to the insurance fund (liquidator nets 6%).
    liquidationBonusBps: { value: 800n, min: 200n, max: 1_500n, minStep: 100n },
    // Half the debt per liquidation, all of it once the collateral cannot cover the debt plus the bonus.
    closeFactorBps: { value: 5_000n, min: 2_000n, max: 10_000n, minStep: 500n },
    // Qerun sets aside an insurance/treasury allocation to cover bad debt: 25% of the bonus (2% of the debt repaid),
    // paid by the liquidator in the stablecoin.
    liquidationFeeBps: { value: 2_500n, min: 0n, max: 5_000n, minStep: 500n },
    // A draw must be worth its swap and, later, a liquidation's gas: no dust positions.
    minBorrow: { value: 100n * USDC, min: 1n * USDC, max: 10_000n * USDC, minStep: 10n * USDC },
    // Own-token collateral (Mango 2022, Venus XVS 2021, Inverse 2022): total debt starts at 1M USDC, to be sized
    // to the QER market's depth liquidators sell into; the 20%-per-quarter limit paces its growth.
    debtCeiling: { value: 1_000_000n * USDC, min: 0n, max: 1_000_000_000n * USDC, minStep: 100_000n * USDC },
  },
  vault: {
    // Kinked curve: 2% at 0%, +6% up to 80% utilization, +80% from 80% to 100% (88% at full use): suppliers
    // can always get out, because borrowing above the kink becomes expensive fast.
    baseRateBps: { value: 200n, min: 0n, max: 1_000n, minStep: 50n },
    slope1Bps: { value: 600n, min: 0n, max: 3_000n, minStep: 100n },
    slope2Bps: { value: 8_000n, min: 0n, max: 30_000n, minStep: 500n },
    optimalUtilizationBps: { value: 8_000n, min: 5_000n, max: 9_500n, minStep: 100n },
    // 10% of borrowers' interest is owed to the insurance fund (an Aave-style reserve factor).
    insuranceInterestShareBps: { value: 1_000n, min: 0n, max: 5_000n, minStep: 100n },
  },
  reserve: {
    // 1%: the pool's 0.3% fee plus 0.7% of price impact or pool/oracle drift; below the fee every swap fails.
    maxSlippageBps: { value: 100n, min: 50n, max: 500n, minStep: 10n },
    // Reading of "returned to the borrower or kept by the reserve according to a governed share": 90% of the ETH
    // bought for a draw is the position's (returned on full repayment, seized first in liquidation); the reserve
    // keeps 10% for good, so it grows with every loan (Qerun's ETH growth loop). The share is fixed when
    // the ETH is bought, so a later change never alters an open loan.
    ethReturnBps: { value: 9_000n, min: 0n, max: 10_000n, minStep: 500n },
  },
  // The guardian's pause of borrowing, withdrawal and liquidation (governance's GuardianPausable): 30 days unless
  // governance confirms it, as for the treasury; it must outlast an emergency confirmation (7 + 14 days of vote +
  // 2 days of timelock = 23 days). Repayment and adding collateral work while paused.
  pauseDuration: { value: 30n * 86_400n, min: 24n * 86_400n, max: 90n * 86_400n, minStep: 86_400n },
  oracle: {
    // Chainlink's ETH/USD heartbeat is 1 hour; 5 minutes of margin. QER is assumed to get the same heartbeat.
    collateralMaxAge: { value: 3_900n, min: 60n, max: 172_800n, minStep: 60n },
    ethMaxAge: { value: 3_900n, min: 60n, max: 172_800n, minStep: 60n },
    // Chainlink's recommended grace period after an L2 sequencer restarts.
    sequencerGracePeriod: { value: 3_600n, min: 0n, max: 86_400n, minStep: 300n },
    // Price-jump guard: borrowing capacity may rise at most 10% per hour, and only toward a price already seen.
    maxPriceJumpBps: { value: 1_000n, min: 100n, max: 5_000n, minStep: 100n },
    priceJumpWindow: { value: 3_600n, min: 300n, max: 86_400n, minStep: 300n },
  },
};
