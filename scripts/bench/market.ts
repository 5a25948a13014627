import { id, parseEther, type Signer } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { quiverMarket } from "../../presets/quiver/market.js";
import { quiverStaking } from "../../presets/quiver/staking.js";
import { deployMarket } from "../lib/deploy.js";
import { ROLES } from "../../lib/roles.js";
import { signVoucher, type Voucher } from "../lib/voucher.js";
import type { BenchCase } from "./types.js";

const CAP = parseEther("1000000000");
const MODEL = id("bench.model.small");
/**
 * Participants created per transaction (each ~0.6M gas: its escrow, reserve, signer and a settled channel), below the
 * 16.7M per-transaction cap of Osaka.
 */
const BATCH = 20;

/**
 * A running QUIVer market: provider P (Bronze) serves a small model; consumer C holds 100,000 QUIV of escrow, all
 * reserved for P, and has settled once with P (so the measured settlement updates an existing channel, as every
 * settlement of a stream but the first does), and that first settlement of 100 QUIV admitted C as an early adopter
 * (QUIVer's first 10,000 users); the early-adopter pool is funded, so the measured settlement pays C its 10% bonus
 * credits (in place of cashback, the heaviest consumer path); the cashback pool is funded as well;
 * `participants` other consumers, each with its own escrow, a reserve for another provider and a settled channel with
 * it (a test-only crowd, test/market/mocks/BenchMarketCrowd.sol, many per transaction), so every market mapping a
 * settlement touches already holds thousands of other entries.
 */
async function running(connection: NetworkConnection, participants: number) {
  const { ethers } = connection;
  const [deployer, provider, consumer, validators, infrastructure, treasury, holder] = await ethers.getSigners();
  const deployed = await deployMarket(connection, {
    token: { name: "QUIVer", symbol: "QUIV", cap: CAP },
    staking: quiverStaking,
    market: quiverMarket,
    recipients: { validators: validators.address, infrastructure: infrastructure.address, treasury: treasury.address },
  });
  const { manager, token, staking, catalog, incentives, market } = deployed;
  const marketAddress = await market.getAddress();
  await manager.grantRole(ROLES.MINTER, deployer.address, 0);
  await token.mint(provider.address, parseEther("10000"));
  await token.connect(provider).approve(await staking.getAddress(), parseEther("10000"));
  await staking.connect(provider).registerProvider(parseEther("10000"));
  await catalog.connect(provider).listModel(MODEL, 0);
  await token.mint(consumer.address, parseEther("200000"));
  await token.connect(consumer).approve(marketAddress, parseEther("100000"));
  await market.connect(consumer).deposit(parseEther("100000"));
  await market.connect(consumer).reserve(provider.address, parseEther("100000"));
  await market.syncTier(provider.address);
  await token.mint(deployer.address, parseEther("2000"));
  await token.approve(await incentives.getAddress(), parseEther("2000"));
  await incentives.fund(0, parseEther("1000")); // the cashback pool
  await incentives.fund(4, parseEther("1000")); // the early-adopter pool
  await token.mint(holder.address, parseEther("1000"));

  const crowd = await ethers.deployContract("BenchMarketCrowd", [
    marketAddress,
    await token.getAddress(),
    await staking.getAddress(),
  ]);
  await token.mint(await crowd.getAddress(), parseEther("10000") + parseEther("10") * BigInt(participants));
  await (await crowd.getFunction("register")(parseEther("10000"))).wait();
  for (let created = 0; created < participants; created += BATCH) {
    const count = Math.min(BATCH, participants - created);
    const tx = await crowd.getFunction("create")(count, parseEther("10"), MODEL, parseEther("1"), {
      gasLimit: 16_000_000,
    });
    await tx.wait();
  }

  const { chainId } = await ethers.provider.getNetwork();
  const deadline = BigInt((await ethers.provider.getBlock("latest"))!.timestamp + 86_400);
  const voucher = (cumulativeAmount: bigint, cumulativeTokens: bigint): Voucher => ({
    consumer: consumer.address,
    provider: provider.address,
    batch: false,
    modelId: MODEL,
    priorityBps: 0n,
    epoch: 0n,
    cumulativeAmount,
    cumulativeTokens,
    deadline,
  });
  const sign = (signer: Signer, v: Voucher) => signVoucher(signer, marketAddress, chainId, v);
  // The channel's first settlement: 100,000 tokens at the base rate, 100 QUIV (the early adopters' minimum).
  const first = voucher(parseEther("100"), 100_000n);
  await (await market.connect(provider).settle(first, await sign(consumer, first))).wait();
  return { ...deployed, provider, consumer, holder, voucher, sign };
}

