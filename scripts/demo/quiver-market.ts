/**
 * QUIVer's inference market and its quality court on the devnet, run by scripts/demo/quiver.ts while the treasury
 * grant's vote is open (after the votes are cast at the snapshot, so the vote's figures do not move):
 *
 * - Provider C registers with 60,000 QUIV (Silver: 10% fee discount, at most 10% slashed); dave delegates 20,000 to C
 *   and starts unbonding 5,000 of it; three validators bond 10,000 each in the challenge court; the ecosystem fund
 *   seeds the court's reward pool with 10,000 QUIV from its vested tokens.
 * - C lists a small model (1x: 0.001 QUIV a generated token); anyone caches C's tier discount in the market; erin
 *   deposits 1,000 QUIV, reserves it for C and, after each of 40 requests of 25,000 tokens, signs a cumulative
 *   EIP-712 voucher; C settles the last one in one transaction: 1,000
 *   QUIV of list value, 900 paid after the Silver discount, split 80 / 0.5 / 1 / 13.5 / 5%.
 * - Anyone distributes the fees: the validators' part to the court (absorbed into its reward pool), infrastructure's
 *   to the operator, the treasury's to governance's Treasury; the burn part is burned. C claims its earnings.
 * - Erin challenges the settlement (major, 10%) with a stake of 1,000 + 10% of the 900 she paid; two validators
 *   uphold, one rejects; after the 3-day vote the court upholds: the slasher takes 10% of C's active pool (self-stake
 *   and dave's delegation) and of its unbonding pool, and burns it; erin gets her stake back with a 20% reward; the
 *   two validators on the winning side share a fee of 10% of the stake.
 */
import { id, type Wallet } from "ethers";

import { signVoucher, type Voucher } from "../lib/voucher.js";
import { amount, DAY, type DemoContext, type Section } from "./context.js";

const QUIV = 10n ** 18n;
const MODEL_NAME = "llama-3-8b-instruct";
export const MODEL = id(MODEL_NAME);
/** The stream erin consumes: 40 requests of 25,000 generated tokens each. */
export const REQUESTS = 40n;
export const TOKENS_PER_REQUEST = 25_000n;
const SMALL = 0;
const MAJOR = 1;
const STATUS = ["None", "Open", "Upheld", "Rejected", "Expired"];

/** The EIP-712 type a consumer signs (IInferenceMarket.Voucher). */

/** What the market part hands to the figures. */
export interface MarketState {
  providerC: string;
  dave: string;
  erin: string;
  validators: string[];
  subjectId: string;
  challengeId: bigint;
  /** Settlement block: for reading the volumes later. */
  listValue: bigint;
}

