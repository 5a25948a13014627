import { AbiCoder, keccak256 } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { deployLendingDevnet } from "../lib/deploy.js";
import { ROLES } from "../../lib/roles.js";
import { deployMorphoMarket } from "./morpho.js";
import type { BenchCase, Prepared } from "./types.js";

const USDC = 10n ** 6n;
const QER = 10n ** 18n;
const MAX = 2n ** 256n - 1n;
/** Participants added per transaction by the BenchCrowd helper. */
const CROWD_BATCH = 200;

/**
 * A devnet lending deployment (Qerun preset, real Uniswap V2) with `participants` other users, each holding a
 * collateral position (1 QER) and a vault deposit (1 USDC), a 1,000,000 USDC supplier, and a warm-up borrower
 * whose draw makes the vault's debt totals and the pool's price accumulators non-zero, as on a live market.
 * `alice` then holds 1,000 QER ($2,000) of collateral.
 */
async function lendingWorld(connection: NetworkConnection, participants: number) {
  const { ethers, networkHelpers } = connection;
  const [deployer, supplier, alice, warmup, liquidator] = await ethers.getSigners();
  await networkHelpers.setBalance(deployer.address, 100_000n * QER);
  const lending = await deployLendingDevnet(connection);
  const { manager, qer, stable, vault, creditManager } = lending;
  const cm = await creditManager.getAddress();
  await (await manager.grantRole(ROLES.MINTER, deployer.address, 0)).wait();

  await (await stable.mint(supplier.address, 1_000_000n * USDC)).wait();
  await (await stable.connect(supplier).approve(await vault.getAddress(), MAX)).wait();
  await (await vault.connect(supplier).deposit(1_000_000n * USDC, supplier.address)).wait();

  const crowd = await ethers.deployContract("BenchCrowd", [
    cm,
    await qer.getAddress(),
    await vault.getAddress(),
    await stable.getAddress(),
  ]);
  await (await qer.mint(await crowd.getAddress(), BigInt(participants) * QER)).wait();
  await (await stable.mint(await crowd.getAddress(), BigInt(participants) * USDC)).wait();
  for (let first = 0; first < participants; first += CROWD_BATCH) {
    const count = Math.min(CROWD_BATCH, participants - first);
    await (await crowd.getFunction("crowd")(first, count)).wait();
  }

  const deadline = async () => (await networkHelpers.time.latest()) + 3_600;
  for (const who of [warmup, alice, liquidator]) {
    await (await qer.mint(who.address, 10_000n * QER)).wait();
    await (await qer.connect(who).approve(cm, MAX)).wait();
    await (await stable.connect(who).approve(cm, MAX)).wait();
  }
  await (await creditManager.connect(warmup).addCollateral(warmup.address, 1_000n * QER)).wait();
  await (await creditManager.connect(warmup).borrow(500n * USDC, 0n, await deadline())).wait();
  await (await creditManager.connect(alice).addCollateral(alice.address, 1_000n * QER)).wait();
  return { ...lending, alice, liquidator, deadline };
}

/** Morpho Blue's liquidation LLTV for the reference market: 86%, near our QER limit. */
const MORPHO_LLTV = 86n * 10n ** 16n;
/** Morpho's oracle scale: loan-token units per collateral unit, times 10^36. */
const morphoPrice = (usdPerQer: bigint) => (usdPerQer * 10n ** 36n * USDC) / QER;

/**
 * The lending reference: Morpho Blue 1.0.0 (`@morpho-org/morpho-blue` from npm) on the same devnet, with the same
 * stablecoin as loan token and the same QER as collateral (a constant-price oracle and a constant-rate IRM serve it;
 * they are bench helpers). A 1,000,000 USDC supplier and a warm-up borrower make the market's totals non-zero;
 * `alice` holds 1,000 QER ($2,000) of collateral. Morpho has no ETH half: its borrow pays out the whole draw.
 */
