// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IDeveloperPrograms} from "../../../contracts/interfaces/IDeveloperPrograms.sol";
import {IIncentivePools} from "../../../contracts/interfaces/IIncentivePools.sol";
import {MarketKeys} from "../../../contracts/libraries/MarketKeys.sol";
import {DeveloperPrograms} from "../../../contracts/market/DeveloperPrograms.sol";
import {IncentivePools} from "../../../contracts/market/IncentivePools.sol";
import {ProtocolToken} from "../../../contracts/token/ProtocolToken.sol";
import {Test} from "../../utils/Test.sol";

/// @notice Drives the consumer and developer programs with one self-dealing party split into Sybil identities: it is
/// the developer of every app and every buyer of them, and each of its identities pays in the market (reported as the
/// market does). Governed numbers move within their preset bounds; grants, bounties and funding arrive at random.
/// Ghosts: what the party paid and received, what each program was funded with and paid.
contract DeveloperProgramsHandler is Test {
    uint256 internal constant SYBILS = 8;

    IncentivePools internal immutable _POOLS;
    DeveloperPrograms internal immutable _PROGRAMS;
    ProtocolToken internal immutable _TOKEN;
    address internal immutable _MARKET;
    address internal immutable _MINTER;
    address internal immutable _REGISTRY;
    address internal immutable _GOVERNOR;
    address internal immutable _CURATOR;

    address[SYBILS] internal _sybils;
    uint256 internal _apps;
    uint256 internal _grants;
    uint256 internal _bounties;

    /// @dev The party's spending on its own apps and what came back from them.
    uint256 public appsPaid;
    uint256 public appsReceived;
    /// @dev The party's market payments from deposits (over all identities).
    uint256 public marketPaid;
    /// @dev Bounty rewards held: posted and not yet paid or cancelled.
    uint256 public bountiesHeld;
    /// @dev Rewards paid to bounty workers.
    uint256 public bountiesPaid;

    constructor(
        IncentivePools pools,
        DeveloperPrograms programs,
        ProtocolToken token,
        address market,
        address[4] memory roles // minter, registry, governor, curator
    ) {
        _POOLS = pools;
        _PROGRAMS = programs;
        _TOKEN = token;
        _MARKET = market;
        (_MINTER, _REGISTRY, _GOVERNOR, _CURATOR) = (roles[0], roles[1], roles[2], roles[3]);
        for (uint256 i; i < SYBILS; ++i) _sybils[i] = address(uint160(0xA11CE000 + i));
    }

    function sybil(uint256 i) external view returns (address) {
        return _sybils[i];
    }

    function sybilCount() external pure returns (uint256) {
        return SYBILS;
    }

    function _mintTo(address to, uint256 amount) internal {
        vm.prank(_MINTER);
        _TOKEN.mint(to, amount);
    }

    // ------------------------------------------------------------------ early adopters

    function fundEarly(uint256 amount) external {
        amount = bound(amount, 1, 50_000 ether);
        _mintTo(address(this), amount);
        _TOKEN.approve(address(_POOLS), amount);
        _POOLS.fund(IIncentivePools.Pool.EarlyAdopter, amount);
    }

    /// @dev One identity pays `paid` from deposits in the market (reported as the market reports a settlement).
    function pay(uint256 who, uint256 paid) external {
        address consumer = _sybils[bound(who, 0, SYBILS - 1)];
        paid = bound(paid, 0, 30_000 ether);
        marketPaid += paid;
        vm.prank(_MARKET);
        _POOLS.onSettlement(consumer, address(0xBEEF), paid, 0, false);
    }

    function setEarlyBps(uint256 value) external {
        vm.prank(_REGISTRY);
        _POOLS.setParameter(MarketKeys.EARLY_ADOPTER_BPS, bound(value, 0, 1_000));
    }

    function setEarlyCap(uint256 value) external {
        vm.prank(_REGISTRY);
        _POOLS.setParameter(MarketKeys.EARLY_ADOPTER_CAP, bound(value, 0, 10_000 ether));
    }

    // ------------------------------------------------------------------ paid apps

    /// @dev The party lists an app from one identity and buys it from another (or the same).
    function buyOwnApp(uint256 seller, uint256 buyer, uint256 price) external {
        address dev = _sybils[bound(seller, 0, SYBILS - 1)];
        address payer = _sybils[bound(buyer, 0, SYBILS - 1)];
        price = bound(price, 1, 100_000 ether);
        vm.prank(dev);
        uint256 appId = _PROGRAMS.listApp(price);
        ++_apps;
        _mintTo(payer, price);
        vm.startPrank(payer);
        _TOKEN.approve(address(_PROGRAMS), price);
        (uint256 toDeveloper, ) = _PROGRAMS.buyApp(appId, price);
        vm.stopPrank();
        appsPaid += price;
        appsReceived += toDeveloper;
    }

    function setDeveloperBps(uint256 value) external {
        vm.prank(_REGISTRY);
        _PROGRAMS.setParameter(MarketKeys.APP_DEVELOPER_BPS, bound(value, 5_000, 8_000));
    }

    // ------------------------------------------------------------------ grants

    function fundGrants(uint256 amount) external {
        amount = bound(amount, 1, 100_000 ether);
        _mintTo(address(this), amount);
        _TOKEN.approve(address(_PROGRAMS), amount);
        _PROGRAMS.fundGrants(amount);
    }

    function createGrant(uint256 who, uint256 amount, uint256 duration) external {
        address recipient = _sybils[bound(who, 0, SYBILS - 1)];
        amount = bound(amount, 1, 120_000 ether);
        duration = bound(duration, 0, 400 days);
        vm.prank(_GOVERNOR);
        try _PROGRAMS.createGrant(recipient, amount, duration) {
            ++_grants;
        } catch (bytes memory reason) {
            bytes4 sel = bytes4(reason);
            assertTrue(
                sel == IDeveloperPrograms.GrantAboveCap.selector ||
                    sel == IDeveloperPrograms.InsufficientGrantBudget.selector,
                "a grant fails only above its cap or budget"
            );
        }
    }

    function claimGrant(uint256 id) external {
        if (_grants == 0) return;
        id = bound(id, 1, _grants);
        if (_PROGRAMS.claimableGrant(id) == 0) return;
        _PROGRAMS.claimGrant(id);
    }

    function cancelGrant(uint256 id) external {
        if (_grants == 0) return;
        id = bound(id, 1, _grants);
        IDeveloperPrograms.Grant memory g = _PROGRAMS.grant(id);
        if (g.amount == _PROGRAMS.claimableGrant(id) + g.claimed) return; // fully vested: nothing to cancel
        vm.prank(_GOVERNOR);
        _PROGRAMS.cancelGrant(id);
    }

    function toggleOpenSource(uint256 who, bool flag) external {
        address dev = _sybils[bound(who, 0, SYBILS - 1)];
        vm.prank(flag ? _CURATOR : _GOVERNOR);
        if (flag) _PROGRAMS.setOpenSource(dev);
        else _PROGRAMS.revokeOpenSource(dev);
    }

    // ------------------------------------------------------------------ bounties

    function postBounty(uint256 reward) external {
        reward = bound(reward, 1, 50_000 ether);
        _mintTo(address(this), reward);
        _TOKEN.approve(address(_PROGRAMS), reward);
        _PROGRAMS.postBounty(_CURATOR, reward);
        ++_bounties;
        bountiesHeld += reward;
    }

    function acceptBounty(uint256 id, uint256 who) external {
        if (_bounties == 0) return;
        id = bound(id, 1, _bounties);
        if (_PROGRAMS.bounty(id).status != 0) return;
        vm.prank(_CURATOR);
        try _PROGRAMS.acceptBounty(id, _sybils[bound(who, 0, SYBILS - 1)]) {} catch (bytes memory reason) {
            assertEq(bytes4(reason), IDeveloperPrograms.ApproverCapExceeded.selector, "only the period cap refuses");
        }
    }

    function claimBounty(uint256 id) external {
        if (_bounties == 0) return;
        id = bound(id, 1, _bounties);
        IDeveloperPrograms.Bounty memory b = _PROGRAMS.bounty(id);
        if (b.status != 1) return;
        _PROGRAMS.claimBounty(id);
        bountiesHeld -= b.reward;
        bountiesPaid += b.reward;
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 40 days));
    }
}
