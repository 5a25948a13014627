// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {StakingMath} from "../../contracts/libraries/StakingMath.sol";
import {Test} from "../utils/Test.sol";

/// @notice The staking module's pure math, on its own: share conversions round against the staker, the reward
/// flow stays in the APY band and the budget, the vote bonus is linear, the reputation score is bounded.
contract StakingMathTest is Test {
    uint256 internal constant YEAR = 365 days;

    function test_toSharesDown_emptyPoolIsOneToOne() public pure {
        assertEq(StakingMath.toSharesDown(5 ether, 0, 0), 5 ether, "1:1 into an empty pool");
        assertEq(StakingMath.toSharesDown(5 ether, 3, 0), 5 ether, "dust without shares does not change the price");
    }

    function test_toSharesDown_afterASlashMintsMoreShares() public pure {
        // 900 assets behind 1,000 shares: 90 tokens buy 100 shares.
        assertEq(StakingMath.toSharesDown(90, 900, 1_000), 100, "price 0.9");
        assertEq(StakingMath.toSharesDown(1, 900, 1_000), 1, "1 wei buys floor(1.11) = 1 share");
    }

    function test_toSharesUp_roundsAgainstTheLeaver() public pure {
        // Taking 1 wei out of a pool at price 1.5 burns ceil(0.67) = 1 share.
        assertEq(StakingMath.toSharesUp(1, 3, 2), 1, "rounded up");
        assertEq(StakingMath.toSharesUp(3, 3, 2), 2, "exact");
    }

    function test_toAssetsDown_lastHolderTakesTheDust() public pure {
        assertEq(StakingMath.toAssetsDown(1, 10, 3), 3, "floor(10 / 3)");
        assertEq(StakingMath.toAssetsDown(3, 10, 3), 10, "all the shares take all the assets");
        assertEq(StakingMath.toAssetsDown(0, 10, 0), 0, "no shares are worth nothing, even with dust");
    }

    function test_weighted_scalesByBps() public pure {
        assertEq(StakingMath.weighted(1_000, 12_500), 1_250, "1.25x");
        assertEq(StakingMath.weighted(3, 15_000), 4, "floor(4.5)");
    }

    function test_rewardFlow_insideTheBandPaysTheSchedule() public pure {
        // 1,000,000 staked, 0.003 QUIV/s = 94,608 a year = 9.46%: inside [8%, 12%].
        assertEq(
            StakingMath.rewardFlow(100, 0.003 ether, 1e30, 1_000_000 ether, 800, 1_200),
            0.3 ether,
            "as scheduled"
        );
    }

    function test_rewardFlow_clampsToTheCeiling() public pure {
        // 12% of 1,000,000 over a year is 120,000, whatever the schedule.
        assertEq(StakingMath.rewardFlow(YEAR, 1 ether, 1e30, 1_000_000 ether, 800, 1_200), 120_000 ether, "12%");
    }

    function test_rewardFlow_raisesToTheFloorWithinTheBudget() public pure {
        // 8% of 1,000,000 over a year is 80,000; a zero schedule is raised to it, a 50,000 budget caps it.
        assertEq(StakingMath.rewardFlow(YEAR, 0, 1e30, 1_000_000 ether, 800, 1_200), 80_000 ether, "8%");
        assertEq(StakingMath.rewardFlow(YEAR, 0, 50_000 ether, 1_000_000 ether, 800, 1_200), 50_000 ether, "budget");
    }

    function test_rewardFlow_nothingStakedPaysNothing() public pure {
        assertEq(StakingMath.rewardFlow(YEAR, 1 ether, 1e30, 0, 800, 1_200), 0, "no stake, no flow");
    }

    function testFuzz_rewardFlowNeverAboveCeilingOrBudget(
        uint256 elapsed,
        uint256 rate,
        uint256 budget,
        uint256 stake,
        uint256 minApy,
        uint256 maxApy
    ) public pure {
        elapsed = bound(elapsed, 0, 10 * YEAR);
        rate = bound(rate, 0, 1e30);
        budget = bound(budget, 0, 1e30);
        stake = bound(stake, 0, 1e30);
        maxApy = bound(maxApy, 0, 10_000);
        minApy = bound(minApy, 0, maxApy);
        uint256 flow = StakingMath.rewardFlow(elapsed, rate, budget, stake, minApy, maxApy);
        assertLe(flow, budget, "never more than the budget");
        assertLe(flow * 10_000 * YEAR, stake * maxApy * elapsed, "never above the ceiling APY");
        uint256 floorFlow = (stake * minApy * elapsed) / (10_000 * YEAR);
        uint256 scheduled = rate * elapsed;
        uint256 wanted = scheduled > floorFlow ? scheduled : floorFlow;
        uint256 ceilingFlow = (stake * maxApy * elapsed) / (10_000 * YEAR);
        if (wanted > ceilingFlow) wanted = ceilingFlow;
        assertEq(flow, wanted < budget ? wanted : budget, "the clamp, written out");
    }

    function test_voteBonus_linearToTheFullDuration() public pure {
        assertEq(StakingMath.voteBonus(0, YEAR, 5_000), 0, "no lock");
        assertEq(StakingMath.voteBonus(YEAR / 4, YEAR, 5_000), 1_250, "a quarter of a year");
        assertEq(StakingMath.voteBonus(YEAR, YEAR, 5_000), 5_000, "a year");
        assertEq(StakingMath.voteBonus(3 * YEAR, YEAR, 5_000), 5_000, "capped");
    }

    function test_reputationScore_boundedWithDiminishingReturns() public pure {
        uint256 half = 100_000 ether;
        assertEq(StakingMath.reputationScore(0, half), 0, "no stake");
        assertEq(StakingMath.reputationScore(100_000 ether, half), 500, "the half-stake earns 500");
        assertEq(StakingMath.reputationScore(300_000 ether, half), 750, "3x the half-stake: 750");
        assertEq(StakingMath.reputationScore(900_000 ether, half), 900, "9x: 900");
        assertEq(StakingMath.reputationScore(1e30, half), 999, "never 1,000");
    }

    function testFuzz_reputationScoreMonotoneAndBounded(uint256 a, uint256 b) public pure {
        a = bound(a, 0, 1e30);
        b = bound(b, a, 1e30);
        uint256 half = 100_000 ether;
        assertLe(StakingMath.reputationScore(a, half), StakingMath.reputationScore(b, half), "monotone");
        assertLt(StakingMath.reputationScore(b, half), 1_000, "below the maximum");
    }

    /// A round trip through a pool never gives back more than went in.
    function testFuzz_sharesRoundTripNeverGains(uint256 assets, uint256 totalAssets, uint256 totalShares) public pure {
        totalAssets = bound(totalAssets, 1, 1e30);
        totalShares = bound(totalShares, 1, 1e30);
        assets = bound(assets, 0, 1e30);
        uint256 shares = StakingMath.toSharesDown(assets, totalAssets, totalShares);
        uint256 back = StakingMath.toAssetsDown(shares, totalAssets + assets, totalShares + shares);
        assertLe(back, assets, "no gain from a round trip");
        assertGe(StakingMath.toSharesUp(assets, totalAssets, totalShares), shares, "burning rounds up");
    }
}
