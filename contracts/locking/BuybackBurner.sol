// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IBuybackBurner} from "../interfaces/IBuybackBurner.sol";
import {AggregatorV3Interface} from "../interfaces/external/AggregatorV3Interface.sol";
import {IUniswapV2EthSwap} from "../interfaces/external/IUniswapV2EthSwap.sol";
import {BPS} from "../common/Constants.sol";

/// @title BuybackBurner
/// @notice Spends ETH on the token through Uniswap V2 at an oracle-bounded price and burns what it buys.
contract BuybackBurner is IBuybackBurner, AccessManaged, ReentrancyGuardTransient {
    uint256 private constant MAX_SLIPPAGE_BPS = 1_000;

    ERC20Burnable private immutable _TOKEN;
    IUniswapV2EthSwap private immutable _ROUTER;
    AggregatorV3Interface private immutable _TOKEN_FEED;
    AggregatorV3Interface private immutable _ETH_FEED;
    uint256 private immutable _SLIPPAGE_BPS;
    uint256 private immutable _CAP;
    uint256 private immutable _QUARTER;
    uint256 private immutable _MAX_AGE;
    uint256 private immutable _START;

    mapping(uint256 quarter => uint256) private _spent;
    uint256 private _totalBurned;

    /// @notice Binds the token, the router, the feeds and the bounds.
    /// @param token_ The burnable token bought back.
    /// @param router_ The Uniswap V2 Router02.
    /// @param tokenUsdFeed Token/USD Chainlink-style feed.
    /// @param ethUsdFeed ETH/USD Chainlink-style feed.
    /// @param manager The AccessManager (`buyback` is restricted).
    /// @param c The bounds.
    constructor(
        ERC20Burnable token_,
        IUniswapV2EthSwap router_,
        AggregatorV3Interface tokenUsdFeed,
        AggregatorV3Interface ethUsdFeed,
        address manager,
        Config memory c
    ) AccessManaged(manager) {
        if (address(token_) == address(0)) revert InvalidConfig(0);
        if (address(router_) == address(0)) revert InvalidConfig(1);
        if (address(tokenUsdFeed) == address(0) || address(ethUsdFeed) == address(0)) revert InvalidConfig(2);
        if (c.maxSlippageBps > MAX_SLIPPAGE_BPS) revert InvalidConfig(3);
        if (c.maxEthPerQuarter == 0) revert InvalidConfig(4);
        if (c.quarterSeconds == 0) revert InvalidConfig(5);
        if (c.maxPriceAge == 0) revert InvalidConfig(6);
        _TOKEN = token_;
        _ROUTER = router_;
        _TOKEN_FEED = tokenUsdFeed;
        _ETH_FEED = ethUsdFeed;
        _SLIPPAGE_BPS = c.maxSlippageBps;
        _CAP = c.maxEthPerQuarter;
        _QUARTER = c.quarterSeconds;
        _MAX_AGE = c.maxPriceAge;
        _START = block.timestamp;
    }

    /// @notice Accepts ETH for buybacks.
    receive() external payable {
        emit Funded(msg.sender, msg.value);
    }

    /// @inheritdoc IBuybackBurner
    function buyback(uint256 ethIn, uint256 deadline) external restricted nonReentrant returns (uint256 burned) {
        if (ethIn == 0) revert ZeroAmount();
        if (address(this).balance < ethIn) revert InsufficientEth(address(this).balance, ethIn);
        uint256 quarter = (block.timestamp - _START) / _QUARTER;
        uint256 spent = _spent[quarter] + ethIn;
        if (spent > _CAP) revert QuarterCapExceeded(spent, _CAP);
        _spent[quarter] = spent;
        uint256 minOut = minOutFor(ethIn);
        address[] memory path = new address[](2);
        path[0] = _ROUTER.WETH();
        path[1] = address(_TOKEN);
        uint256 before = _TOKEN.balanceOf(address(this));
        _ROUTER.swapExactETHForTokens{value: ethIn}(minOut, path, address(this), deadline);
        // Burn exactly what the swap delivered (measured, not taken from the router's return value).
        burned = _TOKEN.balanceOf(address(this)) - before;
        _totalBurned += burned;
        _TOKEN.burn(burned);
        emit BoughtBack(ethIn, minOut, burned, quarter);
    }

    /// @inheritdoc IBuybackBurner
    function minOutFor(uint256 ethIn) public view returns (uint256) {
        (uint256 tokenPrice, uint256 tokenDecimals) = _price(_TOKEN_FEED);
        (uint256 ethPrice, uint256 ethDecimals) = _price(_ETH_FEED);
        // ethIn * (ethUsd / 10^ethDec) / (tokenUsd / 10^tokenDec) * (1 - slippage), rounded down (both 18 decimals).
        uint256 fair = Math.mulDiv(ethIn * ethPrice, 10 ** tokenDecimals, tokenPrice * 10 ** ethDecimals);
        return Math.mulDiv(fair, BPS - _SLIPPAGE_BPS, BPS);
    }

    /// @inheritdoc IBuybackBurner
    function spentThisQuarter() external view returns (uint256) {
        return _spent[(block.timestamp - _START) / _QUARTER];
    }

    /// @inheritdoc IBuybackBurner
    function totalBurned() external view returns (uint256) {
        return _totalBurned;
    }

    function _price(AggregatorV3Interface feed) private view returns (uint256 price, uint256 decimals) {
        (, int256 answer, , uint256 updatedAt, ) = feed.latestRoundData();
        if (answer <= 0) revert InvalidPrice(address(feed), answer);
        if (block.timestamp - updatedAt > _MAX_AGE) revert StalePrice(address(feed), updatedAt);
        return (uint256(answer), feed.decimals());
    }
}
