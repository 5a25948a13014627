// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IVestingVault
/// @notice One vault holding many vesting schedules of the protocol token: a share unlocked at the start, an
/// optional cliff, then linear vesting until the end. Anyone may release a schedule's vested tokens to its
/// beneficiary; the beneficiary may release them to any address. Governance may revoke a revocable schedule:
/// what has vested stays releasable, the unvested rest goes back to the treasury.
/// @dev Vested amount of a schedule at time `t` (rounded down, so never ahead of the exact schedule):
///   - `t < start`: 0;
///   - `start <= t < start + cliff`: `amount * startUnlockBps / 10_000` (the start unlock);
///   - `start + cliff <= t < start + duration`: start unlock + `(amount - start unlock) * (t - start) / duration`;
///   - `t >= start + duration`: `amount`.
/// The linear part runs from `start`; the cliff only holds it back, so at the cliff the whole linear part since
/// `start` vests at once (a 4-year schedule with a 1-year cliff vests 25% at the cliff).
///
/// Votes: the vault never delegates, so unvested and unreleased tokens carry no voting power (ERC20Votes counts
/// only delegated balances). Released tokens vote once their holder delegates.
interface IVestingVault {
    /// @notice A vesting schedule, packed into two storage slots.
    /// @param beneficiary Who receives the vested tokens.
    /// @param cliffDuration Seconds after `start` before the linear part starts to be releasable.
    /// @param duration Seconds from `start` to full vesting.
    /// @param startUnlockBps Share of `amount` unlocked at `start`, in bps of 10,000.
    /// @param revocable Whether governance may revoke the schedule.
    /// @param revoked Whether it was revoked (its `amount` is then what had vested at revocation).
    /// @param amount Total tokens of the schedule, in wei (at most 2^104 - 1, about 2e31).
    /// @param released Tokens already released, in wei.
    /// @param start When vesting starts (unix seconds).
    struct Schedule {
        address beneficiary;
        uint32 cliffDuration;
        uint32 duration;
        uint16 startUnlockBps;
        bool revocable;
        bool revoked;
        uint104 amount;
        uint104 released;
        uint48 start;
    }

    /// @notice A schedule was created and funded.
    /// @param id The schedule's id.
    /// @param beneficiary Who receives the vested tokens.
    /// @param amount Total tokens, in wei.
    /// @param start When vesting starts.
    /// @param cliffDuration Seconds after `start` before the linear part is releasable.
    /// @param duration Seconds from `start` to full vesting.
    /// @param startUnlockBps Share unlocked at `start`, in bps.
    /// @param revocable Whether governance may revoke it.
    event ScheduleCreated(
        uint256 indexed id,
        address indexed beneficiary,
        uint256 amount,
        uint48 start,
        uint32 cliffDuration,
        uint32 duration,
        uint16 startUnlockBps,
        bool revocable
    );

    /// @notice Vested tokens were released.
    /// @param id The schedule's id.
    /// @param to Who received them (the beneficiary, or an address the beneficiary chose).
    /// @param amount Tokens released, in wei.
    event Released(uint256 indexed id, address indexed to, uint256 amount);

    /// @notice A schedule was revoked; its unvested tokens went to the treasury.
    /// @param id The schedule's id.
    /// @param vested What had vested at revocation (stays releasable by the beneficiary), in wei.
    /// @param returned Unvested tokens sent to the treasury, in wei.
    event Revoked(uint256 indexed id, uint256 vested, uint256 returned);

    /// @notice The beneficiary is the zero address or the vault itself.
    error InvalidBeneficiary(address beneficiary);
    /// @notice A schedule of zero tokens.
    error ZeroAmount();
    /// @notice The cliff is longer than the whole vesting duration.
    error CliffLongerThanDuration(uint256 cliffDuration, uint256 duration);
    /// @notice The start unlock share is above 10,000 bps.
    error StartUnlockAboveMax(uint256 startUnlockBps, uint256 max);
    /// @notice No schedule has this id.
    error UnknownSchedule(uint256 id);
    /// @notice Nothing is releasable now.
    error NothingToRelease(uint256 id);
    /// @notice Only the beneficiary may release to an address other than itself.
    error NotBeneficiary(uint256 id, address caller, address beneficiary);
    /// @notice Released tokens cannot go to the zero address.
    error InvalidReleaseTarget(address to);
    /// @notice The schedule is not revocable.
    error NotRevocable(uint256 id);
    /// @notice The schedule was already revoked.
    error AlreadyRevoked(uint256 id);
    /// @notice Everything has vested already: there is nothing left to revoke.
    error NothingToRevoke(uint256 id);
    /// @notice The token or treasury given at deployment is the zero address.
    error InvalidAddress();

    /// @notice Creates a schedule and pulls its `amount` from the caller (who must have approved the vault).
    /// @dev Restricted to the VESTING_CREATOR role (the Genesis contract during genesis, governance afterwards).
    /// @param beneficiary Who receives the vested tokens.
    /// @param amount Total tokens, in wei.
    /// @param start When vesting starts (unix seconds; may be in the past).
    /// @param cliffDuration Seconds after `start` before the linear part is releasable; at most `duration`.
    /// @param duration Seconds from `start` to full vesting; zero unlocks everything at `start`.
    /// @param startUnlockBps Share of `amount` unlocked at `start`, in bps (at most 10,000).
    /// @param revocable Whether governance may revoke the schedule.
    /// @return id The new schedule's id (ids count up from zero).
    function createSchedule(
        address beneficiary,
        uint256 amount,
        uint48 start,
        uint32 cliffDuration,
        uint32 duration,
        uint16 startUnlockBps,
        bool revocable
    ) external returns (uint256 id);

    /// @notice Releases a schedule's vested, unreleased tokens to its beneficiary. Anyone may call it.
    /// @param id The schedule's id.
    /// @return amount Tokens released, in wei.
    function release(uint256 id) external returns (uint256 amount);

    /// @notice Releases a schedule's vested, unreleased tokens to `to`. Only the beneficiary may call it.
    /// @param id The schedule's id.
    /// @param to Who receives the tokens.
    /// @return amount Tokens released, in wei.
    function releaseTo(uint256 id, address to) external returns (uint256 amount);

    /// @notice Revokes a revocable schedule: what has vested stays releasable, the rest goes to the treasury.
    /// @dev Restricted to governance (the GOVERNOR role).
    /// @param id The schedule's id.
    /// @return returned Unvested tokens sent to the treasury, in wei.
    function revoke(uint256 id) external returns (uint256 returned);

    /// @notice A schedule.
    /// @param id The schedule's id.
    /// @return The schedule (all fields zero for an unknown id).
    function schedule(uint256 id) external view returns (Schedule memory);

    /// @notice How many schedules exist; ids run from zero to `scheduleCount() - 1`.
    /// @return The number of schedules.
    function scheduleCount() external view returns (uint256);

    /// @notice The amount of a schedule vested at a given time (past or future).
    /// @param id The schedule's id.
    /// @param timestamp The time to evaluate, in unix seconds.
    /// @return The vested amount, in wei.
    function vestedAmount(uint256 id, uint256 timestamp) external view returns (uint256);

    /// @notice What `release(id)` would release now.
    /// @param id The schedule's id.
    /// @return The releasable amount, in wei.
    function releasable(uint256 id) external view returns (uint256);

    /// @notice The token the vault holds.
    /// @return The token's address.
    function token() external view returns (address);

    /// @notice Where revoked, unvested tokens go.
    /// @return The treasury's address.
    function treasury() external view returns (address);
}
