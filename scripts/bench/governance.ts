import { type Contract, type ContractTransactionResponse, id, parseEther, ZeroAddress } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { quiverGovernance } from "../../presets/quiver/governance.js";
import { deployGovernance } from "../lib/deploy.js";
import { boundDescription } from "../lib/proposal.js";
import { ROLES } from "../../lib/roles.js";
import type { FloorSpec } from "./floor.js";
import type { BenchCase, Prepared } from "./types.js";

const DAY = 86_400;
const SUPPLY = parseEther("10000000");
const DESCRIPTION = "Set the target to 42";

/** The one proposal every case measures: a single unclassified (technical) call, `MockTarget.setValue(42)`. */
interface Flow {
  governor: Contract;
  target: string;
  calldata: string;
  propose: () => Promise<ContractTransactionResponse>;
  vote: (voter: number) => Promise<ContractTransactionResponse>;
  queue: () => Promise<ContractTransactionResponse>;
  execute: () => Promise<ContractTransactionResponse>;
  proposalId: () => Promise<bigint>;
  /** Another proposal (another description) by the deployer, before the measured one: the governor then already
   * holds a deposit. */
  proposeEarlier: () => Promise<ContractTransactionResponse>;
  /** Cancels the earlier proposal (pending) and, in ours, settles its deposit back: the governor then holds no
   * deposit, only its reserve. */
  withdrawEarlier: () => Promise<void>;
  /** ProposalCreated's data size in bytes (it carries the whole proposal). */
  createdLogBytes: number;
}

/** Both governors get the same description, bound to its proposer (`#proposer=`; mandatory in ours, checked
 * when present in the reference). */
function flow(
  connection: NetworkConnection,
  governor: Contract,
  target: string,
  calldata: string,
  proposer: number,
  proposerAddress: string,
) {
  const args = [[target], [0n], [calldata]] as const;
  const description = boundDescription(DESCRIPTION, proposerAddress);
  const signer = (i: number) => connection.ethers.getSigners().then((s) => s[i]);
  const as = async (i: number) => governor.connect(await signer(i)) as Contract;
  const created = governor.interface.encodeEventLog("ProposalCreated", [
    0n,
    ZeroAddress,
    [target],
    [0n],
    [""],
    [calldata],
    0n,
    0n,
    description,
  ]);
  const f: Flow = {
    governor,
    target,
    calldata,
    propose: async () => (await as(proposer)).getFunction("propose")(...args, description),
    vote: async (voter) => (await as(voter)).getFunction("castVote")(await f.proposalId(), 1),
    queue: () => governor.getFunction("queue")(...args, id(description)),
    execute: () => governor.getFunction("execute")(...args, id(description)),
    proposalId: () => governor.getFunction("getProposalId")(...args, id(description)),
    proposeEarlier: async () =>
      (await as(0)).getFunction("propose")(
        ...args,
        boundDescription(`${DESCRIPTION} (earlier)`, (await signer(0)).address),
      ),
    withdrawEarlier: async () => {
      const earlier = [...args, id(boundDescription(`${DESCRIPTION} (earlier)`, (await signer(0)).address))] as const;
      await (await as(0)).getFunction("cancel")(...earlier);
      if (governor.interface.getFunction("settleDeposit") !== null) {
        await governor.getFunction("settleDeposit")(await governor.getFunction("getProposalId")(...earlier));
      }
    },
    createdLogBytes: (created.data.length - 2) / 2,
  };
  return f;
}

/** Signers: 0 deployer, 1 alice, 2 bob, 3 proposer, 4-12 the guardian's owners. */
async function oursFlow(connection: NetworkConnection): Promise<Flow> {
  const { ethers } = connection;
  const signers = await ethers.getSigners();
  const [deployer, alice, bob, proposer] = signers;
  const staking = await ethers.deployContract("MockVotingWeight", [ZeroAddress]);
  const { manager, token, governor } = await deployGovernance(connection, {
    token: { name: "QUIVer", symbol: "QUIV", cap: parseEther("1000000000") },
    preset: quiverGovernance,
    guardianOwners: signers.slice(4, 13).map((s) => s.address),
    votingWeight: await staking.getAddress(),
    handOver: false,
  });
  await staking.getFunction("setToken")(await token.getAddress());
  await manager.grantRole(ROLES.MINTER, deployer.address, 0);
  await token.mint(deployer.address, SUPPLY);
  await manager.renounceRole(ROLES.ADMIN, deployer.address);
  // alice and bob each: 200,000 liquid (delegated) + 200,000 staked without lock (300,000): 500,000 votes.
  for (const voter of [alice, bob]) {
    await token.transfer(voter.address, parseEther("400000"));
    await token.connect(voter).delegate(voter.address);
    await token.connect(voter).approve(await staking.getAddress(), parseEther("200000"));
    await (staking.connect(voter) as Contract).getFunction("stake")(parseEther("200000"), 0);
  }
  await token.transfer(proposer.address, parseEther("1000000"));
  await token.connect(proposer).approve(await governor.getAddress(), 2n ** 256n - 1n);
  await token.approve(await governor.getAddress(), 2n ** 256n - 1n); // the deployer's earlier proposal
  const target = await ethers.deployContract("MockTarget");
  const calldata = target.interface.encodeFunctionData("setValue", [42n]);
  return flow(connection, governor as unknown as Contract, await target.getAddress(), calldata, 3, proposer.address);
}

