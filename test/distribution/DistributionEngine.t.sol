// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {DistributionEngine} from "../../contracts/distribution/DistributionEngine.sol";
import {IDistributionEngine} from "../../contracts/interfaces/IDistributionEngine.sol";
import {IDistributionPool} from "../../contracts/interfaces/IDistributionPool.sol";
import {IEpochClock} from "../../contracts/interfaces/IEpochClock.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {DistributionBase} from "./DistributionBase.sol";
import {ReenteringReceiver} from "./mocks/ReenteringReceiver.sol";

/// @notice The engine end to end with the real pools: the chain-maturity split, the usage multiplier and the
/// reserves, subscription revenue, claims and sweeps. Incoming funds per epoch: 1,000,000 QRY minted into the
/// engine (standing in for the emission controller's release).
contract DistributionEngineTest is DistributionBase {
    uint256 internal constant INCOMING = 1_000_000 ether;

    function _issue(uint256 amount) internal {
        _mint(address(engine), amount);
    }

    function _close(uint256 epoch) internal {
        _warpToEnd(epoch);
        assertEq(engine.closeEpoch(), epoch, "closed the expected epoch");
        _fundAll(epoch);
    }

    function _reserves() internal view returns (uint256[8] memory r) {
        for (uint256 i; i < 8; ++i) r[i] = engine.reserveOf(i);
    }

    /// @dev Governance (emergency path, no rate limit) sets a usage parameter.
    function _setUsage(bytes32 key, uint256 value) internal {
        if (params.parameterInfo(address(engine), key).registered == false) {
            _register(address(engine), key, 0, 100_000_000 ether);
        }
        vm.prank(emergency);
        params.setEmergency(address(engine), key, value);
    }

    /// @dev Pins the multiplier at 1x (its floor raised to 1x; no usage otherwise).
    function _neutralMultiplier() internal {
        _setUsage(engine.MULTIPLIER_MIN(), 1e18);
    }

    /// @dev Moves the mix window so that the end of epoch 0 sits at `point` (0: start, 1: middle, 2: end).
    function _mixAroundEpoch0End(uint256 point) internal {
        uint256 endOf0 = START + EPOCH;
        (uint64 s, uint64 e) = point == 0
            ? (uint64(endOf0), uint64(endOf0 + 30 days))
            : point == 1
                ? (uint64(endOf0 - 15 days), uint64(endOf0 + 15 days))
                : (uint64(endOf0 - 30 days), uint64(endOf0));
        IDistributionEngine.Pool[] memory p = _pools();
        uint16[] memory startBps = new uint16[](8);
        uint16[] memory endBps = new uint16[](8);
        for (uint256 i; i < 8; ++i) (startBps[i], endBps[i]) = (p[i].startBps, p[i].endBps);
        vm.prank(governor);
        engine.setMix(startBps, endBps, s, e);
    }

    // ------------------------------------------------------------------ chain maturity

    function test_weightsAt_earlyMiddleAndMatureMix() public view {
        uint256[] memory w = engine.weightsAt(MIX_START);
        uint256[8] memory early = [uint256(1_000), 3_500, 0, 0, 2_000, 2_000, 1_000, 500];
        for (uint256 i; i < 8; ++i) assertEq(w[i], early[i], "start of the transition: the early mix");
        w = engine.weightsAt(MIX_START + (MIX_END - MIX_START) / 2);
        uint256[8] memory middle = [uint256(2_500), 2_250, 750, 750, 1_250, 1_500, 700, 300];
        for (uint256 i; i < 8; ++i) assertEq(w[i], middle[i], "middle: halfway between the mixes");
        w = engine.weightsAt(MIX_END);
        uint256[8] memory mature = [uint256(4_000), 1_000, 1_500, 1_500, 500, 1_000, 400, 100];
        for (uint256 i; i < 8; ++i) assertEq(w[i], mature[i], "end of the transition: the mature mix");
    }

    /// @dev At 1x every pool's budget is its inflow; the epoch pools without participants send it back into their
    /// reserves. Middle of the transition: query 25%, PoA 22.5%, integrators 7.5%, portals 7.5%, workers 12.5%,
    /// staking 15%, consensus 7%, stabilization 3%.
    function test_closeEpoch_splitsAtTheMiddleOfTheTransition() public {
        _neutralMultiplier();
        _mixAroundEpoch0End(1);
        _issue(INCOMING);
        _close(0);
        assertEq(qry.balanceOf(workerProposals), 125_000 ether, "workers: 12.5%");
        assertEq(qry.balanceOf(address(stakingPool)), 150_000 ether, "staking: 15%");
        assertEq(stakingPool.notified(), 150_000 ether, "staking pool notified");
        assertEq(qry.balanceOf(address(stabilization)), 30_000 ether, "stabilization: 3%");
        uint256[8] memory r = _reserves();
        assertEq(r[QUERY_POOL], 250_000 ether, "query: 25%, unused");
        assertEq(r[POA_POOL], 225_000 ether, "PoA: 22.5%, unused");
        assertEq(r[INTEGRATOR_POOL], 75_000 ether, "integrators: 7.5%, unused");
        assertEq(r[PORTAL_POOL], 75_000 ether, "portals: 7.5%, unused");
        assertEq(r[CONSENSUS_POOL], 70_000 ether, "consensus: 7%, unused");
        assertEq(engine.held(), 695_000 ether, "held: the epoch pools' returns");
        assertEq(qry.balanceOf(address(engine)), 695_000 ether, "balance == held");
    }

    function test_closeEpoch_splitsAtTheStartAndTheEndOfTheTransition() public {
        _neutralMultiplier();
        _mixAroundEpoch0End(0);
        _issue(INCOMING);
        _close(0);
        assertEq(qry.balanceOf(workerProposals), 200_000 ether, "start: workers 20%");
        assertEq(qry.balanceOf(address(stabilization)), 50_000 ether, "start: stabilization 5%");
        assertEq(engine.reserveOf(INTEGRATOR_POOL), 0, "start: integrators 0%");

        _mixAroundEpoch0End(2); // the mature mix applies at the next close (end of epoch 1)
        _issue(INCOMING);
        _close(1);
        assertEq(qry.balanceOf(workerProposals), 250_000 ether, "end: workers +5%");
        assertEq(qry.balanceOf(address(stabilization)), 60_000 ether, "end: stabilization +1%");
        assertEq(engine.reserveOf(INTEGRATOR_POOL), 150_000 ether, "end: integrators 15%");
        assertEq(engine.reserveOf(QUERY_POOL), 500_000 ether, "query: 10% then 40%");
    }

    // ------------------------------------------------------------------ usage multiplier and reserves

    /// @dev No usage: 0.5x. Each pool pays half its inflow and keeps half. Early mix (epoch 0 ends before month 6).
    function test_closeEpoch_halfAtMinimumUsageKeepsTheRestInReserve() public {
        _issue(INCOMING);
        vm.expectEmit(true, false, false, true, address(engine));
        emit IDistributionEngine.EpochClosed(0, INCOMING, 0, 0.5e18, 0, 0, 0);
        _close(0);
        assertEq(qry.balanceOf(workerProposals), 100_000 ether, "workers: half of 200,000");
        assertEq(qry.balanceOf(address(stakingPool)), 100_000 ether, "staking: half of 200,000");
        assertEq(qry.balanceOf(address(stabilization)), 25_000 ether, "stabilization: half of 50,000");
        uint256[8] memory r = _reserves();
        assertEq(r[WORKER_POOL], 100_000 ether, "workers keep half");
        assertEq(r[STAKING_POOL], 100_000 ether, "staking keeps half");
        assertEq(r[STABILIZATION_POOL], 25_000 ether, "stabilization keeps half");
        assertEq(r[QUERY_POOL], 100_000 ether, "query: half kept, half returned (no providers)");
        assertEq(r[POA_POOL], 350_000 ether, "PoA: all back");
        assertEq(r[CONSENSUS_POOL], 100_000 ether, "consensus: all back");
        assertEq(engine.held(), 775_000 ether, "held");
        assertEq(qry.balanceOf(address(engine)), 775_000 ether, "balance == held");
        IDistributionEngine.EpochSummary memory s = engine.epochSummary(0);
        assertEq(uint256(s.incoming), INCOMING, "summary: incoming");
        assertEq(uint256(s.multiplierWad), 0.5e18, "summary: multiplier");
        assertEq(engine.nextEpoch(), 1, "next epoch");
    }

    /// @dev Epoch 0 at 0.5x builds reserves; epoch 1 at 1.2x (stake 12M of a 10M target, stake alone weighted)
    /// draws on them; epoch 2 at 2x is capped by what each pool holds.
    function test_closeEpoch_aboveTargetUsageDrawsOnTheReserve() public {
        // The stake measure is the time-weighted average over each epoch: 12M bonded through epochs 0 and 1.
        stakes.setTotals(12_000_000 ether, 0);
        _issue(INCOMING);
        _close(0);
        _setUsage(engine.REVENUE_WEIGHT(), 0);
        _setUsage(engine.ACTIVE_WEIGHT(), 0);
        assertEq(engine.usageMultiplier(0, 0, 12_000_000 ether), 1.2e18, "1.2x");

        _issue(INCOMING);
        _close(1); // 12M throughout
        // Workers: inflow 200,000, budget 240,000 (reserve 100,000 -> 60,000).
        assertEq(qry.balanceOf(workerProposals), 340_000 ether, "workers: 100,000 + 240,000");
        assertEq(engine.reserveOf(WORKER_POOL), 60_000 ether, "workers' reserve drawn");
        assertEq(qry.balanceOf(address(stabilization)), 85_000 ether, "stabilization: 25,000 + 60,000");
        assertEq(engine.reserveOf(STABILIZATION_POOL), 15_000 ether, "stabilization's reserve drawn");

        stakes.setTotals(30_000_000 ether, 0);
        _issue(INCOMING);
        _close(2); // 30M throughout
        // Workers: inflow 200,000 x 2 = 400,000 > 260,000 held: pays 260,000, reserve empty.
        assertEq(qry.balanceOf(workerProposals), 600_000 ether, "workers: capped by what the pool holds");
        assertEq(engine.reserveOf(WORKER_POOL), 0, "reserve emptied");
        assertEq(engine.epochSummary(2).multiplierWad, 2e18, "2x");
    }

    /// @dev Subscription revenue joins the issuance: 3,000 QRY paid, 97,000 issued; measures reach the event. The
    /// revenue measure is one month of the three prepaid (1,000 QRY), the active count one whole subscription.
    function test_closeEpoch_collectsSubscriptionRevenue() public {
        _subscribe(1_000 ether, 3);
        _issue(97_000 ether);
        // revenue 1,000 / 100,000 = 0.01, active 1 / 100 = 0.01: 0.5 x 0.01 + 0.3 x 0.01 = 0.008 -> 0.5x.
        vm.expectEmit(true, false, false, true, address(engine));
        emit IDistributionEngine.EpochClosed(0, 100_000 ether, 3_000 ether, 0.5e18, 1_000 ether, 1, 0);
        _close(0);
        assertEq(qry.balanceOf(address(subscriptions)), 0, "revenue collected");
        assertEq(qry.balanceOf(workerProposals), 10_000 ether, "workers: 20% of 100,000 at 0.5x");
    }

    // ------------------------------------------------------------------ claims through the engine

    /// @dev A provider that served the epoch claims the query pool's budget; another provider who does not claim
    /// leaves its share, which the sweep brings back to the query pool's reserve.
    function test_closeEpoch_fundsPoolsThatParticipantsClaimAndSweepsBack() public {
        address alice = makeAddr("alice");
        address bob = makeAddr("bob");
        _stake(alice, PROVIDER_MIN_STAKE);
        _stake(bob, PROVIDER_MIN_STAKE);
        uint256 id = _subscribe(100 ether, 1);
        _report(0, id, alice, 100); // TRV 10,000: root 1e20
        _report(0, id, bob, 400); // TRV 40,000: root 2e20
        _issue(INCOMING - 100 ether);
        _close(0);
        // Query: inflow 100,000 at 0.5x: 50,000 funded, 50,000 kept.
        assertEq(engine.reserveOf(QUERY_POOL), 50_000 ether, "query reserve: the half kept");
        vm.prank(alice);
        assertEq(providerPool.claim(0), 16_666_666_666_666_666_666_666, "alice: 1/3 of 50,000");
        uint256 expiresAt = providerPool.ledger(0).expiresAt;
        vm.warp(expiresAt);
        assertEq(engine.sweep(QUERY_POOL, 0), 33_333_333_333_333_333_333_334, "bob's share and the dust");
        assertEq(engine.reserveOf(QUERY_POOL), 83_333_333_333_333_333_333_334, "back in the query reserve");
        assertEq(qry.balanceOf(address(engine)), engine.held(), "balance == held");
    }

    function test_closeEpoch_reentryFromANotifiedPoolIsRefused() public {
        ReenteringReceiver receiver = new ReenteringReceiver();
        IDistributionEngine.Pool[] memory p = new IDistributionEngine.Pool[](2);
        p[0] = _pool(address(receiver), 5_000, 5_000, IDistributionEngine.PoolKind.Notify);
        p[1] = _pool(workerProposals, 5_000, 5_000, IDistributionEngine.PoolKind.Plain);
        DistributionEngine other = new DistributionEngine(
            address(manager),
            address(subscriptions),
            address(stakes),
            p,
            0,
            0,
            _usage()
        );
        receiver.setEngine(other);
        vm.prank(admin);
        manager.grantRole(Roles.DISTRIBUTION_ENGINE, address(other), 0);
        _mint(address(other), 1_000 ether);
        _warpToEnd(0);
        other.closeEpoch();
        other.fund(0, 0);
        bytes memory refused = abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        assertEq(keccak256(receiver.closeResult()), keccak256(refused), "closeEpoch re-entry from fund refused");
        assertEq(keccak256(receiver.sweepResult()), keccak256(refused), "sweep re-entry refused");
        assertEq(other.nextEpoch(), 1, "closed once");
    }

    // ------------------------------------------------------------------ paying pools (pull model)

    /// @dev The close records budgets; anyone pays each once, in any order, and gains nothing by calling first,
    /// last or twice. Early mix at 0.5x: workers 20% of 1,000,000 -> 100,000; query 10% -> 50,000 (all sent back:
    /// no providers). Epoch 1 brings nothing in: zero budgets, still pending so the epoch pools resolve it.
    function test_fund_anyoneOnceInAnyOrder() public {
        address alice = makeAddr("alice");
        address bob = makeAddr("bob");
        _issue(INCOMING);
        vm.expectRevert(abi.encodeWithSelector(IDistributionEngine.NothingPending.selector, WORKER_POOL, 0));
        engine.fund(WORKER_POOL, 0);

        vm.warp(START + 2 * EPOCH);
        engine.closeEpoch();
        engine.closeEpoch();
        assertEq(qry.balanceOf(workerProposals), 0, "the close pays nobody");
        (uint256 budget, bool pending) = engine.budgetOf(WORKER_POOL, 0);
        assertEq(budget, 100_000 ether, "workers' budget recorded");
        assertTrue(pending, "pending");
        assertEq(engine.held(), INCOMING, "held: reserves and pending budgets");

        vm.prank(alice);
        (uint256 paid, uint256 returned) = engine.fund(WORKER_POOL, 0);
        assertEq(paid, 100_000 ether, "workers paid");
        assertEq(returned, 0, "a plain account returns nothing");
        assertEq(qry.balanceOf(workerProposals), 100_000 ether, "received");
        assertEq(qry.balanceOf(alice), 0, "the caller gains nothing");
        (budget, pending) = engine.budgetOf(WORKER_POOL, 0);
        assertEq(budget, 100_000 ether, "the budget stays readable");
        assertFalse(pending, "paid");

        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IDistributionEngine.NothingPending.selector, WORKER_POOL, 0));
        engine.fund(WORKER_POOL, 0);
        assertEq(qry.balanceOf(workerProposals), 100_000 ether, "not paid twice");
        assertEq(engine.held(), INCOMING - 100_000 ether, "held down by what was paid");

        // Epoch 1 before epoch 0.
        (paid, returned) = engine.fund(QUERY_POOL, 1);
        assertEq(paid, 0, "epoch 1: nothing came in");
        assertEq(providerPool.ledger(1).expiresAt, block.timestamp + CLAIM_WINDOW, "epoch 1 resolved");
        (paid, returned) = engine.fund(QUERY_POOL, 0);
        assertEq(paid, 50_000 ether, "query: half of 100,000");
        assertEq(returned, 50_000 ether, "no providers: all back");
        assertEq(engine.reserveOf(QUERY_POOL), 100_000 ether, "into the reserve");

        vm.expectRevert(abi.encodeWithSelector(IDistributionEngine.UnknownPool.selector, 8, 8));
        engine.fund(8, 0);
        vm.expectRevert(abi.encodeWithSelector(IDistributionEngine.NothingPending.selector, WORKER_POOL, 2));
        engine.fund(WORKER_POOL, 2);
        assertEq(qry.balanceOf(address(engine)), engine.held(), "balance == held");
    }

    /// @dev Claims open when the pool is funded, for a whole claim window, however late: nobody shortens a
    /// participant's window by funding early or late; before funding, claims and sweeps are refused.
    function test_fund_lateFundingKeepsTheWholeClaimWindow() public {
        address alice = makeAddr("alice");
        _stake(alice, PROVIDER_MIN_STAKE);
        uint256 id = _subscribe(100 ether, 1);
        _report(0, id, alice, 100);
        _issue(INCOMING - 100 ether);
        _warpToEnd(0);
        engine.closeEpoch();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.EpochNotFunded.selector, 0));
        providerPool.claim(0);
        vm.warp(block.timestamp + 100 days);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.EpochNotFunded.selector, 0));
        engine.sweep(QUERY_POOL, 0);

        engine.fund(QUERY_POOL, 0);
        assertEq(providerPool.ledger(0).expiresAt, block.timestamp + CLAIM_WINDOW, "a whole window from funding");
        vm.warp(block.timestamp + CLAIM_WINDOW - 1);
        vm.prank(alice);
        // Query: 10% of 1,000,000 at 0.5x = 50,000, alice alone.
        assertEq(providerPool.claim(0), 50_000 ether, "alice claims the whole budget");
    }

    // ------------------------------------------------------------------ bad input

    function test_RevertWhen_closingAnEpochThatHasNotEnded() public {
        _issue(INCOMING);
        vm.warp(START + EPOCH - 1);
        vm.expectRevert(abi.encodeWithSelector(IEpochClock.EpochNotOver.selector, 0, START + EPOCH));
        engine.closeEpoch();
        assertEq(engine.nextEpoch(), 0, "still epoch 0");
        assertEq(engine.held(), 0, "nothing split");
        _close(0);
        vm.expectRevert(abi.encodeWithSelector(IEpochClock.EpochNotOver.selector, 1, START + 2 * EPOCH));
        engine.closeEpoch();
        assertEq(engine.nextEpoch(), 1, "epoch 1 not closed early");
    }

    function test_closeEpoch_catchesUpOneEpochAtATime() public {
        _issue(INCOMING);
        vm.warp(START + 3 * EPOCH);
        assertEq(engine.closeEpoch(), 0, "epoch 0 first");
        assertEq(engine.closeEpoch(), 1, "then 1");
        assertEq(engine.closeEpoch(), 2, "then 2");
        vm.expectRevert(abi.encodeWithSelector(IEpochClock.EpochNotOver.selector, 3, START + 4 * EPOCH));
        engine.closeEpoch();
        assertEq(engine.epochSummary(0).incoming, INCOMING, "everything arrived before the first close");
        assertEq(engine.epochSummary(1).incoming, 0, "nothing new for epoch 1");
    }

    function test_RevertWhen_sweepingAnUnknownOrPlainPool() public {
        vm.expectRevert(abi.encodeWithSelector(IDistributionEngine.UnknownPool.selector, 8, 8));
        engine.sweep(8, 0);
        vm.expectRevert(abi.encodeWithSelector(IDistributionEngine.NotAnEpochPool.selector, WORKER_POOL));
        engine.sweep(WORKER_POOL, 0);
    }

    function test_RevertWhen_setMixIsInvalidOrUnauthorized() public {
        uint16[] memory w = new uint16[](8);
        w[0] = 10_000;
        uint16[] memory short = new uint16[](7);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        engine.setMix(w, w, 0, 0);
        vm.startPrank(governor);
        vm.expectRevert(abi.encodeWithSelector(IDistributionEngine.WeightCountMismatch.selector, 7, 8, 8));
        engine.setMix(short, w, 0, 0);
        vm.expectRevert(abi.encodeWithSelector(IDistributionEngine.InvalidMixWindow.selector, 2, 1));
        engine.setMix(w, w, 2, 1);
        uint16[] memory bad = new uint16[](8);
        bad[0] = 9_999;
        vm.expectRevert(abi.encodeWithSelector(IDistributionEngine.InvalidWeights.selector, 10_000, 9_999));
        engine.setMix(w, bad, 0, 0);
        vm.stopPrank();
        assertEq(engine.pools()[QUERY_POOL].startBps, 1_000, "mix unchanged");
        (uint64 s, uint64 e) = engine.mixWindow();
        assertEq(uint256(s), MIX_START, "window unchanged");
        assertEq(uint256(e), MIX_END, "window unchanged");
    }

    function test_RevertWhen_usageParameterIsInvalid() public {
        vm.startPrank(address(params));
        bytes32 minKey = engine.MULTIPLIER_MIN();
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, minKey, 1e18 + 1));
        engine.setParameter(minKey, 1e18 + 1);
        bytes32 maxKey = engine.MULTIPLIER_MAX();
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, maxKey, 1e18 - 1));
        engine.setParameter(maxKey, 1e18 - 1);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, maxKey, 10e18 + 1));
        engine.setParameter(maxKey, 10e18 + 1);
        bytes32 targetKey = engine.REVENUE_TARGET();
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, targetKey, 0));
        engine.setParameter(targetKey, 0);
        engine.setParameter(engine.REVENUE_WEIGHT(), 0);
        engine.setParameter(engine.ACTIVE_WEIGHT(), 0);
        bytes32 stakeWeightKey = engine.STAKE_WEIGHT();
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, stakeWeightKey, 0));
        engine.setParameter(stakeWeightKey, 0);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, bytes32("nope")));
        engine.setParameter(bytes32("nope"), 1);
        vm.stopPrank();
        assertEq(engine.parameter(stakeWeightKey), 2_000, "the last weight stays");
        assertEq(engine.parameter(minKey), 0.5e18, "min unchanged");
        assertEq(engine.parameter(maxKey), 2e18, "max unchanged");
    }

    function test_RevertWhen_constructorPoolsAreInvalid() public {
        IDistributionEngine.Pool[] memory p = _pools();
        p[1].account = p[0].account;
        vm.expectRevert(abi.encodeWithSelector(IDistributionEngine.DuplicatePool.selector, p[0].account));
        _deployEngine(p);

        p = _pools();
        p[WORKER_POOL].account = address(0);
        vm.expectRevert(abi.encodeWithSelector(IDistributionEngine.InvalidPool.selector, address(0)));
        _deployEngine(p);

        p = _pools();
        p[STAKING_POOL].account = stranger; // notified, without code
        vm.expectRevert(abi.encodeWithSelector(IDistributionEngine.InvalidPool.selector, stranger));
        _deployEngine(p);

        p = _pools();
        address otherClock = address(_sqrtPoolWithClock(START, 7 days));
        p[QUERY_POOL].account = otherClock;
        vm.expectRevert(abi.encodeWithSelector(IDistributionEngine.ClockMismatch.selector, otherClock));
        _deployEngine(p);

        p = _pools();
        p[0].startBps = 999;
        vm.expectRevert(abi.encodeWithSelector(IDistributionEngine.InvalidWeights.selector, 9_999, 10_000));
        _deployEngine(p);

        vm.expectRevert(abi.encodeWithSelector(IDistributionEngine.InvalidPoolCount.selector, 0, 8));
        _deployEngine(new IDistributionEngine.Pool[](0));

        vm.expectRevert(IDistributionEngine.InvalidConfiguration.selector);
        new DistributionEngine(address(manager), address(0), address(stakes), _pools(), 0, 0, _usage());
        vm.expectRevert(IDistributionEngine.InvalidConfiguration.selector);
        new DistributionEngine(address(manager), address(subscriptions), address(0), _pools(), 0, 0, _usage());

        IDistributionEngine.Pool[] memory nine = new IDistributionEngine.Pool[](9);
        vm.expectRevert(abi.encodeWithSelector(IDistributionEngine.InvalidPoolCount.selector, 9, 8));
        _deployEngine(nine);
    }

    function _deployEngine(IDistributionEngine.Pool[] memory p) internal returns (DistributionEngine) {
        return
            new DistributionEngine(
                address(manager),
                address(subscriptions),
                address(stakes),
                p,
                uint64(MIX_START),
                uint64(MIX_END),
                _usage()
            );
    }
}
