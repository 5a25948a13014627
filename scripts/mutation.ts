/**
 * Mutation testing of the value-moving contracts: `npm run mutation -- [options]`.
 *
 * Each mutant is one small change to one line of a contract (a rounding direction flipped, a comparison moved by
 * one, a `+` turned into a `-`, a revert or a state update removed, a constant moved by one). For each mutant the
 * script writes the changed file into a scratch copy of the repository (never the working tree), runs the tests of
 * the contract's module there, and restores the file.
 *
 * Only the module's Solidity test files that import the mutated file (directly or through other files) run: first the
 * files named after the contract (`<Contract>.t.sol`, `<Contract>Boundaries.t.sol`; else the one compiling the fewest
 * files) in one `hardhat test` call, then, if no test failed, all the others in one call; the module's mocha tests run after them
 * only if still no test failed. Everything is compiled with the `mutation` build profile (the same compiler with
 * the optimizer off: several times faster to compile, same semantics; the unmutated run proves the tests pass under
 * it) and the `mutation` test profile (the default fuzz runs, shorter invariant campaigns). A mutant is
 *   - killed when a test fails (the first failing tests are recorded),
 *   - survived when every test passes,
 *   - invalid when it does not compile (left out of the rate),
 *   - timeout when one of its test calls runs past the limit (counted as detected, and listed).
 * Mutants listed in scripts/mutation/equivalent.json behave exactly like the original; they are not run and are
 * left out of the rate, with the reason printed.
 * scripts/mutation/survivors.json says why each known survivor survives (shown in the report until a test kills it).
 *
 * Mutant ids are stable: `<Contract>.<operator>.<hash>` where the hash covers the file, the trimmed text of the
 * line (and its occurrence among identical lines), the position of the change in the line and the replacement,
 * so edits elsewhere in the file do not renumber them.
 *
 * Options:
 *   --module a,b        modules to mutate (default: all of MODULES below)
 *   --operator a,b      operators to apply (default: all)
 *   --source a,b        only mutants of these contract files (names like `StakingMath` or paths; default: all)
 *   --id a,b            run only these mutant ids
 *   --sample N          run N mutants picked by the seed (default: all)
 *   --seed S            sampling seed (default "0"); "date" uses today's UTC date, so the sample rotates daily
 *   --min-kill P        exit 1 when the kill rate is below P percent (default 0)
 *   --timeout S         limit per test call in seconds (default: 3 x the same call unmutated, at least 180)
 *   --report FILE       where to write the report (default reports/mutation.md)
 *   --reuse             take killed / invalid / timeout results of identical mutants from the previous run's
 *                       FILE.json instead of running them again (kills only: a new test cannot revive a mutant;
 *                       survivors always run again); used while adding tests, never by CI
 *   --report-only       rewrite the report from FILE.json (every stored result, survivors too), running nothing
 *   --list              print the selected mutants and exit without running anything
 *   --nice N            niceness of the test runs (default 19, so other work keeps the CPU)
 *   --jobs N            mutants run at once, each in its own scratch copy (default 1)
 *   --build-profile P   hardhat build profile of the runs (default "mutation"; "default" for the optimised build)
 *   --test-profile P    hardhat Solidity test profile of the runs (default "mutation")
 *   --keep              keep the scratch copy (its path is printed)
 *
 * Run it with Node 22 (`npx -y -p node@22 -c "npm run mutation -- --module vesting"` on an older node).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "..");
const EQUIVALENT_FILE = "scripts/mutation/equivalent.json";
/** Why each known survivor survives (shown in the report's survivor table until a test kills it). */
const SURVIVOR_FILE = "scripts/mutation/survivors.json";

/** A module: the contracts mutated and the test commands run against each mutant, in order (first kill wins). */
interface Module {
  sources: string[];
  tests: { kind: "solidity" | "mocha"; files: string[] }[];
}

