// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {SubscriptionManager} from "../../contracts/distribution/SubscriptionManager.sol";
import {IDistributionPool} from "../../contracts/interfaces/IDistributionPool.sol";
import {IEpochClock} from "../../contracts/interfaces/IEpochClock.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {ISubscriptionManager} from "../../contracts/interfaces/ISubscriptionManager.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {DistributionBase} from "./DistributionBase.sol";

/// @notice Subscriptions sold by a portal, renewals, gateway reports and the per-epoch usage measures.
contract SubscriptionManagerTest is DistributionBase {
    address internal provider;

    function setUp() public override {
        super.setUp();
        provider = makeAddr("provider");
        _stake(provider, PROVIDER_MIN_STAKE);
    }

    function _renew(address payer, uint256 id, uint256 epochs) internal {
        uint256 amount = subscriptions.termsOf(id).monthlyPay * epochs;
        _mint(payer, amount);
        vm.startPrank(payer);
        qry.approve(address(subscriptions), amount);
        subscriptions.renew(id, epochs);
        vm.stopPrank();
    }

    function _stats(uint256 epoch) internal view returns (uint256 revenue, uint256 active) {
        ISubscriptionManager.EpochStats memory s = subscriptions.epochStats(epoch);
        return (s.revenue, s.active);
    }

    // ------------------------------------------------------------------ subscribe

    function test_subscribe_recordsTermsPaysAndCreditsPortalAndIntegrator() public {
        _mint(portal, 300 ether);
        vm.startPrank(portal);
        qry.approve(address(subscriptions), 300 ether);
        vm.expectEmit(true, true, true, true, address(subscriptions));
        emit ISubscriptionManager.Subscribed(1, client, portal, integrator, 100 ether, 0, 2);
        uint256 id = subscriptions.subscribe(client, integrator, 100 ether, 3);
        vm.stopPrank();

        assertEq(id, 1, "first id");
        assertEq(subscriptions.subscriptionCount(), 1, "count");
        ISubscriptionManager.Terms memory t = subscriptions.termsOf(id);
        assertEq(uint256(t.monthlyPay), 100 ether, "monthly pay");
        assertEq(uint256(t.startEpoch), 0, "starts in the open epoch");
        assertEq(uint256(t.paidThrough), 2, "epochs 0, 1, 2");
        ISubscriptionManager.Parties memory p = subscriptions.partiesOf(id);
        assertEq(p.portal, portal, "the portal is the acquirer");
        assertEq(p.integrator, integrator, "integrator");
        assertEq(qry.balanceOf(address(subscriptions)), 300 ether, "payment held for the engine");
        assertEq(qry.balanceOf(portal), 0, "portal paid");
        assertEq(uint256(portalPool.entryOf(0, portal).value), 300 ether, "portal credited the value paid");
        assertEq(uint256(integratorPool.entryOf(0, integrator).value), 300 ether, "integrator credited");
        (uint256 revenue, uint256 active) = _stats(0);
        assertEq(revenue, 100 ether, "epoch 0 revenue: one month of the three paid");
        assertEq(active, 1, "one active subscription (100 QRY: a whole one)");
    }

    function test_RevertWhen_subscribeByANonPortal() public {
        _mint(stranger, 100 ether);
        vm.startPrank(stranger);
        qry.approve(address(subscriptions), 100 ether);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        subscriptions.subscribe(client, integrator, 100 ether, 1);
        vm.stopPrank();
        assertEq(subscriptions.subscriptionCount(), 0, "nothing sold");
        assertEq(qry.balanceOf(stranger), 100 ether, "nothing paid");
    }

    function test_RevertWhen_subscribeWithBadTerms() public {
        _mint(portal, 1_000 ether);
        vm.startPrank(portal);
        qry.approve(address(subscriptions), 1_000 ether);
        vm.expectRevert(ISubscriptionManager.ZeroAddress.selector);
        subscriptions.subscribe(address(0), integrator, 100 ether, 1);
        vm.expectRevert(ISubscriptionManager.ZeroAddress.selector);
        subscriptions.subscribe(client, address(0), 100 ether, 1);
        vm.expectRevert(abi.encodeWithSelector(ISubscriptionManager.InvalidMonthlyPay.selector, 9 ether, 10 ether));
        subscriptions.subscribe(client, integrator, 9 ether, 1);
        vm.expectRevert(
            abi.encodeWithSelector(ISubscriptionManager.InvalidMonthlyPay.selector, uint256(2) ** 96, 10 ether)
        );
        subscriptions.subscribe(client, integrator, uint256(2) ** 96, 1);
        vm.expectRevert(abi.encodeWithSelector(ISubscriptionManager.InvalidEpochCount.selector, 0, 36));
        subscriptions.subscribe(client, integrator, 100 ether, 0);
        vm.expectRevert(abi.encodeWithSelector(ISubscriptionManager.InvalidEpochCount.selector, 37, 36));
        subscriptions.subscribe(client, integrator, 10 ether, 37);
        vm.stopPrank();
        assertEq(subscriptions.subscriptionCount(), 0, "nothing sold");
        assertEq(qry.balanceOf(portal), 1_000 ether, "nothing paid");
    }

    function test_RevertWhen_subscribeBeforeTheEpochsStart() public {
        _mint(portal, 100 ether);
        vm.startPrank(portal);
        qry.approve(address(subscriptions), 100 ether);
        // Roles granted at START are effective from START, so the portal's own deployment is simulated by a
        // subscription manager whose epochs start in the future.
        vm.stopPrank();
        SubscriptionManager later = new SubscriptionManager(
            address(qry),
            address(manager),
            START + 1,
            EPOCH,
            address(_sqrtPoolWithClock(START + 1, EPOCH)),
            address(_sqrtPoolWithClock(START + 1, EPOCH)),
            address(_sqrtPoolWithClock(START + 1, EPOCH)),
            MIN_MONTHLY_PAY,
            PORTAL_CAP
        );
        vm.prank(admin);
        _restrict(address(later), SubscriptionManager.subscribe.selector, Roles.DISTRIBUTION_PORTAL);
        vm.prank(integrator);
        later.registerIntegrator();
        vm.startPrank(portal);
        qry.approve(address(later), 100 ether);
        vm.expectRevert(abi.encodeWithSelector(IEpochClock.EpochsNotStarted.selector, START + 1));
        later.subscribe(client, integrator, 100 ether, 1);
        vm.stopPrank();
        assertEq(later.subscriptionCount(), 0, "nothing sold");
    }

    // ------------------------------------------------------------------ renew

    function test_renew_extendsAnActiveSubscription() public {
        uint256 id = _subscribe(100 ether, 3);
        vm.warp(START + EPOCH); // epoch 1
        _renew(stranger, id, 2);
        assertEq(uint256(subscriptions.termsOf(id).paidThrough), 4, "paid through epoch 4");
        (uint256 revenue, uint256 active) = _stats(1);
        assertEq(revenue, 100 ether, "epoch 1 revenue: one month's pay (the renewal counts from epoch 3)");
        assertEq(active, 1, "still one active");
        (, active) = _stats(4);
        assertEq(active, 1, "active in epoch 4");
        (, active) = _stats(5);
        assertEq(active, 0, "lapses at epoch 5");
        assertEq(uint256(portalPool.entryOf(1, portal).value), 200 ether, "the portal is credited for the renewal");
        assertEq(uint256(integratorPool.entryOf(1, integrator).value), 200 ether, "and the integrator");
    }

    function test_renew_restartsALapsedSubscriptionInTheOpenEpoch() public {
        uint256 id = _subscribe(100 ether, 1);
        vm.warp(START + 3 * EPOCH); // epoch 3; paid through 0
        _renew(client, id, 2);
        assertEq(uint256(subscriptions.termsOf(id).paidThrough), 4, "epochs 3 and 4");
        (, uint256 active) = _stats(1);
        assertEq(active, 0, "inactive in epoch 1");
        (, active) = _stats(3);
        assertEq(active, 1, "active again in epoch 3");
        (, active) = _stats(5);
        assertEq(active, 0, "lapses at epoch 5");
    }

    function test_RevertWhen_renewingTooFarAheadOrUnknown() public {
        uint256 id = _subscribe(100 ether, 30); // epochs 0-29; at most 36 ahead: 6 more
        _mint(client, 10_000 ether);
        vm.startPrank(client);
        qry.approve(address(subscriptions), 10_000 ether);
        vm.expectRevert(abi.encodeWithSelector(ISubscriptionManager.InvalidEpochCount.selector, 7, 6));
        subscriptions.renew(id, 7);
        vm.expectRevert(abi.encodeWithSelector(ISubscriptionManager.InvalidEpochCount.selector, 0, 6));
        subscriptions.renew(id, 0);
        vm.expectRevert(abi.encodeWithSelector(ISubscriptionManager.UnknownSubscription.selector, 2));
        subscriptions.renew(2, 1);
        subscriptions.renew(id, 6);
        vm.stopPrank();
        assertEq(uint256(subscriptions.termsOf(id).paidThrough), 35, "six more, no more");
    }

    // ------------------------------------------------------------------ registered integrators

    /// @dev A registered integrator is kept as its id in the terms' slot (the base registered `integrator`, id 1);
    /// the parties, the credits (at the sale and at a renewal) and the measures come from it.
    function test_registerIntegrator_keepsTheIntegratorAsAnIdInTheTerms() public {
        vm.expectEmit(true, true, true, true, address(subscriptions));
        emit ISubscriptionManager.IntegratorRegistered(stranger, 2);
        vm.prank(stranger);
        assertEq(subscriptions.registerIntegrator(), 2, "second id");
        assertEq(subscriptions.integratorId(stranger), 2, "read back");
        assertEq(subscriptions.integratorId(integrator), 1, "the base's integrator");
        assertEq(subscriptions.integratorId(client), 0, "not registered");
        uint256 first = _subscribe(100 ether, 3);
        _mint(portal, 300 ether);
        vm.startPrank(portal);
        qry.approve(address(subscriptions), 300 ether);
        uint256 second = subscriptions.subscribe(client, stranger, 100 ether, 3);
        vm.stopPrank();

        assertEq(uint256(subscriptions.termsOf(first).integratorId), 1, "id 1, in the terms");
        assertEq(uint256(subscriptions.termsOf(second).integratorId), 2, "id 2, in the terms");
        assertEq(subscriptions.partiesOf(first).integrator, integrator, "integrator by id 1");
        assertEq(subscriptions.partiesOf(second).integrator, stranger, "integrator by id 2");
        assertEq(subscriptions.partiesOf(second).portal, portal, "portal");
        // 300 QRY paid by each sale, each credited to its integrator.
        assertEq(uint256(integratorPool.entryOf(0, integrator).value), 300 ether, "first sale credited");
        assertEq(uint256(integratorPool.entryOf(0, stranger).value), 300 ether, "second sale credited");

        vm.warp(START + EPOCH);
        _renew(client, first, 1);
        _renew(client, second, 1);
        assertEq(uint256(integratorPool.entryOf(1, integrator).value), 100 ether, "renewal credited to id 1");
        assertEq(uint256(integratorPool.entryOf(1, stranger).value), 100 ether, "renewal credited to id 2");
        assertEq(uint256(portalPool.entryOf(1, portal).value), 200 ether, "and both to the portal");
        (uint256 revenue, uint256 active) = _stats(3);
        assertEq(revenue, 200 ether, "epoch 3: both renewed subscriptions, 100 QRY each");
        assertEq(active, 2, "two whole subscriptions");
    }

    /// @dev A sale must name a registered integrator: an unregistered one is refused and nothing changes.
    function test_RevertWhen_subscribeNamesAnUnregisteredIntegrator() public {
        _mint(portal, 100 ether);
        vm.startPrank(portal);
        qry.approve(address(subscriptions), 100 ether);
        vm.expectRevert(abi.encodeWithSelector(ISubscriptionManager.UnregisteredIntegrator.selector, stranger));
        subscriptions.subscribe(client, stranger, 100 ether, 1);
        vm.stopPrank();
        assertEq(subscriptions.subscriptionCount(), 0, "nothing sold");
        assertEq(qry.balanceOf(portal), 100 ether, "nothing paid");
        assertEq(uint256(integratorPool.entryOf(0, stranger).value), 0, "nothing credited");
        assertEq(uint256(portalPool.entryOf(0, portal).value), 0, "nor to the portal");
        assertEq(uint256(subscriptions.epochStats(0).revenue), 0, "nothing counted");
    }

    function test_RevertWhen_registeringAnIntegratorTwice() public {
        vm.prank(stranger);
        assertEq(subscriptions.registerIntegrator(), 2, "ids in order");
        vm.expectRevert(
            abi.encodeWithSelector(ISubscriptionManager.IntegratorAlreadyRegistered.selector, integrator, 1)
        );
        vm.prank(integrator);
        subscriptions.registerIntegrator();
        assertEq(subscriptions.integratorId(integrator), 1, "unchanged");
    }

    /// @dev Registration carries the Sybil cost: with the integrators' pool's minimum at 10,000 QRY, an identity
    /// that is not active in staking, or bonds 9,999 QRY, cannot register; one that bonds 10,000 QRY can.
    function test_RevertWhen_registeringWithoutTheMinimumStake() public {
        bytes32 key = integratorPool.MIN_STAKE();
        vm.prank(address(params));
        integratorPool.setParameter(key, 10_000 ether);
        vm.expectRevert(
            abi.encodeWithSelector(ISubscriptionManager.IntegratorNotStaked.selector, stranger, 0, 10_000 ether)
        );
        vm.prank(stranger);
        subscriptions.registerIntegrator();
        stakes.setStake(stranger, false, 10_000 ether); // bonded but not active
        vm.expectRevert(
            abi.encodeWithSelector(ISubscriptionManager.IntegratorNotStaked.selector, stranger, 0, 10_000 ether)
        );
        vm.prank(stranger);
        subscriptions.registerIntegrator();
        _stake(stranger, 9_999 ether);
        vm.expectRevert(
            abi.encodeWithSelector(
                ISubscriptionManager.IntegratorNotStaked.selector,
                stranger,
                9_999 ether,
                10_000 ether
            )
        );
        vm.prank(stranger);
        subscriptions.registerIntegrator();
        assertEq(subscriptions.integratorId(stranger), 0, "not registered");
        _stake(stranger, 10_000 ether);
        vm.prank(stranger);
        assertEq(subscriptions.registerIntegrator(), 2, "registered once staked");
    }

    /// @dev Registration gives no lasting right: a registered integrator without the integrators' pool's minimum
    /// stake (raised after it registered, or its stake gone) is refused at the sale.
    function test_RevertWhen_aRegisteredIntegratorLacksTheMinimumStake() public {
        bytes32 key = integratorPool.MIN_STAKE();
        vm.prank(address(params));
        integratorPool.setParameter(key, 10_000 ether);
        _mint(portal, 100 ether);
        vm.startPrank(portal);
        qry.approve(address(subscriptions), 100 ether);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.InactiveProvider.selector, integrator));
        subscriptions.subscribe(client, integrator, 100 ether, 1);
        vm.stopPrank();
        assertEq(subscriptions.subscriptionCount(), 0, "nothing sold");
        _stake(integrator, 10_000 ether);
        _subscribe(100 ether, 1);
        assertEq(uint256(integratorPool.entryOf(0, integrator).value), 100 ether, "credited once staked");
    }

    // ------------------------------------------------------------------ usage measures

    /// @dev A: epochs 0-2, B: epoch 0 only (both sold in epoch 0), C: epochs 1-2 (sold in epoch 1).
    function test_epochStats_countSubscriptionsActiveDuringEachEpoch() public {
        _subscribe(100 ether, 3);
        _subscribe(50 ether, 1);
        vm.warp(START + EPOCH);
        _subscribe(20 ether, 2);
        // Value-weighted: a whole subscription pays 100 QRY (10 x the 10 QRY minimum); B counts 0.5, C 0.2.
        (uint256 revenue, uint256 active) = _stats(0);
        assertEq(revenue, 150 ether, "epoch 0: 100 + 50 (a month each)");
        assertEq(active, 1, "epoch 0: A + half of B = 1.5, rounded down");
        (revenue, active) = _stats(1);
        assertEq(revenue, 120 ether, "epoch 1: A 100 + C 20 (B lapsed)");
        assertEq(active, 1, "epoch 1: 1.2");
        // Epochs 2 and 3 are not rolled yet: the view replays.
        (revenue, active) = _stats(2);
        assertEq(revenue, 120 ether, "epoch 2: A and C");
        assertEq(active, 1, "epoch 2: 1.2");
        (revenue, active) = _stats(3);
        assertEq(revenue + active, 0, "epoch 3: none");
        vm.warp(START + 3 * EPOCH);
        subscriptions.checkpoint(); // one ended epoch per roll
        assertEq(subscriptions.nextRoll(), 1, "rolled epoch 0");
        subscriptions.checkpoint();
        subscriptions.checkpoint();
        assertEq(subscriptions.nextRoll(), 3, "rolled epochs 1 and 2");
        subscriptions.checkpoint();
        assertEq(subscriptions.nextRoll(), 3, "never the open epoch");
        (revenue, active) = _stats(2);
        assertEq(revenue, 120 ether, "rolled: the same");
        assertEq(active, 1, "rolled: the same count");
        (revenue, active) = _stats(3);
        assertEq(revenue + active, 0, "rolled: none");
    }

    // ------------------------------------------------------------------ reports

    function test_reportCalls_creditsCallsTimesMonthlyPay() public {
        uint256 id = _subscribe(100 ether, 1);
        vm.expectEmit(true, true, true, true, address(subscriptions));
        emit ISubscriptionManager.CallsReported(0, id, provider, gateway, 250, 25_000 ether);
        _report(0, id, provider, 250);
        _report(0, id, provider, 50);
        assertEq(uint256(providerPool.entryOf(0, provider).value), 30_000 ether, "TRV: 300 calls x 100 QRY");
    }

    /// @dev TRV sums calls x monthly pay over subscriptions: 100 calls on a 100 QRY plan and 100 on a 300 QRY plan
    /// weigh 10,000 + 30,000 = 40,000.
    function test_reportCalls_totalRegisteredValueSumsOverSubscriptions() public {
        uint256 cheap = _subscribe(100 ether, 1);
        uint256 dear = _subscribe(300 ether, 1);
        _report(0, cheap, provider, 100);
        _report(0, dear, provider, 100);
        assertEq(uint256(providerPool.entryOf(0, provider).value), 40_000 ether, "sum of calls x monthly pay");
        assertEq(providerPool.sumOfRoots(0), 2e20, "sqrt(40,000e18 x 1e18)");
    }

    function test_RevertWhen_reportForAnUnknownSubscription() public {
        vm.expectRevert(abi.encodeWithSelector(ISubscriptionManager.UnknownSubscription.selector, 99));
        _report(0, 99, provider, 10);
        assertEq(providerPool.sumOfRoots(0), 0, "nothing credited");
    }

    function test_RevertWhen_reportForAClosedEpoch() public {
        uint256 id = _subscribe(100 ether, 3);
        vm.warp(START + EPOCH);
        vm.expectRevert(abi.encodeWithSelector(IEpochClock.EpochNotOpen.selector, 0, 1));
        _report(0, id, provider, 10);
        assertEq(providerPool.sumOfRoots(0), 0, "nothing credited");
    }

    function test_RevertWhen_reportByANonGateway() public {
        uint256 id = _subscribe(100 ether, 1);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        subscriptions.reportCalls(0, id, provider, 10);
        assertEq(providerPool.sumOfRoots(0), 0, "nothing credited");
    }

    function test_RevertWhen_reportForALapsedSubscription() public {
        uint256 id = _subscribe(100 ether, 2);
        vm.warp(START + 2 * EPOCH);
        vm.expectRevert(abi.encodeWithSelector(ISubscriptionManager.SubscriptionInactive.selector, id, 2, 1));
        _report(2, id, provider, 10);
        assertEq(providerPool.sumOfRoots(2), 0, "nothing credited");
    }

    function test_RevertWhen_reportHasBadCallsOrProvider() public {
        uint256 id = _subscribe(100 ether, 1);
        uint256 max = subscriptions.MAX_CALLS_PER_REPORT();
        vm.expectRevert(abi.encodeWithSelector(ISubscriptionManager.InvalidCallCount.selector, 0, max));
        _report(0, id, provider, 0);
        vm.expectRevert(abi.encodeWithSelector(ISubscriptionManager.InvalidCallCount.selector, max + 1, max));
        _report(0, id, provider, max + 1);
        vm.expectRevert(ISubscriptionManager.ZeroAddress.selector);
        _report(0, id, address(0), 10);
        assertEq(providerPool.sumOfRoots(0), 0, "nothing credited");
    }

    // ------------------------------------------------------------------ collect and parameters

    function test_collect_sendsPaymentsToTheEngine() public {
        _subscribe(100 ether, 3);
        address engineRole = makeAddr("engineRole");
        vm.prank(admin);
        manager.grantRole(Roles.DISTRIBUTION_ENGINE, engineRole, 0);
        vm.prank(engineRole);
        assertEq(subscriptions.collect(), 300 ether, "collected");
        assertEq(qry.balanceOf(engineRole), 300 ether, "paid to the caller");
        assertEq(qry.balanceOf(address(subscriptions)), 0, "nothing left");
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        subscriptions.collect();
    }

    function test_setParameter_minMonthlyPay() public {
        bytes32 key = subscriptions.MIN_MONTHLY_PAY();
        _register(address(subscriptions), key, 1 ether, 1_000 ether);
        vm.prank(governor);
        params.set(address(subscriptions), key, 12 ether);
        assertEq(subscriptions.minMonthlyPay(), 12 ether, "20% up");
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, key, 0));
        vm.prank(address(params));
        subscriptions.setParameter(key, 0);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, bytes32(0)));
        subscriptions.parameter(bytes32(0));
    }

    function test_RevertWhen_constructorPoolRunsAnotherClock() public {
        address other = address(_otherClockPool());
        vm.expectRevert(ISubscriptionManager.InvalidConfiguration.selector);
        new SubscriptionManager(
            address(qry),
            address(manager),
            START,
            EPOCH,
            address(providerPool),
            address(integratorPool),
            other,
            MIN_MONTHLY_PAY,
            PORTAL_CAP
        );
        vm.expectRevert(ISubscriptionManager.InvalidConfiguration.selector);
        new SubscriptionManager(
            address(0),
            address(manager),
            START,
            EPOCH,
            address(providerPool),
            address(integratorPool),
            address(portalPool),
            MIN_MONTHLY_PAY,
            PORTAL_CAP
        );
    }

    function _otherClockPool() internal returns (address) {
        return address(_sqrtPoolWithClock(START + 1, EPOCH));
    }
}
