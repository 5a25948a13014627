// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IProviderStaking} from "../../../contracts/interfaces/IProviderStaking.sol";
import {IRequestAuction} from "../../../contracts/interfaces/IRequestAuction.sol";

/// @notice One bidder of the gas benchmark: in its constructor it takes its self-stake and one bid bond from the
/// crowd that deploys it, registers as a provider, deposits the bond and commits a sealed bid on a request; `reveal`
/// opens it later.
/// @dev Test-only: never deploy outside a devnet.
contract BenchBidder {
    IRequestAuction internal immutable _AUCTION;
    uint256 internal immutable _REQUEST_ID;
    uint256 internal immutable _PRICE;
    bytes32 internal immutable _SALT;

    constructor(
        IProviderStaking staking,
        IRequestAuction auction,
        IERC20 token,
        uint256 stake,
        uint256 bond,
        uint256 requestId,
        uint256 price,
        bytes32 salt
    ) {
        _AUCTION = auction;
        _REQUEST_ID = requestId;
        _PRICE = price;
        _SALT = salt;
        BenchBidderCrowd(msg.sender).fund(stake + bond);
        token.approve(address(staking), stake);
        staking.registerProvider(stake);
        token.approve(address(auction), bond);
        auction.depositBond(bond);
        auction.commit(requestId, auction.hashBid(price, salt, address(this), requestId));
    }

    /// @notice Reveals the bid committed at construction.
    function reveal() external {
        _AUCTION.reveal(_REQUEST_ID, _PRICE, _SALT);
    }
}

/// @notice Test-only crowd for the gas benchmark: creates many bidders on one request per transaction, each a staked
/// provider from its own address, and reveals their bids in batches, so a benchmark can measure a commit and a reveal
/// with 10 or 10,000 other bidders on the same request.
/// @dev Holds the tokens it hands out; `fund` pays any caller (test-only, never deployed outside a devnet).
contract BenchBidderCrowd {
    IProviderStaking public immutable staking;
    IRequestAuction public immutable auction;
    IERC20 public immutable token;
    BenchBidder[] public bidders;

    constructor(IProviderStaking staking_, IRequestAuction auction_, IERC20 token_) {
        staking = staking_;
        auction = auction_;
        token = token_;
    }

    /// @notice Pays `amount` to the bidder being constructed.
    function fund(uint256 amount) external {
        require(token.transfer(msg.sender, amount), "transfer");
    }

    /// @notice Creates `number` bidders on `requestId`, the n-th of all bidding `topPrice - n` (each below the last).
    function create(uint256 number, uint256 stake, uint256 bond, uint256 requestId, uint256 topPrice) external {
        for (uint256 i; i < number; ++i) {
            uint256 n = bidders.length;
            bidders.push(
                new BenchBidder(staking, auction, token, stake, bond, requestId, topPrice - n, bytes32(n + 1))
            );
        }
    }

    /// @notice Reveals the bids of bidders `from` to `from + number - 1`.
    function reveal(uint256 from, uint256 number) external {
        for (uint256 i = from; i < from + number; ++i) bidders[i].reveal();
    }

    /// @notice The number of bidders created.
    function count() external view returns (uint256) {
        return bidders.length;
    }
}
