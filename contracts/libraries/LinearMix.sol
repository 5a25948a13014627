// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BPS} from "../common/Constants.sol";

/// @title LinearMix
/// @notice Weights that move linearly from a start mix to an end mix between two timestamps (QRY's chain
/// maturity). Shared by the emission controller (its recipients) and the distribution engine (its pools).
/// @dev A weight is returned exactly, as the fraction `weight / scale`: outside the window it is the start or end
/// bps over 10,000; inside it, `(startBps * (mixEnd - t) + endBps * (t - mixStart)) / (10,000 * (mixEnd -
/// mixStart))`. When the start weights and the end weights each add up to 10,000, the numerators of a set of
/// recipients add up to the common scale, so shares rounded down once each never add up to more than the whole.
library LinearMix {
    /// @notice A weight at `timestamp`, exactly, as `weight / scale`.
    /// @param startBps Weight up to `mixStart`, in bps.
    /// @param endBps Weight from `mixEnd`, in bps.
    /// @param timestamp When to evaluate it (unix seconds).
    /// @param mixStart When the weight starts moving.
    /// @param mixEnd When it reaches `endBps` (not before `mixStart`).
    /// @return weight The numerator.
    /// @return scale The denominator: 10,000 outside the window, `10,000 * (mixEnd - mixStart)` inside it.
    function weight(
        uint256 startBps,
        uint256 endBps,
        uint256 timestamp,
        uint256 mixStart,
        uint256 mixEnd
    ) internal pure returns (uint256, uint256) {
        if (timestamp >= mixEnd) return (endBps, BPS);
        if (timestamp <= mixStart) return (startBps, BPS);
        return (startBps * (mixEnd - timestamp) + endBps * (timestamp - mixStart), BPS * (mixEnd - mixStart));
    }
}
