import { expect } from "chai";
import { id, parseEther } from "ethers";
import { network } from "hardhat";

import { programsGovernedEntries } from "../../deploy/modules/Programs.js";
import { quiverMarket } from "../../presets/quiver/market.js";
import { quiverPrograms } from "../../presets/quiver/programs.js";
import { quiverSlashing } from "../../presets/quiver/slashing.js";
import { quiverStaking } from "../../presets/quiver/staking.js";
import { deployPrograms } from "../../scripts/lib/deploy.js";
import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const CAP = parseEther("1000000000");

describe("ProviderPrograms", function () {
  async function quiverFixture() {
    const [deployer, validators, infrastructure, treasury, consumer, provider] = await ethers.getSigners();
    const deployed = await deployPrograms(connection, {
      token: { name: "QUIVer", symbol: "QUIV", cap: CAP },
      staking: quiverStaking,
      market: quiverMarket,
      slashing: quiverSlashing,
      programs: quiverPrograms,
      recipients: {
        validators: validators.address,
        infrastructure: infrastructure.address,
        treasury: treasury.address,
      },
    });
    return { ...deployed, deployer, consumer, provider };
  }

  describe("deployment (Ignition module, QUIVer preset)", function () {
    it("starts every governed number at its preset value and registers its bounds", async function () {
      const { ratings, programs, registry } = await networkHelpers.loadFixture(quiverFixture);
      for (const { contract, key, entry } of programsGovernedEntries(quiverPrograms)) {
        const holder = contract === "ratings" ? ratings : programs;
        expect(await holder.parameter(key)).to.equal(entry.value);
        const bounds = await registry.parameterInfo(await holder.getAddress(), key);
        expect(bounds.min).to.equal(entry.min);
        expect(bounds.max).to.equal(entry.max);
      }
    });

    it("maps setParameter to the registry role", async function () {
      const { manager, ratings, programs } = await networkHelpers.loadFixture(quiverFixture);
      for (const c of [ratings, programs]) {
        expect(
          await manager.getTargetFunctionRole(await c.getAddress(), selector("setParameter(bytes32,uint256)")),
        ).to.equal(ROLES.PARAMETER_REGISTRY);
      }
    });

    it("binds the ratings into the metrics registry, whose bindRatings stays with the admin", async function () {
      const { metrics, ratings, manager } = await networkHelpers.loadFixture(quiverFixture);
      expect(await metrics.ratings()).to.equal(await ratings.getAddress());
      expect(
        await manager.getTargetFunctionRole(await metrics.getAddress(), selector("bindRatings(address)")),
      ).to.equal(ROLES.ADMIN);
      await expect(metrics.bindRatings(await ratings.getAddress()))
        .to.be.revertedWithCustomError(metrics, "RatingsAlreadyBound")
        .withArgs(await ratings.getAddress());
    });

    it("leaves 289 bps of earnings of headroom with QUIVer's rates", async function () {
      const { programs, ratings } = await networkHelpers.loadFixture(quiverFixture);
      // (2,000 protocol - 1,700 incentive pools - 10 feedback - 1) x 10,000 / (8,000 provider + 2,000 priority),
      // the pools' figure being max(200 cashback + 2 x 500 API share, 700 credit bonus) + 500 referral.
      expect(await programs.headroomBps()).to.equal(289n);
      expect(await ratings.effectiveFeedbackBps()).to.equal(10n);
    });
  });

  describe("rate", function () {
    it("refuses a rating without a settled payment", async function () {
      const { ratings, consumer, provider } = await networkHelpers.loadFixture(quiverFixture);
      const channel = { provider: provider.address, modelId: id("m"), priorityBps: 0n, batch: false, epoch: 0n };
      await expect(ratings.connect(consumer).rate(channel, 5n, id("review")))
        .to.be.revertedWithCustomError(ratings, "NoSettledPayment")
        .withArgs(consumer.address, provider.address, 0n, 0n);
    });
  });
});
