/**
 * Who holds what, read back from the chain's events (neither OpenZeppelin's AccessManager nor AccessControl
 * enumerates members): every AccessManager role and every TimelockController role of a preset, with each holder
 * named after the preset's contracts and accounts. The deploy tests assert the whole table; the demo prints it.
 */
import type { AccessManager, TimelockController } from "../../typechain-types/index.js";
import { ROLES } from "../../lib/roles.js";
import { TIMELOCK_ROLES } from "../../deploy/modules/Governance.js";

/** Role id -> current holders (lower-case addresses), replayed from RoleGranted / RoleRevoked. */
export async function managerRoleHolders(manager: AccessManager): Promise<Map<bigint, Set<string>>> {
  const events = [
    ...(await manager.queryFilter(manager.filters.RoleGranted())),
    ...(await manager.queryFilter(manager.filters.RoleRevoked())),
  ].sort((a, b) => a.blockNumber - b.blockNumber || a.index - b.index);
  const holders = new Map<bigint, Set<string>>();
  for (const e of events) {
    const role = e.args.roleId;
    const account = e.args.account.toLowerCase();
    const set = holders.get(role) ?? new Set<string>();
    if (e.eventName === "RoleGranted") set.add(account);
    else set.delete(account);
    holders.set(role, set);
  }
  return holders;
}

/** Timelock role name -> current holders (lower-case), replayed from AccessControl's events. */
export async function timelockRoleHolders(timelock: TimelockController): Promise<Map<string, Set<string>>> {
  const events = [
    ...(await timelock.queryFilter(timelock.filters.RoleGranted())),
    ...(await timelock.queryFilter(timelock.filters.RoleRevoked())),
  ].sort((a, b) => a.blockNumber - b.blockNumber || a.index - b.index);
  const names = new Map<string, string>(Object.entries(TIMELOCK_ROLES).map(([name, id]) => [id, name]));
  const holders = new Map<string, Set<string>>();
  for (const e of events) {
    const role = names.get(e.args.role) ?? e.args.role;
    const set = holders.get(role) ?? new Set<string>();
    if (e.eventName === "RoleGranted") set.add(e.args.account.toLowerCase());
    else set.delete(e.args.account.toLowerCase());
    holders.set(role, set);
  }
  return holders;
}

/** The name of an AccessManager role id (`ROLES`), or the id itself. */
export function roleName(id: bigint): string {
  return Object.entries(ROLES).find(([, value]) => value === id)?.[0] ?? `role ${id}`;
}

/**
 * The table of a preset's privileges, holders named: AccessManager roles, then each timelock's roles. `names`
 * maps lower-case addresses to names (contracts and named accounts); unknown holders appear as addresses.
 */
export async function privilegeTable(
  manager: AccessManager,
  timelocks: Record<string, TimelockController>,
  names: Map<string, string>,
): Promise<{ where: string; role: string; holders: string[] }[]> {
  const label = (address: string) => names.get(address) ?? address;
  const rows: { where: string; role: string; holders: string[] }[] = [];
  const roles = await managerRoleHolders(manager);
  for (const [id, set] of [...roles.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    rows.push({ where: "AccessManager", role: roleName(id), holders: [...set].map(label).sort() });
  }
  for (const [name, timelock] of Object.entries(timelocks)) {
    for (const [role, set] of await timelockRoleHolders(timelock)) {
      rows.push({ where: name, role, holders: [...set].map(label).sort() });
    }
  }
  return rows;
}
