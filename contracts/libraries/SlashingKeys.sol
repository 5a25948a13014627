// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title SlashingKeys
/// @notice Parameter-registry keys of the slashing module's governed numbers (interfaces cannot hold constants).
/// @dev Each key names the contract that stores the value. TypeScript computes the same ids with
/// `ethers.id("slashing.<name>")`.
library SlashingKeys {
    // ---- Slasher: QUIVer's infraction classes and the cap window
    /// @dev Smallest and largest percent of one minor infraction, in bps (QUIVer: 1-5%).
    bytes32 internal constant MINOR_MIN_BPS = keccak256("slashing.minorMinBps");
    bytes32 internal constant MINOR_MAX_BPS = keccak256("slashing.minorMaxBps");
    /// @dev Smallest and largest percent of one major infraction, in bps (QUIVer: 5-15%).
    bytes32 internal constant MAJOR_MIN_BPS = keccak256("slashing.majorMinBps");
    bytes32 internal constant MAJOR_MAX_BPS = keccak256("slashing.majorMaxBps");
    /// @dev Smallest and largest percent of one severe infraction, in bps (QUIVer: 15-20%, plus a ban).
    bytes32 internal constant SEVERE_MIN_BPS = keccak256("slashing.severeMinBps");
    bytes32 internal constant SEVERE_MAX_BPS = keccak256("slashing.severeMaxBps");
    /// @dev Length of the window over which a provider's slashes in one class add up against the class and tier
    /// caps, in seconds.
    bytes32 internal constant CAP_WINDOW = keccak256("slashing.capWindow");

    // ---- ChallengeCourt
    /// @dev Smallest challenge stake, token wei.
    bytes32 internal constant MIN_CHALLENGE_STAKE = keccak256("slashing.minChallengeStake");
    /// @dev Challenge stake added per unit of the subject's value, in bps of the value.
    bytes32 internal constant CHALLENGE_STAKE_BPS = keccak256("slashing.challengeStakeBps");
    /// @dev How long validators may vote on a challenge, in seconds.
    bytes32 internal constant VOTING_PERIOD = keccak256("slashing.votingPeriod");
    /// @dev Votes needed for a decision, in bps of the active validators when the challenge opened.
    bytes32 internal constant QUORUM_BPS = keccak256("slashing.quorumBps");
    /// @dev Votes needed for a decision at least, whatever the share.
    bytes32 internal constant MIN_QUORUM = keccak256("slashing.minQuorum");
    /// @dev A challenge is upheld when its uphold votes exceed this share of the votes cast, in bps.
    bytes32 internal constant MAJORITY_BPS = keccak256("slashing.majorityBps");
    /// @dev Reward of an upheld challenger, in bps of its stake, paid from the reward pool.
    bytes32 internal constant CHALLENGER_REWARD_BPS = keccak256("slashing.challengerRewardBps");
    /// @dev Share of a rejected challenger's stake paid to the provider, in bps; the rest is burned.
    bytes32 internal constant PROVIDER_SHARE_BPS = keccak256("slashing.providerShareBps");
    /// @dev Validator fee of a decided challenge, in bps of the challenge stake, paid from the reward pool.
    bytes32 internal constant VALIDATOR_FEE_BPS = keccak256("slashing.validatorFeeBps");
    /// @dev Bond a validator deposits to register, token wei.
    bytes32 internal constant VALIDATOR_BOND = keccak256("slashing.validatorBond");
    /// @dev Challenges in a row a validator may miss before anyone may report it ineligible.
    bytes32 internal constant MAX_MISSED_VOTES = keccak256("slashing.maxMissedVotes");
}
