// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";

import {IInferenceMarket} from "../../../contracts/interfaces/IInferenceMarket.sol";
import {IProviderStaking} from "../../../contracts/interfaces/IProviderStaking.sol";

/// @notice One consumer of the gas benchmark: in its constructor it takes tokens from the crowd that deploys it and
/// deposits them; it accepts any voucher signature (ERC-1271), so the crowd can settle for it without keys.
/// @dev Test-only: never deploy outside a devnet.
contract BenchConsumer is IERC1271 {
    constructor(IInferenceMarket market, IERC20 token, uint256 amount) {
        BenchMarketCrowd(msg.sender).fund(amount);
        token.approve(address(market), amount);
        market.deposit(amount);
    }

    function isValidSignature(bytes32, bytes calldata) external pure returns (bytes4) {
        return IERC1271.isValidSignature.selector;
    }
}

/// @notice Test-only crowd for the gas benchmark: a registered provider that creates many consumers per transaction,
/// each with its own escrow, and settles one voucher from each, so a benchmark can measure a market action with 10 or
/// 10,000 other consumers, channels and settlements cheaply.
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

    /// @notice Creates `count` consumers with `deposit` each and settles `amount` of list value for `tokens` generated
    /// tokens of `modelId` from each.
    function create(uint256 count, bytes32 modelId, uint256 deposit, uint256 amount, uint256 tokens) external {
        for (uint256 i; i < count; ++i) {
            address consumer = address(new BenchConsumer(market, token, deposit));
            IInferenceMarket.Voucher memory v = IInferenceMarket.Voucher({
                consumer: consumer,
                provider: address(this),
                batch: false,
                modelId: modelId,
                priorityBps: 0,
                epoch: 0,
                cumulativeAmount: amount,
                cumulativeTokens: tokens,
                deadline: block.timestamp
            });
            market.settle(v, "");
        }
    }
}
