import { id as keyId } from "ethers";

import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { Future, IgnitionModule, IgnitionModuleBuilder } from "@nomicfoundation/ignition-core";

import { POOL_KIND } from "../../../modules/distribution.js";
import type { DeflationPreset } from "../../../modules/deflation.js";
import type { BindableContract, SystemPreset } from "../../../presets/types/preset.js";
import { ROLES } from "../../../lib/roles.js";
import { selector } from "../../../lib/selectors.js";

import { buildComplianceModule } from "../Compliance.js";
import { buildGovernanceModule, PAUSE_SELECTORS } from "../Governance.js";
import { buildIssuanceModule } from "../Issuance.js";
import { buildDistributionModule } from "../QryDistribution.js";
import { buildLendingModule } from "../Lending.js";
import { buildLockingModule, perkId } from "../Locking.js";
import { buildMarketModule } from "../Market.js";
import { buildProgramsModule } from "../Programs.js";
import { buildSlashingModule } from "../Slashing.js";
import { buildStakingModule } from "../Staking.js";
import { buildSupplyModule } from "../Supply.js";
import { buildWorkerProposalsModule } from "../WorkerProposals.js";

// Ignition's future types are per contract name; the controller takes any future of the right contract.
type AnyFuture = any;

/** `quiver` -> `Quiver`: the preset module's id (and the prefix of its wiring module's). */
export function presetModuleId(preset: SystemPreset<string>): string {
  return preset.system[0].toUpperCase() + preset.system.slice(1);
}

/** Every future of a module and of the modules it uses, so a last step can wait for all of them. */
function allFutures(module: IgnitionModule): Future[] {
  return [...module.futures, ...[...module.submodules].flatMap(allFutures)];
}

/**
 * A system preset as one Ignition module: the subsystem modules it has pieces for, composed with `m.useModule` on
 * ONE token, AccessManager and ParameterRegistry (modules `Token` and `Parameters`), wired to each other, and handed
 * to governance as the last step.
 *
 * - Governance (always): voting power, classifier, treasury, normal and emergency timelocks, governor, guardian Safe.
 *   With a staking piece, voting power adds the staking module's votes contract (`staking.votes()`); with worker
 *   proposals (QRY), the WorkerPool.
 * - Supply: genesis into every allocation, vesting, emission. Named accounts the preset binds are its contracts:
 *   `treasury` is governance's Treasury, a staking stream is the staking contract, the worker stream the WorkerPool.
 * - Staking: the emission controller is its REWARD_FUNDER (granted here unless the supply module already granted it
 *   for its epoch pool).
 * - Slashing (over the preset's staking module): the slasher holds SLASHER on staking, the metrics registry ATTESTER,
 *   the court and the metrics registry SLASHING_COURT on the slasher (module Slashing); here, the slasher's
 *   `emergencySlash` (EMERGENCY) is classified as an emergency proposal, so the governor routes it through the
 *   emergency timelock, and the court's `setSource` (the admin: the normal timelock) as an access change.
 * - Market (over the preset's staking module): the fee router pays the validators' share to the challenge court
 *   (absorbed into its reward pool), the infrastructure share to the preset's `infrastructure` account, the treasury's
 *   to governance's Treasury; the court registers the market as a challenge source; the market's `confirmPause` is an
 *   emergency proposal; the preset's curator account holds MARKET_CURATOR.
 * - Programs (over the preset's market and slashing modules, `buildPresetPrograms`): ratings over the market's
 *   channels and the provider programs over the market, the metrics registry and the ratings, their governed numbers
 *   in the one registry; the pools start empty (the named allocations fund them, see the preset).
 * - Locking (needs lending's router and feeds): the VoteLocker is governance's voting weight; the preset's
 *   `liquidityIncentives` account holds REWARD_FUNDER (it funds the LP pool and the lockers' stream). With the
 *   preset's `locking.lendingPerk`, the credit manager reads the lock module's AccessPerks (the top of its debt
 *   ceiling reserved for lockers holding the feature).
 * - Lending: the credit manager's `confirmPause` is classified as an emergency proposal (its roles and pause
 *   duration are wired by the Lending module).
 * - Issuance: fees go to governance's Treasury; the preset's distributor opens partner-reward periods.
 * - Compliance (opt-in, module `Compliance`): the markets and the issuer tokens check its registry (otherwise they
 *   hold the zero address: off); the preset's `kycProvider` account holds KYC_PROVIDER.
 * - Supply: the vesting vault's `revoke` (GOVERNOR) is classified as an access change (80% in every preset).
 * - Handover: Governance makes the normal timelock the AccessManager's admin (and gives GOVERNOR, EMERGENCY and
 *   GUARDIAN to the timelocks and the Safe; the normal timelock administers both timelocks); the last future renounces the
 *   deployer's admin role, after every other future, so no deployer privilege survives.
 *
 * Parameters (see `presetParameters` in scripts/lib/presets.ts): `Token` (name, symbol, cap), `GuardianSafe`
 * (owners, threshold), `Governance` (the preset's numbers and class ids), `WorkerProposals`, `<System>Supply` (start,
 * mix window, named accounts), `Lending` (stablecoin, feeds, router), `Issuance` (numbers, distributor), `Slashing`
 * (`metricsStart`), `Market` (`infrastructure`), `<System>Wiring` (`emergencyClass`, `accessClass`, `marketCurator`).
 */
