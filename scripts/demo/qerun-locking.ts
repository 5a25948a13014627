/**
 * The Qerun scenario's lock part (run after its lending part, on the same clock, before day 30): a holder locks QER
 * for 4 years and votes with the boosted weight on a real proposal that sends the ETH reserve's unowned ETH to the
 * buyback-and-burn; two holders lock on either side of a perk's threshold; a short-term locker exits early and pays
 * the penalty to the remaining lockers; lockers earn the funded long-term stream; an LP stakes the QER/WETH Uniswap
 * V2 LP token and earns QER; the executed proposal buys QER through the pool at no less than the oracle bound and
 * burns it; a locker whose lock has ended withdraws it.
 */
import { Contract, id } from "ethers";

import { PAIR_ARTIFACT, ROUTER_ARTIFACT } from "../../deploy/modules/devnet/UniswapV2.js";
import { boundDescription } from "../lib/proposal.js";
import { activeSupplySvg, readActiveSupply, writeActiveSupply, type ActiveSupplyRow } from "../lib/supply-report.js";
import { amount, DAY, type DemoContext, type Section } from "./context.js";

const QER = 10n ** 18n;
const WEEK = 7n * DAY;
/** 8-decimal feed answers. */
const usd = (dollars: bigint) => dollars * 10n ** 8n;

export const LOCKED = 3_000_000n * QER;
export const PERK_THRESHOLD = 10_000n * QER;
export const EARLY_LOCKED = 100_000n * QER;
export const LOCKER_STREAM = 70_000n * QER;
export const LP_STREAM = 30_000n * QER;
export const LENDING_PERK = "qerun.lending.reservedCeiling";

export interface LockingState {
  maxLock: bigint;
  lockEnd: bigint;
  snapshot: bigint;
  votes: bigint;
  perkGranted: boolean;
  perkRefused: boolean;
  exitTimeLeft: bigint;
  exitReturned: bigint;
  exitPenalty: bigint;
  lockerClaimed: bigint;
  othersOwed: bigint;
  lpStaked: bigint;
  lpClaimed: bigint;
  ethIn: bigint;
  minOut: bigint;
  burned: bigint;
  supplyBefore: bigint;
  supplyAfter: bigint;
  withdrawn: bigint;
  /** Active supply at each stage of the part. */
  timeline: ActiveSupplyRow[];
}

