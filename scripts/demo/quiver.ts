/**
 * QUIVer on the devnet: providers stake into tiers, holders delegate and lock, the emission controller releases
 * into the provider-rewards pool and the staking contract, the distributor pays a provider from the pool, a
 * treasury grant goes through a real proposal (deposit, 7-day discussion, 14-day vote with staked and locked
 * weight, 7-day timelock), stakers claim, and the unclaimed rewards burn once their 180 days are over.
 *
 * While the vote is open (the votes are cast at the snapshot), the market part (scripts/demo/quiver-market.ts)
 * serves inference: a provider lists a model, a consumer streams requests and signs cumulative vouchers, the
 * provider settles the last one, the fees are split and burned, the consumer challenges the settlement, validators
 * vote, the court upholds and the provider and its delegator are slashed and the slash burned. The data marketplace
 * follows (scripts/demo/quiver-developers.ts): a dataset licence bought and its resale refused, a premium model's
 * one-time access fee paid, the licence fees routed through the fee split.
 *
 * The epilogue (after the other scenarios, when the bucket has expired) burns the unclaimed rewards, passes an
 * integration grant through governance (scripts/demo/quiver-developers.ts) and runs the provider programs and ratings
 * (scripts/demo/provider-programs.ts, shared with `npm run demo:programs`): the provider-rewards distributor and the
 * ecosystem fund fund the pools as the preset says, provider D and consumer henry earn each program once. Last, the
 * compliance step (scripts/demo/quiver-compliance.ts) deploys QUIVer with the compliance piece on and shows a
 * licence sale passing under the threshold, refused at it, passing once attested and refused in a restricted
 * jurisdiction.
 */
import { id, type ContractTransactionResponse } from "ethers";

import { amount, DAY, pct, type DemoContext, type Scenario, type Section } from "./context.js";
import {
  developerFigures,
  runDevelopers,
  runIntegrationGrant,
  type DevelopersState,
  auctionFigures,
  type AuctionState,
  licenceFigures,
  type LicencesState,
  runAuction,
  runLicences,
  type GrantState,
} from "./quiver-developers.js";
import { runVolume, type VolumeState, volumeFigures } from "./quiver-volume.js";
import { complianceFigures, runCompliance, type ComplianceState } from "./quiver-compliance.js";
import { fundProviderPrograms, runProviderPrograms, type ProgramsDemoResult } from "./provider-programs.js";
import { marketFigures, runMarket, type MarketState } from "./quiver-market.js";
import { boundDescription } from "../lib/proposal.js";

const QUIV = 10n ** 18n;
const TIERS = ["none", "Bronze", "Silver", "Gold", "Platinum"];
const STATES = ["Pending", "Active", "Canceled", "Defeated", "Succeeded", "Queued", "Expired", "Executed"];

/** Days after the TGE: the release, then the proposal's life (7 + 14 + 7 days). */
export const QUIVER_RELEASE_DAY = 60n;

/** What `run` hands to `epilogue` and `figures`. */
interface QuiverState {
  proposalId: bigint;
  epoch: bigint;
  alice: string;
  providerA: string;
  providerB: string;
  grantee: string;
  carol: string;
  market: MarketState;
  developers: DevelopersState;
  licences: LicencesState;
  auction: AuctionState;
  volume: VolumeState;
  /** Set by the epilogue. */
  grant?: GrantState;
  programs?: ProgramsDemoResult;
  compliance?: ComplianceState;
}

