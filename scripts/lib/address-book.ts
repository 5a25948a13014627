/**
 * The address book of a network: `deployments/<network>.json`, written by `scripts/deploy.ts` and read by the tasks.
 * Per preset it records the Ignition deployment id (whose journal under deploy/deployments/<id>/ makes a redeploy a
 * no-op and an interrupted one resumable), the inputs it was deployed with (kept so a rerun uses the same ones), and
 * its contracts by name. `DEPLOYMENTS_DIR` moves the folder (the node test uses a temporary one).
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

import type { SystemId } from "../../presets/types/preset.js";
import type { PresetAddresses, PresetInputs } from "./presets.js";

export interface PresetEntry {
  deploymentId: string;
  /** False while the deployment runs (the inputs are saved first, so an interrupted run resumes with them). */
  complete: boolean;
  inputs: PresetInputs;
  contracts: PresetAddresses;
}

export interface AddressBook {
  network: string;
  chainId: number;
  /** On a devnet node, its instance id (`hardhat_metadata`): a restarted node is empty, so the book is stale. */
  devnetInstance?: string;
  /** Devnet stand-ins for what a public chain has (Uniswap V2, stablecoin, feeds). */
  externals?: Record<string, string>;
  presets: Partial<Record<SystemId, PresetEntry>>;
}

export function deploymentsDir(): string {
  return process.env.DEPLOYMENTS_DIR ?? "deployments";
}

export function addressBookPath(network: string): string {
  return path.join(deploymentsDir(), `${network}.json`);
}

/** JSON with bigints as decimal strings (the inputs' `start`, `metricsStart`). */
const replacer = (_: string, value: unknown) => (typeof value === "bigint" ? value.toString() : value);

/** The network's address book, or undefined when none was written. */
export async function readAddressBook(network: string): Promise<AddressBook | undefined> {
  let text: string;
  try {
    text = await readFile(addressBookPath(network), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const book = JSON.parse(text) as AddressBook;
  for (const entry of Object.values(book.presets)) {
    if (entry === undefined) continue;
    entry.inputs.start = BigInt(entry.inputs.start as unknown as string);
    if (entry.inputs.metricsStart !== undefined) {
      entry.inputs.metricsStart = BigInt(entry.inputs.metricsStart as unknown as string);
    }
  }
  return book;
}

/** Writes the book atomically (a temporary file renamed over the old one). */
export async function writeAddressBook(book: AddressBook): Promise<string> {
  const file = addressBookPath(book.network);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, JSON.stringify(book, replacer, 2) + "\n");
  await rename(`${file}.tmp`, file);
  return file;
}
