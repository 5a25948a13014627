// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "../../utils/Test.sol";
import {HostileAccount} from "../mocks/HostileAccount.sol";

/// @notice Arms hostile accounts with re-entries, for the invariant runner to interleave with a module's own handler:
/// each call picks a party and one re-entry from a menu the test sets up; the party runs it at its next hook (an ETH
/// receive, a token hook, a reward notification) in the middle of whatever the module's handler does next.
/// @dev It deploys the HostileAccount template, so the copies the test etches onto the module's actors answer to it.
contract ReentryHandler is Test {
    struct Entry {
        string name;
        address target;
        bytes data;
        bytes4[] allowed;
    }

    HostileAccount public immutable template;
    address[] public parties;
    Entry[] internal _menu;
    mapping(string name => uint256) public armings;

    constructor() {
        template = new HostileAccount(address(this));
    }

    /// @notice A party: an account whose code the test replaced with the template's (or a HostileAccount it deployed).
    function addParty(address party, address[] calldata watched) external {
        parties.push(party);
        for (uint256 i; i < watched.length; ++i) HostileAccount(payable(party)).watch(watched[i], true);
    }

    /// @notice A re-entry: `data` sent to `target` by the party; `allowed` the errors it may fail with besides the
    /// guard's.
    function addEntry(string calldata name, address target, bytes calldata data, bytes4[] calldata allowed) external {
        _menu.push(Entry(name, target, data, allowed));
    }

    function partyCount() external view returns (uint256) {
        return parties.length;
    }

    /// @notice Arms a party with a re-entry, for its next hook of the kind `hookSeed` picks (or any kind).
    function arm(uint256 partySeed, uint256 entrySeed, uint256 hookSeed) external {
        Entry storage e = _menu[entrySeed % _menu.length];
        HostileAccount.Hook hook = HostileAccount.Hook(hookSeed % 5);
        HostileAccount(payable(parties[partySeed % parties.length])).arm(e.target, e.data, e.allowed, hook);
        armings[e.name]++;
    }

    /// @notice Arms every party with the same re-entry, so whichever acts next re-enters.
    function armAll(uint256 entrySeed, uint256 hookSeed) external {
        Entry storage e = _menu[entrySeed % _menu.length];
        HostileAccount.Hook hook = HostileAccount.Hook(hookSeed % 5);
        for (uint256 i; i < parties.length; ++i) {
            HostileAccount(payable(parties[i])).arm(e.target, e.data, e.allowed, hook);
        }
        armings[e.name]++;
    }

    /// @notice Re-entries into `target` from `hook`, over the parties: run, refused by the guard, gone through.
    function total(
        HostileAccount.Hook hook,
        address target
    ) external view returns (uint256 fired, uint256 refused, uint256 passed) {
        for (uint256 i; i < parties.length; ++i) {
            HostileAccount p = HostileAccount(payable(parties[i]));
            fired += p.fired(hook, target);
            refused += p.refusedByGuard(hook, target);
            passed += p.succeeded(hook, target);
        }
    }

    /// @notice Re-entries that failed with an error neither the guard's nor allowed, over the parties.
    function unexpected() external view returns (uint256 count) {
        for (uint256 i; i < parties.length; ++i) count += HostileAccount(payable(parties[i])).unexpected();
    }
}
