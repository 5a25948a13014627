// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {EmissionController} from "../../../contracts/supply/EmissionController.sol";
import {IEmissionController} from "../../../contracts/interfaces/IEmissionController.sol";
import {Test} from "../../utils/Test.sol";

/// @notice Drives an emission controller through time and permissionless releases. Ghost: what the releases it made
/// returned, so a release run by anyone else (a re-entering recipient) shows as a difference.
contract EmissionReleaseHandler is Test {
    EmissionController public immutable controller;
    uint256 public ghostReleased;
    uint256 public releases;

    constructor(EmissionController controller_) {
        controller = controller_;
    }

    function warp(uint256 secondsAhead) external {
        vm.warp(block.timestamp + bound(secondsAhead, 1, 90 days));
    }

    function release() external {
        try controller.release() returns (uint256 amount) {
            ghostReleased += amount;
            releases++;
        } catch (bytes memory reason) {
            assertEq(bytes4(reason), IEmissionController.NothingToRelease.selector, "release: unexpected error");
        }
    }
}
