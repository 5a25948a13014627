// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {LowLevelCall} from "@openzeppelin/contracts/utils/LowLevelCall.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {ICreditManager} from "../interfaces/ICreditManager.sol";
import {IEthReserve} from "../interfaces/IEthReserve.sol";
import {IOracleRouter} from "../interfaces/IOracleRouter.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {IUniswapV2Factory, IUniswapV2Pair, IWETH} from "../interfaces/external/IUniswapV2Pair.sol";
import {IUniswapV2Router} from "../interfaces/external/IUniswapV2Router.sol";
import {LendingKeys} from "../libraries/LendingKeys.sol";
import {BPS} from "../common/Constants.sol";

/// @title EthReserve
/// @notice Buys ETH with half of every loan from the Uniswap V2 stablecoin/WETH pair and holds it for positions and
/// the protocol.
/// @dev The swap goes to the pair directly (the router's factory and WETH, read at deployment): the output is
/// computed from the pair's reserves with Uniswap V2's formula, the stablecoin sent in, the WETH taken out and
/// unwrapped, so the router's path computation, allowance and ETH hop are skipped.
contract EthReserve is IEthReserve, Parameterized, ReentrancyGuardTransient {
    using Math for uint256;
    using SafeERC20 for IERC20;

    IERC20 private immutable _STABLE;
    address private immutable _WETH;
    IUniswapV2Factory private immutable _FACTORY;
    /// @dev Whether the stablecoin is the pair's token0 (the lower address).
    bool private immutable _STABLE_IS_TOKEN0;
    IOracleRouter private immutable _ORACLE;
    /// @dev 10^(36 - stablecoin decimals): stablecoin units x this / ETH price (WAD) = ETH wei.
    uint256 private immutable _STABLE_TO_ETH_SCALE;

    // Slot 1 (after the AccessManaged authority): the stablecoin/WETH pair, read from the factory at the first swap
    // (it may be created after deployment), and the governed numbers, read together by every swap.
    IUniswapV2Pair private _pair;
    uint16 private _maxSlippageBps;
    uint16 private _ethReturnBps;
    // Slot 2: the credit manager (bound once: the only caller of `buyEth` and `release`) and the ETH positions and
    // credits own, read together on every call of the credit manager.
    address private _creditManager;
    uint96 private _ownedEth;
    mapping(address account => uint256) private _claimable;

    /// @notice Deploys the reserve; it swaps on the pair of the router's factory.
    /// @param authority The preset's AccessManager.
    /// @param stable The stablecoin (at most 18 decimals).
    /// @param router The Uniswap V2 router.
    /// @param oracle The oracle router (ETH/USD).
    /// @param maxSlippageBps_ Initial slippage limit (from the preset).
    /// @param ethReturnBps_ Initial share of bought ETH owned by the position (from the preset).
    constructor(
        address authority,
        IERC20 stable,
        IUniswapV2Router router,
        IOracleRouter oracle,
        uint256 maxSlippageBps_,
        uint256 ethReturnBps_
    ) AccessManaged(authority) {
        if (address(stable) == address(0) || address(router) == address(0) || address(oracle) == address(0)) {
            revert ZeroAddress();
        }
        uint8 decimals = IERC20Metadata(address(stable)).decimals();
        address weth = router.WETH();
        if (decimals > 18 || weth == address(0)) revert UnsupportedConfig();
        _STABLE = stable;
        _WETH = weth;
        _FACTORY = IUniswapV2Factory(router.factory());
        if (address(_FACTORY) == address(0)) revert UnsupportedConfig();
        _STABLE_IS_TOKEN0 = address(stable) < weth;
        _ORACLE = oracle;
        _STABLE_TO_ETH_SCALE = 10 ** (36 - decimals);
        _setParameter(LendingKeys.MAX_SLIPPAGE_BPS, maxSlippageBps_);
        _setParameter(LendingKeys.ETH_RETURN_BPS, ethReturnBps_);
    }

    /// @notice Accepts ETH from WETH only (the unwrapped proceeds of a swap).
    receive() external payable {
        if (msg.sender != _WETH) revert UnexpectedEthSender(msg.sender);
    }

    /// @inheritdoc IEthReserve
    function bindCreditManager(address creditManager_) external restricted {
        address bound = _creditManager;
        if (bound != address(0) || creditManager_ == address(0)) revert CreditManagerAlreadyBound(bound);
        // The binding is permanent and releases the reserve's ETH: it must be the credit manager built on this
        // reserve, lending this reserve's stablecoin from a vault already bound to that same credit manager (bind
        // the vault first), so the pair cannot end up with two different credit managers.
        (bool ok, bytes memory data) = creditManager_.staticcall(abi.encodeCall(ICreditManager.modules, ()));
        if (!ok || data.length != 160) revert CreditManagerMismatch(creditManager_);
        ICreditManager.Modules memory m = abi.decode(data, (ICreditManager.Modules));
        if (
            m.reserve != address(this) ||
            _word(m.vault, "asset()") != uint160(address(_STABLE)) ||
            _word(m.vault, "creditManager()") != uint160(creditManager_)
        ) revert CreditManagerMismatch(creditManager_);
        _creditManager = creditManager_;
        emit CreditManagerBound(creditManager_);
    }

    /// @dev The one word `target` answers to the view `signature`, zero if it does not answer with one word (never
    /// a match: both words compared are non-zero addresses).
    function _word(address target, string memory signature) private view returns (uint256 word) {
        (bool ok, bytes memory data) = target.staticcall(abi.encodeWithSignature(signature));
        if (ok && data.length == 32) word = abi.decode(data, (uint256));
    }

    /// @inheritdoc IEthReserve
    function creditManager() external view returns (address) {
        return _creditManager;
    }

    /// @inheritdoc IEthReserve
    function buyEth(
        uint256 stableAmount,
        uint256 borrowerMinEthOut,
        uint256 deadline
    ) external nonReentrant returns (uint256 ethOut, uint256 ethToPosition) {
        _onlyCreditManager();
        if (stableAmount == 0) revert ZeroAmount();
        if (block.timestamp > deadline) revert DeadlineExpired(deadline, block.timestamp);
        // The stricter of the protocol's bound and the borrower's own.
        uint256 minOut = Math.max(_minEthOut(stableAmount), borrowerMinEthOut);
        IUniswapV2Pair pair = _pairOrLoad();
        (uint256 reserve0, uint256 reserve1, ) = pair.getReserves();
        (uint256 reserveIn, uint256 reserveOut) = _STABLE_IS_TOKEN0 ? (reserve0, reserve1) : (reserve1, reserve0);
        // Uniswap V2's own formula (0.3% fee, rounded down), as its router computes it. The stablecoin is already in
        // the pair (sent there by the vault), which the reserves do not count yet; the pair checks it at the swap.
        uint256 inWithFee = stableAmount * 997;
        ethOut = (inWithFee * reserveOut) / (reserveIn * 1000 + inWithFee);
        if (ethOut < minOut) revert SlippageExceeded(ethOut, minOut);
        (uint256 out0, uint256 out1) = _STABLE_IS_TOKEN0 ? (uint256(0), ethOut) : (ethOut, uint256(0));
        pair.swap(out0, out1, address(this), "");
        IWETH(_WETH).withdraw(ethOut);
        ethToPosition = (ethOut * _ethReturnBps) / BPS;
        _ownedEth += SafeCast.toUint96(ethToPosition);
        emit EthBought(stableAmount, ethOut, ethToPosition, minOut);
    }

    /// @inheritdoc IEthReserve
    function release(address to, uint256 amount) external nonReentrant returns (bool paid) {
        _onlyCreditManager();
        if (to == address(0)) revert ZeroAddress();
        if (amount == 0) revert ZeroAmount();
        _ownedEth -= SafeCast.toUint96(amount);
        paid = LowLevelCall.callNoReturn(to, amount, "");
        if (paid) {
            emit EthPaid(to, amount);
        } else {
            // The ETH stayed here: it is owed again, now as the recipient's credit.
            _ownedEth += uint96(amount); // back to the value before the call, which fitted
            _claimable[to] += amount;
            emit EthCredited(to, amount);
        }
    }

    /// @inheritdoc IEthReserve
    function claim(address payable to) external nonReentrant returns (uint256 amount) {
        if (to == address(0)) revert ZeroAddress();
        amount = _claimable[msg.sender];
        if (amount == 0) revert NothingToClaim(msg.sender);
        _claimable[msg.sender] = 0;
        _ownedEth -= uint96(amount); // a credit is part of the owned total, which fits 96 bits
        emit EthClaimed(msg.sender, to, amount);
        Address.sendValue(to, amount);
    }

    /// @inheritdoc IEthReserve
    function withdrawUnowned(address payable to, uint256 amount) external restricted nonReentrant {
        if (to == address(0)) revert ZeroAddress();
        if (amount == 0) revert ZeroAmount();
        uint256 unowned = address(this).balance - _ownedEth;
        if (amount > unowned) revert ExceedsUnownedEth(amount, unowned);
        emit UnownedEthWithdrawn(to, amount);
        Address.sendValue(to, amount);
    }

    /// @inheritdoc IEthReserve
    function pool() external view returns (address pair) {
        pair = address(_pair);
        if (pair == address(0)) {
            pair = _FACTORY.getPair(address(_STABLE), _WETH);
            if (pair == address(0)) revert NoPool(address(_STABLE), _WETH);
        }
    }

    /// @dev Reverts `NotCreditManager` unless the caller is the bound credit manager (no AccessManager call: the
    /// binding is fixed once at deployment, and unbound it matches nobody).
    function _onlyCreditManager() private view {
        if (msg.sender != _creditManager) revert NotCreditManager(msg.sender);
    }

    /// @dev The pair, read from the factory once; reverts while the pool does not exist.
    function _pairOrLoad() private returns (IUniswapV2Pair pair) {
        pair = _pair;
        if (address(pair) == address(0)) {
            pair = IUniswapV2Pair(_FACTORY.getPair(address(_STABLE), _WETH));
            if (address(pair) == address(0)) revert NoPool(address(_STABLE), _WETH);
            _pair = pair;
        }
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IEthReserve
    function minEthOut(uint256 stableAmount) external view returns (uint256) {
        return _minEthOut(stableAmount);
    }

    /// @inheritdoc IEthReserve
    function ownedEth() external view returns (uint256) {
        return _ownedEth;
    }

    /// @inheritdoc IEthReserve
    function unownedEth() external view returns (uint256) {
        return address(this).balance - _ownedEth;
    }

    /// @inheritdoc IEthReserve
    function claimableEth(address account) external view returns (uint256) {
        return _claimable[account];
    }

    /// @inheritdoc IEthReserve
    function maxSlippageBps() external view returns (uint256) {
        return _maxSlippageBps;
    }

    /// @inheritdoc IEthReserve
    function ethReturnBps() external view returns (uint256) {
        return _ethReturnBps;
    }

    // ------------------------------------------------------------------ parameters

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        if (key == LendingKeys.MAX_SLIPPAGE_BPS) return _maxSlippageBps;
        if (key == LendingKeys.ETH_RETURN_BPS) return _ethReturnBps;
        revert UnknownParameter(key);
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        if (key == LendingKeys.MAX_SLIPPAGE_BPS) {
            // Below 100%: a zero minimum output would accept any pool price.
            if (value >= BPS) revert InvalidParameterValue(key, value);
            _maxSlippageBps = uint16(value); // below BPS
        } else if (key == LendingKeys.ETH_RETURN_BPS) {
            if (value > BPS) revert InvalidParameterValue(key, value);
            _ethReturnBps = uint16(value); // at most BPS
        } else {
            revert UnknownParameter(key);
        }
    }

    /// @dev The ETH `stableAmount` buys at the oracle price, less the slippage limit, rounded up (stricter).
    function _minEthOut(uint256 stableAmount) private view returns (uint256) {
        uint256 atOraclePrice = (stableAmount * _STABLE_TO_ETH_SCALE) / _ORACLE.ethPrice();
        return Math.ceilDiv(atOraclePrice * (BPS - _maxSlippageBps), BPS);
    }
}
