// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {LockingBase} from "./LockingBase.sol";
import {IVoteLocker} from "../../contracts/interfaces/IVoteLocker.sol";
import {VoteLocker} from "../../contracts/locking/VoteLocker.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";
import {Test} from "../utils/Test.sol";

/// @notice Invariants of the lock module over random sequences (two whales, eight small accounts).
contract VoteLockerInvariantTest is LockingBase {
    uint256 internal constant MAX_LOCK_ = 208 * WEEK;
    LockHandler internal handler;

    function setUp() public override {
        super.setUp();
        address[] memory actors = new address[](10);
        for (uint256 i; i < actors.length; ++i) {
            actors[i] = makeAddr(string(abi.encodePacked("locker", bytes1(uint8(48 + i)))));
        }
        handler = new LockHandler(locker, token, funder, actors);
        vm.startPrank(admin);
        for (uint256 i; i < actors.length; ++i) token.mint(actors[i], 10_000_000 ether);
        vm.stopPrank();
        for (uint256 i; i < actors.length; ++i) _approve(actors[i]);
        handler.createLock(0, 100_000 ether, 104 * WEEK);
        handler.createLock(3, 10 ether, 10 * WEEK);
        handler.fund(100_000 ether);
        bytes4[] memory selectors = new bytes4[](8);
        selectors[0] = LockHandler.createLock.selector;
        selectors[1] = LockHandler.increaseAmount.selector;
        selectors[2] = LockHandler.extendLock.selector;
        selectors[3] = LockHandler.withdraw.selector;
        selectors[4] = LockHandler.exitEarly.selector;
        selectors[5] = LockHandler.claim.selector;
        selectors[6] = LockHandler.fund.selector;
        selectors[7] = LockHandler.warp.selector;
        targetContract(address(handler));
        targetSelector(address(handler), selectors);
    }

    /// @notice Rewards paid and owed never exceed what was funded (streams and penalties).
    function invariant_rewardsPaidAtMostFunded() public view {
        uint256 owed;
        for (uint256 i; i < handler.actorCount(); ++i) owed += locker.earned(handler.actors(i));
        uint256 funded = handler.ghostFunded() + handler.ghostPenalties();
        assertLe(handler.ghostClaimed() + owed, funded, "paid + owed <= funded");
        assertEq(locker.rewardReserve(), funded - handler.ghostClaimed(), "reserve = funded - paid");
    }

    /// @notice Locked plus returned plus penalties equals everything deposited, and the pool holds it all.
    function invariant_lockedPlusUnlockedIsDeposited() public view {
        assertEq(
            locker.totalLocked() + handler.ghostReturned() + handler.ghostPenalties(),
            handler.ghostDeposited(),
            "locked + unlocked == deposited"
        );
        uint256 sum;
        for (uint256 i; i < handler.actorCount(); ++i) sum += locker.lockOf(handler.actors(i)).amount;
        assertEq(sum, locker.totalLocked(), "sum of locks == total locked");
        assertGe(
            token.balanceOf(address(locker)),
            locker.totalLocked() + locker.rewardReserve(),
            "balance covers locks and rewards"
        );
    }

    /// @notice No lock's vote or reward weight exceeds what its last commitment gave.
    function invariant_weightWithinCommitment() public view {
        uint256 totalWeight;
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actors(i);
            uint256 amount = locker.lockOf(a).amount;
            uint256 end = locker.lockOf(a).end;
            uint256 committedAt = handler.ghostCommittedAt(a);
            uint256 committedVotes = amount + (end > committedAt ? (amount * (end - committedAt)) / MAX_LOCK_ : 0);
            assertLe(locker.getVotes(a), committedVotes, "votes <= committed weight");
            uint256 rw = locker.rewardWeightOf(a);
            assertLe(
                rw,
                end > committedAt ? (amount * (end - committedAt)) / WEEK : 0,
                "reward weight <= committed weeks"
            );
            totalWeight += rw;
        }
        assertEq(locker.totalRewardWeight(), totalWeight, "total reward weight == sum of lock weights");
    }

    /// @notice At every recorded snapshot, each account's past votes equal its lock weight from the ghost history.
    function invariant_votesEqualLockWeightsAtSnapshots() public view {
        for (uint256 s; s < handler.snapshotCount(); ++s) {
            uint256 t = handler.snapshots(s);
            uint256 sumVotes;
            uint256 sumGhost;
            for (uint256 i; i < handler.actorCount(); ++i) {
                address a = handler.actors(i);
                uint256 v = locker.getPastVotes(a, t);
                uint256 g = handler.ghostVotesAt(a, t);
                assertEq(v, g, "account votes == its lock weight at the snapshot");
                sumVotes += v;
                sumGhost += g;
            }
            assertEq(sumVotes, sumGhost, "votes == sum of lock weights");
        }
    }
}

