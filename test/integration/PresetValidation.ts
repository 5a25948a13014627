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

    it("refuses integrator and portal claim caps that together reach 100% (paying oneself would pay)", function () {
      const p = copy(PRESETS.qry);
      p.distribution!.claimCapBps = { integrators: 5_000n, portals: 5_000n };
      const { field, message } = refusal(p);
      expect(field, "field").to.equal("qry.distribution.claimCapBps");
      expect(message, "message").to.equal(
        "qry.distribution.claimCapBps (5000 + 5000) is not below 10000: paying oneself as portal and integrator would pay",
      );
    });

    it("refuses a claim window integrators and portals could not lock through (audit s11: every sale would revert)", function () {
      // A year of claim window plus a 30-day epoch asks for a lock of up to 395 days; staking may cap locks at 365.
      const p = copy(PRESETS.qry);
      p.distribution!.bounds.claimWindow.max = 365n * 86_400n;
      const { field, message } = refusal(p);
      expect(field, "field").to.equal("qry.distribution.bounds.claimWindow.max");
      expect(message, "message").to.equal(
        "qry.distribution.bounds.claimWindow.max (31536000) plus an epoch (2592000) is above the shortest " +
          "maxLockDuration staking allows (31536000): integrators and portals could not lock that far",
      );
      // 335 days is the longest window the lock can always reach (335 + 30 = 365).
      p.distribution!.bounds.claimWindow.max = 335n * 86_400n;
      expect(() => definePreset(p), "335 days accepted").to.not.throw();
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

    it("refuses lock numbers the contracts would refuse, and a lending perk that names no feature", function () {
      const cases: [(p: ReturnType<typeof copy>) => void, string][] = [
        [
          (p) => (p.locking!.lock.maxLockDuration = 11n * 365n * 86_400n),
          "qerun.locking.lock.maxLockDuration (346896000) is above 315360000",
        ],
        [(p) => (p.locking!.lock.maxBoostBps = 40_001n), "qerun.locking.lock.maxBoostBps (40001) is above 40000"],
        [(p) => (p.locking!.lock.minLockAmount = 0n), "qerun.locking.lock.minLockAmount (0) is below 1"],
        [
          (p) => (p.locking!.perks.features[0].threshold = p.locking!.perks.maxThreshold + 1n),
          "qerun.locking.perks.features[0].threshold (1000000000000000000000001) is above 1000000000000000000000000",
        ],
        [
          (p) => (p.locking!.perks.features[1].name = p.locking!.perks.features[0].name),
          'qerun.locking.perks.features[1].name ("qerun.priorityAccess") is registered twice',
        ],
        [
          (p) => (p.locking!.lendingPerk!.feature = "qerun.unknown"),
          'qerun.locking.lendingPerk.feature ("qerun.unknown") is not one of perks.features',
        ],
        [
          (p) => (p.locking!.lendingPerk!.openCeilingBps = 10_001n),
          "qerun.locking.lendingPerk.openCeilingBps (10001) is above 10000",
        ],
        [
          (p) => (p.locking!.lendingPerk!.minLockLeft = 208n * 604_800n + 1n),
          "qerun.locking.lendingPerk.minLockLeft (125798401) is above 125798400",
        ],
        [
          (p) => (p.locking!.buyback.maxSlippageBps = 1_001n),
          "qerun.locking.buyback.maxSlippageBps (1001) is above 1000",
        ],
        [(p) => (p.locking!.buyback.maxEthPerQuarter = 0n), "qerun.locking.buyback.maxEthPerQuarter (0) is below 1"],
        [(p) => (p.locking!.liquidity.rewardDuration = 0n), "qerun.locking.liquidity.rewardDuration (0) is below 1"],
      ];
      for (const [change, message] of cases) {
        const p = copy(PRESETS.qerun);
        change(p);
        expect(refusal(p).message, message).to.equal(message);
      }
      const p = copy(PRESETS.qerun);
      delete p.lending;
      expect(refusal(p).message, "perk without lending").to.equal(
        "qerun.locking.lendingPerk needs a lending piece (the credit manager reads the perk)",
      );
    });

    it("refuses a governed value outside its own bounds", function () {
      const p = copy(PRESETS.qerun);
      p.lending!.creditManager.maxLtvBps.value = 7_000n;
      expect(refusal(p).message, "message").to.equal(
        "qerun.lending.creditManager.maxLtvBps.value (7000) is outside its bounds 1000 to 6000",
      );
    });

    it("refuses a compliance piece with a lower-case jurisdiction, a threshold outside its bounds, or nothing to hook", function () {
      const compliance = {
        threshold: { value: 1_000n * TOKEN, min: 100n * TOKEN, max: 100_000n * TOKEN, minStep: 0n },
        kycProvider: "kycProvider",
        restricted: ["KP"],
      };
      expect(() => definePreset({ ...copy(PRESETS.quiver), compliance }), "QUIVer with compliance on").not.to.throw();
      expect(refusal({ ...copy(PRESETS.quiver), compliance: { ...compliance, restricted: ["kp"] } })).to.deep.equal({
        field: "quiver.compliance.restricted",
        message: "quiver.compliance.restricted must list two-letter upper-case jurisdiction codes (ISO 3166-1 alpha-2)",
      });
      const threshold = { ...compliance.threshold, value: 10n * TOKEN };
      expect(refusal({ ...copy(PRESETS.quiver), compliance: { ...compliance, threshold } }).message).to.equal(
        `quiver.compliance.threshold.value (${10n * TOKEN}) is outside its bounds ${100n * TOKEN} to ${100_000n * TOKEN}`,
      );
      expect(refusal({ ...copy(PRESETS.qry), compliance }).message).to.equal(
        "qry.compliance needs a market or an issuance piece (nothing else checks it)",
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

describe("Preset validation: slashing and market pieces", function () {
  /** Each rule: how to break the shipped QUIVer preset, and the message naming the field. */
  const RULES: [string, (p: SystemPreset) => void, string][] = [
    [
      "a class range starting at zero",
      (p) => (p.slashing!.slasher.minor.minBps = { value: 0n, min: 0n, max: 500n, minStep: 50n }),
      "quiver.slashing.slasher.minor.minBps.value is zero",
    ],
    [
      "a class range whose minimum is above its maximum",
      (p) => (p.slashing!.slasher.major.minBps.value = 1_500n) && (p.slashing!.slasher.major.maxBps.value = 1_000n),
      "quiver.slashing.slasher.major.minBps.value (1500) is above maxBps (1000): the class range is empty",
    ],
    [
      "a class maximum that could reach 100%",
      (p) => (p.slashing!.slasher.severe.maxBps.max = 10_000n),
      "quiver.slashing.slasher.severe.maxBps.max (10000) is above 9999",
    ],
    [
      "a zero cap window",
      (p) => (p.slashing!.slasher.capWindow = { value: 0n, min: 0n, max: 1n, minStep: 0n }),
      "quiver.slashing.slasher.capWindow.value is zero",
    ],
    [
      "a zero validator bond",
      (p) => (p.slashing!.court.validatorBond = { value: 0n, min: 0n, max: 1n, minStep: 0n }),
      "quiver.slashing.court.validatorBond.value is zero",
    ],
    [
      "a zero quorum share",
      (p) => (p.slashing!.court.quorumBps = { value: 0n, min: 0n, max: 10_000n, minStep: 0n }),
      "quiver.slashing.court.quorumBps.value is zero",
    ],
    [
      "a majority that may fall below half the votes",
      (p) => (p.slashing!.court.majorityBps.min = 4_000n),
      "quiver.slashing.court.majorityBps must stay at least 5,000 bps (half the votes) and below 10,000",
    ],
    [
      "trust weights that do not make 100%",
      (p) => (p.slashing!.metrics.trustWeightsBps = [4_000n, 3_000n, 2_000n, 500n]),
      "quiver.slashing.metrics.trustWeightsBps add up to 9500 bps, not 10,000 (100%)",
    ],
    [
      "an attestation window longer than an epoch",
      (p) => (p.slashing!.metrics.attestationWindow = 2n * 86_400n),
      "quiver.slashing.metrics.attestationWindow (172800) is longer than an epoch (86400)",
    ],
    [
      "a rolling window of one epoch",
      (p) => (p.slashing!.metrics.windowEpochs = 1n),
      "quiver.slashing.metrics.windowEpochs (1) is below 2",
    ],
    [
      "a latency threshold under 1x",
      (p) => (p.slashing!.metrics.latencyBreachBps = 9_000n),
      "quiver.slashing.metrics.latencyBreachBps (9000) is below 10000",
    ],
    [
      "slashing without staking",
      (p) => {
        delete p.staking;
        delete p.market;
        p.supply.emission.recipients = [{ ...p.supply.emission.recipients[0], startBps: 10_000, endBps: 10_000 }];
        p.bindings = { treasury: "treasury" };
      },
      "quiver.slashing needs a staking piece (the slasher slashes staked tokens)",
    ],
    [
      "a fee table that does not make 100%",
      (p) => (p.market!.router.burnBps.value = 150n),
      "quiver.market.router shares add up to 10050 bps (provider 8000 + 50 + 150 + 1350 + 500), not 10,000 (100%)",
    ],
    [
      "a provider share under half",
      (p) => {
        p.market!.router.providerBps = 4_000n;
        p.market!.router.infrastructureBps = { value: 5_350n, min: 0n, max: 6_000n, minStep: 100n };
      },
      "quiver.market.router.providerBps (4000) is below 5,000: the provider keeps half or more",
    ],
    [
      "complexity classes that decrease",
      (p) =>
        (p.market!.catalog.complexityBps[2].value = 30_000n) && (p.market!.catalog.complexityBps[1].value = 40_000n),
      "quiver.market.catalog.complexityBps[2].value (30000) is below the class before (40000): classes must not decrease",
    ],
    [
      "a demand clamp without 1x",
      (p) => (p.market!.catalog.maxDemandBps = { value: 9_000n, min: 9_000n, max: 9_000n, minStep: 0n }),
      "quiver.market.catalog.minDemandBps to maxDemandBps (8000 to 9000) must contain 10,000 (1x)",
    ],
    [
      "a priority range upside down",
      (p) => (p.market!.router.minPriorityBps.value = 2_000n) && (p.market!.router.maxPriorityBps.value = 1_000n),
      "quiver.market.router.minPriorityBps.value (2000) is above maxPriorityBps (1000)",
    ],
    [
      "a discount cap the router refuses",
      (p) => (p.market!.router.maxTotalDiscountBps.max = 9_500n),
      "quiver.market.router.maxTotalDiscountBps.max (9500) is above 9000",
    ],
    [
      "volume bands that do not increase",
      (p) => (p.market!.router.volumeBandUsd[1].value = 1_000n),
      "quiver.market.router.volumeBandUsd[1].value (1000) is not above the band before (1000): bands must increase",
    ],
    [
      "volume discounts that fall",
      (p) => (p.market!.router.volumeDiscountBps[3].value = 1_000n),
      "quiver.market.router.volumeDiscountBps[3].value (1000) is below the band before (1500)",
    ],
    [
      "a zero token price",
      (p) => (p.market!.router.tokenPriceUsd = { value: 0n, min: 0n, max: 1n, minStep: 0n }),
      "quiver.market.router.tokenPriceUsd.value is zero",
    ],
    [
      "a market without a curator account",
      (p) => (p.market!.curator = ""),
      'quiver.market.curator must be a non-empty string, got ""',
    ],
    [
      "a market without slashing",
      (p) => delete p.slashing,
      "quiver.market needs a slashing piece (its validator fee funds the challenge court, which judges its settlements)",
    ],
  ];

  for (const [rule, breakIt, message] of RULES) {
    it(`refuses ${rule}`, function () {
      const p = copy(PRESETS.quiver);
      breakIt(p);
      expect(refusal(p).message, "message").to.equal(message);
    });
  }

  it("lists the market's infrastructure and curator among the accounts to provide", function () {
    expect(presetAccounts(PRESETS.quiver), "named accounts").to.include.members(["infrastructure", "marketCurator"]);
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
