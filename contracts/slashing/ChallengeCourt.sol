// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Parameterized} from "../governance/Parameterized.sol";
import {IChallengeCourt} from "../interfaces/IChallengeCourt.sol";
import {IChallengeSource} from "../interfaces/IChallengeSource.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IProviderStaking} from "../interfaces/IProviderStaking.sol";
import {ISlasher} from "../interfaces/ISlasher.sol";
import {SlashingKeys} from "../libraries/SlashingKeys.sol";

/// @title ChallengeCourt
/// @notice Consumers challenge settled results with a stake, registered validators vote, anyone decides after the
/// window; upheld challenges slash through the slasher. Immutable, AccessManaged; every function is O(1).
/// @dev The token is the preset's ProtocolToken (no hooks, no fees); sources are registered by governance and only
/// read (view). Every function follows checks-effects-interactions, with the slash and the transfers last.
contract ChallengeCourt is IChallengeCourt, Parameterized {
    using SafeERC20 for IERC20;

    uint256 private constant BPS = 10_000;
    uint8 private constant VOTED_UPHOLD = 1;
    uint8 private constant VOTED_REJECT = 2;
    uint8 private constant CLAIMED = 4;

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
        (address provider, uint256 value, bytes32 evidenceId) = _checkSubject(source, subjectId);
        ISlasher.ClassRange memory range = _SLASHER.classRange(infraction);
        if (bps < range.minBps || bps > range.maxBps) {
            revert PercentOutsideClass(infraction, bps, range.minBps, range.maxBps);
        }
        uint256 active = _activeValidators;
        uint256 quorum = Math.max(
            _settings.minQuorum,
            Math.mulDiv(active, _settings.quorumBps, BPS, Math.Rounding.Ceil)
        );
        if (quorum > active) revert NotEnoughValidators(active, quorum);

        uint256 stake = _challengeStake(value);
        uint256 votingEnds = Math.max(block.timestamp + _settings.votingPeriod, _lastVotingEnd);
        challengeId = _challengeCount + 1;
        _challengeCount = uint40(challengeId);
        _lastVotingEnd = SafeCast.toUint48(votingEnds);
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
        c.evidenceId = evidenceId;
        _emitOpened(challengeId, source, subjectId, c);
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
        // Vote counts are bounded by the number of validators (40 bits).
        if (uphold) ++c.upholdVotes;
        else ++c.rejectVotes;
        if (challengeId > v.lastVoted) v.lastVoted = uint40(challengeId);
        emit Voted(challengeId, msg.sender, uphold);
    }

    /// @inheritdoc IChallengeCourt
    function decide(uint256 challengeId) external returns (Status status) {
        Challenge storage c = _openChallenge(challengeId);
        if (block.timestamp < c.votingEnds) revert VotingNotEnded(challengeId, c.votingEnds);
        uint256 upholdVotes = c.upholdVotes;
        uint256 rejectVotes = c.rejectVotes;
        uint256 votes = upholdVotes + rejectVotes;
        uint256 stake = c.stake;
        _escrowed -= uint128(stake);

        uint256 toChallenger;
        uint256 toProvider;
        uint256 burned;
        uint256 feePerWinner;
        if (votes < c.quorum) {
            status = Status.Expired;
            toChallenger = stake;
        } else {
            status = upholdVotes * BPS > votes * _settings.majorityBps ? Status.Upheld : Status.Rejected;
            uint256 winners = status == Status.Upheld ? upholdVotes : rejectVotes;
            // Fee first, then the reward, each only as far as the pool holds tokens; the fee rounds down per winner.
            uint256 pool = _rewardPool;
            feePerWinner = Math.min((stake * _settings.validatorFeeBps) / BPS, pool) / winners;
            uint256 fees = feePerWinner * winners;
            pool -= fees;
            if (status == Status.Upheld) {
                uint256 reward = Math.min((stake * _settings.challengerRewardBps) / BPS, pool);
                pool -= reward;
                toChallenger = stake + reward;
            } else {
                toProvider = (stake * _settings.providerShareBps) / BPS;
                burned = stake - toProvider;
            }
            _rewardPool = uint128(pool);
            _feesOwed += uint128(fees);
            // The fee is a share of a uint96 stake.
            c.feePerWinner = uint96(feePerWinner);
        }
        c.status = status;
        emit ChallengeDecided(
            challengeId,
            status,
            upholdVotes,
            rejectVotes,
            toChallenger,
            toProvider,
            burned,
            feePerWinner
        );

        address provider = c.provider;
        if (status == Status.Upheld) _slash(c, provider);
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
        emit ValidatorRegistered(msg.sender, bond);
        _TOKEN.safeTransferFrom(msg.sender, address(this), bond);
    }

    /// @inheritdoc IChallengeCourt
    function reactivate() external {
        Validator storage v = _validators[msg.sender];
        if (v.status != ValidatorStatus.Ineligible) revert NotIneligible(msg.sender);
        v.status = ValidatorStatus.Active;
        v.sinceChallenge = _challengeCount;
        v.lastVoted = 0;
        ++_activeValidators;
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
        v.status = ValidatorStatus.Ineligible;
        --_activeValidators;
        emit ValidatorAbsent(validator, msg.sender, lastMissed);
    }

    /// @inheritdoc IChallengeCourt
    function exitValidator() external {
        Validator storage v = _validators[msg.sender];
        ValidatorStatus status = v.status;
        if (status == ValidatorStatus.None) revert NotValidator(msg.sender);
        if (status == ValidatorStatus.Exiting) revert AlreadyValidator(msg.sender, status);
        if (status == ValidatorStatus.Active) --_activeValidators;
        uint256 unlockAt = Math.max(block.timestamp + _settings.votingPeriod, _lastVotingEnd);
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

    /// @dev Slashes the accused provider for an upheld challenge, unless its evidence was used meanwhile.
    function _slash(Challenge storage c, address provider) private {
        bytes32 evidenceId = c.evidenceId;
        if (_SLASHER.evidenceUsed(evidenceId)) return;
        ISlasher.Infraction infraction = c.infraction;
        ISlasher.ClassRange memory range = _SLASHER.classRange(infraction);
        // The claimed percent, moved into the class's current range (governance may have changed it meanwhile).
        uint256 bps = Math.min(Math.max(c.bps, range.minBps), range.maxBps);
        _SLASHER.slash(provider, infraction, bps, evidenceId);
    }

    /// @dev Checks that the caller may challenge the subject now; returns its provider, value and evidence id.
    function _checkSubject(
        address source,
        bytes32 subjectId
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
        if (previous != 0) revert AlreadyChallenged(evidenceId, previous);
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
