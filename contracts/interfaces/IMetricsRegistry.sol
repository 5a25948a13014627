// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IChallengeSource} from "./IChallengeSource.sol";
import {IRatings} from "./IRatings.sol";
import {ISlasher} from "./ISlasher.sol";

/// @title IMetricsRegistry
/// @notice Provider metrics and reputation (QUIVer's reputation and infraction rules): the court's active validators
/// attest each provider's response time, uptime and accuracy per epoch (24 hours in QUIVer); the registry keeps
/// per-epoch aggregates in a ring of `windowEpochs` buckets (90) with running sums, so the rolling figures and a
/// 0-1,000 trust score read in O(1); the minor-infraction triggers of 4.3 ("response time > 2x advertised", "uptime <
/// 95% in 24 hours") are checked on-chain against the attested figures, and anyone who can show a trigger holds slashes
/// the minor class minimum without a court; and consumers may take an attested epoch to the challenge court
/// (`IChallengeSource`).
/// @dev What is proven and what is trusted: each attestation is a validator's claim (trusted, like an oracle
/// report), weighed by the validator's bond in the court; the registry checks every claim against the thresholds when
/// it arrives and sums the bonds reporting a breach, and a trigger holds only when at least `minAttestations`
/// validators attested the epoch, the bonds reporting the breach exceed half the bonds that attested it and half the
/// court's whole active set (the larger of the set seen while the epoch was attested and the set now), so no number
/// of identities short of a bonded majority of the set can slash a provider. Rolling figures count only epochs
/// attested by at least `minAttestations` validators, so one attester cannot steer the multipliers. A provider that
/// never advertised a latency is held to `maxLatencyMs`, and no advertised latency may exceed it, so the latency
/// trigger is never opt-in. The advertised latency is the
/// provider's own on-chain claim; a change applies from the next epoch, and at most one change waits at a time, so a
/// provider cannot move it after the fact. Attestations of epoch `e` are accepted during `attestationWindow` seconds
/// after it ends (at most one epoch), and a trigger can be proven once that window has closed.
///
/// Trust score (0-1,000): `(wUptime x uptime/10 + wAccuracy x accuracy/10 + wLatency x latencyScore + wStake x
/// reputation score) / 10,000`, with the rolling averages (bps), `latencyScore = min(1,000, 1,000 x fastResponseMs /
/// average response time)` (1,000 at or below QUIVer's 100 ms bonus threshold, 500 at 200 ms), the staking
/// module's reputation-stake score (0-1,000), and weights from the preset summing to 10,000. A provider with no
/// attestation in the window scores only its reputation-stake part.
///
/// Quality multiplier (QUIVer: up to 1.5x from accuracy and user ratings): `1x + (maximum - 1x) x
/// blended`, with `blended = accuracy x (10,000 - w) / 10,000 + ratingScore x w / 10,000` (each term rounded down),
/// where the ratings contract, bound once by the admin (`bindRatings`), gives the paid-weighted rating score and its
/// governed weight `w` (0 until the provider's rated weight reaches the ratings' minimum). Unbound, or with no
/// attestation in the window, the ratings are not read (accuracy alone, 1x without attestations).
interface IMetricsRegistry is IChallengeSource {
    /// @notice The provable minor-infraction triggers of QUIVer's infraction classes.
    enum Trigger {
        ResponseTime,
        Uptime
    }

    /// @notice Values fixed for the life of the contract (from the preset).
    /// @param start Start of epoch 0 (unix seconds, not in the future).
    /// @param epochLength Length of an epoch, seconds (QUIVer: 24 hours, its uptime period).
    /// @param windowEpochs Epochs in the rolling window (QUIVer: 90, its 90-day average); at least 2.
    /// @param attestationWindow Seconds after an epoch ends during which it may be attested; at most `epochLength`.
    /// @param minUptimeBps An attested uptime below this breaches (QUIVer: 9,500).
    /// @param latencyBreachBps An attested response time above this multiple of the advertised latency breaches
    /// (QUIVer: 20,000, i.e. 2x).
    /// @param minAttestations Attestations an epoch needs before a trigger can be proven.
    /// @param fastResponseMs Response time earning the full latency score and the speed bonus (QUIVer: 100 ms).
    /// @param trustWeightsBps Trust-score weights of uptime, accuracy, latency and reputation stake; sum 10,000.
    /// @param disputeWindow Seconds after an epoch ends during which a consumer may dispute it in the court.
    /// @param maxLatencyMs Largest latency a provider may advertise, and the latency of one that advertised none, ms.
    struct Config {
        uint256 start;
        uint256 epochLength;
        uint256 windowEpochs;
        uint256 attestationWindow;
        uint256 minUptimeBps;
        uint256 latencyBreachBps;
        uint256 minAttestations;
        uint256 fastResponseMs;
        uint16[4] trustWeightsBps;
        uint256 disputeWindow;
        uint256 maxLatencyMs;
    }

