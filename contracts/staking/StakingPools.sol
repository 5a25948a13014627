// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IReputationStake} from "../interfaces/IReputationStake.sol";
import {IStakingVotes} from "../interfaces/IStakingVotes.sol";
import {StakingMath} from "../libraries/StakingMath.sol";
import {ReputationStake} from "./ReputationStake.sol";
import {StakingRewards} from "./StakingRewards.sol";
import {StakingVotes} from "./StakingVotes.sol";
import {BPS} from "../common/Constants.sol";

/// @title StakingPools
/// @notice Share-price pools per provider (active and unbonding), positions, the bounded unbonding queue and
/// the pool-level reward accumulators. Every function here is O(1); the only loops run over the fixed
/// unbonding slots (8) and the maturity buckets (at most 5).
/// @dev Reward flow, per provider pool:
/// - the pool stores the weights it contributes to the global totals (`selfWeight`, `delegatorWeight`:
///   value x performance multiplier x lock-bucket weight, zero while inactive);
/// - `_sync` moves the global accumulators' growth into the pool: the provider's self-stake rewards and its
///   commission (`commissionBps / delegatorRewardBps` of what its delegators earn) into `providerRewards`,
///   the delegators' rewards into `accPerDelegatorShare` (per weighted delegator share);
/// - `_settle` moves a delegator's share of that into its position.
/// Each step rounds down, so what positions can claim never exceeds what the global stream distributed.
abstract contract StakingPools is StakingRewards {
    uint256 internal constant MAX_UNBONDING_REQUESTS = 8;
    uint256 internal constant MAX_LOCK_BUCKETS = 5;

    struct Pool {
        uint128 assets;
        uint128 shares;
        uint128 unbondingAssets;
        uint128 unbondingShares;
        uint128 selfWeight;
        uint128 delegatorWeight;
        uint128 weightedDelegatorShares;
        uint16 multiplierBps;
        bool registered;
        bool active;
        bool banned;
        Tier heldSlashTier;
        uint48 heldSlashTierUntil;
        uint128 providerRewards;
        uint80 lastApyTime;
        uint256 lastAccSelf;
        uint256 lastAccDelegator;
        uint256 accPerDelegatorShare;
    }

    struct Position {
        address provider;
        uint48 lockEnd;
        uint16 rewardWeightBps;
        uint8 unbondingMask;
        uint128 shares;
        uint128 pendingRewards;
        uint256 accPaid;
        uint80 apyTimePaid;
    }

    struct Request {
        address provider;
        uint48 unlockAt;
        RequestKind kind;
        uint256 shares;
        address destination;
    }

    /// @dev The vote checkpoints and the reputation stake, deployed here; only this contract writes the first
    /// and slashes the second.
    IStakingVotes internal immutable _VOTES;
    IReputationStake internal immutable _REPUTATION;
    /// @dev The lock voting bonus (over the staked multiplier) and the remaining lock time that earns all of it.
    uint256 internal immutable _MAX_LOCK_BONUS_BPS;
    uint256 internal immutable _FULL_BONUS_LOCK;

    mapping(address provider => Pool) internal _pools;
    mapping(address account => Position) internal _positions;
    mapping(address account => Request[MAX_UNBONDING_REQUESTS]) internal _requests;

    /// @dev The maturity buckets, packed: bucket `i` in bits `[48i, 48i + 48)` as `minDuration << 16 | weightBps`.
    uint256 private immutable _BUCKETS;

    /// @notice Deploys the vote checkpoints and the reputation stake, and stores the maturity buckets.
    /// @param c The vote multipliers, for the vote checkpoints deployed here.
    /// @param buckets Maturity buckets, by strictly increasing duration, with non-decreasing weights >= 1x.
    constructor(Constants memory c, LockBucket[] memory buckets) {
        _VOTES = new StakingVotes(c.stakedVoteBps, c.maxLockVoteBps, c.fullBonusLockDuration);
        _REPUTATION = new ReputationStake(_TOKEN);
        _MAX_LOCK_BONUS_BPS = c.maxLockVoteBps - c.stakedVoteBps;
        _FULL_BONUS_LOCK = c.fullBonusLockDuration;
        if (buckets.length > MAX_LOCK_BUCKETS) revert InvalidConfiguration();
        uint256 previousDuration;
        uint256 previousWeight = BPS;
        uint256 packed;
        for (uint256 i; i < buckets.length; ++i) {
            LockBucket memory b = buckets[i];
            if (b.minDuration <= previousDuration || b.weightBps < previousWeight) revert InvalidConfiguration();
            previousDuration = b.minDuration;
            previousWeight = b.weightBps;
            packed |= ((uint256(b.minDuration) << 16) | b.weightBps) << (48 * i);
        }
        _BUCKETS = packed;
    }

    // ------------------------------------------------------------------ bonding

    /// @dev Mints active shares for `amount` to `account` in `provider`'s pool, moving an empty position to
    /// `provider` first. The caller checked who may bond where, and moves the tokens (or already holds them).
    function _bond(address account, address provider, uint256 amount) internal {
        Pool storage pool = _pools[provider];
        Position storage pos = _positions[account];
        bool isSelf = account == provider;
        if (pos.provider != provider) {
            pos.provider = provider;
            _VOTES.checkpointProvider(account, provider);
        }
        _accrueRewards();
        _sync(provider, pool);
        if (!isSelf) _settle(pos, pool);
        _expireRewardWeight(pos, pool, isSelf);

        uint256 assets = pool.assets;
        uint256 totalShares = pool.shares;
        uint256 minted = StakingMath.toSharesDown(amount, assets, totalShares);
        if (minted == 0) revert AmountTooSmall(amount);
        uint256 oldShares = pos.shares;
        uint256 newShares = oldShares + minted;
        pool.assets = SafeCast.toUint128(assets + amount);
        pool.shares = SafeCast.toUint128(totalShares + minted);
        pos.shares = SafeCast.toUint128(newShares);
        uint256 oldWeightBps = pos.rewardWeightBps;
        uint256 newWeightBps = oldWeightBps;
        if (oldWeightBps > BPS) {
            // Still locked (an expired weight was reset above): the new tokens are committed only for the time
            // left, so they earn that bucket's weight and the position's weight is the shares-weighted mean,
            // rounded down.
            uint256 addedWeightBps = _bucketWeight(pos.lockEnd - block.timestamp);
            newWeightBps = (oldShares * oldWeightBps + minted * addedWeightBps) / newShares;
            pos.rewardWeightBps = uint16(newWeightBps);
        }
        if (!isSelf) _reweighDelegator(pool, oldShares, newShares, oldWeightBps, newWeightBps);
        _reweigh(provider, pool, assets);
        _totalBonded += SafeCast.toUint128(amount);
        _VOTES.checkpointShares(account, newShares);
        // An empty pool restarts at a price of about 1 (first registration, or everyone left after a slash).
        if (totalShares == 0) _VOTES.checkpointPrice(provider, assets + amount, minted);
        emit Staked(account, provider, amount, minted);
    }

    /// @dev Burns active shares worth `amount` (all of them for `type(uint256).max`) and opens an unbonding
    /// request for the tokens in the same provider's unbonding pool.
    function _unbond(
        address account,
        uint256 amount,
        RequestKind kind,
        address destination
    ) internal returns (uint256 index) {
        address provider = _positions[account].provider;
        amount = _burnActive(account, provider, amount);
        index = _openRequest(account, provider, amount, kind, destination);
    }

    /// @dev Takes `amount` (or everything, for `type(uint256).max`) out of `account`'s active position; burns
    /// all its shares when it takes the whole value, else the shares rounded up.
    function _burnActive(address account, address provider, uint256 amount) private returns (uint256) {
        Position storage pos = _positions[account];
        Pool storage pool = _pools[provider];
        bool isSelf = account == provider;
        _accrueRewards();
        _sync(provider, pool);
        if (!isSelf) _settle(pos, pool);
        _expireRewardWeight(pos, pool, isSelf);

        uint256 assets = pool.assets;
        uint256 totalShares = pool.shares;
        uint256 oldShares = pos.shares;
        uint256 value = StakingMath.toAssetsDown(oldShares, assets, totalShares);
        if (amount == type(uint256).max) amount = value;
        if (amount > value) revert InsufficientStake(value, amount);
        uint256 newShares = amount == value ? 0 : oldShares - StakingMath.toSharesUp(amount, assets, totalShares);
        pool.assets = uint128(assets - amount);
        pool.shares = uint128(totalShares - (oldShares - newShares));
        pos.shares = uint128(newShares);
        if (!isSelf) _reweighDelegator(pool, oldShares, newShares, pos.rewardWeightBps, pos.rewardWeightBps);
        _reweigh(provider, pool, assets);
        _totalBonded -= uint128(amount);
        _VOTES.checkpointShares(account, newShares);
        return amount;
    }

    /// @dev Puts `amount` into `provider`'s unbonding pool as a request of `account` (the queue is bounded).
    function _openRequest(
        address account,
        address provider,
        uint256 amount,
        RequestKind kind,
        address destination
    ) internal returns (uint256 index) {
        if (amount == 0) revert ZeroAmount();
        Position storage pos = _positions[account];
        uint256 mask = pos.unbondingMask;
        // Lowest free slot of the eight.
        while (index < MAX_UNBONDING_REQUESTS && mask & (uint256(1) << index) != 0) ++index;
        if (index == MAX_UNBONDING_REQUESTS) revert UnbondingQueueFull(account, MAX_UNBONDING_REQUESTS);

        Pool storage pool = _pools[provider];
        uint256 unbondingAssets = pool.unbondingAssets;
        uint256 minted = StakingMath.toSharesDown(amount, unbondingAssets, pool.unbondingShares);
        if (minted == 0) revert AmountTooSmall(amount);
        pool.unbondingAssets = SafeCast.toUint128(unbondingAssets + amount);
        pool.unbondingShares = SafeCast.toUint128(pool.unbondingShares + minted);
        _totalUnbonding += SafeCast.toUint128(amount);

        uint256 unlockAt = block.timestamp + _unbondingPeriod;
        Request storage r = _requests[account][index];
        r.provider = provider;
        r.unlockAt = SafeCast.toUint48(unlockAt);
        r.kind = kind;
        r.shares = minted;
        if (kind == RequestKind.Redelegation) r.destination = destination;
        pos.unbondingMask = uint8(mask | (uint256(1) << index));
        emit Unbonded(account, provider, index, kind, amount, unlockAt);
    }

    /// @dev Closes an open request and takes its current value out of the unbonding pool.
    function _closeRequest(address account, uint256 index) internal returns (Request memory r, uint256 amount) {
        r = _openRequestAt(account, index);
        Pool storage pool = _pools[r.provider];
        uint256 unbondingAssets = pool.unbondingAssets;
        uint256 unbondingShares = pool.unbondingShares;
        amount = StakingMath.toAssetsDown(r.shares, unbondingAssets, unbondingShares);
        pool.unbondingAssets = uint128(unbondingAssets - amount);
        pool.unbondingShares = uint128(unbondingShares - r.shares);
        _totalUnbonding -= uint128(amount);
        Position storage pos = _positions[account];
        pos.unbondingMask = uint8(pos.unbondingMask & ~(uint256(1) << index));
    }

    /// @dev The open request in a slot; reverts for a free or out-of-range slot.
    function _openRequestAt(address account, uint256 index) internal view returns (Request memory) {
        if (index >= MAX_UNBONDING_REQUESTS || _positions[account].unbondingMask & (uint256(1) << index) == 0) {
            revert NoUnbondingRequest(account, index);
        }
        return _requests[account][index];
    }

    // ------------------------------------------------------------------ rewards

    /// @dev Brings a pool's reward accounting up to the global accumulators (call `_accrueRewards` first). What
    /// the per-staker APY ceiling holds back goes back to the budget.
    function _sync(address provider, Pool storage pool) internal {
        uint256 apyTime = _apyTime;
        uint256 lastApyTime = pool.lastApyTime;
        if (apyTime == lastApyTime) return;
        pool.lastApyTime = uint80(apyTime);
        uint256 accSelf = _accSelf;
        uint256 accDelegator = _accDelegator;
        if (accSelf == pool.lastAccSelf && accDelegator == pool.lastAccDelegator) return;
        (uint256 providerReward, uint256 perShare, uint256 heldBack) = _poolGrowth(
            provider,
            pool,
            accSelf,
            accDelegator,
            apyTime - lastApyTime
        );
        pool.lastAccSelf = accSelf;
        pool.lastAccDelegator = accDelegator;
        if (providerReward != 0) pool.providerRewards += SafeCast.toUint128(providerReward);
        if (perShare != 0) pool.accPerDelegatorShare += perShare;
        if (heldBack != 0) _holdBack(heldBack);
    }

    /// @dev What a pool earned while the integrated APY ceiling grew by `apyTime` (since its last sync), given the
    /// global accumulators: its provider's self-stake rewards plus commission, the growth of its reward per weighted
    /// delegator share, and what the per-staker APY ceiling holds back. The self-stake earns at most `maxApyBps` of its
    /// value and the delegations together at most `maxApyBps` of theirs over the interval (whatever the multipliers);
    /// the commission is `commissionBps / delegatorRewardBps` of what the delegations keep, cut so that the whole
    /// pool earns at most `maxApyBps` of its assets. Rounds down.
    function _poolGrowth(
        address provider,
        Pool storage pool,
        uint256 accSelf,
        uint256 accDelegator,
        uint256 apyTime
    ) internal view returns (uint256 providerReward, uint256 perShare, uint256 heldBack) {
        uint256 assets = pool.assets;
        uint256 selfValue = StakingMath.toAssetsDown(_positions[provider].shares, assets, pool.shares);
        providerReward = Math.mulDiv(accSelf - pool.lastAccSelf, pool.selfWeight, ACC_PRECISION);
        uint256 cap = _apyCap(selfValue, apyTime);
        if (providerReward > cap) (providerReward, heldBack) = (cap, providerReward - cap);
        uint256 growth = accDelegator - pool.lastAccDelegator;
        if (growth != 0 && pool.delegatorWeight != 0) {
            (uint256 commission, uint256 delegatorHeldBack) = (0, 0);
            (perShare, commission, delegatorHeldBack) = _delegatorGrowth(
                pool,
                growth,
                _apyCap(assets - selfValue, apyTime)
            );
            heldBack += delegatorHeldBack;
            // The pool as a whole (self-stake, delegations and commission) earns at most the ceiling of its
            // assets; the excess, never above the commission, is held back from the commission. Else a provider
            // delegating to itself from a second account earns the ceiling on both plus the commission.
            uint256 total = providerReward + Math.mulDiv(perShare, pool.weightedDelegatorShares, ACC_PRECISION);
            uint256 poolCap = _apyCap(assets, apyTime);
            if (total + commission > poolCap) {
                uint256 excess = Math.min(total + commission - poolCap, commission);
                commission -= excess;
                heldBack += excess;
            }
            providerReward += commission;
        }
    }

    /// @dev A pool's delegations over an interval in which the delegation accumulator grew by `growth`: the growth
    /// of the reward per weighted delegator share, the commission, and what the ceiling `cap` (on the delegations'
    /// reward) holds back of both. Rounds down.
    function _delegatorGrowth(
        Pool storage pool,
        uint256 growth,
        uint256 cap
    ) private view returns (uint256 perShare, uint256 commission, uint256 heldBack) {
        uint256 weight = pool.delegatorWeight;
        uint256 reward = Math.mulDiv(growth, weight, ACC_PRECISION);
        commission = Math.mulDiv(growth, weight * _COMMISSION_BPS, ACC_PRECISION * _DELEGATOR_REWARD_BPS);
        if (reward <= cap) return (Math.mulDiv(growth, weight, pool.weightedDelegatorShares), commission, 0);
        uint256 keptCommission = (cap * _COMMISSION_BPS) / _DELEGATOR_REWARD_BPS;
        heldBack = reward - cap + commission - keptCommission;
        perShare = Math.mulDiv(cap, ACC_PRECISION, pool.weightedDelegatorShares);
        commission = keptCommission;
    }

    /// @dev Moves a delegator's rewards since its last settlement into `pendingRewards` (call `_sync` first),
    /// capped at `maxApyBps` of its value over the time since; the excess goes back to the budget. An empty
    /// position only takes the pool's current value (it may come from another pool's, higher or lower).
    function _settle(Position storage pos, Pool storage pool) internal {
        uint256 apyTime = _apyTime;
        uint256 acc = pool.accPerDelegatorShare;
        if (acc != pos.accPaid && pos.shares != 0) {
            (uint256 earned, uint256 heldBack) = _earned(pos, pool, acc, apyTime - pos.apyTimePaid);
            if (earned != 0) pos.pendingRewards += SafeCast.toUint128(earned);
            if (heldBack != 0) _holdBack(heldBack);
        }
        pos.accPaid = acc;
        pos.apyTimePaid = uint80(apyTime);
    }

    /// @dev A delegator's rewards while the integrated APY ceiling grew by `apyTime` (since its last settlement), at
    /// the pool reward per share `acc`, at most `maxApyBps` of its value; and what that ceiling holds back. Rounds
    /// down.
    function _earned(
        Position storage pos,
        Pool storage pool,
        uint256 acc,
        uint256 apyTime
    ) internal view returns (uint256 earned, uint256 heldBack) {
        uint256 shares = pos.shares;
        earned = Math.mulDiv(StakingMath.weighted(shares, pos.rewardWeightBps), acc - pos.accPaid, ACC_PRECISION);
        uint256 cap = _apyCap(StakingMath.toAssetsDown(shares, pool.assets, pool.shares), apyTime);
        if (earned > cap) (earned, heldBack) = (cap, earned - cap);
    }

    /// @dev Sets a position's reward weight (settled first by the caller), keeping the pool's weighted
    /// delegator shares exact.
    function _setRewardWeight(Position storage pos, Pool storage pool, bool isSelf, uint256 weightBps) internal {
        uint256 shares = pos.shares;
        if (!isSelf) _reweighDelegator(pool, shares, shares, pos.rewardWeightBps, weightBps);
        pos.rewardWeightBps = uint16(weightBps);
    }

    /// @dev A lock's reward weight ends with the lock; touching the position applies it (as `kick` does).
    function _expireRewardWeight(Position storage pos, Pool storage pool, bool isSelf) internal {
        uint256 weightBps = pos.rewardWeightBps;
        if (weightBps == BPS) return;
        if (weightBps == 0 || pos.lockEnd <= block.timestamp) _setRewardWeight(pos, pool, isSelf, BPS);
    }

    function _reweighDelegator(
        Pool storage pool,
        uint256 oldShares,
        uint256 newShares,
        uint256 oldWeightBps,
        uint256 newWeightBps
    ) private {
        pool.weightedDelegatorShares = SafeCast.toUint128(
            pool.weightedDelegatorShares +
                StakingMath.weighted(newShares, newWeightBps) -
                StakingMath.weighted(oldShares, oldWeightBps)
        );
    }

    /// @dev Recomputes a pool's status and weights after a change and moves the global totals by the
    /// difference. `oldAssets` is the pool's assets before the change (for the earning stake).
    function _reweigh(address provider, Pool storage pool, uint256 oldAssets) internal {
        Position storage self = _positions[provider];
        uint256 assets = pool.assets;
        uint256 shares = pool.shares;
        uint256 selfShares = self.shares;
        bool wasActive = pool.active;
        bool active =
            pool.registered &&
                !pool.banned &&
                selfShares != 0 &&
                StakingMath.toAssetsDown(selfShares, assets, shares) >= _tiers[0].minStake;

        uint256 selfWeight;
        uint256 delegatorWeight;
        if (active) {
            uint256 numerator = assets * pool.multiplierBps;
            uint256 denominator = shares * BPS;
            selfWeight = Math.mulDiv(StakingMath.weighted(selfShares, self.rewardWeightBps), numerator, denominator);
            delegatorWeight = Math.mulDiv(pool.weightedDelegatorShares, numerator, denominator);
        }
        _totalSelfWeight = SafeCast.toUint128(_totalSelfWeight + selfWeight - pool.selfWeight);
        _totalDelegatorWeight = SafeCast.toUint128(_totalDelegatorWeight + delegatorWeight - pool.delegatorWeight);
        _earningStake = SafeCast.toUint128(
            uint256(_earningStake) + (active ? assets : 0) - (wasActive ? oldAssets : 0)
        );
        pool.selfWeight = uint128(selfWeight);
        pool.delegatorWeight = uint128(delegatorWeight);
        if (active != wasActive) {
            pool.active = active;
            emit ProviderStatusChanged(provider, active);
        }
    }

    // ------------------------------------------------------------------ reads

    /// @dev A provider's self-stake value.
    function _selfStake(address provider) internal view returns (uint256) {
        Pool storage pool = _pools[provider];
        return StakingMath.toAssetsDown(_positions[provider].shares, pool.assets, pool.shares);
    }

    /// @dev Registered, not banned, with a self-stake at or above the current minimum.
    function _isActiveNow(address provider) internal view returns (bool) {
        Pool storage pool = _pools[provider];
        return pool.registered && !pool.banned && _selfStake(provider) >= _tiers[0].minStake;
    }

    /// @dev The tier whose maximum slash applies: the current one, or a higher one the provider held before
    /// unbonding self-stake, for an unbonding period after (lowering the tier does not lower the slash cap).
    function _slashTier(address provider) internal view returns (Tier tier) {
        tier = _tierOf(_selfStake(provider));
        Pool storage pool = _pools[provider];
        if (block.timestamp < pool.heldSlashTierUntil && pool.heldSlashTier > tier) tier = pool.heldSlashTier;
    }

    /// @dev The reward weight of the best maturity bucket a lock duration reaches (1x below the first).
    function _bucketWeight(uint256 duration) internal view returns (uint256 weightBps) {
        weightBps = BPS;
        // At most 5 buckets, by increasing duration; an empty entry (duration 0) ends the list.
        for (uint256 packed = _BUCKETS; packed != 0; packed >>= 48) {
            if (duration < (packed >> 16) & type(uint32).max) break;
            weightBps = packed & type(uint16).max;
        }
    }
}
