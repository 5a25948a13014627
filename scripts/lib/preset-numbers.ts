/**
 * The Solidity tests' preset numbers, generated from `presets/`, one library per preset in `test/utils/`:
 * `QuiverNumbers.sol` (staking, slashing, market, programs, deflation, governance, supply), `QryNumbers.sol` (governance classes, distribution),
 * `QerunNumbers.sol` (lending, locking), `QutokenNumbers.sol` (issuance).
 * Each returns the structs and numbers the preset's contracts are deployed with, built by the same functions the
 * Ignition builders use (`stakingConstructorArgs`, `slashingConstructorArgs`, `marketConstructorArgs`,
 * `programsConstructorArgs`, `deflationConstructorArgs`, `lendingConstructorArgs`, `governanceParameters`, `genesisPlan`; the issuance module
 * passes its preset's fields as they are), and the hard bounds the modules register. A test base starts from them
 * instead of copying the numbers by hand, and overrides a value only where a test needs another one (with a
 * comment). `npm run preset-numbers` writes the files; `test/assurance/PresetNumbers.ts` fails when one is stale.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";

import { format, resolveConfig } from "prettier";

import { lendingConstructorArgs } from "../../deploy/modules/Lending.js";
import { marketConstructorArgs } from "../../deploy/modules/Market.js";
import { deflationConstructorArgs } from "../../deploy/modules/presets/build.js";
import { programsConstructorArgs } from "../../deploy/modules/Programs.js";
import { slashingConstructorArgs } from "../../deploy/modules/Slashing.js";
import { stakingConstructorArgs } from "../../deploy/modules/Staking.js";
import { availabilityRules } from "../../deploy/modules/QryDistribution.js";
import { genesisPlan } from "../../deploy/modules/Supply.js";
import type { Bounds } from "../../lib/governed.js";
import type { GovernancePreset } from "../../modules/governance.js";
import { QERUN_LENDING } from "../../presets/qerun/lending.js";
import { QERUN_LOCKING } from "../../presets/qerun/locking.js";
import { qryDistribution } from "../../presets/qry/distribution.js";
import { qryGovernance } from "../../presets/qry/governance.js";
import { quiverDeflation } from "../../presets/quiver/deflation.js";
import { quiverGovernance } from "../../presets/quiver/governance.js";
import { quiverMarket } from "../../presets/quiver/market.js";
import { quiverPrograms } from "../../presets/quiver/programs.js";
import { quiverSlashing } from "../../presets/quiver/slashing.js";
import { quiverStaking } from "../../presets/quiver/staking.js";
import { quiverSupply } from "../../presets/quiver/supply.js";
import { QUTOKEN_ISSUANCE, QUTOKEN_TOKEN } from "../../presets/qutoken/issuance.js";
import { classId, governanceParameters } from "./deploy.js";

/** An ABI parameter, as the compiler's artifacts give it. */
interface AbiParam {
  name: string;
  type: string;
  internalType: string;
  components?: AbiParam[];
}

/**
 * One generated item of a library:
 * - a struct (or an array of structs) a constructor of `contract` takes, matched by its field names (or by the
 *   constructor parameter's name `param`; with `method`, that function's parameter `param`), returned by `fn`;
 * - `array`: a list of numbers a constructor takes (`uint256[]`), returned by `fn`;
 * - `constants`: plain numbers a constructor takes as scalars, as `uint256` constants named in `UPPER_CASE`;
 * - `bounds`: the hard bounds a deploy module registers in the ParameterRegistry, one `<name>Bound()` each.
 */
type Entry =
  | {
      kind: "struct";
      fn: string;
      /** `contracts/<path>`: the artifact whose constructor takes the struct. */
      source: string;
      contract: string;
      param?: string;
      /** The function whose parameter `param` is the struct; the constructor when unset. */
      method?: string;
      value: unknown;
      doc: string;
    }
  | { kind: "array"; fn: string; values: readonly bigint[]; doc: string }
  | { kind: "constants"; values: Record<string, bigint>; doc: string }
  | { kind: "bounds"; values: Record<string, Bounds>; doc: string };

