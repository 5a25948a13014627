// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IRewardReceiver} from "./IRewardReceiver.sol";

/// @title ILiquidityIncentives
/// @notice Liquidity-provider rewards: stake a pool's LP token and earn the reward token from a funded stream, pro
/// rata to stake (a reward-per-token accumulator, O(1) per action, rounding down).
/// @dev Unlike Synthetix's StakingRewards, nothing streamed while nobody is staked is lost: the stream pauses (its end
/// moves later by the idle time), so the first staker after an idle stretch does not take the backlog at once.
interface ILiquidityIncentives is IRewardReceiver {
    /// @notice LP tokens were staked.
    /// @param account The staker.
    /// @param amount LP tokens, in wei.
    event Staked(address indexed account, uint256 amount);
    /// @notice LP tokens were withdrawn.
    /// @param account The staker.
    /// @param amount LP tokens, in wei.
    event Withdrawn(address indexed account, uint256 amount);
    /// @notice Rewards were paid.
    /// @param account The staker.
    /// @param amount Reward tokens, in wei.
    event RewardPaid(address indexed account, uint256 amount);
    /// @notice A funded amount was added to the stream.
    /// @param amount Reward tokens, in wei.
    /// @param rate The new rate, in wei per second.
    /// @param periodFinish When the stream ends.
    event RewardAdded(uint256 amount, uint256 rate, uint256 periodFinish);

    /// @notice An amount is zero.
    error ZeroAmount();
    /// @notice A withdrawal above the stake.
    /// @param amount Asked.
    /// @param balance Staked.
    error InsufficientStake(uint256 amount, uint256 balance);
    /// @notice The pool does not hold the reward tokens it is told about.
    /// @param balance Reward tokens held.
    /// @param required Owed plus the new amount.
    error InsufficientRewardBalance(uint256 balance, uint256 required);
    /// @notice A constructor argument is invalid (0 staking token, 1 reward token, 2 duration).
    /// @param field Which one.
    error InvalidConfig(uint256 field);

    /// @notice Stakes LP tokens (approve first).
    /// @param amount LP tokens, in wei.
    function stake(uint256 amount) external;

    /// @notice Withdraws staked LP tokens (rewards stay claimable).
    /// @param amount LP tokens, in wei.
    function withdraw(uint256 amount) external;

    /// @notice Pays the caller's accrued rewards.
    /// @return paid Reward tokens, in wei.
    function claim() external returns (uint256 paid);

    /// @notice The caller's stake.
    /// @param account The staker.
    /// @return LP tokens, in wei.
    function balanceOf(address account) external view returns (uint256);

    /// @notice All LP tokens staked.
    /// @return LP tokens, in wei.
    function totalStaked() external view returns (uint256);

    /// @notice Rewards accrued to `account` and not yet paid.
    /// @param account The staker.
    /// @return Reward tokens, in wei.
    function earned(address account) external view returns (uint256);

    /// @notice Rewards funded and not yet paid (an upper bound on what the pool owes).
    /// @return Reward tokens, in wei.
    function rewardReserve() external view returns (uint256);

    /// @notice The staked LP token.
    /// @return The token.
    function stakingToken() external view returns (address);

    /// @notice The reward token.
    /// @return The token.
    function rewardToken() external view returns (address);
}
