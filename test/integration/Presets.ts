import { expect } from "chai";
import { id } from "ethers";
import { network } from "hardhat";

import { GOVERNANCE_KEYS } from "../../deploy/modules/Governance.js";
import { lendingKey } from "../../deploy/modules/Lending.js";
import { marketGovernedEntries } from "../../deploy/modules/Market.js";
import { programsGovernedEntries } from "../../deploy/modules/Programs.js";
import { courtEntries, slasherEntries } from "../../deploy/modules/Slashing.js";
import type { SystemId } from "../../presets/types/preset.js";
import { deployLendingDevnetExternals } from "../../scripts/lib/deploy.js";
import {
  deployPreset,
  devnetInputs,
  presetContracts,
  PRESETS,
  type PresetAddresses,
  type PresetInputs,
} from "../../scripts/lib/presets.js";
import { managerRoleHolders, roleName, timelockRoleHolders } from "../../scripts/lib/role-holders.js";
import { ROLES } from "../../lib/roles.js";
import { boundDescription } from "../../scripts/lib/proposal.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const TOKEN = 10n ** 18n;
const M = 1_000_000n * TOKEN;
const DAY = 86_400n;
const YEAR = 31_536_000n;
const USDC = 10n ** 6n;

/** The four presets deployed in-process through their Ignition modules, exactly as the deploy script does. */
async function presetsFixture() {
  const [deployer] = await ethers.getSigners();
  const externals = await deployLendingDevnetExternals(connection);
  const deployed = {} as Record<SystemId, { addresses: PresetAddresses; inputs: PresetInputs }>;
  for (const preset of Object.values(PRESETS)) {
    const inputs = await devnetInputs(connection, preset, externals.addresses);
    deployed[preset.system] = { addresses: await deployPreset(connection, preset, inputs), inputs };
  }
  const contracts = async (system: SystemId) => presetContracts(connection, deployed[system].addresses);
  return { deployer, deployed, contracts, externals };
}

