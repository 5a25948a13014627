import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { expect } from "chai";

const run = promisify(execFile);

/** The `label: value` figures of one preset's block (`## <name>: ...` up to the next `## `). */
function figures(stdout: string, name: string): Map<string, string> {
  const start = stdout.indexOf(`## ${name}: `);
  expect(start, `${name} has a section`).to.be.greaterThanOrEqual(0);
  const next = stdout.indexOf("\n## ", start + 1);
  const block = stdout.slice(start, next < 0 ? undefined : next);
  const out = new Map<string, string>();
  for (const line of block.slice(block.indexOf("Figures:")).split("\n").slice(1)) {
    if (line.trim() === "") break;
    // Labels may hold ": " ("supply: circulating"); values never do.
    const at = line.lastIndexOf(": ");
    out.set(line.slice(2, at), line.slice(at + 2));
  }
  return out;
}

const E18 = 10n ** 18n;
/** A figure's leading 18-decimal amount in wei ("1,234.5 QER" -> 1234500000000000000000n). */
function qerOf(value: string): bigint {
  const [whole, fraction = ""] = value.trim().split(" ")[0].replace(/,/g, "").split(".");
  return BigInt(whole) * E18 + BigInt(fraction.padEnd(18, "0"));
}
/** Wei as the demo prints 18-decimal amounts (thousands separators, trailing zeros dropped). */
function qer(wei: bigint): string {
  const whole = (wei / E18).toLocaleString("en-US");
  const fraction = (wei % E18).toString().padStart(18, "0").replace(/0+$/, "");
  return fraction === "" ? whole : `${whole}.${fraction}`;
}

/** A figure's leading amount as a number (thousands separators dropped), for comparisons. */
const number = (value: string) => Number(value.replace(/,/g, "").split(" ")[0]);

