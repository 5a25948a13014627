/**
 * The lending module's preset type: `deploy/modules/Lending.ts` deploys it, `presets/qerun/lending.ts` holds
 * Qerun's numbers.
 */
import type { Governed } from "../lib/governed.js";

/** The numbers of a lending deployment (see presets/qerun/lending.ts for the Qerun preset and its readings). */
export interface LendingPreset {
  /** Decimals of the stablecoin the amounts below are written in. */
  stableDecimals: number;
  vaultShares: { name: string; symbol: string };
  /** Fixed sanity ranges of the feeds, WAD (USD per whole token). */
  oracleRanges: { qer: { minPrice: bigint; maxPrice: bigint }; eth: { minPrice: bigint; maxPrice: bigint } };
  creditManager: {
    maxLtvBps: Governed;
    liquidationThresholdBps: Governed;
    liquidationBonusBps: Governed;
    closeFactorBps: Governed;
    liquidationFeeBps: Governed;
    minBorrow: Governed;
    debtCeiling: Governed;
  };
  vault: {
    baseRateBps: Governed;
    slope1Bps: Governed;
    slope2Bps: Governed;
    optimalUtilizationBps: Governed;
    insuranceInterestShareBps: Governed;
  };
  reserve: { maxSlippageBps: Governed; ethReturnBps: Governed };
  /** How long a guardian pause of the credit manager lasts unless governance confirms it, in seconds (`pause.duration`). */
  pauseDuration: Governed;
  oracle: {
    collateralMaxAge: Governed;
    ethMaxAge: Governed;
    sequencerGracePeriod: Governed;
    maxPriceJumpBps: Governed;
    priceJumpWindow: Governed;
  };
}
