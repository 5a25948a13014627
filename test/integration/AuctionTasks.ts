import { expect } from "chai";
import { id } from "ethers";
import { network } from "hardhat";

import type { PresetEntry } from "../../scripts/lib/address-book.js";
import { presetContracts } from "../../scripts/lib/presets.js";
import bidRequest from "../../tasks/bid-request.js";
import { contextFor } from "../../tasks/lib.js";
import postRequest from "../../tasks/post-request.js";
import { deployedEntry, failure } from "../utils/tasks.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const TOKEN = 10n ** 18n;
const MODEL = "auction-model";
const common = { preset: "quiver" };

/**
 * QUIVer deployed in-process; account 18 a Bronze provider that listed MODEL and holds 100 QUIV besides its stake,
 * 19 a consumer holding 5,000 QUIV.
 */
async function deployedFixture(): Promise<PresetEntry> {
  const entry = await deployedEntry(connection, "quiver");
  const c = await presetContracts(connection, entry.contracts);
  const signers = await ethers.getSigners();
  const [provider, consumer] = [signers[18], signers[19]];
  const liquidity = await ethers.getSigner(entry.inputs.accounts.liquidity);
  await (await c.token.connect(liquidity).transfer(provider, 10_100n * TOKEN)).wait();
  await (await c.token.connect(liquidity).transfer(consumer, 5_000n * TOKEN)).wait();
  await (await c.token.connect(provider).approve(c.staking!, 10_000n * TOKEN)).wait();
  await (await c.staking!.connect(provider).registerProvider(10_000n * TOKEN)).wait();
  await (await c.modelCatalog!.connect(provider).listModel(id(MODEL), 0)).wait();
  return entry;
}

describe("Tasks: post-request, bid-request (tasks/)", function () {
  this.timeout(300_000);

  it("posts a request, commits a sealed bid (depositing the bond), reveals it; refuses mistakes in one line", async function () {
    const entry = await networkHelpers.loadFixture(deployedFixture);
    const c = await presetContracts(connection, entry.contracts);
    const provider = await contextFor(connection, "quiver", entry, "18");
    const consumer = await contextFor(connection, "quiver", entry, "19");
    const request = { model: MODEL, tokens: "1000000", maxPrice: "0.002", bidHours: "1", revealHours: "2" };
    const nonce = await ethers.provider.getTransactionCount(consumer.me);
    expect(await failure(postRequest.run({ ...request, model: "unknown", ...common, from: "19" }, consumer))).to.equal(
      "model unknown is not in the catalogue",
    );
    // 1,000 tokens at 0.002: 2 QUIV, below the 10 QUIV minimum.
    expect(await failure(postRequest.run({ ...request, tokens: "1000", ...common, from: "19" }, consumer))).to.equal(
      "the escrow 2.0 QUIV is below the minimum 10.0 QUIV",
    );
    expect(await ethers.provider.getTransactionCount(consumer.me), "nothing sent").to.equal(nonce);
    expect(await postRequest.run({ ...request, ...common, from: "19" }, consumer)).to.match(
      /^Posted request 1: 1000000 tokens of auction-model at most 0\.002 QUIV each \(2000\.0 QUIV escrowed\); bids until /,
    );

    const bid = { request: "1", price: "0.0012", salt: "secret", ...common, from: "18" };
    expect(await failure(bidRequest.run({ ...bid, price: "0.003" }, provider))).to.equal(
      "0.003 QUIV is above the request's maximum 0.002 QUIV",
    );
    expect(await failure(bidRequest.run({ ...bid, request: "2" }, provider))).to.equal(
      "request 2 does not exist (1 posted)",
    );
    expect(await bidRequest.run(bid, provider)).to.match(
      /^Committed a sealed bid on request 1 \(10\.0 QUIV bond locked\); reveal it with the same --price and --salt /,
    );
    expect(await c.requestAuction!.freeBondOf(provider.me), "the 10 QUIV deposited, all locked").to.equal(0n);
    expect(await failure(bidRequest.run(bid, provider))).to.equal(`${provider.me} already bid on request 1`);

    await networkHelpers.time.increase(3_600 + 60);
    expect(await failure(bidRequest.run({ ...bid, salt: "wrong" }, provider))).to.equal(
      `--price and --salt do not open ${provider.me}'s commitment on request 1`,
    );
    expect(await bidRequest.run(bid, provider)).to.equal(
      "Revealed 0.0012 QUIV a token on request 1: the best bid so far",
    );
    expect((await c.requestAuction!.request(1n)).best).to.equal(provider.me);
  });
});