/** Value-moving modules covered so far (the others are added as their tests are brought up to the same bar). */
const MODULES: Record<string, Module> = {
  token: {
    sources: ["contracts/token/ProtocolToken.sol"],
    tests: [
      { kind: "solidity", files: ["test/token/*.t.sol"] },
      { kind: "mocha", files: ["test/token/ProtocolToken.ts"] },
    ],
  },
  vesting: {
    sources: ["contracts/supply/VestingVault.sol"],
    tests: [{ kind: "solidity", files: ["test/supply/*.t.sol"] }],
  },
  emission: {
    sources: [
      "contracts/supply/EmissionSchedule.sol",
      "contracts/libraries/LinearMix.sol",
      "contracts/supply/EmissionController.sol",
      "contracts/supply/EpochRewardPool.sol",
    ],
    tests: [{ kind: "solidity", files: ["test/supply/*.t.sol"] }],
  },
  staking: {
    sources: ["contracts/libraries/StakingMath.sol", "contracts/staking/StakingRewards.sol"],
    tests: [{ kind: "solidity", files: ["test/staking/*.t.sol"] }],
  },
  market: {
    sources: ["contracts/libraries/MarketMath.sol", "contracts/market/FeeRouter.sol"],
    tests: [{ kind: "solidity", files: ["test/market/*.t.sol"] }],
  },
  lending: {
    sources: ["contracts/lending/InterestRateModel.sol", "contracts/lending/DebtIndex.sol"],
    tests: [{ kind: "solidity", files: ["test/lending/*.t.sol"] }],
  },
  distribution: {
    sources: [
      "contracts/libraries/SqrtShares.sol",
      "contracts/libraries/UsageMultiplier.sol",
      "contracts/distribution/SqrtPool.sol",
      "contracts/distribution/AvailabilityPool.sol",
    ],
    tests: [{ kind: "solidity", files: ["test/distribution/*.t.sol"] }],
  },
  governance: {
    sources: ["contracts/governance/ProposalClassifier.sol"],
    tests: [{ kind: "solidity", files: ["test/governance/*.t.sol"] }],
  },
  supply: {
    sources: ["contracts/supply/Genesis.sol"],
    tests: [
      { kind: "solidity", files: ["test/supply/*.t.sol"] },
      { kind: "mocha", files: ["test/supply/Supply.ts"] },
    ],
  },
};

const OPERATORS = ["rounding", "comparison", "arithmetic", "revert", "state", "constant"] as const;
type Operator = (typeof OPERATORS)[number];

interface Mutant {
  id: string;
  module: string;
  file: string;
  line: number; // 1-based
  operator: Operator;
  original: string; // the trimmed original line
  mutated: string; // the trimmed mutated line ("" when the line is removed)
  source: string; // the whole mutated file
}

type Status = "killed" | "survived" | "invalid" | "timeout";

interface Result {
  mutant: Mutant;
  status: Status;
  killers: string[];
  seconds: number;
  reused?: boolean;
}

interface Equivalent {
  id: string;
  reason: string;
}

// ---------------------------------------------------------------- options

function parseArgs(argv: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) throw new Error(`unexpected argument ${a}`);
    const key = a.slice(2);
    if (key === "list" || key === "keep" || key === "reuse" || key === "report-only") out.set(key, "1");
    else {
      const v = argv[++i];
      if (v === undefined) throw new Error(`--${key} needs a value`);
      out.set(key, v);
    }
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
const known = [
  "reuse",
  "report-only",
  "jobs",
  "module",
  "operator",
  "id",
  "sample",
  "seed",
  "min-kill",
  "timeout",
  "report",
  "list",
  "nice",
  "keep",
  "build-profile",
  "test-profile",
  "source",
];
for (const k of args.keys()) if (!known.includes(k)) throw new Error(`unknown option --${k}`);
const list = (k: string): string[] | undefined =>
  args
    .get(k)
    ?.split(",")
    .map((s) => s.trim());
const moduleNames = list("module") ?? Object.keys(MODULES);
for (const m of moduleNames) if (!(m in MODULES)) throw new Error(`unknown module ${m}`);
const operators = (list("operator") ?? [...OPERATORS]) as Operator[];
for (const o of operators) if (!OPERATORS.includes(o)) throw new Error(`unknown operator ${o}`);
const seed = args.get("seed") === "date" ? new Date().toISOString().slice(0, 10) : (args.get("seed") ?? "0");
const minKill = Number(args.get("min-kill") ?? 0);
const reportPath = args.get("report") ?? "reports/mutation.md";
const niceness = args.get("nice") ?? "19";
const buildProfile = args.get("build-profile") ?? "mutation";
const testProfile = args.get("test-profile") ?? "mutation";
const jsonPath = reportPath.replace(/\.md$/, "") + ".json";

// ---------------------------------------------------------------- mutant generation

const hash = (s: string): string => createHash("sha256").update(s).digest("hex");

