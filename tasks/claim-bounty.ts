import { formatUnits, ZeroAddress } from "ethers";

import { action, eventOf, need, parseCount, TaskError, type CommonArgs } from "./lib.js";

const STATUS = ["open", "accepted", "paid", "cancelled"];

/**
 * `claim-bounty --bounty 1`: pays an accepted bounty's reward to the worker its approver accepted (anyone may send it;
 * the tokens always go to the worker).
 */
export default action<CommonArgs & { bounty: string }>(async (args, t) => {
  const programs = need(t.c.developerPrograms, "developer programs", t);
  const bountyId = parseCount("--bounty", args.bounty, 1n);
  const bounty = await t.read(() => programs.bounty(bountyId));
  if (bounty.poster === ZeroAddress) {
    throw new TaskError(`--bounty ${bountyId}: no such bounty`);
  }
  if (bounty.status !== 1n) {
    throw new TaskError(`bounty ${bountyId} is ${STATUS[Number(bounty.status)]}: only an accepted bounty pays`);
  }
  const receipt = await t.send(() => programs.connect(t.signer).claimBounty(bountyId));
  const { reward } = eventOf(receipt, programs, "BountyClaimed").args;
  const decimals = await t.c.token.decimals();
  const symbol = await t.c.token.symbol();
  return `Paid bounty ${bountyId}: ${formatUnits(reward, decimals)} ${symbol} to ${bounty.worker}`;
});
