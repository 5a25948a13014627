import type { NetworkConnection } from "hardhat/types/network";

import TokenModule from "../../deploy/modules/Token.js";
import { buildSupplyModule, supplyModuleId } from "../../deploy/modules/Supply.js";
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
