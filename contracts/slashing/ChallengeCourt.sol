// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {IChallengeCourt} from "../interfaces/IChallengeCourt.sol";
import {IChallengeSource} from "../interfaces/IChallengeSource.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IProviderStaking} from "../interfaces/IProviderStaking.sol";
import {ISlasher} from "../interfaces/ISlasher.sol";
import {SlashingKeys} from "../libraries/SlashingKeys.sol";
import {BPS} from "../common/Constants.sol";

/// @title ChallengeCourt
/// @notice Consumers challenge settled results with a stake, registered validators vote, anyone decides after the
/// window; upheld challenges slash through the slasher. Immutable, AccessManaged; every function is O(1).
/// @dev The token is the preset's ProtocolToken (no hooks, no fees); sources are registered by governance and only
/// read (view). Every function follows checks-effects-interactions, with the slash and the transfers last.
contract ChallengeCourt is IChallengeCourt, Parameterized {
    using SafeERC20 for IERC20;
    uint8 private constant VOTED_UPHOLD = 1;
    uint8 private constant VOTED_REJECT = 2;
    uint8 private constant CLAIMED = 4;
    uint8 private constant REPORTED_SILENT = 8;
    /// @dev Share of its bond a validator reported absent or silent loses to the reward pool.
    uint256 private constant ABSENCE_PENALTY_BPS = 1_000;

    IERC20 private immutable _TOKEN;
    ISlasher private immutable _SLASHER;
    IProviderStaking private immutable _STAKING;

    /// @dev The governed numbers (keys in SlashingKeys), packed in two slots the user paths read.
    struct Settings {
        uint128 minChallengeStake;
        uint128 validatorBond;
        uint48 votingPeriod;
        uint32 minQuorum;
        uint32 maxMissedVotes;
        uint16 challengeStakeBps;
        uint16 quorumBps;
        uint16 majorityBps;
        uint16 challengerRewardBps;
        uint16 providerShareBps;
        uint16 validatorFeeBps;
    }

    Settings private _settings;

    /// @dev What the court holds, by purpose (its balance is never below the sum).
    uint128 private _rewardPool;
    uint128 private _feesOwed;
    uint128 private _escrowed;
    uint128 private _bonds;
    /// @dev The bonds of the active validators: what every decision and attestation is weighed against.
    uint128 private _activeBond;

    uint40 private _challengeCount;
    uint40 private _activeValidators;
    /// @dev The latest voting end of any challenge: windows are kept in opening order.
    uint48 private _lastVotingEnd;

    mapping(address source => bool) private _sources;
    mapping(uint256 challengeId => Challenge) private _challenges;
    mapping(bytes32 evidenceId => uint256 challengeId) private _challengeOf;
    /// @dev VOTED_UPHOLD or VOTED_REJECT, plus CLAIMED once the fee is paid.
    mapping(uint256 challengeId => mapping(address validator => uint8)) private _votes;
    mapping(address account => Validator) private _validators;

    /// @notice Deploys the court with a preset's numbers.
    /// @param token_ The token staked, bonded and paid (the preset's ProtocolToken).
    /// @param slasher_ The slasher (this contract must hold its SLASHING_COURT role).
    /// @param authority The preset's AccessManager.
    /// @param p Initial values of the governed parameters.
    constructor(IERC20 token_, ISlasher slasher_, address authority, Parameters memory p) AccessManaged(authority) {
        if (address(token_) == address(0) || address(slasher_) == address(0)) revert InvalidConfiguration();
        _TOKEN = token_;
        _SLASHER = slasher_;
        _STAKING = IProviderStaking(slasher_.staking());
        bytes32[11] memory keys = _keys();
        uint256[11] memory values = [
            p.minChallengeStake,
            p.challengeStakeBps,
            p.votingPeriod,
            p.quorumBps,
            p.minQuorum,
            p.majorityBps,
            p.challengerRewardBps,
            p.providerShareBps,
            p.validatorFeeBps,
            p.validatorBond,
            p.maxMissedVotes
        ];
        for (uint256 i; i < keys.length; ++i) {
            if (!_store(i, values[i])) revert InvalidConfiguration();
        }
    }

    // ------------------------------------------------------------------ challenges

    /// @inheritdoc IChallengeCourt
    function setSource(address source, bool allowed) external restricted {
        if (source == address(0)) revert ZeroAddress();
        _sources[source] = allowed;
        emit SourceSet(source, allowed);
    }

    /// @inheritdoc IChallengeCourt
    function fundRewards(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        uint256 pool = _rewardPool + amount;
        _rewardPool = SafeCast.toUint128(pool);
        emit RewardsFunded(msg.sender, amount, pool);
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IChallengeCourt
    function absorbBalance() external returns (uint256 amount) {
        uint256 pool = _rewardPool;
        uint256 owed = pool + _feesOwed + _escrowed + _bonds;
        uint256 balance = _TOKEN.balanceOf(address(this));
        // The balance never falls below what the court owes: every path that moves tokens updates the ledgers.
        amount = balance - owed;
        if (amount == 0) revert ZeroAmount();
        pool += amount;
        _rewardPool = SafeCast.toUint128(pool);
        emit BalanceAbsorbed(msg.sender, amount, pool);
    }

    /// @inheritdoc IChallengeCourt
    function openChallenge(
        address source,
        bytes32 subjectId,
        ISlasher.Infraction infraction,
        uint256 bps
    ) external returns (uint256 challengeId) {
        (address provider, uint256 value, bytes32 evidenceId) = _checkSubject(source, subjectId, infraction, bps);
        ISlasher.ClassRange memory range = _SLASHER.classRange(infraction);
        if (bps < range.minBps || bps > range.maxBps) {
            revert PercentOutsideClass(infraction, bps, range.minBps, range.maxBps);
        }
        uint256 quorum = _settings.minQuorum;
        if (quorum > _activeValidators) revert NotEnoughValidators(_activeValidators, quorum);

        uint256 stake = _challengeStake(value);
        uint256 votingEnds = Math.max(block.timestamp + _settings.votingPeriod, _lastVotingEnd);
        challengeId = _challengeCount + 1;
        _challengeCount = uint40(challengeId);
        _lastVotingEnd = SafeCast.toUint48(votingEnds);
        uint256 previous = _challengeOf[evidenceId];
        _challengeOf[evidenceId] = challengeId;
        _escrowed += SafeCast.toUint128(stake);
        Challenge storage c = _challenges[challengeId];
        c.challenger = msg.sender;
        c.stake = SafeCast.toUint96(stake);
        c.provider = provider;
        c.votingEnds = uint48(votingEnds);
        // bps <= the class maximum < 10,000.
        c.bps = uint16(bps);
        c.infraction = infraction;
        c.status = Status.Open;
        c.quorum = SafeCast.toUint32(quorum);
        c.setStake = _activeBond;
        c.evidenceId = evidenceId;
        _emitOpened(challengeId, source, subjectId, c);
        if (previous != 0) {
            // The lower case waits for this one and falls back to its own verdict if this one fails.
            _challenges[previous].supersededBy = uint40(challengeId);
            emit ChallengeSuperseded(previous, challengeId);
        }
        _TOKEN.safeTransferFrom(msg.sender, address(this), stake);
    }

    /// @inheritdoc IChallengeCourt
    function vote(uint256 challengeId, bool uphold) external {
        Challenge storage c = _openChallenge(challengeId);
        if (block.timestamp >= c.votingEnds) revert VotingClosed(challengeId, c.votingEnds);
        Validator storage v = _validators[msg.sender];
        ValidatorStatus status = v.status;
        if (status == ValidatorStatus.None) revert NotValidator(msg.sender);
        if (status != ValidatorStatus.Active) revert ValidatorNotActive(msg.sender, status);
        if (challengeId <= v.sinceChallenge) revert NotEligibleForChallenge(msg.sender, challengeId);
        if (msg.sender == c.provider || msg.sender == c.challenger) revert ConflictOfInterest(challengeId, msg.sender);
        if (_votes[challengeId][msg.sender] != 0) revert AlreadyVoted(challengeId, msg.sender);

        _votes[challengeId][msg.sender] = uphold ? VOTED_UPHOLD : VOTED_REJECT;
        // Vote counts are bounded by the number of validators; the bonds by the court's 128-bit ledger.
        uint128 bond = v.bond;
        if (uphold) {
            ++c.upholdVotes;
            c.upholdStake += bond;
        } else {
            ++c.rejectVotes;
            c.rejectStake += bond;
        }
        if (challengeId > v.lastVoted) v.lastVoted = uint40(challengeId);
        emit Voted(challengeId, msg.sender, uphold);
    }

    /// @inheritdoc IChallengeCourt
    function decide(uint256 challengeId) external returns (Status status) {
        Challenge storage c = _openChallenge(challengeId);
        uint256 votingEnds = c.votingEnds;
        if (block.timestamp < votingEnds) revert VotingNotEnded(challengeId, votingEnds);
        status = _outcome(challengeId, c, votingEnds);
        uint256 stake = c.stake;
        _escrowed -= uint128(stake);
        c.status = status;

        uint256 toChallenger;
        uint256 toProvider;
        uint256 burned;
        uint256 feePerWinner;
        address provider = c.provider;
        if (status == Status.Expired || status == Status.Superseded) {
            toChallenger = stake;
        } else {
            uint256 winners = status == Status.Upheld ? c.upholdVotes : c.rejectVotes;
            // Fee first, then the reward, each only as far as the pool holds tokens; the fee rounds down per winner.
            uint256 pool = _rewardPool;
            feePerWinner = Math.min((stake * _settings.validatorFeeBps) / BPS, pool) / winners;
            pool -= feePerWinner * winners;
            if (status == Status.Upheld) {
                // The slasher is this protocol's own module (no callback into the court). The reward follows the
                // share of the claimed percent the caps let through: no reward for a slash that took nothing.
                (uint256 applied, uint256 claimed) = _slash(c, provider);
                uint256 reward = Math.min((stake * _settings.challengerRewardBps * applied) / (BPS * claimed), pool);
                pool -= reward;
                toChallenger = stake + reward;
            } else {
                toProvider = (stake * _settings.providerShareBps) / BPS;
                burned = stake - toProvider;
            }
            _rewardPool = uint128(pool);
            _feesOwed += uint128(feePerWinner * winners);
            // The fee is a share of a uint96 stake.
            c.feePerWinner = uint96(feePerWinner);
        }
        emit ChallengeDecided(
            challengeId,
            status,
            c.upholdVotes,
            c.rejectVotes,
            toChallenger,
            toProvider,
            burned,
            feePerWinner
        );
        if (toChallenger != 0) _TOKEN.safeTransfer(c.challenger, toChallenger);
        if (toProvider != 0) _TOKEN.safeTransfer(provider, toProvider);
        if (burned != 0) ERC20Burnable(address(_TOKEN)).burn(burned);
    }

    /// @inheritdoc IChallengeCourt
    function claimValidatorFee(uint256 challengeId) external returns (uint256 amount) {
        Challenge storage c = _challenges[challengeId];
        uint8 recorded = _votes[challengeId][msg.sender];
        Status status = c.status;
        uint8 winning =
            status == Status.Upheld
                ? VOTED_UPHOLD
                : status == Status.Rejected
                    ? VOTED_REJECT
                    : 0;
        amount = c.feePerWinner;
        if (winning == 0 || recorded != winning || amount == 0) revert NothingToClaim(challengeId, msg.sender);
        _votes[challengeId][msg.sender] = recorded | CLAIMED;
        _feesOwed -= uint128(amount);
        emit ValidatorFeeClaimed(challengeId, msg.sender, amount);
        _TOKEN.safeTransfer(msg.sender, amount);
    }

    // ------------------------------------------------------------------ validators

    /// @inheritdoc IChallengeCourt
    function registerValidator() external {
        Validator storage v = _validators[msg.sender];
        if (v.status != ValidatorStatus.None) revert AlreadyValidator(msg.sender, v.status);
        uint256 bond = _settings.validatorBond;
        v.status = ValidatorStatus.Active;
        v.sinceChallenge = _challengeCount;
        // The bond is bounded by its governed parameter (96 bits).
        v.bond = uint96(bond);
        ++_activeValidators;
        _bonds += uint128(bond);
        _activeBond += uint128(bond);
        emit ValidatorRegistered(msg.sender, bond);
        _TOKEN.safeTransferFrom(msg.sender, address(this), bond);
    }

    /// @inheritdoc IChallengeCourt
    function reactivate() external {
        Validator storage v = _validators[msg.sender];
        if (v.status != ValidatorStatus.Ineligible) revert NotIneligible(msg.sender);
        if (block.timestamp < v.unlockAt) revert ReactivationCooldown(msg.sender, v.unlockAt);
        v.status = ValidatorStatus.Active;
        v.sinceChallenge = _challengeCount;
        v.lastVoted = 0;
        v.unlockAt = 0;
        v.leftAt = 0;
        v.leftBond = 0;
        ++_activeValidators;
        _activeBond += v.bond;
        emit ValidatorReactivated(msg.sender);
    }

    /// @inheritdoc IChallengeCourt
    function reportAbsence(address validator) external {
        Validator storage v = _validators[validator];
        if (v.status != ValidatorStatus.Active) revert ValidatorNotActive(validator, v.status);
        uint256 lastMissed = Math.max(v.lastVoted, v.sinceChallenge) + _settings.maxMissedVotes;
        // Windows close in opening order, so when the last of the run has closed, all of them have.
        if (lastMissed > _challengeCount || block.timestamp < _challenges[lastMissed].votingEnds) {
            revert NotAbsent(validator, lastMissed);
        }
        emit ValidatorAbsent(validator, msg.sender, lastMissed);
        _penaliseAbsence(v, validator, lastMissed);
    }

    /// @inheritdoc IChallengeCourt
    function reportSilence(address validator, uint256 challengeId) external {
        Validator storage v = _validators[validator];
        Challenge storage c = _challenges[challengeId];
        ValidatorStatus status = v.status;
        if (
            status == ValidatorStatus.None ||
            c.status != Status.Open ||
            block.timestamp < c.votingEnds ||
            challengeId <= v.sinceChallenge ||
            (status != ValidatorStatus.Active && challengeId > v.leftAt) ||
            _votes[challengeId][validator] != 0 ||
            _decidable(c)
        ) revert NotSilent(validator, challengeId);
        _votes[challengeId][validator] = REPORTED_SILENT;
        // Eligible, it was active when the challenge opened, with the bond it holds while active (a bond changes only
        // as its holder leaves the set); once out, the bond it left with, whatever penalty it paid on leaving.
        c.setStake -= status == ValidatorStatus.Active ? v.bond : v.leftBond;
        if (status == ValidatorStatus.Active) _penaliseAbsence(v, validator, challengeId);
        else emit AbsencePenalised(validator, msg.sender, challengeId, 0, v.unlockAt);
    }

    /// @inheritdoc IChallengeCourt
    function exitValidator() external {
        Validator storage v = _validators[msg.sender];
        ValidatorStatus status = v.status;
        if (status == ValidatorStatus.None) revert NotValidator(msg.sender);
        if (status == ValidatorStatus.Exiting) revert AlreadyValidator(msg.sender, status);
        if (status == ValidatorStatus.Active) {
            uint96 bond = v.bond;
            --_activeValidators;
            _activeBond -= bond;
            v.leftAt = _challengeCount;
            v.leftBond = bond;
        }
        uint256 unlockAt = Math.max(block.timestamp, _lastVotingEnd) + _settings.votingPeriod;
        v.status = ValidatorStatus.Exiting;
        v.unlockAt = SafeCast.toUint48(unlockAt);
        emit ValidatorExited(msg.sender, unlockAt);
    }

    /// @inheritdoc IChallengeCourt
    function withdrawBond() external returns (uint256 amount) {
        Validator storage v = _validators[msg.sender];
        if (v.status != ValidatorStatus.Exiting) revert NotExiting(msg.sender);
        if (block.timestamp < v.unlockAt) revert BondLocked(msg.sender, v.unlockAt);
        amount = v.bond;
        delete _validators[msg.sender];
        _bonds -= uint128(amount);
        emit ValidatorBondWithdrawn(msg.sender, amount);
        _TOKEN.safeTransfer(msg.sender, amount);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IChallengeCourt
    function challenge(uint256 challengeId) external view returns (Challenge memory) {
        return _challenges[challengeId];
    }

    /// @inheritdoc IChallengeCourt
    function challengeIdOf(address source, bytes32 subjectId) external view returns (uint256) {
        return _challengeOf[keccak256(abi.encode(source, subjectId))];
    }

    /// @inheritdoc IChallengeCourt
    function voteOf(
        uint256 challengeId,
        address validator
    ) external view returns (bool voted, bool uphold, bool claimed) {
        uint8 recorded = _votes[challengeId][validator];
        return (recorded != 0, recorded & VOTED_UPHOLD != 0, recorded & CLAIMED != 0);
    }

    /// @inheritdoc IChallengeCourt
    function validatorOf(address account) external view returns (Validator memory) {
        return _validators[account];
    }

    /// @inheritdoc IChallengeCourt
    function isActiveValidator(address account) external view returns (bool) {
        return _validators[account].status == ValidatorStatus.Active;
    }

    /// @inheritdoc IChallengeCourt
    function activeValidators() external view returns (uint256) {
        return _activeValidators;
    }

    /// @inheritdoc IChallengeCourt
    function activeBond() external view returns (uint256) {
        return _activeBond;
    }

    /// @inheritdoc IChallengeCourt
    function attesterWeight(address account) external view returns (uint256 bond, uint256 totalActive) {
        Validator storage v = _validators[account];
        if (v.status == ValidatorStatus.Active) bond = v.bond;
        totalActive = _activeBond;
    }

    /// @inheritdoc IChallengeCourt
    function challengeCount() external view returns (uint256) {
        return _challengeCount;
    }

    /// @inheritdoc IChallengeCourt
    function challengeStakeFor(uint256 value) external view returns (uint256) {
        return _challengeStake(value);
    }

    /// @inheritdoc IChallengeCourt
    function isSource(address source) external view returns (bool) {
        return _sources[source];
    }

    /// @inheritdoc IChallengeCourt
    function balances() external view returns (uint256 rewardPool, uint256 feesOwed, uint256 escrowed, uint256 bonds) {
        return (_rewardPool, _feesOwed, _escrowed, _bonds);
    }

    /// @inheritdoc IChallengeCourt
    function slasher() external view returns (address) {
        return address(_SLASHER);
    }

    /// @inheritdoc IChallengeCourt
    function token() external view returns (address) {
        return address(_TOKEN);
    }

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        uint256 id = _parameterId(key);
        if (id == 0) return _settings.minChallengeStake;
        if (id == 1) return _settings.challengeStakeBps;
        if (id == 2) return _settings.votingPeriod;
        if (id == 3) return _settings.quorumBps;
        if (id == 4) return _settings.minQuorum;
        if (id == 5) return _settings.majorityBps;
        if (id == 6) return _settings.challengerRewardBps;
        if (id == 7) return _settings.providerShareBps;
        if (id == 8) return _settings.validatorFeeBps;
        if (id == 9) return _settings.validatorBond;
        return _settings.maxMissedVotes;
    }

    // ------------------------------------------------------------------ internals

    /// @dev Slashes the accused provider for an upheld challenge, unless its evidence was used meanwhile; returns the
    /// percent applied and the percent claimed (both in bps; the claimed one is positive).
    function _slash(Challenge storage c, address provider) private returns (uint256 applied, uint256 claimed) {
        bytes32 evidenceId = c.evidenceId;
        ISlasher.Infraction infraction = c.infraction;
        ISlasher.ClassRange memory range = _SLASHER.classRange(infraction);
        // The claimed percent, moved into the class's current range (governance may have changed it meanwhile).
        claimed = Math.min(Math.max(c.bps, range.minBps), range.maxBps);
        if (_SLASHER.evidenceUsed(evidenceId)) return (0, claimed);
        applied = _SLASHER.slash(provider, infraction, claimed, evidenceId).appliedBps;
    }

    /// @dev The outcome of an open challenge whose voting ended; reverts `DecisionPending` while it has neither a
    /// decision nor its quorum and the extra period for reporting silent validators runs. A superseded challenge
    /// follows the higher-class one (`SupersedingPending` until it is decided): `Superseded` if it was upheld or
    /// superseded in turn (a higher class was upheld), its own verdict if it failed.
    function _outcome(uint256 challengeId, Challenge storage c, uint256 votingEnds) private view returns (Status) {
        uint256 supersededBy = c.supersededBy;
        if (supersededBy != 0) {
            Status higher = _challenges[supersededBy].status;
            if (higher == Status.Open) revert SupersedingPending(challengeId, supersededBy);
            if (higher == Status.Upheld || higher == Status.Superseded) return Status.Superseded;
        }
        Status status = _verdict(c);
        if (status != Status.Open) return status;
        uint256 expiresAt = votingEnds + _settings.votingPeriod;
        if (block.timestamp < expiresAt) {
            revert DecisionPending(challengeId, uint256(c.upholdStake) + c.rejectStake, c.setStake, expiresAt);
        }
        return Status.Expired;
    }

    /// @dev Upheld: at least `quorum` voters, a majority of the votes and a bonded majority of the set; rejected: the
    /// quorum voted and the uphold side is no majority of it; otherwise still open.
    function _verdict(Challenge storage c) private view returns (Status) {
        uint256 upheld = c.upholdStake;
        uint256 voted = upheld + c.rejectStake;
        uint256 set = c.setStake;
        bool voters = uint256(c.upholdVotes) + c.rejectVotes >= c.quorum;
        bool majority = upheld * BPS > voted * _settings.majorityBps;
        if (majority) return voters && upheld * 2 > set ? Status.Upheld : Status.Open;
        return voters && voted * BPS >= set * _settings.quorumBps ? Status.Rejected : Status.Open;
    }

    /// @dev Whether a challenge has a verdict already (silence no longer matters to it).
    function _decidable(Challenge storage c) private view returns (bool) {
        return _verdict(c) != Status.Open;
    }

    /// @dev Takes an active validator out of the set: 10% of its bond to the reward pool, and no reactivation before
    /// every challenge open now has closed (and one voting period at least).
    function _penaliseAbsence(Validator storage v, address validator, uint256 challengeId) private {
        uint256 bond = v.bond;
        uint256 penalty = (bond * ABSENCE_PENALTY_BPS) / BPS;
        uint256 reactivatesAt = Math.max(block.timestamp, _lastVotingEnd) + _settings.votingPeriod;
        v.status = ValidatorStatus.Ineligible;
        v.bond = uint96(bond - penalty);
        v.unlockAt = SafeCast.toUint48(reactivatesAt);
        v.leftAt = _challengeCount;
        v.leftBond = uint96(bond);
        --_activeValidators;
        _activeBond -= uint128(bond);
        _bonds -= uint128(penalty);
        _rewardPool += uint128(penalty);
        emit AbsencePenalised(validator, msg.sender, challengeId, penalty, reactivatesAt);
    }

    /// @dev Checks that the caller may challenge the subject now; returns its provider, value and evidence id.
    /// One open challenge per subject, unless a case of the same or a higher class claiming a strictly higher percent
    /// supersedes it (a provider cannot shield a severe case behind a minor one, nor a 15% case behind a 5% one of
    /// the same class, its accomplice opened first; a case claiming no more cannot take an honest case's reward).
    function _checkSubject(
        address source,
        bytes32 subjectId,
        ISlasher.Infraction infraction,
        uint256 bps
    ) private view returns (address provider, uint256 value, bytes32 evidenceId) {
        if (!_sources[source]) revert UnknownSource(source);
        address consumer;
        uint256 deadline;
        (provider, consumer, value, deadline) = IChallengeSource(source).challengeSubject(subjectId);
        if (provider == address(0)) revert UnknownSubject(source, subjectId);
        if (msg.sender != consumer) revert NotSubjectConsumer(msg.sender, consumer);
        if (block.timestamp > deadline) revert ChallengeDeadlinePassed(deadline, block.timestamp);
        if (!_STAKING.isRegistered(provider)) revert UnknownProvider(provider);
        evidenceId = keccak256(abi.encode(source, subjectId));
        uint256 previous = _challengeOf[evidenceId];
        if (previous != 0) {
            Challenge storage p = _challenges[previous];
            if (p.status != Status.Open || p.infraction > infraction || p.bps >= bps) {
                revert AlreadyChallenged(evidenceId, previous);
            }
        }
        if (_SLASHER.evidenceUsed(evidenceId)) revert EvidenceAlreadyUsed(evidenceId);
    }

    /// @dev Emits `ChallengeOpened` from the stored challenge (a helper keeps `openChallenge` within the stack).
    function _emitOpened(uint256 challengeId, address source, bytes32 subjectId, Challenge storage c) private {
        emit ChallengeOpened(
            challengeId,
            source,
            subjectId,
            c.provider,
            c.challenger,
            c.infraction,
            c.bps,
            c.stake,
            c.votingEnds,
            c.quorum
        );
    }

    /// @dev An open challenge; reverts `UnknownChallenge` or `ChallengeNotOpen`.
    function _openChallenge(uint256 challengeId) private view returns (Challenge storage c) {
        c = _challenges[challengeId];
        Status status = c.status;
        if (status == Status.None) revert UnknownChallenge(challengeId);
        if (status != Status.Open) revert ChallengeNotOpen(challengeId, status);
    }

    /// @dev `minChallengeStake + value x challengeStakeBps / 10,000`, rounded up (against the challenger).
    function _challengeStake(uint256 value) private view returns (uint256) {
        return _settings.minChallengeStake + Math.mulDiv(value, _settings.challengeStakeBps, BPS, Math.Rounding.Ceil);
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        if (!_store(_parameterId(key), value)) revert InvalidParameterValue(key, value);
    }

    /// @dev Stores parameter `id` if the court can work with `value`; returns false otherwise.
    function _store(uint256 id, uint256 value) private returns (bool) {
        if (id == 0 || id == 9) {
            // Stakes and bonds: positive, and small enough for the 96-bit fields that hold them.
            if (value == 0 || value > type(uint96).max) return false;
            if (id == 0) _settings.minChallengeStake = uint128(value);
            else _settings.validatorBond = uint128(value);
        } else if (id == 2) {
            if (value == 0 || value > type(uint32).max) return false;
            _settings.votingPeriod = uint48(value);
        } else if (id == 4 || id == 10) {
            if (value == 0 || value > type(uint32).max) return false;
            if (id == 4) _settings.minQuorum = uint32(value);
            else _settings.maxMissedVotes = uint32(value);
        } else {
            // Shares in bps; a quorum share is positive; a majority is at least half and below everything.
            if (value > BPS || (id == 3 && value == 0) || (id == 5 && (value < BPS / 2 || value == BPS))) {
                return false;
            }
            uint16 v = uint16(value);
            if (id == 1) _settings.challengeStakeBps = v;
            else if (id == 3) _settings.quorumBps = v;
            else if (id == 5) _settings.majorityBps = v;
            else if (id == 6) _settings.challengerRewardBps = v;
            else if (id == 7) _settings.providerShareBps = v;
            else _settings.validatorFeeBps = v;
        }
        return true;
    }

    /// @dev A key's id: its position in `_keys()`; reverts `UnknownParameter` for other keys.
    function _parameterId(bytes32 key) private pure returns (uint256) {
        bytes32[11] memory keys = _keys();
        for (uint256 id; id < keys.length; ++id) {
            if (key == keys[id]) return id;
        }
        revert UnknownParameter(key);
    }

    function _keys() private pure returns (bytes32[11] memory) {
        return
            [
                SlashingKeys.MIN_CHALLENGE_STAKE,
                SlashingKeys.CHALLENGE_STAKE_BPS,
                SlashingKeys.VOTING_PERIOD,
                SlashingKeys.QUORUM_BPS,
                SlashingKeys.MIN_QUORUM,
                SlashingKeys.MAJORITY_BPS,
                SlashingKeys.CHALLENGER_REWARD_BPS,
                SlashingKeys.PROVIDER_SHARE_BPS,
                SlashingKeys.VALIDATOR_FEE_BPS,
                SlashingKeys.VALIDATOR_BOND,
                SlashingKeys.MAX_MISSED_VOTES
            ];
    }
}
