// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IProviderStaking} from "../interfaces/IProviderStaking.sol";
import {ISlasher} from "../interfaces/ISlasher.sol";
import {SlashingKeys} from "../libraries/SlashingKeys.sol";
import {BPS} from "../common/Constants.sol";

/// @title Slasher
/// @notice Infraction classes, single-use evidence ids, class and tier caps per window, and bans, in front of
/// provider staking's O(1) slash. Immutable, AccessManaged; every call is O(1) (one staking slash whatever the
/// number of delegators).
contract Slasher is ISlasher, Parameterized {
    uint256 private constant CLASS_COUNT = 3;

    IProviderStaking private immutable _STAKING;

    /// @dev The class ranges, by `Infraction`.
    ClassRange[CLASS_COUNT] private _classes;
    uint256 private _capWindow;

    mapping(bytes32 evidenceId => bool) private _evidenceUsed;
    mapping(address provider => CapWindow[CLASS_COUNT]) private _windows;

    /// @notice Deploys the slasher for a staking module with a preset's numbers.
    /// @param staking_ The provider staking module (this contract must hold its SLASHER role).
    /// @param authority The preset's AccessManager.
    /// @param p Initial class ranges and cap window.
    constructor(IProviderStaking staking_, address authority, Parameters memory p) AccessManaged(authority) {
        if (address(staking_) == address(0)) revert InvalidConfiguration();
        _STAKING = staking_;
        _classes[uint256(Infraction.Minor)] = p.minor;
        _classes[uint256(Infraction.Major)] = p.major;
        _classes[uint256(Infraction.Severe)] = p.severe;
        _capWindow = p.capWindow;
        for (uint256 i; i < CLASS_COUNT; ++i) {
            if (!_rangeValid(_classes[i])) revert InvalidConfiguration();
        }
        if (p.capWindow == 0 || p.capWindow > type(uint48).max) revert InvalidConfiguration();
    }

    /// @inheritdoc ISlasher
    function slash(
        address provider,
        Infraction infraction,
        uint256 bps,
        bytes32 evidenceId
    ) external restricted returns (SlashResult memory) {
        return _slash(provider, infraction, bps, evidenceId);
    }

    /// @inheritdoc ISlasher
    function emergencySlash(
        address provider,
        Infraction infraction,
        uint256 bps,
        bytes32 evidenceId
    ) external restricted returns (SlashResult memory) {
        return _slash(provider, infraction, bps, evidenceId);
    }

    /// @inheritdoc ISlasher
    function liftBan(address provider) external restricted {
        if (!_STAKING.isBanned(provider)) revert NotBanned(provider);
        _STAKING.setBanned(provider, false);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc ISlasher
    function classRange(Infraction infraction) external view returns (ClassRange memory) {
        return _classes[uint256(infraction)];
    }

    /// @inheritdoc ISlasher
    function evidenceUsed(bytes32 evidenceId) external view returns (bool) {
        return _evidenceUsed[evidenceId];
    }

    /// @inheritdoc ISlasher
    function capWindowOf(address provider, Infraction infraction) external view returns (CapWindow memory w) {
        w = _windows[provider][uint256(infraction)];
        if (block.timestamp >= uint256(w.start) + _capWindow) w = CapWindow(0, 0);
    }

    /// @inheritdoc ISlasher
    function capLeft(address provider, Infraction infraction) external view returns (uint256) {
        CapWindow memory w = _windows[provider][uint256(infraction)];
        uint256 slashed = block.timestamp >= uint256(w.start) + _capWindow ? 0 : w.slashedBps;
        return _capLeft(provider, infraction, slashed);
    }

    /// @inheritdoc ISlasher
    function staking() external view returns (address) {
        return address(_STAKING);
    }

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        if (key == SlashingKeys.CAP_WINDOW) return _capWindow;
        (uint256 class, bool isMax) = _classKey(key);
        ClassRange storage r = _classes[class];
        return isMax ? r.maxBps : r.minBps;
    }

    // ------------------------------------------------------------------ internals

    function _slash(
        address provider,
        Infraction infraction,
        uint256 bps,
        bytes32 evidenceId
    ) private returns (SlashResult memory result) {
        if (evidenceId == bytes32(0)) revert ZeroEvidence();
        if (!_STAKING.isRegistered(provider)) revert UnknownProvider(provider);
        ClassRange memory range = _classes[uint256(infraction)];
        if (bps < range.minBps || bps > range.maxBps) {
            revert PercentOutsideClass(infraction, bps, range.minBps, range.maxBps);
        }
        if (_evidenceUsed[evidenceId]) revert EvidenceAlreadyUsed(evidenceId);

        CapWindow storage w = _windows[provider][uint256(infraction)];
        uint256 slashed = w.slashedBps;
        if (block.timestamp >= uint256(w.start) + _capWindow) {
            // The previous window ended: this slash opens a new one.
            w.start = uint48(block.timestamp);
            slashed = 0;
        }
        uint256 left = _capLeft(provider, infraction, slashed);
        result.appliedBps = bps < left ? bps : left;
        // slashed + applied <= min(class max, tier max) < 10,000: fits 16 bits.
        w.slashedBps = uint16(slashed + result.appliedBps);
        _evidenceUsed[evidenceId] = true;

        if (result.appliedBps != 0) {
            (result.fromActive, result.fromUnbonding, result.fromReputation) = _STAKING.slash(
                provider,
                result.appliedBps,
                evidenceId
            );
        }
        emit InfractionSlashed(
            provider,
            evidenceId,
            infraction,
            bps,
            result.appliedBps,
            result.fromActive,
            result.fromUnbonding,
            result.fromReputation,
            msg.sender
        );
        if (infraction == Infraction.Severe && !_STAKING.isBanned(provider)) {
            _STAKING.setBanned(provider, true);
            emit ProviderBannedFor(provider, evidenceId);
        }
    }

    /// @dev `min(class max, tier max)` minus `slashed`, or zero.
    function _capLeft(address provider, Infraction infraction, uint256 slashed) private view returns (uint256) {
        uint256 cap = _classes[uint256(infraction)].maxBps;
        uint256 tierCap = _STAKING.tierOf(provider).maxSlashBps;
        if (tierCap < cap) cap = tierCap;
        return cap > slashed ? cap - slashed : 0;
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        if (key == SlashingKeys.CAP_WINDOW) {
            if (value == 0 || value > type(uint48).max) revert InvalidParameterValue(key, value);
            _capWindow = value;
            return;
        }
        (uint256 class, bool isMax) = _classKey(key);
        if (value > type(uint16).max) revert InvalidParameterValue(key, value);
        ClassRange storage r = _classes[class];
        if (isMax) r.maxBps = uint16(value);
        else r.minBps = uint16(value);
        if (!_rangeValid(r)) revert InvalidParameterValue(key, value);
    }

    /// @dev The class and the bound a class key names; reverts `UnknownParameter` for other keys.
    function _classKey(bytes32 key) private pure returns (uint256 class, bool isMax) {
        if (key == SlashingKeys.MINOR_MIN_BPS) return (uint256(Infraction.Minor), false);
        if (key == SlashingKeys.MINOR_MAX_BPS) return (uint256(Infraction.Minor), true);
        if (key == SlashingKeys.MAJOR_MIN_BPS) return (uint256(Infraction.Major), false);
        if (key == SlashingKeys.MAJOR_MAX_BPS) return (uint256(Infraction.Major), true);
        if (key == SlashingKeys.SEVERE_MIN_BPS) return (uint256(Infraction.Severe), false);
        if (key == SlashingKeys.SEVERE_MAX_BPS) return (uint256(Infraction.Severe), true);
        revert UnknownParameter(key);
    }

    /// @dev A positive minimum, at most the maximum, and a maximum below 100% (a slash never empties a pool).
    function _rangeValid(ClassRange memory r) private pure returns (bool) {
        return r.minBps != 0 && r.minBps <= r.maxBps && r.maxBps < BPS;
    }
}
