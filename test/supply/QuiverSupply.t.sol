// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEmissionController} from "../../contracts/interfaces/IEmissionController.sol";
import {IVestingVault} from "../../contracts/interfaces/IVestingVault.sol";
import {QuiverFixture} from "./QuiverFixture.sol";

/// @notice The QUIVer preset after genesis: every vesting schedule's start unlock, cliff edge and end, and the
/// provider-rewards emission into the expiring pool. Values by hand (a year is 31,536,000 s):
///   team 150M, cliff 1 year of 4: 150M / 4 = 37.5M at the cliff;
///   investors 100M, cliff 6 months of 3 years: 100M / 6 = 16,666,666.666... rounded down to the wei;
///   public sale 100M: 25M at the TGE, then 75M linearly over a year (62.5M at half a year);
///   ecosystem 50M over 5 years: 10M a year.
/// One second before an end: `amount - ceil(linear part / duration in seconds)`.
contract QuiverSupplyTest is QuiverFixture {
    function _vested(uint256 id, uint256 t) internal view returns (uint256) {
        return vault.vestedAmount(id, t);
    }

    function _expectNothingToRelease(uint256 id) internal {
        vm.expectRevert(abi.encodeWithSelector(IVestingVault.NothingToRelease.selector, id));
        vault.release(id);
    }

    // ------------------------------------------------------------------ team: 4 years, 1-year cliff

    function test_team_nothingBeforeTheCliff() public {
        assertEq(_vested(TEAM, START), 0, "nothing at the TGE");
        vm.warp(START + YEAR - 1);
        assertEq(_vested(TEAM, block.timestamp), 0, "nothing one second before the cliff");
        _expectNothingToRelease(TEAM);
        assertEq(token.balanceOf(team), 0, "team holds nothing");
    }

    function test_team_quarterAtTheCliff() public {
        vm.warp(START + YEAR);
        assertEq(vault.release(TEAM), 37_500_000 ether, "a quarter of 150M at the 1-year cliff");
        assertEq(token.balanceOf(team), 37_500_000 ether, "team paid");
        // one second later: 150M x (YEAR + 1) / (4 YEAR), rounded down
        assertEq(_vested(TEAM, START + YEAR + 1), 37_500_001_189_117_199_391_171_993, "linear after the cliff");
    }

    function test_team_fullAtTheEnd() public {
        assertEq(_vested(TEAM, START + 4 * YEAR - 1), 149_999_998_810_882_800_608_828_006, "one second before");
        vm.warp(START + 2 * YEAR);
        vault.release(TEAM);
        assertEq(token.balanceOf(team), 75_000_000 ether, "half after 2 years");
        vm.warp(START + 4 * YEAR);
        vault.release(TEAM);
        assertEq(token.balanceOf(team), 150_000_000 ether, "everything after 4 years");
        _expectNothingToRelease(TEAM);
    }

    // ------------------------------------------------------------------ investors: 3 years, 6-month cliff

    function test_investors_nothingBeforeTheCliff() public {
        vm.warp(START + HALF_YEAR - 1);
        assertEq(_vested(INVESTORS, block.timestamp), 0, "nothing one second before the cliff");
        _expectNothingToRelease(INVESTORS);
    }

    function test_investors_sixthAtTheCliff() public {
        vm.warp(START + HALF_YEAR);
        assertEq(vault.release(INVESTORS), 16_666_666_666_666_666_666_666_666, "100M / 6, rounded down");
        assertEq(_vested(INVESTORS, START + HALF_YEAR + 1), 16_666_667_723_659_732_792_152_883, "one second after");
    }

    function test_investors_fullAtTheEnd() public {
        assertEq(_vested(INVESTORS, START + 3 * YEAR - 1), 99_999_998_943_006_933_874_513_783, "one second before");
        vm.warp(START + 3 * YEAR);
        vault.release(INVESTORS);
        assertEq(token.balanceOf(investors), 100_000_000 ether, "everything after 3 years");
    }

    // ------------------------------------------------------------------ public sale: 25% at start, 75% over a year

    function test_publicSale_quarterAtTheTge() public {
        assertEq(_vested(PUBLIC_SALE, START - 1), 0, "nothing before the TGE");
        assertEq(vault.release(PUBLIC_SALE), 25_000_000 ether, "25% at the TGE");
        _expectNothingToRelease(PUBLIC_SALE);
    }

    function test_publicSale_linearOverTheYear() public {
        vm.warp(START + YEAR / 2);
        vault.release(PUBLIC_SALE);
        assertEq(token.balanceOf(publicSale), 62_500_000 ether, "25M + half of 75M");
        assertEq(_vested(PUBLIC_SALE, START + YEAR - 1), 99_999_997_621_765_601_217_656_012, "one second before");
        vm.warp(START + YEAR);
        vault.release(PUBLIC_SALE);
        assertEq(token.balanceOf(publicSale), 100_000_000 ether, "everything after a year");
    }

    // ------------------------------------------------------------------ ecosystem: 5 years

    function test_ecosystem_linearOverFiveYears() public {
        assertEq(_vested(ECOSYSTEM, START), 0, "nothing at the TGE");
        vm.warp(START + YEAR);
        assertEq(vault.release(ECOSYSTEM), 10_000_000 ether, "10M after one year");
        assertEq(_vested(ECOSYSTEM, START + 5 * YEAR - 1), 49_999_999_682_902_080_162_354_134, "one second before");
        vm.warp(START + 5 * YEAR);
        vault.release(ECOSYSTEM);
        assertEq(token.balanceOf(ecosystem), 50_000_000 ether, "everything after 5 years");
    }

    function test_ecosystem_revokedByGovernance() public {
        vm.warp(START + YEAR);
        vm.prank(governor);
        assertEq(vault.revoke(ECOSYSTEM), 40_000_000 ether, "4 unvested years back");
        assertEq(token.balanceOf(treasury), 240_000_000 ether, "treasury 200M + 40M");
        vault.release(ECOSYSTEM);
        assertEq(token.balanceOf(ecosystem), 10_000_000 ether, "the vested year stays with the fund");
    }

    // ------------------------------------------------------------------ provider-rewards emission

    function test_emission_quiverYearEndsIntoThePool() public {
        uint256[5] memory years_ = [uint256(1), 2, 4, 10, 13];
        uint256[5] memory expected = [
            uint256(70_000_000 ether),
            122_500_000 ether,
            192_500_000 ether,
            318_500_000 ether,
            350_000_000 ether
        ];
        for (uint256 i; i < 5; ++i) {
            vm.warp(START + years_[i] * YEAR - 1);
            controller.release();
            assertLt(controller.released(), expected[i], "below the year end one second before");
            vm.warp(START + years_[i] * YEAR);
            controller.release();
            assertEq(controller.released(), expected[i], "exactly the year end");
        }
        assertEq(token.balanceOf(address(controller)), 0, "allocation fully emitted");
        assertEq(token.balanceOf(address(pool)), PROVIDER_REWARDS, "all of it in the pool");
        assertEq(pool.totalUnclaimed(), PROVIDER_REWARDS, "all of it notified");
        vm.warp(START + 30 * YEAR);
        vm.expectRevert(IEmissionController.NothingToRelease.selector);
        controller.release();
    }

    function test_emission_unclaimedRewardsBurn180DaysAfterTheirEpoch() public {
        // Released on day 30 (first second of epoch 1): everything emitted so far lands in epoch 1's bucket.
        vm.warp(START + 30 days);
        uint256 paid = controller.release();
        // 70M x 2,592,000 / 31,536,000 = 5,753,424.657534246575342465... QUIV
        assertEq(paid, 5_753_424_657_534_246_575_342_465, "thirty days of year 1");
        vm.prank(distributor);
        pool.claim(1, makeAddr("provider"), 1_000_000 ether);
        (, uint256 expiresAt) = pool.bucket(1);
        assertEq(expiresAt, START + 60 days + 180 days, "180 days after epoch 1 ends");
        vm.warp(expiresAt);
        pool.burnExpired(1);
        assertEq(token.totalBurned(), paid - 1_000_000 ether, "the unclaimed rest burned");
        assertEq(token.totalSupply() + token.totalBurned(), token.totalMinted(), "supply + burned == minted");
    }
}
