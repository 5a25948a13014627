// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {IInsuranceFund} from "../interfaces/IInsuranceFund.sol";

/// @title InsuranceFund
/// @notice Stablecoin set aside to cover the lending module's bad debt.
contract InsuranceFund is IInsuranceFund, AccessManaged {
    using SafeERC20 for IERC20;

    IERC20 private immutable _STABLE;
    /// @dev The stable vault, bound once after it is deployed (it takes the fund's address in its constructor).
    address private _vault;

    /// @notice Deploys an empty fund.
    /// @param authority The preset's AccessManager.
    /// @param stable_ The stablecoin the fund holds.
    constructor(address authority, IERC20 stable_) AccessManaged(authority) {
        if (address(stable_) == address(0)) revert ZeroAddress();
        _STABLE = stable_;
    }

    /// @inheritdoc IInsuranceFund
    function bindVault(address vault_) external restricted {
        address bound = _vault;
        if (bound != address(0) || vault_ == address(0)) revert VaultAlreadyBound(bound);
        // The binding is permanent: only the vault that writes its losses off against this fund may draw on it.
        (bool ok, bytes memory data) = vault_.staticcall(abi.encodeWithSignature("insuranceFund()"));
        if (!ok || data.length != 32 || abi.decode(data, (uint256)) != uint160(address(this)))
            revert VaultMismatch(vault_);
        _vault = vault_;
        emit VaultBound(vault_);
    }

    /// @inheritdoc IInsuranceFund
    function vault() external view returns (address) {
        return _vault;
    }

    /// @inheritdoc IInsuranceFund
    function cover(uint256 amount) external returns (uint256 covered) {
        if (msg.sender != _vault) revert NotVault(msg.sender);
        if (amount == 0) revert ZeroAmount();
        covered = Math.min(amount, _STABLE.balanceOf(address(this)));
        emit ShortfallCovered(msg.sender, amount, covered);
        if (covered != 0) _STABLE.safeTransfer(msg.sender, covered);
    }

    /// @inheritdoc IInsuranceFund
    function withdraw(address to, uint256 amount) external restricted {
        if (to == address(0)) revert ZeroAddress();
        if (amount == 0) revert ZeroAmount();
        uint256 held = _STABLE.balanceOf(address(this));
        if (amount > held) revert InsufficientBalance(amount, held);
        emit Withdrawn(to, amount);
        _STABLE.safeTransfer(to, amount);
    }

    /// @inheritdoc IInsuranceFund
    function balance() external view returns (uint256) {
        return _STABLE.balanceOf(address(this));
    }

    /// @inheritdoc IInsuranceFund
    function stable() external view returns (address) {
        return address(_STABLE);
    }
}
