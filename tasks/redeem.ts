import { formatUnits, id } from "ethers";

import { issuerTokenOf } from "./issuer.js";
import { action, parseAmount, TaskError, type CommonArgs } from "./lib.js";

/**
 * `redeem --token ACME --amount 100 --ref "order 42"`: burns the caller's issuer tokens and records the redemption.
 * `--token` is the token's address or symbol.
 */
export default action<CommonArgs & { token: string; amount: string; ref: string }>(async (args, t) => {
  const token = await issuerTokenOf(t, args.token);
  const amount = parseAmount("--amount", args.amount, await token.decimals());
  if (args.ref.trim() === "") throw new TaskError("--ref is required (what the redemption is for)");
  t.unit = { decimals: 18, symbol: await token.symbol() };
  const receipt = await t.send(() => token.connect(t.signer).redeem(amount, id(args.ref)));
  const event = receipt.logs.map((l) => token.interface.parseLog(l)).find((e) => e?.name === "Redeemed")!;
  return (
    `Redeemed ${formatUnits(amount, 18)} ${await token.symbol()} (redemption ${event.args.id}, ref "${args.ref}"): ` +
    `burned; pending with the issuer ${formatUnits(await token.pendingRedemptions(), 18)}`
  );
});
