/**
 * Preset validation, at load: one function per piece type, each naming the offending field by its path
 * (`quiver.supply.allocations[3].cliffSeconds (31536000) is longer than its duration (15768000)`). The contracts
 * refuse most of these too, but later, from a half-finished deployment, and without saying which field of which
 * file is wrong. Runtime type checks catch what TypeScript cannot: presets built from JSON, casts, plain JS.
 *
 * Each `presets/<system>/index.ts` calls `definePreset`, so a wrong preset never gets past its import.
 */
import { getAddress, isAddress, ZeroAddress } from "ethers";

import { BPS } from "../lib/units.js";
import type { LendingPreset } from "../modules/lending.js";
import type { LockingPreset } from "../modules/locking.js";
import type { SlashingPreset } from "../modules/slashing.js";
import type { StakingPreset } from "../modules/staking.js";
import type { IssuancePreset } from "../modules/issuance.js";
import type { DistributionPreset } from "../modules/distribution.js";
import type { GovernancePreset, WorkerProposalsPreset } from "../modules/governance.js";
import type { MarketPreset } from "../modules/market.js";
import type { ProgramsPreset } from "../modules/programs.js";
import { type BindableContract, type SystemPreset, type TokenPreset } from "./types/preset.js";
import type { SupplyPreset } from "../modules/supply.js";
import type { DeflationPreset } from "../modules/deflation.js";

/** A preset field with a wrong value. `field` is its path (`qerun.lending.creditManager.maxLtvBps.value`). */
export class PresetError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}`);
    this.name = "PresetError";
  }
}

function fail(path: string, problem: string): never {
  throw new PresetError(path, problem);
}

/** A value as it appears in a message: bigints in full, strings quoted. */
function show(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

function typeName(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

// ---- primitives

export function checkBigint(path: string, value: unknown, min = 0n, max?: bigint): bigint {
  if (typeof value !== "bigint") fail(path, `must be a bigint, got ${typeName(value)} (${show(value)})`);
  if (value < min) fail(path, `(${value}) is below ${min}`);
  if (max !== undefined && value > max) fail(path, `(${value}) is above ${max}`);
  return value;
}

export function checkInt(path: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    fail(path, `must be an integer number, got ${typeName(value)} (${show(value)})`);
  }
  if (value < min || value > max) fail(path, `(${value}) is outside ${min} to ${max}`);
  return value;
}

/** A share in bps, as a number or a bigint: an integer from 0 to `max` (10,000 = 100%). */
export function checkBps(path: string, value: unknown, max = BPS): number {
  let n: number;
  if (typeof value === "bigint") n = Number(value);
  else if (typeof value === "number" && Number.isInteger(value)) n = value;
  else fail(path, `must be an integer number of bps, got ${typeName(value)} (${show(value)})`);
  if (n < 0 || n > max) fail(path, `(${show(value)}) is outside 0 to ${max.toLocaleString("en-US")} bps`);
  return n;
}

export function checkString(path: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") fail(path, `must be a non-empty string, got ${show(value)}`);
  return value;
}

export function checkBool(path: string, value: unknown): boolean {
  if (typeof value !== "boolean") fail(path, `must be a boolean, got ${typeName(value)} (${show(value)})`);
  return value;
}

/** A well-formed, non-zero address (checksummed when mixed case). */
export function checkAddress(path: string, value: unknown): string {
  if (typeof value !== "string" || !isAddress(value)) fail(path, `(${show(value)}) is not a well-formed address`);
  if (value === ZeroAddress) fail(path, "is the zero address");
  return getAddress(value);
}

function checkObject(path: string, value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail(path, `must be an object, got ${typeName(value)}`);
  }
  return value as Record<string, unknown>;
}

function checkArray(path: string, value: unknown, min: number, max: number): unknown[] {
  if (!Array.isArray(value)) fail(path, `must be an array, got ${typeName(value)}`);
  if (value.length < min || value.length > max) fail(path, `has ${value.length} entries, expected ${min} to ${max}`);
  return value;
}

/** A governed number: bigints, `min <= value <= max`, `minStep >= 0`, `max` at most `ceiling`. */
export function checkGoverned(path: string, value: unknown, ceiling?: bigint): bigint {
  const g = checkObject(path, value);
  const min = checkBigint(`${path}.min`, g.min);
  const max = checkBigint(`${path}.max`, g.max, 0n, ceiling);
  checkBigint(`${path}.minStep`, g.minStep);
  const v = checkBigint(`${path}.value`, g.value);
  if (min > max) fail(`${path}.min`, `(${min}) is above its max (${max})`);
  if (v < min || v > max) fail(`${path}.value`, `(${v}) is outside its bounds ${min} to ${max}`);
  return v;
}

// ---- pieces

export function validateToken(path: string, token: TokenPreset): void {
  const t = checkObject(path, token);
  checkString(`${path}.name`, t.name);
  checkString(`${path}.symbol`, t.symbol);
  checkBigint(`${path}.cap`, t.cap, 1n);
}

export function validateSupply(path: string, supply: SupplyPreset, token: TokenPreset): void {
  const s = checkObject(path, supply) as unknown as SupplyPreset;
  checkString(`${path}.system`, s.system);
  validateToken(`${path}.token`, s.token);
  for (const field of ["name", "symbol", "cap"] as const) {
    if (s.token[field] !== token[field]) {
      fail(
        `${path}.token.${field}`,
        `(${show(s.token[field])}) differs from the preset's token (${show(token[field])})`,
      );
    }
  }
  const total = checkBigint(`${path}.totalSupply`, s.totalSupply, 0n);
  if (total > token.cap) fail(`${path}.totalSupply`, `(${total}) is above the token cap (${token.cap})`);
  checkString(`${path}.treasury`, s.treasury);

  const allocations = checkArray(`${path}.allocations`, s.allocations, 0, 64);
  let sum = 0n;
  let held = 0n;
  allocations.forEach((raw, i) => {
    const at = `${path}.allocations[${i}]`;
    const a = checkObject(at, raw);
    checkString(`${at}.name`, a.name);
    const amount = checkBigint(`${at}.amount`, a.amount, 1n);
    sum += amount;
    if (a.kind === "direct") {
      checkString(`${at}.to`, a.to);
    } else if (a.kind === "vesting") {
      checkString(`${at}.beneficiary`, a.beneficiary);
      const duration = checkBigint(`${at}.durationSeconds`, a.durationSeconds, 1n, 2n ** 32n - 1n);
      const cliff = checkBigint(`${at}.cliffSeconds`, a.cliffSeconds);
      if (cliff > duration) fail(`${at}.cliffSeconds`, `(${cliff}) is longer than its duration (${duration})`);
      checkBps(`${at}.startUnlockBps`, a.startUnlockBps);
      checkBool(`${at}.revocable`, a.revocable);
    } else if (a.kind === "emission") {
      held += amount;
    } else {
      fail(`${at}.kind`, `(${show(a.kind)}) is not "direct", "vesting" or "emission"`);
    }
  });
  if (sum !== total) {
    fail(`${path}.allocations`, `add up to ${sum}, not the total supply ${total} (shares must make 100%)`);
  }

  const at = `${path}.emission`;
  const e = checkObject(at, s.emission) as unknown as SupplyPreset["emission"];
  if (e.mode !== "hold" && e.mode !== "mint") fail(`${at}.mode`, `(${show(e.mode)}) is not "hold" or "mint"`);
  const cap = checkBigint(`${at}.cap`, e.cap, 1n);
  checkArray(`${at}.yearlyAmounts`, e.yearlyAmounts, 1, 100).forEach((y, i) =>
    checkBigint(`${at}.yearlyAmounts[${i}]`, y, 0n, cap),
  );
  checkBigint(`${at}.halvingYears`, e.halvingYears, 1n, 100n);
  if (e.mode === "hold" && held !== cap) {
    fail(`${at}.cap`, `(${cap}) differs from the emission allocation (${held}): hold mode funds the curve at genesis`);
  }
  if (e.mode === "mint" && held !== 0n) fail(`${path}.allocations`, "fund the emission at genesis, but mode is mint");
  if (e.mode === "mint" && total + cap > token.cap) {
    fail(`${at}.cap`, `(${cap}) plus the genesis supply (${total}) is above the token cap (${token.cap})`);
  }
  const recipients = checkArray(`${at}.recipients`, e.recipients, 1, 8);
  let startSum = 0;
  let endSum = 0;
  const names = new Set<string>();
  recipients.forEach((raw, i) => {
    const rp = `${at}.recipients[${i}]`;
    const r = checkObject(rp, raw);
    checkString(`${rp}.name`, r.name);
    startSum += checkBps(`${rp}.startBps`, r.startBps);
    endSum += checkBps(`${rp}.endBps`, r.endBps);
    checkBool(`${rp}.notify`, r.notify);
    const target = checkObject(`${rp}.target`, r.target);
    if (target.kind === "account") {
      const name = checkString(`${rp}.target.account`, target.account);
      if (names.has(name)) fail(`${rp}.target.account`, `(${show(name)}) receives twice`);
      names.add(name);
    } else if (target.kind === "epochPool") {
      if (e.epochPool === undefined) fail(`${rp}.target`, "is the epoch pool, but emission.epochPool is not set");
      if (names.has("<epochPool>")) fail(`${rp}.target`, "is a second epoch pool");
      names.add("<epochPool>");
    } else {
      fail(`${rp}.target.kind`, `(${show(target.kind)}) is not "account" or "epochPool"`);
    }
  });
  if (startSum !== BPS) fail(`${at}.recipients[*].startBps`, `add up to ${startSum}, not 10,000 (100%)`);
  if (endSum !== BPS) fail(`${at}.recipients[*].endBps`, `add up to ${endSum}, not 10,000 (100%)`);
  const mix = checkObject(`${at}.mix`, e.mix);
  const mixStart = checkBigint(`${at}.mix.startOffset`, mix.startOffset);
  const mixEnd = checkBigint(`${at}.mix.endOffset`, mix.endOffset);
  if (mixEnd < mixStart) fail(`${at}.mix.endOffset`, `(${mixEnd}) is before its start (${mixStart})`);
  if (e.epochPool !== undefined) {
    const pool = checkObject(`${at}.epochPool`, e.epochPool);
    checkBigint(`${at}.epochPool.epochSeconds`, pool.epochSeconds, 1n);
    checkBigint(`${at}.epochPool.claimWindowSeconds`, pool.claimWindowSeconds, 1n);
    checkString(`${at}.epochPool.claimer`, pool.claimer);
  }
}

