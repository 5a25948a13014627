import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { expect } from "chai";

import { checkLayers } from "../../scripts/check-layers.js";

const run = promisify(execFile);
const SCRIPT = path.resolve("scripts/check-layers.ts");

/** A throwaway source tree: root-relative path -> file text. */
async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "kit-layers-"));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

/** The layout of one module as the rule wants it: schema in modules/, numbers in presets/, builder in deploy/. */
const CLEAN = {
  "lib/governed.ts": "export interface Governed { value: bigint }\n",
  "modules/staking.ts":
    'import type { Governed } from "../lib/governed.js";\nexport interface StakingPreset { g: Governed }\n',
  "presets/quiver/staking.ts":
    'import type { StakingPreset } from "../../modules/staking.js";\nexport const quiverStaking = {} as StakingPreset;\n',
  "deploy/modules/Staking.ts":
    'import type { StakingPreset } from "../../modules/staking.js";\nexport function buildStakingModule(p: StakingPreset) { return p; }\n',
  "deploy/modules/presets/Quiver.ts":
    'import { quiverStaking } from "../../../presets/quiver/staking.js";\nimport { buildStakingModule } from "../Staking.js";\nexport default buildStakingModule(quiverStaking);\n',
  "scripts/deploy.ts": 'import Quiver from "../deploy/modules/presets/Quiver.js";\nexport { Quiver };\n',
};

describe("Layer check (scripts/check-layers.ts, npm run lint:layers)", function () {
  const roots: string[] = [];
  after(async function () {
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });
  const make = async (files: Record<string, string>) => {
    const root = await tree(files);
    roots.push(root);
    return root;
  };

  it("passes on the project's own sources", function () {
    expect(checkLayers(process.cwd())).to.deep.equal([]);
  });

  it("passes on a clean tree (so the failures below come from the one bad import each)", async function () {
    expect(checkLayers(await make(CLEAN))).to.deep.equal([]);
  });

  it("fails on a builder importing a preset (the default-export-one-economy pattern)", async function () {
    const root = await make({
      ...CLEAN,
      "deploy/modules/Staking.ts":
        CLEAN["deploy/modules/Staking.ts"] +
        'import { quiverStaking } from "../../presets/quiver/staking.js";\nexport default buildStakingModule(quiverStaking);\n',
    });
    expect(checkLayers(root)).to.deep.equal([
      "deploy/modules/Staking.ts (builders) imports presets/quiver/staking.ts (presets): builders may import lib, modules",
      "deploy/modules/Staking.ts (builders) has a default export: export the module by name",
    ]);
  });

  it("fails on a builder with a default export (only a system's entry module has one)", async function () {
    const root = await make({
      ...CLEAN,
      "deploy/modules/devnet/Mock.ts": 'export default { id: "Mock" };\n',
    });
    expect(checkLayers(root)).to.deep.equal([
      "deploy/modules/devnet/Mock.ts (builders) has a default export: export the module by name",
    ]);
  });

  it("fails on a preset importing deploy/ (even a type), and on the cycle it closes", async function () {
    const root = await make({
      ...CLEAN,
      "deploy/modules/Staking.ts":
        'import { quiverStaking } from "../../presets/quiver/staking.js";\nexport const s = quiverStaking;\nexport interface StakingPreset { x: number }\n',
      "presets/quiver/staking.ts":
        'import type { StakingPreset } from "../../deploy/modules/Staking.js";\nexport const quiverStaking = {} as StakingPreset;\n',
    });
    expect(checkLayers(root)).to.deep.equal([
      "deploy/modules/Staking.ts (builders) imports presets/quiver/staking.ts (presets): builders may import lib, modules",
      "presets/quiver/staking.ts (presets) imports deploy/modules/Staking.ts (builders): presets may import lib, modules",
      "import cycle: deploy/modules/Staking.ts -> presets/quiver/staking.ts",
    ]);
  });

  it("fails on lib/ importing anything of the project, and on a module schema importing the top layer", async function () {
    const root = await make({
      ...CLEAN,
      "lib/roles.ts": 'export * from "../modules/staking.js";\n',
      "modules/slashing.ts": 'import "../scripts/deploy.js";\n',
    });
    expect(checkLayers(root)).to.deep.equal([
      "lib/roles.ts (lib) imports modules/staking.ts (modules): lib may import nothing of the project",
      "modules/slashing.ts (modules) imports scripts/deploy.ts (top): modules may import lib",
    ]);
  });

  it("fails on a cycle inside one layer (the top layer may import anything, but not in a circle)", async function () {
    const root = await make({
      ...CLEAN,
      "scripts/lib/a.ts": 'import { b } from "./b.js";\nexport const a = () => b;\n',
      "scripts/lib/b.ts": 'import { a } from "./a.js";\nexport const b = () => a;\n',
    });
    expect(checkLayers(root)).to.deep.equal(["import cycle: scripts/lib/a.ts -> scripts/lib/b.ts"]);
  });

  it("as a command, exits 1 naming the bad import, and 0 on a clean tree", async function () {
    const bad = await make({
      ...CLEAN,
      "presets/quiver/staking.ts": CLEAN["presets/quiver/staking.ts"] + 'import "../../deploy/modules/Staking.js";\n',
    });
    const failed = await run(process.execPath, [SCRIPT], { cwd: bad }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).to.equal(1);
    expect(failed?.stderr).to.contain(
      "presets/quiver/staking.ts (presets) imports deploy/modules/Staking.ts (builders)",
    );
    const { stdout } = await run(process.execPath, [SCRIPT], { cwd: await make(CLEAN) });
    expect(stdout).to.contain("no cycles");
  });
});

describe("README layout (the contracts/ folders)", function () {
  it("names every folder under contracts/, and only those, each with the contracts it holds", async function () {
    const { readdir, readFile } = await import("node:fs/promises");
    const readme = await readFile("README.md", "utf8");
    const block = readme.slice(readme.indexOf("```\ncontracts/\n") + "```\ncontracts/\n".length);
    // The block's folder lines: two spaces, a name, a slash; continuation lines start with more spaces.
    const lines = block.slice(0, block.indexOf("\nlib/")).split("\n");
    const named = lines.flatMap((l) => /^ {2}([a-z]+)\/\s/.exec(l)?.[1] ?? []);
    const folders = (await readdir("contracts", { withFileTypes: true })).filter((d) => d.isDirectory());
    expect([...named].sort(), "the README's folders").to.deep.equal(folders.map((d) => d.name).sort());
    // Each folder's line (and its continuation) names the contracts it holds, but interfaces/ and libraries/ (many
    // small files, described by kind).
    for (const { name } of folders) {
      if (name === "interfaces" || name === "libraries") continue;
      const start = lines.findIndex((l) => l.startsWith(`  ${name}/`));
      let text = lines[start];
      for (let i = start + 1; i < lines.length && /^ {3,}/.test(lines[i]); i++) text += lines[i];
      const contracts = (await readdir(path.join("contracts", name))).filter((f) => f.endsWith(".sol"));
      for (const file of contracts) {
        const contract = file.replace(/\.sol$/, "");
        // Mock* stand-ins and the lending maths are described, not named.
        if (contract.startsWith("Mock") || /Index|Model$/.test(contract)) continue;
        expect(text, `README layout: ${name}/ names ${contract}`).to.include(contract);
      }
    }
  });
});
