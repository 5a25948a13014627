// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @notice An account that hands control back to an attacker whenever the system hands control to it: its ETH
/// receive hook, the token hooks of the hooked test tokens (`tokensToSend` before its balance moves, `tokensReceived`
/// after) and a reward-notification hook each run the one call its owner armed (a re-entry into the system), count how
/// it ended, and return normally so the outer call goes on. Token hooks fire only for transfers with a watched address
/// (the contract under attack), so a re-entry always lands while that contract is executing.
/// @dev Deployed as itself, or its code etched onto an existing account (an EOA with a signing key keeps its key; the
/// module's own handler still acts for it with `vm.prank`): `owner` is an immutable, so the etched copies answer to
/// whoever deployed the template.
contract HostileAccount {
    enum Hook {
        None,
        Eth,
        TokensToSend,
        TokensReceived,
        Notify
    }

    error NotOwner(address caller);

    address public immutable owner;

    address public target;
    bytes public data;
    bytes4[] internal _allowed;
    bool public armed;
    /// @notice The hook the armed call waits for (`None`: the first hook that runs).
    Hook public armedHook;
    mapping(address account => bool) public watched;

    /// @notice Re-entries run, by the hook that ran them and the contract they called.
    mapping(Hook hook => mapping(address target => uint256)) public fired;
    /// @notice Of which refused with `ReentrancyGuardReentrantCall`.
    mapping(Hook hook => mapping(address target => uint256)) public refusedByGuard;
    /// @notice Of which went through.
    mapping(Hook hook => mapping(address target => uint256)) public succeeded;
    /// @notice Re-entries that failed with an error neither the guard's nor one the arming allowed.
    uint256 public unexpected;
    bytes public lastUnexpected;

    constructor(address owner_) {
        owner = owner_;
    }

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        _;
    }

    /// @notice Arms one call, run at the next `hook` (`None`: the next hook of any kind); `allowed` lists the errors
    /// it may legitimately fail with besides the reentrancy guard's (the target's own checks, if it is not executing).
    function arm(address target_, bytes calldata data_, bytes4[] calldata allowed, Hook hook) external onlyOwner {
        target = target_;
        data = data_;
        _allowed = allowed;
        armedHook = hook;
        armed = true;
    }

    function watch(address account, bool on) external onlyOwner {
        watched[account] = on;
    }

    function tokensToSend(address from, address to, uint256) external {
        if (watched[from] || watched[to]) _fire(Hook.TokensToSend);
    }

    function tokensReceived(address from, address to, uint256) external {
        if (watched[from] || watched[to]) _fire(Hook.TokensReceived);
    }

    function notifyRewardAmount(uint256) external {
        _fire(Hook.Notify);
    }

    receive() external payable {
        _fire(Hook.Eth);
    }

    function _fire(Hook hook) private {
        if (!armed || (armedHook != Hook.None && armedHook != hook)) return;
        armed = false;
        address to = target;
        fired[hook][to]++;
        // The point of this mock: an arbitrary call, whose failure is recorded rather than passed on.
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, bytes memory result) = to.call(data);
        if (ok) {
            succeeded[hook][to]++;
            return;
        }
        bytes4 selector = bytes4(result);
        if (selector == ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector) {
            refusedByGuard[hook][to]++;
            return;
        }
        for (uint256 i; i < _allowed.length; ++i) if (_allowed[i] == selector) return;
        unexpected++;
        lastUnexpected = result;
    }
}
