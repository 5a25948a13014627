// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {SqrtPool} from "../../contracts/distribution/SqrtPool.sol";
import {SubscriptionManager} from "../../contracts/distribution/SubscriptionManager.sol";
import {IDistributionPool} from "../../contracts/interfaces/IDistributionPool.sol";
import {ISqrtPool} from "../../contracts/interfaces/ISqrtPool.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {DistributionBase} from "./DistributionBase.sol";

/// @notice Session-8 audit of the QRY distribution engine (issue 19's follow-up): bound creditor, registered
/// integrators, one stake read per check, O(1) rolling and pull funding. Every figure is computed by hand in comments.
contract AuditS8Test is DistributionBase {
    uint256 internal constant IDENTITY_STAKE = 10_000 ether; // the preset's integrator / portal minimum
    uint256 internal constant MATURE_EPOCH = 13; // starts at day 390, past MIX_END (day 365): mature mix
    uint256 internal constant CLAIM_CAP_BPS = 4_000; // the preset's integrator and portal claim cap: 40% of the value

    function _setClaimCaps(uint256 bps) internal {
        bytes32 key = integratorPool.CLAIM_CAP();
        vm.startPrank(address(params));
        integratorPool.setParameter(key, bps);
        portalPool.setParameter(key, bps);
        vm.stopPrank();
    }

    function _setIntegratorMinStake(uint256 value) internal {
        bytes32 key = integratorPool.MIN_STAKE();
        vm.prank(address(params));
        integratorPool.setParameter(key, value);
    }

    /// @dev A portal sells a one-epoch subscription naming `integrator_`, which registers itself first if it has not
    /// (a sale must name a registered integrator; registering checks the pool's minimum stake at that moment).
    function _subscribeFor(address integrator_, uint256 monthlyPay) internal returns (uint256 id) {
        if (subscriptions.integratorId(integrator_) == 0) {
            vm.prank(integrator_);
            subscriptions.registerIntegrator();
        }
        _mint(portal, monthlyPay);
        vm.startPrank(portal);
        qry.approve(address(subscriptions), monthlyPay);
        id = subscriptions.subscribe(client, integrator_, monthlyPay, 1);
        vm.stopPrank();
    }

    function _renewAs(address payer, uint256 id, uint256 epochs) internal {
        uint256 amount = uint256(subscriptions.termsOf(id).monthlyPay) * epochs;
        _mint(payer, amount);
        vm.startPrank(payer);
        qry.approve(address(subscriptions), amount);
        subscriptions.renew(id, epochs);
        vm.stopPrank();
    }

    /// @dev Closes every epoch before `epoch` with nothing in them (the engine closes epochs one by one).
    function _closeUpTo(uint256 epoch) internal {
        vm.warp(START + epoch * EPOCH);
        for (uint256 e; e < epoch; ++e) engine.closeEpoch();
    }

    function _fundDirectly(SqrtPool pool, uint256 epoch, uint256 amount) internal {
        _mint(address(this), amount);
        qry.transfer(address(pool), amount);
        vm.prank(admin);
        manager.grantRole(Roles.DISTRIBUTION_ENGINE, address(this), 0);
        pool.fundEpoch(epoch, amount);
    }

    // ------------------------------------------------------------------ finding 1: self-paid renewals

    /// @dev Was `test_Exploit_selfPaidRenewals_farmTheIntegratorPool`: `renew` is open to anyone and credits the
    /// subscription's integrator and portal with everything paid, in the open epoch, while their pools are funded
    /// from issuance: an integrator paying itself 3,600 QRY took 45,234 QRY (12.6x). Now each account claims at most
    /// the pool's cap (the preset's 40%) of the value it was credited in the epoch. Strongest case: the attacker is
    /// at once the portal that sold every subscription and the integrator of its own one (10,000 QRY bonded, not
    /// spent), and renews it itself for 35 more epochs (3,500 QRY). Mature mix (integrators and portals 15% each),
    /// 1,000,000 QRY of issuance, an honest integrator with 16 x 100 QRY of real sales:
    ///   without the renewal: incoming 1,001,700, multiplier 0.5x, each pool's budget 1,001,700 x 15% x 0.5 =
    ///   75,127.5; attacker as integrator: share 10 / 50 = 15,025.5, cap 40% x 100 = 40 -> 40; honest: share 60,102,
    ///   cap 40% x 1,600 = 640 -> 640; attacker as portal (1,700 of value, the only portal): share 75,127.5,
    ///   cap 40% x 1,700 = 680 -> 680.
    ///   with the renewal: budgets 1,005,200 x 15% x 0.5 = 75,390; integrator: share 60 / 100 = 45,234, cap 40% x 3,600
    ///   = 1,440 -> 1,440; portal: cap 40% x 5,200 = 2,080 -> 2,080. The renewal returns (1,440 - 40) + (2,080 - 680)
    ///   = 2,800 QRY for 3,500 QRY paid: it loses 700 QRY (20%, the 100% - 40% - 40% the caps leave).
    function test_attack_selfPaidRenewals_returnLessThanTheyCost() public {
        _setIntegratorMinStake(IDENTITY_STAKE);
        _setClaimCaps(CLAIM_CAP_BPS);
        address honest = makeAddr("honest");
        address attacker = portal; // sells every subscription and integrates its own
        _stake(honest, IDENTITY_STAKE);
        _stake(attacker, IDENTITY_STAKE);
        _closeUpTo(MATURE_EPOCH);

        for (uint256 i; i < 16; ++i) _subscribeFor(honest, 100 ether);
        uint256 id = _subscribeFor(attacker, 100 ether);
        uint256 snap = vm.snapshotState();

        // Baseline: no self-paid renewal.
        _mint(address(engine), 1_000_000 ether);
        _warpToEnd(MATURE_EPOCH);
        engine.closeEpoch();
        engine.fund(INTEGRATOR_POOL, MATURE_EPOCH);
        engine.fund(PORTAL_POOL, MATURE_EPOCH);
        assertEq(integratorPool.ledger(MATURE_EPOCH).funded, 75_127.5 ether, "1,001,700 x 15% x 0.5");
        assertEq(integratorPool.claimable(MATURE_EPOCH, attacker), 40 ether, "share 15,025.5, cap 40% x 100");
        assertEq(integratorPool.claimable(MATURE_EPOCH, honest), 640 ether, "share 60,102, cap 40% x 1,600");
        assertEq(portalPool.claimable(MATURE_EPOCH, attacker), 680 ether, "share 75,127.5, cap 40% x 1,700");

        vm.revertToState(snap);
        _renewAs(attacker, id, 35);
        assertEq(integratorPool.entryOf(MATURE_EPOCH, attacker).value, 3_600 ether, "100 + 3,500");
        assertEq(portalPool.entryOf(MATURE_EPOCH, attacker).value, 5_200 ether, "1,700 + 3,500");
        _mint(address(engine), 1_000_000 ether);
        _warpToEnd(MATURE_EPOCH);
        engine.closeEpoch();
        engine.fund(INTEGRATOR_POOL, MATURE_EPOCH);
        engine.fund(PORTAL_POOL, MATURE_EPOCH);
        assertEq(integratorPool.ledger(MATURE_EPOCH).funded, 75_390 ether, "1,005,200 x 15% x 0.5");
        (, uint256 cap) = integratorPool.epochTerms(MATURE_EPOCH);
        assertEq(cap, CLAIM_CAP_BPS, "the cap is fixed at funding");
        uint256 before = qry.balanceOf(attacker);
        vm.startPrank(attacker);
        uint256 asIntegrator = integratorPool.claim(MATURE_EPOCH);
        uint256 asPortal = portalPool.claim(MATURE_EPOCH);
        vm.stopPrank();
        assertEq(asIntegrator, 1_440 ether, "share 45,234, cap 40% x 3,600");
        assertEq(asPortal, 2_080 ether, "cap 40% x 5,200");
        assertEq(qry.balanceOf(attacker) - before, 3_520 ether, "1,440 + 2,080");
        assertEq(integratorPool.claimable(MATURE_EPOCH, honest), 640 ether, "the honest integrator loses nothing");
        // What the renewal added to its claims, against what it paid.
        uint256 gained = (asIntegrator - 40 ether) + (asPortal - 680 ether);
        assertEq(gained, 2_800 ether, "1,400 + 1,400");
        assertLt(gained, 3_500 ether, "paying oneself loses 20%");
        // What the caps held back goes back to the engine at the sweep (the honest integrator did not claim here):
        // 75,390 - 1,440 = 73,950.
        vm.warp(block.timestamp + CLAIM_WINDOW);
        assertEq(engine.sweep(INTEGRATOR_POOL, MATURE_EPOCH), 73_950 ether, "all but the one claim");
    }

    // ------------------------------------------------------------------ finding 2: one stake, many identities

    /// @dev An identity of an identity pool: `bonded` of its own stake, locked until `lockEnd` (as provider staking
    /// holds it: locked self-stake cannot leave and a lock is never shortened).
    function _identity(address who, uint256 bonded, uint256 lockEnd) internal {
        _stake(who, bonded);
        stakes.setLock(who, lockEnd);
    }

    /// @dev Was `test_oneStakeRotatedThroughIdentities_knownIssue_passesEveryCheck`: stakes were read live, so one
    /// 10,000 QRY stake moved through the 14-day unbonding (day 0, 14, 28) passed the checks of three identities'
    /// credits in one 30-day epoch and of their three claims in the 90-day window (uncapped: 3 x 25,000 = 75,000 QRY
    /// of a 100,000 QRY epoch on ONE stake; capped at 40%: 3 x 40 = 120 QRY). Now the integrators' pool is an
    /// identity pool: at an identity's first credit of epoch 0 its own stake must be locked until the epoch's end
    /// plus the claim window, START + 30 + 90 = day 120.
    ///   - Day 0: B is registered while the stake sits there (unlocked), then the stake unbonds toward A (14 days).
    ///   - Day 14: A holds it locked only to day 28 (enough to rotate again): the sale naming A reverts
    ///     `StakeNotLocked(A, day 28, day 120)`. A locks to day 120: the sale credits A 100 QRY.
    ///   - Day 28: the stake cannot leave A before day 120 (epoch 4): the sale naming B (registered, 0 own stake)
    ///     reverts `StakeBelowMinimum(B, 0, 10,000)`, and C cannot register.
    ///   - Day 30: 100,000 QRY funded; roots: honest 10 + A 10 = 20, so A's share 50,000 and cap 40% x 100 = 40:
    ///     the attacker claims 40 QRY (not 120), exactly the honest integrator's 40; B and C claim nothing.
    function test_attack_oneStakeRotatedThroughIdentities_qualifiesOneIdentityPerEpoch() public {
        _setIntegratorMinStake(IDENTITY_STAKE);
        _setClaimCaps(CLAIM_CAP_BPS);
        assertTrue(integratorPool.lockedIdentity(), "the integrators' pool is an identity pool");
        address honest = makeAddr("honest");
        _stake(honest, IDENTITY_STAKE); // locked for good (the mock's default)
        _subscribeFor(honest, 100 ether);
        address idA = makeAddr("idA");
        address idB = makeAddr("idB");
        address idC = makeAddr("idC");
        uint256 required = START + 120 days; // end of epoch 0 (day 30) + the 90-day claim window
        assertEq(integratorPool.lockRequiredFor(0), required, "day 120");
        assertEq(providerPool.lockRequiredFor(0), required, "query fulfillment asks the same lock");

        // Day 0: B registers on the stake, unlocked; the stake leaves B (unbonding, 14 days).
        _identity(idB, IDENTITY_STAKE, 0);
        vm.prank(idB);
        subscriptions.registerIntegrator();
        _mint(portal, 100 ether);
        vm.startPrank(portal);
        qry.approve(address(subscriptions), 100 ether);
        vm.expectRevert(abi.encodeWithSelector(ISqrtPool.StakeNotLocked.selector, idB, 0, required));
        subscriptions.subscribe(client, idB, 100 ether, 1);
        vm.stopPrank();
        _stake(idB, 0);

        // Day 14: the stake arrives at A, locked only to day 28.
        vm.warp(START + 14 days);
        _identity(idA, IDENTITY_STAKE, START + 28 days);
        vm.prank(idA);
        subscriptions.registerIntegrator();
        _mint(portal, 100 ether);
        vm.startPrank(portal);
        qry.approve(address(subscriptions), 100 ether);
        vm.expectRevert(abi.encodeWithSelector(ISqrtPool.StakeNotLocked.selector, idA, START + 28 days, required));
        subscriptions.subscribe(client, idA, 100 ether, 1);
        vm.stopPrank();
        assertEq(integratorPool.entryOf(0, idA).value, 0, "nothing credited");
        // Locked to day 120: credited.
        stakes.setLock(idA, required);
        _subscribeFor(idA, 100 ether);
        assertEq(integratorPool.entryOf(0, idA).value, 100 ether, "A credited");

        // Day 28: the stake is locked at A (provider staking refuses to unbond it before day 120): B has none.
        vm.warp(START + 28 days);
        _mint(portal, 100 ether);
        vm.startPrank(portal);
        qry.approve(address(subscriptions), 100 ether);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.StakeBelowMinimum.selector, idB, 0, IDENTITY_STAKE));
        subscriptions.subscribe(client, idB, 100 ether, 1);
        vm.stopPrank();
        // C cannot even register.
        vm.prank(idC);
        vm.expectRevert(
            abi.encodeWithSelector(
                bytes4(keccak256("IntegratorNotStaked(address,uint256,uint256)")),
                idC,
                0,
                IDENTITY_STAKE
            )
        );
        subscriptions.registerIntegrator();
        assertEq(integratorPool.sumOfRoots(0), 20e18, "two roots of 10: honest and A");

        // Day 30: funded; only A (the one identity the stake qualified) claims, 40 QRY.
        _warpToEnd(0);
        _fundDirectly(integratorPool, 0, 100_000 ether);
        vm.prank(idA);
        assertEq(integratorPool.claim(0), 40 ether, "min(50,000 share, 40% x 100)");
        assertEq(integratorPool.claimable(0, honest), 40 ether, "the honest integrator, the same");
        // B (registered, its stake gone) and C (never staked) cannot claim.
        vm.prank(idB);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.StakeBelowMinimum.selector, idB, 0, IDENTITY_STAKE));
        integratorPool.claim(0);
        vm.prank(idC);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.InactiveProvider.selector, idC));
        integratorPool.claim(0);
    }

    /// @dev A renewal naming an identity whose lock does not cover the open epoch's claim window is paid and extends
    /// the subscription without crediting it (`CreditSkipped`), as for one under the minimum; the portal is
    /// credited. The integrator was credited in epoch 0 with its stake locked to day 120 (= 30 + 90); in epoch 1 the
    /// first credit needs day 60 + 90 = day 150. Locked to day 150, the next renewal credits it again.
    function test_renewal_underLockedIdentityPaysWithoutCrediting() public {
        _setIntegratorMinStake(IDENTITY_STAKE);
        address who = makeAddr("locked120");
        _identity(who, IDENTITY_STAKE, START + 120 days);
        uint256 id = _subscribeFor(who, 100 ether);
        assertEq(integratorPool.entryOf(0, who).value, 100 ether, "credited in epoch 0");

        vm.warp(START + EPOCH);
        _mint(client, 100 ether);
        vm.startPrank(client);
        qry.approve(address(subscriptions), 100 ether);
        vm.expectEmit(true, true, true, true, address(integratorPool));
        emit ISqrtPool.CreditSkipped(1, who, 100 ether);
        subscriptions.renew(id, 1);
        vm.stopPrank();
        assertEq(subscriptions.termsOf(id).paidThrough, 1, "renewed through epoch 1");
        assertEq(qry.balanceOf(client), 0, "the client paid 100 QRY");
        assertEq(integratorPool.entryOf(1, who).value, 0, "the integrator is not credited");
        assertEq(portalPool.entryOf(1, portal).value, 100 ether, "the portal is");

        stakes.setLock(who, START + 150 days);
        _renewAs(client, id, 1);
        assertEq(integratorPool.entryOf(1, who).value, 100 ether, "locked to day 150: credited");
    }

    /// @dev The lock is checked at an identity's first credit of an epoch only (its later credits need not repeat
    /// it: locked self-stake cannot leave and a lock never shortens), while activity and the minimum stay checked
    /// at every credit and at the claim: once credited under a lock to day 120, a second sale in epoch 0 credits it
    /// (the mock may show a shorter lock; provider staking never would), and a stake slashed under the minimum is
    /// refused at the next credit and at the claim.
    function test_identityLock_firstCreditOfTheEpochOnly_minimumAtEveryCredit() public {
        _setIntegratorMinStake(IDENTITY_STAKE);
        address who = makeAddr("identity");
        _identity(who, IDENTITY_STAKE, START + 120 days);
        _subscribeFor(who, 100 ether);
        stakes.setLock(who, 0);
        _subscribeFor(who, 100 ether);
        assertEq(integratorPool.entryOf(0, who).value, 200 ether, "the second credit needs no lock check");
        _stake(who, 9_000 ether); // slashed 10%
        _mint(portal, 100 ether);
        vm.startPrank(portal);
        qry.approve(address(subscriptions), 100 ether);
        vm.expectRevert(
            abi.encodeWithSelector(IDistributionPool.StakeBelowMinimum.selector, who, 9_000 ether, IDENTITY_STAKE)
        );
        subscriptions.subscribe(client, who, 100 ether, 1);
        vm.stopPrank();
        _warpToEnd(0);
        _fundDirectly(integratorPool, 0, 1_000 ether);
        assertEq(integratorPool.claimable(0, who), 0, "under the minimum: nothing claimable");
        vm.prank(who);
        vm.expectRevert(
            abi.encodeWithSelector(IDistributionPool.StakeBelowMinimum.selector, who, 9_000 ether, IDENTITY_STAKE)
        );
        integratorPool.claim(0);
    }

    /// @dev KNOWN ISSUE: the stake an identity shows is not reserved for one pool: the same 10,000 QRY bonded makes an
    /// address a query-fulfillment provider, an integrator and a portal identity at once (and earns staking rewards).
    /// An operator running 16 provider nodes gets the 16-way integrator split for zero extra stake: uncapped (the
    /// audit's figure, 210,000 QRY funded) 160,000 QRY to its 16 identities against 40,000 to an honest integrator of
    /// the same 1,600 QRY of sales (80% vs 50%). With the claim cap each identity takes at most 40% of its 100 QRY:
    /// 16 x 40 = 640 QRY, exactly the honest integrator's 40% x 1,600 = 640: splitting gains nothing while the cap
    /// binds. The identity lock (one stake, one identity per epoch) does not cover it: it is one address, whose own
    /// locked stake counts in each of its roles. Fix needed: count only stake reserved for the role (staking-side
    /// per-role reservations).
    function test_providerStakeDoublesAsIntegratorStake_knownIssue_cappedSplitGainsNothing() public {
        _setIntegratorMinStake(IDENTITY_STAKE);
        _setClaimCaps(CLAIM_CAP_BPS);
        address honest = makeAddr("honest");
        _stake(honest, IDENTITY_STAKE);
        _stake(integrator, IDENTITY_STAKE);
        uint256 id = _subscribe(100 ether, 1); // a subscription providers serve (root 10 for `integrator`)
        for (uint256 i; i < 16; ++i) {
            address node = makeAddr(string.concat("node", vm.toString(i)));
            _stake(node, IDENTITY_STAKE); // the operator's provider stake, 160,000 QRY in all
            _report(0, id, node, 1); // credited as a provider ...
            _subscribeFor(honest, 100 ether);
            _subscribeFor(node, 100 ether); // ... and as an integrator, on the same stake
        }
        assertEq(providerPool.sumOfRoots(0), 160e18, "16 providers of root 10");
        assertEq(integratorPool.sumOfRoots(0), 210e18, "honest 40 + 16 x 10 + the first sale's 10");
        _warpToEnd(0);
        _fundDirectly(integratorPool, 0, 210_000 ether);
        assertEq(integratorPool.claimable(0, honest), 640 ether, "share 40,000, cap 40% x 1,600");
        assertEq(integratorPool.claimable(0, makeAddr("node0")) * 16, 640 ether, "16 x min(10,000, 40)");
    }

    // ------------------------------------------------------------------ finding 3: live stake at claim

    /// @dev Was `test_Exploit_minStakeRaise_voidsEarnedClaimsAndBlocksRenewals`: raising the integrators' minimum
    /// from 10,000 to 12,000 QRY (one 20% step of the registry) after an epoch was earned voided the whole 100,000 QRY
    /// epoch of an identity bonded 10,000, and its clients could no longer renew. Now the claim is checked against the
    /// minimum the epoch was credited under (10,000: the whole 100,000 QRY, no cap here), and a renewal naming an
    /// integrator under the new minimum is paid and extends the subscription without crediting it.
    function test_attack_minStakeRaise_keepsEarnedClaimsAndRenewals() public {
        _setIntegratorMinStake(IDENTITY_STAKE);
        _stake(integrator, IDENTITY_STAKE);
        uint256 id = _subscribeFor(integrator, 100 ether);
        _warpToEnd(0);
        _fundDirectly(integratorPool, 0, 100_000 ether);
        assertEq(integratorPool.claimable(0, integrator), 100_000 ether, "earned in epoch 0");

        _setIntegratorMinStake(12_000 ether);
        (uint256 epochMinimum, ) = integratorPool.epochTerms(0);
        assertEq(epochMinimum, IDENTITY_STAKE, "epoch 0 was credited under 10,000");
        assertEq(integratorPool.claimable(0, integrator), 100_000 ether, "still claimable");
        vm.prank(integrator);
        assertEq(integratorPool.claim(0), 100_000 ether, "paid");

        // The client's renewal in epoch 1 goes through; the integrator (10,000 < 12,000) is skipped.
        _mint(client, 100 ether);
        vm.startPrank(client);
        qry.approve(address(subscriptions), 100 ether);
        vm.expectEmit(true, true, true, true, address(integratorPool));
        emit ISqrtPool.CreditSkipped(1, integrator, 100 ether);
        subscriptions.renew(id, 1);
        vm.stopPrank();
        assertEq(subscriptions.termsOf(id).paidThrough, 1, "renewed through epoch 1");
        assertEq(integratorPool.entryOf(1, integrator).value, 0, "the integrator is not credited");
        assertEq(portalPool.entryOf(1, portal).value, 100 ether, "the portal is");
        assertEq(qry.balanceOf(client), 0, "the client paid");
        // A new sale naming it is still refused (the portal chose it).
        _mint(portal, 100 ether);
        vm.startPrank(portal);
        qry.approve(address(subscriptions), 100 ether);
        vm.expectRevert(
            abi.encodeWithSelector(
                IDistributionPool.StakeBelowMinimum.selector,
                integrator,
                IDENTITY_STAKE,
                12_000 ether
            )
        );
        subscriptions.subscribe(client, integrator, 100 ether, 1);
        vm.stopPrank();
    }

    /// @dev An epoch's claims are checked against the lowest minimum in force at its credits: credited at 10,000,
    /// then the minimum is lowered to 5,000 and a second identity (5,000 bonded) is credited; raised again to 20,000
    /// before the claims, both still claim against 5,000 (each met at least that when credited). Shares: two roots
    /// of 10, 50,000 QRY each of 100,000.
    function test_minStake_epochKeepsTheLowestInForceAtItsCredits() public {
        _setIntegratorMinStake(IDENTITY_STAKE);
        address small = makeAddr("small");
        _stake(integrator, IDENTITY_STAKE);
        _stake(small, 5_000 ether);
        _subscribeFor(integrator, 100 ether);
        _setIntegratorMinStake(5_000 ether);
        _subscribeFor(small, 100 ether);
        _setIntegratorMinStake(20_000 ether);
        (uint256 epochMinimum, uint256 cap) = integratorPool.epochTerms(0);
        assertEq(epochMinimum, 5_000 ether, "lowest at a credit");
        assertEq(cap, 0, "not funded yet");
        _warpToEnd(0);
        _fundDirectly(integratorPool, 0, 100_000 ether);
        vm.prank(small);
        assertEq(integratorPool.claim(0), 50_000 ether, "10 / 20");
        vm.prank(integrator);
        assertEq(integratorPool.claim(0), 50_000 ether, "10 / 20");
    }

    // ------------------------------------------------------------------ bindCreditor and wiring

    /// @dev Was `test_bindCreditor_adminOnlyOnceButUnchecked`: the bind is admin-only and once, and now also checked:
    /// an EOA or a manager that does not list the pool is refused (`CreditorNotWired`), and the subscription manager
    /// refuses one pool in two roles. Nothing changes on a refusal.
    function test_RevertWhen_bindCreditorToAnUnwiredCreditorOrSharedPools() public {
        SqrtPool fresh = _sqrtPool(0);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        fresh.bindCreditor(stranger);
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(ISqrtPool.CreditorAlreadyBound.selector, address(subscriptions)));
        integratorPool.bindCreditor(admin);

        // An EOA, or a manager wired to other pools: refused.
        vm.startPrank(admin);
        vm.expectRevert(abi.encodeWithSelector(ISqrtPool.CreditorNotWired.selector, stranger));
        fresh.bindCreditor(stranger);
        vm.expectRevert(abi.encodeWithSelector(ISqrtPool.CreditorNotWired.selector, address(subscriptions)));
        fresh.bindCreditor(address(subscriptions));
        vm.stopPrank();
        assertEq(fresh.creditor(), address(0), "still unbound");

        // One pool in two or three roles: refused by the manager's constructor.
        vm.expectRevert(bytes4(keccak256("InvalidConfiguration()")));
        new SubscriptionManager(
            address(qry),
            address(manager),
            START,
            EPOCH,
            address(fresh),
            address(fresh),
            address(portalPool),
            MIN_MONTHLY_PAY,
            PORTAL_CAP
        );
        vm.expectRevert(bytes4(keccak256("InvalidConfiguration()")));
        new SubscriptionManager(
            address(qry),
            address(manager),
            START,
            EPOCH,
            address(fresh),
            address(integratorPool),
            address(fresh),
            MIN_MONTHLY_PAY,
            PORTAL_CAP
        );

        // A manager that lists it: bound.
        SubscriptionManager wired = new SubscriptionManager(
            address(qry),
            address(manager),
            START,
            EPOCH,
            address(providerPool),
            address(fresh),
            address(portalPool),
            MIN_MONTHLY_PAY,
            PORTAL_CAP
        );
        vm.prank(admin);
        fresh.bindCreditor(address(wired));
        assertEq(fresh.creditor(), address(wired), "bound to the manager that lists it");
    }

    /// @dev Bad input: the claim cap cannot exceed 10,000 bps (refused, nothing changes); `tryCredit` is the bound
    /// creditor's alone, like `credit`.
    function test_RevertWhen_claimCapAboveAllOrTryCreditByAStranger() public {
        bytes32 key = integratorPool.CLAIM_CAP();
        vm.prank(address(params));
        vm.expectRevert(
            abi.encodeWithSelector(bytes4(keccak256("InvalidParameterValue(bytes32,uint256)")), key, 10_001)
        );
        integratorPool.setParameter(key, 10_001);
        assertEq(integratorPool.claimCap(), 0, "unchanged");
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(ISqrtPool.OnlyCreditor.selector, stranger));
        integratorPool.tryCredit(0, integrator, 100 ether);
        assertEq(integratorPool.sumOfRoots(0), 0, "nothing credited");
    }

    // ------------------------------------------------------------------ finding 4: a revoked portal keeps earning

    /// @dev Was `test_Exploit_revokedPortal_keepsEarningThroughRenewals`: revoking a dishonest portal's PORTAL role
    /// stopped its sales, not its earnings: renewing its own sale for 35 epochs credited it 3,500 QRY more (root 60,
    /// the whole portals' pool) and counted in the measures. Now a renewal credits the portal, and counts within its
    /// allowance, only while it may still sell: the renewal is paid and credits the integrator (3,600 QRY), the portal
    /// keeps only its 100 QRY from before the revocation and the measures only that sale. Granted again, it earns
    /// again.
    function test_attack_revokedPortal_earnsNothingThroughRenewals() public {
        bytes32 key = portalPool.MIN_STAKE();
        vm.prank(address(params));
        portalPool.setParameter(key, IDENTITY_STAKE);
        _stake(portal, IDENTITY_STAKE);
        _stake(integrator, IDENTITY_STAKE);
        uint256 id = _subscribe(100 ether, 1);

        vm.prank(registrar);
        manager.revokeRole(Roles.DISTRIBUTION_PORTAL, portal);
        _renewAs(portal, id, 35);
        assertEq(subscriptions.termsOf(id).paidThrough, 35, "paid through epoch 35");
        assertEq(portalPool.entryOf(0, portal).value, 100 ether, "only the sale before the revocation");
        assertEq(subscriptions.portalCount(portal, 0), 100 ether, "the renewal counts nothing");
        assertEq(integratorPool.entryOf(0, integrator).value, 3_600 ether, "the integrator is credited");

        vm.prank(registrar);
        manager.grantRole(Roles.DISTRIBUTION_PORTAL, portal, 0);
        _mint(portal, 100 ether);
        vm.startPrank(portal);
        qry.approve(address(subscriptions), 100 ether);
        uint256 second = subscriptions.subscribe(client, integrator, 100 ether, 1);
        vm.stopPrank();
        _renewAs(stranger, second, 1);
        assertEq(portalPool.entryOf(0, portal).value, 300 ether, "100 + 100 sold + 100 renewed");
    }

    /// @dev Closing the subscription manager (`setTargetClosed`, the admin's emergency lever) stops sales, reports and
    /// `collect` (so `closeEpoch`), not renewals (not restricted, documented): a renewal of a closed manager credits
    /// the integrator, not the portal (it may not sell while the target is closed), and counts nothing.
    function test_closedManager_renewalsCreditTheIntegratorOnly() public {
        uint256 id = _subscribe(100 ether, 1);
        vm.startPrank(admin);
        manager.setTargetClosed(address(subscriptions), true);
        manager.setTargetClosed(address(integratorPool), true);
        vm.stopPrank();
        _renewAs(stranger, id, 2);
        assertEq(integratorPool.entryOf(0, integrator).value, 300 ether, "credited through two closed targets");
        assertEq(portalPool.entryOf(0, portal).value, 100 ether, "the portal only for its sale");
        assertEq(subscriptions.portalCount(portal, 0), 100 ether, "the renewal counts nothing");
        _warpToEnd(0);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, address(engine)));
        engine.closeEpoch();
    }

    /// @dev Checked safe: the minimum stake cannot be truncated (2^96 refused, 2^96 - 1 kept whole); an integrator
    /// registers once, only itself (the base registered `integrator` as id 1), and its sales and renewals credit it.
    function test_safe_minStakeBoundAndIntegratorIds() public {
        bytes32 key = integratorPool.MIN_STAKE();
        vm.startPrank(address(params));
        vm.expectRevert(
            abi.encodeWithSelector(bytes4(keccak256("InvalidParameterValue(bytes32,uint256)")), key, uint256(1) << 96)
        );
        integratorPool.setParameter(key, uint256(1) << 96);
        integratorPool.setParameter(key, (uint256(1) << 96) - 1);
        vm.stopPrank();
        assertEq(integratorPool.minStake(), (uint256(1) << 96) - 1, "kept whole");
        _setIntegratorMinStake(0);

        assertEq(subscriptions.integratorId(integrator), 1, "id 1");
        vm.prank(integrator);
        vm.expectRevert(
            abi.encodeWithSelector(bytes4(keccak256("IntegratorAlreadyRegistered(address,uint256)")), integrator, 1)
        );
        subscriptions.registerIntegrator();
        uint256 first = _subscribe(100 ether, 1);
        uint256 second = _subscribe(100 ether, 1);
        assertEq(subscriptions.partiesOf(first).integrator, integrator, "first sale: by id");
        assertEq(subscriptions.partiesOf(second).integrator, integrator, "second sale: by id");
        _renewAs(stranger, first, 1);
        assertEq(integratorPool.entryOf(0, integrator).value, 300 ether, "both sales and the renewal credit it");
    }
}