export function buildPresetModule(preset: SystemPreset<string>) {
  const id = presetModuleId(preset);
  const staking = preset.staking === undefined ? undefined : buildStakingModule(preset.staking);
  const locking = preset.locking === undefined ? undefined : buildLockingModule(preset.locking);
  const governance = buildGovernanceModule(
    staking !== undefined
      ? { votingWeight: (m) => m.useModule(staking).votes }
      : locking !== undefined
        ? { votingWeight: (m) => m.useModule(locking).locker }
        : undefined,
  );
  const worker = preset.workerProposals === undefined ? undefined : buildWorkerProposalsModule(governance);
  // QRY: the distribution reads stake through a StakingStakeReader, pays its staking-rewards pool to the staking
  // contract (notified) and its worker-proposals pool to the WorkerPool (the validator requires both pieces).
  const distribution =
    preset.distribution === undefined || staking === undefined || worker === undefined
      ? undefined
      : buildDistributionModule(preset.distribution, {
          id: `${id}Distribution`,
          stakingRewardsKind: POOL_KIND.notify,
          contracts: (m) => {
            const { staking: stakingContract } = m.useModule(staking);
            return {
              stakeReader: m.contract("StakingStakeReader", [stakingContract]),
              workerProposals: m.useModule(worker).workerPool,
              stakingRewards: stakingContract,
            };
          },
        });

  const contract = (m: IgnitionModuleBuilder, which: BindableContract) => {
    if (which === "treasury") return m.useModule(governance).treasury;
    if (which === "staking" && staking !== undefined) return m.useModule(staking).staking;
    if (which === "workerPool" && worker !== undefined) return m.useModule(worker).workerPool;
    if (which === "distributionEngine" && distribution !== undefined) return m.useModule(distribution).engine;
    throw new Error(`${preset.system}: ${which} is not deployed by this preset`);
  };
  const supply = buildSupplyModule(preset.supply, {
    contracts: (m) =>
      Object.fromEntries(Object.entries(preset.bindings).map(([name, which]) => [name, contract(m, which)])),
  });
  const slashing =
    preset.slashing === undefined || staking === undefined ? undefined : buildSlashingModule(staking, preset.slashing);
  // Opt-in compliance: with a piece, the markets and the issuer tokens check its registry; without, the zero address.
  const complianceModule = preset.compliance === undefined ? undefined : buildComplianceModule(preset.compliance);
  const compliance =
    complianceModule === undefined ? undefined : (m: IgnitionModuleBuilder) => m.useModule(complianceModule).compliance;
  const market =
    preset.market === undefined || staking === undefined || slashing === undefined
      ? undefined
      : buildMarketModule(preset.market, staking, {
          recipients: (m) => ({
            validators: m.useModule(slashing).court,
            infrastructure: m.getParameter<string>("infrastructure"),
            treasury: m.useModule(governance).treasury,
          }),
          compliance,
        });
  const programs = buildPresetPrograms(preset, market, slashing);
  const lendingPerk = locking === undefined ? undefined : preset.locking?.lendingPerk;
  const lending =
    preset.lending === undefined
      ? undefined
      : buildLendingModule(
          preset.lending,
          locking === undefined || lendingPerk === undefined
            ? undefined
            : {
                perks: (m) => m.useModule(locking).perks,
                feature: perkId(lendingPerk.feature),
                openCeilingBps: lendingPerk.openCeilingBps,
                minLockLeft: lendingPerk.minLockLeft,
              },
        );
  const issuance =
    preset.issuance === undefined
      ? undefined
      : buildIssuanceModule(preset.issuance, { feeRecipient: (m) => m.useModule(governance).treasury, compliance });

  const wiring = buildModule(`${id}Wiring`, (m) => {
    const g = m.useModule(worker ?? governance);
    const s = m.useModule(supply);
    const { manager, classifier } = g;

    // Revoking a vesting schedule takes promised tokens from a named beneficiary: the access majority, never the
    // default class.
    m.call(classifier, "setSelectorClass", [s.vault, [selector("revoke(uint256)")], m.getParameter("accessClass")], {
      id: "ClassifyVestingRevoke",
    });

    const st = staking === undefined ? undefined : m.useModule(staking);
    const streamsToStaking = preset.supply.emission.recipients.some(
      (r) => r.target.kind === "account" && preset.bindings[r.target.account] === "staking" && r.notify,
    );
    if (streamsToStaking && preset.supply.emission.epochPool === undefined) {
      m.call(manager, "grantRole", [ROLES.REWARD_FUNDER, s.controller, 0n], { id: "GrantFunderToController" });
    }

    const l = lending === undefined ? undefined : m.useModule(lending);
    if (l !== undefined) {
      const emergencyClass = m.getParameter("emergencyClass");
      m.call(classifier, "setSelectorClass", [l.creditManager, [PAUSE_SELECTORS.confirmPause], emergencyClass], {
        id: "ClassifyCreditManagerConfirmPause",
      });
    }
    const lk = locking === undefined ? undefined : m.useModule(locking);
    if (lk !== undefined) {
      // The liquidity-incentives distributor forwards its stream to the LP pool and funds lockers' rewards.
      m.call(manager, "grantRole", [ROLES.REWARD_FUNDER, m.getParameter<string>("lockRewardFunder"), 0n], {
        id: "GrantLockRewardFunder",
      });
    }
    const i = issuance === undefined ? undefined : m.useModule(issuance);
    const d = distribution === undefined ? undefined : m.useModule(distribution);

    const sl = slashing === undefined ? undefined : m.useModule(slashing);
    if (sl !== undefined) {
      m.call(
        classifier,
        "setSelectorClass",
        [sl.slasher, [selector("emergencySlash(address,uint8,uint256,bytes32)")], m.getParameter("emergencyClass")],
        { id: "ClassifySlasherEmergencySlash" },
      );
      m.call(
        classifier,
        "setSelectorClass",
        [sl.court, [selector("setSource(address,bool)")], m.getParameter("accessClass")],
        { id: "ClassifyCourtSetSource" },
      );
    }
    const mk = market === undefined ? undefined : m.useModule(market);
    const pg = programs === undefined ? undefined : m.useModule(programs);
    if (mk !== undefined && sl !== undefined) {
      m.call(
        classifier,
        "setSelectorClass",
        [mk.market, [PAUSE_SELECTORS.confirmPause], m.getParameter("emergencyClass")],
        {
          id: "ClassifyMarketConfirmPause",
        },
      );
      m.call(sl.court, "setSource", [mk.market, true], { id: "RegisterMarketSource" });
      // A consumer's challenge of a settlement opens within the market's challenge window, which a later settlement
      // of the same channel window can extend to almost two windows, and is decided when the court's vote ends, or
      // one vote later when a higher-class case superseded it: two windows and two votes stay below staking's
      // unbonding period, so the stake behind the settlement (unbonding stake included) is still there to slash.
      // The registry refuses any change that breaks it.
      if (st !== undefined) {
        m.call(
          g.registry,
          "addSumRule",
          [
            [
              { target: mk.market, key: keyId("market.challengeWindow") },
              { target: sl.court, key: keyId("slashing.votingPeriod") },
            ],
            [2n, 2n],
            { target: st.staking, key: keyId("staking.unbondingPeriod") },
          ],
          { id: "RuleChallengeBeforeUnbonding" },
        );
      }
      m.call(manager, "grantRole", [ROLES.MARKET_CURATOR, m.getParameter<string>("marketCurator"), 0n], {
        id: "GrantMarketCurator",
      });
    }
    const co = complianceModule === undefined ? undefined : m.useModule(complianceModule);
    if (co !== undefined) {
      m.call(manager, "grantRole", [ROLES.KYC_PROVIDER, m.getParameter<string>("kycProvider"), 0n], {
        id: "GrantKycProvider",
      });
    }
    const deflation =
      mk === undefined || preset.deflation === undefined
        ? undefined
        : deployDeflation(m, preset.deflation, {
            manager,
            registry: g.registry,
            token: s.token,
            emission: s.controller,
            router: mk.router,
          });

    return {
      ...g,
      ...s,
      ...(st === undefined ? {} : { staking: st.staking, votes: st.votes, reputation: st.reputation }),
      ...(l === undefined
        ? {}
        : {
            oracle: l.oracle,
            insuranceFund: l.fund,
            stableVault: l.vault,
            ethReserve: l.reserve,
            creditManager: l.creditManager,
          }),
      ...(lk === undefined
        ? {}
        : {
            voteLocker: lk.locker,
            accessPerks: lk.perks,
            lpIncentives: lk.liquidity,
            buybackBurner: lk.burner,
          }),
      ...(d === undefined
        ? {}
        : {
            subscriptions: d.subscriptions,
            distributionEngine: d.engine,
            queryFulfillmentPool: d.providerPool,
            integratorPool: d.integratorPool,
            portalPool: d.portalPool,
            availabilityPool: d.availability,
            consensusRewards: d.consensus,
            stabilizationFund: d.stabilization,
          }),
      ...(sl === undefined ? {} : { slasher: sl.slasher, challengeCourt: sl.court, metricsRegistry: sl.metrics }),
      ...(mk === undefined
        ? {}
        : {
            modelCatalog: mk.catalog,
            feeRouter: mk.router,
            incentivePools: mk.incentives,
            inferenceMarket: mk.market,
            developerPrograms: mk.developers,
            licenceMarket: mk.licences,
            requestAuction: mk.auction,
            volumeContracts: mk.volume,
          }),
      ...(pg === undefined ? {} : { ratings: pg.ratings, providerPrograms: pg.programs }),
      ...(deflation === undefined ? {} : { deflationController: deflation }),
      ...(co === undefined ? {} : { complianceRegistry: co.compliance }),
      ...(i === undefined
        ? {}
        : {
            issuerRegistry: i.registry,
            issuerTokenFactory: i.factory,
            partnerRewards: i.rewards,
            settlement: i.settlement,
          }),
    };
  });

  return buildModule(id, (m) => {
    const all = m.useModule(wiring);
    m.call(all.manager, "renounceRole", [ROLES.ADMIN, m.getAccount(0)], {
      id: "RenounceDeployerAdmin",
      after: allFutures(wiring),
    });
    return all;
  });
}

