import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { IgnitionModuleBuilder } from "@nomicfoundation/ignition-core";
import { id, ZeroAddress } from "ethers";

import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";
import { GuardianSafeModule } from "./GuardianSafe.js";
import { ParametersModule } from "./Parameters.js";
import { TokenModule } from "./Token.js";

/** Keys of the governed numbers this module registers. */
export const GOVERNANCE_KEYS = {
  PROPOSAL_DEPOSIT: id("governance.proposalDeposit"),
  PAUSE_DURATION: id("pause.duration"),
} as const;

/** TimelockController role ids. */
export const TIMELOCK_ROLES = {
  DEFAULT_ADMIN: "0x" + "00".repeat(32),
  PROPOSER: id("PROPOSER_ROLE"),
  EXECUTOR: id("EXECUTOR_ROLE"),
  CANCELLER: id("CANCELLER_ROLE"),
} as const;

export const PAUSE_SELECTORS = {
  pause: selector("pause()"),
  confirmPause: selector("confirmPause()"),
  unpause: selector("unpause()"),
} as const;

export const SET_PARAMETER = selector("setParameter(bytes32,uint256)");

/** Every AccessManager function that changes a role, a delay, a target's wiring or runs a call with a role. */
export const MANAGER_ROLE_SELECTORS = [
  "labelRole(uint64,string)",
  "grantRole(uint64,address,uint32)",
  "revokeRole(uint64,address)",
  "renounceRole(uint64,address)",
  "setRoleAdmin(uint64,uint64)",
  "setRoleGuardian(uint64,uint64)",
  "setGrantDelay(uint64,uint32)",
  "setTargetFunctionRole(address,bytes4[],uint64)",
  "setTargetAdminDelay(address,uint32)",
  "setTargetClosed(address,bool)",
  "updateAuthority(address,address)",
  "schedule(address,bytes,uint48)",
  "execute(address,bytes)",
  "cancel(address,address,bytes)",
].map(selector);

/** Every TimelockController function that changes a role or the delay, or schedules, runs or cancels a call. */
export const TIMELOCK_ROLE_SELECTORS = [
  "grantRole(bytes32,address)",
  "revokeRole(bytes32,address)",
  "renounceRole(bytes32,address)",
  "updateDelay(uint256)",
  "schedule(address,uint256,bytes,bytes32,bytes32,uint256)",
  "scheduleBatch(address[],uint256[],bytes[],bytes32,bytes32,uint256)",
  "execute(address,uint256,bytes,bytes32,bytes32)",
  "executeBatch(address[],uint256[],bytes[],bytes32,bytes32)",
  "cancel(bytes32)",
].map(selector);

// The futures a module's wiring needs; typed loosely because Ignition's future types are per contract name.
type AnyFuture = any;

/**
 * Wires a GuardianPausable module: `pause` for the guardian, `confirmPause` for the emergency timelock,
 * `unpause` for the normal timelock, `setParameter` for the registry; registers its pause duration with
 * the bounds given; classifies `confirmPause` as an emergency proposal. Other modules reuse it.
 */
export function wirePausable(
  m: IgnitionModuleBuilder,
  prefix: string,
  f: { manager: AnyFuture; registry: AnyFuture; classifier: AnyFuture; target: AnyFuture },
  pause: { min: AnyFuture; max: AnyFuture; minStep: AnyFuture },
  emergencyClass: AnyFuture,
) {
  const { manager, registry, classifier, target } = f;
  const calls = [
    m.call(manager, "setTargetFunctionRole", [target, [PAUSE_SELECTORS.pause], ROLES.GUARDIAN], {
      id: `${prefix}PauseRole`,
    }),
    m.call(manager, "setTargetFunctionRole", [target, [PAUSE_SELECTORS.confirmPause], ROLES.EMERGENCY], {
      id: `${prefix}ConfirmPauseRole`,
    }),
    m.call(manager, "setTargetFunctionRole", [target, [PAUSE_SELECTORS.unpause], ROLES.GOVERNOR], {
      id: `${prefix}UnpauseRole`,
    }),
    m.call(manager, "setTargetFunctionRole", [target, [SET_PARAMETER], ROLES.PARAMETER_REGISTRY], {
      id: `${prefix}SetParameterRole`,
    }),
    m.call(registry, "register", [target, GOVERNANCE_KEYS.PAUSE_DURATION, pause.min, pause.max, pause.minStep], {
      id: `${prefix}RegisterPauseDuration`,
    }),
    m.call(classifier, "setSelectorClass", [target, [PAUSE_SELECTORS.confirmPause], emergencyClass], {
      id: `${prefix}ClassifyConfirmPause`,
    }),
  ];
  return calls;
}

