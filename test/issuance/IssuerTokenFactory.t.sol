// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";

import {IIssuerRegistry} from "../../contracts/interfaces/IIssuerRegistry.sol";
import {IIssuerToken} from "../../contracts/interfaces/IIssuerToken.sol";
import {IIssuerTokenFactory} from "../../contracts/interfaces/IIssuerTokenFactory.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {IssuerToken} from "../../contracts/issuance/IssuerToken.sol";
import {IssuerTokenFactory} from "../../contracts/issuance/IssuerTokenFactory.sol";
import {IssuanceBase} from "./IssuanceBase.sol";

contract IssuerTokenFactoryTest is IssuanceBase {
    function setUp() public override {
        super.setUp();
        _stake(alice, 50_000 ether); // tier 2: five slots
    }

    /// @dev Approves the fee and expects `createToken` to revert with `err`; checks nothing changed.
    function _expectCreateRevert(address issuer, IIssuerToken.TokenConfig memory config, bytes memory err) internal {
        _giveQut(issuer, FEE);
        uint256 usedBefore = registry.issuerInfo(issuer).slotsUsed;
        vm.startPrank(issuer);
        qut.approve(address(registry), FEE);
        vm.expectRevert(err);
        factory.createToken(config);
        vm.stopPrank();
        assertEq(factory.tokenCount(), 0, "no token listed");
        assertEq(uint256(registry.issuerInfo(issuer).slotsUsed), usedBefore, "slots unchanged");
        assertEq(qut.balanceOf(issuer), FEE, "fee not charged");
        assertEq(qut.balanceOf(treasury), 0, "treasury unchanged");
    }

    // ------------------------------------------------------------------ createToken

    function test_createToken_clonesInitialisesListsAndChargesFee() public {
        IssuerToken token = _create(alice, _config("Coffee Club", "COFFEE", 5_000 ether, carol));

        address impl = factory.implementation();
        assertEq(
            keccak256(address(token).code),
            keccak256(
                abi.encodePacked(
                    abi.encodePacked(
                        hex"363d3d373d3d3d363d73",
                        impl,
                        hex"5af43d82803e903d91602b57fd5bf3" // EIP-1167 minimal proxy pointing at the implementation
                    ),
                    // Its terms follow as immutable arguments: issuer, minter, cap (16 bytes), terms hash, index
                    // (8 bytes), the three text lengths (2 bytes each) and the texts.
                    abi.encodePacked(alice, carol, uint128(5_000 ether), keccak256("Coffee Club terms v1"), uint64(0)),
                    abi.encodePacked(
                        uint16(11),
                        uint16(6),
                        uint16(24),
                        "Coffee Club",
                        "COFFEE",
                        "ipfs://bafy-coffee-terms"
                    )
                )
            ),
            "token is an EIP-1167 clone of the implementation with its terms appended"
        );
        assertEq(token.name(), "Coffee Club", "name");
        assertEq(token.symbol(), "COFFEE", "symbol");
        assertEq(uint256(token.decimals()), 18, "decimals");
        assertEq(token.cap(), 5_000 ether, "cap");
        assertEq(token.termsURI(), "ipfs://bafy-coffee-terms", "terms URI");
        assertEq(token.termsHash(), keccak256("Coffee Club terms v1"), "terms hash");
        assertEq(token.issuer(), alice, "issuer");
        assertEq(token.minter(), carol, "minter");
        assertEq(token.registry(), address(registry), "registry");
        assertEq(token.factory(), address(factory), "factory");
        assertEq(token.totalSupply(), 0, "nothing minted");

        assertEq(factory.tokenCount(), 1, "listed");
        assertEq(factory.tokenAt(0), address(token), "first in the list");
        assertTrue(factory.isIssuerToken(address(token)), "known to the factory");
        assertEq(factory.tokenRecord(address(token)).issuer, alice, "record issuer");
        assertFalse(factory.tokenRecord(address(token)).retired, "record not retired");

        assertEq(uint256(registry.issuerInfo(alice).slotsUsed), 1, "one slot used");
        assertEq(qut.balanceOf(treasury), 1_000 ether, "creation fee to the treasury");
        assertEq(uint256(registry.issuerInfo(alice).feesPaid), 1_000 ether, "fee counted for alice");
    }

    function test_createToken_emitsFeePaidThenTokenCreated() public {
        IIssuerToken.TokenConfig memory config = _config("Coffee Club", "COFFEE", 5_000 ether, carol);
        _giveQut(alice, FEE);
        vm.startPrank(alice);
        qut.approve(address(registry), FEE);
        vm.expectEmit(true, true, false, true, address(registry));
        emit IIssuerRegistry.FeePaid(alice, keccak256("issuance.fee.tokenCreation"), 1_000 ether, treasury);
        // The clone's address is not known in advance: its topic is not compared, everything else is.
        vm.expectEmit(true, false, false, true, address(factory));
        emit IIssuerTokenFactory.TokenCreated(alice, address(0), 0, config, 1_000 ether);
        address token = factory.createToken(config);
        vm.stopPrank();
        assertEq(token, factory.tokenAt(0), "returned address is the listed token");
    }

    function test_RevertWhen_createTokenByUnverifiedIssuer() public {
        _expectCreateRevert(
            stranger,
            _config("Fake", "FAKE", 1 ether, address(0)),
            abi.encodeWithSelector(
                IIssuerRegistry.IssuerNotVerified.selector,
                stranger,
                IIssuerRegistry.IssuerStatus.Unverified
            )
        );
    }

    function test_RevertWhen_createTokenByIssuerStakedOneWeiBelowTierOne() public {
        _stake(bob, 10_000 ether - 1);
        _expectCreateRevert(
            bob,
            _config("Fake", "FAKE", 1 ether, address(0)),
            abi.encodeWithSelector(
                IIssuerRegistry.IssuerNotVerified.selector,
                bob,
                IIssuerRegistry.IssuerStatus.Unverified
            )
        );
    }

    function test_RevertWhen_createTokenBySuspendedIssuer() public {
        vm.prank(governor);
        registry.suspend(alice, keccak256("breach"));
        _expectCreateRevert(
            alice,
            _config("Coffee", "COFFEE", 1 ether, address(0)),
            abi.encodeWithSelector(
                IIssuerRegistry.IssuerNotVerified.selector,
                alice,
                IIssuerRegistry.IssuerStatus.Suspended
            )
        );
    }

    function test_RevertWhen_createTokenFeeNotApproved() public {
        _giveQut(alice, FEE);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(registry), 0, FEE)
        );
        factory.createToken(_config("Coffee", "COFFEE", 1 ether, address(0)));
        assertEq(factory.tokenCount(), 0, "no token");
        assertEq(uint256(registry.issuerInfo(alice).slotsUsed), 0, "no slot used");
    }

    function test_RevertWhen_createTokenCapZero() public {
        _expectCreateRevert(
            alice,
            _config("Coffee", "COFFEE", 0, address(0)),
            abi.encodeWithSelector(IIssuerToken.InvalidCap.selector, 0)
        );
    }

    function test_RevertWhen_createTokenCapAbove128Bits() public {
        uint256 tooBig = uint256(type(uint128).max) + 1;
        _expectCreateRevert(
            alice,
            _config("Coffee", "COFFEE", tooBig, address(0)),
            abi.encodeWithSelector(IIssuerToken.InvalidCap.selector, tooBig)
        );
    }

    function test_createToken_capAt128Bits() public {
        IssuerToken token = _create(alice, uint256(type(uint128).max));
        assertEq(token.cap(), type(uint128).max, "largest cap");
    }

    function test_RevertWhen_createTokenEmptyName() public {
        _expectCreateRevert(
            alice,
            _config("", "COFFEE", 1 ether, address(0)),
            abi.encodeWithSelector(IIssuerToken.EmptyNameOrSymbol.selector)
        );
    }

    function test_RevertWhen_createTokenEmptySymbol() public {
        _expectCreateRevert(
            alice,
            _config("Coffee", "", 1 ether, address(0)),
            abi.encodeWithSelector(IIssuerToken.EmptyNameOrSymbol.selector)
        );
    }

    function test_RevertWhen_createTokenWithoutTermsHash() public {
        IIssuerToken.TokenConfig memory config = _config("Coffee", "COFFEE", 1 ether, address(0));
        config.termsHash = bytes32(0);
        _expectCreateRevert(alice, config, abi.encodeWithSelector(IIssuerToken.MissingTerms.selector));
    }

    function test_RevertWhen_createTokenWithoutTermsURI() public {
        IIssuerToken.TokenConfig memory config = _config("Coffee", "COFFEE", 1 ether, address(0));
        config.termsURI = "";
        _expectCreateRevert(alice, config, abi.encodeWithSelector(IIssuerToken.MissingTerms.selector));
    }

    function test_createToken_zeroFeeChargesNothing() public {
        bytes32 key = factory.CREATION_FEE();
        vm.prank(emergency);
        params.setEmergency(address(factory), key, 0);
        vm.prank(alice);
        IssuerToken token = IssuerToken(factory.createToken(_config("Coffee", "COFFEE", 1 ether, address(0))));
        assertEq(factory.tokenCount(), 1, "created without paying");
        assertEq(token.issuer(), alice, "issuer");
        assertEq(registry.totalFees(), 0, "no fee recorded");
    }

    function test_setParameter_creationFeeThroughRegistry() public {
        bytes32 key = factory.CREATION_FEE();
        vm.prank(governor);
        params.set(address(factory), key, 1_200 ether);
        assertEq(factory.creationFee(), 1_200 ether, "new fee");
        assertEq(factory.parameter(key), 1_200 ether, "parameter view");
        _giveQut(alice, 1_200 ether);
        vm.startPrank(alice);
        qut.approve(address(registry), 1_200 ether);
        factory.createToken(_config("Coffee", "COFFEE", 1 ether, address(0)));
        vm.stopPrank();
        assertEq(qut.balanceOf(treasury), 1_200 ether, "new fee charged");
    }

    function test_RevertWhen_factoryParameterUnknownKey() public {
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, bytes32("nope")));
        factory.parameter(bytes32("nope"));
    }

    function test_createToken_listsEveryTokenInOrder() public {
        IssuerToken a = _create(alice, 1 ether);
        _stake(bob, 10_000 ether);
        IssuerToken b = _create(bob, 1 ether);
        IssuerToken c = _create(alice, 1 ether);
        assertEq(factory.tokenCount(), 3, "three tokens");
        assertEq(factory.tokenAt(0), address(a), "first");
        assertEq(factory.tokenAt(1), address(b), "second");
        assertEq(factory.tokenAt(2), address(c), "third");
        assertEq(factory.tokenRecord(address(b)).issuer, bob, "bob's token");
        assertFalse(factory.isIssuerToken(address(qut)), "QUT is not an issuer token");
    }

    // ------------------------------------------------------------------ retireToken

    function test_retireToken_freesSlotAndRetiresToken() public {
        IssuerToken token = _create(alice, 1_000 ether);
        _mint(token, carol, 10 ether);
        vm.prank(carol);
        uint256 id = token.redeem(10 ether, bytes32("all"));
        vm.prank(alice);
        token.fulfil(id);
        vm.expectEmit(true, true, false, true, address(factory));
        emit IIssuerTokenFactory.TokenRetired(alice, address(token));
        vm.prank(alice);
        factory.retireToken(address(token));
        assertTrue(token.retired(), "token retired");
        assertTrue(factory.tokenRecord(address(token)).retired, "record retired");
        assertEq(uint256(registry.issuerInfo(alice).slotsUsed), 0, "slot free");
        assertEq(factory.tokenCount(), 1, "still listed");
    }

    function test_RevertWhen_retireTokenByOtherIssuer() public {
        IssuerToken token = _create(alice, 1_000 ether);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IIssuerTokenFactory.NotTokenIssuer.selector, address(token), bob));
        factory.retireToken(address(token));
        assertFalse(token.retired(), "not retired");
        assertEq(uint256(registry.issuerInfo(alice).slotsUsed), 1, "slot still used");
    }

    function test_RevertWhen_retireUnknownToken() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIssuerTokenFactory.UnknownToken.selector, address(qut)));
        factory.retireToken(address(qut));
    }

    function test_RevertWhen_retireTokenTwice() public {
        IssuerToken token = _create(alice, 1_000 ether);
        vm.startPrank(alice);
        factory.retireToken(address(token));
        vm.expectRevert(abi.encodeWithSelector(IIssuerTokenFactory.TokenAlreadyRetired.selector, address(token)));
        factory.retireToken(address(token));
        vm.stopPrank();
        assertEq(uint256(registry.issuerInfo(alice).slotsUsed), 0, "slot released once");
    }

    function test_RevertWhen_retireTokenWithPendingRedemptions() public {
        IssuerToken token = _create(alice, 1_000 ether);
        _mint(token, carol, 10 ether);
        vm.prank(carol);
        token.redeem(10 ether, bytes32("order-1"));
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.RedemptionsPending.selector, 10 ether));
        factory.retireToken(address(token));
        assertFalse(token.retired(), "not retired");
        assertFalse(factory.tokenRecord(address(token)).retired, "record not retired");
        assertEq(uint256(registry.issuerInfo(alice).slotsUsed), 1, "slot still used");
    }

    function test_retireToken_allowedWhileSuspended() public {
        IssuerToken token = _create(alice, 1_000 ether);
        vm.prank(governor);
        registry.suspend(alice, keccak256("breach"));
        vm.prank(alice);
        factory.retireToken(address(token));
        assertTrue(token.retired(), "retired");
    }

    // ------------------------------------------------------------------ forged clones

    function test_create_termsLiveInTheClonesCode() public {
        IssuerToken token = _create(alice, _config("Coffee Club", "COFFEE", 1_000 ether, dave));
        assertEq(token.issuer(), alice, "issuer");
        assertEq(token.minter(), dave, "first minter");
        assertEq(token.cap(), 1_000 ether, "cap");
        assertEq(token.name(), "Coffee Club", "name");
        assertEq(token.symbol(), "COFFEE", "symbol");
        assertEq(token.termsURI(), TERMS_URI, "terms URI");
        assertEq(token.termsHash(), TERMS_HASH, "terms hash");
        // The clone's code is the 45-byte proxy plus the packed arguments.
        assertEq(address(token).code.length, 45 + 102 + 11 + 6 + bytes(TERMS_URI).length, "code length");
        // The issuer replaces the first minter; then the stored one applies.
        vm.prank(alice);
        token.setMinter(address(0));
        assertEq(token.minter(), address(0), "minter removed");
    }

    function test_RevertWhen_forgedCloneMints() public {
        // Anyone can clone the implementation with arguments naming itself issuer, as the factory would. Even a
        // verified issuer (alice) gets a contract that cannot issue: it was not created by the factory.
        bytes memory args = abi.encodePacked(
            alice,
            address(0),
            uint128(type(uint128).max),
            TERMS_HASH,
            uint64(0),
            uint16(5),
            uint16(5),
            uint16(1),
            "Rogue",
            "ROGUE",
            "x"
        );
        address rogue = Clones.cloneWithImmutableArgs(factory.implementation(), args);
        assertEq(IssuerToken(rogue).issuer(), alice, "reads its forged arguments");
        vm.prank(alice);
        vm.expectRevert(IIssuerToken.NotAClone.selector);
        IssuerToken(rogue).mint(alice, 1 ether);
        assertEq(IssuerToken(rogue).totalSupply(), 0, "nothing minted");
        assertFalse(factory.isIssuerToken(rogue), "never listed");
        assertEq(factory.tokenRecord(rogue).issuer, address(0), "no record");
        assertEq(registry.issuerInfo(alice).slotsUsed, 0, "no slot taken");
    }

    function test_RevertWhen_forgedCloneAtTheFactorysSaltFromAnotherDeployer() public {
        // The same arguments and salt from another deployer land at another address, and fail the check.
        bytes memory args = abi.encodePacked(
            alice,
            address(0),
            uint128(1 ether),
            TERMS_HASH,
            uint64(0),
            uint16(1),
            uint16(1),
            uint16(1),
            "R",
            "R",
            "x"
        );
        address rogue = Clones.cloneDeterministicWithImmutableArgs(factory.implementation(), args, bytes32(0));
        vm.prank(alice);
        vm.expectRevert(IIssuerToken.NotAClone.selector);
        IssuerToken(rogue).mint(alice, 1);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIssuerTokenFactory.UnknownToken.selector, rogue));
        factory.retireToken(rogue);
    }

    function test_RevertWhen_implementationUsedDirectly() public {
        IssuerToken impl = IssuerToken(factory.implementation());
        vm.expectRevert(IIssuerToken.NotAClone.selector);
        impl.issuer();
        vm.expectRevert(IIssuerToken.NotAClone.selector);
        impl.name();
        vm.prank(alice);
        vm.expectRevert(IIssuerToken.NotAClone.selector);
        impl.mint(alice, 1);
        assertFalse(factory.isIssuerToken(address(impl)), "the implementation is not a token");
    }

    function test_RevertWhen_retireCalledOnTokenDirectly() public {
        IssuerToken token = _create(alice, 1_000 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIssuerToken.NotFactory.selector, alice));
        token.retire();
        assertFalse(token.retired(), "not retired");
    }

    function test_RevertWhen_setFactoryParameterDirectly() public {
        bytes32 key = factory.CREATION_FEE();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, alice));
        factory.setParameter(key, 0);
        assertEq(factory.creationFee(), 1_000 ether, "unchanged");
    }

    function test_RevertWhen_factoryConstructorZeroRegistry() public {
        vm.expectRevert(IIssuerRegistry.ZeroAddress.selector);
        new IssuerTokenFactory(address(manager), address(0), address(0), FEE);
    }
}
