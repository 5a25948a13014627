import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";

import type { PresetEntry } from "../../scripts/lib/address-book.js";
import { UserError } from "../../scripts/lib/cli.js";
import {
  journalSentTransactions,
  keepSavedInputs,
  parseNetworkInputs,
  type ReadOptions,
} from "../../scripts/lib/deploy-inputs.js";
import { followJournal, moduleFutures, ModuleProgress } from "../../scripts/lib/deploy-progress.js";
import { presetModule, PRESETS } from "../../scripts/lib/presets.js";

const EXAMPLE = "deploy/networks/sepolia.example.json";
const NOW = 1_800_000_000n; // 2027-01-15
const OPTIONS: ReadOptions = { latest: NOW, standIns: false };

/** The example inputs of one preset with every placeholder replaced by a distinct address. */
async function filledInputs(system: string, start = String(NOW + 86_400n)): Promise<Record<string, unknown>> {
  const all = JSON.parse(await readFile(EXAMPLE, "utf8")) as Record<string, Record<string, unknown>>;
  const entry = structuredClone(all[system]);
  let n = 0x1000;
  const address = () => `0x${(n++).toString(16).padStart(40, "0")}`;
  entry.start = start;
  entry.accounts = Object.fromEntries(Object.keys(entry.accounts as object).map((k) => [k, address()]));
  entry.guardianOwners = (entry.guardianOwners as string[]).map(() => address());
  if (entry.lending !== undefined) {
    entry.lending = Object.fromEntries(Object.keys(entry.lending as object).map((k) => [k, address()]));
  }
  return entry;
}

/** The message of the UserError `f` throws. */
function userError(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error("expected a UserError");
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `hardhat run --no-compile <script>` on the in-process network with extra environment variables. */
function hardhatRun(script: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["node_modules/.bin/hardhat", "run", "--no-compile", script],
      { env: { ...process.env, HARDHAT_DISABLE_TELEMETRY: "true", ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr }),
    );
  });
}

/** A user mistake: exit code 1 and exactly one line on stderr, no stack trace. */
function expectOneLine(r: Run, line: string) {
  expect([r.code, r.stderr.trim()], r.stderr).to.deep.equal([1, line]);
  expect(r.stdout + r.stderr).to.not.match(/\n\s+at |unexpected error|report it/i);
}

