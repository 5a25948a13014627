// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IWorkerPool
/// @notice The worker-proposal budget (QRY's community budget, docs/economics/qry.md): holds the tokens allocated to
/// community initiatives and pays the grants governance approves, as linear streams the worker claims over time.
/// @dev `createGrant` and `cancelGrant` are restricted to the normal timelock; they are mapped to the
/// worker-proposal class, whose proposers must hold the preset's minimum stake (checked by the governor,
/// see `IProposalClassifier.ProposalClass.minProposerWeight`). A grant commits tokens the pool holds: the
/// pool's balance always covers every unclaimed grant (`committed()`). `claim` stops while paused;
/// cancelling a grant stays possible, so governance can stop a bad grant during a guardian pause.
interface IWorkerPool {
    /// @notice A grant.
    /// @param recipient Who is paid.
    /// @param start When the stream started.
    /// @param duration Length of the stream in seconds; zero once cancelled or for a lump sum.
    /// @param amount Total the grant pays (reduced to what had vested when cancelled).
    /// @param claimed Paid so far.
    struct Grant {
        address recipient;
        uint48 start;
        uint48 duration;
        uint128 amount;
        uint128 claimed;
    }

    /// @notice Governance granted `amount` to `recipient`, streamed over `duration` seconds from `start`.
    /// @param grantId The grant's id.
    /// @param recipient Who is paid.
    /// @param amount Total, in token wei.
    /// @param start Start of the stream.
    /// @param duration Length of the stream in seconds.
    event GrantCreated(
        uint256 indexed grantId,
        address indexed recipient,
        uint256 amount,
        uint256 start,
        uint256 duration
    );

    /// @notice Vested tokens were paid to the grant's recipient.
    /// @param grantId The grant's id.
    /// @param recipient Who was paid.
    /// @param amount Paid now, in token wei.
    event Claimed(uint256 indexed grantId, address indexed recipient, uint256 amount);

    /// @notice Governance stopped a grant; what had vested stays claimable, the rest returns to the budget.
    /// @param grantId The grant's id.
    /// @param released Unvested tokens returned to the budget.
    event GrantCancelled(uint256 indexed grantId, uint256 released);

    /// @notice The recipient is the zero address or the pool itself.
    /// @param recipient The refused recipient.
    error InvalidRecipient(address recipient);

    /// @notice A grant of zero tokens.
    error ZeroAmount();

    /// @notice The stream is longer than `MAX_GRANT_DURATION`.
    /// @param duration The refused duration.
    /// @param max The longest allowed.
    error GrantDurationTooLong(uint256 duration, uint256 max);

    /// @notice The pool's uncommitted balance cannot cover the grant.
    /// @param amount The grant asked for.
    /// @param available The uncommitted balance.
    error InsufficientBudget(uint256 amount, uint256 available);

    /// @notice No grant has this id.
    /// @param grantId The unknown id.
    error UnknownGrant(uint256 grantId);

    /// @notice Nothing has vested beyond what was already claimed.
    /// @param grantId The grant's id.
    error NothingToClaim(uint256 grantId);

    /// @notice The grant was already cancelled or has fully vested.
    /// @param grantId The grant's id.
    error GrantNotCancellable(uint256 grantId);

    /// @notice Grants `amount` to `recipient`, streamed linearly over `duration` seconds from now.
    /// @dev Restricted to the normal timelock. `duration` zero pays a lump sum claimable at once.
    /// @param recipient Who is paid.
    /// @param amount Total, in token wei; at most the uncommitted balance.
    /// @param duration Length of the stream in seconds, at most `MAX_GRANT_DURATION`.
    /// @return grantId The new grant's id (ids count up from 1).
    function createGrant(address recipient, uint256 amount, uint256 duration) external returns (uint256 grantId);

    /// @notice Pays the grant's recipient everything vested and not yet claimed. Anyone may call it.
    /// @dev Reverts while paused.
    /// @param grantId The grant's id.
    /// @return amount Paid now, in token wei.
    function claim(uint256 grantId) external returns (uint256 amount);

    /// @notice Stops a grant: what has vested stays claimable, the rest returns to the budget.
    /// @dev Restricted to the normal timelock; works while paused.
    /// @param grantId The grant's id.
    function cancelGrant(uint256 grantId) external;

    /// @notice A grant's terms and progress.
    /// @param grantId The grant's id.
    /// @return The grant (zero recipient for an unknown id).
    function grant(uint256 grantId) external view returns (Grant memory);

    /// @notice Vested and not yet claimed.
    /// @param grantId The grant's id.
    /// @return The claimable amount, in token wei.
    function claimable(uint256 grantId) external view returns (uint256);

    /// @notice Tokens owed to grants: granted and not yet claimed (cancelled grants count only what vested).
    /// @return The committed amount, in token wei.
    function committed() external view returns (uint256);

    /// @notice Tokens free for new grants: balance minus `committed()`.
    /// @return The uncommitted balance, in token wei.
    function available() external view returns (uint256);

    /// @notice Number of grants ever created (the last id).
    /// @return The count.
    function grantCount() external view returns (uint256);

    /// @notice The token the pool pays in.
    /// @return The token.
    function token() external view returns (address);

    // solhint-disable func-name-mixedcase
    /// @notice The longest stream a grant may have.
    /// @return Four years, in seconds.
    function MAX_GRANT_DURATION() external view returns (uint256);
    // solhint-enable func-name-mixedcase
}
