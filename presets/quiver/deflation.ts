import type { DeflationPreset } from "../../modules/deflation.js";

/** A governed number: initial value and hard bounds in the ParameterRegistry. */
const g = (value: bigint, min: bigint, max: bigint, minStep = 0n) => ({ value, min, max, minStep });

/**
 * QUIVer deflation controller (QUIVer aims at 2-3% net deflation a year from year 5 on, the burn rate adjusted
 * each quarter by governance; readings in docs/deflation.md).
 *
 * - "After year 5": the first step is allowed at the start of quarter 20 (the end of year 5, 5 x 365 days after the
 *   emission start) and measures quarter 19; then one step per quarter, by anyone.
 * - The band: 2-3% net deflation a year of the outstanding supply (total supply minus the emission the curve has not
 *   emitted yet), governed between 0 and 10%.
 * - Step (reading; QUIVer's rules give none): 25 bps of a fee per quarter, a quarter of QUIVer's 1% burn: from 1% the
 *   share reaches the 5% ceiling in 16 quarters. Governed between 0 (the controller stops; the min step of 25 lets
 *   governance get there in one change) and 100 bps.
 * - Bounds (reading): 0.5% to 5% of each fee, so the provider (the rest of the table) keeps at least 76% at today's
 *   other shares; both governed inside the router's own 0-10% bounds of the burn share.
 */
export const quiverDeflation: DeflationPreset = {
  firstQuarter: 20n,
  stepBps: g(25n, 0n, 100n, 25n),
  minBurnBps: g(50n, 0n, 1_000n, 25n),
  maxBurnBps: g(500n, 100n, 1_000n, 50n),
  minDeflationBps: g(200n, 0n, 1_000n, 50n),
  maxDeflationBps: g(300n, 0n, 1_000n, 50n),
};
