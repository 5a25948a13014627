import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { expect } from "chai";

const run = promisify(execFile);

interface Packed {
  filename: string;
  files: { path: string }[];
}

/** The package a module specifier names (`@scope/name` or `name`), or undefined for relative paths and builtins. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:")) return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/**
 * Every bare module a TypeScript source loads: static imports and re-exports (type-only ones too: a consumer's
 * compiler resolves them), side-effect imports, `import()`, `require()`/`createRequire(...)()`, and package files
 * named as string literals (`"@scope/name/build/X.json"`, which the deploy modules hand to `require`). Comments are
 * stripped first, so a package named in prose does not count.
 */
function bareImports(source: string): Set<string> {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const patterns = [
    /\bfrom\s+["']([^"'\s,]+)["']/g,
    /\bimport\s+["']([^"'\s,]+)["']/g,
    /\bimport\s*\(\s*["']([^"'\s,]+)["']\s*\)/g,
    /\brequire(?:\.resolve)?\s*\(\s*["']([^"'\s,]+)["']/g,
    /\bcreateRequire\([^)]*\)\s*\(\s*["']([^"'\s,]+)["']/g,
    /["'](@[\w.-]+\/[\w.-]+\/[^"'\s,]+\.json)["']/g,
  ];
  const found = new Set<string>();
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const name = packageOf(match[1]);
      if (name !== undefined) found.add(name);
    }
  }
  return found;
}

/**
 * The npm package: `npm pack` ships the contracts, their ABIs (artifacts), the typechain types, the presets, the deploy
 * modules and the address books; installed into a fresh Hardhat 3 project (offline: the tarball unpacked into its
 * node_modules, every dependency linked to this repository's install), it deploys a preset.
 */