/** The lock part of the Qerun scenario; returns what the figures report. */
export async function runLocking(ctx: DemoContext, s: Section): Promise<LockingState> {
  const { c } = ctx.presets.qerun;
  const { ethers, networkHelpers } = ctx.connection;
  const { qerFeed, ethFeed, addresses } = ctx.externals;
  const locker = c.voteLocker!;
  const perks = c.accessPerks!;
  const lp = c.lpIncentives!;
  const burner = c.buybackBurner!;
  const reserve = c.ethReserve!;
  const communityFund = await ctx.account("qerun", "communityFund");
  const funder = await ctx.account("qerun", "liquidityIncentives");
  const [holder, granted, refused, leaver, provider] = await Promise.all(
    ["Qerun locker", "Qerun perk holder", "Qerun perk near-miss", "Qerun early leaver", "Qerun LP"].map((n) =>
      ctx.actor(n),
    ),
  );
  const now = async () => BigInt(await networkHelpers.time.latest());
  const lockerAddress = await locker.getAddress();
  const pairAddress = await lp.stakingToken();
  const pairToken = new Contract(pairAddress, PAIR_ARTIFACT.abi, ethers.provider);
  const skip = new Set([c.token, c.creditManager!, locker].map((x) => (x.target as string).toLowerCase()));
  const otherLocked = Object.values(ctx.presets.qerun.addresses).filter((a) => !skip.has(a.toLowerCase()));
  const timeline: ActiveSupplyRow[] = [];
  const snap = async (label: string) =>
    timeline.push(
      await readActiveSupply(label, await now(), {
        token: c.token,
        creditManager: await c.creditManager!.getAddress(),
        voteLocker: locker,
        voteLockerAddress: lockerAddress,
        lp: {
          totalStaked: () => lp.totalStaked(),
          pair: pairAddress,
          pairSupply: () => pairToken.getFunction("totalSupply")() as Promise<bigint>,
        },
        otherLocked,
      }),
    );
  await snap("before locks");

  // QER back at $2 (the lending part left it at $1), ETH $2,000: 1,000 QER per ETH.
  await ctx.step(s, "QER/USD feed publishes $2.00 again", qerFeed.setAnswer(usd(2n)));
  const grants: [typeof holder, bigint, string][] = [
    // The deposit, and 1 wei more: the governor's first proposal also pays its reserve (`depositDue`).
    [holder, LOCKED + 10_000n * QER + 1n, "3,010,000 QER (3M to lock, 10,000 for the proposal deposit) and 1 wei"],
    [granted, PERK_THRESHOLD, "10,000 QER"],
    [refused, PERK_THRESHOLD - 1n, "10,000 QER less 1 wei"],
    [leaver, EARLY_LOCKED, "100,000 QER"],
    [provider, 50_000n * QER, "50,000 QER"],
  ];
  for (const [who, value, label] of grants) {
    const name = who === holder ? "locker" : who === provider ? "LP" : "holder";
    await ctx.step(s, `community fund sends the ${name} ${label}`, c.token.connect(communityFund).transfer(who, value));
  }

  // Locks.
  const maxLock = (await locker.config()).maxLockDuration;
  await ctx.step(s, "locker approves the VoteLocker", c.token.connect(holder).approve(lockerAddress, LOCKED));
  await ctx.step(s, "locker locks 3,000,000 QER for 4 years", locker.connect(holder).createLock(LOCKED, maxLock));
  const lockEnd = (await locker.lockOf(holder)).end;
  for (const [who, value, label] of [
    [granted, PERK_THRESHOLD, "10,000 QER"],
    [refused, PERK_THRESHOLD - 1n, "10,000 QER less 1 wei"],
  ] as const) {
    await ctx.step(s, "holder approves the VoteLocker", c.token.connect(who).approve(lockerAddress, value));
    await ctx.step(s, `holder locks ${label} for 4 weeks`, locker.connect(who).createLock(value, 4n * WEEK));
  }
  const perk = id(LENDING_PERK);
  const perkGranted = await perks.hasAccess(granted, perk);
  const perkRefused = !(await perks.hasAccess(refused, perk));
  await ctx.step(
    s,
    "early leaver approves the VoteLocker",
    c.token.connect(leaver).approve(lockerAddress, EARLY_LOCKED),
  );
  await ctx.step(
    s,
    "early leaver locks 100,000 QER for 52 weeks",
    locker.connect(leaver).createLock(EARLY_LOCKED, 52n * WEEK),
  );

  // Liquidity: 50,000 QER + 50 ETH at the oracle price, LP tokens staked.
  const router = new Contract(addresses.router, ROUTER_ARTIFACT.abi, provider);
  const far = (await now()) + 60n * DAY;
  await ctx.step(s, "LP approves the router", c.token.connect(provider).approve(addresses.router, 50_000n * QER));
  await ctx.step(
    s,
    "LP adds 50,000 QER + 50 ETH to the QER/WETH Uniswap V2 pool",
    router.getFunction("addLiquidityETH")(c.token, 50_000n * QER, 0n, 0n, provider.address, far, {
      value: 50n * QER,
    }),
  );
  const pair = new Contract(await lp.stakingToken(), PAIR_ARTIFACT.abi, provider);
  const lpStaked: bigint = await pair.getFunction("balanceOf")(provider.address);
  await ctx.step(s, "LP approves the incentives pool", pair.getFunction("approve")(await lp.getAddress(), lpStaked));
  await ctx.step(s, "LP stakes all its LP tokens", lp.connect(provider).stake(lpStaked));

  // Funding: the liquidity-incentives account streams 70,000 QER to lockers (7 days), 30,000 to LPs (30 days).
  await ctx.step(
    s,
    "community fund sends the incentives account 100,000 QER",
    c.token.connect(communityFund).transfer(funder, LOCKER_STREAM + LP_STREAM),
  );
  await ctx.step(
    s,
    "incentives account moves 70,000 QER to the VoteLocker",
    c.token.connect(funder).transfer(lockerAddress, LOCKER_STREAM),
  );
  await ctx.step(
    s,
    "incentives account streams them to lockers",
    locker.connect(funder).notifyRewardAmount(LOCKER_STREAM),
  );
  await ctx.step(
    s,
    "incentives account moves 30,000 QER to the LP pool",
    c.token.connect(funder).transfer(lp, LP_STREAM),
  );
  await ctx.step(s, "incentives account streams them to LPs", lp.connect(funder).notifyRewardAmount(LP_STREAM));

  await snap("locked and staked");

  // The proposal: the ETH reserve's unowned ETH to the burner, and a buyback with it.
  const ethIn = await reserve.unownedEth();
  const targets = [await reserve.getAddress(), await burner.getAddress()];
  const calldatas = [
    reserve.interface.encodeFunctionData("withdrawUnowned", [await burner.getAddress(), ethIn]),
    burner.interface.encodeFunctionData("buyback", [ethIn, far]),
  ];
  const description = boundDescription("Buy back and burn QER with the ETH reserve's unowned ETH", holder.address);
  const values = [0n, 0n];
  await ctx.step(
    s,
    "locker approves the proposal deposit",
    c.token.connect(holder).approve(c.governor, await c.governor.depositDue()),
  );
  await ctx.step(
    s,
    "locker proposes: reserve's unowned ETH -> buyback-and-burn",
    c.governor.connect(holder).propose(targets, values, calldatas, description),
  );
  const proposalId = await c.governor.getProposalId(targets, values, calldatas, id(description));
  const snapshot = await c.governor.proposalSnapshot(proposalId);
  await networkHelpers.time.increaseTo(snapshot + 1n);
  const votes = await c.governor.getVotes(holder, snapshot);
  await ctx.step(s, "locker votes for with its boosted weight", c.governor.connect(holder).castVote(proposalId, 1));

  // An early exit a day later: the penalty goes to the remaining lockers.
  await networkHelpers.time.increase(DAY);
  const leaverEnd = (await locker.lockOf(leaver)).end;
  const exitTx = await (await locker.connect(leaver).exitEarly()).wait();
  const exitAt = await now();
  s.steps.push({
    day: await ctx.day(),
    step: "early leaver exits 44 weeks early and pays the penalty",
    gas: exitTx!.gasUsed,
  });
  const exited = exitTx!.logs
    .map((l) => {
      try {
        return locker.interface.parseLog(l);
      } catch {
        return null;
      }
    })
    .find((e) => e?.name === "ExitedEarly")!;
  await snap("early exit");

  await networkHelpers.time.increaseTo((await c.governor.proposalDeadline(proposalId)) + 1n);
  await ctx.step(s, "anyone queues the passed proposal", c.governor.queue(targets, values, calldatas, id(description)));
  await networkHelpers.time.increaseTo((await c.governor.proposalEta(proposalId)) + 1n);
  await ctx.step(s, "QER/USD feed publishes $2.00", qerFeed.setAnswer(usd(2n)));
  await ctx.step(s, "ETH/USD feed publishes $2,000", ethFeed.setAnswer(usd(2_000n)));
  const minOut = await burner.minOutFor(ethIn);
  const supplyBefore = await c.token.totalSupply();
  await ctx.step(
    s,
    "anyone executes: the burner buys QER and burns it",
    c.governor.execute(targets, values, calldatas, id(description)),
  );
  const supplyAfter = await c.token.totalSupply();
  const burned = await burner.totalBurned();
  await snap("buyback");

  const lockerBefore = await c.token.balanceOf(holder);
  await ctx.step(s, "locker claims its long-term rewards", locker.connect(holder).claim());
  const lockerClaimed = (await c.token.balanceOf(holder)) - lockerBefore;
  const othersOwed = (await locker.earned(granted)) + (await locker.earned(refused));
  const lpBefore = await c.token.balanceOf(provider);
  await ctx.step(s, "LP claims its QER", lp.connect(provider).claim());
  const lpClaimed = (await c.token.balanceOf(provider)) - lpBefore;
  const grantedBefore = await c.token.balanceOf(granted);
  await ctx.step(s, "perk holder withdraws its ended 4-week lock", locker.connect(granted).withdraw());
  const withdrawn = (await c.token.balanceOf(granted)) - grantedBefore;
  await snap("claims and unlock");

  return {
    maxLock,
    lockEnd,
    snapshot,
    votes,
    perkGranted,
    perkRefused,
    exitTimeLeft: leaverEnd - exitAt,
    exitReturned: exited.args.returned,
    exitPenalty: exited.args.penalty,
    lockerClaimed,
    othersOwed,
    lpStaked,
    lpClaimed,
    ethIn,
    minOut,
    burned,
    supplyBefore,
    supplyAfter,
    withdrawn,
    timeline,
  };
}

