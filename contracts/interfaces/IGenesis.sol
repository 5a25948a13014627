// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IGenesis
/// @notice The one-shot token generation event of a preset: mints the total supply once and funds every
/// allocation (direct grants such as the treasury, liquidity and the emission controller, and vesting schedules
/// in the vault), then gives up the minter and vesting-creator roles. It can never run again.
/// @dev The deployer grants this contract the MINTER and VESTING_CREATOR roles, then calls `run` (restricted to
/// the AccessManager's admin). `run` renounces both roles, so afterwards nobody holds MINTER unless governance
/// grants it.
interface IGenesis {
    /// @notice Tokens minted straight to an address.
    /// @param to The recipient.
    /// @param amount In wei.
    struct Grant {
        address to;
        uint256 amount;
    }

    /// @notice Tokens minted into a vesting schedule (see `IVestingVault.createSchedule`).
    /// @param beneficiary Who receives the vested tokens.
    /// @param amount In wei.
    /// @param start When vesting starts (unix seconds).
    /// @param cliffDuration Seconds after `start` before the linear part is releasable.
    /// @param duration Seconds from `start` to full vesting.
    /// @param startUnlockBps Share unlocked at `start`, in bps.
    /// @param revocable Whether governance may revoke the schedule.
    struct VestingGrant {
        address beneficiary;
        uint256 amount;
        uint48 start;
        uint32 cliffDuration;
        uint32 duration;
        uint16 startUnlockBps;
        bool revocable;
    }

    /// @notice Genesis ran.
    /// @param totalSupply Everything minted, in wei.
    /// @param grants How many direct grants were minted.
    /// @param schedules How many vesting schedules were created.
    event GenesisRun(uint256 totalSupply, uint256 grants, uint256 schedules);

    /// @notice Genesis already ran.
    error GenesisAlreadyRun();
    /// @notice The allocations do not add up to the total supply fixed at deployment.
    error TotalMismatch(uint256 total, uint256 expected);
    /// @notice A direct grant to the zero address or of zero tokens.
    error InvalidGrant(uint256 index, address to, uint256 amount);
    /// @notice Invalid deployment argument: zero token or vault, or a zero total supply.
    error InvalidConfiguration();

    /// @notice Mints the total supply and funds every allocation, once.
    /// @dev Restricted to the AccessManager's admin. Loops over the allocations (deployment only).
    /// @param grants Direct grants.
    /// @param vesting Vesting schedules to create in the vault.
    function run(Grant[] calldata grants, VestingGrant[] calldata vesting) external;

    /// @notice Whether genesis has run.
    /// @return True once `run` succeeded.
    function done() external view returns (bool);

    /// @notice The total supply `run` must mint.
    /// @return In wei.
    function totalSupply() external view returns (uint256);
}
