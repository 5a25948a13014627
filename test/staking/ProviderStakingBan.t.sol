// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {IProviderStaking} from "../../contracts/interfaces/IProviderStaking.sol";
import {StakingBase} from "./StakingBase.sol";

/// @notice Bans (the slasher's `setBanned`): a banned provider is inactive, earns nothing and takes no new
/// delegations; its delegators can still leave; its stake stays slashable; a lifted ban restores it.
contract ProviderStakingBanTest is StakingBase {
    function _ban(address provider, bool banned) internal {
        vm.prank(slasher);
        staking.setBanned(provider, banned);
    }

    /// Two Platinum providers with one delegator each and a funded stream (the split test's setup).
    function _twoProviders() internal {
        _register(p1, 1_000_000 ether);
        _register(p2, 1_000_000 ether);
        _delegate(d1, p1, 500_000 ether);
        _delegate(d2, p2, 500_000 ether);
        _notify(10_000 ether);
        _skip(1_000);
    }

    function test_setBanned_makesTheProviderInactiveAndStopsItsRewards() public {
        _twoProviders();
        vm.expectEmit(true, false, false, true, address(staking));
        emit IProviderStaking.ProviderStatusChanged(p1, false);
        vm.expectEmit(true, false, false, true, address(staking));
        emit IProviderStaking.BanChanged(p1, true);
        _ban(p1, true);

        assertTrue(staking.isBanned(p1), "banned");
        assertFalse(staking.isActive(p1), "a banned provider is inactive (no work in the market)");
        assertFalse(staking.providerInfo(p1).active, "its pool is inactive");
        (, , uint256 earningStake, , ) = staking.rewardState();
        assertEq(earningStake, 1_500_000 ether, "only p2's pool earns");
        assertEq(staking.tierOf(p1).maxSlashBps, 2_000, "the slash cap still follows its tier");

        uint256 p1Before = staking.pendingRewards(p1);
        uint256 d1Before = staking.pendingRewards(d1);
        uint256 p2Before = staking.pendingRewards(p2);
        assertGt(p1Before, 0, "p1 keeps what it earned before the ban");
        _skip(1_000);
        assertEq(staking.pendingRewards(p1), p1Before, "p1 earns nothing while banned");
        assertEq(staking.pendingRewards(d1), d1Before, "p1's delegator earns nothing either");
        assertGt(staking.pendingRewards(p2), p2Before, "p2 keeps earning");
    }

    function test_RevertWhen_delegateToBannedProvider() public {
        _register(p1, 100_000 ether);
        _ban(p1, true);
        _fundAccount(d1, 1_000 ether);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.ProviderBanned.selector, p1));
        staking.delegate(p1, 1_000 ether);
        assertEq(staking.positionOf(d1).shares, 0, "no position");
        assertEq(token.balanceOf(d1), 1_000 ether, "tokens not taken");
        assertEq(staking.providerInfo(p1).delegatedStake, 0, "nothing delegated");
    }

    function test_RevertWhen_redelegateToBannedProvider() public {
        _register(p1, 100_000 ether);
        _register(p2, 100_000 ether);
        _delegate(d1, p2, 1_000 ether);
        _ban(p1, true);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.ProviderBanned.selector, p1));
        staking.redelegate(p1);
        assertEq(staking.positionOf(d1).provider, p2, "still with p2");
        assertEq(_stakeOf(d1), 1_000 ether, "still bonded");
        assertEq(staking.positionOf(d1).openRequests, 0, "no request opened");
    }

    function test_RevertWhen_delegatorRebondsIntoBannedProvider() public {
        _register(p1, 100_000 ether);
        _delegate(d1, p1, 1_000 ether);
        uint256 index = _unbond(d1, 400 ether);
        _ban(p1, true);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.ProviderBanned.selector, p1));
        staking.rebond(index);
        assertEq(staking.unbondingRequest(d1, index).amount, 400 ether, "the request is still open");
        assertEq(_stakeOf(d1), 600 ether, "active stake unchanged");
    }

    function test_setBanned_delegatorsCanUnbondRedelegateAwayAndWithdraw() public {
        _register(p1, 100_000 ether);
        _register(p2, 100_000 ether);
        _delegate(d1, p1, 1_000 ether);
        _delegate(d2, p1, 2_000 ether);
        _ban(p1, true);

        uint256 index = _unbond(d1, 1_000 ether);
        vm.prank(d2);
        uint256 moving = staking.redelegate(p2);
        _skip(UNBONDING);
        vm.prank(d1);
        assertEq(staking.withdraw(index), 1_000 ether, "d1 left with its whole stake");
        assertEq(token.balanceOf(d1), 1_000 ether, "d1 paid");
        vm.prank(d2);
        staking.withdraw(moving);
        assertEq(staking.positionOf(d2).provider, p2, "d2 moved to p2");
        assertEq(_stakeOf(d2), 2_000 ether, "with its whole stake");
    }

    function test_setBanned_redelegationInFlightTowardsItIsPaidOut() public {
        _register(p1, 100_000 ether);
        _register(p2, 100_000 ether);
        _delegate(d1, p2, 1_000 ether);
        vm.prank(d1);
        uint256 index = staking.redelegate(p1);
        _ban(p1, true);
        _skip(UNBONDING);
        vm.expectEmit(true, true, false, true, address(staking));
        emit IProviderStaking.Withdrawn(d1, p2, index, 1_000 ether, address(0));
        vm.prank(d1);
        staking.withdraw(index);
        assertEq(token.balanceOf(d1), 1_000 ether, "paid out instead of bonded to the banned provider");
        assertEq(staking.positionOf(d1).shares, 0, "no position with p1");
    }

    function test_setBanned_providerMayStillStakeAndUnbondButEarnsNothing() public {
        _twoProviders();
        _ban(p1, true);
        _stake(p1, 10_000 ether);
        assertEq(_stakeOf(p1), 1_010_000 ether, "its own stake is accepted");
        assertFalse(staking.providerInfo(p1).active, "still inactive");
        uint256 before = staking.pendingRewards(p1);
        _skip(1_000);
        assertEq(staking.pendingRewards(p1), before, "and earns nothing");
        uint256 index = _unbond(p1, 10_000 ether);
        assertEq(staking.unbondingRequest(p1, index).amount, 10_000 ether, "it can leave through unbonding");
    }

    function test_setBanned_bannedStakeStaysSlashable() public {
        _register(p1, 100_000 ether);
        _delegate(d1, p1, 100_000 ether);
        _unbond(d1, 50_000 ether);
        _ban(p1, true);
        vm.prank(slasher);
        (uint256 fromActive, uint256 fromUnbonding, ) = staking.slash(p1, 1_000, keccak256("late"));
        assertEq(fromActive, 15_000 ether, "10% of the 150,000 active");
        assertEq(fromUnbonding, 5_000 ether, "10% of the 50,000 unbonding");
    }

    function test_setBanned_liftRestoresActivityRewardsAndDelegation() public {
        _twoProviders();
        _ban(p1, true);
        _skip(1_000);
        vm.expectEmit(true, false, false, true, address(staking));
        emit IProviderStaking.ProviderStatusChanged(p1, true);
        vm.expectEmit(true, false, false, true, address(staking));
        emit IProviderStaking.BanChanged(p1, false);
        _ban(p1, false);
        assertFalse(staking.isBanned(p1), "ban lifted");
        assertTrue(staking.isActive(p1), "active again");
        (, , uint256 earningStake, , ) = staking.rewardState();
        assertEq(earningStake, 3_000_000 ether, "both pools earn");
        uint256 before = staking.pendingRewards(p1);
        _skip(1_000);
        assertGt(staking.pendingRewards(p1), before, "p1 earns again");
        _delegate(d3, p1, 1_000 ether);
        assertEq(_stakeOf(d3), 1_000 ether, "and takes delegations");
    }

    function test_RevertWhen_setBannedUnchanged() public {
        _register(p1, 100_000 ether);
        vm.prank(slasher);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.BanUnchanged.selector, p1, false));
        staking.setBanned(p1, false);
        _ban(p1, true);
        vm.prank(slasher);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.BanUnchanged.selector, p1, true));
        staking.setBanned(p1, true);
        assertTrue(staking.isBanned(p1), "still banned");
    }

    function test_RevertWhen_setBannedUnknownProvider() public {
        vm.prank(slasher);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.UnknownProvider.selector, d1));
        staking.setBanned(d1, true);
        assertFalse(staking.isBanned(d1), "nothing recorded");
    }

    function test_RevertWhen_setBannedByStranger() public {
        _register(p1, 100_000 ether);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, d1));
        staking.setBanned(p1, true);
        assertFalse(staking.isBanned(p1), "not banned");
        assertTrue(staking.isActive(p1), "still active");
    }
}
