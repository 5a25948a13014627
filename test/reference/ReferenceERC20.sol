// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice A plain OpenZeppelin ERC20, the gas benchmark's reference for a token transfer.
contract ReferenceERC20 is ERC20 {
    constructor(address holder, uint256 supply) ERC20("Reference", "REF") {
        _mint(holder, supply);
    }
}
