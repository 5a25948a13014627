import { expect } from "chai";
import { parseEther } from "ethers";
import { network } from "hardhat";

import { qryStaking } from "../../presets/qry/staking.js";
import { deployStaking } from "../../scripts/lib/deploy.js";
import { ROLES } from "../../lib/roles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

/** The QRY distribution reads real provider staking through StakingStakeReader. */
describe("StakingStakeReader", function () {
  async function fixture() {
    const [deployer, slasher, provider, delegator, stranger] = await ethers.getSigners();
    const deployed = await deployStaking(connection, {
      token: { name: "QRY", symbol: "QRY", cap: parseEther("1000000000") },
      staking: qryStaking,
    });
    const { manager, token, staking } = deployed;
    await manager.grantRole(ROLES.MINTER, deployer.address, 0);
    await manager.grantRole(ROLES.SLASHER, slasher.address, 0);
    for (const account of [provider, delegator]) {
      await token.mint(account.address, parseEther("100000"));
      await token.connect(account).approve(await staking.getAddress(), parseEther("100000"));
    }
    const reader = await ethers.deployContract("StakingStakeReader", [await staking.getAddress()]);
    return { ...deployed, reader, slasher, provider, delegator, stranger };
  }

  it("reports a provider's self-stake plus its delegations as bonded, and the totals", async function () {
    const { staking, reader, provider, delegator, stranger } = await networkHelpers.loadFixture(fixture);
    await staking.connect(provider).registerProvider(parseEther("5000"));
    await staking.connect(delegator).delegate(provider.address, parseEther("3000"));

    expect(await reader.isActive(provider.address)).to.equal(true);
    expect(await reader.bondedStake(provider.address)).to.equal(parseEther("8000"));
    expect(await reader.isActive(stranger.address)).to.equal(false);
    expect(await reader.bondedStake(stranger.address)).to.equal(0n);
    // Both at once (what a pool's stake check reads): 5,000 own + 3,000 delegated.
    expect(await reader.stakeOf(provider.address)).to.deep.equal([true, parseEther("8000")]);
    expect(await reader.stakeOf(stranger.address)).to.deep.equal([false, 0n]);
    expect(await reader.totalStakes()).to.deep.equal([parseEther("8000"), 0n]);
    expect(await reader.staking()).to.equal(await staking.getAddress());
  });

  it("leaves unbonding stake out of the bonded figure", async function () {
    const { staking, reader, provider, delegator } = await networkHelpers.loadFixture(fixture);
    await staking.connect(provider).registerProvider(parseEther("5000"));
    await staking.connect(delegator).delegate(provider.address, parseEther("3000"));
    await staking.connect(delegator).unbond(parseEther("1000"));

    expect(await reader.bondedStake(provider.address)).to.equal(parseEther("7000"));
    expect(await reader.stakeOf(provider.address)).to.deep.equal([true, parseEther("7000")]);
    expect(await reader.totalStakes()).to.deep.equal([parseEther("7000"), parseEther("1000")]);
  });

  it("follows a slash: 5% off a 10,000 pool leaves 9,500 bonded", async function () {
    const { staking, reader, slasher, provider, delegator } = await networkHelpers.loadFixture(fixture);
    await staking.connect(provider).registerProvider(parseEther("6000"));
    await staking.connect(delegator).delegate(provider.address, parseEther("4000"));
    await staking.connect(slasher).slash(provider.address, 500n, ethers.id("evidence"));

    expect(await reader.bondedStake(provider.address)).to.equal(parseEther("9500"));
    expect((await reader.stakeOf(provider.address))[1]).to.equal(parseEther("9500"));
  });

  it("integrates the bonded stake over time: 5,000 for 100 s, then 8,000 for 50 s and 7,000 since", async function () {
    const { staking, reader, provider, delegator } = await networkHelpers.loadFixture(fixture);
    await staking.connect(provider).registerProvider(parseEther("5000"));
    const [before, t0] = await reader.stakeSeconds();
    await networkHelpers.time.setNextBlockTimestamp(t0 + 100n);
    await staking.connect(delegator).delegate(provider.address, parseEther("3000"));
    await networkHelpers.time.setNextBlockTimestamp(t0 + 150n);
    await staking.connect(delegator).unbond(parseEther("1000"));

    const [cumulative, updatedAt, bonded] = await reader.stakeSeconds();
    expect(updatedAt).to.equal(t0 + 150n);
    expect(bonded).to.equal(parseEther("7000"));
    // 5,000 x 100 + 8,000 x 50 = 900,000 QRY-seconds since the registration.
    expect(cumulative - before).to.equal(parseEther("900000"));
  });

  it("gives an identity's own stake and its lock end, which neither leaves nor shortens while locked", async function () {
    const { staking, reader, provider, delegator, stranger } = await networkHelpers.loadFixture(fixture);
    await staking.connect(provider).registerProvider(parseEther("10000"));
    await staking.connect(delegator).delegate(provider.address, parseEther("3000"));
    // Unlocked: 10,000 own (the 3,000 delegated do not count), no lock.
    expect(await reader.identityStakeOf(provider.address)).to.deep.equal([true, parseEther("10000"), 0n]);
    const DAY = 86_400n;
    await staking.connect(provider).lock(120n * DAY);
    const lockEnd = BigInt(await networkHelpers.time.latest()) + 120n * DAY;
    expect(await reader.identityStakeOf(provider.address)).to.deep.equal([true, parseEther("10000"), lockEnd]);
    // The pools check the lock once per epoch and rely on this: the stake cannot leave, the lock cannot shorten.
    await expect(staking.connect(provider).unbond(parseEther("1")))
      .to.be.revertedWithCustomError(staking, "StakeLocked")
      .withArgs(provider.address, lockEnd);
    await expect(staking.connect(provider).lock(DAY)).to.be.revertedWithCustomError(staking, "LockShortened");
    // A delegator is no identity (inactive, no own stake); nor is a stranger.
    expect(await reader.identityStakeOf(delegator.address)).to.deep.equal([false, 0n, 0n]);
    expect(await reader.identityStakeOf(stranger.address)).to.deep.equal([false, 0n, 0n]);
    // Past the lock the stake may leave, and the identity shows what is left: 10,000 - 4,000 = 6,000.
    await networkHelpers.time.increaseTo(lockEnd);
    await staking.connect(provider).unbond(parseEther("4000"));
    expect((await reader.identityStakeOf(provider.address))[1]).to.equal(parseEther("6000"));
  });

  it("refuses an address without code", async function () {
    const { stranger } = await networkHelpers.loadFixture(fixture);
    const factory = await ethers.getContractFactory("StakingStakeReader");
    await expect(factory.deploy(stranger.address))
      .to.be.revertedWithCustomError(factory, "NotAContract")
      .withArgs(stranger.address);
  });
});
