// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Hashes} from "@openzeppelin/contracts/utils/cryptography/Hashes.sol";

/// @notice A four-leaf OpenZeppelin standard Merkle tree of (index, account, amount) leaves, built on-chain
/// for tests: leaves are double-hashed, pairs hashed sorted.
library MerkleHelper {
    function leaf(uint256 index, address account, uint256 amount) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(index, account, amount))));
    }

    /// @return root The tree's root.
    /// @return proofs The proof of each leaf (two siblings each).
    function build(
        address[4] memory accounts,
        uint256[4] memory amounts
    ) internal pure returns (bytes32 root, bytes32[][4] memory proofs) {
        bytes32[4] memory leaves;
        for (uint256 i; i < 4; ++i) leaves[i] = leaf(i, accounts[i], amounts[i]);
        bytes32 left = Hashes.commutativeKeccak256(leaves[0], leaves[1]);
        bytes32 right = Hashes.commutativeKeccak256(leaves[2], leaves[3]);
        root = Hashes.commutativeKeccak256(left, right);
        for (uint256 i; i < 4; ++i) {
            proofs[i] = new bytes32[](2);
            proofs[i][0] = leaves[i ^ 1];
            proofs[i][1] = i < 2 ? right : left;
        }
    }
}
