/**
 * Qutoken on the devnet: an issuer stakes QUT for verified status and slots, creates an issuer token (the creation
 * fee goes to the treasury), mints to a customer, who redeems part of it (burned, recorded; the issuer fulfils);
 * the partner-rewards stream reaches the distributor, which funds a Merkle period that a partner claims from; the
 * issuer's statement is read back from views and events.
 */
import { id } from "ethers";

import { formatStatement, issuerStatement } from "../lib/issuance-statement.js";
import { RewardTree } from "../lib/merkle.js";
import { amount, type DemoContext, type Scenario, type Section } from "./context.js";

const QUT = 10n ** 18n;
const STATUS = ["Unverified", "Verified", "Suspended"];

/** The partner-rewards release happens on this day after the TGE. */
export const QUTOKEN_RELEASE_DAY = 30n;

interface QutokenState {
  issuer: string;
  customer: string;
  issuerToken: string;
  integrator: string;
  released: bigint;
}

export default function qutoken(): Scenario {
  let st: QutokenState | undefined;
  return {
    system: "qutoken",
    title: "Issuer stake, issuer-token creation, minting and redemption, partner rewards, the issuer's statement",

    async run(ctx: DemoContext, s: Section) {
      const { c } = ctx.presets.qutoken;
      const registry = c.issuerRegistry!;
      const factory = c.issuerTokenFactory!;
      const operations = await ctx.account("qutoken", "operations");
      const distributor = await ctx.account("qutoken", "partnerRewardsDistributor");
      const [issuer, customer, integrator, partner] = await Promise.all(
        ["Acme Coffee (issuer)", "customer", "integrator", "partner"].map((n) => ctx.actor(n)),
      );

      await ctx.step(
        s,
        "operations sends the issuer 60,000 QUT",
        c.token.connect(operations).transfer(issuer, 60_000n * QUT),
      );
      await ctx.step(
        s,
        "issuer approves stake + creation fee",
        c.token.connect(issuer).approve(registry, 51_000n * QUT),
      );
      await ctx.step(
        s,
        "issuer stakes 50,000 QUT (tier 2: verified, 5 slots)",
        registry.connect(issuer).stake(50_000n * QUT),
      );
      await ctx.step(
        s,
        "issuer creates ACME (cap 1,000,000), paying the 1,000 QUT fee",
        factory.connect(issuer).createToken({
          name: "Acme Coffee Voucher",
          symbol: "ACME",
          cap: 1_000_000n * QUT,
          termsURI: "ipfs://acme-coffee-terms",
          termsHash: id("Acme Coffee Voucher terms v1"),
          minter: ctx.connection.ethers.ZeroAddress,
        }),
      );
      const token = await ctx.connection.ethers.getContractAt("IssuerToken", await factory.tokenAt(0n));
      await ctx.step(s, "issuer mints 1,000 ACME to a customer", token.connect(issuer).mint(customer, 1_000n * QUT));
      await ctx.step(
        s,
        "customer redeems 100 ACME (burned, recorded)",
        token.connect(customer).redeem(100n * QUT, id("order 1")),
      );
      await ctx.step(s, "issuer fulfils redemption 1", token.connect(issuer).fulfil(1n));

      // Partner rewards: the stream (20M QUT a year) reaches the distributor, which funds a Merkle period.
      await ctx.at(QUTOKEN_RELEASE_DAY);
      await ctx.step(s, "release 30 days of partner rewards to the distributor", c.controller.release());
      const released = await c.controller.released();
      const tree = new RewardTree([
        { account: integrator.address, amount: 600_000n * QUT },
        { account: partner.address, amount: 400_000n * QUT },
      ]);
      const rewards = c.partnerRewards!;
      await ctx.step(
        s,
        "distributor approves the partner-rewards pool",
        c.token.connect(distributor).approve(rewards, tree.total),
      );
      await ctx.step(s, "distributor funds it with 1,000,000 QUT", rewards.connect(distributor).fund(tree.total));
      await ctx.step(
        s,
        "distributor opens period 1 (Merkle root of 2 partners)",
        rewards.connect(distributor).startPeriod(tree.root, tree.total),
      );
      await ctx.step(
        s,
        "the integrator claims 600,000 QUT with its proof",
        rewards.connect(integrator).claim(1n, 0n, integrator, 600_000n * QUT, tree.proof(0)),
      );

      st = {
        issuer: issuer.address,
        customer: customer.address,
        issuerToken: await token.getAddress(),
        integrator: integrator.address,
        released,
      };
    },

    async figures(ctx: DemoContext, s: Section) {
      if (st === undefined) throw new Error("the Qutoken scenario has not run");
      const { c, preset } = ctx.presets.qutoken;
      const registry = c.issuerRegistry!;
      const token = await ctx.connection.ethers.getContractAt("IssuerToken", st.issuerToken);
      const rewards = c.partnerRewards!;
      const period = await rewards.period(1n);
      const info = await registry.issuerInfo(st.issuer);
      const sym = ` ${preset.token.symbol}`;
      s.figures.push(
        ["total supply", amount(await c.token.totalSupply()) + sym],
        ["total burned", amount(await c.token.totalBurned()) + sym],
        ["treasury (with fees)", amount(await c.token.balanceOf(c.treasury)) + sym],
        ["issuer status", STATUS[Number(await registry.statusOf(st.issuer))]],
        [
          "issuer stake / slots used of capacity",
          `${amount(info.stake)}${sym} / ${info.slotsUsed} of ${await registry.slotCapacity(st.issuer)}`,
        ],
        ["fees paid to the treasury", amount(await registry.totalFees()) + sym],
        [
          "ACME supply / minted / redeemed",
          `${amount(await token.totalSupply())} / ${amount(await token.totalMinted())} / ${amount(await token.totalBurned())}`,
        ],
        [
          "ACME redemptions fulfilled / pending",
          `${amount(await token.totalFulfilled())} / ${amount(await token.pendingRedemptions())}`,
        ],
        ["partner-rewards stream released", amount(st.released) + sym],
        ["partner period 1: total / claimed", `${amount(period.total)} / ${amount(period.claimed)}${sym}`],
        ["partner rewards unallocated", amount(await rewards.unallocated()) + sym],
      );
      const factory = c.issuerTokenFactory!;
      const statement = await issuerStatement(
        ctx.connection,
        { registry, factory, settlement: c.settlement! },
        st.issuer,
      );
      const kinds = new Map([[await factory.FEE_KIND_TOKEN_CREATION(), "token creation"]]);
      s.notes.push("Issuer statement (read from views and events):", ...formatStatement(statement, kinds).split("\n"));
    },
  };
}
