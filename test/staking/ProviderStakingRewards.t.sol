// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {IProviderStaking} from "../../contracts/interfaces/IProviderStaking.sol";
import {StakingBase} from "./StakingBase.sol";

/// @notice The reward stream: the 70/25/5 split, stake x time, the APY band, carry-over, funding checks,
/// performance multipliers and maturity buckets. Expected numbers are computed by hand in the comments.
contract ProviderStakingRewardsTest is StakingBase {
    function _rewardState() internal view returns (uint256 budget, uint256 distributed) {
        (budget, , , distributed, ) = staking.rewardState();
    }

    // ------------------------------------------------------------------ split and proportionality

    /// Two Platinum providers with 1,000,000 each, a delegator with 500,000 on each: 3,000,000 staked.
    /// 10,000 QUIV over 1,000,000 s is 0.01 QUIV/s (315,360 a year, 10.5% APY: inside the band).
    /// After 1,000 s: 10 QUIV. Self-stake 70% = 7, 3.5 each; delegators 25% = 2.5, 1.25 each;
    /// commission 5% = 0.5, 0.25 to each provider (each attracts half the delegated stake).
    function test_rewards_splitSeventyTwentyFiveFive() public {
        _register(p1, 1_000_000 ether);
        _register(p2, 1_000_000 ether);
        _delegate(d1, p1, 500_000 ether);
        _delegate(d2, p2, 500_000 ether);
        _notify(10_000 ether);
        _skip(1_000);

        assertEq(staking.pendingRewards(p1), 3.75 ether, "pending view p1");
        assertEq(_claim(p1), 3.75 ether, "p1: 3.5 self + 0.25 commission");
        assertEq(_claim(p2), 3.75 ether, "p2: 3.5 self + 0.25 commission");
        assertEq(_claim(d1), 1.25 ether, "d1: half of the delegators' 2.5");
        assertEq(_claim(d2), 1.25 ether, "d2: half of the delegators' 2.5");
        (uint256 budget, uint256 distributed) = _rewardState();
        assertEq(distributed, 10 ether, "1,000 s at 0.01 QUIV/s");
        assertEq(budget, 9_990 ether, "the rest stays in the budget");
    }

    /// p1 and p2 self-stake 1,000,000 each; d1 delegates 1,000,000 to p1; 9,000 QUIV over 1,000,000 s = 0.009/s
    /// (9.5% APY on 3,000,000, then 8.1% on 3,500,000: inside the band both times, and every staker below the 12%
    /// ceiling: at most 9.9% for the self-stake).
    /// Phase 1 (1,000 s, 9 QUIV): self 6.3 -> 3.15 each; delegators 2.25 -> d1; commission 0.45 -> p1.
    /// At t = 1,000 d2 delegates 500,000 to p1. Phase 2 (1,000 s, 9 QUIV): self 3.15 each; delegators 2.25 split
    /// 1,000,000 : 500,000 -> d1 1.5, d2 0.75; commission 0.45 -> p1.
    /// Totals: p1 3.15 + 3.15 + 0.45 + 0.45 = 7.2; p2 6.3; d1 2.25 + 1.5 = 3.75; d2 0.75 (sum 18 = 2,000 s x 0.009).
    function test_rewards_proportionalToStakeTimesTime() public {
        _register(p1, 1_000_000 ether);
        _register(p2, 1_000_000 ether);
        _delegate(d1, p1, 1_000_000 ether);
        _notify(9_000 ether);
        _skip(1_000);
        _delegate(d2, p1, 500_000 ether);
        _skip(1_000);

        assertEq(_claim(p1), 7.2 ether, "p1");
        assertEq(_claim(p2), 6.3 ether, "p2");
        assertEq(_claim(d1), 3.75 ether, "d1: 2.25 alone, then two thirds of 2.25");
        assertEq(_claim(d2), 0.75 ether, "d2: a third of 2.25");
    }

    /// Found by the invariant campaign: an emptied position that moves to a pool whose reward per share is lower
    /// than its old pool's must start from the new pool's value (no underflow, no phantom rewards).
    function test_delegate_emptiedPositionMovesToAPoolWithALowerAccumulator() public {
        _register(p1, 1_000_000 ether);
        _register(p2, 1_000_000 ether);
        _delegate(d1, p1, 500_000 ether);
        _notify(10_000 ether);
        _skip(1_000);
        _unbond(d1, 500_000 ether);
        uint256 earned = staking.pendingRewards(d1);
        _delegate(d1, p2, 1_000 ether);
        assertEq(staking.pendingRewards(d1), earned, "rewards from p1 kept, nothing invented at p2");
        _skip(1_000);
        assertGt(staking.pendingRewards(d1), earned, "earns at p2 from now on");
    }

    function test_rewards_claimTwiceInTheSameSecondPaysOnce() public {
        _register(p1, 1_000_000 ether);
        _register(p2, 1_000_000 ether);
        _delegate(d1, p1, 500_000 ether);
        _delegate(d2, p2, 500_000 ether);
        _notify(10_000 ether);
        _skip(1_000);
        _claim(d1);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.NothingToClaim.selector, d1));
        staking.claimRewards();
    }

    function test_pendingRewards_zeroWithoutAPosition() public view {
        assertEq(staking.pendingRewards(d3), 0, "no position, nothing pending");
    }

    function test_RevertWhen_refreshUnknownProvider() public {
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.UnknownProvider.selector, d1));
        staking.refreshProvider(d1);
    }

    function test_RevertWhen_claimWithNoRewards() public {
        vm.prank(d3);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.NothingToClaim.selector, d3));
        staking.claimRewards();
    }

    // ------------------------------------------------------------------ the APY band

    /// 1,000,000 staked (p1 750,000 self, d1 250,000), a budget of 1,000,000 QUIV over 1,000,000 s (1 QUIV/s, far
    /// above 12%). Over exactly one year the band pays 12% of 1,000,000 = 120,000: p1 70% + 5% = 90,000, d1 25% =
    /// 30,000. The other 880,000 stay in the budget.
    function test_rewards_apyCeilingHoldsBackTheExcess() public {
        _register(p1, 750_000 ether);
        _delegate(d1, p1, 250_000 ether);
        _notify(1_000_000 ether);
        _skip(YEAR);

        assertEq(_claim(p1), 90_000 ether, "p1: 84,000 self + 6,000 commission");
        assertEq(_claim(d1), 30_000 ether, "d1: 30,000");
        (uint256 budget, uint256 distributed) = _rewardState();
        assertEq(distributed, 120_000 ether, "12% of 1,000,000");
        assertEq(budget, 880_000 ether, "excess carried forward");
    }

    /// Same stakes, a budget of only 1,000 QUIV over 1,000,000 s (0.001 QUIV/s, 3.2% APY). The band raises the
    /// rate to 8%: 1,000,000 x 8% x 86,400 / 31,536,000 = 219.178082191780821917808... QUIV in one day
    /// (219178082191780821917 wei, rounded down). p1 is owed 75% = 164383561643835616437.75 wei, d1 25% =
    /// 54794520547945205479.25 wei; each may round down by at most 1 wei per step (class split, accumulator,
    /// position). After 4.5625 days at 8% the whole 1,000 is paid and nothing more.
    function test_rewards_apyFloorPaysUpToTheBudget() public {
        _register(p1, 750_000 ether);
        _delegate(d1, p1, 250_000 ether);
        _notify(1_000 ether);
        _skip(1 days);

        staking.refreshProvider(p1); // any touch distributes the stream up to now
        (uint256 budget, uint256 distributed) = _rewardState();
        assertEq(distributed, 219178082191780821917, "8% of 1,000,000 for one day");
        assertEq(budget, 1_000 ether - 219178082191780821917, "budget");
        uint256 p1Paid = _claim(p1);
        uint256 d1Paid = _claim(d1);
        assertLe(p1Paid, 164383561643835616437, "p1 never above 75%");
        assertGe(p1Paid, 164383561643835616437 - 3, "p1 within 3 wei of 75%");
        assertLe(d1Paid, 54794520547945205479, "d1 never above 25%");
        assertGe(d1Paid, 54794520547945205479 - 3, "d1 within 3 wei of 25%");

        _skip(10 days);
        staking.refreshProvider(p1);
        (budget, distributed) = _rewardState();
        assertEq(distributed, 1_000 ether, "the whole budget, no more");
        assertEq(budget, 0, "budget exhausted");
        uint256 total = p1Paid + d1Paid + _claim(p1) + _claim(d1);
        assertLe(total, 1_000 ether, "claims never exceed funding");
        assertGe(total, 1_000 ether - 10, "all but rounding dust");
    }

    function test_setParameter_apyBandChangeAppliesFromNow() public {
        _register(p1, 750_000 ether);
        _delegate(d1, p1, 250_000 ether);
        _notify(1_000_000 ether);
        _skip(YEAR / 2);
        // Half a year at 12% (60,000), then half a year at 10% (50,000).
        _setParameter(keccak256("staking.maxApyBps"), 1_000);
        _skip(YEAR / 2);
        staking.refreshProvider(p1);
        (, uint256 distributed) = _rewardState();
        assertEq(distributed, 110_000 ether, "60,000 + 50,000");
    }

    // ------------------------------------------------------------------ carry-over and funding

    /// A budget notified while nothing is staked is not lost: 100 days later it still pays, at the 8% floor on
    /// the 1,000,000 that then stake (same numbers as the floor test).
    function test_rewards_carriedOverWhileNothingStaked() public {
        _notify(1_000 ether);
        _skip(100 days);
        (uint256 budget, uint256 distributed) = _rewardState();
        assertEq(distributed, 0, "nothing distributed to nobody");
        assertEq(budget, 1_000 ether, "budget intact");

        _register(p1, 750_000 ether);
        _delegate(d1, p1, 250_000 ether);
        _skip(1 days);
        staking.refreshProvider(p1); // any touch distributes the stream up to now
        (, distributed) = _rewardState();
        assertEq(distributed, 219178082191780821917, "paid from the carried budget");
    }

    /// Only a provider, 1,000,000 self-stake, no delegators: 8% for a day is 219178082191780821917 wei, of which
    /// the self-stake share (70%) is 153424657534246575341 wei; the delegators' and commission shares stay.
    function test_rewards_delegatorShareCarriedWhileNoDelegators() public {
        _register(p1, 1_000_000 ether);
        _notify(1_000 ether);
        _skip(1 days);
        assertEq(_claim(p1), 153424657534246575341, "70% of the day's flow");
        (uint256 budget, uint256 distributed) = _rewardState();
        assertEq(distributed, 153424657534246575341, "only the self-stake share left the budget");
        assertEq(budget, 1_000 ether - 153424657534246575341, "30% carried");
    }

    function test_rewards_inactiveProviderEarnsNothing() public {
        _register(p1, 1_000_000 ether);
        _register(p2, 10_000 ether);
        _delegate(d2, p2, 10_000 ether);
        _unbond(p2, 1);
        _notify(10_000 ether);
        _skip(1_000);
        assertEq(staking.pendingRewards(p2), 0, "inactive provider");
        assertEq(staking.pendingRewards(d2), 0, "its delegators");
        (, , uint256 earningStake, , ) = staking.rewardState();
        assertEq(earningStake, 1_000_000 ether, "only p1's pool earns");
    }

    function test_RevertWhen_notifyNotBackedByTokens() public {
        _register(p1, 10_000 ether);
        vm.prank(funder);
        vm.expectRevert(
            abi.encodeWithSelector(IProviderStaking.InsufficientRewardBalance.selector, 10_000 ether, 10_000 ether + 1)
        );
        staking.notifyRewardAmount(1);
        (uint256 budget, ) = _rewardState();
        assertEq(budget, 0, "staked tokens never back a reward rate");
    }

    function test_RevertWhen_notifyZeroAmount() public {
        vm.prank(funder);
        vm.expectRevert(IProviderStaking.ZeroAmount.selector);
        staking.notifyRewardAmount(0);
    }

    function test_notify_spreadsTheWholeBudgetOverTheDuration() public {
        _notify(1_000 ether);
        (, uint256 rate, , , ) = staking.rewardState();
        assertEq(rate, 0.001 ether, "1,000 over 1,000,000 s");
        _notify(500 ether);
        (uint256 budget, uint256 rate2, , , ) = staking.rewardState();
        assertEq(budget, 1_500 ether, "budget adds up");
        assertEq(rate2, 0.0015 ether, "the carried 1,000 is spread again with the new 500");
    }

    // ------------------------------------------------------------------ performance multipliers

    /// p1 and p2 self-stake 100,000 each, p1 attested 1.5x quality. 600 QUIV over 1,000,000 s = 0.0006 QUIV/s
    /// (9.5% on 200,000). 1,000 s: 0.6 QUIV, self share 0.42 split by weight 150,000 : 100,000 -> p1 0.252,
    /// p2 0.168. The multiplier moves rewards between stakers; it never adds to the flow.
    function test_setPerformance_scalesWeightNotFlow() public {
        _register(p1, 100_000 ether);
        _register(p2, 100_000 ether);
        vm.expectEmit(true, false, false, true, address(staking));
        emit IProviderStaking.PerformanceSet(p1, 10_000, 15_000, 15_000);
        vm.prank(attester);
        staking.setPerformance(p1, 10_000, 15_000);
        _notify(600 ether);
        _skip(1_000);
        assertEq(_claim(p1), 0.252 ether, "p1: 1.5 / 2.5 of 0.42");
        assertEq(_claim(p2), 0.168 ether, "p2: 1 / 2.5 of 0.42");
        (, uint256 distributed) = _rewardState();
        assertEq(distributed, 0.42 ether, "flow unchanged by the multiplier");
    }

    function test_setPerformance_speedAndQualityMultiply() public {
        _register(p1, 100_000 ether);
        vm.prank(attester);
        staking.setPerformance(p1, 12_000, 15_000);
        assertEq(staking.providerInfo(p1).performanceMultiplierBps, 18_000, "1.2 x 1.5 = 1.8");
    }

    function test_RevertWhen_multiplierOutOfBounds() public {
        _register(p1, 100_000 ether);
        vm.startPrank(attester);
        vm.expectRevert(
            abi.encodeWithSelector(IProviderStaking.MultiplierOutOfBounds.selector, 12_001, 10_000, 12_000)
        );
        staking.setPerformance(p1, 12_001, 10_000);
        vm.expectRevert(
            abi.encodeWithSelector(IProviderStaking.MultiplierOutOfBounds.selector, 15_001, 10_000, 15_000)
        );
        staking.setPerformance(p1, 10_000, 15_001);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.MultiplierOutOfBounds.selector, 9_999, 10_000, 12_000));
        staking.setPerformance(p1, 9_999, 10_000);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.UnknownProvider.selector, d1));
        staking.setPerformance(d1, 10_000, 10_000);
        vm.stopPrank();
        assertEq(staking.providerInfo(p1).performanceMultiplierBps, 10_000, "unchanged");
    }

    // ------------------------------------------------------------------ maturity buckets (QRY)

    function _deployWithBuckets() internal {
        IProviderStaking.LockBucket[] memory buckets = new IProviderStaking.LockBucket[](4);
        buckets[0] = IProviderStaking.LockBucket(30 days, 11_000);
        buckets[1] = IProviderStaking.LockBucket(90 days, 12_500);
        buckets[2] = IProviderStaking.LockBucket(180 days, 15_000);
        buckets[3] = IProviderStaking.LockBucket(365 days, 20_000);
        staking = _deployStaking(buckets);
        _wire();
    }

    /// p1 self 1,000,000; d1 and d2 delegate 250,000 each, d1 locked a year (2x). 4,500 QUIV over 1,000,000 s =
    /// 0.0045 QUIV/s (9.5% on 1,500,000). 1,000 s: delegators' 25% = 1.125 QUIV split by weight 500,000 : 250,000
    /// -> d1 0.75, d2 0.375.
    function test_lock_maturityBucketWeightsRewards() public {
        _deployWithBuckets();
        _register(p1, 1_000_000 ether);
        _delegate(d1, p1, 250_000 ether);
        _delegate(d2, p1, 250_000 ether);
        vm.prank(d1);
        staking.lock(365 days);
        assertEq(staking.positionOf(d1).rewardWeightBps, 20_000, "one-year bucket");
        _notify(4_500 ether);
        _skip(1_000);
        assertEq(_claim(d1), 0.75 ether, "d1: two thirds");
        assertEq(_claim(d2), 0.375 ether, "d2: one third");
    }

    function test_lock_bucketIsTheLongestReached() public {
        _deployWithBuckets();
        _register(p1, 1_000_000 ether);
        _delegate(d1, p1, 1 ether);
        vm.startPrank(d1);
        staking.lock(30 days - 1);
        assertEq(staking.positionOf(d1).rewardWeightBps, 10_000, "below the first bucket: 1x");
        staking.lock(30 days);
        assertEq(staking.positionOf(d1).rewardWeightBps, 11_000, "30 days");
        staking.lock(179 days);
        assertEq(staking.positionOf(d1).rewardWeightBps, 12_500, "179 days: the 90-day bucket");
        staking.lock(4 * 365 days);
        assertEq(staking.positionOf(d1).rewardWeightBps, 20_000, "beyond a year: the top bucket");
        vm.stopPrank();
    }

    function test_kick_returnsExpiredLockToBaseWeight() public {
        _deployWithBuckets();
        _register(p1, 1_000_000 ether);
        _delegate(d1, p1, 250_000 ether);
        vm.prank(d1);
        staking.lock(90 days);

        vm.warp(T0 + 90 days - 1);
        vm.prank(d3);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.NotKickable.selector, d1));
        staking.kick(d1);
        assertEq(staking.positionOf(d1).rewardWeightBps, 12_500, "still boosted before the end");

        vm.warp(T0 + 90 days);
        vm.expectEmit(true, true, false, true, address(staking));
        emit IProviderStaking.Kicked(d1, d3);
        vm.prank(d3);
        staking.kick(d1);
        assertEq(staking.positionOf(d1).rewardWeightBps, 10_000, "back to 1x");

        vm.prank(d3);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.NotKickable.selector, d1));
        staking.kick(d1);
    }

    function test_RevertWhen_kickUnlockedPosition() public {
        _register(p1, 10_000 ether);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.NotKickable.selector, p1));
        staking.kick(p1);
    }

    // ------------------------------------------------------------------ parameters

    function test_parameter_readsEveryKey() public view {
        assertEq(staking.parameter(keccak256("staking.minSelfStake")), 10_000 ether, "min self-stake");
        assertEq(staking.parameter(keccak256("staking.silverMinStake")), 50_000 ether, "silver");
        assertEq(staking.parameter(keccak256("staking.goldMinStake")), 250_000 ether, "gold");
        assertEq(staking.parameter(keccak256("staking.platinumMinStake")), 1_000_000 ether, "platinum");
        assertEq(staking.parameter(keccak256("staking.bronzeFeeDiscountBps")), 0, "bronze discount");
        assertEq(staking.parameter(keccak256("staking.silverFeeDiscountBps")), 1_000, "silver discount");
        assertEq(staking.parameter(keccak256("staking.goldFeeDiscountBps")), 2_000, "gold discount");
        assertEq(staking.parameter(keccak256("staking.platinumFeeDiscountBps")), 3_000, "platinum discount");
        assertEq(staking.parameter(keccak256("staking.bronzeMaxSlashBps")), 500, "bronze slash");
        assertEq(staking.parameter(keccak256("staking.silverMaxSlashBps")), 1_000, "silver slash");
        assertEq(staking.parameter(keccak256("staking.goldMaxSlashBps")), 1_500, "gold slash");
        assertEq(staking.parameter(keccak256("staking.platinumMaxSlashBps")), 2_000, "platinum slash");
        assertEq(staking.parameter(keccak256("staking.unbondingPeriod")), 21 days, "unbonding");
        assertEq(staking.parameter(keccak256("staking.maxLockDuration")), 4 * 365 days, "max lock");
        assertEq(staking.parameter(keccak256("staking.rewardDuration")), 1_000_000, "reward duration");
        assertEq(staking.parameter(keccak256("staking.minApyBps")), 800, "min APY");
        assertEq(staking.parameter(keccak256("staking.maxApyBps")), 1_200, "max APY");
        assertEq(staking.parameter(keccak256("staking.maxSpeedMultiplierBps")), 12_000, "speed");
        assertEq(staking.parameter(keccak256("staking.maxQualityMultiplierBps")), 15_000, "quality");
        assertEq(staking.parameter(keccak256("staking.reputationHalfStake")), 100_000 ether, "reputation");
    }

    function test_setParameter_storesEveryKey() public {
        string[20] memory names = [
            "minSelfStake",
            "silverMinStake",
            "goldMinStake",
            "platinumMinStake",
            "bronzeFeeDiscountBps",
            "silverFeeDiscountBps",
            "goldFeeDiscountBps",
            "platinumFeeDiscountBps",
            "bronzeMaxSlashBps",
            "silverMaxSlashBps",
            "goldMaxSlashBps",
            "platinumMaxSlashBps",
            "unbondingPeriod",
            "maxLockDuration",
            "rewardDuration",
            "minApyBps",
            "maxApyBps",
            "maxSpeedMultiplierBps",
            "maxQualityMultiplierBps",
            "reputationHalfStake"
        ];
        // New values that keep every module rule (ordered thresholds, min APY <= max APY, multipliers >= 1x).
        uint256[20] memory values = [
            uint256(20_000 ether),
            60_000 ether,
            300_000 ether,
            2_000_000 ether,
            100,
            1_100,
            2_100,
            3_100,
            600,
            1_100,
            1_600,
            2_500,
            14 days,
            2 * YEAR,
            7 days,
            700,
            1_100,
            11_000,
            14_000,
            50_000 ether
        ];
        for (uint256 i; i < names.length; ++i) {
            bytes32 key = keccak256(bytes(string.concat("staking.", names[i])));
            _setParameter(key, values[i]);
            assertEq(staking.parameter(key), values[i], names[i]);
        }
    }

    function test_setParameter_newUnbondingPeriodAppliesToNewRequests() public {
        _register(p1, 10_000 ether);
        _delegate(d1, p1, 100 ether);
        _unbond(d1, 50 ether);
        _setParameter(keccak256("staking.unbondingPeriod"), 7 days);
        uint256 index = _unbond(d1, 50 ether);
        assertEq(staking.unbondingRequest(d1, 0).unlockAt, T0 + 21 days, "old request keeps its date");
        assertEq(staking.unbondingRequest(d1, index).unlockAt, T0 + 7 days, "new request uses the new period");
    }

    function test_RevertWhen_setParameterBreaksModuleRules() public {
        bytes32 silver = keccak256("staking.silverMinStake");
        vm.startPrank(registry);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, silver, 10_000 ether));
        staking.setParameter(silver, 10_000 ether);
        bytes32 slashKey = keccak256("staking.platinumMaxSlashBps");
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, slashKey, 10_000));
        staking.setParameter(slashKey, 10_000);
        bytes32 minApy = keccak256("staking.minApyBps");
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, minApy, 1_201));
        staking.setParameter(minApy, 1_201);
        bytes32 unbonding = keccak256("staking.unbondingPeriod");
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, unbonding, 0));
        staking.setParameter(unbonding, 0);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, unbonding, uint256(1) << 64)
        );
        staking.setParameter(unbonding, uint256(1) << 64);
        bytes32 unknown = keccak256("staking.unknown");
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, unknown));
        staking.setParameter(unknown, 1);
        vm.stopPrank();
        assertEq(staking.parameter(silver), 50_000 ether, "silver unchanged");
        assertEq(staking.parameter(slashKey), 2_000, "slash unchanged");
        assertEq(staking.parameter(minApy), 800, "min APY unchanged");
        assertEq(staking.parameter(unbonding), 21 days, "unbonding unchanged");
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, unknown));
        staking.parameter(unknown);
    }
}
