// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IRequestAuction
/// @notice Price discovery for one inference request ("providers bid on inference requests"): a consumer posts a
/// request (catalogue model, number of tokens, maximum price per token, bidding and reveal deadlines) and escrows
/// `tokens x maxPrice`; active providers bid with sealed bids (commit, then reveal), each locking a bid bond; the
/// lowest revealed price at or below the maximum wins (ties: the earliest reveal); the winner delivers, and the
/// payment `tokens x winning price` goes through the market's fee split, the rest of the escrow back to the consumer.
/// @dev Why sealed bids: in an open descending auction the last bidder sees every price and undercuts it by one wei
/// at the deadline (sniping), and every bid tells competitors a provider's cost. A commitment
/// `keccak256(abi.encode(price, salt, bidder, requestId))` hides the price until the bidding deadline; bidders reveal
/// between the bidding and the reveal deadlines, and the best bid is kept incrementally at each reveal (no loop).
/// Bonds: a bidder deposits bond tokens once (`depositBond`) and each commitment locks the request's bond (the
/// governed amount when the request was posted) from that deposit. A reveal frees the revealer's bond, or, when it
/// becomes the best bid, the bond of the bid it displaces; the winner's bond stays locked until the request ends.
/// Bonds of bids never revealed are forfeited to the protocol's fee split when the auction closes (nobody in the
/// auction profits from another bidder's silence). After the reveal deadline anyone closes the auction (the
/// delivery functions close it on their own): no qualifying bid refunds the escrow; otherwise the winner delivers
/// (`deliver`) before the delivery deadline, the consumer confirms (`confirm`) or, with no dispute by the claim
/// time, the winner is paid (`claim`). A winner that has not delivered by the delivery deadline loses its bond to
/// the consumer, who is refunded in full (`refundUndelivered`). A dispute (`dispute`) routes the whole payment
/// through the fee split and refunds the rest of the escrow and the winner's bond: the protocol arbitrates nothing,
/// so a dispute gains the consumer nothing (it pays what it would have paid) and a winner that delivered junk is
/// not paid. Invariant: the contract's token balance is the open escrow plus the bonds held (`totals`).
/// Every action is O(1).
interface IRequestAuction {
    /// @notice Where a request stands.
    enum Status {
        None,
        Open,
        Cancelled,
        Unfilled,
        Awarded,
        Delivered,
        Settled,
        Disputed,
        Failed
    }

    /// @notice Initial values of the governed parameters (keys in `MarketKeys`).
    /// @param bidBond Bond each bid locks, token wei (not zero).
    /// @param minEscrow Smallest escrow a request may hold, token wei (not zero): dust requests cost capital.
    /// @param minRevealWindow Shortest time between a request's bidding and reveal deadlines, seconds (not zero).
    /// @param maxDuration Longest time from posting to the reveal deadline, seconds.
    /// @param deliveryWindow Time after the reveal deadline the winner has to deliver, seconds (not zero).
    /// @param disputeWindow Time after the delivery deadline the consumer still has to dispute, seconds (not zero).
    struct Parameters {
        uint256 bidBond;
        uint256 minEscrow;
        uint256 minRevealWindow;
        uint256 maxDuration;
        uint256 deliveryWindow;
        uint256 disputeWindow;
    }

    /// @notice A request (four slots plus the model; a commit reads the first and the last of the four, a reveal
    /// the first, the third and the last).
    /// @param consumer Who posted it and is refunded.
    /// @param bidDeadline Commitments are accepted before it.
    /// @param revealDeadline Reveals are accepted from the bidding deadline until before it.
    /// @param status Where it stands.
    /// @param tokens Tokens requested.
    /// @param deliveryDeadline The winner delivers before it (the reveal deadline plus the delivery window).
    /// @param claimAt From then the winner claims payment if it delivered and the consumer did not dispute.
    /// @param best The best revealed bidder so far (the winner once closed; zero: none).
    /// @param bestPrice Its price per token, token wei.
    /// @param bond Bond each bid of this request locks, token wei (the governed bond when posted).
    /// @param maxPrice Most the consumer pays per token, token wei.
    /// @param commits Commitments made.
    /// @param reveals Commitments revealed.
    /// @param modelId The catalogue model requested.
    struct Request {
        address consumer;
        uint40 bidDeadline;
        uint40 revealDeadline;
        Status status;
        uint64 tokens;
        uint40 deliveryDeadline;
        uint40 claimAt;
        address best;
        uint96 bestPrice;
        uint96 bond;
        uint96 maxPrice;
        uint32 commits;
        uint32 reveals;
        bytes32 modelId;
    }

