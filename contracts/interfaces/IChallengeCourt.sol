// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ISlasher} from "./ISlasher.sol";

/// @title IChallengeCourt
/// @notice The challenge court (QUIVer's challenge mechanism and validator rewards, docs/economics/quiver.md): a
/// consumer challenges a settled result of a registered source (the inference market's vouchers, the metrics registry's
/// attested epochs) by staking tokens before the subject's deadline, naming the infraction class and percent it claims;
/// registered validators vote within a window; after it, anyone decides by quorum and majority.
/// - Upheld: the slasher slashes the provider (evidence id `keccak256(abi.encode(source, subjectId))`, so a result
///   is never slashed twice); the challenger gets its stake back plus a reward from the reward pool.
/// - Rejected: `providerShareBps` of the stake goes to the provider, the rest is burned.
/// - No quorum when the window ends (expired): the stake goes back to the challenger.
/// - Upheld or rejected: the validators who voted with the outcome share a validator fee from the reward pool, each
///   claiming its share (pull, O(1)).
/// @dev Economics (see docs/slashing.md): the challenge stake is `minChallengeStake + value x challengeStakeBps`
/// (rounded up). The reward pool is funded from outside with `fundRewards` (the market's validator fee share, the
/// treasury); rewards and fees are paid from it only as far as it holds tokens (fee first, then reward), and nothing
/// is ever minted. Validators register themselves with a bond (governed `validatorBond`; equal votes, so the bond
/// prices a Sybil); they may vote only on challenges opened after they registered. A validator that let
/// `maxMissedVotes` challenges in a row (all opened after its last vote or registration) close without voting can be
/// reported ineligible by anyone, which shrinks the quorum base; it votes again only after `reactivate`, and only on
/// challenges opened after that. Leaving takes the voting period (and until every open challenge has closed).
/// Every function is O(1): no loop over validators, challenges or stakers.
interface IChallengeCourt {
    /// @notice Where a challenge stands.
    enum Status {
        None,
        Open,
        Upheld,
        Rejected,
        Expired,
        Superseded
    }

    /// @notice Where a validator stands.
    enum ValidatorStatus {
        None,
        Active,
        Ineligible,
        Exiting
    }

    /// @notice A challenge.
    /// @param challenger The consumer who opened it.
    /// @param stake Its stake, in token wei.
    /// @param provider The provider it accuses.
    /// @param votingEnds Votes are accepted before this timestamp; it can be decided from it.
    /// @param bps The percent it claims, in bps (inside the class range when opened).
    /// @param infraction The class it claims.
    /// @param status Where it stands.
    /// @param upholdVotes Validators voting to uphold.
    /// @param rejectVotes Validators voting to reject.
    /// @param quorum Distinct voters needed for a decision (`minQuorum` when opened).
    /// @param feePerWinner Validator fee each validator on the winning side may claim, in token wei.
    /// @param supersededBy The higher challenge opened on the same subject after it (0: none); it ends
    /// `Superseded` only if that one is upheld (or superseded in turn), and otherwise falls back to its own verdict.
    /// @param evidenceId `keccak256(abi.encode(source, subjectId))`.
    /// @param upholdStake Bonds of the validators voting to uphold, token wei.
    /// @param rejectStake Bonds of the validators voting to reject, token wei.
    /// @param setStake The active set's bonds when it opened (every eligible voter), less the bonds of those reported
    /// silent on it: what its votes are weighed against, token wei.
    struct Challenge {
        address challenger;
        uint96 stake;
        address provider;
        uint48 votingEnds;
        uint16 bps;
        ISlasher.Infraction infraction;
        Status status;
        uint32 upholdVotes;
        uint32 rejectVotes;
        uint32 quorum;
        uint96 feePerWinner;
        uint40 supersededBy;
        bytes32 evidenceId;
        uint128 upholdStake;
        uint128 rejectStake;
        uint128 setStake;
    }

