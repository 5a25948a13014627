import { formatUnits } from "ethers";

import { action, ensureAllowance, need, TaskError, type CommonArgs } from "./lib.js";

/**
 * `buy-app --app 1`: buys a paid application of the developer programs at its listed price: 70% to its developer, the
 * rest through the market's fee split. Checks the balance and simulates before it approves.
 */
export default action<CommonArgs & { app: string }>(async (args, t) => {
  const programs = need(t.c.developerPrograms, "developer programs", t);
  const decimals = await t.c.token.decimals();
  const symbol = await t.c.token.symbol();
  if (!/^[1-9][0-9]*$/.test(args.app)) throw new TaskError(`--app must be an app id (1, 2, ...), got "${args.app}"`);
  const appId = BigInt(args.app);
  const { developer, price } = await programs.app(appId);
  if (price === 0n) throw new TaskError(`app ${appId} is not for sale`);
  await ensureAllowance(t, t.c.token, await programs.getAddress(), price, () =>
    programs.connect(t.signer).buyApp.staticCall(appId, price),
  );
  await t.send(() => programs.connect(t.signer).buyApp(appId, price));
  return `Bought app ${appId} for ${formatUnits(price, decimals)} ${symbol} (developer ${developer})`;
});