/** The code part of a line (comments blanked, keeping the length), or "" for lines never mutated. */
function codeOf(line: string, inBlockComment: { open: boolean }): string {
  let out = "";
  let i = 0;
  while (i < line.length) {
    if (inBlockComment.open) {
      const end = line.indexOf("*/", i);
      if (end < 0) return out + " ".repeat(line.length - i);
      out += " ".repeat(end + 2 - i);
      i = end + 2;
      inBlockComment.open = false;
    } else if (line.startsWith("//", i)) {
      return out + " ".repeat(line.length - i);
    } else if (line.startsWith("/*", i)) {
      inBlockComment.open = true;
    } else if (line[i] === '"') {
      const end = line.indexOf('"', i + 1);
      const stop = end < 0 ? line.length : end + 1;
      out += " ".repeat(stop - i);
      i = stop;
    } else {
      out += line[i++];
    }
  }
  return /^\s*(pragma|import|event|error|emit)\b/.test(out) ? "" : out;
}

/** Each match of `re` in `code` (a global regex) as [index, matched text]. */
function matches(code: string, re: RegExp): [number, string][] {
  const out: [number, string][] = [];
  for (const m of code.matchAll(re)) out.push([m.index, m[0]]);
  return out;
}

/** Candidate replacements on one line: [column, length, replacement, operator]. */
function lineMutations(code: string, storageNames: Set<string>): [number, number, string, Operator][] {
  const out: [number, number, string, Operator][] = [];
  if (code.trim() === "") return out;
  // Rounding direction: OpenZeppelin's Math.Rounding and mulDiv helpers named ...Up / ...Down.
  for (const [i, t] of matches(code, /Math\.Rounding\.(Floor|Ceil|Trunc|Expand)\b/g)) {
    const flip: Record<string, string> = { Floor: "Ceil", Ceil: "Floor", Trunc: "Expand", Expand: "Trunc" };
    const dir = t.slice("Math.Rounding.".length);
    out.push([i, t.length, `Math.Rounding.${flip[dir]}`, "rounding"]);
  }
  for (const [i, t] of matches(code, /\b\w*(Up|Down)(?=\s*\()/g)) {
    const r = t.endsWith("Up") ? t.slice(0, -2) + "Down" : t.slice(0, -4) + "Up";
    out.push([i, t.length, r, "rounding"]);
  }
  // Comparison boundary: < <-> <=, > <-> >= (not shifts, not =>).
  const isDecl = /^\s*(mapping|function|constructor|modifier)\b/.test(code) || /\bmapping\s*\(/.test(code);
  if (!isDecl) {
    for (const [i, t] of matches(code, /(?<![<>=!])(<=|>=|<|>)(?![<>=])/g)) {
      const swap: Record<string, string> = { "<": "<=", "<=": "<", ">": ">=", ">=": ">" };
      out.push([i, t.length, swap[t], "comparison"]);
    }
  }
  // Arithmetic: binary + <-> -, += <-> -= (not ++ / --, not a unary minus).
  for (const [i, t] of matches(code, /(?<![+\-*/=<>!&|^%])(\+=|-=|\+|-)(?![+\-=])/g)) {
    if (t === "+" || t === "-") {
      const before = code.slice(0, i).trimEnd();
      if (!/[\w)\]]$/.test(before) || /\breturn$/.test(before)) continue;
    }
    const swap: Record<string, string> = { "+": "-", "-": "+", "+=": "-=", "-=": "+=" };
    out.push([i, t.length, swap[t], "arithmetic"]);
  }
  // Constant +-1: decimal literals outside type names, with optional underscores and a time unit.
  for (const [i, t] of matches(code, /(?<![\w.])\d[\d_]*(?![\w.])/g)) {
    const v = BigInt(t.replaceAll("_", ""));
    out.push([i, t.length, (v + 1n).toString(), "constant"]);
    if (v > 0n) out.push([i, t.length, (v - 1n).toString(), "constant"]);
  }
  // Removed revert / require: the revert statement (the `if` stays, with an empty body).
  const rev = code.match(/\b(revert\s+\w+\s*\(.*\)|revert\s*\(.*\)|require\s*\(.*\))\s*;/);
  if (rev?.index !== undefined) out.push([rev.index, rev[0].length, "{}", "revert"]);
  // Removed state update: an assignment, `delete` or `push` whose target is a state variable or storage pointer.
  const st = code.match(
    /^(\s*)((?:delete\s+)?([A-Za-z_]\w*)(?:\[[^\]]*\]|\.\w+)*\s*(?:(?:[+\-*/]?=(?!=)|\.push\s*\().*)?;)\s*$/,
  );
  if (st !== null && storageNames.has(st[3]) && !/^\s*(uint|int|bool|address|bytes|string)\w*\s/.test(code)) {
    out.push([st[1].length, st[2].length, "", "state"]);
  }
  return out;
}

