/**
 * The access-control matrix of deployed presets: for every contract in a preset's address book and every external
 * state-changing function in its ABI, who may call it. Generated, never written by hand:
 *
 * - The function is called (eth_call, so nothing changes) by a stranger holding no role, with zero-valued arguments.
 *   `restricted` functions answer `AccessManagedUnauthorized(stranger)` before their body runs, whatever the
 *   arguments; the role they require is then read from the preset's AccessManager (`getTargetFunctionRole`; a
 *   selector the manager never mapped requires ADMIN, role 0).
 * - Any other answer means the function is not gated by the AccessManager: anyone may call it, and the error the
 *   stranger got (if any) is recorded. For contracts outside the AccessManager (the manager itself, the timelocks, the
 *   governor, the Safe) that error is their own guard (`AccessManagerUnauthorizedAccount`,
 *   `AccessControlUnauthorizedAccount`, `GovernorOnlyExecutor`, Safe's `GS0xx` strings); for user functions it is
 *   usually an input check (`ZeroAmount`...).
 *
 * `npm run access-matrix` renders it for every preset into docs/access-control.md, with who holds each role; the test
 * test/assurance/AccessMatrix.ts regenerates it and fails when the document is stale, so a change of access is a
 * reviewed change of that document. Cost: one eth_call and at most one manager read per (contract, function).
 */
import { Contract, Interface, ZeroAddress, getAddress, id, type ErrorFragment, type ParamType } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";
import { format, resolveConfig } from "prettier";

import { TIMELOCK_ROLES } from "../../deploy/modules/Governance.js";
import type { SystemId, SystemPreset } from "../../presets/types/preset.js";
import { deployLendingDevnetExternals } from "./deploy.js";
import {
  deployPreset,
  devnetInputs,
  presetModule,
  PRESETS,
  type PresetAddresses,
  type PresetInputs,
} from "./presets.js";
import { managerRoleHolders, roleName, timelockRoleHolders } from "./role-holders.js";
import { ROLES } from "../../lib/roles.js";

/** A caller that holds nothing in any preset (no key: only ever used in eth_call). */
export const STRANGER = getAddress("0x" + id("access-matrix.stranger").slice(26));

/**
 * Who may call a function. `error` is what a stranger's zero-argument call answered (undefined: it ran).
 * - `role`: `restricted`, gated by the preset's AccessManager.
 * - `guard`: not managed, but the contract's own check refused the stranger (`who` says who passes it).
 * - `anyone`: no caller check answered the stranger (it ran, or an input check refused the zero arguments).
 */
export type Access =
  | { kind: "role"; roleId: bigint; role: string }
  | { kind: "guard"; who: string; error?: string }
  | { kind: "anyone"; error?: string };

/**
 * The own guards of contracts outside the AccessManager, by the answer a stranger gets (or by function where the
 * zero-argument call cannot reach the check). Written by hand from OpenZeppelin's and Safe's code; a new guard that is
 * not here shows up as `anyone` with its error, in review.
 */
const GUARDS_BY_ERROR: Record<string, string> = {
  AccessManagerBadConfirmation: "the holder itself (renouncing)",
  AccessControlBadConfirmation: "the holder itself (renouncing)",
  TimelockUnauthorizedCaller: "the timelock itself (a scheduled operation)",
  UnauthorizedCheckpoint: "the staking contract",
  OnlyStaking: "the staking contract",
  OnlyMarket: "the inference market",
  OnlyIncentives: "the incentive pools",
  OnlyCreditor: "the subscription manager (bound once)",
  NotCreditManager: "the credit manager bound at deployment",
  NotVault: "the stable vault bound at deployment",
  NotAProvider: "a registered provider (for itself)",
  NotValidator: "a registered court validator (for itself)",
  IssuerNotVerified: "a verified issuer (for itself)",
  RelayDisabled: "nobody (relaying is disabled)",
  GovernorDisabledDeposit: "nobody (the governor refuses tokens)",
  '"GS031"': "the Safe itself (a transaction its owners signed)",
  '"GS030"': "a Safe owner",
  '"GS020"': "anyone with the owners' signatures (the threshold)",
  '"GS104"': "an enabled Safe module (none is)",
  '"GS200"': "nobody (set up at deployment)",
};
const GUARDS_BY_FUNCTION: Record<string, string> = {
  "AccessManager.schedule(address,bytes,uint48)": "callers the manager allows for the target function",
  "AccessManager.execute(address,bytes)": "callers the manager allows for the target function",
  "AccessManager.cancel(address,address,bytes)": "the scheduler, or the target function's role admin or guardian",
  "AccessManager.consumeScheduledOp(address,bytes)": "the target of a scheduled operation",
  "AccessManager.multicall(bytes[])": "as each call it bundles (each is checked on its own)",
  "Safe.simulateAndRevert(address,bytes)": "nobody (it always reverts)",
  // Its epoch checks come first, so a stranger's zero-argument call never reaches the validator check.
  "MetricsRegistry.attest(address,uint256,uint256,uint256,uint256)":
    "active court validators, not the provider itself (NotValidator, ConflictOfInterest)",
};

