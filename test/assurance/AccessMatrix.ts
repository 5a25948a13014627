import { expect } from "chai";
import { Contract, Interface } from "ethers";
import { readFile } from "node:fs/promises";
import { network } from "hardhat";

import {
  deployAllPresets,
  presetMatrix,
  renderAccessMatrix,
  STRANGER,
  zeroValue,
  type PresetMatrix,
} from "../../scripts/lib/access-matrix.js";
import { renderWiring, WIRING_FILE } from "../../scripts/lib/wiring.js";
import { ROLES } from "../../lib/roles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const DOC = "docs/access-control.md";

/** The four presets deployed in-process through their Ignition modules, and the matrix of each. */
async function matrixFixture() {
  const deployed = await deployAllPresets(connection);
  const matrices: PresetMatrix[] = [];
  for (const d of Object.values(deployed)) matrices.push(await presetMatrix(connection, d));
  return { deployed, matrices };
}

/** The restricted functions docs/access-control.md documents: preset name -> rows (contract, artifact, signature, role). */
async function documentedRoles() {
  const byPreset = new Map<string, { contract: string; artifact: string; signature: string; role: bigint }[]>();
  let preset = "";
  for (const line of (await readFile(DOC, "utf8")).split("\n")) {
    const heading = /^## (.+)$/.exec(line);
    if (heading !== null) preset = heading[1];
    const row = /^\| (\w+) \((\w+)\)\s*\| `([^`]+)`\s*\| \*\*\w+\*\* \((\d+)\):/.exec(line);
    if (row === null) continue;
    const rows = byPreset.get(preset) ?? [];
    rows.push({ contract: row[1], artifact: row[2], signature: row[3], role: BigInt(row[4]) });
    byPreset.set(preset, rows);
  }
  return byPreset;
}

/** The first lines where two texts differ, for a readable failure. */
function firstDifferences(expected: string, actual: string, count = 5): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < count; i++) {
    if (a[i] !== b[i]) out.push(`line ${i + 1}:\n  documented: ${a[i] ?? "(none)"}\n  deployed:   ${b[i] ?? "(none)"}`);
  }
  return out.join("\n");
}

describe("Access control matrix (scripts/lib/access-matrix.ts, docs/access-control.md)", function () {
  it("docs/access-control.md is the matrix of the presets as deployed (npm run access-matrix regenerates it)", async function () {
    const { matrices } = await networkHelpers.loadFixture(matrixFixture);
    const generated = await renderAccessMatrix(matrices);
    const documented = await readFile(DOC, "utf8");
    expect(
      generated === documented,
      `${DOC} is stale: who may call what changed. Review, then run \`npm run access-matrix\`.\n` +
        firstDifferences(documented, generated),
    ).to.equal(true);
  });

  it("test/utils/Wiring.sol is the presets' wiring as deployed (npm run wiring regenerates it)", async function () {
    // The Solidity test bases map functions to roles through it: a deployed mapping the file lacks (or one it has
    // that no preset deploys) fails here, so unit tests cannot run under wiring that does not deploy.
    const { matrices } = await networkHelpers.loadFixture(matrixFixture);
    const generated = await renderWiring(matrices);
    const committed = await readFile(WIRING_FILE, "utf8");
    expect(
      generated === committed,
      `${WIRING_FILE} is stale: who may call what changed. Run \`npm run wiring\`.\n` +
        firstDifferences(committed, generated),
    ).to.equal(true);
  });

  it("covers every contract of each preset's address book and every state-changing function of its ABI", async function () {
    const { deployed, matrices } = await networkHelpers.loadFixture(matrixFixture);
    for (const m of matrices) {
      const addresses = deployed[m.system].addresses;
      expect(Object.keys(m.contracts).sort(), `${m.name}: contracts in the matrix`).to.deep.equal(
        Object.keys(addresses).sort(),
      );
      for (const [name, artifact] of Object.entries(m.contracts)) {
        if (artifact === "Safe") continue; // Safe's ABI is not compiled here; its rows come from Safe's npm artifact
        const iface = (await ethers.getContractAt(artifact, addresses[name])).interface;
        const expected: string[] = [];
        iface.forEachFunction((f) => {
          if (f.stateMutability !== "view" && f.stateMutability !== "pure") expected.push(f.format("sighash"));
        });
        const listed = m.rows.filter((r) => r.contract === name).map((r) => r.signature);
        expect(listed.sort(), `${m.name} ${name}: state-changing functions`).to.deep.equal(expected.sort());
      }
    }
  });

  it("every restricted function refuses a stranger with AccessManagedUnauthorized(stranger) before anything else", async function () {
    // The functions the page documents as restricted, read from the page itself (not from the matrix just generated),
    // each called by the stranger with zero and with non-zero arguments: `restricted` runs before the body, so the
    // refusal cannot depend on them. eth_call: a call that reverts changes nothing, and a transaction with the same
    // data from the same sender on the same state reverts the same way. The manager must map each to the documented
    // role.
    const { deployed, matrices } = await networkHelpers.loadFixture(matrixFixture);
    const documented = await documentedRoles();
    const managed = new Interface(["error AccessManagedUnauthorized(address caller)"]);
    let checked = 0;
    for (const m of matrices) {
      const rows = documented.get(m.name) ?? [];
      expect(rows.length, `${m.name}: restricted functions documented`).to.be.greaterThan(0);
      const manager = await ethers.getContractAt("AccessManager", deployed[m.system].addresses.manager);
      for (const r of rows) {
        const where = `${m.name} ${r.contract}.${r.signature}`;
        const address = deployed[m.system].addresses[r.contract];
        expect(address, `${where}: in the address book`).to.not.equal(undefined);
        const iface = (await ethers.getContractAt(r.artifact, address)).interface;
        const fragment = iface.getFunction(r.signature)!;
        expect(await manager.getTargetFunctionRole(address, fragment.selector), `${where}: role`).to.equal(r.role);
        for (const args of [fragment.inputs.map(zeroValue), fragment.inputs.map(onesValue)]) {
          const data = iface.encodeFunctionData(fragment, args);
          let revert: string | undefined;
          try {
            await ethers.provider.call({ from: STRANGER, to: address, data });
          } catch (error) {
            revert = (error as { data?: string }).data;
          }
          expect(revert, `${where}: a stranger's call must revert`).to.not.equal(undefined);
          const parsed = managed.parseError(revert!);
          expect([parsed?.name, parsed?.args[0]], `${where}: AccessManagedUnauthorized(stranger)`).to.deep.equal([
            "AccessManagedUnauthorized",
            STRANGER,
          ]);
          checked++;
        }
      }
    }
    expect(checked, "restricted functions checked (twice each)").to.be.greaterThan(300);
  });

  it("enforces every selector the manager maps to a role: no mapping protects a function that does not check it", async function () {
    const { matrices } = await networkHelpers.loadFixture(matrixFixture);
    for (const m of matrices) {
      expect(
        m.unenforced.map((r) => `${r.contract}.${r.signature}`),
        `${m.name}: mapped to a role but open`,
      ).to.deep.equal([]);
    }
  });

  it("follows the conventions: one manager, named roles, the same role for the same kind of function", async function () {
    const { deployed, matrices } = await networkHelpers.loadFixture(matrixFixture);
    // By hand, from docs/CONVENTIONS.md and the governance module: who may do each kind of thing in every preset.
    const CONVENTIONS: Record<string, bigint> = {
      "setAuthority(address)": ROLES.ADMIN,
      "setParameter(bytes32,uint256)": ROLES.PARAMETER_REGISTRY,
      "pause()": ROLES.GUARDIAN,
      "confirmPause()": ROLES.EMERGENCY,
      "unpause()": ROLES.GOVERNOR,
      "notifyRewardAmount(uint256)": ROLES.REWARD_FUNDER,
      "ProtocolToken.mint(address,uint256)": ROLES.MINTER,
    };
    const named = new Set<bigint>(Object.values(ROLES));
    for (const m of matrices) {
      const addresses = deployed[m.system].addresses;
      for (const r of m.rows) {
        const expected = CONVENTIONS[`${r.artifact}.${r.signature}`] ?? CONVENTIONS[r.signature];
        if (expected !== undefined) {
          expect(r.access, `${m.name} ${r.contract}.${r.signature}`).to.deep.include({
            kind: "role",
            roleId: expected,
          });
        }
        if (r.access.kind === "role") {
          expect(named.has(r.access.roleId), `${m.name} ${r.contract}.${r.signature}: role ${r.access.roleId} named`).to
            .be.true;
        }
      }
      for (const [name, address] of Object.entries(addresses)) {
        const code = new Contract(address, ["function authority() view returns (address)"], ethers.provider);
        let authority: string | undefined;
        try {
          authority = await code.authority();
        } catch {
          authority = undefined; // not AccessManaged (the manager, the timelocks, the Safe...)
        }
        if (authority !== undefined) {
          expect(authority, `${m.name} ${name}: managed by the preset's AccessManager`).to.equal(addresses.manager);
        }
      }
      for (const [role, holders] of m.holders) {
        expect(holders, `${m.name}: the deployer holds ${role}`).to.not.include("deployer");
      }
    }
  });
});

/** Every argument set to a non-zero value (all-ones words, one-element arrays, non-empty bytes). */
function onesValue(type: Parameters<typeof zeroValue>[0]): unknown {
  if (type.baseType === "tuple") return (type.components ?? []).map(onesValue);
  if (type.baseType === "array") {
    const length = type.arrayLength === -1 ? 1 : (type.arrayLength ?? 0);
    return Array.from({ length }, () => onesValue(type.arrayChildren!));
  }
  if (type.baseType === "address") return "0x" + "11".repeat(20);
  if (type.baseType === "bool") return true;
  if (type.baseType === "string") return "x";
  if (type.baseType === "bytes") return "0x11";
  if (type.baseType.startsWith("bytes")) return "0x" + "11".repeat(Number(type.baseType.slice(5)));
  return 1n;
}
