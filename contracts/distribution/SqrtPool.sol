// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {ISqrtPool} from "../interfaces/ISqrtPool.sol";
import {IStakeReader} from "../interfaces/IStakeReader.sol";
import {SqrtShares} from "../libraries/SqrtShares.sol";
import {EpochPool} from "./EpochPool.sol";

/// @title SqrtPool
/// @notice Square-root pool: an account's share of an epoch is `sqrt(V_a) / sum_i sqrt(V_i)`, kept in O(1) by a
/// running sum of roots. QRY deploys three: query fulfillment (providers), integrators and portals.
contract SqrtPool is ISqrtPool, EpochPool {
    using SafeCast for uint256;

    /// @inheritdoc ISqrtPool
    bytes32 public constant MIN_STAKE = keccak256("distribution.minStake");

    /// @dev The creditor and the minimum stake, read together by every credit: one slot.
    struct Config {
        uint96 minStake;
        address creditor;
    }

    IStakeReader private immutable _STAKE_READER;

    Config private _config;
    mapping(uint256 epoch => mapping(address account => Entry)) private _entries;
    mapping(uint256 epoch => uint256) private _sumOfRoots;

    /// @notice Deploys an empty pool.
    /// @param token_ The token paid out (QRY).
    /// @param authority The preset's AccessManager.
    /// @param start When epoch 0 begins (unix seconds).
    /// @param epochLength Seconds per epoch.
    /// @param claimWindow_ Seconds an epoch stays claimable once funded.
    /// @param stakeReader_ Where stakes are read.
    /// @param minStake_ Bonded stake an account needs at every credit and at its claim (zero: none).
    constructor(
        address token_,
        address authority,
        uint256 start,
        uint256 epochLength,
        uint256 claimWindow_,
        address stakeReader_,
        uint256 minStake_
    ) EpochPool(token_, authority, start, epochLength, claimWindow_) {
        if (stakeReader_ == address(0)) revert ZeroAddress();
        _STAKE_READER = IStakeReader(stakeReader_);
        _setMinStake(minStake_);
    }

    /// @inheritdoc ISqrtPool
    function bindCreditor(address creditor_) external restricted {
        address bound = _config.creditor;
        if (bound != address(0) || creditor_ == address(0)) revert CreditorAlreadyBound(bound);
        _config.creditor = creditor_;
        emit CreditorBound(creditor_);
    }

    /// @inheritdoc ISqrtPool
    function credit(uint256 epoch, address account, uint256 value) external {
        // The bound creditor alone (the subscription manager), checked against the slot that holds the minimum stake.
        Config memory c = _config;
        if (msg.sender != c.creditor) revert OnlyCreditor(msg.sender);
        _requireOpen(epoch);
        if (account == address(0)) revert ZeroAddress();
        if (value == 0) revert ZeroValue();
        // Checked at every credit, not only the first of the epoch: a stake that moved away stops earning at once.
        _checkStake(_STAKE_READER, account, c.minStake);
        Entry memory e = _entries[epoch][account];
        uint128 newValue = (e.value + value).toUint128();
        uint256 root = SqrtShares.rootOf(newValue);
        // The old root is part of the sum; roots only grow with the value.
        uint256 sum = _sumOfRoots[epoch] - e.root + root;
        // root <= sqrt((2^128 - 1) * 1e18) < 2^95.
        _entries[epoch][account] = Entry({value: newValue, root: uint120(root), claimed: false});
        _sumOfRoots[epoch] = sum;
        emit Credited(epoch, account, value, newValue, sum);
    }

    /// @inheritdoc ISqrtPool
    function claim(uint256 epoch) external returns (uint256 amount) {
        Ledger memory book = _openLedger(epoch);
        Entry storage e = _entries[epoch][msg.sender];
        if (e.claimed) revert AlreadyClaimed(epoch, msg.sender);
        // And again at the claim: an identity whose stake left after its credits cannot collect.
        _checkStake(_STAKE_READER, msg.sender, _config.minStake);
        amount = SqrtShares.shareOf(book.funded, e.root, _sumOfRoots[epoch]);
        if (amount == 0) revert NothingToClaim(epoch, msg.sender);
        e.claimed = true;
        emit Claimed(epoch, msg.sender, amount);
        _payClaim(epoch, book, msg.sender, amount);
    }

    /// @inheritdoc ISqrtPool
    function claimable(uint256 epoch, address account) external view returns (uint256) {
        Entry memory e = _entries[epoch][account];
        if (e.claimed || !_claimsOpen(epoch) || !_meetsStake(account)) return 0;
        return SqrtShares.shareOf(_fundedOf(epoch), e.root, _sumOfRoots[epoch]);
    }

    /// @inheritdoc ISqrtPool
    function entryOf(uint256 epoch, address account) external view returns (Entry memory) {
        return _entries[epoch][account];
    }

    /// @inheritdoc ISqrtPool
    function sumOfRoots(uint256 epoch) external view returns (uint256) {
        return _sumOfRoots[epoch];
    }

    /// @inheritdoc ISqrtPool
    function minStake() external view returns (uint256) {
        return _config.minStake;
    }

    /// @inheritdoc ISqrtPool
    function creditor() external view returns (address) {
        return _config.creditor;
    }

    /// @inheritdoc ISqrtPool
    function stakeReader() external view returns (address) {
        return address(_STAKE_READER);
    }

    /// @dev Whether `account` meets the minimum stake now (what `claim` checks).
    function _meetsStake(address account) private view returns (bool) {
        uint256 minimum = _config.minStake;
        if (minimum == 0) return true;
        (bool active, uint256 stake) = _STAKE_READER.stakeOf(account);
        return active && stake >= minimum;
    }

    /// @dev Everything, if anyone earned value in the epoch; nothing otherwise.
    function _accept(uint256 epoch, uint256 budget) internal view override returns (uint256) {
        return _sumOfRoots[epoch] == 0 ? 0 : budget;
    }

    function _poolParameter(bytes32 key) internal view override returns (uint256) {
        if (key != MIN_STAKE) revert UnknownParameter(key);
        return _config.minStake;
    }

    function _setPoolParameter(bytes32 key, uint256 value) internal override {
        if (key != MIN_STAKE) revert UnknownParameter(key);
        _setMinStake(value);
    }

    /// @dev A minimum stake fits 96 bits (79 billion QRY, beyond any supply), kept next to the creditor.
    function _setMinStake(uint256 value) private {
        if (value > type(uint96).max) revert InvalidParameterValue(MIN_STAKE, value);
        _config.minStake = uint96(value);
    }
}
