import { expect } from "chai";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * docs/adversarial.md cannot rot: every row links to a test file that exists and still holds the named test (a
 * Solidity test function, or a mocha `it` title), the table has at least 40 rows, no test is listed twice, and every
 * category the suite promises is there.
 */
const DOC = "docs/adversarial.md";

const REQUIRED_CATEGORIES = [
  "flash-loan votes",
  "oracle",
  "ERC-4626 inflation",
  "reentrancy",
  "signature replay",
  "rounding",
  "slashing during unbonding",
  "double slash",
  "emission year boundaries",
  "vesting cliff",
  "access control",
];

interface Row {
  line: number;
  category: string;
  file: string;
  test: string;
}

function rows(): Row[] {
  const lines = readFileSync(DOC, "utf8").split("\n");
  const out: Row[] = [];
  lines.forEach((text, i) => {
    if (!/^\|\s*\d+\s*\|/.test(text)) return;
    const cells = text.split("|").map((c) => c.trim());
    // | # | category | attack | expected | [file](../file) `test` |
    const link = /^\[([^\]]+)\]\(\.\.\/([^)]+)\)\s+`([^`]+)`$/.exec(cells[5] ?? "");
    if (link === null) throw new Error(`${DOC}:${i + 1}: the test cell must read [path](../path) \`name\``);
    expect(link[1], `${DOC}:${i + 1}: link text is the path`).to.equal(link[2]);
    out.push({ line: i + 1, category: cells[2], file: link[2], test: link[3] });
  });
  return out;
}

/** A mocha title as written in a test file: it("...") with the title escaped as a JS string. */
function declaresIt(source: string, title: string): boolean {
  return source.includes(`it(${JSON.stringify(title)}`);
}

describe("Adversarial table (docs/adversarial.md)", function () {
  const table = rows();

  it("has at least 40 rows, each test listed once", function () {
    expect(table.length, "rows").to.be.at.least(40);
    const keys = table.map((r) => `${r.file} ${r.test}`);
    expect(new Set(keys).size, "no test listed twice").to.equal(keys.length);
  });

  it("covers every category the suite promises", function () {
    const present = new Set(table.map((r) => r.category));
    for (const category of REQUIRED_CATEGORIES) {
      expect(present.has(category), `a row for ${category}`).to.equal(true);
    }
  });

  it("links every row to an existing file that holds the named test", function () {
    for (const r of table) {
      const where = `${DOC}:${r.line}`;
      expect(existsSync(r.file), `${where}: ${r.file} exists`).to.equal(true);
      const source = readFileSync(r.file, "utf8");
      if (r.file.endsWith(".sol")) {
        expect(r.test, `${where}: a test function name`).to.match(/^(test_|testFuzz_|invariant_)\w+$/);
        const declared = new RegExp(`function ${r.test}\\(`).test(source);
        expect(declared, `${where}: ${r.file} declares ${r.test}`).to.equal(true);
        expect(path.basename(r.file), `${where}: a Solidity test file`).to.match(/\.t\.sol$/);
      } else {
        expect(r.file, `${where}: a mocha test file`).to.match(/^test\/.+\.ts$/);
        expect(declaresIt(source, r.test), `${where}: ${r.file} declares it(${JSON.stringify(r.test)})`).to.equal(true);
        expect(source.includes(`it.skip(${JSON.stringify(r.test)}`), `${where}: not skipped`).to.equal(false);
      }
    }
  });
});
