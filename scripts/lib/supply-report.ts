/**
 * Supply report: reads a deployed preset's supply at the current block (total, circulating, locked in vesting,
 * emission and treasury, burned) and projects it over 15 years from the TGE, month by month, from the contracts'
 * own views (`EmissionController.emittedAt`, `VestingVault.vestedAmount`). Writes the projection as CSV and as
 * an SVG chart, rasterised to PNG.
 *
 * Definitions (also in docs/supply.md):
 * - locked.vesting: the vault's balance (unvested, and vested but not yet released).
 * - locked.emission: what the emission controller still holds (hold mode), plus rewards emitted into the
 *   EpochRewardPool and not yet claimed.
 * - locked.treasury: the governance treasury's balance.
 * - locked.protocol: the balances of every other contract of the deployment (distribution engine and its pools,
 *   staking, escrow, collateral, funds, worker pool, issuer stakes...): tokens the protocol holds are not circulating.
 * - circulating: total supply minus the four.
 * - unminted: cap minus everything minted (future issuance in mint mode).
 * The projection reads the chain at every month up to now (the same definitions as the snapshot, at the last block
 * of that time), so the chart and the table agree; after now it assumes every vested or emitted token is released
 * and paid out on time, and the treasury and the other protocol contracts keep today's balances; burns are taken
 * from the token's history up to now and not projected beyond it.
 */
import { mkdir, writeFile } from "node:fs/promises";

import { formatEther, ZeroAddress } from "ethers";

import type { deploySupply } from "./deploy.js";

export type SupplyContracts = Awaited<ReturnType<typeof deploySupply>>;

export interface SupplySnapshot {
  timestamp: bigint;
  cap: bigint;
  minted: bigint;
  total: bigint;
  burned: bigint;
  circulating: bigint;
  locked: { vesting: bigint; emission: bigint; treasury: bigint; protocol: bigint };
  /** locked.protocol by contract name (balances above zero). */
  heldBy: Record<string, bigint>;
  unminted: bigint;
  emission: { released: bigint; curve: bigint; poolUnclaimed: bigint };
}

export interface ProjectionRow {
  month: number;
  timestamp: bigint;
  emitted: bigint;
  total: bigint;
  circulating: bigint;
  lockedVesting: bigint;
  lockedEmission: bigint;
  treasury: bigint;
  /** Held by the deployment's other contracts (engine, pools, staking, escrow, funds...). */
  protocol: bigint;
  unminted: bigint;
  burned: bigint;
}

/**
 * The preset's supply at a block (default: the latest). `contracts` are the deployment's contracts by name (an
 * address book's entry): every one besides the token, the vault, the controller, the reward pool and the treasury
 * counts as protocol-held.
 */
export async function readSupply(
  c: SupplyContracts,
  treasury: string,
  contracts: Record<string, string> = {},
  blockTag: number | "latest" = "latest",
): Promise<SupplySnapshot> {
  const at = { blockTag };
  const block = await c.token.runner!.provider!.getBlock(blockTag);
  const timestamp = BigInt(block!.timestamp);
  const [cap, minted, total, burned] = await Promise.all([
    c.token.cap(at),
    c.token.totalMinted(at),
    c.token.totalSupply(at),
    c.token.totalBurned(at),
  ]);
  const balance = (address: string) => c.token.balanceOf(address, at);
  const vesting = await balance(await c.vault.getAddress());
  const held = await balance(await c.controller.getAddress());
  const poolUnclaimed = c.pool === undefined ? 0n : await c.pool.totalUnclaimed(at);
  const treasuryBalance = await balance(treasury);
  const emission = held + poolUnclaimed;
  const counted = new Set(
    [c.token, c.vault, c.controller, ...(c.pool === undefined ? [] : [c.pool])].map((x) => x.target as string),
  );
  counted.add(treasury);
  const heldBy: Record<string, bigint> = {};
  let protocol = 0n;
  const seen = new Set<string>();
  for (const [name, address] of Object.entries(contracts)) {
    const key = address.toLowerCase();
    if ([...counted].some((a) => a.toLowerCase() === key) || seen.has(key)) continue;
    seen.add(key);
    const b = await balance(address);
    if (b === 0n) continue;
    heldBy[name] = b;
    protocol += b;
  }
  return {
    timestamp,
    cap,
    minted,
    total,
    burned,
    circulating: total - vesting - emission - treasuryBalance - protocol,
    locked: { vesting, emission, treasury: treasuryBalance, protocol },
    heldBy,
    unminted: cap - minted,
    emission: {
      released: await c.controller.released(at),
      curve: await c.controller.emittedAt(timestamp, at),
      poolUnclaimed,
    },
  };
}

