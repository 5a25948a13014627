// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {IDistributionPool} from "../interfaces/IDistributionPool.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {EpochClock} from "./EpochClock.sol";

/// @title EpochPool
/// @notice What every engine-funded QRY pool shares: one funding per ended epoch, claims against it within a claim
/// window, and the sweep of what was not claimed back to the engine.
/// @dev Inheritors record their participants during the open epoch, say in `_accept` how much of a budget those
/// participants can claim at most (the rest goes straight back), and pay claims through `_openLedger` and
/// `_payClaim`, which refuses any claim that would take an epoch above its funding. The pool holds only QRY (no
/// transfer hooks): checks-effects-interactions, no reentrancy guard.
abstract contract EpochPool is IDistributionPool, Parameterized, EpochClock {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    /// @inheritdoc IDistributionPool
    bytes32 public constant CLAIM_WINDOW = keccak256("distribution.claimWindow");

    IERC20 internal immutable _TOKEN;

    uint256 internal _claimWindow;
    mapping(uint256 epoch => Ledger) private _ledgers;

    /// @notice Sets the token, the clock and the first claim window.
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
    ) AccessManaged(authority) EpochClock(start, epochLength) {
        if (token_ == address(0)) revert InvalidToken();
        _TOKEN = IERC20(token_);
        _setClaimWindow(claimWindow_);
    }

    /// @inheritdoc IDistributionPool
    function fundEpoch(uint256 epoch, uint256 budget) external restricted returns (uint256 unused) {
        _requireOver(epoch);
        Ledger storage book = _ledgers[epoch];
        if (book.expiresAt != 0) revert EpochAlreadyFunded(epoch);
        uint256 funded = _accept(epoch, budget);
        // `_accept` never keeps more than the budget.
        unchecked {
            unused = budget - funded;
        }
        uint256 expiresAt = block.timestamp + _claimWindow;
        book.funded = funded.toUint96();
        book.expiresAt = expiresAt.toUint64();
        emit EpochFunded(epoch, budget, funded, expiresAt);
        if (unused > 0) _TOKEN.safeTransfer(msg.sender, unused);
    }

    /// @inheritdoc IDistributionPool
    function sweep(uint256 epoch) external restricted returns (uint256 remainder) {
        Ledger storage book = _ledgers[epoch];
        uint256 expiresAt = book.expiresAt;
        if (expiresAt == 0) revert EpochNotFunded(epoch);
        if (block.timestamp < expiresAt) revert ClaimWindowOpen(epoch, expiresAt);
        uint96 claimed = book.claimed;
        remainder = book.funded - claimed;
        if (remainder == 0) revert NothingToSweep(epoch);
        // The epoch closes at what was claimed; claims are over anyway.
        book.funded = claimed;
        emit Swept(epoch, remainder);
        _TOKEN.safeTransfer(msg.sender, remainder);
    }

    /// @inheritdoc IDistributionPool
    function ledger(uint256 epoch) external view returns (Ledger memory) {
        return _ledgers[epoch];
    }

    /// @inheritdoc IDistributionPool
    function claimWindow() external view returns (uint256) {
        return _claimWindow;
    }

    /// @inheritdoc IDistributionPool
    function token() external view returns (address) {
        return address(_TOKEN);
    }

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        if (key == CLAIM_WINDOW) return _claimWindow;
        return _poolParameter(key);
    }

    // ------------------------------------------------------------------ for inheritors

    /// @dev How much of `budget` the epoch's participants can claim at most; may store per-epoch budgets.
    function _accept(uint256 epoch, uint256 budget) internal virtual returns (uint256 funded);

    /// @dev Reads a parameter of the inheritor; reverts `UnknownParameter` for keys it does not have.
    function _poolParameter(bytes32 key) internal view virtual returns (uint256);

    /// @dev Stores a parameter of the inheritor; reverts `UnknownParameter` for keys it does not have.
    function _setPoolParameter(bytes32 key, uint256 value) internal virtual;

    /// @dev The epoch's ledger, if it is funded and its claim window open.
    function _openLedger(uint256 epoch) internal view returns (Ledger memory book) {
        book = _ledgers[epoch];
        if (book.expiresAt == 0) revert EpochNotFunded(epoch);
        if (block.timestamp >= book.expiresAt) revert ClaimWindowOver(epoch, book.expiresAt);
    }

    /// @dev Whether claims of `epoch` are open now.
    function _claimsOpen(uint256 epoch) internal view returns (bool) {
        uint256 expiresAt = _ledgers[epoch].expiresAt;
        return expiresAt != 0 && block.timestamp < expiresAt;
    }

    /// @dev What the epoch's participants may claim in total.
    function _fundedOf(uint256 epoch) internal view returns (uint256) {
        return _ledgers[epoch].funded;
    }

    /// @dev Adds `amount` to the epoch's claims (never above its funding) and pays `to`. `book` is the ledger read by
    /// `_openLedger` in the same call.
    function _payClaim(uint256 epoch, Ledger memory book, address to, uint256 amount) internal {
        uint256 claimed = uint256(book.claimed) + amount;
        if (claimed > book.funded) revert ClaimExceedsFunding(epoch, claimed, book.funded);
        // claimed <= funded, a uint96.
        _ledgers[epoch].claimed = uint96(claimed);
        _TOKEN.safeTransfer(to, amount);
    }

    // ------------------------------------------------------------------ internals

    function _setParameter(bytes32 key, uint256 value) internal override {
        if (key == CLAIM_WINDOW) _setClaimWindow(value);
        else _setPoolParameter(key, value);
    }

    /// @dev A claim window must be positive (or epochs would expire as they are funded) and fit 32 bits.
    function _setClaimWindow(uint256 value) private {
        if (value == 0 || value > type(uint32).max) revert InvalidParameterValue(CLAIM_WINDOW, value);
        _claimWindow = value;
    }
}
