// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";
import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {ParameterRegistry} from "../../contracts/governance/ParameterRegistry.sol";
import {Parameterized} from "../../contracts/common/Parameterized.sol";
import {IParameterRegistry} from "../../contracts/interfaces/IParameterRegistry.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {Test} from "../utils/Test.sol";
import {MockParameterized} from "./mocks/MockParameterized.sol";

contract ParameterRegistryTest is Test {
    uint256 internal constant QUARTER = 7_884_000; // 365 days / 4, in seconds
    /// @dev setUp's time, 1,750,000,000, lies in quarter 221 (1,742,364,000 to 1,750,248,000).
    uint256 internal constant QUARTER_221 = 221;
    uint256 internal constant EDGE = 1_750_248_000; // 222 * 7,884,000: start of quarter 222

    AccessManager internal manager;
    ParameterRegistry internal registry;
    MockParameterized internal module;

    address internal admin;
    address internal governor;
    address internal emergency;
    address internal stranger;

    bytes32 internal FEE;
    bytes32 internal AMOUNT;

    function setUp() public {
        admin = makeAddr("admin");
        governor = makeAddr("governor");
        emergency = makeAddr("emergency");
        stranger = makeAddr("stranger");
        vm.warp(1_750_000_000);

        manager = new AccessManager(admin);
        registry = new ParameterRegistry(address(manager));
        module = new MockParameterized(address(manager), 100, 1_000 ether);
        FEE = module.FEE_BPS();
        AMOUNT = module.AMOUNT();

        bytes4[] memory registrySet = new bytes4[](1);
        registrySet[0] = ParameterRegistry.set.selector;
        bytes4[] memory registryEmergency = new bytes4[](1);
        registryEmergency[0] = ParameterRegistry.setEmergency.selector;

        _wire(module);
        vm.startPrank(admin);
        manager.setTargetFunctionRole(address(registry), registrySet, Roles.GOVERNOR);
        manager.setTargetFunctionRole(address(registry), registryEmergency, Roles.EMERGENCY);
        manager.grantRole(Roles.GOVERNOR, governor, 0);
        manager.grantRole(Roles.EMERGENCY, emergency, 0);
        manager.grantRole(Roles.PARAMETER_REGISTRY, address(registry), 0);
        // fee: 0..10,000 bps, at least 10 bps of room; amount: 100..100,000 tokens, no absolute step.
        registry.register(address(module), FEE, 0, 10_000, 10);
        registry.register(address(module), AMOUNT, 100 ether, 100_000 ether, 0);
        vm.stopPrank();
    }

    /// @dev Lets only the registry call `setParameter` on a module.
    function _wire(MockParameterized target) internal {
        bytes4[] memory moduleSet = new bytes4[](1);
        moduleSet[0] = Parameterized.setParameter.selector;
        vm.prank(admin);
        manager.setTargetFunctionRole(address(target), moduleSet, Roles.PARAMETER_REGISTRY);
    }

    function _set(bytes32 key, uint256 value) internal {
        vm.prank(governor);
        registry.set(address(module), key, value);
    }

    // ------------------------------------------------------------------ register

    function test_register_recordsBoundsAndAnchorsAtCurrentValue() public view {
        IParameterRegistry.Parameter memory p = registry.parameterInfo(address(module), AMOUNT);
        assertEq(p.min, 100 ether, "min");
        assertEq(p.max, 100_000 ether, "max");
        assertEq(p.minStep, 0, "minStep");
        assertEq(p.anchor, 1_000 ether, "anchor = value at registration");
        assertEq(p.lowest, 1_000 ether, "lowest in effect");
        assertEq(p.highest, 1_000 ether, "highest in effect");
        assertEq(p.previousLowest, 1_000 ether, "previous quarter's lowest");
        assertEq(p.previousHighest, 1_000 ether, "previous quarter's highest");
        assertEq(uint256(p.quarter), QUARTER_221, "quarter of the registration");
        assertTrue(p.registered, "registered");
    }

    function test_RevertWhen_registerTwice() public {
        vm.prank(admin);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterRegistry.ParameterAlreadyRegistered.selector, address(module), AMOUNT)
        );
        registry.register(address(module), AMOUNT, 0, 1, 0);
    }

    function test_RevertWhen_registerWithMinAboveMax() public {
        MockParameterized other = new MockParameterized(address(manager), 5, 5);
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IParameterRegistry.InvalidBounds.selector, 10, 9));
        registry.register(address(other), FEE, 10, 9, 0);
    }

    function test_RevertWhen_registerZeroTarget() public {
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IParameterRegistry.InvalidBounds.selector, 0, 1));
        registry.register(address(0), FEE, 0, 1, 0);
    }

    function test_RevertWhen_registerCurrentValueOutsideBounds() public {
        MockParameterized other = new MockParameterized(address(manager), 5, 5);
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IParameterRegistry.ValueOutOfBounds.selector, 5, 6, 10));
        registry.register(address(other), FEE, 6, 10, 0);
    }

    function test_RevertWhen_registerUnknownKey() public {
        MockParameterized other = new MockParameterized(address(manager), 5, 5);
        bytes32 bogus = keccak256("BOGUS");
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, bogus));
        registry.register(address(other), bogus, 0, 10, 0);
    }

    function test_RevertWhen_registerByNonAdmin() public {
        MockParameterized other = new MockParameterized(address(manager), 5, 5);
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, governor));
        registry.register(address(other), FEE, 0, 10, 0);
    }

    // ------------------------------------------------------------------ set

    function test_set_pushesValueIntoModuleAndEmits() public {
        vm.expectEmit(true, true, false, true, address(registry));
        emit IParameterRegistry.ParameterChanged(address(module), AMOUNT, 1_000 ether, 1_100 ether, false);
        vm.expectEmit(true, false, false, true, address(module));
        emit IParameterized.ParameterSet(AMOUNT, 1_100 ether);
        _set(AMOUNT, 1_100 ether);
        assertEq(module.amount(), 1_100 ether, "module holds the new value");
    }

    function test_set_exactlyTwentyPercentUpThenTwentyPercentBelowTheHighest() public {
        _set(AMOUNT, 1_200 ether);
        assertEq(module.amount(), 1_200 ether, "+20% allowed");
        // 1,200 is now the highest value in effect: the floor is 1,200 - 20% = 960, not 1,000 - 20%.
        vm.prank(governor);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterRegistry.ChangeTooLarge.selector, 960 ether - 1, 960 ether, 1_200 ether)
        );
        registry.set(address(module), AMOUNT, 960 ether - 1);
        _set(AMOUNT, 960 ether);
        assertEq(module.amount(), 960 ether, "-20% of the highest allowed");
    }

    function test_RevertWhen_setOneWeiBeyondTwentyPercent() public {
        vm.prank(governor);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterRegistry.ChangeTooLarge.selector, 1_200 ether + 1, 800 ether, 1_200 ether)
        );
        registry.set(address(module), AMOUNT, 1_200 ether + 1);
        vm.prank(governor);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterRegistry.ChangeTooLarge.selector, 800 ether - 1, 800 ether, 1_200 ether)
        );
        registry.set(address(module), AMOUNT, 800 ether - 1);
        assertEq(module.amount(), 1_000 ether, "value unchanged");
    }

    function test_RevertWhen_changesAddUpBeyondTwentyPercentInOneWindow() public {
        _set(AMOUNT, 1_100 ether);
        vm.warp(block.timestamp + 30 days);
        _set(AMOUNT, 1_200 ether);
        vm.warp(block.timestamp + 30 days);
        vm.prank(governor);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterRegistry.ChangeTooLarge.selector, 1_210 ether, 960 ether, 1_200 ether)
        );
        registry.set(address(module), AMOUNT, 1_210 ether);
    }

    /// @dev Issue 20, finding 2: two economic proposals executed one second before and at a quarter edge moved a
    /// value 1.2 x 1.2 = 1.44 times within one second. Now the second is measured against the 1,000 still in effect
    /// over the last quarter.
    function test_attack_twoChangesAcrossAQuarterEdgeMoveAtMostTwentyPercent() public {
        vm.warp(EDGE - 1);
        _set(AMOUNT, 1_200 ether);
        vm.warp(EDGE);
        vm.prank(governor);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterRegistry.ChangeTooLarge.selector, 1_440 ether, 960 ether, 1_200 ether)
        );
        registry.set(address(module), AMOUNT, 1_440 ether);
        assertEq(module.amount(), 1_200 ether, "still 1,200");

        // One second before the next edge, 1,000 (in effect until EDGE - 1, in the previous quarter) still counts.
        vm.warp(EDGE + QUARTER - 1);
        vm.prank(governor);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterRegistry.ChangeTooLarge.selector, 1_440 ether, 960 ether, 1_200 ether)
        );
        registry.set(address(module), AMOUNT, 1_440 ether);

        // A full quarter of 1,200 alone: +20% of it.
        vm.warp(EDGE + QUARTER);
        _set(AMOUNT, 1_440 ether);
        IParameterRegistry.Parameter memory p = registry.parameterInfo(address(module), AMOUNT);
        assertEq(p.previousLowest, 1_200 ether, "quarter 222 saw only 1,200");
        assertEq(p.previousHighest, 1_200 ether, "quarter 222 saw only 1,200");
        assertEq(p.lowest, 1_200 ether, "quarter 223 started at 1,200");
        assertEq(p.highest, 1_440 ether, "then 1,440");
        assertEq(uint256(p.quarter), 223, "quarter 223");
    }

    /// @dev Many small steps across edges add up to at most 20% over any quarter: 1,000 -> 1,100 -> 1,200 spread
    /// over two quarters, then nothing above 1,200 until 1,000 is a full quarter behind.
    function test_RevertWhen_stepsAcrossEdgesAddUpBeyondTwentyPercent() public {
        _set(AMOUNT, 1_100 ether);
        vm.warp(EDGE + 10);
        _set(AMOUNT, 1_200 ether);
        vm.warp(EDGE + QUARTER - 1);
        vm.prank(governor);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterRegistry.ChangeTooLarge.selector, 1_200 ether + 1, 960 ether, 1_200 ether)
        );
        registry.set(address(module), AMOUNT, 1_200 ether + 1);
        // Quarter 223: quarter 222 saw 1,100 (until EDGE + 10) and 1,200, so 1,100 + 20% = 1,320 at most.
        vm.warp(EDGE + QUARTER);
        vm.prank(governor);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterRegistry.ChangeTooLarge.selector, 1_320 ether + 1, 960 ether, 1_320 ether)
        );
        registry.set(address(module), AMOUNT, 1_320 ether + 1);
        _set(AMOUNT, 1_320 ether);
        assertEq(module.amount(), 1_320 ether, "+20% of the lowest value of the last two quarters");
    }

    function test_set_minStepMovesAValueFromZero() public {
        vm.prank(emergency);
        registry.setEmergency(address(module), FEE, 0);
        // 20% of 0 is 0; the 10 bps minimum step still lets governance move it.
        _set(FEE, 10);
        assertEq(module.feeBps(), 10, "moved by minStep");
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IParameterRegistry.ChangeTooLarge.selector, 11, 0, 10));
        registry.set(address(module), FEE, 11);
    }

    function test_RevertWhen_setOutsideHardBounds() public {
        vm.prank(governor);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterRegistry.ValueOutOfBounds.selector, 99 ether, 100 ether, 100_000 ether)
        );
        registry.set(address(module), AMOUNT, 99 ether);
    }

    function test_RevertWhen_setUnchangedValue() public {
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IParameterRegistry.ValueUnchanged.selector, 1_000 ether));
        registry.set(address(module), AMOUNT, 1_000 ether);
    }

    function test_RevertWhen_setUnregistered() public {
        bytes32 bogus = keccak256("BOGUS");
        vm.prank(governor);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterRegistry.ParameterNotRegistered.selector, address(module), bogus)
        );
        registry.set(address(module), bogus, 1);
    }

    function test_RevertWhen_setByNonGovernor() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        registry.set(address(module), AMOUNT, 1_100 ether);
        vm.prank(emergency);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, emergency));
        registry.set(address(module), AMOUNT, 1_100 ether);
        assertEq(module.amount(), 1_000 ether, "value unchanged");
    }

    function test_RevertWhen_moduleRefusesValue() public {
        // The registry's bounds allow 10,000 bps; a module may still enforce its own limits.
        MockParameterized other = new MockParameterized(address(manager), 9_000, 1);
        _wire(other);
        vm.prank(admin);
        registry.register(address(other), FEE, 0, 20_000, 0);
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, FEE, 10_001));
        registry.set(address(other), FEE, 10_001);
    }

    function test_RevertWhen_moduleSetDirectlyByAnyoneButRegistry() public {
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, governor));
        module.setParameter(AMOUNT, 2_000 ether);
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, admin));
        module.setParameter(AMOUNT, 2_000 ether);
        assertEq(module.amount(), 1_000 ether, "value unchanged");
    }

    // ------------------------------------------------------------------ emergency

    function test_setEmergency_skipsRateLimitAndRestartsTheHistory() public {
        _set(AMOUNT, 1_200 ether);
        vm.prank(emergency);
        registry.setEmergency(address(module), AMOUNT, 5_000 ether);
        assertEq(module.amount(), 5_000 ether, "emergency moved it 5x");
        IParameterRegistry.Parameter memory p = registry.parameterInfo(address(module), AMOUNT);
        assertEq(p.anchor, 5_000 ether, "last value set");
        assertEq(p.lowest, 5_000 ether, "history restarted: lowest");
        assertEq(p.previousHighest, 5_000 ether, "history restarted: previous highest");
        (uint256 lowest, uint256 highest) = registry.allowedRange(address(module), AMOUNT);
        assertEq(lowest, 4_000 ether, "normal range low");
        assertEq(highest, 6_000 ether, "normal range high");
    }

    function test_RevertWhen_setEmergencyOutsideHardBounds() public {
        vm.prank(emergency);
        vm.expectRevert(
            abi.encodeWithSelector(
                IParameterRegistry.ValueOutOfBounds.selector,
                100_000 ether + 1,
                100 ether,
                100_000 ether
            )
        );
        registry.setEmergency(address(module), AMOUNT, 100_000 ether + 1);
    }

    function test_RevertWhen_setEmergencyByGovernor() public {
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, governor));
        registry.setEmergency(address(module), AMOUNT, 5_000 ether);
    }

    // ------------------------------------------------------------------ sum rules

    /// Three modules' fees tied by a rule: module's 100 + second's 300 stay strictly below third's 420 (as the
    /// market's challenge window plus the court's voting period below staking's unbonding period).
    function _sumRuleFixture()
        internal
        returns (MockParameterized second, MockParameterized third, IParameterRegistry.ParameterRef[] memory parts)
    {
        second = new MockParameterized(address(manager), 300, 1 ether);
        third = new MockParameterized(address(manager), 420, 1 ether);
        _wire(second);
        _wire(third);
        vm.startPrank(admin);
        registry.register(address(second), FEE, 0, 10_000, 10);
        registry.register(address(third), FEE, 0, 10_000, 10);
        parts = new IParameterRegistry.ParameterRef[](2);
        parts[0] = IParameterRegistry.ParameterRef(address(module), FEE);
        parts[1] = IParameterRegistry.ParameterRef(address(second), FEE);
        uint256[] memory ones = _ones(2);
        vm.expectEmit(true, false, false, true, address(registry));
        emit IParameterRegistry.SumRuleAdded(0, parts, ones, IParameterRegistry.ParameterRef(address(third), FEE));
        assertEq(
            registry.addSumRule(parts, ones, IParameterRegistry.ParameterRef(address(third), FEE)),
            0,
            "first rule"
        );
        vm.stopPrank();
    }

    function _ones(uint256 n) internal pure returns (uint256[] memory weights) {
        weights = new uint256[](n);
        for (uint256 i; i < n; ++i) weights[i] = 1;
    }

    function test_sumRule_aWeightCountsAPartThatManyTimes() public {
        // The module's fee counted twice must stay below other's 201: 2 x 100 = 200 passes, 2 x 101 = 202 does not.
        MockParameterized other = new MockParameterized(address(manager), 201, 1 ether);
        IParameterRegistry.ParameterRef[] memory parts = new IParameterRegistry.ParameterRef[](1);
        parts[0] = IParameterRegistry.ParameterRef(address(module), FEE);
        uint256[] memory weights = new uint256[](1);
        weights[0] = 2;
        vm.prank(admin);
        registry.addSumRule(parts, weights, IParameterRegistry.ParameterRef(address(other), FEE));
        (, uint256[] memory stored, ) = registry.sumRule(0);
        assertEq(stored[0], 2, "weight stored");
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IParameterRegistry.SumRuleBroken.selector, 0, 202, 201));
        registry.set(address(module), FEE, 101);
        assertEq(module.feeBps(), 100, "unchanged");
    }

    function test_sumRule_aPartMayRiseToOneBelowTheBound() public {
        (MockParameterized second, MockParameterized third, ) = _sumRuleFixture();
        _set(FEE, 119); // 119 + 300 = 419 < 420
        assertEq(module.feeBps(), 119, "set");
        (bool inRule, uint256 ruleId) = registry.ruleOf(address(third), FEE);
        assertTrue(inRule && ruleId == 0, "the bound is in rule 0");
        (IParameterRegistry.ParameterRef[] memory parts, , IParameterRegistry.ParameterRef memory bound) = registry
            .sumRule(0);
        assertEq(parts.length, 2, "two parts");
        assertEq(parts[1].target, address(second), "second part");
        assertEq(bound.target, address(third), "bound");
        (inRule, ) = registry.ruleOf(address(module), AMOUNT);
        assertFalse(inRule, "the amount is in no rule");
    }

    function test_RevertWhen_aPartReachesTheBound() public {
        _sumRuleFixture();
        // 120 is within the 20% rule (100 -> 120) but 120 + 300 = 420 is not below 420.
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IParameterRegistry.SumRuleBroken.selector, 0, 420, 420));
        registry.set(address(module), FEE, 120);
        assertEq(module.feeBps(), 100, "unchanged");
    }

    function test_RevertWhen_theBoundFallsToTheSum() public {
        (, MockParameterized third, ) = _sumRuleFixture();
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IParameterRegistry.SumRuleBroken.selector, 0, 400, 400));
        registry.set(address(third), FEE, 400);
        assertEq(third.feeBps(), 420, "unchanged");
        vm.prank(governor);
        registry.set(address(third), FEE, 401);
        assertEq(third.feeBps(), 401, "one above the sum is fine");
    }

    function test_RevertWhen_anEmergencyChangeBreaksTheRule() public {
        (MockParameterized second, , ) = _sumRuleFixture();
        vm.prank(emergency);
        vm.expectRevert(abi.encodeWithSelector(IParameterRegistry.SumRuleBroken.selector, 0, 420, 420));
        registry.setEmergency(address(second), FEE, 320);
        assertEq(second.feeBps(), 300, "unchanged");
        vm.prank(emergency);
        registry.setEmergency(address(second), FEE, 319);
        assertEq(second.feeBps(), 319, "100 + 319 = 419");
    }

    function test_RevertWhen_addSumRuleAlreadyBroken() public {
        MockParameterized other = new MockParameterized(address(manager), 50, 1 ether);
        IParameterRegistry.ParameterRef[] memory parts = new IParameterRegistry.ParameterRef[](1);
        parts[0] = IParameterRegistry.ParameterRef(address(module), FEE);
        // The module's 100 is not below the other's 50: refused, and nothing is recorded.
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IParameterRegistry.SumRuleBroken.selector, 0, 100, 50));
        registry.addSumRule(parts, _ones(1), IParameterRegistry.ParameterRef(address(other), FEE));
        (bool inRule, ) = registry.ruleOf(address(module), FEE);
        assertFalse(inRule, "no rule");
    }

    function test_RevertWhen_addSumRuleWithBadParts() public {
        (, , IParameterRegistry.ParameterRef[] memory parts) = _sumRuleFixture();
        IParameterRegistry.ParameterRef memory amount = IParameterRegistry.ParameterRef(address(module), AMOUNT);
        vm.startPrank(admin);
        // A parameter already in rule 0, as a part or as the bound.
        vm.expectRevert(abi.encodeWithSelector(IParameterRegistry.ParameterInARule.selector, address(module), FEE, 0));
        registry.addSumRule(parts, _ones(2), amount);
        IParameterRegistry.ParameterRef[] memory none = new IParameterRegistry.ParameterRef[](0);
        vm.expectRevert(IParameterRegistry.InvalidRule.selector);
        registry.addSumRule(none, _ones(0), amount);
        IParameterRegistry.ParameterRef[] memory five = new IParameterRegistry.ParameterRef[](5);
        vm.expectRevert(IParameterRegistry.InvalidRule.selector);
        registry.addSumRule(five, _ones(5), amount);
        IParameterRegistry.ParameterRef[] memory zero = new IParameterRegistry.ParameterRef[](1);
        vm.expectRevert(IParameterRegistry.InvalidRule.selector);
        registry.addSumRule(zero, _ones(1), amount);
        // Weights: one per part, each 1 to 10.
        MockParameterized other = new MockParameterized(address(manager), 1, 1 ether);
        IParameterRegistry.ParameterRef[] memory one = new IParameterRegistry.ParameterRef[](1);
        one[0] = IParameterRegistry.ParameterRef(address(other), FEE);
        vm.expectRevert(IParameterRegistry.InvalidRule.selector);
        registry.addSumRule(one, _ones(2), amount);
        uint256[] memory weights = new uint256[](1);
        vm.expectRevert(IParameterRegistry.InvalidRule.selector);
        registry.addSumRule(one, weights, amount);
        weights[0] = 11;
        vm.expectRevert(IParameterRegistry.InvalidRule.selector);
        registry.addSumRule(one, weights, amount);
        vm.stopPrank();
        (bool inRule, ) = registry.ruleOf(address(module), AMOUNT);
        assertFalse(inRule, "no rule added");
    }

    function test_RevertWhen_addSumRuleByNonAdmin() public {
        IParameterRegistry.ParameterRef[] memory parts = new IParameterRegistry.ParameterRef[](1);
        parts[0] = IParameterRegistry.ParameterRef(address(module), FEE);
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, governor));
        registry.addSumRule(parts, _ones(1), IParameterRegistry.ParameterRef(address(module), AMOUNT));
    }

    // ------------------------------------------------------------------ views

    function test_allowedRange_clampedToBoundsAndRolling() public {
        (uint256 lowest, uint256 highest) = registry.allowedRange(address(module), AMOUNT);
        assertEq(lowest, 800 ether, "low");
        assertEq(highest, 1_200 ether, "high");
        _set(AMOUNT, 1_200 ether);
        vm.warp(EDGE);
        (lowest, highest) = registry.allowedRange(address(module), AMOUNT);
        assertEq(lowest, 960 ether, "low: 1,200 - 20%");
        assertEq(highest, 1_200 ether, "high: 1,000 was in effect in the previous quarter");
        vm.warp(EDGE + QUARTER);
        (lowest, highest) = registry.allowedRange(address(module), AMOUNT);
        assertEq(lowest, 960 ether, "low after a quarter of 1,200");
        assertEq(highest, 1_440 ether, "high after a quarter of 1,200");

        vm.prank(emergency);
        registry.setEmergency(address(module), AMOUNT, 95_000 ether);
        (, highest) = registry.allowedRange(address(module), AMOUNT);
        assertEq(highest, 100_000 ether, "clamped to max");
    }

    // ------------------------------------------------------------------ fuzz

    /// @dev Whatever the timing, every accepted normal change lies within 20% of every value in effect during the
    /// quarter before it (ghost history of every value and when it took effect).
    function testFuzz_set_withinTwentyPercentOfEveryValueOfTheLastQuarter(
        uint256[6] memory values,
        uint256[6] memory gaps
    ) public {
        uint256[7] memory setAt;
        uint256[7] memory setTo;
        setAt[0] = block.timestamp;
        setTo[0] = module.amount();
        uint256 n = 1;
        for (uint256 i; i < values.length; ++i) {
            vm.warp(block.timestamp + bound(gaps[i], 0, QUARTER / 2));
            uint256 value = bound(values[i], 700 ether, 1_500 ether);
            vm.prank(governor);
            try registry.set(address(module), AMOUNT, value) {
                for (uint256 j; j < n; ++j) {
                    // Value j was in effect until the next change; skip it if that was over a quarter ago.
                    uint256 end = j + 1 < n ? setAt[j + 1] : block.timestamp;
                    if (end + QUARTER < block.timestamp) continue;
                    assertLe(value, setTo[j] + setTo[j] / 5, "above a recent value + 20%");
                    assertGe(value, setTo[j] - setTo[j] / 5, "below a recent value - 20%");
                }
                (setAt[n], setTo[n]) = (block.timestamp, value);
                ++n;
            } catch (bytes memory reason) {
                assertEq(
                    bytes4(reason) == IParameterRegistry.ChangeTooLarge.selector ||
                        bytes4(reason) == IParameterRegistry.ValueUnchanged.selector,
                    true,
                    "only the rate limit refuses"
                );
            }
        }
    }
}
