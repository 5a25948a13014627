// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Parameterized} from "../governance/Parameterized.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {ISqrtPool} from "../interfaces/ISqrtPool.sol";
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

    /// @dev The active-subscription count, rolled forward to `epoch`.
    struct Cursor {
        uint64 epoch;
        uint64 active;
    }

    IERC20 private immutable _TOKEN;
    ISqrtPool private immutable _PROVIDERS;
    ISqrtPool private immutable _INTEGRATORS;
    ISqrtPool private immutable _PORTALS;

    uint256 private _minMonthlyPay;
    uint256 private _count;
    Cursor private _cursor;
    mapping(uint256 id => Terms) private _terms;
    mapping(uint256 id => Parties) private _parties;
    mapping(uint256 epoch => EpochStats) private _stats;
    /// @dev Subscriptions whose last paid epoch is `epoch - 1`: they stop being active at `epoch`.
    mapping(uint256 epoch => uint256 count) private _lapsing;

    /// @notice Deploys the manager with its three square-root pools (same epoch clock).
    /// @param token_ The token subscriptions are paid in (QRY).
    /// @param authority The preset's AccessManager.
    /// @param start When epoch 0 begins (unix seconds).
    /// @param epochLength Seconds per epoch (a subscription month).
    /// @param providers The query-fulfillment pool.
    /// @param integrators The integrators' pool.
    /// @param portals The portals' pool.
    /// @param minMonthlyPay_ The lowest monthly pay of a new subscription, in wei.
    constructor(
        address token_,
        address authority,
        uint256 start,
        uint256 epochLength,
        address providers,
        address integrators,
        address portals,
        uint256 minMonthlyPay_
    ) AccessManaged(authority) EpochClock(start, epochLength) {
        if (token_ == address(0) || providers == address(0) || integrators == address(0) || portals == address(0)) {
            revert InvalidConfiguration();
        }
        if (!_sameClock(providers) || !_sameClock(integrators) || !_sameClock(portals)) revert InvalidConfiguration();
        _TOKEN = IERC20(token_);
        _PROVIDERS = ISqrtPool(providers);
        _INTEGRATORS = ISqrtPool(integrators);
        _PORTALS = ISqrtPool(portals);
        _setParameter(MIN_MONTHLY_PAY, minMonthlyPay_);
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
        uint256 minimum = _minMonthlyPay;
        if (monthlyPay < minimum || monthlyPay > type(uint96).max) revert InvalidMonthlyPay(monthlyPay, minimum);
        if (epochs == 0 || epochs > MAX_PREPAID_EPOCHS) revert InvalidEpochCount(epochs, MAX_PREPAID_EPOCHS);

        (uint256 current, Cursor memory c) = _rolled();
        uint256 paidThrough = current + epochs - 1;
        id = ++_count;
        // monthlyPay fits 96 bits (checked above).
        _terms[id] = Terms({
            monthlyPay: uint96(monthlyPay),
            startEpoch: current.toUint32(),
            paidThrough: paidThrough.toUint32()
        });
        _parties[id] = Parties({client: client, portal: msg.sender, integrator: integrator});
        ++c.active;
        _cursor = c;
        ++_lapsing[paidThrough + 1];
        ++_stats[current].active;
        emit Subscribed(id, client, msg.sender, integrator, monthlyPay, current, paidThrough);
        _receivePayment(current, id, monthlyPay * epochs, msg.sender, integrator);
    }

    /// @inheritdoc ISubscriptionManager
    function renew(uint256 id, uint256 epochs) external {
        Terms memory t = _terms[id];
        if (t.monthlyPay == 0) revert UnknownSubscription(id);
        (uint256 current, Cursor memory c) = _rolled();
        bool lapsed = t.paidThrough < current;
        // The first newly paid epoch: right after the paid ones, or the open epoch if the subscription lapsed.
        uint256 from = lapsed ? current : uint256(t.paidThrough) + 1;
        uint256 maxEpochs = current + MAX_PREPAID_EPOCHS - from;
        if (epochs == 0 || epochs > maxEpochs) revert InvalidEpochCount(epochs, maxEpochs);

        uint256 paidThrough = from + epochs - 1;
        t.paidThrough = paidThrough.toUint32();
        _terms[id] = t;
        if (lapsed) {
            ++c.active;
            _cursor = c;
            ++_stats[current].active;
        } else {
            // It was counted to lapse at `from`; it now lapses later.
            --_lapsing[from];
            _cursor = c;
        }
        ++_lapsing[paidThrough + 1];
        emit Renewed(id, msg.sender, epochs, paidThrough);
        Parties memory parties = _parties[id];
        _receivePayment(current, id, uint256(t.monthlyPay) * epochs, parties.portal, parties.integrator);
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
        (, Cursor memory c) = _rolled();
        _cursor = c;
        amount = _TOKEN.balanceOf(address(this));
        emit RevenueCollected(msg.sender, amount);
        if (amount > 0) _TOKEN.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc ISubscriptionManager
    function checkpoint() external {
        (, Cursor memory c) = _rolled();
        _cursor = c;
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc ISubscriptionManager
    function termsOf(uint256 id) external view returns (Terms memory) {
        return _terms[id];
    }

    /// @inheritdoc ISubscriptionManager
    function partiesOf(uint256 id) external view returns (Parties memory) {
        return _parties[id];
    }

    /// @inheritdoc ISubscriptionManager
    function epochStats(uint256 epoch) external view returns (EpochStats memory stats) {
        stats = _stats[epoch];
        Cursor memory c = _cursor;
        if (epoch <= c.epoch) return stats;
        // Not rolled yet: replay the lapses since the cursor (no payment was recorded after it).
        uint256 active = c.active;
        for (uint256 e = uint256(c.epoch) + 1; e <= epoch; ++e) active -= _lapsing[e];
        stats.active = uint64(active);
    }

    /// @inheritdoc ISubscriptionManager
    function subscriptionCount() external view returns (uint256) {
        return _count;
    }

    /// @inheritdoc ISubscriptionManager
    function minMonthlyPay() external view returns (uint256) {
        return _minMonthlyPay;
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
        if (key != MIN_MONTHLY_PAY) revert UnknownParameter(key);
        return _minMonthlyPay;
    }

    // ------------------------------------------------------------------ internals

    /// @dev The open epoch and the cursor rolled forward to it (not stored). Loops over the epochs since the last
    /// roll, writing each one's active count; the engine rolls every epoch, so this is normally zero or one step.
    function _rolled() private returns (uint256 current, Cursor memory c) {
        current = currentEpoch();
        c = _cursor;
        if (c.epoch == current) return (current, c);
        uint256 active = c.active;
        for (uint256 e = uint256(c.epoch) + 1; e <= current; ++e) {
            // Every subscription counted in `_lapsing[e]` was counted in `active` before.
            active -= _lapsing[e];
            if (active != 0) _stats[e].active = uint64(active);
        }
        c.epoch = current.toUint64();
        // active never grows in the loop.
        c.active = uint64(active);
    }

    /// @dev Counts `amount` as revenue of `epoch`, pulls it from the payer and credits the portal and the integrator.
    function _receivePayment(uint256 epoch, uint256 id, uint256 amount, address portal, address integrator) private {
        EpochStats storage stats = _stats[epoch];
        stats.revenue = (stats.revenue + amount).toUint128();
        emit Paid(epoch, id, amount);
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
        _INTEGRATORS.credit(epoch, integrator, amount);
        _PORTALS.credit(epoch, portal, amount);
    }

    /// @dev The minimum must be positive (a subscription of zero pay would report zero value) and fit 96 bits.
    function _setParameter(bytes32 key, uint256 value) internal override {
        if (key != MIN_MONTHLY_PAY) revert UnknownParameter(key);
        if (value == 0 || value > type(uint96).max) revert InvalidParameterValue(key, value);
        _minMonthlyPay = value;
    }
}
