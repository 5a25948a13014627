// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IProviderPrograms} from "../../../contracts/interfaces/IProviderPrograms.sol";
import {IProviderStaking} from "../../../contracts/interfaces/IProviderStaking.sol";

/// @notice One provider of the gas benchmark: in its constructor it takes its self-stake from the crowd that deploys
/// it, registers in staking and enrols in the provider programs. It keeps no code.
/// @dev Test-only: never deploy outside a devnet.
contract BenchProvider {
    constructor(IProviderStaking staking, IProviderPrograms programs, IERC20 token, uint256 stake) {
        BenchProviderCrowd(msg.sender).fund(stake);
        token.approve(address(staking), stake);
        staking.registerProvider(stake);
        programs.enroll();
    }
}

/// @notice Test-only crowd for the gas benchmark: creates many enrolled providers per transaction, each from its own
/// address, so a benchmark can measure a provider-programs claim with 10 or 10,000 other providers enrolled.
/// @dev Holds the tokens it hands out; `fund` pays any caller (test-only, never deployed outside a devnet).
contract BenchProviderCrowd {
    IProviderStaking public immutable staking;
    IProviderPrograms public immutable programs;
    IERC20 public immutable token;

    constructor(IProviderStaking staking_, IProviderPrograms programs_, IERC20 token_) {
        staking = staking_;
        programs = programs_;
        token = token_;
    }

    /// @notice Pays `amount` to the provider being constructed.
    function fund(uint256 amount) external {
        require(token.transfer(msg.sender, amount), "transfer");
    }

    /// @notice Creates `count` providers staking `stake` each and enrolled in the programs.
    function create(uint256 count, uint256 stake) external {
        for (uint256 i; i < count; ++i) {
            new BenchProvider(staking, programs, token, stake);
        }
    }
}