export function validateGovernance(path: string, governance: GovernancePreset): void {
  const g = checkObject(path, governance) as unknown as GovernancePreset;
  checkString(`${path}.name`, g.name);
  checkBigint(`${path}.votingDelay`, g.votingDelay, 1n);
  checkBigint(`${path}.votingPeriod`, g.votingPeriod, 1n);
  const normal = checkBigint(`${path}.normalDelay`, g.normalDelay, 1n);
  const emergency = checkBigint(`${path}.emergencyDelay`, g.emergencyDelay, 1n);
  if (emergency > normal) fail(`${path}.emergencyDelay`, `(${emergency}) is longer than the normal delay (${normal})`);
  checkInt(`${path}.quorumBps`, g.quorumBps, 1, BPS);
  checkGoverned(`${path}.proposalDeposit`, g.proposalDeposit);
  checkGoverned(`${path}.pauseDuration`, g.pauseDuration, 365n * 86_400n);
  if (g.pauseDuration.min === 0n) fail(`${path}.pauseDuration.min`, "is zero: a pause must last");
  const classes = checkArray(`${path}.classes`, g.classes, 1, 8);
  const names = new Set<string>();
  classes.forEach((raw, i) => {
    const at = `${path}.classes[${i}]`;
    const c = checkObject(at, raw);
    const name = checkString(`${at}.name`, c.name);
    if (names.has(name)) fail(`${at}.name`, `(${show(name)}) appears twice`);
    names.add(name);
    checkInt(`${at}.thresholdBps`, c.thresholdBps, 1, BPS);
    checkBool(`${at}.emergency`, c.emergency);
    checkBigint(`${at}.minProposerWeight`, c.minProposerWeight);
  });
  for (const required of ["treasury", "economic", "access", "emergency", "emergencyParameter"]) {
    if (!names.has(required)) fail(`${path}.classes`, `has no "${required}" class (the deploy maps calls to it)`);
  }
  if (!names.has(g.defaultClass)) fail(`${path}.defaultClass`, `(${show(g.defaultClass)}) is not one of the classes`);
  const guardian = checkObject(`${path}.guardian`, g.guardian);
  const owners = checkInt(`${path}.guardian.owners`, guardian.owners, 1, 50);
  checkInt(`${path}.guardian.threshold`, guardian.threshold, 1, owners);
}

