import { formatUnits } from "ethers";

import { action, ensureAllowance, need, parseAmount, parseCount, TaskError, type CommonArgs } from "./lib.js";

const KINDS = ["model access", "dataset"];

/**
 * `buy-licence --listing 1 [--max-price 100]`: buys one licence of a data-marketplace listing at its price (by
 * default the most it pays is the price read now, so a price raised before the transaction lands reverts): the
 * seller's share to the seller, the protocol's share held for the fee split. Checks the listing, the signer's
 * licence and balance, and simulates before it approves.
 */
export default action<CommonArgs & { listing: string; maxPrice: string }>(async (args, t) => {
  const licences = need(t.c.licenceMarket, "licence marketplace (the market)", t);
  const listingId = parseCount("--listing", args.listing, 1n);
  const l = await licences.listing(listingId);
  if (l.seller === "0x0000000000000000000000000000000000000000") {
    throw new TaskError(`listing ${listingId} does not exist (${await licences.listingCount()} listed)`);
  }
  const show = (v: bigint) => `${formatUnits(v, t.unit.decimals)} ${t.unit.symbol}`;
  if (!l.open) throw new TaskError(`listing ${listingId} is closed by its seller`);
  if (l.sold >= l.supply) throw new TaskError(`listing ${listingId} is sold out (${l.supply} licences)`);
  const maxPrice = args.maxPrice === "" ? l.price : parseAmount("--max-price", args.maxPrice, t.unit.decimals);
  if (l.price > maxPrice)
    throw new TaskError(`listing ${listingId} costs ${show(l.price)}, above --max-price ${show(maxPrice)}`);
  const now = BigInt((await t.connection.ethers.provider.getBlock("latest"))!.timestamp);
  const held = await licences.licenceOf(listingId, t.me);
  if (held > now) throw new TaskError(`${t.me} already holds a licence of listing ${listingId} until ${when(held)}`);
  await ensureAllowance(t, t.c.token, await licences.getAddress(), l.price, () =>
    licences.connect(t.signer).buy.staticCall(listingId, maxPrice),
  );
  await t.send(() => licences.connect(t.signer).buy(listingId, maxPrice));
  const expiry = await licences.licenceOf(listingId, t.me);
  return `Bought a ${KINDS[Number(l.kind)]} licence of listing ${listingId} for ${show(l.price)}, valid ${when(expiry)}${l.resale ? " (resale allowed)" : " (no resale)"}`;
});

/** A licence's expiry in words. */
function when(expiry: bigint): string {
  return expiry >= 2n ** 64n - 1n ? "forever" : `until ${new Date(Number(expiry) * 1000).toISOString()}`;
}
