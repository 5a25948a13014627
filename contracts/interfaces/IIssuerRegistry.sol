// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IParameterized} from "./IParameterized.sol";

/// @title IIssuerRegistry
/// @notice Verified issuers of the Qutoken platform. An issuer stakes the system token (QUT) to become verified;
/// its stake level grants resource slots (issuer tokens, pools, API keys); governance may suspend an issuer and
/// slash its stake for broken terms. Unstaking waits out a notice period and is refused while the remaining
/// stake would no longer cover the slots in use. Every fee an issuer pays in QUT goes through `chargeFee` or
/// `payServiceFee` and is counted per payer.
/// @dev Stake levels are three tiers (minimum stake, slot count), governed through the parameter registry.
/// An issuer is verified while not suspended and its active stake is at least the first tier's minimum.
/// Stake waiting out the notice period no longer counts for verification or slots, but can still be slashed.
/// Slashed QUT is burned. The system token is the preset's `ProtocolToken`: no transfer hooks, no fee on
/// transfer, so the contract follows checks-effects-interactions without a reentrancy guard.
interface IIssuerRegistry is IParameterized {
    /// @notice Where an issuer stands.
    /// @dev `Suspended` wins over the stake; `Unverified` covers both "never staked" and "staked too little".
    enum IssuerStatus {
        Unverified,
        Verified,
        Suspended
    }

    /// @notice A stake level.
    /// @param minStake Active stake needed to reach the tier, in wei of the system token.
    /// @param slots Resource slots the tier grants.
    struct Tier {
        uint128 minStake;
        uint32 slots;
    }

    /// @notice An issuer's account (also used for accounts that only pay service fees).
    /// @param stake Active stake: counts for verification and slots.
    /// @param unstakeReadyAt When `pendingUnstake` may be withdrawn (zero when nothing is pending).
    /// @param slotsUsed Slots taken by slot consumers (issuer tokens not retired, ...).
    /// @param suspended Suspended by governance.
    /// @param registered Has staked at least once (an identity for settlements; never cleared).
    /// @param pendingUnstake Stake waiting out the notice period: no slots, still slashable.
    /// @param feesPaid Everything this account ever paid in fees, in wei of the system token.
    struct Issuer {
        uint128 stake;
        uint64 unstakeReadyAt;
        uint32 slotsUsed;
        bool suspended;
        bool registered;
        uint128 pendingUnstake;
        uint128 feesPaid;
    }

    // ------------------------------------------------------------------ events

    /// @notice An issuer added stake.
    /// @param issuer The issuer.
    /// @param amount QUT added.
    /// @param stake The issuer's active stake after the call.
    event Staked(address indexed issuer, uint256 amount, uint256 stake);

    /// @notice An issuer asked to take stake out; it can be withdrawn at `readyAt`.
    /// @param issuer The issuer.
    /// @param amount QUT moved from the active stake to the pending amount.
    /// @param pending The issuer's whole pending amount after the call.
    /// @param readyAt When the pending amount may be withdrawn.
    event UnstakeRequested(address indexed issuer, uint256 amount, uint256 pending, uint256 readyAt);

    /// @notice An issuer moved its pending amount back to its active stake.
    /// @param issuer The issuer.
    /// @param amount QUT moved back.
    event UnstakeCancelled(address indexed issuer, uint256 amount);

    /// @notice An issuer took its pending amount out after the notice period.
    /// @param issuer The issuer.
    /// @param amount QUT paid out.
    event Withdrawn(address indexed issuer, uint256 amount);

    /// @notice Governance suspended an issuer.
    /// @param issuer The issuer.
    /// @param reason An off-chain reference to the broken terms.
    event IssuerSuspended(address indexed issuer, bytes32 reason);

    /// @notice Governance lifted a suspension or a freeze.
    /// @param issuer The issuer.
    event IssuerReinstated(address indexed issuer);

    /// @notice The guardian froze an issuer until `until`: for that time it is treated as suspended (no new slots,
    /// no minting, no unstaking or withdrawal), so a slash governance is preparing cannot be escaped.
    /// @param issuer The issuer.
    /// @param until When the freeze ends unless governance suspends the issuer meanwhile.
    /// @param reason An off-chain reference to the suspected breach.
    event IssuerFrozen(address indexed issuer, uint256 until, bytes32 reason);

    /// @notice Governance slashed an issuer; the slashed QUT was burned.
    /// @param issuer The issuer.
    /// @param fromStake Taken from the active stake.
    /// @param fromPending Taken from the amount waiting out the notice period.
    /// @param reason An off-chain reference to the broken terms.
    event IssuerSlashed(address indexed issuer, uint256 fromStake, uint256 fromPending, bytes32 reason);

