/**
 * The supply part of a preset: token, genesis allocations, vesting schedules and the emission curve, as data.
 * `deploy/modules/Supply.ts` turns a `SupplyPreset` into an Ignition module; `validateSupplyPreset` checks the
 * numbers add up before anything is deployed.
 *
 * Accounts are named (`"treasury"`, `"team"`...): each name becomes a parameter of the preset's Ignition module,
 * so the same preset deploys to a devnet (signers) or a testnet (multisigs).
 */

/** A named account, resolved at deploy time (an Ignition module parameter). */
export type AccountName = string;

/** Minted straight to an account at genesis. */
export interface DirectAllocation {
  kind: "direct";
  name: string;
  to: AccountName;
  amount: bigint;
}

/** Minted into a vesting schedule at genesis; the schedule starts at the emission start (the TGE). */
export interface VestingAllocation {
  kind: "vesting";
  name: string;
  beneficiary: AccountName;
  amount: bigint;
  /** Seconds after the start before the linear part is releasable (at most `durationSeconds`). */
  cliffSeconds: bigint;
  /** Seconds from the start to full vesting. */
  durationSeconds: bigint;
  /** Share unlocked at the start, in bps of 10,000. */
  startUnlockBps: number;
  /** Whether governance may revoke it (the unvested part returns to the treasury). */
  revocable: boolean;
}

/** Minted into the emission controller at genesis (hold mode); `amount` must equal the emission cap. */
export interface EmissionAllocation {
  kind: "emission";
  name: string;
  amount: bigint;
}

export type Allocation = DirectAllocation | VestingAllocation | EmissionAllocation;

/** Where an emission recipient's share goes. */
export type RecipientTarget =
  /** The preset's EpochRewardPool, deployed with it (buckets that burn after the claim window). */
  | { kind: "epochPool" }
  /** A named account (a reward pool built by another module, or a distributor). */
  | { kind: "account"; account: AccountName };

export interface EmissionRecipient {
  name: string;
  target: RecipientTarget;
  /** Weight before the mix window, in bps. */
  startBps: number;
  /** Weight after the mix window, in bps. */
  endBps: number;
  /** Whether the recipient is a reward pool to notify (`IRewardReceiver.notifyRewardAmount`). */
  notify: boolean;
}

export interface EmissionPreset {
  /** `hold`: funded at genesis, transfers. `mint`: holds the minter role, mints what is due. */
  mode: "hold" | "mint";
  /** Amount emitted in each year of the table, in wei. */
  yearlyAmounts: bigint[];
  /** After the table, the last yearly amount halves every `halvingYears` years. */
  halvingYears: bigint;
  /** The curve never emits more than this, in wei. */
  cap: bigint;
  /** At most 8; start and end weights each add up to 10,000 bps. */
  recipients: EmissionRecipient[];
  /** The mix moves from the start weights to the end weights between these offsets from the start, in seconds. */
  mix: { startOffset: bigint; endOffset: bigint };
  /** The EpochRewardPool, when a recipient targets it. */
  epochPool?: {
    epochSeconds: bigint;
    claimWindowSeconds: bigint;
    /** Holds the REWARD_CLAIMER role (the provider-rewards distributor). */
    claimer: AccountName;
  };
}

export interface SupplyPreset {
  /** Short id, also the Ignition module's prefix (`quiver` -> `QuiverSupply`). */
  system: string;
  token: { name: string; symbol: string; cap: bigint };
  /** Minted once at genesis; zero for a fair launch (no genesis: everything is issued by the emission). */
  totalSupply: bigint;
  /** Where revoked vesting returns (the governance treasury). */
  treasury: AccountName;
  allocations: Allocation[];
  emission: EmissionPreset;
}

/** Every named account the preset needs at deploy time, in a stable order. */
export function accountNames(preset: SupplyPreset): AccountName[] {
  const names = new Set<AccountName>([preset.treasury]);
  for (const a of preset.allocations) {
    if (a.kind === "direct") names.add(a.to);
    if (a.kind === "vesting") names.add(a.beneficiary);
  }
  for (const r of preset.emission.recipients) if (r.target.kind === "account") names.add(r.target.account);
  if (preset.emission.epochPool !== undefined) names.add(preset.emission.epochPool.claimer);
  return [...names];
}

/** Throws unless the preset's numbers are consistent (the contracts would reject them too, later and less clearly). */
export function validateSupplyPreset(preset: SupplyPreset): void {
  const fail = (why: string) => {
    throw new Error(`supply preset ${preset.system}: ${why}`);
  };
  const total = preset.allocations.reduce((sum, a) => sum + a.amount, 0n);
  if (total !== preset.totalSupply) fail(`allocations add up to ${total}, not the total supply ${preset.totalSupply}`);
  if (preset.totalSupply > preset.token.cap) fail("total supply above the token cap");
  for (const a of preset.allocations) {
    if (a.amount <= 0n) fail(`${a.name}: zero amount`);
    if (a.kind === "vesting") {
      if (a.cliffSeconds > a.durationSeconds) fail(`${a.name}: cliff longer than duration`);
      if (a.startUnlockBps < 0 || a.startUnlockBps > 10_000) fail(`${a.name}: start unlock outside 0-10,000 bps`);
    }
  }
  const e = preset.emission;
  const held = preset.allocations.filter((a) => a.kind === "emission").reduce((sum, a) => sum + a.amount, 0n);
  if (e.mode === "hold" && held !== e.cap) fail(`hold mode: emission allocation ${held} != emission cap ${e.cap}`);
  if (e.mode === "mint" && held !== 0n) fail("mint mode: the controller is not funded at genesis");
  if (e.mode === "mint" && preset.totalSupply + e.cap > preset.token.cap) fail("mint mode: emission above the cap");
  if (e.yearlyAmounts.length === 0) fail("empty emission table");
  if (e.yearlyAmounts.some((y) => y > e.cap)) fail("a table year above the emission cap");
  if (e.recipients.length === 0 || e.recipients.length > 8) fail("1 to 8 emission recipients");
  const sum = (pick: (r: EmissionRecipient) => number) => e.recipients.reduce((s, r) => s + pick(r), 0);
  if (sum((r) => r.startBps) !== 10_000 || sum((r) => r.endBps) !== 10_000) fail("weights must add up to 10,000");
  if (e.mix.endOffset < e.mix.startOffset) fail("mix window ends before it starts");
  const pools = e.recipients.filter((r) => r.target.kind === "epochPool").length;
  if (pools > 1) fail("at most one epoch pool");
  if (pools === 1 && e.epochPool === undefined) fail("a recipient targets the epoch pool but none is configured");
}
