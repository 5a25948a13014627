// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IVestingVault} from "../../contracts/interfaces/IVestingVault.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {QuiverFixture} from "./QuiverFixture.sol";
import {SupplyHandler} from "./handlers/SupplyHandler.sol";

/// @notice The QUIVer supply under random releases, claims, burns, revocations and new schedules over decades:
/// emission never ahead of its curve, the curve never above its cap, the vault holding exactly what it owes, and
/// every token accounted for (supply + burned == minted).
contract SupplyInvariantTest is QuiverFixture {
    SupplyHandler internal handler;

    function setUp() public override {
        super.setUp();
        address[] memory actors = new address[](8);
        actors[0] = team;
        actors[1] = investors;
        actors[2] = publicSale;
        actors[3] = ecosystem;
        actors[4] = liquidity;
        actors[5] = treasury;
        actors[6] = makeAddr("provider");
        actors[7] = makeAddr("holder");
        handler = new SupplyHandler(
            token,
            vault,
            controller,
            pool,
            governor,
            distributor,
            actors,
            TOTAL_SUPPLY,
            400_000_000 ether
        );
        vm.prank(admin);
        manager.grantRole(Roles.VESTING_CREATOR, address(handler), 0);
        vm.prank(treasury);
        token.transfer(address(handler), 10_000_000 ether);
        vm.prank(address(handler));
        token.approve(address(vault), type(uint256).max);
        targetContract(address(handler));
    }

    function invariant_releasedNeverAboveCurveNorCurveAboveCap() public view {
        uint256 curve = controller.emittedAt(block.timestamp);
        assertLe(controller.released(), curve, "released above the curve");
        assertLe(curve, PROVIDER_REWARDS, "curve above the cap");
        assertEq(controller.released(), handler.ghostEmitted(), "released != ghost");
    }

    function invariant_controllerHoldsWhatIsNotYetReleased() public view {
        assertEq(
            token.balanceOf(address(controller)),
            PROVIDER_REWARDS - controller.released(),
            "controller balance != cap - released"
        );
    }

    function invariant_vaultBalanceEqualsSumOfUnreleased() public view {
        uint256 unreleased;
        uint256 n = vault.scheduleCount();
        for (uint256 id; id < n; ++id) {
            IVestingVault.Schedule memory s = vault.schedule(id);
            assertLe(s.released, vault.vestedAmount(id, block.timestamp), "released above vested");
            assertLe(vault.vestedAmount(id, block.timestamp), s.amount, "vested above amount");
            unreleased += s.amount - s.released;
        }
        assertEq(token.balanceOf(address(vault)), unreleased, "vault balance != sum of unreleased");
        assertEq(unreleased, handler.ghostVaultIn() - handler.ghostVaultOut(), "unreleased != ghost");
    }

    function invariant_supplyPlusBurnedEqualsMinted() public view {
        assertEq(token.totalMinted(), handler.ghostMinted(), "minted != ghost");
        assertEq(token.totalBurned(), handler.ghostBurned(), "burned != ghost");
        assertEq(token.totalSupply() + token.totalBurned(), token.totalMinted(), "supply + burned != minted");
        assertEq(token.totalMinted(), TOTAL_SUPPLY, "nothing minted after genesis");
    }

    function invariant_poolHoldsExactlyWhatIsUnclaimed() public view {
        uint256 owed = handler.ghostEmitted() - handler.ghostClaimed() - handler.ghostPoolBurned();
        assertEq(pool.totalUnclaimed(), owed, "unclaimed != emitted - claimed - burned");
        assertEq(token.balanceOf(address(pool)), owed, "pool balance != unclaimed");
    }
}