/**
 * What a settlement of an existing channel must touch. Market: the pair's reserve, the channel, the provider's earnings
 * (with its cached tier and referral flag), the consumer's usage (monthly volume and subscription end), the ledger's two
 * slots and the totals (with the challenge window) read and rewritten; the channel's challenge window (value,
 * deadline, start, last ordinal: one slot's worth, here packed with the channel's parties) rewritten. Staking: the provider's
 * status (one read). Fee policy: fees and bands (two reads). Catalogue: the quote and the demand configuration (with the
 * bound market) read, the model's demand rewritten. Incentives: the rates (with the bound market) and the consumer's
 * standing read, the early-adopter terms read, the early-adopter pool and the consumer's bonus credits rewritten (a
 * provider never referred costs no referral read). No read of the consumer's registered signer (it signed itself).
 * Logs: Settled and the bonus's RewardAccrued.
 */
const SETTLE_FLOOR = {
  coldAccounts: 1,
  coldReads: 7,
  nonZeroToNonZero: 11,
  logs: [
    { topics: 3, dataBytes: 160 },
    { topics: 3, dataBytes: 32 },
  ],
};

const SETTLE_NOTE =
  "the fee policy, the catalogue and the incentive pools are separate contracts (three cold calls, 7.8k, and their own execution, ~9k) so the market stays under the 24 KB limit; staking's isActive reads the provider's pool, position and the tier table (~12.5k, one call); the channel's challenge window shares the two slots of its parties (rewritten, 10k, where a minimal layout rewrites one); the consumer's signature is recovered (ecrecover, 3k) under a cached EIP-712 domain; the market's hot state is packed so each slot it touches is read once and written once";

/** A settlement next to a plain ERC20 transfer of the same token. */
const transferReference = {
  name: "ERC20 transfer (QUIV, existing holder)",
  prepare: async (connection: NetworkConnection) => {
    const { token, holder, consumer } = await running(connection, 0);
    return {
      send: () => token.connect(holder).transfer(consumer.address, parseEther("10")),
      floor: { nonZeroToNonZero: 2, coldReads: 2, logs: [{ topics: 3, dataBytes: 32 }] },
    };
  },
};

/**
 * The developer programs of a QUIVer market: frank lists an app at 100 QUIV, grace holds 1,000 QUIV approved; the
 * grant budget holds 100,000 QUIV with one 50,000 QUIV grant to frank streamed over 100 days, half streamed and
 * claimed once (the measured claim updates an existing grant); a 2,000 QUIV bounty accepted for frank.
 */
async function developers(connection: NetworkConnection) {
  const { ethers } = connection;
  const [deployer, frank, grace, validators, infrastructure, treasury] = await ethers.getSigners();
  const deployed = await deployMarket(connection, {
    token: { name: "QUIVer", symbol: "QUIV", cap: CAP },
    staking: quiverStaking,
    market: quiverMarket,
    recipients: { validators: validators.address, infrastructure: infrastructure.address, treasury: treasury.address },
  });
  const { manager, token, developers: programs } = deployed;
  const at = await programs.getAddress();
  await manager.grantRole(ROLES.MINTER, deployer.address, 0);
  await manager.grantRole(ROLES.GOVERNOR, deployer.address, 0);
  await manager.grantRole(ROLES.MARKET_CURATOR, deployer.address, 0);
  // Every recipient already holds tokens, as in a running economy.
  for (const who of [frank, grace, validators, infrastructure, treasury])
    await token.mint(who.address, parseEther("1000"));
  await programs.connect(frank).listApp(parseEther("100"));
  await token.connect(grace).approve(at, parseEther("1000"));
  await programs.connect(grace).buyApp(1n, parseEther("100"));
  await token.mint(deployer.address, parseEther("102000"));
  await token.approve(at, parseEther("102000"));
  await programs.fundGrants(parseEther("100000"));
  await programs.createGrant(frank.address, parseEther("50000"), 100n * 86_400n);
  await connection.networkHelpers.time.increase(50 * 86_400);
  await programs.claimGrant(1n);
  await connection.networkHelpers.time.increase(10 * 86_400);
  await programs.postBounty(deployer.address, parseEther("2000"));
  await programs.acceptBounty(1n, frank.address);
  return { programs, frank, grace };
}

