// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ProposerSuffix
/// @notice Checks that a proposal's description ends with `#proposer=0x<proposer>`, the address in lower-case hex
/// (OpenZeppelin's suffix, made mandatory by the governor), with two word comparisons rather than a hex string
/// built in a loop and hashed.
library ProposerSuffix {
    /// @dev "#proposer=0x": the suffix's first 12 bytes.
    bytes32 private constant _MARKER = bytes32(bytes12("#proposer=0x"));

    /// @notice Whether `description` ends with `#proposer=0x` and `proposer` in 40 lower-case hex digits.
    /// @param description The proposal's description.
    /// @param proposer The proposer.
    /// @return True if it does.
    function isBoundTo(string memory description, address proposer) internal pure returns (bool) {
        uint256 length = bytes(description).length;
        if (length < 52) return false;
        bytes32 head; // "#proposer=0x" and the first 20 hex digits (the address's top 10 bytes)
        bytes32 tail; // the last 32 hex digits (the address's low 16 bytes)
        // Two reads inside the string (length >= 52): no copy of the suffix is made.
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            let end := add(add(description, 0x20), length)
            head := mload(sub(end, 52))
            tail := mload(sub(end, 32))
        }
        uint256 account = uint160(proposer);
        return
            tail == bytes32(hex32(uint128(account))) &&
            head == (_MARKER | bytes32(hex32(uint128(account >> 32)) >> 96));
    }

    /// @notice 16 bytes as 32 lower-case hex digits in ASCII, the first digit in the word's top byte.
    /// @param value The bytes.
    /// @return digits The digits.
    function hex32(uint128 value) internal pure returns (uint256 digits) {
        digits = value;
        // Spread the bytes: each step halves the width of the pieces and moves the upper half of each piece up
        // into the next lane, until every nibble sits in a byte of its own, in order.
        digits = ((digits << 64) | digits) & 0x0000000000000000ffffffffffffffff0000000000000000ffffffffffffffff;
        digits = ((digits << 32) | digits) & 0x00000000ffffffff00000000ffffffff00000000ffffffff00000000ffffffff;
        digits = ((digits << 16) | digits) & 0x0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff;
        digits = ((digits << 8) | digits) & 0x00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff;
        digits = ((digits << 4) | digits) & 0x0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f;
        // A nibble of 10 or more carries into bit 4 once 6 is added: those bytes get 0x27 more ('a' - '0' - 10).
        // No byte overflows (at most 15 + 0x57 = 0x66), so no carry crosses bytes.
        uint256 letters =
            ((digits + 0x0606060606060606060606060606060606060606060606060606060606060606) >> 4) &
                0x0101010101010101010101010101010101010101010101010101010101010101;
        digits += 0x3030303030303030303030303030303030303030303030303030303030303030 + letters * 0x27;
    }
}