export function validateWorkerProposals(path: string, worker: WorkerProposalsPreset, governance: GovernancePreset) {
  const w = checkObject(path, worker) as unknown as WorkerProposalsPreset;
  if (!governance.classes.some((c) => c.name === w.workerClass)) {
    fail(`${path}.workerClass`, `(${show(w.workerClass)}) is not one of the governance classes`);
  }
  checkGoverned(`${path}.pauseDuration`, w.pauseDuration, 365n * 86_400n);
}

export function validateStaking(path: string, staking: StakingPreset): void {
  const s = checkObject(path, staking) as unknown as StakingPreset;
  const g = checkObject(`${path}.governed`, s.governed) as unknown as StakingPreset["governed"];
  const at = (name: string) => `${path}.governed.${name}`;
  const thresholds = [
    ["minSelfStake", checkGoverned(at("minSelfStake"), g.minSelfStake)],
    ["silverMinStake", checkGoverned(at("silverMinStake"), g.silverMinStake)],
    ["goldMinStake", checkGoverned(at("goldMinStake"), g.goldMinStake)],
    ["platinumMinStake", checkGoverned(at("platinumMinStake"), g.platinumMinStake)],
  ] as const;
  if (thresholds[0][1] === 0n) fail(`${at("minSelfStake")}.value`, "is zero");
  for (let i = 1; i < thresholds.length; i++) {
    const [name, value] = thresholds[i];
    const [previousName, previous] = thresholds[i - 1];
    if (value <= previous) {
      fail(`${at(name)}.value`, `(${value}) is not above ${previousName} (${previous}): tier thresholds must increase`);
    }
  }
  checkArray(at("feeDiscountBps"), g.feeDiscountBps, 4, 4).forEach((d, i) =>
    checkGoverned(`${at("feeDiscountBps")}[${i}]`, d, BigInt(BPS)),
  );
  checkArray(at("maxSlashBps"), g.maxSlashBps, 4, 4).forEach((d, i) =>
    checkGoverned(`${at("maxSlashBps")}[${i}]`, d, BigInt(BPS - 1)),
  );
  for (const name of ["unbondingPeriod", "maxLockDuration", "rewardDuration", "reputationHalfStake"] as const) {
    if (checkGoverned(at(name), g[name]) === 0n) fail(`${at(name)}.value`, "is zero");
  }
  const minApy = checkGoverned(at("minApyBps"), g.minApyBps, BigInt(BPS) * 10n);
  const maxApy = checkGoverned(at("maxApyBps"), g.maxApyBps, BigInt(BPS) * 10n);
  if (minApy > maxApy) fail(`${at("minApyBps")}.value`, `(${minApy}) is above maxApyBps (${maxApy})`);
  for (const name of ["maxSpeedMultiplierBps", "maxQualityMultiplierBps"] as const) {
    const v = checkGoverned(at(name), g[name], 65_535n);
    if (v < BigInt(BPS) || g[name].min < BigInt(BPS)) fail(`${at(name)}`, "must be at least 10,000 bps (1x)");
  }
  const f = checkObject(`${path}.fixed`, s.fixed) as unknown as StakingPreset["fixed"];
  const self = checkBigint(`${path}.fixed.selfRewardBps`, f.selfRewardBps, 0n, 10_000n);
  const delegators = checkBigint(`${path}.fixed.delegatorRewardBps`, f.delegatorRewardBps, 0n, 10_000n);
  const commission = checkBigint(`${path}.fixed.commissionBps`, f.commissionBps, 0n, 10_000n);
  if (self + delegators + commission !== 10_000n) {
    fail(`${path}.fixed`, `reward split adds up to ${self + delegators + commission} bps, not 10,000 (100%)`);
  }
  if (commission !== 0n && delegators === 0n)
    fail(`${path}.fixed.commissionBps`, "is paid on delegations, which earn 0");
  const staked = checkBigint(`${path}.fixed.stakedVoteBps`, f.stakedVoteBps, 1n, 65_535n);
  const locked = checkBigint(`${path}.fixed.maxLockVoteBps`, f.maxLockVoteBps, 1n, 65_535n);
  if (locked < staked) fail(`${path}.fixed.maxLockVoteBps`, `(${locked}) is below stakedVoteBps (${staked})`);
  checkBigint(`${path}.fixed.fullBonusLockDuration`, f.fullBonusLockDuration, 1n);
  let previous = 0n;
  let previousWeight = BigInt(BPS);
  checkArray(`${path}.buckets`, s.buckets, 0, 5).forEach((raw, i) => {
    const b = checkObject(`${path}.buckets[${i}]`, raw);
    const duration = checkBigint(`${path}.buckets[${i}].minDuration`, b.minDuration, 1n);
    const weight = checkBigint(`${path}.buckets[${i}].weightBps`, b.weightBps, BigInt(BPS), 65_535n);
    if (duration <= previous) fail(`${path}.buckets[${i}].minDuration`, `(${duration}) does not increase`);
    if (weight < previousWeight) fail(`${path}.buckets[${i}].weightBps`, `(${weight}) decreases`);
    previous = duration;
    previousWeight = weight;
  });
}

const LENDING_SHARES = new Set([
  "maxLtvBps",
  "liquidationThresholdBps",
  "liquidationBonusBps",
  "closeFactorBps",
  "liquidationFeeBps",
  "optimalUtilizationBps",
  "insuranceInterestShareBps",
  "maxSlippageBps",
  "ethReturnBps",
  "maxPriceJumpBps",
]);

