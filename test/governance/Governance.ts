import { expect } from "chai";
import { network } from "hardhat";
import { concat, type Contract, type Signer, ZeroAddress, id } from "ethers";

import {
  GOVERNANCE_KEYS,
  MANAGER_ROLE_SELECTORS,
  PAUSE_SELECTORS,
  TIMELOCK_ROLE_SELECTORS,
  TIMELOCK_ROLES,
} from "../../deploy/modules/Governance.js";
import { quiverGovernance } from "../../presets/quiver/governance.js";
import { classId, deployGovernance } from "../../scripts/lib/deploy.js";
import { boundDescription } from "../../scripts/lib/proposal.js";
import { ROLES } from "../../lib/roles.js";
import { selector } from "../../lib/selectors.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const QUIV = 10n ** 18n;
const DAY = 86_400;
const FOR = 1;
const AGAINST = 0;
const TOKEN = { name: "QUIVer", symbol: "QUIV", cap: 1_000_000_000n * QUIV };

const SAFE_TX_TYPES = {
  SafeTx: [
    { name: "to", type: "address" },
    { name: "value", type: "uint256" },
    { name: "data", type: "bytes" },
    { name: "operation", type: "uint8" },
    { name: "safeTxGas", type: "uint256" },
    { name: "baseGas", type: "uint256" },
    { name: "gasPrice", type: "uint256" },
    { name: "gasToken", type: "address" },
    { name: "refundReceiver", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
};

/** A Safe transaction signed (EIP-712) by `signers`, signatures sorted by owner address, sent by `signers[0]`. */
async function safeExec(safe: Contract, signers: Signer[], to: string, data: string) {
  const { chainId } = await ethers.provider.getNetwork();
  const tx = {
    to,
    value: 0n,
    data,
    operation: 0,
    safeTxGas: 0n,
    baseGas: 0n,
    gasPrice: 0n,
    gasToken: ZeroAddress,
    refundReceiver: ZeroAddress,
    nonce: await safe.nonce(),
  };
  const domain = { chainId, verifyingContract: await safe.getAddress() };
  const signed = await Promise.all(
    signers.map(async (s) => ({
      owner: BigInt(await s.getAddress()),
      signature: await s.signTypedData(domain, SAFE_TX_TYPES, tx),
    })),
  );
  signed.sort((a, b) => (a.owner < b.owner ? -1 : 1));
  const signatures = concat(signed.map((s) => s.signature));
  return (safe.connect(signers[0]) as Contract).getFunction("execTransaction")(
    to,
    0n,
    data,
    0,
    0n,
    0n,
    0n,
    ZeroAddress,
    ZeroAddress,
    signatures,
  );
}

describe("Governance (QUIVer preset, deployed through the Ignition modules)", function () {
  /** The preset deployed and handed over exactly as a real deploy does it. */
  async function handedOverFixture() {
    const signers = await ethers.getSigners();
    const owners = signers.slice(1, 10);
    const system = await deployGovernance(connection, {
      token: TOKEN,
      preset: quiverGovernance,
      guardianOwners: owners.map((o) => o.address),
    });
    return { ...system, deployer: signers[0], owners };
  }

  /**
   * The preset with a stand-in staking module, a 10,000,000 QUIV supply (quorum 400,000), then handed over:
   * treasury 5,000,000; deployer ("bank") 4,000,000; proposer 1,000,000 (approved for deposits).
   */
  async function systemFixture() {
    const signers = await ethers.getSigners();
    const [deployer] = signers;
    const owners = signers.slice(1, 10);
    const [alice, bob, carol, proposer, attacker] = signers.slice(10, 15);
    const staking = await ethers.deployContract("MockVotingWeight", [ZeroAddress]);
    const system = await deployGovernance(connection, {
      token: TOKEN,
      preset: quiverGovernance,
      guardianOwners: owners.map((o) => o.address),
      votingWeight: await staking.getAddress(),
      handOver: false,
    });
    const { manager, token, treasury, governor } = system;
    await staking.getFunction("setToken")(await token.getAddress());
    await manager.grantRole(ROLES.MINTER, deployer.address, 0);
    await token.mint(await treasury.getAddress(), 5_000_000n * QUIV);
    await token.mint(deployer.address, 4_000_000n * QUIV);
    await token.mint(proposer.address, 1_000_000n * QUIV);
    await manager.revokeRole(ROLES.MINTER, deployer.address);
    await manager.renounceRole(ROLES.ADMIN, deployer.address); // what GovernanceHandover does
    await token.connect(proposer).approve(await governor.getAddress(), 2n ** 256n - 1n);
    return { ...system, staking, deployer, owners, alice, bob, carol, proposer, attacker };
  }

  type System = Awaited<ReturnType<typeof systemFixture>>;

  async function giveVotes(s: System, voter: Signer, amount: bigint) {
    await s.token.transfer(await voter.getAddress(), amount);
    await s.token.connect(voter).delegate(await voter.getAddress());
  }

  async function stake(s: System, voter: Signer, amount: bigint, lock: number) {
    await s.token.transfer(await voter.getAddress(), amount);
    await s.token.connect(voter).approve(await s.staking.getAddress(), amount);
    await (s.staking.connect(voter) as Contract).getFunction("stake")(amount, lock);
  }

  interface Proposal {
    targets: string[];
    values: bigint[];
    calldatas: string[];
    description: string;
  }

  /** Proposes as `who`, binding `p.description` to `who` first (in place, for queue and execute). */
  async function propose(s: System, p: Proposal, who: Signer = s.proposer) {
    p.description = boundDescription(p.description, await who.getAddress());
    await s.governor.connect(who).propose(p.targets, p.values, p.calldatas, p.description);
    return s.governor.getProposalId(p.targets, p.values, p.calldatas, id(p.description));
  }

  async function decide(s: System, p: Proposal, votes: [Signer, number][]) {
    const proposalId = await propose(s, p);
    await networkHelpers.time.increaseTo((await s.governor.proposalSnapshot(proposalId)) + 1n);
    for (const [voter, support] of votes) await s.governor.connect(voter).castVote(proposalId, support);
    await networkHelpers.time.increaseTo((await s.governor.proposalDeadline(proposalId)) + 1n);
    return proposalId;
  }

  async function queueAndExecute(s: System, p: Proposal, delay: number) {
    await s.governor.queue(p.targets, p.values, p.calldatas, id(p.description));
    await networkHelpers.time.increase(delay);
    return s.governor.execute(p.targets, p.values, p.calldatas, id(p.description));
  }

  const one = (target: string, data: string, description: string): Proposal => ({
    targets: [target],
    values: [0n],
    calldatas: [data],
    description,
  });

  describe("deployment", function () {
    it("hands every power to the timelocks and the guardian, and the deployer keeps none", async function () {
      const { manager, normalTimelock, emergencyTimelock, safe, governor, deployer } =
        await networkHelpers.loadFixture(handedOverFixture);
      const normal = await normalTimelock.getAddress();
      const emergency = await emergencyTimelock.getAddress();
      const guardian = await safe.getAddress();
      expect((await manager.hasRole(ROLES.ADMIN, normal))[0]).to.equal(true);
      expect((await manager.hasRole(ROLES.GOVERNOR, normal))[0]).to.equal(true);
      expect((await manager.hasRole(ROLES.EMERGENCY, emergency))[0]).to.equal(true);
      expect((await manager.hasRole(ROLES.GUARDIAN, guardian))[0]).to.equal(true);
      expect((await manager.hasRole(ROLES.ADMIN, deployer.address))[0]).to.equal(false);
      expect((await manager.hasRole(ROLES.EMERGENCY, normal))[0]).to.equal(false);
      expect((await manager.hasRole(ROLES.GOVERNOR, emergency))[0]).to.equal(false);
      for (const timelock of [normalTimelock, emergencyTimelock]) {
        const self = await timelock.getAddress();
        for (const role of [TIMELOCK_ROLES.PROPOSER, TIMELOCK_ROLES.EXECUTOR, TIMELOCK_ROLES.CANCELLER]) {
          expect(await timelock.hasRole(role, await governor.getAddress())).to.equal(true);
        }
        expect(await timelock.hasRole(TIMELOCK_ROLES.DEFAULT_ADMIN, deployer.address)).to.equal(false);
        // The normal timelock administers both; the emergency timelock administers nothing, itself included.
        expect(await timelock.hasRole(TIMELOCK_ROLES.DEFAULT_ADMIN, normal)).to.equal(true);
        expect(await timelock.hasRole(TIMELOCK_ROLES.DEFAULT_ADMIN, emergency)).to.equal(false);
        expect(self === normal || self === emergency).to.equal(true);
      }
      expect(await normalTimelock.getMinDelay()).to.equal(7n * 86_400n);
      expect(await emergencyTimelock.getMinDelay()).to.equal(2n * 86_400n);
      // No timelock accepts a delay above the governor's for its route.
      const ceiling = (t: unknown) => (t as Contract).getFunction("MAX_DELAY")();
      expect(await ceiling(await ethers.getContractAt("ProtocolTimelock", normal))).to.equal(
        await governor.timelockDelay(false),
      );
      expect(await ceiling(await ethers.getContractAt("ProtocolTimelock", emergency))).to.equal(
        await governor.timelockDelay(true),
      );
    });

    it("maps functions to roles and calls to the preset's classes", async function () {
      const { manager, classifier, treasury, registry, governor, normalTimelock } =
        await networkHelpers.loadFixture(handedOverFixture);
      const t = await treasury.getAddress();
      const r = await registry.getAddress();
      const transfer = selector("transfer(address,address,uint256)");
      expect(await manager.getTargetFunctionRole(t, transfer)).to.equal(ROLES.GOVERNOR);
      expect(await manager.getTargetFunctionRole(t, PAUSE_SELECTORS.pause)).to.equal(ROLES.GUARDIAN);
      expect(await manager.getTargetFunctionRole(t, PAUSE_SELECTORS.confirmPause)).to.equal(ROLES.EMERGENCY);
      expect(await manager.getTargetFunctionRole(t, PAUSE_SELECTORS.unpause)).to.equal(ROLES.GOVERNOR);

      const cls = (name: Parameters<typeof classId>[1]) => BigInt(classId(quiverGovernance, name));
      expect(await classifier.classOf(t, transfer)).to.equal(cls("treasury"));
      expect(await classifier.classOf(r, selector("set(address,bytes32,uint256)"))).to.equal(cls("economic"));
      expect(await classifier.classOf(r, selector("setEmergency(address,bytes32,uint256)"))).to.equal(
        cls("emergencyParameter"),
      );
      expect(await classifier.classOf(t, PAUSE_SELECTORS.confirmPause)).to.equal(cls("emergency"));
      expect(await classifier.classOf(t, PAUSE_SELECTORS.unpause)).to.equal(cls("technical"));
      for (const target of [manager, governor, normalTimelock, classifier]) {
        expect(await classifier.classOf(await target.getAddress(), "0x12345678")).to.equal(cls("access"));
      }
      // Every role and delay change is mapped by selector, not only through its target's class.
      const explicit = [
        [manager, MANAGER_ROLE_SELECTORS],
        [normalTimelock, TIMELOCK_ROLE_SELECTORS],
      ] as const;
      for (const [target, selectors] of explicit) {
        const filter = classifier.filters.SelectorClassSet(await target.getAddress());
        const mapped = new Map(
          (await classifier.queryFilter(filter)).map((e) => [e.args.selector as string, e.args.classId as bigint]),
        );
        for (const sel of selectors) expect(mapped.get(sel), sel).to.equal(cls("access"));
      }
      const thresholds = [];
      for (let i = 0n; i < (await classifier.classCount()); i++) {
        thresholds.push((await classifier.proposalClass(i)).thresholdBps);
      }
      expect(thresholds).to.deep.equal([5_000n, 5_500n, 6_000n, 8_000n, 7_500n, 8_000n]);
    });

    it("registers the governed numbers with the preset's bounds", async function () {
      const { registry, governor, treasury } = await networkHelpers.loadFixture(handedOverFixture);
      const deposit = await registry.parameterInfo(await governor.getAddress(), GOVERNANCE_KEYS.PROPOSAL_DEPOSIT);
      expect([deposit.min, deposit.max, deposit.anchor]).to.deep.equal([
        10_000n * QUIV,
        1_000_000n * QUIV,
        100_000n * QUIV,
      ]);
      const pause = await registry.parameterInfo(await treasury.getAddress(), GOVERNANCE_KEYS.PAUSE_DURATION);
      expect([pause.min, pause.max, pause.anchor]).to.deep.equal([24n * 86_400n, 90n * 86_400n, 30n * 86_400n]);
      expect(await governor.votingDelay()).to.equal(7n * 86_400n);
      expect(await governor.votingPeriod()).to.equal(14n * 86_400n);
      expect(await governor.proposalDeposit()).to.equal(100_000n * QUIV);
    });

    it("sets up the guardian as a 5-of-9 Safe", async function () {
      const { safe, owners } = await networkHelpers.loadFixture(handedOverFixture);
      expect(await safe.getThreshold()).to.equal(5n);
      expect(await safe.getOwners()).to.deep.equal(owners.map((o) => o.address));
    });
  });

  describe("lifecycle", function () {
    it("spends from the treasury with liquid, staked and locked votes, then returns the deposit", async function () {
      const s = await networkHelpers.loadFixture(systemFixture);
      const { governor, token, treasury, alice, bob, carol, proposer } = s;
      await giveVotes(s, alice, 100_000n * QUIV);
      await stake(s, alice, 200_000n * QUIV, 0); // x1.5 = 300,000
      await giveVotes(s, bob, 50_000n * QUIV);
      await stake(s, bob, 100_000n * QUIV, 365 * DAY); // x2 = 200,000
      await stake(s, carol, 80_000n * QUIV, 182.5 * DAY); // x1.75 = 140,000
      await networkHelpers.mine();

      const p = one(
        await treasury.getAddress(),
        treasury.interface.encodeFunctionData("transfer", [await token.getAddress(), carol.address, 250_000n * QUIV]),
        "Treasury: 250,000 QUIV to carol",
      );
      const proposalId = await propose(s, p);
      expect(await token.balanceOf(proposer.address)).to.equal(900_000n * QUIV - 1n); // and 1 wei: the governor's reserve (its first proposal)
      expect((await governor.proposalTerms(proposalId)).thresholdBps).to.equal(5_000n);

      await networkHelpers.time.increaseTo((await governor.proposalSnapshot(proposalId)) + 1n);
      await expect(governor.connect(alice).castVote(proposalId, FOR))
        .to.emit(governor, "VoteCast")
        .withArgs(alice.address, proposalId, FOR, 400_000n * QUIV, "");
      await governor.connect(bob).castVote(proposalId, AGAINST);
      await governor.connect(carol).castVote(proposalId, FOR);
      const votes = await governor.proposalVotes(proposalId);
      expect([votes.forVotes, votes.againstVotes]).to.deep.equal([540_000n * QUIV, 250_000n * QUIV]);

      await networkHelpers.time.increaseTo((await governor.proposalDeadline(proposalId)) + 1n);
      expect(await governor.state(proposalId)).to.equal(4n); // Succeeded
      await governor.queue(p.targets, p.values, p.calldatas, id(p.description));
      await networkHelpers.time.increase(7 * DAY - 2);
      await expect(governor.execute(p.targets, p.values, p.calldatas, id(p.description))).to.be.revertedWithCustomError(
        s.normalTimelock,
        "TimelockUnexpectedOperationState",
      );
      await networkHelpers.time.increase(2);
      await governor.execute(p.targets, p.values, p.calldatas, id(p.description));
      expect(await token.balanceOf(carol.address)).to.equal(250_000n * QUIV);
      expect(await token.balanceOf(await treasury.getAddress())).to.equal(4_750_000n * QUIV);

      await expect(governor.settleDeposit(proposalId))
        .to.emit(governor, "DepositRefunded")
        .withArgs(proposalId, proposer.address, 100_000n * QUIV);
      expect(await token.balanceOf(proposer.address)).to.equal(1_000_000n * QUIV - 1n); // all back but the reserve
    });

    it("moves a parameter 20% in a quarter, not one wei more, and further only through the emergency path", async function () {
      const s = await networkHelpers.loadFixture(systemFixture);
      const { governor, registry, alice } = s;
      await giveVotes(s, alice, 1_000_000n * QUIV);
      const set = (value: bigint, description: string) =>
        one(
          s.registry.target as string,
          registry.interface.encodeFunctionData("set", [
            s.governor.target as string,
            GOVERNANCE_KEYS.PROPOSAL_DEPOSIT,
            value,
          ]),
          description,
        );
      const up = set(120_000n * QUIV, "deposit +20%");
      await decide(s, up, [[alice, FOR]]);
      await queueAndExecute(s, up, 7 * DAY);
      expect(await governor.proposalDeposit()).to.equal(120_000n * QUIV);

      const more = set(120_000n * QUIV + 1n, "deposit +20% and one wei");
      await decide(s, more, [[alice, FOR]]);
      await expect(queueAndExecute(s, more, 7 * DAY))
        .to.be.revertedWithCustomError(registry, "ChangeTooLarge")
        .withArgs(120_000n * QUIV + 1n, 96_000n * QUIV, 120_000n * QUIV);
      expect(await governor.proposalDeposit()).to.equal(120_000n * QUIV);

      const emergency = one(
        s.registry.target as string,
        registry.interface.encodeFunctionData("setEmergency", [
          s.governor.target as string,
          GOVERNANCE_KEYS.PROPOSAL_DEPOSIT,
          300_000n * QUIV,
        ]),
        "emergency: deposit 300,000",
      );
      const emergencyId = await decide(s, emergency, [[alice, FOR]]);
      expect((await governor.proposalTerms(emergencyId)).emergency).to.equal(true);
      await queueAndExecute(s, emergency, 2 * DAY);
      expect(await governor.proposalDeposit()).to.equal(300_000n * QUIV);
    });
  });

  describe("the guardian Safe", function () {
    const pauseData = (s: System) => s.treasury.interface.encodeFunctionData("pause");

    it("pauses with 5 of 9 signatures; the pause expires after 30 days", async function () {
      const s = await networkHelpers.loadFixture(systemFixture);
      const { safe, treasury, owners } = s;
      // The next block's time is pinned: signing with five owners takes wall-clock seconds on a loaded machine.
      const at = (await networkHelpers.time.latest()) + 10;
      await networkHelpers.time.setNextBlockTimestamp(at);
      await expect(safeExec(safe, owners.slice(0, 5), s.treasury.target as string, pauseData(s)))
        .to.emit(treasury, "Paused")
        .withArgs(await safe.getAddress(), at + 30 * DAY);
      expect(await treasury.paused()).to.equal(true);
      await networkHelpers.time.increase(30 * DAY);
      expect(await treasury.paused()).to.equal(false);
      // Straight after the expiry the guardian must wait another 30 days (Safe 1.5 bubbles the inner error).
      const expiry = await treasury.pausedUntil();
      await expect(safeExec(safe, owners.slice(0, 5), s.treasury.target as string, pauseData(s)))
        .to.be.revertedWithCustomError(treasury, "PauseCooldown")
        .withArgs(expiry + 30n * 86_400n);
      expect(await treasury.paused()).to.equal(false);
    });

    it("cannot pause with 4 signatures", async function () {
      const s = await networkHelpers.loadFixture(systemFixture);
      await expect(
        safeExec(s.safe, s.owners.slice(0, 4), s.treasury.target as string, pauseData(s)),
      ).to.be.revertedWith("GS020");
      expect(await s.treasury.paused()).to.equal(false);
    });

    it("cannot do anything but pause, even with all 9 signatures", async function () {
      const s = await networkHelpers.loadFixture(systemFixture);
      const { safe, owners, treasury, registry, manager, token, governor } = s;
      const guardian = await safe.getAddress();
      const restricted: [string, string][] = [
        [
          treasury.target as string,
          treasury.interface.encodeFunctionData("transfer", [token.target as string, guardian, 1n]),
        ],
        [treasury.target as string, treasury.interface.encodeFunctionData("confirmPause")],
        [treasury.target as string, treasury.interface.encodeFunctionData("unpause")],
        [
          registry.target as string,
          registry.interface.encodeFunctionData("setEmergency", [
            governor.target as string,
            GOVERNANCE_KEYS.PROPOSAL_DEPOSIT,
            1_000_000n * QUIV,
          ]),
        ],
      ];
      // Safe 1.5 bubbles the inner call's error when safeTxGas and gasPrice are zero.
      for (const [to, data] of restricted) {
        await expect(safeExec(safe, owners, to, data))
          .to.be.revertedWithCustomError(treasury, "AccessManagedUnauthorized")
          .withArgs(guardian);
      }
      await expect(
        safeExec(
          safe,
          owners,
          manager.target as string,
          manager.interface.encodeFunctionData("grantRole", [ROLES.GOVERNOR, guardian, 0]),
        ),
      )
        .to.be.revertedWithCustomError(manager, "AccessManagerUnauthorizedAccount")
        .withArgs(guardian, ROLES.ADMIN);
      await safeExec(safe, owners.slice(0, 5), treasury.target as string, pauseData(s));
      expect(await token.balanceOf(guardian)).to.equal(0n);
      expect(await governor.proposalDeposit()).to.equal(100_000n * QUIV);
      expect((await manager.hasRole(ROLES.GOVERNOR, guardian))[0]).to.equal(false);
      expect(await treasury.paused()).to.equal(true);
    });

    it("governance confirms the pause through the emergency path before it expires, then lifts it", async function () {
      const s = await networkHelpers.loadFixture(systemFixture);
      const { safe, owners, treasury, governor, alice, carol } = s;
      await giveVotes(s, alice, 400_000n * QUIV);
      await stake(s, carol, 100_000n * QUIV, 0); // 150,000
      await safeExec(safe, owners.slice(0, 5), treasury.target as string, pauseData(s));
      const expiry = await treasury.pausedUntil();

      const confirm = one(treasury.target as string, treasury.interface.encodeFunctionData("confirmPause"), "confirm");
      const confirmId = await decide(s, confirm, [
        [alice, FOR],
        [carol, FOR],
      ]);
      expect((await governor.proposalTerms(confirmId)).thresholdBps).to.equal(7_500n);
      await queueAndExecute(s, confirm, 2 * DAY);
      expect(BigInt(await networkHelpers.time.latest())).to.be.lessThan(expiry);
      await networkHelpers.time.increaseTo(expiry + 1n);
      expect(await treasury.paused()).to.equal(true);

      const lift = one(treasury.target as string, treasury.interface.encodeFunctionData("unpause"), "unpause");
      await decide(s, lift, [[alice, FOR]]);
      await expect(queueAndExecute(s, lift, 7 * DAY)).to.emit(treasury, "Unpaused");
      expect(await treasury.paused()).to.equal(false);
    });
  });
});