/// @dev Kept in this file: the test runner did not identify it as a fuzz target from a separate handlers/ file.
/// @notice Drives the lock module through random sequences of locks, top-ups (also of old locks), extensions,
/// withdrawals, early exits, claims, fundings and time steps, over whales and many small (sybil) accounts.
/// Inputs are bounded to valid ranges, so every call must succeed. Ghost state records every deposit and
/// return, each account's checkpoint history (to recompute votes at snapshots) and what was funded and paid.
contract LockHandler is Test {
    uint256 internal constant WEEK = 7 days;
    uint256 internal constant MAX_LOCK = 208 * WEEK;
    uint256 internal constant MAX_SNAPSHOTS = 12;

    struct GhostPoint {
        uint256 timestamp;
        uint256 amount;
        uint256 end;
    }

    VoteLocker public immutable locker;
    ProtocolToken public immutable token;
    address public immutable funder;

    address[] public actors;
    mapping(address actor => GhostPoint[]) internal _history;
    /// @dev Timestamp of each account's last commitment (lock, top-up or extension).
    mapping(address actor => uint256) public ghostCommittedAt;
    uint256[] public snapshots;

    uint256 public ghostDeposited;
    uint256 public ghostReturned;
    uint256 public ghostPenalties;
    uint256 public ghostFunded;
    uint256 public ghostClaimed;

    constructor(VoteLocker locker_, ProtocolToken token_, address funder_, address[] memory actors_) {
        locker = locker_;
        token = token_;
        funder = funder_;
        actors = actors_;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function snapshotCount() external view returns (uint256) {
        return snapshots.length;
    }

    /// @notice The weight the ghost model gives `actor` at `t`: 1x plus +1x scaled by the time left.
    function ghostVotesAt(address actor, uint256 t) external view returns (uint256) {
        GhostPoint[] storage h = _history[actor];
        for (uint256 i = h.length; i > 0; --i) {
            GhostPoint storage p = h[i - 1];
            if (p.timestamp <= t) {
                if (p.amount == 0) return 0;
                if (t >= p.end) return p.amount;
                return p.amount + (p.amount * (p.end - t)) / MAX_LOCK;
            }
        }
        return 0;
    }

    function createLock(uint256 actorSeed, uint256 amount, uint256 duration) external {
        address actor = actors[actorSeed % actors.length];
        if (locker.lockOf(actor).amount != 0) return;
        // Whales (first two actors) lock large amounts; the others are small sybil accounts.
        amount =
            actorSeed % actors.length < 2 ? bound(amount, 1 ether, 500_000 ether) : bound(amount, 1 ether, 50 ether);
        uint256 minDuration = ((block.timestamp / WEEK) + 2) * WEEK - block.timestamp;
        duration = bound(duration, minDuration, MAX_LOCK);
        vm.prank(actor);
        locker.createLock(amount, duration);
        ghostDeposited += amount;
        _record(actor);
    }

    function increaseAmount(uint256 actorSeed, uint256 amount) external {
        address actor = actors[actorSeed % actors.length];
        IVoteLocker.LockInfo memory info = locker.lockOf(actor);
        if (info.amount == 0 || info.end / WEEK < block.timestamp / WEEK + 2) return;
        amount = bound(amount, 1, 200_000 ether);
        vm.prank(actor);
        locker.increaseAmount(amount);
        ghostDeposited += amount;
        _record(actor);
    }

    function extendLock(uint256 actorSeed, uint256 duration) external {
        address actor = actors[actorSeed % actors.length];
        IVoteLocker.LockInfo memory info = locker.lockOf(actor);
        if (info.amount == 0) return;
        uint256 earliest = ((block.timestamp / WEEK) + 2) * WEEK;
        if (info.end + WEEK > earliest) earliest = info.end + WEEK;
        uint256 minDuration = earliest - block.timestamp;
        if (minDuration > MAX_LOCK) return;
        duration = bound(duration, minDuration, MAX_LOCK);
        vm.prank(actor);
        locker.extendLock(duration);
        _record(actor);
    }

    function withdraw(uint256 actorSeed) external {
        address actor = actors[actorSeed % actors.length];
        IVoteLocker.LockInfo memory info = locker.lockOf(actor);
        if (info.amount == 0 || block.timestamp < info.end) return;
        uint256 before = token.balanceOf(actor);
        vm.prank(actor);
        locker.withdraw();
        ghostReturned += token.balanceOf(actor) - before;
        _record(actor);
    }

    function exitEarly(uint256 actorSeed) external {
        address actor = actors[actorSeed % actors.length];
        IVoteLocker.LockInfo memory info = locker.lockOf(actor);
        if (info.amount == 0 || block.timestamp >= info.end) return;
        uint256 before = token.balanceOf(actor);
        vm.prank(actor);
        locker.exitEarly();
        uint256 returned = token.balanceOf(actor) - before;
        ghostReturned += returned;
        ghostPenalties += info.amount - returned;
        _record(actor);
    }

    function claim(uint256 actorSeed) external {
        address actor = actors[actorSeed % actors.length];
        if (locker.earned(actor) == 0) return;
        vm.prank(actor);
        ghostClaimed += locker.claim();
    }

    function fund(uint256 amount) external {
        amount = bound(amount, 1 ether, 1_000_000 ether);
        ghostFunded += amount;
        vm.startPrank(funder);
        token.transfer(address(locker), amount);
        locker.notifyRewardAmount(amount);
        vm.stopPrank();
    }

    /// @notice Moves time (up to three weeks) and keeps a snapshot timestamp to check votes at.
    function warp(uint256 seconds_) external {
        seconds_ = bound(seconds_, 1, 3 * WEEK);
        if (snapshots.length < MAX_SNAPSHOTS) snapshots.push(block.timestamp);
        vm.warp(block.timestamp + seconds_);
        locker.checkpoint(52);
    }

    function _record(address actor) internal {
        IVoteLocker.LockInfo memory info = locker.lockOf(actor);
        GhostPoint[] storage h = _history[actor];
        if (h.length != 0 && h[h.length - 1].timestamp == block.timestamp) h.pop();
        h.push(GhostPoint(block.timestamp, info.amount, info.end));
        ghostCommittedAt[actor] = block.timestamp;
    }
}
