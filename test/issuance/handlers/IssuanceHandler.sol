// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IIssuerRegistry} from "../../../contracts/interfaces/IIssuerRegistry.sol";
import {IIssuerToken} from "../../../contracts/interfaces/IIssuerToken.sol";
import {IIssuerTokenFactory} from "../../../contracts/interfaces/IIssuerTokenFactory.sol";
import {IssuerRegistry} from "../../../contracts/issuance/IssuerRegistry.sol";
import {IssuerToken} from "../../../contracts/issuance/IssuerToken.sol";
import {IssuerTokenFactory} from "../../../contracts/issuance/IssuerTokenFactory.sol";
import {ProtocolToken} from "../../../contracts/token/ProtocolToken.sol";
import {Test} from "../../utils/Test.sol";

/// @notice Drives issuers and holders through the whole platform (stake, unstake, withdraw, suspend, slash,
/// create, retire, mint, vouchers, transfers, redemptions, fees) and keeps a ghost model of what the system
/// must hold. Every call that may legitimately fail is tried; a failure must be the error the model predicts.
contract IssuanceHandler is Test {
    uint256 internal constant FEE = 1_000 ether;
    bytes32 internal constant VOUCHER_TYPEHASH = keccak256(
        "Voucher(address to,uint256 amount,uint256 id,uint256 deadline)"
    );
    bytes32 internal constant DOMAIN_TYPEHASH = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
    );

    ProtocolToken public immutable qut;
    IssuerRegistry public immutable registry;
    IssuerTokenFactory public immutable factory;
    address public immutable qutMinter;
    address public immutable governor;
    address public guardian;
    // The registry's constants, restated so a change to them fails here.
    uint256 internal constant WITHDRAWAL_WINDOW = 7 days;
    uint256 internal constant FREEZE_PERIOD = 30 days;

    address[] public issuers;
    uint256[] internal issuerKeys;
    address[] public holders;
    IssuerToken[] public tokens;

    // Ghost model.
    mapping(address issuer => uint256) public ghostStaked; // active + pending
    uint256 public ghostTotalStaked;
    uint256 public ghostSlashed;
    uint256 public ghostFees;
    mapping(address issuer => uint256) public ghostLiveTokens; // created and not retired
    mapping(address token => uint256) public ghostMinted;
    mapping(address token => uint256) public ghostBurned;
    mapping(address token => uint256) public ghostPending;
    mapping(address issuer => uint256) public ghostFrozenUntil; // the guardian's freeze, modelled independently
    mapping(address token => uint256) internal nextVoucherId;
    mapping(bytes32 kind => uint256) public calls;

    constructor(
        ProtocolToken qut_,
        IssuerRegistry registry_,
        IssuerTokenFactory factory_,
        address qutMinter_,
        address governor_,
        uint256[] memory issuerKeys_,
        address[] memory holders_
    ) {
        qut = qut_;
        registry = registry_;
        factory = factory_;
        qutMinter = qutMinter_;
        governor = governor_;
        issuerKeys = issuerKeys_;
        for (uint256 i; i < issuerKeys_.length; ++i) issuers.push(vm.addr(issuerKeys_[i]));
        holders = holders_;
    }

    /// @dev The guardian, set once by the test after deployment (the constructor is shared with other campaigns).
    function setGuardian(address guardian_) external {
        if (guardian == address(0)) guardian = guardian_;
    }

    function _frozen(address issuer) internal view returns (bool) {
        return block.timestamp < ghostFrozenUntil[issuer];
    }

    // ------------------------------------------------------------------ views for the invariants

    function issuerCount() external view returns (uint256) {
        return issuers.length;
    }

    function holderCount() external view returns (uint256) {
        return holders.length;
    }

    function tokenCount() external view returns (uint256) {
        return tokens.length;
    }

    // ------------------------------------------------------------------ helpers

    function _issuer(uint256 seed) internal view returns (address issuer, uint256 key) {
        uint256 i = seed % issuers.length;
        return (issuers[i], issuerKeys[i]);
    }

    function _holder(uint256 seed) internal view returns (address) {
        return holders[seed % holders.length];
    }

    function _token(uint256 seed) internal view returns (IssuerToken) {
        return tokens[seed % tokens.length];
    }

    /// @dev The first holder from `seed` on that holds `token` (the seed's own holder if none does).
    function _holderOf(IssuerToken token, uint256 seed) internal view returns (address) {
        uint256 start = seed % holders.length;
        for (uint256 i; i < holders.length; ++i) {
            address h = holders[(start + i) % holders.length];
            if (token.balanceOf(h) > 0) return h;
        }
        return _holder(seed);
    }

    function _giveQut(address to, uint256 amount) internal {
        vm.prank(qutMinter);
        qut.mint(to, amount);
    }

    function _expectError(bytes memory reason, bytes memory expected, string memory what) internal pure {
        assertEq(keccak256(reason), keccak256(expected), string.concat(what, ": unexpected error"));
    }

    /// @dev The error issuance must fail with, in the contract's order of checks (caller and amount are valid).
    function _issueError(IssuerToken token, uint256 amount) internal view returns (bytes memory) {
        if (token.retired()) return abi.encodeWithSelector(IIssuerToken.TokenIsRetired.selector);
        address issuer = token.issuer();
        IIssuerRegistry.IssuerStatus status = registry.statusOf(issuer);
        if (status != IIssuerRegistry.IssuerStatus.Verified) {
            return abi.encodeWithSelector(IIssuerRegistry.IssuerNotVerified.selector, issuer, status);
        }
        uint256 committed = token.totalSupply() + token.pendingRedemptions() + amount;
        return abi.encodeWithSelector(IIssuerToken.CapExceeded.selector, committed, token.cap());
    }

    // ------------------------------------------------------------------ registry

    function stake(uint256 issuerSeed, uint256 amount) external {
        (address issuer, ) = _issuer(issuerSeed);
        amount = bound(amount, 1, 120_000 ether);
        _giveQut(issuer, amount);
        vm.startPrank(issuer);
        qut.approve(address(registry), amount);
        registry.stake(amount);
        vm.stopPrank();
        ghostStaked[issuer] += amount;
        ghostTotalStaked += amount;
        calls["stake"]++;
    }

    function requestUnstake(uint256 issuerSeed, uint256 amount) external {
        (address issuer, ) = _issuer(issuerSeed);
        IIssuerRegistry.Issuer memory info = registry.issuerInfo(issuer);
        if (info.stake == 0) return;
        amount = bound(amount, 1, info.stake);
        vm.prank(issuer);
        try registry.requestUnstake(amount) {
            calls["requestUnstake"]++;
        } catch (bytes memory reason) {
            if (info.suspended || _frozen(issuer)) {
                _expectError(
                    reason,
                    abi.encodeWithSelector(IIssuerRegistry.IssuerIsSuspended.selector, issuer),
                    "unstake"
                );
            } else {
                uint256 slotsAfter = registry.slotsFor(info.stake - amount);
                _expectError(
                    reason,
                    abi.encodeWithSelector(IIssuerRegistry.SlotsInUse.selector, info.slotsUsed, slotsAfter),
                    "unstake"
                );
                assertLt(slotsAfter, info.slotsUsed, "unstake refused although the slots stay covered");
            }
        }
    }

    function cancelUnstake(uint256 issuerSeed) external {
        (address issuer, ) = _issuer(issuerSeed);
        if (registry.issuerInfo(issuer).pendingUnstake == 0) return;
        vm.prank(issuer);
        registry.cancelUnstake();
    }

    function withdraw(uint256 issuerSeed) external {
        (address issuer, ) = _issuer(issuerSeed);
        IIssuerRegistry.Issuer memory info = registry.issuerInfo(issuer);
        if (info.pendingUnstake == 0) return;
        bool blocked = info.suspended || _frozen(issuer);
        uint256 lapsedAt = info.unstakeReadyAt + WITHDRAWAL_WINDOW;
        vm.prank(issuer);
        try registry.withdraw() returns (uint256 paid) {
            // Nothing leaves while suspended or frozen, nor outside the window after the notice.
            assertTrue(!blocked && block.timestamp >= info.unstakeReadyAt && block.timestamp < lapsedAt, "escape");
            assertEq(paid, info.pendingUnstake, "withdraw pays the pending amount");
            ghostStaked[issuer] -= paid;
            ghostTotalStaked -= paid;
            calls["withdraw"]++;
        } catch (bytes memory reason) {
            _expectError(
                reason,
                blocked
                    ? abi.encodeWithSelector(IIssuerRegistry.IssuerIsSuspended.selector, issuer)
                    : block.timestamp < info.unstakeReadyAt
                        ? abi.encodeWithSelector(
                            IIssuerRegistry.NoticePeriodNotOver.selector,
                            info.unstakeReadyAt,
                            block.timestamp
                        )
                        : abi.encodeWithSelector(
                            IIssuerRegistry.WithdrawalWindowLapsed.selector,
                            lapsedAt,
                            block.timestamp
                        ),
                "withdraw"
            );
        }
    }

    /// @dev The guardian freezes an issuer: accepted once the cooldown after its last freeze has passed, refused
    /// with `FreezeCoolingDown` before.
    function freeze(uint256 issuerSeed) external {
        (address issuer, ) = _issuer(issuerSeed);
        uint256 availableAt = ghostFrozenUntil[issuer] + FREEZE_PERIOD;
        vm.prank(guardian);
        try registry.freeze(issuer, bytes32("invariant")) {
            assertGe(block.timestamp, availableAt, "frozen within the cooldown");
            ghostFrozenUntil[issuer] = block.timestamp + FREEZE_PERIOD;
        } catch (bytes memory reason) {
            _expectError(
                reason,
                abi.encodeWithSelector(IIssuerRegistry.FreezeCoolingDown.selector, issuer, availableAt),
                "freeze"
            );
        }
    }

    function toggleSuspension(uint256 issuerSeed) external {
        (address issuer, ) = _issuer(issuerSeed);
        bool suspended = registry.issuerInfo(issuer).suspended;
        vm.prank(governor);
        if (suspended || _frozen(issuer)) {
            registry.reinstate(issuer);
            // Lifting a freeze ends it now; the guardian's cooldown runs from here.
            if (_frozen(issuer)) ghostFrozenUntil[issuer] = block.timestamp;
        } else {
            registry.suspend(issuer, bytes32("invariant"));
        }
    }

    function slash(uint256 issuerSeed, uint256 amount) external {
        (address issuer, ) = _issuer(issuerSeed);
        uint256 slashable = ghostStaked[issuer];
        if (slashable == 0) return;
        amount = bound(amount, 1, slashable);
        vm.prank(governor);
        registry.slash(issuer, amount, bytes32("invariant"));
        ghostStaked[issuer] -= amount;
        ghostTotalStaked -= amount;
        ghostSlashed += amount;
        calls["slash"]++;
    }

    function payServiceFee(uint256 issuerSeed, uint256 amount) external {
        (address issuer, ) = _issuer(issuerSeed);
        amount = bound(amount, 1, 500 ether);
        _giveQut(issuer, amount);
        vm.startPrank(issuer);
        qut.approve(address(registry), amount);
        registry.payServiceFee(bytes32("api"), amount);
        vm.stopPrank();
        ghostFees += amount;
    }

    function warp(uint256 secondsAhead) external {
        vm.warp(block.timestamp + bound(secondsAhead, 1, 20 days));
    }

    /// @dev A holder (or anyone) reclaims a redemption left pending past the deadline; before it, the call must fail
    /// with `RedemptionNotExpired`.
    function reclaim(uint256 tokenSeed, uint256 idSeed) external {
        if (tokens.length == 0) return;
        IssuerToken token = _token(tokenSeed);
        uint256 count = token.redemptionCount();
        if (count == 0) return;
        uint256 id = bound(idSeed, 1, count);
        IIssuerToken.Redemption memory r = token.redemption(id);
        if (r.status != IIssuerToken.RedemptionStatus.Pending) return;
        uint256 expiresAt = uint256(r.redeemedAt) + token.REDEMPTION_DEADLINE();
        uint256 before = token.balanceOf(r.holder);
        try token.reclaim(id) {
            assertGe(block.timestamp, expiresAt, "reclaimed only after the deadline");
            assertEq(token.balanceOf(r.holder), before + r.amount, "the holder is made whole");
            ghostMinted[address(token)] += r.amount;
            ghostPending[address(token)] -= r.amount;
            calls["reclaim"]++;
        } catch (bytes memory reason) {
            _expectError(
                reason,
                abi.encodeWithSelector(IIssuerToken.RedemptionNotExpired.selector, id, expiresAt, block.timestamp),
                "reclaim"
            );
        }
    }

    /// @dev An issuer that sees a slash coming tries to leave with its stake: retire every token it can, ask its
    /// whole stake out, and withdraw. Whatever succeeds, the invariants check that no retired token leaves a holder
    /// behind and that stake behind live tokens stays (`invariant_noEscape`).
    function escape(uint256 issuerSeed) external {
        (address issuer, ) = _issuer(issuerSeed);
        for (uint256 i; i < tokens.length; ++i) {
            IssuerToken token = tokens[i];
            if (token.issuer() != issuer || token.retired()) continue;
            vm.prank(issuer);
            try factory.retireToken(address(token)) {
                assertEq(token.totalSupply(), 0, "retired with supply outstanding");
                ghostLiveTokens[issuer]--;
            } catch {} // solhint-disable-line no-empty-blocks
        }
        uint256 active = registry.issuerInfo(issuer).stake;
        if (active != 0) {
            vm.prank(issuer);
            try registry.requestUnstake(active) {} catch {} // solhint-disable-line no-empty-blocks
        }
        calls["escape"]++;
    }

    // ------------------------------------------------------------------ factory

    function createToken(uint256 issuerSeed, uint256 cap) external {
        (address issuer, ) = _issuer(issuerSeed);
        cap = bound(cap, 1, 1_000_000 ether);
        IIssuerRegistry.Issuer memory info = registry.issuerInfo(issuer);
        IIssuerRegistry.IssuerStatus status = registry.statusOf(issuer);
        uint256 capacity = registry.slotCapacity(issuer);
        _giveQut(issuer, FEE);
        vm.startPrank(issuer);
        qut.approve(address(registry), FEE);
        IIssuerToken.TokenConfig memory config = IIssuerToken.TokenConfig({
            name: "Handler Token",
            symbol: "HT",
            cap: cap,
            termsURI: "ipfs://terms",
            termsHash: keccak256("terms"),
            minter: address(0)
        });
        try factory.createToken(config) returns (address token) {
            tokens.push(IssuerToken(token));
            ghostLiveTokens[issuer]++;
            ghostFees += FEE;
            calls["createToken"]++;
        } catch (bytes memory reason) {
            if (status != IIssuerRegistry.IssuerStatus.Verified) {
                _expectError(
                    reason,
                    abi.encodeWithSelector(IIssuerRegistry.IssuerNotVerified.selector, issuer, status),
                    "create"
                );
            } else {
                _expectError(
                    reason,
                    abi.encodeWithSelector(IIssuerRegistry.NoFreeSlot.selector, issuer, info.slotsUsed, capacity),
                    "create"
                );
            }
            qut.approve(address(registry), 0);
        }
        vm.stopPrank();
    }

    function retireToken(uint256 tokenSeed) external {
        if (tokens.length == 0) return;
        IssuerToken token = _token(tokenSeed);
        address issuer = token.issuer();
        bool wasRetired = token.retired();
        uint256 pending = token.pendingRedemptions();
        uint256 supply = token.totalSupply();
        vm.prank(issuer);
        try factory.retireToken(address(token)) {
            ghostLiveTokens[issuer]--;
            calls["retireToken"]++;
        } catch (bytes memory reason) {
            if (wasRetired) {
                _expectError(
                    reason,
                    abi.encodeWithSelector(IIssuerTokenFactory.TokenAlreadyRetired.selector, address(token)),
                    "retire"
                );
            } else if (supply != 0) {
                _expectError(reason, abi.encodeWithSelector(IIssuerToken.SupplyOutstanding.selector, supply), "retire");
            } else {
                _expectError(
                    reason,
                    abi.encodeWithSelector(IIssuerToken.RedemptionsPending.selector, pending),
                    "retire"
                );
            }
        }
    }

    // ------------------------------------------------------------------ issuer tokens

    function mint(uint256 tokenSeed, uint256 holderSeed, uint256 amount) external {
        if (tokens.length == 0) return;
        IssuerToken token = _token(tokenSeed);
        amount = bound(amount, 1, token.cap());
        bytes memory expected = _issueError(token, amount);
        uint256 room = token.cap() - token.totalSupply() - token.pendingRedemptions();
        vm.prank(token.issuer());
        try token.mint(_holder(holderSeed), amount) {
            ghostMinted[address(token)] += amount;
            calls["mint"]++;
        } catch (bytes memory reason) {
            _expectError(reason, expected, "mint");
            if (bytes4(expected) == IIssuerToken.CapExceeded.selector) assertGt(amount, room, "refused below the cap");
        }
    }

    function claimVoucher(uint256 tokenSeed, uint256 holderSeed, uint256 amount) external {
        if (tokens.length == 0) return;
        IssuerToken token = _token(tokenSeed);
        amount = bound(amount, 1, token.cap());
        address to = _holder(holderSeed);
        uint256 id = nextVoucherId[address(token)]++;
        uint256 deadline = block.timestamp + 1 days;
        bytes memory sig = _sign(token, to, amount, id, deadline);
        bytes memory expected = _issueError(token, amount);
        try token.claimVoucher(to, amount, id, deadline, sig) {
            ghostMinted[address(token)] += amount;
            calls["claimVoucher"]++;
            // A replay always fails, whatever else holds.
            try token.claimVoucher(to, amount, id, deadline, sig) {
                assertTrue(false, "voucher replayed");
            } catch (bytes memory reason) {
                _expectError(reason, abi.encodeWithSelector(IIssuerToken.VoucherAlreadyUsed.selector, id), "replay");
            }
        } catch (bytes memory reason) {
            _expectError(reason, expected, "voucher");
        }
    }

    function transfer(uint256 tokenSeed, uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        if (tokens.length == 0) return;
        IssuerToken token = _token(tokenSeed);
        address from = _holderOf(token, fromSeed);
        amount = bound(amount, 0, token.balanceOf(from));
        vm.prank(from);
        assertTrue(token.transfer(_holder(toSeed), amount), "transfer returned false");
    }

    function redeem(uint256 tokenSeed, uint256 holderSeed, uint256 amount) external {
        if (tokens.length == 0) return;
        IssuerToken token = _token(tokenSeed);
        address holder = _holderOf(token, holderSeed);
        uint256 balance = token.balanceOf(holder);
        if (balance == 0) return;
        amount = bound(amount, 1, balance);
        bool wasRetired = token.retired();
        vm.prank(holder);
        try token.redeem(amount, bytes32("invariant")) {
            ghostBurned[address(token)] += amount;
            ghostPending[address(token)] += amount;
            calls["redeem"]++;
        } catch (bytes memory reason) {
            _expectError(reason, abi.encodeWithSelector(IIssuerToken.TokenIsRetired.selector), "redeem");
            assertTrue(wasRetired, "redeem refused on a live token");
        }
    }

    function settleRedemption(uint256 tokenSeed, uint256 idSeed, bool fulfilIt) external {
        if (tokens.length == 0) return;
        IssuerToken token = _token(tokenSeed);
        uint256 count = token.redemptionCount();
        if (count == 0) return;
        // The first pending redemption from the seed's id on, looking at most at the 8 next ids.
        uint256 id = bound(idSeed, 1, count);
        IIssuerToken.Redemption memory r = token.redemption(id);
        for (uint256 i; i < 8 && r.status != IIssuerToken.RedemptionStatus.Pending; ++i) {
            id = id == count ? 1 : id + 1;
            r = token.redemption(id);
        }
        if (r.status != IIssuerToken.RedemptionStatus.Pending) return;
        vm.prank(token.issuer());
        if (fulfilIt) {
            token.fulfil(id);
        } else {
            token.refund(id);
            ghostMinted[address(token)] += r.amount;
        }
        ghostPending[address(token)] -= r.amount;
        calls["settleRedemption"]++;
    }

    function _sign(
        IssuerToken token,
        address to,
        uint256 amount,
        uint256 id,
        uint256 deadline
    ) internal view returns (bytes memory) {
        (, uint256 key) = _issuer(_indexOf(token.issuer()));
        bytes32 domain = keccak256(
            abi.encode(DOMAIN_TYPEHASH, keccak256(bytes(token.name())), keccak256("1"), block.chainid, address(token))
        );
        bytes32 digest = keccak256(
            abi.encodePacked("\x19\x01", domain, keccak256(abi.encode(VOUCHER_TYPEHASH, to, amount, id, deadline)))
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        return abi.encodePacked(r, s, v);
    }

    function _indexOf(address issuer) internal view returns (uint256 i) {
        while (issuers[i] != issuer) ++i;
    }
}
