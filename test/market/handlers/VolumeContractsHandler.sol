// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IFeeRouter} from "../../../contracts/interfaces/IFeeRouter.sol";
import {IProviderStaking} from "../../../contracts/interfaces/IProviderStaking.sol";
import {IVolumeContracts} from "../../../contracts/interfaces/IVolumeContracts.sol";
import {VolumeContracts} from "../../../contracts/market/VolumeContracts.sol";
import {ProtocolToken} from "../../../contracts/token/ProtocolToken.sol";
import {Test} from "../../utils/Test.sol";

/// @notice Drives the volume contracts: three consumers (the third also a provider: the self-dealing account) propose
/// contracts to three providers at random sizes, rates, terms and penalties, cancel some; providers accept, settle
/// consumer-signed vouchers, close at the term end; anyone closes after the grace; consumers exit when their provider
/// is banned; the slasher bans and unbans; consumers pay session storage; anyone routes the fees; time moves in steps
/// of up to five days. Every call is guarded so it never reverts.
/// Ghosts, worked from the terms (not read from the contract): what each consumer owes for what it signed and agreed
/// (usage at `ceil(tokens x rate / 1,000)`, penalties, storage fees), what each provider was owed (its part: the fee
/// less the protocol's share rounded up), the protocol fees accrued in all.
contract VolumeContractsHandler is Test {
    uint256 internal constant BPS = 10_000;

    VolumeContracts internal immutable _VOLUME;
    ProtocolToken internal immutable _TOKEN;
    IProviderStaking internal immutable _STAKING;
    IFeeRouter internal immutable _ROUTER;
    address internal immutable _MINTER;
    address internal immutable _SLASHER;

    address[3] internal _consumers;
    uint256[3] internal _keys;
    address[3] internal _providers;

    mapping(address consumer => uint256) public owed;
    mapping(address provider => uint256) public earned;
    mapping(address account => uint256) public minted;
    uint256 public feesAccrued;
    uint256 public feesRouted;
    uint256 public proposed;

    constructor(
        VolumeContracts volume,
        ProtocolToken token,
        IProviderStaking staking,
        IFeeRouter router,
        address minter,
        address slasher,
        address[3] memory consumers,
        uint256[3] memory keys,
        address[3] memory providers
    ) {
        _VOLUME = volume;
        _TOKEN = token;
        _STAKING = staking;
        _ROUTER = router;
        _MINTER = minter;
        _SLASHER = slasher;
        _consumers = consumers;
        _keys = keys;
        _providers = providers;
    }

    function consumer(uint256 i) external view returns (address) {
        return _consumers[i];
    }

    function provider(uint256 i) external view returns (address) {
        return _providers[i];
    }

    // ------------------------------------------------------------------ contracts

    function propose(
        uint256 consumerSeed,
        uint256 providerSeed,
        uint256 tokens,
        uint256 rate,
        uint256 termIn,
        uint256 penaltyBps
    ) external {
        address c = _consumers[consumerSeed % 3];
        address p = _providers[providerSeed % 3];
        tokens = bound(tokens, 1, 2_000_000);
        rate = bound(rate, 1, 5 ether);
        termIn = bound(termIn, 1, 60 days);
        penaltyBps = bound(penaltyBps, 0, BPS);
        uint256 escrow = _cost(tokens, rate);
        _mint(c, escrow);
        vm.startPrank(c);
        _TOKEN.approve(address(_VOLUME), escrow);
        _VOLUME.propose(p, keccak256("model.small"), rate, tokens, block.timestamp + termIn, penaltyBps);
        vm.stopPrank();
        ++proposed;
    }

    function cancel(uint256 idSeed) external {
        (uint256 id, IVolumeContracts.Commitment memory m) = _pick(idSeed);
        if (m.status != IVolumeContracts.Status.Proposed) return;
        vm.prank(m.consumer);
        _VOLUME.cancel(id);
    }

    function accept(uint256 idSeed) external {
        (uint256 id, IVolumeContracts.Commitment memory m) = _pick(idSeed);
        if (m.status != IVolumeContracts.Status.Proposed || block.timestamp >= m.termEnd) return;
        if (!_STAKING.isActive(m.provider)) return;
        vm.prank(m.provider);
        _VOLUME.accept(id);
    }

    function settle(uint256 idSeed, uint256 tokens) external {
        (uint256 id, IVolumeContracts.Commitment memory m) = _pick(idSeed);
        if (m.status != IVolumeContracts.Status.Active || m.settledTokens == m.committedTokens) return;
        if (!_STAKING.isActive(m.provider)) return;
        uint256 cumulative = bound(tokens, uint256(m.settledTokens) + 1, m.committedTokens);
        IVolumeContracts.Usage memory u = IVolumeContracts.Usage({commitmentId: id, cumulativeTokens: cumulative});
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(_keyOf(m.consumer), _VOLUME.hashUsage(u));
        vm.prank(m.provider);
        _VOLUME.settle(u, abi.encodePacked(r, s, v));
        _paid(m.consumer, m.provider, _cost(cumulative, m.ratePer1k) - _cost(m.settledTokens, m.ratePer1k));
    }

    function close(uint256 idSeed, bool byProvider) external {
        (uint256 id, IVolumeContracts.Commitment memory m) = _pick(idSeed);
        if (m.status != IVolumeContracts.Status.Active) return;
        if (block.timestamp < m.termEnd + (byProvider ? 0 : 1 days)) return;
        bool active = _STAKING.isActive(m.provider);
        vm.prank(byProvider ? m.provider : address(this));
        _VOLUME.close(id);
        if (active) {
            uint256 unused = _cost(m.committedTokens, m.ratePer1k) - _cost(m.settledTokens, m.ratePer1k);
            // The penalty is pro rata of the term bound: from the proposal if accepted within an hour of it, else from
            // the acceptance; rounded up.
            uint256 from = m.acceptedAt - m.proposedAt <= 1 hours ? m.proposedAt : m.acceptedAt;
            uint256 num = unused * m.penaltyBps * (m.termEnd - from);
            uint256 den = BPS * (m.termEnd - m.proposedAt);
            _paid(m.consumer, m.provider, (num + den - 1) / den);
        }
    }

    function exit(uint256 idSeed) external {
        (uint256 id, IVolumeContracts.Commitment memory m) = _pick(idSeed);
        if (m.status != IVolumeContracts.Status.Active || _STAKING.isActive(m.provider)) return;
        vm.prank(m.consumer);
        _VOLUME.exit(id);
    }

    function ban(uint256 providerSeed, bool banned) external {
        address p = _providers[providerSeed % 3];
        if (_STAKING.isBanned(p) == banned) return;
        vm.prank(_SLASHER);
        _STAKING.setBanned(p, banned);
    }

    // ------------------------------------------------------------------ sessions and fees

    function storeSession(uint256 consumerSeed, uint256 providerSeed, uint256 sessionSeed, uint256 periods) external {
        address c = _consumers[consumerSeed % 3];
        address p = _providers[providerSeed % 3];
        bytes32 sessionId = bytes32(sessionSeed % 3);
        if (!_STAKING.isActive(p)) return;
        IVolumeContracts.Session memory s = _VOLUME.session(c, sessionId);
        bool stored = s.paidUntil > block.timestamp;
        if (stored && s.provider != p) return;
        uint256 from = stored ? s.paidUntil : block.timestamp;
        uint256 room = (block.timestamp + 365 days - from) / 1 days;
        if (room == 0) return;
        periods = bound(periods, 1, room);
        uint256 fee = periods * 1 ether;
        _mint(c, fee);
        vm.startPrank(c);
        _TOKEN.approve(address(_VOLUME), fee);
        _VOLUME.storeSession(sessionId, p, periods);
        vm.stopPrank();
        _paid(c, p, fee);
    }

    function routeFees() external {
        (, uint256 pending) = _VOLUME.totals();
        if (pending == 0) return;
        feesRouted += _VOLUME.routeFees();
    }

    function warp(uint256 by) external {
        vm.warp(block.timestamp + bound(by, 1, 5 days));
    }

    // ------------------------------------------------------------------ internals

    /// @dev A consumer paid `fee` to a provider through the split: the protocol's share rounded up, the rest to it.
    function _paid(address c, address p, uint256 fee) internal {
        uint256 toProtocol = (fee * _ROUTER.protocolBps() + BPS - 1) / BPS;
        owed[c] += fee;
        earned[p] += fee - toProtocol;
        feesAccrued += toProtocol;
    }

    function _pick(uint256 seed) internal view returns (uint256 id, IVolumeContracts.Commitment memory m) {
        uint256 count = _VOLUME.commitmentCount();
        if (count == 0) return (0, m);
        id = 1 + (seed % count);
        m = _VOLUME.commitment(id);
    }

    function _keyOf(address c) internal view returns (uint256) {
        for (uint256 i; i < 3; ++i) if (_consumers[i] == c) return _keys[i];
        revert("unknown consumer");
    }

    function _cost(uint256 tokens, uint256 rate) internal pure returns (uint256) {
        return (tokens * rate + 999) / 1000;
    }

    function _mint(address to, uint256 amount) internal {
        minted[to] += amount;
        vm.prank(_MINTER);
        _TOKEN.mint(to, amount);
    }
}
