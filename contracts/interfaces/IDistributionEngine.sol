// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {UsageMultiplier} from "../libraries/UsageMultiplier.sol";
import {IEpochClock} from "./IEpochClock.sol";
import {IParameterized} from "./IParameterized.sol";

/// @title IDistributionEngine
/// @notice QRY's distribution engine (docs/economics/qry.md). It receives new issuance (the emission
/// controller mints into it) and the subscription revenue (collected from the subscription manager), and when an
/// epoch ends anyone may close it:
///
/// 1. incoming = everything received since the previous close (issuance, revenue, rounding dust, donations);
/// 2. each pool `p` gets `inflow_p = floor(incoming x weight_p)`, the weight taken at the epoch's end on the
///    chain-maturity mix (moving linearly from the early mix to the mature mix, `LinearMix`);
/// 3. the usage multiplier `m` of the epoch (`UsageMultiplier`: subscription revenue, active subscriptions, bonded
///    stake, each against its target, clamped to [min, max]) sets each pool's budget:
///    `budget_p = min(floor(inflow_p x m), reserve_p + inflow_p)`; the rest stays in the pool's reserve. Below 1x
///    the reserve grows, above 1x the budget draws on it;
/// 4. the budget is recorded for the pool (pending); anyone then pays it with `fund(pool, epoch)`: to an epoch pool
///    (`IDistributionPool.fundEpoch`, which sends back what its participants cannot claim, into the reserve), to a
///    reward pool (`IRewardReceiver.notifyRewardAmount`), or to a plain account. Closing never calls a pool, so a
///    pool that reverts never blocks the engine: its budget stays pending, held for it, until a `fund` succeeds.
///
/// Unclaimed parts of an epoch pool's funding come back into its reserve with `sweep` after the claim window.
/// @dev Loops only over the pools (at most `MAX_POOLS`). Epochs close one at a time, in order. Accounting:
/// `held()` is the sum of the reserves and of the pending budgets, and the engine's balance is at least `held()`;
/// for each pool, `sum of inflows + sum of returns == reserve + sum of budgets`. Reserves and budgets are kept in
/// 127 bits (up to ~1.7e38 wei).
interface IDistributionEngine is IEpochClock, IParameterized {
    /// @notice How a pool is paid.
    enum PoolKind {
        /// An `IDistributionPool`: transfer, then `fundEpoch(epoch, budget)`; it returns what it cannot use.
        Epoch,
        /// An `IRewardReceiver`: transfer, then `notifyRewardAmount(budget)` (the engine needs REWARD_FUNDER).
        Notify,
        /// A plain account: transfer only.
        Plain
    }

    /// @notice A pool and its weights at both ends of the chain-maturity mix. One storage slot.
    /// @param account The pool's address.
    /// @param startBps Weight up to the start of the mix window (early stage), in bps.
    /// @param endBps Weight from the end of the mix window (mature stage), in bps.
    /// @param kind How it is paid.
    struct Pool {
        address account;
        uint16 startBps;
        uint16 endBps;
        PoolKind kind;
    }

    /// @notice A closed epoch. One storage slot.
    /// @param incoming What was split among the pools, in wei.
    /// @param multiplierWad The usage multiplier applied, WAD.
    /// @param closedAt When the epoch was closed.
    struct EpochSummary {
        uint128 incoming;
        uint64 multiplierWad;
        uint64 closedAt;
    }

    /// @notice An epoch was closed and its pools budgeted (each is paid by `fund`).
    /// @param epoch The epoch.
    /// @param incoming Split among the pools, in wei.
    /// @param collected Of which subscription revenue collected at this close, in wei.
    /// @param multiplierWad The usage multiplier, WAD.
    /// @param revenue Measure: monthly pay of the subscriptions active in the epoch.
    /// @param active Measure: value-weighted subscriptions active in the epoch.
    /// @param stake Measure: the bonded stake averaged over time across the epoch (see `lastBondedStake`).
    event EpochClosed(
        uint256 indexed epoch,
        uint256 incoming,
        uint256 collected,
        uint256 multiplierWad,
        uint256 revenue,
        uint256 active,
        uint256 stake
    );

    /// @notice A pool's share of a closed epoch, recorded at the close and pending until `fund`.
    /// @param epoch The epoch.
    /// @param pool The pool's index.
    /// @param inflow Its weight's share of the incoming funds.
    /// @param budget What it is owed for the epoch (inflow x multiplier, within what it holds).
    /// @param reserve Its reserve after the epoch's split.
    event PoolBudgeted(uint256 indexed epoch, uint256 indexed pool, uint256 inflow, uint256 budget, uint256 reserve);

    /// @notice A pool was paid its pending budget of an epoch.
    /// @param epoch The epoch.
    /// @param pool The pool's index.
    /// @param budget What it was paid.
    /// @param returned What it sent back at once (participants could not claim it), now in its reserve.
    /// @param reserve Its reserve now.
    event PoolFunded(uint256 indexed epoch, uint256 indexed pool, uint256 budget, uint256 returned, uint256 reserve);