    /// @notice A validator.
    /// @param status Where it stands.
    /// @param sinceChallenge It may vote on challenges with a larger id (the count when it registered or reactivated).
    /// @param lastVoted The largest challenge id it voted on.
    /// @param unlockAt While exiting: when its bond can be withdrawn; while ineligible: when it may reactivate.
    /// @param bond Its bond, in token wei.
    /// @param leftAt While exiting or ineligible: the challenge count when it left the active set (its bond is in the
    /// set of the challenges up to this id only).
    /// @param leftBond While exiting or ineligible: the bond it held in the active set, which each challenge it was
    /// eligible for counted at opening (its bond now is less if it left through an absence penalty).
    struct Validator {
        ValidatorStatus status;
        uint40 sinceChallenge;
        uint40 lastVoted;
        uint48 unlockAt;
        uint96 bond;
        uint40 leftAt;
        uint96 leftBond;
    }

    /// @notice Initial values of the governed parameters (keys in `SlashingKeys`).
    /// @param minChallengeStake Smallest challenge stake, token wei.
    /// @param challengeStakeBps Stake added per unit of the subject's value, bps.
    /// @param votingPeriod Voting window, seconds.
    /// @param quorumBps Bonds voting needed, in bps of the eligible set's bonds (less those reported silent).
    /// @param minQuorum Distinct voters needed at least.
    /// @param majorityBps Uphold votes must exceed this share of the votes cast, bps (at least half).
    /// @param challengerRewardBps Reward of an upheld challenger, bps of its stake.
    /// @param providerShareBps Share of a rejected stake paid to the provider, bps; the rest is burned.
    /// @param validatorFeeBps Validator fee of a decided challenge, bps of its stake.
    /// @param validatorBond Bond of a new validator, token wei.
    /// @param maxMissedVotes Challenges in a row a validator may miss.
    struct Parameters {
        uint256 minChallengeStake;
        uint256 challengeStakeBps;
        uint256 votingPeriod;
        uint256 quorumBps;
        uint256 minQuorum;
        uint256 majorityBps;
        uint256 challengerRewardBps;
        uint256 providerShareBps;
        uint256 validatorFeeBps;
        uint256 validatorBond;
        uint256 maxMissedVotes;
    }

    // ------------------------------------------------------------------ events

    /// @notice A source of challengeable results was registered or removed.
    /// @param source The source (`IChallengeSource`).
    /// @param allowed Whether its subjects may be challenged now.
    event SourceSet(address indexed source, bool allowed);

    /// @notice Tokens were added to the reward pool.
    /// @param from Who paid.
    /// @param amount Tokens added.
    /// @param pool The pool after it.
    event RewardsFunded(address indexed from, uint256 amount, uint256 pool);

    /// @notice Tokens transferred to the court without `fundRewards` were added to the reward pool.
    /// @param caller Who called `absorbBalance`.
    /// @param amount Tokens added.
    /// @param pool The pool after it.
    event BalanceAbsorbed(address indexed caller, uint256 amount, uint256 pool);

    /// @notice A challenge was opened.
    /// @param challengeId The challenge.
    /// @param source The source of the subject.
    /// @param subjectId The subject.
    /// @param provider The accused provider.
    /// @param challenger The consumer.
    /// @param infraction The class claimed.
    /// @param bps The percent claimed.
    /// @param stake The challenger's stake.
    /// @param votingEnds The end of the voting window.
    /// @param quorum Votes needed.
    event ChallengeOpened(
        uint256 indexed challengeId,
        address indexed source,
        bytes32 indexed subjectId,
        address provider,
        address challenger,
        ISlasher.Infraction infraction,
        uint256 bps,
        uint256 stake,
        uint256 votingEnds,
        uint256 quorum
    );

    /// @notice A validator voted.
    /// @param challengeId The challenge.
    /// @param validator The validator.
    /// @param uphold Whether it voted to uphold.
    event Voted(uint256 indexed challengeId, address indexed validator, bool uphold);

