// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IMetricsRegistry} from "../../contracts/interfaces/IMetricsRegistry.sol";
import {IProviderPrograms} from "../../contracts/interfaces/IProviderPrograms.sol";
import {IRatings} from "../../contracts/interfaces/IRatings.sol";
import {Wiring} from "../utils/Wiring.sol";
import {ProviderPrograms} from "../../contracts/market/ProviderPrograms.sol";
import {Ratings} from "../../contracts/market/Ratings.sol";
import {QuiverNumbers} from "../utils/QuiverNumbers.sol";
import {MarketBase} from "./MarketBase.sol";
import {MockMetrics} from "./mocks/MockMetrics.sol";

/// @notice The market fixture plus the ratings and the provider programs: QUIVer's numbers
/// (test/utils/QuiverNumbers.sol), with the test-sized caps named where they are set.
abstract contract ProgramsBase is MarketBase {
    /// @dev QUIVer: six months of a 365-day year.
    uint256 internal constant TENURE = QuiverNumbers.LOYALTY_TENURE;
    uint256 internal constant GAP = QuiverNumbers.MAX_SIGHTING_GAP;

    MockMetrics internal metrics;
    Ratings internal ratings;
    ProviderPrograms internal programs;

    function setUp() public virtual override {
        super.setUp();
        metrics = new MockMetrics(3);
        ratings = new Ratings(market, address(manager), _ratingParameters());
        programs = new ProviderPrograms(
            market,
            IMetricsRegistry(address(metrics)),
            ratings,
            address(manager),
            _programParameters()
        );
        vm.startPrank(admin);
        // Function roles as the presets deploy them (test/utils/Wiring.sol, generated from the deployed presets).
        Wiring.ratings(manager, address(ratings));
        Wiring.providerPrograms(manager, address(programs));
        vm.stopPrank();
    }

    /// @dev `provider` claims its bonuses; returns what it was paid.
    function _claim(address provider) internal returns (uint256) {
        vm.prank(provider);
        return programs.claim();
    }

    /// @dev Sights bronze every 30 days for 180 days, then moves to `offset` seconds after its enrolment.
    function _stayUntil(uint256 offset) internal {
        uint256 start = programs.providerInfo(bronze).activeSince;
        for (uint256 i = 1; i <= 6; ++i) {
            vm.warp(start + i * 30 days);
            programs.sight(bronze);
        }
        vm.warp(start + offset);
    }

    /// @dev The curator certifies bronze as a specialist of SMALL (eligible for the diversity bonus on it); bronze has
    /// served it since T0.
    function _specializeSmall() internal {
        _certify(SMALL, bronze);
    }

    /// @dev The curator certifies `provider` (serving `modelId`) as a specialist of it.
    function _certify(bytes32 modelId, address provider) internal {
        vm.prank(curator);
        catalog.certify(modelId, provider, true);
    }

    /// @dev The preset's ratings with test-sized caps and reward (the preset: 0.5 QUIV a feedback, 5 QUIV an account
    /// and 5,000 QUIV a period), so tests reach each cap with a few feedbacks.
    function _ratingParameters() internal pure virtual returns (IRatings.Parameters memory p) {
        p = QuiverNumbers.ratingParameters();
        p.feedbackReward = 0.3 ether;
        p.accountCap = 1 ether;
        p.periodCap = 100 ether;
    }

    /// @dev The preset's programs with test-sized caps (the preset: 2,500 QUIV an account, 50,000 a period) and 30
    /// attestations a period (the preset: 90), so tests reach them with a few payments and attestations.
    function _programParameters() internal pure virtual returns (IProviderPrograms.Parameters memory p) {
        p = QuiverNumbers.programParameters();
        p.minAttestations = 30;
        p.accountCap = 50 ether;
        p.periodCap = 500 ether;
    }

    function _fundRatings(uint256 amount) internal {
        address funder = makeAddr("treasuryFunder");
        _mint(funder, amount);
        vm.startPrank(funder);
        token.approve(address(ratings), amount);
        ratings.fund(amount);
        vm.stopPrank();
    }

    function _fundProgram(IProviderPrograms.Program program, uint256 amount) internal {
        address funder = makeAddr("rewardsFunder");
        _mint(funder, amount);
        vm.startPrank(funder);
        token.approve(address(programs), amount);
        programs.fund(program, amount);
        vm.stopPrank();
    }

    function _fundAll(uint256 amount) internal {
        _fundProgram(IProviderPrograms.Program.Availability, amount);
        _fundProgram(IProviderPrograms.Program.Diversity, amount);
        _fundProgram(IProviderPrograms.Program.Loyalty, amount);
    }

    /// @dev `consumer` (key) pays `provider` through a SMALL channel up to a cumulative list value.
    function _pay(address consumer, uint256 key, address provider, uint256 cumulative) internal {
        _settle(key, _voucher(consumer, provider, SMALL, cumulative, 0));
    }

    /// @dev `consumer` (key) pays `provider` through a channel of `modelId` up to a cumulative list value.
    function _payOn(bytes32 modelId, address consumer, uint256 key, address provider, uint256 cumulative) internal {
        _settle(key, _voucher(consumer, provider, modelId, cumulative, 0));
    }

    function _rate(
        address consumer,
        address provider,
        uint256 stars
    ) internal returns (uint256 weight, uint256 reward) {
        IRatings.Channel memory c;
        c.provider = provider;
        c.modelId = SMALL;
        c.epoch = market.reserveOf(consumer, provider).epoch;
        vm.prank(consumer);
        return ratings.rate(c, stars, keccak256(abi.encode("review", consumer, provider, stars)));
    }
}
