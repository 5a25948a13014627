// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

import {IProtocolToken} from "../../contracts/interfaces/IProtocolToken.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";
import {ProtocolTokenBase} from "./ProtocolTokenBase.sol";

contract ProtocolTokenTest is ProtocolTokenBase {
    bytes32 private constant PERMIT_TYPEHASH = keccak256(
        "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
    );

    // ------------------------------------------------------------------ constructor

    function test_constructor_setsMetadataAndCap() public view {
        assertEq(token.name(), "QUIVer", "name");
        assertEq(token.symbol(), "QUIV", "symbol");
        assertEq(uint256(token.decimals()), 18, "decimals");
        assertEq(token.cap(), CAP, "cap");
        assertEq(token.totalSupply(), 0, "supply starts at zero");
        assertEq(token.totalMinted(), 0, "minted starts at zero");
        assertEq(token.totalBurned(), 0, "burned starts at zero");
        assertEq(token.authority(), address(manager), "authority");
    }

    function test_clock_isTimestamp() public {
        vm.warp(1_800_000_000);
        assertEq(uint256(token.clock()), 1_800_000_000, "clock follows block.timestamp");
        assertEq(token.CLOCK_MODE(), "mode=timestamp", "ERC-6372 mode");
    }

    function test_RevertWhen_constructorCapIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(IProtocolToken.InvalidCap.selector, 0));
        new ProtocolToken("T", "T", 0, address(manager));
    }

    function test_RevertWhen_constructorCapAboveVotesLimit() public {
        uint256 tooBig = uint256(type(uint208).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(IProtocolToken.InvalidCap.selector, tooBig));
        new ProtocolToken("T", "T", tooBig, address(manager));
    }

    function test_constructor_acceptsCapAtVotesLimit() public {
        ProtocolToken t = new ProtocolToken("T", "T", type(uint208).max, address(manager));
        assertEq(t.cap(), type(uint208).max, "cap at the uint208 limit");
    }

    // ------------------------------------------------------------------ mint

    function test_mint_byMinter_creditsRecipient() public {
        _mint(alice, 250 ether);
        assertEq(token.balanceOf(alice), 250 ether, "alice balance");
        assertEq(token.totalSupply(), 250 ether, "supply");
        assertEq(token.totalMinted(), 250 ether, "minted");
    }

    function test_mint_exactlyToCap() public {
        _mint(alice, CAP - 1);
        _mint(bob, 1);
        assertEq(token.totalMinted(), CAP, "minted reaches the cap exactly");
        assertEq(token.totalSupply(), CAP, "supply at cap");
    }

    function test_RevertWhen_mintOneWeiOverCap() public {
        _mint(alice, CAP);
        vm.prank(minter);
        vm.expectRevert(abi.encodeWithSelector(IProtocolToken.CapExceeded.selector, CAP + 1, CAP));
        token.mint(bob, 1);
        assertEq(token.totalSupply(), CAP, "supply unchanged");
        assertEq(token.balanceOf(bob), 0, "bob unchanged");
    }

    function test_RevertWhen_mintAboveCapInOneCall() public {
        vm.prank(minter);
        vm.expectRevert(abi.encodeWithSelector(IProtocolToken.CapExceeded.selector, CAP + 1, CAP));
        token.mint(alice, CAP + 1);
        assertEq(token.totalSupply(), 0, "supply unchanged");
    }

    function test_RevertWhen_mintByNonMinter() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, alice));
        token.mint(alice, 1 ether);
        assertEq(token.totalSupply(), 0, "supply unchanged");
        assertEq(token.balanceOf(alice), 0, "alice unchanged");
    }

    function test_RevertWhen_mintByAdminWithoutMinterRole() public {
        // The manager's admin can grant roles but is not itself a minter.
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, admin));
        token.mint(admin, 1 ether);
    }

    function test_RevertWhen_mintAfterMinterRoleRevoked() public {
        vm.prank(admin);
        manager.revokeRole(1, minter);
        vm.prank(minter);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, minter));
        token.mint(alice, 1 ether);
    }

    function test_RevertWhen_mintToZeroAddress() public {
        vm.prank(minter);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InvalidReceiver.selector, address(0)));
        token.mint(address(0), 1 ether);
        assertEq(token.totalMinted(), 0, "minted unchanged");
    }

    function test_RevertWhen_mintZeroAmount() public {
        vm.prank(minter);
        vm.expectRevert(IProtocolToken.ZeroAmount.selector);
        token.mint(alice, 0);
    }

    // ------------------------------------------------------------------ burn

    function test_burn_countsAsBurnedAndLowersSupply() public {
        _mint(alice, 100 ether);
        vm.prank(alice);
        token.burn(30 ether);
        assertEq(token.totalSupply(), 70 ether, "supply after burn");
        assertEq(token.totalBurned(), 30 ether, "burned");
        assertEq(token.totalMinted(), 100 ether, "minted unchanged by burn");
    }

    function test_burnFrom_spendsAllowance() public {
        _mint(alice, 100 ether);
        vm.prank(alice);
        token.approve(bob, 40 ether);
        vm.prank(bob);
        token.burnFrom(alice, 25 ether);
        assertEq(token.allowance(alice, bob), 15 ether, "allowance spent");
        assertEq(token.totalBurned(), 25 ether, "burned");
    }

    function test_RevertWhen_burnFromWithoutAllowance() public {
        _mint(alice, 100 ether);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, bob, 0, 1 ether));
        token.burnFrom(alice, 1 ether);
    }

    function test_RevertWhen_burnMoreThanBalance() public {
        _mint(alice, 1 ether);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, alice, 1 ether, 1 ether + 1)
        );
        token.burn(1 ether + 1);
    }

    function test_RevertWhen_mintingBackBurnedTokensAboveCap() public {
        // Burns are permanent: the cap bounds the lifetime total minted, not the live supply.
        _mint(alice, CAP);
        vm.prank(alice);
        token.burn(10 ether);
        vm.prank(minter);
        vm.expectRevert(abi.encodeWithSelector(IProtocolToken.CapExceeded.selector, CAP + 1, CAP));
        token.mint(alice, 1);
    }

    // ------------------------------------------------------------------ permit

    function _permitDigest(
        address owner,
        address spender,
        uint256 value,
        uint256 nonce,
        uint256 deadline
    ) internal view returns (bytes32) {
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, nonce, deadline));
        return keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
    }

    function test_permit_setsAllowanceAndBumpsNonce() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(alicePk, _permitDigest(alice, bob, 5 ether, 0, deadline));
        token.permit(alice, bob, 5 ether, deadline, v, r, s);
        assertEq(token.allowance(alice, bob), 5 ether, "allowance from permit");
        assertEq(token.nonces(alice), 1, "nonce used");
    }

    function test_RevertWhen_permitReplayed() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(alicePk, _permitDigest(alice, bob, 5 ether, 0, deadline));
        token.permit(alice, bob, 5 ether, deadline, v, r, s);
        // The same signature now recovers to a different signer because the nonce moved on.
        vm.expectPartialRevert(ERC20Permit.ERC2612InvalidSigner.selector);
        token.permit(alice, bob, 5 ether, deadline, v, r, s);
        assertEq(token.nonces(alice), 1, "nonce unchanged by the failed replay");
    }

    function test_RevertWhen_permitExpired() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(alicePk, _permitDigest(alice, bob, 5 ether, 0, deadline));
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612ExpiredSignature.selector, deadline));
        token.permit(alice, bob, 5 ether, deadline, v, r, s);
        assertEq(token.allowance(alice, bob), 0, "allowance unchanged");
    }

    function test_RevertWhen_permitSignedForAnotherChain() public {
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 digest = _permitDigest(alice, bob, 5 ether, 0, deadline);
        vm.chainId(block.chainid + 1);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(alicePk, digest);
        vm.expectPartialRevert(ERC20Permit.ERC2612InvalidSigner.selector);
        token.permit(alice, bob, 5 ether, deadline, v, r, s);
        assertEq(token.allowance(alice, bob), 0, "allowance unchanged");
    }

    // ------------------------------------------------------------------ votes

    function test_votes_countOnlyAfterDelegation() public {
        _mint(alice, 100 ether);
        assertEq(token.getVotes(alice), 0, "undelegated balance carries no votes");
        vm.prank(alice);
        token.delegate(alice);
        assertEq(token.getVotes(alice), 100 ether, "self-delegated votes");
    }

    function test_getPastVotes_unchangedByLaterTransfer() public {
        _mint(alice, 100 ether);
        vm.prank(alice);
        token.delegate(alice);
        uint256 snapshot = block.timestamp;
        vm.warp(snapshot + 1);
        vm.prank(alice);
        assertTrue(token.transfer(bob, 60 ether), "transfer");
        vm.prank(bob);
        token.delegate(bob);
        vm.warp(snapshot + 2);
        assertEq(token.getPastVotes(alice, snapshot), 100 ether, "alice's votes at the snapshot");
        assertEq(token.getPastVotes(bob, snapshot), 0, "bob bought after the snapshot");
        assertEq(token.getVotes(alice), 40 ether, "alice now");
        assertEq(token.getVotes(bob), 60 ether, "bob now");
    }

    function test_getPastVotes_sameSecondTransferNotReadable() public {
        _mint(alice, 100 ether);
        vm.prank(alice);
        token.delegate(alice);
        // A lookup at the current timestamp is refused: the snapshot second is not over yet.
        vm.expectRevert();
        token.getPastVotes(alice, block.timestamp);
    }

    // ------------------------------------------------------------------ fuzz

    function testFuzz_mint_neverExceedsCap(uint256 first, uint256 second) public {
        first = bound(first, 1, CAP);
        second = bound(second, 1, CAP);
        _mint(alice, first);
        vm.prank(minter);
        if (first + second > CAP) {
            vm.expectRevert(abi.encodeWithSelector(IProtocolToken.CapExceeded.selector, first + second, CAP));
            token.mint(bob, second);
            assertEq(token.totalSupply(), first, "failed mint leaves supply");
        } else {
            token.mint(bob, second);
            assertEq(token.totalSupply(), first + second, "supply is the sum of mints");
        }
        assertLe(token.totalMinted(), CAP, "never above cap");
    }

    function testFuzz_transfer_conservesSupplyAndVotes(uint256 minted, uint256 sent) public {
        minted = bound(minted, 1, CAP);
        sent = bound(sent, 0, minted);
        _mint(alice, minted);
        vm.prank(alice);
        token.delegate(alice);
        vm.prank(bob);
        token.delegate(bob);
        vm.prank(alice);
        assertTrue(token.transfer(bob, sent), "transfer");
        assertEq(token.balanceOf(alice) + token.balanceOf(bob), minted, "balances sum to what was minted");
        assertEq(token.getVotes(alice), minted - sent, "alice votes follow balance");
        assertEq(token.getVotes(bob), sent, "bob votes follow balance");
        assertEq(token.totalSupply(), minted, "supply unchanged by transfer");
    }

    function testFuzz_burn_accounting(uint256 minted, uint256 burned) public {
        minted = bound(minted, 1, CAP);
        burned = bound(burned, 0, minted);
        _mint(alice, minted);
        vm.prank(alice);
        token.burn(burned);
        assertEq(token.totalBurned(), burned, "burned");
        assertEq(token.totalSupply(), minted - burned, "supply");
        assertEq(token.totalSupply() + token.totalBurned(), token.totalMinted(), "supply + burned == minted");
    }
}