    /// @notice A consumer posted a request and escrowed `tokens x maxPrice`.
    /// @param requestId The request.
    /// @param consumer Its consumer.
    /// @param modelId The model.
    /// @param tokens Tokens requested.
    /// @param maxPrice Most paid per token, token wei.
    /// @param escrow Token wei escrowed.
    /// @param bond Bond each bid locks, token wei.
    /// @param bidDeadline End of bidding.
    /// @param revealDeadline End of reveals.
    /// @param deliveryDeadline The winner delivers before it.
    /// @param claimAt From then an undisputed delivery is paid.
    event RequestPosted(
        uint256 indexed requestId,
        address indexed consumer,
        bytes32 indexed modelId,
        uint256 tokens,
        uint256 maxPrice,
        uint256 escrow,
        uint256 bond,
        uint256 bidDeadline,
        uint256 revealDeadline,
        uint256 deliveryDeadline,
        uint256 claimAt
    );
    /// @notice The consumer cancelled a request nobody bid on; its escrow was refunded.
    /// @param requestId The request.
    /// @param consumer Its consumer.
    /// @param refund Token wei refunded.
    event RequestCancelled(uint256 indexed requestId, address indexed consumer, uint256 refund);
    /// @notice An account deposited bond tokens.
    /// @param account The bidder.
    /// @param amount Token wei.
    event BondDeposited(address indexed account, uint256 amount);
    /// @notice An account withdrew free bond tokens.
    /// @param account The bidder.
    /// @param amount Token wei.
    event BondWithdrawn(address indexed account, uint256 amount);
    /// @notice A provider committed a sealed bid, locking the request's bond.
    /// @param requestId The request.
    /// @param bidder The provider.
    /// @param commitment Its commitment.
    event BidCommitted(uint256 indexed requestId, address indexed bidder, bytes32 commitment);
    /// @notice A bid was revealed, and one bond of the request returned to its bidder's free deposit: the
    /// revealer's (not the best bid), or the displaced best bidder's (the revealer became the best), or none (the
    /// first best bid).
    /// @param requestId The request.
    /// @param bidder The provider.
    /// @param price Its price per token, token wei.
    /// @param best Whether it became the best bid.
    /// @param released Whose bond (the request's `bond`) was freed (zero: nobody's).
    event BidRevealed(uint256 indexed requestId, address indexed bidder, uint256 price, bool best, address released);
    /// @notice The auction closed: the winner (zero: none, the escrow refunded) and the unrevealed bonds forfeited.
    /// @param requestId The request.
    /// @param winner The winner (zero: none).
    /// @param consumer Its consumer.
    /// @param price Its price per token, token wei (zero: none).
    /// @param forfeited Bonds of unrevealed bids routed through the fee split, token wei.
    /// @param refund Escrow refunded to the consumer (no winner), token wei.
    event AuctionClosed(
        uint256 indexed requestId,
        address indexed winner,
        address indexed consumer,
        uint256 price,
        uint256 forfeited,
        uint256 refund
    );
    /// @notice The winner declared its delivery.
    /// @param requestId The request.
    /// @param provider The winner.
    /// @param resultHash Hash of what it delivered (off-chain).
    event Delivered(uint256 indexed requestId, address indexed provider, bytes32 resultHash);
    /// @notice The winner was paid (consumer's confirmation or an undisputed claim).
    /// @param requestId The request.
    /// @param provider The winner.
    /// @param consumer Its consumer.
    /// @param toProvider The provider's share of the payment, token wei.
    /// @param toProtocol The part routed through the fee split, token wei.
    /// @param refund Escrow above the payment refunded to the consumer, token wei.
    event Settled(
        uint256 indexed requestId,
        address indexed provider,
        address indexed consumer,
        uint256 toProvider,
        uint256 toProtocol,
        uint256 refund
    );
    /// @notice The consumer disputed a delivery: the payment and the winner's bond went through the fee split, the
    /// provider was not paid.
    /// @param requestId The request.
    /// @param provider The winner.
    /// @param consumer Its consumer.
    /// @param toProtocol The payment and the bond routed through the fee split, token wei.
    /// @param refund Escrow above the payment refunded to the consumer, token wei.
    event Disputed(
        uint256 indexed requestId,
        address indexed provider,
        address indexed consumer,
        uint256 toProtocol,
        uint256 refund
    );
    /// @notice The winner did not deliver in time: the consumer got its escrow back and the winner's bond.
    /// @param requestId The request.
    /// @param provider The winner.
    /// @param consumer Its consumer.
    /// @param refund Escrow refunded, token wei.
    /// @param bond The winner's bond paid to the consumer, token wei.
    event DeliveryFailed(
        uint256 indexed requestId,
        address indexed provider,
        address indexed consumer,
        uint256 refund,
        uint256 bond
    );

