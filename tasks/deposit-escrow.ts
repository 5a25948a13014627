import { formatUnits } from "ethers";

import { action, ensureAllowance, need, parseAmount, type CommonArgs } from "./lib.js";

/**
 * `deposit-escrow --amount 1000`: a consumer deposits tokens into the inference market's escrow, from which the
 * vouchers it signs are settled. Checks the balance and simulates before it approves.
 */
export default action<CommonArgs & { amount: string }>(async (args, t) => {
  const market = need(t.c.inferenceMarket, "inference market", t);
  const decimals = await t.c.token.decimals();
  const symbol = await t.c.token.symbol();
  const amount = parseAmount("--amount", args.amount, decimals);
  await ensureAllowance(t, t.c.token, await market.getAddress(), amount, () =>
    market.connect(t.signer).deposit.staticCall(amount),
  );
  await t.send(() => market.connect(t.signer).deposit(amount));
  const escrow = (await market.accountOf(t.me)).balance;
  return `Deposited ${formatUnits(amount, decimals)} ${symbol} into escrow: ${t.me} has ${formatUnits(escrow, decimals)} ${symbol} in escrow`;
});
