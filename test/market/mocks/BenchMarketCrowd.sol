// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IInferenceMarket} from "../../../contracts/interfaces/IInferenceMarket.sol";
import {IProviderStaking} from "../../../contracts/interfaces/IProviderStaking.sol";

/// @notice One consumer of the gas benchmark: in its constructor it takes tokens from the crowd that deploys it,
/// deposits them, registers as its signer the key that the crowd's fixed signature recovers to for its voucher, and
/// reserves half for the crowd (a provider).
/// @dev Test-only: never deploy outside a devnet.
contract BenchConsumer {
    constructor(IInferenceMarket market, IERC20 token, uint256 amount, IInferenceMarket.Voucher memory voucher) {
        BenchMarketCrowd crowd = BenchMarketCrowd(msg.sender);
        crowd.fund(amount);
        token.approve(address(market), amount);
        market.deposit(amount);
        voucher.consumer = address(this);
        market.setSigner(ecrecover(market.hashVoucher(voucher), 27, bytes32(crowd.R()), bytes32(crowd.S())));
        market.reserve(msg.sender, amount / 2);
    }
}

/// @notice Test-only crowd for the gas benchmark: a registered provider that creates many consumers per transaction,
/// each with its own escrow, a reserve for the crowd and a settled channel with it, so a benchmark can measure a market
/// action with 10 or 10,000 other consumers, reserves and channels cheaply. A contract cannot make an ECDSA signature,
/// so each consumer registers as its signer whatever address one fixed signature (r = the curve generator's x, s = 1)
/// recovers to over its voucher; the crowd then settles that voucher with that signature.
contract BenchMarketCrowd {
    /// @notice The fixed signature's r (the x coordinate of secp256k1's generator, a valid point) and s.
    uint256 public constant R = 0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798;
    uint256 public constant S = 1;

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

    /// @notice Creates `count` consumers with `deposit` each (half of it reserved for the crowd), and settles one
    /// voucher of each for `amount` of list value of model `modelId` (its channel's first settlement).
    function create(uint256 count, uint256 deposit, bytes32 modelId, uint256 amount) external {
        IInferenceMarket.Voucher memory v = IInferenceMarket.Voucher({
            consumer: address(0),
            provider: address(this),
            batch: false,
            modelId: modelId,
            priorityBps: 0,
            epoch: 0,
            cumulativeAmount: amount,
            cumulativeTokens: 1_000,
            deadline: type(uint256).max
        });
        bytes memory signature = abi.encodePacked(bytes32(R), bytes32(S), uint8(27));
        for (uint256 i; i < count; ++i) {
            v.consumer = address(new BenchConsumer(market, token, deposit, v));
            market.settle(v, signature);
        }
    }
}
