// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IProviderStaking} from "../../../contracts/interfaces/IProviderStaking.sol";

/// @notice One participant of the gas benchmark: in its constructor it takes tokens from the factory that
/// deploys it, then registers as a provider or delegates, from its own address. It keeps no code.
contract BenchStaker {
    constructor(IProviderStaking staking, IERC20 token, address provider, uint256 amount) {
        BenchStakers(msg.sender).fund(amount);
        token.approve(address(staking), amount);
        if (provider == address(0)) staking.registerProvider(amount);
        else staking.delegate(provider, amount);
    }
}

/// @notice Test-only factory for the gas benchmark: opens many staking positions per transaction, each from a
/// distinct address, so a benchmark can measure a user action with 10 or 10,000 other stakers cheaply.
/// @dev Holds the tokens it hands out; `fund` pays any caller (test-only, never deployed outside a devnet).
contract BenchStakers {
    IProviderStaking public immutable staking;
    IERC20 public immutable token;
    address[] public providers;

    constructor(IProviderStaking staking_, IERC20 token_) {
        staking = staking_;
        token = token_;
    }

    /// @notice Pays `amount` to the staker being constructed.
    function fund(uint256 amount) external {
        require(token.transfer(msg.sender, amount), "transfer");
    }

    /// @notice Opens `count` positions: every `providerEvery`-th a new provider with `providerStake`, the others
    /// delegations of `amount` to the providers created so far (or to `fallbackProvider` before the first).
    function create(
        uint256 count,
        uint256 providerEvery,
        uint256 providerStake,
        uint256 amount,
        address fallbackProvider
    ) external {
        for (uint256 i; i < count; ++i) {
            uint256 n = providers.length;
            if (providerEvery != 0 && i % providerEvery == 0) {
                providers.push(address(new BenchStaker(staking, token, address(0), providerStake)));
            } else {
                address provider = n == 0 ? fallbackProvider : providers[i % n];
                new BenchStaker(staking, token, provider, amount);
            }
        }
    }
}
