/**
 * Writes docs/access-control.md: every contract x state-changing function x role of the four presets, deployed
 * in-process, with who holds each role (scripts/lib/access-matrix.ts says how each row is found).
 *
 *   npm run access-matrix          ACCESS_MATRIX_OUT=<file> to write elsewhere
 */
import { writeFile } from "node:fs/promises";

import { network } from "hardhat";

import { deployAllPresets, presetMatrix, renderAccessMatrix } from "./lib/access-matrix.js";

const OUT = process.env.ACCESS_MATRIX_OUT ?? "docs/access-control.md";

const connection = await network.create();
const deployed = await deployAllPresets(connection);
const matrices = [];
for (const d of Object.values(deployed)) matrices.push(await presetMatrix(connection, d));
await writeFile(OUT, await renderAccessMatrix(matrices));
for (const m of matrices) {
  const restricted = m.rows.filter((r) => r.access.kind === "role").length;
  console.log(`${m.name}: ${m.rows.length} functions, ${restricted} restricted`);
  for (const r of m.unenforced) console.log(`  mapped to a role but open: ${r.contract}.${r.signature}`);
}
console.log(`Wrote ${OUT}`);
await connection.close();
