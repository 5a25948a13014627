// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {ICreditManager} from "../../contracts/interfaces/ICreditManager.sol";
import {IEthReserve} from "../../contracts/interfaces/IEthReserve.sol";
import {IInsuranceFund} from "../../contracts/interfaces/IInsuranceFund.sol";
import {IOracleRouter} from "../../contracts/interfaces/IOracleRouter.sol";
import {IStableVault} from "../../contracts/interfaces/IStableVault.sol";
import {IUniswapV2Router} from "../../contracts/interfaces/external/IUniswapV2Router.sol";
import {CreditManager} from "../../contracts/lending/CreditManager.sol";
import {EthReserve} from "../../contracts/lending/EthReserve.sol";
import {InsuranceFund} from "../../contracts/lending/InsuranceFund.sol";
import {StableVault} from "../../contracts/lending/StableVault.sol";
import {MockStablecoin} from "../../contracts/devnet/MockStablecoin.sol";
import {LendingBase} from "./LendingBase.sol";

/// @notice Any contract bound by mistake as a vault's credit manager: it draws the vault's idle cash for itself,
/// with no collateral and no debt anyone will repay.
contract IdleCashDrainer {
    /// @notice Borrows all of `vault`'s idle cash to this contract.
    function drain(IStableVault vault) external returns (uint256 taken) {
        taken = vault.idle();
        vault.borrow(address(this), taken, address(this), 0);
    }
}

/// @notice A contract that names a reserve in its `modules()`, and itself as the vault, lending `lent`.
contract FakeCreditManager {
    address internal immutable _RESERVE;
    address internal immutable _LENT;

    constructor(address reserve_, address lent) {
        (_RESERVE, _LENT) = (reserve_, lent);
    }

    /// @notice The modules a credit manager would name.
    function modules() external view returns (ICreditManager.Modules memory m) {
        (m.vault, m.reserve) = (address(this), _RESERVE);
    }

    /// @notice The stablecoin its "vault" lends.
    function asset() external view returns (address) {
        return _LENT;
    }

    /// @notice As its own "vault", it is bound to itself.
    function creditManager() external view returns (address) {
        return address(this);
    }
}

