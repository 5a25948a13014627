import { formatUnits, parseUnits } from "ethers";

import { lendingInputs, requireDevnet } from "./devnet.js";
import { action, TaskError, type CommonArgs } from "./lib.js";

/**
 * `set-price --asset qer --usd 1`: publishes a new round on a devnet price feed (the lending stand-ins; its owner,
 * the deployer, signs: `--from 0`). A fresh round also keeps the lending oracle's staleness check happy.
 */
export default action<CommonArgs & { asset: string; usd: string }>(async (args, t) => {
  await requireDevnet(t, "setting a price");
  const lending = lendingInputs(t);
  const feeds: Record<string, string> = { qer: lending.qerFeed, eth: lending.ethFeed };
  const address = feeds[args.asset];
  if (address === undefined) throw new TaskError(`--asset must be one of qer, eth, got "${args.asset}"`);
  const feed = await t.connection.ethers.getContractAt("MockAggregatorV3", address, t.signer);
  const decimals = Number(await feed.decimals());
  let answer: bigint;
  try {
    answer = parseUnits(args.usd.replace(/_/g, ""), decimals);
  } catch {
    throw new TaskError(`--usd must be a price in dollars with at most ${decimals} decimals, got "${args.usd}"`);
  }
  if (answer <= 0n) throw new TaskError(`--usd must be positive, got "${args.usd}"`);
  const before = (await feed.latestRoundData())[1];
  await t.send(() => feed.setAnswer(answer));
  return `${args.asset.toUpperCase()} price: $${formatUnits(before, decimals)} -> $${formatUnits(answer, decimals)} (feed ${address})`;
});
