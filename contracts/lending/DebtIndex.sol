// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {RAY} from "../common/Constants.sol";

/// @title DebtIndex
/// @notice Conversions between stablecoin amounts and scaled debt under the vault's borrow index.
/// @dev A debt is stored as `scaled = assets * RAY / index` when it is drawn; it is worth `scaled * index / RAY`
/// later, as the index grows with interest (Aave's "scaled balance"). The rounding is always the protocol's:
/// a draw adds scaled debt rounded up, a partial repayment removes it rounded down, and a debt is read rounded up.
/// So the sum of all positions' debts is never below the vault's total borrowed (`totalScaled * index / RAY`,
/// rounded down). Plain checked arithmetic, not 512-bit `mulDiv`: scaled debts and the index are stored in at most
/// 128 bits and amounts are stablecoin units, so no product comes near 2^256 (one that did would revert, never
/// round wrong).
library DebtIndex {
    /// @notice Scaled debt a draw of `assets` adds (rounded up).
    /// @param assets Amount drawn.
    /// @param index Current borrow index (RAY).
    /// @return The scaled debt.
    function toScaledUp(uint256 assets, uint256 index) internal pure returns (uint256) {
        return Math.ceilDiv(assets * RAY, index);
    }

    /// @notice Scaled debt a repayment of `assets` removes (rounded down).
    /// @param assets Amount repaid.
    /// @param index Current borrow index (RAY).
    /// @return The scaled debt.
    function toScaledDown(uint256 assets, uint256 index) internal pure returns (uint256) {
        return (assets * RAY) / index;
    }

    /// @notice What a scaled debt is owed (rounded up).
    /// @param scaled Scaled debt.
    /// @param index Current borrow index (RAY).
    /// @return The debt in assets.
    function toAssetsUp(uint256 scaled, uint256 index) internal pure returns (uint256) {
        return Math.ceilDiv(scaled * index, RAY);
    }

    /// @notice What a scaled debt is worth to the lender's books (rounded down).
    /// @param scaled Scaled debt.
    /// @param index Current borrow index (RAY).
    /// @return The debt in assets.
    function toAssetsDown(uint256 scaled, uint256 index) internal pure returns (uint256) {
        return (scaled * index) / RAY;
    }
}
