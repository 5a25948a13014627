// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEpochClock} from "./IEpochClock.sol";
import {IParameterized} from "./IParameterized.sol";

/// @title ISubscriptionManager
/// @notice QRY subscriptions (docs/economics/qry.md). A portal (an account holding the PORTAL role) sells a
/// client a monthly subscription in QRY: it pays `monthlyPay x epochs` up front and is recorded as the acquirer;
/// the subscription names the integrator whose application it serves. A month is one epoch (30 days by default);
/// a subscription is active from the epoch it is bought in through `paidThrough`. Anyone may renew it by paying
/// more epochs. Gateways (the GATEWAY role) report the calls providers served for a subscription in the open epoch.
///
/// Where the numbers go:
/// - each payment is credited, as subscription value, to the portal in the portals' square-root pool and to the
///   integrator in the integrators' pool, for the epoch it is paid in;
/// - each report credits `calls x monthlyPay` (Total Registered Value) to the provider in the query-fulfillment pool;
/// - payments stay here until the distribution engine collects them when it closes an epoch; they are distributed
///   with that epoch's issuance;
/// - per epoch the manager records two of the usage multiplier's measures, both weighted by value so that dust
///   cannot move them: the revenue of the epoch, as the monthly pay of every subscription active in it (a prepaid
///   subscription counts one month's pay in each epoch it covers, not everything in the epoch it is bought), and the
///   number of active subscriptions, each counted pro rata to its pay up to one whole subscription at
///   `FULL_UNIT_MULTIPLE x minMonthlyPay` (rounded down to whole subscriptions).
/// - one portal's payments of an epoch (its sales and renewals of them) add at most `portalMeasureCap` of monthly pay
///   to the measures (the active weight in proportion), so no portal moves the usage multiplier alone.
/// @dev O(1) per action, whatever the time since the last one. The measures use difference arrays: a subscription
/// adds to the epoch it becomes active in (`starting`) and takes away at the epoch after its last paid one
/// (`lapsing`). A cursor rolls the measures into one ended epoch per `collect` (the engine's close, which goes epoch
/// by epoch) or `checkpoint`; subscribing and renewing never roll, and always write the same kind of slots.
interface ISubscriptionManager is IEpochClock, IParameterized {
    /// @notice A subscription's terms, read by every report. One storage slot.
    /// @param monthlyPay QRY per epoch, in wei (zero: no such subscription).
    /// @param startEpoch The epoch it was bought in.
    /// @param paidThrough The last epoch paid for.
    /// @param milliWeight Its weight in the active measure, in thousandths of a whole subscription (fixed at sale).
    /// @param portalId The portal that sold it, by the id it got at its first sale (`partiesOf` gives its address).
    /// @param integratorId The integrator it serves, by the id it got when it registered (`registerIntegrator`;
    /// `partiesOf` gives its address). Never zero: a sale names a registered integrator.
    struct Terms {
        uint96 monthlyPay;
        uint32 startEpoch;
        uint32 paidThrough;
        uint32 milliWeight;
        uint32 portalId;
        uint32 integratorId;
    }

    /// @notice Who a subscription credits: the portal (kept as an id in the terms' slot) and the integrator (one
    /// slot); the client it serves is not stored (no rule reads it): `Subscribed` records it, indexed.
    /// @param portal The acquirer: the portal that sold it.
    /// @param integrator The application it serves.
    struct Parties {
        address portal;
        address integrator;
    }

    /// @notice An epoch's usage measures.
    /// @param revenue Monthly pay of the subscriptions active in the epoch, in wei (prepaid revenue spread over the
    /// epochs it covers).
    /// @param active Subscriptions active in the epoch, each weighted by its pay up to one whole subscription at
    /// `FULL_UNIT_MULTIPLE x minMonthlyPay`, rounded down.
    struct EpochStats {
        uint128 revenue;
        uint64 active;
    }

    /// @notice A portal sold a subscription.
    /// @param id The subscription's id (from 1).
    /// @param client Who is served.
    /// @param portal The acquirer.
    /// @param integrator The application served.
    /// @param monthlyPay QRY per epoch, in wei.
    /// @param startEpoch The first epoch.
    /// @param paidThrough The last epoch paid for.
    event Subscribed(
        uint256 indexed id,
        address indexed client,
        address indexed portal,
        address integrator,
        uint256 monthlyPay,
        uint256 startEpoch,
        uint256 paidThrough
    );

    /// @notice A subscription was paid for more epochs.
    /// @param id The subscription.
    /// @param payer Who paid.
    /// @param epochs Epochs added.
    /// @param paidThrough The last epoch paid for now.
    event Renewed(uint256 indexed id, address indexed payer, uint256 epochs, uint256 paidThrough);

    /// @notice A payment was received (subscription or renewal).
    /// @param epoch The epoch it counts in.
    /// @param id The subscription.
    /// @param amount Paid, in wei.
    event Paid(uint256 indexed epoch, uint256 indexed id, uint256 amount);

