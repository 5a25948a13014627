import { formatUnits, ZeroHash } from "ethers";

import { action, eventOf, need, parseAddress, parseCount, parseId, TaskError, type CommonArgs } from "./lib.js";

interface RateArgs extends CommonArgs {
  provider: string;
  model: string;
  stars: string;
  review: string;
  priority: string;
  batch: boolean;
}

/**
 * `rate-provider --provider 0x... --model llama-3-8b-instruct --stars 5 --review "fast and accurate"`: a consumer (the
 * signer) rates a provider from its channel with it (the channel of its current reserve, as `sign-voucher` signs
 * for), 1 to 5 stars with the hash of its written review (`--review` as text, hashed, or a 32-byte hash as given). The
 * rating weighs the list value settled on the channel since its last rating; without a settled payment it is refused.
 * The feedback reward, if the pool pays one, goes to the signer.
 */
export default action<RateArgs>(async (args, t) => {
  const ratings = need(t.c.ratings, "ratings (the provider programs)", t);
  const market = need(t.c.inferenceMarket, "inference market", t);
  const provider = parseAddress("--provider", args.provider);
  const modelId = parseId("--model", args.model, "a model name");
  const stars = parseCount("--stars", args.stars, 1n, 5n);
  const reviewHash = parseId("--review", args.review, "the review's text");
  if (reviewHash === ZeroHash) throw new TaskError("--review must not be the zero hash");
  const priorityBps = parseCount("--priority", args.priority, 0n, 10_000n);
  const { epoch } = await t.read(() => market.reserveOf(t.me, provider));
  const channel = { provider, batch: args.batch, modelId, priorityBps, epoch };
  const receipt = await t.send(() => ratings.connect(t.signer).rate(channel, stars, reviewHash));
  const { weight, reward } = eventOf(receipt, ratings, "Rated").args;
  const decimals = await t.c.token.decimals();
  const symbol = await t.c.token.symbol();
  return (
    `Rated ${provider} ${stars} star${stars === 1n ? "" : "s"} (review ${reviewHash}), weighing ` +
    `${formatUnits(weight, decimals)} ${symbol} settled; feedback reward ${formatUnits(reward, decimals)} ${symbol}`
  );
});