    /// @notice A challenge was decided and its stake settled.
    /// @param challengeId The challenge.
    /// @param status Upheld, Rejected or Expired.
    /// @param upholdVotes Votes to uphold.
    /// @param rejectVotes Votes to reject.
    /// @param toChallenger Paid to the challenger (stake and reward, or the stake back).
    /// @param toProvider Paid to the provider (rejected).
    /// @param burned Burned from the stake (rejected).
    /// @param feePerWinner Validator fee each winning validator may claim.
    event ChallengeDecided(
        uint256 indexed challengeId,
        Status status,
        uint256 upholdVotes,
        uint256 rejectVotes,
        uint256 toChallenger,
        uint256 toProvider,
        uint256 burned,
        uint256 feePerWinner
    );

    /// @notice A validator claimed its fee for a challenge.
    /// @param challengeId The challenge.
    /// @param validator The validator.
    /// @param amount Tokens paid.
    event ValidatorFeeClaimed(uint256 indexed challengeId, address indexed validator, uint256 amount);

    /// @notice A validator registered with a bond.
    /// @param validator The validator.
    /// @param bond The bond.
    event ValidatorRegistered(address indexed validator, uint256 bond);

    /// @notice An ineligible validator became active again.
    /// @param validator The validator.
    event ValidatorReactivated(address indexed validator);

    /// @notice A validator was reported absent and is ineligible until it reactivates.
    /// @param validator The validator.
    /// @param reporter Who reported it.
    /// @param lastMissed The last of the challenges in a row it missed.
    event ValidatorAbsent(address indexed validator, address indexed reporter, uint256 lastMissed);

    /// @notice A validator was found silent on a challenge lacking its quorum and lost part of its bond.
    /// @param validator The validator, now ineligible.
    /// @param reporter Who reported it.
    /// @param challengeId The challenge it was silent on (or the last of the missed run, for `ValidatorAbsent`).
    /// @param penalty Bond moved to the reward pool, token wei.
    /// @param reactivatesAt When it may reactivate.
    event AbsencePenalised(
        address indexed validator,
        address indexed reporter,
        uint256 indexed challengeId,
        uint256 penalty,
        uint256 reactivatesAt
    );

    /// @notice A challenge was superseded by a higher one (higher percent) on the same subject.
    /// @param challengeId The superseded challenge.
    /// @param supersededBy The challenge that replaced it.
    event ChallengeSuperseded(uint256 indexed challengeId, uint256 indexed supersededBy);

    /// @notice A validator left; its bond unlocks at `unlockAt`.
    /// @param validator The validator.
    /// @param unlockAt When the bond can be withdrawn.
    event ValidatorExited(address indexed validator, uint256 unlockAt);

    /// @notice A validator withdrew its bond.
    /// @param validator The validator.
    /// @param amount Tokens paid.
    event ValidatorBondWithdrawn(address indexed validator, uint256 amount);

    // ------------------------------------------------------------------ errors

