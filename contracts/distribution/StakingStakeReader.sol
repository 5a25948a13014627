// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IProviderStaking} from "../interfaces/IProviderStaking.sol";
import {IStakeReader} from "../interfaces/IStakeReader.sol";

/// @title StakingStakeReader
/// @notice Reads provider staking through the narrow view the QRY distribution needs (`IStakeReader`).
/// @dev Stateless and ownerless. A provider's bonded stake is its self-stake plus the stake delegated to it, as
/// provider staking values them now (after slashes); what is unbonding does not count. A distribution identity's stake
/// (`identityStakeOf`) is its self-stake alone, with the end of the lock on its position.
contract StakingStakeReader is IStakeReader {
    IProviderStaking private immutable _STAKING;

    /// @notice The address given is not a contract.
    error NotAContract(address staking);

    /// @notice Deploys the reader over a provider-staking contract.
    /// @param staking_ The provider-staking contract read.
    constructor(address staking_) {
        if (staking_.code.length == 0) revert NotAContract(staking_);
        _STAKING = IProviderStaking(staking_);
    }

    /// @inheritdoc IStakeReader
    function isActive(address provider) external view returns (bool) {
        return _STAKING.isActive(provider);
    }

    /// @inheritdoc IStakeReader
    function bondedStake(address provider) external view returns (uint256) {
        IProviderStaking.ProviderView memory info = _STAKING.providerInfo(provider);
        return info.selfStake + info.delegatedStake;
    }

    /// @inheritdoc IStakeReader
    function stakeOf(address provider) external view returns (bool active, uint256 bonded) {
        active = _STAKING.isActive(provider);
        IProviderStaking.ProviderView memory info = _STAKING.providerInfo(provider);
        bonded = info.selfStake + info.delegatedStake;
    }

    /// @inheritdoc IStakeReader
    function identityStakeOf(address provider) external view returns (bool active, uint256 selfStake, uint256 lockEnd) {
        active = _STAKING.isActive(provider);
        IProviderStaking.PositionView memory pos = _STAKING.positionOf(provider);
        // A registered provider's position is its self-stake (a provider cannot delegate); a delegator's is not.
        if (pos.provider == provider) (selfStake, lockEnd) = (pos.stake, pos.lockEnd);
    }

    /// @inheritdoc IStakeReader
    function totalStakes() external view returns (uint256 bonded, uint256 unbonding) {
        return _STAKING.totalStakes();
    }

    /// @inheritdoc IStakeReader
    function stakeSeconds() external view returns (uint256 cumulative, uint256 updatedAt, uint256 bonded) {
        (cumulative, updatedAt) = _STAKING.bondedStakeSeconds();
        (bonded, ) = _STAKING.totalStakes();
    }

    /// @notice The provider-staking contract read.
    /// @return Its address.
    function staking() external view returns (address) {
        return address(_STAKING);
    }
}
