import { expect } from "chai";
import { id } from "ethers";
import { network } from "hardhat";

import { FACTORY_ARTIFACT, PAIR_ARTIFACT, ROUTER_ARTIFACT } from "../../deploy/modules/devnet/UniswapV2.js";
import { deployLendingDevnetExternals } from "../../scripts/lib/deploy.js";
import { boundDescription } from "../../scripts/lib/proposal.js";
import { deployPreset, devnetInputs, presetContracts, PRESETS } from "../../scripts/lib/presets.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const TOKEN = 10n ** 18n;
const M = 1_000_000n * TOKEN;
const DAY = 86_400n;
const WEEK = 7n * DAY;
const MAX_LOCK = 208n * WEEK;
const PERK = id("qerun.priorityAccess");
const LENDING_PERK = id("qerun.lending.reservedCeiling");
const USDC = 10n ** 6n;

/** The Qerun preset deployed through its Ignition module on a devnet, the community fund's launch unlock released. */
async function qerunFixture() {
  const externals = await deployLendingDevnetExternals(connection);
  const inputs = await devnetInputs(connection, PRESETS.qerun, externals.addresses);
  const c = await presetContracts(connection, await deployPreset(connection, PRESETS.qerun, inputs));
  const signers = await ethers.getSigners();
  const holder = signers.find((s) => s.address === inputs.accounts.communityFund)!;
  const funder = signers.find((s) => s.address === inputs.accounts.liquidityIncentives)!;
  const [bob, carol] = signers.slice(7, 9); // neither a guardian owner (1-5) nor a named account (10 on)
  if (BigInt(await networkHelpers.time.latest()) < inputs.start) await networkHelpers.time.increaseTo(inputs.start);
  await c.vestingVault.connect(holder).release(0n);
  return { c, externals, holder, funder, bob, carol };
}

