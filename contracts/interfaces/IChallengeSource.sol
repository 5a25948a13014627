// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IChallengeSource
/// @notice A module whose settled results a consumer may challenge before the challenge court: the inference
/// market (settled vouchers) and the metrics registry (attested metrics) implement it.
/// @dev The court trusts only sources the preset registered with it. It reads the subject when a challenge is
/// opened; nothing here moves funds. A source must return the same provider and consumer for a subject forever.
interface IChallengeSource {
    /// @notice The result a challenge would dispute.
    /// @param subjectId The source's id of a settled result (e.g. a settlement id).
    /// @return provider The provider who delivered the result (the one slashed if a challenge is upheld); zero if
    /// the subject is unknown.
    /// @return consumer The account entitled to challenge it.
    /// @return value The value at stake in the result, in protocol-token wei (sizes the challenge).
    /// @return deadline The last timestamp at which a challenge may be opened.
    function challengeSubject(
        bytes32 subjectId
    ) external view returns (address provider, address consumer, uint256 value, uint256 deadline);
}
