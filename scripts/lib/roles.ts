/**
 * AccessManager role ids, mirroring `contracts/libraries/Roles.sol`. One AccessManager per preset
 * holds them; the timelock is its admin (role 0). Ids 1-9 are shared; each module owns a range of ten:
 * supply 10-19, staking 20-29, slashing 30-39, market 40-49, governance 50-59, lending 60-69,
 * distribution 70-79, issuance 80-89.
 */
export const ROLES = {
  ADMIN: 0n,
  MINTER: 1n,
  GOVERNOR: 2n,
  EMERGENCY: 3n,
  GUARDIAN: 4n,
  PARAMETER_REGISTRY: 5n,
  REWARD_FUNDER: 20n,
  ATTESTER: 21n,
  SLASHER: 30n,
} as const;
