/**
 * QUIVer demo steps of the volume contracts (`VolumeContracts`): a committed-volume contract settled in full, one
 * missed (the shortfall penalty), and a persistent session's storage fee, all through the fee split.
 */
import { id } from "ethers";

import { type DemoContext, type Section, amount, DAY } from "./context.js";

const QUIV = 10n ** 18n;
const MODEL = "llama-3-8b-instruct";
/** 2 QUIV per 1,000 tokens (0.002 a token). */
const RATE = 2n * QUIV;

export interface VolumeState {
  settled: bigint;
  missed: bigint;
  consumer: string;
  sessionId: string;
  /** Whether the session read stored right after its payment. */
  storedOncePaid: boolean;
}

/**
 * ivan commits 1,000,000 tokens with provider A (2,000 QUIV escrowed) and 500,000 with provider B (1,000 escrowed),
 * both at 2 QUIV per 1,000 tokens for a one-day term with a 50% shortfall penalty; both accept. A settles ivan's
 * voucher for the full 1,000,000 tokens: 1,600 to A, 400 for the fee split. B settles 200,000 (400 QUIV: 320 to B, 80
 * for the split). At the term end A closes (nothing unused) and B closes the missed one: 600 unused, penalty 300 (240
 * to B, 60 for the split), 300 back to ivan. ivan pays 30 days of storage of a chat session with provider A at the
 * governed 0.1 QUIV a day (3 QUIV: 2.4 to A, 0.6 for the split). The 540.6 QUIV accrued go through the fee split.
 */
export async function runVolume(ctx: DemoContext, s: Section): Promise<VolumeState> {
  const { c } = ctx.presets.quiver;
  const volume = c.volumeContracts!;
  const liquidity = await ctx.account("quiver", "liquidity");
  const [ivan, providerA, providerB] = await Promise.all(
    ["ivan (volume consumer)", "QUIVer provider A", "QUIVer provider B"].map(ctx.actor),
  );
  await ctx.step(s, "ivan buys 3,003 QUIV", c.token.connect(liquidity).transfer(ivan, 3_003n * QUIV));
  await ctx.step(
    s,
    "ivan approves 3,003 QUIV to the volume contracts",
    c.token.connect(ivan).approve(volume, 3_003n * QUIV),
  );
  const termEnd = BigInt(await ctx.connection.networkHelpers.time.latest()) + DAY;
  await ctx.step(
    s,
    `ivan commits 1,000,000 tokens of ${MODEL} with provider A at 2 QUIV per 1,000 for a day, 50% shortfall penalty (2,000 escrowed)`,
    volume.connect(ivan).propose(providerA, id(MODEL), RATE, 1_000_000n, termEnd, 5_000n),
  );
  const settled = await volume.commitmentCount();
  await ctx.step(
    s,
    "ivan commits 500,000 tokens with provider B on the same terms (1,000 escrowed)",
    volume.connect(ivan).propose(providerB, id(MODEL), RATE, 500_000n, termEnd, 5_000n),
  );
  const missed = await volume.commitmentCount();
  await ctx.step(s, "provider A accepts ivan's contract", volume.connect(providerA).accept(settled));
  await ctx.step(s, "provider B accepts ivan's contract", volume.connect(providerB).accept(missed));
  const { chainId } = await ctx.connection.ethers.provider.getNetwork();
  const domain = { name: "VolumeContracts", version: "1", chainId, verifyingContract: await volume.getAddress() };
  const types = {
    Usage: [
      { name: "commitmentId", type: "uint256" },
      { name: "cumulativeTokens", type: "uint256" },
    ],
  };
  for (const [who, name, commitmentId, tokens, shown] of [
    [providerA, "provider A", settled, 1_000_000n, "1,000,000 tokens: 1,600 QUIV to A, 400 for the fee split"],
    [providerB, "provider B", missed, 200_000n, "200,000 tokens: 320 QUIV to B, 80 for the fee split"],
  ] as const) {
    const usage = { commitmentId, cumulativeTokens: tokens };
    const signature = await ivan.signTypedData(domain, types, usage);
    await ctx.step(
      s,
      `${name} settles ivan's signed voucher for ${shown}`,
      volume.connect(who).settle(usage, signature),
    );
  }
  await ctx.connection.networkHelpers.time.increaseTo(termEnd);
  await ctx.step(
    s,
    "provider A closes its contract at the term end (all used, no penalty)",
    volume.connect(providerA).close(settled),
  );
  await ctx.step(
    s,
    "provider B closes the missed contract: 600 QUIV unused, penalty 300 (240 to B, 60 for the fee split), 300 back to ivan",
    volume.connect(providerB).close(missed),
  );
  const sessionId = id("ivan's chat session");
  await ctx.step(
    s,
    "ivan pays 30 days of storage of his chat session with provider A (3 QUIV: 2.4 to A, 0.6 for the fee split)",
    volume.connect(ivan).storeSession(sessionId, providerA, 30n),
  );
  const storedOncePaid = await volume.isStored(ivan, sessionId);
  await ctx.step(s, "anyone routes the volume contracts' accrued fees through the fee split", volume.routeFees());
  return { settled, missed, consumer: ivan.address, sessionId, storedOncePaid };
}

export async function volumeFigures(ctx: DemoContext, s: Section, st: VolumeState): Promise<void> {
  const volume = ctx.presets.quiver.c.volumeContracts!;
  const [usage] = await volume.queryFilter(volume.filters.UsageSettled(st.settled));
  const [ended] = await volume.queryFilter(volume.filters.Ended(st.missed));
  const [stored] = await volume.queryFilter(volume.filters.SessionStored(st.consumer, st.sessionId));
  const [routed] = await volume.queryFilter(volume.filters.FeesRouted());
  s.figures.push(
    [
      "volume: settled contract, to provider A / through the fee split",
      `${amount(usage.args.toProvider)} / ${amount(usage.args.toProtocol)} QUIV`,
    ],
    [
      "volume: missed contract, shortfall tokens / penalty to provider B / penalty through the fee split / back to ivan",
      `${ended.args.shortfallTokens.toLocaleString("en-US")} / ${amount(ended.args.penaltyToProvider)} / ${amount(ended.args.penaltyToProtocol)} / ${amount(ended.args.refund)} QUIV`,
    ],
    [
      "volume: session storage fee for 30 days, to provider A / through the fee split",
      `${amount(stored.args.toProvider)} / ${amount(stored.args.toProtocol)} QUIV`,
    ],
    [
      "volume: ivan's session stored once paid / at the end of the demo (expired, no transaction)",
      `${st.storedOncePaid} / ${await volume.isStored(st.consumer, st.sessionId)}`,
    ],
    ["volume: fees routed through the fee split", `${amount(routed.args.amount)} QUIV`],
  );
}
