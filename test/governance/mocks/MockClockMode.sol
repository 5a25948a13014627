// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice A vote source whose ERC-6372 clock mode is whatever the test says (e.g. block numbers).
contract MockClockMode {
    string private _mode;

    constructor(string memory mode) {
        _mode = mode;
    }

    function CLOCK_MODE() external view returns (string memory) {
        return _mode;
    }
}
