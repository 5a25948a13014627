import type { NetworkConnection } from "hardhat/types/network";

import TokenModule from "../../deploy/modules/Token.js";
import { buildStakingModule, type StakingPreset } from "../../deploy/modules/Staking.js";

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
