// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {ICreditManager} from "../../contracts/interfaces/ICreditManager.sol";
import {IEthReserve} from "../../contracts/interfaces/IEthReserve.sol";
import {IParameterized} from "../../contracts/interfaces/IParameterized.sol";
import {IUniswapV2Router} from "../../contracts/interfaces/external/IUniswapV2Router.sol";
import {EthReserve} from "../../contracts/lending/EthReserve.sol";
import {LendingKeys} from "../../contracts/libraries/LendingKeys.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {MockStablecoin} from "../../contracts/devnet/MockStablecoin.sol";
import {LendingBase} from "./LendingBase.sol";

/// @dev Figures: 500 USDC buys 249,237,575,506,860,982 wei from the seeded pool (Uniswap V2 formula, by hand);
/// after an attacker first sells 200,000 USDC for ETH, the same 500 USDC would buy 239,573,703,405,532,780 wei.
contract EthReserveTest is LendingBase {
    uint256 internal constant ETH_FOR_500 = 249_237_575_506_860_982;
    uint256 internal constant KEPT_ETH = 24_923_757_550_686_099;

    function _aliceBorrows1000() internal {
        _addCollateral(alice, 1_000 ether);
        _borrow(alice, 1_000e6);
    }

    function test_RevertWhen_poolManipulated_swapWorseThanOracleLessSlippage() public {
        _addCollateral(alice, 1_000 ether);
        // The attacker pushes ETH up in the pool: 200,000 USDC in, ETH out (the oracle still says $2,000).
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
        assertEq(vault.idle(), SUPPLY, "vault untouched");
        assertEq(address(reserve).balance, 0, "no ETH bought");
    }

    function test_RevertWhen_slippageLimitTighterThanThePoolFee() public {
        // 0.3% limit: minimum 0.24925 ETH, but the 0.3% fee plus price impact gives 0.249237... ETH.
        manager.grantRole(Roles.PARAMETER_REGISTRY, address(this), 0);
        reserve.setParameter(LendingKeys.MAX_SLIPPAGE_BPS, 30);
        _addCollateral(alice, 1_000 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IEthReserve.SlippageExceeded.selector, ETH_FOR_500, 0.24925 ether));
        cm.borrow(1_000e6, 0, block.timestamp);
    }

    function test_RevertWhen_buyEthAfterTheDeadline() public {
        usdc.mint(reserve.pool(), 500e6); // the stablecoin goes to the pair first, as the vault sends it
        vm.startPrank(address(cm)); // the bound credit manager
        vm.expectRevert(
            abi.encodeWithSelector(IEthReserve.DeadlineExpired.selector, block.timestamp - 1, block.timestamp)
        );
        reserve.buyEth(500e6, 0, block.timestamp - 1);
        assertEq(address(reserve).balance, 0, "nothing bought");
        (uint256 ethOut, uint256 toPosition) = reserve.buyEth(500e6, 0, block.timestamp);
        vm.stopPrank();
        assertEq(ethOut, ETH_FOR_500, "the same call before the deadline swaps");
        assertEq(toPosition, 224_313_817_956_174_883, "90% owned");
    }

    /// @dev The reserve swaps on the factory's pair of its stablecoin and WETH: a stablecoin without a pool has none.
    function test_RevertWhen_buyEthWithoutAPool() public {
        MockStablecoin other = new MockStablecoin("Other (devnet)", "OTH");
        EthReserve lonely = _reserveFor(other);
        vm.expectRevert(abi.encodeWithSelector(IEthReserve.NoPool.selector, address(other), weth));
        lonely.pool();
        vm.expectRevert(abi.encodeWithSelector(IEthReserve.NoPool.selector, address(other), weth));
        lonely.buyEth(500e6, 0, block.timestamp);
        assertEq(address(lonely).balance, 0, "no ETH bought");
    }

    /// @dev The pair checks what it received: a swap the stablecoin was not sent in for pays nothing.
    function test_RevertWhen_buyEthWithoutTheStablecoinInThePair() public {
        uint256 pairUsdc = usdc.balanceOf(reserve.pool());
        vm.prank(address(cm)); // the bound credit manager
        vm.expectRevert(bytes("UniswapV2: INSUFFICIENT_INPUT_AMOUNT"));
        reserve.buyEth(500e6, 0, block.timestamp);
        assertEq(usdc.balanceOf(reserve.pool()), pairUsdc, "pair unchanged");
        assertEq(address(reserve).balance, 0, "no ETH bought");
    }

    function test_RevertWhen_ethSentByTheRouter() public {
        vm.deal(address(router), 1 ether);
        vm.prank(address(router));
        (bool ok, bytes memory reason) = address(reserve).call{value: 1 ether}("");
        assertFalse(ok, "only WETH's unwrapping pays the reserve");
        assertEq(
            keccak256(reason),
            keccak256(abi.encodeWithSelector(IEthReserve.UnexpectedEthSender.selector, address(router))),
            "error"
        );
    }

    /// @dev Stablecoin someone left in the pair is not the borrower's: the reserve prices the swap on the pair's
    /// recorded reserves and takes out only what the vault's transfer pays for; the surplus goes to the pair's
    /// liquidity at the swap, as with Uniswap's own router.
    function test_borrow_takesNoStablecoinSomeoneElseLeftInThePair() public {
        address pair = reserve.pool();
        usdc.mint(stranger, 1_000e6);
        vm.prank(stranger);
        usdc.transfer(pair, 1_000e6);
        _addCollateral(alice, 1_000 ether);
        (, uint256 ethToPosition) = _borrow(alice, 1_000e6);
        assertEq(address(reserve).balance, ETH_FOR_500, "the ETH 500 USDC buys, not 1,500");
        assertEq(ethToPosition, 224_313_817_956_174_883, "90% of it the position's");
        assertEq(cm.debtOf(alice), 1_000e6, "the borrower owes the whole draw");
        assertEq(usdc.balanceOf(pair), POOL_USDC + 1_500e6, "the left stablecoin stays in the pair");
    }

    /// @dev A pair created after the reserve's deployment, by anyone, at any price: the first swap reads it from the
    /// factory and still meets the oracle bound. 10,000 OTH / 1 ETH ($10,000 per ETH, the oracle says $2,000):
    /// 500 OTH would buy 498.5e9 x 1e18 / (1e13 + 498.5e9) = 47,482,973,758,155,927 wei, under 0.2475 ETH.
    function test_RevertWhen_buyEthOnAPairCreatedLateAtAManipulatedPrice() public {
        MockStablecoin other = new MockStablecoin("Other (devnet)", "OTH");
        EthReserve late = _reserveFor(other);

        address attacker = makeAddr("attacker");
        vm.deal(attacker, 1 ether);
        other.mint(attacker, 10_000e6);
        vm.startPrank(attacker);
        other.approve(address(router), 10_000e6);
        router.addLiquidityETH{value: 1 ether}(address(other), 10_000e6, 0, 0, attacker, block.timestamp);
        vm.stopPrank();

        address pair = late.pool();
        other.mint(pair, 500e6);
        vm.expectRevert(
            abi.encodeWithSelector(IEthReserve.SlippageExceeded.selector, 47_482_973_758_155_927, 0.2475 ether)
        );
        late.buyEth(500e6, 0, block.timestamp);
        assertEq(address(late).balance, 0, "no ETH bought at the manipulated price");
    }

    function test_ethReturnShare_zeroAndAll() public {
        _setParam(address(reserve), LendingKeys.ETH_RETURN_BPS, 0);
        _aliceBorrows1000();
        assertEq(cm.position(alice).reserveEth, 0, "nothing recorded for the position");
        assertEq(reserve.unownedEth(), ETH_FOR_500, "all of it is the protocol's");

        _setParam(address(reserve), LendingKeys.ETH_RETURN_BPS, 10_000);
        _addCollateral(bob, 1_000 ether);
        (, uint256 ethToPosition) = _borrow(bob, 1_000e6);
        assertEq(cm.position(bob).reserveEth, ethToPosition, "all of bob's ETH is his");
        assertEq(reserve.ownedEth(), ethToPosition, "owned = bob's");
    }

    function test_withdrawUnowned_byGovernanceOnly_andNeverOwnedEth() public {
        _aliceBorrows1000();
        address payable treasury = payable(makeAddr("treasury"));

        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        reserve.withdrawUnowned(treasury, 1);

        vm.prank(governor);
        vm.expectRevert(abi.encodeWithSelector(IEthReserve.ExceedsUnownedEth.selector, KEPT_ETH + 1, KEPT_ETH));
        reserve.withdrawUnowned(treasury, KEPT_ETH + 1);

        vm.prank(governor);
        reserve.withdrawUnowned(treasury, KEPT_ETH);
        assertEq(treasury.balance, KEPT_ETH, "the protocol's 10% moved");
        assertEq(address(reserve).balance, reserve.ownedEth(), "what is left is exactly what positions own");
    }

    function test_RevertWhen_withdrawUnownedBadInput() public {
        _aliceBorrows1000();
        vm.startPrank(governor);
        vm.expectRevert(IEthReserve.ZeroAddress.selector);
        reserve.withdrawUnowned(payable(address(0)), 1);
        vm.expectRevert(IEthReserve.ZeroAmount.selector);
        reserve.withdrawUnowned(payable(governor), 0);
        vm.stopPrank();
        assertEq(reserve.unownedEth(), KEPT_ETH, "unchanged");
    }

    function test_RevertWhen_ethSentByAnyoneButWeth() public {
        vm.deal(stranger, 1 ether);
        vm.prank(stranger);
        (bool ok, bytes memory reason) = address(reserve).call{value: 1 ether}("");
        assertFalse(ok, "refused");
        assertEq(
            keccak256(reason),
            keccak256(abi.encodeWithSelector(IEthReserve.UnexpectedEthSender.selector, stranger)),
            "error"
        );
        assertEq(address(reserve).balance, 0, "nothing received");
    }

    function test_RevertWhen_swapOrReleaseNotByTheCreditManager() public {
        vm.deal(address(reserve), 1 ether);
        // Not a stranger, not governance, not the AccessManager's admin (this contract), not the vault: only the
        // credit manager bound at deployment.
        address[4] memory outsiders = [stranger, governor, address(this), address(vault)];
        for (uint256 i; i < outsiders.length; ++i) {
            address who = outsiders[i];
            vm.startPrank(who);
            vm.expectRevert(abi.encodeWithSelector(IEthReserve.NotCreditManager.selector, who));
            reserve.buyEth(100e6, 0, block.timestamp);
            vm.expectRevert(abi.encodeWithSelector(IEthReserve.NotCreditManager.selector, who));
            reserve.release(who, 1 ether);
            vm.stopPrank();
        }
        assertEq(address(reserve).balance, 1 ether, "nothing moved");
    }

    function test_RevertWhen_claimWithNothingCreditedOrToZero() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IEthReserve.NothingToClaim.selector, alice));
        reserve.claim(payable(alice));
        vm.prank(alice);
        vm.expectRevert(IEthReserve.ZeroAddress.selector);
        reserve.claim(payable(address(0)));
    }

    function test_RevertWhen_parameterValueUnusable() public {
        manager.grantRole(Roles.PARAMETER_REGISTRY, address(this), 0);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, LendingKeys.MAX_SLIPPAGE_BPS, 10_000)
        );
        reserve.setParameter(LendingKeys.MAX_SLIPPAGE_BPS, 10_000);
        vm.expectRevert(
            abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, LendingKeys.ETH_RETURN_BPS, 10_001)
        );
        reserve.setParameter(LendingKeys.ETH_RETURN_BPS, 10_001);
        vm.expectRevert(abi.encodeWithSelector(IParameterized.UnknownParameter.selector, bytes32(0)));
        reserve.setParameter(bytes32(0), 1);
        assertEq(reserve.maxSlippageBps(), 100, "unchanged");
        assertEq(reserve.ethReturnBps(), 9_000, "unchanged");
    }

    /// @dev A second reserve over `other`, wired as the deployment wires one; this test may buy through it.
    function _reserveFor(MockStablecoin other) internal returns (EthReserve r) {
        r = new EthReserve(
            address(manager),
            IERC20(address(other)),
            IUniswapV2Router(address(router)),
            oracle,
            SLIPPAGE,
            ETH_RETURN
        );
        (_reserveBound, _stableLent) = (address(r), address(other));
        r.bindCreditManager(address(this)); // this test is its credit manager (and its vault, see `modules`)
    }

    address internal _reserveBound;
    address internal _stableLent;

    /// @dev As the credit manager of `_reserveFor`'s reserve, this test names it, and itself as the vault.
    function modules() external view returns (ICreditManager.Modules memory m) {
        (m.vault, m.reserve) = (address(this), _reserveBound);
    }

    /// @dev As the vault of `_reserveFor`'s reserve, this test lends its stablecoin.
    function asset() external view returns (address) {
        return _stableLent;
    }

    /// @dev As the vault of `_reserveFor`'s reserve, this test is bound to itself as the credit manager.
    function creditManager() external view returns (address) {
        return address(this);
    }

    function test_RevertWhen_bindCreditManagerTwiceOrByAnOutsider() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        reserve.bindCreditManager(stranger);
        // Bound at deployment: nobody rebinds it, the admin included.
        vm.expectRevert(abi.encodeWithSelector(IEthReserve.CreditManagerAlreadyBound.selector, address(cm)));
        reserve.bindCreditManager(stranger);
        assertEq(reserve.creditManager(), address(cm), "still the credit manager");
        // An unbound reserve serves nobody; the zero address is not a binding.
        EthReserve fresh = new EthReserve(
            address(manager),
            IERC20(address(usdc)),
            IUniswapV2Router(address(router)),
            oracle,
            SLIPPAGE,
            ETH_RETURN
        );
        vm.expectRevert(abi.encodeWithSelector(IEthReserve.NotCreditManager.selector, address(this)));
        fresh.buyEth(1e6, 0, block.timestamp);
        vm.expectRevert(abi.encodeWithSelector(IEthReserve.CreditManagerAlreadyBound.selector, address(0)));
        fresh.bindCreditManager(address(0));
    }
}
