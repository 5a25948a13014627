// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IUniswapV2EthSwap
/// @notice The Uniswap V2 Router02 functions the buyback uses (exact ETH in, tokens out), with Router02's exact
/// signatures.
interface IUniswapV2EthSwap {
    // solhint-disable func-name-mixedcase
    /// @notice The wrapped-ETH token the router swaps through.
    /// @return The WETH address.
    function WETH() external pure returns (address);
    // solhint-enable func-name-mixedcase

    /// @notice Swaps exactly `msg.value` ETH for at least `amountOutMin` of `path[last]`, sent to `to`.
    /// @param amountOutMin Minimum output, or the call reverts.
    /// @param path `[WETH, ..., token]`.
    /// @param to Recipient.
    /// @param deadline Latest timestamp.
    /// @return amounts Amount in and every hop's output.
    function swapExactETHForTokens(
        uint256 amountOutMin,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external payable returns (uint256[] memory amounts);
}
