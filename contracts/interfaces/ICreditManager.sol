// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGuardianPausable} from "./IGuardianPausable.sol";
import {IParameterized} from "./IParameterized.sol";

/// @title ICreditManager
/// @notice Stablecoin credit against QER (Qerun's borrowing rules, docs/economics/qerun.md). An account locks QER and
/// draws up to `maxLtvBps` (50%) of its USD value; half of each draw is paid to the borrower in the stablecoin, the
/// other half buys ETH in the ETH reserve, and the position's share of that ETH is recorded against it. On full
/// repayment the position's ETH goes back to the borrower; the reserve keeps the rest for good.
/// @dev One position per account; every action is O(1).
///
/// Locker perk (optional, fixed at deployment). With a perk registry wired in, a draw that would take the total
/// borrowed above `openCeilingBps` of the debt ceiling needs the borrower to hold the registry's `feature` (tokens
/// in a running lock at or above its threshold) and a lock ending at least `minLockLeft` seconds after the draw: the
/// top of the ceiling is reserved for long-term lockers, and leaving the lock right after the draw costs the early-exit
/// penalty on at least `minLockLeft` of time left. The perk never changes a position's limits: every draw stays within
/// `maxLtvBps` of the collateral.
///
/// Limits. Borrowing and collateral withdrawal must leave `debt <= maxLtvBps x QER value`, where the QER value
/// uses the oracle's guarded price (the lower of spot and the jump-guarded reference; the position's ETH does not
/// add borrowing capacity). A position may be liquidated when `debt > liquidationThresholdBps x (QER value + ETH
/// value)` at spot prices. The threshold sits above the borrowing limit, so no borrow or withdrawal can make a
/// position liquidatable. Total debt is capped by `debtCeiling`.
///
/// Liquidation. A position whose collateral is worth at least its debt plus `liquidationBonusBps` may be
/// liquidated in part: anyone repays up to `closeFactorBps` of the debt and receives collateral worth the repayment
/// plus the bonus, ETH first, then QER; what stays always covers the rest of the debt plus the bonus. A position
/// worth less than that is closed in the same call: all its collateral goes to the liquidator, who repays the
/// whole debt when the collateral covers it (the bonus shrinks to the surplus, so a solvent position never leaves
/// bad debt), else the collateral's worth at the bonus, and the rest of the debt is written off in the vault
/// (insurance fund first, then all suppliers pro rata) at once, so no insolvent position lingers. The liquidator
/// also pays `liquidationFeeBps` of the bonus it receives for the insurance fund, with the repayment, into the vault,
/// which books it as owed to the fund (like the fund's interest share). Whenever a position's debt
/// reaches zero (repayment, liquidation, write-off) its remaining ETH goes to the account. A missing ETH price
/// (stale, out of range) values the position's ETH at zero instead of blocking the liquidation; that ETH then
/// stays with the position in a partial liquidation.
///
/// Pause (`IGuardianPausable`). The guardian may pause borrowing, liquidation and the withdrawal of collateral
/// that backs debt for the governed `pause.duration`, unless governance confirms the pause (then until governance
/// unpauses); these revert `EnforcedPause(pausedUntil)` meanwhile. Repayment (full or partial), adding collateral
/// and withdrawing the collateral of a position without debt always work, also while paused, and need no oracle.
interface ICreditManager is IGuardianPausable, IParameterized {
    /// @notice The locker perk, fixed at deployment.
    /// @param perks The perk registry (`IAccessPerks`); zero turns the perk off (then `openCeilingBps` is 10,000).
    /// @param openCeilingBps Share of the debt ceiling open to every borrower, bps (at most 10,000).
    /// @param minLockLeft Seconds the borrower's lock must still run at a draw into the reserved part (at most the
    /// lock module's `maxLockDuration`; zero: any running lock).
    /// @param feature The registry's feature id whose holders may borrow the reserved top of the ceiling.
    struct LockerPerk {
        address perks;
        uint16 openCeilingBps;
        uint32 minLockLeft;
        bytes32 feature;
    }

    /// @notice A position.
    /// @param scaledDebt Debt in the vault's scaled units (see `DebtIndex`).
    /// @param reserveEth ETH in the reserve owned by the position.
    /// @param collateral QER locked.
    struct Position {
        uint128 scaledDebt;
        uint128 reserveEth;
        uint256 collateral;
    }

