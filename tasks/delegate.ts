import { formatUnits } from "ethers";

import { action, ensureAllowance, need, parseAddress, parseAmount, type CommonArgs } from "./lib.js";

/** `delegate --provider 0x... --amount 5000`: delegates stake to an active provider. */
export default action<CommonArgs & { provider: string; amount: string }>(async (args, t) => {
  const staking = need(t.c.staking, "provider staking", t);
  const provider = parseAddress("--provider", args.provider);
  const decimals = await t.c.token.decimals();
  const amount = parseAmount("--amount", args.amount, decimals);
  const symbol = await t.c.token.symbol();
  await ensureAllowance(t, t.c.token, await staking.getAddress(), amount, () =>
    staking.connect(t.signer).delegate.staticCall(provider, amount),
  );
  await t.send(() => staking.connect(t.signer).delegate(provider, amount));
  const position = await staking.positionOf(t.me);
  return `Delegated ${formatUnits(amount, decimals)} ${symbol} to ${provider}: position ${formatUnits(position.stake, decimals)} ${symbol}`;
});
