// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IDistributionEngine} from "../../../contracts/interfaces/IDistributionEngine.sol";
import {IRewardReceiver} from "../../../contracts/interfaces/IRewardReceiver.sol";

/// @notice A notified pool that tries to re-enter the engine while it is being paid; keeps the revert data.
contract ReenteringReceiver is IRewardReceiver {
    IDistributionEngine public engine;
    bytes public closeResult;
    bytes public sweepResult;

    function setEngine(IDistributionEngine engine_) external {
        engine = engine_;
    }

    function notifyRewardAmount(uint256) external {
        try engine.closeEpoch() {
            revert("closeEpoch re-entered");
        } catch (bytes memory result) {
            closeResult = result;
        }
        try engine.sweep(0, 0) {
            revert("sweep re-entered");
        } catch (bytes memory result) {
            sweepResult = result;
        }
    }
}