    /// @notice A zero address where one is required.
    error ZeroAddress();
    /// @notice A zero amount.
    error ZeroAmount();
    /// @notice The preset's initial values break a rule of the auction.
    error InvalidConfiguration();
    /// @notice The model is not listed in the catalogue.
    /// @param modelId The model.
    error UnknownModel(bytes32 modelId);
    /// @notice Zero tokens, a zero maximum price, or an escrow below the governed minimum.
    /// @param escrow The escrow the request would hold, token wei.
    /// @param minEscrow The governed minimum, token wei.
    error EscrowTooSmall(uint256 escrow, uint256 minEscrow);
    /// @notice The deadlines are out of order, in the past, too close or too far.
    /// @param bidDeadline End of bidding asked.
    /// @param revealDeadline End of reveals asked.
    error InvalidDeadlines(uint256 bidDeadline, uint256 revealDeadline);
    /// @notice No such request.
    /// @param requestId The id.
    error UnknownRequest(uint256 requestId);
    /// @notice The request is not in the status the action needs.
    /// @param requestId The request.
    /// @param status Its status.
    error WrongStatus(uint256 requestId, Status status);
    /// @notice Only the request's consumer may do this.
    /// @param requestId The request.
    /// @param caller The caller.
    error NotConsumer(uint256 requestId, address caller);
    /// @notice Only the request's winner may do this.
    /// @param requestId The request.
    /// @param caller The caller.
    error NotWinner(uint256 requestId, address caller);
    /// @notice The consumer cannot cancel a request that has bids.
    /// @param requestId The request.
    /// @param commits Its commitments.
    error HasBids(uint256 requestId, uint256 commits);
    /// @notice Bidding is closed (or, for a reveal, not yet closed) or the reveal period is over.
    /// @param requestId The request.
    error OutsidePhase(uint256 requestId);
    /// @notice The bidder is not an active provider.
    /// @param bidder The bidder.
    error NotActiveProvider(address bidder);
    /// @notice A consumer cannot bid on its own request.
    /// @param requestId The request.
    error SelfBid(uint256 requestId);
    /// @notice The commitment is zero.
    error InvalidCommitment();
    /// @notice The bidder already committed on this request.
    /// @param requestId The request.
    /// @param bidder The bidder.
    error AlreadyCommitted(uint256 requestId, address bidder);
    /// @notice The bidder's free bond is below the request's bond.
    /// @param free Free bond, token wei.
    /// @param needed The request's bond, token wei.
    error InsufficientBond(uint256 free, uint256 needed);
    /// @notice The bidder has no unrevealed commitment on this request.
    /// @param requestId The request.
    /// @param bidder The bidder.
    error NoCommitment(uint256 requestId, address bidder);
    /// @notice The price and salt do not open the bidder's commitment.
    /// @param requestId The request.
    /// @param bidder The bidder.
    error BadReveal(uint256 requestId, address bidder);
    /// @notice Too early: the deadline the action waits for has not passed.
    /// @param requestId The request.
    /// @param notBefore When it may be done.
    error TooEarly(uint256 requestId, uint256 notBefore);
    /// @notice Too late: the deadline of the action has passed.
    /// @param requestId The request.
    /// @param deadline The deadline.
    error TooLate(uint256 requestId, uint256 deadline);

    /// @notice Posts a request and escrows `tokens x maxPrice` from the caller (approve this contract first).
    /// @param modelId A listed catalogue model.
    /// @param tokens Tokens requested (not zero).
    /// @param maxPrice Most paid per token, token wei (not zero); the escrow must reach the governed minimum.
    /// @param bidDeadline End of bidding: after now, and the reveal deadline at most the governed maximum duration
    /// from now.
    /// @param revealDeadline End of reveals: at least the governed reveal window after the bidding deadline.
    /// @return requestId The new request (ids start at 1).
    function post(
        bytes32 modelId,
        uint256 tokens,
        uint256 maxPrice,
        uint256 bidDeadline,
        uint256 revealDeadline
    ) external returns (uint256 requestId);

    /// @notice Cancels an open request nobody committed on and refunds its escrow (its consumer). Once a bid is
    /// committed the consumer is bound: it cannot walk away after bidders locked their bonds.
    /// @param requestId The request.
    function cancel(uint256 requestId) external;

