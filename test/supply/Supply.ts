import { expect } from "chai";
import { network } from "hardhat";

import { qerunSupply } from "../../presets/qerun/supply.js";
import { qrySupply } from "../../presets/qry/supply.js";
import { quiverSupply } from "../../presets/quiver/supply.js";
import { accountNames, validateSupplyPreset, type SupplyPreset } from "../../modules/supply.js";
import { deploySupply } from "../../scripts/lib/deploy.js";
import { ROLES } from "../../lib/roles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const TOKEN = 10n ** 18n;
const M = 1_000_000n * TOKEN;
const YEAR = 31_536_000n;

/** Named accounts -> distinct signers (index 0 is the deployer, the manager's admin). */
async function accountsFor(preset: SupplyPreset) {
  const signers = await ethers.getSigners();
  return Object.fromEntries(accountNames(preset).map((name, i) => [name, signers[i + 1].address]));
}

async function deployPreset(preset: SupplyPreset) {
  const start = BigInt(await networkHelpers.time.latest()) + 100n;
  const accounts = await accountsFor(preset);
  const contracts = await deploySupply(connection, preset, { start, accounts });
  return { ...contracts, start, accounts };
}

describe("Supply presets", function () {
  describe("preset files", function () {
    it("add up: every allocation sums to the total supply, weights to 10,000", function () {
      for (const preset of [quiverSupply, qerunSupply, qrySupply]) validateSupplyPreset(preset);
      expect(quiverSupply.allocations.reduce((s, a) => s + a.amount, 0n)).to.equal(1_000_000_000n * TOKEN);
      expect(qerunSupply.allocations.reduce((s, a) => s + a.amount, 0n)).to.equal(100_000_000n * TOKEN);
      expect(qrySupply.allocations).to.have.length(0);
    });

    it("rejects a preset whose allocations do not add up", function () {
      const broken: SupplyPreset = { ...qerunSupply, totalSupply: qerunSupply.totalSupply + 1n };
      expect(() => validateSupplyPreset(broken)).to.throw(/allocations add up to/);
    });
  });

  describe("QUIVer (presets/quiver/supply.ts through deploy/modules/Supply.ts)", function () {
    const fixture = () => deployPreset(quiverSupply);

    it("mints 1B once and funds every allocation", async function () {
      const { token, vault, controller, pool, genesis, accounts } = await networkHelpers.loadFixture(fixture);
      expect(await token.totalSupply()).to.equal(1_000_000_000n * TOKEN);
      expect(await token.balanceOf(await controller.getAddress())).to.equal(350n * M);
      expect(await token.balanceOf(accounts.treasury)).to.equal(200n * M);
      expect(await token.balanceOf(accounts.liquidity)).to.equal(50n * M);
      expect(await token.balanceOf(await vault.getAddress())).to.equal(400n * M);
      expect(await vault.scheduleCount()).to.equal(4n);
      const team = await vault.schedule(0n);
      expect(team.beneficiary).to.equal(accounts.team);
      expect(team.cliffDuration).to.equal(YEAR);
      expect(team.duration).to.equal(4n * YEAR);
      expect(await genesis!.done()).to.equal(true);
      expect(pool).to.not.equal(undefined);
    });

    it("leaves nobody with the minter role", async function () {
      const { manager, token, genesis } = await networkHelpers.loadFixture(fixture);
      const [deployer] = await ethers.getSigners();
      const granted = await manager.queryFilter(manager.filters.RoleGranted(ROLES.MINTER));
      expect(granted.map((e) => e.args.account)).to.deep.equal([await genesis!.getAddress()]);
      for (const e of granted) expect((await manager.hasRole(ROLES.MINTER, e.args.account))[0]).to.equal(false);
      await expect(token.connect(deployer).mint(deployer.address, 1n))
        .to.be.revertedWithCustomError(token, "AccessManagedUnauthorized")
        .withArgs(deployer.address);
    });

    it("refuses a second genesis", async function () {
      const { genesis, token } = await networkHelpers.loadFixture(fixture);
      await expect(genesis!.run([], [])).to.be.revertedWithCustomError(genesis!, "GenesisAlreadyRun");
      expect(await token.totalMinted()).to.equal(1_000_000_000n * TOKEN);
    });

    it("emits 70M of provider rewards into the pool by the end of year 1", async function () {
      const { controller, pool, start } = await networkHelpers.loadFixture(fixture);
      await networkHelpers.time.setNextBlockTimestamp(start + YEAR);
      await expect(controller.release())
        .to.emit(controller, "Released")
        .withArgs(70n * M, 70n * M);
      expect(await pool!.totalUnclaimed()).to.equal(70n * M);
      expect(await controller.emittedAt(start + 13n * YEAR)).to.equal(350n * M);
    });

    it("wires the roles: revoke and setRecipients are governance-only, the distributor claims", async function () {
      const { manager, vault, controller, pool, accounts } = await networkHelpers.loadFixture(fixture);
      const revoke = vault.interface.getFunction("revoke").selector;
      const setRecipients = controller.interface.getFunction("setRecipients").selector;
      const notify = pool!.interface.getFunction("notifyRewardAmount").selector;
      expect(await manager.getTargetFunctionRole(await vault.getAddress(), revoke)).to.equal(ROLES.GOVERNOR);
      expect(await manager.getTargetFunctionRole(await controller.getAddress(), setRecipients)).to.equal(
        ROLES.GOVERNOR,
      );
      expect(await manager.getTargetFunctionRole(await pool!.getAddress(), notify)).to.equal(ROLES.REWARD_FUNDER);
      expect((await manager.hasRole(ROLES.REWARD_FUNDER, await controller.getAddress()))[0]).to.equal(true);
      expect((await manager.hasRole(ROLES.REWARD_CLAIMER, accounts.providerRewardsDistributor))[0]).to.equal(true);
    });
  });

  describe("Qerun (presets/qerun/supply.ts through deploy/modules/Supply.ts)", function () {
    const fixture = () => deployPreset(qerunSupply);

    it("mints the fixed 100M supply at launch, up to the cap, and streams liquidity incentives over 2 years", async function () {
      const { token, controller, vault, accounts, start } = await networkHelpers.loadFixture(fixture);
      expect(await token.totalSupply()).to.equal(100n * M);
      expect(await token.totalMinted()).to.equal(await token.cap());
      expect(await token.balanceOf(accounts.treasury)).to.equal(15n * M);
      expect(await token.balanceOf(await vault.getAddress())).to.equal(75n * M);
      expect(await vault.releasable(0n)).to.equal(0n);
      await networkHelpers.time.setNextBlockTimestamp(start + 2n * YEAR);
      await controller.release();
      expect(await token.balanceOf(accounts.liquidityIncentives)).to.equal(10n * M);
      // 10% of the 55M community allocation at launch, the rest over 4 years: half of 49.5M after 2 years.
      expect(await vault.vestedAmount(0n, start)).to.equal(5_500_000n * TOKEN);
      expect(await vault.vestedAmount(0n, start + 2n * YEAR)).to.equal(30_250_000n * TOKEN);
    });
  });

  describe("QRY (presets/qry/supply.ts through deploy/modules/Supply.ts)", function () {
    const fixture = () => deployPreset(qrySupply);

    it("mints nothing at launch and issues everything to the distribution engine", async function () {
      const { token, controller, manager, genesis, accounts, start } = await networkHelpers.loadFixture(fixture);
      expect(genesis).to.equal(undefined);
      expect(await token.totalSupply()).to.equal(0n);
      expect((await manager.hasRole(ROLES.MINTER, await controller.getAddress()))[0]).to.equal(true);
      // The first half-year's 62.5M all go to the engine, which splits them by the chain-maturity mix (issue 9).
      await networkHelpers.time.setNextBlockTimestamp(start + YEAR / 2n);
      await controller.release();
      expect(await token.totalSupply()).to.equal(62_500_000n * TOKEN);
      expect(await token.balanceOf(accounts.distributionEngine)).to.equal(62_500_000n * TOKEN);
      expect(await controller.weightsAt(start + YEAR)).to.deep.equal([10_000n]);
    });
  });
});
