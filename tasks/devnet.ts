/**
 * What the devnet-only tasks share: a check that the chain is a devnet (chain 31337) and the lending stand-ins the
 * deploy script recorded in the preset's inputs (the faucet stablecoin and the settable price feeds).
 */
import { TaskError, need, type TaskContext } from "./lib.js";

/** Throws unless the chain is a devnet: `what` cannot be done on a public chain. */
export async function requireDevnet(t: TaskContext, what: string): Promise<void> {
  const chainId = Number((await t.connection.ethers.provider.getNetwork()).chainId);
  if (chainId !== 31337) throw new TaskError(`${what} works on a devnet only (chain 31337), this is chain ${chainId}`);
}

/** The preset's lending inputs (stablecoin, feeds, router), or a TaskError naming the preset that has them. */
export function lendingInputs(t: TaskContext) {
  return need(t.entry.inputs.lending, "lending (stablecoin and price feeds)", t);
}

/** The stablecoin of the preset's lending, with its unit. */
export async function stablecoin(t: TaskContext) {
  const stable = await t.connection.ethers.getContractAt("MockStablecoin", lendingInputs(t).stable, t.signer);
  return { stable, decimals: Number(await stable.decimals()), symbol: await stable.symbol() };
}
