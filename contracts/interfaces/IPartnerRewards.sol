// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IParameterized} from "./IParameterized.sol";

/// @title IPartnerRewards
/// @notice A funded pool of QUT for partners and integrators, paid out per period through a Merkle distribution.
/// Anyone funds the pool (QUT in first); the distributor opens a period with a Merkle root and the total it
/// allocates from the unallocated funds; partners (or anyone on their behalf) claim with a proof until the period
/// expires; then anyone may sweep the unclaimed remainder back into the unallocated funds for later periods.
/// @dev Leaves are OpenZeppelin standard-tree leaves: `keccak256(bytes.concat(keccak256(abi.encode(index, account,
/// amount))))`, sorted-pair hashing (OpenZeppelin `MerkleProof`); indices are 0..n-1 per period and each can be
/// claimed once (a bitmap). Claims in a period never exceed the total allocated to it, whatever the root says, and
/// allocations never exceed the funds: `balance >= unallocated + sum over periods of (total - claimed)`.
/// Period totals are stored in 96 bits (up to ~7.9e28 wei, 79 billion tokens of 18 decimals).
interface IPartnerRewards is IParameterized {
    /// @notice A distribution period.
    /// @param total QUT allocated to the period (after a sweep: what was claimed).
    /// @param claimed QUT claimed so far.
    /// @param expiresAt First timestamp at which claims are refused and the remainder can be swept.
    struct Period {
        uint96 total;
        uint96 claimed;
        uint64 expiresAt;
    }

    /// @notice QUT was added to the unallocated funds.
    /// @param from Who paid.
    /// @param amount QUT added.
    event Funded(address indexed from, uint256 amount);

    /// @notice The distributor opened a period.
    /// @param periodId The period's id (from 1).
    /// @param root The Merkle root of its (index, account, amount) leaves.
    /// @param total QUT allocated to it.
    /// @param expiresAt When claims end.
    event PeriodStarted(uint256 indexed periodId, bytes32 root, uint256 total, uint256 expiresAt);

    /// @notice A partner's reward was paid.
    /// @param periodId The period.
    /// @param index The leaf index.
    /// @param account Who was paid.
    /// @param amount QUT paid.
    event Claimed(uint256 indexed periodId, uint256 index, address indexed account, uint256 amount);

    /// @notice An expired period's unclaimed remainder went back to the unallocated funds.
    /// @param periodId The period.
    /// @param remainder QUT returned.
    event PeriodSwept(uint256 indexed periodId, uint256 remainder);

    /// @notice A zero amount.
    error ZeroAmount();

    /// @notice The zero address where a token is needed.
    error ZeroAddress();

    /// @notice A zero Merkle root.
    error ZeroRoot();

    /// @notice The period would allocate more than the unallocated funds.
    /// @param requested The total asked for.
    /// @param unallocated The unallocated funds.
    error InsufficientFunds(uint256 requested, uint256 unallocated);

    /// @notice No period has this id.
    /// @param periodId The id.
    error UnknownPeriod(uint256 periodId);

    /// @notice The period has expired: no more claims.
    /// @param periodId The period.
    /// @param expiresAt When it expired.
    error PeriodExpired(uint256 periodId, uint256 expiresAt);

    /// @notice The period has not expired yet: nothing can be swept.
    /// @param periodId The period.
    /// @param expiresAt When it expires.
    error PeriodNotExpired(uint256 periodId, uint256 expiresAt);

    /// @notice The leaf was already claimed.
    /// @param periodId The period.
    /// @param index The leaf index.
    error AlreadyClaimed(uint256 periodId, uint256 index);

    /// @notice The proof does not lead from the leaf to the period's root.
    /// @param periodId The period.
    /// @param index The leaf index.
    error InvalidProof(uint256 periodId, uint256 index);

    /// @notice The claim would take the period's claims above its total.
    /// @param periodId The period.
    /// @param claimed The claimed total the claim would reach.
    /// @param total The period's total.
    error PeriodOverClaimed(uint256 periodId, uint256 claimed, uint256 total);

    /// @notice The expired period has nothing left to sweep.
    /// @param periodId The period.
    error NothingToSweep(uint256 periodId);

    // solhint-disable func-name-mixedcase
    /// @notice Parameter key: seconds a period stays claimable after it starts.
    /// @return keccak256("issuance.partnerClaimWindow")
    function CLAIM_WINDOW() external view returns (bytes32);
    // solhint-enable func-name-mixedcase

    /// @notice Adds `amount` QUT from the caller to the unallocated funds.
    /// @dev Pulls with `transferFrom`: approve the pool first. QUT sent with a plain transfer is not counted and
    /// stays in the contract for good (claims do not keep a running total of what is owed, to stay cheap).
    /// @param amount QUT, in wei.
    function fund(uint256 amount) external;

    /// @notice Opens a period: allocates `total` from the unallocated funds to the leaves under `root`, claimable
    /// for the claim window.
    /// @dev Restricted to the partner-distributor role.
    /// @param root The Merkle root.
    /// @param total QUT allocated: at least the sum of the leaves' amounts, or late claimers find it empty.
    /// @return periodId The new period's id.
    function startPeriod(bytes32 root, uint256 total) external returns (uint256 periodId);

    /// @notice Pays the leaf's `amount` to `account`. Anyone may submit it.
    /// @param periodId The period.
    /// @param index The leaf index.
    /// @param account The leaf's account, paid.
    /// @param amount The leaf's amount, in wei.
    /// @param proof The Merkle proof of the leaf.
    function claim(uint256 periodId, uint256 index, address account, uint256 amount, bytes32[] calldata proof) external;

    /// @notice Returns an expired period's unclaimed remainder to the unallocated funds. Anyone may call it.
    /// @param periodId The period.
    /// @return remainder QUT returned.
    function sweep(uint256 periodId) external returns (uint256 remainder);

    /// @notice The token paid out (QUT).
    /// @return Its address.
    function rewardToken() external view returns (address);

    /// @notice A period.
    /// @param periodId The period.
    /// @return The period (all zero for an unknown id).
    function period(uint256 periodId) external view returns (Period memory);

    /// @notice A period's Merkle root.
    /// @param periodId The period.
    /// @return The root (zero for an unknown id).
    function rootOf(uint256 periodId) external view returns (bytes32);

    /// @notice Number of periods opened; ids run from 1 to this number.
    /// @return The count.
    function periodCount() external view returns (uint256);

    /// @notice Whether a leaf was claimed.
    /// @param periodId The period.
    /// @param index The leaf index.
    /// @return True when claimed.
    function isClaimed(uint256 periodId, uint256 index) external view returns (bool);

    /// @notice Funds not allocated to any period.
    /// @return QUT, in wei.
    function unallocated() external view returns (uint256);

    /// @notice Seconds a new period stays claimable.
    /// @return The claim window.
    function claimWindow() external view returns (uint256);
}
