/**
 * What every task shares: the network's address book (deployments/<network>.json, written by scripts/deploy.ts), the
 * preset's contracts typed by typechain, the signer (`--from`), amounts in human units parsed with the token's
 * decimals, and errors that say what went wrong: custom errors decoded to their names and arguments with the ABIs
 * of every contract of the preset, bad arguments named after their option.
 *
 * A task is one file, tasks/<name>.ts, whose default export is `action(async (args, t) => ...)`, and one `task(...)`
 * entry in tasks/index.ts (the config's `tasks`).
 */
import {
  ErrorFragment,
  getAddress,
  Interface,
  isAddress,
  parseUnits,
  type BaseContract,
  type ContractTransactionReceipt,
  type ContractTransactionResponse,
  type Signer,
} from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";
import { errorResult, successfulResult } from "hardhat/utils/result";

import { SYSTEMS, type SystemId } from "../presets/types/preset.js";
import { IssuerToken__factory } from "../typechain-types/index.js";
import { addressBookPath, readAddressBook, type PresetEntry } from "../scripts/lib/address-book.js";
import { presetContracts, PRESETS, type PresetContracts } from "../scripts/lib/presets.js";

/** A mistake in the task's arguments or state, reported as it is (no stack trace). */
export class TaskError extends Error {}

/** Options every task takes. */
export interface CommonArgs {
  /** The preset: quiver, qerun, qry or qutoken. */
  preset: string;
  /** The signer: an index into the network's accounts, or one of their addresses. */
  from: string;
}

/** What a task action works with. */
export interface TaskContext {
  connection: NetworkConnection;
  system: SystemId;
  entry: PresetEntry;
  c: PresetContracts;
  signer: Signer;
  /** The signer's address. */
  me: string;
  /** Sends a transaction, waits for it, and returns its receipt; a revert becomes a decoded TaskError. */
  send(tx: () => Promise<ContractTransactionResponse>): Promise<ContractTransactionReceipt>;
  /** Reads a value; a revert becomes a decoded TaskError. */
  read<T>(call: () => Promise<T>): Promise<T>;
}

/**
 * Wraps a task action: opens the network and the preset, runs it, prints its report; on failure prints
 * `Error: <what went wrong>` and returns a failed result (the CLI exits with code 1).
 */
export function action<A extends CommonArgs>(run: (args: A, t: TaskContext) => Promise<string>) {
  return async (args: A, hre: HardhatRuntimeEnvironment) => {
    let errorAbi: Interface | undefined;
    try {
      const t = await open(hre, args);
      errorAbi = errorInterface(t.c);
      const report = await run(args, t);
      console.log(report);
      return successfulResult(report);
    } catch (error) {
      const message = describe(error, errorAbi);
      console.error(`Error: ${message}`);
      return errorResult(message);
    }
  };
}

async function open(hre: HardhatRuntimeEnvironment, args: CommonArgs): Promise<TaskContext> {
  const system = args.preset as SystemId;
  if (!SYSTEMS.includes(system))
    throw new TaskError(`--preset must be one of ${SYSTEMS.join(", ")}, got "${args.preset}"`);
  const connection = await hre.network.create();
  const network = connection.networkName;
  const book = await readAddressBook(network);
  if (book === undefined) {
    throw new TaskError(
      `no address book ${addressBookPath(network)}: deploy first (npm run deploy -- --network ${network})`,
    );
  }
  const entry = book.presets[system];
  if (entry === undefined || !entry.complete) {
    throw new TaskError(`${PRESETS[system].name} is not (fully) deployed on ${network}: run the deploy script again`);
  }
  const code = await connection.ethers.provider.getCode(entry.contracts.token);
  if (code === "0x") {
    throw new TaskError(
      `${addressBookPath(network)} is stale: no contract at ${entry.contracts.token} (node restarted?)`,
    );
  }
  const c = await presetContracts(connection, entry.contracts);
  const signer = await signerFor(connection, args.from);
  const me = await signer.getAddress();
  const errors = errorInterface(c);
  return {
    connection,
    system,
    entry,
    c,
    signer,
    me,
    async send(tx) {
      let response: ContractTransactionResponse;
      try {
        response = await tx();
      } catch (error) {
        throw new TaskError(describe(error, errors));
      }
      const receipt = await response.wait();
      if (receipt === null) throw new TaskError(`transaction ${response.hash} was not mined`);
      return receipt;
    },
    async read(call) {
      try {
        return await call();
      } catch (error) {
        throw new TaskError(describe(error, errors));
      }
    },
  };
}

async function signerFor(connection: NetworkConnection, from: string): Promise<Signer> {
  const signers = await connection.ethers.getSigners();
  if (/^\d+$/.test(from)) {
    const signer = signers[Number(from)];
    if (signer === undefined) throw new TaskError(`--from ${from}: the network has ${signers.length} accounts`);
    return signer;
  }
  const address = parseAddress("--from", from);
  const signer = signers.find((s) => s.address === address);
  if (signer === undefined) throw new TaskError(`--from ${from}: not one of the network's accounts`);
  return signer;
}

