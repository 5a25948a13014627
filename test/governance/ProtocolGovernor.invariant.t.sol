// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {GovernanceBase} from "./GovernanceBase.sol";
import {GovernorHandler} from "./handlers/GovernorHandler.sol";

contract ProtocolGovernorInvariantTest is GovernanceBase {
    GovernorHandler internal handler;
    address internal dave;

    function setUp() public override {
        super.setUp();
        dave = makeAddr("dave");
        address[] memory proposers = new address[](2);
        proposers[0] = proposer;
        proposers[1] = dave;
        address[] memory voters = new address[](3);
        voters[0] = alice;
        voters[1] = bob;
        voters[2] = carol;
        handler = new GovernorHandler(governor, target, proposers, voters);

        vm.prank(bank);
        token.transfer(dave, 1_000_000 ether);
        vm.prank(dave);
        token.approve(address(governor), type(uint256).max);
        // alice 200,000, bob 150,000, carol 100,000 + 40,000 x 2 staked: the 400,000 quorum needs all three.
        _giveVotes(alice, 200_000 ether);
        _giveVotes(bob, 150_000 ether);
        _giveVotes(carol, 100_000 ether);
        _stake(carol, 40_000 ether, 365 days);
        targetContract(address(handler));
    }

    /// @dev The governor holds exactly the deposits it has not settled: it owes nothing it cannot pay.
    function invariant_governorHoldsEveryUnsettledDeposit() public view {
        assertEq(
            token.balanceOf(address(governor)),
            handler.ghostTaken() - handler.ghostRefunded() - handler.ghostForfeited() + _reserve(),
            "governor balance != deposits taken - settled + reserve"
        );
        uint256 unsettled;
        for (uint256 i; i < handler.idCount(); ++i) {
            unsettled += governor.proposalTerms(handler.ids(i)).deposit;
        }
        assertEq(unsettled + _reserve(), token.balanceOf(address(governor)), "sum of recorded deposits + reserve");
    }

    /// @dev Only forfeited deposits reach the treasury; proposers get back everything else they paid.
    function invariant_forfeitsGoToTheTreasury() public view {
        assertEq(
            token.balanceOf(address(treasury)),
            5_000_000 ether + handler.ghostForfeited(),
            "treasury != genesis + forfeits"
        );
        assertEq(
            token.balanceOf(proposer) + token.balanceOf(dave),
            2_000_000 ether + handler.ghostRefunded() - handler.ghostTaken() - _reserve(),
            "proposers' balances"
        );
    }

    /// @dev The 1-wei reserve the governor's first proposal with a deposit took, once it has been taken.
    function _reserve() private view returns (uint256) {
        return governor.holdsDepositReserve() ? RESERVE : 0;
    }
}
