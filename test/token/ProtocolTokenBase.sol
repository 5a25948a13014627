// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";

import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {Test} from "../utils/Test.sol";

/// @notice Shared setup for token tests: an AccessManager administered by `admin`, a token under it,
/// and a `minter` holding the minter role.
abstract contract ProtocolTokenBase is Test {
    uint256 internal constant CAP = 1_000_000_000 ether;

    AccessManager internal manager;
    ProtocolToken internal token;

    address internal admin;
    address internal minter;
    address internal alice;
    address internal bob;
    uint256 internal alicePk;

    function setUp() public virtual {
        admin = makeAddr("admin");
        minter = makeAddr("minter");
        bob = makeAddr("bob");
        (alice, alicePk) = makeAddrAndKey("alice");

        manager = new AccessManager(admin);
        token = new ProtocolToken("QUIVer", "QUIV", CAP, address(manager));

        bytes4[] memory selectors = new bytes4[](1);
        selectors[0] = ProtocolToken.mint.selector;
        vm.startPrank(admin);
        manager.setTargetFunctionRole(address(token), selectors, Roles.MINTER);
        manager.grantRole(Roles.MINTER, minter, 0);
        vm.stopPrank();
    }

    function _mint(address to, uint256 amount) internal {
        vm.prank(minter);
        token.mint(to, amount);
    }
}
