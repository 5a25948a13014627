import { formatUnits, id, isHexString, ZeroHash } from "ethers";

import { action, eventOf, need, TaskError, type CommonArgs } from "./lib.js";

/**
 * `claim-provider-bonus --model llama-3-8b-instruct`: a provider (the signer) claims the provider programs' bonuses on
 * its market earnings settled since its previous claim: availability and loyalty when it qualifies, and the diversity
 * bonus of `--model` (a model it serves: a name, hashed, or a 32-byte id; omit it to claim without diversity). A
 * provider not enrolled yet is enrolled instead (bonuses accrue on earnings settled from then on). Prints what each
 * program paid.
 */
export default action<CommonArgs & { model: string }>(async (args, t) => {
  const programs = need(t.c.providerPrograms, "provider programs", t);
  const modelId = args.model.trim() === "" ? ZeroHash : isHexString(args.model, 32) ? args.model : id(args.model);
  const decimals = await t.c.token.decimals();
  const symbol = await t.c.token.symbol();
  const show = (wei: bigint) => `${formatUnits(wei, decimals)} ${symbol}`;
  const standing = await t.read(() => programs.providerInfo(t.me));
  if (!standing.enrolled) {
    await t.send(() => programs.connect(t.signer).enroll());
    return `Enrolled ${t.me} in the provider programs: bonuses accrue on earnings settled from now on`;
  }
  if (modelId !== ZeroHash && !(await t.read(() => t.c.modelCatalog!.isServing(modelId, t.me)))) {
    throw new TaskError(`--model ${args.model}: ${t.me} does not serve this model (list it first, or omit --model)`);
  }
  const receipt = await t.send(() => programs.connect(t.signer).claim(modelId));
  const { basis, availability, diversity, loyalty } = eventOf(receipt, programs, "BonusClaimed").args;
  return (
    `Claimed on ${show(basis)} of earnings: availability ${show(availability)}, diversity ${show(diversity)}, ` +
    `loyalty ${show(loyalty)}`
  );
});
