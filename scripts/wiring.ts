/**
 * Writes test/utils/Wiring.sol: every managed contract's function-to-role mappings as the four presets deploy them
 * (scripts/lib/wiring.ts), for the Solidity test bases.
 *
 *   npm run wiring
 */
import { writeFile } from "node:fs/promises";

import { network } from "hardhat";

import { deployAllPresets, presetMatrix } from "./lib/access-matrix.js";
import { renderWiring, WIRING_FILE, wiringOf } from "./lib/wiring.js";

const connection = await network.create();
const deployed = await deployAllPresets(connection);
const matrices = [];
for (const d of Object.values(deployed)) matrices.push(await presetMatrix(connection, d));
await writeFile(WIRING_FILE, await renderWiring(matrices));
console.log(`Wrote ${WIRING_FILE}: ${wiringOf(matrices).length} contracts`);
await connection.close();