/** State variables and local storage pointers declared in a file (by the `_name` / `storage` conventions). */
function storageNamesOf(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(
    /^\s{4}(?:mapping\s*\(.*\)|[\w.]+(?:\[\])?)\s+(?:private|internal|public)\s+(_?\w+)\s*;/gm,
  )) {
    names.add(m[1]);
  }
  for (const m of text.matchAll(/\bstorage\s+(\w+)\s*=/g)) names.add(m[1]);
  return names;
}

function mutantsOf(module: string, file: string): Mutant[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const lines = text.split("\n");
  const contract = file
    .split("/")
    .pop()!
    .replace(/\.sol$/, "");
  const storageNames = storageNamesOf(text);
  const seen = new Map<string, number>();
  const block = { open: false };
  const out: Mutant[] = [];
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const code = codeOf(line, block);
    const trimmed = line.trim();
    const occurrence = seen.get(trimmed) ?? 0;
    seen.set(trimmed, occurrence + 1);
    for (const [col, len, rep, op] of lineMutations(code, storageNames)) {
      if (!operators.includes(op)) continue;
      const mutatedLine = line.slice(0, col) + rep + line.slice(col + len);
      const id = `${contract}.${op}.${hash(`${file}\n${trimmed}\n${occurrence}\n${col}\n${rep}`).slice(0, 6)}`;
      const copy = [...lines];
      copy[n] = mutatedLine;
      out.push({
        id,
        module,
        file,
        line: n + 1,
        operator: op,
        original: trimmed,
        mutated: mutatedLine.trim(),
        source: copy.join("\n"),
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- scratch copy and test runs

// Build outputs stay behind: the `mutation` profile builds its own, and every `hardhat test` call reads all the
// artifacts present, so a scratch copy holding only what its mutants' tests compile starts each call faster.
const SKIP = new Set([".git", "node_modules", "coverage", "reports", "artifacts", "cache", "typechain-types"]);

/** A copy of the repository's sources with a link to the same node_modules. */
function makeScratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "mutation-"));
  cpSync(ROOT, dir, { recursive: true, filter: (src) => !SKIP.has(relative(ROOT, src).split("/")[0]) });
  mkdirSync(join(dir, "reports"));
  symlinkSync(realpathSync(join(ROOT, "node_modules")), join(dir, "node_modules"));
  return dir;
}

interface Run {
  code: number | null;
  output: string;
  timedOut: boolean;
  seconds: number;
}

/** Process groups of the test runs under way, killed if this script is interrupted. */
const running = new Set<number>();

function runTests(dir: string, kind: string, files: string[], timeoutS: number): Promise<Run> {
  const start = Date.now();
  return new Promise((done) => {
    const profile = kind === "solidity" ? ` --test-profile ${testProfile}` : "";
    const cmd =
      `exec nice -n ${niceness} node_modules/.bin/hardhat --build-profile ${buildProfile} test ${kind}` +
      `${profile} ${files.join(" ")}`;
    const child = spawn("bash", ["-c", cmd], {
      cwd: dir,
      detached: true,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", HARDHAT_DISABLE_TELEMETRY: "true" },
    });
    running.add(child.pid!);
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, timeoutS * 1000);
    child.on("close", (code) => {
      running.delete(child.pid!);
      clearTimeout(timer);
      done({ code, output, timedOut, seconds: (Date.now() - start) / 1000 });
    });
  });
}

/** The failing tests named after hardhat's "N failing" line. */
function failingTests(output: string): string[] {
  // eslint-disable-next-line no-control-regex
  const text = output.replace(/\x1b\[[0-9;]*m/g, "");
  const at = text.search(/^\s*\d+ failing/m);
  if (at < 0) return [];
  const names: string[] = [];
  // A Solidity failure is "  1) Contract#test()"; a mocha one is "  1) describe\n       it:".
  for (const m of text.slice(at).matchAll(/^ {2}\d+\) (.+)$(?:\n {5,}(\S.*):$)?/gm)) {
    names.push(m[2] === undefined ? m[1].trim() : `${m[1].trim()} > ${m[2].trim()}`);
  }
  return names;
}