export interface MatrixRow {
  /** The contract's name in the preset's address book (`creditManager`). */
  contract: string;
  /** Its artifact (`CreditManager`). */
  artifact: string;
  /** `borrow(uint256,uint256)`. */
  signature: string;
  selector: string;
  access: Access;
}

export interface PresetMatrix {
  system: SystemId;
  name: string;
  rows: MatrixRow[];
  /** Every contract of the address book (name -> artifact), those without a state-changing function included. */
  contracts: Record<string, string>;
  /** Role id -> holders, named after the preset's contracts and accounts (sorted). */
  holders: Map<bigint, string[]>;
  /** Functions the manager maps to a role other than ADMIN that a stranger's call does not meet with that role. */
  unenforced: MatrixRow[];
}

export interface DeployedPreset {
  preset: SystemPreset;
  inputs: PresetInputs;
  addresses: PresetAddresses;
}

/** Deploys every preset in-process, as the deploy script and test/integration/Presets.ts do. */
export async function deployAllPresets(connection: NetworkConnection): Promise<Record<SystemId, DeployedPreset>> {
  const externals = await deployLendingDevnetExternals(connection);
  const deployed = {} as Record<SystemId, DeployedPreset>;
  for (const preset of Object.values(PRESETS)) {
    const inputs = await devnetInputs(connection, preset, externals.addresses);
    deployed[preset.system] = { preset, inputs, addresses: await deployPreset(connection, preset, inputs) };
  }
  return deployed;
}

/** A zero value of any ABI type (arrays empty, fixed arrays and tuples filled with zeros). */
export function zeroValue(type: ParamType): unknown {
  if (type.baseType === "tuple") return (type.components ?? []).map(zeroValue);
  if (type.baseType === "array") {
    return type.arrayLength === -1
      ? []
      : Array.from({ length: type.arrayLength ?? 0 }, () => zeroValue(type.arrayChildren!));
  }
  if (type.baseType === "address") return ZeroAddress;
  if (type.baseType === "bool") return false;
  if (type.baseType === "string") return "";
  if (type.baseType === "bytes") return "0x";
  if (type.baseType.startsWith("bytes")) return "0x" + "00".repeat(Number(type.baseType.slice(5)));
  return 0n;
}

/** The revert data of a failed eth_call, or undefined when the call succeeded. */
async function strangerCall(connection: NetworkConnection, to: string, data: string): Promise<string | undefined> {
  try {
    await connection.provider.request({ method: "eth_call", params: [{ from: STRANGER, to, data }, "latest"] });
    return undefined;
  } catch (error) {
    const revert = (error as { data?: unknown }).data;
    if (typeof revert === "string" && revert.startsWith("0x")) return revert;
    if (typeof revert === "object" && revert !== null && typeof (revert as { data?: unknown }).data === "string") {
      return (revert as { data: string }).data;
    }
    throw error;
  }
}

const TIMELOCK_ROLE_NAMES = new Map<string, string>(Object.entries(TIMELOCK_ROLES).map(([name, hash]) => [hash, name]));

/** A revert reason as the matrix shows it: the error's name, with the role an access error names. */
function describeRevert(errors: Interface, data: string): string {
  if (data === "0x") return "empty revert";
  let parsed;
  try {
    parsed = errors.parseError(data);
  } catch {
    parsed = null;
  }
  if (parsed === null) return `unknown error ${data.slice(0, 10)}`;
  if (parsed.name === "Error") return `"${parsed.args[0]}"`;
  if (parsed.name === "Panic") return `Panic(0x${(parsed.args[0] as bigint).toString(16)})`;
  if (parsed.name === "AccessManagerUnauthorizedAccount") return `${parsed.name} (role ${roleName(parsed.args[1])})`;
  if (parsed.name === "AccessControlUnauthorizedAccount") {
    return `${parsed.name} (${TIMELOCK_ROLE_NAMES.get(parsed.args[1]) ?? parsed.args[1]})`;
  }
  return parsed.name;
}

