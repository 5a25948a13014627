import { expect } from "chai";
import { id, parseEther } from "ethers";
import { network } from "hardhat";

import { courtEntries, slasherEntries } from "../../deploy/modules/Slashing.js";
import { quiverSlashing } from "../../presets/quiver/slashing.js";
import { quiverStaking } from "../../presets/quiver/staking.js";
import { deploySlashing } from "../../scripts/lib/deploy.js";
import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const CAP = parseEther("1000000000");
const DAY = 86_400n;
const MINOR = 0;
const MAJOR = 1;
const SEVERE = 2;

describe("Slashing (QUIVer preset, Ignition module)", function () {
  async function fixture() {
    const signers = await ethers.getSigners();
    const [deployer, governor, emergency, provider, delegator, consumer, funder] = signers;
    const validators = signers.slice(7, 11);
    const deployed = await deploySlashing(connection, {
      token: { name: "QUIVer", symbol: "QUIV", cap: CAP },
      staking: quiverStaking,
      slashing: quiverSlashing,
    });
    const { manager, token, staking, court } = deployed;
    await manager.grantRole(ROLES.MINTER, deployer.address, 0);
    await manager.grantRole(ROLES.GOVERNOR, governor.address, 0);
    await manager.grantRole(ROLES.EMERGENCY, emergency.address, 0);
    for (const account of [provider, delegator, consumer, funder, ...validators]) {
      await token.mint(account.address, parseEther("2000000"));
      await token.connect(account).approve(await staking.getAddress(), parseEther("2000000"));
      await token.connect(account).approve(await court.getAddress(), parseEther("2000000"));
    }
    await staking.connect(provider).registerProvider(parseEther("1000000"));
    await staking.connect(delegator).delegate(provider.address, parseEther("500000"));
    for (const v of validators) await court.connect(v).registerValidator();
    await court.connect(funder).fundRewards(parseEther("10000"));
    const source = await ethers.deployContract("MockChallengeSource");
    await court.setSource(await source.getAddress(), true);
    return { ...deployed, source, deployer, governor, emergency, provider, delegator, consumer, validators };
  }

  describe("deployment", function () {
    it("maps every privileged function to its role and grants the module's roles", async function () {
      const { manager, staking, slasher, court, metrics } = await networkHelpers.loadFixture(fixture);
      const role = async (target: { getAddress(): Promise<string> }, signature: string) =>
        manager.getTargetFunctionRole(await target.getAddress(), selector(signature));
      expect(await role(slasher, "slash(address,uint8,uint256,bytes32)")).to.equal(ROLES.SLASHING_COURT);
      expect(await role(slasher, "emergencySlash(address,uint8,uint256,bytes32)")).to.equal(ROLES.EMERGENCY);
      expect(await role(slasher, "liftBan(address)")).to.equal(ROLES.GOVERNOR);
      expect(await role(slasher, "setParameter(bytes32,uint256)")).to.equal(ROLES.PARAMETER_REGISTRY);
      expect(await role(court, "setParameter(bytes32,uint256)")).to.equal(ROLES.PARAMETER_REGISTRY);
      expect(await role(staking, "setBanned(address,bool)")).to.equal(ROLES.SLASHER);

      const holds = async (r: bigint, who: { getAddress(): Promise<string> }) =>
        (await manager.hasRole(r, await who.getAddress()))[0];
      expect(await holds(ROLES.SLASHER, slasher)).to.equal(true);
      expect(await holds(ROLES.ATTESTER, metrics)).to.equal(true);
      expect(await holds(ROLES.SLASHING_COURT, court)).to.equal(true);
      expect(await holds(ROLES.SLASHING_COURT, metrics)).to.equal(true);
      expect(await court.isSource(await metrics.getAddress())).to.equal(true);
      expect(await slasher.staking()).to.equal(await staking.getAddress());
      expect(await court.slasher()).to.equal(await slasher.getAddress());
    });

    it("registers every governed number with its preset value and hard bounds", async function () {
      const { registry, slasher, court } = await networkHelpers.loadFixture(fixture);
      const slasherKeys = slasherEntries(quiverSlashing);
      const courtKeys = courtEntries(quiverSlashing);
      expect(slasherKeys).to.have.length(7);
      expect(courtKeys).to.have.length(11);
      for (const [target, entries] of [
        [slasher, slasherKeys],
        [court, courtKeys],
      ] as const) {
        for (const { name, key, entry } of entries) {
          const info = await registry.parameterInfo(await target.getAddress(), key);
          expect(info.registered, name).to.equal(true);
          expect([info.min, info.max, info.minStep], name).to.deep.equal([entry.min, entry.max, entry.minStep]);
          expect(await target.parameter(key), name).to.equal(entry.value);
        }
      }
      expect(await slasher.parameter(id("slashing.severeMaxBps"))).to.equal(2_000n);
      expect(await court.parameter(id("slashing.votingPeriod"))).to.equal(3n * DAY);
    });

    it("lets governance move a number within 20% a quarter and the emergency path within the bounds", async function () {
      const { registry, court, slasher, governor, emergency } = await networkHelpers.loadFixture(fixture);
      const courtAddress = await court.getAddress();
      const key = id("slashing.votingPeriod");
      await registry.connect(governor).set(courtAddress, key, 3n * DAY + 12n * 3_600n);
      expect(await court.parameter(key)).to.equal(3n * DAY + 12n * 3_600n);
      // 20% is below the one-day minimum step: at most a day above the lowest value in effect (3 days) and a day
      // below the highest (3.5 days): between 2.5 and 4 days.
      await expect(registry.connect(governor).set(courtAddress, key, 4n * DAY + 1n))
        .to.be.revertedWithCustomError(registry, "ChangeTooLarge")
        .withArgs(4n * DAY + 1n, 2n * DAY + 12n * 3_600n, 4n * DAY);
      const severeMax = id("slashing.severeMaxBps");
      await registry.connect(emergency).setEmergency(await slasher.getAddress(), severeMax, 3_000n);
      expect((await slasher.classRange(SEVERE)).maxBps).to.equal(3_000n);
      await expect(registry.connect(emergency).setEmergency(await slasher.getAddress(), severeMax, 5_001n))
        .to.be.revertedWithCustomError(registry, "ValueOutOfBounds")
        .withArgs(5_001n, 1_000n, 5_000n);
    });
  });

  describe("a challenge through the court", function () {
    it("slashes the provider and its delegator, rewards the consumer and pays the validators who upheld", async function () {
      const { token, staking, court, source, provider, delegator, consumer, validators } =
        await networkHelpers.loadFixture(fixture);
      const subject = id("voucher-7");
      const deadline = BigInt(await networkHelpers.time.latest()) + 7n * DAY;
      await source.getFunction("setSubject")(subject, provider.address, consumer.address, parseEther("2000"), deadline);
      // Stake: 1,000 + 10% of 2,000 = 1,200.
      const before = await token.balanceOf(consumer.address);
      await court.connect(consumer).openChallenge(await source.getAddress(), subject, MAJOR, 1_000n);
      expect(before - (await token.balanceOf(consumer.address))).to.equal(parseEther("1200"));
      for (const v of validators.slice(0, 3)) await court.connect(v).vote(1n, true);
      await court.connect(validators[3]).vote(1n, false);

      await expect(court.decide(1n)).to.be.revertedWithCustomError(court, "VotingNotEnded");
      await networkHelpers.time.increase(3n * DAY);
      const supply = await token.totalSupply();
      await expect(court.decide(1n)).to.emit(court, "ChallengeDecided");

      // 10% of the 1,500,000 active pool: the provider keeps 900,000, the delegator 450,000; all burned.
      expect((await staking.positionOf(provider.address)).stake).to.equal(parseEther("900000"));
      expect((await staking.positionOf(delegator.address)).stake).to.equal(parseEther("450000"));
      expect(supply - (await token.totalSupply())).to.equal(parseEther("150000"));
      // Stake back plus 20%: 1,440.
      expect((await token.balanceOf(consumer.address)) - before).to.equal(parseEther("240"));
      // Fee 10% of 1,200 = 120, a third each.
      await expect(court.connect(validators[0]).claimValidatorFee(1n))
        .to.emit(court, "ValidatorFeeClaimed")
        .withArgs(1n, validators[0].address, parseEther("40"));
      await expect(court.connect(validators[3]).claimValidatorFee(1n))
        .to.be.revertedWithCustomError(court, "NothingToClaim")
        .withArgs(1n, validators[3].address);
    });
  });

  describe("the emergency path and bans", function () {
    it("slashes severe, bans, and lets governance lift the ban", async function () {
      const { staking, slasher, provider, delegator, emergency, governor } = await networkHelpers.loadFixture(fixture);
      const evidence = id("incident-report-1");
      await expect(slasher.connect(emergency).emergencySlash(provider.address, SEVERE, 2_000n, evidence))
        .to.emit(slasher, "InfractionSlashed")
        .withArgs(provider.address, evidence, SEVERE, 2_000n, 2_000n, parseEther("300000"), 0n, 0n, emergency.address);
      expect(await staking.isBanned(provider.address)).to.equal(true);
      expect(await staking.isActive(provider.address)).to.equal(false);
      await expect(staking.connect(delegator).delegate(provider.address, parseEther("1")))
        .to.be.revertedWithCustomError(staking, "ProviderBanned")
        .withArgs(provider.address);
      await expect(slasher.connect(emergency).emergencySlash(provider.address, MINOR, 100n, evidence))
        .to.be.revertedWithCustomError(slasher, "EvidenceAlreadyUsed")
        .withArgs(evidence);
      await expect(slasher.connect(governor).emergencySlash(provider.address, MINOR, 100n, id("other")))
        .to.be.revertedWithCustomError(slasher, "AccessManagedUnauthorized")
        .withArgs(governor.address);

      await slasher.connect(governor).liftBan(provider.address);
      expect(await staking.isActive(provider.address)).to.equal(true);
    });
  });
});
