// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IUniswapV2Router
/// @notice The part of Uniswap V2's `UniswapV2Router02` the ETH reserve reads at deployment (its WETH and factory; the
/// swaps go to the pair directly), with Uniswap's exact signatures.
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
}
