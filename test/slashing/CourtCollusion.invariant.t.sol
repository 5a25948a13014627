// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IChallengeCourt} from "../../contracts/interfaces/IChallengeCourt.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {SlashingKeys} from "../../contracts/libraries/SlashingKeys.sol";
import {ChallengeCourtInvariantTest} from "./ChallengeCourt.invariant.t.sol";
import {SlashingBase} from "./SlashingBase.sol";
import {CourtHandler} from "./handlers/CourtHandler.sol";
import {CollusionHandler} from "./handlers/CollusionHandler.sol";

/// @notice An attacker with fourteen validator identities of the minimum bond (10,000 each, 140,000 in all; ten
/// registered at the start) against three honest validators bonding 40,000 each (120,000), on both slashing paths
/// (court challenges and votes; metrics attestations and proofs). The Sybils accuse and attest down the honest
/// provider p1 and shield the colluding provider p2 (reject its true charges, stay silent on them, attest it up);
/// the honest validators vote and attest the truth, each absent one time in four. Thirteen active Sybils (130,000)
/// outweigh all three honest validators; twelve (120,000) tie them, and a tie must not slash. Inherits the court's
/// book-keeping invariants (`ChallengeCourtInvariantTest`), which hold here with the collusion handler.
contract CourtCollusionInvariantTest is ChallengeCourtInvariantTest {
    uint256 internal constant SYBILS = 14;
    uint256 internal constant HONEST_BOND = 40_000 ether;
    uint256 internal constant PROVIDER_STAKE = 2_000_000 ether;

    CollusionHandler internal collusion;

    function setUp() public override {
        SlashingBase.setUp();
        _register(p1, PROVIDER_STAKE);
        _register(p2, PROVIDER_STAKE);
        address[] memory providers = new address[](2);
        providers[0] = p1;
        providers[1] = p2;
        address[] memory identities = new address[](3 + SYBILS);
        for (uint256 i; i < 3; ++i) identities[i] = validators[i];
        for (uint256 i; i < SYBILS; ++i) identities[3 + i] = makeAddr(string.concat("sybil", vm.toString(i)));

        // Three missed challenges in a row make a validator reportable, so absences occur within a short run.
        vm.startPrank(registry);
        court.setParameter(SlashingKeys.MAX_MISSED_VOTES, 3);
        // Governance raised the bond while the honest validators registered; the Sybils pay the preset's 10,000.
        court.setParameter(SlashingKeys.VALIDATOR_BOND, HONEST_BOND);
        vm.stopPrank();
        for (uint256 i; i < 3; ++i) {
            _mint(identities[i], HONEST_BOND);
            vm.startPrank(identities[i]);
            token.approve(address(court), HONEST_BOND);
            court.registerValidator();
            vm.stopPrank();
        }
        vm.prank(registry);
        court.setParameter(SlashingKeys.VALIDATOR_BOND, BOND);

        collusion = new CollusionHandler(
            court,
            token,
            source,
            metrics,
            minter,
            [consumer, makeAddr("attackerChallenger")],
            providers,
            identities
        );
        handler = collusion;
        vm.prank(admin);
        manager.grantRole(Roles.MINTER, address(collusion), 0);
        for (uint256 i; i < 10; ++i) collusion.sybilJoin(i);
        collusion.fundRewards(5_000 ether);

        targetContract(address(collusion));
        // Only the actions (not the getters); votes, attestations and time twice or three times as likely.
        bytes4[] memory actions = new bytes4[](21);
        actions[0] = CollusionHandler.sybilJoin.selector;
        actions[1] = CollusionHandler.sybilLeave.selector;
        actions[2] = CollusionHandler.sybilWithdraw.selector;
        actions[3] = CourtHandler.reactivate.selector;
        actions[4] = CourtHandler.reportAbsence.selector;
        actions[5] = CollusionHandler.attackerChallenge.selector;
        actions[6] = CollusionHandler.honestChallenge.selector;
        actions[7] = CollusionHandler.sybilsVote.selector;
        actions[8] = CollusionHandler.sybilsVote.selector;
        actions[9] = CollusionHandler.honestVote.selector;
        actions[10] = CollusionHandler.honestVote.selector;
        actions[11] = CollusionHandler.elapse.selector;
        actions[12] = CollusionHandler.elapse.selector;
        actions[13] = CollusionHandler.elapse.selector;
        actions[14] = CollusionHandler.attest.selector;
        actions[15] = CollusionHandler.attest.selector;
        actions[16] = CollusionHandler.prove.selector;
        actions[17] = CourtHandler.claimFee.selector;
        actions[18] = CourtHandler.fundRewards.selector;
        actions[19] = CourtHandler.transferAndAbsorb.selector;
        actions[20] = CollusionHandler.prove.selector;
        targetSelector(address(collusion), actions);
    }

    /// Invariant 1: the honest provider loses exactly what the slashes the handler checked burned, and each of them
    /// (court or proof) was backed by bonds above half of the set weighed; so while the Sybils hold at most half of
    /// the set's bonds, it loses nothing.
    function invariant_honestProviderLosesStakeOnlyToASetMajority() public view {
        assertEq(_stakeWith(p1) + collusion.ghostHonestBurned(), PROVIDER_STAKE, "every loss is a checked slash");
        assertEq(collusion.ghostUnbackedFalseSlashes(), 0, "a false slash without a bonded majority of the set");
    }

    /// Invariant 2: every challenge whose vote has ended is decided, and no true charge carried by an honest bonded
    /// majority of the votes from a quorum of voters failed, whatever the Sybils' silence.
    function invariant_silenceCannotBlockATrueChallenge() public view {
        assertEq(collusion.ghostTrueBlocked(), 0, "silence blocked a true charge");
        for (uint256 i; i < collusion.challengeCount(); ++i) {
            IChallengeCourt.Challenge memory c = court.challenge(collusion.challengeIds(i));
            if (block.timestamp >= c.votingEnds) {
                assertTrue(c.status != IChallengeCourt.Status.Open, "a challenge left undecided");
            }
        }
    }
}
