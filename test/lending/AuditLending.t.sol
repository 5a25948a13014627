// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGuardianPausable} from "../../contracts/interfaces/IGuardianPausable.sol";
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

    function test_Exploit_staleEthFeedClosesSolventPositionAndGrabsEth() public {
        _solventPositionWithStaleEthFeed();
        uint256 ethBefore = liquidator.balance;
        vm.prank(liquidator);
        (uint256 repaid, uint256 ethSeized, uint256 collateralSeized) = cm.liquidate(alice, type(uint256).max);
        // QER alone (950) is below debt + bonus (1,080): closed as insolvent; 950 / 1.08 = 879.629630 repaid.
        assertEq(repaid, 879_629_630, "repaid: the QER's worth at the bonus");
        assertEq(collateralSeized, 1_000 ether, "all the QER");
        assertEq(ethSeized, POSITION_ETH, "and all the ETH, valued at zero");
        assertEq(liquidator.balance - ethBefore, POSITION_ETH, "ETH worth 448.627635 USDC to the liquidator");
        // Suppliers lose 120.370370 although the position held 398.63 more than its debt.
        assertEq(vault.badDebt(), 120_370_370, "a solvent position written off");
        assertEq(cm.debtOf(alice), 0, "closed");
    }

    /// @dev Two suppliers of 1,000,000 each; alice borrows 100,000 on 100,000 QER, QER falls to $0.05 (figures of
    /// LossSharingTest: the close repays 45,965.238288 and writes off 54,034.761712).
    function test_Exploit_pauseLetsInformedSupplierExitAtParBeforeTheWriteOff() public {
        address informed = makeAddr("informed");
        _supply(informed, SUPPLY);
        _addCollateral(alice, 100_000 ether);
        _borrow(alice, 100_000e6);
        _setQerPrice(0.05e8);
        // The guardian pauses the credit manager in the crash: liquidations stop, vault exits do not.
        vm.prank(guardian);
        cm.pause();
        uint256 until = cm.pausedUntil();
        _fund(liquidator, 50_000e6);
        vm.prank(liquidator);
        vm.expectRevert(abi.encodeWithSelector(IGuardianPausable.EnforcedPause.selector, until));
        cm.liquidate(alice, type(uint256).max);

        uint256 shares = vault.balanceOf(informed);
        vm.prank(informed);
        vault.requestRedeem(shares);
        _warp(1 hours);
        vm.prank(informed);
        uint256 paid = vault.claimRedeem(informed);
        assertEq(paid, SUPPLY, "the informed supplier leaves at par");

        // Governance unpauses; the close then writes the whole shortfall off against the one supplier left.
        vm.prank(governor);
        cm.unpause();
        vm.prank(liquidator);
        cm.liquidate(alice, type(uint256).max);
        assertEq(vault.badDebt(), 54_035_005_721, "the shortfall after one hour of interest: 54,035.005721");
        assertEq(vault.totalSupply(), vault.balanceOf(supplier), "the other supplier is the only one left");
        // It bears the whole loss (1,000,000 + its interest - 54,035.005721 = 945,965.238288) instead of half.
        assertEq(vault.previewRedeem(vault.balanceOf(supplier)), 945_965_238_288, "borne by one supplier alone");
    }
}
