// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IRequestAuction} from "../../../contracts/interfaces/IRequestAuction.sol";
import {RequestAuction} from "../../../contracts/market/RequestAuction.sol";
import {ProtocolToken} from "../../../contracts/token/ProtocolToken.sol";
import {Test} from "../../utils/Test.sol";

/// @notice Drives the request auction: two consumers post requests at random sizes and deadlines and cancel some;
/// four active providers deposit and withdraw bonds, commit sealed bids at random prices (some above the maximum),
/// reveal some and stay silent on others; anyone closes; winners deliver or not; consumers confirm or dispute; claims
/// and undelivered refunds run when due; time moves in steps of up to two days. Every call is guarded so it never
/// reverts (the campaign fails on reverts). Ghost: the number of requests the handler posted.
contract RequestAuctionHandler is Test {
    RequestAuction internal immutable _AUCTION;
    ProtocolToken internal immutable _TOKEN;
    address internal immutable _MINTER;

    address[2] internal _consumers;
    address[4] internal _bidders;
    /// @dev The price each bidder committed, plus one (zero: none).
    mapping(uint256 requestId => mapping(address bidder => uint256 priceplusOne)) internal _committed;

    uint256 public posted;

    constructor(
        RequestAuction auction,
        ProtocolToken token,
        address minter,
        address[2] memory consumers,
        address[4] memory bidders
    ) {
        _AUCTION = auction;
        _TOKEN = token;
        _MINTER = minter;
        _consumers = consumers;
        _bidders = bidders;
    }

    function bidder(uint256 i) external view returns (address) {
        return _bidders[i];
    }

    function consumer(uint256 i) external view returns (address) {
        return _consumers[i];
    }

    // ------------------------------------------------------------------ consumers

    function post(uint256 consumerSeed, uint256 tokens, uint256 price, uint256 bidIn, uint256 revealIn) external {
        address c = _consumers[consumerSeed % 2];
        tokens = bound(tokens, 1_000, 1_000_000);
        // The escrow reaches the 10 QUIV minimum: price >= 10 QUIV / tokens, rounded up.
        uint256 low = (10 ether + tokens - 1) / tokens;
        price = bound(price, low, low * 10);
        bidIn = bound(bidIn, 1, 1 days);
        revealIn = bound(revealIn, bidIn + 1 hours, 7 days);
        uint256 escrow = tokens * price;
        _mint(c, escrow);
        vm.startPrank(c);
        _TOKEN.approve(address(_AUCTION), escrow);
        _AUCTION.post(keccak256("model.small"), tokens, price, block.timestamp + bidIn, block.timestamp + revealIn);
        vm.stopPrank();
        ++posted;
    }

    function cancel(uint256 idSeed) external {
        (uint256 id, IRequestAuction.Request memory r) = _pick(idSeed);
        if (r.status != IRequestAuction.Status.Open || r.commits != 0) return;
        vm.prank(r.consumer);
        _AUCTION.cancel(id);
    }

    // ------------------------------------------------------------------ bidders

    function deposit(uint256 bidderSeed, uint256 amount) external {
        address b = _bidders[bidderSeed % 4];
        amount = bound(amount, 1, 50 ether);
        _mint(b, amount);
        vm.startPrank(b);
        _TOKEN.approve(address(_AUCTION), amount);
        _AUCTION.depositBond(amount);
        vm.stopPrank();
    }

    function withdraw(uint256 bidderSeed, uint256 amount) external {
        address b = _bidders[bidderSeed % 4];
        uint256 free = _AUCTION.freeBondOf(b);
        if (free == 0) return;
        vm.prank(b);
        _AUCTION.withdrawBond(bound(amount, 1, free));
    }

    function commit(uint256 idSeed, uint256 bidderSeed, uint256 price) external {
        (uint256 id, IRequestAuction.Request memory r) = _pick(idSeed);
        address b = _bidders[bidderSeed % 4];
        if (r.status != IRequestAuction.Status.Open || block.timestamp >= r.bidDeadline) return;
        if (_AUCTION.commitmentOf(id, b) != bytes32(0) || _AUCTION.freeBondOf(b) < r.bond) return;
        // Up to 20% above the maximum: some bids do not qualify.
        price = bound(price, 0, (uint256(r.maxPrice) * 12) / 10);
        _committed[id][b] = price + 1;
        bytes32 commitment = _AUCTION.hashBid(price, keccak256(abi.encode(id, b)), b, id);
        vm.prank(b);
        _AUCTION.commit(id, commitment);
    }

    function reveal(uint256 idSeed, uint256 bidderSeed) external {
        (uint256 id, IRequestAuction.Request memory r) = _pick(idSeed);
        address b = _bidders[bidderSeed % 4];
        if (r.status != IRequestAuction.Status.Open) return;
        if (block.timestamp < r.bidDeadline || block.timestamp >= r.revealDeadline) return;
        if (_AUCTION.commitmentOf(id, b) == bytes32(0)) return;
        vm.prank(b);
        _AUCTION.reveal(id, _committed[id][b] - 1, keccak256(abi.encode(id, b)));
    }

    // ------------------------------------------------------------------ after the auction

    function close(uint256 idSeed) external {
        (uint256 id, IRequestAuction.Request memory r) = _pick(idSeed);
        if (r.status != IRequestAuction.Status.Open || block.timestamp < r.revealDeadline) return;
        _AUCTION.close(id);
    }

    function deliver(uint256 idSeed) external {
        (uint256 id, IRequestAuction.Request memory r) = _pick(idSeed);
        if (!_closedOrClosable(r) || r.best == address(0) || block.timestamp >= r.deliveryDeadline) return;
        if (r.status != IRequestAuction.Status.Open && r.status != IRequestAuction.Status.Awarded) return;
        vm.prank(r.best);
        _AUCTION.deliver(id, keccak256("result"));
    }

    function confirm(uint256 idSeed) external {
        (uint256 id, IRequestAuction.Request memory r) = _pick(idSeed);
        if (!_closedOrClosable(r) || r.best == address(0)) return;
        IRequestAuction.Status s = r.status;
        if (s != IRequestAuction.Status.Open && s != IRequestAuction.Status.Awarded) {
            if (s != IRequestAuction.Status.Delivered) return;
        }
        vm.prank(r.consumer);
        _AUCTION.confirm(id);
    }

    function claim(uint256 idSeed) external {
        (uint256 id, IRequestAuction.Request memory r) = _pick(idSeed);
        if (r.status != IRequestAuction.Status.Delivered || block.timestamp < r.claimAt) return;
        _AUCTION.claim(id);
    }

    function dispute(uint256 idSeed) external {
        (uint256 id, IRequestAuction.Request memory r) = _pick(idSeed);
        if (r.status != IRequestAuction.Status.Delivered || block.timestamp >= r.claimAt) return;
        vm.prank(r.consumer);
        _AUCTION.dispute(id);
    }

    function refundUndelivered(uint256 idSeed) external {
        (uint256 id, IRequestAuction.Request memory r) = _pick(idSeed);
        if (!_closedOrClosable(r) || r.best == address(0) || block.timestamp < r.deliveryDeadline) return;
        if (r.status != IRequestAuction.Status.Open && r.status != IRequestAuction.Status.Awarded) return;
        _AUCTION.refundUndelivered(id);
    }

    function warp(uint256 by) external {
        vm.warp(block.timestamp + bound(by, 1, 2 days));
    }

    // ------------------------------------------------------------------ internals

    function _pick(uint256 seed) internal view returns (uint256 id, IRequestAuction.Request memory r) {
        uint256 count = _AUCTION.requestCount();
        if (count == 0) return (0, r);
        id = 1 + (seed % count);
        r = _AUCTION.request(id);
    }

    /// @dev Open past its reveal deadline (the delivery functions close it) or closed.
    function _closedOrClosable(IRequestAuction.Request memory r) internal view returns (bool) {
        if (r.status == IRequestAuction.Status.None) return false;
        return r.status != IRequestAuction.Status.Open || block.timestamp >= r.revealDeadline;
    }

    function _mint(address to, uint256 amount) internal {
        vm.prank(_MINTER);
        _TOKEN.mint(to, amount);
    }
}