const DEVELOPERS_NOTE =
  "the token is a votes token: each balance change also reads the holders' delegates (cold reads a plain ERC20 would not make); the protocol's part is routed by the fee router (a separate contract, pulled by transferFrom and split to three recipients and a burn)";

function developerCases(): BenchCase[] {
  return [
    {
      module: "market",
      action: "buy a paid app (70% to the developer, 30% through the fee split)",
      prepare: async (connection) => {
        const { programs, grace } = await developers(connection);
        return {
          send: () => programs.connect(grace).buyApp(1n, parseEther("100")),
          // The app and the share read; token: grace's balance and allowance rewritten, the developer's and the
          // three recipients' balances rewritten, the total supply rewritten (burn); the router's fees and three
          // recipients read. AppPurchased, FeeRouted and six Transfer logs.
          floor: {
            coldAccounts: 2,
            coldReads: 6,
            nonZeroToNonZero: 7,
            logs: [
              { topics: 4, dataBytes: 64 },
              { topics: 2, dataBytes: 128 },
              ...Array.from({ length: 6 }, () => ({ topics: 3, dataBytes: 32 })),
            ],
          },
        };
      },
      note: DEVELOPERS_NOTE,
    },
    {
      module: "market",
      action: "claim a streamed grant (existing grant)",
      prepare: async (connection) => {
        const { programs } = await developers(connection);
        return {
          send: () => programs.claimGrant(1n),
          // The grant (two slots) and the budget (two slots) rewritten; the recipient's balance and the contract's
          // rewritten. GrantClaimed and Transfer logs.
          floor: {
            coldAccounts: 1,
            nonZeroToNonZero: 5,
            logs: [
              { topics: 3, dataBytes: 32 },
              { topics: 3, dataBytes: 32 },
            ],
          },
        };
      },
      note: DEVELOPERS_NOTE,
    },
    {
      module: "market",
      action: "claim an accepted bounty",
      prepare: async (connection) => {
        const { programs, frank } = await developers(connection);
        return {
          send: () => programs.connect(frank).claimBounty(1n),
          // The bounty's status rewritten and its reward read; the worker's balance and the contract's rewritten.
          // BountyClaimed and Transfer logs.
          floor: {
            coldAccounts: 1,
            coldReads: 1,
            nonZeroToNonZero: 3,
            logs: [
              { topics: 3, dataBytes: 32 },
              { topics: 3, dataBytes: 32 },
            ],
          },
        };
      },
      note: DEVELOPERS_NOTE,
    },
  ];
}

/** Licence holders created per transaction (each ~0.2M gas: a code-less buyer that buys one licence). */
const LICENCE_BATCH = 60;

/**
 * The data marketplace of a QUIVer market: dana lists a dataset (100 QUIV a licence of 30 days, supply 20,000); grace
 * holds 1,000 QUIV approved (the measured buy pays dana and the marketplace's pending fees, both non-zero already); `participants` other buyers already hold a licence of the same listing (a test-only
 * crowd, test/market/mocks/BenchLicenceCrowd.sol, many per transaction), so the listing's counter and the licence
 * mapping already hold thousands of entries. Every recipient already holds tokens, as in a running economy.
 */
async function licenceMarket(connection: NetworkConnection, participants: number) {
  const { ethers } = connection;
  const [deployer, dana, grace, validators, infrastructure, treasury] = await ethers.getSigners();
  const deployed = await deployMarket(connection, {
    token: { name: "QUIVer", symbol: "QUIV", cap: CAP },
    staking: quiverStaking,
    market: quiverMarket,
    recipients: { validators: validators.address, infrastructure: infrastructure.address, treasury: treasury.address },
  });
  const { manager, token, licences } = deployed;
  const at = await licences.getAddress();
  await manager.grantRole(ROLES.MINTER, deployer.address, 0);
  for (const who of [dana, grace, validators, infrastructure, treasury])
    await token.mint(who.address, parseEther("1000"));
  const price = parseEther("100");
  await licences.connect(dana).list({
    kind: 1,
    subject: id("bench.dataset"),
    price,
    supply: 20_000n,
    duration: 30n * 86_400n,
    termsHash: id("bench.terms"),
    resale: false,
  });
  await token.connect(grace).approve(at, parseEther("1000"));
  const crowd = await ethers.deployContract("BenchLicenceCrowd", [at, await token.getAddress()]);
  await token.mint(await crowd.getAddress(), price * BigInt(participants + 1));
  for (let created = 0; created < participants; created += LICENCE_BATCH) {
    const count = Math.min(LICENCE_BATCH, participants - created);
    await (await crowd.getFunction("create")(count, 1n, price, { gasLimit: 16_000_000 })).wait();
  }
  return { licences, grace };
}

