/**
 * Deploying system presets: the Ignition parameters of a preset module, the deployment itself (in-process or over
 * JSON-RPC, with Ignition's journal on real networks), typed contracts from an address book, and the devnet inputs
 * (signers as named accounts, the real Uniswap V2 from npm and settable feeds for lending). The demo, the deploy
 * script, the tests and the tasks all go through here, so they deploy and read the same modules.
 */
import { createRequire } from "node:module";

import type { DeploymentParameters } from "@nomicfoundation/ignition-core";
import { Contract } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { buildPresetModule, presetModuleId } from "../../deploy/modules/presets/build.js";
import { supplyModuleId } from "../../deploy/modules/Supply.js";
import { PRESETS } from "../../presets/index.js";
import { presetAccounts, type SystemPreset } from "../../presets/types/preset.js";
import { checkAddress, checkBigint, PresetError } from "../../presets/validate.js";
import { classId, deployLendingDevnetExternals, governanceParameters } from "./deploy.js";

/** What a preset needs from the chain it is deployed to, besides its own numbers. */
export interface PresetInputs {
  /** The TGE and emission start, unix seconds. */
  start: bigint;
  /** An address for every named account of the preset (`presetAccounts(preset)`). */
  accounts: Record<string, string>;
  /** The guardian Safe's owners (`preset.governance.guardian.owners` of them). */
  guardianOwners: string[];
  /**
   * Start of metrics epoch 0 of the slashing piece (unix seconds): not after the deployment, so at most the time the
   * inputs were first written (devnet: the latest block; a public network: the TGE or, if it is still ahead, the
   * deploy script's first run). Saved in the address book like the rest, so a rerun passes the same value.
   */
  metricsStart?: bigint;
  /** Lending's external contracts (Qerun): stablecoin, Chainlink feeds, Uniswap V2 Router02. */
  lending?: { stable: string; qerFeed: string; ethFeed: string; sequencerFeed?: string; router: string };
}

/** Throws a `PresetError` naming the first wrong input (`qerun.inputs.accounts.team ... not a well-formed address`). */
export function validateInputs(preset: SystemPreset<string>, inputs: PresetInputs): void {
  const root = `${preset.system}.inputs`;
  checkBigint(`${root}.start`, inputs.start, 1n);
  for (const name of presetAccounts(preset)) checkAddress(`${root}.accounts.${name}`, inputs.accounts?.[name]);
  const owners = inputs.guardianOwners;
  if (!Array.isArray(owners) || owners.length !== preset.governance.guardian.owners) {
    throw new PresetError(
      `${root}.guardianOwners`,
      `has ${Array.isArray(owners) ? owners.length : "no"} owners, the preset's guardian needs ${preset.governance.guardian.owners}`,
    );
  }
  owners.forEach((o, i) => checkAddress(`${root}.guardianOwners[${i}]`, o));
  if (new Set(owners.map((o) => o.toLowerCase())).size !== owners.length) {
    throw new PresetError(`${root}.guardianOwners`, "has duplicates");
  }
  if (preset.slashing !== undefined) checkBigint(`${root}.metricsStart`, inputs.metricsStart, 1n);
  if (preset.lending !== undefined) {
    const l = inputs.lending;
    if (l === undefined)
      throw new PresetError(`${root}.lending`, "is missing: lending needs a stablecoin, feeds and a router");
    for (const key of ["stable", "qerFeed", "ethFeed", "router"] as const)
      checkAddress(`${root}.lending.${key}`, l[key]);
    if (l.sequencerFeed !== undefined) checkAddress(`${root}.lending.sequencerFeed`, l.sequencerFeed);
  }
}