/** Every file `file` imports, directly or through other files (repository-relative paths; packages left out). */
const closures = new Map<string, Set<string>>();
function importClosure(file: string): Set<string> {
  const known = closures.get(file);
  if (known !== undefined) return known;
  const out = new Set<string>([file]);
  closures.set(file, out);
  for (const m of readFileSync(join(ROOT, file), "utf8").matchAll(/^\s*import\s+[^;]*?["']([^"']+)["']\s*;/gm)) {
    const spec = m[1];
    if (!spec.startsWith(".")) continue;
    const dep = relative(ROOT, resolve(dirname(join(ROOT, file)), spec));
    if (!existsSync(join(ROOT, dep))) continue;
    for (const f of importClosure(dep)) out.add(f);
  }
  return out;
}

/** The files a glob of the form `dir/*.ext` (or a plain path) names. */
function expand(glob: string): string[] {
  const star = glob.indexOf("*");
  if (star < 0) return [glob];
  const dir = dirname(glob);
  const suffix = glob.slice(star + 1);
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => join(dir, f));
}

/** A test file and every test helper it imports, all passed as build roots: Hardhat writes artifacts only for
 * roots, and the invariant runner finds its target contracts (handlers, all under test/) by their artifacts, so a
 * handler compiled only as a dependency would leave the campaign with "No contracts to fuzz". */
function withDependencies(testFile: string): string[] {
  const helpers = [...importClosure(testFile)].filter((f) => f.startsWith("test/") && !f.endsWith(".t.sol"));
  return [testFile, ...helpers.sort()];
}

/** The test runs for a mutant: each Solidity test file of its module that imports the file, cheapest first, then
 * the module's mocha tests. */
const testRuns = new Map<string, { kind: "solidity" | "mocha"; files: string[] }[]>();
function testRunsOf(m: Mutant): { kind: "solidity" | "mocha"; files: string[] }[] {
  const known = testRuns.get(m.id);
  if (known !== undefined) return known;
  const contract = basename(m.file, ".sol");
  const cost = (f: string) =>
    (basename(f).startsWith(contract + ".") || basename(f).startsWith(contract + "Boundaries") ? 0 : 1e6) +
    (f.includes(".invariant.") ? 1e5 : 0) +
    importClosure(f).size;
  const tests = MODULES[m.module].tests;
  const solidity = tests
    .filter((t) => t.kind === "solidity")
    .flatMap((t) => t.files.flatMap(expand))
    .filter((f) => importClosure(f).has(m.file))
    .sort((a, b) => cost(a) - cost(b));
  // The files named after the contract (its unit and boundary tests), or else the cheapest file, in one call (they
  // kill most mutants in seconds); then all the others in one call (one compilation).
  const named = solidity.filter((f) => cost(f) < 1e5);
  const first = named.length > 0 ? named : solidity.slice(0, 1);
  const runs: { kind: "solidity" | "mocha"; files: string[] }[] = [];
  if (first.length > 0) runs.push({ kind: "solidity", files: [...new Set(first.flatMap(withDependencies))].sort() });
  const others = solidity.filter((f) => !first.includes(f));
  if (others.length > 0) runs.push({ kind: "solidity", files: [...new Set(others.flatMap(withDependencies))].sort() });
  const out = [...runs, ...tests.filter((t) => t.kind === "mocha")];
  testRuns.set(m.id, out);
  return out;
}

/** Time (s) of each test call already run unmutated and passing, per scratch copy. */
const verified = new Map<string, number>();
/** Seconds of unmutated runs per module (all scratch copies), for the report. */
const baseline: Record<string, number> = {};

/** Runs a test call on the unmutated sources the first time a scratch copy needs it: it must pass, or every kill it
 * reported would be false. The run also compiles anything stale, so a mutant's call only recompiles what changed. */
