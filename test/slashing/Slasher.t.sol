// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {IProviderStaking} from "../../contracts/interfaces/IProviderStaking.sol";
import {ISlasher} from "../../contracts/interfaces/ISlasher.sol";
import {SlashingKeys} from "../../contracts/libraries/SlashingKeys.sol";
import {Slasher} from "../../contracts/slashing/Slasher.sol";
import {SlashingBase} from "./SlashingBase.sol";

/// @notice The slasher: class ranges at their edges, tier caps, the per-class cap window, single-use evidence,
/// slashing of unbonding stake, burns, bans, who may slash, governed numbers.
contract SlasherTest is SlashingBase {
    ISlasher.Infraction internal constant MINOR = ISlasher.Infraction.Minor;
    ISlasher.Infraction internal constant MAJOR = ISlasher.Infraction.Major;
    ISlasher.Infraction internal constant SEVERE = ISlasher.Infraction.Severe;

    address internal p3;
    address internal p4;

    function setUp() public override {
        super.setUp();
        p3 = makeAddr("provider3");
        p4 = makeAddr("provider4");
    }

    function _expectOutside(ISlasher.Infraction c, uint256 bps, uint256 min, uint256 max) internal {
        vm.prank(emergency);
        vm.expectRevert(abi.encodeWithSelector(ISlasher.PercentOutsideClass.selector, c, bps, min, max));
        slasherContract.emergencySlash(p1, c, bps, keccak256("outside"));
    }

    // ------------------------------------------------------------------ classes at their range edges

    /// Two Platinum providers of 1,000,000: 1% takes 10,000, 5% takes 50,000; 0.99% and 5.01% are refused.
    function test_slash_minorAtItsRangeEdges() public {
        _register(p1, 1_000_000 ether);
        _register(p2, 1_000_000 ether);
        _expectOutside(MINOR, 99, 100, 500);
        _expectOutside(MINOR, 501, 100, 500);
        assertEq(_stakeOf(p1), 1_000_000 ether, "refused slashes took nothing");
        assertFalse(slasherContract.evidenceUsed(keccak256("outside")), "nor used the evidence");

        ISlasher.SlashResult memory low = _emergencySlash(p1, MINOR, 100, keccak256("minor-low"));
        ISlasher.SlashResult memory high = _emergencySlash(p2, MINOR, 500, keccak256("minor-high"));
        assertEq(low.appliedBps, 100, "1% applied");
        assertEq(low.fromActive, 10_000 ether, "1% of 1,000,000");
        assertEq(high.appliedBps, 500, "5% applied");
        assertEq(high.fromActive, 50_000 ether, "5% of 1,000,000");
        assertFalse(staking.isBanned(p1) || staking.isBanned(p2), "a minor infraction bans nobody");
    }

    function test_slash_majorAtItsRangeEdges() public {
        _register(p1, 1_000_000 ether);
        _register(p2, 1_000_000 ether);
        _expectOutside(MAJOR, 499, 500, 1_500);
        _expectOutside(MAJOR, 1_501, 500, 1_500);
        assertEq(_emergencySlash(p1, MAJOR, 500, keccak256("major-low")).fromActive, 50_000 ether, "5%");
        assertEq(_emergencySlash(p2, MAJOR, 1_500, keccak256("major-high")).fromActive, 150_000 ether, "15%");
        assertFalse(staking.isBanned(p1) || staking.isBanned(p2), "a major infraction bans nobody");
    }

    function test_slash_severeAtItsRangeEdgesAndBans() public {
        _register(p1, 1_000_000 ether);
        _register(p2, 1_000_000 ether);
        _expectOutside(SEVERE, 1_499, 1_500, 2_000);
        _expectOutside(SEVERE, 2_001, 1_500, 2_000);
        assertFalse(staking.isBanned(p1), "refused: no ban");

        vm.expectEmit(true, true, false, false, address(slasherContract));
        emit ISlasher.ProviderBannedFor(p1, keccak256("severe-low"));
        assertEq(_emergencySlash(p1, SEVERE, 1_500, keccak256("severe-low")).fromActive, 150_000 ether, "15%");
        assertEq(_emergencySlash(p2, SEVERE, 2_000, keccak256("severe-high")).fromActive, 200_000 ether, "20%");
        assertTrue(staking.isBanned(p1) && staking.isBanned(p2), "a severe infraction bans");
        assertFalse(staking.isActive(p1), "a banned provider takes no work");
    }

    // ------------------------------------------------------------------ tier caps

    /// Bronze 10,000 (5%), Silver 50,000 (10%), Gold 250,000 (15%), Platinum 1,000,000 (20%), each slashed for the
    /// top of a class above its tier: the tier's maximum applies.
    function test_slash_tierMaximumCapsTheClassPercent() public {
        _register(p1, 10_000 ether);
        _register(p2, 50_000 ether);
        _register(p3, 250_000 ether);
        _register(p4, 1_000_000 ether);
        ISlasher.SlashResult memory bronze = _emergencySlash(p1, SEVERE, 2_000, keccak256("bronze"));
        ISlasher.SlashResult memory silver = _emergencySlash(p2, MAJOR, 1_500, keccak256("silver"));
        ISlasher.SlashResult memory gold = _emergencySlash(p3, SEVERE, 2_000, keccak256("gold"));
        ISlasher.SlashResult memory platinum = _emergencySlash(p4, SEVERE, 2_000, keccak256("platinum"));
        assertEq(bronze.appliedBps, 500, "bronze: 5%");
        assertEq(bronze.fromActive, 500 ether, "5% of 10,000");
        assertTrue(staking.isBanned(p1), "a capped severe slash still bans");
        assertEq(silver.appliedBps, 1_000, "silver: 10%");
        assertEq(silver.fromActive, 5_000 ether, "10% of 50,000");
        assertEq(gold.appliedBps, 1_500, "gold: 15%");
        assertEq(gold.fromActive, 37_500 ether, "15% of 250,000");
        assertEq(platinum.appliedBps, 2_000, "platinum: 20%");
        assertEq(platinum.fromActive, 200_000 ether, "20% of 1,000,000");
    }

    // ------------------------------------------------------------------ the cap window

    /// Platinum 1,000,000. Major 10% takes 100,000 (900,000 left); a second major 10% has 5% of the class left
    /// and takes 45,000 (855,000); a third takes nothing but uses its evidence; a minor 5% in the same window is a
    /// class of its own and takes 42,750 (812,250, now Gold). From the window's end a new window opens: a major 15%
    /// takes 121,837.5.
    function test_slash_classTotalCappedPerWindow() public {
        _register(p1, 1_000_000 ether);
        _emergencySlash(p1, MAJOR, 1_000, keccak256("e1"));
        assertEq(slasherContract.capLeft(p1, MAJOR), 500, "5% of the major class left");

        ISlasher.SlashResult memory second = _emergencySlash(p1, MAJOR, 1_000, keccak256("e2"));
        assertEq(second.appliedBps, 500, "clamped to what the class has left");
        assertEq(second.fromActive, 45_000 ether, "5% of 900,000");
        assertEq(slasherContract.capWindowOf(p1, MAJOR).slashedBps, 1_500, "the window holds 15%");

        vm.expectEmit(true, true, true, true, address(slasherContract));
        emit ISlasher.InfractionSlashed(p1, keccak256("e3"), MAJOR, 500, 0, 0, 0, 0, emergency);
        ISlasher.SlashResult memory third = _emergencySlash(p1, MAJOR, 500, keccak256("e3"));
        assertEq(third.appliedBps, 0, "nothing left in the class");
        assertEq(_stakeOf(p1), 855_000 ether, "nothing taken");
        assertTrue(slasherContract.evidenceUsed(keccak256("e3")), "the evidence is used all the same");

        ISlasher.SlashResult memory minor = _emergencySlash(p1, MINOR, 500, keccak256("e4"));
        assertEq(minor.fromActive, 42_750 ether, "another class: 5% of 855,000");
        assertEq(uint256(staking.tierOf(p1).tier), uint256(IProviderStaking.Tier.Gold), "812,250: gold");

        vm.warp(T0 + 30 days - 1);
        assertEq(_emergencySlash(p1, MAJOR, 500, keccak256("e5")).appliedBps, 0, "the window's last second");
        vm.warp(T0 + 30 days);
        assertEq(slasherContract.capWindowOf(p1, MAJOR).slashedBps, 0, "the window has ended");
        ISlasher.SlashResult memory fresh = _emergencySlash(p1, MAJOR, 1_500, keccak256("e6"));
        assertEq(fresh.appliedBps, 1_500, "a new window: the gold cap equals the class maximum");
        assertEq(fresh.fromActive, 121_837.5 ether, "15% of 812,250");
        assertEq(slasherContract.capWindowOf(p1, MAJOR).start, T0 + 30 days, "opened by this slash");
    }

    /// A Silver provider (10%) slashed major 5% twice: the second takes what is left of the tier's 10%, then none.
    function test_slash_tierCapIsSharedByTheClassWindow() public {
        _register(p1, 200_000 ether);
        assertEq(_emergencySlash(p1, MAJOR, 600, keccak256("a")).fromActive, 12_000 ether, "6% of 200,000");
        ISlasher.SlashResult memory second = _emergencySlash(p1, MAJOR, 600, keccak256("b"));
        assertEq(second.appliedBps, 400, "the tier's 10% minus 6%");
        assertEq(second.fromActive, 7_520 ether, "4% of 188,000");
        assertEq(slasherContract.capLeft(p1, MAJOR), 0, "the tier cap is spent");
    }

    // ------------------------------------------------------------------ what a slash reaches and burns

    /// p1 self 100,000 (Silver) of which it unbonds 20,000; d1 delegates 100,000 and unbonds 40,000; p1 holds 10,000
    /// of reputation stake. Major 10%: 14,000 of the 140,000 active, 6,000 of the 60,000 unbonding, 1,000 of the
    /// reputation stake; 21,000 burned. p1 keeps 72,000 and a request of 18,000; d1 54,000 and a request of 36,000.
    function test_slash_reachesActiveAndUnbondingStakeOfProviderAndDelegators() public {
        _register(p1, 100_000 ether);
        _delegate(d1, p1, 100_000 ether);
        uint256 selfRequest = _unbond(p1, 20_000 ether);
        uint256 delegatorRequest = _unbond(d1, 40_000 ether);
        _mint(p1, 10_000 ether);
        vm.startPrank(p1);
        token.approve(address(reputation), 10_000 ether);
        reputation.addStake(10_000 ether);
        vm.stopPrank();
        uint256 supply = token.totalSupply();
        uint256 stakingBalance = token.balanceOf(address(staking));
        uint256 before = _stakeWith(p1);

        vm.expectEmit(true, true, true, true, address(slasherContract));
        emit ISlasher.InfractionSlashed(
            p1,
            keccak256("x"),
            MAJOR,
            1_000,
            1_000,
            14_000 ether,
            6_000 ether,
            1_000 ether,
            emergency
        );
        ISlasher.SlashResult memory r = _emergencySlash(p1, MAJOR, 1_000, keccak256("x"));

        assertEq(r.fromActive, 14_000 ether, "10% of 140,000 active");
        assertEq(r.fromUnbonding, 6_000 ether, "10% of 60,000 unbonding");
        assertEq(r.fromReputation, 1_000 ether, "10% of 10,000 reputation");
        assertEq(_stakeOf(p1), 72_000 ether, "p1 active");
        assertEq(_stakeOf(d1), 54_000 ether, "d1 active");
        assertEq(staking.unbondingRequest(p1, selfRequest).amount, 18_000 ether, "p1's request");
        assertEq(staking.unbondingRequest(d1, delegatorRequest).amount, 36_000 ether, "d1's request");
        assertEq(supply - token.totalSupply(), 21_000 ether, "everything taken is burned");
        assertEq(stakingBalance - token.balanceOf(address(staking)), 20_000 ether, "out of staking's balance");
        assertEq(token.balanceOf(address(slasherContract)), 0, "the slasher keeps nothing");
        assertEq(before, _stakeWith(p1) + 21_000 ether, "stake before == stake after + burned");
    }

    // ------------------------------------------------------------------ evidence

    function test_RevertWhen_evidenceReused() public {
        _register(p1, 1_000_000 ether);
        _register(p2, 1_000_000 ether);
        bytes32 evidence = keccak256("report");
        _emergencySlash(p1, MINOR, 100, evidence);

        vm.prank(emergency);
        vm.expectRevert(abi.encodeWithSelector(ISlasher.EvidenceAlreadyUsed.selector, evidence));
        slasherContract.emergencySlash(p1, MINOR, 100, evidence);
        vm.prank(emergency);
        vm.expectRevert(abi.encodeWithSelector(ISlasher.EvidenceAlreadyUsed.selector, evidence));
        slasherContract.emergencySlash(p2, MAJOR, 500, evidence);
        assertEq(_stakeOf(p1), 990_000 ether, "p1 slashed once");
        assertEq(_stakeOf(p2), 1_000_000 ether, "p2 untouched");
        assertEq(slasherContract.capWindowOf(p1, MINOR).slashedBps, 100, "the window counts one slash");
    }

    function test_RevertWhen_evidenceIsZero() public {
        _register(p1, 1_000_000 ether);
        vm.prank(emergency);
        vm.expectRevert(ISlasher.ZeroEvidence.selector);
        slasherContract.emergencySlash(p1, MINOR, 100, bytes32(0));
        assertEq(_stakeOf(p1), 1_000_000 ether, "nothing taken");
    }

    function test_RevertWhen_slashUnknownProvider() public {
        vm.prank(emergency);
        vm.expectRevert(abi.encodeWithSelector(ISlasher.UnknownProvider.selector, d1));
        slasherContract.emergencySlash(d1, MINOR, 100, keccak256("x"));
        assertFalse(slasherContract.evidenceUsed(keccak256("x")), "evidence unused");
    }

    // ------------------------------------------------------------------ bans

    function test_slash_severeOnABannedProviderSlashesWithoutBanningAgain() public {
        _register(p1, 1_000_000 ether);
        _emergencySlash(p1, SEVERE, 1_500, keccak256("first"));
        vm.warp(T0 + 30 days);
        ISlasher.SlashResult memory r = _emergencySlash(p1, SEVERE, 1_500, keccak256("second"));
        assertEq(r.fromActive, 127_500 ether, "15% of 850,000");
        assertTrue(staking.isBanned(p1), "still banned");
    }

    function test_liftBan_byGovernanceRestoresTheProvider() public {
        _register(p1, 1_000_000 ether);
        _emergencySlash(p1, SEVERE, 1_500, keccak256("severe"));
        vm.expectEmit(true, false, false, true, address(staking));
        emit IProviderStaking.BanChanged(p1, false);
        vm.prank(governor);
        slasherContract.liftBan(p1);
        assertFalse(staking.isBanned(p1), "ban lifted");
        assertTrue(staking.isActive(p1), "active again with 850,000");
    }

    function test_RevertWhen_liftBanOfProviderNotBanned() public {
        _register(p1, 1_000_000 ether);
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(ISlasher.NotBanned.selector, p1));
        slasherContract.liftBan(p1);
        assertTrue(staking.isActive(p1), "unchanged");
    }

    // ------------------------------------------------------------------ who may slash

    function test_slash_byTheCourtRole() public {
        _register(p1, 1_000_000 ether);
        vm.expectEmit(true, true, true, true, address(slasherContract));
        emit ISlasher.InfractionSlashed(p1, keccak256("c"), MINOR, 300, 300, 30_000 ether, 0, 0, address(court));
        vm.prank(address(court));
        slasherContract.slash(p1, MINOR, 300, keccak256("c"));
    }

    function test_RevertWhen_slashByAnyoneElse() public {
        _register(p1, 1_000_000 ether);
        address[3] memory callers = [d1, emergency, governor];
        for (uint256 i; i < callers.length; ++i) {
            vm.prank(callers[i]);
            vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, callers[i]));
            slasherContract.slash(p1, MINOR, 100, keccak256("x"));
        }
        address[3] memory notEmergency = [d1, address(court), governor];
        for (uint256 i; i < notEmergency.length; ++i) {
            vm.prank(notEmergency[i]);
            vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, notEmergency[i]));
            slasherContract.emergencySlash(p1, MINOR, 100, keccak256("x"));
        }
        _emergencySlash(p1, SEVERE, 1_500, keccak256("ban"));
        vm.prank(emergency);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, emergency));
        slasherContract.liftBan(p1);
        assertEq(_stakeOf(p1), 850_000 ether, "only the emergency slash took stake");
        assertTrue(staking.isBanned(p1), "still banned");
    }

    function test_RevertWhen_stakingSlashedDirectlyByTheCourt() public {
        _register(p1, 1_000_000 ether);
        vm.prank(address(court));
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, address(court)));
        staking.slash(p1, 100, keccak256("bypass"));
    }

    // ------------------------------------------------------------------ governed numbers

    function test_setParameter_classRangesAndWindow() public {
        vm.startPrank(registry);
        slasherContract.setParameter(SlashingKeys.MINOR_MAX_BPS, 600);
        slasherContract.setParameter(SlashingKeys.SEVERE_MIN_BPS, 1_600);
        slasherContract.setParameter(SlashingKeys.CAP_WINDOW, 7 days);
        vm.stopPrank();
        assertEq(slasherContract.classRange(MINOR).maxBps, 600, "minor max");
        assertEq(slasherContract.parameter(SlashingKeys.MINOR_MAX_BPS), 600, "read back");
        assertEq(slasherContract.parameter(SlashingKeys.SEVERE_MIN_BPS), 1_600, "severe min");
        assertEq(slasherContract.parameter(SlashingKeys.CAP_WINDOW), 7 days, "window");
        assertEq(slasherContract.parameter(SlashingKeys.MAJOR_MIN_BPS), 500, "others unchanged");
    }

    function test_RevertWhen_setParameterBreaksARange() public {
        _expectInvalid(SlashingKeys.MINOR_MIN_BPS, 0);
        _expectInvalid(SlashingKeys.MINOR_MIN_BPS, 501);
        _expectInvalid(SlashingKeys.SEVERE_MAX_BPS, 10_000);
        _expectInvalid(SlashingKeys.MAJOR_MAX_BPS, 70_000);
        _expectInvalid(SlashingKeys.CAP_WINDOW, 0);
        assertEq(slasherContract.classRange(MINOR).minBps, 100, "unchanged");
        assertEq(slasherContract.classRange(SEVERE).maxBps, 2_000, "unchanged");
        bytes32 unknown = keccak256("slashing.nothing");
        vm.prank(registry);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, unknown));
        slasherContract.setParameter(unknown, 1);
        vm.prank(d1);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, d1));
        slasherContract.setParameter(SlashingKeys.MINOR_MAX_BPS, 400);
    }

    function _expectInvalid(bytes32 key, uint256 value) internal {
        vm.prank(registry);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, key, value));
        slasherContract.setParameter(key, value);
    }

    function test_RevertWhen_constructedWithBadNumbers() public {
        ISlasher.Parameters memory p = _slasherParameters();
        vm.expectRevert(ISlasher.InvalidConfiguration.selector);
        new Slasher(IProviderStaking(address(0)), address(manager), p);
        p.major = ISlasher.ClassRange(1_600, 1_500);
        vm.expectRevert(ISlasher.InvalidConfiguration.selector);
        new Slasher(staking, address(manager), p);
        p = _slasherParameters();
        p.capWindow = 0;
        vm.expectRevert(ISlasher.InvalidConfiguration.selector);
        new Slasher(staking, address(manager), p);
    }

    function test_views_stakingAndEmptyWindow() public view {
        assertEq(slasherContract.staking(), address(staking), "staking");
        assertEq(slasherContract.capWindowOf(p1, MINOR).start, 0, "no window yet");
        assertEq(slasherContract.capLeft(p1, SEVERE), 500, "an unknown provider reads Bronze's 5%");
    }

    // ------------------------------------------------------------------ fuzz

    /// Any sequence of slashes in one class within one window: each conserves stake (before == after + burned),
    /// and the class's total never exceeds the class maximum, nor the tier maximum at the time of each slash that
    /// added to it.
    function testFuzz_classTotalNeverExceedsTheCaps(
        uint256 selfStake,
        uint8 classSeed,
        uint256[6] memory seeds
    ) public {
        selfStake = bound(selfStake, 10_000 ether, 2_000_000 ether);
        _register(p1, selfStake);
        _delegate(d1, p1, selfStake / 2);
        _unbond(d1, selfStake / 4);
        ISlasher.Infraction c = ISlasher.Infraction(classSeed % 3);
        ISlasher.ClassRange memory range = slasherContract.classRange(c);
        uint256 total;
        for (uint256 i; i < seeds.length; ++i) {
            uint256 bps = bound(seeds[i], range.minBps, range.maxBps);
            uint256 tierCap = staking.tierOf(p1).maxSlashBps;
            uint256 supply = token.totalSupply();
            uint256 before = _stakeWith(p1);
            ISlasher.SlashResult memory r = _emergencySlash(p1, c, bps, keccak256(abi.encode(i)));
            uint256 burned = supply - token.totalSupply();
            assertEq(burned, r.fromActive + r.fromUnbonding + r.fromReputation, "burned what it took");
            assertEq(before, _stakeWith(p1) + burned, "stake before == after + burned");
            total += r.appliedBps;
            assertLe(r.appliedBps, bps, "never more than requested");
            assertLe(total, range.maxBps, "class cap");
            // A slash that adds to the total keeps it within the tier's cap of that moment (a provider slashed down
            // to a lower tier keeps what it lost under the higher cap; later slashes add nothing until the window
            // ends).
            if (r.appliedBps != 0) assertLe(total, tierCap, "tier cap at the time of the slash");
            vm.warp(block.timestamp + 1 days);
        }
        assertEq(slasherContract.capWindowOf(p1, c).slashedBps, total, "the window holds the total");
    }
}
