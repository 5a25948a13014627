// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {ILicenceMarket} from "../../../contracts/interfaces/ILicenceMarket.sol";

/// @notice One buyer of the gas benchmark: in its constructor it takes the price from the crowd that deploys it and
/// buys one licence of a listing. It keeps no code.
/// @dev Test-only: never deploy outside a devnet.
contract BenchLicenceBuyer {
    constructor(ILicenceMarket licences, IERC20 token, uint256 listingId, uint256 price) {
        BenchLicenceCrowd(msg.sender).fund(price);
        token.approve(address(licences), price);
        licences.buy(listingId, price);
    }
}

/// @notice Test-only crowd for the gas benchmark: creates many licence holders per transaction, each from its own
/// address, so a benchmark can measure a purchase with 10 or 10,000 other holders of the same listing.
/// @dev Holds the tokens it hands out; `fund` pays any caller (test-only, never deployed outside a devnet).
contract BenchLicenceCrowd {
    ILicenceMarket public immutable licences;
    IERC20 public immutable token;

    constructor(ILicenceMarket licences_, IERC20 token_) {
        licences = licences_;
        token = token_;
    }

    /// @notice Pays `amount` to the buyer being constructed.
    function fund(uint256 amount) external {
        require(token.transfer(msg.sender, amount), "transfer");
    }

    /// @notice Creates `count` buyers, each buying one licence of `listingId` at `price`.
    function create(uint256 count, uint256 listingId, uint256 price) external {
        for (uint256 i; i < count; ++i) {
            new BenchLicenceBuyer(licences, token, listingId, price);
        }
    }
}
