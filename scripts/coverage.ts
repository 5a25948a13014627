/**
 * Line coverage of contracts/ by the whole test suite, measured in several passes and merged; fails below
 * COVERAGE_MIN (95%) of lines.
 *
 * One instrumented build of every contract and every test no longer fits what solc-js can write ("Error writing
 * output JSON"), so the Solidity tests run in COVERAGE_PASSES groups of test folders (each pass builds only its
 * tests and what they import), then the mocha tests run in one more pass (without the few that work in other
 * processes). Each pass writes `coverage/lcov.info`;
 * this script keeps a copy of each under `coverage/parts/` and merges them: a line counts as covered when any pass
 * ran it. The merged report is `coverage/lcov.info` (the HTML report under `coverage/html` is the last pass's).
 *
 * The passes build with the `mutation` profile (optimizer off: several times faster to compile; coverage does not
 * measure gas) unless COVERAGE_BUILD_PROFILE says otherwise, and run the `default` Solidity test profile unless
 * HARDHAT_TEST_PROFILE says otherwise. Usage: `npm run coverage` (the Node 22 of the README's commands).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const MIN = Number(process.env.COVERAGE_MIN ?? 95);
const PASSES = Number(process.env.COVERAGE_PASSES ?? 3);
const BUILD_PROFILE = process.env.COVERAGE_BUILD_PROFILE ?? "mutation";
const TEST_PROFILE = process.env.HARDHAT_TEST_PROFILE ?? "default";
const PARTS = "coverage/parts";
const HARDHAT = "node_modules/.bin/hardhat";

if (!Number.isInteger(PASSES) || PASSES < 1 || !Number.isFinite(MIN)) {
  console.error("COVERAGE_PASSES must be a positive integer and COVERAGE_MIN a number.");
  process.exit(1);
}

/**
 * The Solidity files of each folder under test/, largest folder first. Helpers (invariant handlers, mocks) go in as
 * root files too: the invariant runner needs the artifact of every handler it targets.
 */
function testFolders(): string[][] {
  const byFolder = new Map<string, string[]>();
  for (const file of readdirSync("test", { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(".sol")) continue;
    const folder = file.includes("/") ? file.split("/")[0] : ".";
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), join("test", file)]);
  }
  return [...byFolder.values()].sort((a, b) => b.length - a.length);
}

/** Folders dealt into `n` groups of about the same number of files (a folder is never split). */
function groups(folders: string[][], n: number): string[][] {
  const out: string[][] = Array.from({ length: Math.min(n, folders.length) }, () => []);
  for (const files of folders) out.reduce((a, b) => (b.length < a.length ? b : a)).push(...files);
  return out.map((files) => files.sort());
}

/** Line hits per file of an lcov report. */
type Hits = Map<string, Map<number, number>>;

function readLcov(path: string, into: Hits): void {
  let lines: Map<number, number> | undefined;
  for (const row of readFileSync(path, "utf8").split("\n")) {
    if (row.startsWith("SF:")) {
      const file = row.slice(3);
      lines = into.get(file) ?? new Map();
      into.set(file, lines);
    } else if (row.startsWith("DA:") && lines !== undefined) {
      const [line, count] = row.slice(3).split(",").map(Number);
      lines.set(line, (lines.get(line) ?? 0) + count);
    }
  }
}

function writeLcov(path: string, hits: Hits): void {
  let out = "";
  for (const [file, lines] of [...hits].sort(([a], [b]) => a.localeCompare(b))) {
    out += `TN:\nSF:${file}\n`;
    for (const [line, count] of [...lines].sort(([a], [b]) => a - b)) out += `DA:${line},${count}\n`;
    const hit = [...lines.values()].filter((c) => c > 0).length;
    out += `LH:${hit}\nLF:${lines.size}\nend_of_record\n`;
  }
  writeFileSync(path, out);
}

function pass(name: string, args: string[]): void {
  console.log(`\n::: coverage pass ${name}: hardhat ${args.join(" ")}`);
  const started = Date.now();
  const run = spawnSync(HARDHAT, ["--build-profile", BUILD_PROFILE, ...args], {
    stdio: "inherit",
    // Its own artifacts and cache (hardhat.config.ts), so the optimised build in artifacts/ stays as it was.
    env: { ...process.env, KIT_COVERAGE_BUILD: "1" },
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (run.status !== 0) {
    console.error(`Coverage pass ${name} failed (exit ${run.status ?? run.signal}) after ${seconds} s.`);
    process.exit(1);
  }
  copyFileSync("coverage/lcov.info", join(PARTS, `${name}.info`));
  console.log(`::: coverage pass ${name} done in ${seconds} s`);
}

// The optimised build first (nothing to do when it is current): a few mocha tests read artifacts/ directly.
if (spawnSync(HARDHAT, ["build", "--quiet"], { stdio: "inherit" }).status !== 0) process.exit(1);
rmSync(PARTS, { recursive: true, force: true });
mkdirSync(PARTS, { recursive: true });

const solidityGroups = groups(testFolders(), PASSES);
solidityGroups.forEach((files, i) =>
  pass(`solidity-${i + 1}`, ["test", "solidity", "--coverage", "--test-profile", TEST_PROFILE, ...files]),
);
// The mocha files that run their work in other processes (a packed install, a node, the CLI) or only read Markdown add
// no coverage and would run against this build's unoptimised artifacts: they are left out of the coverage pass.
const OUT_OF_PROCESS = new Set(["Package.ts", "Walkthrough.ts", "node.ts", "Scripts.ts", "StandaloneDocs.ts"]);
const mochaFiles = readdirSync("test", { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".ts") && !(f.startsWith("integration/") && OUT_OF_PROCESS.has(f.slice(12))))
  .map((f) => join("test", f))
  .sort();
pass("mocha", ["test", "mocha", "--coverage", ...mochaFiles]);

const hits: Hits = new Map();
for (const part of readdirSync(PARTS).sort()) readLcov(join(PARTS, part), hits);
writeLcov("coverage/lcov.info", hits);

let [hitTotal, foundTotal] = [0, 0];
const rows: string[] = [];
for (const [file, lines] of [...hits].sort(([a], [b]) => a.localeCompare(b))) {
  const hit = [...lines.values()].filter((c) => c > 0).length;
  hitTotal += hit;
  foundTotal += lines.size;
  const missed = [...lines].filter(([, c]) => c === 0).map(([l]) => l);
  const pct = lines.size === 0 ? 100 : (100 * hit) / lines.size;
  rows.push(`${file.padEnd(56)} ${pct.toFixed(2).padStart(7)}%  ${missed.length > 0 ? missed.join(", ") : ""}`);
}
console.log(`\n${"File".padEnd(56)}  Line %  Uncovered lines`);
for (const row of rows) console.log(row);
const total = foundTotal === 0 ? 0 : (100 * hitTotal) / foundTotal;
console.log(
  `Coverage of contracts/ (${solidityGroups.length + 1} passes merged): ${total.toFixed(2)}% of lines ` +
    `(${hitTotal} of ${foundTotal}; minimum ${MIN}%).`,
);
if (total < MIN) {
  console.error(`Coverage below ${MIN}%.`);
  process.exit(1);
}
