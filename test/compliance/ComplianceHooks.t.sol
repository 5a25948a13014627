// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IComplianceRegistry} from "../../contracts/interfaces/IComplianceRegistry.sol";
import {IInferenceMarket} from "../../contracts/interfaces/IInferenceMarket.sol";
import {ComplianceSetup} from "./ComplianceSetup.sol";

/// @notice The market's compliance hooks on (a registry with a 1,000 QUIV threshold): licence sales and transfers,
/// and inference settlements, tested one wei on each side of the threshold, and through attestation, expiry,
/// revocation and a restricted jurisdiction. With the zero registry (every other market test) nothing is called.
contract ComplianceHooksTest is ComplianceSetup {
    // ------------------------------------------------------------------ licence sales

    function test_views_reportTheRegistry() public view {
        assertEq(licences.compliance(), address(compliance), "licences");
        assertEq(market.compliance(), address(compliance), "inference market");
    }

    function test_buy_belowTheThresholdNeedsNoAttestation() public {
        // 1,000 QUIV minus one wei: neither carol nor dana is attested, the sale goes through.
        uint256 listingId = _list(THRESHOLD - 1);
        _buy(carol, listingId);
        assertTrue(licences.isLicensed(listingId, carol), "licensed");
        assertEq(token.balanceOf(carol), 10_000 ether - (THRESHOLD - 1), "paid");
    }

    function test_RevertWhen_buyAtTheThresholdWithoutAttestations_thenPassesOnceBothAreAttested() public {
        uint256 listingId = _list(THRESHOLD);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.NotAttested.selector, carol));
        licences.buy(listingId, THRESHOLD);
        _attest(carol, FR);
        // The seller is a party too.
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.NotAttested.selector, dana));
        licences.buy(listingId, THRESHOLD);
        assertEq(token.balanceOf(carol), 10_000 ether, "nothing paid");
        assertEq(licences.listing(listingId).sold, 0, "nothing sold");
        _attest(dana, FR);
        _buy(carol, listingId);
        assertTrue(licences.isLicensed(listingId, carol), "licensed once both are attested");
        // 1,000 QUIV at the QUIVer table: the seller keeps 80%.
        assertEq(token.balanceOf(dana), 800 ether, "seller's part");
    }

    function test_RevertWhen_buyerIsInARestrictedJurisdiction_evenIfRestrictedDuringAnOpenSale() public {
        uint256 listingId = _list(THRESHOLD);
        _attest(carol, KP);
        _attest(alice, FR);
        _attest(dana, FR);
        _mint(alice, 10_000 ether);
        vm.prank(alice);
        token.approve(address(licences), type(uint256).max);
        _buy(carol, listingId); // KP is not restricted yet
        // Governance restricts KP while the listing is open: the next KP buyer is refused, others are not.
        vm.prank(governor);
        compliance.setRestricted(KP, true);
        address erin = makeAddr("erin");
        _attest(erin, KP);
        _mint(erin, 10_000 ether);
        vm.startPrank(erin);
        token.approve(address(licences), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.RestrictedJurisdiction.selector, erin, KP));
        licences.buy(listingId, THRESHOLD);
        vm.stopPrank();
        _buy(alice, listingId);
        assertEq(licences.listing(listingId).sold, 2, "carol before the change, alice after; erin refused");
        // The licence carol bought before the change stays valid (the registry checks payments, not holdings).
        assertTrue(licences.isLicensed(listingId, carol), "kept");
    }

    function test_RevertWhen_buyAfterTheBuyersAttestationLapsedOrWasRevoked() public {
        uint256 listingId = _list(THRESHOLD);
        _attest(carol, FR);
        _attest(dana, FR);
        vm.warp(T0 + 30 days); // the attestations' expiry
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.AttestationExpired.selector, carol, T0 + 30 days));
        licences.buy(listingId, THRESHOLD);
        vm.startPrank(kyc);
        compliance.attest(carol, T0 + 60 days, FR);
        compliance.attest(dana, T0 + 60 days, FR);
        // Revoked between the buyer's approval and its purchase: refused at once.
        compliance.revoke(carol);
        vm.stopPrank();
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.NotAttested.selector, carol));
        licences.buy(listingId, THRESHOLD);
        assertFalse(licences.isLicensed(listingId, carol), "no licence");
    }

    function test_transferLicence_checksBothHoldersAtTheListingsPrice() public {
        uint256 listingId = _list(THRESHOLD);
        _attest(carol, FR);
        _attest(dana, FR);
        _buy(carol, listingId);
        address erin = makeAddr("erin");
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.NotAttested.selector, erin));
        licences.transferLicence(listingId, erin);
        assertTrue(licences.isLicensed(listingId, carol), "still carol's");
        _attest(erin, FR);
        vm.prank(carol);
        licences.transferLicence(listingId, erin);
        assertTrue(licences.isLicensed(listingId, erin), "erin's now");
    }

    /// @dev KNOWN ISSUE: a transfer is valued at the listing's current price, which the seller sets: a seller lowering
    /// its price below the threshold lets holders pass licences bought at a higher price to unattested accounts
    /// (a licence records no price of its own; storing one would cost every sale a slot). docs/compliance.md.
    function test_knownIssue_aTransferIsValuedAtTheSellersCurrentPrice() public {
        uint256 listingId = _list(THRESHOLD);
        _attest(carol, FR);
        _attest(dana, FR);
        _buy(carol, listingId); // paid 1,000 QUIV, attested
        vm.prank(dana);
        licences.setPrice(listingId, THRESHOLD - 1);
        address erin = makeAddr("erin"); // never attested
        vm.prank(carol);
        licences.transferLicence(listingId, erin);
        assertTrue(licences.isLicensed(listingId, erin), "a 1,000 QUIV licence reached an unattested account");
    }

    // ------------------------------------------------------------------ inference settlements

    function test_settle_belowTheThresholdPasses_atItIsRefusedUntilBothAreAttested() public {
        // Bronze, no discount yet: a voucher's charge is its list value (1,000 QUIV for 1,000,000 small-model tokens).
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, THRESHOLD - 1, 999_999);
        _settle(aliceKey, v);
        assertEq(_balance(alice), 10_000 ether - (THRESHOLD - 1), "paid 1,000 QUIV minus one wei, unattested");

        // The next voucher of the channel charges exactly 1,000 QUIV more (volume 99.9 USD: no band discount yet).
        IInferenceMarket.Voucher memory w = _voucher(alice, bronze, SMALL, 2 * THRESHOLD - 1, 1_999_999);
        bytes memory signature = _sign(aliceKey, w);
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.NotAttested.selector, alice));
        market.settle(w, signature);
        _attest(alice, FR);
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.NotAttested.selector, bronze));
        market.settle(w, signature);
        assertEq(_balance(alice), 10_000 ether - (THRESHOLD - 1), "nothing charged");
        _attest(bronze, FR);
        vm.prank(bronze);
        market.settle(w, signature);
        assertEq(_balance(alice), 10_000 ether - (2 * THRESHOLD - 1), "the 1,000 QUIV settlement went through");
    }

    function test_RevertWhen_theConsumerIsRevokedMidChannel_onlySettlementsBelowTheThresholdGoOn() public {
        _attest(alice, FR);
        _attest(bronze, FR);
        _settle(aliceKey, _voucher(alice, bronze, SMALL, THRESHOLD, 1_000_000)); // attested: 1,000 QUIV settles
        vm.prank(kyc);
        compliance.revoke(alice);
        // The consumer signed 2,000 QUIV cumulative: the 1,000 QUIV step is refused now.
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 2 * THRESHOLD, 2_000_000);
        bytes memory signature = _sign(aliceKey, v);
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IComplianceRegistry.NotAttested.selector, alice));
        market.settle(v, signature);
        // An earlier voucher of the channel (999 QUIV above the last settlement) still settles.
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 2 * THRESHOLD - 1 ether, 1_999_000));
        assertEq(_balance(alice), 10_000 ether - (2 * THRESHOLD - 1 ether), "1,999 QUIV paid in all");
    }

    /// @dev KNOWN ISSUE: the threshold applies to each payment, not to an account's volume: a provider settling a
    /// consumer's cumulative vouchers in steps below the threshold moves any amount between unattested accounts
    /// (likewise several licences below it). A rolling per-account volume would need the registry to write state on
    /// every hooked payment; docs/compliance.md states the limit.
    function test_knownIssue_splitPaymentsBelowTheThresholdEvadeIt() public {
        // Three settlements of 999 QUIV each on one channel: 2,997 QUIV paid, neither party attested.
        for (uint256 i = 1; i <= 3; ++i) {
            _settle(aliceKey, _voucher(alice, bronze, SMALL, i * 999 ether, i * 999_000));
        }
        assertEq(_balance(alice), 10_000 ether - 2_997 ether, "2,997 QUIV above a 1,000 QUIV threshold");
        assertFalse(compliance.isCompliant(alice), "alice never attested");
    }
}
