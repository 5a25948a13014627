import { expect } from "chai";
import { readFile } from "node:fs/promises";

import { renderAllPresetNumbers } from "../../scripts/lib/preset-numbers.js";

describe("Preset numbers for the Solidity tests (scripts/lib/preset-numbers.ts, test/utils/*Numbers.sol)", function () {
  it("test/utils/{Quiver,Qry,Qerun,Qutoken}Numbers.sol hold the presets' numbers (npm run preset-numbers regenerates them)", async function () {
    // The Solidity test bases start from these libraries: a preset change a file lacks fails here, so the unit tests
    // cannot drift from what deploys.
    const files = await renderAllPresetNumbers();
    expect(files.map((f) => f.file)).to.deep.equal([
      "test/utils/QuiverNumbers.sol",
      "test/utils/QryNumbers.sol",
      "test/utils/QerunNumbers.sol",
      "test/utils/QutokenNumbers.sol",
    ]);
    for (const { file, source } of files) {
      const committed = await readFile(file, "utf8").catch(() => "");
      const a = committed.split("\n");
      const b = source.split("\n");
      const differences = a.flatMap((line, i) => (line === b[i] ? [] : [`line ${i + 1}: ${line} -> ${b[i]}`]));
      expect(differences, `${file} is stale: run \`npm run preset-numbers\``).to.deep.equal([]);
      expect(b.length, `${file}: same length`).to.equal(a.length);
    }
  });
});
