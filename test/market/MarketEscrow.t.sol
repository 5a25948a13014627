// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IComplianceRegistry} from "../../contracts/interfaces/IComplianceRegistry.sol";
import {IGuardianPausable} from "../../contracts/interfaces/IGuardianPausable.sol";
import {IIncentivePools} from "../../contracts/interfaces/IIncentivePools.sol";
import {IInferenceMarket} from "../../contracts/interfaces/IInferenceMarket.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {MarketKeys} from "../../contracts/libraries/MarketKeys.sol";
import {InferenceMarket} from "../../contracts/market/InferenceMarket.sol";
import {MarketBase} from "./MarketBase.sol";

/// @notice The consumer's escrow: deposits, prepaid credits with their bonus, subscriptions, reserves per provider and
/// their release after the notice (the provider settles meanwhile), registered signers, withdrawals of unreserved
/// escrow (open while paused), and the market's parameters.
contract MarketEscrowTest is MarketBase {
    // ------------------------------------------------------------------ deposits

    function test_deposit_creditsTheBalance() public {
        _mint(alice, 1_000 ether);
        vm.startPrank(alice);
        token.approve(address(market), 1_000 ether);
        vm.expectEmit(true, false, false, true, address(market));
        emit IInferenceMarket.Deposited(alice, 1_000 ether);
        market.deposit(1_000 ether);
        vm.stopPrank();

        IInferenceMarket.AccountView memory a = market.accountOf(alice);
        assertEq(a.balance, 1_000 ether, "balance");
        assertEq(a.credits, 0, "no credits");
        (uint256 escrow, , ) = market.totals();
        assertEq(escrow, 1_000 ether, "escrow total");
        assertEq(token.balanceOf(address(market)), 1_000 ether, "tokens held");
        assertEq(token.balanceOf(alice), 0, "tokens pulled");
    }

    function test_RevertWhen_depositZero() public {
        vm.prank(alice);
        vm.expectRevert(IInferenceMarket.ZeroAmount.selector);
        market.deposit(0);
        assertEq(_balance(alice), 0, "nothing deposited");
    }

    function test_RevertWhen_depositWhilePaused() public {
        _mint(alice, 1_000 ether);
        vm.prank(guardian);
        market.pause();
        vm.startPrank(alice);
        token.approve(address(market), 1_000 ether);
        vm.expectRevert(abi.encodeWithSelector(IGuardianPausable.EnforcedPause.selector, T0 + 30 days));
        market.deposit(1_000 ether);
        vm.stopPrank();
        assertEq(_balance(alice), 0, "nothing deposited");
        assertEq(token.balanceOf(alice), 1_000 ether, "tokens kept");
    }

    // ------------------------------------------------------------------ prepaid credits

    function test_buyCredits_addsTheBonusFromItsPool() public {
        _fundPool(IIncentivePools.Pool.CreditBonus, 1_000 ether);
        _mint(alice, 1_000 ether);
        vm.startPrank(alice);
        token.approve(address(market), 1_000 ether);
        vm.expectEmit(true, false, false, true, address(market));
        emit IInferenceMarket.CreditsBought(alice, 1_000 ether, 100 ether);
        uint256 bonus = market.buyCredits(1_000 ether);
        vm.stopPrank();

        assertEq(bonus, 100 ether, "10% bonus");
        IInferenceMarket.AccountView memory a = market.accountOf(alice);
        assertEq(a.credits, 1_100 ether, "credits include the bonus");
        assertEq(a.balance, 0, "credits are not deposits");
        (uint256 escrow, , ) = market.totals();
        assertEq(escrow, 1_100 ether, "escrow total");
        assertEq(token.balanceOf(address(market)), 1_100 ether, "the bonus moved from the pool");
        assertEq(pools.poolInfo(IIncentivePools.Pool.CreditBonus).spent, 100 ether, "the pool paid it");
        assertEq(token.balanceOf(address(pools)), 900 ether, "pool balance");
    }

    function test_buyCredits_bonusNeverExceedsThePool() public {
        _fundPool(IIncentivePools.Pool.CreditBonus, 50 ether);
        assertEq(_buyCredits(alice, 1_000 ether), 50 ether, "capped by what remains");
        assertEq(_buyCredits(alice, 1_000 ether), 0, "a dry pool pays nothing");
        assertEq(market.accountOf(alice).credits, 2_050 ether, "credits");
        assertEq(pools.poolInfo(IIncentivePools.Pool.CreditBonus).spent, 50 ether, "spent == funded");
    }

    function test_RevertWhen_creditsWithdrawn() public {
        _buyCredits(alice, 1_000 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.AmountExceedsBalance.selector, 1, 0));
        market.withdraw(1);
        assertEq(market.accountOf(alice).credits, 1_000 ether, "credits stay");
    }

    function test_RevertWhen_buyCreditsZero() public {
        vm.prank(alice);
        vm.expectRevert(IInferenceMarket.ZeroAmount.selector);
        market.buyCredits(0);
    }

    // ------------------------------------------------------------------ subscriptions

    function test_subscribe_commitsTheEscrowForAPeriod() public {
        _deposit(alice, 1_000 ether);
        vm.expectEmit(true, false, false, true, address(market));
        emit IInferenceMarket.Subscribed(alice, T0 + 30 days);
        vm.prank(alice);
        uint256 until = market.subscribe();
        assertEq(until, T0 + 30 days, "one period");
        assertEq(market.accountOf(alice).subscribedUntil, T0 + 30 days, "stored");

        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.SubscriptionActive.selector, alice, T0 + 30 days));
        market.withdraw(1_000 ether);

        // Renewing before the end extends from the end.
        _skip(10 days);
        vm.prank(alice);
        assertEq(market.subscribe(), T0 + 60 days, "extended by a period");

        _skip(50 days);
        vm.prank(alice);
        market.withdraw(1_000 ether);
        assertEq(token.balanceOf(alice), 1_000 ether, "free again after the end");
    }

    function test_RevertWhen_subscribeBelowTheMinimum() public {
        _deposit(alice, 600 ether);
        _buyCredits(alice, 400 ether - 1);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IInferenceMarket.SubscriptionBelowMinimum.selector, 1_000 ether - 1, 1_000 ether)
        );
        market.subscribe();
        assertEq(market.accountOf(alice).subscribedUntil, 0, "not subscribed");
        _buyCredits(alice, 1);
        vm.prank(alice);
        market.subscribe();
        assertEq(market.accountOf(alice).subscribedUntil, T0 + 30 days, "deposits and credits count");
    }

    // ------------------------------------------------------------------ withdrawals

    function test_withdraw_unreservedDepositsAtOnce() public {
        _deposit(alice, 1_000 ether);
        vm.expectEmit(true, false, false, true, address(market));
        emit IInferenceMarket.Withdrawn(alice, 400 ether);
        vm.prank(alice);
        market.withdraw(400 ether);
        IInferenceMarket.AccountView memory a = market.accountOf(alice);
        assertEq(a.balance, 600 ether, "the rest stays");
        assertEq(token.balanceOf(alice), 400 ether, "tokens back");
        (uint256 escrow, , ) = market.totals();
        assertEq(escrow, 600 ether, "escrow total");
    }

    function test_withdraw_openWhilePaused() public {
        _deposit(alice, 1_000 ether);
        vm.prank(guardian);
        market.pause();
        assertTrue(market.paused(), "paused");
        vm.prank(alice);
        market.withdraw(1_000 ether);
        assertEq(token.balanceOf(alice), 1_000 ether, "unreserved escrow always comes back");
    }

    function test_RevertWhen_withdrawalExceedsTheBalance() public {
        _deposit(alice, 1_000 ether);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IInferenceMarket.AmountExceedsBalance.selector, 1_000 ether + 1, 1_000 ether)
        );
        market.withdraw(1_000 ether + 1);
        vm.prank(alice);
        vm.expectRevert(IInferenceMarket.ZeroAmount.selector);
        market.withdraw(0);
        assertEq(_balance(alice), 1_000 ether, "nothing withdrawn");
    }

    function test_withdraw_neverTakesAReserve() public {
        _deposit(alice, 1_000 ether);
        vm.prank(alice);
        market.reserve(bronze, 600 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.AmountExceedsBalance.selector, 401 ether, 400 ether));
        market.withdraw(401 ether);
        vm.prank(alice);
        market.withdraw(400 ether);
        assertEq(token.balanceOf(alice), 400 ether, "only the unreserved part");
        assertEq(market.reserveOf(alice, bronze).deposits, 600 ether, "the reserve stays");
    }

    // ------------------------------------------------------------------ reserves

    function test_reserve_takesCreditsFirstAndOpensOnce() public {
        _deposit(alice, 1_000 ether);
        _buyCredits(alice, 300 ether); // no bonus pool funded
        vm.expectEmit(true, true, false, true, address(market));
        emit IInferenceMarket.Reserved(alice, bronze, 200 ether, 300 ether);
        vm.prank(alice);
        market.reserve(bronze, 500 ether);
        vm.prank(alice);
        market.reserve(bronze, 100 ether);
        IInferenceMarket.ReserveView memory r = market.reserveOf(alice, bronze);
        assertEq(r.deposits, 300 ether, "200 + 100 of deposits");
        assertEq(r.credits, 300 ether, "every credit first");
        assertTrue(r.open, "open");
        assertEq(r.epoch, 0, "first epoch");
        IInferenceMarket.AccountView memory a = market.accountOf(alice);
        assertEq(a.balance, 700 ether, "unreserved deposits");
        assertEq(a.credits, 0, "unreserved credits");
        assertEq(a.openReserves, 1, "one open reserve");
        (uint256 escrow, , ) = market.totals();
        assertEq(escrow, 1_300 ether, "a reserve stays in the escrow total");
    }

    function test_RevertWhen_reserveBadInput() public {
        _deposit(alice, 1_000 ether);
        vm.startPrank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IInferenceMarket.AmountExceedsEscrow.selector, 1_000 ether + 1, 1_000 ether)
        );
        market.reserve(bronze, 1_000 ether + 1);
        vm.expectRevert(IInferenceMarket.ZeroAmount.selector);
        market.reserve(bronze, 0);
        vm.expectRevert(IInferenceMarket.ZeroAddress.selector);
        market.reserve(address(0), 1);
        vm.stopPrank();
        assertEq(market.reserveOf(alice, bronze).deposits, 0, "nothing reserved");
        assertEq(market.accountOf(alice).openReserves, 0, "none open");
    }

    function test_release_afterTheNoticeTheProviderSettlingMeanwhile() public {
        _deposit(alice, 1_000 ether);
        vm.prank(alice);
        market.reserve(bronze, 1_000 ether);
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 300 ether, 300_000);
        v.deadline = T0 + 10 days;
        bytes memory signature = _sign(aliceKey, v);
        vm.expectEmit(true, true, false, true, address(market));
        emit IInferenceMarket.ReleaseRequested(alice, bronze, T0 + NOTICE);
        vm.prank(alice);
        market.requestRelease(bronze);

        _skip(NOTICE - 1);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IInferenceMarket.ReleaseNotReady.selector, T0 + NOTICE, T0 + NOTICE - 1)
        );
        market.release(bronze);
        vm.prank(bronze);
        market.settle(v, signature);
        _skip(1);
        vm.expectEmit(true, true, false, true, address(market));
        emit IInferenceMarket.Released(alice, bronze, 700 ether, 0, 1);
        vm.prank(alice);
        (uint256 deposits, uint256 credits) = market.release(bronze);
        assertEq(deposits, 700 ether, "what is left of the reserve");
        assertEq(credits, 0, "no credits");
        assertEq(_unclaimed(bronze), 240 ether, "the provider was paid");
        assertEq(market.accountOf(alice).balance, 700 ether, "back to the unreserved balance");
        assertEq(market.accountOf(alice).openReserves, 0, "closed");
        IInferenceMarket.ReserveView memory r = market.reserveOf(alice, bronze);
        assertEq(r.epoch, 1, "the pair's next epoch");
        assertFalse(r.open, "closed");
        assertEq(r.releasableAt, 0, "no release pending");
    }

    function test_RevertWhen_releaseWithoutARequestOrReserve() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.ReserveNotOpen.selector, alice, bronze));
        market.requestRelease(bronze);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.NoReleasePending.selector, alice, bronze));
        market.release(bronze);
        _deposit(alice, 10 ether);
        vm.startPrank(alice);
        market.reserve(bronze, 10 ether);
        market.requestRelease(bronze);
        _skip(NOTICE - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IInferenceMarket.ReleaseNotReady.selector, T0 + NOTICE, T0 + NOTICE - 1)
        );
        market.release(bronze);
        // Asking again restarts the notice.
        market.requestRelease(bronze);
        assertEq(market.reserveOf(alice, bronze).releasableAt, T0 + 2 * NOTICE - 1, "restarted");
        vm.stopPrank();
        assertEq(market.reserveOf(alice, bronze).deposits, 10 ether, "still reserved");
    }

    // ------------------------------------------------------------------ signers

    function test_setSigner_lockedWhileAReserveIsOpen() public {
        address delegate = makeAddr("delegate");
        vm.expectEmit(true, false, false, true, address(market));
        emit IInferenceMarket.SignerSet(alice, delegate);
        vm.prank(alice);
        market.setSigner(delegate);
        assertEq(market.signerOf(alice), delegate, "registered");
        _deposit(alice, 10 ether);
        vm.prank(alice);
        market.reserve(bronze, 10 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.SignerLocked.selector, alice, 1));
        market.setSigner(address(0));
        assertEq(market.signerOf(alice), delegate, "unchanged");
        vm.startPrank(alice);
        market.requestRelease(bronze);
        _skip(NOTICE);
        market.release(bronze);
        market.setSigner(address(0));
        vm.stopPrank();
        assertEq(market.signerOf(alice), address(0), "rotated once nothing depends on it");
    }

    // ------------------------------------------------------------------ parameters and wiring

    function test_parameter_readsThePreset() public view {
        assertEq(market.parameter(MarketKeys.WITHDRAWAL_NOTICE), NOTICE, "notice");
        assertEq(market.parameter(MarketKeys.CHALLENGE_WINDOW), WINDOW, "window");
        assertEq(market.parameter(MarketKeys.SUBSCRIPTION_PERIOD), 30 days, "period");
        assertEq(market.parameter(MarketKeys.MIN_SUBSCRIPTION), 1_000 ether, "minimum");
        assertEq(market.parameter(keccak256("pause.duration")), 30 days, "pause");
    }

    function test_setParameter_noticeAppliesToNewRequests() public {
        vm.prank(registry);
        market.setParameter(MarketKeys.WITHDRAWAL_NOTICE, 1 days);
        _deposit(alice, 1 ether);
        vm.startPrank(alice);
        market.reserve(bronze, 1 ether);
        market.requestRelease(bronze);
        vm.stopPrank();
        assertEq(market.reserveOf(alice, bronze).releasableAt, T0 + 1 days, "one day");
    }

    function test_RevertWhen_setParameterBreaksARule() public {
        bytes32[4] memory keys = [
            MarketKeys.WITHDRAWAL_NOTICE,
            MarketKeys.CHALLENGE_WINDOW,
            MarketKeys.SUBSCRIPTION_PERIOD,
            MarketKeys.MIN_SUBSCRIPTION
        ];
        for (uint256 i; i < keys.length; ++i) {
            vm.prank(registry);
            vm.expectRevert(abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, keys[i], 0));
            market.setParameter(keys[i], 0);
        }
        vm.prank(registry);
        vm.expectRevert(
            abi.encodeWithSelector(
                IParameterized.InvalidParameterValue.selector,
                MarketKeys.WITHDRAWAL_NOTICE,
                uint256(type(uint32).max) + 1
            )
        );
        market.setParameter(MarketKeys.WITHDRAWAL_NOTICE, uint256(type(uint32).max) + 1);
        assertEq(market.parameter(MarketKeys.WITHDRAWAL_NOTICE), NOTICE, "unchanged");
        bytes32 unknown = keccak256("market.baseRate"); // the catalogue's key, not the market's
        vm.prank(registry);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, unknown));
        market.setParameter(unknown, 1);
    }

    function test_RevertWhen_setParameterNotFromRegistry() public {
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, governor));
        market.setParameter(MarketKeys.WITHDRAWAL_NOTICE, 1 days);
        assertEq(market.parameter(MarketKeys.WITHDRAWAL_NOTICE), NOTICE, "unchanged");
    }

    function test_RevertWhen_pausedByAnyoneButTheGuardian() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, alice));
        market.pause();
        assertFalse(market.paused(), "not paused");
    }

    function test_RevertWhen_constructedWithInvalidPresetOrZeroAddress() public {
        IInferenceMarket.Parameters memory p = _marketParameters();
        p.withdrawalNotice = 0;
        vm.expectRevert(IInferenceMarket.InvalidConfiguration.selector);
        new InferenceMarket(
            IERC20(address(token)),
            staking,
            catalog,
            router,
            pools,
            IComplianceRegistry(address(0)),
            address(manager),
            p
        );
        vm.expectRevert(IInferenceMarket.ZeroAddress.selector);
        new InferenceMarket(
            IERC20(address(token)),
            staking,
            catalog,
            router,
            IIncentivePools(address(0)),
            IComplianceRegistry(address(0)),
            address(manager),
            _marketParameters()
        );
    }

    function test_views_reportTheWiring() public view {
        assertEq(market.catalog(), address(catalog), "catalog");
        assertEq(market.feeRouter(), address(router), "router");
        assertEq(market.incentives(), address(pools), "pools");
        assertEq(market.staking(), address(staking), "staking");
        assertEq(market.token(), address(token), "token");
        assertEq(market.VOLUME_PERIOD(), 30 days, "a month is 30 days");
        assertEq(
            market.VOUCHER_TYPEHASH(),
            keccak256(
                "Voucher(address consumer,address provider,bool batch,bytes32 modelId,uint256 priorityBps,"
                "uint256 epoch,uint256 cumulativeAmount,uint256 cumulativeTokens,uint256 deadline)"
            ),
            "EIP-712 type"
        );
    }
}
