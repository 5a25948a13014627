// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ISubscriptionManager} from "../../../contracts/interfaces/ISubscriptionManager.sol";

/// @notice Benchmark helper holding the GATEWAY role: reports calls for many providers in few transactions, so the
/// gas of one more report or claim can be compared between 10 and 10,000 providers in an epoch. Test-only.
contract DistributionCrowd {
    ISubscriptionManager public immutable subscriptions;

    constructor(ISubscriptionManager subscriptions_) {
        subscriptions = subscriptions_;
    }

    /// @dev `calls` for subscription `id` by the providers `address(first)`, ..., `address(first + count - 1)`.
    function report(uint256 epoch, uint256 id, uint256 first, uint256 count, uint256 calls) external {
        for (uint256 i; i < count; ++i) subscriptions.reportCalls(epoch, id, address(uint160(first + i)), calls);
    }
}
