// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {WAD} from "../common/Constants.sol";

/// @title UsageMultiplier
/// @notice QRY's usage multiplier (docs/economics/qry.md): how much of what a pool received in an epoch it
/// pays out. From three on-chain measures of the epoch, each compared with its target:
///
///     r_revenue = min(revenue / revenueTarget, max)     subscription revenue paid in the epoch
///     r_active  = min(active  / activeTarget,  max)     subscriptions active during the epoch
///     r_stake   = min(stake   / stakeTarget,   max)     bonded stake when the epoch is closed
///     usage     = (w_revenue * r_revenue + w_active * r_active + w_stake * r_stake) / (w_revenue + w_active + w_stake)
///     multiplier = clamp(usage, min, max)
///
/// All ratios and the result are WAD fixed point (1e18 = 1x). Each ratio is capped at `max` first, so one runaway
/// measure cannot overflow and the average stays at most `max`. Every division rounds down (the protocol pays
/// less, never more).
library UsageMultiplier {
    /// @notice An epoch's measures.
    /// @param revenue Subscription revenue paid in the epoch, in wei.
    /// @param active Subscriptions active during the epoch.
    /// @param stake Bonded stake, in wei.
    struct Measures {
        uint256 revenue;
        uint256 active;
        uint256 stake;
    }

    /// @notice The formula's parameters. Targets are positive; the weights do not all vanish; `minWad <= maxWad`.
    /// @param revenueTarget Revenue that counts as 1x, in wei per epoch.
    /// @param activeTarget Active subscriptions that count as 1x.
    /// @param stakeTarget Bonded stake that counts as 1x, in wei.
    /// @param revenueWeight Weight of the revenue ratio (any unit: the weights are normalised by their sum).
    /// @param activeWeight Weight of the active-subscriptions ratio.
    /// @param stakeWeight Weight of the stake ratio.
    /// @param minWad Lowest multiplier, WAD.
    /// @param maxWad Highest multiplier, WAD.
    struct Config {
        uint256 revenueTarget;
        uint256 activeTarget;
        uint256 stakeTarget;
        uint256 revenueWeight;
        uint256 activeWeight;
        uint256 stakeWeight;
        uint256 minWad;
        uint256 maxWad;
    }

    /// @notice The multiplier for an epoch's measures.
    /// @param m The measures.
    /// @param c The parameters (validated by the caller: positive targets, a positive weight sum, min <= max).
    /// @return The multiplier, WAD, within `[c.minWad, c.maxWad]`.
    function compute(Measures memory m, Config memory c) internal pure returns (uint256) {
        uint256 weighted =
            c.revenueWeight * ratio(m.revenue, c.revenueTarget, c.maxWad) +
                c.activeWeight * ratio(m.active, c.activeTarget, c.maxWad) +
                c.stakeWeight * ratio(m.stake, c.stakeTarget, c.maxWad);
        uint256 usage = weighted / (c.revenueWeight + c.activeWeight + c.stakeWeight);
        return Math.min(Math.max(usage, c.minWad), c.maxWad);
    }

    /// @notice `min(measure / target, cap)` in WAD, rounded down.
    /// @param measure The measure.
    /// @param target Its target (positive).
    /// @param capWad The cap, WAD.
    /// @return The ratio, WAD.
    function ratio(uint256 measure, uint256 target, uint256 capWad) internal pure returns (uint256) {
        // Compare before dividing, so a huge measure never overflows `measure * WAD`.
        if (measure >= Math.mulDiv(target, capWad, WAD, Math.Rounding.Ceil)) return capWad;
        return Math.min(Math.mulDiv(measure, WAD, target, Math.Rounding.Floor), capWad);
    }
}
