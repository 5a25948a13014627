// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IParameterized} from "./IParameterized.sol";

/// @title IIncentivePools
/// @notice The market's incentives (QUIVer's provider, consumer and developer incentives), each paid from its own
/// funded pool, never minted: consumer cashback (2% of what a consumer pays from its deposits), referral (5% of a
/// referred provider's earnings for one year), API revenue share (5% of what an approved developer pays from its
/// deposits, 10% for an open-source one) and the prepaid-credit bonus (7% of credits bought).
/// @dev Anyone funds a pool by transferring tokens through `fund`. The market (bound once at deployment) calls
/// `onSettlement` at every settlement and `drawCreditBonus` at every credit purchase; each reward is its rate times
/// the amount, rounded down, and never more than what remains in its pool (a dry pool pays nothing; it never goes
/// negative). Rewards accrue to accounts, which `claim` them. Invariant: for each pool `spent <= funded`; claimed +
/// owed == spent for the three accruing pools; the balance == remaining + owed. Governed rates (keys in
/// `MarketKeys`) are set through the ParameterRegistry.
interface IIncentivePools is IParameterized {
    /// @notice The pools.
    enum Pool {
        Cashback,
        Referral,
        ApiShare,
        CreditBonus,
        EarlyAdopter
    }

    /// @notice Initial values of the governed rates.
    /// @param cashbackBps Cashback, bps of what a consumer pays.
    /// @param referralBps Referral reward, bps of a referred provider's earnings.
    /// @param referralDuration How long a referral earns, seconds.
    /// @param apiShareBps API revenue share, bps of what an approved developer pays.
    /// @param creditBonusBps Bonus on prepaid credits, bps of the credits bought.
    /// @param earlyAdopterBps Early adopters' bonus credits, bps of what they pay from deposits.
    /// @param earlyAdopterCap Most bonus credits one early adopter earns in all, token wei.
    /// @param earlyAdopterMinPayment What a consumer must have paid from deposits to join the early adopters, token
    /// wei (so a place costs real payments, not a 1-wei settlement).
    struct Rates {
        uint256 cashbackBps;
        uint256 referralBps;
        uint256 referralDuration;
        uint256 apiShareBps;
        uint256 creditBonusBps;
        uint256 earlyAdopterBps;
        uint256 earlyAdopterCap;
        uint256 earlyAdopterMinPayment;
    }

    /// @notice A pool's totals.
    /// @param funded Everything funded into it.
    /// @param spent Everything it paid or accrued to accounts (at most `funded`).
    struct PoolView {
        uint256 funded;
        uint256 spent;
    }

    /// @notice A referral: the referred provider's earnings earn the referrer a share until `until`.
    /// @param referrer The referrer (a provider).
    /// @param until When the referral stops earning.
    struct Referral {
        address referrer;
        uint256 until;
    }

    /// @notice A pool was funded.
    /// @param pool The pool.
    /// @param funder Who paid.
    /// @param amount Tokens added.
    event PoolFunded(Pool indexed pool, address indexed funder, uint256 amount);

    /// @notice A reward accrued to an account.
    /// @param pool The pool it came from.
    /// @param account The account.
    /// @param amount Tokens accrued.
    event RewardAccrued(Pool indexed pool, address indexed account, uint256 amount);

    /// @notice The credit-bonus pool paid a bonus to the market for a consumer's credits.
    /// @param amount Tokens paid.
    event CreditBonusDrawn(uint256 amount);

    /// @notice An account claimed its rewards.
    /// @param account The account.
    /// @param amount Tokens paid.
    event RewardsClaimed(address indexed account, uint256 amount);

    /// @notice The admin bound the inference market.
    /// @param market The market.
    event MarketBound(address market);

    /// @notice A provider named its referrer.
    /// @param provider The referred provider.
    /// @param referrer The referrer.
    /// @param until When the referral stops earning.
    event ReferralRegistered(address indexed provider, address indexed referrer, uint256 until);

    /// @notice The curator approved or revoked a developer.
    /// @param developer The developer account.
    /// @param approved Its new status.
    event DeveloperSet(address indexed developer, bool approved);
    /// @notice `consumer`'s payments from deposits reached the minimum and it became early adopter number `ordinal`
    /// (from 1).
    /// @param consumer The consumer.
    /// @param ordinal Its place in the program.
    event EarlyAdopterJoined(address indexed consumer, uint256 ordinal);
    /// @notice `consumer` turned `amount` of its early-adopter bonus into market credits.
    /// @param consumer The consumer.
    /// @param amount Credits granted, token wei.
    event EarlyCreditsRedeemed(address indexed consumer, uint256 amount);

    /// @notice A zero amount.
    error ZeroAmount();
    /// @notice The account has no early-adopter credits to redeem.
    error NoEarlyCredits(address account);
    /// @notice The zero address.
    error ZeroAddress();
    /// @notice Only the market may call this.
    error OnlyMarket(address caller);
    /// @notice The market is already bound (or the zero address was given).
    error MarketAlreadyBound(address market);
    /// @notice No market is bound yet (a referral needs one: the market flags the referred provider).
    error MarketNotBound();
    /// @notice The account has nothing to claim.
    error NothingToClaim(address account);
    /// @notice The caller is not a registered provider.
    error NotAProvider(address account);
    /// @notice The referrer is not an active provider.
    error ReferrerInactive(address referrer);
    /// @notice A provider cannot refer itself.
    error SelfReferral(address provider);
    /// @notice The provider already named a referrer.
    error ReferralExists(address provider, address referrer);
    /// @notice The provider has already earned in the market: a referral must come first.
    error ProviderAlreadyEarned(address provider, uint256 lifetimeEarnings);
    /// @notice The preset's initial rates break a rule of the pools.
    error InvalidConfiguration();
    /// @notice The incentive rates would reach the protocol's share of a base fee (a self-dealing round trip would
    /// pay back what it costs).
    /// @param incentiveBps The bound's incentive figure (see `incentiveBps()`).
    /// @param protocolBps The fee router's protocol share.
    error IncentivesAboveProtocolShare(uint256 incentiveBps, uint256 protocolBps);

