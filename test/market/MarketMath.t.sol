// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {MarketMath} from "../../contracts/libraries/MarketMath.sol";
import {Test} from "../utils/Test.sol";

/// @notice The market's pure math on its own, against values computed by hand: QUIVer's quote formula at its
/// bounds, the supply factor, the demand average, the composition of discounts, the split and the USD value.
contract MarketMathTest is Test {
    uint256 internal constant BASE = 0.001 ether;

    // ------------------------------------------------------------------ quote formula (QUIVer's pricing)

    function test_pricePerToken_atTheFormulaBounds() public pure {
        // Small (1x), lowest demand (0.8x), one provider (1x): 0.001 x 1 x 0.8 / 1 = 0.0008 QUIV.
        assertEq(MarketMath.pricePerToken(BASE, 10_000, 8_000, 10_000), 0.0008 ether, "small, 0.8x, 1x");
        // Small, neutral demand, one provider: the base rate itself.
        assertEq(MarketMath.pricePerToken(BASE, 10_000, 10_000, 10_000), 0.001 ether, "small, 1x, 1x");
        // Large (10x), highest demand (2x), one provider: 0.001 x 10 x 2 = 0.02 QUIV.
        assertEq(MarketMath.pricePerToken(BASE, 100_000, 20_000, 10_000), 0.02 ether, "large, 2x, 1x");
        // Large, highest demand, largest supply factor (2x): 0.01 QUIV.
        assertEq(MarketMath.pricePerToken(BASE, 100_000, 20_000, 20_000), 0.01 ether, "large, 2x, 2x");
        // Small, lowest demand, largest supply factor: the lowest quote, 0.0004 QUIV.
        assertEq(MarketMath.pricePerToken(BASE, 10_000, 8_000, 20_000), 0.0004 ether, "small, 0.8x, 2x");
        // Medium (3x), lowest demand, largest supply: 0.001 x 3 x 0.8 / 2 = 0.0012 QUIV.
        assertEq(MarketMath.pricePerToken(BASE, 30_000, 8_000, 20_000), 0.0012 ether, "medium, 0.8x, 2x");
        // Medium, 1.5x demand, 1.25x supply: 0.001 x 3 x 1.5 / 1.25 = 0.0036 QUIV.
        assertEq(MarketMath.pricePerToken(BASE, 30_000, 15_000, 12_500), 0.0036 ether, "medium, 1.5x, 1.25x");
    }

    function test_pricePerToken_roundsDownToZeroBelowOneWei() public pure {
        // 1 wei x 1 x 0.8 / 2 = 0.4 wei.
        assertEq(MarketMath.pricePerToken(1, 10_000, 8_000, 20_000), 0, "0.4 wei rounds to zero");
        // 3 wei x 1 x 0.8 / 2 = 1.2 wei.
        assertEq(MarketMath.pricePerToken(3, 10_000, 8_000, 20_000), 1, "1.2 wei rounds down");
    }

    function test_supplyFactorBps_growsByTheStepUpToTheCap() public pure {
        assertEq(MarketMath.supplyFactorBps(0, 500, 20_000), 10_000, "nobody serving counts as one");
        assertEq(MarketMath.supplyFactorBps(1, 500, 20_000), 10_000, "one provider: 1x");
        assertEq(MarketMath.supplyFactorBps(2, 500, 20_000), 10_500, "two providers: 1.05x");
        assertEq(MarketMath.supplyFactorBps(11, 500, 20_000), 15_000, "eleven providers: 1.5x");
        assertEq(MarketMath.supplyFactorBps(21, 500, 20_000), 20_000, "21 providers reach the 2x cap");
        assertEq(MarketMath.supplyFactorBps(1_000, 500, 20_000), 20_000, "capped");
        assertEq(MarketMath.supplyFactorBps(5, 0, 20_000), 10_000, "a zero step ignores the count");
    }

    // ------------------------------------------------------------------ demand

    function test_nextDemandBps_averagesTheClampedRatio() public pure {
        // 15M tokens against a 10M target: ratio 1.5x, averaged half-half with 1x: 1.25x.
        assertEq(MarketMath.nextDemandBps(10_000, 15_000_000, 10_000_000, 5_000, 8_000, 20_000), 12_500, "1.25x");
        // An empty epoch observes the 0.8x floor: (1 + 0.8) / 2 = 0.9x.
        assertEq(MarketMath.nextDemandBps(10_000, 0, 10_000_000, 5_000, 8_000, 20_000), 9_000, "0.9x");
        // Five times the target is clamped at 2x first: (1 + 2) / 2 = 1.5x.
        assertEq(MarketMath.nextDemandBps(10_000, 50_000_000, 10_000_000, 5_000, 8_000, 20_000), 15_000, "1.5x");
        // Without smoothing the multiplier is the clamped ratio.
        assertEq(MarketMath.nextDemandBps(10_000, 12_000_000, 10_000_000, 10_000, 8_000, 20_000), 12_000, "1.2x");
        // A stored multiplier above a lowered ceiling is clamped before averaging: (1.5 + 1.2) / 2 = 1.35x.
        assertEq(MarketMath.nextDemandBps(20_000, 12_000_000, 10_000_000, 5_000, 8_000, 15_000), 13_500, "1.35x");
        // Rounds down: (10,000 x 0.7 + 12,001 x 0.3) = 10,600.3.
        assertEq(MarketMath.nextDemandBps(10_000, 12_001, 10_000, 3_000, 8_000, 20_000), 10_600, "rounded down");
    }

    function testFuzz_nextDemandBps_staysWithinTheClamp(
        uint256 current,
        uint256 observed,
        uint256 target,
        uint256 smoothing,
        uint256 minBps,
        uint256 maxBps
    ) public pure {
        minBps = bound(minBps, 1, 10_000);
        maxBps = bound(maxBps, 10_000, 65_535);
        current = bound(current, 0, type(uint32).max);
        observed = bound(observed, 0, type(uint128).max);
        target = bound(target, 1, type(uint128).max);
        smoothing = bound(smoothing, 1, 10_000);
        uint256 next = MarketMath.nextDemandBps(current, observed, target, smoothing, minBps, maxBps);
        assertGe(next, minBps, "at least the floor");
        assertLe(next, maxBps, "at most the ceiling");
    }

    // ------------------------------------------------------------------ discounts

    function test_totalDiscountBps_composesMultiplicativelyAndCaps() public pure {
        assertEq(MarketMath.totalDiscountBps(3_000, 0, 0, 0, 5_000), 3_000, "Platinum alone: 30%");
        // Silver and the first volume band: 1 - 0.9 x 0.95 = 14.5%.
        assertEq(MarketMath.totalDiscountBps(1_000, 500, 0, 0, 5_000), 1_450, "14.5%");
        // Gold, subscription: 1 - 0.8 x 0.8 = 36%.
        assertEq(MarketMath.totalDiscountBps(2_000, 0, 2_000, 0, 5_000), 3_600, "36%");
        // Everything: 1 - 0.7 x 0.8 x 0.8 x 0.9 = 59.68%, capped at 50%.
        assertEq(MarketMath.totalDiscountBps(3_000, 2_000, 2_000, 1_000, 5_000), 5_000, "capped at 50%");
        assertEq(MarketMath.totalDiscountBps(3_000, 2_000, 2_000, 1_000, 9_000), 5_968, "59.68% under a 90% cap");
        assertEq(MarketMath.totalDiscountBps(0, 0, 0, 0, 5_000), 0, "no discount");
    }

    function test_totalDiscountBps_roundsThePayableShareUp() public pure {
        // 1 - 0.6667 x 0.6667 = 55.5511%: the payable share 4,444.89 bps is kept at 4,445, so the discount is 5,555.
        assertEq(MarketMath.totalDiscountBps(3_333, 3_333, 0, 0, 9_000), 5_555, "discount rounded down");
    }

    function testFuzz_totalDiscountBps_neverAboveTheCapOrTheExactProduct(
        uint256 tier,
        uint256 volume,
        uint256 subscription,
        uint256 batch,
        uint256 cap
    ) public pure {
        tier = bound(tier, 0, 10_000);
        volume = bound(volume, 0, 10_000);
        subscription = bound(subscription, 0, 10_000);
        batch = bound(batch, 0, 10_000);
        cap = bound(cap, 0, 9_000);
        uint256 total = MarketMath.totalDiscountBps(tier, volume, subscription, batch, cap);
        assertLe(total, cap, "capped");
        // The exact payable share, in units of 1e-16: (10,000 - d1)(10,000 - d2)(10,000 - d3)(10,000 - d4).
        uint256 exactPay = (10_000 - tier) * (10_000 - volume) * (10_000 - subscription) * (10_000 - batch);
        assertGe((10_000 - total) * 1e12, exactPay, "pays at least the exact product");
    }

    function test_discounted_roundsUp() public pure {
        assertEq(MarketMath.discounted(1_000, 1_450), 855, "1,000 x 85.5%");
        assertEq(MarketMath.discounted(1, 5_000), 1, "half a wei rounds up to one");
        assertEq(MarketMath.discounted(100 ether, 0), 100 ether, "no discount");
    }

    function test_shareUp_andShareDown() public pure {
        assertEq(MarketMath.shareUp(1_001, 2_000), 201, "ceil(200.2)");
        assertEq(MarketMath.shareDown(1_001, 2_000), 200, "floor(200.2)");
    }

    // ------------------------------------------------------------------ split

    function test_split_feeTable() public pure {
        MarketMath.Split memory s = MarketMath.split(1_000 ether, 50, 100, 1_350, 500);
        assertEq(s.provider, 800 ether, "provider 80%");
        assertEq(s.validators, 5 ether, "validators 0.5%");
        assertEq(s.burn, 10 ether, "burn 1%");
        assertEq(s.infrastructure, 135 ether, "infrastructure 13.5%");
        assertEq(s.treasury, 50 ether, "treasury 5%");
    }

    function test_split_providerTakesTheRoundingRemainder() public pure {
        // 199 wei: validators floor(0.995) = 0, burn floor(1.99) = 1, infrastructure floor(26.865) = 26,
        // treasury floor(9.95) = 9, provider 199 - 36 = 163.
        MarketMath.Split memory s = MarketMath.split(199, 50, 100, 1_350, 500);
        assertEq(s.validators, 0, "validators");
        assertEq(s.burn, 1, "burn");
        assertEq(s.infrastructure, 26, "infrastructure");
        assertEq(s.treasury, 9, "treasury");
        assertEq(s.provider, 163, "provider takes the rest");
        s = MarketMath.split(1, 50, 100, 1_350, 500);
        assertEq(s.provider, 1, "one wei goes to the provider");
    }

    function testFuzz_split_partsSumToTheFee(
        uint256 fee,
        uint256 validatorBps,
        uint256 burnBps,
        uint256 infrastructureBps,
        uint256 treasuryBps
    ) public pure {
        fee = bound(fee, 0, type(uint128).max);
        validatorBps = bound(validatorBps, 0, 10_000);
        burnBps = bound(burnBps, 0, 10_000 - validatorBps);
        infrastructureBps = bound(infrastructureBps, 0, 10_000 - validatorBps - burnBps);
        treasuryBps = bound(treasuryBps, 0, 10_000 - validatorBps - burnBps - infrastructureBps);
        MarketMath.Split memory s = MarketMath.split(fee, validatorBps, burnBps, infrastructureBps, treasuryBps);
        assertEq(s.provider + s.validators + s.burn + s.infrastructure + s.treasury, fee, "parts == fee to the wei");
        assertLe(s.burn * 10_000, fee * burnBps, "the burn never exceeds its share");
        uint256 providerBps = 10_000 - validatorBps - burnBps - infrastructureBps - treasuryBps;
        assertGe(s.provider * 10_000, fee * providerBps, "the provider gets at least its share");
        assertLe(s.provider * 10_000, fee * providerBps + 4 * 10_000, "and at most 4 wei of rounding more");
    }

    // ------------------------------------------------------------------ USD value

    function test_usdValue_wholeDollarsRoundedDown() public pure {
        assertEq(MarketMath.usdValue(10_000 ether, 0.1 ether), 1_000, "10,000 QUIV at $0.10");
        assertEq(MarketMath.usdValue(10_000 ether - 1, 0.1 ether), 999, "one wei less: $999");
        assertEq(MarketMath.usdValue(1 ether, 2.5 ether), 2, "$2.50 rounds down to $2");
    }

    // ------------------------------------------------------------------ fast paths (plain arithmetic below 2^128)

    /// @dev Every share and value equals the 512-bit `mulDiv` it replaces, on both sides of the 2^128 switch.
    function testFuzz_fastPathsEqualMulDiv(uint256 amount, uint256 bps, uint256 price, uint256 pick) public pure {
        // Half the runs near the switch, so both sides of it are exercised.
        // Otherwise up to 2^200, where every result still fits 256 bits (beyond it `mulDiv` itself reverts).
        if (pick % 2 == 0) amount = (uint256(1) << 128) - 8 + (amount % 16);
        else amount = bound(amount, 0, uint256(1) << 200);
        bps = bound(bps, 0, 10_000);
        price = bound(price, 0, type(uint128).max);
        assertEq(MarketMath.shareDown(amount, bps), Math.mulDiv(amount, bps, 10_000), "shareDown");
        assertEq(MarketMath.shareUp(amount, bps), Math.mulDiv(amount, bps, 10_000, Math.Rounding.Ceil), "shareUp");
        assertEq(
            MarketMath.discounted(amount, bps),
            Math.mulDiv(amount, 10_000 - bps, 10_000, Math.Rounding.Ceil),
            "discounted"
        );
        assertEq(MarketMath.usdValue(amount, price), Math.mulDiv(amount, price, 1e36), "usdValue");
    }

    function test_fastPaths_atTheSwitch() public pure {
        uint256 below = type(uint128).max;
        uint256 above = uint256(1) << 128;
        // (2^128 - 1) x 3 / 10,000 = 102,084,710,076,281,539,039,012,382,229,530,463.4365: ...463 down, ...464 up.
        assertEq(MarketMath.shareDown(below, 3), 102084710076281539039012382229530463, "below, down");
        assertEq(MarketMath.shareUp(below, 3), 102084710076281539039012382229530464, "below, up");
        // 2^128 x 3 / 10,000 = 102,084,710,076,281,539,039,012,382,229,530,463.4368: the slow path rounds the same.
        assertEq(MarketMath.shareDown(above, 3), 102084710076281539039012382229530463, "above, down");
        assertEq(MarketMath.shareUp(above, 3), 102084710076281539039012382229530464, "above, up");
    }
}
