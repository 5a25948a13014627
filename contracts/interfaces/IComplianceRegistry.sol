// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IComplianceRegistry
/// @notice Opt-in compliance hooks of a preset: KYC providers attest accounts (an expiry and a jurisdiction code),
/// governance keeps a list of restricted jurisdictions and a threshold, and the hooked contracts (licence sales and
/// transfers, inference settlements, issuer-token transfers and mints) call `check` before moving value. A payment
/// of `threshold` or more needs both parties attested, unexpired and outside the restricted jurisdictions; a payment
/// below it passes untouched.
/// @dev A hooked contract holds this registry as an immutable; the zero address means compliance is off (no call:
/// one comparison of the immutable). `check` is a view reading the threshold, then at most two slots per party (the
/// attestation, the jurisdiction's flag): O(1). Jurisdiction codes are ISO 3166-1 alpha-2 as two ASCII bytes
/// ("US" = 0x5553); the registry only refuses the zero code.
interface IComplianceRegistry {
    /// @notice An account's attestation, in one slot.
    /// @param provider The KYC provider that attested it (zero: none).
    /// @param expiry When the attestation lapses (valid while `block.timestamp < expiry`).
    /// @param jurisdiction The account's jurisdiction code (ISO 3166-1 alpha-2).
    struct Attestation {
        address provider;
        uint64 expiry;
        bytes2 jurisdiction;
    }

    /// @notice A KYC provider attested an account (a new or replaced attestation).
    /// @param account The account attested.
    /// @param provider The KYC provider.
    /// @param expiry When the attestation lapses.
    /// @param jurisdiction The account's jurisdiction code.
    event Attested(address indexed account, address indexed provider, uint256 expiry, bytes2 jurisdiction);

    /// @notice A KYC provider revoked an account's attestation.
    /// @param account The account.
    /// @param provider The KYC provider that revoked it.
    event Revoked(address indexed account, address indexed provider);

    /// @notice Governance added a jurisdiction to the restricted list or removed it.
    /// @param jurisdiction The jurisdiction code.
    /// @param restricted Whether it is restricted now.
    event RestrictedSet(bytes2 indexed jurisdiction, bool restricted);

    /// @notice The account has no attestation (for a payment at or above the threshold, or a revocation).
    /// @param account The account.
    error NotAttested(address account);

    /// @notice The account's attestation lapsed.
    /// @param account The account.
    /// @param expiry When it lapsed.
    error AttestationExpired(address account, uint256 expiry);

    /// @notice The account's jurisdiction is restricted.
    /// @param account The account.
    /// @param jurisdiction Its jurisdiction code.
    error RestrictedJurisdiction(address account, bytes2 jurisdiction);

    /// @notice The zero address cannot be attested.
    error ZeroAddress();

    /// @notice The expiry is not in the future (or does not fit 64 bits).
    /// @param expiry The refused expiry.
    error InvalidExpiry(uint256 expiry);

    /// @notice The jurisdiction code is not two upper-case ASCII letters (ISO 3166-1 alpha-2, e.g. "KP").
    error InvalidJurisdiction();

    /// @notice A KYC provider may not attest itself (a second provider must).
    /// @param provider The provider.
    error SelfAttestation(address provider);

    /// @notice The parameter-registry key of the threshold, in token wei.
    /// @return The key, `keccak256("compliance.threshold")`.
    function THRESHOLD() external view returns (bytes32);

    /// @notice Attests `account` until `expiry` in `jurisdiction`, replacing any attestation it had. KYC_PROVIDER
    /// only; a provider cannot attest itself.
    /// @param account The account (not zero, not the caller).
    /// @param expiry When the attestation lapses (in the future, at most 2^64 - 1).
    /// @param jurisdiction Its jurisdiction code (not zero).
    function attest(address account, uint256 expiry, bytes2 jurisdiction) external;

    /// @notice Revokes `account`'s attestation (any KYC provider may revoke any attestation). KYC_PROVIDER only.
    /// @param account The account (reverts `NotAttested` when it has none).
    function revoke(address account) external;

    /// @notice Adds a jurisdiction to the restricted list or removes it. Governance only.
    /// @param jurisdiction The code (not zero).
    /// @param restricted Whether payments at or above the threshold are refused for its accounts.
    function setRestricted(bytes2 jurisdiction, bool restricted) external;

    /// @notice Reverts unless a payment of `amount` between `from` and `to` is allowed: below the threshold
    /// always; at or above it (`amount >= threshold`) only when each non-zero party holds an unexpired attestation
    /// outside the restricted jurisdictions. The zero address stands for a mint's or burn's side and is not checked.
    /// @param from The payer (or the sender of a transfer).
    /// @param to The payee (or the receiver).
    /// @param amount The payment, token wei.
    function check(address from, address to, uint256 amount) external view;

    /// @notice Whether `account` would pass a check at or above the threshold now.
    /// @param account The account.
    /// @return Whether it holds an unexpired attestation outside the restricted jurisdictions.
    function isCompliant(address account) external view returns (bool);

    /// @notice An account's attestation (zeros: none).
    /// @param account The account.
    /// @return The attestation as stored (it may have lapsed).
    function attestation(address account) external view returns (Attestation memory);

    /// @notice Whether a jurisdiction is restricted.
    /// @param jurisdiction The code.
    /// @return Whether it is.
    function isRestricted(bytes2 jurisdiction) external view returns (bool);

    /// @notice The threshold: payments of this amount or more need attested parties, token wei.
    /// @return The threshold.
    function threshold() external view returns (uint256);
}
