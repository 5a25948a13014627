import type { NetworkConnection } from "hardhat/types/network";

import TokenModule from "../../deploy/modules/Token.js";

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
