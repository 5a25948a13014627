// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {EmissionSchedule} from "../../contracts/supply/EmissionSchedule.sol";
import {EmissionScheduleHarness} from "./mocks/EmissionScheduleHarness.sol";
import {Test} from "../utils/Test.sol";

/// @notice The pure emission curve, checked against the QUIVer table with values computed by hand:
/// year ends 70M, 122.5M, 157.5M, 192.5M, then +21M a year to 318.5M at the end of year 10, then 10.5M a year
/// (329M, 339.5M) to the 350M cap at the end of year 13. One second before a boundary at the end of year `y`
/// the curve is `E(y) - ceil(a / 31,536,000)` where `a` is year `y`'s amount.
contract EmissionScheduleTest is Test {
    uint256 internal constant M = 1_000_000 ether;
    uint256 internal constant YEAR = 31_536_000;
    uint256 internal constant CAP = 350_000_000 ether;

    EmissionScheduleHarness internal harness;

    function setUp() public {
        harness = new EmissionScheduleHarness();
    }

    function _quiver() internal pure returns (uint256[] memory t) {
        t = new uint256[](10);
        t[0] = 70_000_000 ether;
        t[1] = 52_500_000 ether;
        t[2] = 35_000_000 ether;
        t[3] = 35_000_000 ether;
        for (uint256 i = 4; i < 10; ++i) t[i] = 21_000_000 ether;
    }

    function _at(uint256 elapsed) internal pure returns (uint256) {
        return EmissionSchedule.emittedAt(_quiver(), 4, CAP, elapsed);
    }

    // ------------------------------------------------------------------ QUIVer year ends

    function test_emittedAt_zeroAtStart() public pure {
        assertEq(_at(0), 0, "nothing at the start");
    }

    function test_emittedAt_firstSecond() public pure {
        // 70M / 31,536,000 = 2,219,685,438,863,521,055.3 wei, rounded down.
        assertEq(_at(1), 2_219_685_438_863_521_055, "one second of year 1");
    }

    function test_emittedAt_endOfYear1() public pure {
        assertEq(_at(YEAR), 70_000_000 ether, "end of year 1");
        assertEq(_at(YEAR - 1), 69_999_997_780_314_561_136_478_944, "one second before the end of year 1");
        assertEq(_at(YEAR / 2), 35_000_000 ether, "half of year 1");
    }

    function test_emittedAt_endOfYear2() public pure {
        assertEq(_at(2 * YEAR), 122_500_000 ether, "end of year 2");
        // 70M + 52.5M - ceil(52.5M / YEAR)
        assertEq(_at(2 * YEAR - 1), 122_499_998_335_235_920_852_359_208, "one second before the end of year 2");
    }

    function test_emittedAt_endOfYear4() public pure {
        assertEq(_at(3 * YEAR), 157_500_000 ether, "end of year 3");
        assertEq(_at(4 * YEAR), 192_500_000 ether, "end of year 4");
        assertEq(_at(4 * YEAR - 1), 192_499_998_890_157_280_568_239_472, "one second before the end of year 4");
    }

    function test_emittedAt_endOfYear10() public pure {
        assertEq(_at(5 * YEAR), 213_500_000 ether, "end of year 5");
        assertEq(_at(10 * YEAR), 318_500_000 ether, "end of year 10");
        assertEq(_at(10 * YEAR - 1), 318_499_999_334_094_368_340_943_683, "one second before the end of year 10");
    }

    function test_emittedAt_halvingTailAfterYear10() public pure {
        // Years 11-13 emit 21M / 2 = 10.5M each.
        assertEq(_at(10 * YEAR + 1), 318_500_000_332_952_815_829_528_158, "first second of year 11");
        assertEq(_at(10 * YEAR + YEAR / 2), 323_750_000 ether, "half of year 11: +5.25M");
        assertEq(_at(11 * YEAR), 329_000_000 ether, "end of year 11");
        assertEq(_at(11 * YEAR - 1), 328_999_999_667_047_184_170_471_841, "one second before the end of year 11");
        assertEq(_at(12 * YEAR), 339_500_000 ether, "end of year 12");
        assertEq(_at(12 * YEAR - 1), 339_499_999_667_047_184_170_471_841, "one second before the end of year 12");
    }

    function test_emittedAt_capReachedExactlyAtEndOfYear13() public pure {
        assertEq(_at(13 * YEAR), CAP, "cap at the end of year 13");
        // 350M - ceil(10.5M / YEAR)
        assertEq(_at(13 * YEAR - 1), 349_999_999_667_047_184_170_471_841, "one second before the end of year 13");
        assertEq(_at(13 * YEAR + 1), CAP, "never above the cap after year 13");
        assertEq(_at(14 * YEAR), CAP, "year 14 would reach 360.5M uncapped");
        assertEq(_at(100 * YEAR), CAP, "a century later");
        assertEq(_at(type(uint256).max), CAP, "the end of time");
    }

    function test_tailYear_yearlyAmountHalvesEveryFourYears() public pure {
        uint256 total = 318_500_000 ether;
        uint256 last = 21_000_000 ether;
        for (uint256 j; j < 4; ++j) {
            (, uint256 amount) = EmissionSchedule.tailYear(total, last, 4, j);
            assertEq(amount, 10_500_000 ether, "years 11-14: 10.5M");
        }
        (uint256 atStart15, uint256 amount15) = EmissionSchedule.tailYear(total, last, 4, 4);
        assertEq(amount15, 5_250_000 ether, "years 15-18: 5.25M");
        assertEq(atStart15, 360_500_000 ether, "uncapped: 318.5M + 4 x 10.5M");
        (uint256 atStart19, uint256 amount19) = EmissionSchedule.tailYear(total, last, 4, 8);
        assertEq(amount19, 2_625_000 ether, "years 19-22: 2.625M");
        assertEq(atStart19, 381_500_000 ether, "uncapped: 360.5M + 4 x 5.25M");
        (uint256 atStart14, ) = EmissionSchedule.tailYear(total, last, 4, 3);
        assertEq(atStart14, 350_000_000 ether, "uncapped start of year 14: 318.5M + 3 x 10.5M");
    }

    function test_tailYear_endsOnceTheHalvedAmountIsZero() public pure {
        // 8 wei a year: 4, 2, 1, then 0 for good (each period one year).
        (uint256 atStart, uint256 amount) = EmissionSchedule.tailYear(8, 8, 1, 3);
        assertEq(amount, 0, "fourth tail year emits nothing");
        assertEq(atStart, 8 + 4 + 2 + 1, "total after the tail");
        (atStart, amount) = EmissionSchedule.tailYear(8, 8, 1, type(uint256).max);
        assertEq(amount, 0, "nothing, however far");
        assertEq(atStart, 15, "total stays");
    }

    function test_emittedAt_uncappedTailStaysBelowCap() public pure {
        // A cap above what the curve ever emits: 100 a year for 1 year then halvings of 1 year (50, 25, 12, 6, 3, 1).
        uint256[] memory t = new uint256[](1);
        t[0] = 100;
        assertEq(EmissionSchedule.emittedAt(t, 1, 1_000, 7 * YEAR), 197, "100 + 50 + 25 + 12 + 6 + 3 + 1");
        assertEq(EmissionSchedule.emittedAt(t, 1, 1_000, 1_000 * YEAR), 197, "and nothing more");
    }

    // ------------------------------------------------------------------ validation

    function test_RevertWhen_tableIsEmpty() public {
        vm.expectRevert(abi.encodeWithSelector(EmissionSchedule.InvalidTableLength.selector, 0, 100));
        harness.validate(new uint256[](0), 4, CAP);
    }

    function test_RevertWhen_tableIsTooLong() public {
        vm.expectRevert(abi.encodeWithSelector(EmissionSchedule.InvalidTableLength.selector, 101, 100));
        harness.validate(new uint256[](101), 4, CAP);
    }

    function test_RevertWhen_halvingPeriodIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(EmissionSchedule.InvalidHalvingPeriod.selector, 0, 100));
        harness.validate(_quiver(), 0, CAP);
    }

    function test_RevertWhen_halvingPeriodIsTooLong() public {
        vm.expectRevert(abi.encodeWithSelector(EmissionSchedule.InvalidHalvingPeriod.selector, 101, 100));
        harness.validate(_quiver(), 101, CAP);
    }

    function test_RevertWhen_capIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(EmissionSchedule.InvalidEmissionCap.selector, 0));
        harness.validate(_quiver(), 4, 0);
    }

    function test_RevertWhen_capIsAboveVotesLimit() public {
        uint256 cap = uint256(type(uint208).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(EmissionSchedule.InvalidEmissionCap.selector, cap));
        harness.validate(_quiver(), 4, cap);
    }

    function test_RevertWhen_yearlyAmountIsAboveCap() public {
        vm.expectRevert(
            abi.encodeWithSelector(EmissionSchedule.YearlyAmountAboveCap.selector, 0, 70_000_000 ether, 60 * M)
        );
        harness.validate(_quiver(), 4, 60 * M);
    }

    function test_validate_acceptsQuiverTable() public view {
        harness.validate(_quiver(), 4, CAP);
        assertTrue(true, "validate did not revert");
    }

    // ------------------------------------------------------------------ fuzz

    /// @dev The curve never decreases, over the whole QUIVer range and beyond.
    function testFuzz_emittedAt_monotonic(uint256 a, uint256 b) public pure {
        a = bound(a, 0, 30 * YEAR);
        b = bound(b, a, 30 * YEAR);
        assertLe(_at(a), _at(b), "curve decreased");
        assertLe(_at(b), CAP, "curve above cap");
    }

    /// @dev At every year boundary of the table the curve is the plain sum of the whole years before it.
    function testFuzz_emittedAt_exactAtYearBoundaries(uint256 seed, uint256 year) public pure {
        uint256[] memory t = new uint256[](12);
        uint256 cap = 1e30;
        for (uint256 i; i < t.length; ++i) t[i] = uint256(keccak256(abi.encode(seed, i))) % 1e28;
        year = bound(year, 0, t.length);
        uint256 sum;
        for (uint256 i; i < year; ++i) sum += t[i];
        assertEq(EmissionSchedule.emittedAt(t, 3, cap, year * YEAR), sum, "boundary is the sum of whole years");
    }

    /// @dev Within a year the curve never runs ahead of the exact linear schedule and is at most 1 wei behind.
    function testFuzz_emittedAt_withinOneWeiOfExactLinear(uint256 year, uint256 intoYear) public pure {
        year = bound(year, 0, 9);
        intoYear = bound(intoYear, 0, YEAR - 1);
        uint256[] memory t = _quiver();
        uint256 atStart;
        for (uint256 i; i < year; ++i) atStart += t[i];
        uint256 got = _at(year * YEAR + intoYear);
        // exact value times YEAR: atStart * YEAR + t[year] * intoYear
        uint256 exactScaled = atStart * YEAR + t[year] * intoYear;
        assertLe(got * YEAR, exactScaled, "ahead of the exact schedule");
        assertGt((got + 1) * YEAR, exactScaled, "more than one wei behind");
    }

    /// @dev Any table, any halving period: never above the cap, never decreasing.
    function testFuzz_emittedAt_neverAboveCap(
        uint256 seed,
        uint256 halving,
        uint256 cap,
        uint256 a,
        uint256 b
    ) public view {
        uint256[] memory t = new uint256[](bound(seed, 1, 15));
        cap = bound(cap, 1, type(uint208).max);
        for (uint256 i; i < t.length; ++i) t[i] = uint256(keccak256(abi.encode(seed, i))) % (cap + 1);
        halving = bound(halving, 1, 100);
        harness.validate(t, halving, cap);
        a = bound(a, 0, 500 * YEAR);
        b = bound(b, a, 500 * YEAR);
        uint256 ea = EmissionSchedule.emittedAt(t, halving, cap, a);
        uint256 eb = EmissionSchedule.emittedAt(t, halving, cap, b);
        assertLe(ea, eb, "decreased");
        assertLe(eb, cap, "above cap");
    }
}
