import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";
import { GovernanceModule, wirePausable } from "./Governance.js";

/**
 * Worker proposals (QRY): the worker pool, whose grants only the normal timelock creates and cancels, and
 * whose `createGrant` / `cancelGrant` calls are classified in the worker class (the class's
 * `minProposerWeight` is the minimum stake to propose them). Claims stop while the guardian's pause lasts.
 *
 * Parameters: `workerClass`, `pauseDuration` (+ `Min`, `Max`, `MinStep`); the emergency class comes from
 * the Governance module's parameters.
 */
export const WorkerProposalsModule = buildWorkerProposalsModule(GovernanceModule);

/** The WorkerProposals module on top of a given Governance module (the default export uses the default one). */
export function buildWorkerProposalsModule(governanceModule: typeof GovernanceModule) {
  return buildModule("WorkerProposals", (m) => {
    const governance = m.useModule(governanceModule);
    const { manager, token, registry, classifier } = governance;
    const workerClass = m.getParameter("workerClass");
    const pause = {
      value: m.getParameter("pauseDuration"),
      min: m.getParameter("pauseDurationMin"),
      max: m.getParameter("pauseDurationMax"),
      minStep: m.getParameter("pauseDurationMinStep"),
    };

    const workerPool = m.contract("WorkerPool", [manager, token, pause.value]);
    const grantSelectors = [selector("createGrant(address,uint256,uint256)"), selector("cancelGrant(uint256)")];

    m.call(manager, "setTargetFunctionRole", [workerPool, grantSelectors, ROLES.GOVERNOR], { id: "WorkerGrantRoles" });
    m.call(classifier, "setSelectorClass", [workerPool, grantSelectors, workerClass], { id: "ClassifyWorkerGrants" });
    wirePausable(
      m,
      "WorkerPool",
      { manager, registry, classifier, target: workerPool },
      pause,
      m.getParameter("emergencyClass"),
    );

    return { ...governance, workerPool };
  });
}
