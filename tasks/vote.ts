import { formatUnits } from "ethers";

import { proposalOf, STATES } from "./governance.js";
import { action, TaskError, type CommonArgs } from "./lib.js";

const SUPPORT: Record<string, number> = { against: 0, for: 1, abstain: 2 };

/** `vote --proposal <id|latest> --support for|against|abstain [--reason "..."]`. */
export default action<CommonArgs & { proposal: string; support: string; reason: string }>(async (args, t) => {
  const { governor } = t.c;
  const proposal = (await proposalOf(t, args.proposal)).id;
  const support = SUPPORT[args.support.toLowerCase()];
  if (support === undefined) throw new TaskError(`--support must be for, against or abstain, got "${args.support}"`);
  const state = Number(await t.read(() => governor.state(proposal)));
  if (state !== 1)
    throw new TaskError(`proposal ${proposal} is ${STATES[state]}, not Active: votes open at its snapshot`);
  await t.send(() =>
    args.reason === ""
      ? governor.connect(t.signer).castVote(proposal, support)
      : governor.connect(t.signer).castVoteWithReason(proposal, support, args.reason),
  );
  const votes = await governor.proposalVotes(proposal);
  const decimals = await t.c.token.decimals();
  const f = (v: bigint) => formatUnits(v, decimals);
  return `Voted ${args.support} on ${proposal}: for ${f(votes.forVotes)}, against ${f(votes.againstVotes)}, abstain ${f(votes.abstainVotes)}`;
});
