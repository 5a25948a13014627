import { action, need, parseAddress, parseCount, type CommonArgs } from "./lib.js";

/**
 * `report-calls --subscription 1 --provider 0x... --calls 5000` (QRY, a gateway: DISTRIBUTION_GATEWAY): records calls a
 * provider served for a paid subscription in the open epoch, crediting the provider in the query-fulfillment pool.
 */
export default action<CommonArgs & { subscription: string; provider: string; calls: string }>(async (args, t) => {
  const subscriptions = need(t.c.subscriptions, "subscriptions (QRY)", t);
  const id = parseCount("--subscription", args.subscription, 1n);
  const provider = parseAddress("--provider", args.provider);
  const calls = parseCount("--calls", args.calls, 1n);
  const epoch = await subscriptions.currentEpoch();
  await t.send(() => subscriptions.connect(t.signer).reportCalls(epoch, id, provider, calls));
  return `Reported ${calls} calls served by ${provider} for subscription ${id} in epoch ${epoch}`;
});
