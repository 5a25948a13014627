// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {IDeflationController} from "../interfaces/IDeflationController.sol";
import {IEmissionController} from "../interfaces/IEmissionController.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IParameterRegistry} from "../interfaces/IParameterRegistry.sol";
import {BPS} from "../common/Constants.sol";
import {DeflationKeys} from "../libraries/DeflationKeys.sol";
import {MarketKeys} from "../libraries/MarketKeys.sol";

/// @title DeflationController
/// @notice Moves the fee router's burn share one governed step per quarter toward a band of yearly net deflation,
/// from the quarter's emission (the curve) and burns (the token's total-supply checkpoints). See
/// `IDeflationController`.
/// @dev Nothing is counted on the fee, burn or emission paths: the token's ERC20Votes checkpoints already record its
/// total supply at every burn, and the emission curve is a pure function of time. Parameters and the next allowed
/// quarter share one storage slot.
contract DeflationController is IDeflationController, Parameterized {
    /// @notice Length of a quarter: a fourth of a 365-day year (as the ParameterRegistry's).
    uint256 public constant QUARTER = 365 days / 4;
    /// @notice Highest burn share the module accepts as a bound: the router's protocol share (10,000 - 5,000).
    uint256 public constant MAX_BURN_BOUND_BPS = 5_000;

    uint256 private constant QUARTERS_PER_YEAR = 4;

    /// @dev Parameters and the first quarter a step is still allowed in, in one slot.
    struct State {
        uint16 stepBps;
        uint16 minBurnBps;
        uint16 maxBurnBps;
        uint16 minDeflationBps;
        uint16 maxDeflationBps;
        uint64 nextQuarter;
    }

    IVotes private immutable _TOKEN;
    IEmissionController private immutable _EMISSION;
    IParameterRegistry private immutable _REGISTRY;
    address private immutable _ROUTER;
    uint256 private immutable _START;
    uint256 private immutable _EMISSION_CAP;
    uint256 private immutable _FIRST_QUARTER;

    State private _state;

    /// @notice Deploys the controller.
    /// @param token_ The token measured (the preset's ProtocolToken: ERC20Votes on a timestamp clock).
    /// @param emission_ The preset's emission controller, in hold mode, paying `token_`.
    /// @param registry_ The ParameterRegistry; the controller needs the role of its `setByController`.
    /// @param router_ The fee router whose burn share (`MarketKeys.BURN_FEE_BPS`) is steered.
    /// @param authority The preset's AccessManager.
    /// @param firstQuarter_ The first quarter a step is allowed in, counted from the emission start (QUIVer: 20).
    /// @param p Initial values of the governed parameters.
    constructor(
        IVotes token_,
        IEmissionController emission_,
        IParameterRegistry registry_,
        address router_,
        address authority,
        uint256 firstQuarter_,
        Parameters memory p
    ) AccessManaged(authority) {
        if (
            address(token_) == address(0) ||
            address(emission_) == address(0) ||
            address(registry_) == address(0) ||
            router_ == address(0)
        ) revert ZeroAddress();
        if (emission_.fundingMode() != IEmissionController.FundingMode.Hold) revert UnsupportedFundingMode();
        if (emission_.token() != address(token_)) revert TokenMismatch(emission_.token(), address(token_));
        if (firstQuarter_ == 0) revert InvalidFirstQuarter();
        (uint256 start, , , uint256 cap) = emission_.curve();
        _TOKEN = token_;
        _EMISSION = emission_;
        _REGISTRY = registry_;
        _ROUTER = router_;
        _START = start;
        _EMISSION_CAP = cap;
        _FIRST_QUARTER = firstQuarter_;
        State memory s = State({
            stepBps: SafeCast.toUint16(p.stepBps),
            minBurnBps: SafeCast.toUint16(p.minBurnBps),
            maxBurnBps: SafeCast.toUint16(p.maxBurnBps),
            minDeflationBps: SafeCast.toUint16(p.minDeflationBps),
            maxDeflationBps: SafeCast.toUint16(p.maxDeflationBps),
            nextQuarter: SafeCast.toUint64(firstQuarter_)
        });
        if (!_valid(s)) revert InvalidConfiguration();
        _state = s;
    }

    // ------------------------------------------------------------------ step

    /// @inheritdoc IDeflationController
    function step() external returns (uint256 newBurnBps) {
        State memory s = _state;
        uint256 quarter = _quarterAt(block.timestamp);
        if (block.timestamp < _quarterStart(_FIRST_QUARTER)) revert StepsNotStarted(_quarterStart(_FIRST_QUARTER));
        if (quarter < s.nextQuarter) revert AlreadySteppedThisQuarter(quarter, _quarterStart(s.nextQuarter));

        QuarterFlows memory f = _flows(quarter - 1);
        // Effects before the registry's call: one step per quarter whatever happens next.
        _state.nextQuarter = SafeCast.toUint64(quarter + 1);

        uint256 current = IParameterized(_ROUTER).parameter(MarketKeys.BURN_FEE_BPS);
        newBurnBps = _target(s, f, current);
        (uint256 lowest, uint256 highest) = _REGISTRY.controllerRange(_ROUTER, MarketKeys.BURN_FEE_BPS);
        uint256 headroom = _routerHeadroom(current);
        if (highest > headroom) highest = headroom;
        if (newBurnBps < lowest) newBurnBps = lowest;
        if (newBurnBps > highest) newBurnBps = highest;

        emit Stepped(quarter - 1, f.emitted, f.burned, f.supplyAtStart, f.netInflationBps, current, newBurnBps);
        if (newBurnBps != current) _REGISTRY.setByController(_ROUTER, MarketKeys.BURN_FEE_BPS, newBurnBps);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IDeflationController
    function quarterFlows(uint256 quarter) external view returns (QuarterFlows memory) {
        return _flows(quarter);
    }

    /// @inheritdoc IDeflationController
    function currentQuarter() external view returns (uint256) {
        return _quarterAt(block.timestamp);
    }

    /// @inheritdoc IDeflationController
    function nextStepAt() external view returns (uint256) {
        return _quarterStart(_state.nextQuarter);
    }

    /// @inheritdoc IDeflationController
    function firstQuarter() external view returns (uint256) {
        return _FIRST_QUARTER;
    }

    /// @inheritdoc IDeflationController
    function wiring() external view returns (address token, address emission, address registry, address router) {
        return (address(_TOKEN), address(_EMISSION), address(_REGISTRY), _ROUTER);
    }

    // ------------------------------------------------------------------ parameters

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        State memory s = _state;
        if (key == DeflationKeys.STEP_BPS) return s.stepBps;
        if (key == DeflationKeys.MIN_BURN_BPS) return s.minBurnBps;
        if (key == DeflationKeys.MAX_BURN_BPS) return s.maxBurnBps;
        if (key == DeflationKeys.MIN_DEFLATION_BPS) return s.minDeflationBps;
        if (key == DeflationKeys.MAX_DEFLATION_BPS) return s.maxDeflationBps;
        revert UnknownParameter(key);
    }

    /// @dev The module's limits: `minBurn <= maxBurn <= 5,000`, `minDeflation <= maxDeflation <= 10,000`,
    /// `step <= 5,000`.
    function _setParameter(bytes32 key, uint256 value) internal override {
        State memory s = _state;
        uint16 v = uint16(_atMost(key, value, MAX_BURN_BOUND_BPS * 2));
        if (key == DeflationKeys.STEP_BPS) s.stepBps = v;
        else if (key == DeflationKeys.MIN_BURN_BPS) s.minBurnBps = v;
        else if (key == DeflationKeys.MAX_BURN_BPS) s.maxBurnBps = v;
        else if (key == DeflationKeys.MIN_DEFLATION_BPS) s.minDeflationBps = v;
        else if (key == DeflationKeys.MAX_DEFLATION_BPS) s.maxDeflationBps = v;
        else revert UnknownParameter(key);
        if (!_valid(s)) revert InvalidParameterValue(key, value);
        _state = s;
    }

    // ------------------------------------------------------------------ internals

    /// @dev The burn share after one step from `current`: one step up below the band, down above it, none inside it;
    /// then into the bounds, then at most one step from `current` (so a share outside the bounds moves one step
    /// toward them, whatever the band says).
    function _target(State memory s, QuarterFlows memory f, uint256 current) private pure returns (uint256 next) {
        // Net deflation D = (burned - emitted) x 4 / supply; D < min <=> burned x 4 x BPS < emitted x 4 x BPS +
        // min x supply, and D > max likewise: exact integer comparisons, no signed arithmetic, no rounding.
        uint256 burnedScaled = f.burned * QUARTERS_PER_YEAR * BPS;
        uint256 emittedScaled = f.emitted * QUARTERS_PER_YEAR * BPS;
        uint256 stepBps = s.stepBps;
        next = current;
        if (burnedScaled < emittedScaled + uint256(s.minDeflationBps) * f.supplyAtStart) {
            next = current + stepBps;
        } else if (burnedScaled > emittedScaled + uint256(s.maxDeflationBps) * f.supplyAtStart) {
            next = current > stepBps ? current - stepBps : 0;
        }
        if (next < s.minBurnBps) next = s.minBurnBps;
        if (next > s.maxBurnBps) next = s.maxBurnBps;
        if (next > current + stepBps) next = current + stepBps;
        if (current > stepBps && next < current - stepBps) next = current - stepBps;
    }

    /// @dev The highest burn share the router accepts now: its protocol shares (validators, burn, infrastructure,
    /// treasury) stay within `MAX_BURN_BOUND_BPS` (10,000 less the providers' 5,000 minimum). Never below
    /// `current`, so a router over its ceiling only stops raises.
    function _routerHeadroom(uint256 current) private view returns (uint256) {
        IParameterized router = IParameterized(_ROUTER);
        uint256 others =
            router.parameter(MarketKeys.VALIDATOR_FEE_BPS) +
                router.parameter(MarketKeys.INFRASTRUCTURE_FEE_BPS) +
                router.parameter(MarketKeys.TREASURY_FEE_BPS);
        uint256 headroom = others < MAX_BURN_BOUND_BPS ? MAX_BURN_BOUND_BPS - others : 0;
        return headroom > current ? headroom : current;
    }

    /// @dev A completed quarter's flows. Supply one second before each edge: the checkpoint after every transaction
    /// of the quarter's last second, and before any of the next (`getPastTotalSupply` needs a past timepoint).
    function _flows(uint256 quarter) private view returns (QuarterFlows memory f) {
        uint256 start = _quarterStart(quarter);
        uint256 end = start + QUARTER;
        if (end > block.timestamp) revert QuarterNotComplete(quarter, end);
        uint256 supplyStart = _TOKEN.getPastTotalSupply(start - 1);
        uint256 supplyEnd = _TOKEN.getPastTotalSupply(end - 1);
        if (supplyEnd > supplyStart) revert SupplyRose(quarter, supplyStart, supplyEnd);
        uint256 emittedStart = _EMISSION.emittedAt(start);
        uint256 unemitted = _EMISSION_CAP - emittedStart;
        if (supplyStart <= unemitted) revert NoOutstandingSupply(quarter);

        f.emitted = _EMISSION.emittedAt(end) - emittedStart;
        f.burned = supplyStart - supplyEnd;
        f.supplyAtStart = supplyStart - unemitted;
        f.netInflationBps =
            ((SafeCast.toInt256(f.emitted) - SafeCast.toInt256(f.burned)) * int256(QUARTERS_PER_YEAR * BPS)) /
            SafeCast.toInt256(f.supplyAtStart);
    }

    function _quarterStart(uint256 quarter) private view returns (uint256) {
        return _START + quarter * QUARTER;
    }

    function _quarterAt(uint256 timestamp) private view returns (uint256) {
        return timestamp < _START ? 0 : (timestamp - _START) / QUARTER;
    }

    function _valid(State memory s) private pure returns (bool) {
        return
            s.minBurnBps <= s.maxBurnBps &&
            s.maxBurnBps <= MAX_BURN_BOUND_BPS &&
            s.stepBps <= MAX_BURN_BOUND_BPS &&
            s.minDeflationBps <= s.maxDeflationBps &&
            s.maxDeflationBps <= BPS;
    }
}