    /// @notice A slot consumer took one of an issuer's slots.
    /// @param issuer The issuer.
    /// @param consumer The contract that took it (the token factory, ...).
    /// @param slotsUsed The issuer's slots in use after the call.
    event SlotUsed(address indexed issuer, address indexed consumer, uint256 slotsUsed);

    /// @notice A slot consumer gave one of an issuer's slots back.
    /// @param issuer The issuer.
    /// @param consumer The contract that released it.
    /// @param slotsUsed The issuer's slots in use after the call.
    event SlotReleased(address indexed issuer, address indexed consumer, uint256 slotsUsed);

    /// @notice A fee was paid in QUT to the fee recipient.
    /// @param payer Who paid (the issuer for creation fees).
    /// @param kind What it paid for (`FEE_KIND_TOKEN_CREATION` or a service id).
    /// @param amount QUT paid.
    /// @param recipient Where it went (the treasury until the fee router lands).
    event FeePaid(address indexed payer, bytes32 indexed kind, uint256 amount, address recipient);

    /// @notice Governance pointed fees at a new recipient.
    /// @param recipient The new fee recipient.
    event FeeRecipientSet(address recipient);

    // ------------------------------------------------------------------ errors

    /// @notice A zero amount.
    error ZeroAmount();

    /// @notice The zero address where an account is needed.
    error ZeroAddress();

    /// @notice The tiers given at deployment are not ordered (minimum stakes strictly rising, slots not falling)
    /// or the first tier's minimum is zero.
    /// @param tier The first tier that breaks the order.
    error InvalidTiers(uint256 tier);

    /// @notice Asked to unstake more than the active stake.
    /// @param stake The active stake.
    /// @param requested The amount asked for.
    error InsufficientStake(uint256 stake, uint256 requested);

    /// @notice The stake left would grant fewer slots than are in use; free slots first.
    /// @param slotsUsed Slots in use.
    /// @param slotsAfter Slots the remaining stake would grant.
    error SlotsInUse(uint256 slotsUsed, uint256 slotsAfter);

    /// @notice Nothing is waiting out the notice period.
    /// @param issuer The issuer.
    error NothingPending(address issuer);

    /// @notice The notice period is not over yet.
    /// @param readyAt When it ends.
    /// @param timestamp The current block timestamp.
    error NoticePeriodNotOver(uint256 readyAt, uint256 timestamp);

    /// @notice The issuer is suspended: it may not unstake or withdraw.
    /// @param issuer The issuer.
    error IssuerIsSuspended(address issuer);

    /// @notice Reinstating an issuer that is neither suspended nor frozen.
    /// @param issuer The issuer.
    error IssuerNotSuspended(address issuer);

    /// @notice The pending amount was not withdrawn within `WITHDRAWAL_WINDOW` of the end of its notice: it can no
    /// longer be withdrawn. Cancel and request again (a new notice period starts).
    /// @param lapsedAt When the window closed.
    /// @param timestamp The current block timestamp.
    error WithdrawalWindowLapsed(uint256 lapsedAt, uint256 timestamp);

    /// @notice The guardian froze this issuer less than `FREEZE_PERIOD` after its last freeze ended (or was lifted):
    /// the guardian alone can hold an issuer frozen at most half the time.
    /// @param issuer The issuer.
    /// @param availableAt When the guardian may freeze it again.
    error FreezeCoolingDown(address issuer, uint256 availableAt);

    /// @notice A slash above what the issuer has staked (active plus pending).
    /// @param amount The slash asked for.
    /// @param slashable What the issuer has staked.
    error SlashExceedsStake(uint256 amount, uint256 slashable);

    /// @notice The issuer is not verified (suspended, or staked below the first tier).
    /// @param issuer The issuer.
    /// @param status Its status.
    error IssuerNotVerified(address issuer, IssuerStatus status);

    /// @notice Every slot the issuer's stake grants is in use.
    /// @param issuer The issuer.
    /// @param slotsUsed Slots in use.
    /// @param capacity Slots its active stake grants.
    error NoFreeSlot(address issuer, uint256 slotsUsed, uint256 capacity);

    /// @notice Releasing a slot of an issuer that has none in use.
    /// @param issuer The issuer.
    error NoSlotInUse(address issuer);

    // ------------------------------------------------------------------ parameter keys

    // solhint-disable func-name-mixedcase
    /// @notice Parameter key: minimum active stake of tier 1 (the verification threshold), in wei.
    /// @return keccak256("issuance.tier1MinStake")
    function TIER1_MIN_STAKE() external view returns (bytes32);