describe("Locking in the Qerun preset (VoteLocker, AccessPerks, LiquidityIncentives, BuybackBurner)", function () {
  it("wires the lock module as governance's voting weight, with the preset's numbers", async function () {
    const { c } = await networkHelpers.loadFixture(qerunFixture);
    const locker = c.voteLocker!;
    expect(await c.votingPower.votingWeight(), "locked QER counts in governance").to.equal(await locker.getAddress());
    const cfg = await locker.config();
    expect([cfg.maxLockDuration, cfg.maxBoostBps, cfg.maxPenaltyBps], "4 years, 2x, 50%").to.deep.equal([
      MAX_LOCK,
      10_000n,
      5_000n,
    ]);
    expect(await c.accessPerks!.thresholdOf(PERK), "priority access at 10,000 QER").to.equal(10_000n * TOKEN);
    expect(await c.accessPerks!.maxThreshold(), "thresholds bounded at 1M QER").to.equal(M);
    const perk = await c.creditManager!.lockerPerk();
    expect(
      [perk.perks, perk.feature, perk.openCeilingBps, perk.minLockLeft],
      "lending reads the preset's perk registry; a reserved draw needs 52 more weeks of lock",
    ).to.deep.equal([await c.accessPerks!.getAddress(), LENDING_PERK, 8_000n, 52n * 604_800n]);
    expect(await c.accessPerks!.thresholdOf(LENDING_PERK), "10,000 QER in a running lock").to.equal(10_000n * TOKEN);
    expect(await c.creditManager!.openCeiling(), "80% of the 1M USDC ceiling open to all").to.equal(800_000n * USDC);
  });

  it("the reserve's unowned ETH funds a governed buyback that burns QER at the oracle bound; a manipulated pool reverts", async function () {
    const { c, externals, holder, bob } = await networkHelpers.loadFixture(qerunFixture);
    const locker = c.voteLocker!;
    const burner = c.buybackBurner!;
    const reserve = c.ethReserve!;
    const qerFeed = await ethers.getContractAt("MockAggregatorV3", externals.addresses.qerFeed);
    const ethFeed = await ethers.getContractAt("MockAggregatorV3", externals.addresses.ethFeed);
    const freshPrices = async () => {
      await qerFeed.setAnswer(2n * 10n ** 8n);
      await ethFeed.setAnswer(2_000n * 10n ** 8n);
    };
    // The holder's lock carries the vote (about 6M against the 4M quorum).
    await c.token.connect(holder).approve(locker, 3n * M);
    await locker.connect(holder).createLock(3n * M, MAX_LOCK);
    // A QER/WETH pool at the oracle price: 1,000,000 QER and 1,000 ETH (QER $2, ETH $2,000).
    const router = new ethers.Contract(externals.addresses.router, ROUTER_ARTIFACT.abi, holder);
    await c.token.connect(holder).approve(externals.addresses.router, M);
    const far = BigInt(await networkHelpers.time.latest()) + 400n * DAY;
    await router.getFunction("addLiquidityETH")(c.token, M, 0n, 0n, holder.address, far, { value: 1_000n * TOKEN });

    // Bob borrows 10,000 USDC against 20,000 QER: 5,000 USDC buys ETH, 90% of it is his position's, 10% the reserve's.
    await freshPrices();
    await externals.stable.mint(holder.address, 100_000n * USDC);
    await externals.stable.connect(holder).approve(c.stableVault!, 100_000n * USDC);
    await c.stableVault!.connect(holder).deposit(100_000n * USDC, holder.address);
    await c.token.connect(holder).transfer(bob.address, 20_000n * TOKEN);
    await c.token.connect(bob).approve(c.creditManager!, 20_000n * TOKEN);
    await c.creditManager!.connect(bob).addCollateral(bob.address, 20_000n * TOKEN);
    const tx = await c.creditManager!.connect(bob).borrow(10_000n * USDC, 0n, far);
    const borrowed = (await tx.wait())!.logs
      .map((l) => {
        try {
          return c.creditManager!.interface.parseLog(l);
        } catch {
          return null;
        }
      })
      .find((e) => e?.name === "Borrowed")!;
    const unowned = await reserve.unownedEth();
    expect(unowned, "the reserve keeps what it bought beyond the position's share").to.equal(
      borrowed.args.ethBought - borrowed.args.ethToPosition,
    );
    expect(unowned, "10% of the ETH bought").to.be.gt(0n);

    // One proposal: the reserve's unowned ETH goes to the burner, which buys QER back and burns it.
    const targets = [await reserve.getAddress(), await burner.getAddress()];
    const calldatas = [
      reserve.interface.encodeFunctionData("withdrawUnowned", [await burner.getAddress(), unowned]),
      burner.interface.encodeFunctionData("buyback", [unowned, far]),
    ];
    const description = boundDescription("Buy back and burn QER with the reserve's unowned ETH", holder.address);
    await c.token.connect(holder).approve(c.governor, await c.governor.depositDue());
    await c.governor.connect(holder).propose(targets, [0n, 0n], calldatas, description);
    const proposalId = await c.governor.getProposalId(targets, [0n, 0n], calldatas, id(description));
    await networkHelpers.time.increaseTo((await c.governor.proposalSnapshot(proposalId)) + 1n);
    await c.governor.connect(holder).castVote(proposalId, 1);
    await networkHelpers.time.increaseTo((await c.governor.proposalDeadline(proposalId)) + 1n);
    await c.governor.queue(targets, [0n, 0n], calldatas, id(description));
    await networkHelpers.time.increase(7n * DAY + 1n);
    await freshPrices();

    const pair = new ethers.Contract(await c.lpIncentives!.stakingToken(), PAIR_ARTIFACT.abi, holder);
    const [r0, r1] = (await pair.getFunction("getReserves")()) as [bigint, bigint];
    const qerIsToken0 = BigInt(await c.token.getAddress()) < BigInt(externals.addresses.weth);
    const [qerReserve, ethReserve] = qerIsToken0 ? [r0, r1] : [r1, r0];
    // Uniswap V2's constant product with its 0.3% fee.
    const expected = (unowned * 997n * qerReserve) / (ethReserve * 1_000n + unowned * 997n);
    const supplyBefore = await c.token.totalSupply();
    await c.governor.execute(targets, [0n, 0n], calldatas, id(description));
    expect(await burner.totalBurned(), "bought at the pool price").to.equal(expected);
    expect(supplyBefore - (await c.token.totalSupply()), "supply falls by exactly the burned amount").to.equal(
      expected,
    );
    expect(await burner.spentThisQuarter(), "counted against the quarter's cap").to.equal(unowned);
    expect(await reserve.unownedEth(), "the reserve's unowned ETH spent").to.equal(0n);

    // A sandwich front-runs with 200 ETH of QER: the pool now pays about 30% fewer QER per ETH than the oracle says,
    // past the 3% bound.
    await router.getFunction("swapExactETHForTokens")(
      0n,
      [externals.addresses.weth, await c.token.getAddress()],
      holder.address,
      far,
      { value: 200n * TOKEN },
    );
    await holder.sendTransaction({ to: await burner.getAddress(), value: TOKEN });
    const timelock = await c.normalTimelock.getAddress();
    await networkHelpers.impersonateAccount(timelock);
    await networkHelpers.setBalance(timelock, TOKEN);
    const governorSigner = await ethers.getSigner(timelock);
    const supplyAfter = await c.token.totalSupply();
    await expect(burner.connect(governorSigner).buyback(TOKEN, far)).to.be.revertedWith(
      "UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT",
    );
    expect(await c.token.totalSupply(), "nothing burned").to.equal(supplyAfter);
    expect(await burner.totalBurned(), "unchanged").to.equal(expected);
  });

  it("a holder locks, votes with the boosted weight on a real proposal that sets a perk and buys back QER", async function () {
    const { c, externals, holder, bob, carol } = await networkHelpers.loadFixture(qerunFixture);
    const locker = c.voteLocker!;
    const perks = c.accessPerks!;
    const burner = c.buybackBurner!;

    await c.token.connect(holder).approve(locker, 3n * M);
    await locker.connect(holder).createLock(3n * M, MAX_LOCK);
    const lockedAt = BigInt(await networkHelpers.time.latest());
    const end = (await locker.lockOf(holder.address)).end;
    expect(end, "end rounded down to a week boundary").to.equal(((lockedAt + MAX_LOCK) / WEEK) * WEEK);
    // 3M x (1 + (end - now) / 4 years): just under 6M, above the 4M quorum; the liquid 2.5M are not delegated.
    const boosted = 3n * M + (3n * M * (end - lockedAt)) / MAX_LOCK;
    expect(await c.votingPower.getVotes(holder.address), "boosted weight").to.equal(boosted);

    // Bob and Carol lock on either side of the threshold the proposal will set (20,000 QER).
    for (const [who, amount] of [
      [bob, 20_000n * TOKEN - 1n],
      [carol, 20_000n * TOKEN],
    ] as const) {
      await c.token.connect(holder).transfer(who.address, amount);
      await c.token.connect(who).approve(locker, amount);
      await locker.connect(who).createLock(amount, 52n * WEEK);
    }
    expect(await perks.hasAccess(bob.address, PERK), "bob over the launch threshold").to.equal(true);

    // ETH for the buyback, from anyone.
    await holder.sendTransaction({ to: await burner.getAddress(), value: TOKEN });
    // A QER/WETH pool: 100,000 QER and 50 ETH (2,000 QER per ETH); the oracles say 1,000 (QER $2, ETH $2,000).
    const router = new ethers.Contract(externals.addresses.router, ROUTER_ARTIFACT.abi, holder);
    await c.token.connect(holder).approve(externals.addresses.router, 100_000n * TOKEN);
    const deadline = BigInt(await networkHelpers.time.latest()) + 400n * DAY;
    await router.getFunction("addLiquidityETH")(c.token, 100_000n * TOKEN, 0n, 0n, holder.address, deadline, {
      value: 50n * TOKEN,
    });

    const targets = [await perks.getAddress(), await burner.getAddress()];
    const calldatas = [
      perks.interface.encodeFunctionData("setFeature", [PERK, 20_000n * TOKEN]),
      burner.interface.encodeFunctionData("buyback", [TOKEN, deadline]),
    ];
    const description = boundDescription(
      "Raise priority access to 20,000 QER; buy back and burn with 1 ETH",
      holder.address,
    );
    await c.token.connect(holder).approve(c.governor, await c.governor.depositDue());
    await c.governor.connect(holder).propose(targets, [0n, 0n], calldatas, description);
    const proposalId = await c.governor.getProposalId(targets, [0n, 0n], calldatas, id(description));
    const snapshot = await c.governor.proposalSnapshot(proposalId);
    await networkHelpers.time.increaseTo(snapshot + 1n);
    const expectedVotes = 3n * M + (3n * M * (end - snapshot)) / MAX_LOCK;
    expect(await c.governor.getVotes(holder.address, snapshot), "governor reads the locked weight").to.equal(
      expectedVotes,
    );
    await c.governor.connect(holder).castVote(proposalId, 1);
    await networkHelpers.time.increaseTo((await c.governor.proposalDeadline(proposalId)) + 1n);
    await c.governor.queue(targets, [0n, 0n], calldatas, id(description));
    await networkHelpers.time.increase(7n * DAY + 1n);
    // Fresh prices for the buyback (the devnet feeds are settable; the burner accepts prices up to 1 hour old).
    const qerFeed = await ethers.getContractAt("MockAggregatorV3", externals.addresses.qerFeed);
    const ethFeed = await ethers.getContractAt("MockAggregatorV3", externals.addresses.ethFeed);
    await qerFeed.setAnswer(2n * 10n ** 8n);
    await ethFeed.setAnswer(2_000n * 10n ** 8n);
    const supplyBefore = await c.token.totalSupply();
    const tx = await c.governor.execute(targets, [0n, 0n], calldatas, id(description));
    const receipt = await tx.wait();
    const event = receipt!.logs
      .map((l) => {
        try {
          return burner.interface.parseLog(l);
        } catch {
          return null;
        }
      })
      .find((e) => e?.name === "BoughtBack")!;
    const burned = event.args.burned as bigint;
    // Uniswap V2 on 100,000 QER / 50 ETH: 1e18 x 997 x 100,000e18 / (50e18 x 1,000 + 1e18 x 997).
    expect(burned, "bought at the pool price").to.equal(1_955_016_961_782_065_611_702n);
    expect(event.args.minOut, "oracle bound: 1,000 QER per ETH less 3%").to.equal(970n * TOKEN);
    expect(supplyBefore - (await c.token.totalSupply()), "supply falls by exactly the burned amount").to.equal(burned);

    expect(await perks.thresholdOf(PERK), "threshold set by the DAO").to.equal(20_000n * TOKEN);
    expect(await perks.hasAccess(carol.address, PERK), "granted at the threshold").to.equal(true);
    expect(await perks.hasAccess(bob.address, PERK), "refused one wei below").to.equal(false);
  });

  it("lockers earn the funded stream; an early exit pays its penalty to the remaining lockers", async function () {
    const { c, holder, funder, bob } = await networkHelpers.loadFixture(qerunFixture);
    const locker = c.voteLocker!;
    await c.token.connect(holder).approve(locker, 3n * M);
    await locker.connect(holder).createLock(M, MAX_LOCK);
    await c.token.connect(holder).transfer(bob.address, 10_000n * TOKEN);
    await c.token.connect(bob).approve(locker, 10_000n * TOKEN);
    await locker.connect(bob).createLock(10_000n * TOKEN, 52n * WEEK);

    await c.token.connect(holder).transfer(funder.address, 70_000n * TOKEN);
    await c.token.connect(funder).transfer(locker, 70_000n * TOKEN);
    await locker.connect(funder).notifyRewardAmount(70_000n * TOKEN);
    await networkHelpers.time.increase(8n * DAY); // the whole 7-day stream
    const earnedHolder = await locker.earned(holder.address);
    const earnedBob = await locker.earned(bob.address);
    expect(earnedHolder + earnedBob, "at most what was funded").to.be.lte(70_000n * TOKEN);
    expect(earnedHolder, "the long lock earns most").to.be.gt(earnedBob * 50n);
    const before = await c.token.balanceOf(holder.address);
    await locker.connect(holder).claim();
    expect((await c.token.balanceOf(holder.address)) - before, "claimed what was earned").to.equal(earnedHolder);

    const lock = await locker.lockOf(holder.address);
    const bobBefore = await locker.earned(bob.address);
    const balanceBefore = await c.token.balanceOf(holder.address);
    await locker.connect(holder).exitEarly();
    const exitAt = BigInt(await networkHelpers.time.latest());
    const returned = (await c.token.balanceOf(holder.address)) - balanceBefore;
    // 50% x time left / 4 years, rounded up against the leaver.
    const num = M * 5_000n * (lock.end - exitAt);
    const den = MAX_LOCK * 10_000n;
    const penalty = (num + den - 1n) / den;
    expect(returned, "amount less the penalty").to.equal(M - penalty);
    const bobGain = (await locker.earned(bob.address)) - bobBefore;
    expect(bobGain, "the penalty goes to the remaining locker (rounding dust stays)").to.be.lte(penalty);
    expect(bobGain, "all but dust").to.be.gte(penalty - 10n ** 6n);
    expect(await c.votingPower.getVotes(holder.address), "no locked weight after the exit").to.equal(0n);
  });

  it("an LP stakes the QER/WETH Uniswap V2 LP token and earns QER from the liquidity allocation", async function () {
    const { c, externals, holder, funder } = await networkHelpers.loadFixture(qerunFixture);
    const lpPool = c.lpIncentives!;
    const factory = new ethers.Contract(externals.addresses.factory, FACTORY_ARTIFACT.abi, holder);
    const pairAddress: string = await factory.getFunction("getPair")(c.token, externals.addresses.weth);
    expect(await lpPool.stakingToken(), "the preset's pair").to.equal(pairAddress);
    const router = new ethers.Contract(externals.addresses.router, ROUTER_ARTIFACT.abi, holder);
    await c.token.connect(holder).approve(externals.addresses.router, 100_000n * TOKEN);
    const deadline = BigInt(await networkHelpers.time.latest()) + DAY;
    await router.getFunction("addLiquidityETH")(c.token, 100_000n * TOKEN, 0n, 0n, holder.address, deadline, {
      value: 50n * TOKEN,
    });
    const pair = new ethers.Contract(pairAddress, PAIR_ARTIFACT.abi, holder);
    const lp: bigint = await pair.getFunction("balanceOf")(holder.address);
    await pair.getFunction("approve")(await lpPool.getAddress(), lp);
    await lpPool.connect(holder).stake(lp);

    await c.token.connect(holder).transfer(funder.address, 30_000n * TOKEN);
    await c.token.connect(funder).transfer(lpPool, 30_000n * TOKEN);
    await lpPool.connect(funder).notifyRewardAmount(30_000n * TOKEN);
    await networkHelpers.time.increase(31n * DAY);
    const earned = await lpPool.earned(holder.address);
    expect(earned, "the whole stream, less rounding dust").to.be.lte(30_000n * TOKEN);
    expect(earned, "all but dust").to.be.gte(30_000n * TOKEN - 10n ** 7n);
    const before = await c.token.balanceOf(holder.address);
    await lpPool.connect(holder).claim();
    expect((await c.token.balanceOf(holder.address)) - before, "QER paid").to.equal(earned);
  });
});
