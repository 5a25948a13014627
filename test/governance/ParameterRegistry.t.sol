// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";
import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {ParameterRegistry} from "../../contracts/governance/ParameterRegistry.sol";
import {Parameterized} from "../../contracts/governance/Parameterized.sol";
import {IParameterRegistry} from "../../contracts/interfaces/IParameterRegistry.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {Roles} from "../../contracts/libraries/Roles.sol";
import {Test} from "../utils/Test.sol";
import {MockParameterized} from "./mocks/MockParameterized.sol";

contract ParameterRegistryTest is Test {
    uint256 internal constant QUARTER = 7_884_000; // 365 days / 4, in seconds

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
        assertEq(uint256(p.windowStart), 1_750_000_000, "window opened at registration");
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

    function test_set_exactlyTwentyPercentUpAndDown() public {
        _set(AMOUNT, 1_200 ether);
        assertEq(module.amount(), 1_200 ether, "+20% allowed");
        _set(AMOUNT, 800 ether);
        assertEq(module.amount(), 800 ether, "-20% of the anchor allowed in the same window");
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
            abi.encodeWithSelector(IParameterRegistry.ChangeTooLarge.selector, 1_210 ether, 800 ether, 1_200 ether)
        );
        registry.set(address(module), AMOUNT, 1_210 ether);
    }

    function test_set_newWindowExactlyOneQuarterAfterRegistration() public {
        _set(AMOUNT, 1_200 ether);
        uint256 opened = 1_750_000_000;

        vm.warp(opened + QUARTER - 1);
        vm.prank(governor);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterRegistry.ChangeTooLarge.selector, 1_440 ether, 800 ether, 1_200 ether)
        );
        registry.set(address(module), AMOUNT, 1_440 ether);

        vm.warp(opened + QUARTER);
        _set(AMOUNT, 1_440 ether);
        IParameterRegistry.Parameter memory p = registry.parameterInfo(address(module), AMOUNT);
        assertEq(p.anchor, 1_200 ether, "new window anchored at the value before the change");
        assertEq(uint256(p.windowStart), opened + QUARTER, "new window opened by the change");
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

    function test_setEmergency_skipsRateLimitAndReanchors() public {
        vm.prank(emergency);
        registry.setEmergency(address(module), AMOUNT, 5_000 ether);
        assertEq(module.amount(), 5_000 ether, "emergency moved it 5x");
        IParameterRegistry.Parameter memory p = registry.parameterInfo(address(module), AMOUNT);
        assertEq(p.anchor, 5_000 ether, "re-anchored at the emergency value");
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

    // ------------------------------------------------------------------ views

    function test_allowedRange_clampedToBoundsAndReanchoredAfterWindow() public {
        (uint256 lowest, uint256 highest) = registry.allowedRange(address(module), AMOUNT);
        assertEq(lowest, 800 ether, "low");
        assertEq(highest, 1_200 ether, "high");
        _set(AMOUNT, 1_200 ether);
        vm.warp(block.timestamp + QUARTER);
        (lowest, highest) = registry.allowedRange(address(module), AMOUNT);
        assertEq(lowest, 960 ether, "low re-anchored at 1,200");
        assertEq(highest, 1_440 ether, "high re-anchored at 1,200");

        vm.prank(emergency);
        registry.setEmergency(address(module), AMOUNT, 95_000 ether);
        (, highest) = registry.allowedRange(address(module), AMOUNT);
        assertEq(highest, 100_000 ether, "clamped to max");
    }

    // ------------------------------------------------------------------ fuzz

    /// @dev Any sequence of accepted normal changes inside one window stays within 20% of its anchor.
    function testFuzz_set_staysWithinTwentyPercentOfAnchorInAWindow(uint256[4] memory values, uint256 gap) public {
        uint256 anchor = module.amount();
        for (uint256 i; i < values.length; ++i) {
            vm.warp(block.timestamp + bound(gap, 0, QUARTER / 8));
            uint256 value = bound(values[i], 100 ether, 100_000 ether);
            vm.prank(governor);
            try registry.set(address(module), AMOUNT, value) {} catch {}
            uint256 amount = module.amount();
            assertGe(amount, anchor - anchor / 5, "below anchor - 20%");
            assertLe(amount, anchor + anchor / 5, "above anchor + 20%");
        }
    }
}
