// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IChallengeCourt} from "../../../contracts/interfaces/IChallengeCourt.sol";
import {ISlasher} from "../../../contracts/interfaces/ISlasher.sol";
import {ChallengeCourt} from "../../../contracts/slashing/ChallengeCourt.sol";
import {ProtocolToken} from "../../../contracts/token/ProtocolToken.sol";
import {Test} from "../../utils/Test.sol";
import {MockChallengeSource} from "../mocks/MockChallengeSource.sol";

/// @notice The court's decision rule, computed independently of the court (kept apart to keep the handler small).
contract CourtModel {
    uint256 internal constant BPS = 10_000;
    ChallengeCourt public immutable court;

    constructor(ChallengeCourt court_) {
        court = court_;
    }

    /// @dev Whether the model lets `v` be reported silent on `id`.
    function silent(
        uint256 id,
        address v,
        IChallengeCourt.Challenge memory c,
        IChallengeCourt.Validator memory record
    ) external view returns (bool) {
        (bool voted, , ) = court.voteOf(id, v);
        return
            record.status != IChallengeCourt.ValidatorStatus.None &&
            c.status == IChallengeCourt.Status.Open &&
            block.timestamp >= c.votingEnds &&
            id > record.sinceChallenge &&
            // A validator out of the set was in it for the challenges opened before it left.
            (record.status == IChallengeCourt.ValidatorStatus.Active || id <= record.leftAt) &&
            !voted &&
            this.verdict(c) == IChallengeCourt.Status.Open;
    }

    /// @dev The error a vote of `v` on `id` must raise (empty: none).
    function voteError(uint256 id, address v) external view returns (bytes memory) {
        IChallengeCourt.Challenge memory c = court.challenge(id);
        IChallengeCourt.Validator memory record = court.validatorOf(v);
        if (c.status == IChallengeCourt.Status.None) {
            return abi.encodeWithSelector(IChallengeCourt.UnknownChallenge.selector, id);
        }
        if (c.status != IChallengeCourt.Status.Open) {
            return abi.encodeWithSelector(IChallengeCourt.ChallengeNotOpen.selector, id, c.status);
        }
        if (block.timestamp >= c.votingEnds) {
            return abi.encodeWithSelector(IChallengeCourt.VotingClosed.selector, id, c.votingEnds);
        }
        if (record.status == IChallengeCourt.ValidatorStatus.None) {
            return abi.encodeWithSelector(IChallengeCourt.NotValidator.selector, v);
        }
        if (record.status != IChallengeCourt.ValidatorStatus.Active) {
            return abi.encodeWithSelector(IChallengeCourt.ValidatorNotActive.selector, v, record.status);
        }
        if (id <= record.sinceChallenge) {
            return abi.encodeWithSelector(IChallengeCourt.NotEligibleForChallenge.selector, v, id);
        }
        (bool voted, , ) = court.voteOf(id, v);
        if (voted) return abi.encodeWithSelector(IChallengeCourt.AlreadyVoted.selector, id, v);
        return "";
    }

    /// @dev The `DecisionPending` error of a challenge without a verdict.
    function pendingError(uint256 id, IChallengeCourt.Challenge memory c) external view returns (bytes memory) {
        uint256 expiresAt = uint256(c.votingEnds) + court.parameter(keccak256("slashing.votingPeriod"));
        return
            abi.encodeWithSelector(
                IChallengeCourt.DecisionPending.selector,
                id,
                uint256(c.upholdStake) + c.rejectStake,
                c.setStake,
                expiresAt
            );
    }

    /// @dev The court's verdict as the model computes it: upheld by a bonded majority of the votes and of the set
    /// with the minimum of voters; rejected once the quorum voted without an uphold majority; otherwise open.
    function verdict(IChallengeCourt.Challenge memory c) external view returns (IChallengeCourt.Status) {
        uint256 voted = uint256(c.upholdStake) + c.rejectStake;
        bool voters = uint256(c.upholdVotes) + c.rejectVotes >= c.quorum;
        bool majority = uint256(c.upholdStake) * BPS > voted * court.parameter(keccak256("slashing.majorityBps"));
        if (majority) {
            return
                voters && uint256(c.upholdStake) * 2 > c.setStake
                    ? IChallengeCourt.Status.Upheld
                    : IChallengeCourt.Status.Open;
        }
        return
            voters && voted * BPS >= uint256(c.setStake) * court.parameter(keccak256("slashing.quorumBps"))
                ? IChallengeCourt.Status.Rejected
                : IChallengeCourt.Status.Open;
    }
}

