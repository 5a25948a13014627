// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";

import {IParameterized} from "./IParameterized.sol";

/// @title IStableVault
/// @notice The stablecoin liquidity of the lending module: an ERC-4626 vault whose suppliers (the treasury
/// among them) earn the interest the credit manager's borrowers pay.
/// @dev Accounting. `idle` is the stablecoin the vault holds by its own books (a donation does not move it, so
/// the share price cannot be inflated by a transfer); `totalBorrowed` is all debt at the current borrow index;
/// `insuranceOwed` is what the vault owes the insurance fund, not yet paid out (its share of interest and the
/// liquidation fees). Then `totalAssets = idle + totalBorrowed - insuranceOwed`, and shares carry a virtual offset
/// of 10^6 (OpenZeppelin's defence against the first-depositor inflation attack). The cash the vault may lend or
/// pay a supplier is `idle - insuranceOwed` (zero below): the fund's money is neither lent nor paid out, and the
/// rate's utilization counts only that cash beside the debt.
///
/// Interest accrues on every state change: the index grows by `rate * elapsed / 365 days` (simple interest
/// between accruals, compounded at each), where `rate` follows the kinked utilization curve of
/// `InterestRateModel`; `insuranceInterestShareBps` of the interest is owed to the insurance fund.
///
/// Bad debt. When the credit manager closes a position whose collateral could not cover its debt, it writes the
/// rest off here: the fund's unpaid interest share absorbs it first, then the fund's stablecoin; what remains is
/// bad debt, taken from the suppliers' share price at once and recorded in `badDebt`.
///
/// Exits. `withdraw` and `redeem` are closed (their maxima are zero); a supplier escrows shares with
/// `requestRedeem` and claims after `EXIT_DELAY` the lower of their value at the request and at the claim. A loss
/// written off in between (a liquidation closes an insolvent position and writes off its shortfall in the same
/// call) therefore falls on the leaving supplier pro rata like on every other: nobody redeems at par against bad
/// debt that is recognised before the claim. Claims are limited to `idle - insuranceOwed`.
///
/// Only the credit manager bound once at deployment (`bindCreditManager`) may borrow, repay and settle: the vault
/// compares the caller with that address (no AccessManager call between the lending modules).
interface IStableVault is IParameterized, IERC4626 {
    /// @notice The governed numbers of the rate model and the insurance share.
    /// @param baseRateBps Borrow rate at zero utilization, bps per year.
    /// @param slope1Bps Rate added from zero to the optimal utilization, bps per year.
    /// @param slope2Bps Rate added from the optimal utilization to 100%, bps per year.
    /// @param optimalUtilizationBps The kink, bps.
    /// @param insuranceInterestShareBps Share of interest owed to the insurance fund, bps.
    struct RateParams {
        uint32 baseRateBps;
        uint32 slope1Bps;
        uint32 slope2Bps;
        uint16 optimalUtilizationBps;
        uint16 insuranceInterestShareBps;
    }

    /// @notice A pending exit.
    /// @param shares Shares escrowed in the vault.
    /// @param assets Their value when requested (the most the claim pays).
    /// @param claimableAt When the claim opens.
    struct ExitRequest {
        uint128 shares;
        uint128 assets;
        uint64 claimableAt;
    }

    /// @notice A supplier asked to leave.
    /// @param owner The supplier.
    /// @param shares Shares escrowed.
    /// @param assets Their value now (the most the claim will pay for them).
    /// @param claimableAt When the whole pending exit becomes claimable.
    event ExitRequested(address indexed owner, uint256 shares, uint256 assets, uint256 claimableAt);

    /// @notice A pending exit was paid.
    /// @param owner The supplier.
    /// @param receiver Who received the stablecoin.
    /// @param shares Shares burned.
    /// @param assets Stablecoin paid.
    event ExitClaimed(address indexed owner, address indexed receiver, uint256 shares, uint256 assets);

    /// @notice Interest accrued.
    /// @param borrowIndex The new borrow index (RAY).
    /// @param interest Interest added to the total borrowed.
    /// @param insuranceShare Part of it owed to the insurance fund.
    event InterestAccrued(uint256 borrowIndex, uint256 interest, uint256 insuranceShare);

    /// @notice The credit manager drew liquidity for one draw: part paid to the borrower, part sent to the pool.
    /// @param borrower Who received the paid-out part.
    /// @param paidOut Amount paid to the borrower.
    /// @param pool Where the swapped part went (the reserve's pair).
    /// @param swapped Amount sent to the pool.
    /// @param scaledDebt Scaled debt added.
    event Borrowed(
        address indexed borrower,
        uint256 paidOut,
        address indexed pool,
        uint256 swapped,
        uint256 scaledDebt
    );

    /// @notice Debt was repaid (the credit manager moves the stablecoin to the vault in the same call).
    /// @param assets Amount repaid.
    /// @param scaledDebt Scaled debt removed.
    event Repaid(uint256 assets, uint256 scaledDebt);

