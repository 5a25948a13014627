// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IParameterized} from "./IParameterized.sol";

/// @title IDeflationController
/// @notice Steers the fee router's burn share toward a target band of yearly net deflation (QUIVer 5.3: "Target 2-3%
/// annual deflation after year 5; burn rate adjusted quarterly by governance"), one bounded step per quarter.
/// @dev Quarters are `QUARTER` (365 days / 4) long, counted from the emission start: quarter `q` covers
/// `[start + q x QUARTER, start + (q + 1) x QUARTER)`. For a completed quarter the controller reads, in O(1) storage
/// and without any counter on the fee or emission paths:
/// - `emitted`: the emission curve's amount over the quarter (`IEmissionController.emittedAt` at both edges; the curve
///   is what `release()` pays, to anyone's call, so nobody's release timing moves it);
/// - `burned`: the fall of the token's total supply over the quarter, from its ERC20Votes checkpoints
///   (`getPastTotalSupply` one second before each edge). In hold mode every token is minted at genesis (QUIVer: cap =
///   supply), so the supply only falls, by burns: fee burns, slashes, expired rewards, anyone's own burns;
/// - `supplyAtStart`: the outstanding supply at the quarter's start, total supply minus the emission not yet
///   emitted by the curve (`cap - emittedAt(start)`, tokens the controller holds for later).
/// Net inflation is `(emitted - burned) / supplyAtStart`, annualised x4 (a quarter is a fourth of the year).
///
/// `step()` (anyone, once per quarter, from quarter `firstQuarter` on) measures the quarter just completed and moves
/// the burn share one governed step: up if net deflation is below the band's lower edge, down if above its upper
/// edge, not at all inside the band (edges included, compared exactly, not after rounding). The result is clamped to
/// the governed bounds (bounds win: a share outside them moves one step toward them), moved at most one step, and
/// clamped to the ParameterRegistry's `controllerRange` (bounds, one registry step) and to what the fee router
/// accepts (its protocol shares at most 5,000 bps: a raise past that is cut to the router's headroom, never a
/// revert). The change goes through the registry's `setByController`, which does not record it: governance's own
/// changes (`set`) keep their 20%-per-quarter range around the values governance set, whatever the controller
/// does; together they move the share at most 20% (or the registry's min step) plus one step per quarter, and a
/// governance change may undo any number of the controller's steps. A quarter nobody stepped in is not caught up:
/// the next step measures only the quarter before it, so the share moves at most one step per measured quarter
/// (two steps may be seconds apart across a quarter edge: each measures its own completed quarter).
interface IDeflationController is IParameterized {
    /// @notice Governed numbers, in bps (see `DeflationKeys`).
    /// @param stepBps Most the burn share moves per quarter, bps of a fee.
    /// @param minBurnBps Lowest burn share the controller sets.
    /// @param maxBurnBps Highest burn share the controller sets (at most 5,000).
    /// @param minDeflationBps Lower edge of the target band, yearly net deflation in bps of the outstanding supply.
    /// @param maxDeflationBps Upper edge of the target band.
    struct Parameters {
        uint256 stepBps;
        uint256 minBurnBps;
        uint256 maxBurnBps;
        uint256 minDeflationBps;
        uint256 maxDeflationBps;
    }

    /// @notice What a completed quarter emitted and burned.
    /// @param emitted The emission curve's amount over the quarter, token wei.
    /// @param burned The fall of the token's total supply over the quarter, token wei.
    /// @param supplyAtStart The outstanding supply at the quarter's start (total supply minus emission not yet
    /// emitted), token wei.
    /// @param netInflationBps `(emitted - burned) x 4 / supplyAtStart` in bps, rounded toward zero (negative: net
    /// deflation). For display: `step` compares exactly.
    struct QuarterFlows {
        uint256 emitted;
        uint256 burned;
        uint256 supplyAtStart;
        int256 netInflationBps;
    }

