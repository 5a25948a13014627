import { formatEther, formatUnits } from "ethers";

import { action, ensureAllowance, need, parseAmount, type CommonArgs } from "./lib.js";

/**
 * `borrow --amount 1000 [--collateral 2000] [--min-eth 0.25]`: locks `--collateral` QER first if given, then draws
 * `--amount` of the stablecoin: half is paid out, half buys ETH for the reserve (recorded against the position), at
 * least `--min-eth` ETH if given.
 */
export default action<CommonArgs & { amount: string; collateral: string; minEth: string }>(async (args, t) => {
  const cm = need(t.c.creditManager, "lending", t);
  const stable = await t.connection.ethers.getContractAt("MockStablecoin", await t.c.stableVault!.asset());
  const [qerDecimals, stableDecimals, stableSymbol] = [
    await t.c.token.decimals(),
    await stable.decimals(),
    await stable.symbol(),
  ];
  const amount = parseAmount("--amount", args.amount, stableDecimals);
  const minEthOut = args.minEth === "" ? 0n : parseAmount("--min-eth", args.minEth, 18);
  if (args.collateral !== "") {
    const collateral = parseAmount("--collateral", args.collateral, qerDecimals);
    await ensureAllowance(t, t.c.token, await cm.getAddress(), collateral);
    await t.send(() => cm.connect(t.signer).addCollateral(t.me, collateral));
  }
  t.unit = { decimals: Number(stableDecimals), symbol: stableSymbol };
  const latest = await t.connection.ethers.provider.getBlock("latest");
  const receipt = await t.send(() => cm.connect(t.signer).borrow(amount, minEthOut, BigInt(latest!.timestamp) + 600n));
  const event = receipt.logs.map((l) => cm.interface.parseLog(l)).find((e) => e?.name === "Borrowed")!;
  const position = await cm.position(t.me);
  return [
    `Borrowed ${formatUnits(amount, stableDecimals)} ${stableSymbol}: ${formatUnits(event.args.paidOut, stableDecimals)} paid out, ` +
      `${formatUnits(event.args.swapped, stableDecimals)} swapped to ${formatEther(event.args.ethBought)} ETH ` +
      `(${formatEther(event.args.ethToPosition)} ETH recorded to the position)`,
    `  debt ${formatUnits(await cm.debtOf(t.me), stableDecimals)} ${stableSymbol} of at most ${formatUnits(await cm.maxDebtOf(t.me), stableDecimals)}, ` +
      `collateral ${formatUnits(position.collateral, qerDecimals)} ${await t.c.token.symbol()}`,
  ].join("\n");
});