/** One generated library: a preset's numbers for the Solidity test bases. */
interface Library {
  file: string;
  name: string;
  /** The preset, as a sentence names it ("the QUIVer preset"). */
  preset: string;
  /** `presets/<dir>`, for the header. */
  dir: string;
  notice: string;
  entries: Entry[];
  /** Fields whose values are 6-decimal stablecoin amounts (rendered `100e6`, not as a fraction of `ether`). */
  stable?: string[];
}

const struct = (
  fn: string,
  source: string,
  value: unknown,
  doc: string,
  param?: string,
  method?: string,
): Extract<Entry, { kind: "struct" }> => ({
  kind: "struct",
  fn,
  source,
  contract: source.slice(source.lastIndexOf("/") + 1),
  value,
  doc,
  param,
  method,
});

/** The Governance module's parameters for `preset` (the guardian's owners do not matter here). */
function governance(preset: GovernancePreset) {
  const owners = Array.from({ length: preset.guardian.owners }, () => "");
  return governanceParameters({ preset, guardianOwners: owners, token: { name: "", symbol: "", cap: 0n } }).Governance;
}

/** The class ids a preset names, as `<name>Class` constants. */
function classIds(preset: GovernancePreset): Record<string, bigint> {
  return Object.fromEntries(preset.classes.map((c) => [`${c.name}Class`, BigInt(classId(preset, c.name))]));
}

