import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * Devnet stand-ins for what a public chain already has: a 6-decimal stablecoin with an open faucet and two
 * settable Chainlink-style feeds (QER/USD, ETH/USD, 8 decimals). Only the price source is a mock; the swaps go
 * through the real Uniswap V2 (module `UniswapV2`).
 *
 * Parameters: `qerUsd`, `ethUsd` (8-decimal answers; defaults $2 and $2,000).
 */
export const LendingDevnetModule = buildModule("LendingDevnet", (m) => {
  const qerUsd = m.getParameter("qerUsd", 2n * 10n ** 8n);
  const ethUsd = m.getParameter("ethUsd", 2_000n * 10n ** 8n);
  const stable = m.contract("MockStablecoin", ["USD Coin (devnet)", "USDC"]);
  const qerFeed = m.contract("MockAggregatorV3", [8, "QER / USD", qerUsd], { id: "QerUsdFeed" });
  const ethFeed = m.contract("MockAggregatorV3", [8, "ETH / USD", ethUsd], { id: "EthUsdFeed" });
  return { stable, qerFeed, ethFeed };
});
