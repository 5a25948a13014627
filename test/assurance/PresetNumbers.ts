import { expect } from "chai";
import { readFile } from "node:fs/promises";

import { PRESET_NUMBERS_FILE, renderPresetNumbers } from "../../scripts/lib/preset-numbers.js";

describe("Preset numbers for the Solidity tests (scripts/lib/preset-numbers.ts, test/utils/QuiverNumbers.sol)", function () {
  it("test/utils/QuiverNumbers.sol holds the QUIVer preset's numbers (npm run preset-numbers regenerates it)", async function () {
    // The Solidity test bases start from these structs: a preset change the file lacks fails here, so the unit tests
    // cannot drift from what deploys.
    const generated = await renderPresetNumbers();
    const committed = await readFile(PRESET_NUMBERS_FILE, "utf8");
    const a = committed.split("\n");
    const b = generated.split("\n");
    const differences = a.flatMap((line, i) => (line === b[i] ? [] : [`line ${i + 1}: ${line} -> ${b[i]}`]));
    expect(differences, `${PRESET_NUMBERS_FILE} is stale: run \`npm run preset-numbers\``).to.deep.equal([]);
    expect(b.length, "same length").to.equal(a.length);
  });
});