    /// @notice What a payment (sale or renewal) adds to the measures of each epoch it pays for: its monthly pay and
    /// active weight, or the part of them within the selling portal's cap for the open epoch.
    /// @param id The subscription.
    /// @param countedPay Monthly pay counted in the revenue measure, in wei.
    /// @param countedMilli Weight counted in the active measure, in thousandths of a subscription.
    event Counted(uint256 indexed id, uint256 countedPay, uint256 countedMilli);

    /// @notice A gateway reported calls served for a subscription.
    /// @param epoch The epoch.
    /// @param id The subscription.
    /// @param provider Who served them.
    /// @param gateway Who reported them.
    /// @param calls Calls served.
    /// @param value `calls x monthlyPay`, credited to the provider's Total Registered Value.
    event CallsReported(
        uint256 indexed epoch,
        uint256 indexed id,
        address indexed provider,
        address gateway,
        uint256 calls,
        uint256 value
    );

    /// @notice The engine collected the payments held here.
    /// @param to The engine.
    /// @param amount Collected, in wei.
    event RevenueCollected(address indexed to, uint256 amount);

    /// @notice The measures were rolled into the ended epoch `epoch`; these are its final figures.
    /// @param epoch The epoch reached.
    /// @param revenue Monthly pay of the subscriptions active in it, in wei.
    /// @param milliActive Its value-weighted active subscriptions, in thousandths.
    event Rolled(uint256 indexed epoch, uint256 revenue, uint256 milliActive);

    /// @notice An integrator registered: the subscriptions sold for it from now on keep it as this id, in their
    /// terms' slot.
    /// @param integrator The integrator (the caller).
    /// @param integratorId Its id (from 1).
    event IntegratorRegistered(address indexed integrator, uint256 integratorId);

    /// @notice The token or a pool given at deployment is the zero address, or a pool runs another epoch clock.
    error InvalidConfiguration();
    /// @notice The zero address as client, integrator or provider.
    error ZeroAddress();
    /// @notice The monthly pay is below the minimum or above 2^96 - 1.
    /// @param monthlyPay The pay given.
    /// @param minimum The minimum.
    error InvalidMonthlyPay(uint256 monthlyPay, uint256 minimum);
    /// @notice Zero epochs, or more than the prepaid horizon allows.
    /// @param epochs The epochs given.
    /// @param max The most allowed now.
    error InvalidEpochCount(uint256 epochs, uint256 max);
    /// @notice No subscription has this id.
    /// @param id The id.
    error UnknownSubscription(uint256 id);
    /// @notice The subscription is not paid for the epoch.
    /// @param id The subscription.
    /// @param epoch The epoch.
    /// @param paidThrough The last epoch it is paid for.
    error SubscriptionInactive(uint256 id, uint256 epoch, uint256 paidThrough);
    /// @notice A report of zero calls, or of more than `MAX_CALLS_PER_REPORT`.
    /// @param calls The calls given.
    /// @param max The most one report may carry.
    error InvalidCallCount(uint256 calls, uint256 max);
    /// @notice The caller is a registered integrator already.
    /// @param integrator The caller.
    /// @param integratorId Its id.
    error IntegratorAlreadyRegistered(address integrator, uint256 integratorId);
    /// @notice A sale names an integrator that has not registered (`registerIntegrator`, by the integrator itself).
    /// @param integrator The integrator named.
    error UnregisteredIntegrator(address integrator);
    /// @notice The caller registering as an integrator is not an active staked identity with the integrators' pool's
    /// minimum stake bonded.
    /// @param integrator The caller.
    /// @param bonded Its bonded stake (zero if it is not active).
    /// @param minimum The integrators' pool's minimum stake.
    error IntegratorNotStaked(address integrator, uint256 bonded, uint256 minimum);

    /// @notice Sells `client` a subscription for `epochs` epochs from the open one; the caller pays and is the
    /// acquirer.
    /// @dev Restricted to the PORTAL role. Pulls `monthlyPay x epochs` QRY from the caller (approve first).
    /// @param client Who is served.
    /// @param integrator The application it serves.
    /// @param monthlyPay QRY per epoch, in wei (at least `minMonthlyPay`).
    /// @param epochs Epochs paid, 1 to `MAX_PREPAID_EPOCHS`.
    /// @return id The new subscription's id.
    function subscribe(
        address client,
        address integrator,
        uint256 monthlyPay,
        uint256 epochs
    ) external returns (uint256 id);

    /// @notice Pays a subscription for `epochs` more epochs (after its last paid one, or from the open epoch if it
    /// lapsed). Anyone may pay; the portal and the integrator are credited as for a new sale, except that a portal that
    /// may no longer sell (its role revoked, or this manager closed) is neither credited nor counted in the measures,
    /// and a party under its pool's minimum stake is skipped (`tryCredit`) instead of refusing the payment.
    /// @dev Pulls `monthlyPay x epochs` QRY from the caller. The subscription may not be paid more than
    /// `MAX_PREPAID_EPOCHS` epochs ahead, the open one included. Not restricted: a closed manager still takes renewals
    /// (the integrator is credited; `collect`, hence `closeEpoch`, stops).
    /// @param id The subscription.
    /// @param epochs Epochs added.
    function renew(uint256 id, uint256 epochs) external;

