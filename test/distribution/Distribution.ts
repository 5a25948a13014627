import { expect } from "chai";
import { network } from "hardhat";

import { qryDistribution } from "../../presets/qry/distribution.js";
import { deployQry } from "../../scripts/lib/deploy.js";
import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const QRY = 10n ** 18n;
const WAD = 10n ** 18n;
const DAY = 86_400n;
const EPOCH = 30n * DAY;
const YEAR = 31_536_000n;

describe("QRY distribution (deploy/modules/QryDistribution.ts, deployQry)", function () {
  async function deployFixture() {
    const [deployer, treasury, workers, staking, gateway, portal, challenger, reporter, governor, client, integrator] =
      await ethers.getSigners();
    const [provider1, provider2, validator] = (await ethers.getSigners()).slice(11, 14);
    const stakes = await ethers.deployContract("MockStakeReader");
    const start = BigInt(await networkHelpers.time.latest()) + 1_000n;
    const q = await deployQry(connection, {
      start,
      treasury: treasury.address,
      stakeReader: await stakes.getAddress(),
      workerProposals: workers.address,
      stakingRewards: staking.address,
    });
    // The deployer is the registrar (the module's default) and the manager's admin.
    await q.manager.grantRole(ROLES.DISTRIBUTION_GATEWAY, gateway.address, 0);
    await q.manager.grantRole(ROLES.DISTRIBUTION_PORTAL, portal.address, 0);
    await q.manager.grantRole(ROLES.DISTRIBUTION_CHALLENGER, challenger.address, 0);
    await q.manager.grantRole(ROLES.DISTRIBUTION_CONSENSUS_REPORTER, reporter.address, 0);
    await q.manager.grantRole(ROLES.GOVERNOR, governor.address, 0);
    await q.consensus.setValidator(validator.address, true);
    // Test only: the deployer mints the QRY the portal pays with (in production it buys it).
    await q.manager.grantRole(ROLES.MINTER, deployer.address, 0);
    // Every identity a square-root pool pays bonds the preset's 10,000 QRY: providers, the integrator and the portal.
    for (const p of [provider1, provider2, integrator, portal]) await stakes.setStake(p.address, true, 10_000n * QRY);
    // A sale names a registered integrator; it registers once, staked.
    await q.subscriptions.connect(integrator).registerIntegrator();
    return {
      ...q,
      stakes,
      start,
      deployer,
      workers,
      staking,
      gateway,
      portal,
      challenger,
      reporter,
      governor,
      client,
      integrator,
      provider1,
      provider2,
      validator,
    };
  }

  describe("deployment", function () {
    it("mints every token of issuance into the engine, which pays eight pools", async function () {
      const f = await networkHelpers.loadFixture(deployFixture);
      const engine = await f.engine.getAddress();
      const recipients = await f.controller.recipients();
      expect(recipients).to.have.length(1);
      expect(recipients[0].account).to.equal(engine);
      expect(recipients[0].startBps).to.equal(10_000n);
      expect((await f.manager.hasRole(ROLES.MINTER, await f.controller.getAddress()))[0]).to.equal(true);
      const pools = await f.engine.pools();
      expect(pools.map((p) => p.account)).to.deep.equal([
        await f.providerPool.getAddress(),
        await f.availability.getAddress(),
        await f.integratorPool.getAddress(),
        await f.portalPool.getAddress(),
        f.workers.address,
        f.staking.address,
        await f.consensus.getAddress(),
        await f.stabilization.getAddress(),
      ]);
      expect(pools.map((p) => p.kind)).to.deep.equal([0n, 0n, 0n, 0n, 2n, 2n, 0n, 2n]);
      expect(await f.engine.epochClock()).to.deep.equal([f.start, EPOCH]);
      expect(await f.subscriptions.pools()).to.deep.equal([
        await f.providerPool.getAddress(),
        await f.integratorPool.getAddress(),
        await f.portalPool.getAddress(),
      ]);
      // All three square-root pools are identity pools (own stake, locked through the claim window: issue 19), the
      // providers' included; epoch 0 asks a lock to its end (30 days) plus the 90-day claim window.
      for (const pool of [f.providerPool, f.integratorPool, f.portalPool]) {
        expect(await pool.lockedIdentity(), "identity pool").to.equal(true);
        expect(await pool.lockRequiredFor(0n), "day 120").to.equal(f.start + EPOCH + 90n * DAY);
      }
    });

    it("moves the weights from the early mix (month 6) to the mature mix (month 12)", async function () {
      const f = await networkHelpers.loadFixture(deployFixture);
      expect(await f.engine.weightsAt(f.start)).to.deep.equal([1_000n, 3_500n, 0n, 0n, 2_000n, 2_000n, 1_000n, 500n]);
      expect(await f.engine.weightsAt(f.start + YEAR / 2n)).to.deep.equal([
        1_000n,
        3_500n,
        0n,
        0n,
        2_000n,
        2_000n,
        1_000n,
        500n,
      ]);
      expect(await f.engine.weightsAt(f.start + (3n * YEAR) / 4n)).to.deep.equal([
        2_500n,
        2_250n,
        750n,
        750n,
        1_250n,
        1_500n,
        700n,
        300n,
      ]);
      expect(await f.engine.weightsAt(f.start + YEAR)).to.deep.equal([
        4_000n,
        1_000n,
        1_500n,
        1_500n,
        500n,
        1_000n,
        400n,
        100n,
      ]);
    });

    it("registers every governed number with the preset's bounds", async function () {
      const f = await networkHelpers.loadFixture(deployFixture);
      const engine = await f.engine.getAddress();
      const revenue = await f.parameters.parameterInfo(engine, await f.engine.REVENUE_TARGET());
      expect(revenue.registered).to.equal(true);
      expect(revenue.min).to.equal(10_000n * QRY);
      expect(revenue.max).to.equal(1_000_000_000n * QRY);
      expect(revenue.anchor).to.equal(1_000_000n * QRY);
      const multiplierMax = await f.parameters.parameterInfo(engine, await f.engine.MULTIPLIER_MAX());
      expect([multiplierMax.min, multiplierMax.max, multiplierMax.anchor]).to.deep.equal([WAD, 10n * WAD, 2n * WAD]);
      const availability = await f.availability.getAddress();
      const quota = await f.parameters.parameterInfo(availability, await f.availability.CHALLENGE_QUOTA());
      expect([quota.min, quota.max, quota.anchor]).to.deep.equal([10n, 1_000_000n, 1_000n]);
      const archive = await f.parameters.parameterInfo(availability, await f.availability.minStakeKey(2n));
      expect(archive.anchor).to.equal(200_000n * QRY);
      for (const pool of [f.providerPool, f.integratorPool, f.portalPool, f.availability, f.consensus]) {
        const window = await f.parameters.parameterInfo(await pool.getAddress(), await pool.CLAIM_WINDOW());
        expect(window.anchor).to.equal(90n * DAY);
      }
      const minPay = await f.parameters.parameterInfo(
        await f.subscriptions.getAddress(),
        await f.subscriptions.MIN_MONTHLY_PAY(),
      );
      expect(minPay.anchor).to.equal(qryDistribution.minMonthlyPay);
      const portalCap = await f.parameters.parameterInfo(
        await f.subscriptions.getAddress(),
        await f.subscriptions.PORTAL_MEASURE_CAP(),
      );
      expect(portalCap.anchor).to.equal(qryDistribution.portalMeasureCap);
      expect([portalCap.min, portalCap.max]).to.deep.equal([1_000n * QRY, 1_000_000n * QRY]);
    });

    it("maps every restricted function to its role", async function () {
      const f = await networkHelpers.loadFixture(deployFixture);
      const role = async (target: { getAddress(): Promise<string> }, signature: string) =>
        await f.manager.getTargetFunctionRole(await target.getAddress(), selector(signature));
      expect(await role(f.subscriptions, "subscribe(address,address,uint256,uint256)")).to.equal(
        ROLES.DISTRIBUTION_PORTAL,
      );
      expect(await role(f.subscriptions, "reportCalls(uint256,uint256,address,uint256)")).to.equal(
        ROLES.DISTRIBUTION_GATEWAY,
      );
      expect(await role(f.subscriptions, "collect()")).to.equal(ROLES.DISTRIBUTION_ENGINE);
      expect(await role(f.availability, "fundEpoch(uint256,uint256)")).to.equal(ROLES.DISTRIBUTION_ENGINE);
      expect(await role(f.availability, "recordChallenges(uint256,address,uint256,uint256)")).to.equal(
        ROLES.DISTRIBUTION_CHALLENGER,
      );
      expect(await role(f.consensus, "setValidator(address,bool)")).to.equal(ROLES.DISTRIBUTION_REGISTRAR);
      expect(await role(f.engine, "setMix(uint16[],uint16[],uint64,uint64)")).to.equal(ROLES.GOVERNOR);
      expect(await role(f.stabilization, "withdraw(address,uint256,bytes32)")).to.equal(ROLES.GOVERNOR);
      expect(await role(f.engine, "setParameter(bytes32,uint256)")).to.equal(ROLES.PARAMETER_REGISTRY);
      expect((await f.manager.hasRole(ROLES.DISTRIBUTION_ENGINE, await f.engine.getAddress()))[0]).to.equal(true);
      // The square-root pools take credits from the subscription manager alone, bound once: no role holds credit.
      const subscriptions = await f.subscriptions.getAddress();
      for (const pool of [f.providerPool, f.integratorPool, f.portalPool])
        expect(await pool.creditor(), "bound to the subscription manager").to.equal(subscriptions);
      expect((await f.manager.hasRole(ROLES.DISTRIBUTION_CREDITOR, subscriptions))[0], "no creditor role").to.equal(
        false,
      );
      await expect(f.providerPool.bindCreditor(await f.engine.getAddress()), "bound once")
        .to.be.revertedWithCustomError(f.providerPool, "CreditorAlreadyBound")
        .withArgs(subscriptions);
      expect(await f.manager.getRoleAdmin(ROLES.DISTRIBUTION_GATEWAY)).to.equal(ROLES.DISTRIBUTION_REGISTRAR);
    });
  });

  describe("an epoch", function () {
    /**
     * Epoch 0: a 100 QRY subscription, 100 and 400 calls (TRV 10,000 and 40,000 QRY: roots 1 : 2), a challenger
     * answered in full, blocks by one validator. At the epoch's end the controller has minted
     * 125M x 30 / 365 = 10,273,972.602739726027397260 QRY into the engine; with the 100 QRY of revenue the engine
     * splits 10,274,072.602739726027397260 by the early mix at 0.5x (usage far below target).
     */
    it("funds every pool from issuance and revenue, and pays the hand-computed shares", async function () {
      const f = await networkHelpers.loadFixture(deployFixture);
      await networkHelpers.time.increaseTo(f.start);
      await f.qry.mint(f.portal.address, 100n * QRY);
      await f.qry.connect(f.portal).approve(await f.subscriptions.getAddress(), 100n * QRY);
      await f.subscriptions.connect(f.portal).subscribe(f.client.address, f.integrator.address, 100n * QRY, 1n);
      await f.subscriptions.connect(f.gateway).reportCalls(0n, 1n, f.provider1.address, 100n);
      await f.subscriptions.connect(f.gateway).reportCalls(0n, 1n, f.provider2.address, 400n);
      await f.availability.connect(f.provider1).registerService(0n);
      await f.availability.connect(f.challenger).recordChallenges(0n, f.provider1.address, 1_000n, 1_000n);
      await f.consensus.connect(f.reporter).recordBlocks(0n, f.validator.address, 7_200n);

      await networkHelpers.time.setNextBlockTimestamp(f.start + EPOCH);
      await f.controller.release();
      expect(await f.qry.balanceOf(await f.engine.getAddress())).to.equal(10_273_972_602_739_726_027_397_260n);
      await expect(f.engine.closeEpoch())
        .to.emit(f.engine, "EpochClosed")
        .withArgs(0n, 10_274_072_602_739_726_027_397_260n, 100n * QRY, WAD / 2n, 100n * QRY, 1n, 0n);
      // The close records each pool's budget; anyone pays them, one call per pool.
      for (let index = 0n; index < 8n; index++) await f.engine.fund(index, 0n);

      // Workers and staking: 20% each at 0.5x; stabilization: 5% at 0.5x.
      expect(await f.qry.balanceOf(f.workers.address)).to.equal(1_027_407_260_273_972_602_739_726n);
      expect(await f.qry.balanceOf(f.staking.address)).to.equal(1_027_407_260_273_972_602_739_726n);
      expect(await f.qry.balanceOf(await f.stabilization.getAddress())).to.equal(256_851_815_068_493_150_684_931n);
      // Query fulfillment: 10% = 1,027,407.26...; half funded, half kept. Providers 1 : 2.
      expect(await f.engine.reserveOf(0n)).to.equal(513_703_630_136_986_301_369_863n);
      await expect(f.providerPool.connect(f.provider1).claim(0n))
        .to.emit(f.providerPool, "Claimed")
        .withArgs(0n, f.provider1.address, 171_234_543_378_995_433_789_954n);
      await f.providerPool.connect(f.provider2).claim(0n);
      expect(await f.qry.balanceOf(f.provider2.address)).to.equal(342_469_086_757_990_867_579_908n);
      // Proof of availability: 35% at 0.5x = 1,797,962.70...; 85% to the only provider (100% available), 15% to
      // the only challenger (quota met).
      await f.availability.connect(f.provider1).claimAvailability(0n);
      expect(await f.qry.balanceOf(f.provider1.address)).to.equal(
        171_234_543_378_995_433_789_954n + 1_528_268_299_657_534_246_575_342n,
      );
      await f.availability.connect(f.challenger).claimChallenges(0n);
      expect(await f.qry.balanceOf(f.challenger.address)).to.equal(269_694_405_821_917_808_219_178n);
      // Consensus: 10% at 0.5x to the only validator.
      await f.consensus.connect(f.validator).claim(0n);
      expect(await f.qry.balanceOf(f.validator.address)).to.equal(513_703_630_136_986_301_369_863n);
      // Integrators and portals weigh nothing in the early mix.
      await expect(f.integratorPool.connect(f.integrator).claim(0n))
        .to.be.revertedWithCustomError(f.integratorPool, "NothingToClaim")
        .withArgs(0n, f.integrator.address);
      // The engine holds exactly its reserves.
      expect(await f.qry.balanceOf(await f.engine.getAddress())).to.equal(await f.engine.held());
    });

    it("refuses a report for a closed epoch, an unknown subscription or from a non-gateway", async function () {
      const f = await networkHelpers.loadFixture(deployFixture);
      await networkHelpers.time.increaseTo(f.start);
      await f.qry.mint(f.portal.address, 300n * QRY);
      await f.qry.connect(f.portal).approve(await f.subscriptions.getAddress(), 300n * QRY);
      await f.subscriptions.connect(f.portal).subscribe(f.client.address, f.integrator.address, 100n * QRY, 3n);
      await expect(f.subscriptions.connect(f.gateway).reportCalls(0n, 2n, f.provider1.address, 1n))
        .to.be.revertedWithCustomError(f.subscriptions, "UnknownSubscription")
        .withArgs(2n);
      await expect(f.subscriptions.connect(f.client).reportCalls(0n, 1n, f.provider1.address, 1n))
        .to.be.revertedWithCustomError(f.subscriptions, "AccessManagedUnauthorized")
        .withArgs(f.client.address);
      await networkHelpers.time.increaseTo(f.start + EPOCH);
      await expect(f.subscriptions.connect(f.gateway).reportCalls(0n, 1n, f.provider1.address, 1n))
        .to.be.revertedWithCustomError(f.subscriptions, "EpochNotOpen")
        .withArgs(0n, 1n);
      expect(await f.providerPool.sumOfRoots(0n)).to.equal(0n);
    });
  });

  describe("governance", function () {
    it("moves a usage parameter within 20% a quarter through the registry", async function () {
      const f = await networkHelpers.loadFixture(deployFixture);
      const engine = await f.engine.getAddress();
      const key = await f.engine.MULTIPLIER_MIN();
      await f.parameters.connect(f.governor).set(engine, key, (WAD * 6n) / 10n);
      expect(await f.engine.parameter(key)).to.equal((WAD * 6n) / 10n);
      await expect(f.parameters.connect(f.governor).set(engine, key, (WAD * 7n) / 10n))
        .to.be.revertedWithCustomError(f.parameters, "ChangeTooLarge")
        .withArgs((WAD * 7n) / 10n, (WAD * 48n) / 100n, (WAD * 6n) / 10n); // 20% below 0.6, 20% above 0.5
      await expect(f.engine.connect(f.governor).setParameter(key, 0n))
        .to.be.revertedWithCustomError(f.engine, "AccessManagedUnauthorized")
        .withArgs(f.governor.address);
    });
  });
});
