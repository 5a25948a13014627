// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IVestingVault} from "../interfaces/IVestingVault.sol";
import {BPS} from "../common/Constants.sol";

/// @title VestingVault
/// @notice Many vesting schedules of one token in one contract; release and revocation are O(1) per schedule.
/// @dev Invariant: the vault's balance covers `amount - released` summed over every schedule (it equals it unless
/// someone sends tokens to the vault directly). The vault holds only the protocol token, which has no transfer
/// hooks, so checks-effects-interactions is enough and no reentrancy guard is needed.
contract VestingVault is IVestingVault, AccessManaged {
    using SafeERC20 for IERC20;

    IERC20 private immutable _TOKEN;
    address private immutable _TREASURY;

    mapping(uint256 id => Schedule) private _schedules;
    uint256 private _scheduleCount;

    /// @notice Deploys an empty vault.
    /// @param token_ The token the vault holds (the preset's protocol token).
    /// @param treasury_ Where revoked, unvested tokens go (the governance treasury).
    /// @param authority The preset's AccessManager.
    constructor(address token_, address treasury_, address authority) AccessManaged(authority) {
        if (token_ == address(0) || treasury_ == address(0)) revert InvalidAddress();
        _TOKEN = IERC20(token_);
        _TREASURY = treasury_;
    }

    /// @inheritdoc IVestingVault
    function createSchedule(
        address beneficiary,
        uint256 amount,
        uint48 start,
        uint32 cliffDuration,
        uint32 duration,
        uint16 startUnlockBps,
        bool revocable
    ) external restricted returns (uint256 id) {
        if (beneficiary == address(0) || beneficiary == address(this)) revert InvalidBeneficiary(beneficiary);
        if (amount == 0) revert ZeroAmount();
        if (cliffDuration > duration) revert CliffLongerThanDuration(cliffDuration, duration);
        if (startUnlockBps > BPS) revert StartUnlockAboveMax(startUnlockBps, BPS);

        id = _scheduleCount++;
        _schedules[id] = Schedule({
            beneficiary: beneficiary,
            cliffDuration: cliffDuration,
            duration: duration,
            startUnlockBps: startUnlockBps,
            revocable: revocable,
            revoked: false,
            amount: SafeCast.toUint104(amount),
            released: 0,
            start: start
        });
        emit ScheduleCreated(id, beneficiary, amount, start, cliffDuration, duration, startUnlockBps, revocable);
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IVestingVault
    function release(uint256 id) external returns (uint256 amount) {
        Schedule memory s = _existing(id);
        return _release(id, s, s.beneficiary);
    }

    /// @inheritdoc IVestingVault
    function releaseTo(uint256 id, address to) external returns (uint256 amount) {
        Schedule memory s = _existing(id);
        if (msg.sender != s.beneficiary) revert NotBeneficiary(id, msg.sender, s.beneficiary);
        if (to == address(0)) revert InvalidReleaseTarget(to);
        return _release(id, s, to);
    }

    /// @inheritdoc IVestingVault
    function revoke(uint256 id) external restricted returns (uint256 returned) {
        Schedule memory s = _existing(id);
        if (!s.revocable) revert NotRevocable(id);
        if (s.revoked) revert AlreadyRevoked(id);
        uint256 vested = _vested(s, block.timestamp);
        returned = s.amount - vested;
        if (returned == 0) revert NothingToRevoke(id);

        // The schedule becomes fully vested at what had vested; `released <= vested` holds since vesting only grows.
        Schedule storage stored = _schedules[id];
        stored.amount = SafeCast.toUint104(vested);
        stored.revoked = true;
        emit Revoked(id, vested, returned);
        _TOKEN.safeTransfer(_TREASURY, returned);
    }

    /// @inheritdoc IVestingVault
    function schedule(uint256 id) external view returns (Schedule memory) {
        return _schedules[id];
    }

    /// @inheritdoc IVestingVault
    function scheduleCount() external view returns (uint256) {
        return _scheduleCount;
    }

    /// @inheritdoc IVestingVault
    function vestedAmount(uint256 id, uint256 timestamp) external view returns (uint256) {
        return _vested(_schedules[id], timestamp);
    }

    /// @inheritdoc IVestingVault
    function releasable(uint256 id) external view returns (uint256) {
        Schedule memory s = _schedules[id];
        return _vested(s, block.timestamp) - s.released;
    }

    /// @inheritdoc IVestingVault
    function token() external view returns (address) {
        return address(_TOKEN);
    }

    /// @inheritdoc IVestingVault
    function treasury() external view returns (address) {
        return _TREASURY;
    }

    function _existing(uint256 id) private view returns (Schedule memory s) {
        s = _schedules[id];
        if (s.beneficiary == address(0)) revert UnknownSchedule(id);
    }

    function _release(uint256 id, Schedule memory s, address to) private returns (uint256 amount) {
        uint256 vested = _vested(s, block.timestamp);
        amount = vested - s.released;
        if (amount == 0) revert NothingToRelease(id);
        // `vested` is at most `s.amount`, a uint104, so the cast cannot truncate.
        _schedules[id].released = uint104(vested);
        emit Released(id, to, amount);
        _TOKEN.safeTransfer(to, amount);
    }

    /// @dev The vesting curve of the interface's NatSpec, rounded down. A revoked schedule's `amount` is what
    /// had vested at revocation, all of it vested.
    function _vested(Schedule memory s, uint256 timestamp) private pure returns (uint256) {
        if (s.revoked) return s.amount;
        if (timestamp < s.start) return 0;
        uint256 elapsed = timestamp - s.start;
        if (elapsed >= s.duration) return s.amount;
        uint256 atStart = Math.mulDiv(s.amount, s.startUnlockBps, BPS, Math.Rounding.Floor);
        if (elapsed < s.cliffDuration) return atStart;
        return atStart + Math.mulDiv(s.amount - atStart, elapsed, s.duration, Math.Rounding.Floor);
    }
}
