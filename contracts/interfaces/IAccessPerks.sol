// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IAccessPerks
/// @notice A governed registry of features and the tokens an account must hold in a running lock to use them.
/// Thresholds are bounded by `maxThreshold`, fixed at deployment, so governance cannot price a feature out of
/// reach of every holder.
interface IAccessPerks {
    /// @notice A feature's threshold was set (zero removes the feature).
    /// @param feature The feature id.
    /// @param threshold Tokens required in a running lock, in wei.
    event FeatureSet(bytes32 indexed feature, uint256 threshold);

    /// @notice A threshold is above the bound.
    /// @param threshold The value.
    /// @param maximum The bound.
    error ThresholdTooHigh(uint256 threshold, uint256 maximum);
    /// @notice The lock source or the bound given at deployment is zero.
    error InvalidConfig();

    /// @notice Sets a feature's threshold; zero removes the feature (then nobody has access).
    /// @dev Restricted (governance).
    /// @param feature The feature id (for example `keccak256("lending.lockerBorrowFee")`).
    /// @param threshold Tokens required in a running lock, in wei, at most `maxThreshold`.
    function setFeature(bytes32 feature, uint256 threshold) external;

    /// @notice Whether `account` may use `feature`: the feature exists and the account's running lock holds at
    /// least its threshold.
    /// @param account The holder.
    /// @param feature The feature id.
    /// @return True when granted.
    function hasAccess(address account, bytes32 feature) external view returns (bool);

    /// @notice A feature's threshold (zero: not registered).
    /// @param feature The feature id.
    /// @return Tokens required, in wei.
    function thresholdOf(bytes32 feature) external view returns (uint256);

    /// @notice The bound on every threshold.
    /// @return Tokens, in wei.
    function maxThreshold() external view returns (uint256);

    /// @notice The lock module read for locked amounts.
    /// @return The `IVoteLocker`.
    function locker() external view returns (address);
}
