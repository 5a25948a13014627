import { formatUnits } from "ethers";

import { issuerTokenOf } from "./issuer.js";
import { action, parseCount, type CommonArgs } from "./lib.js";

/** `fulfil --token ACME --redemption 1`: the issuer marks a pending redemption delivered. */
export default action<CommonArgs & { token: string; redemption: string }>(async (args, t) => {
  const token = await issuerTokenOf(t, args.token);
  const redemption = parseCount("--redemption", args.redemption, 1n);
  await t.send(() => token.connect(t.signer).fulfil(redemption));
  return `Fulfilled redemption ${redemption} of ${await token.symbol()}: pending with the issuer ${formatUnits(await token.pendingRedemptions(), 18)}`;
});
