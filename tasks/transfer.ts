import { formatUnits } from "ethers";

import { action, parseAddress, parseAmount, TaskError, type CommonArgs } from "./lib.js";

/** `transfer --to 0x... --amount 20000 --from liquidity`: sends the preset's token (fund a devnet account). */
export default action<CommonArgs & { to: string; amount: string }>(async (args, t) => {
  const to = parseAddress("--to", args.to);
  const decimals = await t.c.token.decimals();
  const symbol = await t.c.token.symbol();
  const amount = parseAmount("--amount", args.amount, decimals);
  const balance = await t.c.token.balanceOf(t.me);
  if (balance < amount) {
    throw new TaskError(
      `${t.me} holds ${formatUnits(balance, decimals)} ${symbol}, ${formatUnits(amount, decimals)} ${symbol} needed`,
    );
  }
  await t.send(() => t.c.token.connect(t.signer).transfer(to, amount));
  return `Sent ${formatUnits(amount, decimals)} ${symbol} to ${to}: its balance ${formatUnits(await t.c.token.balanceOf(to), decimals)} ${symbol}`;
});
