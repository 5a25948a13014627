// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IInferenceMarket} from "../../contracts/interfaces/IInferenceMarket.sol";
import {IIncentivePools} from "../../contracts/interfaces/IIncentivePools.sol";
import {IProviderPrograms} from "../../contracts/interfaces/IProviderPrograms.sol";
import {IRatings} from "../../contracts/interfaces/IRatings.sol";
import {MarketKeys} from "../../contracts/libraries/MarketKeys.sol";
import {Roles} from "../../contracts/common/Roles.sol";
import {ProgramsHandler} from "./handlers/ProgramsHandler.sol";
import {ProgramsBase} from "./ProgramsBase.sol";

/// @notice Invariants of the ratings and provider programs: no pool pays more than it was funded; a party that is
/// consumer and provider at once, through two consumer and two provider identities, never ends up with more than it
/// put in, whatever the rates (within their bounds) and whatever it claims (every incentive pool funded); a rating
/// never weighs more than its consumer's settled payments.
contract ProgramsInvariantTest is ProgramsBase {
    ProgramsHandler internal handler;
    address internal partyA;
    address internal partyB;
    address internal buyerA;
    address internal buyerB;

    function setUp() public override {
        super.setUp();
        _specializeSmall();
        partyA = makeAddr("partyProviderA");
        partyB = makeAddr("partyProviderB");
        uint256 keyA;
        uint256 keyB;
        (buyerA, keyA) = makeAddrAndKey("partyConsumerA");
        (buyerB, keyB) = makeAddrAndKey("partyConsumerB");
        _register(partyA, 10_000 ether);
        _register(partyB, 10_000 ether);
        vm.prank(partyA);
        catalog.serveModel(SMALL);
        vm.prank(partyB);
        catalog.serveModel(SMALL);
        // The party's providers are certified specialists too (the curator may err; the bound must hold anyway).
        _certify(SMALL, partyA);
        _certify(SMALL, partyB);
        vm.prank(partyA);
        programs.enroll();
        vm.prank(partyB);
        programs.enroll();
        vm.prank(bronze);
        programs.enroll();
        // Every consumer incentive the party could collect is funded.
        _fundPool(IIncentivePools.Pool.Cashback, 10_000 ether);
        _fundPool(IIncentivePools.Pool.Referral, 10_000 ether);
        _fundPool(IIncentivePools.Pool.ApiShare, 10_000 ether);
        // The party's consumers are early adopters too (10%, a cap they cannot reach), the bonus in place of cashback.
        _fundPool(IIncentivePools.Pool.EarlyAdopter, 10_000 ether);
        vm.startPrank(registry);
        pools.setParameter(MarketKeys.EARLY_ADOPTER_BPS, 1_000);
        pools.setParameter(MarketKeys.EARLY_ADOPTER_CAP, 1_000_000 ether);
        vm.stopPrank();
        vm.startPrank(curator);
        pools.setDeveloper(buyerA, true);
        pools.setDeveloper(buyerB, true);
        vm.stopPrank();

        handler = new ProgramsHandler(
            ratings,
            programs,
            metrics,
            token,
            minter,
            registry,
            [alice, buyerA, buyerB],
            [aliceKey, keyA, keyB],
            [bronze, partyA, partyB]
        );
        vm.startPrank(admin);
        manager.grantRole(Roles.MINTER, address(handler), 0);
        manager.grantRole(Roles.PARAMETER_REGISTRY, address(handler), 0);
        vm.stopPrank();
        for (uint256 i; i < 4; ++i) handler.fund(i, 1_000 ether);
        bytes4[] memory selectors = new bytes4[](11);
        selectors[0] = ProgramsHandler.pay.selector;
        selectors[1] = ProgramsHandler.pay.selector; // payments twice as often
        selectors[2] = ProgramsHandler.rate.selector;
        selectors[3] = ProgramsHandler.claim.selector;
        selectors[4] = ProgramsHandler.claim.selector;
        selectors[5] = ProgramsHandler.fund.selector;
        selectors[6] = ProgramsHandler.setMetrics.selector;
        selectors[7] = ProgramsHandler.warp.selector;
        selectors[8] = ProgramsHandler.setRate.selector;
        selectors[9] = ProgramsHandler.toggleServing.selector;
        selectors[10] = ProgramsHandler.warp.selector;
        targetSelector(address(handler), selectors);
        targetContract(address(handler));
    }

    function test_setUp_handlerDeployed() public view {
        assertGt(address(handler).code.length, 0, "handler code");
    }

    function invariant_noProgramPaysMoreThanFunded() public view {
        uint256 held;
        for (uint256 i; i < 3; ++i) {
            IProviderPrograms.PoolView memory p = programs.poolInfo(IProviderPrograms.Program(i));
            assertEq(p.funded, handler.ghostFunded(i), "funded as the ghost saw it");
            assertLe(p.spent, p.funded, "spent <= funded");
            held += p.funded - p.spent;
        }
        assertEq(token.balanceOf(address(programs)), held, "balance == what remains");
        IRatings.PoolView memory f = ratings.poolInfo();
        assertEq(f.funded, handler.ghostFeedbackFunded(), "feedback funded");
        assertLe(f.spent, f.funded, "feedback spent <= funded");
        assertEq(token.balanceOf(address(ratings)), f.funded - f.spent, "feedback balance");
    }

    function invariant_selfDealingPartyNeverGains() public view {
        assertLe(handler.partyWealth(), handler.ghostPartyMinted(), "the party never holds more than it put in");
    }

    function invariant_ratingsWeighOnlySettledPayments() public view {
        uint256 rated;
        uint256 weight;
        address[3] memory consumers = [alice, buyerA, buyerB];
        address[3] memory providers = [bronze, partyA, partyB];
        for (uint256 i; i < 3; ++i) {
            weight += ratings.ratingOf(providers[i]).weight;
            for (uint256 j; j < 3; ++j) {
                IRatings.Channel memory ch = IRatings.Channel(providers[j], false, SMALL, 0, 0);
                bytes32 key = ratings.channelKey(consumers[i], ch);
                uint256 r = ratings.ratedOf(key);
                IInferenceMarket.ChannelView memory c = market.channel(key);
                assertLe(r, c.settledAmount, "rated <= settled");
                rated += r;
            }
        }
        assertEq(weight, rated, "the providers' weights are the channels' rated values");
    }
}