    /// @notice An epoch pool's unclaimed remainder came back into its reserve.
    /// @param pool The pool's index.
    /// @param epoch The epoch swept.
    /// @param amount Returned, in wei.
    /// @param reserve The pool's reserve now.
    event ReserveRestored(uint256 indexed pool, uint256 indexed epoch, uint256 amount, uint256 reserve);

    /// @notice The chain-maturity mix changed.
    /// @param startBps Each pool's early weight.
    /// @param endBps Each pool's mature weight.
    /// @param mixStart When weights start moving.
    /// @param mixEnd When they reach the mature mix.
    event MixSet(uint16[] startBps, uint16[] endBps, uint64 mixStart, uint64 mixEnd);

    /// @notice The subscription manager or the stake reader given at deployment is the zero address.
    error InvalidConfiguration();
    /// @notice No pools, or more than `MAX_POOLS`.
    /// @param count The count given.
    /// @param max The most allowed.
    error InvalidPoolCount(uint256 count, uint256 max);
    /// @notice A pool is the zero address or the engine itself, or a pool that must be called has no code.
    /// @param account The pool.
    error InvalidPool(address account);
    /// @notice The same pool appears twice.
    /// @param account The pool.
    error DuplicatePool(address account);
    /// @notice The start weights or the end weights do not add up to 10,000 bps.
    /// @param startTotal Sum of the start weights.
    /// @param endTotal Sum of the end weights.
    error InvalidWeights(uint256 startTotal, uint256 endTotal);
    /// @notice The weight lists do not have one entry per pool.
    /// @param startCount Start weights given.
    /// @param endCount End weights given.
    /// @param poolCount Pools.
    error WeightCountMismatch(uint256 startCount, uint256 endCount, uint256 poolCount);
    /// @notice The mix window ends before it starts.
    /// @param mixStart The start given.
    /// @param mixEnd The end given.
    error InvalidMixWindow(uint64 mixStart, uint64 mixEnd);
    /// @notice A contract runs a different epoch clock from the engine's.
    /// @param account The contract.
    error ClockMismatch(address account);
    /// @notice No pool has this index.
    /// @param index The index.
    /// @param count How many pools there are.
    error UnknownPool(uint256 index, uint256 count);
    /// @notice The pool is not an epoch pool (nothing to sweep).
    /// @param index The pool's index.
    error NotAnEpochPool(uint256 index);
    /// @notice The pool has no pending budget for the epoch (the epoch is not closed yet, or the pool was paid).
    /// @param index The pool's index.
    /// @param epoch The epoch.
    error NothingPending(uint256 index, uint256 epoch);

    /// @notice Closes the next epoch (the oldest one not closed yet): collects subscription revenue, computes the
    /// usage multiplier, splits what came in by the chain-maturity weights and records every pool's budget
    /// (pending; `fund` pays it). Anyone may call it once the epoch has ended.
    /// @dev Reverts `EpochNotOver` before the epoch's end. Call the emission controller's `release()` first (same
    /// block, for example through a keeper's multicall) so the epoch's issuance is in. No pool is called: a pool
    /// that reverts never blocks the close. The stake measure is the lower of the bonded stake now and at the
    /// previous close, so stake bonded just before a close and unbonded after it does not count.
    /// @return epoch The epoch closed.
    function closeEpoch() external returns (uint256 epoch);

    /// @notice Pays a pool its pending budget of a closed epoch: transfer, then its funding call (`fundEpoch` for an
    /// epoch pool, which sends back what its participants cannot claim, into the pool's reserve;
    /// `notifyRewardAmount` for a reward pool). Anyone may call it, once per pool and epoch, in any order.
    /// @dev Reverts `UnknownPool` for an index out of range and `NothingPending` if the epoch is not closed or the
    /// pool was paid already. If the pool's call reverts, everything is undone and the budget stays pending, held
    /// for the pool (a later call pays it). An epoch pool's claims open when it is funded.
    /// @param index The pool's index.
    /// @param epoch The epoch.
    /// @return budget What was paid.
    /// @return returned What an epoch pool sent straight back.
    function fund(uint256 index, uint256 epoch) external returns (uint256 budget, uint256 returned);

    /// @notice A pool's budget of a closed epoch, and whether it is still to be paid.
    /// @param index The pool's index.
    /// @param epoch The epoch.
    /// @return budget The budget, in wei (zero for an epoch not closed yet).
    /// @return pending Whether `fund` would pay it.
    function budgetOf(uint256 index, uint256 epoch) external view returns (uint256 budget, bool pending);

