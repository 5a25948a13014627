// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IParameterized} from "./IParameterized.sol";

/// @title IModelCatalog
/// @notice The inference market's model catalogue: active providers list models with a complexity class and serve
/// them; the catalogue counts each model's active providers, tracks its recent demand and quotes its price
/// (QUIVer's pricing formula): `price = base rate x complexity x demand multiplier / supply factor`, per generated
/// token.
/// @dev Formula (see docs/market.md):
/// - complexity: the class's governed multiplier (QUIVer: small 1x, medium 3x, large 10x);
/// - supply factor: `clamp(1 + (providers - 1) x supplyStep, 1, maxSupplyFactor)` from the model's count of
///   active providers (no provider counts as one);
/// - demand multiplier: at the end of each demand epoch, the ratio of the generated tokens settled for the model
///   during the epoch to `demandTargetPerProvider x max(providers, 1)`, clamped to `[minDemand, maxDemand]`
///   (QUIVer 0.8x-2x), is averaged into the multiplier with weight `demandSmoothing`. An epoch without settlements
///   observes zero; a gap of several epochs counts as one empty epoch. New models start at 1x.
/// The count of active providers is kept by `serveModel`/`stopServing`, with a smoothed count that follows it over
/// `SUPPLY_SMOOTHING` (`servingInfo`), from which a certified provider's diversity weight of the model is read
/// (`diversityWeightBps`); a provider that becomes inactive in staking (unbonded below the minimum, jailed) stays
/// counted until anyone prunes it (`pruneProvider`), so no user action loops over providers. The inference market
/// (`market()`, bound once at deployment) alone records settled usage through `recordUsage`. Governed numbers are set
/// through the ParameterRegistry; keys in `MarketKeys`.
interface IModelCatalog is IParameterized {
    /// @notice Complexity classes of models.
    enum ComplexityClass {
        Small,
        Medium,
        Large
    }

    /// @notice Initial values of the catalogue's governed parameters (keys in `MarketKeys`).
    /// @param baseRate Token wei per generated token.
    /// @param complexityBps Multipliers of the small, medium and large classes (10,000 = 1x).
    /// @param minDemandBps Lowest demand multiplier.
    /// @param maxDemandBps Highest demand multiplier.
    /// @param demandEpoch Length of a demand epoch, seconds.
    /// @param demandTargetPerProvider Tokens per epoch per active provider at which demand is 1x.
    /// @param demandSmoothingBps Weight of the last epoch in the moving average.
    /// @param supplyStepBps Supply factor added per active provider beyond the first.
    /// @param maxSupplyFactorBps Largest supply factor.
    struct Parameters {
        uint256 baseRate;
        uint256[3] complexityBps;
        uint256 minDemandBps;
        uint256 maxDemandBps;
        uint256 demandEpoch;
        uint256 demandTargetPerProvider;
        uint256 demandSmoothingBps;
        uint256 supplyStepBps;
        uint256 maxSupplyFactorBps;
    }

    /// @notice A model as the catalogue sees it now.
    /// @param listed Whether the model is listed.
    /// @param complexity Its complexity class.
    /// @param providers Providers counted as serving it.
    /// @param demandMultiplierBps Its demand multiplier now (the epoch rolled if due), within the clamp.
    /// @param supplyFactorBps Its supply factor now.
    /// @param epochStart Start of its current demand epoch.
    /// @param epochTokens Tokens settled for it in that epoch.
    struct ModelView {
        bool listed;
        ComplexityClass complexity;
        uint256 providers;
        uint256 demandMultiplierBps;
        uint256 supplyFactorBps;
        uint256 epochStart;
        uint256 epochTokens;
    }

    /// @notice A provider's stint on a model and the model's supply (the diversity bonus reads them).
    /// @param since When the provider started serving the model (0: it does not serve it).
    /// @param certifiedAt When the curator certified it as a specialist of the model for this stint (0: not certified).
    /// @param providers Providers counted as serving the model now.
    /// @param smoothedProviders The model's smoothed count of providers now, 1e18 = one provider: it follows the count
    /// linearly over `SUPPLY_SMOOTHING` after each change, so identities joining or leaving for a moment barely move
    /// it and a change of supply shows in full after 30 days.
    struct ServingView {
        uint256 since;
        uint256 certifiedAt;
        uint256 providers;
        uint256 smoothedProviders;
    }

    /// @notice A provider listed a new model.
    /// @param modelId The model's id.
    /// @param complexity Its complexity class.
    /// @param provider The provider who listed it (and now serves it).
    event ModelListed(bytes32 indexed modelId, ComplexityClass complexity, address indexed provider);

