// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {AvailabilityPool} from "../../contracts/distribution/AvailabilityPool.sol";
import {StakingStakeReader} from "../../contracts/distribution/StakingStakeReader.sol";
import {IAvailabilityPool} from "../../contracts/interfaces/IAvailabilityPool.sol";
import {IDistributionPool} from "../../contracts/interfaces/IDistributionPool.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {IProviderStaking} from "../../contracts/interfaces/IProviderStaking.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {StakingKeys} from "../../contracts/libraries/StakingKeys.sol";
import {StakingBase} from "../staking/StakingBase.sol";
import {Wiring} from "../utils/Wiring.sol";
import {DistributionBase} from "./DistributionBase.sol";

/// @notice Independent audit of ea07f52 (AvailabilityPool: a provider qualifies on its own stake, locked through the
/// epoch's end plus the claim window fixed at the epoch's first record; the claim asks the stake again), with the
/// settable mock stake reader. Rules: quota 100, thresholds 85%, challengers' share 15%; services 0 -> 10,000 QRY,
/// 1 -> 50,000 QRY; epoch 30 days, claim window 90 days. Budget 1,000,000 QRY: 850,000 A, 150,000 C.
contract AuditAvailabilityTest is DistributionBase {
    uint256 internal constant BUDGET = 1_000_000 ether;
    uint256 internal constant U32 = type(uint32).max; // 4,294,967,295

    address internal funder;
    address internal c1; // honest challenger
    address internal c2; // honest challenger
    address internal cx; // challenger colluding with a provider

    function setUp() public override {
        super.setUp();
        funder = makeAddr("funder");
        vm.prank(admin);
        manager.grantRole(Roles.DISTRIBUTION_ENGINE, funder, 0);
        c1 = makeAddr("c1");
        c2 = makeAddr("c2");
        cx = makeAddr("cx");
        _grantChallenger(c1);
        _grantChallenger(c2);
        _grantChallenger(cx);
    }

    function _fundAt(uint256 epoch, uint256 when) internal returns (uint256 returned) {
        vm.warp(when);
        _mint(funder, BUDGET);
        vm.startPrank(funder);
        qry.transfer(address(availability), BUDGET);
        returned = availability.fundEpoch(epoch, BUDGET);
        vm.stopPrank();
    }

    function _setClaimWindow(uint256 value) internal {
        bytes32 key = availability.CLAIM_WINDOW();
        vm.prank(address(params));
        availability.setParameter(key, value);
    }

    // ------------------------------------------------------------------ F1: one record of unbounded size

    /// @dev KNOWN ISSUE (Medium): nothing bounds one record. A challenger colluding with provider P records P once with
    /// 4,294,967,195 challenges, all "answered". The honest challenger c1 had found P down (100 challenges, 0
    /// answered): alone that is 0% (< 85%) and P earns nothing. With the colluder's record P's counters are
    /// 4,294,967,195 answered of 4,294,967,295 (= uint32 max) = 99.9999977%, so P is paid as if always up:
    ///   sumMinStake = 10,000 (H) + 10,000 (P) = 20,000; H's weight 10,000; P's weight
    ///   floor(10,000 x 4,294,967,195 / 4,294,967,295) = 10,000 - 0.000232830643... QRY.
    ///   P's A-Pay = 850,000 x 9,999.99977 / 20,000 = 424,999.99 QRY (honestly: 0, returned to the engine).
    /// Second effect: P's challenge counter is now at uint32 max, so every other challenger's record of P reverts
    /// (SafeCast overflow): c2's independent evidence (1 challenge, 0 answered) can no longer be recorded at all. The
    /// colluder is also paid C-Pay for the fake record (capped at the quota): 150,000 x 100 / (100 x 2) = 75,000. Fix:
    /// cap what one challenger may record per provider per epoch (e.g. `challenges <= quota` per (challenger, provider,
    /// epoch), tracked in a mapping), or weigh availability per challenger (median / each challenger's own ratio), and
    /// keep counters in a width that cannot be saturated by one call.
    function test_knownIssue_colludingChallengerRecordOverridesHonestFailureAndLocksOutOthers() public {
        address honest = _provider("honest", 0, SERVICE0_MIN_STAKE);
        address p = _provider("colluderProvider", 0, SERVICE0_MIN_STAKE);
        _record(c1, honest, 100, 100);
        _record(c1, p, 100, 0); // P is down: 0 of 100
        assertEq(availability.availabilityPayOf(0, p), 0, "nothing yet (unfunded)");

        _record(cx, p, U32 - 100, U32 - 100);
        IAvailabilityPool.ProviderRecord memory r = availability.providerRecord(0, p);
        assertEq(uint256(r.challenges), U32, "counter saturated");
        assertEq(uint256(r.answered), U32 - 100, "answered");

        // c2's honest record of P can no longer be made.
        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 32, U32 + 1));
        _record(c2, p, 1, 0);

        // Returned: only P's shortfall from 100% (~0.0099 QRY).
        assertLt(_fundAt(0, START + EPOCH), 0.01 ether, "almost everything payable");
        uint256 paidP = _claimA(p, 0);
        // 424,999.99 QRY: 425,000 less 850,000 x 0.0002328 / 20,000 ~ 0.0000099 QRY.
        assertApproxEqAbs(paidP, 425_000 ether, 0.01 ether, "P paid as always up");
        assertLt(paidP, 425_000 ether, "assertLt");
        assertEq(_claimA(honest, 0), 425_000 ether, "H");
        assertEq(_claimC(cx, 0), 75_000 ether, "colluder's C-Pay for one fake record");
    }

    /// @dev KNOWN ISSUE (Medium, same root as above, griefing side): a challenger zeroes an honest provider's A-Pay
    /// with one record of 4,294,967,195 unanswered challenges, after honest challengers found it 100% up (100 of 100).
    /// H's availability becomes 100 / 4,294,967,295 (< 85%): weight 0, nothing to claim; and no honest challenger can
    /// add records of H to dilute it back (overflow). Epoch funded: H 0 instead of 850,000 x 10,000 / 20,000 = 425,000
    /// (its share goes back to the engine).
    function test_knownIssue_challengerZeroesHonestProviderWithOneRecord() public {
        address honest = _provider("honest", 0, SERVICE0_MIN_STAKE);
        address other = _provider("other", 0, SERVICE0_MIN_STAKE);
        _record(c1, honest, 100, 100);
        _record(c1, other, 100, 100);
        _record(cx, honest, U32 - 100, 0);
        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 32, U32 + 100));
        _record(c2, honest, 100, 100);

        // 850,000 x 10,000 / 20,000 for `other` + 150,000 C (c1 and cx active, 75,000 each); H's 425,000 returned.
        assertEq(_fundAt(0, START + EPOCH), 425_000 ether, "H's half goes back");
        vm.prank(honest);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.NothingToClaim.selector, 0, honest));
        availability.claimAvailability(0);
        assertEq(_claimA(other, 0), 425_000 ether, "assertEq");
    }

    // ------------------------------------------------------------------ F2: the lock asked does not cover the claims

    /// @dev KNOWN ISSUE (Low): the lock asked covers epochEnd + W0 (W0 the window at the epoch's first record), but
    /// claims stay open until fundTime + W (the window at funding). Both ends move later: any funding after the epoch's
    /// last second, and any raise of the window after the first record. The claim then asks the stake again (it
    /// "covered the window" per the comment, but it does not). Numbers: first record day 1 (W0 = 90 d, lock required
    /// day 120, set exactly); governance raises W to 180 d on day 2; funded on day 31 (a day late): claims open to day
    /// 211. The honest provider's lock ends day 120; it unbonds on day 121 (its stake is free, as the pool told it),
    /// and its claim on day 122, inside the window, reverts StakeBelowMinimum: 850,000 QRY lost unless it re-bonds
    /// 10,000 QRY. No double payment follows (the stake cannot come back under a second identity inside the same
    /// epoch), so this is an honest-provider trap and a documentation error, not a theft. Fix: the funding time and a
    /// later window are unknown at the first record, so the lock cannot cover them; either drop the stake re-check at
    /// the claim once `block.timestamp >= epochEnd + lockWindow` (the lock did its job: the stake could not serve a
    /// second identity in the epoch), or document in `lockRequiredFor` and the interface that the provider must claim
    /// before unbonding (and fix the "covered the window" comment).
    function test_knownIssue_claimWindowOutlivesTheLockAsked_honestUnbondForfeitsAPay() public {
        vm.warp(START + 1 days);
        address h = _provider("honest", 0, SERVICE0_MIN_STAKE);
        uint256 required = availability.lockRequiredFor(0);
        assertEq(required, START + 120 days, "day 30 + 90");
        stakes.setLock(h, required); // exactly as asked
        _record(c1, h, 100, 100);

        vm.warp(START + 2 days);
        _setClaimWindow(180 days);
        assertEq(availability.lockRequiredFor(0), START + 120 days, "fixed by the first record");

        _fundAt(0, START + 31 days);
        assertEq(uint256(availability.ledger(0).expiresAt), START + 211 days, "claims open to day 211");

        // Day 121: the lock is over; the honest provider unbonds (self-stake leaves at once).
        vm.warp(START + 121 days);
        stakes.setStake(h, true, 0);
        vm.warp(START + 122 days);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.StakeBelowMinimum.selector, h, 0, SERVICE0_MIN_STAKE));
        _claimA(h, 0);
        assertEq(availability.availabilityPayOf(0, h), 850_000 ether, "earned, unclaimable");
    }

    /// @dev KNOWN ISSUE (Info): before an epoch's first record, `lockRequiredFor` reads the current window, so a
    /// provider that locks exactly to it is refused if governance raises the window before anyone records in the epoch;
    /// and whichever challenger records first picks which window the epoch keeps. Day 1: H locks to day 120 (W 90 d).
    /// Day 2: W raised to 180 d. Day 3: c1's first record of the epoch fixes W0 = 180 d; H's record reverts
    /// StakeNotLocked(H, day 120, day 210). Had the colluding cx recorded its own provider on day 1, W0 would have been
    /// 90 d and H accepted: the first recorder chooses. H can re-lock (not lost), but every record of H reverts until
    /// it notices. Fix: fix the lock window per epoch at the epoch's start (e.g. snapshot the window at every change,
    /// keyed by the epoch it takes effect in: a change applies from the next epoch), so `lockRequiredFor` is final.
    function test_knownIssue_windowRaisedBeforeFirstRecord_refusesLockSetPerLockRequiredFor() public {
        vm.warp(START + 1 days);
        address h = _provider("honest", 0, SERVICE0_MIN_STAKE);
        stakes.setLock(h, availability.lockRequiredFor(0)); // day 120
        vm.warp(START + 2 days);
        _setClaimWindow(180 days);
        vm.warp(START + 3 days);
        vm.expectRevert(
            abi.encodeWithSelector(IAvailabilityPool.StakeNotLocked.selector, h, START + 120 days, START + 210 days)
        );
        _record(c1, h, 100, 100);
    }

    /// @dev Same scenario, but the colluding challenger recorded first on day 1 (before the raise): the epoch keeps 90
    /// d and H's day-120 lock qualifies. The timing of someone else's first record decides H's eligibility.
    function test_knownIssue_firstRecorderChoosesTheEpochsLockWindow() public {
        vm.warp(START + 1 days);
        address h = _provider("honest", 0, SERVICE0_MIN_STAKE);
        stakes.setLock(h, availability.lockRequiredFor(0)); // day 120
        address p = _provider("colluderProvider", 0, SERVICE0_MIN_STAKE); // locked for good (mock)
        _record(cx, p, 1, 1);
        vm.warp(START + 2 days);
        _setClaimWindow(180 days);
        vm.warp(START + 3 days);
        _record(c1, h, 100, 100);
        assertEq(uint256(availability.epochTotals(0).lockWindow), 90 days, "W0 chosen by cx's record");
        assertEq(availability.lockRequiredFor(1), START + 60 days + 180 days, "next epoch: new window");
    }

    // ------------------------------------------------------------------ safe properties (mock reader)

    /// @dev SAFE: `uint32(_claimWindow)` cannot truncate: the window is bounded to 32 bits where it is set (2^32 - 1
    /// accepted and copied whole into the epoch's lockWindow; 2^32 refused).
    function test_safe_lockWindowNeverTruncated() public {
        bytes32 key = availability.CLAIM_WINDOW();
        vm.prank(address(params));
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, key, U32 + 1));
        availability.setParameter(key, U32 + 1);
        _setClaimWindow(U32);
        address p = _provider("p", 0, SERVICE0_MIN_STAKE); // mock: locked for good
        _record(c1, p, 1, 1);
        assertEq(uint256(availability.epochTotals(0).lockWindow), U32, "whole");
        assertEq(availability.lockRequiredFor(0), START + EPOCH + U32, "assertEq");
    }

    /// @dev SAFE: the books balance. P1 (service 0, 100/100) weight 10,000; P2 (service 1, 90/100 = 90%) weight 45,000;
    /// P3 (service 0, 80/100 < 85%) weight 0. sumMinStake 70,000, sumWeight 55,000.
    ///   funded A = floor(850,000 x 55,000 / 70,000) = 667,857.142857142857142857 QRY
    ///   P1 = floor(850,000 / 7) = 121,428.571428571428571428; P2 = floor(850,000 x 9 / 14) =
    ///     546,428.571428571428571428
    ///   P1 + P2 = funded A - 1 wei.
    ///   C: c1 registered 200 (capped 100), c2 100: both active, sumActivity 200, N 2: 150,000 funded, 75,000 each.
    ///   funded = 817,857.142857142857142857; returned 182,142.857142857142857143; sweep after claims = 1 wei.
    function test_safe_booksBalance_claimsNeverExceedFunding() public {
        address p1 = _provider("p1", 0, SERVICE0_MIN_STAKE);
        address p2 = _provider("p2", 1, SERVICE1_MIN_STAKE);
        address p3 = _provider("p3", 0, SERVICE0_MIN_STAKE);
        _record(c1, p1, 100, 100);
        _record(c1, p2, 100, 90);
        _record(c2, p3, 100, 80);

        uint256 returned = _fundAt(0, START + EPOCH);
        assertEq(returned, 182_142_857142857142857143, "returned");
        assertEq(uint256(availability.ledger(0).funded), 817_857_142857142857142857, "funded");
        assertEq(_claimA(p1, 0), 121_428_571428571428571428, "P1");
        assertEq(_claimA(p2, 0), 546_428_571428571428571428, "P2");
        vm.prank(p3);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.NothingToClaim.selector, 0, p3));
        availability.claimAvailability(0);
        assertEq(_claimC(c1, 0), 75_000 ether, "c1");
        assertEq(_claimC(c2, 0), 75_000 ether, "c2");
        // Second claims refused.
        vm.prank(p1);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.AlreadyClaimed.selector, 0, p1));
        availability.claimAvailability(0);
        vm.prank(c1);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.AlreadyClaimed.selector, 0, c1));
        availability.claimChallenges(0);

        IDistributionPool.Ledger memory book = availability.ledger(0);
        assertEq(uint256(book.funded) - uint256(book.claimed), 1, "1 wei of rounding left");
        vm.warp(uint256(book.expiresAt));
        vm.prank(funder);
        assertEq(availability.sweep(0), 1, "sweep: the rounding");
        assertEq(qry.balanceOf(address(availability)), 0, "pool empty");
    }

    /// @dev SAFE: a lock ending exactly at the requirement qualifies, one second short does not; the requirement does
    /// not depend on when in the epoch the record falls (last second of the epoch: same day-120 requirement); a service
    /// minimum raised after the first record does not void the record (claim asks the recorded 10,000).
    function test_safe_lockEdgesAndMinimumRaisedAfterRecord() public {
        address a = _provider("a", 0, SERVICE0_MIN_STAKE);
        address b = _provider("b", 0, SERVICE0_MIN_STAKE);
        uint256 required = START + 120 days;
        stakes.setLock(a, required);
        stakes.setLock(b, required - 1);
        vm.warp(START + EPOCH - 1); // the epoch's last second
        _record(c1, a, 100, 100);
        vm.expectRevert(abi.encodeWithSelector(IAvailabilityPool.StakeNotLocked.selector, b, required - 1, required));
        _record(c1, b, 100, 100);

        bytes32 key = availability.minStakeKey(0);
        vm.prank(address(params));
        availability.setParameter(key, 20_000 ether);
        _fundAt(0, START + EPOCH);
        // Sole recorded provider: all 850,000.
        assertEq(_claimA(a, 0), 850_000 ether, "paid under the recorded minimum");
    }
}

