// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IProviderStaking} from "../../contracts/interfaces/IProviderStaking.sol";
import {ProviderStaking} from "../../contracts/staking/ProviderStaking.sol";
import {StakingBase} from "./StakingBase.sol";

/// @notice Providers, tiers, delegation, unbonding, withdrawal, rebonding, redelegation and locks.
contract ProviderStakingTest is StakingBase {
    // ------------------------------------------------------------------ registration and tiers

    function test_registerProvider_atMinimumIsBronzeAndActive() public {
        _fundAccount(p1, 10_000 ether);
        vm.expectEmit(true, false, false, true, address(staking));
        emit IProviderStaking.ProviderRegistered(p1, 10_000 ether);
        vm.prank(p1);
        staking.registerProvider(10_000 ether);

        IProviderStaking.TierInfo memory t = staking.tierOf(p1);
        assertEq(uint256(t.tier), uint256(IProviderStaking.Tier.Bronze), "bronze at exactly 10,000");
        assertEq(t.feeDiscountBps, 0, "bronze discount");
        assertEq(t.maxSlashBps, 500, "bronze max slash");
        assertEq(t.selfStake, 10_000 ether, "self-stake");
        assertTrue(staking.isActive(p1), "active");
        assertTrue(staking.providerInfo(p1).active, "stored status active");
        assertEq(token.balanceOf(address(staking)), 10_000 ether, "tokens pulled");
        assertEq(staking.positionOf(p1).provider, p1, "own position");
    }

    function test_RevertWhen_registerBelowMinimum() public {
        _fundAccount(p1, 10_000 ether);
        vm.prank(p1);
        vm.expectRevert(
            abi.encodeWithSelector(IProviderStaking.StakeBelowMinimum.selector, 10_000 ether - 1, 10_000 ether)
        );
        staking.registerProvider(10_000 ether - 1);
        assertFalse(staking.isRegistered(p1), "not registered");
        assertEq(token.balanceOf(p1), 10_000 ether, "balance unchanged");
    }

    function test_RevertWhen_registerTwice() public {
        _register(p1, 10_000 ether);
        _fundAccount(p1, 10_000 ether);
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.AlreadyRegistered.selector, p1));
        staking.registerProvider(10_000 ether);
        assertEq(_stakeOf(p1), 10_000 ether, "self-stake unchanged");
    }

    function test_RevertWhen_registerWhileDelegating() public {
        _register(p1, 10_000 ether);
        _delegate(d1, p1, 100 ether);
        _fundAccount(d1, 10_000 ether);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.StakedWithOtherProvider.selector, d1, p1));
        staking.registerProvider(10_000 ether);
        assertFalse(staking.isRegistered(d1), "not registered");
    }

    function test_tierOf_changesAtExactThresholds() public {
        _register(p1, 10_000 ether);
        _stake(p1, 40_000 ether - 1);
        assertEq(uint256(staking.tierOf(p1).tier), uint256(IProviderStaking.Tier.Bronze), "50,000 - 1 wei: bronze");
        _stake(p1, 1);
        IProviderStaking.TierInfo memory t = staking.tierOf(p1);
        assertEq(uint256(t.tier), uint256(IProviderStaking.Tier.Silver), "50,000: silver");
        assertEq(t.feeDiscountBps, 1_000, "silver discount");
        assertEq(t.maxSlashBps, 1_000, "silver max slash");

        _stake(p1, 200_000 ether - 1);
        assertEq(uint256(staking.tierOf(p1).tier), uint256(IProviderStaking.Tier.Silver), "250,000 - 1 wei: silver");
        _stake(p1, 1);
        t = staking.tierOf(p1);
        assertEq(uint256(t.tier), uint256(IProviderStaking.Tier.Gold), "250,000: gold");
        assertEq(t.feeDiscountBps, 2_000, "gold discount");
        assertEq(t.maxSlashBps, 1_500, "gold max slash");

        _stake(p1, 750_000 ether - 1);
        assertEq(uint256(staking.tierOf(p1).tier), uint256(IProviderStaking.Tier.Gold), "1,000,000 - 1 wei: gold");
        _stake(p1, 1);
        t = staking.tierOf(p1);
        assertEq(uint256(t.tier), uint256(IProviderStaking.Tier.Platinum), "1,000,000: platinum");
        assertEq(t.feeDiscountBps, 3_000, "platinum discount");
        assertEq(t.maxSlashBps, 2_000, "platinum max slash");

        // Back down: one wei below the minimum is no tier at all.
        _unbond(p1, 990_000 ether + 1);
        t = staking.tierOf(p1);
        assertEq(uint256(t.tier), uint256(IProviderStaking.Tier.None), "10,000 - 1 wei: none");
        assertEq(t.feeDiscountBps, 0, "no discount without a tier");
        assertEq(t.maxSlashBps, 2_000, "the slash cap stays platinum's while the unbonded stake is reachable");
        vm.warp(block.timestamp + UNBONDING);
        assertEq(staking.tierOf(p1).maxSlashBps, 500, "then an inactive provider is capped at bronze's maximum");
    }

    function test_tierOf_unknownProviderIsNone() public view {
        IProviderStaking.TierInfo memory t = staking.tierOf(d1);
        assertEq(uint256(t.tier), uint256(IProviderStaking.Tier.None), "unknown: none");
        assertEq(t.selfStake, 0, "no self-stake");
        assertFalse(staking.isActive(d1), "unknown is inactive");
    }

    function test_unbond_belowMinimumDeactivatesProvider() public {
        _register(p1, 10_000 ether);
        vm.expectEmit(true, false, false, true, address(staking));
        emit IProviderStaking.ProviderStatusChanged(p1, false);
        _unbond(p1, 1);
        assertFalse(staking.isActive(p1), "inactive below the minimum");
        assertFalse(staking.providerInfo(p1).active, "stored status inactive");
        (, , uint256 earningStake, , ) = staking.rewardState();
        assertEq(earningStake, 0, "an inactive pool earns nothing");

        _fundAccount(d1, 100 ether);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.ProviderInactive.selector, p1));
        staking.delegate(p1, 100 ether);

        // Staking back to the minimum reactivates it.
        _fundAccount(p1, 1);
        vm.expectEmit(true, false, false, true, address(staking));
        emit IProviderStaking.ProviderStatusChanged(p1, true);
        vm.prank(p1);
        staking.stake(1);
        assertTrue(staking.isActive(p1), "active again at the minimum");
    }

    function test_tierOf_followsGovernedThresholds() public {
        _register(p1, 40_000 ether);
        assertEq(uint256(staking.tierOf(p1).tier), uint256(IProviderStaking.Tier.Bronze), "bronze under 50,000");
        _setParameter(keccak256("staking.silverMinStake"), 40_000 ether);
        assertEq(uint256(staking.tierOf(p1).tier), uint256(IProviderStaking.Tier.Silver), "silver at the new 40,000");
    }

    function test_refreshProvider_appliesRaisedMinimum() public {
        _register(p1, 10_000 ether);
        _setParameter(keccak256("staking.minSelfStake"), 12_000 ether);
        assertFalse(staking.isActive(p1), "live view: below the new minimum");
        assertTrue(staking.providerInfo(p1).active, "stored status waits for a touch");
        staking.refreshProvider(p1);
        assertFalse(staking.providerInfo(p1).active, "refreshed: inactive");
    }

    // ------------------------------------------------------------------ delegation

    function test_delegate_creditsStakeAndShares() public {
        _register(p1, 10_000 ether);
        _fundAccount(d1, 2_500 ether);
        vm.expectEmit(true, true, false, true, address(staking));
        emit IProviderStaking.Staked(d1, p1, 2_500 ether, 2_500 ether);
        vm.prank(d1);
        staking.delegate(p1, 2_500 ether);

        IProviderStaking.PositionView memory pos = staking.positionOf(d1);
        assertEq(pos.provider, p1, "delegated to p1");
        assertEq(pos.shares, 2_500 ether, "1:1 shares before any slash");
        assertEq(pos.stake, 2_500 ether, "stake");
        IProviderStaking.ProviderView memory info = staking.providerInfo(p1);
        assertEq(info.selfStake, 10_000 ether, "self-stake");
        assertEq(info.delegatedStake, 2_500 ether, "delegated stake");
        (uint256 bonded, ) = staking.totalStakes();
        assertEq(bonded, 12_500 ether, "total bonded");
        assertEq(token.balanceOf(address(staking)), 12_500 ether, "tokens held");
    }

    function test_delegate_topUpSameProvider() public {
        _register(p1, 10_000 ether);
        _delegate(d1, p1, 1_000 ether);
        _delegate(d1, p1, 500 ether);
        assertEq(_stakeOf(d1), 1_500 ether, "stake added");
    }

    function test_RevertWhen_delegateZeroAmount() public {
        _register(p1, 10_000 ether);
        vm.prank(d1);
        vm.expectRevert(IProviderStaking.ZeroAmount.selector);
        staking.delegate(p1, 0);
        assertEq(staking.positionOf(d1).provider, address(0), "no position");
    }

    function test_RevertWhen_delegateToUnknownProvider() public {
        _fundAccount(d1, 100 ether);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.UnknownProvider.selector, p2));
        staking.delegate(p2, 100 ether);
        assertEq(token.balanceOf(d1), 100 ether, "balance unchanged");
    }

    function test_RevertWhen_providerDelegates() public {
        _register(p1, 10_000 ether);
        _register(p2, 10_000 ether);
        _fundAccount(p1, 100 ether);
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.ProviderCannotDelegate.selector, p1));
        staking.delegate(p2, 100 ether);
        assertEq(staking.providerInfo(p2).delegatedStake, 0, "nothing delegated");
    }

    function test_RevertWhen_delegateToSecondProvider() public {
        _register(p1, 10_000 ether);
        _register(p2, 10_000 ether);
        _delegate(d1, p1, 100 ether);
        _fundAccount(d1, 100 ether);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.StakedWithOtherProvider.selector, d1, p1));
        staking.delegate(p2, 100 ether);
        assertEq(_stakeOf(d1), 100 ether, "position unchanged");
    }

    function test_RevertWhen_stakeByNonProvider() public {
        _fundAccount(d1, 100 ether);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.UnknownProvider.selector, d1));
        staking.stake(100 ether);
    }

    function test_RevertWhen_stakeZeroAmount() public {
        _register(p1, 10_000 ether);
        vm.prank(p1);
        vm.expectRevert(IProviderStaking.ZeroAmount.selector);
        staking.stake(0);
    }

    // ------------------------------------------------------------------ unbonding and withdrawal

    function test_unbond_opensRequestUnlockingAfterThePeriod() public {
        _register(p1, 10_000 ether);
        _delegate(d1, p1, 1_000 ether);
        vm.expectEmit(true, true, false, true, address(staking));
        emit IProviderStaking.Unbonded(d1, p1, 0, IProviderStaking.RequestKind.Unstake, 400 ether, T0 + UNBONDING);
        uint256 index = _unbond(d1, 400 ether);

        assertEq(index, 0, "first slot");
        IProviderStaking.UnbondingView memory r = staking.unbondingRequest(d1, 0);
        assertEq(r.provider, p1, "request provider");
        assertEq(r.unlockAt, T0 + UNBONDING, "unlocks after 21 days");
        assertEq(r.amount, 400 ether, "request value");
        assertEq(_stakeOf(d1), 600 ether, "stake left");
        (uint256 bonded, uint256 unbonding) = staking.totalStakes();
        assertEq(bonded, 10_600 ether, "bonded");
        assertEq(unbonding, 400 ether, "unbonding");
        assertEq(staking.positionOf(d1).openRequests, 1, "slot 0 open");
    }

    function test_withdraw_atTheExactUnlockSecond() public {
        _register(p1, 10_000 ether);
        _delegate(d1, p1, 1_000 ether);
        uint256 index = _unbond(d1, 1_000 ether);
        vm.warp(T0 + UNBONDING - 1);
        vm.prank(d1);
        vm.expectRevert(
            abi.encodeWithSelector(IProviderStaking.UnbondingNotFinished.selector, d1, index, T0 + UNBONDING)
        );
        staking.withdraw(index);
        assertEq(token.balanceOf(d1), 0, "nothing paid one second early");

        vm.warp(T0 + UNBONDING);
        vm.prank(d1);
        uint256 paid = staking.withdraw(index);
        assertEq(paid, 1_000 ether, "paid at the exact second");
        assertEq(token.balanceOf(d1), 1_000 ether, "balance");
        (, uint256 unbonding) = staking.totalStakes();
        assertEq(unbonding, 0, "unbonding emptied");
        assertEq(staking.positionOf(d1).openRequests, 0, "slot freed");
    }

    function test_RevertWhen_withdrawTwice() public {
        _register(p1, 10_000 ether);
        _delegate(d1, p1, 1_000 ether);
        uint256 index = _unbond(d1, 1_000 ether);
        _skip(UNBONDING);
        vm.prank(d1);
        staking.withdraw(index);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.NoUnbondingRequest.selector, d1, index));
        staking.withdraw(index);
        assertEq(token.balanceOf(d1), 1_000 ether, "paid once");
    }

    function test_RevertWhen_withdrawSlotOutOfRange() public {
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.NoUnbondingRequest.selector, d1, 8));
        staking.withdraw(8);
    }

    function test_RevertWhen_unbondMoreThanStake() public {
        _register(p1, 10_000 ether);
        _delegate(d1, p1, 1_000 ether);
        vm.prank(d1);
        vm.expectRevert(
            abi.encodeWithSelector(IProviderStaking.InsufficientStake.selector, 1_000 ether, 1_000 ether + 1)
        );
        staking.unbond(1_000 ether + 1);
        assertEq(_stakeOf(d1), 1_000 ether, "stake unchanged");
        assertEq(staking.positionOf(d1).openRequests, 0, "no request");
    }

    function test_RevertWhen_unbondWithoutStake() public {
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.NoStake.selector, d1));
        staking.unbond(1);
    }

    function test_RevertWhen_unbondZeroAmount() public {
        _register(p1, 10_000 ether);
        vm.prank(p1);
        vm.expectRevert(IProviderStaking.ZeroAmount.selector);
        staking.unbond(0);
    }

    function test_unbond_wholeStakeBurnsEveryShare() public {
        _register(p1, 10_000 ether);
        _delegate(d1, p1, 1_000 ether);
        _unbond(d1, 1_000 ether);
        assertEq(staking.positionOf(d1).shares, 0, "no dust shares left");
    }

    function test_RevertWhen_unbondingQueueFull() public {
        _register(p1, 10_000 ether);
        _delegate(d1, p1, 1_000 ether);
        for (uint256 i; i < 8; ++i) {
            assertEq(_unbond(d1, 10 ether), i, "lowest free slot");
        }
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.UnbondingQueueFull.selector, d1, 8));
        staking.unbond(10 ether);
        assertEq(_stakeOf(d1), 920 ether, "stake unchanged by the refused request");

        // A freed slot is reused.
        vm.prank(d1);
        staking.rebond(3);
        assertEq(_unbond(d1, 10 ether), 3, "freed slot reused");
    }

    function test_rebond_returnsStakeWithoutWaiting() public {
        _register(p1, 10_000 ether);
        _delegate(d1, p1, 1_000 ether);
        uint256 index = _unbond(d1, 400 ether);
        vm.expectEmit(true, true, false, true, address(staking));
        emit IProviderStaking.Rebonded(d1, p1, index, 400 ether);
        vm.prank(d1);
        uint256 amount = staking.rebond(index);
        assertEq(amount, 400 ether, "rebonded amount");
        assertEq(_stakeOf(d1), 1_000 ether, "stake restored");
        (, uint256 unbonding) = staking.totalStakes();
        assertEq(unbonding, 0, "nothing unbonding");
    }

    function test_RevertWhen_rebondFreeSlot() public {
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.NoUnbondingRequest.selector, d1, 0));
        staking.rebond(0);
    }

    function test_rebond_providerSelfStakeReactivates() public {
        _register(p1, 10_000 ether);
        uint256 index = _unbond(p1, 5_000 ether);
        assertFalse(staking.isActive(p1), "inactive after unbonding");
        vm.prank(p1);
        staking.rebond(index);
        assertTrue(staking.isActive(p1), "active again");
        assertEq(_stakeOf(p1), 10_000 ether, "self-stake restored");
    }

    // ------------------------------------------------------------------ redelegation

    function test_redelegate_bondsToDestinationAfterThePeriod() public {
        _register(p1, 10_000 ether);
        _register(p2, 10_000 ether);
        _delegate(d1, p1, 1_000 ether);
        vm.expectEmit(true, true, true, true, address(staking));
        emit IProviderStaking.RedelegationRequested(d1, p1, p2, 0);
        vm.prank(d1);
        uint256 index = staking.redelegate(p2);

        assertEq(_stakeOf(d1), 0, "left p1 at once");
        IProviderStaking.UnbondingView memory r = staking.unbondingRequest(d1, index);
        assertEq(uint256(r.kind), uint256(IProviderStaking.RequestKind.Redelegation), "kind");
        assertEq(r.destination, p2, "destination");
        assertEq(r.provider, p1, "held in p1's unbonding pool");

        _skip(UNBONDING);
        vm.expectEmit(true, true, false, true, address(staking));
        emit IProviderStaking.Withdrawn(d1, p1, index, 1_000 ether, p2);
        vm.prank(d1);
        staking.withdraw(index);
        IProviderStaking.PositionView memory pos = staking.positionOf(d1);
        assertEq(pos.provider, p2, "now with p2");
        assertEq(pos.stake, 1_000 ether, "whole stake moved");
        assertEq(token.balanceOf(d1), 0, "no tokens paid out");
        assertEq(token.balanceOf(address(staking)), 21_000 ether, "tokens never left");
    }

    function test_redelegate_paysOutWhenDestinationBecameInactive() public {
        _register(p1, 10_000 ether);
        _register(p2, 10_000 ether);
        _delegate(d1, p1, 1_000 ether);
        vm.prank(d1);
        uint256 index = staking.redelegate(p2);
        _unbond(p2, 1);
        _skip(UNBONDING);
        vm.prank(d1);
        staking.withdraw(index);
        assertEq(token.balanceOf(d1), 1_000 ether, "paid out");
        assertEq(staking.positionOf(d1).shares, 0, "not bonded to an inactive provider");
    }

    function test_rebond_cancelsRedelegation() public {
        _register(p1, 10_000 ether);
        _register(p2, 10_000 ether);
        _delegate(d1, p1, 1_000 ether);
        vm.prank(d1);
        uint256 index = staking.redelegate(p2);
        vm.prank(d1);
        staking.rebond(index);
        IProviderStaking.PositionView memory pos = staking.positionOf(d1);
        assertEq(pos.provider, p1, "back with the source provider");
        assertEq(pos.stake, 1_000 ether, "stake restored");
    }

    function test_redelegate_paysOutWhenTheAccountStakedElsewhereMeanwhile() public {
        _register(p1, 10_000 ether);
        _register(p2, 10_000 ether);
        address p3 = makeAddr("provider3");
        _register(p3, 10_000 ether);
        _delegate(d1, p1, 1_000 ether);
        vm.prank(d1);
        uint256 index = staking.redelegate(p2);
        _delegate(d1, p3, 500 ether);
        _skip(UNBONDING);
        vm.prank(d1);
        staking.withdraw(index);
        assertEq(token.balanceOf(d1), 1_000 ether, "paid out: one position per account");
        assertEq(staking.positionOf(d1).provider, p3, "still with p3");
        assertEq(_stakeOf(d1), 500 ether, "p3 stake unchanged");
    }

    function test_RevertWhen_rebondWhileStakedElsewhere() public {
        _register(p1, 10_000 ether);
        _register(p2, 10_000 ether);
        _delegate(d1, p1, 1_000 ether);
        uint256 index = _unbond(d1, 1_000 ether);
        _delegate(d1, p2, 500 ether);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.StakedWithOtherProvider.selector, d1, p2));
        staking.rebond(index);
        assertEq(staking.unbondingRequest(d1, index).amount, 1_000 ether, "request still open");
    }

    function test_RevertWhen_redelegateToSameProvider() public {
        _register(p1, 10_000 ether);
        _delegate(d1, p1, 1_000 ether);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.SameProvider.selector, p1));
        staking.redelegate(p1);
        assertEq(_stakeOf(d1), 1_000 ether, "stake unchanged");
    }

    function test_RevertWhen_redelegateToUnknownOrInactiveProvider() public {
        _register(p1, 10_000 ether);
        _register(p2, 10_000 ether);
        _delegate(d1, p1, 1_000 ether);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.UnknownProvider.selector, d2));
        staking.redelegate(d2);
        _unbond(p2, 1);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.ProviderInactive.selector, p2));
        staking.redelegate(p2);
        assertEq(_stakeOf(d1), 1_000 ether, "stake unchanged");
    }

    function test_RevertWhen_providerRedelegates() public {
        _register(p1, 10_000 ether);
        _register(p2, 10_000 ether);
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.ProviderCannotDelegate.selector, p1));
        staking.redelegate(p2);
    }

    function test_RevertWhen_redelegateWithoutStake() public {
        _register(p2, 10_000 ether);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.NoStake.selector, d1));
        staking.redelegate(p2);
    }

    // ------------------------------------------------------------------ locks

    function test_lock_setsEndVoteBonusAndKeepsStakeIn() public {
        _register(p1, 10_000 ether);
        _delegate(d1, p1, 1_000 ether);
        vm.expectEmit(true, false, false, true, address(staking));
        emit IProviderStaking.Locked(d1, T0 + YEAR / 2, 2_500, 10_000);
        vm.prank(d1);
        staking.lock(YEAR / 2);
        IProviderStaking.PositionView memory pos = staking.positionOf(d1);
        assertEq(pos.lockEnd, T0 + YEAR / 2, "lock end");
        assertEq(pos.voteBonusBps, 2_500, "half a year: half the 0.5x bonus");

        vm.warp(T0 + YEAR / 2 - 1);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.StakeLocked.selector, d1, T0 + YEAR / 2));
        staking.unbond(1 ether);
        vm.warp(T0 + YEAR / 2);
        _unbond(d1, 1 ether);
        assertEq(_stakeOf(d1), 999 ether, "unbonds at the exact end");
    }

    function test_RevertWhen_lockLongerThanMaximum() public {
        _register(p1, 10_000 ether);
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.LockTooLong.selector, 4 * YEAR + 1, 4 * YEAR));
        staking.lock(4 * YEAR + 1);
        assertEq(staking.positionOf(p1).lockEnd, 0, "not locked");
        vm.prank(p1);
        staking.lock(4 * YEAR);
        assertEq(staking.positionOf(p1).lockEnd, T0 + 4 * YEAR, "the maximum itself is allowed");
    }

    function test_RevertWhen_lockShortened() public {
        _register(p1, 10_000 ether);
        vm.prank(p1);
        staking.lock(YEAR);
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.LockShortened.selector, T0 + YEAR - 1, T0 + YEAR));
        staking.lock(YEAR - 1);
        assertEq(staking.positionOf(p1).lockEnd, T0 + YEAR, "lock unchanged");
    }

    function test_RevertWhen_lockWithoutStakeOrZeroDuration() public {
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.NoStake.selector, d1));
        staking.lock(YEAR);
        _register(p1, 10_000 ether);
        vm.prank(p1);
        vm.expectRevert(IProviderStaking.ZeroAmount.selector);
        staking.lock(0);
    }

    function test_RevertWhen_redelegateWhileLocked() public {
        _register(p1, 10_000 ether);
        _register(p2, 10_000 ether);
        _delegate(d1, p1, 1_000 ether);
        vm.prank(d1);
        staking.lock(30 days);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.StakeLocked.selector, d1, T0 + 30 days));
        staking.redelegate(p2);
    }

    // ------------------------------------------------------------------ access

    function test_RevertWhen_privilegedCallsByStranger() public {
        _register(p1, 10_000 ether);
        vm.startPrank(d1);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, d1));
        staking.slash(p1, 100, bytes32(0));
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, d1));
        staking.setPerformance(p1, 12_000, 10_000);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, d1));
        staking.notifyRewardAmount(1 ether);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, d1));
        staking.setParameter(keccak256("staking.unbondingPeriod"), 1 days);
        vm.stopPrank();
        assertEq(_stakeOf(p1), 10_000 ether, "nothing slashed");
        assertEq(staking.providerInfo(p1).performanceMultiplierBps, 10_000, "multiplier unchanged");
    }

    // ------------------------------------------------------------------ construction

    function _expectInvalid(
        IProviderStaking.Parameters memory p,
        IProviderStaking.Constants memory c,
        IProviderStaking.LockBucket[] memory b
    ) internal {
        vm.expectRevert(IProviderStaking.InvalidConfiguration.selector);
        new ProviderStaking(IERC20(address(token)), address(manager), p, c, b);
    }

    function test_RevertWhen_rewardSplitDoesNotSumToWhole() public {
        IProviderStaking.Constants memory c = _constants();
        c.commissionBps = 501;
        _expectInvalid(_parameters(), c, new IProviderStaking.LockBucket[](0));
        c = _constants();
        c.selfRewardBps = 9_500;
        c.delegatorRewardBps = 0;
        _expectInvalid(_parameters(), c, new IProviderStaking.LockBucket[](0));
    }

    function test_RevertWhen_tiersOutOfOrder() public {
        IProviderStaking.Parameters memory p = _parameters();
        p.goldMinStake = p.silverMinStake;
        _expectInvalid(p, _constants(), new IProviderStaking.LockBucket[](0));
        p = _parameters();
        p.maxSlashBps[3] = 10_000;
        _expectInvalid(p, _constants(), new IProviderStaking.LockBucket[](0));
        p = _parameters();
        p.minApyBps = 1_300;
        _expectInvalid(p, _constants(), new IProviderStaking.LockBucket[](0));
    }

    function test_RevertWhen_bucketsUnordered() public {
        IProviderStaking.LockBucket[] memory b = new IProviderStaking.LockBucket[](2);
        b[0] = IProviderStaking.LockBucket(90 days, 12_500);
        b[1] = IProviderStaking.LockBucket(30 days, 15_000);
        _expectInvalid(_parameters(), _constants(), b);
        b[1] = IProviderStaking.LockBucket(180 days, 12_000);
        _expectInvalid(_parameters(), _constants(), b);
        b[0] = IProviderStaking.LockBucket(90 days, 9_000);
        b[1] = IProviderStaking.LockBucket(180 days, 12_000);
        _expectInvalid(_parameters(), _constants(), b);
    }

    function test_RevertWhen_moreThanFiveBuckets() public {
        IProviderStaking.LockBucket[] memory b = new IProviderStaking.LockBucket[](6);
        for (uint256 i; i < 6; ++i) b[i] = IProviderStaking.LockBucket(uint32((i + 1) * 30 days), uint16(10_000 + i));
        _expectInvalid(_parameters(), _constants(), b);
    }

    function test_constructor_deploysVotesAndReputation() public view {
        assertEq(votes.staking(), address(staking), "votes written by staking");
        assertEq(reputation.staking(), address(staking), "reputation slashed by staking");
        assertEq(staking.token(), address(token), "token");
        assertEq(staking.totalOwed(), 0, "owes nothing");
    }
}
