import { createRequire } from "node:module";

import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { Contract, ZeroAddress, type Addressable } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { DevnetExternalsModule } from "../../deploy/modules/devnet/DevnetExternals.js";
import { GovernanceModule } from "../../deploy/modules/Governance.js";
import { GovernanceHandoverModule, WorkerProposalsHandoverModule } from "../../deploy/modules/GovernanceHandover.js";
import { buildIssuanceModule } from "../../deploy/modules/Issuance.js";
import { buildLendingModule } from "../../deploy/modules/Lending.js";
import { LendingDevnetModule } from "../../deploy/modules/devnet/LendingDevnet.js";
import {
  UniswapV2Module,
  FACTORY_ARTIFACT,
  ROUTER_ARTIFACT,
  WETH9_ARTIFACT,
} from "../../deploy/modules/devnet/UniswapV2.js";
import { buildMarketModule } from "../../deploy/modules/Market.js";
import { buildProgramsModule } from "../../deploy/modules/Programs.js";
import { buildDistributionModule } from "../../deploy/modules/QryDistribution.js";
import { buildSlashingModule } from "../../deploy/modules/Slashing.js";
import { buildStakingModule } from "../../deploy/modules/Staking.js";
import { buildSupplyModule, supplyModuleId } from "../../deploy/modules/Supply.js";
import { TokenModule } from "../../deploy/modules/Token.js";
import { WorkerProposalsModule } from "../../deploy/modules/WorkerProposals.js";
import { QERUN_LENDING } from "../../presets/qerun/lending.js";
import { qryDistribution } from "../../presets/qry/distribution.js";
import { qrySupply } from "../../presets/qry/supply.js";
import { QUTOKEN_ISSUANCE, QUTOKEN_TOKEN } from "../../presets/qutoken/issuance.js";
import type { GovernancePreset, ProposalClassName, WorkerProposalsPreset } from "../../modules/governance.js";
import type { LendingPreset } from "../../modules/lending.js";
import type { MarketPreset } from "../../modules/market.js";
import type { ProgramsPreset } from "../../modules/programs.js";
import type { SlashingPreset } from "../../modules/slashing.js";
import type { StakingPreset } from "../../modules/staking.js";
import { accountNames, type SupplyPreset } from "../../modules/supply.js";

/** The Qutoken issuer platform alone (module `Issuance`, with `Token` as QUT and `Parameters`). */
const IssuanceModule = buildIssuanceModule(QUTOKEN_ISSUANCE);

/** QRY's distribution alone (module `QryDistribution`), its addresses as parameters. */
const QryDistributionModule = buildDistributionModule(qryDistribution);

/**
 * QRY's emission wired to its distribution: the supply of presets/qry/supply.ts (mint mode) with its one recipient,
 * `distributionEngine`, resolved to the engine of `QryDistributionModule`. Parameters (module id `QryEmission`):
 * `start` (the emission start, also epoch 0's start) and `treasury`.
 */
const QryEmissionModule = buildSupplyModule(qrySupply, {
  id: "QryEmission",
  contracts: (m) => ({ distributionEngine: m.useModule(QryDistributionModule).engine }),
});

/** The whole QRY economy without the rest of its preset: token, parameters, distribution, emission into the engine. */
const QryModule = buildModule("Qry", (m) => {
  const distribution = m.useModule(QryDistributionModule);
  const { vault, controller } = m.useModule(QryEmissionModule);
  return { ...distribution, vault, controller };
});

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

/** Options of `deploySupply`. */
export interface SupplyDeployOptions {
  /** The TGE and emission start (unix seconds). */
  start: bigint;
  /** An address for every named account of the preset (`accountNames(preset)`). */
  accounts: Record<string, string>;
}

/**
 * Deploys a preset's supply (deploy/modules/Supply.ts, with the Token module it uses) and returns its contracts
 * typed by typechain. `genesis` is absent for a fair launch (no supply at genesis), `pool` when no emission
 * recipient is an EpochRewardPool.
 */
