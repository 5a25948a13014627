import { expect } from "chai";
import { id } from "ethers";
import { network } from "hardhat";

import type { PresetEntry } from "../../scripts/lib/address-book.js";
import { presetContracts } from "../../scripts/lib/presets.js";
import { signVoucher, type Voucher } from "../../scripts/lib/voucher.js";
import claimBounty from "../../tasks/claim-bounty.js";
import claimGrant from "../../tasks/claim-grant.js";
import claimProviderBonus from "../../tasks/claim-provider-bonus.js";
import { contextFor } from "../../tasks/lib.js";
import rateProvider from "../../tasks/rate-provider.js";
import certifyProvider from "../../tasks/certify-provider.js";
import { deployedEntry, failure } from "../utils/tasks.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const TOKEN = 10n ** 18n;
const DAY = 86_400n;
const MODEL = "rare-model";
const common = { preset: "quiver" };

/** QUIVer deployed in-process as the deploy script does; account 18 a Bronze provider serving MODEL, 19 a consumer. */
async function deployedFixture(): Promise<PresetEntry> {
  const entry = await deployedEntry(connection, "quiver");
  const c = await presetContracts(connection, entry.contracts);
  const signers = await ethers.getSigners();
  const [provider, consumer] = [signers[18], signers[19]];
  const liquidity = await ethers.getSigner(entry.inputs.accounts.liquidity);
  await (await c.token.connect(liquidity).transfer(provider, 10_000n * TOKEN)).wait();
  await (await c.token.connect(liquidity).transfer(consumer, 1_000n * TOKEN)).wait();
  await (await c.token.connect(provider).approve(c.staking!, 10_000n * TOKEN)).wait();
  await (await c.staking!.connect(provider).registerProvider(10_000n * TOKEN)).wait();
  await (await c.modelCatalog!.connect(provider).listModel(id(MODEL), 0)).wait();
  // The pools, funded by transfer from a named allocation.
  await (await c.token.connect(liquidity).approve(c.ratings!, 100n * TOKEN)).wait();
  await (await c.ratings!.connect(liquidity).fund(100n * TOKEN)).wait();
  await (await c.token.connect(liquidity).approve(c.providerPrograms!, 100n * TOKEN)).wait();
  await (await c.providerPrograms!.connect(liquidity).fund(1, 100n * TOKEN)).wait();
  return entry;
}

/** The consumer pays the provider `amount` of list value through one voucher on its reserve's channel. */
async function pay(entry: PresetEntry, amount: bigint) {
  const c = await presetContracts(connection, entry.contracts);
  const signers = await ethers.getSigners();
  const [provider, consumer] = [signers[18], signers[19]];
  const market = c.inferenceMarket!;
  await (await c.token.connect(consumer).approve(market, amount)).wait();
  await (await market.connect(consumer).deposit(amount)).wait();
  await (await market.connect(consumer).reserve(provider, amount)).wait();
  const v: Voucher = {
    consumer: consumer.address,
    provider: provider.address,
    batch: false,
    modelId: id(MODEL),
    priorityBps: 0n,
    epoch: (await market.reserveOf(consumer, provider)).epoch,
    cumulativeAmount: amount,
    cumulativeTokens: amount / 10n ** 15n,
    deadline: BigInt(await networkHelpers.time.latest()) + DAY,
  };
  const { chainId } = await ethers.provider.getNetwork();
  await (
    await market.connect(provider).settle(v, await signVoucher(consumer, await market.getAddress(), chainId, v))
  ).wait();
}

