// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {IDeveloperPrograms} from "../../contracts/interfaces/IDeveloperPrograms.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {MarketKeys} from "../../contracts/libraries/MarketKeys.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {DeveloperPrograms} from "../../contracts/market/DeveloperPrograms.sol";
import {MarketBase} from "./MarketBase.sol";

/// @notice Developer programs: paid apps (70/30, the protocol's 30% through the fee split), the open-source flag,
/// integration grants (50,000 QUIV per account, doubled when open source) and bounties.
contract DeveloperProgramsBase is MarketBase {
    DeveloperPrograms internal programs;
    address internal dev;
    address internal worker;
    address internal ecosystem;

    function setUp() public virtual override {
        super.setUp();
        dev = makeAddr("dev");
        worker = makeAddr("worker");
        ecosystem = makeAddr("ecosystem");
        // The base's developer programs, the ones the pools read the open-source flag from.
        programs = developers;
        vm.startPrank(admin);
        _restrict(address(programs), IParameterized.setParameter.selector, Roles.PARAMETER_REGISTRY);
        _restrict(address(programs), IDeveloperPrograms.setOpenSource.selector, Roles.MARKET_CURATOR);
        _restrict(address(programs), IDeveloperPrograms.revokeOpenSource.selector, Roles.GOVERNOR);
        _restrict(address(programs), IDeveloperPrograms.createGrant.selector, Roles.GOVERNOR);
        _restrict(address(programs), IDeveloperPrograms.cancelGrant.selector, Roles.GOVERNOR);
        vm.stopPrank();
    }

    function _protocolReceived() internal view returns (uint256) {
        return token.balanceOf(validators) + token.balanceOf(infrastructure) + token.balanceOf(treasury);
    }

    function _fundGrants(uint256 amount) internal {
        _mint(ecosystem, amount);
        vm.startPrank(ecosystem);
        token.approve(address(programs), amount);
        programs.fundGrants(amount);
        vm.stopPrank();
    }

    function _buy(address buyer, uint256 appId, uint256 price) internal returns (uint256, uint256) {
        _mint(buyer, price);
        vm.startPrank(buyer);
        token.approve(address(programs), price);
        (uint256 d, uint256 p) = programs.buyApp(appId, price);
        vm.stopPrank();
        return (d, p);
    }
}

