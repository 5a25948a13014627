// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";

import {EmissionController} from "../../contracts/emission/EmissionController.sol";
import {EpochRewardPool} from "../../contracts/emission/EpochRewardPool.sol";
import {IEmissionController} from "../../contracts/interfaces/IEmissionController.sol";
import {IGenesis} from "../../contracts/interfaces/IGenesis.sol";
import {Roles} from "../../contracts/libraries/Roles.sol";
import {Wiring} from "../utils/Wiring.sol";
import {Genesis} from "../../contracts/supply/Genesis.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";
import {VestingVault} from "../../contracts/vesting/VestingVault.sol";
import {ManagedTest} from "../utils/ManagedTest.sol";

/// @notice The QUIVer supply wired as the deploy module wires it, with QUIVer's numbers written out by hand:
/// 1B QUIV; provider rewards 350M in the emission controller (paid into a 30-day-epoch pool whose buckets burn
/// 180 days after their epoch), community treasury 200M, liquidity 50M at start; vesting from the TGE: team 150M
/// (4 years, 1-year cliff, revocable), early investors 100M (3 years, 6-month cliff), public sale 100M (25% at
/// start, the rest over 1 year), ecosystem 50M (5 years, revocable). A year is 31,536,000 s, six months half that.
abstract contract QuiverFixture is ManagedTest {
    uint256 internal constant START = 1_800_000_000;
    uint256 internal constant YEAR = 31_536_000;
    uint256 internal constant HALF_YEAR = 15_768_000;
    uint256 internal constant TOTAL_SUPPLY = 1_000_000_000 ether;
    uint256 internal constant PROVIDER_REWARDS = 350_000_000 ether;

    uint256 internal constant TEAM = 0;
    uint256 internal constant INVESTORS = 1;
    uint256 internal constant PUBLIC_SALE = 2;
    uint256 internal constant ECOSYSTEM = 3;

    ProtocolToken internal token;
    VestingVault internal vault;
    EpochRewardPool internal pool;
    EmissionController internal controller;
    Genesis internal genesis;

    address internal admin;
    address internal governor;
    address internal treasury;
    address internal liquidity;
    address internal team;
    address internal investors;
    address internal publicSale;
    address internal ecosystem;
    address internal distributor;
    address internal stranger;

    function setUp() public virtual {
        admin = makeAddr("admin");
        governor = makeAddr("governor");
        treasury = makeAddr("treasury");
        liquidity = makeAddr("liquidity");
        team = makeAddr("team");
        investors = makeAddr("investors");
        publicSale = makeAddr("publicSale");
        ecosystem = makeAddr("ecosystem");
        distributor = makeAddr("distributor");
        stranger = makeAddr("stranger");
        vm.warp(START);

        manager = new AccessManager(admin);
        token = new ProtocolToken("QUIVer", "QUIV", TOTAL_SUPPLY, address(manager));
        vault = new VestingVault(address(token), treasury, address(manager));
        pool = new EpochRewardPool(address(token), address(manager), START, 30 days, 180 days);
        IEmissionController.Recipient[] memory recipients = new IEmissionController.Recipient[](1);
        recipients[0] = IEmissionController.Recipient({
            account: address(pool),
            startBps: 10_000,
            endBps: 10_000,
            notify: true
        });
        controller = new EmissionController(
            address(token),
            address(manager),
            IEmissionController.FundingMode.Hold,
            START,
            _providerTable(),
            4,
            PROVIDER_REWARDS,
            recipients,
            0,
            0
        );
        genesis = new Genesis(address(token), address(vault), TOTAL_SUPPLY, address(manager));

        vm.startPrank(admin);
        // Function roles as the presets deploy them (test/utils/Wiring.sol, generated from the deployed presets).
        Wiring.protocolToken(manager, address(token));
        Wiring.vestingVault(manager, address(vault));
        Wiring.emissionController(manager, address(controller));
        Wiring.epochRewardPool(manager, address(pool));
        manager.grantRole(Roles.REWARD_FUNDER, address(controller), 0);
        manager.grantRole(Roles.REWARD_CLAIMER, distributor, 0);
        manager.grantRole(Roles.GOVERNOR, governor, 0);
        manager.grantRole(Roles.MINTER, address(genesis), 0);
        manager.grantRole(Roles.VESTING_CREATOR, address(genesis), 0);
        (IGenesis.Grant[] memory grants, IGenesis.VestingGrant[] memory vesting) = _plan();
        genesis.run(grants, vesting);
        vm.stopPrank();
    }

    function _providerTable() internal pure returns (uint256[] memory t) {
        t = new uint256[](10);
        t[0] = 70_000_000 ether;
        t[1] = 52_500_000 ether;
        t[2] = 35_000_000 ether;
        t[3] = 35_000_000 ether;
        for (uint256 i = 4; i < 10; ++i) t[i] = 21_000_000 ether;
    }

    function _plan() internal view returns (IGenesis.Grant[] memory grants, IGenesis.VestingGrant[] memory vesting) {
        grants = new IGenesis.Grant[](3);
        grants[0] = IGenesis.Grant({to: address(controller), amount: 350_000_000 ether});
        grants[1] = IGenesis.Grant({to: treasury, amount: 200_000_000 ether});
        grants[2] = IGenesis.Grant({to: liquidity, amount: 50_000_000 ether});
        vesting = new IGenesis.VestingGrant[](4);
        vesting[TEAM] = IGenesis.VestingGrant({
            beneficiary: team,
            amount: 150_000_000 ether,
            start: uint48(START),
            cliffDuration: uint32(YEAR),
            duration: uint32(4 * YEAR),
            startUnlockBps: 0,
            revocable: true
        });
        vesting[INVESTORS] = IGenesis.VestingGrant({
            beneficiary: investors,
            amount: 100_000_000 ether,
            start: uint48(START),
            cliffDuration: uint32(HALF_YEAR),
            duration: uint32(3 * YEAR),
            startUnlockBps: 0,
            revocable: false
        });
        vesting[PUBLIC_SALE] = IGenesis.VestingGrant({
            beneficiary: publicSale,
            amount: 100_000_000 ether,
            start: uint48(START),
            cliffDuration: 0,
            duration: uint32(YEAR),
            startUnlockBps: 2_500,
            revocable: false
        });
        vesting[ECOSYSTEM] = IGenesis.VestingGrant({
            beneficiary: ecosystem,
            amount: 50_000_000 ether,
            start: uint48(START),
            cliffDuration: 0,
            duration: uint32(5 * YEAR),
            startUnlockBps: 0,
            revocable: true
        });
    }
}