/** The lock part's figures; writes the active-supply table and chart to `<dir>/demo-active-supply-qerun.*`. */
export async function lockingFigures(s: Section, st: LockingState, dir: string) {
  const q = (wei: bigint) => `${amount(wei)} QER`;
  s.figures.push(
    ["lock: QER locked / seconds to its end at the snapshot", `${q(LOCKED)} / ${st.lockEnd - st.snapshot}`],
    ["lock: voting weight at the snapshot", q(st.votes)],
    [
      `perk ${LENDING_PERK} at 10,000 QER: exactly 10,000 / 1 wei less`,
      `${st.perkGranted ? "granted" : "REFUSED"} / ${st.perkRefused ? "refused" : "GRANTED"}`,
    ],
    ["early exit: locked / seconds left", `${q(EARLY_LOCKED)} / ${st.exitTimeLeft}`],
    ["early exit: returned / penalty to the remaining lockers", `${q(st.exitReturned)} / ${q(st.exitPenalty)}`],
    ["long-term rewards: funded stream", q(LOCKER_STREAM)],
    [
      "long-term rewards: claimed by the 4-year locker / owed to the others",
      `${q(st.lockerClaimed)} / ${q(st.othersOwed)}`,
    ],
    ["ended lock withdrawn", q(st.withdrawn)],
    ["LP: LP tokens staked / QER claimed (30,000 over 30 days)", `${amount(st.lpStaked)} / ${q(st.lpClaimed)}`],
    ["buyback: reserve ETH spent", `${amount(st.ethIn)} ETH`],
    ["buyback: oracle minimum / QER bought and burned", `${q(st.minOut)} / ${q(st.burned)}`],
    ["total supply: before / after the buyback", `${q(st.supplyBefore)} / ${q(st.supplyAfter)}`],
  );
  for (const r of st.timeline) {
    s.figures.push([
      `active supply, ${r.label}: total / collateral / vote-locked / LP-staked / burned / active`,
      [r.total, r.collateral, r.voteLocked, r.lpStaked, r.burned, r.active].map((v) => amount(v)).join(" / "),
    ]);
  }
  const files = await writeActiveSupply(
    st.timeline,
    activeSupplySvg(st.timeline, "Qerun active supply through the lock scenario", "QER"),
    dir,
    "demo-active-supply-qerun",
  );
  s.notes.push(
    `Active supply = total - vesting - emission - treasury - protocol contracts - collateral - vote-locked - LP-staked (table: ${files.csv}, chart: ${files.png}).`,
    "Votes: 1x per locked QER plus up to +1x for the time left (2x at 4 years); the governor reads them at the snapshot.",
    "Early exit: 50% of the amount at 4 years left, linear in the time left, rounded up; paid to the remaining lockers by weight.",
    "The buyback spends the ETH reserve's unowned ETH by proposal, at no less than 97% of the oracle price, at most 100 ETH a quarter.",
  );
}
