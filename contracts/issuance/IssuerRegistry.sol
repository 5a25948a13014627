// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IIssuerRegistry} from "../interfaces/IIssuerRegistry.sol";

/// @title IssuerRegistry
/// @notice Verified issuers: QUT stake, stake tiers and resource slots, suspension and slashing, unstaking
/// with a notice period, and the fees issuers pay in QUT.
contract IssuerRegistry is IIssuerRegistry, Parameterized {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    /// @inheritdoc IIssuerRegistry
    bytes32 public constant TIER1_MIN_STAKE = keccak256("issuance.tier1MinStake");
    /// @inheritdoc IIssuerRegistry
    bytes32 public constant TIER2_MIN_STAKE = keccak256("issuance.tier2MinStake");
    /// @inheritdoc IIssuerRegistry
    bytes32 public constant TIER3_MIN_STAKE = keccak256("issuance.tier3MinStake");
    /// @inheritdoc IIssuerRegistry
    bytes32 public constant TIER1_SLOTS = keccak256("issuance.tier1Slots");
    /// @inheritdoc IIssuerRegistry
    bytes32 public constant TIER2_SLOTS = keccak256("issuance.tier2Slots");
    /// @inheritdoc IIssuerRegistry
    bytes32 public constant TIER3_SLOTS = keccak256("issuance.tier3Slots");
    /// @inheritdoc IIssuerRegistry
    bytes32 public constant UNSTAKE_NOTICE_PERIOD = keccak256("issuance.unstakeNoticePeriod");
    /// @inheritdoc IIssuerRegistry
    uint256 public constant MIN_UNSTAKE_NOTICE_PERIOD = 30 days;
    /// @inheritdoc IIssuerRegistry
    uint256 public constant WITHDRAWAL_WINDOW = 7 days;
    /// @inheritdoc IIssuerRegistry
    uint256 public constant FREEZE_PERIOD = 30 days;

    uint256 private constant TIER_COUNT = 3;

    IERC20 private immutable _SYSTEM_TOKEN;

    Tier[TIER_COUNT] private _tiers;
    uint256 private _unstakeNoticePeriod;
    address private _feeRecipient;
    uint256 private _totalStaked;
    uint256 private _totalFees;
    mapping(address issuer => Issuer) private _issuers;
    mapping(address issuer => uint256) private _frozenUntil;

    /// @notice Deploys the registry with the preset's tiers, notice period and fee recipient.
    /// @param authority The preset's AccessManager.
    /// @param systemToken_ The system token (QUT).
    /// @param tiers_ The three stake levels: minimum stakes strictly rising from a non-zero first one, slots
    /// not falling.
    /// @param unstakeNoticePeriod_ Seconds between an unstake request and the withdrawal.
    /// @param feeRecipient_ Where fees go (the treasury).
    constructor(
        address authority,
        address systemToken_,
        Tier[TIER_COUNT] memory tiers_,
        uint256 unstakeNoticePeriod_,
        address feeRecipient_
    ) AccessManaged(authority) {
        if (systemToken_ == address(0) || feeRecipient_ == address(0)) revert ZeroAddress();
        (bool ordered, uint256 badTier) = _ordered(tiers_);
        if (!ordered) revert InvalidTiers(badTier);
        _SYSTEM_TOKEN = IERC20(systemToken_);
        for (uint256 t; t < TIER_COUNT; ++t) _tiers[t] = tiers_[t];
        if (unstakeNoticePeriod_ < MIN_UNSTAKE_NOTICE_PERIOD || unstakeNoticePeriod_ > type(uint64).max) {
            revert InvalidParameterValue(UNSTAKE_NOTICE_PERIOD, unstakeNoticePeriod_);
        }
        _unstakeNoticePeriod = unstakeNoticePeriod_;
        _feeRecipient = feeRecipient_;
    }

    // ------------------------------------------------------------------ issuers

    /// @inheritdoc IIssuerRegistry
    function stake(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        Issuer storage account = _issuers[msg.sender];
        uint128 newStake = (uint256(account.stake) + amount).toUint128();
        account.stake = newStake;
        account.registered = true;
        _totalStaked += amount;
        emit Staked(msg.sender, amount, newStake);
        _SYSTEM_TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IIssuerRegistry
    function requestUnstake(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        Issuer storage account = _issuers[msg.sender];
        if (_isSuspended(account, msg.sender)) revert IssuerIsSuspended(msg.sender);
        uint256 active = account.stake;
        if (amount > active) revert InsufficientStake(active, amount);
        uint256 remaining;
        unchecked {
            // amount <= active, checked above.
            remaining = active - amount;
        }
        uint256 slotsAfter = _slotsFor(remaining);
        if (slotsAfter < account.slotsUsed) revert SlotsInUse(account.slotsUsed, slotsAfter);

        uint128 pending = (uint256(account.pendingUnstake) + amount).toUint128();
        uint64 readyAt = (block.timestamp + _unstakeNoticePeriod).toUint64();
        account.stake = uint128(remaining); // remaining <= active, a uint128
        account.pendingUnstake = pending;
        account.unstakeReadyAt = readyAt;
        emit UnstakeRequested(msg.sender, amount, pending, readyAt);
    }

    /// @inheritdoc IIssuerRegistry
    function cancelUnstake() external {
        Issuer storage account = _issuers[msg.sender];
        uint256 pending = account.pendingUnstake;
        if (pending == 0) revert NothingPending(msg.sender);
        account.stake = (uint256(account.stake) + pending).toUint128();
        account.pendingUnstake = 0;
        account.unstakeReadyAt = 0;
        emit UnstakeCancelled(msg.sender, pending);
    }

    /// @inheritdoc IIssuerRegistry
    function withdraw() external returns (uint256 amount) {
        Issuer storage account = _issuers[msg.sender];
        amount = account.pendingUnstake;
        if (amount == 0) revert NothingPending(msg.sender);
        if (_isSuspended(account, msg.sender)) revert IssuerIsSuspended(msg.sender);
        uint256 readyAt = account.unstakeReadyAt;
        if (block.timestamp < readyAt) revert NoticePeriodNotOver(readyAt, block.timestamp);
        if (block.timestamp >= readyAt + WITHDRAWAL_WINDOW) {
            revert WithdrawalWindowLapsed(readyAt + WITHDRAWAL_WINDOW, block.timestamp);
        }
        account.pendingUnstake = 0;
        account.unstakeReadyAt = 0;
        _totalStaked -= amount;
        emit Withdrawn(msg.sender, amount);
        _SYSTEM_TOKEN.safeTransfer(msg.sender, amount);
    }

    // ------------------------------------------------------------------ governance

    /// @inheritdoc IIssuerRegistry
    function suspend(address issuer, bytes32 reason) external restricted {
        if (issuer == address(0)) revert ZeroAddress();
        _issuers[issuer].suspended = true;
        emit IssuerSuspended(issuer, reason);
    }

    /// @inheritdoc IIssuerRegistry
    function reinstate(address issuer) external restricted {
        Issuer storage account = _issuers[issuer];
        bool frozen = _frozenUntil[issuer] > block.timestamp;
        if (!account.suspended && !frozen) revert IssuerNotSuspended(issuer);
        account.suspended = false;
        // Lifting a freeze ends it now, so the guardian's cooldown runs from here.
        if (frozen) _frozenUntil[issuer] = block.timestamp;
        emit IssuerReinstated(issuer);
    }

    /// @inheritdoc IIssuerRegistry
    function freeze(address issuer, bytes32 reason) external restricted {
        if (issuer == address(0)) revert ZeroAddress();
        uint256 availableAt = _frozenUntil[issuer] + FREEZE_PERIOD;
        // A zero `_frozenUntil` (never frozen) makes `availableAt` FREEZE_PERIOD after the epoch: always passed.
        if (block.timestamp < availableAt) revert FreezeCoolingDown(issuer, availableAt);
        uint256 until = block.timestamp + FREEZE_PERIOD;
        _frozenUntil[issuer] = until;
        // A pending amount whose window is still to come or open becomes ready when the freeze ends, so the
        // guardian cannot let window after window lapse frozen; a lapsed window stays lapsed.
        Issuer storage account = _issuers[issuer];
        uint256 readyAt = account.unstakeReadyAt;
        if (readyAt != 0 && block.timestamp < readyAt + WITHDRAWAL_WINDOW && readyAt < until) {
            account.unstakeReadyAt = until.toUint64();
        }
        emit IssuerFrozen(issuer, until, reason);
    }

    /// @inheritdoc IIssuerRegistry
    function slash(address issuer, uint256 amount, bytes32 reason) external restricted {
        if (amount == 0) revert ZeroAmount();
        Issuer storage account = _issuers[issuer];
        uint256 active = account.stake;
        uint256 pending = account.pendingUnstake;
        if (amount > active + pending) revert SlashExceedsStake(amount, active + pending);
        uint256 fromStake = amount < active ? amount : active;
        uint256 fromPending;
        unchecked {
            // fromStake <= amount, and amount - fromStake <= pending because amount <= active + pending.
            fromPending = amount - fromStake;
            account.stake = uint128(active - fromStake);
            account.pendingUnstake = uint128(pending - fromPending);
        }
        if (fromPending == pending) account.unstakeReadyAt = 0;
        _totalStaked -= amount;
        emit IssuerSlashed(issuer, fromStake, fromPending, reason);
        ERC20Burnable(address(_SYSTEM_TOKEN)).burn(amount);
    }

    /// @inheritdoc IIssuerRegistry
    function setFeeRecipient(address recipient) external restricted {
        if (recipient == address(0)) revert ZeroAddress();
        _feeRecipient = recipient;
        emit FeeRecipientSet(recipient);
    }

    // ------------------------------------------------------------------ slot consumers and fees

    /// @inheritdoc IIssuerRegistry
    function useSlot(address issuer) external restricted {
        Issuer storage account = _issuers[issuer];
        IssuerStatus status = _status(account, issuer);
        if (status != IssuerStatus.Verified) revert IssuerNotVerified(issuer, status);
        uint256 used = account.slotsUsed;
        uint256 capacity = _slotsFor(account.stake);
        if (used >= capacity) revert NoFreeSlot(issuer, used, capacity);
        unchecked {
            // used < capacity <= type(uint32).max.
            ++used;
        }
        account.slotsUsed = uint32(used);
        emit SlotUsed(issuer, msg.sender, used);
    }

    /// @inheritdoc IIssuerRegistry
    function releaseSlot(address issuer) external restricted {
        Issuer storage account = _issuers[issuer];
        uint256 used = account.slotsUsed;
        if (used == 0) revert NoSlotInUse(issuer);
        unchecked {
            // used > 0, checked above.
            --used;
        }
        account.slotsUsed = uint32(used);
        emit SlotReleased(issuer, msg.sender, used);
    }

    /// @inheritdoc IIssuerRegistry
    function chargeFee(address payer, uint256 amount, bytes32 kind) external restricted {
        _payFee(payer, amount, kind);
    }

    /// @inheritdoc IIssuerRegistry
    function payServiceFee(bytes32 service, uint256 amount) external {
        _payFee(msg.sender, amount, service);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IIssuerRegistry
    function systemToken() external view returns (address) {
        return address(_SYSTEM_TOKEN);
    }

    /// @inheritdoc IIssuerRegistry
    function issuerInfo(address issuer) external view returns (Issuer memory) {
        return _issuers[issuer];
    }

    /// @inheritdoc IIssuerRegistry
    function statusOf(address issuer) external view returns (IssuerStatus) {
        return _status(_issuers[issuer], issuer);
    }

    /// @inheritdoc IIssuerRegistry
    function frozenUntil(address issuer) external view returns (uint256) {
        return _frozenUntil[issuer];
    }

    /// @inheritdoc IIssuerRegistry
    function isVerified(address issuer) external view returns (bool) {
        return _status(_issuers[issuer], issuer) == IssuerStatus.Verified;
    }

    /// @inheritdoc IIssuerRegistry
    function isRegistered(address account) external view returns (bool) {
        return _issuers[account].registered;
    }

    /// @inheritdoc IIssuerRegistry
    function slotsFor(uint256 amount) external view returns (uint256) {
        return _slotsFor(amount);
    }

    /// @inheritdoc IIssuerRegistry
    function slotCapacity(address issuer) external view returns (uint256) {
        return _slotsFor(_issuers[issuer].stake);
    }

    /// @inheritdoc IIssuerRegistry
    function tier(uint256 index) external view returns (Tier memory) {
        return _tiers[index];
    }

    /// @inheritdoc IIssuerRegistry
    function totalStaked() external view returns (uint256) {
        return _totalStaked;
    }

    /// @inheritdoc IIssuerRegistry
    function totalFees() external view returns (uint256) {
        return _totalFees;
    }

    /// @inheritdoc IIssuerRegistry
    function feeRecipient() external view returns (address) {
        return _feeRecipient;
    }

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        if (key == UNSTAKE_NOTICE_PERIOD) return _unstakeNoticePeriod;
        (uint256 index, bool isSlots) = _tierKey(key);
        return isSlots ? _tiers[index].slots : _tiers[index].minStake;
    }

    // ------------------------------------------------------------------ internals

    /// @dev Tier values must keep the tiers ordered; the notice period must outlast the governance path
    /// (`MIN_UNSTAKE_NOTICE_PERIOD`) and fit the uint64 timestamps.
    function _setParameter(bytes32 key, uint256 value) internal override {
        if (key == UNSTAKE_NOTICE_PERIOD) {
            if (value < MIN_UNSTAKE_NOTICE_PERIOD || value > type(uint64).max) revert InvalidParameterValue(key, value);
            _unstakeNoticePeriod = value;
            return;
        }
        (uint256 index, bool isSlots) = _tierKey(key);
        if (value > (isSlots ? type(uint32).max : type(uint128).max)) revert InvalidParameterValue(key, value);
        Tier[TIER_COUNT] memory tiers = _tiers;
        if (isSlots) tiers[index].slots = uint32(value);
        else tiers[index].minStake = uint128(value);
        (bool ordered, ) = _ordered(tiers);
        if (!ordered) revert InvalidParameterValue(key, value);
        _tiers[index] = tiers[index];
    }

    /// @dev Charges a fee straight from `payer` to the fee recipient, counted per payer. Every fee of the
    /// module goes through here, so pointing the module at the fee router later is a change to this function.
    function _payFee(address payer, uint256 amount, bytes32 kind) private {
        if (amount == 0) revert ZeroAmount();
        Issuer storage account = _issuers[payer];
        account.feesPaid = (uint256(account.feesPaid) + amount).toUint128();
        _totalFees += amount;
        address recipient = _feeRecipient;
        emit FeePaid(payer, kind, amount, recipient);
        _SYSTEM_TOKEN.safeTransferFrom(payer, recipient, amount);
    }

    function _status(Issuer storage account, address issuer) private view returns (IssuerStatus) {
        if (_isSuspended(account, issuer)) return IssuerStatus.Suspended;
        return account.stake >= _tiers[0].minStake ? IssuerStatus.Verified : IssuerStatus.Unverified;
    }

    /// @dev Suspended by governance, or inside a guardian freeze.
    function _isSuspended(Issuer storage account, address issuer) private view returns (bool) {
        return account.suspended || _frozenUntil[issuer] > block.timestamp;
    }

    /// @dev Highest tier first; at most three reads (a fixed, small set).
    function _slotsFor(uint256 amount) private view returns (uint256) {
        for (uint256 t = TIER_COUNT; t > 0;) {
            unchecked {
                // t > 0 is the loop condition.
                --t;
            }
            Tier memory level = _tiers[t];
            if (amount >= level.minStake) return level.slots;
        }
        return 0;
    }

    /// @dev Maps a tier key to its tier index and field; reverts `UnknownParameter` for any other key.
    function _tierKey(bytes32 key) private pure returns (uint256 index, bool isSlots) {
        if (key == TIER1_MIN_STAKE) return (0, false);
        if (key == TIER2_MIN_STAKE) return (1, false);
        if (key == TIER3_MIN_STAKE) return (2, false);
        if (key == TIER1_SLOTS) return (0, true);
        if (key == TIER2_SLOTS) return (1, true);
        if (key == TIER3_SLOTS) return (2, true);
        revert UnknownParameter(key);
    }

    /// @dev Minimum stakes strictly rising from a non-zero first one; slots never falling.
    function _ordered(Tier[TIER_COUNT] memory tiers) private pure returns (bool, uint256 badTier) {
        if (tiers[0].minStake == 0) return (false, 0);
        for (uint256 t = 1; t < TIER_COUNT; ++t) {
            if (tiers[t].minStake <= tiers[t - 1].minStake || tiers[t].slots < tiers[t - 1].slots) return (false, t);
        }
        return (true, 0);
    }
}
