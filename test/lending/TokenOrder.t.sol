// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEthReserve} from "../../contracts/interfaces/IEthReserve.sol";
import {IUniswapV2Pair} from "../../contracts/interfaces/external/IUniswapV2Pair.sol";
import {MockStablecoin} from "../../contracts/devnet/MockStablecoin.sol";
import {LendingBase} from "./LendingBase.sol";

/// @notice The reserve swaps on the pair directly, so it must map the pair's token0/token1 to the stablecoin and
/// WETH itself. These tests run the same figures with the stablecoin deployed below WETH's address (token0) and
/// above it (token1). Figures by hand (Uniswap V2 formula, 10,000,000 USDC / 5,000 ETH pool): 500 USDC buys
/// 500e6 x 997 x 5,000e18 / (10,000,000e6 x 1,000 + 500e6 x 997) = 249,237,575,506,860,982 wei, 90% of it
/// (224,313,817,956,174,883 wei) the position's; after an attacker first sells 200,000 USDC, the same 500 USDC
/// would buy 239,573,703,405,532,780 wei, under the oracle bound of 0.2475 ETH.
abstract contract TokenOrderTest is LendingBase {
    uint256 internal constant ETH_FOR_500 = 249_237_575_506_860_982;
    uint256 internal constant POSITION_ETH = 224_313_817_956_174_883;

    /// @dev Whether the stablecoin must be the pair's token0.
    function _stableIsToken0() internal pure virtual returns (bool);

    /// @dev Deploys stablecoins until one sits on the wanted side of WETH's address (WETH deployed first).
    function _newStablecoin() internal override returns (MockStablecoin s) {
        _deployUniswap(address(this));
        do {
            s = new MockStablecoin("USD Coin (devnet)", "USDC");
        } while ((address(s) < weth) != _stableIsToken0());
    }

    /// @dev The pair's reserves as (stablecoin, WETH).
    function _reserves() internal view returns (uint256 stableReserve, uint256 wethReserve) {
        (uint256 r0, uint256 r1, ) = IUniswapV2Pair(reserve.pool()).getReserves();
        (stableReserve, wethReserve) = _stableIsToken0() ? (r0, r1) : (r1, r0);
    }

    function test_borrow_buysTheSameEthWhicheverTokenIsToken0() public {
        assertEq(address(usdc) < weth, _stableIsToken0(), "token order under test");
        _addCollateral(alice, 1_000 ether);
        (uint256 paidOut, uint256 ethToPosition) = _borrow(alice, 1_000e6);
        assertEq(paidOut, 500e6, "half paid out");
        assertEq(usdc.balanceOf(alice), 500e6, "borrower's stablecoin");
        assertEq(address(reserve).balance, ETH_FOR_500, "ETH bought, unwrapped");
        assertEq(ethToPosition, POSITION_ETH, "90% the position's");
        (uint256 stableReserve, uint256 wethReserve) = _reserves();
        assertEq(stableReserve, 10_000_500e6, "the pair received the swapped half");
        assertEq(wethReserve, 5_000 ether - ETH_FOR_500, "the pair paid exactly the computed ETH");
        assertEq(usdc.balanceOf(address(reserve)), 0, "no stablecoin left at the reserve");

        _fund(alice, 500e6);
        uint256 ethBefore = alice.balance;
        vm.prank(alice);
        cm.repay(alice, type(uint256).max);
        assertEq(alice.balance - ethBefore, POSITION_ETH, "the position's ETH back on full repayment");
        assertEq(address(reserve).balance, ETH_FOR_500 - POSITION_ETH, "the protocol keeps 10%");
    }

    function test_RevertWhen_sandwichedBelowTheOracleBound_eitherTokenOrder() public {
        _addCollateral(alice, 1_000 ether);
        address attacker = makeAddr("attacker");
        usdc.mint(attacker, 200_000e6);
        address[] memory path = new address[](2);
        path[0] = address(usdc);
        path[1] = weth;
        vm.startPrank(attacker);
        usdc.approve(address(router), 200_000e6);
        router.swapExactTokensForETH(200_000e6, 0, path, attacker, block.timestamp);
        vm.stopPrank();

        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IEthReserve.SlippageExceeded.selector, 239_573_703_405_532_780, 0.2475 ether)
        );
        cm.borrow(1_000e6, 0, block.timestamp);
        assertEq(cm.debtOf(alice), 0, "no debt");
        assertEq(address(reserve).balance, 0, "no ETH bought");
    }

    function test_borrow_borrowerMinEthOutBinds_eitherTokenOrder() public {
        _addCollateral(alice, 1_000 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IEthReserve.SlippageExceeded.selector, ETH_FOR_500, ETH_FOR_500 + 1));
        cm.borrow(1_000e6, ETH_FOR_500 + 1, block.timestamp);
        assertEq(cm.debtOf(alice), 0, "no debt");
        vm.prank(alice);
        (, uint256 ethToPosition) = cm.borrow(1_000e6, ETH_FOR_500, block.timestamp);
        assertEq(ethToPosition, POSITION_ETH, "exactly the borrower's minimum is accepted");
    }
}

contract TokenOrderStableToken0Test is TokenOrderTest {
    function _stableIsToken0() internal pure override returns (bool) {
        return true;
    }
}

contract TokenOrderStableToken1Test is TokenOrderTest {
    function _stableIsToken0() internal pure override returns (bool) {
        return false;
    }
}
