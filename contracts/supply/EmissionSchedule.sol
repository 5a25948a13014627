// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title EmissionSchedule
/// @notice Pure math of an emission curve: the cumulative amount emitted `elapsed` seconds after the start, from
/// a table of yearly amounts, then a tail that halves the last table amount every `halvingYears` years, capped
/// by the allocation. Release is linear within each year.
/// @dev A year is 365 days. Year `y` (0-based) runs over `[y * YEAR, (y + 1) * YEAR)`. For the QUIVer table
/// `[70M, 52.5M, 35M, 35M, 21M x 6]` with `halvingYears = 4`, the tail is 10.5M a year in years 11-14 (1-based),
/// 5.25M in years 15-18, and so on; a 350M cap is reached exactly at the end of year 13.
///
/// Exactness: `emitted(t) = min(cap, E(y) + floor(amount(y) * s / YEAR))` where `E(y)` is the exact sum of the
/// whole years before `y` and `s` the seconds into year `y`. At every year boundary `s = 0`, so the curve equals
/// the integer sum of the table exactly; within a year the floor is non-decreasing in `s` and reaches
/// `amount(y)` at `s = YEAR`, so the curve is continuous at boundaries and monotonic everywhere. Rounding is
/// down: the curve never runs ahead of the exact (real-valued) linear schedule.
///
/// Tail amounts are `last >> k` (halving rounds down, never up). Bounds checked by `validate` keep every sum
/// far from overflow: each yearly amount is at most the cap, the cap at most 2^208 - 1 (what ERC20Votes can
/// checkpoint), the table at most `MAX_TABLE_YEARS` long and the halving period at most `MAX_HALVING_YEARS`.
library EmissionSchedule {
    /// @notice Seconds in an emission year (365 days).
    uint256 internal constant YEAR = 365 days;
    /// @notice Longest table of yearly amounts.
    uint256 internal constant MAX_TABLE_YEARS = 100;
    /// @notice Longest halving period, in years.
    uint256 internal constant MAX_HALVING_YEARS = 100;

    /// @notice The table of yearly amounts is empty or longer than `MAX_TABLE_YEARS`.
    error InvalidTableLength(uint256 length, uint256 max);
    /// @notice The halving period is zero or longer than `MAX_HALVING_YEARS`.
    error InvalidHalvingPeriod(uint256 halvingYears, uint256 max);
    /// @notice The cap is zero or above 2^208 - 1.
    error InvalidEmissionCap(uint256 cap);
    /// @notice A year of the table emits more than the whole cap.
    error YearlyAmountAboveCap(uint256 year, uint256 amount, uint256 cap);

    /// @notice Reverts unless the curve's inputs are within the bounds the math relies on.
    /// @param yearlyAmounts Amount emitted in each year of the table, in wei.
    /// @param halvingYears Length of a halving period after the table, in years.
    /// @param cap The allocation: the curve never goes above it, in wei.
    function validate(uint256[] memory yearlyAmounts, uint256 halvingYears, uint256 cap) internal pure {
        uint256 n = yearlyAmounts.length;
        if (n == 0 || n > MAX_TABLE_YEARS) revert InvalidTableLength(n, MAX_TABLE_YEARS);
        if (halvingYears == 0 || halvingYears > MAX_HALVING_YEARS) {
            revert InvalidHalvingPeriod(halvingYears, MAX_HALVING_YEARS);
        }
        if (cap == 0 || cap > type(uint208).max) revert InvalidEmissionCap(cap);
        for (uint256 i; i < n; ++i) {
            if (yearlyAmounts[i] > cap) revert YearlyAmountAboveCap(i, yearlyAmounts[i], cap);
        }
    }

    /// @notice Cumulative amount emitted `elapsed` seconds after the start (the reference evaluation).
    /// @dev Loops over the table (at most `MAX_TABLE_YEARS` entries). The emission controller evaluates the same
    /// curve in O(1) from stored prefix sums with `tailYear` and `emittedInYear`.
    /// @param yearlyAmounts Amount emitted in each year of the table, in wei.
    /// @param halvingYears Length of a halving period after the table, in years.
    /// @param cap The allocation, in wei.
    /// @param elapsed Seconds since the emission start.
    /// @return The cumulative amount emitted, in wei, never above `cap`.
    function emittedAt(
        uint256[] memory yearlyAmounts,
        uint256 halvingYears,
        uint256 cap,
        uint256 elapsed
    ) internal pure returns (uint256) {
        uint256 year = elapsed / YEAR;
        uint256 n = yearlyAmounts.length;
        uint256 atYearStart;
        uint256 amount;
        if (year < n) {
            for (uint256 i; i < year; ++i) atYearStart += yearlyAmounts[i];
            amount = yearlyAmounts[year];
        } else {
            uint256 tableTotal;
            for (uint256 i; i < n; ++i) tableTotal += yearlyAmounts[i];
            (atYearStart, amount) = tailYear(tableTotal, yearlyAmounts[n - 1], halvingYears, year - n);
        }
        return emittedInYear(atYearStart, amount, elapsed % YEAR, cap);
    }

    /// @notice The cumulative amount at the start of a tail year, and that year's amount.
    /// @dev Tail year `j` (0-based, counted from the end of the table) lies in halving period `j / halvingYears`;
    /// period `k` (0-based) emits `lastAmount >> (k + 1)` a year. The loop adds whole periods and stops once their
    /// amount is zero, so it runs at most 256 times whatever `tailYears`.
    /// @param tableTotal Sum of the table's yearly amounts, in wei.
    /// @param lastAmount The table's last yearly amount, in wei.
    /// @param halvingYears Length of a halving period, in years.
    /// @param tailYears Whole years elapsed since the end of the table.
    /// @return atYearStart Cumulative amount (uncapped) at the start of that year, in wei.
    /// @return amount Amount emitted during that year, in wei.
    function tailYear(
        uint256 tableTotal,
        uint256 lastAmount,
        uint256 halvingYears,
        uint256 tailYears
    ) internal pure returns (uint256 atYearStart, uint256 amount) {
        uint256 periods = tailYears / halvingYears;
        atYearStart = tableTotal;
        uint256 k = 1;
        for (; k <= periods; ++k) {
            uint256 perYear = lastAmount >> k;
            if (perYear == 0) return (atYearStart, 0);
            atYearStart += perYear * halvingYears;
        }
        // k == periods + 1 here; a shift by 256 or more yields zero.
        amount = lastAmount >> k;
        atYearStart += amount * (tailYears % halvingYears);
    }

    /// @notice Cumulative amount `intoYear` seconds into a year, linear within the year, rounded down, capped.
    /// @param atYearStart Cumulative amount at the start of the year, in wei.
    /// @param amount Amount emitted during the year, in wei.
    /// @param intoYear Seconds since the start of the year (below `YEAR`).
    /// @param cap The allocation, in wei.
    /// @return The cumulative amount, in wei, never above `cap`.
    function emittedInYear(
        uint256 atYearStart,
        uint256 amount,
        uint256 intoYear,
        uint256 cap
    ) internal pure returns (uint256) {
        if (atYearStart >= cap) return cap;
        return Math.min(cap, atYearStart + Math.mulDiv(amount, intoYear, YEAR, Math.Rounding.Floor));
    }
}
