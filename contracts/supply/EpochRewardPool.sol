// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {IEpochRewardPool} from "../interfaces/IEpochRewardPool.sol";
import {IRewardReceiver} from "../interfaces/IRewardReceiver.sol";

/// @title EpochRewardPool
/// @notice Reward buckets per epoch: the funder fills the current epoch's bucket, the distributor claims, and
/// what is not claimed within the claim window after the epoch's end can be burned by anyone.
/// @dev Holds only the protocol token (no transfer hooks): checks-effects-interactions, no reentrancy guard.
contract EpochRewardPool is IEpochRewardPool, AccessManaged {
    using SafeERC20 for IERC20;

    IERC20 private immutable _TOKEN;
    uint256 private immutable _START;
    uint256 private immutable _EPOCH_LENGTH;
    uint256 private immutable _CLAIM_WINDOW;

    mapping(uint256 epoch => uint256 unclaimed) private _buckets;
    uint256 private _totalUnclaimed;

    /// @notice Deploys an empty pool.
    /// @param token_ The protocol token (must be burnable by its holder: `ERC20Burnable.burn`).
    /// @param authority The preset's AccessManager.
    /// @param start When epoch 0 begins (unix seconds; the emission start).
    /// @param epochLength Seconds per epoch.
    /// @param claimWindow Seconds after an epoch's end during which its bucket can be claimed.
    constructor(
        address token_,
        address authority,
        uint256 start,
        uint256 epochLength,
        uint256 claimWindow
    ) AccessManaged(authority) {
        if (token_ == address(0) || epochLength == 0 || claimWindow == 0) revert InvalidConfiguration();
        _TOKEN = IERC20(token_);
        _START = start;
        _EPOCH_LENGTH = epochLength;
        _CLAIM_WINDOW = claimWindow;
    }

    /// @inheritdoc IRewardReceiver
    /// @dev Restricted to the REWARD_FUNDER role (the emission controller). Adds to the current epoch's bucket.
    function notifyRewardAmount(uint256 amount) external restricted {
        if (amount == 0) revert ZeroAmount();
        uint256 epoch = _currentEpoch();
        uint256 required = _totalUnclaimed + amount;
        uint256 balance = _TOKEN.balanceOf(address(this));
        if (balance < required) revert InsufficientFunding(balance, required);
        _buckets[epoch] += amount;
        _totalUnclaimed = required;
        emit RewardNotified(epoch, amount);
    }

    /// @inheritdoc IEpochRewardPool
    function claim(uint256 epoch, address to, uint256 amount) external restricted {
        if (to == address(0)) revert InvalidClaimTarget(to);
        if (amount == 0) revert ZeroAmount();
        uint256 expiresAt = _expiresAt(epoch);
        if (block.timestamp >= expiresAt) revert BucketExpired(epoch, expiresAt);
        uint256 available = _buckets[epoch];
        if (amount > available) revert ExceedsBucket(epoch, amount, available);
        // amount <= available <= _totalUnclaimed.
        unchecked {
            _buckets[epoch] = available - amount;
            _totalUnclaimed -= amount;
        }
        emit Claimed(epoch, to, amount);
        _TOKEN.safeTransfer(to, amount);
    }

    /// @inheritdoc IEpochRewardPool
    function burnExpired(uint256 epoch) external returns (uint256 amount) {
        uint256 expiresAt = _expiresAt(epoch);
        if (block.timestamp < expiresAt) revert BucketNotExpired(epoch, expiresAt);
        amount = _buckets[epoch];
        if (amount == 0) revert NothingToBurn(epoch);
        _buckets[epoch] = 0;
        // A bucket is part of the total.
        unchecked {
            _totalUnclaimed -= amount;
        }
        emit ExpiredBurned(epoch, amount);
        ERC20Burnable(address(_TOKEN)).burn(amount);
    }

    /// @inheritdoc IEpochRewardPool
    function currentEpoch() external view returns (uint256) {
        return _currentEpoch();
    }

    /// @inheritdoc IEpochRewardPool
    function bucket(uint256 epoch) external view returns (uint256 unclaimed, uint256 expiresAt) {
        return (_buckets[epoch], _START + (epoch + 1) * _EPOCH_LENGTH + _CLAIM_WINDOW);
    }

    /// @inheritdoc IEpochRewardPool
    function totalUnclaimed() external view returns (uint256) {
        return _totalUnclaimed;
    }

    /// @inheritdoc IEpochRewardPool
    function timing() external view returns (uint256 start, uint256 epochLength, uint256 claimWindow) {
        return (_START, _EPOCH_LENGTH, _CLAIM_WINDOW);
    }

    /// @inheritdoc IEpochRewardPool
    function token() external view returns (address) {
        return address(_TOKEN);
    }

    function _currentEpoch() private view returns (uint256) {
        if (block.timestamp < _START) revert NotStarted(_START);
        return (block.timestamp - _START) / _EPOCH_LENGTH;
    }

    /// @dev When an epoch that has begun stops being claimable; reverts for an epoch that has not begun.
    function _expiresAt(uint256 epoch) private view returns (uint256) {
        uint256 current = _currentEpoch();
        if (epoch > current) revert FutureEpoch(epoch, current);
        return _START + (epoch + 1) * _EPOCH_LENGTH + _CLAIM_WINDOW;
    }
}
