// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IDistributionPool} from "../../../contracts/interfaces/IDistributionPool.sol";
import {SqrtPool} from "../../../contracts/distribution/SqrtPool.sol";
import {Test} from "../../utils/Test.sol";
import {DistributionHandler} from "./DistributionHandler.sol";

/// @notice Every kind of claim on the distribution's pools, by the participants `DistributionHandler` creates, for
/// any closed epoch (funded or not, within its window or not). Keeps ghost claims per pool and epoch; a refused
/// claim must carry the error its state calls for, and a claim must not move another participant's due.
contract ClaimHandler is Test {
    uint256 internal constant START = 1_800_000_000;

    DistributionHandler internal _H;
    DistributionHandler.System internal s;

    mapping(address pool => mapping(uint256 epoch => uint256)) public ghostClaimed;
    uint256 public ghostClaimedTotal;
    uint256 public claims;
    uint256 public rotatingClaims;

    constructor(DistributionHandler handler, DistributionHandler.System memory system_) {
        _H = handler;
        s = system_;
    }

    function _expect(bytes memory reason, bytes memory expected, string memory what) internal pure {
        assertEq(keccak256(reason), keccak256(expected), string.concat(what, ": unexpected error"));
    }

    // ------------------------------------------------------------------ claims

    function claimSqrt(uint256 poolSeed, uint256 epochSeed, uint256 accountSeed) external {
        uint256 next = s.engine.nextEpoch();
        if (next == 0) return;
        uint256 epoch = bound(epochSeed, 0, next - 1);
        SqrtPool pool;
        address account;
        address other;
        uint256 which = poolSeed % 3;
        if (which == 0) {
            pool = s.providerPool;
            account = _H.providers(accountSeed % 4);
            other = _H.providers(((accountSeed % 4) + 1) % 4);
        } else if (which == 1) {
            pool = s.integratorPool;
            account = _H.integrators(accountSeed % 2);
            other = _H.integrators(((accountSeed % 2) + 1) % 2);
        } else {
            pool = s.portalPool;
            account = _H.portals(accountSeed % 2);
            other = _H.portals(((accountSeed % 2) + 1) % 2);
        }
        uint256 due = pool.claimable(epoch, account);
        uint256 otherDue = pool.claimable(epoch, other);
        vm.prank(account);
        try pool.claim(epoch) returns (uint256 amount) {
            assertEq(amount, due, "paid what was claimable");
            _claimed(address(pool), epoch, amount);
        } catch (bytes memory reason) {
            _expectClaimError(
                IDistributionPool(address(pool)),
                epoch,
                account,
                pool.entryOf(epoch, account).claimed,
                reason
            );
        }
        assertEq(pool.claimable(epoch, other), otherDue, "another account's due is unchanged");
    }

    function claimAvailability(uint256 epochSeed, uint256 providerSeed) external {
        uint256 next = s.engine.nextEpoch();
        if (next == 0) return;
        uint256 epoch = bound(epochSeed, 0, next - 1);
        address provider = _H.providers(providerSeed % 4);
        uint256 otherDue = s.availability.availabilityPayOf(epoch, _H.providers(((providerSeed % 4) + 1) % 4));
        bool claimed = s.availability.providerRecord(epoch, provider).claimed;
        vm.prank(provider);
        try s.availability.claimAvailability(epoch) returns (uint256 amount) {
            _claimed(address(s.availability), epoch, amount);
        } catch (bytes memory reason) {
            _expectClaimError(IDistributionPool(address(s.availability)), epoch, provider, claimed, reason);
        }
        assertEq(
            s.availability.availabilityPayOf(epoch, _H.providers(((providerSeed % 4) + 1) % 4)),
            otherDue,
            "another provider's A-Pay is unchanged"
        );
    }

    function claimChallenges(uint256 epochSeed, uint256 challengerSeed) external {
        uint256 next = s.engine.nextEpoch();
        if (next == 0) return;
        uint256 epoch = bound(epochSeed, 0, next - 1);
        address challenger = _H.challengers(challengerSeed % 3);
        bool claimed = s.availability.challengerRecord(epoch, challenger).claimed;
        vm.prank(challenger);
        try s.availability.claimChallenges(epoch) returns (uint256 amount) {
            _claimed(address(s.availability), epoch, amount);
        } catch (bytes memory reason) {
            _expectClaimError(IDistributionPool(address(s.availability)), epoch, challenger, claimed, reason);
        }
    }

    function claimBlocks(uint256 epochSeed, uint256 validatorSeed) external {
        uint256 next = s.engine.nextEpoch();
        if (next == 0) return;
        uint256 epoch = bound(epochSeed, 0, next - 1);
        address validator = _H.validators(validatorSeed % 2);
        bool claimed = s.consensus.blockRecord(epoch, validator).claimed;
        vm.prank(validator);
        try s.consensus.claim(epoch) returns (uint256 amount) {
            _claimed(address(s.consensus), epoch, amount);
        } catch (bytes memory reason) {
            _expectClaimError(IDistributionPool(address(s.consensus)), epoch, validator, claimed, reason);
        }
    }

    /// @dev A rotating identity claims an integrators' epoch: paid only if it holds the one stake now and was the
    /// only rotating identity credited in that epoch (the stake qualified no other identity in the epoch, whose
    /// credits and claim window its lock covered); refused with the error its state calls for otherwise.
    function claimRotating(uint256 epochSeed, uint256 idSeed) external {
        uint256 next = s.engine.nextEpoch();
        if (next == 0) return;
        // One of the last three closed epochs (whose claim windows may be open), paid its budget first if pending
        // (the distribution handler's `fund`, which keeps its ghosts).
        uint256 back = epochSeed % 3;
        uint256 epoch = back < next ? next - 1 - back : 0;
        _H.fund(2, back); // the integrators' pool
        // Mostly the identity holding the stake (the one that may have earned), sometimes any of the three.
        uint256 r = idSeed % 4 == 0 || _H.rotHolder() == 3 ? idSeed % 3 : _H.rotHolder();
        address account = _H.rotators(r);
        SqrtPool pool = s.integratorPool;
        uint256 due = pool.claimable(epoch, account);
        bool claimed = pool.entryOf(epoch, account).claimed;
        vm.prank(account);
        try pool.claim(epoch) returns (uint256 amount) {
            assertEq(amount, due, "paid what was claimable");
            assertEq(_H.rotHolder(), r, "a rotating identity claimed without the stake");
            assertEq(_H.rotCreditedMask(epoch), 1 << r, "the stake qualified another identity in the epoch");
            _claimed(address(pool), epoch, amount);
            ++rotatingClaims;
        } catch (bytes memory reason) {
            IDistributionPool.Ledger memory book = pool.ledger(epoch);
            (uint256 minimum, ) = pool.epochTerms(epoch);
            if (book.expiresAt == 0 || block.timestamp >= book.expiresAt || claimed) {
                _expectClaimError(IDistributionPool(address(pool)), epoch, account, claimed, reason);
            } else if (minimum > 0 && _H.rotHolder() != r) {
                _expect(
                    reason,
                    abi.encodeWithSelector(IDistributionPool.StakeBelowMinimum.selector, account, 0, minimum),
                    "rotating claim"
                );
            } else {
                _expectClaimError(IDistributionPool(address(pool)), epoch, account, claimed, reason);
            }
        }
    }

    function _claimed(address pool, uint256 epoch, uint256 amount) internal {
        ghostClaimed[pool][epoch] += amount;
        ghostClaimedTotal += amount;
        ++claims;
    }

    /// @dev The error a refused claim must carry, from the state before it.
    function _expectClaimError(
        IDistributionPool pool,
        uint256 epoch,
        address account,
        bool claimed,
        bytes memory reason
    ) internal view {
        IDistributionPool.Ledger memory book = pool.ledger(epoch);
        if (book.expiresAt == 0) {
            _expect(reason, abi.encodeWithSelector(IDistributionPool.EpochNotFunded.selector, epoch), "claim");
        } else if (block.timestamp >= book.expiresAt) {
            _expect(
                reason,
                abi.encodeWithSelector(IDistributionPool.ClaimWindowOver.selector, epoch, book.expiresAt),
                "claim"
            );
        } else if (claimed) {
            _expect(reason, abi.encodeWithSelector(IDistributionPool.AlreadyClaimed.selector, epoch, account), "claim");
        } else {
            _expect(reason, abi.encodeWithSelector(IDistributionPool.NothingToClaim.selector, epoch, account), "claim");
        }
    }
}
