// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IChallengeCourt} from "../../../contracts/interfaces/IChallengeCourt.sol";
import {IMetricsRegistry} from "../../../contracts/interfaces/IMetricsRegistry.sol";
import {ISlasher} from "../../../contracts/interfaces/ISlasher.sol";
import {ChallengeCourt} from "../../../contracts/slashing/ChallengeCourt.sol";
import {ProtocolToken} from "../../../contracts/token/ProtocolToken.sol";
import {MockChallengeSource} from "../mocks/MockChallengeSource.sol";
import {CourtHandler, CourtModel} from "./CourtHandler.sol";

/// @notice One attacker with many small-bond validator identities (Sybils) against a few honest validators with
/// larger bonds, on both slashing paths. The attacker's challenger accuses the HONEST provider (every charge against it
/// is false) and its Sybils vote to uphold and attest it down; the COLLUDING provider really breaches (every charge
/// against it is true), the honest challenger accuses it, the honest validators vote to uphold and attest it down,
/// and the Sybils vote to reject, stay silent or attest it up. Identities `0 .. HONEST - 1` of `candidates` are the
/// honest validators (they never exit; they may be absent, be reported and reactivate), the rest are Sybils (they
/// register, exit, withdraw and re-register). Time moves only through `elapse`, which decides every challenge whose
/// vote ends on the way (reporting each silent validator first), so every decidable challenge is decided in time.
/// The court's books are kept by the inherited `CourtHandler` ghosts (its pool funding, absorb, fee claim,
/// reactivation and absence steps are reused as they are).
contract CollusionHandler is CourtHandler {
    uint256 public constant HONEST = 3;
    uint256 internal constant MIN_QUORUM = 3;

    IMetricsRegistry public immutable metrics;
    address public immutable honestProvider;
    address public immutable colluder;
    address public immutable attacker;

    /// @dev The votes on a challenge, by the handler's own count (the set it is weighed against is the inherited
    /// `ghostSetStake`).
    struct Tally {
        uint256 uphold;
        uint256 reject;
        uint256 honestUphold;
        uint256 voters;
    }

    mapping(uint256 id => Tally) public tallies;
    uint256 internal _settled;

    /// @dev One provider's epoch as attested: count, attested bonds, bonds attesting it down, the largest active set
    /// seen while it was attested; the next epoch each validator may attest.
    struct EpochTally {
        uint256 count;
        uint256 stake;
        uint256 down;
        uint256 maxSet;
        bool proven;
    }

    mapping(address provider => mapping(uint256 epoch => EpochTally)) public epochs;
    mapping(address validator => mapping(address provider => uint256)) internal _nextAttestable;

    /// @dev Invariant 1: what the honest provider lost, every false slash, and those without a bonded majority.
    uint256 public ghostHonestBurned;
    uint256 public ghostFalseSlashes;
    uint256 public ghostUnbackedFalseSlashes;
    /// @dev Invariant 2: true challenges decided with an honest bonded majority of the votes and a quorum of voters,
    /// and those not upheld.
    uint256 public ghostTrueWithHonestMajority;
    uint256 public ghostTrueBlocked;
    /// @dev Coverage: true proofs the honest bonds carried, and decisions the Sybils' bonds carried alone.
    uint256 public ghostTrueProofs;
    uint256 public ghostSybilCarried;

    constructor(
        ChallengeCourt court_,
        ProtocolToken token_,
        MockChallengeSource source_,
        IMetricsRegistry metrics_,
        address minter_,
        address[2] memory challengers,
        address[] memory providers_,
        address[] memory candidates_
    ) CourtHandler(court_, token_, source_, new CourtModel(court_), minter_, challengers[0], providers_, candidates_) {
        metrics = metrics_;
        honestProvider = providers_[0];
        colluder = providers_[1];
        attacker = challengers[1];
    }

    // ------------------------------------------------------------------ validators

    /// @dev A Sybil without a record registers with the current (minimum) bond.
    function sybilJoin(uint256 seed) external {
        address v = _sybil(seed, IChallengeCourt.ValidatorStatus.None);
        if (v == address(0)) return;
        _fund(v, court.parameter(keccak256("slashing.validatorBond")));
        vm.prank(v);
        court.registerValidator();
        calls["sybilJoin"]++;
    }

    /// @dev An active or ineligible Sybil leaves the set.
    function sybilLeave(uint256 seed) external {
        address v = _sybil(seed, IChallengeCourt.ValidatorStatus.Active);
        if (v == address(0)) v = _sybil(seed, IChallengeCourt.ValidatorStatus.Ineligible);
        if (v == address(0)) return;
        vm.prank(v);
        court.exitValidator();
        calls["sybilLeave"]++;
    }

    /// @dev An exiting Sybil takes its bond back once unlocked.
    function sybilWithdraw(uint256 seed) external {
        address v = _sybil(seed, IChallengeCourt.ValidatorStatus.Exiting);
        if (v == address(0)) return;
        IChallengeCourt.Validator memory record = court.validatorOf(v);
        vm.prank(v);
        try court.withdrawBond() returns (uint256 amount) {
            assertEq(amount, record.bond, "the bond paid back");
            calls["sybilWithdraw"]++;
        } catch (bytes memory reason) {
            _expect(reason, abi.encodeWithSelector(IChallengeCourt.BondLocked.selector, v, record.unlockAt));
        }
    }

    /// @dev The first Sybil from `seed` on with `status`, or none.
    function _sybil(uint256 seed, IChallengeCourt.ValidatorStatus status) internal view returns (address) {
        uint256 n = candidates.length - HONEST;
        for (uint256 i; i < n; ++i) {
            address v = candidates[HONEST + (((seed % n) + i) % n)];
            if (court.validatorOf(v).status == status) return v;
        }
        return address(0);
    }

    // ------------------------------------------------------------------ challenges

    /// @dev The attacker's challenger accuses the honest provider (a false charge).
    function attackerChallenge(uint256 classSeed, uint256 bpsSeed, uint256 value) external {
        _openCase(honestProvider, attacker, classSeed, bpsSeed, value);
    }

    /// @dev The honest challenger accuses the colluding provider (a true charge).
    function honestChallenge(uint256 classSeed, uint256 bpsSeed, uint256 value) external {
        _openCase(colluder, consumer, classSeed, bpsSeed, value);
    }

    function _openCase(address p, address challenger, uint256 classSeed, uint256 bpsSeed, uint256 value) internal {
        ISlasher.Infraction infraction = ISlasher.Infraction(classSeed % 3);
        ISlasher.ClassRange memory range = slasher.classRange(infraction);
        uint256 bps = bound(bpsSeed, range.minBps, range.maxBps);
        value = bound(value, 0, 100_000 ether);
        bytes32 subjectId = keccak256(abi.encode("collusion", ++_nonce));
        source.setSubject(subjectId, p, challenger, value, block.timestamp + 7 days);
        uint256 stake = court.challengeStakeFor(value);
        _fund(challenger, stake);
        uint256 active = court.activeValidators();
        vm.prank(challenger);
        try court.openChallenge(address(source), subjectId, infraction, bps) returns (uint256 id) {
            challengeIds.push(id);
            _recordSet(id);
            calls[p == honestProvider ? bytes32("falseChallenge") : bytes32("trueChallenge")]++;
        } catch (bytes memory reason) {
            _expect(reason, abi.encodeWithSelector(IChallengeCourt.NotEnoughValidators.selector, active, MIN_QUORUM));
            vm.prank(challenger);
            token.burn(stake);
        }
    }

    /// @dev The Sybils picked by `mask` act on a challenge still in its vote: uphold a false charge, reject a true one
    /// (or, for the bits of `silentMask`, stay silent on it).
    function sybilsVote(uint256 cSeed, uint256 mask, uint256 silentMask) external {
        uint256 id = _votable(cSeed);
        if (id == 0) return;
        bool falseCharge = court.challenge(id).provider == honestProvider;
        for (uint256 i = HONEST; i < candidates.length; ++i) {
            if ((mask >> i) & 1 == 0) continue;
            if (!falseCharge && (silentMask >> i) & 1 == 1) continue;
            _castVote(id, candidates[i], falseCharge, false);
        }
    }

    /// @dev The honest validators vote the truth on a challenge still in its vote; each is absent one time in four.
    function honestVote(uint256 cSeed, uint256 absentMask) external {
        uint256 id = _votable(cSeed);
        if (id == 0) return;
        bool trueCharge = court.challenge(id).provider == colluder;
        for (uint256 i; i < HONEST; ++i) {
            if ((absentMask >> (2 * i)) & 3 == 0) continue;
            _castVote(id, candidates[i], trueCharge, true);
        }
    }

    function _castVote(uint256 id, address v, bool uphold, bool honest) internal {
        if (model.voteError(id, v).length != 0) return;
        uint256 bond = court.validatorOf(v).bond;
        vm.prank(v);
        court.vote(id, uphold);
        Tally storage t = tallies[id];
        ++t.voters;
        if (uphold) {
            t.uphold += bond;
            if (honest) t.honestUphold += bond;
        } else {
            t.reject += bond;
        }
        calls["vote"]++;
    }

    /// @dev One of the (up to four) latest challenges whose vote is still open, or 0.
    function _votable(uint256 seed) internal view returns (uint256) {
        uint256[4] memory found;
        uint256 m;
        uint256 n = challengeIds.length;
        for (uint256 k; k < n && k < 8 && m < 4; ++k) {
            uint256 id = challengeIds[n - 1 - k];
            IChallengeCourt.Challenge memory c = court.challenge(id);
            if (c.status == IChallengeCourt.Status.Open && block.timestamp < c.votingEnds) found[m++] = id;
        }
        return m == 0 ? 0 : found[seed % m];
    }

    // ------------------------------------------------------------------ time and decisions

    /// @dev Moves time forward by one hour to three days (a vote lasts three); every challenge whose vote ends on the
    /// way is decided at its end (silent validators reported first; one without a verdict then expires).
    function elapse(uint256 secondsAhead) external {
        uint256 target = block.timestamp + bound(secondsAhead, 1 hours, 3 days);
        while (_settled < challengeIds.length) {
            uint256 id = challengeIds[_settled];
            IChallengeCourt.Challenge memory c = court.challenge(id);
            if (c.status == IChallengeCourt.Status.Open) {
                if (c.votingEnds > target && c.votingEnds > block.timestamp) break;
                if (block.timestamp < c.votingEnds) vm.warp(c.votingEnds);
                _settle(id);
            }
            ++_settled;
        }
        if (block.timestamp < target) vm.warp(target);
        calls["elapse"]++;
    }

    /// @dev Reports every silent validator, then decides (after the extra period if there is still no verdict).
    function _settle(uint256 id) internal {
        Tally storage t = tallies[id];
        for (uint256 i; i < candidates.length; ++i) {
            address v = candidates[i];
            IChallengeCourt.Validator memory record = court.validatorOf(v);
            IChallengeCourt.Challenge memory before = court.challenge(id);
            if (!model.silent(id, v, before, record)) continue;
            court.reportSilence(v, id);
            _silenced(id, v, before.setStake, record);
            calls["reportSilence"]++;
        }
        IChallengeCourt.Challenge memory c = court.challenge(id);
        assertEq(c.setStake, ghostSetStake[id], "the set weighed: eligible bonds less the silent ones");
        assertEq(c.upholdStake, t.uphold, "uphold bonds");
        assertEq(c.rejectStake, t.reject, "reject bonds");
        IChallengeCourt.Status expected = model.verdict(c);
        if (expected == IChallengeCourt.Status.Open) {
            vm.warp(uint256(c.votingEnds) + court.parameter(keccak256("slashing.votingPeriod")));
        }
        _decide(id, c, expected, t);
    }

    function _decide(
        uint256 id,
        IChallengeCourt.Challenge memory c,
        IChallengeCourt.Status expected,
        Tally storage t
    ) internal {
        uint256 paidBefore = token.balanceOf(c.challenger);
        uint256 supplyBefore = token.totalSupply();
        IChallengeCourt.Status status = court.decide(id);
        uint256 paid = token.balanceOf(c.challenger) - paidBefore;
        bool falseCharge = c.provider == honestProvider;
        if (status == IChallengeCourt.Status.Expired) {
            assertEq(uint256(expected), uint256(IChallengeCourt.Status.Open), "expired only without a verdict");
            assertEq(paid, c.stake, "expired: stake back");
        } else {
            assertEq(uint256(status), uint256(expected), "the bonded verdict decides");
            bool upheld = status == IChallengeCourt.Status.Upheld;
            ghostFeesAllocated += uint256(court.challenge(id).feePerWinner) * (upheld ? c.upholdVotes : c.rejectVotes);
            if (upheld) {
                ghostRewardsPaid += paid - c.stake;
                ghostSlashesWith[c.evidenceId] += 1;
                if (2 * (t.uphold - t.honestUphold) > ghostSetStake[id]) ++ghostSybilCarried;
                if (falseCharge) {
                    ++ghostFalseSlashes;
                    ghostHonestBurned += supplyBefore - token.totalSupply();
                    // Invariant 1: only bonds above half of the set weighed (all of them the Sybils') slash it.
                    if (2 * t.uphold <= ghostSetStake[id]) ++ghostUnbackedFalseSlashes;
                }
            } else {
                assertEq(paid, 0, "rejected: the challenger loses its stake");
            }
        }
        // Invariant 2: silence cannot block a true charge that the honest bonds carry among the votes cast.
        if (!falseCharge && t.voters >= MIN_QUORUM && 2 * t.honestUphold > t.uphold + t.reject) {
            ++ghostTrueWithHonestMajority;
            if (status != IChallengeCourt.Status.Upheld) ++ghostTrueBlocked;
        }
        calls["decide"]++;
    }

    // ------------------------------------------------------------------ attestations and proofs

    /// @dev Validators attest the epoch that just ended for one provider: each honest one three times in four (two
    /// bits of `mask`), the truth (the colluder down, the honest provider up); the Sybils picked by the higher bits
    /// the opposite.
    function attest(uint256 pSeed, uint256 mask) external {
        uint256 current = metrics.currentEpoch();
        if (current == 0) return;
        uint256 epoch = current - 1;
        address p = pSeed % 2 == 0 ? honestProvider : colluder;
        uint256 activeNow = _activeBonds();
        EpochTally storage e = epochs[p][epoch];
        uint256 countBefore = e.count;
        for (uint256 i; i < candidates.length; ++i) {
            if (i < HONEST ? (mask >> (2 * i)) & 3 == 0 : (mask >> (2 * HONEST + i)) & 1 == 0) continue;
            address v = candidates[i];
            IChallengeCourt.Validator memory record = court.validatorOf(v);
            if (record.status != IChallengeCourt.ValidatorStatus.Active || _nextAttestable[v][p] > epoch) continue;
            bool down = (i < HONEST) == (p == colluder);
            vm.prank(v);
            metrics.attest(p, epoch, 80, down ? 0 : 10_000, 9_000);
            _nextAttestable[v][p] = epoch + 1;
            ++e.count;
            e.stake += record.bond;
            if (down) e.down += record.bond;
            calls["attest"]++;
        }
        // The registry records the active set at each attestation (it does not change within this step).
        if (e.count > countBefore && activeNow > e.maxSet) e.maxSet = activeNow;
    }

    /// @dev Anyone proves an uptime breach of one of the last four closed epochs: it succeeds exactly when the
    /// handler's tally says the bonds attesting it down exceed half the epoch's attested bonds and half the larger of
    /// the set seen while attested and the set now, from at least three attesters.
    function prove(uint256 pSeed, uint256 back) external {
        uint256 current = metrics.currentEpoch();
        if (current < 2) return;
        uint256 epoch = current - 2 - (back % (current - 1 < 4 ? current - 1 : 4));
        address p = pSeed % 2 == 0 ? honestProvider : colluder;
        EpochTally storage e = epochs[p][epoch];
        uint256 set = _activeBonds();
        if (e.maxSet > set) set = e.maxSet;
        bool provable = e.count >= MIN_QUORUM && !e.proven && 2 * e.down > e.stake && 2 * e.down > set;
        uint256 supplyBefore = token.totalSupply();
        try metrics.proveMinorInfraction(p, epoch, IMetricsRegistry.Trigger.Uptime) returns (
            ISlasher.SlashResult memory r
        ) {
            assertTrue(provable, "a proof without a bonded majority of the set");
            e.proven = true;
            uint256 burned = supplyBefore - token.totalSupply();
            assertEq(burned, r.fromActive + r.fromUnbonding + r.fromReputation, "burned what it took");
            if (p == honestProvider) {
                ++ghostFalseSlashes;
                ghostHonestBurned += burned;
            }
            calls["prove"]++;
        } catch {
            assertFalse(provable, "a proof with a bonded majority of the set was refused");
            calls["proveRefused"]++;
        }
        if (p == colluder && provable) ++ghostTrueProofs;
    }

    /// @dev The bonds of the active records, counted by the handler.
    function _activeBonds() internal view returns (uint256 sum) {
        for (uint256 i; i < candidates.length; ++i) {
            IChallengeCourt.Validator memory record = court.validatorOf(candidates[i]);
            if (record.status == IChallengeCourt.ValidatorStatus.Active) sum += record.bond;
        }
    }
}
