// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IMetricsRegistry} from "../../../contracts/interfaces/IMetricsRegistry.sol";

/// @notice The three reads the provider programs make of the metrics registry, set by the test.
contract MockMetrics {
    uint256 public minAttestations;
    uint256 public currentEpoch;
    /// @dev QUIVer's window: 90 epochs of a day.
    uint256 public windowEpochs = 90;
    mapping(address provider => IMetricsRegistry.RollingMetrics) private _rolling;

    constructor(uint256 minAttestations_) {
        minAttestations = minAttestations_;
    }

    function setRolling(address provider, uint256 attestations, uint256 uptimeBps, uint256 latestEpoch) external {
        _rolling[provider] = IMetricsRegistry.RollingMetrics({
            latestEpoch: latestEpoch,
            attestations: attestations,
            avgResponseMs: 80,
            avgUptimeBps: uptimeBps,
            avgAccuracyBps: 9_000
        });
    }

    function setWindowEpochs(uint256 epochs) external {
        windowEpochs = epochs;
    }

    function setCurrentEpoch(uint256 epoch) external {
        currentEpoch = epoch;
    }

    function rollingMetrics(address provider) external view returns (IMetricsRegistry.RollingMetrics memory) {
        return _rolling[provider];
    }

    function config() external view returns (IMetricsRegistry.Config memory c) {
        c.minAttestations = minAttestations;
        c.epochLength = 1 days;
        c.windowEpochs = windowEpochs;
    }
}
