// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {ICreditManager} from "../interfaces/ICreditManager.sol";
import {IGuardianPausable} from "../interfaces/IGuardianPausable.sol";
import {IInsuranceFund} from "../interfaces/IInsuranceFund.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IStableVault} from "../interfaces/IStableVault.sol";
import {LendingKeys} from "../libraries/LendingKeys.sol";
import {DebtIndex} from "./DebtIndex.sol";
import {InterestRateModel} from "./InterestRateModel.sol";
import {BPS, WAD, RAY} from "../common/Constants.sol";

/// @title StableVault
/// @notice ERC-4626 vault of the stablecoin that the credit manager lends to QER borrowers; suppliers leave through
/// a delayed exit that shares every loss recognised before the claim.
contract StableVault is ERC4626, Parameterized, IStableVault {
    using SafeCast for uint256;
    using SafeERC20 for IERC20;
    uint256 private constant YEAR = 365 days;
    /// @dev Bit offsets of the rate numbers in `_credit` (the credit manager takes bits 0..159).
    uint256 private constant BASE_RATE_SHIFT = 160;
    uint256 private constant SLOPE1_SHIFT = 176;
    uint256 private constant SLOPE2_SHIFT = 192;
    uint256 private constant KINK_SHIFT = 224;
    uint256 private constant SHARE_SHIFT = 240;
    /// @dev Shares carry 6 more decimals than assets: a first depositor would need to donate 10^6 times what a
    /// victim may lose (and donations do not move `totalAssets` here anyway).
    uint8 private constant DECIMALS_OFFSET = 6;

    /// @inheritdoc IStableVault
    uint256 public constant EXIT_DELAY = 1 hours;

    IInsuranceFund private immutable _FUND;

    // Slot 1: cash by the books, the fund's unpaid interest share and the last accrual (every credit call writes it).
    uint104 private _idle;
    uint104 private _insuranceOwed;
    uint48 private _lastAccrual;
    // Slot 2: debt.
    uint128 private _totalScaledDebt;
    uint128 private _borrowIndex;
    // Slot 3, one word read with one SLOAD on every credit call and accrual: the credit manager (bound once after
    // both are deployed: the only caller of the credit functions, and its pause holds exits back) in the lowest 160
    // bits, then the rate curve: base rate (16 bits), slope 1 (16), slope 2 (32), kink (16), insurance share (16).
    uint256 private _credit;

    uint256 private _badDebt;
    mapping(address owner => ExitRequest) private _exits;

    /// @notice Deploys an empty vault.
    /// @param authority The preset's AccessManager.
    /// @param asset_ The stablecoin.
    /// @param fund The insurance fund.
    /// @param name_ Share token name.
    /// @param symbol_ Share token symbol.
    /// @param rates Initial rate curve and insurance share (from the preset).
    constructor(
        address authority,
        IERC20 asset_,
        IInsuranceFund fund,
        string memory name_,
        string memory symbol_,
        RateParams memory rates
    ) ERC20(name_, symbol_) ERC4626(asset_) AccessManaged(authority) {
        if (address(asset_) == address(0) || address(fund) == address(0)) revert ZeroAddress();
        _FUND = fund;
        _borrowIndex = uint128(RAY);
        _lastAccrual = uint48(block.timestamp);
        _setParameter(LendingKeys.BASE_RATE_BPS, rates.baseRateBps);
        _setParameter(LendingKeys.SLOPE1_BPS, rates.slope1Bps);
        _setParameter(LendingKeys.SLOPE2_BPS, rates.slope2Bps);
        _setParameter(LendingKeys.OPTIMAL_UTILIZATION_BPS, rates.optimalUtilizationBps);
        _setParameter(LendingKeys.INSURANCE_INTEREST_SHARE_BPS, rates.insuranceInterestShareBps);
    }

    // ------------------------------------------------------------------ credit manager

    /// @inheritdoc IStableVault
    function accrueInterest() external returns (uint256 borrowIndex_, uint256 totalBorrowed_) {
        borrowIndex_ = _accrue();
        totalBorrowed_ = DebtIndex.toAssetsDown(_totalScaledDebt, borrowIndex_);
    }

    /// @inheritdoc IStableVault
    function borrow(
        address borrower,
        uint256 paidOut,
        address pool,
        uint256 swapped
    ) external returns (uint256 scaledDebt, uint256 borrowIndex_, uint256 totalBorrowed_) {
        _onlyCreditManager();
        uint256 assets = paidOut + swapped;
        if (assets == 0) revert ZeroAmount();
        if (borrower == address(0) || pool == address(0)) revert ZeroAddress();
        borrowIndex_ = _accrue();
        uint256 idle_ = _idle;
        uint256 available = _available();
        if (assets > available) revert InsufficientLiquidity(assets, available);
        uint256 scaledTotal = _totalScaledDebt;
        totalBorrowed_ = DebtIndex.toAssetsDown(scaledTotal, borrowIndex_);
        // Each part's scaled debt is rounded up on its own, as two separate draws would be (zero for a zero part).
        scaledDebt = DebtIndex.toScaledUp(paidOut, borrowIndex_) + DebtIndex.toScaledUp(swapped, borrowIndex_);
        unchecked {
            _idle = uint104(idle_ - assets); // at most `available`, below idle_, which fits
        }
        _totalScaledDebt = (scaledTotal + scaledDebt).toUint128();
        emit Borrowed(borrower, paidOut, pool, swapped, scaledDebt);
        IERC20 asset_ = IERC20(asset());
        if (paidOut != 0) asset_.safeTransfer(borrower, paidOut);
        if (swapped != 0) asset_.safeTransfer(pool, swapped);
    }

    /// @inheritdoc IStableVault
    function repay(
        uint256 scaledDebt,
        uint256 assets
    ) external returns (uint256 repaid, uint256 scaledRepaid, uint256 borrowIndex_) {
        _onlyCreditManager();
        borrowIndex_ = _accrue();
        uint256 debt = DebtIndex.toAssetsUp(scaledDebt, borrowIndex_);
        if (assets >= debt) {
            (repaid, scaledRepaid) = (debt, scaledDebt);
        } else {
            (repaid, scaledRepaid) = (assets, DebtIndex.toScaledDown(assets, borrowIndex_));
        }
        _totalScaledDebt -= scaledRepaid.toUint128();
        _idle += repaid.toUint104();
        emit Repaid(repaid, scaledRepaid);
    }

    /// @inheritdoc IStableVault
    function settle(
        uint256 scaledRepaid,
        uint256 assets,
        uint256 fee,
        uint256 scaledWrittenOff
    ) external returns (uint256 loss) {
        _onlyCreditManager();
        uint256 index = _accrue();
        if (scaledRepaid != 0 || assets != 0) {
            if (scaledRepaid > DebtIndex.toScaledDown(assets, index)) revert RepaymentTooSmall(assets, scaledRepaid);
            _totalScaledDebt -= scaledRepaid.toUint128();
            _idle += assets.toUint104();
            emit Repaid(assets, scaledRepaid);
        }
        if (fee != 0) {
            // The fund's money, held here like its interest share: cash in `idle` owed to the fund (outside the
            // suppliers' assets) until `collectInsuranceFees` pays it. Booked before the write-off, so that the
            // liquidation's own fee absorbs its loss before the fund's cash and the suppliers do.
            uint104 fee104 = fee.toUint104();
            _idle += fee104;
            _insuranceOwed += fee104;
            emit LiquidationFeeBooked(fee);
        }
        if (scaledWrittenOff != 0) loss = _writeOff(scaledWrittenOff, index);
    }

    /// @dev Writes `scaledDebt` off at `index`: the fund's unpaid share first, then the fund, then the suppliers.
    function _writeOff(uint256 scaledDebt, uint256 index) private returns (uint256 loss) {
        uint256 debt = DebtIndex.toAssetsUp(scaledDebt, index);
        _totalScaledDebt -= scaledDebt.toUint128();
        // The fund's unpaid interest share is the fund's money held here: it absorbs the loss first.
        uint256 owed = _insuranceOwed;
        uint256 fromOwed = Math.min(owed, debt);
        _insuranceOwed = uint104(owed - fromOwed); // below owed, which fits
        uint256 needed = debt - fromOwed;
        uint256 covered;
        if (needed != 0) {
            // The fund is a trusted module contract; it sends at most `needed` and reports what it sent.
            covered = _FUND.cover(needed);
            _idle += covered.toUint104();
        }
        loss = needed - covered;
        if (loss != 0) _badDebt += loss;
        emit DebtWrittenOff(scaledDebt, debt, fromOwed, covered, loss);
    }

    /// @dev Reverts `NotCreditManager` unless the caller is the bound credit manager (no call to the AccessManager:
    /// the binding is fixed once at deployment, and unbound it matches nobody).
    function _onlyCreditManager() private view {
        if (msg.sender != address(uint160(_credit))) revert NotCreditManager(msg.sender);
    }

    /// @inheritdoc IStableVault
    function collectInsuranceFees() external returns (uint256 amount) {
        _accrue();
        uint256 idle_ = _idle;
        uint256 owed = _insuranceOwed;
        amount = Math.min(owed, idle_);
        if (amount == 0) revert NothingToCollect();
        // Both results are below values that fit 128 bits.
        _insuranceOwed = uint104(owed - amount);
        _idle = uint104(idle_ - amount);
        emit InsuranceFeesCollected(amount);
        IERC20(asset()).safeTransfer(address(_FUND), amount);
    }

    // ------------------------------------------------------------------ ERC-4626

    /// @inheritdoc IERC4626
    function totalAssets() public view override(ERC4626, IERC4626) returns (uint256) {
        (uint256 index, , uint256 fee) = _pending();
        uint256 gross = _idle + DebtIndex.toAssetsDown(_totalScaledDebt, index);
        uint256 owed = _insuranceOwed + fee;
        // Saturates: a rounding wei in a write-off must not make the view revert.
        return gross > owed ? gross - owed : 0;
    }

    /// @inheritdoc IERC4626
    /// @dev Zero: suppliers leave through `requestRedeem` and `claimRedeem`.
    function maxWithdraw(address) public pure override(ERC4626, IERC4626) returns (uint256) {
        return 0;
    }

    /// @inheritdoc IERC4626
    /// @dev Zero: suppliers leave through `requestRedeem` and `claimRedeem`.
    function maxRedeem(address) public pure override(ERC4626, IERC4626) returns (uint256) {
        return 0;
    }

    /// @inheritdoc IERC4626
    /// @dev Zero while the bound credit manager is paused and one exit delay after (see `deposit`).
    function maxDeposit(address receiver) public view override(ERC4626, IERC4626) returns (uint256) {
        return _creditManagerHeldUntil() > block.timestamp ? 0 : super.maxDeposit(receiver);
    }

    /// @inheritdoc IERC4626
    /// @dev Zero while the bound credit manager is paused and one exit delay after (see `deposit`).
    function maxMint(address receiver) public view override(ERC4626, IERC4626) returns (uint256) {
        return _creditManagerHeldUntil() > block.timestamp ? 0 : super.maxMint(receiver);
    }

    /// @inheritdoc IERC4626
    /// @dev Accrues interest first, so the shares are priced at the current index. Zero assets revert. While the
    /// bound credit manager is paused, and one exit delay after, reverts `CreditManagerPaused`: a newcomer must not
    /// buy in at par against a loss the pause keeps unrecognised.
    function deposit(uint256 assets, address receiver) public override(ERC4626, IERC4626) returns (uint256) {
        if (assets == 0) revert ZeroAmount();
        _requireCreditManagerLive();
        _accrue();
        return super.deposit(assets, receiver);
    }

    /// @inheritdoc IERC4626
    /// @dev Accrues interest first. Zero shares revert; reverts `CreditManagerPaused` as `deposit` does.
    function mint(uint256 shares, address receiver) public override(ERC4626, IERC4626) returns (uint256) {
        if (shares == 0) revert ZeroAmount();
        _requireCreditManagerLive();
        _accrue();
        return super.mint(shares, receiver);
    }

    /// @inheritdoc IERC4626
    /// @dev Always reverts `ExitThroughQueue`: an instant exit could leave at par ahead of a known loss.
    function withdraw(uint256, address, address) public pure override(ERC4626, IERC4626) returns (uint256) {
        revert ExitThroughQueue();
    }

    /// @inheritdoc IERC4626
    /// @dev Always reverts `ExitThroughQueue`: an instant exit could leave at par ahead of a known loss.
    function redeem(uint256, address, address) public pure override(ERC4626, IERC4626) returns (uint256) {
        revert ExitThroughQueue();
    }

    // ------------------------------------------------------------------ exits

    /// @inheritdoc IStableVault
    function bindCreditManager(address creditManager_) external restricted {
        uint256 credit = _credit;
        address bound = address(uint160(credit));
        if (bound != address(0) || creditManager_ == address(0)) revert CreditManagerAlreadyBound(bound);
        // The binding is permanent and lends the vault's idle cash: it must be the credit manager built on this
        // vault and its fund, not a mistyped or foreign address.
        ICreditManager.Modules memory m = _modulesOf(creditManager_);
        if (m.vault != address(this) || m.insuranceFund != address(_FUND)) {
            revert CreditManagerMismatch(creditManager_);
        }
        // The fund must answer this vault's write-offs (`cover` serves its bound vault only): bound to it first.
        address fundVault = _FUND.vault();
        if (fundVault != address(this)) revert InsuranceFundNotBound(fundVault);
        _credit = credit | uint160(creditManager_);
        emit CreditManagerBound(creditManager_);
    }

    /// @dev The modules `account` names as a credit manager, all zero if it does not answer `modules()` as one.
    function _modulesOf(address account) private view returns (ICreditManager.Modules memory m) {
        (bool ok, bytes memory data) = account.staticcall(abi.encodeCall(ICreditManager.modules, ()));
        if (ok && data.length == 160) m = abi.decode(data, (ICreditManager.Modules));
    }

    /// @inheritdoc IStableVault
    function creditManager() external view returns (address) {
        return address(uint160(_credit));
    }

    /// @inheritdoc IStableVault
    function requestRedeem(uint256 shares) external returns (uint256 assets, uint256 claimableAt) {
        if (shares == 0) revert ZeroAmount();
        _accrue();
        assets = _convertToAssets(shares, Math.Rounding.Floor);
        ExitRequest storage e = _exits[msg.sender];
        uint256 totalShares = e.shares + shares;
        uint256 totalAssets_ = e.assets + assets;
        claimableAt = block.timestamp + EXIT_DELAY;
        e.shares = totalShares.toUint128();
        e.assets = totalAssets_.toUint128();
        e.claimableAt = uint64(claimableAt);
        // The shares stay in supply, escrowed here: they keep bearing every loss until the claim.
        _transfer(msg.sender, address(this), shares);
        emit ExitRequested(msg.sender, shares, assets, claimableAt);
    }

    /// @inheritdoc IStableVault
    function claimRedeem(address receiver) external returns (uint256 assets) {
        if (receiver == address(0)) revert ZeroAddress();
        ExitRequest memory e = _exits[msg.sender];
        if (e.shares == 0) revert NoExitRequest(msg.sender);
        if (block.timestamp < e.claimableAt) revert ExitNotClaimable(e.claimableAt, block.timestamp);
        _requireCreditManagerLive();
        _accrue();
        // The lower of the value when requested and now: a loss recognised meanwhile is shared, interest is not.
        assets = Math.min(_convertToAssets(e.shares, Math.Rounding.Floor), e.assets);
        // The cash owed to the fund is not the suppliers' to take.
        uint256 idle_ = _idle;
        uint256 available = _available();
        if (assets > available) revert InsufficientLiquidity(assets, available);
        delete _exits[msg.sender];
        _burn(address(this), e.shares);
        unchecked {
            _idle = uint104(idle_ - assets); // at most `available`, below idle_, which fits
        }
        emit ExitClaimed(msg.sender, receiver, e.shares, assets);
        IERC20(asset()).safeTransfer(receiver, assets);
    }

    /// @inheritdoc IStableVault
    function exitRequest(address owner) external view returns (ExitRequest memory) {
        return _exits[owner];
    }

    /// @inheritdoc ERC4626
    function decimals() public view override(ERC4626, IERC20Metadata) returns (uint8) {
        return super.decimals();
    }

    function _transferIn(address from, uint256 assets) internal override {
        super._transferIn(from, assets);
        _idle += assets.toUint104();
    }

    function _decimalsOffset() internal pure override returns (uint8) {
        return DECIMALS_OFFSET;
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IStableVault
    function idle() external view returns (uint256) {
        return _idle;
    }

    /// @inheritdoc IStableVault
    function totalBorrowed() external view returns (uint256) {
        (uint256 index, , ) = _pending();
        return DebtIndex.toAssetsDown(_totalScaledDebt, index);
    }

    /// @inheritdoc IStableVault
    function insuranceOwed() external view returns (uint256) {
        (, , uint256 fee) = _pending();
        return _insuranceOwed + fee;
    }

    /// @inheritdoc IStableVault
    function borrowIndex() external view returns (uint256 index) {
        (index, , ) = _pending();
    }

    /// @inheritdoc IStableVault
    function totalScaledDebt() external view returns (uint256) {
        return _totalScaledDebt;
    }

    /// @inheritdoc IStableVault
    function badDebt() external view returns (uint256) {
        return _badDebt;
    }

    /// @inheritdoc IStableVault
    function borrowRate() external view returns (uint256) {
        (uint256 index, , ) = _pending();
        return _rate(DebtIndex.toAssetsDown(_totalScaledDebt, index), _credit);
    }

    /// @inheritdoc IStableVault
    function rateParams() external view returns (RateParams memory) {
        return
            RateParams({
                baseRateBps: uint32(_field(BASE_RATE_SHIFT, 16)),
                slope1Bps: uint32(_field(SLOPE1_SHIFT, 16)),
                slope2Bps: uint32(_field(SLOPE2_SHIFT, 32)),
                optimalUtilizationBps: uint16(_field(KINK_SHIFT, 16)),
                insuranceInterestShareBps: uint16(_field(SHARE_SHIFT, 16))
            });
    }

    /// @inheritdoc IStableVault
    function insuranceFund() external view returns (address) {
        return address(_FUND);
    }

    // ------------------------------------------------------------------ parameters

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        if (key == LendingKeys.BASE_RATE_BPS) return _field(BASE_RATE_SHIFT, 16);
        if (key == LendingKeys.SLOPE1_BPS) return _field(SLOPE1_SHIFT, 16);
        if (key == LendingKeys.SLOPE2_BPS) return _field(SLOPE2_SHIFT, 32);
        if (key == LendingKeys.OPTIMAL_UTILIZATION_BPS) return _field(KINK_SHIFT, 16);
        if (key == LendingKeys.INSURANCE_INTEREST_SHARE_BPS) return _field(SHARE_SHIFT, 16);
        revert UnknownParameter(key);
    }

    /// @dev Accrues at the old curve before a change, so the new one applies only from now.
    function _setParameter(bytes32 key, uint256 value) internal override {
        _accrue();
        if (key == LendingKeys.BASE_RATE_BPS) {
            _setField(BASE_RATE_SHIFT, 16, _atMost(key, value, type(uint16).max));
        } else if (key == LendingKeys.SLOPE1_BPS) {
            _setField(SLOPE1_SHIFT, 16, _atMost(key, value, type(uint16).max));
        } else if (key == LendingKeys.SLOPE2_BPS) {
            _setField(SLOPE2_SHIFT, 32, _atMost(key, value, type(uint32).max));
        } else if (key == LendingKeys.OPTIMAL_UTILIZATION_BPS) {
            // Strictly inside (0, 100%): the curve divides by both the kink and 100% minus the kink.
            if (value == 0 || value >= BPS) revert InvalidParameterValue(key, value);
            _setField(KINK_SHIFT, 16, value); // below BPS
        } else if (key == LendingKeys.INSURANCE_INTEREST_SHARE_BPS) {
            if (value > BPS) revert InvalidParameterValue(key, value);
            _setField(SHARE_SHIFT, 16, value); // at most BPS
        } else {
            revert UnknownParameter(key);
        }
    }

    // ------------------------------------------------------------------ internals

    /// @dev When the bound credit manager's current or last pause ends (the maximum uint48 while governance holds
    /// it), plus one exit delay: the liquidations a pause stopped get the head start every exit gives them. Zero
    /// while unbound or never paused.
    function _creditManagerHeldUntil() private view returns (uint256) {
        IGuardianPausable manager = IGuardianPausable(address(uint160(_credit)));
        if (address(manager) == address(0)) return 0;
        uint256 until = manager.pausedUntil();
        return until == 0 ? 0 : until + EXIT_DELAY;
    }

    /// @dev Reverts `CreditManagerPaused` while the bound credit manager is paused and one exit delay after: exits
    /// and entries wait until the losses the pause hid can be recognised.
    function _requireCreditManagerLive() private view {
        uint256 heldUntil = _creditManagerHeldUntil();
        if (block.timestamp < heldUntil) revert CreditManagerPaused(heldUntil);
    }

    /// @dev Brings the index and the fund's share up to now; returns the index.
    function _accrue() private returns (uint256 index) {
        uint256 oldIndex = _borrowIndex;
        uint256 last = _lastAccrual;
        if (block.timestamp == last) return oldIndex;
        uint256 interest;
        uint256 fee;
        (index, interest, fee) = _grow(oldIndex, block.timestamp - last, _totalScaledDebt);
        _lastAccrual = uint48(block.timestamp);
        // The index is stored even when the interest rounds to zero assets, so small debts still accrue.
        if (index != oldIndex) {
            _borrowIndex = index.toUint128();
            if (fee != 0) _insuranceOwed += fee.toUint104();
            emit InterestAccrued(index, interest, fee);
        }
    }

    /// @dev The index, the interest and the fund's share accrued since the last accrual, without storing them.
    function _pending() private view returns (uint256 index, uint256 interest, uint256 fee) {
        return _grow(_borrowIndex, block.timestamp - _lastAccrual, _totalScaledDebt);
    }

    /// @dev `index` grown over `elapsed` seconds on `scaled` debt at the current rate, the interest and the fund's
    /// share of it.
    function _grow(
        uint256 index,
        uint256 elapsed,
        uint256 scaled
    ) private view returns (uint256 newIndex, uint256 interest, uint256 fee) {
        if (elapsed == 0 || scaled == 0) return (index, 0, 0);
        uint256 borrowed = DebtIndex.toAssetsDown(scaled, index);
        uint256 credit = _credit;
        uint256 rate = _rate(borrowed, credit);
        // Rounded up: the index, hence every debt, never rounds in the borrowers' favour. Plain arithmetic: the
        // index is below 2^128 and the growth below 2^127 (a rate below 2^79 WAD for under 2^48 seconds).
        newIndex = index + Math.ceilDiv(index * rate * elapsed, WAD * YEAR);
        interest = DebtIndex.toAssetsDown(scaled, newIndex) - borrowed;
        fee = (interest * uint16(credit >> SHARE_SHIFT)) / BPS;
    }

    /// @dev The borrow rate on `borrowed` (WAD per year) at the curve in the `_credit` word `credit`; the
    /// liquidity beside the debt is the cash the vault may lend (its idle cash less what it owes the fund).
    function _rate(uint256 borrowed, uint256 credit) private view returns (uint256) {
        return
            InterestRateModel.borrowRate(
                InterestRateModel.utilization(borrowed, _available()),
                uint16(credit >> BASE_RATE_SHIFT),
                uint16(credit >> SLOPE1_SHIFT),
                uint32(credit >> SLOPE2_SHIFT),
                uint16(credit >> KINK_SHIFT)
            );
    }

    /// @dev The cash the vault may pay out or lend: `_idle` less `_insuranceOwed` to the fund, zero when the fund is
    /// owed more (its share of interest not yet repaid in cash). The fund's money is never lent nor paid to a
    /// supplier. Both share slot 1 (104 bits each): one SLOAD, no branch (it runs on every accrual).
    function _available() private view returns (uint256 available) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            let word := sload(_idle.slot)
            let idle_ := and(shr(mul(8, _idle.offset), word), 0xffffffffffffffffffffffffff)
            let owed := and(shr(mul(8, _insuranceOwed.offset), word), 0xffffffffffffffffffffffffff)
            available := mul(gt(idle_, owed), sub(idle_, owed))
        }
    }

    /// @dev The `bits`-wide number at `shift` in `_credit`.
    function _field(uint256 shift, uint256 bits) private view returns (uint256) {
        return (_credit >> shift) & ((1 << bits) - 1);
    }

    /// @dev Stores `value` (checked to fit `bits`) as the number at `shift` in `_credit`.
    function _setField(uint256 shift, uint256 bits, uint256 value) private {
        uint256 mask = ((1 << bits) - 1) << shift;
        _credit = (_credit & ~mask) | (value << shift);
    }
}
