/**
 * Fails unless line and statement coverage of contracts/ are both at least COVERAGE_MIN (95%).
 *
 * Reads the report `hardhat test --coverage` printed (saved to coverage/report.txt by `npm run coverage:check`):
 * its `Total` row holds Line % and Statement %. Also fails if the coverage run had failing tests.
 */
import { readFile } from "node:fs/promises";

const MIN = Number(process.env.COVERAGE_MIN ?? 95);
const REPORT = "coverage/report.txt";

// eslint-disable-next-line no-control-regex
const text = (await readFile(REPORT, "utf8")).replace(/\x1b\[[0-9;]*m/g, "");
const failing = text.match(/^(\d+) failing/m);
if (failing !== null) {
  console.error(`The coverage run had ${failing[1]} failing test(s).`);
  process.exit(1);
}
const total = text.match(/Total\s*│\s*([\d.]+)\s*│\s*([\d.]+)/);
if (total === null) {
  console.error(`No "Total" row in ${REPORT}: did the coverage run finish?`);
  process.exit(1);
}
const [lines, statements] = [Number(total[1]), Number(total[2])];
console.log(`Coverage of contracts/: ${lines}% lines, ${statements}% statements (minimum ${MIN}%).`);
if (lines < MIN || statements < MIN) {
  console.error(`Coverage below ${MIN}%.`);
  process.exit(1);
}
