// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IIssuerToken} from "./IIssuerToken.sol";
import {IParameterized} from "./IParameterized.sol";

/// @title IIssuerTokenFactory
/// @notice Creates issuer tokens as minimal-proxy clones (EIP-1167) of one implementation, deployed by the factory
/// itself, and lists every token on-chain. Creating a token takes one of the issuer's slots in the issuer registry
/// (so only a verified issuer with a free slot can create) and charges the creation fee in QUT through the
/// registry. Retiring a token gives its slot back.
/// @dev The factory must hold the registry's slot-consumer and fee-collector roles. The issuer approves the
/// registry (not the factory) for the creation fee.
interface IIssuerTokenFactory is IParameterized {
    /// @notice How the factory knows a token.
    /// @param issuer The issuer that created it.
    /// @param retired Whether the issuer retired it.
    struct TokenRecord {
        address issuer;
        bool retired;
    }

    /// @notice An issuer created a token.
    /// @param issuer The issuer.
    /// @param token The new token (a clone).
    /// @param index Its position in the list of every token created.
    /// @param config Its name, symbol, cap, terms and minter.
    /// @param fee The creation fee charged, in QUT.
    event TokenCreated(
        address indexed issuer,
        address indexed token,
        uint256 index,
        IIssuerToken.TokenConfig config,
        uint256 fee
    );

    /// @notice An issuer retired a token; its slot went back to the issuer.
    /// @param issuer The issuer.
    /// @param token The token.
    event TokenRetired(address indexed issuer, address indexed token);

    /// @notice The address is not a token this factory created.
    /// @param token The address.
    error UnknownToken(address token);

    /// @notice Only the token's issuer may do this.
    /// @param token The token.
    /// @param caller The caller.
    error NotTokenIssuer(address token, address caller);

    /// @notice The token is already retired.
    /// @param token The token.
    error TokenAlreadyRetired(address token);

    // solhint-disable func-name-mixedcase
    /// @notice Parameter key: the creation fee, in wei of QUT.
    /// @return keccak256("issuance.creationFee")
    function CREATION_FEE() external view returns (bytes32);

    /// @notice The fee kind recorded by the registry for creation fees.
    /// @return keccak256("issuance.fee.tokenCreation")
    function FEE_KIND_TOKEN_CREATION() external view returns (bytes32);
    // solhint-enable func-name-mixedcase

    /// @notice Creates a token for the caller: takes one of its slots, charges the creation fee, clones the
    /// implementation with the config as immutable arguments (CREATE2, salt zero) and lists it.
    /// @dev Reverts `InvalidCap` / `EmptyNameOrSymbol` / `MissingTerms` (IIssuerToken's errors) for a bad config,
    /// `IssuerNotVerified` / `NoFreeSlot` (registry), and the QUT transfer error when the fee is not approved or not
    /// held.
    /// @param config Name, symbol, cap, terms and minter of the new token.
    /// @return token The new token's address.
    function createToken(IIssuerToken.TokenConfig calldata config) external returns (address token);

    /// @notice Retires one of the caller's tokens and gives its slot back. The token must have no pending
    /// redemptions; afterwards it can no longer be minted, claimed or redeemed, only transferred.
    /// @dev Allowed whatever the issuer's status.
    /// @param token The token.
    function retireToken(address token) external;

    /// @notice The implementation every token clones.
    /// @return Its address.
    function implementation() external view returns (address);

    /// @notice The issuer registry.
    /// @return Its address.
    function registry() external view returns (address);

    /// @notice The current creation fee.
    /// @return QUT, in wei.
    function creationFee() external view returns (uint256);

    /// @notice How many tokens were ever created.
    /// @return The count.
    function tokenCount() external view returns (uint256);

    /// @notice The token created at position `index` (0-based, in creation order).
    /// @param index The position.
    /// @return The token.
    function tokenAt(uint256 index) external view returns (address);

    /// @notice How the factory knows `token` (issuer zero: not created here), read from the token itself.
    /// @param token The token.
    /// @return The record.
    function tokenRecord(address token) external view returns (TokenRecord memory);

    /// @notice Whether this factory created `token`.
    /// @param token The address.
    /// @return True for a listed token.
    function isIssuerToken(address token) external view returns (bool);
}
