// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IParameterized} from "./IParameterized.sol";

/// @title IRatings
/// @notice Provider ratings by paying consumers and feedback rewards (QUIVer: small rewards for detailed
/// provider reviews, and a 5-star system with written reviews). A consumer rates a provider from one of its market
/// channels with that provider: 1 to 5 stars and the hash of its written review (stored off-chain). The rating weighs
/// the list value the channel settled since the consumer last rated from it, read from the market's channel ledger, so
/// a rating without a settled payment is impossible and a payment backs at most one rating.
/// @dev Each provider keeps a paid-weighted sum of stars (`ratingOf`), O(1) per rating. A review earns a feedback
/// reward from a funded pool (never minted): the smallest of `feedbackReward`, `feedbackBps` of the least the
/// reviewer can have paid for the rated volume (list value less the router's largest composed discount), what is
/// left of the reviewer's and the pool's rolling 30-day caps, and what remains in the pool. `feedbackBps` plus the
/// incentive pools' rates stay below the router's protocol share (checked when set and clamped at every rating), so a
/// consumer that is also the provider (through any number of identities) earns back less than its payments cost it.
/// Invariant: `spent <= funded`, the balance equals `funded - spent`.
///
/// Quality input (`qualityInputOf`): the paid-weighted average mapped to a 0-10,000 score (1 star 0, 5 stars 10,000,
/// rounded down) and the governed rating weight the metrics registry blends it with accuracy at. The ratings count
/// only once the provider's rated weight reaches the governed `minRatedWeight` (list value), so one small payment
/// cannot set a provider's score; below it the weight read is 0 (accuracy alone).
interface IRatings is IParameterized {
    /// @notice The market channel a rating comes from (the market's channel key with the caller as consumer).
    /// @param provider The provider rated.
    /// @param batch Whether it is a batch channel.
    /// @param modelId The channel's model.
    /// @param priorityBps The channel's priority.
    /// @param epoch The pair's reserve epoch of the channel.
    struct Channel {
        address provider;
        bool batch;
        bytes32 modelId;
        uint256 priorityBps;
        uint256 epoch;
    }

    /// @notice Initial values of the governed parameters (keys in `ProgramKeys`).
    /// @param feedbackReward Largest reward for one review, token wei.
    /// @param feedbackBps Largest reward as bps of the least the reviewer paid for the rated volume.
    /// @param accountCap Rewards one account may earn per rolling 30 days (`RollingCap`), token wei.
    /// @param periodCap Rewards the pool pays per rolling 30 days (`RollingCap`), token wei.
    /// @param ratingWeightBps Share of the quality score the ratings take from accuracy, bps (at most
    /// `MAX_RATING_WEIGHT_BPS`).
    /// @param minRatedWeight Rated list value a provider needs before its ratings count in its quality, token wei.
    struct Parameters {
        uint256 feedbackReward;
        uint256 feedbackBps;
        uint256 accountCap;
        uint256 periodCap;
        uint256 ratingWeightBps;
        uint256 minRatedWeight;
    }

    /// @notice A provider's ratings.
    /// @param weight Settled list value behind its ratings, token wei.
    /// @param weightedStars Sum of stars x weight.
    /// @param averageStarsBps Paid-weighted average, 10,000 = 1 star, 50,000 = 5 stars (0 when unrated).
    /// @param count Ratings received.
    struct RatingView {
        uint256 weight;
        uint256 weightedStars;
        uint256 averageStarsBps;
        uint256 count;
    }

    /// @notice The feedback pool's totals.
    /// @param funded Everything funded.
    /// @param spent Everything paid (at most `funded`).
    /// @param capUsed The part of the pool's rolling 30-day cap in use now (it drains at the cap per 30 days).
    struct PoolView {
        uint256 funded;
        uint256 spent;
        uint256 capUsed;
    }

    /// @notice The feedback pool was funded.
    /// @param funder Who paid.
    /// @param amount Tokens added.
    event FeedbackFunded(address indexed funder, uint256 amount);

    /// @notice A consumer rated a provider.
    /// @param consumer The rater (it paid the provider through the channel).
    /// @param provider The provider.
    /// @param channelKey The market channel the payment was settled in.
    /// @param stars 1 to 5.
    /// @param weight Settled list value the rating weighs, token wei.
    /// @param reviewHash Hash of the written review.
    /// @param reward Feedback reward paid to the consumer.
    event Rated(
        address indexed consumer,
        address indexed provider,
        bytes32 indexed channelKey,
        uint256 stars,
        uint256 weight,
        bytes32 reviewHash,
        uint256 reward
    );

