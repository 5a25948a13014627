// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";

import {Test} from "./Test.sol";

/// @title ManagedTest
/// @notice Test base for fixtures wired through one OpenZeppelin `AccessManager`, as every preset is.
abstract contract ManagedTest is Test {
    /// @dev The fixture's manager; each fixture deploys it in its `setUp`.
    AccessManager internal manager;

    /// @dev Maps one function of `target` to `role` (the caller must be the manager's admin).
    function _restrict(address target, bytes4 selector, uint64 role) internal {
        bytes4[] memory selectors = new bytes4[](1);
        selectors[0] = selector;
        manager.setTargetFunctionRole(target, selectors, role);
    }
}