    /// @notice The curator reclassified a model.
    /// @param modelId The model.
    /// @param complexity Its new class.
    event ModelReclassified(bytes32 indexed modelId, ComplexityClass complexity);

    /// @notice A provider started serving a model.
    /// @param modelId The model.
    /// @param provider The provider.
    /// @param providers The model's count of active providers after it.
    event ProviderJoined(bytes32 indexed modelId, address indexed provider, uint256 providers);

    /// @notice A provider stopped serving a model, or was pruned from it while inactive.
    /// @param modelId The model.
    /// @param provider The provider.
    /// @param providers The model's count of active providers after it.
    /// @param pruned Whether someone else pruned it (it was inactive in staking).
    event ProviderLeft(bytes32 indexed modelId, address indexed provider, uint256 providers, bool pruned);

    /// @notice A demand epoch of a model closed and its multiplier moved.
    /// @param modelId The model.
    /// @param observedTokens Tokens settled in the epoch that closed (zero after a gap).
    /// @param demandMultiplierBps The new multiplier.
    event DemandUpdated(bytes32 indexed modelId, uint256 observedTokens, uint256 demandMultiplierBps);

    /// @notice The curator certified a serving provider as a specialist of a model, or withdrew the certificate.
    /// @param modelId The model.
    /// @param provider The provider.
    /// @param certified Whether it is now.
    event ProviderCertified(bytes32 indexed modelId, address indexed provider, bool certified);

    /// @notice The admin bound the inference market, the only caller of `recordUsage`.
    /// @param market The market.
    event MarketBound(address market);

    /// @notice The model id zero.
    error ZeroModelId();
    /// @notice The model is already listed.
    error ModelAlreadyListed(bytes32 modelId);
    /// @notice No model is listed under this id.
    error UnknownModel(bytes32 modelId);
    /// @notice The provider is not active in staking (not registered, below the minimum self-stake, or banned).
    error ProviderInactive(address provider);
    /// @notice The provider's certificate for the model is already in the state asked for.
    error CertificateUnchanged(bytes32 modelId, address provider, bool certified);
    /// @notice The provider already serves the model.
    error AlreadyServing(bytes32 modelId, address provider);
    /// @notice The provider does not serve the model.
    error NotServing(bytes32 modelId, address provider);
    /// @notice Only inactive providers can be pruned.
    error ProviderStillActive(bytes32 modelId, address provider);
    /// @notice The model's price rounds to zero token wei per generated token.
    error ZeroPrice(bytes32 modelId);
    /// @notice Only the inference market may record usage.
    error OnlyMarket(address caller);
    /// @notice The market is already bound (or the zero address was given).
    error MarketAlreadyBound(address market);
    /// @notice The preset's initial values break a rule of the catalogue.
    error InvalidConfiguration();

    /// @notice Lists a new model and serves it.
    /// @dev The caller must be an active provider. The class sets the price multiplier; the curator can correct it.
    /// @param modelId The model's id (e.g. the hash of its canonical name and weights); not zero.
    /// @param complexity Its complexity class.
    function listModel(bytes32 modelId, ComplexityClass complexity) external;

    /// @notice Starts serving a listed model; the caller must be an active provider.
    /// @param modelId The model.
    function serveModel(bytes32 modelId) external;

    /// @notice Stops serving a model.
    /// @param modelId The model.
    function stopServing(bytes32 modelId) external;

    /// @notice Removes an inactive provider (unbonded below the minimum, jailed or banned) from a model's count.
    /// @dev Anyone may call it; reverts `ProviderStillActive` for an active provider.
    /// @param modelId The model.
    /// @param provider The inactive provider.
    function pruneProvider(bytes32 modelId, address provider) external;

    /// @notice Corrects a model's complexity class.
    /// @dev Restricted to the market curator role.
    /// @param modelId The model.
    /// @param complexity Its new class.
    function setModelComplexity(bytes32 modelId, ComplexityClass complexity) external;

    /// @notice Binds the inference market, the only caller of `recordUsage`; once.
    /// @dev Restricted to the admin (the deploy step). Reverts `MarketAlreadyBound` if bound or if `market_` is zero.
    /// @param market_ The market.
    function bindMarket(address market_) external;

