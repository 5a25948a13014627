// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IRewardReceiver} from "../interfaces/IRewardReceiver.sol";
import {IVoteLocker} from "../interfaces/IVoteLocker.sol";
import {IVotingWeight} from "../interfaces/IVotingWeight.sol";
import {BPS, WAD} from "../common/Constants.sol";

/// @title VoteLocker
/// @notice Lock staking for holders: boosted votes that follow the time left, long-term rewards by lock weight,
/// early exit with a penalty for the remaining lockers, and a reputation score from amount and lock age.
/// @dev Reward accounting. In week `j` (timestamps `[j*WEEK, (j+1)*WEEK)`) a lock `(a, e)` (end `e*WEEK`) weighs
/// `a * (e - 1 - j)` while `j <= e - 2`. Each accrual segment of week `j` adds `r = reward * WAD / W_j` to
/// `_accA` and `j * r` to `_accB`, so a lock earns `a * ((e-1) * dA - dB) / WAD` over any stretch in which its
/// `(a, e)` is constant: one subtraction of a per-account reference `(e-1) * A - B`, exact in integers.
/// A lock that stopped earning (week `e - 1` reached) reads the accumulators saved at boundary `e - 1`.
contract VoteLocker is IVoteLocker, AccessManaged, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    uint256 private constant WEEK = 7 days;
    /// @notice Bound on the week boundaries one user action processes (one cold read and at most one write each).
    uint256 public constant MAX_CATCH_UP_WEEKS = 52;

    /// @dev A vote checkpoint, which is also the account's current lock when it is the latest one.
    struct Point {
        uint48 timestamp;
        uint48 end;
        uint160 amount;
    }

    /// @dev Per account: checkpoint count, reputation age start, reward reference `(e-1)*A - B` at last settle.
    struct Account {
        uint32 count;
        uint48 ageStart;
        uint176 rewardRef;
    }

    IERC20 private immutable _TOKEN;
    uint256 private immutable _MAX_LOCK;
    uint256 private immutable _MAX_BOOST_BPS;
    uint256 private immutable _MAX_PENALTY_BPS;
    uint256 private immutable _REWARD_DURATION;
    uint256 private immutable _AGE_CAP;
    uint256 private immutable _MIN_LOCK;

    // Global state, packed so a lock rewrites few slots: weight, slope and update time together; the stream and
    // total locked together (with a flag that spares reading the held-back amount when there is none).
    uint112 private _totalWeight;
    uint96 private _slope;
    uint48 private _lastUpdate;
    uint128 private _accA;
    uint128 private _accB;
    uint48 private _periodFinish;
    uint96 private _rewardRate;
    uint96 private _totalLocked;
    uint128 private _rewardReserve;

    /// @dev Per week boundary `w`: the amount whose locks end at `w` and are still counted in `_slope`, and the
    /// accumulators `(A, B)` at `w`, saved only when some lock stops earning there.
    struct Week {
        uint256 slopeEnd;
        uint256 accAt;
    }

    mapping(uint256 week => Week) private _weeks;
    mapping(address account => Account) private _accounts;
    mapping(address account => mapping(uint256 index => Point)) private _points;
    mapping(address account => uint256) private _owed;

    /// @notice Sets the token, the manager and the preset's numbers.
    /// @param token_ The locked and reward token.
    /// @param manager The AccessManager (funding is restricted).
    /// @param c The configuration.
    constructor(IERC20 token_, address manager, Config memory c) AccessManaged(manager) {
        if (address(token_) == address(0)) revert InvalidConfig(6);
        if (c.maxLockDuration < 2 * WEEK || c.maxLockDuration > 10 * 365 days) revert InvalidConfig(0);
        if (c.maxBoostBps > 4 * BPS) revert InvalidConfig(1);
        if (c.maxPenaltyBps > BPS) revert InvalidConfig(2);
        if (c.rewardDuration == 0 || c.rewardDuration > 10 * 365 days) revert InvalidConfig(3);
        if (c.reputationAgeCap == 0) revert InvalidConfig(4);
        if (c.minLockAmount == 0) revert InvalidConfig(5);
        _TOKEN = token_;
        _MAX_LOCK = c.maxLockDuration;
        _MAX_BOOST_BPS = c.maxBoostBps;
        _MAX_PENALTY_BPS = c.maxPenaltyBps;
        _REWARD_DURATION = c.rewardDuration;
        _AGE_CAP = c.reputationAgeCap;
        _MIN_LOCK = c.minLockAmount;
        _lastUpdate = SafeCast.toUint48(block.timestamp);
    }

    // ------------------------------------------------------------------ locks

    /// @inheritdoc IVoteLocker
    function createLock(uint256 amount, uint256 duration) external nonReentrant {
        if (amount < _MIN_LOCK) revert LockBelowMinimum(amount, _MIN_LOCK);
        Account storage acc = _accounts[msg.sender];
        if (_current(msg.sender, acc).amount != 0) revert LockExists(msg.sender);
        uint256 week = _catchUp();
        uint256 end = _endFor(duration, week);
        _settle(msg.sender, acc, 0, 0, week);
        _addWeight(amount, end / WEEK, week);
        acc.ageStart = SafeCast.toUint48(block.timestamp);
        acc.rewardRef = _ref(end / WEEK);
        _push(msg.sender, acc, amount, end);
        _totalLocked += SafeCast.toUint96(amount);
        emit Locked(msg.sender, amount, amount, end);
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IVoteLocker
    function increaseAmount(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        Account storage acc = _accounts[msg.sender];
        Point memory p = _current(msg.sender, acc);
        if (p.amount == 0) revert NoLock(msg.sender);
        uint256 week = _catchUp();
        uint256 e = p.end / WEEK;
        if (e < week + 2) revert LockExpired(p.end);
        _settle(msg.sender, acc, p.amount, e, week);
        _addWeight(amount, e, week);
        // The added tokens start with age zero: the weighted age is old * amount / (amount + added), rounded down.
        uint256 age = Math.min(block.timestamp - acc.ageStart, _AGE_CAP);
        uint256 newAmount = p.amount + amount;
        acc.ageStart = SafeCast.toUint48(block.timestamp - Math.mulDiv(age, p.amount, newAmount));
        acc.rewardRef = _ref(e);
        _push(msg.sender, acc, newAmount, p.end);
        _totalLocked += SafeCast.toUint96(amount);
        emit Locked(msg.sender, amount, newAmount, p.end);
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IVoteLocker
    function extendLock(uint256 duration) external {
        Account storage acc = _accounts[msg.sender];
        Point memory p = _current(msg.sender, acc);
        if (p.amount == 0) revert NoLock(msg.sender);
        uint256 week = _catchUp();
        uint256 end = _endFor(duration, week);
        if (end <= p.end) revert EndNotLater(end, p.end);
        _settle(msg.sender, acc, p.amount, p.end / WEEK, week);
        _removeWeight(p.amount, p.end / WEEK, week);
        _addWeight(p.amount, end / WEEK, week);
        acc.rewardRef = _ref(end / WEEK);
        _push(msg.sender, acc, p.amount, end);
        emit Locked(msg.sender, 0, p.amount, end);
    }

    /// @inheritdoc IVoteLocker
    function withdraw() external nonReentrant {
        Account storage acc = _accounts[msg.sender];
        Point memory p = _current(msg.sender, acc);
        if (p.amount == 0) revert NoLock(msg.sender);
        if (block.timestamp < p.end) revert LockNotExpired(p.end, block.timestamp);
        uint256 week = _catchUp();
        _settle(msg.sender, acc, p.amount, p.end / WEEK, week);
        // An ended lock no longer counts in the reward weight (it left at boundary end - 1).
        _push(msg.sender, acc, 0, 0);
        acc.ageStart = 0;
        _totalLocked -= SafeCast.toUint96(p.amount);
        emit Withdrawn(msg.sender, p.amount);
        _TOKEN.safeTransfer(msg.sender, p.amount);
    }

    /// @inheritdoc IVoteLocker
    function exitEarly() external nonReentrant {
        Account storage acc = _accounts[msg.sender];
        Point memory p = _current(msg.sender, acc);
        if (p.amount == 0) revert NoLock(msg.sender);
        if (block.timestamp >= p.end) revert LockEnded(p.end);
        uint256 week = _catchUp();
        uint256 e = p.end / WEEK;
        _settle(msg.sender, acc, p.amount, e, week);
        _removeWeight(p.amount, e, week);
        uint256 penalty = Math.mulDiv(
            p.amount,
            _MAX_PENALTY_BPS * (p.end - block.timestamp),
            _MAX_LOCK * BPS,
            Math.Rounding.Ceil
        );
        uint256 returned = p.amount - penalty;
        _push(msg.sender, acc, 0, 0);
        acc.ageStart = 0;
        _totalLocked -= SafeCast.toUint96(p.amount);
        _rewardReserve += SafeCast.toUint128(penalty);
        _distribute(penalty, week);
        emit ExitedEarly(msg.sender, returned, penalty);
        if (returned != 0) _TOKEN.safeTransfer(msg.sender, returned);
    }

    /// @inheritdoc IVoteLocker
    function claim() external nonReentrant returns (uint256 paid) {
        Account storage acc = _accounts[msg.sender];
        Point memory p = _current(msg.sender, acc);
        uint256 week = _catchUp();
        _settle(msg.sender, acc, p.amount, p.end / WEEK, week);
        paid = _owed[msg.sender];
        if (paid == 0) revert ZeroAmount();
        _owed[msg.sender] = 0;
        _rewardReserve -= SafeCast.toUint128(paid);
        emit RewardPaid(msg.sender, paid);
        _TOKEN.safeTransfer(msg.sender, paid);
    }

    /// @inheritdoc IVoteLocker
    function checkpoint(uint256 maxWeeks) external returns (uint256 weeksBehind) {
        return _advance(maxWeeks);
    }

    /// @inheritdoc IRewardReceiver
    /// @dev Restricted (the preset's reward funder). The rate becomes (amount + what is left of the running
    /// stream) / rewardDuration; the pool must already hold the tokens.
    function notifyRewardAmount(uint256 amount) external restricted {
        if (amount == 0) revert ZeroAmount();
        _catchUp();
        uint256 required = uint256(_totalLocked) + _rewardReserve + amount;
        uint256 balance = _TOKEN.balanceOf(address(this));
        if (balance < required) revert InsufficientRewardBalance(balance, required);
        uint256 leftover = block.timestamp < _periodFinish ? (_periodFinish - block.timestamp) * _rewardRate : 0;
        uint256 rate = (amount + leftover) / _REWARD_DURATION;
        _rewardRate = SafeCast.toUint96(rate);
        _periodFinish = SafeCast.toUint48(block.timestamp + _REWARD_DURATION);
        _rewardReserve += SafeCast.toUint128(amount);
        emit RewardAdded(amount, rate, block.timestamp + _REWARD_DURATION);
    }

    // ------------------------------------------------------------------ votes (IVotingWeight)

    /// @inheritdoc IVotingWeight
    function clock() public view returns (uint48) {
        return SafeCast.toUint48(block.timestamp);
    }

    // solhint-disable func-name-mixedcase
    /// @inheritdoc IVotingWeight
    function CLOCK_MODE() external pure returns (string memory) {
        return "mode=timestamp";
    }
    // solhint-enable func-name-mixedcase

    /// @inheritdoc IVotingWeight
    function getVotes(address account) external view returns (uint256) {
        Point memory p = _current(account, _accounts[account]);
        return _voteWeight(p.amount, p.end, block.timestamp);
    }

    /// @inheritdoc IVotingWeight
    function getPastVotes(address account, uint256 timepoint) external view returns (uint256) {
        uint48 currentClock = clock();
        if (timepoint >= currentClock) revert FutureLookup(timepoint, currentClock);
        // Binary search for the last checkpoint at or before `timepoint` (a view: O(log n)).
        uint256 low = 0;
        uint256 high = _accounts[account].count;
        mapping(uint256 => Point) storage pts = _points[account];
        while (low < high) {
            uint256 mid = Math.average(low, high);
            if (pts[mid].timestamp > timepoint) high = mid;
            else low = mid + 1;
        }
        if (high == 0) return 0;
        Point memory p = pts[high - 1];
        return _voteWeight(p.amount, p.end, timepoint);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IVoteLocker
    function lockOf(address account) external view returns (LockInfo memory) {
        Account storage acc = _accounts[account];
        Point memory p = _current(account, acc);
        return LockInfo(p.amount, p.end, p.amount == 0 ? 0 : acc.ageStart);
    }

    /// @inheritdoc IVoteLocker
    function activeLockedOf(address account) public view returns (uint256) {
        Point memory p = _current(account, _accounts[account]);
        return block.timestamp < p.end ? p.amount : 0;
    }

    /// @inheritdoc IVoteLocker
    function rewardWeightOf(address account) external view returns (uint256) {
        Point memory p = _current(account, _accounts[account]);
        uint256 e = p.end / WEEK;
        uint256 week = block.timestamp / WEEK;
        return e >= week + 2 ? uint256(p.amount) * (e - 1 - week) : 0;
    }

    /// @inheritdoc IVoteLocker
    function totalRewardWeight() external view returns (uint256) {
        uint256 week = _lastUpdate / WEEK;
        uint256 target = block.timestamp / WEEK;
        uint256 w = _totalWeight;
        uint256 s = _slope;
        // View only: walks the pending boundaries like `_advance` does.
        while (week < target) {
            ++week;
            w -= s;
            s -= _weeks[week + 1].slopeEnd;
        }
        return w;
    }

    /// @inheritdoc IVoteLocker
    function earned(address account) external view returns (uint256) {
        Account storage acc = _accounts[account];
        Point memory p = _current(account, acc);
        uint256 owed = _owed[account];
        if (p.amount == 0) return owed;
        uint256 e = p.end / WEEK;
        (uint256 a, uint256 b, uint256 snapA, uint256 snapB) = _simulate(e - 1);
        if (block.timestamp / WEEK >= e - 1) {
            if (_lastUpdate / WEEK >= e - 1) (a, b) = _unpack(_weeks[e - 1].accAt);
            else (a, b) = (snapA, snapB);
        }
        uint256 refNow = (e - 1) * a - b;
        uint256 ref = acc.rewardRef;
        return refNow > ref ? owed + Math.mulDiv(p.amount, refNow - ref, WAD) : owed;
    }

    /// @inheritdoc IVoteLocker
    function reputationOf(address account) external view returns (uint256) {
        Account storage acc = _accounts[account];
        Point memory p = _current(account, acc);
        if (block.timestamp >= p.end) return 0;
        uint256 age = Math.min(block.timestamp - acc.ageStart, _AGE_CAP);
        return Math.mulDiv(p.amount, age, _AGE_CAP);
    }

    /// @inheritdoc IVoteLocker
    function totalLocked() external view returns (uint256) {
        return _totalLocked;
    }

    /// @inheritdoc IVoteLocker
    function rewardReserve() external view returns (uint256) {
        return _rewardReserve;
    }

    /// @inheritdoc IVoteLocker
    function config() external view returns (Config memory) {
        return Config(_MAX_LOCK, _MAX_BOOST_BPS, _MAX_PENALTY_BPS, _REWARD_DURATION, _AGE_CAP, _MIN_LOCK);
    }

    /// @inheritdoc IVoteLocker
    function token() external view returns (address) {
        return address(_TOKEN);
    }

    // ------------------------------------------------------------------ internals

    function _voteWeight(uint256 amount, uint256 end, uint256 t) private view returns (uint256) {
        if (amount == 0) return 0;
        if (t >= end) return amount;
        return amount + Math.mulDiv(amount, _MAX_BOOST_BPS * (end - t), _MAX_LOCK * BPS);
    }

    function _current(address account, Account storage acc) private view returns (Point memory p) {
        uint256 n = acc.count;
        if (n != 0) p = _points[account][n - 1];
    }

    /// @dev Appends a checkpoint, or overwrites the latest one when it carries the same timestamp.
    function _push(address account, Account storage acc, uint256 amount, uint256 end) private {
        uint256 n = acc.count;
        Point memory p = Point(SafeCast.toUint48(block.timestamp), SafeCast.toUint48(end), SafeCast.toUint160(amount));
        if (n != 0 && _points[account][n - 1].timestamp == block.timestamp) {
            _points[account][n - 1] = p;
        } else {
            _points[account][n] = p;
            acc.count = SafeCast.toUint32(n + 1);
        }
    }

    /// @dev The lock end for `duration` from now, rounded down to a week boundary, checked against both bounds.
    function _endFor(uint256 duration, uint256 week) private view returns (uint256 end) {
        if (duration > _MAX_LOCK) revert LockTooLong(duration, _MAX_LOCK);
        end = ((block.timestamp + duration) / WEEK) * WEEK;
        uint256 minEnd = (week + 2) * WEEK;
        if (end < minEnd) revert LockTooShort(end, minEnd);
    }

    function _ref(uint256 e) private view returns (uint176) {
        return SafeCast.toUint176((e - 1) * uint256(_accA) - _accB);
    }

    /// @dev Credits what the lock `(amount, e)` earned since its last settle; `e == 0` means no lock.
    function _settle(address account, Account storage acc, uint256 amount, uint256 e, uint256 week) private {
        if (amount == 0 || e == 0) return;
        uint256 a = _accA;
        uint256 b = _accB;
        // Once week e - 1 is reached the lock weighs nothing: read the accumulators saved at that boundary.
        if (week >= e - 1) (a, b) = _unpack(_weeks[e - 1].accAt);
        uint256 refNow = (e - 1) * a - b;
        uint256 ref = acc.rewardRef;
        if (refNow > ref) {
            _owed[account] += Math.mulDiv(amount, refNow - ref, WAD);
            acc.rewardRef = SafeCast.toUint176(refNow);
        }
    }

    function _addWeight(uint256 amount, uint256 e, uint256 week) private {
        // Callers guarantee e >= week + 2.
        _totalWeight += SafeCast.toUint112(amount * (e - 1 - week));
        _slope += SafeCast.toUint96(amount);
        _weeks[e].slopeEnd += amount;
    }

    function _removeWeight(uint256 amount, uint256 e, uint256 week) private {
        if (e < week + 2) return; // already out of the weight (left at boundary e - 1)
        _totalWeight -= SafeCast.toUint112(amount * (e - 1 - week));
        _slope -= SafeCast.toUint96(amount);
        _weeks[e].slopeEnd -= amount;
    }

    /// @dev Shares a penalty among the current reward weight now; with no weight it joins the stream (streamed over
    /// `rewardDuration` from now with what is left of it), so no first locker can take it in one block.
    function _distribute(uint256 amount, uint256 week) private {
        if (amount == 0) return;
        uint256 total = _totalWeight;
        if (total == 0) {
            uint256 finish = _periodFinish;
            uint256 leftover = block.timestamp < finish ? (finish - block.timestamp) * _rewardRate : 0;
            _rewardRate = SafeCast.toUint96((amount + leftover) / _REWARD_DURATION);
            _periodFinish = SafeCast.toUint48(block.timestamp + _REWARD_DURATION);
            return;
        }
        uint256 r = Math.mulDiv(amount, WAD, total);
        _accA += SafeCast.toUint128(r);
        _accB += SafeCast.toUint128(week * r);
    }

    /// @dev Accrues the stream over `[from, to)` of week `week`; with no reward weight the stream pauses (its end
    /// moves later by the idle time) instead of piling up for whoever locks first.
    function _stream(uint256 from, uint256 to, uint256 week) private {
        if (_totalWeight == 0) {
            uint256 finish = _periodFinish;
            if (from < finish) _periodFinish = SafeCast.toUint48(finish + (Math.min(to, finish) - from));
            return;
        }
        _distribute(_pendingReward(from, to, _periodFinish), week);
    }

    /// @dev `_advance` in memory (a view): the accumulators now, and at boundary `snapWeek` if it is crossed.
    function _simulate(uint256 snapWeek) private view returns (uint256 a, uint256 b, uint256 snapA, uint256 snapB) {
        uint256 t = _lastUpdate;
        uint256 week = t / WEEK;
        uint256 target = block.timestamp / WEEK;
        uint256 w = _totalWeight;
        uint256 s = _slope;
        uint256 finish = _periodFinish;
        (a, b) = (_accA, _accB);
        while (true) {
            uint256 segEnd = week < target ? (week + 1) * WEEK : block.timestamp;
            if (w == 0) {
                if (t < finish) finish += Math.min(segEnd, finish) - t;
            } else {
                uint256 amount = _pendingReward(t, segEnd, finish);
                if (amount != 0) {
                    uint256 r = Math.mulDiv(amount, WAD, w);
                    a += r;
                    b += week * r;
                }
            }
            if (week == target) break;
            t = segEnd;
            ++week;
            w -= s;
            s -= _weeks[week + 1].slopeEnd;
            if (week == snapWeek) (snapA, snapB) = (a, b);
        }
    }

    function _pendingReward(uint256 from, uint256 to, uint256 finish) private view returns (uint256) {
        if (from >= finish) return 0;
        return (Math.min(to, finish) - from) * _rewardRate;
    }

    /// @dev Brings the global state to now within the user-path bound; returns the current week.
    function _catchUp() private returns (uint256 week) {
        uint256 behind = _advance(MAX_CATCH_UP_WEEKS);
        if (behind != 0) revert CheckpointBehind(behind);
        return block.timestamp / WEEK;
    }

    /// @dev Accrues the stream up to now, crossing at most `maxWeeks` week boundaries.
    function _advance(uint256 maxWeeks) private returns (uint256 weeksBehind) {
        uint256 t = _lastUpdate;
        uint256 week = t / WEEK;
        uint256 target = block.timestamp / WEEK;
        uint256 crossed = 0;
        while (week < target && crossed < maxWeeks) {
            uint256 boundary = (week + 1) * WEEK;
            _stream(t, boundary, week);
            t = boundary;
            ++week;
            ++crossed;
            // Every earning lock loses one week of weight; locks ending at week + 1 stop earning now.
            _totalWeight -= _slope;
            uint256 ending = _weeks[week + 1].slopeEnd;
            if (ending != 0) {
                _slope -= SafeCast.toUint96(ending);
                _weeks[week].accAt = _pack(_accA, _accB);
            }
        }
        if (week == target) {
            _stream(t, block.timestamp, week);
            t = block.timestamp;
        } else {
            weeksBehind = target - week;
        }
        _lastUpdate = SafeCast.toUint48(t);
    }

    function _pack(uint256 a, uint256 b) private pure returns (uint256) {
        return (a << 128) | b;
    }

    function _unpack(uint256 v) private pure returns (uint256 a, uint256 b) {
        return (v >> 128, uint128(v));
    }
}
