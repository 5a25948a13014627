// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {ProtocolToken} from "../../../contracts/token/ProtocolToken.sol";
import {ITokenHooks} from "./HookedStablecoin.sol";

/// @notice The protocol token with ERC-777-style holder hooks on `transfer` and `transferFrom` (the sender's
/// `tokensToSend` before, the recipient's `tokensReceived` after), for accounts registered with `setHooked`. The real
/// token has none: this asks what the market and the emission controller would do if it had. Same storage layout as
/// ProtocolToken plus one mapping at the end, so its code can be etched over a deployed ProtocolToken built with the
/// same name, cap and authority (its immutables).
contract HookedProtocolToken is ProtocolToken {
    mapping(address account => bool) public hooked;

    constructor(
        string memory name_,
        string memory symbol_,
        uint256 cap_,
        address authority
    ) ProtocolToken(name_, symbol_, cap_, authority) {}

    function setHooked(address account, bool on) external {
        hooked[account] = on;
    }

    function transfer(address to, uint256 value) public override(ERC20, IERC20) returns (bool) {
        address from = msg.sender;
        if (hooked[from]) ITokenHooks(from).tokensToSend(from, to, value);
        super.transfer(to, value);
        if (hooked[to]) ITokenHooks(to).tokensReceived(from, to, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) public override(ERC20, IERC20) returns (bool) {
        if (hooked[from]) ITokenHooks(from).tokensToSend(from, to, value);
        super.transferFrom(from, to, value);
        if (hooked[to]) ITokenHooks(to).tokensReceived(from, to, value);
        return true;
    }
}