    /// @notice The governed risk numbers.
    /// @param maxLtvBps Borrowing limit, bps of the QER collateral's value.
    /// @param liquidationThresholdBps Liquidation threshold, bps of QER + ETH value.
    /// @param liquidationBonusBps Liquidator's bonus, bps of the debt repaid.
    /// @param closeFactorBps Share of the debt one liquidation may repay, bps.
    /// @param liquidationFeeBps Share of the bonus paid to the insurance fund, bps.
    /// @param minBorrow Smallest draw, stablecoin units.
    /// @param debtCeiling Largest total debt, stablecoin units.
    struct RiskParams {
        uint16 maxLtvBps;
        uint16 liquidationThresholdBps;
        uint16 liquidationBonusBps;
        uint16 closeFactorBps;
        uint16 liquidationFeeBps;
        uint128 minBorrow;
        uint256 debtCeiling;
    }

    /// @notice The modules the credit manager works with.
    /// @param collateral The collateral token (QER in the Qerun preset).
    /// @param vault The stable vault (lender).
    /// @param reserve The ETH reserve.
    /// @param oracle The oracle router.
    /// @param insuranceFund The vault's insurance fund (the liquidation fees are booked for it in the vault).
    struct Modules {
        address collateral;
        address vault;
        address reserve;
        address oracle;
        address insuranceFund;
    }

    /// @notice QER was added to a position.
    /// @param account The position.
    /// @param payer Who paid the QER.
    /// @param amount QER added.
    event CollateralAdded(address indexed account, address indexed payer, uint256 amount);

    /// @notice QER was taken out of a position.
    /// @param account The position.
    /// @param to Recipient.
    /// @param amount QER withdrawn.
    event CollateralWithdrawn(address indexed account, address indexed to, uint256 amount);

    /// @notice A position drew debt.
    /// @param account The position.
    /// @param amount Debt drawn.
    /// @param paidOut Stablecoin paid to the borrower (`amount / 2`, rounded down).
    /// @param swapped Stablecoin swapped to ETH (the rest).
    /// @param ethBought ETH the reserve bought.
    /// @param ethToPosition Part of it recorded as the position's.
    event Borrowed(
        address indexed account,
        uint256 amount,
        uint256 paidOut,
        uint256 swapped,
        uint256 ethBought,
        uint256 ethToPosition
    );

    /// @notice Debt was repaid.
    /// @param account The position.
    /// @param payer Who paid.
    /// @param assets Stablecoin paid.
    /// @param debtLeft Debt left.
    /// @param ethReturned The position's ETH released to the account on full repayment (else zero).
    event Repaid(address indexed account, address indexed payer, uint256 assets, uint256 debtLeft, uint256 ethReturned);

    /// @notice A position was liquidated.
    /// @param account The position.
    /// @param liquidator Who repaid and seized.
    /// @param repaid Debt repaid by the liquidator.
    /// @param fee Stablecoin the liquidator paid to the insurance fund.
    /// @param ethSeized ETH paid to the liquidator.
    /// @param collateralSeized QER paid to the liquidator.
    /// @param debtWrittenOff Debt written off when the position was closed with collateral exhausted.
    event Liquidated(
        address indexed account,
        address indexed liquidator,
        uint256 repaid,
        uint256 fee,
        uint256 ethSeized,
        uint256 collateralSeized,
        uint256 debtWrittenOff
    );

    /// @notice A zero amount.
    error ZeroAmount();
    /// @notice A zero address.
    error ZeroAddress();
    /// @notice The deadline has passed.
    error DeadlineExpired(uint256 deadline, uint256 timestamp);
    /// @notice A draw below the minimum.
    error BorrowBelowMinimum(uint256 amount, uint256 minimum);
    /// @notice The debt would exceed the borrowing limit.
    error BorrowLimitExceeded(uint256 debt, uint256 maxDebt);
    /// @notice The total debt would exceed the debt ceiling.
    error DebtCeilingExceeded(uint256 totalDebt, uint256 ceiling);
    /// @notice More collateral asked for than the position holds.
    error InsufficientCollateral(uint256 requested, uint256 available);
    /// @notice The position has no debt.
    error NoDebt(address account);
    /// @notice The position is not liquidatable.
    error PositionHealthy(address account, uint256 debt, uint256 liquidationLimit);
    /// @notice The draw would take the total borrowed into the part of the ceiling reserved for the perk's holders,
    /// and `account` does not hold the perk.
    /// @param account The borrower.
    /// @param feature The perk required.
    /// @param totalDebt The total borrowed after the draw.
    /// @param openCeiling The part of the ceiling open to every borrower.
    error LockerPerkRequired(address account, bytes32 feature, uint256 totalDebt, uint256 openCeiling);
    /// @notice The draw would take the total borrowed into the reserved part of the ceiling, and `account`'s lock
    /// ends before `minLockEnd` (now + `minLockLeft`).
    /// @param account The borrower.
    /// @param lockEnd The end of the account's lock.
    /// @param minLockEnd The earliest end that qualifies.
    error LockerPerkLockTooShort(address account, uint256 lockEnd, uint256 minLockEnd);
    /// @notice The locker perk given at deployment is inconsistent (a feature or a reserved share without a
    /// registry, a registry without a feature, an open share above 10,000 bps, or a minimum lock time left without
    /// a registry or above the lock module's `maxLockDuration`).
    /// @param perks The registry.
    /// @param feature The feature id.
    /// @param openCeilingBps The open share.
    /// @param minLockLeft The minimum lock time left, seconds.
    error InvalidLockerPerk(address perks, bytes32 feature, uint256 openCeilingBps, uint256 minLockLeft);
    /// @notice The position must be closed in one liquidation, and the caller's `maxRepay` is below what closing
    /// it costs.
    error RepayBelowClosingAmount(uint256 maxRepay, uint256 required);
    /// @notice The insurance fund given at deployment is not the one the vault draws on.
    /// @param given The fund given.
    /// @param vaultFund The vault's fund.
    error InsuranceFundMismatch(address given, address vaultFund);