const LICENCE_NOTE =
  "the token is a votes token: each balance change also reads the holders' delegates (cold reads a plain ERC20 would not make)";

const licenceCases: BenchCase[] = [
  {
    module: "market",
    action: "buy a licence (dataset, 80% to the seller, 20% held for the fee split)",
    scaling: true,
    prepare: async (connection, participants) => {
      const { licences, grace } = await licenceMarket(connection, participants);
      return {
        send: () => licences.connect(grace).buy(1n, parseEther("100")),
        // The listing's seller and price read, its counter rewritten, the licence written; the router's share read.
        // Token: grace's balance and allowance, the seller's balance and the marketplace's rewritten. LicenceBought
        // and two Transfer logs.
        floor: {
          coldAccounts: 2,
          coldReads: 2,
          zeroToNonZero: 1,
          nonZeroToNonZero: 5,
          logs: [
            { topics: 4, dataBytes: 96 },
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
          ],
        },
      };
    },
    note: LICENCE_NOTE,
  },
  {
    module: "market",
    action: "route the licence fees (the protocol's part of the sales, through the fee split with the burn)",
    prepare: async (connection, participants) => {
      const { licences } = await licenceMarket(connection, participants);
      return {
        send: () => licences.routeFees(),
        // The marketplace's balance emptied; the router's fees and three recipients read; the three recipients'
        // balances and the total supply rewritten (burn). FeesRouted, FeeRouted and five Transfer logs.
        floor: {
          coldAccounts: 2,
          coldReads: 4,
          nonZeroToZero: 1,
          nonZeroToNonZero: 4,
          logs: [
            { topics: 2, dataBytes: 32 },
            { topics: 2, dataBytes: 128 },
            ...Array.from({ length: 5 }, () => ({ topics: 3, dataBytes: 32 })),
          ],
        },
      };
    },
    note: `${DEVELOPERS_NOTE}; the votes token also records a total-supply checkpoint at the burn`,
  },
];

/**
 * Deposit, settle (one request, 10,000 requests, after a distribution, a channel's first voucher), quote, claim,
 * distribute.
 */
