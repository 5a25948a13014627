import { expect } from "chai";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** Every `.sol` file under `dir`, recursively. */
async function solidityFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await solidityFiles(full)));
    else if (entry.name.endsWith(".sol")) out.push(full);
  }
  return out;
}

describe("README module table (## Modules) against contracts/", function () {
  it("names every contract and library of contracts/ (interfaces and devnet mocks aside), and nothing else", async function () {
    const readme = await readFile("README.md", "utf8");
    const section = readme.slice(readme.indexOf("## Modules"), readme.indexOf("In short:"));
    const rows = section.split("\n").filter((line) => /^\| [a-z]+ /.test(line) && !line.startsWith("| presets"));
    expect(rows.length, "module rows").to.be.greaterThan(5);
    const listed = new Set(rows.flatMap((row) => [...row.split("|")[2].matchAll(/`([A-Z]\w*)`/g)].map((m) => m[1])));
    const files = (await solidityFiles("contracts"))
      .filter(
        (f) => !f.startsWith(path.join("contracts", "interfaces")) && !f.startsWith(path.join("contracts", "devnet")),
      )
      .map((f) => path.basename(f, ".sol"));
    expect(
      [...new Set(files)].filter((f) => !listed.has(f)).sort(),
      "in contracts/ but not in the table",
    ).to.deep.equal([]);
    expect(
      [...listed].filter((name) => !files.includes(name)).sort(),
      "in the table but not in contracts/",
    ).to.deep.equal([]);
  });
});
