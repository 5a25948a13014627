import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { id, type ContractTransactionResponse } from "ethers";
import { network } from "hardhat";

import type { PresetEntry } from "../../scripts/lib/address-book.js";
import { deployLendingDevnetExternals } from "../../scripts/lib/deploy.js";
import { presetContracts } from "../../scripts/lib/presets.js";
import {
  buildStatement,
  checkStatementInputs,
  CSV_HEADER,
  human,
  statementSummary,
  type Statement,
} from "../../scripts/lib/statement.js";
import { signVoucher, type Voucher } from "../../scripts/lib/voucher.js";
import { contextFor } from "../../tasks/lib.js";
import rateProvider from "../../tasks/rate-provider.js";
import statementTask from "../../tasks/statement.js";
import { deployedEntry, failure } from "../utils/tasks.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const TOKEN = 10n ** 18n;
const DAY = 86_400n;
const MODEL = "statement-model";

/** The rows as `kind direction amount token contract.event`, easy to compare with a list written by hand. */
const lines = (s: Statement) =>
  s.rows.map((r) => `${r.kind} ${r.direction} ${human(r.amount, r.decimals)} ${r.token} ${r.contract}.${r.event}`);

const mined = async (tx: Promise<ContractTransactionResponse>) => (await (await tx).wait())!;

/**
 * QUIVer in-process; account 18 a provider serving MODEL, 19 a consumer. Known actions: the liquidity account funds
 * both (transfers), the provider registers (a stake), the consumer deposits 500 QUIV in the market, reserves 100 for
 * the provider and is charged 100 QUIV of list value by one voucher, rates the provider (a feedback reward), withdraws
 * its 400 left, burns 10 QUIV and sends 5 to account 17; the provider claims its earnings.
 */
async function quiverFixture() {
  const entry = await deployedEntry(connection, "quiver");
  const c = await presetContracts(connection, entry.contracts);
  const signers = await ethers.getSigners();
  const [friend, provider, consumer] = [signers[17], signers[18], signers[19]];
  const liquidity = await ethers.getSigner(entry.inputs.accounts.liquidity);
  const market = c.inferenceMarket!;
  await mined(c.token.connect(liquidity).transfer(provider, 10_000n * TOKEN));
  await mined(c.token.connect(liquidity).transfer(consumer, 1_000n * TOKEN));
  await mined(c.token.connect(provider).approve(c.staking!, 10_000n * TOKEN));
  await mined(c.staking!.connect(provider).registerProvider(10_000n * TOKEN));
  await mined(c.modelCatalog!.connect(provider).listModel(id(MODEL), 0));
  await mined(c.token.connect(liquidity).approve(c.ratings!, 100n * TOKEN));
  await mined(c.ratings!.connect(liquidity).fund(100n * TOKEN));

  await mined(c.token.connect(consumer).approve(market, 500n * TOKEN));
  await mined(market.connect(consumer).deposit(500n * TOKEN));
  await mined(market.connect(consumer).reserve(provider, 100n * TOKEN));
  const v: Voucher = {
    consumer: consumer.address,
    provider: provider.address,
    batch: false,
    modelId: id(MODEL),
    priorityBps: 0n,
    epoch: (await market.reserveOf(consumer, provider)).epoch,
    cumulativeAmount: 100n * TOKEN,
    cumulativeTokens: 100_000n,
    deadline: BigInt(await networkHelpers.time.latest()) + DAY,
  };
  const { chainId } = await ethers.provider.getNetwork();
  const signature = await signVoucher(consumer, await market.getAddress(), chainId, v);
  const settle = await mined(market.connect(provider).settle(v, signature));
  const consumerCtx = await contextFor(connection, "quiver", entry, "19");
  await rateProvider.run(
    {
      provider: provider.address,
      model: MODEL,
      stars: "5",
      review: "good",
      priority: "0",
      batch: false,
      preset: "quiver",
      from: "19",
    },
    consumerCtx,
  );
  await mined(market.connect(consumer).withdraw(400n * TOKEN));
  const burn = await mined(c.token.connect(consumer).burn(10n * TOKEN));
  await mined(c.token.connect(consumer).transfer(friend, 5n * TOKEN));
  await mined(market.connect(provider).claimEarnings());
  return { entry, provider: provider.address, consumer: consumer.address, settle, burn };
}

