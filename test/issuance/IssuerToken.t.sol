// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
// solhint-disable-next-line max-line-length
import {ERC20PermitUpgradeable} from "@openzeppelin/contracts-upgradeable/token/ERC20/extensions/ERC20PermitUpgradeable.sol";

import {IIssuerRegistry} from "../../contracts/interfaces/IIssuerRegistry.sol";
import {IIssuerToken} from "../../contracts/interfaces/IIssuerToken.sol";
import {IssuerToken} from "../../contracts/issuance/IssuerToken.sol";
import {IssuanceBase} from "./IssuanceBase.sol";
import {MockERC1271Wallet} from "./mocks/MockERC1271Wallet.sol";

contract IssuerTokenTest is IssuanceBase {
    uint256 internal constant CAP = 1_000 ether;
    bytes32 internal constant ORDER = bytes32("order-1");

    IssuerToken internal token;
    address internal minterKey;
    uint256 internal minterPk;

    function setUp() public override {
        super.setUp();
        (minterKey, minterPk) = makeAddrAndKey("minter");
        _stake(alice, 50_000 ether);
        token = _create(alice, _config("Coffee Club", "COFFEE", CAP, minterKey));
    }

    function _assertSupply(uint256 supply, uint256 minted, uint256 pending, string memory err) internal view {
        assertEq(token.totalSupply(), supply, string.concat(err, ": supply"));
        assertEq(token.totalMinted(), minted, string.concat(err, ": minted"));
        assertEq(token.pendingRedemptions(), pending, string.concat(err, ": pending"));
        assertEq(token.totalMinted() - token.totalBurned(), token.totalSupply(), string.concat(err, ": accounting"));
    }

    // ------------------------------------------------------------------ mint

    function test_mint_byIssuer() public {
        vm.prank(alice);
        token.mint(carol, 100 ether);
        assertEq(token.balanceOf(carol), 100 ether, "carol balance");
        _assertSupply(100 ether, 100 ether, 0, "after mint");
    }

    function test_mint_byMinter() public {
        vm.prank(minterKey);
        token.mint(carol, 40 ether);
        assertEq(token.balanceOf(carol), 40 ether, "carol balance");
    }

    function test_mint_exactlyToCap() public {
        _mint(token, carol, CAP - 1);
        _mint(token, dave, 1);
        _assertSupply(1_000 ether, 1_000 ether, 0, "at cap");
    }

    function test_RevertWhen_mintOneWeiOverCap() public {
        _mint(token, carol, CAP);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.CapExceeded.selector, CAP + 1, CAP));
        token.mint(dave, 1);
        _assertSupply(1_000 ether, 1_000 ether, 0, "unchanged");
        assertEq(token.balanceOf(dave), 0, "dave unchanged");
    }

    function test_RevertWhen_mintByStranger() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.NotMinter.selector, stranger));
        token.mint(stranger, 1 ether);
        _assertSupply(0, 0, 0, "unchanged");
    }

    function test_RevertWhen_mintZero() public {
        vm.prank(alice);
        vm.expectRevert(IIssuerToken.ZeroAmount.selector);
        token.mint(carol, 0);
    }

    function test_RevertWhen_mintToZeroAddress() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InvalidReceiver.selector, address(0)));
        token.mint(address(0), 1 ether);
        _assertSupply(0, 0, 0, "unchanged");
    }

    function test_RevertWhen_mintBySuspendedIssuer() public {
        vm.prank(governor);
        registry.suspend(alice, keccak256("breach"));
        bytes memory err = abi.encodeWithSelector(
            IIssuerRegistry.IssuerNotVerified.selector,
            alice,
            IIssuerRegistry.IssuerStatus.Suspended
        );
        vm.prank(alice);
        vm.expectRevert(err);
        token.mint(carol, 1 ether);
        vm.prank(minterKey);
        vm.expectRevert(err);
        token.mint(carol, 1 ether);
        _assertSupply(0, 0, 0, "unchanged");
    }

    function test_mint_resumesAfterReinstatement() public {
        vm.startPrank(governor);
        registry.suspend(alice, keccak256("breach"));
        registry.reinstate(alice);
        vm.stopPrank();
        _mint(token, carol, 1 ether);
        assertEq(token.balanceOf(carol), 1 ether, "minted again");
    }

    function test_RevertWhen_mintAfterIssuerSlashedBelowTierOne() public {
        vm.prank(governor);
        registry.slash(alice, 40_000 ether + 1, keccak256("breach"));
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IIssuerRegistry.IssuerNotVerified.selector,
                alice,
                IIssuerRegistry.IssuerStatus.Unverified
            )
        );
        token.mint(carol, 1 ether);
    }

    function test_RevertWhen_mintAfterRetirement() public {
        vm.prank(alice);
        factory.retireToken(address(token));
        vm.prank(alice);
        vm.expectRevert(IIssuerToken.TokenIsRetired.selector);
        token.mint(carol, 1 ether);
    }

    // ------------------------------------------------------------------ minter

    function test_setMinter_rotatesTheMinter() public {
        address newMinter = makeAddr("newMinter");
        vm.expectEmit(false, false, false, true, address(token));
        emit IIssuerToken.MinterSet(newMinter);
        vm.prank(alice);
        token.setMinter(newMinter);
        assertEq(token.minter(), newMinter, "new minter");
        vm.prank(minterKey);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.NotMinter.selector, minterKey));
        token.mint(carol, 1 ether);
        vm.prank(newMinter);
        token.mint(carol, 1 ether);
        assertEq(token.balanceOf(carol), 1 ether, "new minter mints");
    }

    function test_RevertWhen_setMinterByMinter() public {
        vm.prank(minterKey);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.NotIssuer.selector, minterKey));
        token.setMinter(minterKey);
        assertEq(token.minter(), minterKey, "unchanged");
    }

    // ------------------------------------------------------------------ redemption

    function test_redeem_burnsAndRecordsPending() public {
        _mint(token, carol, 100 ether);
        vm.expectEmit(true, true, false, true, address(token));
        emit IIssuerToken.Redeemed(1, carol, 30 ether, ORDER);
        vm.prank(carol);
        uint256 id = token.redeem(30 ether, ORDER);
        assertEq(id, 1, "first id");
        assertEq(token.redemptionCount(), 1, "count");
        assertEq(token.balanceOf(carol), 70 ether, "carol balance");
        assertEq(token.totalBurned(), 30 ether, "burned");
        _assertSupply(70 ether, 100 ether, 30 ether, "after redeem");
        IIssuerToken.Redemption memory r = token.redemption(1);
        assertEq(r.holder, carol, "holder");
        assertEq(uint256(r.amount), 30 ether, "amount");
        assertEq(uint256(r.status), uint256(IIssuerToken.RedemptionStatus.Pending), "pending");
    }

    function test_RevertWhen_redeemMoreThanHeld() public {
        _mint(token, carol, 100 ether);
        vm.prank(carol);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, carol, 100 ether, 100 ether + 1)
        );
        token.redeem(100 ether + 1, ORDER);
        assertEq(token.balanceOf(carol), 100 ether, "balance unchanged");
        assertEq(token.redemptionCount(), 0, "no redemption");
        _assertSupply(100 ether, 100 ether, 0, "unchanged");
    }

    function test_RevertWhen_redeemWithNothingHeld() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, stranger, 0, 1));
        token.redeem(1, ORDER);
        assertEq(token.redemptionCount(), 0, "no redemption");
    }

    function test_RevertWhen_redeemZero() public {
        _mint(token, carol, 100 ether);
        vm.prank(carol);
        vm.expectRevert(IIssuerToken.ZeroAmount.selector);
        token.redeem(0, ORDER);
        assertEq(token.redemptionCount(), 0, "no redemption");
    }

    function test_RevertWhen_redeemAfterRetirement() public {
        _mint(token, carol, 100 ether);
        vm.prank(carol);
        uint256 id = token.redeem(100 ether, ORDER);
        vm.startPrank(alice);
        token.fulfil(id);
        factory.retireToken(address(token));
        vm.stopPrank();
        vm.prank(carol);
        vm.expectRevert(IIssuerToken.TokenIsRetired.selector);
        token.redeem(1 ether, ORDER);
        assertEq(token.redemptionCount(), 1, "no new redemption");
    }

    function test_redeem_andTransferWhileIssuerSuspended() public {
        _mint(token, carol, 100 ether);
        vm.prank(governor);
        registry.suspend(alice, keccak256("breach"));
        vm.startPrank(carol);
        assertTrue(token.transfer(dave, 10 ether), "transfer");
        uint256 id = token.redeem(20 ether, ORDER);
        vm.stopPrank();
        // The suspended issuer still answers for redemptions.
        vm.prank(alice);
        token.refund(id);
        assertEq(token.balanceOf(carol), 90 ether, "refunded while suspended");
        assertEq(token.balanceOf(dave), 10 ether, "dave received");
    }

    function test_fulfil_releasesTheCapShare() public {
        _mint(token, carol, CAP);
        vm.prank(carol);
        uint256 id = token.redeem(300 ether, ORDER);
        // Pending: the burned share stays reserved, so nothing can be minted yet.
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.CapExceeded.selector, CAP + 1, CAP));
        token.mint(dave, 1);

        vm.expectEmit(true, false, false, true, address(token));
        emit IIssuerToken.RedemptionFulfilled(id);
        vm.prank(alice);
        token.fulfil(id);
        assertEq(uint256(token.redemption(id).status), uint256(IIssuerToken.RedemptionStatus.Fulfilled), "fulfilled");
        assertEq(token.totalFulfilled(), 300 ether, "fulfilled total");
        _assertSupply(700 ether, 1_000 ether, 0, "after fulfil");

        _mint(token, dave, 300 ether); // the freed share can be issued again
        _assertSupply(1_000 ether, 1_300 ether, 0, "re-issued up to the cap");
        assertEq(token.totalBurned(), 300 ether, "burned");
    }

    function test_refund_remintsToHolderWithinTheReservedShare() public {
        _mint(token, carol, CAP);
        vm.prank(carol);
        uint256 id = token.redeem(300 ether, ORDER);
        vm.expectEmit(true, true, false, true, address(token));
        emit IIssuerToken.RedemptionRefunded(id, carol, 300 ether);
        vm.prank(alice);
        token.refund(id);
        assertEq(token.balanceOf(carol), 1_000 ether, "carol whole again");
        assertEq(uint256(token.redemption(id).status), uint256(IIssuerToken.RedemptionStatus.Refunded), "refunded");
        assertEq(token.totalRefunded(), 300 ether, "refunded total");
        assertEq(token.totalFulfilled(), 0, "nothing fulfilled");
        assertEq(token.totalBurned(), 300 ether, "the redemption's burn stays counted");
        _assertSupply(1_000 ether, 1_300 ether, 0, "supply back at the cap, never above");
    }

    function test_RevertWhen_fulfilTwice() public {
        _mint(token, carol, 100 ether);
        vm.prank(carol);
        uint256 id = token.redeem(10 ether, ORDER);
        vm.startPrank(alice);
        token.fulfil(id);
        vm.expectRevert(
            abi.encodeWithSelector(
                IIssuerToken.RedemptionNotPending.selector,
                id,
                IIssuerToken.RedemptionStatus.Fulfilled
            )
        );
        token.fulfil(id);
        vm.expectRevert(
            abi.encodeWithSelector(
                IIssuerToken.RedemptionNotPending.selector,
                id,
                IIssuerToken.RedemptionStatus.Fulfilled
            )
        );
        token.refund(id);
        vm.stopPrank();
        assertEq(token.balanceOf(carol), 90 ether, "no refund after fulfilment");
        assertEq(token.totalFulfilled(), 10 ether, "fulfilled once");
    }

    function test_RevertWhen_refundTwice() public {
        _mint(token, carol, 100 ether);
        vm.prank(carol);
        uint256 id = token.redeem(10 ether, ORDER);
        vm.startPrank(alice);
        token.refund(id);
        vm.expectRevert(
            abi.encodeWithSelector(
                IIssuerToken.RedemptionNotPending.selector,
                id,
                IIssuerToken.RedemptionStatus.Refunded
            )
        );
        token.refund(id);
        vm.stopPrank();
        assertEq(token.balanceOf(carol), 100 ether, "refunded once");
    }

    function test_RevertWhen_fulfilUnknownRedemption() public {
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IIssuerToken.RedemptionNotPending.selector, 7, IIssuerToken.RedemptionStatus.None)
        );
        token.fulfil(7);
    }

    function test_RevertWhen_fulfilOrRefundByNonIssuer() public {
        _mint(token, carol, 100 ether);
        vm.prank(carol);
        uint256 id = token.redeem(10 ether, ORDER);
        vm.prank(minterKey);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.NotIssuer.selector, minterKey));
        token.fulfil(id);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.NotIssuer.selector, carol));
        token.refund(id);
        assertEq(uint256(token.redemption(id).status), uint256(IIssuerToken.RedemptionStatus.Pending), "pending");
    }

    // ------------------------------------------------------------------ vouchers

    function _claim(address to, uint256 amount, uint256 id, uint256 deadline, bytes memory sig) internal {
        vm.prank(stranger); // anyone may submit
        token.claimVoucher(to, amount, id, deadline, sig);
    }

    function test_claimVoucher_signedByIssuerMintsToNamedHolder() public {
        uint256 deadline = block.timestamp + 1 days;
        bytes memory sig = _signVoucher(alicePk, token, carol, 25 ether, 1, deadline);
        vm.expectEmit(true, true, false, true, address(token));
        emit IIssuerToken.VoucherClaimed(1, carol, 25 ether);
        _claim(carol, 25 ether, 1, deadline, sig);
        assertEq(token.balanceOf(carol), 25 ether, "carol got the tokens");
        assertEq(token.balanceOf(stranger), 0, "the submitter got nothing");
        assertTrue(token.isVoucherUsed(1), "id used");
        _assertSupply(25 ether, 25 ether, 0, "after claim");
    }

    function test_claimVoucher_signedByMinter() public {
        uint256 deadline = block.timestamp + 1 days;
        _claim(carol, 5 ether, 2, deadline, _signVoucher(minterPk, token, carol, 5 ether, 2, deadline));
        assertEq(token.balanceOf(carol), 5 ether, "minted");
    }

    function test_claimVoucher_exactlyAtDeadline() public {
        uint256 deadline = block.timestamp + 1 days;
        bytes memory sig = _signVoucher(alicePk, token, carol, 5 ether, 3, deadline);
        vm.warp(deadline);
        _claim(carol, 5 ether, 3, deadline, sig);
        assertEq(token.balanceOf(carol), 5 ether, "claimable at the deadline");
    }

    function test_RevertWhen_voucherReplayed() public {
        uint256 deadline = block.timestamp + 1 days;
        bytes memory sig = _signVoucher(alicePk, token, carol, 25 ether, 1, deadline);
        _claim(carol, 25 ether, 1, deadline, sig);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.VoucherAlreadyUsed.selector, 1));
        _claim(carol, 25 ether, 1, deadline, sig);
        _assertSupply(25 ether, 25 ether, 0, "minted once");
    }

    function test_RevertWhen_voucherExpired() public {
        uint256 deadline = block.timestamp + 1 days;
        bytes memory sig = _signVoucher(alicePk, token, carol, 25 ether, 1, deadline);
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.VoucherExpired.selector, deadline, deadline + 1));
        _claim(carol, 25 ether, 1, deadline, sig);
        assertFalse(token.isVoucherUsed(1), "id unused");
        _assertSupply(0, 0, 0, "unchanged");
    }

    function test_RevertWhen_voucherForgedByStranger() public {
        uint256 deadline = block.timestamp + 1 days;
        bytes memory sig = _signVoucher(strangerPk, token, stranger, 500 ether, 1, deadline);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.InvalidVoucherSignature.selector, 1));
        _claim(stranger, 500 ether, 1, deadline, sig);
        assertFalse(token.isVoucherUsed(1), "id unused");
        _assertSupply(0, 0, 0, "unchanged");
    }

    function test_RevertWhen_voucherSignedByHolderItself() public {
        uint256 deadline = block.timestamp + 1 days;
        bytes memory sig = _signVoucher(carolPk, token, carol, 5 ether, 1, deadline);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.InvalidVoucherSignature.selector, 1));
        _claim(carol, 5 ether, 1, deadline, sig);
    }

    function test_RevertWhen_voucherAmountTampered() public {
        uint256 deadline = block.timestamp + 1 days;
        bytes memory sig = _signVoucher(alicePk, token, carol, 5 ether, 1, deadline);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.InvalidVoucherSignature.selector, 1));
        _claim(carol, 500 ether, 1, deadline, sig);
        _assertSupply(0, 0, 0, "unchanged");
    }

    function test_RevertWhen_voucherRecipientTampered() public {
        uint256 deadline = block.timestamp + 1 days;
        bytes memory sig = _signVoucher(alicePk, token, carol, 5 ether, 1, deadline);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.InvalidVoucherSignature.selector, 1));
        _claim(stranger, 5 ether, 1, deadline, sig);
    }

    function test_RevertWhen_voucherMalformedSignature() public {
        uint256 deadline = block.timestamp + 1 days;
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.InvalidVoucherSignature.selector, 1));
        _claim(carol, 5 ether, 1, deadline, hex"deadbeef");
    }

    function test_RevertWhen_voucherForAnotherToken() public {
        // Same issuer, same name: only the verifying contract differs.
        IssuerToken other = _create(alice, _config("Coffee Club", "COFFEE", CAP, minterKey));
        uint256 deadline = block.timestamp + 1 days;
        bytes memory sig = _signVoucher(alicePk, token, carol, 5 ether, 1, deadline);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.InvalidVoucherSignature.selector, 1));
        other.claimVoucher(carol, 5 ether, 1, deadline, sig);
        assertEq(other.totalSupply(), 0, "nothing minted on the other token");
        _claim(carol, 5 ether, 1, deadline, sig); // still good where it was signed
        assertEq(token.balanceOf(carol), 5 ether, "claimed on its own token");
    }

    function test_RevertWhen_voucherOnAnotherChain() public {
        uint256 deadline = block.timestamp + 1 days;
        bytes memory sig = _signVoucher(alicePk, token, carol, 5 ether, 1, deadline);
        vm.chainId(block.chainid + 1);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.InvalidVoucherSignature.selector, 1));
        _claim(carol, 5 ether, 1, deadline, sig);
        assertEq(token.totalSupply(), 0, "nothing minted on the other chain");
    }

    function test_RevertWhen_voucherSignedByOldMinter() public {
        uint256 deadline = block.timestamp + 1 days;
        bytes memory sig = _signVoucher(minterPk, token, carol, 5 ether, 1, deadline);
        vm.prank(alice);
        token.setMinter(address(0));
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.InvalidVoucherSignature.selector, 1));
        _claim(carol, 5 ether, 1, deadline, sig);
    }

    function test_RevertWhen_voucherOfSuspendedIssuer() public {
        uint256 deadline = block.timestamp + 1 days;
        bytes memory sig = _signVoucher(alicePk, token, carol, 5 ether, 1, deadline);
        vm.prank(governor);
        registry.suspend(alice, keccak256("breach"));
        vm.expectRevert(
            abi.encodeWithSelector(
                IIssuerRegistry.IssuerNotVerified.selector,
                alice,
                IIssuerRegistry.IssuerStatus.Suspended
            )
        );
        _claim(carol, 5 ether, 1, deadline, sig);
        assertFalse(token.isVoucherUsed(1), "id stays unused");
    }

    function test_RevertWhen_voucherAboveCap() public {
        uint256 deadline = block.timestamp + 1 days;
        bytes memory sig = _signVoucher(alicePk, token, carol, CAP + 1, 1, deadline);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.CapExceeded.selector, CAP + 1, CAP));
        _claim(carol, CAP + 1, 1, deadline, sig);
    }

    function test_cancelVoucher_blocksItsClaim() public {
        uint256 deadline = block.timestamp + 1 days;
        bytes memory sig = _signVoucher(alicePk, token, carol, 5 ether, 9, deadline);
        vm.expectEmit(true, false, false, true, address(token));
        emit IIssuerToken.VoucherCancelled(9);
        vm.prank(minterKey);
        token.cancelVoucher(9);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.VoucherAlreadyUsed.selector, 9));
        _claim(carol, 5 ether, 9, deadline, sig);
    }

    function test_RevertWhen_cancelVoucherByStranger() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.NotMinter.selector, stranger));
        token.cancelVoucher(9);
        assertFalse(token.isVoucherUsed(9), "unchanged");
    }

    function test_RevertWhen_cancelUsedVoucher() public {
        uint256 deadline = block.timestamp + 1 days;
        _claim(carol, 5 ether, 9, deadline, _signVoucher(alicePk, token, carol, 5 ether, 9, deadline));
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.VoucherAlreadyUsed.selector, 9));
        token.cancelVoucher(9);
    }

    function test_claimVoucher_contractIssuerSignsThroughERC1271() public {
        (address owner, uint256 ownerPk) = makeAddrAndKey("safeOwner");
        MockERC1271Wallet wallet = new MockERC1271Wallet(owner);
        _giveQut(address(wallet), 10_000 ether + FEE);
        vm.startPrank(owner);
        wallet.execute(address(qut), abi.encodeCall(qut.approve, (address(registry), 10_000 ether + FEE)));
        wallet.execute(address(registry), abi.encodeCall(registry.stake, (10_000 ether)));
        bytes memory created = wallet.execute(
            address(factory),
            abi.encodeCall(factory.createToken, (_config("Safe Co", "SAFE", CAP, address(0))))
        );
        vm.stopPrank();
        IssuerToken safeToken = IssuerToken(abi.decode(created, (address)));

        uint256 deadline = block.timestamp + 1 days;
        bytes memory sig = _signVoucher(ownerPk, safeToken, carol, 7 ether, 1, deadline);
        safeToken.claimVoucher(carol, 7 ether, 1, deadline, sig);
        assertEq(safeToken.balanceOf(carol), 7 ether, "minted on the wallet's signature");

        bytes memory forged = _signVoucher(strangerPk, safeToken, carol, 7 ether, 2, deadline);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.InvalidVoucherSignature.selector, 2));
        safeToken.claimVoucher(carol, 7 ether, 2, deadline, forged);
    }

    function testFuzz_voucherIdsAreUsedOneByOne(uint256 id, uint256 other) public {
        vm.assume(id != other);
        uint256 deadline = block.timestamp + 1 days;
        _claim(carol, 1 ether, id, deadline, _signVoucher(alicePk, token, carol, 1 ether, id, deadline));
        assertTrue(token.isVoucherUsed(id), "claimed id used");
        assertFalse(token.isVoucherUsed(other), "other id untouched");
    }

    // ------------------------------------------------------------------ permit and EIP-712 domain

    function _permitSig(
        IssuerToken t,
        uint256 pk,
        address owner,
        address spender,
        uint256 value,
        uint256 deadline
    ) internal view returns (uint8 v, bytes32 r, bytes32 s) {
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, t.nonces(owner), deadline));
        return vm.sign(pk, keccak256(abi.encodePacked("\x19\x01", _domain(t.name(), address(t)), structHash)));
    }

    function test_eip712Domain_isTheClonesOwn() public view {
        (, string memory name, string memory version, uint256 chainId, address verifying, , ) = token.eip712Domain();
        assertEq(name, "Coffee Club", "domain name is the token's name");
        assertEq(version, "1", "version");
        assertEq(chainId, block.chainid, "chain id");
        assertEq(verifying, address(token), "verifying contract is the clone");
        assertEq(token.DOMAIN_SEPARATOR(), _domain("Coffee Club", address(token)), "separator computed by hand");
    }

    function test_permit_onClone() public {
        _mint(token, carol, 10 ether);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permitSig(token, carolPk, carol, dave, 4 ether, deadline);
        token.permit(carol, dave, 4 ether, deadline, v, r, s);
        assertEq(token.allowance(carol, dave), 4 ether, "allowance from permit");
        assertEq(token.nonces(carol), 1, "nonce used");
    }

    function test_RevertWhen_permitForCloneAUsedOnCloneB() public {
        IssuerToken other = _create(alice, _config("Coffee Club", "COFFEE", CAP, minterKey));
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permitSig(token, carolPk, carol, dave, 4 ether, deadline);
        vm.expectPartialRevert(ERC20PermitUpgradeable.ERC2612InvalidSigner.selector);
        other.permit(carol, dave, 4 ether, deadline, v, r, s);
        assertEq(other.allowance(carol, dave), 0, "no allowance on clone B");
        assertEq(other.nonces(carol), 0, "nonce unchanged on clone B");
    }

    function test_RevertWhen_permitReplayed() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permitSig(token, carolPk, carol, dave, 4 ether, deadline);
        token.permit(carol, dave, 4 ether, deadline, v, r, s);
        vm.expectPartialRevert(ERC20PermitUpgradeable.ERC2612InvalidSigner.selector);
        token.permit(carol, dave, 4 ether, deadline, v, r, s);
        assertEq(token.nonces(carol), 1, "nonce unchanged by the replay");
    }

    // ------------------------------------------------------------------ fuzz

    /// @dev Any mix of mint, redeem, fulfil and refund keeps supply <= cap and minted - burned == supply.
    function testFuzz_mintRedeemSettleKeepsAccounting(uint256 mintAmt, uint256 redeemAmt, bool fulfilIt) public {
        mintAmt = bound(mintAmt, 1, CAP);
        redeemAmt = bound(redeemAmt, 1, mintAmt);
        _mint(token, carol, mintAmt);
        vm.prank(carol);
        uint256 id = token.redeem(redeemAmt, ORDER);
        vm.prank(alice);
        if (fulfilIt) token.fulfil(id);
        else token.refund(id);
        uint256 room = CAP - token.totalSupply() - token.pendingRedemptions();
        if (room > 0) _mint(token, dave, room);
        assertEq(token.totalSupply(), CAP, "supply fills the cap exactly");
        assertEq(token.totalMinted() - token.totalBurned(), token.totalSupply(), "minted - burned == supply");
        assertEq(token.totalBurned(), redeemAmt, "burned == redeemed");
        assertEq(
            token.totalFulfilled() + token.totalRefunded() + token.pendingRedemptions(),
            redeemAmt,
            "every redemption settled one way"
        );
    }
}