export async function deploySupply(connection: NetworkConnection, preset: SupplyPreset, options: SupplyDeployOptions) {
  const { ethers, ignition } = connection;
  const module = buildSupplyModule(preset);
  const missing = accountNames(preset).filter((name) => options.accounts[name] === undefined);
  if (missing.length > 0) throw new Error(`deploySupply(${preset.system}): no address for ${missing.join(", ")}`);
  const accounts = Object.fromEntries(accountNames(preset).map((name) => [name, options.accounts[name]]));
  const deployed = (await ignition.deploy(module, {
    parameters: {
      Token: { ...preset.token },
      [supplyModuleId(preset)]: {
        start: options.start,
        mixStart: options.start + preset.emission.mix.startOffset,
        mixEnd: options.start + preset.emission.mix.endOffset,
        ...accounts,
      },
    },
  })) as Record<string, { getAddress(): Promise<string> } | undefined>;
  const at = async (contract: { getAddress(): Promise<string> } | undefined) =>
    contract === undefined ? undefined : await contract.getAddress();
  const genesis = await at(deployed.genesis);
  const pool = await at(deployed.pool);
  return {
    manager: await ethers.getContractAt("AccessManager", (await at(deployed.manager))!),
    token: await ethers.getContractAt("ProtocolToken", (await at(deployed.token))!),
    vault: await ethers.getContractAt("VestingVault", (await at(deployed.vault))!),
    controller: await ethers.getContractAt("EmissionController", (await at(deployed.controller))!),
    genesis: genesis === undefined ? undefined : await ethers.getContractAt("Genesis", genesis),
    pool: pool === undefined ? undefined : await ethers.getContractAt("EpochRewardPool", pool),
  };
}

// ---- issuance

/** Parameters of the `Issuance` Ignition module; numbers default to the Qutoken preset. */
export interface IssuanceParams {
  /** Where fees go (the treasury). */
  feeRecipient: string;
  /** Who opens partner-reward periods. */
  distributor: string;
  /** Overrides of the preset's numbers (benchmarks use a wider tier 3). */
  tiers?: { minStake: bigint; slots: bigint }[];
  unstakeNoticePeriod?: bigint;
  creationFee?: bigint;
  partnerClaimWindow?: bigint;
}

/**
 * Deploys the Qutoken issuer platform (`Issuance` Ignition module, with `Token` as QUT and `Parameters`) and
 * returns its contracts typed by typechain.
 */
export async function deployIssuance(connection: NetworkConnection, params: IssuanceParams) {
  const { ethers, ignition } = connection;
  const issuance: Record<string, string | bigint | { minStake: bigint; slots: bigint }[]> = {
    feeRecipient: params.feeRecipient,
    distributor: params.distributor,
  };
  if (params.tiers !== undefined) issuance.tiers = params.tiers;
  if (params.unstakeNoticePeriod !== undefined) issuance.unstakeNoticePeriod = params.unstakeNoticePeriod;
  if (params.creationFee !== undefined) issuance.creationFee = params.creationFee;
  if (params.partnerClaimWindow !== undefined) issuance.partnerClaimWindow = params.partnerClaimWindow;
  const deployed = await ignition.deploy(IssuanceModule, {
    parameters: { Token: { ...QUTOKEN_TOKEN }, Issuance: issuance },
  });
  return {
    manager: await ethers.getContractAt("AccessManager", deployed.manager),
    qut: await ethers.getContractAt("ProtocolToken", deployed.qut),
    parameters: await ethers.getContractAt("ParameterRegistry", deployed.parameters),
    registry: await ethers.getContractAt("IssuerRegistry", deployed.registry),
    factory: await ethers.getContractAt("IssuerTokenFactory", deployed.factory),
    rewards: await ethers.getContractAt("PartnerRewards", deployed.rewards),
    settlement: await ethers.getContractAt("Settlement", deployed.settlement),
  };
}

// ---- governance

/** Options of a governance deploy: the token, the preset's governance settings and the guardian's owners. */
export interface GovernanceDeployOptions {
  token: TokenParams;
  preset: GovernancePreset;
  /** The guardian Safe's owners (the preset says how many sign: `preset.guardian.threshold`). */
  guardianOwners: string[];
  /** The staking module's IVotingWeight; omitted or zero for a preset without staking weight. */
  votingWeight?: string;
  /**
   * Renounce the deployer's AccessManager admin role at the end (default true), leaving the normal timelock
   * as the only admin. Tests that must still mint or wire first pass false and renounce themselves.
   */
  handOver?: boolean;
}

/** The class id of a class name: its position in the preset's `classes`. */
export function classId(preset: GovernancePreset, name: ProposalClassName): number {
  const index = preset.classes.findIndex((c) => c.name === name);
  if (index < 0) throw new Error(`preset ${preset.name} has no "${name}" class`);
  return index;
}

