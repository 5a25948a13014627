// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

interface IFlashBorrower {
    function onFlashLoan(uint256 amount) external;
}

/// @notice A minimal flash lender: lends its whole balance for the length of one call and checks it came back.
contract FlashLender {
    IERC20 public immutable token;

    constructor(IERC20 token_) {
        token = token_;
    }

    function flashLoan(IFlashBorrower borrower, uint256 amount) external {
        uint256 before = token.balanceOf(address(this));
        require(token.transfer(address(borrower), amount), "lend");
        borrower.onFlashLoan(amount);
        require(token.balanceOf(address(this)) >= before, "not repaid");
    }
}
