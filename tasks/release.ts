import { formatUnits } from "ethers";

import { action, TaskError, type CommonArgs } from "./lib.js";

/**
 * `release --from liquidity`: releases everything vested to the signer in the preset's vesting vault (every schedule
 * whose beneficiary it is; the vault itself stays O(1) per schedule, the task reads the few schedules of a preset).
 */
export default action<CommonArgs>(async (_args, t) => {
  const vault = t.c.vestingVault;
  const count = await vault.scheduleCount();
  const decimals = await t.c.token.decimals();
  const symbol = await t.c.token.symbol();
  const lines: string[] = [];
  let total = 0n;
  let mine = 0;
  for (let id = 0n; id < count; id++) {
    const schedule = await vault.schedule(id);
    if (schedule.beneficiary !== t.me) continue;
    mine++;
    const amount = await vault.releasable(id);
    if (amount === 0n) continue;
    await t.send(() => vault.connect(t.signer).release(id));
    total += amount;
    lines.push(`  schedule ${id}: ${formatUnits(amount, decimals)} ${symbol}`);
  }
  if (mine === 0) throw new TaskError(`${t.me} is the beneficiary of no vesting schedule of this preset`);
  if (total === 0n) throw new TaskError(`nothing has vested to ${t.me} since the last release (${mine} schedules)`);
  return [
    `Released ${formatUnits(total, decimals)} ${symbol} to ${t.me}: balance ${formatUnits(await t.c.token.balanceOf(t.me), decimals)} ${symbol}`,
    ...lines,
  ].join("\n");
});
