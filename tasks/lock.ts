import { formatUnits } from "ethers";

import { action, ensureAllowance, need, parseAmount, parseCount, TaskError, type CommonArgs } from "./lib.js";

const WEEK = 7n * 86_400n;

/**
 * `lock --amount 10000 --weeks 208`: locks tokens in the VoteLocker. Without a lock, opens one for `--weeks` (ends
 * are rounded down to a week boundary); with a lock, adds `--amount` to it (same end, `--weeks` not taken).
 */
export default action<CommonArgs & { amount: string; weeks?: string }>(async (args, t) => {
  const locker = need(t.c.voteLocker, "lock module", t);
  const decimals = await t.c.token.decimals();
  const symbol = await t.c.token.symbol();
  const amount = parseAmount("--amount", args.amount, decimals);
  const current = await locker.lockOf(t.me);
  const topUp = current.amount > 0n;
  let duration = 0n;
  if (!topUp) {
    const maxWeeks = (await locker.config()).maxLockDuration / WEEK;
    if (args.weeks === undefined) throw new TaskError(`--weeks is required for a new lock (1 to ${maxWeeks})`);
    duration = parseCount("--weeks", args.weeks, 1n, maxWeeks) * WEEK;
  } else if (args.weeks !== undefined) {
    throw new TaskError("--weeks only opens a new lock: use extend-lock to lengthen the running one");
  }
  const spender = await locker.getAddress();
  await ensureAllowance(t, t.c.token, spender, amount, () =>
    topUp
      ? locker.connect(t.signer).increaseAmount.staticCall(amount)
      : locker.connect(t.signer).createLock.staticCall(amount, duration),
  );
  await t.send(() =>
    topUp ? locker.connect(t.signer).increaseAmount(amount) : locker.connect(t.signer).createLock(amount, duration),
  );
  const lock = await locker.lockOf(t.me);
  const end = new Date(Number(lock.end) * 1000).toISOString();
  return (
    `${topUp ? "Added" : "Locked"} ${formatUnits(amount, decimals)} ${symbol}: lock ${formatUnits(lock.amount, decimals)} ` +
    `${symbol} until ${end}, votes ${formatUnits(await locker.getVotes(t.me), decimals)}`
  );
});
