// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IProviderStaking} from "../../contracts/interfaces/IProviderStaking.sol";
import {StakingBase} from "./StakingBase.sol";

/// @notice Regression tests of three attacks an independent review proved against the earlier staking core, each
/// replayed with the review's numbers: a late top-up of an old lock inheriting its whole bonus, the thin side of
/// the 70/25/5 split earning far above the 12% APY ceiling, and locked delegators held by a banned provider.
/// Expected figures are computed by hand in the comments.
contract ProviderStakingAttacksTest is StakingBase {
    function _ban(address provider) internal {
        vm.prank(slasher);
        staking.setBanned(provider, true);
    }

    // ------------------------------------------------------------------ 1. late stake and the lock bonus

    /// A 1-token lock taken for a year, topped up with 1,000,000 QUIV one day before it ends. It used to vote
    /// 1,000,001 x 2 = 2,000,002. The bonus now follows the time left: with one day left it is
    /// 5,000 x 1 / 365 = 13 bps (rounded down), 1,000,001 x 1.5013 = 1,501,301.5013, exactly the weight of an honest
    /// one-day lock of the same stake taken at the same moment; both can unbond the next day.
    function test_attack_lateTopUpOfAYearLockVotesLikeAOneDayLock() public {
        _register(p1, 10_000 ether);
        _delegate(d1, p1, 1 ether);
        vm.prank(d1);
        staking.lock(YEAR);

        uint256 topUpAt = T0 + YEAR - 1 days;
        vm.warp(topUpAt);
        _delegate(d1, p1, 1_000_000 ether);
        _delegate(d2, p1, 1_000_001 ether);
        vm.prank(d2);
        staking.lock(1 days);

        assertEq(votes.getVotes(d1), 1_501_301.5013 ether, "topped-up year lock: one day left, 13 bps");
        assertEq(votes.getVotes(d2), 1_501_301.5013 ether, "honest one-day lock");
        _skip(2);
        // A snapshot one second after the top-up: one day minus a second left, still 13 bps
        // (5,000 x 86,399 / 31,536,000 = 13.7, rounded down).
        assertEq(votes.getPastVotes(d1, topUpAt + 1), 1_501_301.5013 ether, "snapshot after the top-up");
        assertEq(votes.getPastVotes(d2, topUpAt + 1), 1_501_301.5013 ether, "no better than honest");

        vm.warp(T0 + YEAR);
        _unbond(d1, 1_000_001 ether);
        _unbond(d2, 1_000_001 ether);
        assertEq(votes.getVotes(d1), 0, "gone the next day");
    }

    /// Before the end the top-up stays locked: one second before the lock ends, unbonding reverts.
    function test_attack_topUpJoinsTheLockUntilItsEnd() public {
        _register(p1, 10_000 ether);
        _delegate(d1, p1, 1 ether);
        vm.prank(d1);
        staking.lock(YEAR);
        vm.warp(T0 + YEAR - 1 days);
        _delegate(d1, p1, 1_000_000 ether);
        vm.warp(T0 + YEAR - 1);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.StakeLocked.selector, d1, T0 + YEAR));
        staking.unbond(1 ether);
    }

    // ------------------------------------------------------------------ 2. the APY band per staker

    /// Two providers with 1,000,000 self-stake each and one 1-QUIV delegation to p1; a budget far above the
    /// ceiling (1,000,000 QUIV over 1,000,000 s). Over a year the flow is 12% of 2,000,001 = 240,000.12 QUIV.
    /// Before: the delegation took the whole delegator class, 25% = 60,000.03 QUIV, and p1 the whole commission,
    /// 5% = 12,000.006. Now the delegation earns at most 12% of its 1 QUIV, 0.12, and the commission is 500/2,500
    /// of what the delegation keeps, 0.024. Self-stake: 70% = 168,000.084, 84,000.042 to each provider (8.4%).
    /// Held back into the budget: 60,000.03 - 0.12 + 12,000.006 - 0.024 = 71,999.892.
    function test_attack_thinDelegationEarnsAtMostTheCeiling() public {
        _register(p1, 1_000_000 ether);
        _register(p2, 1_000_000 ether);
        _delegate(d1, p1, 1 ether);
        _notify(1_000_000 ether);
        _skip(YEAR);

        assertEq(staking.pendingRewards(d1), 0.12 ether, "pending view: 12% of 1 QUIV");
        assertEq(_claim(d1), 0.12 ether, "12% of 1 QUIV, not 60,000");
        assertEq(_claim(p1), 84_000.066 ether, "84,000.042 self + 0.024 commission");
        assertEq(_claim(p2), 84_000.042 ether, "84,000.042 self");
        (uint256 budget, , , uint256 distributed, ) = staking.rewardState();
        assertEq(distributed, 168_000.228 ether, "168,000.084 + 0.12 + 0.024");
        assertEq(budget + distributed, 1_000_000 ether, "the held-back part is back in the budget");
    }

    /// The ceiling holds whatever the multipliers: p1's small pool at the highest performance multiplier
    /// (1.2 x 1.5 = 1.8x) against a large 1x pool, with the flow at the ceiling (12% of 2,100,000 = 252,000 a year).
    /// Uncapped, p1's self-stake would take 70% x 252,000 x 180,000 / 2,080,000 = 15,265 (15.3%) and d1, the only
    /// delegator, 25% x 252,000 = 63,000 (63%). Capped: at most 12,000 each, p1's commission at most 2,400.
    function test_band_multipliersNeverLiftAStakerAboveTheCeiling() public {
        _register(p1, 100_000 ether);
        _register(p2, 1_900_000 ether);
        _delegate(d1, p1, 100_000 ether);
        vm.prank(attester);
        staking.setPerformance(p1, 12_000, 15_000);
        _notify(1_000_000 ether);
        _skip(YEAR);
        assertLe(_claim(d1), 12_000 ether, "d1: at most 12% of 100,000");
        assertEq(staking.pendingRewards(d1), 0, "claimed");
        // p1: at most 12% of its 100,000 plus 500/2,500 of what its delegator kept.
        assertLe(_claim(p1), 12_000 ether + 2_400 ether, "p1: self within the ceiling, commission on it");
        assertLe(_claim(p2), 228_000 ether, "p2: at most 12% of 1,900,000");
    }

    /// Random mixes of self-stake, delegations (down to 1 wei above nothing) and multipliers, a budget above the
    /// ceiling, random time: every delegation earns at most 12% a year of its stake, every provider at most 12% of
    /// its self-stake plus 500/2,500 of what its delegators may earn, and the budget keeps what is held back.
    function testFuzz_noStakerAboveTheCeiling(
        uint256 self1,
        uint256 self2,
        uint256 delegated1,
        uint256 delegated2,
        uint256 delegated3,
        uint256 multiplierBps,
        uint256 elapsed
    ) public {
        self1 = bound(self1, 10_000 ether, 5_000_000 ether);
        self2 = bound(self2, 10_000 ether, 5_000_000 ether);
        delegated1 = bound(delegated1, 1, 5_000_000 ether);
        delegated2 = bound(delegated2, 1, 5_000_000 ether);
        delegated3 = bound(delegated3, 1, 5_000_000 ether);
        multiplierBps = bound(multiplierBps, 10_000, 15_000);
        elapsed = bound(elapsed, 1, 2 * YEAR);
        _register(p1, self1);
        _register(p2, self2);
        _delegate(d1, p1, delegated1);
        _delegate(d2, p1, delegated2);
        _delegate(d3, p2, delegated3);
        vm.prank(attester);
        staking.setPerformance(p2, 12_000, multiplierBps);
        _notify(100_000_000 ether);
        _skip(elapsed);

        uint256 c1 = _claimOrZero(d1);
        uint256 c2 = _claimOrZero(d2);
        uint256 c3 = _claimOrZero(d3);
        assertLe(c1, _ceiling(delegated1, elapsed), "d1 within 12%");
        assertLe(c2, _ceiling(delegated2, elapsed), "d2 within 12%");
        assertLe(c3, _ceiling(delegated3, elapsed), "d3 within 12%");
        uint256 commission1 = (_ceiling(delegated1 + delegated2, elapsed) * 500) / 2_500;
        assertLe(_claimOrZero(p1), _ceiling(self1, elapsed) + commission1, "p1 within 12% plus commission");
        assertLe(
            _claimOrZero(p2),
            _ceiling(self2, elapsed) + (_ceiling(delegated3, elapsed) * 500) / 2_500,
            "p2 within 12% plus commission"
        );
        (uint256 budget, , , uint256 distributed, ) = staking.rewardState();
        assertEq(budget + distributed, 100_000_000 ether, "budget + distributed == notified");
        assertEq(token.balanceOf(address(staking)), staking.totalOwed(), "balance covers everything owed");
    }

    function _ceiling(uint256 stakeValue, uint256 elapsed) internal pure returns (uint256) {
        return (stakeValue * 1_200 * elapsed) / (10_000 * YEAR);
    }

    function _claimOrZero(address account) internal returns (uint256) {
        if (staking.pendingRewards(account) == 0) return 0;
        return _claim(account);
    }

    // ------------------------------------------------------------------ 3. a ban releases delegators' locks

    /// A delegator locked for four years with a provider that gets banned: it earns nothing there and stays
    /// slashable, so the ban releases its lock. It can unbond at once (withdrawable after the unbonding period)
    /// and its remaining stake votes 1.5x (the lock ended with the release).
    function test_attack_bannedProvidersLockedDelegatorCanLeave() public {
        _register(p1, 10_000 ether);
        _delegate(d1, p1, 1_000 ether);
        vm.prank(d1);
        staking.lock(4 * YEAR);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.StakeLocked.selector, d1, T0 + 4 * YEAR));
        staking.unbond(400 ether);

        _ban(p1);
        vm.expectEmit(true, true, false, true, address(staking));
        emit IProviderStaking.LockReleased(d1, p1, T0 + 4 * YEAR);
        uint256 index = _unbond(d1, 400 ether);
        assertEq(staking.unbondingRequest(d1, index).unlockAt, T0 + UNBONDING, "out after the unbonding period");
        assertEq(staking.positionOf(d1).lockEnd, T0, "the lock ended with the release");
        assertEq(staking.positionOf(d1).voteBonusBps, 0, "no bonus left");
        assertEq(votes.getVotes(d1), 900 ether, "600 left at 1.5x");
        _unbond(d1, 600 ether);
        vm.warp(T0 + UNBONDING);
        vm.prank(d1);
        assertEq(staking.withdraw(index), 400 ether, "withdrawn");
    }

    function test_attack_bannedProvidersLockedDelegatorCanRedelegate() public {
        _register(p1, 10_000 ether);
        _register(p2, 10_000 ether);
        _delegate(d1, p1, 1_000 ether);
        vm.prank(d1);
        staking.lock(2 * YEAR);
        _ban(p1);
        vm.prank(d1);
        uint256 index = staking.redelegate(p2);
        vm.warp(T0 + UNBONDING);
        vm.prank(d1);
        staking.withdraw(index);
        assertEq(staking.positionOf(d1).provider, p2, "now with p2");
        assertEq(staking.positionOf(d1).stake, 1_000 ether, "all of it");
    }

    /// The ban releases delegators, not the banned provider's own locked self-stake.
    function test_RevertWhen_bannedProviderUnbondsLockedSelfStake() public {
        _register(p1, 10_000 ether);
        vm.prank(p1);
        staking.lock(YEAR);
        _ban(p1);
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.StakeLocked.selector, p1, T0 + YEAR));
        staking.unbond(1 ether);
    }
}