    /// @notice Locks QER in `account`'s position, paid by the caller. Works while paused.
    /// @param account The position (anyone may top up anyone's).
    /// @param amount QER to lock.
    function addCollateral(address account, uint256 amount) external;

    /// @notice Takes QER out of the caller's position, if the debt stays within the borrowing limit. A position
    /// without debt may withdraw while paused and without a price.
    /// @param amount QER to withdraw.
    /// @param to Recipient.
    function withdrawCollateral(uint256 amount, address to) external;

    /// @notice Draws `amount` of debt: `amount / 2` (rounded down) is paid to the caller, the rest buys ETH.
    /// @dev The limit applies to the current debt plus `amount`, so `maxDebtOf - debtOf` can always be drawn; the
    /// vault records each part's scaled debt rounded up, so the stored debt may exceed it by a unit per part.
    /// @param amount Debt to draw, stablecoin units.
    /// @param minEthOut The least ETH the swap of the draw's other half must buy (the reserve also applies its
    /// own oracle-based bound; the stricter wins), so a sandwich cannot take the protocol-wide slippage allowance.
    /// @param deadline The draw (and its swap) reverts after this timestamp.
    /// @return paidOut Stablecoin paid to the caller.
    /// @return ethToPosition ETH recorded against the position.
    function borrow(
        uint256 amount,
        uint256 minEthOut,
        uint256 deadline
    ) external returns (uint256 paidOut, uint256 ethToPosition);

    /// @notice Repays up to `assets` of `account`'s debt, paid by the caller; at or above the debt it repays all
    /// of it and releases the position's ETH to the account. Works while paused.
    /// @param account The position.
    /// @param assets Most to pay (`type(uint256).max` for all).
    /// @return repaid Stablecoin paid.
    function repay(address account, uint256 assets) external returns (uint256 repaid);

    /// @notice Liquidates `account` if its debt is above the liquidation threshold. A position whose collateral
    /// is worth less than its debt plus the bonus is closed in the call (reverts `RepayBelowClosingAmount` when
    /// `maxRepay` does not cover it); when its debt reaches zero its remaining ETH goes to the account.
    /// @param account The position.
    /// @param maxRepay Most debt the caller will repay.
    /// @return repaid Debt repaid.
    /// @return ethSeized ETH paid to the caller.
    /// @return collateralSeized QER paid to the caller.
    function liquidate(
        address account,
        uint256 maxRepay
    ) external returns (uint256 repaid, uint256 ethSeized, uint256 collateralSeized);

    /// @notice A position's stored state.
    /// @param account The position.
    /// @return The position.
    function position(address account) external view returns (Position memory);

    /// @notice A position's debt, with interest to now (rounded up).
    /// @param account The position.
    /// @return The debt.
    function debtOf(address account) external view returns (uint256);

    /// @notice The largest debt the position may hold now (borrowing limit at the guarded price).
    /// @param account The position.
    /// @return The limit.
    function maxDebtOf(address account) external view returns (uint256);

    /// @notice The debt above which the position may be liquidated now (at spot prices).
    /// @param account The position.
    /// @return The limit.
    function liquidationLimitOf(address account) external view returns (uint256);

    /// @notice The governed risk numbers.
    /// @return The current values.
    function riskParams() external view returns (RiskParams memory);

    /// @notice The modules the credit manager works with.
    /// @return The addresses.
    function modules() external view returns (Modules memory);

    /// @notice The locker perk (registry, feature, share of the ceiling open to every borrower, minimum lock time
    /// left at a draw into the reserved part).
    /// @return The perk, fixed at deployment.
    function lockerPerk() external view returns (LockerPerk memory);

    /// @notice The part of the debt ceiling open to borrowers without the perk, in stablecoin units (the whole
    /// ceiling when the perk is off), rounded down.
    /// @return The open ceiling.
    function openCeiling() external view returns (uint256);
}
