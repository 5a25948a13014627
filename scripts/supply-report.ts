/**
 * Supply report on an in-process devnet: deploys a preset's supply through its Ignition module
 * (scripts/lib/deploy.ts), lives through it month by month up to a chosen time (emission releases, reward claims
 * and expired-bucket burns, vesting releases), then prints total, circulating, locked (vesting, emission,
 * treasury) and burned, and writes a 15-year projection to reports/supply-<preset>.csv, .svg and .png.
 *
 *   npm run supply-report                                   QUIVer, 2.5 years after the TGE
 *   SUPPLY_PRESET=qry SUPPLY_AT_YEARS=1 npm run supply-report
 *
 * SUPPLY_PRESET: quiver | qerun | qry | qutoken. SUPPLY_AT_YEARS: years after the TGE (decimals allowed, 0-15).
 * SUPPLY_CLAIM_BPS: share of each month's provider rewards the distributor claims (default 8,000 = 80%); the
 * rest burns 180 days after its epoch (QUIVer). SUPPLY_REPORT_DIR: where the files go (default reports).
 *
 * It also writes each quarter's annualised net inflation (emission minus burns over the outstanding supply, as the
 * deflation controller measures it: docs/deflation.md) to reports/supply-<preset>-net-inflation.csv, .svg and .png,
 * against the preset's target band (QUIVer: 2-3% net deflation a year from year 6). Burns after now are not
 * projected, so later quarters show emission alone: how far the burns must go.
 *
 * This report deploys the supply module only. The active supply (QER locked as lending collateral, in the VoteLocker,
 * LP-staked, burned) needs the whole preset: `readActiveSupply` in scripts/lib/supply-report.ts reads it, and the demo
 * (npm run demo) writes Qerun's as reports/demo-active-supply-qerun.csv with its chart.
 */
import { network } from "hardhat";

import { qerunSupply } from "../presets/qerun/supply.js";
import { qrySupply } from "../presets/qry/supply.js";
import { quiverDeflation } from "../presets/quiver/deflation.js";
import { quiverSupply } from "../presets/quiver/supply.js";
import { qutokenSupply } from "../presets/qutoken/supply.js";
import { accountNames, type SupplyPreset } from "../modules/supply.js";
import type { DeflationPreset } from "../modules/deflation.js";
import { envChoice, envInteger, envNumber, main } from "./lib/cli.js";
import { deploySupply } from "./lib/deploy.js";
import {
  display,
  netInflationRows,
  netInflationSvg,
  projectionSvg,
  projectSupply,
  readSupply,
  withNow,
  writeNetInflation,
  writeProjection,
} from "./lib/supply-report.js";

const PRESETS: Record<string, SupplyPreset> = {
  quiver: quiverSupply,
  qerun: qerunSupply,
  qry: qrySupply,
  qutoken: qutokenSupply,
};

/** The presets' deflation targets (the band the report charts net inflation against). */
const DEFLATION: Record<string, DeflationPreset | undefined> = { quiver: quiverDeflation };

