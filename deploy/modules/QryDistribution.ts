import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { CallableContractFuture, ContractFuture, IgnitionModuleBuilder } from "@nomicfoundation/ignition-core";

import { POOL_KIND, validateDistributionPreset, type DistributionPreset } from "../../modules/distribution.js";
import type { Bounds } from "../../lib/governed.js";
import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";
import { ParametersModule } from "./Parameters.js";
import { TokenModule } from "./Token.js";

const SET_PARAMETER = selector("setParameter(bytes32,uint256)");
const FUND_EPOCH = selector("fundEpoch(uint256,uint256)");
const SWEEP = selector("sweep(uint256)");

/** The addresses of a distribution deployment that may be contracts of the same deployment (see `contracts`). */
export type DistributionBindable = "stakeReader" | "workerProposals" | "stakingRewards" | "registrar";

/** Options of `buildDistributionModule`. */
export interface DistributionModuleOptions {
  /** The Ignition module id (default `QryDistribution`). */
  id?: string;
  /**
   * Addresses bound to futures of the same deployment instead of module parameters (a preset module passes its
   * stake reader, WorkerPool and staking contract); called inside the module's builder, so it may `m.useModule`.
   */
  // Ignition's future types are per contract name; any contract or address future will do here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  contracts?: (m: IgnitionModuleBuilder) => Partial<Record<DistributionBindable, any>>;
  /** How the staking-rewards pool is paid (`POOL_KIND`); default the `stakingRewardsKind` parameter (plain). */
  stakingRewardsKind?: number;
}

/** AvailabilityPool's `Rules` for a preset (the Solidity tests' preset numbers are built by this function too). */
export function availabilityRules(preset: DistributionPreset) {
  const a = preset.availability;
  return {
    quota: a.quota,
    availabilityBps: a.availabilityThresholdBps,
    activityBps: a.activityThresholdBps,
    challengerShareBps: a.challengerShareBps,
  };
}

/**
 * A distribution (QRY's numbers: presets/qry/distribution.ts) under the Token module's AccessManager and ParameterRegistry:
 * three SqrtPools (query fulfillment, integrators, portals: identity pools, a locked own stake per identity), the AvailabilityPool,
 * ConsensusRewards, the StabilizationFund, the SubscriptionManager and the DistributionEngine paying eight pools:
 * the five above (epoch pools), worker proposals (plain account), staking rewards (an `IRewardReceiver`, or a plain
 * account until the staking module lands) and the stabilization fund (plain).
 *
 * Roles: subscribe -> DISTRIBUTION_PORTAL; reportCalls -> DISTRIBUTION_GATEWAY; recordChallenges ->
 * DISTRIBUTION_CHALLENGER; recordBlocks -> DISTRIBUTION_CONSENSUS_REPORTER; setValidator -> DISTRIBUTION_REGISTRAR;
 * pools' fundEpoch / sweep and collect -> DISTRIBUTION_ENGINE (held by the engine); SqrtPool.credit -> the
 * subscription manager alone, bound once by `bindCreditor` (the admin, here the deployer); setMix and StabilizationFund.withdraw -> GOVERNOR; every
 * setParameter -> PARAMETER_REGISTRY. The engine also holds REWARD_FUNDER (to notify a staking pool). The registrar
 * is the admin of the gateway, portal, challenger and consensus-reporter roles: it grants them. Every governed number
 * is registered with the preset's bounds.
 *
 * Parameters: `start` (epoch 0; the emission start), `mixStart` and `mixEnd` (absolute chain-maturity window: start
 * + the preset's offsets), `stakeReader` (an `IStakeReader`: the staking module or an adapter), `workerProposals`
 * and `stakingRewards` (addresses), `stakingRewardsKind` (1: notify, 2: plain; default 2), `registrar` (default: the
 * deployer).
 */
