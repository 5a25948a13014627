import { formatUnits, ZeroAddress } from "ethers";

import { action, eventOf, need, parseCount, TaskError, type CommonArgs } from "./lib.js";

/**
 * `claim-grant --grant 1`: pays an integration grant's vested, unpaid part to its recipient (anyone may send it; the
 * tokens always go to the recipient). Grants are created by governance proposals (`DeveloperPrograms.createGrant`).
 */
export default action<CommonArgs & { grant: string }>(async (args, t) => {
  const programs = need(t.c.developerPrograms, "developer programs", t);
  const grantId = parseCount("--grant", args.grant, 1n);
  const grant = await t.read(() => programs.grant(grantId));
  if (grant.recipient === ZeroAddress) {
    throw new TaskError(`--grant ${grantId}: no such grant`);
  }
  const decimals = await t.c.token.decimals();
  const symbol = await t.c.token.symbol();
  const show = (wei: bigint) => `${formatUnits(wei, decimals)} ${symbol}`;
  const claimable = await t.read(() => programs.claimableGrant(grantId));
  if (claimable === 0n) {
    throw new TaskError(
      `grant ${grantId} has nothing to claim now (${show(grant.claimed)} of ${show(grant.amount)} paid)`,
    );
  }
  const receipt = await t.send(() => programs.connect(t.signer).claimGrant(grantId));
  const { amount } = eventOf(receipt, programs, "GrantClaimed").args;
  return `Paid ${show(amount)} of grant ${grantId} to ${grant.recipient} (${show(grant.claimed + amount)} of ${show(grant.amount)} paid)`;
});
