import type { Contract } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { deployQry } from "../lib/deploy.js";
import { ROLES } from "../../lib/roles.js";
import type { BenchCase } from "./types.js";

const QRY = 10n ** 18n;
const EPOCH = 30n * 86_400n;
const TX_GAS = 16_000_000n; // below EDR's per-transaction gas cap (2^24)
const CROWD_BATCH = 200;
const FIRST_CROWD_PROVIDER = 0x10000n;

/**
 * QRY on a fresh devnet through the `Qry` module, staking mocked (every address an active provider with 10,000 QRY
 * of its own bonded, locked for good), epoch 0 open, one 100 QRY subscription (id 1) sold by a portal. The measured
 * provider locks its 10,000 QRY for a year, as a provider must (the query-fulfillment pool is an identity pool: at
 * its first credit of an epoch its own stake must be locked through the epoch's end plus the claim window).
 */
async function deployEconomy(connection: NetworkConnection) {
  const { ethers, networkHelpers } = connection;
  const [deployer, treasury, workers, staking, gateway, portal, client, integrator, provider, challenger] =
    await ethers.getSigners();
  const stakes = await ethers.deployContract("MockStakeReader");
  await stakes.getFunction("setDefault")(true, 10_000n * QRY);
  const start = BigInt(await networkHelpers.time.latest()) + 100n;
  const q = await deployQry(connection, {
    start,
    treasury: treasury.address,
    stakeReader: await stakes.getAddress(),
    workerProposals: workers.address,
    stakingRewards: staking.address,
  });
  await q.manager.grantRole(ROLES.MINTER, deployer.address, 0);
  await q.manager.grantRole(ROLES.DISTRIBUTION_GATEWAY, gateway.address, 0);
  await q.manager.grantRole(ROLES.DISTRIBUTION_PORTAL, portal.address, 0);
  await q.manager.grantRole(ROLES.DISTRIBUTION_CHALLENGER, challenger.address, 0);
  await stakes.getFunction("setStake")(provider.address, true, 10_000n * QRY);
  await stakes.getFunction("setLock")(provider.address, start + 365n * 86_400n);
  await networkHelpers.time.increaseTo(start);
  await q.qry.mint(portal.address, 1_000_000n * QRY);
  await q.qry.connect(portal).approve(await q.subscriptions.getAddress(), 1_000_000n * QRY);
  // A sale names a registered integrator (once, by itself; staked: the mock bonds everyone 10,000 QRY).
  await q.subscriptions.connect(integrator).registerIntegrator();
  await q.subscriptions.connect(portal).subscribe(client.address, integrator.address, 100n * QRY, 12n);
  return { ...q, start, gateway, portal, client, integrator, provider, challenger };
}

type Economy = Awaited<ReturnType<typeof deployEconomy>>;

/** `count` other providers with calls reported for subscription 1 in epoch 0 (a test-only gateway contract). */
async function addProviders(connection: NetworkConnection, q: Economy, count: number) {
  const crowd = (await connection.ethers.deployContract("DistributionCrowd", [
    await q.subscriptions.getAddress(),
  ])) as unknown as Contract;
  await q.manager.grantRole(ROLES.DISTRIBUTION_GATEWAY, await crowd.getAddress(), 0);
  for (let done = 0; done < count; done += CROWD_BATCH) {
    const batch = Math.min(CROWD_BATCH, count - done);
    const first = FIRST_CROWD_PROVIDER + BigInt(done);
    await (await crowd.getFunction("report")(0n, 1n, first, BigInt(batch), 7n, { gasLimit: TX_GAS })).wait();
  }
  const last = `0x${(FIRST_CROWD_PROVIDER + BigInt(count - 1)).toString(16).padStart(40, "0")}`;
  if ((await q.providerPool.entryOf(0n, last)).value !== 700n * QRY)
    throw new Error("bench: crowd of providers not created");
}

/**
 * Distribution actions. A report and a query-fulfillment claim are measured with 10 and with 10,000 other providers
 * in the epoch: the running sum of square roots makes both O(1).
 */
