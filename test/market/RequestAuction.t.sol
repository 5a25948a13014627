// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {IRequestAuction} from "../../contracts/interfaces/IRequestAuction.sol";
import {MarketKeys} from "../../contracts/libraries/MarketKeys.sol";
import {RequestAuction} from "../../contracts/market/RequestAuction.sol";
import {HookedProtocolToken} from "../assurance/mocks/HookedProtocolToken.sol";
import {HostileAccount} from "../assurance/mocks/HostileAccount.sol";
import {RequestAuctionBase} from "./RequestAuctionBase.sol";

/// @notice Sealed-bid request auctions: posting, bonds, commits, reveals, closing, paying, attacks, O(1).
contract RequestAuctionTest is RequestAuctionBase {
    // ------------------------------------------------------------------ posting and cancelling

    function test_post_escrowsTokensTimesMaxPrice() public {
        uint256 id = _post();
        assertEq(id, 1, "id");
        IRequestAuction.Request memory r = auction.request(id);
        assertEq(r.consumer, alice, "r.consumer");
        assertEq(uint8(r.status), uint8(IRequestAuction.Status.Open), "uint8(r.status)");
        assertEq(r.bond, BOND, "r.bond");
        assertEq(r.modelId, SMALL, "r.modelId");
        assertEq(r.deliveryDeadline, revealDeadline + 1 days, "r.deliveryDeadline");
        assertEq(r.claimAt, revealDeadline + 2 days, "r.claimAt");
        assertEq(token.balanceOf(alice), 8_000 ether, "10,000 - 2,000 escrowed");
        (uint256 escrow, uint256 bonds) = auction.totals();
        assertEq(escrow, ESCROW, "escrow");
        assertEq(bonds, 400 ether, "four providers' 100 QUIV deposits");
        _assertBalanced();
    }

    function test_RevertWhen_postUnknownModel() public {
        bytes32 before = _state(1);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.UnknownModel.selector, bytes32("nope")));
        auction.post(bytes32("nope"), TOKENS, MAX_PRICE, bidDeadline, revealDeadline);
        assertEq(_state(1), before, "_state(1)");
    }

    function test_RevertWhen_postZeroTokensOrZeroPrice() public {
        bytes32 before = _state(1);
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.EscrowTooSmall.selector, 0, 10 ether));
        auction.post(SMALL, 0, MAX_PRICE, bidDeadline, revealDeadline);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.EscrowTooSmall.selector, 0, 10 ether));
        auction.post(SMALL, TOKENS, 0, bidDeadline, revealDeadline);
        vm.stopPrank();
        assertEq(_state(1), before, "_state(1)");
    }

    /// @dev Griefing with dust requests: 1,000 tokens at 0.009 QUIV escrow 9 QUIV, below the 10 QUIV minimum; every
    /// request must lock real capital, so flooding providers with requests to bid on is not free.
    function test_attack_dustRequestRefused() public {
        bytes32 before = _state(1);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.EscrowTooSmall.selector, 9 ether, 10 ether));
        auction.post(SMALL, 1_000, 0.009 ether, bidDeadline, revealDeadline);
        assertEq(_state(1), before, "_state(1)");
        // 10 QUIV is enough.
        vm.prank(alice);
        auction.post(SMALL, 1_000, 0.01 ether, bidDeadline, revealDeadline);
    }

    function test_RevertWhen_postDeadlinesInvalid() public {
        bytes32 before = _state(1);
        uint256 now_ = block.timestamp;
        uint256[2][6] memory bad = [
            [now_, now_ + 2 hours], // bidding already over
            [now_ + 1 hours, now_ + 2 hours - 1], // reveal window 1 s short of an hour
            [now_ + 1 hours, now_ + 7 days + 1], // reveal deadline 1 s beyond the 7 days
            [now_ + 1 hours, now_], // reveal before bidding
            [type(uint256).max, now_ + 2 hours], // no overflow: a clear error
            [now_ + 1 hours, type(uint256).max]
        ];
        for (uint256 i; i < bad.length; ++i) {
            vm.prank(alice);
            vm.expectRevert(abi.encodeWithSelector(IRequestAuction.InvalidDeadlines.selector, bad[i][0], bad[i][1]));
            auction.post(SMALL, TOKENS, MAX_PRICE, bad[i][0], bad[i][1]);
        }
        assertEq(_state(1), before, "_state(1)");
        // The edges themselves are accepted: exactly an hour of reveals, ending exactly 7 days out.
        vm.startPrank(alice);
        auction.post(SMALL, TOKENS, MAX_PRICE, now_ + 1 hours, now_ + 2 hours);
        auction.post(SMALL, TOKENS, MAX_PRICE, now_ + 7 days - 1 hours, now_ + 7 days);
        vm.stopPrank();
    }

    function test_cancel_refundsWhenNobodyBid() public {
        uint256 id = _post();
        vm.expectEmit(true, true, true, true, address(auction));
        emit IRequestAuction.RequestCancelled(id, alice, ESCROW);
        vm.prank(alice);
        auction.cancel(id);
        assertEq(token.balanceOf(alice), 10_000 ether, "token.balanceOf(alice)");
        assertEq(
            uint8(auction.request(id).status),
            uint8(IRequestAuction.Status.Cancelled),
            "uint8(auction.request(id).status)"
        );
        (uint256 escrow, ) = auction.totals();
        assertEq(escrow, 0, "escrow");
        _assertBalanced();
    }

    /// @dev A consumer cannot walk away once bidders locked bonds (and, after the bidding deadline, revealed prices).
    function test_attack_consumerCannotCancelAfterBids() public {
        uint256 id = _post();
        _commit(id, gold, 0.0012 ether);
        bytes32 before = _state(id);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.HasBids.selector, id, 1));
        auction.cancel(id);
        assertEq(_state(id), before, "_state(id)");
        _toReveal();
        _reveal(id, gold, 0.0012 ether);
        before = _state(id);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.HasBids.selector, id, 1));
        auction.cancel(id);
        assertEq(_state(id), before, "_state(id)");
    }

    function test_RevertWhen_cancelByOther() public {
        uint256 id = _post();
        bytes32 before = _state(id);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.NotConsumer.selector, id, bob));
        auction.cancel(id);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.UnknownRequest.selector, 9));
        auction.cancel(9);
        assertEq(_state(id), before, "_state(id)");
    }

    // ------------------------------------------------------------------ bonds

    function test_bond_depositAndWithdraw() public {
        assertEq(auction.freeBondOf(gold), 100 ether, "auction.freeBondOf(gold)");
        vm.prank(gold);
        auction.withdrawBond(40 ether);
        assertEq(auction.freeBondOf(gold), 60 ether, "auction.freeBondOf(gold)");
        assertEq(token.balanceOf(gold), 40 ether, "token.balanceOf(gold)");
        bytes32 before = _state(1);
        vm.startPrank(gold);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.InsufficientBond.selector, 60 ether, 61 ether));
        auction.withdrawBond(61 ether);
        vm.expectRevert(IRequestAuction.ZeroAmount.selector);
        auction.withdrawBond(0);
        vm.expectRevert(IRequestAuction.ZeroAmount.selector);
        auction.depositBond(0);
        vm.stopPrank();
        assertEq(_state(1), before, "_state(1)");
        _assertBalanced();
    }

    function test_commit_locksBond() public {
        uint256 id = _post();
        _commit(id, gold, 0.0012 ether);
        assertEq(auction.freeBondOf(gold), 90 ether, "100 - the 10 QUIV bond");
        assertEq(auction.request(id).commits, 1, "auction.request(id).commits");
        assertEq(
            auction.commitmentOf(id, gold),
            auction.hashBid(0.0012 ether, _salt(gold), gold, id),
            "auction.commitmentOf(id, gold)"
        );
        // A locked bond cannot be withdrawn.
        vm.prank(gold);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.InsufficientBond.selector, 90 ether, 100 ether));
        auction.withdrawBond(100 ether);
        _assertBalanced();
    }

    // ------------------------------------------------------------------ commit reverts

    function test_RevertWhen_commitAfterBiddingDeadline() public {
        uint256 id = _post();
        _toReveal();
        bytes32 before = _state(id);
        vm.prank(gold);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.OutsidePhase.selector, id));
        auction.commit(id, bytes32(uint256(1)));
        assertEq(_state(id), before, "_state(id)");
    }

    function test_RevertWhen_commitByInactiveAccount() public {
        uint256 id = _post();
        address stranger = makeAddr("stranger");
        _depositBond(stranger, 100 ether);
        bytes32 before = _state(id);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.NotActiveProvider.selector, stranger));
        auction.commit(id, bytes32(uint256(1)));
        assertEq(_state(id), before, "_state(id)");
    }

    /// @dev Self-dealing: the consumer cannot bid on its own request from the same account. From another identity
    /// (an active provider it controls) it pays itself and the fee split takes the protocol's 20%: see
    /// `test_attack_selfDealingThroughSecondIdentityPaysTheProtocolShare`.
    function test_attack_selfBidRefused() public {
        _depositBond(alice, 100 ether);
        _register(alice, 10_000 ether); // alice is an active provider too
        vm.prank(alice);
        token.approve(address(auction), type(uint256).max);
        uint256 id = _post();
        bytes32 before = _state(id);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.SelfBid.selector, id));
        auction.commit(id, bytes32(uint256(1)));
        assertEq(_state(id), before, "_state(id)");
    }

    function test_RevertWhen_commitTwiceOrZeroOrWithoutBond() public {
        uint256 id = _post();
        _commit(id, gold, 0.0012 ether);
        bytes32 before = _state(id);
        vm.startPrank(gold);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.AlreadyCommitted.selector, id, gold));
        auction.commit(id, bytes32(uint256(2)));
        vm.expectRevert(IRequestAuction.InvalidCommitment.selector);
        auction.commit(id, bytes32(0));
        vm.stopPrank();
        assertEq(_state(id), before, "_state(id)");
        vm.prank(silver);
        auction.withdrawBond(95 ether);
        vm.prank(silver);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.InsufficientBond.selector, 5 ether, BOND));
        auction.commit(id, bytes32(uint256(3)));
        assertEq(auction.request(id).commits, 1, "auction.request(id).commits");
        assertEq(auction.freeBondOf(silver), 5 ether, "auction.freeBondOf(silver)");
    }

    // ------------------------------------------------------------------ reveals and the winner

    function test_reveal_lowestWinsIncrementally() public {
        uint256 id = _post();
        _commit(id, silver, 0.0015 ether);
        _commit(id, gold, 0.0012 ether);
        _commit(id, bronze, 0.0018 ether);
        _toReveal();
        vm.expectEmit(true, true, true, true, address(auction));
        emit IRequestAuction.BidRevealed(id, silver, 0.0015 ether, true, address(0));
        _reveal(id, silver, 0.0015 ether);
        assertEq(auction.freeBondOf(silver), 90 ether, "the best bid's bond stays locked");
        // gold displaces silver: silver's bond is freed.
        vm.expectEmit(true, true, true, true, address(auction));
        emit IRequestAuction.BidRevealed(id, gold, 0.0012 ether, true, silver);
        _reveal(id, gold, 0.0012 ether);
        assertEq(auction.freeBondOf(silver), 100 ether, "auction.freeBondOf(silver)");
        // bronze is above the best: its own bond is freed.
        vm.expectEmit(true, true, true, true, address(auction));
        emit IRequestAuction.BidRevealed(id, bronze, 0.0018 ether, false, bronze);
        _reveal(id, bronze, 0.0018 ether);
        assertEq(auction.freeBondOf(bronze), 100 ether, "auction.freeBondOf(bronze)");
        assertEq(auction.freeBondOf(gold), 90 ether, "auction.freeBondOf(gold)");
        IRequestAuction.Request memory r = auction.request(id);
        assertEq(r.best, gold, "r.best");
        assertEq(r.bestPrice, 0.0012 ether, "r.bestPrice");
        assertEq(r.reveals, 3, "r.reveals");
        assertEq(auction.commitmentOf(id, gold), bytes32(0), "revealed commitments are deleted");
        _assertBalanced();
    }

    function test_reveal_tieKeepsEarliestReveal() public {
        uint256 id = _post();
        _commit(id, silver, 0.0015 ether);
        _commit(id, gold, 0.0015 ether);
        _toReveal();
        _reveal(id, gold, 0.0015 ether);
        _reveal(id, silver, 0.0015 ether);
        assertEq(auction.request(id).best, gold, "gold revealed first");
        assertEq(auction.freeBondOf(silver), 100 ether, "auction.freeBondOf(silver)");
    }

    function test_reveal_aboveMaxDoesNotQualifyButFreesBond() public {
        uint256 id = _post();
        uint256 id2 = _post();
        _commit(id, gold, MAX_PRICE + 1);
        _commit(id2, silver, MAX_PRICE);
        _toReveal();
        _reveal(id, gold, MAX_PRICE + 1);
        assertEq(auction.request(id).best, address(0), "auction.request(id).best");
        assertEq(auction.freeBondOf(gold), 100 ether, "auction.freeBondOf(gold)");
        // At the maximum exactly, it qualifies.
        _reveal(id2, silver, MAX_PRICE);
        assertEq(auction.request(id2).best, silver, "auction.request(id2).best");
    }

    function test_RevertWhen_revealOutsideItsPhase() public {
        uint256 id = _post();
        _commit(id, gold, 0.0012 ether);
        bytes32 before = _state(id);
        vm.prank(gold);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.OutsidePhase.selector, id));
        auction.reveal(id, 0.0012 ether, _salt(gold)); // still bidding: a reveal would leak the price early
        _toClose();
        vm.prank(gold);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.OutsidePhase.selector, id));
        auction.reveal(id, 0.0012 ether, _salt(gold));
        assertEq(_state(id), before, "_state(id)");
    }

    function test_RevertWhen_revealWrongPriceOrSaltOrNoCommitment() public {
        uint256 id = _post();
        _commit(id, gold, 0.0012 ether);
        _toReveal();
        bytes32 before = _state(id);
        vm.startPrank(gold);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.BadReveal.selector, id, gold));
        auction.reveal(id, 0.0011 ether, _salt(gold));
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.BadReveal.selector, id, gold));
        auction.reveal(id, 0.0012 ether, bytes32("other"));
        vm.stopPrank();
        vm.prank(silver);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.NoCommitment.selector, id, silver));
        auction.reveal(id, 0.0012 ether, _salt(gold));
        assertEq(_state(id), before, "_state(id)");
        // Revealed once, never twice.
        _reveal(id, gold, 0.0012 ether);
        vm.prank(gold);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.NoCommitment.selector, id, gold));
        auction.reveal(id, 0.0012 ether, _salt(gold));
    }

    /// @dev Copying a rival's commitment: the commitment binds the bidder, so the copy opens for nobody but its
    /// author; the copier cannot reveal and loses its bond at the close (to the fee split).
    function test_attack_copiedCommitmentCannotBeRevealed() public {
        uint256 id = _post();
        _commit(id, gold, 0.0012 ether);
        bytes32 copied = auction.commitmentOf(id, gold);
        vm.prank(silver);
        auction.commit(id, copied);
        _toReveal();
        _reveal(id, gold, 0.0012 ether); // the salt is now public
        vm.prank(silver);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.BadReveal.selector, id, silver));
        auction.reveal(id, 0.0012 ether, _salt(gold));
        _toClose();
        auction.close(id);
        assertEq(auction.freeBondOf(silver), 90 ether, "silver's 10 QUIV bond forfeited");
        assertEq(auction.request(id).best, gold, "auction.request(id).best");
    }

    /// @dev A provider banned after committing may still reveal, but its bid is void: it cannot win and its bond stays
    /// for the forfeit (leaving the active set must not withdraw a bid for free).
    function test_attack_bannedProviderCannotWin() public {
        uint256 id = _post();
        _commit(id, gold, 0.0012 ether);
        _commit(id, silver, 0.0015 ether);
        vm.prank(slasher);
        staking.setBanned(gold, true);
        _toReveal();
        _reveal(id, gold, 0.0012 ether);
        _reveal(id, silver, 0.0015 ether);
        assertEq(auction.request(id).best, silver, "auction.request(id).best");
        assertEq(auction.freeBondOf(gold), 90 ether, "gold's 10 QUIV stays locked for the forfeit");
    }

    // ------------------------------------------------------------------ closing

    /// @dev The winner does not reveal: its bond (10 QUIV) is forfeited through the fee split and the next best
    /// revealed bid wins. Routing 10 QUIV: validators 0.05, burn 0.1, infrastructure 1.35, treasury 0.5 + the
    /// provider's 8 = 8.5.
    function test_attack_winnerNotRevealingLosesBondNextBestWins() public {
        uint256 id = _post();
        _commit(id, silver, 0.0015 ether);
        _commit(id, gold, 0.0012 ether); // would win, never reveals
        _toReveal();
        _reveal(id, silver, 0.0015 ether);
        _toClose();
        uint256 supply = token.totalSupply();
        vm.expectEmit(true, true, true, true, address(auction));
        emit IRequestAuction.AuctionClosed(id, silver, alice, 0.0015 ether, BOND, 0);
        auction.close(id);
        assertEq(auction.request(id).best, silver, "auction.request(id).best");
        assertEq(
            uint8(auction.request(id).status),
            uint8(IRequestAuction.Status.Awarded),
            "uint8(auction.request(id).status)"
        );
        assertEq(auction.freeBondOf(gold), 90 ether, "auction.freeBondOf(gold)");
        assertEq(token.balanceOf(validators), 0.05 ether, "token.balanceOf(validators)");
        assertEq(token.balanceOf(infrastructure), 1.35 ether, "token.balanceOf(infrastructure)");
        assertEq(token.balanceOf(treasury), 8.5 ether, "token.balanceOf(treasury)");
        assertEq(supply - token.totalSupply(), 0.1 ether, "burnt");
        _assertBalanced();
    }

    function test_close_withoutQualifyingBidRefundsEscrow() public {
        uint256 id = _post();
        _commit(id, gold, MAX_PRICE * 2);
        _toReveal();
        _reveal(id, gold, MAX_PRICE * 2);
        _toClose();
        vm.expectEmit(true, true, true, true, address(auction));
        emit IRequestAuction.AuctionClosed(id, address(0), alice, 0, 0, ESCROW);
        auction.close(id);
        assertEq(
            uint8(auction.request(id).status),
            uint8(IRequestAuction.Status.Unfilled),
            "uint8(auction.request(id).status)"
        );
        assertEq(token.balanceOf(alice), 10_000 ether, "token.balanceOf(alice)");
        (uint256 escrow, ) = auction.totals();
        assertEq(escrow, 0, "escrow");
        _assertBalanced();
    }

    function test_RevertWhen_closeEarlyOrTwice() public {
        uint256 id = _auctionWonByGold();
        bytes32 before = _state(id);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.TooEarly.selector, id, revealDeadline));
        auction.close(id);
        vm.prank(gold);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.TooEarly.selector, id, revealDeadline));
        auction.deliver(id, bytes32("result"));
        assertEq(_state(id), before, "_state(id)");
        _toClose();
        auction.close(id);
        before = _state(id);
        vm.expectRevert(
            abi.encodeWithSelector(IRequestAuction.WrongStatus.selector, id, IRequestAuction.Status.Awarded)
        );
        auction.close(id);
        assertEq(_state(id), before, "_state(id)");
    }

    // ------------------------------------------------------------------ paying

    /// @dev Gold wins at 0.0012: payment 1,000,000 x 0.0012 = 1,200 QUIV; the protocol's 20% = 240 goes through the
    /// router over the protocol's shares only, i.e. the table's parts of the 1,200 (validators 6, burn 12,
    /// infrastructure 162, treasury 60), gold gets 960, alice gets
    /// 2,000 - 1,200 = 800 back; every bond is free again.
    function test_confirm_paysThroughFeeSplitAndRefundsRest() public {
        uint256 id = _auctionWonByGold();
        _toClose();
        vm.prank(gold);
        auction.deliver(id, bytes32("result"));
        uint256 supply = token.totalSupply();
        vm.expectEmit(true, true, true, true, address(auction));
        emit IRequestAuction.Settled(id, gold, alice, 960 ether, 240 ether, 800 ether);
        vm.prank(alice);
        auction.confirm(id);
        assertEq(token.balanceOf(gold), 960 ether, "token.balanceOf(gold)");
        assertEq(token.balanceOf(alice), 8_800 ether, "10,000 - 1,200");
        assertEq(token.balanceOf(validators), 6 ether, "token.balanceOf(validators)");
        assertEq(token.balanceOf(infrastructure), 162 ether, "token.balanceOf(infrastructure)");
        assertEq(token.balanceOf(treasury), 60 ether, "token.balanceOf(treasury)");
        assertEq(supply - token.totalSupply(), 12 ether, "supply - token.totalSupply()");
        assertEq(auction.freeBondOf(gold), 100 ether, "auction.freeBondOf(gold)");
        assertEq(
            uint8(auction.request(id).status),
            uint8(IRequestAuction.Status.Settled),
            "uint8(auction.request(id).status)"
        );
        (uint256 escrow, uint256 bonds) = auction.totals();
        assertEq(escrow, 0, "escrow");
        assertEq(bonds, 400 ether, "bonds");
        _assertBalanced();
    }

    /// @dev Confirming closes the auction on its own (before any delivery, the consumer's choice).
    function test_confirm_closesAuctionFirst() public {
        uint256 id = _auctionWonByGold();
        _toClose();
        vm.prank(alice);
        auction.confirm(id);
        assertEq(token.balanceOf(gold), 960 ether, "token.balanceOf(gold)");
        assertEq(
            uint8(auction.request(id).status),
            uint8(IRequestAuction.Status.Settled),
            "uint8(auction.request(id).status)"
        );
    }

    /// @dev Rounding favours the protocol: 7 tokens at 1 wei (after the 10 QUIV escrow of 7 x 2 QUIV max): payment
    /// 7 wei, protocol 20% = 1.4 -> 2 wei, gold 5 wei.
    function test_confirm_protocolPartRoundsUp() public {
        vm.prank(alice);
        uint256 id = auction.post(SMALL, 7, 2 ether, bidDeadline, revealDeadline);
        _commit(id, gold, 1);
        _toReveal();
        _reveal(id, gold, 1);
        _toClose();
        vm.prank(alice);
        auction.confirm(id);
        assertEq(token.balanceOf(gold), 5, "token.balanceOf(gold)");
    }

    function test_RevertWhen_confirmByOtherOrTwice() public {
        uint256 id = _auctionWonByGold();
        _toClose();
        auction.close(id);
        bytes32 before = _state(id);
        vm.prank(gold);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.NotConsumer.selector, id, gold));
        auction.confirm(id);
        assertEq(_state(id), before, "_state(id)");
        vm.prank(alice);
        auction.confirm(id);
        before = _state(id);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IRequestAuction.WrongStatus.selector, id, IRequestAuction.Status.Settled)
        );
        auction.confirm(id);
        assertEq(_state(id), before, "_state(id)");
    }

    function test_claim_afterDisputeWindowPaysWinner() public {
        uint256 id = _auctionWonByGold();
        _toClose();
        vm.prank(gold);
        auction.deliver(id, bytes32("result"));
        bytes32 before = _state(id);
        vm.warp(revealDeadline + 2 days - 1);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.TooEarly.selector, id, revealDeadline + 2 days));
        auction.claim(id);
        assertEq(_state(id), before, "_state(id)");
        vm.warp(revealDeadline + 2 days);
        auction.claim(id); // anyone; gold is paid
        assertEq(token.balanceOf(gold), 960 ether, "token.balanceOf(gold)");
        assertEq(token.balanceOf(alice), 8_800 ether, "token.balanceOf(alice)");
        _assertBalanced();
    }

    function test_RevertWhen_claimUndelivered() public {
        uint256 id = _auctionWonByGold();
        _toClose();
        auction.close(id);
        vm.warp(revealDeadline + 2 days);
        bytes32 before = _state(id);
        vm.expectRevert(
            abi.encodeWithSelector(IRequestAuction.WrongStatus.selector, id, IRequestAuction.Status.Awarded)
        );
        auction.claim(id);
        assertEq(_state(id), before, "_state(id)");
    }

    function test_RevertWhen_deliverByOtherOrLate() public {
        uint256 id = _auctionWonByGold();
        _toClose();
        auction.close(id);
        bytes32 before = _state(id);
        vm.prank(silver);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.NotWinner.selector, id, silver));
        auction.deliver(id, bytes32("result"));
        vm.warp(revealDeadline + 1 days);
        vm.prank(gold);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.TooLate.selector, id, revealDeadline + 1 days));
        auction.deliver(id, bytes32("result"));
        assertEq(_state(id), before, "_state(id)");
    }

    /// @dev A dispute pays the 1,200 QUIV and gold's 10 QUIV bond, 1,210, to the fee split by the whole table
    /// (validators 6.05, burn 12.1, infrastructure 163.35, treasury 60.5 + 968 = 1,028.5), alice gets 800 back: she
    /// pays what she would have paid, gold is not paid and loses its bond (nobody profits from a dispute).
    function test_dispute_routesPaymentAndRefundsRest() public {
        uint256 id = _auctionWonByGold();
        _toClose();
        vm.prank(gold);
        auction.deliver(id, bytes32("junk"));
        uint256 supply = token.totalSupply();
        vm.expectEmit(true, true, true, true, address(auction));
        emit IRequestAuction.Disputed(id, gold, alice, 1_210 ether, 800 ether);
        vm.prank(alice);
        auction.dispute(id);
        assertEq(token.balanceOf(gold), 0, "token.balanceOf(gold)");
        assertEq(token.balanceOf(alice), 8_800 ether, "token.balanceOf(alice)");
        assertEq(token.balanceOf(validators), 6.05 ether, "token.balanceOf(validators)");
        assertEq(token.balanceOf(infrastructure), 163.35 ether, "token.balanceOf(infrastructure)");
        assertEq(token.balanceOf(treasury), 1_028.5 ether, "token.balanceOf(treasury)");
        assertEq(supply - token.totalSupply(), 12.1 ether, "supply - token.totalSupply()");
        assertEq(auction.freeBondOf(gold), 90 ether, "gold's bond forfeited");
        _assertBalanced();
    }

    function test_RevertWhen_disputeByOtherLateOrUndelivered() public {
        uint256 id = _auctionWonByGold();
        _toClose();
        auction.close(id);
        bytes32 before = _state(id);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IRequestAuction.WrongStatus.selector, id, IRequestAuction.Status.Awarded)
        );
        auction.dispute(id);
        vm.prank(gold);
        auction.deliver(id, bytes32("result"));
        before = _state(id);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.NotConsumer.selector, id, bob));
        auction.dispute(id);
        vm.warp(revealDeadline + 2 days);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.TooLate.selector, id, revealDeadline + 2 days));
        auction.dispute(id);
        assertEq(_state(id), before, "_state(id)");
    }

    /// @dev Gold wins and never delivers: after the delivery deadline alice gets her 2,000 QUIV back and gold's
    /// 10 QUIV bond.
    function test_attack_winnerFailsToDeliverLosesBondToConsumer() public {
        uint256 id = _auctionWonByGold();
        vm.warp(revealDeadline + 1 days - 1);
        bytes32 before = _state(id);
        vm.expectRevert(abi.encodeWithSelector(IRequestAuction.TooEarly.selector, id, revealDeadline + 1 days));
        auction.refundUndelivered(id);
        assertEq(_state(id), before, "_state(id)");
        vm.warp(revealDeadline + 1 days);
        vm.expectEmit(true, true, true, true, address(auction));
        emit IRequestAuction.DeliveryFailed(id, gold, alice, ESCROW, BOND);
        auction.refundUndelivered(id);
        assertEq(token.balanceOf(alice), 10_010 ether, "token.balanceOf(alice)");
        assertEq(auction.freeBondOf(gold), 90 ether, "auction.freeBondOf(gold)");
        assertEq(
            uint8(auction.request(id).status),
            uint8(IRequestAuction.Status.Failed),
            "uint8(auction.request(id).status)"
        );
        (uint256 escrow, uint256 bonds) = auction.totals();
        assertEq(escrow, 0, "escrow");
        assertEq(bonds, 390 ether, "bonds");
        _assertBalanced();
        // Delivering late changes nothing.
        vm.prank(gold);
        vm.expectRevert(
            abi.encodeWithSelector(IRequestAuction.WrongStatus.selector, id, IRequestAuction.Status.Failed)
        );
        auction.deliver(id, bytes32("late"));
    }

    function test_RevertWhen_refundUndeliveredAfterDelivery() public {
        uint256 id = _auctionWonByGold();
        _toClose();
        vm.prank(gold);
        auction.deliver(id, bytes32("result"));
        vm.warp(revealDeadline + 1 days);
        bytes32 before = _state(id);
        vm.expectRevert(
            abi.encodeWithSelector(IRequestAuction.WrongStatus.selector, id, IRequestAuction.Status.Delivered)
        );
        auction.refundUndelivered(id);
        assertEq(_state(id), before, "_state(id)");
    }

    // ------------------------------------------------------------------ attacks

    /// @dev One operator bids from two identities (gold at 0.001, platinum at 0.0019) and, once silver revealed
    /// 0.0015, reveals only what suits it. Each identity is a staked active provider and each unrevealed bid forfeits
    /// its 10 QUIV bond to the fee split: here platinum's (treasury 8.5, infrastructure 1.35, validators 0.05, burn
    /// 0.1). Choosing among k committed prices costs k - 1 bonds, which the governed bond prices.
    function test_attack_multiIdentitySelectiveRevealForfeitsUnrevealedBonds() public {
        uint256 id = _post();
        _commit(id, gold, 0.001 ether);
        _commit(id, platinum, 0.0019 ether);
        _commit(id, silver, 0.0015 ether);
        _toReveal();
        _reveal(id, silver, 0.0015 ether);
        _reveal(id, gold, 0.001 ether);
        _toClose();
        auction.close(id);
        assertEq(auction.request(id).best, gold, "auction.request(id).best");
        assertEq(auction.freeBondOf(platinum), 90 ether, "the unrevealed identity lost its bond");
        assertEq(token.balanceOf(treasury), 8.5 ether, "token.balanceOf(treasury)");
        _assertBalanced();
    }

    /// @dev The consumer wins its own request through a second identity at the maximum: it pays 2,000 QUIV and gets
    /// back 1,600 as the provider; the fee split keeps 400 (20%). Nothing in the auction pays incentives or records
    /// demand, so self-dealing only costs.
    function test_attack_selfDealingThroughSecondIdentityPaysTheProtocolShare() public {
        address alter = makeAddr("alter");
        _register(alter, 10_000 ether);
        _depositBond(alter, 10 ether);
        uint256 id = _post();
        _commit(id, alter, MAX_PRICE);
        _toReveal();
        _reveal(id, alter, MAX_PRICE);
        _toClose();
        vm.prank(alice);
        auction.confirm(id);
        assertEq(
            token.balanceOf(alice) + token.balanceOf(alter),
            10_000 ether - 400 ether,
            "token.balanceOf(alice) + token.balanceOf(alter)"
        );
    }

    /// @dev Reentrancy through the token: the consumer is a contract the (hooked) token calls on every transfer to
    /// it; while its cancellation refund is paid, it re-enters `cancel`: the guard refuses, the refund is paid once.
    function test_attack_reentrancyThroughTokenRefused() public {
        vm.etch(address(token), address(new HookedProtocolToken("QUIVer", "QUIV", CAP, address(manager))).code);
        HostileAccount hostile = new HostileAccount(address(this));
        HookedProtocolToken(address(token)).setHooked(address(hostile), true);
        hostile.watch(address(auction), true);
        _mint(address(hostile), ESCROW);
        vm.startPrank(address(hostile));
        token.approve(address(auction), ESCROW);
        uint256 id = auction.post(SMALL, TOKENS, MAX_PRICE, bidDeadline, revealDeadline);
        vm.stopPrank();
        hostile.arm(
            address(auction),
            abi.encodeCall(IRequestAuction.cancel, (id)),
            new bytes4[](0),
            HostileAccount.Hook.TokensReceived
        );
        vm.prank(address(hostile));
        auction.cancel(id);
        assertEq(
            hostile.refusedByGuard(HostileAccount.Hook.TokensReceived, address(auction)),
            1,
            "hostile.refusedByGuard(HostileAccount.Hook.TokensR"
        );
        assertEq(token.balanceOf(address(hostile)), ESCROW, "refunded once");
        _assertBalanced();

        // A winner paid by `confirm` re-entering `claim` is refused too.
        uint256 id2 = _auctionWonByGoldAt(block.timestamp);
        vm.etch(gold, address(hostile).code);
        HookedProtocolToken(address(token)).setHooked(gold, true);
        HostileAccount(payable(gold)).watch(address(auction), true);
        HostileAccount(payable(gold)).arm(
            address(auction),
            abi.encodeCall(IRequestAuction.claim, (id2)),
            new bytes4[](0),
            HostileAccount.Hook.TokensReceived
        );
        vm.prank(alice);
        auction.confirm(id2);
        assertEq(
            HostileAccount(payable(gold)).refusedByGuard(HostileAccount.Hook.TokensReceived, address(auction)),
            1,
            "HostileAccount(payable(gold)).refusedByGuard(Hosti"
        );
        assertEq(token.balanceOf(gold), 960 ether, "paid once");
        _assertBalanced();
    }

    function _auctionWonByGoldAt(uint256 start) internal returns (uint256 id) {
        bidDeadline = start + 1 hours;
        revealDeadline = bidDeadline + 2 hours;
        id = _auctionWonByGold();
        _toClose();
    }

    // ------------------------------------------------------------------ O(1)

    /// @dev A commit and a reveal cost the same with 3 or 40 other bidders on the request (no loop over bids).
    function test_commitAndRevealCostIndependentOfBidders() public {
        (uint256 commitFew, uint256 revealFew) = _measure(3);
        (uint256 commitMany, uint256 revealMany) = _measure(40);
        // Within 100 gas: only the commitment's and the salt's bytes differ (memory copies of the call's arguments);
        // a loop over bids would add thousands per 37 extra bidders.
        assertApproxEqAbs(commitFew, commitMany, 100, "commit O(1)");
        assertApproxEqAbs(revealFew, revealMany, 100, "reveal O(1)");
    }

    /// @dev A fresh measured bidder each time, registered and bonded in the same test transaction as the crowd, so
    /// the slots it touches are equally warm in both measurements.
    function _measure(uint256 others) internal returns (uint256 commitGas, uint256 revealGas) {
        vm.prank(bob);
        uint256 id = auction.post(SMALL, TOKENS, MAX_PRICE, block.timestamp + 1 hours, block.timestamp + 3 hours);
        uint256 start = block.timestamp;
        for (uint256 i; i < others; ++i) {
            address p = makeAddr(string.concat("crowd", vm.toString(others), "-", vm.toString(i)));
            _register(p, 10_000 ether);
            _depositBond(p, BOND);
            _commit(id, p, 0.0019 ether - i);
        }
        address measured = makeAddr(string.concat("measured", vm.toString(others)));
        _register(measured, 10_000 ether);
        _depositBond(measured, BOND);
        bytes32 c = keccak256(abi.encode(0.001 ether, _salt(measured), measured, id));
        vm.prank(measured);
        uint256 g = gasleft();
        auction.commit(id, c);
        commitGas = g - gasleft();
        vm.warp(start + 1 hours);
        for (uint256 i; i < others; ++i) {
            _reveal(id, makeAddr(string.concat("crowd", vm.toString(others), "-", vm.toString(i))), 0.0019 ether - i);
        }
        vm.prank(measured);
        g = gasleft();
        auction.reveal(id, 0.001 ether, _salt(measured));
        revealGas = g - gasleft();
        assertEq(auction.request(id).best, measured, "the measured bid wins");
        vm.warp(start);
    }

    // ------------------------------------------------------------------ governance

    function test_setParameter_boundsAndAccess() public {
        vm.prank(registry);
        auction.setParameter(MarketKeys.AUCTION_BID_BOND, 20 ether);
        assertEq(
            auction.parameter(MarketKeys.AUCTION_BID_BOND),
            20 ether,
            "auction.parameter(MarketKeys.AUCTION_BID_BOND)"
        );
        vm.startPrank(registry);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, MarketKeys.AUCTION_BID_BOND, 0)
        );
        auction.setParameter(MarketKeys.AUCTION_BID_BOND, 0);
        vm.expectRevert(
            abi.encodeWithSelector(
                IParameterized.InvalidParameterValue.selector,
                MarketKeys.AUCTION_MIN_REVEAL_WINDOW,
                7 days
            )
        );
        auction.setParameter(MarketKeys.AUCTION_MIN_REVEAL_WINDOW, 7 days);
        vm.expectRevert(
            abi.encodeWithSelector(
                IParameterized.InvalidParameterValue.selector,
                MarketKeys.AUCTION_MAX_DURATION,
                1 hours
            )
        );
        auction.setParameter(MarketKeys.AUCTION_MAX_DURATION, 1 hours);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, bytes32("x")));
        auction.setParameter(bytes32("x"), 1);
        vm.stopPrank();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, alice));
        auction.setParameter(MarketKeys.AUCTION_BID_BOND, 1 ether);
        assertEq(
            auction.parameter(MarketKeys.AUCTION_BID_BOND),
            20 ether,
            "auction.parameter(MarketKeys.AUCTION_BID_BOND)"
        );
        assertEq(
            auction.parameter(MarketKeys.AUCTION_MIN_ESCROW),
            10 ether,
            "auction.parameter(MarketKeys.AUCTION_MIN_ESCROW)"
        );
        assertEq(
            auction.parameter(MarketKeys.AUCTION_MIN_REVEAL_WINDOW),
            1 hours,
            "auction.parameter(MarketKeys.AUCTION_MIN_REVEAL_WI"
        );
        assertEq(
            auction.parameter(MarketKeys.AUCTION_MAX_DURATION),
            7 days,
            "auction.parameter(MarketKeys.AUCTION_MAX_DURATION)"
        );
        assertEq(
            auction.parameter(MarketKeys.AUCTION_DELIVERY_WINDOW),
            1 days,
            "auction.parameter(MarketKeys.AUCTION_DELIVERY_WIND"
        );
        assertEq(
            auction.parameter(MarketKeys.AUCTION_DISPUTE_WINDOW),
            1 days,
            "auction.parameter(MarketKeys.AUCTION_DISPUTE_WINDO"
        );
    }

    /// @dev A request keeps the bond it was posted with: raising the bond mid-auction cannot strand a bidder who
    /// deposited for the old one, nor change the terms a consumer posted.
    function test_postedRequestKeepsItsBond() public {
        uint256 id = _post();
        vm.prank(registry);
        auction.setParameter(MarketKeys.AUCTION_BID_BOND, 50 ether);
        _commit(id, gold, 0.0012 ether);
        assertEq(auction.freeBondOf(gold), 90 ether, "auction.freeBondOf(gold)");
    }

    function test_RevertWhen_constructorInvalid() public {
        IRequestAuction.Parameters memory p = _auctionParameters();
        p.maxDuration = p.minRevealWindow;
        vm.expectRevert(IRequestAuction.InvalidConfiguration.selector);
        new RequestAuction(IERC20(address(token)), router, catalog, staking, address(manager), p);
        vm.expectRevert(IRequestAuction.ZeroAddress.selector);
        new RequestAuction(IERC20(address(0)), router, catalog, staking, address(manager), _auctionParameters());
    }
}
