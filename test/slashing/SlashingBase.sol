// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IChallengeCourt} from "../../contracts/interfaces/IChallengeCourt.sol";
import {IMetricsRegistry} from "../../contracts/interfaces/IMetricsRegistry.sol";
import {ISlasher} from "../../contracts/interfaces/ISlasher.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {QuiverNumbers} from "../utils/QuiverNumbers.sol";
import {Wiring} from "../utils/Wiring.sol";
import {ChallengeCourt} from "../../contracts/slashing/ChallengeCourt.sol";
import {MetricsRegistry} from "../../contracts/slashing/MetricsRegistry.sol";
import {Slasher} from "../../contracts/slashing/Slasher.sol";
import {StakingBase} from "../staking/StakingBase.sol";
import {MockChallengeSource} from "./mocks/MockChallengeSource.sol";

/// @notice Shared setup for slashing tests: the staking module of `StakingBase` (QUIVer tiers: maximum slash
/// 5 / 10 / 15 / 20%) with the QUIVer slashing preset on top (test/utils/QuiverNumbers.sol: classes minor 1-5%, major
/// 5-15%, severe 15-20%; a 1,000-token minimum challenge stake plus 10%, 3-day votes, a 10,000-token bond; a metrics
/// registry with daily epochs, a 90-epoch window, 95% uptime, 2x latency, 3 attestations, weights 40/30/20/10%, a
/// 7-day dispute window), its epochs starting at T0. Actors: five validators, a consumer, the emergency timelock, the
/// normal timelock (governor).
abstract contract SlashingBase is StakingBase {
    uint256 internal constant DAY = 1 days;
    uint256 internal constant VOTING = QuiverNumbers.VOTING_PERIOD;
    uint256 internal constant BOND = QuiverNumbers.VALIDATOR_BOND;
    uint256 internal constant MIN_STAKE = QuiverNumbers.MIN_CHALLENGE_STAKE;

    Slasher internal slasherContract;
    ChallengeCourt internal court;
    MetricsRegistry internal metrics;
    MockChallengeSource internal source;

    address internal emergency;
    address internal governor;
    address internal consumer;
    address[5] internal validators;

    function setUp() public virtual override {
        super.setUp();
        emergency = makeAddr("emergencyTimelock");
        governor = makeAddr("normalTimelock");
        consumer = makeAddr("consumer");
        for (uint256 i; i < validators.length; ++i)
            validators[i] = makeAddr(string.concat("validator", vm.toString(i)));

        slasherContract = new Slasher(staking, address(manager), _slasherParameters());
        court = new ChallengeCourt(IERC20(address(token)), slasherContract, address(manager), _courtParameters());
        metrics = new MetricsRegistry(court, slasherContract, address(manager), _metricsConfig());
        source = new MockChallengeSource();
        _wireSlashing();
    }

    function _slasherParameters() internal pure virtual returns (ISlasher.Parameters memory) {
        return QuiverNumbers.slasherParameters();
    }

    function _courtParameters() internal pure virtual returns (IChallengeCourt.Parameters memory) {
        return QuiverNumbers.courtParameters();
    }

    function _metricsConfig() internal view virtual returns (IMetricsRegistry.Config memory c) {
        c = QuiverNumbers.metricsConfig();
        // Epoch 0 starts at the tests' clock (the deployment's `metricsStart` parameter, not a preset number).
        c.start = T0;
    }

    /// @dev The roles the preset's deploy module maps and grants (deploy/modules/Slashing.ts).
    function _wireSlashing() internal {
        vm.startPrank(admin);
        // Function roles as the presets deploy them (test/utils/Wiring.sol, generated from the deployed presets).
        Wiring.slasher(manager, address(slasherContract));
        Wiring.challengeCourt(manager, address(court));
        manager.grantRole(Roles.SLASHER, address(slasherContract), 0);
        manager.grantRole(Roles.ATTESTER, address(metrics), 0);
        manager.grantRole(Roles.SLASHING_COURT, address(court), 0);
        manager.grantRole(Roles.SLASHING_COURT, address(metrics), 0);
        manager.grantRole(Roles.EMERGENCY, emergency, 0);
        manager.grantRole(Roles.GOVERNOR, governor, 0);
        court.setSource(address(source), true);
        court.setSource(address(metrics), true);
        vm.stopPrank();
    }

    // ------------------------------------------------------------------ helpers

    function _emergencySlash(
        address provider,
        ISlasher.Infraction infraction,
        uint256 bps,
        bytes32 evidenceId
    ) internal returns (ISlasher.SlashResult memory) {
        vm.prank(emergency);
        return slasherContract.emergencySlash(provider, infraction, bps, evidenceId);
    }

    function _registerValidator(address v) internal {
        _mint(v, BOND);
        vm.startPrank(v);
        token.approve(address(court), BOND);
        court.registerValidator();
        vm.stopPrank();
    }

    function _registerValidators(uint256 count) internal {
        for (uint256 i; i < count; ++i) _registerValidator(validators[i]);
    }

    function _fundPool(uint256 amount) internal {
        _mint(funder, amount);
        vm.startPrank(funder);
        token.approve(address(court), amount);
        court.fundRewards(amount);
        vm.stopPrank();
    }

    /// @dev A subject of `provider` challengeable by `consumer` until `deadline`, worth `value`.
    function _subject(bytes32 subjectId, address provider, uint256 value, uint256 deadline) internal {
        source.setSubject(subjectId, provider, consumer, value, deadline);
    }

    /// @dev The consumer opens a challenge of `subjectId` (funded with exactly the stake it takes).
    function _open(bytes32 subjectId, ISlasher.Infraction infraction, uint256 bps) internal returns (uint256 id) {
        (, , uint256 value, ) = source.challengeSubject(subjectId);
        uint256 stake = court.challengeStakeFor(value);
        _mint(consumer, stake);
        vm.startPrank(consumer);
        token.approve(address(court), stake);
        id = court.openChallenge(address(source), subjectId, infraction, bps);
        vm.stopPrank();
    }

    function _vote(address v, uint256 id, bool uphold) internal {
        vm.prank(v);
        court.vote(id, uphold);
    }

    function _evidence(bytes32 subjectId) internal view returns (bytes32) {
        return keccak256(abi.encode(address(source), subjectId));
    }

    /// @dev Everything staked with `provider`: active pool, unbonding pool and reputation stake.
    function _stakeWith(address provider) internal view returns (uint256) {
        (uint256 bonded, uint256 unbonding) = (
            staking.providerInfo(provider).selfStake + staking.providerInfo(provider).delegatedStake,
            staking.providerInfo(provider).unbondingStake
        );
        return bonded + unbonding + reputation.accountOf(provider).stake + reputation.accountOf(provider).pending;
    }
}
