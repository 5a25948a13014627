import { expect } from "chai";
import { id, parseEther } from "ethers";
import { network } from "hardhat";

import { governedEntries } from "../../deploy/modules/Staking.js";
import { qryStaking } from "../../presets/qry/staking.js";
import { quiverStaking } from "../../presets/quiver/staking.js";
import { deployStaking } from "../../scripts/lib/deploy.js";
import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const CAP = parseEther("1000000000");
const DAY = 86_400n;

describe("ProviderStaking", function () {
  async function quiverFixture() {
    const [deployer, governor, emergency, funder, provider, delegator] = await ethers.getSigners();
    const deployed = await deployStaking(connection, {
      token: { name: "QUIVer", symbol: "QUIV", cap: CAP },
      staking: quiverStaking,
    });
    const { manager, token, staking } = deployed;
    await manager.grantRole(ROLES.MINTER, deployer.address, 0);
    await manager.grantRole(ROLES.GOVERNOR, governor.address, 0);
    await manager.grantRole(ROLES.EMERGENCY, emergency.address, 0);
    await manager.grantRole(ROLES.REWARD_FUNDER, funder.address, 0);
    for (const account of [provider, delegator, funder]) {
      await token.mint(account.address, parseEther("2000000"));
      await token.connect(account).approve(await staking.getAddress(), parseEther("2000000"));
    }
    return { ...deployed, deployer, governor, emergency, funder, provider, delegator };
  }

  async function qryFixture() {
    const [deployer, provider, locked, unlocked, funder] = await ethers.getSigners();
    const deployed = await deployStaking(connection, {
      token: { name: "QRY", symbol: "QRY", cap: CAP },
      staking: qryStaking,
    });
    const { manager, token, staking } = deployed;
    await manager.grantRole(ROLES.MINTER, deployer.address, 0);
    await manager.grantRole(ROLES.REWARD_FUNDER, funder.address, 0);
    for (const account of [provider, locked, unlocked, funder]) {
      await token.mint(account.address, parseEther("1000000"));
      await token.connect(account).approve(await staking.getAddress(), parseEther("1000000"));
    }
    return { ...deployed, provider, locked, unlocked, funder };
  }

  describe("deployment (Ignition module, QUIVer preset)", function () {
    it("maps every privileged function to its role", async function () {
      const { manager, staking } = await networkHelpers.loadFixture(quiverFixture);
      const target = await staking.getAddress();
      const role = (signature: string) => manager.getTargetFunctionRole(target, selector(signature));
      expect(await role("notifyRewardAmount(uint256)")).to.equal(ROLES.REWARD_FUNDER);
      expect(await role("setPerformance(address,uint256,uint256)")).to.equal(ROLES.ATTESTER);
      expect(await role("slash(address,uint256,bytes32)")).to.equal(ROLES.SLASHER);
      expect(await role("setBanned(address,bool)")).to.equal(ROLES.SLASHER);
      expect(await role("setParameter(bytes32,uint256)")).to.equal(ROLES.PARAMETER_REGISTRY);
    });

    it("registers every governed number with its preset value and hard bounds", async function () {
      const { registry, staking } = await networkHelpers.loadFixture(quiverFixture);
      const entries = governedEntries(quiverStaking);
      expect(entries).to.have.length(20);
      for (const { name, key, entry } of entries) {
        const info = await registry.parameterInfo(await staking.getAddress(), key);
        expect(info.registered, name).to.equal(true);
        expect([info.min, info.max, info.minStep], name).to.deep.equal([entry.min, entry.max, entry.minStep]);
        expect(await staking.parameter(key), name).to.equal(entry.value);
      }
      expect(await staking.parameter(id("staking.minSelfStake"))).to.equal(parseEther("10000"));
      expect(await staking.parameter(id("staking.unbondingPeriod"))).to.equal(21n * DAY);
    });

    it("deploys the vote checkpoints and the reputation stake, written and slashed only by staking", async function () {
      const { staking, votes, reputation } = await networkHelpers.loadFixture(quiverFixture);
      expect(await votes.staking()).to.equal(await staking.getAddress());
      expect(await reputation.staking()).to.equal(await staking.getAddress());
      expect(await votes.CLOCK_MODE()).to.equal("mode=timestamp");
    });
  });

  describe("governance through the ParameterRegistry", function () {
    it("moves the unbonding period within 20% a quarter and refuses more", async function () {
      const { registry, staking, governor } = await networkHelpers.loadFixture(quiverFixture);
      const key = id("staking.unbondingPeriod");
      const target = await staking.getAddress();
      // 21 days x 1.2 = 25.2 days is the most a normal change may set this quarter.
      await registry.connect(governor).set(target, key, 25n * DAY);
      expect(await staking.parameter(key)).to.equal(25n * DAY);
      await expect(registry.connect(governor).set(target, key, 26n * DAY))
        .to.be.revertedWithCustomError(registry, "ChangeTooLarge")
        .withArgs(26n * DAY, (25n * DAY * 8n) / 10n, (21n * DAY * 12n) / 10n); // 20% below 25 days, above 21
      expect(await staking.parameter(key)).to.equal(25n * DAY);
    });

    it("lets the emergency path skip the rate limit but never the bounds", async function () {
      const { registry, staking, emergency } = await networkHelpers.loadFixture(quiverFixture);
      const key = id("staking.platinumMaxSlashBps");
      const target = await staking.getAddress();
      await registry.connect(emergency).setEmergency(target, key, 5_000n);
      expect(await staking.parameter(key)).to.equal(5_000n);
      await expect(registry.connect(emergency).setEmergency(target, key, 5_001n))
        .to.be.revertedWithCustomError(registry, "ValueOutOfBounds")
        .withArgs(5_001n, 100n, 5_000n);
    });

    it("refuses a direct setParameter from anyone but the registry", async function () {
      const { staking, governor } = await networkHelpers.loadFixture(quiverFixture);
      await expect(staking.connect(governor).setParameter(id("staking.unbondingPeriod"), DAY))
        .to.be.revertedWithCustomError(staking, "AccessManagedUnauthorized")
        .withArgs(governor.address);
    });
  });

  describe("a provider, a delegator and a year of rewards", function () {
    it("pays the 70/25/5 split, unbonds and withdraws at the exact second", async function () {
      const { token, staking, votes, funder, provider, delegator } = await networkHelpers.loadFixture(quiverFixture);
      await staking.connect(provider).registerProvider(parseEther("750000"));
      await staking.connect(delegator).delegate(provider.address, parseEther("250000"));
      const tier = await staking.tierOf(provider.address);
      expect(tier.tier).to.equal(3n, "750,000 is Gold");
      expect(tier.feeDiscountBps).to.equal(2_000n);

      // 1,000,000 staked: a 1,000,000 QUIV budget is far above 12%, so one year pays exactly 120,000.
      await token.connect(funder).transfer(await staking.getAddress(), parseEther("1000000"));
      await staking.connect(funder).notifyRewardAmount(parseEther("1000000"));
      const start = BigInt(await networkHelpers.time.latest());
      await networkHelpers.time.setNextBlockTimestamp(start + 365n * DAY);
      await expect(staking.connect(provider).claimRewards())
        .to.emit(staking, "RewardsClaimed")
        .withArgs(provider.address, parseEther("90000"));
      // The next block is one second later: 1,000,000 x 12% / 31,536,000 per second, 25% of it to the delegator.
      const delegatorPaid =
        parseEther("30000") + (parseEther("1000000") * 1_200n * 2_500n) / (10_000n * 31_536_000n * 10_000n);
      await expect(staking.connect(delegator).claimRewards())
        .to.emit(staking, "RewardsClaimed")
        .withArgs(delegator.address, delegatorPaid);

      expect(await votes.getVotes(delegator.address)).to.equal(parseEther("375000"), "250,000 x 1.5");

      await staking.connect(delegator).unbond(parseEther("250000"));
      const unlockAt = (await staking.unbondingRequest(delegator.address, 0n)).unlockAt;
      await networkHelpers.time.setNextBlockTimestamp(unlockAt - 1n);
      await expect(staking.connect(delegator).withdraw(0n))
        .to.be.revertedWithCustomError(staking, "UnbondingNotFinished")
        .withArgs(delegator.address, 0n, unlockAt);
      await networkHelpers.time.setNextBlockTimestamp(unlockAt);
      await expect(staking.connect(delegator).withdraw(0n)).to.changeTokenBalances(
        ethers,
        token,
        [delegator, staking],
        [parseEther("250000"), -parseEther("250000")],
      );
      expect(await token.balanceOf(await staking.getAddress())).to.equal(await staking.totalOwed());
    });
  });

  describe("QRY preset: maturity pools", function () {
    it("weights a one-year lock 2x in rewards and pays delegators only", async function () {
      const { token, staking, votes, provider, locked, unlocked, funder } =
        await networkHelpers.loadFixture(qryFixture);
      await staking.connect(provider).registerProvider(parseEther("1000"));
      await staking.connect(locked).delegate(provider.address, parseEther("100000"));
      await staking.connect(unlocked).delegate(provider.address, parseEther("100000"));
      await staking.connect(locked).lock(365n * DAY);
      expect((await staking.positionOf(locked.address)).rewardWeightBps).to.equal(20_000n);

      // 3,000 QRY over the 30-day epoch; after 10 days both have earned in the ratio 2 : 1.
      await token.connect(funder).transfer(await staking.getAddress(), parseEther("3000"));
      await staking.connect(funder).notifyRewardAmount(parseEther("3000"));
      await networkHelpers.time.increase(10n * DAY);
      const lockedPending = await staking.pendingRewards(locked.address);
      const unlockedPending = await staking.pendingRewards(unlocked.address);
      // Each pending amount is floored (weight x accumulator); twice the unlocked one's rounding loss can put the
      // two up to 2 wei apart, and no more.
      expect(lockedPending).to.be.closeTo(unlockedPending * 2n, 2n);
      expect(await staking.pendingRewards(provider.address)).to.equal(0n, "QRY pays delegators only");
      expect(await votes.getVotes(locked.address)).to.equal(parseEther("100000"), "1 vote per staked QRY");
    });
  });
});
