// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Roles
/// @notice AccessManager role ids shared by every preset. One AccessManager per preset holds them; the
/// timelock is its admin (role 0). `scripts/lib/roles.ts` mirrors these numbers for deploy scripts.
/// @dev Ids 1-9 are shared across modules; each module owns a range of ten for roles of its own.
library Roles {
    /// @dev OpenZeppelin AccessManager's built-in admin role (the timelock, once governance is wired).
    uint64 internal constant ADMIN = 0;
    /// @dev May call `ProtocolToken.mint`.
    uint64 internal constant MINTER = 1;
    /// @dev Normal governance (the normal timelock): `ParameterRegistry.set` and other governed calls.
    uint64 internal constant GOVERNOR = 2;
    /// @dev The emergency path (the emergency timelock): `ParameterRegistry.setEmergency`, emergency slashes.
    uint64 internal constant EMERGENCY = 3;
    /// @dev The guardian (a Safe multisig): pause only.
    uint64 internal constant GUARDIAN = 4;
    /// @dev The parameter registry: the only caller of `IParameterized.setParameter` on modules.
    uint64 internal constant PARAMETER_REGISTRY = 5;

    // Module ranges: supply 10-19, staking 20-29, slashing 30-39, market 40-49, governance 50-59,
    // lending 60-69, distribution 70-79, issuance 80-89.

    /// @dev Staking: may call `ProviderStaking.notifyRewardAmount` (the emission controller, the treasury).
    uint64 internal constant REWARD_FUNDER = 20;
    /// @dev Staking: may call `ProviderStaking.setPerformance` (attested speed and quality multipliers).
    uint64 internal constant ATTESTER = 21;
    /// @dev Slashing range, reserved here because staking exposes the entry: may call `ProviderStaking.slash`.
    uint64 internal constant SLASHER = 30;
}
