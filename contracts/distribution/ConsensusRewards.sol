// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {IConsensusRewards} from "../interfaces/IConsensusRewards.sol";
import {EpochPool} from "./EpochPool.sol";

/// @title ConsensusRewards
/// @notice Block-producer rewards: registered validators share each epoch's funding pro rata to their blocks.
contract ConsensusRewards is IConsensusRewards, EpochPool {
    using SafeCast for uint256;

    mapping(address validator => bool) private _validators;
    mapping(uint256 epoch => mapping(address validator => BlockRecord)) private _records;
    mapping(uint256 epoch => uint256) private _totalBlocks;

    /// @notice Deploys an empty pool without validators.
    /// @param token_ The token paid out (QRY).
    /// @param authority The preset's AccessManager.
    /// @param start When epoch 0 begins (unix seconds).
    /// @param epochLength Seconds per epoch.
    /// @param claimWindow_ Seconds an epoch stays claimable once funded.
    constructor(
        address token_,
        address authority,
        uint256 start,
        uint256 epochLength,
        uint256 claimWindow_
    ) EpochPool(token_, authority, start, epochLength, claimWindow_) {}

    /// @inheritdoc IConsensusRewards
    function setValidator(address validator, bool registered) external restricted {
        if (validator == address(0)) revert ZeroAddress();
        if (_validators[validator] == registered) revert ValidatorUnchanged(validator, registered);
        _validators[validator] = registered;
        emit ValidatorSet(validator, registered);
    }

    /// @inheritdoc IConsensusRewards
    function recordBlocks(uint256 epoch, address validator, uint256 blocks) external restricted {
        _requireOpen(epoch);
        if (!_validators[validator]) revert NotAValidator(validator);
        if (blocks == 0) revert ZeroBlocks();
        BlockRecord storage r = _records[epoch][validator];
        r.blocks = (r.blocks + blocks).toUint64();
        uint256 total = _totalBlocks[epoch] + blocks;
        _totalBlocks[epoch] = total;
        emit BlocksRecorded(epoch, validator, blocks, total);
    }

    /// @inheritdoc IConsensusRewards
    function claim(uint256 epoch) external returns (uint256 amount) {
        Ledger memory book = _openLedger(epoch);
        BlockRecord storage r = _records[epoch][msg.sender];
        if (r.claimed) revert AlreadyClaimed(epoch, msg.sender);
        amount = _share(book.funded, r.blocks, _totalBlocks[epoch]);
        if (amount == 0) revert NothingToClaim(epoch, msg.sender);
        r.claimed = true;
        emit Claimed(epoch, msg.sender, amount);
        _payClaim(epoch, book, msg.sender, amount);
    }

    /// @inheritdoc IConsensusRewards
    function claimable(uint256 epoch, address validator) external view returns (uint256) {
        BlockRecord memory r = _records[epoch][validator];
        if (r.claimed || !_claimsOpen(epoch)) return 0;
        return _share(_fundedOf(epoch), r.blocks, _totalBlocks[epoch]);
    }

    /// @inheritdoc IConsensusRewards
    function blockRecord(uint256 epoch, address validator) external view returns (BlockRecord memory) {
        return _records[epoch][validator];
    }

    /// @inheritdoc IConsensusRewards
    function totalBlocks(uint256 epoch) external view returns (uint256) {
        return _totalBlocks[epoch];
    }

    /// @inheritdoc IConsensusRewards
    function isValidator(address account) external view returns (bool) {
        return _validators[account];
    }

    /// @dev Everything, if any block was recorded in the epoch; nothing otherwise.
    function _accept(uint256 epoch, uint256 budget) internal view override returns (uint256) {
        return _totalBlocks[epoch] == 0 ? 0 : budget;
    }

    function _share(uint256 funded, uint256 blocks, uint256 total) private pure returns (uint256) {
        if (total == 0) return 0;
        return Math.mulDiv(funded, blocks, total, Math.Rounding.Floor);
    }

    function _poolParameter(bytes32 key) internal pure override returns (uint256) {
        revert UnknownParameter(key);
    }

    function _setPoolParameter(bytes32 key, uint256) internal pure override {
        revert UnknownParameter(key);
    }
}
