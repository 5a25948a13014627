// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ICreditManager} from "../../contracts/interfaces/ICreditManager.sol";
import {IEthReserve} from "../../contracts/interfaces/IEthReserve.sol";
import {IStableVault} from "../../contracts/interfaces/IStableVault.sol";
import {LendingInvariantTest} from "../lending/Lending.invariant.t.sol";
import {ReentryHandler} from "./handlers/ReentryHandler.sol";
import {HookedStablecoin} from "./mocks/HookedStablecoin.sol";
import {HostileAccount} from "./mocks/HostileAccount.sol";

/// @notice The lending campaign (test/lending/Lending.invariant.t.sol: every invariant and the handler, unchanged)
/// with hostile borrowers and suppliers. Each actor's code is a HostileAccount: its ETH receive hook (the position's
/// ETH coming back on full repayment) and the stablecoin's holder hooks (the stablecoin here is hooked, like an
/// ERC-777 token: before the actor's balance moves and after, for transfers with the vault) re-enter the module with
/// a call a second handler armed: borrow, repay, withdraw collateral, liquidate, claim ETH, deposit into the vault,
/// collect insurance fees, accrue interest.
/// What must hold, besides the lending invariants and the handler's strict expectations on every outer call:
/// - ETH only reaches an actor from `EthReserve.release`, inside `CreditManager.repay`: every re-entry from that hook
///   into the credit manager or the reserve is refused by their reentrancy guard.
/// - No re-entry fails with an error other than the guard's or one its function documents (no panic, no broken
///   books met mid-call).
contract LendingReentrancyInvariantTest is LendingInvariantTest {
    ReentryHandler internal reentry;

    function setUp() public override {
        super.setUp();
        reentry = new ReentryHandler();
        // The stablecoin, hooked, at the same address (same storage layout: balances and allowances stay).
        vm.etch(address(usdc), address(new HookedStablecoin()).code);
        address[] memory watched = new address[](1);
        watched[0] = address(vault);
        for (uint256 i; i < handler.actorCount(); ++i) {
            address actor = handler.actors(i);
            vm.etch(actor, address(reentry.template()).code);
            HookedStablecoin(address(usdc)).setHooked(actor, true);
            reentry.addParty(actor, watched);
            // A float of its own, so a re-entry that pays never starves the outer call of the exact amount it moves.
            usdc.mint(actor, 1_000_000e6);
        }
        address victim = handler.actors(0);
        bytes4[] memory none = new bytes4[](0);
        reentry.addEntry(
            "borrow",
            address(cm),
            abi.encodeCall(ICreditManager.borrow, (MIN_BORROW, 0, type(uint256).max)),
            _errors(
                ICreditManager.BorrowLimitExceeded.selector,
                ICreditManager.DebtCeilingExceeded.selector,
                IStableVault.InsufficientLiquidity.selector,
                IEthReserve.SlippageExceeded.selector
            )
        );
        reentry.addEntry(
            "repay",
            address(cm),
            abi.encodeCall(ICreditManager.repay, (victim, 1)),
            _errors(ICreditManager.NoDebt.selector)
        );
        reentry.addEntry(
            "withdrawCollateral",
            address(cm),
            abi.encodeCall(ICreditManager.withdrawCollateral, (1, victim)),
            _errors(ICreditManager.InsufficientCollateral.selector, ICreditManager.BorrowLimitExceeded.selector)
        );
        reentry.addEntry(
            "liquidate",
            address(cm),
            abi.encodeCall(ICreditManager.liquidate, (victim, 1)),
            // A position that must close refuses a repayment below its closing amount (1 here).
            _errors(
                ICreditManager.NoDebt.selector,
                ICreditManager.PositionHealthy.selector,
                ICreditManager.RepayBelowClosingAmount.selector
            )
        );
        reentry.addEntry(
            "claimEth",
            address(reserve),
            abi.encodeCall(IEthReserve.claim, (payable(victim))),
            _errors(IEthReserve.NothingToClaim.selector)
        );
        reentry.addEntry(
            "vaultDeposit",
            address(vault),
            abi.encodeWithSignature("deposit(uint256,address)", 1, victim),
            none
        );
        reentry.addEntry(
            "collectInsuranceFees",
            address(vault),
            abi.encodeCall(IStableVault.collectInsuranceFees, ()),
            _errors(IStableVault.NothingToCollect.selector)
        );
        reentry.addEntry("accrueInterest", address(vault), abi.encodeCall(IStableVault.accrueInterest, ()), none);
        bytes4[] memory selectors = new bytes4[](2);
        selectors[0] = ReentryHandler.arm.selector;
        selectors[1] = ReentryHandler.armAll.selector;
        targetSelector(address(reentry), selectors);
        targetContract(address(reentry));
    }

    function _errors(bytes4 a) internal pure returns (bytes4[] memory e) {
        e = new bytes4[](1);
        e[0] = a;
    }

    function _errors(bytes4 a, bytes4 b) internal pure returns (bytes4[] memory e) {
        e = new bytes4[](2);
        (e[0], e[1]) = (a, b);
    }

    function _errors(bytes4 a, bytes4 b, bytes4 c) internal pure returns (bytes4[] memory e) {
        e = new bytes4[](3);
        (e[0], e[1], e[2]) = (a, b, c);
    }

    function _errors(bytes4 a, bytes4 b, bytes4 c, bytes4 d) internal pure returns (bytes4[] memory e) {
        e = new bytes4[](4);
        (e[0], e[1], e[2], e[3]) = (a, b, c, d);
    }

    // ------------------------------------------------------------------ invariants

    function invariant_ethHookReentryIntoTheManagerOrReserveIsRefused() public view {
        (uint256 fired, uint256 refused, uint256 passed) = reentry.total(HostileAccount.Hook.Eth, address(cm));
        assertEq(refused, fired, "credit manager re-entered from the ETH hook");
        assertEq(passed, 0, "a credit manager re-entry went through mid-repayment");
        (fired, refused, passed) = reentry.total(HostileAccount.Hook.Eth, address(reserve));
        assertEq(refused, fired, "reserve re-entered from the ETH hook");
        assertEq(passed, 0, "a reserve re-entry went through mid-release");
    }

    function invariant_noReentryFailsUnexpectedly() public view {
        assertEq(reentry.unexpected(), 0, "a re-entry failed with an undocumented error");
    }

    // ------------------------------------------------------------------ the hooks are exercised

    /// @dev Deterministic: a full repayment hands the position's ETH to the hostile borrower, whose receive hook
    /// re-enters `borrow`; the guard refuses it, the repayment completes, the ETH is paid.
    function test_fullRepay_ethHookReentryRefusedAndRepaymentCompletes() public {
        address borrower = handler.actors(1);
        handler.borrow(1, 2_000 ether, 1_000e6);
        assertGt(cm.position(borrower).reserveEth, 0, "the position holds ETH");
        reentry.arm(1, 0, uint256(HostileAccount.Hook.Eth)); // actors(1), "borrow", at the ETH hook
        uint256 ethBefore = borrower.balance;
        uint256 positionEth = cm.position(borrower).reserveEth;
        handler.repay(1, 0, true);
        (uint256 fired, uint256 refused, ) = reentry.total(HostileAccount.Hook.Eth, address(cm));
        assertEq(fired, 1, "the ETH hook ran the re-entry");
        assertEq(refused, 1, "and the guard refused it");
        assertEq(cm.position(borrower).scaledDebt, 0, "the loan is repaid");
        assertEq(borrower.balance - ethBefore, positionEth, "the position's ETH reached the borrower");
    }

    /// @dev Deterministic: a draw pays the stablecoin half to the hostile borrower, whose `tokensReceived` hook
    /// re-enters `repay`; the guard refuses it and the draw completes.
    function test_borrow_tokenHookReentryRefusedAndDrawCompletes() public {
        address borrower = handler.actors(2);
        reentry.arm(2, 1, uint256(HostileAccount.Hook.None)); // actors(2), "repay", at the first hook
        handler.borrow(2, 2_000 ether, 1_000e6);
        (uint256 fired, uint256 refused, ) = reentry.total(HostileAccount.Hook.TokensReceived, address(cm));
        assertEq(fired, 1, "the token hook ran the re-entry");
        assertEq(refused, 1, "and the guard refused it");
        assertGt(cm.position(borrower).scaledDebt, 0, "the draw went through");
    }
}
