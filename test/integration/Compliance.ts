import { expect } from "chai";
import { id, Wallet } from "ethers";
import { network } from "hardhat";

import { jurisdictionCode } from "../../deploy/modules/Compliance.js";
import { ROLES } from "../../lib/roles.js";
import { PRESETS } from "../../presets/index.js";
import type { PresetEntry } from "../../scripts/lib/address-book.js";
import { QUIVER_KYC } from "../../scripts/lib/compliance-preset.js";
import { deployPreset, devnetInputs, presetContracts } from "../../scripts/lib/presets.js";
import attest from "../../tasks/attest.js";
import { contextFor } from "../../tasks/lib.js";
import { failure } from "../utils/tasks.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const TOKEN = 10n ** 18n;
const DAY = 86_400n;
/** The threshold of the compliance-on QUIVer (scripts/lib/compliance-preset.ts, shared with the demo). */
const THRESHOLD = 1_000n * TOKEN;

/** The compliance-on preset deployed in-process; three fresh wallets (a seller, two buyers) hold 10,000 QUIV each. */
async function deployedFixture() {
  const inputs = await devnetInputs(connection, QUIVER_KYC);
  const contracts = await deployPreset(connection, QUIVER_KYC, inputs);
  const entry: PresetEntry = { deploymentId: "quiverkyc", complete: true, inputs, contracts };
  const c = await presetContracts(connection, contracts);
  const liquidity = await ethers.getSigner(inputs.accounts.liquidity);
  const [seller, buyer, other] = [0, 1, 2].map(() => Wallet.createRandom().connect(ethers.provider));
  for (const s of [seller, buyer, other]) {
    await networkHelpers.setBalance(s.address, 10n ** 20n);
    await (await c.token.connect(liquidity).transfer(s, 10_000n * TOKEN)).wait();
    await (await c.token.connect(s).approve(c.licenceMarket!, 10_000n * TOKEN)).wait();
  }
  return { entry, seller, buyer, other };
}

/** A dataset listing by `seller` at `price`, 5 licences of 30 days. */
async function list(c: Awaited<ReturnType<typeof presetContracts>>, seller: any, subject: string, price: bigint) {
  const terms = {
    kind: 1,
    subject: id(subject),
    price,
    supply: 5n,
    duration: 30n * DAY,
    termsHash: id("t"),
    resale: true,
  };
  await (await c.licenceMarket!.connect(seller).list(terms)).wait();
  return c.licenceMarket!.listingCount();
}

