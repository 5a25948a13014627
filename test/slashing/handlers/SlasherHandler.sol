// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IProviderStaking} from "../../../contracts/interfaces/IProviderStaking.sol";
import {IReputationStake} from "../../../contracts/interfaces/IReputationStake.sol";
import {ISlasher} from "../../../contracts/interfaces/ISlasher.sol";
import {ProviderStaking} from "../../../contracts/staking/ProviderStaking.sol";
import {Slasher} from "../../../contracts/slashing/Slasher.sol";
import {ProtocolToken} from "../../../contracts/token/ProtocolToken.sol";
import {Test} from "../../utils/Test.sol";

/// @notice Drives the slasher through random slashes (both entry points, every class, fresh and reused evidence)
/// mixed with delegations, unbonding, withdrawals, reputation stake, ban lifts and time. A ghost model of the cap
/// windows predicts every applied percent; each slash checks on the spot that the stake it reached fell by exactly
/// what was burned.
contract SlasherHandler is Test {
    uint256 internal constant CLASS_COUNT = 3;

    ProviderStaking public immutable staking;
    Slasher public immutable slasher;
    ProtocolToken public immutable token;
    IReputationStake public immutable reputation;
    address public immutable minter;
    address public immutable court;
    address public immutable emergency;
    address public immutable governor;

    address[] public providers;
    address[] public delegators;

    /// @dev Ghost model of each provider's cap window per class.
    struct GhostWindow {
        uint256 start;
        uint256 slashedBps;
        uint256 capAtLastApplied;
    }

    mapping(address provider => GhostWindow[CLASS_COUNT]) internal _ghostWindows;
    mapping(bytes32 evidenceId => uint256) public ghostSlashesWith;
    bytes32[] public usedEvidence;
    uint256 public ghostMinted;
    uint256 public ghostBurned;
    uint256 public ghostConservationBreaks;
    uint256 internal _nonce;
    mapping(bytes32 action => uint256) public calls;

    constructor(
        ProviderStaking staking_,
        Slasher slasher_,
        ProtocolToken token_,
        address[4] memory roles,
        address[] memory providers_,
        address[] memory delegators_
    ) {
        staking = staking_;
        slasher = slasher_;
        token = token_;
        reputation = IReputationStake(staking_.reputation());
        (minter, court, emergency, governor) = (roles[0], roles[1], roles[2], roles[3]);
        providers = providers_;
        delegators = delegators_;
        // Everything minted before the handler: the ghost supply starts from it.
        ghostMinted = token_.totalSupply();
    }

    function providerCount() external view returns (uint256) {
        return providers.length;
    }

    function usedEvidenceCount() external view returns (uint256) {
        return usedEvidence.length;
    }

    function ghostWindow(address provider, uint256 class) external view returns (GhostWindow memory) {
        return _ghostWindows[provider][class];
    }

    // ------------------------------------------------------------------ helpers

    function _fund(address account, address spender, uint256 amount) internal {
        vm.prank(minter);
        token.mint(account, amount);
        ghostMinted += amount;
        vm.prank(account);
        token.approve(spender, amount);
    }

    function _is(bytes memory reason, bytes memory candidate) internal pure returns (bool) {
        return keccak256(reason) == keccak256(candidate);
    }

    /// @dev Active, unbonding and reputation stake of a provider.
    function _stakeWith(address p) internal view returns (uint256) {
        IProviderStaking.ProviderView memory info = staking.providerInfo(p);
        IReputationStake.ReputationAccount memory acc = reputation.accountOf(p);
        return info.selfStake + info.delegatedStake + info.unbondingStake + acc.stake + acc.pending;
    }

    // ------------------------------------------------------------------ slashes

    /// @dev One slash attempt and what the ghost model expects of it.
    struct Attempt {
        address provider;
        ISlasher.Infraction infraction;
        uint256 bps;
        bytes32 evidenceId;
        bool reuse;
        bool expired;
        uint256 slashed;
        uint256 cap;
        uint256 expected;
        uint256 supply;
        uint256 before;
    }

    function slash(
        uint256 pSeed,
        uint256 classSeed,
        uint256 bpsSeed,
        uint256 evidenceSeed,
        bool useEmergency
    ) external {
        Attempt memory a = _attempt(pSeed, classSeed, bpsSeed, evidenceSeed);
        (bool ok, ISlasher.SlashResult memory r, bytes memory reason) = _trySlash(useEmergency, a);
        if (!ok) {
            assertTrue(
                a.reuse && _is(reason, abi.encodeWithSelector(ISlasher.EvidenceAlreadyUsed.selector, a.evidenceId)),
                "slash: unexpected error"
            );
            calls["slashRefusedReuse"]++;
            return;
        }
        assertFalse(a.reuse, "a used evidence slashed again");
        assertEq(r.appliedBps, a.expected, "applied percent matches the model");
        uint256 burned = a.supply - token.totalSupply();
        assertEq(burned, r.fromActive + r.fromUnbonding + r.fromReputation, "burned what it took");
        if (a.before != _stakeWith(a.provider) + burned) ++ghostConservationBreaks;
        ghostBurned += burned;
        GhostWindow storage w = _ghostWindows[a.provider][uint256(a.infraction)];
        if (a.expired) w.start = block.timestamp;
        w.slashedBps = a.slashed + r.appliedBps;
        if (r.appliedBps != 0) w.capAtLastApplied = a.cap;
        ghostSlashesWith[a.evidenceId] += 1;
        usedEvidence.push(a.evidenceId);
        if (a.infraction == ISlasher.Infraction.Severe) assertTrue(staking.isBanned(a.provider), "severe bans");
        calls["slash"]++;
    }

    /// @dev Picks the provider, class, percent and evidence (one time in four a used one), and predicts the percent
    /// that must apply from the ghost window: min(requested, min(class max, tier max) - total so far).
    function _attempt(
        uint256 pSeed,
        uint256 classSeed,
        uint256 bpsSeed,
        uint256 evidenceSeed
    ) internal returns (Attempt memory a) {
        a.provider = providers[pSeed % providers.length];
        a.infraction = ISlasher.Infraction(classSeed % CLASS_COUNT);
        ISlasher.ClassRange memory range = slasher.classRange(a.infraction);
        a.bps = bound(bpsSeed, range.minBps, range.maxBps);
        a.reuse = usedEvidence.length != 0 && evidenceSeed % 4 == 0;
        a.evidenceId =
            a.reuse ? usedEvidence[evidenceSeed % usedEvidence.length] : keccak256(abi.encode("evidence", ++_nonce));
        GhostWindow storage w = _ghostWindows[a.provider][uint256(a.infraction)];
        a.expired = block.timestamp >= w.start + slasher.parameter(keccak256("slashing.capWindow"));
        a.slashed = a.expired ? 0 : w.slashedBps;
        a.cap = range.maxBps;
        uint256 tierCap = staking.tierOf(a.provider).maxSlashBps;
        if (tierCap < a.cap) a.cap = tierCap;
        a.expected = a.cap > a.slashed ? a.cap - a.slashed : 0;
        if (a.bps < a.expected) a.expected = a.bps;
        a.supply = token.totalSupply();
        a.before = _stakeWith(a.provider);
    }

    /// @dev Calls the court's or the emergency entry point and returns its result or its revert data.
    function _trySlash(
        bool useEmergency,
        Attempt memory a
    ) internal returns (bool ok, ISlasher.SlashResult memory r, bytes memory reason) {
        vm.prank(useEmergency ? emergency : court);
        if (useEmergency) {
            try slasher.emergencySlash(a.provider, a.infraction, a.bps, a.evidenceId) returns (
                ISlasher.SlashResult memory res
            ) {
                return (true, res, "");
            } catch (bytes memory err) {
                return (false, r, err);
            }
        }
        try slasher.slash(a.provider, a.infraction, a.bps, a.evidenceId) returns (ISlasher.SlashResult memory res) {
            return (true, res, "");
        } catch (bytes memory err) {
            return (false, r, err);
        }
    }

    function liftBan(uint256 pSeed) external {
        address p = providers[pSeed % providers.length];
        if (!staking.isBanned(p)) return;
        vm.prank(governor);
        slasher.liftBan(p);
        calls["liftBan"]++;
    }

    // ------------------------------------------------------------------ staking activity

    function delegate(uint256 dSeed, uint256 pSeed, uint256 amount) external {
        address d = delegators[dSeed % delegators.length];
        address p = providers[pSeed % providers.length];
        amount = bound(amount, 1 ether, 500_000 ether);
        _fund(d, address(staking), amount);
        IProviderStaking.PositionView memory pos = staking.positionOf(d);
        vm.prank(d);
        try staking.delegate(p, amount) {
            calls["delegate"]++;
        } catch (bytes memory reason) {
            assertTrue(
                _is(reason, abi.encodeWithSelector(IProviderStaking.ProviderInactive.selector, p)) ||
                    _is(reason, abi.encodeWithSelector(IProviderStaking.ProviderBanned.selector, p)) ||
                    _is(
                        reason,
                        abi.encodeWithSelector(IProviderStaking.StakedWithOtherProvider.selector, d, pos.provider)
                    ) ||
                    _is(reason, abi.encodeWithSelector(IProviderStaking.AmountTooSmall.selector, amount)),
                "delegate: unexpected error"
            );
        }
    }

    function unbond(uint256 seed, uint256 amount) external {
        address a = seed % 2 == 0 ? providers[seed % providers.length] : delegators[seed % delegators.length];
        uint256 available = staking.positionOf(a).stake;
        if (available == 0) return;
        amount = bound(amount, 1, available);
        vm.prank(a);
        try staking.unbond(amount) {
            calls["unbond"]++;
        } catch (bytes memory reason) {
            assertTrue(
                _is(reason, abi.encodeWithSelector(IProviderStaking.UnbondingQueueFull.selector, a, 8)) ||
                    _is(reason, abi.encodeWithSelector(IProviderStaking.AmountTooSmall.selector, amount)),
                "unbond: unexpected error"
            );
        }
    }

    function withdraw(uint256 seed, uint256 index) external {
        address a = seed % 2 == 0 ? providers[seed % providers.length] : delegators[seed % delegators.length];
        index = bound(index, 0, 7);
        try staking.unbondingRequest(a, index) returns (IProviderStaking.UnbondingView memory r) {
            if (block.timestamp < r.unlockAt) return;
            vm.prank(a);
            staking.withdraw(index);
            calls["withdraw"]++;
        } catch {}
    }

    function addReputation(uint256 pSeed, uint256 amount) external {
        address p = providers[pSeed % providers.length];
        amount = bound(amount, 1 ether, 100_000 ether);
        _fund(p, address(reputation), amount);
        vm.prank(p);
        reputation.addStake(amount);
        calls["addReputation"]++;
    }

    function warp(uint256 secondsAhead) external {
        vm.warp(block.timestamp + bound(secondsAhead, 1, 10 days));
        calls["warp"]++;
    }
}
