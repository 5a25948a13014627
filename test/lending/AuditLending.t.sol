// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {ICreditManager} from "../../contracts/interfaces/ICreditManager.sol";
import {IStableVault} from "../../contracts/interfaces/IStableVault.sol";
import {CreditManager} from "../../contracts/lending/CreditManager.sol";
import {InsuranceFund} from "../../contracts/lending/InsuranceFund.sol";
import {StableVault} from "../../contracts/lending/StableVault.sol";
import {LendingBase} from "./LendingBase.sol";

/// @notice Independent audit of the loss-sharing change: a stale ETH feed must not hand a position's ETH to the
/// liquidator for nothing nor write off debt that ETH still backs.
/// @dev Figures by hand. alice: 1,000 QER, borrows 1,000 USDC; her 500 USDC half buys ETH, 90% of it,
/// 0.224313817956174883 ETH, is the position's (worth 448.627635 USDC at $2,000). QER then falls to $0.95: QER
/// 950 + ETH 448.627635 = 1,398.627635 of collateral for 1,000 of debt (65% of it, 909.11, is below the debt, so the
/// position is liquidatable, but it is solvent by 398.63 and above debt + 8% bonus = 1,080).
contract AuditLendingTest is LendingBase {
    uint256 internal constant POSITION_ETH = 224_313_817_956_174_883;

    /// @dev The ETH feed's last update 3,901 s ago (its limit is 3,900): stale, with no time passing for interest.
    function _solventPositionWithStaleEthFeed() internal {
        _addCollateral(alice, 1_000 ether);
        _borrow(alice, 1_000e6);
        assertEq(cm.position(alice).reserveEth, POSITION_ETH, "setup: the position's ETH");
        _setQerPrice(0.95e8);
        ethFeed.setRoundData(2, ETH_USD, block.timestamp - 3_901, block.timestamp - 3_901);
        assertEq(oracle.ethPriceOrZero(), 0, "setup: no ETH price");
        _fund(liquidator, 1_000e6);
    }

    /// @dev Before the fix (the exploit): QER alone (950) was below debt + bonus (1,080), so the call closed the
    /// position as insolvent, repaid 950 / 1.08 = 879.629630, gave the liquidator all the QER and all 0.2243 ETH
    /// (448.627635 USDC) for nothing and wrote 120.370370 off against the suppliers of a position solvent by 398.63.
    /// Now the unpriced ETH stays and only the QER pays a partial liquidation: 50% of the debt, 500, for QER worth
    /// 540 at $0.95, 568.421052631578947368 QER; nothing is written off.
    function test_liquidate_staleEthFeed_solventPositionIsNotClosedNorItsEthSeized() public {
        _solventPositionWithStaleEthFeed();
        uint256 ethBefore = liquidator.balance;
        vm.prank(liquidator);
        (uint256 repaid, uint256 ethSeized, uint256 collateralSeized) = cm.liquidate(alice, type(uint256).max);
        assertEq(repaid, 500e6, "the close factor, not a close");
        assertEq(collateralSeized, 568_421_052_631_578_947_368, "QER worth 540 at $0.95");
        assertEq(ethSeized, 0, "no unpriced ETH to the liquidator");
        assertEq(liquidator.balance, ethBefore, "liquidator's ETH unchanged");
        assertEq(vault.badDebt(), 0, "nothing written off");
        assertEq(cm.debtOf(alice), 500e6, "the rest of the debt stays");
        assertEq(cm.position(alice).reserveEth, POSITION_ETH, "with the ETH backing it");
        assertEq(cm.position(alice).collateral, 431_578_947_368_421_052_632, "and the rest of the QER");
    }

    /// @dev Unpriced ETH and QER worth nothing: nothing can be repaid against the QER, so the call is refused.
    /// QER at $0.0001: 1,000 QER are worth 0.1; the QER pays 0.1 / 1.08 = 0.092592, taking QER worth 0.099999
    /// (999.99 QER); the 0.01 QER left is worth 0.000001, which pays nothing at the bonus.
    function test_RevertWhen_liquidate_staleEthFeedAndNoCollateralValueLeft() public {
        _addCollateral(alice, 1_000 ether);
        _borrow(alice, 1_000e6);
        _setQerPrice(0.0001e8); // 1,000 QER worth 0.1: the QER pays 0.092592 at the bonus
        ethFeed.setRoundData(2, ETH_USD, block.timestamp - 3_901, block.timestamp - 3_901);
        _fund(liquidator, 1_000e6);
        vm.prank(liquidator);
        (uint256 repaid, , uint256 collateralSeized) = cm.liquidate(alice, type(uint256).max);
        assertEq(repaid, 92_592, "0.1 / 1.08");
        assertEq(collateralSeized, 999.99 ether, "QER worth 0.099999");
        uint256 debtBefore = cm.debtOf(alice);
        vm.prank(liquidator);
        vm.expectRevert(ICreditManager.ZeroAmount.selector);
        cm.liquidate(alice, type(uint256).max);
        assertEq(cm.debtOf(alice), debtBefore, "state unchanged");
        assertEq(cm.position(alice).reserveEth, POSITION_ETH, "the ETH waits for its price");
        assertEq(vault.badDebt(), 0, "nothing written off");
    }

    /// @dev Two suppliers of 1,000,000 each; alice borrows 100,000 on 100,000 QER, QER falls to $0.05 (figures of
    /// LossSharingTest: the close repays about 45,965 and writes off about 54,035). Before the fix the vault did not
    /// know the credit manager was paused: an informed supplier claimed its exit at par while liquidations, hence
    /// write-offs, were stopped, and the supplier left behind bore the whole 54,035.005721 instead of half.
    /// Now exits wait while the credit manager is paused and one exit delay after it resumes, so the close lands
    /// first and both suppliers bear half the loss.
    function test_claimRedeem_whileCreditManagerPaused_waitsAndSharesTheLoss() public {
        address informed = makeAddr("informed");
        _supply(informed, SUPPLY);
        assertEq(vault.balanceOf(informed), vault.balanceOf(supplier), "setup: equal shares");
        _addCollateral(alice, 100_000 ether);
        _borrow(alice, 100_000e6);
        _setQerPrice(0.05e8);
        // The guardian pauses the credit manager in the crash: liquidations stop, and so do claims.
        vm.prank(guardian);
        cm.pause();
        uint256 until = cm.pausedUntil();
        _fund(liquidator, 50_000e6);

        uint256 shares = vault.balanceOf(informed);
        vm.prank(informed);
        vault.requestRedeem(shares);
        _warp(1 hours);
        vm.prank(informed);
        vm.expectRevert(abi.encodeWithSelector(IStableVault.CreditManagerPaused.selector, until + 1 hours));
        vault.claimRedeem(informed);
        assertEq(vault.exitRequest(informed).shares, shares, "the exit still pending");

        // Governance lifts the pause after two days; the exit waits one more exit delay from then.
        _warp(2 days);
        vm.prank(governor);
        cm.unpause();
        uint256 resumedAt = block.timestamp + 1 hours;
        vm.prank(informed);
        vm.expectRevert(abi.encodeWithSelector(IStableVault.CreditManagerPaused.selector, resumedAt));
        vault.claimRedeem(informed);
        _warp(1 hours - 1);
        vm.prank(informed);
        vm.expectRevert(abi.encodeWithSelector(IStableVault.CreditManagerPaused.selector, resumedAt));
        vault.claimRedeem(informed);

        // Within that hour the close writes the shortfall off against both suppliers.
        vm.prank(liquidator);
        cm.liquidate(alice, type(uint256).max);
        assertGt(vault.badDebt(), 53_000e6, "the shortfall recognised");
        _warp(1);
        uint256 theOthers = vault.previewRedeem(vault.balanceOf(supplier));
        vm.prank(informed);
        uint256 paid = vault.claimRedeem(informed);
        // Same shares, same price: each bears half of the ~53,115 loss (less half the ~2 days' interest).
        assertEq(paid, theOthers, "the informed supplier leaves at the price the other supplier holds");
        // Exactly half of the net loss: the write-off less the interest it carried, 54,034.761712, less the
        // liquidation's 919.304766 fee that absorbs it first (2% of the 45,965.238288 repaid, rounded up):
        // 53,115.456946, half of it 26,557.728473.
        assertEq(paid, SUPPLY - 26_557_728_473, "it bears exactly half the loss");
    }

    /// @dev Governance confirming the guardian's pause holds exits until governance lifts it.
    function test_claimRedeem_waitsWhileGovernanceHoldsThePause() public {
        vm.prank(guardian);
        cm.pause();
        vm.prank(emergency);
        cm.confirmPause();
        uint256 shares = vault.convertToShares(1_000e6);
        vm.prank(supplier);
        (uint256 assets, ) = vault.requestRedeem(shares);
        _warp(400 days);
        vm.prank(supplier);
        vm.expectRevert(
            abi.encodeWithSelector(IStableVault.CreditManagerPaused.selector, uint256(type(uint48).max) + 1 hours)
        );
        vault.claimRedeem(supplier);
        vm.prank(governor);
        cm.unpause();
        _warp(1 hours);
        vm.prank(supplier);
        assertEq(vault.claimRedeem(supplier), assets, "paid one exit delay after the pause ends");
    }

    /// @dev An exit requested long after a pause ended claims after its own delay only.
    function test_claimRedeem_anOldPauseDoesNotDelayLaterExits() public {
        vm.prank(guardian);
        cm.pause();
        _warp(cm.pausedUntil() - block.timestamp + 1 days);
        assertFalse(cm.paused(), "setup: the pause expired a day ago");
        uint256 shares = vault.convertToShares(1_000e6);
        vm.prank(supplier);
        (uint256 assets, uint256 claimableAt) = vault.requestRedeem(shares);
        _warp(1 hours);
        assertEq(block.timestamp, claimableAt, "setup: claimable now");
        vm.prank(supplier);
        assertEq(vault.claimRedeem(supplier), assets, "paid at its own delay");
    }

    function test_RevertWhen_bindCreditManagerTwiceOrZeroOrByAStranger() public {
        vm.expectRevert(abi.encodeWithSelector(IStableVault.CreditManagerAlreadyBound.selector, address(cm)));
        vault.bindCreditManager(stranger);
        assertEq(vault.creditManager(), address(cm), "unchanged");
        InsuranceFund freshFund = new InsuranceFund(address(manager), IERC20(address(usdc)));
        StableVault fresh = new StableVault(
            address(manager),
            IERC20(address(usdc)),
            freshFund,
            "Fresh",
            "F",
            vault.rateParams()
        );
        freshFund.bindVault(address(fresh)); // the fund first, as the deployment binds it
        vm.expectRevert(abi.encodeWithSelector(IStableVault.CreditManagerAlreadyBound.selector, address(0)));
        fresh.bindCreditManager(address(0));
        ICreditManager.Modules memory m = cm.modules();
        (m.vault, m.insuranceFund) = (address(fresh), address(freshFund));
        CreditManager own = new CreditManager(address(manager), m, cm.riskParams(), PAUSE_DURATION, cm.lockerPerk());
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        fresh.bindCreditManager(address(own));
        assertEq(fresh.creditManager(), address(0), "still unbound");
        vm.expectEmit(false, false, false, true, address(fresh));
        emit IStableVault.CreditManagerBound(address(own));
        fresh.bindCreditManager(address(own));
        assertEq(fresh.creditManager(), address(own), "bound");
    }
}
