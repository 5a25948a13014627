// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IIssuerToken} from "../../../contracts/interfaces/IIssuerToken.sol";
import {IssuerRegistry} from "../../../contracts/issuance/IssuerRegistry.sol";
import {IssuerToken} from "../../../contracts/issuance/IssuerToken.sol";
import {IssuerTokenFactory} from "../../../contracts/issuance/IssuerTokenFactory.sol";

/// @notice One more issuer of the crowd: stakes and creates a token the moment it is deployed.
contract CrowdIssuer {
    constructor(IERC20 qut, IssuerRegistry registry, IssuerTokenFactory factory, uint256 stake, uint256 fee) {
        qut.approve(address(registry), stake + fee);
        registry.stake(stake);
        factory.createToken(
            IIssuerToken.TokenConfig({
                name: "Crowd",
                symbol: "CRWD",
                cap: 1_000_000 ether,
                termsURI: "ipfs://crowd",
                termsHash: keccak256("crowd"),
                minter: address(0)
            })
        );
    }
}

/// @notice Benchmark helper: fills the platform with other participants in few transactions, so the gas of one
/// more action can be compared between 10 and 10,000 of them. Test-only.
contract IssuanceCrowd {
    IERC20 public immutable qut;
    IssuerRegistry public immutable registry;
    IssuerTokenFactory public immutable factory;

    constructor(IERC20 qut_, IssuerRegistry registry_, IssuerTokenFactory factory_) {
        qut = qut_;
        registry = registry_;
        factory = factory_;
    }

    /// @dev `count` new issuers, each staking `stake` and creating one token (the crowd holds their QUT first).
    function addIssuers(uint256 count, uint256 stake, uint256 fee) external {
        for (uint256 i; i < count; ++i) {
            bytes32 salt = keccak256(abi.encode(address(this), factory.tokenCount()));
            address next = _predict(salt, stake, fee);
            require(qut.transfer(next, stake + fee), "fund");
            new CrowdIssuer{salt: salt}(qut, registry, factory, stake, fee);
        }
    }

    /// @dev The crowd is a verified issuer with one token (`token`) it mints: `count` holders get 1 wei each
    /// and the crowd itself makes `count` redemptions.
    function addHoldersAndRedemptions(IssuerToken token, uint256 count, uint256 firstHolder) external {
        token.mint(address(this), count);
        for (uint256 i; i < count; ++i) {
            token.mint(address(uint160(firstHolder + i)), 1);
            token.redeem(1, bytes32(i));
        }
    }

    /// @dev Mints `amount` of the crowd's token to `to` (the crowd is its issuer).
    function mintTo(IssuerToken token, address to, uint256 amount) external {
        token.mint(to, amount);
    }

    /// @dev Makes the crowd a verified issuer with one token; the crowd must hold `stake + fee` QUT.
    function becomeIssuer(uint256 stake, uint256 fee) external returns (address token) {
        qut.approve(address(registry), stake + fee);
        registry.stake(stake);
        token = factory.createToken(
            IIssuerToken.TokenConfig({
                name: "Crowd Token",
                symbol: "CRWD",
                cap: type(uint128).max,
                termsURI: "ipfs://crowd",
                termsHash: keccak256("crowd"),
                minter: address(0)
            })
        );
    }

    function _predict(bytes32 salt, uint256 stake, uint256 fee) private view returns (address) {
        bytes memory initCode = abi.encodePacked(
            type(CrowdIssuer).creationCode,
            abi.encode(qut, registry, factory, stake, fee)
        );
        return
            address(
                uint160(uint256(keccak256(abi.encodePacked(bytes1(0xff), address(this), salt, keccak256(initCode)))))
            );
    }
}
