// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ICreditManager} from "../../contracts/interfaces/ICreditManager.sol";
import {IEthReserve} from "../../contracts/interfaces/IEthReserve.sol";
import {IGuardianPausable} from "../../contracts/interfaces/IGuardianPausable.sol";
import {IOracleRouter} from "../../contracts/interfaces/IOracleRouter.sol";
import {IStableVault} from "../../contracts/interfaces/IStableVault.sol";
import {LendingKeys} from "../../contracts/libraries/LendingKeys.sol";
import {LendingBase} from "./LendingBase.sol";

/// @notice The lending attacks of the independent review, replayed against the fixed code: suppliers racing a
/// known loss, zombie positions, stranded ETH, unbounded swaps, a stale ETH feed, the bonus writing off a solvent
/// position, and debt-free collateral frozen by a pause.
/// @dev Hand-computed figures (Uniswap V2: out = in x 997 x R_out / (R_in x 1000 + in x 997); pool 10,000,000 USDC /
/// 5,000 ETH; ETH $2,000):
/// - A 100,000 draw swaps 50,000 USDC for 24,801,365,194,505,390,627 wei; 90% of it, 22,321,228,675,054,851,564 wei,
///   is the position's, worth 44,642.457350 USDC.
/// - With QER at $0.05, 100,000 QER are worth 5,000: the position holds 49,642.457350 of collateral for 100,000 of
///   debt. Closing it costs 49,642.457350 / 1.08 = 45,965.238288 (rounded up); 54,034.761712 is written off. The
///   liquidator also pays the fund's fee, 2% of 45,965.238288 rounded up: 919.304766, booked as owed to the fund
///   before the write-off, so it absorbs the first of it: the suppliers lose 53,115.456946.
contract LossSharingTest is LendingBase {
    uint256 internal constant BIG_ETH = 22_321_228_675_054_851_564;
    uint256 internal constant BIG_REPAID = 45_965_238_288;
    uint256 internal constant BIG_LOSS = 54_034_761_712;
    uint256 internal constant BIG_BAD_DEBT = 53_115_456_946;
    /// @dev alice's 1,000 USDC draw: its 500 USDC half buys 0.249237575506860982 ETH, 90% to the position.
    uint256 internal constant POSITION_ETH = 224_313_817_956_174_883;

    address internal informed;

    function setUp() public override {
        super.setUp();
        informed = makeAddr("informed");
    }

    /// @dev Two suppliers of 1,000,000 each; alice borrows 100,000 on 100,000 QER, then QER falls to $0.05.
    function _insolventBigPosition() internal {
        _supply(informed, SUPPLY);
        _addCollateral(alice, 100_000 ether);
        _borrow(alice, 100_000e6);
        assertEq(cm.position(alice).reserveEth, BIG_ETH, "setup: the position's ETH");
        _setQerPrice(0.05e8);
    }

    // ================================================================== 4. losses shared pro rata

    function test_informedSupplierCannotExitAtParBeforeTheWriteOff() public {
        _insolventBigPosition();
        uint256 shares = vault.balanceOf(informed);

        // The exploit: redeem the full 1,000,000 at par first. Instant exits are closed.
        vm.prank(informed);
        vm.expectRevert(IStableVault.ExitThroughQueue.selector);
        vault.redeem(shares, informed, informed);

        // The queue quotes par, but the shares stay in supply until the claim.
        vm.prank(informed);
        (uint256 quoted, ) = vault.requestRedeem(shares);
        assertEq(quoted, SUPPLY, "quoted at par");

        // The position is liquidated meanwhile (the same block): closed and written off at once.
        _fund(liquidator, BIG_REPAID + 1_000e6);
        vm.prank(liquidator);
        cm.liquidate(alice, type(uint256).max);
        assertEq(vault.badDebt(), BIG_BAD_DEBT, "the shortfall less the fee, recognised");

        vm.warp(block.timestamp + 1 hours);
        vm.prank(informed);
        uint256 paid = vault.claimRedeem(informed);
        // Each of the two equal suppliers bears half: 26,557.728473.
        assertEq(paid, SUPPLY - BIG_BAD_DEBT / 2, "the informed supplier pays its half");
        assertEq(vault.previewRedeem(vault.balanceOf(supplier)), SUPPLY - BIG_BAD_DEBT / 2, "and so does the other");
    }

    function test_insolventPositionClosesInOneLiquidation_noZombie() public {
        _insolventBigPosition();
        _fund(liquidator, BIG_REPAID + 1_000e6);
        // Stopping short of the close is refused (before: 49,406 of debt left on $1.08 of collateral).
        vm.prank(liquidator);
        vm.expectRevert(
            abi.encodeWithSelector(ICreditManager.RepayBelowClosingAmount.selector, BIG_REPAID - 1, BIG_REPAID)
        );
        cm.liquidate(alice, BIG_REPAID - 1);
        assertEq(cm.debtOf(alice), 100_000e6, "state unchanged");

        vm.expectEmit(true, true, true, true, address(cm));
        emit ICreditManager.Liquidated(alice, liquidator, BIG_REPAID, 919_304_766, BIG_ETH, 100_000 ether, BIG_LOSS);
        vm.prank(liquidator);
        cm.liquidate(alice, BIG_REPAID);
        assertEq(cm.debtOf(alice), 0, "closed");
        assertEq(cm.position(alice).collateral, 0, "no collateral left");
        assertEq(cm.position(alice).reserveEth, 0, "no ETH left");
        assertEq(vault.totalBorrowed(), 0, "no debt left to accrue phantom interest");

        // A newcomer depositing 500,000 afterwards absorbs none of the loss.
        _supply(bob, 500_000e6);
        _warp(30 days);
        assertEq(vault.totalBorrowed(), 0, "no interest booked in 30 days");
        assertEq(vault.previewRedeem(vault.balanceOf(bob)), 500_000e6 - 1, "the newcomer keeps its deposit");
    }

    // ================================================================== 5. ETH released when debt reaches zero

    function test_closeFactorOfOneHundredPercent_releasesTheRemainingEth() public {
        _setParam(address(cm), LendingKeys.CLOSE_FACTOR_BPS, 10_000);
        _addCollateral(alice, 1_000 ether);
        _borrow(alice, 1_000e6);
        // ETH $5,000: the position's ETH is worth 1,121.569089; QER $0.30: 300. 65% of 1,421.569089 < 1,000.
        _setEthPrice(5_000e8);
        _setQerPrice(0.3e8);
        _fund(liquidator, 1_100e6);
        uint256 aliceEthBefore = alice.balance;

        vm.prank(liquidator);
        (uint256 repaid, uint256 ethSeized, uint256 collateralSeized) = cm.liquidate(alice, type(uint256).max);
        // The whole debt; 1,080 of value taken from the ETH: 0.216 ETH at $5,000.
        assertEq(repaid, 1_000e6, "all of the debt");
        assertEq(ethSeized, 0.216 ether, "ETH worth 1,080");
        assertEq(collateralSeized, 0, "no QER needed");
        assertEq(cm.debtOf(alice), 0, "debt zero");
        assertEq(cm.position(alice).reserveEth, 0, "nothing stranded");
        assertEq(alice.balance - aliceEthBefore, POSITION_ETH - 0.216 ether, "the rest of the ETH went home");
        assertEq(reserve.ownedEth(), 0, "the reserve owes nothing");

        vm.prank(alice);
        cm.withdrawCollateral(1_000 ether, alice);
        assertEq(qer.balanceOf(alice), 1_000 ether, "the QER too");
    }

    // ================================================================== 6. the borrower bounds the swap

    function test_borrowersMinEthOut_defeatsTheSandwich() public {
        _addCollateral(alice, 100_000 ether);
        // The searcher front-runs with 10,000 USDC: alice's 50,000 would then buy 24,752,033,604,872,418,984 wei,
        // still above the protocol's bound (24.75 ETH) but below the 24,801,365,194,505,390,627 she was quoted.
        address searcher = makeAddr("searcher");
        usdc.mint(searcher, 10_000e6);
        address[] memory path = new address[](2);
        path[0] = address(usdc);
        path[1] = router.WETH();
        vm.startPrank(searcher);
        usdc.approve(address(router), 10_000e6);
        router.swapExactTokensForETH(10_000e6, 0, path, searcher, block.timestamp);
        vm.stopPrank();

        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IEthReserve.SlippageExceeded.selector,
                24_752_033_604_872_418_984,
                24_801_365_194_505_390_627
            )
        );
        cm.borrow(100_000e6, 24_801_365_194_505_390_627, block.timestamp);
        assertEq(cm.debtOf(alice), 0, "no draw");

        // Without her bound the draw goes through at the sandwiched price (the exploit).
        vm.prank(alice);
        (, uint256 toPosition) = cm.borrow(100_000e6, 0, block.timestamp);
        assertEq(toPosition, 22_276_830_244_385_177_085, "she got the sandwiched price");
    }

    // ================================================================== 7. a stale ETH feed

    function test_staleEthFeed_liquidationValuesTheEthAtZero() public {
        _addCollateral(alice, 1_000 ether);
        _borrow(alice, 1_000e6);
        // 3,901 s later (the ETH feed's limit is 3,900), QER crashes to $0.50; only the QER feed is fresh.
        vm.warp(block.timestamp + 3_901);
        _setQerPrice(0.5e8);
        vm.expectRevert(abi.encodeWithSelector(IOracleRouter.StalePrice.selector, address(ethFeed), START, 3_900));
        oracle.ethPrice();
        assertEq(oracle.ethPriceOrZero(), 0, "no ETH price");

        _fund(liquidator, 1_000e6);
        vm.prank(liquidator);
        (uint256 repaid, uint256 ethSeized, uint256 collateralSeized) = cm.liquidate(alice, type(uint256).max);
        // Collateral counted 500 (ETH at zero) < 65% of the debt: liquidated, but the unpriced ETH is not handed out
        // and nothing is written off (the close that gave the ETH away is gone): the QER pays at most
        // 500 / 1.08 = 462.962962 for QER worth 499.999998 (999.999996 QER at $0.50).
        assertEq(repaid, 462_962_962, "the QER's worth at the bonus");
        assertEq(collateralSeized, 999.999996 ether, "QER worth the repayment plus 8%");
        assertEq(ethSeized, 0, "no unpriced ETH to the liquidator");
        assertEq(cm.position(alice).reserveEth, POSITION_ETH, "the ETH stays with the position");
        assertEq(vault.badDebt(), 0, "nothing written off");
        assertGt(cm.debtOf(alice), 0, "the rest of the debt waits for the ETH price");
    }

    function test_staleEthFeed_partialLiquidationLeavesTheEthWithThePosition() public {
        _addCollateral(alice, 1_000 ether);
        _borrow(alice, 1_000e6);
        vm.warp(block.timestamp + 3_901);
        _setQerPrice(1.5e8); // 65% of 1,500 (ETH at zero) = 975 < the debt
        _fund(liquidator, 1_000e6);
        vm.prank(liquidator);
        (uint256 repaid, uint256 ethSeized, uint256 collateralSeized) = cm.liquidate(alice, type(uint256).max);
        assertEq(ethSeized, 0, "unpriced ETH is not handed out in a partial liquidation");
        assertEq(cm.position(alice).reserveEth, POSITION_ETH, "it stays with the position");
        assertEq(
            collateralSeized,
            (((repaid * 10_800) / 10_000) * 2e12) / 3,
            "QER worth the repayment plus 8% at $1.50"
        );
    }

    // ================================================================== the bonus and a solvent position

    function test_bonusNeverWritesOffASolventPosition() public {
        _setParam(address(reserve), LendingKeys.ETH_RETURN_BPS, 0); // no ETH: collateral = the QER
        _addCollateral(alice, 1_000 ether);
        _borrow(alice, 1_000e6);
        _setQerPrice(1.05e8); // collateral 1,050 for a debt of 1,000 (before: 972.22 repaid, 27.78 written off)
        _fund(liquidator, 1_100e6);
        uint256 owedBefore = vault.insuranceOwed();

        vm.expectEmit(true, true, true, true, address(cm));
        emit ICreditManager.Liquidated(alice, liquidator, 1_000e6, 12.5e6, 0, 1_000 ether, 0);
        vm.prank(liquidator);
        cm.liquidate(alice, type(uint256).max);
        assertEq(vault.badDebt(), 0, "no bad debt");
        assertEq(vault.totalAssets(), SUPPLY, "suppliers whole");
        assertEq(vault.insuranceOwed() - owedBefore, 12.5e6, "25% of the 50 surplus the liquidator got, booked");
    }

    // ================================================================== pause

    function test_debtFreeCollateralIsWithdrawableWhilePaused() public {
        _addCollateral(alice, 1_000 ether);
        _addCollateral(bob, 1_000 ether);
        _borrow(bob, 500e6);
        vm.prank(guardian);
        cm.pause();

        vm.prank(alice);
        cm.withdrawCollateral(1_000 ether, alice);
        assertEq(qer.balanceOf(alice), 1_000 ether, "debt-free collateral left while paused");

        uint256 until = cm.pausedUntil();
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IGuardianPausable.EnforcedPause.selector, until));
        cm.withdrawCollateral(1 ether, bob);
        assertEq(cm.position(bob).collateral, 1_000 ether, "collateral backing debt stays");
    }
}
