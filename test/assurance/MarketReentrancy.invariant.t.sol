// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGuardianPausable} from "../../contracts/interfaces/IGuardianPausable.sol";
import {IInferenceMarket} from "../../contracts/interfaces/IInferenceMarket.sol";
import {MarketInvariantTest} from "../market/Market.invariant.t.sol";
import {ReentryHandler} from "./handlers/ReentryHandler.sol";
import {HookedProtocolToken} from "./mocks/HookedProtocolToken.sol";
import {HostileAccount} from "./mocks/HostileAccount.sol";

/// @notice The market campaign (test/market/Market.invariant.t.sol: every invariant and the handler, unchanged) as if
/// the token handed control to its holders. The real token has no hooks; here a copy with ERC-777-style holder hooks
/// replaces its code, and every consumer, provider and fee recipient is a HostileAccount whose hooks, on a transfer
/// with the market (a deposit or credit purchase pulling from it, a withdrawal, an earnings claim or a fee
/// distribution paying it), re-enter the market with a call a second handler armed: deposit, buy credits, withdraw,
/// claim earnings, distribute fees, settle.
/// What must hold, besides the market invariants and the handler's strict expectations on every outer call: every
/// re-entry is refused (the market is always mid-call when a hook runs, and each of these functions is
/// `nonReentrant`), by the guard or, while the market is paused, by the pause, which is checked first.
contract MarketReentrancyInvariantTest is MarketInvariantTest {
    ReentryHandler internal reentry;

    function setUp() public override {
        super.setUp();
        reentry = new ReentryHandler();
        // The token, hooked, at the same address: its storage (balances, votes, nonces) stays, its immutables match.
        vm.etch(address(token), address(new HookedProtocolToken("QUIVer", "QUIV", CAP, address(manager))).code);
        address[] memory watched = new address[](1);
        watched[0] = address(market);
        for (uint256 i; i < handler.consumerCount(); ++i) _hostile(handler.consumers(i), watched);
        for (uint256 i; i < handler.providerCount(); ++i) _hostile(handler.providers(i), watched);
        _hostile(validators, watched);
        _hostile(infrastructure, watched);
        _hostile(treasury, watched);

        bytes4[] memory none = new bytes4[](0);
        bytes4[] memory paused = new bytes4[](1);
        paused[0] = IGuardianPausable.EnforcedPause.selector;
        reentry.addEntry("deposit", address(market), abi.encodeCall(IInferenceMarket.deposit, (1)), paused);
        reentry.addEntry("buyCredits", address(market), abi.encodeCall(IInferenceMarket.buyCredits, (1)), paused);
        reentry.addEntry("withdraw", address(market), abi.encodeCall(IInferenceMarket.withdraw, (1)), none);
        reentry.addEntry("claimEarnings", address(market), abi.encodeCall(IInferenceMarket.claimEarnings, ()), none);
        reentry.addEntry("distributeFees", address(market), abi.encodeCall(IInferenceMarket.distributeFees, ()), none);
        IInferenceMarket.Voucher memory blank;
        reentry.addEntry("settle", address(market), abi.encodeCall(IInferenceMarket.settle, (blank, "")), paused);

        bytes4[] memory selectors = new bytes4[](2);
        selectors[0] = ReentryHandler.arm.selector;
        selectors[1] = ReentryHandler.armAll.selector;
        targetSelector(address(reentry), selectors);
        targetContract(address(reentry));
    }

    /// @dev Gives `account` the hostile code (an EOA keeps its key, so consumers still sign vouchers) and the hooks.
    function _hostile(address account, address[] memory watched) internal {
        vm.etch(account, address(reentry.template()).code);
        HookedProtocolToken(address(token)).setHooked(account, true);
        reentry.addParty(account, watched);
    }

    // ------------------------------------------------------------------ invariants

    function invariant_everyReentryIntoTheMarketIsRefused() public view {
        HostileAccount.Hook[2] memory hooks = [HostileAccount.Hook.TokensToSend, HostileAccount.Hook.TokensReceived];
        for (uint256 i; i < hooks.length; ++i) {
            (, , uint256 passed) = reentry.total(hooks[i], address(market));
            assertEq(passed, 0, "a re-entry into the market went through");
        }
        assertEq(reentry.unexpected(), 0, "a re-entry failed otherwise than by the guard or the pause");
    }

    // ------------------------------------------------------------------ the hooks are exercised

    /// @dev Deterministic: a withdrawal pays the hostile consumer, whose `tokensReceived` hook re-enters `withdraw`;
    /// the guard refuses it and the withdrawal completes, once.
    function test_withdraw_tokenHookReentryRefusedAndWithdrawalCompletes() public {
        address consumer = handler.consumers(0);
        reentry.arm(0, 2, uint256(HostileAccount.Hook.TokensReceived)); // consumers(0), "withdraw"
        uint256 before = token.balanceOf(consumer);
        handler.withdraw(0, 1_000 ether);
        (uint256 fired, uint256 refused, uint256 passed) = reentry.total(
            HostileAccount.Hook.TokensReceived,
            address(market)
        );
        assertEq(fired, 1, "the hook ran one re-entry");
        assertEq(refused, 1, "refused by the guard");
        assertEq(passed, 0, "none went through");
        assertEq(token.balanceOf(consumer) - before, 1_000 ether, "paid once");
    }

    /// @dev Deterministic: a deposit pulls from the hostile consumer, whose `tokensToSend` hook (before its balance
    /// moves) re-enters `deposit`; the guard refuses it and the deposit is credited once.
    function test_deposit_tokenHookReentryRefusedAndCreditedOnce() public {
        address consumer = handler.consumers(1);
        uint256 balance = market.accountOf(consumer).balance;
        reentry.arm(1, 0, uint256(HostileAccount.Hook.TokensToSend)); // consumers(1), "deposit"
        handler.deposit(1, 500 ether);
        (uint256 fired, uint256 refused, ) = reentry.total(HostileAccount.Hook.TokensToSend, address(market));
        assertEq(fired, 1, "the hook ran one re-entry");
        assertEq(refused, 1, "refused by the guard");
        assertEq(market.accountOf(consumer).balance - balance, 500 ether, "credited once");
    }
}
