// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {IFeeRouter} from "../interfaces/IFeeRouter.sol";
import {IIncentivePools} from "../interfaces/IIncentivePools.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IProviderStaking} from "../interfaces/IProviderStaking.sol";
import {MarketKeys} from "../libraries/MarketKeys.sol";
import {MarketMath} from "../libraries/MarketMath.sol";
import {BPS} from "../common/Constants.sol";

/// @title FeeRouter
/// @notice The fee policy of a preset: discounts, priority fee and the split table, applied by the inference market
/// at every settlement and by `routeFee` to fees other modules pay. Immutable, AccessManaged.
/// @dev Values are stored packed where `charge` reads them (one slot for fees and discounts, one for the bands).
/// Beyond the registry's bounds, the router refuses values its code cannot work with: a table leaving the provider
/// less than `MIN_PROVIDER_BPS`, an inverted priority range, a discount cap above `MAX_TOTAL_DISCOUNT_BPS`, unordered
/// volume bands, a zero price.
contract FeeRouter is IFeeRouter, Parameterized, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @dev Fees and discounts in one slot.
    struct FeeConfig {
        uint16 validatorBps;
        uint16 burnBps;
        uint16 infrastructureBps;
        uint16 treasuryBps;
        uint16 minPriorityBps;
        uint16 maxPriorityBps;
        uint16 batchDiscountBps;
        uint16 subscriptionDiscountBps;
        uint16 maxTotalDiscountBps;
        uint112 tokenPriceUsd;
    }

    /// @dev The four monthly-volume bands in one slot: lower edges in whole USD and their discounts.
    struct VolumeBands {
        uint48 band1Usd;
        uint48 band2Usd;
        uint48 band3Usd;
        uint48 band4Usd;
        uint16 band1DiscountBps;
        uint16 band2DiscountBps;
        uint16 band3DiscountBps;
        uint16 band4DiscountBps;
    }

    /// @inheritdoc IFeeRouter
    uint256 public constant MIN_PROVIDER_BPS = 5_000;
    /// @inheritdoc IFeeRouter
    uint256 public constant MAX_TOTAL_DISCOUNT_BPS = 9_000;
    uint256 private constant PARAMETER_COUNT = 18;

    IERC20 private immutable _TOKEN;
    IProviderStaking private immutable _STAKING;

    FeeConfig private _fees;
    VolumeBands private _bands;
    FeeRecipients private _recipients;
    /// @dev The incentive pools, bound once; their rates bound every change of the table.
    IIncentivePools private _incentives;

    /// @notice Deploys the router with a preset's policy.
    /// @param token_ The fee token (the preset's ProtocolToken: burnable).
    /// @param staking_ The provider staking module (tiers).
    /// @param authority The preset's AccessManager.
    /// @param p Initial values of the governed parameters.
    /// @param recipients Recipients of the protocol's parts (none zero).
    constructor(
        IERC20 token_,
        IProviderStaking staking_,
        address authority,
        Parameters memory p,
        FeeRecipients memory recipients
    ) AccessManaged(authority) {
        if (address(token_) == address(0) || address(staking_) == address(0)) revert ZeroAddress();
        _TOKEN = token_;
        _STAKING = staking_;
        FeeSplit memory s = p.split;
        uint256 sum = s.providerBps + s.validatorBps + s.burnBps + s.infrastructureBps + s.treasuryBps;
        if (sum != BPS || s.providerBps < MIN_PROVIDER_BPS) revert InvalidSplit(sum, s.providerBps);
        _fees = FeeConfig({
            validatorBps: SafeCast.toUint16(s.validatorBps),
            burnBps: SafeCast.toUint16(s.burnBps),
            infrastructureBps: SafeCast.toUint16(s.infrastructureBps),
            treasuryBps: SafeCast.toUint16(s.treasuryBps),
            minPriorityBps: SafeCast.toUint16(p.minPriorityBps),
            maxPriorityBps: SafeCast.toUint16(p.maxPriorityBps),
            batchDiscountBps: SafeCast.toUint16(p.batchDiscountBps),
            subscriptionDiscountBps: SafeCast.toUint16(p.subscriptionDiscountBps),
            maxTotalDiscountBps: SafeCast.toUint16(p.maxTotalDiscountBps),
            tokenPriceUsd: SafeCast.toUint112(p.tokenPriceUsd)
        });
        _bands = VolumeBands({
            band1Usd: SafeCast.toUint48(p.volumeBandUsd[0]),
            band2Usd: SafeCast.toUint48(p.volumeBandUsd[1]),
            band3Usd: SafeCast.toUint48(p.volumeBandUsd[2]),
            band4Usd: SafeCast.toUint48(p.volumeBandUsd[3]),
            band1DiscountBps: SafeCast.toUint16(p.volumeDiscountBps[0]),
            band2DiscountBps: SafeCast.toUint16(p.volumeDiscountBps[1]),
            band3DiscountBps: SafeCast.toUint16(p.volumeDiscountBps[2]),
            band4DiscountBps: SafeCast.toUint16(p.volumeDiscountBps[3])
        });
        if (!_feesValid(_fees) || !_bandsValid(_bands)) revert InvalidConfiguration();
        _setRecipients(recipients);
    }

    // ------------------------------------------------------------------ policy

    /// @inheritdoc IFeeRouter
    function charge(
        address provider,
        uint256 amount,
        uint256 monthlyVolume,
        bool subscribed,
        uint256 priorityBps,
        bool batch
    ) external view returns (Charge memory) {
        return _charge(_STAKING.tierOf(provider).feeDiscountBps, amount, monthlyVolume, subscribed, priorityBps, batch);
    }

    /// @inheritdoc IFeeRouter
    function chargeAt(
        uint256 tierDiscountBps,
        uint256 amount,
        uint256 monthlyVolume,
        bool subscribed,
        uint256 priorityBps,
        bool batch
    ) external view returns (Charge memory) {
        return _charge(tierDiscountBps, amount, monthlyVolume, subscribed, priorityBps, batch);
    }

    /// @inheritdoc IFeeRouter
    function bindIncentives(address incentives_) external restricted {
        if (address(_incentives) != address(0) || incentives_ == address(0)) {
            revert IncentivesAlreadyBound(address(_incentives));
        }
        _incentives = IIncentivePools(incentives_);
        _checkIncentives(_fees);
        emit IncentivesBound(incentives_);
    }

    /// @inheritdoc IFeeRouter
    function protocolBps() external view returns (uint256) {
        return _protocolBps(_fees);
    }

    /// @inheritdoc IFeeRouter
    function incentives() external view returns (address) {
        return address(_incentives);
    }

    /// @inheritdoc IFeeRouter
    function routeFee(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
        _route(msg.sender, amount);
    }

    /// @inheritdoc IFeeRouter
    function routeProtocolShare(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
        FeeConfig memory f = _fees;
        uint256 protocol = _protocolBps(f);
        // A table without protocol shares leaves nothing to split: all of it to the treasury.
        uint256 validators;
        uint256 infrastructure;
        uint256 burn;
        if (protocol != 0) {
            validators = (amount * f.validatorBps) / protocol;
            infrastructure = (amount * f.infrastructureBps) / protocol;
            burn = (amount * f.burnBps) / protocol;
        }
        // Each part is at most amount x its share / protocol, and the three shares sum to at most protocol.
        uint256 treasury = amount - validators - infrastructure - burn;
        emit FeeRouted(msg.sender, amount, validators, infrastructure, treasury, burn);
        _payOut(validators, infrastructure, treasury, burn);
    }

    /// @inheritdoc IFeeRouter
    function routeBalance() external nonReentrant returns (uint256 amount) {
        amount = _TOKEN.balanceOf(address(this));
        if (amount == 0) revert ZeroAmount();
        _route(msg.sender, amount);
    }

    /// @inheritdoc IFeeRouter
    function setFeeRecipients(FeeRecipients calldata recipients) external restricted {
        _setRecipients(recipients);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IFeeRouter
    function volumeDiscountBps(uint256 monthlyVolume) external view returns (uint256) {
        return _volumeDiscount(_fees, monthlyVolume);
    }

    /// @inheritdoc IFeeRouter
    function feeSplit() external view returns (FeeSplit memory s) {
        FeeConfig memory f = _fees;
        s.validatorBps = f.validatorBps;
        s.burnBps = f.burnBps;
        s.infrastructureBps = f.infrastructureBps;
        s.treasuryBps = f.treasuryBps;
        s.providerBps = BPS - s.validatorBps - s.burnBps - s.infrastructureBps - s.treasuryBps;
    }

    /// @inheritdoc IFeeRouter
    function feeRecipients() external view returns (FeeRecipients memory) {
        return _recipients;
    }

    /// @inheritdoc IFeeRouter
    function staking() external view returns (address) {
        return address(_STAKING);
    }

    /// @inheritdoc IFeeRouter
    function token() external view returns (address) {
        return address(_TOKEN);
    }

    // ------------------------------------------------------------------ parameters

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        uint256 id = _parameterId(key);
        if (id < 10) {
            FeeConfig memory f = _fees;
            uint256[10] memory values = [
                uint256(f.validatorBps),
                f.burnBps,
                f.infrastructureBps,
                f.treasuryBps,
                f.minPriorityBps,
                f.maxPriorityBps,
                f.batchDiscountBps,
                f.subscriptionDiscountBps,
                f.maxTotalDiscountBps,
                f.tokenPriceUsd
            ];
            return values[id];
        }
        VolumeBands memory b = _bands;
        uint256[8] memory bands = [
            uint256(b.band1Usd),
            b.band2Usd,
            b.band3Usd,
            b.band4Usd,
            b.band1DiscountBps,
            b.band2DiscountBps,
            b.band3DiscountBps,
            b.band4DiscountBps
        ];
        return bands[id - 10];
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        uint256 id = _parameterId(key);
        if (id < 10) {
            FeeConfig memory f = _fees;
            if (id == 9) {
                f.tokenPriceUsd = uint112(_atMost(key, value, type(uint112).max));
            } else {
                uint16 v = uint16(_atMost(key, value, type(uint16).max));
                if (id == 0) f.validatorBps = v;
                else if (id == 1) f.burnBps = v;
                else if (id == 2) f.infrastructureBps = v;
                else if (id == 3) f.treasuryBps = v;
                else if (id == 4) f.minPriorityBps = v;
                else if (id == 5) f.maxPriorityBps = v;
                else if (id == 6) f.batchDiscountBps = v;
                else if (id == 7) f.subscriptionDiscountBps = v;
                else f.maxTotalDiscountBps = v;
            }
            if (!_feesValid(f)) revert InvalidParameterValue(key, value);
            if (id < 4) _checkIncentives(f);
            _fees = f;
            return;
        }
        VolumeBands memory b = _bands;
        if (id < 14) {
            uint48 usd = uint48(_atMost(key, value, type(uint48).max));
            if (id == 10) b.band1Usd = usd;
            else if (id == 11) b.band2Usd = usd;
            else if (id == 12) b.band3Usd = usd;
            else b.band4Usd = usd;
        } else {
            uint16 bps = uint16(_atMost(key, value, type(uint16).max));
            if (id == 14) b.band1DiscountBps = bps;
            else if (id == 15) b.band2DiscountBps = bps;
            else if (id == 16) b.band3DiscountBps = bps;
            else b.band4DiscountBps = bps;
        }
        if (!_bandsValid(b)) revert InvalidParameterValue(key, value);
        _bands = b;
    }

    // ------------------------------------------------------------------ internals

    /// @dev Pays out `amount` the router holds by the table, the provider's share to the treasury, and burns the burn
    /// part. The router keeps no ledger: it holds tokens only between a transfer in and this call.
    function _route(address payer, uint256 amount) private {
        MarketMath.Split memory s = _split(_fees, amount);
        // No provider delivered anything: its share goes to the treasury.
        uint256 treasury = s.treasury + s.provider;
        emit FeeRouted(payer, amount, s.validators, s.infrastructure, treasury, s.burn);

        _payOut(s.validators, s.infrastructure, treasury, s.burn);
    }

    /// @dev Pays the parts of a routed fee the router holds to the recipients and burns the burn part.
    function _payOut(uint256 validators, uint256 infrastructure, uint256 treasury, uint256 burn) private {
        FeeRecipients memory r = _recipients;
        if (validators != 0) _TOKEN.safeTransfer(r.validators, validators);
        if (infrastructure != 0) _TOKEN.safeTransfer(r.infrastructure, infrastructure);
        if (treasury != 0) _TOKEN.safeTransfer(r.treasury, treasury);
        if (burn != 0) ERC20Burnable(address(_TOKEN)).burn(burn);
    }

    function _charge(
        uint256 tierDiscountBps,
        uint256 amount,
        uint256 monthlyVolume,
        bool subscribed,
        uint256 priorityBps,
        bool batch
    ) private view returns (Charge memory c) {
        FeeConfig memory f = _fees;
        if (priorityBps != 0) {
            if (batch) revert PriorityOnBatch(priorityBps);
            if (priorityBps < f.minPriorityBps) {
                revert InvalidPriority(priorityBps, f.minPriorityBps, f.maxPriorityBps);
            }
            // A priority above the top (signed before governance lowered it) is charged at the top: never more than
            // the consumer signed, and lowering the top strands no signed voucher.
            if (priorityBps > f.maxPriorityBps) priorityBps = f.maxPriorityBps;
        }
        c.discountBps = MarketMath.totalDiscountBps(
            tierDiscountBps,
            _volumeDiscount(f, monthlyVolume),
            subscribed ? f.subscriptionDiscountBps : 0,
            batch ? f.batchDiscountBps : 0,
            f.maxTotalDiscountBps
        );
        c.baseFee = MarketMath.discounted(amount, c.discountBps);
        c.priorityFee = MarketMath.shareUp(c.baseFee, priorityBps);
        c.total = c.baseFee + c.priorityFee;
        // The split of `MarketMath.split`, written into the charge directly.
        uint256 fee = c.baseFee;
        c.validators = MarketMath.shareDown(fee, f.validatorBps);
        c.burn = MarketMath.shareDown(fee, f.burnBps);
        c.infrastructure = MarketMath.shareDown(fee, f.infrastructureBps);
        c.treasury = MarketMath.shareDown(fee, f.treasuryBps);
        // Each part is at most fee x its share and the shares sum to at most 5,000: no underflow.
        c.provider = fee - c.validators - c.burn - c.infrastructure - c.treasury + c.priorityFee;
    }

    /// @dev The bound of a self-dealing round trip: the bound pools' rates stay strictly below the protocol's share.
    function _checkIncentives(FeeConfig memory f) private view {
        IIncentivePools pools = _incentives;
        if (address(pools) == address(0)) return;
        uint256 incentiveBps = pools.incentiveBps();
        uint256 protocol = _protocolBps(f);
        if (incentiveBps >= protocol) revert IncentivesAboveProtocolShare(incentiveBps, protocol);
    }

    function _protocolBps(FeeConfig memory f) private pure returns (uint256) {
        return uint256(f.validatorBps) + f.burnBps + f.infrastructureBps + f.treasuryBps;
    }

    function _split(FeeConfig memory f, uint256 fee) private pure returns (MarketMath.Split memory) {
        return MarketMath.split(fee, f.validatorBps, f.burnBps, f.infrastructureBps, f.treasuryBps);
    }

    /// @dev The band of a monthly volume valued in whole USD at the governed price (at most four comparisons). The
    /// price is read here alone, so an oracle can replace it without touching the rest.
    function _volumeDiscount(FeeConfig memory f, uint256 monthlyVolume) private view returns (uint256) {
        uint256 usd = MarketMath.usdValue(monthlyVolume, f.tokenPriceUsd);
        VolumeBands memory b = _bands;
        if (usd >= b.band4Usd) return b.band4DiscountBps;
        if (usd >= b.band3Usd) return b.band3DiscountBps;
        if (usd >= b.band2Usd) return b.band2DiscountBps;
        if (usd >= b.band1Usd) return b.band1DiscountBps;
        return 0;
    }

    function _setRecipients(FeeRecipients memory r) private {
        if (r.validators == address(0) || r.infrastructure == address(0) || r.treasury == address(0)) {
            revert ZeroAddress();
        }
        _recipients = r;
        emit FeeRecipientsSet(r.validators, r.infrastructure, r.treasury);
    }

    /// @dev The provider keeps at least `MIN_PROVIDER_BPS`; the priority range is ordered and at most 100%; the
    /// discounts are at most 100% and their cap at most `MAX_TOTAL_DISCOUNT_BPS`; the price is positive.
    function _feesValid(FeeConfig memory f) private pure returns (bool) {
        uint256 protocol = uint256(f.validatorBps) + f.burnBps + f.infrastructureBps + f.treasuryBps;
        return
            protocol <= BPS - MIN_PROVIDER_BPS &&
            f.minPriorityBps <= f.maxPriorityBps &&
            f.maxPriorityBps <= BPS &&
            f.batchDiscountBps <= BPS &&
            f.subscriptionDiscountBps <= BPS &&
            f.maxTotalDiscountBps <= MAX_TOTAL_DISCOUNT_BPS &&
            f.tokenPriceUsd > 0;
    }

    /// @dev Edges strictly increasing, discounts non-decreasing and at most 100%.
    function _bandsValid(VolumeBands memory b) private pure returns (bool) {
        return
            b.band1Usd < b.band2Usd &&
            b.band2Usd < b.band3Usd &&
            b.band3Usd < b.band4Usd &&
            b.band1DiscountBps <= b.band2DiscountBps &&
            b.band2DiscountBps <= b.band3DiscountBps &&
            b.band3DiscountBps <= b.band4DiscountBps &&
            b.band4DiscountBps <= BPS;
    }

    /// @dev A key's id in the order of `parameter`; reverts `UnknownParameter` for other keys.
    function _parameterId(bytes32 key) private pure returns (uint256) {
        bytes32[PARAMETER_COUNT] memory keys = [
            MarketKeys.VALIDATOR_FEE_BPS,
            MarketKeys.BURN_FEE_BPS,
            MarketKeys.INFRASTRUCTURE_FEE_BPS,
            MarketKeys.TREASURY_FEE_BPS,
            MarketKeys.MIN_PRIORITY_BPS,
            MarketKeys.MAX_PRIORITY_BPS,
            MarketKeys.BATCH_DISCOUNT_BPS,
            MarketKeys.SUBSCRIPTION_DISCOUNT_BPS,
            MarketKeys.MAX_TOTAL_DISCOUNT_BPS,
            MarketKeys.TOKEN_PRICE_USD,
            MarketKeys.VOLUME_BAND_1_USD,
            MarketKeys.VOLUME_BAND_2_USD,
            MarketKeys.VOLUME_BAND_3_USD,
            MarketKeys.VOLUME_BAND_4_USD,
            MarketKeys.VOLUME_BAND_1_DISCOUNT_BPS,
            MarketKeys.VOLUME_BAND_2_DISCOUNT_BPS,
            MarketKeys.VOLUME_BAND_3_DISCOUNT_BPS,
            MarketKeys.VOLUME_BAND_4_DISCOUNT_BPS
        ];
        for (uint256 id; id < PARAMETER_COUNT; ++id) {
            if (key == keys[id]) return id;
        }
        revert UnknownParameter(key);
    }
}
