// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";

import {IChallengeCourt} from "../interfaces/IChallengeCourt.sol";
import {IChallengeSource} from "../interfaces/IChallengeSource.sol";
import {IMetricsRegistry} from "../interfaces/IMetricsRegistry.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IProviderStaking} from "../interfaces/IProviderStaking.sol";
import {IRatings} from "../interfaces/IRatings.sol";
import {IReputationStake} from "../interfaces/IReputationStake.sol";
import {ISlasher} from "../interfaces/ISlasher.sol";
import {StakingKeys} from "../libraries/StakingKeys.sol";
import {BPS} from "../common/Constants.sol";

/// @title MetricsRegistry
/// @notice Validators' per-epoch attestations of providers' response time, uptime and accuracy; rolling figures over a
/// ring of epoch buckets with running sums; a 0-1,000 trust score; provable minor-infraction triggers; attested epochs
/// as challenge subjects of the court. Immutable: it holds the staking ATTESTER role (performance multipliers) and the
/// slasher's SLASHING_COURT role (minor slashes it proves); its AccessManager gates only the one-time `bindRatings`.
contract MetricsRegistry is IMetricsRegistry, AccessManaged {
    uint256 private constant MAX_SCORE = 1_000;

    /// @dev One epoch of a provider: `epochPlusOne` says which epoch the slot holds (0: never used). Each figure is
    /// split at its threshold: the low side's count, sum and bonds (fast responses, down uptimes, low accuracies) next
    /// to the totals, so the side holding a bonded majority is known in O(1). Response times are clamped.
    struct Bucket {
        uint32 epochPlusOne;
        uint16 count;
        uint16 slow;
        uint16 down;
        uint16 fast;
        uint16 lowAccuracy;
        uint48 sumResponseMs;
        uint48 sumFastMs;
        uint32 sumUptimeBps;
        uint128 stake;
        uint128 slowStake;
        uint128 downStake;
        uint128 setStake;
        uint128 fastStake;
        uint128 lowAccuracyStake;
        uint32 sumAccuracyBps;
        uint32 sumDownUptimeBps;
        uint32 sumLowAccuracyBps;
    }

    /// @dev Running sums of the epoch figures (`_figures`) of the buckets in the window `(latest - windowEpochs,
    /// latest]` attested by at least `minAttestations` validators (a bucket joins the sums when it reaches that count,
    /// and its figures are replaced in them at each later attestation); `count` counts their attestations.
    struct Rolling {
        uint32 latestPlusOne;
        uint32 count;
        uint64 sumResponseMs;
        uint48 sumUptimeBps;
        uint48 sumAccuracyBps;
        uint16 epochs;
    }

    /// @dev The advertised latency: `newerMs` applies from epoch `newerFrom`, `olderMs` before it.
    struct Latency {
        uint32 olderMs;
        uint32 newerMs;
        uint64 newerFrom;
    }

    IProviderStaking private immutable _STAKING;
    IChallengeCourt private immutable _COURT;
    ISlasher private immutable _SLASHER;
    IReputationStake private immutable _REPUTATION;

    uint256 private immutable _START;
    uint256 private immutable _EPOCH_LENGTH;
    uint256 private immutable _WINDOW_EPOCHS;
    uint256 private immutable _ATTESTATION_WINDOW;
    uint256 private immutable _MIN_UPTIME_BPS;
    uint256 private immutable _LATENCY_BREACH_BPS;
    uint256 private immutable _MIN_ATTESTATIONS;
    uint256 private immutable _FAST_RESPONSE_MS;
    uint256 private immutable _W_UPTIME;
    uint256 private immutable _W_ACCURACY;
    uint256 private immutable _W_LATENCY;
    uint256 private immutable _W_STAKE;
    uint256 private immutable _DISPUTE_WINDOW;
    uint256 private immutable _MAX_LATENCY_MS;
    /// @dev The largest response time a figure counts: the breach level of the largest advertisable latency.
    uint256 private immutable _RESPONSE_CAP_MS;

    /// @dev Set once by `bindRatings` (the ratings are deployed after the registry).
    IRatings private _ratings;

    mapping(address provider => mapping(uint256 slot => Bucket)) private _buckets;
    mapping(address provider => Rolling) private _rolling;
    mapping(address provider => Latency) private _latency;
    /// @dev The first epoch a validator may still attest for a provider (attestations go forward only).
    mapping(address validator => mapping(address provider => uint256)) private _nextAttestable;
    mapping(bytes32 subjectId => address consumer) private _disputers;

    /// @notice Deploys the registry with a preset's numbers.
    /// @param court The challenge court (its active validators attest; this registry is one of its sources).
    /// @param slasher The slasher (this contract must hold its SLASHING_COURT role).
    /// @param authority The preset's AccessManager (it gates `bindRatings`).
    /// @param c The configuration (see `Config`).
    constructor(IChallengeCourt court, ISlasher slasher, address authority, Config memory c) AccessManaged(authority) {
        if (
            address(court) == address(0) ||
            address(slasher) == address(0) ||
            c.start > block.timestamp ||
            c.epochLength == 0 ||
            c.windowEpochs < 2 ||
            c.windowEpochs > type(uint16).max ||
            c.attestationWindow == 0 ||
            c.attestationWindow > c.epochLength ||
            c.minUptimeBps > BPS ||
            c.latencyBreachBps < BPS ||
            c.minAttestations == 0 ||
            c.fastResponseMs == 0 ||
            uint256(c.trustWeightsBps[0]) + c.trustWeightsBps[1] + c.trustWeightsBps[2] + c.trustWeightsBps[3] != BPS ||
            c.disputeWindow == 0 ||
            c.maxLatencyMs == 0 ||
            c.maxLatencyMs > type(uint32).max
        ) revert InvalidConfiguration();
        _COURT = court;
        _SLASHER = slasher;
        _STAKING = IProviderStaking(slasher.staking());
        _REPUTATION = IReputationStake(_STAKING.reputation());
        _START = c.start;
        _EPOCH_LENGTH = c.epochLength;
        _WINDOW_EPOCHS = c.windowEpochs;
        _ATTESTATION_WINDOW = c.attestationWindow;
        _MIN_UPTIME_BPS = c.minUptimeBps;
        _LATENCY_BREACH_BPS = c.latencyBreachBps;
        _MIN_ATTESTATIONS = c.minAttestations;
        _FAST_RESPONSE_MS = c.fastResponseMs;
        _W_UPTIME = c.trustWeightsBps[0];
        _W_ACCURACY = c.trustWeightsBps[1];
        _W_LATENCY = c.trustWeightsBps[2];
        _W_STAKE = c.trustWeightsBps[3];
        _DISPUTE_WINDOW = c.disputeWindow;
        _MAX_LATENCY_MS = c.maxLatencyMs;
        uint256 cap = (c.maxLatencyMs * c.latencyBreachBps) / BPS;
        _RESPONSE_CAP_MS = cap > type(uint32).max ? type(uint32).max : cap;
    }

    /// @inheritdoc IMetricsRegistry
    function advertiseLatency(uint256 latencyMs) external {
        if (latencyMs == 0 || latencyMs > _MAX_LATENCY_MS) revert InvalidLatency(latencyMs);
        if (!_STAKING.isRegistered(msg.sender)) revert UnknownProvider(msg.sender);
        Latency storage advertised = _latency[msg.sender];
        uint256 current = currentEpoch();
        if (advertised.newerMs != 0 && advertised.newerFrom >= current) {
            revert LatencyChangePending(advertised.newerFrom);
        }
        advertised.olderMs = advertised.newerMs;
        advertised.newerMs = uint32(latencyMs);
        advertised.newerFrom = uint64(current + 1);
        emit LatencyAdvertised(msg.sender, latencyMs, current + 1);
    }

    /// @inheritdoc IMetricsRegistry
    function attest(
        address provider,
        uint256 epoch,
        uint256 responseMs,
        uint256 uptimeBps,
        uint256 accuracyBps
    ) external {
        uint256 current = currentEpoch();
        if (epoch >= current) revert EpochNotEnded(epoch, current);
        uint256 closesAt = _epochEnd(epoch) + _ATTESTATION_WINDOW;
        if (block.timestamp >= closesAt) revert AttestationWindowClosed(epoch, closesAt);
        if (!_COURT.isActiveValidator(msg.sender)) revert NotValidator(msg.sender);
        if (!_STAKING.isRegistered(provider)) revert UnknownProvider(provider);
        if (msg.sender == provider) revert ConflictOfInterest(provider, msg.sender);
        if (responseMs > type(uint32).max || uptimeBps > BPS || accuracyBps > BPS) {
            revert InvalidMetrics(responseMs, uptimeBps, accuracyBps);
        }
        if (epoch < _nextAttestable[msg.sender][provider]) revert AlreadyAttested(provider, epoch, msg.sender);
        _nextAttestable[msg.sender][provider] = epoch + 1;

        // The window moves first: the new bucket may take the slot of one that leaves it.
        Rolling memory r = _advance(provider, _rolling[provider], epoch);
        (Bucket memory before, Bucket memory b) = _recordInBucket(provider, epoch, responseMs, uptimeBps, accuracyBps);
        // The epoch's figures (re)join the rolling sums: the ones it had before this attestation leave them. A bucket
        // that counted stops counting if the set grew past twice its bonds (`setStake` is the largest seen).
        if (before.epochPlusOne == epoch + 1 && _counts(before)) {
            r.count -= before.count;
            r.epochs -= 1;
            _removeFigures(r, before);
        }
        if (_counts(b)) {
            r.count += b.count;
            r.epochs += 1;
            (uint256 response, uint256 uptime, uint256 accuracy) = _figures(b);
            // Each figure is at most the response cap (32 bits) or 10,000, over at most 65,535 epochs.
            r.sumResponseMs += uint64(response);
            r.sumUptimeBps += uint48(uptime);
            r.sumAccuracyBps += uint48(accuracy);
        }
        _rolling[provider] = r;
        emit Attested(provider, epoch, msg.sender, responseMs, uptimeBps, accuracyBps);
    }

    /// @inheritdoc IMetricsRegistry
    function proveMinorInfraction(
        address provider,
        uint256 epoch,
        Trigger trigger
    ) external returns (ISlasher.SlashResult memory result) {
        Bucket memory b = _bucketOf(provider, epoch);
        uint256 closesAt = _epochEnd(epoch) + _ATTESTATION_WINDOW;
        if (block.timestamp < closesAt) revert AttestationsStillOpen(epoch, closesAt);
        if (b.count < _MIN_ATTESTATIONS) revert NotEnoughAttestations(b.count, _MIN_ATTESTATIONS);
        uint256 breachStake = trigger == Trigger.ResponseTime ? b.slowStake : b.downStake;
        if (breachStake * 2 <= b.stake) revert ConditionNotMet(trigger, breachStake, b.stake);
        // Against the whole set: the larger of the set seen while attested and the set now, so attesters leaving
        // after their attestation do not shrink the majority they need.
        uint256 setStake = _COURT.activeBond();
        if (b.setStake > setStake) setStake = b.setStake;
        if (breachStake * 2 <= setStake) revert NoSetMajority(breachStake, setStake);

        bytes32 evidenceId = _evidenceId(provider, epoch, trigger);
        uint256 bps = _SLASHER.classRange(ISlasher.Infraction.Minor).minBps;
        result = _SLASHER.slash(provider, ISlasher.Infraction.Minor, bps, evidenceId);
        emit MinorInfractionProven(provider, epoch, trigger, evidenceId, msg.sender, result.appliedBps);
    }

    /// @inheritdoc IMetricsRegistry
    function fileDispute(address provider, uint256 epoch) external returns (bytes32 subjectId) {
        _bucketOf(provider, epoch);
        uint256 deadline = _epochEnd(epoch) + _DISPUTE_WINDOW;
        if (block.timestamp > deadline) revert DisputeWindowClosed(epoch, deadline);
        if (msg.sender == provider) revert ConflictOfInterest(provider, msg.sender);
        subjectId = subjectIdOf(provider, epoch);
        _disputers[subjectId] = msg.sender;
        emit DisputeFiled(subjectId, provider, epoch, msg.sender);
    }

    /// @inheritdoc IMetricsRegistry
    function bindRatings(IRatings ratings_) external restricted {
        address bound = address(_ratings);
        if (bound != address(0)) revert RatingsAlreadyBound(bound);
        if (address(ratings_) == address(0)) revert ZeroRatings();
        _ratings = ratings_;
        emit RatingsBound(address(ratings_));
    }

    /// @inheritdoc IMetricsRegistry
    function syncPerformance(address provider) external returns (uint256 speedBps, uint256 qualityBps) {
        if (!_STAKING.isRegistered(provider)) revert UnknownProvider(provider);
        RollingMetrics memory m = rollingMetrics(provider);
        IParameterized params = IParameterized(address(_STAKING));
        speedBps =
            m.attestations != 0 && m.avgResponseMs < _FAST_RESPONSE_MS
                ? params.parameter(StakingKeys.MAX_SPEED_MULTIPLIER_BPS)
                : BPS;
        uint256 blendedBps = m.avgAccuracyBps;
        IRatings ratingSource = _ratings;
        // Ratings refine an attested accuracy; with no attestation in the window the provider stays at 1x.
        if (address(ratingSource) != address(0) && m.attestations != 0) {
            (uint256 scoreBps, uint256 weightBps) = ratingSource.qualityInputOf(provider);
            // Each term rounded down; weightBps <= 5,000 and both inputs <= 10,000, so blendedBps <= 10,000.
            if (weightBps != 0) blendedBps = (blendedBps * (BPS - weightBps)) / BPS + (scoreBps * weightBps) / BPS;
        }
        uint256 maxQuality = params.parameter(StakingKeys.MAX_QUALITY_MULTIPLIER_BPS);
        qualityBps = BPS + ((maxQuality - BPS) * blendedBps) / BPS;
        emit PerformanceSynced(provider, speedBps, qualityBps);
        _STAKING.setPerformance(provider, speedBps, qualityBps);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IChallengeSource
    function challengeSubject(
        bytes32 subjectId
    ) external view returns (address provider, address consumer, uint256 value, uint256 deadline) {
        consumer = _disputers[subjectId];
        if (consumer == address(0)) return (address(0), address(0), 0, 0);
        provider = address(uint160(uint256(subjectId) >> 96));
        deadline = _epochEnd(uint256(uint96(uint256(subjectId)))) + _DISPUTE_WINDOW;
        // An attested epoch carries no payment: the challenge takes the minimum stake.
        value = 0;
    }

    /// @inheritdoc IMetricsRegistry
    function currentEpoch() public view returns (uint256) {
        return (block.timestamp - _START) / _EPOCH_LENGTH;
    }

    /// @inheritdoc IMetricsRegistry
    function epochMetrics(address provider, uint256 epoch) external view returns (EpochMetrics memory m) {
        Bucket memory b = _buckets[provider][epoch % _WINDOW_EPOCHS];
        if (b.epochPlusOne != epoch + 1 || b.count == 0) return m;
        m.attestations = b.count;
        m.avgResponseMs = b.sumResponseMs / b.count;
        m.avgUptimeBps = b.sumUptimeBps / b.count;
        m.avgAccuracyBps = b.sumAccuracyBps / b.count;
        m.slowAttestations = b.slow;
        m.downAttestations = b.down;
        m.attestedStake = b.stake;
        m.slowStake = b.slowStake;
        m.downStake = b.downStake;
        m.setStake = b.setStake;
    }

    /// @inheritdoc IMetricsRegistry
    function rollingMetrics(address provider) public view returns (RollingMetrics memory m) {
        Rolling memory r = _rolling[provider];
        // Nothing attested, or the whole window has passed since the latest attested epoch.
        if (r.epochs == 0 || currentEpoch() >= r.latestPlusOne + _WINDOW_EPOCHS) return m;
        m.latestEpoch = r.latestPlusOne - 1;
        m.attestations = r.count;
        m.avgResponseMs = r.sumResponseMs / r.epochs;
        m.avgUptimeBps = r.sumUptimeBps / r.epochs;
        m.avgAccuracyBps = r.sumAccuracyBps / r.epochs;
    }

    /// @inheritdoc IMetricsRegistry
    function trustScore(address provider) external view returns (uint256) {
        RollingMetrics memory m = rollingMetrics(provider);
        uint256 weighted = _W_STAKE * _REPUTATION.scoreOf(provider);
        if (m.attestations != 0) {
            uint256 latencyScore =
                m.avgResponseMs <= _FAST_RESPONSE_MS ? MAX_SCORE : (MAX_SCORE * _FAST_RESPONSE_MS) / m.avgResponseMs;
            weighted +=
                (_W_UPTIME * m.avgUptimeBps * MAX_SCORE) / BPS +
                (_W_ACCURACY * m.avgAccuracyBps * MAX_SCORE) / BPS +
                _W_LATENCY * latencyScore;
        }
        return weighted / BPS;
    }

    /// @inheritdoc IMetricsRegistry
    function advertisedLatency(address provider, uint256 epoch) external view returns (uint256) {
        return _latencyFor(_latency[provider], epoch);
    }

    /// @inheritdoc IMetricsRegistry
    function evidenceIdOf(address provider, uint256 epoch, Trigger trigger) external view returns (bytes32) {
        return _evidenceId(provider, epoch, trigger);
    }

    /// @inheritdoc IMetricsRegistry
    function subjectIdOf(address provider, uint256 epoch) public pure returns (bytes32) {
        return bytes32((uint256(uint160(provider)) << 96) | uint96(epoch));
    }

    /// @inheritdoc IMetricsRegistry
    function ratings() external view returns (address) {
        return address(_ratings);
    }

    /// @inheritdoc IMetricsRegistry
    function config() external view returns (Config memory c) {
        c.start = _START;
        c.epochLength = _EPOCH_LENGTH;
        c.windowEpochs = _WINDOW_EPOCHS;
        c.attestationWindow = _ATTESTATION_WINDOW;
        c.minUptimeBps = _MIN_UPTIME_BPS;
        c.latencyBreachBps = _LATENCY_BREACH_BPS;
        c.minAttestations = _MIN_ATTESTATIONS;
        c.fastResponseMs = _FAST_RESPONSE_MS;
        c.trustWeightsBps = [uint16(_W_UPTIME), uint16(_W_ACCURACY), uint16(_W_LATENCY), uint16(_W_STAKE)];
        c.disputeWindow = _DISPUTE_WINDOW;
        c.maxLatencyMs = _MAX_LATENCY_MS;
    }

    // ------------------------------------------------------------------ internals

    /// @dev Moves the window forward to `epoch` if it is the latest so far, taking the buckets that leave it out of
    /// the running sums. At most `windowEpochs - 1` buckets are read (a jump of a whole window resets the sums).
    function _advance(address provider, Rolling memory r, uint256 epoch) private view returns (Rolling memory) {
        uint256 latestPlusOne = r.latestPlusOne;
        if (epoch < latestPlusOne) return r;
        uint256 window = _WINDOW_EPOCHS;
        if (latestPlusOne == 0 || epoch - (latestPlusOne - 1) >= window) {
            r = Rolling(0, 0, 0, 0, 0, 0);
        } else {
            // The epochs leaving are (latest - window, epoch - window]: fewer than `window` of them.
            uint256 from = latestPlusOne > window ? latestPlusOne - window : 0;
            for (uint256 ep = from; ep + window <= epoch; ++ep) {
                Bucket memory b = _buckets[provider][ep % window];
                if (b.epochPlusOne != ep + 1 || !_counts(b)) continue;
                r.count -= b.count;
                r.epochs -= 1;
                _removeFigures(r, b);
            }
        }
        // Epochs are below 2^32 for any epoch length of a second or more until the year 2106.
        r.latestPlusOne = uint32(epoch + 1);
        return r;
    }

    /// @dev Whether a bucket's figures count in the rolling sums: at least `minAttestations` attestations whose bonds
    /// are more than half of the largest active set seen while it was attested (a minority of the set attesting an
    /// epoch alone cannot set its figures).
    function _counts(Bucket memory b) private view returns (bool) {
        return b.count >= _MIN_ATTESTATIONS && uint256(b.stake) * 2 > b.setStake;
    }

    /// @dev The rolling sums without a bucket's epoch figures.
    function _removeFigures(Rolling memory r, Bucket memory b) private pure {
        (uint256 response, uint256 uptime, uint256 accuracy) = _figures(b);
        r.sumResponseMs -= uint64(response);
        r.sumUptimeBps -= uint48(uptime);
        r.sumAccuracyBps -= uint48(accuracy);
    }

    /// @dev An epoch's figures for the rolling metrics: for each one, the mean of the attestations on the side of its
    /// threshold against the provider (slow: `fastResponseMs` or more; down: below `minUptimeBps`; low accuracy:
    /// below 50%) if that side holds half of the epoch's attested bonds or more, of the other side otherwise (a tie
    /// goes against the provider). Attesters short of a bonded majority of the epoch cannot move a figure across its
    /// threshold, and inside a side only as far as that side reaches (response times are clamped to the cap).
    function _figures(Bucket memory b) private pure returns (uint256 response, uint256 uptime, uint256 accuracy) {
        // A side holding half of the bonds or more holds at least one attestation (every attester has a bond), and so
        // does the other side when this one holds less.
        uint256 stake = b.stake;
        response =
            (stake - b.fastStake) * 2 >= stake
                ? (b.sumResponseMs - b.sumFastMs) / (b.count - b.fast)
                : b.sumFastMs / b.fast;
        uptime =
            b.downStake * 2 >= stake
                ? b.sumDownUptimeBps / b.down
                : (b.sumUptimeBps - b.sumDownUptimeBps) / (b.count - b.down);
        accuracy =
            b.lowAccuracyStake * 2 >= stake
                ? b.sumLowAccuracyBps / b.lowAccuracy
                : (b.sumAccuracyBps - b.sumLowAccuracyBps) / (b.count - b.lowAccuracy);
    }

    /// @dev Adds the caller's attestation, weighed by its bond, to the provider's bucket of `epoch`; returns the
    /// bucket before and after it.
    function _recordInBucket(
        address provider,
        uint256 epoch,
        uint256 responseMs,
        uint256 uptimeBps,
        uint256 accuracyBps
    ) private returns (Bucket memory before, Bucket memory b) {
        (uint256 weight, uint256 setStake) = _COURT.attesterWeight(msg.sender);
        uint256 latency = _latencyFor(_latency[provider], epoch);
        // A provider that advertised nothing is held to the largest latency it could advertise.
        if (latency == 0) latency = _MAX_LATENCY_MS;
        bool slow = responseMs * BPS > latency * _LATENCY_BREACH_BPS;
        bool down = uptimeBps < _MIN_UPTIME_BPS;
        uint256 slot = epoch % _WINDOW_EPOCHS;
        before = _buckets[provider][slot];
        // A slot holding another epoch holds one at least a window older, already out of the running sums.
        if (before.epochPlusOne == epoch + 1) {
            // A second copy (memory structs are references): the bucket as it was is needed to replace its figures.
            b = _buckets[provider][slot];
        } else {
            // A fresh bucket (`before` is read only for an epoch that already counts).
            b.epochPlusOne = uint32(epoch + 1);
        }
        // The figure counted: the slow trigger above used the response as attested.
        uint256 counted = responseMs > _RESPONSE_CAP_MS ? _RESPONSE_CAP_MS : responseMs;
        // Checked: a bucket counts at most 65,535 attestations (validators); the sums fit by the same bound (32-bit
        // response times, 14-bit shares), the bonds by the court's 128-bit ledger.
        b.count += 1;
        b.sumResponseMs += uint48(counted);
        b.sumUptimeBps += uint32(uptimeBps);
        b.sumAccuracyBps += uint32(accuracyBps);
        b.stake += uint128(weight);
        if (slow) {
            b.slow += 1;
            b.slowStake += uint128(weight);
        }
        if (down) {
            b.down += 1;
            b.downStake += uint128(weight);
            b.sumDownUptimeBps += uint32(uptimeBps);
        }
        if (counted < _FAST_RESPONSE_MS) {
            b.fast += 1;
            b.fastStake += uint128(weight);
            b.sumFastMs += uint48(counted);
        }
        if (accuracyBps < BPS / 2) {
            b.lowAccuracy += 1;
            b.lowAccuracyStake += uint128(weight);
            b.sumLowAccuracyBps += uint32(accuracyBps);
        }
        if (setStake > b.setStake) b.setStake = uint128(setStake);
        _saveBucket(provider, slot, b);
    }

    /// @dev Stores a bucket (a function of its own keeps the copy within the stack).
    function _saveBucket(address provider, uint256 slot, Bucket memory b) private {
        _buckets[provider][slot] = b;
    }

    /// @dev A provider's bucket of an epoch still in its window; reverts `NoAttestations` otherwise.
    function _bucketOf(address provider, uint256 epoch) private view returns (Bucket memory b) {
        b = _buckets[provider][epoch % _WINDOW_EPOCHS];
        if (b.epochPlusOne != epoch + 1 || b.count == 0) revert NoAttestations(provider, epoch);
    }

    function _latencyFor(Latency memory advertised, uint256 epoch) private pure returns (uint256) {
        return epoch >= advertised.newerFrom ? advertised.newerMs : advertised.olderMs;
    }

    function _epochEnd(uint256 epoch) private view returns (uint256) {
        return _START + (epoch + 1) * _EPOCH_LENGTH;
    }

    function _evidenceId(address provider, uint256 epoch, Trigger trigger) private view returns (bytes32) {
        return keccak256(abi.encode(address(this), provider, epoch, trigger));
    }
}
