// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IInferenceMarket} from "../../../contracts/interfaces/IInferenceMarket.sol";
import {IProviderStaking} from "../../../contracts/interfaces/IProviderStaking.sol";

/// @notice One consumer of the gas benchmark: in its constructor it takes tokens from the crowd that deploys it,
/// deposits them and reserves half for the crowd (a provider).
/// @dev Test-only: never deploy outside a devnet.
contract BenchConsumer {
    constructor(IInferenceMarket market, IERC20 token, uint256 amount) {
        BenchMarketCrowd(msg.sender).fund(amount);
        token.approve(address(market), amount);
        market.deposit(amount);
        market.reserve(msg.sender, amount / 2);
    }
}

/// @notice Test-only crowd for the gas benchmark: a registered provider that creates many consumers per transaction,
/// each with its own escrow and a reserve for the crowd, so a benchmark can measure a market action with 10 or 10,000
/// other consumers and reserves cheaply (vouchers need the consumers' ECDSA signatures, which a contract cannot make).
contract BenchMarketCrowd {
    IInferenceMarket public immutable market;
    IERC20 public immutable token;
    IProviderStaking public immutable staking;

    constructor(IInferenceMarket market_, IERC20 token_, IProviderStaking staking_) {
        market = market_;
        token = token_;
        staking = staking_;
    }

    /// @notice Registers the crowd as a provider with `stake` of its tokens.
    function register(uint256 stake) external {
        token.approve(address(staking), stake);
        staking.registerProvider(stake);
    }

    /// @notice Pays `amount` to the consumer being constructed.
    function fund(uint256 amount) external {
        require(token.transfer(msg.sender, amount), "transfer");
    }

    /// @notice Creates `count` consumers with `deposit` each (half of it reserved for the crowd).
    function create(uint256 count, uint256 deposit) external {
        for (uint256 i; i < count; ++i) new BenchConsumer(market, token, deposit);
    }
}
