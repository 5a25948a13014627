// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";

import {Roles} from "../../contracts/common/Roles.sol";
import {Wiring} from "../utils/Wiring.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";
import {VestingVault} from "../../contracts/supply/VestingVault.sol";
import {Test} from "../utils/Test.sol";

/// @notice Shared setup for vault tests: a token, a vault under the AccessManager with `createSchedule` restricted
/// to the VESTING_CREATOR role (held by `creator`, funded with 1B and approving the vault) and `revoke` to the
/// GOVERNOR role (held by `governor`).
abstract contract VestingVaultBase is Test {
    uint256 internal constant T0 = 1_800_000_000;

    AccessManager internal manager;
    ProtocolToken internal token;
    VestingVault internal vault;

    address internal admin;
    address internal creator;
    address internal governor;
    address internal treasury;
    address internal alice;
    address internal bob;
    address internal stranger;

    function setUp() public virtual {
        admin = makeAddr("admin");
        creator = makeAddr("creator");
        governor = makeAddr("governor");
        treasury = makeAddr("treasury");
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        stranger = makeAddr("stranger");
        vm.warp(T0);

        manager = new AccessManager(admin);
        token = new ProtocolToken("QUIVer", "QUIV", 1_000_000_000 ether, address(manager));
        vault = new VestingVault(address(token), treasury, address(manager));

        vm.startPrank(admin);
        // Function roles as the presets deploy them (test/utils/Wiring.sol, generated from the deployed presets).
        Wiring.protocolToken(manager, address(token));
        Wiring.vestingVault(manager, address(vault));
        manager.grantRole(Roles.MINTER, admin, 0);
        manager.grantRole(Roles.VESTING_CREATOR, creator, 0);
        manager.grantRole(Roles.GOVERNOR, governor, 0);
        token.mint(creator, 1_000_000_000 ether);
        vm.stopPrank();
        vm.prank(creator);
        token.approve(address(vault), type(uint256).max);
    }

    function _create(
        address beneficiary,
        uint256 amount,
        uint256 start,
        uint256 cliff,
        uint256 duration,
        uint256 bps,
        bool revocable
    ) internal returns (uint256 id) {
        vm.prank(creator);
        id = vault.createSchedule(
            beneficiary,
            amount,
            uint48(start),
            uint32(cliff),
            uint32(duration),
            uint16(bps),
            revocable
        );
    }

    /// @dev 1,200 tokens to alice from T0 + 10 days: 10% at the start, 100-day cliff, 400 days in all, revocable.
    function _standard() internal returns (uint256) {
        return _create(alice, 1_200 ether, T0 + 10 days, 100 days, 400 days, 1_000, true);
    }
}