export function validateLending(path: string, lending: LendingPreset): void {
  const l = checkObject(path, lending) as unknown as LendingPreset;
  checkInt(`${path}.stableDecimals`, l.stableDecimals, 0, 36);
  checkString(`${path}.vaultShares.name`, l.vaultShares?.name);
  checkString(`${path}.vaultShares.symbol`, l.vaultShares?.symbol);
  for (const feed of ["qer", "eth"] as const) {
    const at = `${path}.oracleRanges.${feed}`;
    const r = checkObject(at, l.oracleRanges?.[feed]);
    const min = checkBigint(`${at}.minPrice`, r.minPrice, 1n);
    const max = checkBigint(`${at}.maxPrice`, r.maxPrice, 1n);
    if (min >= max) fail(`${at}.minPrice`, `(${min}) is not below maxPrice (${max})`);
  }
  for (const group of ["creditManager", "vault", "reserve", "oracle"] as const) {
    const entries = checkObject(`${path}.${group}`, l[group]);
    for (const [name, g] of Object.entries(entries)) {
      checkGoverned(`${path}.${group}.${name}`, g, LENDING_SHARES.has(name) ? BigInt(BPS) : undefined);
    }
  }
  checkGoverned(`${path}.pauseDuration`, l.pauseDuration, 365n * 86_400n);
  // The credit manager refuses shorter pauses: below two exit delays the guardian could hold vault exits for ever.
  if (l.pauseDuration.min < 7_200n) fail(`${path}.pauseDuration.min`, `(${l.pauseDuration.min}) is below 2 hours`);
  const c = l.creditManager;
  if (c.maxLtvBps.value >= c.liquidationThresholdBps.value) {
    fail(
      `${path}.creditManager.maxLtvBps.value`,
      `(${c.maxLtvBps.value}) is not below the liquidation threshold (${c.liquidationThresholdBps.value})`,
    );
  }
  if (c.liquidationThresholdBps.value * (10_000n + c.liquidationBonusBps.value) >= 10_000n * 10_000n) {
    fail(`${path}.creditManager.liquidationBonusBps.value`, "with the threshold reaches 100% of the collateral");
  }
}

/**
 * The lock module's numbers, with the bounds its contracts enforce at deployment (VoteLocker, AccessPerks,
 * LiquidityIncentives, BuybackBurner), plus what ties them together: every perk threshold within the bound, perk
 * names unique, and the lending perk naming a registered feature of a preset that has lending.
 */
export function validateLocking(path: string, locking: LockingPreset, hasLending: boolean): void {
  const k = checkObject(path, locking) as unknown as LockingPreset;
  const WEEK = 7n * 86_400n;
  const TEN_YEARS = 10n * 365n * 86_400n;
  const lock = checkObject(`${path}.lock`, k.lock) as unknown as LockingPreset["lock"];
  checkBigint(`${path}.lock.maxLockDuration`, lock.maxLockDuration, 2n * WEEK, TEN_YEARS);
  checkBigint(`${path}.lock.maxBoostBps`, lock.maxBoostBps, 0n, 4n * BigInt(BPS));
  checkBigint(`${path}.lock.maxPenaltyBps`, lock.maxPenaltyBps, 0n, BigInt(BPS));
  checkBigint(`${path}.lock.rewardDuration`, lock.rewardDuration, 1n, TEN_YEARS);
  checkBigint(`${path}.lock.reputationAgeCap`, lock.reputationAgeCap, 1n);
  checkBigint(`${path}.lock.minLockAmount`, lock.minLockAmount, 1n);
  const perks = checkObject(`${path}.perks`, k.perks) as unknown as LockingPreset["perks"];
  const max = checkBigint(`${path}.perks.maxThreshold`, perks.maxThreshold, 1n);
  const names = new Set<string>();
  checkArray(`${path}.perks.features`, perks.features, 0, 32).forEach((raw, i) => {
    const at = `${path}.perks.features[${i}]`;
    const f = checkObject(at, raw);
    const name = checkString(`${at}.name`, f.name);
    if (names.has(name)) fail(`${at}.name`, `(${show(name)}) is registered twice`);
    names.add(name);
    checkBigint(`${at}.threshold`, f.threshold, 1n, max);
  });
  if (k.lendingPerk !== undefined) {
    const at = `${path}.lendingPerk`;
    const lp = checkObject(at, k.lendingPerk);
    const feature = checkString(`${at}.feature`, lp.feature);
    if (!names.has(feature)) fail(`${at}.feature`, `(${show(feature)}) is not one of perks.features`);
    checkBigint(`${at}.openCeilingBps`, lp.openCeilingBps, 0n, BigInt(BPS));
    checkBigint(`${at}.minLockLeft`, lp.minLockLeft, 0n, lock.maxLockDuration);
    if (!hasLending) fail(at, "needs a lending piece (the credit manager reads the perk)");
  }
  const liquidity = checkObject(`${path}.liquidity`, k.liquidity);
  checkBigint(`${path}.liquidity.rewardDuration`, liquidity.rewardDuration, 1n, TEN_YEARS);
  const b = checkObject(`${path}.buyback`, k.buyback);
  checkBigint(`${path}.buyback.maxSlippageBps`, b.maxSlippageBps, 0n, 1_000n);
  checkBigint(`${path}.buyback.maxEthPerQuarter`, b.maxEthPerQuarter, 1n);
  checkBigint(`${path}.buyback.quarterSeconds`, b.quarterSeconds, 1n);
  checkBigint(`${path}.buyback.maxPriceAge`, b.maxPriceAge, 1n);
}

export function validateIssuance(path: string, issuance: IssuancePreset): void {
  const i = checkObject(path, issuance) as unknown as IssuancePreset;
  const bounds = checkObject(`${path}.bounds`, i.bounds) as unknown as IssuancePreset["bounds"];
  const within = (field: string, value: bigint, bound: string) => {
    const b = checkObject(`${path}.bounds.${bound}`, bounds[bound as keyof IssuancePreset["bounds"]]);
    const min = checkBigint(`${path}.bounds.${bound}.min`, b.min);
    const max = checkBigint(`${path}.bounds.${bound}.max`, b.max);
    checkBigint(`${path}.bounds.${bound}.minStep`, b.minStep);
    if (value < min || value > max) fail(`${path}.${field}`, `(${value}) is outside its bounds ${min} to ${max}`);
  };
  const tiers = checkArray(`${path}.tiers`, i.tiers, 3, 3);
  let previousStake = 0n;
  let previousSlots = 0n;
  tiers.forEach((raw, k) => {
    const at = `${path}.tiers[${k}]`;
    const t = checkObject(at, raw);
    const stake = checkBigint(`${at}.minStake`, t.minStake, 1n);
    const slots = checkBigint(`${at}.slots`, t.slots, 1n);
    if (stake <= previousStake) fail(`${at}.minStake`, `(${stake}) is not above the tier below (${previousStake})`);
    if (slots < previousSlots) fail(`${at}.slots`, `(${slots}) is below the tier below (${previousSlots})`);
    within(`tiers[${k}].minStake`, stake, `tier${k + 1}MinStake`);
    within(`tiers[${k}].slots`, slots, `tier${k + 1}Slots`);
    previousStake = stake;
    previousSlots = slots;
  });
  within(
    "unstakeNoticePeriod",
    checkBigint(`${path}.unstakeNoticePeriod`, i.unstakeNoticePeriod, 1n),
    "unstakeNoticePeriod",
  );
  within("creationFee", checkBigint(`${path}.creationFee`, i.creationFee), "creationFee");
  within(
    "partnerClaimWindow",
    checkBigint(`${path}.partnerClaimWindow`, i.partnerClaimWindow, 1n),
    "partnerClaimWindow",
  );
}

