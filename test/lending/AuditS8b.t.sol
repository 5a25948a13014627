// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {ICreditManager} from "../../contracts/interfaces/ICreditManager.sol";
import {IEthReserve} from "../../contracts/interfaces/IEthReserve.sol";
import {IStableVault} from "../../contracts/interfaces/IStableVault.sol";
import {IUniswapV2Router} from "../../contracts/interfaces/external/IUniswapV2Router.sol";
import {CreditManager} from "../../contracts/lending/CreditManager.sol";
import {EthReserve} from "../../contracts/lending/EthReserve.sol";
import {InsuranceFund} from "../../contracts/lending/InsuranceFund.sol";
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

    /// @dev A vault on a fund of its own, the fund bound to it (as the deployment binds it first), a reserve, and
    /// the modules a credit manager built on them names.
    function _freshModules() internal returns (StableVault v, EthReserve r, ICreditManager.Modules memory m) {
        InsuranceFund f = new InsuranceFund(address(manager), IERC20(address(usdc)));
        v = new StableVault(address(manager), IERC20(address(usdc)), f, "V", "V", vault.rateParams());
        f.bindVault(address(v));
        r = new EthReserve(
            address(manager),
            IERC20(address(usdc)),
            IUniswapV2Router(address(router)),
            oracle,
            SLIPPAGE,
            ETH_RETURN
        );
        m = ICreditManager.Modules({
            collateral: address(qer),
            vault: address(v),
            reserve: address(r),
            oracle: address(oracle),
            insuranceFund: address(f)
        });
    }

    function _creditManager(ICreditManager.Modules memory m) internal returns (CreditManager) {
        return new CreditManager(address(manager), m, cm.riskParams(), PAUSE_DURATION, _lockerPerk());
    }

    /// @dev KNOWN ISSUE: the point-back check only reads `modules()`: any contract answering it with this vault and
    /// its fund passes, and then borrows the whole idle cash (1,000,000) without collateral. The check catches a
    /// wrong address, not an impostor deployed on purpose: the bind is admin-only, so this needs the admin to be
    /// misled (docs/lending.md, "Binding the modules").
    function test_knownIssue_impostorAnsweringModulesPassesTheVaultBind() public {
        (StableVault fresh, , ICreditManager.Modules memory m) = _freshModules();
        usdc.mint(supplier, SUPPLY);
        vm.startPrank(supplier);
        usdc.approve(address(fresh), SUPPLY);
        fresh.deposit(SUPPLY, supplier);
        vm.stopPrank();

        ModulesImpostor impostor = new ModulesImpostor(address(fresh), m.insuranceFund);
        fresh.bindCreditManager(address(impostor)); // the admin, misled: passes the checks
        assertEq(fresh.creditManager(), address(impostor), "bound for good");
        uint256 taken = impostor.drain();
        assertEq(taken, SUPPLY, "1,000,000 drawn");
        assertEq(usdc.balanceOf(address(impostor)), SUPPLY, "with no collateral");
    }

    /// @dev Before the fix (the exploit): the fee is the fund's cash, but `idle` (which counts it) was what
    /// `claimRedeem` and `borrow` paid out of: a supplier's exit took the 10 USDC fee as liquidity and the fund
    /// could not collect it until alice's 500 were repaid. Now both pay out at most `idle - insuranceOwed`: the
    /// credit manager may lend 999,510 - 10 = 999,500, a claim of the whole 999,510 is refused, and the fund
    /// collects its 10.
    function test_attack_liquidationFeePaysASuppliersExit_fundCannotCollect() public {
        _liquidateAlice();
        assertEq(vault.insuranceOwed(), 10e6, "fee owed to the fund");
        uint256 idle0 = vault.idle();
        assertEq(idle0, SUPPLY - 1_000e6 + 510e6, "999,510: includes the fund's 10");
        assertEq(vault.totalAssets(), SUPPLY, "suppliers' assets: 999,510 + 500 debt - 10 owed");

        // Lending: at most 999,500 (same block, nothing accrued).
        vm.prank(address(cm));
        vm.expectRevert(abi.encodeWithSelector(IStableVault.InsufficientLiquidity.selector, idle0, 999_500e6));
        vault.borrow(bob, idle0, bob, 0);

        // Exit: the supplier asks for shares worth the whole idle cash. 10^12 assets against 10^18 shares plus the
        // offset's 10^6 virtual shares and 1 virtual asset: 10^6 shares per unit exactly, so the quote is 999,510.
        uint256 shares = vault.convertToShares(idle0);
        assertEq(shares, idle0 * 1e6, "10^6 shares per unit");
        vm.prank(supplier);
        (uint256 quoted, ) = vault.requestRedeem(shares);
        assertEq(quoted, idle0, "quoted 999,510");
        vm.warp(block.timestamp + 1 hours);
        // In the hour alice's 500 accrue about 500 x 2.00375% / 8,760 = 0.001144 of interest, 10% of it owed to
        // the fund as well: a supplier may take just under 999,500.
        uint256 available = vault.idle() - vault.insuranceOwed();
        assertLt(available, 999_500e6, "under 999,500");
        assertGt(available, 999_500e6 - 1_000, "by about 0.000114");
        vm.prank(supplier);
        vm.expectRevert(abi.encodeWithSelector(IStableVault.InsufficientLiquidity.selector, idle0, available));
        vault.claimRedeem(supplier);
        assertEq(vault.idle(), idle0, "nothing paid");

        uint256 collected = vault.collectInsuranceFees();
        assertGe(collected, 10e6, "the fund draws its 10 (and the hour's share)");
        assertLt(collected, 10e6 + 1_000, "no more");
        assertEq(usdc.balanceOf(address(fund)), collected, "paid to the fund");
        assertEq(usdc.balanceOf(address(vault)), vault.idle(), "books match the balance");
    }

    /// @dev Before the fix (the exploit): the owed fee sat in `idle`, which the rate model read as supplied
    /// liquidity: booking it lowered utilisation and the borrow rate, and anyone's `collectInsuranceFees` raised it
    /// again. Now utilisation counts `idle - insuranceOwed`: 500 lent beside 999,500 that may be lent, 0.05%; the
    /// rate is 2% + 6% x 0.05% / 80% = 2.00375% (with the fee counted it was 500 / 1,000,010: lower), and
    /// collecting the fee does not move it.
    function test_attack_owedFeeLowersTheBorrowRate() public {
        _liquidateAlice();
        uint256 withFee = vault.borrowRate();
        assertEq(withFee, 0.0200375e18, "2.00375%");
        vault.collectInsuranceFees();
        assertEq(vault.borrowRate(), withFee, "the fund's cash never counted");
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

    /// @dev Before the fix (the exploit): a closing liquidation that writes debt off still charges the fee on the
    /// repayment, and `settle` booked it after the write-off: the suppliers took the whole 54,034.761712 loss while
    /// the same call booked 919.304766 for the fund. Now the fee is booked first and the write-off draws on it.
    /// Numbers: debt 100,000; the liquidator repays the collateral's worth at the bonus, 45,965.238288, and pays
    /// the fee, 2% of it rounded up: 919.30476576 -> 919.304766; 100,000 - 45,965.238288 = 54,034.761712 written
    /// off; the fee absorbs 919.304766 of it, the fund is empty, the suppliers lose 53,115.456946.
    function test_attack_feeBookedAfterWriteOff_suppliersBearTheLossTheFeeCouldAbsorb() public {
        address informed = makeAddr("informed");
        _supply(informed, SUPPLY);
        _addCollateral(alice, 100_000 ether);
        _borrow(alice, 100_000e6);
        _setQerPrice(0.05e8);
        assertEq(usdc.balanceOf(address(fund)), 0, "empty fund");
        _fund(liquidator, 50_000e6);
        vm.expectEmit(true, true, true, true, address(vault));
        emit IStableVault.DebtWrittenOff(54_034_761_712, 54_034_761_712, 919_304_766, 0, 53_115_456_946);
        vm.prank(liquidator);
        (uint256 repaid, , ) = cm.liquidate(alice, type(uint256).max);
        assertEq(repaid, 45_965_238_288, "the collateral's worth at the bonus");
        assertEq(usdc.balanceOf(liquidator), 50_000e6 - 45_965_238_288 - 919_304_766, "repayment and fee paid");
        assertEq(vault.badDebt(), 53_115_456_946, "suppliers bear the shortfall less the fee");
        assertEq(vault.insuranceOwed(), 0, "the fee went to the loss");
        vm.expectRevert(IStableVault.NothingToCollect.selector);
        vault.collectInsuranceFees();
    }

    /// @dev Before the fix (the exploit): each bind checked only its own side, so a vault and a reserve could be
    /// bound to two different (real) credit managers built on them, for good; the vault's credit manager could
    /// then never buy or release ETH in the reserve. Now the reserve binds only the credit manager its vault is
    /// bound to: not before the vault is bound, not another one after.
    function test_RevertWhen_vaultAndReserveBoundToDifferentManagers() public {
        (StableVault v, EthReserve r, ICreditManager.Modules memory m) = _freshModules();
        CreditManager a = _creditManager(m);
        CreditManager b = _creditManager(m);
        vm.expectRevert(abi.encodeWithSelector(IEthReserve.CreditManagerMismatch.selector, address(a)));
        r.bindCreditManager(address(a)); // the vault is not bound yet
        v.bindCreditManager(address(a));
        vm.expectRevert(abi.encodeWithSelector(IEthReserve.CreditManagerMismatch.selector, address(b)));
        r.bindCreditManager(address(b));
        assertEq(r.creditManager(), address(0), "nothing bound");

        r.bindCreditManager(address(a));
        assertEq(v.creditManager(), address(a), "vault -> A");
        assertEq(r.creditManager(), address(a), "reserve -> A");
    }

    /// @dev Before the fix (the exploit): nothing checked that the fund was bound to the vault, so a second vault
    /// on the preset's fund got a credit manager bound while `fund.cover` answered only the first vault
    /// (`NotVault`): any write-off on the second would revert and its insolvent positions could not be closed.
    /// Now the vault binds only once its fund is bound to it: not on a fund bound to another vault, not on a fund
    /// not bound yet.
    function test_RevertWhen_secondVaultOnABoundFund_bindsPassButCoverIsRefused() public {
        StableVault v = new StableVault(address(manager), IERC20(address(usdc)), fund, "V", "V", vault.rateParams());
        (, EthReserve r, ICreditManager.Modules memory m) = _freshModules();
        (m.vault, m.insuranceFund) = (address(v), address(fund));
        CreditManager c = _creditManager(m);
        assertEq(fund.vault(), address(vault), "the fund answers the first vault only");
        vm.expectRevert(abi.encodeWithSelector(IStableVault.InsuranceFundNotBound.selector, address(vault)));
        v.bindCreditManager(address(c));
        assertEq(v.creditManager(), address(0), "nothing bound");
        vm.expectRevert(abi.encodeWithSelector(IEthReserve.CreditManagerMismatch.selector, address(c)));
        r.bindCreditManager(address(c)); // nor the reserve: its vault is not bound to c

        // A fund not bound yet: refused too, until the fund is bound to the vault.
        InsuranceFund f = new InsuranceFund(address(manager), IERC20(address(usdc)));
        StableVault w = new StableVault(address(manager), IERC20(address(usdc)), f, "W", "W", vault.rateParams());
        (m.vault, m.insuranceFund) = (address(w), address(f));
        CreditManager d = _creditManager(m);
        vm.expectRevert(abi.encodeWithSelector(IStableVault.InsuranceFundNotBound.selector, address(0)));
        w.bindCreditManager(address(d));
        f.bindVault(address(w));
        w.bindCreditManager(address(d));
        assertEq(w.creditManager(), address(d), "bound once the fund points back");
    }
}
