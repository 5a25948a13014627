// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ISlasher
/// @notice Infraction classes, evidence ids and caps in front of provider staking's O(1) slash (QUIVer's slashing
/// rules, docs/economics/quiver.md): a minor, major or severe infraction takes a percent inside its class range, never
/// more than what remains of the class cap and of the provider's tier cap in the current cap window, from the
/// provider's active, unbonding and reputation stake, all burned; a severe infraction also bans the provider. Each
/// evidence id slashes once, ever.
/// @dev The only holder of staking's SLASHER role. `slash` is restricted to the SLASHING_COURT role (the challenge
/// court and the metrics registry's provable triggers), `emergencySlash` to EMERGENCY (governance's emergency
/// timelock), `liftBan` to GOVERNOR. The class ranges and the cap window are governed (ParameterRegistry keys in
/// `SlashingKeys`).
///
/// Caps: for each provider and class, slashes add up (in bps) over a window of `capWindow` seconds that opens with
/// the first slash of that class after the previous window ended. A slash applies `min(requested, class cap left,
/// tier cap left)`, where the class cap is the class's maximum and the tier cap is `tierOf(provider).maxSlashBps`
/// at the time of the slash; both are consumed by the same running sum. So within one window, a provider's total in
/// one class never exceeds the class maximum nor its tier's maximum. A slash that has nothing left to apply still
/// consumes its evidence and, if severe, bans.
interface ISlasher {
    /// @notice QUIVer's infraction classes.
    enum Infraction {
        Minor,
        Major,
        Severe
    }

    /// @notice A class's range of percents for one infraction.
    /// @param minBps Smallest percent a slash of this class may request, in bps.
    /// @param maxBps Largest percent a slash of this class may request, and the class cap per window, in bps.
    struct ClassRange {
        uint16 minBps;
        uint16 maxBps;
    }

    /// @notice A provider's cap window in one class.
    /// @param start When the window opened (the first slash of the class after the previous window ended).
    /// @param slashedBps Sum of the percents applied in the class since `start`, in bps.
    struct CapWindow {
        uint48 start;
        uint16 slashedBps;
    }

    /// @notice What a slash did.
    /// @param appliedBps Percent actually taken, in bps (the request clamped to the caps left).
    /// @param fromActive Tokens taken from the active pool (self-stake and delegations) and burned.
    /// @param fromUnbonding Tokens taken from the unbonding pool and burned.
    /// @param fromReputation Tokens taken from the reputation stake and burned.
    struct SlashResult {
        uint256 appliedBps;
        uint256 fromActive;
        uint256 fromUnbonding;
        uint256 fromReputation;
    }

    /// @notice Initial values of the governed parameters (keys in `SlashingKeys`).
    /// @param minor Range of a minor infraction.
    /// @param major Range of a major infraction.
    /// @param severe Range of a severe infraction.
    /// @param capWindow Length of a cap window, in seconds.
    struct Parameters {
        ClassRange minor;
        ClassRange major;
        ClassRange severe;
        uint256 capWindow;
    }

    /// @notice A provider was slashed for an infraction; the tokens were burned.
    /// @param provider The provider.
    /// @param evidenceId The evidence, now used.
    /// @param infraction The class.
    /// @param requestedBps The percent requested (inside the class range).
    /// @param appliedBps The percent taken (clamped to the caps left; zero if none was left).
    /// @param fromActive Burned from the active pool.
    /// @param fromUnbonding Burned from the unbonding pool.
    /// @param fromReputation Burned from the reputation stake.
    /// @param by Who slashed (the court, the metrics registry or the emergency timelock).
    event InfractionSlashed(
        address indexed provider,
        bytes32 indexed evidenceId,
        Infraction indexed infraction,
        uint256 requestedBps,
        uint256 appliedBps,
        uint256 fromActive,
        uint256 fromUnbonding,
        uint256 fromReputation,
        address by
    );

    /// @notice A severe infraction banned a provider (staking emits `BanChanged` too).
    /// @param provider The provider.
    /// @param evidenceId The evidence of the severe infraction.
    event ProviderBannedFor(address indexed provider, bytes32 indexed evidenceId);

    /// @notice The address is not a registered provider.
    error UnknownProvider(address provider);
    /// @notice The requested percent lies outside the class range.
    error PercentOutsideClass(Infraction infraction, uint256 bps, uint256 minBps, uint256 maxBps);
    /// @notice The evidence id was already used for a slash.
    error EvidenceAlreadyUsed(bytes32 evidenceId);
    /// @notice The evidence id is zero.
    error ZeroEvidence();
    /// @notice The provider is not banned.
    error NotBanned(address provider);
    /// @notice Constructor values that break the module's rules.
    error InvalidConfiguration();

    /// @notice Slashes a provider for an infraction the challenge court upheld or the metrics registry proved.
    /// @dev Restricted to the SLASHING_COURT role. Reverts `ZeroEvidence`, `EvidenceAlreadyUsed`,
    /// `UnknownProvider` or `PercentOutsideClass`; otherwise never reverts for the caps (it clamps).
    /// @param provider The provider.
    /// @param infraction The class.
    /// @param bps The percent requested, inside the class range, in bps.
    /// @param evidenceId The evidence (e.g. `keccak256(abi.encode(source, subjectId))`), used once.
    /// @return result What was taken.
    function slash(
        address provider,
        Infraction infraction,
        uint256 bps,
        bytes32 evidenceId
    ) external returns (SlashResult memory result);

    /// @notice Slashes a provider on governance's emergency path; the same rules as `slash`.
    /// @dev Restricted to the EMERGENCY role (the emergency timelock).
    /// @param provider The provider.
    /// @param infraction The class.
    /// @param bps The percent requested, inside the class range, in bps.
    /// @param evidenceId The evidence (e.g. the hash of the published report), used once.
    /// @return result What was taken.
    function emergencySlash(
        address provider,
        Infraction infraction,
        uint256 bps,
        bytes32 evidenceId
    ) external returns (SlashResult memory result);

    /// @notice Lifts a provider's ban (a pardon by normal governance).
    /// @dev Restricted to the GOVERNOR role. Reverts `NotBanned`.
    /// @param provider The provider.
    function liftBan(address provider) external;

    /// @notice A class's current range.
    /// @param infraction The class.
    /// @return The range, in bps.
    function classRange(Infraction infraction) external view returns (ClassRange memory);

    /// @notice Whether an evidence id was already used.
    /// @param evidenceId The evidence id.
    /// @return Whether a slash used it.
    function evidenceUsed(bytes32 evidenceId) external view returns (bool);

    /// @notice A provider's current cap window in one class (a window that has ended reads as empty).
    /// @param provider The provider.
    /// @param infraction The class.
    /// @return The window's start and the percent slashed in it.
    function capWindowOf(address provider, Infraction infraction) external view returns (CapWindow memory);

    /// @notice The largest percent a slash of this class could take from the provider now.
    /// @param provider The provider.
    /// @param infraction The class.
    /// @return bps `min(class maximum, tier maximum)` minus what the current window already took (zero if none).
    function capLeft(address provider, Infraction infraction) external view returns (uint256 bps);

    /// @notice The provider staking module this slasher slashes.
    /// @return The staking contract's address.
    function staking() external view returns (address);
}
