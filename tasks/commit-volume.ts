import { formatUnits } from "ethers";

import {
  action,
  ensureAllowance,
  eventOf,
  need,
  parseAddress,
  parseAmount,
  parseCount,
  parseId,
  TaskError,
  type CommonArgs,
} from "./lib.js";

/**
 * `commit-volume --provider 0x... --model llama-3-8b-instruct --tokens 1000000 --rate 2 --days 30 [--penalty-bps 5000]`:
 * a consumer proposes a committed-volume contract to one provider at a fixed rate per 1,000 tokens for a term and
 * escrows the whole commitment, `ceil(tokens x rate / 1,000)`; the provider accepts it on-chain (`accept`), then settles
 * the consumer's signed vouchers. Checks the provider is active and the terms before it approves (it simulates).
 */
export default action<
  CommonArgs & { provider: string; model: string; tokens: string; rate: string; days: string; penaltyBps: string }
>(async (args, t) => {
  const volume = need(t.c.volumeContracts, "volume contracts (the market)", t);
  const provider = parseAddress("--provider", args.provider);
  const modelId = parseId("--model", args.model, "a model name");
  const tokens = parseCount("--tokens", args.tokens, 1n, 2n ** 64n - 1n);
  const rate = parseAmount("--rate", args.rate, t.unit.decimals);
  const days = parseCount("--days", args.days, 1n, 730n);
  const penaltyBps = parseCount("--penalty-bps", args.penaltyBps, 0n, 10_000n);
  const show = (v: bigint) => `${formatUnits(v, t.unit.decimals)} ${t.unit.symbol}`;
  const staking = need(t.c.staking, "provider staking", t);
  if (!(await staking.isActive(provider))) throw new TaskError(`${provider} is not an active provider`);
  const escrow = await volume.cost(tokens, rate);
  const now = BigInt((await t.connection.ethers.provider.getBlock("latest"))!.timestamp);
  const termEnd = now + days * 86_400n;
  const propose = () => volume.connect(t.signer).propose(provider, modelId, rate, tokens, termEnd, penaltyBps);
  await ensureAllowance(t, t.c.token, await volume.getAddress(), escrow, () =>
    volume.connect(t.signer).propose.staticCall(provider, modelId, rate, tokens, termEnd, penaltyBps),
  );
  const receipt = await t.send(propose);
  const commitmentId = eventOf(receipt, volume, "Proposed").args.id as bigint;
  const end = new Date(Number(termEnd) * 1000).toISOString();
  return `Proposed volume contract ${commitmentId} to ${provider}: ${tokens} tokens of ${args.model} at ${show(rate)} per 1,000 until ${end}, penalty ${penaltyBps} bps of the unused escrow (${show(escrow)} escrowed); the provider accepts it`;
});
