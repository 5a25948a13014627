// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IChallengeCourt} from "../../contracts/interfaces/IChallengeCourt.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {SlashingKeys} from "../../contracts/libraries/SlashingKeys.sol";
import {SlashingBase} from "./SlashingBase.sol";
import {CourtHandler, CourtModel} from "./handlers/CourtHandler.sol";

/// @notice Invariants of the court over random sequences of validator life cycles, challenges, votes, decisions,
/// fee claims, pool funding (through `fundRewards` and by plain transfer, absorbed) and time, with two Platinum
/// providers and six validator candidates (four registered at the start); a validator may miss two challenges in a
/// row.
contract ChallengeCourtInvariantTest is SlashingBase {
    CourtHandler internal handler;

    function setUp() public virtual override {
        super.setUp();
        address[] memory providers = new address[](2);
        providers[0] = p1;
        providers[1] = p2;
        _register(p1, 2_000_000 ether);
        _register(p2, 2_000_000 ether);
        address[] memory candidates = new address[](6);
        for (uint256 i; i < 5; ++i) candidates[i] = validators[i];
        candidates[5] = makeAddr("validator5");

        // Two missed challenges in a row make a validator reportable, so absences occur within a short run.
        vm.prank(registry);
        court.setParameter(SlashingKeys.MAX_MISSED_VOTES, 2);
        handler = new CourtHandler(
            court,
            token,
            source,
            new CourtModel(court),
            minter,
            consumer,
            providers,
            candidates
        );
        vm.prank(admin);
        manager.grantRole(Roles.MINTER, address(handler), 0);
        for (uint256 i; i < 4; ++i) handler.registerValidator(i);
        handler.fundRewards(5_000 ether);
        targetContract(address(handler));
        // Only the actions (not the handler's getters), with votes twice as likely as the rest.
        bytes4[] memory actions = new bytes4[](14);
        actions[0] = CourtHandler.registerValidator.selector;
        actions[1] = CourtHandler.exitValidator.selector;
        actions[2] = CourtHandler.withdrawBond.selector;
        actions[3] = CourtHandler.reactivate.selector;
        actions[4] = CourtHandler.reportAbsence.selector;
        actions[5] = CourtHandler.openChallenge.selector;
        actions[6] = CourtHandler.vote.selector;
        actions[7] = CourtHandler.vote.selector;
        actions[8] = CourtHandler.decide.selector;
        actions[9] = CourtHandler.claimFee.selector;
        actions[10] = CourtHandler.fundRewards.selector;
        actions[11] = CourtHandler.warp.selector;
        actions[12] = CourtHandler.transferAndAbsorb.selector;
        actions[13] = CourtHandler.reportSilence.selector;
        targetSelector(address(handler), actions);
    }

    /// The court's balance is exactly the reward pool, the fees owed, the escrowed stakes and the bonds.
    function invariant_courtHoldsExactlyWhatItOwes() public view {
        (uint256 pool, uint256 feesOwed, uint256 escrowed, uint256 bonds) = court.balances();
        assertEq(token.balanceOf(address(court)), pool + feesOwed + escrowed + bonds, "balance == what it holds");
    }

    /// Everything funded is still in the pool, allocated to validator fees, or paid as challenger rewards; fees
    /// claimed never exceed fees allocated.
    function invariant_rewardsAndFeesNeverExceedFunding() public view {
        (uint256 pool, uint256 feesOwed, , ) = court.balances();
        assertEq(
            pool + handler.ghostFeesAllocated() + handler.ghostRewardsPaid(),
            handler.ghostFunded(),
            "funded == pool + fees + rewards"
        );
        assertEq(handler.ghostFeesClaimed() + feesOwed, handler.ghostFeesAllocated(), "claimed + owed == allocated");
        assertLe(handler.ghostFeesClaimed(), handler.ghostFeesAllocated(), "claimed <= allocated");
    }

    /// The escrow is the sum of the stakes of open challenges; each upheld subject slashed once.
    function invariant_escrowIsTheOpenStakes() public view {
        uint256 open;
        for (uint256 i; i < handler.challengeCount(); ++i) {
            IChallengeCourt.Challenge memory c = court.challenge(handler.challengeIds(i));
            if (c.status == IChallengeCourt.Status.Open) open += c.stake;
            if (c.status == IChallengeCourt.Status.Upheld) {
                assertEq(handler.ghostSlashesWith(c.evidenceId), 1, "an upheld subject is slashed once");
            }
        }
        (, , uint256 escrowed, ) = court.balances();
        assertEq(escrowed, open, "escrow == open stakes");
    }

    /// Every challenge is weighed against the bonds its set held at opening less exactly those reported silent on it
    /// (each removed once, at the bond it added, whatever happened to that bond since), and never less than the
    /// bonds that voted on it.
    function invariant_setStakeIsTheBondsStillCounted() public view {
        for (uint256 i; i < handler.challengeCount(); ++i) {
            uint256 id = handler.challengeIds(i);
            IChallengeCourt.Challenge memory c = court.challenge(id);
            assertEq(c.setStake, handler.ghostSetStake(id), "the set: bonds at opening less the silent ones");
            assertGe(c.setStake, uint256(c.upholdStake) + c.rejectStake, "the set holds every bond that voted");
        }
    }

    /// The active count and bonds are those of the records that say Active; bonds are those of all records.
    function invariant_activeValidatorsMatchTheRecords() public view {
        uint256 active;
        uint256 activeBond;
        uint256 bonds;
        for (uint256 i; i < handler.candidateCount(); ++i) {
            IChallengeCourt.Validator memory v = court.validatorOf(handler.candidates(i));
            if (v.status == IChallengeCourt.ValidatorStatus.Active) {
                ++active;
                activeBond += v.bond;
            }
            bonds += v.bond;
        }
        (, , , uint256 heldBonds) = court.balances();
        assertEq(court.activeValidators(), active, "active count");
        assertEq(court.activeBond(), activeBond, "active bonds: what decisions are weighed against");
        assertEq(heldBonds, bonds, "bonds");
    }
}
