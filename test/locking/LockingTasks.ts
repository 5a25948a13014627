import { expect } from "chai";
import { Contract } from "ethers";
import { network } from "hardhat";

import { PAIR_ARTIFACT, ROUTER_ARTIFACT } from "../../deploy/modules/devnet/UniswapV2.js";
import { deployLendingDevnetExternals } from "../../scripts/lib/deploy.js";
import claimLockRewards from "../../tasks/claim-lock-rewards.js";
import extendLock from "../../tasks/extend-lock.js";
import { contextFor } from "../../tasks/lib.js";
import lock from "../../tasks/lock.js";
import lpStake from "../../tasks/lp-stake.js";
import unlock from "../../tasks/unlock.js";
import { deployedEntry, failure } from "../utils/tasks.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const TOKEN = 10n ** 18n;
const DAY = 86_400n;
const WEEK = 7n * DAY;

/** Qerun deployed in-process; the community fund's launch unlock released; a user holds 100,000 QER. */
async function qerunFixture() {
  const externals = await deployLendingDevnetExternals(connection);
  const entry = await deployedEntry(connection, "qerun", externals.addresses);
  const inputs = entry.inputs;
  const signers = await ethers.getSigners();
  const user = signers[9];
  const fund = await ethers.getSigner(inputs.accounts.communityFund);
  const t = await contextFor(connection, "qerun", entry, "9");
  if (BigInt(await networkHelpers.time.latest()) < inputs.start) await networkHelpers.time.increaseTo(inputs.start);
  await (await t.c.vestingVault.connect(fund).release(0n)).wait();
  await (await t.c.token.connect(fund).transfer(user.address, 100_000n * TOKEN)).wait();
  return { entry, externals, inputs, user, fund, t };
}

describe("Lock tasks (lock, extend-lock, unlock, claim-lock-rewards, lp-stake) on the Qerun preset", function () {
  this.timeout(300_000);
  const args = { preset: "qerun", from: "9" };

  it("lock opens a lock, tops it up, refuses bad weeks in one line; extend-lock moves the end", async function () {
    const { t } = await networkHelpers.loadFixture(qerunFixture);
    const locker = t.c.voteLocker!;
    expect(await failure(lock.run({ ...args, amount: "20000" }, t))).to.equal(
      "--weeks is required for a new lock (1 to 208)",
    );
    expect(await failure(lock.run({ ...args, amount: "20000", weeks: "209" }, t))).to.equal(
      "--weeks must be from 1 to 208, got 209",
    );
    expect(await locker.lockOf(t.me).then((l) => l.amount), "nothing locked").to.equal(0n);
    const out = await lock.run({ ...args, amount: "20000", weeks: "52" }, t);
    expect(out).to.match(/^Locked 20000\.0 QER: lock 20000\.0 QER until \d{4}-\d\d-\d\dT00:00:00\.000Z, votes [\d.]+$/);
    const end = (await locker.lockOf(t.me)).end;
    expect(end % WEEK, "week boundary").to.equal(0n);
    expect(await failure(lock.run({ ...args, amount: "1000", weeks: "4" }, t))).to.equal(
      "--weeks only opens a new lock: use extend-lock to lengthen the running one",
    );
    expect(await lock.run({ ...args, amount: "1000" }, t)).to.match(/^Added 1000\.0 QER: lock 21000\.0 QER until /);
    expect((await locker.lockOf(t.me)).end, "same end").to.equal(end);
    expect(await failure(extendLock.run({ ...args, weeks: "0" }, t))).to.equal("--weeks must be from 1 to 208, got 0");
    expect(await extendLock.run({ ...args, weeks: "104" }, t)).to.match(/^Lock extended to \d{4}-/);
    expect((await locker.lockOf(t.me)).end, "later").to.be.gt(end);
  });

  it("claim-lock-rewards pays the stream; unlock --early pays the penalty; unlock withdraws an ended lock", async function () {
    const { t, inputs, fund } = await networkHelpers.loadFixture(qerunFixture);
    const locker = t.c.voteLocker!;
    await lock.run({ ...args, amount: "30000", weeks: "208" }, t);
    const funder = await ethers.getSigner(inputs.accounts.liquidityIncentives);
    await (await t.c.token.connect(fund).transfer(funder.address, 7_000n * TOKEN)).wait();
    await (await t.c.token.connect(funder).transfer(locker, 7_000n * TOKEN)).wait();
    await (await locker.connect(funder).notifyRewardAmount(7_000n * TOKEN)).wait();
    await networkHelpers.time.increase(8n * DAY);
    const earned = await locker.earned(t.me);
    const out = await claimLockRewards.run(args, t);
    expect(out).to.equal(`Claimed ${ethers.formatEther(earned)} QER of lock rewards`);
    // The only locker: the whole stream less rounding dust.
    expect(earned, "the stream")
      .to.be.lte(7_000n * TOKEN)
      .and.gte(7_000n * TOKEN - 10n ** 12n);

    const before = await t.c.token.balanceOf(t.me);
    const exit = await unlock.run({ ...args, early: true }, t);
    const returned = (await t.c.token.balanceOf(t.me)) - before;
    expect(exit).to.equal(
      `Exited early: ${ethers.formatEther(returned)} QER returned, ${ethers.formatEther(30_000n * TOKEN - returned)} QER penalty to the remaining lockers`,
    );
    expect(returned, "less than locked").to.be.lt(30_000n * TOKEN);

    await lock.run({ ...args, amount: "5000", weeks: "2" }, t);
    await networkHelpers.time.increase(3n * WEEK);
    expect(await unlock.run({ ...args, early: false }, t)).to.equal("Withdrew 5000.0 QER");
  });

  it("lp-stake stakes the QER/WETH LP tokens; without LP tokens it fails before sending", async function () {
    const { t, externals, user } = await networkHelpers.loadFixture(qerunFixture);
    const pool = t.c.lpIncentives!;
    const nonce = await ethers.provider.getTransactionCount(t.me);
    expect(await failure(lpStake.run({ ...args, amount: "1" }, t))).to.equal(
      `${t.me} holds 0.0 UNI-V2, 1.0 UNI-V2 needed`,
    );
    expect(await ethers.provider.getTransactionCount(t.me), "nothing sent").to.equal(nonce);
    const router = new Contract(externals.addresses.router, ROUTER_ARTIFACT.abi, user);
    await (await t.c.token.connect(user).approve(externals.addresses.router, 10_000n * TOKEN)).wait();
    const deadline = BigInt(await networkHelpers.time.latest()) + DAY;
    await (
      await router.getFunction("addLiquidityETH")(t.c.token, 10_000n * TOKEN, 0n, 0n, user.address, deadline, {
        value: 10n * TOKEN,
      })
    ).wait();
    const pair = new Contract(await pool.stakingToken(), PAIR_ARTIFACT.abi, user);
    const lp: bigint = await pair.getFunction("balanceOf")(user.address);
    expect(await lpStake.run({ ...args, amount: ethers.formatEther(lp) }, t)).to.equal(
      `Staked ${ethers.formatEther(lp)} LP tokens: ${ethers.formatEther(lp)} staked, earning QER`,
    );
    expect(await pool.balanceOf(user.address), "staked").to.equal(lp);
  });
});
