import { formatEther, formatUnits, MaxUint256 } from "ethers";

import { action, ensureAllowance, need, parseAddress, parseAmount, type CommonArgs } from "./lib.js";

/** `repay --amount 500 | --amount all [--account 0x...]`: repays debt (anyone's); in full, the position's ETH returns. */
export default action<CommonArgs & { amount: string; account: string }>(async (args, t) => {
  const cm = need(t.c.creditManager, "lending", t);
  const account = args.account === "" ? t.me : parseAddress("--account", args.account);
  const stable = await t.connection.ethers.getContractAt("MockStablecoin", await t.c.stableVault!.asset());
  const [decimals, symbol] = [await stable.decimals(), await stable.symbol()];
  t.unit = { decimals: Number(decimals), symbol };
  const all = args.amount.toLowerCase() === "all";
  const amount = all ? MaxUint256 : parseAmount("--amount", args.amount, decimals);
  // Interest accrues every second: approve a little above the debt when repaying all of it.
  const approval = all ? ((await cm.debtOf(account)) * 10_001n) / 10_000n + 1n : amount;
  await ensureAllowance(t, stable, await cm.getAddress(), approval);
  const receipt = await t.send(() => cm.connect(t.signer).repay(account, amount));
  const event = receipt.logs.map((l) => cm.interface.parseLog(l)).find((e) => e?.name === "Repaid")!;
  return (
    `Repaid ${formatUnits(event.args.assets, decimals)} ${symbol} for ${account}: debt left ` +
    `${formatUnits(event.args.debtLeft, decimals)} ${symbol}, ETH returned ${formatEther(event.args.ethReturned)}`
  );
});