export default function quiver(): Scenario {
  let st: QuiverState | undefined;
  const state = () => {
    if (st === undefined) throw new Error("the QUIVer scenario has not run");
    return st;
  };
  return {
    system: "quiver",
    title:
      "Staking tiers, delegation and locks, emission into the reward pool and staking, inference served and settled by " +
      "vouchers, a challenge upheld and its provider slashed, a treasury grant voted through governance",

    async run(ctx: DemoContext, s: Section) {
      const { c } = ctx.presets.quiver;
      const staking = c.staking!;
      const pool = c.pool!;
      const liquidity = await ctx.account("quiver", "liquidity");
      const distributor = await ctx.account("quiver", "providerRewardsDistributor");
      const [providerA, providerB, alice, bob, carol, grantee] = await Promise.all(
        ["QUIVer provider A", "QUIVer provider B", "alice", "bob", "carol", "SDK team"].map((n) => ctx.actor(n)),
      );

      // The liquidity allocation (50M at the TGE) is the market the actors buy from.
      for (const [who, name, quiv] of [
        [providerA, "provider A", 250_000n],
        [providerB, "provider B", 60_000n],
        [alice, "alice", 100_000n],
        [bob, "bob", 100_000n],
        [carol, "carol", 200_000n],
      ] as const) {
        await ctx.step(
          s,
          `${name} buys ${amount(quiv * QUIV)} QUIV`,
          c.token.connect(liquidity).transfer(who, quiv * QUIV),
        );
      }
      const stakingAddress = await staking.getAddress();
      const stakeFrom = async (who: typeof alice, quiv: bigint) =>
        ctx.step(
          s,
          `approve ${amount(quiv * QUIV)} QUIV to staking`,
          c.token.connect(who).approve(stakingAddress, quiv * QUIV),
        );
      await stakeFrom(providerA, 250_000n);
      await ctx.step(
        s,
        "provider A registers with 250,000 QUIV (Gold)",
        staking.connect(providerA).registerProvider(250_000n * QUIV),
      );
      await stakeFrom(providerB, 60_000n);
      await ctx.step(
        s,
        "provider B registers with 60,000 QUIV (Silver)",
        staking.connect(providerB).registerProvider(60_000n * QUIV),
      );
      await stakeFrom(alice, 100_000n);
      await ctx.step(
        s,
        "alice delegates 100,000 QUIV to provider A",
        staking.connect(alice).delegate(providerA, 100_000n * QUIV),
      );
      await stakeFrom(bob, 100_000n);
      await ctx.step(
        s,
        "bob delegates 100,000 QUIV to provider B",
        staking.connect(bob).delegate(providerB, 100_000n * QUIV),
      );
      await ctx.step(
        s,
        "bob locks his stake for a year (up to 2x votes, decaying with the time left)",
        staking.connect(bob).lock(365n * DAY),
      );
      await ctx.step(s, "carol self-delegates her tokens", c.token.connect(carol).delegate(carol));
      await ctx.step(s, "the liquidity holder self-delegates", c.token.connect(liquidity).delegate(liquidity));

      // Emission: 60 days of year 1 (70M a year), 80% to the provider-rewards pool, 20% to staking.
      await ctx.at(QUIVER_RELEASE_DAY);
      await ctx.step(s, "release 60 days of emission (80% reward pool, 20% staking)", c.controller.release());
      const epoch = await pool.currentEpoch();
      await ctx.step(
        s,
        `distributor pays provider A 1,000,000 QUIV from epoch ${epoch}'s bucket`,
        pool.connect(distributor).claim(epoch, providerA, 1_000_000n * QUIV),
      );
      // The provider programs' bonus pools sit beside the provider rewards: the distributor keeps their funding.
      const f = ctx.presets.quiver.preset.programs!.funding;
      const bonuses = f.availability + f.diversity + f.loyalty;
      await ctx.step(
        s,
        `distributor claims ${amount(bonuses)} QUIV from the bucket for the provider programs' pools`,
        pool.connect(distributor).claim(epoch, distributor, bonuses),
      );

      // Governance: a treasury grant, proposed with the 100,000 QUIV deposit.
      const treasury = await c.treasury.getAddress();
      const data = c.treasury.interface.encodeFunctionData("transfer", [
        await c.token.getAddress(),
        grantee.address,
        1_000_000n * QUIV,
      ]);
      const description = boundDescription(
        "Grant 1,000,000 QUIV from the community treasury to the SDK team",
        carol.address,
      );
      const proposal: [string[], bigint[], string[]] = [[treasury], [0n], [data]];
      await ctx.step(
        s,
        "carol approves the 100,000 QUIV deposit (+ 1 wei, the governor's reserve: its first proposal)",
        c.token.connect(carol).approve(c.governor, await c.governor.depositDue()),
      );
      await ctx.step(
        s,
        "carol proposes the grant (treasury class, 50%)",
        c.governor.connect(carol).propose(...proposal, description),
      );
      const proposalId = await c.governor.getProposalId(...proposal, id(description));
      const snapshot = await c.governor.proposalSnapshot(proposalId);
      await ctx.connection.networkHelpers.time.increaseTo(snapshot + 1n);
      for (const [who, name, support] of [
        [liquidity, "the liquidity holder", 1],
        [providerA, "provider A (staked, 1.5x)", 1],
        [alice, "alice (delegated stake, 1.5x)", 1],
        [bob, "bob (locked a year: 1.5x + the bonus of the time left)", 0],
        [carol, "carol (tokens)", 1],
      ] as const) {
        await ctx.step(
          s,
          `${name} votes ${support === 1 ? "for" : "against"}`,
          c.governor.connect(who).castVote(proposalId, support),
        );
      }
      // The vote is read at the snapshot: the market runs while it stays open.
      const market = await runMarket(ctx, s);
      const developers = await runDevelopers(ctx, s, "erin (consumer)");
      const licences = await runLicences(ctx, s);
      const auction = await runAuction(ctx, s);
      const volume = await runVolume(ctx, s);

      await ctx.connection.networkHelpers.time.increaseTo((await c.governor.proposalDeadline(proposalId)) + 1n);
      await ctx.step(s, "queue in the 7-day timelock", c.governor.queue(...proposal, id(description)));
      await ctx.connection.networkHelpers.time.increase(7n * DAY);
      await ctx.step(s, "execute: the treasury pays the grant", c.governor.execute(...proposal, id(description)));
      await ctx.step(s, "settle the deposit (back to carol)", c.governor.settleDeposit(proposalId));

      await ctx.step(s, "alice claims her staking rewards", staking.connect(alice).claimRewards());
      await ctx.step(
        s,
        "provider A claims its self-stake rewards and commission",
        staking.connect(providerA).claimRewards(),
      );

      st = {
        proposalId,
        epoch,
        alice: alice.address,
        providerA: providerA.address,
        providerB: providerB.address,
        grantee: grantee.address,
        carol: carol.address,
        market,
        developers,
        licences,
        auction,
        volume,
      };
    },

    async epilogue(ctx: DemoContext, s: Section) {
      const { pool } = ctx.presets.quiver.c;
      const { epoch } = state();
      const [, expiresAt] = await pool!.bucket(epoch);
      const now = BigInt(await ctx.connection.networkHelpers.time.latest());
      if (now < expiresAt) await ctx.connection.networkHelpers.time.increaseTo(expiresAt);
      await ctx.step(
        s,
        `burn epoch ${epoch}'s unclaimed provider rewards (180 days after the epoch)`,
        pool!.burnExpired(epoch),
      );
      state().grant = await runIntegrationGrant(ctx, s);
      state().programs = await runQuiverProviderPrograms(ctx, s);
      // Last of all (nothing after it waits for a day): it deploys a preset of its own, which moves the clock.
      state().compliance = await runCompliance(ctx, s);
    },

    async figures(ctx: DemoContext, s: Section) {
      const { c, preset } = ctx.presets.quiver;
      const st = state();
      const staking = c.staking!;
      const sym = ` ${preset.token.symbol}`;
      const votes = await c.governor.proposalVotes(st.proposalId);
      const [bonded] = await staking.totalStakes();
      const [budget, , , distributed, claimed] = await staking.rewardState();
      const claimedBy = async (who: string) => {
        let total = 0n;
        for (const e of await staking.queryFilter(staking.filters.RewardsClaimed(who))) total += e.args.amount;
        return total;
      };
      s.figures.push(
        ["total supply", amount(await c.token.totalSupply()) + sym],
        ["total burned", amount(await c.token.totalBurned()) + sym],
        ["treasury", amount(await c.token.balanceOf(c.treasury)) + sym],
        ["emission released", amount(await c.controller.released()) + sym],
        ["emission still in the controller", amount(await c.token.balanceOf(c.controller)) + sym],
        ["reward pool unclaimed", amount(await c.pool!.totalUnclaimed()) + sym],
        ["staked (bonded)", amount(bonded) + sym],
        ["provider A tier", TIERS[Number((await staking.tierOf(st.providerA)).tier)]],
        ["provider B tier", TIERS[Number((await staking.tierOf(st.providerB)).tier)]],
        ["staking rewards notified, not yet paid out", amount(budget) + sym],
        ["staking rewards distributed / claimed", `${amount(distributed)} / ${amount(claimed)}${sym}`],
        ["alice's staking rewards", amount(await claimedBy(st.alice)) + sym],
        ["provider A's staking rewards", amount(await claimedBy(st.providerA)) + sym],
        ["proposal", STATES[Number(await c.governor.state(st.proposalId))]],
        ["votes for / against", `${amount(votes.forVotes)} / ${amount(votes.againstVotes)}`],
        ["SDK team grant", amount(await c.token.balanceOf(st.grantee)) + sym],
        ["carol's balance (deposit back)", amount(await c.token.balanceOf(st.carol)) + sym],
        ["governor's reserve (kept from the first proposal)", amount(await c.token.balanceOf(c.governor)) + sym],
      );
      await deflationFigures(ctx, s);
      await marketFigures(ctx, s, st.market);
      await developerFigures(ctx, s, st.developers, st.grant);
      await licenceFigures(ctx, s, st.licences);
      await auctionFigures(ctx, s, st.auction);
      await volumeFigures(ctx, s, st.volume);
      complianceFigures(s, st.compliance!);
      const p = st.programs;
      if (p !== undefined) {
        const bonus = (label: string, value: bigint) => [label, amount(value) + sym] as [string, string];
        s.figures.push(
          bonus("ratings: feedback reward paid to henry for rating provider D after a settled payment", p.feedback),
          bonus(
            "first claim: provider D on 800 QUIV earned (no uptime record, no tenure, model served under 30 days)",
            p.first.availability + p.first.diversity + p.first.loyalty,
          ),
          bonus(
            "diversity bonus: provider D after 189 days active, certified sole provider of its model, on 800 QUIV more",
            p.middle.diversity,
          ),
          bonus("loyalty bonus: provider D at that claim (it opens loyalty)", p.middle.loyalty),
          bonus("availability bonus: provider D at 99.90% on 90 attestations, on 800 QUIV more", p.second.availability),
          bonus("diversity bonus: provider D, third claim", p.second.diversity),
          bonus("loyalty bonus: provider D after 219 days active, on the same 800 QUIV", p.second.loyalty),
          [
            "ratings: provider D's paid-weighted rating",
            `${Number(p.rating.averageStarsBps) / 10_000} stars over ${amount(p.rating.weight)}${sym}`,
          ],
        );
      }
      s.notes.push(
        `Provider rewards: ${pct(8_000)} of each release into the epoch pool (burned when unclaimed 180 days after its epoch), ` +
          `${pct(2_000)} notified to staking, paid inside the 8-12% APY band (the ceiling holds the rest back).`,
        "Market fees: provider 80%, validators 0.5% (to the challenge court's reward pool), burn 1%, infrastructure " +
          "13.5%, treasury 5% of what the consumer pays after discounts; a settlement covers any number of requests.",
        "Burns: unclaimed provider rewards, the market's burn share and every slashed token.",
      );
    },
  };
}

