// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IProposalClassifier} from "../interfaces/IProposalClassifier.sol";
import {BPS} from "../common/Constants.sol";

/// @title ProposalClassifier
/// @notice Maps (target, selector) pairs to proposal classes and classifies a proposal by its calls: the highest
/// threshold among them, on the one route they all share.
contract ProposalClassifier is IProposalClassifier, AccessManaged {
    /// @inheritdoc IProposalClassifier
    uint8 public constant UNCLASSIFIED = type(uint8).max;

    /// @inheritdoc IProposalClassifier
    uint8 public constant MAX_CLASSES = 8;

    uint8 private immutable _CLASS_COUNT;
    uint8 private immutable _DEFAULT_CLASS;

    mapping(uint8 classId => ProposalClass) private _classes;

    /// @dev Mappings store `classId + 1`, so zero means "not mapped".
    mapping(address target => mapping(bytes4 selector => uint8 classIdPlusOne)) private _selectorClass;
    mapping(address target => uint8 classIdPlusOne) private _targetClass;

    /// @notice Fixes the preset's classes and the class of unmapped calls.
    /// @param authority The preset's AccessManager.
    /// @param classes_ The classes, by id (at most `MAX_CLASSES`).
    /// @param defaultClass_ The class of calls nobody mapped.
    constructor(address authority, ProposalClass[] memory classes_, uint8 defaultClass_) AccessManaged(authority) {
        uint256 count = classes_.length;
        if (count == 0 || count > MAX_CLASSES) revert InvalidClassCount(count);
        for (uint8 i; i < count; ++i) {
            uint16 threshold = classes_[i].thresholdBps;
            if (threshold == 0 || threshold > BPS) revert InvalidThreshold(i, threshold);
            _classes[i] = classes_[i];
        }
        _CLASS_COUNT = uint8(count);
        if (defaultClass_ >= count) revert UnknownClass(defaultClass_);
        _DEFAULT_CLASS = defaultClass_;
    }

    /// @inheritdoc IProposalClassifier
    function setSelectorClass(address target, bytes4[] calldata selectors, uint8 classId) external restricted {
        if (target == address(0)) revert ZeroTarget();
        if (selectors.length == 0) revert NoSelectors();
        uint8 stored = _toStored(classId);
        for (uint256 i; i < selectors.length; ++i) {
            _selectorClass[target][selectors[i]] = stored;
            emit SelectorClassSet(target, selectors[i], classId);
        }
    }

    /// @inheritdoc IProposalClassifier
    function setTargetClass(address target, uint8 classId) external restricted {
        if (target == address(0)) revert ZeroTarget();
        _targetClass[target] = _toStored(classId);
        emit TargetClassSet(target, classId);
    }

    /// @inheritdoc IProposalClassifier
    function classify(
        address[] calldata targets,
        bytes[] calldata calldatas
    ) external view returns (uint8 classId, ProposalClass memory class_, uint256 minProposerWeight) {
        uint256 n = targets.length;
        if (n == 0 || n != calldatas.length) revert InvalidProposalLength(n, calldatas.length);
        for (uint256 i; i < n; ++i) {
            uint8 id = _classOf(targets[i], bytes4(calldatas[i]));
            ProposalClass memory c = _classes[id];
            if (i == 0) {
                (classId, class_) = (id, c);
            } else {
                // One route per proposal: an emergency call never carries a normal one, nor the reverse.
                if (c.emergency != class_.emergency) revert MixedRoutes(0, i);
                if (c.thresholdBps > class_.thresholdBps) (classId, class_) = (id, c);
            }
            if (c.minProposerWeight > minProposerWeight) minProposerWeight = c.minProposerWeight;
        }
        class_.minProposerWeight = SafeCast.toUint128(minProposerWeight);
    }

    /// @inheritdoc IProposalClassifier
    function classOf(address target, bytes4 selector) external view returns (uint8) {
        return _classOf(target, selector);
    }

    /// @inheritdoc IProposalClassifier
    function proposalClass(uint8 classId) external view returns (ProposalClass memory) {
        if (classId >= _CLASS_COUNT) revert UnknownClass(classId);
        return _classes[classId];
    }

    /// @inheritdoc IProposalClassifier
    function classCount() external view returns (uint8) {
        return _CLASS_COUNT;
    }

    /// @inheritdoc IProposalClassifier
    function defaultClass() external view returns (uint8) {
        return _DEFAULT_CLASS;
    }

    function _classOf(address target, bytes4 selector) private view returns (uint8) {
        uint8 stored = _selectorClass[target][selector];
        if (stored == 0) stored = _targetClass[target];
        // `stored - 1` cannot underflow: it only runs when stored is non-zero.
        unchecked {
            return stored == 0 ? _DEFAULT_CLASS : stored - 1;
        }
    }

    function _toStored(uint8 classId) private view returns (uint8) {
        if (classId == UNCLASSIFIED) return 0;
        if (classId >= _CLASS_COUNT) revert UnknownClass(classId);
        // classId < _CLASS_COUNT <= MAX_CLASSES, so classId + 1 cannot overflow.
        unchecked {
            return classId + 1;
        }
    }
}
