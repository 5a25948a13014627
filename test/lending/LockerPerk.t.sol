// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IAccessPerks} from "../../contracts/interfaces/IAccessPerks.sol";
import {ICreditManager} from "../../contracts/interfaces/ICreditManager.sol";
import {IVoteLocker} from "../../contracts/interfaces/IVoteLocker.sol";
import {CreditManager} from "../../contracts/lending/CreditManager.sol";
import {AccessPerks} from "../../contracts/locking/AccessPerks.sol";
import {VoteLocker} from "../../contracts/locking/VoteLocker.sol";
import {LendingKeys} from "../../contracts/libraries/LendingKeys.sol";
import {LendingBase} from "./LendingBase.sol";

/// @notice The credit manager's locker perk, read through the real AccessPerks over a real VoteLocker: the top
/// 20% of the debt ceiling is reserved for accounts with at least 10,000 QER in a running lock; the 50% LTV rule
/// holds for them as for everyone.
contract LockerPerkTest is LendingBase {
    bytes32 internal constant FEATURE = keccak256("lending.reservedCeiling");
    uint256 internal constant PERK_THRESHOLD = 10_000 ether;
    uint16 internal constant OPEN_BPS = 8_000;

    VoteLocker internal locker;
    AccessPerks internal perks;
    address internal carol;

    function _lockerPerk() internal override returns (ICreditManager.LockerPerk memory perk) {
        IVoteLocker.Config memory c;
        c.maxLockDuration = 208 weeks;
        c.maxBoostBps = 10_000;
        c.maxPenaltyBps = 5_000;
        c.rewardDuration = 7 days;
        c.reputationAgeCap = 365 days;
        c.minLockAmount = 1 ether;
        locker = new VoteLocker(IERC20(address(qer)), address(manager), c);
        perks = new AccessPerks(locker, address(manager), 1_000_000 ether);
        perks.setFeature(FEATURE, PERK_THRESHOLD); // the test contract is the manager's admin
        perk = ICreditManager.LockerPerk({perks: address(perks), feature: FEATURE, openCeilingBps: OPEN_BPS});
    }

    function setUp() public override {
        super.setUp();
        carol = makeAddr("carol");
        // Ceiling 10,000 USDC: 8,000 open to all, the top 2,000 for lockers.
        _setParam(address(cm), LendingKeys.DEBT_CEILING, 10_000e6);
        _addCollateral(alice, 20_000 ether);
        _borrow(alice, 8_000e6); // exactly the open ceiling, no lock needed
    }

    function _lockQer(address who, uint256 amount) internal {
        _giveQer(who, amount);
        vm.startPrank(who);
        qer.approve(address(locker), amount);
        locker.createLock(amount, 52 weeks);
        vm.stopPrank();
    }

    function test_lockerPerk_wiring() public view {
        ICreditManager.LockerPerk memory p = cm.lockerPerk();
        assertEq(p.perks, address(perks), "registry");
        assertEq(p.feature, FEATURE, "feature");
        assertEq(p.openCeilingBps, OPEN_BPS, "open share");
        assertEq(cm.openCeiling(), 8_000e6, "80% of 10,000 USDC");
        assertEq(vault.totalBorrowed(), 8_000e6, "the open ceiling was drawn without a lock");
    }

    function test_borrow_reservedCeilingGrantedAtThreshold() public {
        _lockQer(carol, PERK_THRESHOLD);
        _addCollateral(carol, 2_000 ether);
        (uint256 paidOut, ) = _borrow(carol, 1_000e6);
        assertEq(paidOut, 500e6, "half paid out");
        assertEq(cm.debtOf(carol), 1_000e6, "debt");
        assertEq(vault.totalBorrowed(), 9_000e6, "into the reserved part");
    }

    function test_RevertWhen_reservedCeilingOneWeiBelowThreshold() public {
        _lockQer(bob, PERK_THRESHOLD - 1);
        _addCollateral(bob, 2_000 ether);
        vm.prank(bob);
        vm.expectRevert(
            abi.encodeWithSelector(ICreditManager.LockerPerkRequired.selector, bob, FEATURE, 9_000e6, 8_000e6)
        );
        cm.borrow(1_000e6, 0, block.timestamp);
        assertEq(cm.debtOf(bob), 0, "no debt");
        assertEq(vault.totalBorrowed(), 8_000e6, "unchanged");
        assertEq(qer.balanceOf(address(cm)), 22_000 ether, "collateral unchanged");
    }

    function test_RevertWhen_reservedCeilingWithoutLock() public {
        _addCollateral(bob, 2_000 ether);
        vm.prank(bob);
        vm.expectRevert(
            abi.encodeWithSelector(ICreditManager.LockerPerkRequired.selector, bob, FEATURE, 8_100e6, 8_000e6)
        );
        cm.borrow(100e6, 0, block.timestamp);
    }

    function test_RevertWhen_lockerAboveLtv() public {
        // The perk opens the ceiling, never the 50% limit: 1,000 QER at $2 back at most 1,000 USDC.
        _lockQer(carol, PERK_THRESHOLD);
        _addCollateral(carol, 1_000 ether);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(ICreditManager.BorrowLimitExceeded.selector, 1_100e6, 1_000e6));
        cm.borrow(1_100e6, 0, block.timestamp);
        _borrow(carol, 1_000e6);
        assertEq(cm.debtOf(carol), 1_000e6, "exactly at the LTV limit");
    }

    function test_RevertWhen_lockerAboveCeiling() public {
        _lockQer(carol, PERK_THRESHOLD);
        _addCollateral(carol, 10_000 ether);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(ICreditManager.DebtCeilingExceeded.selector, 10_100e6, 10_000e6));
        cm.borrow(2_100e6, 0, block.timestamp);
        _borrow(carol, 2_000e6);
        assertEq(vault.totalBorrowed(), 10_000e6, "the whole ceiling");
    }

    function test_RevertWhen_perkConfigInconsistent() public {
        ICreditManager.Modules memory m = cm.modules();
        ICreditManager.RiskParams memory r = cm.riskParams();
        ICreditManager.LockerPerk[4] memory bad = [
            ICreditManager.LockerPerk(address(0), 10_000, FEATURE), // feature without registry
            ICreditManager.LockerPerk(address(0), 8_000, bytes32(0)), // reserved share without registry
            ICreditManager.LockerPerk(address(perks), 8_000, bytes32(0)), // registry without feature
            ICreditManager.LockerPerk(address(perks), 10_001, FEATURE) // above 100%
        ];
        for (uint256 i; i < bad.length; ++i) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    ICreditManager.InvalidLockerPerk.selector,
                    bad[i].perks,
                    bad[i].feature,
                    bad[i].openCeilingBps
                )
            );
            new CreditManager(address(manager), m, r, PAUSE_DURATION, bad[i]);
        }
        assertEq(IAccessPerks(cm.lockerPerk().perks).thresholdOf(FEATURE), PERK_THRESHOLD, "the deployed one stands");
    }
}
