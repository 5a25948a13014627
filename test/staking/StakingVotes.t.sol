// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IStakingVotes} from "../../contracts/interfaces/IStakingVotes.sol";
import {StakingVotes} from "../../contracts/staking/StakingVotes.sol";
import {StakingBase} from "./StakingBase.sol";

/// @notice Voting weight of staked tokens: 1.5x, plus a lock bonus linear in the time left (2x with a year or more
/// left), checkpointed by timestamp; past reads are final and exclude what happened in their own second.
contract StakingVotesTest is StakingBase {
    function setUp() public override {
        super.setUp();
        _register(p1, 10_000 ether);
    }

    function test_clock_isTimestamp() public view {
        assertEq(uint256(votes.clock()), T0, "clock follows block.timestamp");
        assertEq(votes.CLOCK_MODE(), "mode=timestamp", "ERC-6372 mode");
        assertEq(votes.staking(), address(staking), "writer");
    }

    function test_getVotes_stakedTokensCountOnePointFive() public {
        assertEq(votes.getVotes(p1), 15_000 ether, "10,000 self-staked x 1.5");
        _delegate(d1, p1, 1_000 ether);
        assertEq(votes.getVotes(d1), 1_500 ether, "1,000 delegated x 1.5");
        assertEq(votes.getVotes(d2), 0, "nothing staked");
    }

    function test_getPastVotes_stakeInTheSnapshotSecondHasNoWeight() public {
        vm.warp(T0 + 10);
        _delegate(d1, p1, 1_000 ether);
        vm.warp(T0 + 11);
        assertEq(votes.getPastVotes(d1, T0 + 10), 0, "staked in the snapshot's own second: no weight");
        assertEq(votes.getPastVotes(d1, T0 + 9), 0, "before the stake");
        vm.warp(T0 + 12);
        assertEq(votes.getPastVotes(d1, T0 + 11), 1_500 ether, "counts from the next second");
    }

    function test_getPastVotes_unchangedByLaterMoves() public {
        vm.warp(T0 + 10);
        _delegate(d1, p1, 1_000 ether);
        vm.warp(T0 + 20);
        _unbond(d1, 600 ether);
        vm.warp(T0 + 30);
        _delegate(d1, p1, 300 ether);
        vm.warp(T0 + 40);
        assertEq(votes.getPastVotes(d1, T0 + 15), 1_500 ether, "1,000 staked");
        assertEq(votes.getPastVotes(d1, T0 + 20), 1_500 ether, "the unbond at T+20 does not count at T+20");
        assertEq(votes.getPastVotes(d1, T0 + 25), 600 ether, "400 staked");
        assertEq(votes.getPastVotes(d1, T0 + 35), 1_050 ether, "700 staked");
        assertEq(votes.getVotes(d1), 1_050 ether, "now");
    }

    /// The bonus follows the time left at the read: 5,000 bps x min(time left, a year) / a year, rounded down.
    /// Read at T0 + 1, one second after the locks: half a year minus 1 s left is 2,499 bps, a year minus 1 s
    /// 4,999 bps, two years minus 1 s the whole 5,000.
    function test_getPastVotes_lockBonusFollowsTheTimeLeft() public {
        _delegate(d1, p1, 1_000 ether);
        _delegate(d2, p1, 1_000 ether);
        _delegate(d3, p1, 1_000 ether);
        vm.prank(d1);
        staking.lock(YEAR / 2);
        vm.prank(d2);
        staking.lock(YEAR);
        vm.prank(d3);
        staking.lock(2 * YEAR);
        assertEq(votes.getVotes(d1), 1_750 ether, "half a year left: 1.75x");
        assertEq(votes.getVotes(d2), 2_000 ether, "a year left: 2x");
        _skip(2);
        assertEq(votes.getPastVotes(d1, T0 + 1), 1_749.9 ether, "2,499 bps");
        assertEq(votes.getPastVotes(d2, T0 + 1), 1_999.9 ether, "4,999 bps");
        assertEq(votes.getPastVotes(d3, T0 + 1), 2_000 ether, "more than a year left: 2x");
        assertEq(votes.getPastVotes(p1, T0 + 1), 15_000 ether, "unlocked: 1.5x");
    }

    function test_getPastVotes_lockDecaysWithoutATransaction() public {
        _delegate(d1, p1, 1_000 ether);
        vm.prank(d1);
        staking.lock(YEAR);
        uint256 lockEnd = T0 + YEAR;
        assertEq(votes.getVotes(d1), 2_000 ether, "a year left: 2x");
        vm.warp(T0 + YEAR / 2);
        assertEq(votes.getVotes(d1), 1_750 ether, "half a year left: 1.75x");
        vm.warp(lockEnd - 1 days);
        assertEq(votes.getVotes(d1), 1_501.3 ether, "one day left: 13 bps (5,000 / 365, rounded down)");
        vm.warp(lockEnd - 1);
        assertEq(votes.getVotes(d1), 1_500 ether, "one second left: the bonus rounds to 0");
        vm.warp(lockEnd);
        assertEq(votes.getVotes(d1), 1_500 ether, "at the end: 1.5x");
        vm.warp(lockEnd + 10);
        assertEq(votes.getPastVotes(d1, T0 + YEAR / 2), 1_750 ether, "past read in the middle");
        assertEq(votes.getPastVotes(d1, lockEnd), 1_500 ether, "past read at the end");
    }

    function test_getPastVotes_slashLowersWeightFromTheSlash() public {
        _delegate(d1, p1, 1_000 ether);
        vm.warp(T0 + 20);
        vm.prank(slasher);
        staking.slash(p1, 500, bytes32(0));
        vm.warp(T0 + 30);
        assertEq(votes.getPastVotes(d1, T0 + 20), 1_500 ether, "the slash's own second still reads the old price");
        assertEq(votes.getPastVotes(d1, T0 + 21), 1_425 ether, "950 x 1.5 after the 5% slash");
        assertEq(votes.getVotes(p1), 14_250 ether, "provider: 9,500 x 1.5");
    }

    function test_getVotes_emptiedPoolRestartsAtFullPrice() public {
        vm.prank(slasher);
        staking.slash(p1, 500, bytes32(0));
        _unbond(p1, 9_500 ether);
        assertEq(votes.getVotes(p1), 0, "nothing staked");
        _stake(p1, 10_000 ether);
        assertEq(votes.getVotes(p1), 15_000 ether, "new stake is not marked down by the old slash");
    }

    function test_getVotes_redelegationInFlightHasNoWeight() public {
        _register(p2, 10_000 ether);
        _delegate(d1, p1, 1_000 ether);
        vm.prank(d1);
        uint256 index = staking.redelegate(p2);
        assertEq(votes.getVotes(d1), 0, "unbonding stake does not vote");
        _skip(UNBONDING);
        vm.prank(d1);
        staking.withdraw(index);
        assertEq(votes.getVotes(d1), 1_500 ether, "votes again once bonded to p2");
    }

    function test_getPastVotes_atTimestampZeroIsZero() public view {
        assertEq(votes.getPastVotes(p1, 0), 0, "nothing before the first second");
    }

    function test_RevertWhen_getPastVotesAtOrAfterNow() public {
        vm.expectRevert(abi.encodeWithSelector(IStakingVotes.ERC5805FutureLookup.selector, T0, uint48(T0)));
        votes.getPastVotes(p1, T0);
        vm.expectRevert(abi.encodeWithSelector(IStakingVotes.ERC5805FutureLookup.selector, T0 + 1, uint48(T0)));
        votes.getPastVotes(p1, T0 + 1);
    }

    function test_RevertWhen_checkpointByStranger() public {
        vm.startPrank(d1);
        vm.expectRevert(abi.encodeWithSelector(IStakingVotes.UnauthorizedCheckpoint.selector, d1));
        votes.checkpointShares(d1, 1_000_000 ether);
        vm.expectRevert(abi.encodeWithSelector(IStakingVotes.UnauthorizedCheckpoint.selector, d1));
        votes.checkpointProvider(d1, p1);
        vm.expectRevert(abi.encodeWithSelector(IStakingVotes.UnauthorizedCheckpoint.selector, d1));
        votes.checkpointLock(d1, T0 + YEAR, YEAR);
        vm.expectRevert(abi.encodeWithSelector(IStakingVotes.UnauthorizedCheckpoint.selector, d1));
        votes.checkpointPrice(p1, 1, 2);
        vm.stopPrank();
        assertEq(votes.getVotes(d1), 0, "no weight forged");
    }

    function test_RevertWhen_voteConfigurationInvalid() public {
        vm.expectRevert(IStakingVotes.InvalidVoteConfiguration.selector);
        new StakingVotes(0, 20_000, YEAR);
        vm.expectRevert(IStakingVotes.InvalidVoteConfiguration.selector);
        new StakingVotes(15_000, 14_999, YEAR);
        vm.expectRevert(IStakingVotes.InvalidVoteConfiguration.selector);
        new StakingVotes(15_000, 20_000, 0);
    }

    /// Weight = stake x (1.5 + 0.5 x min(time left, 1 year) / 1 year) while locked, written out independently of
    /// the contract's own formula.
    function testFuzz_lockWeightIsLinearInDuration(uint256 amount, uint256 duration) public {
        amount = bound(amount, 1 ether, 1_000_000 ether);
        duration = bound(duration, 1, 4 * YEAR);
        _delegate(d1, p1, amount);
        vm.prank(d1);
        staking.lock(duration);
        _skip(2);
        // Read at T0 + 1: the bonus is that of the time left then (none for a one-second lock).
        uint256 left = duration - 1;
        uint256 capped = left < YEAR ? left : YEAR;
        uint256 bonusBps = (5_000 * capped) / YEAR;
        uint256 expected = (amount * (15_000 + bonusBps)) / 10_000;
        assertEq(votes.getPastVotes(d1, T0 + 1), expected, "1.5x plus the linear bonus");
        assertLe(votes.getPastVotes(d1, T0 + 1), 2 * amount, "never above 2x");
    }
}
