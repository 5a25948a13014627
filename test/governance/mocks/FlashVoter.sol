// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";

import {FlashLender, IFlashBorrower} from "./FlashLender.sol";
import {MockVotingWeight} from "./MockVotingWeight.sol";

/// @notice An attacker that borrows tokens, delegates half and stakes the other half for a year, optionally
/// votes, then unstakes and repays, all in one transaction.
contract FlashVoter is IFlashBorrower {
    FlashLender public immutable lender;
    IGovernor public immutable governor;
    MockVotingWeight public immutable staking;

    uint256 public proposalId;
    bool public voteDuringLoan;
    uint256 public weightCast;

    constructor(FlashLender lender_, IGovernor governor_, MockVotingWeight staking_) {
        lender = lender_;
        governor = governor_;
        staking = staking_;
    }

    function attack(uint256 proposalId_, uint256 amount, bool vote_) external {
        proposalId = proposalId_;
        voteDuringLoan = vote_;
        lender.flashLoan(this, amount);
    }

    /// @notice Votes outside any loan (after a loan taken at the snapshot).
    function vote(uint256 proposalId_) external returns (uint256) {
        weightCast = governor.castVote(proposalId_, 1);
        return weightCast;
    }

    function onFlashLoan(uint256 amount) external {
        IERC20 token = lender.token();
        IVotes(address(token)).delegate(address(this));
        uint256 half = amount / 2;
        token.approve(address(staking), half);
        staking.stake(half, 365 days);
        if (voteDuringLoan) weightCast = governor.castVote(proposalId, 1);
        staking.unstake();
        require(token.transfer(address(lender), amount), "repay");
    }
}
