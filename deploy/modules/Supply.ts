import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { ArgumentType, IgnitionModuleBuilder } from "@nomicfoundation/ignition-core";

import {
  accountNames,
  validateSupplyPreset,
  type SupplyPreset,
  type VestingAllocation,
} from "../../presets/types/supply.js";
import { ROLES } from "../../scripts/lib/roles.js";
import { selector } from "../../scripts/lib/selectors.js";
import TokenModule from "./Token.js";

/** The Ignition module id of a preset's supply module: `quiver` -> `QuiverSupply`. */
export function supplyModuleId(preset: SupplyPreset): string {
  return `${preset.system[0].toUpperCase()}${preset.system.slice(1)}Supply`;
}

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
export function buildSupplyModule(preset: SupplyPreset, bind?: SupplyBindings) {
  const cached = bind === undefined ? built.get(preset.system) : undefined;
  if (cached !== undefined) return cached;
  validateSupplyPreset(preset);
  const module = buildModule(supplyModuleId(preset), (m) => {
    const { manager, token } = m.useModule(TokenModule);
    const start = m.getParameter<bigint>("start");
    const bound = bind?.(m) ?? {};
    const account = Object.fromEntries(
      accountNames(preset).map((name) => [name, bound[name] ?? m.getParameter<string>(name)]),
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
    const grants: ArgumentType[] = preset.allocations.flatMap((a): ArgumentType[] =>
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
    m.call(genesis, "run", [grants, vesting], { after: [grantMinter, grantCreator, restrictCreate] });

    return { manager, token, vault, controller, genesis, ...(pool ? { pool } : {}) };
  });
  if (bind === undefined) built.set(preset.system, module);
  return module;
}

/**
 * Named accounts bound to contracts of the same deployment instead of module parameters: a preset module maps
 * e.g. `treasury` to governance's Treasury and a reward stream's account to the staking contract. Called inside
 * the supply module's builder, so it may `m.useModule` the modules that deploy them.
 */
// Ignition's future types are per contract name; any contract or address future will do here.
export type SupplyBindings = (m: IgnitionModuleBuilder) => Record<string, any>;

/** One module object per preset, so the per-preset files and the deploy helper share it. */
const built = new Map<string, ReturnType<typeof buildModule>>();