    /// @notice Records generated tokens settled for a model: only the tokens `amount` pays for at the model's lowest
    /// possible price count toward demand, so a settlement below that price (signed before a repricing, or a wash
    /// trade) is still settled but cannot move the demand multiplier more than its payment warrants.
    /// @dev Only the market. Rolls the model's demand epoch if due. Reverts `UnknownModel` for an unlisted model; a
    /// lowest price that rounds to zero counts every token (it never makes a settlement revert).
    /// @param modelId The model.
    /// @param provider The settling provider (its diversity weight is returned).
    /// @param tokens Generated tokens settled.
    /// @param amount List value settled for them, token wei.
    /// @return counted `min(tokens, amount / minPrice)`, with `minPrice = baseRate x complexity x minDemand /
    /// maxSupplyFactor` (token wei per generated token): the tokens recorded.
    /// @return weightBps The provider's diversity weight of the model now (`diversityWeightBps`).
    function recordUsage(
        bytes32 modelId,
        address provider,
        uint256 tokens,
        uint256 amount
    ) external returns (uint256 counted, uint256 weightBps);

    /// @notice Certifies a provider serving a model as a specialist of it (eligible for the diversity bonus on it), or
    /// withdraws the certificate. Restricted to the market curator (governance appoints it): a model id is a label
    /// any provider can list or serve and any consumer can sign, so rarity is only paid to providers the curator has
    /// checked really offer the model. The certificate lasts for the provider's current stint (leaving the model ends
    /// it) and its 30 days count from the certificate. Reverts `NotServing` for a provider not serving the model,
    /// `ProviderInactive` when certifying an inactive one, `CertificateUnchanged` when nothing would change.
    /// @param modelId The model.
    /// @param provider The provider.
    /// @param certified Whether it is.
    function certify(bytes32 modelId, address provider, bool certified) external;

    /// @notice A provider's diversity weight of a model now, 10,000 = a model served by one provider: zero unless the
    /// curator certified the provider for the model at least `MIN_DIVERSITY_SERVING` ago; otherwise 10,000 over the
    /// model's smoothed count of providers (at least one; rounded down). Every certified server of a model has the same
    /// weight at a given moment. The market applies it to the provider's earnings at each settlement.
    /// @param modelId The model.
    /// @param provider The provider.
    /// @return Bps.
    function diversityWeightBps(bytes32 modelId, address provider) external view returns (uint256);

    /// @notice How long after its certificate a provider's settlements on a model start to earn a diversity weight
    /// (30 days).
    /// @return Seconds.
    function MIN_DIVERSITY_SERVING() external view returns (uint256);

    /// @notice How long the smoothed count of a model's providers takes to reach a new count (30 days).
    /// @return Seconds.
    function SUPPLY_SMOOTHING() external view returns (uint256);

    /// @notice The model's list price now.
    /// @dev Reverts `UnknownModel` for an unlisted model and `ZeroPrice` if the price rounds to zero.
    /// @param modelId The model.
    /// @return Token wei per generated token.
    function pricePerToken(bytes32 modelId) external view returns (uint256);

    /// @notice The list price of `tokens` generated tokens now: `tokens x pricePerToken(modelId)`.
    /// @param modelId The model.
    /// @param tokens Generated tokens.
    /// @return Token wei.
    function quote(bytes32 modelId, uint256 tokens) external view returns (uint256);

    /// @notice The lowest price the model's quote can reach under the current parameters (minimum demand, maximum
    /// supply factor): the floor every settled voucher must respect.
    /// @param modelId The model.
    /// @return Token wei per generated token.
    function minPricePerToken(bytes32 modelId) external view returns (uint256);

    /// @notice A model's state now.
    /// @param modelId The model.
    /// @return The model (all zero and `listed == false` if unknown).
    function modelInfo(bytes32 modelId) external view returns (ModelView memory);

    /// @notice Whether a provider is counted as serving a model.
    /// @param modelId The model.
    /// @param provider The provider.
    /// @return Whether it serves it.
    function isServing(bytes32 modelId, address provider) external view returns (bool);

    /// @notice A provider's stint on a model (since when it serves it, since when it is certified) and the model's
    /// count and smoothed count of providers.
    /// @param modelId The model.
    /// @param provider The provider.
    /// @return The provider's stint (zero if it does not serve the model) and the model's supply.
    function servingInfo(bytes32 modelId, address provider) external view returns (ServingView memory);

    /// @notice The inference market, the only caller of `recordUsage`.
    /// @return The market's address (zero until bound).
    function market() external view returns (address);

    /// @notice The provider staking module whose `isActive` the catalogue checks.
    /// @return Its address.
    function staking() external view returns (address);
}
