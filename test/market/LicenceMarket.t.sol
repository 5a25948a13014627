// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

import {IFeeRouter} from "../../contracts/interfaces/IFeeRouter.sol";
import {ILicenceMarket} from "../../contracts/interfaces/ILicenceMarket.sol";
import {MarketKeys} from "../../contracts/libraries/MarketKeys.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {LicenceMarket} from "../../contracts/market/LicenceMarket.sol";
import {MarketBase} from "./MarketBase.sol";

/// @notice The data marketplace on the QUIVer fee table (provider 80%, validators 0.5%, burn 1%, infrastructure
/// 13.5%, treasury 5%): a licence's seller keeps 80%, the router splits the other 20% by the table (the provider's
/// share of that part going to the treasury).
contract LicenceMarketTest is MarketBase {
    bytes32 internal constant DATASET = keccak256("dataset.reviews-2026");
    bytes32 internal constant TERMS = keccak256("terms v1");

    LicenceMarket internal licences;
    address internal dana; // a dataset seller
    address internal owner; // the rights holder of SMALL, named by the curator
    address internal carol; // a buyer

    function setUp() public override {
        super.setUp();
        licences = new LicenceMarket(IERC20(address(token)), router, catalog, _compliance(), address(manager));
        vm.prank(admin);
        _restrict(address(licences), ILicenceMarket.setModelSeller.selector, Roles.MARKET_CURATOR);
        dana = makeAddr("dana");
        owner = makeAddr("owner");
        carol = makeAddr("carol");
        for (uint256 i; i < 2; ++i) {
            address buyer = i == 0 ? carol : alice;
            _mint(buyer, 10_000 ether);
            vm.prank(buyer);
            token.approve(address(licences), type(uint256).max);
        }
    }

    // ------------------------------------------------------------------ helpers

    function _terms(
        ILicenceMarket.Kind kind,
        bytes32 subject,
        uint256 price,
        uint256 supply,
        uint256 duration,
        bool resale
    ) internal pure returns (ILicenceMarket.Terms memory) {
        return
            ILicenceMarket.Terms({
                kind: kind,
                subject: subject,
                price: price,
                supply: supply,
                duration: duration,
                termsHash: TERMS,
                resale: resale
            });
    }

    /// @dev dana lists the dataset: 1,000 QUIV, 3 licences of 30 days.
    function _listDataset(bool resale) internal returns (uint256) {
        vm.prank(dana);
        return licences.list(_terms(ILicenceMarket.Kind.Dataset, DATASET, 1_000 ether, 3, 30 days, resale));
    }

    /// @dev The curator names `owner` for SMALL, who lists perpetual access at 500 QUIV, 100 licences.
    function _listModel() internal returns (uint256) {
        vm.prank(curator);
        licences.setModelSeller(SMALL, owner);
        vm.prank(owner);
        return licences.list(_terms(ILicenceMarket.Kind.ModelAccess, SMALL, 500 ether, 100, 0, false));
    }

    function _buy(address buyer, uint256 listingId, uint256 maxPrice) internal returns (uint256) {
        vm.prank(buyer);
        return licences.buy(listingId, maxPrice);
    }

    // ------------------------------------------------------------------ buying

    function test_buy_paysTheSellerEightyPercentAndRoutesTheRestWithTheBurn() public {
        uint256 id = _listDataset(false);
        uint256 supplyBefore = token.totalSupply();
        // 1,000 QUIV: dana 800, the protocol's 200 held until routed.
        vm.expectEmit(true, true, true, true, address(licences));
        emit ILicenceMarket.LicenceBought(id, carol, dana, 800 ether, 200 ether, T0 + 30 days);
        uint256 expiry = _buy(carol, id, 1_000 ether);

        assertEq(expiry, T0 + 30 days, "expiry");
        assertEq(token.balanceOf(carol), 9_000 ether, "carol paid 1,000");
        assertEq(token.balanceOf(dana), 800 ether, "dana 80%");
        assertEq(licences.pendingFees(), 200 ether, "protocol 20% pending");
        assertEq(licences.listing(id).sold, 1, "sold");
        assertEq(licences.licenceOf(id, carol), T0 + 30 days, "licence");
        assertTrue(licences.isLicensed(id, carol), "licensed");

        // The protocol's 200 split over the protocol's shares (2,000 bps) in the table's proportions, so each gets
        // its share of the whole sale: validators 50/2,000 x 200 = 5 (0.5% of 1,000), burnt 100/2,000 x 200 = 10 (1%),
        // infrastructure 1,350/2,000 x 200 = 135 (13.5%), treasury the rest, 50 (5%).
        vm.expectEmit(true, true, true, true, address(licences));
        emit ILicenceMarket.FeesRouted(bob, 200 ether);
        vm.expectEmit(true, true, true, true, address(router));
        emit IFeeRouter.FeeRouted(address(licences), 200 ether, 5 ether, 135 ether, 50 ether, 10 ether);
        vm.prank(bob);
        assertEq(licences.routeFees(), 200 ether, "routed");
        assertEq(token.balanceOf(validators), 5 ether, "validators");
        assertEq(token.balanceOf(infrastructure), 135 ether, "infrastructure");
        assertEq(token.balanceOf(treasury), 50 ether, "treasury");
        assertEq(supplyBefore - token.totalSupply(), 10 ether, "burnt");
        assertEq(token.balanceOf(address(licences)), 0, "licences empty");
        assertEq(token.balanceOf(address(router)), 0, "router empty");
    }

    function test_buy_followsTheRoutersTableWhenGovernanceChangesIt() public {
        uint256 id = _listDataset(false);
        // Treasury 5% -> 10%: the protocol's share is 25%, so 1,000 QUIV pays dana 750 and the protocol 250.
        _setRouterParameter(MarketKeys.TREASURY_FEE_BPS, 1_000);
        _buy(carol, id, 1_000 ether);
        assertEq(token.balanceOf(dana), 750 ether, "dana 75%");
        assertEq(licences.pendingFees(), 250 ether, "protocol 25%");
    }

    function test_RevertWhen_routingNothing() public {
        vm.expectRevert(ILicenceMarket.NothingToRoute.selector);
        licences.routeFees();
    }

    function test_buy_roundsTheProtocolsPartUp() public {
        vm.prank(dana);
        uint256 id = licences.list(_terms(ILicenceMarket.Kind.Dataset, DATASET, 7, 3, 0, false));
        _buy(carol, id, 7);
        // 20% of 7 wei is 1.4: the protocol takes 2, the seller 5.
        assertEq(token.balanceOf(dana), 5, "seller 5 wei");
        assertEq(licences.pendingFees(), 2, "protocol 2 wei");

        vm.prank(dana);
        uint256 one = licences.list(_terms(ILicenceMarket.Kind.Dataset, DATASET, 1, 1, 0, false));
        _buy(carol, one, 1);
        // A 1-wei licence: the protocol's 0.2 wei rounds up to 1, the seller gets nothing (no transfer).
        assertEq(token.balanceOf(dana), 5, "seller unchanged");
        licences.routeFees();
        // The router's 3 wei over the protocol's 2,000 bps: validators 3 x 50 / 2,000 -> 0, burn 3 x 100 / 2,000 -> 0,
        // infrastructure 3 x 1,350 / 2,000 = 2.025 -> 2, the treasury the remaining 1.
        assertEq(token.balanceOf(infrastructure), 2, "infrastructure 2 wei");
        assertEq(token.balanceOf(treasury), 1, "treasury 1 wei");
        assertEq(token.balanceOf(validators), 0, "validators 0 wei");
    }

    function test_buy_perpetualWhenTheDurationIsZero() public {
        uint256 id = _listModel();
        assertEq(_buy(carol, id, 500 ether), type(uint64).max, "_buy(carol");
        _skip(100 * 365 days);
        assertTrue(licences.hasAccess(carol, SMALL), "licences.hasAccess(carol");
        assertFalse(licences.hasAccess(alice, SMALL), "licences.hasAccess(alice");
        assertFalse(licences.hasAccess(carol, MEDIUM), "licences.hasAccess(carol");
    }

    function test_licence_livesUntilTheSecondBeforeItsExpiry() public {
        uint256 id = _listDataset(false);
        _buy(carol, id, 1_000 ether);
        _skip(30 days - 1);
        assertTrue(licences.isLicensed(id, carol), "licences.isLicensed(id");
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.LicenceHeld.selector, id, carol, T0 + 30 days));
        _buy(carol, id, 1_000 ether);
        _skip(1);
        assertFalse(licences.isLicensed(id, carol), "licences.isLicensed(id");
        // Lapsed at T0 + 30 days exactly: renewable then, for another unit of supply.
        assertEq(_buy(carol, id, 1_000 ether), T0 + 60 days, "_buy(carol");
        assertEq(licences.listing(id).sold, 2, "licences.listing(id).sold");
    }

    function test_RevertWhen_thePriceRoseAboveTheBuyersMaximum() public {
        uint256 id = _listDataset(false);
        // The seller front-runs a buyer who signed for 1,000 QUIV.
        vm.prank(dana);
        licences.setPrice(id, 1_001 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.PriceAboveMax.selector, id, 1_001 ether, 1_000 ether));
        _buy(carol, id, 1_000 ether);
        assertEq(token.balanceOf(carol), 10_000 ether, "token.balanceOf(carol)");
        assertEq(licences.listing(id).sold, 0, "licences.listing(id).sold");
        assertEq(licences.licenceOf(id, carol), 0, "licences.licenceOf(id");
    }

    function test_RevertWhen_soldOut() public {
        uint256 id = _listDataset(false);
        _buy(carol, id, 1_000 ether);
        _buy(alice, id, 1_000 ether);
        _fund(bob);
        _buy(bob, id, 1_000 ether);
        // Supply 3: the fourth buyer loses the race and pays nothing.
        address late = makeAddr("late");
        _fund(late);
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.SoldOut.selector, id, 3));
        _buy(late, id, 1_000 ether);
        assertEq(token.balanceOf(late), 1_000 ether, "token.balanceOf(late)");
        assertEq(licences.listing(id).sold, 3, "licences.listing(id).sold");
    }

    function test_RevertWhen_buyingFromAClosedListing_soldLicencesStayValid() public {
        uint256 id = _listDataset(false);
        _buy(carol, id, 1_000 ether);
        vm.expectEmit(true, true, true, true, address(licences));
        emit ILicenceMarket.OpenSet(id, false);
        vm.prank(dana);
        licences.setOpen(id, false);
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.ListingClosed.selector, id));
        _buy(alice, id, 1_000 ether);
        assertTrue(licences.isLicensed(id, carol), "licences.isLicensed(id");
        vm.prank(dana);
        licences.setOpen(id, true);
        _buy(alice, id, 1_000 ether);
        assertTrue(licences.isLicensed(id, alice), "licences.isLicensed(id");
    }

    function test_RevertWhen_buyingAnUnknownListing() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.UnknownListing.selector, 1));
        _buy(carol, 1, 1_000 ether);
    }

    function test_RevertWhen_theBuyerCannotPay_nothingChanges() public {
        uint256 id = _listDataset(false);
        address poor = makeAddr("poor");
        _mint(poor, 999 ether);
        vm.prank(poor);
        token.approve(address(licences), type(uint256).max);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, poor, 199 ether, 200 ether)
        );
        _buy(poor, id, 1_000 ether);
        assertEq(token.balanceOf(poor), 999 ether, "poor keeps its 999 QUIV");
        assertEq(licences.pendingFees(), 0, "nothing pending");
        assertEq(licences.listing(id).sold, 0, "licences.listing(id).sold");
        assertEq(licences.licenceOf(id, poor), 0, "licences.licenceOf(id");
    }

    // ------------------------------------------------------------------ resale

    function test_RevertWhen_resaleIsNotAllowed() public {
        uint256 id = _listDataset(false);
        _buy(carol, id, 1_000 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.ResaleNotAllowed.selector, id));
        vm.prank(carol);
        licences.transferLicence(id, alice);
        assertEq(licences.licenceOf(id, carol), T0 + 30 days, "licences.licenceOf(id");
        assertEq(licences.licenceOf(id, alice), 0, "licences.licenceOf(id");
    }

    function test_transferLicence_movesTheRightWithItsExpiry() public {
        uint256 id = _listDataset(true);
        _buy(carol, id, 1_000 ether);
        _skip(10 days);
        vm.expectEmit(true, true, true, true, address(licences));
        emit ILicenceMarket.LicenceTransferred(id, carol, alice, T0 + 30 days);
        vm.prank(carol);
        licences.transferLicence(id, alice);
        assertEq(licences.licenceOf(id, carol), 0, "licences.licenceOf(id");
        assertEq(licences.licenceOf(id, alice), T0 + 30 days, "licences.licenceOf(id");
        // Resale sells no new licence.
        assertEq(licences.listing(id).sold, 1, "licences.listing(id).sold");
    }

    function test_RevertWhen_transferringToALiveHolder() public {
        uint256 id = _listDataset(true);
        _buy(carol, id, 1_000 ether);
        _skip(1 days);
        _buy(alice, id, 1_000 ether);
        // Merging would lose one of the two licences.
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.LicenceHeld.selector, id, alice, T0 + 31 days));
        vm.prank(carol);
        licences.transferLicence(id, alice);
    }

    function test_RevertWhen_transferringALapsedOrAbsentLicence() public {
        uint256 id = _listDataset(true);
        _buy(carol, id, 1_000 ether);
        _skip(30 days);
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.NoLicence.selector, id, carol));
        vm.prank(carol);
        licences.transferLicence(id, alice);
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.NoLicence.selector, id, bob));
        vm.prank(bob);
        licences.transferLicence(id, alice);
        vm.expectRevert(ILicenceMarket.ZeroAddress.selector);
        vm.prank(carol);
        licences.transferLicence(id, address(0));
    }

    // ------------------------------------------------------------------ model access

    function test_attack_theCatalogueListerCannotSellAccessToAModel() public {
        // bronze listed SMALL in the catalogue (first come, first served): that proves no right to sell its access.
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.NotModelSeller.selector, SMALL, bronze, address(0)));
        vm.prank(bronze);
        licences.list(_terms(ILicenceMarket.Kind.ModelAccess, SMALL, 1 ether, 1, 0, false));
        assertEq(licences.listingCount(), 0, "licences.listingCount()");
    }

    function test_RevertWhen_anyoneButTheCuratorNamesAModelsSeller() public {
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, bronze));
        vm.prank(bronze);
        licences.setModelSeller(SMALL, bronze);
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.UnknownModel.selector, DATASET));
        vm.prank(curator);
        licences.setModelSeller(DATASET, owner);
    }

    function test_premiumModelAccessFee() public {
        uint256 id = _listModel();
        assertEq(licences.modelListing(SMALL), id, "licences.modelListing(SMALL)");
        _buy(carol, id, 500 ether);
        // 500 QUIV: the owner 400, the protocol 100, routed as the table's parts of 500: 5 burnt (1%), validators
        // 2.5 (0.5%), infrastructure 67.5 (13.5%), treasury 25 (5%).
        assertEq(token.balanceOf(owner), 400 ether, "token.balanceOf(owner)");
        uint256 supplyBefore = token.totalSupply();
        licences.routeFees();
        assertEq(token.balanceOf(treasury), 25 ether, "token.balanceOf(treasury)");
        assertEq(token.balanceOf(validators), 2.5 ether, "validators");
        assertEq(token.balanceOf(infrastructure), 67.5 ether, "infrastructure");
        assertEq(supplyBefore - token.totalSupply(), 5 ether, "burnt");
        assertTrue(licences.hasAccess(carol, SMALL), "licences.hasAccess(carol");
    }

    function test_RevertWhen_aModelIsListedTwice() public {
        uint256 id = _listModel();
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.ModelAlreadyListed.selector, SMALL, id));
        vm.prank(owner);
        licences.list(_terms(ILicenceMarket.Kind.ModelAccess, SMALL, 1 ether, 1, 0, false));
    }

    function test_setModelSeller_endsTheListingAndTheNewSellerListsFreshTerms() public {
        uint256 id = _listModel();
        _buy(carol, id, 500 ether);
        address heir = makeAddr("heir");
        vm.expectEmit(true, true, true, true, address(licences));
        emit ILicenceMarket.ModelSellerSet(SMALL, heir);
        vm.expectEmit(true, true, true, true, address(licences));
        emit ILicenceMarket.OpenSet(id, false);
        vm.prank(curator);
        licences.setModelSeller(SMALL, heir);
        assertEq(licences.modelListing(SMALL), 0, "unbound");
        assertFalse(licences.listing(id).open, "closed");
        assertEq(licences.listing(id).seller, owner, "the ended listing keeps its seller");
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.ListingClosed.selector, id));
        _buy(alice, id, 500 ether);
        // The old seller cannot reopen it.
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.ListingClosed.selector, id));
        vm.prank(owner);
        licences.setOpen(id, true);
        // The heir lists its own terms; alice buys there, carol's access stays.
        vm.prank(heir);
        uint256 fresh = licences.list(_terms(ILicenceMarket.Kind.ModelAccess, SMALL, 100 ether, 5, 0, false));
        assertEq(licences.modelListing(SMALL), fresh, "bound to the fresh listing");
        _buy(alice, fresh, 100 ether);
        assertEq(token.balanceOf(heir), 80 ether, "100 x 80%");
        assertTrue(licences.hasAccess(carol, SMALL), "carol's access survives");
        assertTrue(licences.hasAccess(alice, SMALL), "alice bought from the heir");
    }

    function test_setModelSeller_zeroClosesTheListingAndNobodyMayList() public {
        uint256 id = _listModel();
        _buy(carol, id, 500 ether);
        vm.prank(curator);
        licences.setModelSeller(SMALL, address(0));
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.ListingClosed.selector, id));
        _buy(alice, id, 500 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.ListingClosed.selector, id));
        vm.prank(owner);
        licences.setOpen(id, true);
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.NotModelSeller.selector, SMALL, owner, address(0)));
        vm.prank(owner);
        licences.list(_terms(ILicenceMarket.Kind.ModelAccess, SMALL, 1 ether, 1, 0, false));
        // Access sold stays.
        assertTrue(licences.hasAccess(carol, SMALL), "licences.hasAccess(carol");
        // Named again, the seller lists afresh (the ended listing stays closed).
        vm.prank(curator);
        licences.setModelSeller(SMALL, owner);
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.ListingClosed.selector, id));
        vm.prank(owner);
        licences.setOpen(id, true);
        uint256 fresh = _listModel();
        _buy(alice, fresh, 500 ether);
        assertTrue(licences.hasAccess(alice, SMALL), "licences.hasAccess(alice");
    }

    function test_RevertWhen_supplyIsNotRaisedOrNotTheSellers() public {
        uint256 id = _listDataset(false);
        uint256 supply = licences.listing(id).supply;
        vm.startPrank(dana);
        vm.expectRevert(ILicenceMarket.InvalidTerms.selector);
        licences.setSupply(id, supply);
        vm.expectRevert(ILicenceMarket.InvalidTerms.selector);
        licences.setSupply(id, supply - 1);
        vm.stopPrank();
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.NotSeller.selector, id, bob));
        vm.prank(bob);
        licences.setSupply(id, supply + 1);
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.UnknownListing.selector, 99));
        vm.prank(dana);
        licences.setSupply(99, 1);
        assertEq(licences.listing(id).supply, supply, "unchanged");
    }

    // ------------------------------------------------------------------ listing

    function test_RevertWhen_termsAreInvalid() public {
        ILicenceMarket.Terms memory t = _terms(ILicenceMarket.Kind.Dataset, DATASET, 1 ether, 1, 0, false);
        vm.startPrank(dana);
        t.price = 0;
        vm.expectRevert(ILicenceMarket.InvalidTerms.selector);
        licences.list(t);
        t.price = 1 ether;
        t.supply = 0;
        vm.expectRevert(ILicenceMarket.InvalidTerms.selector);
        licences.list(t);
        t.supply = 1;
        t.subject = bytes32(0);
        vm.expectRevert(ILicenceMarket.InvalidTerms.selector);
        licences.list(t);
        t.subject = DATASET;
        t.termsHash = bytes32(0);
        vm.expectRevert(ILicenceMarket.InvalidTerms.selector);
        licences.list(t);
        vm.stopPrank();
        assertEq(licences.listingCount(), 0, "licences.listingCount()");
    }

    function test_list_recordsTheTerms() public {
        vm.expectEmit(true, true, true, true, address(licences));
        emit ILicenceMarket.Listed(1, dana, ILicenceMarket.Kind.Dataset, DATASET, 1_000 ether, 3, 30 days, TERMS, true);
        uint256 id = _listDataset(true);
        ILicenceMarket.Listing memory item = licences.listing(id);
        assertEq(id, 1, "id");
        assertEq(item.seller, dana, "item.seller");
        assertEq(item.price, 1_000 ether, "item.price");
        assertEq(item.supply, 3, "item.supply");
        assertEq(item.duration, 30 days, "item.duration");
        assertEq(item.termsHash, TERMS, "item.termsHash");
        assertTrue(item.resale, "item.resale");
        assertTrue(item.open, "item.open");
    }

    function test_RevertWhen_anotherAccountChangesAListing() public {
        uint256 id = _listDataset(false);
        vm.startPrank(carol);
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.NotSeller.selector, id, carol));
        licences.setPrice(id, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILicenceMarket.NotSeller.selector, id, carol));
        licences.setOpen(id, false);
        vm.stopPrank();
        vm.expectRevert(ILicenceMarket.InvalidTerms.selector);
        vm.prank(dana);
        licences.setPrice(id, 0);
        assertEq(licences.listing(id).price, 1_000 ether, "licences.listing(id).price");
    }

    function test_selfPurchase_costsTheSellerTheProtocolsPart() public {
        // A seller buying its own licences to fake volume pays 20% of each to the protocol, uses up its supply and
        // earns nothing: no reward reads licence sales.
        uint256 id = _listDataset(false);
        _mint(dana, 1_000 ether);
        vm.prank(dana);
        token.approve(address(licences), type(uint256).max);
        _buy(dana, id, 1_000 ether);
        assertEq(token.balanceOf(dana), 800 ether, "token.balanceOf(dana)");
    }

    function _fund(address who) internal {
        _mint(who, 1_000 ether);
        vm.prank(who);
        token.approve(address(licences), type(uint256).max);
    }
}