/** The parameter-registry key of a deflation parameter, as `DeflationKeys` computes it. */
export const deflationKey = (name: string) => keyId(`deflation.${name}`);

/** The deflation controller's governed numbers by name, in `DeflationKeys` order. */
export const DEFLATION_PARAMETERS = [
  "stepBps",
  "minBurnBps",
  "maxBurnBps",
  "minDeflationBps",
  "maxDeflationBps",
] as const;

/** DeflationController's `Parameters` for a preset (the Solidity tests' preset numbers are built by this function too). */
export function deflationConstructorArgs(d: DeflationPreset) {
  return Object.fromEntries(DEFLATION_PARAMETERS.map((name) => [name, d[name].value]));
}

/**
 * The deflation controller (QUIVer 5.3) over the preset's token, emission controller and fee router: its
 * `setParameter` mapped to PARAMETER_REGISTRY, its governed numbers registered with their bounds, and the
 * PARAMETER_CONTROLLER role granted to it, so it alone may call `ParameterRegistry.setByController` (module
 * `Parameters` maps that function to the role), under the registry's bounds and 20%-per-quarter rule.
 */
function deployDeflation(
  m: IgnitionModuleBuilder,
  d: DeflationPreset,
  f: { manager: AnyFuture; registry: AnyFuture; token: AnyFuture; emission: AnyFuture; router: AnyFuture },
) {
  const parameters = deflationConstructorArgs(d);
  const controller = m.contract("DeflationController", [
    f.token,
    f.emission,
    f.registry,
    f.router,
    f.manager,
    d.firstQuarter,
    parameters,
  ]);
  m.call(
    f.manager,
    "setTargetFunctionRole",
    [controller, [selector("setParameter(bytes32,uint256)")], ROLES.PARAMETER_REGISTRY],
    {
      id: "RestrictDeflation_setParameter",
    },
  );
  for (const name of DEFLATION_PARAMETERS) {
    const e = d[name];
    m.call(f.registry, "register", [controller, deflationKey(name), e.min, e.max, e.minStep], {
      id: `RegisterDeflation_${name}`,
    });
  }
  m.call(f.manager, "grantRole", [ROLES.PARAMETER_CONTROLLER, controller, 0n], { id: "GrantDeflationController" });
  return controller;
}

/**
 * The preset's ratings and provider programs (module `Programs`, deploy/modules/Programs.ts) over its own market and
 * slashing modules, or undefined when the preset has no programs piece (or lacks what they read).
 */
function buildPresetPrograms(
  preset: SystemPreset<string>,
  market: ReturnType<typeof buildMarketModule> | undefined,
  slashing: ReturnType<typeof buildSlashingModule> | undefined,
) {
  if (preset.programs === undefined || market === undefined || slashing === undefined) return undefined;
  return buildProgramsModule(preset.programs, market, slashing);
}
