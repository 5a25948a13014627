// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IStakeReader} from "../../../contracts/interfaces/IStakeReader.sol";

/// @notice Stand-in for provider staking (issue 4): settable activity and bonded stake per provider, a default for
/// providers never set (so benchmarks can stake thousands at once), and settable totals.
contract MockStakeReader is IStakeReader {
    struct Stake {
        bool set;
        bool active;
        uint64 lockEnd;
        uint256 bonded;
    }

    /// @dev Stakes set by `setStake` and the default are locked for good (and all self-stake) unless `setLock` says
    /// otherwise, so pools that ask for a locked identity stake see today's stakes as qualifying.
    uint64 internal constant FOREVER = type(uint64).max;

    mapping(address provider => Stake) private _stakes;
    bool public defaultActive;
    uint256 public defaultBonded;
    uint256 public totalBonded;
    uint256 public totalUnbonding;
    uint256 public cumulativeStake;
    uint256 public stakeUpdatedAt;

    function setStake(address provider, bool active, uint256 bonded) external {
        _stakes[provider] = Stake({set: true, active: active, lockEnd: FOREVER, bonded: bonded});
    }

    /// @dev Sets the end of the lock on a provider's stake (set by `setStake` first).
    function setLock(address provider, uint256 lockEnd) external {
        _stakes[provider].lockEnd = uint64(lockEnd);
    }

    function setDefault(bool active, uint256 bonded) external {
        defaultActive = active;
        defaultBonded = bonded;
    }

    /// @dev Accrues the stake-seconds of the old total first, as provider staking does at every change.
    function setTotals(uint256 bonded, uint256 unbonding) external {
        cumulativeStake += totalBonded * (block.timestamp - stakeUpdatedAt);
        stakeUpdatedAt = block.timestamp;
        totalBonded = bonded;
        totalUnbonding = unbonding;
    }

    function isActive(address provider) external view returns (bool) {
        Stake memory s = _stakes[provider];
        return s.set ? s.active : defaultActive;
    }

    function bondedStake(address provider) external view returns (uint256) {
        Stake memory s = _stakes[provider];
        return s.set ? s.bonded : defaultBonded;
    }

    function stakeOf(address provider) external view returns (bool active, uint256 bonded) {
        Stake memory s = _stakes[provider];
        return s.set ? (s.active, s.bonded) : (defaultActive, defaultBonded);
    }

    function identityStakeOf(address provider) external view returns (bool active, uint256 selfStake, uint256 lockEnd) {
        Stake memory s = _stakes[provider];
        return s.set ? (s.active, s.bonded, uint256(s.lockEnd)) : (defaultActive, defaultBonded, uint256(FOREVER));
    }

    function totalStakes() external view returns (uint256 bonded, uint256 unbonding) {
        return (totalBonded, totalUnbonding);
    }

    function stakeSeconds() external view returns (uint256 cumulative, uint256 updatedAt, uint256 bonded) {
        return (cumulativeStake, stakeUpdatedAt, totalBonded);
    }
}
