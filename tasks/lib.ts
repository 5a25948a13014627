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
  formatUnits,
  getAddress,
  id,
  Interface,
  isAddress,
  isHexString,
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
  /**
   * The unit of the amounts in decoded errors (the preset's token by default; a task paying in the stablecoin
   * switches it before that call).
   */
  unit: Unit;
  /** Approvals sent by this run, restored to their previous allowance if a later transaction fails. */
  approvals: { token: BaseContract; spender: string; previous: bigint }[];
}

/** A token's decimals and symbol, for amounts in decoded errors. */
export interface Unit {
  decimals: number;
  symbol: string;
}

/** The unit of an ERC-20 (its decimals and symbol). */
export async function unitOf(token: BaseContract): Promise<Unit> {
  const erc20 = token as unknown as { decimals(): Promise<bigint>; symbol(): Promise<string> };
  return { decimals: Number(await erc20.decimals()), symbol: await erc20.symbol() };
}

/**
 * Wraps a task action: opens the network and the preset, runs it, prints its report; on failure prints
 * `Error: <what went wrong>` and returns a failed result (the CLI exits with code 1).
 */
export function action<A extends CommonArgs>(run: (args: A, t: TaskContext) => Promise<string>) {
  const wrapped = async (args: Given<A>, hre: HardhatRuntimeEnvironment) => {
    let errorAbi: Interface | undefined;
    let unit: Unit | undefined;
    try {
      const given = withEmptyOptions(args);
      const t = await open(hre, given);
      errorAbi = errorInterface(t.c);
      const report = await runIn(run, given, t);
      unit = t.unit;
      console.log(report);
      return successfulResult(report);
    } catch (error) {
      const message = describe(error, errorAbi, unit);
      console.error(`Error: ${message}`);
      return errorResult(message);
    }
  };
  /** The action itself, on a context built by `contextFor` (tests run tasks in-process this way). */
  return Object.assign(wrapped, {
    run: (args: Given<A>, t: TaskContext) => runIn(run, withEmptyOptions(args), t),
  });
}

/** The arguments as Hardhat passes them: a string option without a default may be undefined. */
export type Given<A> = { [K in keyof A]: A[K] extends string ? A[K] | undefined : A[K] };

/** Options without a default arrive as undefined; the tasks read an absent option as "". */
function withEmptyOptions<A extends CommonArgs>(args: Given<A>): A {
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, v === undefined ? "" : v])) as A;
}

/** Runs an action; a failure is rethrown as a TaskError decoded in the context's unit. */
async function runIn<A>(run: (args: A, t: TaskContext) => Promise<string>, args: A, t: TaskContext): Promise<string> {
  try {
    return await run(args, t);
  } catch (error) {
    if (error instanceof TaskError) throw error;
    throw new TaskError(describe(error, errorInterface(t.c), t.unit));
  }
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
  return contextFor(connection, system, entry, args.from);
}

/** A task's context on an open connection and a deployed preset (`--from` as the task takes it). */
export async function contextFor(
  connection: NetworkConnection,
  system: SystemId,
  entry: PresetEntry,
  from: string,
): Promise<TaskContext> {
  const c = await presetContracts(connection, entry.contracts);
  const signer = await signerFor(connection, from, entry.inputs.accounts);
  const me = await signer.getAddress();
  const errors = errorInterface(c);
  const t: TaskContext = {
    connection,
    system,
    entry,
    c,
    signer,
    me,
    unit: await unitOf(c.token),
    approvals: [],
    async send(tx) {
      let receipt: ContractTransactionReceipt | null;
      try {
        const response = await tx();
        receipt = await response.wait();
        if (receipt === null) throw new TaskError(`transaction ${response.hash} was not mined`);
      } catch (error) {
        const message = error instanceof TaskError ? error.message : describe(error, errors, t.unit);
        await restoreApprovals(t);
        throw new TaskError(message);
      }
      return receipt;
    },
    async read(call) {
      try {
        return await call();
      } catch (error) {
        throw new TaskError(describe(error, errors, t.unit));
      }
    },
  };
  return t;
}

/** Sets every allowance this run raised back to what it was (a failed task leaves no approval behind). */
async function restoreApprovals(t: TaskContext): Promise<void> {
  for (const { token, spender, previous } of t.approvals.splice(0).reverse()) {
    const erc20 = await t.connection.ethers.getContractAt("MockStablecoin", await token.getAddress(), t.signer);
    await (await erc20.approve(spender, previous)).wait();
  }
}

