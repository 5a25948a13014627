// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {EmissionSchedule} from "../../../contracts/supply/EmissionSchedule.sol";

/// @notice Exposes the library's reverting check as an external call, so tests can expect its errors.
contract EmissionScheduleHarness {
    function validate(uint256[] memory yearlyAmounts, uint256 halvingYears, uint256 cap) external pure {
        EmissionSchedule.validate(yearlyAmounts, halvingYears, cap);
    }
}
