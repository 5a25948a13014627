// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IAccessManager} from "@openzeppelin/contracts/access/manager/IAccessManager.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {IGenesis} from "../interfaces/IGenesis.sol";
import {IProtocolToken} from "../interfaces/IProtocolToken.sol";
import {IVestingVault} from "../interfaces/IVestingVault.sol";
import {Roles} from "../common/Roles.sol";

/// @title Genesis
/// @notice Mints a preset's total supply once and funds every allocation, then renounces its roles for good.
/// @dev Direct grants are minted straight to their recipients; the vesting total is minted here once and pulled
/// by the vault schedule by schedule. The loops run over the preset's allocations, at deployment only.
contract Genesis is IGenesis, AccessManaged {
    using SafeERC20 for IERC20;

    IProtocolToken private immutable _TOKEN;
    IVestingVault private immutable _VAULT;
    uint256 private immutable _TOTAL_SUPPLY;

    bool private _done;

    /// @notice Deploys the genesis step of a preset.
    /// @param token_ The protocol token.
    /// @param vault The vesting vault.
    /// @param totalSupply_ What `run` must mint in total, in wei.
    /// @param authority The preset's AccessManager.
    constructor(address token_, address vault, uint256 totalSupply_, address authority) AccessManaged(authority) {
        if (token_ == address(0) || vault == address(0) || totalSupply_ == 0) revert InvalidConfiguration();
        _TOKEN = IProtocolToken(token_);
        _VAULT = IVestingVault(vault);
        _TOTAL_SUPPLY = totalSupply_;
    }

    /// @inheritdoc IGenesis
    function run(Grant[] calldata grants, VestingGrant[] calldata vesting) external restricted {
        if (_done) revert GenesisAlreadyRun();
        _done = true;

        uint256 total;
        for (uint256 i; i < grants.length; ++i) {
            Grant calldata g = grants[i];
            if (g.to == address(0) || g.amount == 0) revert InvalidGrant(i, g.to, g.amount);
            total += g.amount;
        }
        uint256 vestingTotal;
        for (uint256 i; i < vesting.length; ++i) vestingTotal += vesting[i].amount;
        total += vestingTotal;
        if (total != _TOTAL_SUPPLY) revert TotalMismatch(total, _TOTAL_SUPPLY);

        for (uint256 i; i < grants.length; ++i) _TOKEN.mint(grants[i].to, grants[i].amount);
        if (vestingTotal > 0) {
            _TOKEN.mint(address(this), vestingTotal);
            IERC20(address(_TOKEN)).forceApprove(address(_VAULT), vestingTotal);
            for (uint256 i; i < vesting.length; ++i) {
                VestingGrant calldata v = vesting[i];
                _VAULT.createSchedule(
                    v.beneficiary,
                    v.amount,
                    v.start,
                    v.cliffDuration,
                    v.duration,
                    v.startUnlockBps,
                    v.revocable
                );
            }
        }

        IAccessManager manager = IAccessManager(authority());
        manager.renounceRole(Roles.MINTER, address(this));
        manager.renounceRole(Roles.VESTING_CREATOR, address(this));
        emit GenesisRun(total, grants.length, vesting.length);
    }

    /// @inheritdoc IGenesis
    function done() external view returns (bool) {
        return _done;
    }

    /// @inheritdoc IGenesis
    function totalSupply() external view returns (uint256) {
        return _TOTAL_SUPPLY;
    }
}