    /// @notice Parameter key: minimum active stake of tier 2, in wei.
    /// @return keccak256("issuance.tier2MinStake")
    function TIER2_MIN_STAKE() external view returns (bytes32);

    /// @notice Parameter key: minimum active stake of tier 3, in wei.
    /// @return keccak256("issuance.tier3MinStake")
    function TIER3_MIN_STAKE() external view returns (bytes32);

    /// @notice Parameter key: slots granted by tier 1.
    /// @return keccak256("issuance.tier1Slots")
    function TIER1_SLOTS() external view returns (bytes32);

    /// @notice Parameter key: slots granted by tier 2.
    /// @return keccak256("issuance.tier2Slots")
    function TIER2_SLOTS() external view returns (bytes32);

    /// @notice Parameter key: slots granted by tier 3.
    /// @return keccak256("issuance.tier3Slots")
    function TIER3_SLOTS() external view returns (bytes32);

    /// @notice Parameter key: seconds between an unstake request and the withdrawal.
    /// @return keccak256("issuance.unstakeNoticePeriod")
    function UNSTAKE_NOTICE_PERIOD() external view returns (bytes32);

    /// @notice The shortest notice period the registry accepts, at deployment or from governance: longer than the
    /// slowest governance path to a slash or a suspension in the kit's presets (a 7-day voting delay, a 14-day
    /// vote and a 7-day timelock: 28 days), so stake asked out when a proposal appears is still pending, and
    /// slashable, when the proposal executes.
    /// @return 30 days, in seconds.
    function MIN_UNSTAKE_NOTICE_PERIOD() external view returns (uint256);

    /// @notice How long a pending amount stays withdrawable once its notice is over. After it, the amount stays
    /// pending (and slashable) but can only leave after a new request and a new notice, so a request made while
    /// honest cannot be kept ready as a stash to pull the moment a slash proposal appears.
    /// @return 7 days, in seconds.
    function WITHDRAWAL_WINDOW() external view returns (uint256);

    /// @notice How long a guardian freeze lasts, and the cooldown after it before the guardian may freeze the same
    /// issuer again. At least the slowest governance path to a slash (28 days), so governance can act on it.
    /// @return 30 days, in seconds.
    function FREEZE_PERIOD() external view returns (uint256);
    // solhint-enable func-name-mixedcase

    // ------------------------------------------------------------------ issuers

    /// @notice Stakes `amount` QUT for the caller, who becomes a registered issuer (verified at tier 1).
    /// @dev Pulls the QUT with `transferFrom`: approve the registry first. Allowed while suspended.
    /// @param amount QUT to add to the active stake, in wei.
    function stake(uint256 amount) external;

    /// @notice Moves `amount` of the caller's active stake to the pending amount, withdrawable after the notice
    /// period. A second request adds to the pending amount and restarts the notice period.
    /// @dev Reverts `SlotsInUse` when the stake left would grant fewer slots than are in use, and
    /// `IssuerIsSuspended` while suspended.
    /// @param amount QUT to take out of the active stake, in wei.
    function requestUnstake(uint256 amount) external;

    /// @notice Moves the caller's whole pending amount back to its active stake.
    function cancelUnstake() external;

    /// @notice Pays the caller's pending amount out once the notice period is over, within `WITHDRAWAL_WINDOW`.
    /// @dev Refused while suspended or frozen, so governance can still slash what was asked out; refused with
    /// `WithdrawalWindowLapsed` once the window is over.
    /// @return amount QUT paid out.
    function withdraw() external returns (uint256 amount);

    // ------------------------------------------------------------------ governance

    /// @notice Suspends an issuer: it can no longer create tokens, mint, unstake or withdraw.
    /// @dev Restricted to the governor role. Suspending a suspended issuer only records the new reason.
    /// @param issuer The issuer.
    /// @param reason An off-chain reference to the broken terms.
    function suspend(address issuer, bytes32 reason) external;

    /// @notice Lifts an issuer's suspension and any guardian freeze. Lifting a freeze starts the guardian's cooldown
    /// for this issuer.
    /// @dev Restricted to the governor role.
    /// @param issuer The issuer.
    function reinstate(address issuer) external;