/// @notice The same rule against real provider staking (StakingStakeReader over ProviderStaking): epoch 30 days,
/// claim window 90 days, one service with a 10,000 QUIV minimum, unbonding 14 days, maximum lock 365 days.
contract AuditAvailabilityStakingTest is StakingBase {
    uint256 internal constant EPOCH = 30 days;
    uint256 internal constant MIN_STAKE = 10_000 ether;
    uint256 internal constant BUDGET = 1_000_000 ether;

    StakingStakeReader internal reader;
    AvailabilityPool internal pool;
    address internal challenger;
    address internal engine;

    function _parameters() internal pure override returns (IProviderStaking.Parameters memory p) {
        p = super._parameters();
        p.unbondingPeriod = 14 days;
        p.maxLockDuration = 365 days;
    }

    function setUp() public override {
        super.setUp();
        reader = new StakingStakeReader(address(staking));
        IAvailabilityPool.Rules memory r = IAvailabilityPool.Rules({
            quota: 100,
            availabilityBps: 8500,
            activityBps: 8500,
            challengerShareBps: 1500
        });
        uint256[] memory mins = new uint256[](1);
        mins[0] = MIN_STAKE;
        pool = new AvailabilityPool(address(token), address(manager), T0, EPOCH, 90 days, address(reader), r, mins);
        challenger = makeAddr("challenger");
        engine = makeAddr("engine");
        vm.startPrank(admin);
        Wiring.availabilityPool(manager, address(pool));
        manager.grantRole(Roles.DISTRIBUTION_CHALLENGER, challenger, 0);
        manager.grantRole(Roles.DISTRIBUTION_ENGINE, engine, 0);
        vm.stopPrank();
    }

    function _provider(address who) internal {
        _register(who, MIN_STAKE);
        vm.prank(who);
        pool.registerService(0);
    }

    function _record(address provider, uint256 challenges, uint256 answered) internal {
        vm.prank(challenger);
        pool.recordChallenges((block.timestamp - T0) / EPOCH, provider, challenges, answered);
    }

    function _fund(uint256 epoch) internal {
        vm.warp(pool.epochEnd(epoch));
        _mint(engine, BUDGET);
        vm.startPrank(engine);
        token.transfer(address(pool), BUDGET);
        pool.fundEpoch(epoch, BUDGET);
        vm.stopPrank();
    }

    /// @dev SAFE (real staking): one 10,000 stake qualifies one provider per epoch. A is recorded on day 1 with its
    /// lock exactly at day 120; it cannot unbond any part (in the epoch or after it, before day 120), even banned; the
    /// lock cannot be shortened. B, a second identity with its own 10,000 but no lock, reports lockEnd 0 and is
    /// refused; a delegator that delegates 50,000 to B and locks it is no identity (own stake 0, lockEnd 0: inactive)
    /// and does not raise B's own stake. Claim: banned A collects nothing; slashed by 1% (9,900 < 10,000) it collects
    /// nothing; topped up by 200 it collects 850,000 (sole provider).
    function test_safe_realStaking_oneLockedStakeOneProviderPerEpoch() public {
        address a = makeAddr("idA");
        address b = makeAddr("idB");
        _provider(a);
        _provider(b);
        _skip(1 days);
        uint256 required = pool.lockRequiredFor(0);
        assertEq(required, T0 + 120 days, "day 30 + 90");

        // No lock: lockEnd reported 0.
        vm.expectRevert(abi.encodeWithSelector(IAvailabilityPool.StakeNotLocked.selector, a, 0, required));
        _record(a, 100, 100);
        vm.prank(a);
        staking.lock(required - block.timestamp);
        _record(a, 100, 100);

        // The stake cannot leave A: not in the epoch, not after it before the lock ends, not banned, not shortened.
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.StakeLocked.selector, a, required));
        staking.unbond(1);
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.LockShortened.selector, block.timestamp + 1, required));
        staking.lock(1);
        vm.prank(slasher);
        staking.setBanned(a, true);
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.StakeLocked.selector, a, required));
        staking.unbond(MIN_STAKE);
        vm.prank(slasher);
        staking.setBanned(a, false);

        // B: own stake, never locked.
        vm.expectRevert(abi.encodeWithSelector(IAvailabilityPool.StakeNotLocked.selector, b, 0, required));
        _record(b, 100, 100);
        // A locked delegation to B does not make B (or the delegator) qualify.
        _delegate(d1, b, 50_000 ether);
        vm.prank(d1);
        staking.lock(200 days);
        (bool active, uint256 own, uint256 lockEnd) = reader.identityStakeOf(b);
        assertTrue(active, "assertTrue");
        assertEq(own, MIN_STAKE, "own stake only");
        assertEq(lockEnd, 0, "B's own position unlocked");
        vm.expectRevert(abi.encodeWithSelector(IAvailabilityPool.StakeNotLocked.selector, b, 0, required));
        _record(b, 100, 100);
        vm.expectRevert(abi.encodeWithSelector(IAvailabilityPool.ProviderNotRegistered.selector, d1));
        _record(d1, 100, 100);
        vm.prank(d1);
        pool.registerService(0);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.InactiveProvider.selector, d1));
        _record(d1, 100, 100);
        assertEq(uint256(pool.epochTotals(0).sumMinStake), MIN_STAKE, "one provider on one stake");

        _fund(0);
        // Banned: nothing.
        vm.prank(slasher);
        staking.setBanned(a, true);
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.InactiveProvider.selector, a));
        pool.claimAvailability(0);
        vm.prank(slasher);
        staking.setBanned(a, false);
        // Slashed 1%: 9,900 own stake (below the pool's 10,000 and staking's 10,000: inactive first).
        vm.prank(slasher);
        staking.slash(a, 100, bytes32("e"));
        (, own, ) = reader.identityStakeOf(a);
        assertEq(own, 9_900 ether, "slashed 1%");
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.InactiveProvider.selector, a));
        pool.claimAvailability(0);
        // Still locked after the epoch, to the last second before day 120.
        vm.warp(required - 1);
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(IProviderStaking.StakeLocked.selector, a, required));
        staking.unbond(1);
        // Topped up by 200 (>= 10,000 again): paid its 850,000 once.
        _stake(a, 200 ether);
        vm.prank(a);
        assertEq(pool.claimAvailability(0), 850_000 ether, "A");
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.AlreadyClaimed.selector, 0, a));
        pool.claimAvailability(0);
    }

    /// @dev SAFE (real staking): the rotation the change targets. A's 10,000 qualifies A on day 1 (locked to day 120).
    /// The earliest the same tokens can reach B is day 120 (lock end) + 14 (unbonding) = day 134, in epoch 4 (days
    /// 120-150): B is recorded in epoch 4, never in epoch 0. Epoch 0 pays A alone (850,000). And once its stake left, A
    /// cannot claim (the claim re-check): no epoch pays two identities on one stake at the same time.
    function test_safe_realStaking_rotatedStakeReachesSecondIdentityOnlyInALaterEpoch() public {
        address a = makeAddr("idA");
        address b = makeAddr("idB");
        _provider(a);
        _skip(1 days);
        uint256 duration = pool.lockRequiredFor(0) - block.timestamp; // day 120 - day 1
        vm.prank(a);
        staking.lock(duration);
        _record(a, 100, 100);
        _fund(0); // day 30
        vm.prank(a);
        assertEq(pool.claimAvailability(0), 850_000 ether, "A paid for epoch 0");

        vm.warp(T0 + 120 days);
        vm.prank(a);
        uint256 index = staking.unbond(MIN_STAKE);
        vm.warp(T0 + 134 days);
        vm.prank(a);
        staking.withdraw(index);
        assertEq(token.balanceOf(a), MIN_STAKE + 850_000 ether, "stake back with A");
        vm.prank(a);
        token.transfer(b, MIN_STAKE);
        uint256 epochNow = (block.timestamp - T0) / EPOCH;
        assertEq(epochNow, 4, "epoch 4");
        duration = pool.lockRequiredFor(epochNow) - block.timestamp; // day 240 - day 134 = 106 days
        vm.startPrank(b);
        token.approve(address(staking), MIN_STAKE);
        staking.registerProvider(MIN_STAKE);
        pool.registerService(0);
        staking.lock(duration);
        vm.stopPrank();
        _record(b, 100, 100);
        assertEq(uint256(pool.providerRecord(0, b).challenges), 0, "B never in epoch 0");
        assertEq(uint256(pool.providerRecord(4, b).challenges), 100, "B in epoch 4");
    }

    /// @dev KNOWN ISSUE (Low): the claim's `active` read embeds provider staking's CURRENT minimum self-stake, which
    /// governance may raise after the epoch. A is recorded in epoch 0 on 10,000 own stake (the pool's and staking's
    /// minimum), locked to day 120, and the epoch is funded (850,000 QUIV for A alone). Staking raises its minimum
    /// self-stake to 15,000 before A claims: A's 10,000 (>= the 10,000 it was recorded under) is now "inactive" and the
    /// claim reverts InactiveProvider; A must add 5,000 to collect what it earned (and a provider without the tokens
    /// loses 850,000 at the window's end). The pool's own minimum raised is handled (the claim asks the recorded one);
    /// staking's is not. Fix: at the claim, check only what the claim check is for (own stake >= the recorded minimum,
    /// and not banned), e.g. read `isBanned` instead of `isActive`, or record eligibility at the first record and
    /// re-check only bans and slashes below the recorded minimum.
    function test_knownIssue_stakingMinimumRaisedAfterRecord_blocksEarnedAPay() public {
        address a = makeAddr("idA");
        _provider(a);
        _skip(1 days);
        uint256 duration = pool.lockRequiredFor(0) - block.timestamp;
        vm.prank(a);
        staking.lock(duration);
        _record(a, 100, 100);
        _fund(0);
        assertEq(pool.availabilityPayOf(0, a), 850_000 ether, "earned");

        _setParameter(StakingKeys.MIN_SELF_STAKE, 15_000 ether);
        (bool active, uint256 own, ) = reader.identityStakeOf(a);
        assertFalse(active, "inactive under the new staking minimum");
        assertEq(own, MIN_STAKE, "still the 10,000 it was recorded under");
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.InactiveProvider.selector, a));
        pool.claimAvailability(0);

        // Only by adding 5,000 QUIV does A collect.
        _stake(a, 5_000 ether);
        vm.prank(a);
        assertEq(pool.claimAvailability(0), 850_000 ether, "after topping up");
    }
}
