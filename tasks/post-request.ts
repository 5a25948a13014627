import { formatUnits, id } from "ethers";

import {
  action,
  ensureAllowance,
  eventOf,
  need,
  parseAmount,
  parseCount,
  parseId,
  TaskError,
  type CommonArgs,
} from "./lib.js";

/**
 * `post-request --model llama-3-8b-instruct --tokens 1000000 --max-price 0.002 [--bid-hours 1] [--reveal-hours 2]`:
 * a consumer posts an inference request to the sealed-bid auction and escrows `tokens x max price`; providers commit
 * sealed bids until the bidding deadline (now + bid hours) and reveal them until the reveal deadline (bidding deadline
 * + reveal hours). Checks the model, the escrow against the governed minimum and simulates before it approves.
 */
export default action<
  CommonArgs & { model: string; tokens: string; maxPrice: string; bidHours: string; revealHours: string }
>(async (args, t) => {
  const auction = need(t.c.requestAuction, "request auction (the market)", t);
  const modelId = parseId("--model", args.model, "a model name");
  const tokens = parseCount("--tokens", args.tokens, 1n, 2n ** 64n - 1n);
  const maxPrice = parseAmount("--max-price", args.maxPrice, t.unit.decimals);
  const bidHours = parseCount("--bid-hours", args.bidHours, 1n);
  const revealHours = parseCount("--reveal-hours", args.revealHours, 1n);
  const show = (v: bigint) => `${formatUnits(v, t.unit.decimals)} ${t.unit.symbol}`;
  const catalog = need(t.c.modelCatalog, "model catalogue (the market)", t);
  if (!(await catalog.modelInfo(modelId)).listed) throw new TaskError(`model ${args.model} is not in the catalogue`);
  const escrow = tokens * maxPrice;
  const minEscrow = await auction.parameter(id("market.auctionMinEscrow"));
  if (escrow < minEscrow) throw new TaskError(`the escrow ${show(escrow)} is below the minimum ${show(minEscrow)}`);
  const now = BigInt((await t.connection.ethers.provider.getBlock("latest"))!.timestamp);
  // A minute of slack: the transaction lands a few blocks after this read.
  const bidDeadline = now + bidHours * 3_600n + 60n;
  const revealDeadline = bidDeadline + revealHours * 3_600n;
  const post = () => auction.connect(t.signer).post(modelId, tokens, maxPrice, bidDeadline, revealDeadline);
  await ensureAllowance(t, t.c.token, await auction.getAddress(), escrow, () =>
    auction.connect(t.signer).post.staticCall(modelId, tokens, maxPrice, bidDeadline, revealDeadline),
  );
  const receipt = await t.send(post);
  const requestId = eventOf(receipt, auction, "RequestPosted").args.requestId as bigint;
  const at = (s: bigint) => new Date(Number(s) * 1000).toISOString();
  return `Posted request ${requestId}: ${tokens} tokens of ${args.model} at most ${show(maxPrice)} each (${show(escrow)} escrowed); bids until ${at(bidDeadline)}, reveals until ${at(revealDeadline)}`;
});
