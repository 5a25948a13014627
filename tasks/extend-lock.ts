import { formatUnits } from "ethers";

import { action, need, parseCount, type CommonArgs } from "./lib.js";

const WEEK = 7n * 86_400n;

/** `extend-lock --weeks 208`: moves the end of the running lock to `--weeks` from now (never earlier). */
export default action<CommonArgs & { weeks: string }>(async (args, t) => {
  const locker = need(t.c.voteLocker, "lock module", t);
  const maxWeeks = (await locker.config()).maxLockDuration / WEEK;
  const duration = parseCount("--weeks", args.weeks, 1n, maxWeeks) * WEEK;
  await t.send(() => locker.connect(t.signer).extendLock(duration));
  const lock = await locker.lockOf(t.me);
  const decimals = await t.c.token.decimals();
  return (
    `Lock extended to ${new Date(Number(lock.end) * 1000).toISOString()}: votes ` +
    `${formatUnits(await locker.getVotes(t.me), decimals)}`
  );
});
