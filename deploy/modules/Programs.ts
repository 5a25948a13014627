import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { ContractFuture } from "@nomicfoundation/ignition-core";
import { id } from "ethers";

import type { Governed } from "../../lib/governed.js";
import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";
import type { ProgramsPreset } from "../../modules/programs.js";
import { buildMarketModule } from "./Market.js";
import { buildSlashingModule } from "./Slashing.js";

/** The contract of the programs module that holds a governed number. */
export type ProgramsContract = "ratings" | "programs";

/** The parameter-registry key of a programs parameter, as `ProgramKeys` computes it. */
export const programsKey = (name: string) => id(`programs.${name}`);

/** Every governed number of a programs preset: the contract holding it, its key and its preset entry. */
export function programsGovernedEntries(
  preset: ProgramsPreset,
): { contract: ProgramsContract; name: string; key: string; entry: Governed }[] {
  const { ratings: r, programs: p } = preset;
  const entry = (contract: ProgramsContract, name: string, e: Governed) => ({
    contract,
    name,
    key: programsKey(name),
    entry: e,
  });
  return [
    entry("ratings", "feedbackReward", r.feedbackReward),
    entry("ratings", "feedbackBps", r.feedbackBps),
    entry("ratings", "feedbackAccountCap", r.accountCap),
    entry("ratings", "feedbackPeriodCap", r.periodCap),
    entry("ratings", "ratingWeightBps", r.ratingWeightBps),
    entry("ratings", "minRatedWeight", r.minRatedWeight),
    entry("programs", "availabilityBps", p.availabilityBps),
    entry("programs", "minUptimeBps", p.minUptimeBps),
    entry("programs", "minAttestations", p.minAttestations),
    entry("programs", "diversityBps", p.diversityBps),
    entry("programs", "loyaltyBps", p.loyaltyBps),
    entry("programs", "loyaltyTenure", p.loyaltyTenure),
    entry("programs", "maxSightingGap", p.maxSightingGap),
    entry("programs", "bonusAccountCap", p.accountCap),
    entry("programs", "bonusPeriodCap", p.periodCap),
  ];
}

/** The constructor arguments of `Ratings` and `ProviderPrograms` for a preset (structs as named tuples). */
export function programsConstructorArgs(preset: ProgramsPreset) {
  const { ratings: r, programs: p } = preset;
  return {
    ratings: {
      feedbackReward: r.feedbackReward.value,
      feedbackBps: r.feedbackBps.value,
      accountCap: r.accountCap.value,
      periodCap: r.periodCap.value,
      ratingWeightBps: r.ratingWeightBps.value,
      minRatedWeight: r.minRatedWeight.value,
    },
    programs: {
      availabilityBps: p.availabilityBps.value,
      minUptimeBps: p.minUptimeBps.value,
      minAttestations: p.minAttestations.value,
      diversityBps: p.diversityBps.value,
      loyaltyBps: p.loyaltyBps.value,
      loyaltyTenure: p.loyaltyTenure.value,
      maxSightingGap: p.maxSightingGap.value,
      accountCap: p.accountCap.value,
      periodCap: p.periodCap.value,
    },
  };
}

/**
 * The provider programs and ratings of a preset over its market and slashing modules: `Ratings` (over the market's
 * channels) and `ProviderPrograms` (over the market, the metrics registry and the ratings) under the token's
 * AccessManager, every governed number registered in the preset's ParameterRegistry with its hard bounds.
 *
 * Roles: `setParameter` of both -> PARAMETER_REGISTRY; nothing else is privileged (funding is open to anyone, the
 * holders of the named allocations transfer the preset's `funding` in with `fund`; nothing is minted). The metrics
 * registry's `bindRatings` stays with the manager's admin (the deployer here), which binds the ratings once so they
 * feed the quality multiplier.
 */
export function buildProgramsModule(
  preset: ProgramsPreset,
  market: ReturnType<typeof buildMarketModule>,
  slashing: ReturnType<typeof buildSlashingModule>,
) {
  return buildModule("Programs", (m) => {
    const { manager, registry, market: marketContract } = m.useModule(market);
    const { metrics, court } = m.useModule(slashing);
    const args = programsConstructorArgs(preset);

    const ratings = m.contract("Ratings", [marketContract, manager, args.ratings]);
    const programs = m.contract("ProviderPrograms", [marketContract, metrics, ratings, manager, args.programs]);
    m.call(metrics, "bindRatings", [ratings], { id: "BindMetricsRatings" });

    const contracts: Record<ProgramsContract, ContractFuture<string>> = { ratings, programs };
    for (const contract of Object.keys(contracts) as ProgramsContract[]) {
      m.call(
        manager,
        "setTargetFunctionRole",
        [contracts[contract], [selector("setParameter(bytes32,uint256)")], ROLES.PARAMETER_REGISTRY],
        { id: `RestrictPrograms_${contract}_setParameter` },
      );
    }
    for (const { contract, name, key, entry } of programsGovernedEntries(preset)) {
      m.call(registry, "register", [contracts[contract], key, entry.min, entry.max, entry.minStep], {
        id: `RegisterPrograms_${name}`,
      });
    }
    return { manager, registry, market: marketContract, metrics, court, ratings, programs };
  });
}
