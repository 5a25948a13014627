// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

import {IInferenceMarket} from "../../../contracts/interfaces/IInferenceMarket.sol";

/// @notice A smart-contract consumer (ERC-1271): it accepts a voucher signature when its owner's key signed the digest.
contract MockWalletConsumer is IERC1271 {
    address public immutable owner;

    constructor(address owner_) {
        owner = owner_;
    }

    /// @notice Approves the market and deposits `amount` of the wallet's tokens.
    function deposit(IInferenceMarket market, IERC20 token, uint256 amount) external {
        token.approve(address(market), amount);
        market.deposit(amount);
    }

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        (address recovered, ECDSA.RecoverError err, ) = ECDSA.tryRecover(hash, signature);
        return err == ECDSA.RecoverError.NoError && recovered == owner ? this.isValidSignature.selector : bytes4(0);
    }
}
