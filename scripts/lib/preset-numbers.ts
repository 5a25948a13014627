/**
 * The Solidity tests' preset numbers, generated from `presets/`: `test/utils/QuiverNumbers.sol` returns the structs
 * the QUIVer preset's staking and market contracts are deployed with, built by the same functions the Ignition
 * builders use (`stakingConstructorArgs`, `marketConstructorArgs`). A test base starts from them instead of copying
 * the numbers by hand, and overrides a field only where a test needs another value (with a comment). `npm run
 * preset-numbers` writes the file; `test/assurance/PresetNumbers.ts` fails when it is stale.
 */
import { readFile } from "node:fs/promises";

import { format, resolveConfig } from "prettier";

import { marketConstructorArgs } from "../../deploy/modules/Market.js";
import { stakingConstructorArgs } from "../../deploy/modules/Staking.js";
import { quiverMarket } from "../../presets/quiver/market.js";
import { quiverStaking } from "../../presets/quiver/staking.js";

export const PRESET_NUMBERS_FILE = "test/utils/QuiverNumbers.sol";

/** An ABI parameter, as the compiler's artifacts give it. */
interface AbiParam {
  name: string;
  type: string;
  internalType: string;
  components?: AbiParam[];
}

/** One generated function: the struct `contract`'s constructor takes (matched by its field names), and its value. */
interface Entry {
  fn: string;
  /** `contracts/<path>`: the artifact whose constructor takes the struct. */
  source: string;
  contract: string;
  value: Record<string, unknown>;
  doc: string;
}

function entries(): Entry[] {
  const staking = stakingConstructorArgs(quiverStaking);
  const market = marketConstructorArgs(quiverMarket);
  const m = (fn: string, contract: string, value: Record<string, unknown>, doc: string): Entry => ({
    fn,
    source: `market/${contract}.sol`,
    contract,
    value,
    doc,
  });
  return [
    {
      fn: "stakingParameters",
      source: "staking/ProviderStaking.sol",
      contract: "ProviderStaking",
      value: staking.parameters,
      doc: "ProviderStaking's governed numbers",
    },
    {
      fn: "stakingConstants",
      source: "staking/ProviderStaking.sol",
      contract: "ProviderStaking",
      value: staking.constants,
      doc: "ProviderStaking's fixed numbers",
    },
    m("catalogParameters", "ModelCatalog", market.catalog, "ModelCatalog's numbers"),
    m("routerParameters", "FeeRouter", market.router, "FeeRouter's split and discounts"),
    m("incentiveRates", "IncentivePools", market.rates, "IncentivePools' rates"),
    m("marketParameters", "InferenceMarket", market.market, "InferenceMarket's numbers"),
    m("auctionParameters", "RequestAuction", market.auction, "RequestAuction's numbers"),
    m("volumeParameters", "VolumeContracts", market.volume, "VolumeContracts' numbers"),
  ];
}

/** `123456` -> `123_456`. */
function literal(value: bigint | number): string {
  const s = BigInt(value).toString();
  return s.length <= 4 ? s : s.replace(/\B(?=(\d{3})+(?!\d))/g, "_");
}

const WEI = 10n ** 18n;
const DAY = 86_400n;

/** A number as a test would write it: token amounts in `ether`, durations in `days`, the rest with separators. */
function number(field: string, value: bigint): string {
  if (/(Duration|Period|Epoch|Window|Notice)$/.test(field) && value >= DAY && value % DAY === 0n) {
    return `${literal(value / DAY)} days`;
  }
  if (value >= 10n ** 12n && value % 10n ** 12n === 0n) {
    const whole = value / WEI;
    const fraction = (value % WEI).toString().padStart(18, "0").replace(/0+$/, "");
    return `${literal(whole)}${fraction === "" ? "" : `.${fraction}`} ether`;
  }
  return literal(value);
}

/** Assignments of `value` (of ABI type `param`) to `path`, recursing into structs and fixed arrays. */
function assign(path: string, param: AbiParam, value: unknown, out: string[]): void {
  if (param.type === "tuple") {
    for (const c of param.components!) assign(`${path}.${c.name}`, c, (value as Record<string, unknown>)[c.name], out);
    return;
  }
  const fixed = /^(.*)\[(\d+)\]$/.exec(param.type);
  if (fixed !== null) {
    const element = { ...param, type: fixed[1], internalType: param.internalType.replace(/\[\d+\]$/, "") };
    (value as unknown[]).forEach((v, i) => assign(`${path}[${i}]`, element, v, out));
    return;
  }
  if (/^u?int\d*$/.test(param.type)) out.push(`${path} = ${number(param.name, BigInt(value as bigint))};`);
  else if (param.type === "bool") out.push(`${path} = ${String(value)};`);
  else throw new Error(`${path}: type ${param.type} is not rendered`);
}

/** test/utils/QuiverNumbers.sol. */
export async function renderPresetNumbers(): Promise<string> {
  const imports = new Map<string, string>(); // interface -> path
  const body: string[] = [];
  for (const e of entries()) {
    const artifact = JSON.parse(await readFile(`artifacts/contracts/${e.source}/${e.contract}.json`, "utf8")) as {
      abi: { type: string; inputs: AbiParam[] }[];
    };
    const constructor = artifact.abi.find((x) => x.type === "constructor")!;
    const keys = Object.keys(e.value).sort().join(",");
    const param = constructor.inputs.find(
      (i) =>
        i.type === "tuple" &&
        i
          .components!.map((c) => c.name)
          .sort()
          .join(",") === keys,
    );
    if (param === undefined) throw new Error(`${e.contract}: no constructor struct with the fields ${keys}`);
    const type = param.internalType.replace(/^struct /, "");
    const iface = type.split(".")[0];
    imports.set(iface, `../../contracts/interfaces/${iface}.sol`);
    const lines: string[] = [];
    assign("p", param, e.value, lines);
    body.push(
      `    /// @dev ${e.doc}, as the QUIVer preset deploys them.`,
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
    "// presets/quiver; do not edit by hand. test/assurance/PresetNumbers.ts fails when it is stale.",
    "pragma solidity ^0.8.28;",
    "",
    ...[...imports.entries()].sort().map(([name, file]) => `import {${name}} from ${JSON.stringify(file)};`),
    "",
    "/// @title QuiverNumbers",
    "/// @notice The numbers the QUIVer preset deploys its staking and market contracts with, for the Solidity test",
    "/// bases: they start from these and override only what a test needs otherwise.",
    "library QuiverNumbers {",
    ...body,
    "}",
    "",
  ];
  const config = (await resolveConfig(PRESET_NUMBERS_FILE)) ?? {};
  return format(lines.join("\n"), { ...config, parser: "slang" });
}