/**
 * Provider D (Bronze) and consumer henry buy from the liquidity allocation; the distributor funds the bonus pools with
 * what it claimed for them, the ecosystem fund the feedback pool (the preset's funding); the court's three validators
 * attest D. Then the shared walk-through.
 */
async function runQuiverProviderPrograms(ctx: DemoContext, s: Section): Promise<ProgramsDemoResult> {
  const { c, preset } = ctx.presets.quiver;
  const liquidity = await ctx.account("quiver", "liquidity");
  const [providerD, henry, ...validators] = await Promise.all(
    ["QUIVer provider D", "henry (consumer)", "validator 1", "validator 2", "validator 3"].map((n) => ctx.actor(n)),
  );
  const step = async (label: string, tx: Promise<ContractTransactionResponse>) => {
    await ctx.step(s, label, tx);
    const receipts = await (await tx).wait();
    return receipts!;
  };
  await step("provider D buys 10,000 QUIV", c.token.connect(liquidity).transfer(providerD, 10_000n * QUIV));
  await step("henry buys 3,000 QUIV", c.token.connect(liquidity).transfer(henry, 3_000n * QUIV));
  await step(
    "provider D approves 10,000 QUIV to staking",
    c.token.connect(providerD).approve(c.staking!, 10_000n * QUIV),
  );
  await step(
    "provider D registers with 10,000 QUIV (Bronze)",
    c.staking!.connect(providerD).registerProvider(10_000n * QUIV),
  );
  const env = {
    connection: ctx.connection,
    token: c.token,
    catalog: c.modelCatalog!,
    market: c.inferenceMarket!,
    metrics: c.metricsRegistry!,
    ratings: c.ratings!,
    programs: c.providerPrograms!,
    curator: { signer: await ctx.account("quiver", "marketCurator"), name: "the market curator" },
    provider: { signer: providerD, name: "provider D" },
    consumer: { signer: henry, name: "henry" },
    validators,
    modelId: id("mistral-7b-medical"),
    step,
  };
  const f = preset.programs!.funding;
  await fundProviderPrograms(env, {
    feedback: { from: await ctx.account("quiver", "ecosystem"), name: "the ecosystem fund", amount: f.feedback },
    bonuses: {
      from: await ctx.account("quiver", "providerRewardsDistributor"),
      name: "the provider-rewards distributor",
      amounts: { availability: f.availability, diversity: f.diversity, loyalty: f.loyalty },
    },
  });
  return runProviderPrograms(env);
}

