/**
 * QUIVer's consumer and developer programs on the devnet, run by scripts/demo/quiver.ts after the market part:
 *
 * - Early adopters: the ecosystem fund funded the early-adopter pool before erin's first settlement (the market
 *   part), so erin, the first paying consumer, earned 10% of the 900 QUIV she paid; she turns the 90 QUIV into
 *   market credits (spendable there, never withdrawn).
 * - Paid applications: frank (a developer) lists an app at 100 QUIV; grace buys it: 70 QUIV to frank, 30 QUIV
 *   through the fee split (validators, infrastructure, treasury, burn).
 * - Open source: the market curator flags frank's project open source, doubling his integration-grant cap to
 *   100,000 QUIV.
 * - Bounties: the ecosystem fund posts a 2,000 QUIV documentation bounty approved by the market curator; the curator
 *   accepts frank's work and frank is paid.
 */
import { type DemoContext, type Section, amount } from "./context.js";

const QUIV = 10n ** 18n;

/** What the developer part hands to the figures. */
export interface DevelopersState {
  erin: string;
  frank: string;
  grace: string;
  bountyId: bigint;
}

export async function runDevelopers(ctx: DemoContext, s: Section, erinName: string): Promise<DevelopersState> {
  const { c } = ctx.presets.quiver;
  const pools = c.incentivePools!;
  const programs = c.developerPrograms!;
  const liquidity = await ctx.account("quiver", "liquidity");
  const ecosystem = await ctx.account("quiver", "ecosystem");
  const curator = await ctx.account("quiver", "marketCurator");
  const [erin, frank, grace] = await Promise.all([erinName, "frank (developer)", "grace (app buyer)"].map(ctx.actor));

  await ctx.step(s, "erin turns her early-adopter bonus into market credits", pools.connect(erin).redeemEarlyCredits());

  await ctx.step(s, "frank lists his app at 100 QUIV", programs.connect(frank).listApp(100n * QUIV));
  await ctx.step(s, "grace buys 100 QUIV", c.token.connect(liquidity).transfer(grace, 100n * QUIV));
  await ctx.step(s, "grace approves 100 QUIV to the programs", c.token.connect(grace).approve(programs, 100n * QUIV));
  await ctx.step(
    s,
    "grace buys frank's app: 70 QUIV to frank, 30 through the fee split",
    programs.connect(grace).buyApp(1n, 100n * QUIV),
  );

  await ctx.step(
    s,
    "the market curator flags frank's project open source (grant cap doubled)",
    programs.connect(curator).setOpenSource(frank.address),
  );

  await ctx.step(
    s,
    "the ecosystem fund approves a 2,000 QUIV bounty",
    c.token.connect(ecosystem).approve(programs, 2_000n * QUIV),
  );
  await ctx.step(
    s,
    "the ecosystem fund posts a documentation bounty approved by the market curator",
    programs.connect(ecosystem).postBounty(await curator.getAddress(), 2_000n * QUIV),
  );
  await ctx.step(
    s,
    "the curator accepts frank's documentation",
    programs.connect(curator).acceptBounty(1n, frank.address),
  );
  await ctx.step(s, "frank claims the bounty", programs.connect(frank).claimBounty(1n));
  return { erin: erin.address, frank: frank.address, grace: grace.address, bountyId: 1n };
}

export async function developerFigures(ctx: DemoContext, s: Section, st: DevelopersState): Promise<void> {
  const { c } = ctx.presets.quiver;
  const programs = c.developerPrograms!;
  const pools = c.incentivePools!;
  const sym = " QUIV";
  const [early] = await pools.queryFilter(pools.filters.EarlyCreditsRedeemed(st.erin));
  const [sale] = await programs.queryFilter(programs.filters.AppPurchased(1n));
  s.figures.push(
    ["early adopter: erin's bonus credits (10% of what she paid)", amount(early.args.amount) + sym],
    [
      "paid app: to frank / through the fee split",
      `${amount(sale.args.toDeveloper)} / ${amount(sale.args.toProtocol)}${sym}`,
    ],
    ["open source: frank's integration-grant cap", amount(await programs.grantCapOf(st.frank)) + sym],
    ["bounty: paid to frank", amount((await programs.bounty(st.bountyId)).reward) + sym],
  );
}
