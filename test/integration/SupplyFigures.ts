import { expect } from "chai";
import { network } from "hardhat";

import type { SystemId } from "../../presets/types/preset.js";
import { deployPreset, devnetInputs, presetContracts, PRESETS } from "../../scripts/lib/presets.js";
import { projectSupply, readSupply, withNow } from "../../scripts/lib/supply-report.js";

const connection = await network.create();
const { networkHelpers } = connection;

const TOKEN = 10n ** 18n;
const M = 1_000_000n * TOKEN;
const DAY = 86_400n;

/** Moves the clock to `t` unless the deployment's own blocks are already past it. */
async function timeTo(t: bigint) {
  if (BigInt(await networkHelpers.time.latest()) < t) await networkHelpers.time.increaseTo(t);
  else await networkHelpers.mine();
}

/** A preset deployed in-process, with what the supply report reads. */
async function deployed(system: SystemId) {
  const inputs = await devnetInputs(connection, PRESETS[system]);
  inputs.start = BigInt(await networkHelpers.time.latest()) + DAY; // after the deployment's own blocks
  const addresses = await deployPreset(connection, PRESETS[system], inputs);
  const c = await presetContracts(connection, addresses);
  const supply = {
    manager: c.manager,
    token: c.token,
    vault: c.vestingVault,
    controller: c.controller,
    genesis: c.genesis,
    pool: c.pool,
  };
  return { addresses, inputs, c, supply };
}

describe("Supply figures: circulating excludes every protocol-held balance (scripts/lib/supply-report.ts)", function () {
  this.timeout(300_000);

  it("QRY: issuance minted into the distribution engine is not circulating (it was counted in full)", async function () {
    const { addresses, inputs, c, supply } = await deployed("qry");
    await timeTo(inputs.start + 30n * DAY);
    await (await c.controller.release()).wait();
    const minted = await c.token.totalSupply();
    expect(minted, "a month of 125M a year").to.be.greaterThan(10n * M);
    const now = await readSupply(supply, addresses.treasury, addresses);
    expect(now.locked.protocol, "everything sits in the engine").to.equal(minted);
    expect(now.heldBy, "by name").to.deep.equal({ distributionEngine: minted });
    expect(now.circulating, "nothing is circulating before the engine pays").to.equal(0n);
  });

  it("Qutoken: at the TGE only operations' 100M circulate; the chart passes through the table at every month and at now", async function () {
    const { addresses, inputs, supply } = await deployed("qutoken");
    await timeTo(inputs.start + 1n);
    const atTge = await readSupply(supply, addresses.treasury, addresses);
    // 1B: treasury 400M, partner stream 200M (controller), team 150M + ecosystem 150M (vault), operations 100M.
    expect(
      [atTge.locked.treasury, atTge.locked.emission, atTge.locked.vesting, atTge.locked.protocol, atTge.circulating],
      "treasury, emission, vesting, other contracts, circulating",
    ).to.deep.equal([400n * M, 200n * M, 300n * M, 0n, 100n * M]);

    // Some months later, nothing released: the vault and the controller still hold it all.
    await timeTo(inputs.start + 100n * DAY);
    const now = await readSupply(supply, addresses.treasury, addresses);
    expect(now.circulating, "nothing released, nothing more circulates").to.equal(100n * M);
    const rows = await projectSupply(supply, now, addresses.treasury, addresses);
    const past = rows.filter((r) => r.timestamp <= now.timestamp);
    expect(
      past.map((r) => r.circulating),
      "months 0-3 read from the chain",
    ).to.deep.equal([100n * M, 100n * M, 100n * M, 100n * M]);
    const chart = withNow(rows, now);
    const point = chart.find((r) => r.timestamp === now.timestamp)!;
    expect(point.circulating, "the chart's point at now is the table's figure").to.equal(now.circulating);
    expect(point.lockedVesting, "vesting").to.equal(now.locked.vesting);
    for (const r of chart) {
      const layers =
        r.circulating + r.treasury + r.protocol + r.lockedVesting + r.lockedEmission + r.unminted + r.burned;
      expect(layers, `month ${r.month}: the layers make the cap`).to.equal(1_000n * M);
    }
  });
});