/** The last block at or before `timestamp`, or undefined when the chain starts after it. */
async function blockAt(c: SupplyContracts, timestamp: bigint): Promise<number | undefined> {
  const provider = c.token.runner!.provider!;
  let lo = 0;
  let hi = await provider.getBlockNumber();
  if (BigInt((await provider.getBlock(hi))!.timestamp) <= timestamp) return hi;
  if (BigInt((await provider.getBlock(0))!.timestamp) > timestamp) return undefined;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (BigInt((await provider.getBlock(mid))!.timestamp) <= timestamp) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** A month of the projection: a twelfth of a 365-day year. */
const MONTH = 31_536_000n / 12n;

/** Cumulative burns over time, from the token's `Transfer(from, 0x0)` events: `[timestamp, burned by then]`. */
export async function burnHistory(c: SupplyContracts): Promise<[bigint, bigint][]> {
  const events = await c.token.queryFilter(c.token.filters.Transfer(undefined, ZeroAddress));
  const provider = c.token.runner!.provider!;
  const history: [bigint, bigint][] = [];
  let burned = 0n;
  for (const e of events) {
    burned += e.args.value;
    const block = await provider.getBlock(e.blockNumber);
    history.push([BigInt(block!.timestamp), burned]);
  }
  return history;
}

/** A projection row from a snapshot (the chain's own figures at a month up to now, or now itself). */
function snapshotRow(month: number, s: SupplySnapshot, emitted: bigint): ProjectionRow {
  return {
    month,
    timestamp: s.timestamp,
    emitted,
    total: s.total,
    circulating: s.circulating,
    lockedVesting: s.locked.vesting,
    lockedEmission: s.locked.emission,
    treasury: s.locked.treasury,
    protocol: s.locked.protocol,
    unminted: s.unminted,
    burned: s.burned,
  };
}

/** `now` as a row of the projection (its month a fraction), for the chart's point at "now". */
export function nowRow(rows: ProjectionRow[], now: SupplySnapshot): ProjectionRow {
  const start = rows[0].timestamp;
  return snapshotRow(Number(now.timestamp - start) / Number(MONTH), now, now.emission.curve);
}

/** The rows with `now` inserted in time order: the chart passes through the snapshot's own figures. */
export function withNow(rows: ProjectionRow[], now: SupplySnapshot): ProjectionRow[] {
  const row = nowRow(rows, now);
  return [...rows.filter((r) => r.timestamp < row.timestamp), row, ...rows.filter((r) => r.timestamp > row.timestamp)];
}

/**
 * Month-by-month projection over `years` years from the emission start (the TGE). Months up to now are read from the
 * chain (`readSupply` at the last block of that time, with the same `contracts`); later months follow the model
 * above. Burns are historical up to now (from the token's events) and held at today's total afterwards.
 */
export async function projectSupply(
  c: SupplyContracts,
  now: SupplySnapshot,
  treasury: string,
  contracts: Record<string, string> = {},
  years = 15,
): Promise<ProjectionRow[]> {
  const burns = await burnHistory(c);
  const burnedBy = (t: bigint) => burns.filter(([at]) => at <= t).reduce((_, [, total]) => total, 0n);
  const [start] = await c.controller.curve();
  const hold = (await c.controller.fundingMode()) === 0n;
  const cap = (await c.controller.curve())[3];
  const count = Number(await c.vault.scheduleCount());
  const schedules = await Promise.all(Array.from({ length: count }, (_, id) => c.vault.schedule(BigInt(id))));
  const rows: ProjectionRow[] = [];
  for (let month = 0; month <= years * 12; month++) {
    const t = start + BigInt(month) * MONTH;
    const emitted = await c.controller.emittedAt(t);
    if (t <= now.timestamp) {
      const block = await blockAt(c, t);
      const deployed = block !== undefined && (await c.token.runner!.provider!.getCode(c.token.target, block)) !== "0x";
      if (deployed) {
        const s = await readSupply(c, treasury, contracts, block);
        rows.push({ ...snapshotRow(month, s, emitted), timestamp: t });
        continue;
      }
    }
    let lockedVesting = 0n;
    for (let id = 0; id < count; id++)
      lockedVesting += schedules[id].amount - (await c.vault.vestedAmount(BigInt(id), t));
    // Hold mode: everything was minted at genesis. Mint mode: minted at genesis plus the curve (released on time).
    const minted = hold ? now.minted : now.minted - now.emission.released + emitted;
    const burned = burnedBy(t);
    const total = minted - burned;
    const lockedEmission = hold ? cap - emitted : 0n;
    rows.push({
      month,
      timestamp: t,
      emitted,
      total,
      circulating: total - lockedVesting - lockedEmission - now.locked.treasury - now.locked.protocol,
      lockedVesting,
      lockedEmission,
      treasury: now.locked.treasury,
      protocol: now.locked.protocol,
      unminted: now.cap - minted,
      burned,
    });
  }
  return rows;
}

/** Whole tokens with up to 18 decimals, exact. */
export const tokens = (wei: bigint) => formatEther(wei).replace(/\.0$/, "");

/** Whole tokens, rounded down, with thousands separators (for reading, not for accounting). */
export const display = (wei: bigint) => (wei / 10n ** 18n).toLocaleString("en-US");

const COLUMNS: [string, (r: ProjectionRow) => string][] = [
  ["month", (r) => String(r.month)],
  ["date", (r) => new Date(Number(r.timestamp) * 1000).toISOString().slice(0, 10)],
  ["emitted", (r) => tokens(r.emitted)],
  ["total_supply", (r) => tokens(r.total)],
  ["circulating", (r) => tokens(r.circulating)],
  ["locked_vesting", (r) => tokens(r.lockedVesting)],
  ["locked_emission", (r) => tokens(r.lockedEmission)],
  ["treasury", (r) => tokens(r.treasury)],
  ["unminted", (r) => tokens(r.unminted)],
  ["burned", (r) => tokens(r.burned)],
  ["held_by_protocol", (r) => tokens(r.protocol)],
];

export function projectionCsv(rows: ProjectionRow[]): string {
  return (
    [COLUMNS.map(([name]) => name).join(","), ...rows.map((r) => COLUMNS.map(([, f]) => f(r)).join(","))].join("\n") +
    "\n"
  );
}

const LAYERS: { key: keyof ProjectionRow; label: string; color: string }[] = [
  { key: "circulating", label: "Circulating", color: "#2b8cbe" },
  { key: "treasury", label: "Treasury", color: "#7bccc4" },
  { key: "protocol", label: "Protocol contracts", color: "#a6bddb" },
  { key: "lockedVesting", label: "Locked: vesting", color: "#f03b20" },
  { key: "lockedEmission", label: "Locked: emission", color: "#feb24c" },
  { key: "unminted", label: "Not yet minted", color: "#d9d9d9" },
  { key: "burned", label: "Burned", color: "#636363" },
];

/** A stacked-area chart of the projection (the layers add up to the cap), with a marker at `now`. */
export function projectionSvg(rows: ProjectionRow[], title: string, symbol: string, now: bigint): string {
  const W = 960;
  const H = 540;
  const left = 90;
  const right = 200;
  const top = 50;
  const bottom = 50;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const sum = (r: ProjectionRow) => LAYERS.reduce((s, l) => s + (r[l.key] as bigint), 0n);
  const max = rows.reduce((m, r) => (sum(r) > m ? sum(r) : m), 1n);
  const millions = (wei: bigint) => Number(wei / 10n ** 12n) / 1e12; // tokens in millions (18 decimals)
  const maxM = millions(max);
  const t0 = Number(rows[0].timestamp);
  const t1 = Number(rows[rows.length - 1].timestamp);
  const x = (t: number) => left + ((t - t0) / (t1 - t0)) * plotW;
  const y = (m: number) => top + plotH - (m / maxM) * plotH;
  const fmt = (n: number) => n.toFixed(1);

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ` +
      `font-family="DejaVu Sans, Arial, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="28" text-anchor="middle" font-size="18" font-weight="bold">${title}</text>`,
  );
  // Stacked areas, bottom layer first.
  const base = rows.map(() => 0);
  for (const layer of LAYERS) {
    const upper = rows.map((r, i) => base[i] + millions(r[layer.key] as bigint));
    const points = [
      ...rows.map((r, i) => `${fmt(x(Number(r.timestamp)))},${fmt(y(upper[i]))}`),
      ...rows.map((r, i) => `${fmt(x(Number(r.timestamp)))},${fmt(y(base[i]))}`).reverse(),
    ];
    parts.push(`<polygon points="${points.join(" ")}" fill="${layer.color}" stroke="none"/>`);
    upper.forEach((v, i) => (base[i] = v));
  }
  // Axes and grid.
  const step = niceStep(maxM / 5);
  for (let v = 0; v <= maxM + 1e-9; v += step) {
    parts.push(
      `<line x1="${left}" x2="${left + plotW}" y1="${fmt(y(v))}" y2="${fmt(y(v))}" stroke="#000" stroke-opacity="0.15"/>`,
      `<text x="${left - 8}" y="${fmt(y(v) + 4)}" text-anchor="end">${v.toLocaleString("en-US")}M</text>`,
    );
  }
  const years = Math.round((t1 - t0) / 31_536_000);
  for (let yr = 0; yr <= years; yr++) {
    const xv = x(t0 + yr * 31_536_000);
    parts.push(
      `<line x1="${fmt(xv)}" x2="${fmt(xv)}" y1="${top + plotH}" y2="${top + plotH + 5}" stroke="#000"/>`,
      `<text x="${fmt(xv)}" y="${top + plotH + 20}" text-anchor="middle">${yr}</text>`,
    );
  }
  parts.push(
    `<rect x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="none" stroke="#000"/>`,
    `<text x="${left + plotW / 2}" y="${H - 10}" text-anchor="middle">years after the TGE</text>`,
    `<text x="22" y="${top + plotH / 2}" text-anchor="middle" transform="rotate(-90 22 ${top + plotH / 2})">` +
      `${symbol} (millions)</text>`,
  );
  if (Number(now) >= t0 && Number(now) <= t1) {
    const xn = fmt(x(Number(now)));
    parts.push(
      `<line x1="${xn}" x2="${xn}" y1="${top}" y2="${top + plotH}" stroke="#000" stroke-dasharray="4 3"/>`,
      `<text x="${xn}" y="${top - 6}" text-anchor="middle">now</text>`,
    );
  }
  // Legend, top layer first.
  [...LAYERS].reverse().forEach((layer, i) => {
    const ly = top + 10 + i * 24;
    parts.push(
      `<rect x="${left + plotW + 20}" y="${ly}" width="16" height="16" fill="${layer.color}" stroke="#000" stroke-width="0.5"/>`,
      `<text x="${left + plotW + 44}" y="${ly + 12}">${layer.label}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("\n") + "\n";
}

function niceStep(raw: number): number {
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

/** Writes `csv` and `svg` as `<dir>/<name>.csv` and `.svg`, renders the SVG to `.png`; returns the three paths. */
async function writeChart(
  csv: string,
  svg: string,
  dir: string,
  name: string,
): Promise<{ csv: string; svg: string; png: string }> {
  const { Resvg } = await import("@resvg/resvg-js");
  await mkdir(dir, { recursive: true });
  const paths = { csv: `${dir}/${name}.csv`, svg: `${dir}/${name}.svg`, png: `${dir}/${name}.png` };
  await writeFile(paths.csv, csv);
  await writeFile(paths.svg, svg);
  const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" } }).render().asPng();
  await writeFile(paths.png, png);
  return paths;
}

/** Writes `<dir>/<name>.csv`, `.svg` and `.png`; returns their paths (the projection rows). */
export async function writeProjection(
  rows: ProjectionRow[],
  svg: string,
  dir: string,
  name: string,
): Promise<{ csv: string; svg: string; png: string }> {
  return writeChart(projectionCsv(rows), svg, dir, name);
}

/** One quarter of net inflation: what the deflation controller measures (docs/deflation.md), from projection rows. */
export interface NetInflationRow {
  /** The quarter, counted from the TGE as the controller counts (quarter 0 is the first). */
  quarter: number;
  /** The quarter's end. */
  timestamp: bigint;
  emitted: bigint;
  burned: bigint;
  /** Outstanding supply at the quarter's start: total supply minus emission not yet emitted (hold mode). */
  supplyAtStart: bigint;
  /** `(emitted - burned) x 4 / supplyAtStart`, bps, rounded toward zero (negative: deflation). */
  netInflationBps: bigint;
}

/**
 * Each quarter's annualised net inflation from month rows (quarters are every third month: a 365-day year / 4, as
 * the controller's). `emissionCap`: the curve's cap in hold mode (its not-yet-emitted part is not outstanding), 0 in
 * mint mode (minted emission is in the total already).
 */
export function netInflationRows(rows: ProjectionRow[], emissionCap: bigint): NetInflationRow[] {
  const byMonth = new Map(rows.filter((r) => Number.isInteger(r.month)).map((r) => [r.month, r]));
  const outstanding = (r: ProjectionRow) => r.total - (emissionCap === 0n ? 0n : emissionCap - r.emitted);
  const out: NetInflationRow[] = [];
  for (let q = 0; byMonth.has(3 * q + 3); q++) {
    const a = byMonth.get(3 * q)!;
    const b = byMonth.get(3 * q + 3)!;
    const supplyAtStart = outstanding(a);
    if (supplyAtStart <= 0n) continue;
    const emitted = b.emitted - a.emitted;
    const burned = b.burned - a.burned;
    out.push({
      quarter: q,
      timestamp: b.timestamp,
      emitted,
      burned,
      supplyAtStart,
      netInflationBps: ((emitted - burned) * 40_000n) / supplyAtStart,
    });
  }
  return out;
}

export function netInflationCsv(rows: NetInflationRow[], band?: { minBps: bigint; maxBps: bigint }): string {
  const head = "quarter,date,emitted,burned,supply_at_start,net_inflation_bps,target_low_bps,target_high_bps";
  const lines = rows.map((r) =>
    [
      r.quarter,
      new Date(Number(r.timestamp) * 1000).toISOString().slice(0, 10),
      tokens(r.emitted),
      tokens(r.burned),
      tokens(r.supplyAtStart),
      r.netInflationBps,
      band === undefined ? "" : -band.maxBps,
      band === undefined ? "" : -band.minBps,
    ].join(","),
  );
  return [head, ...lines].join("\n") + "\n";
}

/**
 * A line chart of each quarter's annualised net inflation, with the target band (net deflation between
 * `band.minBps` and `band.maxBps` a year, from quarter `fromQuarter`) shaded, and a marker at `now`.
 */
export function netInflationSvg(
  rows: NetInflationRow[],
  title: string,
  now: bigint,
  band?: { minBps: bigint; maxBps: bigint; fromQuarter: number },
): string {
  const W = 960;
  const H = 420;
  const left = 80;
  const right = 200;
  const top = 50;
  const bottom = 50;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const pcts = rows.map((r) => Number(r.netInflationBps) / 100);
  const edges = band === undefined ? [] : [-Number(band.maxBps) / 100, -Number(band.minBps) / 100];
  const hi = Math.ceil(Math.max(1, ...pcts, ...edges));
  const lo = Math.floor(Math.min(-1, ...pcts, ...edges));
  const t0 = Number(rows[0].timestamp) - 7_884_000;
  const t1 = Number(rows[rows.length - 1].timestamp);
  const x = (t: number) => left + ((t - t0) / (t1 - t0)) * plotW;
  const y = (p: number) => top + ((hi - p) / (hi - lo)) * plotH;
  const fmt = (n: number) => n.toFixed(1);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ` +
      `font-family="DejaVu Sans, Arial, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="28" text-anchor="middle" font-size="18" font-weight="bold">${title}</text>`,
  ];
  if (band !== undefined) {
    const xb = x(t0 + band.fromQuarter * 7_884_000);
    parts.push(
      `<rect x="${fmt(xb)}" y="${fmt(y(edges[1]))}" width="${fmt(left + plotW - xb)}" ` +
        `height="${fmt(y(edges[0]) - y(edges[1]))}" fill="#31a354" fill-opacity="0.25"/>`,
    );
  }
  const step = niceStep((hi - lo) / 6);
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) {
    parts.push(
      `<line x1="${left}" x2="${left + plotW}" y1="${fmt(y(v))}" y2="${fmt(y(v))}" stroke="#000" ` +
        `stroke-opacity="${Math.abs(v) < 1e-9 ? 0.6 : 0.15}"/>`,
      `<text x="${left - 8}" y="${fmt(y(v) + 4)}" text-anchor="end">${v.toFixed(step < 1 ? 1 : 0)}%</text>`,
    );
  }
  const years = Math.round((t1 - t0) / 31_536_000);
  for (let yr = 0; yr <= years; yr++) {
    const xv = x(t0 + yr * 31_536_000);
    parts.push(
      `<line x1="${fmt(xv)}" x2="${fmt(xv)}" y1="${top + plotH}" y2="${top + plotH + 5}" stroke="#000"/>`,
      `<text x="${fmt(xv)}" y="${top + plotH + 20}" text-anchor="middle">${yr}</text>`,
    );
  }
  const points = rows.map((r, i) => `${fmt(x(Number(r.timestamp)))},${fmt(y(pcts[i]))}`);
  parts.push(
    `<polyline points="${points.join(" ")}" fill="none" stroke="#2b8cbe" stroke-width="2"/>`,
    `<rect x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="none" stroke="#000"/>`,
    `<text x="${left + plotW / 2}" y="${H - 10}" text-anchor="middle">years after the TGE</text>`,
    `<text x="22" y="${top + plotH / 2}" text-anchor="middle" transform="rotate(-90 22 ${top + plotH / 2})">` +
      `net inflation, % a year</text>`,
  );
  if (Number(now) >= t0 && Number(now) <= t1) {
    const xn = fmt(x(Number(now)));
    parts.push(
      `<line x1="${xn}" x2="${xn}" y1="${top}" y2="${top + plotH}" stroke="#000" stroke-dasharray="4 3"/>`,
      `<text x="${xn}" y="${top - 6}" text-anchor="middle">now</text>`,
    );
  }
  const legend: [string, string][] = [["#2b8cbe", "Net inflation (quarter, x4)"]];
  if (band !== undefined) legend.push(["#31a354", `Target: ${edges[0]}% to ${edges[1]}%`]);
  legend.forEach(([color, label], i) => {
    const ly = top + 10 + i * 24;
    parts.push(
      `<rect x="${left + plotW + 20}" y="${ly}" width="16" height="16" fill="${color}" stroke="#000" stroke-width="0.5"/>`,
      `<text x="${left + plotW + 44}" y="${ly + 12}">${label}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("\n") + "\n";
}

/** Writes the net-inflation CSV, SVG and PNG as `<dir>/<name>.*`; returns their paths. */
export async function writeNetInflation(
  rows: NetInflationRow[],
  svg: string,
  dir: string,
  name: string,
  band?: { minBps: bigint; maxBps: bigint },
): Promise<{ csv: string; svg: string; png: string }> {
  return writeChart(netInflationCsv(rows, band), svg, dir, name);
}

/**
 * One reading of the active supply: the total supply less what vesting, emission, the treasury and protocol
 * contracts hold, and less what the holder-facing locks take out of circulation (QER locked as lending collateral, in
 * the VoteLocker, and the QER side of Uniswap V2 LP tokens staked for incentives). Burned QER has left the total.
 */
export interface ActiveSupplyRow {
  label: string;
  timestamp: bigint;
  total: bigint;
  /** QER in the credit manager (collateral). */
  collateral: bigint;
  /** QER in running or ended, unwithdrawn locks (`VoteLocker.totalLocked`). */
  voteLocked: bigint;
  /** QER in the pool backing the staked LP tokens: pool QER x staked LP / LP supply, rounded down. */
  lpStaked: bigint;
  burned: bigint;
  /** total - vesting - emission - treasury - other protocol holdings - collateral - voteLocked - lpStaked. */
  active: bigint;
}

/** The lock-side holdings read for an active-supply row (a preset without them passes zero addresses). */
export interface ActiveSupplySources {
  token: { balanceOf(a: string): Promise<bigint>; totalSupply(): Promise<bigint>; totalBurned(): Promise<bigint> };
  creditManager?: string;
  voteLocker?: { totalLocked(): Promise<bigint> };
  voteLockerAddress?: string;
  /** The LP pool: its staked total, the pair's LP supply and its QER. */
  lp?: { totalStaked(): Promise<bigint>; pair: string; pairSupply(): Promise<bigint> };
  /** Balances that are never active: vesting, emission, treasury, other protocol contracts. */
  otherLocked: string[];
}

/** Reads one active-supply row at the latest block. */
export async function readActiveSupply(
  label: string,
  timestamp: bigint,
  s: ActiveSupplySources,
): Promise<ActiveSupplyRow> {
  const total = await s.token.totalSupply();
  const burned = await s.token.totalBurned();
  const collateral = s.creditManager === undefined ? 0n : await s.token.balanceOf(s.creditManager);
  const voteLocked = s.voteLocker === undefined ? 0n : await s.voteLocker.totalLocked();
  // The locker also holds reward tokens not yet paid: counted with the other locked balances.
  const lockerRest =
    s.voteLockerAddress === undefined ? 0n : (await s.token.balanceOf(s.voteLockerAddress)) - voteLocked;
  let lpStaked = 0n;
  if (s.lp !== undefined) {
    const supply = await s.lp.pairSupply();
    if (supply > 0n) lpStaked = ((await s.token.balanceOf(s.lp.pair)) * (await s.lp.totalStaked())) / supply;
  }
  let other = lockerRest;
  for (const a of s.otherLocked) other += await s.token.balanceOf(a);
  return {
    label,
    timestamp,
    total,
    collateral,
    voteLocked,
    lpStaked,
    burned,
    active: total - other - collateral - voteLocked - lpStaked,
  };
}

const ACTIVE_COLUMNS: [string, (r: ActiveSupplyRow) => string][] = [
  ["stage", (r) => r.label],
  ["timestamp", (r) => String(r.timestamp)],
  ["total_supply", (r) => tokens(r.total)],
  ["collateral", (r) => tokens(r.collateral)],
  ["vote_locked", (r) => tokens(r.voteLocked)],
  ["lp_staked", (r) => tokens(r.lpStaked)],
  ["burned", (r) => tokens(r.burned)],
  ["active", (r) => tokens(r.active)],
];

/** The active-supply rows as CSV (the same figures the table prints and the chart draws). */
export function activeSupplyCsv(rows: ActiveSupplyRow[]): string {
  return (
    [
      ACTIVE_COLUMNS.map(([name]) => name).join(","),
      ...rows.map((r) => ACTIVE_COLUMNS.map(([, f]) => f(r)).join(",")),
    ].join("\n") + "\n"
  );
}

const ACTIVE_LAYERS: {
  key: "active" | "collateral" | "voteLocked" | "lpStaked" | "burned";
  label: string;
  color: string;
}[] = [
  { key: "active", label: "Active supply", color: "#2b8cbe" },
  { key: "voteLocked", label: "Locked in VoteLocker", color: "#f03b20" },
  { key: "collateral", label: "Lending collateral", color: "#feb24c" },
  { key: "lpStaked", label: "LP-staked", color: "#7bccc4" },
  { key: "burned", label: "Burned", color: "#636363" },
];

/**
 * A grouped bar chart of the active-supply rows, one group per stage: the active supply, the QER taken out of
 * circulation by each holder-facing lock, and the burned QER (the active supply is also written under each group).
 */
export function activeSupplySvg(rows: ActiveSupplyRow[], title: string, symbol: string): string {
  const W = 960;
  const H = 540;
  const left = 90;
  const right = 210;
  const top = 50;
  const bottom = 90;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const k = (wei: bigint) => Number(wei / 10n ** 15n) / 1e3; // tokens
  const max = Math.max(1, ...rows.flatMap((r) => ACTIVE_LAYERS.map((l) => k(r[l.key]))));
  const step = niceStep(max / 5);
  const top_ = Math.ceil(max / step) * step;
  const y = (v: number) => top + plotH - (v / top_) * plotH;
  const groupW = plotW / rows.length;
  const barW = (groupW * 0.8) / ACTIVE_LAYERS.length;
  const fmt = (n: number) => n.toFixed(1);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ` +
      `font-family="DejaVu Sans, Arial, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="28" text-anchor="middle" font-size="18" font-weight="bold">${title}</text>`,
  ];
  for (let v = 0; v <= top_ + 1e-9; v += step) {
    parts.push(
      `<line x1="${left}" x2="${left + plotW}" y1="${fmt(y(v))}" y2="${fmt(y(v))}" stroke="#000" stroke-opacity="0.15"/>`,
      `<text x="${left - 8}" y="${fmt(y(v) + 4)}" text-anchor="end">${v.toLocaleString("en-US")}</text>`,
    );
  }
  rows.forEach((r, i) => {
    const x0 = left + i * groupW + groupW * 0.1;
    ACTIVE_LAYERS.forEach((l, j) => {
      const v = k(r[l.key]);
      parts.push(
        `<rect x="${fmt(x0 + j * barW)}" y="${fmt(y(v))}" width="${fmt(barW)}" height="${fmt(top + plotH - y(v))}" ` +
          `fill="${l.color}"><title>${l.label}: ${tokens(r[l.key])}</title></rect>`,
      );
    });
    const cx = fmt(left + (i + 0.5) * groupW);
    parts.push(
      `<text x="${cx}" y="${top + plotH + 18}" text-anchor="middle">${r.label}</text>`,
      `<text x="${cx}" y="${top + plotH + 36}" text-anchor="middle">active ${display(r.active)}</text>`,
    );
  });
  parts.push(
    `<rect x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="none" stroke="#000"/>`,
    `<text x="22" y="${top + plotH / 2}" text-anchor="middle" transform="rotate(-90 22 ${top + plotH / 2})">` +
      `${symbol}</text>`,
  );
  ACTIVE_LAYERS.forEach((l, i) => {
    const ly = top + 10 + i * 24;
    parts.push(
      `<rect x="${left + plotW + 20}" y="${ly}" width="16" height="16" fill="${l.color}" stroke="#000" stroke-width="0.5"/>`,
      `<text x="${left + plotW + 44}" y="${ly + 12}">${l.label}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("\n") + "\n";
}

/** Writes `<dir>/<name>.csv`, `.svg` and `.png` of the active-supply rows; returns their paths. */
export async function writeActiveSupply(
  rows: ActiveSupplyRow[],
  svg: string,
  dir: string,
  name: string,
): Promise<{ csv: string; svg: string; png: string }> {
  return writeChart(activeSupplyCsv(rows), svg, dir, name);
}
