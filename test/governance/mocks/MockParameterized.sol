// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";

import {Parameterized} from "../../../contracts/common/Parameterized.sol";

/// @notice A module with two governed numbers, for registry tests: a fee in bps (which the module itself
/// caps at 10,000) and a plain amount.
contract MockParameterized is Parameterized {
    bytes32 public constant FEE_BPS = keccak256("FEE_BPS");
    bytes32 public constant AMOUNT = keccak256("AMOUNT");

    uint256 public feeBps;
    uint256 public amount;

    constructor(address authority, uint256 feeBps_, uint256 amount_) AccessManaged(authority) {
        feeBps = feeBps_;
        amount = amount_;
    }

    function parameter(bytes32 key) external view returns (uint256) {
        if (key == FEE_BPS) return feeBps;
        if (key == AMOUNT) return amount;
        revert UnknownParameter(key);
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        if (key == FEE_BPS) {
            if (value > 10_000) revert InvalidParameterValue(key, value);
            feeBps = value;
        } else if (key == AMOUNT) {
            amount = value;
        } else {
            revert UnknownParameter(key);
        }
    }
}