export const marketCases: BenchCase[] = [
  {
    module: "market",
    action: "settle a voucher covering 1 request (existing channel)",
    scaling: true,
    prepare: async (connection, participants) => {
      const { market, provider, consumer, voucher, sign } = await running(connection, participants);
      // One request of 100 tokens at the base rate: 0.1 QUIV more than the channel's last settlement.
      const v = voucher(parseEther("100.1"), 100_100n);
      const signature = await sign(consumer, v);
      return { send: () => market.connect(provider).settle(v, signature), floor: SETTLE_FLOOR };
    },
    reference: transferReference,
    note: SETTLE_NOTE,
  },
  {
    module: "market",
    action: "settle a voucher covering 10,000 requests (existing channel)",
    scaling: true,
    prepare: async (connection, participants) => {
      const { market, provider, consumer, voucher, sign } = await running(connection, participants);
      // 10,000 requests of 100 tokens each since the last settlement: 1,000,000 tokens, 1,000 QUIV.
      const v = voucher(parseEther("1100"), 1_100_000n);
      const signature = await sign(consumer, v);
      return { send: () => market.connect(provider).settle(v, signature), floor: SETTLE_FLOOR };
    },
    reference: transferReference,
    note: SETTLE_NOTE,
  },
  {
    module: "market",
    action: "settle a voucher after a fee distribution (existing channel)",
    prepare: async (connection, participants) => {
      const { market, provider, consumer, voucher, sign } = await running(connection, participants);
      // The distribution empties the four accrued parts; the ledger's counters keep its two slots non-zero, so the
      // settlement rewrites them as any other does.
      await (await market.distributeFees()).wait();
      const v = voucher(parseEther("100.1"), 100_100n);
      const signature = await sign(consumer, v);
      return { send: () => market.connect(provider).settle(v, signature), floor: SETTLE_FLOOR };
    },
    note: SETTLE_NOTE,
  },
  {
    module: "market",
    action: "settle a channel's first voucher",
    prepare: async (connection, participants) => {
      const { market, provider, consumer, voucher, sign } = await running(connection, participants);
      const v = { ...voucher(parseEther("1"), 1_000n), priorityBps: 500n };
      const signature = await sign(consumer, v);
      return {
        send: () => market.connect(provider).settle(v, signature),
        // As an existing channel, but the channel slot is new, its two parties are new and carry its first challenge
        // window (320 + 192 bits: two slots at least), and ChannelOpened is logged.
        floor: {
          ...SETTLE_FLOOR,
          nonZeroToNonZero: SETTLE_FLOOR.nonZeroToNonZero - 2,
          zeroToNonZero: 3,
          logs: [...SETTLE_FLOOR.logs, { topics: 4, dataBytes: 128 }],
        },
      };
    },
    note: SETTLE_NOTE,
  },
  {
    module: "market",
    action: "deposit (consumer tops up its escrow)",
    scaling: true,
    prepare: async (connection, participants) => {
      const { market, token, consumer } = await running(connection, participants);
      await token.connect(consumer).approve(await market.getAddress(), parseEther("2000"));
      return {
        send: () => market.connect(consumer).deposit(parseEther("1000")),
        // Token pull: the allowance and two balances rewritten, both vote delegates read, Transfer log. Market: the
        // pause slot read, the consumer's escrow and the escrow total rewritten, Deposited log.
        floor: {
          coldAccounts: 1,
          coldReads: 3,
          nonZeroToNonZero: 5,
          logs: [
            { topics: 3, dataBytes: 32 },
            { topics: 2, dataBytes: 32 },
          ],
        },
      };
    },
  },
  {
    module: "market",
    action: "quote 1,000 tokens (catalogue view, sent as a transaction)",
    prepare: async (connection) => {
      const { catalog } = await running(connection, 0);
      return {
        send: () => catalog.quote.send(MODEL, 1_000n),
        // The model, the quote configuration and the demand configuration read.
        floor: { coldReads: 3 },
      };
    },
  },
  {
    module: "market",
    action: "claim earnings (provider)",
    prepare: async (connection) => {
      const { market, provider } = await running(connection, 0);
      return {
        send: () => market.connect(provider).claimEarnings(),
        // The provider's earnings and the earnings total rewritten; token: the market's balance rewritten, the
        // provider's (it staked everything it had) set, both delegates read; EarningsClaimed and Transfer logs.
        floor: {
          coldAccounts: 1,
          coldReads: 2,
          nonZeroToNonZero: 3,
          zeroToNonZero: 1,
          logs: [
            { topics: 2, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
          ],
        },
      };
    },
  },
  {
    module: "market",
    action: "distribute fees in steady state (recipients paid before, burn part burned)",
    scaling: true,
    prepare: async (connection, participants) => {
      const { market, provider, consumer, voucher, sign } = await running(connection, participants);
      // A distribution has run before (the recipients hold tokens), then another settlement accrued new parts.
      await (await market.distributeFees()).wait();
      const v = voucher(parseEther("101"), 101_000n);
      await (await market.connect(provider).settle(v, await sign(consumer, v))).wait();
      return {
        send: () => market.distributeFees(),
        // The ledger (two slots) rewritten and the three recipients read from the fee router; token: the market's
        // balance, the total supply, three recipients' balances rewritten, a total-supply checkpoint pushed, vote
        // delegates read; FeesDistributed and four Transfer logs.
        floor: {
          coldAccounts: 2,
          coldReads: 7,
          nonZeroToNonZero: 8,
          zeroToNonZero: 1,
          logs: [
            { topics: 1, dataBytes: 128 },
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
          ],
        },
      };
    },
  },
  {
    module: "market",
    action: "distribute fees (three recipients paid, burn part burned)",
    prepare: async (connection) => {
      const { market } = await running(connection, 0);
      return {
        send: () => market.distributeFees(),
        // The ledger (two slots) rewritten and the three recipients read from the fee router; token: the market's
        // balance, the total supply and its checkpoint trace's length rewritten, three recipients' balances and a
        // total-supply checkpoint set, four vote delegates read; FeesDistributed and four Transfer logs.
        floor: {
          coldAccounts: 2,
          coldReads: 7,
          nonZeroToNonZero: 5,
          zeroToNonZero: 4,
          logs: [
            { topics: 1, dataBytes: 128 },
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
            { topics: 3, dataBytes: 32 },
          ],
        },
      };
    },
  },
  ...developerCases(),
  ...licenceCases,
];
