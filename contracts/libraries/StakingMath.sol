// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {BPS} from "../common/Constants.sol";

/// @title StakingMath
/// @notice Pure math of the staking module: share-pool conversions (rounding named in each function and always
/// against the staker), the APY-banded reward flow, the lock voting bonus and the reputation score.
library StakingMath {
    /// @dev The year of the APY band: 365 days.
    uint256 internal constant YEAR = 365 days;
    /// @dev Highest reputation score.
    uint256 internal constant MAX_REPUTATION_SCORE = 1_000;

    /// @notice Shares minted for `assets` entering a pool; rounds down. An empty pool mints 1:1.
    /// @dev Callers keep `totalAssets > 0` whenever `totalShares > 0` (slashes are below 100% and round down,
    /// exits take at most their pro-rata value), so the division is defined.
    /// @param assets Tokens entering.
    /// @param totalAssets The pool's assets before.
    /// @param totalShares The pool's shares before.
    /// @return Shares to mint.
    function toSharesDown(uint256 assets, uint256 totalAssets, uint256 totalShares) internal pure returns (uint256) {
        if (totalShares == 0) return assets;
        return Math.mulDiv(assets, totalShares, totalAssets, Math.Rounding.Floor);
    }

    /// @notice Shares burned to take `assets` out of a pool; rounds up.
    /// @param assets Tokens leaving.
    /// @param totalAssets The pool's assets before (positive when shares exist).
    /// @param totalShares The pool's shares before.
    /// @return Shares to burn.
    function toSharesUp(uint256 assets, uint256 totalAssets, uint256 totalShares) internal pure returns (uint256) {
        return Math.mulDiv(assets, totalShares, totalAssets, Math.Rounding.Ceil);
    }

    /// @notice Value of `shares`; rounds down, except that all the shares are worth all the assets (the last
    /// holder out takes the rounding dust, so an emptied pool holds nothing). No shares are worth nothing.
    /// @param shares Shares to value.
    /// @param totalAssets The pool's assets.
    /// @param totalShares The pool's shares.
    /// @return Their value in tokens.
    function toAssetsDown(uint256 shares, uint256 totalAssets, uint256 totalShares) internal pure returns (uint256) {
        if (shares == 0) return 0;
        if (shares == totalShares) return totalAssets;
        return Math.mulDiv(shares, totalAssets, totalShares, Math.Rounding.Floor);
    }

    /// @notice Shares scaled by a weight in bps; rounds down.
    /// @param shares Shares.
    /// @param weightBps Weight (10,000 = 1x).
    /// @return The weighted shares.
    function weighted(uint256 shares, uint256 weightBps) internal pure returns (uint256) {
        return Math.mulDiv(shares, weightBps, BPS, Math.Rounding.Floor);
    }

    /// @notice Rewards to distribute over `elapsed` seconds: the scheduled rate, raised to the APY floor and
    /// lowered to the APY ceiling on `stake`, and never more than the budget.
    /// @dev The ceiling rounds down, so the paid APY never exceeds `maxApyBps`; with no stake nothing is paid
    /// and the budget carries over.
    /// @param elapsed Seconds since the last distribution.
    /// @param ratePerSecond Scheduled rate (budget / reward duration at the last notification).
    /// @param budget Undistributed tokens.
    /// @param stake The stake the band applies to.
    /// @param minApyBps Lower edge of the band.
    /// @param maxApyBps Upper edge of the band.
    /// @return Tokens to distribute.
    function rewardFlow(
        uint256 elapsed,
        uint256 ratePerSecond,
        uint256 budget,
        uint256 stake,
        uint256 minApyBps,
        uint256 maxApyBps
    ) internal pure returns (uint256) {
        uint256 flow = ratePerSecond * elapsed;
        uint256 floorFlow = Math.mulDiv(stake, minApyBps * elapsed, BPS * YEAR, Math.Rounding.Floor);
        uint256 ceilingFlow = Math.mulDiv(stake, maxApyBps * elapsed, BPS * YEAR, Math.Rounding.Floor);
        if (flow < floorFlow) flow = floorFlow;
        if (flow > ceilingFlow) flow = ceilingFlow;
        return flow < budget ? flow : budget;
    }

    /// @notice Voting bonus of a lock: linear in its duration, reaching `maxBonusBps` at `fullDuration`.
    /// @param duration The lock's duration, in seconds.
    /// @param fullDuration The duration that earns the whole bonus.
    /// @param maxBonusBps The whole bonus.
    /// @return The bonus, in bps; rounds down.
    function voteBonus(uint256 duration, uint256 fullDuration, uint256 maxBonusBps) internal pure returns (uint256) {
        if (duration >= fullDuration) return maxBonusBps;
        return (maxBonusBps * duration) / fullDuration;
    }

    /// @notice Reputation score of a stake: `1000 * stake / (stake + halfStake)`, 0 for no stake, half the
    /// maximum at `halfStake`, approaching (never reaching) 1,000 with diminishing returns.
    /// @param stake The reputation stake.
    /// @param halfStake The stake that earns half the maximum score (positive).
    /// @return The score; rounds down.
    function reputationScore(uint256 stake, uint256 halfStake) internal pure returns (uint256) {
        return Math.mulDiv(MAX_REPUTATION_SCORE, stake, stake + halfStake, Math.Rounding.Floor);
    }
}
