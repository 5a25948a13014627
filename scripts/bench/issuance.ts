import { id, type Contract } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { deployIssuance } from "../lib/deploy.js";
import { RewardTree } from "../lib/merkle.js";
import { ROLES } from "../../lib/roles.js";
import type { BenchCase } from "./types.js";

const QUT = 10n ** 18n;
const FEE = 1_000n * QUT;
const TIER1 = 10_000n * QUT;
const TX_GAS = 16_000_000n; // below EDR's per-transaction gas cap (2^24)
const CLONE_CODE_BYTES = 45; // EIP-1167 minimal proxy

/** Bytes of the bench token's name, symbol and terms URI, appended to its clone's code. */
const TOKEN_TEXT_BYTES = "Coffee Club".length + "COFFEE".length + "ipfs://coffee-terms".length;
const TOKEN_CONFIG = {
  name: "Coffee Club",
  symbol: "COFFEE",
  cap: 1_000_000n * QUT,
  termsURI: "ipfs://coffee-terms",
  termsHash: id("Coffee Club terms v1"),
  minter: "0x0000000000000000000000000000000000000000",
};

/** The platform as deployed by the Issuance Ignition module, QUT mintable by the deployer. */
async function platform(connection: NetworkConnection) {
  const [deployer, treasury] = await connection.ethers.getSigners();
  const f = await deployIssuance(connection, { feeRecipient: treasury.address, distributor: deployer.address });
  await f.manager.grantRole(ROLES.MINTER, deployer.address, 0);
  return f;
}

type Platform = Awaited<ReturnType<typeof platform>>;

/** A test-only helper that fills the platform with other participants in few transactions. */
async function crowd(connection: NetworkConnection, f: Platform): Promise<Contract> {
  return (await connection.ethers.deployContract("IssuanceCrowd", [
    await f.qut.getAddress(),
    await f.registry.getAddress(),
    await f.factory.getAddress(),
  ])) as unknown as Contract;
}

/** `count` other issuers, each staked at tier 1 with one token of its own. */
async function addIssuers(connection: NetworkConnection, f: Platform, count: number) {
  const c = await crowd(connection, f);
  await f.qut.mint(await c.getAddress(), BigInt(count) * (TIER1 + FEE));
  for (let done = 0; done < count; done += 25) {
    const batch = Math.min(25, count - done);
    await (await c.getFunction("addIssuers")(BigInt(batch), TIER1, FEE, { gasLimit: TX_GAS })).wait();
  }
  if ((await f.factory.tokenCount()) !== BigInt(count)) throw new Error("bench: crowd of issuers not created");
}

