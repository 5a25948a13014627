import { expect } from "chai";
import { AbiCoder, id, Interface } from "ethers";
import hre, { network } from "hardhat";
import { ArgumentType } from "hardhat/types/arguments";

import type { SystemId } from "../../presets/types/preset.js";
import type { PresetEntry } from "../../scripts/lib/address-book.js";
import { TASKS } from "../../tasks/index.js";
import issuerMint from "../../tasks/issuer-mint.js";
import { contextFor, describe as describeError } from "../../tasks/lib.js";
import propose from "../../tasks/propose.js";
import release from "../../tasks/release.js";
import stake from "../../tasks/stake.js";
import time from "../../tasks/time.js";
import transfer from "../../tasks/transfer.js";
import closeEpoch from "../../tasks/close-epoch.js";
import deflationStep from "../../tasks/deflation-step.js";
import { challenge } from "../../tasks/court.js";
import buyApp from "../../tasks/buy-app.js";
import depositEscrow from "../../tasks/deposit-escrow.js";
import execute from "../../tasks/execute.js";
import fulfil from "../../tasks/fulfil.js";
import grantRole from "../../tasks/grant-role.js";
import listModel from "../../tasks/list-model.js";
import queue from "../../tasks/queue.js";
import setPrice from "../../tasks/set-price.js";
import settleDeposit from "../../tasks/settle-deposit.js";
import { deployedEntry, failure } from "../utils/tasks.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const TOKEN = 10n ** 18n;

/** QUIVer and Qutoken deployed in-process as the deploy script does; tasks run on them through `contextFor`. */
async function deployedFixture() {
  const entries = {} as Record<SystemId, PresetEntry>;
  for (const system of ["quiver", "qutoken"] as const) entries[system] = await deployedEntry(connection, system);
  return entries;
}

