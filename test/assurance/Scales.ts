import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The scales are defined once: `BPS`, `WAD` and `RAY` are declared in contracts/common/Constants.sol and nowhere
 * else in contracts/ (every contract imports them), so no module can drift to a scale of its own.
 */
function solidityFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? solidityFiles(path.join(dir, e.name)) : e.name.endsWith(".sol") ? [path.join(dir, e.name)] : [],
  );
}

describe("Scales (contracts/common/Constants.sol)", function () {
  it("declares BPS, WAD and RAY once each, in Constants.sol", function () {
    const declarations = new Map<string, string[]>();
    for (const file of solidityFiles("contracts")) {
      const code = readFileSync(file, "utf8").replace(/\/\/[^\n]*/g, "");
      for (const m of code.matchAll(/\bconstant\s+(BPS|WAD|RAY)\b/g)) {
        declarations.set(m[1], [...(declarations.get(m[1]) ?? []), file]);
      }
    }
    const constants = path.join("contracts", "common", "Constants.sol");
    for (const name of ["BPS", "WAD", "RAY"]) {
      expect(declarations.get(name), name).to.deep.equal([constants]);
    }
  });
});
