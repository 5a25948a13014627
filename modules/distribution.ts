/**
 * The distribution part of a preset (issue 9): epochs, the pools and their chain-maturity mix, the usage
 * multiplier, subscriptions, the square-root pools' stake requirement and proof of availability, as data.
 * `deploy/modules/QryDistribution.ts` turns it into contracts; every governed number is registered in the
 * ParameterRegistry with the hard bounds under `bounds` (inside them governance moves it at most 20% per quarter, or
 * by `minStep` near zero; the emergency path skips the rate limit only).
 */
import type { Bounds } from "../lib/governed.js";

/** How the engine pays a pool (`IDistributionEngine.PoolKind`). */
export const POOL_KIND = { epoch: 0, notify: 1, plain: 2 } as const;

/** The pools of the QRY distribution, in the engine's order. */
export type PoolName =
  | "queryFulfillment"
  | "availability"
  | "integrators"
  | "portals"
  | "workerProposals"
  | "stakingRewards"
  | "consensus"
  | "stabilization";

export interface PoolPreset {
  name: PoolName;
  /** Weight before the mix window (early stage), in bps. */
  startBps: number;
  /** Weight after it (mature stage), in bps. */
  endBps: number;
}

export interface ServicePreset {
  name: string;
  /** The minimum stake of a provider of this service: its MinStake in A-Pay, in wei. */
  minStake: bigint;
}

export interface DistributionPreset {
  /** Seconds per epoch (a subscription month). Fixed at deployment. */
  epochSeconds: bigint;
  /** Seconds an epoch stays claimable once funded (each epoch pool; governed). */
  claimWindowSeconds: bigint;
  /** The chain-maturity window, as offsets from the emission start, in seconds. */
  mix: { startOffset: bigint; endOffset: bigint };
  /** The eight pools, start and end weights each adding up to 10,000. */
  pools: PoolPreset[];
  /** The usage multiplier (`UsageMultiplier`): targets per epoch, weights in bps, clamp in WAD. */
  usage: {
    revenueTarget: bigint;
    activeTarget: bigint;
    stakeTarget: bigint;
    revenueWeight: bigint;
    activeWeight: bigint;
    stakeWeight: bigint;
    minWad: bigint;
    maxWad: bigint;
  };
  /** The lowest monthly pay of a subscription, in wei. */
  minMonthlyPay: bigint;
  /** The most monthly pay one portal's payments of an epoch add to the usage measures, in wei. */
  portalMeasureCap: bigint;
  /** Bonded stake each identity needs at its first credit in an epoch, per square-root pool, in wei. */
  minStake: { queryFulfillment: bigint; integrators: bigint; portals: bigint };
  /**
   * The most an identity claims of an epoch, in bps of the QRY it was credited in that epoch, per pool paid by
   * subscription value (the query-fulfillment pool has none). Integrators' + portals' must stay below 10,000 (bounds
   * included), so that paying oneself as both never pays.
   */
  claimCapBps: { integrators: bigint; portals: bigint };
  availability: {
    quota: bigint;
    availabilityThresholdBps: bigint;
    activityThresholdBps: bigint;
    challengerShareBps: bigint;
    services: ServicePreset[];
  };
  bounds: {
    claimWindow: Bounds;
    revenueTarget: Bounds;
    activeTarget: Bounds;
    stakeTarget: Bounds;
    usageWeight: Bounds;
    multiplierMin: Bounds;
    multiplierMax: Bounds;
    minMonthlyPay: Bounds;
    portalMeasureCap: Bounds;
    providerMinStake: Bounds;
    referralMinStake: Bounds;
    claimCapBps: Bounds;
    quota: Bounds;
    thresholdBps: Bounds;
    challengerShareBps: Bounds;
    serviceMinStake: Bounds;
  };
}

/** Throws unless the preset's numbers are consistent (the contracts would reject them too, later and less clearly). */
export function validateDistributionPreset(preset: DistributionPreset): void {
  const fail = (why: string) => {
    throw new Error(`distribution preset: ${why}`);
  };
  const order: PoolName[] = [
    "queryFulfillment",
    "availability",
    "integrators",
    "portals",
    "workerProposals",
    "stakingRewards",
    "consensus",
    "stabilization",
  ];
  if (preset.pools.map((p) => p.name).join() !== order.join()) fail(`pools must be, in order: ${order.join(", ")}`);
  const sum = (pick: (p: PoolPreset) => number) => preset.pools.reduce((s, p) => s + pick(p), 0);
  if (sum((p) => p.startBps) !== 10_000 || sum((p) => p.endBps) !== 10_000) fail("weights must add up to 10,000");
  if (preset.mix.endOffset < preset.mix.startOffset) fail("mix window ends before it starts");
  if (preset.epochSeconds <= 0n) fail("zero epoch length");
  const u = preset.usage;
  if (u.revenueWeight + u.activeWeight + u.stakeWeight === 0n) fail("all usage weights are zero");
  if (u.minWad > 10n ** 18n || u.maxWad < 10n ** 18n) fail("the multiplier clamp must contain 1x");
  if (preset.availability.quota <= 0n) fail("zero challenge quota");
  const cap = preset.bounds.claimCapBps;
  if (cap.min <= 0n || 2n * cap.max >= 10_000n) fail("claim caps must be positive and two of them below 10,000 bps");
  for (const v of [preset.claimCapBps.integrators, preset.claimCapBps.portals])
    if (v < cap.min || v > cap.max) fail("a claim cap outside its bounds");
  if (preset.bounds.referralMinStake.min <= 0n) fail("integrators and portals need a positive minimum stake");
  const services = preset.availability.services;
  if (services.length === 0 || services.length > 8) fail("1 to 8 services");
  if (services.some((s) => s.minStake <= 0n)) fail("a service without a minimum stake");
}
