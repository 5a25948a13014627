import { action, parseAddress, type CommonArgs } from "./lib.js";

/** `delegate-votes --to 0x...`: delegates the caller's token votes (ERC20Votes), e.g. to itself. */
export default action<CommonArgs & { to: string }>(async (args, t) => {
  const to = args.to === "" ? t.me : parseAddress("--to", args.to);
  await t.send(() => t.c.token.connect(t.signer).delegate(to));
  const symbol = await t.c.token.symbol();
  return `${symbol} votes of ${t.me} delegated to ${to}`;
});
