// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IProviderStaking} from "../../contracts/interfaces/IProviderStaking.sol";
import {StakingBase} from "./StakingBase.sol";
import {BPS} from "../../contracts/common/Constants.sol";

/// @notice Slashing through the share prices: active and unbonding stake lose the same fraction in O(1),
/// later requests are not hit, slashed tokens are burned, tier caps hold.
contract ProviderStakingSlashTest is StakingBase {
    bytes32 internal constant EVIDENCE = keccak256("evidence-1");

    function _slash(address provider, uint256 bps) internal returns (uint256 a, uint256 u, uint256 r) {
        vm.prank(slasher);
        (a, u, r) = staking.slash(provider, bps, EVIDENCE);
    }

    /// p1 self 100,000 (Silver, max 10%), d1 100,000 of which 50,000 unbonding, p1 reputation 10,000.
    /// A 10% slash takes 15,000 of the 150,000 active, 5,000 of the 50,000 unbonding and 1,000 of the reputation;
    /// 21,000 are burned. p1 keeps 90,000, d1 45,000 active and a request now worth 45,000.
    function test_slash_takesTheSameShareOfActiveUnbondingAndReputationStake() public {
        _register(p1, 100_000 ether);
        _delegate(d1, p1, 100_000 ether);
        uint256 index = _unbond(d1, 50_000 ether);
        _mint(p1, 10_000 ether);
        vm.startPrank(p1);
        token.approve(address(reputation), 10_000 ether);
        reputation.addStake(10_000 ether);
        vm.stopPrank();
        uint256 supplyBefore = token.totalSupply();

        vm.expectEmit(true, true, false, true, address(staking));
        emit IProviderStaking.Slashed(p1, EVIDENCE, 1_000, 15_000 ether, 5_000 ether, 1_000 ether);
        (uint256 fromActive, uint256 fromUnbonding, uint256 fromReputation) = _slash(p1, 1_000);

        assertEq(fromActive, 15_000 ether, "10% of 150,000 active");
        assertEq(fromUnbonding, 5_000 ether, "10% of 50,000 unbonding");
        assertEq(fromReputation, 1_000 ether, "10% of 10,000 reputation");
        assertEq(_stakeOf(p1), 90_000 ether, "p1 self-stake");
        assertEq(_stakeOf(d1), 45_000 ether, "d1 active stake");
        assertEq(staking.unbondingRequest(d1, index).amount, 45_000 ether, "d1 request");
        assertEq(reputation.accountOf(p1).stake, 9_000 ether, "reputation");
        assertEq(supplyBefore - token.totalSupply(), 21_000 ether, "burned, not moved");
        assertEq(staking.totalOwed(), 180_000 ether, "owed: 135,000 active + 45,000 unbonding");
        assertEq(token.balanceOf(address(staking)), 180_000 ether, "balance matches what is owed");

        _skip(UNBONDING);
        vm.prank(d1);
        assertEq(staking.withdraw(index), 45_000 ether, "the slash reduced what is withdrawn");
    }

    function test_slash_requestsOpenedAfterAreNotHit() public {
        _register(p1, 100_000 ether);
        _delegate(d1, p1, 100_000 ether);
        uint256 before = _unbond(d1, 50_000 ether);
        _slash(p1, 1_000);
        uint256 later = _unbond(d1, 20_000 ether);
        // After the 10% slash both of d1's pools hold 0.9 asset per share. The request opened after it buys
        // floor(20,000e18 x 50,000 / 45,000) = 22,222.222222222222222222e18 unbonding shares, worth
        // floor(22,222.222222222222222222e18 x 65,000 / 72,222.222222222222222222) = 20,000e18 - 1 wei: the
        // rounding is against the staker, by exactly 1 wei.
        assertEq(staking.unbondingRequest(d1, before).amount, 45_000 ether, "opened before: slashed");
        assertEq(staking.unbondingRequest(d1, later).amount, 20_000 ether - 1, "opened after: intact but 1 wei");

        _skip(UNBONDING);
        vm.startPrank(d1);
        uint256 first = staking.withdraw(before);
        uint256 second = staking.withdraw(later);
        vm.stopPrank();
        assertEq(first, 45_000 ether, "first request");
        assertEq(first + second, 65_000 ether, "the last one out takes the rounding dust");
        // Unbonding 20,000 burned ceil(20,000e18 x 50,000 / 45,000) = 22,222.222222222222222223e18 active shares;
        // the 27,777.777777777777777777e18 left are worth floor(x 0.9) = 25,000e18 - 1 wei.
        assertEq(_stakeOf(d1), 25_000 ether - 1, "rest: 45,000 - 20,000, shares burned rounded up");
    }

    function test_slash_reachesRedelegationInFlight() public {
        _register(p1, 100_000 ether);
        _register(p2, 10_000 ether);
        _delegate(d1, p1, 10_000 ether);
        vm.prank(d1);
        uint256 index = staking.redelegate(p2);
        _slash(p1, 1_000);
        _skip(UNBONDING);
        vm.prank(d1);
        staking.withdraw(index);
        assertEq(_stakeOf(d1), 9_000 ether, "the source's slash followed the stake to p2");
        assertEq(staking.positionOf(d1).provider, p2, "with p2");
    }

    function test_slash_belowMinimumDeactivates() public {
        _register(p1, 10_000 ether);
        _delegate(d1, p1, 10_000 ether);
        vm.expectEmit(true, false, false, true, address(staking));
        emit IProviderStaking.ProviderStatusChanged(p1, false);
        _slash(p1, 500);
        assertEq(_stakeOf(p1), 9_500 ether, "5% of 10,000");
        assertFalse(staking.isActive(p1), "below the minimum");
        assertEq(uint256(staking.tierOf(p1).tier), uint256(IProviderStaking.Tier.None), "no tier");
    }

    function test_RevertWhen_slashAboveTheTierMaximum() public {
        _register(p1, 10_000 ether);
        vm.prank(slasher);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.InvalidSlash.selector, 501, 500));
        staking.slash(p1, 501, EVIDENCE);
        vm.prank(slasher);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.InvalidSlash.selector, 0, 500));
        staking.slash(p1, 0, EVIDENCE);
        assertEq(_stakeOf(p1), 10_000 ether, "nothing taken");

        _stake(p1, 990_000 ether);
        (uint256 taken, , ) = _slash(p1, 2_000);
        assertEq(taken, 200_000 ether, "platinum allows 20%");
    }

    /// A Platinum provider (1,000,000) that unbonds down to Bronze keeps Platinum's 20% cap until its unbonded
    /// stake is out of reach, so it cannot shrink the cap ahead of a slash it sees coming.
    function test_slash_unbondingSelfStakeKeepsTheHigherCapForAnUnbondingPeriod() public {
        _register(p1, 1_000_000 ether);
        _unbond(p1, 980_000 ether);
        IProviderStaking.TierInfo memory t = staking.tierOf(p1);
        assertEq(uint256(t.tier), uint256(IProviderStaking.Tier.Bronze), "20,000 left: bronze");
        assertEq(t.feeDiscountBps, 0, "the discount follows the current tier");
        assertEq(t.maxSlashBps, 2_000, "the cap stays platinum's");

        vm.warp(T0 + UNBONDING - 1);
        (uint256 fromActive, uint256 fromUnbonding, ) = _slash(p1, 2_000);
        assertEq(fromActive, 4_000 ether, "20% of 20,000");
        assertEq(fromUnbonding, 196_000 ether, "20% of the 980,000 unbonding");

        vm.warp(T0 + UNBONDING);
        assertEq(staking.tierOf(p1).maxSlashBps, 500, "after the period: the current tier's cap");
        vm.prank(slasher);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.InvalidSlash.selector, 501, 500));
        staking.slash(p1, 501, EVIDENCE);
    }

    function test_RevertWhen_slashUnknownProvider() public {
        vm.prank(slasher);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.UnknownProvider.selector, d1));
        staking.slash(d1, 100, EVIDENCE);
    }

    function test_slash_inactiveProviderCappedAtBronze() public {
        _register(p1, 10_000 ether);
        _delegate(d1, p1, 50_000 ether);
        _unbond(p1, 1);
        vm.prank(slasher);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.InvalidSlash.selector, 501, 500));
        staking.slash(p1, 501, EVIDENCE);
        (uint256 taken, , ) = _slash(p1, 500);
        assertEq(taken, 2_999.999999999999999999 ether, "5% of 59,999.999999999999999999, rounded down");
    }

    /// Rewards earned before a slash are kept; after it the pool earns on its smaller stake.
    /// Setup of the split test with 9,000 QUIV (0.009 QUIV/s, 3,000,000 staked); after 1,000 s p1's pool (1,500,000)
    /// is slashed 20% to 1,200,000 (p1 800,000, d1 400,000). First 1,000 s (9 QUIV): self 6.3, 3.15 each;
    /// delegators 2.25, 1.125 each; commission 0.45, 0.225 each. Next 1,000 s (9 QUIV): self 6.3 split
    /// 800,000 : 1,000,000, delegators 2.25 split 400,000 : 500,000, commission 0.45 split the same way (p1's
    /// self-stake then earns 11.0% APY, under the 12% ceiling).
    /// p1 = 3.375 + 6.3 x 8/18 + 0.45 x 4/9 = 6.375; p2 = 3.375 + 3.5 + 0.25 = 7.125; d1 = 1.125 + 1 = 2.125;
    /// d2 = 1.125 + 1.25 = 2.375.
    function test_slash_rewardsBeforeTheSlashAreKept() public {
        _register(p1, 1_000_000 ether);
        _register(p2, 1_000_000 ether);
        _delegate(d1, p1, 500_000 ether);
        _delegate(d2, p2, 500_000 ether);
        _notify(9_000 ether);
        _skip(1_000);
        _slash(p1, 2_000);
        _skip(1_000);
        assertEq(_claim(p1), 6.375 ether, "p1");
        assertEq(_claim(p2), 7.125 ether, "p2");
        assertEq(_claim(d1), 2.125 ether, "d1");
        assertEq(_claim(d2), 2.375 ether, "d2");
    }

    /// However often a pool is slashed, it keeps assets behind its shares, new stake is priced fairly and
    /// everything owed stays covered.
    function testFuzz_repeatedSlashesKeepThePoolUsable(uint256 rounds, uint256 bps, uint256 deposit) public {
        rounds = bound(rounds, 1, 40);
        bps = bound(bps, 1, 2_000);
        deposit = bound(deposit, 1 ether, 1_000_000 ether);
        _register(p1, 1_000_000 ether);
        _delegate(d1, p1, 1_000_000 ether);
        for (uint256 i; i < rounds; ++i) {
            uint256 maxBps = staking.tierOf(p1).maxSlashBps;
            _slash(p1, bps < maxBps ? bps : maxBps);
        }
        assertGt(staking.providerInfo(p1).selfStake, 0, "assets remain behind the shares");
        _fundAccount(d2, deposit);
        vm.prank(d2);
        try staking.delegate(p1, deposit) {
            assertLe(_stakeOf(d2), deposit, "a new position is never worth more than it paid");
            assertGe(_stakeOf(d2) + 2, deposit, "and loses at most rounding");
        } catch (bytes memory reason) {
            // Slashed below the minimum, the provider no longer accepts delegations.
            assertEq(
                keccak256(reason),
                keccak256(abi.encodeWithSelector(IProviderStaking.ProviderInactive.selector, p1)),
                "unexpected error"
            );
            assertLt(staking.providerInfo(p1).selfStake, 10_000 ether, "refused only below the minimum");
        }
        assertGe(token.balanceOf(address(staking)), staking.totalOwed(), "solvent");
        assertEq(BPS, 10_000, "bps");
    }
}
