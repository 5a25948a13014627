import { formatUnits } from "ethers";

import { action, eventOf, need, type CommonArgs } from "./lib.js";

/** `claim-lock-rewards`: claims the signer's long-term rewards from the VoteLocker. */
export default action<CommonArgs>(async (_args, t) => {
  const locker = need(t.c.voteLocker, "lock module", t);
  const receipt = await t.send(() => locker.connect(t.signer).claim());
  const paid = eventOf(receipt, locker, "RewardPaid").args.amount as bigint;
  return `Claimed ${formatUnits(paid, await t.c.token.decimals())} ${await t.c.token.symbol()} of lock rewards`;
});
