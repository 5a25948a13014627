import { formatUnits } from "ethers";

import { action, need, parseAmount, type CommonArgs } from "./lib.js";

/** `unbond --amount 2500`: moves stake into the unbonding queue; withdrawable after the unbonding period. */
export default action<CommonArgs & { amount: string }>(async (args, t) => {
  const staking = need(t.c.staking, "provider staking", t);
  const decimals = await t.c.token.decimals();
  const amount = parseAmount("--amount", args.amount, decimals);
  const receipt = await t.send(() => staking.connect(t.signer).unbond(amount));
  const event = receipt.logs
    .map((log) => staking.interface.parseLog(log))
    .find((parsed) => parsed?.name === "Unbonded");
  if (event === undefined || event === null) throw new Error("no Unbonded event");
  const index = event.args.index as bigint;
  const when = new Date(Number(event.args.unlockAt as bigint) * 1000).toISOString();
  return `Unbonding ${formatUnits(amount, decimals)} ${await t.c.token.symbol()}: request ${index}, withdrawable from ${when}`;
});
