// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

import {IProtocolToken} from "../interfaces/IProtocolToken.sol";

/// @title ProtocolToken
/// @notice The protocol token of a preset: ERC20 + Permit + Votes (timestamp clock) + Burnable, hard-capped.
contract ProtocolToken is IProtocolToken, ERC20, ERC20Permit, ERC20Votes, ERC20Burnable, AccessManaged {
    uint256 private immutable _CAP;

    /// @dev Only the lifetime total minted is stored; `totalBurned` is derived from it, so a burn
    /// (the hot path: fee burns, slashing) costs no extra storage write.
    uint256 private _totalMinted;

    /// @notice Deploys the token with nothing minted.
    /// @param name_ Token name, also the EIP-712 domain name used by `permit`.
    /// @param symbol_ Token symbol.
    /// @param cap_ Hard cap on the lifetime total minted, in wei.
    /// @param authority The AccessManager that decides who may call `mint`.
    constructor(
        string memory name_,
        string memory symbol_,
        uint256 cap_,
        address authority
    ) ERC20(name_, symbol_) ERC20Permit(name_) AccessManaged(authority) {
        if (cap_ == 0 || cap_ > _maxSupply()) revert InvalidCap(cap_);
        _CAP = cap_;
    }

    /// @inheritdoc IProtocolToken
    function mint(address to, uint256 amount) external restricted {
        if (amount == 0) revert ZeroAmount();
        uint256 minted = _totalMinted + amount;
        if (minted > _CAP) revert CapExceeded(minted, _CAP);
        _totalMinted = minted;
        _mint(to, amount);
    }

    /// @inheritdoc IProtocolToken
    function cap() external view returns (uint256) {
        return _CAP;
    }

    /// @inheritdoc IProtocolToken
    function totalMinted() external view returns (uint256) {
        return _totalMinted;
    }

    /// @inheritdoc IProtocolToken
    function totalBurned() external view returns (uint256) {
        return _totalMinted - totalSupply();
    }

    /// @notice Votes and checkpoints are keyed by block timestamp (ERC-6372).
    /// @return The current block timestamp.
    function clock() public view override returns (uint48) {
        return Time.timestamp();
    }

    // solhint-disable func-name-mixedcase
    /// @notice ERC-6372 clock description.
    /// @return "mode=timestamp".
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }
    // solhint-enable func-name-mixedcase

    /// @inheritdoc ERC20Permit
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}
