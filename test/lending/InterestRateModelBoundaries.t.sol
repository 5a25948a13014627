// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {DebtIndex} from "../../contracts/lending/DebtIndex.sol";
import {InterestRateModel} from "../../contracts/lending/InterestRateModel.sol";
import {Test} from "../utils/Test.sol";

/// @notice Every rounding direction of the lending math on inputs with a remainder, and both sides of the kink: a
/// flipped rounding or a moved boundary changes one of these exact values.
contract InterestRateModelBoundariesTest is Test {
    uint256 internal constant RAY = 1e27;

    // ------------------------------------------------------------------ utilization

    function test_utilization_roundsDown() public pure {
        // 1 / 3 = 0.333...: floor 333,333,333,333,333,333 (rounding up would show the borrowers a higher rate).
        assertEq(InterestRateModel.utilization(1, 2), 333_333_333_333_333_333, "1 of 3 lent");
        // 2 / 3 = 0.666...: floor ...666, not ...667.
        assertEq(InterestRateModel.utilization(2, 1), 666_666_666_666_666_666, "2 of 3 lent");
    }

    function test_utilization_countsIdleAndBorrowedTogether() public pure {
        // 1 lent, 1 idle: exactly half; a `-` for the `+` would divide by zero or by 0.
        assertEq(InterestRateModel.utilization(1, 1), 0.5e18, "half");
        assertEq(InterestRateModel.utilization(0, 7), 0, "nothing lent");
        // A single wei, all of it lent: 100%, not the empty-vault zero.
        assertEq(InterestRateModel.utilization(1, 0), 1e18, "one wei, all lent");
    }

    // ------------------------------------------------------------------ borrow rate around the kink

    /// @dev Base 2%, slope1 6%, slope2 70%, kink 80%: slope2 / (1 - kink) = 3.5 per unit, so one wei above the kink
    /// adds 3.5 wei, rounded up to 4 (the borrowers pay the rounding).
    function _rate(uint256 u) internal pure returns (uint256) {
        return InterestRateModel.borrowRate(u, 200, 600, 7_000, 8_000);
    }

    function test_borrowRate_justBelowTheKinkRoundsUp() public pure {
        // 6% x (0.8e18 - 1) / 0.8e18 = 0.06e18 - 0.075 wei: rounded up to exactly 0.06e18.
        assertEq(_rate(0.8e18 - 1), 0.08e18, "one wei below the kink");
    }

    function test_borrowRate_atTheKink() public pure {
        assertEq(_rate(0.8e18), 0.08e18, "base + slope1");
    }

    function test_borrowRate_justAboveTheKinkRoundsUp() public pure {
        assertEq(_rate(0.8e18 + 1), 0.08e18 + 4, "3.5 wei rounded up");
        assertEq(_rate(0.8e18 + 2), 0.08e18 + 7, "exactly 7 wei");
    }

    function test_borrowRate_atFullUtilization() public pure {
        assertEq(_rate(1e18), 0.78e18, "2% + 6% + 70%");
    }

    function test_borrowRate_belowTheKinkWithARemainder() public pure {
        // 6% x 7 wei / 80% = 0.525 wei, rounded up to 1; 6% x 10% / 80% = 0.75% exactly.
        assertEq(_rate(7), 0.02e18 + 1, "0.525 wei rounded up");
        assertEq(_rate(0.1e18), 0.0275e18, "2% + 0.75%");
    }

    // ------------------------------------------------------------------ debt index conversions

    function test_toScaled_roundsEachWay() public pure {
        // 1 wei at an index of 3: 1/3 of a scaled unit.
        assertEq(DebtIndex.toScaledUp(1, 3 * RAY), 1, "a draw records ceil(1/3) = 1");
        assertEq(DebtIndex.toScaledDown(1, 3 * RAY), 0, "a repayment clears floor(1/3) = 0");
        assertEq(DebtIndex.toScaledUp(3, 3 * RAY), 1, "exact: no rounding up");
        assertEq(DebtIndex.toScaledDown(5, 2 * RAY), 2, "floor(2.5)");
        assertEq(DebtIndex.toScaledUp(5, 2 * RAY), 3, "ceil(2.5)");
    }

    function test_toAssets_roundsEachWay() public pure {
        // 1 scaled unit at an index of 1.5: 1.5 wei.
        assertEq(DebtIndex.toAssetsUp(1, 1.5e27), 2, "owed: ceil(1.5)");
        assertEq(DebtIndex.toAssetsDown(1, 1.5e27), 1, "credited: floor(1.5)");
        assertEq(DebtIndex.toAssetsUp(2, 1.5e27), 3, "exact");
        assertEq(DebtIndex.toAssetsDown(2, 1.5e27), 3, "exact");
    }
}
