// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title MockStablecoin
/// @notice Devnet stablecoin with 6 decimals (like USDC) and an open faucet. Never deploy it outside a devnet.
contract MockStablecoin is ERC20 {
    /// @notice Deploys the token with nothing minted.
    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    constructor(string memory name_, string memory symbol_) ERC20(name_, symbol_) {}

    /// @notice Mints `amount` to `to`; anyone may call it (devnet faucet).
    /// @param to Recipient.
    /// @param amount Amount, in units of 10^-6.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Six decimals, like USDC.
    /// @return 6.
    function decimals() public pure override returns (uint8) {
        return 6;
    }
}
