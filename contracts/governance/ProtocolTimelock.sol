// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

import {IProtocolTimelock} from "../interfaces/IProtocolTimelock.sol";

/// @title ProtocolTimelock
/// @notice OpenZeppelin's TimelockController with a ceiling on its delay.
contract ProtocolTimelock is IProtocolTimelock, TimelockController {
    /// @inheritdoc IProtocolTimelock
    uint256 public immutable MAX_DELAY;

    /// @notice Deploys the timelock.
    /// @param minDelay The initial delay, in seconds (at most `maxDelay`).
    /// @param maxDelay The highest delay `updateDelay` accepts: the governor's delay of this route.
    /// @param proposers Initial proposers (and cancellers).
    /// @param executors Initial executors.
    /// @param admin Optional extra admin (the deployer, to hand over); the zero address for none.
    constructor(
        uint256 minDelay,
        uint256 maxDelay,
        address[] memory proposers,
        address[] memory executors,
        address admin
    ) TimelockController(minDelay, proposers, executors, admin) {
        if (minDelay > maxDelay) revert InvalidMaxDelay(minDelay, maxDelay);
        MAX_DELAY = maxDelay;
    }

    /// @notice Changes the delay, never above `MAX_DELAY`.
    /// @dev Only the timelock itself may call it (an operation it executes), as in TimelockController.
    /// @param newDelay The new delay, in seconds.
    function updateDelay(uint256 newDelay) public override {
        if (msg.sender != address(this)) revert TimelockUnauthorizedCaller(msg.sender);
        if (newDelay > MAX_DELAY) revert DelayAboveMaximum(newDelay, MAX_DELAY);
        super.updateDelay(newDelay);
    }
}
