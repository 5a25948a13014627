// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {IMetricsRegistry} from "../../contracts/interfaces/IMetricsRegistry.sol";
import {IRatings} from "../../contracts/interfaces/IRatings.sol";
import {MockRatings} from "./mocks/MockRatings.sol";
import {SlashingBase} from "./SlashingBase.sol";

/// @notice User ratings in the quality multiplier: the one-time bind and the blend
/// `quality = 1x + 0.5x x (accuracy x (1 - w) + ratingScore x w)` (QUIVer maximum 1.5x), each term rounded down.
/// The ratings source is a mock answering `qualityInputOf`; the real `Ratings` answers are tested in
/// test/market/RatingsQuality.t.sol with the same figures.
contract MetricsRegistryRatingsTest is SlashingBase {
    MockRatings internal mock;

    function setUp() public override {
        super.setUp();
        _register(p1, 1_000_000 ether);
        _registerValidators(3);
        mock = new MockRatings();
    }

    /// @dev Three validators attest epoch 0 with `accuracyBps` (60 ms, 100% uptime).
    function _attestAccuracy(uint256 accuracyBps) internal {
        vm.warp(T0 + DAY);
        for (uint256 v; v < 3; ++v) {
            vm.prank(validators[v]);
            metrics.attest(p1, 0, 60, 10_000, accuracyBps);
        }
    }

    function _bind() internal {
        vm.prank(admin);
        metrics.bindRatings(IRatings(address(mock)));
    }

    function _quality() internal returns (uint256 quality) {
        (, quality) = metrics.syncPerformance(p1);
    }

    // ------------------------------------------------------------------ bindRatings

    function test_bindRatings_onceByTheAdmin() public {
        assertEq(metrics.ratings(), address(0), "unbound at deployment");
        vm.expectEmit(false, false, false, true, address(metrics));
        emit IMetricsRegistry.RatingsBound(address(mock));
        _bind();
        assertEq(metrics.ratings(), address(mock), "bound");
    }

    function test_RevertWhen_bindingTwice() public {
        _bind();
        MockRatings other = new MockRatings();
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IMetricsRegistry.RatingsAlreadyBound.selector, address(mock)));
        metrics.bindRatings(IRatings(address(other)));
        assertEq(metrics.ratings(), address(mock), "the first binding stays");
    }

    function test_RevertWhen_bindingZero() public {
        vm.prank(admin);
        vm.expectRevert(IMetricsRegistry.ZeroRatings.selector);
        metrics.bindRatings(IRatings(address(0)));
        assertEq(metrics.ratings(), address(0), "still unbound");
    }

    function test_RevertWhen_strangerBinds() public {
        address stranger = makeAddr("stranger");
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        metrics.bindRatings(IRatings(address(mock)));
        assertEq(metrics.ratings(), address(0), "still unbound");
    }

    // ------------------------------------------------------------------ the blend

    /// Unbound: accuracy alone, as before ratings existed: 1 + 0.5 x 0.9 = 1.45x, whatever a ratings source says.
    function test_syncPerformance_unboundUsesAccuracyAlone() public {
        mock.set(10_000, 3_000);
        _attestAccuracy(9_000);
        assertEq(_quality(), 14_500, "10,000 + 5,000 x 9,000 / 10,000");
    }

    /// Below the minimum rated weight the source answers weight 0: accuracy alone, 1.45x.
    function test_syncPerformance_uncountedRatingsUseAccuracyAlone() public {
        _bind();
        mock.set(10_000, 0);
        _attestAccuracy(9_000);
        assertEq(_quality(), 14_500, "accuracy alone");
    }

    /// Five stars (score 10,000) at QUIVer's weight 3,000 over 90% accuracy: blended 9,000 x 0.7 + 10,000 x 0.3 =
    /// 9,300; quality 10,000 + 5,000 x 9,300 / 10,000 = 14,650 (0.015x above accuracy alone).
    function test_syncPerformance_blendsFiveStarsAtQuiversWeight() public {
        _bind();
        mock.set(10_000, 3_000);
        _attestAccuracy(9_000);
        vm.expectEmit(true, false, false, true, address(metrics));
        emit IMetricsRegistry.PerformanceSynced(p1, 12_000, 14_650);
        assertEq(_quality(), 14_650, "blended 9,300");
        assertEq(staking.providerInfo(p1).performanceMultiplierBps, 17_580, "1.2 x 1.465");
    }

    /// One star (score 0) at weight 3,000 over 90% accuracy: blended 6,300, quality 13,150.
    function test_syncPerformance_blendsOneStarAtQuiversWeight() public {
        _bind();
        mock.set(0, 3_000);
        _attestAccuracy(9_000);
        assertEq(_quality(), 13_150, "10,000 + 5,000 x 6,300 / 10,000");
    }

    /// Each term rounds down: accuracy 8,833 (three attestations 9,000, 9,500, 8,000), score 8,333, weight 3,000:
    /// 8,833 x 7,000 / 10,000 = 6,183.1 -> 6,183; 8,333 x 3,000 / 10,000 = 2,499.9 -> 2,499; blended 8,682;
    /// quality 10,000 + 5,000 x 8,682 / 10,000 = 14,341.
    function test_syncPerformance_roundsEachTermDown() public {
        _bind();
        mock.set(8_333, 3_000);
        vm.warp(T0 + DAY);
        uint256[3] memory accuracy = [uint256(9_000), 9_500, 8_000];
        for (uint256 v; v < 3; ++v) {
            vm.prank(validators[v]);
            metrics.attest(p1, 0, 60, 10_000, accuracy[v]);
        }
        assertEq(_quality(), 14_341, "blended 8,682");
    }

    /// At the weight's bound (5,000) the ratings move at most half of the quality bonus: 0% accuracy and five stars
    /// give 1.25x, 100% accuracy and one star 1.25x.
    function test_syncPerformance_ratingsTakeAtMostHalfAtTheBound() public {
        _bind();
        mock.set(10_000, 5_000);
        _attestAccuracy(0);
        assertEq(_quality(), 12_500, "0 x 0.5 + 10,000 x 0.5 = 5,000");
        mock.set(0, 5_000);
        vm.warp(T0 + 2 * DAY);
        for (uint256 v; v < 3; ++v) {
            vm.prank(validators[v]);
            metrics.attest(p1, 1, 60, 10_000, 10_000);
        }
        // Rolling accuracy (0 + 10,000) / 2 = 5,000 over the two epochs: 5,000 x 0.5 + 0 = 2,500.
        assertEq(_quality(), 11_250, "10,000 + 5,000 x 2,500 / 10,000");
    }

    /// No attestation in the window: 1x, whatever the ratings (they refine an attested accuracy).
    function test_syncPerformance_withoutAttestationsIgnoresRatings() public {
        _bind();
        mock.set(10_000, 5_000);
        (uint256 speed, uint256 quality) = metrics.syncPerformance(p1);
        assertEq(speed, 10_000, "1x");
        assertEq(quality, 10_000, "1x: the ratings are not read");
    }
}
