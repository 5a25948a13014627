/**
 * What every demo scenario shares: the in-process devnet, the four deployed presets, named actors, a clock measured
 * from the common TGE, and a report section to fill. One file per preset scenario (scripts/demo/<system>.ts) plus
 * the driver (scripts/demo.ts); a scenario may keep parts in files of its own (scripts/demo/quiver-market.ts).
 */
import { formatUnits, id, Wallet, type ContractTransactionResponse, type Signer } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import type { SystemId, SystemPreset } from "../../presets/types/preset.js";
import type { deployLendingDevnetExternals } from "../lib/deploy.js";
import type { PresetAddresses, PresetContracts, PresetInputs } from "../lib/presets.js";

export const DAY = 86_400n;

/** One deployed preset. */
export interface DeployedPreset {
  preset: SystemPreset;
  inputs: PresetInputs;
  addresses: PresetAddresses;
  c: PresetContracts;
}

/** A scenario's part of the report: the transactions it sent, then its figures. */
export interface Section {
  system: SystemId;
  title: string;
  /** What happened, in order, with the gas each transaction used. */
  steps: { day: string; step: string; gas: bigint }[];
  /** Figures at the end: label -> value (already formatted). */
  figures: [string, string][];
  /** Extra lines (readings, what is left for later issues). */
  notes: string[];
}

export interface DemoContext {
  connection: NetworkConnection;
  presets: Record<SystemId, DeployedPreset>;
  externals: Awaited<ReturnType<typeof deployLendingDevnetExternals>>;
  /** The TGE of every preset (their emission and vesting start). */
  start: bigint;
  /** A named actor: a deterministic key, funded with 100 ETH for gas on first use. */
  actor(name: string): Promise<Wallet>;
  /** The preset's named account as a signer (the devnet's signers stand in for multisigs and distributors). */
  account(system: SystemId, name: string): Promise<Signer>;
  /** Moves the clock to `start + days` (never backwards); the next block is mined at exactly that second. */
  at(days: bigint): Promise<void>;
  /** Sends a transaction, waits for it and records it in the section. */
  step(section: Section, step: string, tx: Promise<ContractTransactionResponse>): Promise<void>;
  /** Days since the TGE at the latest block, e.g. "30.0". */
  day(): Promise<string>;
}

/** Builds the shared context around already deployed presets. */
export function createContext(
  connection: NetworkConnection,
  presets: Record<SystemId, DeployedPreset>,
  externals: DemoContext["externals"],
  start: bigint,
): DemoContext {
  const { ethers, networkHelpers } = connection;
  const actors = new Map<string, Wallet>();
  const ctx: DemoContext = {
    connection,
    presets,
    externals,
    start,
    async actor(name) {
      let wallet = actors.get(name);
      if (wallet === undefined) {
        wallet = new Wallet(id(`tokenomics-kit demo actor: ${name}`), ethers.provider);
        await networkHelpers.setBalance(wallet.address, 100n * 10n ** 18n);
        actors.set(name, wallet);
      }
      return wallet;
    },
    async account(system, name) {
      const address = presets[system].inputs.accounts[name];
      if (address === undefined) throw new Error(`${system} has no named account ${name}`);
      return ethers.getSigner(address);
    },
    async at(days) {
      const target = start + days * DAY;
      const now = BigInt(await networkHelpers.time.latest());
      if (target < now) throw new Error(`the demo clock is at ${now}, past day ${days} (${target})`);
      if (target > now) await networkHelpers.time.setNextBlockTimestamp(target);
    },
    async step(section, step, tx) {
      const receipt = await (await tx).wait();
      section.steps.push({ day: await ctx.day(), step, gas: receipt?.gasUsed ?? 0n });
    },
    async day() {
      const latest = BigInt(await networkHelpers.time.latest());
      const tenths = latest < start ? 0n : ((latest - start) * 10n) / DAY;
      return `${tenths / 10n}.${tenths % 10n}`;
    },
  };
  return ctx;
}

export function newSection(system: SystemId, title: string): Section {
  return { system, title, steps: [], figures: [], notes: [] };
}

/**
 * A preset's scenario. The driver runs every `run` in turn on the shared clock (each starts where the previous one
 * left it), then every `epilogue` (steps that must wait, such as burning an expired bucket), then every `figures`,
 * so all figures are read at the same final block.
 */
export interface Scenario {
  system: SystemId;
  title: string;
  run(ctx: DemoContext, section: Section): Promise<void>;
  epilogue?(ctx: DemoContext, section: Section): Promise<void>;
  figures(ctx: DemoContext, section: Section): Promise<void>;
}

/** An amount with thousands separators and every significant decimal: `3,602,739.726027397260273972`. */
export function amount(wei: bigint, decimals = 18): string {
  const [whole, fraction] = formatUnits(wei, decimals).split(".");
  const grouped = BigInt(whole).toLocaleString("en-US");
  const trimmed = (fraction ?? "").replace(/0+$/, "");
  return trimmed === "" ? grouped : `${grouped}.${trimmed}`;
}

/** An amount rounded to two decimals (for figures that depend on seconds of interest or a swap). */
export function rounded(wei: bigint, decimals = 18): string {
  const scaled = Number(formatUnits(wei, decimals));
  return scaled.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A share in bps as a percentage: 2_000 -> "20%". */
export const pct = (bps: bigint | number) => `${Number(bps) / 100}%`;
