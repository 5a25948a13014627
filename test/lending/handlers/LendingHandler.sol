// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ICreditManager} from "../../../contracts/interfaces/ICreditManager.sol";
import {IEthReserve} from "../../../contracts/interfaces/IEthReserve.sol";
import {IStableVault} from "../../../contracts/interfaces/IStableVault.sol";
import {CreditManager} from "../../../contracts/lending/CreditManager.sol";
import {EthReserve} from "../../../contracts/lending/EthReserve.sol";
import {InsuranceFund} from "../../../contracts/lending/InsuranceFund.sol";
import {OracleRouter} from "../../../contracts/lending/OracleRouter.sol";
import {StableVault} from "../../../contracts/lending/StableVault.sol";
import {MockAggregatorV3} from "../../../contracts/devnet/MockAggregatorV3.sol";
import {MockStablecoin} from "../../../contracts/devnet/MockStablecoin.sol";
import {ProtocolToken} from "../../../contracts/token/ProtocolToken.sol";
import {Test} from "../../utils/Test.sol";

/// @notice Drives the lending module through random supplies, withdrawals, collateral moves, draws (with real
/// swaps), repayments, liquidations, price moves and time. It holds the QER minter role and owns the feeds.
/// Ghosts: the bad debt the insurance waterfall should leave, and any liquidation of a healthy position.
contract LendingHandler is Test {
    struct System {
        ProtocolToken qer;
        MockStablecoin usdc;
        MockAggregatorV3 qerFeed;
        MockAggregatorV3 ethFeed;
        OracleRouter oracle;
        StableVault vault;
        EthReserve reserve;
        InsuranceFund fund;
        CreditManager cm;
        address feedOwner;
        address supplier;
    }

    uint256 private constant BPS = 10_000;

    ProtocolToken public immutable qer;
    MockStablecoin public immutable usdc;
    MockAggregatorV3 public immutable qerFeed;
    MockAggregatorV3 public immutable ethFeed;
    OracleRouter public immutable oracle;
    StableVault public immutable vault;
    EthReserve public immutable reserve;
    InsuranceFund public immutable fund;
    CreditManager public immutable cm;
    /// @dev The devnet feeds accept answers from their deployer only (the test contract).
    address public immutable feedOwner;
    /// @dev The setup's first supplier (not an actor): its shares count in the pro-rata check.
    address public immutable supplier;

    address[] public actors;

    uint256 public ghostBadDebt;
    uint256 public ghostWriteOffs;
    uint256 public ghostHealthyLiquidations;
    uint256 public ghostUnhealthyRefusals;
    uint256 public liquidations;
    uint256 public borrows;
    uint256 public fullRepays;
    uint256 public exitsClaimed;
    uint256 public writeOffsWithLoss;
    uint256 public ghostExitsAboveShareValue;
    uint256 public ghostUnevenLosses;

    constructor(System memory s, address[] memory actors_) {
        qer = s.qer;
        usdc = s.usdc;
        qerFeed = s.qerFeed;
        ethFeed = s.ethFeed;
        oracle = s.oracle;
        vault = s.vault;
        reserve = s.reserve;
        fund = s.fund;
        cm = s.cm;
        feedOwner = s.feedOwner;
        supplier = s.supplier;
        actors = actors_;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function _actor(uint256 seed) private view returns (address) {
        return actors[seed % actors.length];
    }

    /// @dev The first actor with debt from `seed` on (a loop over the 4 actors), or zero.
    function _indebted(uint256 seed) private view returns (address) {
        uint256 start = seed % actors.length;
        for (uint256 i; i < actors.length; ++i) {
            address a = actors[(start + i) % actors.length];
            if (cm.position(a).scaledDebt != 0) return a;
        }
        return address(0);
    }

    // ------------------------------------------------------------------ suppliers

    function supply(uint256 actorSeed, uint256 amount) external {
        address who = _actor(actorSeed);
        amount = bound(amount, 1e6, 200_000e6);
        usdc.mint(who, amount);
        vm.startPrank(who);
        usdc.approve(address(vault), amount);
        vault.deposit(amount, who);
        vm.stopPrank();
    }

    /// @dev A supplier asks to leave with part of its shares (they stay in supply, escrowed in the vault).
    function requestExit(uint256 actorSeed, uint256 shares) external {
        address who = _actor(actorSeed);
        uint256 held = vault.balanceOf(who);
        if (held == 0) return;
        shares = bound(shares, 1, held);
        vm.prank(who);
        vault.requestRedeem(shares);
    }

    /// @dev Claims a pending exit, waiting out the delay if needed. The claim never pays more than the escrowed
    /// shares are worth at the claim: a loss recognised meanwhile is borne like by every other share.
    function claimExit(uint256 actorSeed) public {
        address who = _actor(actorSeed);
        IStableVault.ExitRequest memory e = vault.exitRequest(who);
        if (e.shares == 0) return;
        if (block.timestamp < e.claimableAt) _warpTo(e.claimableAt);
        uint256 worth = vault.previewRedeem(e.shares);
        vm.prank(who);
        try vault.claimRedeem(who) returns (uint256 assets) {
            exitsClaimed++;
            if (assets > worth || assets > e.assets) ghostExitsAboveShareValue++;
        } catch (bytes memory reason) {
            assertEq(bytes4(reason), IStableVault.InsufficientLiquidity.selector, "claimExit: unexpected error");
        }
    }

    /// @dev The informed supplier's race: it asks to leave with all its shares, then liquidates an insolvent
    /// position (the write-off lands while its shares are escrowed), then claims after the delay.
    function exitThenLiquidate(uint256 actorSeed, uint256 positionSeed) external {
        address who = _actor(actorSeed);
        uint256 held = vault.balanceOf(who);
        if (held != 0) {
            vm.prank(who);
            vault.requestRedeem(held);
        }
        liquidate(positionSeed, type(uint256).max);
        claimExit(actorSeed);
    }

    // ------------------------------------------------------------------ positions

    function addCollateral(uint256 actorSeed, uint256 amount) external {
        address who = _actor(actorSeed);
        amount = bound(amount, 1 ether, 5_000 ether);
        qer.mint(who, amount);
        vm.startPrank(who);
        qer.approve(address(cm), amount);
        cm.addCollateral(who, amount);
        vm.stopPrank();
    }

    function withdrawCollateral(uint256 actorSeed, uint256 amount) external {
        address who = _actor(actorSeed);
        uint256 held = cm.position(who).collateral;
        if (held == 0) return;
        amount = bound(amount, 1, held);
        vm.prank(who);
        try cm.withdrawCollateral(amount, who) {} catch (bytes memory reason) {
            assertEq(
                bytes4(reason),
                ICreditManager.BorrowLimitExceeded.selector,
                "withdrawCollateral: unexpected error"
            );
        }
    }

    /// @dev Tops the position up with `collateral` QER (possibly zero) first, so draws happen often.
    function borrow(uint256 actorSeed, uint256 collateral, uint256 amount) external {
        address who = _actor(actorSeed);
        collateral = bound(collateral, 0, 2_000 ether);
        if (collateral != 0) {
            qer.mint(who, collateral);
            vm.startPrank(who);
            qer.approve(address(cm), collateral);
            cm.addCollateral(who, collateral);
            vm.stopPrank();
        }
        uint256 minBorrow = cm.riskParams().minBorrow;
        uint256 maxDebt = cm.maxDebtOf(who);
        uint256 debt = cm.debtOf(who);
        if (maxDebt < debt + minBorrow) return;
        // At most 2,000 per draw, so a run's swaps cannot push the pool past the slippage limit on their own.
        uint256 room = maxDebt - debt;
        amount = bound(amount, minBorrow, room < 2_000e6 ? room : 2_000e6);
        vm.prank(who);
        try cm.borrow(amount, 0, block.timestamp) {
            borrows++;
        } catch (bytes memory reason) {
            bytes4 s = bytes4(reason);
            // Never the borrowing limit: a draw up to `maxDebtOf - debtOf` always fits. The vault may be short
            // of cash, the ceiling reached, or the pool moved past the slippage limit by earlier draws.
            assertTrue(
                s == ICreditManager.DebtCeilingExceeded.selector ||
                    s == IStableVault.InsufficientLiquidity.selector ||
                    s == IEthReserve.SlippageExceeded.selector,
                "borrow: unexpected error"
            );
        }
    }

    function repay(uint256 actorSeed, uint256 amount, bool full) external {
        address who = _indebted(actorSeed);
        if (who == address(0)) return;
        uint256 debt = cm.debtOf(who);
        amount = full ? type(uint256).max : bound(amount, 1, debt);
        usdc.mint(who, debt);
        vm.startPrank(who);
        usdc.approve(address(cm), debt);
        cm.repay(who, amount);
        vm.stopPrank();
        if (full) fullRepays++;
    }

    /// @dev The liquidator is the handler itself. Health is computed here, from the prices and the rule, and
    /// must match the contract's decision both ways.
    function liquidate(uint256 actorSeed, uint256 maxRepay) public {
        address who = _indebted(actorSeed);
        if (who == address(0)) return;
        uint256 debt = cm.debtOf(who);
        maxRepay = bound(maxRepay, 1, type(uint256).max);
        bool healthy = debt <= _liquidationLimit(who);
        uint256[] memory sharesOf = new uint256[](actors.length + 1);
        uint256[] memory worthBefore = new uint256[](actors.length + 1);
        uint256 supplyBefore = vault.totalSupply();
        uint256 assetsBefore = vault.totalAssets();
        for (uint256 i; i <= actors.length; ++i) {
            address a = i == actors.length ? supplier : actors[i];
            sharesOf[i] = vault.balanceOf(a) + vault.exitRequest(a).shares;
            worthBefore[i] = vault.convertToAssets(sharesOf[i]);
        }

        uint256 fundBefore = usdc.balanceOf(address(fund));
        uint256 badBefore = vault.badDebt();
        usdc.mint(address(this), 2 * debt);
        usdc.approve(address(cm), 2 * debt);
        // What the fund is owed plus this liquidator's cash: what it pays beyond the repayment is the fee.
        uint256 owedAndCash = vault.insuranceOwed() + usdc.balanceOf(address(this));
        try cm.liquidate(who, maxRepay) returns (uint256 repaid, uint256, uint256) {
            liquidations++;
            if (healthy) ghostHealthyLiquidations++;
            if (cm.position(who).scaledDebt == 0 && repaid < debt) {
                // Closed with collateral exhausted: the rest of the debt runs down the insurance waterfall. The
                // liquidation's own fee (what this liquidator paid beyond the repayment) is owed to the fund before
                // the write-off, so it absorbs the loss first with the rest of what the fund is owed.
                uint256 owed = owedAndCash - usdc.balanceOf(address(this)) - repaid;
                uint256 rest = debt - repaid;
                uint256 fromOwed = owed < rest ? owed : rest;
                uint256 fromFund = fundBefore < rest - fromOwed ? fundBefore : rest - fromOwed;
                uint256 loss = rest - fromOwed - fromFund;
                ghostBadDebt += loss;
                ghostWriteOffs++;
                // The written-off debt may exceed `debt - repaid` by a rounding wei (scaled debt, rounded up).
                assertApproxEqAbs(vault.badDebt() - badBefore, loss, 1, "liquidate: waterfall");
                if (loss > 1) {
                    writeOffsWithLoss++;
                    _checkProRata(sharesOf, worthBefore, supplyBefore, assetsBefore);
                }
            }
        } catch (bytes memory reason) {
            bytes4 sel = bytes4(reason);
            // An insolvent position is closed whole: a smaller `maxRepay` is refused.
            assertTrue(
                sel == ICreditManager.PositionHealthy.selector ||
                    sel == ICreditManager.RepayBelowClosingAmount.selector,
                "liquidate: unexpected error"
            );
            if (!healthy && sel == ICreditManager.PositionHealthy.selector) ghostUnhealthyRefusals++;
        }
    }

    // ------------------------------------------------------------------ world

    function moveQerPrice(uint256 price) external {
        price = bound(price, 0.05e8, 4e8);
        vm.prank(feedOwner);
        qerFeed.setAnswer(int256(price));
    }

    function pokeGuard() external {
        oracle.collateralGuardedPrice();
    }

    function warp(uint256 secondsAhead) external {
        vm.warp(block.timestamp + bound(secondsAhead, 1, 3 days));
        (, int256 q, , , ) = qerFeed.latestRoundData();
        (, int256 e, , , ) = ethFeed.latestRoundData();
        vm.startPrank(feedOwner);
        qerFeed.setAnswer(q);
        ethFeed.setAnswer(e);
        vm.stopPrank();
    }

    function fundInsurance(uint256 amount) external {
        usdc.mint(address(fund), bound(amount, 1e6, 50_000e6));
    }

    function collectInsuranceFees() external {
        try vault.collectInsuranceFees() {} catch (bytes memory reason) {
            assertEq(bytes4(reason), IStableVault.NothingToCollect.selector, "collect: unexpected error");
        }
    }

    // ------------------------------------------------------------------ model

    /// @dev Every supplier (escrowed exit shares included) loses the same fraction of its shares' worth as the
    /// vault's total, within two units of rounding.
    function _checkProRata(
        uint256[] memory sharesOf,
        uint256[] memory worthBefore,
        uint256 supplyBefore,
        uint256 assetsBefore
    ) private {
        uint256 totalDrop = assetsBefore - vault.totalAssets();
        for (uint256 i; i < sharesOf.length; ++i) {
            if (sharesOf[i] == 0) continue;
            uint256 drop = worthBefore[i] - vault.convertToAssets(sharesOf[i]);
            uint256 fair = (totalDrop * sharesOf[i]) / supplyBefore;
            if (drop + 2 < fair || drop > fair + 2) ghostUnevenLosses++;
        }
    }

    function _warpTo(uint256 timestamp) private {
        vm.warp(timestamp);
        (, int256 q, , , ) = qerFeed.latestRoundData();
        (, int256 e, , , ) = ethFeed.latestRoundData();
        vm.startPrank(feedOwner);
        qerFeed.setAnswer(q);
        ethFeed.setAnswer(e);
        vm.stopPrank();
    }

    /// @dev 65% of QER (spot) + the position's ETH, both at oracle prices, in USDC units, rounded down.
    function _liquidationLimit(address who) private view returns (uint256) {
        ICreditManager.Position memory p = cm.position(who);
        uint256 value =
            (p.collateral * oracle.collateralPrice()) / 1e30 + (uint256(p.reserveEth) * oracle.ethPrice()) / 1e30;
        return (value * cm.riskParams().liquidationThresholdBps) / BPS;
    }
}
