// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IIncentivePools} from "../../contracts/interfaces/IIncentivePools.sol";
import {IInferenceMarket} from "../../contracts/interfaces/IInferenceMarket.sol";
import {Roles} from "../../contracts/libraries/Roles.sol";
import {MarketBase} from "./MarketBase.sol";
import {MarketHandler} from "./handlers/MarketHandler.sol";

/// @notice Invariants of the market over random action sequences: escrow held equals the sum of consumer balances,
/// everything paid in is provider + validators + infrastructure + treasury + burned + remaining escrow, the balance
/// covers everything owed, and the incentive pools never pay more than they were funded.
contract MarketInvariantTest is MarketBase {
    MarketHandler internal handler;
    uint256 internal burnedBefore;

    function setUp() public virtual override {
        super.setUp();
        uint256[] memory keys = new uint256[](3);
        keys[0] = aliceKey;
        keys[1] = bobKey;
        (, keys[2]) = makeAddrAndKey("carol");
        address[] memory providers = new address[](4);
        (providers[0], providers[1], providers[2], providers[3]) = (bronze, silver, gold, platinum);
        bytes32[] memory models = new bytes32[](3);
        (models[0], models[1], models[2]) = (SMALL, MEDIUM, LARGE);
        handler = new MarketHandler(
            market,
            router,
            pools,
            token,
            [minter, registry, guardian, governor],
            keys,
            providers,
            models
        );
        vm.prank(admin);
        manager.grantRole(Roles.MINTER, address(handler), 0);
        vm.prank(curator);
        pools.setDeveloper(alice, true);
        burnedBefore = token.totalBurned();
        // A running market to start from (through the handler, so the ghost model sees it): funded pools and escrow.
        for (uint256 i; i < 4; ++i) handler.fundPool(i, 500 ether);
        for (uint256 i; i < 3; ++i) handler.deposit(i, 20_000 ether);

        bytes4[] memory selectors = new bytes4[](15);
        selectors[0] = MarketHandler.deposit.selector;
        selectors[1] = MarketHandler.buyCredits.selector;
        selectors[2] = MarketHandler.subscribe.selector;
        selectors[3] = MarketHandler.requestWithdrawal.selector;
        selectors[4] = MarketHandler.cancelWithdrawal.selector;
        selectors[5] = MarketHandler.withdraw.selector;
        selectors[6] = MarketHandler.settle.selector;
        selectors[7] = MarketHandler.settle.selector; // settlements twice as often
        selectors[8] = MarketHandler.claimEarnings.selector;
        selectors[9] = MarketHandler.distributeFees.selector;
        selectors[10] = MarketHandler.fundPool.selector;
        selectors[11] = MarketHandler.claimIncentives.selector;
        selectors[12] = MarketHandler.togglePause.selector;
        selectors[13] = MarketHandler.setBurnShare.selector;
        selectors[14] = MarketHandler.warp.selector;
        targetSelector(address(handler), selectors);
        targetContract(address(handler));
    }

    function _sumOfConsumerEscrow() internal view returns (uint256 sum) {
        for (uint256 i; i < handler.consumerCount(); ++i) {
            IInferenceMarket.AccountView memory a = market.accountOf(handler.consumers(i));
            sum += a.balance + a.credits;
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
        for (uint256 i; i < handler.providerCount(); ++i) owed += pools.owed(handler.providers(i));
        assertEq(owed, pools.totalOwed(), "owed to accounts == total owed");
        assertEq(token.balanceOf(address(pools)), remaining + owed, "pool balance == remaining + owed");
    }
}