/** `--from`: an account index, one of the network's addresses, or a named account of the preset (`liquidity`). */
async function signerFor(
  connection: NetworkConnection,
  from: string,
  named: Record<string, string> = {},
): Promise<Signer> {
  const signers = await connection.ethers.getSigners();
  if (/^[a-zA-Z]\w*$/.test(from)) {
    const address = named[from];
    if (address === undefined) {
      throw new TaskError(
        `--from ${from}: not a named account of the preset (${Object.keys(named).join(", ")}), an index or an address`,
      );
    }
    const signer = signers.find((s) => s.address === getAddress(address));
    if (signer === undefined) throw new TaskError(`--from ${from} (${address}) is not one of the network's accounts`);
    return signer;
  }
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

/**
 * A 32-byte id given as itself (`0x` and 64 hex digits) or as a name or text that is hashed (keccak-256): model ids
 * (`--model llama-3-8b-instruct`), review hashes. `what` says what the option holds, for the error of an empty value.
 */
export function parseId(option: string, value: string | undefined, what: string): string {
  const text = (value ?? "").trim();
  if (text === "") throw new TaskError(`${option} is required (${what} or its 32-byte id)`);
  return isHexString(text, 32) ? text : id(text);
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

/**
 * Approves `amount` of an ERC-20 to `spender` from the signer, unless its allowance already covers it. With
 * `simulate` (the call the approval is for, as a static call), it first checks the signer's balance and simulates
 * the call, so a call that would fail for any other reason than the missing allowance fails before anything is sent.
 * The approval is recorded: if a later transaction of the task fails, the allowance is set back (no approval is left
 * behind by a failed task).
 */
export async function ensureAllowance(
  t: TaskContext,
  token: BaseContract,
  spender: string,
  amount: bigint,
  simulate?: () => Promise<unknown>,
): Promise<void> {
  // Any ERC-20 ABI will do; the devnet stablecoin's is compiled here.
  const erc20 = await t.connection.ethers.getContractAt("MockStablecoin", await token.getAddress(), t.signer);
  const unit = await unitOf(erc20);
  const show = (v: bigint) => `${formatUnits(v, unit.decimals)} ${unit.symbol}`;
  if (simulate !== undefined) {
    const balance = await erc20.balanceOf(t.me);
    if (balance < amount) {
      throw new TaskError(`${t.me} holds ${show(balance)}, ${show(amount)} needed`);
    }
  }
  const previous = await erc20.allowance(t.me, spender);
  if (previous >= amount) return;
  if (simulate !== undefined) {
    try {
      await simulate();
    } catch (error) {
      const data = revertData(error);
      const decoded = data === undefined ? null : ERC20_ERRORS.parseError(data);
      // Reverting only for the allowance not given yet means every other check passed.
      if (decoded?.name !== "ERC20InsufficientAllowance") {
        throw new TaskError(describe(error, errorInterface(t.c), t.unit));
      }
    }
  }
  await t.send(() => erc20.approve(spender, amount));
  t.approvals.push({ token: erc20, spender, previous });
}

const ERC20_ERRORS = new Interface([
  "error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)",
  "error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)",
]);

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

/** Argument names that hold an amount of tokens (shown in the task's unit), and those that never do. */
const AMOUNT =
  /amount|balance|needed|allowance|stake|deposit|cap$|minimum|maximum|debt|fee|collateral|supply|available|required|paid|owed|reward|escrow|assets|value|limit|remaining|minted/i;
const NOT_AMOUNT =
  /bps|epoch|time|^id$|id$|count|slot|tier|deadline|period|nonce|index|duration|price|class|ratio|wad|weight|block/i;

/** One decoded argument: amounts of tokens in the unit (with the base units), addresses and others as they are. */
function showArgument(name: string, type: string, value: unknown, unit?: Unit): string {
  if (unit !== undefined && /^uint/.test(type) && AMOUNT.test(name) && !NOT_AMOUNT.test(name)) {
    return `${name}: ${formatUnits(value as bigint, unit.decimals)} ${unit.symbol}`;
  }
  return `${name}: ${String(value)}`;
}

/**
 * What went wrong, in one line: a task mistake, a decoded custom error with its arguments (amounts in `unit`), or the
 * node's message. A call to an address that is not the contract expected says so.
 */
export function describe(error: unknown, errors?: Interface, unit?: Unit): string {
  if (error instanceof TaskError) return error.message;
  const data = revertData(error);
  if (data !== undefined && errors !== undefined) {
    const decoded = errors.parseError(data) ?? ERC20_ERRORS.parseError(data);
    if (decoded !== null) {
      const args = decoded.fragment.inputs.map((input, i) =>
        showArgument(input.name || String(i), input.type, decoded.args[i], unit),
      );
      return `reverted with ${decoded.name}(${args.join(", ")})`;
    }
  }
  const e = error as { shortMessage?: string; message?: string; code?: string };
  if (e.code === "BAD_DATA") {
    return "the address did not answer as the expected contract (no contract there, or another kind of contract)";
  }
  return (e.shortMessage ?? e.message ?? String(error)).split("\n")[0];
}