/** The reference: OpenZeppelin Governor + GovernorVotes + quorum fraction + counting + TimelockControl. */
async function referenceFlow(connection: NetworkConnection): Promise<Flow> {
  const { ethers } = connection;
  const [deployer, alice, bob, proposer] = await ethers.getSigners();
  const token = await ethers.deployContract("ReferenceVotesToken", [deployer.address, SUPPLY]);
  const timelock = await ethers.deployContract("TimelockController", [7 * DAY, [], [], deployer.address]);
  const governor = await ethers.deployContract("ReferenceGovernor", [
    await token.getAddress(),
    await timelock.getAddress(),
    7 * DAY,
    14 * DAY,
    4,
  ]);
  for (const role of ["PROPOSER_ROLE", "EXECUTOR_ROLE", "CANCELLER_ROLE"]) {
    await timelock.getFunction("grantRole")(id(role), await governor.getAddress());
  }
  for (const voter of [alice, bob]) {
    await token.getFunction("transfer")(voter.address, parseEther("500000"));
    await (token.connect(voter) as Contract).getFunction("delegate")(voter.address);
  }
  const target = await ethers.deployContract("MockTarget");
  const calldata = target.interface.encodeFunctionData("setValue", [42n]);
  return flow(connection, governor, await target.getAddress(), calldata, 3, proposer.address);
}

async function toVoting(connection: NetworkConnection, f: Flow) {
  const snapshot = await f.governor.getFunction("proposalSnapshot")(await f.proposalId());
  await connection.networkHelpers.time.increaseTo(snapshot + 1n);
}

async function toEnd(connection: NetworkConnection, f: Flow) {
  const deadline = await f.governor.getFunction("proposalDeadline")(await f.proposalId());
  await connection.networkHelpers.time.increaseTo(deadline + 1n);
}

type Step = "propose" | "propose, no deposit held" | "first proposal ever" | "castVote" | "queue" | "execute";

/** Everything before `step`, then the step itself as the measured transaction. Every step but "first proposal ever"
 * follows an earlier proposal, which took the governor's 1-wei reserve (its token balance is never a fresh slot
 * again); "propose, no deposit held" follows one cancelled and settled. */
async function reach(
  connection: NetworkConnection,
  f: Flow,
  step: Step,
): Promise<() => Promise<ContractTransactionResponse>> {
  await connection.networkHelpers.mine();
  if (step === "first proposal ever") return f.propose;
  await f.proposeEarlier();
  if (step === "propose") return f.propose;
  if (step === "propose, no deposit held") {
    await f.withdrawEarlier();
    return f.propose;
  }
  await f.propose();
  await toVoting(connection, f);
  await f.vote(1);
  if (step === "castVote") return () => f.vote(2); // the second vote: the tally is already non-zero
  await toEnd(connection, f);
  if (step === "queue") return f.queue;
  await f.queue();
  await connection.networkHelpers.time.increase(7 * DAY);
  return f.execute;
}

// ------------------------------------------------------------------ floors (what a correct action must touch)

const VOTE_CAST_LOG = { topics: 2, dataBytes: 160 }; // proposalId, support, weight, reason (empty string)
const CALL_SCHEDULED_LOG = { topics: 3, dataBytes: 256 }; // target, value, data (36 bytes, padded), predecessor, delay
const CALL_SALT_LOG = { topics: 2, dataBytes: 32 };
const PROPOSAL_QUEUED_LOG = { topics: 1, dataBytes: 64 };
const CALL_EXECUTED_LOG = { topics: 3, dataBytes: 160 }; // target, value, data
const PROPOSAL_EXECUTED_LOG = { topics: 1, dataBytes: 32 };