describe("System presets (deploy/modules/presets, scripts/lib/presets.ts)", function () {
  describe("QUIVer", function () {
    it("deploys with the design's numbers readable on-chain", async function () {
      const f = await networkHelpers.loadFixture(presetsFixture);
      const c = await f.contracts("quiver");
      const start = f.deployed.quiver.inputs.start;
      expect(await c.token.symbol(), "symbol").to.equal("QUIV");
      expect(await c.token.cap(), "cap: 1B").to.equal(1_000n * M);
      expect(await c.token.totalSupply(), "1B minted at genesis").to.equal(1_000n * M);
      expect(await c.token.balanceOf(c.treasury), "community treasury 20% in governance's Treasury").to.equal(200n * M);
      expect(await c.token.balanceOf(c.controller), "provider rewards 35% in the controller").to.equal(350n * M);
      expect(await c.token.balanceOf(c.vestingVault), "team + investors + public sale + ecosystem").to.equal(400n * M);
      expect(await c.controller.emittedAt(start + YEAR), "year 1 emission").to.equal(70n * M);
      expect(await c.controller.emittedAt(start + 2n * YEAR), "years 1-2").to.equal(122n * M + M / 2n);
      expect(await c.controller.emittedAt(start + 13n * YEAR), "cap reached at the end of year 13").to.equal(350n * M);
      const team = await c.vestingVault.schedule(0n);
      expect([team.amount, team.cliffDuration, team.duration], "team: 150M, 1-year cliff, 4 years").to.deep.equal([
        150n * M,
        YEAR,
        4n * YEAR,
      ]);
      const recipients = await c.controller.recipients();
      expect(
        recipients.map((r) => [r.account, r.startBps, r.notify]),
        "80% to the provider-rewards pool, 20% to staking, both notified",
      ).to.deep.equal([
        [await c.pool!.getAddress(), 8_000n, true],
        [await c.staking!.getAddress(), 2_000n, true],
      ]);
      const [, epoch, window] = await c.pool!.timing();
      expect([epoch, window], "30-day epochs, 180-day claim window").to.deep.equal([30n * DAY, 180n * DAY]);

      const staking = c.staking!;
      const stakingKey = (name: string) => id(`staking.${name}`);
      expect(await staking.parameter(stakingKey("minSelfStake")), "Bronze 10,000").to.equal(10_000n * TOKEN);
      expect(await staking.parameter(stakingKey("silverMinStake")), "Silver 50,000").to.equal(50_000n * TOKEN);
      expect(await staking.parameter(stakingKey("goldMinStake")), "Gold 250,000").to.equal(250_000n * TOKEN);
      expect(await staking.parameter(stakingKey("platinumMinStake")), "Platinum 1M").to.equal(1_000_000n * TOKEN);
      expect(await staking.parameter(stakingKey("platinumMaxSlashBps")), "Platinum slash 20%").to.equal(2_000n);
      expect(await staking.parameter(stakingKey("goldFeeDiscountBps")), "Gold discount 20%").to.equal(2_000n);
      expect(await staking.parameter(stakingKey("minApyBps")), "APY floor 8%").to.equal(800n);
      expect(await staking.parameter(stakingKey("maxApyBps")), "APY ceiling 12%").to.equal(1_200n);
      const bronze = await c.registry.parameterInfo(await staking.getAddress(), stakingKey("minSelfStake"));
      expect([bronze.registered, bronze.min, bronze.max], "Bronze registered with its bounds").to.deep.equal([
        true,
        1_000n * TOKEN,
        100_000n * TOKEN,
      ]);

      expect(await c.votingPower.votingWeight(), "voting power reads staking's votes").to.equal(await staking.votes());
      expect(await c.governor.votingDelay(), "discussion 7 days").to.equal(7n * DAY);
      expect(await c.governor.votingPeriod(), "voting 14 days").to.equal(14n * DAY);
      expect(await c.governor.timelockDelay(false), "timelock 7 days").to.equal(7n * DAY);
      expect(await c.governor.timelockDelay(true), "emergency timelock 48 hours").to.equal(2n * DAY);
      expect(await c.governor.proposalDeposit(), "deposit 100,000 QUIV").to.equal(100_000n * TOKEN);
      const thresholds = [];
      for (let i = 0n; i < (await c.classifier.classCount()); i++) {
        thresholds.push((await c.classifier.proposalClass(i)).thresholdBps);
      }
      expect(
        thresholds,
        "treasury 50, economic 55, technical 60, access 80, emergency 75, emergency params 80",
      ).to.deep.equal([5_000n, 5_500n, 6_000n, 8_000n, 7_500n, 8_000n]);
      expect(await c.safe.getThreshold(), "guardian 5-of-9").to.equal(5n);
      expect((await c.safe.getOwners()).length, "nine owners").to.equal(9);

      // Market (QUIVer's pricing, fees, tiers and discounts; the fee split of docs/economics/quiver.md).
      const split = await c.feeRouter!.feeSplit();
      expect(
        [split.providerBps, split.validatorBps, split.burnBps, split.infrastructureBps, split.treasuryBps],
        "fee split 80 / 0.5 / 1 / 13.5 / 5%",
      ).to.deep.equal([8_000n, 50n, 100n, 1_350n, 500n]);
      const marketKey = (name: string) => id(`market.${name}`);
      expect(await c.modelCatalog!.parameter(marketKey("baseRate")), "base rate 0.001 QUIV a token").to.equal(
        TOKEN / 1_000n,
      );
      const complexity = [];
      for (const size of ["small", "medium", "large"]) {
        complexity.push(await c.modelCatalog!.parameter(marketKey(`${size}ComplexityBps`)));
      }
      expect(complexity, "complexity 1x / 3x / 10x").to.deep.equal([10_000n, 30_000n, 100_000n]);
      const [minDemand, maxDemand] = [
        await c.modelCatalog!.parameter(marketKey("minDemandBps")),
        await c.modelCatalog!.parameter(marketKey("maxDemandBps")),
      ];
      expect([minDemand, maxDemand], "demand 0.8x to 2x").to.deep.equal([8_000n, 20_000n]);
      const discounts = [];
      for (const tier of ["bronze", "silver", "gold", "platinum"]) {
        discounts.push(await staking.parameter(stakingKey(`${tier}FeeDiscountBps`)));
      }
      expect(discounts, "tier discounts 0 / 10 / 20 / 30%").to.deep.equal([0n, 1_000n, 2_000n, 3_000n]);
      expect(await c.feeRouter!.parameter(marketKey("subscriptionDiscountBps")), "subscription 20%").to.equal(2_000n);
      expect(await c.incentivePools!.parameter(marketKey("cashbackBps")), "cashback 2%").to.equal(200n);
      expect(await c.incentivePools!.parameter(marketKey("creditBonusBps")), "prepaid bonus 10%").to.equal(1_000n);

      // Slashing (QUIVer's tiers, infraction classes and burns).
      const ranges = [];
      for (const infraction of [0n, 1n, 2n]) {
        const r = await c.slasher!.classRange(infraction);
        ranges.push([r.minBps, r.maxBps]);
      }
      expect(ranges, "minor 1-5%, major 5-15%, severe 15-20%").to.deep.equal([
        [100n, 500n],
        [500n, 1_500n],
        [1_500n, 2_000n],
      ]);
      const slashCaps = [];
      for (const tier of ["bronze", "silver", "gold", "platinum"]) {
        slashCaps.push(await staking.parameter(stakingKey(`${tier}MaxSlashBps`)));
      }
      expect(slashCaps, "tier slash caps 5 / 10 / 15 / 20%").to.deep.equal([500n, 1_000n, 1_500n, 2_000n]);
      const court = c.challengeCourt!;
      expect(await court.challengeStakeFor(0n), "challenge stake: 1,000 QUIV + 10% of the value").to.equal(
        1_000n * TOKEN,
      );
      expect(await court.parameter(id("slashing.validatorBond")), "validator bond 10,000 QUIV").to.equal(
        10_000n * TOKEN,
      );
      const minor = await c.registry.parameterInfo(c.slasher!, id("slashing.minorMaxBps"));
      expect([minor.registered, minor.min, minor.max], "minor maximum registered with its bounds").to.deep.equal([
        true,
        100n,
        1_000n,
      ]);
      const burn = await c.registry.parameterInfo(c.feeRouter!, marketKey("burnFeeBps"));
      expect([burn.registered, burn.min, burn.max], "burn share registered with its bounds").to.deep.equal([
        true,
        0n,
        1_000n,
      ]);
    });

    it("wires slashing and the market to each other, to the Treasury and to governance", async function () {
      const f = await networkHelpers.loadFixture(presetsFixture);
      const c = await f.contracts("quiver");
      const { accounts } = f.deployed.quiver.inputs;
      const court = c.challengeCourt!;
      const market = c.inferenceMarket!;
      const recipients = await c.feeRouter!.feeRecipients();
      expect(
        [recipients.validators, recipients.infrastructure, recipients.treasury],
        "validators' 0.5% to the court, 13.5% to infrastructure, 5% to the Treasury",
      ).to.deep.equal([await court.getAddress(), accounts.infrastructure, await c.treasury.getAddress()]);
      expect(await court.isSource(market), "the court judges market settlements").to.equal(true);
      expect(await court.isSource(c.metricsRegistry!), "and attested epochs").to.equal(true);
      expect(await market.staking(), "the market serves the preset's providers").to.equal(
        await c.staking!.getAddress(),
      );
      expect(await c.slasher!.staking(), "the slasher slashes the preset's staking").to.equal(
        await c.staking!.getAddress(),
      );

      const sel = (signature: string) => id(signature).slice(0, 10);
      const emergencySlash = sel("emergencySlash(address,uint8,uint256,bytes32)");
      const classes = {
        emergencySlash: await c.classifier.classOf(c.slasher!, emergencySlash),
        marketConfirmPause: await c.classifier.classOf(market, sel("confirmPause()")),
        setSource: await c.classifier.classOf(court, sel("setSource(address,bool)")),
        liftBan: await c.classifier.classOf(c.slasher!, sel("liftBan(address)")),
      };
      // Class ids by position: treasury 0, economic 1, technical 2, access 3, emergency 4, emergency parameter 5;
      // liftBan is unclassified, so the default class (technical): the normal timelock, which holds GOVERNOR.
      expect(classes, "proposal classes").to.deep.equal({
        emergencySlash: 4n,
        marketConfirmPause: 4n,
        setSource: 3n,
        liftBan: 2n,
      });
      const role = async (target: { getAddress(): Promise<string> }, signature: string) =>
        c.manager.getTargetFunctionRole(target, sel(signature));
      expect(
        {
          emergencySlash: await role(c.slasher!, "emergencySlash(address,uint8,uint256,bytes32)"),
          liftBan: await role(c.slasher!, "liftBan(address)"),
          setSource: await role(court, "setSource(address,bool)"),
          pause: await role(market, "pause()"),
          confirmPause: await role(market, "confirmPause()"),
          setFeeRecipients: await role(c.feeRouter!, "setFeeRecipients((address,address,address))"),
        },
        "who may call what",
      ).to.deep.equal({
        emergencySlash: ROLES.EMERGENCY,
        liftBan: ROLES.GOVERNOR,
        setSource: ROLES.ADMIN,
        pause: ROLES.GUARDIAN,
        confirmPause: ROLES.EMERGENCY,
        setFeeRecipients: ROLES.GOVERNOR,
      });
      const pause = await c.registry.parameterInfo(market, GOVERNANCE_KEYS.PAUSE_DURATION);
      expect([pause.registered, pause.min, pause.max], "market pause 24 to 90 days").to.deep.equal([
        true,
        24n * DAY,
        90n * DAY,
      ]);

      // Every governed number of both pieces, in the preset's one registry, with the piece's bounds and value.
      const holders = {
        slasher: c.slasher!,
        court,
        catalog: c.modelCatalog!,
        router: c.feeRouter!,
        incentives: c.incentivePools!,
        market,
        developers: c.developerPrograms!,
        auction: c.requestAuction!,
        volume: c.volumeContracts!,
      };
      const entries = [
        ...slasherEntries(PRESETS.quiver.slashing!).map((e) => ({ ...e, contract: "slasher" as const })),
        ...courtEntries(PRESETS.quiver.slashing!).map((e) => ({ ...e, contract: "court" as const })),
        ...marketGovernedEntries(PRESETS.quiver.market!),
      ];
      expect(entries.length, "7 slasher + 11 court + 52 market numbers").to.equal(70);
      for (const { contract, name, key, entry } of entries) {
        const info = await c.registry.parameterInfo(holders[contract], key);
        expect([info.registered, info.min, info.max, info.minStep], `${contract}.${name} bounds`).to.deep.equal([
          true,
          entry.min,
          entry.max,
          entry.minStep,
        ]);
        expect(await holders[contract].parameter(key), `${contract}.${name} value`).to.equal(entry.value);
      }
    });

    it("deploys the ratings and the provider programs over its market, numbers registered, pools empty", async function () {
      const f = await networkHelpers.loadFixture(presetsFixture);
      const c = await f.contracts("quiver");
      const ratings = c.ratings!;
      const programs = c.providerPrograms!;
      expect(await ratings.market(), "ratings read the preset's market channels").to.equal(
        await c.inferenceMarket!.getAddress(),
      );
      expect(await c.metricsRegistry!.ratings(), "the ratings feed the quality multiplier").to.equal(
        await ratings.getAddress(),
      );
      const holders = { ratings, programs };
      const entries = programsGovernedEntries(PRESETS.quiver.programs!);
      expect(entries.length, "6 ratings (with the quality weight and its minimum) + 9 programs numbers").to.equal(15);
      for (const { contract, name, key, entry } of entries) {
        const info = await c.registry.parameterInfo(holders[contract], key);
        expect([info.registered, info.min, info.max, info.minStep], `${contract}.${name} bounds`).to.deep.equal([
          true,
          entry.min,
          entry.max,
          entry.minStep,
        ]);
        expect(await holders[contract].parameter(key), `${contract}.${name} value`).to.equal(entry.value);
      }
      const setParameter = id("setParameter(bytes32,uint256)").slice(0, 10);
      expect(
        [
          await c.manager.getTargetFunctionRole(ratings, setParameter),
          await c.manager.getTargetFunctionRole(programs, setParameter),
        ],
        "only the registry sets their numbers",
      ).to.deep.equal([ROLES.PARAMETER_REGISTRY, ROLES.PARAMETER_REGISTRY]);
      // Nothing is minted for them: the pools start empty and the named allocations fund them by transfer.
      expect((await ratings.poolInfo()).funded, "feedback pool").to.equal(0n);
      for (const program of [0n, 1n, 2n]) expect((await programs.poolInfo(program)).funded, "bonus pool").to.equal(0n);
      expect(await c.token.balanceOf(programs), "no tokens").to.equal(0n);
      for (const system of ["qerun", "qry", "qutoken"] as const) {
        const other = await f.contracts(system);
        expect([other.ratings, other.providerPrograms], `${system} has no provider programs`).to.deep.equal([
          undefined,
          undefined,
        ]);
      }
    });

    it("keeps two challenge windows and two votes below the unbonding period, whatever governance sets", async function () {
      const f = await networkHelpers.loadFixture(presetsFixture);
      const c = await f.contracts("quiver");
      const market = await c.inferenceMarket!.getAddress();
      const court = await c.challengeCourt!.getAddress();
      const staking = await c.staking!.getAddress();
      const [parts, weights, bound] = await c.registry.sumRule(0n);
      expect(parts.map((p) => [p.target, p.key])).to.deep.equal([
        [market, id("market.challengeWindow")],
        [court, id("slashing.votingPeriod")],
      ]);
      expect(weights).to.deep.equal([2n, 2n]);
      expect([bound.target, bound.key]).to.deep.equal([staking, id("staking.unbondingPeriod")]);
      // 2 x 7 days + 2 x 3 days = 20 < 21 days. The emergency path has no rate limit, only the hard bounds: a window
      // of 7.5 days (2 x 7.5 + 6 = 21) is refused, 5 days (16) accepted; then unbonding may fall to 17 days, not 16.
      const DAY = 86_400n;
      const emergency = await c.emergencyTimelock.getAddress();
      await networkHelpers.impersonateAccount(emergency);
      await networkHelpers.setBalance(emergency, 10n ** 18n);
      const signer = await ethers.getSigner(emergency);
      const window = id("market.challengeWindow");
      await expect(c.registry.connect(signer).setEmergency(market, window, 7n * DAY + DAY / 2n))
        .to.be.revertedWithCustomError(c.registry, "SumRuleBroken")
        .withArgs(0n, 21n * DAY, 21n * DAY);
      expect(await c.inferenceMarket!.parameter(window), "unchanged").to.equal(7n * DAY);
      await c.registry.connect(signer).setEmergency(market, window, 5n * DAY);
      expect(await c.inferenceMarket!.parameter(window)).to.equal(5n * DAY);
      const unbonding = id("staking.unbondingPeriod");
      await expect(c.registry.connect(signer).setEmergency(staking, unbonding, 16n * DAY))
        .to.be.revertedWithCustomError(c.registry, "SumRuleBroken")
        .withArgs(0n, 16n * DAY, 16n * DAY);
      await c.registry.connect(signer).setEmergency(staking, unbonding, 17n * DAY);
      expect(await c.staking!.parameter(unbonding)).to.equal(17n * DAY);
    });

    it("the deflation controller steps the burn share through the registry from the end of year 5", async function () {
      const f = await networkHelpers.loadFixture(presetsFixture);
      const c = await f.contracts("quiver");
      const start = f.deployed.quiver.inputs.start;
      const QUARTER = YEAR / 4n;
      const controller = c.deflationController!;
      const router = await c.feeRouter!.getAddress();
      const [, , registry, steered] = await controller.wiring();
      expect([registry, steered], "steers the router through the registry").to.deep.equal([
        await c.registry.getAddress(),
        router,
      ]);
      for (const [name, value] of [
        ["stepBps", 25n],
        ["minBurnBps", 50n],
        ["maxBurnBps", 500n],
        ["minDeflationBps", 200n],
        ["maxDeflationBps", 300n],
      ] as const) {
        expect(await controller.parameter(id(`deflation.${name}`)), name).to.equal(value);
        const info = await c.registry.parameterInfo(await controller.getAddress(), id(`deflation.${name}`));
        expect(info.registered, `${name} registered`).to.equal(true);
      }
      expect(await controller.nextStepAt(), "first step at the end of year 5").to.equal(start + 20n * QUARTER);

      await networkHelpers.time.increaseTo(start + 20n * QUARTER - 2n);
      await expect(controller.step()).to.be.revertedWithCustomError(controller, "StepsNotStarted");
      await networkHelpers.time.increaseTo(start + 20n * QUARTER);
      // Quarter 19: the curve emits 21M / 4 = 5.25M and nothing burned: inflation, one step up (1% -> 1.25%).
      await expect(controller.step())
        .to.emit(c.registry, "ParameterChanged")
        .withArgs(router, id("market.burnFeeBps"), 100n, 125n, false);
      expect((await c.feeRouter!.feeSplit()).burnBps, "burn share 1.25%").to.equal(125n);
      const flows = await controller.quarterFlows(19n);
      expect(flows.emitted, "quarter 19 emitted 5.25M").to.equal(5_250_000n * TOKEN);
      await expect(controller.step()).to.be.revertedWithCustomError(controller, "AlreadySteppedThisQuarter");
    });

    it("an emergency proposal slashes a provider through the emergency timelock (48 hours)", async function () {
      const f = await networkHelpers.loadFixture(presetsFixture);
      const c = await f.contracts("quiver");
      const signers = await ethers.getSigners();
      const liquidity = signers.find((s) => s.address === f.deployed.quiver.inputs.accounts.liquidity)!;
      const provider = signers[19];
      const staking = c.staking!;
      await c.token.connect(liquidity).transfer(provider.address, 100_000n * TOKEN);
      await c.token.connect(provider).approve(staking, 100_000n * TOKEN);
      await staking.connect(provider).registerProvider(100_000n * TOKEN); // Silver: at most 10% per slash
      await c.token.connect(liquidity).delegate(liquidity.address);
      await c.token.connect(liquidity).approve(c.governor, await c.governor.depositDue());

      const data = c.slasher!.interface.encodeFunctionData("emergencySlash", [
        provider.address,
        1n, // major
        1_000n,
        id("report 2026-01: provider served a substituted model"),
      ]);
      const description = boundDescription(
        "Emergency: slash the provider 10% for a substituted model",
        await liquidity.getAddress(),
      );
      const proposal: [string[], bigint[], string[]] = [[await c.slasher!.getAddress()], [0n], [data]];
      await c.governor.connect(liquidity).propose(...proposal, description);
      const proposalId = await c.governor.getProposalId(...proposal, id(description));
      const terms = await c.governor.proposalTerms(proposalId);
      expect(
        [terms.classId, terms.thresholdBps, terms.emergency],
        "emergency class: 75%, 48-hour timelock",
      ).to.deep.equal([4n, 7_500n, true]);
      await networkHelpers.time.increaseTo((await c.governor.proposalSnapshot(proposalId)) + 1n);
      await c.governor.connect(liquidity).castVote(proposalId, 1);
      await networkHelpers.time.increaseTo((await c.governor.proposalDeadline(proposalId)) + 1n);
      await c.governor.queue(...proposal, id(description));
      await networkHelpers.time.increase(2n * DAY);
      const burnedBefore = await c.token.totalBurned();
      await c.governor.execute(...proposal, id(description));
      expect((await staking.tierOf(provider.address)).selfStake, "10% of 100,000 taken").to.equal(90_000n * TOKEN);
      expect((await c.token.totalBurned()) - burnedBefore, "and burned").to.equal(10_000n * TOKEN);
    });
  });

  describe("Qerun", function () {
    it("deploys with the design's numbers readable on-chain", async function () {
      const f = await networkHelpers.loadFixture(presetsFixture);
      const c = await f.contracts("qerun");
      expect(await c.token.symbol(), "symbol").to.equal("QER");
      expect(await c.token.cap(), "fixed supply: cap = 100M").to.equal(100n * M);
      expect(await c.token.totalSupply(), "100M at genesis").to.equal(100n * M);
      expect(await c.token.balanceOf(c.treasury), "treasury 15%").to.equal(15n * M);
      const cm = c.creditManager!;
      expect(await cm.parameter(lendingKey("maxLtvBps")), "borrow up to 50%").to.equal(5_000n);
      expect(await cm.parameter(lendingKey("liquidationThresholdBps")), "liquidation above 65%").to.equal(6_500n);
      expect(await cm.parameter(lendingKey("debtCeiling")), "debt ceiling 1M USDC").to.equal(1_000_000n * USDC);
      expect(await cm.parameter(id("pause.duration")), "guardian pause 30 days").to.equal(30n * DAY);
      expect(await c.ethReserve!.parameter(lendingKey("ethReturnBps")), "90% of the ETH back on repayment").to.equal(
        9_000n,
      );
      const modules = await cm.modules();
      expect(modules.collateral, "QER collateral is the preset's token").to.equal(await c.token.getAddress());
      expect(await c.oracle!.parameter(lendingKey("collateralMaxAge")), "feed heartbeat + margin").to.equal(3_900n);
      expect(await c.governor.proposalDeposit(), "collateralized proposals: 10,000 QER").to.equal(10_000n * TOKEN);
      expect(await c.votingPower.votingWeight(), "locked QER weight: the lock module").to.equal(
        await c.voteLocker!.getAddress(),
      );
      const confirm = cm.interface.getFunction("confirmPause")!.selector;
      expect(await c.classifier.classOf(cm, confirm), "confirmPause is an emergency proposal").to.equal(4n);
      expect(await c.manager.getTargetFunctionRole(cm, confirm), "confirmPause by the emergency timelock").to.equal(
        ROLES.EMERGENCY,
      );
      expect(await c.safe.getThreshold(), "guardian 3-of-5").to.equal(3n);
    });
  });

  describe("QRY", function () {
    it("deploys with the design's numbers readable on-chain", async function () {
      const f = await networkHelpers.loadFixture(presetsFixture);
      const c = await f.contracts("qry");
      const start = f.deployed.qry.inputs.start;
      expect(await c.token.totalSupply(), "fair launch: nothing at genesis").to.equal(0n);
      expect(c.genesis, "no genesis contract").to.equal(undefined);
      expect(await c.controller.fundingMode(), "the controller mints").to.equal(1n);
      expect(await c.controller.emittedAt(start + YEAR), "125M in year 1").to.equal(125n * M);
      expect(await c.controller.emittedAt(start + 4n * YEAR), "500M by year 4").to.equal(500n * M);
      const recipients = await c.controller.recipients();
      expect(
        recipients.map((r) => [r.account, r.startBps, r.endBps, r.notify]),
        "all issuance to the distribution engine",
      ).to.deep.equal([[f.deployed.qry.addresses.distributionEngine, 10_000n, 10_000n, false]]);
      const engine = c.distributionEngine!;
      const pools = await engine.pools();
      expect(pools.length, "eight pools").to.equal(8);
      expect(
        [pools[5].account, pools[5].startBps, pools[5].endBps, pools[5].kind],
        "staking rewards: the staking contract, notified, 20% early, 10% mature",
      ).to.deep.equal([f.deployed.qry.addresses.staking, 2_000n, 1_000n, 1n]);
      expect(
        [pools[4].account, pools[4].startBps, pools[4].endBps, pools[4].kind],
        "worker proposals: the WorkerPool, plain, 20% early, 5% mature",
      ).to.deep.equal([f.deployed.qry.addresses.workerPool, 2_000n, 500n, 2n]);
      expect(
        [pools[0].account, pools[0].startBps, pools[0].endBps],
        "query fulfillment: its square-root pool, 10% early, 40% mature",
      ).to.deep.equal([f.deployed.qry.addresses.queryFulfillmentPool, 1_000n, 4_000n]);
      const [mixStart, mixEnd] = await engine.mixWindow();
      expect([mixStart, mixEnd], "early mix 6 months, mature by month 12").to.deep.equal([
        start + YEAR / 2n,
        start + YEAR,
      ]);
      const reader = await ethers.getContractAt("StakingStakeReader", await engine.stakeReader());
      expect(await reader.staking(), "the engine reads the preset's staking").to.equal(
        f.deployed.qry.addresses.staking,
      );
      expect(await c.staking!.parameter(id("staking.minSelfStake")), "provider minimum 1,000 QRY").to.equal(
        1_000n * TOKEN,
      );
      const worker5 = await c.classifier.proposalClass(6n);
      expect([worker5.thresholdBps, worker5.minProposerWeight], "worker class: 50%, 10,000 QRY staked").to.deep.equal([
        5_000n,
        10_000n * TOKEN,
      ]);
      expect(await c.governor.proposalDeposit(), "deposit 10,000 QRY").to.equal(10_000n * TOKEN);
    });
  });

  describe("Qutoken", function () {
    it("deploys with the preset's numbers readable on-chain", async function () {
      const f = await networkHelpers.loadFixture(presetsFixture);
      const c = await f.contracts("qutoken");
      expect(await c.token.symbol(), "symbol").to.equal("QUT");
      expect(await c.token.totalSupply(), "1B at genesis").to.equal(1_000n * M);
      expect(await c.token.balanceOf(c.treasury), "platform treasury 40%").to.equal(400n * M);
      const r = c.issuerRegistry!;
      const tiers = [await r.tier(0n), await r.tier(1n), await r.tier(2n)].map((t) => [t.minStake, t.slots]);
      expect(tiers, "10,000 / 50,000 / 250,000 QUT for 1 / 5 / 25 slots").to.deep.equal([
        [10_000n * TOKEN, 1n],
        [50_000n * TOKEN, 5n],
        [250_000n * TOKEN, 25n],
      ]);
      expect(await r.feeRecipient(), "fees go to governance's Treasury").to.equal(await c.treasury.getAddress());
      expect(await c.issuerTokenFactory!.creationFee(), "creation fee 1,000 QUT").to.equal(1_000n * TOKEN);
      expect(await c.partnerRewards!.claimWindow(), "partner claim window 90 days").to.equal(90n * DAY);
      const distributor = f.deployed.qutoken.inputs.accounts.partnerRewardsDistributor;
      expect(
        (await c.manager.hasRole(ROLES.ISSUANCE_PARTNER_DISTRIBUTOR, distributor))[0],
        "the distributor opens periods",
      ).to.equal(true);
    });
  });

  describe("handover", function () {
    /** Expected holders of every AccessManager role, by preset, as names resolved below. */
    const EXPECTED: Record<SystemId, Record<string, string[]>> = {
      quiver: {
        ADMIN: ["normalTimelock"],
        GOVERNOR: ["normalTimelock"],
        EMERGENCY: ["emergencyTimelock"],
        GUARDIAN: ["safe"],
        PARAMETER_REGISTRY: ["registry"],
        MINTER: [],
        VESTING_CREATOR: [],
        REWARD_FUNDER: ["controller"],
        REWARD_CLAIMER: ["providerRewardsDistributor"],
        ATTESTER: ["metricsRegistry"],
        SLASHER: ["slasher"],
        SLASHING_COURT: ["challengeCourt", "metricsRegistry"],
        MARKET_CURATOR: ["marketCurator"],
        PARAMETER_CONTROLLER: ["deflationController"],
      },
      qerun: {
        ADMIN: ["normalTimelock"],
        GOVERNOR: ["normalTimelock"],
        EMERGENCY: ["emergencyTimelock"],
        GUARDIAN: ["safe"],
        PARAMETER_REGISTRY: ["registry"],
        MINTER: [],
        VESTING_CREATOR: [],
        // The liquidity-incentives distributor funds the LP pool and the lockers' stream (locking).
        REWARD_FUNDER: ["liquidityIncentives"],
      },
      qry: {
        ADMIN: ["normalTimelock"],
        GOVERNOR: ["normalTimelock"],
        EMERGENCY: ["emergencyTimelock"],
        GUARDIAN: ["safe"],
        PARAMETER_REGISTRY: ["registry"],
        MINTER: ["controller"],
        REWARD_FUNDER: ["distributionEngine"],
        DISTRIBUTION_ENGINE: ["distributionEngine"],
        // No DISTRIBUTION_CREDITOR: the square-root pools take credits from the subscription manager alone, bound
        // once (`bindCreditor`), no role.
        DISTRIBUTION_REGISTRAR: ["distributionRegistrar"],
      },
      qutoken: {
        ADMIN: ["normalTimelock"],
        GOVERNOR: ["normalTimelock"],
        EMERGENCY: ["emergencyTimelock"],
        GUARDIAN: ["safe"],
        PARAMETER_REGISTRY: ["registry"],
        MINTER: [],
        VESTING_CREATOR: [],
        ISSUANCE_SLOT_CONSUMER: ["issuerTokenFactory"],
        ISSUANCE_FEE_COLLECTOR: ["issuerTokenFactory"],
        ISSUANCE_PARTNER_DISTRIBUTOR: ["partnerRewardsDistributor"],
      },
    };

    for (const system of Object.keys(EXPECTED) as SystemId[]) {
      it(`${system}: every role holder is a contract of the preset or a named account; the deployer holds nothing`, async function () {
        const f = await networkHelpers.loadFixture(presetsFixture);
        const { addresses, inputs } = f.deployed[system];
        const c = await f.contracts(system);
        const names = new Map<string, string>();
        for (const [name, address] of Object.entries(addresses)) names.set(address.toLowerCase(), name);
        for (const [name, address] of Object.entries(inputs.accounts)) names.set(address.toLowerCase(), name);
        names.set(f.deployer.address.toLowerCase(), "deployer");

        const holders = await managerRoleHolders(c.manager);
        const actual: Record<string, string[]> = {};
        for (const [role, set] of holders) actual[roleName(role)] = [...set].map((a) => names.get(a) ?? a).sort();
        expect(actual, `${system}: AccessManager roles`).to.deep.equal(EXPECTED[system]);

        const governor = (await c.governor.getAddress()).toLowerCase();
        const normal = (await c.normalTimelock.getAddress()).toLowerCase();
        for (const [name, timelock] of [
          ["normal", c.normalTimelock],
          ["emergency", c.emergencyTimelock],
        ] as const) {
          const t = await timelockRoleHolders(timelock);
          expect(
            [...(t.get("DEFAULT_ADMIN") ?? [])],
            `${name} timelock: administered by the normal timelock`,
          ).to.deep.equal([normal]);
          for (const role of ["PROPOSER", "EXECUTOR", "CANCELLER"]) {
            expect([...(t.get(role) ?? [])], `${name} timelock ${role}: the governor only`).to.deep.equal([governor]);
          }
        }
        const [isAdmin] = await c.manager.hasRole(ROLES.ADMIN, f.deployer.address);
        expect(isAdmin, "the deployer renounced the admin role").to.equal(false);
      });
    }
  });

  describe("proposal routing", function () {
    for (const system of ["quiver", "qerun", "qry", "qutoken"] as SystemId[]) {
      it(`${system}: every EMERGENCY function is an emergency proposal, every GOVERNOR function a normal one`, async function () {
        const f = await networkHelpers.loadFixture(presetsFixture);
        const c = await f.contracts(system);
        // The role each (target, selector) ended up with, replayed from the manager's events.
        const roles = new Map<string, { target: string; selector: string; role: bigint }>();
        for (const e of await c.manager.queryFilter(c.manager.filters.TargetFunctionRoleUpdated())) {
          const key = `${e.args.target}:${e.args.selector}`;
          roles.set(key, { target: e.args.target, selector: e.args.selector, role: e.args.roleId });
        }
        let emergency = 0;
        for (const { target, selector, role } of roles.values()) {
          if (role !== ROLES.EMERGENCY && role !== ROLES.GOVERNOR) continue;
          const proposalClass = await c.classifier.proposalClass(await c.classifier.classOf(target, selector));
          expect(proposalClass.emergency, `${target} ${selector} (role ${role})`).to.equal(role === ROLES.EMERGENCY);
          if (role === ROLES.EMERGENCY) emergency++;
        }
        // QUIVer: registry setEmergency, the Treasury's and the market's confirmPause, the emergency slash.
        const expected: Record<SystemId, number> = { quiver: 4, qerun: 3, qry: 3, qutoken: 2 };
        expect(emergency, "EMERGENCY functions").to.equal(expected[system]);
      });
    }
  });

  describe("guardian (Qerun)", function () {
    const SAFE_TX_TYPES = {
      SafeTx: [
        { name: "to", type: "address" },
        { name: "value", type: "uint256" },
        { name: "data", type: "bytes" },
        { name: "operation", type: "uint8" },
        { name: "safeTxGas", type: "uint256" },
        { name: "baseGas", type: "uint256" },
        { name: "gasPrice", type: "uint256" },
        { name: "gasToken", type: "address" },
        { name: "refundReceiver", type: "address" },
        { name: "nonce", type: "uint256" },
      ],
    };

    it("the 3-of-5 Safe pauses borrowing for 30 days; adding collateral still works", async function () {
      const f = await networkHelpers.loadFixture(presetsFixture);
      const c = await f.contracts("qerun");
      const cm = c.creditManager!;
      const signers = await ethers.getSigners();
      const owners = f.deployed.qerun.inputs.guardianOwners.map((o) => signers.find((s) => s.address === o)!);
      const data = cm.interface.encodeFunctionData("pause");
      const tx = {
        to: await cm.getAddress(),
        value: 0n,
        data,
        operation: 0,
        safeTxGas: 0n,
        baseGas: 0n,
        gasPrice: 0n,
        gasToken: ethers.ZeroAddress,
        refundReceiver: ethers.ZeroAddress,
        nonce: await c.safe.nonce(),
      };
      const { chainId } = await ethers.provider.getNetwork();
      const signed = await Promise.all(
        owners.slice(0, 3).map(async (o) => ({
          owner: BigInt(o.address),
          signature: await o.signTypedData(
            { chainId, verifyingContract: await c.safe.getAddress() },
            SAFE_TX_TYPES,
            tx,
          ),
        })),
      );
      signed.sort((a, b) => (a.owner < b.owner ? -1 : 1));
      await c.safe.connect(owners[0]).getFunction("execTransaction")(
        tx.to,
        0n,
        data,
        0,
        0n,
        0n,
        0n,
        ethers.ZeroAddress,
        ethers.ZeroAddress,
        ethers.concat(signed.map((x) => x.signature)),
      );
      const pausedAt = BigInt(await networkHelpers.time.latest());
      expect(await cm.paused(), "paused by the guardian").to.equal(true);
      expect(await cm.pausedUntil(), "for the preset's 30 days").to.equal(pausedAt + 30n * DAY);

      await expect(cm.connect(owners[0]).pause(), "an owner alone cannot pause")
        .to.be.revertedWithCustomError(cm, "AccessManagedUnauthorized")
        .withArgs(owners[0].address);
      const [borrower] = signers.slice(19);
      await expect(cm.connect(borrower).borrow(100n * USDC, 0n, pausedAt + 600n), "borrowing stopped")
        .to.be.revertedWithCustomError(cm, "EnforcedPause")
        .withArgs(pausedAt + 30n * DAY);

      const fund = signers.find((s) => s.address === f.deployed.qerun.inputs.accounts.communityFund)!;
      const start = f.deployed.qerun.inputs.start; // the community fund's launch unlock
      if (BigInt(await networkHelpers.time.latest()) < start) await networkHelpers.time.increaseTo(start);
      await c.vestingVault.connect(fund).release(0n);
      await c.token.connect(fund).approve(cm, 1_000n * TOKEN);
      await cm.connect(fund).addCollateral(fund.address, 1_000n * TOKEN);
      expect((await cm.position(fund.address)).collateral, "collateral added while paused").to.equal(1_000n * TOKEN);
    });
  });

  describe("deployment inputs", function () {
    it("refuses a malformed account address, naming the field", async function () {
      const f = await networkHelpers.loadFixture(presetsFixture);
      const inputs = { ...f.deployed.qerun.inputs, accounts: { ...f.deployed.qerun.inputs.accounts, team: "0x1234" } };
      let message = "";
      try {
        await deployPreset(connection, PRESETS.qerun, inputs);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, "names the input").to.equal('qerun.inputs.accounts.team ("0x1234") is not a well-formed address');
    });

    it("refuses a guardian with the wrong number of owners", async function () {
      const f = await networkHelpers.loadFixture(presetsFixture);
      const inputs = { ...f.deployed.quiver.inputs, guardianOwners: f.deployed.quiver.inputs.guardianOwners.slice(1) };
      let message = "";
      try {
        await deployPreset(connection, PRESETS.quiver, inputs);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, "names the input").to.equal(
        "quiver.inputs.guardianOwners has 8 owners, the preset's guardian needs 9",
      );
    });
  });

  describe("deployment inputs (slashing)", function () {
    it("refuses metrics epochs that would start after the deployment", async function () {
      const f = await networkHelpers.loadFixture(presetsFixture);
      const latest = BigInt(await networkHelpers.time.latest());
      const inputs = { ...f.deployed.quiver.inputs, metricsStart: latest + 1_000n };
      let message = "";
      try {
        await deployPreset(connection, PRESETS.quiver, inputs);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, "names the input").to.equal(
        `quiver.inputs.metricsStart (${latest + 1_000n}) is after the latest block (${latest}): metrics epochs ` +
          "start by the deployment",
      );
    });

    it("refuses a preset with slashing but no metrics start", async function () {
      const f = await networkHelpers.loadFixture(presetsFixture);
      const inputs = { ...f.deployed.quiver.inputs, metricsStart: undefined };
      let message = "";
      try {
        await deployPreset(connection, PRESETS.quiver, inputs);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, "names the input").to.equal(
        "quiver.inputs.metricsStart must be a bigint, got undefined (undefined)",
      );
    });
  });

  it("registers every governed number with its bounds (pause durations included)", async function () {
    const f = await networkHelpers.loadFixture(presetsFixture);
    const c = await f.contracts("qerun");
    const pause = await c.registry.parameterInfo(c.creditManager!, GOVERNANCE_KEYS.PAUSE_DURATION);
    expect([pause.registered, pause.min, pause.max], "credit manager pause").to.deep.equal([
      true,
      24n * DAY,
      90n * DAY,
    ]);
    const treasuryPause = await c.registry.parameterInfo(c.treasury, GOVERNANCE_KEYS.PAUSE_DURATION);
    expect(treasuryPause.registered, "treasury pause").to.equal(true);
  });
});
