// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IUniswapV2Pair
/// @notice The parts of Uniswap V2's factory, pair and WETH9 the ETH reserve calls directly, with their exact
/// signatures (deployed from Uniswap's own compiled artifacts).
interface IUniswapV2Pair {
    /// @notice The pair's reserves and the timestamp of their last update.
    /// @return reserve0 Reserve of `token0` (the lower address).
    /// @return reserve1 Reserve of `token1`.
    /// @return blockTimestampLast Last update, modulo 2^32.
    function getReserves() external view returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast);

    /// @notice Pays `amount0Out` and `amountOut1` to `to` against tokens already sent in; checks the constant product.
    /// @param amount0Out Amount of `token0` out.
    /// @param amount1Out Amount of `token1` out.
    /// @param to Recipient.
    /// @param data Flash-swap callback data (empty: no callback).
    function swap(uint256 amount0Out, uint256 amount1Out, address to, bytes calldata data) external;
}

/// @title IUniswapV2Factory
/// @notice Uniswap V2's factory: the pair of two tokens.
interface IUniswapV2Factory {
    /// @notice The pair of `tokenA` and `tokenB`, or zero.
    /// @param tokenA One token.
    /// @param tokenB The other.
    /// @return pair The pair's address.
    function getPair(address tokenA, address tokenB) external view returns (address pair);
}

/// @title IWETH
/// @notice WETH9's unwrap.
interface IWETH {
    /// @notice Burns `wad` WETH of the caller and sends it as much ETH.
    /// @param wad Amount.
    function withdraw(uint256 wad) external;
}
