// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @notice Reference for the gas benchmark: a plain one-shot Merkle distributor in the style of Uniswap's
/// MerkleDistributor (immutable token and root, a claimed bitmap), with the same leaf format as PartnerRewards
/// (OpenZeppelin standard leaves of (index, account, amount)). No periods, no funding limit, no expiry.
contract ReferenceMerkleDistributor {
    using SafeERC20 for IERC20;

    IERC20 public immutable token;
    bytes32 public immutable merkleRoot;
    mapping(uint256 word => uint256 bits) private _claimed;

    error AlreadyClaimed(uint256 index);
    error InvalidProof(uint256 index);

    event Claimed(uint256 index, address indexed account, uint256 amount);

    constructor(IERC20 token_, bytes32 merkleRoot_) {
        token = token_;
        merkleRoot = merkleRoot_;
    }

    function claim(uint256 index, address account, uint256 amount, bytes32[] calldata proof) external {
        uint256 word = index >> 8;
        uint256 bit = 1 << (index & 0xff);
        uint256 bits = _claimed[word];
        if (bits & bit != 0) revert AlreadyClaimed(index);
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(index, account, amount))));
        if (!MerkleProof.verifyCalldata(proof, merkleRoot, leaf)) revert InvalidProof(index);
        _claimed[word] = bits | bit;
        emit Claimed(index, account, amount);
        token.safeTransfer(account, amount);
    }
}
