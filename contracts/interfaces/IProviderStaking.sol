// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IRewardReceiver} from "./IRewardReceiver.sol";

/// @title IProviderStaking
/// @notice Provider staking: providers register with a self-stake and get a tier from it, anyone delegates to an active
/// provider, stake leaves through an unbonding queue, rewards accrue through O(1) accumulators (split between direct
/// stakers, delegators and validator commission, paid inside an APY band that also caps each staker), stake can be
/// locked for voting weight and reward weight, and the slasher takes a share of a provider's active, unbonding and
/// reputation stake in O(1).
/// @dev Accounting model (see docs/staking.md):
/// - Each account holds one position: its self-stake if it is a registered provider, otherwise a delegation
///   to one provider. Each provider has an active pool (its self-stake and its delegators' stake, as shares
///   of one pool) and an unbonding pool (also shares). A slash lowers both pools' assets, so every position
///   loses the same fraction when next read. Unbonding requests created after a slash are priced after it.
/// - Rewards: a global accumulator per class (self-stake, delegations) per unit of reward weight, a
///   per-provider accumulator per delegated share, lazy settlement per position. Reward weight = stake x
///   performance multiplier x lock-bucket weight, so multipliers redistribute a fixed flow and never add to it.
/// - Reputation stake lives in a `ReputationStake` contract this contract deploys (`reputation()`).
/// - Votes: checkpointed by timestamp in a `StakingVotes` contract this contract deploys and alone writes
///   (`votes()`, read by governance through `IVotingWeight`).
/// Governed numbers are set through the ParameterRegistry; their keys are in `StakingKeys`.
interface IProviderStaking is IRewardReceiver {
    // ------------------------------------------------------------------ types

    /// @notice Provider tiers, by self-stake. `None` means below the minimum self-stake (inactive).
    enum Tier {
        None,
        Bronze,
        Silver,
        Gold,
        Platinum
    }

    /// @notice What an unbonding request does when it completes.
    /// @dev `Unstake`: tokens go back to the account. `Redelegation`: the stake is bonded to `destination`
    /// (or paid out if it cannot be).
    enum RequestKind {
        Unstake,
        Redelegation
    }

    /// @notice A provider's tier and what it carries, read by the market (fee discount) and the slasher.
    /// @param tier The tier the self-stake reaches under the current thresholds.
    /// @param feeDiscountBps Fee discount of the tier, in bps.
    /// @param maxSlashBps Largest share of the provider's stake one slash may take, in bps: the tier's, or for an
    /// unbonding period after the provider unbonded self-stake, the higher tier it held before.
    /// @param selfStake The provider's self-stake, in token wei (after slashes).
    struct TierInfo {
        Tier tier;
        uint16 feeDiscountBps;
        uint16 maxSlashBps;
        uint256 selfStake;
    }

    /// @notice A provider's state.
    /// @param registered Whether the provider registered.
    /// @param active Whether its pool earns rewards and accepts delegations (self-stake >= minimum as of its
    /// last update; `isActive` gives the live answer under the current parameters).
    /// @param performanceMultiplierBps Reward weight multiplier from attested metrics (10,000 = 1x).
    /// @param selfStake Value of the provider's own position.
    /// @param delegatedStake Value of all delegations to it.
    /// @param unbondingStake Value of everything unbonding from it (self-stake and delegations).
    /// @param pendingProviderRewards Self-stake rewards and commission settled but not yet claimed.
    struct ProviderView {
        bool registered;
        bool active;
        uint256 performanceMultiplierBps;
        uint256 selfStake;
        uint256 delegatedStake;
        uint256 unbondingStake;
        uint256 pendingProviderRewards;
    }

    /// @notice An account's position.
    /// @param provider The provider it is staked with (itself for a provider), or zero.
    /// @param shares Shares of the provider's active pool.
    /// @param stake Their value in token wei.
    /// @param lockEnd The lock's end (0 if never locked); the stake cannot leave before it.
    /// @param voteBonusBps Voting bonus of the lock over the staked 1.5x now, in bps: it follows the time left
    /// (the full bonus with a year or more left, decaying linearly to 0 at the lock's end).
    /// @param rewardWeightBps Reward weight of the position (10,000 = 1x): the bucket of its lock duration, or for
    /// stake added to a running lock the shares-weighted mean with the bucket of the time left; 1x once kicked
    /// after the lock ends.
    /// @param openRequests Bitmap of the open unbonding request slots (bit `i` set: slot `i` is open).
    struct PositionView {
        address provider;
        uint256 shares;
        uint256 stake;
        uint256 lockEnd;
        uint256 voteBonusBps;
        uint256 rewardWeightBps;
        uint256 openRequests;
    }

