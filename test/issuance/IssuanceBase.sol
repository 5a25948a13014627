// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";

import {ParameterRegistry} from "../../contracts/governance/ParameterRegistry.sol";
import {IIssuerToken} from "../../contracts/interfaces/IIssuerToken.sol";
import {IssuerRegistry} from "../../contracts/issuance/IssuerRegistry.sol";
import {IssuerToken} from "../../contracts/issuance/IssuerToken.sol";
import {IssuerTokenFactory} from "../../contracts/issuance/IssuerTokenFactory.sol";
import {PartnerRewards} from "../../contracts/issuance/PartnerRewards.sol";
import {Settlement} from "../../contracts/issuance/Settlement.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {QutokenNumbers} from "../utils/QutokenNumbers.sol";
import {Wiring} from "../utils/Wiring.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";
import {ManagedTest} from "../utils/ManagedTest.sol";

/// @notice Shared setup for issuance tests: QUT (the protocol token) under an AccessManager, the parameter
/// registry, and the issuance module wired as the deploy module wires it, with the Qutoken preset's numbers:
/// tiers 10,000 / 50,000 / 250,000 QUT for 1 / 5 / 25 slots, a 35-day notice period, a 1,000 QUT creation
/// fee and a 90-day partner claim window.
abstract contract IssuanceBase is ManagedTest {
    uint256 internal constant QUT_CAP = QutokenNumbers.TOKEN_CAP;
    // The Qutoken preset's numbers (test/utils/QutokenNumbers.sol), by the names the tests use.
    uint256 internal immutable TIER1 = QutokenNumbers.issuerTiers()[0].minStake;
    uint256 internal immutable TIER2 = QutokenNumbers.issuerTiers()[1].minStake;
    uint256 internal immutable TIER3 = QutokenNumbers.issuerTiers()[2].minStake;
    uint256 internal constant NOTICE = QutokenNumbers.UNSTAKE_NOTICE_PERIOD;
    uint256 internal constant FEE = QutokenNumbers.CREATION_FEE;
    uint256 internal constant CLAIM_WINDOW = QutokenNumbers.PARTNER_CLAIM_WINDOW;
    uint256 internal constant START = 1_750_000_000;

    bytes32 internal constant TERMS_HASH = keccak256("Coffee Club terms v1");
    string internal constant TERMS_URI = "ipfs://bafy-coffee-terms";
    bytes32 internal constant VOUCHER_TYPEHASH = keccak256(
        "Voucher(address to,uint256 amount,uint256 id,uint256 deadline)"
    );
    bytes32 internal constant PERMIT_TYPEHASH = keccak256(
        "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
    );
    bytes32 internal constant DOMAIN_TYPEHASH = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
    );

    ProtocolToken internal qut;
    ParameterRegistry internal params;
    IssuerRegistry internal registry;
    IssuerTokenFactory internal factory;
    PartnerRewards internal rewards;
    Settlement internal settlement;

    address internal admin;
    address internal governor;
    address internal emergency;
    address internal guardian;
    address internal qutMinter;
    address internal treasury;
    address internal distributor;
    address internal alice; // an issuer
    uint256 internal alicePk;
    address internal bob; // another issuer
    uint256 internal bobPk;
    address internal carol; // a holder
    uint256 internal carolPk;
    address internal dave; // a holder
    address internal stranger;
    uint256 internal strangerPk;

    /// @dev The compliance registry the tokens check: none (compliance off) unless a test overrides it.
    function _compliance() internal virtual returns (address) {
        return address(0);
    }

    function setUp() public virtual {
        vm.warp(START);
        admin = makeAddr("admin");
        governor = makeAddr("governor");
        emergency = makeAddr("emergency");
        guardian = makeAddr("guardian");
        qutMinter = makeAddr("qutMinter");
        treasury = makeAddr("treasury");
        distributor = makeAddr("distributor");
        (alice, alicePk) = makeAddrAndKey("alice");
        (bob, bobPk) = makeAddrAndKey("bob");
        (carol, carolPk) = makeAddrAndKey("carol");
        dave = makeAddr("dave");
        (stranger, strangerPk) = makeAddrAndKey("stranger");

        manager = new AccessManager(admin);
        qut = new ProtocolToken("Qutoken", "QUT", QUT_CAP, address(manager));
        params = new ParameterRegistry(address(manager));

        registry = new IssuerRegistry(address(manager), address(qut), QutokenNumbers.issuerTiers(), NOTICE, treasury);
        factory = new IssuerTokenFactory(address(manager), address(registry), _compliance(), FEE);
        rewards = new PartnerRewards(address(manager), address(qut), CLAIM_WINDOW);
        settlement = new Settlement(address(qut), address(registry));

        vm.startPrank(admin);
        // Function roles as the presets deploy them (test/utils/Wiring.sol, generated from the deployed presets).
        Wiring.protocolToken(manager, address(qut));
        Wiring.parameterRegistry(manager, address(params));
        Wiring.issuerRegistry(manager, address(registry));
        Wiring.issuerTokenFactory(manager, address(factory));
        Wiring.partnerRewards(manager, address(rewards));

        manager.grantRole(Roles.MINTER, qutMinter, 0);
        manager.grantRole(Roles.GOVERNOR, governor, 0);
        manager.grantRole(Roles.EMERGENCY, emergency, 0);
        manager.grantRole(Roles.GUARDIAN, guardian, 0);
        manager.grantRole(Roles.PARAMETER_REGISTRY, address(params), 0);
        manager.grantRole(Roles.ISSUANCE_SLOT_CONSUMER, address(factory), 0);
        manager.grantRole(Roles.ISSUANCE_FEE_COLLECTOR, address(factory), 0);
        manager.grantRole(Roles.ISSUANCE_PARTNER_DISTRIBUTOR, distributor, 0);

        // Hard bounds, as the preset registers them.
        _register(
            address(registry),
            registry.TIER1_MIN_STAKE(),
            QutokenNumbers.TIER1_MIN_STAKE_MIN,
            QutokenNumbers.TIER1_MIN_STAKE_MAX,
            QutokenNumbers.TIER1_MIN_STAKE_STEP
        );
        _register(
            address(registry),
            registry.TIER2_MIN_STAKE(),
            QutokenNumbers.TIER2_MIN_STAKE_MIN,
            QutokenNumbers.TIER2_MIN_STAKE_MAX,
            QutokenNumbers.TIER2_MIN_STAKE_STEP
        );
        _register(
            address(registry),
            registry.TIER3_MIN_STAKE(),
            QutokenNumbers.TIER3_MIN_STAKE_MIN,
            QutokenNumbers.TIER3_MIN_STAKE_MAX,
            QutokenNumbers.TIER3_MIN_STAKE_STEP
        );
        _register(
            address(registry),
            registry.TIER1_SLOTS(),
            QutokenNumbers.TIER1_SLOTS_MIN,
            QutokenNumbers.TIER1_SLOTS_MAX,
            QutokenNumbers.TIER1_SLOTS_STEP
        );
        _register(
            address(registry),
            registry.TIER2_SLOTS(),
            QutokenNumbers.TIER2_SLOTS_MIN,
            QutokenNumbers.TIER2_SLOTS_MAX,
            QutokenNumbers.TIER2_SLOTS_STEP
        );
        _register(
            address(registry),
            registry.TIER3_SLOTS(),
            QutokenNumbers.TIER3_SLOTS_MIN,
            QutokenNumbers.TIER3_SLOTS_MAX,
            QutokenNumbers.TIER3_SLOTS_STEP
        );
        _register(
            address(registry),
            registry.UNSTAKE_NOTICE_PERIOD(),
            QutokenNumbers.UNSTAKE_NOTICE_PERIOD_MIN,
            QutokenNumbers.UNSTAKE_NOTICE_PERIOD_MAX,
            QutokenNumbers.UNSTAKE_NOTICE_PERIOD_STEP
        );
        _register(
            address(factory),
            factory.CREATION_FEE(),
            QutokenNumbers.CREATION_FEE_MIN,
            QutokenNumbers.CREATION_FEE_MAX,
            QutokenNumbers.CREATION_FEE_STEP
        );
        _register(
            address(rewards),
            rewards.CLAIM_WINDOW(),
            QutokenNumbers.PARTNER_CLAIM_WINDOW_MIN,
            QutokenNumbers.PARTNER_CLAIM_WINDOW_MAX,
            QutokenNumbers.PARTNER_CLAIM_WINDOW_STEP
        );
        vm.stopPrank();

        vm.label(address(qut), "QUT");
        vm.label(address(registry), "IssuerRegistry");
        vm.label(address(factory), "IssuerTokenFactory");
        vm.label(address(rewards), "PartnerRewards");
        vm.label(address(settlement), "Settlement");
    }

    // ------------------------------------------------------------------ QUT and stake

    function _register(address target, bytes32 key, uint256 min, uint256 max, uint256 minStep) internal {
        params.register(target, key, min, max, minStep);
    }

    function _giveQut(address to, uint256 amount) internal {
        vm.prank(qutMinter);
        qut.mint(to, amount);
    }

    /// @dev Mints `amount` QUT to `issuer`, approves the registry for it and stakes it.
    function _stake(address issuer, uint256 amount) internal {
        _giveQut(issuer, amount);
        vm.startPrank(issuer);
        qut.approve(address(registry), amount);
        registry.stake(amount);
        vm.stopPrank();
    }

    // ------------------------------------------------------------------ issuer tokens

    function _config(
        string memory name,
        string memory symbol,
        uint256 cap,
        address minter
    ) internal pure returns (IIssuerToken.TokenConfig memory) {
        return
            IIssuerToken.TokenConfig({
                name: name,
                symbol: symbol,
                cap: cap,
                termsURI: TERMS_URI,
                termsHash: TERMS_HASH,
                minter: minter
            });
    }

    /// @dev Gives `issuer` the creation fee, approves it and creates a token (the issuer must be verified).
    function _create(address issuer, IIssuerToken.TokenConfig memory config) internal returns (IssuerToken token) {
        _giveQut(issuer, FEE);
        vm.startPrank(issuer);
        qut.approve(address(registry), FEE);
        token = IssuerToken(factory.createToken(config));
        vm.stopPrank();
    }

    function _create(address issuer, uint256 cap) internal returns (IssuerToken) {
        return _create(issuer, _config("Coffee Club", "COFFEE", cap, address(0)));
    }

    function _mint(IssuerToken token, address to, uint256 amount) internal {
        vm.prank(token.issuer());
        token.mint(to, amount);
    }

    // ------------------------------------------------------------------ EIP-712, computed by hand

    /// @dev The domain a token must sign in: its own name, version "1", this chain, its own address.
    function _domain(string memory name, address token) internal view returns (bytes32) {
        return keccak256(abi.encode(DOMAIN_TYPEHASH, keccak256(bytes(name)), keccak256("1"), block.chainid, token));
    }

    function _voucherDigest(
        IssuerToken token,
        address to,
        uint256 amount,
        uint256 id,
        uint256 deadline
    ) internal view returns (bytes32) {
        bytes32 structHash = keccak256(abi.encode(VOUCHER_TYPEHASH, to, amount, id, deadline));
        return keccak256(abi.encodePacked("\x19\x01", _domain(token.name(), address(token)), structHash));
    }

    function _signVoucher(
        uint256 pk,
        IssuerToken token,
        address to,
        uint256 amount,
        uint256 id,
        uint256 deadline
    ) internal view returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(pk, _voucherDigest(token, to, amount, id, deadline));
        return abi.encodePacked(r, s, v);
    }
}
