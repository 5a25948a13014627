/**
 * QUIVer with the optional compliance piece on: a 1,000 QUIV threshold (bounded 100 to 100,000), a KYC provider
 * account, KP restricted from the start. The kit's four presets have compliance off; this variant is what
 * test/integration/Compliance.ts and the demo's compliance step (scripts/demo/quiver-compliance.ts) deploy.
 */
import { QUIVER } from "../../presets/quiver/index.js";
import { definePreset } from "../../presets/validate.js";

const TOKEN = 10n ** 18n;

/** Payments of this much or more need both parties attested: 1,000 QUIV. */
export const COMPLIANCE_THRESHOLD = 1_000n * TOKEN;

export const QUIVER_KYC = definePreset({
  ...QUIVER,
  system: "quiverkyc",
  name: "QUIVer (compliance on)",
  compliance: {
    threshold: { value: COMPLIANCE_THRESHOLD, min: 100n * TOKEN, max: 100_000n * TOKEN, minStep: 0n },
    kycProvider: "kycProvider",
    restricted: ["KP"],
  },
});
