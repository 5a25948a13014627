// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IFeeRouter} from "../../../contracts/interfaces/IFeeRouter.sol";
import {IGuardianPausable} from "../../../contracts/interfaces/IGuardianPausable.sol";
import {IIncentivePools} from "../../../contracts/interfaces/IIncentivePools.sol";
import {IInferenceMarket} from "../../../contracts/interfaces/IInferenceMarket.sol";
import {IParameterized} from "../../../contracts/interfaces/IParameterized.sol";
import {MarketKeys} from "../../../contracts/libraries/MarketKeys.sol";
import {FeeRouter} from "../../../contracts/market/FeeRouter.sol";
import {IncentivePools} from "../../../contracts/market/IncentivePools.sol";
import {InferenceMarket} from "../../../contracts/market/InferenceMarket.sol";
import {ProtocolToken} from "../../../contracts/token/ProtocolToken.sol";
import {Test} from "../../utils/Test.sol";

/// @notice Drives the market through random sequences of deposits, credit purchases, subscriptions, withdrawals,
/// reserves and their releases, signer rotations (contract wallets), settlements (fresh, replayed and over-reserve
/// vouchers), claims, distributions, pool funding, guardian pauses, split changes and time. Some consumers are also
/// providers (they may sign vouchers to themselves). `signVoucher` has a consumer sign, within its reserve for a
/// provider, a voucher the handler keeps unsettled: the invariant test checks that it settles in full until the
/// pair's release completes. Inputs are bounded to valid ranges; calls that may legitimately fail are tried and a
/// failure must be one of the errors the action documents, with its exact arguments. Ghost state records every token
/// paid in and out and every part a settlement should have produced (from the router's own policy).
contract MarketHandler is Test {
    InferenceMarket public immutable market;
    FeeRouter public immutable router;
    IncentivePools public immutable pools;
    ProtocolToken public immutable token;
    address public immutable minter;
    address public immutable registry;
    address public immutable guardian;
    address public immutable governor;

    address[] public consumers;
    uint256[] internal _keys;
    address[] public providers;
    bytes32[] internal _models;

    // Tokens into and out of the market.
    uint256 public ghostDeposited;
    uint256 public ghostCreditsBought;
    uint256 public ghostBonus;
    uint256 public ghostWithdrawn;
    // What settlements produced, part by part, and what left the ledgers.
    uint256 public ghostCharged;
    uint256 public ghostProviderParts;
    uint256 public ghostValidatorParts;
    uint256 public ghostInfrastructureParts;
    uint256 public ghostTreasuryParts;
    uint256 public ghostBurnParts;
    uint256 public ghostEarningsClaimed;
    uint256 public ghostValidatorsPaid;
    uint256 public ghostInfrastructurePaid;
    uint256 public ghostTreasuryPaid;
    uint256 public ghostBurned;
    // Incentive pools.
    uint256[4] public ghostFunded;
    uint256 public ghostIncentivesClaimed;
    mapping(bytes32 action => uint256) public calls;

    /// @dev A voucher signed within its pair's reserve and kept unsettled.
    struct Signed {
        IInferenceMarket.Voucher voucher;
        bytes signature;
        bool exists;
    }

    mapping(bytes32 pair => Signed) internal _signed;

    constructor(
        InferenceMarket market_,
        FeeRouter router_,
        IncentivePools pools_,
        ProtocolToken token_,
        address[4] memory roles,
        uint256[] memory keys,
        address[] memory providers_,
        bytes32[] memory models,
        address wallet,
        uint256 walletSignerKey
    ) {
        market = market_;
        router = router_;
        pools = pools_;
        token = token_;
        (minter, registry, guardian, governor) = (roles[0], roles[1], roles[2], roles[3]);
        _keys = keys;
        for (uint256 i; i < keys.length; ++i) consumers.push(vm.addr(keys[i]));
        // A contract wallet: it signs through its registered key.
        consumers.push(wallet);
        _keys.push(walletSignerKey);
        providers = providers_;
        _models = models;
    }

    function consumerCount() external view returns (uint256) {
        return consumers.length;
    }

    function providerCount() external view returns (uint256) {
        return providers.length;
    }

    /// @notice The voucher kept unsettled for a pair, if any.
    function signedVoucher(
        address consumer,
        address provider
    ) external view returns (bool exists, IInferenceMarket.Voucher memory voucher, bytes memory signature) {
        Signed storage g = _signed[_pair(consumer, provider)];
        return (g.exists, g.voucher, g.signature);
    }

    function _pair(address consumer, address provider) internal pure returns (bytes32) {
        return keccak256(abi.encode(consumer, provider));
    }

    // ------------------------------------------------------------------ helpers

    function _fund(address account, address spender, uint256 amount) internal {
        vm.prank(minter);
        token.mint(account, amount);
        vm.prank(account);
        token.approve(spender, amount);
    }

    function _is(bytes memory reason, bytes memory candidate) internal pure returns (bool) {
        return keccak256(reason) == keccak256(candidate);
    }

    function _expect(bytes memory reason, bytes memory expected) internal pure {
        assertEq(keccak256(reason), keccak256(expected), "unexpected error");
    }

    /// @dev What settling `amount` would charge now (the router's policy with the market's state).
    function _preview(
        address consumer,
        address provider,
        uint256 amount,
        uint256 priorityBps,
        bool batch
    ) internal view returns (IFeeRouter.Charge memory) {
        IInferenceMarket.AccountView memory a = market.accountOf(consumer);
        return
            router.chargeAt(
                market.tierDiscountOf(provider),
                amount,
                a.currentVolume > a.previousVolume ? a.currentVolume : a.previousVolume,
                block.timestamp < a.subscribedUntil,
                priorityBps,
                batch
            );
    }

    /// @dev A channel's key.
    function _channelKey(
        address consumer,
        address provider,
        bytes32 modelId,
        uint256 priorityBps,
        bool batch,
        uint256 epoch
    ) internal pure returns (bytes32) {
        return keccak256(abi.encode(consumer, provider, modelId, priorityBps, batch, epoch));
    }

    function _pausedError() internal view returns (bytes memory) {
        return abi.encodeWithSelector(IGuardianPausable.EnforcedPause.selector, market.pausedUntil());
    }

    // ------------------------------------------------------------------ escrow

    function deposit(uint256 seed, uint256 amount) external {
        address c = consumers[seed % consumers.length];
        amount = bound(amount, 1, 50_000 ether);
        _fund(c, address(market), amount);
        vm.prank(c);
        try market.deposit(amount) {
            ghostDeposited += amount;
            calls["deposit"]++;
        } catch (bytes memory reason) {
            _expect(reason, _pausedError());
        }
    }

    function buyCredits(uint256 seed, uint256 amount) external {
        address c = consumers[seed % consumers.length];
        amount = bound(amount, 1, 20_000 ether);
        _fund(c, address(market), amount);
        vm.prank(c);
        try market.buyCredits(amount) returns (uint256 bonus) {
            ghostCreditsBought += amount;
            ghostBonus += bonus;
            calls["buyCredits"]++;
        } catch (bytes memory reason) {
            _expect(reason, _pausedError());
        }
    }

    function subscribe(uint256 seed) external {
        address c = consumers[seed % consumers.length];
        IInferenceMarket.AccountView memory a = market.accountOf(c);
        vm.prank(c);
        try market.subscribe() {
            calls["subscribe"]++;
        } catch (bytes memory reason) {
            bool expected =
                _is(reason, _pausedError()) ||
                    _is(
                        reason,
                        abi.encodeWithSelector(
                            IInferenceMarket.SubscriptionBelowMinimum.selector,
                            a.balance + a.credits,
                            market.parameter(MarketKeys.MIN_SUBSCRIPTION)
                        )
                    );
            assertTrue(expected, "unexpected subscribe error");
        }
    }

    function withdraw(uint256 seed, uint256 amount) external {
        address c = consumers[seed % consumers.length];
        IInferenceMarket.AccountView memory a = market.accountOf(c);
        if (a.balance == 0) return;
        amount = bound(amount, 1, a.balance);
        vm.prank(c);
        try market.withdraw(amount) {
            assertEq(market.accountOf(c).balance, a.balance - amount, "unreserved deposits fell by the amount");
            ghostWithdrawn += amount;
            calls["withdraw"]++;
        } catch (bytes memory reason) {
            _expect(reason, abi.encodeWithSelector(IInferenceMarket.SubscriptionActive.selector, c, a.subscribedUntil));
        }
    }

    // ------------------------------------------------------------------ reserves and signers

    function reserve(uint256 seed, uint256 providerSeed, uint256 amount) external {
        address c = consumers[seed % consumers.length];
        address p = providers[providerSeed % providers.length];
        IInferenceMarket.AccountView memory a = market.accountOf(c);
        if (a.balance + a.credits == 0) return;
        amount = bound(amount, 1, a.balance + a.credits);
        IInferenceMarket.ReserveView memory before = market.reserveOf(c, p);
        vm.prank(c);
        try market.reserve(p, amount) {
            IInferenceMarket.ReserveView memory r = market.reserveOf(c, p);
            assertEq(r.deposits + r.credits, before.deposits + before.credits + amount, "reserve grew by the amount");
            assertTrue(r.open, "open");
            calls["reserve"]++;
        } catch (bytes memory reason) {
            _expect(reason, _pausedError());
        }
    }

    function requestRelease(uint256 seed, uint256 providerSeed) external {
        address c = consumers[seed % consumers.length];
        address p = providers[providerSeed % providers.length];
        vm.prank(c);
        try market.requestRelease(p) {
            calls["requestRelease"]++;
        } catch (bytes memory reason) {
            _expect(reason, abi.encodeWithSelector(IInferenceMarket.ReserveNotOpen.selector, c, p));
        }
    }

    function release(uint256 seed, uint256 providerSeed) external {
        address c = consumers[seed % consumers.length];
        address p = providers[providerSeed % providers.length];
        IInferenceMarket.ReserveView memory r = market.reserveOf(c, p);
        vm.prank(c);
        try market.release(p) returns (uint256 deposits, uint256 credits) {
            assertGe(block.timestamp, r.releasableAt, "only after the notice");
            assertLt(block.timestamp, uint256(r.releasableAt) + 1 days, "only before the request lapses");
            assertEq(deposits, r.deposits, "every reserved deposit back");
            assertEq(credits, r.credits, "every reserved credit back");
            assertEq(market.reserveOf(c, p).epoch, r.epoch + 1, "the pair's next epoch");
            delete _signed[_pair(c, p)]; // its channel's notice ended: the kept voucher is void
            calls["release"]++;
        } catch (bytes memory reason) {
            bool expected =
                _is(reason, abi.encodeWithSelector(IInferenceMarket.NoReleasePending.selector, c, p)) ||
                    _is(
                        reason,
                        abi.encodeWithSelector(
                            IInferenceMarket.ReleaseNotReady.selector,
                            r.releasableAt,
                            block.timestamp
                        )
                    ) ||
                    _is(
                        reason,
                        abi.encodeWithSelector(
                            IInferenceMarket.ReleaseLapsed.selector,
                            uint256(r.releasableAt) + 1 days,
                            block.timestamp
                        )
                    );
            assertTrue(expected, "unexpected release error");
        }
    }

    /// @dev A consumer (contract wallets included) rotates the key that signs its vouchers; refused while any reserve
    /// of it is open. A wallet's own owner rotation (ERC-1271) happens too and must change nothing.
    function rotateSigner(uint256 seed, uint256 keySeed) external {
        uint256 ci = seed % consumers.length;
        address c = consumers[ci];
        uint256 key = bound(keySeed, 1, 1e30);
        uint256 open = market.accountOf(c).openReserves;
        vm.prank(c);
        try market.setSigner(vm.addr(key)) {
            assertEq(open, 0, "rotated with no open reserve");
            _keys[ci] = key;
            calls["rotateSigner"]++;
        } catch (bytes memory reason) {
            _expect(reason, abi.encodeWithSelector(IInferenceMarket.SignerLocked.selector, c, open));
            calls["rotateSigner refused"]++;
        }
    }

    /// @dev Signs, within the pair's reserve, a voucher of the pair's first model the handler keeps unsettled.
    function signVoucher(uint256 seed, uint256 providerSeed, uint256 amount) external {
        uint256 ci = seed % consumers.length;
        IInferenceMarket.Voucher memory v;
        v.consumer = consumers[ci];
        v.provider = providers[providerSeed % providers.length];
        bytes32 pair = _pair(v.consumer, v.provider);
        IInferenceMarket.ReserveView memory r = market.reserveOf(v.consumer, v.provider);
        if (_signed[pair].exists || r.deposits + r.credits == 0) return;
        v.modelId = _models[0];
        v.epoch = r.epoch;
        IInferenceMarket.ChannelView memory ch = market.channel(
            _channelKey(v.consumer, v.provider, v.modelId, 0, false, v.epoch)
        );
        v.cumulativeAmount = ch.settledAmount + bound(amount, 1, r.deposits + r.credits);
        v.cumulativeTokens = ch.settledTokens;
        v.deadline = type(uint256).max;
        (uint8 sv, bytes32 rr, bytes32 ss) = vm.sign(_keys[ci], market.hashVoucher(v));
        _signed[pair] = Signed(v, abi.encodePacked(rr, ss, sv), true);
        calls["signVoucher"]++;
    }

    /// @dev The provider settles the voucher kept for its pair: it must succeed (the invariant test checks the same at
    /// every step).
    function settleSigned(uint256 seed, uint256 providerSeed) external {
        address c = consumers[seed % consumers.length];
        address p = providers[providerSeed % providers.length];
        Signed memory g = _signed[_pair(c, p)];
        if (!g.exists) return;
        uint256 amount =
            g.voucher.cumulativeAmount -
                market.channel(_channelKey(c, p, g.voucher.modelId, 0, false, g.voucher.epoch)).settledAmount;
        IFeeRouter.Charge memory charge = _preview(c, p, amount, 0, false);
        vm.prank(p);
        market.settle(g.voucher, g.signature);
        _record(charge);
        delete _signed[_pair(c, p)];
        calls["settleSigned"]++;
    }

    // ------------------------------------------------------------------ settlement

    struct SettleInput {
        uint256 consumerSeed;
        uint256 providerSeed;
        uint256 modelSeed;
        uint256 termsSeed;
        uint256 amount;
        uint256 tokens;
    }

    function settle(
        uint256 consumerSeed,
        uint256 providerSeed,
        uint256 modelSeed,
        uint256 termsSeed,
        uint256 amountSeed,
        uint256 tokensSeed
    ) external {
        (IInferenceMarket.Voucher memory v, bytes memory signature, uint256 amount) = _voucher(
            SettleInput(consumerSeed, providerSeed, modelSeed, termsSeed, amountSeed, tokensSeed)
        );
        // A pair with a kept voucher is left to it (its reserve backs that voucher).
        if (_signed[_pair(v.consumer, v.provider)].exists) return;
        IInferenceMarket.ReserveView memory a = market.reserveOf(v.consumer, v.provider);
        IFeeRouter.Charge memory c = _preview(v.consumer, v.provider, amount, v.priorityBps, v.batch);
        vm.prank(v.provider);
        try market.settle(v, signature) {
            IInferenceMarket.ReserveView memory b = market.reserveOf(v.consumer, v.provider);
            assertEq(a.deposits + a.credits - b.deposits - b.credits, c.total, "reserve fell by the previewed charge");
            _record(c);
            _replay(v, signature);
        } catch (bytes memory reason) {
            uint256 fromCredits = a.credits < c.baseFee ? a.credits : c.baseFee;
            _expect(
                reason,
                abi.encodeWithSelector(
                    IInferenceMarket.InsufficientEscrow.selector,
                    v.consumer,
                    a.deposits + fromCredits,
                    c.total
                )
            );
            calls["settle refused"]++;
        }
    }

    /// @dev A fresh voucher on a random channel: `amount` more than the channel settled, tokens within the floor of
    /// every model, signed by the consumer.
    function _voucher(
        SettleInput memory input
    ) internal view returns (IInferenceMarket.Voucher memory v, bytes memory signature, uint256 amount) {
        uint256 ci = input.consumerSeed % consumers.length;
        v.consumer = consumers[ci];
        v.provider = providers[input.providerSeed % providers.length];
        v.modelId = _models[input.modelSeed % _models.length];
        uint256 terms = input.termsSeed % 4; // standard, batch, 5% priority, 20% priority
        v.batch = terms == 1;
        v.priorityBps =
            terms == 2
                ? 500
                : terms == 3
                    ? 2_000
                    : 0;
        v.epoch = market.reserveOf(v.consumer, v.provider).epoch;
        IInferenceMarket.ChannelView memory ch = market.channel(
            _channelKey(v.consumer, v.provider, v.modelId, v.priorityBps, v.batch, v.epoch)
        );
        amount = bound(input.amount, 1, 5_000 ether);
        v.cumulativeAmount = ch.settledAmount + amount;
        // At most the tokens the large model's floor (0.004 QUIV) allows, so no model refuses the price.
        v.cumulativeTokens = ch.settledTokens + bound(input.tokens, 0, amount / 0.004 ether);
        v.deadline = block.timestamp;
        (uint8 sv, bytes32 r, bytes32 s) = vm.sign(_keys[ci], market.hashVoucher(v));
        signature = abi.encodePacked(r, s, sv);
    }

    function _record(IFeeRouter.Charge memory c) internal {
        ghostCharged += c.total;
        ghostProviderParts += c.provider;
        ghostValidatorParts += c.validators;
        ghostInfrastructureParts += c.infrastructure;
        ghostTreasuryParts += c.treasury;
        ghostBurnParts += c.burn;
        calls["settle"]++;
    }

    /// @dev The voucher just settled, submitted again, must fail as already settled.
    function _replay(IInferenceMarket.Voucher memory v, bytes memory signature) internal {
        vm.prank(v.provider);
        try market.settle(v, signature) {
            assertTrue(false, "a replay settled");
        } catch (bytes memory reason) {
            bytes memory expected = abi.encodeWithSelector(
                IInferenceMarket.VoucherAlreadySettled.selector,
                v.cumulativeAmount,
                v.cumulativeAmount
            );
            assertTrue(_is(reason, expected), "a replay must fail as already settled");
        }
    }

    // ------------------------------------------------------------------ ledgers

    function claimEarnings(uint256 seed) external {
        address p = providers[seed % providers.length];
        vm.prank(p);
        try market.claimEarnings() returns (uint256 amount) {
            ghostEarningsClaimed += amount;
            calls["claimEarnings"]++;
        } catch (bytes memory reason) {
            _expect(reason, abi.encodeWithSelector(IInferenceMarket.NothingToClaim.selector, p));
        }
    }

    function distributeFees() external {
        IInferenceMarket.AccruedFees memory f = market.accruedFees();
        uint256 supply = token.totalSupply();
        try market.distributeFees() {
            assertEq(supply - token.totalSupply(), f.burn, "supply fell by exactly the burn part");
            ghostValidatorsPaid += f.validators;
            ghostInfrastructurePaid += f.infrastructure;
            ghostTreasuryPaid += f.treasury;
            ghostBurned += f.burn;
            calls["distributeFees"]++;
        } catch (bytes memory reason) {
            _expect(reason, abi.encodeWithSelector(IInferenceMarket.NothingToDistribute.selector));
        }
    }

    // ------------------------------------------------------------------ incentives

    function fundPool(uint256 seed, uint256 amount) external {
        IIncentivePools.Pool pool = IIncentivePools.Pool(seed % 4);
        amount = bound(amount, 1, 500 ether);
        address funder = address(this);
        _fund(funder, address(pools), amount);
        pools.fund(pool, amount);
        ghostFunded[uint256(pool)] += amount;
        calls["fundPool"]++;
    }

    function claimIncentives(uint256 seed) external {
        uint256 n = consumers.length + providers.length;
        address account = _account(seed % n);
        // Three times in four, the first account with something owed (so claims are exercised, not only errors).
        if (seed % 4 != 0) {
            for (uint256 i; i < n; ++i) {
                if (pools.owed(_account(i)) != 0) {
                    account = _account(i);
                    break;
                }
            }
        }
        vm.prank(account);
        try pools.claim() returns (uint256 amount) {
            ghostIncentivesClaimed += amount;
            calls["claimIncentives"]++;
        } catch (bytes memory reason) {
            _expect(reason, abi.encodeWithSelector(IIncentivePools.NothingToClaim.selector, account));
        }
    }

    function _account(uint256 i) internal view returns (address) {
        return i < consumers.length ? consumers[i] : providers[i - consumers.length];
    }

    // ------------------------------------------------------------------ governance and time

    function togglePause(bool on) external {
        if (on) {
            vm.prank(guardian);
            try market.pause() {
                calls["pause"]++;
            } catch (bytes memory reason) {
                uint256 until = market.pausedUntil();
                bool expected =
                    _is(reason, abi.encodeWithSelector(IGuardianPausable.EnforcedPause.selector, until)) ||
                        _is(
                            reason,
                            abi.encodeWithSelector(
                                IGuardianPausable.PauseCooldown.selector,
                                until + market.parameter(keccak256("pause.duration"))
                            )
                        );
                assertTrue(expected, "unexpected pause error");
            }
        } else {
            vm.prank(governor);
            try market.unpause() {
                calls["unpause"]++;
            } catch (bytes memory reason) {
                _expect(reason, abi.encodeWithSelector(IGuardianPausable.ExpectedPause.selector));
            }
        }
    }

    /// @dev Moves the burn share; values that would leave the provider below half, or the protocol's share at or below
    /// the incentive rates, are refused.
    function setBurnShare(uint256 bps) external {
        bps = bound(bps, 0, 5_000);
        IFeeRouter.FeeSplit memory s = router.feeSplit();
        vm.prank(registry);
        try router.setParameter(MarketKeys.BURN_FEE_BPS, bps) {
            IFeeRouter.FeeSplit memory t = router.feeSplit();
            assertEq(t.providerBps + t.validatorBps + t.burnBps + t.infrastructureBps + t.treasuryBps, 10_000, "sum");
            calls["setBurnShare"]++;
        } catch (bytes memory reason) {
            uint256 protocol = s.validatorBps + bps + s.infrastructureBps + s.treasuryBps;
            if (protocol > 5_000) {
                _expect(
                    reason,
                    abi.encodeWithSelector(IParameterized.InvalidParameterValue.selector, MarketKeys.BURN_FEE_BPS, bps)
                );
            } else {
                // The incentive bound: the protocol's share must stay above the pools' rates.
                assertLe(protocol, pools.incentiveBps(), "refused only at or below the incentive rates");
                _expect(
                    reason,
                    abi.encodeWithSelector(
                        IFeeRouter.IncentivesAboveProtocolShare.selector,
                        pools.incentiveBps(),
                        protocol
                    )
                );
            }
        }
    }

    function warp(uint256 secondsAhead) external {
        vm.warp(block.timestamp + bound(secondsAhead, 1, 5 days));
    }
}
