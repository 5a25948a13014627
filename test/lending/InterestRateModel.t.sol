// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {DebtIndex} from "../../contracts/lending/DebtIndex.sol";
import {InterestRateModel} from "../../contracts/lending/InterestRateModel.sol";
import {Test} from "../utils/Test.sol";
import {RAY} from "../../contracts/common/Constants.sol";

/// @dev Curve of the Qerun preset: base 2%, slope1 6% up to the 80% kink, slope2 80% from there to 100%.
contract InterestRateModelTest is Test {
    function _rate(uint256 u) internal pure returns (uint256) {
        return InterestRateModel.borrowRate(u, 200, 600, 8_000, 8_000);
    }

    function test_borrowRate_alongTheCurve() public pure {
        assertEq(_rate(0), 0.02e18, "base at 0%");
        assertEq(_rate(0.4e18), 0.05e18, "2% + 6% x 40/80 at 40%");
        assertEq(_rate(0.8e18), 0.08e18, "2% + 6% at the kink");
        assertEq(_rate(0.9e18), 0.48e18, "8% + 80% x 10/20 at 90%");
        assertEq(_rate(1e18), 0.88e18, "8% + 80% at 100%");
    }

    function test_borrowRate_roundsUp() public pure {
        // 6% x 1 wei / 80% = 0.075 wei: rounded up to 1.
        assertEq(_rate(1), 0.02e18 + 1, "the borrowers' rate never rounds down");
    }

    function test_utilization() public pure {
        assertEq(InterestRateModel.utilization(0, 0), 0, "empty vault");
        assertEq(InterestRateModel.utilization(1_000e6, 999_000e6), 0.001e18, "0.1%");
        assertEq(InterestRateModel.utilization(5, 0), 1e18, "all lent");
    }

    function testFuzz_borrowRate_monotonicAndBounded(uint256 a, uint256 b) public pure {
        a = bound(a, 0, 1e18);
        b = bound(b, a, 1e18);
        assertLe(_rate(a), _rate(b), "non-decreasing in utilization");
        assertLe(_rate(b), 0.88e18, "at most base + slope1 + slope2");
        assertGe(_rate(a), 0.02e18, "at least the base rate");
    }

    function testFuzz_debtIndex_roundsForTheProtocol(uint256 assets, uint256 index) public pure {
        assets = bound(assets, 0, 1e30);
        index = bound(index, RAY, 100 * RAY);
        assertGe(
            DebtIndex.toAssetsUp(DebtIndex.toScaledUp(assets, index), index),
            assets,
            "a draw is never owed for less than it paid out"
        );
        assertLe(
            DebtIndex.toAssetsDown(DebtIndex.toScaledDown(assets, index), index),
            assets,
            "a repayment never removes more debt than it pays"
        );
    }
}
