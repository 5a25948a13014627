// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IIssuerRegistry} from "../../contracts/interfaces/IIssuerRegistry.sol";
import {IIssuerToken} from "../../contracts/interfaces/IIssuerToken.sol";
import {IssuerToken} from "../../contracts/issuance/IssuerToken.sol";
import {IssuanceBase} from "./IssuanceBase.sol";

/// @notice The whole life of an issuer, in order: stake, verify, create, mint, circulate, redeem, fulfil,
/// refund, voucher, service fee, settlement, redeem the rest, retire, unstake, withdraw. Every figure is written
/// by hand.
contract IssuerLifecycleTest is IssuanceBase {
    function test_lifecycle_stakeCreateMintCirculateRedeemFulfilRetireUnstake() public {
        // 1. Stake and verify: 12,000 QUT is tier 1 (one slot).
        _stake(alice, 12_000 ether);
        assertEq(uint256(registry.statusOf(alice)), uint256(IIssuerRegistry.IssuerStatus.Verified), "verified");
        assertEq(registry.slotCapacity(alice), 1, "one slot");

        // 2. Create a token: 1,000 QUT fee to the treasury, one slot used.
        IssuerToken token = _create(alice, _config("Coffee Club", "COFFEE", 10_000 ether, address(0)));
        assertEq(qut.balanceOf(treasury), 1_000 ether, "creation fee");
        assertEq(uint256(registry.issuerInfo(alice).slotsUsed), 1, "slot used");

        // 3. Mint and circulate.
        _mint(token, carol, 500 ether);
        vm.prank(carol);
        assertTrue(token.transfer(dave, 120 ether), "carol pays dave");
        assertEq(token.balanceOf(carol), 380 ether, "carol");
        assertEq(token.balanceOf(dave), 120 ether, "dave");

        // 4. Hybrid issuance: a voucher signed off-chain, claimed by carol.
        uint256 deadline = block.timestamp + 7 days;
        bytes memory sig = _signVoucher(alicePk, token, carol, 20 ether, 1, deadline);
        vm.prank(carol);
        token.claimVoucher(carol, 20 ether, 1, deadline, sig);
        assertEq(token.balanceOf(carol), 400 ether, "carol after voucher");

        // 5. Redeem, fulfil one, refund the other.
        vm.prank(carol);
        uint256 latte = token.redeem(50 ether, bytes32("latte-x-50"));
        vm.prank(dave);
        uint256 beans = token.redeem(20 ether, bytes32("beans-1kg"));
        vm.startPrank(alice);
        token.fulfil(latte);
        token.refund(beans);
        vm.stopPrank();
        assertEq(token.totalSupply(), 470 ether, "supply: 520 issued - 50 fulfilled");
        assertEq(token.totalMinted(), 540 ether, "minted: 500 + 20 voucher + 20 refund");
        assertEq(token.totalBurned(), 70 ether, "burned: 50 + 20");
        assertEq(token.totalFulfilled(), 50 ether, "fulfilled");
        assertEq(token.totalRefunded(), 20 ether, "refunded");
        assertEq(token.pendingRedemptions(), 0, "nothing pending");
        assertEq(token.balanceOf(dave), 120 ether, "dave refunded");

        // 6. Service fee and a settlement with another project.
        _stake(bob, 10_000 ether);
        _giveQut(alice, 300 ether);
        vm.startPrank(alice);
        qut.approve(address(registry), 100 ether);
        registry.payServiceFee(keccak256("api.pro"), 100 ether);
        qut.approve(address(settlement), 200 ether);
        settlement.settle(bob, 200 ether, bytes32("invoice-9"));
        vm.stopPrank();
        assertEq(uint256(registry.issuerInfo(alice).feesPaid), 1_100 ether, "fees: creation + service");
        assertEq(qut.balanceOf(treasury), 1_100 ether, "treasury");
        assertEq(qut.balanceOf(bob), 200 ether, "bob settled");

        // 7. Unstaking below tier 1 is refused while the token holds the slot.
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIssuerRegistry.SlotsInUse.selector, 1, 0));
        registry.requestUnstake(12_000 ether);

        // 8. Retiring is refused while 470 tokens are outstanding; the holders redeem them all and alice delivers.
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.SupplyOutstanding.selector, 470 ether));
        factory.retireToken(address(token));
        vm.prank(carol);
        uint256 rest = token.redeem(350 ether, bytes32("carol-rest"));
        vm.prank(dave);
        uint256 daveRest = token.redeem(120 ether, bytes32("dave-rest"));
        vm.startPrank(alice);
        token.fulfil(rest);
        token.fulfil(daveRest);
        vm.stopPrank();
        assertEq(token.totalSupply(), 0, "nothing outstanding");

        // 9. Retire the token (frees the slot), then unstake and withdraw after the notice period.
        vm.startPrank(alice);
        factory.retireToken(address(token));
        registry.requestUnstake(12_000 ether);
        vm.stopPrank();
        vm.warp(START + 35 days);
        vm.prank(alice);
        registry.withdraw();
        assertEq(qut.balanceOf(alice), 12_000 ether, "stake back");
        assertEq(registry.totalStaked(), 10_000 ether, "only bob's stake left");
        assertEq(uint256(registry.statusOf(alice)), uint256(IIssuerRegistry.IssuerStatus.Unverified), "unverified");

        // The retired token has no holder left; issuance is closed.
        vm.prank(alice);
        vm.expectRevert(IIssuerToken.TokenIsRetired.selector);
        token.mint(carol, 1 ether);
    }
}
