// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Create2} from "@openzeppelin/contracts/utils/Create2.sol";

import {Test} from "../../utils/Test.sol";
import {IUniswapV2FactoryFull, IUniswapV2RouterFull} from "../mocks/IUniswapV2.sol";

/// @notice Deploys the real Uniswap V2 (WETH9, factory, Router02) from the compiled artifacts Uniswap publishes
/// on npm (uniswap v2-core 1.0.1, v2-periphery 1.1.0-beta.0), read with `vm.readFile`.
abstract contract UniswapV2Fixture is Test {
    string private constant CORE = "node_modules/@uniswap/v2-core/build/";
    string private constant PERIPHERY = "node_modules/@uniswap/v2-periphery/build/";

    address internal weth;
    IUniswapV2FactoryFull internal uniFactory;
    IUniswapV2RouterFull internal router;

    function _deployUniswap(address feeToSetter) internal {
        weth = _deployArtifact(string.concat(PERIPHERY, "WETH9.json"), "");
        uniFactory = IUniswapV2FactoryFull(
            _deployArtifact(string.concat(CORE, "UniswapV2Factory.json"), abi.encode(feeToSetter))
        );
        router = IUniswapV2RouterFull(
            _deployArtifact(string.concat(PERIPHERY, "UniswapV2Router02.json"), abi.encode(address(uniFactory), weth))
        );
        vm.label(weth, "WETH9");
        vm.label(address(uniFactory), "UniswapV2Factory");
        vm.label(address(router), "UniswapV2Router02");
    }

    /// @dev The artifacts hold the creation bytecode as hex without 0x under `bytecode`.
    function _deployArtifact(string memory path, bytes memory args) internal returns (address) {
        string memory code = vm.parseJsonString(vm.readFile(path), ".bytecode");
        bytes memory creation = abi.encodePacked(vm.parseBytes(string.concat("0x", code)), args);
        return Create2.deploy(0, keccak256(bytes(path)), creation);
    }
}
