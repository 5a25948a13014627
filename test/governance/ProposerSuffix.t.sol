// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

import {ProposerSuffix} from "../../contracts/libraries/ProposerSuffix.sol";
import {Test} from "../utils/Test.sol";

/// @dev The word-level suffix check against the string it replaces: "#proposer=" + Strings.toHexString(proposer).
contract ProposerSuffixTest is Test {
    address private constant ALICE = 0x00112233445566778899aAbbCcddEefF00010203;
    string private constant ALICE_HEX = "00112233445566778899aabbccddeeff00010203";

    function _bound(string memory text, address proposer) private pure returns (string memory) {
        return string.concat(text, "#proposer=", Strings.toHexString(proposer));
    }

    function check(string memory description, address proposer) external pure returns (bool) {
        return ProposerSuffix.isBoundTo(description, proposer);
    }

    function test_hex32_writesLowerCaseDigitsInOrder() public pure {
        // Written by hand: the 16 bytes 01 23 45 67 89 ab cd ef fe dc ba 98 76 54 32 10.
        assertEq(
            bytes32(ProposerSuffix.hex32(0x0123456789abcdeffedcba9876543210)),
            bytes32("0123456789abcdeffedcba9876543210"),
            "digits"
        );
        assertEq(bytes32(ProposerSuffix.hex32(0)), bytes32("00000000000000000000000000000000"), "zero");
        assertEq(bytes32(ProposerSuffix.hex32(type(uint128).max)), bytes32("ffffffffffffffffffffffffffffffff"), "max");
    }

    function test_isBoundTo_acceptsTheLowerCaseSuffix() public view {
        assertTrue(this.check(string.concat("Fund the grants#proposer=0x", ALICE_HEX), ALICE), "with text");
        assertTrue(this.check(string.concat("#proposer=0x", ALICE_HEX), ALICE), "the suffix alone (52 bytes)");
    }

    function test_isBoundTo_rejectsOtherSuffixes() public view {
        assertFalse(this.check("Fund#proposer=0x00112233445566778899AABBCCDDEEFF00010203", ALICE), "upper-case digits");
        assertFalse(this.check("Fund#proposer=0x00112233445566778899aabbccddeeff00010204", ALICE), "last digit");
        assertFalse(this.check("Fund#proposer=0x10112233445566778899aabbccddeeff00010203", ALICE), "first digit");
        assertFalse(this.check(string.concat("Fund#proposer=0x", ALICE_HEX, "\n"), ALICE), "trailing newline");
        assertFalse(this.check(string.concat("Fund#proposed=0x", ALICE_HEX), ALICE), "marker");
        assertFalse(this.check(string.concat("Fund#proposer=1x", ALICE_HEX), ALICE), "prefix");
        assertFalse(this.check("#proposer=0x00112233445566778899aabbccddeeff0001020", ALICE), "51 bytes");
        assertFalse(this.check("", ALICE), "empty");
    }

    function testFuzz_isBoundTo_matchesTheHexString(address proposer, address other, string memory text) public view {
        assertTrue(this.check(_bound(text, proposer), proposer), "own suffix");
        assertEq(this.check(_bound(text, other), proposer), other == proposer, "another's suffix");
    }

    function testFuzz_isBoundTo_rejectsAnyOneChangedByte(address proposer, uint8 position, uint8 flip) public view {
        bytes memory description = bytes(_bound("Text", proposer));
        uint256 index = description.length - 52 + (position % 52);
        // XOR with a non-zero byte: the byte always changes.
        description[index] = description[index] ^ bytes1(flip == 0 ? 1 : flip);
        assertFalse(this.check(string(description), proposer), "changed byte");
    }
}
