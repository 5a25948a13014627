// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IProviderStaking} from "../../../contracts/interfaces/IProviderStaking.sol";
import {IStakingVotes} from "../../../contracts/interfaces/IStakingVotes.sol";
import {ProtocolToken} from "../../../contracts/token/ProtocolToken.sol";
import {Test} from "../../utils/Test.sol";
import {StakingHandler} from "./StakingHandler.sol";

/// @notice The actors who game staking, a second target beside `StakingHandler` on the same actors: sixteen free
/// identities of one owner spraying dust delegations (a thin delegation side, which earned a whole class's share
/// before the per-staker ceiling), and top-ups of old locks one day before they end (late stake, which inherited the
/// lock's full bonus before the bonus followed the time committed). The identities are also delegators of the base
/// handler, so they unbond, redelegate, lock and claim too. Deposits are recorded in the base handler's ghosts.
contract SybilStakers is Test {
    uint256 internal constant BPS = 10_000;

    StakingHandler public immutable base;
    IProviderStaking public immutable staking;
    ProtocolToken public immutable token;
    IStakingVotes public immutable votes;
    address public immutable minter;
    address[] public sybils;
    uint256 internal _next;
    uint256 public ghostSprayed;
    uint256 public ghostTopUps;

    constructor(StakingHandler base_, address minter_, address[] memory sybils_) {
        base = base_;
        staking = IProviderStaking(address(base_.staking()));
        token = base_.token();
        votes = IStakingVotes(staking.votes());
        minter = minter_;
        sybils = sybils_;
    }

    function _fund(address account, uint256 amount) internal {
        vm.prank(minter);
        token.mint(account, amount);
        vm.prank(account);
        token.approve(address(staking), amount);
    }

    /// @dev Four identities each delegate dust (1 wei to 10 QUIV) to one active provider: the thin side.
    function sybilSpray(uint256 pSeed, uint256 amountSeed) external {
        address p = base.providers(pSeed % base.providerCount());
        if (!staking.isActive(p)) return;
        for (uint256 k; k < 4; ++k) {
            address s = sybils[_next++ % sybils.length];
            IProviderStaking.PositionView memory pos = staking.positionOf(s);
            if (pos.shares != 0 && pos.provider != p) continue;
            uint256 amount = bound(uint256(keccak256(abi.encode(amountSeed, k))), 1, 10 ether);
            _fund(s, amount);
            vm.prank(s);
            try staking.delegate(p, amount) {
                base.credit(s, amount);
                ++ghostSprayed;
            } catch (bytes memory reason) {
                // The provider is active and the position free: only a dust amount worth no share may be refused.
                assertEq(
                    keccak256(reason),
                    keccak256(abi.encodeWithSelector(IProviderStaking.AmountTooSmall.selector, amount)),
                    "spray: unexpected error"
                );
            }
        }
    }

    /// @dev An actor holding a lock waits until one day before it ends, then adds a large stake to the position. The
    /// added stake is committed for one day: the position votes with at most the bonus of one day left (1/365 of the
    /// full 0.5x), and the added shares earn the 1x reward weight (no bucket starts below 30 days), so the position's
    /// weight is at most the shares-weighted mean of its old weight and 1x.
    function topUpOldLock(uint256 seed, uint256 amount) external {
        address a = base.actors(seed % base.actorCount());
        IProviderStaking.PositionView memory pos = staking.positionOf(a);
        if (pos.shares == 0 || pos.lockEnd <= block.timestamp + 1 days) return;
        base.clock().advance(pos.lockEnd - 1 days - block.timestamp);
        pos = staking.positionOf(a);
        address p = pos.provider;
        if (!staking.isActive(p)) return;
        amount = bound(amount, 1_000 ether, 1_000_000 ether);
        _fund(a, amount);
        vm.prank(a);
        if (a == p) staking.stake(amount);
        else staking.delegate(p, amount);
        base.credit(a, amount);
        ++ghostTopUps;

        IProviderStaking.PositionView memory topped = staking.positionOf(a);
        // 1.5x plus the bonus of the one day left: 5,000 x 1/365 = 13.7 bps, so 15,013 bps of the whole stake, where a
        // bonus fixed at the lock's start would give up to 20,000.
        uint256 ceiling = (topped.stake * 15_013) / BPS;
        // Rounding: the votes use the exact value (shares x a checkpointed price, never above the pool's), the stake is
        // rounded down by under 1 wei, so votes <= value x 1.5013 < (stake + 1) x 1.5013 <= ceiling + 2.51: at most 2.
        assertLe(votes.getVotes(a), ceiling + 2, "a top-up one day before the end votes like a one-day lock");
        uint256 added = topped.shares - pos.shares;
        assertLe(
            topped.rewardWeightBps * topped.shares,
            pos.rewardWeightBps * pos.shares + BPS * added + topped.shares,
            "the added stake earns the 1x weight of the day left"
        );
    }
}
