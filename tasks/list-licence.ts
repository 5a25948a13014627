import { formatUnits, id, isHexString, ZeroAddress } from "ethers";

import { action, eventOf, need, parseAmount, parseCount, TaskError, type CommonArgs } from "./lib.js";

const KINDS = ["model", "dataset"];

/**
 * `list-licence --kind dataset --subject reviews-2026 --price 100 --supply 50 --days 30 --terms "terms v1"`: lists
 * licences in the data marketplace. `--kind model` lists access to a catalogue model and needs the curator to have
 * named the signer the model's seller. Subject and terms: a name (hashed with keccak-256) or a 32-byte id as given.
 * `--days 0` sells perpetual licences; `--resale yes` lets holders transfer them.
 */
export default action<
  CommonArgs & {
    kind: string;
    subject: string;
    price: string;
    supply: string;
    days: string;
    terms: string;
    resale: string;
  }
>(async (args, t) => {
  const licences = need(t.c.licenceMarket, "licence marketplace (the market)", t);
  const kind = KINDS.indexOf(args.kind);
  if (kind < 0) throw new TaskError(`--kind must be one of ${KINDS.join(", ")}, got "${args.kind}"`);
  if (args.subject.trim() === "")
    throw new TaskError("--subject is required (a model or dataset name, or a 32-byte id)");
  if (args.terms.trim() === "") throw new TaskError("--terms is required (the terms' text or their 32-byte hash)");
  if (args.resale !== "yes" && args.resale !== "no") {
    throw new TaskError(`--resale must be yes or no, got "${args.resale}"`);
  }
  const asId = (v: string) => (isHexString(v, 32) ? v : id(v));
  const subject = asId(args.subject);
  const price = parseAmount("--price", args.price, t.unit.decimals);
  const supply = parseCount("--supply", args.supply, 1n, 2n ** 64n - 1n);
  const days = parseCount("--days", args.days, 0n, 100_000n);
  if (kind === 0) {
    const seller = await licences.modelSeller(subject);
    if (seller.toLowerCase() !== t.me.toLowerCase()) {
      throw new TaskError(
        `only the model's seller may list access to ${args.subject}: ${seller === ZeroAddress ? "the curator has named none" : `it is ${seller}`}`,
      );
    }
    const existing = await licences.modelListing(subject);
    if (existing !== 0n) throw new TaskError(`model ${args.subject} already has access listing ${existing}`);
  }
  const terms = {
    kind,
    subject,
    price,
    supply,
    duration: days * 86_400n,
    termsHash: asId(args.terms),
    resale: args.resale === "yes",
  };
  await licences.connect(t.signer).list.staticCall(terms);
  const receipt = await t.send(() => licences.connect(t.signer).list(terms));
  const listingId = eventOf(receipt, licences, "Listed").args.listingId as bigint;
  const life = days === 0n ? "perpetual" : `${days} days`;
  return `Listed ${args.kind} licences of ${args.subject} as listing ${listingId}: ${supply} at ${formatUnits(price, t.unit.decimals)} ${t.unit.symbol}, ${life}, resale ${args.resale}`;
});
