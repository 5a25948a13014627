// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IProviderStaking} from "../interfaces/IProviderStaking.sol";
import {StakingKeys} from "../libraries/StakingKeys.sol";
import {BPS} from "../common/Constants.sol";

/// @title StakingParameters
/// @notice The staking module's governed numbers (set only through the ParameterRegistry) and the tier table.
/// @dev Values are stored packed where the user paths read them. Beyond the registry's bounds, the module
/// itself refuses values its code cannot work with: unordered tier thresholds, a maximum slash of 100% or more
/// (a slash must never empty a pool), an empty APY band, multipliers below 1x, zero durations.
abstract contract StakingParameters is IProviderStaking, Parameterized {
    /// @dev One tier: the self-stake that reaches it and what it carries. Index 0 is Bronze.
    struct TierConfig {
        uint128 minStake;
        uint16 feeDiscountBps;
        uint16 maxSlashBps;
    }

    uint256 internal constant TIER_COUNT = 4;
    uint256 private constant TIER_PARAMETERS = 3 * TIER_COUNT;
    uint256 private constant UNBONDING_PERIOD_ID = 12;
    uint256 private constant MAX_LOCK_DURATION_ID = 13;
    uint256 private constant REWARD_DURATION_ID = 14;
    uint256 private constant MIN_APY_ID = 15;
    uint256 private constant MAX_APY_ID = 16;
    uint256 private constant MAX_SPEED_ID = 17;
    uint256 private constant MAX_QUALITY_ID = 18;
    uint256 private constant REPUTATION_HALF_STAKE_ID = 19;
    uint256 private constant PARAMETER_COUNT = 20;

    TierConfig[TIER_COUNT] internal _tiers;

    uint64 internal _unbondingPeriod;
    uint64 internal _maxLockDuration;
    uint64 internal _rewardDuration;
    uint16 internal _minApyBps;
    uint16 internal _maxApyBps;
    uint16 internal _maxSpeedMultiplierBps;
    uint16 internal _maxQualityMultiplierBps;

    uint256 internal _reputationHalfStake;

    /// @notice Stores the preset's initial values, which must satisfy the module's own rules.
    /// @param p Initial values (from the preset).
    constructor(Parameters memory p) {
        for (uint256 i; i < TIER_COUNT; ++i) {
            _tiers[i].feeDiscountBps = SafeCast.toUint16(p.feeDiscountBps[i]);
            _tiers[i].maxSlashBps = SafeCast.toUint16(p.maxSlashBps[i]);
        }
        _tiers[0].minStake = SafeCast.toUint128(p.minSelfStake);
        _tiers[1].minStake = SafeCast.toUint128(p.silverMinStake);
        _tiers[2].minStake = SafeCast.toUint128(p.goldMinStake);
        _tiers[3].minStake = SafeCast.toUint128(p.platinumMinStake);
        _unbondingPeriod = SafeCast.toUint64(p.unbondingPeriod);
        _maxLockDuration = SafeCast.toUint64(p.maxLockDuration);
        _rewardDuration = SafeCast.toUint64(p.rewardDuration);
        _minApyBps = SafeCast.toUint16(p.minApyBps);
        _maxApyBps = SafeCast.toUint16(p.maxApyBps);
        _maxSpeedMultiplierBps = SafeCast.toUint16(p.maxSpeedMultiplierBps);
        _maxQualityMultiplierBps = SafeCast.toUint16(p.maxQualityMultiplierBps);
        _reputationHalfStake = p.reputationHalfStake;
        if (!_tiersValid() || !_scalarsValid()) revert InvalidConfiguration();
    }

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        uint256 id = _parameterId(key);
        if (id < TIER_PARAMETERS) {
            TierConfig storage t = _tiers[id % TIER_COUNT];
            return
                id < TIER_COUNT
                    ? t.minStake
                    : id < 2 * TIER_COUNT
                        ? t.feeDiscountBps
                        : t.maxSlashBps;
        }
        if (id == UNBONDING_PERIOD_ID) return _unbondingPeriod;
        if (id == MAX_LOCK_DURATION_ID) return _maxLockDuration;
        if (id == REWARD_DURATION_ID) return _rewardDuration;
        if (id == MIN_APY_ID) return _minApyBps;
        if (id == MAX_APY_ID) return _maxApyBps;
        if (id == MAX_SPEED_ID) return _maxSpeedMultiplierBps;
        if (id == MAX_QUALITY_ID) return _maxQualityMultiplierBps;
        return _reputationHalfStake;
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        uint256 id = _parameterId(key);
        if (id < TIER_PARAMETERS) {
            TierConfig storage t = _tiers[id % TIER_COUNT];
            if (id < TIER_COUNT) t.minStake = uint128(_checkFits(key, value, type(uint128).max));
            else if (id < 2 * TIER_COUNT) t.feeDiscountBps = uint16(_checkFits(key, value, type(uint16).max));
            else t.maxSlashBps = uint16(_checkFits(key, value, type(uint16).max));
            if (!_tiersValid()) revert InvalidParameterValue(key, value);
            return;
        }
        // The band applies from now on: what accrued so far is distributed under the old band.
        if (id == MIN_APY_ID || id == MAX_APY_ID) _accrueRewards();
        if (id == REPUTATION_HALF_STAKE_ID) {
            _reputationHalfStake = value;
        } else if (id <= REWARD_DURATION_ID) {
            uint64 v = uint64(_checkFits(key, value, type(uint64).max));
            if (id == UNBONDING_PERIOD_ID) _unbondingPeriod = v;
            else if (id == MAX_LOCK_DURATION_ID) _maxLockDuration = v;
            else _rewardDuration = v;
        } else {
            uint16 v = uint16(_checkFits(key, value, type(uint16).max));
            if (id == MIN_APY_ID) _minApyBps = v;
            else if (id == MAX_APY_ID) _maxApyBps = v;
            else if (id == MAX_SPEED_ID) _maxSpeedMultiplierBps = v;
            else _maxQualityMultiplierBps = v;
        }
        if (!_scalarsValid()) revert InvalidParameterValue(key, value);
    }

    /// @dev Distributes rewards up to now under the current parameters (implemented by the rewards layer).
    function _accrueRewards() internal virtual;

    /// @dev The tier a self-stake reaches: the highest whose threshold it meets (at most 4 reads).
    function _tierOf(uint256 selfStake) internal view returns (Tier tier) {
        for (uint256 i = TIER_COUNT; i > 0; --i) {
            if (selfStake >= _tiers[i - 1].minStake) return Tier(i);
        }
        return Tier.None;
    }

    /// @dev A key's id: 0-11 the tier fields (thresholds, fee discounts, maximum slashes, Bronze to Platinum),
    /// then the scalars in the order of the `*_ID` constants; reverts `UnknownParameter` for other keys.
    function _parameterId(bytes32 key) private pure returns (uint256) {
        bytes32[PARAMETER_COUNT] memory keys = [
            StakingKeys.MIN_SELF_STAKE,
            StakingKeys.SILVER_MIN_STAKE,
            StakingKeys.GOLD_MIN_STAKE,
            StakingKeys.PLATINUM_MIN_STAKE,
            StakingKeys.BRONZE_FEE_DISCOUNT_BPS,
            StakingKeys.SILVER_FEE_DISCOUNT_BPS,
            StakingKeys.GOLD_FEE_DISCOUNT_BPS,
            StakingKeys.PLATINUM_FEE_DISCOUNT_BPS,
            StakingKeys.BRONZE_MAX_SLASH_BPS,
            StakingKeys.SILVER_MAX_SLASH_BPS,
            StakingKeys.GOLD_MAX_SLASH_BPS,
            StakingKeys.PLATINUM_MAX_SLASH_BPS,
            StakingKeys.UNBONDING_PERIOD,
            StakingKeys.MAX_LOCK_DURATION,
            StakingKeys.REWARD_DURATION,
            StakingKeys.MIN_APY_BPS,
            StakingKeys.MAX_APY_BPS,
            StakingKeys.MAX_SPEED_MULTIPLIER_BPS,
            StakingKeys.MAX_QUALITY_MULTIPLIER_BPS,
            StakingKeys.REPUTATION_HALF_STAKE
        ];
        for (uint256 id; id < PARAMETER_COUNT; ++id) {
            if (key == keys[id]) return id;
        }
        revert UnknownParameter(key);
    }

    /// @dev Thresholds positive and strictly increasing; discounts at most 100%; slashes below 100%.
    function _tiersValid() private view returns (bool) {
        uint256 previous;
        for (uint256 i; i < TIER_COUNT; ++i) {
            TierConfig memory t = _tiers[i];
            if (t.minStake <= previous || t.feeDiscountBps > BPS || t.maxSlashBps >= BPS) {
                return false;
            }
            previous = t.minStake;
        }
        return true;
    }

    function _scalarsValid() private view returns (bool) {
        return
            _unbondingPeriod > 0 &&
            _maxLockDuration > 0 &&
            _rewardDuration > 0 &&
            _minApyBps <= _maxApyBps &&
            _maxSpeedMultiplierBps >= BPS &&
            _maxQualityMultiplierBps >= BPS &&
            _reputationHalfStake > 0;
    }

    function _checkFits(bytes32 key, uint256 value, uint256 max) private pure returns (uint256) {
        if (value > max) revert InvalidParameterValue(key, value);
        return value;
    }
}
