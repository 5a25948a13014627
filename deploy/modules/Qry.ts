import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { qrySupply } from "../../presets/qry/supply.js";
import QryDistributionModule from "./QryDistribution.js";
import { buildSupplyModule } from "./Supply.js";

/**
 * QRY's emission wired to its distribution: the supply of presets/qry/supply.ts (mint mode) with its one recipient,
 * `distributionEngine`, resolved to the engine deployed by QryDistribution.ts. Parameters (module id `QryEmission`):
 * `start` (the emission start, also epoch 0's start) and `treasury`.
 */
export const QryEmissionModule = buildSupplyModule(qrySupply, {
  id: "QryEmission",
  contracts: (m) => ({ distributionEngine: m.useModule(QryDistributionModule).engine }),
});

/** The whole QRY economy: token, parameters, distribution, emission into the engine. */
export default buildModule("Qry", (m) => {
  const distribution = m.useModule(QryDistributionModule);
  const { vault, controller } = m.useModule(QryEmissionModule);
  return { ...distribution, vault, controller };
});