    /// @notice An open unbonding request.
    /// @param provider The provider whose unbonding pool holds it (and whose slashes reach it).
    /// @param kind What completion does.
    /// @param destination For a redelegation, the provider it moves to.
    /// @param unlockAt First timestamp at which it can be withdrawn.
    /// @param shares Shares of the provider's unbonding pool.
    /// @param amount Their value in token wei (after slashes).
    struct UnbondingView {
        address provider;
        RequestKind kind;
        address destination;
        uint256 unlockAt;
        uint256 shares;
        uint256 amount;
    }

    /// @notice A maturity bucket: locks of at least `minDuration` seconds earn `weightBps` reward weight.
    /// @param minDuration Shortest lock that reaches the bucket, in seconds.
    /// @param weightBps Reward weight of the bucket (10,000 = 1x).
    struct LockBucket {
        uint32 minDuration;
        uint16 weightBps;
    }

    /// @notice Values fixed for the life of the contract (from the preset).
    /// @param selfRewardBps Share of each reward flow paid to providers' self-stake (direct stakers).
    /// @param delegatorRewardBps Share paid to delegators.
    /// @param commissionBps Share paid to providers as commission on the delegations they attract.
    /// @param stakedVoteBps Voting weight per staked token (15,000 = 1.5x).
    /// @param maxLockVoteBps Voting weight per token locked for `fullBonusLockDuration` or more (20,000 = 2x).
    /// @param fullBonusLockDuration Lock duration that reaches `maxLockVoteBps`, in seconds.
    struct Constants {
        uint16 selfRewardBps;
        uint16 delegatorRewardBps;
        uint16 commissionBps;
        uint16 stakedVoteBps;
        uint16 maxLockVoteBps;
        uint32 fullBonusLockDuration;
    }

    /// @notice Initial values of the governed parameters (keys below).
    /// @param minSelfStake Minimum self-stake of an active provider, which is also the Bronze threshold.
    /// @param silverMinStake Silver threshold.
    /// @param goldMinStake Gold threshold.
    /// @param platinumMinStake Platinum threshold.
    /// @param feeDiscountBps Fee discount of Bronze, Silver, Gold, Platinum, in bps.
    /// @param maxSlashBps Maximum slash of Bronze, Silver, Gold, Platinum, in bps.
    /// @param unbondingPeriod Unbonding period, in seconds.
    /// @param maxLockDuration Longest lock, in seconds.
    /// @param rewardDuration Period over which a notified budget is spread, in seconds.
    /// @param minApyBps Lower edge of the APY band, in bps.
    /// @param maxApyBps Upper edge of the APY band, in bps.
    /// @param maxSpeedMultiplierBps Largest speed multiplier an attester may set.
    /// @param maxQualityMultiplierBps Largest quality multiplier an attester may set.
    /// @param reputationHalfStake Reputation stake that earns half the maximum score.
    struct Parameters {
        uint256 minSelfStake;
        uint256 silverMinStake;
        uint256 goldMinStake;
        uint256 platinumMinStake;
        uint16[4] feeDiscountBps;
        uint16[4] maxSlashBps;
        uint256 unbondingPeriod;
        uint256 maxLockDuration;
        uint256 rewardDuration;
        uint256 minApyBps;
        uint256 maxApyBps;
        uint256 maxSpeedMultiplierBps;
        uint256 maxQualityMultiplierBps;
        uint256 reputationHalfStake;
    }

    // ------------------------------------------------------------------ events

    /// @notice A provider registered.
    /// @param provider The provider.
    /// @param selfStake Its initial self-stake.
    event ProviderRegistered(address indexed provider, uint256 selfStake);

    /// @notice Stake entered a provider's active pool (self-stake when `account == provider`).
    /// @param account The staker.
    /// @param provider The provider.
    /// @param amount Tokens bonded.
    /// @param shares Shares minted.
    event Staked(address indexed account, address indexed provider, uint256 amount, uint256 shares);