export const issuanceCases: BenchCase[] = [
  {
    module: "issuance",
    action: "create issuer token (verified issuer, fee in QUT)",
    scaling: true,
    prepare: async (connection, participants) => {
      const f = await platform(connection);
      const [, , alice] = await connection.ethers.getSigners();
      await addIssuers(connection, f, participants);
      // Alice is a tier-2 issuer who already created one token and approved more than the next fee.
      await f.qut.mint(alice.address, 50_000n * QUT + 10n * FEE);
      await f.qut.connect(alice).approve(await f.registry.getAddress(), 50_000n * QUT + 10n * FEE);
      await f.registry.connect(alice).stake(50_000n * QUT);
      await f.factory.connect(alice).createToken(TOKEN_CONFIG);
      return {
        send: () => f.factory.connect(alice).createToken(TOKEN_CONFIG),
        // Unavoidable: call the registry and QUT (2 cold accounts); create the clone with the token's terms as
        // immutable arguments (45-byte proxy + 102 bytes of fixed terms + the three texts); take the slot
        // (issuer slot), count the fee for the issuer, move the fee (issuer and treasury balances, the allowance)
        // and read both delegates (ERC20Votes); read the tier that grants the slot, the issuer's freeze, the fee
        // and the fee recipient; list it (array element, length). Nothing is stored in the token.
        // Logs: QUT Transfer, FeePaid, SlotUsed, TokenCreated (index, config with three short strings, fee).
        floor: {
          coldAccounts: 2,
          contractsCreated: [CLONE_CODE_BYTES + 102 + TOKEN_TEXT_BYTES],
          coldReads: 6,
          nonZeroToNonZero: 6,
          zeroToNonZero: 1,
          logs: [
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 64 },
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 480 },
          ],
        },
      };
    },
  },
  {
    module: "issuance",
    action: "redeem issuer tokens (holder, with record)",
    scaling: true,
    prepare: async (connection, participants) => {
      const f = await platform(connection);
      const [, , carol] = await connection.ethers.getSigners();
      const c = await crowd(connection, f);
      await f.qut.mint(await c.getAddress(), TIER1 + FEE);
      await (await c.getFunction("becomeIssuer")(TIER1, FEE)).wait();
      const token = await connection.ethers.getContractAt("IssuerToken", await f.factory.tokenAt(0));
      // `participants` other holders, each with tokens, and as many redemptions already recorded.
      for (let done = 0; done < participants; done += 100) {
        const batch = Math.min(100, participants - done);
        await (
          await c.getFunction("addHoldersAndRedemptions")(
            await token.getAddress(),
            BigInt(batch),
            BigInt(1_000_000 + done),
            {
              gasLimit: TX_GAS,
            },
          )
        ).wait();
      }
      if ((await token.redemptionCount()) !== BigInt(participants)) throw new Error("bench: redemptions not made");
      await (await c.getFunction("mintTo")(await token.getAddress(), carol.address, 100n * QUT)).wait();
      return {
        send: () => token.connect(carol).redeem(10n * QUT, id("latte-order-7")),
        // Unavoidable: burn (holder balance, total supply), count the redemption and read the retired flag (one
        // slot), record holder + status and amount (two new slots). Logs: Transfer to zero, Redeemed.
        floor: {
          nonZeroToNonZero: 3,
          zeroToNonZero: 2,
          logs: [
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 64 },
          ],
        },
      };
    },
  },
  {
    module: "issuance",
    action: "mint issuer tokens (issuer, existing holder)",
    prepare: async (connection) => {
      const f = await platform(connection);
      const [, , alice, carol] = await connection.ethers.getSigners();
      await f.qut.mint(alice.address, TIER1 + FEE);
      await f.qut.connect(alice).approve(await f.registry.getAddress(), TIER1 + FEE);
      await f.registry.connect(alice).stake(TIER1);
      await f.factory.connect(alice).createToken(TOKEN_CONFIG);
      const token = await connection.ethers.getContractAt("IssuerToken", await f.factory.tokenAt(0));
      await token.connect(alice).mint(carol.address, 100n * QUT);
      return {
        send: () => token.connect(alice).mint(carol.address, 10n * QUT),
        // Unavoidable: ask the registry (cold account; issuer slot and tier 1 read), read the issuer and the
        // cap, update the outstanding total, the supply and the balance. Log: Transfer from zero.
        floor: {
          coldAccounts: 1,
          coldReads: 4,
          nonZeroToNonZero: 3,
          logs: [{ topics: 3, dataBytes: 32 }],
        },
      };
    },
  },
  {
    module: "issuance",
    action: "claim an issuer-signed voucher",
    prepare: async (connection) => {
      const f = await platform(connection);
      const [, , alice, carol] = await connection.ethers.getSigners();
      await f.qut.mint(alice.address, TIER1 + FEE);
      await f.qut.connect(alice).approve(await f.registry.getAddress(), TIER1 + FEE);
      await f.registry.connect(alice).stake(TIER1);
      await f.factory.connect(alice).createToken(TOKEN_CONFIG);
      const token = await connection.ethers.getContractAt("IssuerToken", await f.factory.tokenAt(0));
      const { chainId } = await connection.ethers.provider.getNetwork();
      const domain = { name: "Coffee Club", version: "1", chainId, verifyingContract: await token.getAddress() };
      const types = {
        Voucher: [
          { name: "to", type: "address" },
          { name: "amount", type: "uint256" },
          { name: "id", type: "uint256" },
          { name: "deadline", type: "uint256" },
        ],
      };
      const deadline = 4_000_000_000n;
      const sign = (voucherId: bigint) =>
        alice.signTypedData(domain, types, { to: carol.address, amount: 10n * QUT, id: voucherId, deadline });
      await token.claimVoucher(carol.address, 10n * QUT, 1n, deadline, await sign(1n));
      const sig = await sign(2n);
      return {
        send: () => token.connect(carol).claimVoucher(carol.address, 10n * QUT, 2n, deadline, sig),
        // Unavoidable: read the issuer and the name (the EIP-712 domain), mark the id used (its bitmap word), then
        // the same as a mint: registry call and reads, cap, outstanding total, supply, balance. Logs: Transfer,
        // VoucherClaimed. Not counted: the ecrecover precompile (3,000 gas) and the EIP-712 hashing.
        floor: {
          coldAccounts: 1,
          coldReads: 5,
          nonZeroToNonZero: 4,
          logs: [
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
          ],
        },
      };
    },
  },
  {
    module: "issuance",
    action: "settle between two issuers in QUT",
    prepare: async (connection) => {
      const f = await platform(connection);
      const [, , alice, bob] = await connection.ethers.getSigners();
      for (const s of [alice, bob]) {
        await f.qut.mint(s.address, 2n * TIER1);
        await f.qut.connect(s).approve(await f.registry.getAddress(), TIER1);
        await f.registry.connect(s).stake(TIER1);
      }
      await f.qut.connect(alice).approve(await f.settlement.getAddress(), TIER1);
      await f.settlement.connect(alice).settle(bob.address, 10n * QUT, id("invoice-1"));
      return {
        send: () => f.settlement.connect(alice).settle(bob.address, 250n * QUT, id("invoice-2")),
        // Unavoidable: ask the registry whether both sides are issuers (cold account, two reads), pay through QUT
        // (cold account; both balances, the allowance, both delegates read), count the settlement, record from +
        // time, to + amount and the reference (three new slots), add to both issuers' totals. Logs: Transfer,
        // Settled.
        floor: {
          coldAccounts: 2,
          coldReads: 4,
          nonZeroToNonZero: 6,
          zeroToNonZero: 3,
          logs: [
            { topics: 3, dataBytes: 32 },
            { topics: 4, dataBytes: 64 },
          ],
        },
      };
    },
  },
  {
    module: "issuance",
    action: "claim partner reward (Merkle proof, 1,000 partners)",
    prepare: async (connection) => {
      const f = await platform(connection);
      const [deployer, , , carol] = await connection.ethers.getSigners();
      const tree = partnerTree(carol.address);
      await f.qut.mint(deployer.address, tree.total);
      await f.qut.approve(await f.rewards.getAddress(), tree.total);
      await f.rewards.fund(tree.total);
      await f.rewards.startPeriod(tree.root, tree.total);
      await f.rewards.claim(1n, 1n, tree.entries[1].account, tree.entries[1].amount, tree.proof(1));
      return {
        send: () => f.rewards.claim(1n, 0n, carol.address, tree.entries[0].amount, tree.proof(0)),
        // Unavoidable: read the period's root, update its claimed total (checked against its funding), set the
        // claimed bit (a word already in use), pay through QUT (cold account; pool balance, new partner
        // balance, both delegates read). Logs: Transfer, Claimed. Not counted: hashing the 10-step proof.
        floor: {
          coldAccounts: 1,
          coldReads: 3,
          nonZeroToNonZero: 3,
          zeroToNonZero: 1,
          logs: [
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 64 },
          ],
        },
      };
    },
    reference: {
      name: "plain Merkle distributor (Uniswap-style)",
      prepare: async (connection) => {
        const f = await platform(connection);
        const [, , , carol] = await connection.ethers.getSigners();
        const tree = partnerTree(carol.address);
        const distributor = (await connection.ethers.deployContract("ReferenceMerkleDistributor", [
          await f.qut.getAddress(),
          tree.root,
        ])) as unknown as Contract;
        await f.qut.mint(await distributor.getAddress(), tree.total);
        await (
          await distributor.getFunction("claim")(1n, tree.entries[1].account, tree.entries[1].amount, tree.proof(1))
        ).wait();
        return {
          send: () => distributor.getFunction("claim")(0n, carol.address, tree.entries[0].amount, tree.proof(0)),
          // The same transfer and bitmap word, no period to read or update.
          floor: {
            coldAccounts: 1,
            coldReads: 2,
            nonZeroToNonZero: 2,
            zeroToNonZero: 1,
            logs: [
              { topics: 3, dataBytes: 32 },
              { topics: 2, dataBytes: 64 },
            ],
          },
        };
      },
    },
  },
];

/** 1,000 partners with distinct amounts; leaf 0 is `first`. */
function partnerTree(first: string): RewardTree {
  const entries = Array.from({ length: 1_000 }, (_, i) => ({
    account: i === 0 ? first : `0x${(0x100000 + i).toString(16).padStart(40, "0")}`,
    amount: BigInt(i + 1) * QUT,
  }));
  return new RewardTree(entries);
}
