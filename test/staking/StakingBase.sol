// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IProviderStaking} from "../../contracts/interfaces/IProviderStaking.sol";
import {IReputationStake} from "../../contracts/interfaces/IReputationStake.sol";
import {IStakingVotes} from "../../contracts/interfaces/IStakingVotes.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {QuiverNumbers} from "../utils/QuiverNumbers.sol";
import {Wiring} from "../utils/Wiring.sol";
import {ProviderStaking} from "../../contracts/staking/ProviderStaking.sol";
import {ProtocolToken} from "../../contracts/token/ProtocolToken.sol";
import {Test} from "../utils/Test.sol";

/// @notice Shared setup for staking tests: the QUIVer preset's numbers (readings in
/// presets/quiver/staking.ts), except a reward duration of 1,000,000 s so hand-computed rates are round.
/// Named actors: two providers, three delegators, a funder, a slasher, an attester and a stand-in for the
/// parameter registry.
abstract contract StakingBase is Test {
    uint256 internal constant CAP = QuiverNumbers.TOKEN_CAP;
    uint256 internal constant YEAR = 365 days;
    uint256 internal constant UNBONDING = QuiverNumbers.UNBONDING_PERIOD;
    uint256 internal constant REWARD_DURATION = 1_000_000;
    uint256 internal constant T0 = 1_750_000_000;

    AccessManager internal manager;
    ProtocolToken internal token;
    ProviderStaking internal staking;
    IStakingVotes internal votes;
    IReputationStake internal reputation;

    address internal admin;
    address internal minter;
    address internal funder;
    address internal slasher;
    address internal attester;
    address internal registry;
    address internal p1;
    address internal p2;
    address internal d1;
    address internal d2;
    address internal d3;

    function setUp() public virtual {
        vm.warp(T0);
        admin = makeAddr("admin");
        minter = makeAddr("minter");
        funder = makeAddr("funder");
        slasher = makeAddr("slasher");
        attester = makeAddr("attester");
        registry = makeAddr("registry");
        p1 = makeAddr("provider1");
        p2 = makeAddr("provider2");
        d1 = makeAddr("delegator1");
        d2 = makeAddr("delegator2");
        d3 = makeAddr("delegator3");

        manager = new AccessManager(admin);
        token = new ProtocolToken("QUIVer", "QUIV", CAP, address(manager));
        staking = _deployStaking(new IProviderStaking.LockBucket[](0));
        _wire();
    }

    function _parameters() internal pure virtual returns (IProviderStaking.Parameters memory p) {
        p = QuiverNumbers.stakingParameters();
        // Rewards stream over 1,000,000 s here (the preset: 30 days) so that the tests' reward figures are round.
        p.rewardDuration = REWARD_DURATION;
    }

    function _constants() internal pure virtual returns (IProviderStaking.Constants memory c) {
        c = QuiverNumbers.stakingConstants();
    }

    function _deployStaking(IProviderStaking.LockBucket[] memory buckets) internal returns (ProviderStaking s) {
        s = new ProviderStaking(IERC20(address(token)), address(manager), _parameters(), _constants(), buckets);
    }

    /// @dev Maps the privileged selectors to their roles and grants them (as the preset's deploy module does).
    function _wire() internal {
        votes = IStakingVotes(staking.votes());
        reputation = IReputationStake(staking.reputation());
        vm.startPrank(admin);
        // Function roles as the presets deploy them (test/utils/Wiring.sol, generated from the deployed presets).
        Wiring.protocolToken(manager, address(token));
        Wiring.providerStaking(manager, address(staking));
        manager.grantRole(Roles.MINTER, minter, 0);
        manager.grantRole(Roles.REWARD_FUNDER, funder, 0);
        manager.grantRole(Roles.SLASHER, slasher, 0);
        manager.grantRole(Roles.ATTESTER, attester, 0);
        manager.grantRole(Roles.PARAMETER_REGISTRY, registry, 0);
        vm.stopPrank();
    }

    // ------------------------------------------------------------------ helpers

    function _mint(address to, uint256 amount) internal {
        vm.prank(minter);
        token.mint(to, amount);
    }

    /// @dev Mints `amount` to `account` and approves the staking contract for it.
    function _fundAccount(address account, uint256 amount) internal {
        _mint(account, amount);
        vm.prank(account);
        token.approve(address(staking), amount);
    }

    function _register(address provider, uint256 amount) internal {
        _fundAccount(provider, amount);
        vm.prank(provider);
        staking.registerProvider(amount);
    }

    function _stake(address provider, uint256 amount) internal {
        _fundAccount(provider, amount);
        vm.prank(provider);
        staking.stake(amount);
    }

    function _delegate(address delegator, address provider, uint256 amount) internal {
        _fundAccount(delegator, amount);
        vm.prank(delegator);
        staking.delegate(provider, amount);
    }

    function _unbond(address account, uint256 amount) internal returns (uint256 index) {
        vm.prank(account);
        index = staking.unbond(amount);
    }

    /// @dev The funder transfers, then notifies (the IRewardReceiver protocol).
    function _notify(uint256 amount) internal {
        _mint(funder, amount);
        vm.startPrank(funder);
        token.transfer(address(staking), amount);
        staking.notifyRewardAmount(amount);
        vm.stopPrank();
    }

    function _claim(address account) internal returns (uint256 amount) {
        vm.prank(account);
        amount = staking.claimRewards();
    }

    function _setParameter(bytes32 key, uint256 value) internal {
        vm.prank(registry);
        staking.setParameter(key, value);
    }

    function _skip(uint256 secondsAhead) internal {
        vm.warp(block.timestamp + secondsAhead);
    }

    function _stakeOf(address account) internal view returns (uint256) {
        return staking.positionOf(account).stake;
    }
}
