// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title RollingCap
/// @notice A cap over a rolling span that refills continuously (a leaky bucket): what was paid against the cap drains
/// at `cap` per `span` seconds. A payment takes at most the room left now, so over any window of `w <= span` seconds
/// the payments are at most `cap x (1 + w / span)`: a full cap right after another needs a whole span to refill, and
/// no calendar edge hands out a second cap within seconds. Pure arithmetic on the two stored figures (the part in use
/// and when it was written), so each caller packs them in its own slot.
library RollingCap {
    /// @notice The part of `cap` in use now, given `used` as written at `updatedAt` (rounded up: the cap refills no
    /// faster than its rate).
    /// @param used The part in use when written.
    /// @param updatedAt When it was written.
    /// @param cap The cap per span.
    /// @param span The span, seconds.
    /// @return The part in use now.
    function inUse(uint256 used, uint256 updatedAt, uint256 cap, uint256 span) internal view returns (uint256) {
        if (used == 0) return 0;
        uint256 drained = Math.mulDiv(cap, block.timestamp - updatedAt, span, Math.Rounding.Floor);
        return used > drained ? used - drained : 0;
    }

    /// @notice What the cap leaves now, given the part in use now.
    /// @param cap The cap per span.
    /// @param used The part in use now (`inUse`).
    /// @return The room.
    function room(uint256 cap, uint256 used) internal pure returns (uint256) {
        return cap > used ? cap - used : 0;
    }
}
