// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {IDeveloperPrograms} from "../interfaces/IDeveloperPrograms.sol";
import {IFeeRouter} from "../interfaces/IFeeRouter.sol";
import {IIncentivePools} from "../interfaces/IIncentivePools.sol";
import {IInferenceMarket} from "../interfaces/IInferenceMarket.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IProviderStaking} from "../interfaces/IProviderStaking.sol";
import {MarketKeys} from "../libraries/MarketKeys.sol";
import {MarketMath} from "../libraries/MarketMath.sol";
import {BPS} from "../common/Constants.sol";

/// @title IncentivePools
/// @notice Cashback, referral, API revenue share and prepaid-credit bonus, each from its own funded pool. The inference
/// market, bound once at deployment, alone reports settlements and draws credit bonuses. Immutable, AccessManaged.
contract IncentivePools is IIncentivePools, Parameterized, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @dev A pool's totals in one slot.
    struct PoolState {
        uint128 funded;
        uint128 spent;
    }

    /// @dev An account's accrued rewards, its developer status and its early-adopter admission in one slot.
    struct AccountState {
        uint128 owed;
        bool developer;
        // Admission decided: joined as an early adopter, or reached the minimum after the program filled.
        bool paid;
        bool earlyAdopter;
        // Paid from deposits before admission (below the minimum, which fits uint80).
        uint96 paidBeforeJoin;
    }

    /// @dev An early adopter's bonus credits in one slot.
    struct EarlyCredit {
        uint128 earned;
        uint128 pending;
    }

    /// @dev The early-adopter program in one slot (read before a consumer's admission and by early adopters only).
    struct EarlyConfig {
        uint16 bonusBps;
        uint32 count;
        uint128 capPerAccount;
        uint80 minPayment;
    }

    /// @dev A referral in one slot.
    struct ReferralState {
        address referrer;
        uint40 until;
    }

    /// @dev The rates and the bound market in one slot (a settlement reads both).
    struct RateConfig {
        uint16 cashbackBps;
        uint16 referralBps;
        uint16 apiShareBps;
        uint16 creditBonusBps;
        uint32 referralDuration;
        address market;
    }
    uint256 private constant POOL_COUNT = 5;

    /// @inheritdoc IIncentivePools
    uint256 public constant EARLY_ADOPTER_LIMIT = 10_000;

    IERC20 private immutable _TOKEN;
    IProviderStaking private immutable _STAKING;
    IFeeRouter private immutable _ROUTER;
    /// @dev The developer programs whose open-source flag doubles a developer's API share (zero: none).
    IDeveloperPrograms private immutable _DEVELOPERS;

    /// @dev The rates, and the inference market bound once.
    RateConfig private _rates;
    /// @dev Tokens paid out by `claim` since deployment.
    uint256 private _claimed;
    PoolState[POOL_COUNT] private _pools;
    mapping(address account => AccountState) private _accounts;
    mapping(address provider => ReferralState) private _referrals;
    /// @dev The early-adopter program's terms and count.
    EarlyConfig private _early;
    /// @dev Early-adopter bonus turned into market credits since deployment.
    uint256 private _earlyRedeemed;
    mapping(address consumer => EarlyCredit) private _earlyCredits;

    /// @notice Deploys empty pools; the market is bound afterwards (`bindMarket`).
    /// @param token_ The reward token (the market's token).
    /// @param staking_ The provider staking module (who may refer and be referred).
    /// @param router_ The fee router whose protocol share bounds the rates.
    /// @param developers_ The developer programs whose open-source flag doubles a developer's API share (the zero
    /// address: no developer is open source).
    /// @param authority The preset's AccessManager.
    /// @param rates Initial rates (the preset).
    constructor(
        IERC20 token_,
        IProviderStaking staking_,
        IFeeRouter router_,
        IDeveloperPrograms developers_,
        address authority,
        Rates memory rates
    ) AccessManaged(authority) {
        if (address(token_) == address(0) || address(staking_) == address(0) || address(router_) == address(0)) {
            revert ZeroAddress();
        }
        _TOKEN = token_;
        _STAKING = staking_;
        _ROUTER = router_;
        _DEVELOPERS = developers_;
        _rates = RateConfig({
            cashbackBps: SafeCast.toUint16(rates.cashbackBps),
            referralBps: SafeCast.toUint16(rates.referralBps),
            apiShareBps: SafeCast.toUint16(rates.apiShareBps),
            creditBonusBps: SafeCast.toUint16(rates.creditBonusBps),
            referralDuration: SafeCast.toUint32(rates.referralDuration),
            market: address(0)
        });
        if (!_valid(_rates) || rates.earlyAdopterBps > BPS) revert InvalidConfiguration();
        _checkBound(_rates, rates.earlyAdopterBps);
        _early = EarlyConfig({
            bonusBps: uint16(rates.earlyAdopterBps),
            count: 0,
            capPerAccount: SafeCast.toUint128(rates.earlyAdopterCap),
            minPayment: SafeCast.toUint80(rates.earlyAdopterMinPayment)
        });
    }

    // ------------------------------------------------------------------ funding and claims

    /// @inheritdoc IIncentivePools
    function fund(Pool pool, uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        PoolState storage p = _pools[uint256(pool)];
        p.funded = SafeCast.toUint128(p.funded + amount);
        emit PoolFunded(pool, msg.sender, amount);
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IIncentivePools
    function claim() external nonReentrant returns (uint256 amount) {
        AccountState storage a = _accounts[msg.sender];
        amount = a.owed;
        if (amount == 0) revert NothingToClaim(msg.sender);
        a.owed = 0;
        _claimed += amount;
        emit RewardsClaimed(msg.sender, amount);
        _TOKEN.safeTransfer(msg.sender, amount);
    }

    // ------------------------------------------------------------------ market

    /// @inheritdoc IIncentivePools
    function bindMarket(address market_) external restricted {
        address bound = _rates.market;
        if (bound != address(0) || market_ == address(0)) revert MarketAlreadyBound(bound);
        _rates.market = market_;
        emit MarketBound(market_);
    }

    /// @inheritdoc IIncentivePools
    function onSettlement(
        address consumer,
        address provider,
        uint256 paid,
        uint256 providerEarnings,
        bool referred
    ) external {
        RateConfig memory r = _rates;
        if (msg.sender != r.market) revert OnlyMarket(msg.sender);
        AccountState storage c = _accounts[consumer];

        if (paid != 0 && !c.paid) _join(c, consumer, paid);
        // An early adopter's bonus replaces the cashback and the API share on the part of the payment it covers (the
        // bound counts the larger); the rest (all of it once the cap or the pool is exhausted) earns them.
        uint256 rest = c.earlyAdopter ? _earlyBonus(consumer, paid) : paid;
        if (rest != 0) {
            uint256 toConsumer = _spend(Pool.Cashback, consumer, MarketMath.shareDown(rest, r.cashbackBps));
            if (c.developer) {
                // An open-source developer earns twice the API share (the bound counts it twice for everyone).
                uint256 apiBps = r.apiShareBps;
                if (address(_DEVELOPERS) != address(0) && _DEVELOPERS.isOpenSource(consumer)) apiBps *= 2;
                toConsumer += _spend(Pool.ApiShare, consumer, MarketMath.shareDown(rest, apiBps));
            }
            // The sum of two uint128 spends fits: each is at most its pool's funding.
            if (toConsumer != 0) c.owed = SafeCast.toUint128(c.owed + toConsumer);
        }

        if (!referred) return;
        ReferralState memory ref = _referrals[provider];
        if (ref.referrer != address(0) && block.timestamp < ref.until) {
            uint256 reward = _spend(Pool.Referral, ref.referrer, MarketMath.shareDown(providerEarnings, r.referralBps));
            if (reward != 0) {
                AccountState storage referrer = _accounts[ref.referrer];
                referrer.owed = SafeCast.toUint128(referrer.owed + reward);
            }
        }
    }

    /// @inheritdoc IIncentivePools
    function drawCreditBonus(uint256 amount) external returns (uint256 bonus) {
        RateConfig memory r = _rates;
        if (msg.sender != r.market) revert OnlyMarket(msg.sender);
        PoolState storage p = _pools[uint256(Pool.CreditBonus)];
        bonus = Math.min(MarketMath.shareDown(amount, r.creditBonusBps), p.funded - p.spent);
        if (bonus == 0) return 0;
        // bonus <= funded - spent, so spent stays within uint128.
        p.spent += uint128(bonus);
        emit CreditBonusDrawn(bonus);
        _TOKEN.safeTransfer(msg.sender, bonus);
    }

    /// @inheritdoc IIncentivePools
    function redeemEarlyCredits() external nonReentrant returns (uint256 amount) {
        EarlyCredit storage e = _earlyCredits[msg.sender];
        amount = e.pending;
        if (amount == 0) revert NoEarlyCredits(msg.sender);
        address market_ = _rates.market;
        e.pending = 0;
        _earlyRedeemed += amount;
        emit EarlyCreditsRedeemed(msg.sender, amount);
        // A pending bonus exists only after a settlement, so the market is bound; it credits what it received.
        _TOKEN.safeTransfer(market_, amount);
        IInferenceMarket(market_).grantCredits(msg.sender, amount);
    }

    // ------------------------------------------------------------------ referrals and developers

    /// @inheritdoc IIncentivePools
    function registerReferral(address referrer) external {
        if (!_STAKING.isRegistered(msg.sender)) revert NotAProvider(msg.sender);
        if (referrer == msg.sender) revert SelfReferral(msg.sender);
        address current = _referrals[msg.sender].referrer;
        if (current != address(0)) revert ReferralExists(msg.sender, current);
        if (!_STAKING.isActive(referrer)) revert ReferrerInactive(referrer);
        address market_ = _rates.market;
        if (market_ == address(0)) revert MarketNotBound();
        (, uint256 lifetime) = IInferenceMarket(market_).earningsOf(msg.sender);
        if (lifetime != 0) revert ProviderAlreadyEarned(msg.sender, lifetime);

        uint256 until = block.timestamp + _rates.referralDuration;
        _referrals[msg.sender] = ReferralState({referrer: referrer, until: SafeCast.toUint40(until)});
        emit ReferralRegistered(msg.sender, referrer, until);
        // The market (bound to these pools, no callback) flags the provider, so its settlements report the referral.
        IInferenceMarket(market_).markReferred(msg.sender);
    }

    /// @inheritdoc IIncentivePools
    function setDeveloper(address developer, bool approved) external restricted {
        if (developer == address(0)) revert ZeroAddress();
        _accounts[developer].developer = approved;
        emit DeveloperSet(developer, approved);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IIncentivePools
    function poolInfo(Pool pool) external view returns (PoolView memory) {
        PoolState memory p = _pools[uint256(pool)];
        return PoolView({funded: p.funded, spent: p.spent});
    }

    /// @inheritdoc IIncentivePools
    function owed(address account) external view returns (uint256) {
        return _accounts[account].owed;
    }

    /// @inheritdoc IIncentivePools
    function totalOwed() external view returns (uint256) {
        // Everything the three accruing pools spent was accrued to an account; claims paid part of it.
        return
            uint256(_pools[uint256(Pool.Cashback)].spent) +
            _pools[uint256(Pool.Referral)].spent +
            _pools[uint256(Pool.ApiShare)].spent +
            _pools[uint256(Pool.EarlyAdopter)].spent -
            _claimed -
            _earlyRedeemed;
    }

    /// @inheritdoc IIncentivePools
    function isDeveloper(address account) external view returns (bool) {
        return _accounts[account].developer;
    }

    /// @inheritdoc IIncentivePools
    function referralOf(address provider) external view returns (Referral memory) {
        ReferralState memory r = _referrals[provider];
        return Referral({referrer: r.referrer, until: r.until});
    }

    /// @inheritdoc IIncentivePools
    function earlyAdopterOf(address account) external view returns (bool member, uint256 earned, uint256 pending) {
        EarlyCredit memory e = _earlyCredits[account];
        return (_accounts[account].earlyAdopter, e.earned, e.pending);
    }

    /// @inheritdoc IIncentivePools
    function earlyAdopterCount() external view returns (uint256) {
        return _early.count;
    }

    /// @inheritdoc IIncentivePools
    function market() external view returns (address) {
        return _rates.market;
    }

    /// @inheritdoc IIncentivePools
    function incentiveBps() external view returns (uint256) {
        return _sum(_rates, _early.bonusBps);
    }

    /// @inheritdoc IIncentivePools
    function developerPrograms() external view returns (address) {
        return address(_DEVELOPERS);
    }

    /// @inheritdoc IIncentivePools
    function feeRouter() external view returns (address) {
        return address(_ROUTER);
    }

    // ------------------------------------------------------------------ parameters

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        RateConfig memory r = _rates;
        if (key == MarketKeys.CASHBACK_BPS) return r.cashbackBps;
        if (key == MarketKeys.REFERRAL_BPS) return r.referralBps;
        if (key == MarketKeys.API_SHARE_BPS) return r.apiShareBps;
        if (key == MarketKeys.CREDIT_BONUS_BPS) return r.creditBonusBps;
        if (key == MarketKeys.REFERRAL_DURATION) return r.referralDuration;
        if (key == MarketKeys.EARLY_ADOPTER_BPS) return _early.bonusBps;
        if (key == MarketKeys.EARLY_ADOPTER_CAP) return _early.capPerAccount;
        if (key == MarketKeys.EARLY_ADOPTER_MIN_PAYMENT) return _early.minPayment;
        revert UnknownParameter(key);
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        RateConfig memory r = _rates;
        // The early-adopter bonus replaces cashback and the API share, so the bound counts it as one more path.
        if (key == MarketKeys.EARLY_ADOPTER_BPS) {
            _checkBound(r, _atMost(key, value, BPS));
            _early.bonusBps = uint16(value);
            return;
        }
        if (key == MarketKeys.EARLY_ADOPTER_CAP) {
            _early.capPerAccount = uint128(_atMost(key, value, type(uint128).max));
            return;
        }
        if (key == MarketKeys.EARLY_ADOPTER_MIN_PAYMENT) {
            _early.minPayment = uint80(_atMost(key, value, type(uint80).max));
            return;
        }
        if (key == MarketKeys.REFERRAL_DURATION) {
            if (value > type(uint32).max) revert InvalidParameterValue(key, value);
            r.referralDuration = uint32(value);
        } else {
            if (value > BPS) revert InvalidParameterValue(key, value);
            if (key == MarketKeys.CASHBACK_BPS) r.cashbackBps = uint16(value);
            else if (key == MarketKeys.REFERRAL_BPS) r.referralBps = uint16(value);
            else if (key == MarketKeys.API_SHARE_BPS) r.apiShareBps = uint16(value);
            else if (key == MarketKeys.CREDIT_BONUS_BPS) r.creditBonusBps = uint16(value);
            else revert UnknownParameter(key);
        }
        if (!_valid(r)) revert InvalidParameterValue(key, value);
        _checkBound(r, _early.bonusBps);
        _rates = r;
    }

    // ------------------------------------------------------------------ internals

    /// @dev A payment from deposits before admission: once the consumer's payments reach the minimum, it joins the
    /// program if fewer than `EARLY_ADOPTER_LIMIT` joined before (otherwise admission is closed for it).
    function _join(AccountState storage c, address consumer, uint256 paid) private {
        EarlyConfig memory cfg = _early;
        uint256 total = c.paidBeforeJoin + paid;
        if (total < cfg.minPayment) {
            // total < minPayment <= uint80 max fits uint96.
            c.paidBeforeJoin = uint96(total);
            return;
        }
        c.paid = true;
        c.paidBeforeJoin = 0;
        if (cfg.count >= EARLY_ADOPTER_LIMIT) return;
        // count < 10,000 fits uint32.
        _early.count = cfg.count + 1;
        c.earlyAdopter = true;
        emit EarlyAdopterJoined(consumer, cfg.count + 1);
    }

    /// @dev An early adopter's bonus on `paid`: its rate, rounded down, up to what remains of its cap and the pool.
    /// Returns the part of `paid` the bonus does not cover, which earns the regular rewards: none when the full share
    /// was paid, all of it when nothing was (cap reached, pool empty or a zero share), and when the cap or the pool cut
    /// the share, what is left beyond `bonus / rate` (rounded up, so no part of the payment earns both).
    function _earlyBonus(address consumer, uint256 paid) private returns (uint256 rest) {
        EarlyConfig memory cfg = _early;
        EarlyCredit storage e = _earlyCredits[consumer];
        uint256 earned = e.earned;
        uint256 room = cfg.capPerAccount > earned ? cfg.capPerAccount - earned : 0;
        uint256 share = MarketMath.shareDown(paid, cfg.bonusBps);
        uint256 bonus = _spend(Pool.EarlyAdopter, consumer, Math.min(share, room));
        if (bonus == 0) return paid;
        // earned + bonus <= cap (uint128); pending <= earned.
        e.earned = uint128(earned + bonus);
        e.pending += uint128(bonus);
        // 0 < bonus <= share <= paid x rate / BPS, so the covered part is at most `paid`.
        if (bonus < share) rest = paid - Math.mulDiv(bonus, BPS, cfg.bonusBps, Math.Rounding.Ceil);
    }

    /// @dev Spends `amount` of a pool for `account`, capped by what remains; returns what was spent.
    function _spend(Pool pool, address account, uint256 amount) private returns (uint256 spent) {
        if (amount == 0) return 0;
        PoolState storage p = _pools[uint256(pool)];
        spent = Math.min(amount, p.funded - p.spent);
        if (spent == 0) return 0;
        // spent <= funded - spent before, so the sum stays within uint128.
        p.spent += uint128(spent);
        emit RewardAccrued(pool, account, spent);
    }

    /// @dev The bound of a self-dealing round trip: the rates' sum stays strictly below the router's protocol share.
    function _checkBound(RateConfig memory r, uint256 earlyBps) private view {
        uint256 sum = _sum(r, earlyBps);
        uint256 protocol = _ROUTER.protocolBps();
        if (sum >= protocol) revert IncentivesAboveProtocolShare(sum, protocol);
    }

    /// @dev What one settlement can return to a self-dealing party, per bps of its base fee, at most: a base paid
    /// from deposits earns cashback and the API share (doubled for open source), or an early adopter's bonus
    /// instead; a base paid from credits earned the credit bonus when they were bought; either earns the referral
    /// (see docs/market.md).
    function _sum(RateConfig memory r, uint256 earlyBps) private pure returns (uint256) {
        uint256 fromDeposits = Math.max(uint256(r.cashbackBps) + 2 * uint256(r.apiShareBps), earlyBps);
        return Math.max(fromDeposits, r.creditBonusBps) + r.referralBps;
    }

    /// @dev Every rate at most 100%; a positive referral duration.
    function _valid(RateConfig memory r) private pure returns (bool) {
        return
            r.cashbackBps <= BPS &&
            r.referralBps <= BPS &&
            r.apiShareBps <= BPS &&
            r.creditBonusBps <= BPS &&
            r.referralDuration > 0;
    }
}
