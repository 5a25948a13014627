// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IStabilizationFund
/// @notice QRY's stabilization fund (docs/economics/qry.md): the distribution engine pays it a share of every
/// epoch; governance uses it to manage liquidity, first of all to establish and deepen the QRY AMM pool (the early
/// stage's share set aside to establish an AMM), by sending tokens to the liquidity manager or the pool router.
interface IStabilizationFund {
    /// @notice Governance sent tokens out of the fund.
    /// @param to Who received them.
    /// @param amount Sent, in wei.
    /// @param purpose What for (for example keccak256("amm.liquidity")), for the record.
    event Withdrawn(address indexed to, uint256 amount, bytes32 indexed purpose);

    /// @notice The token given at deployment is the zero address.
    error InvalidToken();
    /// @notice The zero address as recipient.
    error ZeroAddress();
    /// @notice A zero amount.
    error ZeroAmount();

    /// @notice Sends `amount` of the fund to `to`.
    /// @dev Restricted to the GOVERNOR role (the timelock).
    /// @param to The recipient (the AMM liquidity manager, a router, the treasury).
    /// @param amount How much, in wei.
    /// @param purpose What for, recorded in the event.
    function withdraw(address to, uint256 amount, bytes32 purpose) external;

    /// @notice The token the fund holds (QRY).
    /// @return The token's address.
    function token() external view returns (address);
}
