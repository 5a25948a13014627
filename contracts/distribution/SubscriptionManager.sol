// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IAccessManager} from "@openzeppelin/contracts/access/manager/IAccessManager.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {ISqrtPool} from "../interfaces/ISqrtPool.sol";
import {IStakeReader} from "../interfaces/IStakeReader.sol";
import {ISubscriptionManager} from "../interfaces/ISubscriptionManager.sol";
import {EpochClock} from "./EpochClock.sol";

/// @title SubscriptionManager
/// @notice QRY subscriptions sold by portals, calls reported by gateways, revenue held for the distribution engine.
contract SubscriptionManager is ISubscriptionManager, Parameterized, EpochClock {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    /// @notice Most epochs a subscription may be paid ahead, the open one included (three years of 30 days).
    uint256 public constant MAX_PREPAID_EPOCHS = 36;
    /// @notice Most calls one report may carry (keeps `calls x monthlyPay` within 128 bits).
    uint256 public constant MAX_CALLS_PER_REPORT = type(uint32).max;

    /// @inheritdoc ISubscriptionManager
    bytes32 public constant MIN_MONTHLY_PAY = keccak256("distribution.minMonthlyPay");
    /// @inheritdoc ISubscriptionManager
    bytes32 public constant PORTAL_MEASURE_CAP = keccak256("distribution.portalMeasureCap");

    /// @notice A subscription paying at least `FULL_UNIT_MULTIPLE x minMonthlyPay` per epoch counts as one whole active
    /// subscription; one paying less counts pro rata (a 10 QRY subscription is a tenth of one at the preset's numbers).
    uint256 public constant FULL_UNIT_MULTIPLE = 10;
    /// @dev Active subscriptions are kept in thousandths of a whole one.
    uint256 private constant MILLI = 1_000;

    /// @dev An epoch's measures, or a change to them: the monthly pay of the subscriptions active in it (revenue
    /// spread over the epochs it pays for) and their value-weighted count, in thousandths. One slot.
    struct Measure {
        uint128 revenue;
        uint64 milliActive;
    }

    /// @dev The next epoch to roll, and the measures of the one before it (the last one rolled). One slot.
    struct Cursor {
        uint64 next;
        uint64 milliActive;
        uint128 revenue;
    }

    /// @dev The two governed parameters, read together by every sale, and the number of subscriptions sold (the last
    /// id), which every sale rewrites. One slot.
    struct Settings {
        uint96 minMonthlyPay;
        uint128 portalMeasureCap;
        uint32 count;
    }

    /// @dev The last ids given to portals and to registered integrators. One slot.
    struct Ids {
        uint32 portals;
        uint32 integrators;
    }

    /// @dev A portal: its id (from 1, given at its first sale; the terms keep the id, not the address) and how much
    /// monthly pay its payments of `epoch` added to the measures. One slot per portal, reused from epoch to epoch.
    struct Portal {
        uint32 id;
        uint32 epoch;
        uint128 counted;
    }

    IERC20 private immutable _TOKEN;
    ISqrtPool private immutable _PROVIDERS;
    ISqrtPool private immutable _INTEGRATORS;
    ISqrtPool private immutable _PORTALS;

    Settings private _settings;
    Cursor private _cursor;
    mapping(uint256 id => Terms) private _terms;
    /// @dev Each ended epoch's measures, written once when the cursor rolls into it.
    mapping(uint256 epoch => Measure) private _measures;
    /// @dev What subscriptions that become active in `epoch` add from `epoch` on.
    mapping(uint256 epoch => Measure) private _starting;
    /// @dev What subscriptions whose last paid epoch is `epoch - 1` take away from `epoch` on.
    mapping(uint256 epoch => Measure) private _lapsing;
    mapping(address portal => Portal) private _portals;
    mapping(uint256 portalId => address) private _portalAddresses;
    mapping(address integrator => uint32) private _integratorIds;
    mapping(uint256 integratorId => address) private _integratorAddresses;
    Ids private _ids;

    /// @notice Deploys the manager with its three square-root pools (same epoch clock).
    /// @param token_ The token subscriptions are paid in (QRY).
    /// @param authority The preset's AccessManager.
    /// @param start When epoch 0 begins (unix seconds).
    /// @param epochLength Seconds per epoch (a subscription month).
    /// @param providers The query-fulfillment pool.
    /// @param integrators The integrators' pool.
    /// @param portals The portals' pool.
    /// @param minMonthlyPay_ The lowest monthly pay of a new subscription, in wei.
    /// @param portalMeasureCap_ The most monthly pay one portal's payments of an epoch add to the measures, in wei.
    constructor(
        address token_,
        address authority,
        uint256 start,
        uint256 epochLength,
        address providers,
        address integrators,
        address portals,
        uint256 minMonthlyPay_,
        uint256 portalMeasureCap_
    ) AccessManaged(authority) EpochClock(start, epochLength) {
        if (token_ == address(0) || providers == address(0) || integrators == address(0) || portals == address(0)) {
            revert InvalidConfiguration();
        }
        if (!_sameClock(providers) || !_sameClock(integrators) || !_sameClock(portals)) revert InvalidConfiguration();
        // Three distinct pools: one pool in two roles would credit the same payment twice into one sum of roots.
        if (providers == integrators || providers == portals || integrators == portals) revert InvalidConfiguration();
        _TOKEN = IERC20(token_);
        _PROVIDERS = ISqrtPool(providers);
        _INTEGRATORS = ISqrtPool(integrators);
        _PORTALS = ISqrtPool(portals);
        _setParameter(MIN_MONTHLY_PAY, minMonthlyPay_);
        _setParameter(PORTAL_MEASURE_CAP, portalMeasureCap_);
    }

    // ------------------------------------------------------------------ portals, clients, gateways

    /// @inheritdoc ISubscriptionManager
    function subscribe(
        address client,
        address integrator,
        uint256 monthlyPay,
        uint256 epochs
    ) external restricted returns (uint256 id) {
        if (client == address(0) || integrator == address(0)) revert ZeroAddress();
        // Only a registered integrator is named: its id goes into the terms' slot (no slot of its own per sale).
        uint32 integratorRef = _integratorIds[integrator];
        if (integratorRef == 0) revert UnregisteredIntegrator(integrator);
        Settings memory settings = _settings;
        uint256 minimum = settings.minMonthlyPay;
        if (monthlyPay < minimum || monthlyPay > type(uint96).max) revert InvalidMonthlyPay(monthlyPay, minimum);
        if (epochs == 0 || epochs > MAX_PREPAID_EPOCHS) revert InvalidEpochCount(epochs, MAX_PREPAID_EPOCHS);

        uint256 current = currentEpoch();
        uint256 paidThrough = current + epochs - 1;
        id = uint256(settings.count) + 1;
        settings.count = id.toUint32();
        _settings = settings;
        _record(id, integratorRef, current, paidThrough, monthlyPay, minimum);
        emit Subscribed(id, client, msg.sender, integrator, monthlyPay, current, paidThrough);
        _receivePayment(current, id, monthlyPay * epochs, msg.sender, integrator);
    }

    /// @inheritdoc ISubscriptionManager
    function renew(uint256 id, uint256 epochs) external {
        Terms memory t = _terms[id];
        if (t.monthlyPay == 0) revert UnknownSubscription(id);
        uint256 current = currentEpoch();
        bool lapsed = t.paidThrough < current;
        // The first newly paid epoch: right after the paid ones, or the open epoch if the subscription lapsed.
        uint256 from = lapsed ? current : uint256(t.paidThrough) + 1;
        uint256 maxEpochs = current + MAX_PREPAID_EPOCHS - from;
        if (epochs == 0 || epochs > maxEpochs) revert InvalidEpochCount(epochs, maxEpochs);

        uint256 paidThrough = from + epochs - 1;
        t.paidThrough = paidThrough.toUint32();
        _terms[id] = t;
        emit Renewed(id, msg.sender, epochs, paidThrough);
        _payRenewal(id, t, current, from);
    }

    /// @inheritdoc ISubscriptionManager
    function registerIntegrator() external returns (uint256 newId) {
        uint32 known = _integratorIds[msg.sender];
        if (known != 0) revert IntegratorAlreadyRegistered(msg.sender, known);
        // The Sybil cost: an identity registers only with the integrators' pool's minimum stake (its own, for an
        // identity pool), and the pool checks it again at every credit (with its lock at the first of each epoch)
        // and at the claim.
        uint256 minimum = _INTEGRATORS.minStake();
        if (minimum > 0) {
            IStakeReader reader = IStakeReader(_INTEGRATORS.stakeReader());
            bool active;
            uint256 bonded;
            if (_INTEGRATORS.lockedIdentity()) (active, bonded, ) = reader.identityStakeOf(msg.sender);
            else (active, bonded) = reader.stakeOf(msg.sender);
            if (!active || bonded < minimum) revert IntegratorNotStaked(msg.sender, active ? bonded : 0, minimum);
        }
        Ids memory ids = _ids;
        ids.integrators = (uint256(ids.integrators) + 1).toUint32();
        _ids = ids;
        _integratorIds[msg.sender] = ids.integrators;
        _integratorAddresses[ids.integrators] = msg.sender;
        emit IntegratorRegistered(msg.sender, ids.integrators);
        return ids.integrators;
    }

    /// @inheritdoc ISubscriptionManager
    function reportCalls(uint256 epoch, uint256 id, address provider, uint256 calls) external restricted {
        _requireOpen(epoch);
        Terms memory t = _terms[id];
        if (t.monthlyPay == 0) revert UnknownSubscription(id);
        if (epoch > t.paidThrough) revert SubscriptionInactive(id, epoch, t.paidThrough);
        if (provider == address(0)) revert ZeroAddress();
        if (calls == 0 || calls > MAX_CALLS_PER_REPORT) revert InvalidCallCount(calls, MAX_CALLS_PER_REPORT);
        uint256 value = calls * t.monthlyPay;
        emit CallsReported(epoch, id, provider, msg.sender, calls, value);
        _PROVIDERS.credit(epoch, provider, value);
    }

    /// @inheritdoc ISubscriptionManager
    function collect() external restricted returns (uint256 amount) {
        _rollOne();
        amount = _TOKEN.balanceOf(address(this));
        emit RevenueCollected(msg.sender, amount);
        if (amount > 0) _TOKEN.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc ISubscriptionManager
    function checkpoint() external {
        _rollOne();
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc ISubscriptionManager
    function termsOf(uint256 id) external view returns (Terms memory) {
        return _terms[id];
    }

    /// @inheritdoc ISubscriptionManager
    function partiesOf(uint256 id) external view returns (Parties memory) {
        Terms memory t = _terms[id];
        return Parties({portal: _portalAddresses[t.portalId], integrator: _integratorAddresses[t.integratorId]});
    }

    /// @inheritdoc ISubscriptionManager
    function epochStats(uint256 epoch) external view returns (EpochStats memory stats) {
        Cursor memory c = _cursor;
        Measure memory m;
        if (epoch < c.next) {
            m = _measures[epoch];
        } else {
            // Not rolled yet (a view only: the engine rolls every epoch before it closes it, so it never needs this).
            m = Measure({revenue: c.revenue, milliActive: c.milliActive});
            for (uint256 e = c.next; e <= epoch; ++e) m = _rolledMeasure(m, e);
        }
        stats = EpochStats({revenue: m.revenue, active: uint64(m.milliActive / MILLI)});
    }

    /// @inheritdoc ISubscriptionManager
    function nextRoll() external view returns (uint256) {
        return _cursor.next;
    }

    /// @inheritdoc ISubscriptionManager
    function subscriptionCount() external view returns (uint256) {
        return _settings.count;
    }

    /// @inheritdoc ISubscriptionManager
    function integratorId(address integrator) external view returns (uint256) {
        return _integratorIds[integrator];
    }

    /// @inheritdoc ISubscriptionManager
    function minMonthlyPay() external view returns (uint256) {
        return _settings.minMonthlyPay;
    }

    /// @inheritdoc ISubscriptionManager
    function portalCount(address portal, uint256 epoch) external view returns (uint256) {
        Portal memory p = _portals[portal];
        return p.epoch == epoch ? p.counted : 0;
    }

    /// @inheritdoc ISubscriptionManager
    function pools() external view returns (address providers, address integrators, address portals) {
        return (address(_PROVIDERS), address(_INTEGRATORS), address(_PORTALS));
    }

    /// @inheritdoc ISubscriptionManager
    function token() external view returns (address) {
        return address(_TOKEN);
    }

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        if (key == MIN_MONTHLY_PAY) return _settings.minMonthlyPay;
        if (key == PORTAL_MEASURE_CAP) return _settings.portalMeasureCap;
        revert UnknownParameter(key);
    }

    // ------------------------------------------------------------------ internals

    /// @dev Stores a new subscription's terms and counts its payment (see `subscribe`).
    function _record(
        uint256 id,
        uint32 integratorRef,
        uint256 current,
        uint256 paidThrough,
        uint256 monthlyPay,
        uint256 minimum
    ) private {
        // monthlyPay fits 96 bits (checked by `subscribe`).
        uint256 full = minimum * FULL_UNIT_MULTIPLE;
        uint256 units = monthlyPay >= full ? MILLI : (monthlyPay * MILLI) / full;
        uint32 portalId = _countPayment(id, msg.sender, current, current, paidThrough, monthlyPay, units);
        // units <= MILLI fits 32 bits. The portal and the (registered) integrator are kept as their ids, in the same
        // slot.
        _terms[id] = Terms({
            monthlyPay: uint96(monthlyPay),
            startEpoch: current.toUint32(),
            paidThrough: paidThrough.toUint32(),
            milliWeight: uint32(units),
            portalId: portalId,
            integratorId: integratorRef
        });
        // The client is not stored (no rule reads it): `Subscribed` records it, indexed.
    }

    /// @dev Rolls the measures into the next epoch not rolled yet, if that epoch is over: O(1) whatever the time since
    /// the last roll. The engine rolls once per close and closes ended epochs one by one, so every epoch is rolled
    /// (and final) when the engine closes it; anyone may roll further with `checkpoint`.
    function _rollOne() private {
        Cursor memory c = _cursor;
        uint256 e = c.next;
        if (e >= currentEpoch()) return;
        Measure memory m = _rolledMeasure(Measure({revenue: c.revenue, milliActive: c.milliActive}), e);
        _measures[e] = m;
        _cursor = Cursor({next: uint64(e + 1), milliActive: m.milliActive, revenue: m.revenue});
        emit Rolled(e, m.revenue, m.milliActive);
    }

    /// @dev Epoch `e`'s measures from epoch `e - 1`'s: what started in `e`, less what lapses at `e` (every lapsing
    /// subscription was counted before).
    function _rolledMeasure(Measure memory m, uint256 e) private view returns (Measure memory) {
        Measure memory plus = _starting[e];
        Measure memory minus = _lapsing[e];
        m.revenue = m.revenue + plus.revenue - minus.revenue;
        m.milliActive = m.milliActive + plus.milliActive - minus.milliActive;
        return m;
    }

    /// @dev Counts a payment for epochs `from..through` in the measures, within `portal`'s allowance of the open
    /// epoch `current`: its payments of an epoch add at most the cap of monthly pay (the rest of a payment past the cap
    /// counts nothing, and its active weight shrinks in proportion, rounded down). The counted part starts at `from`
    /// and lapses after `through`, a record of its own (a renewal never rewrites an earlier payment's records). Gives
    /// the portal its id at its first sale; returns the id.
    function _countPayment(
        uint256 id,
        address portal,
        uint256 current,
        uint256 from,
        uint256 through,
        uint256 pay,
        uint256 units
    ) private returns (uint32 portalId) {
        Portal memory p = _portals[portal];
        portalId = p.id;
        if (portalId == 0) {
            Ids memory ids = _ids;
            portalId = (uint256(ids.portals) + 1).toUint32();
            ids.portals = portalId;
            _ids = ids;
            _portalAddresses[portalId] = portal;
        }
        uint256 used = p.epoch == current ? p.counted : 0;
        uint256 cap = _settings.portalMeasureCap;
        uint256 counted = cap > used ? Math.min(pay, cap - used) : 0;
        if (counted < pay) units = (units * counted) / pay;
        // used + counted <= max(cap, used) fits 128 bits; current fits 32 bits (checked by the terms).
        _portals[portal] = Portal({id: portalId, epoch: uint32(current), counted: uint128(used + counted)});
        emit Counted(id, counted, units);
        if (counted == 0) return portalId;
        _add(_starting[from], counted, units);
        _add(_lapsing[through + 1], counted, units);
    }

    /// @dev Adds `pay` and `units` to a change record.
    function _add(Measure storage m, uint256 pay, uint256 units) private {
        Measure memory x = m;
        x.revenue = (uint256(x.revenue) + pay).toUint128();
        x.milliActive = (uint256(x.milliActive) + units).toUint64();
        m.revenue = x.revenue;
        m.milliActive = x.milliActive;
    }

    /// @dev Pulls the payment `amount` for `epoch` from the payer and credits the portal and the integrator.
    function _receivePayment(uint256 epoch, uint256 id, uint256 amount, address portal, address integrator) private {
        emit Paid(epoch, id, amount);
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
        _INTEGRATORS.credit(epoch, integrator, amount);
        _PORTALS.credit(epoch, portal, amount);
    }

    /// @dev Counts and takes the renewal of `id` (terms `t`, already extended) for epochs `from..t.paidThrough`.
    function _payRenewal(uint256 id, Terms memory t, uint256 current, uint256 from) private {
        address portal = _portalAddresses[t.portalId];
        // The selling portal earns and counts only while it may still sell (its role held, this manager not closed):
        // otherwise its part is credited to no one and the renewal adds nothing to the measures.
        (bool immediate, uint32 delay) = IAccessManager(authority()).canCall(
            portal,
            address(this),
            this.subscribe.selector
        );
        bool portalLive = immediate || delay != 0;
        // The newly paid epochs count on their own, within the selling portal's allowance of the open epoch.
        if (portalLive) _countPayment(id, portal, current, from, t.paidThrough, t.monthlyPay, t.milliWeight);
        uint256 amount = uint256(t.monthlyPay) * (uint256(t.paidThrough) + 1 - from);
        emit Paid(current, id, amount);
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
        // Anyone may renew: a party under its pool's minimum stake is skipped, the payer is not refused.
        _INTEGRATORS.tryCredit(current, _integratorAddresses[t.integratorId], amount);
        if (portalLive) _PORTALS.tryCredit(current, portal, amount);
    }

    /// @dev The minimum must be positive (a subscription of zero pay would report zero value) and fit 96 bits; the
    /// portal cap positive (a zero cap would switch the value measures off) and within 128 bits.
    function _setParameter(bytes32 key, uint256 value) internal override {
        if (key == MIN_MONTHLY_PAY) {
            if (value == 0 || value > type(uint96).max) revert InvalidParameterValue(key, value);
            _settings.minMonthlyPay = uint96(value);
        } else if (key == PORTAL_MEASURE_CAP) {
            if (value == 0 || value > type(uint128).max) revert InvalidParameterValue(key, value);
            _settings.portalMeasureCap = uint128(value);
        } else {
            revert UnknownParameter(key);
        }
    }
}
