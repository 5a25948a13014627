import { readFile } from "node:fs/promises";

import { formatUnits } from "ethers";

import { action, eventOf, need, TaskError, type CommonArgs } from "./lib.js";
import { parseVoucherFile } from "./voucher.js";

/**
 * `settle --voucher voucher.json`: the provider (the signer) settles a consumer-signed voucher (a file written by
 * `sign-voucher`, or its JSON inline). The market pays what the voucher's cumulative amount adds to the channel's last
 * settlement, less the discounts, split by the fee table; the settlement becomes a challenge subject for the
 * challenge window.
 */
export default action<CommonArgs & { voucher: string }>(async (args, t) => {
  const market = need(t.c.inferenceMarket, "inference market", t);
  if (args.voucher.trim() === "") throw new TaskError("--voucher is required (a voucher file or its JSON)");
  const inline = args.voucher.trim().startsWith("{");
  let text: string;
  if (inline) text = args.voucher;
  else {
    try {
      text = await readFile(args.voucher, "utf8");
    } catch (error) {
      throw new TaskError(`--voucher ${args.voucher}: ${(error as Error).message}`);
    }
  }
  const file = parseVoucherFile(text, inline ? "--voucher" : args.voucher);
  const { chainId } = await t.connection.ethers.provider.getNetwork();
  const address = await market.getAddress();
  if (file.market !== address || file.chainId !== chainId) {
    throw new TaskError(
      `the voucher was signed for market ${file.market} on chain ${file.chainId}; this preset's market is ${address} on chain ${chainId}`,
    );
  }
  const [, earnedBefore] = await market.earningsOf(t.me);
  const receipt = await t.send(() => market.connect(t.signer).settle(file.voucher, file.signature));
  const settled = eventOf(receipt, market, "Settled");
  const [unclaimed, earnedAfter] = await market.earningsOf(t.me);
  const decimals = await t.c.token.decimals();
  const symbol = await t.c.token.symbol();
  const f = (v: bigint) => `${formatUnits(v, decimals)} ${symbol}`;
  const a = settled.args;
  return (
    `Settled subject ${a.subjectId}: ${f(a.amount)} of list value (${a.tokens} tokens) from ${file.voucher.consumer}; ` +
    `charged ${f(a.baseFee + a.priorityFee)} (discount ${Number(a.discountBps) / 100}%, priority ${f(a.priorityFee)}); ` +
    `provider's part ${f(earnedAfter - earnedBefore)}, unclaimed earnings ${f(unclaimed)}`
  );
});
