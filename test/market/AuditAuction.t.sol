// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {MarketKeys} from "../../contracts/libraries/MarketKeys.sol";
import {IRequestAuction} from "../../contracts/interfaces/IRequestAuction.sol";
import {RequestAuctionBase} from "./RequestAuctionBase.sol";

/// @notice The audit of RequestAuction (session 9) as regression tests and pinned known issues (QUIVer numbers of
/// RequestAuctionTest: bond 10 QUIV, 1,000,000 tokens at most 0.002 QUIV = 2,000 QUIV escrow, fee split 80/20).
contract AuditAuctionTest is RequestAuctionBase {
    /// Was Medium: `reveal` freed the bond of a revealer no longer active, and a provider at the minimum stake leaves
    /// the active set and comes back at once (`unbond` 1 QUIV, `rebond`). One operator bid bronze 0.0010 and gold
    /// 0.0017, honest silver 0.0018; the operator revealed gold, then voided bronze's bid while inactive for free:
    /// gold won at 0.0017 (the consumer paid 1,700 instead of 1,000). Now the void reveal keeps bronze's bond for the
    /// forfeit, and the lower bid still costs the operator 10 QUIV to drop.
    function test_attack_inactiveRevealForfeitsTheBond() public {
        uint256 id = _post();
        _commit(id, bronze, 0.001 ether);
        _commit(id, gold, 0.0017 ether);
        _commit(id, silver, 0.0018 ether);
        _toReveal();
        _reveal(id, silver, 0.0018 ether);
        _reveal(id, gold, 0.0017 ether);

        vm.prank(bronze);
        uint256 index = staking.unbond(1 ether);
        assertFalse(staking.isActive(bronze), "bronze inactive");
        vm.expectEmit(true, true, true, true, address(auction));
        emit IRequestAuction.BidRevealed(id, bronze, 0.001 ether, false, address(0));
        _reveal(id, bronze, 0.001 ether);
        vm.prank(bronze);
        staking.rebond(index);

        assertEq(auction.freeBondOf(bronze), 90 ether, "bronze's 10 stays locked");
        _toClose();
        uint256 supply = token.totalSupply();
        auction.close(id);
        // The 10 forfeited go through the whole table: burn 1% = 0.1.
        assertEq(supply - token.totalSupply(), 0.1 ether, "bronze's bond forfeited");
        assertEq(auction.freeBondOf(bronze), 90 ether, "and gone");
        _assertBalanced();
    }

    /// Was Medium: a lone bidder walked away at the last reveal second by revealing while inactive, bond intact, the
    /// consumer's 2,000 QUIV locked for the auction for nothing. It now loses its 10 QUIV bond.
    function test_attack_walkingAwayAtTheRevealCostsTheBond() public {
        uint256 id = _post();
        _commit(id, bronze, 0.001 ether);
        vm.warp(revealDeadline - 1);
        vm.prank(bronze);
        uint256 index = staking.unbond(1 ether);
        _reveal(id, bronze, 0.001 ether);
        vm.prank(bronze);
        staking.rebond(index);
        _toClose();
        auction.close(id);
        assertEq(uint8(auction.request(id).status), uint8(IRequestAuction.Status.Unfilled), "unfilled");
        assertEq(auction.freeBondOf(bronze), 90 ether, "the walk-away cost 10 QUIV");
        assertEq(token.balanceOf(alice), 10_000 ether, "the consumer refunded");
        _assertBalanced();
    }

    /// Was Low: a winner banned after the award still delivered and was paid 960 of the 1,200. It can no longer
    /// deliver; the request ends undelivered: the consumer gets its escrow and the winner's bond.
    function test_attack_bannedWinnerCannotDeliver() public {
        uint256 id = _auctionWonByGold();
        _toClose();
        auction.close(id);
        vm.prank(slasher);
        staking.setBanned(gold, true);
        vm.prank(gold);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.NotActiveProvider.selector, gold));
        auction.deliver(id, bytes32("result"));
        assertEq(uint8(auction.request(id).status), uint8(IRequestAuction.Status.Awarded), "unchanged");
        vm.warp(auction.request(id).deliveryDeadline);
        auction.refundUndelivered(id);
        assertEq(token.balanceOf(alice), 10_010 ether, "escrow back plus gold's 10 QUIV bond");
        assertEq(token.balanceOf(gold), 0, "gold not paid");
        _assertBalanced();
    }

    /// Was Medium/Low: a zero price beat every bid, the winner delivered junk, and a dispute cost it nothing (payment
    /// 0, bond freed): the request was blocked for free. A zero price is now void (bond forfeited), so honest gold
    /// (0.0012) wins.
    function test_attack_zeroPriceBidIsVoid() public {
        uint256 id = _post();
        _commit(id, bronze, 0);
        _commit(id, gold, 0.0012 ether);
        _commit(id, silver, 0.0015 ether);
        _toReveal();
        _reveal(id, bronze, 0);
        _reveal(id, gold, 0.0012 ether);
        _reveal(id, silver, 0.0015 ether);
        _toClose();
        auction.close(id);
        assertEq(auction.request(id).best, gold, "gold wins");
        assertEq(auction.freeBondOf(bronze), 90 ether, "the zero bid's bond forfeited");
        _assertBalanced();
    }

    /// A one-wei winner that delivers junk is disputed and loses its bond (to the fee split, not to the consumer):
    /// payment 1,000,000 x 1 wei = 1,000,000 wei; routed 10 QUIV + 1,000,000 wei; the consumer gets the rest back.
    function test_attack_disputedJunkCostsTheWinnersBond() public {
        uint256 id = _post();
        _commit(id, bronze, 1);
        _commit(id, gold, 0.0012 ether);
        _toReveal();
        _reveal(id, bronze, 1);
        _reveal(id, gold, 0.0012 ether);
        _toClose();
        vm.prank(bronze);
        auction.deliver(id, bytes32("junk"));
        vm.expectEmit(true, true, true, true, address(auction));
        emit IRequestAuction.Disputed(id, bronze, alice, 10 ether + 1_000_000, 2_000 ether - 1_000_000);
        vm.prank(alice);
        auction.dispute(id);
        assertEq(auction.freeBondOf(bronze), 90 ether, "bronze lost its 10 QUIV bond");
        assertEq(token.balanceOf(alice), 10_000 ether - 1_000_000, "alice pays the 1,000,000 wei, gets the rest");
        (, uint256 bonds) = auction.totals();
        assertEq(bonds, 390 ether, "400 deposited less bronze's 10");
        _assertBalanced();
    }

    /// @dev KNOWN ISSUE (Low): the consumer backs out after seeing the bids through a second staked identity bidding
    /// one wei: after gold reveals 0.0012 (1,200 QUIV), the alter reveals 1 wei and wins, alice confirms at once and
    /// pays 1,000,000 wei (0.8 of it back to her alter): honest gold's bid bound it for nothing. Had she liked the
    /// price, the alter stays silent and forfeits 10 QUIV. A fix charges the protocol a minimum share of the escrow
    /// at the award, or floors the price at a share of the maximum.
    function test_knownIssue_consumerBacksOutThroughAOneWeiSybil() public {
        address alter = makeAddr("alter");
        _register(alter, 10_000 ether);
        _depositBond(alter, 10 ether);
        uint256 id = _post();
        _commit(id, alter, 1);
        _commit(id, gold, 0.0012 ether);
        _toReveal();
        _reveal(id, gold, 0.0012 ether);
        _reveal(id, alter, 1);
        _toClose();
        vm.prank(alice);
        auction.confirm(id);
        assertEq(token.balanceOf(alice), 10_000 ether - 1_000_000, "all but 1,000,000 wei back");
        assertEq(token.balanceOf(gold), 0, "gold not paid");
        _assertBalanced();
    }

    /// @dev KNOWN ISSUE (Info): the bond and windows are fixed into the request, the fee split is not: gold bid 0.0012
    /// (1,200 QUIV) when the protocol took 20% (960 to gold); after the award governance raises the treasury share
    /// 5% -> 15% (protocol 30%) and the same confirm pays gold 840. A fix stores the protocol's share at posting.
    function test_knownIssue_feeTableChangeAfterAwardCutsWinnersPay() public {
        uint256 id = _auctionWonByGold();
        _toClose();
        auction.close(id);
        vm.prank(registry);
        router.setParameter(MarketKeys.TREASURY_FEE_BPS, 1_500);
        assertEq(router.protocolBps(), 3_000, "protocol 30%");
        vm.prank(gold);
        auction.deliver(id, bytes32("result"));
        vm.prank(alice);
        auction.confirm(id);
        assertEq(token.balanceOf(gold), 840 ether, "1,200 x 70% (bid at 80%: 960)");
        _assertBalanced();
    }
}
