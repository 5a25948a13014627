// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {IConsensusRewards} from "../../contracts/interfaces/IConsensusRewards.sol";
import {IDistributionPool} from "../../contracts/interfaces/IDistributionPool.sol";
import {IEpochClock} from "../../contracts/interfaces/IEpochClock.sol";
import {IStabilizationFund} from "../../contracts/interfaces/IStabilizationFund.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {DistributionBase} from "./DistributionBase.sol";

/// @notice Block-producer rewards (pro rata to blocks, registered validators only) and the stabilization fund.
contract ConsensusRewardsTest is DistributionBase {
    address internal funder;
    address internal v1;
    address internal v2;

    function setUp() public override {
        super.setUp();
        funder = makeAddr("funder");
        vm.prank(admin);
        manager.grantRole(Roles.DISTRIBUTION_ENGINE, funder, 0);
        v1 = makeAddr("v1");
        v2 = makeAddr("v2");
        vm.startPrank(registrar);
        consensus.setValidator(v1, true);
        consensus.setValidator(v2, true);
        vm.stopPrank();
    }

    function _blocks(address validator, uint256 blocks) internal {
        vm.prank(reporter);
        consensus.recordBlocks((block.timestamp - START) / EPOCH, validator, blocks);
    }

    function _fund(uint256 epoch, uint256 budget) internal returns (uint256 returned) {
        _warpToEnd(epoch);
        _mint(funder, budget);
        vm.startPrank(funder);
        qry.transfer(address(consensus), budget);
        returned = consensus.fundEpoch(epoch, budget);
        vm.stopPrank();
    }

    function _claim(address validator, uint256 epoch) internal returns (uint256) {
        vm.prank(validator);
        return consensus.claim(epoch);
    }

    function test_claim_paysProRataToBlocks() public {
        _blocks(v1, 20);
        _blocks(v1, 10);
        _blocks(v2, 10);
        assertEq(consensus.totalBlocks(0), 40, "total");
        assertEq(_fund(0, 400_000 ether), 0, "all kept");
        assertEq(_claim(v1, 0), 300_000 ether, "v1: 30 of 40 blocks");
        assertEq(_claim(v2, 0), 100_000 ether, "v2: 10 of 40 blocks");
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.AlreadyClaimed.selector, 0, v1));
        _claim(v1, 0);
        assertEq(qry.balanceOf(v1), 300_000 ether, "paid once");
    }

    function test_fundEpoch_sendsEverythingBackWithoutBlocks() public {
        assertEq(_fund(0, 1_000 ether), 1_000 ether, "no blocks: all back");
    }

    function test_setValidator_removalStopsRecordsNotPastClaims() public {
        _blocks(v1, 10);
        vm.prank(registrar);
        consensus.setValidator(v1, false);
        assertFalse(consensus.isValidator(v1), "removed");
        vm.expectRevert(abi.encodeWithSelector(IConsensusRewards.NotAValidator.selector, v1));
        _blocks(v1, 1);
        _fund(0, 100 ether);
        assertEq(_claim(v1, 0), 100 ether, "still paid for epoch 0");
    }

    function test_RevertWhen_recordIsInvalid() public {
        address nobody = makeAddr("nobody");
        vm.expectRevert(abi.encodeWithSelector(IConsensusRewards.NotAValidator.selector, nobody));
        _blocks(nobody, 1);
        vm.expectRevert(IConsensusRewards.ZeroBlocks.selector);
        _blocks(v1, 0);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        consensus.recordBlocks(0, v1, 1);
        vm.warp(START + EPOCH);
        vm.expectRevert(abi.encodeWithSelector(IEpochClock.EpochNotOpen.selector, 0, 1));
        vm.prank(reporter);
        consensus.recordBlocks(0, v1, 1);
        assertEq(consensus.totalBlocks(0), 0, "nothing recorded");
    }

    function test_RevertWhen_setValidatorIsInvalid() public {
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        consensus.setValidator(stranger, true);
        vm.startPrank(registrar);
        vm.expectRevert(abi.encodeWithSelector(IConsensusRewards.ValidatorUnchanged.selector, v1, true));
        consensus.setValidator(v1, true);
        vm.expectRevert(IDistributionPool.ZeroAddress.selector);
        consensus.setValidator(address(0), true);
        vm.stopPrank();
        assertFalse(consensus.isValidator(stranger), "not registered");
    }

    // ------------------------------------------------------------------ stabilization fund

    function test_withdraw_governanceSendsLiquidity() public {
        _mint(address(stabilization), 1_000 ether);
        address amm = makeAddr("ammLiquidityManager");
        vm.expectEmit(true, true, false, true, address(stabilization));
        emit IStabilizationFund.Withdrawn(amm, 400 ether, keccak256("amm.liquidity"));
        vm.prank(governor);
        stabilization.withdraw(amm, 400 ether, keccak256("amm.liquidity"));
        assertEq(qry.balanceOf(amm), 400 ether, "sent");
        assertEq(qry.balanceOf(address(stabilization)), 600 ether, "rest kept");
    }

    function test_RevertWhen_withdrawIsInvalid() public {
        _mint(address(stabilization), 1_000 ether);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        stabilization.withdraw(stranger, 1 ether, bytes32(0));
        vm.startPrank(governor);
        vm.expectRevert(IStabilizationFund.ZeroAddress.selector);
        stabilization.withdraw(address(0), 1 ether, bytes32(0));
        vm.expectRevert(IStabilizationFund.ZeroAmount.selector);
        stabilization.withdraw(stranger, 0, bytes32(0));
        vm.stopPrank();
        assertEq(qry.balanceOf(address(stabilization)), 1_000 ether, "nothing moved");
    }
}
