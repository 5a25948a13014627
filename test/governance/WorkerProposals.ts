import { expect } from "chai";
import { network } from "hardhat";
import { type Contract, type Interface, ZeroAddress, id } from "ethers";

import { qryGovernance, qryWorkerProposals } from "../../presets/qry/governance.js";
import { classId, deployWorkerProposals } from "../../scripts/lib/deploy.js";
import { boundDescription } from "../../scripts/lib/proposal.js";
import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const QRY = 10n ** 18n;
const DAY = 86_400;

describe("WorkerProposals (QRY preset, deployed through the Ignition modules)", function () {
  /** 10,000,000 QRY: deployer 9,000,000; worker pool 500,000; staker 500,000. Quorum 400,000. */
  async function fixture() {
    const signers = await ethers.getSigners();
    const [deployer] = signers;
    const owners = signers.slice(1, 10);
    const [staker, outsider, worker] = signers.slice(10, 13);
    const staking = await ethers.deployContract("MockVotingWeight", [ZeroAddress]);
    const system = await deployWorkerProposals(connection, {
      token: { name: "QRY", symbol: "QRY", cap: 1_000_000_000n * QRY },
      preset: qryGovernance,
      workerProposals: qryWorkerProposals,
      guardianOwners: owners.map((o) => o.address),
      votingWeight: await staking.getAddress(),
      handOver: false,
    });
    const { manager, token, governor, workerPool } = system;
    await staking.getFunction("setToken")(await token.getAddress());
    await manager.grantRole(ROLES.MINTER, deployer.address, 0);
    await token.mint(deployer.address, 9_000_000n * QRY);
    await token.mint(await workerPool.getAddress(), 500_000n * QRY);
    await token.mint(staker.address, 500_000n * QRY);
    await manager.revokeRole(ROLES.MINTER, deployer.address);
    await manager.renounceRole(ROLES.ADMIN, deployer.address);
    for (const who of [staker, outsider]) {
      await token.transfer(who.address, 20_000n * QRY);
      await token.connect(who).approve(await governor.getAddress(), 2n ** 256n - 1n);
    }
    return { ...system, staking, staker, outsider, worker };
  }

  const grant = (pool: { target: unknown; interface: Interface }, to: string) => ({
    targets: [pool.target as string],
    values: [0n],
    calldatas: [pool.interface.encodeFunctionData("createGrant", [to, 120_000n * QRY, 365 * DAY])],
    description: "Worker proposal: indexer maintenance for a year",
  });

  it("restricts grants to the normal timelock and classifies them as worker proposals", async function () {
    const { manager, classifier, workerPool } = await networkHelpers.loadFixture(fixture);
    const pool = await workerPool.getAddress();
    const create = selector("createGrant(address,uint256,uint256)");
    expect(await manager.getTargetFunctionRole(pool, create)).to.equal(ROLES.GOVERNOR);
    expect(await classifier.classOf(pool, create)).to.equal(BigInt(classId(qryGovernance, "worker")));
    const workerClass = await classifier.proposalClass(classId(qryGovernance, "worker"));
    expect([workerClass.thresholdBps, workerClass.minProposerWeight]).to.deep.equal([5_000n, 10_000n * QRY]);
  });

  it("refuses a grant proposal from an account without the minimum stake", async function () {
    const { governor, workerPool, outsider, worker, token } = await networkHelpers.loadFixture(fixture);
    const p = grant(workerPool, worker.address);
    p.description = boundDescription(p.description, outsider.address);
    await expect(governor.connect(outsider).propose(p.targets, p.values, p.calldatas, p.description))
      .to.be.revertedWithCustomError(governor, "ProposerStakeTooLow")
      .withArgs(outsider.address, 0n, 10_000n * QRY);
    expect(await token.balanceOf(outsider.address)).to.equal(20_000n * QRY);
  });

  it("lets a staker propose a grant that passes, streams and can be claimed by the worker", async function () {
    const { governor, workerPool, staking, staker, worker, token } = await networkHelpers.loadFixture(fixture);
    // 450,000 staked without lock: 675,000 votes, also well above the 10,000 minimum to propose.
    await token.connect(staker).approve(await staking.getAddress(), 450_000n * QRY);
    await (staking.connect(staker) as Contract).getFunction("stake")(450_000n * QRY, 0);
    await networkHelpers.mine();

    const p = grant(workerPool, worker.address);
    p.description = boundDescription(p.description, staker.address);
    await governor.connect(staker).propose(p.targets, p.values, p.calldatas, p.description);
    const proposalId = await governor.getProposalId(p.targets, p.values, p.calldatas, id(p.description));
    // The deposit, and the 1-wei reserve the governor's first proposal ever leaves it for good.
    expect(await token.balanceOf(await governor.getAddress())).to.equal(10_000n * QRY + 1n);
    await networkHelpers.time.increaseTo((await governor.proposalSnapshot(proposalId)) + 1n);
    await governor.connect(staker).castVote(proposalId, 1);
    expect((await governor.proposalVotes(proposalId)).forVotes).to.equal(675_000n * QRY);
    await networkHelpers.time.increaseTo((await governor.proposalDeadline(proposalId)) + 1n);
    await governor.queue(p.targets, p.values, p.calldatas, id(p.description));
    await networkHelpers.time.increase(7 * DAY);
    await expect(governor.execute(p.targets, p.values, p.calldatas, id(p.description))).to.emit(
      workerPool,
      "GrantCreated",
    );
    expect(await workerPool.committed()).to.equal(120_000n * QRY);
    expect(await workerPool.available()).to.equal(380_000n * QRY);

    await networkHelpers.time.increase(91.25 * DAY - 1); // a quarter of the stream (the claim adds a second)
    await workerPool.claim(1);
    expect(await token.balanceOf(worker.address)).to.equal(30_000n * QRY);
  });
});