/** The distribution's pools, in the order the engine pays them (`modules/distribution.ts`). */
const DISTRIBUTION_POOLS = [
  "queryFulfillment",
  "availability",
  "integrators",
  "portals",
  "workerProposals",
  "stakingRewards",
  "consensus",
  "stabilization",
] as const;

/** The QRY distribution: eight pools in their fixed order, both mixes summing to 10,000, sane clamps and stakes. */
export function validateDistribution(path: string, d: DistributionPreset): void {
  checkObject(path, d);
  checkBigint(`${path}.epochSeconds`, d.epochSeconds, 1n);
  checkBigint(`${path}.claimWindowSeconds`, d.claimWindowSeconds, 1n);
  const mix = checkObject(`${path}.mix`, d.mix);
  const mixStart = checkBigint(`${path}.mix.startOffset`, mix.startOffset);
  const mixEnd = checkBigint(`${path}.mix.endOffset`, mix.endOffset);
  if (mixEnd < mixStart) fail(`${path}.mix.endOffset`, `(${mixEnd}) is before the start offset (${mixStart})`);
  const pools = checkArray(`${path}.pools`, d.pools, DISTRIBUTION_POOLS.length, DISTRIBUTION_POOLS.length);
  let startTotal = 0;
  let endTotal = 0;
  pools.forEach((raw, k) => {
    const at = `${path}.pools[${k}]`;
    const pool = checkObject(at, raw);
    if (pool.name !== DISTRIBUTION_POOLS[k])
      fail(`${at}.name`, `(${show(pool.name)}) should be ${DISTRIBUTION_POOLS[k]}`);
    startTotal += checkBps(`${at}.startBps`, pool.startBps);
    endTotal += checkBps(`${at}.endBps`, pool.endBps);
  });
  if (startTotal !== BPS) fail(`${path}.pools[*].startBps`, `add up to ${startTotal}, not ${BPS}`);
  if (endTotal !== BPS) fail(`${path}.pools[*].endBps`, `add up to ${endTotal}, not ${BPS}`);
  const u = checkObject(`${path}.usage`, d.usage);
  const weights =
    checkBigint(`${path}.usage.revenueWeight`, u.revenueWeight) +
    checkBigint(`${path}.usage.activeWeight`, u.activeWeight) +
    checkBigint(`${path}.usage.stakeWeight`, u.stakeWeight);
  if (weights === 0n) fail(`${path}.usage`, "has every weight at zero");
  const one = 10n ** 18n;
  const min = checkBigint(`${path}.usage.minWad`, u.minWad, 0n, one);
  const max = checkBigint(`${path}.usage.maxWad`, u.maxWad, one);
  if (min > max) fail(`${path}.usage.minWad`, `(${min}) is above maxWad (${max})`);
  for (const key of ["revenueTarget", "activeTarget", "stakeTarget"] as const) {
    checkBigint(`${path}.usage.${key}`, u[key], 1n);
  }
  checkBigint(`${path}.minMonthlyPay`, d.minMonthlyPay, 1n);
  checkBigint(`${path}.portalMeasureCap`, d.portalMeasureCap, 1n);
  const caps = checkObject(`${path}.claimCapBps`, d.claimCapBps);
  const ci = checkBigint(`${path}.claimCapBps.integrators`, caps.integrators, 1n, BigInt(BPS));
  const cp = checkBigint(`${path}.claimCapBps.portals`, caps.portals, 1n, BigInt(BPS));
  if (ci + cp >= BigInt(BPS))
    fail(
      `${path}.claimCapBps`,
      `(${ci} + ${cp}) is not below ${BPS}: paying oneself as portal and integrator would pay`,
    );
  const a = checkObject(`${path}.availability`, d.availability);
  checkBigint(`${path}.availability.quota`, a.quota, 1n);
  checkBps(`${path}.availability.availabilityThresholdBps`, Number(a.availabilityThresholdBps));
  checkBps(`${path}.availability.activityThresholdBps`, Number(a.activityThresholdBps));
  checkBps(`${path}.availability.challengerShareBps`, Number(a.challengerShareBps));
  checkArray(`${path}.availability.services`, a.services, 1, 8).forEach((raw, k) => {
    checkBigint(
      `${path}.availability.services[${k}].minStake`,
      checkObject(`${path}.availability.services[${k}]`, raw).minStake,
      1n,
    );
  });
}

/** Fails with "is zero" for a governed value or a number the module cannot run with at zero. */
function checkPositive(path: string, value: bigint): bigint {
  if (value === 0n) fail(path, "is zero");
  return value;
}

/**
 * Slashing: the slasher's class ranges (positive, ordered ends, below 100%), the court's economics (positive stakes,
 * periods and counts, shares within 100%, a majority of at least half and below all), the metrics registry's fixed
 * configuration (trust weights making 100%, an attestation window within an epoch, a latency threshold of at least 1x).
 */
