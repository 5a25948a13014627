/**
 * Writes test/utils/QuiverNumbers.sol, QryNumbers.sol, QerunNumbers.sol and QutokenNumbers.sol: the structs and numbers the presets
 * deploy their contracts with (scripts/lib/preset-numbers.ts), for the Solidity test bases.
 *
 *   npm run preset-numbers
 */
import { writeFile } from "node:fs/promises";

import { renderAllPresetNumbers } from "./lib/preset-numbers.js";

for (const { file, source } of await renderAllPresetNumbers()) {
  await writeFile(file, source);
  console.log(`Wrote ${file}`);
}
