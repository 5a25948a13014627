// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

// The name is Chainlink's own (kept so the vendored copy is recognisable).
// solhint-disable interface-starts-with-i

/// @title AggregatorV3Interface
/// @notice Chainlink's price-feed interface, vendored with exactly Chainlink's function signatures.
/// @dev Origin: smartcontractkit/chainlink, `AggregatorV3Interface.sol` among the v0.8 shared interfaces
/// (the Chainlink contracts npm package). Vendored because that package cannot be installed here: its
/// dependency tree pulls GitHub-URL and Optimism packages. Any Chainlink feed, and any L2 sequencer-uptime
/// feed, speaks this interface; the devnet mocks in `contracts/mocks/` implement it.
interface AggregatorV3Interface {
    /// @notice Number of decimals of the answers.
    /// @return The feed's decimals.
    function decimals() external view returns (uint8);

    /// @notice What the feed prices, e.g. "ETH / USD".
    /// @return The description.
    function description() external view returns (string memory);

    /// @notice Version of the aggregator.
    /// @return The version.
    function version() external view returns (uint256);

    /// @notice Data of a past round.
    /// @param _roundId The round to read.
    /// @return roundId The round id.
    /// @return answer The answer of that round.
    /// @return startedAt When the round started.
    /// @return updatedAt When the answer was last updated.
    /// @return answeredInRound Deprecated: the round in which the answer was computed.
    function getRoundData(
        uint80 _roundId
    )
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);

    /// @notice Data of the latest round.
    /// @return roundId The round id.
    /// @return answer The latest answer.
    /// @return startedAt When the round started (for sequencer-uptime feeds: when the status last changed).
    /// @return updatedAt When the answer was last updated.
    /// @return answeredInRound Deprecated: the round in which the answer was computed.
    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);
}
