// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IPartnerRewards} from "../../contracts/interfaces/IPartnerRewards.sol";
import {IssuanceBase} from "./IssuanceBase.sol";
import {PartnerRewardsHandler} from "./handlers/PartnerRewardsHandler.sol";

contract PartnerRewardsInvariantTest is IssuanceBase {
    PartnerRewardsHandler internal handler;

    function setUp() public override {
        super.setUp();
        handler = new PartnerRewardsHandler(qut, rewards, qutMinter, distributor);
        bytes4[] memory selectors = new bytes4[](6);
        selectors[0] = PartnerRewardsHandler.fund.selector;
        selectors[1] = PartnerRewardsHandler.startPeriod.selector;
        selectors[2] = PartnerRewardsHandler.claim.selector;
        selectors[3] = PartnerRewardsHandler.claim.selector; // claims weighted twice
        selectors[4] = PartnerRewardsHandler.sweep.selector;
        selectors[5] = PartnerRewardsHandler.warp.selector;
        targetContract(address(handler));
        targetSelector(address(handler), selectors);
    }

    function invariant_claimsNeverExceedPeriodFunding() public view {
        for (uint256 id = 1; id <= rewards.periodCount(); ++id) {
            IPartnerRewards.Period memory p = rewards.period(id);
            assertLe(uint256(p.claimed), uint256(p.total), "claimed above the period's total");
            assertLe(uint256(p.claimed), handler.ghostAllocated(id), "claimed above what was allocated");
            assertEq(uint256(p.claimed), handler.ghostClaimed(id), "claimed != ghost");
        }
    }

    /// @dev The pool owns exactly its unallocated funds plus what open periods still owe.
    function invariant_balanceCoversUnallocatedAndOwed() public view {
        uint256 owed;
        for (uint256 id = 1; id <= rewards.periodCount(); ++id) {
            IPartnerRewards.Period memory p = rewards.period(id);
            owed += uint256(p.total) - p.claimed;
        }
        assertEq(qut.balanceOf(address(rewards)), rewards.unallocated() + owed, "balance != unallocated + owed");
    }

    function invariant_moneyInEqualsMoneyOutPlusBalance() public view {
        assertEq(
            handler.ghostFunded(),
            handler.ghostPaidOut() + qut.balanceOf(address(rewards)),
            "funded != paid out + balance"
        );
    }
}
