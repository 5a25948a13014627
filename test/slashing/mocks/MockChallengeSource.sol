// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IChallengeSource} from "../../../contracts/interfaces/IChallengeSource.sol";

/// @notice Test-only source of challengeable results: subjects are set directly.
contract MockChallengeSource is IChallengeSource {
    struct Subject {
        address provider;
        address consumer;
        uint256 value;
        uint256 deadline;
    }

    mapping(bytes32 subjectId => Subject) public subjects;

    function setSubject(
        bytes32 subjectId,
        address provider,
        address consumer,
        uint256 value,
        uint256 deadline
    ) external {
        subjects[subjectId] = Subject(provider, consumer, value, deadline);
    }

    function challengeSubject(
        bytes32 subjectId
    ) external view returns (address provider, address consumer, uint256 value, uint256 deadline) {
        Subject memory s = subjects[subjectId];
        return (s.provider, s.consumer, s.value, s.deadline);
    }
}