    /// @notice Stake left a provider's active pool into its unbonding pool.
    /// @param account The staker.
    /// @param provider The provider.
    /// @param index The unbonding request's slot.
    /// @param kind What completion will do.
    /// @param amount Tokens unbonded.
    /// @param unlockAt When the request can be withdrawn.
    event Unbonded(
        address indexed account,
        address indexed provider,
        uint256 index,
        RequestKind kind,
        uint256 amount,
        uint256 unlockAt
    );

    /// @notice A redelegation was requested.
    /// @param account The delegator.
    /// @param from The provider it leaves (whose slashes still reach it until completion).
    /// @param to The provider it moves to on completion.
    /// @param index The unbonding request's slot.
    event RedelegationRequested(address indexed account, address indexed from, address indexed to, uint256 index);

    /// @notice An unbonding request was completed.
    /// @param account The staker.
    /// @param provider The provider whose unbonding pool held it.
    /// @param index The request's slot, now free.
    /// @param amount Tokens released.
    /// @param bondedTo The provider they were bonded to (a completed redelegation), or zero if paid out.
    event Withdrawn(address indexed account, address indexed provider, uint256 index, uint256 amount, address bondedTo);

    /// @notice An unbonding request went back to where it came from.
    /// @param account The staker.
    /// @param provider The provider.
    /// @param index The request's slot, now free.
    /// @param amount Tokens rebonded.
    event Rebonded(address indexed account, address indexed provider, uint256 index, uint256 amount);

    /// @notice A position was locked.
    /// @param account The staker.
    /// @param lockEnd The lock's end.
    /// @param voteBonusBps The voting bonus while locked, in bps.
    /// @param rewardWeightBps The reward weight while locked.
    event Locked(address indexed account, uint256 lockEnd, uint256 voteBonusBps, uint256 rewardWeightBps);

    /// @notice A ban released a delegator's lock: it ends now instead of at `lockEnd`.
    /// @param account The delegator (unbonding or redelegating).
    /// @param provider The banned provider.
    /// @param lockEnd The end the lock had.
    event LockReleased(address indexed account, address indexed provider, uint256 lockEnd);

    /// @notice An expired lock's reward weight went back to 1x.
    /// @param account The staker.
    /// @param caller Who kicked it.
    event Kicked(address indexed account, address indexed caller);

    /// @notice Rewards were paid.
    /// @param account The staker.
    /// @param amount Tokens paid.
    event RewardsClaimed(address indexed account, uint256 amount);

    /// @notice A funder added to the reward budget.
    /// @param amount Tokens added.
    /// @param budget The undistributed budget after it.
    /// @param ratePerSecond The scheduled rate, before the APY band.
    event RewardAdded(uint256 amount, uint256 budget, uint256 ratePerSecond);

    /// @notice A provider became active or inactive.
    /// @param provider The provider.
    /// @param active Its new status.
    event ProviderStatusChanged(address indexed provider, bool active);

    /// @notice The slasher banned a provider or lifted its ban.
    /// @param provider The provider.
    /// @param banned Whether it is banned now.
    event BanChanged(address indexed provider, bool banned);

    /// @notice An attester set a provider's performance multipliers.
    /// @param provider The provider.
    /// @param speedBps Speed multiplier.
    /// @param qualityBps Quality multiplier.
    /// @param multiplierBps Their product, the provider pool's reward multiplier.
    event PerformanceSet(address indexed provider, uint256 speedBps, uint256 qualityBps, uint256 multiplierBps);

    /// @notice The slasher took stake from a provider and burned it.
    /// @param provider The provider.
    /// @param evidenceId The slasher's reference for the infraction.
    /// @param bps Share taken from each of the three stakes.
    /// @param fromActive Taken from the active pool (self-stake and delegations).
    /// @param fromUnbonding Taken from the unbonding pool.
    /// @param fromReputation Taken from the reputation stake.
    event Slashed(
        address indexed provider,
        bytes32 indexed evidenceId,
        uint256 bps,
        uint256 fromActive,
        uint256 fromUnbonding,
        uint256 fromReputation
    );

