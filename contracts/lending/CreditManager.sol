// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {GuardianPausable} from "../common/GuardianPausable.sol";
import {IAccessPerks} from "../interfaces/IAccessPerks.sol";
import {ICreditManager} from "../interfaces/ICreditManager.sol";
import {IEthReserve} from "../interfaces/IEthReserve.sol";
import {IOracleRouter} from "../interfaces/IOracleRouter.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IStableVault} from "../interfaces/IStableVault.sol";
import {IVoteLocker} from "../interfaces/IVoteLocker.sol";
import {LendingKeys} from "../libraries/LendingKeys.sol";
import {DebtIndex} from "./DebtIndex.sol";
import {BPS} from "../common/Constants.sol";

/// @title CreditManager
/// @notice QER-collateralised stablecoin positions; half of every draw buys ETH for the reserve.
/// @dev The pause is governance's `GuardianPausable` (guardian pause that expires unless confirmed); `parameter` and
/// `_setParameter` handle the lending keys and hand `pause.duration` to it.
/// Amounts and prices are bounded (positions in 96 and 80 bits, prices within the oracle's sanity ranges, bps below
/// 2^16), so the arithmetic is plain checked multiplication and division, not 512-bit `mulDiv`.
contract CreditManager is ICreditManager, GuardianPausable, ReentrancyGuardTransient {
    using Math for uint256;
    using SafeCast for uint256;
    using SafeERC20 for IERC20;
    /// @dev The shortest guardian pause: two of the vault's exit delays (1 hour each). A pause holds the vault's exits
    /// for its length plus one exit delay, and the guardian may pause again one pause length after it ends, so
    /// exits stay open at least one exit delay between two guardian pauses.
    uint256 private constant MIN_PAUSE_DURATION = 2 hours;

    IERC20 private immutable _COLLATERAL;
    IERC20 private immutable _STABLE;
    IStableVault private immutable _VAULT;
    IEthReserve private immutable _RESERVE;
    IOracleRouter private immutable _ORACLE;
    address private immutable _FUND;
    /// @dev amount x price (WAD) / scale = value in stablecoin units, for QER and for ETH.
    uint256 private immutable _COLLATERAL_SCALE;
    uint256 private immutable _ETH_SCALE;
    IAccessPerks private immutable _PERKS;
    bytes32 private immutable _PERK_FEATURE;
    uint256 private immutable _OPEN_CEILING_BPS;
    IVoteLocker private immutable _LOCKER;
    uint256 private immutable _MIN_LOCK_LEFT;

    /// @dev The risk numbers in one word (read by every borrow and liquidation with one SLOAD), from the lowest bits:
    /// the five bps values (16 bits each: max LTV, liquidation threshold, bonus, close factor, fee), `minBorrow`
    /// (80 bits) and `debtCeiling` (96 bits); `_risk` unpacks them, `_storeRisk` packs them.
    uint256 private _riskWord;
    /// @dev A position in one slot (`Position` narrowed): a borrower's first draw writes a slot its collateral
    /// already holds, and every action reads one slot. Collateral below 2^96 units (79 billion tokens of 18
    /// decimals; QER's cap is 1 billion), scaled debt and ETH below 2^80 units (10^18 USDC, 1.2 million ETH); a
    /// deposit or draw beyond them reverts `SafeCastOverflowedUintDowncast`.
    struct StoredPosition {
        uint96 collateral;
        uint80 scaledDebt;
        uint80 reserveEth;
    }

    mapping(address account => StoredPosition) private _positions;

    /// @dev Working values of a liquidation (kept in memory to stay within the stack).
    struct Liquidation {
        uint256 index;
        uint256 debt;
        uint256 collateral;
        uint256 eth;
        uint256 collateralPrice;
        uint256 ethPrice;
        uint256 ethValue;
        uint256 collateralValue;
        uint256 repaid;
        uint256 repaidScaled;
        uint256 scaledLeft;
        uint256 fee;
        uint256 ethSeized;
        uint256 collateralSeized;
        bool closing;
    }

    /// @notice Deploys the credit manager.
    /// @param authority The preset's AccessManager.
    /// @param modules_ The collateral token, vault, reserve, oracle and insurance fund (the vault's own fund, else
    /// `InsuranceFundMismatch`).
    /// @param risk Initial risk numbers (from the preset).
    /// @param pauseDuration_ The guardian's pause duration in seconds (the preset), 2 hours to `MAX_PAUSE_DURATION`.
    /// @param perk The locker perk (zero registry, zero feature, 10,000 bps and no minimum lock time left: off).
    constructor(
        address authority,
        Modules memory modules_,
        RiskParams memory risk,
        uint256 pauseDuration_,
        LockerPerk memory perk
    ) AccessManaged(authority) GuardianPausable(pauseDuration_) {
        if (
            modules_.collateral == address(0) ||
            modules_.vault == address(0) ||
            modules_.reserve == address(0) ||
            modules_.oracle == address(0) ||
            modules_.insuranceFund == address(0)
        ) revert ZeroAddress();
        _COLLATERAL = IERC20(modules_.collateral);
        _VAULT = IStableVault(modules_.vault);
        _STABLE = IERC20(_VAULT.asset());
        _RESERVE = IEthReserve(modules_.reserve);
        _ORACLE = IOracleRouter(modules_.oracle);
        _FUND = modules_.insuranceFund;
        // The fund the liquidation fees are booked for is the one the vault writes its losses off against.
        address vaultFund = _VAULT.insuranceFund();
        if (vaultFund != modules_.insuranceFund) revert InsuranceFundMismatch(modules_.insuranceFund, vaultFund);
        uint256 stableDecimals = IERC20Metadata(address(_STABLE)).decimals();
        _COLLATERAL_SCALE = 10 ** (IERC20Metadata(modules_.collateral).decimals() + 18 - stableDecimals);
        _ETH_SCALE = 10 ** (36 - stableDecimals);
        if (
            perk.openCeilingBps > BPS ||
            (perk.perks == address(0)) != (perk.feature == bytes32(0)) ||
            (perk.perks == address(0) && (perk.openCeilingBps != BPS || perk.minLockLeft != 0))
        ) revert InvalidLockerPerk(perk.perks, perk.feature, perk.openCeilingBps, perk.minLockLeft);
        if (perk.perks != address(0)) {
            _LOCKER = IVoteLocker(IAccessPerks(perk.perks).locker());
            if (perk.minLockLeft > _LOCKER.config().maxLockDuration) {
                revert InvalidLockerPerk(perk.perks, perk.feature, perk.openCeilingBps, perk.minLockLeft);
            }
        }
        _PERKS = IAccessPerks(perk.perks);
        _PERK_FEATURE = perk.feature;
        _OPEN_CEILING_BPS = perk.openCeilingBps;
        _MIN_LOCK_LEFT = perk.minLockLeft;

        _checkPauseDuration(pauseDuration_);
        // Set directly, then checked together (the one-by-one checks would see half-set values).
        _storeRisk(risk);
        _checkRisk(bytes32(0), 0, risk);
    }

    // ------------------------------------------------------------------ collateral

    /// @inheritdoc ICreditManager
    function addCollateral(address account, uint256 amount) external nonReentrant {
        if (account == address(0)) revert ZeroAddress();
        if (amount == 0) revert ZeroAmount();
        StoredPosition storage p = _positions[account];
        p.collateral = (p.collateral + amount).toUint96();
        emit CollateralAdded(account, msg.sender, amount);
        _COLLATERAL.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc ICreditManager
    function withdrawCollateral(uint256 amount, address to) external nonReentrant {
        if (to == address(0)) revert ZeroAddress();
        if (amount == 0) revert ZeroAmount();
        StoredPosition storage p = _positions[msg.sender];
        uint256 collateral = p.collateral;
        if (amount > collateral) revert InsufficientCollateral(amount, collateral);
        uint256 left = collateral - amount;
        uint256 scaled = p.scaledDebt;
        // Without debt, neither a price nor an unpaused module is needed: debt-free collateral can always leave.
        if (scaled != 0) {
            _requireNotPaused();
            (uint256 index, ) = _VAULT.accrueInterest();
            uint256 debt = DebtIndex.toAssetsUp(scaled, index);
            uint256 maxDebt = _maxDebt(left, _ORACLE.collateralGuardedPrice(), _risk().maxLtvBps);
            if (debt > maxDebt) revert BorrowLimitExceeded(debt, maxDebt);
        }
        p.collateral = uint96(left); // below the stored value
        emit CollateralWithdrawn(msg.sender, to, amount);
        _COLLATERAL.safeTransfer(to, amount);
    }

    // ------------------------------------------------------------------ debt

    /// @inheritdoc ICreditManager
    function borrow(
        uint256 amount,
        uint256 minEthOut,
        uint256 deadline
    ) external nonReentrant whenNotPaused returns (uint256 paidOut, uint256 ethToPosition) {
        RiskParams memory r = _risk();
        if (amount < r.minBorrow || amount == 0) revert BorrowBelowMinimum(amount, r.minBorrow);
        if (block.timestamp > deadline) revert DeadlineExpired(deadline, block.timestamp);
        StoredPosition storage p = _positions[msg.sender];

        uint256 price = _ORACLE.collateralGuardedPrice();
        paidOut = amount / 2;
        uint256 swapped = amount - paidOut; // the odd unit, if any, buys ETH
        uint80 scaled = _draw(p, r, price, amount, paidOut, swapped).toUint80();
        uint256 ethBought;
        (ethBought, ethToPosition) = _RESERVE.buyEth(swapped, minEthOut, deadline);
        // Written after the calls because only they know the amounts; every entry point is non-reentrant.
        uint80 eth = (p.reserveEth + ethToPosition).toUint80();
        (p.scaledDebt, p.reserveEth) = (scaled, eth);
        emit Borrowed(msg.sender, amount, paidOut, swapped, ethBought, ethToPosition);
    }

    /// @dev One vault call: it accrues, then lends the paid-out half to the borrower and the swapped half straight to
    /// the pair, where the reserve takes the ETH out; the limits are checked on the index it returns (a failed check
    /// reverts the whole draw). Returns the position's new scaled debt.
    function _draw(
        StoredPosition storage p,
        RiskParams memory r,
        uint256 price,
        uint256 amount,
        uint256 paidOut,
        uint256 swapped
    ) private returns (uint256) {
        (uint256 added, uint256 index, uint256 totalBorrowed) = _VAULT.borrow(
            msg.sender,
            paidOut,
            _RESERVE.pool(),
            swapped
        );
        uint256 scaled = p.scaledDebt;
        // The limit applies to the debt the borrower asks for. The vault adds each part's scaled debt rounded up,
        // so the stored debt may exceed it by a unit or two: rounding in the protocol's favour, and a draw of
        // exactly `maxDebtOf - debtOf` always goes through.
        uint256 debt = DebtIndex.toAssetsUp(scaled, index) + amount;
        uint256 maxDebt = _maxDebt(p.collateral, price, r.maxLtvBps);
        if (debt > maxDebt) revert BorrowLimitExceeded(debt, maxDebt);
        if (totalBorrowed + amount > r.debtCeiling) revert DebtCeilingExceeded(totalBorrowed + amount, r.debtCeiling);
        _checkOpenCeiling(totalBorrowed + amount, r.debtCeiling);
        return scaled + added;
    }

    /// @inheritdoc ICreditManager
    function repay(address account, uint256 assets) external nonReentrant returns (uint256 repaid) {
        if (assets == 0) revert ZeroAmount();
        StoredPosition storage p = _positions[account];
        uint256 scaled = p.scaledDebt;
        if (scaled == 0) revert NoDebt(account);
        // One vault call: it accrues and repays up to `assets` of the debt (all of it at or above the debt).
        uint256 burned;
        uint256 index;
        (repaid, burned, index) = _VAULT.repay(scaled, assets);
        uint256 eth;
        if (burned == scaled) {
            eth = p.reserveEth;
            p.reserveEth = 0;
        }
        uint256 left = scaled - burned;
        p.scaledDebt = uint80(left); // below scaled, which fits
        emit Repaid(account, msg.sender, repaid, left == 0 ? 0 : DebtIndex.toAssetsUp(left, index), eth);

        _STABLE.safeTransferFrom(msg.sender, address(_VAULT), repaid);
        if (eth != 0) _RESERVE.release(account, eth);
    }

    // ------------------------------------------------------------------ liquidation

    /// @inheritdoc ICreditManager
    function liquidate(
        address account,
        uint256 maxRepay
    ) external nonReentrant whenNotPaused returns (uint256, uint256, uint256) {
        if (maxRepay == 0) revert ZeroAmount();
        StoredPosition storage p = _positions[account];
        uint256 scaled = p.scaledDebt;
        if (scaled == 0) revert NoDebt(account);
        RiskParams memory r = _risk();

        Liquidation memory liq;
        (liq.index, ) = _VAULT.accrueInterest();
        liq.debt = DebtIndex.toAssetsUp(scaled, liq.index);
        liq.collateral = p.collateral;
        liq.eth = p.reserveEth;
        liq.collateralPrice = _ORACLE.collateralPrice();
        // An unavailable ETH price values the position's ETH at zero instead of blocking the liquidation.
        if (liq.eth != 0) {
            liq.ethPrice = _ORACLE.ethPriceOrZero();
            liq.ethValue = (liq.eth * liq.ethPrice) / _ETH_SCALE;
        }
        liq.collateralValue = (liq.collateral * liq.collateralPrice) / _COLLATERAL_SCALE + liq.ethValue;
        uint256 limit = (liq.collateralValue * r.liquidationThresholdBps) / BPS;
        if (liq.debt <= limit) revert PositionHealthy(account, liq.debt, limit);

        _seize(liq, r, maxRepay);
        liq.repaidScaled = liq.repaid == liq.debt ? scaled : DebtIndex.toScaledDown(liq.repaid, liq.index);
        liq.scaledLeft = scaled - liq.repaidScaled;

        p.collateral = uint96(liq.collateral - liq.collateralSeized); // below the stored value
        uint256 writtenOff;
        uint256 ethReturned;
        if (liq.closing || liq.scaledLeft == 0) {
            // The debt reaches zero (repaid, or the rest written off): ETH the liquidator did not take goes home.
            p.scaledDebt = 0;
            p.reserveEth = 0;
            ethReturned = liq.eth - liq.ethSeized;
            if (liq.scaledLeft != 0) writtenOff = DebtIndex.toAssetsUp(liq.scaledLeft, liq.index);
        } else {
            p.scaledDebt = uint80(liq.scaledLeft); // below the stored value
            p.reserveEth = uint80(liq.eth - liq.ethSeized); // below the stored value
        }
        emit Liquidated(account, msg.sender, liq.repaid, liq.fee, liq.ethSeized, liq.collateralSeized, writtenOff);

        // The repayment and the fund's fee in one transfer to the vault, which books the fee as owed to the fund
        // (no new balance written for the fund), and one booking call with the write-off. The fee is zero
        // whenever the repayment is.
        if (liq.repaid != 0) _STABLE.safeTransferFrom(msg.sender, address(_VAULT), liq.repaid + liq.fee);
        if (liq.repaid != 0 || writtenOff != 0) {
            _VAULT.settle(liq.repaidScaled, liq.repaid, liq.fee, writtenOff != 0 ? liq.scaledLeft : 0);
        }
        if (liq.ethSeized != 0) _RESERVE.release(msg.sender, liq.ethSeized);
        if (ethReturned != 0) _RESERVE.release(account, ethReturned);
        if (liq.collateralSeized != 0) _COLLATERAL.safeTransfer(msg.sender, liq.collateralSeized);
        return (liq.repaid, liq.ethSeized, liq.collateralSeized);
    }

    /// @dev Picks the repayment, the collateral it buys and the insurance fee. A position whose collateral is
    /// worth less than its debt plus the bonus cannot be helped by a partial liquidation: it is closed at once, all
    /// of its collateral going to the liquidator, who repays the whole debt when the collateral covers it (the
    /// bonus shrinks to the surplus, so a solvent position never becomes bad debt) or else the collateral's worth
    /// at the bonus (the rest is written off in the same call). A position holding ETH without a usable ETH price is
    /// never closed: at most the close factor, and at most what its QER pays at the bonus, is repaid, against QER
    /// only; the ETH and the rest of the debt wait for the price. Otherwise at most the close factor is repaid and
    /// collateral worth the repayment plus the bonus is taken, ETH first; the position keeps at least its debt
    /// plus the bonus in collateral, so it can always be closed later without a loss.
    function _seize(Liquidation memory liq, RiskParams memory r, uint256 maxRepay) private view {
        uint256 bonusFactor = BPS + r.liquidationBonusBps;
        // ETH without a price is of unknown worth, not worthless: no close on it (which would hand it to the
        // liquidator for nothing and write off debt it may cover); the QER alone pays a partial liquidation.
        bool ethUnpriced = liq.eth != 0 && liq.ethPrice == 0;
        if (!ethUnpriced && liq.collateralValue * BPS < liq.debt * bonusFactor) {
            liq.closing = true;
            liq.repaid =
                liq.collateralValue >= liq.debt ? liq.debt : Math.ceilDiv(liq.collateralValue * BPS, bonusFactor);
            if (maxRepay < liq.repaid) revert RepayBelowClosingAmount(maxRepay, liq.repaid);
            liq.ethSeized = liq.eth;
            liq.collateralSeized = liq.collateral;
            if (liq.collateralValue >= liq.debt) {
                // The fund's share of the bonus actually received (the surplus over the debt).
                liq.fee = Math.ceilDiv((liq.collateralValue - liq.debt) * r.liquidationFeeBps, BPS);
                return;
            }
        } else {
            // Rounded up, so a 1-wei debt can be cleared.
            liq.repaid = Math.min(maxRepay, Math.ceilDiv(liq.debt * r.closeFactorBps, BPS));
            // Unpriced ETH: at most what the QER can pay at the bonus, so the seizure stays within the QER.
            if (ethUnpriced) liq.repaid = Math.min(liq.repaid, (liq.collateralValue * BPS) / bonusFactor);
            if (liq.repaid == 0) revert ZeroAmount();
            uint256 seizeValue = (liq.repaid * bonusFactor) / BPS;
            // At most the collateral's value: repaid <= debt and debt x (1 + bonus) <= collateral value (or, with
            // unpriced ETH, repaid x (1 + bonus) <= the QER's value).
            if (liq.ethPrice != 0 && seizeValue <= liq.ethValue) {
                liq.ethSeized = (seizeValue * _ETH_SCALE) / liq.ethPrice;
            } else {
                // Without an ETH price the ETH is worth zero here: it stays with the position.
                if (liq.ethPrice != 0) liq.ethSeized = liq.eth;
                liq.collateralSeized = ((seizeValue - liq.ethValue) * _COLLATERAL_SCALE) / liq.collateralPrice;
            }
        }
        liq.fee = Math.ceilDiv(liq.repaid * r.liquidationBonusBps * r.liquidationFeeBps, BPS * BPS);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc ICreditManager
    function position(address account) external view returns (Position memory) {
        StoredPosition memory p = _positions[account];
        return Position({scaledDebt: p.scaledDebt, reserveEth: p.reserveEth, collateral: p.collateral});
    }

    /// @inheritdoc ICreditManager
    function debtOf(address account) public view returns (uint256) {
        return DebtIndex.toAssetsUp(_positions[account].scaledDebt, _VAULT.borrowIndex());
    }

    /// @inheritdoc ICreditManager
    function maxDebtOf(address account) external view returns (uint256) {
        return _maxDebt(_positions[account].collateral, _ORACLE.previewCollateralGuardedPrice(), _risk().maxLtvBps);
    }

    /// @inheritdoc ICreditManager
    function liquidationLimitOf(address account) external view returns (uint256) {
        StoredPosition memory p = _positions[account];
        uint256 value = uint256(p.collateral).mulDiv(_ORACLE.collateralPrice(), _COLLATERAL_SCALE);
        if (p.reserveEth != 0) value += uint256(p.reserveEth).mulDiv(_ORACLE.ethPriceOrZero(), _ETH_SCALE);
        return value.mulDiv(_risk().liquidationThresholdBps, BPS);
    }

    /// @inheritdoc ICreditManager
    function riskParams() external view returns (RiskParams memory) {
        return _risk();
    }

    /// @inheritdoc ICreditManager
    function modules() external view returns (Modules memory) {
        return
            Modules({
                collateral: address(_COLLATERAL),
                vault: address(_VAULT),
                reserve: address(_RESERVE),
                oracle: address(_ORACLE),
                insuranceFund: _FUND
            });
    }

    /// @inheritdoc ICreditManager
    function lockerPerk() external view returns (LockerPerk memory) {
        return
            LockerPerk({
                perks: address(_PERKS),
                feature: _PERK_FEATURE,
                openCeilingBps: uint16(_OPEN_CEILING_BPS), // at most BPS, checked at deployment
                minLockLeft: uint32(_MIN_LOCK_LEFT) // given as a uint32
            });
    }

    /// @inheritdoc ICreditManager
    function openCeiling() external view returns (uint256) {
        return _risk().debtCeiling.mulDiv(_OPEN_CEILING_BPS, BPS);
    }

    // ------------------------------------------------------------------ parameters

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) public view override(GuardianPausable, IParameterized) returns (uint256) {
        RiskParams memory r = _risk();
        if (key == LendingKeys.MAX_LTV_BPS) return r.maxLtvBps;
        if (key == LendingKeys.LIQUIDATION_THRESHOLD_BPS) return r.liquidationThresholdBps;
        if (key == LendingKeys.LIQUIDATION_BONUS_BPS) return r.liquidationBonusBps;
        if (key == LendingKeys.CLOSE_FACTOR_BPS) return r.closeFactorBps;
        if (key == LendingKeys.LIQUIDATION_FEE_BPS) return r.liquidationFeeBps;
        if (key == LendingKeys.MIN_BORROW) return r.minBorrow;
        if (key == LendingKeys.DEBT_CEILING) return r.debtCeiling;
        return super.parameter(key);
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        if (key == PAUSE_DURATION) {
            _checkPauseDuration(value);
            super._setParameter(key, value);
            return;
        }
        RiskParams memory r = _risk();
        if (key == LendingKeys.MIN_BORROW) {
            r.minBorrow = uint128(_atMost(key, value, type(uint80).max)); // checked
        } else if (key == LendingKeys.DEBT_CEILING) {
            r.debtCeiling = _atMost(key, value, type(uint96).max);
        } else {
            uint16 v = _atMost(key, value, BPS).toUint16();
            if (key == LendingKeys.MAX_LTV_BPS) r.maxLtvBps = v;
            else if (key == LendingKeys.LIQUIDATION_THRESHOLD_BPS) r.liquidationThresholdBps = v;
            else if (key == LendingKeys.LIQUIDATION_BONUS_BPS) r.liquidationBonusBps = v;
            else if (key == LendingKeys.CLOSE_FACTOR_BPS) r.closeFactorBps = v;
            else if (key == LendingKeys.LIQUIDATION_FEE_BPS) r.liquidationFeeBps = v;
            else revert UnknownParameter(key);
        }
        _checkRisk(key, value, r);
        _storeRisk(r);
    }

    /// @dev The risk numbers, from their one word.
    function _risk() private view returns (RiskParams memory) {
        uint256 w = _riskWord;
        return
            RiskParams({
                maxLtvBps: uint16(w),
                liquidationThresholdBps: uint16(w >> 16),
                liquidationBonusBps: uint16(w >> 32),
                closeFactorBps: uint16(w >> 48),
                liquidationFeeBps: uint16(w >> 64),
                minBorrow: uint80(w >> 80),
                debtCeiling: uint96(w >> 160)
            });
    }

    /// @dev Stores the risk numbers in their one word; amounts too large for it revert `InvalidParameterValue`.
    function _storeRisk(RiskParams memory r) private {
        uint256 minBorrow = _atMost(LendingKeys.MIN_BORROW, r.minBorrow, type(uint80).max);
        uint256 ceiling = _atMost(LendingKeys.DEBT_CEILING, r.debtCeiling, type(uint96).max);
        _riskWord =
            uint256(r.maxLtvBps) |
            (uint256(r.liquidationThresholdBps) << 16) |
            (uint256(r.liquidationBonusBps) << 32) |
            (uint256(r.closeFactorBps) << 48) |
            (uint256(r.liquidationFeeBps) << 64) |
            (minBorrow << 80) |
            (ceiling << 160);
    }

    /// @dev A pause duration below `MIN_PAUSE_DURATION` would let the guardian, pausing again the first second it
    /// may, hold every vault exit for ever.
    function _checkPauseDuration(uint256 value) private pure {
        if (value < MIN_PAUSE_DURATION) revert InvalidParameterValue(PAUSE_DURATION, value);
    }

    /// @dev Rules the code relies on, some tying parameters together (the registry's bounds cannot express those):
    /// 0 < maxLtv < threshold, threshold x (1 + bonus) < 100% (so liquidating a position just above the threshold
    /// leaves it better collateralised, which also keeps both below 100%), 0 < close factor <= 100%, fee <= 100%.
    function _checkRisk(bytes32 key, uint256 value, RiskParams memory r) private pure {
        if (
            r.maxLtvBps == 0 ||
            r.maxLtvBps >= r.liquidationThresholdBps ||
            uint256(r.liquidationThresholdBps) * (BPS + r.liquidationBonusBps) >= BPS * BPS ||
            r.closeFactorBps == 0 ||
            r.closeFactorBps > BPS ||
            r.liquidationFeeBps > BPS
        ) revert InvalidParameterValue(key, value);
    }

    /// @dev Above the open part of the ceiling, only the perk's holders whose lock runs at least `_MIN_LOCK_LEFT`
    /// more may draw (read at the draw: a lock that has ended or been exited no longer counts, and a lock taken just
    /// for the draw costs the early-exit penalty on at least that time left). The perk never touches the LTV limit.
    function _checkOpenCeiling(uint256 total, uint256 ceiling) private view {
        if (_OPEN_CEILING_BPS == BPS) return;
        uint256 open = (ceiling * _OPEN_CEILING_BPS) / BPS;
        if (total <= open) return;
        if (!_PERKS.hasAccess(msg.sender, _PERK_FEATURE)) {
            revert LockerPerkRequired(msg.sender, _PERK_FEATURE, total, open);
        }
        uint256 minEnd = block.timestamp + _MIN_LOCK_LEFT;
        uint256 end = _LOCKER.lockOf(msg.sender).end;
        if (end < minEnd) revert LockerPerkLockTooShort(msg.sender, end, minEnd);
    }

    /// @dev The borrowing limit of `collateral` QER at `price`, rounded down.
    function _maxDebt(uint256 collateral, uint256 price, uint256 maxLtvBps) private view returns (uint256) {
        return (collateral * price * maxLtvBps) / (_COLLATERAL_SCALE * BPS);
    }
}
