import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { id } from "ethers";

import type { Governed } from "../../lib/governed.js";
import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";
import type { StakingPreset } from "../../modules/staking.js";
import { ParametersModule } from "./Parameters.js";
import { TokenModule } from "./Token.js";

const TIERS = ["bronze", "silver", "gold", "platinum"] as const;

/** Every governed key (as in `StakingKeys.sol`) with its preset entry. */
export function governedEntries(preset: StakingPreset): { name: string; key: string; entry: Governed }[] {
  const g = preset.governed;
  const scalar = (name: keyof StakingPreset["governed"], entry: Governed) => ({
    name,
    key: id(`staking.${name}`),
    entry,
  });
  return [
    scalar("minSelfStake", g.minSelfStake),
    scalar("silverMinStake", g.silverMinStake),
    scalar("goldMinStake", g.goldMinStake),
    scalar("platinumMinStake", g.platinumMinStake),
    ...TIERS.map((tier, i) => ({
      name: `${tier}FeeDiscountBps`,
      key: id(`staking.${tier}FeeDiscountBps`),
      entry: g.feeDiscountBps[i],
    })),
    ...TIERS.map((tier, i) => ({
      name: `${tier}MaxSlashBps`,
      key: id(`staking.${tier}MaxSlashBps`),
      entry: g.maxSlashBps[i],
    })),
    scalar("unbondingPeriod", g.unbondingPeriod),
    scalar("maxLockDuration", g.maxLockDuration),
    scalar("rewardDuration", g.rewardDuration),
    scalar("minApyBps", g.minApyBps),
    scalar("maxApyBps", g.maxApyBps),
    scalar("maxSpeedMultiplierBps", g.maxSpeedMultiplierBps),
    scalar("maxQualityMultiplierBps", g.maxQualityMultiplierBps),
    scalar("reputationHalfStake", g.reputationHalfStake),
  ];
}

/** The constructor arguments of `ProviderStaking` for a preset (structs as named tuples). */
export function stakingConstructorArgs(preset: StakingPreset) {
  const g = preset.governed;
  const parameters = {
    minSelfStake: g.minSelfStake.value,
    silverMinStake: g.silverMinStake.value,
    goldMinStake: g.goldMinStake.value,
    platinumMinStake: g.platinumMinStake.value,
    feeDiscountBps: g.feeDiscountBps.map((t) => t.value),
    maxSlashBps: g.maxSlashBps.map((t) => t.value),
    unbondingPeriod: g.unbondingPeriod.value,
    maxLockDuration: g.maxLockDuration.value,
    rewardDuration: g.rewardDuration.value,
    minApyBps: g.minApyBps.value,
    maxApyBps: g.maxApyBps.value,
    maxSpeedMultiplierBps: g.maxSpeedMultiplierBps.value,
    maxQualityMultiplierBps: g.maxQualityMultiplierBps.value,
    reputationHalfStake: g.reputationHalfStake.value,
  };
  return { parameters, constants: { ...preset.fixed }, buckets: preset.buckets.map((b) => ({ ...b })) };
}

/**
 * The staking module of a preset: `ProviderStaking` (which deploys its `StakingVotes` and `ReputationStake`)
 * under the token's AccessManager, its privileged functions mapped to their roles, and every governed number
 * registered in the preset's ParameterRegistry with its hard bounds.
 *
 * Roles: `notifyRewardAmount` -> REWARD_FUNDER (emission controller, treasury), `setPerformance` -> ATTESTER,
 * `slash` and `setBanned` -> SLASHER (the slashing module), `setParameter` -> PARAMETER_REGISTRY. Nobody holds the first three
 * until the preset grants them.
 */
export function buildStakingModule(preset: StakingPreset) {
  return buildModule("Staking", (m) => {
    const { manager, token } = m.useModule(TokenModule);
    const { registry } = m.useModule(ParametersModule);
    const { parameters, constants, buckets } = stakingConstructorArgs(preset);

    const staking = m.contract("ProviderStaking", [token, manager, parameters, constants, buckets]);
    const votes = m.contractAt("StakingVotes", m.staticCall(staking, "votes", [], 0, { id: "VotesAddress" }));
    const reputation = m.contractAt(
      "ReputationStake",
      m.staticCall(staking, "reputation", [], 0, { id: "ReputationAddress" }),
    );

    const roles: [string, bigint][] = [
      ["notifyRewardAmount(uint256)", ROLES.REWARD_FUNDER],
      ["setPerformance(address,uint256,uint256)", ROLES.ATTESTER],
      ["slash(address,uint256,bytes32)", ROLES.SLASHER],
      ["setBanned(address,bool)", ROLES.SLASHER],
      ["setParameter(bytes32,uint256)", ROLES.PARAMETER_REGISTRY],
    ];
    for (const [signature, role] of roles) {
      m.call(manager, "setTargetFunctionRole", [staking, [selector(signature)], role], {
        id: `RestrictStaking_${signature.slice(0, signature.indexOf("("))}`,
      });
    }
    for (const { name, key, entry } of governedEntries(preset)) {
      m.call(registry, "register", [staking, key, entry.min, entry.max, entry.minStep], {
        id: `RegisterStaking_${name}`,
      });
    }

    return { manager, token, registry, staking, votes, reputation };
  });
}

/** A staking module built by `buildStakingModule`. */
export type StakingModule = ReturnType<typeof buildStakingModule>;

/**
 * The staking module another module is built over: a preset module passes its own (one staking module per
 * deployment: Ignition refuses two different modules with the same id); a standalone deployment passes the staking
 * numbers and gets a fresh `Staking` module.
 */
export function stakingModuleFor(staking: StakingPreset | StakingModule): StakingModule {
  return "futures" in staking ? staking : buildStakingModule(staking);
}