    /// @notice An amount of zero.
    error ZeroAmount();
    /// @notice The zero address where a contract is needed.
    error ZeroAddress();
    /// @notice The source is not registered.
    error UnknownSource(address source);
    /// @notice The source knows no such subject.
    error UnknownSubject(address source, bytes32 subjectId);
    /// @notice Only the subject's consumer may challenge it.
    error NotSubjectConsumer(address caller, address consumer);
    /// @notice The subject's challenge deadline has passed.
    error ChallengeDeadlinePassed(uint256 deadline, uint256 timestamp);
    /// @notice The subject's provider is not registered in staking.
    error UnknownProvider(address provider);
    /// @notice The subject was already challenged.
    error AlreadyChallenged(bytes32 evidenceId, uint256 challengeId);
    /// @notice The subject's evidence was already used for a slash (e.g. on the emergency path).
    error EvidenceAlreadyUsed(bytes32 evidenceId);
    /// @notice The claimed percent lies outside the class range.
    error PercentOutsideClass(ISlasher.Infraction infraction, uint256 bps, uint256 minBps, uint256 maxBps);
    /// @notice Too few active validators to ever reach the quorum.
    error NotEnoughValidators(uint256 active, uint256 quorum);
    /// @notice No challenge with this id.
    error UnknownChallenge(uint256 challengeId);
    /// @notice The challenge is not open.
    error ChallengeNotOpen(uint256 challengeId, Status status);
    /// @notice The voting window has ended.
    error VotingClosed(uint256 challengeId, uint256 votingEnds);
    /// @notice The voting window has not ended yet.
    error VotingNotEnded(uint256 challengeId, uint256 votingEnds);
    /// @notice The account is not a validator.
    error NotValidator(address account);
    /// @notice The validator is not active (ineligible or exiting).
    error ValidatorNotActive(address validator, ValidatorStatus status);
    /// @notice The validator registered (or reactivated) after the challenge opened.
    error NotEligibleForChallenge(address validator, uint256 challengeId);
    /// @notice The validator already voted on this challenge.
    error AlreadyVoted(uint256 challengeId, address validator);
    /// @notice The validator is the challenge's provider or challenger.
    error ConflictOfInterest(uint256 challengeId, address validator);
    /// @notice Nothing to claim: not decided, not on the winning side, no fee, or already claimed.
    error NothingToClaim(uint256 challengeId, address validator);
    /// @notice The account is already a validator (or still exiting).
    error AlreadyValidator(address account, ValidatorStatus status);
    /// @notice The validator is not ineligible.
    error NotIneligible(address validator);
    /// @notice The validator has not missed enough challenges in a row (or the last of them is still open).
    error NotAbsent(address validator, uint256 challengeId);
    /// @notice The validator is not exiting.
    error NotExiting(address validator);
    /// @notice The bond is still locked.
    error BondLocked(address validator, uint256 unlockAt);
    /// @notice The challenge has neither a decision nor its quorum yet; it expires at `expiresAt` unless reached.
    error DecisionPending(uint256 challengeId, uint256 votedStake, uint256 activeStake, uint256 expiresAt);
    /// @notice The higher-class challenge that superseded this one is not decided yet (this one follows its outcome).
    error SupersedingPending(uint256 challengeId, uint256 supersededBy);
    /// @notice The validator voted, was not eligible, or the challenge reached its quorum or is not open / closed.
    error NotSilent(address validator, uint256 challengeId);
    /// @notice An ineligible validator reactivating before its cooldown ends.
    error ReactivationCooldown(address validator, uint256 reactivatesAt);
    /// @notice Constructor values that break the module's rules.
    error InvalidConfiguration();

    // ------------------------------------------------------------------ challenges

    /// @notice Registers or removes a source of challengeable results.
    /// @dev Restricted (the AccessManager's admin: the deployer during deployment, then the normal timelock).
    /// Removing a source stops new challenges of its subjects; open ones run their course.
    /// @param source The source (`IChallengeSource`).
    /// @param allowed Whether its subjects may be challenged.
    function setSource(address source, bool allowed) external;

    /// @notice Adds tokens to the reward pool (pulled from the caller).
    /// @param amount Tokens to add.
    function fundRewards(uint256 amount) external;

    /// @notice Adds to the reward pool every token the court holds beyond what it owes (reward pool, fees owed,
    /// escrowed stakes, bonds): fees and grants paid to it by plain transfer, such as the inference market's
    /// validator fee (the fee router's `validators` recipient) or a treasury transfer voted by governance.
    /// @dev Anyone may call it. Reverts `ZeroAmount` when the court holds nothing beyond what it owes.
    /// @return amount Tokens added to the pool.
    function absorbBalance() external returns (uint256 amount);

