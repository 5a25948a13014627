// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {IDistributionEngine} from "../interfaces/IDistributionEngine.sol";
import {IDistributionPool} from "../interfaces/IDistributionPool.sol";
import {IEpochClock} from "../interfaces/IEpochClock.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IRewardReceiver} from "../interfaces/IRewardReceiver.sol";
import {IStakeReader} from "../interfaces/IStakeReader.sol";
import {ISubscriptionManager} from "../interfaces/ISubscriptionManager.sol";
import {LinearMix} from "../libraries/LinearMix.sol";
import {UsageMultiplier} from "../libraries/UsageMultiplier.sol";
import {EpochClock} from "./EpochClock.sol";
import {BPS, WAD} from "../common/Constants.sol";

/// @title DistributionEngine
/// @notice Splits each epoch's issuance and subscription revenue among QRY's pools by the chain-maturity mix,
/// owes each pool its share times the usage multiplier and keeps the rest in the pool's reserve.
/// @dev Funds are counted by balance: whatever the engine holds above the reserves and pending budgets (`held`) is
/// new and is split at the next close, so the engine needs no notification from the emission controller. Closing
/// calls the subscription manager and the stake reader (fixed at deployment) but no pool: it records the eight
/// budgets in four slots, and each pool is paid by a separate `fund` (pull model). Reserves live in four packed
/// slots. `closeEpoch`, `fund` and `sweep` are `nonReentrant`.
contract DistributionEngine is IDistributionEngine, Parameterized, EpochClock, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    /// @notice Most pools an engine pays; closing loops over them.
    uint256 public constant MAX_POOLS = 8;
    /// @notice The highest multiplier governance may set: 10x.
    uint256 public constant MAX_MULTIPLIER = 10e18;

    /// @inheritdoc IDistributionEngine
    bytes32 public constant REVENUE_TARGET = keccak256("distribution.revenueTarget");
    /// @inheritdoc IDistributionEngine
    bytes32 public constant ACTIVE_TARGET = keccak256("distribution.activeTarget");
    /// @inheritdoc IDistributionEngine
    bytes32 public constant STAKE_TARGET = keccak256("distribution.stakeTarget");
    /// @inheritdoc IDistributionEngine
    bytes32 public constant REVENUE_WEIGHT = keccak256("distribution.revenueWeight");
    /// @inheritdoc IDistributionEngine
    bytes32 public constant ACTIVE_WEIGHT = keccak256("distribution.activeWeight");
    /// @inheritdoc IDistributionEngine
    bytes32 public constant STAKE_WEIGHT = keccak256("distribution.stakeWeight");
    /// @inheritdoc IDistributionEngine
    bytes32 public constant MULTIPLIER_MIN = keccak256("distribution.multiplierMin");
    /// @inheritdoc IDistributionEngine
    bytes32 public constant MULTIPLIER_MAX = keccak256("distribution.multiplierMax");
    /// @dev Bit 0 of a recorded budget: still to be paid. The budget itself is the entry shifted right by one.
    uint256 private constant PENDING = 1;

    /// @dev The usage multiplier's parameters, packed in two slots (read together at every close).
    struct UsageParams {
        uint128 revenueTarget;
        uint128 stakeTarget;
        uint64 activeTarget;
        uint16 revenueWeight;
        uint16 activeWeight;
        uint16 stakeWeight;
        uint64 minWad;
        uint64 maxWad;
    }

    /// @dev Where the stake measure's window last ended and the measure it gave. One slot.
    struct StakeMark {
        uint64 endedAt;
        uint192 stake;
    }

    IERC20 private immutable _TOKEN;
    ISubscriptionManager private immutable _SUBSCRIPTIONS;
    IStakeReader private immutable _STAKE_READER;

    Pool[] private _pools;
    uint64 private _mixStart;
    uint64 private _mixEnd;
    UsageParams private _usage;
    uint256 private _held;
    uint256 private _nextEpoch;
    StakeMark private _stakeMark;
    /// @dev The stake reader's stake-seconds at `_stakeMark.endedAt`.
    uint256 private _stakeSecondsMark;
    uint128[MAX_POOLS] private _reserves;
    mapping(uint256 epoch => EpochSummary) private _summaries;
    /// @dev Per epoch, each pool's budget times two, plus `PENDING` until it is paid (two pools a slot).
    mapping(uint256 epoch => uint128[MAX_POOLS]) private _budgets;

    /// @notice Deploys the engine with its pools (fixed for good) and their first mix. The token and the epoch clock
    /// are the subscription manager's.
    /// @param authority The preset's AccessManager.
    /// @param subscriptions_ The subscription manager.
    /// @param stakeReader_ Where the bonded stake is read.
    /// @param pools_ The pools (1 to `MAX_POOLS`), weights adding up to 10,000 at both ends; epoch pools run the
    /// same clock, notified pools are contracts.
    /// @param mixStart When weights start moving (unix seconds).
    /// @param mixEnd When they reach the mature mix.
    /// @param usage The usage multiplier's parameters.
    constructor(
        address authority,
        address subscriptions_,
        address stakeReader_,
        Pool[] memory pools_,
        uint64 mixStart,
        uint64 mixEnd,
        UsageMultiplier.Config memory usage
    ) AccessManaged(authority) EpochClock(_clockStart(subscriptions_), _clockLength(subscriptions_)) {
        if (stakeReader_ == address(0)) revert InvalidConfiguration();
        _TOKEN = IERC20(ISubscriptionManager(subscriptions_).token());
        _SUBSCRIPTIONS = ISubscriptionManager(subscriptions_);
        _STAKE_READER = IStakeReader(stakeReader_);
        // Epoch 0's stake window starts at deployment.
        (uint256 cumulative, uint256 updatedAt, uint256 bonded) = IStakeReader(stakeReader_).stakeSeconds();
        _stakeSecondsMark = cumulative + bonded * (block.timestamp - updatedAt);
        _stakeMark.endedAt = uint64(block.timestamp);

        uint256 n = pools_.length;
        if (n == 0 || n > MAX_POOLS) revert InvalidPoolCount(n, MAX_POOLS);
        uint16[] memory startBps = new uint16[](n);
        uint16[] memory endBps = new uint16[](n);
        for (uint256 i; i < n; ++i) {
            Pool memory p = pools_[i];
            if (p.account == address(0) || p.account == address(this)) revert InvalidPool(p.account);
            if (p.kind != PoolKind.Plain && p.account.code.length == 0) revert InvalidPool(p.account);
            if (p.kind == PoolKind.Epoch && !_sameClock(p.account)) revert ClockMismatch(p.account);
            // Quadratic in at most eight pools.
            for (uint256 j; j < i; ++j) {
                if (pools_[j].account == p.account) revert DuplicatePool(p.account);
            }
            _pools.push(p);
            startBps[i] = p.startBps;
            endBps[i] = p.endBps;
        }
        _setMix(startBps, endBps, mixStart, mixEnd);

        _setUsage(REVENUE_TARGET, usage.revenueTarget);
        _setUsage(ACTIVE_TARGET, usage.activeTarget);
        _setUsage(STAKE_TARGET, usage.stakeTarget);
        _setUsage(REVENUE_WEIGHT, usage.revenueWeight);
        _setUsage(ACTIVE_WEIGHT, usage.activeWeight);
        _setUsage(STAKE_WEIGHT, usage.stakeWeight);
        _setUsage(MULTIPLIER_MIN, usage.minWad);
        _setUsage(MULTIPLIER_MAX, usage.maxWad);
        if (usage.revenueWeight + usage.activeWeight + usage.stakeWeight == 0) {
            revert InvalidParameterValue(STAKE_WEIGHT, usage.stakeWeight);
        }
    }

    // ------------------------------------------------------------------ closing epochs

    /// @inheritdoc IDistributionEngine
    function closeEpoch() external nonReentrant returns (uint256 epoch) {
        epoch = _nextEpoch;
        uint256 endsAt = epochEnd(epoch);
        if (block.timestamp < endsAt) revert EpochNotOver(epoch, endsAt);

        // Our own subscription manager hands over the revenue and rolls the epoch's measures forward; what follows
        // depends on what it sent. No pool is called: each is paid by `fund`.
        uint256 collected = _SUBSCRIPTIONS.collect();
        uint256 multiplier = _measure(epoch, endsAt, collected);
        _split(epoch, endsAt, multiplier);
    }

    /// @inheritdoc IDistributionEngine
    function fund(uint256 index, uint256 epoch) external nonReentrant returns (uint256 budget, uint256 returned) {
        uint256 n = _pools.length;
        if (index >= n) revert UnknownPool(index, n);
        uint256 entry = _budgets[epoch][index];
        if (entry & PENDING == 0) revert NothingPending(index, epoch);
        budget = entry >> 1;
        // Paid: the flag is cleared (the budget stays readable). entry < 2^128.
        _budgets[epoch][index] = uint128(entry - PENDING);
        _held -= budget;
        // Our own pool (fixed at deployment); if it reverts, all of this is undone and the budget stays pending.
        returned = _pay(_pools[index], epoch, budget);
        uint256 reserve = _reserves[index];
        if (returned > 0) {
            // The pool sent `returned` back during `fundEpoch`: it rejoins the pool's reserve.
            reserve += returned;
            _reserves[index] = reserve.toUint128();
            _held += returned;
        }
        emit PoolFunded(epoch, index, budget, returned, reserve);
    }

    /// @inheritdoc IDistributionEngine
    function sweep(uint256 index, uint256 epoch) external nonReentrant returns (uint256 amount) {
        uint256 n = _pools.length;
        if (index >= n) revert UnknownPool(index, n);
        Pool memory p = _pools[index];
        if (p.kind != PoolKind.Epoch) revert NotAnEpochPool(index);
        // Our own pool sends the remainder to this engine; it rejoins the pool's reserve.
        amount = IDistributionPool(p.account).sweep(epoch);
        uint256 reserve = _reserves[index] + amount;
        _reserves[index] = reserve.toUint128();
        _held += amount;
        emit ReserveRestored(index, epoch, amount, reserve);
    }

    /// @inheritdoc IDistributionEngine
    function setMix(
        uint16[] calldata startBps,
        uint16[] calldata endBps,
        uint64 mixStart,
        uint64 mixEnd
    ) external restricted {
        _setMix(startBps, endBps, mixStart, mixEnd);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IDistributionEngine
    function usageMultiplier(uint256 revenue, uint256 active, uint256 stake) external view returns (uint256) {
        return
            UsageMultiplier.compute(
                UsageMultiplier.Measures({revenue: revenue, active: active, stake: stake}),
                _usageConfig()
            );
    }

    /// @inheritdoc IDistributionEngine
    function usageConfig() external view returns (UsageMultiplier.Config memory) {
        return _usageConfig();
    }

    /// @inheritdoc IDistributionEngine
    function weightsAt(uint256 timestamp) external view returns (uint256[] memory weights) {
        uint256 n = _pools.length;
        weights = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            Pool memory p = _pools[i];
            (uint256 weight, uint256 scale) = LinearMix.weight(p.startBps, p.endBps, timestamp, _mixStart, _mixEnd);
            weights[i] = Math.mulDiv(weight, BPS, scale, Math.Rounding.Floor);
        }
    }

    /// @inheritdoc IDistributionEngine
    function pools() external view returns (Pool[] memory) {
        return _pools;
    }

    /// @inheritdoc IDistributionEngine
    function mixWindow() external view returns (uint64 mixStart, uint64 mixEnd) {
        return (_mixStart, _mixEnd);
    }

    /// @inheritdoc IDistributionEngine
    function reserveOf(uint256 index) external view returns (uint256) {
        return index < MAX_POOLS ? _reserves[index] : 0;
    }

    /// @inheritdoc IDistributionEngine
    function budgetOf(uint256 index, uint256 epoch) external view returns (uint256 budget, bool pending) {
        if (index >= MAX_POOLS) return (0, false);
        uint256 entry = _budgets[epoch][index];
        return (entry >> 1, entry & PENDING != 0);
    }

    /// @inheritdoc IDistributionEngine
    function lastBondedStake() external view returns (uint256) {
        return _stakeMark.stake;
    }

    /// @inheritdoc IDistributionEngine
    function held() external view returns (uint256) {
        return _held;
    }

    /// @inheritdoc IDistributionEngine
    function nextEpoch() external view returns (uint256) {
        return _nextEpoch;
    }

    /// @inheritdoc IDistributionEngine
    function epochSummary(uint256 epoch) external view returns (EpochSummary memory) {
        return _summaries[epoch];
    }

    /// @inheritdoc IDistributionEngine
    function subscriptions() external view returns (address) {
        return address(_SUBSCRIPTIONS);
    }

    /// @inheritdoc IDistributionEngine
    function stakeReader() external view returns (address) {
        return address(_STAKE_READER);
    }

    /// @inheritdoc IDistributionEngine
    function token() external view returns (address) {
        return address(_TOKEN);
    }

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        UsageParams memory u = _usage;
        if (key == REVENUE_TARGET) return u.revenueTarget;
        if (key == ACTIVE_TARGET) return u.activeTarget;
        if (key == STAKE_TARGET) return u.stakeTarget;
        if (key == REVENUE_WEIGHT) return u.revenueWeight;
        if (key == ACTIVE_WEIGHT) return u.activeWeight;
        if (key == STAKE_WEIGHT) return u.stakeWeight;
        if (key == MULTIPLIER_MIN) return u.minWad;
        if (key == MULTIPLIER_MAX) return u.maxWad;
        revert UnknownParameter(key);
    }

    // ------------------------------------------------------------------ internals

    /// @dev The epoch's usage multiplier from its measures; emits `EpochClosed` with them.
    function _measure(uint256 epoch, uint256 endsAt, uint256 collected) private returns (uint256 multiplier) {
        ISubscriptionManager.EpochStats memory stats = _SUBSCRIPTIONS.epochStats(epoch);
        uint256 bonded = _stakeMeasure(epoch, endsAt);
        multiplier = UsageMultiplier.compute(
            UsageMultiplier.Measures({revenue: stats.revenue, active: stats.active, stake: bonded}),
            _usageConfig()
        );
        uint256 incoming = _TOKEN.balanceOf(address(this)) - _held;
        emit EpochClosed(epoch, incoming, collected, multiplier, stats.revenue, stats.active, bonded);
    }

    /// @dev The stake measure: the bonded stake averaged over time (stake-seconds / seconds, rounded down) from the
    /// epoch's start to the epoch's end, or to the last stake change if one came after the end (the reader's
    /// stake-seconds are exact there); the moment of the close plays no part. The part of the epoch that the last
    /// window already took (it ran past its epoch's end to a stake change) counts at the lower of the last measure and
    /// this window's own average, so a window cut short by a late close cannot let a stake bonded for its last seconds
    /// stand for the whole epoch. Records where this window ends.
    function _stakeMeasure(uint256 epoch, uint256 endsAt) private returns (uint256 stake) {
        (uint256 cumulative, uint256 updatedAt, uint256 bonded) = _STAKE_READER.stakeSeconds();
        StakeMark memory mark = _stakeMark;
        uint256 windowEnd = Math.max(Math.max(endsAt, updatedAt), mark.endedAt);
        // The bonded stake has been `bonded` since `updatedAt`.
        cumulative += bonded * (windowEnd - updatedAt);
        // Epoch 0 starts where the engine began, a later epoch at its start (the last window ended there or after).
        (, uint256 length) = epochClock();
        uint256 from = epoch == 0 ? mark.endedAt : Math.min(endsAt - length, mark.endedAt);
        uint256 own = cumulative - _stakeSecondsMark;
        // The part the last window took counts at the lower of its measure and this window's own average, so stake
        // moved out of this epoch before a late close does not count in it at the last epoch's figure.
        uint256 prior = mark.stake;
        if (windowEnd > mark.endedAt) prior = Math.min(prior, own / (windowEnd - mark.endedAt));
        stake = windowEnd > from ? (own + prior * (mark.endedAt - from)) / (windowEnd - from) : mark.stake;
        _stakeSecondsMark = cumulative;
        _stakeMark = StakeMark({endedAt: windowEnd.toUint64(), stake: stake.toUint192()});
    }

    /// @dev Splits what came in since the last close among the pools: each pool's inflow (its exact weight at the
    /// epoch's end, rounded down: the inflows add up to at most `incoming`, at most n - 1 wei below it, and that dust
    /// joins the next epoch's incoming) and its budget (`inflow x multiplier`, within its reserve plus inflow),
    /// recorded as pending; the rest stays in its reserve. Effects only.
    function _split(uint256 epoch, uint256 endsAt, uint256 multiplier) private {
        uint256 held_ = _held;
        uint256 incoming = _TOKEN.balanceOf(address(this)) - held_;
        uint256 n = _pools.length;
        uint128[MAX_POOLS] memory reserves = _reserves;
        uint128[MAX_POOLS] memory budgets;
        for (uint256 i; i < n; ++i) {
            (uint256 inflow, uint256 budget, uint256 reserve) = _share(i, reserves[i], incoming, endsAt, multiplier);
            reserves[i] = reserve.toUint128();
            // Bit 0 flags the budget as pending; the budget keeps the other 127 bits (SafeCast reverts above them).
            budgets[i] = ((budget << 1) | PENDING).toUint128();
            // The inflow becomes reserve or pending budget: `held` stays their sum.
            held_ += inflow;
            emit PoolBudgeted(epoch, i, inflow, budget, reserve);
        }
        _reserves = reserves;
        _budgets[epoch] = budgets;
        _held = held_;
        _nextEpoch = epoch + 1;
        _summaries[epoch] = EpochSummary({
            incoming: incoming.toUint128(),
            multiplierWad: multiplier.toUint64(),
            closedAt: block.timestamp.toUint64()
        });
    }

    /// @dev Pool `i`'s inflow, budget and reserve after the split, from its reserve before it.
    function _share(
        uint256 i,
        uint256 reserveBefore,
        uint256 incoming,
        uint256 endsAt,
        uint256 multiplier
    ) private view returns (uint256 inflow, uint256 budget, uint256 reserve) {
        Pool memory p = _pools[i];
        (uint256 weight, uint256 scale) = LinearMix.weight(p.startBps, p.endBps, endsAt, _mixStart, _mixEnd);
        inflow = Math.mulDiv(incoming, weight, scale, Math.Rounding.Floor);
        uint256 available = reserveBefore + inflow;
        budget = Math.min(Math.mulDiv(inflow, multiplier, WAD, Math.Rounding.Floor), available);
        reserve = available - budget;
    }

    /// @dev The subscription manager's epoch start (read before the clock is built, hence the zero check here).
    function _clockStart(address subscriptions_) private view returns (uint256 start) {
        if (subscriptions_ == address(0)) revert InvalidConfiguration();
        (start, ) = IEpochClock(subscriptions_).epochClock();
    }

    /// @dev The subscription manager's epoch length.
    function _clockLength(address subscriptions_) private view returns (uint256 epochLength) {
        if (subscriptions_ == address(0)) revert InvalidConfiguration();
        (, epochLength) = IEpochClock(subscriptions_).epochClock();
    }

    /// @dev Pays a pool its budget; returns what an epoch pool sent straight back.
    function _pay(Pool memory p, uint256 epoch, uint256 budget) private returns (uint256 returned) {
        if (budget > 0) _TOKEN.safeTransfer(p.account, budget);
        if (p.kind == PoolKind.Epoch) {
            // Called even for a zero budget, so the epoch's claims resolve (to nothing).
            returned = IDistributionPool(p.account).fundEpoch(epoch, budget);
        } else if (p.kind == PoolKind.Notify && budget > 0) {
            IRewardReceiver(p.account).notifyRewardAmount(budget);
        }
    }

    function _usageConfig() private view returns (UsageMultiplier.Config memory) {
        UsageParams memory u = _usage;
        return
            UsageMultiplier.Config({
                revenueTarget: u.revenueTarget,
                activeTarget: u.activeTarget,
                stakeTarget: u.stakeTarget,
                revenueWeight: u.revenueWeight,
                activeWeight: u.activeWeight,
                stakeWeight: u.stakeWeight,
                minWad: u.minWad,
                maxWad: u.maxWad
            });
    }

    /// @dev Validates and stores a mix: one weight per pool at each end, each end adding up to 10,000.
    function _setMix(uint16[] memory startBps, uint16[] memory endBps, uint64 mixStart, uint64 mixEnd) private {
        uint256 n = _pools.length;
        if (startBps.length != n || endBps.length != n) {
            revert WeightCountMismatch(startBps.length, endBps.length, n);
        }
        if (mixEnd < mixStart) revert InvalidMixWindow(mixStart, mixEnd);
        uint256 startTotal;
        uint256 endTotal;
        for (uint256 i; i < n; ++i) {
            startTotal += startBps[i];
            endTotal += endBps[i];
        }
        if (startTotal != BPS || endTotal != BPS) revert InvalidWeights(startTotal, endTotal);
        for (uint256 i; i < n; ++i) {
            Pool storage p = _pools[i];
            p.startBps = startBps[i];
            p.endBps = endBps[i];
        }
        _mixStart = mixStart;
        _mixEnd = mixEnd;
        emit MixSet(startBps, endBps, mixStart, mixEnd);
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        _setUsage(key, value);
        UsageParams memory u = _usage;
        if (uint256(u.revenueWeight) + u.activeWeight + u.stakeWeight == 0) revert InvalidParameterValue(key, value);
    }

    /// @dev Targets are positive (they divide) and fit their slots; weights are at most 10,000; the multiplier's
    /// bounds keep `min <= 1x <= max <= MAX_MULTIPLIER` (1x is a neutral epoch, always reachable).
    function _setUsage(bytes32 key, uint256 value) private {
        UsageParams storage u = _usage;
        if (key == REVENUE_TARGET || key == STAKE_TARGET) {
            if (value == 0 || value > type(uint128).max) revert InvalidParameterValue(key, value);
            if (key == REVENUE_TARGET) u.revenueTarget = uint128(value);
            else u.stakeTarget = uint128(value);
        } else if (key == ACTIVE_TARGET) {
            if (value == 0 || value > type(uint64).max) revert InvalidParameterValue(key, value);
            u.activeTarget = uint64(value);
        } else if (key == REVENUE_WEIGHT || key == ACTIVE_WEIGHT || key == STAKE_WEIGHT) {
            if (value > BPS) revert InvalidParameterValue(key, value);
            // value <= 10,000 fits 16 bits.
            if (key == REVENUE_WEIGHT) u.revenueWeight = uint16(value);
            else if (key == ACTIVE_WEIGHT) u.activeWeight = uint16(value);
            else u.stakeWeight = uint16(value);
        } else if (key == MULTIPLIER_MIN) {
            if (value > WAD) revert InvalidParameterValue(key, value);
            u.minWad = uint64(value);
        } else if (key == MULTIPLIER_MAX) {
            if (value < WAD || value > MAX_MULTIPLIER) revert InvalidParameterValue(key, value);
            u.maxWad = uint64(value);
        } else {
            revert UnknownParameter(key);
        }
    }
}
