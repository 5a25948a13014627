import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { id } from "ethers";

import type { Governed } from "../../lib/governed.js";
import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";
import type { ClassRangePreset, SlashingPreset } from "../../modules/slashing.js";
import type { StakingPreset } from "../../modules/staking.js";
import { ParametersModule } from "./Parameters.js";
import { stakingModuleFor, type StakingModule } from "./Staking.js";
import { TokenModule } from "./Token.js";

/** The parameter-registry key of a slashing parameter, as `SlashingKeys` computes it. */
export const slashingKey = (name: string) => id(`slashing.${name}`);

const CLASSES = ["minor", "major", "severe"] as const;

/** The slasher's governed keys with their preset entries. */
export function slasherEntries(preset: SlashingPreset): { name: string; key: string; entry: Governed }[] {
  const s = preset.slasher;
  return [
    ...CLASSES.flatMap((c) => [
      { name: `${c}MinBps`, key: slashingKey(`${c}MinBps`), entry: s[c].minBps },
      { name: `${c}MaxBps`, key: slashingKey(`${c}MaxBps`), entry: s[c].maxBps },
    ]),
    { name: "capWindow", key: slashingKey("capWindow"), entry: s.capWindow },
  ];
}

/** The court's governed keys with their preset entries. */
export function courtEntries(preset: SlashingPreset): { name: string; key: string; entry: Governed }[] {
  return Object.entries(preset.court).map(([name, entry]) => ({ name, key: slashingKey(name), entry }));
}

/** The constructor arguments of the slasher, the court and the metrics registry (structs as named tuples). */
export function slashingConstructorArgs(preset: SlashingPreset, metricsStart: bigint) {
  const s = preset.slasher;
  const range = (r: ClassRangePreset) => ({ minBps: r.minBps.value, maxBps: r.maxBps.value });
  const court = Object.fromEntries(Object.entries(preset.court).map(([name, entry]) => [name, entry.value]));
  return {
    slasher: { minor: range(s.minor), major: range(s.major), severe: range(s.severe), capWindow: s.capWindow.value },
    court,
    metrics: { start: metricsStart, ...preset.metrics },
  };
}

/**
 * The slashing module of a preset on top of its staking module: `Slasher`, `ChallengeCourt` and `MetricsRegistry`
 * under the token's AccessManager, every governed number registered in the ParameterRegistry with its bounds, the
 * metrics registry registered as a source of the court, and the roles wired:
 *
 * - staking: the slasher holds SLASHER (`slash`, `setBanned`), the metrics registry ATTESTER (`setPerformance`);
 * - slasher: `slash` -> SLASHING_COURT (held by the court and the metrics registry), `emergencySlash` -> EMERGENCY
 *   (the emergency timelock), `liftBan` -> GOVERNOR (the normal timelock), `setParameter` -> PARAMETER_REGISTRY;
 * - court: `setParameter` -> PARAMETER_REGISTRY; `setSource` stays with the manager's admin (the deployer, then the
 *   normal timelock), which registers the inference market as a source once it is deployed.
 *
 * `staking`: the staking numbers (a standalone deployment builds its own `Staking` module) or the preset module's
 * staking module (`deploy/modules/presets/build.ts`).
 *
 * Parameter `metricsStart`: start of metrics epoch 0 (unix seconds, not after the deployment).
 */
export function buildSlashingModule(staking: StakingPreset | StakingModule, preset: SlashingPreset) {
  const stakingModule = stakingModuleFor(staking);
  return buildModule("Slashing", (m) => {
    const { manager, token } = m.useModule(TokenModule);
    const { registry } = m.useModule(ParametersModule);
    const { staking } = m.useModule(stakingModule);
    const metricsStart = m.getParameter<bigint>("metricsStart");
    const args = slashingConstructorArgs(preset, 0n);

    const slasher = m.contract("Slasher", [staking, manager, args.slasher]);
    const court = m.contract("ChallengeCourt", [token, slasher, manager, args.court]);
    const metrics = m.contract("MetricsRegistry", [court, slasher, manager, { ...args.metrics, start: metricsStart }]);

    const slasherRoles: [string, bigint][] = [
      ["slash(address,uint8,uint256,bytes32)", ROLES.SLASHING_COURT],
      ["emergencySlash(address,uint8,uint256,bytes32)", ROLES.EMERGENCY],
      ["liftBan(address)", ROLES.GOVERNOR],
      ["setParameter(bytes32,uint256)", ROLES.PARAMETER_REGISTRY],
    ];
    for (const [signature, role] of slasherRoles) {
      m.call(manager, "setTargetFunctionRole", [slasher, [selector(signature)], role], {
        id: `RestrictSlasher_${signature.slice(0, signature.indexOf("("))}`,
      });
    }
    m.call(
      manager,
      "setTargetFunctionRole",
      [court, [selector("setParameter(bytes32,uint256)")], ROLES.PARAMETER_REGISTRY],
      { id: "RestrictCourt_setParameter" },
    );
    m.call(manager, "grantRole", [ROLES.SLASHER, slasher, 0n], { id: "GrantSlasherToSlasher" });
    m.call(manager, "grantRole", [ROLES.ATTESTER, metrics, 0n], { id: "GrantAttesterToMetrics" });
    m.call(manager, "grantRole", [ROLES.SLASHING_COURT, court, 0n], { id: "GrantSlashingCourtToCourt" });
    m.call(manager, "grantRole", [ROLES.SLASHING_COURT, metrics, 0n], { id: "GrantSlashingCourtToMetrics" });
    m.call(court, "setSource", [metrics, true], { id: "RegisterMetricsSource" });

    for (const { name, key, entry } of slasherEntries(preset)) {
      m.call(registry, "register", [slasher, key, entry.min, entry.max, entry.minStep], {
        id: `RegisterSlasher_${name}`,
      });
    }
    for (const { name, key, entry } of courtEntries(preset)) {
      m.call(registry, "register", [court, key, entry.min, entry.max, entry.minStep], {
        id: `RegisterCourt_${name}`,
      });
    }

    return { manager, token, registry, staking, slasher, court, metrics };
  });
}
