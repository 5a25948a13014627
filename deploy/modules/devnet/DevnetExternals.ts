import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { LendingDevnetModule } from "./LendingDevnet.js";
import { UniswapV2Module } from "./UniswapV2.js";

/**
 * What a public chain already has and a devnet lacks, in one deployment shared by the presets: the real Uniswap V2
 * (WETH9, factory, Router02 from Uniswap's npm artifacts) and lending's stand-ins (a faucet stablecoin and settable
 * Chainlink-style QER/USD and ETH/USD feeds). Parameters: `LendingDevnet.qerUsd`, `LendingDevnet.ethUsd`.
 */
export const DevnetExternalsModule = buildModule("DevnetExternals", (m) => ({
  ...m.useModule(UniswapV2Module),
  ...m.useModule(LendingDevnetModule),
}));
