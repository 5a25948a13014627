import { formatUnits } from "ethers";

import { issuerTokenOf } from "./issuer.js";
import { action, parseAddress, parseAmount, type CommonArgs } from "./lib.js";

/**
 * `issuer-mint --token ACME --to 0x... --amount 1000`: the issuer (or its minter) mints its token, up to the cap.
 * `--token` is the token's address or symbol.
 */
export default action<CommonArgs & { token: string; to: string; amount: string }>(async (args, t) => {
  const to = parseAddress("--to", args.to);
  const token = await issuerTokenOf(t, args.token);
  const decimals = await t.read(() => token.decimals());
  const amount = parseAmount("--amount", args.amount, decimals);
  t.unit = { decimals: Number(decimals), symbol: await token.symbol() };
  await t.send(() => token.connect(t.signer).mint(to, amount));
  return `Minted ${formatUnits(amount, 18)} ${await token.symbol()} to ${to}: supply ${formatUnits(await token.totalSupply(), 18)} of ${formatUnits(await token.cap(), 18)}`;
});
