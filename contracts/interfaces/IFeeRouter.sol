// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IParameterized} from "./IParameterized.sol";

/// @title IFeeRouter
/// @notice The protocol's fee policy: what a consumer pays for a list value (discounts, priority fee) and how a base
/// fee is split (QUIVer: provider 80%, validators 0.5%, burn 1%, infrastructure 13.5%, treasury 5%). The inference
/// market applies it at every settlement (`charge`); other modules route fees through it directly (`routeFee`).
/// @dev Discounts compose multiplicatively and the total is capped (`maxTotalDiscountBps`, never above
/// `MAX_TOTAL_DISCOUNT_BPS`): the provider tier's fee discount (read from staking), the consumer's monthly-volume
/// band (the volume valued in USD at the governed token price, until an oracle replaces it), the subscription
/// discount and the batch discount. `baseFee = listValue x (1 - discount)`, rounded up; a priority fee, a share of
/// the base fee within the governed range (or none), goes entirely to the provider. Split: every part but the
/// provider's rounds down and the provider takes the rest, so the parts sum to the base fee to the wei.
/// The table: the four non-provider shares are governed parameters, the provider's share is what they leave of
/// 10,000 (at least `MIN_PROVIDER_BPS`), so the table always sums to 10,000; the preset's full table is checked to sum
/// to 10,000 at construction. Governed numbers are set through the ParameterRegistry; keys in `MarketKeys`.
interface IFeeRouter is IParameterized {
    /// @notice A split table, in bps of the base fee; the five shares sum to 10,000.
    /// @param providerBps The provider's share.
    /// @param validatorBps The validators' share.
    /// @param burnBps The share burned.
    /// @param infrastructureBps The infrastructure share.
    /// @param treasuryBps The treasury's share.
    struct FeeSplit {
        uint256 providerBps;
        uint256 validatorBps;
        uint256 burnBps;
        uint256 infrastructureBps;
        uint256 treasuryBps;
    }

    /// @notice Where the protocol's parts go.
    /// @param validators The validator reward destination (an address or a pool; e.g. the challenge court's).
    /// @param infrastructure The infrastructure operator.
    /// @param treasury The community treasury.
    struct FeeRecipients {
        address validators;
        address infrastructure;
        address treasury;
    }

    /// @notice Initial values of the governed parameters (keys in `MarketKeys`).
    /// @param split The full table (must sum to 10,000; the provider's share is not itself a parameter).
    /// @param minPriorityBps Lowest priority fee (besides none), bps of the base fee.
    /// @param maxPriorityBps Highest priority fee.
    /// @param batchDiscountBps Discount of batch channels.
    /// @param subscriptionDiscountBps Discount while subscribed.
    /// @param maxTotalDiscountBps Cap on the composed discount.
    /// @param volumeBandUsd Lower edges of the four monthly-volume bands, whole USD, strictly increasing.
    /// @param volumeDiscountBps Their discounts, non-decreasing.
    /// @param tokenPriceUsd USD per whole token, WAD.
    struct Parameters {
        FeeSplit split;
        uint256 minPriorityBps;
        uint256 maxPriorityBps;
        uint256 batchDiscountBps;
        uint256 subscriptionDiscountBps;
        uint256 maxTotalDiscountBps;
        uint256[4] volumeBandUsd;
        uint256[4] volumeDiscountBps;
        uint256 tokenPriceUsd;
    }

    /// @notice What a consumer pays for a list value and how it is split.
    /// @param discountBps The composed discount (capped).
    /// @param baseFee List value less the discount: split by the table.
    /// @param priorityFee Priority fee: all to the provider.
    /// @param total What the consumer pays: `baseFee + priorityFee`.
    /// @param provider The provider's part: its share of the base fee plus the priority fee.
    /// @param validators The validators' part.
    /// @param burn The part burned.
    /// @param infrastructure The infrastructure part.
    /// @param treasury The treasury's part.
    struct Charge {
        uint256 discountBps;
        uint256 baseFee;
        uint256 priorityFee;
        uint256 total;
        uint256 provider;
        uint256 validators;
        uint256 burn;
        uint256 infrastructure;
        uint256 treasury;
    }

    /// @notice Governance set the recipients of the protocol's parts.
    /// @param validators The validator reward destination.
    /// @param infrastructure The infrastructure operator.
    /// @param treasury The treasury.
    event FeeRecipientsSet(address validators, address infrastructure, address treasury);

    /// @notice A module routed a fee through the split: parts paid and burned at once.
    /// @param payer Who paid it.
    /// @param amount The fee.
    /// @param validators Paid to the validator destination.
    /// @param infrastructure Paid to the infrastructure operator.
    /// @param treasury Paid to the treasury (its share and the provider's).
    /// @param burned Burned.
    event FeeRouted(
        address indexed payer,
        uint256 amount,
        uint256 validators,
        uint256 infrastructure,
        uint256 treasury,
        uint256 burned
    );

    /// @notice The admin bound the incentive pools whose rates every change of the table is checked against.
    /// @param incentives The pools.
    event IncentivesBound(address incentives);

    /// @notice A zero amount.
    error ZeroAmount();
    /// @notice The zero address.
    error ZeroAddress();
    /// @notice The preset's table does not sum to 10,000 bps, or leaves the provider less than `MIN_PROVIDER_BPS`.
    /// @param sumBps The table's sum.
    /// @param providerBps The provider's share in it.
    error InvalidSplit(uint256 sumBps, uint256 providerBps);
    /// @notice A priority fee neither zero nor at least the governed minimum (one above the maximum is charged at the
    /// maximum).
    error InvalidPriority(uint256 priorityBps, uint256 minBps, uint256 maxBps);
    /// @notice A batch channel with a priority fee.
    error PriorityOnBatch(uint256 priorityBps);
    /// @notice The preset's initial values break a rule of the router.
    error InvalidConfiguration();
    /// @notice The incentive pools are already bound (or the address is zero).
    error IncentivesAlreadyBound(address incentives);
    /// @notice The incentive rates would reach the protocol's share of a base fee (a self-dealing round trip would
    /// pay back what it costs).
    /// @param incentiveBps The pools' incentive figure (`IIncentivePools.incentiveBps`).
    /// @param protocolBps Validators + burn + infrastructure + treasury.
    error IncentivesAboveProtocolShare(uint256 incentiveBps, uint256 protocolBps);

