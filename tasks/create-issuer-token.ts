import { formatUnits, id, ZeroAddress } from "ethers";

import { action, ensureAllowance, need, parseAmount, TaskError, type CommonArgs } from "./lib.js";

interface CreateArgs extends CommonArgs {
  name: string;
  symbol: string;
  cap: string;
  termsUri: string;
}

/**
 * `create-issuer-token --name "Acme Coffee" --symbol ACME --cap 1000000 --terms-uri ipfs://...`: the caller, a
 * verified issuer with a free slot, creates an issuer token and pays the creation fee in QUT. The terms hash is the
 * keccak256 of the terms URI.
 */
export default action<CreateArgs>(async (args, t) => {
  const registry = need(t.c.issuerRegistry, "issuer platform", t);
  const factory = need(t.c.issuerTokenFactory, "issuer platform", t);
  if (args.name.trim() === "") throw new TaskError("--name is required");
  if (args.symbol.trim() === "") throw new TaskError("--symbol is required");
  if (args.termsUri.trim() === "") throw new TaskError("--terms-uri is required (where the token's terms live)");
  const cap = parseAmount("--cap", args.cap, 18);
  const fee = await factory.creationFee();
  const terms = {
    name: args.name,
    symbol: args.symbol,
    cap,
    termsURI: args.termsUri,
    termsHash: id(args.termsUri),
    minter: ZeroAddress,
  };
  if (fee > 0n) {
    await ensureAllowance(t, t.c.token, await registry.getAddress(), fee, () =>
      factory.connect(t.signer).createToken.staticCall(terms),
    );
  }
  const receipt = await t.send(() => factory.connect(t.signer).createToken(terms));
  const event = receipt.logs.map((l) => factory.interface.parseLog(l)).find((e) => e?.name === "TokenCreated")!;
  return (
    `Created ${args.symbol} (${args.name}) at ${event.args.token}: cap ${formatUnits(cap, 18)}, ` +
    `fee ${formatUnits(fee, await t.c.token.decimals())} ${await t.c.token.symbol()}`
  );
});