describe("Compliance hooks on a preset (deploy/modules/Compliance.ts, tasks/attest.ts)", function () {
  this.timeout(300_000);

  it("is off in the kit's four presets: no piece, so their markets and issuer tokens hold the zero registry", function () {
    for (const preset of Object.values(PRESETS)) expect(preset.compliance, preset.system).to.equal(undefined);
  });

  it("deploys the registry, wires it into both markets and hands its roles to the KYC provider and governance", async function () {
    const { entry } = await networkHelpers.loadFixture(deployedFixture);
    const c = await presetContracts(connection, entry.contracts);
    const registry = c.complianceRegistry!;
    const address = await registry.getAddress();
    expect(await c.licenceMarket!.compliance(), "licence market").to.equal(address);
    expect(await c.inferenceMarket!.compliance(), "inference market").to.equal(address);
    expect(await registry.threshold(), "1,000 QUIV").to.equal(THRESHOLD);
    const bounds = await c.registry.parameterInfo(address, id("compliance.threshold"));
    expect([bounds.min, bounds.max], "registered with the preset's bounds").to.deep.equal([
      100n * TOKEN,
      100_000n * TOKEN,
    ]);
    expect(await registry.isRestricted(jurisdictionCode("KP")), "KP restricted at deployment").to.equal(true);
    const [kyc] = await c.manager.hasRole(ROLES.KYC_PROVIDER, entry.inputs.accounts.kycProvider);
    expect(kyc, "the preset's KYC provider").to.equal(true);
    const [deployer] = await ethers.getSigners();
    const [governor] = await c.manager.hasRole(ROLES.GOVERNOR, deployer.address);
    expect(governor, "the deployer gave back the GOVERNOR role it set the list with").to.equal(false);
    expect(await c.manager.getTargetFunctionRole(address, registry.interface.getFunction("attest")!.selector)).to.equal(
      ROLES.KYC_PROVIDER,
    );
    expect(
      await c.manager.getTargetFunctionRole(address, registry.interface.getFunction("setRestricted")!.selector),
    ).to.equal(ROLES.GOVERNOR);
  });

  it("a sale passes below the threshold, fails at it unattested, passes once attested, fails for KP and after expiry", async function () {
    const { entry, seller, buyer, other } = await networkHelpers.loadFixture(deployedFixture);
    const c = await presetContracts(connection, entry.contracts);
    const kyc = await contextFor(connection, "quiver", entry, "kycProvider");
    const market = c.licenceMarket!;

    // One wei below 1,000 QUIV: nobody attested, the sale goes through.
    const cheap = await list(c, seller, "cheap", THRESHOLD - 1n);
    await (await market.connect(buyer).buy(cheap, THRESHOLD)).wait();
    expect(await market.isLicensed(cheap, buyer), "bought below the threshold").to.equal(true);

    // At 1,000 QUIV: refused for the unattested buyer.
    const listing = await list(c, seller, "exact", THRESHOLD);
    await expect(market.connect(buyer).buy(listing, THRESHOLD))
      .to.be.revertedWithCustomError(c.complianceRegistry!, "NotAttested")
      .withArgs(buyer.address);

    // The attest task: mistakes in one line, then the buyer and the seller attested for 30 days.
    const args = { account: buyer.address, jurisdiction: "FR", days: "30", revoke: false, preset: "quiver" };
    expect(await failure(attest.run({ ...args, jurisdiction: "fr", from: "kycProvider" }, kyc))).to.equal(
      '--jurisdiction must be two upper-case letters (ISO 3166-1 alpha-2), got "fr"',
    );
    expect(await failure(attest.run({ ...args, account: kyc.me, from: "kycProvider" }, kyc))).to.equal(
      "a KYC provider cannot attest itself: another provider must",
    );
    expect(
      await failure(attest.run({ ...args, account: other.address, revoke: true, from: "kycProvider" }, kyc)),
    ).to.equal(`${other.address} has no attestation to revoke`);
    expect(await attest.run({ ...args, from: "kycProvider" }, kyc)).to.match(
      new RegExp(`^Attested ${buyer.address} in FR until .*: payments of 1000\\.0 QUIV or more to or from it pass$`),
    );
    await attest.run({ ...args, account: seller.address, from: "kycProvider" }, kyc);
    await (await market.connect(buyer).buy(listing, THRESHOLD)).wait();
    expect(await market.isLicensed(listing, buyer), "bought once both are attested").to.equal(true);

    // A KP buyer: attested, but KP is restricted.
    expect(
      await attest.run({ ...args, account: other.address, jurisdiction: "KP", from: "kycProvider" }, kyc),
    ).to.match(/KP is restricted, so payments of 1000\.0 QUIV or more to or from it are still refused$/);
    await expect(market.connect(other).buy(listing, THRESHOLD))
      .to.be.revertedWithCustomError(c.complianceRegistry!, "RestrictedJurisdiction")
      .withArgs(other.address, jurisdictionCode("KP"));

    // 30 days later the attestations lapse: the next sale at the threshold is refused.
    const expiry = (await c.complianceRegistry!.attestation(seller.address)).expiry;
    await networkHelpers.time.increaseTo(expiry);
    await expect(market.connect(buyer).buy(await list(c, seller, "later", THRESHOLD), THRESHOLD))
      .to.be.revertedWithCustomError(c.complianceRegistry!, "AttestationExpired")
      .withArgs(buyer.address, (await c.complianceRegistry!.attestation(buyer.address)).expiry);
    expect(await market.licenceOf(cheap, buyer), "below the threshold nothing changed").to.not.equal(0n);
  });
});