export function buildDistributionModule(preset: DistributionPreset, options: DistributionModuleOptions = {}) {
  validateDistributionPreset(preset);
  return buildModule(options.id ?? "QryDistribution", (m) => {
    const { manager, token } = m.useModule(TokenModule);
    const { registry: parameters } = m.useModule(ParametersModule);

    const bound = options.contracts?.(m) ?? {};
    const start = m.getParameter<bigint>("start");
    const mixStart = m.getParameter<bigint>("mixStart");
    const mixEnd = m.getParameter<bigint>("mixEnd");
    const stakeReader = bound.stakeReader ?? m.getParameter<string>("stakeReader");
    const workerProposals = bound.workerProposals ?? m.getParameter<string>("workerProposals");
    const stakingRewards = bound.stakingRewards ?? m.getParameter<string>("stakingRewards");
    const stakingRewardsKind =
      options.stakingRewardsKind ?? m.getParameter<number>("stakingRewardsKind", POOL_KIND.plain);
    const registrar = bound.registrar ?? m.getParameter("registrar", m.getAccount(0));
    const clock = [start, preset.epochSeconds, preset.claimWindowSeconds] as const;

    // ---- contracts
    // All three are identity pools: an identity (provider, integrator or portal) qualifies on its own stake, locked
    // through the claim window of every epoch it is credited in (one stake, one identity per epoch); delegations do
    // not count (the identity cannot lock them).
    const sqrtPool = (id: string, minStake: bigint, claimCapBps: bigint) =>
      m.contract("SqrtPool", [token, manager, ...clock, stakeReader, minStake, claimCapBps, true], { id });
    const providerPool = sqrtPool("QueryFulfillmentPool", preset.minStake.queryFulfillment, 0n);
    const integratorPool = sqrtPool("IntegratorPool", preset.minStake.integrators, preset.claimCapBps.integrators);
    const portalPool = sqrtPool("PortalPool", preset.minStake.portals, preset.claimCapBps.portals);
    const a = preset.availability;
    const availability = m.contract("AvailabilityPool", [
      token,
      manager,
      ...clock,
      stakeReader,
      availabilityRules(preset),
      a.services.map((s) => s.minStake),
    ]);
    const consensus = m.contract("ConsensusRewards", [token, manager, ...clock]);
    const stabilization = m.contract("StabilizationFund", [token, manager]);
    const subscriptions = m.contract("SubscriptionManager", [
      token,
      manager,
      start,
      preset.epochSeconds,
      providerPool,
      integratorPool,
      portalPool,
      preset.minMonthlyPay,
      preset.portalMeasureCap,
    ]);
    const accountOf = {
      queryFulfillment: providerPool,
      availability,
      integrators: integratorPool,
      portals: portalPool,
      workerProposals,
      stakingRewards,
      consensus,
      stabilization,
    };
    const kindOf = {
      queryFulfillment: POOL_KIND.epoch,
      availability: POOL_KIND.epoch,
      integrators: POOL_KIND.epoch,
      portals: POOL_KIND.epoch,
      workerProposals: POOL_KIND.plain,
      stakingRewards: stakingRewardsKind,
      consensus: POOL_KIND.epoch,
      stabilization: POOL_KIND.plain,
    };
    const engine = m.contract("DistributionEngine", [
      manager,
      subscriptions,
      stakeReader,
      preset.pools.map((p) => ({
        account: accountOf[p.name],
        startBps: p.startBps,
        endBps: p.endBps,
        kind: kindOf[p.name],
      })),
      mixStart,
      mixEnd,
      preset.usage,
    ]);

    // ---- roles
    const restrict = (id: string, target: ContractFuture<string>, selectors: string[], role: bigint) =>
      m.call(manager, "setTargetFunctionRole", [target, selectors, role], { id: `Restrict${id}` });
    restrict(
      "Subscribe",
      subscriptions,
      [selector("subscribe(address,address,uint256,uint256)")],
      ROLES.DISTRIBUTION_PORTAL,
    );
    restrict(
      "ReportCalls",
      subscriptions,
      [selector("reportCalls(uint256,uint256,address,uint256)")],
      ROLES.DISTRIBUTION_GATEWAY,
    );
    restrict("Collect", subscriptions, [selector("collect()")], ROLES.DISTRIBUTION_ENGINE);
    const epochPools = { providerPool, integratorPool, portalPool, availability, consensus };
    for (const [name, pool] of Object.entries(epochPools)) {
      restrict(`Fund_${name}`, pool, [FUND_EPOCH, SWEEP], ROLES.DISTRIBUTION_ENGINE);
    }
    // The three square-root pools take credits from the subscription manager alone, bound once (no role: the pool
    // checks its caller against a slot every credit reads anyway).
    for (const [name, pool] of Object.entries({ providerPool, integratorPool, portalPool })) {
      m.call(pool, "bindCreditor", [subscriptions], { id: `BindCreditor_${name}` });
    }
    restrict(
      "RecordChallenges",
      availability,
      [selector("recordChallenges(uint256,address,uint256,uint256)")],
      ROLES.DISTRIBUTION_CHALLENGER,
    );
    restrict(
      "RecordBlocks",
      consensus,
      [selector("recordBlocks(uint256,address,uint256)")],
      ROLES.DISTRIBUTION_CONSENSUS_REPORTER,
    );
    restrict("SetValidator", consensus, [selector("setValidator(address,bool)")], ROLES.DISTRIBUTION_REGISTRAR);
    restrict("Withdraw", stabilization, [selector("withdraw(address,uint256,bytes32)")], ROLES.GOVERNOR);
    restrict("SetMix", engine, [selector("setMix(uint16[],uint16[],uint64,uint64)")], ROLES.GOVERNOR);
    const governed = { ...epochPools, subscriptions, engine };
    for (const [name, target] of Object.entries(governed)) {
      restrict(`SetParameter_${name}`, target, [SET_PARAMETER], ROLES.PARAMETER_REGISTRY);
    }
    m.call(manager, "grantRole", [ROLES.DISTRIBUTION_ENGINE, engine, 0], { id: "GrantEngine" });
    m.call(manager, "grantRole", [ROLES.REWARD_FUNDER, engine, 0], { id: "GrantEngineFunder" });
    m.call(manager, "grantRole", [ROLES.DISTRIBUTION_REGISTRAR, registrar, 0], { id: "GrantRegistrar" });
    const registered = {
      Gateway: ROLES.DISTRIBUTION_GATEWAY,
      Portal: ROLES.DISTRIBUTION_PORTAL,
      Challenger: ROLES.DISTRIBUTION_CHALLENGER,
      ConsensusReporter: ROLES.DISTRIBUTION_CONSENSUS_REPORTER,
    };
    for (const [name, role] of Object.entries(registered)) {
      m.call(manager, "setRoleAdmin", [role, ROLES.DISTRIBUTION_REGISTRAR], { id: `Admin_${name}` });
    }

    // ---- governed numbers, with the preset's hard bounds; keys read from the contracts themselves
    const register = (
      id: string,
      target: CallableContractFuture<string>,
      key: string,
      bound: Bounds,
      args: bigint[] = [],
    ) => {
      const keyValue = m.staticCall(target, key, args, 0, { id: `Key_${id}` });
      m.call(parameters, "register", [target, keyValue, bound.min, bound.max, bound.minStep], { id: `Register_${id}` });
    };
    const b = preset.bounds;
    for (const [name, pool] of Object.entries(epochPools))
      register(`${name}_CLAIM_WINDOW`, pool, "CLAIM_WINDOW", b.claimWindow);
    register("providerPool_MIN_STAKE", providerPool, "MIN_STAKE", b.providerMinStake);
    register("integratorPool_MIN_STAKE", integratorPool, "MIN_STAKE", b.referralMinStake);
    register("portalPool_MIN_STAKE", portalPool, "MIN_STAKE", b.referralMinStake);
    register("integratorPool_CLAIM_CAP", integratorPool, "CLAIM_CAP", b.claimCapBps);
    register("portalPool_CLAIM_CAP", portalPool, "CLAIM_CAP", b.claimCapBps);
    register("CHALLENGE_QUOTA", availability, "CHALLENGE_QUOTA", b.quota);
    register("AVAILABILITY_THRESHOLD", availability, "AVAILABILITY_THRESHOLD", b.thresholdBps);
    register("ACTIVITY_THRESHOLD", availability, "ACTIVITY_THRESHOLD", b.thresholdBps);
    register("CHALLENGER_SHARE", availability, "CHALLENGER_SHARE", b.challengerShareBps);
    a.services.forEach((_, i) =>
      register(`SERVICE_MIN_STAKE_${i}`, availability, "minStakeKey", b.serviceMinStake, [BigInt(i)]),
    );
    register("MIN_MONTHLY_PAY", subscriptions, "MIN_MONTHLY_PAY", b.minMonthlyPay);
    register("PORTAL_MEASURE_CAP", subscriptions, "PORTAL_MEASURE_CAP", b.portalMeasureCap);
    register("REVENUE_TARGET", engine, "REVENUE_TARGET", b.revenueTarget);
    register("ACTIVE_TARGET", engine, "ACTIVE_TARGET", b.activeTarget);
    register("STAKE_TARGET", engine, "STAKE_TARGET", b.stakeTarget);
    register("REVENUE_WEIGHT", engine, "REVENUE_WEIGHT", b.usageWeight);
    register("ACTIVE_WEIGHT", engine, "ACTIVE_WEIGHT", b.usageWeight);
    register("STAKE_WEIGHT", engine, "STAKE_WEIGHT", b.usageWeight);
    register("MULTIPLIER_MIN", engine, "MULTIPLIER_MIN", b.multiplierMin);
    register("MULTIPLIER_MAX", engine, "MULTIPLIER_MAX", b.multiplierMax);

    return {
      manager,
      token,
      parameters,
      subscriptions,
      engine,
      providerPool,
      integratorPool,
      portalPool,
      availability,
      consensus,
      stabilization,
    };
  });
}
