// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IIssuerRegistry} from "../../contracts/interfaces/IIssuerRegistry.sol";
import {ISettlement} from "../../contracts/interfaces/ISettlement.sol";
import {Settlement} from "../../contracts/issuance/Settlement.sol";
import {IssuanceBase} from "./IssuanceBase.sol";

contract SettlementTest is IssuanceBase {
    bytes32 internal constant INVOICE = bytes32("invoice-2025-001");
    IIssuerRegistry.IssuerStatus internal constant UNVERIFIED = IIssuerRegistry.IssuerStatus.Unverified;

    function setUp() public override {
        super.setUp();
        _stake(alice, 10_000 ether);
        _stake(bob, 10_000 ether);
        _giveQut(alice, 5_000 ether);
        vm.prank(alice);
        qut.approve(address(settlement), type(uint256).max);
    }

    function _assertNothingSettled() internal view {
        assertEq(settlement.settlementCount(), 0, "no settlement");
        assertEq(qut.balanceOf(alice), 5_000 ether, "alice keeps her QUT");
        assertEq(uint256(settlement.totalsOf(alice).paid), 0, "nothing paid");
    }

    function test_settle_paysAndRecords() public {
        vm.warp(START + 1 hours);
        vm.expectEmit(true, true, true, true, address(settlement));
        emit ISettlement.Settled(1, alice, bob, 1_250 ether, INVOICE);
        vm.prank(alice);
        uint256 id = settlement.settle(bob, 1_250 ether, INVOICE);
        assertEq(id, 1, "first id");
        assertEq(settlement.settlementCount(), 1, "count");
        ISettlement.Record memory r = settlement.settlement(1);
        assertEq(r.from, alice, "from");
        assertEq(r.to, bob, "to");
        assertEq(uint256(r.amount), 1_250 ether, "amount");
        assertEq(r.ref, INVOICE, "reference");
        assertEq(uint256(r.settledAt), START + 3_600, "time");
        assertEq(qut.balanceOf(bob), 1_250 ether, "bob paid directly");
        assertEq(qut.balanceOf(alice), 3_750 ether, "alice paid");
        assertEq(qut.balanceOf(address(settlement)), 0, "no custody");
        assertEq(uint256(settlement.totalsOf(alice).paid), 1_250 ether, "alice paid total");
        assertEq(uint256(settlement.totalsOf(bob).received), 1_250 ether, "bob received total");
    }

    function test_settle_totalsAccumulateBothWays() public {
        vm.prank(alice);
        settlement.settle(bob, 1_000 ether, INVOICE);
        _giveQut(bob, 300 ether);
        vm.startPrank(bob);
        qut.approve(address(settlement), 300 ether);
        settlement.settle(alice, 300 ether, bytes32("credit-note-7"));
        vm.stopPrank();
        assertEq(settlement.settlementCount(), 2, "two settlements");
        assertEq(uint256(settlement.totalsOf(alice).paid), 1_000 ether, "alice paid");
        assertEq(uint256(settlement.totalsOf(alice).received), 300 ether, "alice received");
        assertEq(uint256(settlement.totalsOf(bob).paid), 300 ether, "bob paid");
        assertEq(uint256(settlement.totalsOf(bob).received), 1_000 ether, "bob received");
    }

    function test_RevertWhen_settleWhileSuspended() public {
        // A suspended issuer's records would no longer be backed by a stake in good standing: refused both ways.
        vm.prank(governor);
        registry.suspend(alice, keccak256("breach"));
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                ISettlement.NotVerifiedIssuer.selector,
                alice,
                IIssuerRegistry.IssuerStatus.Suspended
            )
        );
        settlement.settle(bob, 10 ether, INVOICE);
        _assertNothingSettled();
        _giveQut(bob, 10 ether);
        vm.startPrank(bob);
        qut.approve(address(settlement), 10 ether);
        vm.expectRevert(
            abi.encodeWithSelector(
                ISettlement.NotVerifiedIssuer.selector,
                alice,
                IIssuerRegistry.IssuerStatus.Suspended
            )
        );
        settlement.settle(alice, 10 ether, INVOICE);
        vm.stopPrank();
        assertEq(qut.balanceOf(bob), 10 ether, "bob keeps his QUT");
    }

    function test_RevertWhen_settleZero() public {
        vm.prank(alice);
        vm.expectRevert(ISettlement.ZeroAmount.selector);
        settlement.settle(bob, 0, INVOICE);
        _assertNothingSettled();
    }

    function test_RevertWhen_settleWithSelf() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ISettlement.SelfSettlement.selector, alice));
        settlement.settle(alice, 10 ether, INVOICE);
        _assertNothingSettled();
    }

    function test_RevertWhen_settleWithNonIssuer() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ISettlement.NotVerifiedIssuer.selector, carol, UNVERIFIED));
        settlement.settle(carol, 10 ether, INVOICE);
        _assertNothingSettled();
    }

    function test_RevertWhen_settleFromNonIssuer() public {
        _giveQut(carol, 10 ether);
        vm.startPrank(carol);
        qut.approve(address(settlement), 10 ether);
        vm.expectRevert(abi.encodeWithSelector(ISettlement.NotVerifiedIssuer.selector, carol, UNVERIFIED));
        settlement.settle(bob, 10 ether, INVOICE);
        vm.stopPrank();
        assertEq(qut.balanceOf(carol), 10 ether, "carol keeps her QUT");
    }

    function test_RevertWhen_settleToZeroAddress() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ISettlement.NotVerifiedIssuer.selector, address(0), UNVERIFIED));
        settlement.settle(address(0), 10 ether, INVOICE);
        _assertNothingSettled();
    }

    function test_RevertWhen_settleAboveBalance() public {
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, alice, 5_000 ether, 5_001 ether)
        );
        settlement.settle(bob, 5_001 ether, INVOICE);
        _assertNothingSettled();
    }

    function test_RevertWhen_settleAbove96Bits() public {
        uint256 huge = uint256(type(uint96).max) + 1;
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 96, huge));
        settlement.settle(bob, huge, INVOICE);
        _assertNothingSettled();
    }

    function test_RevertWhen_settleWithIssuerAfterFullUnstake() public {
        // Having staked once is no longer enough: an issuer that asked its stake out is unverified at once.
        vm.prank(bob);
        registry.requestUnstake(10_000 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ISettlement.NotVerifiedIssuer.selector, bob, UNVERIFIED));
        settlement.settle(bob, 10 ether, INVOICE);
        _assertNothingSettled();
    }

    /// @dev Issue 19, finding 3: two accounts that staked 1 wei once each washed 100 records of 500 QUT back and
    /// forth, so 50,000 QUT showed as "received" with 1,000 QUT moving. Now the first record is refused and no
    /// total moves; the same wash needs two verified issuers, 2 x 10,000 QUT at risk of a slash.
    function test_exploit_washSettlementsBetweenOneWeiStakes_refused() public {
        address mallory = makeAddr("mallory");
        address trent = makeAddr("trent");
        _stake(mallory, 1);
        _stake(trent, 1);
        assertTrue(registry.isRegistered(mallory), "registered by 1 wei");
        _giveQut(mallory, 1_000 ether);
        vm.startPrank(mallory);
        qut.approve(address(settlement), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ISettlement.NotVerifiedIssuer.selector, mallory, UNVERIFIED));
        settlement.settle(trent, 500 ether, INVOICE);
        vm.stopPrank();
        assertEq(settlement.settlementCount(), 0, "no record");
        assertEq(uint256(settlement.totalsOf(trent).received), 0, "nothing received");
        assertEq(qut.balanceOf(mallory), 1_000 ether, "no QUT moved");
    }

    function test_RevertWhen_constructorZeroAddress() public {
        vm.expectRevert(ISettlement.ZeroAddress.selector);
        new Settlement(address(0), address(registry));
        vm.expectRevert(ISettlement.ZeroAddress.selector);
        new Settlement(address(qut), address(0));
    }

    function test_views_nameTheTokenAndRegistry() public view {
        assertEq(settlement.settlementToken(), address(qut), "token");
        assertEq(settlement.registry(), address(registry), "registry");
    }
}