async function verifyUnmutated(dir: string, m: Mutant, t: { kind: string; files: string[] }): Promise<number> {
  const key = `${dir}\n${t.kind}\n${t.files.join(" ")}`;
  const known = verified.get(key);
  if (known !== undefined) return known;
  const r = await runTests(dir, t.kind, t.files, 3600);
  if (r.code !== 0) {
    console.error(r.output.slice(-4000));
    throw new Error(`the unmutated ${m.module} tests fail (${t.kind} ${t.files.join(" ")}): fix them first`);
  }
  console.log(
    `unmutated ${t.kind} ${t.files[0]}${t.files.length > 1 ? ` (+${t.files.length - 1})` : ""} pass (${r.seconds.toFixed(0)} s)`,
  );
  verified.set(key, r.seconds);
  baseline[m.module] = (baseline[m.module] ?? 0) + r.seconds;
  return r.seconds;
}

async function runMutant(dir: string, m: Mutant): Promise<Result> {
  const path = join(dir, m.file);
  const original = readFileSync(path, "utf8");
  let seconds = 0;
  try {
    for (const t of testRunsOf(m)) {
      writeFileSync(path, original);
      const base = await verifyUnmutated(dir, m, t);
      writeFileSync(path, m.source);
      // The limit is per call, 3 x its unmutated run (at least 180 s): past it the call hangs, it is not just slow.
      const timeoutS = Number(args.get("timeout") ?? Math.max(180, Math.ceil(3 * base)));
      const r = await runTests(dir, t.kind, t.files, timeoutS);
      seconds += r.seconds;
      if (r.timedOut) return { mutant: m, status: "timeout", killers: [], seconds };
      const failing = failingTests(r.output);
      if (failing.length > 0) return { mutant: m, status: "killed", killers: failing, seconds };
      if (r.code !== 0) {
        const compileError =
          /Compilation failed|HHE9\d\d|\bError\b.*\.sol:\d+/.test(r.output) && !/passing/.test(r.output);
        if (compileError) return { mutant: m, status: "invalid", killers: [], seconds };
        return { mutant: m, status: "killed", killers: [`${t.kind} run failed without a test name`], seconds };
      }
    }
    return { mutant: m, status: "survived", killers: [], seconds };
  } finally {
    writeFileSync(path, original);
  }
}

// ---------------------------------------------------------------- report

function rateOf(results: Result[]): { detected: number; counted: number; rate: number } {
  const counted = results.filter((r) => r.status !== "invalid").length;
  const detected = results.filter((r) => r.status === "killed" || r.status === "timeout").length;
  return { detected, counted, rate: counted === 0 ? 100 : (100 * detected) / counted };
}

