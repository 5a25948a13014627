// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ProgramKeys
/// @notice Parameter keys of the provider programs and the ratings (registered with their bounds by the deploy step).
library ProgramKeys {
    // ---------------------------------------------------------------- Ratings

    /// @dev Largest feedback reward for one review, token wei.
    bytes32 internal constant FEEDBACK_REWARD = keccak256("programs.feedbackReward");
    /// @dev Largest feedback reward as bps of the least the reviewer can have paid for the rated volume.
    bytes32 internal constant FEEDBACK_BPS = keccak256("programs.feedbackBps");
    /// @dev Feedback rewards one account may earn in a 30-day period, token wei.
    bytes32 internal constant FEEDBACK_ACCOUNT_CAP = keccak256("programs.feedbackAccountCap");
    /// @dev Feedback rewards the pool pays in a 30-day period, token wei.
    bytes32 internal constant FEEDBACK_PERIOD_CAP = keccak256("programs.feedbackPeriodCap");
    /// @dev Share of the quality score the ratings take from accuracy, bps (at most 5,000).
    bytes32 internal constant RATING_WEIGHT_BPS = keccak256("programs.ratingWeightBps");
    /// @dev Rated list value a provider needs before its ratings count in its quality score, token wei.
    bytes32 internal constant MIN_RATED_WEIGHT = keccak256("programs.minRatedWeight");

    // ---------------------------------------------------------------- ProviderPrograms

    /// @dev Availability bonus, bps of the provider's settled earnings.
    bytes32 internal constant AVAILABILITY_BPS = keccak256("programs.availabilityBps");
    /// @dev Lowest rolling uptime that earns the availability bonus, bps.
    bytes32 internal constant MIN_UPTIME_BPS = keccak256("programs.minUptimeBps");
    /// @dev Attestations the rolling uptime must rest on (at least the metrics registry's minimum).
    bytes32 internal constant MIN_ATTESTATIONS = keccak256("programs.minAttestations");
    /// @dev Diversity bonus of a model served by one provider, bps of settled earnings (divided by the providers).
    bytes32 internal constant DIVERSITY_BPS = keccak256("programs.diversityBps");
    /// @dev Loyalty bonus, bps of the provider's settled earnings.
    bytes32 internal constant LOYALTY_BPS = keccak256("programs.loyaltyBps");
    /// @dev Continuous activity that earns the loyalty bonus, seconds.
    bytes32 internal constant LOYALTY_TENURE = keccak256("programs.loyaltyTenure");
    /// @dev Longest gap between two sightings of an active provider before its tenure restarts, seconds.
    bytes32 internal constant MAX_SIGHTING_GAP = keccak256("programs.maxSightingGap");
    /// @dev Bonus one provider may earn from one program in a 30-day period, token wei.
    bytes32 internal constant BONUS_ACCOUNT_CAP = keccak256("programs.bonusAccountCap");
    /// @dev Bonus one program pays in a 30-day period, token wei.
    bytes32 internal constant BONUS_PERIOD_CAP = keccak256("programs.bonusPeriodCap");
}
