// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {ICreditManager} from "../../contracts/interfaces/ICreditManager.sol";
import {IGuardianPausable} from "../../contracts/interfaces/IGuardianPausable.sol";
import {IOracleRouter} from "../../contracts/interfaces/IOracleRouter.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {IStableVault} from "../../contracts/interfaces/IStableVault.sol";
import {CreditManager} from "../../contracts/lending/CreditManager.sol";
import {LendingKeys} from "../../contracts/libraries/LendingKeys.sol";
import {LendingBase} from "./LendingBase.sol";
import {ReentrantAccount} from "./mocks/ReentrantAccount.sol";

/// @dev Hand-computed figures used below (Uniswap V2: out = in x 997 x R_out / (R_in x 1000 + in x 997)):
/// - 500 USDC into the seeded pool (10,000,000 USDC / 5,000 ETH) buys 249,237,575,506,860,982 wei;
///   90% of it (the position's share, rounded down) is 224,313,817,956,174,883 wei, the reserve keeps the rest.
/// - The oracle minimum for 500 USDC at $2,000 less 1% is 0.2475 ETH.
/// - That ETH is worth 448,627,635 USDC units at $2,000 (rounded down).
contract CreditManagerTest is LendingBase {
    uint256 internal constant ETH_FOR_500 = 249_237_575_506_860_982;
    uint256 internal constant POSITION_ETH = 224_313_817_956_174_883;
    uint256 internal constant KEPT_ETH = 24_923_757_550_686_099;
    uint256 internal constant POSITION_ETH_VALUE = 448_627_635;

    /// @dev alice: 1,000 QER ($2,000) and the full 50%: 1,000 USDC of debt.
    function _aliceAtMax() internal {
        _addCollateral(alice, 1_000 ether);
        _borrow(alice, 1_000e6);
    }

    // ================================================================== borrow

    function test_borrow_atExactly50Percent() public {
        _addCollateral(alice, 1_000 ether);
        assertEq(cm.maxDebtOf(alice), 1_000e6, "limit: 50% of 1,000 QER x $2");
        _borrow(alice, 1_000e6);
        assertEq(cm.debtOf(alice), 1_000e6, "debt at the limit");
        assertEq(vault.totalBorrowed(), 1_000e6, "vault lent 1,000");
    }

    function test_RevertWhen_borrowOneWeiOver50Percent() public {
        _addCollateral(alice, 1_000 ether);
        uint256 poolUsdc = usdc.balanceOf(uniFactory.getPair(address(usdc), weth));
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICreditManager.BorrowLimitExceeded.selector, 1_000e6 + 1, 1_000e6));
        cm.borrow(1_000e6 + 1, 0, block.timestamp);
        assertEq(cm.debtOf(alice), 0, "no debt");
        assertEq(usdc.balanceOf(alice), 0, "nothing paid");
        assertEq(vault.idle(), SUPPLY, "vault untouched");
        assertEq(usdc.balanceOf(uniFactory.getPair(address(usdc), weth)), poolUsdc, "no swap");
        assertEq(address(reserve).balance, 0, "no ETH bought");
    }

    function test_RevertWhen_borrowOneWeiOverAfterAnEarlierDraw() public {
        _addCollateral(alice, 1_000 ether);
        _borrow(alice, 600e6);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICreditManager.BorrowLimitExceeded.selector, 1_000e6 + 1, 1_000e6));
        cm.borrow(400e6 + 1, 0, block.timestamp);
        _borrow(alice, 400e6);
        assertEq(cm.debtOf(alice), 1_000e6, "two draws reach the limit exactly");
    }

    function test_borrow_splitsFiftyFiftyToTheWei() public {
        _addCollateral(alice, 2_000 ether);
        address pair = uniFactory.getPair(address(usdc), weth);
        uint256 poolUsdcBefore = usdc.balanceOf(pair);
        vm.expectEmit(true, true, true, true, address(cm));
        emit ICreditManager.Borrowed(
            alice,
            1_001_000_001,
            500_500_000,
            500_500_001,
            249_486_801_144_521_034,
            224_538_121_030_068_930
        );
        (uint256 paidOut, uint256 ethToPosition) = _borrow(alice, 1_001_000_001);
        assertEq(paidOut, 500_500_000, "borrower gets amount / 2, rounded down");
        assertEq(usdc.balanceOf(alice), 500_500_000, "borrower's balance");
        assertEq(usdc.balanceOf(pair) - poolUsdcBefore, 500_500_001, "the other half, odd wei included, swapped");
        assertEq(usdc.balanceOf(address(reserve)), 0, "the reserve keeps no stablecoin");
        assertEq(ethToPosition, 224_538_121_030_068_930, "90% of 249,486,801,144,521,034 wei");
        assertEq(cm.debtOf(alice), 1_001_000_001, "debt is the whole draw");
    }

    function test_borrow_buysEthThroughTheRealPoolWithinTheSlippageBound() public {
        _addCollateral(alice, 1_000 ether);
        assertEq(reserve.minEthOut(500e6), 0.2475 ether, "oracle price less 1%");
        (, uint256 ethToPosition) = _borrow(alice, 1_000e6);
        assertEq(address(reserve).balance, ETH_FOR_500, "ETH from the Uniswap formula");
        assertGe(ETH_FOR_500, 0.2475 ether, "within the slippage bound");
        assertEq(ethToPosition, POSITION_ETH, "position's share");
        assertEq(cm.position(alice).reserveEth, POSITION_ETH, "recorded against the position");
        assertEq(reserve.ownedEth(), POSITION_ETH, "owned by positions");
        assertEq(reserve.unownedEth(), KEPT_ETH, "the protocol's share");
    }

    function test_RevertWhen_borrowBelowMinimum() public {
        _addCollateral(alice, 1_000 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICreditManager.BorrowBelowMinimum.selector, 100e6 - 1, 100e6));
        cm.borrow(100e6 - 1, 0, block.timestamp);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICreditManager.BorrowBelowMinimum.selector, 0, 100e6));
        cm.borrow(0, 0, block.timestamp);
        assertEq(cm.debtOf(alice), 0, "no debt");
    }

    function test_RevertWhen_borrowAfterDeadline() public {
        _addCollateral(alice, 1_000 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICreditManager.DeadlineExpired.selector, START - 1, START));
        cm.borrow(500e6, 0, START - 1);
        assertEq(cm.debtOf(alice), 0, "no debt");
    }

    function test_RevertWhen_borrowWithoutCollateral() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICreditManager.BorrowLimitExceeded.selector, 500e6, 0));
        cm.borrow(500e6, 0, block.timestamp);
    }

    function test_RevertWhen_borrowAboveDebtCeiling() public {
        _setParam(address(cm), LendingKeys.DEBT_CEILING, 1_500e6);
        _aliceAtMax();
        _addCollateral(bob, 1_000 ether);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICreditManager.DebtCeilingExceeded.selector, 1_600e6, 1_500e6));
        cm.borrow(600e6, 0, block.timestamp);
        _borrow(bob, 500e6);
        assertEq(vault.totalBorrowed(), 1_500e6, "exactly at the ceiling");
    }

    function test_RevertWhen_borrowMoreThanTheVaultHolds() public {
        _setParam(address(cm), LendingKeys.DEBT_CEILING, 100_000_000e6);
        _addCollateral(alice, 10_000_000 ether);
        vm.prank(alice);
        // The vault lends both halves in one call: the whole draw is measured against its idle liquidity.
        vm.expectRevert(abi.encodeWithSelector(IStableVault.InsufficientLiquidity.selector, 2_000_000e6 + 2, SUPPLY));
        cm.borrow(2_000_000e6 + 2, 0, block.timestamp);
        assertEq(vault.idle(), SUPPLY, "vault untouched");
    }

    function test_RevertWhen_borrowWithStalePrice() public {
        _addCollateral(alice, 1_000 ether);
        vm.warp(START + 3_901);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IOracleRouter.StalePrice.selector, address(qerFeed), START, 3_900));
        cm.borrow(500e6, 0, block.timestamp);
    }

    /// @dev At $2 and 50%, each QER (1e18 wei) backs 1 USDC (1e6 units): the limit is collateral / 1e12.
    function testFuzz_borrow_succeedsUpToTheLimitAndFailsAbove(uint256 collateral, uint256 amount) public {
        collateral = bound(collateral, 200 ether, 20_000 ether);
        uint256 limit = collateral / 1e12;
        amount = bound(amount, 100e6, 2 * limit);
        _addCollateral(alice, collateral);
        vm.prank(alice);
        if (amount > limit) {
            vm.expectRevert(abi.encodeWithSelector(ICreditManager.BorrowLimitExceeded.selector, amount, limit));
            cm.borrow(amount, 0, block.timestamp);
            assertEq(cm.debtOf(alice), 0, "no debt after a refused draw");
        } else {
            (uint256 paidOut, ) = cm.borrow(amount, 0, block.timestamp);
            assertEq(paidOut, amount / 2, "half paid out");
            assertEq(usdc.balanceOf(alice), amount / 2, "balance");
            assertEq(cm.debtOf(alice), amount, "debt is the draw");
        }
    }

    /// @dev A liquidation after any fall below the threshold takes at most the repayment plus the bonus and
    /// reduces the debt by exactly the repayment; while the collateral still covers the debt plus the bonus, it
    /// leaves the position no less collateralised than before (below that, the position is closed in the same call).
    function testFuzz_liquidate_boundedSeizureAndNoWorseRatio(uint256 price, uint256 maxRepay) public {
        _aliceAtMax();
        price = bound(price, 0.05e8, 1.08e8); // $1.0898 is where the position becomes liquidatable
        _setQerPrice(int256(price));
        maxRepay = bound(maxRepay, 1, 1_000e6);
        uint256 p = price * 1e10; // WAD
        uint256 valueBefore = (1_000 ether * p) / 1e30 + POSITION_ETH_VALUE;
        _fund(liquidator, 2_000e6);
        // Below the debt plus the bonus the position is closed whole: a smaller offer is refused, unchanged.
        if (valueBefore * 10_000 < 1_000e6 * uint256(10_800)) {
            uint256 closing = valueBefore >= 1_000e6 ? 1_000e6 : (valueBefore * 10_000 + 10_799) / 10_800;
            if (maxRepay < closing) {
                vm.prank(liquidator);
                vm.expectRevert(
                    abi.encodeWithSelector(ICreditManager.RepayBelowClosingAmount.selector, maxRepay, closing)
                );
                cm.liquidate(alice, maxRepay);
                assertEq(cm.debtOf(alice), 1_000e6, "debt unchanged");
                return;
            }
        }

        vm.prank(liquidator);
        (uint256 repaid, uint256 ethSeized, uint256 collateralSeized) = cm.liquidate(alice, maxRepay);

        uint256 seizedValue = (collateralSeized * p) / 1e30 + (ethSeized * 2_000) / 1e12;
        assertLe(seizedValue, (repaid * 10_800) / 10_000, "seized at most repayment + 8%");
        assertLe(repaid, maxRepay, "never more than offered");
        ICreditManager.Position memory after_ = cm.position(alice);
        if (after_.scaledDebt != 0) {
            assertEq(cm.debtOf(alice), 1_000e6 - repaid, "debt down by the repayment");
            assertGe(
                valueBefore * 10_000,
                1_000e6 * uint256(10_800),
                "only a position covering debt + bonus stays open"
            );
            uint256 valueAfter = (after_.collateral * p) / 1e30 + (uint256(after_.reserveEth) * 2_000) / 1e12;
            // debt/value does not rise: (1000 - repaid) / valueAfter <= 1000 / valueBefore (cross-multiplied),
            // allowing a unit of rounding in each value.
            assertLe((1_000e6 - repaid) * valueBefore, 1_000e6 * (valueAfter + 2), "ratio no worse");
        } else {
            assertEq(after_.collateral + after_.reserveEth, 0, "closed positions keep no collateral");
        }
    }

    // ================================================================== price-jump guard

    function test_borrow_onePump_createsNoCapacity() public {
        _addCollateral(alice, 1_000 ether);
        _setQerPrice(4e8); // QER doubles within the block
        assertEq(oracle.collateralPrice(), 4e18, "spot doubled");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICreditManager.BorrowLimitExceeded.selector, 1_000e6 + 1, 1_000e6));
        cm.borrow(1_000e6 + 1, 0, block.timestamp);
        _borrow(alice, 1_000e6);
        assertEq(cm.debtOf(alice), 1_000e6, "capacity still at $2");
    }

    function test_borrow_onePumpAfterAQuietWindow_createsNoCapacity() public {
        _addCollateral(alice, 1_000 ether);
        _warp(2 hours); // nobody touched the guard for two windows
        _setQerPrice(4e8);
        // The reference may only rise toward a price seen by an earlier update ($2), whatever the time elapsed.
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICreditManager.BorrowLimitExceeded.selector, 1_000e6 + 1, 1_000e6));
        cm.borrow(1_000e6 + 1, 0, block.timestamp);
    }

    function test_borrow_pumpSeenOnceThenNextBlock_addsOnlyTheRateLimitedRise() public {
        _addCollateral(alice, 1_000 ether);
        _setQerPrice(4e8);
        oracle.collateralGuardedPrice(); // the pump is observed
        vm.warp(START + 12);
        // Reference: $2 + $2 x 10% x 12 s / 3,600 s = $2.000666...; 50% of 1,000 QER at that price.
        assertEq(cm.maxDebtOf(alice), 1_000_333_333, "a block's worth of the 10%-per-hour allowance");
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(ICreditManager.BorrowLimitExceeded.selector, 1_000_333_334, 1_000_333_333)
        );
        cm.borrow(1_000_333_334, 0, block.timestamp);
    }

    function test_borrow_pumpHeldForAWindow_addsAtMostTheBound() public {
        _addCollateral(alice, 1_000 ether);
        _setQerPrice(4e8);
        oracle.collateralGuardedPrice();
        _warp(7_200); // two windows later, still at $4
        assertEq(cm.maxDebtOf(alice), 1_100e6, "capped at +10% per update");
        _borrow(alice, 1_100e6);
        assertEq(cm.debtOf(alice), 1_100e6, "borrowed at $2.20");
    }

    function test_withdrawCollateral_usesTheGuardedPrice() public {
        _aliceAtMax();
        _setQerPrice(4e8);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICreditManager.BorrowLimitExceeded.selector, 1_000e6, 999_999_999));
        cm.withdrawCollateral(1, alice);
        assertEq(cm.position(alice).collateral, 1_000 ether, "collateral unchanged");
    }

    // ================================================================== repay

    function test_repay_partlyKeepsTheEth() public {
        _aliceAtMax();
        vm.prank(alice);
        usdc.approve(address(cm), 400e6);
        vm.prank(alice);
        uint256 repaid = cm.repay(alice, 400e6);
        assertEq(repaid, 400e6, "repaid");
        assertEq(cm.debtOf(alice), 600e6, "debt left");
        assertEq(cm.position(alice).reserveEth, POSITION_ETH, "ETH stays while debt remains");
        assertEq(vault.idle(), SUPPLY - 1_000e6 + 400e6, "vault got the repayment");
    }

    function test_repay_fullyReturnsThePositionsEth() public {
        _aliceAtMax();
        _fund(alice, 500e6);
        uint256 ethBefore = alice.balance;
        vm.expectEmit(true, true, true, true, address(cm));
        emit ICreditManager.Repaid(alice, alice, 1_000e6, 0, POSITION_ETH);
        vm.prank(alice);
        uint256 repaid = cm.repay(alice, type(uint256).max);
        assertEq(repaid, 1_000e6, "whole debt");
        assertEq(usdc.balanceOf(alice), 0, "paid 1,000 of 1,000");
        assertEq(alice.balance - ethBefore, POSITION_ETH, "90% of the ETH back");
        assertEq(cm.position(alice).reserveEth, 0, "no ETH left on the position");
        assertEq(reserve.ownedEth(), 0, "nothing owned");
        assertEq(address(reserve).balance, KEPT_ETH, "the reserve keeps 10%");
        assertEq(reserve.unownedEth(), KEPT_ETH, "all of it unowned");
        assertEq(vault.idle(), SUPPLY, "vault whole again");
    }

    function test_repay_afterAYear_chargesTheKinkedRate() public {
        _aliceAtMax();
        _warp(365 days);
        // Utilization 1,000 / 1,000,000 = 0.1%: rate 2% + 6% x 0.1% / 80% = 2.0075% a year.
        assertEq(cm.debtOf(alice), 1_020_075_000, "1,000 x 1.020075");
        assertEq(vault.insuranceOwed(), 2_007_500, "10% of 20.075 interest");
        assertEq(vault.totalAssets(), 1_000_018_067_500, "suppliers earn the other 90%");
        _fund(alice, 520_075_000);
        vm.prank(alice);
        assertEq(cm.repay(alice, type(uint256).max), 1_020_075_000, "repaid with interest");
        assertEq(cm.debtOf(alice), 0, "no debt");
    }

    function test_repay_byAThirdPartySendsTheEthToTheBorrower() public {
        _aliceAtMax();
        _fund(bob, 1_000e6);
        uint256 aliceEth = alice.balance;
        uint256 bobEth = bob.balance;
        vm.prank(bob);
        cm.repay(alice, type(uint256).max);
        assertEq(alice.balance - aliceEth, POSITION_ETH, "borrower gets the ETH");
        assertEq(bob.balance, bobEth, "payer gets none");
        assertEq(usdc.balanceOf(bob), 0, "payer paid 1,000");
    }

    function test_repay_worksWhilePausedAndWithStalePrices() public {
        _aliceAtMax();
        vm.prank(guardian);
        cm.pause();
        vm.warp(START + 10 days); // both feeds stale
        _fund(alice, 2_000e6);
        uint256 debt = cm.debtOf(alice);
        vm.prank(alice);
        assertEq(cm.repay(alice, type(uint256).max), debt, "full repayment while paused");
        assertEq(cm.position(alice).reserveEth, 0, "ETH released");
        // Adding collateral works too.
        _addCollateral(alice, 1 ether);
        assertEq(cm.position(alice).collateral, 1_001 ether, "collateral added while paused");
    }

    function test_RevertWhen_repayZero() public {
        _aliceAtMax();
        vm.prank(alice);
        vm.expectRevert(ICreditManager.ZeroAmount.selector);
        cm.repay(alice, 0);
        assertEq(cm.debtOf(alice), 1_000e6, "debt unchanged");
    }

    function test_RevertWhen_repayWithoutDebt() public {
        _fund(bob, 10e6);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICreditManager.NoDebt.selector, alice));
        cm.repay(alice, 10e6);
        assertEq(usdc.balanceOf(bob), 10e6, "nothing taken");
    }

    // ================================================================== collateral

    function test_withdrawCollateral_downToTheLimit() public {
        _addCollateral(alice, 1_000 ether);
        _borrow(alice, 400e6);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICreditManager.BorrowLimitExceeded.selector, 400e6, 399_999_999));
        cm.withdrawCollateral(600 ether + 1, alice);
        vm.prank(alice);
        cm.withdrawCollateral(600 ether, alice);
        assertEq(cm.position(alice).collateral, 400 ether, "400 QER back the 400 USDC at 50%");
        assertEq(qer.balanceOf(alice), 600 ether, "withdrawn");
    }

    function test_withdrawCollateral_withoutDebtNeedsNoPrice() public {
        _addCollateral(alice, 1_000 ether);
        vm.warp(START + 10 days); // the feed is stale
        vm.prank(alice);
        cm.withdrawCollateral(1_000 ether, bob);
        assertEq(qer.balanceOf(bob), 1_000 ether, "all of it, to another address");
        assertEq(cm.position(alice).collateral, 0, "empty");
    }

    function test_RevertWhen_withdrawCollateralBadInput() public {
        _addCollateral(alice, 10 ether);
        vm.startPrank(alice);
        vm.expectRevert(ICreditManager.ZeroAmount.selector);
        cm.withdrawCollateral(0, alice);
        vm.expectRevert(ICreditManager.ZeroAddress.selector);
        cm.withdrawCollateral(1, address(0));
        vm.expectRevert(abi.encodeWithSelector(ICreditManager.InsufficientCollateral.selector, 10 ether + 1, 10 ether));
        cm.withdrawCollateral(10 ether + 1, alice);
        vm.stopPrank();
        assertEq(cm.position(alice).collateral, 10 ether, "collateral unchanged");
    }

    function test_RevertWhen_addCollateralBadInput() public {
        _giveQer(alice, 10 ether);
        vm.startPrank(alice);
        qer.approve(address(cm), 10 ether);
        vm.expectRevert(ICreditManager.ZeroAmount.selector);
        cm.addCollateral(alice, 0);
        vm.expectRevert(ICreditManager.ZeroAddress.selector);
        cm.addCollateral(address(0), 1);
        vm.stopPrank();
        assertEq(qer.balanceOf(alice), 10 ether, "nothing taken");
    }

    function test_addCollateral_forAnotherAccount() public {
        _giveQer(bob, 5 ether);
        vm.startPrank(bob);
        qer.approve(address(cm), 5 ether);
        cm.addCollateral(alice, 5 ether);
        vm.stopPrank();
        assertEq(cm.position(alice).collateral, 5 ether, "alice's position topped up by bob");
    }

    // ================================================================== liquidation

    function test_liquidate_afterPriceDrop_partiallyAtTheCloseFactor() public {
        _aliceAtMax();
        _setQerPrice(1e8); // $1: collateral 1,000 + 448.627635 ETH value; 65% of it is 941.607962 < 1,000
        assertEq(cm.liquidationLimitOf(alice), 941_607_962, "limit below the debt");
        _fund(liquidator, 1_000e6);
        uint256 owedBefore = vault.insuranceOwed();
        uint256 idleBefore = vault.idle();
        uint256 assetsBefore = vault.totalAssets();

        vm.expectEmit(true, true, true, true, address(cm));
        emit ICreditManager.Liquidated(alice, liquidator, 500e6, 10e6, POSITION_ETH, 91.372365 ether, 0);
        vm.expectEmit(true, true, true, true, address(vault));
        emit IStableVault.LiquidationFeeBooked(10e6);
        vm.prank(liquidator);
        (uint256 repaid, uint256 ethSeized, uint256 collateralSeized) = cm.liquidate(alice, type(uint256).max);

        // 50% of the debt; seized value 540 = ETH first (448.627635) then 91.372365 QER at $1.
        assertEq(repaid, 500e6, "close factor");
        assertEq(ethSeized, POSITION_ETH, "all of the position's ETH first");
        assertEq(collateralSeized, 91.372365 ether, "the rest in QER");
        assertEq(liquidator.balance, POSITION_ETH, "liquidator got the ETH");
        assertEq(qer.balanceOf(liquidator), 91.372365 ether, "and the QER");
        assertEq(usdc.balanceOf(liquidator), 1_000e6 - 500e6 - 10e6, "paid 500 + 2% fee (25% of the 8% bonus)");
        // The fee is the fund's money held by the vault: owed to the fund, outside the suppliers' assets.
        assertEq(vault.insuranceOwed() - owedBefore, 10e6, "fee booked for the insurance fund");
        assertEq(vault.idle() - idleBefore, 510e6, "the repayment and the fee in cash");
        assertEq(usdc.balanceOf(address(vault)), vault.idle(), "the vault holds its books");
        assertEq(vault.totalAssets(), assetsBefore, "the suppliers' assets do not count the fee");
        assertEq(usdc.balanceOf(address(fund)), 0, "no balance written for the fund");
        assertEq(vault.collectInsuranceFees(), 10e6, "the fund draws it");
        assertEq(usdc.balanceOf(address(fund)), 10e6, "paid");
        assertEq(cm.debtOf(alice), 500e6, "half the debt left");
        assertEq(cm.position(alice).collateral, 908.627635 ether, "QER left");
        assertEq(cm.position(alice).reserveEth, 0, "no ETH left");
        assertEq(reserve.ownedEth(), 0, "reserve owes nothing");

        // Now healthy: 65% of 908.627635 = 590.607962 > 500.
        vm.prank(liquidator);
        vm.expectRevert(abi.encodeWithSelector(ICreditManager.PositionHealthy.selector, alice, 500e6, 590_607_962));
        cm.liquidate(alice, 1);
    }

    function test_liquidate_fullWhenCollateralCannotCoverTheBonus_fundCoversTheShortfall() public {
        _aliceAtMax();
        usdc.mint(address(fund), 500e6);
        _setQerPrice(0.2e8); // $0.20: collateral 200 + 448.627635 = 648.627635 < 1,000 x 1.08
        _fund(liquidator, 1_000e6);

        // The fee (2% of the 8% bonus on 600.581144, rounded up: 12.011623) is booked first and absorbs the first
        // 12.011623 of the 399.418856 written off; the fund pays the other 387.407233 (its net cost as before).
        vm.expectEmit(true, true, true, true, address(vault));
        emit IStableVault.DebtWrittenOff(399_418_856, 399_418_856, 12_011_623, 387_407_233, 0);
        vm.prank(liquidator);
        (uint256 repaid, uint256 ethSeized, uint256 collateralSeized) = cm.liquidate(alice, type(uint256).max);

        assertEq(repaid, 600_581_144, "collateral value / 1.08, rounded up");
        assertEq(ethSeized, POSITION_ETH, "all ETH");
        assertEq(collateralSeized, 1_000 ether, "all QER");
        assertEq(cm.debtOf(alice), 0, "position closed");
        assertEq(usdc.balanceOf(address(fund)), 112_592_767, "500 - 387.407233 of the shortfall");
        assertEq(vault.insuranceOwed(), 0, "the 12.011623 fee absorbed the first of the shortfall");
        assertEq(vault.badDebt(), 0, "no bad debt");
        assertEq(vault.totalAssets(), SUPPLY, "suppliers whole");
        assertEq(vault.totalBorrowed(), 0, "nothing lent");
    }

    function test_liquidate_shortfallBeyondTheFund_isBadDebtSocialised() public {
        _aliceAtMax();
        usdc.mint(address(fund), 100e6);
        _setQerPrice(0.2e8);
        _fund(liquidator, 1_000e6);
        uint256 supplierAssetsBefore = vault.previewRedeem(vault.balanceOf(supplier));

        // 399.418856 written off: the 12.011623 fee booked first, the fund's 100, the suppliers the 287.407233 left.
        vm.expectEmit(true, true, true, true, address(vault));
        emit IStableVault.DebtWrittenOff(399_418_856, 399_418_856, 12_011_623, 100e6, 287_407_233);
        vm.prank(liquidator);
        cm.liquidate(alice, type(uint256).max);

        assertEq(vault.badDebt(), 287_407_233, "what the fee and the fund could not cover");
        assertEq(usdc.balanceOf(address(fund)), 0, "fund emptied");
        assertEq(vault.insuranceOwed(), 0, "the fee went to the shortfall");
        assertEq(vault.totalAssets(), 999_712_592_767, "suppliers take the loss");
        uint256 supplierAssetsAfter = vault.previewRedeem(vault.balanceOf(supplier));
        assertEq(supplierAssetsBefore - supplierAssetsAfter, 287_407_233, "the supplier's share of it");
        assertEq(cm.debtOf(alice), 0, "closed");
    }

    function test_liquidate_shortfallAbsorbedByTheFundsUnpaidInterestFirst() public {
        _aliceAtMax();
        _warp(365 days); // debt 1,020.075; 2.0075 owed to the fund (10% of the interest)
        _setQerPrice(0.2e8);
        _fund(liquidator, 2_000e6);
        // Repaid 600.581144 removes 588,761,751 scaled (rounded down at index 1.020075); the other 411,238,249
        // are worth 419,493,857 (rounded up). The fee (2% of the 8% bonus on 600.581144, rounded up: 12.011623) is
        // booked first, so the fund's 2.0075 unpaid share and the fee (14.019123) absorb it first, no fund cash,
        // the rest (405.474734) is bad debt.
        vm.expectEmit(true, true, true, true, address(vault));
        emit IStableVault.DebtWrittenOff(411_238_249, 419_493_857, 14_019_123, 0, 405_474_734);
        vm.prank(liquidator);
        cm.liquidate(alice, type(uint256).max);
        assertEq(vault.insuranceOwed(), 0, "the owed share and the fee went first");
        assertEq(vault.badDebt(), 405_474_734, "the rest is bad debt");
    }

    function test_liquidate_noProfitFromSelfLiquidation() public {
        _aliceAtMax();
        _setQerPrice(1e8);
        // Bob is alice's second account; together they hold alice's loan proceeds and the liquidation capital.
        _fund(bob, 1_000e6);
        uint256 before = _wealth(alice) + _wealth(bob) + _positionValue(alice);
        vm.prank(bob);
        cm.liquidate(alice, type(uint256).max);
        uint256 afterwards = _wealth(alice) + _wealth(bob) + _positionValue(alice);
        assertLt(afterwards, before, "self-liquidation loses money");
        assertEq(before - afterwards, 10e6, "exactly the fee paid to the fund");
    }

    function test_RevertWhen_liquidateHealthy() public {
        _aliceAtMax();
        // Healthy: 65% of (2,000 + 448.627635) = 1,591.607962.
        _fund(liquidator, 1_000e6);
        vm.prank(liquidator);
        vm.expectRevert(abi.encodeWithSelector(ICreditManager.PositionHealthy.selector, alice, 1_000e6, 1_591_607_962));
        cm.liquidate(alice, 1_000e6);
        assertEq(usdc.balanceOf(liquidator), 1_000e6, "nothing taken");
        assertEq(cm.debtOf(alice), 1_000e6, "debt unchanged");
    }

    function test_RevertWhen_liquidateBadInput() public {
        _aliceAtMax();
        vm.startPrank(liquidator);
        vm.expectRevert(ICreditManager.ZeroAmount.selector);
        cm.liquidate(alice, 0);
        vm.expectRevert(abi.encodeWithSelector(ICreditManager.NoDebt.selector, bob));
        cm.liquidate(bob, 1);
        vm.stopPrank();
    }

    function test_RevertWhen_liquidateWhilePaused() public {
        _aliceAtMax();
        _setQerPrice(1e8);
        vm.prank(guardian);
        cm.pause();
        _fund(liquidator, 1_000e6);
        vm.prank(liquidator);
        vm.expectRevert(abi.encodeWithSelector(IGuardianPausable.EnforcedPause.selector, START + 30 days));
        cm.liquidate(alice, type(uint256).max);
        assertEq(cm.debtOf(alice), 1_000e6, "debt unchanged");
        assertEq(usdc.balanceOf(liquidator), 1_000e6, "liquidator paid nothing");
        vm.prank(governor);
        cm.unpause();
        vm.prank(liquidator);
        cm.liquidate(alice, type(uint256).max);
        assertEq(cm.debtOf(alice), 500e6, "liquidated after unpause");
    }

    /// @dev Withdrawing collateral that backs debt is paused; a position without debt may still withdraw (see
    /// `LossSharingTest.test_debtFreeCollateralIsWithdrawableWhilePaused`).
    function test_RevertWhen_borrowOrWithdrawWhilePaused() public {
        _addCollateral(alice, 1_000 ether);
        _borrow(alice, 100e6);
        vm.prank(guardian);
        cm.pause();
        vm.startPrank(alice);
        // The guardian's pause lasts the governed 30 days from now (START).
        vm.expectRevert(abi.encodeWithSelector(IGuardianPausable.EnforcedPause.selector, START + 30 days));
        cm.borrow(500e6, 0, block.timestamp);
        vm.expectRevert(abi.encodeWithSelector(IGuardianPausable.EnforcedPause.selector, START + 30 days));
        cm.withdrawCollateral(1 ether, alice);
        vm.stopPrank();
        assertEq(cm.debtOf(alice), 100e6, "nothing more borrowed");
        assertEq(cm.position(alice).collateral, 1_000 ether, "collateral unchanged");
        assertEq(usdc.balanceOf(alice), 50e6, "only the first draw's half paid out");
    }

    function test_pause_expiresAfterItsDurationUnlessConfirmed() public {
        _addCollateral(alice, 1_000 ether);
        vm.prank(guardian);
        cm.pause();
        assertEq(cm.pausedUntil(), START + 30 days, "until");
        _warp(30 days - 1);
        assertTrue(cm.paused(), "paused one second before the end");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IGuardianPausable.EnforcedPause.selector, START + 30 days));
        cm.borrow(500e6, 0, block.timestamp);
        _warp(1);
        assertFalse(cm.paused(), "expired at its end");
        vm.prank(alice);
        cm.borrow(500e6, 0, block.timestamp);
        assertEq(cm.debtOf(alice), 500e6, "borrowed once the pause expired");
    }

    function test_confirmPause_keepsBorrowingStoppedUntilGovernanceUnpauses() public {
        _addCollateral(alice, 1_000 ether);
        vm.prank(guardian);
        cm.pause();
        vm.prank(emergency);
        cm.confirmPause();
        assertEq(cm.pausedUntil(), type(uint48).max, "confirmed");
        _warp(365 days);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IGuardianPausable.EnforcedPause.selector, type(uint48).max));
        cm.borrow(500e6, 0, block.timestamp);
        vm.prank(governor);
        cm.unpause();
        vm.prank(alice);
        cm.borrow(500e6, 0, block.timestamp);
        assertEq(cm.debtOf(alice), 500e6, "borrowed after governance unpaused");
    }

    function test_RevertWhen_pauseByNonGuardianOrUnpauseByNonGovernor() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        cm.pause();
        assertFalse(cm.paused(), "not paused by a stranger");
        vm.prank(guardian);
        cm.pause();
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, guardian));
        cm.unpause();
        assertTrue(cm.paused(), "still paused");
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, guardian));
        cm.confirmPause();
        assertEq(cm.pausedUntil(), START + 30 days, "not confirmed by the guardian");
    }

    // ================================================================== reentrancy

    function test_reentrancyFromTheEthReceiveHookOnFullRepay_isRefused() public {
        ReentrantAccount attacker = new ReentrantAccount(cm, reserve, IERC20(address(qer)), IERC20(address(usdc)));
        _giveQer(address(attacker), 1_000 ether);
        attacker.open(1_000 ether, 1_000e6);
        attacker.setAttack(ReentrantAccount.Attack.WithdrawCollateral, address(0), false);
        usdc.mint(address(attacker), 500e6);
        attacker.repayAll();
        assertEq(attacker.attempts(), 1, "the hook ran");
        assertEq(
            keccak256(attacker.reentryError()),
            keccak256(abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector)),
            "re-entry refused by the guard"
        );
        assertEq(attacker.received(), POSITION_ETH, "ETH paid once");
        assertEq(cm.position(address(attacker)).collateral, 1_000 ether, "collateral untouched by the hook");
    }

    function test_reentrancyFromTheEthReceiveHookOnLiquidation_isRefused() public {
        _aliceAtMax();
        _setQerPrice(1e8);
        ReentrantAccount attacker = new ReentrantAccount(cm, reserve, IERC20(address(qer)), IERC20(address(usdc)));
        usdc.mint(address(attacker), 1_000e6);
        attacker.setAttack(ReentrantAccount.Attack.Liquidate, alice, false);
        attacker.liquidate(alice, type(uint256).max);
        assertEq(
            keccak256(attacker.reentryError()),
            keccak256(abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector)),
            "second liquidation from the hook refused"
        );
        assertEq(cm.debtOf(alice), 500e6, "liquidated once, at the close factor");
    }

    function test_repay_toAnAccountThatRefusesEth_creditsIt() public {
        ReentrantAccount borrower = new ReentrantAccount(cm, reserve, IERC20(address(qer)), IERC20(address(usdc)));
        _giveQer(address(borrower), 1_000 ether);
        borrower.open(1_000 ether, 1_000e6);
        borrower.setAttack(ReentrantAccount.Attack.Claim, address(0), true);
        usdc.mint(address(borrower), 500e6);
        borrower.repayAll();
        assertEq(cm.debtOf(address(borrower)), 0, "full repayment went through");
        assertEq(reserve.claimableEth(address(borrower)), POSITION_ETH, "ETH credited");
        assertEq(reserve.ownedEth(), POSITION_ETH, "still owed by the reserve");
        // It claims later, once it accepts ETH; re-entering claim from the hook is refused.
        borrower.setAttack(ReentrantAccount.Attack.Claim, address(0), false);
        borrower.claim();
        assertEq(borrower.received(), POSITION_ETH, "claimed");
        assertEq(
            keccak256(borrower.reentryError()),
            keccak256(abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector)),
            "claim re-entry refused"
        );
        assertEq(reserve.claimableEth(address(borrower)), 0, "credit used");
        assertEq(reserve.ownedEth(), 0, "nothing owed");
    }

    // ================================================================== parameters

    function test_setParameter_throughTheRegistry() public {
        vm.prank(governor);
        registry.set(address(cm), LendingKeys.MAX_LTV_BPS, 4_000);
        assertEq(cm.parameter(LendingKeys.MAX_LTV_BPS), 4_000, "stored");
        _addCollateral(alice, 1_000 ether);
        assertEq(cm.maxDebtOf(alice), 800e6, "40% of $2,000");
    }

    function test_RevertWhen_borrowingLimitNotBelowTheThreshold() public {
        _setParam(address(cm), LendingKeys.LIQUIDATION_THRESHOLD_BPS, 5_500);
        vm.prank(emergency);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, LendingKeys.MAX_LTV_BPS, 5_500)
        );
        registry.setEmergency(address(cm), LendingKeys.MAX_LTV_BPS, 5_500);
        assertEq(cm.parameter(LendingKeys.MAX_LTV_BPS), 5_000, "unchanged");
    }

    function test_RevertWhen_constructorRiskNumbersInvalid() public {
        ICreditManager.Modules memory m = cm.modules();
        ICreditManager.RiskParams memory ok = cm.riskParams();
        ICreditManager.LockerPerk memory perk = cm.lockerPerk();
        ICreditManager.RiskParams[5] memory bad = [ok, ok, ok, ok, ok];
        bad[0].maxLtvBps = 0;
        bad[1].maxLtvBps = 6_500; // not below the threshold
        bad[2].liquidationBonusBps = 5_400; // 65% x 154% >= 100%
        bad[3].closeFactorBps = 10_001;
        bad[4].liquidationFeeBps = 10_001;
        for (uint256 i; i < bad.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, bytes32(0), 0));
            new CreditManager(address(manager), m, bad[i], PAUSE_DURATION, perk);
        }
    }

    function test_setParameter_pauseDurationThroughTheRegistry() public {
        bytes32 key = cm.PAUSE_DURATION();
        assertEq(key, keccak256("pause.duration"), "governance's key");
        assertEq(cm.parameter(key), 30 days, "preset duration");
        vm.prank(governor);
        registry.set(address(cm), key, 35 days);
        assertEq(cm.parameter(key), 35 days, "stored");
        assertEq(cm.parameter(LendingKeys.MAX_LTV_BPS), 5_000, "risk numbers untouched");
        vm.prank(guardian);
        cm.pause();
        assertEq(cm.pausedUntil(), START + 35 days, "the next pause lasts the new duration");
    }

    function test_RevertWhen_parameterKeyUnknown() public {
        bytes32 key = keccak256("lending.unknown");
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, key));
        cm.parameter(key);
    }

    function test_RevertWhen_constructorPauseDurationInvalid() public {
        ICreditManager.Modules memory m = cm.modules();
        ICreditManager.RiskParams memory ok = cm.riskParams();
        bytes32 key = cm.PAUSE_DURATION();
        ICreditManager.LockerPerk memory perk = cm.lockerPerk();
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, key, 0));
        new CreditManager(address(manager), m, ok, 0, perk);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, key, 365 days + 1));
        new CreditManager(address(manager), m, ok, 365 days + 1, perk);
    }

    function test_RevertWhen_setParameterNotByTheRegistry() public {
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, governor));
        cm.setParameter(LendingKeys.MAX_LTV_BPS, 4_000);
        assertEq(cm.parameter(LendingKeys.MAX_LTV_BPS), 5_000, "unchanged");
    }

    // ================================================================== helpers

    /// @dev Stablecoin plus ETH (at $2,000) and QER (at the spot price) held by an account, in USDC units.
    function _wealth(address who) internal view returns (uint256) {
        return
            usdc.balanceOf(who) + (who.balance * 2_000) / 1e12 + (qer.balanceOf(who) * oracle.collateralPrice()) / 1e30;
    }

    /// @dev A position's collateral less its debt, in USDC units.
    function _positionValue(address who) internal view returns (uint256) {
        ICreditManager.Position memory p = cm.position(who);
        uint256 value = (p.collateral * oracle.collateralPrice()) / 1e30 + (uint256(p.reserveEth) * 2_000) / 1e12;
        return value - cm.debtOf(who);
    }
}