    /// @notice The stake measure of the last closed epoch: the bonded stake averaged over time from the epoch's start
    /// to its end (or to a stake change after it), whenever it was closed; the part of the epoch the previous window
    /// took (it ran to a stake change after its own epoch's end) counts at the previous measure.
    /// @return Stake, in wei.
    function lastBondedStake() external view returns (uint256);

    /// @notice Brings what was not claimed of an epoch pool's expired epoch back into its reserve. Anyone may call it.
    /// @param index The pool's index.
    /// @param epoch The epoch.
    /// @return amount Restored, in wei.
    function sweep(uint256 index, uint256 epoch) external returns (uint256 amount);

    /// @notice Replaces the chain-maturity mix (the pools stay).
    /// @dev Restricted to the GOVERNOR role. Applies from the next close.
    /// @param startBps Each pool's early weight, adding up to 10,000.
    /// @param endBps Each pool's mature weight, adding up to 10,000.
    /// @param mixStart When weights start moving (unix seconds).
    /// @param mixEnd When they reach the mature mix, not before `mixStart`.
    function setMix(uint16[] calldata startBps, uint16[] calldata endBps, uint64 mixStart, uint64 mixEnd) external;

    /// @notice The usage multiplier for given measures, with the parameters in force.
    /// @param revenue Subscription revenue in an epoch, in wei.
    /// @param active Active subscriptions.
    /// @param stake Bonded stake, in wei.
    /// @return The multiplier, WAD.
    function usageMultiplier(uint256 revenue, uint256 active, uint256 stake) external view returns (uint256);

    /// @notice The usage multiplier's parameters.
    /// @return The parameters.
    function usageConfig() external view returns (UsageMultiplier.Config memory);

    /// @notice Each pool's weight at `timestamp`, in the order of `pools()`.
    /// @dev For display: each weight rounds down, so they add up to at most 10,000 (closing uses exact weights).
    /// @param timestamp Unix seconds.
    /// @return weights The weights, in bps.
    function weightsAt(uint256 timestamp) external view returns (uint256[] memory weights);

    /// @notice The pools and their weights.
    /// @return The pools.
    function pools() external view returns (Pool[] memory);

    /// @notice The mix window.
    /// @return mixStart When weights start moving.
    /// @return mixEnd When they reach the mature mix.
    function mixWindow() external view returns (uint64 mixStart, uint64 mixEnd);

    /// @notice A pool's reserve: kept for high-usage epochs.
    /// @param index The pool's index.
    /// @return The reserve, in wei.
    function reserveOf(uint256 index) external view returns (uint256);

    /// @notice The sum of the reserves: what the engine holds for its pools.
    /// @return The total, in wei.
    function held() external view returns (uint256);

    /// @notice The next epoch to close.
    /// @return The epoch.
    function nextEpoch() external view returns (uint256);

    /// @notice A closed epoch's summary.
    /// @param epoch The epoch.
    /// @return The summary (all zero if not closed).
    function epochSummary(uint256 epoch) external view returns (EpochSummary memory);

    /// @notice Where the revenue and two of the usage measures come from.
    /// @return The subscription manager.
    function subscriptions() external view returns (address);

    /// @notice Where the stake measure comes from.
    /// @return The stake reader.
    function stakeReader() external view returns (address);

    /// @notice The token distributed (QRY).
    /// @return The token's address.
    function token() external view returns (address);

    // solhint-disable func-name-mixedcase
    /// @notice Parameter key: subscription revenue per epoch that counts as 1x, in wei.
    /// @return keccak256("distribution.revenueTarget")
    function REVENUE_TARGET() external view returns (bytes32);

    /// @notice Parameter key: active subscriptions that count as 1x.
    /// @return keccak256("distribution.activeTarget")
    function ACTIVE_TARGET() external view returns (bytes32);

    /// @notice Parameter key: bonded stake that counts as 1x, in wei.
    /// @return keccak256("distribution.stakeTarget")
    function STAKE_TARGET() external view returns (bytes32);

    /// @notice Parameter key: weight of the revenue ratio, in bps.
    /// @return keccak256("distribution.revenueWeight")
    function REVENUE_WEIGHT() external view returns (bytes32);

    /// @notice Parameter key: weight of the active-subscriptions ratio, in bps.
    /// @return keccak256("distribution.activeWeight")
    function ACTIVE_WEIGHT() external view returns (bytes32);

    /// @notice Parameter key: weight of the stake ratio, in bps.
    /// @return keccak256("distribution.stakeWeight")
    function STAKE_WEIGHT() external view returns (bytes32);

    /// @notice Parameter key: the lowest multiplier, WAD.
    /// @return keccak256("distribution.multiplierMin")
    function MULTIPLIER_MIN() external view returns (bytes32);

    /// @notice Parameter key: the highest multiplier, WAD.
    /// @return keccak256("distribution.multiplierMax")
    function MULTIPLIER_MAX() external view returns (bytes32);
    // solhint-enable func-name-mixedcase
}
