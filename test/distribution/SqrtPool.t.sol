// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {SqrtPool} from "../../contracts/distribution/SqrtPool.sol";
import {SubscriptionManager} from "../../contracts/distribution/SubscriptionManager.sol";
import {IDistributionPool} from "../../contracts/interfaces/IDistributionPool.sol";
import {IEpochClock} from "../../contracts/interfaces/IEpochClock.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {ISqrtPool} from "../../contracts/interfaces/ISqrtPool.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {DistributionBase} from "./DistributionBase.sol";

/// @notice The square-root pool on its own (the query-fulfillment instance: 10,000 QRY per identity): a creditor
/// adds value, a funder standing in for the engine funds ended epochs.
contract SqrtPoolTest is DistributionBase {
    address internal creditor;
    address internal funder;
    address internal alice;
    address internal bob;
    address internal carol;

    function setUp() public override {
        super.setUp();
        creditor = address(subscriptions);
        funder = makeAddr("funder");
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        carol = makeAddr("carol");
        vm.startPrank(admin);
        manager.grantRole(Roles.DISTRIBUTION_ENGINE, funder, 0);
        vm.stopPrank();
        _stake(alice, PROVIDER_MIN_STAKE);
        _stake(bob, PROVIDER_MIN_STAKE);
        _stake(carol, PROVIDER_MIN_STAKE);
    }

    function _credit(address account, uint256 value) internal {
        vm.prank(creditor);
        providerPool.credit((block.timestamp - START) / EPOCH, account, value);
    }

    /// @dev Ends `epoch` and funds it with `budget` the way the engine does (transfer, then `fundEpoch`).
    function _fund(uint256 epoch, uint256 budget) internal returns (uint256 unused) {
        _warpToEnd(epoch);
        vm.startPrank(funder);
        if (budget > 0) {
            vm.stopPrank();
            _mint(funder, budget);
            vm.startPrank(funder);
            qry.transfer(address(providerPool), budget);
        }
        unused = providerPool.fundEpoch(epoch, budget);
        vm.stopPrank();
    }

    function _claim(address account, uint256 epoch) internal returns (uint256) {
        vm.prank(account);
        return providerPool.claim(epoch);
    }

    // ------------------------------------------------------------------ credit

    function test_credit_replacesTheAccountsRootInTheSum() public {
        vm.expectEmit(true, true, false, true, address(providerPool));
        emit ISqrtPool.Credited(0, alice, 100 ether, 100 ether, 1e19);
        _credit(alice, 100 ether);
        _credit(bob, 400 ether);
        assertEq(providerPool.sumOfRoots(0), 3e19, "1e19 + 2e19");
        _credit(alice, 300 ether); // alice now 400: root 2e19
        ISqrtPool.Entry memory e = providerPool.entryOf(0, alice);
        assertEq(uint256(e.value), 400 ether, "alice's value");
        assertEq(uint256(e.root), 2e19, "alice's root");
        assertFalse(e.claimed, "not claimed");
        assertEq(providerPool.sumOfRoots(0), 4e19, "old root replaced: 2e19 + 2e19");
    }

    /// @dev Issue 19, finding 5: the stake was checked only at an identity's first credit of an epoch, so it could
    /// unbond (and move to a second identity) and keep being credited, then claim. Now every credit and the claim
    /// check it: the second credit reverts, and so does the claim once the stake is gone.
    function test_exploit_stakeLeavesAfterFirstCredit_noLongerCreditedNorPaid() public {
        _credit(alice, 100 ether);
        _stake(alice, 0); // unbonded after its first credit
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.StakeBelowMinimum.selector, alice, 0, 10_000 ether));
        vm.prank(creditor);
        providerPool.credit(0, alice, 100 ether);
        assertEq(uint256(providerPool.entryOf(0, alice).value), 100 ether, "second credit refused");

        _fund(0, 1_000 ether);
        assertEq(providerPool.claimable(0, alice), 0, "nothing claimable without the stake");
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.StakeBelowMinimum.selector, alice, 0, 10_000 ether));
        _claim(alice, 0);
        assertEq(uint256(providerPool.ledger(0).claimed), 0, "nothing paid");

        _stake(alice, 10_000 ether); // exactly the minimum again: the claim goes through
        assertEq(providerPool.claimable(0, alice), 1_000 ether, "claimable at the minimum");
        _claim(alice, 0);
        assertEq(uint256(providerPool.ledger(0).claimed), 1_000 ether, "paid at the minimum");
    }

    function test_RevertWhen_creditForAClosedEpoch() public {
        _credit(alice, 100 ether);
        vm.warp(START + EPOCH);
        vm.expectRevert(abi.encodeWithSelector(IEpochClock.EpochNotOpen.selector, 0, 1));
        vm.prank(creditor);
        providerPool.credit(0, alice, 100 ether);
        assertEq(uint256(providerPool.entryOf(0, alice).value), 100 ether, "unchanged");
        assertEq(providerPool.sumOfRoots(0), 1e19, "sum unchanged");
    }

    function test_RevertWhen_creditForAFutureEpoch() public {
        vm.expectRevert(abi.encodeWithSelector(IEpochClock.EpochNotOpen.selector, 1, 0));
        vm.prank(creditor);
        providerPool.credit(1, alice, 100 ether);
        assertEq(providerPool.sumOfRoots(1), 0, "nothing recorded");
    }

    /// @dev Credit is wired to the subscription manager alone (bound once, no role): an outsider, the engine, even the
    /// AccessManager's admin, are refused, and no role grant opens it (the old creditor role included).
    function test_RevertWhen_creditByAnyoneButTheBoundManager() public {
        assertEq(providerPool.creditor(), address(subscriptions), "bound to the manager");
        vm.prank(admin);
        manager.grantRole(Roles.DISTRIBUTION_CREDITOR, stranger, 0);
        address[3] memory outsiders = [stranger, address(engine), admin];
        for (uint256 i; i < outsiders.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(ISqrtPool.OnlyCreditor.selector, outsiders[i]));
            vm.prank(outsiders[i]);
            providerPool.credit(0, alice, 100 ether);
        }
        assertEq(providerPool.sumOfRoots(0), 0, "nothing recorded");
        assertEq(uint256(providerPool.entryOf(0, alice).value), 0, "no value");
    }

    /// @dev The wiring is set once, by the admin: nobody rebinds it (the admin neither), nobody else binds it.
    function test_RevertWhen_bindCreditorTwiceOrByANonAdmin() public {
        vm.expectRevert(abi.encodeWithSelector(ISqrtPool.CreditorAlreadyBound.selector, address(subscriptions)));
        vm.prank(admin);
        providerPool.bindCreditor(stranger);

        SqrtPool fresh = _sqrtPool(PROVIDER_MIN_STAKE);
        assertEq(fresh.creditor(), address(0), "unbound");
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        fresh.bindCreditor(stranger);
        vm.expectRevert(abi.encodeWithSelector(ISqrtPool.CreditorAlreadyBound.selector, address(0)));
        vm.prank(admin);
        fresh.bindCreditor(address(0));
        // Unbound, nobody credits (not even the zero address's stand-ins).
        vm.expectRevert(abi.encodeWithSelector(ISqrtPool.OnlyCreditor.selector, creditor));
        vm.prank(creditor);
        fresh.credit(0, alice, 100 ether);

        // Bound to a manager that lists it as its query-fulfillment pool.
        address wired = address(
            new SubscriptionManager(
                address(qry),
                address(manager),
                START,
                EPOCH,
                address(fresh),
                address(integratorPool),
                address(portalPool),
                MIN_MONTHLY_PAY,
                PORTAL_CAP
            )
        );
        vm.expectEmit(true, true, true, true, address(fresh));
        emit ISqrtPool.CreditorBound(wired);
        vm.prank(admin);
        fresh.bindCreditor(wired);
        assertEq(fresh.creditor(), wired, "bound");
        vm.prank(wired);
        fresh.credit(0, alice, 100 ether);
        assertEq(uint256(fresh.entryOf(0, alice).value), 100 ether, "the bound creditor credits");
    }

    function test_RevertWhen_creditZeroValueOrZeroAccount() public {
        vm.startPrank(creditor);
        vm.expectRevert(ISqrtPool.ZeroValue.selector);
        providerPool.credit(0, alice, 0);
        vm.expectRevert(IDistributionPool.ZeroAddress.selector);
        providerPool.credit(0, address(0), 100 ether);
        vm.stopPrank();
        assertEq(providerPool.sumOfRoots(0), 0, "nothing recorded");
    }

    function test_RevertWhen_creditedAccountIsInactiveOrUnderStaked() public {
        stakes.setStake(alice, false, PROVIDER_MIN_STAKE);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.InactiveProvider.selector, alice));
        _credit(alice, 100 ether);
        _stake(alice, PROVIDER_MIN_STAKE - 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IDistributionPool.StakeBelowMinimum.selector,
                alice,
                PROVIDER_MIN_STAKE - 1,
                PROVIDER_MIN_STAKE
            )
        );
        _credit(alice, 100 ether);
        assertEq(providerPool.sumOfRoots(0), 0, "nothing recorded");
    }

    function test_credit_noStakeNeededWhenTheMinimumIsZero() public {
        vm.prank(creditor);
        integratorPool.credit(0, stranger, 100 ether); // the integrators' pool has no minimum
        assertEq(integratorPool.sumOfRoots(0), 1e19, "credited without stake");
    }

    // ------------------------------------------------------------------ fund and claim

    function test_claim_paysSquareRootShares() public {
        _credit(alice, 100 ether);
        _credit(bob, 400 ether);
        _credit(carol, 900 ether);
        assertEq(_fund(0, 600_000 ether), 0, "everything kept");
        assertEq(_claim(alice, 0), 100_000 ether, "alice: 1/6");
        assertEq(_claim(bob, 0), 200_000 ether, "bob: 2/6");
        assertEq(_claim(carol, 0), 300_000 ether, "carol: 3/6");
        assertEq(qry.balanceOf(address(providerPool)), 0, "pool emptied");
        IDistributionPool.Ledger memory book = providerPool.ledger(0);
        assertEq(uint256(book.funded), 600_000 ether, "funded");
        assertEq(uint256(book.claimed), 600_000 ether, "claimed");
    }

    function test_claim_oneClaimDoesNotChangeAnother() public {
        _credit(alice, 100 ether);
        _credit(bob, 400 ether);
        _fund(0, 300_000 ether);
        uint256 bobBefore = providerPool.claimable(0, bob);
        _claim(alice, 0);
        assertEq(providerPool.claimable(0, bob), bobBefore, "bob's share unchanged by alice's claim");
        assertEq(_claim(bob, 0), 200_000 ether, "bob: 2/3");
        assertEq(providerPool.claimable(0, alice), 0, "alice has claimed");
    }

    function test_claim_roundsDownAndTheSweepTakesTheDust() public {
        _credit(alice, 100 ether);
        _credit(bob, 100 ether);
        _credit(carol, 100 ether);
        _fund(0, 100);
        assertEq(_claim(alice, 0), 33, "alice: floor(100 / 3)");
        assertEq(_claim(bob, 0), 33, "bob");
        assertEq(_claim(carol, 0), 33, "carol");
        vm.warp(providerPool.ledger(0).expiresAt);
        vm.prank(funder);
        assertEq(providerPool.sweep(0), 1, "the wei of dust goes back");
        assertEq(qry.balanceOf(funder), 1, "to the engine");
    }

    /// @dev QRY's square-root pools favour splitting. An attacker with the same TRV as an honest
    /// provider gets half the pool as one identity; split into four identities of a quarter each, its roots add up
    /// to twice as much (sqrt(4) = 2), so it gets two thirds. Each identity must bond the 10,000 QRY minimum, so the
    /// split costs 30,000 QRY more stake, and a fifth identity without stake is refused.
    function test_sybil_splittingIntoFourIdentitiesDoublesTheRootMass() public {
        address attacker = makeAddr("attacker");
        _stake(attacker, PROVIDER_MIN_STAKE);
        _credit(bob, 400 ether);
        _credit(attacker, 400 ether);
        _fund(0, 900_000 ether);
        assertEq(providerPool.claimable(0, attacker), 450_000 ether, "one identity: 1/2");

        vm.prank(creditor);
        providerPool.credit(1, bob, 400 ether);
        address[4] memory sybils = [makeAddr("sybil0"), makeAddr("sybil1"), makeAddr("sybil2"), makeAddr("sybil3")];
        uint256 root;
        for (uint256 i; i < 4; ++i) {
            _stake(sybils[i], PROVIDER_MIN_STAKE);
            vm.prank(creditor);
            providerPool.credit(1, sybils[i], 100 ether);
            root += providerPool.entryOf(1, sybils[i]).root;
        }
        assertEq(root, 4e19, "four roots of 1e19: twice the single identity's 2e19");
        address fifth = makeAddr("sybil4");
        stakes.setStake(fifth, true, 0); // registered and active, nothing bonded
        vm.expectRevert(
            abi.encodeWithSelector(IDistributionPool.StakeBelowMinimum.selector, fifth, 0, PROVIDER_MIN_STAKE)
        );
        vm.prank(creditor);
        providerPool.credit(1, fifth, 1 ether);
        _fund(1, 900_000 ether);
        uint256 split;
        for (uint256 i; i < 4; ++i) split += providerPool.claimable(1, sybils[i]);
        assertEq(split, 600_000 ether, "four identities: 2/3");
        assertEq(providerPool.claimable(1, bob), 300_000 ether, "the honest provider: 1/3");
    }

    function test_fundEpoch_sendsEverythingBackWithoutParticipants() public {
        assertEq(_fund(0, 1_000 ether), 1_000 ether, "all unused");
        assertEq(qry.balanceOf(funder), 1_000 ether, "back to the engine");
        assertEq(uint256(providerPool.ledger(0).funded), 0, "nothing to claim");
        assertEq(uint256(providerPool.ledger(0).expiresAt), START + EPOCH + CLAIM_WINDOW, "still marked funded");
    }

    function test_RevertWhen_fundingAnEpochThatHasNotEnded() public {
        vm.warp(START + EPOCH - 1);
        vm.expectRevert(abi.encodeWithSelector(IEpochClock.EpochNotOver.selector, 0, START + EPOCH));
        vm.prank(funder);
        providerPool.fundEpoch(0, 0);
        assertEq(uint256(providerPool.ledger(0).expiresAt), 0, "not funded");
    }

    function test_RevertWhen_fundingAnEpochTwice() public {
        _credit(alice, 100 ether);
        _fund(0, 1_000 ether);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.EpochAlreadyFunded.selector, 0));
        vm.prank(funder);
        providerPool.fundEpoch(0, 5);
        assertEq(uint256(providerPool.ledger(0).funded), 1_000 ether, "unchanged");
    }

    function test_RevertWhen_fundingByANonEngine() public {
        _warpToEnd(0);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        providerPool.fundEpoch(0, 0);
    }

    function test_RevertWhen_claimingBeforeFunding() public {
        _credit(alice, 100 ether);
        _warpToEnd(0);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.EpochNotFunded.selector, 0));
        _claim(alice, 0);
        assertFalse(providerPool.entryOf(0, alice).claimed, "not claimed");
    }

    function test_RevertWhen_claimingTwice() public {
        _credit(alice, 100 ether);
        _credit(bob, 100 ether);
        _fund(0, 1_000 ether);
        _claim(alice, 0);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.AlreadyClaimed.selector, 0, alice));
        _claim(alice, 0);
        assertEq(qry.balanceOf(alice), 500 ether, "paid once");
        assertEq(uint256(providerPool.ledger(0).claimed), 500 ether, "claimed once");
    }

    function test_RevertWhen_claimingWithoutValue() public {
        _stake(stranger, 10_000 ether);
        _credit(alice, 100 ether);
        _fund(0, 1_000 ether);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.NothingToClaim.selector, 0, stranger));
        _claim(stranger, 0);
        assertEq(uint256(providerPool.ledger(0).claimed), 0, "nothing claimed");
    }

    function test_RevertWhen_claimingAfterTheWindow() public {
        _credit(alice, 100 ether);
        _fund(0, 1_000 ether);
        uint256 expiresAt = providerPool.ledger(0).expiresAt;
        vm.warp(expiresAt - 1);
        assertEq(providerPool.claimable(0, alice), 1_000 ether, "claimable one second before");
        vm.warp(expiresAt);
        assertEq(providerPool.claimable(0, alice), 0, "not claimable at expiry");
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.ClaimWindowOver.selector, 0, expiresAt));
        _claim(alice, 0);
        assertEq(qry.balanceOf(alice), 0, "not paid");
    }

    // ------------------------------------------------------------------ sweep

    function test_sweep_returnsWhatWasNotClaimed() public {
        _credit(alice, 100 ether);
        _credit(bob, 400 ether);
        _fund(0, 300_000 ether);
        _claim(alice, 0);
        uint256 expiresAt = providerPool.ledger(0).expiresAt;
        vm.warp(expiresAt - 1);
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.ClaimWindowOpen.selector, 0, expiresAt));
        vm.prank(funder);
        providerPool.sweep(0);
        vm.warp(expiresAt);
        vm.prank(funder);
        assertEq(providerPool.sweep(0), 200_000 ether, "bob's unclaimed share");
        IDistributionPool.Ledger memory book = providerPool.ledger(0);
        assertEq(uint256(book.funded), 100_000 ether, "closed at what was claimed");
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.NothingToSweep.selector, 0));
        vm.prank(funder);
        providerPool.sweep(0);
        assertEq(qry.balanceOf(funder), 200_000 ether, "swept once");
    }

    function test_RevertWhen_sweepingAnUnfundedEpoch() public {
        vm.expectRevert(abi.encodeWithSelector(IDistributionPool.EpochNotFunded.selector, 3));
        vm.prank(funder);
        providerPool.sweep(3);
    }

    // ------------------------------------------------------------------ parameters

    function test_setParameter_minStakeAppliesToNextFirstCredits() public {
        bytes32 key = providerPool.MIN_STAKE();
        _register(address(providerPool), key, 0, 1_000_000 ether);
        vm.prank(emergency);
        params.setEmergency(address(providerPool), key, 20_000 ether);
        assertEq(providerPool.minStake(), 20_000 ether, "new minimum");
        assertEq(providerPool.parameter(key), 20_000 ether, "read back");
        vm.expectRevert(
            abi.encodeWithSelector(
                IDistributionPool.StakeBelowMinimum.selector,
                alice,
                PROVIDER_MIN_STAKE,
                20_000 ether
            )
        );
        _credit(alice, 1 ether);
    }

    /// @dev The minimum stake shares a slot with the creditor: 96 bits (79 billion QRY). Beyond, the change reverts
    /// and the creditor's wiring and the minimum stay as they were.
    function test_RevertWhen_minStakeExceeds96Bits() public {
        bytes32 key = providerPool.MIN_STAKE();
        uint256 tooMuch = uint256(type(uint96).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, key, tooMuch));
        vm.prank(address(params));
        providerPool.setParameter(key, tooMuch);
        assertEq(providerPool.minStake(), PROVIDER_MIN_STAKE, "unchanged");
        assertEq(providerPool.creditor(), address(subscriptions), "wiring unchanged");
        vm.prank(address(params));
        providerPool.setParameter(key, type(uint96).max);
        assertEq(providerPool.minStake(), type(uint96).max, "the largest that fits");
        assertEq(providerPool.creditor(), address(subscriptions), "wiring kept");
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, key, tooMuch));
        new SqrtPool(address(qry), address(manager), START, EPOCH, CLAIM_WINDOW, address(stakes), tooMuch, 0, false);
    }

    function test_RevertWhen_setParameterWithAnUnknownKeyOrAZeroClaimWindow() public {
        vm.startPrank(address(params));
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, bytes32("x")));
        providerPool.setParameter(bytes32("x"), 1);
        bytes32 key = providerPool.CLAIM_WINDOW();
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, key, 0));
        providerPool.setParameter(key, 0);
        vm.stopPrank();
        assertEq(providerPool.claimWindow(), CLAIM_WINDOW, "unchanged");
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, bytes32("x")));
        providerPool.parameter(bytes32("x"));
    }

    function test_RevertWhen_constructorHasNoStakeReader() public {
        vm.expectRevert(IDistributionPool.ZeroAddress.selector);
        new SqrtPool(address(qry), address(manager), START, EPOCH, CLAIM_WINDOW, address(0), 0, 0, false);
        vm.expectRevert(IDistributionPool.InvalidToken.selector);
        new SqrtPool(address(0), address(manager), START, EPOCH, CLAIM_WINDOW, address(stakes), 0, 0, false);
        vm.expectRevert(abi.encodeWithSelector(IEpochClock.InvalidEpochClock.selector, START, 0));
        new SqrtPool(address(qry), address(manager), START, 0, CLAIM_WINDOW, address(stakes), 0, 0, false);
    }

    // ------------------------------------------------------------------ fuzz

    /// @dev Whatever the values and the funding, the claims of an epoch add up to at most its funding and leave
    /// less than one wei per claimant; the on-chain sum of roots equals the sum recomputed from the entries.
    function testFuzz_claimsNeverExceedFunding(uint96[5] memory values, uint96 funding) public {
        funding = uint96(bound(funding, 0, QRY_CAP));
        address[5] memory who = [alice, bob, carol, makeAddr("dan"), makeAddr("erin")];
        uint256 recomputed;
        uint256 participants;
        for (uint256 i; i < 5; ++i) {
            _stake(who[i], PROVIDER_MIN_STAKE);
            if (values[i] == 0) continue;
            _credit(who[i], values[i]);
            recomputed += providerPool.entryOf(0, who[i]).root;
            ++participants;
        }
        assertEq(providerPool.sumOfRoots(0), recomputed, "sum of roots == recomputed");
        _fund(0, funding);
        uint256 paid;
        for (uint256 i; i < 5; ++i) {
            uint256 due = providerPool.claimable(0, who[i]);
            if (due == 0) continue;
            paid += _claim(who[i], 0);
        }
        uint256 funded = providerPool.ledger(0).funded;
        assertLe(paid, funded, "claims <= funding");
        if (participants > 0) assertEq(funded, funding, "funded in full");
        if (participants > 0) assertLt(funded - paid, participants, "dust < one wei per claimant");
        assertEq(qry.balanceOf(address(providerPool)), funded - paid, "the pool holds what is owed");
    }

    /// @dev One account's claim never changes another's: claiming in either order pays each the same.
    function testFuzz_claimOrderDoesNotMatter(uint96 a, uint96 b, uint96 funding) public {
        a = uint96(bound(a, 1, type(uint96).max));
        b = uint96(bound(b, 1, type(uint96).max));
        funding = uint96(bound(funding, 0, QRY_CAP));
        _credit(alice, a);
        _credit(bob, b);
        _fund(0, funding);
        uint256 snapshot = vm.snapshotState();
        uint256 aliceFirst = providerPool.claimable(0, alice);
        uint256 bobSecond = providerPool.claimable(0, bob);
        if (aliceFirst > 0) _claim(alice, 0);
        assertEq(providerPool.claimable(0, bob), bobSecond, "bob's due unchanged by alice's claim");
        vm.revertToState(snapshot);
        if (bobSecond > 0) _claim(bob, 0);
        assertEq(providerPool.claimable(0, alice), aliceFirst, "alice's due unchanged by bob's claim");
    }
}