describe("Scripts: deploy inputs and user mistakes (scripts/deploy.ts, scripts/lib/deploy-inputs.ts)", function () {
  this.timeout(600_000);

  describe("deploy inputs, validated before anything is written", function () {
    it("a REPLACE placeholder is named by its field", async function () {
      const text = await readFile(EXAMPLE, "utf8");
      expect(userError(() => parseNetworkInputs("inputs.json", text, ["qutoken"], OPTIONS))).to.equal(
        'inputs.json: qutoken.accounts.team is still a placeholder ("REPLACE: team vesting beneficiary")',
      );
    });

    it("names the field of a malformed TGE, a wrong guardian count, a bad address, a missing lending entry", async function () {
      const q = await filledInputs("qutoken");
      const text = (entry: Record<string, unknown>, system = "qutoken") => JSON.stringify({ [system]: entry });
      expect(
        userError(() => parseNetworkInputs("f", text({ ...q, start: 1767225600 }), ["qutoken"], OPTIONS)),
      ).to.equal('f: qutoken.start must be a unix time in seconds, as a string (e.g. "1767225600")');
      const owners = (q.guardianOwners as string[]).slice(0, 4);
      expect(
        userError(() => parseNetworkInputs("f", text({ ...q, guardianOwners: owners }), ["qutoken"], OPTIONS)),
      ).to.equal("f: qutoken.guardianOwners has 4 owners, the preset's guardian needs 5");
      const accounts = { ...(q.accounts as object), team: "0x1234" };
      expect(userError(() => parseNetworkInputs("f", text({ ...q, accounts }), ["qutoken"], OPTIONS))).to.equal(
        'f: qutoken.accounts.team ("0x1234") is not a well-formed address',
      );
      const qerun = await filledInputs("qerun");
      delete qerun.lending;
      expect(userError(() => parseNetworkInputs("f", text(qerun, "qerun"), ["qerun"], OPTIONS))).to.equal(
        "f: qerun.lending is missing: name the chain's stablecoin, feeds and router, or deploy with LENDING_STAND_INS=1",
      );
      expect(
        parseNetworkInputs("f", text(qerun, "qerun"), ["qerun"], { ...OPTIONS, standIns: true }).inputs.qerun!.lending,
        "the stand-ins fill it in later",
      ).to.equal(undefined);
      expect(userError(() => parseNetworkInputs("f", "{ nope", ["qutoken"], OPTIONS))).to.match(
        /^f is not valid JSON: /,
      );
      expect(userError(() => parseNetworkInputs("f", text(q), ["quiver"], OPTIONS))).to.equal(
        'f has no "quiver" entry: add it, or leave the preset out with PRESETS=...',
      );
    });

    it("warns about a TGE in the past, and accepts a future one silently", async function () {
      const past = await filledInputs("quiver", "1767225600");
      const read = parseNetworkInputs("f", JSON.stringify({ quiver: past }), ["quiver"], OPTIONS);
      expect(read.warnings).to.deep.equal([
        "Warning: quiver.start (2026-01-01T00:00:00Z) is before the latest block (2027-01-15T08:00:00Z): vesting " +
          "and emission count from the TGE, so what accrued since then is releasable at once",
      ]);
      expect(read.inputs.quiver!.metricsStart, "metrics start at the past TGE").to.equal(1_767_225_600n);
      const future = parseNetworkInputs(
        "f",
        JSON.stringify({ quiver: await filledInputs("quiver") }),
        ["quiver"],
        OPTIONS,
      );
      expect(future.warnings).to.deep.equal([]);
      expect(future.inputs.quiver!.metricsStart, "metrics start now").to.equal(NOW);
    });

    it("a rerun keeps saved inputs only once a transaction may have been sent for them", async function () {
      const entry = (complete: boolean) => ({ complete }) as PresetEntry;
      expect(keepSavedInputs(undefined, false), "nothing saved").to.equal(false);
      expect(keepSavedInputs(entry(false), false), "interrupted before sending: read the file again").to.equal(false);
      expect(keepSavedInputs(entry(false), true), "interrupted after sending: keep").to.equal(true);
      expect(keepSavedInputs(entry(true), false), "complete: keep").to.equal(true);

      const dir = await mkdtemp(path.join(tmpdir(), "journal-"));
      try {
        expect(await journalSentTransactions(path.join(dir, "none")), "no journal").to.equal(false);
        await writeFile(path.join(dir, "journal.jsonl"), '{"type":"DEPLOYMENT_INITIALIZE"}\n');
        expect(await journalSentTransactions(dir), "started, nothing sent").to.equal(false);
        await writeFile(
          path.join(dir, "journal.jsonl"),
          '{"type":"DEPLOYMENT_INITIALIZE"}\n{"type":"TRANSACTION_PREPARE_SEND","futureId":"x"}\n',
        );
        expect(await journalSentTransactions(dir), "a transaction prepared").to.equal(true);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });

  describe("the scripts, run as a user runs them", function () {
    let dir = "";
    before(async function () {
      dir = await mkdtemp(path.join(tmpdir(), "scripts-"));
      await mkdir(path.join(dir, "book"));
    });
    after(async function () {
      if (dir !== "") await rm(dir, { recursive: true, force: true });
    });

    it("PRESETS=foo, SUPPLY_PRESET=foo and SUPPLY_AT_YEARS=abc print one line and exit 1", async function () {
      const [deploy, preset, years] = await Promise.all([
        hardhatRun("scripts/deploy.ts", { PRESETS: "foo", DEPLOYMENTS_DIR: path.join(dir, "book") }),
        hardhatRun("scripts/supply-report.ts", { SUPPLY_PRESET: "foo" }),
        hardhatRun("scripts/supply-report.ts", { SUPPLY_AT_YEARS: "abc" }),
      ]);
      expectOneLine(deploy, 'Error: PRESETS: "foo" is not one of quiver, qerun, qry, qutoken');
      expectOneLine(preset, 'Error: SUPPLY_PRESET must be one of quiver, qerun, qry, qutoken, got "foo"');
      expectOneLine(years, 'Error: SUPPLY_AT_YEARS must be a number from 0 to 15, got "abc"');
    });

    it("deploy with a placeholder writes nothing; fixed, a dry run counts the cost; then it deploys", async function () {
      const book = path.join(dir, "book");
      const inputs = path.join(dir, "inputs.json");
      const env = { DEPLOYMENTS_DIR: book, DEPLOY_INPUTS: inputs, PRESETS: "qutoken", DEPLOYMENT_ID_PREFIX: "t-" };
      await writeFile(inputs, await readFile(EXAMPLE, "utf8"));
      const bad = await hardhatRun("scripts/deploy.ts", env);
      expectOneLine(
        bad,
        `Error: ${inputs}: qutoken.accounts.team is still a placeholder ("REPLACE: team vesting beneficiary")`,
      );
      expect(existsSync(path.join(book, "default.json")), "no address book written").to.equal(false);

      await writeFile(inputs, JSON.stringify({ qutoken: await filledInputs("qutoken", "1767225600") }));
      const dry = await hardhatRun("scripts/deploy.ts", { ...env, DEPLOY_DRY_RUN: "1" });
      expect(dry.code, dry.stderr).to.equal(0);
      expect(dry.stderr, "a past TGE is a warning").to.match(/^Warning: qutoken\.start \(2026-01-01T00:00:00Z\)/);
      expect(dry.stdout).to.match(/Dry run: \d+ transactions, [\d,]+ gas .*; nothing sent, nothing written/);
      expect(existsSync(path.join(book, "default.json")), "a dry run writes nothing").to.equal(false);

      const good = await hardhatRun("scripts/deploy.ts", env);
      expect(good.code, good.stderr).to.equal(0);
      const written = JSON.parse(await readFile(path.join(book, "default.json"), "utf8"));
      expect(written.presets.qutoken.complete, "complete").to.equal(true);
      expect(written.presets.qutoken.inputs.start, "the fixed inputs").to.equal("1767225600");
    });
  });

  describe("deploy progress: one line per Ignition module, read from the journal", function () {
    it("each preset prints every module once, when its last step completes, and nothing before", async function () {
      for (const preset of Object.values(PRESETS)) {
        const modules = moduleFutures(presetModule(preset));
        // Every preset composes the shared pieces (Token, Parameters, Governance, Supply) and its wiring.
        expect(modules.size, `${preset.system}: modules`).to.be.greaterThanOrEqual(6);
        for (const id of ["Token", "Parameters", "Governance"]) {
          expect([...modules.keys()], `${preset.system}: ${id}`).to.include(id);
        }
        const lines: string[] = [];
        const progress = new ModuleProgress(modules, (line) => lines.push(line));
        // A journal as Ignition writes it: each future's INITIALIZE, a transaction, then its COMPLETE.
        const journal: string[] = [JSON.stringify({ chainId: 31337, type: "DEPLOYMENT_INITIALIZE" })];
        for (const futures of modules.values()) {
          for (const futureId of futures) {
            journal.push(JSON.stringify({ futureId, type: "CALL_EXECUTION_STATE_INITIALIZE" }));
            journal.push(JSON.stringify({ futureId, type: "TRANSACTION_SEND" }));
          }
        }
        progress.feed(journal);
        expect(lines, `${preset.system}: nothing done yet`).to.deep.equal([]);
        const [first, ...rest] = [...modules.entries()];
        const [firstLast, ...firstOthers] = [...first[1]].reverse();
        progress.feed(
          firstOthers.map((futureId) => JSON.stringify({ futureId, type: "CALL_EXECUTION_STATE_COMPLETE" })),
        );
        expect(lines, `${preset.system}: ${first[0]} not finished before its last step`).to.deep.equal([]);
        progress.feed([JSON.stringify({ futureId: firstLast, type: "DEPLOYMENT_EXECUTION_STATE_COMPLETE" })]);
        expect(lines.length, `${preset.system}: ${first[0]} done`).to.equal(1);
        expect(lines[0]).to.match(new RegExp(`^  ${first[0]}: ${first[1].size} steps? done \\(\\+\\d+\\.\\d s\\)$`));
        for (const [, futures] of rest) {
          progress.feed(
            [...futures].map((futureId) => JSON.stringify({ futureId, type: "STATIC_CALL_EXECUTION_STATE_COMPLETE" })),
          );
        }
        expect(lines.length, `${preset.system}: one line per module`).to.equal(modules.size);
        expect(progress.pending, `${preset.system}: every module done`).to.deep.equal([]);
        const named = lines.map((l) => l.trim().split(":")[0]).sort();
        expect(named, `${preset.system}: each module named once`).to.deep.equal([...modules.keys()].sort());
      }
    });

    it("follows a growing journal file; the last entry is read once the next starts or on stop", async function () {
      const tmp = await mkdtemp(path.join(tmpdir(), "progress-"));
      const file = path.join(tmp, "journal.jsonl");
      const modules = new Map([
        ["A", new Set(["A#x", "A#y"])],
        ["B", new Set(["B#z"])],
      ]);
      const lines: string[] = [];
      const watch = followJournal(file, new ModuleProgress(modules, (l) => lines.push(l)), 20);
      // As Ignition writes it: a newline before each entry, none after the last (which may still be torn).
      const done = (futureId: string) => "\n" + JSON.stringify({ futureId, type: "CALL_EXECUTION_STATE_COMPLETE" });
      const wait = () => new Promise((r) => setTimeout(r, 200));
      await writeFile(file, done("A#x") + done("A#y"));
      await wait();
      expect(lines, "the last entry waits for the next one").to.deep.equal([]);
      await writeFile(file, done("A#x") + done("A#y") + done("B#z").slice(0, 20));
      await wait();
      expect(lines.map((l) => l.split(" (")[0])).to.deep.equal(["  A: 2 steps done"]);
      await writeFile(file, done("A#x") + done("A#y") + done("B#z"));
      await watch.stop();
      expect(lines.map((l) => l.split(" (")[0])).to.deep.equal(["  A: 2 steps done", "  B: 1 step done"]);
      await rm(tmp, { recursive: true, force: true });
    });
  });

  describe("the test commands", function () {
    it("the README's npm test figures are a measurement: dated, wall time, counts that add up and match the suite", async function () {
      const readme = (await readFile("README.md", "utf8")).replace(/\s+/g, " ");
      const m = readme.match(
        /Measured once on (.+?) \((\d{4}-\d{2}-\d{2})\).*?`npm test` took \*\*(\d+) min (\d+) s\*\* wall.*? for ([\d,]+) tests: ([\d,]+) Solidity .*?and ([\d,]+) mocha/,
      );
      expect(m, "the README states npm test's measured wall time and counts").to.not.equal(null);
      const n = (text: string) => Number(text.replace(/,/g, ""));
      const [total, solidity, mocha] = [n(m![5]), n(m![6]), n(m![7])];
      expect(solidity + mocha, "Solidity + mocha = the total").to.equal(total);
      expect(n(m![3]) * 60 + n(m![4]), "a wall time, not a guess like ~3 min").to.be.greaterThan(60);
      // The Solidity count stays close to the suite's test functions (a stale figure fails once the suite grows). A test
      // declared in a base contract runs once per contract that inherits it, so the run counts a few percent more.
      let functions = 0;
      const walk = async (dir: string): Promise<void> => {
        for (const entry of await readdir(dir, { withFileTypes: true })) {
          const file = path.join(dir, entry.name);
          if (entry.isDirectory()) await walk(file);
          else if (entry.name.endsWith(".sol")) {
            functions += [...(await readFile(file, "utf8")).matchAll(/function (?:test|invariant)\w*\(/g)].length;
          }
        }
      };
      await walk("test");
      expect(
        Math.abs(solidity - functions) / functions,
        `README ${solidity} vs ${functions} test functions`,
      ).to.be.below(0.05);
    });

    it("npm test skips the JSON-RPC node test; npm run test:e2e runs it, and CI runs both", async function () {
      const pkg = JSON.parse(await readFile("package.json", "utf8")) as { scripts: Record<string, string> };
      expect(pkg.scripts.test).to.equal("hardhat test");
      expect(pkg.scripts["test:e2e"]).to.equal("TEST_E2E=1 hardhat test mocha test/integration/node.ts");
      const node = await readFile("test/integration/node.ts", "utf8");
      expect(node).to.contain('const e2e = process.env.TEST_E2E === "1" ? describe : describe.skip;');
      expect(node).to.not.match(/^describe\(/m);
      const ci = await readFile(".ci/run", "utf8");
      expect(ci).to.contain('run "npm test"');
      expect(ci).to.contain('run "npm run test:e2e"');
      expect(ci, "a fresh install must leave the lock file as committed").to.contain(
        "git status --porcelain -- package.json package-lock.json",
      );
    });
  });
});