async function morphoWorld(connection: NetworkConnection) {
  const w = await lendingWorld(connection, 1);
  const [, supplier, alice, warmup] = await connection.ethers.getSigners();
  const { morpho, oracle, params } = await deployMorphoMarket(
    connection,
    await w.stable.getAddress(),
    await w.qer.getAddress(),
    morphoPrice(2n),
    MORPHO_LLTV,
  );
  const blue = await morpho.getAddress();
  const as = (who: typeof alice) => morpho.connect(who) as typeof morpho;
  for (const who of [supplier, alice, warmup, w.liquidator]) {
    await (await w.qer.connect(who).approve(blue, MAX)).wait();
    await (await w.stable.connect(who).approve(blue, MAX)).wait();
  }
  await (await w.stable.mint(supplier.address, 1_001_000n * USDC)).wait();
  await (await as(supplier).getFunction("supply")(params, 1_000_000n * USDC, 0n, supplier.address, "0x")).wait();
  await (await as(warmup).getFunction("supplyCollateral")(params, 1_000n * QER, warmup.address, "0x")).wait();
  await (await as(warmup).getFunction("borrow")(params, 500n * USDC, 0n, warmup.address, warmup.address)).wait();
  await (await as(alice).getFunction("supplyCollateral")(params, 1_000n * QER, alice.address, "0x")).wait();
  return { ...w, morpho, oracle, params, supplier, as };
}

/** Our lending world with `alice` holding a 1,000 USDC loan (ETH half swapped), as repay and liquidate start. */
async function lendingWithLoan(connection: NetworkConnection, participants: number) {
  const w = await lendingWorld(connection, participants);
  await (await w.creditManager.connect(w.alice).borrow(1_000n * USDC, 0n, await w.deadline())).wait();
  return w;
}

/** Morpho's world with `alice` holding a 1,000 USDC loan, as repay and liquidate start. */
async function morphoWithLoan(connection: NetworkConnection) {
  const m = await morphoWorld(connection);
  await (
    await m.as(m.alice).getFunction("borrow")(m.params, 1_000n * USDC, 0n, m.alice.address, m.alice.address)
  ).wait();
  return m;
}

/** Morpho's borrow shares of `who` (its position's second word). */
async function morphoBorrowShares(m: Awaited<ReturnType<typeof morphoWorld>>, who: string): Promise<bigint> {
  const id = keccakMarketId(m.params);
  const position = await m.morpho.getFunction("position")(id, who);
  return position[1] as bigint;
}

/** Morpho's market id: keccak256 of the ABI-encoded market parameters. */
function keccakMarketId(params: [string, string, string, string, bigint]): string {
  return keccak256(AbiCoder.defaultAbiCoder().encode(["address", "address", "address", "address", "uint256"], params));
}

const MORPHO_LOG = (topics: number, dataWords: number) => ({ topics, dataBytes: 32 * dataWords });

const CM_LOG = (dataWords: number) => ({ topics: 3, dataBytes: 32 * dataWords });
const TRANSFER = { topics: 3, dataBytes: 32 };

/**
 * Borrow, repay and liquidate. Each is O(1) (no loop over positions or suppliers) and measured with 10 and with
 * 10,000 other participants. The floors count what any correct design of the issue must touch, including the
 * Uniswap V2 swap the issue requires; the notes say where the rest goes.
 */
