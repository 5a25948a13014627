// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {IFeeRouter} from "../interfaces/IFeeRouter.sol";
import {IIncentivePools} from "../interfaces/IIncentivePools.sol";
import {IInferenceMarket} from "../interfaces/IInferenceMarket.sol";
import {IMetricsRegistry} from "../interfaces/IMetricsRegistry.sol";
import {IModelCatalog} from "../interfaces/IModelCatalog.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IProviderPrograms} from "../interfaces/IProviderPrograms.sol";
import {IProviderStaking} from "../interfaces/IProviderStaking.sol";
import {IRatings} from "../interfaces/IRatings.sol";
import {MarketKeys} from "../libraries/MarketKeys.sol";
import {ProgramKeys} from "../libraries/ProgramKeys.sol";
import {RollingCap} from "../libraries/RollingCap.sol";
import {BPS} from "../common/Constants.sol";

/// @title ProviderPrograms
/// @notice Availability, diversity and loyalty bonuses on a provider's own settled earnings, each from its own funded
/// pool. Immutable, AccessManaged.
contract ProviderPrograms is IProviderPrograms, Parameterized, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @dev A provider's standing in two slots: `claimedAt` is when the checkpoints were taken (enrolment or claim).
    struct Standing {
        bool enrolled;
        uint40 activeSince;
        uint40 lastSeen;
        uint112 earningsCheckpoint;
        uint40 claimedAt;
        uint256 diversityCheckpoint;
    }

    /// @dev A program's pool in two slots, with the part of its rolling cap in use as written at `capUpdatedAt`.
    struct Pool {
        uint128 funded;
        uint128 spent;
        uint64 capUpdatedAt;
        uint128 capUsed;
    }

    /// @dev The part of a provider's rolling cap of one program in use, as written at `updatedAt`.
    struct Spent {
        uint64 updatedAt;
        uint128 used;
    }
    uint256 private constant PROGRAMS = 3;
    /// @dev A rolling uptime must be attested in one of the last two epochs (an epoch is attested after it ends).
    uint256 private constant FRESH_EPOCHS = 2;

    /// @inheritdoc IProviderPrograms
    uint256 public constant PERIOD = 30 days;

    IERC20 private immutable _TOKEN;
    IInferenceMarket private immutable _MARKET;
    IProviderStaking private immutable _STAKING;
    IModelCatalog private immutable _CATALOG;
    IFeeRouter private immutable _ROUTER;
    IIncentivePools private immutable _INCENTIVES;
    IMetricsRegistry private immutable _METRICS;
    IRatings private immutable _RATINGS;
    /// @dev The metrics registry's own minimum attestations per epoch (the floor of `minAttestations`).
    uint256 private immutable _REGISTRY_MIN_ATTESTATIONS;
    /// @dev The span of the registry's rolling figures, seconds (window epochs x epoch length): the longest span of
    /// earnings an availability claim may cover.
    uint256 private immutable _METRICS_WINDOW;

    Parameters private _params;
    Pool[PROGRAMS] private _pools;
    mapping(address provider => Standing) private _standings;
    mapping(address provider => Spent[PROGRAMS]) private _spent;

    /// @notice Deploys the programs with empty pools.
    /// @param market_ The inference market (its token, staking, catalogue, router and incentive pools are read).
    /// @param metrics_ The metrics registry (rolling uptime).
    /// @param ratings_ The ratings (their feedback rate counts against the headroom).
    /// @param authority The preset's AccessManager.
    /// @param parameters Initial parameters (the preset).
    constructor(
        IInferenceMarket market_,
        IMetricsRegistry metrics_,
        IRatings ratings_,
        address authority,
        Parameters memory parameters
    ) AccessManaged(authority) {
        if (address(market_) == address(0) || address(metrics_) == address(0) || address(ratings_) == address(0)) {
            revert ZeroAddress();
        }
        _MARKET = market_;
        _METRICS = metrics_;
        _RATINGS = ratings_;
        _TOKEN = IERC20(market_.token());
        _STAKING = IProviderStaking(market_.staking());
        _CATALOG = IModelCatalog(market_.catalog());
        _ROUTER = IFeeRouter(market_.feeRouter());
        _INCENTIVES = IIncentivePools(market_.incentives());
        IMetricsRegistry.Config memory registry = metrics_.config();
        _REGISTRY_MIN_ATTESTATIONS = registry.minAttestations;
        _METRICS_WINDOW = registry.windowEpochs * registry.epochLength;
        if (
            _METRICS_WINDOW == 0 ||
            parameters.availabilityBps > BPS ||
            parameters.diversityBps > BPS ||
            parameters.loyaltyBps > BPS ||
            parameters.minUptimeBps > BPS ||
            parameters.minAttestations < _REGISTRY_MIN_ATTESTATIONS ||
            parameters.minAttestations == 0 ||
            parameters.loyaltyTenure == 0 ||
            parameters.maxSightingGap == 0 ||
            parameters.accountCap == 0 ||
            parameters.periodCap == 0
        ) revert InvalidConfiguration();
        _params = parameters;
    }

    // ------------------------------------------------------------------ funding, enrolment, claims

    /// @inheritdoc IProviderPrograms
    function fund(Program program, uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        Pool storage p = _pools[uint256(program)];
        p.funded = SafeCast.toUint128(p.funded + amount);
        emit ProgramFunded(program, msg.sender, amount);
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IProviderPrograms
    function enroll() external {
        if (_standings[msg.sender].enrolled) revert AlreadyEnrolled(msg.sender);
        if (!_active(msg.sender)) revert NotActiveProvider(msg.sender);
        uint256 earnings = _lifetime(msg.sender);
        _standings[msg.sender] = Standing({
            enrolled: true,
            activeSince: uint40(block.timestamp),
            lastSeen: uint40(block.timestamp),
            earningsCheckpoint: uint112(earnings),
            claimedAt: uint40(block.timestamp),
            diversityCheckpoint: _MARKET.diversityEarningsOf(msg.sender)
        });
        emit Enrolled(msg.sender, earnings);
    }

    /// @inheritdoc IProviderPrograms
    function sight(address provider) external {
        Standing memory s = _standings[provider];
        if (!s.enrolled) revert NotEnrolled(provider);
        _sight(provider, s, _active(provider));
        _standings[provider] = s;
    }

    /// @inheritdoc IProviderPrograms
    function claim() external nonReentrant returns (uint256 amount) {
        Standing memory s = _standings[msg.sender];
        if (!s.enrolled) revert NotEnrolled(msg.sender);
        if (!_active(msg.sender)) revert NotActiveProvider(msg.sender);
        _sight(msg.sender, s, true);
        uint256 lifetime = _lifetime(msg.sender);
        uint256 basis = lifetime - s.earningsCheckpoint;
        if (basis == 0) revert NothingToClaim(msg.sender);
        // Weighted by at most 10,000 bps each, the diversity earnings grow no faster than the lifetime earnings.
        uint256 weighted = _MARKET.diversityEarningsOf(msg.sender);
        uint256 diversityBasis = weighted - s.diversityCheckpoint;
        uint256 claimedAt = s.claimedAt;
        (s.earningsCheckpoint, s.claimedAt, s.diversityCheckpoint) = (
            uint112(lifetime),
            uint40(block.timestamp),
            weighted
        );
        _standings[msg.sender] = s;

        Parameters memory p = _params;
        uint256[PROGRAMS] memory rates;
        // The basis was earned after `claimedAt`: availability pays only if the registry's window covers that span,
        // loyalty only if the tenure was already complete then (and has not restarted since).
        if (block.timestamp - claimedAt <= _METRICS_WINDOW && _availabilityEligible(msg.sender, p)) {
            rates[uint256(Program.Availability)] = p.availabilityBps;
        }
        if (diversityBasis != 0) rates[uint256(Program.Diversity)] = p.diversityBps;
        if (claimedAt >= s.activeSince && claimedAt - s.activeSince >= p.loyaltyTenure) {
            rates[uint256(Program.Loyalty)] = p.loyaltyBps;
        }

        // Scale every rate down to the headroom when their sum exceeds it (rounding down). A unit of earnings is paid
        // at most once per program, at one claim, and its diversity weight is at most 1: each unit earns at most the
        // headroom in all.
        uint256 sum = rates[0] + rates[1] + rates[2];
        uint256 headroom = headroomBps();
        uint256[PROGRAMS] memory paid;
        for (uint256 i; i < PROGRAMS; ++i) {
            if (rates[i] == 0) continue;
            uint256 rate = sum > headroom ? Math.mulDiv(rates[i], headroom, sum, Math.Rounding.Floor) : rates[i];
            uint256 on = i == uint256(Program.Diversity) ? diversityBasis : basis;
            paid[i] = _spend(Program(i), msg.sender, Math.mulDiv(on, rate, BPS, Math.Rounding.Floor), p);
            amount += paid[i];
        }
        emit BonusClaimed(msg.sender, basis, diversityBasis, paid[0], paid[1], paid[2]);
        if (amount != 0) _TOKEN.safeTransfer(msg.sender, amount);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IProviderPrograms
    function availabilityEligible(address provider) external view returns (bool) {
        return _availabilityEligible(provider, _params);
    }

    /// @inheritdoc IProviderPrograms
    function loyaltyEligible(address provider) external view returns (bool) {
        Standing memory s = _standings[provider];
        return s.enrolled && block.timestamp - s.activeSince >= _params.loyaltyTenure;
    }

    /// @inheritdoc IProviderPrograms
    function diversityBpsOf(bytes32 modelId, address provider) external view returns (uint256) {
        return Math.mulDiv(_params.diversityBps, _CATALOG.diversityWeightBps(modelId, provider), BPS);
    }

    /// @inheritdoc IProviderPrograms
    function headroomBps() public view returns (uint256) {
        uint256 protocol = _ROUTER.protocolBps();
        uint256 taken = _INCENTIVES.incentiveBps() + _RATINGS.parameter(ProgramKeys.FEEDBACK_BPS) + 1;
        if (protocol <= taken) return 0;
        // A bonus on earnings e: e <= base fee x (provider share + largest priority) / 10,000.
        uint256 earningsBps = _ROUTER.feeSplit().providerBps + _ROUTER.parameter(MarketKeys.MAX_PRIORITY_BPS);
        return Math.mulDiv(protocol - taken, BPS, earningsBps, Math.Rounding.Floor);
    }

    /// @inheritdoc IProviderPrograms
    function poolInfo(Program program) external view returns (PoolView memory) {
        Pool memory p = _pools[uint256(program)];
        return
            PoolView({
                funded: p.funded,
                spent: p.spent,
                capUsed: RollingCap.inUse(p.capUsed, p.capUpdatedAt, _params.periodCap, PERIOD)
            });
    }

    /// @inheritdoc IProviderPrograms
    function providerInfo(address provider) external view returns (ProviderView memory) {
        Standing memory s = _standings[provider];
        return
            ProviderView({
                enrolled: s.enrolled,
                activeSince: s.activeSince,
                lastSeen: s.lastSeen,
                earningsCheckpoint: s.earningsCheckpoint,
                claimedAt: s.claimedAt,
                diversityCheckpoint: s.diversityCheckpoint
            });
    }

    /// @inheritdoc IProviderPrograms
    function accountCapUsed(address provider, Program program) external view returns (uint256) {
        Spent memory a = _spent[provider][uint256(program)];
        return RollingCap.inUse(a.used, a.updatedAt, _params.accountCap, PERIOD);
    }

    // ------------------------------------------------------------------ parameters

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        Parameters memory p = _params;
        if (key == ProgramKeys.AVAILABILITY_BPS) return p.availabilityBps;
        if (key == ProgramKeys.MIN_UPTIME_BPS) return p.minUptimeBps;
        if (key == ProgramKeys.MIN_ATTESTATIONS) return p.minAttestations;
        if (key == ProgramKeys.DIVERSITY_BPS) return p.diversityBps;
        if (key == ProgramKeys.LOYALTY_BPS) return p.loyaltyBps;
        if (key == ProgramKeys.LOYALTY_TENURE) return p.loyaltyTenure;
        if (key == ProgramKeys.MAX_SIGHTING_GAP) return p.maxSightingGap;
        if (key == ProgramKeys.BONUS_ACCOUNT_CAP) return p.accountCap;
        if (key == ProgramKeys.BONUS_PERIOD_CAP) return p.periodCap;
        revert UnknownParameter(key);
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        if (key == ProgramKeys.AVAILABILITY_BPS) _params.availabilityBps = _atMost(key, value, BPS);
        else if (key == ProgramKeys.MIN_UPTIME_BPS) _params.minUptimeBps = _atMost(key, value, BPS);
        else if (key == ProgramKeys.DIVERSITY_BPS) _params.diversityBps = _atMost(key, value, BPS);
        else if (key == ProgramKeys.LOYALTY_BPS) _params.loyaltyBps = _atMost(key, value, BPS);
        else if (key == ProgramKeys.MIN_ATTESTATIONS) {
            if (value < _REGISTRY_MIN_ATTESTATIONS || value == 0) revert InvalidParameterValue(key, value);
            _params.minAttestations = value;
        } else {
            if (value == 0) revert InvalidParameterValue(key, value);
            if (key == ProgramKeys.LOYALTY_TENURE) _params.loyaltyTenure = value;
            else if (key == ProgramKeys.MAX_SIGHTING_GAP) _params.maxSightingGap = value;
            else if (key == ProgramKeys.BONUS_ACCOUNT_CAP) _params.accountCap = value;
            else if (key == ProgramKeys.BONUS_PERIOD_CAP) _params.periodCap = value;
            else revert UnknownParameter(key);
        }
    }

    // ------------------------------------------------------------------ internals

    /// @dev Restarts the tenure of an inactive provider or of one unseen too long, and records the sighting.
    function _sight(address provider, Standing memory s, bool active) private {
        if (!active || block.timestamp - s.lastSeen > _params.maxSightingGap) {
            emit TenureRestarted(provider, s.lastSeen);
            s.activeSince = uint40(block.timestamp);
        }
        s.lastSeen = uint40(block.timestamp);
    }

    /// @dev Pays `amount` of a program for `provider`, capped by its rolling 30-day caps and what remains.
    function _spend(
        Program program,
        address provider,
        uint256 amount,
        Parameters memory p
    ) private returns (uint256 spent) {
        if (amount == 0) return 0;
        Pool memory pool = _pools[uint256(program)];
        Spent memory a = _spent[provider][uint256(program)];
        uint256 poolUsed = RollingCap.inUse(pool.capUsed, pool.capUpdatedAt, p.periodCap, PERIOD);
        uint256 accountUsed = RollingCap.inUse(a.used, a.updatedAt, p.accountCap, PERIOD);
        spent = Math.min(amount, RollingCap.room(p.accountCap, accountUsed));
        spent = Math.min(spent, RollingCap.room(p.periodCap, poolUsed));
        spent = Math.min(spent, pool.funded - pool.spent);
        if (spent == 0) return 0;
        // spent <= funded - spent before, and each part in use is at most its cap (or what was written before, when a
        // cap was lowered), so the sums stay within uint128.
        pool.spent += uint128(spent);
        (pool.capUsed, pool.capUpdatedAt) = (uint128(poolUsed + spent), uint64(block.timestamp));
        (a.used, a.updatedAt) = (uint128(accountUsed + spent), uint64(block.timestamp));
        _pools[uint256(program)] = pool;
        _spent[provider][uint256(program)] = a;
    }

    function _availabilityEligible(address provider, Parameters memory p) private view returns (bool) {
        IMetricsRegistry.RollingMetrics memory m = _METRICS.rollingMetrics(provider);
        return
            m.attestations >= p.minAttestations &&
            m.avgUptimeBps >= p.minUptimeBps &&
            m.latestEpoch + FRESH_EPOCHS >= _METRICS.currentEpoch();
    }

    function _active(address provider) private view returns (bool) {
        return _STAKING.isActive(provider) && !_STAKING.isBanned(provider);
    }

    function _lifetime(address provider) private view returns (uint256 lifetime) {
        (, lifetime) = _MARKET.earningsOf(provider);
    }
}