function libraries(): Library[] {
  const quiverGov = governance(quiverGovernance);
  const qryGov = governance(qryGovernance);
  const supply = quiverSupply;
  const emission = supply.emission;
  // Addresses and the start are the deployment's: left out, the test sets them.
  const genesis = genesisPlan<undefined>(supply, {}, undefined, undefined);
  const staking = stakingConstructorArgs(quiverStaking);
  const market = marketConstructorArgs(quiverMarket);
  const programs = programsConstructorArgs(quiverPrograms);
  // The metrics registry's start is a deployment parameter (module parameter `metricsStart`), not a preset number.
  const slashing = slashingConstructorArgs(quiverSlashing, 0n);
  const lending = lendingConstructorArgs(QERUN_LENDING);
  const m = (fn: string, contract: string, value: Record<string, unknown>, doc: string) =>
    struct(fn, `market/${contract}`, value, doc);
  return [
    {
      file: "test/utils/QuiverNumbers.sol",
      name: "QuiverNumbers",
      preset: "the QUIVer preset",
      dir: "presets/quiver",
      notice: "The numbers the QUIVer preset deploys its staking, slashing and market contracts with",
      entries: [
        struct(
          "stakingParameters",
          "staking/ProviderStaking",
          staking.parameters,
          "ProviderStaking's governed numbers",
        ),
        struct("stakingConstants", "staking/ProviderStaking", staking.constants, "ProviderStaking's fixed numbers"),
        struct("slasherParameters", "slashing/Slasher", slashing.slasher, "Slasher's class ranges and cap window"),
        struct("courtParameters", "slashing/ChallengeCourt", slashing.court, "ChallengeCourt's numbers"),
        {
          kind: "constants",
          values: {
            votingPeriod: slashing.court.votingPeriod,
            validatorBond: slashing.court.validatorBond,
            minChallengeStake: slashing.court.minChallengeStake,
          },
          doc: "The court numbers the tests name (also in `courtParameters()`)",
        },
        struct(
          "metricsConfig",
          "slashing/MetricsRegistry",
          slashing.metrics,
          "MetricsRegistry's numbers (`start` 0: the deployment sets it)",
        ),
        {
          kind: "constants",
          values: {
            unbondingPeriod: staking.parameters.unbondingPeriod,
            withdrawalNotice: market.market.withdrawalNotice,
            challengeWindow: market.market.challengeWindow,
            baseRate: market.catalog.baseRate,
            bidBond: market.auction.bidBond,
            loyaltyTenure: programs.programs.loyaltyTenure,
            maxSightingGap: programs.programs.maxSightingGap,
          },
          doc: "The staking and market numbers the tests name (also in the structs below)",
        },
        m("catalogParameters", "ModelCatalog", market.catalog, "ModelCatalog's numbers"),
        m("routerParameters", "FeeRouter", market.router, "FeeRouter's split and discounts"),
        m("incentiveRates", "IncentivePools", market.rates, "IncentivePools' rates"),
        m("marketParameters", "InferenceMarket", market.market, "InferenceMarket's numbers"),
        m("auctionParameters", "RequestAuction", market.auction, "RequestAuction's numbers"),
        m("volumeParameters", "VolumeContracts", market.volume, "VolumeContracts' numbers"),
        struct(
          "deflationParameters",
          "supply/DeflationController",
          deflationConstructorArgs(quiverDeflation),
          "DeflationController's numbers",
        ),
        {
          kind: "constants",
          values: { deflationFirstQuarter: quiverDeflation.firstQuarter },
          doc: "DeflationController's first quarter",
        },
        { kind: "bounds", values: { burnFeeBps: quiverMarket.router.burnBps }, doc: "registered" },
        m("ratingParameters", "Ratings", programs.ratings, "Ratings' numbers"),
        m("programParameters", "ProviderPrograms", programs.programs, "ProviderPrograms' numbers"),
        {
          kind: "constants",
          values: {
            governorVotingDelay: quiverGov.votingDelay,
            governorVotingPeriod: quiverGov.votingPeriod,
            normalDelay: quiverGov.normalDelay,
            emergencyDelay: quiverGov.emergencyDelay,
            quorumBps: quiverGov.quorumBps,
            proposalDeposit: quiverGov.proposalDeposit,
            pauseDuration: quiverGov.pauseDuration,
            ...classIds(quiverGovernance),
            defaultClass: quiverGov.defaultClass,
          },
          doc: "ProtocolGovernor's numbers, Treasury's pause duration and the class ids",
        },
        {
          kind: "bounds",
          values: {
            proposalDeposit: quiverGovernance.proposalDeposit,
            pauseDuration: quiverGovernance.pauseDuration,
          },
          doc: "registered",
        },
        {
          kind: "constants",
          values: {
            tokenCap: supply.token.cap,
            totalSupply: supply.totalSupply,
            emissionCap: emission.cap,
            halvingYears: emission.halvingYears,
            epochSeconds: emission.epochPool!.epochSeconds,
            claimWindowSeconds: emission.epochPool!.claimWindowSeconds,
          },
          doc: "The token's cap and genesis supply, EmissionController's cap and halving, EpochRewardPool's epoch and claim window",
        },
        {
          kind: "array",
          fn: "emissionTable",
          values: emission.yearlyAmounts,
          doc: "EmissionController's yearly amounts",
        },
        struct(
          "genesisGrants",
          "supply/Genesis",
          genesis.grants,
          "Genesis' direct and emission grants, in the preset's order (`to` is the test's)",
          "grants",
          "run",
        ),
        struct(
          "genesisVesting",
          "supply/Genesis",
          genesis.vesting,
          "Genesis' vesting schedules, in the preset's order (`beneficiary` and `start` are the test's)",
          "vesting",
          "run",
        ),
      ],
    },
    {
      file: "test/utils/QryNumbers.sol",
      name: "QryNumbers",
      preset: "the QRY preset",
      dir: "presets/qry",
      notice: "The numbers the QRY preset deploys its governance and distribution with",
      entries: [
        {
          kind: "constants",
          values: {
            epochSeconds: qryDistribution.epochSeconds,
            claimWindowSeconds: qryDistribution.claimWindowSeconds,
            mixStartOffsetSeconds: qryDistribution.mix.startOffset,
            mixEndOffsetSeconds: qryDistribution.mix.endOffset,
            minMonthlyPay: qryDistribution.minMonthlyPay,
            portalMeasureCap: qryDistribution.portalMeasureCap,
            queryFulfillmentMinStake: qryDistribution.minStake.queryFulfillment,
            integratorsMinStake: qryDistribution.minStake.integrators,
            portalsMinStake: qryDistribution.minStake.portals,
            integratorsClaimCapBps: qryDistribution.claimCapBps.integrators,
            portalsClaimCapBps: qryDistribution.claimCapBps.portals,
          },
          doc: "The distribution's clock, mix window, subscription and identity-pool numbers",
        },
        struct(
          "poolWeights",
          "distribution/DistributionEngine",
          qryDistribution.pools,
          "DistributionEngine's pools in the preset's order, start and end weights (`account` and `kind` are the test's)",
          "pools_",
        ),
        struct(
          "usageConfig",
          "distribution/DistributionEngine",
          qryDistribution.usage,
          "DistributionEngine's usage multiplier",
        ),
        struct(
          "availabilityRules",
          "distribution/AvailabilityPool",
          availabilityRules(qryDistribution),
          "AvailabilityPool's rules",
        ),
        {
          kind: "constants",
          values: Object.fromEntries(
            qryDistribution.availability.services.map((service, i) => [`service${i}MinStake`, service.minStake]),
          ),
          doc: "AvailabilityPool's services' minimum stakes, by service id",
        },
        struct(
          "proposalClasses",
          "governance/ProposalClassifier",
          qryGov.classes,
          "ProposalClassifier's classes (QUIVer's six, then the worker class)",
          "classes_",
        ),
        {
          kind: "constants",
          values: {
            proposalDeposit: qryGov.proposalDeposit,
            ...classIds(qryGovernance),
            defaultClass: qryGov.defaultClass,
            workerMinStake: qryGovernance.classes[classId(qryGovernance, "worker")].minProposerWeight,
          },
          doc: "ProtocolGovernor's deposit, the class ids and the worker class's minimum proposer weight",
        },
      ],
    },
    {
      file: "test/utils/QerunNumbers.sol",
      name: "QerunNumbers",
      preset: "the Qerun preset",
      dir: "presets/qerun",
      notice: "The numbers the Qerun preset deploys its lending and locking contracts with",
      stable: ["minBorrow", "debtCeiling"],
      entries: [
        struct(
          "qerFeedRange",
          "lending/OracleRouter",
          lending.oracleRanges.qer,
          "OracleRouter's QER price range",
          "collateral",
        ),
        struct(
          "ethFeedRange",
          "lending/OracleRouter",
          lending.oracleRanges.eth,
          "OracleRouter's ETH price range",
          "eth",
        ),
        struct("oracleParameters", "lending/OracleRouter", lending.oracle, "OracleRouter's governed numbers"),
        struct("rateParameters", "lending/StableVault", lending.vault, "StableVault's rate curve"),
        struct("riskParameters", "lending/CreditManager", lending.creditManager, "CreditManager's risk numbers"),
        {
          kind: "constants",
          values: { ...lending.reserve, pauseDuration: lending.pauseDuration },
          doc: "EthReserve's slippage and ETH share, CreditManager's pause duration",
        },
        struct("lockConfig", "locking/VoteLocker", QERUN_LOCKING.lock, "VoteLocker's numbers"),
        {
          kind: "constants",
          values: { maxLockDuration: QERUN_LOCKING.lock.maxLockDuration },
          doc: "The lock number the tests name (also in `lockConfig()`)",
        },
        {
          kind: "bounds",
          values: {
            ...QERUN_LENDING.creditManager,
            pauseDuration: QERUN_LENDING.pauseDuration,
            ...QERUN_LENDING.vault,
            ...QERUN_LENDING.reserve,
            ...QERUN_LENDING.oracle,
          },
          doc: "registered",
        },
      ],
    },
    {
      file: "test/utils/QutokenNumbers.sol",
      name: "QutokenNumbers",
      preset: "the Qutoken preset",
      dir: "presets/qutoken",
      notice: "The numbers the Qutoken preset deploys its issuance contracts with",
      entries: [
        struct("issuerTiers", "issuance/IssuerRegistry", QUTOKEN_ISSUANCE.tiers, "IssuerRegistry's tiers", "tiers_"),
        {
          kind: "constants",
          values: {
            unstakeNoticePeriod: QUTOKEN_ISSUANCE.unstakeNoticePeriod,
            creationFee: QUTOKEN_ISSUANCE.creationFee,
            partnerClaimWindow: QUTOKEN_ISSUANCE.partnerClaimWindow,
            tokenCap: QUTOKEN_TOKEN.cap,
          },
          doc: "IssuerRegistry's notice period, IssuerTokenFactory's creation fee, PartnerRewards' claim window, QUT's cap",
        },
        { kind: "bounds", values: QUTOKEN_ISSUANCE.bounds, doc: "registered" },
      ],
    },
  ];
}