/// @notice Audit of the lending wiring (low): the binds between the credit manager, the vault, the reserve and the
/// fund accepted any non-zero address, for good. Each bind now checks that the counterpart points back.
contract AuditWiringTest is LendingBase {
    StableVault internal freshVault;
    InsuranceFund internal freshVaultFund;

    function setUp() public override {
        super.setUp();
        // A vault deployed like the preset's, on a fund of its own bound to it (as the deployment binds the fund
        // first), the vault not yet bound; a supplier puts 1,000,000 in it.
        freshVaultFund = new InsuranceFund(address(manager), IERC20(address(usdc)));
        freshVault = new StableVault(
            address(manager),
            IERC20(address(usdc)),
            freshVaultFund,
            "Fresh",
            "F",
            vault.rateParams()
        );
        freshVaultFund.bindVault(address(freshVault));
        usdc.mint(supplier, SUPPLY);
        vm.startPrank(supplier);
        usdc.approve(address(freshVault), SUPPLY);
        freshVault.deposit(SUPPLY, supplier);
        vm.stopPrank();
    }

    /// @dev Before the fix (the exploit): the admin bound the vault to the wrong address, a contract that is not the
    /// credit manager built on it; the bind went through and was permanent, and that contract borrowed all
    /// 1,000,000 of idle cash to itself with no collateral (`freshVault.creditManager()` was the drainer and its
    /// USDC balance 1,000,000). Now the bind asks the address for its `modules()`: the drainer has none, so the
    /// bind reverts, nothing is bound, and the drain is refused like any outsider's.
    function test_attack_wrongBind_drainsTheVaultsIdleCash() public {
        IdleCashDrainer drainer = new IdleCashDrainer();
        vm.expectRevert(abi.encodeWithSelector(IStableVault.CreditManagerMismatch.selector, address(drainer)));
        freshVault.bindCreditManager(address(drainer));
        assertEq(freshVault.creditManager(), address(0), "nothing bound");

        vm.expectRevert(abi.encodeWithSelector(IStableVault.NotCreditManager.selector, address(drainer)));
        drainer.drain(freshVault);
        assertEq(freshVault.idle(), SUPPLY, "the idle cash stays");
        assertEq(usdc.balanceOf(address(drainer)), 0, "nothing taken");
    }

    /// @dev Other wrong binds: an account without code, and the real credit manager of another vault (it names
    /// `vault`, not this one). The credit manager built on this vault and its fund binds.
    function test_RevertWhen_bindCreditManagerNotBuiltOnThisVault() public {
        address[2] memory wrong = [stranger, address(cm)];
        for (uint256 i; i < wrong.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(IStableVault.CreditManagerMismatch.selector, wrong[i]));
            freshVault.bindCreditManager(wrong[i]);
        }
        assertEq(freshVault.creditManager(), address(0), "nothing bound");

        CreditManager own = _creditManagerOn(address(freshVault), address(freshVaultFund));
        vm.expectEmit(false, false, false, true, address(freshVault));
        emit IStableVault.CreditManagerBound(address(own));
        freshVault.bindCreditManager(address(own));
        assertEq(freshVault.creditManager(), address(own), "bound");
    }

    /// @dev A credit manager deployed with another fund than the vault's would book fees for a fund the vault
    /// never draws on: its deployment reverts.
    function test_RevertWhen_creditManagerFundIsNotTheVaults() public {
        InsuranceFund other = new InsuranceFund(address(manager), IERC20(address(usdc)));
        ICreditManager.Modules memory m = cm.modules();
        m.insuranceFund = address(other);
        ICreditManager.LockerPerk memory perk = cm.lockerPerk();
        ICreditManager.RiskParams memory r = cm.riskParams();
        vm.expectRevert(
            abi.encodeWithSelector(ICreditManager.InsuranceFundMismatch.selector, address(other), address(fund))
        );
        new CreditManager(address(manager), m, r, PAUSE_DURATION, perk);
    }

    /// @dev The reserve binds only a credit manager naming it whose vault lends the reserve's stablecoin: not an
    /// account without code, not the real credit manager of another reserve, not a contract naming this reserve
    /// whose vault lends another stablecoin (every borrow would send the pair the wrong token).
    function test_RevertWhen_bindReserveToACreditManagerNotBuiltOnIt() public {
        EthReserve fresh = _freshReserve();
        MockStablecoin other = new MockStablecoin("Other (devnet)", "OTH");
        address[3] memory wrong = [
            stranger,
            address(cm),
            address(new FakeCreditManager(address(fresh), address(other)))
        ];
        for (uint256 i; i < wrong.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(IEthReserve.CreditManagerMismatch.selector, wrong[i]));
            fresh.bindCreditManager(wrong[i]);
        }
        assertEq(fresh.creditManager(), address(0), "nothing bound");

        FakeCreditManager right = new FakeCreditManager(address(fresh), address(usdc));
        fresh.bindCreditManager(address(right));
        assertEq(fresh.creditManager(), address(right), "bound");
    }

    /// @dev Before the fix a fund bound to the wrong address could never cover a write-off: `cover` answers the
    /// bound vault only, so the real vault's every closing liquidation with a shortfall beyond its owed share
    /// would revert `NotVault`. Now the fund binds only a vault whose `insuranceFund()` is the fund: not an account
    /// without code, not a vault drawing on another fund.
    function test_RevertWhen_bindFundToAVaultNotDrawingOnIt() public {
        InsuranceFund freshFund = new InsuranceFund(address(manager), IERC20(address(usdc)));
        address[3] memory wrong = [stranger, address(vault), address(freshVault)];
        for (uint256 i; i < wrong.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(IInsuranceFund.VaultMismatch.selector, wrong[i]));
            freshFund.bindVault(wrong[i]);
        }
        assertEq(freshFund.vault(), address(0), "nothing bound");

        StableVault own = new StableVault(
            address(manager),
            IERC20(address(usdc)),
            freshFund,
            "Own",
            "O",
            vault.rateParams()
        );
        vm.expectEmit(false, false, false, true, address(freshFund));
        emit IInsuranceFund.VaultBound(address(own));
        freshFund.bindVault(address(own));
        assertEq(freshFund.vault(), address(own), "bound");
    }

    function _creditManagerOn(address vault_, address fund_) internal returns (CreditManager) {
        ICreditManager.Modules memory m = cm.modules();
        (m.vault, m.insuranceFund) = (vault_, fund_);
        return new CreditManager(address(manager), m, cm.riskParams(), PAUSE_DURATION, cm.lockerPerk());
    }

    function _freshReserve() internal returns (EthReserve) {
        return
            new EthReserve(
                address(manager),
                IERC20(address(usdc)),
                IUniswapV2Router(address(router)),
                IOracleRouter(address(oracle)),
                SLIPPAGE,
                ETH_RETURN
            );
    }
}
