// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title LendingKeys
/// @notice Parameter-registry keys of the lending module's governed numbers (interfaces cannot hold constants).
/// @dev Each key names the contract that stores the value. TypeScript computes the same ids with
/// `ethers.id("lending.<name>")`.
library LendingKeys {
    // ---- CreditManager
    /// @dev Largest debt a borrow or a collateral withdrawal may leave, in bps of the QER collateral's value.
    bytes32 internal constant MAX_LTV_BPS = keccak256("lending.maxLtvBps");
    /// @dev Debt above this share of the collateral's value (QER + the position's ETH) may be liquidated, in bps.
    bytes32 internal constant LIQUIDATION_THRESHOLD_BPS = keccak256("lending.liquidationThresholdBps");
    /// @dev Extra collateral a liquidator receives, in bps of the debt repaid.
    bytes32 internal constant LIQUIDATION_BONUS_BPS = keccak256("lending.liquidationBonusBps");
    /// @dev Largest share of a position's debt one liquidation may repay, in bps (insolvent positions: all).
    bytes32 internal constant CLOSE_FACTOR_BPS = keccak256("lending.closeFactorBps");
    /// @dev Share of the liquidation bonus the liquidator pays to the insurance fund in the stablecoin, in bps.
    bytes32 internal constant LIQUIDATION_FEE_BPS = keccak256("lending.liquidationFeeBps");
    /// @dev Largest total debt of all positions, in stablecoin units.
    bytes32 internal constant DEBT_CEILING = keccak256("lending.debtCeiling");
    /// @dev Smallest draw, in stablecoin units.
    bytes32 internal constant MIN_BORROW = keccak256("lending.minBorrow");

    // ---- StableVault (kinked utilization rate model and the insurance share of interest)
    /// @dev Borrow rate at zero utilization, in bps per year.
    bytes32 internal constant BASE_RATE_BPS = keccak256("lending.baseRateBps");
    /// @dev Rate added between zero and the optimal utilization, in bps per year.
    bytes32 internal constant SLOPE1_BPS = keccak256("lending.slope1Bps");
    /// @dev Rate added between the optimal utilization and 100%, in bps per year.
    bytes32 internal constant SLOPE2_BPS = keccak256("lending.slope2Bps");
    /// @dev The kink of the rate curve, in bps of utilization.
    bytes32 internal constant OPTIMAL_UTILIZATION_BPS = keccak256("lending.optimalUtilizationBps");
    /// @dev Share of borrowers' interest owed to the insurance fund, in bps.
    bytes32 internal constant INSURANCE_INTEREST_SHARE_BPS = keccak256("lending.insuranceInterestShareBps");

    // ---- EthReserve
    /// @dev Largest shortfall of a swap's output below the oracle price, in bps.
    bytes32 internal constant MAX_SLIPPAGE_BPS = keccak256("lending.maxSlippageBps");
    /// @dev Share of the ETH bought for a draw that belongs to the position (returned on full repayment), in bps.
    bytes32 internal constant ETH_RETURN_BPS = keccak256("lending.ethReturnBps");

    // ---- OracleRouter
    /// @dev Oldest QER/USD answer accepted, in seconds.
    bytes32 internal constant COLLATERAL_MAX_AGE = keccak256("lending.collateralMaxAge");
    /// @dev Oldest ETH/USD answer accepted, in seconds.
    bytes32 internal constant ETH_MAX_AGE = keccak256("lending.ethMaxAge");
    /// @dev Time after an L2 sequencer comes back up before prices are trusted again, in seconds.
    bytes32 internal constant SEQUENCER_GRACE_PERIOD = keccak256("lending.sequencerGracePeriod");
    /// @dev Largest rise of the QER reference price per window, in bps.
    bytes32 internal constant MAX_PRICE_JUMP_BPS = keccak256("lending.maxPriceJumpBps");
    /// @dev The window of the price-jump guard, in seconds.
    bytes32 internal constant PRICE_JUMP_WINDOW = keccak256("lending.priceJumpWindow");
}
