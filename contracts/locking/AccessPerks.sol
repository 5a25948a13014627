// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";

import {IAccessPerks} from "../interfaces/IAccessPerks.sol";
import {IVoteLocker} from "../interfaces/IVoteLocker.sol";

/// @title AccessPerks
/// @notice Features unlocked by tokens in a running lock (the lock module's `activeLockedOf`).
/// @dev A lock cannot be opened and closed in one transaction without the early-exit penalty, but at the shortest
/// lock that penalty is small (about 0.36% of the amount at Qerun's numbers): a feature whose benefit outlives the
/// lock should also ask for a minimum time left (the credit manager's locker perk does, through `lockOf`).
contract AccessPerks is IAccessPerks, AccessManaged {
    IVoteLocker private immutable _LOCKER;
    uint256 private immutable _MAX_THRESHOLD;

    mapping(bytes32 feature => uint256) private _thresholds;

    /// @notice Binds the lock module and the bound on thresholds.
    /// @param locker_ The lock module.
    /// @param manager The AccessManager (`setFeature` is governance's).
    /// @param maxThreshold_ The bound on every threshold, in wei.
    constructor(IVoteLocker locker_, address manager, uint256 maxThreshold_) AccessManaged(manager) {
        if (address(locker_) == address(0) || maxThreshold_ == 0) revert InvalidConfig();
        _LOCKER = locker_;
        _MAX_THRESHOLD = maxThreshold_;
    }

    /// @inheritdoc IAccessPerks
    function setFeature(bytes32 feature, uint256 threshold) external restricted {
        if (threshold > _MAX_THRESHOLD) revert ThresholdTooHigh(threshold, _MAX_THRESHOLD);
        _thresholds[feature] = threshold;
        emit FeatureSet(feature, threshold);
    }

    /// @inheritdoc IAccessPerks
    function hasAccess(address account, bytes32 feature) external view returns (bool) {
        uint256 threshold = _thresholds[feature];
        return threshold != 0 && _LOCKER.activeLockedOf(account) >= threshold;
    }

    /// @inheritdoc IAccessPerks
    function thresholdOf(bytes32 feature) external view returns (uint256) {
        return _thresholds[feature];
    }

    /// @inheritdoc IAccessPerks
    function maxThreshold() external view returns (uint256) {
        return _MAX_THRESHOLD;
    }

    /// @inheritdoc IAccessPerks
    function locker() external view returns (address) {
        return address(_LOCKER);
    }
}