    /// @notice Registers the caller as an integrator, which a sale must name (`UnregisteredIntegrator` otherwise): the
    /// subscriptions sold for it keep it as an id in their terms' slot. Anyone active in staking with the integrators'
    /// pool's minimum stake bonded, once.
    /// @dev The stake is the Sybil cost of an identity (its own stake when the integrators' pool is an identity pool,
    /// `ISqrtPool.lockedIdentity`; the lock is asked at credits, not here); the integrators' pool checks it again at
    /// every credit and at the claim, so a stake that left stops earning. Reverts `IntegratorAlreadyRegistered`,
    /// `IntegratorNotStaked`.
    /// @return newId The caller's id (from 1).
    function registerIntegrator() external returns (uint256 newId);

    /// @notice Records `calls` served by `provider` for subscription `id` in the open epoch and credits
    /// `calls x monthlyPay` to the provider in the query-fulfillment pool.
    /// @dev Restricted to the GATEWAY role. The subscription must be paid for the epoch. The provider must qualify in
    /// the pool (an identity pool: active, its own stake at the minimum and, at its first credit of the epoch, locked
    /// through `lockRequiredFor(epoch)`): otherwise the report reverts (`InactiveProvider`, `StakeBelowMinimum`,
    /// `StakeNotLocked`) and nothing is recorded, so the gateway may report the calls again once the provider
    /// qualifies (one report per call: no batch is held up by another provider).
    /// @param epoch The open epoch.
    /// @param id The subscription.
    /// @param provider Who served the calls.
    /// @param calls Calls served (1 to `MAX_CALLS_PER_REPORT`).
    function reportCalls(uint256 epoch, uint256 id, address provider, uint256 calls) external;

    /// @notice Sends every payment held here to the caller (the engine) and rolls the measures one epoch forward.
    /// @dev Restricted to the DISTRIBUTION_ENGINE role.
    /// @return amount Collected, in wei.
    function collect() external returns (uint256 amount);

    /// @notice Rolls the measures into the next epoch not rolled yet, if it is over. Anyone may call it.
    function checkpoint() external;

    /// @notice The next epoch the measures will be rolled into (every epoch before it is rolled and final).
    /// @return The epoch.
    function nextRoll() external view returns (uint256);

    /// @notice A subscription's terms.
    /// @param id The subscription.
    /// @return The terms (all zero for an unknown id).
    function termsOf(uint256 id) external view returns (Terms memory);

    /// @notice Who a subscription involves.
    /// @param id The subscription.
    /// @return The parties (all zero for an unknown id).
    function partiesOf(uint256 id) external view returns (Parties memory);

    /// @notice An epoch's usage measures.
    /// @dev Exact for any epoch up to the open one, rolled or not (an epoch past the cursor is replayed, a loop in
    /// this view only).
    /// @param epoch The epoch.
    /// @return The measures.
    function epochStats(uint256 epoch) external view returns (EpochStats memory);

    /// @notice A registered integrator's id.
    /// @param integrator The integrator.
    /// @return Its id (zero: not registered).
    function integratorId(address integrator) external view returns (uint256);

    /// @notice How many subscriptions were sold.
    /// @return The count (also the last id).
    function subscriptionCount() external view returns (uint256);

    /// @notice The lowest monthly pay a new subscription may have (a governed parameter).
    /// @return The minimum, in wei.
    function minMonthlyPay() external view returns (uint256);

    /// @notice How much monthly pay a portal's payments of an epoch added to the measures (at most the cap).
    /// @param portal The portal.
    /// @param epoch The epoch the payments were made in (only the portal's latest such epoch is kept).
    /// @return Counted monthly pay, in wei.
    function portalCount(address portal, uint256 epoch) external view returns (uint256);

    /// @notice The three square-root pools credited here.
    /// @return providers Query fulfillment (Total Registered Value).
    /// @return integrators Integrators (subscription value).
    /// @return portals Portals (subscription value).
    function pools() external view returns (address providers, address integrators, address portals);

    /// @notice The token subscriptions are paid in (QRY).
    /// @return The token's address.
    function token() external view returns (address);

    // solhint-disable func-name-mixedcase
    /// @notice Parameter key: the lowest monthly pay of a new subscription.
    /// @return keccak256("distribution.minMonthlyPay")
    function MIN_MONTHLY_PAY() external view returns (bytes32);

    /// @notice Parameter key: the most monthly pay one portal's payments (its sales and the renewals of what it sold)
    /// made in one epoch add to the usage measures; the rest of a payment is paid and credited but not counted.
    /// @return keccak256("distribution.portalMeasureCap")
    function PORTAL_MEASURE_CAP() external view returns (bytes32);
    // solhint-enable func-name-mixedcase
}