    // ------------------------------------------------------------------ errors

    /// @notice An amount (or a duration) of zero.
    error ZeroAmount();
    /// @notice A provider's self-stake would be below the minimum.
    error StakeBelowMinimum(uint256 stake, uint256 minimum);
    /// @notice The account is already a registered provider.
    error AlreadyRegistered(address provider);
    /// @notice The address is not a registered provider.
    error UnknownProvider(address provider);
    /// @notice The provider is not active (self-stake below the minimum).
    error ProviderInactive(address provider);
    /// @notice A provider cannot delegate or redelegate: its position is its self-stake.
    error ProviderCannotDelegate(address provider);
    /// @notice The account's position is with another provider; redelegate or unbond first.
    error StakedWithOtherProvider(address account, address current);
    /// @notice The account has no stake to act on.
    error NoStake(address account);
    /// @notice More than the position holds.
    error InsufficientStake(uint256 available, uint256 requested);
    /// @notice The amount buys no share at the current price.
    error AmountTooSmall(uint256 amount);
    /// @notice The position is locked until `lockEnd`.
    error StakeLocked(address account, uint256 lockEnd);
    /// @notice The account already has `max` open unbonding requests.
    error UnbondingQueueFull(address account, uint256 max);
    /// @notice No open unbonding request in this slot (never opened, or already withdrawn or rebonded).
    error NoUnbondingRequest(address account, uint256 index);
    /// @notice The request's unbonding period has not ended.
    error UnbondingNotFinished(address account, uint256 index, uint256 unlockAt);
    /// @notice A lock longer than the maximum.
    error LockTooLong(uint256 duration, uint256 maxDuration);
    /// @notice A new lock would end before the current one.
    error LockShortened(uint256 newEnd, uint256 currentEnd);
    /// @notice Nothing to kick: the lock has not ended or carries no reward weight above 1x.
    error NotKickable(address account);
    /// @notice Redelegation to the provider the stake is already with.
    error SameProvider(address provider);
    /// @notice The provider is banned: it takes no new delegations (delegators can still leave).
    error ProviderBanned(address provider);
    /// @notice The provider's ban is already in the requested state.
    error BanUnchanged(address provider, bool banned);
    /// @notice Nothing to claim.
    error NothingToClaim(address account);
    /// @notice A slash above the provider's tier maximum (or of zero).
    error InvalidSlash(uint256 bps, uint256 maxBps);
    /// @notice A performance multiplier outside its bounds.
    error MultiplierOutOfBounds(uint256 value, uint256 min, uint256 max);
    /// @notice The pool does not hold what it owes plus the notified amount.
    error InsufficientRewardBalance(uint256 balance, uint256 required);
    /// @notice Constructor values that break the module's rules.
    error InvalidConfiguration();

    // ------------------------------------------------------------------ providers

    /// @notice Registers the caller as a provider with `amount` of self-stake (pulled from the caller).
    /// @dev Reverts `StakeBelowMinimum` under the minimum self-stake, `AlreadyRegistered`, or
    /// `StakedWithOtherProvider` if the caller holds a delegation.
    /// @param amount Initial self-stake, in token wei.
    function registerProvider(uint256 amount) external;

    /// @notice Adds `amount` to the caller's self-stake (the caller must be a registered provider).
    /// @param amount Tokens to stake.
    function stake(uint256 amount) external;

    /// @notice Delegates `amount` of the caller's tokens to an active provider.
    /// @dev Reverts `UnknownProvider`, `ProviderInactive`, `ProviderCannotDelegate` (the caller is a provider)
    /// or `StakedWithOtherProvider`.
    /// @param provider The provider.
    /// @param amount Tokens to delegate.
    function delegate(address provider, uint256 amount) external;

    /// @notice Moves `amount` of the caller's position (self-stake or delegation) into the unbonding queue.
    /// @dev Withdrawable from `block.timestamp + unbondingPeriod`. Reverts `StakeLocked` while locked (unless
    /// the caller delegates to a banned provider: the ban releases the lock, `LockReleased`),
    /// `UnbondingQueueFull` with 8 open requests. A provider may fall below the minimum (it then deactivates).
    /// @param amount Tokens to unbond.
    /// @return index The request's slot (0-7).
    function unbond(uint256 amount) external returns (uint256 index);

