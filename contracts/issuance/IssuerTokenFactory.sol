// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {Create2} from "@openzeppelin/contracts/utils/Create2.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IIssuerRegistry} from "../interfaces/IIssuerRegistry.sol";
import {IIssuerToken} from "../interfaces/IIssuerToken.sol";
import {IIssuerTokenFactory} from "../interfaces/IIssuerTokenFactory.sol";
import {IssuerToken} from "./IssuerToken.sol";

/// @title IssuerTokenFactory
/// @notice Creates issuer tokens as clones of one implementation (with their fixed terms as immutable arguments),
/// charges the creation fee and lists them.
contract IssuerTokenFactory is IIssuerTokenFactory, Parameterized {
    /// @inheritdoc IIssuerTokenFactory
    bytes32 public constant CREATION_FEE = keccak256("issuance.creationFee");
    /// @inheritdoc IIssuerTokenFactory
    bytes32 public constant FEE_KIND_TOKEN_CREATION = keccak256("issuance.fee.tokenCreation");

    IIssuerRegistry private immutable _REGISTRY;
    address private immutable _IMPLEMENTATION;

    uint256 private _creationFee;
    address[] private _tokens;

    /// @notice Deploys the factory and, with it, the one token implementation every clone runs.
    /// @param authority The preset's AccessManager.
    /// @param registry_ The issuer registry (slots, fees, issuer status).
    /// @param compliance_ The compliance registry every token checks (the zero address: compliance off).
    /// @param creationFee_ The creation fee, in wei of QUT.
    constructor(
        address authority,
        address registry_,
        address compliance_,
        uint256 creationFee_
    ) AccessManaged(authority) {
        if (registry_ == address(0)) revert IIssuerRegistry.ZeroAddress();
        _REGISTRY = IIssuerRegistry(registry_);
        _IMPLEMENTATION = address(new IssuerToken(registry_, compliance_));
        _creationFee = creationFee_;
    }

    /// @inheritdoc IIssuerTokenFactory
    function createToken(IIssuerToken.TokenConfig calldata config) external returns (address token) {
        if (config.cap == 0 || config.cap > type(uint128).max) revert IIssuerToken.InvalidCap(config.cap);
        if (bytes(config.name).length == 0 || bytes(config.symbol).length == 0) {
            revert IIssuerToken.EmptyNameOrSymbol();
        }
        if (bytes(config.termsURI).length == 0 || config.termsHash == bytes32(0)) revert IIssuerToken.MissingTerms();
        _REGISTRY.useSlot(msg.sender);
        uint256 fee = _creationFee;
        if (fee != 0) _REGISTRY.chargeFee(msg.sender, fee, FEE_KIND_TOKEN_CREATION);
        uint256 index = _tokens.length;
        // Every fixed term of the token goes into its code (see IssuerToken's argument layout), so creating it
        // writes no storage in the token. The index makes the arguments, hence the CREATE2 address, unique. Texts
        // longer than 65,535 bytes cannot be encoded, but the clone's code limit refuses them first
        // (`CloneArgumentsTooLong`).
        bytes memory args = _arguments(config, index);
        token = Clones.cloneDeterministicWithImmutableArgs(_IMPLEMENTATION, args, bytes32(0));
        _tokens.push(token);
        emit TokenCreated(msg.sender, token, index, config, fee);
    }

    /// @inheritdoc IIssuerTokenFactory
    function retireToken(address token) external {
        if (!_createdHere(token)) revert UnknownToken(token);
        if (IIssuerToken(token).issuer() != msg.sender) revert NotTokenIssuer(token, msg.sender);
        if (IIssuerToken(token).retired()) revert TokenAlreadyRetired(token);
        emit TokenRetired(msg.sender, token);
        IIssuerToken(token).retire();
        _REGISTRY.releaseSlot(msg.sender);
    }

    /// @inheritdoc IIssuerTokenFactory
    function implementation() external view returns (address) {
        return _IMPLEMENTATION;
    }

    /// @inheritdoc IIssuerTokenFactory
    function registry() external view returns (address) {
        return address(_REGISTRY);
    }

    /// @inheritdoc IIssuerTokenFactory
    function creationFee() external view returns (uint256) {
        return _creationFee;
    }

    /// @inheritdoc IIssuerTokenFactory
    function tokenCount() external view returns (uint256) {
        return _tokens.length;
    }

    /// @inheritdoc IIssuerTokenFactory
    function tokenAt(uint256 index) external view returns (address) {
        return _tokens[index];
    }

    /// @inheritdoc IIssuerTokenFactory
    function tokenRecord(address token) external view returns (TokenRecord memory record) {
        if (!_createdHere(token)) return record;
        return TokenRecord({issuer: IIssuerToken(token).issuer(), retired: IIssuerToken(token).retired()});
    }

    /// @inheritdoc IIssuerTokenFactory
    function isIssuerToken(address token) external view returns (bool) {
        return _createdHere(token);
    }

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        if (key != CREATION_FEE) revert UnknownParameter(key);
        return _creationFee;
    }

    /// @dev The token's immutable arguments, packed in IssuerToken's layout.
    function _arguments(IIssuerToken.TokenConfig calldata config, uint256 index) private view returns (bytes memory) {
        bytes memory head = abi.encodePacked(
            msg.sender,
            config.minter,
            uint128(config.cap), // at most 2^128 - 1, checked by the caller
            config.termsHash,
            uint64(index)
        );
        return
            abi.encodePacked(
                head,
                uint16(bytes(config.name).length),
                uint16(bytes(config.symbol).length),
                uint16(bytes(config.termsURI).length),
                config.name,
                config.symbol,
                config.termsURI
            );
    }

    /// @dev Whether this factory deployed `token`: the CREATE2 address of salt zero and the token's own code as
    /// the clone's creation code (a 10-byte header, then the code) is `token`. No storage: the code is the record.
    function _createdHere(address token) private view returns (bool) {
        bytes memory code = token.code;
        if (code.length == 0) return false;
        bytes32 initCodeHash = keccak256(abi.encodePacked(hex"61", uint16(code.length), hex"3d81600a3d39f3", code));
        return Create2.computeAddress(bytes32(0), initCodeHash) == token;
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        if (key != CREATION_FEE) revert UnknownParameter(key);
        _creationFee = value;
    }
}
