import { createRequire } from "node:module";

import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { Artifact } from "@nomicfoundation/ignition-core";

const require = createRequire(import.meta.url);

interface UniswapJson {
  abi: Artifact["abi"];
  bytecode: string;
  evm: { deployedBytecode: { object: string } };
}

/** Uniswap's own compiled artifact from npm, in the shape Ignition deploys. */
export function uniswapArtifact(contractName: string, npmPath: string): Artifact {
  const json = require(npmPath) as UniswapJson;
  return {
    _format: "hh-sol-artifact-1",
    contractName,
    sourceName: npmPath,
    abi: json.abi,
    bytecode: `0x${json.bytecode}`,
    deployedBytecode: `0x${json.evm.deployedBytecode.object}`,
    linkReferences: {},
    deployedLinkReferences: {},
  };
}

export const WETH9_ARTIFACT = uniswapArtifact("WETH9", "@uniswap/v2-periphery/build/WETH9.json");
export const FACTORY_ARTIFACT = uniswapArtifact("UniswapV2Factory", "@uniswap/v2-core/build/UniswapV2Factory.json");
export const PAIR_ARTIFACT = uniswapArtifact("UniswapV2Pair", "@uniswap/v2-core/build/UniswapV2Pair.json");
export const ROUTER_ARTIFACT = uniswapArtifact(
  "UniswapV2Router02",
  "@uniswap/v2-periphery/build/UniswapV2Router02.json",
);

/**
 * The real Uniswap V2 on a devnet: WETH9, the factory and Router02, deployed from the compiled artifacts Uniswap
 * publishes on npm (`@uniswap/v2-core@1.0.1`, `@uniswap/v2-periphery@1.1.0-beta.0`). Router02 hard-codes the
 * pair's init code hash (0x96e8ac42...845f); it equals keccak256 of the core package's `UniswapV2Pair` creation
 * bytecode, which the factory deploys, so the router finds the factory's pairs (checked in test/lending/Lending.ts).
 *
 * The deployer is the factory's `feeToSetter` (protocol fee off). On a public testnet, use the chain's Uniswap
 * deployment instead and pass its router to the Lending module.
 */
export const UniswapV2Module = buildModule("UniswapV2", (m) => {
  const feeToSetter = m.getAccount(0);
  const weth = m.contract("WETH9", WETH9_ARTIFACT, []);
  const factory = m.contract("UniswapV2Factory", FACTORY_ARTIFACT, [feeToSetter]);
  const router = m.contract("UniswapV2Router02", ROUTER_ARTIFACT, [factory, weth]);
  return { weth, factory, router };
});
