// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IProposalClassifier
/// @notice Decides a proposal's class from what it calls, never from what its proposer claims. Each
/// (target, selector) pair maps to a class; a target may also have a class for all its functions; anything
/// unmapped falls in the default class. A proposal takes the highest threshold among its calls' classes, so no
/// call ever passes under a lower threshold than its own class's.
/// @dev Classes (approval threshold, timelock route, proposer stake) are fixed at deployment from the preset;
/// only the mapping of calls to classes is governed. Routes are never mixed: a proposal whose calls fall in
/// emergency and normal classes is refused (`MixedRoutes`), so an emergency call cannot carry a normal call to
/// the emergency timelock's shorter delay, and a normal call cannot lift an emergency one. On a threshold tie
/// the first call's class is reported. The minimum proposer stake of a proposal is the highest one among its
/// calls' classes, whichever class is reported.
interface IProposalClassifier {
    /// @notice A class of proposals.
    /// @param thresholdBps Share of the for + against votes that must be for, in bps (abstain is not counted).
    /// @param emergency Whether proposals of this class go through the emergency timelock.
    /// @param minProposerWeight Staked voting weight (`IVotingWeight`) the proposer must have had one second
    /// before proposing, in token wei; zero for none.
    struct ProposalClass {
        uint16 thresholdBps;
        bool emergency;
        uint128 minProposerWeight;
    }

    /// @notice Calls of `selector` on `target` were put in a class (`UNCLASSIFIED` clears the mapping).
    /// @param target The called contract.
    /// @param selector The called function.
    /// @param classId The class, or `UNCLASSIFIED`.
    event SelectorClassSet(address indexed target, bytes4 indexed selector, uint8 classId);

    /// @notice Every call on `target` without a selector mapping was put in a class (`UNCLASSIFIED` clears it).
    /// @param target The called contract.
    /// @param classId The class, or `UNCLASSIFIED`.
    event TargetClassSet(address indexed target, uint8 classId);

    /// @notice No class has this id.
    /// @param classId The unknown id.
    error UnknownClass(uint8 classId);

    /// @notice The preset gives no classes, or more than `MAX_CLASSES`.
    /// @param count The number of classes given.
    error InvalidClassCount(uint256 count);

    /// @notice A class's threshold is zero or above 10,000 bps.
    /// @param classId The class.
    /// @param thresholdBps The refused threshold.
    error InvalidThreshold(uint8 classId, uint16 thresholdBps);

    /// @notice The target is the zero address.
    error ZeroTarget();

    /// @notice No selectors were given.
    error NoSelectors();

    /// @notice `targets` and `calldatas` differ in length, or are empty.
    /// @param targets Number of targets.
    /// @param calldatas Number of calldatas.
    error InvalidProposalLength(uint256 targets, uint256 calldatas);

    /// @notice A proposal mixes calls of the emergency route with calls of the normal route.
    /// @param firstCall Index of the first call (whose route the proposal took).
    /// @param otherCall Index of the first call on the other route.
    error MixedRoutes(uint256 firstCall, uint256 otherCall);

    /// @notice Puts calls of `selectors` on `target` in a class, or clears them with `UNCLASSIFIED`.
    /// @dev Restricted (the admin: the normal timelock).
    /// @param target The called contract.
    /// @param selectors The called functions.
    /// @param classId The class, or `UNCLASSIFIED`.
    function setSelectorClass(address target, bytes4[] calldata selectors, uint8 classId) external;

    /// @notice Puts every call on `target` that has no selector mapping in a class, or clears it with `UNCLASSIFIED`.
    /// @dev Restricted (the admin: the normal timelock).
    /// @param target The called contract.
    /// @param classId The class, or `UNCLASSIFIED`.
    function setTargetClass(address target, uint8 classId) external;

    /// @notice The class of a proposal: the class with the highest threshold among its calls (the first on a
    /// tie), with the highest proposer stake among them; reverts `MixedRoutes` when the calls' routes differ.
    /// @dev The loop is bounded by the proposal's own number of calls, paid by its proposer.
    /// @param targets The called contracts.
    /// @param calldatas The calls' data (the first 4 bytes are the selector; shorter data is zero-padded).
    /// @return classId The proposal's class.
    /// @return class_ That class's threshold and route, with `minProposerWeight` the highest among the calls.
    /// @return minProposerWeight The highest proposer stake required by any call's class.
    function classify(
        address[] calldata targets,
        bytes[] calldata calldatas
    ) external view returns (uint8 classId, ProposalClass memory class_, uint256 minProposerWeight);

    /// @notice The class a call of `selector` on `target` falls in: its selector mapping, else its target's
    /// class, else the default class.
    /// @param target The called contract.
    /// @param selector The called function.
    /// @return The class id.
    function classOf(address target, bytes4 selector) external view returns (uint8);

    /// @notice A class's threshold, route and proposer stake.
    /// @param classId The class.
    /// @return The class.
    function proposalClass(uint8 classId) external view returns (ProposalClass memory);

    /// @notice Number of classes; ids run from 0 to `classCount() - 1`.
    /// @return The number of classes.
    function classCount() external view returns (uint8);

    /// @notice The class of calls nobody mapped.
    /// @return The default class id.
    function defaultClass() external view returns (uint8);

    // solhint-disable func-name-mixedcase
    /// @notice The id that clears a mapping.
    /// @return `type(uint8).max`.
    function UNCLASSIFIED() external view returns (uint8);

    /// @notice The most classes a preset may define (bounds the class table).
    /// @return The maximum.
    function MAX_CLASSES() external view returns (uint8);
    // solhint-enable func-name-mixedcase
}
