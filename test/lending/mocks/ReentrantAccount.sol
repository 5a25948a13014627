// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {CreditManager} from "../../../contracts/lending/CreditManager.sol";
import {EthReserve} from "../../../contracts/lending/EthReserve.sol";

/// @notice A borrower (or liquidator) whose ETH receive hook tries to re-enter the lending module: it records
/// the error it got, and then accepts the ETH (so the outer call goes on) unless told to refuse it.
contract ReentrantAccount {
    enum Attack {
        WithdrawCollateral,
        Borrow,
        Liquidate,
        Claim
    }

    CreditManager public immutable cm;
    EthReserve public immutable reserve;
    IERC20 public immutable qer;
    IERC20 public immutable usdc;

    Attack public attack;
    address public target;
    bool public refuse;
    uint256 public received;
    uint256 public attempts;
    bytes public reentryError;

    constructor(CreditManager cm_, EthReserve reserve_, IERC20 qer_, IERC20 usdc_) {
        cm = cm_;
        reserve = reserve_;
        qer = qer_;
        usdc = usdc_;
        qer_.approve(address(cm_), type(uint256).max);
        usdc_.approve(address(cm_), type(uint256).max);
    }

    function setAttack(Attack attack_, address target_, bool refuse_) external {
        attack = attack_;
        target = target_;
        refuse = refuse_;
    }

    function open(uint256 collateral, uint256 debt) external {
        cm.addCollateral(address(this), collateral);
        cm.borrow(debt, 0, block.timestamp);
    }

    function repayAll() external {
        cm.repay(address(this), type(uint256).max);
    }

    function liquidate(address account, uint256 maxRepay) external {
        cm.liquidate(account, maxRepay);
    }

    function claim() external {
        reserve.claim(payable(address(this)));
    }

    // The point of this mock is a receive hook that does things.
    // solhint-disable-next-line no-complex-fallback
    receive() external payable {
        attempts++;
        if (attack == Attack.WithdrawCollateral) {
            try cm.withdrawCollateral(1, address(this)) {} catch (bytes memory reason) {
                reentryError = reason;
            }
        } else if (attack == Attack.Borrow) {
            try cm.borrow(1, 0, block.timestamp) {} catch (bytes memory reason) {
                reentryError = reason;
            }
        } else if (attack == Attack.Liquidate) {
            try cm.liquidate(target, type(uint256).max) {} catch (bytes memory reason) {
                reentryError = reason;
            }
        } else {
            try reserve.claim(payable(address(this))) {} catch (bytes memory reason) {
                reentryError = reason;
            }
        }
        require(!refuse, "refused");
        received += msg.value;
    }
}
