import { parseEther } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { quiverStaking } from "../../presets/quiver/staking.js";
import { deployStaking, deployToken } from "../lib/deploy.js";
import { ROLES } from "../../lib/roles.js";
import type { BenchCase } from "./types.js";

const CAP = parseEther("1000000000");
const PROVIDER_STAKE = parseEther("10000");
const DELEGATION = parseEther("100");
/** Participants opened per transaction (each ~0.3M gas), below the 16.7M per-transaction cap of Osaka. */
const BATCH = 40;

/**
 * A running QUIVer staking module: provider P (100,000 self-stake) with delegator D (10,000) and an earlier
 * delegator who already unbonded part of its stake, `participants`
 * other stakers (every tenth a provider with 10,000, the others delegating 100 round-robin to those providers),
 * a funded reward budget, P and D settled once, and one more day elapsed so the measured action also
 * distributes rewards. Participants are
 * opened by a test-only factory (test/staking/mocks/BenchStakers.sol), many per transaction, each from its own
 * address.
 */
async function running(connection: NetworkConnection, participants: number) {
  const { ethers, networkHelpers } = connection;
  const [deployer, provider, delegator, newcomer, earlier] = await ethers.getSigners();
  const { manager, token, staking } = await deployStaking(connection, {
    token: { name: "QUIVer", symbol: "QUIV", cap: CAP },
    staking: quiverStaking,
  });
  const stakingAddress = await staking.getAddress();
  await manager.grantRole(ROLES.MINTER, deployer.address, 0);
  await manager.grantRole(ROLES.REWARD_FUNDER, deployer.address, 0);
  for (const account of [provider, delegator, newcomer, earlier]) {
    await token.mint(account.address, parseEther("200000"));
    await token.connect(account).approve(stakingAddress, parseEther("200000"));
  }
  await staking.connect(provider).registerProvider(parseEther("100000"));
  await staking.connect(delegator).delegate(provider.address, parseEther("10000"));
  await staking.connect(earlier).delegate(provider.address, parseEther("10000"));
  await staking.connect(earlier).unbond(parseEther("5000"));

  const factory = await ethers.deployContract("BenchStakers", [stakingAddress, await token.getAddress()]);
  await token.mint(await factory.getAddress(), PROVIDER_STAKE * BigInt(participants));
  for (let opened = 0; opened < participants; opened += BATCH) {
    const count = Math.min(BATCH, participants - opened);
    const tx = await factory.getFunction("create")(count, 10, PROVIDER_STAKE, DELEGATION, provider.address, {
      gasLimit: 16_000_000,
    });
    await tx.wait();
  }

  await token.mint(deployer.address, parseEther("1000000"));
  await token.transfer(stakingAddress, parseEther("1000000"));
  await staking.notifyRewardAmount(parseEther("1000000"));
  // Steady state: the stream, P's pool and D's position have all been settled once before the measured day.
  await networkHelpers.time.increase(86_400);
  await staking.connect(provider).claimRewards();
  await staking.connect(delegator).claimRewards();
  await networkHelpers.time.increase(86_400);
  return { staking, provider, delegator, newcomer };
}

/**
 * The reference: Synthetix's StakingRewards (test/reference/ReferenceStakingRewards.sol) over the same protocol token,
 * a 30-day reward period funded and running, the staker settled once and one more day elapsed, as in `running`.
 */
async function referenceRunning(connection: NetworkConnection) {
  const { ethers, networkHelpers } = connection;
  const [deployer, staker] = await ethers.getSigners();
  const { manager, token } = await deployToken(connection, { name: "QUIVer", symbol: "QUIV", cap: CAP });
  await manager.grantRole(ROLES.MINTER, deployer.address, 0);
  const tokenAddress = await token.getAddress();
  const reference = await ethers.deployContract("ReferenceStakingRewards", [tokenAddress, tokenAddress]);
  const referenceAddress = await reference.getAddress();
  await token.mint(staker.address, parseEther("200000"));
  await token.connect(staker).approve(referenceAddress, parseEther("200000"));
  await token.mint(referenceAddress, parseEther("1000000"));
  await reference.getFunction("notifyRewardAmount")(parseEther("1000000"));
  const asStaker = reference.connect(staker) as typeof reference;
  await asStaker.getFunction("stake")(parseEther("10000"));
  await networkHelpers.time.increase(86_400);
  await asStaker.getFunction("getReward")();
  await networkHelpers.time.increase(86_400);
  return asStaker;
}

