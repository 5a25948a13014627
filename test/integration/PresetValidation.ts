import { readFile } from "node:fs/promises";

import { expect } from "chai";

import { PRESETS } from "../../presets/index.js";
import { presetAccounts, type SystemPreset } from "../../presets/types/preset.js";
import { definePreset, PresetError } from "../../presets/validate.js";

const TOKEN = 10n ** 18n;

/** A deep copy of a shipped preset to break (bigints survive `structuredClone`). */
const copy = (preset: SystemPreset): SystemPreset => structuredClone(preset);

/** The message `definePreset` refuses the preset with (fails the test if it accepts it). */
function refusal(preset: SystemPreset): { field: string; message: string } {
  try {
    definePreset(preset);
  } catch (error) {
    expect(error, "a PresetError").to.be.instanceOf(PresetError);
    return { field: (error as PresetError).field, message: (error as PresetError).message };
  }
  expect.fail("the wrong preset was accepted");
}

describe("Preset validation (presets/validate.ts)", function () {
  describe("definePreset", function () {
    it("accepts the four shipped presets", function () {
      for (const preset of Object.values(PRESETS)) {
        expect(() => definePreset(copy(preset)), preset.system).not.to.throw();
      }
    });

    it("refuses a cliff longer than its duration, naming the allocation", function () {
      const p = copy(PRESETS.quiver);
      const investors = p.supply.allocations[3];
      if (investors.kind !== "vesting") expect.fail("allocation 3 of QUIVer is the investors' vesting");
      investors.cliffSeconds = 31_536_000n;
      investors.durationSeconds = 15_768_000n;
      expect(refusal(p).message, "message").to.equal(
        "quiver.supply.allocations[3].cliffSeconds (31536000) is longer than its duration (15768000)",
      );
    });

    it("refuses allocations that do not make 100% of the supply", function () {
      const p = copy(PRESETS.qerun);
      p.supply.allocations[2].amount -= 1n; // treasury one wei short
      expect(refusal(p).message, "message").to.equal(
        "qerun.supply.allocations add up to 99999999999999999999999999, not the total supply " +
          "100000000000000000000000000 (shares must make 100%)",
      );
    });

    it("refuses emission weights that do not add up to 10,000 bps", function () {
      const p = copy(PRESETS.quiver);
      p.supply.emission.recipients[0].endBps -= 100;
      expect(refusal(p).message, "message").to.equal(
        "quiver.supply.emission.recipients[*].endBps add up to 9900, not 10,000 (100%)",
      );
    });

    it("refuses distribution pool weights that do not add up to 10,000 bps", function () {
      const p = copy(PRESETS.qry);
      p.distribution!.pools[7].startBps = 400;
      const { field, message } = refusal(p);
      expect(field, "field").to.equal("qry.distribution.pools[*].startBps");
      expect(message, "message").to.equal("qry.distribution.pools[*].startBps add up to 9900, not 10000");
    });

    it("refuses distribution pools out of the engine's order", function () {
      const p = copy(PRESETS.qry);
      [p.distribution!.pools[0], p.distribution!.pools[1]] = [p.distribution!.pools[1], p.distribution!.pools[0]];
      expect(refusal(p).message, "message").to.equal(
        'qry.distribution.pools[0].name ("availability") should be queryFulfillment',
      );
    });

    it("refuses a number where an amount (bigint) is expected", function () {
      const p = copy(PRESETS.quiver);
      (p.governance.proposalDeposit as { value: unknown }).value = 100_000;
      const { field, message } = refusal(p);
      expect(field, "field").to.equal("quiver.governance.proposalDeposit.value");
      expect(message, "message").to.equal(
        "quiver.governance.proposalDeposit.value must be a bigint, got number (100000)",
      );
    });

    it("refuses a string where bps (a number) are expected", function () {
      const p = copy(PRESETS.qerun);
      (p.governance.classes[1] as { thresholdBps: unknown }).thresholdBps = "5500";
      expect(refusal(p).message, "message").to.equal(
        'qerun.governance.classes[1].thresholdBps must be an integer number, got string ("5500")',
      );
    });

    it("refuses a share above 100%", function () {
      const p = copy(PRESETS.qerun);
      p.lending!.creditManager.liquidationFeeBps = { value: 10_001n, min: 0n, max: 10_001n, minStep: 0n };
      expect(refusal(p).message, "message").to.equal(
        "qerun.lending.creditManager.liquidationFeeBps.max (10001) is above 10000",
      );
    });

    it("refuses a governed value outside its own bounds", function () {
      const p = copy(PRESETS.qerun);
      p.lending!.creditManager.maxLtvBps.value = 7_000n;
      expect(refusal(p).message, "message").to.equal(
        "qerun.lending.creditManager.maxLtvBps.value (7000) is outside its bounds 1000 to 6000",
      );
    });

    it("refuses staking tier thresholds that do not increase", function () {
      const p = copy(PRESETS.quiver);
      p.staking!.governed.goldMinStake.value = 50_000n * TOKEN;
      expect(refusal(p).message, "message").to.equal(
        "quiver.staking.governed.goldMinStake.value (50000000000000000000000) is not above silverMinStake " +
          "(50000000000000000000000): tier thresholds must increase",
      );
    });

    it("refuses a staking reward split that does not make 100%", function () {
      const p = copy(PRESETS.quiver);
      p.staking!.fixed.commissionBps = 600n;
      expect(refusal(p).message, "message").to.equal(
        "quiver.staking.fixed reward split adds up to 10100 bps, not 10,000 (100%)",
      );
    });

    it("refuses issuer tiers whose stakes do not increase", function () {
      const p = copy(PRESETS.qutoken);
      p.issuance!.tiers = [p.issuance!.tiers[0], { minStake: 10_000n * TOKEN, slots: 5n }, p.issuance!.tiers[2]];
      expect(refusal(p).message, "message").to.equal(
        "qutoken.issuance.tiers[1].minStake (10000000000000000000000) is not above the tier below (10000000000000000000000)",
      );
    });

    it("refuses a guardian threshold above its number of owners", function () {
      const p = copy(PRESETS.qry);
      p.governance.guardian = { threshold: 10, owners: 9 };
      expect(refusal(p).message, "message").to.equal("qry.governance.guardian.threshold (10) is outside 1 to 9");
    });

    it("refuses a notified stream to a plain account (the controller would refuse it later)", function () {
      const p = copy(PRESETS.qerun);
      p.supply.emission.recipients[0].notify = true; // liquidity incentives: an address
      expect(refusal(p).message, "message").to.equal(
        "qerun.supply.emission.recipients[0].notify is true, but liquidityIncentives is an address, " +
          "not a contract of the preset (see bindings)",
      );
    });

    it("refuses a binding to a contract the preset does not deploy", function () {
      const p = copy(PRESETS.qerun);
      p.bindings.liquidityIncentives = "staking";
      expect(refusal(p).message, "message").to.equal(
        "qerun.bindings.liquidityIncentives (staking) is not deployed by this preset",
      );
    });

    it("refuses a supply token that differs from the preset's token", function () {
      const p = copy(PRESETS.qutoken);
      p.supply.token = { ...p.supply.token, symbol: "QTX" };
      expect(refusal(p).message, "message").to.equal(
        'qutoken.supply.token.symbol ("QTX") differs from the preset\'s token ("QUT")',
      );
    });
  });
});

describe("deploy/networks/sepolia.example.json", function () {
  it("names exactly the accounts and guardian owners each preset needs", async function () {
    const example = JSON.parse(await readFile("deploy/networks/sepolia.example.json", "utf8"));
    for (const preset of Object.values(PRESETS)) {
      const entry = example[preset.system];
      expect(Object.keys(entry.accounts).sort(), `${preset.system} accounts`).to.deep.equal(
        presetAccounts(preset).sort(),
      );
      expect(entry.guardianOwners.length, `${preset.system} guardian owners`).to.equal(
        preset.governance.guardian.owners,
      );
      expect(entry.lending !== undefined, `${preset.system} lending inputs`).to.equal(preset.lending !== undefined);
    }
  });
});
