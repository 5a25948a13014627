/**
 * The issuance module's preset type: `deploy/modules/Issuance.ts` deploys it, `presets/qutoken/issuance.ts` holds
 * Qutoken's numbers. Governed numbers take their initial values from the fields above `bounds`.
 */
import type { Bounds } from "../lib/governed.js";

/** A stake level: the active stake that reaches it and the resource slots it grants. */
export interface Tier {
  minStake: bigint;
  slots: bigint;
}

export interface IssuancePreset {
  /** Three stake levels: minimum stakes strictly rising, slots not falling. Tier 1 is verification. */
  tiers: readonly [Tier, Tier, Tier];
  /** Seconds between an unstake request and the withdrawal. */
  unstakeNoticePeriod: bigint;
  /** Fee to create an issuer token, in wei of QUT. */
  creationFee: bigint;
  /** Seconds a partner-reward period stays claimable. */
  partnerClaimWindow: bigint;
  bounds: {
    tier1MinStake: Bounds;
    tier2MinStake: Bounds;
    tier3MinStake: Bounds;
    tier1Slots: Bounds;
    tier2Slots: Bounds;
    tier3Slots: Bounds;
    unstakeNoticePeriod: Bounds;
    creationFee: Bounds;
    partnerClaimWindow: Bounds;
  };
}
