// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {IRequestAuction} from "../../contracts/interfaces/IRequestAuction.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {RequestAuction} from "../../contracts/market/RequestAuction.sol";
import {MarketBase} from "./MarketBase.sol";
import {RequestAuctionHandler} from "./handlers/RequestAuctionHandler.sol";

/// @notice Invariants of the request auction over random requests, sealed bids, silent bidders, closes, deliveries,
/// confirmations, disputes, claims, undelivered refunds and bond deposits and withdrawals: escrow and bonds balance.
contract RequestAuctionInvariantTest is MarketBase {
    RequestAuction internal auction;
    RequestAuctionHandler internal handler;

    function setUp() public override {
        super.setUp();
        auction = new RequestAuction(
            IERC20(address(token)),
            router,
            catalog,
            staking,
            address(manager),
            IRequestAuction.Parameters({
                bidBond: 10 ether,
                minEscrow: 10 ether,
                minRevealWindow: 1 hours,
                maxDuration: 7 days,
                deliveryWindow: 1 days,
                disputeWindow: 1 days
            })
        );
        vm.prank(admin);
        _restrict(address(auction), IParameterized.setParameter.selector, Roles.PARAMETER_REGISTRY);
        handler = new RequestAuctionHandler(auction, token, minter, [alice, bob], [bronze, silver, gold, platinum]);
        bytes4[] memory selectors = new bytes4[](16);
        selectors[0] = RequestAuctionHandler.post.selector;
        selectors[1] = RequestAuctionHandler.post.selector; // requests twice as often
        selectors[2] = RequestAuctionHandler.cancel.selector;
        selectors[3] = RequestAuctionHandler.deposit.selector;
        selectors[4] = RequestAuctionHandler.withdraw.selector;
        selectors[5] = RequestAuctionHandler.commit.selector;
        selectors[6] = RequestAuctionHandler.commit.selector; // bids three times as often
        selectors[7] = RequestAuctionHandler.commit.selector;
        selectors[8] = RequestAuctionHandler.reveal.selector;
        selectors[9] = RequestAuctionHandler.close.selector;
        selectors[10] = RequestAuctionHandler.deliver.selector;
        selectors[11] = RequestAuctionHandler.confirm.selector;
        selectors[12] = RequestAuctionHandler.claim.selector;
        selectors[13] = RequestAuctionHandler.dispute.selector;
        selectors[14] = RequestAuctionHandler.refundUndelivered.selector;
        selectors[15] = RequestAuctionHandler.warp.selector;
        targetSelector(address(handler), selectors);
        targetContract(address(handler));
    }

    /// @dev The contract's token balance is the open escrow plus the bonds held.
    function invariant_escrowAndBondsBalance() public view {
        (uint256 escrow, uint256 bonds) = auction.totals();
        assertEq(token.balanceOf(address(auction)), escrow + bonds, "balance = escrow + bonds");
    }

    /// @dev The totals are what the requests and the bidders hold: escrow of requests not ended; bonds free plus
    /// locked (unrevealed and best bids of open requests, the winner's of awarded and delivered ones).
    function invariant_totalsMatchRequestsAndBidders() public view {
        uint256 escrow;
        uint256 locked;
        for (uint256 id = 1; id <= auction.requestCount(); ++id) {
            IRequestAuction.Request memory r = auction.request(id);
            IRequestAuction.Status s = r.status;
            if (s == IRequestAuction.Status.Open) {
                escrow += uint256(r.tokens) * r.maxPrice;
                locked += uint256(r.commits - r.reveals) * r.bond;
                if (r.best != address(0)) locked += r.bond;
            } else if (s == IRequestAuction.Status.Awarded || s == IRequestAuction.Status.Delivered) {
                escrow += uint256(r.tokens) * r.maxPrice;
                locked += r.bond;
            }
            assertLe(r.bestPrice, r.maxPrice, "the best bid is at most the maximum");
        }
        uint256 free;
        for (uint256 i; i < 4; ++i) free += auction.freeBondOf(handler.bidder(i));
        (uint256 escrowHeld, uint256 bonds) = auction.totals();
        assertEq(escrowHeld, escrow, "escrow = open requests' escrow");
        assertEq(bonds, free + locked, "bonds = free + locked");
        assertEq(auction.requestCount(), handler.posted(), "every request counted once");
    }

    /// @dev The handler reaches the ends the campaign explores: a request posted, a bid committed, revealed, delivered
    /// and confirmed; a second request whose only bidder stays silent closes unfilled with its bond forfeited.
    function test_handlerReachesSettledAndUnfilled() public {
        // 1,000,000 tokens at the lowest price the handler allows: 10 QUIV / 1,000,000 = 0.00001 QUIV (10 QUIV).
        handler.post(0, 1_000_000, 0, 1 hours, 3 hours);
        handler.post(1, 1_000_000, 0, 1 hours, 3 hours);
        handler.deposit(0, 50 ether);
        handler.commit(0, 0, 0.000005 ether); // request 1, bronze, half the maximum
        handler.commit(1, 0, 0.000005 ether); // request 2, bronze, never revealed
        handler.warp(1 hours);
        handler.reveal(0, 0);
        handler.warp(2 hours);
        handler.deliver(0);
        handler.confirm(0);
        handler.close(1);
        assertEq(uint8(auction.request(1).status), uint8(IRequestAuction.Status.Settled), "request 1 settled");
        assertEq(uint8(auction.request(2).status), uint8(IRequestAuction.Status.Unfilled), "request 2 unfilled");
        // 50 deposited, the bond of request 2 (10) forfeited, request 1's freed: 40 free.
        assertEq(auction.freeBondOf(bronze), 40 ether, "bronze's free bond");
        invariant_escrowAndBondsBalance();
        invariant_totalsMatchRequestsAndBidders();
    }
}
