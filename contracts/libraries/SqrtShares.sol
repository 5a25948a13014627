// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title SqrtShares
/// @notice Square-root (quadratic) shares kept in O(1): each participant's value `v` counts as
/// `root(v) = floor(sqrt(v * SCALE))`, a pool keeps the running sum of the roots, and a participant's share of a
/// funding `F` is `floor(F * root(v) / sum)`.
/// @dev Precision: scaling by 1e18 before the square root keeps nine more decimal digits of `sqrt(v)`; each root is
/// at most one unit below the exact `sqrt(v) * 1e9`, so the kept sum is exact as a sum of the stored roots and
/// within `n` units (n participants) of the exact real-valued sum, a relative error below `1 / root(v)` per
/// participant. Values are at most 2^128 - 1, so `v * SCALE` cannot overflow and a root is below 2^95.
/// Shares round down: the shares of all participants never add up to more than `F`.
library SqrtShares {
    /// @notice Values are multiplied by this before the square root.
    uint256 internal constant SCALE = 1e18;

    /// @notice The root a value counts for: `floor(sqrt(value * SCALE))`.
    /// @param value The participant's value (at most 2^128 - 1, the caller casts it).
    /// @return The scaled square root, rounded down.
    function rootOf(uint256 value) internal pure returns (uint256) {
        return Math.sqrt(value * SCALE);
    }

    /// @notice A participant's share of `funding`: `floor(funding * root / sumOfRoots)`, zero when the sum is zero.
    /// @param funding What the pool pays out in total.
    /// @param root The participant's root (at most `sumOfRoots`).
    /// @param sumOfRoots The sum of all roots.
    /// @return The share, rounded down.
    function shareOf(uint256 funding, uint256 root, uint256 sumOfRoots) internal pure returns (uint256) {
        if (sumOfRoots == 0) return 0;
        return Math.mulDiv(funding, root, sumOfRoots, Math.Rounding.Floor);
    }
}
