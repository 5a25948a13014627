// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IRequestAuction} from "../../contracts/interfaces/IRequestAuction.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {Wiring} from "../utils/Wiring.sol";
import {RequestAuction} from "../../contracts/market/RequestAuction.sol";
import {QuiverNumbers} from "../utils/QuiverNumbers.sol";
import {MarketBase} from "./MarketBase.sol";

/// @notice The request auction deployed over the market base, with its helpers (shared by the auction test files),
/// on the QUIVer numbers: bond 10 QUIV, minimum escrow 10 QUIV, reveal window at
/// least 1 hour, at most 7 days from posting to the reveal deadline, 1 day to deliver, 1 more day to dispute; the
/// fee table provider 80%, validators 0.5%, burn 1%, infrastructure 13.5%, treasury 5% (the router sends the
/// provider's share of a routed amount to the treasury). Bidders are the real staking module's active providers.
abstract contract RequestAuctionBase is MarketBase {
    uint256 internal constant BOND = QuiverNumbers.BID_BOND;
    uint256 internal constant TOKENS = 1_000_000;
    uint256 internal constant MAX_PRICE = 0.002 ether; // escrow 1,000,000 x 0.002 = 2,000 QUIV
    uint256 internal constant ESCROW = 2_000 ether;

    RequestAuction internal auction;
    address internal slasher;
    uint256 internal bidDeadline;
    uint256 internal revealDeadline;

    function setUp() public override {
        super.setUp();
        auction = new RequestAuction(
            IERC20(address(token)),
            router,
            catalog,
            staking,
            address(manager),
            _auctionParameters()
        );
        slasher = makeAddr("slasher");
        vm.startPrank(admin);
        // Function roles as the presets deploy them (test/utils/Wiring.sol, generated from the deployed presets).
        Wiring.requestAuction(manager, address(auction));
        Wiring.providerStaking(manager, address(staking));
        manager.grantRole(Roles.SLASHER, slasher, 0);
        vm.stopPrank();
        address[4] memory providers = [bronze, silver, gold, platinum];
        for (uint256 i; i < providers.length; ++i) _depositBond(providers[i], 100 ether);
        for (uint256 i; i < 2; ++i) {
            address consumer = i == 0 ? alice : bob;
            _mint(consumer, 10_000 ether);
            vm.prank(consumer);
            token.approve(address(auction), type(uint256).max);
        }
        bidDeadline = block.timestamp + 1 hours;
        revealDeadline = bidDeadline + 2 hours;
    }

    function _auctionParameters() internal pure returns (IRequestAuction.Parameters memory) {
        return QuiverNumbers.auctionParameters();
    }

    // ------------------------------------------------------------------ helpers

    function _depositBond(address account, uint256 amount) internal {
        _mint(account, amount);
        vm.startPrank(account);
        token.approve(address(auction), amount);
        auction.depositBond(amount);
        vm.stopPrank();
    }

    function _post() internal returns (uint256) {
        vm.prank(alice);
        return auction.post(SMALL, TOKENS, MAX_PRICE, bidDeadline, revealDeadline);
    }

    function _salt(address bidder) internal pure returns (bytes32) {
        return keccak256(abi.encode("salt", bidder));
    }

    function _commit(uint256 id, address bidder, uint256 price) internal {
        vm.prank(bidder);
        auction.commit(id, keccak256(abi.encode(price, _salt(bidder), bidder, id)));
    }

    function _reveal(uint256 id, address bidder, uint256 price) internal {
        vm.prank(bidder);
        auction.reveal(id, price, _salt(bidder));
    }

    function _toReveal() internal {
        vm.warp(bidDeadline);
    }

    function _toClose() internal {
        vm.warp(revealDeadline);
    }

    /// @dev Everything a reverted call must leave alone.
    function _state(uint256 id) internal view returns (bytes32) {
        (uint256 escrow, uint256 bonds) = auction.totals();
        return
            keccak256(
                abi.encode(
                    auction.request(id),
                    escrow,
                    bonds,
                    token.balanceOf(address(auction)),
                    auction.freeBondOf(bronze),
                    auction.freeBondOf(silver),
                    auction.freeBondOf(gold),
                    auction.freeBondOf(platinum),
                    auction.commitmentOf(id, gold),
                    auction.requestCount()
                )
            );
    }

    /// @dev The auction's balance is its open escrow plus the bonds it holds.
    function _assertBalanced() internal view {
        (uint256 escrow, uint256 bonds) = auction.totals();
        assertEq(token.balanceOf(address(auction)), escrow + bonds, "balance = escrow + bonds");
    }

    /// @dev Three sealed bids: silver 0.0015, gold 0.0012, bronze 0.0018 QUIV a token; all revealed, gold wins.
    function _auctionWonByGold() internal returns (uint256 id) {
        id = _post();
        _commit(id, silver, 0.0015 ether);
        _commit(id, gold, 0.0012 ether);
        _commit(id, bronze, 0.0018 ether);
        _toReveal();
        _reveal(id, silver, 0.0015 ether);
        _reveal(id, gold, 0.0012 ether);
        _reveal(id, bronze, 0.0018 ether);
    }
}
