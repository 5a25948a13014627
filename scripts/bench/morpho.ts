import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";

import { Contract, ContractFactory, type Signer } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

const require = createRequire(import.meta.url);

/** Morpho Blue's published build settings (its foundry profile): via-IR, 999,999 optimizer runs, paris. */
const MORPHO_SETTINGS = {
  viaIR: true,
  optimizer: { enabled: true, runs: 999_999 },
  evmVersion: "paris",
  outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
};

/** A constant-price oracle and a constant-rate IRM for the reference market: bench helpers, not measured code. */
const HELPERS = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
import {IOracle} from "src/interfaces/IOracle.sol";
import {IIrm} from "src/interfaces/IIrm.sol";
import {MarketParams, Market} from "src/interfaces/IMorpho.sol";
contract BenchOracle is IOracle {
    uint256 public price;
    function setPrice(uint256 newPrice) external { price = newPrice; }
}
contract BenchIrm is IIrm {
    uint256 internal constant RATE = 1585489599; // 5% a year per second, WAD
    function borrowRate(MarketParams memory, Market memory) external pure returns (uint256) { return RATE; }
    function borrowRateView(MarketParams memory, Market memory) external pure returns (uint256) { return RATE; }
}
`;

interface Compiled {
  abi: unknown[];
  bytecode: string;
}

function sources(root: string): Record<string, { content: string }> {
  const out: Record<string, { content: string }> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== "mocks") walk(path);
      } else if (name.endsWith(".sol")) {
        // The package pins solc 0.8.19 and ships no bytecode; the project's solc-js compiles the same sources.
        const content = readFileSync(path, "utf8").replace("pragma solidity 0.8.19;", "pragma solidity ^0.8.19;");
        out[relative(root, path)] = { content };
      }
    }
  };
  walk(join(root, "src"));
  out["bench/Helpers.sol"] = { content: HELPERS };
  return out;
}

/**
 * Compiles Morpho Blue 1.0.0 from `@morpho-org/morpho-blue` (npm) with the project's compiler and Morpho's own
 * settings, once (cached under cache/), and returns the contracts the reference needs.
 */
function compileMorpho(): Record<"Morpho" | "BenchOracle" | "BenchIrm", Compiled> {
  const root = dirname(require.resolve("@morpho-org/morpho-blue/package.json"));
  const solc = require("solc") as { compile: (input: string) => string; version: () => string };
  const cacheFile = join("cache", "bench", `morpho-blue-1.0.0-${solc.version()}.json`);
  if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, "utf8"));
  const output = JSON.parse(
    solc.compile(JSON.stringify({ language: "Solidity", sources: sources(root), settings: MORPHO_SETTINGS })),
  ) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
  };
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  const pick = (file: string, name: string): Compiled => {
    const c = output.contracts[file][name];
    return { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` };
  };
  const compiled = {
    Morpho: pick("src/Morpho.sol", "Morpho"),
    BenchOracle: pick("bench/Helpers.sol", "BenchOracle"),
    BenchIrm: pick("bench/Helpers.sol", "BenchIrm"),
  };
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, JSON.stringify(compiled));
  return compiled;
}

async function deploy(c: Compiled, signer: Signer, ...args: unknown[]): Promise<Contract> {
  const contract = await new ContractFactory(c.abi as never, c.bytecode, signer).deploy(...args);
  await contract.waitForDeployment();
  return contract as Contract;
}

/** The market's parameters as Morpho's tuple. */
export interface MorphoMarket {
  morpho: Contract;
  oracle: Contract;
  params: [string, string, string, string, bigint];
}

/**
 * Deploys Morpho Blue with a loan token, a collateral token, a constant-price oracle and a constant-rate IRM, and
 * creates the market with the given LLTV (WAD).
 */
export async function deployMorphoMarket(
  connection: NetworkConnection,
  loanToken: string,
  collateralToken: string,
  price: bigint,
  lltv: bigint,
): Promise<MorphoMarket> {
  const compiled = compileMorpho();
  const [owner] = await connection.ethers.getSigners();
  const morpho = await deploy(compiled.Morpho, owner, owner.address);
  const oracle = await deploy(compiled.BenchOracle, owner);
  const irm = await deploy(compiled.BenchIrm, owner);
  await (await oracle.getFunction("setPrice")(price)).wait();
  await (await morpho.getFunction("enableIrm")(await irm.getAddress())).wait();
  await (await morpho.getFunction("enableLltv")(lltv)).wait();
  const params: MorphoMarket["params"] = [
    loanToken,
    collateralToken,
    await oracle.getAddress(),
    await irm.getAddress(),
    lltv,
  ];
  await (await morpho.getFunction("createMarket")(params)).wait();
  return { morpho, oracle, params };
}
