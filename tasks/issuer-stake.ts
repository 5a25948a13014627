import { formatUnits } from "ethers";

import { action, ensureAllowance, need, parseAmount, type CommonArgs } from "./lib.js";

const STATUS = ["Unverified", "Verified", "Suspended"];

/** `issuer-stake --amount 50000`: stakes QUT as an issuer (verified status and resource slots). */
export default action<CommonArgs & { amount: string }>(async (args, t) => {
  const registry = need(t.c.issuerRegistry, "issuer platform", t);
  const decimals = await t.c.token.decimals();
  const amount = parseAmount("--amount", args.amount, decimals);
  await ensureAllowance(t, t.c.token, await registry.getAddress(), amount, () =>
    registry.connect(t.signer).stake.staticCall(amount),
  );
  await t.send(() => registry.connect(t.signer).stake(amount));
  const info = await registry.issuerInfo(t.me);
  return (
    `Staked ${formatUnits(amount, decimals)} ${await t.c.token.symbol()}: issuer ${STATUS[Number(await registry.statusOf(t.me))]}, ` +
    `stake ${formatUnits(info.stake, decimals)}, slots ${info.slotsUsed} of ${await registry.slotCapacity(t.me)}`
  );
});
