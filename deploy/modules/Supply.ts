import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { ArgumentType, ContractFuture, IgnitionModuleBuilder } from "@nomicfoundation/ignition-core";

import {
  accountNames,
  validateSupplyPreset,
  type AccountName,
  type SupplyPreset,
  type VestingAllocation,
} from "../../modules/supply.js";
import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";
import { TokenModule } from "./Token.js";

/** The Ignition module id of a preset's supply module: `quiver` -> `QuiverSupply`. */
export function supplyModuleId(preset: SupplyPreset): string {
  return `${preset.system[0].toUpperCase()}${preset.system.slice(1)}Supply`;
}

/** Options of `buildSupplyModule`. */
export interface SupplyModuleOptions {
  /** The Ignition module id (default: `supplyModuleId(preset)`). */
  id?: string;
  /**
   * Named accounts bound to contracts of the same deployment instead of module parameters: a preset module maps
   * e.g. `treasury` to governance's Treasury, a reward stream's account to the staking contract, or QRY's
   * distribution engine (`deployQry` in scripts/lib/deploy.ts). Called inside the supply module's builder, so it may
   * `m.useModule` the modules that deploy them. The other named accounts stay module parameters.
   */
  contracts?: SupplyBindings;
}

/** Named accounts resolved to futures of the same deployment (see `SupplyModuleOptions.contracts`). */
// Ignition's future types are per contract name; any contract or address future will do here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SupplyBindings = (m: IgnitionModuleBuilder) => Record<string, ContractFuture<string> | any>;

/**
 * A preset's supply, wired under the token's AccessManager (deploy/modules/Token.ts):
 *
 * - `VestingVault` (revoked tokens go to the preset's treasury); `createSchedule` restricted to VESTING_CREATOR,
 *   `revoke` to GOVERNOR.
 * - `EmissionController` with the preset's curve and recipients; `setRecipients` restricted to GOVERNOR. In mint
 *   mode it is granted MINTER.
 * - `EpochRewardPool`, when a recipient targets it; `notifyRewardAmount` restricted to REWARD_FUNDER (granted to
 *   the controller), `claim` to REWARD_CLAIMER (granted to the preset's claimer account).
 * - `Genesis`, when the preset mints a supply: granted MINTER and VESTING_CREATOR, then `run` by the deployer
 *   (the manager's admin) with every allocation; it renounces both roles, so no minter is left.
 *
 * Parameters (module id from `supplyModuleId`): `start` (the TGE and emission start, unix seconds), `mixStart`
 * and `mixEnd` (absolute mix window: start + the preset's offsets), and one address per named account of the
 * preset (`accountNames(preset)`). The Token module takes `name`, `symbol` and `cap` from the preset.
 */
