import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { Future, IgnitionModule } from "@nomicfoundation/ignition-core";

import { ROLES } from "../../lib/roles.js";
import { GovernanceModule } from "./Governance.js";
import { WorkerProposalsModule } from "./WorkerProposals.js";

/** Every future of a module and of the modules it uses (so a step can wait for all of them). */
function allFutures(module: IgnitionModule): Future[] {
  return [...module.futures, ...[...module.submodules].flatMap(allFutures)];
}

/**
 * The last step of a preset's deploy: once everything is wired, the deployer renounces the AccessManager's
 * admin role, leaving the normal timelock as the only admin. One module per governance shape.
 */
export const GovernanceHandoverModule = buildModule("GovernanceHandover", (m) => {
  const governance = m.useModule(GovernanceModule);
  m.call(governance.manager, "renounceRole", [ROLES.ADMIN, m.getAccount(0)], { after: allFutures(GovernanceModule) });
  return governance;
});

export const WorkerProposalsHandoverModule = buildModule("WorkerProposalsHandover", (m) => {
  const governance = m.useModule(WorkerProposalsModule);
  m.call(governance.manager, "renounceRole", [ROLES.ADMIN, m.getAccount(0)], {
    after: allFutures(WorkerProposalsModule),
  });
  return governance;
});