    /// @notice What a consumer pays for `amount` of list value served by `provider`, and its split.
    /// @dev Reverts `InvalidPriority` / `PriorityOnBatch` for terms a voucher may not carry.
    /// @param provider The provider (its tier sets the tier discount).
    /// @param amount List value, token wei.
    /// @param monthlyVolume The consumer's monthly volume at list value, token wei (sets its band).
    /// @param subscribed Whether the consumer is subscribed.
    /// @param priorityBps Priority fee: zero or within the governed range.
    /// @param batch Whether the channel is a batch channel.
    /// @return The charge and its split.
    function charge(
        address provider,
        uint256 amount,
        uint256 monthlyVolume,
        bool subscribed,
        uint256 priorityBps,
        bool batch
    ) external view returns (Charge memory);

    /// @notice What a consumer pays for `amount` of list value from a provider whose tier discount is
    /// `tierDiscountBps`, and its split (the market passes the discount it caches, so a settlement reads staking
    /// once).
    /// @dev Reverts `InvalidPriority` / `PriorityOnBatch` for terms a voucher may not carry.
    /// @param tierDiscountBps The provider tier's fee discount.
    /// @param amount List value, token wei.
    /// @param monthlyVolume The consumer's monthly volume at list value, token wei (sets its band).
    /// @param subscribed Whether the consumer is subscribed.
    /// @param priorityBps Priority fee: zero or within the governed range.
    /// @param batch Whether the channel is a batch channel.
    /// @return The charge and its split.
    function chargeAt(
        uint256 tierDiscountBps,
        uint256 amount,
        uint256 monthlyVolume,
        bool subscribed,
        uint256 priorityBps,
        bool batch
    ) external view returns (Charge memory);

    /// @notice Binds the incentive pools: from then on every change of the table must keep the protocol's share
    /// above their rates (`IncentivesAboveProtocolShare`); once.
    /// @dev Restricted to the admin (the deploy step). Checks the bound at once.
    /// @param incentives_ The pools.
    function bindIncentives(address incentives_) external;

    /// @notice The protocol's share of a base fee: validators + burn + infrastructure + treasury.
    /// @return The share, in bps.
    function protocolBps() external view returns (uint256);

    /// @notice The incentive pools bound (zero until bound).
    /// @return Their address.
    function incentives() external view returns (address);

    /// @notice Splits a fee another module pays (e.g. the issuer registry's) by the table and pays it at once:
    /// validators, infrastructure and treasury receive their parts, the burn part is burned, and the provider's share
    /// goes to the treasury (no provider delivered anything).
    /// @dev Pulls `amount` from the caller (approve first). Anyone may call it.
    /// @param amount The fee, in token wei.
    function routeFee(uint256 amount) external;

    /// @notice Pays out the protocol's part of a fee its caller split off already (the licence market keeps the
    /// provider's share for the seller): `amount` is split over the protocol's shares only, in their table
    /// proportions, so each recipient gets what it would from the whole fee and the burn is the table's burn.
    /// Validators, infrastructure and the burn round down; the treasury takes the remainder.
    /// @dev Pulls `amount` from the caller (approve first). Anyone may call it. Emits `FeeRouted`.
    /// @param amount The protocol's part, in token wei.
    function routeProtocolShare(uint256 amount) external;

    /// @notice Splits and pays out every token the router holds: fees another module transferred to it as its fee
    /// recipient (the issuer registry pays its `feeRecipient` by plain transfer). Same split as `routeFee`.
    /// @dev Anyone may call it. Reverts `ZeroAmount` when the router holds nothing.
    /// @return amount Tokens routed.
    function routeBalance() external returns (uint256 amount);

    /// @notice Sets the recipients of the protocol's parts (none zero).
    /// @dev Restricted to the governor role. The market pays its accrued parts to the recipients in force when it
    /// distributes them.
    /// @param recipients The new recipients.
    function setFeeRecipients(FeeRecipients calldata recipients) external;

    /// @notice The volume-band discount of a monthly volume.
    /// @param monthlyVolume Token wei at list value.
    /// @return The discount, in bps.
    function volumeDiscountBps(uint256 monthlyVolume) external view returns (uint256);

    /// @notice The split table in force.
    /// @return The table (sums to 10,000).
    function feeSplit() external view returns (FeeSplit memory);

    /// @notice The recipients of the protocol's parts.
    /// @return The recipients.
    function feeRecipients() external view returns (FeeRecipients memory);

    /// @notice The provider staking module whose tiers set the tier discount.
    /// @return Its address.
    function staking() external view returns (address);

    /// @notice The token fees are paid in (burnable).
    /// @return Its address.
    function token() external view returns (address);

    // solhint-disable func-name-mixedcase
    /// @notice The smallest provider share any change of the table may leave.
    /// @return 5,000 bps (half of every base fee).
    function MIN_PROVIDER_BPS() external view returns (uint256);

    /// @notice The largest cap the composed discount may have.
    /// @return 9,000 bps (a consumer always pays at least a tenth of the list value).
    function MAX_TOTAL_DISCOUNT_BPS() external view returns (uint256);
    // solhint-enable func-name-mixedcase
}
