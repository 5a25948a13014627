// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IBuybackBurner
/// @notice A governed buyback-and-burn: ETH sent here (a share of the ETH reserve's unowned ETH or of lending
/// interest, by governance decision) buys the token through the Uniswap V2 router and the bought tokens are burned.
/// The minimum output comes from the oracles (ETH/USD and token/USD feeds) less a bounded slippage, and the ETH
/// spent per quarter is capped, so a manipulated pool or a rushed caller cannot drain the budget.
interface IBuybackBurner {
    /// @notice Values fixed at deployment.
    /// @param maxSlippageBps Accepted shortfall of the pool price against the oracle price, in bps (at most 1,000).
    /// @param maxEthPerQuarter ETH that may be spent per quarter, in wei.
    /// @param quarterSeconds Length of a quarter, in seconds.
    /// @param maxPriceAge Oldest accepted feed update, in seconds.
    struct Config {
        uint256 maxSlippageBps;
        uint256 maxEthPerQuarter;
        uint256 quarterSeconds;
        uint256 maxPriceAge;
    }

    /// @notice ETH was received for buybacks.
    /// @param from The sender.
    /// @param amount ETH, in wei.
    event Funded(address indexed from, uint256 amount);
    /// @notice Tokens were bought and burned.
    /// @param ethIn ETH spent, in wei.
    /// @param minOut The oracle-bounded minimum output, in token wei.
    /// @param burned Tokens bought and burned, in wei.
    /// @param quarter The quarter index the spending counts against.
    event BoughtBack(uint256 ethIn, uint256 minOut, uint256 burned, uint256 quarter);

    /// @notice An amount is zero.
    error ZeroAmount();
    /// @notice A configuration value is out of range (0 token, 1 router, 2 feeds, 3 slippage, 4 cap, 5 quarter, 6 age).
    /// @param field Which one.
    error InvalidConfig(uint256 field);
    /// @notice The buyback would spend more than the quarter's cap.
    /// @param spent ETH spent this quarter including this buyback, in wei.
    /// @param cap The cap, in wei.
    error QuarterCapExceeded(uint256 spent, uint256 cap);
    /// @notice The contract holds less ETH than asked.
    /// @param balance ETH held, in wei.
    /// @param amount ETH asked, in wei.
    error InsufficientEth(uint256 balance, uint256 amount);
    /// @notice A feed's answer is not positive.
    /// @param feed The feed.
    /// @param answer Its answer.
    error InvalidPrice(address feed, int256 answer);
    /// @notice A feed's last update is too old.
    /// @param feed The feed.
    /// @param updatedAt Its last update.
    error StalePrice(address feed, uint256 updatedAt);

    /// @notice Buys the token with `ethIn` ETH through the router at no less than the oracle price minus the
    /// slippage bound, and burns everything bought.
    /// @dev Restricted (governance or its named keeper).
    /// @param ethIn ETH to spend, in wei.
    /// @param deadline Latest timestamp for the swap.
    /// @return burned Tokens burned, in wei.
    function buyback(uint256 ethIn, uint256 deadline) external returns (uint256 burned);

    /// @notice The minimum output the oracles allow for `ethIn` now.
    /// @param ethIn ETH, in wei.
    /// @return Token wei.
    function minOutFor(uint256 ethIn) external view returns (uint256);

    /// @notice ETH spent in the current quarter, in wei.
    /// @return The amount.
    function spentThisQuarter() external view returns (uint256);

    /// @notice Tokens burned by buybacks in total, in wei.
    /// @return The amount.
    function totalBurned() external view returns (uint256);
}