/** The Ignition parameters of the Token, Parameters, GuardianSafe and Governance modules for a preset. */
export function governanceParameters(options: GovernanceDeployOptions) {
  const { preset } = options;
  if (options.guardianOwners.length !== preset.guardian.owners) {
    throw new Error(`the guardian needs ${preset.guardian.owners} owners, got ${options.guardianOwners.length}`);
  }
  return {
    Token: { ...options.token },
    GuardianSafe: { owners: options.guardianOwners, threshold: BigInt(preset.guardian.threshold) },
    Governance: {
      name: preset.name,
      votingDelay: preset.votingDelay,
      votingPeriod: preset.votingPeriod,
      normalDelay: preset.normalDelay,
      emergencyDelay: preset.emergencyDelay,
      quorumBps: BigInt(preset.quorumBps),
      proposalDeposit: preset.proposalDeposit.value,
      proposalDepositMin: preset.proposalDeposit.min,
      proposalDepositMax: preset.proposalDeposit.max,
      proposalDepositMinStep: preset.proposalDeposit.minStep,
      pauseDuration: preset.pauseDuration.value,
      pauseDurationMin: preset.pauseDuration.min,
      pauseDurationMax: preset.pauseDuration.max,
      pauseDurationMinStep: preset.pauseDuration.minStep,
      classes: preset.classes.map((c) => ({
        thresholdBps: BigInt(c.thresholdBps),
        emergency: c.emergency,
        minProposerWeight: c.minProposerWeight,
      })),
      defaultClass: BigInt(classId(preset, preset.defaultClass)),
      treasuryClass: BigInt(classId(preset, "treasury")),
      economicClass: BigInt(classId(preset, "economic")),
      accessClass: BigInt(classId(preset, "access")),
      emergencyClass: BigInt(classId(preset, "emergency")),
      emergencyParameterClass: BigInt(classId(preset, "emergencyParameter")),
      votingWeight: options.votingWeight ?? "0x0000000000000000000000000000000000000000",
    },
  };
}

const SAFE_ABI = createRequire(import.meta.url)(
  "@safe-global/safe-smart-account/build/artifacts/contracts/Safe.sol/Safe.json",
).abi;

async function governanceContracts(connection: NetworkConnection, deployed: Record<string, Addressable>) {
  const { ethers } = connection;
  return {
    manager: await ethers.getContractAt("AccessManager", deployed.manager),
    token: await ethers.getContractAt("ProtocolToken", deployed.token),
    registry: await ethers.getContractAt("ParameterRegistry", deployed.registry),
    votingPower: await ethers.getContractAt("VotingPower", deployed.votingPower),
    classifier: await ethers.getContractAt("ProposalClassifier", deployed.classifier),
    treasury: await ethers.getContractAt("Treasury", deployed.treasury),
    normalTimelock: await ethers.getContractAt("TimelockController", deployed.normalTimelock),
    emergencyTimelock: await ethers.getContractAt("TimelockController", deployed.emergencyTimelock),
    governor: await ethers.getContractAt("ProtocolGovernor", deployed.governor),
    /** The guardian Safe (Safe's own ABI; not compiled here, so untyped). */
    safe: new Contract(await deployed.safe.getAddress(), SAFE_ABI, ethers.provider),
  };
}

/**
 * Deploys a preset's governance (Ignition modules Token, Parameters, GuardianSafe, Governance and, unless
 * `handOver` is false, GovernanceHandover) and returns its contracts typed by typechain.
 */
export async function deployGovernance(connection: NetworkConnection, options: GovernanceDeployOptions) {
  const module = options.handOver === false ? GovernanceModule : GovernanceHandoverModule;
  const deployed = await connection.ignition.deploy(module, { parameters: governanceParameters(options) });
  return governanceContracts(connection, deployed);
}

/** Deploys a preset's governance with worker proposals (QRY): as `deployGovernance`, plus the worker pool. */
export async function deployWorkerProposals(
  connection: NetworkConnection,
  options: GovernanceDeployOptions & { workerProposals: WorkerProposalsPreset },
) {
  const module = options.handOver === false ? WorkerProposalsModule : WorkerProposalsHandoverModule;
  const base = governanceParameters(options);
  const { workerProposals: worker, preset } = options;
  const deployed = await connection.ignition.deploy(module, {
    parameters: {
      ...base,
      WorkerProposals: {
        workerClass: BigInt(classId(preset, worker.workerClass)),
        emergencyClass: base.Governance.emergencyClass,
        pauseDuration: worker.pauseDuration.value,
        pauseDurationMin: worker.pauseDuration.min,
        pauseDurationMax: worker.pauseDuration.max,
        pauseDurationMinStep: worker.pauseDuration.minStep,
      },
    },
  });
  return {
    ...(await governanceContracts(connection, deployed)),
    workerPool: await connection.ethers.getContractAt("WorkerPool", deployed.workerPool),
  };
}

