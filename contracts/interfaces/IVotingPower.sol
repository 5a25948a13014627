// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC6372} from "@openzeppelin/contracts/interfaces/IERC6372.sol";

/// @title IVotingPower
/// @notice The governance vote source of a preset: at any past timestamp, an account's votes are the
/// protocol token's votes delegated to it (1 per token) plus its weighted stake in the staking module
/// (1.5 per staked token, rising to 2 for locks of a year or more: `IVotingWeight`).
/// @dev The read side of ERC-5805 on a timestamp clock (`clock`, `CLOCK_MODE`, `getVotes`, `getPastVotes`):
/// delegation itself happens on the token; staked tokens sit in the staking contract, which never
/// delegates them, so they are not counted twice. Every past read comes from checkpoints that nothing done
/// at or after the timepoint can change, so a flash loan, a same-block stake or a transfer after a
/// proposal's snapshot changes nothing.
interface IVotingPower is IERC6372 {
    /// @notice A vote source's clock is not `mode=timestamp`.
    /// @param source The token or staking module.
    error ClockModeMismatch(address source);

    /// @notice The token address given at deployment is zero.
    error ZeroToken();

    /// @notice An account's votes now.
    /// @param account The voter.
    /// @return Delegated token votes plus weighted stake, in token wei.
    function getVotes(address account) external view returns (uint256);

    /// @notice An account's votes at a past timestamp.
    /// @dev Reverts (ERC5805FutureLookup, from the token) for `timepoint >= clock()`.
    /// @param account The voter.
    /// @param timepoint A timestamp strictly before `clock()`.
    /// @return Delegated token votes plus weighted stake at `timepoint`, in token wei.
    function getPastVotes(address account, uint256 timepoint) external view returns (uint256);

    /// @notice The protocol token whose delegated votes count 1x.
    /// @return The token (ERC20Votes, timestamp clock).
    function token() external view returns (address);

    /// @notice The staking module whose weighted stake is added, or zero when the preset has none.
    /// @return The `IVotingWeight` source.
    function votingWeight() external view returns (address);
}