/** The Ignition parameters of a preset module (deploy/modules/presets/build.ts) for these inputs. */
export function presetParameters(preset: SystemPreset<string>, inputs: PresetInputs): DeploymentParameters {
  const base = governanceParameters({
    token: { ...preset.token },
    preset: preset.governance,
    guardianOwners: inputs.guardianOwners,
  });
  const s = preset.supply;
  const parameters: DeploymentParameters = {
    ...base,
    [supplyModuleId(s)]: {
      start: inputs.start,
      mixStart: inputs.start + s.emission.mix.startOffset,
      mixEnd: inputs.start + s.emission.mix.endOffset,
      ...Object.fromEntries(presetAccounts(preset).map((name) => [name, inputs.accounts[name]])),
    },
    [`${presetModuleId(preset)}Wiring`]: {
      emergencyClass: base.Governance.emergencyClass,
      accessClass: base.Governance.accessClass,
      ...(preset.market === undefined ? {} : { marketCurator: inputs.accounts[preset.market.curator] }),
      ...(preset.compliance === undefined ? {} : { kycProvider: inputs.accounts[preset.compliance.kycProvider] }),
      ...(preset.locking === undefined ? {} : { lockRewardFunder: inputs.accounts.liquidityIncentives }),
    },
  };
  if (preset.slashing !== undefined && inputs.metricsStart !== undefined) {
    parameters.Slashing = { metricsStart: inputs.metricsStart };
  }
  if (preset.market !== undefined)
    parameters.Market = { infrastructure: inputs.accounts[preset.market.infrastructure] };
  const w = preset.workerProposals;
  if (w !== undefined) {
    parameters.WorkerProposals = {
      workerClass: BigInt(classId(preset.governance, w.workerClass)),
      emergencyClass: base.Governance.emergencyClass,
      pauseDuration: w.pauseDuration.value,
      pauseDurationMin: w.pauseDuration.min,
      pauseDurationMax: w.pauseDuration.max,
      pauseDurationMinStep: w.pauseDuration.minStep,
    };
  }
  if (preset.lending !== undefined && inputs.lending !== undefined) {
    const { stable, qerFeed, ethFeed, router } = inputs.lending;
    parameters.Lending = { stable, qerFeed, ethFeed, router };
    if (inputs.lending.sequencerFeed !== undefined) parameters.Lending.sequencerFeed = inputs.lending.sequencerFeed;
    if (preset.locking !== undefined) parameters.Locking = { router, qerFeed, ethFeed };
  }
  const d = preset.distribution;
  if (d !== undefined) {
    parameters[`${presetModuleId(preset)}Distribution`] = {
      start: inputs.start,
      mixStart: inputs.start + d.mix.startOffset,
      mixEnd: inputs.start + d.mix.endOffset,
      registrar: inputs.accounts[d.registrar],
    };
  }
  const i = preset.issuance;
  if (i !== undefined) {
    parameters.Issuance = {
      distributor: inputs.accounts[i.distributor],
      tiers: i.tiers.map((t) => ({ minStake: t.minStake, slots: t.slots })),
      unstakeNoticePeriod: i.unstakeNoticePeriod,
      creationFee: i.creationFee,
      partnerClaimWindow: i.partnerClaimWindow,
    };
  }
  return parameters;
}

/** Contract name -> address of one deployed preset, as written to `deployments/<network>.json`. */
export type PresetAddresses = Record<string, string>;

/** The Ignition module objects, built once per preset (a module's futures must be the same objects across calls). */
const modules = new Map<string, ReturnType<typeof buildPresetModule>>();
export function presetModule(preset: SystemPreset<string>) {
  let module = modules.get(preset.system);
  if (module === undefined) {
    module = buildPresetModule(preset);
    modules.set(preset.system, module);
  }
  return module;
}

/** Options of `deployPreset`. */
export interface DeployPresetOptions {
  /** Ignition's deployment id (its journal's folder under deploy/deployments/ on real networks). */
  deploymentId?: string;
  /** Ignition's progress display (the deploy script turns it on). */
  displayUi?: boolean;
}

/**
 * Deploys a preset (one Ignition deployment) and returns its contract addresses. On a real network Ignition keeps a
 * journal under `deploy/deployments/<deploymentId>/`: a second run with the same inputs sends nothing, an
 * interrupted one resumes.
 */
export async function deployPreset(
  connection: NetworkConnection,
  preset: SystemPreset<string>,
  inputs: PresetInputs,
  options: DeployPresetOptions = {},
): Promise<PresetAddresses> {
  validateInputs(preset, inputs);
  if (inputs.metricsStart !== undefined) {
    const latest = BigInt((await connection.ethers.provider.getBlock("latest"))!.timestamp);
    if (inputs.metricsStart > latest) {
      throw new PresetError(
        `${preset.system}.inputs.metricsStart`,
        `(${inputs.metricsStart}) is after the latest block (${latest}): metrics epochs start by the deployment`,
      );
    }
  }
  const deployed = await connection.ignition.deploy(presetModule(preset), {
    parameters: presetParameters(preset, inputs),
    deploymentId: options.deploymentId,
    displayUi: options.displayUi ?? false,
    config: await ignitionConfig(connection),
  });
  const addresses: PresetAddresses = {};
  for (const [name, contract] of Object.entries(deployed)) addresses[name] = await contract.getAddress();
  return addresses;
}

