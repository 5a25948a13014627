// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IWorkerPool} from "../interfaces/IWorkerPool.sol";
import {GuardianPausable} from "../common/GuardianPausable.sol";

/// @title WorkerPool
/// @notice The worker-proposal budget: governance grants streams, workers claim what has vested.
contract WorkerPool is IWorkerPool, GuardianPausable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @inheritdoc IWorkerPool
    uint256 public constant MAX_GRANT_DURATION = 4 * 365 days;

    IERC20 private immutable _TOKEN;

    mapping(uint256 grantId => Grant) private _grants;
    uint256 private _grantCount;
    uint256 private _committed;

    /// @notice Deploys an empty pool; tokens arrive by plain transfers (from the distribution engine).
    /// @param authority The preset's AccessManager.
    /// @param token_ The token the pool pays in.
    /// @param pauseDuration_ The guardian's pause duration in seconds (the preset).
    constructor(
        address authority,
        IERC20 token_,
        uint256 pauseDuration_
    ) AccessManaged(authority) GuardianPausable(pauseDuration_) {
        _TOKEN = token_;
    }

    /// @inheritdoc IWorkerPool
    function createGrant(address recipient, uint256 amount, uint256 duration) external restricted returns (uint256) {
        if (recipient == address(0) || recipient == address(this)) revert InvalidRecipient(recipient);
        if (amount == 0) revert ZeroAmount();
        if (duration > MAX_GRANT_DURATION) revert GrantDurationTooLong(duration, MAX_GRANT_DURATION);
        uint256 free = _available();
        if (amount > free) revert InsufficientBudget(amount, free);

        uint256 grantId = ++_grantCount;
        _committed += amount;
        _grants[grantId] = Grant({
            recipient: recipient,
            start: SafeCast.toUint48(block.timestamp),
            duration: SafeCast.toUint48(duration),
            amount: SafeCast.toUint128(amount),
            claimed: 0
        });
        emit GrantCreated(grantId, recipient, amount, block.timestamp, duration);
        return grantId;
    }

    /// @inheritdoc IWorkerPool
    function claim(uint256 grantId) external whenNotPaused nonReentrant returns (uint256 amount) {
        Grant storage g = _grants[grantId];
        address recipient = g.recipient;
        if (recipient == address(0)) revert UnknownGrant(grantId);
        uint256 vested = _vested(g);
        amount = vested - g.claimed;
        if (amount == 0) revert NothingToClaim(grantId);

        g.claimed = SafeCast.toUint128(vested);
        // amount is part of committed: every grant's unclaimed remainder is counted there.
        unchecked {
            _committed -= amount;
        }
        emit Claimed(grantId, recipient, amount);
        _TOKEN.safeTransfer(recipient, amount);
    }

    /// @inheritdoc IWorkerPool
    function cancelGrant(uint256 grantId) external restricted {
        Grant storage g = _grants[grantId];
        if (g.recipient == address(0)) revert UnknownGrant(grantId);
        uint256 vested = _vested(g);
        uint256 released = g.amount - vested;
        if (released == 0) revert GrantNotCancellable(grantId);

        // The grant now pays exactly what had vested, all of it claimable at once.
        g.amount = SafeCast.toUint128(vested);
        g.duration = 0;
        // released <= amount - claimed, which is part of committed.
        unchecked {
            _committed -= released;
        }
        emit GrantCancelled(grantId, released);
    }

    /// @inheritdoc IWorkerPool
    function grant(uint256 grantId) external view returns (Grant memory) {
        return _grants[grantId];
    }

    /// @inheritdoc IWorkerPool
    function claimable(uint256 grantId) external view returns (uint256) {
        Grant storage g = _grants[grantId];
        return _vested(g) - g.claimed;
    }

    /// @inheritdoc IWorkerPool
    function committed() external view returns (uint256) {
        return _committed;
    }

    /// @inheritdoc IWorkerPool
    function available() external view returns (uint256) {
        return _available();
    }

    /// @inheritdoc IWorkerPool
    function grantCount() external view returns (uint256) {
        return _grantCount;
    }

    /// @inheritdoc IWorkerPool
    function token() external view returns (address) {
        return address(_TOKEN);
    }

    function _available() private view returns (uint256) {
        uint256 balance = _TOKEN.balanceOf(address(this));
        // The balance covers every commitment unless tokens were taken by force; report zero then.
        return balance > _committed ? balance - _committed : 0;
    }

    /// @dev Linear vesting, rounded down (the pool keeps the dust until the stream ends).
    function _vested(Grant storage g) private view returns (uint256) {
        uint256 amount = g.amount;
        uint256 duration = g.duration;
        uint256 elapsed = block.timestamp - g.start;
        if (elapsed >= duration) return amount;
        return Math.mulDiv(amount, elapsed, duration, Math.Rounding.Floor);
    }
}
