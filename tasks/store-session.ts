import { formatUnits, id } from "ethers";

import { action, ensureAllowance, need, parseAddress, parseCount, parseId, TaskError, type CommonArgs } from "./lib.js";

/**
 * `store-session --session my-chat --provider 0x... --days 30`: a consumer pays storage of a persistent session with
 * one active provider for whole days at the governed fee (split like a settlement: the provider's share at once, the
 * protocol's part through the fee split). Extends a stored session from its end; an expired one restarts from now.
 */
export default action<CommonArgs & { session: string; provider: string; days: string }>(async (args, t) => {
  const volume = need(t.c.volumeContracts, "volume contracts (the market)", t);
  const sessionId = parseId("--session", args.session, "a session name");
  const provider = parseAddress("--provider", args.provider);
  const days = parseCount("--days", args.days, 1n, 365n);
  const show = (v: bigint) => `${formatUnits(v, t.unit.decimals)} ${t.unit.symbol}`;
  const staking = need(t.c.staking, "provider staking", t);
  if (!(await staking.isActive(provider))) throw new TaskError(`${provider} is not an active provider`);
  const stored = await volume.session(t.me, sessionId);
  const now = BigInt((await t.connection.ethers.provider.getBlock("latest"))!.timestamp);
  if (stored.paidUntil > now && stored.provider !== provider) {
    throw new TaskError(`session ${args.session} is stored by ${stored.provider} until it expires`);
  }
  const from = stored.paidUntil > now ? stored.paidUntil : now;
  // A minute of slack: the transaction lands a few blocks after this read.
  if (from + days * 86_400n > now + 365n * 86_400n - 60n) {
    throw new TaskError(
      `storage is paid at most 365 days ahead: at most ${(now + 365n * 86_400n - 60n - from) / 86_400n} more days`,
    );
  }
  const fee = days * (await volume.parameter(id("market.storageFeePerPeriod")));
  await ensureAllowance(t, t.c.token, await volume.getAddress(), fee, () =>
    volume.connect(t.signer).storeSession.staticCall(sessionId, provider, days),
  );
  await t.send(() => volume.connect(t.signer).storeSession(sessionId, provider, days));
  const until = new Date(Number((await volume.session(t.me, sessionId)).paidUntil) * 1000).toISOString();
  return `Stored session ${args.session} with ${provider} until ${until} (${show(fee)} paid for ${days} days)`;
});