function writeReport(results: Result[], excluded: [Mutant, string][], total: number, baseline: Record<string, number>) {
  results = [...results].sort((a, b) => all.indexOf(a.mutant) - all.indexOf(b.mutant));
  const { detected, counted, rate } = rateOf(results);
  const count = (s: Status) => results.filter((r) => r.status === s).length;
  const esc = (s: string) => "`" + s.replaceAll("`", "'").replaceAll("|", "\\|") + "`";
  const secs = results.map((r) => r.seconds).sort((a, b) => a - b);
  const median = secs.length === 0 ? 0 : secs[Math.floor(secs.length / 2)];
  const sample = args.has("sample") ? `a sample of ${args.get("sample")} (seed \`${seed}\`)` : "every mutant";
  const lines = [
    "# Mutation testing",
    "",
    `Generated by \`npm run mutation\` (scripts/mutation.ts) on ${new Date().toISOString().slice(0, 16)} UTC.`,
    `Modules: ${moduleNames.join(", ")}; operators: ${operators.join(", ")}; ${sample} of the ${total} generated` +
      ` (${selectedCount} selected, ${excluded.length} of them equivalent); results for ${results.length} of the` +
      ` ${selectedCount - excluded.length} to run.`,
    "",
    `**Kill rate: ${rate.toFixed(1)}%** (${detected} of ${counted} non-equivalent, compiling mutants detected).`,
    "",
    "| killed | survived | timeout | invalid (do not compile) | equivalent (not run) |",
    "| ------ | -------- | ------- | ------------------------ | -------------------- |",
    `| ${count("killed")} | ${count("survived")} | ${count("timeout")} | ${count("invalid")} | ${excluded.length} |`,
    "",
    (Object.keys(baseline).length === 0
      ? ""
      : `Unmutated test calls (s, every scratch copy): ${Object.entries(baseline)
          .map(([m, s]) => `${m} ${s.toFixed(0)}`)
          .join(", ")}. `) +
      `Per mutant: median ${median.toFixed(0)} s, max ${(secs.at(-1) ?? 0).toFixed(0)} s ` +
      `(compile of the changed file and its dependants with the \`${buildProfile}\` build profile, then the module's ` +
      `test files that import it, cheapest first until one fails, at niceness ${niceness}).`,
    "",
  ];
  const survivors = results.filter((r) => r.status === "survived");
  if (survivors.length > 0) {
    const notes: Equivalent[] = existsSync(join(ROOT, SURVIVOR_FILE))
      ? JSON.parse(readFileSync(join(ROOT, SURVIVOR_FILE), "utf8"))
      : [];
    const why = new Map(notes.map((n) => [n.id, n.reason]));
    lines.push(
      "## Survivors",
      "",
      "| id | line | original | mutant | why |",
      "| -- | ---- | -------- | ------ | --- |",
    );
    for (const r of survivors) {
      const m = r.mutant;
      lines.push(
        `| ${m.id} | ${m.file}:${m.line} | ${esc(m.original)} | ${esc(m.mutated || "(removed)")} | ${why.get(m.id) ?? "not yet explained"} |`,
      );
    }
    lines.push("");
  }
  if (excluded.length > 0) {
    lines.push(
      "## Equivalent mutants (not counted)",
      "",
      "| id | mutant | why it is equivalent |",
      "| -- | ------ | -------------------- |",
    );
    for (const [m, why] of excluded)
      lines.push(`| ${m.id} | ${esc(m.mutated || "(removed) " + m.original)} | ${why} |`);
    lines.push("");
  }
  lines.push(
    "## Every mutant run",
    "",
    "| id | status | s | line | mutant | first killing test |",
    "| -- | ------ | - | ---- | ------ | ------------------ |",
  );
  for (const r of results) {
    const m = r.mutant;
    const killer =
      r.killers[0] === undefined ? "" : r.killers[0] + (r.killers.length > 1 ? ` (+${r.killers.length - 1})` : "");
    lines.push(
      `| ${m.id} | ${r.status} | ${r.seconds.toFixed(0)}${r.reused === true ? " (earlier run)" : ""} | ${m.file}:${m.line} | ${esc(m.mutated || "(removed) " + m.original)} | ${killer.replaceAll("|", "\\|")} |`,
    );
  }
  lines.push("");
  mkdirSync(dirname(join(ROOT, reportPath)), { recursive: true });
  writeFileSync(join(ROOT, reportPath), lines.join("\n"));
  const stored = results.map((r) => ({
    id: r.mutant.id,
    fingerprint: hash(r.mutant.source),
    status: r.status,
    killers: r.killers,
    seconds: Math.round(r.seconds),
  }));
  writeFileSync(join(ROOT, jsonPath), JSON.stringify(stored, null, 1) + "\n");
}

// ---------------------------------------------------------------- main

const all = moduleNames.flatMap((mod) => MODULES[mod].sources.flatMap((f) => mutantsOf(mod, f)));
const ids = new Set(all.map((m) => m.id));
if (ids.size !== all.length) throw new Error("two mutants share an id");
const equivalent: Equivalent[] = JSON.parse(readFileSync(join(ROOT, EQUIVALENT_FILE), "utf8"));
const reasons = new Map(equivalent.map((e) => [e.id, e.reason]));

let selected = all;
const sources = list("source");
if (sources !== undefined) {
  for (const s of sources)
    if (!all.some((m) => m.file === s || basename(m.file, ".sol") === s)) throw new Error(`no mutants of ${s}`);
  selected = selected.filter((m) => sources.some((s) => m.file === s || basename(m.file, ".sol") === s));
}
const only = list("id");
if (only !== undefined) {
  for (const id of only) if (!ids.has(id)) throw new Error(`no mutant ${id}`);
  selected = selected.filter((m) => only.includes(m.id));
}
if (args.has("sample")) {
  const n = Number(args.get("sample"));
  selected = [...selected]
    .sort((a, b) => hash(`${seed}:${a.id}`).localeCompare(hash(`${seed}:${b.id}`)))
    .slice(0, n)
    .sort((a, b) => all.indexOf(a) - all.indexOf(b));
}
const selectedCount = selected.length;
const excluded: [Mutant, string][] = selected.filter((m) => reasons.has(m.id)).map((m) => [m, reasons.get(m.id)!]);
const toRun = selected.filter((m) => !reasons.has(m.id));