    /// @notice A provider's aggregates for one epoch.
    /// @param attestations Number of attestations.
    /// @param avgResponseMs Average attested response time, ms (rounded down), each clamped to the response cap
    /// (`maxLatencyMs x latencyBreachBps / 10,000`).
    /// @param avgUptimeBps Average attested uptime, bps.
    /// @param avgAccuracyBps Average attested accuracy, bps.
    /// @param slowAttestations Attestations whose response time breached the advertised latency.
    /// @param downAttestations Attestations whose uptime breached the minimum.
    /// @param attestedStake Bonds of the validators that attested it, token wei.
    /// @param slowStake Bonds of those reporting a slow response, token wei.
    /// @param downStake Bonds of those reporting a low uptime, token wei.
    /// @param setStake The largest active set's bonds seen while it was attested, token wei.
    struct EpochMetrics {
        uint256 attestations;
        uint256 avgResponseMs;
        uint256 avgUptimeBps;
        uint256 avgAccuracyBps;
        uint256 slowAttestations;
        uint256 downAttestations;
        uint256 attestedStake;
        uint256 slowStake;
        uint256 downStake;
        uint256 setStake;
    }

    /// @notice A provider's rolling figures over the `windowEpochs` epochs up to its latest attested epoch.
    /// @param latestEpoch The latest epoch attested (the window's last).
    /// @param attestations Attestations in the window, counting only epochs with at least `minAttestations`.
    /// @param avgResponseMs Average of the epochs' response figures, ms. An epoch's figure for each metric is the mean
    /// of its attestations on the side of the metric's threshold against the provider (a response of `fastResponseMs`
    /// or more, an uptime below `minUptimeBps`, an accuracy below 50%) when that side holds more than half of the
    /// epoch's attested bonds, of the other side otherwise: attesters short of a bonded majority of an epoch cannot
    /// move its figures across a threshold.
    /// @param avgUptimeBps Average of the epochs' uptime figures, bps.
    /// @param avgAccuracyBps Average of the epochs' accuracy figures, bps.
    struct RollingMetrics {
        uint256 latestEpoch;
        uint256 attestations;
        uint256 avgResponseMs;
        uint256 avgUptimeBps;
        uint256 avgAccuracyBps;
    }

    /// @notice A provider advertised its latency.
    /// @param provider The provider.
    /// @param latencyMs The advertised latency, ms.
    /// @param fromEpoch The first epoch it applies to.
    event LatencyAdvertised(address indexed provider, uint256 latencyMs, uint256 fromEpoch);

    /// @notice A validator attested a provider's epoch.
    /// @param provider The provider.
    /// @param epoch The epoch.
    /// @param validator The validator.
    /// @param responseMs Response time, ms.
    /// @param uptimeBps Uptime, bps.
    /// @param accuracyBps Accuracy, bps.
    event Attested(
        address indexed provider,
        uint256 indexed epoch,
        address indexed validator,
        uint256 responseMs,
        uint256 uptimeBps,
        uint256 accuracyBps
    );

    /// @notice A minor infraction was proven and slashed.
    /// @param provider The provider.
    /// @param epoch The epoch.
    /// @param trigger The trigger that held.
    /// @param evidenceId `keccak256(abi.encode(registry, provider, epoch, trigger))`.
    /// @param prover Who proved it.
    /// @param appliedBps The percent taken.
    event MinorInfractionProven(
        address indexed provider,
        uint256 indexed epoch,
        Trigger trigger,
        bytes32 evidenceId,
        address prover,
        uint256 appliedBps
    );

