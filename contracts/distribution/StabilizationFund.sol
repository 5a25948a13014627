// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {IStabilizationFund} from "../interfaces/IStabilizationFund.sol";

/// @title StabilizationFund
/// @notice Holds the stabilization share of every epoch; governance spends it on liquidity (the QRY AMM).
contract StabilizationFund is IStabilizationFund, AccessManaged {
    using SafeERC20 for IERC20;

    IERC20 private immutable _TOKEN;

    /// @notice Deploys an empty fund.
    /// @param token_ The token it holds (QRY).
    /// @param authority The preset's AccessManager.
    constructor(address token_, address authority) AccessManaged(authority) {
        if (token_ == address(0)) revert InvalidToken();
        _TOKEN = IERC20(token_);
    }

    /// @inheritdoc IStabilizationFund
    function withdraw(address to, uint256 amount, bytes32 purpose) external restricted {
        if (to == address(0)) revert ZeroAddress();
        if (amount == 0) revert ZeroAmount();
        emit Withdrawn(to, amount, purpose);
        _TOKEN.safeTransfer(to, amount);
    }

    /// @inheritdoc IStabilizationFund
    function token() external view returns (address) {
        return address(_TOKEN);
    }
}
