// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IChallengeCourt} from "../../contracts/interfaces/IChallengeCourt.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {ISlasher} from "../../contracts/interfaces/ISlasher.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {SlashingKeys} from "../../contracts/libraries/SlashingKeys.sol";
import {ChallengeCourt} from "../../contracts/slashing/ChallengeCourt.sol";
import {SlashingBase} from "./SlashingBase.sol";

/// @notice The challenge court: opening (stake, deadline, who may), voting (who, when, once), every outcome
/// (upheld, rejected, tie, expired), the reward pool and validator fees, absence, the validator bond.
/// Subject S (worth 5,000) accuses p1 (Platinum, 1,000,000 self-stake): its stake is 1,000 + 10% x 5,000 = 1,500.
/// Five validators of 10,000 each: a set of 50,000 bonded; a decision needs 3 voters, an upheld one more than 25,000
/// of bonds upholding. The reward pool holds 10,000.
contract ChallengeCourtTest is SlashingBase {
    bytes32 internal constant S = keccak256("voucher-1");
    uint256 internal constant VALUE = 5_000 ether;
    uint256 internal constant STAKE = 1_500 ether;
    uint256 internal constant DEADLINE = T0 + 7 days;
    ISlasher.Infraction internal constant MINOR = ISlasher.Infraction.Minor;
    ISlasher.Infraction internal constant MAJOR = ISlasher.Infraction.Major;
    ISlasher.Infraction internal constant SEVERE = ISlasher.Infraction.Severe;

    function setUp() public override {
        super.setUp();
        _register(p1, 1_000_000 ether);
        _registerValidators(5);
        _fundPool(10_000 ether);
        _subject(S, p1, VALUE, DEADLINE);
    }

    function _votes(uint256 id, uint256 uphold, uint256 reject) internal {
        for (uint256 i; i < uphold; ++i) _vote(validators[i], id, true);
        for (uint256 i; i < reject; ++i) _vote(validators[uphold + i], id, false);
    }

    function _decide(uint256 id) internal returns (IChallengeCourt.Status) {
        vm.warp(court.challenge(id).votingEnds);
        return court.decide(id);
    }

    function _claim(address v, uint256 id) internal returns (uint256) {
        vm.prank(v);
        return court.claimValidatorFee(id);
    }

    function _expectNothingToClaim(address v, uint256 id) internal {
        vm.prank(v);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.NothingToClaim.selector, id, v));
        court.claimValidatorFee(id);
    }

    // ------------------------------------------------------------------ opening

    function test_openChallenge_takesTheStakeAndOpensTheVote() public {
        _mint(consumer, STAKE);
        vm.startPrank(consumer);
        token.approve(address(court), STAKE);
        vm.expectEmit(true, true, true, true, address(court));
        emit IChallengeCourt.ChallengeOpened(1, address(source), S, p1, consumer, MAJOR, 1_000, STAKE, T0 + VOTING, 3);
        uint256 id = court.openChallenge(address(source), S, MAJOR, 1_000);
        vm.stopPrank();

        assertEq(id, 1, "first challenge");
        IChallengeCourt.Challenge memory c = court.challenge(id);
        assertEq(c.challenger, consumer, "challenger");
        assertEq(c.stake, STAKE, "1,000 + 10% of 5,000");
        assertEq(c.provider, p1, "provider");
        assertEq(c.votingEnds, T0 + 3 days, "three days to vote");
        assertEq(c.quorum, 3, "max(3, ceil(5 x 50%))");
        assertEq(uint256(c.status), uint256(IChallengeCourt.Status.Open), "open");
        assertEq(c.evidenceId, _evidence(S), "evidence derived from (source, subject)");
        assertEq(court.challengeIdOf(address(source), S), 1, "indexed by subject");
        assertEq(token.balanceOf(consumer), 0, "stake pulled");
        (, , uint256 escrowed, ) = court.balances();
        assertEq(escrowed, STAKE, "escrowed");
    }

    function test_openChallenge_atTheDeadlineSecond() public {
        vm.warp(DEADLINE);
        assertEq(_open(S, MINOR, 100), 1, "allowed at the deadline");
    }

    /// The stored quorum is the minimum of distinct voters; the share of the set is weighed in bonds: eight active
    /// validators of 10,000 each make a set of 80,000 that the challenge is weighed against.
    function test_openChallenge_quorumIsDistinctVotersAndTheSetIsWeighedInBonds() public {
        for (uint256 i; i < 3; ++i) _registerValidator(makeAddr(string.concat("extra", vm.toString(i))));
        IChallengeCourt.Challenge memory c = court.challenge(_open(S, MINOR, 100));
        assertEq(c.quorum, 3, "at least three voters");
        assertEq(c.setStake, 80_000 ether, "8 x 10,000");
        assertEq(court.activeBond(), 80_000 ether, "the active bonds");
    }

    /// Every refused opening leaves the consumer's tokens, the court's escrow and the count as they were.
    function _expectOpenReverts(bytes32 subjectId, ISlasher.Infraction c, uint256 bps, bytes memory err) internal {
        _mint(consumer, STAKE);
        vm.prank(consumer);
        token.approve(address(court), STAKE);
        uint256 balance = token.balanceOf(consumer);
        uint256 count = court.challengeCount();
        vm.prank(consumer);
        vm.expectRevert(err);
        court.openChallenge(address(source), subjectId, c, bps);
        assertEq(token.balanceOf(consumer), balance, "stake not taken");
        assertEq(court.challengeCount(), count, "no challenge");
        (, , uint256 escrowed, ) = court.balances();
        assertEq(escrowed, 0, "nothing escrowed");
    }

    function test_RevertWhen_challengeAfterTheDeadline() public {
        vm.warp(DEADLINE + 1);
        _expectOpenReverts(
            S,
            MINOR,
            100,
            abi.encodeWithSelector(IChallengeCourt.ChallengeDeadlinePassed.selector, DEADLINE, DEADLINE + 1)
        );
    }

    function test_RevertWhen_challengeByAnyoneButTheConsumer() public {
        _mint(d1, STAKE);
        vm.startPrank(d1);
        token.approve(address(court), STAKE);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.NotSubjectConsumer.selector, d1, consumer));
        court.openChallenge(address(source), S, MINOR, 100);
        vm.stopPrank();
        assertEq(court.challengeCount(), 0, "no challenge");
        assertEq(token.balanceOf(d1), STAKE, "stake not taken");
    }

    function test_RevertWhen_challengeUnknownSourceOrSubject() public {
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.UnknownSource.selector, address(this)));
        court.openChallenge(address(this), S, MINOR, 100);
        _expectOpenReverts(
            keccak256("nothing"),
            MINOR,
            100,
            abi.encodeWithSelector(IChallengeCourt.UnknownSubject.selector, address(source), keccak256("nothing"))
        );
    }

    function test_RevertWhen_challengedProviderIsUnknown() public {
        _subject(keccak256("other"), d1, VALUE, DEADLINE);
        _expectOpenReverts(
            keccak256("other"),
            MINOR,
            100,
            abi.encodeWithSelector(IChallengeCourt.UnknownProvider.selector, d1)
        );
    }

    function test_RevertWhen_percentOutsideTheClaimedClass() public {
        _expectOpenReverts(
            S,
            MINOR,
            501,
            abi.encodeWithSelector(IChallengeCourt.PercentOutsideClass.selector, MINOR, 501, 100, 500)
        );
        _expectOpenReverts(
            S,
            SEVERE,
            1_499,
            abi.encodeWithSelector(IChallengeCourt.PercentOutsideClass.selector, SEVERE, 1_499, 1_500, 2_000)
        );
    }

    /// A second challenge of the subject in the same class, or a lower one, is refused (a higher class supersedes:
    /// see the escalation tests).
    function test_RevertWhen_subjectChallengedTwice() public {
        uint256 id = _open(S, MAJOR, 500);
        _mint(consumer, 2 * STAKE);
        vm.startPrank(consumer);
        token.approve(address(court), 2 * STAKE);
        // The same class needs a strictly higher percent to supersede (500 is not above 500), a lower class never.
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.AlreadyChallenged.selector, _evidence(S), id));
        court.openChallenge(address(source), S, MAJOR, 500);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.AlreadyChallenged.selector, _evidence(S), id));
        court.openChallenge(address(source), S, MINOR, 100);
        vm.stopPrank();
        assertEq(court.challengeCount(), 1, "one challenge");
        assertEq(token.balanceOf(consumer), 2 * STAKE, "nothing taken");
    }

    function test_RevertWhen_subjectAlreadySlashedOnTheEmergencyPath() public {
        _emergencySlash(p1, MINOR, 100, _evidence(S));
        _expectOpenReverts(
            S,
            MINOR,
            100,
            abi.encodeWithSelector(IChallengeCourt.EvidenceAlreadyUsed.selector, _evidence(S))
        );
    }

    function test_RevertWhen_tooFewValidatorsForTheQuorum() public {
        for (uint256 i; i < 3; ++i) {
            vm.prank(validators[i]);
            court.exitValidator();
        }
        _expectOpenReverts(S, MINOR, 100, abi.encodeWithSelector(IChallengeCourt.NotEnoughValidators.selector, 2, 3));
    }

    // ------------------------------------------------------------------ voting

    function test_vote_recordsAndCounts() public {
        uint256 id = _open(S, MINOR, 100);
        vm.expectEmit(true, true, false, true, address(court));
        emit IChallengeCourt.Voted(id, validators[0], true);
        _vote(validators[0], id, true);
        _vote(validators[1], id, false);
        IChallengeCourt.Challenge memory c = court.challenge(id);
        assertEq(c.upholdVotes, 1, "one to uphold");
        assertEq(c.rejectVotes, 1, "one to reject");
        (bool voted, bool uphold, bool claimed) = court.voteOf(id, validators[0]);
        assertTrue(voted && uphold && !claimed, "validator 0 voted to uphold");
        assertEq(court.validatorOf(validators[0]).lastVoted, id, "last vote recorded");
    }

    function test_RevertWhen_votingTwice() public {
        uint256 id = _open(S, MINOR, 100);
        _vote(validators[0], id, true);
        vm.prank(validators[0]);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.AlreadyVoted.selector, id, validators[0]));
        court.vote(id, false);
        assertEq(court.challenge(id).upholdVotes, 1, "counted once");
        assertEq(court.challenge(id).rejectVotes, 0, "no second vote");
    }

    function test_RevertWhen_votingByNonValidator() public {
        uint256 id = _open(S, MINOR, 100);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.NotValidator.selector, d1));
        court.vote(id, true);
        assertEq(court.challenge(id).upholdVotes, 0, "not counted");
    }

    function test_RevertWhen_votingByValidatorRegisteredAfterTheChallenge() public {
        uint256 id = _open(S, MINOR, 100);
        address late = makeAddr("late");
        _registerValidator(late);
        vm.prank(late);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.NotEligibleForChallenge.selector, late, id));
        court.vote(id, true);
        assertEq(court.challenge(id).upholdVotes, 0, "not counted");
    }

    function test_RevertWhen_votingByTheChallengerOrTheProvider() public {
        source.setSubject(keccak256("own"), p1, validators[0], 0, DEADLINE);
        _mint(validators[0], MIN_STAKE);
        vm.startPrank(validators[0]);
        token.approve(address(court), MIN_STAKE);
        uint256 id = court.openChallenge(address(source), keccak256("own"), MINOR, 100);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.ConflictOfInterest.selector, id, validators[0]));
        court.vote(id, false);
        vm.stopPrank();
        assertEq(court.challenge(id).rejectVotes, 0, "not counted");
    }

    function test_RevertWhen_votingAfterTheWindow() public {
        uint256 id = _open(S, MINOR, 100);
        vm.warp(T0 + VOTING);
        vm.prank(validators[0]);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.VotingClosed.selector, id, T0 + VOTING));
        court.vote(id, true);
        assertEq(court.challenge(id).upholdVotes, 0, "not counted");
    }

    function test_RevertWhen_votingOnUnknownOrDecidedChallenge() public {
        vm.prank(validators[0]);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.UnknownChallenge.selector, 7));
        court.vote(7, true);
        uint256 id = _open(S, MINOR, 100);
        vm.warp(T0 + 2 * VOTING);
        court.decide(id);
        vm.prank(validators[0]);
        vm.expectRevert(
            abi.encodeWithSelector(IChallengeCourt.ChallengeNotOpen.selector, id, IChallengeCourt.Status.Expired)
        );
        court.vote(id, true);
    }

    // ------------------------------------------------------------------ outcomes

    /// Major 10% upheld 3 to 1: p1 loses 100,000 (burned); the challenger gets 1,500 + 20% = 1,800; the validator
    /// fee is 10% of the stake, 150, so each of the three who upheld may claim 50; the pool keeps 9,550.
    function test_decide_upheldSlashesRewardsTheChallengerAndPaysTheValidatorsWhoUpheld() public {
        uint256 id = _open(S, MAJOR, 1_000);
        _votes(id, 3, 1);
        uint256 supply = token.totalSupply();
        vm.warp(T0 + VOTING);
        vm.expectEmit(true, false, false, true, address(court));
        emit IChallengeCourt.ChallengeDecided(id, IChallengeCourt.Status.Upheld, 3, 1, 1_800 ether, 0, 0, 50 ether);
        assertEq(uint256(court.decide(id)), uint256(IChallengeCourt.Status.Upheld), "upheld");

        assertEq(_stakeOf(p1), 900_000 ether, "10% slashed");
        assertEq(supply - token.totalSupply(), 100_000 ether, "the slash is burned, the court burns nothing");
        assertEq(token.balanceOf(consumer), 1_800 ether, "stake back plus a 20% reward");
        assertTrue(slasherContract.evidenceUsed(_evidence(S)), "evidence used");
        (uint256 pool, uint256 feesOwed, uint256 escrowed, ) = court.balances();
        assertEq(pool, 9_550 ether, "10,000 - 150 fee - 300 reward");
        assertEq(feesOwed, 150 ether, "fee allocated to the winners");
        assertEq(escrowed, 0, "stake released");

        for (uint256 i; i < 3; ++i) assertEq(_claim(validators[i], id), 50 ether, "a third of the fee each");
        assertEq(token.balanceOf(validators[0]), 50 ether, "paid");
        _expectNothingToClaim(validators[3], id);
        _expectNothingToClaim(validators[4], id);
        _expectNothingToClaim(validators[0], id);
        (, feesOwed, , ) = court.balances();
        assertEq(feesOwed, 0, "every fee claimed");
        (, , bool claimed) = court.voteOf(id, validators[0]);
        assertTrue(claimed, "marked claimed");
    }

    /// Minor 3% rejected 2 to 1: the provider gets half the stake (750), the other 750 are burned; each of the two
    /// who rejected may claim 75; nothing is slashed.
    function test_decide_rejectedPaysTheProviderBurnsTheRestAndPaysTheValidatorsWhoRejected() public {
        uint256 id = _open(S, MINOR, 300);
        _vote(validators[0], id, true);
        _vote(validators[1], id, false);
        _vote(validators[2], id, false);
        uint256 supply = token.totalSupply();
        vm.warp(T0 + VOTING);
        vm.expectEmit(true, false, false, true, address(court));
        emit IChallengeCourt.ChallengeDecided(
            id,
            IChallengeCourt.Status.Rejected,
            1,
            2,
            0,
            750 ether,
            750 ether,
            75 ether
        );
        court.decide(id);

        assertEq(_stakeOf(p1), 1_000_000 ether, "not slashed");
        assertEq(token.balanceOf(p1), 750 ether, "half the stake to the provider");
        assertEq(supply - token.totalSupply(), 750 ether, "half burned");
        assertEq(token.balanceOf(consumer), 0, "the challenger loses its stake");
        assertFalse(slasherContract.evidenceUsed(_evidence(S)), "no evidence used");
        assertEq(_claim(validators[1], id), 75 ether, "half the 150 fee");
        assertEq(_claim(validators[2], id), 75 ether, "half the 150 fee");
        _expectNothingToClaim(validators[0], id);
        (uint256 pool, , , ) = court.balances();
        assertEq(pool, 9_850 ether, "10,000 - 150");
    }

    function test_decide_tieIsRejected() public {
        uint256 id = _open(S, MINOR, 100);
        _votes(id, 2, 2);
        assertEq(uint256(_decide(id)), uint256(IChallengeCourt.Status.Rejected), "2-2 rejects");
        assertEq(_stakeOf(p1), 1_000_000 ether, "not slashed");
    }

    /// Two votes of the three needed: no verdict. It waits one more voting period (silent validators may be reported
    /// meanwhile), then expires: the stake goes back, nobody is paid, nothing is slashed or burned.
    function test_decide_withoutQuorumExpiresAndReturnsTheStake() public {
        uint256 id = _open(S, SEVERE, 2_000);
        _votes(id, 2, 0);
        uint256 supply = token.totalSupply();
        vm.warp(T0 + 2 * VOTING - 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IChallengeCourt.DecisionPending.selector,
                id,
                20_000 ether,
                50_000 ether,
                T0 + 2 * VOTING
            )
        );
        court.decide(id);
        vm.warp(T0 + 2 * VOTING);
        vm.expectEmit(true, false, false, true, address(court));
        emit IChallengeCourt.ChallengeDecided(id, IChallengeCourt.Status.Expired, 2, 0, STAKE, 0, 0, 0);
        court.decide(id);
        assertEq(token.balanceOf(consumer), STAKE, "stake returned");
        assertEq(token.totalSupply(), supply, "nothing burned");
        assertEq(_stakeOf(p1), 1_000_000 ether, "not slashed");
        assertFalse(staking.isBanned(p1), "not banned");
        (uint256 pool, uint256 feesOwed, uint256 escrowed, ) = court.balances();
        assertEq(pool, 10_000 ether, "pool untouched");
        assertEq(feesOwed + escrowed, 0, "nothing owed");
        _expectNothingToClaim(validators[0], id);
    }

    function test_decide_upheldSevereBans() public {
        uint256 id = _open(S, SEVERE, 2_000);
        _votes(id, 3, 0);
        _decide(id);
        assertEq(_stakeOf(p1), 800_000 ether, "20% slashed");
        assertTrue(staking.isBanned(p1), "banned");
    }

    function test_RevertWhen_decidingEarly() public {
        uint256 id = _open(S, MAJOR, 1_000);
        _votes(id, 3, 0);
        vm.warp(T0 + VOTING - 1);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.VotingNotEnded.selector, id, T0 + VOTING));
        court.decide(id);
        assertEq(uint256(court.challenge(id).status), uint256(IChallengeCourt.Status.Open), "still open");
        assertEq(_stakeOf(p1), 1_000_000 ether, "not slashed");
        assertEq(token.balanceOf(consumer), 0, "nothing paid");
    }

    function test_RevertWhen_decidingTwiceOrUnknown() public {
        uint256 id = _open(S, MAJOR, 1_000);
        _votes(id, 3, 0);
        _decide(id);
        vm.expectRevert(
            abi.encodeWithSelector(IChallengeCourt.ChallengeNotOpen.selector, id, IChallengeCourt.Status.Upheld)
        );
        court.decide(id);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.UnknownChallenge.selector, 2));
        court.decide(2);
        assertEq(_stakeOf(p1), 900_000 ether, "slashed once");
    }

    /// A subject worth nothing takes the minimum stake of 1,000: a fee of 100 split three ways rounds down to
    /// 33.333333333333333333 each, and the wei left over stays in the pool.
    function test_decide_feeSharesRoundDownAndTheDustStaysInThePool() public {
        _subject(keccak256("small"), p1, 0, DEADLINE);
        uint256 id = _open(keccak256("small"), MINOR, 100);
        _votes(id, 3, 0);
        _decide(id);
        assertEq(court.challenge(id).feePerWinner, 33_333333333333333333, "100 / 3, rounded down");
        (uint256 pool, uint256 feesOwed, , ) = court.balances();
        assertEq(feesOwed, 99_999999999999999999, "three shares");
        assertEq(pool, 10_000 ether - 99_999999999999999999 - 200 ether, "the dust wei stays; reward 20% of 1,000");
    }

    /// With an empty pool the upheld challenger gets its stake back without a reward and the validators no fee.
    function test_decide_emptyPoolPaysNoRewardAndNoFee() public {
        ChallengeCourt bare = new ChallengeCourt(
            IERC20(address(token)),
            slasherContract,
            address(manager),
            _courtParameters()
        );
        vm.startPrank(admin);
        bare.setSource(address(source), true);
        manager.grantRole(Roles.SLASHING_COURT, address(bare), 0);
        vm.stopPrank();
        for (uint256 i; i < 3; ++i) {
            _mint(validators[i], BOND);
            vm.startPrank(validators[i]);
            token.approve(address(bare), BOND);
            bare.registerValidator();
            vm.stopPrank();
        }
        _mint(consumer, STAKE);
        vm.startPrank(consumer);
        token.approve(address(bare), STAKE);
        uint256 id = bare.openChallenge(address(source), S, MINOR, 100);
        vm.stopPrank();
        for (uint256 i; i < 3; ++i) {
            vm.prank(validators[i]);
            bare.vote(id, true);
        }
        vm.warp(T0 + VOTING);
        bare.decide(id);
        assertEq(token.balanceOf(consumer), STAKE, "stake back, no reward");
        assertEq(bare.challenge(id).feePerWinner, 0, "no fee");
        assertEq(_stakeOf(p1), 990_000 ether, "slashed all the same");
        vm.prank(validators[0]);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.NothingToClaim.selector, id, validators[0]));
        bare.claimValidatorFee(id);
    }

    /// The emergency path slashed the same evidence while the vote ran: the upheld decision returns the stake but
    /// does not slash twice, and pays no reward (the reward follows the slash applied, here 0%; it used to pay the
    /// full 20%, which let colluders drain the pool).
    function test_decide_upheldSkipsTheSlashWhenTheEvidenceWasUsedMeanwhile() public {
        uint256 id = _open(S, MAJOR, 1_000);
        _emergencySlash(p1, MAJOR, 500, _evidence(S));
        _votes(id, 3, 0);
        _decide(id);
        assertEq(_stakeOf(p1), 950_000 ether, "only the emergency slash of 5%");
        assertEq(token.balanceOf(consumer), 1_500 ether, "stake back, no reward for a 0% slash");
    }

    /// Governance lowered the minor maximum to 4% during the vote: the claimed 5% is moved into the new range.
    function test_decide_claimedPercentMovesIntoTheCurrentClassRange() public {
        uint256 id = _open(S, MINOR, 500);
        vm.prank(registry);
        slasherContract.setParameter(SlashingKeys.MINOR_MAX_BPS, 400);
        _votes(id, 3, 0);
        _decide(id);
        assertEq(_stakeOf(p1), 960_000 ether, "4% of 1,000,000");
    }

    // ------------------------------------------------------------------ absence

    /// Validators 3 and 4 miss five challenges in a row; once the fifth has closed anyone may report them.
    function test_reportAbsence_afterMaxMissedVotesMakesTheValidatorIneligible() public {
        for (uint256 i = 1; i <= 5; ++i) {
            bytes32 s = keccak256(abi.encode("subject", i));
            _subject(s, p1, 0, DEADLINE);
            _votes(_open(s, MINOR, 100), 3, 0);
        }
        vm.warp(T0 + VOTING - 1);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.NotAbsent.selector, validators[3], 5));
        court.reportAbsence(validators[3]);
        assertEq(court.activeValidators(), 5, "still five");

        vm.warp(T0 + VOTING);
        vm.expectEmit(true, true, false, true, address(court));
        emit IChallengeCourt.ValidatorAbsent(validators[3], address(this), 5);
        court.reportAbsence(validators[3]);
        assertEq(court.activeValidators(), 4, "one fewer in the quorum base");
        assertFalse(court.isActiveValidator(validators[3]), "ineligible");
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.NotAbsent.selector, validators[0], 10));
        court.reportAbsence(validators[0]);

        bytes32 next = keccak256("next");
        _subject(next, p1, 0, T0 + 30 days);
        uint256 id = _open(next, MINOR, 100);
        vm.prank(validators[3]);
        vm.expectRevert(
            abi.encodeWithSelector(
                IChallengeCourt.ValidatorNotActive.selector,
                validators[3],
                IChallengeCourt.ValidatorStatus.Ineligible
            )
        );
        court.vote(id, true);

        // Absence costs: 10% of the bond to the pool, and no reactivation before every challenge open at the report
        // has closed plus a voting period (T0 + 3 days + 3 days).
        assertEq(court.validatorOf(validators[3]).bond, 9_000 ether, "10,000 - 10%");
        assertEq(court.activeBond(), 40_000 ether, "four bonds left in the set");
        vm.prank(validators[3]);
        vm.expectRevert(
            abi.encodeWithSelector(IChallengeCourt.ReactivationCooldown.selector, validators[3], T0 + 6 days)
        );
        court.reactivate();
        vm.warp(T0 + 6 days);
        vm.prank(validators[3]);
        court.reactivate();
        assertEq(court.activeValidators(), 5, "back");
        assertEq(court.activeBond(), 49_000 ether, "with its reduced bond");
        vm.prank(validators[3]);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.VotingClosed.selector, id, T0 + 6 days));
        court.vote(id, true);
    }

    function test_RevertWhen_reactivatingAnActiveValidator() public {
        vm.prank(validators[0]);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.NotIneligible.selector, validators[0]));
        court.reactivate();
    }

    // ------------------------------------------------------------------ validators and the pool

    function test_registerValidator_takesTheBond() public {
        address v = makeAddr("newValidator");
        _mint(v, BOND);
        vm.startPrank(v);
        token.approve(address(court), BOND);
        vm.expectEmit(true, false, false, true, address(court));
        emit IChallengeCourt.ValidatorRegistered(v, BOND);
        court.registerValidator();
        vm.expectRevert(
            abi.encodeWithSelector(IChallengeCourt.AlreadyValidator.selector, v, IChallengeCourt.ValidatorStatus.Active)
        );
        court.registerValidator();
        vm.stopPrank();
        assertEq(court.activeValidators(), 6, "six");
        (, , , uint256 bonds) = court.balances();
        assertEq(bonds, 6 * BOND, "six bonds");
    }

    /// Exit while a challenge is open: the bond unlocks one voting period after the later of now and the last vote's
    /// end (the period a challenge without a verdict waits), so the bond stays answerable.
    function test_exitValidator_bondUnlocksAfterTheVotingPeriodAndOpenChallenges() public {
        _open(S, MINOR, 100);
        vm.warp(T0 + 1 days);
        _subject(keccak256("later"), p1, 0, DEADLINE);
        _open(keccak256("later"), MINOR, 100);
        vm.warp(T0 + 2 days);
        vm.prank(validators[0]);
        court.exitValidator();
        assertEq(court.validatorOf(validators[0]).unlockAt, T0 + 7 days, "(T0 + 1 + 3 days) + 3 days");
        assertEq(court.activeValidators(), 4, "out of the quorum base");
        vm.warp(T0 + 7 days - 1);
        vm.prank(validators[0]);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.BondLocked.selector, validators[0], T0 + 7 days));
        court.withdrawBond();
        vm.warp(T0 + 7 days);
        vm.prank(validators[0]);
        assertEq(court.withdrawBond(), BOND, "bond paid");
        assertEq(token.balanceOf(validators[0]), BOND, "received");
        assertEq(uint256(court.validatorOf(validators[0]).status), 0, "record deleted");
        vm.prank(validators[0]);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.NotExiting.selector, validators[0]));
        court.withdrawBond();
    }

    function test_RevertWhen_exitByNonValidatorOrTwice() public {
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IChallengeCourt.NotValidator.selector, d1));
        court.exitValidator();
        vm.startPrank(validators[0]);
        court.exitValidator();
        vm.expectRevert(
            abi.encodeWithSelector(
                IChallengeCourt.AlreadyValidator.selector,
                validators[0],
                IChallengeCourt.ValidatorStatus.Exiting
            )
        );
        court.exitValidator();
        vm.stopPrank();
        assertEq(court.activeValidators(), 4, "counted out once");
    }

    function test_RevertWhen_fundRewardsZero() public {
        vm.expectRevert(IChallengeCourt.ZeroAmount.selector);
        court.fundRewards(0);
    }

    /// A plain transfer (the market's validator fee, a treasury grant) joins the pool; open stakes and bonds do not.
    /// The pool holds 10,000, five bonds 50,000, an open challenge 1,500; 45 arrive by transfer.
    function test_absorbBalance_addsPlainTransfersToThePoolAndNothingItOwes() public {
        _open(S, MAJOR, 1_000);
        _mint(d1, 45 ether);
        vm.prank(d1);
        token.transfer(address(court), 45 ether);

        vm.expectEmit(true, true, true, true, address(court));
        emit IChallengeCourt.BalanceAbsorbed(d2, 45 ether, 10_045 ether);
        vm.prank(d2);
        assertEq(court.absorbBalance(), 45 ether, "only the surplus");

        (uint256 pool, uint256 feesOwed, uint256 escrowed, uint256 bonds) = court.balances();
        assertEq(pool, 10_045 ether, "10,000 + 45");
        assertEq(feesOwed, 0, "no fees owed");
        assertEq(escrowed, STAKE, "the open stake untouched");
        assertEq(bonds, 5 * BOND, "the bonds untouched");
        assertEq(token.balanceOf(address(court)), 10_045 ether + STAKE + 5 * BOND, "balance == what it owes");
    }

    function test_RevertWhen_absorbBalanceWithNothingBeyondWhatItOwes() public {
        _open(S, MAJOR, 1_000);
        vm.expectRevert(IChallengeCourt.ZeroAmount.selector);
        court.absorbBalance();
        (uint256 pool, , uint256 escrowed, ) = court.balances();
        assertEq(pool, 10_000 ether, "pool unchanged");
        assertEq(escrowed, STAKE, "escrow unchanged");
    }

    function test_setSource_onlyTheAdminAndNeverZero() public {
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, d1));
        court.setSource(d1, true);
        vm.prank(admin);
        vm.expectRevert(IChallengeCourt.ZeroAddress.selector);
        court.setSource(address(0), true);
        vm.prank(admin);
        court.setSource(address(source), false);
        assertFalse(court.isSource(address(source)), "removed");
        _expectOpenReverts(
            S,
            MINOR,
            100,
            abi.encodeWithSelector(IChallengeCourt.UnknownSource.selector, address(source))
        );
    }

    // ------------------------------------------------------------------ governed numbers

    function test_setParameter_storesEveryKey() public {
        bytes32[11] memory keys = [
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
        uint256[11] memory values = [
            uint256(2_000 ether),
            500,
            5 days,
            6_000,
            4,
            6_667,
            1_000,
            4_000,
            500,
            20_000 ether,
            7
        ];
        vm.startPrank(registry);
        for (uint256 i; i < keys.length; ++i) court.setParameter(keys[i], values[i]);
        vm.stopPrank();
        for (uint256 i; i < keys.length; ++i) assertEq(court.parameter(keys[i]), values[i], "stored");
        assertEq(court.challengeStakeFor(10_000 ether), 2_500 ether, "2,000 + 5% of 10,000");
    }

    function test_RevertWhen_setParameterOutOfTheCourtsRange() public {
        _expectInvalid(SlashingKeys.MIN_CHALLENGE_STAKE, 0);
        _expectInvalid(SlashingKeys.VOTING_PERIOD, 0);
        _expectInvalid(SlashingKeys.QUORUM_BPS, 0);
        _expectInvalid(SlashingKeys.QUORUM_BPS, 10_001);
        _expectInvalid(SlashingKeys.MIN_QUORUM, 0);
        _expectInvalid(SlashingKeys.MAJORITY_BPS, 4_999);
        _expectInvalid(SlashingKeys.MAJORITY_BPS, 10_000);
        _expectInvalid(SlashingKeys.PROVIDER_SHARE_BPS, 10_001);
        _expectInvalid(SlashingKeys.VALIDATOR_BOND, uint256(type(uint96).max) + 1);
        _expectInvalid(SlashingKeys.MAX_MISSED_VOTES, 0);
        assertEq(court.parameter(SlashingKeys.MAJORITY_BPS), 5_000, "unchanged");
        bytes32 unknown = keccak256("slashing.nothing");
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, unknown));
        court.parameter(unknown);
    }

    function _expectInvalid(bytes32 key, uint256 value) internal {
        vm.prank(registry);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, key, value));
        court.setParameter(key, value);
    }

    function test_RevertWhen_constructedWithBadNumbers() public {
        IChallengeCourt.Parameters memory p = _courtParameters();
        vm.expectRevert(IChallengeCourt.InvalidConfiguration.selector);
        new ChallengeCourt(IERC20(address(0)), slasherContract, address(manager), p);
        p.majorityBps = 4_000;
        vm.expectRevert(IChallengeCourt.InvalidConfiguration.selector);
        new ChallengeCourt(IERC20(address(token)), slasherContract, address(manager), p);
    }

    function test_views_wiring() public view {
        assertEq(court.slasher(), address(slasherContract), "slasher");
        assertEq(court.token(), address(token), "token");
        assertEq(court.challengeStakeFor(VALUE), STAKE, "1,000 + 500");
        assertEq(court.challengeStakeFor(1), MIN_STAKE + 1, "rounded up against the challenger");
    }
}
