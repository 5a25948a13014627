// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";
import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {EpochRewardPool} from "../../contracts/supply/EpochRewardPool.sol";
import {IEpochRewardPool} from "../../contracts/interfaces/IEpochRewardPool.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";
import {Test} from "../utils/Test.sol";

/// @notice The provider-rewards pool: 30-day epochs, buckets claimable for 180 days after their epoch ends, then
/// burnable by anyone (QUIVer 5.3).
contract EpochRewardPoolTest is Test {
    uint256 internal constant START = 1_800_000_000;
    uint256 internal constant EPOCH = 30 days;
    uint256 internal constant WINDOW = 180 days;
    /// @dev Epoch 0 ends at START + 30 days; its bucket expires 180 days later: START + 210 days.
    uint256 internal constant EPOCH0_EXPIRY = START + 210 days;

    AccessManager internal manager;
    ProtocolToken internal token;
    EpochRewardPool internal pool;

    address internal admin;
    address internal funder;
    address internal distributor;
    address internal provider;
    address internal alice;

    function setUp() public {
        admin = makeAddr("admin");
        funder = makeAddr("funder");
        distributor = makeAddr("distributor");
        provider = makeAddr("provider");
        alice = makeAddr("alice");
        vm.warp(START);

        manager = new AccessManager(admin);
        token = new ProtocolToken("QUIVer", "QUIV", 1_000_000_000 ether, address(manager));
        pool = new EpochRewardPool(address(token), address(manager), START, EPOCH, WINDOW);

        bytes4[] memory mintSel = new bytes4[](1);
        mintSel[0] = ProtocolToken.mint.selector;
        bytes4[] memory notifySel = new bytes4[](1);
        notifySel[0] = EpochRewardPool.notifyRewardAmount.selector;
        bytes4[] memory claimSel = new bytes4[](1);
        claimSel[0] = EpochRewardPool.claim.selector;
        vm.startPrank(admin);
        manager.setTargetFunctionRole(address(token), mintSel, Roles.MINTER);
        manager.setTargetFunctionRole(address(pool), notifySel, Roles.REWARD_FUNDER);
        manager.setTargetFunctionRole(address(pool), claimSel, Roles.REWARD_CLAIMER);
        manager.grantRole(Roles.MINTER, admin, 0);
        manager.grantRole(Roles.REWARD_FUNDER, funder, 0);
        manager.grantRole(Roles.REWARD_CLAIMER, distributor, 0);
        token.mint(funder, 1_000_000 ether);
        vm.stopPrank();
    }

    function _fund(uint256 amount) internal {
        vm.startPrank(funder);
        token.transfer(address(pool), amount);
        pool.notifyRewardAmount(amount);
        vm.stopPrank();
    }

    function _claim(uint256 epoch, uint256 amount) internal {
        vm.prank(distributor);
        pool.claim(epoch, provider, amount);
    }

    // ------------------------------------------------------------------ notifyRewardAmount

    function test_notifyRewardAmount_fillsTheCurrentEpoch() public {
        _fund(100 ether);
        vm.warp(START + EPOCH + 1);
        _fund(40 ether);
        (uint256 e0, uint256 exp0) = pool.bucket(0);
        (uint256 e1, uint256 exp1) = pool.bucket(1);
        assertEq(e0, 100 ether, "epoch 0 bucket");
        assertEq(exp0, EPOCH0_EXPIRY, "epoch 0 expires 180 days after its end");
        assertEq(e1, 40 ether, "epoch 1 bucket");
        assertEq(exp1, EPOCH0_EXPIRY + EPOCH, "epoch 1 expires one epoch later");
        assertEq(pool.totalUnclaimed(), 140 ether, "total");
        assertEq(pool.currentEpoch(), 1, "current epoch");
    }

    function test_notifyRewardAmount_emitsRewardNotified() public {
        vm.prank(funder);
        token.transfer(address(pool), 5 ether);
        vm.expectEmit(true, false, false, true, address(pool));
        emit IEpochRewardPool.RewardNotified(0, 5 ether);
        vm.prank(funder);
        pool.notifyRewardAmount(5 ether);
    }

    function test_RevertWhen_notifyWithoutTheTokens() public {
        _fund(10 ether);
        vm.prank(funder);
        token.transfer(address(pool), 5 ether);
        vm.prank(funder);
        vm.expectRevert(abi.encodeWithSelector(IEpochRewardPool.InsufficientFunding.selector, 15 ether, 16 ether));
        pool.notifyRewardAmount(6 ether);
        assertEq(pool.totalUnclaimed(), 10 ether, "total unchanged");
    }

    function test_RevertWhen_notifyByStranger() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, alice));
        pool.notifyRewardAmount(1);
        assertEq(pool.totalUnclaimed(), 0, "total unchanged");
    }

    function test_RevertWhen_notifyZero() public {
        vm.prank(funder);
        vm.expectRevert(IEpochRewardPool.ZeroAmount.selector);
        pool.notifyRewardAmount(0);
    }

    function test_RevertWhen_notifyBeforeStart() public {
        EpochRewardPool later = new EpochRewardPool(address(token), address(manager), START + 1 days, EPOCH, WINDOW);
        bytes4[] memory notifySel = new bytes4[](1);
        notifySel[0] = EpochRewardPool.notifyRewardAmount.selector;
        vm.prank(admin);
        manager.setTargetFunctionRole(address(later), notifySel, Roles.REWARD_FUNDER);
        vm.startPrank(funder);
        token.transfer(address(later), 1 ether);
        vm.expectRevert(abi.encodeWithSelector(IEpochRewardPool.NotStarted.selector, START + 1 days));
        later.notifyRewardAmount(1 ether);
        vm.stopPrank();
        assertEq(later.totalUnclaimed(), 0, "total unchanged");
    }

    // ------------------------------------------------------------------ claim

    function test_claim_partialThenRest() public {
        _fund(100 ether);
        vm.expectEmit(true, true, false, true, address(pool));
        emit IEpochRewardPool.Claimed(0, provider, 30 ether);
        _claim(0, 30 ether);
        _claim(0, 70 ether);
        (uint256 left, ) = pool.bucket(0);
        assertEq(left, 0, "bucket emptied");
        assertEq(token.balanceOf(provider), 100 ether, "provider paid");
        assertEq(pool.totalUnclaimed(), 0, "total");
        assertEq(token.balanceOf(address(pool)), 0, "pool empty");
    }

    function test_claim_oneSecondBeforeExpiry() public {
        _fund(100 ether);
        vm.warp(EPOCH0_EXPIRY - 1);
        _claim(0, 100 ether);
        assertEq(token.balanceOf(provider), 100 ether, "claim still allowed one second before expiry");
    }

    function test_RevertWhen_claimAtExpiry() public {
        _fund(100 ether);
        vm.warp(EPOCH0_EXPIRY);
        vm.prank(distributor);
        vm.expectRevert(abi.encodeWithSelector(IEpochRewardPool.BucketExpired.selector, 0, EPOCH0_EXPIRY));
        pool.claim(0, provider, 1 ether);
        (uint256 left, ) = pool.bucket(0);
        assertEq(left, 100 ether, "bucket unchanged");
        assertEq(token.balanceOf(provider), 0, "nothing paid");
    }

    function test_RevertWhen_claimByStranger() public {
        _fund(100 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, alice));
        pool.claim(0, alice, 1 ether);
        assertEq(pool.totalUnclaimed(), 100 ether, "total unchanged");
    }

    function test_RevertWhen_claimAboveBucket() public {
        _fund(100 ether);
        vm.prank(distributor);
        vm.expectRevert(abi.encodeWithSelector(IEpochRewardPool.ExceedsBucket.selector, 0, 101 ether, 100 ether));
        pool.claim(0, provider, 101 ether);
        assertEq(pool.totalUnclaimed(), 100 ether, "total unchanged");
    }

    function test_RevertWhen_claimFromAnotherEpochsBucket() public {
        _fund(100 ether);
        vm.warp(START + EPOCH);
        vm.prank(distributor);
        vm.expectRevert(abi.encodeWithSelector(IEpochRewardPool.ExceedsBucket.selector, 1, 1 ether, 0));
        pool.claim(1, provider, 1 ether);
    }

    function test_RevertWhen_claimFutureEpoch() public {
        _fund(100 ether);
        vm.prank(distributor);
        vm.expectRevert(abi.encodeWithSelector(IEpochRewardPool.FutureEpoch.selector, 1, 0));
        pool.claim(1, provider, 1 ether);
    }

    function test_RevertWhen_claimToZeroAddress() public {
        _fund(100 ether);
        vm.prank(distributor);
        vm.expectRevert(abi.encodeWithSelector(IEpochRewardPool.InvalidClaimTarget.selector, address(0)));
        pool.claim(0, address(0), 1 ether);
        assertEq(pool.totalUnclaimed(), 100 ether, "total unchanged");
    }

    function test_RevertWhen_claimZero() public {
        _fund(100 ether);
        vm.prank(distributor);
        vm.expectRevert(IEpochRewardPool.ZeroAmount.selector);
        pool.claim(0, provider, 0);
    }

    // ------------------------------------------------------------------ burnExpired

    function test_burnExpired_atExpiryByAnyone() public {
        _fund(100 ether);
        _claim(0, 25 ether);
        vm.warp(EPOCH0_EXPIRY);
        uint256 supplyBefore = token.totalSupply();
        vm.expectEmit(true, false, false, true, address(pool));
        emit IEpochRewardPool.ExpiredBurned(0, 75 ether);
        vm.prank(alice);
        assertEq(pool.burnExpired(0), 75 ether, "burned what was left");
        assertEq(token.totalBurned(), 75 ether, "counted as burned by the token");
        assertEq(token.totalSupply(), supplyBefore - 75 ether, "supply fell");
        assertEq(pool.totalUnclaimed(), 0, "total");
        (uint256 left, ) = pool.bucket(0);
        assertEq(left, 0, "bucket emptied");
    }

    function test_RevertWhen_burnOneSecondBeforeExpiry() public {
        _fund(100 ether);
        vm.warp(EPOCH0_EXPIRY - 1);
        vm.expectRevert(abi.encodeWithSelector(IEpochRewardPool.BucketNotExpired.selector, 0, EPOCH0_EXPIRY));
        pool.burnExpired(0);
        assertEq(pool.totalUnclaimed(), 100 ether, "total unchanged");
        assertEq(token.totalBurned(), 0, "nothing burned");
    }

    function test_RevertWhen_burnEmptyBucket() public {
        _fund(100 ether);
        _claim(0, 100 ether);
        vm.warp(EPOCH0_EXPIRY);
        vm.expectRevert(abi.encodeWithSelector(IEpochRewardPool.NothingToBurn.selector, 0));
        pool.burnExpired(0);
    }

    function test_RevertWhen_burnTwice() public {
        _fund(100 ether);
        vm.warp(EPOCH0_EXPIRY);
        pool.burnExpired(0);
        vm.expectRevert(abi.encodeWithSelector(IEpochRewardPool.NothingToBurn.selector, 0));
        pool.burnExpired(0);
        assertEq(token.totalBurned(), 100 ether, "burned once");
    }

    function test_RevertWhen_burnFutureEpoch() public {
        vm.expectRevert(abi.encodeWithSelector(IEpochRewardPool.FutureEpoch.selector, type(uint256).max, 0));
        pool.burnExpired(type(uint256).max);
    }

    function test_burnExpired_leavesLaterBucketsAlone() public {
        _fund(100 ether);
        vm.warp(START + EPOCH);
        _fund(50 ether);
        vm.warp(EPOCH0_EXPIRY);
        pool.burnExpired(0);
        (uint256 left1, ) = pool.bucket(1);
        assertEq(left1, 50 ether, "epoch 1 untouched");
        _claim(1, 50 ether);
        assertEq(token.balanceOf(provider), 50 ether, "epoch 1 still claimable for one more epoch");
    }

    // ------------------------------------------------------------------ deployment

    function test_RevertWhen_constructorEpochIsZero() public {
        vm.expectRevert(IEpochRewardPool.InvalidConfiguration.selector);
        new EpochRewardPool(address(token), address(manager), START, 0, WINDOW);
    }

    function test_RevertWhen_constructorWindowIsZero() public {
        vm.expectRevert(IEpochRewardPool.InvalidConfiguration.selector);
        new EpochRewardPool(address(token), address(manager), START, EPOCH, 0);
    }

    function test_RevertWhen_currentEpochBeforeStart() public {
        vm.warp(START - 1);
        vm.expectRevert(abi.encodeWithSelector(IEpochRewardPool.NotStarted.selector, START));
        pool.currentEpoch();
    }

    function test_timing_returnsConfiguration() public view {
        (uint256 start, uint256 epoch, uint256 window) = pool.timing();
        assertEq(start, START, "start");
        assertEq(epoch, 30 days, "epoch length");
        assertEq(window, 180 days, "claim window");
        assertEq(pool.token(), address(token), "token");
    }
}
