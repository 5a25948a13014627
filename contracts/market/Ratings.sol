// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {IFeeRouter} from "../interfaces/IFeeRouter.sol";
import {IIncentivePools} from "../interfaces/IIncentivePools.sol";
import {IInferenceMarket} from "../interfaces/IInferenceMarket.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IRatings} from "../interfaces/IRatings.sol";
import {MarketKeys} from "../libraries/MarketKeys.sol";
import {ProgramKeys} from "../libraries/ProgramKeys.sol";
import {RollingCap} from "../libraries/RollingCap.sol";
import {BPS} from "../common/Constants.sol";

/// @title Ratings
/// @notice Paid-weighted provider ratings backed by the market's settled channels, and feedback rewards from a
/// funded pool. Immutable, AccessManaged.
contract Ratings is IRatings, Parameterized, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @dev A provider's rating sums in one slot.
    struct Sums {
        uint128 weight;
        uint104 weightedStars;
        uint24 count;
    }

    /// @dev The pool in two slots, with the part of its rolling cap in use as written at `capUpdatedAt`.
    struct Pool {
        uint128 funded;
        uint128 spent;
        uint64 capUpdatedAt;
        uint128 capUsed;
    }

    /// @dev The part of an account's rolling cap in use, as written at `updatedAt`.
    struct Spent {
        uint64 updatedAt;
        uint128 used;
    }
    uint256 private constant MIN_STARS = 1;
    uint256 private constant MAX_STARS = 5;

    /// @inheritdoc IRatings
    uint256 public constant PERIOD = 30 days;
    /// @inheritdoc IRatings
    uint256 public constant MAX_RATING_WEIGHT_BPS = 5_000;

    IERC20 private immutable _TOKEN;
    IInferenceMarket private immutable _MARKET;
    IFeeRouter private immutable _ROUTER;
    IIncentivePools private immutable _INCENTIVES;

    Parameters private _params;
    Pool private _pool;
    mapping(address provider => Sums) private _sums;
    mapping(bytes32 channelKey => uint256) private _rated;
    mapping(address account => Spent) private _spent;

    /// @notice Deploys the ratings over the market's channels.
    /// @param market_ The inference market (its token, fee router and incentive pools are read from it).
    /// @param authority The preset's AccessManager.
    /// @param parameters Initial parameters (the preset).
    constructor(IInferenceMarket market_, address authority, Parameters memory parameters) AccessManaged(authority) {
        if (address(market_) == address(0)) revert ZeroAddress();
        _MARKET = market_;
        _TOKEN = IERC20(market_.token());
        _ROUTER = IFeeRouter(market_.feeRouter());
        _INCENTIVES = IIncentivePools(market_.incentives());
        if (
            parameters.feedbackBps > BPS ||
            parameters.periodCap == 0 ||
            parameters.accountCap == 0 ||
            parameters.ratingWeightBps > MAX_RATING_WEIGHT_BPS
        ) {
            revert InvalidConfiguration();
        }
        _params = parameters;
        _checkHeadroom(parameters.feedbackBps);
    }

    /// @inheritdoc IRatings
    function fund(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        _pool.funded = SafeCast.toUint128(_pool.funded + amount);
        emit FeedbackFunded(msg.sender, amount);
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IRatings
    function rate(
        Channel calldata channel,
        uint256 stars,
        bytes32 reviewHash
    ) external nonReentrant returns (uint256 weight, uint256 reward) {
        if (stars < MIN_STARS || stars > MAX_STARS) revert InvalidStars(stars);
        if (reviewHash == bytes32(0)) revert EmptyReview();
        if (channel.provider == msg.sender) revert SelfRating(msg.sender);
        bytes32 key = channelKey(msg.sender, channel);
        uint256 settled = _MARKET.channel(key).settledAmount;
        uint256 rated = _rated[key];
        if (settled <= rated) revert NoSettledPayment(msg.sender, channel.provider, settled, rated);
        weight = settled - rated;
        _rated[key] = settled;

        Sums memory s = _sums[channel.provider];
        s.weight = SafeCast.toUint128(uint256(s.weight) + weight);
        s.weightedStars = SafeCast.toUint104(uint256(s.weightedStars) + stars * weight);
        s.count = SafeCast.toUint24(uint256(s.count) + 1);
        _sums[channel.provider] = s;

        reward = _reward(msg.sender, weight);
        emit Rated(msg.sender, channel.provider, key, stars, weight, reviewHash, reward);
        if (reward != 0) _TOKEN.safeTransfer(msg.sender, reward);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IRatings
    function ratingOf(address provider) external view returns (RatingView memory v) {
        Sums memory s = _sums[provider];
        v.weight = s.weight;
        v.weightedStars = s.weightedStars;
        v.count = s.count;
        if (s.weight != 0) v.averageStarsBps = (uint256(s.weightedStars) * BPS) / s.weight;
    }

    /// @inheritdoc IRatings
    function qualityInputOf(address provider) external view returns (uint256 scoreBps, uint256 weightBps) {
        Sums memory s = _sums[provider];
        if (s.weight == 0) return (0, 0);
        // Stars are 1-5, so weightedStars >= weight; (average - 1) / 4 of 10,000, one rounding, down.
        scoreBps = Math.mulDiv(uint256(s.weightedStars) - s.weight, BPS, uint256(s.weight) * (MAX_STARS - MIN_STARS));
        Parameters memory p = _params;
        if (s.weight >= p.minRatedWeight) weightBps = p.ratingWeightBps;
    }

    /// @inheritdoc IRatings
    function channelKey(address consumer, Channel calldata channel) public pure returns (bytes32) {
        // The market's key: keccak256(abi.encode(consumer, provider, modelId, priorityBps, batch, epoch)).
        return
            keccak256(
                abi.encode(
                    consumer,
                    channel.provider,
                    channel.modelId,
                    channel.priorityBps,
                    channel.batch,
                    channel.epoch
                )
            );
    }

    /// @inheritdoc IRatings
    function ratedOf(bytes32 key) external view returns (uint256) {
        return _rated[key];
    }

    /// @inheritdoc IRatings
    function accountCapUsed(address account) external view returns (uint256) {
        Spent memory a = _spent[account];
        return RollingCap.inUse(a.used, a.updatedAt, _params.accountCap, PERIOD);
    }

    /// @inheritdoc IRatings
    function poolInfo() external view returns (PoolView memory) {
        Pool memory p = _pool;
        return
            PoolView({
                funded: p.funded,
                spent: p.spent,
                capUsed: RollingCap.inUse(p.capUsed, p.capUpdatedAt, _params.periodCap, PERIOD)
            });
    }

    /// @inheritdoc IRatings
    function effectiveFeedbackBps() public view returns (uint256) {
        return Math.min(_params.feedbackBps, _headroomBps());
    }

    /// @inheritdoc IRatings
    function market() external view returns (address) {
        return address(_MARKET);
    }

    // ------------------------------------------------------------------ parameters

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        Parameters memory p = _params;
        if (key == ProgramKeys.FEEDBACK_REWARD) return p.feedbackReward;
        if (key == ProgramKeys.FEEDBACK_BPS) return p.feedbackBps;
        if (key == ProgramKeys.FEEDBACK_ACCOUNT_CAP) return p.accountCap;
        if (key == ProgramKeys.FEEDBACK_PERIOD_CAP) return p.periodCap;
        if (key == ProgramKeys.RATING_WEIGHT_BPS) return p.ratingWeightBps;
        if (key == ProgramKeys.MIN_RATED_WEIGHT) return p.minRatedWeight;
        revert UnknownParameter(key);
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        if (key == ProgramKeys.FEEDBACK_REWARD) {
            _params.feedbackReward = value;
        } else if (key == ProgramKeys.FEEDBACK_BPS) {
            _checkHeadroom(_atMost(key, value, BPS));
            _params.feedbackBps = value;
        } else if (key == ProgramKeys.FEEDBACK_ACCOUNT_CAP) {
            if (value == 0) revert InvalidParameterValue(key, value);
            _params.accountCap = value;
        } else if (key == ProgramKeys.FEEDBACK_PERIOD_CAP) {
            if (value == 0) revert InvalidParameterValue(key, value);
            _params.periodCap = value;
        } else if (key == ProgramKeys.RATING_WEIGHT_BPS) {
            _params.ratingWeightBps = _atMost(key, value, MAX_RATING_WEIGHT_BPS);
        } else if (key == ProgramKeys.MIN_RATED_WEIGHT) {
            _params.minRatedWeight = value;
        } else {
            revert UnknownParameter(key);
        }
    }

    // ------------------------------------------------------------------ internals

    /// @dev Books and returns the reward for a review weighing `weight` of settled list value.
    function _reward(address account, uint256 weight) private returns (uint256 reward) {
        Parameters memory p = _params;
        // The least the reviewer paid: the list value less the largest discount the router may compose.
        uint256 leastPaid = Math.mulDiv(
            weight,
            BPS - _ROUTER.parameter(MarketKeys.MAX_TOTAL_DISCOUNT_BPS),
            BPS,
            Math.Rounding.Floor
        );
        reward = Math.min(p.feedbackReward, Math.mulDiv(leastPaid, effectiveFeedbackBps(), BPS, Math.Rounding.Floor));
        if (reward == 0) return 0;

        Pool memory pool = _pool;
        Spent memory a = _spent[account];
        uint256 poolUsed = RollingCap.inUse(pool.capUsed, pool.capUpdatedAt, p.periodCap, PERIOD);
        uint256 accountUsed = RollingCap.inUse(a.used, a.updatedAt, p.accountCap, PERIOD);
        reward = Math.min(reward, RollingCap.room(p.accountCap, accountUsed));
        reward = Math.min(reward, RollingCap.room(p.periodCap, poolUsed));
        reward = Math.min(reward, pool.funded - pool.spent);
        if (reward == 0) return 0;
        // reward <= funded - spent, and each part in use is at most its cap (or what was written before, when a cap
        // was lowered), so the sums stay within uint128.
        pool.spent += uint128(reward);
        (pool.capUsed, pool.capUpdatedAt) = (uint128(poolUsed + reward), uint64(block.timestamp));
        (a.used, a.updatedAt) = (uint128(accountUsed + reward), uint64(block.timestamp));
        _pool = pool;
        _spent[account] = a;
    }

    /// @dev The largest feedback rate that keeps every consumer incentive below the protocol's share.
    function _headroomBps() private view returns (uint256) {
        uint256 protocol = _ROUTER.protocolBps();
        uint256 pools = _INCENTIVES.incentiveBps();
        return protocol > pools + 1 ? protocol - pools - 1 : 0;
    }

    function _checkHeadroom(uint256 feedbackBps) private view {
        uint256 headroom = _headroomBps();
        if (feedbackBps > headroom) revert FeedbackAboveHeadroom(feedbackBps, headroom);
    }
}
