import { formatUnits } from "ethers";

import { action, eventOf, need, type CommonArgs } from "./lib.js";

/**
 * `claim-provider-bonus`: a provider (the signer) claims the provider programs' bonuses on its market earnings settled
 * since its previous claim: availability and loyalty when it qualifies, and diversity on its earnings on models the
 * curator certified it for (weighted at each settlement by the model's rarity). A provider not enrolled yet is enrolled instead
 * (bonuses accrue on earnings settled from then on). Prints what each program paid.
 */
export default action<CommonArgs>(async (_args, t) => {
  const programs = need(t.c.providerPrograms, "provider programs", t);
  const decimals = await t.c.token.decimals();
  const symbol = await t.c.token.symbol();
  const show = (wei: bigint) => `${formatUnits(wei, decimals)} ${symbol}`;
  const standing = await t.read(() => programs.providerInfo(t.me));
  if (!standing.enrolled) {
    await t.send(() => programs.connect(t.signer).enroll());
    return `Enrolled ${t.me} in the provider programs: bonuses accrue on earnings settled from now on`;
  }
  const receipt = await t.send(() => programs.connect(t.signer).claim());
  const { basis, diversityBasis, availability, diversity, loyalty } = eventOf(receipt, programs, "BonusClaimed").args;
  return (
    `Claimed on ${show(basis)} of earnings (${show(diversityBasis)} weighted for diversity): ` +
    `availability ${show(availability)}, diversity ${show(diversity)}, loyalty ${show(loyalty)}`
  );
});
