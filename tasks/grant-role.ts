import { ROLES } from "../lib/roles.js";
import { action, parseAddress, TaskError, type CommonArgs } from "./lib.js";

/**
 * `grant-role --role DISTRIBUTION_PORTAL --to 0x... --from distributionRegistrar`: the role's admin grants an
 * operating role of the preset's AccessManager (a portal, a gateway, a challenger...), without delay.
 * `--to` is an address or a named account of the preset.
 */
export default action<CommonArgs & { role: string; to: string }>(async (args, t) => {
  const names = Object.keys(ROLES) as (keyof typeof ROLES)[];
  const name = names.find((n) => n === args.role.toUpperCase().replace(/-/g, "_"));
  if (name === undefined) throw new TaskError(`--role must be one of ${names.join(", ")}, got "${args.role}"`);
  // `--to` may name one of the preset's accounts (e.g. distributionRegistrar).
  const named = t.entry.inputs.accounts[args.to];
  const to = parseAddress("--to", named ?? args.to);
  const role = ROLES[name];
  const [has] = await t.c.manager.hasRole(role, to);
  if (has) return `${to} already holds ${name} (role ${role})`;
  await t.send(() => t.c.manager.connect(t.signer).grantRole(role, to, 0));
  return `Granted ${name} (role ${role}) to ${to}`;
});