export function buildSupplyModule(preset: SupplyPreset, options: SupplyModuleOptions = {}) {
  const id = options.id ?? supplyModuleId(preset);
  // Only unbound modules are shared: bindings differ between the deployments that pass them.
  const cached = options.contracts === undefined ? built.get(id) : undefined;
  if (cached !== undefined) return cached;
  validateSupplyPreset(preset);
  const module = buildModule(id, (m) => {
    const { manager, token } = m.useModule(TokenModule);
    const start = m.getParameter<bigint>("start");
    const contracts = options.contracts?.(m) ?? {};
    const account = Object.fromEntries(
      accountNames(preset).map((name) => [name, contracts[name] ?? m.getParameter<string>(name)]),
    );
    const e = preset.emission;

    const vault = m.contract("VestingVault", [token, account[preset.treasury], manager]);
    const restrictCreate = m.call(
      manager,
      "setTargetFunctionRole",
      [vault, [selector("createSchedule(address,uint256,uint48,uint32,uint32,uint16,bool)")], ROLES.VESTING_CREATOR],
      { id: "RestrictCreateSchedule" },
    );
    m.call(manager, "setTargetFunctionRole", [vault, [selector("revoke(uint256)")], ROLES.GOVERNOR], {
      id: "RestrictRevoke",
    });

    const pool =
      e.epochPool === undefined
        ? undefined
        : m.contract("EpochRewardPool", [
            token,
            manager,
            start,
            e.epochPool.epochSeconds,
            e.epochPool.claimWindowSeconds,
          ]);

    const recipients = e.recipients.map((r) => {
      if (r.target.kind === "epochPool" && pool === undefined) throw new Error("no epoch pool configured");
      return {
        account: r.target.kind === "epochPool" ? pool! : account[r.target.account],
        startBps: r.startBps,
        endBps: r.endBps,
        notify: r.notify,
      };
    });
    const moving = e.recipients.some((r) => r.startBps !== r.endBps);
    const controller = m.contract("EmissionController", [
      token,
      manager,
      e.mode === "hold" ? 0 : 1,
      start,
      e.yearlyAmounts,
      e.halvingYears,
      e.cap,
      recipients,
      moving ? m.getParameter<bigint>("mixStart") : 0n,
      moving ? m.getParameter<bigint>("mixEnd") : 0n,
    ]);
    m.call(
      manager,
      "setTargetFunctionRole",
      [controller, [selector("setRecipients((address,uint16,uint16,bool)[],uint64,uint64)")], ROLES.GOVERNOR],
      { id: "RestrictSetRecipients" },
    );
    if (e.mode === "mint") {
      m.call(manager, "grantRole", [ROLES.MINTER, controller, 0], { id: "GrantMinterToController" });
    }

    if (pool !== undefined && e.epochPool !== undefined) {
      m.call(manager, "setTargetFunctionRole", [pool, [selector("notifyRewardAmount(uint256)")], ROLES.REWARD_FUNDER], {
        id: "RestrictNotify",
      });
      m.call(
        manager,
        "setTargetFunctionRole",
        [pool, [selector("claim(uint256,address,uint256)")], ROLES.REWARD_CLAIMER],
        { id: "RestrictClaim" },
      );
      m.call(manager, "grantRole", [ROLES.REWARD_FUNDER, controller, 0], { id: "GrantFunderToController" });
      m.call(manager, "grantRole", [ROLES.REWARD_CLAIMER, account[e.epochPool.claimer], 0], {
        id: "GrantClaimer",
      });
    }

    if (preset.totalSupply === 0n) return { manager, token, vault, controller, ...(pool ? { pool } : {}) };

    const genesis = m.contract("Genesis", [token, vault, preset.totalSupply, manager]);
    const grantMinter = m.call(manager, "grantRole", [ROLES.MINTER, genesis, 0], { id: "GrantMinterToGenesis" });
    const grantCreator = m.call(manager, "grantRole", [ROLES.VESTING_CREATOR, genesis, 0], {
      id: "GrantCreatorToGenesis",
    });
    const { grants, vesting } = genesisPlan<ArgumentType>(preset, account, controller, start);
    m.call(genesis, "run", [grants, vesting], { after: [grantMinter, grantCreator, restrictCreate] });

    return { manager, token, vault, controller, genesis, ...(pool ? { pool } : {}) };
  });
  if (options.contracts === undefined) built.set(id, module);
  return module;
}

/**
 * What `Genesis.run` is called with: the direct and emission allocations as grants (emission to `controller`), the
 * vesting allocations as schedules starting at `start`, each in the preset's order. `account` maps the preset's
 * account names to addresses (or futures). The Solidity tests' preset numbers are built by this function too.
 */
export function genesisPlan<A>(preset: SupplyPreset, account: Record<AccountName, A>, controller: A, start: A) {
  const grants = preset.allocations.flatMap((a) =>
    a.kind === "direct"
      ? [{ to: account[a.to], amount: a.amount }]
      : a.kind === "emission"
        ? [{ to: controller, amount: a.amount }]
        : [],
  );
  const vesting = preset.allocations
    .filter((a): a is VestingAllocation => a.kind === "vesting")
    .map((a) => ({
      beneficiary: account[a.beneficiary],
      amount: a.amount,
      start,
      cliffDuration: a.cliffSeconds,
      duration: a.durationSeconds,
      startUnlockBps: a.startUnlockBps,
      revocable: a.revocable,
    }));
  return { grants, vesting };
}

/** One module object per module id, so every caller of the deploy helpers shares it. */
const built = new Map<string, ReturnType<typeof buildModule>>();
