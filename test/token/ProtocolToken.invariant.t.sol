// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Roles} from "../../contracts/common/Roles.sol";
import {ProtocolTokenBase} from "./ProtocolTokenBase.sol";
import {ProtocolTokenHandler} from "./handlers/ProtocolTokenHandler.sol";

contract ProtocolTokenInvariantTest is ProtocolTokenBase {
    ProtocolTokenHandler internal handler;

    function setUp() public override {
        super.setUp();
        address[] memory actors = new address[](5);
        actors[0] = alice;
        actors[1] = bob;
        actors[2] = makeAddr("carol");
        actors[3] = makeAddr("dave");
        actors[4] = makeAddr("erin");
        handler = new ProtocolTokenHandler(token, actors);
        vm.prank(admin);
        manager.grantRole(Roles.MINTER, address(handler), 0);
        targetContract(address(handler));
    }

    /// @dev Only handler actors ever hold tokens, so summing them covers every holder.
    function invariant_sumOfBalancesEqualsSupply() public view {
        uint256 sum;
        for (uint256 i; i < handler.actorCount(); ++i) {
            sum += token.balanceOf(handler.actors(i));
        }
        assertEq(sum, token.totalSupply(), "sum of balances != totalSupply");
    }

    function invariant_mintedNeverAboveCap() public view {
        assertLe(token.totalSupply(), token.cap(), "supply above cap");
        assertLe(token.totalMinted(), token.cap(), "minted above cap");
    }

    function invariant_supplyPlusBurnedEqualsMinted() public view {
        assertEq(token.totalMinted(), handler.ghostMinted(), "minted != ghost minted");
        assertEq(token.totalBurned(), handler.ghostBurned(), "burned != ghost burned");
        assertEq(token.totalSupply() + handler.ghostBurned(), handler.ghostMinted(), "supply + burned != minted");
    }

    /// @dev Every delegatee is an actor, so the votes of all actors are exactly the balances of the
    /// actors who have delegated.
    function invariant_votesEqualDelegatedBalances() public view {
        uint256 votes;
        uint256 delegated;
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actors(i);
            votes += token.getVotes(a);
            if (token.delegates(a) != address(0)) delegated += token.balanceOf(a);
        }
        assertEq(votes, delegated, "votes != delegated balances");
    }
}
