// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";

import {VotingPower} from "../../contracts/governance/VotingPower.sol";
import {IVotingPower} from "../../contracts/interfaces/IVotingPower.sol";
import {IVotingWeight} from "../../contracts/interfaces/IVotingWeight.sol";
import {GovernanceBase} from "./GovernanceBase.sol";
import {MockClockMode} from "./mocks/MockClockMode.sol";

contract VotingPowerTest is GovernanceBase {
    /// @dev alice: 100,000 liquid + 200,000 staked without lock (x1.5) = 400,000;
    /// bob: 100,000 locked two years (capped at x2) = 200,000;
    /// carol: 80,000 locked a quarter, 91.25 days (x1.625) = 130,000.
    function test_getPastVotes_sumsLiquidStakedAndLocked() public {
        _giveVotes(alice, 100_000 ether);
        _stake(alice, 200_000 ether, 0);
        _stake(bob, 100_000 ether, 730 days);
        _stake(carol, 80_000 ether, 7_884_000);
        uint256 t = block.timestamp;
        vm.warp(t + 1);
        assertEq(votingPower.getPastVotes(alice, t), 400_000 ether, "alice");
        assertEq(votingPower.getPastVotes(bob, t), 200_000 ether, "bob: the multiplier stops at 2x");
        assertEq(votingPower.getPastVotes(carol, t), 130_000 ether, "carol");
        assertEq(votingPower.getVotes(alice), 400_000 ether, "alice now");
    }

    function test_getPastVotes_stakedTokensAreNotCountedTwice() public {
        _giveVotes(alice, 300_000 ether);
        vm.startPrank(alice);
        token.approve(address(staking), 100_000 ether);
        staking.stake(100_000 ether, 0);
        vm.stopPrank();
        vm.warp(block.timestamp + 1);
        // 200,000 still delegated + 100,000 x 1.5 in the staking contract, which never delegates.
        assertEq(votingPower.getPastVotes(alice, block.timestamp - 1), 350_000 ether, "not 450,000");
    }

    function test_getPastVotes_undelegatedTokensCountNothing() public {
        vm.prank(bank);
        token.transfer(carol, 100_000 ether);
        vm.warp(block.timestamp + 1);
        assertEq(votingPower.getPastVotes(carol, block.timestamp - 1), 0, "delegate to vote");
    }

    function test_getPastVotes_laterChangesDoNotReachThePast() public {
        _giveVotes(alice, 100_000 ether);
        uint256 t = block.timestamp;
        vm.warp(t + 1);
        vm.prank(alice);
        token.transfer(bob, 100_000 ether);
        _stake(alice, 500_000 ether, 365 days);
        vm.warp(t + 2);
        assertEq(votingPower.getPastVotes(alice, t), 100_000 ether, "past unchanged");
        assertEq(votingPower.getPastVotes(alice, t + 1), 1_000_000 ether, "the next second sees the change");
    }

    function test_RevertWhen_getPastVotesOfTheCurrentSecond() public {
        _stake(alice, 100_000 ether, 0);
        vm.expectRevert(abi.encodeWithSelector(Votes.ERC5805FutureLookup.selector, block.timestamp, block.timestamp));
        votingPower.getPastVotes(alice, block.timestamp);
    }

    function test_clock_isTheTimestamp() public view {
        assertEq(uint256(votingPower.clock()), block.timestamp, "clock");
        assertEq(votingPower.CLOCK_MODE(), "mode=timestamp", "mode");
        assertEq(votingPower.token(), address(token), "token");
        assertEq(votingPower.votingWeight(), address(staking), "staking");
    }

    function test_withoutStaking_countsTheTokenOnly() public {
        VotingPower tokenOnly = new VotingPower(IERC5805(address(token)), IVotingWeight(address(0)));
        _giveVotes(alice, 100_000 ether);
        _stake(alice, 100_000 ether, 0);
        vm.warp(block.timestamp + 1);
        assertEq(tokenOnly.getPastVotes(alice, block.timestamp - 1), 100_000 ether, "token votes only");
        assertEq(tokenOnly.getVotes(alice), 100_000 ether, "token votes only, now");
    }

    function test_RevertWhen_constructedWithZeroTokenOrBlockClock() public {
        vm.expectRevert(IVotingPower.ZeroToken.selector);
        new VotingPower(IERC5805(address(0)), IVotingWeight(address(staking)));

        MockClockMode blocks = new MockClockMode("mode=blocknumber&from=default");
        vm.expectRevert(abi.encodeWithSelector(IVotingPower.ClockModeMismatch.selector, address(blocks)));
        new VotingPower(IERC5805(address(blocks)), IVotingWeight(address(0)));
        vm.expectRevert(abi.encodeWithSelector(IVotingPower.ClockModeMismatch.selector, address(blocks)));
        new VotingPower(IERC5805(address(token)), IVotingWeight(address(blocks)));
    }

    /// @dev Any liquid amount plus any stake locked any time adds up to liquid + stake x (1.5 .. 2).
    function testFuzz_getPastVotes_withinMultiplierBounds(uint256 liquid, uint256 staked, uint256 lock) public {
        liquid = bound(liquid, 0, 1_000_000 ether);
        staked = bound(staked, 1, 1_000_000 ether);
        lock = bound(lock, 0, 3 * 365 days);
        if (liquid > 0) _giveVotes(alice, liquid);
        _stake(alice, staked, lock);
        vm.warp(block.timestamp + 1);
        uint256 votes = votingPower.getPastVotes(alice, block.timestamp - 1);
        assertGe(votes, liquid + (staked * 15) / 10, "at least 1.5x the stake");
        assertLe(votes, liquid + staked * 2, "at most 2x the stake");
        assertEq(IVotes(address(token)).getPastVotes(alice, block.timestamp - 1), liquid, "token part");
    }
}
