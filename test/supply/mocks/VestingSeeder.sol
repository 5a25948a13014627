// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IVestingVault} from "../../../contracts/interfaces/IVestingVault.sol";

/// @notice Benchmark helper: creates many vesting schedules in one transaction (it must hold the VESTING_CREATOR
/// role and the tokens). Beneficiaries are distinct made-up addresses.
contract VestingSeeder {
    function seed(
        IVestingVault vault,
        IERC20 token,
        uint256 firstIndex,
        uint256 count,
        uint256 amountEach,
        uint48 start,
        uint32 duration
    ) external {
        token.approve(address(vault), count * amountEach);
        for (uint256 i; i < count; ++i) {
            address beneficiary = address(uint160(0x5eed0000 + firstIndex + i));
            vault.createSchedule(beneficiary, amountEach, start, 0, duration, 0, false);
        }
    }
}