// ---- arguments

/** A checksummed address, or a TaskError naming the option. */
export function parseAddress(option: string, value: string | undefined): string {
  if (value === undefined || value === "") throw new TaskError(`${option} is required (an address)`);
  if (!isAddress(value)) throw new TaskError(`${option} must be an address, got "${value}"`);
  return getAddress(value);
}

/** `--amount 10000` in the token's units (`decimals`), positive, or a TaskError naming the option. */
export function parseAmount(option: string, value: string | undefined, decimals: number | bigint): bigint {
  if (value === undefined || value === "")
    throw new TaskError(`${option} is required (an amount of tokens, e.g. 10000)`);
  let amount: bigint;
  try {
    amount = parseUnits(value.replace(/_/g, ""), Number(decimals));
  } catch {
    throw new TaskError(`${option} must be a number of tokens with at most ${decimals} decimals, got "${value}"`);
  }
  if (amount <= 0n) throw new TaskError(`${option} must be positive, got "${value}"`);
  return amount;
}

/** A whole number (`--epochs 12`) from `min` to `max`, or a TaskError naming the option. */
export function parseCount(option: string, value: string | undefined, min: bigint, max?: bigint): bigint {
  if (value === undefined || value === "") throw new TaskError(`${option} is required (a whole number)`);
  if (!/^\d+$/.test(value.replace(/_/g, ""))) throw new TaskError(`${option} must be a whole number, got "${value}"`);
  const n = BigInt(value.replace(/_/g, ""));
  if (n < min || (max !== undefined && n > max)) {
    throw new TaskError(`${option} must be from ${min}${max === undefined ? "" : ` to ${max}`}, got ${n}`);
  }
  return n;
}

/** The first event `name` a contract emitted in a receipt (an Error if it is missing: the contract always emits it). */
export function eventOf(receipt: ContractTransactionReceipt, contract: BaseContract, name: string) {
  for (const log of receipt.logs) {
    const parsed = contract.interface.parseLog(log);
    if (parsed?.name === name) return parsed;
  }
  throw new Error(`no ${name} event in transaction ${receipt.hash}`);
}

/** Requires a piece of the preset (`staking`, `creditManager`...), or a TaskError saying which preset has it. */
export function need<T>(value: T | undefined, what: string, t: TaskContext): T {
  if (value === undefined) throw new TaskError(`${PRESETS[t.system].name} has no ${what}: choose another --preset`);
  return value;
}

/** Approves `amount` of an ERC-20 to `spender` from the signer, unless its allowance already covers it. */
export async function ensureAllowance(
  t: TaskContext,
  token: BaseContract,
  spender: string,
  amount: bigint,
): Promise<void> {
  // Any ERC-20 ABI will do; the devnet stablecoin's is compiled here.
  const erc20 = await t.connection.ethers.getContractAt("MockStablecoin", await token.getAddress(), t.signer);
  if ((await erc20.allowance(t.me, spender)) >= amount) return;
  await t.send(() => erc20.approve(spender, amount));
}

// ---- errors

/** Every custom error of the preset's contracts (and the issuer token's), deduplicated by selector. */
function errorInterface(c: PresetContracts): Interface {
  const seen = new Map<string, ErrorFragment>();
  const abis: Interface[] = [IssuerToken__factory.createInterface()];
  for (const contract of Object.values(c) as (BaseContract | undefined)[]) {
    if (contract !== undefined) abis.push(contract.interface);
  }
  for (const abi of abis) {
    for (const fragment of abi.fragments) {
      if (fragment instanceof ErrorFragment && !seen.has(fragment.selector)) seen.set(fragment.selector, fragment);
    }
  }
  return new Interface([...seen.values()]);
}

/** Revert data anywhere in an error thrown by ethers, Hardhat or a JSON-RPC node. */
function revertData(error: unknown, depth = 0): string | undefined {
  if (depth > 5 || error === null || typeof error !== "object") return undefined;
  const e = error as Record<string, unknown>;
  for (const key of ["data", "error", "info", "cause", "revert"]) {
    const value = e[key];
    if (typeof value === "string" && /^0x[0-9a-fA-F]{8}/.test(value)) return value;
    const nested = revertData(value, depth + 1);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

/** What went wrong, in one line: a task mistake, a decoded custom error with its arguments, or the node's message. */
export function describe(error: unknown, errors?: Interface): string {
  if (error instanceof TaskError) return error.message;
  const data = revertData(error);
  if (data !== undefined && errors !== undefined) {
    const decoded = errors.parseError(data);
    if (decoded !== null) {
      const args = decoded.fragment.inputs.map((input, i) => `${input.name || i}: ${String(decoded.args[i])}`);
      return `reverted with ${decoded.name}(${args.join(", ")})`;
    }
  }
  const e = error as { shortMessage?: string; message?: string };
  return (e.shortMessage ?? e.message ?? String(error)).split("\n")[0];
}