    /// @notice Challenges a settled result by staking `challengeStakeFor(value)` (pulled from the caller).
    /// @dev Reverts `UnknownSource`, `UnknownSubject`, `NotSubjectConsumer`, `ChallengeDeadlinePassed` (after the
    /// deadline; at it is allowed), `UnknownProvider`, `AlreadyChallenged` (unless the open challenge of the subject
    /// claims the same or a lower class and a strictly lower percent: the new one supersedes it, so a provider cannot
    /// shield a severe case behind a minor one, or a 15% case behind a 5% one, opened by an accomplice),
    /// `EvidenceAlreadyUsed`, `PercentOutsideClass` or `NotEnoughValidators`.
    /// @param source The source of the subject.
    /// @param subjectId The subject.
    /// @param infraction The class claimed.
    /// @param bps The percent claimed, inside the class range.
    /// @return challengeId The challenge's id (1, 2, ...).
    function openChallenge(
        address source,
        bytes32 subjectId,
        ISlasher.Infraction infraction,
        uint256 bps
    ) external returns (uint256 challengeId);

    /// @notice Votes on an open challenge, before its voting window ends.
    /// @dev Reverts `UnknownChallenge`, `ChallengeNotOpen`, `VotingClosed`, `NotValidator`, `ValidatorNotActive`,
    /// `NotEligibleForChallenge`, `ConflictOfInterest` or `AlreadyVoted`.
    /// @param challengeId The challenge.
    /// @param uphold True to uphold, false to reject.
    function vote(uint256 challengeId, bool uphold) external;

    /// @notice Decides a challenge once its voting window has ended, settles its stake and, if upheld, slashes the
    /// provider. Anyone may call it.
    /// @dev Weighed by bonds against `setStake` (the set eligible when it opened, less those reported silent):
    /// upheld if the bonds voting to uphold exceed `majorityBps` of the bonds voting and half of `setStake` (no
    /// provider is slashed without a bonded majority of the whole set), with at least `quorum` distinct voters;
    /// rejected if the quorum (`quorumBps` of `setStake` and `quorum` voters) voted and the uphold side is not a
    /// majority of the votes.
    /// Otherwise the challenge waits one more voting period (silent validators can be reported meanwhile, shrinking
    /// the set) and then expires (stake back). A challenge superseded by a higher-class one on the same subject
    /// waits for that one's decision: if it is upheld (or superseded in turn), this one returns its stake
    /// (`Superseded`); if it fails (rejected or expired), this one takes its own verdict. The challenger's reward is
    /// paid in proportion to the slash actually applied. The slash uses the claimed class and percent (moved into
    /// the class's current range if governance changed it meanwhile), clamped by the slasher's caps; it is skipped if
    /// the evidence was used meanwhile. Reverts `UnknownChallenge`,
    /// `ChallengeNotOpen`, `VotingNotEnded`, `DecisionPending` or `SupersedingPending`.
    /// @param challengeId The challenge.
    /// @return status The outcome.
    function decide(uint256 challengeId) external returns (Status status);

    /// @notice Pays the caller's share of a decided challenge's validator fee (it voted with the outcome).
    /// @param challengeId The challenge.
    /// @return amount Tokens paid.
    function claimValidatorFee(uint256 challengeId) external returns (uint256 amount);

    // ------------------------------------------------------------------ validators

    /// @notice Registers the caller as a validator with the current bond (pulled from the caller).
    /// @dev Reverts `AlreadyValidator` unless the caller has no validator record.
    function registerValidator() external;

    /// @notice Makes an ineligible validator active again, for challenges opened from now on, once its cooldown (every
    /// challenge open when it was reported has closed, and at least one voting period) has passed.
    /// @dev Reverts `NotIneligible` or `ReactivationCooldown`.
    function reactivate() external;

    /// @notice Reports a validator silent on a challenge whose voting ended without a decision, so silent identities
    /// cannot block it: its bond leaves the set that challenge is weighed against. An active validator also becomes
    /// ineligible and, like with `reportAbsence`, loses 10% of its bond to the reward pool and waits out the
    /// reactivation cooldown.
    /// @dev Reverts `NotSilent` unless the challenge is open, its voting ended, it is not decidable yet, and the
    /// validator (still holding its bond) was in the active set when it opened, did not vote and was not reported on
    /// it.
    /// @param validator The validator.
    /// @param challengeId The challenge.
    function reportSilence(address validator, uint256 challengeId) external;

