// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IFeeRouter} from "../../contracts/interfaces/IFeeRouter.sol";
import {ILicenceMarket} from "../../contracts/interfaces/ILicenceMarket.sol";
import {MarketKeys} from "../../contracts/libraries/MarketKeys.sol";
import {LicenceMarketTest} from "./LicenceMarket.t.sol";

/// @notice Audit of the data marketplace (s8-a24m). QUIVer table: provider 80%, validators 0.5%, burn 1%,
/// infrastructure 13.5%, treasury 5%.
contract AuditLicenceTest is LicenceMarketTest {
    bytes32 internal constant EVIL_TERMS = keccak256("impostor's terms");

    // ------------------------------------------------------------------ M-1: one listing per model, forever (fixed)

    /// Was: a model's access listing could never be replaced and `sold` counts every purchase ever, so timed access
    /// with a finite supply ended for good after `supply` purchases. Now the seller raises the supply, and a seller the
    /// curator names lists fresh terms (the old listing closes; access sold by it stays valid).
    function test_attack_timedModelAccessRenewsAfterItSellsOut() public {
        vm.prank(curator);
        licences.setModelSeller(SMALL, owner);
        vm.prank(owner);
        uint256 id = licences.list(_terms(ILicenceMarket.Kind.ModelAccess, SMALL, 500 ether, 2, 30 days, false));
        _buy(carol, id, 500 ether);
        _buy(alice, id, 500 ether);
        _skip(31 days);
        assertFalse(licences.hasAccess(carol, SMALL), "carol lapsed");
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.SoldOut.selector, id, 2));
        _buy(carol, id, 500 ether);
        // The seller raises the supply from 2 to 3: carol renews.
        vm.expectEmit(true, true, true, true, address(licences));
        emit ILicenceMarket.SupplySet(id, 3);
        vm.prank(owner);
        licences.setSupply(id, 3);
        _buy(carol, id, 500 ether);
        assertTrue(licences.hasAccess(carol, SMALL), "carol renewed");
        // A new seller named by the curator lists its own listing; alice buys access there.
        vm.prank(curator);
        licences.setModelSeller(SMALL, bob);
        vm.prank(bob);
        uint256 fresh = licences.list(_terms(ILicenceMarket.Kind.ModelAccess, SMALL, 300 ether, 100, 30 days, false));
        assertTrue(fresh != id, "a fresh listing");
        _buy(alice, fresh, 300 ether);
        assertTrue(licences.hasAccess(alice, SMALL), "alice bought from bob");
        assertTrue(licences.hasAccess(carol, SMALL), "carol's licence from the ended listing stays live");
        // carol holds live access: she cannot buy the model twice, from either listing.
        vm.expectRevert(
            abi.encodeWithSelector(ILicenceMarket.LicenceHeld.selector, fresh, carol, block.timestamp + 30 days)
        );
        _buy(carol, fresh, 300 ether);
    }

    /// Was: the first seller named fixed the model's access terms forever for 1 wei (list at 1 wei, supply 1, buy the
    /// only licence from a second account). Now naming the rightful seller ends that listing: the impostor cannot
    /// reopen it and the rightful seller lists its own terms. The licence the impostor's account bought stays valid
    /// (licences sold are never revoked: that is the cost of naming a wrong seller, bounded by what it sold).
    function test_attack_firstSellerCannotBrickTheModelForTheRightfulSeller() public {
        address impostor = makeAddr("impostor");
        address alt = makeAddr("impostorAlt");
        vm.prank(curator);
        licences.setModelSeller(SMALL, impostor);
        ILicenceMarket.Terms memory t = _terms(ILicenceMarket.Kind.ModelAccess, SMALL, 1, 1, 0, true);
        t.termsHash = EVIL_TERMS;
        vm.prank(impostor);
        uint256 id = licences.list(t);
        _mint(alt, 1);
        vm.startPrank(alt);
        token.approve(address(licences), 1);
        licences.buy(id, 1); // 1 wei: seller 0, protocol ceil(0.2) = 1
        vm.stopPrank();

        vm.prank(curator);
        licences.setModelSeller(SMALL, owner);
        assertEq(licences.modelListing(SMALL), 0, "the impostor's listing is unbound");
        assertFalse(licences.listing(id).open, "and closed");
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.ListingClosed.selector, id));
        vm.prank(impostor);
        licences.setOpen(id, true);
        vm.prank(impostor);
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.NotModelSeller.selector, SMALL, impostor, owner));
        licences.list(t);
        // The rightful seller lists its own terms; carol buys: owner 400, protocol 100.
        vm.prank(owner);
        uint256 fresh = licences.list(_terms(ILicenceMarket.Kind.ModelAccess, SMALL, 500 ether, 100, 0, false));
        assertEq(licences.modelListing(SMALL), fresh, "the model is bound to the owner's listing");
        assertEq(licences.listing(fresh).termsHash, TERMS, "owner's terms");
        _buy(carol, fresh, 500 ether);
        assertEq(token.balanceOf(owner), 400 ether, "owner paid");
        assertTrue(licences.hasAccess(carol, SMALL), "carol has access");
        assertTrue(licences.hasAccess(alt, SMALL), "the licence already sold stays");
        // Moving the access moves it across listings: alt's resellable licence cannot land on carol (she holds
        // live access), and once moved to bob, alt has none.
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.LicenceHeld.selector, id, carol, type(uint64).max));
        vm.prank(alt);
        licences.transferLicence(id, carol);
        vm.prank(alt);
        licences.transferLicence(id, bob);
        assertFalse(licences.hasAccess(alt, SMALL), "alt's access moved");
        assertTrue(licences.hasAccess(bob, SMALL), "to bob");
    }

    // ------------------------------------------------------------------ L-1: the burn is a fifth of the table's

    /// Was a known issue: `routeFees` routed the protocol's 20% through `routeFee`, which split it by the full table
    /// again and sent the provider's 80% *of the 20%* to the treasury: a 1,000 QUIV licence burnt 2 (0.2%) where the
    /// same 1,000 QUIV settled in the inference market burns 10 (1%). `routeProtocolShare` splits the 200 over the
    /// protocol's shares only: every recipient now gets exactly what the table gives it on a 1,000 QUIV settlement.
    function test_attack_licenceSaleBurnsTheTablesBurn() public {
        uint256 id = _listDataset(false);
        _buy(carol, id, 1_000 ether);
        IFeeRouter.Charge memory c = router.chargeAt(0, 1_000 ether, 0, false, 0, false);
        uint256 supplyBefore = token.totalSupply();
        licences.routeFees();
        uint256 burnt = supplyBefore - token.totalSupply();
        assertEq(c.burn, 10 ether, "table: 1% of 1,000");
        assertEq(burnt, c.burn, "licence sale: the same 1%");
        assertEq(c.validators, 5 ether, "table validators");
        assertEq(token.balanceOf(validators), c.validators, "licence validators");
        assertEq(c.infrastructure, 135 ether, "table infrastructure");
        assertEq(token.balanceOf(infrastructure), c.infrastructure, "licence infrastructure");
        assertEq(c.treasury, 50 ether, "table treasury");
        assertEq(token.balanceOf(treasury), c.treasury, "licence treasury");
        assertEq(token.balanceOf(dana), c.provider, "the seller's 800 matches the provider's part");
    }

    // ------------------------------------------------------------------ Info: timing of routeFees

    /// Pending fees are split by the table in force when `routeFees` runs, not the one of the sale. With 200 QUIV
    /// pending from a sale at burn 1% (protocol shares 2,000 bps), governance raising the burn to 3% (protocol shares
    /// 2,200 bps): routed before, 10 burnt and treasury 50; routed after, 200 x 300 / 2,200 = 27.27... burnt
    /// (27,272,727,272,727,272,727 wei, rounded down) and the treasury the rest: 200 less validators
    /// 4,545,454,545,454,545,454 wei and infrastructure 122,727,272,727,272,727,272 wei and the burn, i.e.
    /// 45,454,545,454,545,454,547 wei (whoever prefers either calls it first or waits).
    function test_pendingFeesFollowTheTableAtRoutingTime() public {
        uint256 id = _listDataset(false);
        _buy(carol, id, 1_000 ether); // 200 pending at protocol share 20%
        _setRouterParameter(MarketKeys.BURN_FEE_BPS, 300);
        uint256 supplyBefore = token.totalSupply();
        licences.routeFees();
        assertEq(supplyBefore - token.totalSupply(), 27_272_727_272_727_272_727, "3/22 of 200, not 1/20");
        assertEq(token.balanceOf(validators), 4_545_454_545_454_545_454, "validators 1/44 of 200");
        assertEq(token.balanceOf(infrastructure), 122_727_272_727_272_727_272, "infrastructure 27/44 of 200");
        assertEq(token.balanceOf(treasury), 45_454_545_454_545_454_547, "treasury: the rest, rounding included");
    }

    // ------------------------------------------------------------------ Info: dataset listings are unchecked

    /// Anyone lists a "dataset" under any subject, a model id included, with any terms hash: nothing ties a dataset
    /// listing to the data's owner (hasAccess is not affected: it reads only the curated model listing).
    function test_anyoneListsADatasetUnderAModelsId() public {
        uint256 modelListing = _listModel();
        vm.prank(bob);
        uint256 fake = licences.list(_terms(ILicenceMarket.Kind.Dataset, SMALL, 1, 10, 0, true));
        _buy(carol, fake, 1);
        assertEq(licences.listing(fake).subject, SMALL, "a dataset listing named after SMALL");
        assertTrue(licences.isLicensed(fake, carol), "carol holds bob's SMALL-named licence");
        assertFalse(licences.hasAccess(carol, SMALL), "but no access");
        assertEq(licences.modelListing(SMALL), modelListing, "the curated listing is unchanged");
    }

    // ------------------------------------------------------------------ checked safe

    /// Expiry edges: live strictly before expiry, lapsed at it; a lapsed licence can neither be transferred nor
    /// block a receiver; transfer to self is refused; a new seller does not cut existing holders' access (and ends the
    /// old listing).
    function test_safe_expiryEdgesTransfersAndReassignment() public {
        uint256 id = _listDataset(true); // 30 days, resale
        uint256 expiry = _buy(carol, id, 1_000 ether);
        vm.warp(expiry - 1);
        assertTrue(licences.isLicensed(id, carol), "live one second before");
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.LicenceHeld.selector, id, carol, expiry));
        licences.transferLicence(id, carol);
        vm.warp(expiry);
        assertFalse(licences.isLicensed(id, carol), "lapsed at expiry");
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.NoLicence.selector, id, carol));
        licences.transferLicence(id, alice);
        // alice buys now; carol (expired) can receive alice's, the expiry carries over, no unit is created.
        uint256 e2 = _buy(alice, id, 1_000 ether);
        vm.prank(alice);
        licences.transferLicence(id, carol);
        assertEq(licences.licenceOf(id, carol), e2, "carried over");
        assertEq(licences.licenceOf(id, alice), 0, "moved away");
        assertEq(licences.listing(id).sold, 2, "sold 2");

        uint256 m = _listModel();
        _buy(carol, m, 500 ether);
        vm.prank(curator);
        licences.setModelSeller(SMALL, bob);
        assertTrue(licences.hasAccess(carol, SMALL), "access survives a new seller");
        // The old listing ended with the old seller: nobody is paid through it any more.
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.ListingClosed.selector, m));
        _buy(alice, m, 500 ether);
    }

    /// Rounding: the protocol's part rounds up (a 1-wei licence pays the seller 0), pending fees are routed whole
    /// (nothing stranded, nothing over-routed): 3 sales of 7 wei leave 6 pending, all 6 routed.
    function test_safe_roundingRoutesEverything() public {
        vm.prank(dana);
        uint256 id = licences.list(_terms(ILicenceMarket.Kind.Dataset, DATASET, 7, 3, 0, false));
        _buy(carol, id, 7);
        _buy(alice, id, 7);
        _mint(bob, 7);
        vm.startPrank(bob);
        token.approve(address(licences), 7);
        licences.buy(id, 7);
        vm.stopPrank();
        assertEq(token.balanceOf(dana), 15, "3 x 5");
        assertEq(licences.pendingFees(), 6, "3 x 2");
        assertEq(licences.routeFees(), 6, "all routed");
        assertEq(licences.pendingFees(), 0, "nothing stranded");
    }
}
