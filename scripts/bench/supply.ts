import type { NetworkConnection } from "hardhat/types/network";

import { quiverSupply } from "../../presets/quiver/supply.js";
import { accountNames } from "../../modules/supply.js";
import { deploySupply } from "../lib/deploy.js";
import { ROLES } from "../../lib/roles.js";
import type { BenchCase } from "./types.js";

const YEAR = 31_536_000n;
const DAY = 86_400n;
const SEED_BATCH = 250;

/** The QUIVer supply on a fresh devnet, named accounts on signers 1..n (signer 0 is the manager's admin). */
async function deployQuiver(connection: NetworkConnection) {
  const { ethers, networkHelpers } = connection;
  const signers = await ethers.getSigners();
  const accounts = Object.fromEntries(accountNames(quiverSupply).map((name, i) => [name, signers[i + 1].address]));
  const start = BigInt(await networkHelpers.time.latest()) + 60n;
  const contracts = await deploySupply(connection, quiverSupply, { start, accounts });
  const signer = (name: string) => signers.find((s) => s.address === accounts[name])!;
  return { ...contracts, start, accounts, signer };
}

/**
 * Supply actions. A vesting release is measured with 10 and with 10,000 other schedules in the vault (created by a
 * test-only seeder holding the VESTING_CREATOR role, 250 per transaction).
 */
export const supplyCases: BenchCase[] = [
  {
    module: "supply",
    action: "vesting release (first release of a schedule, to its beneficiary)",
    scaling: true,
    prepare: async (connection, participants) => {
      const { ethers, networkHelpers } = connection;
      const q = await deployQuiver(connection);
      const seeder = await ethers.deployContract("VestingSeeder");
      await q.manager.grantRole(ROLES.VESTING_CREATOR, await seeder.getAddress(), 0);
      await q.token
        .connect(q.signer("treasury"))
        .transfer(await seeder.getAddress(), BigInt(participants) * 10n ** 18n);
      for (let i = 0; i < participants; i += SEED_BATCH) {
        const count = Math.min(SEED_BATCH, participants - i);
        await seeder.getFunction("seed")(
          await q.vault.getAddress(),
          await q.token.getAddress(),
          i,
          count,
          10n ** 18n,
          q.start,
          Number(4n * YEAR),
        );
      }
      const expected = BigInt(quiverSupply.allocations.filter((a) => a.kind === "vesting").length + participants);
      if ((await q.vault.scheduleCount()) !== expected) throw new Error("seeding the vault failed");
      await networkHelpers.time.increaseTo(q.start + YEAR); // the team schedule's cliff
      return {
        send: () => q.vault.release(0n),
        // Schedule: slot 0 read (beneficiary, cliff, duration, unlock), slot 1 rewritten (amount, released, start).
        // Token (one other contract): the vault's balance rewritten, the beneficiary's first balance, both
        // delegates read (ERC20Votes). Logs: Released(id, to, amount) and Transfer.
        floor: {
          coldAccounts: 1,
          coldReads: 3,
          nonZeroToNonZero: 2,
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
    module: "supply",
    action: "emission release (QUIVer: provider rewards into the epoch pool, notified)",
    prepare: async (connection) => {
      const { networkHelpers } = connection;
      const q = await deployQuiver(connection);
      await networkHelpers.time.increaseTo(q.start + 45n * DAY);
      await q.controller.release();
      await networkHelpers.time.increaseTo(q.start + 75n * DAY);
      return {
        send: () => q.controller.release(),
        // Controller: the curve's two prefix sums and the recipient read, `released` rewritten. Token and pool
        // (and the AccessManager for the pool's restricted notify: its function-role and membership slots):
        // balances of controller and pool rewritten, both delegates read; the pool's new epoch bucket set and its
        // total rewritten. Logs: Released, Transfer, RewardNotified.
        floor: {
          coldAccounts: 3,
          coldReads: 7,
          warmReads: 1,
          nonZeroToNonZero: 4,
          zeroToNonZero: 1,
          logs: [
            { topics: 1, dataBytes: 64 },
            { topics: 3, dataBytes: 32 },
            { topics: 2, dataBytes: 32 },
          ],
        },
      };
    },
  },
  {
    module: "supply",
    action: "reward pool claim (distributor pays a provider from an epoch bucket)",
    prepare: async (connection) => {
      const { ethers, networkHelpers } = connection;
      const q = await deployQuiver(connection);
      await networkHelpers.time.increaseTo(q.start + 45n * DAY);
      await q.controller.release();
      const provider = (await ethers.getSigners())[19];
      const distributor = q.signer("providerRewardsDistributor");
      return {
        send: () => q.pool!.connect(distributor).claim(1n, provider.address, 1_000n * 10n ** 18n),
        // AccessManager (restricted claim): function role and membership read. Pool: the bucket and the total
        // rewritten. Token: the pool's balance rewritten, the provider's first balance, both delegates read.
        // Logs: Claimed and Transfer.
        floor: {
          coldAccounts: 2,
          coldReads: 4,
          nonZeroToNonZero: 3,
          zeroToNonZero: 1,
          logs: [
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
          ],
        },
      };
    },
  },
];
