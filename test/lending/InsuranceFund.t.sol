// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

import {IInsuranceFund} from "../../contracts/interfaces/IInsuranceFund.sol";
import {MockAggregatorV3} from "../../contracts/devnet/MockAggregatorV3.sol";
import {LendingBase} from "./LendingBase.sol";

contract InsuranceFundTest is LendingBase {
    function test_cover_paysTheVaultWhatItHolds() public {
        usdc.mint(address(fund), 70e6);
        vm.expectEmit(true, true, true, true, address(fund));
        emit IInsuranceFund.ShortfallCovered(address(vault), 100e6, 70e6);
        vm.prank(address(vault));
        assertEq(fund.cover(100e6), 70e6, "all it holds");
        assertEq(usdc.balanceOf(address(vault)), SUPPLY + 70e6, "paid to the caller");
        assertEq(fund.balance(), 0, "empty");
    }

    function test_RevertWhen_coverNotByTheVault() public {
        usdc.mint(address(fund), 70e6);
        // Not a stranger, not governance, not the AccessManager's admin (this contract), not the credit manager:
        // only the vault bound at deployment.
        address[4] memory outsiders = [stranger, governor, address(this), address(cm)];
        for (uint256 i; i < outsiders.length; ++i) {
            vm.prank(outsiders[i]);
            vm.expectRevert(abi.encodeWithSelector(IInsuranceFund.NotVault.selector, outsiders[i]));
            fund.cover(1e6);
        }
        vm.prank(address(vault));
        vm.expectRevert(IInsuranceFund.ZeroAmount.selector);
        fund.cover(0);
        assertEq(fund.balance(), 70e6, "unchanged");
    }

    function test_RevertWhen_bindVaultTwiceOrByAnOutsider() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        fund.bindVault(stranger);
        // Bound at deployment: nobody rebinds it, the admin included.
        vm.expectRevert(abi.encodeWithSelector(IInsuranceFund.VaultAlreadyBound.selector, address(vault)));
        fund.bindVault(stranger);
        assertEq(fund.vault(), address(vault), "still the vault");
    }

    function test_withdraw_byGovernanceOnly() public {
        usdc.mint(address(fund), 70e6);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        fund.withdraw(stranger, 1e6);

        vm.startPrank(governor);
        vm.expectRevert(IInsuranceFund.ZeroAddress.selector);
        fund.withdraw(address(0), 1e6);
        vm.expectRevert(IInsuranceFund.ZeroAmount.selector);
        fund.withdraw(governor, 0);
        vm.expectRevert(abi.encodeWithSelector(IInsuranceFund.InsufficientBalance.selector, 70e6 + 1, 70e6));
        fund.withdraw(governor, 70e6 + 1);
        assertEq(fund.balance(), 70e6, "unchanged");
        fund.withdraw(governor, 70e6);
        vm.stopPrank();
        assertEq(usdc.balanceOf(governor), 70e6, "withdrawn");
        assertEq(fund.stable(), address(usdc), "stablecoin");
    }
}

contract MockAggregatorV3Test is LendingBase {
    function test_setAnswer_publishesANewRound() public {
        vm.warp(START + 10);
        qerFeed.setAnswer(3e8);
        (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredIn) = qerFeed
            .latestRoundData();
        assertEq(uint256(roundId), 2, "round 2");
        assertEq(answer, 3e8, "answer");
        assertEq(startedAt, START + 10, "started now");
        assertEq(updatedAt, START + 10, "updated now");
        assertEq(uint256(answeredIn), 2, "answered in the same round");
        (, answer, , , ) = qerFeed.getRoundData(2);
        assertEq(answer, 3e8, "getRoundData of the latest round");
        assertEq(uint256(qerFeed.decimals()), 8, "decimals");
        assertEq(qerFeed.description(), "QER / USD", "description");
    }

    function test_RevertWhen_notTheDeployerOrUnknownRound() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(MockAggregatorV3.NotOwner.selector, stranger));
        qerFeed.setAnswer(1);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(MockAggregatorV3.NotOwner.selector, stranger));
        qerFeed.setRoundData(9, 1, 1, 1);
        vm.expectRevert(abi.encodeWithSelector(MockAggregatorV3.NoDataPresent.selector, uint80(7)));
        qerFeed.getRoundData(7);
        (, int256 answer, , , ) = qerFeed.latestRoundData();
        assertEq(answer, QER_USD, "unchanged");
    }
}