    /// @notice Freezes an issuer for `FREEZE_PERIOD` at once: it is treated as suspended (no new slots, no minting,
    /// no unstaking or withdrawal) while governance decides on a slash or a suspension.
    /// @dev Restricted to the guardian role in the presets. Refused with `FreezeCoolingDown` within `FREEZE_PERIOD`
    /// after the issuer's last freeze ended or was lifted, so the guardian alone cannot keep an issuer frozen for
    /// more than half the time; governance's `suspend` is the lasting measure. A pending amount whose withdrawal
    /// window has not lapsed becomes ready when the freeze ends (its window opens then), so a freeze never makes
    /// a window lapse.
    /// @param issuer The issuer.
    /// @param reason An off-chain reference to the suspected breach.
    function freeze(address issuer, bytes32 reason) external;

    /// @notice Slashes `amount` of an issuer's stake, active stake first, then the pending amount, and burns it.
    /// @dev Restricted to the governor role. The issuer's slots in use are kept; if the stake left no longer
    /// covers them, it cannot take new slots or unstake until it tops up or frees slots.
    /// @param issuer The issuer.
    /// @param amount QUT to slash, in wei.
    /// @param reason An off-chain reference to the broken terms.
    function slash(address issuer, uint256 amount, bytes32 reason) external;

    /// @notice Points every fee at a new recipient (the treasury, later the fee router).
    /// @dev Restricted to the governor role.
    /// @param recipient The new fee recipient.
    function setFeeRecipient(address recipient) external;

    // ------------------------------------------------------------------ slot consumers and fees

    /// @notice Takes one of a verified issuer's free slots for the calling contract.
    /// @dev Restricted to the slot-consumer role (the token factory). Reverts `IssuerNotVerified` or `NoFreeSlot`.
    /// @param issuer The issuer.
    function useSlot(address issuer) external;

    /// @notice Gives one of an issuer's slots back.
    /// @dev Restricted to the slot-consumer role. Allowed whatever the issuer's status.
    /// @param issuer The issuer.
    function releaseSlot(address issuer) external;

    /// @notice Charges `payer` a fee of `amount` QUT, paid straight to the fee recipient.
    /// @dev Restricted to the fee-collector role (the token factory). The payer must have approved the registry.
    /// @param payer Who pays.
    /// @param amount QUT to charge, in wei.
    /// @param kind What the fee is for.
    function chargeFee(address payer, uint256 amount, bytes32 kind) external;

    /// @notice Pays a service fee (API access, ...) of `amount` QUT from the caller to the fee recipient.
    /// @param service What the fee is for (an off-chain service id).
    /// @param amount QUT to pay, in wei.
    function payServiceFee(bytes32 service, uint256 amount) external;

    // ------------------------------------------------------------------ views

    /// @notice The system token staked and paid in (QUT).
    /// @return The token's address.
    function systemToken() external view returns (address);

    /// @notice An issuer's account.
    /// @param issuer The issuer.
    /// @return The account.
    function issuerInfo(address issuer) external view returns (Issuer memory);

    /// @notice An issuer's status (`Suspended` while suspended by governance or frozen by the guardian).
    /// @param issuer The issuer.
    /// @return The status.
    function statusOf(address issuer) external view returns (IssuerStatus);

    /// @notice When the issuer's last guardian freeze ends (or ended, or was lifted); zero if never frozen.
    /// @param issuer The issuer.
    /// @return A timestamp; the issuer is frozen while it lies in the future.
    function frozenUntil(address issuer) external view returns (uint256);

    /// @notice Whether an issuer is verified (not suspended or frozen, active stake at least tier 1's minimum).
    /// @param issuer The issuer.
    /// @return True when verified.
    function isVerified(address issuer) external view returns (bool);

    /// @notice Whether an account has ever staked (an issuer identity, kept after unstaking).
    /// @param account The account.
    /// @return True when registered.
    function isRegistered(address account) external view returns (bool);

    /// @notice Slots an active stake of `amount` grants.
    /// @param amount Active stake, in wei.
    /// @return Slot count.
    function slotsFor(uint256 amount) external view returns (uint256);

    /// @notice Slots an issuer's active stake grants now.
    /// @param issuer The issuer.
    /// @return Slot count.
    function slotCapacity(address issuer) external view returns (uint256);

    /// @notice A stake level.
    /// @param index 0, 1 or 2.
    /// @return The tier.
    function tier(uint256 index) external view returns (Tier memory);

    /// @notice All QUT staked: the sum of every issuer's active and pending stake.
    /// @return QUT, in wei.
    function totalStaked() external view returns (uint256);

    /// @notice All fees ever paid through the registry.
    /// @return QUT, in wei.
    function totalFees() external view returns (uint256);

    /// @notice Where fees go.
    /// @return The fee recipient.
    function feeRecipient() external view returns (address);
}
