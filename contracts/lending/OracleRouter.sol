// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {IOracleRouter} from "../interfaces/IOracleRouter.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {AggregatorV3Interface} from "../interfaces/external/AggregatorV3Interface.sol";
import {LendingKeys} from "../libraries/LendingKeys.sol";
import {BPS} from "../common/Constants.sol";

/// @title OracleRouter
/// @notice Validated, WAD-normalised collateral/USD (QER in the Qerun preset) and ETH/USD prices from Chainlink feeds,
/// and the guarded collateral price.
contract OracleRouter is IOracleRouter, Parameterized {
    AggregatorV3Interface private immutable _COLLATERAL_FEED;
    AggregatorV3Interface private immutable _ETH_FEED;
    /// @dev Zero where the chain has no sequencer (L1, devnet).
    AggregatorV3Interface private immutable _SEQUENCER_FEED;
    /// @dev answer * MUL / DIV is the WAD price; one of the two is 1.
    uint256 private immutable _COLLATERAL_MUL;
    uint256 private immutable _COLLATERAL_DIV;
    uint256 private immutable _ETH_MUL;
    uint256 private immutable _ETH_DIV;
    uint256 private immutable _COLLATERAL_MIN;
    uint256 private immutable _COLLATERAL_MAX;
    uint256 private immutable _ETH_MIN;
    uint256 private immutable _ETH_MAX;

    /// @dev The guard's state, one slot: prices fit 96 bits because every accepted price is at most `_COLLATERAL_MAX`.
    struct Reference {
        uint96 price;
        uint96 lastSpot;
        uint64 updatedAt;
    }

    OracleParams private _params;
    Reference private _reference;

    /// @notice Deploys the router and anchors the guard's reference at the current QER price.
    /// @param authority The preset's AccessManager.
    /// @param collateral The collateral's USD feed (QER/USD in the Qerun preset) and its sanity range.
    /// @param eth The ETH/USD feed and its sanity range.
    /// @param sequencerFeed The L2 sequencer-uptime feed, or the zero address where there is none.
    /// @param params Initial governed numbers (from the preset).
    constructor(
        address authority,
        FeedConfig memory collateral,
        FeedConfig memory eth,
        address sequencerFeed,
        OracleParams memory params
    ) AccessManaged(authority) {
        (_COLLATERAL_MUL, _COLLATERAL_DIV) = _scale(collateral);
        (_ETH_MUL, _ETH_DIV) = _scale(eth);
        _COLLATERAL_FEED = AggregatorV3Interface(collateral.feed);
        _ETH_FEED = AggregatorV3Interface(eth.feed);
        _SEQUENCER_FEED = AggregatorV3Interface(sequencerFeed);
        _COLLATERAL_MIN = collateral.minPrice;
        _COLLATERAL_MAX = collateral.maxPrice;
        _ETH_MIN = eth.minPrice;
        _ETH_MAX = eth.maxPrice;
        _setParameter(LendingKeys.COLLATERAL_MAX_AGE, params.collateralMaxAge);
        _setParameter(LendingKeys.ETH_MAX_AGE, params.ethMaxAge);
        _setParameter(LendingKeys.SEQUENCER_GRACE_PERIOD, params.sequencerGracePeriod);
        _setParameter(LendingKeys.MAX_PRICE_JUMP_BPS, params.maxPriceJumpBps);
        _setParameter(LendingKeys.PRICE_JUMP_WINDOW, params.priceJumpWindow);

        uint96 spot = uint96(_collateralSpot()); // fits: at most _COLLATERAL_MAX < 2^96
        _reference = Reference({price: spot, lastSpot: spot, updatedAt: uint64(block.timestamp)});
        emit ReferencePriceUpdated(spot, spot);
    }

    // ------------------------------------------------------------------ prices

    /// @inheritdoc IOracleRouter
    function collateralPrice() external view returns (uint256) {
        _checkSequencer();
        return _collateralSpot();
    }

    /// @inheritdoc IOracleRouter
    function ethPrice() external view returns (uint256) {
        _checkSequencer();
        return _read(_ETH_FEED, _params.ethMaxAge, _ETH_MUL, _ETH_DIV, _ETH_MIN, _ETH_MAX);
    }

    /// @inheritdoc IOracleRouter
    function ethPriceOrZero() external view returns (uint256 price) {
        _checkSequencer();
        (, int256 answer, , uint256 updatedAt, ) = _ETH_FEED.latestRoundData();
        if (answer <= 0 || updatedAt > block.timestamp || block.timestamp - updatedAt > _params.ethMaxAge) return 0;
        uint256 raw = uint256(answer); // positive, checked above
        price = raw <= type(uint256).max / _ETH_MUL ? (raw * _ETH_MUL) / _ETH_DIV : type(uint256).max;
        if (price < _ETH_MIN || price > _ETH_MAX) return 0;
    }

    /// @inheritdoc IOracleRouter
    function collateralGuardedPrice() external returns (uint256 price) {
        _checkSequencer();
        uint256 spot = _collateralSpot();
        price = _nextReference(_reference, spot);
        // Both fit 96 bits: each is at most _COLLATERAL_MAX.
        _reference = Reference({price: uint96(price), lastSpot: uint96(spot), updatedAt: uint64(block.timestamp)});
        emit ReferencePriceUpdated(price, spot);
    }

    /// @inheritdoc IOracleRouter
    function previewCollateralGuardedPrice() external view returns (uint256) {
        _checkSequencer();
        return _nextReference(_reference, _collateralSpot());
    }

    /// @inheritdoc IOracleRouter
    function priceReference() external view returns (uint256 referencePrice, uint256 lastSpotPrice, uint256 updatedAt) {
        Reference memory r = _reference;
        return (r.price, r.lastSpot, r.updatedAt);
    }

    /// @inheritdoc IOracleRouter
    function feeds()
        external
        view
        returns (FeedConfig memory collateral, FeedConfig memory eth, address sequencerFeed)
    {
        collateral = FeedConfig({
            feed: address(_COLLATERAL_FEED),
            minPrice: _COLLATERAL_MIN,
            maxPrice: _COLLATERAL_MAX
        });
        eth = FeedConfig({feed: address(_ETH_FEED), minPrice: _ETH_MIN, maxPrice: _ETH_MAX});
        sequencerFeed = address(_SEQUENCER_FEED);
    }

    /// @inheritdoc IOracleRouter
    function oracleParams() external view returns (OracleParams memory) {
        return _params;
    }

    // ------------------------------------------------------------------ parameters

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        OracleParams memory p = _params;
        if (key == LendingKeys.COLLATERAL_MAX_AGE) return p.collateralMaxAge;
        if (key == LendingKeys.ETH_MAX_AGE) return p.ethMaxAge;
        if (key == LendingKeys.SEQUENCER_GRACE_PERIOD) return p.sequencerGracePeriod;
        if (key == LendingKeys.MAX_PRICE_JUMP_BPS) return p.maxPriceJumpBps;
        if (key == LendingKeys.PRICE_JUMP_WINDOW) return p.priceJumpWindow;
        revert UnknownParameter(key);
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        if (value > type(uint32).max) revert InvalidParameterValue(key, value);
        uint32 v = uint32(value); // checked just above
        if (key == LendingKeys.COLLATERAL_MAX_AGE) {
            if (v == 0) revert InvalidParameterValue(key, value);
            _params.collateralMaxAge = v;
        } else if (key == LendingKeys.ETH_MAX_AGE) {
            if (v == 0) revert InvalidParameterValue(key, value);
            _params.ethMaxAge = v;
        } else if (key == LendingKeys.SEQUENCER_GRACE_PERIOD) {
            _params.sequencerGracePeriod = v;
        } else if (key == LendingKeys.MAX_PRICE_JUMP_BPS) {
            _params.maxPriceJumpBps = v;
        } else if (key == LendingKeys.PRICE_JUMP_WINDOW) {
            if (v == 0) revert InvalidParameterValue(key, value);
            _params.priceJumpWindow = v;
        } else {
            revert UnknownParameter(key);
        }
    }

    // ------------------------------------------------------------------ internals

    function _collateralSpot() private view returns (uint256) {
        return
            _read(
                _COLLATERAL_FEED,
                _params.collateralMaxAge,
                _COLLATERAL_MUL,
                _COLLATERAL_DIV,
                _COLLATERAL_MIN,
                _COLLATERAL_MAX
            );
    }

    /// @dev The reference after an update at `spot`: toward the spot seen at the previous update, rising at most
    /// `maxPriceJumpBps` per window elapsed since then (at most one window's worth), never above the spot now.
    function _nextReference(Reference memory r, uint256 spot) private view returns (uint256 price) {
        // The two numbers it needs, read one by one (copying the whole struct would read all five).
        uint256 window = _params.priceJumpWindow;
        uint256 jumpBps = _params.maxPriceJumpBps;
        uint256 elapsed = block.timestamp - r.updatedAt;
        if (elapsed > window) elapsed = window;
        // Plain arithmetic: a price below 2^96 times two 32-bit numbers fits.
        uint256 rise = (uint256(r.price) * jumpBps * elapsed) / (BPS * window);
        price = Math.min(Math.min(spot, r.lastSpot), r.price + rise);
    }

    function _read(
        AggregatorV3Interface feed,
        uint256 maxAge,
        uint256 mul,
        uint256 div,
        uint256 minPrice,
        uint256 maxPrice
    ) private view returns (uint256 price) {
        (, int256 answer, , uint256 updatedAt, ) = feed.latestRoundData();
        if (answer <= 0) revert NonPositivePrice(address(feed), answer);
        if (updatedAt > block.timestamp) revert FuturePrice(address(feed), updatedAt, block.timestamp);
        if (block.timestamp - updatedAt > maxAge) revert StalePrice(address(feed), updatedAt, maxAge);
        uint256 raw = uint256(answer); // positive, checked above
        // An absurd answer saturates instead of overflowing; the range check then refuses it.
        price = raw <= type(uint256).max / mul ? (raw * mul) / div : type(uint256).max;
        if (price < minPrice || price > maxPrice) revert PriceOutOfRange(address(feed), price, minPrice, maxPrice);
    }

    /// @dev Chainlink convention: status 0 is up, 1 is down; `startedAt` is when the status last changed.
    function _checkSequencer() private view {
        if (address(_SEQUENCER_FEED) == address(0)) return;
        (, int256 status, uint256 startedAt, , ) = _SEQUENCER_FEED.latestRoundData();
        // A zero `startedAt` is an uninitialised round (seen on Arbitrum): not a proof the sequencer is up.
        if (status != 0 || startedAt == 0) revert SequencerDown(address(_SEQUENCER_FEED));
        uint256 graceEndsAt = startedAt + _params.sequencerGracePeriod;
        if (block.timestamp < graceEndsAt) revert SequencerGracePeriodNotOver(startedAt, graceEndsAt);
    }

    /// @dev Normalisation factors of a feed, after checking its configuration.
    function _scale(FeedConfig memory config) private view returns (uint256 mul, uint256 div) {
        if (
            config.feed == address(0) ||
            config.minPrice == 0 ||
            config.minPrice > config.maxPrice ||
            config.maxPrice > type(uint96).max
        ) revert InvalidFeedConfig(config.feed, config.minPrice, config.maxPrice);
        uint8 decimals = AggregatorV3Interface(config.feed).decimals();
        if (decimals > 36) revert InvalidFeedConfig(config.feed, config.minPrice, config.maxPrice);
        if (decimals <= 18) return (10 ** (18 - decimals), 1);
        return (1, 10 ** (decimals - 18));
    }
}