describe("Statements (scripts/lib/statement.ts, npm run statement, the statement task)", function () {
  this.timeout(300_000);

  it("lists a consumer's transfers, deposit, market payment and fee, feedback reward, withdrawal and burn", async function () {
    const { entry, consumer, settle, burn } = await networkHelpers.loadFixture(quiverFixture);
    const latest = await ethers.provider.getBlockNumber();
    const s = await buildStatement(connection, entry.contracts, {
      system: "quiver",
      account: consumer,
      fromBlock: 0,
      toBlock: latest,
    });
    // By hand: a first settlement has no volume discount, so the charge is the 100 QUIV of list value; a Bronze
    // provider keeps 80% (80 QUIV), the protocol's 20% is the consumer's fee. The feedback reward is 0.1% (10 bps)
    // of the least the consumer could have paid for 100 QUIV of list value (at the 50% largest discount, 50 QUIV):
    // 0.05 QUIV (under the 0.5 QUIV cap). Each Transfer a ruled row explains is not repeated.
    expect(lines(s)).to.deep.equal([
      "transfer in 1000 QUIV token.Transfer",
      "deposit out 500 QUIV inferenceMarket.Deposited",
      "payment out 80 QUIV inferenceMarket.Settled",
      "fee out 20 QUIV inferenceMarket.Settled",
      "reward in 0.05 QUIV ratings.Rated",
      "withdrawal in 400 QUIV inferenceMarket.Withdrawn",
      "burn out 10 QUIV token.Transfer",
      "transfer out 5 QUIV token.Transfer",
    ]);
    expect(s.unclassified, "every event naming the consumer has a rule or is ignored").to.deep.equal([]);
    const pay = s.rows[2];
    expect(pay.block).to.equal(settle.blockNumber);
    expect(pay.txHash).to.equal(settle.hash);
    const block = await ethers.provider.getBlock(settle.blockNumber);
    expect(pay.date).to.equal(new Date(block!.timestamp * 1000).toISOString());
    // QUIVer has no price source: no USD, and the note says so.
    for (const r of s.rows) {
      expect(r.usdPrice).to.equal(undefined);
      expect(r.note).to.match(/no price source in this preset$/);
    }
    expect(s.priceSource).to.match(/^none/);
    // 1,000 in; 500 deposited, 80 + 20 charged out of it, 400 withdrawn; +0.05 reward, -10 burned, -5 sent: the
    // wallet holds 1,000 - 500 + 400 + 0.05 - 10 - 5 = 885.05 QUIV.
    const c = await presetContracts(connection, entry.contracts);
    expect(await c.token.balanceOf(consumer)).to.equal(88_505n * 10n ** 16n);
    expect(statementSummary(s).find((l) => l.kind === "fee")).to.deep.equal({
      kind: "fee",
      token: "QUIV",
      count: 1,
      in: "0",
      out: "20",
      usdIn: "",
      usdOut: "",
    });

    // The block range: from the burn on, the burn and the transfer only.
    const tail = await buildStatement(connection, entry.contracts, {
      system: "quiver",
      account: consumer,
      fromBlock: burn.blockNumber,
      toBlock: latest,
    });
    expect(lines(tail)).to.deep.equal(["burn out 10 QUIV token.Transfer", "transfer out 5 QUIV token.Transfer"]);
  });

  it("lists a provider's funding, stake, market income and claimed earnings", async function () {
    const { entry, provider } = await networkHelpers.loadFixture(quiverFixture);
    const s = await buildStatement(connection, entry.contracts, {
      system: "quiver",
      account: provider,
      fromBlock: 0,
      toBlock: await ethers.provider.getBlockNumber(),
      labels: entry.inputs.accounts,
    });
    // The provider's 80% of the 100 QUIV charge is its income; claiming moves it from the market to its wallet.
    expect(lines(s)).to.deep.equal([
      "transfer in 10000 QUIV token.Transfer",
      "deposit out 10000 QUIV staking.Staked",
      "payment in 80 QUIV inferenceMarket.Settled",
      "withdrawal in 80 QUIV inferenceMarket.EarningsClaimed",
    ]);
    expect(s.rows[0].note).to.equal(
      `from liquidity (${entry.inputs.accounts.liquidity}); no price source in this preset`,
    );
    expect(s.unclassified).to.deep.equal([]);
  });

  it("the task writes the CSV and Markdown; a bad account, an unknown preset or from > to is one line", async function () {
    const { entry, consumer } = await networkHelpers.loadFixture(quiverFixture);
    const t = await contextFor(connection, "quiver", entry, "0");
    const dir = await mkdtemp(path.join(tmpdir(), "statement-"));
    const args = { account: consumer, fromBlock: "", toBlock: "", dir, preset: "quiver", from: "0" };
    const report = await statementTask.run(args, t);
    const base = path.join(dir, `statement-quiver-${consumer.slice(0, 10).toLowerCase()}`);
    expect(report).to.contain(`Statement of ${consumer} in QUIVer, blocks 0-`);
    expect(report).to.contain("  fee: 1 rows, in 0 QUIV, out 20 QUIV");
    expect(report).to.contain(`Written to ${base}.csv and ${base}.md`);
    const csv = (await readFile(`${base}.csv`, "utf8")).trim().split("\n");
    expect(csv[0]).to.equal(CSV_HEADER.join(","));
    expect(csv).to.have.length(1 + 8);
    expect(csv[4]).to.match(/,inferenceMarket,Settled,fee,out,QUIV,20,,,protocol's part of the charge/);
    const md = await readFile(`${base}.md`, "utf8");
    expect(md).to.contain("| fee | QUIV | 1 | 0 | 20 |  |  |");

    const latest = await ethers.provider.getBlockNumber();
    expect(await failure(statementTask.run({ ...args, account: "0x1234" }, t))).to.equal(
      '--account must be an address (0x and 40 hex digits), got "0x1234"',
    );
    expect(await failure(statementTask.run({ ...args, fromBlock: "20", toBlock: "10" }, t))).to.equal(
      "--from-block (20) is after --to-block (10)",
    );
    expect(await failure(statementTask.run({ ...args, toBlock: String(latest + 1) }, t))).to.equal(
      `--to-block (${latest + 1}) is after the latest block (${latest})`,
    );
    expect(await failure(statementTask.run({ ...args, fromBlock: "ten" }, t))).to.equal(
      '--from-block must be a block number, got "ten"',
    );
    const names = { preset: "STATEMENT_PRESET", account: "STATEMENT_ACCOUNT", from: "FROM", to: "TO" };
    expect(() => checkStatementInputs("quiverr", consumer, undefined, undefined, latest, names)).to.throw(
      'STATEMENT_PRESET must be one of quiver, qerun, qry, qutoken, got "quiverr"',
    );
  });

  it("values a lending preset's rows with its oracle router at each row's block, and says when it refuses", async function () {
    const externals = await deployLendingDevnetExternals(connection);
    const entry: PresetEntry = await deployedEntry(connection, "qerun", externals.addresses);
    const c = await presetContracts(connection, entry.contracts);
    const holder = (await ethers.getSigners())[19].address;
    const fund = await ethers.getSigner(entry.inputs.accounts.communityFund);
    // The community fund's launch unlock is releasable from the TGE.
    if (BigInt(await networkHelpers.time.latest()) < entry.inputs.start) {
      await networkHelpers.time.increaseTo(entry.inputs.start);
    }
    await mined(c.vestingVault.connect(fund).release(0n));
    const usd = (dollars: bigint) => dollars * 10n ** 8n;
    await mined(externals.qerFeed.setAnswer(usd(2n)));
    await mined(c.token.connect(fund).transfer(holder, 1_000n * TOKEN));
    await mined(externals.qerFeed.setAnswer(usd(3n)));
    await mined(c.token.connect(fund).transfer(holder, 500n * TOKEN));
    await mined(externals.stable.mint(holder, 250n * 10n ** 6n));
    // The feed's answer is older than the router's 3,900-second maximum age: the router refuses it.
    await networkHelpers.time.increase(4_000);
    await mined(c.token.connect(fund).transfer(holder, 1n * TOKEN));

    const s = await buildStatement(connection, entry.contracts, {
      system: "qerun",
      account: holder,
      fromBlock: 0,
      toBlock: await ethers.provider.getBlockNumber(),
      stable: entry.inputs.lending!.stable,
    });
    expect(lines(s)).to.deep.equal([
      "transfer in 1000 QER token.Transfer",
      "transfer in 500 QER token.Transfer",
      "mint in 250 USDC stable.Transfer",
      "transfer in 1 QER token.Transfer",
    ]);
    // 1,000 QER at $2 = $2,000.00; 500 QER at $3 = $1,500.00; 250 USDC at par = $250.00; the last has no price.
    expect(s.rows.map((r) => [r.usdPrice, r.usdCents])).to.deep.equal([
      [2n * TOKEN, 200_000n],
      [3n * TOKEN, 150_000n],
      [TOKEN, 25_000n],
      [undefined, undefined],
    ]);
    expect(s.rows[2].note).to.equal("stablecoin at par");
    expect(s.rows[3].note).to.match(/oracle refused the price at this block \(StalePrice\)$/);
    expect(s.priceSource).to.match(/^OracleRouter 0x[0-9a-fA-F]{40} \(Chainlink-style feeds\)/);
    expect(statementSummary(s).find((l) => l.kind === "transfer")).to.deep.equal({
      kind: "transfer",
      token: "QER",
      count: 3,
      in: "1501",
      out: "0",
      usdIn: "3500.00",
      usdOut: "",
    });
  });
});
