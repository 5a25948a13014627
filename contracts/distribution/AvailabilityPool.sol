// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IAvailabilityPool} from "../interfaces/IAvailabilityPool.sol";
import {IStakeReader} from "../interfaces/IStakeReader.sol";
import {EpochPool} from "./EpochPool.sol";
import {BPS} from "../common/Constants.sol";

/// @title AvailabilityPool
/// @notice Proof of availability: A-Pay for providers by minimum stake and observed availability, C-Pay for
/// challengers by activity against the quota, each gated by an 85% threshold. A provider qualifies on its own stake,
/// locked through the claim window of every epoch it is recorded in (one stake, one provider per epoch).
contract AvailabilityPool is IAvailabilityPool, EpochPool {
    using SafeCast for uint256;

    /// @notice Most services a pool knows (each has a minimum stake; `parameter` loops over them).
    uint256 public constant MAX_SERVICES = 8;

    /// @inheritdoc IAvailabilityPool
    bytes32 public constant CHALLENGE_QUOTA = keccak256("distribution.poa.challengeQuota");
    /// @inheritdoc IAvailabilityPool
    bytes32 public constant AVAILABILITY_THRESHOLD = keccak256("distribution.poa.availabilityThresholdBps");
    /// @inheritdoc IAvailabilityPool
    bytes32 public constant ACTIVITY_THRESHOLD = keccak256("distribution.poa.activityThresholdBps");
    /// @inheritdoc IAvailabilityPool
    bytes32 public constant CHALLENGER_SHARE = keccak256("distribution.poa.challengerShareBps");

    IStakeReader private immutable _STAKE_READER;
    uint256 private immutable _SERVICE_COUNT;

    Rules private _rules;
    mapping(uint256 service => uint256 minStake) private _minStakes;
    /// @dev The service index plus one; zero when the provider registered none.
    mapping(address provider => uint256 serviceSlot) private _services;
    mapping(uint256 epoch => EpochTotals) private _totals;
    mapping(uint256 epoch => Budgets) private _budgets;
    mapping(uint256 epoch => mapping(address provider => ProviderRecord)) private _providers;
    mapping(uint256 epoch => mapping(address challenger => ChallengerRecord)) private _challengers;

    /// @notice Deploys an empty pool.
    /// @param token_ The token paid out (QRY).
    /// @param authority The preset's AccessManager.
    /// @param start When epoch 0 begins (unix seconds).
    /// @param epochLength Seconds per epoch.
    /// @param claimWindow_ Seconds an epoch stays claimable once funded.
    /// @param stakeReader_ Where stakes are read.
    /// @param rules_ Quota (positive), thresholds and challengers' share (each at most 10,000 bps).
    /// @param minStakes Each service's minimum stake, in wei (1 to `MAX_SERVICES` services, each positive).
    constructor(
        address token_,
        address authority,
        uint256 start,
        uint256 epochLength,
        uint256 claimWindow_,
        address stakeReader_,
        Rules memory rules_,
        uint256[] memory minStakes
    ) EpochPool(token_, authority, start, epochLength, claimWindow_) {
        if (stakeReader_ == address(0)) revert ZeroAddress();
        uint256 n = minStakes.length;
        if (n == 0 || n > MAX_SERVICES) revert InvalidServiceCount(n, MAX_SERVICES);
        _STAKE_READER = IStakeReader(stakeReader_);
        _SERVICE_COUNT = n;
        _setPoolParameter(CHALLENGE_QUOTA, rules_.quota);
        _setPoolParameter(AVAILABILITY_THRESHOLD, rules_.availabilityBps);
        _setPoolParameter(ACTIVITY_THRESHOLD, rules_.activityBps);
        _setPoolParameter(CHALLENGER_SHARE, rules_.challengerShareBps);
        for (uint256 s; s < n; ++s) _setMinStake(s, minStakes[s]);
    }

    // ------------------------------------------------------------------ providers and challengers

    /// @inheritdoc IAvailabilityPool
    function registerService(uint256 service) external {
        if (service >= _SERVICE_COUNT) revert UnknownService(service, _SERVICE_COUNT);
        _services[msg.sender] = service + 1;
        emit ServiceRegistered(msg.sender, service);
    }

    /// @inheritdoc IAvailabilityPool
    function recordChallenges(
        uint256 epoch,
        address provider,
        uint256 challenges,
        uint256 answered
    ) external restricted {
        _requireOpen(epoch);
        if (challenges == 0) revert ZeroChallenges();
        if (answered > challenges) revert AnswersExceedChallenges(answered, challenges);

        EpochTotals memory t = _totals[epoch];
        if (t.quota == 0) {
            // The epoch's first record fixes its rules (the quota is never zero).
            Rules memory r = _rules;
            t.quota = r.quota;
            t.availabilityBps = r.availabilityBps;
            t.activityBps = r.activityBps;
            t.challengerShareBps = r.challengerShareBps;
            // The claim window fits 32 bits (EpochPool's bound).
            t.lockWindow = uint32(_claimWindow);
        }

        ProviderRecord memory p = _providers[epoch][provider];
        if (p.challenges == 0) {
            uint256 slot = _services[provider];
            if (slot == 0) revert ProviderNotRegistered(provider);
            uint256 minStake_ = _minStakes[slot - 1];
            // Its own stake, locked through the epoch's claim window: locked self-stake cannot leave, so the later
            // records and the claim find the same stake and no other provider is recorded on it this epoch.
            _checkIdentityStake(provider, minStake_, epochEnd(epoch) + t.lockWindow);
            p.minStake = minStake_.toUint96();
            t.sumMinStake += p.minStake;
        }
        uint256 oldWeight = _weight(p, t.availabilityBps);
        p.challenges = (p.challenges + challenges).toUint32();
        p.answered = (p.answered + answered).toUint32();
        // The provider's old term is part of the sum.
        t.sumWeight = (t.sumWeight - oldWeight + _weight(p, t.availabilityBps)).toUint128();

        ChallengerRecord memory c = _challengers[epoch][msg.sender];
        uint256 before = c.registered;
        c.registered = (before + challenges).toUint32();
        if (_isActive(c.registered, t.quota, t.activityBps)) {
            bool wasActive = _isActive(before, t.quota, t.activityBps);
            if (!wasActive) ++t.activeChallengers;
            // Replace the challenger's capped term (none if it was not active).
            uint256 oldTerm = wasActive ? Math.min(before, t.quota) : 0;
            t.sumActivity = (t.sumActivity - oldTerm + Math.min(c.registered, t.quota)).toUint64();
        }

        _totals[epoch] = t;
        _providers[epoch][provider] = p;
        _challengers[epoch][msg.sender] = c;
        emit ChallengesRecorded(epoch, msg.sender, provider, challenges, answered);
    }

    /// @inheritdoc IAvailabilityPool
    function claimAvailability(uint256 epoch) external returns (uint256 amount) {
        Ledger memory book = _openLedger(epoch);
        ProviderRecord storage p = _providers[epoch][msg.sender];
        if (p.claimed) revert AlreadyClaimed(epoch, msg.sender);
        amount = _availabilityPay(_totals[epoch], _budgets[epoch], p);
        if (amount == 0) revert NothingToClaim(epoch, msg.sender);
        // Still active, with the stake it was recorded under (no lock asked). The lock asked at the first record ends
        // at the epoch's end plus the window fixed then; a provider claims before its stake leaves.
        _checkIdentityStake(msg.sender, p.minStake, 0);
        p.claimed = true;
        emit AvailabilityPaid(epoch, msg.sender, amount);
        _payClaim(epoch, book, msg.sender, amount);
    }

    /// @inheritdoc IAvailabilityPool
    function claimChallenges(uint256 epoch) external returns (uint256 amount) {
        Ledger memory book = _openLedger(epoch);
        ChallengerRecord storage c = _challengers[epoch][msg.sender];
        if (c.claimed) revert AlreadyClaimed(epoch, msg.sender);
        amount = _challengerPay(_totals[epoch], _budgets[epoch], c.registered);
        if (amount == 0) revert NothingToClaim(epoch, msg.sender);
        c.claimed = true;
        emit ChallengerPaid(epoch, msg.sender, amount);
        _payClaim(epoch, book, msg.sender, amount);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IAvailabilityPool
    function lockRequiredFor(uint256 epoch) external view returns (uint256) {
        EpochTotals memory t = _totals[epoch];
        return epochEnd(epoch) + (t.quota == 0 ? _claimWindow : t.lockWindow);
    }

    /// @inheritdoc IAvailabilityPool
    function availabilityPayOf(uint256 epoch, address provider) external view returns (uint256) {
        return _availabilityPay(_totals[epoch], _budgets[epoch], _providers[epoch][provider]);
    }

    /// @inheritdoc IAvailabilityPool
    function challengerPayOf(uint256 epoch, address challenger) external view returns (uint256) {
        return _challengerPay(_totals[epoch], _budgets[epoch], _challengers[epoch][challenger].registered);
    }

    /// @inheritdoc IAvailabilityPool
    function providerRecord(uint256 epoch, address provider) external view returns (ProviderRecord memory) {
        return _providers[epoch][provider];
    }

    /// @inheritdoc IAvailabilityPool
    function challengerRecord(uint256 epoch, address challenger) external view returns (ChallengerRecord memory) {
        return _challengers[epoch][challenger];
    }

    /// @inheritdoc IAvailabilityPool
    function epochTotals(uint256 epoch) external view returns (EpochTotals memory) {
        return _totals[epoch];
    }

    /// @inheritdoc IAvailabilityPool
    function budgetsOf(uint256 epoch) external view returns (Budgets memory) {
        return _budgets[epoch];
    }

    /// @inheritdoc IAvailabilityPool
    function rules() external view returns (Rules memory) {
        return _rules;
    }

    /// @inheritdoc IAvailabilityPool
    function serviceOf(address provider) external view returns (bool registered, uint256 service) {
        uint256 slot = _services[provider];
        return slot == 0 ? (false, 0) : (true, slot - 1);
    }

    /// @inheritdoc IAvailabilityPool
    function minStakeOf(uint256 service) external view returns (uint256) {
        if (service >= _SERVICE_COUNT) revert UnknownService(service, _SERVICE_COUNT);
        return _minStakes[service];
    }

    /// @inheritdoc IAvailabilityPool
    function serviceCount() external view returns (uint256) {
        return _SERVICE_COUNT;
    }

    /// @inheritdoc IAvailabilityPool
    function stakeReader() external view returns (address) {
        return address(_STAKE_READER);
    }

    /// @inheritdoc IAvailabilityPool
    function minStakeKey(uint256 service) public pure returns (bytes32) {
        return keccak256(abi.encode("distribution.poa.minStake", service));
    }

    // ------------------------------------------------------------------ internals

    /// @dev Splits the budget by the epoch's challengers' share and keeps what the formulas can pay at most:
    /// `floor(A x sumWeight / sumMinStake) + floor(C x sumActivity / (quota x N))`. Each claim rounds down on its
    /// own, so the claims add up to at most that.
    function _accept(uint256 epoch, uint256 budget) internal override returns (uint256 funded) {
        EpochTotals memory t = _totals[epoch];
        if (t.quota == 0) return 0; // nobody was challenged
        uint256 challengerBudget = Math.mulDiv(budget, t.challengerShareBps, BPS, Math.Rounding.Floor);
        uint256 providerBudget = budget - challengerBudget;
        _budgets[epoch] = Budgets({providers: providerBudget.toUint128(), challengers: challengerBudget.toUint128()});
        // sumMinStake > 0: every recorded provider adds its positive minimum stake.
        funded = Math.mulDiv(providerBudget, t.sumWeight, t.sumMinStake, Math.Rounding.Floor);
        uint256 n = t.activeChallengers;
        if (n > 0) funded += Math.mulDiv(challengerBudget, t.sumActivity, n * t.quota, Math.Rounding.Floor);
    }

    /// @dev A-Pay: `floor(providers' budget x weight / sumMinStake)`; zero without a record.
    function _availabilityPay(
        EpochTotals memory t,
        Budgets memory b,
        ProviderRecord memory p
    ) private pure returns (uint256) {
        uint256 weight = _weight(p, t.availabilityBps);
        if (weight == 0) return 0;
        return Math.mulDiv(b.providers, weight, t.sumMinStake, Math.Rounding.Floor);
    }

    /// @dev C-Pay: `floor(challengers' budget x min(registered, quota) / (quota x N))`; zero below the threshold.
    function _challengerPay(EpochTotals memory t, Budgets memory b, uint256 registered) private pure returns (uint256) {
        if (t.quota == 0 || !_isActive(registered, t.quota, t.activityBps)) return 0;
        uint256 capped = Math.min(registered, t.quota);
        return Math.mulDiv(b.challengers, capped, uint256(t.quota) * t.activeChallengers, Math.Rounding.Floor);
    }

    /// @dev MinStake x Availability: `floor(minStake x answered / challenges)` when the observed availability
    /// `answered / challenges` reaches the threshold (compared exactly), zero otherwise.
    function _weight(ProviderRecord memory p, uint256 thresholdBps) private pure returns (uint256) {
        if (p.challenges == 0 || uint256(p.answered) * BPS < thresholdBps * p.challenges) return 0;
        return Math.mulDiv(p.minStake, p.answered, p.challenges, Math.Rounding.Floor);
    }

    /// @dev Reverts unless `provider` is active with its own stake at least `minimum`, locked until at least
    /// `lockedUntil` (`InactiveProvider`, `StakeBelowMinimum`, `StakeNotLocked`).
    function _checkIdentityStake(address provider, uint256 minimum, uint256 lockedUntil) private view {
        (bool active, uint256 stake, uint256 lockEnd) = _STAKE_READER.identityStakeOf(provider);
        if (!active) revert InactiveProvider(provider);
        if (stake < minimum) revert StakeBelowMinimum(provider, stake, minimum);
        if (lockEnd < lockedUntil) revert StakeNotLocked(provider, lockEnd, lockedUntil);
    }

    /// @dev Whether `registered` challenges reach the activity threshold: `registered x 10,000 >= bps x quota`.
    function _isActive(uint256 registered, uint256 quota, uint256 thresholdBps) private pure returns (bool) {
        return registered > 0 && registered * BPS >= thresholdBps * quota;
    }

    function _poolParameter(bytes32 key) internal view override returns (uint256) {
        Rules memory r = _rules;
        if (key == CHALLENGE_QUOTA) return r.quota;
        if (key == AVAILABILITY_THRESHOLD) return r.availabilityBps;
        if (key == ACTIVITY_THRESHOLD) return r.activityBps;
        if (key == CHALLENGER_SHARE) return r.challengerShareBps;
        return _minStakes[_serviceOfKey(key)];
    }

    /// @dev The quota must be positive and fit 32 bits; thresholds and the share are bps; a service's minimum stake
    /// must be positive (it is the A-Pay weight) and fit 96 bits.
    function _setPoolParameter(bytes32 key, uint256 value) internal override {
        if (key == CHALLENGE_QUOTA) {
            if (value == 0 || value > type(uint32).max) revert InvalidParameterValue(key, value);
            _rules.quota = uint32(value);
        } else if (key == AVAILABILITY_THRESHOLD || key == ACTIVITY_THRESHOLD || key == CHALLENGER_SHARE) {
            if (value > BPS) revert InvalidParameterValue(key, value);
            // value <= 10,000 fits 16 bits.
            if (key == AVAILABILITY_THRESHOLD) _rules.availabilityBps = uint16(value);
            else if (key == ACTIVITY_THRESHOLD) _rules.activityBps = uint16(value);
            else _rules.challengerShareBps = uint16(value);
        } else {
            _setMinStake(_serviceOfKey(key), value);
        }
    }

    function _setMinStake(uint256 service, uint256 value) private {
        if (value == 0 || value > type(uint96).max) revert InvalidParameterValue(minStakeKey(service), value);
        _minStakes[service] = value;
    }

    /// @dev The service whose minimum-stake key is `key`; loops over at most `MAX_SERVICES` services.
    function _serviceOfKey(bytes32 key) private view returns (uint256) {
        for (uint256 s; s < _SERVICE_COUNT; ++s) {
            if (key == minStakeKey(s)) return s;
        }
        revert UnknownParameter(key);
    }
}
