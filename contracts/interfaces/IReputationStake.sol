// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IReputationStake
/// @notice Reputation stake of providers (QUIVer: extra QUIV staked to boost a reputation score;
/// Qerun: staking as a credibility signal): extra stake that earns nothing, raises a bounded reputation
/// score with diminishing returns, leaves through a cooldown, and is slashed with the provider.
/// @dev Deployed by the staking contract, which alone may slash it; the score's half-stake and the cooldown are
/// the staking module's governed `reputationHalfStake` and `unbondingPeriod`. One pending withdrawal per
/// provider: requesting more adds to it and restarts its cooldown. A slash takes the same share of the stake and
/// of the pending withdrawal, so leaving does not escape it.
interface IReputationStake {
    /// @notice A provider's reputation stake.
    /// @param stake Stake counting towards the score.
    /// @param pending Stake cooling down, withdrawable from `unlockAt`.
    /// @param unlockAt When the pending stake can be withdrawn (0 if none).
    struct ReputationAccount {
        uint128 stake;
        uint128 pending;
        uint48 unlockAt;
    }

    /// @notice A provider added reputation stake.
    /// @param provider The provider.
    /// @param amount Tokens added.
    /// @param stake Its reputation stake after.
    event ReputationAdded(address indexed provider, uint256 amount, uint256 stake);

    /// @notice A provider asked to withdraw reputation stake.
    /// @param provider The provider.
    /// @param amount Tokens moved to the cooldown.
    /// @param pending Everything cooling down after it.
    /// @param unlockAt When it can be withdrawn.
    event WithdrawalRequested(address indexed provider, uint256 amount, uint256 pending, uint256 unlockAt);

    /// @notice A provider cancelled its pending withdrawal.
    /// @param provider The provider.
    /// @param amount Tokens returned to the stake.
    event WithdrawalCancelled(address indexed provider, uint256 amount);

    /// @notice A provider withdrew its pending reputation stake.
    /// @param provider The provider.
    /// @param amount Tokens paid.
    event ReputationWithdrawn(address indexed provider, uint256 amount);

    /// @notice The staking contract slashed a provider's reputation stake.
    /// @param provider The provider.
    /// @param bps Share taken.
    /// @param amount Tokens burned.
    event ReputationSlashed(address indexed provider, uint256 bps, uint256 amount);

    /// @notice An amount of zero.
    error ZeroAmount();
    /// @notice The caller is not a registered provider.
    error NotAProvider(address account);
    /// @notice More than the provider's reputation stake.
    error InsufficientReputation(uint256 available, uint256 requested);
    /// @notice No pending withdrawal.
    error NoPendingWithdrawal(address provider);
    /// @notice The cooldown has not ended.
    error CooldownNotFinished(address provider, uint256 unlockAt);
    /// @notice A call reserved to the staking contract.
    error OnlyStaking(address caller);

    /// @notice Adds reputation stake (registered providers only), pulled from the caller.
    /// @param amount Tokens to add.
    function addStake(uint256 amount) external;

    /// @notice Moves reputation stake into the cooldown (the staking module's unbonding period).
    /// @param amount Tokens to move.
    function requestWithdrawal(uint256 amount) external;

    /// @notice Returns the pending withdrawal to the stake.
    function cancelWithdrawal() external;

    /// @notice Pays the pending withdrawal once its cooldown has ended.
    /// @return amount Tokens paid.
    function withdraw() external returns (uint256 amount);

    /// @notice Takes `bps` of a provider's reputation stake and pending withdrawal and burns it; rounds down.
    /// @dev Only the staking contract calls it, from its own `slash`.
    /// @param provider The provider.
    /// @param bps Share to take, in bps (below 10,000).
    /// @return amount Tokens burned.
    function slash(address provider, uint256 bps) external returns (uint256 amount);

    /// @notice A provider's reputation score, 0 to 1,000: `1000 * stake / (stake + reputationHalfStake)`, half the
    /// maximum at the half-stake, approaching 1,000 with diminishing returns; pending stake does not count.
    /// @param provider The provider.
    /// @return The score.
    function scoreOf(address provider) external view returns (uint256);

    /// @notice A provider's reputation stake.
    /// @param provider The provider.
    /// @return The stake, the pending withdrawal and its unlock time.
    function accountOf(address provider) external view returns (ReputationAccount memory);

    /// @notice Everything the contract owes (all stakes and pending withdrawals); its balance is never below it.
    /// @return Tokens owed.
    function totalOwed() external view returns (uint256);

    /// @notice The staking contract.
    /// @return Its address.
    function staking() external view returns (address);
}