/** `123456` -> `123_456`. */
function literal(value: bigint | number): string {
  const s = BigInt(value).toString();
  return s.length <= 4 ? s : s.replace(/\B(?=(\d{3})+(?!\d))/g, "_");
}

const WEI = 10n ** 18n;
const USDC = 10n ** 6n;
const DAY = 86_400n;

/**
 * A number as a test would write it: token amounts in `ether` (6-decimal stablecoin amounts, fields `stable`, as
 * `e6`), durations in `days`, the rest with separators.
 */
function number(field: string, value: bigint, stable: readonly string[] = []): string {
  if (
    /(Duration|Period|Epoch|Window|Notice|Length|Delay|Seconds)$/i.test(field) &&
    value >= DAY &&
    value % DAY === 0n
  ) {
    return `${literal(value / DAY)} days`;
  }
  if (stable.includes(field) && value >= USDC && value % USDC === 0n) return `${literal(value / USDC)}e6`;
  if (!stable.includes(field) && value >= 10n ** 12n && value % 10n ** 12n === 0n) {
    const whole = value / WEI;
    const fraction = (value % WEI).toString().padStart(18, "0").replace(/0+$/, "");
    return `${literal(whole)}${fraction === "" ? "" : `.${fraction}`} ether`;
  }
  return literal(value);
}

