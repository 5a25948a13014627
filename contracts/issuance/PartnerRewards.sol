// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IPartnerRewards} from "../interfaces/IPartnerRewards.sol";

/// @title PartnerRewards
/// @notice QUT rewards for partners and integrators: a funded pool paid out per period by Merkle distribution.
contract PartnerRewards is IPartnerRewards, Parameterized {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    /// @inheritdoc IPartnerRewards
    bytes32 public constant CLAIM_WINDOW = keccak256("issuance.partnerClaimWindow");

    IERC20 private immutable _REWARD_TOKEN;

    uint256 private _claimWindow;
    uint256 private _unallocated;
    uint256 private _periodCount;
    mapping(uint256 periodId => Period) private _periods;
    mapping(uint256 periodId => bytes32 root) private _roots;
    mapping(uint256 periodId => mapping(uint256 word => uint256 bits)) private _claimedBits;

    /// @notice Deploys an empty pool.
    /// @param authority The preset's AccessManager.
    /// @param rewardToken_ The token paid out (QUT).
    /// @param claimWindow_ Seconds a period stays claimable.
    constructor(address authority, address rewardToken_, uint256 claimWindow_) AccessManaged(authority) {
        if (rewardToken_ == address(0)) revert ZeroAddress();
        if (claimWindow_ == 0 || claimWindow_ > type(uint64).max)
            revert InvalidParameterValue(CLAIM_WINDOW, claimWindow_);
        _REWARD_TOKEN = IERC20(rewardToken_);
        _claimWindow = claimWindow_;
    }

    /// @inheritdoc IPartnerRewards
    function fund(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        _unallocated += amount;
        emit Funded(msg.sender, amount);
        _REWARD_TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IPartnerRewards
    function startPeriod(bytes32 root, uint256 total) external restricted returns (uint256 periodId) {
        if (root == bytes32(0)) revert ZeroRoot();
        if (total == 0) revert ZeroAmount();
        uint256 available = _unallocated;
        if (total > available) revert InsufficientFunds(total, available);
        unchecked {
            // total <= available, checked above.
            _unallocated = available - total;
        }
        periodId = ++_periodCount;
        uint64 expiresAt = (block.timestamp + _claimWindow).toUint64();
        _periods[periodId] = Period({total: total.toUint96(), claimed: 0, expiresAt: expiresAt});
        _roots[periodId] = root;
        emit PeriodStarted(periodId, root, total, expiresAt);
    }

    /// @inheritdoc IPartnerRewards
    function claim(
        uint256 periodId,
        uint256 index,
        address account,
        uint256 amount,
        bytes32[] calldata proof
    ) external {
        Period memory p = _periods[periodId];
        if (p.expiresAt == 0) revert UnknownPeriod(periodId);
        if (block.timestamp >= p.expiresAt) revert PeriodExpired(periodId, p.expiresAt);
        uint256 word = index >> 8;
        uint256 bit = 1 << (index & 0xff);
        uint256 bits = _claimedBits[periodId][word];
        if (bits & bit != 0) revert AlreadyClaimed(periodId, index);
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(index, account, amount))));
        if (!MerkleProof.verifyCalldata(proof, _roots[periodId], leaf)) revert InvalidProof(periodId, index);
        uint256 claimed = uint256(p.claimed) + amount;
        if (claimed > p.total) revert PeriodOverClaimed(periodId, claimed, p.total);

        _claimedBits[periodId][word] = bits | bit;
        _periods[periodId].claimed = uint96(claimed); // claimed <= total, a uint96
        emit Claimed(periodId, index, account, amount);
        _REWARD_TOKEN.safeTransfer(account, amount);
    }

    /// @inheritdoc IPartnerRewards
    function sweep(uint256 periodId) external returns (uint256 remainder) {
        Period storage p = _periods[periodId];
        uint256 expiresAt = p.expiresAt;
        if (expiresAt == 0) revert UnknownPeriod(periodId);
        if (block.timestamp < expiresAt) revert PeriodNotExpired(periodId, expiresAt);
        uint96 claimed = p.claimed;
        remainder = p.total - claimed;
        if (remainder == 0) revert NothingToSweep(periodId);
        // The period closes at what was claimed; its remainder is free for later periods.
        p.total = claimed;
        _unallocated += remainder;
        emit PeriodSwept(periodId, remainder);
    }

    /// @inheritdoc IPartnerRewards
    function rewardToken() external view returns (address) {
        return address(_REWARD_TOKEN);
    }

    /// @inheritdoc IPartnerRewards
    function period(uint256 periodId) external view returns (Period memory) {
        return _periods[periodId];
    }

    /// @inheritdoc IPartnerRewards
    function rootOf(uint256 periodId) external view returns (bytes32) {
        return _roots[periodId];
    }

    /// @inheritdoc IPartnerRewards
    function periodCount() external view returns (uint256) {
        return _periodCount;
    }

    /// @inheritdoc IPartnerRewards
    function isClaimed(uint256 periodId, uint256 index) external view returns (bool) {
        return _claimedBits[periodId][index >> 8] & (1 << (index & 0xff)) != 0;
    }

    /// @inheritdoc IPartnerRewards
    function unallocated() external view returns (uint256) {
        return _unallocated;
    }

    /// @inheritdoc IPartnerRewards
    function claimWindow() external view returns (uint256) {
        return _claimWindow;
    }

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        if (key != CLAIM_WINDOW) revert UnknownParameter(key);
        return _claimWindow;
    }

    /// @dev The claim window must fit the uint64 expiry timestamps; zero would open periods already expired.
    function _setParameter(bytes32 key, uint256 value) internal override {
        if (key != CLAIM_WINDOW) revert UnknownParameter(key);
        if (value == 0 || value > type(uint64).max) revert InvalidParameterValue(key, value);
        _claimWindow = value;
    }
}
