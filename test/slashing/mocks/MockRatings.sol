// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice A ratings source answering `IRatings.qualityInputOf` with figures a test sets.
contract MockRatings {
    uint256 private _scoreBps;
    uint256 private _weightBps;

    function set(uint256 scoreBps, uint256 weightBps) external {
        _scoreBps = scoreBps;
        _weightBps = weightBps;
    }

    function qualityInputOf(address) external view returns (uint256 scoreBps, uint256 weightBps) {
        return (_scoreBps, _weightBps);
    }
}
