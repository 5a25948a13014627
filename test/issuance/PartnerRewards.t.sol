// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {IPartnerRewards} from "../../contracts/interfaces/IPartnerRewards.sol";
import {PartnerRewards} from "../../contracts/issuance/PartnerRewards.sol";
import {IssuanceBase} from "./IssuanceBase.sol";
import {MerkleHelper} from "./MerkleHelper.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";

contract PartnerRewardsTest is IssuanceBase {
    address[4] internal partners;
    uint256[4] internal amounts;
    bytes32 internal root;
    bytes32[][4] internal proofs;

    function setUp() public override {
        super.setUp();
        partners = [makeAddr("integratorA"), makeAddr("integratorB"), makeAddr("portalC"), makeAddr("walletD")];
        amounts = [uint256(100 ether), 250 ether, 50 ether, 600 ether]; // 1,000 QUT in all
        (root, proofs) = MerkleHelper.build(partners, amounts);
        _fund(treasury, 5_000 ether);
    }

    function _fund(address from, uint256 amount) internal {
        _giveQut(from, amount);
        vm.startPrank(from);
        qut.approve(address(rewards), amount);
        rewards.fund(amount);
        vm.stopPrank();
    }

    function _start(bytes32 r, uint256 total) internal returns (uint256 id) {
        vm.prank(distributor);
        id = rewards.startPeriod(r, total);
    }

    function _claim(uint256 id, uint256 i) internal {
        vm.prank(stranger); // anyone may submit
        rewards.claim(id, i, partners[i], amounts[i], proofs[i]);
    }

    // ------------------------------------------------------------------ fund and start

    function test_fund_addsToUnallocated() public {
        _giveQut(bob, 700 ether);
        vm.startPrank(bob);
        qut.approve(address(rewards), 700 ether);
        vm.expectEmit(true, false, false, true, address(rewards));
        emit IPartnerRewards.Funded(bob, 700 ether);
        rewards.fund(700 ether);
        vm.stopPrank();
        assertEq(rewards.unallocated(), 5_700 ether, "unallocated");
        assertEq(qut.balanceOf(address(rewards)), 5_700 ether, "balance");
    }

    function test_RevertWhen_fundZero() public {
        vm.prank(treasury);
        vm.expectRevert(IPartnerRewards.ZeroAmount.selector);
        rewards.fund(0);
        assertEq(rewards.unallocated(), 5_000 ether, "unchanged");
    }

    function test_startPeriod_allocatesAndSetsExpiry() public {
        vm.expectEmit(true, false, false, true, address(rewards));
        emit IPartnerRewards.PeriodStarted(1, root, 1_000 ether, START + 90 days);
        uint256 id = _start(root, 1_000 ether);
        assertEq(id, 1, "first period");
        assertEq(rewards.periodCount(), 1, "count");
        assertEq(rewards.rootOf(1), root, "root");
        IPartnerRewards.Period memory p = rewards.period(1);
        assertEq(uint256(p.total), 1_000 ether, "total");
        assertEq(uint256(p.claimed), 0, "claimed");
        assertEq(uint256(p.expiresAt), START + 7_776_000, "expires after 90 days");
        assertEq(rewards.unallocated(), 4_000 ether, "unallocated");
    }

    function test_startPeriod_allocatesEveryUnallocatedWei() public {
        _start(root, 5_000 ether);
        assertEq(rewards.unallocated(), 0, "all allocated");
    }

    function test_RevertWhen_startPeriodAboveFunds() public {
        vm.prank(distributor);
        vm.expectRevert(
            abi.encodeWithSelector(IPartnerRewards.InsufficientFunds.selector, 5_000 ether + 1, 5_000 ether)
        );
        rewards.startPeriod(root, 5_000 ether + 1);
        assertEq(rewards.periodCount(), 0, "no period");
        assertEq(rewards.unallocated(), 5_000 ether, "unchanged");
    }

    function test_RevertWhen_startPeriodZeroRoot() public {
        vm.prank(distributor);
        vm.expectRevert(IPartnerRewards.ZeroRoot.selector);
        rewards.startPeriod(bytes32(0), 1 ether);
        assertEq(rewards.periodCount(), 0, "no period");
    }

    function test_RevertWhen_startPeriodZeroTotal() public {
        vm.prank(distributor);
        vm.expectRevert(IPartnerRewards.ZeroAmount.selector);
        rewards.startPeriod(root, 0);
        assertEq(rewards.periodCount(), 0, "no period");
    }

    function test_RevertWhen_startPeriodByNonDistributor() public {
        vm.prank(treasury);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, treasury));
        rewards.startPeriod(root, 1_000 ether);
        assertEq(rewards.periodCount(), 0, "no period");
    }

    function test_RevertWhen_startPeriodTotalAbove96Bits() public {
        // A pool on a token with a larger supply than QUT's, funded above what a period can hold.
        ProtocolToken big = new ProtocolToken("Big", "BIG", type(uint200).max, address(manager));
        PartnerRewards pool = new PartnerRewards(address(manager), address(big), CLAIM_WINDOW);
        vm.startPrank(admin);
        _restrict(address(pool), PartnerRewards.startPeriod.selector, Roles.ISSUANCE_PARTNER_DISTRIBUTOR);
        _restrict(address(big), ProtocolToken.mint.selector, Roles.MINTER);
        vm.stopPrank();
        uint256 huge = uint256(type(uint96).max) + 1;
        vm.prank(qutMinter);
        big.mint(treasury, huge);
        vm.startPrank(treasury);
        big.approve(address(pool), huge);
        pool.fund(huge);
        vm.stopPrank();
        vm.prank(distributor);
        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 96, huge));
        pool.startPeriod(root, huge);
        assertEq(pool.unallocated(), huge, "unchanged");
    }

    // ------------------------------------------------------------------ claim

    function test_claim_paysThePartner() public {
        uint256 id = _start(root, 1_000 ether);
        vm.expectEmit(true, true, false, true, address(rewards));
        emit IPartnerRewards.Claimed(id, 1, partners[1], 250 ether);
        _claim(id, 1);
        assertEq(qut.balanceOf(partners[1]), 250 ether, "partner paid");
        assertEq(qut.balanceOf(stranger), 0, "submitter not paid");
        assertTrue(rewards.isClaimed(id, 1), "leaf claimed");
        assertFalse(rewards.isClaimed(id, 0), "other leaf untouched");
        assertEq(uint256(rewards.period(id).claimed), 250 ether, "period claimed");
        assertEq(qut.balanceOf(address(rewards)), 4_750 ether, "pool balance");
    }

    function test_claim_everyLeafExactlyExhaustsThePeriod() public {
        uint256 id = _start(root, 1_000 ether);
        for (uint256 i; i < 4; ++i) _claim(id, i);
        assertEq(uint256(rewards.period(id).claimed), 1_000 ether, "fully claimed");
        assertEq(qut.balanceOf(partners[3]), 600 ether, "last partner paid");
    }

    function test_RevertWhen_claimTwice() public {
        uint256 id = _start(root, 1_000 ether);
        _claim(id, 2);
        vm.expectRevert(abi.encodeWithSelector(IPartnerRewards.AlreadyClaimed.selector, id, 2));
        _claim(id, 2);
        assertEq(qut.balanceOf(partners[2]), 50 ether, "paid once");
        assertEq(uint256(rewards.period(id).claimed), 50 ether, "claimed once");
    }

    function test_RevertWhen_claimWithWrongAmount() public {
        uint256 id = _start(root, 1_000 ether);
        vm.expectRevert(abi.encodeWithSelector(IPartnerRewards.InvalidProof.selector, id, 0));
        rewards.claim(id, 0, partners[0], 101 ether, proofs[0]);
        assertFalse(rewards.isClaimed(id, 0), "unclaimed");
    }

    function test_RevertWhen_claimForAnotherAccount() public {
        uint256 id = _start(root, 1_000 ether);
        vm.expectRevert(abi.encodeWithSelector(IPartnerRewards.InvalidProof.selector, id, 0));
        rewards.claim(id, 0, stranger, amounts[0], proofs[0]);
        assertEq(qut.balanceOf(stranger), 0, "stranger not paid");
    }

    function test_RevertWhen_claimWithAnotherLeafsProof() public {
        uint256 id = _start(root, 1_000 ether);
        vm.expectRevert(abi.encodeWithSelector(IPartnerRewards.InvalidProof.selector, id, 0));
        rewards.claim(id, 0, partners[0], amounts[0], proofs[1]);
    }

    function test_RevertWhen_claimUnknownPeriod() public {
        vm.expectRevert(abi.encodeWithSelector(IPartnerRewards.UnknownPeriod.selector, 1));
        _claim(1, 0);
    }

    function test_RevertWhen_claimsExceedThePeriodsFunding() public {
        // The distributor under-funded the root (1,000 QUT of leaves, 900 allocated): claims stop at 900.
        uint256 id = _start(root, 900 ether);
        _claim(id, 3); // 600
        _claim(id, 1); // 850
        vm.expectRevert(abi.encodeWithSelector(IPartnerRewards.PeriodOverClaimed.selector, id, 950 ether, 900 ether));
        _claim(id, 0); // would reach 950
        _claim(id, 2); // 900 exactly
        assertEq(uint256(rewards.period(id).claimed), 900 ether, "claims stop at the funding");
        assertFalse(rewards.isClaimed(id, 0), "the refused leaf stays unclaimed");
        assertEq(qut.balanceOf(address(rewards)), 4_100 ether, "nothing beyond the period was paid");
        assertEq(rewards.unallocated(), 4_100 ether, "other funds untouched");
    }

    function test_claim_oneSecondBeforeExpiry() public {
        uint256 id = _start(root, 1_000 ether);
        vm.warp(START + 90 days - 1);
        _claim(id, 0);
        assertEq(qut.balanceOf(partners[0]), 100 ether, "paid");
    }

    function test_RevertWhen_claimAtExpiry() public {
        uint256 id = _start(root, 1_000 ether);
        vm.warp(START + 90 days);
        vm.expectRevert(abi.encodeWithSelector(IPartnerRewards.PeriodExpired.selector, id, START + 90 days));
        _claim(id, 0);
        assertEq(qut.balanceOf(partners[0]), 0, "not paid");
    }

    function test_claim_periodsAreIndependent() public {
        uint256 first = _start(root, 1_000 ether);
        uint256 second = _start(root, 1_000 ether);
        _claim(first, 0);
        _claim(second, 0);
        assertEq(qut.balanceOf(partners[0]), 200 ether, "paid in both periods");
    }

    // ------------------------------------------------------------------ sweep

    function test_sweep_returnsRemainderToUnallocated() public {
        uint256 id = _start(root, 1_000 ether);
        _claim(id, 3);
        vm.warp(START + 90 days);
        vm.expectEmit(true, false, false, true, address(rewards));
        emit IPartnerRewards.PeriodSwept(id, 400 ether);
        uint256 remainder = rewards.sweep(id);
        assertEq(remainder, 400 ether, "remainder");
        assertEq(rewards.unallocated(), 4_400 ether, "back in the pool");
        assertEq(uint256(rewards.period(id).total), 600 ether, "period closed at what was claimed");
        assertEq(qut.balanceOf(address(rewards)), 4_400 ether, "balance covers the pool");
    }

    function test_RevertWhen_sweepBeforeExpiry() public {
        uint256 id = _start(root, 1_000 ether);
        vm.warp(START + 90 days - 1);
        vm.expectRevert(abi.encodeWithSelector(IPartnerRewards.PeriodNotExpired.selector, id, START + 90 days));
        rewards.sweep(id);
        assertEq(rewards.unallocated(), 4_000 ether, "unchanged");
    }

    function test_RevertWhen_sweepTwice() public {
        uint256 id = _start(root, 1_000 ether);
        vm.warp(START + 90 days);
        rewards.sweep(id);
        vm.expectRevert(abi.encodeWithSelector(IPartnerRewards.NothingToSweep.selector, id));
        rewards.sweep(id);
        assertEq(rewards.unallocated(), 5_000 ether, "swept once");
    }

    function test_RevertWhen_sweepUnknownPeriod() public {
        vm.expectRevert(abi.encodeWithSelector(IPartnerRewards.UnknownPeriod.selector, 3));
        rewards.sweep(3);
    }

    // ------------------------------------------------------------------ parameters

    function test_setParameter_claimWindowAppliesToNewPeriods() public {
        uint256 first = _start(root, 100 ether);
        bytes32 key = rewards.CLAIM_WINDOW();
        vm.prank(governor);
        params.set(address(rewards), key, 100 days);
        uint256 second = _start(root, 100 ether);
        assertEq(uint256(rewards.period(first).expiresAt), START + 90 days, "first period unchanged");
        assertEq(uint256(rewards.period(second).expiresAt), START + 100 days, "second uses 100 days");
        assertEq(rewards.claimWindow(), 100 days, "view");
    }

    function test_RevertWhen_claimWindowSetToZeroByTheModule() public {
        bytes32 key = rewards.CLAIM_WINDOW();
        vm.prank(address(params));
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, key, 0));
        rewards.setParameter(key, 0);
        assertEq(rewards.claimWindow(), 90 days, "unchanged");
    }

    function test_RevertWhen_constructorZeroWindowOrToken() public {
        bytes32 key = keccak256("issuance.partnerClaimWindow");
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, key, 0));
        new PartnerRewards(address(manager), address(qut), 0);
        vm.expectRevert(IPartnerRewards.ZeroAddress.selector);
        new PartnerRewards(address(manager), address(0), 90 days);
    }

    function test_RevertWhen_rewardsParameterUnknownKey() public {
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, bytes32("nope")));
        rewards.parameter(bytes32("nope"));
    }
}
