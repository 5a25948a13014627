import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";

import { expect } from "chai";

const run = promisify(execFile);
const DIR = "reports/tmp/supply-report-test";

/** `npm run supply-report` must keep working: run it as a user would, then read what it printed and wrote. */
describe("supply report (scripts/supply-report.ts)", function () {
  this.timeout(180_000);

  it("prints the QUIVer supply 2.5 years in and writes the 15-year projection as CSV, SVG and PNG", async function () {
    const { stdout } = await run(
      process.execPath,
      ["node_modules/.bin/hardhat", "run", "--no-compile", "scripts/supply-report.ts"],
      {
        env: {
          ...process.env,
          HARDHAT_DISABLE_TELEMETRY: "true",
          SUPPLY_PRESET: "quiver",
          SUPPLY_AT_YEARS: "2.5",
          SUPPLY_REPORT_DIR: DIR,
        },
      },
    );
    expect(stdout).to.match(/'cap'\s*│\s*'1,000,000,000'/);
    expect(stdout).to.match(/'locked: treasury'\s*│\s*'200,000,000'/);
    expect(stdout).to.match(/'not yet minted'\s*│\s*'0'/);
    expect(stdout).to.match(/'burned'\s*│\s*'2\d,\d{3},\d{3}'/);
    expect(stdout).to.contain("end of year 10: emitted 318,500,000");
    expect(stdout).to.contain("end of year 13: emitted 350,000,000");

    const csv = (await readFile(`${DIR}/supply-quiver.csv`, "utf8")).trim().split("\n");
    expect(csv[0]).to.equal(
      "month,date,emitted,total_supply,circulating,locked_vesting,locked_emission,treasury,unminted,burned,held_by_protocol",
    );
    expect(csv).to.have.length(1 + 181);
    const column = (month: number, name: string) => csv[1 + month].split(",")[csv[0].split(",").indexOf(name)];
    expect(column(0, "emitted")).to.equal("0");
    // Read from the chain at the TGE: liquidity 50M; the public sale's 25% is vested but still in the vault.
    expect(column(0, "circulating")).to.equal("50000000");
    // After now (2.5 years) the projection assumes releases on time: everything but treasury and emission.
    // Year 4: 1B less the treasury's 200M, the 157.5M not yet emitted and the ecosystem's 10M still vesting (1/5 of
    // 50M), less what burned.
    const year4 = Number(column(48, "circulating")) + Number(column(48, "burned"));
    expect(Math.abs(year4 - 632_500_000), `${year4}`).to.be.below(0.001);
    expect(column(12, "emitted")).to.equal("70000000");
    expect(column(24, "emitted")).to.equal("122500000");
    expect(column(48, "emitted")).to.equal("192500000");
    expect(column(120, "emitted")).to.equal("318500000");
    expect(column(156, "emitted")).to.equal("350000000");
    expect(column(180, "locked_emission")).to.equal("0");
    expect(column(60, "locked_vesting")).to.equal("0"); // every schedule ends within 5 years

    const svg = await readFile(`${DIR}/supply-quiver.svg`, "utf8");
    expect(svg).to.match(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).to.contain("QUIVer supply, 15-year projection");
    const png = await readFile(`${DIR}/supply-quiver.png`);
    expect(png.subarray(0, 8).toString("hex")).to.equal("89504e470d0a1a0a"); // the PNG signature
    expect(png.readUInt32BE(16)).to.equal(960); // width from the IHDR chunk
    expect(png.readUInt32BE(20)).to.equal(540); // height

    // Net inflation per quarter against QUIVer's band (2-3% net deflation a year from quarter 20).
    expect(stdout).to.contain("target from quarter 20: -3.00% to -2.00%");
    const q = (await readFile(`${DIR}/supply-quiver-net-inflation.csv`, "utf8")).trim().split("\n");
    expect(q[0]).to.equal(
      "quarter,date,emitted,burned,supply_at_start,net_inflation_bps,target_low_bps,target_high_bps",
    );
    expect(q).to.have.length(1 + 60);
    const cell = (quarter: number, name: string) => q[1 + quarter].split(",")[q[0].split(",").indexOf(name)];
    // Quarter 23 (year 6's last), after now: burns are not projected, so it shows emission alone. The curve is at
    // 213.5M + 3 x 5.25M = 229.25M at its start (120.75M not yet emitted) and emits 21M / 4 = 5.25M.
    const burned = BigInt(column(69, "burned").split(".")[0]);
    const outstanding = 1_000_000_000n - burned - 120_750_000n;
    expect(cell(23, "emitted")).to.equal("5250000");
    expect(cell(23, "burned")).to.equal("0");
    expect(BigInt(cell(23, "supply_at_start").split(".")[0])).to.be.within(outstanding - 1n, outstanding);
    // 5.25M x 40,000 / about 855M: about +245 bps a year, far above the band.
    expect(Number(cell(23, "net_inflation_bps"))).to.be.within(240, 250);
    expect([cell(23, "target_low_bps"), cell(23, "target_high_bps")]).to.deep.equal(["-300", "-200"]);
    const chart = await readFile(`${DIR}/supply-quiver-net-inflation.svg`, "utf8");
    expect(chart).to.contain("Target: -3% to -2%");
  });
});
