// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IOracleRouter} from "../../contracts/interfaces/IOracleRouter.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {OracleRouter} from "../../contracts/lending/OracleRouter.sol";
import {LendingKeys} from "../../contracts/libraries/LendingKeys.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {MockAggregatorV3} from "../../contracts/devnet/MockAggregatorV3.sol";
import {LendingBase} from "./LendingBase.sol";

contract OracleRouterTest is LendingBase {
    // ================================================================== validation

    function test_prices_areNormalisedToWad() public view {
        assertEq(oracle.collateralPrice(), 2e18, "$2 from an 8-decimal feed");
        assertEq(oracle.ethPrice(), 2_000e18, "$2,000 from an 8-decimal feed");
    }

    function test_prices_fromFeedsWith18And20Decimals() public {
        qerFeed = new MockAggregatorV3(18, "QER / USD", 2e18);
        ethFeed = new MockAggregatorV3(20, "ETH / USD", 2_000e20);
        OracleRouter r = _deployOracle(address(0));
        assertEq(r.collateralPrice(), 2e18, "18 decimals unchanged");
        assertEq(r.ethPrice(), 2_000e18, "20 decimals divided by 100");
    }

    function test_RevertWhen_priceIsZero() public {
        _setQerPrice(0);
        vm.expectRevert(abi.encodeWithSelector(IOracleRouter.NonPositivePrice.selector, address(qerFeed), 0));
        oracle.collateralPrice();
    }

    function test_RevertWhen_priceIsNegative() public {
        _setEthPrice(-1);
        vm.expectRevert(abi.encodeWithSelector(IOracleRouter.NonPositivePrice.selector, address(ethFeed), -1));
        oracle.ethPrice();
    }

    function test_stalenessLimit_atTheEdge() public {
        vm.warp(START + 3_900);
        assertEq(oracle.collateralPrice(), 2e18, "exactly the maximum age is accepted");
        vm.warp(START + 3_901);
        vm.expectRevert(abi.encodeWithSelector(IOracleRouter.StalePrice.selector, address(qerFeed), START, 3_900));
        oracle.collateralPrice();
        vm.expectRevert(abi.encodeWithSelector(IOracleRouter.StalePrice.selector, address(ethFeed), START, 3_900));
        oracle.ethPrice();
    }

    function test_RevertWhen_roundNeverUpdated() public {
        qerFeed.setRoundData(7, 2e8, 0, 0);
        vm.expectRevert(abi.encodeWithSelector(IOracleRouter.StalePrice.selector, address(qerFeed), 0, 3_900));
        oracle.collateralPrice();
    }

    function test_RevertWhen_priceIsFutureDated() public {
        qerFeed.setRoundData(2, 2e8, START + 1, START + 1);
        vm.expectRevert(abi.encodeWithSelector(IOracleRouter.FuturePrice.selector, address(qerFeed), START + 1, START));
        oracle.collateralPrice();
    }

    function test_RevertWhen_priceOutOfRange() public {
        // ETH range: $1 .. $1,000,000.
        _setEthPrice(1e8 - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IOracleRouter.PriceOutOfRange.selector, address(ethFeed), 1e18 - 1e10, 1e18, 1e24)
        );
        oracle.ethPrice();
        _setEthPrice(1_000_000e8 + 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IOracleRouter.PriceOutOfRange.selector,
                address(ethFeed),
                1_000_000e18 + 1e10,
                1e18,
                1e24
            )
        );
        oracle.ethPrice();
        _setEthPrice(type(int256).max);
        vm.expectRevert(
            abi.encodeWithSelector(
                IOracleRouter.PriceOutOfRange.selector,
                address(ethFeed),
                type(uint256).max,
                1e18,
                1e24
            )
        );
        oracle.ethPrice();
    }

    function test_RevertWhen_constructorFeedConfigInvalid() public {
        IOracleRouter.OracleParams memory p = oracle.oracleParams();
        IOracleRouter.FeedConfig memory ok = IOracleRouter.FeedConfig(address(ethFeed), 1e18, 1e24);
        IOracleRouter.FeedConfig[4] memory bad = [
            IOracleRouter.FeedConfig(address(0), 1e12, 1e24),
            IOracleRouter.FeedConfig(address(qerFeed), 0, 1e24),
            IOracleRouter.FeedConfig(address(qerFeed), 2e18, 1e18),
            IOracleRouter.FeedConfig(address(qerFeed), 1e12, uint256(type(uint96).max) + 1)
        ];
        for (uint256 i; i < bad.length; ++i) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IOracleRouter.InvalidFeedConfig.selector,
                    bad[i].feed,
                    bad[i].minPrice,
                    bad[i].maxPrice
                )
            );
            new OracleRouter(address(manager), bad[i], ok, address(0), p);
        }
        MockAggregatorV3 tooPrecise = new MockAggregatorV3(37, "X", 1);
        vm.expectRevert(abi.encodeWithSelector(IOracleRouter.InvalidFeedConfig.selector, address(tooPrecise), 1, 2));
        new OracleRouter(address(manager), ok, IOracleRouter.FeedConfig(address(tooPrecise), 1, 2), address(0), p);
    }

    // ================================================================== sequencer

    function test_sequencer_downThenGracePeriodThenUp() public {
        MockAggregatorV3 sequencer = new MockAggregatorV3(0, "L2 sequencer uptime", 0);
        OracleRouter r = _deployOracle(address(sequencer));
        // The feed was created "up" at START: the grace period (1 hour) runs from there.
        vm.expectRevert(
            abi.encodeWithSelector(IOracleRouter.SequencerGracePeriodNotOver.selector, START, START + 3_600)
        );
        r.collateralPrice();

        _warp(3_600);
        assertEq(r.collateralPrice(), 2e18, "up for a full grace period");

        sequencer.setAnswer(1); // down
        vm.expectRevert(abi.encodeWithSelector(IOracleRouter.SequencerDown.selector, address(sequencer)));
        r.ethPrice();
        vm.expectRevert(abi.encodeWithSelector(IOracleRouter.SequencerDown.selector, address(sequencer)));
        r.collateralGuardedPrice();

        _warp(600);
        sequencer.setAnswer(0); // back up now
        uint256 upAt = block.timestamp;
        _warp(3_599);
        vm.expectRevert(abi.encodeWithSelector(IOracleRouter.SequencerGracePeriodNotOver.selector, upAt, upAt + 3_600));
        r.collateralPrice();
        _warp(1);
        assertEq(r.ethPrice(), 2_000e18, "trusted again after the grace period");
    }

    function test_RevertWhen_sequencerRoundUninitialised() public {
        MockAggregatorV3 sequencer = new MockAggregatorV3(0, "L2 sequencer uptime", 0);
        sequencer.setRoundData(1, 0, 0, START);
        OracleRouter r = _deployOracle(address(sequencer));
        vm.expectRevert(abi.encodeWithSelector(IOracleRouter.SequencerDown.selector, address(sequencer)));
        r.collateralPrice();
    }

    // ================================================================== price-jump guard

    function test_guard_followsAFallAtOnce() public {
        _setQerPrice(1e8);
        vm.expectEmit(true, true, true, true, address(oracle));
        emit IOracleRouter.ReferencePriceUpdated(1e18, 1e18);
        assertEq(oracle.collateralGuardedPrice(), 1e18, "a fall counts at once");
        (uint256 ref, uint256 lastSpot, uint256 updatedAt) = oracle.priceReference();
        assertEq(ref, 1e18, "reference");
        assertEq(lastSpot, 1e18, "spot seen");
        assertEq(updatedAt, START, "when");
    }

    function test_guard_risesAtMostTheBoundPerWindow() public {
        _setQerPrice(3e8);
        assertEq(oracle.collateralGuardedPrice(), 2e18, "a new price is not trusted before it has been seen");
        _warp(1_800); // half a window
        assertEq(oracle.previewCollateralGuardedPrice(), 2.1e18, "5% after half a window");
        assertEq(oracle.collateralGuardedPrice(), 2.1e18, "the update matches its preview");
        _warp(10 hours);
        assertEq(oracle.collateralGuardedPrice(), 2.31e18, "at most 10% per update, however long the wait");
        _warp(1);
        _setQerPrice(2.2e8);
        assertEq(oracle.collateralGuardedPrice(), 2.2e18, "never above the spot");
    }

    function test_guard_aSpikeSeenThenRevertedLeavesNoCapacity() public {
        _setQerPrice(4e8);
        oracle.collateralGuardedPrice();
        _warp(1);
        _setQerPrice(2e8); // back at $2: the spike was seen, but the reference never exceeds the spot
        assertEq(oracle.collateralGuardedPrice(), 2e18, "back to spot");
        _warp(3_600);
        assertEq(oracle.collateralGuardedPrice(), 2e18, "the last spot seen caps the reference");
    }

    // ================================================================== parameters

    function test_setParameter_throughTheRegistry() public {
        vm.prank(governor);
        registry.set(address(oracle), LendingKeys.COLLATERAL_MAX_AGE, 4_500);
        assertEq(oracle.parameter(LendingKeys.COLLATERAL_MAX_AGE), 4_500, "stored");
        vm.warp(START + 4_500);
        assertEq(oracle.collateralPrice(), 2e18, "the new limit applies");
    }

    function test_RevertWhen_parameterValueUnusable() public {
        manager.grantRole(Roles.PARAMETER_REGISTRY, address(this), 0);
        bytes32[3] memory nonZero = [
            LendingKeys.COLLATERAL_MAX_AGE,
            LendingKeys.ETH_MAX_AGE,
            LendingKeys.PRICE_JUMP_WINDOW
        ];
        for (uint256 i; i < nonZero.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, nonZero[i], 0));
            oracle.setParameter(nonZero[i], 0);
        }
        uint256 tooBig = uint256(type(uint32).max) + 1;
        vm.expectRevert(
            abi.encodeWithSelector(
                IParameterized.InvalidParameterValue.selector,
                LendingKeys.MAX_PRICE_JUMP_BPS,
                tooBig
            )
        );
        oracle.setParameter(LendingKeys.MAX_PRICE_JUMP_BPS, tooBig);
        bytes32 unknown = keccak256("lending.nope");
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, unknown));
        oracle.setParameter(unknown, 1);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, unknown));
        oracle.parameter(unknown);
        assertEq(oracle.parameter(LendingKeys.PRICE_JUMP_WINDOW), 3_600, "unchanged");
    }
}
