// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Roles
/// @notice AccessManager role ids shared by every preset. One AccessManager per preset holds them;
/// the timelock is its admin (role 0). Deploy scripts mirror these numbers in `scripts/lib/roles.ts`.
library Roles {
    /// @dev OpenZeppelin AccessManager's built-in admin role.
    uint64 internal constant ADMIN = 0;
    /// @dev May call `ProtocolToken.mint`.
    uint64 internal constant MINTER = 1;
}