    /// @notice An account filed a dispute of a provider's attested epoch (it may now challenge it in the court).
    /// @param subjectId The subject (`subjectIdOf(provider, epoch)`).
    /// @param provider The provider.
    /// @param epoch The epoch.
    /// @param consumer The account.
    event DisputeFiled(bytes32 indexed subjectId, address indexed provider, uint256 epoch, address consumer);

    /// @notice A provider's performance multipliers in staking were set from its rolling figures.
    /// @param provider The provider.
    /// @param speedBps Speed multiplier.
    /// @param qualityBps Quality multiplier.
    event PerformanceSynced(address indexed provider, uint256 speedBps, uint256 qualityBps);

    /// @notice The ratings contract was bound: user ratings now feed the quality multiplier.
    /// @param ratings The ratings contract.
    event RatingsBound(address ratings);

    /// @notice The ratings contract is already bound: it is wired once.
    /// @param bound The ratings contract bound.
    error RatingsAlreadyBound(address bound);
    /// @notice `bindRatings` was given the zero address.
    error ZeroRatings();
    /// @notice The bonds reporting the breach are no majority of the court's active set.
    error NoSetMajority(uint256 breachStake, uint256 setStake);
    /// @notice The caller is not an active validator of the court.
    error NotValidator(address account);
    /// @notice The address is not a registered provider.
    error UnknownProvider(address provider);
    /// @notice The validator is the provider it attests or disputes.
    error ConflictOfInterest(address provider, address account);
    /// @notice The epoch has not ended.
    error EpochNotEnded(uint256 epoch, uint256 currentEpoch);
    /// @notice The epoch's attestation window has closed.
    error AttestationWindowClosed(uint256 epoch, uint256 closedAt);
    /// @notice The validator already attested this epoch of this provider (or a later one).
    error AlreadyAttested(address provider, uint256 epoch, address validator);
    /// @notice An uptime or accuracy above 100%, or a response time beyond 32 bits.
    error InvalidMetrics(uint256 responseMs, uint256 uptimeBps, uint256 accuracyBps);
    /// @notice An advertised latency of zero or beyond 32 bits.
    error InvalidLatency(uint256 latencyMs);
    /// @notice An earlier latency change is waiting or took effect this epoch.
    error LatencyChangePending(uint256 fromEpoch);
    /// @notice The epoch has no attestations (or they left the window).
    error NoAttestations(address provider, uint256 epoch);
    /// @notice The epoch's attestation window is still open.
    error AttestationsStillOpen(uint256 epoch, uint256 closesAt);
    /// @notice Too few attestations to prove a trigger.
    error NotEnoughAttestations(uint256 attestations, uint256 minimum);
    /// @notice The trigger does not hold: the bonds reporting a breach are not more than half of those that attested.
    error ConditionNotMet(Trigger trigger, uint256 breachStake, uint256 attestedStake);
    /// @notice The epoch's dispute window has closed.
    error DisputeWindowClosed(uint256 epoch, uint256 closedAt);
    /// @notice Constructor values that break the module's rules.
    error InvalidConfiguration();

    /// @notice Advertises the caller's latency (registered providers), applied from the next epoch.
    /// @dev Reverts `LatencyChangePending` while an earlier change waits or took effect this epoch (one change per
    /// two epochs), so the latency of every epoch still open to attestation is fixed.
    /// @param latencyMs The latency, ms (positive, at most `maxLatencyMs`).
    function advertiseLatency(uint256 latencyMs) external;

    /// @notice Attests a provider's figures for an ended epoch (active validators of the court, once per epoch).
    /// @dev O(1) amortized: moving the window may evict up to `windowEpochs - 1` old buckets once (bounded by the
    /// window length); a provider attested every epoch evicts one.
    /// @param provider The provider.
    /// @param epoch The epoch (ended, attestation window open).
    /// @param responseMs Average response time, ms.
    /// @param uptimeBps Uptime over the epoch, bps.
    /// @param accuracyBps Validated accuracy, bps.
    function attest(
        address provider,
        uint256 epoch,
        uint256 responseMs,
        uint256 uptimeBps,
        uint256 accuracyBps
    ) external;