const list = (names: string[] | undefined) => (names === undefined || names.length === 0 ? "nobody" : names.join(", "));

/** Who passes the own guard a stranger met, or undefined when nothing says the stranger was refused for who it is. */
function guardOf(
  artifact: string,
  signature: string,
  error: string | undefined,
  managerHolders: Map<bigint, string[]>,
  timelockHolders: Map<string, string[]> | undefined,
): string | undefined {
  const byFunction = GUARDS_BY_FUNCTION[`${artifact}.${signature}`];
  if (byFunction !== undefined) return byFunction;
  if (error === undefined) return undefined;
  const managerRole = /^AccessManagerUnauthorizedAccount \(role (\w+)\)$/.exec(error);
  if (managerRole !== null) {
    const id = ROLES[managerRole[1] as keyof typeof ROLES];
    return `the manager's **${managerRole[1]}** (${id}): ${list(managerHolders.get(id))}`;
  }
  const timelockRole = /^AccessControlUnauthorizedAccount \((\w+)\)$/.exec(error);
  if (timelockRole !== null && timelockHolders !== undefined) {
    return `the timelock's **${timelockRole[1]}**: ${list(timelockHolders.get(timelockRole[1]))}`;
  }
  const byError = GUARDS_BY_ERROR[error];
  return byError === undefined ? undefined : `${byError} (${error.replaceAll('"', "")})`;
}

/**
 * The matrix of one deployed preset. ABIs come from the preset module's futures (their artifacts), so contracts a
 * preset gains later are covered without a change here.
 */
export async function presetMatrix(connection: NetworkConnection, deployed: DeployedPreset): Promise<PresetMatrix> {
  const { ethers } = connection;
  const { preset, addresses, inputs } = deployed;
  const futures = presetModule(preset).results as Record<string, { contractName: string; artifact?: { abi: unknown } }>;
  const manager = await ethers.getContractAt("AccessManager", addresses.manager);

  // Every contract's interface, and one interface with every error any of them may bubble up.
  const contracts: { name: string; artifact: string; address: string; iface: Interface }[] = [];
  const errorFragments = new Map<string, ErrorFragment>();
  for (const [name, future] of Object.entries(futures)) {
    const address = addresses[name];
    if (address === undefined)
      throw new Error(`${preset.system}: ${name} is a result of the module but has no address`);
    const iface =
      future.artifact !== undefined
        ? new Interface(future.artifact.abi as ConstructorParameters<typeof Interface>[0])
        : (await ethers.getContractAt(future.contractName, address)).interface;
    contracts.push({ name, artifact: future.contractName, address, iface });
    iface.forEachError((e) => errorFragments.set(e.selector, e));
  }
  const errors = new Interface([...errorFragments.values()]);

  // Holders, named: the preset's contracts, its named accounts, the deployer.
  const names = new Map<string, string>();
  for (const [name, address] of Object.entries(addresses)) names.set(address.toLowerCase(), name);
  for (const [name, address] of Object.entries(inputs.accounts)) names.set(address.toLowerCase(), name);
  const [deployer] = await ethers.getSigners();
  names.set(deployer.address.toLowerCase(), "deployer");
  const holders = new Map<bigint, string[]>();
  for (const [role, set] of await managerRoleHolders(manager)) {
    holders.set(role, [...set].map((a) => names.get(a) ?? a).sort());
  }
  // Each timelock's roles, named the same way (the guards of the timelocks' own functions).
  const timelocks = new Map<string, Map<string, string[]>>();
  for (const c of contracts.filter((x) => x.artifact === "ProtocolTimelock")) {
    const timelock = await ethers.getContractAt("TimelockController", c.address);
    const roles = new Map<string, string[]>();
    for (const [role, set] of await timelockRoleHolders(timelock)) {
      roles.set(role, [...set].map((a) => names.get(a) ?? a).sort());
    }
    timelocks.set(c.address.toLowerCase(), roles);
  }

  const rows: MatrixRow[] = [];
  const unenforced: MatrixRow[] = [];
  for (const c of contracts) {
    const managed =
      c.iface.getFunction("authority()") !== null &&
      (await new Contract(c.address, c.iface, ethers.provider).getFunction("authority()")()) === addresses.manager;
    const fragments: { signature: string; selector: string; inputs: readonly ParamType[] }[] = [];
    c.iface.forEachFunction((f) => {
      if (f.stateMutability === "view" || f.stateMutability === "pure") return;
      fragments.push({ signature: f.format("sighash"), selector: f.selector, inputs: f.inputs });
    });
    fragments.sort((a, b) => (a.signature < b.signature ? -1 : 1));
    for (const f of fragments) {
      const data = c.iface.encodeFunctionData(f.signature, f.inputs.map(zeroValue));
      const revert = await strangerCall(connection, c.address, data);
      const row: MatrixRow = {
        contract: c.name,
        artifact: c.artifact,
        signature: f.signature,
        selector: f.selector,
        access: { kind: "anyone" },
      };
      let unauthorized = false;
      if (revert !== undefined && managed) {
        try {
          const parsed = errors.parseError(revert);
          unauthorized = parsed?.name === "AccessManagedUnauthorized" && parsed.args[0] === STRANGER;
        } catch {
          unauthorized = false;
        }
      }
      const mapped = managed ? await manager.getTargetFunctionRole(c.address, f.selector) : 0n;
      if (unauthorized) {
        row.access = { kind: "role", roleId: mapped, role: roleName(mapped) };
      } else {
        const error = revert === undefined ? undefined : describeRevert(errors, revert);
        const who = guardOf(c.artifact, f.signature, error, holders, timelocks.get(c.address.toLowerCase()));
        row.access = who === undefined ? { kind: "anyone", error } : { kind: "guard", who, error };
        if (mapped !== ROLES.ADMIN) unenforced.push(row);
      }
      rows.push(row);
    }
  }

  const artifacts = Object.fromEntries(contracts.map((c) => [c.name, c.artifact]));
  return { system: preset.system, name: preset.name, rows, contracts: artifacts, holders, unenforced };
}

