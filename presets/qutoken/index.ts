import { definePreset } from "../validate.js";
import { qutokenGovernance } from "./governance.js";
import { QUTOKEN_ISSUANCE } from "./issuance.js";
import { qutokenSupply } from "./supply.js";

/**
 * Qutoken (QUT, docs/economics/qutoken.md): the system token's supply, the issuer platform (issuer stake, slots,
 * issuer-token factory, redemption, partner rewards, settlement) and governance (see governance.ts).
 *
 * Composition readings: fees go to governance's Treasury (the registry's fee recipient); the supply's
 * partner-rewards stream goes to the partner-rewards distributor, which also opens PartnerRewards periods.
 */
export const QUTOKEN = definePreset({
  system: "qutoken",
  name: "Qutoken",
  token: qutokenSupply.token,
  supply: qutokenSupply,
  governance: qutokenGovernance,
  issuance: { ...QUTOKEN_ISSUANCE, distributor: "partnerRewardsDistributor" },
  bindings: { treasury: "treasury" },
});
