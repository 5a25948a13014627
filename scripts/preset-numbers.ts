/**
 * Writes test/utils/QuiverNumbers.sol: the structs the QUIVer preset deploys its staking and market contracts with
 * (scripts/lib/preset-numbers.ts), for the Solidity test bases.
 *
 *   npm run preset-numbers
 */
import { writeFile } from "node:fs/promises";

import { PRESET_NUMBERS_FILE, renderPresetNumbers } from "./lib/preset-numbers.js";

await writeFile(PRESET_NUMBERS_FILE, await renderPresetNumbers());
console.log(`Wrote ${PRESET_NUMBERS_FILE}`);
