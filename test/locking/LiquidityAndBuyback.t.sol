// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";

import {IBuybackBurner} from "../../contracts/interfaces/IBuybackBurner.sol";
import {ILiquidityIncentives} from "../../contracts/interfaces/ILiquidityIncentives.sol";
import {IRewardReceiver} from "../../contracts/interfaces/IRewardReceiver.sol";
import {AggregatorV3Interface} from "../../contracts/interfaces/external/AggregatorV3Interface.sol";
import {IUniswapV2EthSwap} from "../../contracts/interfaces/external/IUniswapV2EthSwap.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {BuybackBurner} from "../../contracts/locking/BuybackBurner.sol";
import {LiquidityIncentives} from "../../contracts/locking/LiquidityIncentives.sol";
import {MockAggregatorV3} from "../../contracts/devnet/MockAggregatorV3.sol";
import {UniswapV2Fixture} from "../lending/utils/UniswapV2Fixture.sol";
import {LockingBase} from "./LockingBase.sol";

/// @notice LP incentives on the real Uniswap V2 QER/WETH pool and the buyback-and-burn through the real router.
/// The pool holds 1,000,000 QER and 500 ETH (2,000 QER per ETH); the feeds say ETH $2,000 and QER $1.
contract LiquidityAndBuybackTest is LockingBase, UniswapV2Fixture {
    uint256 internal constant POOL_QER = 1_000_000 ether;
    uint256 internal constant POOL_ETH = 500 ether;
    uint64 internal constant BUYBACK_ROLE = 2; // Roles.GOVERNOR

    IERC20 internal lp;
    LiquidityIncentives internal incentives;
    BuybackBurner internal burner;
    MockAggregatorV3 internal qerFeed;
    MockAggregatorV3 internal ethFeed;
    address internal governor;

    function setUp() public override {
        super.setUp();
        governor = makeAddr("governor");
        _deployUniswap(address(this));
        vm.prank(admin);
        token.mint(address(this), POOL_QER);
        token.approve(address(router), POOL_QER);
        vm.deal(address(this), POOL_ETH + 100 ether);
        router.addLiquidityETH{value: POOL_ETH}(address(token), POOL_QER, 0, 0, alice, block.timestamp);
        lp = IERC20(uniFactory.getPair(address(token), weth));

        incentives = new LiquidityIncentives(lp, IERC20(address(token)), address(manager), REWARD_DURATION);
        qerFeed = new MockAggregatorV3(8, "QER / USD", 1e8);
        ethFeed = new MockAggregatorV3(8, "ETH / USD", 2_000e8);
        burner = new BuybackBurner(
            ERC20Burnable(address(token)),
            IUniswapV2EthSwap(address(router)),
            AggregatorV3Interface(address(qerFeed)),
            AggregatorV3Interface(address(ethFeed)),
            address(manager),
            IBuybackBurner.Config({
                maxSlippageBps: 300,
                maxEthPerQuarter: 5 ether,
                quarterSeconds: 91 days,
                maxPriceAge: 1 days
            })
        );
        vm.startPrank(admin);
        _restrict(address(incentives), IRewardReceiver.notifyRewardAmount.selector, Roles.REWARD_FUNDER);
        _restrict(address(burner), IBuybackBurner.buyback.selector, BUYBACK_ROLE);
        manager.grantRole(BUYBACK_ROLE, governor, 0);
        vm.stopPrank();
        vm.prank(alice);
        lp.approve(address(incentives), type(uint256).max);
        (bool ok, ) = address(burner).call{value: 10 ether}("");
        assertTrue(ok, "burner funded");
    }

    function _fundLp(uint256 amount) internal {
        vm.startPrank(funder);
        token.transfer(address(incentives), amount);
        incentives.notifyRewardAmount(amount);
        vm.stopPrank();
    }

    // ---------------------------------------------------------------- LP incentives

    function test_stake_realUniswapLpEarnsQer() public {
        uint256 lpBalance = lp.balanceOf(alice);
        // isqrt(1,000,000e18 x 500e18) minus the 1,000 wei Uniswap locks forever.
        assertEq(lpBalance, 22_360_679774997896964091 - 1_000, "LP minted by the real pair");
        vm.prank(alice);
        incentives.stake(lpBalance);
        _fundLp(2_419_200 ether); // 1 QER per second
        vm.warp(T0 + 100_000);
        uint256 expected = incentives.earned(alice);
        // One staker takes the whole stream, less the accumulator's rounding (down, in the pool's favour).
        assertLe(expected, 100_000 ether, "never more than streamed");
        assertGe(expected, 100_000 ether - 1e6, "rounding dust only");
        uint256 before = token.balanceOf(alice);
        vm.prank(alice);
        assertEq(incentives.claim(), expected, "claimed what was earned");
        assertEq(token.balanceOf(alice) - before, expected, "QER received");
        vm.prank(alice);
        incentives.withdraw(lpBalance);
        assertEq(lp.balanceOf(alice), lpBalance, "LP returned");
    }

    function test_stake_nothingLostWhileNothingStaked() public {
        _fundLp(2_419_200 ether);
        vm.warp(T0 + 1_000);
        uint256 lpBalance = lp.balanceOf(alice);
        vm.prank(alice);
        incentives.stake(lpBalance);
        vm.warp(T0 + 2_000);
        // 1,000 s with nobody staked (paused) + 1,000 s staked: the staker earns the 1,000 s, not the idle time.
        assertGe(incentives.earned(alice), 1_000 ether - 1e6, "the idle time was not paid at once");
        assertLe(incentives.earned(alice), 1_000 ether, "never more than streamed");
        // The stream ends 1,000 s later than funded: the whole 2,419,200 reaches the staker.
        vm.warp(T0 + REWARD_DURATION + 1_000);
        assertGe(incentives.earned(alice), 2_419_200 ether - 1e6, "the idle stream was kept");
        assertLe(incentives.earned(alice), 2_419_200 ether, "never more than funded");
        vm.warp(T0 + REWARD_DURATION + 2_000);
        assertLe(incentives.earned(alice), 2_419_200 ether, "stream over");
    }

    /// @notice A week streams with nobody staked; an attacker stakes 1 wei of LP alone for one 12-second block
    /// ahead of the real LP. The stream paused while nobody was staked, so the attacker earns only the 12 s he was
    /// alone (12 QER, not the 604,812 the held-back week used to give) and the paused week is streamed later.
    function test_stake_idleStreamNotTakenByFirstStaker() public {
        uint256 lpBalance = lp.balanceOf(alice);
        vm.prank(alice);
        lp.transfer(carol, lpBalance - 1); // alice (attacker) keeps 1 wei of LP, carol is the real LP
        vm.prank(carol);
        lp.approve(address(incentives), type(uint256).max);
        _fundLp(2_419_200 ether); // 1 QER per second for 4 weeks
        vm.warp(T0 + WEEK); // nobody staked for a week: the stream paused
        vm.prank(alice);
        incentives.stake(1);
        vm.warp(T0 + WEEK + 12);
        vm.prank(carol);
        incentives.stake(lpBalance - 1);
        vm.prank(alice);
        assertEq(incentives.claim(), 12 ether, "attacker: only the 12 s alone");
        // The stream now ends a week later; carol earns everything else (less the accumulator's dust, 1 wei of
        // stake being 1/lpBalance of it).
        vm.warp(T0 + 5 * WEEK);
        // 1 wei of LP's pro-rata share of the rest: 2,419,188e18 / 22,360.679...e18 = 108.19 wei, rounded down.
        assertEq(incentives.earned(alice), 108, "attacker: his 1 wei's share, in wei");
        uint256 carolEarned = incentives.earned(carol);
        assertLe(carolEarned, 2_419_200 ether - 12 ether, "never more than funded");
        assertGe(carolEarned, 2_419_200 ether - 12 ether - 1e6, "the paused week was streamed");
        vm.warp(T0 + 6 * WEEK);
        assertEq(incentives.earned(carol), carolEarned, "stream over");
    }

    function test_RevertWhen_withdrawAboveStake() public {
        vm.prank(alice);
        incentives.stake(1 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ILiquidityIncentives.InsufficientStake.selector, 1 ether + 1, 1 ether));
        incentives.withdraw(1 ether + 1);
        assertEq(incentives.balanceOf(alice), 1 ether, "unchanged");
    }

    function test_RevertWhen_stakeZero() public {
        vm.prank(alice);
        vm.expectRevert(ILiquidityIncentives.ZeroAmount.selector);
        incentives.stake(0);
    }

    function test_RevertWhen_notifyUnfundedLp() public {
        vm.prank(funder);
        vm.expectRevert(abi.encodeWithSelector(ILiquidityIncentives.InsufficientRewardBalance.selector, 0, 1 ether));
        incentives.notifyRewardAmount(1 ether);
    }

    // ---------------------------------------------------------------- buyback and burn

    function test_buyback_burnsExactlyWhatItBought() public {
        uint256 supplyBefore = token.totalSupply();
        // 2,000 QER per ETH at the oracles, less 3%.
        assertEq(burner.minOutFor(1 ether), 1_940 ether, "oracle-bounded minimum");
        vm.prank(governor);
        uint256 burned = burner.buyback(1 ether, block.timestamp);
        // Uniswap V2: 1e18 x 997 x 1,000,000e18 / (500e18 x 1,000 + 1e18 x 997).
        assertEq(burned, 1_990_031876438381866558, "bought at the pool price");
        assertEq(supplyBefore - token.totalSupply(), burned, "supply falls by exactly the burned amount");
        assertEq(token.balanceOf(address(burner)), 0, "nothing kept");
        assertEq(burner.totalBurned(), burned, "counted");
        assertEq(burner.spentThisQuarter(), 1 ether, "spent");
        assertEq(address(burner).balance, 9 ether, "ETH used");
    }

    /// @notice A pumped pool (someone bought QER first) gives less than the oracle bound: the buyback refuses.
    function test_RevertWhen_buybackPoolManipulated() public {
        address[] memory path = new address[](2);
        path[0] = weth;
        path[1] = address(token);
        router.swapExactETHForTokens{value: 50 ether}(0, path, bob, block.timestamp);
        uint256 supplyBefore = token.totalSupply();
        vm.prank(governor);
        vm.expectRevert(bytes("UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT"));
        burner.buyback(1 ether, block.timestamp);
        assertEq(token.totalSupply(), supplyBefore, "nothing burned");
        assertEq(burner.spentThisQuarter(), 0, "nothing spent");
    }

    function test_RevertWhen_buybackAboveQuarterCap() public {
        vm.startPrank(governor);
        burner.buyback(5 ether, block.timestamp);
        vm.expectRevert(abi.encodeWithSelector(IBuybackBurner.QuarterCapExceeded.selector, 5 ether + 1, 5 ether));
        burner.buyback(1, block.timestamp);
        vm.stopPrank();
        assertEq(burner.spentThisQuarter(), 5 ether, "cap reached, unchanged");
        vm.warp(T0 + 91 days);
        qerFeed.setAnswer(1e8);
        ethFeed.setAnswer(2_000e8);
        vm.prank(governor);
        burner.buyback(1 ether, block.timestamp);
        assertEq(burner.spentThisQuarter(), 1 ether, "a new quarter");
    }

    function test_RevertWhen_buybackStalePrice() public {
        vm.warp(T0 + 1 days + 1);
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IBuybackBurner.StalePrice.selector, address(qerFeed), T0));
        burner.buyback(1 ether, block.timestamp);
    }

    function test_RevertWhen_buybackByStranger() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, alice));
        burner.buyback(1 ether, block.timestamp);
        assertEq(address(burner).balance, 10 ether, "unchanged");
    }

    function test_RevertWhen_buybackMoreThanHeld() public {
        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IBuybackBurner.InsufficientEth.selector, 10 ether, 11 ether));
        burner.buyback(11 ether, block.timestamp);
    }

    receive() external payable {}
}
