// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IProviderStaking} from "../interfaces/IProviderStaking.sol";
import {StakingMath} from "../libraries/StakingMath.sol";
import {StakingParameters} from "./StakingParameters.sol";
import {StakingPools} from "./StakingPools.sol";
import {StakingRewards} from "./StakingRewards.sol";
import {BPS} from "../common/Constants.sol";

/// @title ProviderStaking
/// @notice Provider staking for a preset: the entry points of `IProviderStaking` over the share-price pools of
/// `StakingPools`, the reward stream of `StakingRewards`, the vote checkpoints of `StakingVotes` and the governed
/// numbers of `StakingParameters`. Immutable, AccessManaged; every user action is O(1).
/// @dev The token is the preset's ProtocolToken (no transfer hooks, no fees); every function follows
/// checks-effects-interactions with the token transfer last.
contract ProviderStaking is StakingPools {
    using SafeERC20 for IERC20;

    /// @notice Deploys the module with a preset's numbers.
    /// @param token_ The staked and reward token.
    /// @param authority The preset's AccessManager.
    /// @param parameters Initial values of the governed parameters.
    /// @param constants Values fixed for the life of the contract.
    /// @param buckets Maturity buckets (empty: locks carry no reward weight).
    constructor(
        IERC20 token_,
        address authority,
        Parameters memory parameters,
        Constants memory constants,
        LockBucket[] memory buckets
    )
        AccessManaged(authority)
        StakingParameters(parameters)
        StakingRewards(token_, constants)
        StakingPools(constants, buckets)
    {}

    // ------------------------------------------------------------------ providers and delegators

    /// @inheritdoc IProviderStaking
    function registerProvider(uint256 amount) external {
        Pool storage pool = _pools[msg.sender];
        if (pool.registered) revert AlreadyRegistered(msg.sender);
        Position storage pos = _positions[msg.sender];
        if (pos.shares != 0) revert StakedWithOtherProvider(msg.sender, pos.provider);
        uint256 minimum = _tiers[0].minStake;
        if (amount < minimum) revert StakeBelowMinimum(amount, minimum);

        pool.registered = true;
        pool.multiplierBps = uint16(BPS);
        emit ProviderRegistered(msg.sender, amount);
        _bond(msg.sender, msg.sender, amount);
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IProviderStaking
    function stake(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        if (!_pools[msg.sender].registered) revert UnknownProvider(msg.sender);
        _bond(msg.sender, msg.sender, amount);
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IProviderStaking
    function delegate(address provider, uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        if (!_pools[provider].registered) revert UnknownProvider(provider);
        if (_pools[msg.sender].registered) revert ProviderCannotDelegate(msg.sender);
        Position storage pos = _positions[msg.sender];
        address current = pos.provider;
        if (pos.shares != 0 && current != provider) revert StakedWithOtherProvider(msg.sender, current);
        if (_pools[provider].banned) revert ProviderBanned(provider);
        if (!_isActiveNow(provider)) revert ProviderInactive(provider);

        _bond(msg.sender, provider, amount);
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IProviderStaking
    function unbond(uint256 amount) external returns (uint256 index) {
        if (amount == 0) revert ZeroAmount();
        Position storage pos = _positions[msg.sender];
        if (pos.shares == 0) revert NoStake(msg.sender);
        _checkUnlocked(pos);
        if (pos.provider == msg.sender) {
            // Unbonding self-stake cannot lower the slash cap before the unbonded stake is out of reach.
            Pool storage pool = _pools[msg.sender];
            pool.heldSlashTier = _slashTier(msg.sender);
            pool.heldSlashTierUntil = SafeCast.toUint48(block.timestamp + _unbondingPeriod);
        }
        index = _unbond(msg.sender, amount, RequestKind.Unstake, address(0));
    }

    /// @inheritdoc IProviderStaking
    function redelegate(address to) external returns (uint256 index) {
        if (_pools[msg.sender].registered) revert ProviderCannotDelegate(msg.sender);
        Position storage pos = _positions[msg.sender];
        address from = pos.provider;
        if (pos.shares == 0) revert NoStake(msg.sender);
        if (to == from) revert SameProvider(to);
        if (!_pools[to].registered) revert UnknownProvider(to);
        if (_pools[to].banned) revert ProviderBanned(to);
        if (!_isActiveNow(to)) revert ProviderInactive(to);
        _checkUnlocked(pos);

        index = _unbond(msg.sender, type(uint256).max, RequestKind.Redelegation, to);
        emit RedelegationRequested(msg.sender, from, to, index);
    }

    /// @inheritdoc IProviderStaking
    function withdraw(uint256 index) external returns (uint256 amount) {
        uint256 unlockAt = _openRequestAt(msg.sender, index).unlockAt;
        if (block.timestamp < unlockAt) revert UnbondingNotFinished(msg.sender, index, unlockAt);
        Request memory r;
        (r, amount) = _closeRequest(msg.sender, index);

        address bondedTo;
        if (r.kind == RequestKind.Redelegation && _canCompleteRedelegation(msg.sender, r.destination, amount)) {
            bondedTo = r.destination;
            _bond(msg.sender, bondedTo, amount);
        }
        emit Withdrawn(msg.sender, r.provider, index, amount, bondedTo);
        if (bondedTo == address(0) && amount != 0) _TOKEN.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc IProviderStaking
    function rebond(uint256 index) external returns (uint256 amount) {
        Request memory r;
        (r, amount) = _closeRequest(msg.sender, index);
        if (amount == 0) revert ZeroAmount();
        if (r.provider != msg.sender && _pools[r.provider].banned) revert ProviderBanned(r.provider);
        Position storage pos = _positions[msg.sender];
        if (pos.provider != r.provider) {
            if (pos.shares != 0) revert StakedWithOtherProvider(msg.sender, pos.provider);
            // The account registered as a provider after this delegation left: it cannot delegate again.
            if (_pools[msg.sender].registered) revert ProviderCannotDelegate(msg.sender);
        }
        _bond(msg.sender, r.provider, amount);
        emit Rebonded(msg.sender, r.provider, index, amount);
    }

    /// @inheritdoc IProviderStaking
    function lock(uint256 duration) external {
        if (duration == 0) revert ZeroAmount();
        uint256 maxDuration = _maxLockDuration;
        if (duration > maxDuration) revert LockTooLong(duration, maxDuration);
        Position storage pos = _positions[msg.sender];
        if (pos.shares == 0) revert NoStake(msg.sender);
        uint256 lockEnd = block.timestamp + duration;
        if (lockEnd < pos.lockEnd) revert LockShortened(lockEnd, pos.lockEnd);

        uint256 weightBps = _bucketWeight(duration);
        pos.lockEnd = SafeCast.toUint48(lockEnd);
        if (weightBps != pos.rewardWeightBps) _changeRewardWeight(msg.sender, pos, weightBps);
        uint256 bonusBps = _VOTES.checkpointLock(msg.sender, lockEnd, duration);
        emit Locked(msg.sender, lockEnd, bonusBps, weightBps);
    }

    /// @inheritdoc IProviderStaking
    function kick(address account) external {
        Position storage pos = _positions[account];
        if (pos.rewardWeightBps <= BPS || block.timestamp < pos.lockEnd) revert NotKickable(account);
        _changeRewardWeight(account, pos, BPS);
        emit Kicked(account, msg.sender);
    }

    /// @inheritdoc IProviderStaking
    function claimRewards() external returns (uint256 amount) {
        Position storage pos = _positions[msg.sender];
        address provider = pos.provider;
        if (provider != address(0)) {
            Pool storage pool = _pools[provider];
            _accrueRewards();
            _sync(provider, pool);
            if (provider == msg.sender) {
                amount = pool.providerRewards;
                pool.providerRewards = 0;
            } else {
                _settle(pos, pool);
            }
        }
        amount += pos.pendingRewards;
        if (amount == 0) revert NothingToClaim(msg.sender);
        pos.pendingRewards = 0;
        _payRewards(msg.sender, amount);
    }

    /// @inheritdoc IProviderStaking
    function refreshProvider(address provider) external {
        Pool storage pool = _pools[provider];
        if (!pool.registered) revert UnknownProvider(provider);
        _accrueRewards();
        _sync(provider, pool);
        _reweigh(provider, pool, pool.assets);
    }

    // ------------------------------------------------------------------ privileged

    /// @inheritdoc IProviderStaking
    function slash(
        address provider,
        uint256 bps,
        bytes32 evidenceId
    ) external restricted returns (uint256 fromActive, uint256 fromUnbonding, uint256 fromReputation) {
        Pool storage pool = _pools[provider];
        if (!pool.registered) revert UnknownProvider(provider);
        Tier capTier = _slashTier(provider);
        uint256 maxBps = _tiers[capTier == Tier.None ? 0 : uint256(capTier) - 1].maxSlashBps;
        if (bps == 0 || bps > maxBps) revert InvalidSlash(bps, maxBps);

        _accrueRewards();
        _sync(provider, pool);
        uint256 assets = pool.assets;
        fromActive = (assets * bps) / BPS;
        fromUnbonding = (uint256(pool.unbondingAssets) * bps) / BPS;
        pool.assets = uint128(assets - fromActive);
        pool.unbondingAssets -= uint128(fromUnbonding);
        _totalBonded -= uint128(fromActive);
        _totalUnbonding -= uint128(fromUnbonding);
        _reweigh(provider, pool, assets);
        _VOTES.checkpointPrice(provider, pool.assets, pool.shares);

        uint256 burned = fromActive + fromUnbonding;
        if (burned != 0) ERC20Burnable(address(_TOKEN)).burn(burned);
        // The reputation contract burns its own share.
        fromReputation = _REPUTATION.slash(provider, bps);
        emit Slashed(provider, evidenceId, bps, fromActive, fromUnbonding, fromReputation);
    }

    /// @inheritdoc IProviderStaking
    function setPerformance(address provider, uint256 speedBps, uint256 qualityBps) external restricted {
        Pool storage pool = _pools[provider];
        if (!pool.registered) revert UnknownProvider(provider);
        uint256 maxSpeed = _maxSpeedMultiplierBps;
        uint256 maxQuality = _maxQualityMultiplierBps;
        if (speedBps < BPS || speedBps > maxSpeed) {
            revert MultiplierOutOfBounds(speedBps, BPS, maxSpeed);
        }
        if (qualityBps < BPS || qualityBps > maxQuality) {
            revert MultiplierOutOfBounds(qualityBps, BPS, maxQuality);
        }
        _accrueRewards();
        _sync(provider, pool);
        uint256 multiplierBps = (speedBps * qualityBps) / BPS;
        pool.multiplierBps = SafeCast.toUint16(multiplierBps);
        _reweigh(provider, pool, pool.assets);
        emit PerformanceSet(provider, speedBps, qualityBps, multiplierBps);
    }

    /// @inheritdoc IProviderStaking
    function setBanned(address provider, bool banned) external restricted {
        Pool storage pool = _pools[provider];
        if (!pool.registered) revert UnknownProvider(provider);
        if (pool.banned == banned) revert BanUnchanged(provider, banned);
        _accrueRewards();
        _sync(provider, pool);
        pool.banned = banned;
        _reweigh(provider, pool, pool.assets);
        emit BanChanged(provider, banned);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IProviderStaking
    function tierOf(address provider) external view returns (TierInfo memory info) {
        info.selfStake = _pools[provider].registered ? _selfStake(provider) : 0;
        info.tier = _tierOf(info.selfStake);
        if (info.tier != Tier.None) info.feeDiscountBps = _tiers[uint256(info.tier) - 1].feeDiscountBps;
        Tier capTier = _slashTier(provider);
        info.maxSlashBps = _tiers[capTier == Tier.None ? 0 : uint256(capTier) - 1].maxSlashBps;
    }

    /// @inheritdoc IProviderStaking
    function isRegistered(address provider) external view returns (bool) {
        return _pools[provider].registered;
    }

    /// @inheritdoc IProviderStaking
    function isActive(address provider) external view returns (bool) {
        return _isActiveNow(provider);
    }

    /// @inheritdoc IProviderStaking
    function isBanned(address provider) external view returns (bool) {
        return _pools[provider].banned;
    }

    /// @inheritdoc IProviderStaking
    function providerInfo(address provider) external view returns (ProviderView memory v) {
        Pool storage pool = _pools[provider];
        v.registered = pool.registered;
        v.active = pool.active;
        v.performanceMultiplierBps = pool.multiplierBps;
        v.selfStake = _selfStake(provider);
        v.delegatedStake = pool.assets - v.selfStake;
        v.unbondingStake = pool.unbondingAssets;
        v.pendingProviderRewards = pool.providerRewards;
    }

    /// @inheritdoc IProviderStaking
    function positionOf(address account) external view returns (PositionView memory v) {
        Position storage pos = _positions[account];
        Pool storage pool = _pools[pos.provider];
        v.provider = pos.provider;
        v.shares = pos.shares;
        v.stake = StakingMath.toAssetsDown(pos.shares, pool.assets, pool.shares);
        v.lockEnd = pos.lockEnd;
        if (block.timestamp < pos.lockEnd) {
            v.voteBonusBps = StakingMath.voteBonus(
                pos.lockEnd - block.timestamp,
                _FULL_BONUS_LOCK,
                _MAX_LOCK_BONUS_BPS
            );
        }
        v.rewardWeightBps = pos.rewardWeightBps == 0 ? BPS : pos.rewardWeightBps;
        v.openRequests = pos.unbondingMask;
    }

    /// @inheritdoc IProviderStaking
    function unbondingRequest(address account, uint256 index) external view returns (UnbondingView memory v) {
        Request memory r = _openRequestAt(account, index);
        Pool storage pool = _pools[r.provider];
        v.provider = r.provider;
        v.kind = r.kind;
        v.destination = r.kind == RequestKind.Redelegation ? r.destination : address(0);
        v.unlockAt = r.unlockAt;
        v.shares = r.shares;
        v.amount = StakingMath.toAssetsDown(r.shares, pool.unbondingAssets, pool.unbondingShares);
    }

    /// @inheritdoc IProviderStaking
    function pendingRewards(address account) external view returns (uint256 amount) {
        Position storage pos = _positions[account];
        amount = pos.pendingRewards;
        address provider = pos.provider;
        if (provider == address(0)) return amount;
        Pool storage pool = _pools[provider];
        (uint256 accSelf, uint256 accDelegator, ) = _pendingAccrual();
        uint256 apyTime = _apyTimeNow();
        uint256 providerReward;
        uint256 perShare;
        if (accSelf != pool.lastAccSelf || accDelegator != pool.lastAccDelegator) {
            (providerReward, perShare, ) = _poolGrowth(
                provider,
                pool,
                accSelf,
                accDelegator,
                apyTime - pool.lastApyTime
            );
        }
        if (provider == account) {
            amount += pool.providerRewards + providerReward;
        } else if (pos.shares != 0) {
            uint256 acc = pool.accPerDelegatorShare + perShare;
            if (acc != pos.accPaid) {
                (uint256 earned, ) = _earned(pos, pool, acc, apyTime - pos.apyTimePaid);
                amount += earned;
            }
        }
    }

    /// @inheritdoc IProviderStaking
    function totalOwed() external view returns (uint256) {
        return _owed();
    }

    /// @inheritdoc IProviderStaking
    function totalStakes() external view returns (uint256 bonded, uint256 unbonding) {
        return (_totalBonded, _totalUnbonding);
    }

    /// @inheritdoc IProviderStaking
    function bondedStakeSeconds() external view returns (uint256 cumulative, uint256 updatedAt) {
        return (_bondedSeconds, _lastUpdate);
    }

    /// @inheritdoc IProviderStaking
    function rewardState()
        external
        view
        returns (uint256 budget, uint256 ratePerSecond, uint256 earningStake, uint256 distributed, uint256 claimed)
    {
        return (_budget, _ratePerSecond, _earningStake, _notified - _budget, _claimed);
    }

    /// @inheritdoc IProviderStaking
    function votes() external view returns (address) {
        return address(_VOTES);
    }

    /// @inheritdoc IProviderStaking
    function reputation() external view returns (address) {
        return address(_REPUTATION);
    }

    /// @inheritdoc IProviderStaking
    function token() external view returns (address) {
        return address(_TOKEN);
    }

    // ------------------------------------------------------------------ internals

    /// @dev Changes a position's reward weight with its pool settled before and reweighed after.
    function _changeRewardWeight(address account, Position storage pos, uint256 weightBps) private {
        address provider = pos.provider;
        Pool storage pool = _pools[provider];
        bool isSelf = account == provider;
        _accrueRewards();
        _sync(provider, pool);
        if (!isSelf) _settle(pos, pool);
        _setRewardWeight(pos, pool, isSelf, weightBps);
        _reweigh(provider, pool, pool.assets);
    }

    /// @dev Locked stake cannot leave, except a delegation to a banned provider: the ban releases it at once
    /// (it earns nothing there and its provider misbehaved), and the lock ends with the release.
    function _checkUnlocked(Position storage pos) private {
        uint256 lockEnd = pos.lockEnd;
        if (block.timestamp >= lockEnd) return;
        address provider = pos.provider;
        if (provider == msg.sender || !_pools[provider].banned) revert StakeLocked(msg.sender, lockEnd);
        pos.lockEnd = uint48(block.timestamp);
        _VOTES.checkpointLock(msg.sender, block.timestamp, 0);
        emit LockReleased(msg.sender, provider, lockEnd);
    }

    function _canCompleteRedelegation(address account, address to, uint256 amount) private view returns (bool) {
        Position storage pos = _positions[account];
        Pool storage pool = _pools[to];
        return
            amount != 0 &&
            !_pools[account].registered &&
            (pos.shares == 0 || pos.provider == to) &&
            _isActiveNow(to) &&
            StakingMath.toSharesDown(amount, pool.assets, pool.shares) != 0;
    }
}
