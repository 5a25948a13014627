import type { NetworkConnection } from "hardhat/types/network";

import IssuanceModule from "../../deploy/modules/Issuance.js";
import QryModule from "../../deploy/modules/Qry.js";
import TokenModule from "../../deploy/modules/Token.js";
import { buildSupplyModule, supplyModuleId } from "../../deploy/modules/Supply.js";
import { qryDistribution } from "../../presets/qry/distribution.js";
import { qrySupply } from "../../presets/qry/supply.js";
import { QUTOKEN_TOKEN } from "../../presets/qutoken/issuance.js";
import { accountNames, type SupplyPreset } from "../../presets/types/supply.js";

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