/// @notice Drives the court through random sequences of validator registrations, exits, bond withdrawals,
/// reactivations, absence reports, challenges, votes, decisions, fee claims, pool funding and time. Each call that
/// may fail predicts its exact error; the ghost model records what entered and left the court and every outcome.
contract CourtHandler is Test {
    uint256 internal constant BPS = 10_000;

    ChallengeCourt public immutable court;
    ISlasher public immutable slasher;
    ProtocolToken public immutable token;
    MockChallengeSource public immutable source;
    CourtModel public immutable model;
    address public immutable minter;
    address public immutable consumer;

    address[] public providers;
    address[] public candidates;
    uint256[] public challengeIds;

    uint256 public ghostFunded;
    uint256 public ghostFeesAllocated;
    uint256 public ghostFeesClaimed;
    uint256 public ghostRewardsPaid;
    mapping(bytes32 evidenceId => uint256) public ghostSlashesWith;
    /// @dev The set each challenge is weighed against, by the handler's own count: the bonds of the records active
    /// when it opened (`_bondAtOpen`), less each one reported silent on it.
    mapping(uint256 id => uint256) public ghostSetStake;
    mapping(uint256 id => mapping(address validator => uint256)) internal _bondAtOpen;
    uint256 internal _nonce;
    mapping(bytes32 action => uint256) public calls;

    constructor(
        ChallengeCourt court_,
        ProtocolToken token_,
        MockChallengeSource source_,
        CourtModel model_,
        address minter_,
        address consumer_,
        address[] memory providers_,
        address[] memory candidates_
    ) {
        court = court_;
        slasher = ISlasher(court_.slasher());
        token = token_;
        source = source_;
        model = model_;
        minter = minter_;
        consumer = consumer_;
        providers = providers_;
        candidates = candidates_;
    }

    function candidateCount() external view returns (uint256) {
        return candidates.length;
    }

    function challengeCount() external view returns (uint256) {
        return challengeIds.length;
    }

    // ------------------------------------------------------------------ helpers

    function _fund(address account, uint256 amount) internal {
        vm.prank(minter);
        token.mint(account, amount);
        vm.prank(account);
        token.approve(address(court), amount);
    }

    function _candidate(uint256 seed) internal view returns (address) {
        return candidates[seed % candidates.length];
    }

    /// @dev Three times in four one of the three latest challenges (so votes and decisions meet open ones).
    function _challenge(uint256 seed) internal view returns (uint256) {
        uint256 n = challengeIds.length;
        if (n == 0) return 1;
        if (seed % 4 != 0 && n > 3) return challengeIds[n - 1 - ((seed >> 2) % 3)];
        return challengeIds[seed % n];
    }

    function _expect(bytes memory reason, bytes memory expected) internal pure {
        assertEq(keccak256(reason), keccak256(expected), "unexpected error");
    }

    // ------------------------------------------------------------------ validators

    function registerValidator(uint256 seed) external {
        address v = _candidate(seed);
        if (court.validatorOf(v).status != IChallengeCourt.ValidatorStatus.None) return;
        _fund(v, court.parameter(keccak256("slashing.validatorBond")));
        vm.prank(v);
        court.registerValidator();
        calls["registerValidator"]++;
    }

    function exitValidator(uint256 seed) external {
        address v = _candidate(seed);
        IChallengeCourt.ValidatorStatus status = court.validatorOf(v).status;
        if (status == IChallengeCourt.ValidatorStatus.None || status == IChallengeCourt.ValidatorStatus.Exiting) return;
        vm.prank(v);
        court.exitValidator();
        calls["exitValidator"]++;
    }

    function withdrawBond(uint256 seed) external {
        address v = _candidate(seed);
        IChallengeCourt.Validator memory record = court.validatorOf(v);
        vm.prank(v);
        try court.withdrawBond() returns (uint256 amount) {
            assertEq(amount, record.bond, "the bond paid back");
            calls["withdrawBond"]++;
        } catch (bytes memory reason) {
            if (record.status != IChallengeCourt.ValidatorStatus.Exiting) {
                _expect(reason, abi.encodeWithSelector(IChallengeCourt.NotExiting.selector, v));
            } else {
                _expect(reason, abi.encodeWithSelector(IChallengeCourt.BondLocked.selector, v, record.unlockAt));
            }
        }
    }

    function reactivate(uint256 seed) external {
        address v = _candidate(seed);
        for (uint256 i; i < candidates.length; ++i) {
            address candidate = candidates[((seed % candidates.length) + i) % candidates.length];
            if (court.validatorOf(candidate).status == IChallengeCourt.ValidatorStatus.Ineligible) v = candidate;
        }
        IChallengeCourt.Validator memory record = court.validatorOf(v);
        if (record.status != IChallengeCourt.ValidatorStatus.Ineligible) return;
        vm.prank(v);
        try court.reactivate() {
            assertGe(block.timestamp, record.unlockAt, "not before the cooldown");
            calls["reactivate"]++;
        } catch (bytes memory reason) {
            _expect(reason, abi.encodeWithSelector(IChallengeCourt.ReactivationCooldown.selector, v, record.unlockAt));
        }
    }

    function reportAbsence(uint256 seed) external {
        address v = _candidate(seed);
        // Three times in four, a candidate that can be reported, if there is one (at most six to look at).
        if (seed % 4 != 0) {
            for (uint256 i; i < candidates.length; ++i) {
                address candidate = candidates[((seed % candidates.length) + i) % candidates.length];
                if (_reportable(candidate)) v = candidate;
            }
        }
        IChallengeCourt.Validator memory record = court.validatorOf(v);
        try court.reportAbsence(v) {
            assertEq(uint256(record.status), uint256(IChallengeCourt.ValidatorStatus.Active), "only active ones");
            // 10% of the bond moves to the reward pool.
            assertEq(court.validatorOf(v).bond, record.bond - record.bond / 10, "penalised");
            ghostFunded += record.bond / 10;
            calls["reportAbsence"]++;
        } catch (bytes memory reason) {
            if (record.status != IChallengeCourt.ValidatorStatus.Active) {
                _expect(reason, abi.encodeWithSelector(IChallengeCourt.ValidatorNotActive.selector, v, record.status));
            } else {
                uint256 base = record.lastVoted > record.sinceChallenge ? record.lastVoted : record.sinceChallenge;
                uint256 lastMissed = base + court.parameter(keccak256("slashing.maxMissedVotes"));
                _expect(reason, abi.encodeWithSelector(IChallengeCourt.NotAbsent.selector, v, lastMissed));
            }
        }
    }

    /// @dev Reports a validator silent on a challenge: succeeds exactly when the model says it may.
    function reportSilence(uint256 cSeed, uint256 vSeed) external {
        uint256 id = _challenge(cSeed);
        address v = _candidate(vSeed);
        IChallengeCourt.Challenge memory c = court.challenge(id);
        IChallengeCourt.Validator memory record = court.validatorOf(v);
        bool silent = model.silent(id, v, c, record);
        try court.reportSilence(v, id) {
            assertTrue(silent, "reported a validator that was not silent");
            _silenced(id, v, c.setStake, record);
            calls["reportSilence"]++;
        } catch (bytes memory reason) {
            assertFalse(silent, "a silent validator could not be reported");
            _expect(reason, abi.encodeWithSelector(IChallengeCourt.NotSilent.selector, v, id));
        }
    }

    /// @dev After `v` was reported silent on `id`: exactly the bond it added to the set at opening left it (whatever
    /// its bond now), and only once (the record is cleared); an active one paid 10% to the pool.
    function _silenced(uint256 id, address v, uint256 setBefore, IChallengeCourt.Validator memory record) internal {
        uint256 added = _bondAtOpen[id][v];
        assertGt(added, 0, "reported on a challenge whose set it was not in");
        assertEq(court.challenge(id).setStake, setBefore - added, "the bond it added leaves the set");
        ghostSetStake[id] -= added;
        delete _bondAtOpen[id][v];
        if (record.status == IChallengeCourt.ValidatorStatus.Active) ghostFunded += record.bond / 10;
    }

    /// @dev Records the set a challenge just opened is weighed against: every active record, at its bond now.
    function _recordSet(uint256 id) internal {
        uint256 set;
        for (uint256 i; i < candidates.length; ++i) {
            IChallengeCourt.Validator memory record = court.validatorOf(candidates[i]);
            if (record.status != IChallengeCourt.ValidatorStatus.Active) continue;
            _bondAtOpen[id][candidates[i]] = record.bond;
            set += record.bond;
        }
        ghostSetStake[id] = set;
        assertEq(court.challenge(id).setStake, set, "the set weighed is the active bonds");
    }

    /// @dev Active and missed `maxMissedVotes` challenges in a row, the last of them closed.
    function _reportable(address v) internal view returns (bool) {
        IChallengeCourt.Validator memory record = court.validatorOf(v);
        if (record.status != IChallengeCourt.ValidatorStatus.Active) return false;
        uint256 base = record.lastVoted > record.sinceChallenge ? record.lastVoted : record.sinceChallenge;
        uint256 lastMissed = base + court.parameter(keccak256("slashing.maxMissedVotes"));
        return lastMissed <= court.challengeCount() && block.timestamp >= court.challenge(lastMissed).votingEnds;
    }

    // ------------------------------------------------------------------ challenges

    function openChallenge(uint256 pSeed, uint256 classSeed, uint256 bpsSeed, uint256 value) external {
        address p = providers[pSeed % providers.length];
        ISlasher.Infraction c = ISlasher.Infraction(classSeed % 3);
        ISlasher.ClassRange memory range = slasher.classRange(c);
        uint256 bps = bound(bpsSeed, range.minBps, range.maxBps);
        value = bound(value, 0, 100_000 ether);
        bytes32 subjectId = keccak256(abi.encode("subject", ++_nonce));
        source.setSubject(subjectId, p, consumer, value, block.timestamp + 7 days);
        uint256 stake = court.challengeStakeFor(value);
        _fund(consumer, stake);
        uint256 active = court.activeValidators();
        vm.prank(consumer);
        try court.openChallenge(address(source), subjectId, c, bps) returns (uint256 id) {
            challengeIds.push(id);
            _recordSet(id);
            assertEq(court.challenge(id).stake, stake, "stake as quoted");
            calls["openChallenge"]++;
        } catch (bytes memory reason) {
            uint256 minQuorum = court.parameter(keccak256("slashing.minQuorum"));
            _expect(reason, abi.encodeWithSelector(IChallengeCourt.NotEnoughValidators.selector, active, minQuorum));
            // The consumer keeps the unspent stake; it is burned so the ghost supply stays simple.
            vm.prank(consumer);
            token.burn(stake);
        }
    }

    /// @dev Casts one to three votes on a challenge (bit `k` of `upholdMask` is the `k`-th vote); three times in four
    /// each voter is one who may vote, if there is one (at most six to look at), else a random candidate.
    function vote(uint256 cSeed, uint256 vSeed, uint256 upholdMask) external {
        uint256 id = _challenge(cSeed);
        uint256 count = 1 + ((upholdMask >> 8) % 3);
        for (uint256 k; k < count; ++k) {
            address v = _candidate((vSeed % candidates.length) + k);
            if ((vSeed >> k) % 4 != 0) {
                for (uint256 i; i < candidates.length; ++i) {
                    address candidate = candidates[((vSeed % candidates.length) + k + i) % candidates.length];
                    if (model.voteError(id, candidate).length == 0) {
                        v = candidate;
                        break;
                    }
                }
            }
            _vote(id, v, (upholdMask >> k) & 1 == 1);
        }
    }

    function _vote(uint256 id, address v, bool uphold) internal {
        bytes memory expected = model.voteError(id, v);
        vm.prank(v);
        try court.vote(id, uphold) {
            assertEq(expected.length, 0, "a vote that should have been refused");
            calls["vote"]++;
        } catch (bytes memory reason) {
            _expect(reason, expected);
        }
    }

    function decide(uint256 cSeed) external {
        uint256 id = _challenge(cSeed);
        IChallengeCourt.Challenge memory c = court.challenge(id);
        // One time in three, wait for the end of an open challenge's vote first.
        if (c.status == IChallengeCourt.Status.Open && cSeed % 3 == 0 && block.timestamp < c.votingEnds) {
            vm.warp(c.votingEnds);
        }
        uint256 challengerBefore = token.balanceOf(consumer);
        IChallengeCourt.Status expected = model.verdict(c);
        try court.decide(id) returns (IChallengeCourt.Status status) {
            IChallengeCourt.Challenge memory after_ = court.challenge(id);
            uint256 paid = token.balanceOf(consumer) - challengerBefore;
            if (status == IChallengeCourt.Status.Expired) {
                assertEq(uint256(expected), uint256(IChallengeCourt.Status.Open), "expired only without a verdict");
                assertGe(
                    block.timestamp,
                    uint256(c.votingEnds) + court.parameter(keccak256("slashing.votingPeriod")),
                    "after the extra period"
                );
                assertEq(paid, c.stake, "expired: stake back");
            } else {
                assertEq(uint256(status), uint256(expected), "the bonded verdict decides");
                bool upheld = status == IChallengeCourt.Status.Upheld;
                // No provider loses stake without a bonded majority of the set weighed.
                if (upheld) assertGt(uint256(c.upholdStake) * 2, c.setStake, "upheld by a majority of the set");
                uint256 winners = upheld ? c.upholdVotes : c.rejectVotes;
                ghostFeesAllocated += uint256(after_.feePerWinner) * winners;
                if (upheld) {
                    assertGe(paid, c.stake, "upheld: stake back and a reward");
                    ghostRewardsPaid += paid - c.stake;
                    assertTrue(slasher.evidenceUsed(c.evidenceId), "upheld: evidence used");
                    ghostSlashesWith[c.evidenceId] += 1;
                } else {
                    assertEq(paid, 0, "rejected: the challenger loses its stake");
                }
            }
            calls["decide"]++;
        } catch (bytes memory reason) {
            if (c.status == IChallengeCourt.Status.None) {
                _expect(reason, abi.encodeWithSelector(IChallengeCourt.UnknownChallenge.selector, id));
            } else if (c.status != IChallengeCourt.Status.Open) {
                _expect(reason, abi.encodeWithSelector(IChallengeCourt.ChallengeNotOpen.selector, id, c.status));
            } else if (block.timestamp < c.votingEnds) {
                _expect(reason, abi.encodeWithSelector(IChallengeCourt.VotingNotEnded.selector, id, c.votingEnds));
            } else {
                assertEq(uint256(expected), uint256(IChallengeCourt.Status.Open), "pending only without a verdict");
                _expect(reason, model.pendingError(id, c));
            }
        }
    }

    function claimFee(uint256 cSeed, uint256 vSeed) external {
        uint256 id = _challenge(cSeed);
        address v = _candidate(vSeed);
        // Every other time, a candidate who can claim, if there is one (at most six to look at).
        if (vSeed % 2 == 0) v = _claimant(id, v);
        uint256 fee = court.challenge(id).feePerWinner;
        vm.prank(v);
        try court.claimValidatorFee(id) returns (uint256 amount) {
            assertEq(amount, fee, "the share");
            ghostFeesClaimed += amount;
            calls["claimFee"]++;
        } catch (bytes memory reason) {
            _expect(reason, abi.encodeWithSelector(IChallengeCourt.NothingToClaim.selector, id, v));
        }
    }

    function _claimant(uint256 id, address fallback_) internal view returns (address) {
        IChallengeCourt.Status status = court.challenge(id).status;
        for (uint256 i; i < candidates.length; ++i) {
            (bool voted, bool uphold, bool claimed) = court.voteOf(id, candidates[i]);
            if (voted && !claimed && uphold == (status == IChallengeCourt.Status.Upheld)) return candidates[i];
        }
        return fallback_;
    }

    function fundRewards(uint256 amount) external {
        amount = bound(amount, 1, 5_000 ether);
        _fund(address(this), amount);
        court.fundRewards(amount);
        ghostFunded += amount;
        calls["fundRewards"]++;
    }

    /// Tokens paid by plain transfer (the market's validator fee, a treasury grant), then absorbed into the pool;
    /// an absorb with nothing beyond what the court owes must refuse.
    function transferAndAbsorb(uint256 amount, bool transferFirst) external {
        if (!transferFirst) {
            try court.absorbBalance() {
                revert("absorbed a balance the court owes");
            } catch (bytes memory reason) {
                _expect(reason, abi.encodeWithSelector(IChallengeCourt.ZeroAmount.selector));
            }
            calls["absorbNothing"]++;
            return;
        }
        amount = bound(amount, 1, 5_000 ether);
        vm.prank(minter);
        token.mint(address(court), amount);
        (uint256 poolBefore, , , ) = court.balances();
        assertEq(court.absorbBalance(), amount, "absorbs exactly the transfer");
        (uint256 poolAfter, , , ) = court.balances();
        assertEq(poolAfter, poolBefore + amount, "into the pool");
        ghostFunded += amount;
        calls["transferAndAbsorb"]++;
    }

    function warp(uint256 secondsAhead) external {
        vm.warp(block.timestamp + bound(secondsAhead, 1, 2 days));
        calls["warp"]++;
    }
}