/** Automined devnets (chain 31337) confirm at once: poll for blocks often. Public chains keep Ignition's defaults. */
export async function ignitionConfig(connection: NetworkConnection): Promise<{ blockPollingInterval?: number }> {
  const chainId = Number(await connection.provider.request({ method: "eth_chainId" }));
  return chainId === 31337 ? { blockPollingInterval: 50 } : {};
}

const SAFE_ABI = createRequire(import.meta.url)(
  "@safe-global/safe-smart-account/build/artifacts/contracts/Safe.sol/Safe.json",
).abi;

/** A preset's contracts, typed by typechain, from its addresses. Pieces the preset lacks are undefined. */
export async function presetContracts(connection: NetworkConnection, a: PresetAddresses) {
  const { ethers } = connection;
  const opt = async <T>(address: string | undefined, get: (address: string) => Promise<T>) =>
    address === undefined ? undefined : await get(address);
  return {
    manager: await ethers.getContractAt("AccessManager", a.manager),
    token: await ethers.getContractAt("ProtocolToken", a.token),
    registry: await ethers.getContractAt("ParameterRegistry", a.registry),
    votingPower: await ethers.getContractAt("VotingPower", a.votingPower),
    classifier: await ethers.getContractAt("ProposalClassifier", a.classifier),
    treasury: await ethers.getContractAt("Treasury", a.treasury),
    normalTimelock: await ethers.getContractAt("TimelockController", a.normalTimelock),
    emergencyTimelock: await ethers.getContractAt("TimelockController", a.emergencyTimelock),
    governor: await ethers.getContractAt("ProtocolGovernor", a.governor),
    /** The guardian Safe (Safe's own ABI; not compiled here, so untyped). */
    safe: new Contract(a.safe, SAFE_ABI, ethers.provider),
    vestingVault: await ethers.getContractAt("VestingVault", a.vault),
    controller: await ethers.getContractAt("EmissionController", a.controller),
    genesis: await opt(a.genesis, (x) => ethers.getContractAt("Genesis", x)),
    pool: await opt(a.pool, (x) => ethers.getContractAt("EpochRewardPool", x)),
    workerPool: await opt(a.workerPool, (x) => ethers.getContractAt("WorkerPool", x)),
    staking: await opt(a.staking, (x) => ethers.getContractAt("ProviderStaking", x)),
    stakingVotes: await opt(a.votes, (x) => ethers.getContractAt("StakingVotes", x)),
    reputation: await opt(a.reputation, (x) => ethers.getContractAt("ReputationStake", x)),
    oracle: await opt(a.oracle, (x) => ethers.getContractAt("OracleRouter", x)),
    insuranceFund: await opt(a.insuranceFund, (x) => ethers.getContractAt("InsuranceFund", x)),
    stableVault: await opt(a.stableVault, (x) => ethers.getContractAt("StableVault", x)),
    ethReserve: await opt(a.ethReserve, (x) => ethers.getContractAt("EthReserve", x)),
    creditManager: await opt(a.creditManager, (x) => ethers.getContractAt("CreditManager", x)),
    issuerRegistry: await opt(a.issuerRegistry, (x) => ethers.getContractAt("IssuerRegistry", x)),
    issuerTokenFactory: await opt(a.issuerTokenFactory, (x) => ethers.getContractAt("IssuerTokenFactory", x)),
    partnerRewards: await opt(a.partnerRewards, (x) => ethers.getContractAt("PartnerRewards", x)),
    settlement: await opt(a.settlement, (x) => ethers.getContractAt("Settlement", x)),
    subscriptions: await opt(a.subscriptions, (x) => ethers.getContractAt("SubscriptionManager", x)),
    distributionEngine: await opt(a.distributionEngine, (x) => ethers.getContractAt("DistributionEngine", x)),
    queryFulfillmentPool: await opt(a.queryFulfillmentPool, (x) => ethers.getContractAt("SqrtPool", x)),
    integratorPool: await opt(a.integratorPool, (x) => ethers.getContractAt("SqrtPool", x)),
    portalPool: await opt(a.portalPool, (x) => ethers.getContractAt("SqrtPool", x)),
    availabilityPool: await opt(a.availabilityPool, (x) => ethers.getContractAt("AvailabilityPool", x)),
    consensusRewards: await opt(a.consensusRewards, (x) => ethers.getContractAt("ConsensusRewards", x)),
    stabilizationFund: await opt(a.stabilizationFund, (x) => ethers.getContractAt("StabilizationFund", x)),
    slasher: await opt(a.slasher, (x) => ethers.getContractAt("Slasher", x)),
    challengeCourt: await opt(a.challengeCourt, (x) => ethers.getContractAt("ChallengeCourt", x)),
    metricsRegistry: await opt(a.metricsRegistry, (x) => ethers.getContractAt("MetricsRegistry", x)),
    modelCatalog: await opt(a.modelCatalog, (x) => ethers.getContractAt("ModelCatalog", x)),
    feeRouter: await opt(a.feeRouter, (x) => ethers.getContractAt("FeeRouter", x)),
    incentivePools: await opt(a.incentivePools, (x) => ethers.getContractAt("IncentivePools", x)),
    inferenceMarket: await opt(a.inferenceMarket, (x) => ethers.getContractAt("InferenceMarket", x)),
    developerPrograms: await opt(a.developerPrograms, (x) => ethers.getContractAt("DeveloperPrograms", x)),
    licenceMarket: await opt(a.licenceMarket, (x) => ethers.getContractAt("LicenceMarket", x)),
    requestAuction: await opt(a.requestAuction, (x) => ethers.getContractAt("RequestAuction", x)),
    volumeContracts: await opt(a.volumeContracts, (x) => ethers.getContractAt("VolumeContracts", x)),
    ratings: await opt(a.ratings, (x) => ethers.getContractAt("Ratings", x)),
    providerPrograms: await opt(a.providerPrograms, (x) => ethers.getContractAt("ProviderPrograms", x)),
    voteLocker: await opt(a.voteLocker, (x) => ethers.getContractAt("VoteLocker", x)),
    accessPerks: await opt(a.accessPerks, (x) => ethers.getContractAt("AccessPerks", x)),
    lpIncentives: await opt(a.lpIncentives, (x) => ethers.getContractAt("LiquidityIncentives", x)),
    buybackBurner: await opt(a.buybackBurner, (x) => ethers.getContractAt("BuybackBurner", x)),
    deflationController: await opt(a.deflationController, (x) => ethers.getContractAt("DeflationController", x)),
    complianceRegistry: await opt(a.complianceRegistry, (x) => ethers.getContractAt("ComplianceRegistry", x)),
  };
}

