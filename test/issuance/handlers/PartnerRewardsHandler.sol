// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IPartnerRewards} from "../../../contracts/interfaces/IPartnerRewards.sol";
import {PartnerRewards} from "../../../contracts/issuance/PartnerRewards.sol";
import {ProtocolToken} from "../../../contracts/token/ProtocolToken.sol";
import {Test} from "../../utils/Test.sol";
import {MerkleHelper} from "../MerkleHelper.sol";

/// @notice Funds the pool, opens periods whose leaves may sum above or below what they allocate (a careless
/// distributor), claims leaves, sweeps expired periods and moves time; keeps ghost totals of money in and out.
contract PartnerRewardsHandler is Test {
    ProtocolToken public immutable qut;
    PartnerRewards public immutable rewards;
    address public immutable qutMinter;
    address public immutable distributor;

    address[4] internal partners;
    mapping(uint256 periodId => uint256[4]) internal leafAmounts;
    /// @dev What each period was first allocated (a sweep lowers its stored total to what was claimed).
    mapping(uint256 periodId => uint256) public ghostAllocated;
    mapping(uint256 periodId => uint256) public ghostClaimed;

    uint256 public ghostFunded;
    uint256 public ghostPaidOut;
    uint256 public ghostSwept;
    uint256 public ghostRefusedOverClaims;

    constructor(ProtocolToken qut_, PartnerRewards rewards_, address qutMinter_, address distributor_) {
        qut = qut_;
        rewards = rewards_;
        qutMinter = qutMinter_;
        distributor = distributor_;
        partners = [makeAddr("p0"), makeAddr("p1"), makeAddr("p2"), makeAddr("p3")];
    }

    function _expectError(bytes memory reason, bytes memory expected, string memory what) internal pure {
        assertEq(keccak256(reason), keccak256(expected), string.concat(what, ": unexpected error"));
    }

    function fund(uint256 amount) external {
        amount = bound(amount, 1, 1_000_000 ether);
        vm.prank(qutMinter);
        qut.mint(address(this), amount);
        qut.approve(address(rewards), amount);
        rewards.fund(amount);
        ghostFunded += amount;
    }

    function startPeriod(uint256[4] memory amounts, uint256 totalSeed) external {
        uint256 sum;
        for (uint256 i; i < 4; ++i) {
            amounts[i] = bound(amounts[i], 0, 100_000 ether);
            sum += amounts[i];
        }
        uint256 available = rewards.unallocated();
        if (available == 0) return;
        if (sum == 0) return;
        // Half the periods are funded exactly; the others below the leaves' sum (down to half of it), so some
        // claims must be refused. Always capped by the funds.
        uint256 total = totalSeed % 2 == 0 ? sum : bound(totalSeed, sum / 2 + 1, sum);
        if (total > available) total = available;
        (bytes32 root, ) = MerkleHelper.build(partners, amounts);
        vm.prank(distributor);
        uint256 id = rewards.startPeriod(root, total);
        leafAmounts[id] = amounts;
        ghostAllocated[id] = total;
    }

    function claim(uint256 periodSeed, uint256 index) external {
        uint256 count = rewards.periodCount();
        if (count == 0) return;
        uint256 id = bound(periodSeed, 1, count);
        index = bound(index, 0, 3);
        uint256 amount = leafAmounts[id][index];
        (, bytes32[][4] memory proofs) = MerkleHelper.build(partners, leafAmounts[id]);
        IPartnerRewards.Period memory p = rewards.period(id);
        bool claimed = rewards.isClaimed(id, index);
        uint256 balanceBefore = qut.balanceOf(partners[index]);
        try rewards.claim(id, index, partners[index], amount, proofs[index]) {
            assertEq(qut.balanceOf(partners[index]) - balanceBefore, amount, "partner paid the leaf amount");
            ghostClaimed[id] += amount;
            ghostPaidOut += amount;
        } catch (bytes memory reason) {
            if (block.timestamp >= p.expiresAt) {
                _expectError(
                    reason,
                    abi.encodeWithSelector(IPartnerRewards.PeriodExpired.selector, id, p.expiresAt),
                    "claim"
                );
            } else if (claimed) {
                _expectError(
                    reason,
                    abi.encodeWithSelector(IPartnerRewards.AlreadyClaimed.selector, id, index),
                    "claim"
                );
            } else {
                ghostRefusedOverClaims++;
                _expectError(
                    reason,
                    abi.encodeWithSelector(
                        IPartnerRewards.PeriodOverClaimed.selector,
                        id,
                        uint256(p.claimed) + amount,
                        p.total
                    ),
                    "claim"
                );
            }
        }
    }

    function sweep(uint256 periodSeed) external {
        uint256 count = rewards.periodCount();
        if (count == 0) return;
        uint256 id = bound(periodSeed, 1, count);
        IPartnerRewards.Period memory p = rewards.period(id);
        try rewards.sweep(id) returns (uint256 remainder) {
            assertEq(remainder, uint256(p.total) - p.claimed, "sweeps the unclaimed remainder");
            ghostSwept += remainder;
        } catch (bytes memory reason) {
            if (block.timestamp < p.expiresAt) {
                _expectError(
                    reason,
                    abi.encodeWithSelector(IPartnerRewards.PeriodNotExpired.selector, id, p.expiresAt),
                    "sweep"
                );
            } else {
                _expectError(reason, abi.encodeWithSelector(IPartnerRewards.NothingToSweep.selector, id), "sweep");
            }
        }
    }

    function warp(uint256 secondsAhead) external {
        vm.warp(block.timestamp + bound(secondsAhead, 1, 60 days));
    }
}