/**
 * Governance of a preset: voting power (token votes + weighted stake), the proposal classifier, the treasury,
 * a normal and an emergency TimelockController, the governor, and the guardian Safe, all wired into the
 * token's AccessManager:
 *
 * - the normal timelock is the manager's admin and holds GOVERNOR (parameter changes within the rate limit,
 *   treasury spending, unpausing); the emergency timelock holds EMERGENCY (emergency parameter changes,
 *   confirming pauses); the Safe holds GUARDIAN (pause only);
 * - the governor is the only proposer, canceller and executor of both timelocks (ProtocolTimelock: their delay can
 *   never rise above the governor's delay for their route); the normal timelock administers itself and the
 *   emergency timelock, which is not its own admin (so no emergency proposal can grant roles on it);
 * - every role, delay and wiring function of the manager and the timelocks is classified explicitly as access, on
 *   top of the access class of those whole targets;
 * - calls are mapped to the preset's classes (class ids are parameters, by position in `classes`).
 *
 * The deployer stays the manager's admin: the preset's last step hands over (see GovernanceHandover.ts).
 *
 * Parameters: `name`, `votingDelay`, `votingPeriod`, `normalDelay`, `emergencyDelay`, `quorumBps`,
 * `proposalDeposit` (+ `Min`, `Max`, `MinStep`), `pauseDuration` (+ `Min`, `Max`, `MinStep`), `classes`
 * ({thresholdBps, emergency, minProposerWeight}[]), `defaultClass`, `treasuryClass`, `economicClass`,
 * `accessClass`, `emergencyClass`, `emergencyParameterClass`, `votingWeight` (the staking module's
 * IVotingWeight; the zero address for none).
 */
export const GovernanceModule = buildGovernanceModule();

/**
 * The Governance module, with the staking module's IVotingWeight bound to a future of the same deployment instead
 * of the `votingWeight` parameter (a preset module passes `(m) => m.useModule(staking).votes`). Without `bind`
 * this is the default export: the weight comes from the parameter.
 */
export function buildGovernanceModule(bind?: { votingWeight: (m: IgnitionModuleBuilder) => AnyFuture }) {
  return buildModule("Governance", (m) =>
    governance(m, bind?.votingWeight(m) ?? m.getParameter("votingWeight", ZeroAddress)),
  );
}

