import { formatUnits } from "ethers";

import { action, eventOf, need, type CommonArgs } from "./lib.js";

/**
 * `unlock`: withdraws an ended lock. `unlock --early`: leaves a running lock now, paying the early-exit penalty
 * (a share of the amount that falls with the time left) to the remaining lockers.
 */
export default action<CommonArgs & { early: boolean }>(async (args, t) => {
  const locker = need(t.c.voteLocker, "lock module", t);
  const decimals = await t.c.token.decimals();
  const symbol = await t.c.token.symbol();
  const show = (v: bigint) => `${formatUnits(v, decimals)} ${symbol}`;
  if (args.early) {
    const receipt = await t.send(() => locker.connect(t.signer).exitEarly());
    const e = eventOf(receipt, locker, "ExitedEarly");
    return `Exited early: ${show(e.args.returned as bigint)} returned, ${show(e.args.penalty as bigint)} penalty to the remaining lockers`;
  }
  const receipt = await t.send(() => locker.connect(t.signer).withdraw());
  return `Withdrew ${show(eventOf(receipt, locker, "Withdrawn").args.amount as bigint)}`;
});
