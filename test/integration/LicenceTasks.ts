import { expect } from "chai";
import { id, ZeroAddress } from "ethers";
import { network } from "hardhat";

import type { PresetEntry } from "../../scripts/lib/address-book.js";
import { presetContracts } from "../../scripts/lib/presets.js";
import buyLicence from "../../tasks/buy-licence.js";
import { contextFor } from "../../tasks/lib.js";
import listLicence from "../../tasks/list-licence.js";
import { deployedEntry, failure } from "../utils/tasks.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const TOKEN = 10n ** 18n;
const MODEL = "premium-model";
const common = { preset: "quiver" };

/** QUIVer deployed in-process; account 18 a Bronze provider that listed MODEL, 19 a buyer holding 1,000 QUIV. */
async function deployedFixture(): Promise<PresetEntry> {
  const entry = await deployedEntry(connection, "quiver");
  const c = await presetContracts(connection, entry.contracts);
  const signers = await ethers.getSigners();
  const [seller, buyer] = [signers[18], signers[19]];
  const liquidity = await ethers.getSigner(entry.inputs.accounts.liquidity);
  await (await c.token.connect(liquidity).transfer(seller, 10_000n * TOKEN)).wait();
  await (await c.token.connect(liquidity).transfer(buyer, 1_000n * TOKEN)).wait();
  await (await c.token.connect(seller).approve(c.staking!, 10_000n * TOKEN)).wait();
  await (await c.staking!.connect(seller).registerProvider(10_000n * TOKEN)).wait();
  await (await c.modelCatalog!.connect(seller).listModel(id(MODEL), 0)).wait();
  return entry;
}

describe("Tasks: list-licence, buy-licence (tasks/)", function () {
  this.timeout(300_000);

  it("lists and buys a dataset licence; refuses mistakes in one line before sending anything", async function () {
    const entry = await networkHelpers.loadFixture(deployedFixture);
    const seller = await contextFor(connection, "quiver", entry, "18");
    const buyer = await contextFor(connection, "quiver", entry, "19");
    const dataset = {
      kind: "dataset",
      subject: "reviews-2026",
      price: "100",
      supply: "2",
      days: "30",
      terms: "terms v1",
      resale: "no",
      ...common,
      from: "18",
    };
    const nonce = await ethers.provider.getTransactionCount(seller.me);
    expect(await failure(listLicence.run({ ...dataset, kind: "weights" }, seller))).to.equal(
      '--kind must be one of model, dataset, got "weights"',
    );
    expect(await failure(listLicence.run({ ...dataset, supply: "0" }, seller))).to.equal(
      "--supply must be from 1 to 18446744073709551615, got 0",
    );
    expect(await failure(listLicence.run({ ...dataset, resale: "maybe" }, seller))).to.equal(
      '--resale must be yes or no, got "maybe"',
    );
    // Access to a model needs the curator to have named the signer its seller: listing it in the catalogue is not
    // enough (anyone may list any id there).
    expect(await failure(listLicence.run({ ...dataset, kind: "model", subject: MODEL }, seller))).to.equal(
      `only the model's seller may list access to ${MODEL}: the curator has named none`,
    );
    expect(await ethers.provider.getTransactionCount(seller.me), "nothing sent").to.equal(nonce);

    expect(await listLicence.run(dataset, seller)).to.equal(
      "Listed dataset licences of reviews-2026 as listing 1: 2 at 100.0 QUIV, 30 days, resale no",
    );
    expect(await failure(buyLicence.run({ listing: "2", maxPrice: "", ...common, from: "19" }, buyer))).to.equal(
      "listing 2 does not exist (1 listed)",
    );
    expect(await failure(buyLicence.run({ listing: "1", maxPrice: "99", ...common, from: "19" }, buyer))).to.equal(
      "listing 1 costs 100.0 QUIV, above --max-price 99.0 QUIV",
    );
    const bought = await buyLicence.run({ listing: "1", maxPrice: "", ...common, from: "19" }, buyer);
    expect(bought).to.match(/^Bought a dataset licence of listing 1 for 100\.0 QUIV, valid until .* \(no resale\)$/);
    const c = await presetContracts(connection, entry.contracts);
    expect(await c.licenceMarket!.compliance(), "QUIVer: compliance off (the zero registry)").to.equal(ZeroAddress);
    // 80 to the seller (it held 0 after staking its 10,000), 20 held for the fee split.
    expect(await c.token.balanceOf(seller.me)).to.equal(80n * TOKEN);
    expect(await c.licenceMarket!.pendingFees()).to.equal(20n * TOKEN);
    expect(await failure(buyLicence.run({ listing: "1", maxPrice: "", ...common, from: "19" }, buyer))).to.match(
      new RegExp(`^${buyer.me} already holds a licence of listing 1 until `),
    );
  });

  it("lists a premium model's access once the curator names its seller", async function () {
    const entry = await networkHelpers.loadFixture(deployedFixture);
    const c = await presetContracts(connection, entry.contracts);
    const seller = await contextFor(connection, "quiver", entry, "18");
    const buyer = await contextFor(connection, "quiver", entry, "19");
    const curator = await ethers.getSigner(entry.inputs.accounts.marketCurator);
    await (await c.licenceMarket!.connect(curator).setModelSeller(id(MODEL), seller.me)).wait();
    const model = {
      kind: "model",
      subject: MODEL,
      price: "250",
      supply: "1000",
      days: "0",
      terms: "access terms",
      resale: "no",
      ...common,
      from: "18",
    };
    expect(await listLicence.run(model, seller)).to.equal(
      `Listed model licences of ${MODEL} as listing 1: 1000 at 250.0 QUIV, perpetual, resale no`,
    );
    expect(await failure(listLicence.run(model, seller))).to.equal(`model ${MODEL} already has access listing 1`);
    expect(await buyLicence.run({ listing: "1", maxPrice: "250", ...common, from: "19" }, buyer)).to.equal(
      "Bought a model access licence of listing 1 for 250.0 QUIV, valid forever (no resale)",
    );
    expect(await c.licenceMarket!.hasAccess(buyer.me, id(MODEL))).to.equal(true);
  });
});
