// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IParameterized} from "./IParameterized.sol";

/// @title IProviderPrograms
/// @notice QUIVer's provider bonuses: availability (extra rewards above 99.5% uptime), model
/// diversity (higher rewards for rare or specialised models) and loyalty (a bonus for providers
/// active more than 6 months), each paid from its own funded pool (never minted).
/// @dev Every bonus is a rate on the provider's own settled earnings in the market since its previous claim (the
/// market's lifetime earnings, read at claim; earnings made while a program's rule fails are forfeited for that
/// program: the availability and loyalty rules must cover the whole span since the previous claim, not only the claim's
/// moment), so no identity earns a bonus beyond what its own settled volume justifies, and splitting a provider into
/// identities never raises the total. A claim is O(1): one checkpoint per provider, one pool and one rolling 30-day cap
/// per program.
/// - Availability: the metrics registry's rolling uptime is at least `minUptimeBps` (QUIVer: 9,950, i.e. 99.50%
///   pays and 99.49% does not), resting on at least `minAttestations` attestations (never below the registry's
///   minimum) and attested in one of the last two epochs, and the previous claim (or enrolment) is no older than the
///   registry's rolling window (window epochs x epoch length), so the figure covers the earnings it pays on.
/// - Diversity: `diversityBps` of the provider's weighted diversity earnings since its previous claim (the market's
///   `diversityEarningsOf`): each settlement on a model the market curator certified the provider for (a specialist
///   of it) adds the provider's earnings on it times its diversity weight of the model at that moment
///   (`IModelCatalog.diversityWeightBps`: 1 over the model's average count of providers over the provider's time
///   serving it, and nothing before 30 days of serving), so the bonus pays only on earnings a certified specialist
///   made on the model, at its rarity when they were made; n Sybil identities serving one model each earn 1/n of the
///   rate, and identities joining or leaving for a settlement move the average only by the time they served.
/// - Loyalty: the provider has been active without a gap since it enrolled for at least `loyaltyTenure` seconds
///   (QUIVer: 182.5 days; one second less pays nothing), counted at the previous claim: loyalty pays on earnings
///   settled after a claim made with the tenure complete (the first claim after the tenure only moves the checkpoint),
///   never on earnings made while the tenure was building. A fresh identity starts at zero. Anyone may `sight` a
///   provider: an inactive or banned provider, or one unseen for longer than `maxSightingGap`, restarts its tenure.
/// - Bound: the rates applied at a claim are scaled down to the headroom left in the protocol's share of a base fee
///   after the incentive pools' rates and the feedback rate, over the provider's largest share of what a consumer
///   pays (provider share + largest priority fee); a unit of earnings is paid once, at one claim, by each program, and
///   its diversity weight is at most 1, so a party that is consumer and provider at once earns back less than its own
///   payments cost it.
/// Invariant: per program `spent <= funded`; the balance equals the sum of `funded - spent`.
interface IProviderPrograms is IParameterized {
    /// @notice The programs.
    enum Program {
        Availability,
        Diversity,
        Loyalty
    }

    /// @notice Initial values of the governed parameters (keys in `ProgramKeys`).
    /// @param availabilityBps Availability bonus, bps of settled earnings.
    /// @param minUptimeBps Lowest rolling uptime that pays, bps.
    /// @param minAttestations Attestations the uptime must rest on.
    /// @param diversityBps Diversity bonus of a model served by one provider, bps of settled earnings.
    /// @param loyaltyBps Loyalty bonus, bps of settled earnings.
    /// @param loyaltyTenure Continuous activity that earns the loyalty bonus, seconds.
    /// @param maxSightingGap Longest gap between sightings before the tenure restarts, seconds.
    /// @param accountCap Bonus one provider may earn from one program per rolling 30 days (`RollingCap`), token wei.
    /// @param periodCap Bonus one program pays per rolling 30 days (`RollingCap`), token wei.
    struct Parameters {
        uint256 availabilityBps;
        uint256 minUptimeBps;
        uint256 minAttestations;
        uint256 diversityBps;
        uint256 loyaltyBps;
        uint256 loyaltyTenure;
        uint256 maxSightingGap;
        uint256 accountCap;
        uint256 periodCap;
    }

    /// @notice A program pool's totals.
    /// @param funded Everything funded.
    /// @param spent Everything paid (at most `funded`).
    /// @param capUsed The part of the pool's rolling 30-day cap in use now (it drains at the cap per 30 days).
    struct PoolView {
        uint256 funded;
        uint256 spent;
        uint256 capUsed;
    }

    /// @notice A provider's standing.
    /// @param enrolled Whether it enrolled.
    /// @param activeSince Start of its current continuous tenure.
    /// @param lastSeen Last sighting.
    /// @param earningsCheckpoint Market lifetime earnings at its last claim (or enrolment).
    /// @param claimedAt When the checkpoints were taken (its last claim, or enrolment).
    /// @param diversityCheckpoint Market weighted diversity earnings at its last claim (or enrolment).
    struct ProviderView {
        bool enrolled;
        uint256 activeSince;
        uint256 lastSeen;
        uint256 earningsCheckpoint;
        uint256 claimedAt;
        uint256 diversityCheckpoint;
    }

