import { writeFile } from "node:fs/promises";

import { AbiCoder, formatUnits, keccak256 } from "ethers";

import { signVoucher } from "../scripts/lib/voucher.js";
import { action, need, parseAddress, parseAmount, parseCount, parseId, type CommonArgs } from "./lib.js";
import { voucherJson, type VoucherFile } from "./voucher.js";

interface SignArgs extends CommonArgs {
  provider: string;
  model: string;
  amount: string;
  tokens: string;
  priority: string;
  batch: boolean;
  validFor: string;
  out: string;
}

/**
 * `sign-voucher --provider 0x... --model llama-3-8b-instruct --amount 100 --tokens 100000 --out voucher.json`: the
 * consumer (the signer) signs an EIP-712 usage voucher for its channel with a provider: the channel's cumulative list
 * value (`--amount`, in tokens) and cumulative generated tokens, at the epoch of its reserve for the provider. A voucher
 * draws only on that reserve, so if it holds less than the voucher's increase (with its priority fee) the consumer
 * first reserves the difference from its unreserved escrow. The provider settles it with `settle`. `--model` is a model name (its keccak256 is the id) or a 32-byte id; `--priority` is in bps (0, or 5-20%
 * in QUIVer); `--batch` marks a batch channel; `--valid-for` is in hours. Without `--out` the JSON is printed.
 */
export default action<SignArgs>(async (args, t) => {
  const market = need(t.c.inferenceMarket, "inference market", t);
  const provider = parseAddress("--provider", args.provider);
  const modelId = parseId("--model", args.model, "a model name");
  const decimals = await t.c.token.decimals();
  const amount = parseAmount("--amount", args.amount, decimals);
  const tokens = parseCount("--tokens", args.tokens, 1n);
  const priorityBps = parseCount("--priority", args.priority, 0n, 10_000n);
  const hours = parseCount("--valid-for", args.validFor, 1n);
  const latest = await t.connection.ethers.provider.getBlock("latest");
  const { chainId } = await t.connection.ethers.provider.getNetwork();
  const reserve = await market.reserveOf(t.me, provider);
  const key = keccak256(
    AbiCoder.defaultAbiCoder().encode(
      ["address", "address", "bytes32", "uint256", "bool", "uint256"],
      [t.me, provider, modelId, priorityBps, args.batch, reserve.epoch],
    ),
  );
  const increase = amount - (await market.channel(key)).settledAmount;
  // The most the increase can be charged: its list value plus the priority fee (rounded up), no discount.
  const most = increase + (increase * priorityBps + 9_999n) / 10_000n;
  const shortfall = most - reserve.deposits - reserve.credits;
  if (increase > 0n && shortfall > 0n) {
    await t.send(() => market.connect(t.signer).reserve(provider, shortfall));
  }
  const file: VoucherFile = {
    market: await market.getAddress(),
    chainId,
    voucher: {
      consumer: t.me,
      provider,
      batch: args.batch,
      modelId,
      priorityBps,
      epoch: reserve.epoch,
      cumulativeAmount: amount,
      cumulativeTokens: tokens,
      deadline: BigInt(latest!.timestamp) + hours * 3_600n,
    },
    signature: "",
  };
  file.signature = await signVoucher(t.signer, file.market, chainId, file.voucher);
  const json = voucherJson(file);
  if (args.out === "") return json;
  await writeFile(args.out, json + "\n");
  const symbol = await t.c.token.symbol();
  const reserved =
    increase > 0n && shortfall > 0n ? ` (reserved ${formatUnits(shortfall, decimals)} ${symbol} for it first)` : "";
  return (
    `Signed a voucher for ${provider}: cumulative ${formatUnits(amount, decimals)} ${symbol}, ` +
    `${tokens} tokens, model ${modelId}, valid until ${new Date(Number(file.voucher.deadline) * 1000).toISOString()}; ` +
    `written to ${args.out}${reserved}`
  );
});