export function validateSlashing(path: string, slashing: SlashingPreset): void {
  const s = checkObject(path, slashing) as unknown as SlashingPreset;
  const slasher = checkObject(`${path}.slasher`, s.slasher) as unknown as SlashingPreset["slasher"];
  for (const c of ["minor", "major", "severe"] as const) {
    const at = `${path}.slasher.${c}`;
    const range = checkObject(at, slasher[c]) as unknown as SlashingPreset["slasher"]["minor"];
    const min = checkPositive(`${at}.minBps.value`, checkGoverned(`${at}.minBps`, range.minBps, BigInt(BPS - 1)));
    const max = checkGoverned(`${at}.maxBps`, range.maxBps, BigInt(BPS - 1));
    if (min > max) fail(`${at}.minBps.value`, `(${min}) is above maxBps (${max}): the class range is empty`);
  }
  checkPositive(`${path}.slasher.capWindow.value`, checkGoverned(`${path}.slasher.capWindow`, slasher.capWindow));

  const court = checkObject(`${path}.court`, s.court) as unknown as SlashingPreset["court"];
  const at = (name: string) => `${path}.court.${name}`;
  for (const name of ["minChallengeStake", "votingPeriod", "minQuorum", "validatorBond", "maxMissedVotes"] as const) {
    checkPositive(`${at(name)}.value`, checkGoverned(at(name), court[name]));
  }
  checkPositive(`${at("quorumBps")}.value`, checkGoverned(at("quorumBps"), court.quorumBps, BigInt(BPS)));
  for (const name of ["challengeStakeBps", "challengerRewardBps", "providerShareBps", "validatorFeeBps"] as const) {
    checkGoverned(at(name), court[name], BigInt(BPS));
  }
  const majority = checkGoverned(at("majorityBps"), court.majorityBps, BigInt(BPS));
  if (majority < BigInt(BPS / 2) || court.majorityBps.min < BigInt(BPS / 2) || court.majorityBps.max >= BigInt(BPS)) {
    fail(`${at("majorityBps")}`, "must stay at least 5,000 bps (half the votes) and below 10,000");
  }

  const m = checkObject(`${path}.metrics`, s.metrics) as unknown as SlashingPreset["metrics"];
  const mp = (name: string) => `${path}.metrics.${name}`;
  const epoch = checkBigint(mp("epochLength"), m.epochLength, 1n);
  checkBigint(mp("windowEpochs"), m.windowEpochs, 2n, 65_535n);
  const window = checkBigint(mp("attestationWindow"), m.attestationWindow, 1n);
  if (window > epoch) fail(mp("attestationWindow"), `(${window}) is longer than an epoch (${epoch})`);
  checkBigint(mp("minUptimeBps"), m.minUptimeBps, 0n, BigInt(BPS));
  checkBigint(mp("latencyBreachBps"), m.latencyBreachBps, BigInt(BPS));
  checkBigint(mp("minAttestations"), m.minAttestations, 1n);
  checkBigint(mp("fastResponseMs"), m.fastResponseMs, 1n);
  checkBigint(mp("disputeWindow"), m.disputeWindow, 1n);
  checkBigint(mp("maxLatencyMs"), m.maxLatencyMs, 1n, 4_294_967_295n);
  const weights = checkArray(mp("trustWeightsBps"), m.trustWeightsBps, 4, 4).map((w, i) =>
    checkBigint(`${mp("trustWeightsBps")}[${i}]`, w, 0n, BigInt(BPS)),
  );
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum !== BigInt(BPS)) fail(mp("trustWeightsBps"), `add up to ${sum} bps, not 10,000 (100%)`);
}

/**
 * The inference market: the fee table making 100% with the provider at half or more, complexity classes that do not
 * decrease, a demand clamp around 1x, a priority range in order, a discount cap the router accepts, volume bands that
 * increase with discounts that do not fall, and positive rates, prices and periods.
 */