    /// @notice The rest of a closed position's debt was written off.
    /// @param scaledDebt Scaled debt removed.
    /// @param debt Its value.
    /// @param fromInsuranceOwed Part absorbed by the fund's unpaid interest share.
    /// @param fromInsuranceFund Part paid by the fund in the stablecoin.
    /// @param badDebt Part the suppliers lose.
    event DebtWrittenOff(
        uint256 scaledDebt,
        uint256 debt,
        uint256 fromInsuranceOwed,
        uint256 fromInsuranceFund,
        uint256 badDebt
    );

    /// @notice The fund's owed share (interest share and liquidation fees) was paid to it.
    /// @param amount Amount paid.
    event InsuranceFeesCollected(uint256 amount);

    /// @notice A liquidation fee was received for the insurance fund and booked as owed to it.
    /// @param fee Amount booked.
    event LiquidationFeeBooked(uint256 fee);

    /// @notice The admin bound the credit manager whose pause holds exits back.
    /// @param creditManager The credit manager.
    event CreditManagerBound(address creditManager);

    /// @notice A zero amount.
    error ZeroAmount();
    /// @notice A zero address.
    error ZeroAddress();
    /// @notice The vault may lend or pay out less than a draw or a claim needs.
    /// @param requested The amount asked.
    /// @param available Idle stablecoin less what is owed to the insurance fund (zero below).
    error InsufficientLiquidity(uint256 requested, uint256 available);
    /// @notice A repayment pays less than the scaled debt it would remove is worth.
    error RepaymentTooSmall(uint256 assets, uint256 scaledDebt);
    /// @notice No insurance share is owed, or none can be paid from idle liquidity.
    error NothingToCollect();
    /// @notice `withdraw` and `redeem` are closed: suppliers leave through `requestRedeem` and `claimRedeem`.
    error ExitThroughQueue();
    /// @notice The account has no pending exit.
    error NoExitRequest(address owner);
    /// @notice The pending exit's delay has not passed.
    error ExitNotClaimable(uint256 claimableAt, uint256 timestamp);
    /// @notice The credit manager is paused, or resumed less than one exit delay ago: exits and deposits wait until
    /// `claimableAt` (the maximum uint48 plus the delay while governance holds the pause), so that the liquidations
    /// stopped by the pause can recognise losses before anyone leaves, or buys in, at par.
    error CreditManagerPaused(uint256 claimableAt);
    /// @notice The credit manager is already bound (or the zero address was given).
    error CreditManagerAlreadyBound(address creditManager);
    /// @notice Only the bound credit manager may call this.
    /// @param caller The caller.
    error NotCreditManager(address caller);
    /// @notice The address to bind does not answer as a credit manager built on this vault and its insurance fund.
    /// @param creditManager The address given.
    error CreditManagerMismatch(address creditManager);
    /// @notice The insurance fund is not bound to this vault (bind the fund to the vault first): it would refuse
    /// to cover this vault's write-offs.
    /// @param fundVault The vault the fund is bound to (zero: none yet).
    error InsuranceFundNotBound(address fundVault);

    /// @notice The delay between an exit request and its claim, in seconds.
    /// @return The delay.
    function EXIT_DELAY() external view returns (uint256);

    /// @notice Binds the credit manager, once: the only caller of `borrow`, `repay` and `settle`, whose pause also
    /// holds exits back.
    /// @dev Restricted to the admin (the deploy step). Reverts `CreditManagerAlreadyBound` if bound or if
    /// `creditManager_` is zero, `CreditManagerMismatch` unless its `modules()` name this vault and its insurance
    /// fund (a wrong binding would be permanent and could draw the idle cash without collateral), and
    /// `InsuranceFundNotBound` unless the fund is bound to this vault (bind the fund first). These checks catch a
    /// wrong address given by the admin, not a contract deployed on purpose to answer `modules()` like a credit
    /// manager: the binding stays an admin-trusted deployment step.
    /// @param creditManager_ The credit manager (a guardian-pausable module).
    function bindCreditManager(address creditManager_) external;

    /// @notice The bound credit manager (zero before `bindCreditManager`).
    /// @return The credit manager.
    function creditManager() external view returns (address);

    /// @notice Escrows `shares` of the caller's and starts (or restarts, for the whole pending amount) the exit
    /// delay. The shares keep bearing losses until the claim, which pays the lower of their value now and their
    /// value at the claim.
    /// @param shares Shares to redeem.
    /// @return assets Their value now (the most the claim pays for them).
    /// @return claimableAt When the caller's pending exit becomes claimable.
    function requestRedeem(uint256 shares) external returns (uint256 assets, uint256 claimableAt);

    /// @notice Pays the caller's pending exit once its delay has passed: the lower of its value when requested and
    /// now, limited by idle liquidity less what is owed to the insurance fund (reverts `InsufficientLiquidity`
    /// otherwise). While the bound credit manager
    /// is paused, and for one exit delay after it resumes, claims revert `CreditManagerPaused`: a pause stops
    /// liquidations, hence write-offs, and nobody may leave at par against a loss the pause keeps unrecognised.
    /// @param receiver Who receives the stablecoin.
    /// @return assets Stablecoin paid.
    function claimRedeem(address receiver) external returns (uint256 assets);

