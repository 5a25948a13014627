// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IDistributionPool} from "./IDistributionPool.sol";

/// @title IAvailabilityPool
/// @notice Proof of availability (QRY's rules, docs/economics/qry.md). Challengers (validators holding the CHALLENGER
/// role) record, per provider, how many challenges they sent and how many were answered correctly. When the engine
/// funds an epoch, its budget splits into the providers' part (85%) and the challengers' part (15%):
///
///     A-Pay(a) = MinStake(a) / sum_i MinStake(i) x Availability(a) x providers' part
///     Availability(a) = 0 if OA(a) < 85%, else OA(a)          OA = answered / challenges (exact fraction)
///     C-Pay(c) = challengers' part / N x Activity(c)
///     Activity(c) = 0 if Registered(c) < 85% of Quota, else min(Registered(c) / Quota, 100%)
///
/// `MinStake(a)` is the minimum stake of the service provider `a` registered for; the sum runs over every provider
/// challenged in the epoch. `N` counts the active challengers: those whose registered challenges reached the
/// activity threshold (Activity > 0). What these formulas do not pay (providers below 85%, challengers below
/// the threshold or under the quota) goes back to the engine at funding, into the pool's reserve.
/// @dev O(1): each record updates running sums (sum of MinStake, sum of MinStake x Availability, number of active
/// challengers, sum of capped registered challenges) by replacing the provider's and the challenger's old terms.
/// The quota, the two thresholds and the challengers' share are fixed for an epoch by its first record;
/// governance changes apply to the next epoch that starts recording. Thresholds and the share are in bps and the
/// comparison is exact (`answered * 10,000 >= threshold * challenges`): 84.99% pays nothing, 85.00% pays.
interface IAvailabilityPool is IDistributionPool {
    /// @notice A provider's record in an epoch. One storage slot.
    /// @param challenges Challenges sent to it.
    /// @param answered Challenges it answered correctly.
    /// @param minStake The minimum stake of its service, fixed at its first record in the epoch, in wei.
    /// @param claimed Whether it claimed its A-Pay.
    struct ProviderRecord {
        uint32 challenges;
        uint32 answered;
        uint96 minStake;
        bool claimed;
    }

    /// @notice A challenger's record in an epoch. One storage slot.
    /// @param registered Challenges it registered.
    /// @param claimed Whether it claimed its C-Pay.
    struct ChallengerRecord {
        uint32 registered;
        bool claimed;
    }

    /// @notice The rules in force: fixed for an epoch by its first record.
    /// @param quota Challenges a challenger must register for full activity.
    /// @param availabilityBps Observed availability below which a provider earns nothing, in bps.
    /// @param activityBps Share of the quota below which a challenger earns nothing, in bps.
    /// @param challengerShareBps The challengers' part of the pool, in bps (the providers get the rest).
    struct Rules {
        uint32 quota;
        uint16 availabilityBps;
        uint16 activityBps;
        uint16 challengerShareBps;
    }

    /// @notice An epoch's running sums and its rules. Two storage slots, rewritten by every record.
    /// @param sumMinStake Sum of MinStake over the providers challenged, in wei.
    /// @param sumWeight Sum of `floor(MinStake x answered / challenges)` over the providers at or above the
    /// availability threshold, in wei.
    /// @param quota The epoch's quota (zero until its first record).
    /// @param availabilityBps The epoch's availability threshold.
    /// @param activityBps The epoch's activity threshold.
    /// @param challengerShareBps The epoch's challengers' part.
    /// @param activeChallengers N: challengers at or above the activity threshold.
    /// @param sumActivity Sum of `min(registered, quota)` over the active challengers.
    /// @param lockWindow The claim window in force at the epoch's first record, in seconds: a provider's own stake
    /// must be locked until the epoch's end plus this (`lockRequiredFor`).
    struct EpochTotals {
        uint128 sumMinStake;
        uint128 sumWeight;
        uint32 quota;
        uint16 availabilityBps;
        uint16 activityBps;
        uint16 challengerShareBps;
        uint32 activeChallengers;
        uint64 sumActivity;
        uint32 lockWindow;
    }

