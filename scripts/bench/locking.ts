import { Contract, MaxUint256, parseEther } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { PAIR_ARTIFACT } from "../../deploy/modules/devnet/UniswapV2.js";
import { QERUN_LOCKING } from "../../presets/qerun/locking.js";
import { deployToken, deployUniswapV2 } from "../lib/deploy.js";
import { ROLES } from "../../lib/roles.js";
import type { BenchCase } from "./types.js";

const CAP = parseEther("1000000000");
const BATCH = 40;
const WEEK = 7 * 86_400;
const LOCK = parseEther("1000");

/**
 * A running lock module with the Qerun numbers: `participants` lockers (ends spread over 198 weeks, so many slope
 * buckets are live), a funded 7-day stream, and a holder who locked and claimed once. The global state is brought to
 * the measured second by a `checkpoint` first, so the row is the steady-state cost of the action; the first action of
 * a new week also pays that week's boundary (one cold read, and one write when some lock ends there).
 */
async function running(connection: NetworkConnection, participants: number) {
  const { ethers, networkHelpers } = connection;
  const [deployer, holder, newcomer] = await ethers.getSigners();
  const { manager, token } = await deployToken(connection, { name: "Qerun", symbol: "QER", cap: CAP });
  await manager.grantRole(ROLES.MINTER, deployer.address, 0);
  const locker = await ethers.deployContract("VoteLocker", [
    await token.getAddress(),
    await manager.getAddress(),
    QERUN_LOCKING.lock,
  ]);
  const lockerAddress = await locker.getAddress();
  // Unrestricted on this bench deployment: the deployer is the manager's admin (notify defaults to ADMIN).
  for (const account of [holder, newcomer]) {
    await token.mint(account.address, parseEther("100000"));
    await token.connect(account).approve(lockerAddress, MaxUint256);
  }
  const factory = await ethers.deployContract("BenchLockers", [lockerAddress, await token.getAddress()]);
  await token.mint(await factory.getAddress(), LOCK * BigInt(participants));
  for (let opened = 0; opened < participants; opened += BATCH) {
    const count = Math.min(BATCH, participants - opened);
    await (await factory.getFunction("create")(count, LOCK, opened, { gasLimit: 16_000_000 })).wait();
  }
  await locker.connect(holder).createLock(LOCK, 104 * WEEK);
  await token.mint(deployer.address, parseEther("1000000"));
  await token.transfer(lockerAddress, parseEther("1000000"));
  await locker.notifyRewardAmount(parseEther("1000000"));
  await networkHelpers.time.increase(3_600);
  await locker.connect(holder).claim();
  await networkHelpers.time.increase(3_600);
  await locker.checkpoint(52);
  return { locker, holder, newcomer };
}

/**
 * A Uniswap V2 QER/WETH pool, its LP token staked in LiquidityIncentives by `participants` other stakers (1 LP token
 * each, from distinct addresses) and by the measured staker, with a funded 30-day stream.
 */
async function lpRunning(connection: NetworkConnection, participants: number) {
  const { ethers, networkHelpers } = connection;
  const [deployer, staker] = await ethers.getSigners();
  const { manager, token } = await deployToken(connection, { name: "Qerun", symbol: "QER", cap: CAP });
  await manager.grantRole(ROLES.MINTER, deployer.address, 0);
  const uniswap = await deployUniswapV2(connection);
  const tokenAddress = await token.getAddress();
  await token.mint(deployer.address, parseEther("2000000"));
  await token.approve(await uniswap.router.getAddress(), parseEther("1000000"));
  const deadline = (await ethers.provider.getBlock("latest"))!.timestamp + 3_600;
  await (
    await uniswap.router.getFunction("addLiquidityETH")(
      tokenAddress,
      parseEther("1000000"),
      0n,
      0n,
      staker.address,
      deadline,
      { value: parseEther("500") },
    )
  ).wait();
  const pairAddress: string = await uniswap.factory.getFunction("getPair")(
    tokenAddress,
    await uniswap.weth.getAddress(),
  );
  const pair = new Contract(pairAddress, PAIR_ARTIFACT.abi, staker);
  const pool = await ethers.deployContract("LiquidityIncentives", [
    pairAddress,
    tokenAddress,
    await manager.getAddress(),
    QERUN_LOCKING.liquidity.rewardDuration,
  ]);
  const poolAddress = await pool.getAddress();
  await pair.getFunction("approve")(poolAddress, parseEther("1000000"));
  const stakers = await ethers.deployContract("BenchLpStakers", [poolAddress, pairAddress]);
  await pair.getFunction("transfer")(await stakers.getAddress(), parseEther("1") * BigInt(participants));
  for (let opened = 0; opened < participants; opened += BATCH) {
    const count = Math.min(BATCH, participants - opened);
    await (await stakers.getFunction("create")(count, parseEther("1"), { gasLimit: 16_000_000 })).wait();
  }
  await token.transfer(poolAddress, parseEther("1000000"));
  await pool.notifyRewardAmount(parseEther("1000000"));
  await pool.connect(staker).stake(parseEther("100"));
  await networkHelpers.time.increase(86_400);
  await pool.connect(staker).claim();
  await networkHelpers.time.increase(86_400);
  return { pool, staker };
}

/** Lock, claim lock rewards (each at 10 and 10,000 other lockers) and LP stake (at 10 and 10,000 other stakers). */
export const lockingCases: BenchCase[] = [
  {
    module: "locking",
    action: "lock (new holder creates a lock)",
    scaling: true,
    prepare: async (connection, participants) => {
      const { locker, newcomer } = await running(connection, participants);
      return {
        send: () => locker.connect(newcomer).createLock(LOCK, 104 * WEEK),
        // The newcomer approved the locker without limit (the token then skips the allowance write).
        // New: the account slot and the checkpoint. Rewritten: reward weight, slope and update time (one slot), the
        // accumulators, the stream slot with total locked, the end week's bucket, the two token balances (7).
        // Read: the allowance. Logs: Locked and Transfer.
        floor: {
          coldAccounts: 1,
          zeroToNonZero: 2,
          nonZeroToNonZero: 7,
          coldReads: 1,
          logs: [
            { topics: 2, dataBytes: 96 },
            { topics: 3, dataBytes: 32 },
          ],
        },
      };
    },
  },
  {
    module: "locking",
    action: "claim lock rewards",
    scaling: true,
    prepare: async (connection, participants) => {
      const { locker, holder } = await running(connection, participants);
      return {
        send: () => locker.connect(holder).claim(),
        // Rewritten: the accumulators and update time, the account's reward reference, the reserve, the owed amount
        // (cleared), the two token balances. Logs: RewardPaid and Transfer.
        floor: {
          coldAccounts: 1,
          nonZeroToNonZero: 5,
          nonZeroToZero: 1,
          logs: [
            { topics: 2, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
          ],
        },
      };
    },
  },
  {
    module: "locking",
    action: "LP stake (Uniswap V2 LP token, existing staker)",
    scaling: true,
    prepare: async (connection, participants) => {
      const { pool, staker } = await lpRunning(connection, participants);
      return {
        send: () => pool.connect(staker).stake(parseEther("10")),
        // Rewritten: the accumulator, total staked and update time, the staker's balance/owed and paid-per-token,
        // the pair's two balances and the allowance. Logs: Staked and Transfer.
        floor: {
          coldAccounts: 1,
          nonZeroToNonZero: 7,
          logs: [
            { topics: 2, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
          ],
        },
      };
    },
  },
];