export async function runMarket(ctx: DemoContext, s: Section): Promise<MarketState> {
  const { c } = ctx.presets.quiver;
  const staking = c.staking!;
  const market = c.inferenceMarket!;
  const court = c.challengeCourt!;
  const liquidity = await ctx.account("quiver", "liquidity");
  const ecosystem = await ctx.account("quiver", "ecosystem");
  const [providerC, dave, erin, v1, v2, v3] = await Promise.all(
    ["QUIVer provider C", "dave", "erin (consumer)", "validator 1", "validator 2", "validator 3"].map((n) =>
      ctx.actor(n),
    ),
  );
  const validators: Wallet[] = [v1, v2, v3];

  for (const [who, name, quiv] of [
    [providerC, "provider C", 60_000n],
    [dave, "dave", 20_000n],
    [erin, "erin", 3_000n],
    ...validators.map((v, i) => [v, `validator ${i + 1}`, 10_000n] as const),
  ] as const) {
    await ctx.step(
      s,
      `${name} buys ${amount(quiv * QUIV)} QUIV`,
      c.token.connect(liquidity).transfer(who, quiv * QUIV),
    );
  }

  // Staking: a Silver provider with a delegator, part of whose stake is unbonding (slashes reach it).
  await ctx.step(
    s,
    "provider C approves 60,000 QUIV to staking",
    c.token.connect(providerC).approve(staking, 60_000n * QUIV),
  );
  await ctx.step(
    s,
    "provider C registers with 60,000 QUIV (Silver)",
    staking.connect(providerC).registerProvider(60_000n * QUIV),
  );
  await ctx.step(s, "dave approves 20,000 QUIV to staking", c.token.connect(dave).approve(staking, 20_000n * QUIV));
  await ctx.step(
    s,
    "dave delegates 20,000 QUIV to provider C",
    staking.connect(dave).delegate(providerC, 20_000n * QUIV),
  );
  await ctx.step(s, "dave starts unbonding 5,000 QUIV", staking.connect(dave).unbond(5_000n * QUIV));

  // The court: three bonded validators and a reward pool seeded by the ecosystem fund.
  for (const [i, v] of validators.entries()) {
    await ctx.step(
      s,
      `validator ${i + 1} approves its 10,000 QUIV bond`,
      c.token.connect(v).approve(court, 10_000n * QUIV),
    );
    await ctx.step(s, `validator ${i + 1} registers in the challenge court`, court.connect(v).registerValidator());
  }
  const ecosystemSchedule = await scheduleOf(ctx, await ecosystem.getAddress());
  await ctx.step(
    s,
    "the ecosystem fund releases its vested QUIV",
    c.vestingVault.connect(ecosystem).release(ecosystemSchedule),
  );
  await ctx.step(
    s,
    "the ecosystem fund approves 10,000 QUIV to the court",
    c.token.connect(ecosystem).approve(court, 10_000n * QUIV),
  );
  await ctx.step(
    s,
    "the ecosystem fund seeds the court's reward pool (10,000 QUIV)",
    court.connect(ecosystem).fundRewards(10_000n * QUIV),
  );

  // Serving: a listed model, an escrow, a stream of cumulative vouchers, one settlement.
  await ctx.step(
    s,
    `provider C lists ${MODEL_NAME} (small: 1x)`,
    c.modelCatalog!.connect(providerC).listModel(MODEL, SMALL),
  );
  await ctx.step(
    s,
    "anyone caches provider C's tier discount in the market (Silver: 10%)",
    market.connect(dave).syncTier(providerC.address),
  );
  await ctx.step(s, "erin approves 1,000 QUIV to the market", c.token.connect(erin).approve(market, 1_000n * QUIV));
  await ctx.step(s, "erin deposits 1,000 QUIV in escrow", market.connect(erin).deposit(1_000n * QUIV));
  await ctx.step(
    s,
    "erin reserves her 1,000 QUIV for provider C (only C's vouchers draw on it)",
    market.connect(erin).reserve(providerC.address, 1_000n * QUIV),
  );
  const { chainId } = await ctx.connection.ethers.provider.getNetwork();
  const epoch = (await market.reserveOf(erin.address, providerC.address)).epoch;
  const deadline = BigInt(await ctx.connection.networkHelpers.time.latest()) + DAY;
  let voucher: Voucher = {
    consumer: erin.address,
    provider: providerC.address,
    batch: false,
    modelId: MODEL,
    priorityBps: 0n,
    epoch,
    cumulativeAmount: 0n,
    cumulativeTokens: 0n,
    deadline,
  };
  let signature = "";
  for (let i = 0n; i < REQUESTS; i++) {
    // Each request is priced at the catalogue's quote; the voucher carries the running totals.
    const price = await c.modelCatalog!.quote(MODEL, TOKENS_PER_REQUEST);
    voucher = {
      ...voucher,
      cumulativeAmount: voucher.cumulativeAmount + price,
      cumulativeTokens: voucher.cumulativeTokens + TOKENS_PER_REQUEST,
    };
    signature = await signVoucher(erin, await market.getAddress(), chainId, voucher);
  }
  // Early adopters: the pool is funded before erin's first payment, which makes her early adopter number 1.
  await ctx.step(
    s,
    "the ecosystem fund approves 1,000 QUIV to the incentive pools",
    c.token.connect(ecosystem).approve(c.incentivePools!, 1_000n * QUIV),
  );
  await ctx.step(
    s,
    "the ecosystem fund funds the early-adopter pool (1,000 QUIV)",
    c.incentivePools!.connect(ecosystem).fund(4, 1_000n * QUIV),
  );
  await ctx.step(
    s,
    `provider C settles erin's last voucher of ${REQUESTS} (${Number(voucher.cumulativeTokens).toLocaleString("en-US")} tokens, ${amount(voucher.cumulativeAmount)} QUIV)`,
    market.connect(providerC).settle(voucher, signature),
  );
  const [settled] = await market.queryFilter(market.filters.Settled());
  const subjectId = settled.args.subjectId;
  await ctx.step(
    s,
    "anyone distributes the market's fees (and burns the burn share)",
    market.connect(dave).distributeFees(),
  );
  await ctx.step(
    s,
    "anyone absorbs the validators' share into the court's reward pool",
    court.connect(dave).absorbBalance(),
  );
  await ctx.step(s, "provider C claims its earnings", market.connect(providerC).claimEarnings());

  // The challenge: erin stakes, the validators vote, the court upholds and the slasher slashes C.
  const [, , value] = await market.challengeSubject(subjectId);
  const stake = await court.challengeStakeFor(value);
  await ctx.step(
    s,
    `erin approves her ${amount(stake)} QUIV challenge stake`,
    c.token.connect(erin).approve(court, stake),
  );
  await ctx.step(
    s,
    "erin challenges the settlement: a major infraction, 10%",
    court.connect(erin).openChallenge(market, subjectId, MAJOR, 1_000n),
  );
  const challengeId = await court.challengeIdOf(market, subjectId);
  for (const [i, v] of validators.entries()) {
    const uphold = i < 2;
    await ctx.step(
      s,
      `validator ${i + 1} votes to ${uphold ? "uphold" : "reject"}`,
      court.connect(v).vote(challengeId, uphold),
    );
  }
  await ctx.connection.networkHelpers.time.increaseTo((await court.challenge(challengeId)).votingEnds);
  await ctx.step(
    s,
    "anyone decides the challenge after the 3-day vote: upheld, C slashed",
    court.connect(dave).decide(challengeId),
  );
  for (const [i, v] of validators.slice(0, 2).entries()) {
    await ctx.step(s, `validator ${i + 1} claims its validator fee`, court.connect(v).claimValidatorFee(challengeId));
  }
  return {
    providerC: providerC.address,
    dave: dave.address,
    erin: erin.address,
    validators: validators.map((v) => v.address),
    subjectId,
    challengeId,
    listValue: voucher.cumulativeAmount,
  };
}

