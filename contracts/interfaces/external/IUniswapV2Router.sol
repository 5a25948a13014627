// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IUniswapV2Router
/// @notice The part of Uniswap V2's `UniswapV2Router02` the ETH reserve calls, with Uniswap's exact signatures.
/// @dev The router is deployed from Uniswap's own compiled artifact (the v2-periphery npm package's
/// `build/UniswapV2Router02.json`); this minimal interface avoids compiling Uniswap's 0.6 sources with 0.8.
interface IUniswapV2Router {
    // solhint-disable func-name-mixedcase
    /// @notice The router's wrapped-ether token.
    /// @return The WETH address.
    function WETH() external pure returns (address);
    // solhint-enable func-name-mixedcase

    /// @notice The factory whose pairs the router trades through.
    /// @return The factory address.
    function factory() external pure returns (address);

    /// @notice What a swap of `amountIn` along `path` would return now, hop by hop, fees included.
    /// @param amountIn Amount of `path[0]` put in.
    /// @param path Token addresses from input to output.
    /// @return amounts `amounts[0] == amountIn`, then the output of each hop.
    function getAmountsOut(uint256 amountIn, address[] calldata path) external view returns (uint256[] memory amounts);

    /// @notice Swaps an exact amount of tokens for as much ETH as possible (the last hop unwraps WETH).
    /// @param amountIn Amount of `path[0]` taken from the caller (needs an allowance).
    /// @param amountOutMin The swap reverts if it returns less ETH.
    /// @param path Token addresses from input to WETH.
    /// @param to Recipient of the ETH.
    /// @param deadline The swap reverts after this timestamp.
    /// @return amounts `amounts[0] == amountIn`, then the output of each hop (the last is the ETH paid).
    function swapExactTokensForETH(
        uint256 amountIn,
        uint256 amountOutMin,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external returns (uint256[] memory amounts);
}
