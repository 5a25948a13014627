// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IEmissionController} from "../interfaces/IEmissionController.sol";
import {IProtocolToken} from "../interfaces/IProtocolToken.sol";
import {IRewardReceiver} from "../interfaces/IRewardReceiver.sol";
import {EmissionSchedule} from "./EmissionSchedule.sol";
import {LinearMix} from "../libraries/LinearMix.sol";
import {BPS} from "../common/Constants.sol";

/// @title EmissionController
/// @notice Releases an emission curve to at most eight recipients by weights that may move over time.
/// @dev The curve is fixed at deployment. It is evaluated in O(1): the cumulative amount at the start of each
/// table year is stored once (prefix sums), the tail after the table comes from `EmissionSchedule.tailYear`.
/// `release` updates `released` before any transfer, mint or notification (checks-effects-interactions) and is
/// guarded against reentrancy, since notified pools are external contracts.
contract EmissionController is IEmissionController, AccessManaged, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice Most recipients a controller pays; `release` loops over them.
    uint256 public constant MAX_RECIPIENTS = 8;

    IProtocolToken private immutable _TOKEN;
    FundingMode private immutable _MODE;
    uint256 private immutable _START;
    uint256 private immutable _CAP;
    uint256 private immutable _HALVING_YEARS;
    uint256 private immutable _TABLE_YEARS;
    uint256 private immutable _TABLE_TOTAL;
    uint256 private immutable _LAST_YEAR_AMOUNT;

    /// @dev Cumulative amount emitted by the start of table year `y`, for `y` in `[0, table length]`.
    mapping(uint256 year => uint256 emitted) private _emittedByYear;

    uint256 private _released;
    Recipient[] private _recipients;
    uint64 private _mixStart;
    uint64 private _mixEnd;

    /// @notice Deploys the controller with its curve (fixed for good) and its first recipients.
    /// @param token_ The protocol token paid out.
    /// @param authority The preset's AccessManager.
    /// @param mode `Hold` (funded at genesis, transfers) or `Mint` (holds the minter role, mints).
    /// @param start When emission starts (unix seconds).
    /// @param yearlyAmounts The table of yearly amounts, in wei.
    /// @param halvingYears The halving period after the table, in years.
    /// @param cap The allocation, in wei; in mint mode at most the token's cap.
    /// @param recipients_ The first recipients and weights.
    /// @param mixStart When weights start moving from the start mix.
    /// @param mixEnd When they reach the end mix.
    constructor(
        address token_,
        address authority,
        FundingMode mode,
        uint256 start,
        uint256[] memory yearlyAmounts,
        uint256 halvingYears,
        uint256 cap,
        Recipient[] memory recipients_,
        uint64 mixStart,
        uint64 mixEnd
    ) AccessManaged(authority) {
        if (token_ == address(0)) revert InvalidToken();
        EmissionSchedule.validate(yearlyAmounts, halvingYears, cap);
        if (mode == FundingMode.Mint) {
            uint256 tokenCap = IProtocolToken(token_).cap();
            if (cap > tokenCap) revert CapAboveTokenCap(cap, tokenCap);
        }
        _TOKEN = IProtocolToken(token_);
        _MODE = mode;
        _START = start;
        _CAP = cap;
        _HALVING_YEARS = halvingYears;

        uint256 n = yearlyAmounts.length;
        uint256 total;
        for (uint256 y; y < n; ++y) {
            total += yearlyAmounts[y];
            _emittedByYear[y + 1] = total;
        }
        _TABLE_YEARS = n;
        _TABLE_TOTAL = total;
        _LAST_YEAR_AMOUNT = yearlyAmounts[n - 1];

        _setRecipients(recipients_, mixStart, mixEnd);
    }

    /// @inheritdoc IEmissionController
    function release() external nonReentrant returns (uint256 amount) {
        uint256 released_ = _released;
        uint256 due = _due(released_);
        if (due == 0) revert NothingToRelease();

        uint256 n = _recipients.length;
        Recipient[] memory list = new Recipient[](n);
        uint256[] memory shares = new uint256[](n);
        (uint256 mixStart, uint256 mixEnd) = (_mixStart, _mixEnd);
        for (uint256 i; i < n; ++i) {
            Recipient memory r = _recipients[i];
            list[i] = r;
            // Exact weights (their numerators add up to the denominator) and one rounding down per share: the sum
            // paid is at most `due` and at most `n - 1` wei below it; that dust stays due for the next release.
            (uint256 weight, uint256 scale) = _weight(r, block.timestamp, mixStart, mixEnd);
            shares[i] = Math.mulDiv(due, weight, scale, Math.Rounding.Floor);
            amount += shares[i];
        }
        if (amount == 0) revert NothingToRelease();

        _released = released_ + amount;
        emit Released(amount, released_ + amount);

        for (uint256 i; i < n; ++i) {
            uint256 share = shares[i];
            if (share == 0) continue;
            address account = list[i].account;
            if (_MODE == FundingMode.Mint) _TOKEN.mint(account, share);
            else IERC20(address(_TOKEN)).safeTransfer(account, share);
            if (list[i].notify) IRewardReceiver(account).notifyRewardAmount(share);
        }
    }

    /// @inheritdoc IEmissionController
    function setRecipients(Recipient[] calldata recipients_, uint64 mixStart, uint64 mixEnd) external restricted {
        _setRecipients(recipients_, mixStart, mixEnd);
    }

    /// @inheritdoc IEmissionController
    function emittedAt(uint256 timestamp) public view returns (uint256) {
        if (timestamp <= _START) return 0;
        uint256 elapsed = timestamp - _START;
        uint256 year = elapsed / EmissionSchedule.YEAR;
        uint256 atYearStart;
        uint256 amount;
        if (year < _TABLE_YEARS) {
            atYearStart = _emittedByYear[year];
            amount = _emittedByYear[year + 1] - atYearStart;
        } else {
            (atYearStart, amount) = EmissionSchedule.tailYear(
                _TABLE_TOTAL,
                _LAST_YEAR_AMOUNT,
                _HALVING_YEARS,
                year - _TABLE_YEARS
            );
        }
        return EmissionSchedule.emittedInYear(atYearStart, amount, elapsed % EmissionSchedule.YEAR, _CAP);
    }

    /// @inheritdoc IEmissionController
    function releasable() external view returns (uint256) {
        return _due(_released);
    }

    /// @inheritdoc IEmissionController
    function released() external view returns (uint256) {
        return _released;
    }

    /// @inheritdoc IEmissionController
    function recipients() external view returns (Recipient[] memory) {
        return _recipients;
    }

    /// @inheritdoc IEmissionController
    function mixWindow() external view returns (uint64 mixStart, uint64 mixEnd) {
        return (_mixStart, _mixEnd);
    }

    /// @inheritdoc IEmissionController
    function weightsAt(uint256 timestamp) external view returns (uint256[] memory weights) {
        uint256 n = _recipients.length;
        weights = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            (uint256 weight, uint256 scale) = _weight(_recipients[i], timestamp, _mixStart, _mixEnd);
            weights[i] = Math.mulDiv(weight, BPS, scale, Math.Rounding.Floor);
        }
    }

    /// @inheritdoc IEmissionController
    function curve()
        external
        view
        returns (uint256 start, uint256[] memory yearlyAmounts, uint256 halvingYears, uint256 cap)
    {
        yearlyAmounts = new uint256[](_TABLE_YEARS);
        for (uint256 y; y < _TABLE_YEARS; ++y) yearlyAmounts[y] = _emittedByYear[y + 1] - _emittedByYear[y];
        return (_START, yearlyAmounts, _HALVING_YEARS, _CAP);
    }

    /// @inheritdoc IEmissionController
    function token() external view returns (address) {
        return address(_TOKEN);
    }

    /// @inheritdoc IEmissionController
    function fundingMode() external view returns (FundingMode) {
        return _MODE;
    }

    /// @dev What is due now: the curve minus what was paid, in mint mode limited to the token's remaining cap (so
    /// a mint never reverts with `CapExceeded` if another minter used part of the cap).
    function _due(uint256 released_) private view returns (uint256 due) {
        due = emittedAt(block.timestamp) - released_;
        if (_MODE == FundingMode.Mint) due = Math.min(due, _TOKEN.cap() - _TOKEN.totalMinted());
    }

    /// @dev A recipient's exact weight as `weight / scale` (`LinearMix`): its bps outside the mix window, the linear
    /// interpolation inside it. Both sums of weights equal the scale, since start and end weights each add up to
    /// 10,000.
    function _weight(
        Recipient memory r,
        uint256 timestamp,
        uint256 mixStart,
        uint256 mixEnd
    ) private pure returns (uint256 weight, uint256 scale) {
        return LinearMix.weight(r.startBps, r.endBps, timestamp, mixStart, mixEnd);
    }

    /// @dev Validates and stores the recipients. The duplicate check is quadratic in at most eight recipients.
    function _setRecipients(Recipient[] memory list, uint64 mixStart, uint64 mixEnd) private {
        uint256 n = list.length;
        if (n == 0 || n > MAX_RECIPIENTS) revert InvalidRecipientCount(n, MAX_RECIPIENTS);
        if (mixEnd < mixStart) revert InvalidMixWindow(mixStart, mixEnd);
        uint256 startTotal;
        uint256 endTotal;
        for (uint256 i; i < n; ++i) {
            Recipient memory r = list[i];
            if (r.account == address(0) || r.account == address(this)) revert InvalidRecipient(r.account);
            if (r.startBps == 0 && r.endBps == 0) revert RecipientWithoutWeight(r.account);
            // A notified recipient without code would make every release revert.
            if (r.notify && r.account.code.length == 0) revert NotifiedRecipientHasNoCode(r.account);
            for (uint256 j; j < i; ++j) {
                if (list[j].account == r.account) revert DuplicateRecipient(r.account);
            }
            startTotal += r.startBps;
            endTotal += r.endBps;
        }
        if (startTotal != BPS || endTotal != BPS) revert InvalidWeights(startTotal, endTotal);

        delete _recipients;
        for (uint256 i; i < n; ++i) _recipients.push(list[i]);
        _mixStart = mixStart;
        _mixEnd = mixEnd;
        emit RecipientsSet(list, mixStart, mixEnd);
    }
}
