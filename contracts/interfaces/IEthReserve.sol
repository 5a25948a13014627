// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IParameterized} from "./IParameterized.sol";

/// @title IEthReserve
/// @notice The protocol's ETH reserve. For each draw, the credit manager has the vault send half of the loan in the
/// stablecoin straight to the Uniswap V2 pair (`pool`); the reserve takes the ETH it buys, keeps it as native ETH,
/// and records `ethReturnBps` of what it bought as owned by the position (returned on full repayment, seized first in
/// liquidation). The rest is the protocol's from the moment it is bought.
/// @dev Native ETH, not WETH: the reserve is ETH in Qerun's rules and in what borrowers get back, a forced
/// transfer (selfdestruct) can only add unowned ETH, and the balance needs no token call to read.
///
/// Swaps: on the stablecoin/WETH pair directly, the output computed from the pair's reserves with Uniswap V2's
/// formula. The minimum output is the stricter of the oracle price less `maxSlippageBps` and the borrower's own; a
/// pool that would return less reverts `SlippageExceeded(quoted, minimum)`, and a call after the caller's deadline
/// reverts `DeadlineExpired`.
///
/// ETH out: a payment to an account that cannot receive ETH (its `receive` reverts) is credited to it instead,
/// to claim later to any address; so a full repayment or a liquidation never fails because of the recipient.
/// `ownedEth` is everything the reserve owes (positions' ETH and credits); only governance (the timelock) may
/// move the rest. Every function that moves ETH is non-reentrant.
interface IEthReserve is IParameterized {
    /// @notice ETH was bought for a draw.
    /// @param stableIn Stablecoin sold.
    /// @param ethOut ETH received.
    /// @param ethToPosition Part recorded as the position's.
    /// @param minEthOut The minimum the swap had to return.
    event EthBought(uint256 stableIn, uint256 ethOut, uint256 ethToPosition, uint256 minEthOut);

    /// @notice Owned ETH was paid out.
    /// @param to Recipient.
    /// @param amount Amount paid.
    event EthPaid(address indexed to, uint256 amount);

    /// @notice Owned ETH could not be paid (the recipient refused it) and was credited to the recipient.
    /// @param account Who may claim it.
    /// @param amount Amount credited.
    event EthCredited(address indexed account, uint256 amount);

    /// @notice An account claimed its credited ETH.
    /// @param account Whose credit.
    /// @param to Recipient.
    /// @param amount Amount paid.
    event EthClaimed(address indexed account, address indexed to, uint256 amount);

    /// @notice Governance moved ETH that no position owns.
    /// @param to Recipient.
    /// @param amount Amount moved.
    event UnownedEthWithdrawn(address indexed to, uint256 amount);

    /// @notice The credit manager was bound (once, at deployment).
    /// @param creditManager The credit manager.
    event CreditManagerBound(address creditManager);

    /// @notice A zero amount.
    error ZeroAmount();
    /// @notice A zero address.
    error ZeroAddress();
    /// @notice The pool would return less ETH than the oracle price less the slippage limit.
    error SlippageExceeded(uint256 quotedEthOut, uint256 minEthOut);
    /// @notice ETH sent by anyone but WETH (the unwrapped proceeds of a swap).
    error UnexpectedEthSender(address sender);
    /// @notice The swap was asked for after the caller's deadline.
    error DeadlineExpired(uint256 deadline, uint256 timestamp);
    /// @notice The factory has no pair of the stablecoin and WETH yet.
    error NoPool(address stable, address weth);
    /// @notice Nothing is credited to the caller.
    error NothingToClaim(address account);
    /// @notice A withdrawal would take ETH that positions or credits own.
    error ExceedsUnownedEth(uint256 requested, uint256 unowned);
    /// @notice The stablecoin has more than 18 decimals, or the router's WETH or factory is zero.
    error UnsupportedConfig();
    /// @notice Only the bound credit manager may call this.
    /// @param caller The caller.
    error NotCreditManager(address caller);
    /// @notice The credit manager is already bound (or the zero address was given).
    /// @param creditManager The bound credit manager.
    error CreditManagerAlreadyBound(address creditManager);
    /// @notice The address to bind does not answer as a credit manager built on this reserve whose vault lends this
    /// reserve's stablecoin and is bound to that credit manager.
    /// @param creditManager The address given.
    error CreditManagerMismatch(address creditManager);