/** Stake, delegate, claim and unbond, each measured with 10 and with 10,000 other stakers. */
export const stakingCases: BenchCase[] = [
  {
    module: "staking",
    action: "stake (provider adds self-stake)",
    scaling: true,
    prepare: async (connection, participants) => {
      const { staking, provider } = await running(connection, participants);
      return {
        send: () => staking.connect(provider).stake(parseEther("1000")),
        // Token pull: allowance and two balances rewritten, both vote delegates read, Transfer log. Staking: the
        // position's shares, the pool's assets and shares, total bonded, the reward accumulator and its timestamp,
        // the pool's reward snapshot and its provider's accrued rewards, Staked log. Votes: one new checkpoint and
        // the trace length.
        floor: {
          coldAccounts: 2,
          coldReads: 2,
          nonZeroToNonZero: 11,
          zeroToNonZero: 1,
          logs: [
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 64 },
          ],
        },
      };
    },
    note: "accrues the global stream (budget, two accumulators, APY band), settles the pool and reweighs it (weights, earning stake, status) before the stake, and checkpoints votes in a separate contract",
    reference: {
      name: "Synthetix StakingRewards",
      prepare: async (connection) => {
        const reference = await referenceRunning(connection);
        return {
          send: () => reference.getFunction("stake")(parseEther("10000")),
          // Accumulator and its timestamp, the user's snapshot and pending reward, balance and total; rate and period
          // read. Token: two balances, both vote delegates read, Transfer log; Staked log.
          floor: {
            coldAccounts: 1,
            coldReads: 4,
            nonZeroToNonZero: 8,
            logs: [
              { topics: 3, dataBytes: 32 },
              { topics: 2, dataBytes: 32 },
            ],
          },
        };
      },
    },
  },
  {
    module: "staking",
    action: "delegate (first delegation)",
    scaling: true,
    prepare: async (connection, participants) => {
      const { staking, provider, newcomer } = await running(connection, participants);
      return {
        send: () => staking.connect(newcomer).delegate(provider.address, parseEther("1000")),
        // Token pull as for stake. Staking: a new position (provider and shares, reward snapshot), the pool's assets
        // and shares, its delegated weight and reward per share, total bonded, the accumulator and its timestamp,
        // Staked log. Votes: two new traces (shares, provider), each a length and a checkpoint.
        floor: {
          coldAccounts: 2,
          coldReads: 2,
          nonZeroToNonZero: 9,
          zeroToNonZero: 7,
          logs: [
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 64 },
          ],
        },
      };
    },
    note: "as stake, plus settling the new position against the pool; the provider's self-stake is read to check it is active",
  },
  {
    module: "staking",
    action: "claim rewards (delegator)",
    scaling: true,
    prepare: async (connection, participants) => {
      const { staking, delegator } = await running(connection, participants);
      return {
        send: () => staking.connect(delegator).claimRewards(),
        // Staking: the position's shares read, its pending rewards and snapshot rewritten, the pool's weight read and
        // reward per share rewritten, the accumulator and its timestamp, total claimed, RewardsClaimed log. Token: two
        // balances, both vote delegates read, Transfer log.
        floor: {
          coldAccounts: 1,
          coldReads: 4,
          nonZeroToNonZero: 7,
          logs: [
            { topics: 2, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
          ],
        },
      };
    },
    note: "accrues the global stream (APY band on the earning stake, two accumulators, budget) and syncs the provider's pool before settling the position",
    reference: {
      name: "Synthetix StakingRewards",
      prepare: async (connection) => {
        const reference = await referenceRunning(connection);
        return {
          send: () => reference.getFunction("getReward")(),
          // Accumulator and its timestamp, the user's snapshot rewritten, pending reward set then cleared; rate,
          // period, total and balance read. Token: two balances, both vote delegates read, Transfer log; RewardPaid log.
          floor: {
            coldAccounts: 1,
            coldReads: 6,
            nonZeroToNonZero: 5,
            logs: [
              { topics: 3, dataBytes: 32 },
              { topics: 2, dataBytes: 32 },
            ],
          },
        };
      },
    },
  },
  {
    module: "staking",
    action: "unbond (delegator, part of its stake)",
    scaling: true,
    prepare: async (connection, participants) => {
      const { staking, delegator } = await running(connection, participants);
      return {
        send: () => staking.connect(delegator).unbond(parseEther("1000")),
        // Staking: the position's shares, reward snapshot and queue bitmap, the pool's assets and shares, its
        // unbonding pool, totals bonded and unbonding, the accumulator and its timestamp, the pool's reward per
        // share; a new request (provider and unlock time, shares); Unbonded log. Votes: one new checkpoint and the
        // trace length.
        floor: {
          coldAccounts: 1,
          nonZeroToNonZero: 10,
          zeroToNonZero: 3,
          logs: [{ topics: 3, dataBytes: 128 }],
        },
      };
    },
    note: "as stake: accrual, pool sync and reweigh, position settlement, then the unbonding pool and a request in the bounded queue",
  },
];
