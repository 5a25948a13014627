/**
 * The main job: deploy the four presets (QUIVer, Qerun, QRY, Qutoken) to an in-process devnet through their
 * Ignition modules, walk each through its scenario (scripts/demo/<system>.ts) on one shared clock, then print a
 * report of balances, supply, burns, reserve and pool figures and write it as Markdown (reports/demo.md) with each
 * preset's supply chart (reports/demo-supply-<system>.svg/.png/.csv).
 *
 *   npm run demo                       DEMO_REPORT_DIR=<dir> to write the files elsewhere
 */
import { mkdir, writeFile } from "node:fs/promises";

import { network } from "hardhat";

import { presetModuleId } from "../deploy/modules/presets/build.js";
import type { SystemId } from "../presets/types/preset.js";
import { createContext, DAY, amount, newSection, type DeployedPreset, type Scenario } from "./demo/context.js";
import qerun from "./demo/qerun.js";
import qry from "./demo/qry.js";
import quiver from "./demo/quiver.js";
import qutoken from "./demo/qutoken.js";
import { markdown, sectionText, type PresetExtras } from "./demo/report.js";
import { deployLendingDevnetExternals } from "./lib/deploy.js";
import { deployPreset, devnetInputs, presetContracts, PRESETS } from "./lib/presets.js";
import { privilegeTable } from "./lib/role-holders.js";
import { display, projectionSvg, projectSupply, readSupply, withNow, writeProjection } from "./lib/supply-report.js";

const REPORT_DIR = process.env.DEMO_REPORT_DIR ?? "reports";
const started = Date.now();

const connection = await network.create();
const { ethers, networkHelpers } = connection;

console.log("Deploying the devnet's stand-ins for the chain (Uniswap V2 from npm, stablecoin, feeds) ...");
const externals = await deployLendingDevnetExternals(connection);
const start = BigInt(await networkHelpers.time.latest()) + 3_600n;
const presets = {} as Record<SystemId, DeployedPreset>;
for (const preset of Object.values(PRESETS)) {
  const inputs = { ...(await devnetInputs(connection, preset, externals.addresses)), start };
  const addresses = await deployPreset(connection, preset, inputs);
  presets[preset.system] = { preset, inputs, addresses, c: await presetContracts(connection, addresses) };
  console.log(
    `  ${preset.name} (deploy/modules/presets/${presetModuleId(preset)}.ts): ` +
      `${Object.keys(addresses).length} contracts, ${preset.token.symbol} ${addresses.token}, admin handed to the timelock`,
  );
}

// One clock: every preset's TGE is `start`; scenarios run in turn, each from where the previous one left it.
const ctx = createContext(connection, presets, externals, start);
await ctx.at(0n);
const scenarios: Scenario[] = [qerun(), qutoken(), quiver(), qry()];
const sections = scenarios.map((s) => newSection(s.system, s.title));
for (const [i, scenario] of scenarios.entries()) {
  console.log(`Running the ${PRESETS[scenario.system].name} scenario ...`);
  await scenario.run(ctx, sections[i]);
}
for (const [i, scenario] of scenarios.entries()) await scenario.epilogue?.(ctx, sections[i]);
await networkHelpers.mine();
const end = BigInt(await networkHelpers.time.latest());
for (const [i, scenario] of scenarios.entries()) await scenario.figures(ctx, sections[i]);

// Supply at the end, and each preset's 15-year projection as a chart.
await mkdir(REPORT_DIR, { recursive: true });
const parts = [];
for (const [i, scenario] of scenarios.entries()) {
  const { preset, c, addresses, inputs } = presets[scenario.system];
  const supply = {
    manager: c.manager,
    token: c.token,
    vault: c.vestingVault,
    controller: c.controller,
    genesis: c.genesis,
    pool: c.pool,
  };
  const now = await readSupply(supply, addresses.treasury, addresses);
  const sym = ` ${preset.token.symbol}`;
  sections[i].figures.push(
    ["supply: circulating", amount(now.circulating) + sym],
    [
      "supply: locked in vesting / emission / treasury",
      `${amount(now.locked.vesting)} / ${amount(now.locked.emission)} / ${amount(now.locked.treasury)}${sym}`,
    ],
    [
      "supply: held by other protocol contracts",
      `${amount(now.locked.protocol)}${sym}` +
        (now.locked.protocol === 0n
          ? ""
          : ` (${Object.entries(now.heldBy)
              .sort(([, a], [, b]) => (b > a ? 1 : b < a ? -1 : 0))
              .map(([name, v]) => `${name} ${display(v)}`)
              .join(", ")})`),
    ],
    ["supply: not yet minted", amount(now.unminted) + sym],
  );
  const rows = await projectSupply(supply, now, addresses.treasury, addresses);
  const svg = projectionSvg(
    withNow(rows, now),
    `${preset.name} supply, 15-year projection`,
    preset.token.symbol,
    now.timestamp,
  );
  const files = await writeProjection(rows, svg, REPORT_DIR, `demo-supply-${preset.system}`);
  const names = new Map<string, string>();
  for (const [name, address] of Object.entries(addresses)) names.set(address.toLowerCase(), name);
  for (const [name, address] of Object.entries(inputs.accounts)) names.set(address.toLowerCase(), name);
  inputs.guardianOwners.forEach((o, k) => names.set(o.toLowerCase(), `guardian owner ${k + 1}`));
  const privileges = await privilegeTable(
    c.manager,
    { normalTimelock: c.normalTimelock, emergencyTimelock: c.emergencyTimelock },
    names,
  );
  const extras: PresetExtras = { chart: files.png.slice(REPORT_DIR.length + 1), contracts: addresses, privileges };
  parts.push({ preset, section: sections[i], extras });
}

console.log("");
for (const { preset, section } of parts) console.log(sectionText(preset, section));
const { chainId } = await ethers.provider.getNetwork();
const file = `${REPORT_DIR}/demo.md`;
await writeFile(file, markdown({ network: connection.networkName, chainId, start, end }, parts));
const days = (end - start) / DAY;
console.log(
  `Report written to ${file}, supply charts to ${REPORT_DIR}/demo-supply-<preset>.png (${days} days simulated, ` +
    `${((Date.now() - started) / 1000).toFixed(1)} s).`,
);
