/** The shape of a preset's deflation controller (see docs/deflation.md). */

import type { BoundedParameter } from "./governance.js";

export interface DeflationPreset {
  /**
   * The first quarter a step is allowed in, counted from the emission start (a quarter is 365 days / 4); it measures
   * the quarter before it. QUIVer: 20, the start of year 6 ("after year 5").
   */
  firstQuarter: bigint;
  /** Most the fee router's burn share moves per quarter, bps of a fee (0 stops the controller). */
  stepBps: BoundedParameter;
  /** Lowest burn share the controller sets, bps of a fee. */
  minBurnBps: BoundedParameter;
  /** Highest burn share the controller sets, bps of a fee (the contract accepts at most 5,000). */
  maxBurnBps: BoundedParameter;
  /** Lower edge of the target band: yearly net deflation, bps of the outstanding supply. */
  minDeflationBps: BoundedParameter;
  /** Upper edge of the target band. */
  maxDeflationBps: BoundedParameter;
}
