// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IEpochClock} from "../interfaces/IEpochClock.sol";

/// @title EpochClock
/// @notice The epochs shared by the QRY distribution contracts, fixed at deployment.
abstract contract EpochClock is IEpochClock {
    uint256 private immutable _START;
    uint256 private immutable _EPOCH_LENGTH;

    /// @notice Fixes the clock.
    /// @param start When epoch 0 begins (unix seconds).
    /// @param epochLength Seconds per epoch (positive).
    constructor(uint256 start, uint256 epochLength) {
        // A start beyond 2^64 s or a length beyond 2^32 s (136 years) is a mistake, and bounding both keeps every
        // `start + (e + 1) * epochLength` with a 32-bit epoch far from overflow.
        if (epochLength == 0 || epochLength > type(uint32).max || start > type(uint64).max) {
            revert InvalidEpochClock(start, epochLength);
        }
        _START = start;
        _EPOCH_LENGTH = epochLength;
    }

    /// @inheritdoc IEpochClock
    function currentEpoch() public view returns (uint256) {
        if (block.timestamp < _START) revert EpochsNotStarted(_START);
        return (block.timestamp - _START) / _EPOCH_LENGTH;
    }

    /// @inheritdoc IEpochClock
    function epochEnd(uint256 epoch) public view returns (uint256) {
        return _START + (epoch + 1) * _EPOCH_LENGTH;
    }

    /// @inheritdoc IEpochClock
    function epochClock() public view returns (uint256 start, uint256 epochLength) {
        return (_START, _EPOCH_LENGTH);
    }

    /// @dev Reverts unless `epoch` is the open epoch.
    function _requireOpen(uint256 epoch) internal view {
        uint256 current = currentEpoch();
        if (epoch != current) revert EpochNotOpen(epoch, current);
    }

    /// @dev Reverts unless `epoch` has ended.
    function _requireOver(uint256 epoch) internal view {
        uint256 endsAt = epochEnd(epoch);
        if (block.timestamp < endsAt) revert EpochNotOver(epoch, endsAt);
    }

    /// @dev Whether `account` runs this clock.
    function _sameClock(address account) internal view returns (bool) {
        (uint256 start, uint256 epochLength) = IEpochClock(account).epochClock();
        return start == _START && epochLength == _EPOCH_LENGTH;
    }
}
