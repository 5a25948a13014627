import { formatUnits } from "ethers";

import { action, ensureAllowance, need, parseAmount, type CommonArgs } from "./lib.js";

const TIERS = ["none (inactive)", "Bronze", "Silver", "Gold", "Platinum"];

/** `stake --amount 10000`: self-stake as a provider; the first stake registers the caller. */
export default action<CommonArgs & { amount: string }>(async (args, t) => {
  const staking = need(t.c.staking, "provider staking", t);
  const decimals = await t.c.token.decimals();
  const amount = parseAmount("--amount", args.amount, decimals);
  const symbol = await t.c.token.symbol();
  const registered = await staking.isRegistered(t.me);
  await ensureAllowance(t, t.c.token, await staking.getAddress(), amount, () =>
    registered
      ? staking.connect(t.signer).stake.staticCall(amount)
      : staking.connect(t.signer).registerProvider.staticCall(amount),
  );
  await t.send(() =>
    registered ? staking.connect(t.signer).stake(amount) : staking.connect(t.signer).registerProvider(amount),
  );
  const tier = await staking.tierOf(t.me);
  return (
    `${registered ? "Staked" : "Registered as a provider with"} ${formatUnits(amount, decimals)} ${symbol}: ` +
    `self-stake ${formatUnits(tier.selfStake, decimals)} ${symbol}, tier ${TIERS[Number(tier.tier)]}`
  );
});
