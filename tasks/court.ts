import { formatUnits, id, isHexString, zeroPadValue, toBeHex } from "ethers";

import {
  action,
  ensureAllowance,
  eventOf,
  need,
  parseCount,
  TaskError,
  type CommonArgs,
  type TaskContext,
} from "./lib.js";

/**
 * The challenge court (QUIVer), one action per step: `register-validator` bonds the court's validator bond;
 * `challenge --subject latest --class major --bps 1000` (the consumer of a settled voucher) stakes and challenges it;
 * `court-vote --challenge 1 --uphold true` (a validator); `decide --challenge 1` (anyone, once the vote has ended).
 */
const CLASSES = ["minor", "major", "severe"];
const STATUS = ["None", "Open", "Upheld", "Rejected", "Expired", "Superseded"];

function courtOf(t: TaskContext) {
  return need(t.c.challengeCourt, "challenge court", t);
}

async function units(t: TaskContext) {
  const decimals = await t.c.token.decimals();
  const symbol = await t.c.token.symbol();
  return (v: bigint) => `${formatUnits(v, decimals)} ${symbol}`;
}

export const registerValidator = action<CommonArgs>(async (_args, t) => {
  const court = courtOf(t);
  const bond = await court.parameter(id("slashing.validatorBond"));
  await ensureAllowance(t, t.c.token, await court.getAddress(), bond, () =>
    court.connect(t.signer).registerValidator.staticCall(),
  );
  await t.send(() => court.connect(t.signer).registerValidator());
  const f = await units(t);
  return `Registered ${t.me} as a court validator with a ${f(bond)} bond: ${await court.activeValidators()} active validators`;
});

/** The newest settlement whose consumer is the signer (`--subject latest`), from the market's Settled events. */
async function latestSubjectOf(
  t: TaskContext,
  market: NonNullable<TaskContext["c"]["inferenceMarket"]>,
): Promise<string> {
  const settled = await market.queryFilter(market.filters.Settled());
  for (let k = settled.length - 1; k >= 0; k--) {
    const subjectId = settled[k].args.subjectId;
    const [, consumer] = await market.challengeSubject(subjectId);
    if (consumer === t.me) return subjectId;
  }
  throw new TaskError(`--subject latest: no settlement on this market has ${t.me} as its consumer`);
}

export const challenge = action<CommonArgs & { subject: string; class: string; bps: string }>(async (args, t) => {
  const court = courtOf(t);
  const market = need(t.c.inferenceMarket, "inference market", t);
  if (args.subject === "") throw new TaskError("--subject is required (the subject id printed by settle, or latest)");
  const subject =
    args.subject === "latest"
      ? await latestSubjectOf(t, market)
      : isHexString(args.subject, 32)
        ? args.subject
        : zeroPadValue(toBeHex(parseCount("--subject", args.subject, 1n)), 32);
  const infraction = CLASSES.indexOf(args.class);
  if (infraction < 0) throw new TaskError(`--class must be one of ${CLASSES.join(", ")}, got "${args.class}"`);
  const bps = parseCount("--bps", args.bps, 1n, 10_000n);
  const [, , value] = await t.read(() => market.challengeSubject(subject));
  const stake = await court.challengeStakeFor(value);
  await ensureAllowance(t, t.c.token, await court.getAddress(), stake, () =>
    court.connect(t.signer).openChallenge.staticCall(market, subject, infraction, bps),
  );
  const receipt = await t.send(() => court.connect(t.signer).openChallenge(market, subject, infraction, bps));
  const opened = eventOf(receipt, court, "ChallengeOpened");
  const c = await court.challenge(opened.args[0]);
  const f = await units(t);
  return (
    `Opened challenge ${opened.args[0]} on subject ${subject}: ${args.class}, ${Number(bps) / 100}%, stake ${f(stake)}; ` +
    `voting ends ${new Date(Number(c.votingEnds) * 1000).toISOString()}`
  );
});

export const courtVote = action<CommonArgs & { challenge: string; uphold: string }>(async (args, t) => {
  const court = courtOf(t);
  const challengeId = parseCount("--challenge", args.challenge, 1n);
  if (args.uphold !== "true" && args.uphold !== "false") {
    throw new TaskError(`--uphold must be true or false, got "${args.uphold}"`);
  }
  await t.send(() => court.connect(t.signer).vote(challengeId, args.uphold === "true"));
  return `Voted to ${args.uphold === "true" ? "uphold" : "reject"} challenge ${challengeId}`;
});

export const decide = action<CommonArgs & { challenge: string }>(async (args, t) => {
  const court = courtOf(t);
  const challengeId = parseCount("--challenge", args.challenge, 1n);
  const c = await t.read(() => court.challenge(challengeId));
  const now = BigInt((await t.connection.ethers.provider.getBlock("latest"))!.timestamp);
  if (STATUS[Number(c.status)] === "Open" && now < c.votingEnds) {
    throw new TaskError(
      `challenge ${challengeId}: voting ends ${new Date(Number(c.votingEnds) * 1000).toISOString()}, ${c.votingEnds - now} s from now`,
    );
  }
  await t.send(() => court.connect(t.signer).decide(challengeId));
  const after = await court.challenge(challengeId);
  return `Decided challenge ${challengeId}: ${STATUS[Number(after.status)]}`;
});
