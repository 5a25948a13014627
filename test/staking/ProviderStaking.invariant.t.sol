// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IProviderStaking} from "../../contracts/interfaces/IProviderStaking.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {StakingBase} from "./StakingBase.sol";
import {StakingHandler} from "./handlers/StakingHandler.sol";

/// @notice Invariants of the staking module over random action sequences (QRY-style maturity buckets on, so
/// lock weights, kicks, multipliers and slashes all interact). Each compares the system to the handler's ghost
/// model or to a sum over every actor.
contract ProviderStakingInvariantTest is StakingBase {
    StakingHandler internal handler;

    function setUp() public virtual override {
        super.setUp();
        IProviderStaking.LockBucket[] memory buckets = new IProviderStaking.LockBucket[](4);
        buckets[0] = IProviderStaking.LockBucket(30 days, 11_000);
        buckets[1] = IProviderStaking.LockBucket(90 days, 12_500);
        buckets[2] = IProviderStaking.LockBucket(180 days, 15_000);
        buckets[3] = IProviderStaking.LockBucket(365 days, 20_000);
        staking = _deployStaking(buckets);
        _wire();

        address[] memory providers = new address[](3);
        providers[0] = p1;
        providers[1] = p2;
        providers[2] = makeAddr("provider3");
        address[] memory delegators = new address[](4);
        delegators[0] = d1;
        delegators[1] = d2;
        delegators[2] = d3;
        delegators[3] = makeAddr("delegator4");
        handler = _handler(providers, delegators);
        vm.startPrank(admin);
        manager.grantRole(Roles.MINTER, address(handler), 0);
        vm.stopPrank();

        // A running system to start from (through the handler, so the ghost model sees it): three providers in
        // different tiers, four delegations, a funded reward budget.
        handler.registerProvider(0, 100_000 ether);
        handler.registerProvider(1, 300_000 ether);
        handler.registerProvider(2, 1_200_000 ether);
        handler.delegate(0, 0, 50_000 ether);
        handler.delegate(1, 1, 200_000 ether);
        handler.delegate(2, 2, 10_000 ether);
        handler.delegate(3, 0, 5_000 ether);
        handler.notify(100_000 ether);
        targetContract(address(handler));
    }

    /// @dev The campaign's handler; the adversarial campaign adds its identities to the delegators.
    function _handler(
        address[] memory providers,
        address[] memory delegators
    ) internal virtual returns (StakingHandler) {
        return new StakingHandler(staking, token, [minter, funder, slasher, attester, registry], providers, delegators);
    }

    /// @dev Sum of every position's value and of every open request's value.
    function _sums() internal view returns (uint256 positions, uint256 requests, uint256 count) {
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actors(i);
            IProviderStaking.PositionView memory pos = staking.positionOf(a);
            positions += pos.stake;
            if (pos.shares != 0) ++count;
            for (uint256 j; j < 8; ++j) {
                try staking.unbondingRequest(a, j) returns (IProviderStaking.UnbondingView memory r) {
                    requests += r.amount;
                    ++count;
                } catch {}
            }
        }
    }

    function invariant_totalStakedEqualsSumOfPoolsAndPositions() public view {
        uint256 pools;
        uint256 unbondingPools;
        uint256 earning;
        for (uint256 i; i < handler.providerCount(); ++i) {
            IProviderStaking.ProviderView memory info = staking.providerInfo(handler.providers(i));
            pools += info.selfStake + info.delegatedStake;
            unbondingPools += info.unbondingStake;
            if (info.active) earning += info.selfStake + info.delegatedStake;
        }
        (uint256 bonded, uint256 unbonding) = staking.totalStakes();
        (, , uint256 earningStake, , ) = staking.rewardState();
        assertEq(bonded, pools, "total bonded == sum of active pools");
        assertEq(unbonding, unbondingPools, "total unbonding == sum of unbonding pools");
        assertEq(earningStake, earning, "earning stake == pools of active providers");

        (uint256 positions, uint256 requests, uint256 count) = _sums();
        // Each position and request is valued rounding down, by less than 1 wei each; the pools hold the rest.
        assertLe(positions, bonded, "positions never exceed the pools");
        assertGe(positions + count, bonded, "positions == pools up to rounding");
        assertLe(requests, unbonding, "requests never exceed the unbonding pools");
        assertGe(requests + count, unbonding, "requests == unbonding pools up to rounding");
    }

    function invariant_balanceCoversEverythingOwed() public view {
        assertEq(token.balanceOf(address(staking)), staking.totalOwed(), "staking: balance == owed");
        assertEq(token.balanceOf(address(reputation)), reputation.totalOwed(), "reputation: balance == owed");
        assertEq(
            reputation.totalOwed(),
            handler.ghostReputationIn() - handler.ghostReputationOut() - handler.ghostReputationSlashed(),
            "reputation: in - out - slashed"
        );
    }

    function invariant_rewardsPaidNeverExceedFunded() public view {
        (uint256 budget, , , uint256 distributed, uint256 claimed) = staking.rewardState();
        assertEq(budget + distributed, handler.ghostNotified(), "every funded token is budget or distributed");
        assertEq(claimed, handler.ghostClaimedTotal(), "claims match the ghost");
        assertLe(claimed, distributed, "claimed <= distributed");
        uint256 pending;
        for (uint256 i; i < handler.actorCount(); ++i) pending += staking.pendingRewards(handler.actors(i));
        assertLe(claimed + pending, handler.ghostNotified(), "paid + claimable <= funded");
    }

    function invariant_nobodyWithdrawsMoreThanDepositedMinusSlashed() public view {
        uint256 deposited;
        uint256 out;
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actors(i);
            uint256 holding = staking.positionOf(a).stake;
            for (uint256 j; j < 8; ++j) {
                try staking.unbondingRequest(a, j) returns (IProviderStaking.UnbondingView memory r) {
                    holding += r.amount;
                } catch {}
            }
            // Exits and mints round against their caller; the dust they leave raises the share price of those who
            // stay, so a holder may end up to one wei per share operation above what it put in, never more.
            assertLe(
                handler.ghostWithdrawn(a) + holding,
                handler.ghostDeposited(a) + handler.ghostShareOps(),
                "withdrawn + held <= deposited + rounding dust of others' share operations"
            );
            deposited += handler.ghostDeposited(a);
            out += handler.ghostWithdrawn(a) + holding;
        }
        // What is not withdrawn or held was burned by slashes, up to rounding that stayed in the pools.
        (, , uint256 count) = _sums();
        assertGe(deposited - out, handler.ghostSlashed(), "slashes came out of deposits");
        assertLe(deposited - out, handler.ghostSlashed() + count, "nothing else is lost");
    }

    function invariant_votesNeverExceedTwiceTheStake() public view {
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actors(i);
            assertLe(votes.getVotes(a), 2 * staking.positionOf(a).stake + 2, "weight <= 2x stake");
        }
    }

    /// @dev The most `valueSeconds` (a value integrated over time) can earn under the 12% ceiling, rounded up.
    function _ceiling(uint256 valueSeconds) internal pure returns (uint256) {
        return (valueSeconds * 1_200) / (10_000 * YEAR) + 1;
    }

    /// @dev Per staker, not per class: a delegation, however thin its side, earns at most 12% a year of its value.
    function invariant_noDelegationEarnsAboveTheCeiling() public view {
        for (uint256 i = handler.providerCount(); i < handler.actorCount(); ++i) {
            address a = handler.actors(i);
            uint256 earned = handler.ghostClaimed(a) + staking.pendingRewards(a);
            assertLe(earned, _ceiling(handler.clock().stakeSeconds(a)), "delegation above 12% a year");
        }
    }

    /// @dev A provider (self-stake reward and commission) earns at most 12% a year of its whole pool, and all
    /// stakers together at most 12% of all pools: the commission never lifts a pool above the band.
    function invariant_noPoolEarnsAboveTheCeiling() public view {
        uint256 bound_;
        uint256 earnedAll;
        for (uint256 i; i < handler.providerCount(); ++i) {
            address p = handler.providers(i);
            uint256 earned = handler.ghostClaimed(p) + staking.pendingRewards(p);
            uint256 ceiling = _ceiling(handler.clock().poolSeconds(p));
            assertLe(earned, ceiling, "provider above 12% a year of its pool");
            bound_ += ceiling;
        }
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actors(i);
            earnedAll += handler.ghostClaimed(a) + staking.pendingRewards(a);
        }
        assertLe(earnedAll, bound_ + handler.actorCount(), "all stakers above 12% a year of all pools");
    }

    /// @dev The lock bonus follows the time still committed: at most 1.5x plus 0.5x x (time left / 1 year).
    function invariant_votesFollowTheTimeStillCommitted() public view {
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actors(i);
            IProviderStaking.PositionView memory pos = staking.positionOf(a);
            uint256 left = pos.lockEnd > block.timestamp ? pos.lockEnd - block.timestamp : 0;
            if (left > YEAR) left = YEAR;
            uint256 ceiling = (pos.stake * (15_000 + (5_000 * left) / YEAR)) / 10_000;
            assertLe(votes.getVotes(a), ceiling + 2, "votes above the commitment still held");
        }
    }
}
