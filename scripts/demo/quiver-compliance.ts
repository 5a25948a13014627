/**
 * QUIVer demo step of the opt-in compliance hooks (docs/compliance.md). The kit's presets have compliance off, so
 * the step deploys QUIVer with the compliance piece on (scripts/lib/compliance-preset.ts, the preset
 * test/integration/Compliance.ts deploys: 1,000 QUIV threshold, KP restricted) and sells dataset licences on its
 * licence market around the threshold.
 */
import { id, type Interface } from "ethers";

import { jurisdictionCode } from "../../deploy/modules/Compliance.js";
import { QUIVER_KYC } from "../lib/compliance-preset.js";
import { deployPreset, devnetInputs, presetContracts } from "../lib/presets.js";
import { type DemoContext, type Section, amount, DAY } from "./context.js";

const QUIV = 10n ** 18n;
const THRESHOLD = 1_000n * QUIV;

export interface ComplianceState {
  /** Seconds the step took (most of it deploying the compliance-on preset). */
  seconds: number;
  contracts: number;
  belowThreshold: string;
  atThresholdUnattested: string;
  atThresholdAttested: string;
  restrictedBuyer: string;
  /** What karl spent on the sales that passed. */
  karlSpent: bigint;
  licensed: { karl: bigint; olga: bigint };
}

/** "passes" when a static call of the sale goes through, else "refused (<error name>)". */
async function outcome(sale: () => Promise<unknown>, errors: { interface: Interface }): Promise<string> {
  try {
    await sale();
    return "passes";
  } catch (error) {
    const data = (error as { data?: string }).data;
    return `refused (${(data === undefined ? undefined : errors.interface.parseError(data)?.name) ?? "reverted"})`;
  }
}

/**
 * judy lists two dataset licences on the compliance-on market, one at 1,000 QUIV less 1 wei, one at 1,000 QUIV.
 * karl (not attested) buys the first: under the threshold nothing is checked. The second is refused (NotAttested).
 * The KYC provider attests karl and judy (FR, 30 days): karl buys the second. olga, attested in KP (restricted), is
 * refused the same sale (RestrictedJurisdiction).
 */
export async function runCompliance(ctx: DemoContext, s: Section): Promise<ComplianceState> {
  const started = Date.now();
  const { connection } = ctx;
  const inputs = await devnetInputs(connection, QUIVER_KYC);
  const addresses = await deployPreset(connection, QUIVER_KYC, inputs);
  const c = await presetContracts(connection, addresses);
  console.log(
    `  ${QUIVER_KYC.name} (the compliance step): ${Object.keys(addresses).length} contracts, compliance registry ` +
      `${addresses.complianceRegistry}, threshold ${amount(await c.complianceRegistry!.threshold())} QUIV`,
  );
  const market = c.licenceMarket!;
  const registry = c.complianceRegistry!;
  const liquidity = await connection.ethers.getSigner(inputs.accounts.liquidity);
  const kyc = await connection.ethers.getSigner(inputs.accounts.kycProvider);
  const [judy, karl, olga] = await Promise.all(
    ["judy (dataset seller, compliance on)", "karl (buyer, compliance on)", "olga (buyer in KP, compliance on)"].map(
      ctx.actor,
    ),
  );
  const tag = "[compliance on]";
  await ctx.step(s, `${tag} karl buys 2,000 QUIV`, c.token.connect(liquidity).transfer(karl, 2_000n * QUIV));
  await ctx.step(s, `${tag} olga buys 1,000 QUIV`, c.token.connect(liquidity).transfer(olga, 1_000n * QUIV));
  await ctx.step(
    s,
    `${tag} karl approves 2,000 QUIV to the licence market`,
    c.token.connect(karl).approve(market, 2_000n * QUIV),
  );
  await ctx.step(
    s,
    `${tag} olga approves 1,000 QUIV to the licence market`,
    c.token.connect(olga).approve(market, 1_000n * QUIV),
  );
  const terms = (subject: string, price: bigint) => ({
    kind: 1, // Dataset
    subject: id(subject),
    price,
    supply: 5n,
    duration: 30n * DAY,
    termsHash: id("judy's dataset terms"),
    resale: false,
  });
  await ctx.step(
    s,
    `${tag} judy lists a dataset licence at 1,000 QUIV less 1 wei`,
    market.connect(judy).list(terms("judy's small dataset", THRESHOLD - 1n)),
  );
  const below = await market.listingCount();
  await ctx.step(
    s,
    `${tag} judy lists a dataset licence at 1,000 QUIV (the threshold)`,
    market.connect(judy).list(terms("judy's large dataset", THRESHOLD)),
  );
  const at = await market.listingCount();
  const karlBefore = await c.token.balanceOf(karl);

  const belowThreshold = await outcome(() => market.connect(karl).buy.staticCall(below, THRESHOLD), registry);
  await ctx.step(
    s,
    `${tag} karl, not attested, buys the licence at 1,000 QUIV less 1 wei: under the threshold, not checked`,
    market.connect(karl).buy(below, THRESHOLD),
  );
  const atThresholdUnattested = await outcome(() => market.connect(karl).buy.staticCall(at, THRESHOLD), registry);
  const expiry = BigInt(await connection.networkHelpers.time.latest()) + 30n * DAY;
  for (const [who, name] of [
    [karl, "karl"],
    [judy, "judy"],
  ] as const) {
    await ctx.step(
      s,
      `${tag} the KYC provider attests ${name}: jurisdiction FR, expiring in 30 days`,
      registry.connect(kyc).attest(who, expiry, jurisdictionCode("FR")),
    );
  }
  const atThresholdAttested = await outcome(() => market.connect(karl).buy.staticCall(at, THRESHOLD), registry);
  await ctx.step(s, `${tag} karl, attested, buys the licence at 1,000 QUIV`, market.connect(karl).buy(at, THRESHOLD));
  await ctx.step(
    s,
    `${tag} the KYC provider attests olga: jurisdiction KP (restricted), expiring in 30 days`,
    registry.connect(kyc).attest(olga, expiry, jurisdictionCode("KP")),
  );
  const restrictedBuyer = await outcome(() => market.connect(olga).buy.staticCall(at, THRESHOLD), registry);
  const licensed = {
    karl: BigInt(await market.isLicensed(below, karl)) + BigInt(await market.isLicensed(at, karl)),
    olga: BigInt(await market.isLicensed(at, olga)),
  };
  return {
    seconds: (Date.now() - started) / 1000,
    contracts: Object.keys(addresses).length,
    belowThreshold,
    atThresholdUnattested,
    atThresholdAttested,
    restrictedBuyer,
    karlSpent: karlBefore - (await c.token.balanceOf(karl)),
    licensed,
  };
}

export function complianceFigures(s: Section, st: ComplianceState): void {
  s.figures.push(
    ["compliance: sale at 1,000 QUIV less 1 wei, buyer not attested", st.belowThreshold],
    ["compliance: sale at 1,000 QUIV (the threshold), buyer not attested", st.atThresholdUnattested],
    ["compliance: the same sale once the KYC provider attested buyer and seller (FR, 30 days)", st.atThresholdAttested],
    ["compliance: the same sale to a buyer attested in KP (restricted)", st.restrictedBuyer],
    ["compliance: licences held by karl / olga", `${st.licensed.karl} / ${st.licensed.olga}`],
    ["compliance: karl's QUIV spent on the sales that passed", `${amount(st.karlSpent)} QUIV`],
  );
  s.notes.push(
    `The compliance step deployed QUIVer with the compliance piece on (${st.contracts} contracts) and ran in ` +
      `${st.seconds.toFixed(1)} s.`,
  );
}