    /// @notice Moves the caller's whole delegation to provider `to` through the unbonding queue.
    /// @dev The stake leaves the current provider's active pool at once (it stops earning) and waits in its
    /// unbonding pool, where that provider's slashes still reach it; `withdraw` after the unbonding period
    /// bonds it to `to` (or pays it out if `to` is no longer active or the caller staked elsewhere meanwhile).
    /// Reverts `StakeLocked` while locked, unless the current provider is banned (the ban releases the lock).
    /// @param to The destination provider.
    /// @return index The request's slot.
    function redelegate(address to) external returns (uint256 index);

    /// @notice Completes an unbonding request whose period has ended.
    /// @param index The request's slot.
    /// @return amount Tokens released (paid out, or bonded to the destination of a redelegation).
    function withdraw(uint256 index) external returns (uint256 amount);

    /// @notice Returns an unbonding request to the source provider's active pool, without waiting (for a
    /// redelegation, this cancels it).
    /// @param index The request's slot.
    /// @return amount Tokens rebonded.
    function rebond(uint256 index) external returns (uint256 amount);

    /// @notice Locks the caller's position until `block.timestamp + duration`.
    /// @dev The voting weight of the stake at `timepoint < lockEnd` is 1.5x plus a bonus linear in the time left,
    /// `lockEnd - timepoint`, reaching 2x with a year or more left: it decays to 1.5x by the lock's end with no
    /// transaction. The reward weight is the best maturity bucket the duration reaches, until the lock has ended and
    /// the position is kicked or next bonded or unbonded. Stake added later joins the lock and earns only the bucket of
    /// the time left (the position keeps the shares-weighted mean); re-locking gives the whole position the bucket of
    /// the new duration. Reverts `LockTooLong` above the maximum, `LockShortened` before the current end.
    /// @param duration Lock duration, in seconds.
    function lock(uint256 duration) external;

    /// @notice Returns an expired lock's reward weight to 1x. Anyone may call it.
    /// @param account The staker.
    function kick(address account) external;

    /// @notice Pays the caller's rewards: delegation rewards, and for a provider its self-stake rewards and
    /// commission.
    /// @return amount Tokens paid.
    function claimRewards() external returns (uint256 amount);

    /// @notice Re-evaluates a provider's status under the current parameters (e.g. after the minimum self-stake
    /// changed) and settles its pool. Anyone may call it.
    /// @param provider The provider.
    function refreshProvider(address provider) external;

    // ------------------------------------------------------------------ privileged

    /// @notice Takes `bps` of a provider's active pool, unbonding pool and reputation stake (in the reputation
    /// contract), and burns it.
    /// @dev Restricted to the SLASHER role. `bps` must be positive and at most `tierOf(provider).maxSlashBps`
    /// (Bronze's for an inactive provider; a provider that unbonded self-stake keeps its earlier tier's cap for an
    /// unbonding period, so it cannot shrink the cap ahead of a slash). Every position and open unbonding request
    /// of the provider loses the same fraction, in O(1); requests opened later are not affected. Amounts round
    /// down.
    /// @param provider The provider.
    /// @param bps Share to take, in bps.
    /// @param evidenceId The slasher's reference for the infraction (for the event).
    /// @return fromActive Taken from the active pool.
    /// @return fromUnbonding Taken from the unbonding pool.
    /// @return fromReputation Taken from the reputation stake.
    function slash(
        address provider,
        uint256 bps,
        bytes32 evidenceId
    ) external returns (uint256 fromActive, uint256 fromUnbonding, uint256 fromReputation);

    /// @notice Sets a provider's performance multipliers from attested metrics.
    /// @dev Restricted to the ATTESTER role. Each multiplier lies in [1x, its governed maximum]; the pool's
    /// reward weight is multiplied by their product.
    /// @param provider The provider.
    /// @param speedBps Speed multiplier (10,000 = 1x; QUIVer gives 1.2x under 100 ms).
    /// @param qualityBps Quality multiplier (10,000 = 1x; up to 1.5x in QUIVer).
    function setPerformance(address provider, uint256 speedBps, uint256 qualityBps) external;

