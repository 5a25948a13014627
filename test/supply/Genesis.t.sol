// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {IGenesis} from "../../contracts/interfaces/IGenesis.sol";
import {IVestingVault} from "../../contracts/interfaces/IVestingVault.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {Genesis} from "../../contracts/supply/Genesis.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";
import {VestingVault} from "../../contracts/supply/VestingVault.sol";
import {QuiverFixture} from "./QuiverFixture.sol";

contract GenesisTest is QuiverFixture {
    // ------------------------------------------------------------------ the QUIVer genesis

    function test_run_mintsTheTotalSupplyOnce() public view {
        assertEq(token.totalSupply(), 1_000_000_000 ether, "1B minted");
        assertEq(token.totalMinted(), 1_000_000_000 ether, "minted once");
        assertTrue(genesis.done(), "done");
        assertEq(genesis.totalSupply(), 1_000_000_000 ether, "total fixed at deployment");
    }

    function test_run_fundsEveryAllocation() public view {
        assertEq(token.balanceOf(address(controller)), 350_000_000 ether, "provider rewards 35% in emission");
        assertEq(token.balanceOf(treasury), 200_000_000 ether, "community treasury 20%");
        assertEq(token.balanceOf(liquidity), 50_000_000 ether, "liquidity 5% at start");
        assertEq(token.balanceOf(address(vault)), 400_000_000 ether, "team + investors + sale + ecosystem");
        assertEq(token.balanceOf(address(genesis)), 0, "genesis keeps nothing");
        assertEq(vault.scheduleCount(), 4, "four schedules");
        _assertSchedule(TEAM, team, 150_000_000 ether, 31_536_000, 126_144_000, 0, true);
        _assertSchedule(INVESTORS, investors, 100_000_000 ether, 15_768_000, 94_608_000, 0, false);
        _assertSchedule(PUBLIC_SALE, publicSale, 100_000_000 ether, 0, 31_536_000, 2_500, false);
        _assertSchedule(ECOSYSTEM, ecosystem, 50_000_000 ether, 0, 157_680_000, 0, true);
    }

    function _assertSchedule(
        uint256 id,
        address beneficiary,
        uint256 amount,
        uint256 cliff,
        uint256 duration,
        uint256 bps,
        bool revocable
    ) internal view {
        IVestingVault.Schedule memory s = vault.schedule(id);
        assertEq(s.beneficiary, beneficiary, "beneficiary");
        assertEq(uint256(s.amount), amount, "amount");
        assertEq(uint256(s.start), START, "starts at the TGE");
        assertEq(uint256(s.cliffDuration), cliff, "cliff");
        assertEq(uint256(s.duration), duration, "duration");
        assertEq(uint256(s.startUnlockBps), bps, "start unlock");
        assertEq(s.revocable, revocable, "revocable");
    }

    function test_run_leavesNoMinter() public {
        assertFalse(_hasRole(Roles.MINTER, address(genesis)), "genesis renounced MINTER");
        assertFalse(_hasRole(Roles.VESTING_CREATOR, address(genesis)), "genesis renounced VESTING_CREATOR");
        vm.prank(address(genesis));
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, address(genesis)));
        token.mint(address(genesis), 1);
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, admin));
        token.mint(admin, 1);
        assertEq(token.totalMinted(), TOTAL_SUPPLY, "nothing more minted");
    }

    function _hasRole(uint64 role, address account) internal view returns (bool member) {
        (member, ) = manager.hasRole(role, account);
    }

    function test_run_circulatingAtTheTge() public view {
        // Unlocked outside the treasury at the TGE: liquidity 50M + 25% of the 100M public sale.
        uint256 unlocked = token.balanceOf(liquidity);
        for (uint256 id; id < 4; ++id) unlocked += vault.releasable(id);
        assertEq(unlocked, 75_000_000 ether, "75M unlocked at the TGE");
    }

    function test_RevertWhen_runTwice() public {
        (IGenesis.Grant[] memory grants, IGenesis.VestingGrant[] memory vesting) = _plan();
        vm.prank(admin);
        vm.expectRevert(IGenesis.GenesisAlreadyRun.selector);
        genesis.run(grants, vesting);
        assertEq(token.totalMinted(), TOTAL_SUPPLY, "minted unchanged");
        assertEq(vault.scheduleCount(), 4, "schedules unchanged");
    }

    function test_RevertWhen_runTwiceEvenWithRolesRegranted() public {
        vm.startPrank(admin);
        manager.grantRole(Roles.MINTER, address(genesis), 0);
        (IGenesis.Grant[] memory grants, IGenesis.VestingGrant[] memory vesting) = _plan();
        vm.expectRevert(IGenesis.GenesisAlreadyRun.selector);
        genesis.run(grants, vesting);
        vm.stopPrank();
        assertEq(token.totalMinted(), TOTAL_SUPPLY, "minted unchanged");
    }

    function test_RevertWhen_runByStranger() public {
        Genesis fresh = _freshGenesis(1_000 ether);
        IGenesis.Grant[] memory grants = new IGenesis.Grant[](1);
        grants[0] = IGenesis.Grant({to: stranger, amount: 1_000 ether});
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        fresh.run(grants, new IGenesis.VestingGrant[](0));
        assertFalse(fresh.done(), "not run");
    }

    // ------------------------------------------------------------------ bad plans (on a fresh token)

    /// @dev A second preset (token, vault, genesis) on the same manager, genesis holding its roles.
    function _freshGenesis(uint256 total) internal returns (Genesis fresh) {
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

    function _expectRunRevert(
        Genesis fresh,
        IGenesis.Grant[] memory grants,
        IGenesis.VestingGrant[] memory vesting,
        bytes memory err
    ) internal {
        vm.prank(admin);
        vm.expectRevert(err);
        fresh.run(grants, vesting);
        assertFalse(fresh.done(), "not run");
        assertEq(token.totalMinted(), 0, "nothing minted");
        assertEq(vault.scheduleCount(), 0, "no schedule");
    }

    function _vestingGrant(address beneficiary, uint256 amount) internal pure returns (IGenesis.VestingGrant memory) {
        return
            IGenesis.VestingGrant({
                beneficiary: beneficiary,
                amount: amount,
                start: uint48(START),
                cliffDuration: 0,
                duration: uint32(YEAR),
                startUnlockBps: 0,
                revocable: false
            });
    }

    function test_run_qerunFixedSupply() public {
        Genesis fresh = _freshGenesis(100_000_000 ether);
        IGenesis.Grant[] memory grants = new IGenesis.Grant[](1);
        grants[0] = IGenesis.Grant({to: treasury, amount: 15_000_000 ether});
        IGenesis.VestingGrant[] memory vesting = new IGenesis.VestingGrant[](1);
        vesting[0] = _vestingGrant(team, 85_000_000 ether);
        vm.expectEmit(false, false, false, true, address(fresh));
        emit IGenesis.GenesisRun(100_000_000 ether, 1, 1);
        vm.prank(admin);
        fresh.run(grants, vesting);
        assertEq(token.totalSupply(), 100_000_000 ether, "fixed supply minted");
        assertEq(token.totalMinted(), token.cap(), "at the cap: nothing can ever be added");
        assertFalse(_hasRole(Roles.MINTER, address(fresh)), "no minter left");
    }

    function test_RevertWhen_runTotalBelowTheSupply() public {
        Genesis fresh = _freshGenesis(1_000 ether);
        IGenesis.Grant[] memory grants = new IGenesis.Grant[](1);
        grants[0] = IGenesis.Grant({to: treasury, amount: 999 ether});
        _expectRunRevert(
            fresh,
            grants,
            new IGenesis.VestingGrant[](0),
            abi.encodeWithSelector(IGenesis.TotalMismatch.selector, 999 ether, 1_000 ether)
        );
    }

    function test_RevertWhen_runTotalAboveTheSupply() public {
        Genesis fresh = _freshGenesis(1_000 ether);
        IGenesis.Grant[] memory grants = new IGenesis.Grant[](1);
        grants[0] = IGenesis.Grant({to: treasury, amount: 600 ether});
        IGenesis.VestingGrant[] memory vesting = new IGenesis.VestingGrant[](1);
        vesting[0] = _vestingGrant(team, 401 ether);
        _expectRunRevert(
            fresh,
            grants,
            vesting,
            abi.encodeWithSelector(IGenesis.TotalMismatch.selector, 1_001 ether, 1_000 ether)
        );
    }

    function test_RevertWhen_runGrantToZeroAddress() public {
        Genesis fresh = _freshGenesis(1_000 ether);
        IGenesis.Grant[] memory grants = new IGenesis.Grant[](2);
        grants[0] = IGenesis.Grant({to: treasury, amount: 500 ether});
        grants[1] = IGenesis.Grant({to: address(0), amount: 500 ether});
        _expectRunRevert(
            fresh,
            grants,
            new IGenesis.VestingGrant[](0),
            abi.encodeWithSelector(IGenesis.InvalidGrant.selector, 1, address(0), 500 ether)
        );
    }

    function test_RevertWhen_runGrantOfZero() public {
        Genesis fresh = _freshGenesis(1_000 ether);
        IGenesis.Grant[] memory grants = new IGenesis.Grant[](2);
        grants[0] = IGenesis.Grant({to: treasury, amount: 1_000 ether});
        grants[1] = IGenesis.Grant({to: liquidity, amount: 0});
        _expectRunRevert(
            fresh,
            grants,
            new IGenesis.VestingGrant[](0),
            abi.encodeWithSelector(IGenesis.InvalidGrant.selector, 1, liquidity, 0)
        );
    }

    function test_RevertWhen_runVestingZeroBeneficiary() public {
        Genesis fresh = _freshGenesis(1_000 ether);
        IGenesis.VestingGrant[] memory vesting = new IGenesis.VestingGrant[](1);
        vesting[0] = _vestingGrant(address(0), 1_000 ether);
        _expectRunRevert(
            fresh,
            new IGenesis.Grant[](0),
            vesting,
            abi.encodeWithSelector(IVestingVault.InvalidBeneficiary.selector, address(0))
        );
    }

    function test_RevertWhen_runVestingCliffLongerThanDuration() public {
        Genesis fresh = _freshGenesis(1_000 ether);
        IGenesis.VestingGrant[] memory vesting = new IGenesis.VestingGrant[](1);
        vesting[0] = _vestingGrant(team, 1_000 ether);
        vesting[0].cliffDuration = uint32(YEAR + 1);
        _expectRunRevert(
            fresh,
            new IGenesis.Grant[](0),
            vesting,
            abi.encodeWithSelector(IVestingVault.CliffLongerThanDuration.selector, YEAR + 1, YEAR)
        );
    }

    function test_RevertWhen_runVestingStartUnlockAbove10000Bps() public {
        Genesis fresh = _freshGenesis(1_000 ether);
        IGenesis.VestingGrant[] memory vesting = new IGenesis.VestingGrant[](1);
        vesting[0] = _vestingGrant(team, 1_000 ether);
        vesting[0].startUnlockBps = 10_001;
        _expectRunRevert(
            fresh,
            new IGenesis.Grant[](0),
            vesting,
            abi.encodeWithSelector(IVestingVault.StartUnlockAboveMax.selector, 10_001, 10_000)
        );
    }

    function test_RevertWhen_runWithoutTheMinterRole() public {
        Genesis fresh = _freshGenesis(1_000 ether);
        vm.prank(admin);
        manager.revokeRole(Roles.MINTER, address(fresh));
        IGenesis.Grant[] memory grants = new IGenesis.Grant[](1);
        grants[0] = IGenesis.Grant({to: treasury, amount: 1_000 ether});
        _expectRunRevert(
            fresh,
            grants,
            new IGenesis.VestingGrant[](0),
            abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, address(fresh))
        );
    }

    function test_RevertWhen_constructorTotalIsZero() public {
        vm.expectRevert(IGenesis.InvalidConfiguration.selector);
        new Genesis(address(token), address(vault), 0, address(manager));
    }
}
