// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";

import {Parameterized} from "../governance/Parameterized.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IIssuerRegistry} from "../interfaces/IIssuerRegistry.sol";
import {IIssuerToken} from "../interfaces/IIssuerToken.sol";
import {IIssuerTokenFactory} from "../interfaces/IIssuerTokenFactory.sol";
import {IssuerToken} from "./IssuerToken.sol";

/// @title IssuerTokenFactory
/// @notice Creates issuer tokens as clones of one implementation, charges the creation fee and lists them.
contract IssuerTokenFactory is IIssuerTokenFactory, Parameterized {
    /// @inheritdoc IIssuerTokenFactory
    bytes32 public constant CREATION_FEE = keccak256("issuance.creationFee");
    /// @inheritdoc IIssuerTokenFactory
    bytes32 public constant FEE_KIND_TOKEN_CREATION = keccak256("issuance.fee.tokenCreation");

    IIssuerRegistry private immutable _REGISTRY;
    address private immutable _IMPLEMENTATION;

    uint256 private _creationFee;
    address[] private _tokens;
    mapping(address token => TokenRecord) private _records;

    /// @notice Deploys the factory and, with it, the one token implementation every clone runs.
    /// @param authority The preset's AccessManager.
    /// @param registry_ The issuer registry (slots, fees, issuer status).
    /// @param creationFee_ The creation fee, in wei of QUT.
    constructor(address authority, address registry_, uint256 creationFee_) AccessManaged(authority) {
        if (registry_ == address(0)) revert IIssuerRegistry.ZeroAddress();
        _REGISTRY = IIssuerRegistry(registry_);
        _IMPLEMENTATION = address(new IssuerToken(registry_));
        _creationFee = creationFee_;
    }

    /// @inheritdoc IIssuerTokenFactory
    function createToken(IIssuerToken.TokenConfig calldata config) external returns (address token) {
        _REGISTRY.useSlot(msg.sender);
        uint256 fee = _creationFee;
        if (fee != 0) _REGISTRY.chargeFee(msg.sender, fee, FEE_KIND_TOKEN_CREATION);
        token = Clones.clone(_IMPLEMENTATION);
        uint256 index = _tokens.length;
        _tokens.push(token);
        _records[token] = TokenRecord({issuer: msg.sender, retired: false});
        emit TokenCreated(msg.sender, token, index, config, fee);
        IIssuerToken(token).initialize(msg.sender, config);
    }

    /// @inheritdoc IIssuerTokenFactory
    function retireToken(address token) external {
        TokenRecord storage record = _records[token];
        if (record.issuer == address(0)) revert UnknownToken(token);
        if (record.issuer != msg.sender) revert NotTokenIssuer(token, msg.sender);
        if (record.retired) revert TokenAlreadyRetired(token);
        record.retired = true;
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
    function tokenRecord(address token) external view returns (TokenRecord memory) {
        return _records[token];
    }

    /// @inheritdoc IIssuerTokenFactory
    function isIssuerToken(address token) external view returns (bool) {
        return _records[token].issuer != address(0);
    }

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        if (key != CREATION_FEE) revert UnknownParameter(key);
        return _creationFee;
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        if (key != CREATION_FEE) revert UnknownParameter(key);
        _creationFee = value;
    }
}
