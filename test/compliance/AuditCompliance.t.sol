// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IComplianceRegistry} from "../../contracts/interfaces/IComplianceRegistry.sol";
import {IInferenceMarket} from "../../contracts/interfaces/IInferenceMarket.sol";
import {IVolumeContracts} from "../../contracts/interfaces/IVolumeContracts.sol";
import {VolumeContracts} from "../../contracts/market/VolumeContracts.sol";
import {ComplianceSetup} from "./ComplianceSetup.sol";

/// @notice Audit of the compliance hooks (s10): exploit tests. Threshold 1,000 QUIV (ComplianceSetup's registry).
contract AuditComplianceTest is ComplianceSetup {
    VolumeContracts internal volume;
    uint256 internal erinKey;
    address internal erin;

    /// @dev ComplianceSetup's set-up, plus a VolumeContracts on the same token, router, staking and registry.
    function setUp() public override {
        super.setUp();
        volume = new VolumeContracts(
            IERC20(address(token)),
            router,
            staking,
            compliance,
            address(manager),
            IVolumeContracts.Parameters({storageFeePerPeriod: 1 ether})
        );
        (erin, erinKey) = makeAddrAndKey("erin");
        _mint(erin, 10_000 ether);
        vm.prank(erin);
        token.approve(address(volume), type(uint256).max);
    }

    // ------------------------------------------------------------------ F1: lapse strands the provider's earned pay

    /// @dev KNOWN ISSUE (audit s10 F1, Medium; docs/compliance.md): the check runs at settlement, not when the consumer
    /// commits funds (reserve) or signs. A
    /// consumer whose attestation lapses (or is revoked / restricted) between signing a large voucher and its
    /// settlement makes it unsettleable, then releases its reserve and withdraws: the provider served 5,000 QUIV of
    /// work for nothing and the consumer keeps all 10,000 QUIV. A single KYC_PROVIDER key can do the same to any
    /// consumer at will (revoke, or re-attest with a 1-second expiry: any provider overwrites any attestation).
    function test_knownIssue_consumerLapseStrandsProviderPay_consumerWithdrawsEverything() public {
        // Both attested until T0 + 30 days; alice's 10,000 QUIV reserved for bronze (setUp).
        _attest(alice, FR);
        _attest(bronze, FR);
        // One large (batch-style) request: a single voucher of 5,000 QUIV, signed an hour before alice's expiry.
        vm.warp(T0 + 30 days - 1 hours);
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 5 * THRESHOLD, 5_000_000);
        bytes memory signature = _sign(aliceKey, v);
        // Alice asks for her reserve back at once (3-day notice); the provider settles in its next batch, at the
        // expiry.
        vm.prank(alice);
        market.requestRelease(bronze);
        vm.warp(T0 + 30 days);
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.AttestationExpired.selector, alice, T0 + 30 days));
        market.settle(v, signature);
        // No smaller voucher exists (one request): the provider cannot split. Alice releases and withdraws all.
        vm.warp(T0 + 30 days - 1 hours + NOTICE);
        vm.startPrank(alice);
        market.release(bronze);
        market.withdraw(10_000 ether);
        vm.stopPrank();
        assertEq(token.balanceOf(alice), 10_000 ether, "alice kept all 10,000 QUIV after 5,000 QUIV of service");
        assertEq(_unclaimed(bronze), 0, "bronze earned nothing");
    }

    /// @dev KNOWN ISSUE (audit s10 F1b): the same through a KYC provider (or governance restricting FR): revocation
    /// after the work, before the
    /// settlement; the KYC key can re-attest once its terms are met (front-running the provider's settle).
    function test_knownIssue_kycProviderRevocationHoldsASettlementHostage() public {
        _attest(alice, FR);
        _attest(bronze, FR);
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 5 * THRESHOLD, 5_000_000);
        bytes memory signature = _sign(aliceKey, v);
        // Any KYC provider overwrites alice's attestation with one that lapses next second (same as a revoke).
        vm.prank(kyc);
        compliance.attest(alice, block.timestamp + 1, FR);
        vm.warp(block.timestamp + 1);
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.AttestationExpired.selector, alice, T0 + 1));
        market.settle(v, signature);
        // Likewise bronze's own attestation: the provider blocked from every settlement at or above 1,000 QUIV.
        vm.prank(kyc);
        compliance.revoke(bronze);
        vm.prank(kyc);
        compliance.attest(alice, T0 + 30 days, FR);
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.NotAttested.selector, bronze));
        market.settle(v, signature);
        assertEq(_unclaimed(bronze), 0, "settlement held until the KYC key re-attests");
    }

    // ------------------------------------------------------------------ F2: VolumeContracts bypasses the hook

    /// @dev Audit s10 F2 (Medium, fixed). VolumeContracts paid the provider out of the consumer's escrow with no
    /// compliance hook: a restricted-jurisdiction consumer (erin, KP) paid an unattested provider (gold) 2,000 QUIV in
    /// one settlement (gold kept 1,600), the very payment the inference market refuses. A committed-volume settlement
    /// now checks both parties like a market settlement: refused `RestrictedJurisdiction`, nothing moves; one wei
    /// under the threshold (499,999 tokens at 2 QUIV per 1,000 = 999.998 QUIV) still settles, the threshold being
    /// 1,000 QUIV.
    function test_attack_volumeSettlementAboveTheThresholdNeedsAttestedParties() public {
        _attest(erin, KP);
        vm.prank(governor);
        compliance.setRestricted(KP, true);
        vm.prank(erin);
        uint256 id = volume.propose(gold, SMALL, 2 ether, 1_000_000, block.timestamp + 30 days, 5_000);
        vm.prank(gold);
        volume.accept(id);
        IVolumeContracts.Usage memory u = IVolumeContracts.Usage({commitmentId: id, cumulativeTokens: 1_000_000});
        (uint8 vv, bytes32 r, bytes32 s) = vm.sign(erinKey, volume.hashUsage(u));
        uint256 before = token.balanceOf(gold);
        vm.prank(gold);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.RestrictedJurisdiction.selector, erin, KP));
        volume.settle(u, abi.encodePacked(r, s, vv));
        assertEq(token.balanceOf(gold), before, "nothing paid");
        assertEq(volume.commitment(id).settledTokens, 0, "nothing settled");

        // Below the threshold the check passes whoever the parties are.
        IVolumeContracts.Usage memory small = IVolumeContracts.Usage({commitmentId: id, cumulativeTokens: 499_999});
        (vv, r, s) = vm.sign(erinKey, volume.hashUsage(small));
        vm.prank(gold);
        volume.settle(small, abi.encodePacked(r, s, vv));
        assertEq(volume.commitment(id).settledTokens, 499_999, "999.998 QUIV settled under the threshold");
    }

    // ------------------------------------------------------------------ F3: jurisdiction codes not normalised

    /// @dev Audit s10 F3 (Low, fixed). `attest` accepted any non-zero bytes2 as a jurisdiction and the restricted list
    /// matches bytes exactly: an attestation written "kp" escaped the restriction of "KP" and bought a 5,000 QUIV
    /// licence. Codes must now be two upper-case ASCII letters, on both sides; nothing changes on a refusal.
    function test_attack_lowercaseJurisdictionIsRefused() public {
        vm.prank(governor);
        compliance.setRestricted(KP, true);
        vm.startPrank(kyc);
        vm.expectRevert(IComplianceRegistry.InvalidJurisdiction.selector);
        compliance.attest(carol, T0 + 30 days, bytes2("kp"));
        vm.expectRevert(IComplianceRegistry.InvalidJurisdiction.selector);
        compliance.attest(carol, T0 + 30 days, bytes2(0x4B00)); // "K\x00"
        vm.expectRevert(IComplianceRegistry.InvalidJurisdiction.selector);
        compliance.attest(carol, T0 + 30 days, bytes2("K[")); // 0x5B, one past "Z"
        vm.stopPrank();
        assertFalse(compliance.isCompliant(carol), "carol stays unattested");
        vm.prank(governor);
        vm.expectRevert(IComplianceRegistry.InvalidJurisdiction.selector);
        compliance.setRestricted(bytes2("kp"), true);
        // The edges of the alphabet are codes.
        vm.prank(kyc);
        compliance.attest(carol, T0 + 30 days, bytes2("AZ"));
        assertTrue(compliance.isCompliant(carol), "AZ is a code");
    }

    // ------------------------------------------------------------------ F4: licence resale re-prices after purchase

    /// @dev KNOWN ISSUE (audit s10 F4, Low, extends the pinned one): the seller does not even need to lower the price
    /// for long. A
    /// seller colluding with a buyer sets the price to 1 wei for one block, the buyer passes licences of a 5,000 QUIV
    /// listing to any number of unattested accounts, and the price goes back up: the listing's terms are unchanged
    /// for everybody else.
    function test_knownIssue_sellerDipsPriceForOneBlockToLaunderLicences() public {
        uint256 listingId = _list(5 * THRESHOLD);
        _attest(carol, FR);
        _attest(dana, FR);
        _buy(carol, listingId);
        vm.prank(dana);
        licences.setPrice(listingId, 1);
        address unattested = makeAddr("unattested");
        vm.prank(carol);
        licences.transferLicence(listingId, unattested);
        vm.prank(dana);
        licences.setPrice(listingId, 5 * THRESHOLD);
        assertTrue(licences.isLicensed(listingId, unattested), "5,000 QUIV licence held by an unattested account");
        assertEq(licences.listing(listingId).price, 5 * THRESHOLD, "price back");
    }
}
