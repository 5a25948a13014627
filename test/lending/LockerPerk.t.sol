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
/// 20% of the debt ceiling is reserved for accounts with at least 10,000 QER in a lock that runs at least 52 more
/// weeks at the draw; the 50% LTV rule holds for them as for everyone.
contract LockerPerkTest is LendingBase {
    bytes32 internal constant FEATURE = keccak256("lending.reservedCeiling");
    uint256 internal constant PERK_THRESHOLD = 10_000 ether;
    uint16 internal constant OPEN_BPS = 8_000;
    uint32 internal constant MIN_LOCK_LEFT = 52 weeks;

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
        perk = ICreditManager.LockerPerk({
            perks: address(perks),
            feature: FEATURE,
            openCeilingBps: OPEN_BPS,
            minLockLeft: MIN_LOCK_LEFT
        });
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
        locker.createLock(amount, 104 weeks);
        vm.stopPrank();
    }

    function _lockFor(address who, uint256 amount, uint256 duration) internal {
        vm.startPrank(who);
        qer.approve(address(locker), amount);
        locker.createLock(amount, duration);
        vm.stopPrank();
    }

    /// @dev Regression: one 10,000 QER lock cycled through Sybil borrowers at the shortest lock (end 896,000 s away,
    /// exit penalty 35.61 QER) filled the whole reserved part and shut out a 4-year locker. The draw now needs the
    /// lock to run 52 more weeks, so the shortest lock is refused and the state is unchanged.
    function test_RevertWhen_reservedCeilingShortestLock() public {
        _giveQer(carol, PERK_THRESHOLD);
        _lockFor(carol, PERK_THRESHOLD, 2 weeks);
        assertEq(locker.lockOf(carol).end - block.timestamp, 896_000, "the shortest lock");
        assertTrue(perks.hasAccess(carol, FEATURE), "the registry grants the feature");
        _addCollateral(carol, 2_000 ether);
        vm.prank(carol);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICreditManager.LockerPerkLockTooShort.selector,
                carol,
                block.timestamp + 896_000,
                block.timestamp + 52 weeks
            )
        );
        cm.borrow(1_000e6, 0, block.timestamp);
        assertEq(cm.debtOf(carol), 0, "no debt");
        assertEq(vault.totalBorrowed(), 8_000e6, "reserved part untouched");
    }

    /// @dev The boundary: a lock ending exactly 52 weeks after the draw qualifies, one second later it does not;
    /// leaving it right after the draw costs 10,000 x 50% x 52 / 208 = 1,250 QER (was 35.61 QER).
    function test_borrow_reservedCeilingMinLockLeftBoundary() public {
        address dave = makeAddr("dave");
        _warp(2894 weeks - block.timestamp); // a week boundary: a 52-week lock ends exactly 52 weeks from now
        _giveQer(carol, PERK_THRESHOLD);
        _giveQer(dave, PERK_THRESHOLD);
        _lockFor(carol, PERK_THRESHOLD, 52 weeks);
        _lockFor(dave, PERK_THRESHOLD, 52 weeks);
        assertEq(locker.lockOf(carol).end, block.timestamp + 52 weeks, "exactly 52 weeks left");
        _addCollateral(carol, 2_000 ether);
        _addCollateral(dave, 2_000 ether);
        _borrow(carol, 1_000e6);
        // The index has grown since setUp: the scaled debt rounds up against the borrower by at most 2 units.
        assertApproxEqAbs(cm.debtOf(carol), 1_000e6, 2, "granted at exactly 52 weeks left");
        vm.prank(carol);
        locker.exitEarly();
        assertEq(qer.balanceOf(carol), PERK_THRESHOLD - 1_250 ether, "the cycle costs 1,250 QER");

        _warp(1);
        uint256 borrowed = vault.totalBorrowed();
        uint256 end = locker.lockOf(dave).end;
        vm.prank(dave);
        vm.expectRevert(abi.encodeWithSelector(ICreditManager.LockerPerkLockTooShort.selector, dave, end, end + 1));
        cm.borrow(500e6, 0, block.timestamp); // within the ceiling and the LTV
        assertEq(cm.debtOf(dave), 0, "refused one second short");
        assertEq(vault.totalBorrowed(), borrowed, "unchanged: only carol's draw");
    }

    function test_lockerPerk_wiring() public view {
        ICreditManager.LockerPerk memory p = cm.lockerPerk();
        assertEq(p.perks, address(perks), "registry");
        assertEq(p.feature, FEATURE, "feature");
        assertEq(p.openCeilingBps, OPEN_BPS, "open share");
        assertEq(p.minLockLeft, 52 weeks, "minimum lock time left");
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
        ICreditManager.LockerPerk[6] memory bad = [
            ICreditManager.LockerPerk(address(0), 10_000, 0, FEATURE), // feature without registry
            ICreditManager.LockerPerk(address(0), 8_000, 0, bytes32(0)), // reserved share without registry
            ICreditManager.LockerPerk(address(perks), 8_000, 0, bytes32(0)), // registry without feature
            ICreditManager.LockerPerk(address(perks), 10_001, 0, FEATURE), // above 100%
            ICreditManager.LockerPerk(address(0), 10_000, 1, bytes32(0)), // minimum time left without registry
            ICreditManager.LockerPerk(address(perks), 8_000, 208 weeks + 1, FEATURE) // longer than any lock
        ];
        for (uint256 i; i < bad.length; ++i) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    ICreditManager.InvalidLockerPerk.selector,
                    bad[i].perks,
                    bad[i].feature,
                    bad[i].openCeilingBps,
                    bad[i].minLockLeft
                )
            );
            new CreditManager(address(manager), m, r, PAUSE_DURATION, bad[i]);
        }
        assertEq(IAccessPerks(cm.lockerPerk().perks).thresholdOf(FEATURE), PERK_THRESHOLD, "the deployed one stands");
    }
}