describe("Tasks: rate-provider, claim-provider-bonus, claim-grant, claim-bounty (tasks/)", function () {
  this.timeout(300_000);

  it("rate-provider rates only after a settled payment; certify-provider certifies the provider; claim-provider-bonus enrols, then pays diversity", async function () {
    const entry = await networkHelpers.loadFixture(deployedFixture);
    const provider = await contextFor(connection, "quiver", entry, "18");
    const consumer = await contextFor(connection, "quiver", entry, "19");
    const rate = { provider: provider.me, model: MODEL, stars: "5", review: "fast and accurate", priority: "0" };

    expect(await claimProviderBonus.run({ ...common, from: "18" }, provider)).to.equal(
      `Enrolled ${provider.me} in the provider programs: bonuses accrue on earnings settled from now on`,
    );
    // Mistakes in one line, before anything is sent.
    const nonce = await ethers.provider.getTransactionCount(consumer.me);
    expect(
      await failure(rateProvider.run({ ...rate, stars: "6", batch: false, ...common, from: "19" }, consumer)),
    ).to.equal("--stars must be from 1 to 5, got 6");
    expect(
      await failure(rateProvider.run({ ...rate, review: " ", batch: false, ...common, from: "19" }, consumer)),
    ).to.equal("--review is required (the review's text or its 32-byte id)");
    expect(await ethers.provider.getTransactionCount(consumer.me), "nothing sent").to.equal(nonce);
    // Nothing settled yet: the contract's refusal, decoded in one line.
    expect(await failure(rateProvider.run({ ...rate, batch: false, ...common, from: "19" }, consumer))).to.match(
      /^reverted with NoSettledPayment\(/,
    );

    // The market curator certifies the provider as a specialist of the model (mistakes in one line first); 30 days of
    // serving later, its settlements on it earn the diversity weight.
    const curator = await contextFor(connection, "quiver", entry, "marketCurator");
    const certify = { model: MODEL, provider: provider.me, revoke: false, ...common, from: "marketCurator" };
    expect(await failure(certifyProvider.run({ ...certify, model: "no-such-model" }, curator))).to.equal(
      `--provider ${provider.me} does not serve no-such-model`,
    );
    expect(await failure(certifyProvider.run({ ...certify, provider: "0x1234" }, curator))).to.match(/^--provider /);
    expect(await certifyProvider.run(certify, curator)).to.equal(
      `Certified ${provider.me} for ${MODEL}: its settlements on it earn the diversity weight from now on`,
    );
    expect(await certifyProvider.run(certify, curator)).to.equal(`${provider.me} is already certified for ${MODEL}`);
    await networkHelpers.time.increase(30n * DAY);
    await pay(entry, 1_000n * TOKEN);
    // 1,000 QUIV settled: the reward is the 0.5 QUIV cap (0.1% of 1,000 would be 1).
    expect(await rateProvider.run({ ...rate, batch: false, ...common, from: "19" }, consumer)).to.equal(
      `Rated ${provider.me} 5 stars (review ${id("fast and accurate")}), weighing 1000.0 QUIV settled; ` +
        "feedback reward 0.5 QUIV",
    );
    // Bronze, no discount: 80% of 1,000 earned, settled 30 days after it began serving the model alone, certified:
    // weighted in full, 0.2% of 800 = 1.6; no uptime figure, no tenure.
    expect(await claimProviderBonus.run({ ...common, from: "18" }, provider)).to.equal(
      "Claimed on 800.0 QUIV of earnings (800.0 QUIV weighted for diversity): availability 0.0 QUIV, " +
        "diversity 1.6 QUIV, loyalty 0.0 QUIV",
    );
    // Nothing settled since: the contract's refusal (the error's name and value; its argument name is the first ABI's).
    expect(await failure(claimProviderBonus.run({ ...common, from: "18" }, provider))).to.match(
      new RegExp(`^reverted with NothingToClaim\\(\\w+: ${provider.me}\\)$`),
    );
  });

  it("claim-grant pays a governance grant's vested part; claim-bounty pays an accepted bounty", async function () {
    const entry = await networkHelpers.loadFixture(deployedFixture);
    const c = await presetContracts(connection, entry.contracts);
    const programs = c.developerPrograms!;
    const liquidity = await ethers.getSigner(entry.inputs.accounts.liquidity);
    const anyone = await contextFor(connection, "quiver", entry, "5");
    const developer = (await ethers.getSigners())[19].address;

    // A grant as a proposal would create it: the normal timelock holds GOVERNOR.
    await (await c.token.connect(liquidity).approve(programs, 36_500n * TOKEN)).wait();
    await (await programs.connect(liquidity).fundGrants(36_500n * TOKEN)).wait();
    await networkHelpers.impersonateAccount(entry.contracts.normalTimelock);
    await networkHelpers.setBalance(entry.contracts.normalTimelock, 10n ** 18n);
    const timelock = await ethers.getSigner(entry.contracts.normalTimelock);
    await (await programs.connect(timelock).createGrant(developer, 36_500n * TOKEN, 365n * DAY)).wait();
    expect(await failure(claimGrant.run({ grant: "0", ...common, from: "5" }, anyone))).to.equal(
      "--grant must be from 1, got 0",
    );
    expect(await failure(claimGrant.run({ grant: "2", ...common, from: "5" }, anyone))).to.equal(
      "--grant 2: no such grant",
    );
    // 36,500 over 365 days: 100 a day, so 7,300 after 73 days.
    const { start } = await programs.grant(1n);
    await networkHelpers.time.increaseTo(start + 73n * DAY - 1n);
    await networkHelpers.time.setNextBlockTimestamp(start + 73n * DAY);
    expect(await claimGrant.run({ grant: "1", ...common, from: "5" }, anyone)).to.equal(
      `Paid 7300.0 QUIV of grant 1 to ${developer} (7300.0 QUIV of 36500.0 QUIV paid)`,
    );
    expect(await c.token.balanceOf(developer), "to the recipient, whoever sends it").to.equal(
      1_000n * TOKEN + 7_300n * TOKEN,
    );

    const curator = await ethers.getSigner(entry.inputs.accounts.marketCurator);
    await (await c.token.connect(liquidity).approve(programs, 2_000n * TOKEN)).wait();
    await (await programs.connect(liquidity).postBounty(curator, 2_000n * TOKEN)).wait();
    expect(await failure(claimBounty.run({ bounty: "1", ...common, from: "5" }, anyone))).to.equal(
      "bounty 1 is open: only an accepted bounty pays",
    );
    expect(await failure(claimBounty.run({ bounty: "x", ...common, from: "5" }, anyone))).to.equal(
      '--bounty must be a whole number, got "x"',
    );
    await (await programs.connect(curator).acceptBounty(1n, developer)).wait();
    expect(await claimBounty.run({ bounty: "1", ...common, from: "5" }, anyone)).to.equal(
      `Paid bounty 1: 2000.0 QUIV to ${developer}`,
    );
    expect(await failure(claimBounty.run({ bounty: "1", ...common, from: "5" }, anyone))).to.equal(
      "bounty 1 is paid: only an accepted bounty pays",
    );
  });
});
