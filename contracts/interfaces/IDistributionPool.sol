// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEpochClock} from "./IEpochClock.sol";
import {IParameterized} from "./IParameterized.sol";

/// @title IDistributionPool
/// @notice A QRY pool the distribution engine funds once per epoch after the epoch ends, and whose participants
/// then claim their part of that funding, each at most once, until the claim window is over.
/// @dev The engine transfers the epoch's budget first, then calls `fundEpoch`; the pool keeps what its
/// participants are owed at most (`funded`) and sends the rest straight back (no participants, or, for proof of
/// availability, the parts the 85% thresholds do not pay). After the claim window the engine sweeps what was not
/// claimed (rounding dust, unclaimed shares) back into the pool's reserve. For every epoch:
/// `claimed <= funded <= budget`, and the pool's balance is the sum over epochs of `funded - claimed`.
/// Amounts per epoch are kept in 96 bits (up to ~7.9e28 wei).
interface IDistributionPool is IEpochClock, IParameterized {
    /// @notice An epoch's funding.
    /// @param funded What the epoch's participants may claim in total (after a sweep: what they claimed).
    /// @param claimed What they claimed.
    /// @param expiresAt First timestamp at which claims are refused and the remainder can be swept.
    struct Ledger {
        uint96 funded;
        uint96 claimed;
        uint64 expiresAt;
    }

    /// @notice The engine funded an epoch.
    /// @param epoch The epoch.
    /// @param budget What the engine sent.
    /// @param funded What the pool kept for the epoch's claims; `budget - funded` went back to the engine.
    /// @param expiresAt When the claim window ends.
    event EpochFunded(uint256 indexed epoch, uint256 budget, uint256 funded, uint256 expiresAt);

    /// @notice What was not claimed of an expired epoch went back to the engine.
    /// @param epoch The epoch.
    /// @param amount Returned, in wei.
    event Swept(uint256 indexed epoch, uint256 amount);

    /// @notice The token given at deployment is the zero address.
    error InvalidToken();
    /// @notice The zero address where an account is needed.
    error ZeroAddress();
    /// @notice The epoch was funded already.
    /// @param epoch The epoch.
    error EpochAlreadyFunded(uint256 epoch);
    /// @notice The epoch has not been funded yet (the engine funds it when it closes the epoch).
    /// @param epoch The epoch.
    error EpochNotFunded(uint256 epoch);
    /// @notice The epoch's claim window is over.
    /// @param epoch The epoch.
    /// @param expiredAt When it ended.
    error ClaimWindowOver(uint256 epoch, uint256 expiredAt);
    /// @notice The epoch's claim window is still open.
    /// @param epoch The epoch.
    /// @param expiresAt When it ends.
    error ClaimWindowOpen(uint256 epoch, uint256 expiresAt);
    /// @notice Everything funded for the epoch was claimed, or was swept already.
    /// @param epoch The epoch.
    error NothingToSweep(uint256 epoch);
    /// @notice The account has nothing to claim for the epoch (no record, below a threshold, or a zero share).
    /// @param epoch The epoch.
    /// @param account The account.
    error NothingToClaim(uint256 epoch, address account);
    /// @notice The account already claimed for the epoch.
    /// @param epoch The epoch.
    /// @param account The account.
    error AlreadyClaimed(uint256 epoch, address account);
    /// @notice A claim would take the epoch's claims above its funding. Unreachable: shares round down.
    /// @param epoch The epoch.
    /// @param claimed What the claims would add up to.
    /// @param funded The epoch's funding.
    error ClaimExceedsFunding(uint256 epoch, uint256 claimed, uint256 funded);
    /// @notice The provider is not active in staking.
    /// @param provider The provider.
    error InactiveProvider(address provider);
    /// @notice The provider's bonded stake is below the minimum.
    /// @param provider The provider.
    /// @param stake Its bonded stake.
    /// @param minimum The minimum.
    error StakeBelowMinimum(address provider, uint256 stake, uint256 minimum);

    /// @notice Funds an ended epoch with `budget`, already transferred by the caller; sends back what the epoch's
    /// participants cannot claim.
    /// @dev Restricted to the DISTRIBUTION_ENGINE role. Once per epoch, after it ends.
    /// @param epoch The epoch.
    /// @param budget What the engine sent for it.
    /// @return unused What went back to the engine (`budget - funded`).
    function fundEpoch(uint256 epoch, uint256 budget) external returns (uint256 unused);

    /// @notice Sends what was not claimed of an expired epoch back to the engine.
    /// @dev Restricted to the DISTRIBUTION_ENGINE role (anyone triggers it through `DistributionEngine.sweep`).
    /// @param epoch The epoch.
    /// @return remainder What went back (`funded - claimed`).
    function sweep(uint256 epoch) external returns (uint256 remainder);

    /// @notice An epoch's funding, claims and expiry.
    /// @param epoch The epoch.
    /// @return The ledger (all zero before funding).
    function ledger(uint256 epoch) external view returns (Ledger memory);

    /// @notice Seconds an epoch stays claimable once funded (a governed parameter).
    /// @return The claim window.
    function claimWindow() external view returns (uint256);

    /// @notice The token paid out (QRY).
    /// @return The token's address.
    function token() external view returns (address);

    // solhint-disable func-name-mixedcase
    /// @notice Parameter key: seconds an epoch stays claimable once funded.
    /// @return keccak256("distribution.claimWindow")
    function CLAIM_WINDOW() external view returns (bytes32);
    // solhint-enable func-name-mixedcase
}
