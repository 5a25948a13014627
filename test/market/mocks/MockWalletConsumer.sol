// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

import {IInferenceMarket} from "../../../contracts/interfaces/IInferenceMarket.sol";

/// @notice A smart-contract consumer (ERC-1271): it accepts a signature when its current owner's key signed the digest,
/// and anyone can rotate its owner (standing in for the wallet's own rotation logic). The market ignores ERC-1271: the
/// wallet registers a signer key instead (`registerSigner`).
contract MockWalletConsumer is IERC1271 {
    address public owner;

    constructor(address owner_) {
        owner = owner_;
    }

    /// @notice Rotates the wallet's owner.
    function rotateOwner(address owner_) external {
        owner = owner_;
    }

    /// @notice Registers `signer` as the key signing the wallet's vouchers.
    function registerSigner(IInferenceMarket market, address signer) external {
        market.setSigner(signer);
    }

    /// @notice Reserves `amount` of the wallet's escrow for `provider`.
    function reserve(IInferenceMarket market, address provider, uint256 amount) external {
        market.reserve(provider, amount);
    }

    /// @notice Asks to release the wallet's reserve for `provider`.
    function requestRelease(IInferenceMarket market, address provider) external {
        market.requestRelease(provider);
    }

    /// @notice Completes the release of the wallet's reserve for `provider`.
    function release(IInferenceMarket market, address provider) external {
        market.release(provider);
    }

    /// @notice Withdraws `amount` of the wallet's unreserved deposits.
    function withdraw(IInferenceMarket market, uint256 amount) external {
        market.withdraw(amount);
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
