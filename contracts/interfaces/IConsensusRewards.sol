// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IDistributionPool} from "./IDistributionPool.sol";

/// @title IConsensusRewards
/// @notice Block-producer rewards (QRY's validator rewards, docs/economics/qry.md): registered validators are paid each
/// epoch pro rata to the blocks they produced, `funding x blocks(v) / sum of blocks`. The consensus reporter (an oracle
/// of the QRY chain's consensus) records blocks per validator for the open epoch; the registrar keeps the validator
/// set.
/// @dev O(1) per record and per claim (a running total of blocks per epoch). An epoch without blocks sends its
/// whole budget back to the engine's reserve.
interface IConsensusRewards is IDistributionPool {
    /// @notice A validator's record in an epoch. One storage slot.
    /// @param blocks Blocks it produced.
    /// @param claimed Whether it claimed.
    struct BlockRecord {
        uint64 blocks;
        bool claimed;
    }

    /// @notice A validator was registered or removed.
    /// @param validator The validator.
    /// @param registered Whether it is registered now.
    event ValidatorSet(address indexed validator, bool registered);

    /// @notice Blocks were recorded for a validator.
    /// @param epoch The epoch.
    /// @param validator The validator.
    /// @param blocks Blocks added.
    /// @param totalBlocks The epoch's total now.
    event BlocksRecorded(uint256 indexed epoch, address indexed validator, uint256 blocks, uint256 totalBlocks);

    /// @notice A validator claimed its reward.
    /// @param epoch The epoch.
    /// @param validator The validator (paid).
    /// @param amount Paid, in wei.
    event Claimed(uint256 indexed epoch, address indexed validator, uint256 amount);

    /// @notice The account is not a registered validator.
    /// @param account The account.
    error NotAValidator(address account);
    /// @notice A record of zero blocks.
    error ZeroBlocks();
    /// @notice The validator already has this status.
    /// @param validator The validator.
    /// @param registered The status asked for.
    error ValidatorUnchanged(address validator, bool registered);

    /// @notice Registers or removes a validator. Removal stops new records, not claims of past epochs.
    /// @dev Restricted to the DISTRIBUTION_REGISTRAR role.
    /// @param validator The validator.
    /// @param registered Whether it is registered from now on.
    function setValidator(address validator, bool registered) external;

    /// @notice Records `blocks` produced by a registered validator in the open epoch.
    /// @dev Restricted to the CONSENSUS_REPORTER role.
    /// @param epoch The open epoch.
    /// @param validator The validator.
    /// @param blocks Blocks produced (positive).
    function recordBlocks(uint256 epoch, address validator, uint256 blocks) external;

    /// @notice Pays the caller its reward for a funded epoch: `floor(funded x blocks / totalBlocks)`.
    /// @param epoch The epoch.
    /// @return amount Paid, in wei.
    function claim(uint256 epoch) external returns (uint256 amount);

    /// @notice What a validator may claim for an epoch now.
    /// @param epoch The epoch.
    /// @param validator The validator.
    /// @return The amount, in wei.
    function claimable(uint256 epoch, address validator) external view returns (uint256);

    /// @notice A validator's record in an epoch.
    /// @param epoch The epoch.
    /// @param validator The validator.
    /// @return The record.
    function blockRecord(uint256 epoch, address validator) external view returns (BlockRecord memory);

    /// @notice An epoch's total blocks.
    /// @param epoch The epoch.
    /// @return The total.
    function totalBlocks(uint256 epoch) external view returns (uint256);

    /// @notice Whether an account is a registered validator.
    /// @param account The account.
    /// @return True if registered.
    function isValidator(address account) external view returns (bool);
}