/**
 * The deflation controller: a step now (year 1) is refused; on a snapshot moved to its first allowed quarter (20,
 * the end of year 5) a step moves the burn share, then the snapshot is restored (the demo's clock and figures stay as
 * they were).
 */
async function deflationFigures(ctx: DemoContext, s: Section) {
  const { c } = ctx.presets.quiver;
  const controller = c.deflationController!;
  const router = c.feeRouter!;
  const burnKey = id("market.burnFeeBps");
  let refused = "not refused";
  try {
    await controller.step.staticCall();
  } catch (error) {
    const data = (error as { data?: string }).data;
    refused = (data === undefined ? undefined : controller.interface.parseError(data)?.name) ?? "refused";
  }
  s.figures.push([
    "deflation: a step now (before year 5)",
    `${refused} (steps start in quarter ${await controller.firstQuarter()}, after year 5)`,
  ]);
  const helpers = ctx.connection.networkHelpers;
  const snapshot = await helpers.takeSnapshot();
  try {
    const before = await router.parameter(burnKey);
    await helpers.time.increaseTo(await controller.nextStepAt());
    await (await controller.step()).wait();
    const after = await router.parameter(burnKey);
    s.figures.push([
      "deflation: burn share after the first step, quarter 20 (on a snapshot, restored)",
      `${pct(Number(before))} -> ${pct(Number(after))}`,
    ]);
  } finally {
    await snapshot.restore();
  }
}
