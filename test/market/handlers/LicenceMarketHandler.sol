// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ILicenceMarket} from "../../../contracts/interfaces/ILicenceMarket.sol";
import {MarketKeys} from "../../../contracts/libraries/MarketKeys.sol";
import {FeeRouter} from "../../../contracts/market/FeeRouter.sol";
import {LicenceMarket} from "../../../contracts/market/LicenceMarket.sol";
import {ProtocolToken} from "../../../contracts/token/ProtocolToken.sol";
import {Test} from "../../utils/Test.sol";

/// @notice Drives the data marketplace: three sellers list small-supply listings (some resellable), six buyers race
/// for them at random prices and times, holders transfer, sellers reprice and close, governance moves the treasury's
/// share within its bounds, anyone routes the fees. Ghosts: what buyers paid, what sellers received, what was routed,
/// and each listing's live licences counted by the handler.
contract LicenceMarketHandler is Test {
    uint256 internal constant ACTORS = 6;
    uint256 internal constant SELLERS = 3;

    LicenceMarket internal immutable _LICENCES;
    ProtocolToken internal immutable _TOKEN;
    FeeRouter internal immutable _ROUTER;
    address internal immutable _MINTER;
    address internal immutable _REGISTRY;

    address[ACTORS] internal _actors;

    uint256 public paid;
    uint256 public toSellers;
    uint256 public routed;
    uint256 public purchases;

    constructor(LicenceMarket licences, ProtocolToken token, FeeRouter router, address minter, address registry) {
        _LICENCES = licences;
        _TOKEN = token;
        _ROUTER = router;
        _MINTER = minter;
        _REGISTRY = registry;
        for (uint256 i; i < ACTORS; ++i) _actors[i] = address(uint160(0xB0B000 + i));
    }

    function actor(uint256 i) external view returns (address) {
        return _actors[i];
    }

    function list(uint256 sellerSeed, uint256 price, uint256 supply, uint256 duration, bool resale) external {
        address seller = _actors[sellerSeed % SELLERS];
        vm.prank(seller);
        _LICENCES.list(
            ILicenceMarket.Terms({
                kind: ILicenceMarket.Kind.Dataset,
                subject: keccak256(abi.encode("dataset", _LICENCES.listingCount())),
                price: bound(price, 1, 5_000 ether),
                supply: bound(supply, 1, 4),
                duration: bound(duration, 0, 60 days),
                termsHash: keccak256("terms"),
                resale: resale
            })
        );
    }

    function buy(uint256 buyerSeed, uint256 listingSeed) external {
        uint256 count = _LICENCES.listingCount();
        if (count == 0) return;
        uint256 listingId = bound(listingSeed, 1, count);
        address buyer = _actors[buyerSeed % ACTORS];
        ILicenceMarket.Listing memory item = _LICENCES.listing(listingId);
        vm.prank(_MINTER);
        _TOKEN.mint(buyer, item.price);
        vm.prank(buyer);
        _TOKEN.approve(address(_LICENCES), item.price);
        uint256 sellerBefore = _TOKEN.balanceOf(item.seller);
        uint256 buyerBefore = _TOKEN.balanceOf(buyer);
        vm.prank(buyer);
        try _LICENCES.buy(listingId, item.price) {
            ++purchases;
            paid += buyerBefore - _TOKEN.balanceOf(buyer);
            // A seller buying its own licence pays only the protocol's part net.
            if (item.seller != buyer) toSellers += _TOKEN.balanceOf(item.seller) - sellerBefore;
            else toSellers += item.price - (buyerBefore - _TOKEN.balanceOf(buyer));
        } catch {
            // Sold out, closed, held: nothing moved.
            assertEq(_TOKEN.balanceOf(buyer), buyerBefore, "a refused purchase moves nothing");
        }
    }

    function transfer(uint256 fromSeed, uint256 toSeed, uint256 listingSeed) external {
        uint256 count = _LICENCES.listingCount();
        if (count == 0) return;
        uint256 listingId = bound(listingSeed, 1, count);
        vm.prank(_actors[fromSeed % ACTORS]);
        try _LICENCES.transferLicence(listingId, _actors[toSeed % ACTORS]) {} catch {}
    }

    function reprice(uint256 listingSeed, uint256 price) external {
        uint256 count = _LICENCES.listingCount();
        if (count == 0) return;
        uint256 listingId = bound(listingSeed, 1, count);
        vm.prank(_LICENCES.listing(listingId).seller);
        _LICENCES.setPrice(listingId, bound(price, 1, 5_000 ether));
    }

    function toggle(uint256 listingSeed) external {
        uint256 count = _LICENCES.listingCount();
        if (count == 0) return;
        uint256 listingId = bound(listingSeed, 1, count);
        ILicenceMarket.Listing memory item = _LICENCES.listing(listingId);
        vm.prank(item.seller);
        _LICENCES.setOpen(listingId, !item.open);
    }

    function setTreasuryShare(uint256 bps) external {
        // Treasury 5% to 30%: the protocol's share moves between 20% and 45% (the router refuses less than the pools'
        // rates, more than 50%).
        vm.prank(_REGISTRY);
        _ROUTER.setParameter(MarketKeys.TREASURY_FEE_BPS, bound(bps, 500, 3_000));
    }

    function route() external {
        uint256 pending = _LICENCES.pendingFees();
        if (pending == 0) return;
        _LICENCES.routeFees();
        routed += pending;
    }

    function warp(uint256 secondsAhead) external {
        vm.warp(block.timestamp + bound(secondsAhead, 1, 20 days));
    }
}