    /// @notice Bans a provider (a severe infraction) or lifts its ban.
    /// @dev Restricted to the SLASHER role (the slasher contract). A banned provider is inactive: `isActive` is false
    /// (the market gives it no work), its pool earns no rewards, and `delegate`, `redelegate` to it and a delegator's
    /// `rebond` into it revert `ProviderBanned`; a redelegation in flight towards it is paid out on completion. Its
    /// delegators can unbond and redelegate away at once, even while locked (the ban releases their locks), and
    /// withdraw; the provider itself can unbond unlocked stake. Its stake stays slashable. Reverts `UnknownProvider`,
    /// or `BanUnchanged` when nothing would change.
    /// @param provider The provider.
    /// @param banned Whether to ban it (true) or lift the ban (false).
    function setBanned(address provider, bool banned) external;

    // ------------------------------------------------------------------ views

    /// @notice A provider's tier under the current thresholds, with its fee discount and maximum slash.
    /// @param provider The provider.
    /// @return The tier information (tier `None` for unknown or below-minimum providers).
    function tierOf(address provider) external view returns (TierInfo memory);

    /// @notice Whether an address registered as a provider.
    /// @param provider The address.
    /// @return Whether it is registered.
    function isRegistered(address provider) external view returns (bool);

    /// @notice Whether a provider is registered, not banned, with a self-stake at or above the current minimum.
    /// @param provider The provider.
    /// @return Whether it is active now.
    function isActive(address provider) external view returns (bool);

    /// @notice Whether a provider is banned.
    /// @param provider The provider.
    /// @return Whether it is banned.
    function isBanned(address provider) external view returns (bool);

    /// @notice A provider's state.
    /// @param provider The provider.
    /// @return The provider's pools, status, multiplier and settled rewards.
    function providerInfo(address provider) external view returns (ProviderView memory);

    /// @notice An account's position.
    /// @param account The staker.
    /// @return The position.
    function positionOf(address account) external view returns (PositionView memory);

    /// @notice An open unbonding request; reverts `NoUnbondingRequest` for a free slot.
    /// @param account The staker.
    /// @param index The slot.
    /// @return The request and its current value.
    function unbondingRequest(address account, uint256 index) external view returns (UnbondingView memory);

    /// @notice Rewards the account could claim now.
    /// @param account The staker.
    /// @return Tokens claimable.
    function pendingRewards(address account) external view returns (uint256);

    /// @notice Everything the contract owes: active and unbonding stake, the undistributed reward budget and
    /// rewards distributed but not claimed. Its token balance is never below it. (Reputation stake is held and
    /// accounted by the reputation contract.)
    /// @return Tokens owed.
    function totalOwed() external view returns (uint256);

    /// @notice Total stake in active pools and in unbonding pools.
    /// @return bonded Stake in active pools (all providers, active or not).
    /// @return unbonding Stake in unbonding pools.
    function totalStakes() external view returns (uint256 bonded, uint256 unbonding);

    /// @notice The bonded stake integrated over time (stake-seconds), as of its last update; the bonded stake has
    /// been `totalStakes().bonded` since then. Any time-weighted average since a past reading follows from it.
    /// @return cumulative Sum of bonded stake x seconds up to `updatedAt`.
    /// @return updatedAt When it was last brought up to date (every change of the bonded stake does), unix seconds.
    function bondedStakeSeconds() external view returns (uint256 cumulative, uint256 updatedAt);

    /// @notice The reward stream.
    /// @return budget Notified tokens not yet distributed.
    /// @return ratePerSecond Scheduled rate before the APY band.
    /// @return earningStake Stake of active providers, the base of the APY band.
    /// @return distributed Tokens distributed to stakers since deployment.
    /// @return claimed Tokens claimed since deployment.
    function rewardState()
        external
        view
        returns (uint256 budget, uint256 ratePerSecond, uint256 earningStake, uint256 distributed, uint256 claimed);

    /// @notice The voting-weight checkpoints of staked and locked tokens (`IStakingVotes`, `IVotingWeight`).
    /// @return The votes contract's address.
    function votes() external view returns (address);

    /// @notice The providers' reputation stake (`IReputationStake`), slashed with them.
    /// @return The reputation contract's address.
    function reputation() external view returns (address);

    /// @notice The token staked and paid as rewards.
    /// @return The token's address.
    function token() external view returns (address);
}
