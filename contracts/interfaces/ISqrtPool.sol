// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IDistributionPool} from "./IDistributionPool.sol";

/// @title ISqrtPool
/// @notice A square-root (quadratic) pool (QRY's pools, docs/economics/qry.md): during an epoch the creditor adds value
/// to accounts; once the epoch is funded, account `a` may claim `funding * sqrt(V_a) / sum_i sqrt(V_i)`.
/// QRY runs three: query fulfillment (providers, value = Total Registered Value, calls x monthly pay, reported by
/// gateways), integrators and portals (value = QRY paid in subscriptions they serve or acquired).
/// @dev O(1) whatever the number of accounts: each credit replaces the account's root in a running sum of roots
/// (`SqrtShares`), each claim reads the account's root, the sum and the funding. A claim changes neither, so no
/// account's claim changes another's. Sybil splitting: `k` identities sharing a value `V` count for
/// `k * sqrt(V / k) = sqrt(k) * sqrt(V)`; `minStake` (bonded stake each identity needs at every credit and again
/// at its claim; in an identity pool its own stake, locked through the epoch's claim window, so one stake moved
/// between identities qualifies one per epoch) makes every extra identity cost that stake for the whole epoch and its
/// claim. Values per account
/// and epoch fit 128 bits.
interface ISqrtPool is IDistributionPool {
    /// @notice An account's record in an epoch. One storage slot.
    /// @param value Its accumulated value (TRV or subscription value), in wei.
    /// @param root `floor(sqrt(value * 1e18))`, its term in the sum of roots.
    /// @param claimed Whether it claimed.
    struct Entry {
        uint128 value;
        uint120 root;
        bool claimed;
    }

    /// @notice Value was added to an account for the open epoch.
    /// @param epoch The epoch.
    /// @param account The account.
    /// @param added The value added.
    /// @param value Its value now.
    /// @param sumOfRoots The epoch's sum of roots now.
    event Credited(uint256 indexed epoch, address indexed account, uint256 added, uint256 value, uint256 sumOfRoots);

    /// @notice An account claimed its share of an epoch.
    /// @param epoch The epoch.
    /// @param account The account (paid).
    /// @param amount Paid, in wei.
    event Claimed(uint256 indexed epoch, address indexed account, uint256 amount);

    /// @notice The creditor was bound (once, at deployment).
    /// @param creditor The only account that may credit from now on (the subscription manager).
    event CreditorBound(address indexed creditor);

    /// @notice A lenient credit (`tryCredit`, renewals) skipped an account under the minimum stake: nothing credited.
    /// @param epoch The epoch.
    /// @param account The account skipped.
    /// @param value The value it would have been credited.
    event CreditSkipped(uint256 indexed epoch, address indexed account, uint256 value);

    /// @notice The creditor given is not a contract that lists this pool among its `pools()`.
    /// @param creditor The creditor given.
    error CreditorNotWired(address creditor);

    /// @notice A zero value was credited.
    error ZeroValue();

    /// @notice `credit` was called by someone other than the bound creditor.
    /// @param caller The caller.
    error OnlyCreditor(address caller);

    /// @notice An identity pool's account is credited for the first time in an epoch with its stake locked for less
    /// than the epoch's claim window (see `lockedIdentity`).
    /// @param account The account.
    /// @param lockEnd When the lock on its stake ends (zero: not locked).
    /// @param required The end of the epoch plus the claim window: the lock must reach it.
    error StakeNotLocked(address account, uint256 lockEnd, uint256 required);

    /// @notice The creditor is already bound (or the one given is the zero address).
    /// @param bound The creditor bound (zero if none).
    error CreditorAlreadyBound(address bound);

    /// @notice Adds `value` to `account` for the open epoch and updates the sum of roots.
    /// @dev Only the creditor bound by `bindCreditor` (the subscription manager) may call it (reverts `OnlyCreditor`;
    /// checked against a slot the credit reads anyway, no AccessManager call). At every credit, when
    /// `minStake` is not zero, the account must be an active provider with at least `minStake` bonded (its own stake
    /// in an identity pool, locked until the epoch's end plus the claim window at its first credit of the epoch;
    /// reverts `InactiveProvider` / `StakeBelowMinimum` / `StakeNotLocked`). Reverts `EpochNotOpen` for any other
    /// epoch.
    /// @param epoch The open epoch.
    /// @param account Who earned the value.
    /// @param value The value, in wei (positive).
    function credit(uint256 epoch, address account, uint256 value) external;

