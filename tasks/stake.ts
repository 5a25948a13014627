import { formatUnits } from "ethers";

import { action, ensureAllowance, need, parseAmount, parseCount, type CommonArgs } from "./lib.js";

const TIERS = ["none (inactive)", "Bronze", "Silver", "Gold", "Platinum"];

/**
 * `stake --amount 10000 [--lock-days 365]`: self-stake as a provider; the first stake registers the caller. With
 * `--lock-days`, the position is then locked for that many days (a lock is never shortened): a QRY integrator or
 * portal identity qualifies only on its own stake locked through each credited epoch's claim window.
 */
export default action<CommonArgs & { amount: string; lockDays?: string }>(async (args, t) => {
  const staking = need(t.c.staking, "provider staking", t);
  const decimals = await t.c.token.decimals();
  const amount = parseAmount("--amount", args.amount, decimals);
  const lockDays = parseCount("--lock-days", args.lockDays ?? "0", 0n, 36_500n);
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
  if (lockDays > 0n) await t.send(() => staking.connect(t.signer).lock(lockDays * 86_400n));
  const tier = await staking.tierOf(t.me);
  return (
    `${registered ? "Staked" : "Registered as a provider with"} ${formatUnits(amount, decimals)} ${symbol}: ` +
    `self-stake ${formatUnits(tier.selfStake, decimals)} ${symbol}, tier ${TIERS[Number(tier.tier)]}` +
    (lockDays > 0n ? `, locked for ${lockDays} days` : "")
  );
});
