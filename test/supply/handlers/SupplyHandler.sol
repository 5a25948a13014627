// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {EmissionController} from "../../../contracts/supply/EmissionController.sol";
import {EpochRewardPool} from "../../../contracts/supply/EpochRewardPool.sol";
import {IEmissionController} from "../../../contracts/interfaces/IEmissionController.sol";
import {IEpochRewardPool} from "../../../contracts/interfaces/IEpochRewardPool.sol";
import {IVestingVault} from "../../../contracts/interfaces/IVestingVault.sol";
import {ProtocolToken} from "../../../contracts/token/ProtocolToken.sol";
import {VestingVault} from "../../../contracts/supply/VestingVault.sol";
import {Test} from "../../utils/Test.sol";

/// @notice Drives the QUIVer supply through time: emission releases into the pool, claims, expired-bucket burns,
/// vesting releases (by anyone, or by the beneficiary to another address), revocations, new schedules created by
/// governance from treasury funds, and holder burns. Every call that may legitimately fail is tried and its
/// error checked. Ghost totals track what was minted, burned, emitted, claimed and put into the vault.
contract SupplyHandler is Test {
    ProtocolToken public immutable token;
    VestingVault public immutable vault;
    EmissionController public immutable controller;
    EpochRewardPool public immutable pool;
    address public immutable governor;
    address public immutable distributor;

    address[] public actors;
    /// @dev Epochs whose bucket received emission, so claims and burns aim at buckets that hold something.
    uint256[] public fundedEpochs;

    uint256 public ghostMinted;
    uint256 public ghostBurned;
    uint256 public ghostEmitted;
    uint256 public ghostClaimed;
    uint256 public ghostPoolBurned;
    uint256 public ghostVaultIn;
    uint256 public ghostVaultOut;
    uint256 public calls;

    constructor(
        ProtocolToken token_,
        VestingVault vault_,
        EmissionController controller_,
        EpochRewardPool pool_,
        address governor_,
        address distributor_,
        address[] memory actors_,
        uint256 minted,
        uint256 inVault
    ) {
        token = token_;
        vault = vault_;
        controller = controller_;
        pool = pool_;
        governor = governor_;
        distributor = distributor_;
        actors = actors_;
        ghostMinted = minted;
        ghostVaultIn = inVault;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function _actor(uint256 seed) private view returns (address) {
        return actors[seed % actors.length];
    }

    function _assertError(bytes memory reason, bytes memory expected, string memory what) private pure {
        assertEq(keccak256(reason), keccak256(expected), what);
    }

    // ------------------------------------------------------------------ time

    /// @dev Days to weeks, so buckets expire and schedules move past their cliffs.
    function warp(uint256 secondsAhead) external {
        vm.warp(block.timestamp + bound(secondsAhead, 1, 60 days));
        calls++;
    }

    /// @dev Whole years (and a bit), so runs cross year ends, the halvings and the cap.
    function warpYears(uint256 yearsAhead, uint256 extra) external {
        vm.warp(block.timestamp + bound(yearsAhead, 1, 4) * 365 days + bound(extra, 0, 1 days));
        calls++;
    }

    // ------------------------------------------------------------------ emission

    function releaseEmission() external {
        try controller.release() returns (uint256 paid) {
            ghostEmitted += paid;
            fundedEpochs.push(pool.currentEpoch());
        } catch (bytes memory reason) {
            _assertError(reason, abi.encodeWithSelector(IEmissionController.NothingToRelease.selector), "release");
        }
        calls++;
    }

    function _fundedEpoch(uint256 seed) private view returns (bool found, uint256 epoch) {
        uint256 n = fundedEpochs.length;
        if (n == 0) return (false, 0);
        return (true, fundedEpochs[seed % n]);
    }

    function claim(uint256 epochSeed, uint256 amount, uint256 toSeed) external {
        (bool found, uint256 epoch) = _fundedEpoch(epochSeed);
        if (!found) return;
        (uint256 unclaimed, uint256 expiresAt) = pool.bucket(epoch);
        if (unclaimed == 0) return;
        amount = bound(amount, 1, unclaimed);
        vm.prank(distributor);
        try pool.claim(epoch, _actor(toSeed), amount) {
            ghostClaimed += amount;
        } catch (bytes memory reason) {
            _assertError(
                reason,
                abi.encodeWithSelector(IEpochRewardPool.BucketExpired.selector, epoch, expiresAt),
                "claim"
            );
            assertGe(block.timestamp, expiresAt, "claim refused before expiry");
        }
        calls++;
    }

    function burnExpired(uint256 epochSeed) external {
        (bool found, uint256 epoch) = _fundedEpoch(epochSeed);
        if (!found) return;
        (uint256 unclaimed, uint256 expiresAt) = pool.bucket(epoch);
        try pool.burnExpired(epoch) returns (uint256 burned) {
            assertEq(burned, unclaimed, "burned the whole bucket");
            ghostPoolBurned += burned;
            ghostBurned += burned;
        } catch (bytes memory reason) {
            if (block.timestamp < expiresAt) {
                _assertError(
                    reason,
                    abi.encodeWithSelector(IEpochRewardPool.BucketNotExpired.selector, epoch, expiresAt),
                    "burn early"
                );
            } else {
                _assertError(reason, abi.encodeWithSelector(IEpochRewardPool.NothingToBurn.selector, epoch), "burn");
            }
        }
        calls++;
    }

    // ------------------------------------------------------------------ vesting

    function _schedule(uint256 seed) private view returns (uint256) {
        return seed % vault.scheduleCount();
    }

    function release(uint256 idSeed) external {
        uint256 id = _schedule(idSeed);
        try vault.release(id) returns (uint256 amount) {
            ghostVaultOut += amount;
        } catch (bytes memory reason) {
            _assertError(reason, abi.encodeWithSelector(IVestingVault.NothingToRelease.selector, id), "release");
        }
        calls++;
    }

    function releaseTo(uint256 idSeed, uint256 toSeed) external {
        uint256 id = _schedule(idSeed);
        vm.prank(vault.schedule(id).beneficiary);
        try vault.releaseTo(id, _actor(toSeed)) returns (uint256 amount) {
            ghostVaultOut += amount;
        } catch (bytes memory reason) {
            _assertError(reason, abi.encodeWithSelector(IVestingVault.NothingToRelease.selector, id), "releaseTo");
        }
        calls++;
    }

    function revoke(uint256 idSeed) external {
        uint256 id = _schedule(idSeed);
        IVestingVault.Schedule memory s = vault.schedule(id);
        uint256 vested = vault.vestedAmount(id, block.timestamp);
        vm.prank(governor);
        try vault.revoke(id) returns (uint256 returned) {
            assertEq(returned, s.amount - vested, "returned the unvested part");
            ghostVaultOut += returned;
        } catch (bytes memory reason) {
            bytes4 selector =
                !s.revocable
                    ? IVestingVault.NotRevocable.selector
                    : s.revoked
                        ? IVestingVault.AlreadyRevoked.selector
                        : IVestingVault.NothingToRevoke.selector;
            _assertError(reason, abi.encodeWithSelector(selector, id), "revoke");
        }
        calls++;
    }

    /// @dev Governance grants a new schedule from the handler's treasury funds (the handler holds the
    /// VESTING_CREATOR role and was given 10M by the treasury).
    function createSchedule(
        uint256 beneficiarySeed,
        uint256 amount,
        uint256 startOffset,
        uint256 cliff,
        uint256 duration,
        uint256 bps
    ) external {
        {
            uint256 funds = token.balanceOf(address(this));
            if (funds == 0) return;
            amount = bound(amount, 1, funds < 1_000_000 ether ? funds : 1_000_000 ether);
        }
        duration = bound(duration, 0, 6 * 365 days);
        cliff = bound(cliff, 0, duration);
        bps = bound(bps, 0, 10_000);
        // The start reuses its offset's slot: without the optimizer (the coverage build) one more local is too deep.
        startOffset = block.timestamp + bound(startOffset, 0, 365 days);
        vault.createSchedule(
            _actor(beneficiarySeed),
            amount,
            uint48(startOffset),
            uint32(cliff),
            uint32(duration),
            uint16(bps),
            amount % 2 == 0
        );
        ghostVaultIn += amount;
        calls++;
    }

    // ------------------------------------------------------------------ holders

    function burn(uint256 fromSeed, uint256 amount) external {
        address from = _actor(fromSeed);
        amount = bound(amount, 0, token.balanceOf(from));
        vm.prank(from);
        token.burn(amount);
        ghostBurned += amount;
        calls++;
    }
}
