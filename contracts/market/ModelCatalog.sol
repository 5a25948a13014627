// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {IModelCatalog} from "../interfaces/IModelCatalog.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IProviderStaking} from "../interfaces/IProviderStaking.sol";
import {MarketKeys} from "../libraries/MarketKeys.sol";
import {MarketMath} from "../libraries/MarketMath.sol";
import {BPS} from "../common/Constants.sol";

/// @title ModelCatalog
/// @notice Models, the providers serving them, their recent demand and their quotes. The inference market, bound once
/// at deployment, alone records settled usage. Immutable, AccessManaged; every action is O(1).
contract ModelCatalog is IModelCatalog, Parameterized {
    /// @dev A model in one slot: the demand state, the count of serving providers, listing and class.
    struct Model {
        uint128 epochTokens;
        uint40 epochStart;
        uint32 multiplierBps;
        uint32 providers;
        bool listed;
        ComplexityClass complexity;
    }

    /// @dev A model's smoothed count of serving providers (1e18 = one provider) as of `updatedAt` (one slot): between
    /// two changes of the count it moves linearly toward the count, reaching it after `SUPPLY_SMOOTHING`.
    struct Supply {
        uint40 updatedAt;
        uint216 smoothed;
    }

    /// @dev A provider serving a model since `since` (0: not serving) and, if the curator certified it as a
    /// specialist of the model for this stint, since when (0: not certified).
    struct Serving {
        uint40 since;
        uint40 certifiedAt;
    }

    /// @dev The quote's numbers in one slot (every quote and settlement reads it).
    struct QuoteConfig {
        uint96 baseRate;
        uint24 smallComplexityBps;
        uint24 mediumComplexityBps;
        uint24 largeComplexityBps;
        uint16 minDemandBps;
        uint16 maxDemandBps;
        uint16 supplyStepBps;
        uint24 maxSupplyFactorBps;
        uint16 demandSmoothingBps;
    }

    /// @dev The demand epoch, its target and the market bound once, in one slot (a settlement reads all three).
    struct DemandConfig {
        uint32 epoch;
        uint64 targetPerProvider;
        address market;
    }

    /// @inheritdoc IModelCatalog
    uint256 public constant MIN_DIVERSITY_SERVING = 30 days;
    /// @inheritdoc IModelCatalog
    uint256 public constant SUPPLY_SMOOTHING = 30 days;
    uint256 private constant ONE = 1e18;
    uint256 private constant PARAMETER_COUNT = 11;

    IProviderStaking private immutable _STAKING;

    QuoteConfig private _quote;
    DemandConfig private _demand;

    mapping(bytes32 modelId => Model) private _models;
    mapping(bytes32 modelId => mapping(address provider => Serving)) private _serving;
    mapping(bytes32 modelId => Supply) private _supply;

    /// @notice Deploys the catalogue; the market is bound afterwards (`bindMarket`).
    /// @param staking_ The provider staking module (`isActive`).
    /// @param authority The preset's AccessManager.
    /// @param p Initial values of the governed parameters (the preset).
    constructor(IProviderStaking staking_, address authority, Parameters memory p) AccessManaged(authority) {
        if (address(staking_) == address(0)) revert InvalidConfiguration();
        _STAKING = staking_;
        _quote = QuoteConfig({
            baseRate: SafeCast.toUint96(p.baseRate),
            smallComplexityBps: SafeCast.toUint24(p.complexityBps[0]),
            mediumComplexityBps: SafeCast.toUint24(p.complexityBps[1]),
            largeComplexityBps: SafeCast.toUint24(p.complexityBps[2]),
            minDemandBps: SafeCast.toUint16(p.minDemandBps),
            maxDemandBps: SafeCast.toUint16(p.maxDemandBps),
            supplyStepBps: SafeCast.toUint16(p.supplyStepBps),
            maxSupplyFactorBps: SafeCast.toUint24(p.maxSupplyFactorBps),
            demandSmoothingBps: SafeCast.toUint16(p.demandSmoothingBps)
        });
        _demand = DemandConfig({
            epoch: SafeCast.toUint32(p.demandEpoch),
            targetPerProvider: SafeCast.toUint64(p.demandTargetPerProvider),
            market: address(0)
        });
        if (!_valid(_quote, _demand)) revert InvalidConfiguration();
    }

    // ------------------------------------------------------------------ providers

    /// @inheritdoc IModelCatalog
    function listModel(bytes32 modelId, ComplexityClass complexity) external {
        if (modelId == bytes32(0)) revert ZeroModelId();
        Model storage m = _models[modelId];
        if (m.listed) revert ModelAlreadyListed(modelId);
        _requireActive(msg.sender);

        m.listed = true;
        m.complexity = complexity;
        m.providers = 1;
        m.epochStart = uint40(block.timestamp);
        m.multiplierBps = uint32(BPS);
        _supply[modelId] = Supply({updatedAt: uint40(block.timestamp), smoothed: uint216(ONE)});
        _serving[modelId][msg.sender] = Serving({since: uint40(block.timestamp), certifiedAt: 0});
        emit ModelListed(modelId, complexity, msg.sender);
        emit ProviderJoined(modelId, msg.sender, 1);
    }

    /// @inheritdoc IModelCatalog
    function serveModel(bytes32 modelId) external {
        Model storage m = _listed(modelId);
        if (_serving[modelId][msg.sender].since != 0) revert AlreadyServing(modelId, msg.sender);
        _requireActive(msg.sender);

        _smooth(modelId, m.providers);
        _serving[modelId][msg.sender] = Serving({since: uint40(block.timestamp), certifiedAt: 0});
        uint256 providers = m.providers + 1;
        m.providers = SafeCast.toUint32(providers);
        emit ProviderJoined(modelId, msg.sender, providers);
    }

    /// @inheritdoc IModelCatalog
    function stopServing(bytes32 modelId) external {
        _leave(modelId, msg.sender, false);
    }

    /// @inheritdoc IModelCatalog
    function pruneProvider(bytes32 modelId, address provider) external {
        if (_STAKING.isActive(provider)) revert ProviderStillActive(modelId, provider);
        _leave(modelId, provider, true);
    }

    /// @inheritdoc IModelCatalog
    function setModelComplexity(bytes32 modelId, ComplexityClass complexity) external restricted {
        _listed(modelId).complexity = complexity;
        emit ModelReclassified(modelId, complexity);
    }

    // ------------------------------------------------------------------ market

    /// @inheritdoc IModelCatalog
    function bindMarket(address market_) external restricted {
        address bound = _demand.market;
        if (bound != address(0) || market_ == address(0)) revert MarketAlreadyBound(bound);
        _demand.market = market_;
        emit MarketBound(market_);
    }

    /// @inheritdoc IModelCatalog
    function recordUsage(
        bytes32 modelId,
        address provider,
        uint256 tokens,
        uint256 amount
    ) external returns (uint256 counted, uint256 weightBps) {
        DemandConfig memory d = _demand;
        if (msg.sender != d.market) revert OnlyMarket(msg.sender);
        Model memory m = _models[modelId];
        if (!m.listed) revert UnknownModel(modelId);
        QuoteConfig memory q = _quote;

        bool rolled;
        uint256 observed;
        (m, rolled, observed) = _rolled(m, q, d);
        uint256 floor = MarketMath.pricePerToken(
            q.baseRate,
            _complexityBps(q, m.complexity),
            q.minDemandBps,
            q.maxSupplyFactorBps
        );
        // Rounds down: a payment below the floor counts for fewer tokens, never more. A floor that rounds to zero
        // bounds nothing, and must not make a settlement revert: every token counts.
        counted = floor == 0 ? tokens : Math.min(tokens, amount / floor);
        m.epochTokens = SafeCast.toUint128(m.epochTokens + counted);
        _models[modelId] = m;
        if (rolled) emit DemandUpdated(modelId, observed, m.multiplierBps);
        weightBps = _diversityWeight(modelId, provider, m.providers);
    }

    /// @inheritdoc IModelCatalog
    function certify(bytes32 modelId, address provider, bool certified) external restricted {
        Serving storage s = _serving[modelId][provider];
        if (s.since == 0) revert NotServing(modelId, provider);
        if ((s.certifiedAt != 0) == certified) revert CertificateUnchanged(modelId, provider, certified);
        if (certified) _requireActive(provider);
        s.certifiedAt = certified ? uint40(block.timestamp) : 0;
        emit ProviderCertified(modelId, provider, certified);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IModelCatalog
    function pricePerToken(bytes32 modelId) public view returns (uint256 price) {
        Model memory m = _models[modelId];
        if (!m.listed) revert UnknownModel(modelId);
        QuoteConfig memory q = _quote;
        (m, , ) = _rolled(m, q, _demand);
        price = MarketMath.pricePerToken(
            q.baseRate,
            _complexityBps(q, m.complexity),
            MarketMath.clamp(m.multiplierBps, q.minDemandBps, q.maxDemandBps),
            MarketMath.supplyFactorBps(m.providers, q.supplyStepBps, q.maxSupplyFactorBps)
        );
        if (price == 0) revert ZeroPrice(modelId);
    }

    /// @inheritdoc IModelCatalog
    function quote(bytes32 modelId, uint256 tokens) external view returns (uint256) {
        return tokens * pricePerToken(modelId);
    }

    /// @inheritdoc IModelCatalog
    function minPricePerToken(bytes32 modelId) external view returns (uint256) {
        Model memory m = _models[modelId];
        if (!m.listed) revert UnknownModel(modelId);
        return _minPrice(modelId, m, _quote);
    }

    /// @inheritdoc IModelCatalog
    function modelInfo(bytes32 modelId) external view returns (ModelView memory v) {
        Model memory m = _models[modelId];
        if (!m.listed) return v;
        QuoteConfig memory q = _quote;
        (m, , ) = _rolled(m, q, _demand);
        v = ModelView({
            listed: true,
            complexity: m.complexity,
            providers: m.providers,
            demandMultiplierBps: MarketMath.clamp(m.multiplierBps, q.minDemandBps, q.maxDemandBps),
            supplyFactorBps: MarketMath.supplyFactorBps(m.providers, q.supplyStepBps, q.maxSupplyFactorBps),
            epochStart: m.epochStart,
            epochTokens: m.epochTokens
        });
    }

    /// @inheritdoc IModelCatalog
    function isServing(bytes32 modelId, address provider) external view returns (bool) {
        return _serving[modelId][provider].since != 0;
    }

    /// @inheritdoc IModelCatalog
    function diversityWeightBps(bytes32 modelId, address provider) external view returns (uint256) {
        return _diversityWeight(modelId, provider, _models[modelId].providers);
    }

    /// @inheritdoc IModelCatalog
    function servingInfo(bytes32 modelId, address provider) external view returns (ServingView memory) {
        Serving memory s = _serving[modelId][provider];
        uint256 providers = _models[modelId].providers;
        return
            ServingView({
                since: s.since,
                certifiedAt: s.certifiedAt,
                providers: providers,
                smoothedProviders: _smoothed(_supply[modelId], providers)
            });
    }

    /// @inheritdoc IModelCatalog
    function market() external view returns (address) {
        return _demand.market;
    }

    /// @inheritdoc IModelCatalog
    function staking() external view returns (address) {
        return address(_STAKING);
    }

    // ------------------------------------------------------------------ parameters

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        uint256 id = _parameterId(key);
        QuoteConfig memory q = _quote;
        if (id == 0) return q.baseRate;
        if (id == 1) return q.smallComplexityBps;
        if (id == 2) return q.mediumComplexityBps;
        if (id == 3) return q.largeComplexityBps;
        if (id == 4) return q.minDemandBps;
        if (id == 5) return q.maxDemandBps;
        if (id == 6) return q.demandSmoothingBps;
        if (id == 7) return q.supplyStepBps;
        if (id == 8) return q.maxSupplyFactorBps;
        if (id == 9) return _demand.epoch;
        return _demand.targetPerProvider;
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        uint256 id = _parameterId(key);
        QuoteConfig memory q = _quote;
        DemandConfig memory d = _demand;
        if (id == 0) q.baseRate = uint96(_atMost(key, value, type(uint96).max));
        else if (id == 1) q.smallComplexityBps = uint24(_atMost(key, value, type(uint24).max));
        else if (id == 2) q.mediumComplexityBps = uint24(_atMost(key, value, type(uint24).max));
        else if (id == 3) q.largeComplexityBps = uint24(_atMost(key, value, type(uint24).max));
        else if (id == 4) q.minDemandBps = uint16(_atMost(key, value, type(uint16).max));
        else if (id == 5) q.maxDemandBps = uint16(_atMost(key, value, type(uint16).max));
        else if (id == 6) q.demandSmoothingBps = uint16(_atMost(key, value, type(uint16).max));
        else if (id == 7) q.supplyStepBps = uint16(_atMost(key, value, type(uint16).max));
        else if (id == 8) q.maxSupplyFactorBps = uint24(_atMost(key, value, type(uint24).max));
        else if (id == 9) d.epoch = uint32(_atMost(key, value, type(uint32).max));
        else d.targetPerProvider = uint64(_atMost(key, value, type(uint64).max));
        if (!_valid(q, d)) revert InvalidParameterValue(key, value);
        _quote = q;
        _demand = d;
    }

    // ------------------------------------------------------------------ internals

    function _listed(bytes32 modelId) private view returns (Model storage m) {
        m = _models[modelId];
        if (!m.listed) revert UnknownModel(modelId);
    }

    function _requireActive(address provider) private view {
        if (!_STAKING.isActive(provider)) revert ProviderInactive(provider);
    }

    function _leave(bytes32 modelId, address provider, bool pruned) private {
        if (_serving[modelId][provider].since == 0) revert NotServing(modelId, provider);
        Model storage m = _models[modelId];
        _smooth(modelId, m.providers);
        delete _serving[modelId][provider];
        // A serving provider is counted, so the count is at least one.
        uint256 providers = m.providers - 1;
        m.providers = uint32(providers);
        emit ProviderLeft(modelId, provider, providers, pruned);
    }

    /// @dev `provider`'s diversity weight of a model with `providers` serving it now (see the interface).
    function _diversityWeight(bytes32 modelId, address provider, uint256 providers) private view returns (uint256) {
        uint256 certifiedAt = _serving[modelId][provider].certifiedAt;
        if (certifiedAt == 0 || block.timestamp - certifiedAt < MIN_DIVERSITY_SERVING) return 0;
        // The smoothed count is at least one provider here (the model has been served for 30 days, by this provider
        // among others), but it is floored at one so the weight never exceeds 10,000; rounded down.
        return Math.mulDiv(BPS, ONE, Math.max(_smoothed(_supply[modelId], providers), ONE));
    }

    /// @dev The smoothed count now: from the stored value toward `providers` (the count since `updatedAt`), linearly
    /// over `SUPPLY_SMOOTHING`. Rounded up on the way up and down on the way down: it never lags less than it should,
    /// so the weight errs low.
    function _smoothed(Supply memory supply, uint256 providers) private view returns (uint256) {
        uint256 target = providers * ONE;
        uint256 elapsed = block.timestamp - supply.updatedAt;
        if (elapsed >= SUPPLY_SMOOTHING) return target;
        uint256 s = supply.smoothed;
        if (target >= s) return s + Math.mulDiv(target - s, elapsed, SUPPLY_SMOOTHING, Math.Rounding.Ceil);
        return s - Math.mulDiv(s - target, elapsed, SUPPLY_SMOOTHING, Math.Rounding.Floor);
    }

    /// @dev Brings the model's smoothed count up to now (`providers` served since the last update). Called before
    /// every change of the count.
    function _smooth(bytes32 modelId, uint256 providers) private {
        Supply memory supply = _supply[modelId];
        _supply[modelId] = Supply({
            updatedAt: uint40(block.timestamp),
            smoothed: uint216(_smoothed(supply, providers))
        });
    }

    /// @dev The model with its demand epoch rolled forward if it ended: the closed epoch's tokens (zero if more than
    /// one epoch passed) enter the moving average, and the new epoch starts on the grid of the old one.
    function _rolled(
        Model memory m,
        QuoteConfig memory q,
        DemandConfig memory d
    ) private view returns (Model memory, bool rolled, uint256 observed) {
        uint256 elapsed = block.timestamp - m.epochStart;
        if (elapsed < d.epoch) return (m, false, 0);
        observed = elapsed < 2 * uint256(d.epoch) ? m.epochTokens : 0;
        uint256 target = uint256(d.targetPerProvider) * Math.max(m.providers, 1);
        m.multiplierBps = uint32(
            MarketMath.nextDemandBps(
                m.multiplierBps,
                observed,
                target,
                q.demandSmoothingBps,
                q.minDemandBps,
                q.maxDemandBps
            )
        );
        m.epochStart = uint40(block.timestamp - (elapsed % d.epoch));
        m.epochTokens = 0;
        return (m, true, observed);
    }

    function _minPrice(bytes32 modelId, Model memory m, QuoteConfig memory q) private pure returns (uint256 price) {
        price = MarketMath.pricePerToken(
            q.baseRate,
            _complexityBps(q, m.complexity),
            q.minDemandBps,
            q.maxSupplyFactorBps
        );
        if (price == 0) revert ZeroPrice(modelId);
    }

    function _complexityBps(QuoteConfig memory q, ComplexityClass c) private pure returns (uint256) {
        if (c == ComplexityClass.Small) return q.smallComplexityBps;
        if (c == ComplexityClass.Medium) return q.mediumComplexityBps;
        return q.largeComplexityBps;
    }

    /// @dev Positive base rate and durations; classes ordered and positive; the demand clamp around 1x; smoothing in
    /// (0, 1]; the supply factor at least 1x.
    function _valid(QuoteConfig memory q, DemandConfig memory d) private pure returns (bool) {
        return
            q.baseRate > 0 &&
            q.smallComplexityBps > 0 &&
            q.smallComplexityBps <= q.mediumComplexityBps &&
            q.mediumComplexityBps <= q.largeComplexityBps &&
            q.minDemandBps > 0 &&
            q.minDemandBps <= BPS &&
            q.maxDemandBps >= BPS &&
            q.demandSmoothingBps > 0 &&
            q.demandSmoothingBps <= BPS &&
            q.maxSupplyFactorBps >= BPS &&
            d.epoch > 0 &&
            d.targetPerProvider > 0;
    }

    /// @dev A key's id in the order of `parameter`; reverts `UnknownParameter` for other keys.
    function _parameterId(bytes32 key) private pure returns (uint256) {
        bytes32[PARAMETER_COUNT] memory keys = [
            MarketKeys.BASE_RATE,
            MarketKeys.SMALL_COMPLEXITY_BPS,
            MarketKeys.MEDIUM_COMPLEXITY_BPS,
            MarketKeys.LARGE_COMPLEXITY_BPS,
            MarketKeys.MIN_DEMAND_BPS,
            MarketKeys.MAX_DEMAND_BPS,
            MarketKeys.DEMAND_SMOOTHING_BPS,
            MarketKeys.SUPPLY_STEP_BPS,
            MarketKeys.MAX_SUPPLY_FACTOR_BPS,
            MarketKeys.DEMAND_EPOCH,
            MarketKeys.DEMAND_TARGET_PER_PROVIDER
        ];
        for (uint256 id; id < PARAMETER_COUNT; ++id) {
            if (key == keys[id]) return id;
        }
        revert UnknownParameter(key);
    }
}
