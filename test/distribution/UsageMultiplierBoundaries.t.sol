// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {SqrtShares} from "../../contracts/libraries/SqrtShares.sol";
import {UsageMultiplier} from "../../contracts/libraries/UsageMultiplier.sol";
import {Test} from "../utils/Test.sol";

/// @notice The distribution's ratio and share math at its exact edges: the cap threshold when it is not a whole
/// number of wei, a sum of roots of one, and the weighted average with uneven weights.
contract UsageMultiplierBoundariesTest is Test {
    function test_ratio_justBelowAFractionalCapThreshold() public pure {
        // Target 3, cap 1.5x: the cap is reached at 4.5 wei, so 4 wei is below it: floor(4 / 3) = 1.333...x.
        assertEq(UsageMultiplier.ratio(4, 3, 1.5e18), 1_333_333_333_333_333_333, "4 of 3: below the cap");
        assertEq(UsageMultiplier.ratio(5, 3, 1.5e18), 1.5e18, "5 of 3: capped");
    }

    function test_compute_unevenWeights() public pure {
        // Weights 1 : 2 : 4 (sum 7); ratios 1x, 0.5x, 2x (the cap): (1 + 1 + 8) / 7 = 1.428571428571428571x.
        UsageMultiplier.Config memory c = UsageMultiplier.Config({
            revenueTarget: 10,
            activeTarget: 10,
            stakeTarget: 10,
            revenueWeight: 1,
            activeWeight: 2,
            stakeWeight: 4,
            minWad: 0.5e18,
            maxWad: 2e18
        });
        uint256 m = UsageMultiplier.compute(UsageMultiplier.Measures({revenue: 10, active: 5, stake: 20}), c);
        assertEq(m, 1_428_571_428_571_428_571, "10 / 7, rounded down");
        // Only the first measure counts when the others are weighted zero.
        c.activeWeight = 0;
        c.stakeWeight = 0;
        assertEq(
            UsageMultiplier.compute(UsageMultiplier.Measures({revenue: 15, active: 0, stake: 0}), c),
            1.5e18,
            "1.5x"
        );
    }

    function test_shareOf_aSumOfOneRoot() public pure {
        assertEq(SqrtShares.shareOf(10, 1, 1), 10, "the only root takes everything");
        assertEq(SqrtShares.shareOf(10, 0, 0), 0, "no roots, nothing");
        assertEq(SqrtShares.shareOf(10, 1, 3), 3, "floor(10 / 3)");
    }
}
