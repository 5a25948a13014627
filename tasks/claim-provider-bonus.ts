import { formatUnits, id, isAddress, isHexString } from "ethers";

import { action, eventOf, need, TaskError, type CommonArgs } from "./lib.js";

/**
 * `claim-provider-bonus`: a provider (the signer) claims the provider programs' availability and loyalty bonuses on
 * its market earnings settled since its previous claim. With `--consumer 0x... --model llama-3-8b-instruct` it claims
 * the diversity bonus on its channel with that consumer for that model instead (no priority, not batch, the pair's
 * current epoch): on the list value settled on it since it was last counted, at the rate of a model it has served for
 * at least 30 days. A provider not enrolled yet is enrolled instead (bonuses accrue on earnings settled from then on).
 * Prints what was paid.
 */
export default action<CommonArgs & { model?: string; consumer?: string }>(async (args, t) => {
  const programs = need(t.c.providerPrograms, "provider programs", t);
  const model = args.model?.trim() ?? "";
  const consumer = args.consumer?.trim() ?? "";
  if ((model === "") !== (consumer === "")) {
    throw new TaskError("--model and --consumer go together (the diversity bonus is claimed on one channel)");
  }
  if (consumer !== "" && !isAddress(consumer)) throw new TaskError(`--consumer must be an address, got ${consumer}`);
  const decimals = await t.c.token.decimals();
  const symbol = await t.c.token.symbol();
  const show = (wei: bigint) => `${formatUnits(wei, decimals)} ${symbol}`;
  const standing = await t.read(() => programs.providerInfo(t.me));
  if (!standing.enrolled) {
    await t.send(() => programs.connect(t.signer).enroll());
    return `Enrolled ${t.me} in the provider programs: bonuses accrue on earnings settled from now on`;
  }
  if (model === "") {
    const receipt = await t.send(() => programs.connect(t.signer).claim());
    const { basis, availability, loyalty } = eventOf(receipt, programs, "BonusClaimed").args;
    return `Claimed on ${show(basis)} of earnings: availability ${show(availability)}, loyalty ${show(loyalty)}`;
  }

  const modelId = isHexString(model, 32) ? model : id(model);
  const serving = await t.read(() => t.c.modelCatalog!.servingInfo(modelId, t.me));
  if (serving.since === 0n) {
    throw new TaskError(`--model ${model}: ${t.me} does not serve this model`);
  }
  const period = await t.read(() => programs.PERIOD());
  const now = BigInt((await t.connection.ethers.provider.getBlock("latest"))!.timestamp);
  if (now < serving.since + period) {
    const opens = new Date(Number(serving.since + period) * 1000).toISOString();
    throw new TaskError(`--model ${model}: served since less than 30 days; its diversity bonus opens at ${opens}`);
  }
  const epoch = (await t.read(() => t.c.inferenceMarket!.reserveOf(consumer, t.me))).epoch;
  const channel = { consumer, modelId, priorityBps: 0n, batch: false, epoch };
  const receipt = await t.send(() => programs.connect(t.signer).claimDiversity(channel));
  const { basis, rateBps, amount } = eventOf(receipt, programs, "DiversityClaimed").args;
  return (
    `Claimed diversity on the channel with ${consumer} (${model}): ${rateBps} bps of ${show(basis)} ` +
    `(the least earnings on its newly settled value): ${show(amount)}`
  );
});