// ---- lending
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

// ---- staking
/** Parameters of the staking deployment: the token it stakes and the preset's staking numbers. */
export interface StakingParams {
  token: TokenParams;
  staking: StakingPreset;
}

/**
 * Deploys the staking module of a preset (with its token, AccessManager and ParameterRegistry) and returns its
 * contracts typed by typechain. Privileged roles (REWARD_FUNDER, ATTESTER, SLASHER) are mapped but not granted.
 */
export async function deployStaking(connection: NetworkConnection, params: StakingParams) {
  const { ethers, ignition } = connection;
  const deployed = await ignition.deploy(buildStakingModule(params.staking), {
    parameters: { Token: { ...params.token } },
  });
  return {
    manager: await ethers.getContractAt("AccessManager", deployed.manager),
    token: await ethers.getContractAt("ProtocolToken", deployed.token),
    registry: await ethers.getContractAt("ParameterRegistry", deployed.registry),
    staking: await ethers.getContractAt("ProviderStaking", deployed.staking),
    votes: await ethers.getContractAt("StakingVotes", deployed.votes),
    reputation: await ethers.getContractAt("ReputationStake", deployed.reputation),
  };
}

// ---- distribution (QRY)

/** Options of `deployQry`. */
export interface QryDeployOptions {
  /** The emission start and epoch 0's start (unix seconds). */
  start: bigint;
  /** Where revoked vesting would return (QRY has none; the supply module still names a treasury). */
  treasury: string;
  /** An `IStakeReader` (the staking module, an adapter, or a mock on a devnet). */
  stakeReader: string;
  /** The worker-proposal pool (paid as a plain account). */
  workerProposals: string;
  /** The staking-rewards pool. */
  stakingRewards: string;
  /** Whether the staking-rewards pool is an `IRewardReceiver` to notify (default: a plain account). */
  stakingRewardsNotify?: boolean;
  /** Who grants the gateway, portal, challenger and consensus-reporter roles (default: the deployer). */
  registrar?: string;
}

/**
 * Deploys the whole QRY economy (`Qry` Ignition module: Token as QRY, Parameters, QryDistribution, and the emission
 * controller minting into the distribution engine) and returns its contracts typed by typechain.
 */
export async function deployQry(connection: NetworkConnection, options: QryDeployOptions) {
  const { ethers, ignition } = connection;
  const { start } = options;
  const distribution: Record<string, string | bigint | number> = {
    start,
    mixStart: start + qryDistribution.mix.startOffset,
    mixEnd: start + qryDistribution.mix.endOffset,
    stakeReader: options.stakeReader,
    workerProposals: options.workerProposals,
    stakingRewards: options.stakingRewards,
    stakingRewardsKind: options.stakingRewardsNotify === true ? 1 : 2,
  };
  if (options.registrar !== undefined) distribution.registrar = options.registrar;
  const deployed = await ignition.deploy(QryModule, {
    parameters: {
      Token: { ...qrySupply.token },
      QryDistribution: distribution,
      QryEmission: { start, treasury: options.treasury },
    },
  });
  return {
    manager: await ethers.getContractAt("AccessManager", deployed.manager),
    qry: await ethers.getContractAt("ProtocolToken", deployed.token),
    parameters: await ethers.getContractAt("ParameterRegistry", deployed.parameters),
    controller: await ethers.getContractAt("EmissionController", deployed.controller),
    engine: await ethers.getContractAt("DistributionEngine", deployed.engine),
    subscriptions: await ethers.getContractAt("SubscriptionManager", deployed.subscriptions),
    providerPool: await ethers.getContractAt("SqrtPool", deployed.providerPool),
    integratorPool: await ethers.getContractAt("SqrtPool", deployed.integratorPool),
    portalPool: await ethers.getContractAt("SqrtPool", deployed.portalPool),
    availability: await ethers.getContractAt("AvailabilityPool", deployed.availability),
    consensus: await ethers.getContractAt("ConsensusRewards", deployed.consensus),
    stabilization: await ethers.getContractAt("StabilizationFund", deployed.stabilization),
  };
}

