import { formatUnits } from "ethers";

import { action, ensureAllowance, need, parseAmount, TaskError, type CommonArgs } from "./lib.js";

/** `lp-stake --amount 1.5`: stakes the token/WETH Uniswap V2 LP tokens (18 decimals) for liquidity incentives. */
export default action<CommonArgs & { amount: string }>(async (args, t) => {
  const pool = need(t.c.lpIncentives, "liquidity incentives", t);
  const amount = parseAmount("--amount", args.amount, 18);
  const pair = await t.connection.ethers.getContractAt("MockStablecoin", await pool.stakingToken(), t.signer);
  // Checked here: the pair's transferFrom reverts with an arithmetic string, not an ERC-20 error, when the allowance
  // is missing, so the stake cannot be simulated before the approval.
  const balance = await pair.balanceOf(t.me);
  if (balance < amount) {
    throw new TaskError(`${t.me} holds ${formatUnits(balance, 18)} UNI-V2, ${formatUnits(amount, 18)} UNI-V2 needed`);
  }
  await ensureAllowance(t, pair, await pool.getAddress(), amount);
  await t.send(() => pool.connect(t.signer).stake(amount));
  return (
    `Staked ${formatUnits(amount, 18)} LP tokens: ${formatUnits(await pool.balanceOf(t.me), 18)} staked, ` +
    `earning ${await t.c.token.symbol()}`
  );
});
