import { id, parseEther } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { quiverMarket } from "../../presets/quiver/market.js";
import { quiverPrograms } from "../../presets/quiver/programs.js";
import { quiverSlashing } from "../../presets/quiver/slashing.js";
import { quiverStaking } from "../../presets/quiver/staking.js";
import { deployPrograms } from "../lib/deploy.js";
import { ROLES } from "../../lib/roles.js";
import { signVoucher, type Voucher } from "../lib/voucher.js";
import type { BenchCase } from "./types.js";

const CAP = parseEther("1000000000");
const MODEL = id("bench.model.rare");
/** Crowd providers created per transaction (each registers in staking and enrols: about 0.5M gas) under the cap. */
const CROWD_BATCH = 25;

/**
 * QUIVer's programs over a running market: provider P (Bronze) serves a model nobody else serves and is enrolled;
 * consumer C paid it 1,000 QUIV through one settled channel; every program pool and the feedback pool are funded.
 * `participants` other providers (a test-only crowd, test/market/mocks/BenchProviderCrowd.sol, many per
 * transaction) registered in staking and enrolled before P, so P is the last of them.
 */
async function running(connection: NetworkConnection, participants = 0) {
  const { ethers } = connection;
  const [deployer, provider, consumer, validators, infrastructure, treasury] = await ethers.getSigners();
  const deployed = await deployPrograms(connection, {
    token: { name: "QUIVer", symbol: "QUIV", cap: CAP },
    staking: quiverStaking,
    market: quiverMarket,
    slashing: quiverSlashing,
    programs: quiverPrograms,
    recipients: { validators: validators.address, infrastructure: infrastructure.address, treasury: treasury.address },
  });
  const { manager, token, staking, catalog, market, ratings, programs } = deployed;
  const marketAddress = await market.getAddress();
  await manager.grantRole(ROLES.MINTER, deployer.address, 0);
  if (participants > 0) {
    const crowd = await ethers.deployContract("BenchProviderCrowd", [
      await staking.getAddress(),
      await programs.getAddress(),
      await token.getAddress(),
    ]);
    await token.mint(await crowd.getAddress(), parseEther("10000") * BigInt(participants));
    for (let created = 0; created < participants; created += CROWD_BATCH) {
      const count = Math.min(CROWD_BATCH, participants - created);
      await (await crowd.getFunction("create")(count, parseEther("10000"), { gasLimit: 16_000_000 })).wait();
    }
    // Every provider took its stake: the crowd holds nothing.
    if ((await token.balanceOf(crowd)) !== 0n) throw new Error("bench: crowd of providers not created");
  }
  await token.mint(provider.address, parseEther("10000"));
  await token.connect(provider).approve(await staking.getAddress(), parseEther("10000"));
  await staking.connect(provider).registerProvider(parseEther("10000"));
  await catalog.connect(provider).listModel(MODEL, 0);
  // The deployer stands in for the market curator: it certifies P for its model (eligible for the diversity bonus).
  await manager.grantRole(ROLES.MARKET_CURATOR, deployer.address, 0);
  await catalog.certify(MODEL, provider.address, true);
  await programs.connect(provider).enroll();
  await token.mint(consumer.address, parseEther("100000"));
  await token.connect(consumer).approve(marketAddress, parseEther("100000"));
  await market.connect(consumer).deposit(parseEther("100000"));
  await market.connect(consumer).reserve(provider.address, parseEther("100000"));
  await token.mint(deployer.address, parseEther("4000"));
  await token.approve(await programs.getAddress(), parseEther("3000"));
  for (const program of [0, 1, 2]) await programs.fund(program, parseEther("1000"));
  await token.approve(await ratings.getAddress(), parseEther("1000"));
  await ratings.fund(parseEther("1000"));

  // Settlements earn the diversity weight after 30 days of serving the model.
  await ethers.provider.send("evm_increaseTime", [30 * 86_400]);
  await ethers.provider.send("evm_mine", []);
  const { chainId } = await ethers.provider.getNetwork();
  const deadline = BigInt((await ethers.provider.getBlock("latest"))!.timestamp + 86_400);
  const v: Voucher = {
    consumer: consumer.address,
    provider: provider.address,
    batch: false,
    modelId: MODEL,
    priorityBps: 0n,
    epoch: 0n,
    cumulativeAmount: parseEther("1000"),
    cumulativeTokens: 1_000_000n,
    deadline,
  };
  const signature = await signVoucher(consumer, marketAddress, chainId, v);
  await (await market.connect(provider).settle(v, signature)).wait();
  return { ...deployed, provider, consumer };
}

const NOTE =
  "the figures a rule needs live in other modules (the market's channel or earnings, the router's split and discount cap, the incentive pools' rates, staking's status, the catalogue's model, the metrics registry's rolling uptime): each is a cold call to a separate contract, read rather than copied so no figure goes stale";

/** Rating a provider (with its feedback reward) and claiming the provider bonuses. */
export const programsCases: BenchCase[] = [
  {
    module: "programs",
    action: "rate a provider (first rating from a settled channel, feedback reward paid)",
    prepare: async (connection) => {
      const { ratings, consumer, provider } = await running(connection);
      const channel = { provider: provider.address, modelId: MODEL, priorityBps: 0n, batch: false, epoch: 0n };
      return {
        send: () => ratings.connect(consumer).rate(channel, 5n, id("review")),
        // The market's channel read (a cold call); the channel's rated value, the provider's sums, the pool's period
        // slot and the reviewer's period spend written for the first time; the pool's totals and its token balance
        // rewritten, the reviewer's balance created; Rated and Transfer logged.
        floor: {
          coldAccounts: 2,
          coldReads: 2,
          zeroToNonZero: 5,
          nonZeroToNonZero: 2,
          logs: [
            { topics: 4, dataBytes: 128 },
            { topics: 3, dataBytes: 32 },
          ],
        },
      };
    },
    note: NOTE,
  },
  {
    module: "programs",
    action: "claim provider bonuses (diversity paid, availability and loyalty checked)",
    // With 10 and with 10,000 other providers enrolled before P: the claim reads P's own standing and figures only.
    scaling: true,
    prepare: async (connection, participants) => {
      const { programs, provider } = await running(connection, participants);
      return {
        send: () => programs.connect(provider).claim(),
        // Staking's status, the market's earnings and weighted diversity earnings, the metrics registry's rolling
        // figure and epoch, the router's and pools' and ratings' rates: cold calls. The provider's standing rewritten
        // (two slots); the diversity pool's cap slot and the provider's cap written first; the pool's totals and its
        // token balance rewritten, the provider's balance created; BonusClaimed and Transfer logged.
        floor: {
          coldAccounts: 7,
          coldReads: 9,
          zeroToNonZero: 3,
          nonZeroToNonZero: 4,
          logs: [
            { topics: 2, dataBytes: 160 },
            { topics: 3, dataBytes: 32 },
          ],
        },
      };
    },
    note: NOTE,
  },
];
