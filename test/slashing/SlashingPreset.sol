// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IChallengeCourt} from "../../contracts/interfaces/IChallengeCourt.sol";
import {ISlasher} from "../../contracts/interfaces/ISlasher.sol";

/// @notice The QUIVer slashing preset's numbers (presets/quiver/slashing.ts) for every test that deploys a slasher and
/// a court: classes minor 1-5%, major 5-15%, severe 15-20%, a 30-day cap window; a 1,000-token minimum challenge stake
/// plus 10% of the value, 3-day votes, quorum 50% of the active validators and at least 3, a simple majority, 20%
/// challenger reward, 50% of a rejected stake to the provider, a 10% validator fee, a 10,000-token bond, 5 missed
/// votes.
library SlashingPreset {
    uint256 internal constant VOTING = 3 days;
    uint256 internal constant BOND = 10_000 ether;
    uint256 internal constant MIN_STAKE = 1_000 ether;

    function slasher() internal pure returns (ISlasher.Parameters memory p) {
        p.minor = ISlasher.ClassRange(100, 500);
        p.major = ISlasher.ClassRange(500, 1_500);
        p.severe = ISlasher.ClassRange(1_500, 2_000);
        p.capWindow = 30 days;
    }

    function court() internal pure returns (IChallengeCourt.Parameters memory p) {
        p.minChallengeStake = MIN_STAKE;
        p.challengeStakeBps = 1_000;
        p.votingPeriod = VOTING;
        p.quorumBps = 5_000;
        p.minQuorum = 3;
        p.majorityBps = 5_000;
        p.challengerRewardBps = 2_000;
        p.providerShareBps = 5_000;
        p.validatorFeeBps = 1_000;
        p.validatorBond = BOND;
        p.maxMissedVotes = 5;
    }
}