    /// @notice An epoch's funding split, set when it is funded. One storage slot.
    /// @param providers The providers' part (A-Pay is paid from it).
    /// @param challengers The challengers' part (C-Pay is paid from it).
    struct Budgets {
        uint128 providers;
        uint128 challengers;
    }

    /// @notice A provider declared the service it provides.
    /// @param provider The provider.
    /// @param service The service's index.
    event ServiceRegistered(address indexed provider, uint256 service);

    /// @notice A challenger recorded challenges to a provider.
    /// @param epoch The epoch.
    /// @param challenger The challenger.
    /// @param provider The provider.
    /// @param challenges Challenges sent.
    /// @param answered Of which answered correctly.
    event ChallengesRecorded(
        uint256 indexed epoch,
        address indexed challenger,
        address indexed provider,
        uint256 challenges,
        uint256 answered
    );

    /// @notice A provider claimed its A-Pay.
    /// @param epoch The epoch.
    /// @param provider The provider (paid).
    /// @param amount Paid, in wei.
    event AvailabilityPaid(uint256 indexed epoch, address indexed provider, uint256 amount);

    /// @notice A challenger claimed its C-Pay.
    /// @param epoch The epoch.
    /// @param challenger The challenger (paid).
    /// @param amount Paid, in wei.
    event ChallengerPaid(uint256 indexed epoch, address indexed challenger, uint256 amount);

    /// @notice No service has this index.
    /// @param service The index given.
    /// @param count How many services there are.
    error UnknownService(uint256 service, uint256 count);
    /// @notice The service list at deployment is empty or longer than `MAX_SERVICES`.
    /// @param count The length given.
    /// @param max The longest allowed.
    error InvalidServiceCount(uint256 count, uint256 max);
    /// @notice The provider has not registered a service.
    /// @param provider The provider.
    error ProviderNotRegistered(address provider);

    /// @notice A provider is recorded for the first time in an epoch with its own stake locked for less than the
    /// epoch's end plus its claim window.
    /// @param provider The provider.
    /// @param lockEnd When the lock on its stake ends (zero: not locked).
    /// @param required The epoch's end plus the claim window (`lockRequiredFor`): the lock must reach it.
    error StakeNotLocked(address provider, uint256 lockEnd, uint256 required);
    /// @notice A record of zero challenges.
    error ZeroChallenges();
    /// @notice More answers than challenges.
    /// @param answered Answers given.
    /// @param challenges Challenges given.
    error AnswersExceedChallenges(uint256 answered, uint256 challenges);

    /// @notice Declares the caller's service; its minimum stake is what `MinStake` counts from the next epoch the
    /// caller is challenged in.
    /// @param service The service's index (below `serviceCount()`).
    function registerService(uint256 service) external;

    /// @notice Records `challenges` sent by the caller to `provider` in the open epoch, `answered` of them answered
    /// correctly.
    /// @dev Restricted to the CHALLENGER role. At a provider's first record in an epoch it must be registered for a
    /// service, active in staking, with its own stake (`IStakeReader.identityStakeOf`, delegations excluded) at least
    /// that service's minimum and locked until at least the epoch's end plus the claim window (`lockRequiredFor`).
    /// Locked self-stake cannot leave, so one stake qualifies one provider per epoch: it cannot be unbonded and
    /// restaked under a second identity within the epoch.
    /// @param epoch The open epoch.
    /// @param provider The provider challenged.
    /// @param challenges Challenges sent (positive).
    /// @param answered Of which answered correctly (at most `challenges`).
    function recordChallenges(uint256 epoch, address provider, uint256 challenges, uint256 answered) external;

    /// @notice Pays the caller its A-Pay for a funded epoch.
    /// @dev The caller must still be active with its own stake at least the minimum it was recorded under
    /// (`InactiveProvider`, `StakeBelowMinimum`): a provider banned or slashed below it after its records collects
    /// nothing.
    /// @param epoch The epoch.
    /// @return amount Paid, in wei.
    function claimAvailability(uint256 epoch) external returns (uint256 amount);