    /// @notice Proves that a minor-infraction trigger held for a provider's epoch and slashes the minor class's
    /// minimum percent (evidence `evidenceIdOf(provider, epoch, trigger)`). Anyone may call it.
    /// @dev Reverts `NoAttestations`, `AttestationsStillOpen`, `NotEnoughAttestations`, `ConditionNotMet` (the bonds
    /// reporting the breach are no majority of those that attested), `NoSetMajority` (nor of the court's active set),
    /// or the slasher's `EvidenceAlreadyUsed` for a second proof.
    /// @param provider The provider.
    /// @param epoch The epoch.
    /// @param trigger The trigger.
    /// @return result What the slash took.
    function proveMinorInfraction(
        address provider,
        uint256 epoch,
        Trigger trigger
    ) external returns (ISlasher.SlashResult memory result);

    /// @notice Files the caller as the consumer of a dispute of a provider's attested epoch, so it may challenge the
    /// epoch in the court (a claimed infraction the triggers cannot prove, e.g. poor output quality).
    /// @dev Metrics have no single consumer: the latest filer before the court's challenge is the subject's
    /// consumer. Reverts `NoAttestations`, `DisputeWindowClosed` or `ConflictOfInterest` (the provider itself).
    /// @param provider The provider.
    /// @param epoch The epoch.
    /// @return subjectId The subject to challenge.
    function fileDispute(address provider, uint256 epoch) external returns (bytes32 subjectId);

    /// @notice Binds the ratings contract whose paid-weighted ratings feed the quality multiplier, once.
    /// @dev Restricted to the admin (the deploy step). Reverts `ZeroRatings` for the zero address and
    /// `RatingsAlreadyBound` once bound. Until bound, `syncPerformance` uses accuracy alone.
    /// @param ratings_ The ratings contract.
    function bindRatings(IRatings ratings_) external;

    /// @notice Sets the provider's performance multipliers in staking from its rolling figures. Anyone may call it.
    /// @dev Speed: staking's maximum speed multiplier if the rolling response time is below `fastResponseMs` (QUIVer:
    /// 1.2x under 100 ms), else 1x. Quality: 1x plus (maximum - 1x) x the blend of rolling accuracy and the
    /// rating score (above; 1.5x at 100% and five stars, accuracy alone while unbound or below the minimum rated
    /// weight, 1x with no attestation in the window).
    /// @param provider The provider.
    /// @return speedBps The speed multiplier set.
    /// @return qualityBps The quality multiplier set.
    function syncPerformance(address provider) external returns (uint256 speedBps, uint256 qualityBps);

    /// @notice The current epoch.
    /// @return The epoch `block.timestamp` falls in.
    function currentEpoch() external view returns (uint256);

    /// @notice A provider's aggregates for an epoch still in its window (zero otherwise).
    /// @param provider The provider.
    /// @param epoch The epoch.
    /// @return The aggregates.
    function epochMetrics(address provider, uint256 epoch) external view returns (EpochMetrics memory);

    /// @notice A provider's rolling figures.
    /// @param provider The provider.
    /// @return The figures over the window up to its latest attested epoch.
    function rollingMetrics(address provider) external view returns (RollingMetrics memory);

    /// @notice A provider's trust score (formula above).
    /// @param provider The provider.
    /// @return The score, 0 to 1,000.
    function trustScore(address provider) external view returns (uint256);

    /// @notice The latency a provider advertised for an epoch (0 if none; attestations then use `maxLatencyMs`).
    /// @param provider The provider.
    /// @param epoch The epoch (the previous, current or next one).
    /// @return The latency, ms.
    function advertisedLatency(address provider, uint256 epoch) external view returns (uint256);

    /// @notice The evidence id of a provable minor infraction.
    /// @param provider The provider.
    /// @param epoch The epoch.
    /// @param trigger The trigger.
    /// @return `keccak256(abi.encode(address(this), provider, epoch, trigger))`.
    function evidenceIdOf(address provider, uint256 epoch, Trigger trigger) external view returns (bytes32);

    /// @notice The subject id of a provider's epoch: the provider in the high 160 bits, the epoch in the low 96.
    /// @param provider The provider.
    /// @param epoch The epoch.
    /// @return The subject id.
    function subjectIdOf(address provider, uint256 epoch) external pure returns (bytes32);

    /// @notice The ratings contract feeding the quality multiplier.
    /// @return Its address (zero until bound).
    function ratings() external view returns (address);

    /// @notice The values fixed at deployment.
    /// @return The configuration.
    function config() external view returns (Config memory);
}
