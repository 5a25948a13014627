// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {IFeeRouter} from "../interfaces/IFeeRouter.sol";
import {IModelCatalog} from "../interfaces/IModelCatalog.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IProviderStaking} from "../interfaces/IProviderStaking.sol";
import {IRequestAuction} from "../interfaces/IRequestAuction.sol";
import {BPS} from "../common/Constants.sol";
import {MarketKeys} from "../libraries/MarketKeys.sol";

/// @title RequestAuction
/// @notice Sealed-bid (commit-reveal) auctions of inference requests, paid through the market's fee split (see
/// `IRequestAuction`). Immutable, AccessManaged: only `setParameter` is restricted (the parameter registry).
/// @dev Accounting: `_totals.escrow` is the escrow of requests not yet ended and `_totals.bonds` every bond token
/// held (free deposits plus bonds locked by bids); the token balance equals their sum. Commit and reveal move bond
/// between free and locked without touching the totals or the token, so neither makes a transfer.
contract RequestAuction is IRequestAuction, Parameterized, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @dev The governed numbers, two slots (bounds in `_setParameter`).
    struct Config {
        uint96 bidBond;
        uint96 minEscrow;
        uint32 minRevealWindow;
        uint32 maxDuration;
        uint32 deliveryWindow;
        uint32 disputeWindow;
    }

    /// @dev What the contract holds, one slot.
    struct Totals {
        uint128 escrow;
        uint128 bonds;
    }

    IERC20 private immutable _TOKEN;
    IFeeRouter private immutable _ROUTER;
    IModelCatalog private immutable _CATALOG;
    IProviderStaking private immutable _STAKING;

    Config private _config;
    Totals private _totals;
    uint256 private _requestCount;
    mapping(uint256 requestId => Request) private _requests;
    /// @dev Unrevealed commitments (deleted at reveal: after the bidding deadline none can be made again).
    mapping(uint256 requestId => mapping(address bidder => bytes32 commitment)) private _bids;
    /// @dev An account's free bond plus one once it has deposited: the entry never returns to zero, so freeing a
    /// bond at a reveal or a settlement rewrites a non-zero slot (5,000 gas) instead of setting one (22,100) when
    /// the bidder had locked all it deposited.
    mapping(address account => uint256 freePlusOne) private _freeBonds;

    /// @notice Deploys the auction.
    /// @param token_ The market's token (the router's).
    /// @param router_ The fee router.
    /// @param catalog_ The model catalogue (requests name a listed model).
    /// @param staking_ Provider staking (bidders must be active providers).
    /// @param authority The preset's AccessManager.
    /// @param p Initial governed numbers (the preset).
    constructor(
        IERC20 token_,
        IFeeRouter router_,
        IModelCatalog catalog_,
        IProviderStaking staking_,
        address authority,
        Parameters memory p
    ) AccessManaged(authority) {
        if (
            address(token_) == address(0) ||
            address(router_) == address(0) ||
            address(catalog_) == address(0) ||
            address(staking_) == address(0)
        ) revert ZeroAddress();
        if (
            p.bidBond == 0 ||
            p.minEscrow == 0 ||
            p.minRevealWindow == 0 ||
            p.maxDuration <= p.minRevealWindow ||
            p.deliveryWindow == 0 ||
            p.disputeWindow == 0
        ) revert InvalidConfiguration();
        _TOKEN = token_;
        _ROUTER = router_;
        _CATALOG = catalog_;
        _STAKING = staking_;
        _config = Config({
            bidBond: SafeCast.toUint96(p.bidBond),
            minEscrow: SafeCast.toUint96(p.minEscrow),
            minRevealWindow: SafeCast.toUint32(p.minRevealWindow),
            maxDuration: SafeCast.toUint32(p.maxDuration),
            deliveryWindow: SafeCast.toUint32(p.deliveryWindow),
            disputeWindow: SafeCast.toUint32(p.disputeWindow)
        });
    }

    // ------------------------------------------------------------------ consumers

    /// @inheritdoc IRequestAuction
    function post(
        bytes32 modelId,
        uint256 tokens,
        uint256 maxPrice,
        uint256 bidDeadline,
        uint256 revealDeadline
    ) external nonReentrant returns (uint256 requestId) {
        if (!_CATALOG.modelInfo(modelId).listed) revert UnknownModel(modelId);
        Config memory c = _config;
        // Both fit their fields (or revert), so the escrow fits 160 bits.
        uint256 escrow = uint256(SafeCast.toUint64(tokens)) * SafeCast.toUint96(maxPrice);
        if (escrow == 0 || escrow < c.minEscrow) revert EscrowTooSmall(escrow, c.minEscrow);
        // In this order nothing overflows: the subtraction runs only with bidDeadline <= revealDeadline.
        if (
            bidDeadline <= block.timestamp ||
            revealDeadline > block.timestamp + c.maxDuration ||
            revealDeadline < bidDeadline ||
            revealDeadline - bidDeadline < c.minRevealWindow
        ) revert InvalidDeadlines(bidDeadline, revealDeadline);
        // revealDeadline <= now + uint32: the deadlines below fit a uint40 for millennia.
        uint256 deliveryDeadline = revealDeadline + c.deliveryWindow;
        uint256 claimAt = deliveryDeadline + c.disputeWindow;
        requestId = ++_requestCount;
        _requests[requestId] = Request({
            consumer: msg.sender,
            bidDeadline: uint40(bidDeadline),
            revealDeadline: uint40(revealDeadline),
            status: Status.Open,
            tokens: uint64(tokens),
            deliveryDeadline: uint40(deliveryDeadline),
            claimAt: uint40(claimAt),
            best: address(0),
            bestPrice: 0,
            bond: c.bidBond,
            maxPrice: uint96(maxPrice),
            commits: 0,
            reveals: 0,
            modelId: modelId
        });
        _totals.escrow += SafeCast.toUint128(escrow);
        emit RequestPosted(
            requestId,
            msg.sender,
            modelId,
            tokens,
            maxPrice,
            escrow,
            c.bidBond,
            bidDeadline,
            revealDeadline,
            deliveryDeadline,
            claimAt
        );
        _TOKEN.safeTransferFrom(msg.sender, address(this), escrow);
    }

    /// @inheritdoc IRequestAuction
    function cancel(uint256 requestId) external nonReentrant {
        Request storage r = _open(requestId);
        if (r.consumer != msg.sender) revert NotConsumer(requestId, msg.sender);
        if (r.commits != 0) revert HasBids(requestId, r.commits);
        r.status = Status.Cancelled;
        uint256 refund = _escrowOf(r);
        _totals.escrow -= uint128(refund);
        emit RequestCancelled(requestId, msg.sender, refund);
        _TOKEN.safeTransfer(msg.sender, refund);
    }

    // ------------------------------------------------------------------ bidders

    /// @inheritdoc IRequestAuction
    function depositBond(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        uint256 entry = _freeBonds[msg.sender];
        _freeBonds[msg.sender] = (entry == 0 ? 1 : entry) + amount;
        _totals.bonds += SafeCast.toUint128(amount);
        emit BondDeposited(msg.sender, amount);
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IRequestAuction
    function withdrawBond(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        uint256 entry = _freeBonds[msg.sender];
        uint256 free = _free(entry);
        if (amount > free) revert InsufficientBond(free, amount);
        _freeBonds[msg.sender] = entry - amount;
        // amount <= free <= bonds held.
        _totals.bonds -= uint128(amount);
        emit BondWithdrawn(msg.sender, amount);
        _TOKEN.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc IRequestAuction
    function commit(uint256 requestId, bytes32 commitment) external nonReentrant {
        Request storage r = _open(requestId);
        if (block.timestamp >= r.bidDeadline) revert OutsidePhase(requestId);
        if (msg.sender == r.consumer) revert SelfBid(requestId);
        if (commitment == bytes32(0)) revert InvalidCommitment();
        mapping(address => bytes32) storage bids = _bids[requestId];
        if (bids[msg.sender] != bytes32(0)) revert AlreadyCommitted(requestId, msg.sender);
        if (!_STAKING.isActive(msg.sender)) revert NotActiveProvider(msg.sender);
        uint256 bond = r.bond;
        uint256 entry = _freeBonds[msg.sender];
        uint256 free = _free(entry);
        if (free < bond) revert InsufficientBond(free, bond);
        // free >= bond > 0, so the entry stays at least one.
        _freeBonds[msg.sender] = entry - bond;
        ++r.commits;
        bids[msg.sender] = commitment;
        emit BidCommitted(requestId, msg.sender, commitment);
    }

    /// @inheritdoc IRequestAuction
    function reveal(uint256 requestId, uint256 price, bytes32 salt) external nonReentrant {
        Request storage r = _open(requestId);
        if (block.timestamp < r.bidDeadline || block.timestamp >= r.revealDeadline) revert OutsidePhase(requestId);
        mapping(address => bytes32) storage bids = _bids[requestId];
        bytes32 commitment = bids[msg.sender];
        if (commitment == bytes32(0)) revert NoCommitment(requestId, msg.sender);
        if (hashBid(price, salt, msg.sender, requestId) != commitment) revert BadReveal(requestId, msg.sender);
        delete bids[msg.sender];
        // A zero price, or a bidder no longer an active provider, voids the bid and keeps its bond for the forfeit at
        // close (it is not counted as revealed): leaving the active set for the reveal (unbonding one wei below the
        // minimum, rebonding after) must not withdraw a bid for free, and a zero price would win every request and
        // cost nothing.
        if (price == 0 || !_STAKING.isActive(msg.sender)) {
            emit BidRevealed(requestId, msg.sender, price, false, address(0));
            return;
        }
        ++r.reveals;

        // Strictly below the best so far: on equal prices the earliest reveal stays the best.
        address previous = r.best;
        bool best = price <= r.maxPrice && (previous == address(0) || price < r.bestPrice);
        address freed = msg.sender;
        if (best) {
            freed = previous;
            r.best = msg.sender;
            // price <= maxPrice (a uint96).
            r.bestPrice = uint96(price);
        }
        emit BidRevealed(requestId, msg.sender, price, best, freed);
        // The freed bidder committed, so its entry is already non-zero (see `_freeBonds`).
        if (freed != address(0)) _freeBonds[freed] += r.bond;
    }

    // ------------------------------------------------------------------ after the auction

    /// @inheritdoc IRequestAuction
    function close(uint256 requestId) external nonReentrant {
        Request storage r = _open(requestId);
        if (block.timestamp < r.revealDeadline) revert TooEarly(requestId, r.revealDeadline);
        _close(requestId, r);
    }

    /// @inheritdoc IRequestAuction
    function deliver(uint256 requestId, bytes32 resultHash) external nonReentrant {
        Request storage r = _closed(requestId);
        if (r.status != Status.Awarded) revert WrongStatus(requestId, r.status);
        if (msg.sender != r.best) revert NotWinner(requestId, msg.sender);
        if (block.timestamp >= r.deliveryDeadline) revert TooLate(requestId, r.deliveryDeadline);
        // A winner banned or gone since the award cannot deliver: the request ends undelivered (consumer refunded,
        // the bond to the consumer).
        if (!_STAKING.isActive(msg.sender)) revert NotActiveProvider(msg.sender);
        r.status = Status.Delivered;
        emit Delivered(requestId, msg.sender, resultHash);
    }

    /// @inheritdoc IRequestAuction
    function confirm(uint256 requestId) external nonReentrant {
        Request storage r = _closed(requestId);
        Status status = r.status;
        if (status != Status.Awarded && status != Status.Delivered) revert WrongStatus(requestId, status);
        if (msg.sender != r.consumer) revert NotConsumer(requestId, msg.sender);
        _settle(requestId, r, false);
    }

    /// @inheritdoc IRequestAuction
    function claim(uint256 requestId) external nonReentrant {
        Request storage r = _known(requestId);
        if (r.status != Status.Delivered) revert WrongStatus(requestId, r.status);
        if (block.timestamp < r.claimAt) revert TooEarly(requestId, r.claimAt);
        _settle(requestId, r, false);
    }

    /// @inheritdoc IRequestAuction
    function dispute(uint256 requestId) external nonReentrant {
        Request storage r = _known(requestId);
        if (r.status != Status.Delivered) revert WrongStatus(requestId, r.status);
        if (msg.sender != r.consumer) revert NotConsumer(requestId, msg.sender);
        if (block.timestamp >= r.claimAt) revert TooLate(requestId, r.claimAt);
        _settle(requestId, r, true);
    }

    /// @inheritdoc IRequestAuction
    function refundUndelivered(uint256 requestId) external nonReentrant {
        Request storage r = _closed(requestId);
        if (r.status != Status.Awarded) revert WrongStatus(requestId, r.status);
        if (block.timestamp < r.deliveryDeadline) revert TooEarly(requestId, r.deliveryDeadline);
        r.status = Status.Failed;
        uint256 refund = _escrowOf(r);
        uint256 bond = r.bond;
        Totals memory t = _totals;
        // The escrow is part of the open escrow; the winner's locked bond is part of the bonds held.
        _totals = Totals({escrow: t.escrow - uint128(refund), bonds: t.bonds - uint128(bond)});
        address consumer = r.consumer;
        emit DeliveryFailed(requestId, r.best, consumer, refund, bond);
        _TOKEN.safeTransfer(consumer, refund + bond);
    }

    // ------------------------------------------------------------------ governance

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        Config memory c = _config;
        if (key == MarketKeys.AUCTION_BID_BOND) return c.bidBond;
        if (key == MarketKeys.AUCTION_MIN_ESCROW) return c.minEscrow;
        if (key == MarketKeys.AUCTION_MIN_REVEAL_WINDOW) return c.minRevealWindow;
        if (key == MarketKeys.AUCTION_MAX_DURATION) return c.maxDuration;
        if (key == MarketKeys.AUCTION_DELIVERY_WINDOW) return c.deliveryWindow;
        if (key == MarketKeys.AUCTION_DISPUTE_WINDOW) return c.disputeWindow;
        revert UnknownParameter(key);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IRequestAuction
    function request(uint256 requestId) external view returns (Request memory) {
        return _requests[requestId];
    }

    /// @inheritdoc IRequestAuction
    function commitmentOf(uint256 requestId, address bidder) external view returns (bytes32) {
        return _bids[requestId][bidder];
    }

    /// @inheritdoc IRequestAuction
    function hashBid(uint256 price, bytes32 salt, address bidder, uint256 requestId) public pure returns (bytes32) {
        return keccak256(abi.encode(price, salt, bidder, requestId));
    }

    /// @inheritdoc IRequestAuction
    function freeBondOf(address account) external view returns (uint256) {
        return _free(_freeBonds[account]);
    }

    /// @inheritdoc IRequestAuction
    function totals() external view returns (uint256 escrow, uint256 bonds) {
        Totals memory t = _totals;
        return (t.escrow, t.bonds);
    }

    /// @inheritdoc IRequestAuction
    function requestCount() external view returns (uint256) {
        return _requestCount;
    }

    /// @inheritdoc IRequestAuction
    function token() external view returns (address) {
        return address(_TOKEN);
    }

    /// @inheritdoc IRequestAuction
    function feeRouter() external view returns (address) {
        return address(_ROUTER);
    }

    /// @inheritdoc IRequestAuction
    function catalog() external view returns (address) {
        return address(_CATALOG);
    }

    /// @inheritdoc IRequestAuction
    function staking() external view returns (address) {
        return address(_STAKING);
    }

    // ------------------------------------------------------------------ internals

    /// @dev Stores a governed number after checking it fits the module's rules.
    function _setParameter(bytes32 key, uint256 value) internal override {
        Config storage c = _config;
        if (key == MarketKeys.AUCTION_BID_BOND) {
            if (value == 0) revert InvalidParameterValue(key, value);
            c.bidBond = uint96(_atMost(key, value, type(uint96).max));
        } else if (key == MarketKeys.AUCTION_MIN_ESCROW) {
            if (value == 0) revert InvalidParameterValue(key, value);
            c.minEscrow = uint96(_atMost(key, value, type(uint96).max));
        } else if (key == MarketKeys.AUCTION_MIN_REVEAL_WINDOW) {
            // Some request must stay postable: the reveal window fits in the longest duration.
            if (value == 0 || value >= c.maxDuration) revert InvalidParameterValue(key, value);
            c.minRevealWindow = uint32(value);
        } else if (key == MarketKeys.AUCTION_MAX_DURATION) {
            if (value <= c.minRevealWindow) revert InvalidParameterValue(key, value);
            c.maxDuration = uint32(_atMost(key, value, type(uint32).max));
        } else if (key == MarketKeys.AUCTION_DELIVERY_WINDOW) {
            if (value == 0) revert InvalidParameterValue(key, value);
            c.deliveryWindow = uint32(_atMost(key, value, type(uint32).max));
        } else if (key == MarketKeys.AUCTION_DISPUTE_WINDOW) {
            if (value == 0) revert InvalidParameterValue(key, value);
            c.disputeWindow = uint32(_atMost(key, value, type(uint32).max));
        } else {
            revert UnknownParameter(key);
        }
    }

    /// @dev A known request; reverts `UnknownRequest` otherwise.
    function _known(uint256 requestId) private view returns (Request storage r) {
        r = _requests[requestId];
        if (r.status == Status.None) revert UnknownRequest(requestId);
    }

    /// @dev An open request (bidding, revealing or waiting to be closed).
    function _open(uint256 requestId) private view returns (Request storage r) {
        r = _known(requestId);
        if (r.status != Status.Open) revert WrongStatus(requestId, r.status);
    }

    /// @dev A request whose auction is closed: closes it first when it is open and past its reveal deadline.
    function _closed(uint256 requestId) private returns (Request storage r) {
        r = _known(requestId);
        if (r.status == Status.Open) {
            if (block.timestamp < r.revealDeadline) revert TooEarly(requestId, r.revealDeadline);
            _close(requestId, r);
        }
    }

    /// @dev Ends the auction: unrevealed bonds to the fee split; the escrow back to the consumer without a winner.
    function _close(uint256 requestId, Request storage r) private {
        // Each commitment locked `bond`; the revealed ones were freed (or are the winner's, still locked).
        uint256 forfeited = uint256(r.commits - r.reveals) * r.bond;
        address winner = r.best;
        uint256 refund;
        if (winner == address(0)) {
            refund = _escrowOf(r);
            r.status = Status.Unfilled;
        } else {
            r.status = Status.Awarded;
        }
        Totals memory t = _totals;
        _totals = Totals({escrow: t.escrow - uint128(refund), bonds: t.bonds - uint128(forfeited)});
        address consumer = r.consumer;
        emit AuctionClosed(requestId, winner, consumer, r.bestPrice, forfeited, refund);
        if (refund != 0) _TOKEN.safeTransfer(consumer, refund);
        _route(forfeited, false);
    }

    /// @dev Ends an awarded request with its payment `tokens x best price`: to the winner less the protocol's part
    /// (rounded up), or, on a dispute, all of it through the fee split. The rest of the escrow returns to the
    /// consumer and the winner's bond to its free deposit.
    function _settle(uint256 requestId, Request storage r, bool disputed) private {
        uint256 escrow = _escrowOf(r);
        uint256 payment = uint256(r.tokens) * r.bestPrice;
        uint256 toProtocol = disputed ? payment : (payment * _ROUTER.protocolBps() + BPS - 1) / BPS;
        uint256 toProvider = payment - toProtocol;
        // bestPrice <= maxPrice, so payment <= escrow.
        uint256 refund = escrow - payment;
        address provider = r.best;
        address consumer = r.consumer;
        r.status = disputed ? Status.Disputed : Status.Settled;
        _totals.escrow -= uint128(escrow);
        if (disputed) {
            // A disputed delivery costs the winner its bond, to the fee split with the payment (not to the consumer,
            // who gains nothing by disputing): a junk delivery at a one-wei price is no longer free.
            uint256 bond = r.bond;
            _totals.bonds -= uint128(bond);
            toProtocol += bond;
        } else {
            _freeBonds[provider] += r.bond;
        }
        if (disputed) emit Disputed(requestId, provider, consumer, toProtocol, refund);
        else emit Settled(requestId, provider, consumer, toProvider, toProtocol, refund);
        if (toProvider != 0) _TOKEN.safeTransfer(provider, toProvider);
        if (refund != 0) _TOKEN.safeTransfer(consumer, refund);
        // A settlement's part is the protocol's share of a fee whose provider share the winner got; a dispute routes
        // the whole payment as one fee.
        _route(toProtocol, !disputed);
    }

    /// @dev Sends `amount` through the fee router, the burn part burnt: split over the protocol's shares only when it
    /// is the protocol's part of a paid fee (`routeProtocolShare`), by the whole table otherwise (`routeFee`: a
    /// forfeited bond or a disputed payment, the provider's share to the treasury).
    function _route(uint256 amount, bool protocolPart) private {
        if (amount == 0) return;
        _TOKEN.forceApprove(address(_ROUTER), amount);
        if (protocolPart) _ROUTER.routeProtocolShare(amount);
        else _ROUTER.routeFee(amount);
    }

    /// @dev The free bond an entry of `_freeBonds` records.
    function _free(uint256 entry) private pure returns (uint256) {
        return entry == 0 ? 0 : entry - 1;
    }

    /// @dev The escrow of a request: `tokens x maxPrice`.
    function _escrowOf(Request storage r) private view returns (uint256) {
        return uint256(r.tokens) * r.maxPrice;
    }
}
