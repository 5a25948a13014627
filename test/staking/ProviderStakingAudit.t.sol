// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {StakingBase} from "./StakingBase.sol";

/// @notice Attacks on the per-staker APY ceiling found by an audit of the lock, ceiling and ban-release rules.
/// Expected figures are computed by hand in the comments.
contract ProviderStakingAuditTest is StakingBase {
    /// A provider delegates to its own pool from a second account (identities are free). The flow is at the
    /// ceiling: 12% of 2,010,000 = 241,200 a year. Self-stake (70%, 168,840) spreads over 1,910,000 of self-stake:
    /// p1's 10,000 earns 168,840 x 10,000 / 1,910,000 = 883.979. The delegation class (25%, 60,300) goes to the only
    /// delegation, d1's 100,000, capped at 12% = 12,000; the commission was 500/2,500 of that, 2,400. The attacker's
    /// 110,000 earned 883.979 + 12,000 + 2,400 = 15,283.979 (13.89%), above the 12% ceiling.
    function test_Exploit_selfDelegationCommissionAboveCeiling() public {
        _register(p1, 10_000 ether);
        _register(p2, 1_900_000 ether);
        _delegate(d1, p1, 100_000 ether);
        _notify(1_000_000 ether);
        _skip(YEAR);

        uint256 delegation = _claim(d1);
        uint256 provider = _claim(p1);
        assertEq(delegation, 12_000 ether, "d1: 12% of 100,000");
        assertApproxEqAbs(provider, 3_283.979057591623036649 ether, 1e6, "p1: 883.979 self + 2,400 commission");
        // 15,283.979 on 110,000: 13.89% a year.
        assertGt((delegation + provider) * 10_000, 110_000 ether * 1_200, "above 12% of the attacker's stake");
    }
}
