/**
 * QRY on the devnet: a fair launch where the emission controller mints every token. The first release (day 90)
 * follows the early mix (availability, staking, worker proposals first); the availability stream's holder pays a
 * provider and two stakers; the provider registers; one staker locks for a year (2x reward weight), the other for
 * 30 days (1.1x, back to 1x once kicked); the second release (day 270) follows the mix on its way to the mature one
 * (providers, portals, integrators first); stakers claim in proportion to their weights.
 *
 * Left for issue 9 (one more scenario file): subscriptions, usage reports, quadratic pools and epoch claims; the
 * named pool accounts below are the distribution engine's pools until it lands.
 */
import { amount, DAY, pct, type DemoContext, type Scenario, type Section } from "./context.js";

const QRY = 10n ** 18n;
export const QRY_FIRST_RELEASE_DAY = 90n;
export const QRY_SECOND_RELEASE_DAY = 270n;

/** The emission streams' names, in the preset's recipient order. */
const STREAMS = [
  "queryFulfillmentPool",
  "availabilityPool",
  "integratorPool",
  "portalPool",
  "workerProposals",
  "stakingPool",
  "consensusPool",
];

interface QryState {
  provider: string;
  dave: string;
  erin: string;
  received: Map<string, bigint>;
}

export default function qry(): Scenario {
  let st: QryState | undefined;
  return {
    system: "qry",
    title: "Fair-launch emission by the chain-maturity mix, staking with maturity buckets, worker-proposal funding",

    async run(ctx: DemoContext, s: Section) {
      const { c } = ctx.presets.qry;
      const staking = c.staking!;
      const availability = await ctx.account("qry", "availabilityPool");
      const [provider, dave, erin] = await Promise.all(["QRY provider", "dave", "erin"].map((n) => ctx.actor(n)));

      await ctx.at(QRY_FIRST_RELEASE_DAY);
      await ctx.step(s, "release 90 days of issuance (early mix), minted", c.controller.release());

      // Until the distribution engine pays A-Pay, the availability stream's holder pays by hand.
      for (const [who, name, qry] of [
        [provider, "the provider", 50_000n],
        [dave, "dave", 20_000n],
        [erin, "erin", 20_000n],
      ] as const) {
        await ctx.step(
          s,
          `availability pool pays ${name} ${amount(qry * QRY)} QRY`,
          c.token.connect(availability).transfer(who, qry * QRY),
        );
      }
      await ctx.step(s, "provider approves 10,000 QRY", c.token.connect(provider).approve(staking, 10_000n * QRY));
      await ctx.step(
        s,
        "provider registers with 10,000 QRY (minimum 1,000)",
        staking.connect(provider).registerProvider(10_000n * QRY),
      );
      for (const [who, name, days, weight] of [
        [dave, "dave", 365n, "2x"],
        [erin, "erin", 30n, "1.1x"],
      ] as const) {
        await ctx.step(s, `${name} approves 20,000 QRY`, c.token.connect(who).approve(staking, 20_000n * QRY));
        await ctx.step(
          s,
          `${name} stakes 20,000 QRY toward the provider`,
          staking.connect(who).delegate(provider, 20_000n * QRY),
        );
        await ctx.step(
          s,
          `${name} locks for ${days} days (${weight} reward weight)`,
          staking.connect(who).lock(days * DAY),
        );
      }

      await ctx.at(QRY_SECOND_RELEASE_DAY);
      await ctx.step(s, "release up to day 270 (the mix halfway to mature), minted", c.controller.release());
      await ctx.step(s, "anyone kicks erin's expired lock (back to 1x)", staking.kick(erin));
      await ctx.step(s, "dave claims his staking rewards", staking.connect(dave).claimRewards());
      await ctx.step(s, "erin claims her staking rewards", staking.connect(erin).claimRewards());

      // Mint mode: each stream's share is minted straight to it.
      const received = new Map<string, bigint>();
      for (const e of await c.token.queryFilter(c.token.filters.Transfer(ctx.connection.ethers.ZeroAddress))) {
        received.set(e.args.to, (received.get(e.args.to) ?? 0n) + e.args.value);
      }
      st = { provider: provider.address, dave: dave.address, erin: erin.address, received };
    },

    async figures(ctx: DemoContext, s: Section) {
      if (st === undefined) throw new Error("the QRY scenario has not run");
      const { c, preset, inputs, addresses } = ctx.presets.qry;
      const staking = c.staking!;
      const sym = ` ${preset.token.symbol}`;
      const claimedBy = async (who: string) => {
        let total = 0n;
        for (const e of await staking.queryFilter(staking.filters.RewardsClaimed(who))) total += e.args.amount;
        return total;
      };
      const [bonded] = await staking.totalStakes();
      const latest = BigInt(await ctx.connection.networkHelpers.time.latest());
      const weights = await c.controller.weightsAt(latest);
      const recipients = await c.controller.recipients();
      s.figures.push(
        ["total minted (= supply: nothing burned)", amount(await c.token.totalMinted()) + sym],
        ["total burned", amount(await c.token.totalBurned()) + sym],
        [
          "emission curve at day 270",
          amount(await c.controller.emittedAt(ctx.start + QRY_SECOND_RELEASE_DAY * DAY)) + sym,
        ],
        ["not yet minted (cap - minted)", amount((await c.token.cap()) - (await c.token.totalMinted())) + sym],
      );
      recipients.forEach((r, i) => {
        const name = STREAMS.find((n) => (inputs.accounts[n] ?? bound(n, addresses)) === r.account) ?? r.account;
        s.figures.push([
          `stream ${name} (weight now ${pct(weights[i])})`,
          amount(st!.received.get(r.account) ?? 0n) + sym,
        ]);
      });
      s.figures.push(
        ["worker pool balance", amount(await c.token.balanceOf(c.workerPool!)) + sym],
        ["staked (bonded)", amount(bonded) + sym],
        ["dave's rewards (locked a year, 2x)", amount(await claimedBy(st.dave)) + sym],
        ["erin's rewards (locked 30 days, 1.1x then 1x)", amount(await claimedBy(st.erin)) + sym],
      );
      s.notes.push(
        "The mix holds the early weights for 6 months, then moves linearly to the mature weights by month 12.",
        "Not yet on the devnet: subscriptions, usage reports, quadratic pools and epoch claims (issue 9).",
      );
    },
  };
}

/** The contract a bound stream name stands for (staking, worker pool). */
function bound(name: string, addresses: Record<string, string>): string | undefined {
  if (name === "stakingPool") return addresses.staking;
  if (name === "workerProposals") return addresses.workerPool;
  return undefined;
}
