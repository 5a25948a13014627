import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { id, parseUnits } from "ethers";
import { network } from "hardhat";
import type { NetworkConnection } from "hardhat/types/network";

import type { AddressBook } from "../../scripts/lib/address-book.js";
import { freePort, startNode, type Node } from "../../scripts/lib/devnet-node.js";
import { moduleFutures } from "../../scripts/lib/deploy-progress.js";
import { presetContracts, presetModule, PRESETS } from "../../scripts/lib/presets.js";
import { ROLES } from "../../lib/roles.js";

const TOKEN = 10n ** 18n;
const USDC = 10n ** 6n;
const DAY = 86_400;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The deployment against a real `hardhat node` over JSON-RPC: the test starts the node on a free port, deploys the four
 * presets with the deploy script (the same Ignition modules), deploys again (nothing sent, nothing changed), checks
 * numbers on-chain, runs every task through the CLI with `--network localhost`, and stops the node.
 */
// Opt-in: a real node and a deploy over JSON-RPC take minutes, so `npm test` skips this file and
// `npm run test:e2e` (TEST_E2E=1) runs it; CI runs both.
const e2e = process.env.TEST_E2E === "1" ? describe : describe.skip;

e2e("a hardhat node on localhost (deploy script, address book, tasks; npm run test:e2e)", function () {
  this.timeout(600_000);

  let node: Node | undefined;
  let url = "";
  let dir = "";
  const prefix = `test-${process.pid}-${Date.now()}-`;
  let env: NodeJS.ProcessEnv;
  let connection: NetworkConnection;
  let book: AddressBook;

  /** A progress line (the test is long: each step says what runs and how long it took). */
  const step = (line: string) => console.log(`      · ${line}`);

  /** Runs the Hardhat CLI against the node; resolves with its exit code and output (a failure is not thrown). */
  function hardhat(...args: string[]): Promise<Run> {
    const t0 = Date.now();
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ["node_modules/.bin/hardhat", ...args, "--network", "localhost"],
        { env, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error === null ? 0 : Number(error.code ?? 1);
          const command = args.join(" ").replace(/\s+/g, " ");
          const shown = command.length > 100 ? `${command.slice(0, 97)}...` : command;
          step(`hardhat ${shown}: exit ${code} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
          resolve({ code, stdout, stderr });
        },
      );
    });
  }

  /** Runs a task that must succeed; returns its output. */
  async function task(...args: string[]): Promise<string> {
    const r = await hardhat(...args);
    expect(r.code, `${args.join(" ")}: exit code (stderr: ${r.stderr.slice(-500)})`).to.equal(0);
    return r.stdout;
  }

  const deploy = () => task("run", "--no-compile", "scripts/deploy.ts");
  const rpc = (method: string, params: unknown[] = []) => connection.provider.request({ method, params });
  const readBook = async () => JSON.parse(await readFile(path.join(dir, "localhost.json"), "utf8")) as AddressBook;
  const account = (preset: keyof AddressBook["presets"], name: string) => book.presets[preset]!.inputs.accounts[name];

  before(async function () {
    dir = await mkdtemp(path.join(tmpdir(), "node-deployments-"));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    env = {
      ...process.env,
      HARDHAT_DISABLE_TELEMETRY: "true",
      LOCALHOST_URL: url,
      DEPLOYMENTS_DIR: dir,
      DEPLOYMENT_ID_PREFIX: prefix,
    };
    const t0 = Date.now();
    step(`starting a hardhat node on port ${port}`);
    // Hardhat's default network (no --network flag): the deploy script runs against it as `localhost`.
    node = await startNode(port, env, null);
    connection = await network.create({ network: "localhost", override: { url } });
    step(`the node answers after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });

  let testStarted = 0;
  beforeEach(function () {
    testStarted = Date.now();
    step(`phase: ${this.currentTest?.title}`);
  });
  afterEach(function () {
    step(`phase done in ${((Date.now() - testStarted) / 1000).toFixed(1)} s`);
  });

  after(async function () {
    await node?.stop();
    const journals = await readdir(path.join("deploy", "deployments")).catch(() => [] as string[]);
    for (const name of journals.filter((n) => n.startsWith(prefix))) {
      await rm(path.join("deploy", "deployments", name), { recursive: true, force: true });
    }
    if (dir !== "") await rm(dir, { recursive: true, force: true });
  });

  it("deploys the four presets over JSON-RPC and writes the address book", async function () {
    const out = await deploy();
    expect(out, "progress").to.contain(`Ignition deployment ${prefix}localhost-quiver`);
    // One progress line per Ignition module of every preset (no silent gap the length of a whole preset).
    for (const preset of Object.values(PRESETS)) {
      const section = out.split(`${preset.name}: Ignition deployment`)[1].split(/\n\S/)[0];
      const printed = [...section.matchAll(/^ {2}(\S+): \d+ steps? done \(\+\d+\.\d s\)$/gm)].map((m) => m[1]);
      expect(printed.sort(), `${preset.name}: a line per module`).to.deep.equal(
        [...moduleFutures(presetModule(preset)).keys()].sort(),
      );
    }
    book = await readBook();
    expect(book.chainId, "chain").to.equal(31337);
    expect(Object.keys(book.presets).sort(), "every preset").to.deep.equal(["qerun", "qry", "quiver", "qutoken"]);
    for (const [system, entry] of Object.entries(book.presets)) {
      expect(entry!.complete, `${system} complete`).to.equal(true);
      expect(await connection.ethers.provider.getCode(entry!.contracts.governor), `${system} governor`).to.not.equal(
        "0x",
      );
    }
    const journal = await readFile(
      path.join("deploy", "deployments", `${prefix}localhost-quiver`, "deployed_addresses.json"),
      "utf8",
    );
    expect(Object.values(JSON.parse(journal)), "Ignition's own record of the network's addresses").to.include(
      book.presets.quiver!.contracts.token,
    );

    const quiver = await presetContracts(connection, book.presets.quiver!.contracts);
    expect(await quiver.token.totalSupply(), "QUIVer: 1B at genesis").to.equal(1_000_000_000n * TOKEN);
    expect(await quiver.governor.proposalDeposit(), "QUIVer: deposit").to.equal(100_000n * TOKEN);
    expect(await quiver.staking!.parameter(id("staking.minSelfStake")), "QUIVer: Bronze").to.equal(10_000n * TOKEN);
    const qerun = await presetContracts(connection, book.presets.qerun!.contracts);
    expect(await qerun.creditManager!.parameter(id("lending.maxLtvBps")), "Qerun: 50% LTV").to.equal(5_000n);
    const qutoken = await presetContracts(connection, book.presets.qutoken!.contracts);
    expect(await qutoken.issuerTokenFactory!.creationFee(), "Qutoken: fee").to.equal(1_000n * TOKEN);
    const qry = await presetContracts(connection, book.presets.qry!.contracts);
    expect(await qry.controller.fundingMode(), "QRY: mint mode").to.equal(1n);
    const [deployer] = await connection.ethers.getSigners();
    expect((await quiver.manager.hasRole(0n, deployer.address))[0], "deployer is no admin").to.equal(false);
  });

  it("deploying twice sends no transaction and changes nothing", async function () {
    const [deployer] = await connection.ethers.getSigners();
    const blockBefore = await connection.ethers.provider.getBlockNumber();
    const nonceBefore = await connection.ethers.provider.getTransactionCount(deployer.address);
    const bookBefore = await readFile(path.join(dir, "localhost.json"), "utf8");
    await deploy();
    expect(await connection.ethers.provider.getBlockNumber(), "no block mined").to.equal(blockBefore);
    expect(await connection.ethers.provider.getTransactionCount(deployer.address), "no transaction sent").to.equal(
      nonceBefore,
    );
    expect(await readFile(path.join(dir, "localhost.json"), "utf8"), "same address book").to.equal(bookBefore);
  });

  it("runs the staking and governance tasks (QUIVer)", async function () {
    const signers = await connection.ethers.getSigners();
    const liquidity = account("quiver", "liquidity");
    const from = String(signers.findIndex((s) => s.address === liquidity));
    const q = await presetContracts(connection, book.presets.quiver!.contracts);
    await (await q.token.connect(signers[Number(from)]).transfer(signers[16].address, 10_000n * TOKEN)).wait();

    expect(await task("stake", "--amount", "20000", "--from", from), "stake").to.contain(
      "Registered as a provider with 20000.0 QUIV: self-stake 20000.0 QUIV, tier Bronze",
    );
    expect(await task("delegate", "--provider", liquidity, "--amount", "5000", "--from", "16"), "delegate").to.contain(
      `Delegated 5000.0 QUIV to ${liquidity}`,
    );
    expect(await task("unbond", "--amount", "1000", "--from", "16"), "unbond").to.match(
      /Unbonding 1000\.0 QUIV: request 0, withdrawable from \d{4}-\d\d-\d\dT/,
    );
    expect(await task("delegate-votes", "--from", from), "delegate-votes").to.contain(`delegated to ${liquidity}`);
    const proposed = await task(
      "propose",
      "--description",
      `Grant 1,000 QUIV to the docs team#proposer=${liquidity.toLowerCase()}`,
      "--grant-to",
      signers[17].address,
      "--amount",
      "1000",
      "--from",
      from,
    );
    expect(proposed, "propose")
      .to.contain("Proposed treasury grant of 1000.0 QUIV")
      .and.contain("deposit 100000.0 QUIV");
    const proposalId = /proposal (\d+)/.exec(proposed)![1];
    expect(await q.governor.state(BigInt(proposalId)), "pending").to.equal(0n);

    const early = await hardhat("vote", "--proposal", proposalId, "--support", "for", "--from", from);
    expect([early.code, early.stderr.trim()], "vote before the snapshot").to.deep.equal([
      1,
      `Error: proposal ${proposalId} is Pending, not Active: votes open at its snapshot`,
    ]);
    await rpc("evm_increaseTime", [7 * DAY + 1]);
    await rpc("evm_mine");
    // 50,000,000 - 20,000 staked - 10,000 sent, plus 20,000 x 1.5 staked weight, less the 100,000 deposit and the 1 wei
    // the governor's first proposal ever leaves it (its reserve).
    expect(await task("vote", "--proposal", proposalId, "--support", "for", "--from", from), "vote").to.contain(
      `Voted for on ${proposalId}: for 49899999.999999999999999999, against 0.0, abstain 0.0`,
    );
  });

  it("runs the market tasks (QUIVer): a consumer signs vouchers, its provider settles them", async function () {
    const signers = await connection.ethers.getSigners();
    const liquidity = account("quiver", "liquidity");
    const from = String(signers.findIndex((s) => s.address === liquidity));
    const provider = signers[Number(from)]; // registered by the stake task above: Bronze, no fee discount
    const consumer = signers[18];
    const q = await presetContracts(connection, book.presets.quiver!.contracts);
    const market = q.inferenceMarket!;
    await (await q.token.connect(provider).transfer(consumer.address, 1_000n * TOKEN)).wait();
    await (await q.modelCatalog!.connect(provider).listModel(id("llama-3-8b-instruct"), 0)).wait();
    await (await q.token.connect(consumer).approve(market, 1_000n * TOKEN)).wait();
    await (await market.connect(consumer).deposit(1_000n * TOKEN)).wait();

    // 100,000 tokens of a small model at 0.001 QUIV: 100 QUIV of list value, signed to a file.
    const file = path.join(dir, "voucher.json");
    const signed = await task(
      "sign-voucher",
      "--provider",
      liquidity,
      "--model",
      "llama-3-8b-instruct",
      "--amount",
      "100",
      "--tokens",
      "100000",
      "--out",
      file,
      "--from",
      "18",
    );
    expect(signed, "sign-voucher").to.match(
      new RegExp(
        `^Signed a voucher for ${liquidity}: cumulative 100\\.0 QUIV, 100000 tokens, model ${id("llama-3-8b-instruct")}, valid until `,
      ),
    );
    // Bronze: no discount; 80% of 100 to the provider. The subject is channel 1, ordinal 1: (1 << 24) | 1.
    expect(await task("settle", "--voucher", file, "--from", from), "settle").to.contain(
      `Settled subject 0x${"0".repeat(57)}1000001: 100.0 QUIV of list value (100000 tokens) from ${consumer.address}; ` +
        "charged 100.0 QUIV (discount 0%, priority 0.0 QUIV); provider's part 80.0 QUIV, unclaimed earnings 80.0 QUIV",
    );
    const replay = await hardhat("settle", "--voucher", file, "--from", from);
    expect([replay.code, replay.stderr.trim()], "a replay, decoded").to.deep.equal([
      1,
      "Error: reverted with VoucherAlreadySettled(cumulativeAmount: 100.0 QUIV, settledAmount: 100.0 QUIV)",
    ]);
    const wrong = await hardhat("settle", "--voucher", file, "--from", "18");
    expect(wrong.stderr.trim(), "only the voucher's provider settles").to.equal(
      `Error: reverted with NotVoucherProvider(caller: ${consumer.address}, provider: ${liquidity})`,
    );

    // The stream goes on: the next cumulative voucher, printed as JSON and settled inline, pays only the increase.
    const json = await task(
      "sign-voucher",
      "--provider",
      liquidity,
      "--model",
      "llama-3-8b-instruct",
      "--amount",
      "250",
      "--tokens",
      "250000",
      "--from",
      "18",
    );
    expect(JSON.parse(json).voucher.cumulativeAmount, "printed JSON").to.equal("250000000000000000000");
    expect(await task("settle", "--voucher", json.trim(), "--from", from), "settle inline").to.contain(
      `Settled subject 0x${"0".repeat(57)}1000002: 150.0 QUIV of list value (150000 tokens)`,
    );
    expect((await market.accountOf(consumer.address)).balance, "escrow: 1,000 - 250").to.equal(750n * TOKEN);
    const bad = await hardhat("settle", "--voucher", '{"market": "0x12"}', "--from", from);
    expect(bad.stderr.trim(), "a malformed voucher, named").to.equal(
      "Error: --voucher: voucher.batch must be true or false",
    );
  });

  it("runs the lending tasks (Qerun): borrow, liquidate after a price drop, repay", async function () {
    const signers = await connection.ethers.getSigners();
    const [deployer] = signers;
    const borrower = signers[17];
    const liquidator = signers[18];
    const c = await presetContracts(connection, book.presets.qerun!.contracts);
    const stable = await connection.ethers.getContractAt("MockStablecoin", book.externals!.stable);
    const qerFeed = await connection.ethers.getContractAt("MockAggregatorV3", book.externals!.qerFeed);
    const ethFeed = await connection.ethers.getContractAt("MockAggregatorV3", book.externals!.ethFeed);
    // Setup: a lender supplies the vault; the community fund's launch unlock funds the borrower; fresh prices.
    await (await qerFeed.connect(deployer).setAnswer(2n * 10n ** 8n)).wait();
    await (await ethFeed.connect(deployer).setAnswer(2_000n * 10n ** 8n)).wait();
    await (await stable.mint(deployer.address, 100_000n * USDC)).wait();
    await (await stable.connect(deployer).approve(c.stableVault!, 100_000n * USDC)).wait();
    await (await c.stableVault!.connect(deployer).deposit(100_000n * USDC, deployer.address)).wait();
    const fund = signers.find((s) => s.address === account("qerun", "communityFund"))!;
    await (await c.vestingVault.connect(fund).release(0n)).wait();
    await (await c.token.connect(fund).transfer(borrower.address, 10_000n * TOKEN)).wait();

    const borrowed = await task("borrow", "--collateral", "10000", "--amount", "10000", "--from", "17");
    expect(borrowed, "borrow").to.match(/Borrowed 10000\.0 USDC: 5000\.0 paid out, 5000\.0 swapped to [\d.]+ ETH/);
    const over = await hardhat("borrow", "--amount", "1", "--from", "17");
    expect(over.code, "over the limit").to.equal(1);
    expect(over.stderr, "decoded error").to.match(
      /^Error: reverted with BorrowBelowMinimum\(amount: 1\.0 USDC, minimum: 100\.0 USDC\)/,
    );

    await (await qerFeed.connect(deployer).setAnswer(10n ** 8n)).wait(); // QER $2 -> $1
    await (await stable.mint(liquidator.address, 5_000n * USDC)).wait();
    expect(
      await task("liquidate", "--account", borrower.address, "--amount", "2000", "--from", "18"),
      "liquidate",
    ).to.match(
      /Liquidated 0x[0-9a-fA-F]{40}: repaid 2000\.0 USDC \(\+ 40\.0 to the insurance fund\), seized 1\.08 ETH and 0\.0 QER/,
    );
    await (await stable.mint(borrower.address, 4_000n * USDC)).wait();
    expect(await task("repay", "--amount", "all", "--from", "17"), "repay").to.match(
      /Repaid 8000\.\d+ USDC for 0x[0-9a-fA-F]{40}: debt left 0\.0 USDC, ETH returned 1\.16/,
    );

    // The borrower's statement, read from the node's events: by hand, 10,000 QER received and locked as collateral
    // at $2 ($20,000.00 each way); 5,000 USDC paid out of the 10,000 borrowed (the stablecoin at par); the
    // liquidation at QER $1 seized 1.08 ETH of the position (ETH at $2,000: $2,160.00) and no QER; 4,000 USDC minted;
    // the repayment in USDC, and the position's ETH paid back from the reserve.
    const statement = await task("statement", "--account", borrower.address, "--preset", "qerun", "--dir", dir);
    expect(statement, "statement").to.contain("  transfer: 1 rows, in 10000 QER, out 0 QER (USD in 20000.00, out -)");
    expect(statement).to.contain("  deposit: 1 rows, in 0 QER, out 10000 QER (USD in -, out 20000.00)");
    expect(statement).to.contain("  borrow: 1 rows, in 5000 USDC, out 0 USDC (USD in 5000.00, out -)");
    expect(statement).to.contain("  slash: 1 rows, in 0 ETH, out 1.08 ETH (USD in -, out 2160.00)");
    expect(statement).to.contain("  mint: 1 rows, in 4000 USDC, out 0 USDC (USD in 4000.00, out -)");
    expect(statement).to.match(/\n {2}repay: 1 rows, in 0 USDC, out 8000\.\d+ USDC/);
    expect(statement).to.match(/\n {2}withdrawal: 1 rows, in 1\.16\d* ETH, out 0 ETH/);
    expect(statement).to.match(/Written to .*statement-qerun-0x[0-9a-f]{8}\.csv and .*\.md$/m);
  });

  it("runs the issuer tasks (Qutoken): stake, create a token, mint, redeem", async function () {
    const signers = await connection.ethers.getSigners();
    const issuer = signers[19];
    const customer = signers[18];
    const c = await presetContracts(connection, book.presets.qutoken!.contracts);
    const operations = signers.find((s) => s.address === account("qutoken", "operations"))!;
    await (await c.token.connect(operations).transfer(issuer.address, 60_000n * TOKEN)).wait();

    const refused = await hardhat(
      "create-issuer-token",
      "--name",
      "Acme",
      "--symbol",
      "ACME",
      "--cap",
      "1000",
      "--terms-uri",
      "ipfs://acme",
      "--from",
      "19",
    );
    expect(refused.stderr, "not verified yet").to.match(/^Error: reverted with \w+\(/);
    expect(await task("issuer-stake", "--amount", "50000", "--from", "19"), "issuer-stake").to.contain(
      "Staked 50000.0 QUT: issuer Verified, stake 50000.0, slots 0 of 5",
    );
    const created = await task(
      "create-issuer-token",
      "--name",
      "Acme Coffee Voucher",
      "--symbol",
      "ACME",
      "--cap",
      "1000000",
      "--terms-uri",
      "ipfs://acme-coffee-terms",
      "--from",
      "19",
    );
    expect(created, "create").to.contain("fee 1000.0 QUT");
    const token = /at (0x[0-9a-fA-F]{40})/.exec(created)![1];
    expect(
      await task("issuer-mint", "--token", token, "--to", customer.address, "--amount", "1000", "--from", "19"),
      "mint",
    ).to.contain("Minted 1000.0 ACME");
    expect(
      await task("redeem", "--token", token, "--amount", "100", "--ref", "order 1", "--from", "18"),
      "redeem",
    ).to.contain('Redeemed 100.0 ACME (redemption 1, ref "order 1"): burned; pending with the issuer 100.0');
  });

  it("runs the distribution tasks (QRY): a validator claims an epoch's consensus rewards, a portal sells a subscription", async function () {
    const signers = await connection.ethers.getSigners();
    const c = await presetContracts(connection, book.presets.qry!.contracts);
    const registrar = signers.find((s) => s.address === account("qry", "distributionRegistrar"))!;
    const [validator, portal, client, integrator] = [signers[11], signers[12], signers[13], signers[15]];
    const consensus = c.consensusRewards!;
    const engine = c.distributionEngine!;
    await (await c.manager.connect(registrar).grantRole(ROLES.DISTRIBUTION_CONSENSUS_REPORTER, registrar, 0)).wait();
    await (await consensus.connect(registrar).setValidator(validator.address, true)).wait();
    const epoch = await c.subscriptions!.currentEpoch();
    await (await consensus.connect(registrar).recordBlocks(epoch, validator.address, 1_000n)).wait();

    const early = await hardhat("claim", "--pool", "consensus", "--from", "11");
    expect(early.stderr.trim(), "nothing closed yet").to.equal(
      "Error: no epoch is closed yet: an epoch closes once it ends (closeEpoch, anyone)",
    );
    // The epoch ends; issuance is minted into the engine, which closes it (anyone may).
    await rpc("evm_increaseTime", [30 * DAY]);
    await rpc("evm_mine");
    await (await c.controller.release()).wait();
    while ((await engine.nextEpoch()) <= epoch) await (await engine.closeEpoch()).wait();
    // The claim task pays the claimed pool its pending budget of the epoch before it claims.

    const claimed = await task("claim", "--pool", "consensus", "--from", "11");
    const match = new RegExp(`^Claimed ([\\d.]+) QRY from the consensus pool for epoch ${epoch}`).exec(claimed);
    expect(match, `claim: ${claimed}`).to.not.equal(null);
    const amount = parseUnits(match![1], 18);
    expect(amount, "the validator's share").to.be.greaterThan(0n);
    expect(await c.token.balanceOf(validator.address), "paid to the validator").to.equal(amount);
    expect(await consensus.claimable(epoch, validator.address), "claimed").to.equal(0n);
    const twice = await hardhat("claim", "--pool", "consensus", "--epoch", String(epoch), "--from", "11");
    expect(twice.stderr.trim(), "a second claim, decoded").to.match(
      new RegExp(`^Error: reverted with AlreadyClaimed\\(\\w+: ${epoch}, \\w+: ${validator.address}\\)$`),
    );

    await (await c.manager.connect(registrar).grantRole(ROLES.DISTRIBUTION_PORTAL, portal.address, 0)).wait();
    await (await c.token.connect(validator).transfer(portal.address, 1_200n * TOKEN)).wait();
    // Portals and integrators are staked identities: each registers with the preset's 10,000 QRY minimum, locked for
    // a year (a sale credits them only with their own stake locked through the epoch's claim window).
    for (const who of [portal, integrator]) {
      await (await c.token.connect(validator).transfer(who.address, 10_000n * TOKEN)).wait();
      await (await c.token.connect(who).approve(c.staking!, 10_000n * TOKEN)).wait();
      await (await c.staking!.connect(who).registerProvider(10_000n * TOKEN)).wait();
      await (await c.staking!.connect(who).lock(365n * 86_400n)).wait();
    }
    // A sale names a registered integrator: the task says so in one line, before anything is sent.
    const unregistered = await hardhat(
      "subscribe",
      "--client",
      client.address,
      "--integrator",
      integrator.address,
      "--monthly",
      "100",
      "--from",
      "12",
    );
    expect(unregistered.stderr.trim(), "an unregistered integrator").to.equal(
      `Error: integrator ${integrator.address} is not registered: it registers itself once, staked ` +
        "(register-integrator --from ...)",
    );
    const registered = (await task("register-integrator", "--from", "15")).trim();
    const integratorId = await c.subscriptions!.integratorId(integrator.address);
    expect(integratorId, "registered on-chain").to.be.greaterThan(0n);
    expect(registered, "register-integrator").to.equal(
      `Registered ${integrator.address} as integrator ${integratorId}: portals may now name it in a sale`,
    );
    const again = await hardhat("register-integrator", "--from", "15");
    expect(again.stderr.trim(), "once").to.equal(
      `Error: ${integrator.address} is registered already, as integrator ${integratorId}`,
    );
    const open = await c.subscriptions!.currentEpoch();
    expect(
      await task(
        "subscribe",
        "--client",
        client.address,
        "--integrator",
        integrator.address,
        "--monthly",
        "100",
        "--epochs",
        "12",
        "--from",
        "12",
      ),
      "subscribe",
    ).to.contain(
      `Sold subscription 1 to ${client.address} (integrator ${integrator.address}): 100.0 QRY a month for 12 epochs, ` +
        `1200.0 QRY paid; active epochs ${open} to ${open + 11n}`,
    );
    expect(await c.token.balanceOf(portal.address), "the portal paid 1,200 QRY").to.equal(0n);
    // Prepaid revenue counts one month's pay in each epoch it covers.
    expect((await c.subscriptions!.epochStats(open)).revenue, "revenue of the open epoch").to.equal(100n * TOKEN);
    const notPortal = await hardhat(
      "subscribe",
      "--client",
      client.address,
      "--integrator",
      integrator.address,
      "--monthly",
      "100",
      "--from",
      "13",
    );
    expect(notPortal.stderr.trim(), "only portals sell").to.equal(
      `Error: ${client.address} is not a portal: the registrar grants DISTRIBUTION_PORTAL (role 71)`,
    );
    const notClosed = await hardhat("claim", "--pool", "portals", "--epoch", String(open), "--from", "12");
    expect(notClosed.stderr.trim(), "the open epoch").to.equal(
      `Error: epoch ${open} is not closed yet: epochs close in order once they end (next to close: ${open})`,
    );
    const pool = await hardhat("claim", "--pool", "stakers", "--from", "12");
    expect(pool.stderr.trim(), "pool named").to.equal(
      'Error: --pool must be one of query-fulfillment, integrators, portals, availability, challenges, consensus, got "stakers"',
    );
  });

  it("refuses bad arguments with a message naming the option", async function () {
    const r = await hardhat("stake", "--amount", "ten", "--from", "1");
    expect([r.code, r.stderr.trim()], "amount").to.deep.equal([
      1,
      'Error: --amount must be a number of tokens with at most 18 decimals, got "ten"',
    ]);
    const p = await hardhat("delegate", "--provider", "0x1234", "--amount", "1", "--from", "1");
    expect(p.stderr.trim(), "address").to.equal('Error: --provider must be an address, got "0x1234"');
    const s = await hardhat("stake", "--amount", "5000", "--from", "1");
    const [, one] = await connection.ethers.getSigners();
    expect(s.stderr.trim(), "balance checked before anything is sent").to.equal(
      `Error: ${one.address} holds 0.0 QUIV, 5000.0 QUIV needed`,
    );
  });
});
