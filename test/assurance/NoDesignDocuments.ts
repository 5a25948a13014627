import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";

/**
 * The project stands alone: the economies' rules are stated in our own words in docs/economics/, and no tracked file
 * (contracts, tests, scripts, presets, docs, reports) refers to the private design documents they were drawn from,
 * by number or by path. The patterns are written so that this file does not match them itself.
 */
const PRIVATE = [
  /seed[\s_-]*0\d/i, // a design document by number
  /seeds\//i, // their folder
  /shared\//i, // the folder outside the repository that held them
];

const SKIPPED = new Set(["package-lock.json"]);

function trackedFiles(): string[] {
  return execFileSync("git", ["ls-files", "-z"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
    .split("\0")
    .filter((f) => f !== "" && !SKIPPED.has(f) && !f.startsWith("node_modules/"))
    .filter((f) => existsSync(f) && statSync(f).isFile());
}

describe("No mention of the private design documents", function () {
  it("the patterns catch a numbered mention and both folders (case-insensitive)", function () {
    const word = "se" + "ed";
    for (const sample of [`(${word} 002 4.3)`, `${word.toUpperCase()} 001`, `../${word}s/x.md`, "../sha" + "red/x"]) {
      expect(
        PRIVATE.some((re) => re.test(sample)),
        sample,
      ).to.equal(true);
    }
    for (const sample of [`FUZZ_${word.toUpperCase()}=0x1234`, `the walkthrough's ${word}`, `${word}Accounts`]) {
      expect(
        PRIVATE.some((re) => re.test(sample)),
        sample,
      ).to.equal(false);
    }
  });

  it("no tracked file outside node_modules and the lock file mentions them", function () {
    const files = trackedFiles();
    expect(files.length).to.be.greaterThan(100);
    const hits: string[] = [];
    for (const file of files) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (PRIVATE.some((re) => re.test(line))) hits.push(`${file}:${i + 1}: ${line.trim().slice(0, 160)}`);
        });
    }
    expect(hits).to.deep.equal([]);
  });
});
