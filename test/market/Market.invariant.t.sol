// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IIncentivePools} from "../../contracts/interfaces/IIncentivePools.sol";
import {IInferenceMarket} from "../../contracts/interfaces/IInferenceMarket.sol";
import {IFeeRouter} from "../../contracts/interfaces/IFeeRouter.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {MarketBase} from "./MarketBase.sol";
import {MarketHandler} from "./handlers/MarketHandler.sol";
import {MockWalletConsumer} from "./mocks/MockWalletConsumer.sol";

/// @notice Invariants of the market over random action sequences: every voucher signed within its reserve settles in
/// full until its pair's release completes (with consumers that are providers too, contract-wallet consumers rotating
/// keys, and guardian pauses), escrow held equals the sum of consumer balances and reserves, everything paid in is
/// provider + validators + infrastructure + treasury + burned + remaining escrow, the balance covers everything owed,
/// and the incentive pools never pay more than they were funded.
contract MarketInvariantTest is MarketBase {
    MarketHandler internal handler;
    uint256 internal burnedBefore;

    function setUp() public virtual override {
        super.setUp();
        uint256[] memory keys = new uint256[](3);
        keys[0] = aliceKey;
        keys[1] = bobKey;
        address carol;
        (carol, keys[2]) = makeAddrAndKey("carol");
        // Carol is a consumer and a provider at once (10,000 QUIV of stake, the minimum).
        _register(carol, 10_000 ether);
        market.syncTier(carol);
        address[] memory providers = new address[](5);
        (providers[0], providers[1], providers[2], providers[3], providers[4]) = (
            bronze,
            silver,
            gold,
            platinum,
            carol
        );
        bytes32[] memory models = new bytes32[](3);
        (models[0], models[1], models[2]) = (SMALL, MEDIUM, LARGE);
        // A contract-wallet consumer (ERC-1271), signing through a registered key.
        (address owner, uint256 ownerKey) = makeAddrAndKey("walletOwner");
        MockWalletConsumer wallet = new MockWalletConsumer(owner);
        wallet.registerSigner(market, owner);
        handler = new MarketHandler(
            market,
            router,
            pools,
            token,
            [minter, registry, guardian, governor],
            keys,
            providers,
            models,
            address(wallet),
            ownerKey
        );
        vm.prank(admin);
        manager.grantRole(Roles.MINTER, address(handler), 0);
        vm.prank(curator);
        pools.setDeveloper(alice, true);
        burnedBefore = token.totalBurned();
        // A running market to start from (through the handler, so the ghost model sees it): funded pools and escrow.
        for (uint256 i; i < 4; ++i) handler.fundPool(i, 500 ether);
        for (uint256 i; i < 4; ++i) handler.deposit(i, 20_000 ether);

        bytes4[] memory selectors = new bytes4[](23);
        selectors[0] = MarketHandler.deposit.selector;
        selectors[1] = MarketHandler.buyCredits.selector;
        selectors[2] = MarketHandler.subscribe.selector;
        selectors[3] = MarketHandler.withdraw.selector;
        selectors[4] = MarketHandler.release.selector;
        selectors[5] = MarketHandler.requestRelease.selector;
        selectors[6] = MarketHandler.settle.selector;
        selectors[7] = MarketHandler.settle.selector; // settlements twice as often
        selectors[8] = MarketHandler.claimEarnings.selector;
        selectors[9] = MarketHandler.distributeFees.selector;
        selectors[10] = MarketHandler.fundPool.selector;
        selectors[11] = MarketHandler.claimIncentives.selector;
        selectors[12] = MarketHandler.togglePause.selector;
        selectors[13] = MarketHandler.setBurnShare.selector;
        selectors[14] = MarketHandler.warp.selector;
        selectors[15] = MarketHandler.reserve.selector;
        selectors[16] = MarketHandler.reserve.selector;
        selectors[17] = MarketHandler.requestRelease.selector;
        selectors[18] = MarketHandler.release.selector;
        selectors[19] = MarketHandler.rotateSigner.selector;
        selectors[20] = MarketHandler.signVoucher.selector;
        selectors[21] = MarketHandler.settleSigned.selector;
        selectors[22] = MarketHandler.togglePause.selector; // guardian pauses twice as often
        targetSelector(address(handler), selectors);
        targetContract(address(handler));
    }

    function _sumOfConsumerEscrow() internal view returns (uint256 sum) {
        for (uint256 i; i < handler.consumerCount(); ++i) {
            address c = handler.consumers(i);
            IInferenceMarket.AccountView memory a = market.accountOf(c);
            sum += a.balance + a.credits;
            for (uint256 j; j < handler.providerCount(); ++j) {
                IInferenceMarket.ReserveView memory r = market.reserveOf(c, handler.providers(j));
                sum += r.deposits + r.credits;
            }
        }
    }

    /// @dev Every voucher signed within its reserve and not yet settled settles for its full amount now (until its
    /// pair's release completes, which the handler sees and drops it): through pauses, withdrawals, other channels,
    /// the consumer's own provider identity, signer rotations (refused while a reserve is open) and split changes.
    function invariant_everyVoucherSignedWithinTheReserveSettlesInFull() public {
        for (uint256 i; i < handler.consumerCount(); ++i) {
            address c = handler.consumers(i);
            for (uint256 j; j < handler.providerCount(); ++j) {
                address p = handler.providers(j);
                (bool exists, IInferenceMarket.Voucher memory v, bytes memory signature) = handler.signedVoucher(c, p);
                if (!exists) continue;
                assertEq(market.reserveOf(c, p).epoch, v.epoch, "the pair's epoch moves only by a release");
                uint256 amount =
                    v.cumulativeAmount - market.channel(_channelKey(c, p, v.modelId, 0, false, v.epoch)).settledAmount;
                IFeeRouter.Charge memory charge = _preview(c, p, amount, 0, false);
                IInferenceMarket.ReserveView memory before = market.reserveOf(c, p);
                uint256 snapshot = vm.snapshotState();
                vm.prank(p);
                market.settle(v, signature);
                IInferenceMarket.ReserveView memory after_ = market.reserveOf(c, p);
                assertEq(
                    before.deposits + before.credits - after_.deposits - after_.credits,
                    charge.total,
                    "settled for its full charge"
                );
                vm.revertToState(snapshot);
            }
        }
    }

    function invariant_escrowHeldEqualsTheSumOfConsumerBalances() public view {
        (uint256 escrow, , ) = market.totals();
        assertEq(escrow, _sumOfConsumerEscrow(), "escrow total == sum of balances and credits");
    }

    function invariant_everythingPaidInIsAccountedFor() public view {
        (uint256 escrow, , ) = market.totals();
        IInferenceMarket.AccruedFees memory f = market.accruedFees();
        uint256 provider;
        for (uint256 i; i < handler.providerCount(); ++i) {
            (, uint256 lifetime) = market.earningsOf(handler.providers(i));
            provider += lifetime;
        }
        uint256 validators = handler.ghostValidatorsPaid() + f.validators;
        uint256 infrastructure = handler.ghostInfrastructurePaid() + f.infrastructure;
        uint256 treasury = handler.ghostTreasuryPaid() + f.treasury;
        uint256 burned = (token.totalBurned() - burnedBefore) + f.burn;
        uint256 paidIn =
            handler.ghostDeposited() + handler.ghostCreditsBought() + handler.ghostBonus() - handler.ghostWithdrawn();
        assertEq(
            paidIn,
            provider + validators + infrastructure + treasury + burned + escrow,
            "paid in == provider + validators + infrastructure + treasury + burned + remaining escrow"
        );
        // Part by part, against what the router's preview said each settlement would produce.
        assertEq(provider, handler.ghostProviderParts(), "provider parts");
        assertEq(validators, handler.ghostValidatorParts(), "validator parts");
        assertEq(infrastructure, handler.ghostInfrastructureParts(), "infrastructure parts");
        assertEq(treasury, handler.ghostTreasuryParts(), "treasury parts");
        assertEq(burned, handler.ghostBurnParts(), "burn parts: burned or to burn");
        assertEq(token.totalBurned() - burnedBefore, handler.ghostBurned(), "burns reduce supply exactly");
    }

    function invariant_balanceCoversEverythingOwed() public view {
        (uint256 escrow, uint256 earnings, uint256 fees) = market.totals();
        assertEq(token.balanceOf(address(market)), escrow + earnings + fees, "balance == escrow + earnings + fees");
        uint256 unclaimed;
        for (uint256 i; i < handler.providerCount(); ++i) {
            (uint256 u, ) = market.earningsOf(handler.providers(i));
            unclaimed += u;
        }
        assertEq(earnings, unclaimed, "earnings total == sum of unclaimed earnings");
        assertEq(
            handler.ghostProviderParts() - handler.ghostEarningsClaimed(),
            unclaimed,
            "unclaimed == earned - claimed"
        );
    }

    function invariant_incentivesNeverExceedFunding() public view {
        uint256 remaining;
        for (uint256 i; i < 4; ++i) {
            IIncentivePools.PoolView memory p = pools.poolInfo(IIncentivePools.Pool(i));
            assertEq(p.funded, handler.ghostFunded(i), "funded as the ghost");
            assertLe(p.spent, p.funded, "spent <= funded");
            remaining += p.funded - p.spent;
        }
        IIncentivePools.PoolView memory bonus = pools.poolInfo(IIncentivePools.Pool.CreditBonus);
        assertEq(bonus.spent, handler.ghostBonus(), "credit bonuses drawn == bonuses credited");
        uint256 owed;
        for (uint256 i; i < handler.consumerCount(); ++i) owed += pools.owed(handler.consumers(i));
        // Some consumers are providers too: count each account once.
        for (uint256 i; i < handler.providerCount(); ++i) {
            address provider = handler.providers(i);
            if (!_isConsumer(provider)) owed += pools.owed(provider);
        }
        assertEq(owed, pools.totalOwed(), "owed to accounts == total owed");
        assertEq(token.balanceOf(address(pools)), remaining + owed, "pool balance == remaining + owed");
    }

    function _isConsumer(address account) private view returns (bool) {
        for (uint256 i; i < handler.consumerCount(); ++i) {
            if (handler.consumers(i) == account) return true;
        }
        return false;
    }
}
