// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IInsuranceFund} from "../../contracts/interfaces/IInsuranceFund.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {IStableVault} from "../../contracts/interfaces/IStableVault.sol";
import {StableVault} from "../../contracts/lending/StableVault.sol";
import {LendingKeys} from "../../contracts/libraries/LendingKeys.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {LendingBase} from "./LendingBase.sol";

contract StableVaultTest is LendingBase {
    /// @dev Drives the vault directly as its bound credit manager: lends `assets` to `stranger`.
    function _lend(uint256 assets) internal returns (uint256 scaled) {
        vm.prank(address(cm));
        (scaled, , ) = vault.borrow(stranger, assets, stranger, 0);
    }

    // ================================================================== ERC-4626

    function test_deposit_mintsSharesWithSixExtraDecimals() public view {
        assertEq(uint256(vault.decimals()), 12, "6 + offset 6");
        assertEq(vault.balanceOf(supplier), SUPPLY * 1e6, "first deposit: 10^6 shares per unit");
        assertEq(vault.totalAssets(), SUPPLY, "assets");
        assertEq(vault.idle(), SUPPLY, "all idle");
    }

    function test_exit_returnsTheDepositAfterTheDelay() public {
        uint256 shares = vault.balanceOf(supplier);
        vm.expectEmit(true, true, true, true, address(vault));
        emit IStableVault.ExitRequested(supplier, shares, SUPPLY, START + 1 hours);
        vm.prank(supplier);
        (uint256 quoted, uint256 claimableAt) = vault.requestRedeem(shares);
        assertEq(quoted, SUPPLY, "valued at par");
        assertEq(claimableAt, START + 1 hours, "one hour");
        assertEq(vault.balanceOf(supplier), 0, "shares escrowed");
        assertEq(vault.totalSupply(), shares, "still in supply: they bear losses until the claim");

        vm.warp(START + 1 hours - 1);
        vm.prank(supplier);
        vm.expectRevert(
            abi.encodeWithSelector(IStableVault.ExitNotClaimable.selector, START + 1 hours, START + 1 hours - 1)
        );
        vault.claimRedeem(supplier);

        vm.warp(START + 1 hours);
        vm.expectEmit(true, true, true, true, address(vault));
        emit IStableVault.ExitClaimed(supplier, supplier, shares, SUPPLY);
        vm.prank(supplier);
        uint256 assets = vault.claimRedeem(supplier);
        assertEq(assets, SUPPLY, "all back");
        assertEq(usdc.balanceOf(supplier), SUPPLY, "paid");
        assertEq(vault.totalSupply(), 0, "no shares left");
        assertEq(vault.idle(), 0, "books follow");
        assertEq(vault.exitRequest(supplier).shares, 0, "request cleared");
    }

    function test_RevertWhen_instantExitOrBadExitInput() public {
        vm.startPrank(supplier);
        vm.expectRevert(IStableVault.ExitThroughQueue.selector);
        vault.withdraw(1, supplier, supplier);
        vm.expectRevert(IStableVault.ExitThroughQueue.selector);
        vault.redeem(1, supplier, supplier);
        vm.expectRevert(IStableVault.ZeroAmount.selector);
        vault.requestRedeem(0);
        vm.expectRevert(abi.encodeWithSelector(IStableVault.NoExitRequest.selector, supplier));
        vault.claimRedeem(supplier);
        vm.stopPrank();
        assertEq(vault.maxWithdraw(supplier), 0, "no instant withdrawal");
        assertEq(vault.maxRedeem(supplier), 0, "no instant redemption");
        assertEq(vault.balanceOf(supplier), SUPPLY * 1e6, "shares unchanged");
    }

    function test_inflationAttack_failsAndCostsTheAttacker() public {
        StableVault fresh = new StableVault(
            address(manager),
            IERC20(address(usdc)),
            IInsuranceFund(address(fund)),
            "v",
            "v",
            vault.rateParams()
        );
        address attacker = makeAddr("attacker");
        address victim = makeAddr("victim");
        usdc.mint(attacker, 1_000_000e6 + 1);
        usdc.mint(victim, 1_000e6);

        // The attacker deposits 1 unit, then "donates" a million straight to the vault.
        vm.startPrank(attacker);
        usdc.approve(address(fresh), 1);
        fresh.deposit(1, attacker);
        assertTrue(usdc.transfer(address(fresh), 1_000_000e6), "donation");
        vm.stopPrank();
        assertEq(fresh.totalAssets(), 1, "a donation does not move the books");

        vm.startPrank(victim);
        usdc.approve(address(fresh), 1_000e6);
        uint256 shares = fresh.deposit(1_000e6, victim);
        vm.stopPrank();
        assertEq(shares, 1_000e6 * 1e6, "the victim gets the fair number of shares");
        assertEq(fresh.previewRedeem(shares), 1_000e6, "and can take all of it back");
        assertEq(fresh.previewRedeem(fresh.balanceOf(attacker)), 1, "the attacker only owns its 1 unit");
    }

    function test_claimRedeem_isLimitedByIdleLiquidity() public {
        _lend(900_000e6);
        uint256 tenth = vault.balanceOf(supplier) / 10;
        vm.startPrank(supplier);
        vault.requestRedeem(tenth + 1e6); // 100,000.000001
        vm.warp(START + 1 hours);
        // The 100,000 idle less the fund's share of the hour's interest: 900,000 x 48% x 3,600 / 31,536,000 =
        // 49.315068 (index rounded up), 10% of it owed to the fund, 4.931506, is not the suppliers' cash.
        vm.expectRevert(
            abi.encodeWithSelector(IStableVault.InsufficientLiquidity.selector, 100_000e6 + 1, 100_000e6 - 4_931_506)
        );
        vault.claimRedeem(supplier);
        vm.stopPrank();
    }

    function test_RevertWhen_zeroAmounts() public {
        vm.startPrank(supplier);
        vm.expectRevert(IStableVault.ZeroAmount.selector);
        vault.deposit(0, supplier);
        vm.expectRevert(IStableVault.ZeroAmount.selector);
        vault.mint(0, supplier);
        vm.stopPrank();
        assertEq(vault.balanceOf(supplier), SUPPLY * 1e6, "shares unchanged");
    }

    // ================================================================== interest

    function test_interest_aboveTheKink() public {
        _lend(900_000e6); // 90% utilization: 2% + 6% + 80% x 10/20 = 48% a year
        assertEq(vault.borrowRate(), 0.48e18, "rate above the kink");
        vm.warp(START + 365 days);
        assertEq(vault.borrowIndex(), 1.48e27, "index after a year");
        assertEq(vault.totalBorrowed(), 1_332_000e6, "900,000 x 1.48");
        assertEq(vault.insuranceOwed(), 43_200e6, "10% of 432,000");
        assertEq(vault.totalAssets(), 1_388_800e6, "100,000 idle + 1,332,000 lent - 43,200 owed");
        vault.accrueInterest();
        assertEq(vault.totalAssets(), 1_388_800e6, "the view matched the accrual");
    }

    function test_rateChange_appliesOnlyFromNow() public {
        _lend(900_000e6);
        vm.warp(START + 365 days);
        vm.prank(governor);
        registry.set(address(vault), LendingKeys.BASE_RATE_BPS, 240);
        assertEq(vault.borrowIndex(), 1.48e27, "the past year accrued at the old curve");
        // Utilization counts the cash the vault may lend, 100,000 idle less the 43,200 owed to the fund: 1,332,000 /
        // (1,332,000 + 56,800) = 95.9101382488479262%: 2.4% + 6% + 80% x 15.9101.../20 = 72.0405529953917...%.
        assertEq(vault.borrowRate(), 720_405_529_953_917_048, "the new base applies from now");
    }

    function test_collectInsuranceFees_paysTheFund() public {
        _lend(900_000e6);
        vm.warp(START + 365 days);
        assertEq(vault.collectInsuranceFees(), 43_200e6, "the owed share");
        assertEq(usdc.balanceOf(address(fund)), 43_200e6, "fund paid");
        assertEq(vault.insuranceOwed(), 0, "nothing owed");
        assertEq(vault.idle(), 100_000e6 - 43_200e6, "paid from idle");
        assertEq(vault.totalAssets(), 1_388_800e6, "suppliers unaffected");
        vm.expectRevert(IStableVault.NothingToCollect.selector);
        vault.collectInsuranceFees();
    }

    function test_RevertWhen_repaymentTooSmall() public {
        uint256 scaled = _lend(100e6);
        vm.warp(START + 30 days);
        uint256 owed = vault.totalBorrowed();
        usdc.mint(address(vault), owed);
        vm.prank(address(cm));
        vm.expectRevert(abi.encodeWithSelector(IStableVault.RepaymentTooSmall.selector, owed - 1, scaled));
        vault.settle(scaled, owed - 1, 0, 0);
        vm.prank(address(cm));
        vault.settle(scaled, owed + 1, 0, 0);
        assertEq(vault.totalScaledDebt(), 0, "repaid");
    }

    function test_RevertWhen_creditFunctionsNotByTheCreditManager() public {
        // Not a stranger, not governance, not the AccessManager's admin (this contract), not the other modules:
        // only the credit manager bound at deployment.
        address[4] memory outsiders = [stranger, governor, address(this), address(reserve)];
        for (uint256 i; i < outsiders.length; ++i) {
            address who = outsiders[i];
            vm.startPrank(who);
            vm.expectRevert(abi.encodeWithSelector(IStableVault.NotCreditManager.selector, who));
            vault.borrow(who, 1e6, who, 1e6);
            vm.expectRevert(abi.encodeWithSelector(IStableVault.NotCreditManager.selector, who));
            vault.repay(1, 1);
            vm.expectRevert(abi.encodeWithSelector(IStableVault.NotCreditManager.selector, who));
            vault.settle(0, 0, 0, 1);
            vm.stopPrank();
        }
        assertEq(vault.idle(), SUPPLY, "nothing moved");
        assertEq(vault.totalScaledDebt(), 0, "no debt");
        assertEq(usdc.balanceOf(stranger), 0, "nothing lent");
    }

    function test_RevertWhen_bindCreditManagerTwiceOrByAnOutsider() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vault.bindCreditManager(stranger);
        // The admin bound it at deployment; nobody can rebind it, the admin included.
        vm.expectRevert(abi.encodeWithSelector(IStableVault.CreditManagerAlreadyBound.selector, address(cm)));
        vault.bindCreditManager(stranger);
        assertEq(vault.creditManager(), address(cm), "still the credit manager");
    }

    function test_RevertWhen_unboundVaultLendsToAnyone() public {
        StableVault fresh = new StableVault(
            address(manager),
            IERC20(address(usdc)),
            IInsuranceFund(address(fund)),
            "fresh",
            "F",
            IStableVault.RateParams(200, 600, 8_000, 8_000, 1_000)
        );
        // Unbound, the credit functions match nobody (not even a caller passing the zero address check).
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IStableVault.NotCreditManager.selector, stranger));
        fresh.borrow(stranger, 1, stranger, 1);
        vm.expectRevert(abi.encodeWithSelector(IStableVault.NotCreditManager.selector, address(this)));
        fresh.repay(1, 1);
    }

    function test_RevertWhen_borrowBadInput() public {
        vm.startPrank(address(cm));
        vm.expectRevert(IStableVault.ZeroAmount.selector);
        vault.borrow(stranger, 0, stranger, 0);
        vm.expectRevert(IStableVault.ZeroAddress.selector);
        vault.borrow(address(0), 1, stranger, 1);
        vm.expectRevert(IStableVault.ZeroAddress.selector);
        vault.borrow(stranger, 1, address(0), 1);
        vm.expectRevert(abi.encodeWithSelector(IStableVault.InsufficientLiquidity.selector, SUPPLY + 1, SUPPLY));
        vault.borrow(stranger, SUPPLY, stranger, 1);
        vm.stopPrank();
    }

    function test_RevertWhen_parameterValueUnusable() public {
        manager.grantRole(Roles.PARAMETER_REGISTRY, address(this), 0);
        bytes32 kink = LendingKeys.OPTIMAL_UTILIZATION_BPS;
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, kink, 0));
        vault.setParameter(kink, 0);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, kink, 10_000));
        vault.setParameter(kink, 10_000);
        bytes32 share = LendingKeys.INSURANCE_INTEREST_SHARE_BPS;
        vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, share, 10_001));
        vault.setParameter(share, 10_001);
        uint256 tooBig = uint256(type(uint32).max) + 1;
        vm.expectRevert(
            abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, LendingKeys.SLOPE2_BPS, tooBig)
        );
        vault.setParameter(LendingKeys.SLOPE2_BPS, tooBig);
        assertEq(vault.parameter(kink), 8_000, "unchanged");
    }
}