// ---- devnet externals (integration)

/** Options of `deployLendingDevnetExternals`; prices and pool size default to `deployLendingDevnet`'s. */
export interface DevnetExternalsOptions {
  /** Ignition deployment id on a real devnet node (its journal makes a second run a no-op). */
  deploymentId?: string;
  qerUsd?: bigint;
  ethUsd?: bigint;
  poolEth?: bigint;
}

/**
 * What lending needs from a chain, on a devnet (module `DevnetExternals`): the real Uniswap V2, a faucet stablecoin,
 * QER/USD and ETH/USD feeds; then seeds the stablecoin/WETH pool at the oracle price from the deployer, once (a pool
 * that already has reserves is left alone, so a second run changes nothing).
 */
export async function deployLendingDevnetExternals(
  connection: NetworkConnection,
  options: DevnetExternalsOptions = {},
) {
  const { ethers, ignition } = connection;
  const qerUsd = options.qerUsd ?? 2n * 10n ** 8n;
  const ethUsd = options.ethUsd ?? 2_000n * 10n ** 8n;
  const poolEth = options.poolEth ?? 5_000n * 10n ** 18n;
  const deployed = await ignition.deploy(DevnetExternalsModule, {
    parameters: { LendingDevnet: { qerUsd, ethUsd } },
    deploymentId: options.deploymentId,
    // Automined devnets confirm at once: poll for blocks often (a testnet keeps Ignition's default).
    config:
      Number(await connection.provider.request({ method: "eth_chainId" })) === 31337
        ? { blockPollingInterval: 50 }
        : {},
  });
  const [deployer] = await ethers.getSigners();
  const addresses = {
    weth: await deployed.weth.getAddress(),
    factory: await deployed.factory.getAddress(),
    router: await deployed.router.getAddress(),
    stable: await deployed.stable.getAddress(),
    qerFeed: await deployed.qerFeed.getAddress(),
    ethFeed: await deployed.ethFeed.getAddress(),
  };
  const stable = await ethers.getContractAt("MockStablecoin", addresses.stable);
  const factory = new ethers.Contract(addresses.factory, FACTORY_ARTIFACT.abi, deployer);
  const router = new ethers.Contract(addresses.router, ROUTER_ARTIFACT.abi, deployer);
  const pair: string = await factory.getFunction("getPair")(addresses.stable, addresses.weth);
  const seeded = pair !== ZeroAddress && (await stable.balanceOf(pair)) > 0n;
  if (!seeded) {
    const decimals = BigInt(await stable.decimals());
    const poolStable = (poolEth * ethUsd * 10n ** decimals) / 10n ** 26n;
    await (await stable.mint(deployer.address, poolStable)).wait();
    await (await stable.approve(addresses.router, poolStable)).wait();
    const deadline = (await ethers.provider.getBlock("latest"))!.timestamp + 3_600;
    await (
      await router.getFunction("addLiquidityETH")(addresses.stable, poolStable, 0n, 0n, deployer.address, deadline, {
        value: poolEth,
      })
    ).wait();
  }
  return {
    addresses,
    stable,
    router,
    qerFeed: await ethers.getContractAt("MockAggregatorV3", addresses.qerFeed),
    ethFeed: await ethers.getContractAt("MockAggregatorV3", addresses.ethFeed),
  };
}

// ---- slashing
/** Parameters of the slashing deployment: the token, and the preset's staking and slashing numbers. */
export interface SlashingParams {
  token: TokenParams;
  staking: StakingPreset;
  slashing: SlashingPreset;
  /** Start of metrics epoch 0 (unix seconds, not in the future); the latest block's timestamp by default. */
  metricsStart?: bigint;
}

/**
 * Deploys the slashing module of a preset on top of its staking module (with the token, AccessManager and
 * ParameterRegistry) and returns the contracts typed by typechain. The slasher holds staking's SLASHER role, the
 * court and the metrics registry hold SLASHING_COURT, the metrics registry ATTESTER and is a source of the court;
 * EMERGENCY and GOVERNOR are mapped but granted to nobody here.
 */
