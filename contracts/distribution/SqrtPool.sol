// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {ISqrtPool} from "../interfaces/ISqrtPool.sol";
import {IStakeReader} from "../interfaces/IStakeReader.sol";
import {ISubscriptionManager} from "../interfaces/ISubscriptionManager.sol";
import {SqrtShares} from "../libraries/SqrtShares.sol";
import {EpochPool} from "./EpochPool.sol";
import {BPS} from "../common/Constants.sol";

/// @title SqrtPool
/// @notice Square-root pool: an account's share of an epoch is `sqrt(V_a) / sum_i sqrt(V_i)`, kept in O(1) by a
/// running sum of roots, and at most `claimCap` of the value it was credited in the epoch when a cap is set. QRY
/// deploys three: query fulfillment (providers, no cap), integrators and portals (capped: paying oneself never pays).
contract SqrtPool is ISqrtPool, EpochPool {
    using SafeCast for uint256;

    /// @inheritdoc ISqrtPool
    bytes32 public constant MIN_STAKE = keccak256("distribution.minStake");
    /// @inheritdoc ISqrtPool
    bytes32 public constant CLAIM_CAP = keccak256("distribution.claimCap");

    /// @dev The creditor and the minimum stake, read together by every credit: one slot.
    struct Config {
        uint96 minStake;
        address creditor;
    }

    /// @dev An epoch's running sum of roots, the lowest minimum stake in force at any of its credits (what its claims
    /// are checked against: a later raise voids nothing earned), the claim cap in force when it was funded (zero:
    /// none) and the claim window in force at its first credit (how long past the epoch's end an identity pool asks
    /// locks to run; read once per epoch, not per identity). One slot, rewritten by every credit anyway. A sum of
    /// roots fits 112 bits: a root is below 2^95 (2^17 accounts at the largest value), and QRY's whole supply in one
    /// account is a root near 2^75.
    struct Totals {
        uint112 sumOfRoots;
        uint96 minStake;
        uint16 claimCapBps;
        uint32 lockWindow;
    }

    IStakeReader private immutable _STAKE_READER;
    /// @dev Whether an account qualifies on its own stake locked through the claim window (identity pools: QRY deploys
    /// all three so) rather than on its bonded stake, delegations included.
    bool private immutable _LOCKED_IDENTITY;

    Config private _config;
    uint16 private _claimCapBps;
    mapping(uint256 epoch => mapping(address account => Entry)) private _entries;
    mapping(uint256 epoch => Totals) private _totals;

    /// @notice Deploys an empty pool.
    /// @param token_ The token paid out (QRY).
    /// @param authority The preset's AccessManager.
    /// @param start When epoch 0 begins (unix seconds).
    /// @param epochLength Seconds per epoch.
    /// @param claimWindow_ Seconds an epoch stays claimable once funded.
    /// @param stakeReader_ Where stakes are read.
    /// @param minStake_ Bonded stake an account needs at every credit and at its claim (zero: none).
    /// @param claimCapBps_ The most an account may claim of an epoch, in basis points of the value it was credited in
    /// it (zero: no cap).
    /// @param lockedIdentity_ Whether the stake that qualifies an account is its own, locked until the end of the
    /// claim window of every epoch it is credited in (see `lockedIdentity`).
    constructor(
        address token_,
        address authority,
        uint256 start,
        uint256 epochLength,
        uint256 claimWindow_,
        address stakeReader_,
        uint256 minStake_,
        uint256 claimCapBps_,
        bool lockedIdentity_
    ) EpochPool(token_, authority, start, epochLength, claimWindow_) {
        if (stakeReader_ == address(0)) revert ZeroAddress();
        _STAKE_READER = IStakeReader(stakeReader_);
        _LOCKED_IDENTITY = lockedIdentity_;
        _setMinStake(minStake_);
        _setClaimCap(claimCapBps_);
    }

    /// @inheritdoc ISqrtPool
    function bindCreditor(address creditor_) external restricted {
        address bound = _config.creditor;
        if (bound != address(0) || creditor_ == address(0)) revert CreditorAlreadyBound(bound);
        // The creditor must be a subscription manager wired to this pool (an EOA or a manager of other pools would
        // leave the pool without credits for good).
        if (creditor_.code.length == 0) revert CreditorNotWired(creditor_);
        (address providers, address integrators, address portals) = ISubscriptionManager(creditor_).pools();
        if (providers != address(this) && integrators != address(this) && portals != address(this)) {
            revert CreditorNotWired(creditor_);
        }
        _config.creditor = creditor_;
        emit CreditorBound(creditor_);
    }

    /// @inheritdoc ISqrtPool
    function credit(uint256 epoch, address account, uint256 value) external {
        _credit(epoch, account, value, true);
    }

    /// @inheritdoc ISqrtPool
    function tryCredit(uint256 epoch, address account, uint256 value) external returns (bool credited) {
        return _credit(epoch, account, value, false);
    }

    /// @inheritdoc ISqrtPool
    function claim(uint256 epoch) external returns (uint256 amount) {
        Ledger memory book = _openLedger(epoch);
        Entry storage e = _entries[epoch][msg.sender];
        if (e.claimed) revert AlreadyClaimed(epoch, msg.sender);
        Totals memory t = _totals[epoch];
        // And again at the claim, against the minimum the epoch was credited under: an identity whose stake left
        // after its credits cannot collect, and a later raise of the minimum voids nothing earned. No lock is asked
        // here: the one checked at the first credit covered the claim window as it stood then.
        _qualifies(msg.sender, t.minStake, 0, true);
        amount = _capped(SqrtShares.shareOf(book.funded, e.root, t.sumOfRoots), e.value, t.claimCapBps);
        if (amount == 0) revert NothingToClaim(epoch, msg.sender);
        e.claimed = true;
        emit Claimed(epoch, msg.sender, amount);
        _payClaim(epoch, book, msg.sender, amount);
    }

    /// @inheritdoc ISqrtPool
    function claimable(uint256 epoch, address account) external view returns (uint256) {
        Entry memory e = _entries[epoch][account];
        Totals memory t = _totals[epoch];
        if (e.claimed || !_claimsOpen(epoch) || !_qualifies(account, t.minStake, 0, false)) return 0;
        return _capped(SqrtShares.shareOf(_fundedOf(epoch), e.root, t.sumOfRoots), e.value, t.claimCapBps);
    }

    /// @inheritdoc ISqrtPool
    function entryOf(uint256 epoch, address account) external view returns (Entry memory) {
        return _entries[epoch][account];
    }

    /// @inheritdoc ISqrtPool
    function sumOfRoots(uint256 epoch) external view returns (uint256) {
        return _totals[epoch].sumOfRoots;
    }

    /// @inheritdoc ISqrtPool
    function epochTerms(uint256 epoch) external view returns (uint256 minStake_, uint256 claimCapBps) {
        Totals memory t = _totals[epoch];
        return (t.minStake, t.claimCapBps);
    }

    /// @inheritdoc ISqrtPool
    function lockRequiredFor(uint256 epoch) external view returns (uint256) {
        if (!_LOCKED_IDENTITY) return 0;
        Totals memory t = _totals[epoch];
        return epochEnd(epoch) + (t.sumOfRoots == 0 ? _claimWindow : t.lockWindow);
    }

    /// @inheritdoc ISqrtPool
    function minStake() external view returns (uint256) {
        return _config.minStake;
    }

    /// @inheritdoc ISqrtPool
    function claimCap() external view returns (uint256) {
        return _claimCapBps;
    }

    /// @inheritdoc ISqrtPool
    function creditor() external view returns (address) {
        return _config.creditor;
    }

    /// @inheritdoc ISqrtPool
    function stakeReader() external view returns (address) {
        return address(_STAKE_READER);
    }

    /// @inheritdoc ISqrtPool
    function lockedIdentity() external view returns (bool) {
        return _LOCKED_IDENTITY;
    }

    /// @dev Adds `value` to `account` for the open epoch. An account that does not qualify reverts when `strict`,
    /// and is skipped (nothing written, `false`) otherwise.
    function _credit(uint256 epoch, address account, uint256 value, bool strict) private returns (bool) {
        // The bound creditor alone (the subscription manager), checked against the slot that holds the minimum stake.
        Config memory c = _config;
        if (msg.sender != c.creditor) revert OnlyCreditor(msg.sender);
        _requireOpen(epoch);
        if (account == address(0)) revert ZeroAddress();
        if (value == 0) revert ZeroValue();
        Entry memory e = _entries[epoch][account];
        Totals memory t = _totals[epoch];
        // The sum is zero only before the epoch's first credit, which records the minimum and the claim window; a
        // credit under a lower minimum lowers it (every account credited met at least the one recorded).
        if (t.sumOfRoots == 0) {
            t.minStake = c.minStake;
            // The claim window fits 32 bits (EpochPool's bound); only an identity pool reads it.
            if (_LOCKED_IDENTITY) t.lockWindow = uint32(_claimWindow);
        } else if (c.minStake < t.minStake) {
            t.minStake = c.minStake;
        }
        // Checked at every credit, not only the first of the epoch: a stake that moved away stops earning at once.
        // An identity pool also asks, at the account's first credit of the epoch, that its stake be locked until the
        // epoch's end plus its claim window: a lock is never shortened and locked self-stake cannot leave, so the
        // later credits of the epoch and its claim find the same stake, and no other identity can be credited on it
        // in the epoch (one stake, one identity per epoch).
        uint256 lockedUntil = _LOCKED_IDENTITY && e.value == 0 ? epochEnd(epoch) + t.lockWindow : 0;
        if (!_qualifies(account, c.minStake, lockedUntil, strict)) {
            emit CreditSkipped(epoch, account, value);
            return false;
        }
        uint128 newValue = (e.value + value).toUint128();
        uint256 root = SqrtShares.rootOf(newValue);
        // The old root is part of the sum; roots only grow with the value.
        uint256 sum = t.sumOfRoots - e.root + root;
        t.sumOfRoots = sum.toUint112();
        // root <= sqrt((2^128 - 1) * 1e18) < 2^95.
        _entries[epoch][account] = Entry({value: newValue, root: uint120(root), claimed: false});
        _totals[epoch] = t;
        emit Credited(epoch, account, value, newValue, sum);
        return true;
    }

    /// @dev Whether `account` qualifies under `minimum` (always, when it is zero: no call): active and staked at least
    /// `minimum` (an identity pool: its own stake, locked until at least `lockedUntil`; otherwise its bonded stake).
    /// When it does not and `strict`, reverts `InactiveProvider`, `StakeBelowMinimum` or `StakeNotLocked`.
    function _qualifies(
        address account,
        uint256 minimum,
        uint256 lockedUntil,
        bool strict
    ) private view returns (bool) {
        if (minimum == 0) return true;
        bool active;
        uint256 stake;
        uint256 lockEnd;
        if (_LOCKED_IDENTITY) (active, stake, lockEnd) = _STAKE_READER.identityStakeOf(account);
        else (active, stake) = _STAKE_READER.stakeOf(account);
        if (active && stake >= minimum && lockEnd >= lockedUntil) return true;
        if (!strict) return false;
        if (!active) revert InactiveProvider(account);
        if (stake < minimum) revert StakeBelowMinimum(account, stake, minimum);
        revert StakeNotLocked(account, lockEnd, lockedUntil);
    }

    /// @dev A share, at most `capBps` of the value credited (rounded down; zero `capBps`: the share).
    function _capped(uint256 share, uint256 value, uint256 capBps) private pure returns (uint256) {
        if (capBps == 0) return share;
        uint256 limit = (value * capBps) / BPS;
        return share < limit ? share : limit;
    }

    /// @dev Everything, if anyone earned value in the epoch (its claim cap is fixed now); nothing otherwise. What the
    /// cap holds back is never claimed and goes back to the engine at the sweep.
    function _accept(uint256 epoch, uint256 budget) internal override returns (uint256) {
        Totals storage t = _totals[epoch];
        if (t.sumOfRoots == 0) return 0;
        t.claimCapBps = _claimCapBps;
        return budget;
    }

    function _poolParameter(bytes32 key) internal view override returns (uint256) {
        if (key == MIN_STAKE) return _config.minStake;
        if (key == CLAIM_CAP) return _claimCapBps;
        revert UnknownParameter(key);
    }

    function _setPoolParameter(bytes32 key, uint256 value) internal override {
        if (key == MIN_STAKE) _setMinStake(value);
        else if (key == CLAIM_CAP) _setClaimCap(value);
        else revert UnknownParameter(key);
    }

    /// @dev A minimum stake fits 96 bits (79 billion QRY, beyond any supply), kept next to the creditor.
    function _setMinStake(uint256 value) private {
        if (value > type(uint96).max) revert InvalidParameterValue(MIN_STAKE, value);
        _config.minStake = uint96(value);
    }

    /// @dev A claim cap is at most 10,000 bps (all of the value credited); zero switches it off.
    function _setClaimCap(uint256 value) private {
        if (value > BPS) revert InvalidParameterValue(CLAIM_CAP, value);
        _claimCapBps = uint16(value);
    }
}
