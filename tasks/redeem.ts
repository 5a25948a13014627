import { formatUnits, id } from "ethers";

import { action, parseAddress, parseAmount, TaskError, type CommonArgs } from "./lib.js";

/** `redeem --token 0x... --amount 100 --ref "order 42"`: burns the caller's issuer tokens and records the redemption. */
export default action<CommonArgs & { token: string; amount: string; ref: string }>(async (args, t) => {
  const address = parseAddress("--token", args.token);
  if (!(await t.c.issuerTokenFactory?.isIssuerToken(address))) {
    throw new TaskError(`--token ${address} is not an issuer token of this preset's factory`);
  }
  const token = await t.connection.ethers.getContractAt("IssuerToken", address);
  const amount = parseAmount("--amount", args.amount, await token.decimals());
  if (args.ref.trim() === "") throw new TaskError("--ref is required (what the redemption is for)");
  const receipt = await t.send(() => token.connect(t.signer).redeem(amount, id(args.ref)));
  const event = receipt.logs.map((l) => token.interface.parseLog(l)).find((e) => e?.name === "Redeemed")!;
  return (
    `Redeemed ${formatUnits(amount, 18)} ${await token.symbol()} (redemption ${event.args.id}, ref "${args.ref}"): ` +
    `burned; pending with the issuer ${formatUnits(await token.pendingRedemptions(), 18)}`
  );
});