/** The main job (`npm run demo`) must keep working: run it as a user would and read its report. */
describe("demo (the main job)", function () {
  this.timeout(300_000);

  let stdout = "";
  let dir = "";

  before(async function () {
    dir = await mkdtemp(path.join(tmpdir(), "demo-report-"));
    ({ stdout } = await run(process.execPath, ["node_modules/.bin/hardhat", "run", "--no-compile", "scripts/demo.ts"], {
      env: { ...process.env, HARDHAT_DISABLE_TELEMETRY: "true", DEMO_REPORT_DIR: dir },
      maxBuffer: 16 * 1024 * 1024,
    }));
  });

  after(async function () {
    await rm(dir, { recursive: true, force: true });
  });

  it("deploys all four presets through their Ignition modules and hands them to their timelocks", function () {
    for (const [name, file, symbol] of [
      ["QUIVer", "Quiver", "QUIV"],
      ["Qerun", "Qerun", "QER"],
      ["QRY", "Qry", "QRY"],
      ["Qutoken", "Qutoken", "QUT"],
    ]) {
      expect(stdout, name).to.match(
        new RegExp(
          `${name} \\(deploy/modules/presets/${file}\\.ts\\): \\d+ contracts, ${symbol} 0x[0-9a-fA-F]{40}, admin handed to the timelock`,
        ),
      );
    }
  });

  it("QUIVer: the unclaimed provider rewards burn, the treasury grant passes with staked and locked votes", function () {
    const f = figures(stdout, "QUIVer");
    // 60 days of year 1: 70,000,000 x 60 / 365 = 11,506,849.315068493150684931 (wei, rounded down); 80% to the
    // reward pool = 9,205,479.452054794520547944; the distributor paid 1,000,000 to provider A and kept 1,000,000 for
    // the provider programs' pools; the rest, 7,205,479.452054794520547944, burned at expiry. Plus the market's burn
    // share (9), the slash (8,000), 1% of the app sale's 30 QUIV protocol part (0.3: the app's 30% is split as a whole
    // fee), and the table's 1% of the licences' 700 QUIV (7: their 140 protocol part is split over the protocol's
    // 20% only) and of the auction's 1,200 QUIV payment (12, from its 240 protocol part), and of the volume contracts'
    // 540.6 QUIV of protocol parts (27.03: 1/20 of them):
    // 7,205,479.452054794520547944 + 9 + 8,000 + 0.3 + 7 + 12 + 27.03 = 7,213,534.782054794520547944.
    expect(f.get("total burned"), "burned").to.equal("7,213,534.782054794520547944 QUIV");
    // Supply falls by exactly the burns: 1,000,000,000 - 7,213,534.782054794520547944.
    expect(f.get("total supply"), "supply").to.equal("992,786,465.217945205479452056 QUIV");
    expect(
      f.get("treasury"),
      "200M less the 1M grant, plus the market's 5% treasury share (45), 85% of the app sale's 30 (25.5), and the " +
        "table's 5% of the licences' 700 (35), of the auction's 1,200 (60) and 5/20 of the volume contracts' 540.6 " +
        "protocol parts (135.15)",
    ).to.equal("199,000,300.65 QUIV");
    expect(f.get("SDK team grant"), "grant paid").to.equal("1,000,000 QUIV");
    expect(f.get("proposal"), "executed").to.equal("Executed");
    // For: liquidity 50M - 710,000 sold = 49,290,000; provider A 250,000 x 1.5; alice 100,000 x 1.5; carol 100,000
    // left after her deposit, less the 1 wei her proposal (the governor's first) paid as the governor's reserve.
    // Against: bob's 100,000, locked for 365 days on day 30, weighs at the day-67 snapshot 1.5x plus the bonus of the
    // 328 days left: floor(5,000 bps x 328 / 365) = 4,493 bps, so 100,000 x 1.9493.
    expect(f.get("votes for / against"), "votes").to.equal("49,914,999.999999999999999999 / 194,930");
    // 200,000 - 100,000 deposit - 1 wei reserve + 100,000 back.
    expect(f.get("carol's balance (deposit back)"), "deposit refunded").to.equal("199,999.999999999999999999 QUIV");
    expect(f.get("governor's reserve (kept from the first proposal)"), "1 wei").to.equal("0.000000000000000001 QUIV");
    expect([f.get("provider A tier"), f.get("provider B tier")], "tiers").to.deep.equal(["Gold", "Silver"]);
    expect(number(f.get("alice's staking rewards")!), "alice earned").to.be.greaterThan(0);
  });

  it("QUIVer: the deflation controller refuses a step before year 5 and moves the burn share after it", function () {
    const f = figures(stdout, "QUIVer");
    expect(f.get("deflation: a step now (before year 5)"), "too early").to.equal(
      "StepsNotStarted (steps start in quarter 20, after year 5)",
    );
    // Quarter 19 burns nothing and the curve emits: net inflation, below the 2-3% deflation band, so one step of
    // 25 bps up from the preset's 1% burn share.
    expect(
      f.get("deflation: burn share after the first step, quarter 20 (on a snapshot, restored)"),
      "one step up",
    ).to.equal("1% -> 1.25%");
  });

  it("QUIVer: a settled voucher stream is split 80 / 0.5 / 1 / 13.5 / 5%, an upheld challenge slashes and burns", function () {
    const f = figures(stdout, "QUIVer");
    // 40 requests x 25,000 tokens at 0.001 QUIV (small model, 1x demand, one provider) = 1,000 QUIV of list value,
    // settled by the last cumulative voucher. Provider C is Silver: 10% off, so erin pays 900.
    expect(f.get("market: list value settled in one transaction"), "one settlement").to.equal(
      "1,000 QUIV (40 requests, 1,000,000 tokens)",
    );
    expect(f.get("market: discount (provider C Silver) / consumer paid"), "Silver discount").to.equal("10% / 900 QUIV");
    // 900 x 80% = 720; x 0.5% = 4.5; x 1% = 9; x 13.5% = 121.5; x 5% = 45 (sum 900, to the wei).
    expect(f.get("market fees: provider C"), "provider 80%").to.equal("720 QUIV");
    expect(f.get("market fees: validators (the court's reward pool)"), "validators 0.5%").to.equal("4.5 QUIV");
    expect(f.get("market fees: burned"), "burn 1%").to.equal("9 QUIV");
    expect(f.get("market fees: infrastructure"), "infrastructure 13.5%").to.equal("121.5 QUIV");
    expect(f.get("market fees: treasury"), "treasury 5%").to.equal("45 QUIV");
    // Stake: 1,000 + 10% of the 900 paid = 1,090; upheld: back with 20% (1,308); the fee, 10% of the stake (109),
    // split between the two validators who upheld: 54.5 each.
    expect(f.get("challenge: stake"), "stake").to.equal("1,090 QUIV");
    expect(f.get("challenge: outcome (uphold / reject votes)"), "outcome").to.equal("Upheld (2 / 1)");
    expect(f.get("challenge: paid back to erin (stake + reward)"), "reward").to.equal("1,308 QUIV");
    expect(f.get("challenge: validator fee per winner (claimed by)"), "fee").to.equal("54.5 QUIV (2)");
    // Major 10%, within Silver's 10% cap. Active: C's 60,000 + dave's 20,000 - 5,000 unbonding = 75,000 -> 7,500;
    // unbonding 5,000 -> 500; 8,000 burned. C keeps 54,000, dave 13,500 bonded and 4,500 unbonding.
    expect(f.get("slash: applied to provider C"), "applied").to.equal("10% (major)");
    expect(f.get("slash: from active stake / from unbonding stake"), "x% of active and unbonding").to.equal(
      "7,500 / 500 QUIV",
    );
    expect(f.get("slash: burned"), "burned").to.equal("8,000 QUIV");
    expect(f.get("provider C self-stake after the slash"), "provider").to.equal("54,000 QUIV");
    expect(f.get("dave's delegation / unbonding after the slash"), "delegator").to.equal("13,500 / 4,500 QUIV");
    // Pool: 10,000 seeded + 4.5 absorbed - 109 fees - 218 reward = 9,677.5.
    expect(f.get("court reward pool"), "pool").to.equal("9,677.5 QUIV");
    // Erin is the first paying consumer and the early-adopter pool was funded before: 10% of her 900 = 90 credits.
    expect(f.get("early adopter: erin's bonus credits (10% of what she paid)"), "early adopter").to.equal("90 QUIV");
    // frank's 100 QUIV app: 70 to him, 30 through the fee split.
    expect(f.get("paid app: to frank / through the fee split"), "70/30").to.equal("70 / 30 QUIV");
    expect(f.get("open source: frank's integration-grant cap"), "doubled").to.equal("100,000 QUIV");
    expect(f.get("bounty: paid to frank"), "bounty").to.equal("2,000 QUIV");
    // The data marketplace: a 200 QUIV dataset licence (160 to dana, 40 for the fee split), its resale refused; a
    // 500 QUIV access fee for provider C's premium model (400 / 100); the 140 QUIV routed with the burn.
    expect(f.get("dataset licence: to dana / for the fee split"), "80/20").to.equal("160 / 40 QUIV");
    expect(f.get("dataset licence: grace's resale to erin"), "resale refused").to.equal("refused (ResaleNotAllowed)");
    expect(f.get("premium model access fee: to provider C / for the fee split"), "access fee").to.equal(
      "400 / 100 QUIV",
    );
    expect(f.get("premium model: grace has access"), "access").to.equal("true");
    expect(f.get("licence fees routed through the fee split"), "routed").to.equal("140 QUIV");
    // The request auction: sealed bids 0.0015 (A) and 0.0012 (B) on 1,000,000 tokens at most 0.002 (2,000 escrowed);
    // B wins: 1,200 paid, 80% = 960 to B, 240 through the fee split, 2,000 - 1,200 = 800 back to grace; A's 10 QUIV
    // bond freed at B's reveal.
    expect(f.get("auction: winning price per token"), "lowest bid").to.equal("0.0012 QUIV");
    expect(f.get("auction: to provider B / through the fee split / back to grace"), "paid").to.equal(
      "960 / 240 / 800 QUIV",
    );
    expect(f.get("auction: provider A's bond after losing (free again)"), "bond").to.equal("10 QUIV");
    // Volume contracts at 2 QUIV per 1,000 tokens, 50% shortfall penalty, protocol 20%: A's 1,000,000 tokens all used,
    // 2,000 paid (1,600 to A, 400 split); B's 500,000 with 200,000 used: 600 unused, penalty 300 (240 to B, 60 split),
    // 300 back. Storage 30 days x 0.1 = 3 QUIV (2.4 to A, 0.6 split). Routed 400 + 80 + 60 + 0.6 = 540.6.
    expect(f.get("volume: settled contract, to provider A / through the fee split"), "settled").to.equal(
      "1,600 / 400 QUIV",
    );
    expect(
      f.get(
        "volume: missed contract, shortfall tokens / penalty to provider B / penalty through the fee split / back to ivan",
      ),
      "missed",
    ).to.equal("300,000 / 240 / 60 / 300 QUIV");
    expect(f.get("volume: session storage fee for 30 days, to provider A / through the fee split"), "storage").to.equal(
      "2.4 / 0.6 QUIV",
    );
    expect(
      f.get("volume: ivan's session stored once paid / at the end of the demo (expired, no transaction)"),
    ).to.equal("true / false");
    expect(f.get("volume: fees routed through the fee split"), "routed").to.equal("540.6 QUIV");
  });

  it("QUIVer with compliance on: a sale passes under the threshold, is refused at it until attested, and in KP", function () {
    const f = figures(stdout, "QUIVer");
    // The compliance-on QUIVer (threshold 1,000 QUIV, KP restricted). 999.999999999999999999 QUIV < 1,000: not
    // checked, karl (not attested) buys.
    expect(f.get("compliance: sale at 1,000 QUIV less 1 wei, buyer not attested"), "under the threshold").to.equal(
      "passes",
    );
    // 1,000 >= 1,000: both parties checked, karl has no attestation.
    expect(f.get("compliance: sale at 1,000 QUIV (the threshold), buyer not attested"), "at the threshold").to.equal(
      "refused (NotAttested)",
    );
    expect(
      f.get("compliance: the same sale once the KYC provider attested buyer and seller (FR, 30 days)"),
      "attested",
    ).to.equal("passes");
    // olga is attested, but in KP, which the preset restricts.
    expect(f.get("compliance: the same sale to a buyer attested in KP (restricted)"), "restricted").to.equal(
      "refused (RestrictedJurisdiction)",
    );
    // karl holds the two licences he bought, olga none.
    expect(f.get("compliance: licences held by karl / olga"), "licences").to.equal("2 / 0");
    // karl paid (1,000 QUIV - 1 wei) + 1,000 QUIV = 1,999.999999999999999999 QUIV.
    expect(f.get("compliance: karl's QUIV spent on the sales that passed"), "spent").to.equal(
      "1,999.999999999999999999 QUIV",
    );
    expect(stdout, "the compliance-on preset deployed").to.match(
      /QUIVer \(compliance on\) \(the compliance step\): \d+ contracts, compliance registry 0x[0-9a-fA-F]{40}, threshold 1,000 QUIV/,
    );
  });

  it("QUIVer: each provider program and the feedback reward pay once; a governance grant streams to frank", function () {
    const f = figures(stdout, "QUIVer");
    // Provider D is Bronze (no discount): each 1,000 QUIV henry pays earns D 80%, 800 QUIV.
    // Feedback: min(0.5 QUIV cap, 0.1% of the 1,000 paid = 1) = 0.5.
    expect(f.get("ratings: feedback reward paid to henry for rating provider D after a settled payment")).to.equal(
      "0.5 QUIV",
    );
    expect(f.get("ratings: provider D's paid-weighted rating"), "one 5-star rating of 1,000").to.equal(
      "5 stars over 1,000 QUIV",
    );
    // First claim, day 0: no uptime record, no tenure yet, and D's settlement came before 30 days of serving.
    expect(
      f.get("first claim: provider D on 800 QUIV earned (no uptime record, no tenure, model served under 30 days)"),
    ).to.equal("0 QUIV");
    // Day 189 (tenure complete) on the next 800: D, certified, alone serves its model, so the 800 count in full and
    // diversity pays 0.2% = 1.6; loyalty needs the tenure complete at the previous claim (day 0), availability a
    // previous claim inside the 90-day window: both 0.
    expect(
      f.get(
        "diversity bonus: provider D after 189 days active, certified sole provider of its model, on 800 QUIV more",
      ),
    ).to.equal("1.6 QUIV");
    expect(f.get("loyalty bonus: provider D at that claim (it opens loyalty)")).to.equal("0 QUIV");
    // Day 219, on the next 800: availability 0.4% = 3.2, diversity 0.2% = 1.6, loyalty 0.25% = 2 (0.85% in all, under
    // the 2.89% headroom, so nothing is scaled down).
    expect(f.get("availability bonus: provider D at 99.90% on 90 attestations, on 800 QUIV more")).to.equal("3.2 QUIV");
    expect(f.get("diversity bonus: provider D, third claim")).to.equal("1.6 QUIV");
    expect(f.get("loyalty bonus: provider D after 219 days active, on the same 800 QUIV")).to.equal("2 QUIV");
    // The grant: a proposal executed through the timelock; 50,000 x 73 / 365 = 10,000 vested when frank claims.
    expect(f.get("integration grant: proposal")).to.equal("Executed");
    expect(f.get("integration grant: to frank / claimed after 73 of 365 days")).to.equal("50,000 / 10,000 QUIV");
  });

  it("Qerun: a 50% loan buys ETH, a partial liquidation takes ETH first, full repayment returns the rest", function () {
    const f = figures(stdout, "Qerun");
    // Minted once at genesis (100M); only the lock part's buyback lowers it (checked below).
    expect(f.get("total supply"), "genesis supply less the burn").to.equal(
      `${qer(100_000_000n * E18 - qerOf(f.get("total burned")!))} QER`,
    );
    expect(f.get("treasury"), "15% treasury").to.equal("15,000,000 QER");
    expect(f.get("loan drawn / paid out"), "half paid out").to.equal("10,000.00 / 5,000.00 USDC");
    expect(f.get("liquidation: debt repaid"), "partial liquidation").to.equal("2,000.00 USDC");
    // 2,000 repaid x 8% bonus x 25% to the fund = 40 USDC (rounded up by the contract, in wei of USDC).
    expect(f.get("liquidation fee booked for the insurance fund"), "liquidation fee").to.equal("40.00 USDC");
    // The fee is owed to the fund in the vault (with the fund's interest share), not yet paid to it.
    const [held, owed] = f.get("insurance fund: held / owed by the vault")!.split(" / ");
    expect(held, "nothing collected yet").to.equal("0.00");
    expect(number(owed), "the fee and the interest share").to.be.at.least(40);
    expect(f.get("stable vault: assets / borrowed"), "all repaid").to.match(/^500,000\.\d\d \/ 0\.00 USDC$/);
    // 2,000 x 1.08 = $2,160 of ETH at $2,000 = 1.08 ETH seized; the position's 2.24 ETH less that comes back.
    expect(f.get("liquidation: ETH / QER seized"), "ETH first").to.equal("1.08 ETH / 0.00 QER");
    expect(f.get("ETH back to the borrower on full repayment"), "ETH returned").to.equal("1.16 ETH");
  });

  it("Qerun locks: boosted votes, a perk at its threshold, an early exit's penalty, rewards, LP rewards, a buyback that burns", function () {
    const f = figures(stdout, "Qerun");
    const get = (label: string) => {
      const value = f.get(label);
      expect(value, label).to.not.equal(undefined);
      return value!.split(" / ");
    };
    const MAX_LOCK = 208n * 7n * 86_400n;
    const LOCKED = 3_000_000n * E18;
    // Votes at the snapshot: 1x plus the time left over 4 years, rounded down.
    const [locked, left] = get("lock: QER locked / seconds to its end at the snapshot");
    expect(locked).to.equal("3,000,000 QER");
    const votes = LOCKED + (LOCKED * BigInt(left)) / MAX_LOCK;
    expect(qerOf(f.get("lock: voting weight at the snapshot")!), "boosted weight").to.equal(votes);
    expect(votes, "more than 1x, at most 2x")
      .to.be.gt(LOCKED)
      .and.lte(2n * LOCKED);
    expect(f.get("perk qerun.lending.reservedCeiling at 10,000 QER: exactly 10,000 / 1 wei less")).to.equal(
      "granted / refused",
    );
    // Early exit: 50% x seconds left / 4 years of 100,000 QER, rounded up against the leaver.
    const [early, exitLeft] = get("early exit: locked / seconds left");
    expect(early).to.equal("100,000 QER");
    const num = 100_000n * E18 * 5_000n * BigInt(exitLeft);
    const den = MAX_LOCK * 10_000n;
    const penalty = (num + den - 1n) / den;
    const [returned, paid] = get("early exit: returned / penalty to the remaining lockers").map(qerOf);
    expect(paid, "penalty").to.equal(penalty);
    expect(returned, "the rest returned").to.equal(100_000n * E18 - penalty);
    // Rewards never exceed what was funded: the 70,000 stream plus the penalty.
    const [claimed, owed] = get("long-term rewards: claimed by the 4-year locker / owed to the others").map(qerOf);
    expect(claimed + owed, "paid + owed <= funded").to.be.lte(70_000n * E18 + penalty);
    expect(claimed, "the 4-year lock earns nearly all").to.be.gt(80_000n * E18);
    expect(f.get("ended lock withdrawn")).to.equal("10,000 QER");
    // LP: sqrt(50,000 QER x 50 ETH) less Uniswap's 1,000-wei minimum liquidity; 28 of the 30 days streamed.
    const [lpTokens, lpClaimed] = get("LP: LP tokens staked / QER claimed (30,000 over 30 days)");
    expect(lpTokens).to.equal("1,581.138830084189664999");
    expect(qerOf(lpClaimed), "at most the stream").to.be.lte(30_000n * E18);
    expect(qerOf(lpClaimed), "most of it").to.be.gt(27_000n * E18);
    // Buyback: the reserve's unowned ETH at 1,000 QER per ETH less 3% is the floor; Uniswap V2 on 50,000 QER / 50 ETH.
    const ethIn = qerOf(f.get("buyback: reserve ETH spent")!);
    const [minOut, burned] = get("buyback: oracle minimum / QER bought and burned").map(qerOf);
    expect(minOut, "oracle bound").to.equal(ethIn * 970n);
    expect(burned, "pool price").to.equal((ethIn * 997n * 50_000n * E18) / (50n * E18 * 1_000n + ethIn * 997n));
    expect(burned, "above the bound").to.be.gte(minOut);
    const [before, after] = get("total supply: before / after the buyback").map(qerOf);
    expect(before, "genesis supply").to.equal(100_000_000n * E18);
    expect(before - after, "supply falls by exactly the burned amount").to.equal(burned);
    expect(qerOf(f.get("total burned")!), "the token's burn counter").to.equal(burned);
  });

  it("Qerun active supply: the table, the CSV the chart is drawn from and the components agree", async function () {
    const f = figures(stdout, "Qerun");
    const csv = (await readFile(path.join(dir, "demo-active-supply-qerun.csv"), "utf8")).trim().split("\n");
    expect(csv[0]).to.equal("stage,timestamp,total_supply,collateral,vote_locked,lp_staked,burned,active");
    const stages = ["before locks", "locked and staked", "early exit", "buyback", "claims and unlock"];
    expect(csv.length - 1, "one row per stage").to.equal(stages.length);
    const rows = new Map<string, bigint[]>();
    for (const [i, stage] of stages.entries()) {
      const label = `active supply, ${stage}: total / collateral / vote-locked / LP-staked / burned / active`;
      const table = f.get(label);
      expect(table, label).to.not.equal(undefined);
      const values = table!.split(" / ").map(qerOf);
      const cells = csv[i + 1].split(",");
      expect(cells[0], "stage").to.equal(stage);
      expect(cells.slice(2).map(qerOf), `${stage}: chart data = table`).to.deep.equal(values);
      rows.set(stage, values);
    }
    const [total0, collateral0, locked0, lp0, burned0] = rows.get("before locks")!;
    expect([total0, collateral0, locked0, lp0, burned0], "only the lending part's 10,000 QER collateral").to.deep.equal(
      [100_000_000n * E18, 10_000n * E18, 0n, 0n, 0n],
    );
    const [, , locked1, lp1] = rows.get("locked and staked")!;
    // 3,000,000 + 10,000 + (10,000 - 1 wei) + 100,000 locked.
    expect(locked1, "vote-locked").to.equal(3_120_000n * E18 - 1n);
    // The staked LP tokens' share of the pool's 50,000 QER: all LP but Uniswap's 1,000-wei minimum liquidity.
    let lpSupply = 0n;
    for (let lo = 0n, hi = 10n ** 22n; lo <= hi;) {
      const mid = (lo + hi) / 2n;
      if (mid * mid <= 50_000n * E18 * 50n * E18) [lpSupply, lo] = [mid, mid + 1n];
      else hi = mid - 1n;
    }
    expect(lp1, "LP-staked QER").to.equal((50_000n * E18 * (lpSupply - 1_000n)) / lpSupply);
    expect(rows.get("early exit")![2], "the exit leaves the lock").to.equal(locked1 - 100_000n * E18);
    const [total3, , , lp3, burned3, active3] = rows.get("buyback")!;
    const burned = qerOf(f.get("total burned")!);
    expect([total3, burned3], "burned leaves the total").to.deep.equal([100_000_000n * E18 - burned, burned]);
    // The QER bought left the pool, so the LP-staked share fell with it and the active supply did not move.
    expect(lp3, "pool QER less the burned, LP share").to.equal(
      ((50_000n * E18 - burned) * (lpSupply - 1_000n)) / lpSupply,
    );
    expect(rows.get("claims and unlock")![2], "the 10,000 QER unlocked").to.equal(locked1 - 110_000n * E18);
    expect(active3, "active is positive").to.be.gt(0n);
  });

  it("QRY: issuance flows only through the engine; subscriptions, reports and epoch claims pay by QRY's formulas", function () {
    const f = figures(stdout, "QRY");
    const wei = (label: string) => {
      const value = f.get(label);
      expect(value, label).to.not.equal(undefined);
      const [whole, fraction = ""] = value!.split(" ")[0].replace(/,/g, "").split(".");
      return BigInt(whole) * 10n ** 18n + BigInt(fraction.padEnd(18, "0"));
    };
    // 125,000,000 x 240 / 365 = 82,191,780.821917808219178082 (wei, rounded down); every release mints the curve.
    expect(f.get("emission curve at day 240"), "curve").to.equal("82,191,780.821917808219178082 QRY");
    expect(f.get("total minted (= supply: nothing burned)"), "minted exactly the curve").to.equal(
      "82,191,780.821917808219178082 QRY",
    );
    expect(f.get("minted to anyone but the engine"), "fair launch: every token through the engine").to.equal("0 QRY");
    // Epoch 7 split 30 days of issuance (125M x 30 / 365 = 10,273,972.602739726027397260, the difference of two
    // floored curve values: ...263) plus the 1,200 QRY subscription.
    expect(f.get("epoch 7: split among the pools"), "issuance + revenue").to.equal("10,275,172.602739726027397263 QRY");
    expect(f.get("epoch 7: usage multiplier"), "tiny usage: the 0.5x floor").to.equal("0.5x");
    // At the close (day 240) the mix is 57.5 / 182.5 of the way from early to mature: portals and integrators
    // (0% -> 15%) weigh 1,500 x 57.5 / 182.5 = 472.6 bps; query fulfillment (10% -> 40%) 1,945.2 bps. Half is paid.
    const incoming = wei("epoch 7: split among the pools");
    const within = (actual: bigint, tenthsOfBps: bigint, label: string) => {
      const expected = (incoming * tenthsOfBps) / 100_000n / 2n;
      expect(actual, label).to.be.closeTo(expected, expected / 1_000n); // the rounded bps above: 0.1%
    };
    within(wei("epoch 7: portal funding"), 4726n, "portal weight");
    within(wei("epoch 7: integrator funding"), 4726n, "integrator weight");
    within(wei("epoch 7: query-fulfillment funding"), 19452n, "query-fulfillment weight");
    // The provider is the square-root pool's only identity: sqrt(TRV) / sum of sqrt(TRV) = 1.
    expect(f.get("provider claims its query-fulfillment share"), "whole pool").to.equal(
      f.get("epoch 7: query-fulfillment funding"),
    );
    // The portal and the integrator are their pools' only identities (share 1), but each claims at most the claim
    // cap, 40% of the QRY credited to it in the epoch: 40% x the 1,200 QRY subscription = 480 QRY; the rest of their
    // funding goes back to the engine at the sweep (so paying oneself never pays).
    expect(wei("epoch 7: portal funding"), "the pool holds more than the cap").to.be.greaterThan(480n * 10n ** 18n);
    expect(f.get("portal claims its portal share"), "only portal, capped").to.equal("480 QRY");
    expect(f.get("integrator claims its integrator share"), "only integrator, capped").to.equal("480 QRY");
    // A-Pay = 85% x availability 99% x PoA; C-Pay = 15% x PoA / 1 challenger x activity 100%: their ratio is 5.61,
    // and together they are the pool's whole funding for the epoch.
    const aPay = wei("provider claims its availability pay");
    const cPay = wei("challenger claims its challenger pay");
    // Tolerance: both pays are floored (the budget split, the provider's weight, each share), which leaves the exact
    // ratio 55,200 wei off on the demo's figures; 76,100 = two wei of A-Pay x 10,000 plus one of C-Pay x 56,100.
    expect(aPay * 10_000n, "A-Pay / C-Pay = (0.85 x 0.99) / 0.15").to.be.closeTo(cPay * 56_100n, 76_100n);
    // One provider and one challenger: the epoch's funding is the sum of their floored pays, so nothing is left.
    expect(aPay + cPay, "PoA funding fully paid").to.equal(wei("epoch 7: availability funding"));
    expect(f.get("validator claims its consensus rewards (epoch 7)"), "only validator").to.equal(
      f.get("epoch 7: consensus funding"),
    );
    expect(number(f.get("staker claims its staking rewards")!), "the engine funds the stakers").to.be.greaterThan(0);
  });

  it("Qutoken: issuer stake, a token created for a fee, redemption, partner rewards", function () {
    const f = figures(stdout, "Qutoken");
    expect(f.get("treasury (with fees)"), "400M + the 1,000 creation fee").to.equal("400,001,000 QUT");
    expect(f.get("issuer status"), "verified").to.equal("Verified");
    expect(f.get("issuer stake / slots used of capacity"), "tier 2").to.equal("50,000 QUT / 1 of 5");
    expect(f.get("ACME supply / minted / redeemed"), "redemption burned").to.equal("900 / 1,000 / 100");
    // 20,000,000 x 30 / 365 = 1,643,835.616438356164383561 (wei, rounded down).
    expect(f.get("partner-rewards stream released"), "stream").to.equal("1,643,835.616438356164383561 QUT");
    expect(f.get("partner period 1: total / claimed"), "claim").to.equal("1,000,000 / 600,000 QUT");
  });

  it("writes the report as Markdown with every preset's supply chart", async function () {
    const md = await readFile(path.join(dir, "demo.md"), "utf8");
    for (const system of ["quiver", "qerun", "qry", "qutoken"]) {
      expect(md, `${system} chart linked`).to.contain(`(demo-supply-${system}.png)`);
      expect(
        (await stat(path.join(dir, `demo-supply-${system}.png`))).size,
        `${system} chart written`,
      ).to.be.greaterThan(1_000);
    }
    expect(md, "figures as a table").to.contain("| total burned | 7,213,534.782054794520547944 QUIV |");
  });
});
