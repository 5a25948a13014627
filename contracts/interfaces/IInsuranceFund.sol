// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IInsuranceFund
/// @notice Holds the stablecoin that covers bad debt: the insurance share of borrowers' interest and the liquidation
/// fees, both booked as owed to the fund in the vault and paid here by the vault's `collectInsuranceFees`. Anyone
/// may add to it with a plain transfer.
/// @dev Only the stable vault bound once at deployment (`bindVault`; no AccessManager call) draws on it, to cover a
/// written-off debt; only governance (the timelock) withdraws from it otherwise.
interface IInsuranceFund {
    /// @notice The fund paid part or all of a shortfall.
    /// @param vault Who drew on the fund.
    /// @param requested Shortfall asked for.
    /// @param covered Amount paid.
    event ShortfallCovered(address indexed vault, uint256 requested, uint256 covered);

    /// @notice Governance withdrew from the fund.
    /// @param to Recipient.
    /// @param amount Amount withdrawn.
    event Withdrawn(address indexed to, uint256 amount);

    /// @notice The vault was bound (once, at deployment).
    /// @param vault The stable vault.
    event VaultBound(address vault);

    /// @notice A zero amount.
    error ZeroAmount();
    /// @notice A zero address.
    error ZeroAddress();
    /// @notice The fund holds less than asked.
    error InsufficientBalance(uint256 requested, uint256 balance);
    /// @notice Only the bound vault may call this.
    /// @param caller The caller.
    error NotVault(address caller);
    /// @notice The vault is already bound (or the zero address was given).
    /// @param vault The bound vault.
    error VaultAlreadyBound(address vault);
    /// @notice The address to bind does not answer as a vault drawing on this fund (`insuranceFund()`).
    /// @param vault The address given.
    error VaultMismatch(address vault);

    /// @notice Binds the stable vault, once: the only caller of `cover`.
    /// @dev Restricted to the admin (the deploy step). Reverts `VaultAlreadyBound` if bound or if `vault_` is zero,
    /// and `VaultMismatch` unless `vault_.insuranceFund()` is this fund (a wrong binding would be permanent, leaving
    /// no vault able to draw on the fund).
    /// @param vault_ The stable vault.
    function bindVault(address vault_) external;

    /// @notice The bound vault (zero before `bindVault`).
    /// @return The stable vault.
    function vault() external view returns (address);

    /// @notice Pays the caller as much of `amount` as the fund holds.
    /// @dev Only the bound vault (`NotVault` otherwise).
    /// @param amount The shortfall to cover.
    /// @return covered Amount paid (at most the fund's balance).
    function cover(uint256 amount) external returns (uint256 covered);

    /// @notice Moves stablecoin out of the fund.
    /// @dev Restricted to governance (the timelock).
    /// @param to Recipient.
    /// @param amount Amount.
    function withdraw(address to, uint256 amount) external;

    /// @notice The stablecoin the fund holds.
    /// @return The balance.
    function balance() external view returns (uint256);

    /// @notice The stablecoin the fund holds and pays in.
    /// @return The token address.
    function stable() external view returns (address);
}
