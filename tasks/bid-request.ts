import { formatUnits, id, isHexString } from "ethers";

import { action, ensureAllowance, need, parseAmount, parseCount, TaskError, type CommonArgs } from "./lib.js";

const OPEN = 1n;

/**
 * `bid-request --request 1 --price 0.0012 --salt "my secret"`: an active provider's sealed bid on a request. Before
 * the bidding deadline it commits `hash(price, salt, bidder, request)` (depositing the request's bid bond first if
 * its free bond is short); from the bidding deadline until the reveal deadline the same command reveals it. Keep the
 * price and the salt: a bid never revealed loses its bond. The salt is hashed unless it is a 32-byte hex value.
 */
export default action<CommonArgs & { request: string; price: string; salt: string }>(async (args, t) => {
  const auction = need(t.c.requestAuction, "request auction (the market)", t);
  const requestId = parseCount("--request", args.request, 1n);
  const price = parseAmount("--price", args.price, t.unit.decimals);
  const text = (args.salt ?? "").trim();
  if (text === "") throw new TaskError("--salt is required (a secret kept until the reveal)");
  const salt = isHexString(text, 32) ? text : id(text);
  const show = (v: bigint) => `${formatUnits(v, t.unit.decimals)} ${t.unit.symbol}`;
  const r = await auction.request(requestId);
  if (r.status === 0n)
    throw new TaskError(`request ${requestId} does not exist (${await auction.requestCount()} posted)`);
  if (r.status !== OPEN) throw new TaskError(`request ${requestId} is no longer open to bids`);
  const now = BigInt((await t.connection.ethers.provider.getBlock("latest"))!.timestamp);
  const commitment = await auction.hashBid(price, salt, t.me, requestId);

  if (now < r.bidDeadline) {
    if (price > r.maxPrice) throw new TaskError(`${show(price)} is above the request's maximum ${show(r.maxPrice)}`);
    if (r.consumer === t.me) throw new TaskError(`${t.me} posted request ${requestId}: it cannot bid on it`);
    const staking = need(t.c.staking, "provider staking", t);
    if (!(await staking.isActive(t.me))) throw new TaskError(`${t.me} is not an active provider`);
    if ((await auction.commitmentOf(requestId, t.me)) !== "0x" + "0".repeat(64)) {
      throw new TaskError(`${t.me} already bid on request ${requestId}`);
    }
    const free = await auction.freeBondOf(t.me);
    if (free < r.bond) {
      const amount = r.bond - free;
      await ensureAllowance(t, t.c.token, await auction.getAddress(), amount, () =>
        auction.connect(t.signer).depositBond.staticCall(amount),
      );
      await t.send(() => auction.connect(t.signer).depositBond(amount));
    }
    await t.send(() => auction.connect(t.signer).commit(requestId, commitment));
    return `Committed a sealed bid on request ${requestId} (${show(r.bond)} bond locked); reveal it with the same --price and --salt between ${iso(r.bidDeadline)} and ${iso(r.revealDeadline)}`;
  }
  if (now >= r.revealDeadline) throw new TaskError(`the reveals of request ${requestId} are over`);
  if ((await auction.commitmentOf(requestId, t.me)) !== commitment) {
    throw new TaskError(`--price and --salt do not open ${t.me}'s commitment on request ${requestId}`);
  }
  await t.send(() => auction.connect(t.signer).reveal(requestId, price, salt));
  const after = await auction.request(requestId);
  return after.best === t.me
    ? `Revealed ${show(price)} a token on request ${requestId}: the best bid so far`
    : `Revealed ${show(price)} a token on request ${requestId}: not the best (${show(after.bestPrice)}); the bond is free again`;
});

function iso(s: bigint): string {
  return new Date(Number(s) * 1000).toISOString();
}