    /// @notice Like `credit`, but an account under the minimum stake (inactive, or bonded less) is skipped instead of
    /// reverting: nothing is credited, `CreditSkipped` is emitted and it returns false. For renewals, which anyone may
    /// pay: a party that fell under the minimum loses its credit, the payer is not refused.
    /// @dev Same caller, epoch and value checks as `credit` (those still revert).
    /// @param epoch The open epoch.
    /// @param account Who earned the value.
    /// @param value The value, in wei (positive).
    /// @return credited Whether the account was credited.
    function tryCredit(uint256 epoch, address account, uint256 value) external returns (bool credited);

    /// @notice Binds the only account that may credit (the subscription manager, deployed after its pools); once.
    /// @dev Restricted (the AccessManager's admin by default: the deployer during the deployment). Reverts
    /// `CreditorAlreadyBound` if a creditor is bound already or `creditor_` is zero, `CreditorNotWired` unless
    /// `creditor_` is a contract whose `pools()` lists this pool; nothing can rebind it.
    /// @param creditor_ The creditor.
    function bindCreditor(address creditor_) external;

    /// @notice Pays the caller its share of a funded epoch: `floor(funded * root / sumOfRoots)`, at most
    /// `floor(value * claimCap / 10,000)` of the value it was credited in the epoch when the epoch's cap is not zero.
    /// @dev Once per account and epoch, within the claim window. The caller must still be active and bonded (its own
    /// stake in an identity pool) at least the epoch's minimum stake (the lowest in force at its credits; see
    /// `epochTerms`) when it claims. The cap is the one in force when the epoch was funded; what it holds back is never
    /// paid and goes back at the sweep.
    /// @param epoch The epoch.
    /// @return amount Paid, in wei.
    function claim(uint256 epoch) external returns (uint256 amount);

    /// @notice What `account` may claim for `epoch` now (zero before funding, after its claim or after expiry).
    /// @param epoch The epoch.
    /// @param account The account.
    /// @return The amount, in wei.
    function claimable(uint256 epoch, address account) external view returns (uint256);

    /// @notice An account's record in an epoch.
    /// @param epoch The epoch.
    /// @param account The account.
    /// @return The entry.
    function entryOf(uint256 epoch, address account) external view returns (Entry memory);

    /// @notice The epoch's sum of roots, `sum_i floor(sqrt(V_i * 1e18))`.
    /// @param epoch The epoch.
    /// @return The sum.
    function sumOfRoots(uint256 epoch) external view returns (uint256);

    /// @notice The terms an epoch's claims are held to.
    /// @param epoch The epoch.
    /// @return minStake_ The lowest minimum stake in force at any of its credits (what its claims are checked
    /// against).
    /// @return claimCapBps The claim cap fixed when it was funded, in bps of the value credited (zero: none, or not
    /// funded yet).
    function epochTerms(uint256 epoch) external view returns (uint256 minStake_, uint256 claimCapBps);

    /// @notice The most an account may claim of an epoch funded from now on, in bps of the value it was credited in
    /// that epoch (zero: no cap).
    /// @return The cap, in basis points.
    function claimCap() external view returns (uint256);

    /// @notice Bonded stake an account needs at every credit and at its claim (zero: no requirement).
    /// @return The minimum, in wei.
    function minStake() external view returns (uint256);

    /// @notice The only account that may credit (zero until bound).
    /// @return The creditor.
    function creditor() external view returns (address);

    /// @notice Where stakes are read.
    /// @return The stake reader.
    function stakeReader() external view returns (address);

    /// @notice Whether this is an identity pool (QRY's three: providers, integrators, portals): an account qualifies
    /// on its own stake (`IStakeReader.identityStakeOf`, delegations excluded), which at its first credit of an epoch
    /// must be locked until at least the epoch's end plus the claim window (`lockRequiredFor`; `StakeNotLocked`
    /// otherwise). A lock is never shortened and locked stake cannot leave, so one stake qualifies one identity per
    /// epoch: `k` identities cost `k x minStake` locked for the epoch and its claim window. Otherwise an account
    /// qualifies on its bonded stake, delegations included, read live.
    /// @return True for an identity pool.
    function lockedIdentity() external view returns (bool);

    /// @notice How long an identity's stake must be locked at its first credit of `epoch`: the epoch's end plus the
    /// claim window in force at the epoch's first credit (or now, before it). Zero when this is not an identity pool.
    /// @param epoch The epoch.
    /// @return The earliest lock end that qualifies, unix seconds.
    function lockRequiredFor(uint256 epoch) external view returns (uint256);

    // solhint-disable func-name-mixedcase
    /// @notice Parameter key: the bonded stake an account needs at every credit and at its claim.
    /// @return keccak256("distribution.minStake")
    function MIN_STAKE() external view returns (bytes32);

    /// @notice Parameter key: the claim cap, in bps of the value an account was credited in the epoch (zero: none).
    /// @return keccak256("distribution.claimCap")
    function CLAIM_CAP() external view returns (bytes32);
    // solhint-enable func-name-mixedcase
}
