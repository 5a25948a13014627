import { formatEther, formatUnits } from "ethers";

import { action, ensureAllowance, need, parseAddress, parseAmount, type CommonArgs } from "./lib.js";

/** `liquidate --account 0x... --amount 2000`: repays up to `--amount` of an unhealthy position, takes its ETH first. */
export default action<CommonArgs & { account: string; amount: string }>(async (args, t) => {
  const cm = need(t.c.creditManager, "lending", t);
  const account = parseAddress("--account", args.account);
  const stable = await t.connection.ethers.getContractAt("MockStablecoin", await t.c.stableVault!.asset());
  const [decimals, symbol] = [await stable.decimals(), await stable.symbol()];
  const maxRepay = parseAmount("--amount", args.amount, decimals);
  t.unit = { decimals: Number(decimals), symbol };
  // The liquidator also pays the insurance fee (a share of the bonus, at most 15% of the repayment).
  await ensureAllowance(t, stable, await cm.getAddress(), (maxRepay * 115n) / 100n);
  const receipt = await t.send(() => cm.connect(t.signer).liquidate(account, maxRepay));
  const event = receipt.logs.map((l) => cm.interface.parseLog(l)).find((e) => e?.name === "Liquidated")!;
  return (
    `Liquidated ${account}: repaid ${formatUnits(event.args.repaid, decimals)} ${symbol} (+ ${formatUnits(event.args.fee, decimals)} ` +
    `to the insurance fund), seized ${formatEther(event.args.ethSeized)} ETH and ${formatEther(event.args.collateralSeized)} ` +
    `${await t.c.token.symbol()}; debt left ${formatUnits(await cm.debtOf(account), decimals)} ${symbol}`
  );
});
