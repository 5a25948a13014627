import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { expect } from "chai";

const run = promisify(execFile);

interface Packed {
  filename: string;
  files: { path: string }[];
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

  it("installs offline into a Hardhat 3 project and deploys Qutoken from it", async function () {
    const project = path.join(dir, "consumer");
    const modules = path.join(project, "node_modules");
    const kit = path.join(modules, "tokenomics-kit");
    await mkdir(kit, { recursive: true });
    // The dependencies: this repository's install, linked (no registry).
    for (const entry of await readdir("node_modules")) {
      if (entry === "tokenomics-kit") continue;
      await symlink(await realpath(path.join("node_modules", entry)), path.join(modules, entry));
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
