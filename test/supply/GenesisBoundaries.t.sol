// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGenesis} from "../../contracts/interfaces/IGenesis.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {Genesis} from "../../contracts/supply/Genesis.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";
import {VestingVault} from "../../contracts/supply/VestingVault.sol";
import {QuiverFixture} from "./QuiverFixture.sol";

/// @notice The smallest plans genesis accepts (one-wei grants, a plan without vesting) and each zero address the
/// constructor refuses, so moving a comparison or a constant by one fails here.
contract GenesisBoundariesTest is QuiverFixture {
    /// @dev A second preset (token, vault, genesis) on the same manager, genesis holding its roles.
    function _fresh(uint256 total) internal returns (Genesis fresh) {
        token = new ProtocolToken("Qerun", "QER", total, address(manager));
        vault = new VestingVault(address(token), treasury, address(manager));
        fresh = new Genesis(address(token), address(vault), total, address(manager));
        vm.startPrank(admin);
        _restrict(address(token), ProtocolToken.mint.selector, Roles.MINTER);
        _restrict(address(vault), VestingVault.createSchedule.selector, Roles.VESTING_CREATOR);
        manager.grantRole(Roles.MINTER, address(fresh), 0);
        manager.grantRole(Roles.VESTING_CREATOR, address(fresh), 0);
        vm.stopPrank();
    }

    function test_RevertWhen_constructorTokenIsZero() public {
        vm.expectRevert(IGenesis.InvalidConfiguration.selector);
        new Genesis(address(0), address(vault), 1, address(manager));
    }

    function test_RevertWhen_constructorVaultIsZero() public {
        vm.expectRevert(IGenesis.InvalidConfiguration.selector);
        new Genesis(address(token), address(0), 1, address(manager));
    }

    function test_constructor_acceptsAOneWeiSupply() public {
        Genesis g = new Genesis(address(token), address(vault), 1, address(manager));
        assertEq(g.totalSupply(), 1, "one wei");
        assertFalse(g.done(), "not run");
    }

    function test_run_oneWeiGrantAndOneWeiVestingGrant() public {
        Genesis fresh = _fresh(2);
        IGenesis.Grant[] memory grants = new IGenesis.Grant[](1);
        grants[0] = IGenesis.Grant({to: treasury, amount: 1});
        IGenesis.VestingGrant[] memory vesting = new IGenesis.VestingGrant[](1);
        vesting[0] = IGenesis.VestingGrant({
            beneficiary: team,
            amount: 1,
            start: uint48(START),
            cliffDuration: 0,
            duration: uint32(YEAR),
            startUnlockBps: 0,
            revocable: false
        });
        vm.prank(admin);
        fresh.run(grants, vesting);
        assertEq(token.balanceOf(treasury), 1, "the one-wei grant");
        assertEq(token.balanceOf(address(vault)), 1, "the one-wei vesting grant is in the vault");
        assertEq(vault.scheduleCount(), 1, "its schedule");
        assertEq(uint256(vault.schedule(0).amount), 1, "of one wei");
        assertEq(token.balanceOf(address(fresh)), 0, "genesis keeps nothing");
        assertEq(token.totalMinted(), 2, "the whole supply");
    }

    function test_run_withoutVesting() public {
        Genesis fresh = _fresh(1_000 ether);
        IGenesis.Grant[] memory grants = new IGenesis.Grant[](2);
        grants[0] = IGenesis.Grant({to: treasury, amount: 999 ether});
        grants[1] = IGenesis.Grant({to: liquidity, amount: 1 ether});
        vm.prank(admin);
        fresh.run(grants, new IGenesis.VestingGrant[](0));
        assertEq(token.balanceOf(treasury), 999 ether, "treasury");
        assertEq(token.balanceOf(liquidity), 1 ether, "liquidity");
        assertEq(token.balanceOf(address(fresh)), 0, "genesis minted nothing to itself");
        assertEq(vault.scheduleCount(), 0, "no schedule");
        assertTrue(fresh.done(), "done");
    }
}
