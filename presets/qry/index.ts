import { definePreset } from "../validate.js";
import { qryDistribution } from "./distribution.js";
import { qryGovernance, qryWorkerProposals } from "./governance.js";
import { qryStaking } from "./staking.js";
import { qrySupply } from "./supply.js";

/**
 * QRY (docs/economics/qry.md): a fair launch (the emission controller mints), the distribution engine, staking pools
 * with maturities, and governance with worker proposals.
 *
 * Composition readings:
 * - All issuance goes to the distribution engine (`presets/qry/supply.ts`), which splits it with the subscription
 *   revenue among eight pools per epoch by the chain-maturity mix and the usage multiplier
 *   (`presets/qry/distribution.ts`).
 * - The engine's staking-rewards pool is the staking contract itself, notified ("accounts staking tokens toward
 *   Providers will receive a portion of the token distribution"), and its worker-proposals pool is the WorkerPool,
 *   from which governance grants.
 * - The distribution reads stake through a `StakingStakeReader` over the staking contract (bonded = self-stake +
 *   delegations; query-fulfillment identities need the pool's minimum stake).
 * - Gateways, portals, challengers and consensus reporters are registered by `distributionRegistrar`, an operations
 *   account; governance can replace it through the AccessManager (the access class, 80%).
 * - The supply piece's treasury (where revoked vesting would go; QRY has none) is governance's Treasury.
 */
export const QRY = definePreset({
  system: "qry",
  name: "QRY",
  token: qrySupply.token,
  supply: qrySupply,
  governance: qryGovernance,
  workerProposals: qryWorkerProposals,
  staking: qryStaking,
  distribution: { ...qryDistribution, registrar: "distributionRegistrar" },
  bindings: { treasury: "treasury", distributionEngine: "distributionEngine" },
});
