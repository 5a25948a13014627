// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IProviderStaking} from "../../../contracts/interfaces/IProviderStaking.sol";
import {IReputationStake} from "../../../contracts/interfaces/IReputationStake.sol";
import {ProviderStaking} from "../../../contracts/staking/ProviderStaking.sol";
import {ProtocolToken} from "../../../contracts/token/ProtocolToken.sol";
import {Test} from "../../utils/Test.sol";
import {StakeClock} from "./StakeClock.sol";

/// @notice Drives the staking module through random sequences of every user and privileged action, with
/// inputs bounded to their valid ranges. Calls that may legitimately fail are tried, and a failure must be
/// one of the errors the action documents (with its exact arguments), otherwise the run fails. Ghost state
/// records what each actor put in and took out, what was funded and what was burned.
contract StakingHandler is Test {
    uint256 internal constant YEAR = 365 days;

    ProviderStaking public immutable staking;
    ProtocolToken public immutable token;
    IReputationStake public immutable reputation;
    address public immutable minter;
    address public immutable funder;
    address public immutable slasher;
    address public immutable attester;
    address public immutable registry;

    address[] public providers;
    address[] public delegators;
    address[] public actors;

    mapping(address actor => uint256) public ghostDeposited;
    mapping(address actor => uint256) public ghostWithdrawn;
    /// @dev Successful operations that mint or burn pool shares or value a request (bond, unbond, redelegate,
    /// withdraw, rebond). Each rounds against its caller and can leave at most one wei of dust in a pool, which
    /// raises the share price for the holders who stay: the bound on what one holder can gain from others.
    uint256 public ghostShareOps;
    mapping(address actor => uint256) public ghostClaimed;
    uint256 public ghostNotified;
    uint256 public ghostClaimedTotal;
    /// @dev Burned by slashes from active and unbonding pools (reputation is tracked by its own contract).
    uint256 public ghostSlashed;
    uint256 public ghostReputationIn;
    uint256 public ghostReputationOut;
    uint256 public ghostReputationSlashed;
    mapping(bytes32 action => uint256) public calls;
    /// @dev Moves time and integrates every actor's value and every pool's assets over it (the APY ceiling's base).
    StakeClock public immutable clock;
    /// @dev A second target acting on the same actors (the adversarial campaign's), allowed to record deposits,
    /// named once by the test that deployed this handler.
    address public partner;
    address private immutable _OWNER;

    constructor(
        ProviderStaking staking_,
        ProtocolToken token_,
        address[5] memory roles,
        address[] memory providers_,
        address[] memory delegators_
    ) {
        staking = staking_;
        token = token_;
        reputation = IReputationStake(staking_.reputation());
        (minter, funder, slasher, attester, registry) = (roles[0], roles[1], roles[2], roles[3], roles[4]);
        providers = providers_;
        delegators = delegators_;
        for (uint256 i; i < providers_.length; ++i) actors.push(providers_[i]);
        for (uint256 i; i < delegators_.length; ++i) actors.push(delegators_[i]);
        clock = new StakeClock(staking_, actors, providers_);
        _OWNER = msg.sender;
    }

    /// @dev Names the second target, once, from the deploying test (a no-op for any other caller, such as the fuzzer).
    function setPartner(address partner_) external {
        if (msg.sender == _OWNER && partner == address(0)) partner = partner_;
    }

    /// @dev Records a deposit the partner made for an actor of this campaign (a no-op for any other caller).
    function credit(address account, uint256 amount) external {
        if (msg.sender != partner || partner == address(0)) return;
        ghostDeposited[account] += amount;
        ghostShareOps++;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function providerCount() external view returns (uint256) {
        return providers.length;
    }

    // ------------------------------------------------------------------ helpers

    function _provider(uint256 seed) internal view returns (address) {
        return providers[seed % providers.length];
    }

    function _delegator(uint256 seed) internal view returns (address) {
        return delegators[seed % delegators.length];
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    /// @dev Three times in four, the lowest open slot (so the queue is exercised, not only its errors).
    function _slot(address account, uint256 seed) internal view returns (uint256) {
        if (seed % 4 != 0) {
            for (uint256 i; i < 8; ++i) {
                try staking.unbondingRequest(account, i) returns (IProviderStaking.UnbondingView memory) {
                    return i;
                } catch {}
            }
        }
        return bound(seed, 0, 7);
    }

    function _fund(address account, address spender, uint256 amount) internal {
        vm.prank(minter);
        token.mint(account, amount);
        vm.prank(account);
        token.approve(spender, amount);
    }

    function _expect(bytes memory reason, bytes memory expected) internal pure {
        assertEq(keccak256(reason), keccak256(expected), "unexpected error");
    }

    function _is(bytes memory reason, bytes memory candidate) internal pure returns (bool) {
        return keccak256(reason) == keccak256(candidate);
    }

    // ------------------------------------------------------------------ providers and delegators

    function registerProvider(uint256 seed, uint256 amount) external {
        address p = _provider(seed);
        if (staking.isRegistered(p)) return;
        amount = bound(amount, staking.parameter(keccak256("staking.minSelfStake")), 2_000_000 ether);
        _fund(p, address(staking), amount);
        vm.prank(p);
        staking.registerProvider(amount);
        ghostDeposited[p] += amount;
        calls["registerProvider"]++;
        ghostShareOps++;
    }

    function stake(uint256 seed, uint256 amount) external {
        address p = _provider(seed);
        if (!staking.isRegistered(p)) return;
        amount = bound(amount, 1, 1_000_000 ether);
        _fund(p, address(staking), amount);
        vm.prank(p);
        try staking.stake(amount) {
            ghostDeposited[p] += amount;
            calls["stake"]++;
            ghostShareOps++;
        } catch (bytes memory reason) {
            _expect(reason, abi.encodeWithSelector(IProviderStaking.AmountTooSmall.selector, amount));
        }
    }

    function delegate(uint256 dSeed, uint256 pSeed, uint256 amount) external {
        address d = _delegator(dSeed);
        address p = _provider(pSeed);
        if (!staking.isRegistered(p)) return;
        amount = bound(amount, 1, 1_000_000 ether);
        _fund(d, address(staking), amount);
        IProviderStaking.PositionView memory pos = staking.positionOf(d);
        vm.prank(d);
        try staking.delegate(p, amount) {
            ghostDeposited[d] += amount;
            calls["delegate"]++;
            ghostShareOps++;
        } catch (bytes memory reason) {
            bool expected =
                _is(reason, abi.encodeWithSelector(IProviderStaking.ProviderInactive.selector, p)) ||
                    _is(reason, abi.encodeWithSelector(IProviderStaking.ProviderBanned.selector, p)) ||
                    _is(
                        reason,
                        abi.encodeWithSelector(IProviderStaking.StakedWithOtherProvider.selector, d, pos.provider)
                    ) ||
                    _is(reason, abi.encodeWithSelector(IProviderStaking.AmountTooSmall.selector, amount));
            assertTrue(expected, "delegate: unexpected error");
            if (_is(reason, abi.encodeWithSelector(IProviderStaking.ProviderInactive.selector, p))) {
                assertFalse(staking.isActive(p), "refused an active provider");
            }
        }
    }

    function unbond(uint256 seed, uint256 amount) external {
        address a = _actor(seed);
        IProviderStaking.PositionView memory pos = staking.positionOf(a);
        if (pos.stake == 0) return;
        amount = bound(amount, 1, pos.stake);
        vm.prank(a);
        try staking.unbond(amount) {
            calls["unbond"]++;
            ghostShareOps++;
        } catch (bytes memory reason) {
            bool expected =
                _is(reason, abi.encodeWithSelector(IProviderStaking.StakeLocked.selector, a, pos.lockEnd)) ||
                    _is(reason, abi.encodeWithSelector(IProviderStaking.UnbondingQueueFull.selector, a, 8)) ||
                    _is(reason, abi.encodeWithSelector(IProviderStaking.AmountTooSmall.selector, amount));
            assertTrue(expected, "unbond: unexpected error");
        }
    }

    function redelegate(uint256 dSeed, uint256 pSeed) external {
        address d = _delegator(dSeed);
        address to = _provider(pSeed);
        IProviderStaking.PositionView memory pos = staking.positionOf(d);
        if (pos.shares == 0 || pos.provider == to || !staking.isRegistered(to)) return;
        vm.prank(d);
        try staking.redelegate(to) {
            calls["redelegate"]++;
            ghostShareOps++;
        } catch (bytes memory reason) {
            bool expected =
                _is(reason, abi.encodeWithSelector(IProviderStaking.ProviderInactive.selector, to)) ||
                    _is(reason, abi.encodeWithSelector(IProviderStaking.ProviderBanned.selector, to)) ||
                    _is(reason, abi.encodeWithSelector(IProviderStaking.StakeLocked.selector, d, pos.lockEnd)) ||
                    _is(reason, abi.encodeWithSelector(IProviderStaking.UnbondingQueueFull.selector, d, 8)) ||
                    _is(reason, abi.encodeWithSelector(IProviderStaking.ZeroAmount.selector)) ||
                    _is(reason, abi.encodeWithSelector(IProviderStaking.AmountTooSmall.selector, pos.stake));
            assertTrue(expected, "redelegate: unexpected error");
        }
    }

    function withdraw(uint256 seed, uint256 index) external {
        address a = _actor(seed);
        index = _slot(a, index);
        IProviderStaking.UnbondingView memory r;
        try staking.unbondingRequest(a, index) returns (IProviderStaking.UnbondingView memory found) {
            r = found;
        } catch {
            vm.prank(a);
            vm.expectRevert(abi.encodeWithSelector(IProviderStaking.NoUnbondingRequest.selector, a, index));
            staking.withdraw(index);
            return;
        }
        if (block.timestamp < r.unlockAt) {
            vm.prank(a);
            vm.expectRevert(
                abi.encodeWithSelector(IProviderStaking.UnbondingNotFinished.selector, a, index, r.unlockAt)
            );
            staking.withdraw(index);
            return;
        }
        uint256 balanceBefore = token.balanceOf(a);
        vm.prank(a);
        uint256 amount = staking.withdraw(index);
        uint256 received = token.balanceOf(a) - balanceBefore;
        assertTrue(received == amount || received == 0, "paid the request or bonded it");
        assertEq(amount, r.amount, "paid the request's value");
        ghostWithdrawn[a] += received;
        calls["withdraw"]++;
        ghostShareOps++;
    }

    function rebond(uint256 seed, uint256 index) external {
        address a = _actor(seed);
        index = _slot(a, index);
        IProviderStaking.UnbondingView memory r;
        try staking.unbondingRequest(a, index) returns (IProviderStaking.UnbondingView memory found) {
            r = found;
        } catch {
            return;
        }
        IProviderStaking.PositionView memory pos = staking.positionOf(a);
        vm.prank(a);
        try staking.rebond(index) {
            calls["rebond"]++;
            ghostShareOps++;
        } catch (bytes memory reason) {
            bool expected =
                _is(
                    reason,
                    abi.encodeWithSelector(IProviderStaking.StakedWithOtherProvider.selector, a, pos.provider)
                ) ||
                    _is(reason, abi.encodeWithSelector(IProviderStaking.ProviderCannotDelegate.selector, a)) ||
                    _is(reason, abi.encodeWithSelector(IProviderStaking.ProviderBanned.selector, r.provider)) ||
                    _is(reason, abi.encodeWithSelector(IProviderStaking.ZeroAmount.selector)) ||
                    _is(reason, abi.encodeWithSelector(IProviderStaking.AmountTooSmall.selector, r.amount));
            assertTrue(expected, "rebond: unexpected error");
        }
    }

    function lock(uint256 seed, uint256 duration) external {
        address a = _actor(seed);
        IProviderStaking.PositionView memory pos = staking.positionOf(a);
        if (pos.shares == 0) return;
        duration = bound(duration, 1, 4 * YEAR + 30 days);
        vm.prank(a);
        try staking.lock(duration) {
            calls["lock"]++;
        } catch (bytes memory reason) {
            bool expected =
                _is(reason, abi.encodeWithSelector(IProviderStaking.LockTooLong.selector, duration, 4 * YEAR)) ||
                    _is(
                        reason,
                        abi.encodeWithSelector(
                            IProviderStaking.LockShortened.selector,
                            block.timestamp + duration,
                            pos.lockEnd
                        )
                    );
            assertTrue(expected, "lock: unexpected error");
        }
    }

    function kick(uint256 seed) external {
        address a = _actor(seed);
        try staking.kick(a) {
            calls["kick"]++;
        } catch (bytes memory reason) {
            _expect(reason, abi.encodeWithSelector(IProviderStaking.NotKickable.selector, a));
        }
    }

    function claim(uint256 seed) external {
        address a = _actor(seed);
        uint256 balanceBefore = token.balanceOf(a);
        vm.prank(a);
        try staking.claimRewards() returns (uint256 amount) {
            assertEq(token.balanceOf(a) - balanceBefore, amount, "claim paid what it said");
            ghostClaimed[a] += amount;
            ghostClaimedTotal += amount;
            calls["claim"]++;
        } catch (bytes memory reason) {
            _expect(reason, abi.encodeWithSelector(IProviderStaking.NothingToClaim.selector, a));
        }
    }

    // ------------------------------------------------------------------ privileged

    function notify(uint256 amount) external {
        amount = bound(amount, 1, 200_000 ether);
        ghostNotified += amount;
        calls["notify"]++;
        vm.prank(minter);
        token.mint(funder, amount);
        vm.startPrank(funder);
        assertTrue(token.transfer(address(staking), amount), "transfer");
        staking.notifyRewardAmount(amount);
        vm.stopPrank();
    }

    function slash(uint256 seed, uint256 bps) external {
        address p = _provider(seed);
        if (!staking.isRegistered(p)) return;
        bps = bound(bps, 1, staking.tierOf(p).maxSlashBps);
        vm.prank(slasher);
        (uint256 fromActive, uint256 fromUnbonding, uint256 fromReputation) = staking.slash(p, bps, bytes32(seed));
        ghostSlashed += fromActive + fromUnbonding;
        ghostReputationSlashed += fromReputation;
        calls["slash"]++;
    }

    /// @dev Bans or lifts the ban of a provider (the slasher's call): its pool stops or resumes earning.
    function setBanned(uint256 seed, bool banned) external {
        address p = _provider(seed);
        if (!staking.isRegistered(p) || staking.isBanned(p) == banned) return;
        vm.prank(slasher);
        staking.setBanned(p, banned);
        assertEq(staking.isActive(p) && banned, false, "a banned provider is never active");
        calls["setBanned"]++;
    }

    function setPerformance(uint256 seed, uint256 speed, uint256 quality) external {
        address p = _provider(seed);
        if (!staking.isRegistered(p)) return;
        speed = bound(speed, 10_000, 12_000);
        quality = bound(quality, 10_000, 15_000);
        vm.prank(attester);
        staking.setPerformance(p, speed, quality);
        calls["setPerformance"]++;
    }

    /// @dev Moves the minimum self-stake, which deactivates or reactivates providers lazily; a refresh applies it.
    function setMinSelfStake(uint256 value, uint256 seed) external {
        value = bound(value, 5_000 ether, 20_000 ether);
        vm.prank(registry);
        staking.setParameter(keccak256("staking.minSelfStake"), value);
        address p = _provider(seed);
        if (staking.isRegistered(p)) staking.refreshProvider(p);
        calls["setMinSelfStake"]++;
    }

    // ------------------------------------------------------------------ reputation

    function addReputation(uint256 seed, uint256 amount) external {
        address p = _provider(seed);
        if (!staking.isRegistered(p)) return;
        amount = bound(amount, 1, 500_000 ether);
        _fund(p, address(reputation), amount);
        vm.prank(p);
        reputation.addStake(amount);
        ghostReputationIn += amount;
        calls["addReputation"]++;
    }

    function requestReputationWithdrawal(uint256 seed, uint256 amount) external {
        address p = _provider(seed);
        uint256 available = reputation.accountOf(p).stake;
        if (available == 0) return;
        amount = bound(amount, 1, available);
        vm.prank(p);
        reputation.requestWithdrawal(amount);
        calls["requestReputationWithdrawal"]++;
    }

    function withdrawReputation(uint256 seed) external {
        address p = _provider(seed);
        IReputationStake.ReputationAccount memory acc = reputation.accountOf(p);
        if (acc.pending == 0 || block.timestamp < acc.unlockAt) return;
        uint256 balanceBefore = token.balanceOf(p);
        vm.prank(p);
        uint256 amount = reputation.withdraw();
        assertEq(token.balanceOf(p) - balanceBefore, amount, "reputation paid");
        ghostReputationOut += amount;
        calls["withdrawReputation"]++;
    }

    // ------------------------------------------------------------------ time

    function warp(uint256 secondsAhead) external {
        clock.advance(bound(secondsAhead, 1, 30 days));
        calls["warp"]++;
    }
}