    /// @notice Adds `amount` to a pool (pulls it from the caller; approve first). Anyone may fund.
    /// @param pool The pool.
    /// @param amount Tokens, in wei.
    function fund(Pool pool, uint256 amount) external;

    /// @notice Turns the caller's early-adopter bonus into credits in the market (spendable there only, never
    /// withdrawn): the pools transfer the tokens to the market, which credits the caller.
    /// @return amount Credits granted.
    function redeemEarlyCredits() external returns (uint256 amount);

    /// @notice An account's early-adopter standing.
    /// @param account The account.
    /// @return member Whether it was among the first `EARLY_ADOPTER_LIMIT` paying consumers.
    /// @return earned Bonus earned in all (at most the cap).
    /// @return pending Bonus not yet redeemed.
    function earlyAdopterOf(address account) external view returns (bool member, uint256 earned, uint256 pending);

    /// @notice How many consumers have paid at least once, up to `EARLY_ADOPTER_LIMIT` (the count stops there).
    /// @return The count.
    function earlyAdopterCount() external view returns (uint256);

    // solhint-disable func-name-mixedcase
    /// @notice How many paying consumers the early-adopter program admits (QUIVer: 10,000).
    /// @return The limit.
    function EARLY_ADOPTER_LIMIT() external view returns (uint256);
    // solhint-enable func-name-mixedcase

    /// @notice Binds the inference market, the only caller of `onSettlement` and `drawCreditBonus`; once.
    /// @dev Restricted to the admin (the deploy step). Reverts `MarketAlreadyBound` if bound or if `market_` is zero.
    /// @param market_ The market.
    function bindMarket(address market_) external;

    /// @notice Accrues the rewards of a settlement: cashback (and the API share if `consumer` is an approved
    /// developer, twice the rate if the developer programs flag it open source) on `paid`, and the referral reward
    /// on `providerEarnings` while the provider's referral lasts.
    /// @dev Only the market. Each reward is capped by what remains in its pool. Priority fees are outside both
    /// bases (they go wholly to the provider, so the protocol earns nothing on them to pay incentives with).
    /// @param consumer The consumer who paid.
    /// @param provider The provider paid.
    /// @param paid The part of the base fee the consumer paid from its deposits. The part paid with prepaid credits
    /// earns neither cashback nor API share: credits already carry their bonus.
    /// @param providerEarnings The provider's share of the base fee.
    /// @param referred Whether the provider registered a referral (the market's flag, set by `registerReferral`); a
    /// provider never referred costs no referral read.
    function onSettlement(
        address consumer,
        address provider,
        uint256 paid,
        uint256 providerEarnings,
        bool referred
    ) external;

    /// @notice What the bound holds below the protocol's share: the most one settlement can return to a party that
    /// pays itself, `max(cashback + 2 x API share, early-adopter bonus, credit bonus) + referral` (a base fee is paid
    /// either from deposits, which earn cashback and the API share, doubled for open-source developers, or an early
    /// adopter's bonus instead, or from credits, which earned the credit bonus; all earn the referral).
    /// @return The bound's incentive figure, in bps.
    function incentiveBps() external view returns (uint256);

    /// @notice The developer programs whose open-source flag doubles a developer's API share (zero: none).
    /// @return The developer programs.
    function developerPrograms() external view returns (address);

    /// @notice The fee router whose protocol share bounds the rates.
    /// @return Its address.
    function feeRouter() external view returns (address);

    /// @notice Pays the market the bonus on `amount` of credits, capped by what remains in the credit-bonus pool.
    /// @dev Only the market.
    /// @param amount Credits bought.
    /// @return bonus Tokens transferred to the market.
    function drawCreditBonus(uint256 amount) external returns (uint256 bonus);

    /// @notice Names the caller's referrer: the caller (a registered provider that has not earned in the market
    /// yet) pays nothing; its referrer earns `referralBps` of its earnings from the pool for `referralDuration`.
    /// @dev Needs the bound market (`MarketNotBound` before), which it asks to flag the caller as referred.
    /// @param referrer An active provider other than the caller.
    function registerReferral(address referrer) external;

    /// @notice Approves or revokes a developer for the API revenue share.
    /// @dev Restricted to the market curator role.
    /// @param developer The developer's consumer account.
    /// @param approved Whether it earns the share.
    function setDeveloper(address developer, bool approved) external;

    /// @notice Pays the caller everything accrued to it.
    /// @return amount Tokens paid.
    function claim() external returns (uint256 amount);

    /// @notice A pool's totals.
    /// @param pool The pool.
    /// @return The totals.
    function poolInfo(Pool pool) external view returns (PoolView memory);

    /// @notice What an account can claim.
    /// @param account The account.
    /// @return Tokens owed.
    function owed(address account) external view returns (uint256);

    /// @notice Everything accrued and not yet claimed, across accounts.
    /// @return Tokens owed.
    function totalOwed() external view returns (uint256);

    /// @notice Whether an account earns the API revenue share.
    /// @param account The account.
    /// @return Whether it is an approved developer.
    function isDeveloper(address account) external view returns (bool);

    /// @notice A provider's referral.
    /// @param provider The referred provider.
    /// @return The referral (zero referrer if none).
    function referralOf(address provider) external view returns (Referral memory);

    /// @notice The market, the only caller of `onSettlement` and `drawCreditBonus`.
    /// @return Its address (zero until bound).
    function market() external view returns (address);
}
