// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IEmissionController} from "../../../contracts/interfaces/IEmissionController.sol";
import {IRewardReceiver} from "../../../contracts/interfaces/IRewardReceiver.sol";

/// @notice A reward pool that records each notification and checks, as a real pool must, that the tokens it is
/// told about are already in its balance. Can be told to revert, or to call `release()` back on its funder.
contract MockRewardReceiver is IRewardReceiver {
    error NotFunded(uint256 balance, uint256 notified);
    error Refused();

    IERC20 public immutable token;
    uint256 public notified;
    uint256 public notifications;
    uint256 public lastAmount;
    bool public refuse;
    IEmissionController public reenterTarget;
    bytes public reenterResult;

    constructor(IERC20 token_) {
        token = token_;
    }

    function setRefuse(bool refuse_) external {
        refuse = refuse_;
    }

    function setReenter(IEmissionController target) external {
        reenterTarget = target;
    }

    function notifyRewardAmount(uint256 amount) external {
        if (refuse) revert Refused();
        uint256 balance = token.balanceOf(address(this));
        if (balance < notified + amount) revert NotFunded(balance, notified + amount);
        notified += amount;
        notifications += 1;
        lastAmount = amount;
        if (address(reenterTarget) != address(0)) {
            try reenterTarget.release() {
                revert("reentry succeeded");
            } catch (bytes memory result) {
                reenterResult = result;
            }
        }
    }
}