    /// @notice An account's pending exit.
    /// @param owner The supplier.
    /// @return The pending exit (zero when none).
    function exitRequest(address owner) external view returns (ExitRequest memory);

    /// @notice Accrues interest up to now.
    /// @return borrowIndex The borrow index (RAY).
    /// @return totalBorrowed All debt at that index (rounded down).
    function accrueInterest() external returns (uint256 borrowIndex, uint256 totalBorrowed);

    /// @notice Lends one draw on the credit manager's account: `paidOut` to the borrower and `swapped` straight to
    /// the ETH reserve's pool (one call for both halves).
    /// @dev Only the bound credit manager (`NotCreditManager` otherwise). Accrues first; reverts
    /// `InsufficientLiquidity` above idle liquidity less what is owed to the insurance fund. Each part's scaled
    /// debt is rounded up on its own; one `Borrowed` event.
    /// @param borrower Who receives the paid-out half.
    /// @param paidOut Amount paid to the borrower (may be zero).
    /// @param pool Where the swapped half goes (the reserve's Uniswap V2 pair).
    /// @param swapped Amount sent to the pool.
    /// @return scaledDebt Scaled debt added (rounded up).
    /// @return borrowIndex The borrow index of the draw (RAY).
    /// @return totalBorrowed All debt before the draw at that index (rounded down).
    function borrow(
        address borrower,
        uint256 paidOut,
        address pool,
        uint256 swapped
    ) external returns (uint256 scaledDebt, uint256 borrowIndex, uint256 totalBorrowed);

    /// @notice Repays up to `assets` of a debt of `scaledDebt` at the current index; the credit manager pulls the
    /// stablecoin repaid into the vault right after, in the same call.
    /// @dev Only the bound credit manager (`NotCreditManager` otherwise). Accrues first. At or above the debt
    /// (rounded up) the whole debt is repaid; below it, the scaled debt removed is rounded down.
    /// @param scaledDebt The position's scaled debt.
    /// @param assets The most the payer repays.
    /// @return repaid Stablecoin repaid (owed to the vault).
    /// @return scaledRepaid Scaled debt removed.
    /// @return borrowIndex The borrow index (RAY).
    function repay(
        uint256 scaledDebt,
        uint256 assets
    ) external returns (uint256 repaid, uint256 scaledRepaid, uint256 borrowIndex);

    /// @notice Settles a liquidation: records a repayment of `assets` for `scaledRepaid`, books the liquidation
    /// `fee` as owed to the fund, then writes off `scaledWrittenOff` of a closed position's debt (what the vault
    /// owes the insurance fund absorbs it first, this fee included, then the fund's stablecoin, and the suppliers
    /// lose the remainder). The credit manager sends `assets + fee` of the stablecoin to the vault in the same call.
    /// @dev Only the bound credit manager (`NotCreditManager` otherwise). `assets` must be worth at least
    /// `scaledRepaid` at the current index (`RepaymentTooSmall`). The fee goes to `idle` and `insuranceOwed` alike,
    /// so it does not move `totalAssets`; the fund draws it with `collectInsuranceFees`.
    /// @param scaledRepaid Scaled debt repaid.
    /// @param assets Stablecoin repaid.
    /// @param fee Liquidation fee received for the insurance fund.
    /// @param scaledWrittenOff Scaled debt written off (zero when none).
    /// @return badDebt The suppliers' loss.
    function settle(
        uint256 scaledRepaid,
        uint256 assets,
        uint256 fee,
        uint256 scaledWrittenOff
    ) external returns (uint256 badDebt);

    /// @notice Pays the insurance fund its owed share (its share of interest and the liquidation fees booked here),
    /// as far as idle liquidity allows. Anyone may call.
    /// @return amount Amount paid.
    function collectInsuranceFees() external returns (uint256 amount);

    /// @notice The stablecoin held by the vault's books.
    /// @return The idle assets.
    function idle() external view returns (uint256);

    /// @notice All debt at the current index (rounded down).
    /// @return The total borrowed.
    function totalBorrowed() external view returns (uint256);

    /// @notice What the vault owes the insurance fund (its share of interest accrued to now and the liquidation
    /// fees), not yet paid out.
    /// @return The amount owed.
    function insuranceOwed() external view returns (uint256);

    /// @notice The borrow index accrued to now (RAY; starts at 1e27).
    /// @return The index.
    function borrowIndex() external view returns (uint256);

    /// @notice Total scaled debt.
    /// @return The scaled total.
    function totalScaledDebt() external view returns (uint256);

    /// @notice All bad debt ever socialised to suppliers.
    /// @return The cumulative loss.
    function badDebt() external view returns (uint256);

    /// @notice The current borrow rate per year (WAD fraction).
    /// @return The rate.
    function borrowRate() external view returns (uint256);

    /// @notice The governed numbers.
    /// @return The current values.
    function rateParams() external view returns (RateParams memory);

    /// @notice The insurance fund the vault pays and draws on.
    /// @return The fund's address.
    function insuranceFund() external view returns (address);
}
