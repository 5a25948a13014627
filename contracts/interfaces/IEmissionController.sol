// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IEmissionController
/// @notice Releases an emission curve (see `EmissionSchedule`) to a bounded set of recipients on a permissionless
/// call. Each release pays every recipient its weight's share of `emittedAt(now) - released()`; rounding leaves
/// dust in the controller (carried into the next release), so the sum paid never exceeds the curve, and the
/// curve never exceeds its cap.
/// @dev Weights are in bps and move linearly from a start mix to an end mix between two timestamps (QRY's chain
/// maturity); give equal start and end weights for a constant mix. Each release uses the mix at the time of the
/// call for everything due since the previous release. Shares use the exact interpolated weights and round down
/// once each, so a release leaves at most `recipients - 1` wei of dust, paid with the next release.
///
/// Funding: in `Hold` mode the controller holds the whole allocation (minted into it at genesis) and transfers;
/// in `Mint` mode it holds the token's minter role and mints what is due, never above the token's cap.
/// Recipients flagged `notify` are reward pools: they receive `IRewardReceiver.notifyRewardAmount(share)` right
/// after their transfer.
///
/// Governance (the GOVERNOR role) may replace the recipients and their mix; nobody can change the curve.
interface IEmissionController {
    /// @notice How the controller pays out.
    enum FundingMode {
        Hold,
        Mint
    }

    /// @notice A recipient and its weight at the start and at the end of the mix window. One storage slot.
    /// @param account Who receives the share.
    /// @param startBps Weight up to the start of the mix window, in bps.
    /// @param endBps Weight from the end of the mix window, in bps.
    /// @param notify Whether `account` is a reward pool to notify (`IRewardReceiver.notifyRewardAmount`).
    struct Recipient {
        address account;
        uint16 startBps;
        uint16 endBps;
        bool notify;
    }

    /// @notice What was due was paid out.
    /// @param amount Paid in this release, in wei (the due amount minus rounding dust).
    /// @param totalReleased Everything paid since the start, in wei.
    event Released(uint256 amount, uint256 totalReleased);

    /// @notice The recipients or their mix changed.
    /// @param recipients The new recipients.
    /// @param mixStart When weights start moving from the start mix (unix seconds).
    /// @param mixEnd When they reach the end mix (unix seconds).
    event RecipientsSet(Recipient[] recipients, uint64 mixStart, uint64 mixEnd);

    /// @notice Nothing is due now (before the start, right after a release, or once the cap is paid).
    error NothingToRelease();
    /// @notice No recipients, or more than `MAX_RECIPIENTS`.
    error InvalidRecipientCount(uint256 count, uint256 max);
    /// @notice A recipient is the zero address or the controller itself.
    error InvalidRecipient(address account);
    /// @notice The same account appears twice.
    error DuplicateRecipient(address account);
    /// @notice A recipient flagged `notify` is not a contract (every release would revert).
    error NotifiedRecipientHasNoCode(address account);
    /// @notice A recipient has a zero weight both at the start and at the end of the mix.
    error RecipientWithoutWeight(address account);
    /// @notice The start weights or the end weights do not add up to 10,000 bps.
    error InvalidWeights(uint256 startTotal, uint256 endTotal);
    /// @notice The mix window ends before it starts.
    error InvalidMixWindow(uint64 mixStart, uint64 mixEnd);
    /// @notice In mint mode the curve's cap is above the token's cap.
    error CapAboveTokenCap(uint256 cap, uint256 tokenCap);
    /// @notice The token given at deployment is the zero address.
    error InvalidToken();

    /// @notice Pays every recipient its share of what the curve has emitted since the last release. Anyone may
    /// call it.
    /// @dev Reverts with `NothingToRelease` when nothing is due. Loops over the recipients (at most
    /// `MAX_RECIPIENTS`).
    /// @return amount Paid in total, in wei.
    function release() external returns (uint256 amount);

    /// @notice Replaces the recipients and their mix. The curve is untouched.
    /// @dev Restricted to governance (the GOVERNOR role). What is due and not yet released is paid at the new
    /// mix: call `release()` first (in the same timelock batch) to settle it at the old one.
    /// @param recipients The new recipients (1 to `MAX_RECIPIENTS`), weights summing to 10,000 at both ends.
    /// @param mixStart When weights start moving from the start mix (unix seconds).
    /// @param mixEnd When they reach the end mix (unix seconds), not before `mixStart`.
    function setRecipients(Recipient[] calldata recipients, uint64 mixStart, uint64 mixEnd) external;

    /// @notice The cumulative amount the curve has emitted by `timestamp` (zero before the start).
    /// @param timestamp Unix seconds (past or future).
    /// @return The cumulative amount, in wei, never above `cap()`.
    function emittedAt(uint256 timestamp) external view returns (uint256);

    /// @notice What a release would pay out now, before rounding: `emittedAt(now) - released()`.
    /// @return The due amount, in wei (in mint mode also limited by the token's remaining cap).
    function releasable() external view returns (uint256);

    /// @notice Everything paid out since the start.
    /// @return The total released, in wei.
    function released() external view returns (uint256);

    /// @notice The recipients and their start and end weights.
    /// @return The recipients.
    function recipients() external view returns (Recipient[] memory);

    /// @notice The mix window.
    /// @return mixStart When weights start moving from the start mix.
    /// @return mixEnd When they reach the end mix.
    function mixWindow() external view returns (uint64 mixStart, uint64 mixEnd);

    /// @notice Each recipient's weight at `timestamp`, in the order of `recipients()`.
    /// @dev For display: each weight rounds down, so they add up to at most 10,000 (release uses exact weights).
    /// @param timestamp Unix seconds.
    /// @return weights The weights, in bps.
    function weightsAt(uint256 timestamp) external view returns (uint256[] memory weights);

    /// @notice The curve's inputs.
    /// @return start When emission starts (unix seconds).
    /// @return yearlyAmounts The table of yearly amounts, in wei.
    /// @return halvingYears The halving period after the table, in years.
    /// @return cap The allocation, in wei.
    function curve()
        external
        view
        returns (uint256 start, uint256[] memory yearlyAmounts, uint256 halvingYears, uint256 cap);

    /// @notice The token paid out.
    /// @return The token's address.
    function token() external view returns (address);

    /// @notice How the controller pays out.
    /// @return `Hold` (transfers what it holds) or `Mint` (mints what is due).
    function fundingMode() external view returns (FundingMode);
}