/// @notice The QRY half of attack 1: maturity buckets (30 / 90 / 180 / 365 days at 1.1x / 1.25x / 1.5x / 2x), the
/// whole stream to delegators, a 0-50% band and a 30-day reward duration.
contract ProviderStakingMaturityAttackTest is StakingBase {
    function _parameters() internal pure override returns (IProviderStaking.Parameters memory p) {
        p = super._parameters();
        p.rewardDuration = 30 days;
        p.minApyBps = 0;
        p.maxApyBps = 5_000;
    }

    function _constants() internal pure override returns (IProviderStaking.Constants memory c) {
        c = super._constants();
        c.selfRewardBps = 0;
        c.delegatorRewardBps = 10_000;
        c.commissionBps = 0;
    }

    function setUp() public override {
        super.setUp();
        IProviderStaking.LockBucket[] memory buckets = new IProviderStaking.LockBucket[](4);
        buckets[0] = IProviderStaking.LockBucket(30 days, 11_000);
        buckets[1] = IProviderStaking.LockBucket(90 days, 12_500);
        buckets[2] = IProviderStaking.LockBucket(180 days, 15_000);
        buckets[3] = IProviderStaking.LockBucket(365 days, 20_000);
        staking = _deployStaking(buckets);
        _wire();
    }

    /// Two delegators with the same capital (1,000,000) and the same 30-day commitment: d1 took a 365-day lock
    /// with 1 token and tops it up with 999,999 when 30 days are left; d2 locks 1,000,000 for 30 days at the same
    /// moment. They used to split a 10,000 budget 2 : 1.1 = 6,451 : 3,548. The top-up now earns the bucket of the
    /// time left (30 days: 1.1x), so d1's weight is (1 x 2 + 999,999 x 1.1) / 1,000,000 = 1.1000009x, 11,000 bps
    /// rounded down: the same as d2's, and they split it 5,000 : 5,000. The rate is
    /// floor(10,000e18 / 2,592,000) = 3,858,024,691,358,024 wei/s, so 30 days pay 9,999.999999999998208 and each
    /// gets half, 4,999.999999999999104 (up to per-share rounding).
    function test_attack_topUpOfAnOldLockEarnsTheBucketOfTheTimeLeft() public {
        _register(p1, 10_000 ether);
        _delegate(d1, p1, 1 ether);
        vm.prank(d1);
        staking.lock(365 days);
        assertEq(staking.positionOf(d1).rewardWeightBps, 20_000, "one-year bucket");

        vm.warp(T0 + 335 days);
        _delegate(d1, p1, 999_999 ether);
        _delegate(d2, p1, 1_000_000 ether);
        vm.prank(d2);
        staking.lock(30 days);
        assertEq(staking.positionOf(d1).rewardWeightBps, 11_000, "mean of 2x on 1 and 1.1x on 999,999");
        assertEq(staking.positionOf(d2).rewardWeightBps, 11_000, "30-day bucket");

        _notify(10_000 ether);
        _skip(30 days);
        uint256 paid1 = _claim(d1);
        uint256 paid2 = _claim(d2);
        assertEq(paid1, 4_999.999999999999104 ether, "d1: half");
        assertEq(paid2, 4_999.999999999999104 ether, "d2: half");
    }

    /// Re-locking is the way to earn the longer bucket on the whole position: the top-up then commits all of it.
    function test_lock_extendingGivesTheWholePositionTheNewBucket() public {
        _register(p1, 10_000 ether);
        _delegate(d1, p1, 1 ether);
        vm.prank(d1);
        staking.lock(365 days);
        vm.warp(T0 + 335 days);
        _delegate(d1, p1, 999_999 ether);
        vm.prank(d1);
        staking.lock(365 days);
        assertEq(staking.positionOf(d1).rewardWeightBps, 20_000, "all of it committed for a year again");
    }
}
