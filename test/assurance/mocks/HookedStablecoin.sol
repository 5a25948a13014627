// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {MockStablecoin} from "../../../contracts/devnet/MockStablecoin.sol";

/// @notice Hooks an ERC-777 holder would have, on the devnet stablecoin: before a transfer the sender's
/// `tokensToSend`, after it the recipient's `tokensReceived`, for accounts registered with `setHooked`. Stands in
/// for an external stablecoin that hands control to its holders. A hooked account's allowances are unlimited (an
/// attacker approves whatever helps it), so its re-entries never use up an approval the outer call relies on. Same
/// storage layout as MockStablecoin plus one mapping at the end, so its code can be etched over a deployed one.
contract HookedStablecoin is MockStablecoin {
    mapping(address account => bool) public hooked;

    constructor() MockStablecoin("USD Coin (hooked)", "USDC") {}

    function setHooked(address account, bool on) external {
        hooked[account] = on;
    }

    function allowance(address owner, address spender) public view override returns (uint256) {
        return hooked[owner] ? type(uint256).max : super.allowance(owner, spender);
    }

    function _spendAllowance(address owner, address spender, uint256 value) internal override {
        if (!hooked[owner]) super._spendAllowance(owner, spender, value);
    }

    function _update(address from, address to, uint256 value) internal override {
        bool transfer = from != address(0) && to != address(0);
        if (transfer && hooked[from]) ITokenHooks(from).tokensToSend(from, to, value);
        super._update(from, to, value);
        if (transfer && hooked[to]) ITokenHooks(to).tokensReceived(from, to, value);
    }
}

/// @notice The hooks the hooked test tokens call.
interface ITokenHooks {
    function tokensToSend(address from, address to, uint256 value) external;

    function tokensReceived(address from, address to, uint256 value) external;
}
