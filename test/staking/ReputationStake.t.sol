// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IReputationStake} from "../../contracts/interfaces/IReputationStake.sol";
import {StakingBase} from "./StakingBase.sol";

/// @notice Reputation stake: a bounded score with diminishing returns, a cooldown, slashed with the provider.
contract ReputationStakeTest is StakingBase {
    function setUp() public override {
        super.setUp();
        _register(p1, 10_000 ether);
    }

    function _add(address provider, uint256 amount) internal {
        _mint(provider, amount);
        vm.startPrank(provider);
        token.approve(address(reputation), amount);
        reputation.addStake(amount);
        vm.stopPrank();
    }

    function test_addStake_raisesTheScore() public {
        assertEq(reputation.scoreOf(p1), 0, "no reputation stake");
        _add(p1, 100_000 ether);
        assertEq(reputation.scoreOf(p1), 500, "the half-stake (100,000) earns 500");
        _add(p1, 200_000 ether);
        assertEq(reputation.scoreOf(p1), 750, "300,000: 1000 x 3/4");
        assertEq(reputation.accountOf(p1).stake, 300_000 ether, "stake");
        assertEq(token.balanceOf(address(reputation)), 300_000 ether, "tokens held by the reputation contract");
        assertEq(reputation.totalOwed(), 300_000 ether, "owed");
    }

    function test_scoreOf_followsTheGovernedHalfStake() public {
        _add(p1, 100_000 ether);
        _setParameter(keccak256("staking.reputationHalfStake"), 300_000 ether);
        assertEq(reputation.scoreOf(p1), 250, "100,000 / (100,000 + 300,000)");
    }

    function test_RevertWhen_addStakeByNonProvider() public {
        _mint(d1, 1 ether);
        vm.startPrank(d1);
        token.approve(address(reputation), 1 ether);
        vm.expectRevert(abi.encodeWithSelector(IReputationStake.NotAProvider.selector, d1));
        reputation.addStake(1 ether);
        vm.stopPrank();
        assertEq(token.balanceOf(d1), 1 ether, "balance unchanged");
    }

    function test_RevertWhen_addStakeZero() public {
        vm.prank(p1);
        vm.expectRevert(IReputationStake.ZeroAmount.selector);
        reputation.addStake(0);
    }

    function test_withdraw_afterTheCooldownAtTheExactSecond() public {
        _add(p1, 1_000 ether);
        vm.prank(p1);
        reputation.requestWithdrawal(400 ether);
        assertEq(reputation.accountOf(p1).stake, 600 ether, "stake left");
        assertEq(reputation.accountOf(p1).pending, 400 ether, "pending");
        assertEq(reputation.accountOf(p1).unlockAt, T0 + UNBONDING, "the staking unbonding period");

        vm.warp(T0 + UNBONDING - 1);
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IReputationStake.CooldownNotFinished.selector, p1, T0 + UNBONDING));
        reputation.withdraw();
        vm.warp(T0 + UNBONDING);
        vm.prank(p1);
        assertEq(reputation.withdraw(), 400 ether, "paid at the exact second");
        assertEq(token.balanceOf(p1), 400 ether, "balance");

        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IReputationStake.NoPendingWithdrawal.selector, p1));
        reputation.withdraw();
    }

    function test_requestWithdrawal_addingRestartsTheCooldown() public {
        _add(p1, 1_000 ether);
        vm.prank(p1);
        reputation.requestWithdrawal(100 ether);
        _skip(10 days);
        vm.prank(p1);
        reputation.requestWithdrawal(100 ether);
        assertEq(reputation.accountOf(p1).pending, 200 ether, "pending adds up");
        assertEq(reputation.accountOf(p1).unlockAt, T0 + 10 days + UNBONDING, "cooldown restarted");
    }

    function test_cancelWithdrawal_returnsPendingToStake() public {
        _add(p1, 1_000 ether);
        vm.prank(p1);
        reputation.requestWithdrawal(400 ether);
        vm.prank(p1);
        reputation.cancelWithdrawal();
        assertEq(reputation.accountOf(p1).stake, 1_000 ether, "stake restored");
        assertEq(reputation.accountOf(p1).pending, 0, "nothing pending");
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IReputationStake.NoPendingWithdrawal.selector, p1));
        reputation.cancelWithdrawal();
    }

    function test_RevertWhen_requestZero() public {
        _add(p1, 1_000 ether);
        vm.prank(p1);
        vm.expectRevert(IReputationStake.ZeroAmount.selector);
        reputation.requestWithdrawal(0);
        assertEq(reputation.accountOf(p1).pending, 0, "nothing pending");
    }

    function test_RevertWhen_requestMoreThanStake() public {
        _add(p1, 1_000 ether);
        vm.prank(p1);
        vm.expectRevert(
            abi.encodeWithSelector(IReputationStake.InsufficientReputation.selector, 1_000 ether, 1_000 ether + 1)
        );
        reputation.requestWithdrawal(1_000 ether + 1);
        assertEq(reputation.accountOf(p1).stake, 1_000 ether, "unchanged");
    }

    function test_slash_reachesPendingWithdrawal() public {
        _add(p1, 1_000 ether);
        vm.prank(p1);
        reputation.requestWithdrawal(400 ether);
        vm.prank(slasher);
        (, , uint256 fromReputation) = staking.slash(p1, 500, bytes32(0));
        assertEq(fromReputation, 50 ether, "5% of 600 + 5% of 400");
        assertEq(reputation.accountOf(p1).stake, 570 ether, "stake");
        assertEq(reputation.accountOf(p1).pending, 380 ether, "leaving does not escape the slash");
        assertEq(token.balanceOf(address(reputation)), 950 ether, "burned");
        assertEq(reputation.totalOwed(), 950 ether, "owed");
    }

    function test_RevertWhen_slashNotFromStaking() public {
        _add(p1, 1_000 ether);
        vm.prank(slasher);
        vm.expectRevert(abi.encodeWithSelector(IReputationStake.OnlyStaking.selector, slasher));
        reputation.slash(p1, 500);
        assertEq(reputation.accountOf(p1).stake, 1_000 ether, "unchanged");
    }
}
