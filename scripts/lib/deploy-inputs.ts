/**
 * The deploy script's inputs on a public network: `deploy/networks/<network>.json` (`{ "<system>": { start,
 * accounts, guardianOwners, lending? } }`), read and validated for every chosen preset before anything is written or
 * sent, with one-line errors naming the file and the field; warnings for a TGE in the past; and the rule for a rerun:
 * the inputs saved in the address book are kept once a transaction may have been sent for them, and read again from
 * the file while nothing has been sent (so fixing a mistake in the file is enough).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";

import { ZeroAddress } from "ethers";

import type { SystemId } from "../../presets/types/preset.js";
import { PresetError } from "../../presets/validate.js";
import type { PresetEntry } from "./address-book.js";
import { UserError } from "./cli.js";
import { PRESETS, validateInputs, type PresetInputs } from "./presets.js";

/** Placeholder for lending's chain contracts while the stand-ins are still to be deployed (LENDING_STAND_INS=1). */
const STAND_IN = "0x000000000000000000000000000000000000dEaD";

export interface InputsReading {
  inputs: Partial<Record<SystemId, PresetInputs>>;
  /** One line each: a TGE in the past. */
  warnings: string[];
}

export interface ReadOptions {
  /** The latest block's timestamp (a TGE before it is in the past; metrics start at most there). */
  latest: bigint;
  /** Lending's chain contracts come from the stand-ins the script deploys (LENDING_STAND_INS=1). */
  standIns: boolean;
}

const iso = (s: bigint) => new Date(Number(s) * 1000).toISOString().replace(".000Z", "Z");

/** The first string starting with "REPLACE" anywhere in `value`, with its path. */
function placeholder(value: unknown, at: string): [string, string] | undefined {
  if (typeof value === "string") return /^REPLACE/i.test(value.trim()) ? [at, value] : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = placeholder(value[i], `${at}[${i}]`);
      if (found !== undefined) return found;
    }
  } else if (typeof value === "object" && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      const found = placeholder(v, `${at}.${key}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Unix seconds given as a decimal string, or a UserError naming the field. */
function unixSeconds(file: string, field: string, value: unknown): bigint {
  if (typeof value !== "string" || !/^\d+$/.test(value)) {
    throw new UserError(`${file}: ${field} must be a unix time in seconds, as a string (e.g. "1767225600")`);
  }
  const s = BigInt(value);
  if (s < 1_000_000_000n || s > 100_000_000_000n) {
    throw new UserError(`${file}: ${field} (${value}) is not a plausible unix time in seconds`);
  }
  return s;
}

/**
 * Reads and validates the inputs of `systems` from the text of `file`. Throws a `UserError` on the first mistake:
 * `deploy/networks/sepolia.json: quiver.accounts.team is still a placeholder ("REPLACE: ...")`.
 */
export function parseNetworkInputs(
  file: string,
  text: string,
  systems: readonly SystemId[],
  options: ReadOptions,
): InputsReading {
  let all: unknown;
  try {
    all = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof all !== "object" || all === null || Array.isArray(all)) {
    throw new UserError(`${file} must hold an object with one entry per preset ("quiver", "qerun", ...)`);
  }
  const reading: InputsReading = { inputs: {}, warnings: [] };
  for (const system of systems) {
    const preset = PRESETS[system];
    const raw = (all as Record<string, unknown>)[system] as Record<string, unknown> | undefined;
    if (raw === undefined) {
      throw new UserError(`${file} has no "${system}" entry: add it, or leave the preset out with PRESETS=...`);
    }
    const left = placeholder(raw, system);
    if (left !== undefined) throw new UserError(`${file}: ${left[0]} is still a placeholder ("${left[1]}")`);
    const start = unixSeconds(file, `${system}.start`, raw.start);
    const inputs: PresetInputs = {
      start,
      accounts: raw.accounts as Record<string, string>,
      guardianOwners: raw.guardianOwners as string[],
      ...(raw.lending === undefined ? {} : { lending: raw.lending as PresetInputs["lending"] }),
    };
    if (preset.slashing !== undefined) {
      // Metrics epochs must start by the deployment: at the TGE, or now if the TGE is still ahead.
      inputs.metricsStart =
        raw.metricsStart === undefined
          ? start < options.latest
            ? start
            : options.latest
          : unixSeconds(file, `${system}.metricsStart`, raw.metricsStart);
      if (inputs.metricsStart > options.latest) {
        throw new UserError(
          `${file}: ${system}.metricsStart (${iso(inputs.metricsStart)}) is after the latest block (${iso(options.latest)})`,
        );
      }
    }
    if (preset.lending !== undefined && inputs.lending === undefined && !options.standIns) {
      throw new UserError(
        `${file}: ${system}.lending is missing: name the chain's stablecoin, feeds and router, or deploy with LENDING_STAND_INS=1`,
      );
    }
    const checked =
      preset.lending !== undefined && inputs.lending === undefined
        ? { ...inputs, lending: { stable: STAND_IN, qerFeed: STAND_IN, ethFeed: STAND_IN, router: STAND_IN } }
        : inputs;
    try {
      validateInputs(preset, checked);
    } catch (error) {
      if (!(error instanceof PresetError)) throw error;
      throw new UserError(`${file}: ${error.message.replace(`${system}.inputs.`, `${system}.`)}`);
    }
    for (const [name, address] of Object.entries(inputs.accounts)) {
      if (address === ZeroAddress) throw new UserError(`${file}: ${system}.accounts.${name} is the zero address`);
    }
    if (start < options.latest) {
      reading.warnings.push(
        `Warning: ${system}.start (${iso(start)}) is before the latest block (${iso(options.latest)}): vesting and ` +
          `emission count from the TGE, so what accrued since then is releasable at once`,
      );
    }
    reading.inputs[system] = inputs;
  }
  return reading;
}

/** Reads `deploy/networks/<network>.json` (or `file`) and validates it: see `parseNetworkInputs`. */
export async function readNetworkInputs(
  network: string,
  systems: readonly SystemId[],
  options: ReadOptions & { file?: string },
): Promise<InputsReading> {
  const file = options.file ?? path.join("deploy", "networks", `${network}.json`);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === "ENOENT"
        ? `${file} does not exist: copy deploy/networks/sepolia.example.json and fill it in (docs/deploy.md)`
        : `${file}: ${(error as Error).message}`,
    );
  }
  return parseNetworkInputs(file, text, systems, options);
}

/**
 * Whether a rerun keeps the inputs saved in the address book: yes once the deployment is complete or a transaction
 * may have been sent for it (its contracts then exist with those inputs); no while nothing has been sent, so the
 * inputs are read again.
 */
export function keepSavedInputs(previous: PresetEntry | undefined, sent: boolean): boolean {
  return previous !== undefined && (previous.complete || sent);
}

/** Whether Ignition's journal of a deployment records a transaction prepared or sent (then it may be on chain). */
export async function journalSentTransactions(journalDir: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(path.join(journalDir, "journal.jsonl"), "utf8");
  } catch {
    return false;
  }
  return /"TRANSACTION_(PREPARE_)?SEND"/.test(text);
}
