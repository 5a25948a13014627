/**
 * AccessManager role ids, mirroring `contracts/libraries/Roles.sol`. One AccessManager per preset
 * holds them; the timelock is its admin (role 0).
 */
export const ROLES = {
  ADMIN: 0n,
  MINTER: 1n,
} as const;
