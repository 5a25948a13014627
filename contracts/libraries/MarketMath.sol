// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {BPS} from "../common/Constants.sol";

/// @title MarketMath
/// @notice Pure math of the inference market: the quote formula (QUIVer's pricing), the supply factor, the smoothed
/// demand multiplier, the composition of discounts, the fee split and the USD value of a volume. Rounding is named
/// in each function and always favours the protocol (and the provider) over the payer.
library MarketMath {
    /// @dev 1e18 x 1e18: a token amount in wei times a WAD price, divided by it, is whole USD.
    uint256 internal constant WAD_SQUARED = 1e36;

    /// @notice The parts of a settled base fee. They sum to the fee exactly.
    /// @param provider The provider's part: the fee minus every other part (it takes the rounding remainder).
    /// @param validators The validators' part.
    /// @param burn The part burned.
    /// @param infrastructure The infrastructure part.
    /// @param treasury The treasury's part.
    struct Split {
        uint256 provider;
        uint256 validators;
        uint256 burn;
        uint256 infrastructure;
        uint256 treasury;
    }

    /// @notice `x` clamped to `[lo, hi]` (callers keep `lo <= hi`).
    /// @param x The value.
    /// @param lo Lower bound.
    /// @param hi Upper bound.
    /// @return The clamped value.
    function clamp(uint256 x, uint256 lo, uint256 hi) internal pure returns (uint256) {
        return
            x < lo
                ? lo
                : x > hi
                    ? hi
                    : x;
    }

    /// @notice The supply factor of a model with `providers` active providers: `1 + (providers - 1) x step`, at least
    /// 1x and at most `maxFactorBps`. No provider counts as one, so a model nobody serves is quoted at 1x.
    /// @dev QUIVer's formula divides the price by the number of available providers; dividing by the raw count would
    /// cut a model's price tenfold when a tenth provider joins, so the count enters through a governed, bounded slope.
    /// @param providers Active providers of the model.
    /// @param stepBps Factor added per provider beyond the first, in bps (500 = +0.05x).
    /// @param maxFactorBps Largest factor, in bps (at least 10,000).
    /// @return The factor, in bps (10,000 = 1x).
    function supplyFactorBps(uint256 providers, uint256 stepBps, uint256 maxFactorBps) internal pure returns (uint256) {
        if (providers <= 1) return BPS;
        // (providers - 1) x step is at most (2^32 - 1) x (2^16 - 1): no overflow.
        return Math.min(BPS + (providers - 1) * stepBps, maxFactorBps);
    }

    /// @notice The list price of one generated token: `baseRate x complexity x demand / supply`; rounds down.
    /// @param baseRate Base rate, in token wei per generated token.
    /// @param complexityBps The model's complexity multiplier (10,000 = 1x).
    /// @param demandBps The demand multiplier (10,000 = 1x).
    /// @param supplyBps The supply factor (10,000 = 1x, never zero).
    /// @return The price, in token wei per generated token (zero when it rounds below one wei).
    function pricePerToken(
        uint256 baseRate,
        uint256 complexityBps,
        uint256 demandBps,
        uint256 supplyBps
    ) internal pure returns (uint256) {
        uint256 numerator = baseRate * complexityBps;
        uint256 denominator = supplyBps * BPS;
        // Below 2^128 each, the product fits: the same result as `mulDiv`, without it.
        if ((numerator | demandBps) >> 128 == 0) {
            unchecked {
                return (numerator * demandBps) / denominator;
            }
        }
        return Math.mulDiv(numerator, demandBps, denominator, Math.Rounding.Floor);
    }

    /// @notice The demand multiplier after an epoch closes: an exponential moving average of the clamped ratio of the
    /// tokens settled in the epoch to the target, `current + (observed - current) x smoothing`; rounds down.
    /// @param currentBps The multiplier before (already within the clamp).
    /// @param observedTokens Tokens settled during the epoch that closed (zero if it saw no settlement).
    /// @param targetTokens The epoch's target (never zero).
    /// @param smoothingBps Weight of the new observation (10,000: no smoothing).
    /// @param minBps Lowest multiplier.
    /// @param maxBps Highest multiplier.
    /// @return The new multiplier, in `[minBps, maxBps]`.
    function nextDemandBps(
        uint256 currentBps,
        uint256 observedTokens,
        uint256 targetTokens,
        uint256 smoothingBps,
        uint256 minBps,
        uint256 maxBps
    ) internal pure returns (uint256) {
        // Clamped first, so a huge epoch cannot overflow the product below.
        uint256 ratioBps = Math.min(Math.mulDiv(observedTokens, BPS, targetTokens), maxBps);
        ratioBps = clamp(ratioBps, minBps, maxBps);
        uint256 current = clamp(currentBps, minBps, maxBps);
        // Both lie in [minBps, maxBps], so the average does too.
        return (current * (BPS - smoothingBps) + ratioBps * smoothingBps) / BPS;
    }

    /// @notice The total discount of discounts applied one after the other (multiplicatively), capped.
    /// @dev Each step keeps `payBps x (1 - discount)` rounded up, so the composed discount never exceeds the exact
    /// product; the cap applies last. Order does not matter for the result beyond rounding.
    /// @param tierBps The provider tier's discount.
    /// @param volumeBps The consumer's volume-band discount.
    /// @param subscriptionBps The subscription discount (zero when not subscribed).
    /// @param batchBps The batch discount (zero for a real-time channel).
    /// @param capBps Largest total discount.
    /// @return The total discount, in bps.
    function totalDiscountBps(
        uint256 tierBps,
        uint256 volumeBps,
        uint256 subscriptionBps,
        uint256 batchBps,
        uint256 capBps
    ) internal pure returns (uint256) {
        // Each factor is at most 10,000 (a rate above 100% reverts on the subtraction), so the products fit and the
        // plain ceiling divisions equal the 512-bit `mulDiv` rounded up.
        uint256 payBps = BPS - tierBps;
        uint256 rest = BPS - volumeBps;
        unchecked {
            payBps = (payBps * rest + (BPS - 1)) / BPS;
        }
        rest = BPS - subscriptionBps;
        unchecked {
            payBps = (payBps * rest + (BPS - 1)) / BPS;
        }
        rest = BPS - batchBps;
        unchecked {
            payBps = (payBps * rest + (BPS - 1)) / BPS;
        }
        return Math.min(BPS - payBps, capBps);
    }

    /// @notice What the consumer pays for `amount` of list value under a discount; rounds up (never above `amount`).
    /// @param amount List value, in token wei.
    /// @param discountBps The total discount.
    /// @return The base fee, in token wei.
    function discounted(uint256 amount, uint256 discountBps) internal pure returns (uint256) {
        return shareUp(amount, BPS - discountBps);
    }

    /// @notice A share of an amount in bps; rounds up (used for the priority fee the consumer adds).
    /// @param amount The amount.
    /// @param bps The share.
    /// @return The share of the amount.
    function shareUp(uint256 amount, uint256 bps) internal pure returns (uint256) {
        // Below 2^128 each, the product and the rounding term fit: the same result as `mulDiv`, without it.
        if ((amount | bps) >> 128 == 0) {
            unchecked {
                return (amount * bps + (BPS - 1)) / BPS;
            }
        }
        return Math.mulDiv(amount, bps, BPS, Math.Rounding.Ceil);
    }

    /// @notice A share of an amount in bps; rounds down (used for every part paid out of a fee or a pool).
    /// @param amount The amount.
    /// @param bps The share.
    /// @return The share of the amount.
    function shareDown(uint256 amount, uint256 bps) internal pure returns (uint256) {
        if ((amount | bps) >> 128 == 0) {
            unchecked {
                return (amount * bps) / BPS;
            }
        }
        return Math.mulDiv(amount, bps, BPS, Math.Rounding.Floor);
    }

    /// @notice Splits a base fee: every part but the provider's rounds down, the provider takes the rest, so the parts
    /// sum to `fee` to the wei. Callers keep the four shares' sum at most 10,000.
    /// @param fee The base fee, in token wei.
    /// @param validatorBps Validators' share.
    /// @param burnBps Share burned.
    /// @param infrastructureBps Infrastructure share.
    /// @param treasuryBps Treasury share.
    /// @return s The parts.
    function split(
        uint256 fee,
        uint256 validatorBps,
        uint256 burnBps,
        uint256 infrastructureBps,
        uint256 treasuryBps
    ) internal pure returns (Split memory s) {
        s.validators = shareDown(fee, validatorBps);
        s.burn = shareDown(fee, burnBps);
        s.infrastructure = shareDown(fee, infrastructureBps);
        s.treasury = shareDown(fee, treasuryBps);
        // Each part is at most fee x its share and the shares sum to at most 10,000: no underflow.
        s.provider = fee - s.validators - s.burn - s.infrastructure - s.treasury;
    }

    /// @notice The USD value of a token amount at a WAD price, in whole USD; rounds down.
    /// @param amount Token wei.
    /// @param priceWad USD per whole token, WAD.
    /// @return Whole USD.
    function usdValue(uint256 amount, uint256 priceWad) internal pure returns (uint256) {
        if ((amount | priceWad) >> 128 == 0) {
            unchecked {
                return (amount * priceWad) / WAD_SQUARED;
            }
        }
        return Math.mulDiv(amount, priceWad, WAD_SQUARED);
    }
}