    /// @notice Pays the caller its C-Pay for a funded epoch.
    /// @param epoch The epoch.
    /// @return amount Paid, in wei.
    function claimChallenges(uint256 epoch) external returns (uint256 amount);

    /// @notice How long a provider's own stake must be locked at its first record of `epoch`: the epoch's end plus
    /// the claim window in force at the epoch's first record (or now, before it).
    /// @param epoch The epoch.
    /// @return The earliest lock end that qualifies, unix seconds.
    function lockRequiredFor(uint256 epoch) external view returns (uint256);

    /// @notice A provider's A-Pay for an epoch by the formula (zero before funding), claimed or not (the claim also
    /// asks the provider's stake).
    /// @param epoch The epoch.
    /// @param provider The provider.
    /// @return The amount, in wei.
    function availabilityPayOf(uint256 epoch, address provider) external view returns (uint256);

    /// @notice A challenger's C-Pay for an epoch by the formula (zero before funding), claimed or not.
    /// @param epoch The epoch.
    /// @param challenger The challenger.
    /// @return The amount, in wei.
    function challengerPayOf(uint256 epoch, address challenger) external view returns (uint256);

    /// @notice A provider's record in an epoch.
    /// @param epoch The epoch.
    /// @param provider The provider.
    /// @return The record.
    function providerRecord(uint256 epoch, address provider) external view returns (ProviderRecord memory);

    /// @notice A challenger's record in an epoch.
    /// @param epoch The epoch.
    /// @param challenger The challenger.
    /// @return The record.
    function challengerRecord(uint256 epoch, address challenger) external view returns (ChallengerRecord memory);

    /// @notice An epoch's running sums and rules.
    /// @param epoch The epoch.
    /// @return The totals.
    function epochTotals(uint256 epoch) external view returns (EpochTotals memory);

    /// @notice An epoch's funding split (zero before funding, or when nobody was challenged).
    /// @param epoch The epoch.
    /// @return The budgets.
    function budgetsOf(uint256 epoch) external view returns (Budgets memory);

    /// @notice The rules that the next epoch to start recording will use.
    /// @return The rules.
    function rules() external view returns (Rules memory);

    /// @notice The service a provider registered for.
    /// @param provider The provider.
    /// @return registered Whether it registered one.
    /// @return service The service's index.
    function serviceOf(address provider) external view returns (bool registered, uint256 service);

    /// @notice A service's minimum stake.
    /// @param service The service's index.
    /// @return The minimum, in wei.
    function minStakeOf(uint256 service) external view returns (uint256);

    /// @notice How many services there are.
    /// @return The count.
    function serviceCount() external view returns (uint256);

    /// @notice Where stakes are read.
    /// @return The stake reader.
    function stakeReader() external view returns (address);

    /// @notice Parameter key of a service's minimum stake.
    /// @param service The service's index.
    /// @return keccak256(abi.encode("distribution.poa.minStake", service))
    function minStakeKey(uint256 service) external pure returns (bytes32);

    // solhint-disable func-name-mixedcase
    /// @notice Parameter key: challenges a challenger must register in an epoch for full activity (positive).
    /// @return keccak256("distribution.poa.challengeQuota")
    function CHALLENGE_QUOTA() external view returns (bytes32);

    /// @notice Parameter key: the observed-availability threshold, in bps.
    /// @return keccak256("distribution.poa.availabilityThresholdBps")
    function AVAILABILITY_THRESHOLD() external view returns (bytes32);

    /// @notice Parameter key: the activity threshold, in bps of the quota.
    /// @return keccak256("distribution.poa.activityThresholdBps")
    function ACTIVITY_THRESHOLD() external view returns (bytes32);

    /// @notice Parameter key: the challengers' part of the pool, in bps.
    /// @return keccak256("distribution.poa.challengerShareBps")
    function CHALLENGER_SHARE() external view returns (bytes32);
    // solhint-enable func-name-mixedcase
}
