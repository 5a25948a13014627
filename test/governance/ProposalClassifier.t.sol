// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";
import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {ProposalClassifier} from "../../contracts/governance/ProposalClassifier.sol";
import {IProposalClassifier} from "../../contracts/interfaces/IProposalClassifier.sol";
import {Test} from "../utils/Test.sol";

contract ProposalClassifierTest is Test {
    uint8 internal constant TREASURY = 0; // 50%
    uint8 internal constant ECONOMIC = 1; // 55%
    uint8 internal constant TECHNICAL = 2; // 60%, the default
    uint8 internal constant ACCESS = 3; // 80%, normal route
    uint8 internal constant EMERGENCY = 4; // 75%, emergency route
    uint8 internal constant EMERGENCY_PARAMETER = 5; // 80%, emergency route
    uint8 internal constant WORKER = 6; // 50%, 10,000 staked to propose

    AccessManager internal manager;
    ProposalClassifier internal classifier;
    address internal admin;
    address internal stranger;
    address internal a;
    address internal b;

    bytes4 internal constant F = bytes4(keccak256("f()"));
    bytes4 internal constant G = bytes4(keccak256("g()"));

    function setUp() public {
        admin = makeAddr("admin");
        stranger = makeAddr("stranger");
        a = makeAddr("a");
        b = makeAddr("b");
        manager = new AccessManager(admin);
        classifier = new ProposalClassifier(address(manager), _classes(), TECHNICAL);
    }

    function _classes() internal pure returns (IProposalClassifier.ProposalClass[] memory c) {
        c = new IProposalClassifier.ProposalClass[](7);
        c[TREASURY] = IProposalClassifier.ProposalClass(5_000, false, 0);
        c[ECONOMIC] = IProposalClassifier.ProposalClass(5_500, false, 0);
        c[TECHNICAL] = IProposalClassifier.ProposalClass(6_000, false, 0);
        c[ACCESS] = IProposalClassifier.ProposalClass(8_000, false, 0);
        c[EMERGENCY] = IProposalClassifier.ProposalClass(7_500, true, 0);
        c[EMERGENCY_PARAMETER] = IProposalClassifier.ProposalClass(8_000, true, 0);
        c[WORKER] = IProposalClassifier.ProposalClass(5_000, false, 10_000 ether);
    }

    function _map(address target, bytes4 selector, uint8 classId) internal {
        bytes4[] memory selectors = new bytes4[](1);
        selectors[0] = selector;
        vm.prank(admin);
        classifier.setSelectorClass(target, selectors, classId);
    }

    function _classify(
        address t0,
        bytes4 s0,
        address t1,
        bytes4 s1
    ) internal view returns (uint8 id, IProposalClassifier.ProposalClass memory c, uint256 minWeight) {
        address[] memory targets = new address[](2);
        targets[0] = t0;
        targets[1] = t1;
        bytes[] memory calldatas = new bytes[](2);
        calldatas[0] = abi.encodePacked(s0, uint256(1));
        calldatas[1] = abi.encodePacked(s1);
        return classifier.classify(targets, calldatas);
    }

    // ------------------------------------------------------------------ construction

    function test_constructor_storesClassesAndDefault() public view {
        assertEq(uint256(classifier.classCount()), 7, "count");
        assertEq(uint256(classifier.defaultClass()), TECHNICAL, "default");
        IProposalClassifier.ProposalClass memory c = classifier.proposalClass(WORKER);
        assertEq(uint256(c.thresholdBps), 5_000, "worker threshold");
        assertFalse(c.emergency, "worker route");
        assertEq(uint256(c.minProposerWeight), 10_000 ether, "worker stake");
    }

    function test_RevertWhen_constructedWithBadClasses() public {
        IProposalClassifier.ProposalClass[] memory none = new IProposalClassifier.ProposalClass[](0);
        vm.expectRevert(abi.encodeWithSelector(IProposalClassifier.InvalidClassCount.selector, 0));
        new ProposalClassifier(address(manager), none, 0);

        IProposalClassifier.ProposalClass[] memory nine = new IProposalClassifier.ProposalClass[](9);
        vm.expectRevert(abi.encodeWithSelector(IProposalClassifier.InvalidClassCount.selector, 9));
        new ProposalClassifier(address(manager), nine, 0);

        IProposalClassifier.ProposalClass[] memory c = _classes();
        c[1].thresholdBps = 0;
        vm.expectRevert(abi.encodeWithSelector(IProposalClassifier.InvalidThreshold.selector, 1, 0));
        new ProposalClassifier(address(manager), c, 0);

        c = _classes();
        c[0].thresholdBps = 10_001;
        vm.expectRevert(abi.encodeWithSelector(IProposalClassifier.InvalidThreshold.selector, 0, 10_001));
        new ProposalClassifier(address(manager), c, 0);

        vm.expectRevert(abi.encodeWithSelector(IProposalClassifier.UnknownClass.selector, 7));
        new ProposalClassifier(address(manager), _classes(), 7);
    }

    // ------------------------------------------------------------------ mapping

    function test_classOf_selectorThenTargetThenDefault() public {
        assertEq(uint256(classifier.classOf(a, F)), TECHNICAL, "unmapped: default");
        vm.prank(admin);
        classifier.setTargetClass(a, ACCESS);
        assertEq(uint256(classifier.classOf(a, F)), ACCESS, "target-wide class");
        _map(a, F, ECONOMIC);
        assertEq(uint256(classifier.classOf(a, F)), ECONOMIC, "selector beats target");
        assertEq(uint256(classifier.classOf(a, G)), ACCESS, "other selectors keep the target class");
        assertEq(uint256(classifier.classOf(b, F)), TECHNICAL, "other targets untouched");
    }

    function test_setSelectorClass_emitsAndUnclassifiedClears() public {
        vm.expectEmit(true, true, false, true, address(classifier));
        emit IProposalClassifier.SelectorClassSet(a, F, TREASURY);
        _map(a, F, TREASURY);
        assertEq(uint256(classifier.classOf(a, F)), TREASURY, "mapped");
        _map(a, F, classifier.UNCLASSIFIED());
        assertEq(uint256(classifier.classOf(a, F)), TECHNICAL, "cleared back to default");

        vm.prank(admin);
        classifier.setTargetClass(a, ACCESS);
        vm.expectEmit(true, false, false, true, address(classifier));
        emit IProposalClassifier.TargetClassSet(a, 255);
        vm.prank(admin);
        classifier.setTargetClass(a, 255);
        assertEq(uint256(classifier.classOf(a, G)), TECHNICAL, "target class cleared");
    }

    function test_RevertWhen_setClassBadInput() public {
        bytes4[] memory selectors = new bytes4[](1);
        selectors[0] = F;
        vm.startPrank(admin);
        vm.expectRevert(abi.encodeWithSelector(IProposalClassifier.UnknownClass.selector, 7));
        classifier.setSelectorClass(a, selectors, 7);
        vm.expectRevert(IProposalClassifier.ZeroTarget.selector);
        classifier.setSelectorClass(address(0), selectors, TREASURY);
        vm.expectRevert(IProposalClassifier.NoSelectors.selector);
        classifier.setSelectorClass(a, new bytes4[](0), TREASURY);
        vm.expectRevert(abi.encodeWithSelector(IProposalClassifier.UnknownClass.selector, 8));
        classifier.setTargetClass(a, 8);
        vm.expectRevert(IProposalClassifier.ZeroTarget.selector);
        classifier.setTargetClass(address(0), ACCESS);
        vm.stopPrank();
        assertEq(uint256(classifier.classOf(a, F)), TECHNICAL, "nothing mapped");
    }

    function test_RevertWhen_setClassByStranger() public {
        bytes4[] memory selectors = new bytes4[](1);
        selectors[0] = F;
        vm.startPrank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        classifier.setSelectorClass(a, selectors, TREASURY);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        classifier.setTargetClass(a, TREASURY);
        vm.stopPrank();
        assertEq(uint256(classifier.classOf(a, F)), TECHNICAL, "nothing mapped");
    }

    function test_RevertWhen_proposalClassUnknown() public {
        vm.expectRevert(abi.encodeWithSelector(IProposalClassifier.UnknownClass.selector, 7));
        classifier.proposalClass(7);
    }

    // ------------------------------------------------------------------ classify

    function test_classify_strictestNormalClassWins() public {
        _map(a, F, TREASURY);
        _map(b, G, ECONOMIC);
        (uint8 id, IProposalClassifier.ProposalClass memory c, ) = _classify(a, F, b, G);
        assertEq(uint256(id), ECONOMIC, "economic beats treasury");
        assertEq(uint256(c.thresholdBps), 5_500, "threshold");
        (id, , ) = _classify(b, G, a, F);
        assertEq(uint256(id), ECONOMIC, "whatever the order");
    }

    function test_RevertWhen_classifyMixesRoutes() public {
        _map(a, F, ACCESS); // 80%, normal
        _map(b, G, EMERGENCY); // 75%, emergency
        vm.expectRevert(abi.encodeWithSelector(IProposalClassifier.MixedRoutes.selector, 0, 1));
        _classify(a, F, b, G);
        vm.expectRevert(abi.encodeWithSelector(IProposalClassifier.MixedRoutes.selector, 0, 1));
        _classify(b, G, a, F);
    }

    function test_classify_highestThresholdOnTheEmergencyRoute() public {
        _map(a, F, EMERGENCY_PARAMETER); // 80%
        _map(b, G, EMERGENCY); // 75%
        (uint8 id, IProposalClassifier.ProposalClass memory c, ) = _classify(b, G, a, F);
        assertEq(uint256(id), EMERGENCY_PARAMETER, "80% beats 75% on the emergency route");
        assertEq(uint256(c.thresholdBps), 8_000, "threshold");
        assertTrue(c.emergency, "emergency route");
    }

    function test_classify_tieKeepsTheFirstCall() public {
        _map(a, F, TREASURY);
        _map(b, G, WORKER);
        (uint8 id, , uint256 minWeight) = _classify(a, F, b, G);
        assertEq(uint256(id), TREASURY, "first of two 50% classes");
        assertEq(minWeight, 10_000 ether, "the worker call still needs the stake");
    }

    function test_classify_stakeOfALosingClassStillApplies() public {
        _map(b, G, WORKER);
        (uint8 id, , uint256 minWeight) = _classify(a, F, b, G);
        assertEq(uint256(id), TECHNICAL, "technical wins");
        assertEq(minWeight, 10_000 ether, "worker stake kept");
    }

    function test_classify_shortCalldataIsTheZeroSelector() public {
        _map(a, bytes4(0), TREASURY);
        address[] memory targets = new address[](1);
        targets[0] = a;
        bytes[] memory calldatas = new bytes[](1);
        calldatas[0] = hex"";
        (uint8 id, , ) = classifier.classify(targets, calldatas);
        assertEq(uint256(id), TREASURY, "plain transfer: selector 0x00000000");
        calldatas[0] = hex"aabb";
        (id, , ) = classifier.classify(targets, calldatas);
        assertEq(uint256(id), TECHNICAL, "0xaabb0000 is unmapped");
    }

    function test_RevertWhen_classifyMismatchedOrEmpty() public {
        address[] memory targets = new address[](2);
        bytes[] memory calldatas = new bytes[](1);
        vm.expectRevert(abi.encodeWithSelector(IProposalClassifier.InvalidProposalLength.selector, 2, 1));
        classifier.classify(targets, calldatas);
        vm.expectRevert(abi.encodeWithSelector(IProposalClassifier.InvalidProposalLength.selector, 0, 0));
        classifier.classify(new address[](0), new bytes[](0));
    }

    /// @dev A proposal gets the highest threshold of its calls and their common route, or is refused when the
    /// routes differ; its stake is the highest of its calls'.
    function testFuzz_classify_noCallOutranksTheResult(uint8[4] memory classIds) public {
        address[] memory targets = new address[](4);
        bytes[] memory calldatas = new bytes[](4);
        uint256 maxWeight;
        uint256 maxThreshold;
        uint256 otherRoute;
        bool firstRoute;
        for (uint256 i; i < 4; ++i) {
            uint8 id = uint8(bound(classIds[i], 0, 6));
            targets[i] = address(uint160(0x1000 + i));
            calldatas[i] = abi.encodePacked(F);
            _map(targets[i], F, id);
            IProposalClassifier.ProposalClass memory c = classifier.proposalClass(id);
            if (c.minProposerWeight > maxWeight) maxWeight = c.minProposerWeight;
            if (c.thresholdBps > maxThreshold) maxThreshold = c.thresholdBps;
            if (i == 0) firstRoute = c.emergency;
            else if (otherRoute == 0 && c.emergency != firstRoute) otherRoute = i;
        }
        if (otherRoute != 0) {
            vm.expectRevert(abi.encodeWithSelector(IProposalClassifier.MixedRoutes.selector, 0, otherRoute));
            classifier.classify(targets, calldatas);
            return;
        }
        (, IProposalClassifier.ProposalClass memory result, uint256 minWeight) = classifier.classify(
            targets,
            calldatas
        );
        assertEq(uint256(result.thresholdBps), maxThreshold, "the highest threshold");
        assertEq(result.emergency, firstRoute, "the calls' route");
        assertEq(minWeight, maxWeight, "highest stake");
        assertEq(uint256(result.minProposerWeight), maxWeight, "highest stake in the class");
    }
}
