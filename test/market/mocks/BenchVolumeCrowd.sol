// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IVolumeContracts} from "../../../contracts/interfaces/IVolumeContracts.sol";

/// @notice Test-only crowd for the gas benchmark: proposes many committed-volume contracts to one provider and stores
/// as many sessions with it per transaction, so a benchmark can measure a settlement and a session extension with 10
/// or 10,000 other contracts and sessions in the module.
/// @dev Holds the tokens it escrows and pays (test-only, never deployed outside a devnet).
contract BenchVolumeCrowd {
    IVolumeContracts public immutable volume;
    uint256 public created;

    constructor(IVolumeContracts volume_, IERC20 token) {
        volume = volume_;
        token.approve(address(volume_), type(uint256).max);
    }

    /// @notice Proposes `count` contracts of `tokens` at `ratePer1k` to `provider` until `termEnd`, and stores one
    /// session per contract with it for one period.
    function create(uint256 count, address provider, uint256 ratePer1k, uint256 tokens, uint256 termEnd) external {
        for (uint256 i; i < count; ++i) {
            volume.propose(provider, keccak256("bench.model.volume"), ratePer1k, tokens, termEnd, 5_000);
            volume.storeSession(bytes32(created++), provider, 1);
        }
    }
}
