// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {WAD} from "../common/Constants.sol";

/// @title InterestRateModel
/// @notice The kinked utilization curve of the stable vault's borrow rate (Compound/Aave shape).
/// @dev Rates are per year, as WAD fractions (0.05e18 = 5%). Parameters are in bps. Below the optimal
/// utilization `k` the rate climbs from `base` by `slope1` at `k`; above it, by a further `slope2` at 100%:
///   u <= k: base + slope1 * u / k
///   u >  k: base + slope1 + slope2 * (u - k) / (1 - k)
/// Divisions round up: the borrowers' rate, and so the suppliers' income, never rounds in the borrowers' favour.
library InterestRateModel {
    /// @dev bps to WAD.
    uint256 private constant BPS_TO_WAD = 1e14;

    /// @notice Share of the supplied liquidity that is lent out.
    /// @param borrowed Assets lent out.
    /// @param idle Assets held by the vault.
    /// @return utilization `borrowed / (borrowed + idle)` as a WAD fraction (0 when both are zero).
    function utilization(uint256 borrowed, uint256 idle) internal pure returns (uint256) {
        uint256 total = borrowed + idle;
        if (total == 0) return 0;
        return (borrowed * WAD) / total; // borrowed is at most 2^128 units: no overflow
    }

    /// @notice The borrow rate per year at a utilization.
    /// @param utilizationWad Utilization as a WAD fraction, at most WAD.
    /// @param baseRateBps Rate at zero utilization.
    /// @param slope1Bps Rate added from zero to the optimal utilization.
    /// @param slope2Bps Rate added from the optimal utilization to 100%.
    /// @param optimalUtilizationBps The kink; must lie strictly between 0 and 10,000.
    /// @return rate The yearly borrow rate as a WAD fraction.
    function borrowRate(
        uint256 utilizationWad,
        uint256 baseRateBps,
        uint256 slope1Bps,
        uint256 slope2Bps,
        uint256 optimalUtilizationBps
    ) internal pure returns (uint256 rate) {
        uint256 kink = optimalUtilizationBps * BPS_TO_WAD;
        rate = baseRateBps * BPS_TO_WAD;
        if (utilizationWad <= kink) {
            return rate + Math.ceilDiv(slope1Bps * BPS_TO_WAD * utilizationWad, kink);
        }
        rate += slope1Bps * BPS_TO_WAD;
        rate += Math.ceilDiv(slope2Bps * BPS_TO_WAD * (utilizationWad - kink), WAD - kink);
    }
}
