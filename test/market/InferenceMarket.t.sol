// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IComplianceRegistry} from "../../contracts/interfaces/IComplianceRegistry.sol";
import {IGuardianPausable} from "../../contracts/interfaces/IGuardianPausable.sol";
import {IFeeRouter} from "../../contracts/interfaces/IFeeRouter.sol";
import {IInferenceMarket} from "../../contracts/interfaces/IInferenceMarket.sol";
import {IModelCatalog} from "../../contracts/interfaces/IModelCatalog.sol";
import {InferenceMarket} from "../../contracts/market/InferenceMarket.sol";
import {MarketBase} from "./MarketBase.sol";
import {MockWalletConsumer} from "./mocks/MockWalletConsumer.sol";

/// @notice Vouchers and settlement: cumulative amounts (a 10,000-request stream settled by its last voucher), the
/// split of a settlement into the ledgers, the challenge record, and every voucher that must fail (replayed, stale,
/// forged, wrong signer, other chain or contract, other provider, over the escrow, expired, unknown model, inactive
/// provider, below the price floor, bad terms, paused), each leaving the state unchanged.
contract InferenceMarketTest is MarketBase {
    function setUp() public override {
        super.setUp();
        _deposit(alice, 10_000 ether);
        _reserveAll(alice, bronze);
    }

    /// @dev The channel of a voucher.
    function _channel(IInferenceMarket.Voucher memory v) internal view returns (IInferenceMarket.ChannelView memory) {
        return market.channel(_channelKey(v.consumer, v.provider, v.modelId, v.priorityBps, v.batch, v.epoch));
    }

    /// @dev Asserts alice's escrow, bronze's earnings and the market's totals are as before a refused settlement.
    function _assertUnchanged(uint256 balance, uint256 earnings, uint256 settledAmount, bytes32 key) internal view {
        assertEq(_balance(alice), balance, "escrow unchanged");
        assertEq(_unclaimed(bronze), earnings, "earnings unchanged");
        assertEq(market.channel(key).settledAmount, settledAmount, "channel unchanged");
        (uint256 escrow, , ) = market.totals();
        assertEq(escrow, balance, "total escrow unchanged");
    }

    function _key(IInferenceMarket.Voucher memory v) internal pure returns (bytes32) {
        return _channelKey(v.consumer, v.provider, v.modelId, v.priorityBps, v.batch, v.epoch);
    }

    // ------------------------------------------------------------------ settlement

    function test_settle_splitsTheBaseFeeByTheTable() public {
        // 1,000,000 tokens of the small model at the base rate: 1,000 QUIV, no discount (Bronze, no volume yet).
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000);
        bytes memory signature = _sign(aliceKey, v);

        vm.expectEmit(true, true, true, true, address(market));
        emit IInferenceMarket.ChannelOpened(1, alice, bronze, SMALL, 0, false, 0);
        vm.expectEmit(true, true, false, true, address(market));
        emit IInferenceMarket.Settled(_subject(1, 1), 1, 1_000 ether, 1_000_000, 0, 1_000 ether, 0);
        vm.prank(bronze);
        bytes32 subjectId = market.settle(v, signature);

        assertEq(subjectId, _subject(1, 1), "channel 1, its first settlement");
        assertEq(_balance(alice), 9_000 ether, "alice paid 1,000");
        (uint256 unclaimed, uint256 lifetime) = market.earningsOf(bronze);
        assertEq(unclaimed, 800 ether, "provider 80%");
        assertEq(lifetime, 800 ether, "lifetime");
        IInferenceMarket.AccruedFees memory fees = market.accruedFees();
        assertEq(fees.validators, 5 ether, "validators 0.5%");
        assertEq(fees.burn, 10 ether, "burn 1%");
        assertEq(fees.infrastructure, 135 ether, "infrastructure 13.5%");
        assertEq(fees.treasury, 50 ether, "treasury 5%");
        (uint256 escrow, uint256 earnings, uint256 accrued) = market.totals();
        assertEq(escrow, 9_000 ether, "escrow total");
        assertEq(earnings, 800 ether, "earnings total");
        assertEq(accrued, 200 ether, "protocol parts");
        assertEq(token.balanceOf(address(market)), 10_000 ether, "no token moved");

        IInferenceMarket.ChannelView memory ch = _channel(v);
        assertEq(ch.settledAmount, 1_000 ether, "settled amount");
        assertEq(ch.settledTokens, 1_000_000, "settled tokens");
        assertEq(ch.number, 1, "channel number");
        assertEq(catalog.modelInfo(SMALL).epochTokens, 1_000_000, "demand recorded");

        (address provider, address consumer, uint256 value, uint256 deadline) = market.challengeSubject(subjectId);
        assertEq(provider, bronze, "subject: provider");
        assertEq(consumer, alice, "subject: consumer");
        assertEq(value, 1_000 ether, "subject: value paid");
        assertEq(deadline, T0 + WINDOW, "subject: window end");
    }

    function test_settle_aStreamOf10000VouchersSettlesInOneTransactionForTheLast() public {
        // 10,000 requests of 100 to 149 tokens each (100 + i % 50) at 0.001 QUIV a token: the consumer signs a voucher
        // after each one with the running totals. Sum of tokens: 10,000 x 100 + 200 x (0 + 1 + ... + 49) = 1,245,000.
        uint256 tokens;
        IInferenceMarket.Voucher memory middle;
        for (uint256 i; i < 10_000; ++i) {
            tokens += 100 + (i % 50);
            if (i == 4_999) middle = _voucher(alice, bronze, SMALL, tokens * BASE_RATE, tokens);
        }
        IInferenceMarket.Voucher memory last = _voucher(alice, bronze, SMALL, tokens * BASE_RATE, tokens);
        assertEq(last.cumulativeTokens, 1_245_000, "hand-computed total tokens");
        assertEq(last.cumulativeAmount, 1_245 ether, "hand-computed total amount");
        // Half-way: 5,000 x 100 + 100 x 1,225 = 622,500 tokens.
        assertEq(middle.cumulativeAmount, 622.5 ether, "hand-computed middle amount");

        _settle(aliceKey, last);
        assertEq(_balance(alice), 10_000 ether - 1_245 ether, "the whole stream paid at once");
        assertEq(_unclaimed(bronze), 996 ether, "80% of 1,245");
        assertEq(_channel(last).settledAmount, 1_245 ether, "channel at the last cumulative amount");

        // Any earlier voucher of the stream is now worthless.
        bytes memory signature = _sign(aliceKey, middle);
        vm.prank(bronze);
        vm.expectRevert(
            abi.encodeWithSelector(IInferenceMarket.VoucherAlreadySettled.selector, 622.5 ether, 1_245 ether)
        );
        market.settle(middle, signature);
    }

    function test_settle_gasDoesNotDependOnTheRequestsCovered() public {
        // Two channels in the same state; one voucher covers one request, the other 10,000.
        IInferenceMarket.Voucher memory one = _voucher(alice, bronze, SMALL, 0.1 ether, 100);
        IInferenceMarket.Voucher memory many = _voucher(alice, bronze, MEDIUM, 3_000 ether, 1_000_000);
        bytes memory oneSig = _sign(aliceKey, one);
        bytes memory manySig = _sign(aliceKey, many);

        uint256 snapshot = vm.snapshotState();
        vm.prank(bronze);
        uint256 before = gasleft();
        market.settle(one, oneSig);
        uint256 gasOne = before - gasleft();
        vm.revertToState(snapshot);
        vm.prank(bronze);
        before = gasleft();
        market.settle(many, manySig);
        uint256 gasMany = before - gasleft();
        // Within 1,000 gas: the two channels' models take slightly different paths (a few hundred gas under the
        // coverage run's instrumentation), while any per-request work would cost at least 100 gas x 10,000 requests.
        assertApproxEqAbs(gasMany, gasOne, 1_000, "same gas for 1 and 10,000 requests");
    }

    function test_settle_paysOnlyTheIncreaseOverTheLastSettlement() public {
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000));
        bytes32 subjectId = _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_500 ether, 1_400_000));
        assertEq(_balance(alice), 8_500 ether, "1,000 then 500");
        assertEq(_unclaimed(bronze), 1_200 ether, "80% of 1,500");
        assertEq(subjectId, _subject(1, 2), "channel 1, its second settlement");
        (, , uint256 value, ) = market.challengeSubject(subjectId);
        // Both settlements fall in the channel's first challenge window, which is worth what the two paid.
        assertEq(value, 1_500 ether, "the window is worth 1,000 + 500");
        assertEq(catalog.modelInfo(SMALL).epochTokens, 1_400_000, "400,000 more tokens recorded");
    }

    function test_settle_spendsCreditsFirst() public {
        _buyCredits(alice, 500 ether); // no bonus pool funded: no bonus
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 800 ether, 800_000));
        IInferenceMarket.ReserveView memory r = market.reserveOf(alice, bronze);
        assertEq(r.credits, 0, "credits spent first");
        assertEq(r.deposits, 9_700 ether, "then 300 of the deposits");
    }

    function test_settle_creditsPayBaseFeesOnlyThePriorityFeeComesFromDeposits() public {
        _buyCredits(alice, 500 ether);
        // 400 QUIV of list value at 10% priority: base 400 from credits, priority 40 from deposits.
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 400 ether, 400_000);
        v.priorityBps = 1_000;
        _settle(aliceKey, v);
        IInferenceMarket.ReserveView memory r = market.reserveOf(alice, bronze);
        assertEq(r.credits, 100 ether, "500 - 400 of credits");
        assertEq(r.deposits, 9_960 ether, "10,000 - 40 of deposits");
    }

    function test_settle_byAContractWalletThroughItsRegisteredSigner() public {
        (address owner, uint256 ownerKey) = makeAddrAndKey("walletOwner");
        MockWalletConsumer wallet = new MockWalletConsumer(owner);
        _mint(address(wallet), 1_000 ether);
        wallet.deposit(market, IERC20(address(token)), 1_000 ether);
        wallet.registerSigner(market, owner);
        assertEq(market.signerOf(address(wallet)), owner, "signer registered");

        IInferenceMarket.Voucher memory v = _voucher(address(wallet), bronze, SMALL, 100 ether, 100_000);
        _settle(ownerKey, v);
        assertEq(_balance(address(wallet)), 900 ether, "the wallet paid");

        v.cumulativeAmount = 200 ether;
        bytes memory wrong = _sign(bobKey, v);
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.InvalidSignature.selector, address(wallet)));
        market.settle(v, wrong);
        assertEq(_balance(address(wallet)), 900 ether, "unchanged");
    }

    function testFuzz_settle_partsSumToThePaymentToTheWei(
        uint256 amount,
        uint256 tokens,
        uint256 providerSeed,
        uint256 priorityBps
    ) public {
        address[4] memory providers = [bronze, silver, gold, platinum];
        address provider = providers[providerSeed % 4];
        priorityBps = bound(priorityBps, 499, 2_000);
        if (priorityBps == 499) priorityBps = 0;
        amount = bound(amount, 1, 8_000 ether);
        // At most the tokens the floor allows (0.0004 QUIV each): 2,500 per QUIV.
        tokens = bound(tokens, 0, (amount * 2_500) / 1 ether);
        if (provider != bronze) {
            // Alice moves her reserve from bronze to this provider (the notice elapses first).
            vm.startPrank(alice);
            market.requestRelease(bronze);
            _skip(NOTICE);
            market.release(bronze);
            vm.stopPrank();
        }
        IInferenceMarket.Voucher memory v = _voucher(alice, provider, SMALL, amount, tokens);
        v.priorityBps = priorityBps;
        IFeeRouter.Charge memory preview = _preview(alice, provider, amount, priorityBps, false);
        uint256 supplyBefore = token.totalSupply();

        _settle(aliceKey, v);

        uint256 paid = 10_000 ether - _balance(alice);
        assertEq(paid, preview.total, "the escrow fell by the charge");
        assertEq(preview.total, preview.baseFee + preview.priorityFee, "charge = base + priority");
        IInferenceMarket.AccruedFees memory fees = market.accruedFees();
        uint256 parts = _unclaimed(provider) + fees.validators + fees.burn + fees.infrastructure + fees.treasury;
        assertEq(parts, paid, "provider + validators + burn + infrastructure + treasury == payment, to the wei");
        assertEq(_unclaimed(provider), preview.provider, "the provider's part");
        assertLe(preview.baseFee, amount, "never above the list value");

        if (fees.validators + fees.burn + fees.infrastructure + fees.treasury != 0) market.distributeFees();
        assertEq(supplyBefore - token.totalSupply(), fees.burn, "supply fell by exactly the burn share");
    }

    // ------------------------------------------------------------------ vouchers that must fail

    function test_RevertWhen_voucherReplayed() public {
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000);
        bytes memory signature = _sign(aliceKey, v);
        vm.prank(bronze);
        market.settle(v, signature);

        vm.prank(bronze);
        vm.expectRevert(
            abi.encodeWithSelector(IInferenceMarket.VoucherAlreadySettled.selector, 1_000 ether, 1_000 ether)
        );
        market.settle(v, signature);
        _assertUnchanged(9_000 ether, 800 ether, 1_000 ether, _key(v));
    }

    function test_RevertWhen_voucherStale() public {
        IInferenceMarket.Voucher memory older = _voucher(alice, bronze, SMALL, 500 ether, 500_000);
        bytes memory olderSig = _sign(aliceKey, older);
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000));

        vm.prank(bronze);
        vm.expectRevert(
            abi.encodeWithSelector(IInferenceMarket.VoucherAlreadySettled.selector, 500 ether, 1_000 ether)
        );
        market.settle(older, olderSig);
        _assertUnchanged(9_000 ether, 800 ether, 1_000 ether, _key(older));
    }

    function test_RevertWhen_voucherTokensGoBackwards() public {
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000));
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 1_100 ether, 999_999);
        bytes memory signature = _sign(aliceKey, v);
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.TokensDecreased.selector, 999_999, 1_000_000));
        market.settle(v, signature);
        _assertUnchanged(9_000 ether, 800 ether, 1_000 ether, _key(v));
    }

    function test_RevertWhen_voucherSignedByAnotherKey() public {
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000);
        bytes memory signature = _sign(bobKey, v);
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.InvalidSignature.selector, alice));
        market.settle(v, signature);
        _assertUnchanged(10_000 ether, 0, 0, _key(v));
    }

    function test_RevertWhen_voucherForgedAfterSigning() public {
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000);
        bytes memory signature = _sign(aliceKey, v);
        v.cumulativeAmount = 5_000 ether; // the provider raises the amount
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.InvalidSignature.selector, alice));
        market.settle(v, signature);
        _assertUnchanged(10_000 ether, 0, 0, _key(v));

        // Garbage that is not a signature at all.
        v.cumulativeAmount = 1_000 ether;
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.InvalidSignature.selector, alice));
        market.settle(v, hex"1234");
        _assertUnchanged(10_000 ether, 0, 0, _key(v));
    }

    function test_RevertWhen_voucherFromAnotherChain() public {
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000);
        bytes memory signature = _sign(aliceKey, v); // signed for this chain
        vm.chainId(137);
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.InvalidSignature.selector, alice));
        market.settle(v, signature);
        _assertUnchanged(10_000 ether, 0, 0, _key(v));
    }

    function test_RevertWhen_voucherForAnotherMarket() public {
        InferenceMarket other = new InferenceMarket(
            IERC20(address(token)),
            staking,
            catalog,
            router,
            pools,
            IComplianceRegistry(address(0)),
            address(manager),
            _marketParameters()
        );
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000);
        (uint8 sv, bytes32 r, bytes32 s) = vm.sign(aliceKey, other.hashVoucher(v));
        assertTrue(other.hashVoucher(v) != market.hashVoucher(v), "the domain binds the contract");
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.InvalidSignature.selector, alice));
        market.settle(v, abi.encodePacked(r, s, sv));
        _assertUnchanged(10_000 ether, 0, 0, _key(v));
    }

    function test_RevertWhen_voucherSettledByAnotherProvider() public {
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000);
        bytes memory signature = _sign(aliceKey, v);
        vm.prank(silver);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.NotVoucherProvider.selector, silver, bronze));
        market.settle(v, signature);

        // Rewriting the provider breaks the signature.
        v.provider = silver;
        vm.prank(silver);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.InvalidSignature.selector, alice));
        market.settle(v, signature);
        assertEq(_balance(alice), 10_000 ether, "escrow unchanged");
        assertEq(_unclaimed(silver), 0, "silver earned nothing");
    }

    function test_RevertWhen_voucherOverTheEscrow() public {
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 10_000 ether + 1, 1_000_000);
        bytes memory signature = _sign(aliceKey, v);
        vm.prank(bronze);
        vm.expectRevert(
            abi.encodeWithSelector(IInferenceMarket.InsufficientEscrow.selector, alice, 10_000 ether, 10_000 ether + 1)
        );
        market.settle(v, signature);
        _assertUnchanged(10_000 ether, 0, 0, _key(v));

        // The provider can still settle an earlier voucher that fits.
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 10_000 ether, 1_000_000));
        assertEq(_balance(alice), 0, "everything, and no more");
    }

    function test_RevertWhen_voucherExpired() public {
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000);
        bytes memory signature = _sign(aliceKey, v);
        _skip(1 days + 1);
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.VoucherExpired.selector, T0 + 1 days, T0 + 1 days + 1));
        market.settle(v, signature);
        _assertUnchanged(10_000 ether, 0, 0, _key(v));
    }

    function test_settle_atTheDeadlineExactly() public {
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000);
        bytes memory signature = _sign(aliceKey, v);
        _skip(1 days);
        vm.prank(bronze);
        market.settle(v, signature);
        assertEq(_balance(alice), 9_000 ether, "settled at the deadline");
    }

    function test_RevertWhen_voucherForUnknownModel() public {
        bytes32 unknown = keccak256("model.unknown");
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, unknown, 1_000 ether, 1_000_000);
        bytes memory signature = _sign(aliceKey, v);
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IModelCatalog.UnknownModel.selector, unknown));
        market.settle(v, signature);
        _assertUnchanged(10_000 ether, 0, 0, _key(v));
    }

    function test_RevertWhen_providerInactiveOrBanned() public {
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000);
        bytes memory signature = _sign(aliceKey, v);
        // Below the minimum self-stake (a banned provider reads as inactive the same way).
        vm.prank(bronze);
        staking.unbond(1);
        assertFalse(staking.isActive(bronze), "inactive");
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.ProviderInactive.selector, bronze));
        market.settle(v, signature);
        _assertUnchanged(10_000 ether, 0, 0, _key(v));
    }

    function test_settle_belowThePriceFloorPaysButCountsOnlyThePaidTokensAsDemand() public {
        // 1,000 tokens for 0.3 QUIV: 0.0003 a token, below the small model's lowest quote of 0.0004. It settles (the
        // signed amount is the price agreement), but only 0.3 / 0.0004 = 750 tokens count toward demand.
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 0.3 ether, 1_000));
        assertEq(_balance(alice), 10_000 ether - 0.3 ether, "paid what it signed");
        assertEq(catalog.modelInfo(SMALL).epochTokens, 750, "750 of 1,000 tokens counted");
        // At the floor exactly every token counts: 0.4 QUIV for 1,000 more.
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 0.7 ether, 2_000));
        assertEq(catalog.modelInfo(SMALL).epochTokens, 1_750, "all 1,000 counted");
    }

    function test_settle_modelPriceRoundingToZeroNeverBlocksASettlement() public {
        IModelCatalog.Parameters memory p = _catalogParameters();
        p.baseRate = 1; // the lowest quote of a small model is 0.4 wei, which rounds to zero
        _deployMarket(p, _routerParameters(), _rates(), _marketParameters());
        vm.prank(bronze);
        catalog.listModel(SMALL, IModelCatalog.ComplexityClass.Small);
        _deposit(alice, 1 ether);
        _reserveAll(alice, bronze);
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 1 ether, 1_000));
        assertEq(_balance(alice), 0, "settled");
        assertEq(catalog.modelInfo(SMALL).epochTokens, 1_000, "a zero floor bounds nothing: every token counts");
    }

    function test_RevertWhen_priorityBelowTheRange() public {
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000);
        v.priorityBps = 499;
        bytes memory signature = _sign(aliceKey, v);
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.InvalidPriority.selector, 499, 500, 2_000));
        market.settle(v, signature);
        _assertUnchanged(10_000 ether, 0, 0, _key(v));
    }

    function test_RevertWhen_batchVoucherCarriesPriority() public {
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000);
        v.batch = true;
        v.priorityBps = 500;
        bytes memory signature = _sign(aliceKey, v);
        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IFeeRouter.PriorityOnBatch.selector, 500));
        market.settle(v, signature);
        _assertUnchanged(10_000 ether, 0, 0, _key(v));
    }

    function test_settle_staysOpenWhilePaused() public {
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000);
        bytes memory signature = _sign(aliceKey, v);
        vm.prank(guardian);
        market.pause();
        assertTrue(market.paused(), "paused");
        vm.prank(bronze);
        market.settle(v, signature);
        assertEq(_balance(alice), 9_000 ether, "settled during the pause");
        assertEq(_unclaimed(bronze), 800 ether, "paid");
        // New commitments stop.
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IGuardianPausable.EnforcedPause.selector, T0 + 30 days));
        market.reserve(silver, 1 ether);
    }

    function test_RevertWhen_voucherOfAClosedEpoch() public {
        IInferenceMarket.Voucher memory v = _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000);
        v.deadline = T0 + 30 days;
        bytes memory signature = _sign(aliceKey, v);
        vm.startPrank(alice);
        market.requestRelease(bronze);
        _skip(NOTICE);
        market.release(bronze);
        vm.stopPrank();

        vm.prank(bronze);
        vm.expectRevert(abi.encodeWithSelector(IInferenceMarket.StaleEpoch.selector, 0, 1));
        market.settle(v, signature);
        _assertUnchanged(10_000 ether, 0, 0, _key(v));

        // A voucher of the new epoch starts its channel from zero.
        IInferenceMarket.Voucher memory fresh = _voucher(alice, bronze, SMALL, 10 ether, 10_000);
        assertEq(fresh.epoch, 1, "new epoch");
        _settle(aliceKey, fresh);
        assertEq(_channel(fresh).settledAmount, 10 ether, "new channel");
        assertEq(_channel(fresh).number, 1, "the first channel ever settled");
    }

    // ------------------------------------------------------------------ challenge source

    /// @dev The subject id of a channel's `ordinal`-th settlement.
    function _subject(uint256 number, uint256 ordinal) internal pure returns (bytes32) {
        return bytes32((number << 24) | ordinal);
    }

    /// @dev Asserts a subject of alice's channel with bronze (`known`), or an unknown one (zero parties).
    function _assertSubject(
        bytes32 subjectId,
        bool known,
        uint256 value,
        uint256 deadline,
        string memory what
    ) internal view {
        (address provider, address consumer, uint256 v, uint256 d) = market.challengeSubject(subjectId);
        assertEq(provider, known ? bronze : address(0), string.concat(what, ": provider"));
        assertEq(consumer, known ? alice : address(0), string.concat(what, ": consumer"));
        assertEq(v, value, string.concat(what, ": value"));
        assertEq(d, deadline, string.concat(what, ": deadline"));
    }

    function test_challengeSubject_settlementsOfAWindowShareItEachUnderItsOwnId() public {
        bytes32 first = _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000));
        _skip(1 days);
        bytes32 second = _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_500 ether, 1_500_000));
        assertEq(first, _subject(1, 1), "first id");
        assertEq(second, _subject(1, 2), "second id");
        // One window: 1,000 + 500 paid, open until the later settlement's window ends (the first one's never shrinks).
        _assertSubject(first, true, 1_500 ether, T0 + 1 days + WINDOW, "first");
        _assertSubject(second, true, 1_500 ether, T0 + 1 days + WINDOW, "second");
        // No subject before the first ordinal or after the last, and none in a channel never opened.
        _assertSubject(_subject(1, 0), false, 0, 0, "ordinal 0");
        _assertSubject(_subject(1, 3), false, 0, 0, "ordinal 3 (not settled yet)");
        _assertSubject(_subject(2, 1), false, 0, 0, "channel 2 (never opened)");
    }

    function test_challengeSubject_aWindowStartedAChallengeWindowAgoIsArchivedUntilItsDeadline() public {
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000));
        _skip(6 days);
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_500 ether, 1_500_000));
        // Seven days after the window started: a new one starts, the first is archived whole.
        _skip(1 days);
        bytes32 third = _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_700 ether, 1_700_000));
        assertEq(third, _subject(1, 3), "third id");
        _assertSubject(_subject(1, 1), true, 1_500 ether, T0 + 13 days, "first (archived)");
        _assertSubject(_subject(1, 2), true, 1_500 ether, T0 + 13 days, "second (archived)");
        _assertSubject(third, true, 200 ether, T0 + 14 days, "third (new window)");
        // Seven days later again: the first window expired (T0 + 13 days), so it is overwritten by the second.
        _skip(7 days);
        bytes32 fourth = _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_800 ether, 1_800_000));
        _assertSubject(_subject(1, 1), true, 0, 0, "first (expired: its parties, nothing to challenge)");
        _assertSubject(_subject(1, 2), true, 0, 0, "second (expired: its parties, nothing to challenge)");
        _assertSubject(third, true, 200 ether, T0 + 14 days, "third (archived)");
        _assertSubject(fourth, true, 100 ether, T0 + 21 days, "fourth (new window)");
    }

    function test_challengeSubject_anOpenArchivedWindowIsNeverOverwritten() public {
        // The window parameter shortened to 1 day after a 7-day window opened: the next settlement a day later starts
        // a new window (the first is archived, open until T0 + 7 days); one more day later the archived window is
        // still open, so that settlement joins the current window instead of overwriting it.
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000));
        vm.prank(registry);
        market.setParameter(keccak256("market.challengeWindow"), 1 days);
        _skip(1 days);
        _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_100 ether, 1_100_000));
        _skip(1 days);
        bytes32 third = _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_300 ether, 1_300_000));
        _assertSubject(_subject(1, 1), true, 1_000 ether, T0 + WINDOW, "first (archived, still open)");
        _assertSubject(_subject(1, 2), true, 300 ether, T0 + 3 days, "second (joined by the third)");
        _assertSubject(third, true, 300 ether, T0 + 3 days, "third");
    }

    /// Every settlement stays challengeable under its own id until at least its own time + the window in force when it
    /// was settled, for a value at least what the consumer paid in it, whatever the gaps between settlements and a
    /// change of the window parameter half-way (shorter or longer).
    function testFuzz_everySettlementKeepsItsWindowAndItsValue(uint32[8] memory gaps, uint32 newWindow) public {
        uint256 changed = bound(newWindow, 1 days, 30 days);
        bytes32[8] memory ids;
        uint256[8] memory paid;
        uint256[8] memory due;
        uint256 window = WINDOW;
        for (uint256 i; i < 8; ++i) {
            if (i == 4) {
                vm.prank(registry);
                market.setParameter(keccak256("market.challengeWindow"), changed);
                window = changed;
            }
            _skip(bound(gaps[i], 0, 10 days));
            (uint256 escrowBefore, , ) = market.totals();
            ids[i] = _settle(aliceKey, _voucher(alice, bronze, SMALL, (i + 1) * 100 ether, (i + 1) * 100_000));
            (uint256 escrowAfter, , ) = market.totals();
            paid[i] = escrowBefore - escrowAfter;
            due[i] = block.timestamp + window;
            assertEq(ids[i], _subject(1, i + 1), "one id per settlement");
            for (uint256 j; j <= i; ++j) {
                if (block.timestamp > due[j]) continue;
                (address provider, address consumer, uint256 value, uint256 deadline) = market.challengeSubject(ids[j]);
                assertEq(provider, bronze, "provider");
                assertEq(consumer, alice, "consumer");
                assertGe(deadline, due[j], "never before its own deadline");
                assertGe(value, paid[j], "at least what it paid");
            }
        }
    }

    function test_challengeSubject_unknownSubjectIsEmpty() public view {
        (address provider, address consumer, uint256 value, uint256 deadline) = market.challengeSubject(bytes32(0));
        assertEq(provider, address(0), "no provider");
        assertEq(consumer, address(0), "no consumer");
        assertEq(value, 0, "no value");
        assertEq(deadline, 0, "no deadline");
        (provider, , , ) = market.challengeSubject(_subject(1, 1));
        assertEq(provider, address(0), "nothing settled yet");
    }

    function test_challengeSubject_keepsItsWindowWhenTheParameterChanges() public {
        bytes32 subjectId = _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_000 ether, 1_000_000));
        vm.prank(registry);
        market.setParameter(keccak256("market.challengeWindow"), 1 days);
        (, , , uint256 deadline) = market.challengeSubject(subjectId);
        assertEq(deadline, T0 + WINDOW, "the window fixed at settlement");
        // A settlement joining the window never shortens it.
        _skip(1);
        bytes32 joining = _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_100 ether, 1_100_000));
        (, , , deadline) = market.challengeSubject(joining);
        assertEq(deadline, T0 + WINDOW, "joining keeps the longer deadline");
        // A day after the window started (the new parameter): a new window, with the new length.
        _skip(1 days - 1);
        bytes32 later = _settle(aliceKey, _voucher(alice, bronze, SMALL, 1_200 ether, 1_200_000));
        (, , , deadline) = market.challengeSubject(later);
        assertEq(deadline, T0 + 2 days, "later windows get the new length");
        (, , , deadline) = market.challengeSubject(subjectId);
        assertEq(deadline, T0 + WINDOW, "the archived window keeps its own");
    }
}
