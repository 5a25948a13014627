import { id, parseEther } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { quiverMarket } from "../../presets/quiver/market.js";
import { quiverStaking } from "../../presets/quiver/staking.js";
import { deployMarket } from "../lib/deploy.js";
import { ROLES } from "../../lib/roles.js";
import type { BenchCase } from "./types.js";

const CAP = parseEther("1000000000");
const STAKE = parseEther("10000");
/** 2 QUIV per 1,000 tokens. */
const RATE = parseEther("2");
const DAY = 86_400;
/** Crowd contracts (each with one session) created per transaction (about 0.25M gas each). */
const CROWD_BATCH = 50;

/**
 * QUIVer volume contracts over the real market deployment (staking, router, volume contracts; no mocks in the measured
 * path): provider P (staked) accepted consumer C's contract of 1,000,000 tokens at 2 QUIV per 1,000 (2,000 escrowed,
 * 30 days) and already settled one voucher (100,000 tokens), so P, the module and its pending fees hold tokens; C
 * stores a session with P, already paid. `participants` other contracts to P, each with a stored session, were made by
 * a test-only crowd (test/market/mocks/BenchVolumeCrowd.sol, many per transaction). Every recipient already holds
 * tokens, as in a running economy.
 */
async function volumeWithContracts(connection: NetworkConnection, participants: number) {
  const { ethers } = connection;
  const [deployer, provider, consumer, validators, infrastructure, treasury] = await ethers.getSigners();
  const deployed = await deployMarket(connection, {
    token: { name: "QUIVer", symbol: "QUIV", cap: CAP },
    staking: quiverStaking,
    market: quiverMarket,
    recipients: { validators: validators.address, infrastructure: infrastructure.address, treasury: treasury.address },
  });
  const { manager, token, staking, volume } = deployed;
  const at = await volume.getAddress();
  await manager.grantRole(ROLES.MINTER, deployer.address, 0);
  await token.mint(provider.address, STAKE);
  await token.connect(provider).approve(await staking.getAddress(), STAKE);
  await staking.connect(provider).registerProvider(STAKE);
  await token.mint(consumer.address, parseEther("3000"));
  await token.connect(consumer).approve(at, parseEther("3000"));
  const now = (await ethers.provider.getBlock("latest"))!.timestamp;
  const termEnd = now + 30 * DAY;
  await volume.connect(consumer).propose(provider.address, id("bench.model.volume"), RATE, 1_000_000n, termEnd, 5_000n);
  const commitmentId = await volume.commitmentCount();
  await volume.connect(provider).accept(commitmentId);
  const { chainId } = await ethers.provider.getNetwork();
  const domain = { name: "VolumeContracts", version: "1", chainId, verifyingContract: at };
  const types = {
    Usage: [
      { name: "commitmentId", type: "uint256" },
      { name: "cumulativeTokens", type: "uint256" },
    ],
  };
  const sign = (cumulativeTokens: bigint) => consumer.signTypedData(domain, types, { commitmentId, cumulativeTokens });
  const first = { commitmentId, cumulativeTokens: 100_000n };
  await volume.connect(provider).settle(first, await sign(100_000n));
  await volume.connect(consumer).storeSession(id("bench.session"), provider.address, 1n);

  const crowd = await ethers.deployContract("BenchVolumeCrowd", [at, await token.getAddress()]);
  const fee = quiverMarket.volume.storageFeePerPeriod.value;
  await token.mint(await crowd.getAddress(), (parseEther("2") + fee) * BigInt(participants));
  for (let made = 0; made < participants; made += CROWD_BATCH) {
    const count = Math.min(CROWD_BATCH, participants - made);
    await (
      await crowd.getFunction("create")(count, provider.address, RATE, 1_000n, termEnd, { gasLimit: 16_000_000 })
    ).wait();
  }
  if ((await volume.commitmentCount()) !== BigInt(participants) + 1n) {
    throw new Error("bench: crowd of contracts not created");
  }
  const second = { commitmentId, cumulativeTokens: 200_000n };
  return { volume, provider, consumer, second, signature: await sign(200_000n) };
}

const NOTE =
  "the provider must be active (a cold call to staking) and the protocol's share is read from the router (a cold call); the token is a votes token (each balance change reads the holders' delegates); a voucher's ECDSA recovery costs 3,000 gas the floor does not count";

/** Settling a usage voucher and extending a session's storage, with 10 and 10,000 other contracts and sessions. */
export const volumeCases: BenchCase[] = [
  {
    module: "market",
    action: "settle a committed-volume voucher (consumer-signed, provider paid, protocol part accrued)",
    scaling: true,
    prepare: async (connection, participants) => {
      const { volume, provider, second, signature } = await volumeWithContracts(connection, participants);
      return {
        send: () => volume.connect(provider).settle(second, signature),
        // Staking's provider pool and the router's table read (cold calls); the contract's first two slots read, its
        // tokens slot and the totals rewritten. Token: the module's and the provider's balances rewritten.
        // UsageSettled and a Transfer logged.
        floor: {
          coldAccounts: 3,
          coldReads: 4,
          nonZeroToNonZero: 4,
          logs: [
            { topics: 4, dataBytes: 96 },
            { topics: 3, dataBytes: 32 },
          ],
        },
      };
    },
    note: NOTE,
  },
  {
    module: "market",
    action: "extend a session's storage (one period, fee through the split)",
    scaling: true,
    prepare: async (connection, participants) => {
      const { volume, consumer, provider } = await volumeWithContracts(connection, participants);
      return {
        send: () => volume.connect(consumer).storeSession(id("bench.session"), provider.address, 1n),
        // The fee, staking's provider pool and the router's table read (two cold calls and the token's); the session
        // and the totals rewritten. Token: the consumer's balance and allowance, the module's and the provider's
        // balances rewritten. SessionStored and two Transfers logged.
        floor: {
          coldAccounts: 3,
          coldReads: 3,
          nonZeroToNonZero: 6,
          logs: [
            { topics: 4, dataBytes: 128 },
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
          ],
        },
      };
    },
    note: NOTE,
  },
];
