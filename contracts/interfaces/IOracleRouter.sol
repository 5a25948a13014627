// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IParameterized} from "./IParameterized.sol";

/// @title IOracleRouter
/// @notice Validated USD prices of the collateral (QER in the Qerun preset) and ETH from Chainlink
/// `AggregatorV3Interface` feeds, normalised to WAD (1e18 = 1 USD per whole token), and a guarded collateral price
/// for borrowing.
/// @dev Every price read checks, in order: the L2 sequencer is up and out of its grace period (when a
/// sequencer-uptime feed is configured), the answer is positive, not dated in the future, not older than the
/// feed's maximum age, and within the feed's fixed sanity range.
///
/// Price-jump guard (own-token collateral: Mango 2022, Venus XVS 2021, Inverse 2022). Borrowing and collateral
/// withdrawal use `collateralGuardedPrice`, the lower of the spot price and a reference that follows the spot with a
/// delay: at each update the reference moves toward the spot seen at the previous update, by at most
/// `maxPriceJumpBps` of itself per `priceJumpWindow` elapsed since then (capped at one window), and it follows
/// any fall at once. A price must have been seen by an earlier update before it counts, so a pump within one
/// block creates no borrowing capacity, and a pump held for a whole window creates at most `maxPriceJumpBps`.
/// Liquidations use the spot price. Storage is one slot.
interface IOracleRouter is IParameterized {
    /// @notice A feed and the fixed range of prices accepted from it.
    /// @param feed The Chainlink aggregator (or its devnet mock).
    /// @param minPrice Lowest price accepted, WAD.
    /// @param maxPrice Highest price accepted, WAD; at most 2^96 - 1.
    struct FeedConfig {
        address feed;
        uint256 minPrice;
        uint256 maxPrice;
    }

    /// @notice The governed numbers of the router.
    /// @param collateralMaxAge Oldest QER/USD answer accepted, in seconds.
    /// @param ethMaxAge Oldest ETH/USD answer accepted, in seconds.
    /// @param sequencerGracePeriod Seconds after the sequencer comes back up before prices are trusted.
    /// @param maxPriceJumpBps Largest rise of the reference per window, in bps.
    /// @param priceJumpWindow The guard's window, in seconds.
    struct OracleParams {
        uint32 collateralMaxAge;
        uint32 ethMaxAge;
        uint32 sequencerGracePeriod;
        uint32 maxPriceJumpBps;
        uint32 priceJumpWindow;
    }

    /// @notice The guard's reference moved.
    /// @param referencePrice The new reference (the guarded price), WAD.
    /// @param spotPrice The spot price seen, WAD.
    event ReferencePriceUpdated(uint256 referencePrice, uint256 spotPrice);

    /// @notice A feed's answer is zero or negative.
    error NonPositivePrice(address feed, int256 answer);
    /// @notice A feed's answer is dated after the current block.
    error FuturePrice(address feed, uint256 updatedAt, uint256 timestamp);
    /// @notice A feed's answer is older than its maximum age.
    error StalePrice(address feed, uint256 updatedAt, uint256 maxAge);
    /// @notice A feed's answer, normalised to WAD, lies outside its sanity range.
    error PriceOutOfRange(address feed, uint256 price, uint256 minPrice, uint256 maxPrice);
    /// @notice The L2 sequencer is reported down.
    error SequencerDown(address sequencerFeed);
    /// @notice The L2 sequencer came back up less than a grace period ago.
    error SequencerGracePeriodNotOver(uint256 upSince, uint256 graceEndsAt);
    /// @notice A feed configuration is unusable (zero address, empty or oversized range, over 36 decimals).
    error InvalidFeedConfig(address feed, uint256 minPrice, uint256 maxPrice);

    /// @notice The spot QER/USD price, validated.
    /// @return price WAD.
    function collateralPrice() external view returns (uint256 price);

    /// @notice The spot ETH/USD price, validated.
    /// @return price WAD.
    function ethPrice() external view returns (uint256 price);

    /// @notice The spot ETH/USD price, or zero when the feed's answer is stale, non-positive, from the future or
    /// outside its sanity range (liquidation then values ETH at zero instead of reverting). A down sequencer still
    /// reverts, as for every price.
    /// @return price WAD, or zero.
    function ethPriceOrZero() external view returns (uint256 price);

    /// @notice Moves the guard's reference and returns the QER price that borrowing may use.
    /// @dev Anyone may call it (a keeper may poke it); the credit manager calls it on every borrow and
    /// collateral withdrawal. The result is never above the spot price.
    /// @return price The guarded price, WAD.
    function collateralGuardedPrice() external returns (uint256 price);

    /// @notice What `collateralGuardedPrice` would return now, without moving the reference.
    /// @return price The guarded price, WAD.
    function previewCollateralGuardedPrice() external view returns (uint256 price);

    /// @notice The guard's stored state.
    /// @return referencePrice The reference at the last update, WAD.
    /// @return lastSpotPrice The spot price seen at the last update, WAD.
    /// @return updatedAt When the reference was last updated.
    function priceReference() external view returns (uint256 referencePrice, uint256 lastSpotPrice, uint256 updatedAt);

    /// @notice The feeds and their ranges.
    /// @return collateral The collateral's USD feed configuration.
    /// @return eth The ETH/USD feed configuration.
    /// @return sequencerFeed The L2 sequencer-uptime feed, or zero where none is configured.
    function feeds() external view returns (FeedConfig memory collateral, FeedConfig memory eth, address sequencerFeed);

    /// @notice The governed numbers.
    /// @return The current values.
    function oracleParams() external view returns (OracleParams memory);
}
