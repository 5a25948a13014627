/**
 * AccessManager role ids, mirroring `contracts/common/Roles.sol`. One AccessManager per preset
 * holds them; the timelock is its admin (role 0). Ids 1-9 are shared; each module owns a range of ten:
 * supply 10-19, staking 20-29, slashing 30-39, market 40-49, governance 50-59, lending 60-69,
 * distribution 70-79, issuance 80-89, compliance 90-99.
 */
export const ROLES = {
  ADMIN: 0n,
  MINTER: 1n,
  GOVERNOR: 2n,
  EMERGENCY: 3n,
  GUARDIAN: 4n,
  PARAMETER_REGISTRY: 5n,
  PARAMETER_CONTROLLER: 6n,
  // supply (10-19)
  VESTING_CREATOR: 10n,
  REWARD_FUNDER: 11n,
  REWARD_CLAIMER: 12n,
  // staking (20-29)
  ATTESTER: 21n,
  // slashing (30-39)
  SLASHER: 30n,
  SLASHING_COURT: 31n,
  // market (40-49)
  MARKET_CURATOR: 40n,
  // lending (60-69): no role; the lending modules are wired to each other once at deployment
  // issuance (80-89)
  ISSUANCE_SLOT_CONSUMER: 80n,
  ISSUANCE_FEE_COLLECTOR: 81n,
  ISSUANCE_PARTNER_DISTRIBUTOR: 82n,
  // distribution (70-79)
  DISTRIBUTION_GATEWAY: 70n,
  DISTRIBUTION_PORTAL: 71n,
  DISTRIBUTION_CHALLENGER: 72n,
  DISTRIBUTION_ENGINE: 73n,
  DISTRIBUTION_CREDITOR: 74n,
  DISTRIBUTION_CONSENSUS_REPORTER: 75n,
  DISTRIBUTION_REGISTRAR: 76n,
  // compliance (90-99)
  KYC_PROVIDER: 90n,
} as const;
