// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IProviderStaking} from "../../../contracts/interfaces/IProviderStaking.sol";
import {Test} from "../../utils/Test.sol";

/// @notice The staking campaigns' clock: time moves only through `advance`, which first integrates every actor's
/// bonded value and every provider's pool assets over the interval. A value changes only by an action, and actions
/// happen at one instant, so the value read before a warp is the value held for the whole interval. What can be
/// earned under the APY ceiling is at most `maxApyBps` of these integrals over a year.
contract StakeClock is Test {
    IProviderStaking public immutable staking;
    address public immutable owner;
    address[] internal _actors;
    address[] internal _providers;
    mapping(address actor => uint256) public stakeSeconds;
    mapping(address provider => uint256) public poolSeconds;

    constructor(IProviderStaking staking_, address[] memory actors_, address[] memory providers_) {
        staking = staking_;
        owner = msg.sender;
        _actors = actors_;
        _providers = providers_;
    }

    /// @dev Integrates, then warps `elapsed` seconds ahead (the owning handler, or a partner it names).
    function advance(uint256 elapsed) external {
        for (uint256 i; i < _actors.length; ++i) {
            address a = _actors[i];
            stakeSeconds[a] += staking.positionOf(a).stake * elapsed;
        }
        for (uint256 i; i < _providers.length; ++i) {
            IProviderStaking.ProviderView memory info = staking.providerInfo(_providers[i]);
            poolSeconds[_providers[i]] += (info.selfStake + info.delegatedStake) * elapsed;
        }
        vm.warp(block.timestamp + elapsed);
    }
}
