import { expect } from "chai";
import { network } from "hardhat";

import type { PresetEntry } from "../../scripts/lib/address-book.js";
import { presetContracts } from "../../scripts/lib/presets.js";
import commitVolume from "../../tasks/commit-volume.js";
import { contextFor } from "../../tasks/lib.js";
import storeSession from "../../tasks/store-session.js";
import { deployedEntry, failure } from "../utils/tasks.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const TOKEN = 10n ** 18n;
const common = { preset: "quiver" };

/** QUIVer deployed in-process; account 18 a Bronze provider, 19 a consumer holding 5,000 QUIV. */
async function deployedFixture(): Promise<PresetEntry> {
  const entry = await deployedEntry(connection, "quiver");
  const c = await presetContracts(connection, entry.contracts);
  const signers = await ethers.getSigners();
  const [provider, consumer] = [signers[18], signers[19]];
  const liquidity = await ethers.getSigner(entry.inputs.accounts.liquidity);
  await (await c.token.connect(liquidity).transfer(provider, 10_000n * TOKEN)).wait();
  await (await c.token.connect(liquidity).transfer(consumer, 5_000n * TOKEN)).wait();
  await (await c.token.connect(provider).approve(c.staking!, 10_000n * TOKEN)).wait();
  await (await c.staking!.connect(provider).registerProvider(10_000n * TOKEN)).wait();
  return entry;
}

describe("Tasks: commit-volume, store-session (tasks/)", function () {
  this.timeout(300_000);

  it("commits volume to a provider and stores a session; refuses mistakes in one line", async function () {
    const entry = await networkHelpers.loadFixture(deployedFixture);
    const c = await presetContracts(connection, entry.contracts);
    const consumer = await contextFor(connection, "quiver", entry, "19");
    const signers = await ethers.getSigners();
    const provider = signers[18].address;
    const stranger = signers[17].address;
    const terms = {
      provider,
      model: "llama-3-8b-instruct",
      tokens: "1000000",
      rate: "2",
      days: "30",
      penaltyBps: "5000",
    };
    const nonce = await ethers.provider.getTransactionCount(consumer.me);
    expect(await failure(commitVolume.run({ ...terms, provider: stranger, ...common, from: "19" }, consumer))).to.equal(
      `${stranger} is not an active provider`,
    );
    expect(await failure(commitVolume.run({ ...terms, days: "731", ...common, from: "19" }, consumer))).to.equal(
      "--days must be from 1 to 730, got 731",
    );
    expect(
      await failure(storeSession.run({ session: "chat", provider, days: "366", ...common, from: "19" }, consumer)),
    ).to.equal("--days must be from 1 to 365, got 366");
    expect(await ethers.provider.getTransactionCount(consumer.me), "nothing sent").to.equal(nonce);
    // 1,000,000 tokens at 2 QUIV per 1,000: 2,000 QUIV escrowed.
    expect(await commitVolume.run({ ...terms, ...common, from: "19" }, consumer)).to.match(
      /^Proposed volume contract 1 to 0x[0-9a-fA-F]{40}: 1000000 tokens of llama-3-8b-instruct at 2\.0 QUIV per 1,000 until .*, penalty 5000 bps of the unused escrow \(2000\.0 QUIV escrowed\); the provider accepts it$/,
    );
    expect((await c.volumeContracts!.commitment(1n)).consumer).to.equal(consumer.me);
    // 30 days at 0.1 QUIV: 3 QUIV.
    expect(await storeSession.run({ session: "chat", provider, days: "30", ...common, from: "19" }, consumer)).to.match(
      /^Stored session chat with 0x[0-9a-fA-F]{40} until .* \(3\.0 QUIV paid for 30 days\)$/,
    );
    expect(await c.volumeContracts!.isStored(consumer.me, ethers.id("chat"))).to.equal(true);
    expect(
      await failure(storeSession.run({ session: "chat", provider, days: "340", ...common, from: "19" }, consumer)),
    ).to.match(/^storage is paid at most 365 days ahead: at most 33\d? more days$/);
  });
});
