import { expect } from "chai";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The documentation stands alone in a clone: no link or mention of files outside the repository, the legal and
 * process files exist, every economy has its page, and the README's first screen has its two diagrams.
 */
const OUTSIDE = [
  /\.\.\/shared\b/,
  /\bseeds\//,
  /\bseed file/i,
  /\bDESIGN\.md\b/,
  /\bSTYLE\.md\b/,
  /\bHARDHAT3\.md\b/,
  /this workplace/i,
  /these machines/i,
];

function markdownFiles(): string[] {
  const docs = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? docs(path.join(dir, e.name)) : e.name.endsWith(".md") ? [path.join(dir, e.name)] : [],
    );
  return ["README.md", "SECURITY.md", "CHANGELOG.md", ...docs("docs")];
}

/** The preset files: data and the readings behind it, in comments that must not point outside the repository either. */
function presetFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
    );
  return walk("presets");
}

describe("Standalone documentation", function () {
  it("no Markdown or preset file points outside the repository", function () {
    const hits: string[] = [];
    for (const file of [...markdownFiles(), ...presetFiles()]) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          for (const re of OUTSIDE) if (re.test(line)) hits.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(hits).to.deep.equal([]);
  });

  it("LICENSE is MIT as package.json says, and SECURITY.md and CHANGELOG.md exist", function () {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { license: string };
    expect(pkg.license).to.equal("MIT");
    expect(readFileSync("LICENSE", "utf8")).to.match(/^MIT License/);
    expect(existsSync("SECURITY.md")).to.equal(true);
    expect(readFileSync("CHANGELOG.md", "utf8")).to.match(/## \[Unreleased\]/);
  });

  it("every economy has its page under docs/economics/, linked from the index", function () {
    const index = readFileSync("docs/economics/README.md", "utf8");
    for (const system of ["quiver", "qerun", "qry", "qutoken"]) {
      const page = `docs/economics/${system}.md`;
      expect(existsSync(page), page).to.equal(true);
      expect(index).to.include(`(${system}.md)`);
      expect(readFileSync(page, "utf8")).to.include(`presets/${system}/`);
    }
  });

  it("the README's first screen says what the kit is and shows an architecture and a token-flow diagram", function () {
    const readme = readFileSync("README.md", "utf8");
    const firstScreen = readme.slice(0, readme.indexOf("## Quick start"));
    expect(firstScreen).to.match(/\*\*For\*\* /);
    expect(firstScreen.match(/```mermaid/g) ?? []).to.have.length(2);
    expect(firstScreen).to.include("How tokens move");
  });

  it("the README does not claim that npm ci cannot work (the lock lists every platform's EDR build)", function () {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).to.not.match(/not `npm ci`|`npm ci`\s+rejects/);
    const lock = readFileSync("package-lock.json", "utf8");
    for (const platform of ["linux-x64-gnu", "darwin-arm64", "win32-x64-msvc"]) {
      expect(lock, platform).to.include(`node_modules/@nomicfoundation/edr-${platform}`);
    }
  });
});