console.log(`${all.length} mutants generated; ${selected.length} selected, ${excluded.length} of them equivalent.`);
for (const [m, why] of excluded) console.log(`  equivalent ${m.id} (${m.file}:${m.line}): ${why}`);
if (args.has("list")) {
  for (const m of selected) console.log(`${m.id}\t${m.file}:${m.line}\t${m.mutated || "(removed) " + m.original}`);
  process.exit(0);
}

const reused: Result[] = [];
if ((args.has("reuse") || args.has("report-only")) && existsSync(join(ROOT, jsonPath))) {
  const previous: { id: string; fingerprint: string; status: Status; killers: string[]; seconds: number }[] =
    JSON.parse(readFileSync(join(ROOT, jsonPath), "utf8"));
  const byId = new Map(previous.map((p) => [p.id, p]));
  for (const m of toRun) {
    const p = byId.get(m.id);
    if (p === undefined || p.fingerprint !== hash(m.source)) continue;
    if (p.status === "survived" && !args.has("report-only")) continue;
    reused.push({
      mutant: m,
      status: p.status,
      killers: p.killers,
      seconds: p.seconds,
      reused: !args.has("report-only"),
    });
  }
  console.log(`${reused.length} earlier results reused (killed, invalid or timeout, same mutated source).`);
}
const fresh = toRun.filter((m) => !reused.some((r) => r.mutant === m));
if (args.has("report-only")) {
  writeReport(reused, excluded, all.length, {});
  const { detected, counted, rate } = rateOf(reused);
  console.log(`Kill rate ${rate.toFixed(1)}% (${detected} of ${counted}); report in ${reportPath}.`);
  process.exit(rate < minKill ? 1 : 0);
}
const jobs = Math.max(1, Number(args.get("jobs") ?? 1));
// The test files are listed before the scratch copies are made, so a file added meanwhile cannot go missing.
for (const m of fresh) testRunsOf(m);
const dirs = Array.from({ length: jobs }, () => makeScratch());
console.log(`scratch ${dirs.length === 1 ? "copy" : "copies"}: ${dirs.join(", ")}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const pid of running) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    if (!args.has("keep")) for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    console.error(`interrupted; results so far in ${reportPath}`);
    process.exit(130);
  });
}
const results: Result[] = [...reused];
let failed = false;
try {
  // Each test call first runs unmutated in each scratch copy, when a mutant first needs it (verifyUnmutated).
  const modules = moduleNames.filter((x) => fresh.some((m) => m.module === x));
  // Modules take turns in the queue, each in operator order (rounding and comparisons first), so a run stopped
  // early still covers each module's money-deciding lines.
  const rank = (m: Mutant) => OPERATORS.indexOf(m.operator);
  const queues = modules.map((mod) => fresh.filter((m) => m.module === mod).sort((a, b) => rank(a) - rank(b)));
  const queue: Mutant[] = [];
  for (let i = 0; queues.some((q) => i < q.length); i++) for (const q of queues) if (i < q.length) queue.push(q[i]);
  let next = 0;
  await Promise.all(
    dirs.map(async (dir) => {
      while (next < queue.length) {
        const k = next++;
        const m = queue[k];
        const r = await runMutant(dir, m);
        results.push(r);
        const killer = r.killers[0] === undefined ? "" : ` by ${r.killers[0]}`;
        console.log(
          `[${k + 1}/${queue.length}] ${m.id} ${m.file}:${m.line} ${r.status}${killer} (${r.seconds.toFixed(0)} s)`,
        );
        writeReport(results, excluded, all.length, baseline);
      }
    }),
  );
} finally {
  results.sort((a, b) => all.indexOf(a.mutant) - all.indexOf(b.mutant));
  if (args.has("keep")) console.log(`kept ${dirs.join(", ")}`);
  else for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
writeReport(results, excluded, all.length, baseline);
const { detected, counted, rate } = rateOf(results);
console.log(`Kill rate ${rate.toFixed(1)}% (${detected} of ${counted}); report in ${reportPath}.`);
for (const r of results.filter((x) => x.status === "survived")) {
  console.log(
    `  survived ${r.mutant.id} ${r.mutant.file}:${r.mutant.line}: ${r.mutant.mutated || "(removed) " + r.mutant.original}`,
  );
}
if (rate < minKill) {
  console.error(`Kill rate ${rate.toFixed(1)}% is below the minimum ${minKill}%.`);
  failed = true;
}
process.exit(failed ? 1 : 0);
