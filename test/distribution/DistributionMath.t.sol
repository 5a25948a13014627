// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {LinearMix} from "../../contracts/libraries/LinearMix.sol";
import {SqrtShares} from "../../contracts/libraries/SqrtShares.sol";
import {UsageMultiplier} from "../../contracts/libraries/UsageMultiplier.sol";
import {Test} from "../utils/Test.sol";

/// @notice The three pure libraries of the distribution: chain-maturity weights, square-root shares and the usage
/// multiplier, against values computed by hand.
contract DistributionMathTest is Test {
    uint256 internal constant MIX_START = 1_815_768_000; // START + 6 months (half of 365 days)
    uint256 internal constant MIX_END = 1_831_536_000; // START + 12 months
    uint256 internal constant MID = 1_823_652_000; // halfway: 7,884,000 s after MIX_START

    // ------------------------------------------------------------------ LinearMix

    /// @dev Query fulfillment moves from 10% (early) to 40% (mature).
    function test_weight_queryFulfillmentAtStartMiddleAndEnd() public pure {
        (uint256 w, uint256 s) = LinearMix.weight(1_000, 4_000, MIX_START, MIX_START, MIX_END);
        assertEq(w, 1_000, "start: early weight");
        assertEq(s, 10_000, "start: bps scale");
        (w, s) = LinearMix.weight(1_000, 4_000, MID, MIX_START, MIX_END);
        // 1,000 x 7,884,000 + 4,000 x 7,884,000 over 10,000 x 15,768,000: exactly 25%.
        assertEq(w, 39_420_000_000, "middle: numerator");
        assertEq(s, 157_680_000_000, "middle: scale");
        (w, s) = LinearMix.weight(1_000, 4_000, MIX_END, MIX_START, MIX_END);
        assertEq(w, 4_000, "end: mature weight");
        assertEq(s, 10_000, "end: bps scale");
    }

    function test_weight_holdsOutsideTheWindow() public pure {
        (uint256 w, ) = LinearMix.weight(3_500, 1_000, 0, MIX_START, MIX_END);
        assertEq(w, 3_500, "before the window: early");
        (w, ) = LinearMix.weight(3_500, 1_000, MIX_END + 100 * 365 days, MIX_START, MIX_END);
        assertEq(w, 1_000, "long after: mature");
    }

    function test_weight_emptyWindowSwitchesAtOnce() public pure {
        (uint256 w, ) = LinearMix.weight(3_500, 1_000, MIX_START - 1, MIX_START, MIX_START);
        assertEq(w, 3_500, "before");
        (w, ) = LinearMix.weight(3_500, 1_000, MIX_START, MIX_START, MIX_START);
        assertEq(w, 1_000, "at the switch");
    }

    /// @dev Weights whose ends each add up to 10,000 keep adding up to the scale anywhere in the window.
    function testFuzz_weight_numeratorsAddUpToTheScale(uint256 t, uint16 a, uint16 b) public pure {
        t = bound(t, MIX_START - 1, MIX_END + 1);
        uint256 a0 = bound(a, 0, 10_000);
        uint256 b0 = bound(b, 0, 10_000);
        (uint256 w0, uint256 s) = LinearMix.weight(a0, b0, t, MIX_START, MIX_END);
        (uint256 w1, ) = LinearMix.weight(10_000 - a0, 10_000 - b0, t, MIX_START, MIX_END);
        assertEq(w0 + w1, s, "two complementary weights add up to the scale");
    }

    // ------------------------------------------------------------------ SqrtShares

    function test_rootOf_scalesByNineDigits() public pure {
        assertEq(SqrtShares.rootOf(100 ether), 1e19, "sqrt(100e18 x 1e18) = 1e19");
        assertEq(SqrtShares.rootOf(400 ether), 2e19, "four times the value, twice the root");
        assertEq(SqrtShares.rootOf(1), 1e9, "one wei counts for 1e9");
        // sqrt(2e18) = 1,414,213,562.37...
        assertEq(SqrtShares.rootOf(2), 1_414_213_562, "rounded down");
        assertEq(SqrtShares.rootOf(0), 0, "no value, no root");
        // (2^128 - 1) x 1e18 does not overflow; its root is below 2^95.
        assertEq(SqrtShares.rootOf(type(uint128).max), 18_446_744_073_709_551_615_999_999_999, "largest value");
    }

    function test_shareOf_splitsBySquareRoots() public pure {
        // Values 100, 400 and 900 count 1 : 2 : 3 of 600,000.
        assertEq(SqrtShares.shareOf(600_000 ether, 1e19, 6e19), 100_000 ether, "1/6");
        assertEq(SqrtShares.shareOf(600_000 ether, 2e19, 6e19), 200_000 ether, "2/6");
        assertEq(SqrtShares.shareOf(600_000 ether, 3e19, 6e19), 300_000 ether, "3/6");
        assertEq(SqrtShares.shareOf(100, 1, 3), 33, "rounded down");
        assertEq(SqrtShares.shareOf(100, 0, 0), 0, "empty pool pays nothing");
    }

    /// @dev The kept root is the floor of the exact scaled root: root^2 <= v x 1e18 < (root + 1)^2.
    function testFuzz_rootOf_isTheFloorOfTheExactRoot(uint128 value) public pure {
        uint256 root = SqrtShares.rootOf(value);
        uint256 scaled = uint256(value) * 1e18;
        assertLe(root * root, scaled, "root^2 <= v x 1e18");
        assertGt((root + 1) * (root + 1), scaled, "(root + 1)^2 > v x 1e18");
    }

    /// @dev A running sum kept by replacing old roots equals the sum recomputed from scratch, and lies within n
    /// units (one per participant) below the sum of the exact roots (bracketed by the rounded-up roots).
    function testFuzz_runningSum_equalsRecomputedSumWithinRounding(uint96[8] memory credits, uint8 seed) public pure {
        uint256[4] memory values;
        uint256[4] memory roots;
        uint256 running;
        for (uint256 i; i < 8; ++i) {
            uint256 who = (uint256(seed) + i * 3) % 4;
            values[who] += credits[i];
            uint256 root = SqrtShares.rootOf(values[who]);
            running = running - roots[who] + root;
            roots[who] = root;
        }
        uint256 floorSum;
        uint256 ceilSum;
        for (uint256 i; i < 4; ++i) {
            floorSum += Math.sqrt(values[i] * 1e18, Math.Rounding.Floor);
            ceilSum += Math.sqrt(values[i] * 1e18, Math.Rounding.Ceil);
        }
        assertEq(running, floorSum, "running sum == recomputed sum");
        assertLe(ceilSum - floorSum, 4, "within one unit per participant of the exact sum");
    }

    /// @dev Shares rounded down never add up to more than the funding, and leave less than one wei per participant.
    function testFuzz_shareOf_sharesNeverExceedFunding(uint96 funding, uint128[5] memory values) public pure {
        uint256 sum;
        uint256[5] memory roots;
        for (uint256 i; i < 5; ++i) {
            roots[i] = SqrtShares.rootOf(values[i]);
            sum += roots[i];
        }
        uint256 paid;
        for (uint256 i; i < 5; ++i) paid += SqrtShares.shareOf(funding, roots[i], sum);
        if (sum == 0) {
            assertEq(paid, 0, "nothing paid without participants");
        } else {
            assertLe(paid, funding, "shares <= funding");
            assertLt(funding - paid, 5, "dust < one wei per participant");
        }
    }

    // ------------------------------------------------------------------ UsageMultiplier

    function _config() internal pure returns (UsageMultiplier.Config memory) {
        return
            UsageMultiplier.Config({
                revenueTarget: 100_000 ether,
                activeTarget: 100,
                stakeTarget: 10_000_000 ether,
                revenueWeight: 5_000,
                activeWeight: 3_000,
                stakeWeight: 2_000,
                minWad: 0.5e18,
                maxWad: 2e18
            });
    }

    function _m(uint256 revenue, uint256 active, uint256 stake) internal pure returns (uint256) {
        return
            UsageMultiplier.compute(
                UsageMultiplier.Measures({revenue: revenue, active: active, stake: stake}),
                _config()
            );
    }

    function test_compute_weightedAverageOfRatios() public pure {
        // 0.5 x 50% + 1.5 x 30% + 1.0 x 20% = 0.25 + 0.45 + 0.20 = 0.90
        assertEq(_m(50_000 ether, 150, 10_000_000 ether), 0.9e18, "0.9x");
        // Every measure on target: 1x.
        assertEq(_m(100_000 ether, 100, 10_000_000 ether), 1e18, "1x on target");
        // 1.2 x 50% + 1.0 x 30% + 1.5 x 20% = 0.6 + 0.3 + 0.3 = 1.2
        assertEq(_m(120_000 ether, 100, 15_000_000 ether), 1.2e18, "1.2x");
    }

    function test_compute_clampsToMinAndMax() public pure {
        assertEq(_m(0, 0, 0), 0.5e18, "no usage: the 0.5x floor");
        // 0.6 x 50% + 0.6 x 30% + 0.6 x 20% = 0.6: above the floor, kept.
        assertEq(_m(60_000 ether, 60, 6_000_000 ether), 0.6e18, "0.6x");
        // 0.4 everywhere: 0.4, clamped up to 0.5.
        assertEq(_m(40_000 ether, 40, 4_000_000 ether), 0.5e18, "clamped up");
        // 3x everywhere: each ratio capped at 2, the result 2.
        assertEq(_m(300_000 ether, 300, 30_000_000 ether), 2e18, "clamped down");
        // One runaway measure cannot lift the rest above the cap: 2 x 50% + 0 + 0 = 1.
        assertEq(_m(type(uint256).max, 0, 0), 1e18, "a runaway measure counts as the cap");
    }

    function test_ratio_roundsDown() public pure {
        // 1 / 3 = 0.333... -> 333,333,333,333,333,333
        assertEq(UsageMultiplier.ratio(1, 3, 2e18), 333_333_333_333_333_333, "1/3 rounded down");
        assertEq(UsageMultiplier.ratio(2, 1, 2e18), 2e18, "at the cap");
        assertEq(UsageMultiplier.ratio(5, 1, 2e18), 2e18, "above the cap");
    }

    function testFuzz_compute_staysWithinTheClamp(uint256 revenue, uint256 active, uint256 stake) public pure {
        uint256 m = _m(revenue, active, stake);
        assertGe(m, 0.5e18, "at least the floor");
        assertLe(m, 2e18, "at most the cap");
    }

    /// @dev More usage never lowers the multiplier.
    function testFuzz_compute_isMonotonic(uint128 revenue, uint64 active, uint128 stake, uint128 more) public pure {
        assertGe(
            _m(uint256(revenue) + more, active, stake),
            _m(revenue, active, stake),
            "more revenue, no lower multiplier"
        );
        assertGe(
            _m(revenue, active, uint256(stake) + more),
            _m(revenue, active, stake),
            "more stake, no lower multiplier"
        );
    }
}