export async function deploySlashing(connection: NetworkConnection, params: SlashingParams) {
  const { ethers, ignition } = connection;
  const metricsStart = params.metricsStart ?? BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
  const deployed = await ignition.deploy(buildSlashingModule(params.staking, params.slashing), {
    parameters: { Token: { ...params.token }, Slashing: { metricsStart } },
  });
  const staking = await ethers.getContractAt("ProviderStaking", deployed.staking);
  return {
    manager: await ethers.getContractAt("AccessManager", deployed.manager),
    token: await ethers.getContractAt("ProtocolToken", deployed.token),
    registry: await ethers.getContractAt("ParameterRegistry", deployed.registry),
    staking,
    reputation: await ethers.getContractAt("ReputationStake", await staking.reputation()),
    slasher: await ethers.getContractAt("Slasher", deployed.slasher),
    court: await ethers.getContractAt("ChallengeCourt", deployed.court),
    metrics: await ethers.getContractAt("MetricsRegistry", deployed.metrics),
  };
}

// ---- market
/** Parameters of the market deployment: the token, the presets of staking and of the market, the fee recipients. */
export interface MarketParams {
  token: TokenParams;
  staking: StakingPreset;
  market: MarketPreset;
  /** Recipients of the protocol's parts of each fee. */
  recipients: { validators: string; infrastructure: string; treasury: string };
}

/**
 * Deploys the inference market of a preset (module `Market`, over its staking module, token, AccessManager and
 * ParameterRegistry) and returns its contracts typed by typechain. MARKET_CURATOR and the staking roles are mapped
 * but not granted.
 */
export async function deployMarket(connection: NetworkConnection, params: MarketParams) {
  const { ethers, ignition } = connection;
  const deployed = await ignition.deploy(buildMarketModule(params.market, params.staking), {
    parameters: { Token: { ...params.token }, Market: { ...params.recipients } },
  });
  return {
    manager: await ethers.getContractAt("AccessManager", deployed.manager),
    token: await ethers.getContractAt("ProtocolToken", deployed.token),
    registry: await ethers.getContractAt("ParameterRegistry", deployed.registry),
    staking: await ethers.getContractAt("ProviderStaking", deployed.staking),
    catalog: await ethers.getContractAt("ModelCatalog", deployed.catalog),
    router: await ethers.getContractAt("FeeRouter", deployed.router),
    incentives: await ethers.getContractAt("IncentivePools", deployed.incentives),
    market: await ethers.getContractAt("InferenceMarket", deployed.market),
    developers: await ethers.getContractAt("DeveloperPrograms", deployed.developers),
    licences: await ethers.getContractAt("LicenceMarket", deployed.licences),
    auction: await ethers.getContractAt("RequestAuction", deployed.auction),
    volume: await ethers.getContractAt("VolumeContracts", deployed.volume),
  };
}

// ---- provider programs and ratings
/** Parameters of the programs deployment: the market's and the slashing module's, and the programs preset. */
export interface ProgramsParams extends MarketParams {
  slashing: SlashingPreset;
  programs: ProgramsPreset;
  /** Start of metrics epoch 0; the latest block's timestamp by default. */
  metricsStart?: bigint;
}

/**
 * Deploys the ratings and the provider programs of a preset (module `Programs`, over its market and slashing modules
 * on one token, AccessManager and ParameterRegistry) and returns the contracts typed by typechain. The pools start
 * empty: the holders of the named allocations fund them.
 */
export async function deployPrograms(connection: NetworkConnection, params: ProgramsParams) {
  const { ethers, ignition } = connection;
  const metricsStart = params.metricsStart ?? BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
  const deployed = await ignition.deploy(
    buildProgramsModule(
      params.programs,
      buildMarketModule(params.market, params.staking),
      buildSlashingModule(params.staking, params.slashing),
    ),
    { parameters: { Token: { ...params.token }, Market: { ...params.recipients }, Slashing: { metricsStart } } },
  );
  const market = await ethers.getContractAt("InferenceMarket", deployed.market);
  return {
    manager: await ethers.getContractAt("AccessManager", deployed.manager),
    registry: await ethers.getContractAt("ParameterRegistry", deployed.registry),
    market,
    token: await ethers.getContractAt("ProtocolToken", await market.token()),
    staking: await ethers.getContractAt("ProviderStaking", await market.staking()),
    catalog: await ethers.getContractAt("ModelCatalog", await market.catalog()),
    metrics: await ethers.getContractAt("MetricsRegistry", deployed.metrics),
    court: await ethers.getContractAt("ChallengeCourt", deployed.court),
    ratings: await ethers.getContractAt("Ratings", deployed.ratings),
    programs: await ethers.getContractAt("ProviderPrograms", deployed.programs),
  };
}