    /// @notice Deposits bond tokens for the caller's future bids (approve this contract first).
    /// @param amount Token wei (not zero).
    function depositBond(uint256 amount) external;

    /// @notice Withdraws free (unlocked) bond tokens.
    /// @param amount Token wei (not zero, at most the free bond).
    function withdrawBond(uint256 amount) external;

    /// @notice Commits a sealed bid (an active provider other than the consumer, before the bidding deadline, once
    /// per request), locking the request's bond from the caller's free bond.
    /// @param requestId The request.
    /// @param commitment `commitmentOf(price, salt, caller, requestId)` (not zero).
    function commit(uint256 requestId, bytes32 commitment) external;

    /// @notice Reveals the caller's bid (from the bidding deadline until before the reveal deadline). A zero price, or
    /// a caller no longer an active provider, voids the bid: it does not count as revealed and its bond is forfeited
    /// at close. Otherwise the bid is the best when its price is at most the maximum and strictly below the best so
    /// far; the bond freed is the caller's, or the displaced best bidder's when the caller becomes the best.
    /// @param requestId The request.
    /// @param price Price per token, token wei.
    /// @param salt The salt committed.
    function reveal(uint256 requestId, uint256 price, bytes32 salt) external;

    /// @notice Closes the auction after the reveal deadline (anyone): forfeits the unrevealed bonds to the fee
    /// split, and refunds the escrow if no bid qualified. `deliver`, `confirm` and `refundUndelivered` close it
    /// on their own.
    /// @param requestId The request.
    function close(uint256 requestId) external;

    /// @notice Declares delivery (the winner, still an active provider, before the delivery deadline).
    /// @param requestId The request.
    /// @param resultHash Hash of the result delivered off-chain.
    function deliver(uint256 requestId, bytes32 resultHash) external;

    /// @notice Confirms the request (its consumer, once awarded, delivered or not): pays the winner through the
    /// fee split, refunds the rest of the escrow and frees the winner's bond.
    /// @param requestId The request.
    function confirm(uint256 requestId) external;

    /// @notice Pays a delivered, undisputed request once the claim time has passed (anyone; the winner is paid).
    /// @param requestId The request.
    function claim(uint256 requestId) external;

    /// @notice Disputes a delivery (its consumer, before the claim time): the whole payment and the winner's bond go
    /// through the fee split (the winner is not paid), the rest of the escrow returns to the consumer.
    /// @param requestId The request.
    function dispute(uint256 requestId) external;

    /// @notice After the delivery deadline with no delivery (anyone): the consumer gets its whole escrow back and
    /// the winner's bond.
    /// @param requestId The request.
    function refundUndelivered(uint256 requestId) external;

    /// @notice A request.
    /// @param requestId The request.
    /// @return The request (status `None`: unknown).
    function request(uint256 requestId) external view returns (Request memory);

    /// @notice A bidder's unrevealed commitment on a request (zero: none, or revealed).
    /// @param requestId The request.
    /// @param bidder The bidder.
    /// @return The commitment.
    function commitmentOf(uint256 requestId, address bidder) external view returns (bytes32);

    /// @notice The commitment of a bid: `keccak256(abi.encode(price, salt, bidder, requestId))`.
    /// @param price Price per token, token wei.
    /// @param salt A secret.
    /// @param bidder The bidder.
    /// @param requestId The request.
    /// @return The commitment.
    function hashBid(uint256 price, bytes32 salt, address bidder, uint256 requestId) external pure returns (bytes32);

    /// @notice An account's free bond (deposited, not locked by a bid).
    /// @param account The account.
    /// @return Token wei.
    function freeBondOf(address account) external view returns (uint256);

    /// @notice What the contract holds: open escrow and bonds (free and locked); their sum is its token balance.
    /// @return escrow Escrow of requests not yet ended, token wei.
    /// @return bonds Bonds deposited and not withdrawn, forfeited or paid out, token wei.
    function totals() external view returns (uint256 escrow, uint256 bonds);

    /// @notice The number of requests posted.
    /// @return The last request id.
    function requestCount() external view returns (uint256);

    /// @notice The token escrow, bonds and payments are in.
    /// @return Its address.
    function token() external view returns (address);

    /// @notice The fee router the protocol's part goes through.
    /// @return Its address.
    function feeRouter() external view returns (address);

    /// @notice The model catalogue.
    /// @return Its address.
    function catalog() external view returns (address);

    /// @notice Provider staking (bidders must be active providers).
    /// @return Its address.
    function staking() external view returns (address);
}