    /// @notice Binds the credit manager, once: the only caller of `buyEth` and `release`.
    /// @dev Restricted to the admin (the deploy step). Reverts `CreditManagerAlreadyBound` if bound or if
    /// `creditManager_` is zero, and `CreditManagerMismatch` unless its `modules()` name this reserve and a vault
    /// whose `asset()` is this reserve's stablecoin and whose `creditManager()` is `creditManager_` (bind the vault
    /// first; a wrong binding would be permanent). The checks catch a wrong address, not a contract deployed on
    /// purpose to answer like a credit manager: the binding stays an admin-trusted deployment step.
    /// @param creditManager_ The credit manager.
    function bindCreditManager(address creditManager_) external;

    /// @notice The bound credit manager (zero before `bindCreditManager`).
    /// @return The credit manager.
    function creditManager() external view returns (address);

    /// @notice Swaps `stableAmount` of the stablecoin, already sent to the pair (`pool`), for ETH.
    /// @dev Only the bound credit manager (`NotCreditManager` otherwise).
    /// @param stableAmount Stablecoin to sell.
    /// @param borrowerMinEthOut The borrower's own minimum ETH out; the swap must meet both it and `minEthOut`.
    /// @param deadline The swap reverts after this timestamp.
    /// @return ethOut ETH bought.
    /// @return ethToPosition Part of it owned by the position (`ethOut * ethReturnBps / 10,000`, rounded down).
    function buyEth(
        uint256 stableAmount,
        uint256 borrowerMinEthOut,
        uint256 deadline
    ) external returns (uint256 ethOut, uint256 ethToPosition);

    /// @notice The Uniswap V2 stablecoin/WETH pair the reserve swaps on (the router's factory's).
    /// @dev Reverts `NoPool` while the factory has no such pair.
    /// @return pair The pair's address.
    function pool() external view returns (address pair);

    /// @notice Pays `amount` of owned ETH to `to`, or credits it to `to` if the transfer fails.
    /// @dev Only the bound credit manager (`NotCreditManager` otherwise).
    /// @param to Recipient (a borrower on full repayment, a liquidator).
    /// @param amount Amount, taken from the owned ETH.
    /// @return paid Whether the ETH was sent (false: credited).
    function release(address to, uint256 amount) external returns (bool paid);

    /// @notice Sends the caller's credited ETH to `to`.
    /// @param to Recipient.
    /// @return amount Amount paid.
    function claim(address payable to) external returns (uint256 amount);

    /// @notice Moves ETH that no position or credit owns.
    /// @dev Restricted to governance (the timelock).
    /// @param to Recipient.
    /// @param amount Amount.
    function withdrawUnowned(address payable to, uint256 amount) external;

    /// @notice Minimum ETH a swap of `stableAmount` must return now (oracle price less the slippage limit).
    /// @param stableAmount Stablecoin to sell.
    /// @return minEthOut The minimum, rounded up.
    function minEthOut(uint256 stableAmount) external view returns (uint256 minEthOut);

    /// @notice ETH the reserve owes: positions' ETH and credits.
    /// @return The owned amount.
    function ownedEth() external view returns (uint256);

    /// @notice ETH governance may move: the balance less the owned ETH.
    /// @return The unowned amount.
    function unownedEth() external view returns (uint256);

    /// @notice ETH credited to an account.
    /// @param account The account.
    /// @return The credit.
    function claimableEth(address account) external view returns (uint256);

    /// @notice The slippage limit, bps.
    /// @return The limit.
    function maxSlippageBps() external view returns (uint256);

    /// @notice Share of bought ETH owned by the position, bps.
    /// @return The share.
    function ethReturnBps() external view returns (uint256);
}
