// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";

import {EmissionController} from "../../contracts/supply/EmissionController.sol";
import {EpochRewardPool} from "../../contracts/supply/EpochRewardPool.sol";
import {IEmissionController} from "../../contracts/interfaces/IEmissionController.sol";
import {IGenesis} from "../../contracts/interfaces/IGenesis.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {Wiring} from "../utils/Wiring.sol";
import {Genesis} from "../../contracts/supply/Genesis.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";
import {VestingVault} from "../../contracts/supply/VestingVault.sol";
import {ManagedTest} from "../utils/ManagedTest.sol";
import {QuiverNumbers} from "../utils/QuiverNumbers.sol";

/// @notice The QUIVer supply wired as the deploy module wires it, with QUIVer's numbers (test/utils/QuiverNumbers.sol,
/// generated from the preset by the deploy module's own `genesisPlan`): 1B QUIV; provider rewards 350M in the emission
/// controller (paid into a 30-day-epoch pool whose buckets burn 180 days after their epoch), community treasury 200M,
/// liquidity 50M at start; vesting from the TGE: team 150M (4 years, 1-year cliff, revocable), early investors 100M (3
/// years, 6-month cliff), public sale 100M (25% at start, the rest over 1 year), ecosystem 50M (5 years, revocable). A
/// year is 31,536,000 s, six months half that.
abstract contract QuiverFixture is ManagedTest {
    uint256 internal constant START = 1_800_000_000;
    uint256 internal constant YEAR = 31_536_000;
    uint256 internal constant HALF_YEAR = 15_768_000;
    uint256 internal constant TOTAL_SUPPLY = QuiverNumbers.TOTAL_SUPPLY;
    uint256 internal constant PROVIDER_REWARDS = QuiverNumbers.EMISSION_CAP;

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
        token = new ProtocolToken("QUIVer", "QUIV", QuiverNumbers.TOKEN_CAP, address(manager));
        vault = new VestingVault(address(token), treasury, address(manager));
        pool = new EpochRewardPool(
            address(token),
            address(manager),
            START,
            QuiverNumbers.EPOCH_SECONDS,
            QuiverNumbers.CLAIM_WINDOW_SECONDS
        );
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
            QuiverNumbers.emissionTable(),
            QuiverNumbers.HALVING_YEARS,
            QuiverNumbers.EMISSION_CAP,
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

    /// @dev The preset's plan with this fixture's accounts: the grants in the preset's order (provider rewards to the
    /// controller, community treasury, liquidity), the schedules in theirs (team, investors, public sale,
    /// ecosystem), starting at the TGE.
    function _plan() internal view returns (IGenesis.Grant[] memory grants, IGenesis.VestingGrant[] memory vesting) {
        grants = QuiverNumbers.genesisGrants();
        grants[0].to = address(controller);
        grants[1].to = treasury;
        grants[2].to = liquidity;
        vesting = QuiverNumbers.genesisVesting();
        address[4] memory beneficiaries = [team, investors, publicSale, ecosystem];
        for (uint256 i; i < 4; ++i) {
            vesting[i].beneficiary = beneficiaries[i];
            vesting[i].start = uint48(START);
        }
    }
}