    /// @notice Marks a validator ineligible that missed `maxMissedVotes` challenges in a row, all closed. Anyone may
    /// call it.
    /// @dev The challenges counted are the `maxMissedVotes` opened right after the validator's last vote (or its
    /// registration or reactivation, if later); the last of them must have closed. Reverts `NotAbsent` otherwise.
    /// @param validator The validator.
    /// It moves 10% of the bond to the reward pool and starts the reactivation cooldown.
    function reportAbsence(address validator) external;

    /// @notice Leaves the validator set; the bond unlocks one voting period after every challenge open now has closed
    /// (and after one voting period at least), so it stays answerable while those can still be decided.
    function exitValidator() external;

    /// @notice Pays an exited validator's bond once unlocked and deletes its record.
    /// @return amount Tokens paid.
    function withdrawBond() external returns (uint256 amount);

    // ------------------------------------------------------------------ views

    /// @notice A challenge.
    /// @param challengeId The challenge.
    /// @return The challenge (zero for an unknown id).
    function challenge(uint256 challengeId) external view returns (Challenge memory);

    /// @notice The challenge of a subject, if any.
    /// @param source The source.
    /// @param subjectId The subject.
    /// @return The challenge's id, or zero.
    function challengeIdOf(address source, bytes32 subjectId) external view returns (uint256);

    /// @notice A validator's vote on a challenge.
    /// @param challengeId The challenge.
    /// @param validator The validator.
    /// @return voted Whether it voted.
    /// @return uphold Its vote.
    /// @return claimed Whether it claimed its fee.
    function voteOf(
        uint256 challengeId,
        address validator
    ) external view returns (bool voted, bool uphold, bool claimed);

    /// @notice A validator's record.
    /// @param account The account.
    /// @return The record (status `None` if it never registered or withdrew its bond).
    function validatorOf(address account) external view returns (Validator memory);

    /// @notice Whether an account is an active validator (read by the metrics registry for attestations).
    /// @param account The account.
    /// @return Whether its status is `Active`.
    function isActiveValidator(address account) external view returns (bool);

    /// @notice The number of active validators (a challenge opens only with at least `minQuorum` of them).
    /// @return The count.
    function activeValidators() external view returns (uint256);

    /// @notice The sum of the active validators' bonds: the set every decision is weighed against.
    /// @return The bonds, token wei.
    function activeBond() external view returns (uint256);

    /// @notice What an attester weighs: its bond if active (0 otherwise) and the active validators' total bond.
    /// @param account The account.
    /// @return bond Its bond if active, else 0, token wei.
    /// @return totalActive The active validators' bonds, token wei.
    function attesterWeight(address account) external view returns (uint256 bond, uint256 totalActive);

    /// @notice The number of challenges ever opened (the id of the latest).
    /// @return The count.
    function challengeCount() external view returns (uint256);

    /// @notice The stake a challenge of a subject worth `value` takes now.
    /// @param value The subject's value, in token wei.
    /// @return The stake, in token wei.
    function challengeStakeFor(uint256 value) external view returns (uint256);

    /// @notice Whether a source is registered.
    /// @param source The source.
    /// @return Whether its subjects may be challenged.
    function isSource(address source) external view returns (bool);

    /// @notice The tokens the court holds, by purpose. Its balance is never below their sum.
    /// @return rewardPool Unallocated reward pool (challenger rewards and validator fees).
    /// @return feesOwed Validator fees allocated and not yet claimed.
    /// @return escrowed Stakes of open challenges.
    /// @return bonds Validator bonds.
    function balances() external view returns (uint256 rewardPool, uint256 feesOwed, uint256 escrowed, uint256 bonds);

    /// @notice The slasher the court slashes through.
    /// @return The slasher's address.
    function slasher() external view returns (address);

    /// @notice The token staked, bonded and paid.
    /// @return The token's address.
    function token() external view returns (address);
}