    /// @notice A zero amount.
    error ZeroAmount();
    /// @notice The zero address.
    error ZeroAddress();
    /// @notice Stars outside 1-5.
    error InvalidStars(uint256 stars);
    /// @notice A rating needs the hash of a written review.
    error EmptyReview();
    /// @notice A provider cannot rate itself.
    error SelfRating(address account);
    /// @notice The channel settled nothing since the consumer last rated from it (or never settled at all).
    /// @param consumer The would-be rater.
    /// @param provider The provider.
    /// @param settled The channel's settled list value.
    /// @param rated What earlier ratings from the channel already weighed.
    error NoSettledPayment(address consumer, address provider, uint256 settled, uint256 rated);
    /// @notice The preset's initial values break a rule of the ratings.
    error InvalidConfiguration();
    /// @notice The feedback rate would reach the protocol's share left after the incentive pools' rates.
    /// @param feedbackBps The feedback rate.
    /// @param headroomBps The largest rate allowed now.
    error FeedbackAboveHeadroom(uint256 feedbackBps, uint256 headroomBps);

    /// @notice Adds `amount` to the feedback pool (pulled from the caller; approve first). Anyone may fund.
    /// @param amount Tokens, in wei.
    function fund(uint256 amount) external;

    /// @notice Rates `channel.provider` from the caller's channel with it and pays the caller's feedback reward.
    /// @dev Reverts `NoSettledPayment` when the channel settled nothing since the caller last rated from it.
    /// @param channel The caller's channel with the provider.
    /// @param stars 1 to 5.
    /// @param reviewHash Hash of the written review (non-zero).
    /// @return weight Settled list value the rating weighs.
    /// @return reward Feedback reward paid.
    function rate(
        Channel calldata channel,
        uint256 stars,
        bytes32 reviewHash
    ) external returns (uint256 weight, uint256 reward);

    /// @notice A provider's ratings.
    /// @param provider The provider.
    /// @return Its weight, weighted stars, average and count.
    function ratingOf(address provider) external view returns (RatingView memory);

    /// @notice The market's key of a channel with `consumer` as its consumer.
    /// @param consumer The consumer.
    /// @param channel The channel.
    /// @return The key (`IInferenceMarket.channel` reads it).
    function channelKey(address consumer, Channel calldata channel) external pure returns (bytes32);

    /// @notice Settled list value of a channel already weighed by ratings.
    /// @param key The channel key.
    /// @return Token wei.
    function ratedOf(bytes32 key) external view returns (uint256);

    /// @notice The part of an account's rolling 30-day feedback cap in use now (what it was paid, drained at the cap
    /// per 30 days).
    /// @param account The account.
    /// @return Token wei.
    function accountCapUsed(address account) external view returns (uint256);

    /// @notice The feedback pool's totals.
    /// @return The totals.
    function poolInfo() external view returns (PoolView memory);

    /// @notice The feedback rate a rating applies now: `feedbackBps` clamped below the protocol's share left after
    /// the incentive pools' rates.
    /// @return Bps.
    function effectiveFeedbackBps() external view returns (uint256);

    /// @notice A provider's input to its quality score (read by the metrics registry's `syncPerformance`).
    /// @dev `scoreBps = (average stars - 1) x 10,000 / 4`, computed from the sums and rounded down (0 when unrated).
    /// `weightBps` is `ratingWeightBps` once the provider's rated weight is at least `minRatedWeight` (and non-zero),
    /// else 0: the registry then uses accuracy alone.
    /// @param provider The provider.
    /// @return scoreBps Its paid-weighted rating as a score, 0 to 10,000.
    /// @return weightBps The weight the score takes in the quality blend, bps (0: not counted).
    function qualityInputOf(address provider) external view returns (uint256 scoreBps, uint256 weightBps);

    /// @notice The market whose channels back ratings.
    /// @return Its address.
    function market() external view returns (address);

    /// @notice The most the rating weight may be set to, bps (5,000: ratings never outweigh accuracy).
    /// @return Bps.
    function MAX_RATING_WEIGHT_BPS() external view returns (uint256);

    /// @notice The span of the rolling caps, seconds (30 days): a cap refills at its amount per span.
    /// @return Seconds.
    function PERIOD() external view returns (uint256);
}
