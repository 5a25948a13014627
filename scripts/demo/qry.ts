/**
 * QRY on the devnet: a fair launch where every token is minted by the emission controller into the distribution
 * engine, which pays eight pools per 30-day epoch by the chain-maturity mix and the usage multiplier.
 *
 * - Day 90 (epoch 3 open): the registrar (an operations account) appoints a consensus reporter, a gateway, a portal and
 *   a challenger and registers a validator; the reporter records the validator's blocks; 90 days of issuance are
 *   minted into the engine and the three empty epochs are closed (no usage: the multiplier sits at its 0.5x floor,
 *   the rest waits in the pools' reserves).
 * - Day 120 (epoch 4): epoch 3 closes; the validator claims its consensus rewards (the first QRY anyone holds) and
 *   funds a provider, a client, a staker, a portal and an integrator (each of the last two bonds 10,000 QRY, locked for a year; the
 *   integrator then registers with the subscription manager). The provider registers with 10,000 QRY, locked for a
 *   year (the query-fulfillment pool credits a provider only with its own stake locked), and declares its service; the
 *   staker delegates 5,000 QRY locked for a year (2x reward weight).
 * - Day 210 (epoch 7, the mix a sixth of the way to mature): epochs 4-6 close; the client pays a portal, which sells
 *   it a 12-epoch subscription naming an integrator; the gateway reports the provider's calls; the challenger records
 *   its challenges; the reporter records the validator's blocks.
 * - Day 240 (epoch 8): epoch 7 closes; the provider claims its query-fulfillment share (the square-root pool's only
 *   identity: all of it) and its availability pay, the challenger its challenger pay, the portal and the integrator
 *   their pools (empty in the early mix, growing since month 6), the validator its consensus rewards.
 * - Day 270: the staker claims the staking rewards the engine paid into the staking contract.
 */
import { ZeroAddress } from "ethers";

import { ROLES } from "../../lib/roles.js";
import { amount, type DemoContext, type Scenario, type Section } from "./context.js";

const QRY = 10n ** 18n;
const EPOCH_DAYS = 30n;
export const QRY_FIRST_DAY = 90n;
/** The epoch whose usage the scenario measures (days 210-240). */
export const QRY_USAGE_EPOCH = 7n;
export const QRY_LAST_DAY = 270n;
export const QRY_MONTHLY_PAY = 100n * QRY;
export const QRY_CALLS = 5_000n;
export const QRY_CHALLENGES = 1_000n;
export const QRY_ANSWERED = 990n;

/** The engine's pools, in order (presets/qry/distribution.ts). */
const POOL_NAMES = [
  "query fulfillment",
  "availability",
  "integrators",
  "portals",
  "worker proposals",
  "staking rewards",
  "consensus",
  "stabilization",
];

interface QryState {
  provider: string;
  staker: string;
  validator: string;
  challenger: string;
  portal: string;
  integrator: string;
  claims: Map<string, bigint>;
}

