// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {StakingMath} from "../../contracts/libraries/StakingMath.sol";
import {Test} from "../utils/Test.sol";

/// @notice The staking math at its exact edges: a pool holding a single share, the full-bonus duration itself and a
/// zero one, the APY band's floor and ceiling on inputs that do not divide evenly.
contract StakingMathBoundariesTest is Test {
    uint256 internal constant YEAR = 365 days;

    function test_toSharesDown_aSingleShareIsNotAnEmptyPool() public pure {
        // 1 share behind 10 assets: 5 assets buy floor(5 / 10) = 0 shares, not 5 (1:1 is for an empty pool only).
        assertEq(StakingMath.toSharesDown(5, 10, 1), 0, "price 10 per share");
        assertEq(StakingMath.toSharesDown(25, 10, 1), 2, "floor(2.5)");
    }

    function test_toSharesUp_roundsUpWithARemainder() public pure {
        // 25 assets out of 10 per share burn ceil(2.5) = 3 shares.
        assertEq(StakingMath.toSharesUp(25, 10, 1), 3, "ceil(2.5)");
    }

    function test_toAssetsDown_roundsDown() public pure {
        // 2 of 3 shares of 10 assets: 6.67 -> 6; no shares are worth nothing, even in a pool with shares.
        assertEq(StakingMath.toAssetsDown(2, 10, 3), 6, "floor(20 / 3)");
        assertEq(StakingMath.toAssetsDown(0, 10, 3), 0, "no shares, nothing");
    }

    function test_weighted_roundsDown() public pure {
        // 7 shares at 1.1x = 7.7 -> 7.
        assertEq(StakingMath.weighted(7, 11_000), 7, "floor(7.7)");
    }

    function test_voteBonus_atAndAroundTheFullDuration() public pure {
        assertEq(StakingMath.voteBonus(YEAR - 1, YEAR, 5_000), 4_999, "one second short: floor(4,999.99984)");
        assertEq(StakingMath.voteBonus(YEAR, YEAR, 5_000), 5_000, "exactly the full duration");
        assertEq(StakingMath.voteBonus(YEAR + 1, YEAR, 5_000), 5_000, "beyond: capped");
        // With no full duration every lock, even a zero one, earns the whole bonus (and nothing divides by zero).
        assertEq(StakingMath.voteBonus(0, 0, 5_000), 5_000, "zero full duration");
    }

    function test_rewardFlow_floorAndCeilingRoundDown() public pure {
        // 1e30 staked for 7 s at 8%: 1e30 x 800 x 7 / (10,000 x 31,536,000) = 17,757,483,510,908,168,442,415.018
        // rounded down.
        assertEq(StakingMath.rewardFlow(7, 0, 1e30, 1e30, 800, 1_200), 17_757_483_510_908_168_442_415, "floor");
        // At 12% under a schedule far above it: 1e30 x 1,200 x 7 / 315,360,000,000 = 26,636,225,266,362,252,663,622.527
        // rounded down.
        assertEq(StakingMath.rewardFlow(7, 1e30, 1e30, 1e30, 800, 1_200), 26_636_225_266_362_252_663_622, "ceiling");
    }

    function test_rewardFlow_budgetEdge() public pure {
        // A schedule of exactly the budget pays the budget; one wei less pays one wei less.
        assertEq(StakingMath.rewardFlow(10, 100, 1_000, 1e30, 0, 10_000), 1_000, "flow == budget");
        assertEq(StakingMath.rewardFlow(10, 100, 999, 1e30, 0, 10_000), 999, "budget below the flow");
    }

    function test_reputationScore_roundsDown() public pure {
        // 1,000 x 1 / 3 = 333.3 -> 333.
        assertEq(StakingMath.reputationScore(1, 2), 333, "floor(333.3)");
        // 1,000 x 2 / 3 = 666.7 -> 666.
        assertEq(StakingMath.reputationScore(2, 1), 666, "floor(666.7)");
    }
}
