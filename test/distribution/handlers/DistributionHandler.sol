// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AvailabilityPool} from "../../../contracts/distribution/AvailabilityPool.sol";
import {ConsensusRewards} from "../../../contracts/distribution/ConsensusRewards.sol";
import {DistributionEngine} from "../../../contracts/distribution/DistributionEngine.sol";
import {SqrtPool} from "../../../contracts/distribution/SqrtPool.sol";
import {SubscriptionManager} from "../../../contracts/distribution/SubscriptionManager.sol";
import {EmissionController} from "../../../contracts/supply/EmissionController.sol";
import {IDistributionEngine} from "../../../contracts/interfaces/IDistributionEngine.sol";
import {IDistributionPool} from "../../../contracts/interfaces/IDistributionPool.sol";
import {IEmissionController} from "../../../contracts/interfaces/IEmissionController.sol";
import {IEpochClock} from "../../../contracts/interfaces/IEpochClock.sol";
import {ISqrtPool} from "../../../contracts/interfaces/ISqrtPool.sol";
import {ISubscriptionManager} from "../../../contracts/interfaces/ISubscriptionManager.sol";
import {ProtocolToken} from "../../../contracts/token/ProtocolToken.sol";
import {Test} from "../../utils/Test.sol";
import {Vm} from "../../utils/Vm.sol";
import {MockStakeReader} from "../mocks/MockStakeReader.sol";