/** The vesting schedule of a beneficiary (the ecosystem fund's). */
async function scheduleOf(ctx: DemoContext, beneficiary: string): Promise<bigint> {
  const vault = ctx.presets.quiver.c.vestingVault;
  for (let i = 0n; ; i++) {
    if ((await vault.schedule(i)).beneficiary === beneficiary) return i;
  }
}

export async function marketFigures(ctx: DemoContext, s: Section, st: MarketState): Promise<void> {
  const { c } = ctx.presets.quiver;
  const market = c.inferenceMarket!;
  const court = c.challengeCourt!;
  const staking = c.staking!;
  const sym = " QUIV";
  const [settled] = await market.queryFilter(market.filters.Settled(st.subjectId));
  const [fees] = await market.queryFilter(market.filters.FeesDistributed());
  const [, lifetime] = await market.earningsOf(st.providerC);
  const challenge = await court.challenge(st.challengeId);
  const [decided] = await court.queryFilter(court.filters.ChallengeDecided(st.challengeId));
  const [slash] = await c.slasher!.queryFilter(c.slasher!.filters.InfractionSlashed(st.providerC));
  const claimed = await court.queryFilter(court.filters.ValidatorFeeClaimed(st.challengeId));
  const [pool] = await court.balances();
  const dave = await staking.positionOf(st.dave);
  const daveUnbonding = await staking.unbondingRequest(st.dave, 0n);
  const paid = settled.args.baseFee + settled.args.priorityFee;
  s.figures.push(
    [
      "market: list value settled in one transaction",
      `${amount(settled.args.amount)}${sym} (${REQUESTS} requests, ${Number(settled.args.tokens).toLocaleString("en-US")} tokens)`,
    ],
    [
      "market: discount (provider C Silver) / consumer paid",
      `${Number(settled.args.discountBps) / 100}% / ${amount(paid)}${sym}`,
    ],
    ["market fees: provider C", amount(lifetime) + sym],
    ["market fees: validators (the court's reward pool)", amount(fees.args.validators) + sym],
    ["market fees: burned", amount(fees.args.burned) + sym],
    ["market fees: infrastructure", amount(fees.args.infrastructure) + sym],
    ["market fees: treasury", amount(fees.args.treasury) + sym],
    ["challenge: stake", amount(challenge.stake) + sym],
    [
      "challenge: outcome (uphold / reject votes)",
      `${STATUS[Number(decided.args.status)]} (${decided.args.upholdVotes} / ${decided.args.rejectVotes})`,
    ],
    ["challenge: paid back to erin (stake + reward)", amount(decided.args.toChallenger) + sym],
    [
      "challenge: validator fee per winner (claimed by)",
      `${amount(decided.args.feePerWinner)}${sym} (${claimed.length})`,
    ],
    [
      "slash: applied to provider C",
      `${Number(slash.args.appliedBps) / 100}% (${["minor", "major", "severe"][Number(slash.args.infraction)]})`,
    ],
    [
      "slash: from active stake / from unbonding stake",
      `${amount(slash.args.fromActive)} / ${amount(slash.args.fromUnbonding)}${sym}`,
    ],
    ["slash: burned", amount(slash.args.fromActive + slash.args.fromUnbonding + slash.args.fromReputation) + sym],
    ["provider C self-stake after the slash", amount((await staking.tierOf(st.providerC)).selfStake) + sym],
    ["dave's delegation / unbonding after the slash", `${amount(dave.stake)} / ${amount(daveUnbonding.amount)}${sym}`],
    ["court reward pool", amount(pool) + sym],
  );
}
