// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Roles} from "../../contracts/common/Roles.sol";
import {DistributionBase} from "./DistributionBase.sol";

/// @notice The square-root pool's stake gate at its edge: a pool whose minimum stake is zero pays an account that
/// holds no stake at all, in its claimable view as in the claim, as the integrators' and portals' pools need.
contract SqrtPoolBoundariesTest is DistributionBase {
    function test_claim_paysAStakelessAccountWhenTheMinimumIsZero() public {
        address creditor = address(subscriptions);
        address funder = makeAddr("funder");
        address integrator = makeAddr("integrator");
        vm.startPrank(admin);
        manager.grantRole(Roles.DISTRIBUTION_ENGINE, funder, 0);
        vm.stopPrank();

        vm.prank(creditor);
        integratorPool.credit(0, integrator, 100 ether);
        _warpToEnd(0);
        _mint(funder, 1_000 ether);
        vm.startPrank(funder);
        qry.transfer(address(integratorPool), 1_000 ether);
        assertEq(integratorPool.fundEpoch(0, 1_000 ether), 0, "everything kept");
        vm.stopPrank();

        assertEq(integratorPool.claimable(0, integrator), 1_000 ether, "claimable view: no stake asked for");
        vm.prank(integrator);
        assertEq(integratorPool.claim(0), 1_000 ether, "the only identity takes the whole budget, without stake");
        assertEq(qry.balanceOf(integrator), 1_000 ether, "paid");
    }
}
