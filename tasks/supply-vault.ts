import { formatUnits } from "ethers";

import { stablecoin } from "./devnet.js";
import { action, ensureAllowance, need, parseAmount, type CommonArgs } from "./lib.js";

/**
 * `supply-vault --amount 100000`: a lender deposits the stablecoin into the stable vault (ERC-4626), which funds
 * borrowing; the shares go to the signer. Checks the balance and simulates before it approves.
 */
export default action<CommonArgs & { amount: string }>(async (args, t) => {
  const vault = need(t.c.stableVault, "stable vault (lending)", t);
  const { stable, decimals, symbol } = await stablecoin(t);
  t.unit = { decimals, symbol };
  const amount = parseAmount("--amount", args.amount, decimals);
  await ensureAllowance(t, stable, await vault.getAddress(), amount, () =>
    vault.connect(t.signer).deposit.staticCall(amount, t.me),
  );
  await t.send(() => vault.connect(t.signer).deposit(amount, t.me));
  const f = (v: bigint) => formatUnits(v, decimals);
  return (
    `Supplied ${f(amount)} ${symbol} to the stable vault: ${f(await vault.maxWithdraw(t.me))} ${symbol} withdrawable by ` +
    `${t.me}, vault assets ${f(await vault.totalAssets())} ${symbol}`
  );
});