    /// @notice A program pool was funded.
    /// @param program The program.
    /// @param funder Who paid.
    /// @param amount Tokens added.
    event ProgramFunded(Program indexed program, address indexed funder, uint256 amount);

    /// @notice A provider enrolled: its tenure and its earnings basis start now.
    /// @param provider The provider.
    /// @param earnings Its lifetime market earnings, the start of its basis.
    event Enrolled(address indexed provider, uint256 earnings);

    /// @notice A provider's tenure restarted (inactive, banned, or unseen too long).
    /// @param provider The provider.
    /// @param lastSeen Its previous sighting.
    event TenureRestarted(address indexed provider, uint256 lastSeen);

    /// @notice A provider claimed on its settled earnings since its previous claim.
    /// @param provider The provider.
    /// @param basis Earnings since the previous claim, token wei.
    /// @param diversityBasis Weighted diversity earnings since the previous claim, token wei.
    /// @param availability Availability bonus paid.
    /// @param diversity Diversity bonus paid.
    /// @param loyalty Loyalty bonus paid.
    event BonusClaimed(
        address indexed provider,
        uint256 basis,
        uint256 diversityBasis,
        uint256 availability,
        uint256 diversity,
        uint256 loyalty
    );

    /// @notice A zero amount.
    error ZeroAmount();
    /// @notice The zero address.
    error ZeroAddress();
    /// @notice The provider is not active in staking, or is banned.
    error NotActiveProvider(address provider);
    /// @notice The provider enrolled already.
    error AlreadyEnrolled(address provider);
    /// @notice The provider never enrolled.
    error NotEnrolled(address provider);
    /// @notice No earnings settled since the provider's previous claim.
    error NothingToClaim(address provider);
    /// @notice The preset's initial values break a rule of the programs.
    error InvalidConfiguration();

    /// @notice Adds `amount` to a program's pool (pulled from the caller; approve first). Anyone may fund.
    /// @param program The program.
    /// @param amount Tokens, in wei.
    function fund(Program program, uint256 amount) external;

    /// @notice Enrols the caller, an active provider: its tenure starts now and its bonus basis is its earnings from
    /// now on.
    function enroll() external;

    /// @notice Records a sighting of an enrolled provider; anyone may call. An inactive or banned provider, or one
    /// unseen for longer than `maxSightingGap`, restarts its tenure.
    /// @param provider The provider.
    function sight(address provider) external;

    /// @notice Pays the caller's bonuses on its settled earnings since its previous claim and moves its checkpoints
    /// (availability only when that claim is within the registry's window; loyalty only when the tenure was complete
    /// at that claim; diversity on its weighted diversity earnings since that claim).
    /// @dev Reverts `NotActiveProvider` for an inactive or banned provider, `NothingToClaim` without new earnings.
    /// @return amount Tokens paid.
    function claim() external returns (uint256 amount);

    /// @notice Whether a provider's rolling uptime earns the availability bonus now.
    /// @param provider The provider.
    /// @return Whether it does.
    function availabilityEligible(address provider) external view returns (bool);

    /// @notice Whether a provider's tenure is complete now (as last sighted); a claim pays loyalty on the earnings
    /// since its previous claim only if the tenure was complete at that claim.
    /// @param provider The provider.
    /// @return Whether it does.
    function loyaltyEligible(address provider) external view returns (bool);

    /// @notice The diversity rate a provider's settlements on a model earn now: `diversityBps` times its diversity
    /// weight of the model (`IModelCatalog.diversityWeightBps`), before the headroom scaling.
    /// @param modelId The model.
    /// @param provider The provider.
    /// @return Bps of earnings (0 unless the provider is certified for the model and has served it 30 days).
    function diversityBpsOf(bytes32 modelId, address provider) external view returns (uint256);

    /// @notice The largest sum of rates a claim applies now, bps of earnings (see the bound above).
    /// @return Bps.
    function headroomBps() external view returns (uint256);

    /// @notice A program pool's totals.
    /// @param program The program.
    /// @return The totals.
    function poolInfo(Program program) external view returns (PoolView memory);

    /// @notice A provider's standing.
    /// @param provider The provider.
    /// @return Its standing.
    function providerInfo(address provider) external view returns (ProviderView memory);

    /// @notice The part of a provider's rolling 30-day cap of a program in use now (what it was paid, drained at the
    /// cap per 30 days).
    /// @param provider The provider.
    /// @param program The program.
    /// @return Token wei.
    function accountCapUsed(address provider, Program program) external view returns (uint256);

    /// @notice The span of the rolling caps, seconds (30 days): a cap refills at its amount per span.
    /// @return Seconds.
    function PERIOD() external view returns (uint256);
}