const cell = (text: string) => text.replaceAll("|", "\\|");

/** docs/access-control.md: every preset's roles with their holders, then every contract x function x access. */
export async function renderAccessMatrix(matrices: PresetMatrix[]): Promise<string> {
  const lines = [
    "# Access control matrix",
    "",
    "Generated by `npm run access-matrix` (scripts/access-matrix.ts, scripts/lib/access-matrix.ts) from the four",
    "presets deployed in-process; do not edit by hand. `test/assurance/AccessMatrix.ts` regenerates it and fails when",
    "this page is stale, so any change of who may call what shows up here, in review.",
    "",
    "How each row is found: the function is called (`eth_call`, nothing changes) by a stranger holding no role, with",
    "zero-valued arguments. A `restricted` function answers `AccessManagedUnauthorized(stranger)` before its body runs;",
    "the role it requires is the preset's AccessManager's `getTargetFunctionRole` (a selector never mapped requires",
    "ADMIN). Every other function is not gated by the AccessManager. Where the stranger met a contract's own caller",
    "check instead (the manager's and the timelocks' roles, the Safe's owners, hooks only staking may call), the row",
    "reads `own check` and who passes it (with the error it answered; a list in scripts/lib/access-matrix.ts, written",
    "from OpenZeppelin's and Safe's code); everything else is open to `anyone` (user functions, whose own input",
    "checks are not listed). Only state-changing functions are listed: views change nothing.",
    "",
  ];
  for (const m of matrices) {
    lines.push(`## ${m.name}`, "", "| role | id | holders |", "| --- | ---: | --- |");
    for (const [role, holders] of [...m.holders.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      lines.push(`| ${roleName(role)} | ${role} | ${list(holders)} |`);
    }
    lines.push("", "| contract | function | who may call |", "| --- | --- | --- |");
    for (const r of m.rows) {
      const who =
        r.access.kind === "role"
          ? `**${r.access.role}** (${r.access.roleId}): ${list(m.holders.get(r.access.roleId))}`
          : r.access.kind === "guard"
            ? `own check: ${r.access.who}`
            : "anyone";
      lines.push(`| ${r.contract} (${r.artifact}) | \`${cell(r.signature)}\` | ${cell(who)} |`);
    }
    const viewsOnly = Object.entries(m.contracts).filter(([name]) => !m.rows.some((r) => r.contract === name));
    if (viewsOnly.length > 0) {
      lines.push("", `Views only: ${viewsOnly.map(([name, artifact]) => `${name} (${artifact})`).join(", ")}.`);
    }
    lines.push("");
  }
  const config = (await resolveConfig("docs/access-control.md")) ?? {};
  return format(lines.join("\n"), { ...config, parser: "markdown" });
}
