// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Roles} from "../../contracts/common/Roles.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";
import {LendingBase} from "./LendingBase.sol";
import {LendingHandler} from "./handlers/LendingHandler.sol";

contract LendingInvariantTest is LendingBase {
    LendingHandler internal handler;

    function setUp() public virtual override {
        super.setUp();
        address[] memory actors = new address[](4);
        actors[0] = alice;
        actors[1] = bob;
        actors[2] = makeAddr("carol");
        actors[3] = makeAddr("dave");
        handler = new LendingHandler(
            LendingHandler.System({
                qer: qer,
                usdc: usdc,
                qerFeed: qerFeed,
                ethFeed: ethFeed,
                oracle: oracle,
                vault: vault,
                reserve: reserve,
                fund: fund,
                cm: cm,
                feedOwner: address(this),
                supplier: supplier
            }),
            actors
        );
        // The handler mints QER.
        bytes4[] memory one = new bytes4[](1);
        one[0] = ProtocolToken.mint.selector;
        manager.setTargetFunctionRole(address(qer), one, Roles.MINTER);
        manager.grantRole(Roles.MINTER, address(handler), 0);
        targetContract(address(handler));
    }

    // ------------------------------------------------------------------ invariants

    /// @dev The vault's books: its assets are what it holds plus what it lent, less the fund's unpaid share;
    /// and the stablecoin it holds is exactly its idle balance (no path moves tokens without the books).
    function invariant_vaultAssetsEqualIdlePlusBorrowedLessOwed() public view {
        assertEq(
            vault.totalAssets() + vault.insuranceOwed(),
            vault.idle() + vault.totalBorrowed(),
            "totalAssets != idle + borrowed - owed"
        );
        assertEq(usdc.balanceOf(address(vault)), vault.idle(), "vault balance != idle");
    }

    /// @dev Bad debt only ever comes from closed positions, and only after the fund's owed share and its cash.
    function invariant_badDebtMatchesTheInsuranceWaterfall() public view {
        // One wei per write-off at most: a closed position's written-off debt is its scaled debt valued rounded up,
        // which can exceed the model's `debt - repaid` by that wei (the handler checks each write-off to 1 wei).
        assertApproxEqAbs(vault.badDebt(), handler.ghostBadDebt(), handler.ghostWriteOffs(), "bad debt != model");
    }

    /// @dev Checked on every liquidation attempt by the handler, against health computed from prices.
    function invariant_noHealthyPositionIsLiquidatable() public view {
        assertEq(handler.ghostHealthyLiquidations(), 0, "a healthy position was liquidated");
        assertEq(handler.ghostUnhealthyRefusals(), 0, "an unhealthy position was refused");
    }

    /// @dev Suppliers racing liquidations: every write-off's loss is shared pro rata by all shares (escrowed exits
    /// included, within rounding), and no exit pays more than its shares are worth at the claim.
    function invariant_lossesSharedProRata() public view {
        assertEq(handler.ghostUnevenLosses(), 0, "a supplier escaped part of a loss");
        assertEq(handler.ghostExitsAboveShareValue(), 0, "an exit paid above the share value");
    }

    /// @dev Every position's ETH (and every credit) is owned, and the reserve's balance covers all of it.
    function invariant_reserveEthCoversPositions() public view {
        uint256 owned;
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actors(i);
            owned += cm.position(a).reserveEth + reserve.claimableEth(a);
        }
        // The handler liquidates and has no receive function: its seized ETH is credited to it.
        owned += reserve.claimableEth(address(handler));
        assertEq(owned, reserve.ownedEth(), "sum of positions' ETH != owned");
        assertLe(reserve.ownedEth(), address(reserve).balance, "owned ETH above the balance");
    }

    /// @dev Positions' debts are read rounded up and the vault's total rounded down: the sum is never below the
    /// total and above it by at most a wei per position.
    function invariant_sumOfDebtsEqualsTotalBorrowed() public view {
        uint256 sum;
        uint256 collateral;
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actors(i);
            sum += cm.debtOf(a);
            collateral += cm.position(a).collateral;
        }
        uint256 total = vault.totalBorrowed();
        assertGe(sum, total, "debts below the total borrowed");
        assertLe(sum - total, handler.actorCount(), "debts above the total by more than rounding");
        assertEq(collateral, qer.balanceOf(address(cm)), "collateral != QER held");
    }
}
