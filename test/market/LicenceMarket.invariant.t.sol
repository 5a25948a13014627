// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IComplianceRegistry} from "../../contracts/interfaces/IComplianceRegistry.sol";
import {ILicenceMarket} from "../../contracts/interfaces/ILicenceMarket.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {LicenceMarket} from "../../contracts/market/LicenceMarket.sol";
import {MarketBase} from "./MarketBase.sol";
import {LicenceMarketHandler} from "./handlers/LicenceMarketHandler.sol";

/// @notice Invariants of the data marketplace over random listings, races for small supplies, transfers, repricing,
/// closing, table changes and routing: no listing sells more licences than its supply, and every token a buyer paid
/// is with a seller, waiting in the marketplace or routed.
contract LicenceMarketInvariantTest is MarketBase {
    LicenceMarket internal licences;
    LicenceMarketHandler internal handler;

    function setUp() public override {
        super.setUp();
        licences = new LicenceMarket(
            IERC20(address(token)),
            router,
            catalog,
            IComplianceRegistry(address(0)),
            address(manager)
        );
        vm.prank(admin);
        _restrict(address(licences), ILicenceMarket.setModelSeller.selector, Roles.MARKET_CURATOR);
        handler = new LicenceMarketHandler(licences, token, router, minter, registry);
        vm.startPrank(admin);
        manager.grantRole(Roles.MINTER, address(handler), 0);
        manager.grantRole(Roles.PARAMETER_REGISTRY, address(handler), 0);
        vm.stopPrank();
        bytes4[] memory selectors = new bytes4[](10);
        selectors[0] = LicenceMarketHandler.list.selector;
        selectors[1] = LicenceMarketHandler.buy.selector;
        selectors[2] = LicenceMarketHandler.buy.selector; // purchases three times as often
        selectors[3] = LicenceMarketHandler.buy.selector;
        selectors[4] = LicenceMarketHandler.transfer.selector;
        selectors[5] = LicenceMarketHandler.reprice.selector;
        selectors[6] = LicenceMarketHandler.toggle.selector;
        selectors[7] = LicenceMarketHandler.route.selector;
        selectors[8] = LicenceMarketHandler.warp.selector;
        selectors[9] = LicenceMarketHandler.setTreasuryShare.selector;
        targetSelector(address(handler), selectors);
        targetContract(address(handler));
    }

    function invariant_licencesNeverExceedSupply() public view {
        uint256 sold;
        for (uint256 id = 1; id <= licences.listingCount(); ++id) {
            ILicenceMarket.Listing memory item = licences.listing(id);
            assertLe(item.sold, item.supply, "sold <= supply");
            sold += item.sold;
        }
        assertEq(sold, handler.purchases(), "every purchase counted once");
    }

    function invariant_liveLicencesNeverExceedSold() public view {
        for (uint256 id = 1; id <= licences.listingCount(); ++id) {
            uint256 live;
            for (uint256 i; i < 6; ++i) if (licences.isLicensed(id, handler.actor(i))) ++live;
            assertLe(live, licences.listing(id).sold, "transfers never create licences");
        }
    }

    function invariant_tokensBalance() public view {
        assertEq(
            handler.paid(),
            handler.toSellers() + licences.pendingFees() + handler.routed(),
            "paid = to sellers + pending + routed"
        );
        // The seller's share never exceeds the provider's largest (80% at the smallest protocol share in bounds).
        assertLe(handler.toSellers() * 10_000, handler.paid() * 8_000, "sellers get at most 80%");
        assertEq(token.balanceOf(address(router)), 0, "the router holds nothing between calls");
    }
}
