// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {StakingBase} from "./StakingBase.sol";

/// @notice Attacks on the per-staker APY ceiling found by an audit of the lock, ceiling and ban-release rules.
/// Expected figures are computed by hand in the comments.
contract ProviderStakingAuditTest is StakingBase {
    /// A provider delegates to its own pool from a second account (identities are free). The flow is at the
    /// ceiling: 12% of 2,010,000 = 241,200 a year. Self-stake (70%, 168,840) spreads over 1,910,000 of self-stake:
    /// p1's 10,000 earns 168,840 x 10,000 / 1,910,000 = 883.979. The delegation class (25%, 60,300) goes to the only
    /// delegation, d1's 100,000, capped at 12% = 12,000. Before: p1 also took a commission of 500/2,500 of it,
    /// 2,400, so the attacker's 110,000 earned 15,283.979 (13.89%). Now the pool as a whole earns at most 12% of its
    /// 110,000 = 13,200: the commission is cut to 13,200 - 883.979 - 12,000 = 316.021, p1 claims exactly 1,200 and
    /// the attacker's 110,000 earns 13,200, 12.00%. An honest p2 is untouched: 168,840 x 1,900,000 / 1,910,000.
    function test_poolGrowth_selfDelegationEarnsAtMostTheCeilingWithCommission() public {
        _register(p1, 10_000 ether);
        _register(p2, 1_900_000 ether);
        _delegate(d1, p1, 100_000 ether);
        _notify(1_000_000 ether);
        _skip(YEAR);

        assertEq(staking.pendingRewards(p1), 1_200 ether, "pending view: the same cut");
        uint256 delegation = _claim(d1);
        uint256 provider = _claim(p1);
        assertEq(delegation, 12_000 ether, "d1: 12% of 100,000");
        assertEq(provider, 1_200 ether, "p1: 883.979 self + 316.021 commission");
        assertEq(delegation + provider, 13_200 ether, "12% of the attacker's 110,000, not 15,283.979");
        assertEq(_claim(p2), 167_956.020942408376963350 ether, "p2: 168,840 x 1.9M / 1.91M");
    }

    /// Random self-stakes, a self-delegation of any size (down to 1 wei), any performance multiplier on the
    /// attacker's pool, any time: the provider and its own delegation together never earn above 12% a year of the
    /// attacker's stake, and the contract still holds everything it owes.
    function testFuzz_poolGrowth_selfDelegationNeverAboveTheCeiling(
        uint256 self1,
        uint256 self2,
        uint256 delegated,
        uint256 speedBps,
        uint256 qualityBps,
        uint256 elapsed
    ) public {
        self1 = bound(self1, 10_000 ether, 5_000_000 ether);
        self2 = bound(self2, 10_000 ether, 5_000_000 ether);
        delegated = bound(delegated, 1, 5_000_000 ether);
        speedBps = bound(speedBps, 10_000, 12_000);
        qualityBps = bound(qualityBps, 10_000, 15_000);
        elapsed = bound(elapsed, 1, 2 * YEAR);
        _register(p1, self1);
        _register(p2, self2);
        _delegate(d1, p1, delegated);
        vm.prank(attester);
        staking.setPerformance(p1, speedBps, qualityBps);
        _notify(100_000_000 ether);
        _skip(elapsed);

        uint256 earned = _claimOrZero(d1) + _claimOrZero(p1);
        assertLe(earned, ((self1 + delegated) * 1_200 * elapsed) / (10_000 * YEAR), "attacker within 12%");
        _claimOrZero(p2);
        (uint256 budget, , , uint256 distributed, ) = staking.rewardState();
        assertEq(budget + distributed, 100_000_000 ether, "budget + distributed == notified");
        assertGe(token.balanceOf(address(staking)), staking.totalOwed(), "balance covers everything owed");
    }

    function _claimOrZero(address account) internal returns (uint256) {
        if (staking.pendingRewards(account) == 0) return 0;
        return _claim(account);
    }
}
