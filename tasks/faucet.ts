import { formatUnits } from "ethers";

import { requireDevnet, stablecoin } from "./devnet.js";
import { action, parseAddress, parseAmount, type CommonArgs } from "./lib.js";

/**
 * `faucet --to 0x... --amount 5000`: mints the devnet stablecoin (the lending stand-in, anyone may mint) to an
 * account (devnets only; the preset's token is funded with `transfer`).
 */
export default action<CommonArgs & { to: string; amount: string }>(async (args, t) => {
  await requireDevnet(t, "the stablecoin faucet");
  const { stable, decimals, symbol } = await stablecoin(t);
  const to = parseAddress("--to", args.to);
  const amount = parseAmount("--amount", args.amount, decimals);
  await t.send(() => stable.mint(to, amount));
  return `Minted ${formatUnits(amount, decimals)} ${symbol} to ${to}: its balance ${formatUnits(await stable.balanceOf(to), decimals)} ${symbol}`;
});
