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
 * - Integration grants (the scenario's epilogue, `runIntegrationGrant`): the ecosystem fund funds the grant budget;
 *   the liquidity holder proposes a 50,000 QUIV grant to frank streamed over 365 days, votes it through, and the
 *   timelock executes it; 73 days after it started frank claims the vested fifth (10,000 QUIV).
 */
import { id } from "ethers";

import { boundDescription } from "../lib/proposal.js";
import { type DemoContext, type Section, amount, DAY } from "./context.js";

const QUIV = 10n ** 18n;
const STATES = ["Pending", "Active", "Canceled", "Defeated", "Succeeded", "Queued", "Expired", "Executed"];

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

/** The integration grant the epilogue creates through governance. */
export interface GrantState {
  proposalId: bigint;
  grantId: bigint;
  claimed: bigint;
}

/** The grant: 50,000 QUIV over 365 days; frank claims after 73 days (a fifth). */
const GRANT = 50_000n * QUIV;
const GRANT_DAYS = 365n;
const CLAIM_AFTER_DAYS = 73n;

/**
 * An integration grant created by a proposal (deposit, 7-day discussion, 14-day vote, 7-day timelock) calling
 * `DeveloperPrograms.createGrant` (GOVERNOR: only the timelock may), then part of its stream claimed.
 */
export async function runIntegrationGrant(ctx: DemoContext, s: Section): Promise<GrantState> {
  const { c } = ctx.presets.quiver;
  const { networkHelpers } = ctx.connection;
  const programs = c.developerPrograms!;
  const ecosystem = await ctx.account("quiver", "ecosystem");
  const liquidity = await ctx.account("quiver", "liquidity");
  const frank = await ctx.actor("frank (developer)");

  await ctx.step(
    s,
    "the ecosystem fund approves 50,000 QUIV to the developer programs",
    c.token.connect(ecosystem).approve(programs, GRANT),
  );
  await ctx.step(
    s,
    "the ecosystem fund funds the integration-grant budget",
    programs.connect(ecosystem).fundGrants(GRANT),
  );
  const proposer = await liquidity.getAddress();
  const data = programs.interface.encodeFunctionData("createGrant", [frank.address, GRANT, GRANT_DAYS * DAY]);
  const description = boundDescription("Integration grant: 50,000 QUIV to frank's SDK, streamed over a year", proposer);
  const proposal: [string[], bigint[], string[]] = [[await programs.getAddress()], [0n], [data]];
  await ctx.step(
    s,
    "the liquidity holder approves the 100,000 QUIV deposit",
    c.token.connect(liquidity).approve(c.governor, await c.governor.depositDue()),
  );
  await ctx.step(
    s,
    "the liquidity holder proposes a 50,000 QUIV integration grant to frank (createGrant)",
    c.governor.connect(liquidity).propose(...proposal, description),
  );
  const proposalId = await c.governor.getProposalId(...proposal, id(description));
  await networkHelpers.time.increaseTo((await c.governor.proposalSnapshot(proposalId)) + 1n);
  await ctx.step(s, "the liquidity holder votes for the grant", c.governor.connect(liquidity).castVote(proposalId, 1));
  await networkHelpers.time.increaseTo((await c.governor.proposalDeadline(proposalId)) + 1n);
  await ctx.step(s, "queue the grant in the 7-day timelock", c.governor.queue(...proposal, id(description)));
  await networkHelpers.time.increase(7n * DAY);
  await ctx.step(
    s,
    "execute: the developer programs stream 50,000 QUIV to frank over 365 days",
    c.governor.execute(...proposal, id(description)),
  );
  await ctx.step(s, "settle the grant's deposit (back to the liquidity holder)", c.governor.settleDeposit(proposalId));
  const [created] = await programs.queryFilter(programs.filters.GrantCreated(undefined, frank.address));
  const grantId = created.args.grantId;
  const start = (await programs.grant(grantId)).start;
  await networkHelpers.time.setNextBlockTimestamp(start + CLAIM_AFTER_DAYS * DAY);
  await ctx.step(
    s,
    `${CLAIM_AFTER_DAYS} days into the stream frank claims his vested part`,
    programs.connect(frank).claimGrant(grantId),
  );
  const [claim] = await programs.queryFilter(programs.filters.GrantClaimed(grantId));
  return { proposalId, grantId, claimed: claim.args.amount };
}

export async function developerFigures(
  ctx: DemoContext,
  s: Section,
  st: DevelopersState,
  grant?: GrantState,
): Promise<void> {
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
  if (grant !== undefined) {
    const g = await programs.grant(grant.grantId);
    s.figures.push(
      ["integration grant: proposal", STATES[Number(await c.governor.state(grant.proposalId))]],
      [
        `integration grant: to frank / claimed after ${CLAIM_AFTER_DAYS} of ${GRANT_DAYS} days`,
        `${amount(g.amount)} / ${amount(grant.claimed)}${sym}`,
      ],
    );
  }
}

/** What the data-marketplace part hands to the figures. */
export interface LicencesState {
  grace: string;
  dataset: bigint;
  model: bigint;
  modelId: string;
  resaleRefusal: string;
  routed: bigint;
}

const PREMIUM_MODEL = "llama-3-8b-legal-ft";

/**
 * The data marketplace (QUIVer's model trading and dataset licensing): dana lists a dataset licence (200 QUIV, 30 days,
 * no resale); grace buys one (160 to dana, 40 held for the fee split) and her resale to erin is refused. Provider C
 * lists its fine-tuned model in the catalogue, the market curator names C the model's seller, C sets a one-time access
 * fee of 500 QUIV (perpetual), grace pays it (400 to C, 100 held); anyone routes the 140 QUIV through the fee split
 * (0.7 validators, 1.4 burnt, 18.9 infrastructure, 119 treasury: its 5% and the provider's 80% of the routed part).
 */
export async function runLicences(ctx: DemoContext, s: Section): Promise<LicencesState> {
  const { c } = ctx.presets.quiver;
  const licences = c.licenceMarket!;
  const liquidity = await ctx.account("quiver", "liquidity");
  const curator = await ctx.account("quiver", "marketCurator");
  const [dana, grace, erin, providerC] = await Promise.all(
    ["dana (dataset seller)", "grace (app buyer)", "erin (consumer)", "QUIVer provider C"].map(ctx.actor),
  );
  const terms = (kind: number, subject: string, price: bigint, supply: bigint, duration: bigint, text: string) => ({
    kind,
    subject,
    price,
    supply,
    duration,
    termsHash: id(text),
    resale: false,
  });
  await ctx.step(
    s,
    "dana lists licences of her reviews dataset: 200 QUIV, 10 licences of 30 days, no resale",
    licences.connect(dana).list(terms(1, id("reviews-2026"), 200n * QUIV, 10n, 30n * DAY, "reviews-2026 licence v1")),
  );
  await ctx.step(s, "grace buys 700 QUIV", c.token.connect(liquidity).transfer(grace, 700n * QUIV));
  await ctx.step(
    s,
    "grace approves 700 QUIV to the licence market",
    c.token.connect(grace).approve(licences, 700n * QUIV),
  );
  await ctx.step(
    s,
    "grace buys a dataset licence: 160 QUIV to dana, 40 held for the fee split",
    licences.connect(grace).buy(1n, 200n * QUIV),
  );
  let resaleRefusal = "allowed";
  try {
    await licences.connect(grace).transferLicence.staticCall(1n, erin.address);
  } catch (error) {
    const data = (error as { data?: string }).data;
    resaleRefusal = `refused (${data === undefined ? "reverted" : licences.interface.parseError(data)?.name})`;
  }
  const modelId = id(PREMIUM_MODEL);
  await ctx.step(
    s,
    `provider C lists its fine-tuned ${PREMIUM_MODEL} in the catalogue`,
    c.modelCatalog!.connect(providerC).listModel(modelId, 0),
  );
  await ctx.step(
    s,
    "the market curator names provider C the model's seller",
    licences.connect(curator).setModelSeller(modelId, providerC.address),
  );
  await ctx.step(
    s,
    "provider C sets a one-time access fee: 500 QUIV, perpetual, 100 licences",
    licences.connect(providerC).list(terms(0, modelId, 500n * QUIV, 100n, 0n, `${PREMIUM_MODEL} access terms v1`)),
  );
  await ctx.step(
    s,
    "grace pays the access fee: 400 QUIV to provider C, 100 held",
    licences.connect(grace).buy(2n, 500n * QUIV),
  );
  const routed = await licences.pendingFees();
  await ctx.step(s, "anyone routes the licence fees through the fee split", licences.connect(dana).routeFees());
  return { grace: grace.address, dataset: 1n, model: 2n, modelId, resaleRefusal, routed };
}

export async function licenceFigures(ctx: DemoContext, s: Section, st: LicencesState): Promise<void> {
  const licences = ctx.presets.quiver.c.licenceMarket!;
  const [dataset, access] = await Promise.all(
    [st.dataset, st.model].map(async (listingId) => {
      const [sale] = await licences.queryFilter(licences.filters.LicenceBought(listingId, st.grace));
      return `${amount(sale.args.toSeller)} / ${amount(sale.args.toProtocol)} QUIV`;
    }),
  );
  s.figures.push(
    ["dataset licence: to dana / for the fee split", dataset],
    ["dataset licence: grace's resale to erin", st.resaleRefusal],
    ["premium model access fee: to provider C / for the fee split", access],
    ["premium model: grace has access", String(await licences.hasAccess(st.grace, st.modelId))],
    ["licence fees routed through the fee split", amount(st.routed) + " QUIV"],
  );
}

/** What the figures need from the request auction. */
export interface AuctionState {
  requestId: bigint;
  consumer: string;
  losing: string;
}

/**
 * The request auction (price discovery): grace posts a request of 1,000,000 tokens of the premium model at most
 * 0.002 QUIV each (2,000 QUIV escrowed); providers A and B each deposit a 10 QUIV bond and commit a sealed bid (A
 * 0.0015, B 0.0012); after the bidding hour both reveal; B's lower price wins; B delivers and grace confirms: 1,200
 * QUIV paid, 960 to B and 240 through the fee split (validators 1.2, burnt 2.4, infrastructure 32.4, treasury 204),
 * 800 back to grace; both bonds free again.
 */
export async function runAuction(ctx: DemoContext, s: Section): Promise<AuctionState> {
  const { c } = ctx.presets.quiver;
  const auction = c.requestAuction!;
  const liquidity = await ctx.account("quiver", "liquidity");
  const [grace, providerA, providerB] = await Promise.all(
    ["grace (app buyer)", "QUIVer provider A", "QUIVer provider B"].map(ctx.actor),
  );
  await ctx.step(s, "grace buys 2,000 QUIV", c.token.connect(liquidity).transfer(grace, 2_000n * QUIV));
  await ctx.step(
    s,
    "grace approves 2,000 QUIV to the request auction",
    c.token.connect(grace).approve(auction, 2_000n * QUIV),
  );
  const now = BigInt(await ctx.connection.networkHelpers.time.latest());
  await ctx.step(
    s,
    `grace posts a request: 1,000,000 tokens of ${PREMIUM_MODEL} at most 0.002 QUIV each (2,000 escrowed), an hour of sealed bids, two of reveals`,
    auction.connect(grace).post(id(PREMIUM_MODEL), 1_000_000n, 2n * 10n ** 15n, now + 3_600n, now + 3n * 3_600n),
  );
  const requestId = await auction.requestCount();
  const bids = [
    [providerA, "provider A", 15n * 10n ** 14n, "0.0015"],
    [providerB, "provider B", 12n * 10n ** 14n, "0.0012"],
  ] as const;
  for (const [who, name, price, shown] of bids) {
    await ctx.step(s, `${name} buys 10 QUIV for its bid bond`, c.token.connect(liquidity).transfer(who, 10n * QUIV));
    await ctx.step(s, `${name} approves its bond`, c.token.connect(who).approve(auction, 10n * QUIV));
    await ctx.step(s, `${name} deposits a 10 QUIV bid bond`, auction.connect(who).depositBond(10n * QUIV));
    const commitment = await auction.hashBid(price, id(`${name} salt`), who.address, requestId);
    await ctx.step(
      s,
      `${name} commits a sealed bid (${shown} QUIV a token, hidden)`,
      auction.connect(who).commit(requestId, commitment),
    );
  }
  await ctx.connection.networkHelpers.time.increase(3_600);
  for (const [who, name, price, shown] of bids) {
    await ctx.step(
      s,
      `${name} reveals ${shown} QUIV a token`,
      auction.connect(who).reveal(requestId, price, id(`${name} salt`)),
    );
  }
  await ctx.connection.networkHelpers.time.increase(2 * 3_600);
  await ctx.step(
    s,
    "provider B, the lowest bid, closes the auction and declares its delivery",
    auction.connect(providerB).deliver(requestId, id("demo result")),
  );
  await ctx.step(
    s,
    "grace confirms: 1,200 QUIV paid (960 to provider B, 240 through the fee split), 800 back to her",
    auction.connect(grace).confirm(requestId),
  );
  return { requestId, consumer: grace.address, losing: providerA.address };
}

export async function auctionFigures(ctx: DemoContext, s: Section, st: AuctionState): Promise<void> {
  const auction = ctx.presets.quiver.c.requestAuction!;
  const [settled] = await auction.queryFilter(auction.filters.Settled(st.requestId));
  const r = await auction.request(st.requestId);
  s.figures.push(
    ["auction: winning price per token", `${amount(r.bestPrice)} QUIV`],
    [
      "auction: to provider B / through the fee split / back to grace",
      `${amount(settled.args.toProvider)} / ${amount(settled.args.toProtocol)} / ${amount(settled.args.refund)} QUIV`,
    ],
    ["auction: provider A's bond after losing (free again)", `${amount(await auction.freeBondOf(st.losing))} QUIV`],
  );
}