describe("Tasks: safe spending, decoded errors in tokens, propose's calldata (tasks/lib.ts)", function () {
  this.timeout(300_000);

  it("every required option is shown as required, without a default", function () {
    const required: Record<string, string[]> = {
      stake: ["amount"],
      delegate: ["provider", "amount"],
      unbond: ["amount"],
      propose: ["description"],
      transfer: ["to", "amount"],
      time: ["forward"],
      vote: ["proposal"],
      borrow: ["amount"],
      liquidate: ["account", "amount"],
      "issuer-stake": ["amount"],
      "create-issuer-token": ["name", "symbol", "cap", "termsUri"],
      "issuer-mint": ["token", "to", "amount"],
      subscribe: ["client", "integrator", "monthly"],
      claim: ["pool"],
      "sign-voucher": ["provider", "model", "amount", "tokens"],
      settle: ["voucher"],
      redeem: ["token", "amount"],
      lock: ["amount"],
      "extend-lock": ["weeks"],
      "lp-stake": ["amount"],
      faucet: ["to", "amount"],
      "supply-vault": ["amount"],
      "set-price": ["asset", "usd"],
      "list-model": ["model"],
      "deposit-escrow": ["amount"],
      "buy-app": ["app"],
      "list-licence": ["kind", "subject", "price", "supply", "terms"],
      "buy-licence": ["listing"],
      "post-request": ["model", "tokens", "maxPrice"],
      "bid-request": ["request", "price", "salt"],
      "commit-volume": ["provider", "model", "tokens", "rate", "days"],
      "store-session": ["session", "provider", "days"],
      "claim-grant": ["grant"],
      "claim-bounty": ["bounty"],
      "rate-provider": ["provider", "model", "stars", "review"],
      "grant-role": ["role", "to"],
      "record-blocks": ["validator", "blocks"],
      "report-calls": ["subscription", "provider", "calls"],
      queue: ["proposal"],
      execute: ["proposal"],
      "settle-deposit": ["proposal"],
      challenge: ["subject", "bps"],
      "court-vote": ["challenge", "uphold"],
      decide: ["challenge"],
      fulfil: ["token", "redemption"],
    };
    for (const [name, options] of Object.entries(required)) {
      const task = hre.tasks.getTask(name);
      for (const option of options) {
        const o = task.options.get(option)!;
        expect(o, `${name} --${option}`).to.not.equal(undefined);
        expect([o.type, o.defaultValue], `${name} --${option}: no default`).to.deep.equal([
          ArgumentType.STRING_WITHOUT_DEFAULT,
          undefined,
        ]);
        expect(o.description, `${name} --${option}`).to.match(/\(required\)$/);
      }
    }
    // No option anywhere advertises an empty default ("(default: )" in --help).
    for (const definition of TASKS) {
      const task = hre.tasks.getTask(definition.id);
      for (const [name, o] of task.options) expect(o.defaultValue, `${task.id.join(" ")} --${name}`).to.not.equal("");
    }
  });

  it("decodes custom errors with amounts in the task's token, not in base units", function () {
    const abi = new Interface(["error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)"]);
    const data = abi.encodeErrorResult("ERC20InsufficientBalance", [
      "0x0000000000000000000000000000000000000001",
      0n,
      10_000n * TOKEN,
    ]);
    expect(describeError({ data }, abi, { decimals: 18, symbol: "QUIV" })).to.equal(
      "reverted with ERC20InsufficientBalance(sender: 0x0000000000000000000000000000000000000001, balance: 0.0 QUIV, needed: 10000.0 QUIV)",
    );
    const usdc = new Interface(["error BorrowBelowMinimum(uint256 amount, uint256 minimum)"]);
    expect(
      describeError({ data: usdc.encodeErrorResult("BorrowBelowMinimum", [1_000_000n, 100_000_000n]) }, usdc, {
        decimals: 6,
        symbol: "USDC",
      }),
    ).to.equal("reverted with BorrowBelowMinimum(amount: 1.0 USDC, minimum: 100.0 USDC)");
    const ids = new Interface(["error AlreadyClaimed(uint256 epoch, address account)"]);
    expect(
      describeError(
        { data: ids.encodeErrorResult("AlreadyClaimed", [7n, "0x0000000000000000000000000000000000000002"]) },
        ids,
        { decimals: 18, symbol: "QRY" },
      ),
      "an epoch is not an amount",
    ).to.equal("reverted with AlreadyClaimed(epoch: 7, account: 0x0000000000000000000000000000000000000002)");
  });

  it("stake from an account without tokens fails before anything is sent, naming the balance in tokens", async function () {
    const entries = await networkHelpers.loadFixture(deployedFixture);
    const t = await contextFor(connection, "quiver", entries.quiver, "5");
    const nonce = await ethers.provider.getTransactionCount(t.me);
    expect(await failure(stake.run({ amount: "10000", preset: "quiver", from: "5" }, t))).to.equal(
      `${t.me} holds 0.0 QUIV, 10000.0 QUIV needed`,
    );
    expect(await ethers.provider.getTransactionCount(t.me), "nothing sent").to.equal(nonce);
    expect(await t.c.token.allowance(t.me, t.c.staking!), "no approval").to.equal(0n);
  });

  it("stake that would revert for another reason is simulated first: no approval is sent or left", async function () {
    const entries = await networkHelpers.loadFixture(deployedFixture);
    const liquidity = await ethers.getSigner(entries.quiver.inputs.accounts.liquidity);
    const t = await contextFor(connection, "quiver", entries.quiver, "6");
    const token = t.c.token;
    await (await token.connect(liquidity).transfer(t.me, 5_000n * TOKEN)).wait();
    const nonce = await ethers.provider.getTransactionCount(t.me);
    // 5,000 QUIV is below the 10,000 QUIV minimum self-stake: refused by simulation, in tokens.
    expect(await failure(stake.run({ amount: "5000", preset: "quiver", from: "6" }, t))).to.match(
      /^reverted with \w+\(.*5000\.0 QUIV.*10000\.0 QUIV\)$/,
    );
    expect(await ethers.provider.getTransactionCount(t.me), "nothing sent").to.equal(nonce);
    expect(await token.allowance(t.me, t.c.staking!), "no approval left").to.equal(0n);
  });

  it("a transaction failing after an approval sets the allowance back", async function () {
    const entries = await networkHelpers.loadFixture(deployedFixture);
    const liquidity = await ethers.getSigner(entries.quiver.inputs.accounts.liquidity);
    const t = await contextFor(connection, "quiver", entries.quiver, "7");
    const { token } = t.c;
    const staking = t.c.staking!;
    await (await token.connect(liquidity).transfer(t.me, 5_000n * TOKEN)).wait();
    await (await token.connect(t.signer).approve(staking, 3n)).wait();
    const { ensureAllowance } = await import("../../tasks/lib.js");
    await ensureAllowance(t, token, await staking.getAddress(), 5_000n * TOKEN);
    expect(await token.allowance(t.me, staking), "approved for the call").to.equal(5_000n * TOKEN);
    expect(
      await failure(t.send(() => staking.connect(t.signer).registerProvider(5_000n * TOKEN, { gasLimit: 500_000 }))),
    ).to.match(/5000\.0 QUIV/);
    expect(await token.allowance(t.me, staking), "set back to what it was").to.equal(3n);
  });

  it("propose prints the class by name, the targets, values and calldata needed to queue it", async function () {
    const entries = await networkHelpers.loadFixture(deployedFixture);
    const signers = await ethers.getSigners();
    const from = String(signers.findIndex((s) => s.address === entries.quiver.inputs.accounts.liquidity));
    const t = await contextFor(connection, "quiver", entries.quiver, from);
    const to = signers[8].address;
    const description = "Grant 1,000 QUIV to the docs team";
    const out = await propose.run(
      { description, grantTo: to, amount: "1000", parameter: "", value: "", preset: "quiver", from },
      t,
    );
    const treasury = entries.quiver.contracts.treasury;
    // Treasury.transfer(token, to, amount), encoded by hand.
    const calldata =
      id("transfer(address,address,uint256)").slice(0, 10) +
      AbiCoder.defaultAbiCoder()
        .encode(["address", "address", "uint256"], [entries.quiver.contracts.token, to, 1_000n * TOKEN])
        .slice(2);
    expect(out).to.contain("  class treasury (50% of for + against)");
    expect(out).to.contain(`  targets ["${treasury}"]`);
    expect(out).to.contain("  values [0]");
    expect(out).to.contain(`  calldatas ["${calldata}"]`);
    // The task binds the description to its proposer, as the governor requires.
    const bound = `${description}#proposer=${t.me.toLowerCase()}`;
    expect(out).to.contain(`  description ${JSON.stringify(bound)}`);
    expect(out).to.contain(`  description hash ${id(bound)}`);
    expect(out).to.not.match(/class \d/);
  });

  it("the lifecycle tasks: queue, execute and settle-deposit read the proposal from its id; mistakes in one line", async function () {
    const entries = await networkHelpers.loadFixture(deployedFixture);
    const signers = await ethers.getSigners();
    const from = String(signers.findIndex((s) => s.address === entries.quiver.inputs.accounts.liquidity));
    const t = await contextFor(connection, "quiver", entries.quiver, from);
    const common = { preset: "quiver", from };
    expect(await failure(queue.run({ proposal: "latest", ...common }, t))).to.equal(
      "no proposal has been made on this governor yet",
    );
    const out = await propose.run(
      { description: "Grant", grantTo: signers[8].address, amount: "1000", parameter: "", value: "", ...common },
      t,
    );
    const proposal = /proposal (\d+)/.exec(out)![1];
    expect(await failure(queue.run({ proposal: "latest", ...common }, t))).to.equal(
      `proposal ${proposal} is Pending, not Succeeded: it can be queued once its vote has passed`,
    );
    expect(await failure(execute.run({ proposal, ...common }, t))).to.equal(
      `proposal ${proposal} is Pending, not Queued: queue it first`,
    );
    expect(await failure(execute.run({ proposal: "12", ...common }, t))).to.equal(
      "--proposal 12: no such proposal on this governor",
    );
    // The deposit is locked while the proposal is pending: the governor's error, decoded (state 0 = Pending).
    expect(await failure(settleDeposit.run({ proposal, ...common }, t))).to.equal(
      `reverted with DepositLocked(proposalId: ${proposal}, state: 0)`,
    );

    // Each task names what is wrong, in one line, before sending anything.
    const nonce = await ethers.provider.getTransactionCount(t.me);
    expect(await failure(setPrice.run({ asset: "qer", usd: "1", ...common }, t))).to.equal(
      "QUIVer has no lending (stablecoin and price feeds): choose another --preset",
    );
    expect(await failure(closeEpoch.run(common, t))).to.equal(
      "QUIVer has no distribution engine (QRY): choose another --preset",
    );
    expect(await failure(listModel.run({ model: "llama", complexity: "huge", ...common }, t))).to.equal(
      '--complexity must be one of small, medium, large, got "huge"',
    );
    expect(await failure(grantRole.run({ role: "KING", to: t.me, ...common }, t))).to.match(
      /^--role must be one of [A-Z_, ]+, got "KING"$/,
    );
    expect(await failure(challenge.run({ subject: "1", class: "grave", bps: "1000", ...common }, t))).to.equal(
      '--class must be one of minor, major, severe, got "grave"',
    );
    expect(await failure(buyApp.run({ app: "one", ...common }, t))).to.equal(
      '--app must be an app id (1, 2, ...), got "one"',
    );
    expect(await failure(buyApp.run({ app: "1", ...common }, t))).to.equal("app 1 is not for sale");
    const poor = await contextFor(connection, "quiver", entries.quiver, "7");
    expect(await failure(depositEscrow.run({ amount: "1000", preset: "quiver", from: "7" }, poor))).to.equal(
      `${poor.me} holds 0.0 QUIV, 1000.0 QUIV needed`,
    );
    const q = await contextFor(connection, "qutoken", entries.qutoken, "0");
    expect(await failure(fulfil.run({ token: "ACME", redemption: "1", preset: "qutoken", from: "0" }, q))).to.equal(
      "--token ACME: no issuer token with that symbol on this factory",
    );
    expect(await ethers.provider.getTransactionCount(t.me), "nothing sent").to.equal(nonce);
    expect(await ethers.provider.getTransactionCount(poor.me), "no approval sent").to.equal(0);
  });

  it("deflation-step: one line before year 5, a step of 1.00% -> 1.25% after it, one line for a second step", async function () {
    const entries = await networkHelpers.loadFixture(deployedFixture);
    const t = await contextFor(connection, "quiver", entries.quiver, "0");
    const controller = t.c.deflationController!;
    const at = await controller.nextStepAt(); // the start of quarter 20: 20 x 7,884,000 s after the TGE
    const iso = (ts: bigint) => new Date(Number(ts) * 1000).toISOString();
    const early = await deflationStep.run({ preset: "quiver", from: "0" }, t);
    expect(early).to.match(/^No step yet: steps start in quarter 20 \(after year 5\), at \d+ \(.*\); now quarter \d+$/);
    expect(early).to.contain(`at ${at} (${iso(at)})`);
    expect(early.split("\n"), "one line").to.have.length(1);

    await networkHelpers.time.increaseTo(at);
    // Quarter 19 burned nothing and emitted: net inflation, below the band: 1% + one step of 0.25%.
    const out = await deflationStep.run({ preset: "quiver", from: "0" }, t);
    expect(out).to.match(/^Quarter 19: emitted /);
    expect(out).to.contain("(target: -3.00% to -2.00%)");
    expect(out).to.contain("Burn share 1.00% -> 1.25% of each fee");
    const next = at + 7_884_000n;
    expect(await deflationStep.run({ preset: "quiver", from: "0" }, t)).to.equal(
      `No step now: quarter 20 is already stepped; the next step is allowed at ${next} (${iso(next)})`,
    );
  });

  it("issuer-mint with an address that is not an issuer token says so", async function () {
    const entries = await networkHelpers.loadFixture(deployedFixture);
    const t = await contextFor(connection, "qutoken", entries.qutoken, "0");
    const notAToken = entries.qutoken.contracts.treasury;
    expect(
      await failure(issuerMint.run({ token: notAToken, to: t.me, amount: "1", preset: "qutoken", from: "0" }, t)),
    ).to.equal(`--token ${notAToken} is not an issuer token of this preset's factory`);
  });

  it("the README's lifecycle from a fresh deploy: fund from a named account, release vesting, stake, move time", async function () {
    const entries = await networkHelpers.loadFixture(deployedFixture);
    const signers = await ethers.getSigners();
    const user = signers[9].address;
    const liquidity = await contextFor(connection, "quiver", entries.quiver, "liquidity");
    expect(liquidity.me, "--from liquidity is the preset's liquidity account").to.equal(
      entries.quiver.inputs.accounts.liquidity,
    );
    expect(await transfer.run({ to: user, amount: "20000", preset: "quiver", from: "liquidity" }, liquidity)).to.equal(
      `Sent 20000.0 QUIV to ${user}: its balance 20000.0 QUIV`,
    );
    const t9 = await contextFor(connection, "quiver", entries.quiver, "9");
    expect(await stake.run({ amount: "10000", preset: "quiver", from: "9" }, t9)).to.equal(
      "Registered as a provider with 10000.0 QUIV: self-stake 10000.0 QUIV, tier Bronze",
    );
    // --lock-days then locks the position (a QRY integrator or portal identity needs its stake locked).
    expect(await stake.run({ amount: "1000", lockDays: "120", preset: "quiver", from: "9" }, t9)).to.equal(
      "Staked 1000.0 QUIV: self-stake 11000.0 QUIV, tier Bronze, locked for 120 days",
    );
    const lockedAt = BigInt(await networkHelpers.time.latest());
    expect((await t9.c.staking!.positionOf(user)).lockEnd, "locked 120 days").to.equal(lockedAt + 120n * 86_400n);
    expect(await failure(stake.run({ amount: "1", lockDays: "-1", preset: "quiver", from: "9" }, t9))).to.equal(
      '--lock-days must be a whole number, got "-1"',
    );
    expect(await failure(contextFor(connection, "quiver", entries.quiver, "nobody"))).to.match(
      /^--from nobody: not a named account of the preset \(.*liquidity.*\), an index or an address$/,
    );

    const before = await networkHelpers.time.latest();
    expect(await time.run({ forward: "1d", preset: "quiver", from: "0" }, t9)).to.match(/^Moved 86400 s forward/);
    expect(await networkHelpers.time.latest(), "one day and one block").to.be.at.least(before + 86_400);
    expect(await failure(time.run({ forward: "7x", preset: "quiver", from: "0" }, t9))).to.equal(
      '--forward must be a duration such as 90s, 30m, 12h or 7d, got "7x"',
    );

    // The public sale's 25% is vested at the TGE: 25,000,000 QUIV, plus what vested linearly since.
    const sale = await contextFor(connection, "quiver", entries.quiver, "publicSale");
    const released = await release.run({ preset: "quiver", from: "publicSale" }, sale);
    const amount = BigInt(/^Released (\d+)\./.exec(released)![1]);
    expect(amount >= 25_000_000n && amount < 25_300_000n, released).to.equal(true);
    expect(await failure(release.run({ preset: "quiver", from: "9" }, t9))).to.equal(
      `${user} is the beneficiary of no vesting schedule of this preset`,
    );
  });
});
