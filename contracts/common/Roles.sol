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
    /// @dev Contracts that move a governed number by rule, within the registry's bounds and rate limit:
    /// `ParameterRegistry.setByController` (the deflation controller, for the fee router's burn share).
    uint64 internal constant PARAMETER_CONTROLLER = 6;

    // Module ranges: supply 10-19, staking 20-29, slashing 30-39, market 40-49, governance 50-59,
    // lending 60-69, distribution 70-79, issuance 80-89, compliance 90-99.

    // Supply (10-19).
    /// @dev May create vesting schedules in the VestingVault (the Genesis contract during genesis, then governance).
    uint64 internal constant VESTING_CREATOR = 10;
    /// @dev Funds reward pools: may call `IRewardReceiver.notifyRewardAmount` on the EpochRewardPool and on
    /// ProviderStaking (granted to the EmissionController and the treasury).
    uint64 internal constant REWARD_FUNDER = 11;
    /// @dev May claim from the EpochRewardPool (the provider-rewards distributor).
    uint64 internal constant REWARD_CLAIMER = 12;

    // Staking (20-29).
    /// @dev Staking: may call `ProviderStaking.setPerformance` (attested speed and quality multipliers).
    uint64 internal constant ATTESTER = 21;

    // Slashing (30-39).
    /// @dev May call `ProviderStaking.slash` (the slasher contract).
    uint64 internal constant SLASHER = 30;
    /// @dev May call `Slasher.slash` (the challenge court and the metrics registry's provable triggers).
    uint64 internal constant SLASHING_COURT = 31;

    // Market (40-49).
    /// @dev Market: may correct a model's complexity class (`ModelCatalog.setModelComplexity`) and approve
    /// developers for the API revenue share (`IncentivePools.setDeveloper`).
    uint64 internal constant MARKET_CURATOR = 40;

    // Lending (60-69): no role. The credit manager, stable vault, ETH reserve and insurance fund are wired to each
    // other once at deployment (`bindCreditManager`, `bindVault`), without AccessManager checks between them.

    // Issuance (80-89).
    /// @dev Issuance: may take and release an issuer's resource slots on `IssuerRegistry` (the token factory).
    uint64 internal constant ISSUANCE_SLOT_CONSUMER = 80;
    /// @dev Issuance: may charge an issuer's fees through `IssuerRegistry.chargeFee` (the token factory).
    uint64 internal constant ISSUANCE_FEE_COLLECTOR = 81;
    /// @dev Issuance: may open a partner-reward period (`PartnerRewards.startPeriod`) with its Merkle root.
    uint64 internal constant ISSUANCE_PARTNER_DISTRIBUTOR = 82;

    // Distribution (70-79).
    /// @dev Distribution: gateways, may report calls served (`SubscriptionManager.reportCalls`).
    uint64 internal constant DISTRIBUTION_GATEWAY = 70;
    /// @dev Distribution: portals, may sell subscriptions as acquirers (`SubscriptionManager.subscribe`).
    uint64 internal constant DISTRIBUTION_PORTAL = 71;
    /// @dev Distribution: challengers (registered validators), may record challenges (`AvailabilityPool`).
    uint64 internal constant DISTRIBUTION_CHALLENGER = 72;
    /// @dev Distribution: the engine, may fund and sweep pools and collect subscription revenue.
    uint64 internal constant DISTRIBUTION_ENGINE = 73;
    /// @dev Distribution: the subscription manager, may credit value in the square-root pools (`SqrtPool.credit`).
    uint64 internal constant DISTRIBUTION_CREDITOR = 74;
    /// @dev Distribution: the consensus oracle, may record blocks produced (`ConsensusRewards.recordBlocks`).
    uint64 internal constant DISTRIBUTION_CONSENSUS_REPORTER = 75;
    /// @dev Distribution: admin of roles 70, 71, 72 and 75; registers validators (`ConsensusRewards.setValidator`).
    uint64 internal constant DISTRIBUTION_REGISTRAR = 76;

    // Compliance (90-99).
    /// @dev Compliance: KYC providers, may attest and revoke accounts on the `ComplianceRegistry` (a preset with
    /// compliance on; never the account attested).
    uint64 internal constant KYC_PROVIDER = 90;
}
