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

// ---- issuance (imports kept with their section so modules merge cleanly)
import IssuanceModule from "../../deploy/modules/Issuance.js";
import { QUTOKEN_TOKEN } from "../../presets/qutoken/issuance.js";

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
