// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title StakingKeys
/// @notice Keys of the staking module's governed parameters in the ParameterRegistry
/// (`registry.set(staking, StakingKeys.UNBONDING_PERIOD, value)`). TypeScript computes the same keys with
/// `ethers.id("staking.unbondingPeriod")`.
library StakingKeys {
    /// @dev Minimum self-stake of an active provider; also the Bronze threshold. Token wei.
    bytes32 internal constant MIN_SELF_STAKE = keccak256("staking.minSelfStake");
    /// @dev Self-stake thresholds of the higher tiers, token wei, strictly increasing from the minimum.
    bytes32 internal constant SILVER_MIN_STAKE = keccak256("staking.silverMinStake");
    bytes32 internal constant GOLD_MIN_STAKE = keccak256("staking.goldMinStake");
    bytes32 internal constant PLATINUM_MIN_STAKE = keccak256("staking.platinumMinStake");
    /// @dev Fee discount of each tier, bps (read by the market).
    bytes32 internal constant BRONZE_FEE_DISCOUNT_BPS = keccak256("staking.bronzeFeeDiscountBps");
    bytes32 internal constant SILVER_FEE_DISCOUNT_BPS = keccak256("staking.silverFeeDiscountBps");
    bytes32 internal constant GOLD_FEE_DISCOUNT_BPS = keccak256("staking.goldFeeDiscountBps");
    bytes32 internal constant PLATINUM_FEE_DISCOUNT_BPS = keccak256("staking.platinumFeeDiscountBps");
    /// @dev Maximum slash of each tier, bps, below 10,000 (a slash never empties a pool).
    bytes32 internal constant BRONZE_MAX_SLASH_BPS = keccak256("staking.bronzeMaxSlashBps");
    bytes32 internal constant SILVER_MAX_SLASH_BPS = keccak256("staking.silverMaxSlashBps");
    bytes32 internal constant GOLD_MAX_SLASH_BPS = keccak256("staking.goldMaxSlashBps");
    bytes32 internal constant PLATINUM_MAX_SLASH_BPS = keccak256("staking.platinumMaxSlashBps");
    /// @dev Unbonding period, seconds.
    bytes32 internal constant UNBONDING_PERIOD = keccak256("staking.unbondingPeriod");
    /// @dev Longest lock, seconds.
    bytes32 internal constant MAX_LOCK_DURATION = keccak256("staking.maxLockDuration");
    /// @dev Period over which a notified reward budget is spread, seconds.
    bytes32 internal constant REWARD_DURATION = keccak256("staking.rewardDuration");
    /// @dev The APY band on the stake of active providers, bps; min <= max.
    bytes32 internal constant MIN_APY_BPS = keccak256("staking.minApyBps");
    bytes32 internal constant MAX_APY_BPS = keccak256("staking.maxApyBps");
    /// @dev Largest performance multipliers an attester may set, bps, at least 10,000.
    bytes32 internal constant MAX_SPEED_MULTIPLIER_BPS = keccak256("staking.maxSpeedMultiplierBps");
    bytes32 internal constant MAX_QUALITY_MULTIPLIER_BPS = keccak256("staking.maxQualityMultiplierBps");
    /// @dev Reputation stake that earns half the maximum reputation score, token wei.
    bytes32 internal constant REPUTATION_HALF_STAKE = keccak256("staking.reputationHalfStake");
}
