// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {ICreditManager} from "../../../contracts/interfaces/ICreditManager.sol";

/// @notice Gas benchmark helper: gives `count` fresh accounts a collateral position (1 QER) and a vault deposit
/// (1 USDC) each, paid from this contract's balances, so a benchmark can measure an action among many participants
/// without one transaction per participant.
contract BenchCrowd {
    ICreditManager public immutable cm;
    IERC4626 public immutable vault;

    constructor(ICreditManager cm_, IERC20 qer, IERC4626 vault_, IERC20 stable) {
        cm = cm_;
        vault = vault_;
        qer.approve(address(cm_), type(uint256).max);
        stable.approve(address(vault_), type(uint256).max);
    }

    function crowd(uint256 first, uint256 count) external {
        for (uint256 i = first; i < first + count; ++i) {
            address account = address(uint160(0x100000 + i));
            cm.addCollateral(account, 1 ether);
            vault.deposit(1e6, account);
        }
    }
}