    /// @notice A quarterly step measured `quarter` and set the burn share.
    /// @param quarter The quarter measured (the one completed before the step's).
    /// @param emitted The curve's emission over it, token wei.
    /// @param burned The fall of total supply over it, token wei.
    /// @param supplyAtStart The outstanding supply at its start, token wei.
    /// @param netInflationBps Its annualised net inflation, bps (negative: deflation).
    /// @param oldBurnBps The burn share before the step.
    /// @param newBurnBps The burn share after it (equal when nothing moved).
    event Stepped(
        uint256 indexed quarter,
        uint256 emitted,
        uint256 burned,
        uint256 supplyAtStart,
        int256 netInflationBps,
        uint256 oldBurnBps,
        uint256 newBurnBps
    );

    /// @notice A constructor address is zero.
    error ZeroAddress();
    /// @notice The emission controller mints (mint mode): its releases would not show in the supply's fall.
    error UnsupportedFundingMode();
    /// @notice The emission controller pays another token than the one measured.
    error TokenMismatch(address emissionToken, address token);
    /// @notice The first quarter is zero (a step measures the quarter before its own).
    error InvalidFirstQuarter();
    /// @notice The initial parameters break the module's limits (see `setParameter`).
    error InvalidConfiguration();
    /// @notice Steps start at `firstStepAt` (the start of quarter `firstQuarter`).
    /// @param firstStepAt When the first step is allowed, unix seconds.
    error StepsNotStarted(uint256 firstStepAt);
    /// @notice This quarter already had its step; the next one is allowed at `nextStepAt`.
    /// @param quarter The current quarter.
    /// @param nextStepAt When the next step is allowed, unix seconds.
    error AlreadySteppedThisQuarter(uint256 quarter, uint256 nextStepAt);
    /// @notice The quarter has not ended yet.
    /// @param quarter The quarter asked for.
    /// @param endsAt When it ends, unix seconds.
    error QuarterNotComplete(uint256 quarter, uint256 endsAt);
    /// @notice The token's total supply rose over the quarter: something was minted, which this controller does not
    /// measure (hold mode with the cap minted at genesis only).
    error SupplyRose(uint256 quarter, uint256 supplyAtStart, uint256 supplyAtEnd);
    /// @notice No outstanding supply at the quarter's start (the emission controller was not funded).
    error NoOutstandingSupply(uint256 quarter);

    /// @notice Measures the quarter just completed and moves the burn share one step toward the band. Anyone may
    /// call it, once per quarter, from the start of quarter `firstQuarter`.
    /// @dev Reverts `StepsNotStarted` before, `AlreadySteppedThisQuarter` on a second call in a quarter. The new
    /// share goes through `ParameterRegistry.setByController` (skipped when unchanged).
    /// @return newBurnBps The burn share after the step.
    function step() external returns (uint256 newBurnBps);

    /// @notice What a completed quarter emitted and burned (any quarter since the start, stepped or not).
    /// @dev Reverts `QuarterNotComplete` for a quarter that has not ended. O(log checkpoints) reads of the token.
    /// @param quarter The quarter, counted from the emission start.
    /// @return The quarter's flows.
    function quarterFlows(uint256 quarter) external view returns (QuarterFlows memory);

    /// @notice The quarter now, counted from the emission start (0 before it).
    /// @return The current quarter.
    function currentQuarter() external view returns (uint256);

    /// @notice When the next step is allowed.
    /// @return Unix seconds (in the past when a step is allowed now).
    function nextStepAt() external view returns (uint256);

    /// @notice The first quarter in which a step is allowed (QUIVer: 20, the start of year 6); it measures the quarter
    /// before it.
    /// @return The quarter, counted from the emission start.
    function firstQuarter() external view returns (uint256);

    /// @notice The contracts the controller reads and steers.
    /// @return token The token measured (ERC20Votes checkpoints).
    /// @return emission The emission controller (its curve, start and cap).
    /// @return registry The ParameterRegistry the burn share is set through.
    /// @return router The fee router holding the burn share (`MarketKeys.BURN_FEE_BPS`).
    function wiring() external view returns (address token, address emission, address registry, address router);
}