await main(async () => {
  const presetName = envChoice("SUPPLY_PRESET", Object.keys(PRESETS), "quiver");
  const preset = PRESETS[presetName];
  const atYears = envNumber("SUPPLY_AT_YEARS", 2.5, 0, 15);
  const claimBps = envInteger("SUPPLY_CLAIM_BPS", 8_000n, 0n, 10_000n);

  const YEAR = 31_536_000n;
  const MONTH = YEAR / 12n;

  const connection = await network.create();
  const { ethers, networkHelpers } = connection;
  const signers = await ethers.getSigners();
  const accounts = Object.fromEntries(accountNames(preset).map((name, i) => [name, signers[i + 1].address]));
  const start = BigInt(await networkHelpers.time.latest()) + 60n;

  console.log(`Deploying the ${preset.token.name} supply (deploy/modules/Supply.ts) ...`);
  const c = await deploySupply(connection, preset, { start, accounts });
  console.log(`  token ${await c.token.getAddress()}, vault ${await c.vault.getAddress()}`);
  console.log(
    `  emission controller ${await c.controller.getAddress()}${c.pool ? `, reward pool ${await c.pool.getAddress()}` : ""}`,
  );

  // Live through the preset month by month up to the chosen time.
  const until = start + BigInt(Math.round(atYears * Number(YEAR)));
  const distributor =
    preset.emission.epochPool === undefined
      ? undefined
      : signers.find((s) => s.address === accounts[preset.emission.epochPool!.claimer]);
  const provider = signers[signers.length - 1];
  const nextEpochToBurn = { epoch: 0n };
  let txs = 0;
  for (let t = start + MONTH; t <= until; t += MONTH) {
    await networkHelpers.time.increaseTo(t);
    if ((await c.controller.releasable()) > 0n) {
      await (await c.controller.release()).wait();
      txs++;
    }
    if (c.pool !== undefined && distributor !== undefined) {
      const epoch = await c.pool.currentEpoch();
      const [unclaimed] = await c.pool.bucket(epoch);
      const claim = (unclaimed * claimBps) / 10_000n;
      if (claim > 0n) {
        await (await c.pool.connect(distributor).claim(epoch, provider.address, claim)).wait();
        txs++;
      }
      // Anyone may burn a bucket 180 days after its epoch: burn every bucket that expired by now.
      for (; nextEpochToBurn.epoch < epoch; nextEpochToBurn.epoch++) {
        const [left, expiresAt] = await c.pool.bucket(nextEpochToBurn.epoch);
        if (expiresAt > t) break;
        if (left > 0n) {
          await (await c.pool.burnExpired(nextEpochToBurn.epoch)).wait();
          txs++;
        }
      }
    }
    const count = await c.vault.scheduleCount();
    for (let id = 0n; id < count; id++) {
      if ((await c.vault.releasable(id)) > 0n) {
        await (await c.vault.release(id)).wait();
        txs++;
      }
    }
  }
  if (BigInt(await networkHelpers.time.latest()) < until) await networkHelpers.time.increaseTo(until);

  const now = await readSupply(c, accounts[preset.treasury]);
  const pct = (part: bigint) => `${((Number(part / 10n ** 12n) / Number(now.cap / 10n ** 12n)) * 100).toFixed(2)}%`;
  const row = (label: string, value: bigint) => ({
    "": label,
    [preset.token.symbol]: display(value),
    "of cap": pct(value),
  });
  console.log(`\n${preset.token.name} supply ${atYears} years after the TGE (${txs} transactions simulated):`);
  console.table([
    row("cap", now.cap),
    row("total supply", now.total),
    row("circulating", now.circulating),
    row("locked: vesting", now.locked.vesting),
    row("locked: emission", now.locked.emission),
    row("locked: treasury", now.locked.treasury),
    row("locked: other protocol contracts", now.locked.protocol),
    row("burned", now.burned),
    row("not yet minted", now.unminted),
  ]);
  console.log(
    `Emission: curve ${display(now.emission.curve)}, released ${display(now.emission.released)}` +
      (c.pool ? `, unclaimed in the reward pool ${display(now.emission.poolUnclaimed)}` : ""),
  );

  const rows = await projectSupply(c, now, accounts[preset.treasury]);
  const svg = projectionSvg(
    withNow(rows, now),
    `${preset.token.name} supply, 15-year projection`,
    preset.token.symbol,
    now.timestamp,
  );
  const paths = await writeProjection(rows, svg, process.env.SUPPLY_REPORT_DIR ?? "reports", `supply-${presetName}`);
  console.log(`\nProjection (${rows.length} months) written to ${paths.csv}, ${paths.svg} and ${paths.png}`);
  for (const y of [1, 2, 4, 10, 13, 15]) {
    const r = rows.find((row) => row.month === y * 12)!;
    console.log(`  end of year ${y}: emitted ${display(r.emitted)}, circulating ${display(r.circulating)}`);
  }

  // Net inflation per quarter (as the deflation controller measures it) against the preset's target band.
  const [, , , emissionCap] = await c.controller.curve();
  const hold = (await c.controller.fundingMode()) === 0n;
  const quarters = netInflationRows(rows, hold ? emissionCap : 0n);
  const target = DEFLATION[presetName];
  const band =
    target === undefined
      ? undefined
      : {
          minBps: target.minDeflationBps.value,
          maxBps: target.maxDeflationBps.value,
          fromQuarter: Number(target.firstQuarter),
        };
  const inflation = await writeNetInflation(
    quarters,
    netInflationSvg(quarters, `${preset.token.name} net inflation per quarter (annualised)`, now.timestamp, band),
    process.env.SUPPLY_REPORT_DIR ?? "reports",
    `supply-${presetName}-net-inflation`,
    band,
  );
  const pctOf = (bps: bigint) => `${(Number(bps) / 100).toFixed(2)}%`;
  console.log(
    `\nNet inflation per quarter, annualised (${quarters.length} quarters) written to ${inflation.csv}, ` +
      `${inflation.svg} and ${inflation.png}` +
      (band === undefined
        ? " (no deflation target in this preset)"
        : `; target from quarter ${band.fromQuarter}: ${pctOf(-band.maxBps)} to ${pctOf(-band.minBps)}`),
  );
  for (const y of [1, 5, 6, 10, 15]) {
    const q = quarters.find((row) => row.quarter === y * 4 - 1);
    if (q === undefined) continue;
    const inBand = band === undefined ? "" : -q.netInflationBps >= band.minBps && -q.netInflationBps <= band.maxBps;
    console.log(
      `  last quarter of year ${y}: ${pctOf(q.netInflationBps)} a year` +
        (band === undefined ? "" : inBand ? " (in the band)" : " (outside the band)"),
    );
  }
});
