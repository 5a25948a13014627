// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice An unclassified contract for technical-class proposals: anyone may set its value.
contract MockTarget {
    uint256 public value;
    uint256 public calls;

    function setValue(uint256 value_) external {
        value = value_;
        calls++;
    }
}
