// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {IComplianceRegistry} from "../interfaces/IComplianceRegistry.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";

/// @title ComplianceRegistry
/// @notice The opt-in compliance hooks' one source of truth (see `IComplianceRegistry`): attestations written by
/// KYC providers, a governed restricted-jurisdiction list and a governed threshold (ParameterRegistry key
/// `compliance.threshold`). A preset with compliance off deploys none: its hooked contracts hold the zero address.
/// @dev Roles (AccessManager): `attest`, `revoke` -> KYC_PROVIDER; `setRestricted` -> GOVERNOR; `setParameter` ->
/// PARAMETER_REGISTRY. The edge: a payment of exactly `threshold` needs attested parties, one wei less does not.
contract ComplianceRegistry is IComplianceRegistry, Parameterized {
    /// @inheritdoc IComplianceRegistry
    bytes32 public constant THRESHOLD = keccak256("compliance.threshold");

    uint256 private _threshold;
    mapping(address account => Attestation) private _attestations;
    mapping(bytes2 jurisdiction => bool) private _restricted;

    /// @notice Deploys the registry.
    /// @param authority The preset's AccessManager.
    /// @param threshold_ The initial threshold, token wei (the preset's; governance moves it within its bounds).
    constructor(address authority, uint256 threshold_) AccessManaged(authority) {
        _threshold = threshold_;
    }

    /// @inheritdoc IComplianceRegistry
    function attest(address account, uint256 expiry, bytes2 jurisdiction) external restricted {
        if (account == address(0)) revert ZeroAddress();
        if (account == msg.sender) revert SelfAttestation(msg.sender);
        if (expiry <= block.timestamp || expiry > type(uint64).max) revert InvalidExpiry(expiry);
        if (!_isCode(jurisdiction)) revert InvalidJurisdiction();
        // expiry <= 2^64 - 1, checked above.
        _attestations[account] = Attestation({
            provider: msg.sender,
            expiry: uint64(expiry),
            jurisdiction: jurisdiction
        });
        emit Attested(account, msg.sender, expiry, jurisdiction);
    }

    /// @inheritdoc IComplianceRegistry
    function revoke(address account) external restricted {
        if (_attestations[account].provider == address(0)) revert NotAttested(account);
        delete _attestations[account];
        emit Revoked(account, msg.sender);
    }

    /// @inheritdoc IComplianceRegistry
    function setRestricted(bytes2 jurisdiction, bool restricted_) external restricted {
        if (!_isCode(jurisdiction)) revert InvalidJurisdiction();
        _restricted[jurisdiction] = restricted_;
        emit RestrictedSet(jurisdiction, restricted_);
    }

    /// @inheritdoc IComplianceRegistry
    function check(address from, address to, uint256 amount) external view {
        if (amount < _threshold) return;
        if (from != address(0)) _check(from);
        if (to != address(0)) _check(to);
    }

    /// @inheritdoc IComplianceRegistry
    function isCompliant(address account) external view returns (bool) {
        Attestation memory a = _attestations[account];
        return a.provider != address(0) && block.timestamp < a.expiry && !_restricted[a.jurisdiction];
    }

    /// @inheritdoc IComplianceRegistry
    function attestation(address account) external view returns (Attestation memory) {
        return _attestations[account];
    }

    /// @inheritdoc IComplianceRegistry
    function isRestricted(bytes2 jurisdiction) external view returns (bool) {
        return _restricted[jurisdiction];
    }

    /// @inheritdoc IComplianceRegistry
    function threshold() external view returns (uint256) {
        return _threshold;
    }

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        if (key != THRESHOLD) revert UnknownParameter(key);
        return _threshold;
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        if (key != THRESHOLD) revert UnknownParameter(key);
        _threshold = value;
    }

    /// @dev Reverts unless `account` holds an unexpired attestation outside the restricted jurisdictions.
    function _check(address account) private view {
        Attestation memory a = _attestations[account];
        if (a.provider == address(0)) revert NotAttested(account);
        if (block.timestamp >= a.expiry) revert AttestationExpired(account, a.expiry);
        if (_restricted[a.jurisdiction]) revert RestrictedJurisdiction(account, a.jurisdiction);
    }

    /// @dev Two upper-case ASCII letters (ISO 3166-1 alpha-2): the restricted list matches bytes exactly, so an
    /// attestation written "kp" escaped a restricted "KP" (audit s10, F3).
    function _isCode(bytes2 code) private pure returns (bool) {
        bytes1 a = code[0];
        bytes1 b = code[1];
        return a >= 0x41 && a <= 0x5A && b >= 0x41 && b <= 0x5A;
    }
}
