import { id, parseEther } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { quiverMarket } from "../../presets/quiver/market.js";
import { quiverStaking } from "../../presets/quiver/staking.js";
import { deployMarket } from "../lib/deploy.js";
import { ROLES } from "../../lib/roles.js";
import type { BenchCase } from "./types.js";

const CAP = parseEther("1000000000");
const MODEL = id("bench.model.auction");
const STAKE = parseEther("10000");
const BOND = quiverMarket.auction.bidBond.value;
const MAX_PRICE = parseEther("0.002");
const DAY = 86_400;
/** Crowd bidders created per transaction (each registers in staking, deposits a bond and commits: about 0.6M gas). */
const CROWD_BATCH = 20;
/** Crowd reveals per transaction (about 60,000 gas each). */
const REVEAL_BATCH = 150;

/**
 * A QUIVer request auction over the real market deployment (staking, catalogue, router, auction; no mocks in the
 * measured path): consumer C posted a request of 1,000,000 tokens at most 0.002 QUIV each (2,000 QUIV escrowed),
 * bidding for a day and revealing the next day; `participants` other bidders (a test-only crowd,
 * test/market/mocks/BenchBidderCrowd.sol, many per transaction), each a staked provider with one bond deposited, committed
 * on the same request before the measured provider P (staked, one bond deposited). With `revealed`, the bidding
 * deadline has passed and every crowd bid was revealed, each below the last, so the last is the best so far.
 */
async function auctionWithBidders(connection: NetworkConnection, participants: number, revealed: boolean) {
  const { ethers } = connection;
  const [deployer, provider, consumer, validators, infrastructure, treasury] = await ethers.getSigners();
  const deployed = await deployMarket(connection, {
    token: { name: "QUIVer", symbol: "QUIV", cap: CAP },
    staking: quiverStaking,
    market: quiverMarket,
    recipients: { validators: validators.address, infrastructure: infrastructure.address, treasury: treasury.address },
  });
  const { manager, token, staking, catalog, auction } = deployed;
  const at = await auction.getAddress();
  await manager.grantRole(ROLES.MINTER, deployer.address, 0);
  await token.mint(provider.address, STAKE + BOND);
  await token.connect(provider).approve(await staking.getAddress(), STAKE);
  await staking.connect(provider).registerProvider(STAKE);
  await catalog.connect(provider).listModel(MODEL, 0);
  await token.connect(provider).approve(at, BOND);
  await auction.connect(provider).depositBond(BOND);
  await token.mint(consumer.address, parseEther("2000"));
  await token.connect(consumer).approve(at, parseEther("2000"));
  const now = (await ethers.provider.getBlock("latest"))!.timestamp;
  await auction.connect(consumer).post(MODEL, 1_000_000n, MAX_PRICE, now + DAY, now + 2 * DAY);
  const requestId = 1n;

  const crowd = await ethers.deployContract("BenchBidderCrowd", [
    await staking.getAddress(),
    at,
    await token.getAddress(),
  ]);
  await token.mint(await crowd.getAddress(), (STAKE + BOND) * BigInt(participants));
  for (let created = 0; created < participants; created += CROWD_BATCH) {
    const count = Math.min(CROWD_BATCH, participants - created);
    await (
      await crowd.getFunction("create")(count, STAKE, BOND, requestId, MAX_PRICE - 1_000_000n, {
        gasLimit: 16_000_000,
      })
    ).wait();
  }
  if ((await auction.request(requestId)).commits !== BigInt(participants)) {
    throw new Error("bench: crowd of bidders not created");
  }
  // P's sealed bid: below every crowd bid, so its reveal becomes the best and frees the previous best's bond.
  const salt = id("bench.salt");
  const price = MAX_PRICE - 2_000_000n;
  const commitment = await auction.hashBid(price, salt, provider.address, requestId);
  if (revealed) {
    await auction.connect(provider).commit(requestId, commitment);
    await ethers.provider.send("evm_increaseTime", [DAY]);
    await ethers.provider.send("evm_mine", []);
    for (let done = 0; done < participants; done += REVEAL_BATCH) {
      const count = Math.min(REVEAL_BATCH, participants - done);
      await (await crowd.getFunction("reveal")(done, count, { gasLimit: 16_000_000 })).wait();
    }
    if ((await auction.request(requestId)).reveals !== BigInt(participants)) {
      throw new Error("bench: crowd bids not revealed");
    }
  }
  return { auction, provider, requestId, commitment, price, salt };
}

const NOTE =
  "a bidder must be an active provider: the staking contract is a cold call (its pool slots read), not a copied flag that could go stale";

/** Committing and revealing a sealed bid on a request, with 10 and 10,000 other bidders on the same request. */
export const auctionCases: BenchCase[] = [
  {
    module: "market",
    action: "bid on a request (sealed commitment, bond locked from the bidder's deposit)",
    scaling: true,
    prepare: async (connection, participants) => {
      const { auction, provider, requestId, commitment } = await auctionWithBidders(connection, participants, false);
      return {
        send: () => auction.connect(provider).commit(requestId, commitment),
        // Staking's provider pool read (a cold call); the request's first slot read, its counter slot rewritten; the
        // commitment written; the bidder's free bond rewritten. BidCommitted logged.
        floor: {
          coldAccounts: 1,
          coldReads: 2,
          zeroToNonZero: 1,
          nonZeroToNonZero: 2,
          logs: [{ topics: 3, dataBytes: 32 }],
        },
      };
    },
    note: NOTE,
  },
  {
    module: "market",
    action: "reveal a bid (becomes the best, frees the displaced best's bond)",
    scaling: true,
    prepare: async (connection, participants) => {
      const { auction, provider, requestId, price, salt } = await auctionWithBidders(connection, participants, true);
      return {
        send: () => auction.connect(provider).reveal(requestId, price, salt),
        // Staking's provider pool read (a cold call); the request's first slot read; the commitment cleared; the
        // best bid and the counters rewritten; the displaced bidder's free bond rewritten. BidRevealed logged.
        floor: {
          coldAccounts: 1,
          coldReads: 2,
          nonZeroToZero: 1,
          nonZeroToNonZero: 3,
          logs: [{ topics: 3, dataBytes: 96 }],
        },
      };
    },
    note: NOTE,
  },
];
