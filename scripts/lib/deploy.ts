import type { NetworkConnection } from "hardhat/types/network";

import TokenModule from "../../deploy/modules/Token.js";
import { buildLendingModule, type LendingPreset } from "../../deploy/modules/Lending.js";
import LendingDevnetModule from "../../deploy/modules/LendingDevnet.js";
import UniswapV2Module, { FACTORY_ARTIFACT, ROUTER_ARTIFACT, WETH9_ARTIFACT } from "../../deploy/modules/UniswapV2.js";
import { QERUN_LENDING } from "../../presets/qerun/lending.js";

/** Parameters of the `Token` Ignition module. */
export interface TokenParams {
  name: string;
  symbol: string;
  /** Hard cap on the lifetime total minted, in wei. */
  cap: bigint;
}

/**
 * Deploys the `Token` Ignition module and returns its contracts typed by typechain.
 * Tests, the demo and the tasks all deploy through this, so they run the same module.
 */
export async function deployToken(connection: NetworkConnection, params: TokenParams) {
  const { ethers, ignition } = connection;
  const deployed = await ignition.deploy(TokenModule, { parameters: { Token: { ...params } } });
  return {
    manager: await ethers.getContractAt("AccessManager", deployed.manager),
    token: await ethers.getContractAt("ProtocolToken", deployed.token),
  };
}

/**
 * Deploys the real Uniswap V2 (WETH9, factory, Router02) from Uniswap's npm artifacts (module `UniswapV2`).
 * The contracts are returned untyped, with Uniswap's own ABIs.
 */
export async function deployUniswapV2(connection: NetworkConnection) {
  const { ethers, ignition } = connection;
  const deployed = await ignition.deploy(UniswapV2Module);
  const [signer] = await ethers.getSigners();
  return {
    weth: new ethers.Contract(await deployed.weth.getAddress(), WETH9_ARTIFACT.abi, signer),
    factory: new ethers.Contract(await deployed.factory.getAddress(), FACTORY_ARTIFACT.abi, signer),
    router: new ethers.Contract(await deployed.router.getAddress(), ROUTER_ARTIFACT.abi, signer),
  };
}

/** Options of a devnet lending deployment; every field has the Qerun default. */
export interface LendingDevnetParams {
  preset?: LendingPreset;
  token?: TokenParams;
  /** QER/USD and ETH/USD feed answers, 8 decimals. */
  qerUsd?: bigint;
  ethUsd?: bigint;
  /** The stablecoin/ETH pool is seeded at the ETH/USD price with this much ETH. */
  poolEth?: bigint;
}

/**
 * The lending module on a devnet, deployed through the same Ignition modules a testnet uses: the real Uniswap V2
 * (module `UniswapV2`), the devnet stablecoin and feeds (module `LendingDevnet`), then `Lending` with the preset
 * (Qerun by default), which also deploys the token and the parameter registry and registers every governed number
 * with its bounds. Seeds the stablecoin/WETH pool at the oracle price (5,000 ETH by default), from the deployer.
 */
export async function deployLendingDevnet(connection: NetworkConnection, params: LendingDevnetParams = {}) {
  const { ethers, ignition } = connection;
  const preset = params.preset ?? QERUN_LENDING;
  const token = params.token ?? { name: "Qerun", symbol: "QER", cap: 1_000_000_000n * 10n ** 18n };
  const qerUsd = params.qerUsd ?? 2n * 10n ** 8n;
  const ethUsd = params.ethUsd ?? 2_000n * 10n ** 8n;
  const poolEth = params.poolEth ?? 5_000n * 10n ** 18n;

  const uniswap = await deployUniswapV2(connection);
  const devnet = await ignition.deploy(LendingDevnetModule, { parameters: { LendingDevnet: { qerUsd, ethUsd } } });
  const stable = await ethers.getContractAt("MockStablecoin", await devnet.stable.getAddress());
  if (Number(await stable.decimals()) !== preset.stableDecimals) throw new Error("stablecoin decimals != preset");

  const deployed = await ignition.deploy(buildLendingModule(preset), {
    parameters: {
      Token: { ...token },
      Lending: {
        stable: await stable.getAddress(),
        qerFeed: await devnet.qerFeed.getAddress(),
        ethFeed: await devnet.ethFeed.getAddress(),
        router: await uniswap.router.getAddress(),
      },
    },
  });

  // Seed the pool at the oracle price: poolEth x ETH/USD of the stablecoin (8-decimal answer -> stable decimals).
  const [deployer] = await ethers.getSigners();
  const poolStable = (poolEth * ethUsd * 10n ** BigInt(preset.stableDecimals)) / 10n ** 26n;
  await (await stable.mint(deployer.address, poolStable)).wait();
  await (await stable.approve(await uniswap.router.getAddress(), poolStable)).wait();
  const deadline = (await ethers.provider.getBlock("latest"))!.timestamp + 3_600;
  await (
    await uniswap.router.getFunction("addLiquidityETH")(
      await stable.getAddress(),
      poolStable,
      0n,
      0n,
      deployer.address,
      deadline,
      { value: poolEth },
    )
  ).wait();

  return {
    uniswap,
    stable,
    qerFeed: await ethers.getContractAt("MockAggregatorV3", await devnet.qerFeed.getAddress()),
    ethFeed: await ethers.getContractAt("MockAggregatorV3", await devnet.ethFeed.getAddress()),
    manager: await ethers.getContractAt("AccessManager", await deployed.manager.getAddress()),
    registry: await ethers.getContractAt("ParameterRegistry", await deployed.registry.getAddress()),
    qer: await ethers.getContractAt("ProtocolToken", await deployed.token.getAddress()),
    oracle: await ethers.getContractAt("OracleRouter", await deployed.oracle.getAddress()),
    fund: await ethers.getContractAt("InsuranceFund", await deployed.fund.getAddress()),
    vault: await ethers.getContractAt("StableVault", await deployed.vault.getAddress()),
    reserve: await ethers.getContractAt("EthReserve", await deployed.reserve.getAddress()),
    creditManager: await ethers.getContractAt("CreditManager", await deployed.creditManager.getAddress()),
  };
}
