// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IIssuerRegistry} from "./IIssuerRegistry.sol";

/// @title ISettlement
/// @notice Settlement between projects in QUT, the platform's common unit of account: an issuer pays another
/// issuer directly (no custody) and the payment is recorded on-chain with a reference, and counted in both
/// issuers' totals.
/// @dev Both sides must be verified issuers at the moment of the settlement (staked at least the first tier and
/// not suspended), so every record is backed by two stakes at risk: an account that staked 1 wei once, or an
/// issuer that unstaked or was suspended, can neither pay nor be paid here (it can still pay with a plain
/// transfer, just without a record). Amounts are stored in 96 bits (up to ~7.9e28 wei).
interface ISettlement {
    /// @notice A settlement's record.
    /// @param from The paying issuer.
    /// @param settledAt When it was paid.
    /// @param to The paid issuer.
    /// @param amount QUT paid, in wei.
    /// @param ref The parties' reference (an invoice, a contract).
    struct Record {
        address from;
        uint64 settledAt;
        address to;
        uint96 amount;
        bytes32 ref;
    }

    /// @notice What an issuer paid and received through settlements.
    /// @param paid QUT paid to other issuers.
    /// @param received QUT received from other issuers.
    struct Totals {
        uint128 paid;
        uint128 received;
    }

    /// @notice An issuer paid another.
    /// @param id The settlement's id (from 1).
    /// @param from The paying issuer.
    /// @param to The paid issuer.
    /// @param amount QUT paid.
    /// @param ref The parties' reference.
    event Settled(uint256 indexed id, address indexed from, address indexed to, uint256 amount, bytes32 ref);

    /// @notice A zero amount.
    error ZeroAmount();

    /// @notice The zero address where a contract is needed.
    error ZeroAddress();

    /// @notice An issuer settling with itself.
    /// @param account The issuer.
    error SelfSettlement(address account);

    /// @notice The account is not a verified issuer (unverified or suspended).
    /// @param account The account.
    /// @param status Its status in the issuer registry.
    error NotVerifiedIssuer(address account, IIssuerRegistry.IssuerStatus status);

    /// @notice Pays `amount` QUT from the caller to issuer `to` and records the settlement.
    /// @dev Pulls with `transferFrom` straight to `to`: approve this contract first.
    /// @param to The paid issuer.
    /// @param amount QUT, in wei.
    /// @param ref The parties' reference.
    /// @return id The settlement's id.
    function settle(address to, uint256 amount, bytes32 ref) external returns (uint256 id);

    /// @notice The token settlements are paid in (QUT).
    /// @return Its address.
    function settlementToken() external view returns (address);

    /// @notice The issuer registry that says who is an issuer.
    /// @return Its address.
    function registry() external view returns (address);

    /// @notice A settlement's record.
    /// @param id The settlement's id.
    /// @return The record (all zero for an unknown id).
    function settlement(uint256 id) external view returns (Record memory);

    /// @notice Number of settlements; ids run from 1 to this number.
    /// @return The count.
    function settlementCount() external view returns (uint256);

    /// @notice What an issuer paid and received through settlements.
    /// @param issuer The issuer.
    /// @return Its totals.
    function totalsOf(address issuer) external view returns (Totals memory);
}
