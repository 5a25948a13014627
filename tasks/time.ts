import { action, parseCount, TaskError, type CommonArgs } from "./lib.js";

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400 };

/**
 * `time --forward 7d`: moves a devnet's clock forward and mines a block (chain 31337 only: a public chain's time
 * cannot be moved). Units: s, m, h, d.
 */
export default action<CommonArgs & { forward: string }>(async (args, t) => {
  const { provider } = t.connection.ethers;
  const chainId = Number((await provider.getNetwork()).chainId);
  if (chainId !== 31337)
    throw new TaskError(`time travel works on a devnet only (chain 31337), this is chain ${chainId}`);
  const match = /^(\d+)([smhd])$/.exec(args.forward);
  if (match === null)
    throw new TaskError(`--forward must be a duration such as 90s, 30m, 12h or 7d, got "${args.forward}"`);
  const seconds = parseCount("--forward", match[1], 1n) * BigInt(UNITS[match[2]]);
  await provider.send("evm_increaseTime", [Number(seconds)]);
  await provider.send("evm_mine", []);
  const latest = await provider.getBlock("latest");
  return `Moved ${seconds} s forward: the latest block's time is ${new Date(latest!.timestamp * 1000).toISOString()}`;
});