export const lendingCases: BenchCase[] = [
  {
    module: "lending",
    action: "supply 1,000 USDC to the vault",
    scaling: true,
    prepare: async (connection, participants): Promise<Prepared> => {
      const w = await lendingWorld(connection, participants);
      await (await w.stable.mint(w.alice.address, 1_000n * USDC)).wait();
      await (await w.stable.connect(w.alice).approve(await w.vault.getAddress(), MAX)).wait();
      return {
        send: () => w.vault.connect(w.alice).deposit(1_000n * USDC, w.alice.address),
        // Accounts: the stablecoin. Reads: the interest state, the total supply. New: the supplier's shares.
        // Updated: the supplier's and the vault's stablecoin balances, the total supply, the interest state.
        // Logs: the stablecoin transfer, the share mint, Deposit.
        floor: {
          coldAccounts: 1,
          coldReads: 2,
          zeroToNonZero: 1,
          nonZeroToNonZero: 4,
          logs: [TRANSFER, TRANSFER, MORPHO_LOG(3, 2)],
        },
      };
    },
    reference: {
      name: "Morpho Blue 1.0.0 supply",
      prepare: async (connection): Promise<Prepared> => {
        const m = await morphoWorld(connection);
        await (await m.stable.mint(m.alice.address, 1_000n * USDC)).wait();
        return {
          send: () => m.as(m.alice).getFunction("supply")(m.params, 1_000n * USDC, 0n, m.alice.address, "0x"),
          // Accounts: the stablecoin, the IRM (accrual). New: the supplier's shares. Updated: the market's totals
          // (two slots) and last update, the supplier's and Morpho's stablecoin balances. Logs: accrual, Supply,
          // the transfer.
          floor: {
            coldAccounts: 2,
            coldReads: 3,
            zeroToNonZero: 1,
            nonZeroToNonZero: 5,
            logs: [MORPHO_LOG(2, 3), MORPHO_LOG(4, 2), TRANSFER],
          },
        };
      },
    },
  },
  {
    module: "lending",
    action: "borrow 1,000 USDC (500 paid out, 500 swapped to ETH on the Uniswap V2 pair)",
    scaling: true,
    prepare: async (connection, participants): Promise<Prepared> => {
      const w = await lendingWorld(connection, participants);
      const deadline = await w.deadline();
      return {
        send: () => w.creditManager.connect(w.alice).borrow(1_000n * USDC, 0n, deadline),
        // Accounts: QER/USD and ETH/USD feeds, the stablecoin, the pair, WETH.
        // Reads: the position (collateral, debt and ETH in one slot), the risk numbers, both feeds' answers, the
        // interest state.
        // New: the borrower's stablecoin balance.
        // Updated: the position's slot (its collateral already there), total debt, the lender's and the pair's
        // stablecoin balances, the pair's reserves and its two price accumulators, the pair's WETH balance, the
        // reserve's owned-ETH total.
        // Logs: 2 stablecoin transfers, WETH transfer + withdrawal, Swap, Sync, the borrow event.
        floor: {
          coldAccounts: 5,
          coldReads: 5,
          zeroToNonZero: 1,
          nonZeroToNonZero: 10,
          logs: [
            TRANSFER,
            TRANSFER,
            TRANSFER,
            { topics: 2, dataBytes: 32 },
            { topics: 3, dataBytes: 128 },
            { topics: 1, dataBytes: 64 },
            CM_LOG(5),
          ],
        },
      };
    },
    reference: {
      name: "Morpho Blue 1.0.0 borrow (no ETH half)",
      prepare: async (connection): Promise<Prepared> => {
        const m = await morphoWorld(connection);
        return {
          send: () =>
            m.as(m.alice).getFunction("borrow")(m.params, 1_000n * USDC, 0n, m.alice.address, m.alice.address),
          // Accounts: the stablecoin, the IRM, the oracle. Reads: the position's collateral. New: the position's
          // borrow shares. Updated: the market's totals and last update, both stablecoin balances. Logs: accrual,
          // Borrow, the transfer.
          floor: {
            coldAccounts: 3,
            coldReads: 4,
            zeroToNonZero: 1,
            nonZeroToNonZero: 5,
            logs: [MORPHO_LOG(2, 3), MORPHO_LOG(4, 3), TRANSFER],
          },
        };
      },
    },
    note: "The swap dominates: the vault lends both halves in one call (the swapped half straight to the pair), the reserve computes the output from the pair's reserves and swaps (the pair's balances, reserves and two price accumulators), WETH9 unwraps; our side adds the guard's reference update, the vault's accrual and a call to each module (oracle, vault, reserve), wired to each other at deployment without AccessManager checks.",
  },
  {
    module: "lending",
    action: "repay in full (position's ETH returned)",
    scaling: true,
    prepare: async (connection, participants): Promise<Prepared> => {
      const w = await lendingWithLoan(connection, participants);
      await (await w.stable.mint(w.alice.address, 1_000n * USDC)).wait();
      return {
        send: () => w.creditManager.connect(w.alice).repay(w.alice.address, MAX),
        // Accounts: the stablecoin, and the ETH call to the borrower (9,000 for a value transfer, counted as
        // 9,000 / 2,600 ~ 3.5 accounts below). Reads: the interest state. Updated: the position's slot (debt and
        // ETH cleared, the collateral stays), total debt, the payer's and the lender's stablecoin balances, the
        // owned-ETH total. Logs: the stablecoin transfer, the repay event.
        floor: {
          coldAccounts: 1 + 9_000 / 2_600,
          coldReads: 1,
          nonZeroToNonZero: 5,
          logs: [TRANSFER, CM_LOG(3)],
        },
      };
    },
    reference: {
      name: "Morpho Blue 1.0.0 repay in full",
      prepare: async (connection): Promise<Prepared> => {
        const m = await morphoWithLoan(connection);
        await (await m.stable.mint(m.alice.address, 1_000n * USDC)).wait();
        const shares = await morphoBorrowShares(m, m.alice.address);
        return {
          send: () => m.as(m.alice).getFunction("repay")(m.params, 0n, shares, m.alice.address, "0x"),
          // Accounts: the stablecoin, the IRM. Cleared: the position's borrow shares. Updated: the market's totals
          // and last update, both stablecoin balances. Logs: accrual, Repay, the transfer.
          floor: {
            coldAccounts: 2,
            coldReads: 3,
            nonZeroToZero: 1,
            nonZeroToNonZero: 5,
            logs: [MORPHO_LOG(2, 3), MORPHO_LOG(4, 2), TRANSFER],
          },
        };
      },
    },
    note: "Three contracts take part (credit manager, vault, ETH reserve), one call each (the vault accrues and books the repayment in one), wired to each other at deployment without AccessManager checks, plus the vault's and the reserve's events.",
  },
  {
    module: "lending",
    action: "liquidate half (ETH first, then QER; fee booked for the insurance fund)",
    scaling: true,
    prepare: async (connection, participants): Promise<Prepared> => {
      const w = await lendingWithLoan(connection, participants);
      await (await w.qerFeed.setAnswer(10n ** 8n)).wait(); // QER falls from $2 to $1
      await (await w.stable.mint(w.liquidator.address, 1_000n * USDC)).wait();
      return {
        send: () => w.creditManager.connect(w.liquidator).liquidate(w.alice.address, MAX),
        // Accounts: both feeds, the stablecoin, QER, and the ETH call to the liquidator (9,000).
        // Reads: the risk numbers, both answers, the interest state.
        // New: the liquidator's QER balance (the fund's fee is booked in the vault: no balance written for the
        // fund, which is empty here, as a real fund's first fee would find it).
        // Updated: the position (debt, ETH and collateral in one slot), total debt, the liquidator's and lender's
        // stablecoin balances, the credit manager's QER balance, the owned-ETH total.
        // Logs: 1 stablecoin transfer (the repayment and the fee together), 1 QER transfer, the liquidation event.
        floor: {
          coldAccounts: 4 + 9_000 / 2_600,
          coldReads: 4,
          zeroToNonZero: 1,
          nonZeroToNonZero: 6,
          logs: [TRANSFER, TRANSFER, CM_LOG(5)],
        },
      };
    },
    reference: {
      name: "Morpho Blue 1.0.0 liquidate half",
      prepare: async (connection): Promise<Prepared> => {
        const m = await morphoWithLoan(connection);
        await (await m.oracle.getFunction("setPrice")(morphoPrice(1n))).wait(); // QER falls from $2 to $1
        await (await m.stable.mint(m.liquidator.address, 1_000n * USDC)).wait();
        const half = (await morphoBorrowShares(m, m.alice.address)) / 2n;
        return {
          send: () => m.as(m.liquidator).getFunction("liquidate")(m.params, m.alice.address, 0n, half, "0x"),
          // Accounts: the stablecoin, QER, the IRM, the oracle. Reads: the position. New: the liquidator's QER
          // balance. Updated: the position's shares and collateral, the market's totals and last update, both
          // stablecoin balances, Morpho's QER balance. Logs: accrual, Liquidate, two transfers.
          floor: {
            coldAccounts: 4,
            coldReads: 4,
            zeroToNonZero: 1,
            nonZeroToNonZero: 7,
            logs: [MORPHO_LOG(2, 3), MORPHO_LOG(4, 5), TRANSFER, TRANSFER],
          },
        };
      },
    },
    note: "Reads both prices and the health before acting (the vault's accrual first, for the debt), then settles the repayment and books the fund's fee (owed to it in the vault, like its interest share: the liquidator pays both in one transfer, and no balance of the fund is written) in one more vault call, pays the reserve's ETH and QER (ERC20Votes bookkeeping on the transfer); no AccessManager check between the modules.",
  },
];