export default function qry(): Scenario {
  let st: QryState | undefined;
  return {
    system: "qry",
    title: "Fair-launch issuance through the distribution engine: subscriptions, usage reports, epoch claims, staking",

    async run(ctx: DemoContext, s: Section) {
      const { c } = ctx.presets.qry;
      const staking = c.staking!;
      const engine = c.distributionEngine!;
      const subscriptions = c.subscriptions!;
      const availability = c.availabilityPool!;
      const consensus = c.consensusRewards!;
      const registrar = await ctx.account("qry", "distributionRegistrar");
      const [provider, staker, client, portal, integrator, gateway, challenger, reporter, validator] =
        await Promise.all(
          [
            "QRY provider",
            "QRY staker",
            "QRY client",
            "QRY portal",
            "QRY integrator",
            "QRY gateway",
            "QRY challenger",
            "QRY consensus reporter",
            "QRY validator",
          ].map((n) => ctx.actor(n)),
        );
      const claims = new Map<string, bigint>();
      const claim = async (label: string, tx: Parameters<DemoContext["step"]>[2], who: string) => {
        const before = await c.token.balanceOf(who);
        await ctx.step(s, label, tx);
        claims.set(label, (await c.token.balanceOf(who)) - before);
      };
      // A close records each pool's budget; paying them is a separate call per pool (anyone, here the keeper).
      const close = async (label: string, epoch: bigint) => {
        await ctx.step(s, label, engine.closeEpoch());
        const pools = BigInt((await engine.pools()).length);
        for (let index = 0n; index < pools; index++) {
          await ctx.step(s, `pay pool ${index} its budget of epoch ${epoch}`, engine.fund(index, epoch));
        }
      };

      // ---- day 90, epoch 3: operators appointed, issuance released, the empty epochs closed
      await ctx.at(QRY_FIRST_DAY);
      for (const [role, who, name] of [
        [ROLES.DISTRIBUTION_CONSENSUS_REPORTER, reporter, "consensus reporter"],
        [ROLES.DISTRIBUTION_GATEWAY, gateway, "gateway"],
        [ROLES.DISTRIBUTION_PORTAL, portal, "portal"],
        [ROLES.DISTRIBUTION_CHALLENGER, challenger, "challenger"],
      ] as const) {
        await ctx.step(s, `registrar appoints the ${name}`, c.manager.connect(registrar).grantRole(role, who, 0));
      }
      await ctx.step(s, "registrar registers a validator", consensus.connect(registrar).setValidator(validator, true));
      await ctx.step(
        s,
        "reporter records 1,000 blocks by the validator (epoch 3)",
        consensus.connect(reporter).recordBlocks(3n, validator, 1_000n),
      );
      await ctx.step(s, "release 90 days of issuance, minted into the engine", c.controller.release());
      for (const epoch of [0n, 1n, 2n]) {
        await close(`close epoch ${epoch} (no usage yet: multiplier 0.5x)`, epoch);
      }

      // ---- day 120, epoch 4: the first holders, staking, a subscription, usage
      await ctx.at(QRY_FIRST_DAY + EPOCH_DAYS);
      await ctx.step(s, "release 30 more days of issuance into the engine", c.controller.release());
      await close("close epoch 3", 3n);
      await claim(
        "validator claims its consensus rewards (epoch 3)",
        consensus.connect(validator).claim(3n),
        validator.address,
      );
      for (const [who, name, qry] of [
        [provider, "the provider", 20_000n],
        [staker, "the staker", 5_000n],
        [client, "the client", 1_200n],
        [portal, "the portal", 10_000n],
        [integrator, "the integrator", 10_000n],
      ] as const) {
        await ctx.step(
          s,
          `validator pays ${name} ${amount(qry * QRY)} QRY`,
          c.token.connect(validator).transfer(who, qry * QRY),
        );
      }
      await ctx.step(s, "provider approves 10,000 QRY", c.token.connect(provider).approve(staking, 10_000n * QRY));
      await ctx.step(
        s,
        "provider registers with 10,000 QRY",
        staking.connect(provider).registerProvider(10_000n * QRY),
      );
      // A provider is a staked identity too: the gateway's report credits it only with its own stake locked through
      // the epoch's claim window (epoch 7 ends on day 240, its claims close on day 330); it locks for a year.
      await ctx.step(s, "provider locks its stake for a year", staking.connect(provider).lock(365n * 86_400n));
      await ctx.step(
        s,
        "provider declares service 0 (10,000 QRY minimum)",
        availability.connect(provider).registerService(0n),
      );
      // Portals and integrators are staked identities (a Sybil cost): each registers the 10,000 QRY minimum and locks
      // it for a year (a sale credits them only with their own stake locked through the epoch's claim window: epoch
      // 7 ends on day 240, its claims close on day 330).
      for (const [who, name] of [
        [portal, "portal"],
        [integrator, "integrator"],
      ] as const) {
        await ctx.step(s, `${name} approves 10,000 QRY`, c.token.connect(who).approve(staking, 10_000n * QRY));
        await ctx.step(
          s,
          `${name} bonds 10,000 QRY as its identity`,
          staking.connect(who).registerProvider(10_000n * QRY),
        );
        await ctx.step(s, `${name} locks its identity stake for a year`, staking.connect(who).lock(365n * 86_400n));
      }
      // A sale names a registered integrator: it registers once, with its stake bonded.
      await ctx.step(
        s,
        "integrator registers with the subscription manager",
        subscriptions.connect(integrator).registerIntegrator(),
      );
      await ctx.step(s, "staker approves 5,000 QRY", c.token.connect(staker).approve(staking, 5_000n * QRY));
      await ctx.step(
        s,
        "staker delegates 5,000 QRY to the provider",
        staking.connect(staker).delegate(provider, 5_000n * QRY),
      );
      await ctx.step(s, "staker locks for a year (2x reward weight)", staking.connect(staker).lock(365n * 86_400n));

      // ---- day 210, epoch 7: a subscription and usage, mid-way through the chain-maturity transition
      await ctx.at(QRY_USAGE_EPOCH * EPOCH_DAYS);
      await ctx.step(s, "release issuance up to day 210 into the engine", c.controller.release());
      for (const epoch of [4n, 5n, 6n]) await close(`close epoch ${epoch}`, epoch);
      await ctx.step(s, "client pays the portal 1,200 QRY", c.token.connect(client).transfer(portal, 1_200n * QRY));
      await ctx.step(
        s,
        "portal approves the subscription manager",
        c.token.connect(portal).approve(subscriptions, 1_200n * QRY),
      );
      await ctx.step(
        s,
        "portal sells the client 12 epochs at 100 QRY, naming the integrator",
        subscriptions.connect(portal).subscribe(client, integrator, QRY_MONTHLY_PAY, 12n),
      );
      const id = await subscriptions.subscriptionCount(); // ids start at 1
      await ctx.step(
        s,
        `gateway reports ${QRY_CALLS.toLocaleString("en-US")} calls served by the provider`,
        subscriptions.connect(gateway).reportCalls(QRY_USAGE_EPOCH, id, provider, QRY_CALLS),
      );
      await ctx.step(
        s,
        "challenger records 1,000 challenges to the provider, 990 answered (99%)",
        availability.connect(challenger).recordChallenges(QRY_USAGE_EPOCH, provider, QRY_CHALLENGES, QRY_ANSWERED),
      );
      await ctx.step(
        s,
        "reporter records 1,000 blocks by the validator (epoch 7)",
        consensus.connect(reporter).recordBlocks(QRY_USAGE_EPOCH, validator, 1_000n),
      );

      // ---- day 240, epoch 8: epoch 7 closes, every participant claims
      await ctx.at((QRY_USAGE_EPOCH + 1n) * EPOCH_DAYS);
      await ctx.step(s, "release 30 more days of issuance into the engine", c.controller.release());
      await close("close epoch 7", 7n);
      await claim(
        "provider claims its query-fulfillment share",
        c.queryFulfillmentPool!.connect(provider).claim(QRY_USAGE_EPOCH),
        provider.address,
      );
      await claim(
        "provider claims its availability pay",
        availability.connect(provider).claimAvailability(QRY_USAGE_EPOCH),
        provider.address,
      );
      await claim(
        "challenger claims its challenger pay",
        availability.connect(challenger).claimChallenges(QRY_USAGE_EPOCH),
        challenger.address,
      );
      await claim(
        "portal claims its portal share",
        c.portalPool!.connect(portal).claim(QRY_USAGE_EPOCH),
        portal.address,
      );
      await claim(
        "integrator claims its integrator share",
        c.integratorPool!.connect(integrator).claim(QRY_USAGE_EPOCH),
        integrator.address,
      );
      await claim(
        "validator claims its consensus rewards (epoch 7)",
        consensus.connect(validator).claim(QRY_USAGE_EPOCH),
        validator.address,
      );

      // ---- day 270: staking rewards paid into the staking contract by the engine
      await ctx.at(QRY_LAST_DAY);
      await claim("staker claims its staking rewards", staking.connect(staker).claimRewards(), staker.address);

      st = {
        provider: provider.address,
        staker: staker.address,
        validator: validator.address,
        challenger: challenger.address,
        portal: portal.address,
        integrator: integrator.address,
        claims,
      };
    },

    async figures(ctx: DemoContext, s: Section) {
      if (st === undefined) throw new Error("the QRY scenario has not run");
      const { c, preset } = ctx.presets.qry;
      const engine = c.distributionEngine!;
      const sym = ` ${preset.token.symbol}`;
      const summary = await engine.epochSummary(QRY_USAGE_EPOCH);
      const ledger = async (pool: { ledger(epoch: bigint): Promise<{ funded: bigint }> } | undefined) =>
        pool === undefined ? 0n : (await pool.ledger(QRY_USAGE_EPOCH)).funded;
      s.figures.push(
        ["total minted (= supply: nothing burned)", amount(await c.token.totalMinted()) + sym],
        ["total burned", amount(await c.token.totalBurned()) + sym],
        ["emission curve at day 240", amount(await c.controller.emittedAt(ctx.start + 240n * 86_400n)) + sym],
        ["minted to anyone but the engine", amount(await mintedToOthers(ctx, await engine.getAddress())) + sym],
        [`epoch ${QRY_USAGE_EPOCH}: split among the pools`, amount(summary.incoming) + sym],
        [`epoch ${QRY_USAGE_EPOCH}: usage multiplier`, `${Number(summary.multiplierWad) / 1e18}x`],
        [`epoch ${QRY_USAGE_EPOCH}: query-fulfillment funding`, amount(await ledger(c.queryFulfillmentPool)) + sym],
        [`epoch ${QRY_USAGE_EPOCH}: availability funding`, amount(await ledger(c.availabilityPool)) + sym],
        [`epoch ${QRY_USAGE_EPOCH}: portal funding`, amount(await ledger(c.portalPool)) + sym],
        [`epoch ${QRY_USAGE_EPOCH}: integrator funding`, amount(await ledger(c.integratorPool)) + sym],
        [`epoch ${QRY_USAGE_EPOCH}: consensus funding`, amount(await ledger(c.consensusRewards)) + sym],
      );
      for (const [label, value] of st.claims) s.figures.push([label, amount(value) + sym]);
      const reserves: string[] = [];
      for (let i = 0; i < POOL_NAMES.length; i++) reserves.push(amount(await engine.reserveOf(i)));
      s.figures.push(
        ["engine reserves (kept for high-usage epochs)", amount(await engine.held()) + sym],
        ["worker pool balance", amount(await c.token.balanceOf(c.workerPool!)) + sym],
        ["stabilization fund balance", amount(await c.token.balanceOf(c.stabilizationFund!)) + sym],
        ["staked (bonded)", amount((await c.staking!.totalStakes())[0]) + sym],
      );
      s.notes.push(
        "Every QRY is minted into the distribution engine: the first holders are the validator (consensus pool) and " +
          "those it pays; the provider, the portal, the integrator and the challenger then earn from the pools.",
        "The provider is the query-fulfillment pool's only identity, so its square-root share is the whole pool.",
        "Portals and integrators weigh nothing in the early mix; from month 6 the mix moves linearly to the mature " +
          "one (15% each by month 12), so at the close of epoch 7 (day 240) they had about 31% of that.",
        `Per-pool reserves (in the engine's order: ${POOL_NAMES.join(", ")}): ${reserves.join(" / ")} QRY.`,
      );
    },
  };
}

/** Sum of every mint to an address other than the engine (must be zero: all issuance goes through the engine). */
async function mintedToOthers(ctx: DemoContext, engine: string): Promise<bigint> {
  const { token } = ctx.presets.qry.c;
  let total = 0n;
  for (const e of await token.queryFilter(token.filters.Transfer(ZeroAddress))) {
    if (e.args.to !== engine) total += e.args.value;
  }
  return total;
}