function governance(m: IgnitionModuleBuilder, votingWeight: AnyFuture) {
  const deployer = m.getAccount(0);
  const { manager, token } = m.useModule(TokenModule);
  const { registry } = m.useModule(ParametersModule);
  const { safe } = m.useModule(GuardianSafeModule);

  const normalDelay = m.getParameter("normalDelay");
  const emergencyDelay = m.getParameter("emergencyDelay");
  const pause = {
    value: m.getParameter("pauseDuration"),
    min: m.getParameter("pauseDurationMin"),
    max: m.getParameter("pauseDurationMax"),
    minStep: m.getParameter("pauseDurationMinStep"),
  };
  const treasuryClass = m.getParameter("treasuryClass");
  const economicClass = m.getParameter("economicClass");
  const accessClass = m.getParameter("accessClass");
  const emergencyClass = m.getParameter("emergencyClass");
  const emergencyParameterClass = m.getParameter("emergencyParameterClass");

  const votingPower = m.contract("VotingPower", [token, votingWeight]);
  const classifier = m.contract("ProposalClassifier", [
    manager,
    m.getParameter("classes"),
    m.getParameter("defaultClass"),
  ]);
  const treasury = m.contract("Treasury", [manager, pause.value]);
  const normalTimelock = m.contract("ProtocolTimelock", [normalDelay, normalDelay, [], [], deployer], {
    id: "NormalTimelock",
  });
  const emergencyTimelock = m.contract("ProtocolTimelock", [emergencyDelay, emergencyDelay, [], [], deployer], {
    id: "EmergencyTimelock",
  });
  const governor = m.contract("ProtocolGovernor", [
    {
      name: m.getParameter("name"),
      authority: manager,
      votingPower,
      classifier,
      normalTimelock,
      emergencyTimelock,
      treasury,
      votingDelay: m.getParameter("votingDelay"),
      votingPeriod: m.getParameter("votingPeriod"),
      normalDelay,
      emergencyDelay,
      quorumBps: m.getParameter("quorumBps"),
      proposalDeposit: m.getParameter("proposalDeposit"),
    },
  ]);

  // Both timelocks: the governor alone proposes, cancels and executes; the normal timelock administers the
  // emergency one (which stops administering itself); then the deployer leaves.
  const timelockCalls = [
    m.call(emergencyTimelock, "grantRole", [TIMELOCK_ROLES.DEFAULT_ADMIN, normalTimelock], {
      id: "EmergencyGrantAdminToNormal",
    }),
    m.call(emergencyTimelock, "revokeRole", [TIMELOCK_ROLES.DEFAULT_ADMIN, emergencyTimelock], {
      id: "EmergencyRevokeSelfAdmin",
    }),
  ];
  for (const [name, timelock] of [
    ["Normal", normalTimelock],
    ["Emergency", emergencyTimelock],
  ] as const) {
    for (const [roleName, role] of [
      ["Proposer", TIMELOCK_ROLES.PROPOSER],
      ["Executor", TIMELOCK_ROLES.EXECUTOR],
      ["Canceller", TIMELOCK_ROLES.CANCELLER],
    ] as const) {
      timelockCalls.push(m.call(timelock, "grantRole", [role, governor], { id: `${name}Grant${roleName}` }));
    }
    m.call(timelock, "renounceRole", [TIMELOCK_ROLES.DEFAULT_ADMIN, deployer], {
      id: `${name}RenounceAdmin`,
      after: timelockCalls,
    });
  }

  // Powers in the AccessManager.
  m.call(manager, "grantRole", [ROLES.ADMIN, normalTimelock, 0n], { id: "GrantAdminToNormalTimelock" });
  m.call(manager, "grantRole", [ROLES.GOVERNOR, normalTimelock, 0n], { id: "GrantGovernorToNormalTimelock" });
  m.call(manager, "grantRole", [ROLES.EMERGENCY, emergencyTimelock, 0n], { id: "GrantEmergencyToTimelock" });
  m.call(manager, "grantRole", [ROLES.GUARDIAN, safe, 0n], { id: "GrantGuardianToSafe" });
  m.call(
    manager,
    "setTargetFunctionRole",
    [treasury, [selector("transfer(address,address,uint256)")], ROLES.GOVERNOR],
    { id: "TreasuryTransferRole" },
  );
  m.call(manager, "setTargetFunctionRole", [governor, [SET_PARAMETER], ROLES.PARAMETER_REGISTRY], {
    id: "GovernorSetParameterRole",
  });

  // Governed numbers.
  m.call(
    registry,
    "register",
    [
      governor,
      GOVERNANCE_KEYS.PROPOSAL_DEPOSIT,
      m.getParameter("proposalDepositMin"),
      m.getParameter("proposalDepositMax"),
      m.getParameter("proposalDepositMinStep"),
    ],
    { id: "RegisterProposalDeposit" },
  );
  wirePausable(m, "Treasury", { manager, registry, classifier, target: treasury }, pause, emergencyClass);

  // Proposal classes: what each call is.
  m.call(classifier, "setSelectorClass", [treasury, [selector("transfer(address,address,uint256)")], treasuryClass], {
    id: "ClassifyTreasuryTransfer",
  });
  m.call(classifier, "setSelectorClass", [registry, [selector("set(address,bytes32,uint256)")], economicClass], {
    id: "ClassifyRegistrySet",
  });
  m.call(
    classifier,
    "setSelectorClass",
    [registry, [selector("setEmergency(address,bytes32,uint256)")], emergencyParameterClass],
    { id: "ClassifyRegistrySetEmergency" },
  );
  for (const [name, target, selectors] of [
    ["Manager", manager, MANAGER_ROLE_SELECTORS],
    ["NormalTimelock", normalTimelock, TIMELOCK_ROLE_SELECTORS],
    ["EmergencyTimelock", emergencyTimelock, TIMELOCK_ROLE_SELECTORS],
  ] as const) {
    m.call(classifier, "setSelectorClass", [target, selectors, accessClass], { id: `Classify${name}RoleChanges` });
  }
  for (const [name, target] of [
    ["Manager", manager],
    ["NormalTimelock", normalTimelock],
    ["EmergencyTimelock", emergencyTimelock],
    ["Classifier", classifier],
    ["Governor", governor],
    ["Registry", registry],
  ] as const) {
    m.call(classifier, "setTargetClass", [target, accessClass], { id: `Classify${name}AsAccess` });
  }

  return {
    manager,
    token,
    registry,
    votingPower,
    classifier,
    treasury,
    normalTimelock,
    emergencyTimelock,
    governor,
    safe,
  };
}