export function validateMarket(path: string, market: MarketPreset): void {
  const k = checkObject(path, market) as unknown as MarketPreset;
  const catalog = checkObject(`${path}.catalog`, k.catalog) as unknown as MarketPreset["catalog"];
  const c = (name: string) => `${path}.catalog.${name}`;
  checkPositive(`${c("baseRate")}.value`, checkGoverned(c("baseRate"), catalog.baseRate));
  let previous = 0n;
  checkArray(c("complexityBps"), catalog.complexityBps, 3, 3).forEach((raw, i) => {
    const v = checkPositive(`${c("complexityBps")}[${i}].value`, checkGoverned(`${c("complexityBps")}[${i}]`, raw));
    if (v < previous) {
      fail(
        `${c("complexityBps")}[${i}].value`,
        `(${v}) is below the class before (${previous}): classes must not decrease`,
      );
    }
    previous = v;
  });
  const minDemand = checkGoverned(c("minDemandBps"), catalog.minDemandBps, BigInt(BPS));
  const maxDemand = checkGoverned(c("maxDemandBps"), catalog.maxDemandBps);
  if (minDemand > BigInt(BPS) || maxDemand < BigInt(BPS)) {
    fail(c("minDemandBps"), `to maxDemandBps (${minDemand} to ${maxDemand}) must contain 10,000 (1x)`);
  }
  for (const name of ["demandEpoch", "demandTargetPerProvider", "maxSupplyFactorBps"] as const) {
    checkPositive(`${c(name)}.value`, checkGoverned(c(name), catalog[name]));
  }
  checkPositive(
    `${c("demandSmoothingBps")}.value`,
    checkGoverned(c("demandSmoothingBps"), catalog.demandSmoothingBps, BigInt(BPS)),
  );
  checkGoverned(c("supplyStepBps"), catalog.supplyStepBps, BigInt(BPS));

  const router = checkObject(`${path}.router`, k.router) as unknown as MarketPreset["router"];
  const r = (name: string) => `${path}.router.${name}`;
  const provider = checkBigint(r("providerBps"), router.providerBps, 0n, BigInt(BPS));
  const shares = (["validatorBps", "burnBps", "infrastructureBps", "treasuryBps"] as const).map((name) =>
    checkGoverned(r(name), router[name], BigInt(BPS)),
  );
  const total = shares.reduce((a, b) => a + b, provider);
  if (total !== BigInt(BPS)) {
    fail(
      `${path}.router`,
      `shares add up to ${total} bps (provider ${provider} + ${shares.join(" + ")}), not 10,000 (100%)`,
    );
  }
  if (provider < BigInt(BPS / 2))
    fail(r("providerBps"), `(${provider}) is below 5,000: the provider keeps half or more`);
  const minPriority = checkGoverned(r("minPriorityBps"), router.minPriorityBps, BigInt(BPS));
  const maxPriority = checkGoverned(r("maxPriorityBps"), router.maxPriorityBps, BigInt(BPS));
  if (minPriority > maxPriority)
    fail(`${r("minPriorityBps")}.value`, `(${minPriority}) is above maxPriorityBps (${maxPriority})`);
  checkGoverned(r("batchDiscountBps"), router.batchDiscountBps, BigInt(BPS));
  checkGoverned(r("subscriptionDiscountBps"), router.subscriptionDiscountBps, BigInt(BPS));
  checkGoverned(r("maxTotalDiscountBps"), router.maxTotalDiscountBps, 9_000n);
  let band = 0n;
  checkArray(r("volumeBandUsd"), router.volumeBandUsd, 4, 4).forEach((raw, i) => {
    const v = checkGoverned(`${r("volumeBandUsd")}[${i}]`, raw);
    if (v <= band)
      fail(`${r("volumeBandUsd")}[${i}].value`, `(${v}) is not above the band before (${band}): bands must increase`);
    band = v;
  });
  let discount = 0n;
  checkArray(r("volumeDiscountBps"), router.volumeDiscountBps, 4, 4).forEach((raw, i) => {
    const v = checkGoverned(`${r("volumeDiscountBps")}[${i}]`, raw, BigInt(BPS));
    if (v < discount) fail(`${r("volumeDiscountBps")}[${i}].value`, `(${v}) is below the band before (${discount})`);
    discount = v;
  });
  checkPositive(`${r("tokenPriceUsd")}.value`, checkGoverned(r("tokenPriceUsd"), router.tokenPriceUsd));

  const incentives = checkObject(`${path}.incentives`, k.incentives) as unknown as MarketPreset["incentives"];
  for (const name of ["cashbackBps", "referralBps", "apiShareBps", "creditBonusBps"] as const) {
    checkGoverned(`${path}.incentives.${name}`, incentives[name], BigInt(BPS));
  }
  checkGoverned(`${path}.incentives.earlyAdopterBps`, incentives.earlyAdopterBps, BigInt(BPS));
  checkGoverned(`${path}.incentives.earlyAdopterCap`, incentives.earlyAdopterCap);
  checkGoverned(`${path}.incentives.earlyAdopterMinPayment`, incentives.earlyAdopterMinPayment, 2n ** 80n - 1n);
  const developers = checkObject(`${path}.developers`, k.developers) as unknown as MarketPreset["developers"];
  checkGoverned(`${path}.developers.appDeveloperBps`, developers.appDeveloperBps, BigInt(BPS));
  for (const name of ["integrationGrantCap", "approverCapPerPeriod"] as const) {
    checkPositive(`${path}.developers.${name}.value`, checkGoverned(`${path}.developers.${name}`, developers[name]));
  }
  checkPositive(
    `${path}.incentives.referralDuration.value`,
    checkGoverned(`${path}.incentives.referralDuration`, incentives.referralDuration),
  );
  const escrow = checkObject(`${path}.market`, k.market) as unknown as MarketPreset["market"];
  for (const name of [
    "withdrawalNotice",
    "challengeWindow",
    "subscriptionPeriod",
    "minSubscription",
    "pauseDuration",
  ] as const) {
    checkPositive(`${path}.market.${name}.value`, checkGoverned(`${path}.market.${name}`, escrow[name]));
  }
  const auction = checkObject(`${path}.auction`, k.auction) as unknown as MarketPreset["auction"];
  const a = (name: string) => `${path}.auction.${name}`;
  for (const name of ["bidBond", "minEscrow"] as const) {
    checkPositive(`${a(name)}.value`, checkGoverned(a(name), auction[name], 2n ** 96n - 1n));
  }
  for (const name of ["minRevealWindow", "deliveryWindow", "disputeWindow"] as const) {
    checkPositive(`${a(name)}.value`, checkGoverned(a(name), auction[name], 2n ** 32n - 1n));
  }
  const maxDuration = checkGoverned(a("maxDuration"), auction.maxDuration, 2n ** 32n - 1n);
  if (maxDuration <= auction.minRevealWindow.value) {
    fail(`${a("maxDuration")}.value`, `(${maxDuration}) is not above minRevealWindow: no request could be posted`);
  }
  const volume = checkObject(`${path}.volume`, k.volume) as unknown as MarketPreset["volume"];
  checkPositive(
    `${path}.volume.storageFeePerPeriod.value`,
    checkGoverned(`${path}.volume.storageFeePerPeriod`, volume.storageFeePerPeriod, 2n ** 96n - 1n),
  );
}

// ---- the whole preset

/** Throws a `PresetError` naming the first wrong field of the preset. */
/** Provider programs and ratings: every governed number within its bounds, every initial funding a token amount. */
export function validatePrograms(path: string, programs: ProgramsPreset): void {
  const k = checkObject(path, programs) as unknown as ProgramsPreset;
  for (const part of ["ratings", "programs"] as const) {
    const entries = checkObject(`${path}.${part}`, k[part]);
    for (const [name, entry] of Object.entries(entries)) checkGoverned(`${path}.${part}.${name}`, entry);
  }
  const funding = checkObject(`${path}.funding`, k.funding);
  for (const name of ["feedback", "availability", "diversity", "loyalty"]) {
    checkBigint(`${path}.funding.${name}`, funding[name]);
  }
}

/**
 * The deflation controller: a first quarter of at least 1, burn bounds and step within the router's 5,000 limit, a band
 * within 100% (the contract's limits at every value the registry allows; it keeps both pairs ordered itself).
 */
export function validateDeflation(path: string, d: DeflationPreset): void {
  const x = checkObject(path, d) as unknown as DeflationPreset;
  checkBigint(`${path}.firstQuarter`, x.firstQuarter, 1n, 400n);
  checkGoverned(`${path}.stepBps`, x.stepBps, 5_000n);
  checkGoverned(`${path}.minBurnBps`, x.minBurnBps, 5_000n);
  checkGoverned(`${path}.maxBurnBps`, x.maxBurnBps, 5_000n);
  checkGoverned(`${path}.minDeflationBps`, x.minDeflationBps, BigInt(BPS));
  checkGoverned(`${path}.maxDeflationBps`, x.maxDeflationBps, BigInt(BPS));
}