const floors = {
  /**
   * Proposal record (proposer, start, duration: one slot); ours keeps the terms (class, threshold, route, deposit)
   * in the same slot, and adds the deposit (proposer balance debited, governor balance credited: a fresh slot for
   * the first deposit only, allowance and both delegates read, a Transfer log), the deposit parameter, the call's
   * class (selector, then target mapping) and its class's threshold; ProposalCreated carries the whole proposal.
   */
  propose: (f: Flow, ours: boolean, first: boolean): FloorSpec =>
    ours
      ? {
          coldAccounts: 2, // classifier, token
          coldReads: 7, // deposit, selector class, target class, class config, allowance, 2 delegates
          zeroToNonZero: first ? 2 : 1, // proposal; the governor's balance when it holds no deposit yet
          nonZeroToNonZero: 2, // proposer's balance; the governor's (first ever: the reserve flag instead)
          logs: [
            { topics: 1, dataBytes: f.createdLogBytes },
            { topics: 3, dataBytes: 96 }, // ProposalClassified
            { topics: 3, dataBytes: 32 }, // Transfer
          ],
        }
      : { zeroToNonZero: 1, logs: [{ topics: 1, dataBytes: f.createdLogBytes }] },
  /** Proposal record read, the voter's weight at the snapshot (a checkpoint length and entry per source),
   * hasVoted set, the for tally raised, VoteCast. Ours reads two sources (token and staking). */
  castVote: (ours: boolean): FloorSpec => ({
    coldAccounts: ours ? 2 : 1,
    coldReads: ours ? 5 : 3,
    zeroToNonZero: 1,
    nonZeroToNonZero: 1,
    logs: [VOTE_CAST_LOG],
  }),
  /** State (record, three tallies, past total supply for the quorum; ours keeps the terms in the record), the
   * timelock's proposer role, the eta stored (the reference also stores the operation id; ours recomputes it),
   * the timelock's timestamp set, three logs. */
  queue: (ours: boolean): FloorSpec => ({
    coldAccounts: 2, // token, timelock
    coldReads: 7,
    zeroToNonZero: ours ? 2 : 3,
    logs: [CALL_SCHEDULED_LOG, CALL_SALT_LOG, PROPOSAL_QUEUED_LOG],
  }),
  /** State as in queue (ours: plus the eta, for the grace period; the reference: plus the operation id), the
   * executor role, the record marked executed, the timelock's timestamp marked done, the reference's operation
   * id cleared, the call itself (two slots of the target set), logs. */
  execute: (ours: boolean): FloorSpec => ({
    coldAccounts: 3, // token, timelock, target
    coldReads: 8,
    zeroToNonZero: 2,
    nonZeroToNonZero: 2,
    nonZeroToZero: ours ? 0 : 1,
    logs: [CALL_EXECUTED_LOG, PROPOSAL_EXECUTED_LOG],
  }),
};

function governanceCase(step: Step, note: string): BenchCase {
  const floor = (f: Flow, ours: boolean) =>
    step === "propose" || step === "propose, no deposit held" || step === "first proposal ever"
      ? floors.propose(f, ours, step === "first proposal ever")
      : floors[step](ours);
  return {
    module: "governance",
    action: step,
    note,
    prepare: async (connection): Promise<Prepared> => {
      const f = await oursFlow(connection);
      return { send: await reach(connection, f, step), floor: floor(f, true) };
    },
    reference: {
      name: "OpenZeppelin Governor + ERC20Votes",
      prepare: async (connection): Promise<Prepared> => {
        const f = await referenceFlow(connection);
        return { send: await reach(connection, f, step), floor: floor(f, false) };
      },
    },
  };
}

export const governanceCases: BenchCase[] = [
  governanceCase(
    "propose",
    "after another proposal (the governor holds a deposit); vs the reference: + the deposit's transferFrom and the " +
      "classifier call; the terms share the record's slot, the proposer suffix is two word compares",
  ),
  governanceCase(
    "propose, no deposit held",
    "every earlier deposit settled: the governor's balance is its 1-wei reserve, not a fresh slot",
  ),
  governanceCase(
    "first proposal ever",
    "one-time: the governor's token balance is a fresh slot (+17,100), and it takes the 1-wei reserve that keeps " +
      "it from ever being one again",
  ),
  governanceCase(
    "castVote",
    "vs the reference: + the staked-weight checkpoint reads (the governor reads the token and the stake votes directly, no VotingPower hop)",
  ),
  governanceCase("queue", "below the reference: operation id hashed in place, clock read without an external call"),
  governanceCase("execute", "below the reference: clock read without an external call"),
];