describe("Package: npm pack, installed into a temporary project, deploys a preset", function () {
  this.timeout(300_000);
  let dir = "";
  let packed: Packed;

  before(async function () {
    dir = await mkdtemp(path.join(tmpdir(), "kit-package-"));
    const { stdout } = await run("npm", ["pack", "--pack-destination", dir, "--json"], { maxBuffer: 64 * 1024 * 1024 });
    packed = (JSON.parse(stdout) as Packed[])[0];
  });

  after(async function () {
    if (dir !== "") await rm(dir, { recursive: true, force: true });
  });

  it("is publishable: not private, an exports map, and the files a consumer needs (no build info, tests or devnet books)", async function () {
    const pkg = JSON.parse(await readFile("package.json", "utf8"));
    expect(pkg.private, "private").to.equal(undefined);
    expect(pkg.exports["."]).to.equal("./scripts/lib/presets.ts");
    for (const key of ["./presets", "./contracts/*", "./artifacts/*", "./typechain-types", "./deployments/*"]) {
      expect(pkg.exports, key).to.have.property(key);
    }
    const files = packed.files.map((f) => f.path);
    for (const file of [
      "contracts/token/ProtocolToken.sol",
      "artifacts/contracts/token/ProtocolToken.sol/ProtocolToken.json",
      "typechain-types/index.ts",
      "presets/index.ts",
      "presets/qutoken/index.ts",
      "deploy/modules/presets/build.ts",
      "scripts/lib/presets.ts",
      "scripts/lib/address-book.ts",
      "LICENSE",
    ]) {
      expect(files, file).to.include(file);
    }
    const abi = JSON.parse(await readFile("artifacts/contracts/token/ProtocolToken.sol/ProtocolToken.json", "utf8"));
    expect(abi.abi.length, "the artifact carries the ABI").to.be.greaterThan(0);
    expect(files.filter((f) => /build-info|^artifacts\/test|^test\/|deployments\/localhost/.test(f))).to.deep.equal([]);
  });

  it("declares what its shipped code loads: every bare import of a packed source is a dependency or peer", async function () {
    const pkg = JSON.parse(await readFile("package.json", "utf8"));
    const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
    const used = new Map<string, string[]>();
    const sources = packed.files.map((f) => f.path).filter((f) => f.endsWith(".ts"));
    expect(sources.length, "packed TypeScript sources").to.be.greaterThan(100);
    for (const file of sources) {
      for (const name of bareImports(await readFile(file, "utf8"))) {
        if (name === pkg.name) continue;
        used.set(name, [...(used.get(name) ?? []), file]);
      }
    }
    // The parser sees what the deploy path loads at runtime (Safe and Uniswap artifacts through require).
    for (const name of ["@safe-global/safe-smart-account", "@uniswap/v2-core", "@uniswap/v2-periphery", "hardhat"]) {
      expect([...used.keys()], name).to.include(name);
    }
    const undeclared = [...used.entries()].filter(([name]) => !declared.has(name)).map(([n, f]) => `${n} (${f[0]})`);
    expect(undeclared, "imported by packed files but neither a dependency nor a peer").to.deep.equal([]);
    // Peers pinned as in development, each also installed here as a devDependency.
    for (const [name, version] of Object.entries(pkg.peerDependencies as Record<string, string>)) {
      expect(pkg.devDependencies[name], `${name}: the peer pin equals the devDependency`).to.equal(version);
    }
    const lock = JSON.parse(await readFile("package-lock.json", "utf8"));
    expect(lock.packages[""].peerDependencies, "package-lock.json records the peers").to.deep.equal(
      pkg.peerDependencies,
    );
  });

  it("parses imports: static, type-only, re-export, dynamic, require, createRequire and package files; not comments", function () {
    const source = [
      'import { a } from "alpha";',
      'import type {\n  B,\n} from "@scope/beta/types";',
      'export { c } from "./local.js";',
      'import "gamma";',
      'const d = await import("delta");',
      'const e = require("epsilon/x.json");',
      'const f = createRequire(import.meta.url)(\n  "@zeta/z/build/F.json",\n);',
      'load("Pair", "@eta/core/build/Pair.json");',
      'import { g } from "node:fs";',
      '// import { h } from "comment-only";',
      '/** from "doc-only" */',
      'option({ name: "from", description: FROM, defaultValue: "" });',
    ].join("\n");
    expect([...bareImports(source)].sort()).to.deep.equal(
      ["@eta/core", "@scope/beta", "@zeta/z", "alpha", "delta", "epsilon", "gamma"].sort(),
    );
  });

  it("installs offline into a Hardhat 3 project and deploys Qutoken from it", async function () {
    const project = path.join(dir, "consumer");
    const modules = path.join(project, "node_modules");
    const kit = path.join(modules, "tokenomics-kit");
    await mkdir(kit, { recursive: true });
    // Only what the package declares (dependencies and peers) plus the consumer's own Hardhat toolbox, linked from
    // this repository's install (no registry): the kit's files resolve nothing else, so a missing declaration fails
    // the deploy below. The linked packages' own dependencies resolve from where they really live.
    const pkg = JSON.parse(await readFile("package.json", "utf8"));
    const linked = [
      ...Object.keys(pkg.dependencies ?? {}),
      ...Object.keys(pkg.peerDependencies ?? {}),
      "@nomicfoundation/hardhat-toolbox-mocha-ethers",
      ".bin",
    ];
    for (const entry of linked) {
      let target: string;
      try {
        target = await realpath(path.join("node_modules", entry));
      } catch {
        continue; // an optional peer not installed here
      }
      await mkdir(path.dirname(path.join(modules, entry)), { recursive: true });
      await symlink(target, path.join(modules, entry));
    }
    await run("tar", ["-xzf", path.join(dir, packed.filename), "-C", kit, "--strip-components=1"]);
    await writeFile(path.join(project, "package.json"), '{ "name": "consumer", "private": true, "type": "module" }\n');
    await writeFile(
      path.join(project, "hardhat.config.ts"),
      [
        'import hardhatToolboxMochaEthersPlugin from "@nomicfoundation/hardhat-toolbox-mocha-ethers";',
        'import { defineConfig } from "hardhat/config";',
        "export default defineConfig({",
        "  plugins: [hardhatToolboxMochaEthersPlugin],",
        '  paths: { artifacts: "node_modules/tokenomics-kit/artifacts" },',
        "});",
      ].join("\n"),
    );
    await writeFile(
      path.join(project, "deploy.ts"),
      [
        'import { network } from "hardhat";',
        'import { deployPreset, devnetInputs, PRESETS } from "tokenomics-kit";',
        "const connection = await network.create();",
        "const preset = PRESETS.qutoken;",
        "const contracts = await deployPreset(connection, preset, await devnetInputs(connection, preset));",
        'const token = await connection.ethers.getContractAt("ProtocolToken", contracts.token);',
        "console.log(JSON.stringify({ symbol: await token.symbol(), supply: String(await token.totalSupply()),",
        "  governor: await connection.ethers.provider.getCode(contracts.governor) !== '0x' }));",
      ].join("\n"),
    );
    const { stdout } = await run(
      process.execPath,
      [path.join("node_modules", ".bin", "hardhat"), "run", "--no-compile", "deploy.ts"],
      { cwd: project, env: { ...process.env, HARDHAT_DISABLE_TELEMETRY: "true" } },
    );
    // Qutoken: 1,000,000,000 QUT minted at genesis; the governor deployed.
    expect(JSON.parse(stdout.trim().split("\n").pop()!)).to.deep.equal({
      symbol: "QUT",
      supply: (1_000_000_000n * 10n ** 18n).toString(),
      governor: true,
    });
  });
});
