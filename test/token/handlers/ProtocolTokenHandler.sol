// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ProtocolToken} from "../../../contracts/token/ProtocolToken.sol";
import {IProtocolToken} from "../../../contracts/interfaces/IProtocolToken.sol";
import {Test} from "../../utils/Test.sol";

/// @notice Drives the token through random mints, transfers, burns and delegations by a fixed set of
/// actors, and keeps ghost totals of what was minted and burned. It holds the minter role.
contract ProtocolTokenHandler is Test {
    ProtocolToken public immutable token;

    address[] public actors;

    uint256 public ghostMinted;
    uint256 public ghostBurned;
    uint256 public ghostCapRejections;

    constructor(ProtocolToken token_, address[] memory actors_) {
        token = token_;
        actors = actors_;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function _actor(uint256 seed) private view returns (address) {
        return actors[seed % actors.length];
    }

    /// @dev Amounts range over the whole cap so the cap edge is hit, not only small values.
    function mint(uint256 toSeed, uint256 amount) external {
        amount = bound(amount, 1, token.cap());
        address to = _actor(toSeed);
        uint256 mintedBefore = token.totalMinted();
        try token.mint(to, amount) {
            ghostMinted += amount;
        } catch (bytes memory reason) {
            bytes memory expected = abi.encodeWithSelector(
                IProtocolToken.CapExceeded.selector,
                mintedBefore + amount,
                token.cap()
            );
            assertEq(keccak256(reason), keccak256(expected), "mint: unexpected error");
            assertGt(mintedBefore + amount, token.cap(), "mint refused below the cap");
            ghostCapRejections++;
        }
    }

    function transfer(uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        address from = _actor(fromSeed);
        amount = bound(amount, 0, token.balanceOf(from));
        vm.prank(from);
        assertTrue(token.transfer(_actor(toSeed), amount), "transfer returned false");
    }

    function burn(uint256 fromSeed, uint256 amount) external {
        address from = _actor(fromSeed);
        amount = bound(amount, 0, token.balanceOf(from));
        vm.prank(from);
        token.burn(amount);
        ghostBurned += amount;
    }

    function burnFrom(uint256 ownerSeed, uint256 spenderSeed, uint256 amount) external {
        address owner = _actor(ownerSeed);
        address spender = _actor(spenderSeed);
        amount = bound(amount, 0, token.balanceOf(owner));
        vm.prank(owner);
        token.approve(spender, amount);
        vm.prank(spender);
        token.burnFrom(owner, amount);
        ghostBurned += amount;
    }

    function delegate(uint256 fromSeed, uint256 toSeed) external {
        vm.prank(_actor(fromSeed));
        token.delegate(_actor(toSeed));
    }

    function warp(uint256 secondsAhead) external {
        vm.warp(block.timestamp + bound(secondsAhead, 1, 30 days));
    }
}
