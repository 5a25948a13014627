// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AggregatorV3Interface} from "../interfaces/external/AggregatorV3Interface.sol";

/// @title MockAggregatorV3
/// @notice Devnet Chainlink feed whose deployer sets the answer, the round and its timestamps. It serves as a
/// price feed (e.g. 8 decimals, USD per token) or as an L2 sequencer-uptime feed (0 decimals, answer 0 = up,
/// 1 = down, `startedAt` = when the status changed). Never deploy it outside a devnet.
contract MockAggregatorV3 is AggregatorV3Interface {
    /// @notice The caller is not the deployer.
    error NotOwner(address caller);
    /// @notice No data for the round asked.
    error NoDataPresent(uint80 roundId);

    address private immutable _OWNER;
    uint8 private immutable _DECIMALS;
    string private _description;

    uint80 private _roundId;
    int256 private _answer;
    uint256 private _startedAt;
    uint256 private _updatedAt;

    /// @notice Deploys the feed with a first round at the current time.
    /// @param decimals_ Decimals of the answers.
    /// @param description_ What the feed prices.
    /// @param answer_ First answer.
    constructor(uint8 decimals_, string memory description_, int256 answer_) {
        _OWNER = msg.sender;
        _DECIMALS = decimals_;
        _description = description_;
        _roundId = 1;
        _answer = answer_;
        _startedAt = block.timestamp;
        _updatedAt = block.timestamp;
    }

    /// @notice Publishes a new round with `answer_`, started and updated now.
    /// @param answer_ The answer.
    function setAnswer(int256 answer_) external {
        _onlyOwner();
        ++_roundId;
        _answer = answer_;
        _startedAt = block.timestamp;
        _updatedAt = block.timestamp;
    }

    /// @notice Sets every field of the latest round (for stale, future-dated or sequencer scenarios).
    /// @param roundId_ Round id.
    /// @param answer_ Answer.
    /// @param startedAt_ When the round started.
    /// @param updatedAt_ When it was updated.
    function setRoundData(uint80 roundId_, int256 answer_, uint256 startedAt_, uint256 updatedAt_) external {
        _onlyOwner();
        _roundId = roundId_;
        _answer = answer_;
        _startedAt = startedAt_;
        _updatedAt = updatedAt_;
    }

    /// @inheritdoc AggregatorV3Interface
    function decimals() external view returns (uint8) {
        return _DECIMALS;
    }

    /// @inheritdoc AggregatorV3Interface
    function description() external view returns (string memory) {
        return _description;
    }

    /// @inheritdoc AggregatorV3Interface
    function version() external pure returns (uint256) {
        return 4;
    }

    /// @inheritdoc AggregatorV3Interface
    /// @dev Only the latest round is kept.
    function getRoundData(uint80 roundId_) external view returns (uint80, int256, uint256, uint256, uint80) {
        if (roundId_ != _roundId) revert NoDataPresent(roundId_);
        return (_roundId, _answer, _startedAt, _updatedAt, _roundId);
    }

    /// @inheritdoc AggregatorV3Interface
    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        return (_roundId, _answer, _startedAt, _updatedAt, _roundId);
    }

    function _onlyOwner() private view {
        if (msg.sender != _OWNER) revert NotOwner(msg.sender);
    }
}