export function validatePreset(preset: SystemPreset<string>): void {
  const p = checkObject("preset", preset) as unknown as SystemPreset<string>;
  if (typeof p.system !== "string" || !/^[a-z][a-z0-9]*$/.test(p.system)) {
    fail("preset.system", `(${show(p.system)}) is not a lowercase id (a letter, then letters and digits)`);
  }
  const root = p.system;
  checkString(`${root}.name`, p.name);
  validateToken(`${root}.token`, p.token);
  validateSupply(`${root}.supply`, p.supply, p.token);
  validateGovernance(`${root}.governance`, p.governance);
  if (p.staking !== undefined) validateStaking(`${root}.staking`, p.staking);
  if (p.workerProposals !== undefined) {
    validateWorkerProposals(`${root}.workerProposals`, p.workerProposals, p.governance);
  }
  if (p.lending !== undefined) validateLending(`${root}.lending`, p.lending);
  if (p.locking !== undefined) validateLocking(`${root}.locking`, p.locking, p.lending !== undefined);
  if (p.issuance !== undefined) {
    validateIssuance(`${root}.issuance`, p.issuance);
    checkString(`${root}.issuance.distributor`, p.issuance.distributor);
  }
  if (p.distribution !== undefined) {
    validateDistribution(`${root}.distribution`, p.distribution);
    checkString(`${root}.distribution.registrar`, p.distribution.registrar);
    if (p.staking === undefined) fail(`${root}.distribution`, "needs a staking piece (stake reader, staking rewards)");
    if (p.workerProposals === undefined) fail(`${root}.distribution`, "needs a workerProposals piece");
    // Integrators and portals lock their stake until the epoch's end plus the claim window (docs/distribution.md):
    // that lock must be reachable whatever governance sets, or every sale reverts `StakeNotLocked`.
    const reach = p.distribution.epochSeconds + p.distribution.bounds.claimWindow.max;
    const lockCap = p.staking.governed.maxLockDuration.min;
    if (reach > lockCap) {
      fail(
        `${root}.distribution.bounds.claimWindow.max`,
        `(${p.distribution.bounds.claimWindow.max}) plus an epoch (${p.distribution.epochSeconds}) is above the ` +
          `shortest maxLockDuration staking allows (${lockCap}): integrators and portals could not lock that far`,
      );
    }
  }
  if (p.slashing !== undefined) {
    validateSlashing(`${root}.slashing`, p.slashing);
    if (p.staking === undefined) fail(`${root}.slashing`, "needs a staking piece (the slasher slashes staked tokens)");
  }
  if (p.compliance !== undefined) {
    const c = checkObject(`${root}.compliance`, p.compliance) as unknown as SystemPreset<string>["compliance"] & {};
    checkGoverned(`${root}.compliance.threshold`, c.threshold);
    checkString(`${root}.compliance.kycProvider`, c.kycProvider);
    if (!Array.isArray(c.restricted) || c.restricted.some((x) => typeof x !== "string" || !/^[A-Z]{2}$/.test(x))) {
      fail(`${root}.compliance.restricted`, "must list two-letter upper-case jurisdiction codes (ISO 3166-1 alpha-2)");
    }
    if (p.market === undefined && p.issuance === undefined) {
      fail(`${root}.compliance`, "needs a market or an issuance piece (nothing else checks it)");
    }
  }
  if (p.market !== undefined) {
    validateMarket(`${root}.market`, p.market);
    checkString(`${root}.market.infrastructure`, p.market.infrastructure);
    checkString(`${root}.market.curator`, p.market.curator);
    if (p.staking === undefined) fail(`${root}.market`, "needs a staking piece (providers, tiers)");
    if (p.slashing === undefined) {
      fail(
        `${root}.market`,
        "needs a slashing piece (its validator fee funds the challenge court, which judges its settlements)",
      );
    }
  }

  if (p.programs !== undefined) {
    validatePrograms(`${root}.programs`, p.programs);
    if (p.market === undefined || p.slashing === undefined) {
      fail(`${root}.programs`, "needs market and slashing pieces (settled earnings, the metrics registry's uptime)");
    }
  }

  if (p.deflation !== undefined) {
    validateDeflation(`${root}.deflation`, p.deflation);
    if (p.market === undefined) fail(`${root}.deflation`, "needs a market piece (the fee router's burn share)");
    if (p.supply.emission.mode !== "hold") {
      fail(`${root}.deflation`, "needs a hold-mode emission (the controller reads burns from the supply's fall)");
    }
  }

  // Bindings: each names an account a piece uses, and a contract the preset deploys.
  const used = new Set<string>([p.supply.treasury]);
  for (const a of p.supply.allocations) {
    if (a.kind === "direct") used.add(a.to);
    if (a.kind === "vesting") used.add(a.beneficiary);
  }
  for (const r of p.supply.emission.recipients) if (r.target.kind === "account") used.add(r.target.account);
  const deployed: Record<BindableContract, boolean> = {
    treasury: true,
    staking: p.staking !== undefined,
    workerPool: p.workerProposals !== undefined,
    distributionEngine: p.distribution !== undefined,
  };
  for (const [name, contract] of Object.entries(checkObject(`${root}.bindings`, p.bindings))) {
    if (!used.has(name)) fail(`${root}.bindings.${name}`, "binds an account no piece uses");
    if (typeof contract !== "string" || !Object.hasOwn(deployed, contract)) {
      fail(`${root}.bindings.${name}`, `(${show(contract)}) is not one of ${Object.keys(deployed).join(", ")}`);
    }
    if (!deployed[contract as BindableContract]) {
      fail(`${root}.bindings.${name}`, `(${contract}) is not deployed by this preset`);
    }
  }
  // A notified recipient must be a contract: the emission controller refuses to notify an address without code.
  p.supply.emission.recipients.forEach((r, i) => {
    if (r.notify && r.target.kind === "account" && p.bindings[r.target.account] === undefined) {
      fail(
        `${root}.supply.emission.recipients[${i}].notify`,
        `is true, but ${r.target.account} is an address, not a contract of the preset (see bindings)`,
      );
    }
  });
}

/** Validates the preset and returns it: every `presets/<system>/index.ts` exports `definePreset({...})`. */
export function definePreset<Id extends string>(preset: SystemPreset<Id>): SystemPreset<Id> {
  validatePreset(preset);
  return preset;
}
