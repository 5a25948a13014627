import { formatUnits } from "ethers";

import { action, parseAddress, parseAmount, TaskError, type CommonArgs } from "./lib.js";

/** `issuer-mint --token 0x... --to 0x... --amount 1000`: the issuer (or its minter) mints its token, up to the cap. */
export default action<CommonArgs & { token: string; to: string; amount: string }>(async (args, t) => {
  const address = parseAddress("--token", args.token);
  const to = parseAddress("--to", args.to);
  const token = await t.connection.ethers.getContractAt("IssuerToken", address);
  if (!(await t.c.issuerTokenFactory?.isIssuerToken(address))) {
    throw new TaskError(`--token ${address} is not an issuer token of this preset's factory`);
  }
  const decimals = await t.read(() => token.decimals());
  const amount = parseAmount("--amount", args.amount, decimals);
  t.unit = { decimals: Number(decimals), symbol: await token.symbol() };
  await t.send(() => token.connect(t.signer).mint(to, amount));
  return `Minted ${formatUnits(amount, 18)} ${await token.symbol()} to ${to}: supply ${formatUnits(await token.totalSupply(), 18)} of ${formatUnits(await token.cap(), 18)}`;
});
