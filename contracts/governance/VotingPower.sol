// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

import {IVotingPower} from "../interfaces/IVotingPower.sol";
import {IVotingWeight} from "../interfaces/IVotingWeight.sol";

/// @title VotingPower
/// @notice Sums, at a past timestamp, the token's delegated votes (1x) and the staking module's weighted stake.
contract VotingPower is IVotingPower {
    IERC5805 private immutable _TOKEN;
    IVotingWeight private immutable _WEIGHT;

    /// @notice Binds the two vote sources; both must keep time by timestamp.
    /// @param token_ The protocol token (ERC20Votes on a timestamp clock).
    /// @param weight_ The staking module's weighted stake, or the zero address for a preset without staking.
    constructor(IERC5805 token_, IVotingWeight weight_) {
        if (address(token_) == address(0)) revert ZeroToken();
        _requireTimestampClock(address(token_), token_.CLOCK_MODE());
        if (address(weight_) != address(0)) _requireTimestampClock(address(weight_), weight_.CLOCK_MODE());
        _TOKEN = token_;
        _WEIGHT = weight_;
    }

    /// @inheritdoc IVotingPower
    function getVotes(address account) external view returns (uint256) {
        uint256 votes = _TOKEN.getVotes(account);
        if (address(_WEIGHT) != address(0)) votes += _WEIGHT.getVotes(account);
        return votes;
    }

    /// @inheritdoc IVotingPower
    function getPastVotes(address account, uint256 timepoint) external view returns (uint256) {
        uint256 votes = _TOKEN.getPastVotes(account, timepoint);
        if (address(_WEIGHT) != address(0)) votes += _WEIGHT.getPastVotes(account, timepoint);
        return votes;
    }

    /// @inheritdoc IVotingPower
    function token() external view returns (address) {
        return address(_TOKEN);
    }

    /// @inheritdoc IVotingPower
    function votingWeight() external view returns (address) {
        return address(_WEIGHT);
    }

    /// @notice The current timepoint: the block timestamp (ERC-6372).
    /// @return The block timestamp.
    function clock() external view returns (uint48) {
        return Time.timestamp();
    }

    // solhint-disable func-name-mixedcase
    /// @notice ERC-6372 clock description; always "mode=timestamp".
    /// @return The clock mode.
    function CLOCK_MODE() external pure returns (string memory) {
        return "mode=timestamp";
    }
    // solhint-enable func-name-mixedcase

    function _requireTimestampClock(address source, string memory mode) private pure {
        if (keccak256(bytes(mode)) != keccak256("mode=timestamp")) revert ClockModeMismatch(source);
    }
}
