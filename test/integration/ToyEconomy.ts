import { expect } from "chai";
import { id } from "ethers";
import { network } from "hardhat";

import ToyModule from "../../deploy/modules/presets/Toy.js";
import { ROLES } from "../../lib/roles.js";
import { PRESETS } from "../../presets/index.js";
import { TOY } from "../../presets/toy/index.js";
import { SYSTEMS } from "../../presets/types/preset.js";
import { devnetInputs, ignitionConfig, presetContracts, presetParameters } from "../../scripts/lib/presets.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const TOKEN = 10n ** 18n;
const M = 1_000_000n * TOKEN;
const YEAR = 31_536_000n;

/** The toy economy deployed through its entry module (deploy/modules/presets/Toy.ts), as a deploy script would. */
async function toyFixture() {
  const [deployer] = await ethers.getSigners();
  const inputs = await devnetInputs(connection, TOY);
  const deployed = await connection.ignition.deploy(ToyModule, {
    parameters: presetParameters(TOY, inputs),
    config: await ignitionConfig(connection),
  });
  const addresses: Record<string, string> = {};
  for (const [name, contract] of Object.entries(deployed)) addresses[name] = await contract.getAddress();
  return { deployer, inputs, c: await presetContracts(connection, addresses) };
}

describe("A fifth economy as data (presets/toy/ + deploy/modules/presets/Toy.ts)", function () {
  it("is one preset folder and one entry module: the kit's four systems do not list it", function () {
    expect(TOY.system).to.equal("toy");
    expect([...SYSTEMS], "SYSTEMS").to.not.include("toy");
    expect(Object.keys(PRESETS), "PRESETS").to.deep.equal(["quiver", "qerun", "qry", "qutoken"]);
    expect(ToyModule.id, "the entry module's id is the system's").to.equal("Toy");
  });

  it("deploys token + supply + staking + governance with its numbers readable on-chain", async function () {
    const { c, inputs } = await networkHelpers.loadFixture(toyFixture);
    expect([await c.token.name(), await c.token.symbol()]).to.deep.equal(["Toy", "TOY"]);
    expect(await c.token.cap(), "cap: 100M").to.equal(100n * M);
    expect(await c.token.totalSupply(), "the whole cap minted at genesis").to.equal(100n * M);
    expect(await c.token.balanceOf(c.treasury), "40M in governance's Treasury").to.equal(40n * M);
    expect(await c.token.balanceOf(c.vestingVault), "10M team vesting").to.equal(10n * M);
    expect(await c.token.balanceOf(c.controller), "50M held for emission").to.equal(50n * M);
    const team = await c.vestingVault.schedule(0n);
    expect([team.beneficiary, team.cliffDuration, team.duration], "team: 6-month cliff, 2 years").to.deep.equal([
      inputs.accounts.team,
      YEAR / 2n,
      2n * YEAR,
    ]);

    const staking = c.staking!;
    expect(await staking.parameter(id("staking.minSelfStake")), "provider minimum 100 TOY").to.equal(100n * TOKEN);
    const bounds = await c.registry.parameterInfo(await staking.getAddress(), id("staking.minSelfStake"));
    expect([bounds.min, bounds.max], "registered with the preset's bounds: 10 to 10,000 TOY").to.deep.equal([
      10n * TOKEN,
      10_000n * TOKEN,
    ]);
    const recipients = await c.controller.recipients();
    expect(
      recipients.map((r) => [r.account, r.startBps, r.notify]),
      "all emission to the staking contract, notified (the binding stakingRewards -> staking)",
    ).to.deep.equal([[await staking.getAddress(), 10_000n, true]]);
    expect(await c.votingPower.votingWeight(), "voting power reads staking's votes").to.equal(await staking.votes());
    expect(await c.governor.proposalDeposit(), "deposit 1,000 TOY").to.equal(1_000n * TOKEN);
  });

  it("pays year 1's emission (10M) into staking, and leaves the deployer nothing", async function () {
    const { c, deployer, inputs } = await networkHelpers.loadFixture(toyFixture);
    const staking = c.staking!;
    expect(await c.token.balanceOf(staking), "nothing before the start").to.equal(0n);
    // The release lands exactly one year after the start (one second later would add 10M / YEAR wei).
    await networkHelpers.time.setNextBlockTimestamp(inputs.start + YEAR);
    await c.controller.release(); // anyone may call it; the controller holds REWARD_FUNDER on staking
    // 10M a year for 5 years: one year after the start, exactly the first row of the table.
    expect(await c.token.balanceOf(staking), "year 1: 10M notified to staking").to.equal(10n * M);
    expect(await c.token.balanceOf(c.controller), "40M left for years 2-5").to.equal(40n * M);
    const [isAdmin] = await c.manager.hasRole(ROLES.ADMIN, deployer.address);
    expect(isAdmin, "the deployer renounced the admin role").to.equal(false);
    const [timelockAdmin] = await c.manager.hasRole(ROLES.ADMIN, await c.normalTimelock.getAddress());
    expect(timelockAdmin, "the normal timelock administers the AccessManager").to.equal(true);
  });
});
