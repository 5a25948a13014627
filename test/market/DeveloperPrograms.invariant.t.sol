// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IDeveloperPrograms} from "../../contracts/interfaces/IDeveloperPrograms.sol";
import {IIncentivePools} from "../../contracts/interfaces/IIncentivePools.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {DeveloperPrograms} from "../../contracts/market/DeveloperPrograms.sol";
import {MarketBase} from "./MarketBase.sol";
import {DeveloperProgramsHandler} from "./handlers/DeveloperProgramsHandler.sol";

/// @notice Invariants of the consumer and developer programs over random sequences with one party split into Sybil
/// identities and every governed number moving within its preset bounds: no program pays more than it was funded, and
/// what the party earns from its own payments stays below what it paid.
contract DeveloperProgramsInvariantTest is MarketBase {
    DeveloperPrograms internal programs;
    DeveloperProgramsHandler internal handler;

    function _rates() internal pure override returns (IIncentivePools.Rates memory r) {
        r = super._rates();
        r.earlyAdopterBps = 1_000;
        r.earlyAdopterCap = 1_000 ether;
    }

    function setUp() public override {
        super.setUp();
        programs = new DeveloperPrograms(
            IERC20(address(token)),
            router,
            address(manager),
            IDeveloperPrograms.Parameters({
                appDeveloperBps: 7_000,
                integrationGrantCap: 50_000 ether,
                approverCapPerPeriod: 100_000 ether
            })
        );
        vm.startPrank(admin);
        _restrict(address(programs), IParameterized.setParameter.selector, Roles.PARAMETER_REGISTRY);
        _restrict(address(programs), IDeveloperPrograms.setOpenSource.selector, Roles.MARKET_CURATOR);
        _restrict(address(programs), IDeveloperPrograms.revokeOpenSource.selector, Roles.GOVERNOR);
        _restrict(address(programs), IDeveloperPrograms.createGrant.selector, Roles.GOVERNOR);
        _restrict(address(programs), IDeveloperPrograms.cancelGrant.selector, Roles.GOVERNOR);
        vm.stopPrank();
        handler = new DeveloperProgramsHandler(
            pools,
            programs,
            token,
            address(market),
            [minter, registry, governor, curator]
        );
        vm.prank(admin);
        manager.grantRole(Roles.MINTER, address(handler), 0);
        minter = address(handler);
        handler.fundEarly(5_000 ether);
        bytes4[] memory selectors = new bytes4[](15);
        selectors[0] = DeveloperProgramsHandler.fundEarly.selector;
        selectors[1] = DeveloperProgramsHandler.pay.selector;
        selectors[2] = DeveloperProgramsHandler.pay.selector; // payments twice as often
        selectors[3] = DeveloperProgramsHandler.setEarlyBps.selector;
        selectors[4] = DeveloperProgramsHandler.setEarlyCap.selector;
        selectors[5] = DeveloperProgramsHandler.buyOwnApp.selector;
        selectors[6] = DeveloperProgramsHandler.setDeveloperBps.selector;
        selectors[7] = DeveloperProgramsHandler.fundGrants.selector;
        selectors[8] = DeveloperProgramsHandler.createGrant.selector;
        selectors[9] = DeveloperProgramsHandler.claimGrant.selector;
        selectors[10] = DeveloperProgramsHandler.cancelGrant.selector;
        selectors[11] = DeveloperProgramsHandler.toggleOpenSource.selector;
        selectors[12] = DeveloperProgramsHandler.postBounty.selector;
        selectors[13] = DeveloperProgramsHandler.acceptBounty.selector;
        selectors[14] = DeveloperProgramsHandler.claimBounty.selector;
        targetSelector(address(handler), selectors);
        targetContract(address(handler));
    }

    function invariant_earlyAdopterPoolNeverPaysMoreThanFunded() public view {
        IIncentivePools.PoolView memory p = pools.poolInfo(IIncentivePools.Pool.EarlyAdopter);
        assertLe(p.spent, p.funded, "spent <= funded");
        assertGe(token.balanceOf(address(pools)), pools.totalOwed(), "the pools hold what they owe");
    }

    function invariant_sybilsEarnAtMostTenPercentOfTheirSpending() public view {
        uint256 earnedAll;
        for (uint256 i; i < handler.sybilCount(); ++i) {
            (, uint256 earned, ) = pools.earlyAdopterOf(handler.sybil(i));
            assertLe(earned, 10_000 ether, "each identity within the largest cap in bounds");
            earnedAll += earned;
        }
        assertLe(earnedAll * 10, handler.marketPaid(), "the party earns at most 10% of what it paid");
    }

    function invariant_selfPurchaseNeverPays() public view {
        assertLe(handler.appsReceived() * 10_000, handler.appsPaid() * 8_000, "at most 80% of its own purchases back");
    }

    function invariant_grantsAndBountiesNeverPayMoreThanFunded() public view {
        IDeveloperPrograms.GrantBudget memory b = programs.grantBudget();
        assertLe(uint256(b.paid) + b.committed, b.funded, "grants within their budget");
        assertEq(
            token.balanceOf(address(programs)),
            uint256(b.funded) - b.paid + handler.bountiesHeld(),
            "the balance is the unpaid budget plus the bounties held"
        );
        for (uint256 i; i < handler.sybilCount(); ++i) {
            address s = handler.sybil(i);
            assertLe(programs.grantedTo(s), 100_000 ether, "no account above the open-source cap");
        }
    }
}
