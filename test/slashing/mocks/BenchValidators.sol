// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IChallengeCourt} from "../../../contracts/interfaces/IChallengeCourt.sol";

/// @notice One validator of the gas benchmark: in its constructor it takes its bond from the factory that deploys it
/// and registers with the court from its own address. It keeps no code.
contract BenchValidator {
    constructor(IChallengeCourt court, IERC20 token, uint256 bond) {
        BenchValidators(msg.sender).fund(bond);
        token.approve(address(court), bond);
        court.registerValidator();
    }
}

/// @notice Test-only factory for the gas benchmark: registers many validators per transaction, each from a distinct
/// address, so a benchmark can measure a vote with 10 or 10,000 validators cheaply.
/// @dev Holds the tokens it hands out; `fund` pays any caller (test-only, never deployed outside a devnet).
contract BenchValidators {
    IChallengeCourt public immutable court;
    IERC20 public immutable token;

    constructor(IChallengeCourt court_, IERC20 token_) {
        court = court_;
        token = token_;
    }

    /// @notice Pays `amount` to the validator being constructed.
    function fund(uint256 amount) external {
        require(token.transfer(msg.sender, amount), "transfer");
    }

    /// @notice Registers `count` validators, each with `bond`.
    function create(uint256 count, uint256 bond) external {
        for (uint256 i; i < count; ++i) new BenchValidator(court, token, bond);
    }
}