/** `text` as comment lines of at most 120 characters (with the 4-space indent), each starting `prefix`. */
function comment(prefix: string, text: string, indent = ""): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && indent.length + prefix.length + line.length + 1 + word.length > 120) {
      out.push(`${indent}${prefix}${line}`);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  out.push(`${indent}${prefix}${line}`);
  return out;
}

/** `maxLtvBps` -> `MAX_LTV_BPS`. */
const upper = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();

/**
 * Assignments of `value` (of ABI type `param`) to `path`, recursing into structs and fixed arrays. A struct field the
 * value lacks (an address the deployment supplies) is left out: the test sets it.
 */
function assign(path: string, param: AbiParam, value: unknown, out: string[], stable: readonly string[]): void {
  if (param.type === "tuple") {
    for (const c of param.components!) {
      const v = (value as Record<string, unknown>)[c.name];
      if (v !== undefined) assign(`${path}.${c.name}`, c, v, out, stable);
    }
    return;
  }
  const dynamic = /^(.*)\[\]$/.exec(param.type);
  if (dynamic !== null) {
    const internalType = param.internalType.replace(/\[\]$/, "");
    const element = { ...param, type: dynamic[1], internalType };
    const list = value as unknown[];
    out.push(`${path} = new ${internalType.replace(/^struct /, "")}[](${list.length});`);
    list.forEach((v, i) => assign(`${path}[${i}]`, element, v, out, stable));
    return;
  }
  const fixed = /^(.*)\[(\d+)\]$/.exec(param.type);
  if (fixed !== null) {
    const element = { ...param, type: fixed[1], internalType: param.internalType.replace(/\[\d+\]$/, "") };
    (value as unknown[]).forEach((v, i) => assign(`${path}[${i}]`, element, v, out, stable));
    return;
  }
  if (/^u?int\d*$/.test(param.type)) out.push(`${path} = ${number(param.name, BigInt(value as bigint), stable)};`);
  else if (param.type === "bool") out.push(`${path} = ${String(value)};`);
  else if (param.type === "string") out.push(`${path} = ${JSON.stringify(value)};`);
  else throw new Error(`${path}: type ${param.type} is not rendered`);
}

/** The constructor (or `e.method`) parameter of `e.contract` the struct `e.value` is passed as. */
async function constructorParam(e: Extract<Entry, { kind: "struct" }>): Promise<AbiParam> {
  const artifact = JSON.parse(await readFile(`artifacts/contracts/${e.source}.sol/${e.contract}.json`, "utf8")) as {
    abi: { type: string; name?: string; inputs: AbiParam[] }[];
  };
  const inputs = artifact.abi.find((x) =>
    e.method === undefined ? x.type === "constructor" : x.type === "function" && x.name === e.method,
  )!.inputs;
  const names = (fields: AbiParam[]) =>
    fields
      .map((c) => c.name)
      .sort()
      .join(",");
  const keys = Object.keys(e.value as object)
    .sort()
    .join(",");
  const param =
    e.param !== undefined
      ? inputs.find((i) => i.name === e.param)
      : inputs.find((i) => i.type === "tuple" && names(i.components!) === keys);
  if (param === undefined)
    throw new Error(`${e.contract}: no constructor struct ${e.param ?? `with the fields ${keys}`}`);
  return param;
}

