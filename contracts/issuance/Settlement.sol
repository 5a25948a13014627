// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IIssuerRegistry} from "../interfaces/IIssuerRegistry.sol";
import {ISettlement} from "../interfaces/ISettlement.sol";

/// @title Settlement
/// @notice Project-to-project payments in QUT with an on-chain record. No owner, no parameters, no custody.
contract Settlement is ISettlement {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    IERC20 private immutable _TOKEN;
    IIssuerRegistry private immutable _REGISTRY;

    uint256 private _settlementCount;
    mapping(uint256 id => Record) private _records;
    mapping(address issuer => Totals) private _totals;

    /// @notice Deploys the settlement book.
    /// @param token_ The token settlements are paid in (QUT).
    /// @param registry_ The issuer registry.
    constructor(address token_, address registry_) {
        if (token_ == address(0) || registry_ == address(0)) revert ZeroAddress();
        _TOKEN = IERC20(token_);
        _REGISTRY = IIssuerRegistry(registry_);
    }

    /// @inheritdoc ISettlement
    function settle(address to, uint256 amount, bytes32 ref) external returns (uint256 id) {
        if (amount == 0) revert ZeroAmount();
        if (to == msg.sender) revert SelfSettlement(to);
        _requireVerified(msg.sender);
        _requireVerified(to);
        uint96 amount96 = amount.toUint96();

        id = ++_settlementCount;
        _records[id] = Record({
            from: msg.sender,
            settledAt: uint64(block.timestamp), // timestamps fit 64 bits for the next 500 billion years
            to: to,
            amount: amount96,
            ref: ref
        });
        // Totals are 128-bit and grow by at most 2^96 per settlement: they cannot overflow in practice, and
        // checked arithmetic would revert the settlement if they ever did.
        _totals[msg.sender].paid += amount96;
        _totals[to].received += amount96;
        emit Settled(id, msg.sender, to, amount, ref);
        _TOKEN.safeTransferFrom(msg.sender, to, amount);
    }

    /// @inheritdoc ISettlement
    function settlementToken() external view returns (address) {
        return address(_TOKEN);
    }

    /// @inheritdoc ISettlement
    function registry() external view returns (address) {
        return address(_REGISTRY);
    }

    /// @inheritdoc ISettlement
    function settlement(uint256 id) external view returns (Record memory) {
        return _records[id];
    }

    /// @inheritdoc ISettlement
    function settlementCount() external view returns (uint256) {
        return _settlementCount;
    }

    /// @inheritdoc ISettlement
    function totalsOf(address issuer) external view returns (Totals memory) {
        return _totals[issuer];
    }

    /// @dev Reverts unless `account` is a verified issuer now: staked at least the first tier and not suspended.
    function _requireVerified(address account) private view {
        IIssuerRegistry.IssuerStatus status = _REGISTRY.statusOf(account);
        if (status != IIssuerRegistry.IssuerStatus.Verified) revert NotVerifiedIssuer(account, status);
    }
}
