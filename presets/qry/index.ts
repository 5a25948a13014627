import { definePreset } from "../validate.js";
import { qryGovernance, qryWorkerProposals } from "./governance.js";
import { qryStaking } from "./staking.js";
import { qrySupply } from "./supply.js";

/**
 * QRY (seed 003): fair-launch supply (the emission controller mints), staking pools with maturities, governance
 * with worker proposals. The distribution engine (issue 9: subscriptions, quadratic pools, availability pay,
 * epoch claims) joins as a `distribution` piece and takes over the pool accounts below.
 *
 * Composition readings:
 * - The staking-rewards stream ("accounts staking tokens toward Providers will receive a portion of the token
 *   distribution") goes to the staking contract itself, notified, so stakers earn from the first release.
 * - The worker-proposals stream funds the WorkerPool, from which governance grants ("plain transfers", no notify).
 * - Query fulfillment, availability, integrators, portals and consensus stay named accounts until the distribution
 *   engine deploys their pools; governance then repoints the streams (`setRecipients`).
 * - The supply piece's treasury (where revoked vesting would go; QRY has none) is governance's Treasury.
 */
export const QRY = definePreset({
  system: "qry",
  name: "QRY",
  token: qrySupply.token,
  supply: {
    ...qrySupply,
    emission: {
      ...qrySupply.emission,
      recipients: qrySupply.emission.recipients.map((r) =>
        r.target.kind === "account" && r.target.account === "stakingPool" ? { ...r, notify: true } : r,
      ),
    },
  },
  governance: qryGovernance,
  workerProposals: qryWorkerProposals,
  staking: qryStaking,
  bindings: { treasury: "treasury", stakingPool: "staking", workerProposals: "workerPool" },
});