export type PresetContracts = Awaited<ReturnType<typeof presetContracts>>;

// ---- devnet

/** Lending's devnet stand-ins and the real Uniswap V2, deployed once per devnet and shared by the presets. */
export type DevnetExternals = Awaited<ReturnType<typeof deployLendingDevnetExternals>>["addresses"];

/**
 * Devnet inputs for a preset: the signers as its accounts (signer 0 deploys; the guardian's owners are signers
 * 1..n; the named accounts are signers 10 onwards, in `presetAccounts` order), the TGE a minute from now.
 */
export async function devnetInputs(
  connection: NetworkConnection,
  preset: SystemPreset<string>,
  externals?: DevnetExternals,
): Promise<PresetInputs> {
  const signers = await connection.ethers.getSigners();
  const names = presetAccounts(preset);
  const owners = preset.governance.guardian.owners;
  if (signers.length < 10 + names.length || owners > 9) {
    throw new Error(`${preset.system}: the devnet needs ${10 + names.length} accounts, it has ${signers.length}`);
  }
  const latest = await connection.ethers.provider.getBlock("latest");
  return {
    start: BigInt(latest!.timestamp) + 60n,
    ...(preset.slashing === undefined ? {} : { metricsStart: BigInt(latest!.timestamp) }),
    accounts: Object.fromEntries(names.map((name, i) => [name, signers[10 + i].address])),
    guardianOwners: signers.slice(1, 1 + owners).map((s) => s.address),
    ...(preset.lending === undefined || externals === undefined
      ? {}
      : {
          lending: {
            stable: externals.stable,
            qerFeed: externals.qerFeed,
            ethFeed: externals.ethFeed,
            router: externals.router,
          },
        }),
  };
}

/** Every preset, by id (validated at load). */
export { PRESETS };