/// @notice Drives the distribution's inflows and records: emission releases into the engine, subscriptions and
/// renewals by two portals, gateway reports, challenges, blocks, epoch closes, sweeps and stake changes, over
/// months. Keeps ghost totals of money in, of each pool's inflows, budgets and returns (read from the engine's
/// events) and of the value credited per account and epoch. Claims are `ClaimHandler`'s.
contract DistributionHandler is Test {
    struct System {
        ProtocolToken qry;
        address minter;
        EmissionController controller;
        MockStakeReader stakes;
        SubscriptionManager subscriptions;
        DistributionEngine engine;
        SqrtPool providerPool;
        SqrtPool integratorPool;
        SqrtPool portalPool;
        AvailabilityPool availability;
        ConsensusRewards consensus;
        address gateway;
        address reporter;
    }

    uint256 internal constant START = 1_800_000_000;
    uint256 internal constant EPOCH = 30 days;
    uint256 internal constant POOLS = 8;

    bytes32 internal constant POOL_BUDGETED = keccak256("PoolBudgeted(uint256,uint256,uint256,uint256,uint256)");
    bytes32 internal constant EPOCH_CLOSED = keccak256(
        "EpochClosed(uint256,uint256,uint256,uint256,uint256,uint256,uint256)"
    );

    System internal s;

    address[4] public providers;
    address[3] public challengers;
    address[2] public validators;
    address[2] public integrators;
    address[2] public portals;
    address public client;
    uint256[] internal _subscriptionIds;

    // ---- ghosts
    uint256 public ghostIssued;
    uint256 public ghostRevenue;
    uint256[POOLS] public inflowTotal;
    uint256[POOLS] public budgetTotal;
    uint256[POOLS] public returnedTotal;
    /// @dev Budgets recorded at a close and not paid yet (held by the engine for their pools).
    uint256 public pendingTotal;
    uint256 public funds;
    uint256[POOLS] public restoredTotal;
    mapping(uint256 pool => mapping(uint256 epoch => uint256)) public ghostBudget;
    mapping(uint256 pool => mapping(uint256 epoch => uint256)) public ghostReturned;
    mapping(uint256 pool => mapping(uint256 epoch => uint256)) public ghostSwept;
    mapping(address pool => mapping(uint256 epoch => mapping(address account => uint256))) public ghostValue;

    /// @dev Per epoch: the monthly pay of the subscriptions active in it, and their weight in thousandths.
    mapping(uint256 epoch => uint256) public ghostEpochRevenue;
    mapping(uint256 epoch => uint256) public ghostEpochMilli;
    uint256 public sybilsRefused;
    uint256 public dustSold;

    // ---- the rotating Sybil: ONE 10,000 QRY stake moved between three registered integrator identities through the
    // 14-day unbonding, locked as long as the attacker likes (provider staking's rules: locked self-stake cannot
    // leave, a lock is never shortened). `rotHolder` is the identity holding it (NONE while it unbonds toward
    // `rotDestination`, arriving at `rotArrivesAt`).
    uint256 internal constant NONE = 3;
    uint256 internal constant IDENTITY_STAKE = 10_000 ether;
    address[3] public rotators;
    uint256 public rotHolder;
    uint256 public rotDestination;
    uint256 public rotArrivesAt;
    uint256 public rotLockEnd;
    /// @dev Per epoch, a bit per rotating identity credited in it (the model's prediction, checked on-chain).
    mapping(uint256 epoch => uint256) public rotCreditedMask;
    /// @dev The same as providers: a bit per rotating identity a gateway's report credited in the epoch.
    mapping(uint256 epoch => uint256) public rotProviderMask;
    uint256 public rotReportsCredited;
    uint256 public rotReportsRefused;
    uint256 public rotSalesCredited;
    uint256 public rotSalesRefused;
    uint256 public rotMoves;

    // ---- coverage counters
    uint256 public closes;
    uint256 public sweeps;
    uint256 public reports;

    constructor(System memory system_, address[4] memory providers_, address[3] memory challengers_) {
        s = system_;
        providers = providers_;
        challengers = challengers_;
        validators = [makeAddr("validator0"), makeAddr("validator1")];
        integrators = [makeAddr("integrator0"), makeAddr("integrator1")];
        portals = [makeAddr("portal0"), makeAddr("portal1")];
        client = makeAddr("client");
        rotators = [makeAddr("rotator0"), makeAddr("rotator1"), makeAddr("rotator2")];
    }

    /// @dev Setup: the stake starts at rotator 0, unlocked (the test registered all three on it in turn).
    function startRotation() external {
        rotHolder = 0;
        rotDestination = NONE;
    }

    function _epoch() internal view returns (uint256) {
        return (block.timestamp - START) / EPOCH;
    }

    function _expect(bytes memory reason, bytes memory expected, string memory what) internal pure {
        assertEq(keccak256(reason), keccak256(expected), string.concat(what, ": unexpected error"));
    }

    // ------------------------------------------------------------------ money in

    function release() external {
        uint256 before = s.qry.balanceOf(address(s.engine));
        try s.controller.release() returns (uint256 amount) {
            assertEq(s.qry.balanceOf(address(s.engine)) - before, amount, "the engine received the release");
            ghostIssued += amount;
        } catch (bytes memory reason) {
            _expect(reason, abi.encodeWithSelector(IEmissionController.NothingToRelease.selector), "release");
        }
    }

    function subscribe(uint256 portalSeed, uint256 integratorSeed, uint256 pay, uint256 epochs) external {
        address portal = portals[portalSeed % 2];
        address integrator = integrators[integratorSeed % 2];
        pay = bound(pay, 10 ether, 5_000 ether);
        epochs = bound(epochs, 1, 36);
        uint256 amount = pay * epochs;
        _pay(portal, amount);
        vm.prank(portal);
        uint256 id = s.subscriptions.subscribe(client, integrator, pay, epochs);
        _subscriptionIds.push(id);
        _credited(amount, portal, integrator);
        _active(_epoch(), _epoch() + epochs - 1, pay);
    }

    /// @dev Dust: up to 20 subscriptions at the minimum pay for one epoch, from one portal.
    function dust(uint256 portalSeed, uint256 count) external {
        address portal = portals[portalSeed % 2];
        count = bound(count, 1, 20);
        for (uint256 i; i < count; ++i) {
            _pay(portal, 10 ether);
            vm.prank(portal);
            _subscriptionIds.push(s.subscriptions.subscribe(client, integrators[i % 2], 10 ether, 1));
            _credited(10 ether, portal, integrators[i % 2]);
            _active(_epoch(), _epoch(), 10 ether);
        }
        dustSold += count;
    }

    /// @dev A Sybil integrator: a fresh identity with no stake. The integrators' pool requires 10,000 QRY, so it
    /// cannot register (`IntegratorNotStaked`), and a portal naming it unregistered is refused
    /// (`UnregisteredIntegrator`); nothing changes.
    function sybil(uint256 portalSeed, uint256 nameSeed, uint256 pay) external {
        address portal = portals[portalSeed % 2];
        address fake = address(uint160(uint256(keccak256(abi.encode("sybil", nameSeed)))));
        pay = bound(pay, 10 ether, 5_000 ether);
        vm.prank(fake);
        try s.subscriptions.registerIntegrator() {
            revert("a Sybil integrator registered");
        } catch (bytes memory reason) {
            bytes memory expected = abi.encodeWithSelector(
                ISubscriptionManager.IntegratorNotStaked.selector,
                fake,
                0,
                10_000 ether
            );
            _expect(reason, expected, "sybil registration");
        }
        vm.prank(s.minter);
        s.qry.mint(portal, pay);
        vm.prank(portal);
        s.qry.approve(address(s.subscriptions), pay);
        uint256 count = s.subscriptions.subscriptionCount();
        vm.prank(portal);
        try s.subscriptions.subscribe(client, fake, pay, 1) {
            revert("a Sybil integrator was credited");
        } catch (bytes memory reason) {
            _expect(
                reason,
                abi.encodeWithSelector(ISubscriptionManager.UnregisteredIntegrator.selector, fake),
                "sybil"
            );
        }
        assertEq(s.subscriptions.subscriptionCount(), count, "no subscription recorded");
        // Nothing moved: the portal burns the QRY it was given for it, so the supply ghost is unchanged.
        vm.prank(portal);
        s.qry.burn(pay);
        sybilsRefused++;
    }

    /// @dev Records a subscription active in epochs `from` to `to` at `pay` a month.
    function _active(uint256 from, uint256 to, uint256 pay) internal {
        uint256 units = pay >= 100 ether ? 1_000 : (pay * 1_000) / 100 ether;
        for (uint256 e = from; e <= to; ++e) {
            ghostEpochRevenue[e] += pay;
            ghostEpochMilli[e] += units;
        }
    }

    function renew(uint256 idSeed, uint256 epochs) external {
        if (_subscriptionIds.length == 0) return;
        uint256 id = _subscriptionIds[idSeed % _subscriptionIds.length];
        ISubscriptionManager.Terms memory t = s.subscriptions.termsOf(id);
        uint256 current = _epoch();
        uint256 from = t.paidThrough < current ? current : uint256(t.paidThrough) + 1;
        uint256 max = current + 36 - from;
        if (max == 0) return;
        epochs = bound(epochs, 1, max);
        uint256 amount = uint256(t.monthlyPay) * epochs;
        _pay(client, amount);
        ISubscriptionManager.Parties memory p = s.subscriptions.partiesOf(id);
        // A renewal naming a rotating identity that does not qualify now is paid without crediting it.
        bool integratorQualifies = _qualifies(p.integrator, current);
        vm.prank(client);
        s.subscriptions.renew(id, epochs);
        if (integratorQualifies) _credited(amount, p.portal, p.integrator);
        else ghostValue[address(s.portalPool)][current][p.portal] += amount;
        _active(from, from + epochs - 1, t.monthlyPay);
    }

    function _pay(address payer, uint256 amount) internal {
        vm.prank(s.minter);
        s.qry.mint(payer, amount);
        vm.prank(payer);
        s.qry.approve(address(s.subscriptions), amount);
        ghostRevenue += amount;
    }

    function _credited(uint256 amount, address portal, address integrator) internal {
        uint256 e = _epoch();
        ghostValue[address(s.portalPool)][e][portal] += amount;
        ghostValue[address(s.integratorPool)][e][integrator] += amount;
        uint256 r = _rotIndex(integrator);
        if (r != NONE) rotCreditedMask[e] |= 1 << r;
    }

    // ------------------------------------------------------------------ the rotating Sybil

    function _rotIndex(address account) internal view returns (uint256) {
        for (uint256 i; i < 3; ++i) if (rotators[i] == account) return i;
        return NONE;
    }

    /// @dev The model of the identity rule: an honest integrator always qualifies (locked for good); a rotating
    /// identity only while it holds the stake, and at its first credit of the epoch only with the stake locked
    /// until the epoch's end plus the claim window.
    function _qualifies(address integrator, uint256 e) internal view returns (bool) {
        return _qualifiesIn(address(s.integratorPool), integrator, e);
    }

    /// @dev The same rule in any of the identity pools (all three run the same clock and claim window here).
    function _qualifiesIn(address pool, address account, uint256 e) internal view returns (bool) {
        uint256 r = _rotIndex(account);
        if (r == NONE) return true;
        if (r != rotHolder) return false;
        return ghostValue[pool][e][account] > 0 || rotLockEnd >= _lockRequired(e);
    }

    function _lockRequired(uint256 e) internal view returns (uint256) {
        return s.integratorPool.epochEnd(e) + s.integratorPool.claimWindow();
    }

    /// @dev The unbonding stake arrives at its destination once 14 days have passed (unlocked).
    function _settle() internal {
        if (rotHolder != NONE || block.timestamp < rotArrivesAt) return;
        rotHolder = rotDestination;
        rotDestination = NONE;
        rotLockEnd = 0;
        s.stakes.setStake(rotators[rotHolder], true, IDENTITY_STAKE);
        s.stakes.setLock(rotators[rotHolder], 0);
    }

    /// @dev Moves the stake to another identity: refused while locked (as provider staking refuses to unbond it).
    function rotate(uint256 toSeed) external {
        _settle();
        if (rotHolder == NONE || block.timestamp < rotLockEnd) return;
        s.stakes.setStake(rotators[rotHolder], true, 0);
        rotDestination = (rotHolder + 1 + (toSeed % 2)) % 3;
        rotHolder = NONE;
        rotArrivesAt = block.timestamp + 14 days;
        ++rotMoves;
    }

    /// @dev Locks the stake where it is (never shorter than the lock running): half the time exactly as long as the
    /// open epoch's first credit asks (the attacker's cheapest qualifying lock), otherwise for 1 to 60 days.
    function rotLock(uint256 daysAhead) external {
        _settle();
        if (rotHolder == NONE) return;
        uint256 lockEnd =
            daysAhead % 2 == 0 ? _lockRequired(_epoch()) : block.timestamp + bound(daysAhead, 1, 60) * 1 days;
        if (lockEnd < rotLockEnd) return;
        rotLockEnd = lockEnd;
        s.stakes.setLock(rotators[rotHolder], lockEnd);
    }

    /// @dev A portal sells one epoch naming a rotating identity: credited exactly when the model says it qualifies,
    /// refused with the error the rule gives otherwise (and nothing changes).
    function rotSale(uint256 portalSeed, uint256 idSeed, uint256 pay) external {
        _settle();
        address portal = portals[portalSeed % 2];
        // Mostly the identity holding the stake, sometimes any of the three.
        uint256 r = idSeed % 4 == 0 || rotHolder == NONE ? idSeed % 3 : rotHolder;
        address id = rotators[r];
        pay = bound(pay, 10 ether, 5_000 ether);
        uint256 e = _epoch();
        bool predicted = _qualifies(id, e);
        vm.prank(s.minter);
        s.qry.mint(portal, pay);
        vm.prank(portal);
        s.qry.approve(address(s.subscriptions), pay);
        vm.prank(portal);
        try s.subscriptions.subscribe(client, id, pay, 1) returns (uint256 sold) {
            assertTrue(predicted, "a rotating identity credited without qualifying");
            ghostRevenue += pay;
            _subscriptionIds.push(sold);
            _credited(pay, portal, id);
            _active(e, e, pay);
            ++rotSalesCredited;
        } catch (bytes memory reason) {
            assertFalse(predicted, "a qualifying rotating identity refused");
            bytes memory expected =
                r == rotHolder
                    ? abi.encodeWithSelector(ISqrtPool.StakeNotLocked.selector, id, rotLockEnd, _lockRequired(e))
                    : abi.encodeWithSelector(IDistributionPool.StakeBelowMinimum.selector, id, 0, IDENTITY_STAKE);
            _expect(reason, expected, "rotating sale");
            vm.prank(portal);
            s.qry.burn(pay);
            ++rotSalesRefused;
        }
    }

    /// @dev A gateway reports calls served by a rotating identity as a provider (the query-fulfillment pool is an
    /// identity pool too): credited exactly when the model says it qualifies, refused with the rule's error otherwise.
    function rotReport(uint256 subSeed, uint256 idSeed, uint256 calls) external {
        _settle();
        if (_subscriptionIds.length == 0) return;
        uint256 id = _subscriptionIds[subSeed % _subscriptionIds.length];
        uint256 e = _epoch();
        ISubscriptionManager.Terms memory t = s.subscriptions.termsOf(id);
        if (t.paidThrough < e) return;
        uint256 r = idSeed % 4 == 0 || rotHolder == NONE ? idSeed % 3 : rotHolder;
        address provider = rotators[r];
        calls = bound(calls, 1, 10_000);
        bool predicted = _qualifiesIn(address(s.providerPool), provider, e);
        vm.prank(s.gateway);
        try s.subscriptions.reportCalls(e, id, provider, calls) {
            assertTrue(predicted, "a rotating provider credited without qualifying");
            ghostValue[address(s.providerPool)][e][provider] += calls * t.monthlyPay;
            rotProviderMask[e] |= 1 << r;
            ++rotReportsCredited;
        } catch (bytes memory reason) {
            assertFalse(predicted, "a qualifying rotating provider refused");
            bytes memory expected =
                r == rotHolder
                    ? abi.encodeWithSelector(ISqrtPool.StakeNotLocked.selector, provider, rotLockEnd, _lockRequired(e))
                    : abi.encodeWithSelector(IDistributionPool.StakeBelowMinimum.selector, provider, 0, IDENTITY_STAKE);
            _expect(reason, expected, "rotating report");
            ++rotReportsRefused;
        }
    }

    // ------------------------------------------------------------------ records

    function report(uint256 idSeed, uint256 providerSeed, uint256 calls) external {
        if (_subscriptionIds.length == 0) return;
        uint256 id = _subscriptionIds[idSeed % _subscriptionIds.length];
        address provider = providers[providerSeed % 4];
        calls = bound(calls, 1, 10_000);
        uint256 e = _epoch();
        ISubscriptionManager.Terms memory t = s.subscriptions.termsOf(id);
        vm.prank(s.gateway);
        try s.subscriptions.reportCalls(e, id, provider, calls) {
            ghostValue[address(s.providerPool)][e][provider] += calls * t.monthlyPay;
            ++reports;
        } catch (bytes memory reason) {
            _expect(
                reason,
                abi.encodeWithSelector(ISubscriptionManager.SubscriptionInactive.selector, id, e, t.paidThrough),
                "report"
            );
        }
    }

    function record(uint256 challengerSeed, uint256 providerSeed, uint256 challenges, uint256 answered) external {
        challenges = bound(challenges, 1, 120);
        answered = bound(answered, 0, challenges);
        // Favour answers near the 85% threshold.
        if (answered % 3 == 0) answered = challenges - challenges / 7;
        vm.prank(challengers[challengerSeed % 3]);
        s.availability.recordChallenges(_epoch(), providers[providerSeed % 4], challenges, answered);
    }

    function blocks(uint256 validatorSeed, uint256 n) external {
        vm.prank(s.reporter);
        s.consensus.recordBlocks(_epoch(), validators[validatorSeed % 2], bound(n, 1, 1_000));
    }

    function setStake(uint256 bonded) external {
        s.stakes.setTotals(bound(bonded, 0, 30_000_000 ether), 0);
    }

    function warp(uint256 secondsAhead) external {
        vm.warp(block.timestamp + bound(secondsAhead, 1 hours, 30 days));
    }

    // ------------------------------------------------------------------ closing and sweeping

    function close() external {
        uint256 next = s.engine.nextEpoch();
        vm.recordLogs();
        try s.engine.closeEpoch() returns (uint256 epoch) {
            assertEq(epoch, next, "closes epochs in order");
            _readCloseLogs(epoch);
            ++closes;
        } catch (bytes memory reason) {
            _expect(
                reason,
                abi.encodeWithSelector(IEpochClock.EpochNotOver.selector, next, s.engine.epochEnd(next)),
                "close"
            );
        }
    }

    function _readCloseLogs(uint256 epoch) internal {
        Vm.Log[] memory logs = vm.getRecordedLogs();
        uint256 incoming;
        uint256 inflows;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter != address(s.engine)) continue;
            if (logs[i].topics[0] == EPOCH_CLOSED) {
                (incoming, , , , , ) = abi.decode(logs[i].data, (uint256, uint256, uint256, uint256, uint256, uint256));
            } else if (logs[i].topics[0] == POOL_BUDGETED) {
                uint256 pool = uint256(logs[i].topics[2]);
                (uint256 inflow, uint256 budget, ) = abi.decode(logs[i].data, (uint256, uint256, uint256));
                inflowTotal[pool] += inflow;
                budgetTotal[pool] += budget;
                pendingTotal += budget;
                ghostBudget[pool][epoch] = budget;
                inflows += inflow;
            }
        }
        assertLe(inflows, incoming, "inflows <= incoming");
        assertLt(incoming - inflows, POOLS, "split dust < one wei per pool");
    }

    /// @dev Anyone pays a pool its pending budget, mostly of one of the last three closed epochs, in any order.
    function fund(uint256 poolSeed, uint256 epochSeed) external {
        uint256 next = s.engine.nextEpoch();
        if (next == 0) return;
        uint256 index = poolSeed % POOLS;
        uint256 back = epochSeed % 3;
        uint256 epoch = back < next ? next - 1 - back : 0;
        (uint256 owed, bool pending) = s.engine.budgetOf(index, epoch);
        try s.engine.fund(index, epoch) returns (uint256 budget, uint256 returned) {
            assertTrue(pending, "only a pending budget is paid");
            assertEq(budget, owed, "pays the recorded budget");
            assertEq(budget, ghostBudget[index][epoch], "the budget of the close");
            pendingTotal -= budget;
            returnedTotal[index] += returned;
            ghostReturned[index][epoch] = returned;
            ++funds;
        } catch (bytes memory reason) {
            assertFalse(pending, "a pending budget is always paid (every pool works)");
            _expect(reason, abi.encodeWithSelector(IDistributionEngine.NothingPending.selector, index, epoch), "fund");
        }
    }

    function sweep(uint256 poolSeed, uint256 epochSeed) external {
        uint256 next = s.engine.nextEpoch();
        if (next == 0) return;
        uint256[6] memory candidates = [uint256(0), 1, 2, 3, 6, 4]; // five epoch pools and a plain one
        uint256 index = candidates[poolSeed % 6];
        uint256 epoch = bound(epochSeed, 0, next - 1);
        IDistributionEngine.Pool memory p = s.engine.pools()[index];
        try s.engine.sweep(index, epoch) returns (uint256 amount) {
            restoredTotal[index] += amount;
            ghostSwept[index][epoch] += amount;
            ++sweeps;
        } catch (bytes memory reason) {
            if (p.kind != IDistributionEngine.PoolKind.Epoch) {
                _expect(reason, abi.encodeWithSelector(IDistributionEngine.NotAnEpochPool.selector, index), "sweep");
                return;
            }
            IDistributionPool.Ledger memory book = IDistributionPool(p.account).ledger(epoch);
            if (book.expiresAt == 0) {
                _expect(reason, abi.encodeWithSelector(IDistributionPool.EpochNotFunded.selector, epoch), "sweep");
            } else if (block.timestamp < book.expiresAt) {
                _expect(
                    reason,
                    abi.encodeWithSelector(IDistributionPool.ClaimWindowOpen.selector, epoch, book.expiresAt),
                    "sweep"
                );
            } else {
                _expect(reason, abi.encodeWithSelector(IDistributionPool.NothingToSweep.selector, epoch), "sweep");
            }
        }
    }
}
