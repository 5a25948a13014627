// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IVoteLocker} from "../../contracts/interfaces/IVoteLocker.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {Wiring} from "../utils/Wiring.sol";
import {VoteLocker} from "../../contracts/locking/VoteLocker.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";
import {ManagedTest} from "../utils/ManagedTest.sol";
import {QerunNumbers} from "../utils/QerunNumbers.sol";

/// @notice Shared setup for lock tests, with the Qerun preset's lock: a 208-week maximum lock, +1x votes at the maximum
/// (2x in total), a 50% early-exit penalty at the maximum time left, a 4-week reward stream (this base's), a one-year
/// reputation age cap. T0 is a week boundary (week 2894), so lock ends are whole weeks from T0.
abstract contract LockingBase is ManagedTest {
    uint256 internal constant WEEK = 7 days;
    uint256 internal constant T0 = 2894 * WEEK;
    uint256 internal constant MAX_LOCK = QerunNumbers.MAX_LOCK_DURATION;
    uint256 internal constant REWARD_DURATION = 4 * WEEK;

    ProtocolToken internal token;
    VoteLocker internal locker;

    address internal admin;
    address internal funder;
    address internal alice;
    address internal bob;
    address internal carol;

    function setUp() public virtual {
        vm.warp(T0);
        admin = makeAddr("admin");
        funder = makeAddr("funder");
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        carol = makeAddr("carol");
        manager = new AccessManager(admin);
        token = new ProtocolToken("Qerun", "QER", 1_000_000_000 ether, address(manager));
        locker = new VoteLocker(IERC20(address(token)), address(manager), _config());
        vm.startPrank(admin);
        // Function roles as the presets deploy them (test/utils/Wiring.sol, generated from the deployed presets).
        Wiring.protocolToken(manager, address(token));
        Wiring.voteLocker(manager, address(locker));
        manager.grantRole(Roles.MINTER, admin, 0);
        manager.grantRole(Roles.REWARD_FUNDER, funder, 0);
        token.mint(alice, 1_000_000 ether);
        token.mint(bob, 1_000_000 ether);
        token.mint(carol, 1_000_000 ether);
        token.mint(funder, 100_000_000 ether);
        vm.stopPrank();
        _approve(alice);
        _approve(bob);
        _approve(carol);
    }

    /// @dev The Qerun preset's lock (test/utils/QerunNumbers.sol) with a 4-week reward stream (the preset: 7 days), so
    /// the tests' reward figures split over whole weeks.
    function _config() internal pure virtual returns (IVoteLocker.Config memory c) {
        c = QerunNumbers.lockConfig();
        c.rewardDuration = REWARD_DURATION;
    }

    function _approve(address who) internal {
        vm.prank(who);
        token.approve(address(locker), type(uint256).max);
    }

    function _lock(address who, uint256 amount, uint256 duration) internal {
        vm.prank(who);
        locker.createLock(amount, duration);
    }

    /// @dev Streams `amount` over REWARD_DURATION from now.
    function _fund(uint256 amount) internal {
        vm.startPrank(funder);
        token.transfer(address(locker), amount);
        locker.notifyRewardAmount(amount);
        vm.stopPrank();
    }
}