contract DeveloperProgramsTest is DeveloperProgramsBase {
    // ------------------------------------------------------------------ paid apps

    function test_buyApp_seventyThirtyToTheWeiRoundingForTheProtocol() public {
        vm.prank(dev);
        uint256 appId = programs.listApp(100 ether + 1);
        _mint(alice, 100 ether + 1);
        uint256 supply = token.totalSupply();
        vm.startPrank(alice);
        token.approve(address(programs), 100 ether + 1);
        vm.expectEmit(true, true, true, true, address(programs));
        emit IDeveloperPrograms.AppPurchased(appId, alice, dev, 70 ether, 30 ether + 1);
        (uint256 toDev, uint256 toProtocol) = programs.buyApp(appId, 100 ether + 1);
        vm.stopPrank();
        // 70% of 100e18 + 1 is 70e18 + 0.7 wei: the developer gets 70e18, the protocol 30e18 + 1.
        assertEq(toDev, 70 ether, "developer share rounded down");
        assertEq(toProtocol, 30 ether + 1, "protocol share rounded up");
        assertEq(token.balanceOf(dev), 70 ether, "developer paid");
        assertEq(token.balanceOf(alice), 0, "buyer paid all");
        // Of 30e18 + 1: burn 1% = 0.3e18 (rounded down), the rest to validators, infrastructure and treasury.
        uint256 burned = supply - token.totalSupply();
        assertEq(_protocolReceived() + burned, 30 ether + 1, "the fee split took the protocol's part");
        assertEq(token.balanceOf(address(programs)), 0, "nothing stays");
        assertEq(token.balanceOf(address(router)), 0, "router routed all");
    }

    function test_buyApp_oneWeiPriceGoesToTheProtocol() public {
        vm.prank(dev);
        uint256 appId = programs.listApp(1);
        (uint256 toDev, uint256 toProtocol) = _buy(alice, appId, 1);
        assertEq(toDev, 0, "0.7 wei rounds to 0");
        assertEq(toProtocol, 1, "protocol takes the wei");
    }

    function test_buyApp_selfPurchaseLosesThirtyPercent() public {
        vm.prank(dev);
        uint256 appId = programs.listApp(1_000 ether);
        _mint(dev, 1_000 ether);
        vm.startPrank(dev);
        token.approve(address(programs), 1_000 ether);
        programs.buyApp(appId, 1_000 ether);
        vm.stopPrank();
        assertEq(token.balanceOf(dev), 700 ether, "the developer buying its own app loses 300");
    }

    function test_RevertWhen_buyAppDelistedOrRaised() public {
        vm.prank(dev);
        uint256 appId = programs.listApp(10 ether);
        _mint(alice, 20 ether);
        vm.startPrank(alice);
        token.approve(address(programs), 20 ether);
        vm.stopPrank();
        vm.prank(dev);
        programs.setAppPrice(appId, 20 ether);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IDeveloperPrograms.AppPriceAboveMax.selector, appId, 20 ether, 10 ether)
        );
        programs.buyApp(appId, 10 ether);
        vm.prank(dev);
        programs.setAppPrice(appId, 0);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IDeveloperPrograms.AppNotForSale.selector, appId));
        programs.buyApp(appId, 20 ether);
        assertEq(token.balanceOf(alice), 20 ether, "nothing paid");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IDeveloperPrograms.NotAppDeveloper.selector, appId, alice, dev));
        programs.setAppPrice(appId, 1 ether);
        vm.expectRevert(IDeveloperPrograms.ZeroAmount.selector);
        programs.listApp(0);
    }

    // ------------------------------------------------------------------ open source

    function test_openSource_curatorSetsGovernanceRevokes() public {
        assertEq(programs.grantCapOf(dev), 50_000 ether, "integration cap");
        vm.prank(curator);
        programs.setOpenSource(dev);
        assertTrue(programs.isOpenSource(dev), "flagged");
        assertEq(programs.grantCapOf(dev), 100_000 ether, "doubled");
        vm.prank(curator);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, curator));
        programs.revokeOpenSource(dev);
        vm.prank(governor);
        programs.revokeOpenSource(dev);
        assertFalse(programs.isOpenSource(dev), "revoked");
        assertEq(programs.grantCapOf(dev), 50_000 ether, "back to the integration cap");
        vm.prank(dev);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, dev));
        programs.setOpenSource(dev);
        assertFalse(programs.isOpenSource(dev), "a developer cannot flag itself");
    }

    // ------------------------------------------------------------------ grants

    function test_createGrant_fiftyThousandPassesOneWeiMoreReverts() public {
        _fundGrants(200_000 ether);
        vm.prank(governor);
        vm.expectRevert(
            abi.encodeWithSelector(IDeveloperPrograms.GrantAboveCap.selector, dev, 0, 50_000 ether + 1, 50_000 ether)
        );
        programs.createGrant(dev, 50_000 ether + 1, 0);
        assertEq(programs.grantedTo(dev), 0, "nothing granted");
        vm.prank(governor);
        uint256 id = programs.createGrant(dev, 50_000 ether, 100 days);
        assertEq(programs.grantedTo(dev), 50_000 ether, "granted at the cap");
        vm.prank(governor);
        vm.expectRevert(
            abi.encodeWithSelector(IDeveloperPrograms.GrantAboveCap.selector, dev, 50_000 ether, 1, 50_000 ether)
        );
        programs.createGrant(dev, 1, 0);

        vm.warp(T0 + 25 days);
        assertEq(programs.claimableGrant(id), 12_500 ether, "a quarter streamed");
        assertEq(programs.claimGrant(id), 12_500 ether, "claimed");
        assertEq(token.balanceOf(dev), 12_500 ether, "paid");
        vm.expectRevert(abi.encodeWithSelector(IDeveloperPrograms.NothingToClaim.selector, id));
        programs.claimGrant(id);
        vm.warp(T0 + 100 days);
        programs.claimGrant(id);
        assertEq(token.balanceOf(dev), 50_000 ether, "all streamed");
        IDeveloperPrograms.GrantBudget memory b = programs.grantBudget();
        assertEq(b.paid, 50_000 ether, "paid");
        assertEq(b.committed, 0, "nothing committed");
    }

    function test_createGrant_openSourceCapIsDoubled() public {
        _fundGrants(200_000 ether);
        vm.prank(curator);
        programs.setOpenSource(dev);
        vm.prank(governor);
        programs.createGrant(dev, 100_000 ether, 0);
        vm.prank(governor);
        vm.expectRevert(
            abi.encodeWithSelector(IDeveloperPrograms.GrantAboveCap.selector, dev, 100_000 ether, 1, 100_000 ether)
        );
        programs.createGrant(dev, 1, 0);
    }

    function test_RevertWhen_grantAboveBudgetOrNotGovernance() public {
        _fundGrants(10_000 ether);
        vm.prank(governor);
        vm.expectRevert(
            abi.encodeWithSelector(IDeveloperPrograms.InsufficientGrantBudget.selector, 10_000 ether + 1, 10_000 ether)
        );
        programs.createGrant(dev, 10_000 ether + 1, 0);
        vm.prank(curator);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, curator));
        programs.createGrant(dev, 1 ether, 0);
        assertEq(programs.grantBudget().committed, 0, "nothing committed");
    }

    function test_cancelGrant_releasesTheUnvestedPart() public {
        _fundGrants(50_000 ether);
        vm.prank(governor);
        uint256 id = programs.createGrant(dev, 40_000 ether, 40 days);
        vm.warp(T0 + 10 days);
        vm.prank(governor);
        programs.cancelGrant(id);
        assertEq(programs.grantBudget().committed, 10_000 ether, "vested part stays committed");
        assertEq(programs.grantedTo(dev), 10_000 ether, "cap freed by the cancelled part");
        assertEq(programs.claimGrant(id), 10_000 ether, "vested part paid");
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IDeveloperPrograms.GrantNotCancellable.selector, id));
        programs.cancelGrant(id);
    }

    // ------------------------------------------------------------------ bounties

    function _post(address approver, uint256 reward) internal returns (uint256 id) {
        _mint(ecosystem, reward);
        vm.startPrank(ecosystem);
        token.approve(address(programs), reward);
        id = programs.postBounty(approver, reward);
        vm.stopPrank();
    }

    function test_bounty_paidWhenTheApproverAccepts() public {
        uint256 id = _post(curator, 5_000 ether);
        vm.expectRevert(abi.encodeWithSelector(IDeveloperPrograms.BountyNotInStatus.selector, id, 0, 1));
        programs.claimBounty(id);
        vm.prank(worker);
        vm.expectRevert(abi.encodeWithSelector(IDeveloperPrograms.NotBountyApprover.selector, id, worker, curator));
        programs.acceptBounty(id, worker);
        vm.prank(curator);
        programs.acceptBounty(id, worker);
        assertEq(programs.acceptedThisPeriod(curator), 5_000 ether, "counted");
        assertEq(programs.claimBounty(id), 5_000 ether, "claimed");
        assertEq(token.balanceOf(worker), 5_000 ether, "worker paid");
        vm.expectRevert(abi.encodeWithSelector(IDeveloperPrograms.BountyNotInStatus.selector, id, 2, 1));
        programs.claimBounty(id);
    }

    function test_RevertWhen_curatorAcceptsItsOwnWork() public {
        uint256 id = _post(curator, 5_000 ether);
        vm.prank(curator);
        vm.expectRevert(abi.encodeWithSelector(IDeveloperPrograms.SelfAcceptance.selector, id, curator));
        programs.acceptBounty(id, curator);
        vm.prank(curator);
        vm.expectRevert(abi.encodeWithSelector(IDeveloperPrograms.SelfAcceptance.selector, id, ecosystem));
        programs.acceptBounty(id, ecosystem);
        assertEq(programs.bounty(id).status, 0, "still open");
    }

    function test_acceptBounty_approverCapPerPeriodToTheWei() public {
        uint256 a = _post(curator, 60_000 ether);
        uint256 b = _post(curator, 40_000 ether + 1);
        uint256 b2 = _post(curator, 40_000 ether);
        vm.prank(curator);
        programs.acceptBounty(a, worker);
        vm.prank(curator);
        vm.expectRevert(
            abi.encodeWithSelector(
                IDeveloperPrograms.ApproverCapExceeded.selector,
                curator,
                60_000 ether,
                40_000 ether + 1,
                100_000 ether
            )
        );
        programs.acceptBounty(b, worker);
        // The next period still counts the 60,000 accepted in this one; the one after starts afresh.
        uint256 next = (T0 / 30 days + 1) * 30 days;
        vm.warp(next);
        assertEq(programs.acceptedThisPeriod(curator), 0, "nothing in the new period yet");
        vm.prank(curator);
        vm.expectRevert(
            abi.encodeWithSelector(
                IDeveloperPrograms.ApproverCapExceeded.selector,
                curator,
                60_000 ether,
                40_000 ether + 1,
                100_000 ether
            )
        );
        programs.acceptBounty(b, worker);
        vm.prank(curator);
        programs.acceptBounty(b2, worker);
        assertEq(programs.acceptedThisPeriod(curator), 40_000 ether, "the cap's rest, to the wei");
        vm.warp(next + 30 days);
        vm.prank(curator);
        programs.acceptBounty(b, worker);
        assertEq(programs.acceptedThisPeriod(curator), 40_000 ether + 1, "two periods on");
    }

    /// @dev Audit: with a calendar window alone, the approver accepted the cap one second before a period ended and the
    /// cap again at the next period's first second, paying a colluding worker's alt 200,000 QUIV (twice the cap) in one
    /// second. The previous period now counts too: the second acceptance is refused and the alt gets 100,000.
    function test_RevertWhen_approverAcceptsAcrossThePeriodEdge() public {
        address friendAlt = makeAddr("friendAlt");
        uint256 a = _post(curator, 100_000 ether);
        uint256 b = _post(curator, 100_000 ether);
        uint256 edge = (T0 / 30 days + 1) * 30 days;
        vm.warp(edge - 1);
        vm.prank(curator);
        programs.acceptBounty(a, friendAlt);
        vm.warp(edge);
        vm.prank(curator);
        vm.expectRevert(
            abi.encodeWithSelector(
                IDeveloperPrograms.ApproverCapExceeded.selector,
                curator,
                100_000 ether,
                100_000 ether,
                100_000 ether
            )
        );
        programs.acceptBounty(b, friendAlt);
        assertEq(programs.bounty(b).status, 0, "still open");
        programs.claimBounty(a);
        assertEq(token.balanceOf(friendAlt), 100_000 ether, "the cap, once, in any 30 days");
        // A full period past the edge, the first acceptance no longer counts.
        vm.warp(edge + 30 days);
        vm.prank(curator);
        programs.acceptBounty(b, friendAlt);
        programs.claimBounty(b);
        assertEq(token.balanceOf(friendAlt), 200_000 ether, "the next 100,000 a full period later");
    }

    function test_cancelBounty_returnsTheReward() public {
        uint256 id = _post(curator, 1_000 ether);
        vm.prank(worker);
        vm.expectRevert(abi.encodeWithSelector(IDeveloperPrograms.NotBountyPoster.selector, id, worker, ecosystem));
        programs.cancelBounty(id);
        vm.prank(ecosystem);
        programs.cancelBounty(id);
        assertEq(token.balanceOf(ecosystem), 1_000 ether, "returned");
        vm.prank(curator);
        vm.expectRevert(abi.encodeWithSelector(IDeveloperPrograms.BountyNotInStatus.selector, id, 3, 0));
        programs.acceptBounty(id, worker);
    }

    // ------------------------------------------------------------------ parameters

    function test_setParameter_boundsAndKeys() public {
        vm.startPrank(registry);
        programs.setParameter(MarketKeys.APP_DEVELOPER_BPS, 8_000);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, MarketKeys.APP_DEVELOPER_BPS, 10_001)
        );
        programs.setParameter(MarketKeys.APP_DEVELOPER_BPS, 10_001);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, MarketKeys.INTEGRATION_GRANT_CAP, 0)
        );
        programs.setParameter(MarketKeys.INTEGRATION_GRANT_CAP, 0);
        vm.stopPrank();
        assertEq(programs.parameter(MarketKeys.APP_DEVELOPER_BPS), 8_000, "set");
        assertEq(programs.parameter(MarketKeys.INTEGRATION_GRANT_CAP), 50_000 ether, "unchanged");
    }

    function testFuzz_buyApp_developerNeverGainsFromItsOwnApp(uint256 price, uint256 developerBps) public {
        price = bound(price, 1, 1e26);
        developerBps = bound(developerBps, 0, 10_000);
        vm.prank(registry);
        programs.setParameter(MarketKeys.APP_DEVELOPER_BPS, developerBps);
        vm.prank(dev);
        uint256 appId = programs.listApp(price);
        _mint(dev, price);
        vm.startPrank(dev);
        token.approve(address(programs), price);
        (uint256 toDev, uint256 toProtocol) = programs.buyApp(appId, price);
        vm.stopPrank();
        assertEq(toDev + toProtocol, price, "all of the price is paid out");
        assertLe(token.balanceOf(dev), price, "never more than it paid");
        assertGe(toProtocol * 10_000, price * (10_000 - developerBps), "protocol share rounded up");
    }
}
