// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";
import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {ComplianceRegistry} from "../../contracts/compliance/ComplianceRegistry.sol";
import {ParameterRegistry} from "../../contracts/governance/ParameterRegistry.sol";
import {Parameterized} from "../../contracts/common/Parameterized.sol";
import {IComplianceRegistry} from "../../contracts/interfaces/IComplianceRegistry.sol";
import {IParameterRegistry} from "../../contracts/interfaces/IParameterRegistry.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {ManagedTest} from "../utils/ManagedTest.sol";

/// @notice The compliance registry alone: attestations by KYC providers, the restricted list, the governed
/// threshold and the one check, at its edges (1,000 tokens: 1,000 needs attested parties, 1,000 minus one wei not).
contract ComplianceRegistryTest is ManagedTest {
    uint256 internal constant T0 = 1_750_000_000;
    uint256 internal constant THRESHOLD = 1_000 ether;
    bytes2 internal constant FR = "FR";
    bytes2 internal constant KP = "KP";

    ComplianceRegistry internal compliance;
    ParameterRegistry internal params;
    address internal admin;
    address internal governor;
    address internal kyc;
    address internal kyc2;
    address internal alice;
    address internal bob;

    function setUp() public {
        vm.warp(T0);
        admin = makeAddr("admin");
        governor = makeAddr("governor");
        kyc = makeAddr("kyc");
        kyc2 = makeAddr("kyc2");
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        manager = new AccessManager(admin);
        compliance = new ComplianceRegistry(address(manager), THRESHOLD);
        params = new ParameterRegistry(address(manager));
        vm.startPrank(admin);
        _restrict(address(compliance), ComplianceRegistry.attest.selector, Roles.KYC_PROVIDER);
        _restrict(address(compliance), ComplianceRegistry.revoke.selector, Roles.KYC_PROVIDER);
        _restrict(address(compliance), ComplianceRegistry.setRestricted.selector, Roles.GOVERNOR);
        _restrict(address(compliance), Parameterized.setParameter.selector, Roles.PARAMETER_REGISTRY);
        _restrict(address(params), ParameterRegistry.set.selector, Roles.GOVERNOR);
        manager.grantRole(Roles.KYC_PROVIDER, kyc, 0);
        manager.grantRole(Roles.KYC_PROVIDER, kyc2, 0);
        manager.grantRole(Roles.GOVERNOR, governor, 0);
        manager.grantRole(Roles.PARAMETER_REGISTRY, address(params), 0);
        // Bounds as a preset registers them: 100 to 100,000 tokens.
        params.register(address(compliance), compliance.THRESHOLD(), 100 ether, 100_000 ether, 0);
        vm.stopPrank();
    }

    function _attest(address account, uint256 expiry, bytes2 jurisdiction) internal {
        vm.prank(kyc);
        compliance.attest(account, expiry, jurisdiction);
    }

    // ------------------------------------------------------------------ the edge

    function test_check_passesOneWeiBelowTheThresholdForAnyone() public view {
        // Neither party attested: 999.999999999999999999 tokens pass.
        compliance.check(alice, bob, THRESHOLD - 1);
        compliance.check(alice, bob, 0);
    }

    function test_RevertWhen_checkAtTheThresholdWithAnUnattestedParty() public {
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.NotAttested.selector, alice));
        compliance.check(alice, bob, THRESHOLD);
        _attest(alice, T0 + 30 days, FR);
        // The payer passes now: the payee is next.
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.NotAttested.selector, bob));
        compliance.check(alice, bob, THRESHOLD);
        _attest(bob, T0 + 30 days, FR);
        compliance.check(alice, bob, THRESHOLD);
        compliance.check(alice, bob, type(uint256).max);
    }

    function test_check_theZeroAddressStandsForAMintAndIsNotChecked() public {
        _attest(bob, T0 + 30 days, FR);
        compliance.check(address(0), bob, THRESHOLD);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.NotAttested.selector, alice));
        compliance.check(address(0), alice, THRESHOLD);
    }

    function test_RevertWhen_theAttestationLapsed_atItsExpiryToTheSecond() public {
        _attest(alice, T0 + 30 days, FR);
        _attest(bob, T0 + 30 days, FR);
        vm.warp(T0 + 30 days - 1);
        compliance.check(alice, bob, THRESHOLD); // one second before: valid
        assertTrue(compliance.isCompliant(alice), "valid one second before");
        vm.warp(T0 + 30 days);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.AttestationExpired.selector, alice, T0 + 30 days));
        compliance.check(alice, bob, THRESHOLD);
        assertFalse(compliance.isCompliant(alice), "lapsed at its expiry");
        compliance.check(alice, bob, THRESHOLD - 1); // below: still nothing asked
    }

    function test_RevertWhen_aPartyIsInARestrictedJurisdiction() public {
        _attest(alice, T0 + 30 days, FR);
        _attest(bob, T0 + 30 days, KP);
        vm.expectEmit(true, false, false, true, address(compliance));
        emit IComplianceRegistry.RestrictedSet(KP, true);
        vm.prank(governor);
        compliance.setRestricted(KP, true);
        assertTrue(compliance.isRestricted(KP), "listed");
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.RestrictedJurisdiction.selector, bob, KP));
        compliance.check(alice, bob, THRESHOLD);
        compliance.check(alice, bob, THRESHOLD - 1);
        vm.prank(governor);
        compliance.setRestricted(KP, false);
        compliance.check(alice, bob, THRESHOLD);
    }

    // ------------------------------------------------------------------ attestations

    function test_attest_recordsOneSlotAndEmits() public {
        vm.expectEmit(true, true, false, true, address(compliance));
        emit IComplianceRegistry.Attested(alice, kyc, T0 + 365 days, FR);
        _attest(alice, T0 + 365 days, FR);
        IComplianceRegistry.Attestation memory a = compliance.attestation(alice);
        assertEq(a.provider, kyc, "provider");
        assertEq(a.expiry, T0 + 365 days, "expiry");
        assertEq(a.jurisdiction, FR, "jurisdiction");
        // A second attestation replaces the first (a renewal, or a move).
        vm.prank(kyc2);
        compliance.attest(alice, T0 + 10 days, KP);
        a = compliance.attestation(alice);
        assertEq(a.provider, kyc2, "replaced: provider");
        assertEq(a.expiry, T0 + 10 days, "replaced: expiry");
        assertEq(a.jurisdiction, KP, "replaced: jurisdiction");
    }

    function test_RevertWhen_attestGetsBadInput_nothingChanges() public {
        vm.startPrank(kyc);
        vm.expectRevert(IComplianceRegistry.ZeroAddress.selector);
        compliance.attest(address(0), T0 + 1, FR);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.InvalidExpiry.selector, T0));
        compliance.attest(alice, T0, FR);
        vm.expectRevert(
            abi.encodeWithSelector(IComplianceRegistry.InvalidExpiry.selector, uint256(type(uint64).max) + 1)
        );
        compliance.attest(alice, uint256(type(uint64).max) + 1, FR);
        vm.expectRevert(IComplianceRegistry.InvalidJurisdiction.selector);
        compliance.attest(alice, T0 + 1, bytes2(0));
        vm.stopPrank();
        IComplianceRegistry.Attestation memory a = compliance.attestation(alice);
        assertEq(a.provider, address(0), "nothing recorded");
        assertEq(a.expiry, 0, "no expiry");
    }

    function test_attack_aKycProviderCannotAttestItself() public {
        vm.prank(kyc);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.SelfAttestation.selector, kyc));
        compliance.attest(kyc, T0 + 365 days, FR);
        assertFalse(compliance.isCompliant(kyc), "still unattested");
        // Another provider may.
        vm.prank(kyc2);
        compliance.attest(kyc, T0 + 365 days, FR);
        assertTrue(compliance.isCompliant(kyc), "attested by a second provider");
    }

    function test_RevertWhen_anyoneButAKycProviderAttestsOrRevokes() public {
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, alice));
        compliance.attest(alice, T0 + 1 days, FR);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, alice));
        compliance.revoke(bob);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, alice));
        compliance.setRestricted(FR, true);
        vm.stopPrank();
        vm.prank(kyc);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, kyc));
        compliance.setRestricted(FR, true);
        assertFalse(compliance.isRestricted(FR), "unchanged");
    }

    function test_revoke_endsTheAttestationAtOnce() public {
        _attest(alice, T0 + 30 days, FR);
        _attest(bob, T0 + 30 days, FR);
        compliance.check(alice, bob, THRESHOLD);
        vm.expectEmit(true, true, false, false, address(compliance));
        emit IComplianceRegistry.Revoked(alice, kyc2);
        vm.prank(kyc2); // any provider may revoke
        compliance.revoke(alice);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.NotAttested.selector, alice));
        compliance.check(alice, bob, THRESHOLD);
        vm.prank(kyc);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.NotAttested.selector, alice));
        compliance.revoke(alice);
    }

    function test_RevertWhen_setRestrictedGetsTheZeroCode() public {
        vm.prank(governor);
        vm.expectRevert(IComplianceRegistry.InvalidJurisdiction.selector);
        compliance.setRestricted(bytes2(0), true);
        assertFalse(compliance.isRestricted(bytes2(0)), "unchanged");
    }

    // ------------------------------------------------------------------ the governed threshold

    function test_threshold_isGovernedWithinItsBounds() public {
        assertEq(compliance.parameter(compliance.THRESHOLD()), THRESHOLD, "initial");
        bytes32 key = compliance.THRESHOLD();
        vm.prank(governor);
        params.set(address(compliance), key, 1_200 ether); // +20%, the registry's most per quarter
        assertEq(compliance.threshold(), 1_200 ether, "raised");
        // 1,000 passes unattested now; 1,200 does not.
        compliance.check(alice, bob, 1_200 ether - 1);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.NotAttested.selector, alice));
        compliance.check(alice, bob, 1_200 ether);
        vm.prank(governor);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterRegistry.ValueOutOfBounds.selector, 99 ether, 100 ether, 100_000 ether)
        );
        params.set(address(compliance), key, 99 ether);
        assertEq(compliance.threshold(), 1_200 ether, "unchanged");
    }

    function test_RevertWhen_setParameterNamesAnotherKeyOrIsNotTheRegistry() public {
        vm.prank(address(params));
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, bytes32("x")));
        compliance.setParameter(bytes32("x"), 1);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, bytes32("x")));
        compliance.parameter(bytes32("x"));
        bytes32 key = compliance.THRESHOLD();
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, governor));
        compliance.setParameter(key, 1);
        assertEq(compliance.threshold(), THRESHOLD, "unchanged");
    }
}
