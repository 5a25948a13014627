// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {EmissionSchedule} from "../../contracts/supply/EmissionSchedule.sol";
import {LinearMix} from "../../contracts/libraries/LinearMix.sol";
import {EmissionScheduleHarness} from "./mocks/EmissionScheduleHarness.sol";
import {Test} from "../utils/Test.sol";

/// @notice The accepted side of every limit of the emission curve and the exact edges of the recipients' mix
/// window, so moving a comparison by one fails a test on one side or the other (the rejected sides are in
/// EmissionSchedule.t.sol and EmissionController.t.sol).
contract EmissionBoundariesTest is Test {
    uint256 internal constant YEAR = 31_536_000;

    EmissionScheduleHarness internal harness;

    function setUp() public {
        harness = new EmissionScheduleHarness();
    }

    function _table(uint256 n, uint256 each) internal pure returns (uint256[] memory t) {
        t = new uint256[](n);
        for (uint256 i; i < n; ++i) t[i] = each;
    }

    // ------------------------------------------------------------------ validate: the largest accepted values

    function test_validate_acceptsAHundredYearTable() public view {
        harness.validate(_table(100, 1 ether), 4, 100 ether);
        assertEq(EmissionSchedule.MAX_TABLE_YEARS, 100, "limit");
    }

    function test_RevertWhen_tableHasAHundredAndOneYears() public {
        vm.expectRevert(abi.encodeWithSelector(EmissionSchedule.InvalidTableLength.selector, 101, 100));
        harness.validate(_table(101, 1 ether), 4, 101 ether);
    }

    function test_validate_acceptsAOneYearTable() public view {
        harness.validate(_table(1, 1 ether), 4, 1 ether);
        assertEq(EmissionSchedule.emittedAt(_table(1, 1 ether), 4, 1 ether, YEAR), 1 ether, "all of it after a year");
    }

    function test_validate_acceptsAHundredYearHalvingPeriod() public view {
        harness.validate(_table(1, 1 ether), 100, 1 ether);
        assertEq(EmissionSchedule.MAX_HALVING_YEARS, 100, "limit");
    }

    function test_validate_acceptsAOneYearHalvingPeriod() public view {
        harness.validate(_table(1, 1 ether), 1, 1 ether);
        // The tail halves every year: 1 ether, then 0.5 ether in year 2.
        assertEq(EmissionSchedule.emittedAt(_table(1, 1 ether), 1, 2 ether, 2 * YEAR), 1.5 ether, "halved tail");
    }

    function test_validate_acceptsTheVotesLimitAsCap() public view {
        harness.validate(_table(1, 1 ether), 4, type(uint208).max);
        assertTrue(true, "validate did not revert");
    }

    function test_validate_acceptsAYearlyAmountEqualToTheCap() public view {
        harness.validate(_table(2, 7 ether), 4, 7 ether);
        assertEq(EmissionSchedule.emittedAt(_table(2, 7 ether), 4, 7 ether, 2 * YEAR), 7 ether, "capped at 7");
    }

    function test_RevertWhen_yearlyAmountIsOneWeiAboveTheCap() public {
        uint256[] memory t = _table(2, 7 ether);
        t[1] = 7 ether + 1;
        vm.expectRevert(
            abi.encodeWithSelector(EmissionSchedule.YearlyAmountAboveCap.selector, 1, 7 ether + 1, 7 ether)
        );
        harness.validate(t, 4, 7 ether);
    }

    function test_validate_acceptsOneWeiCap() public view {
        harness.validate(_table(1, 1), 4, 1);
        assertEq(EmissionSchedule.emittedAt(_table(1, 1), 4, 1, YEAR), 1, "one wei after a year");
    }

    // ------------------------------------------------------------------ the curve rounds down inside a year

    function test_emittedAt_roundsDownInsideAYear() public pure {
        // 1,000 wei a year: 1,000 x 1 / 31,536,000 -> 0 after a second; half a year and a second in,
        // 1,000 x 15,768,001 / 31,536,000 = 500.00003 -> 500; a second before the end,
        // 1,000 x 31,535,999 / 31,536,000 = 999.99997 -> 999.
        uint256[] memory t = _table(1, 1_000);
        assertEq(EmissionSchedule.emittedAt(t, 4, 10_000, 1), 0, "one second");
        assertEq(EmissionSchedule.emittedAt(t, 4, 10_000, YEAR / 2 + 1), 500, "half a year and a second");
        assertEq(EmissionSchedule.emittedAt(t, 4, 10_000, YEAR - 1), 999, "a second before the year end");
        assertEq(EmissionSchedule.emittedAt(t, 4, 10_000, YEAR), 1_000, "at the year end");
        // Year 2 is the tail: 1,000 >> 1 = 500 a year; a second before its end 1,000 + 499.99998 -> 1,499.
        assertEq(EmissionSchedule.emittedAt(t, 4, 10_000, 2 * YEAR - 1), 1_499, "a second before the end of year 2");
    }

    // ------------------------------------------------------------------ LinearMix: the edges of the window

    function test_weight_atTheWindowEdgesIsTheStartOrEndMixOver10000() public pure {
        (uint256 w, uint256 s) = LinearMix.weight(3_000, 7_000, 99, 100, 103);
        assertEq(w, 3_000, "before the window: start weight");
        assertEq(s, 10_000, "before the window: bps scale");
        (w, s) = LinearMix.weight(3_000, 7_000, 100, 100, 103);
        assertEq(w, 3_000, "at the window's start: start weight");
        assertEq(s, 10_000, "at the window's start: bps scale");
        (w, s) = LinearMix.weight(3_000, 7_000, 103, 100, 103);
        assertEq(w, 7_000, "at the window's end: end weight");
        assertEq(s, 10_000, "at the window's end: bps scale");
        (w, s) = LinearMix.weight(3_000, 7_000, 104, 100, 103);
        assertEq(w, 7_000, "after the window: end weight");
        assertEq(s, 10_000, "after the window: bps scale");
    }

    function test_weight_insideTheWindowIsExact() public pure {
        // One second into a 3-second window: (3,000 x 2 + 7,000 x 1) / (10,000 x 3) = 13,000 / 30,000.
        (uint256 w, uint256 s) = LinearMix.weight(3_000, 7_000, 101, 100, 103);
        assertEq(w, 13_000, "numerator one second in");
        assertEq(s, 30_000, "denominator one second in");
        (w, s) = LinearMix.weight(3_000, 7_000, 102, 100, 103);
        assertEq(w, 17_000, "numerator two seconds in: 3,000 x 1 + 7,000 x 2");
        assertEq(s, 30_000, "denominator two seconds in");
    }

    function test_weight_anEmptyWindowSwitchesAtItsInstant() public pure {
        (uint256 w, uint256 s) = LinearMix.weight(3_000, 7_000, 99, 100, 100);
        assertEq(w, 3_000, "one second before the switch: start weight");
        assertEq(s, 10_000, "bps scale before");
        (w, s) = LinearMix.weight(3_000, 7_000, 100, 100, 100);
        assertEq(w, 7_000, "at the switch: end weight");
        assertEq(s, 10_000, "bps scale at the switch");
    }
}
