// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ISlasher} from "../../contracts/interfaces/ISlasher.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {SlashingBase} from "./SlashingBase.sol";
import {SlasherHandler} from "./handlers/SlasherHandler.sol";

/// @notice Invariants of the slasher over random sequences of slashes (both entry points, every class, fresh and
/// reused evidence) mixed with delegation, unbonding, withdrawals, reputation stake, ban lifts and time, against
/// three providers in different tiers (Silver, Gold, Platinum) and three delegators.
contract SlasherInvariantTest is SlashingBase {
    SlasherHandler internal handler;

    function setUp() public override {
        super.setUp();
        address[] memory providers = new address[](3);
        providers[0] = p1;
        providers[1] = p2;
        providers[2] = makeAddr("provider3");
        address[] memory delegators = new address[](3);
        delegators[0] = d1;
        delegators[1] = d2;
        delegators[2] = d3;
        _register(providers[0], 100_000 ether);
        _register(providers[1], 300_000 ether);
        _register(providers[2], 1_200_000 ether);
        _delegate(d1, p1, 50_000 ether);
        _delegate(d2, p2, 200_000 ether);
        _delegate(d3, providers[2], 10_000 ether);

        handler = new SlasherHandler(
            staking,
            slasherContract,
            token,
            [minter, address(court), emergency, governor],
            providers,
            delegators
        );
        vm.prank(admin);
        manager.grantRole(Roles.MINTER, address(handler), 0);
        targetContract(address(handler));
        // Only the actions (not the handler's getters), with slashes three times as likely as the rest.
        bytes4[] memory actions = new bytes4[](9);
        actions[0] = SlasherHandler.slash.selector;
        actions[1] = SlasherHandler.slash.selector;
        actions[2] = SlasherHandler.slash.selector;
        actions[3] = SlasherHandler.liftBan.selector;
        actions[4] = SlasherHandler.delegate.selector;
        actions[5] = SlasherHandler.unbond.selector;
        actions[6] = SlasherHandler.withdraw.selector;
        actions[7] = SlasherHandler.addReputation.selector;
        actions[8] = SlasherHandler.warp.selector;
        targetSelector(address(handler), actions);
    }

    /// Every slash took from the provider's stake exactly what it burned (checked at each slash), and overall every
    /// token minted is in the supply or was burned by a slash; staking and reputation hold exactly what they owe.
    function invariant_stakeBeforeEqualsStakeAfterPlusBurned() public view {
        assertEq(handler.ghostConservationBreaks(), 0, "a slash moved stake it did not burn");
        assertEq(token.totalSupply() + handler.ghostBurned(), handler.ghostMinted(), "minted == supply + burned");
        assertEq(token.balanceOf(address(staking)), staking.totalOwed(), "staking holds what it owes");
        assertEq(token.balanceOf(address(reputation)), reputation.totalOwed(), "reputation holds what it owes");
        assertEq(token.balanceOf(address(slasherContract)), 0, "the slasher holds nothing");
    }

    /// No evidence id ever slashed twice, and the slasher marks each one it used.
    function invariant_evidenceSlashesAtMostOnce() public view {
        for (uint256 i; i < handler.usedEvidenceCount(); ++i) {
            bytes32 evidenceId = handler.usedEvidence(i);
            assertEq(handler.ghostSlashesWith(evidenceId), 1, "one slash per evidence id");
            assertTrue(slasherContract.evidenceUsed(evidenceId), "marked used");
        }
    }

    /// For each provider and class, the window's total matches the ghost model and never exceeds the class maximum,
    /// nor the tier cap of the last slash that added to it.
    function invariant_classTotalWithinClassAndTierCaps() public view {
        for (uint256 i; i < handler.providerCount(); ++i) {
            address p = handler.providers(i);
            for (uint256 c; c < 3; ++c) {
                ISlasher.Infraction infraction = ISlasher.Infraction(c);
                ISlasher.CapWindow memory w = slasherContract.capWindowOf(p, infraction);
                SlasherHandler.GhostWindow memory g = handler.ghostWindow(p, c);
                bool open = g.start != 0 && block.timestamp < g.start + 30 days;
                assertEq(w.slashedBps, open ? g.slashedBps : 0, "window total matches the model");
                assertLe(w.slashedBps, slasherContract.classRange(infraction).maxBps, "class cap");
                if (w.slashedBps != 0) assertLe(w.slashedBps, g.capAtLastApplied, "tier cap");
            }
        }
    }
}
