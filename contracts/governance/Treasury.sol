// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {ITreasury} from "../interfaces/ITreasury.sol";
import {GuardianPausable} from "../common/GuardianPausable.sol";

/// @title Treasury
/// @notice Holds the community allocation; governance spends it, the guardian may pause spending.
contract Treasury is ITreasury, GuardianPausable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice Deploys an empty treasury.
    /// @param authority The preset's AccessManager.
    /// @param pauseDuration_ The guardian's pause duration in seconds (the preset).
    constructor(address authority, uint256 pauseDuration_) AccessManaged(authority) GuardianPausable(pauseDuration_) {}

    /// @inheritdoc ITreasury
    function transfer(IERC20 token, address to, uint256 amount) external restricted whenNotPaused nonReentrant {
        if (to == address(0) || to == address(this)) revert InvalidRecipient(to);
        if (amount == 0) revert ZeroAmount();
        token.safeTransfer(to, amount);
        emit Transferred(token, to, amount);
    }
}