export const distributionCases: BenchCase[] = [
  {
    module: "distribution",
    action: "subscribe (portal sells a 12-epoch subscription; credits portal and integrator)",
    prepare: async (connection) => {
      const q = await deployEconomy(connection);
      const [, , , , , , , , , , otherClient, otherIntegrator] = await connection.ethers.getSigners();
      // A registered integrator (once, by itself): the sale keeps it as an id in the terms' slot.
      await q.subscriptions.connect(otherIntegrator).registerIntegrator();
      return {
        send: () =>
          q.subscriptions.connect(q.portal).subscribe(otherClient.address, otherIntegrator.address, 100n * QRY, 12n),
        // AccessManager (restricted subscribe): function role and membership read. Manager: the settings (minimum
        // pay, portal cap and the id counter) read and rewritten, the integrator's id read, the portal's allowance of
        // the epoch rewritten; the epoch's starting pay and weight rewritten, the lapsing record at epoch 12
        // rewritten; the terms slot (with the portal's and the integrator's ids) set. Token (one more contract):
        // allowance and the portal's balance rewritten, the manager's balance rewritten, both delegates read. Each of
        // the two pools (two more contracts, bound to the manager: no AccessManager call): the creditor and minimum
        // stake read (one slot), the account's new entry set, the epoch's sum of roots rewritten (the portal's entry
        // exists, the integrator's of this epoch does not). Logs: Subscribed, Counted, Paid, Transfer, two Credited.
        floor: {
          coldAccounts: 4,
          coldReads: 2 + 2 + 2 + 2 * 1,
          nonZeroToNonZero: 6 + 3 + 2 + 1,
          zeroToNonZero: 1 + 1,
          logs: [
            { topics: 4, dataBytes: 128 },
            { topics: 2, dataBytes: 64 },
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 96 },
            { topics: 3, dataBytes: 96 },
          ],
        },
        note: "a registered integrator (kept as an id in the terms' slot); two square-root pools credited, each wired to the manager",
      };
    },
  },
  {
    module: "distribution",
    action: "subscribe, the same sale 24 epochs after the last roll (O(1): within 5% of the row above)",
    prepare: async (connection) => {
      const { networkHelpers } = connection;
      const q = await deployEconomy(connection);
      const [, , , , , , , , , , otherClient, otherIntegrator] = await connection.ethers.getSigners();
      await q.subscriptions.connect(otherIntegrator).registerIntegrator();
      // Nobody closes or checkpoints for 24 epochs: the measures are 24 epochs behind the open epoch. The portal
      // sells in epoch 24 first (to the first integrator, 12 epochs), so the measured sale finds the epoch's slots
      // as the row above does: the same kind of sale, 24 epochs later.
      await networkHelpers.time.increaseTo(q.start + 24n * EPOCH);
      await q.subscriptions.connect(q.portal).subscribe(q.client.address, q.integrator.address, 100n * QRY, 12n);
      return {
        send: () =>
          q.subscriptions.connect(q.portal).subscribe(otherClient.address, otherIntegrator.address, 100n * QRY, 12n),
        // The same slots as the row above; nothing is rolled.
        floor: {
          coldAccounts: 4,
          coldReads: 2 + 2 + 2 + 2 * 1,
          nonZeroToNonZero: 6 + 3 + 2 + 1,
          zeroToNonZero: 1 + 1,
          logs: [
            { topics: 4, dataBytes: 128 },
            { topics: 2, dataBytes: 64 },
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 96 },
            { topics: 3, dataBytes: 96 },
          ],
        },
        note: "the same sale as the row above with the measures 24 epochs behind: no loop over epochs",
      };
    },
  },
  {
    module: "distribution",
    action: "subscribe, the first sale of an epoch right after its roll (compare with the row below)",
    prepare: async (connection) => {
      const { networkHelpers } = connection;
      const q = await deployEconomy(connection);
      const [, , , , , , , , , , otherClient, otherIntegrator] = await connection.ethers.getSigners();
      // A registered integrator (once, by itself): the sale keeps it as an id in the terms' slot.
      await q.subscriptions.connect(otherIntegrator).registerIntegrator();
      // Epoch 1 opens and epoch 0 is rolled at once: no epoch left to roll.
      await networkHelpers.time.increaseTo(q.start + EPOCH);
      await q.subscriptions.checkpoint();
      return {
        send: () =>
          q.subscriptions.connect(q.portal).subscribe(otherClient.address, otherIntegrator.address, 100n * QRY, 12n),
        // The same slots as the row below: a first sale of the epoch writes the epoch's `starting` slot and both
        // pools' entries and sums of roots new (the gap to the first row is these five new slots, not a loop).
        floor: {
          coldAccounts: 4,
          coldReads: 2 + 2 + 2 + 2 * 1,
          nonZeroToNonZero: 3 + 3,
          zeroToNonZero: 1 + 2 + 2 * 2,
          logs: [
            { topics: 4, dataBytes: 128 },
            { topics: 2, dataBytes: 64 },
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 96 },
            { topics: 3, dataBytes: 96 },
          ],
        },
        note: "the first sale of an epoch: new epoch slots in the manager and both pools",
      };
    },
  },
  {
    module: "distribution",
    action: "subscribe 24 epochs after the last roll (O(1): within 5% of the row above)",
    prepare: async (connection) => {
      const { networkHelpers } = connection;
      const q = await deployEconomy(connection);
      const [, , , , , , , , , , otherClient, otherIntegrator] = await connection.ethers.getSigners();
      // A registered integrator (once, by itself): the sale keeps it as an id in the terms' slot.
      await q.subscriptions.connect(otherIntegrator).registerIntegrator();
      // Nobody closes or checkpoints for 24 epochs: the measures are 24 epochs behind the open epoch.
      await networkHelpers.time.increaseTo(q.start + 24n * EPOCH);
      return {
        send: () =>
          q.subscriptions.connect(q.portal).subscribe(otherClient.address, otherIntegrator.address, 100n * QRY, 12n),
        // As the row above, except that in the new epoch the pay and weight start in a new `starting` slot and
        // both pools' entries and sums of roots are new slots; nothing is rolled.
        floor: {
          coldAccounts: 4,
          coldReads: 2 + 2 + 2 + 2 * 1,
          nonZeroToNonZero: 3 + 3,
          zeroToNonZero: 1 + 2 + 2 * 2,
          logs: [
            { topics: 4, dataBytes: 128 },
            { topics: 2, dataBytes: 64 },
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 96 },
            { topics: 3, dataBytes: 96 },
          ],
        },
        note: "the first sale of an epoch: new epoch slots in the manager and both pools; no loop over the 24 epochs",
      };
    },
  },
  {
    module: "distribution",
    action: "report calls (gateway; a provider's first report of the epoch)",
    scaling: true,
    prepare: async (connection, participants) => {
      const q = await deployEconomy(connection);
      await addProviders(connection, q, participants);
      return {
        send: () => q.subscriptions.connect(q.gateway).reportCalls(0n, 1n, q.provider.address, 250n),
        // AccessManager (restricted reportCalls): role and membership read. Manager: the subscription's terms read.
        // Pool (one more contract, bound to the manager: no AccessManager call): the creditor and minimum stake read
        // (one slot), the provider's new entry set, the epoch's sum of roots rewritten (with the claim window the
        // epoch's locks run past, read with it). Stake reader (one more contract): the provider's own stake and the
        // end of its lock read (a year ahead: past the epoch's end plus the claim window). Logs: CallsReported,
        // Credited.
        floor: {
          coldAccounts: 3,
          coldReads: 2 + 1 + 1 + 1,
          zeroToNonZero: 1,
          nonZeroToNonZero: 1,
          logs: [
            { topics: 4, dataBytes: 96 },
            { topics: 3, dataBytes: 96 },
          ],
        },
        note: "a restricted call (the manager asks the AccessManager), then the pool wired to it; the stake check reads activity, own stake and lock",
      };
    },
  },
  {
    module: "distribution",
    action: "claim query-fulfillment share (provider, closed epoch)",
    scaling: true,
    prepare: async (connection, participants) => {
      const { networkHelpers } = connection;
      const q = await deployEconomy(connection);
      await addProviders(connection, q, participants);
      await q.subscriptions.connect(q.gateway).reportCalls(0n, 1n, q.provider.address, 250n);
      await networkHelpers.time.increaseTo(q.start + EPOCH);
      await q.controller.release();
      await q.engine.closeEpoch();
      await q.engine.fund(0n, 0n);
      return {
        send: () => q.providerPool.connect(q.provider).claim(0n),
        // Pool: the epoch's ledger (funding, claims, expiry) rewritten, the provider's entry rewritten (claimed),
        // the sum of roots read. Token (one more contract): the pool's balance rewritten, the provider's first
        // balance set, both delegates read. Logs: Claimed, Transfer.
        floor: {
          coldAccounts: 1,
          coldReads: 1 + 2,
          nonZeroToNonZero: 2 + 1,
          zeroToNonZero: 1,
          logs: [
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
          ],
        },
      };
    },
  },
  {
    module: "distribution",
    action: "record challenges (challenger; a provider's first record of the epoch)",
    prepare: async (connection) => {
      const q = await deployEconomy(connection);
      const [other] = (await connection.ethers.getSigners()).slice(12, 13);
      await q.availability.connect(q.provider).registerService(0n);
      await q.availability.connect(other).registerService(0n);
      await q.availability.connect(q.challenger).recordChallenges(0n, other.address, 900n, 870n);
      return {
        send: () => q.availability.connect(q.challenger).recordChallenges(0n, q.provider.address, 100n, 95n),
        // AccessManager (restricted): role and membership read. Pool: the provider's service and its minimum stake
        // read, the provider's new record set, the epoch's two running-sum slots rewritten, the challenger's record
        // rewritten. Stake reader (one more contract): the provider's stake read. Log: ChallengesRecorded.
        floor: {
          coldAccounts: 2,
          coldReads: 2 + 2 + 1,
          zeroToNonZero: 1,
          nonZeroToNonZero: 2 + 1,
          logs: [{ topics: 4, dataBytes: 64 }],
        },
      };
    },
  },
  {
    module: "distribution",
    action: "close epoch (keeper; eight budgets recorded, no pool called)",
    prepare: async (connection) => {
      const { networkHelpers } = connection;
      const q = await deployEconomy(connection);
      await q.subscriptions.connect(q.gateway).reportCalls(0n, 1n, q.provider.address, 250n);
      await networkHelpers.time.increaseTo(q.start + EPOCH);
      await q.controller.release();
      return {
        send: () => q.engine.closeEpoch(),
        // Engine: the next epoch and the reserves' total rewritten, the mix window, the two usage-parameter slots and
        // the eight pools read, the eight reserves (four packed slots) set, the eight pending budgets (four packed
        // slots) and the epoch summary set. Subscription manager (restricted collect: role and membership read): its
        // cursor and the epoch's stats, its balance moved to the engine. Stake reader: the total read. No pool is
        // called. Logs: RevenueCollected, Transfer, EpochClosed, eight PoolBudgeted.
        floor: {
          coldAccounts: 1 + 1 + 1 + 1,
          coldReads: 1 + 2 + 8 + 2 + 1,
          nonZeroToNonZero: 2 + 2 + 1,
          zeroToNonZero: 4 + 4 + 1,
          logs: [
            { topics: 2, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
            { topics: 2, dataBytes: 192 },
            ...Array.from({ length: 8 }, () => ({ topics: 3, dataBytes: 96 })),
          ],
        },
        note: "a keeper's monthly call: records eight budgets in four packed slots and calls no pool (pull model)",
      };
    },
  },
  {
    module: "distribution",
    action: "fund a pool (anyone; pays the query-fulfillment pool its budget of a closed epoch)",
    prepare: async (connection) => {
      const { networkHelpers } = connection;
      const q = await deployEconomy(connection);
      await q.subscriptions.connect(q.gateway).reportCalls(0n, 1n, q.provider.address, 250n);
      await networkHelpers.time.increaseTo(q.start + EPOCH);
      await q.controller.release();
      await q.engine.closeEpoch();
      return {
        send: () => q.engine.fund(0n, 0n),
        // Engine: the pool count and the pool read, its pending budget's slot and the reserves' total rewritten, its
        // reserve slot read. Token (one more contract): the engine's balance rewritten, the pool's first balance
        // set, both delegates read. Pool (one more contract, restricted fundEpoch: role and membership read): the
        // claim window and the epoch's sum of roots read, its ledger set. Logs: Transfer, EpochFunded, PoolFunded.
        floor: {
          coldAccounts: 3,
          coldReads: 2 + 1 + 2 + 2 + 2,
          nonZeroToNonZero: 2 + 1,
          zeroToNonZero: 1 + 1,
          logs: [
            { topics: 3, dataBytes: 32 },
            { topics: 2, dataBytes: 96 },
            { topics: 3, dataBytes: 96 },
          ],
        },
        note: "one pool per call, in any order: the close's budget, a transfer and the pool's funding",
      };
    },
  },
];
