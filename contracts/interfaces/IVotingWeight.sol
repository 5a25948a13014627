// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IVotingWeight
/// @notice A source of voting weight read by governance at past timestamps (the read side of ERC-5805,
/// timestamp clock). The staking module implements it for staked and locked weight (1.5x, rising to 2x
/// for locks of a year or more); governance adds it to the token's delegated votes (1x).
/// @dev `getPastVotes` must be final for any `timepoint < clock()`: nothing done at or after `timepoint`
/// may change it, so a flash loan or a same-block stake carries no weight at a snapshot.
interface IVotingWeight {
    /// @notice The current timepoint: `block.timestamp`.
    /// @return The current timestamp, as a uint48.
    function clock() external view returns (uint48);

    // solhint-disable func-name-mixedcase
    /// @notice ERC-6372 clock description; always "mode=timestamp".
    /// @return The clock mode.
    function CLOCK_MODE() external view returns (string memory);
    // solhint-enable func-name-mixedcase

    /// @notice The account's voting weight now.
    /// @param account The voter.
    /// @return The weight, in token wei (already multiplied).
    function getVotes(address account) external view returns (uint256);

    /// @notice The account's voting weight at a past timestamp.
    /// @dev Reverts for `timepoint >= clock()` (ERC5805FutureLookup-style), like OpenZeppelin's Votes.
    /// @param account The voter.
    /// @param timepoint A timestamp strictly before `clock()`.
    /// @return The weight at `timepoint`, in token wei (already multiplied).
    function getPastVotes(address account, uint256 timepoint) external view returns (uint256);
}