/** The source of one library. */
export async function renderPresetNumbers(lib: Library): Promise<string> {
  const imports = new Map<string, string>(); // interface -> path
  const body: string[] = [];
  const stable = lib.stable ?? [];
  // Two entries naming the same constant would not compile: say which.
  const names = lib.entries.flatMap((e) =>
    e.kind === "constants"
      ? Object.keys(e.values).map(upper)
      : e.kind === "bounds"
        ? Object.keys(e.values).flatMap((n) => ["MIN", "MAX", "STEP"].map((x) => `${upper(n)}_${x}`))
        : [e.fn],
  );
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length > 0) throw new Error(`${lib.file}: ${twice.join(", ")} named twice`);
  for (const e of lib.entries) {
    if (e.kind === "constants") {
      body.push(...comment("// ", `${e.doc}, as ${lib.preset} deploys them.`, "    "));
      for (const [name, value] of Object.entries(e.values)) {
        body.push(`    uint256 internal constant ${upper(name)} = ${number(name, value, stable)};`);
      }
      body.push("");
      continue;
    }
    if (e.kind === "array") {
      body.push(
        ...comment("/// ", `@dev ${e.doc}, as ${lib.preset} deploys them.`, "    "),
        `    function ${e.fn}() internal pure returns (uint256[] memory p) {`,
        `        p = new uint256[](${e.values.length});`,
        ...e.values.map((v, i) => `        p[${i}] = ${number("", v, stable)};`),
        "    }",
        "",
      );
      continue;
    }
    if (e.kind === "bounds") {
      body.push(
        ...comment(
          "// ",
          `The hard bounds ${lib.preset} registers (ParameterRegistry \`register(target, key, min, max, minStep)\`).`,
          "    ",
        ),
      );
      for (const [name, b] of Object.entries(e.values)) {
        const n = (v: bigint) => number(name, v, stable);
        body.push(
          `    uint256 internal constant ${upper(name)}_MIN = ${n(b.min)};`,
          `    uint256 internal constant ${upper(name)}_MAX = ${n(b.max)};`,
          `    uint256 internal constant ${upper(name)}_STEP = ${n(b.minStep)};`,
        );
      }
      body.push("");
      continue;
    }
    const param = await constructorParam(e);
    const type = param.internalType.replace(/^struct /, "");
    if (type.includes(".")) {
      // A struct lives in an interface (`IFoo.Bar`) or a library (`UsageMultiplier.Config`).
      const iface = type.split(".")[0];
      const folder = existsSync(`contracts/interfaces/${iface}.sol`) ? "interfaces" : "libraries";
      imports.set(iface, `../../contracts/${folder}/${iface}.sol`);
    }
    const lines: string[] = [];
    assign("p", param, e.value, lines, stable);
    body.push(
      ...comment("/// ", `@dev ${e.doc}, as ${lib.preset} deploys them.`, "    "),
      `    function ${e.fn}() internal pure returns (${type} memory p) {`,
      ...lines.map((l) => `        ${l}`),
      "    }",
      "",
    );
  }
  body.pop();
  const lines = [
    "// SPDX-License-Identifier: MIT",
    "// Generated by `npm run preset-numbers` (scripts/preset-numbers.ts, scripts/lib/preset-numbers.ts) from",
    `// ${lib.dir}; do not edit by hand. test/assurance/PresetNumbers.ts fails when it is stale.`,
    "pragma solidity ^0.8.28;",
    "",
    ...[...imports.entries()].sort().map(([name, file]) => `import {${name}} from ${JSON.stringify(file)};`),
    "",
    `/// @title ${lib.name}`,
    ...comment(
      "/// ",
      `@notice ${lib.notice}, for the Solidity test bases: ` +
        "they start from these and override only what a test needs otherwise.",
    ),
    `library ${lib.name} {`,
    ...body,
    "}",
    "",
  ];
  const config = (await resolveConfig(lib.file)) ?? {};
  return format(lines.join("\n"), { ...config, parser: "slang" });
}

/** Every generated file with its source. */
export async function renderAllPresetNumbers(): Promise<{ file: string; source: string }[]> {
  return Promise.all(libraries().map(async (lib) => ({ file: lib.file, source: await renderPresetNumbers(lib) })));
}
